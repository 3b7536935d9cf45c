<?php
// The student record from PHP FFI through the generated cdef header.
// Usage: php -d ffi.enable=1 ffi_student.php stuinfo-cdef.h libstuinfo.so
$ffi = FFI::cdef(file_get_contents($argv[1]), $argv[2]);
function check($rc) { if ($rc !== 0) { fwrite(STDERR, "status $rc\n"); exit(1); } }

$p = $ffi->new("stuinfo_ctx*");
check($ffi->stuinfo_ctx_new(null, FFI::addr($p)));
$ctx = $p;
check($ffi->stuinfo_ctx_set_fixed_time($ctx, 1788220800));
$sp = $ffi->new("stuinfo_student*");
check($ffi->stuinfo_student_new($ctx, FFI::addr($sp)));
$st = $sp;
$rp = $ffi->new("stuinfo_report*");
check($ffi->stuinfo_report_new($ctx, FFI::addr($rp)));
$rep = $rp;

function set_path($ffi, $st, $rep, $path, $value) {
    return $ffi->stuinfo_student_set_path($st, $path, $value, strlen($value), $rep);
}
function get_path($ffi, $st, $path) {
    $t = $ffi->new("const char*");
    $n = $ffi->new("size_t");
    check($ffi->stuinfo_student_get_path($st, $path, FFI::addr($t), FFI::addr($n)));
    return FFI::isNull($t) ? null : FFI::string($t, $n->cdata);
}

check(set_path($ffi, $st, $rep, "name", "张三"));
check(set_path($ffi, $st, $rep, "id_doc_no", "11010520150307123x"));
if (get_path($ffi, $st, "id_doc_no") !== "11010520150307123X") { exit(1); }
if (set_path($ffi, $st, $rep, "name", "a\0b") !== $ffi->STUINFO_ERR_ENCODING) { exit(1); }
check($ffi->stuinfo_report_clear($rep));
check($ffi->stuinfo_student_validate($st, null, $rep));
if ($ffi->stuinfo_report_count($rep) === 0) { exit(1); }
$j = $ffi->new("const char*");
$n = $ffi->new("size_t");
check($ffi->stuinfo_student_to_json($st, FFI::addr($j), FFI::addr($n)));
$doc = json_decode(FFI::string($j, $n->cdata), true);
if ($doc["name"] !== "张三") { exit(1); }
$ffi->stuinfo_report_free($rep);
$ffi->stuinfo_student_free($st);
$ffi->stuinfo_ctx_free($ctx);
echo "1 passed, 0 failed\n";
