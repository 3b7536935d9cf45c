<?php
// PHP FFI turns a returned `const char *` into a PHP string by itself.
// PHP FFI loads libstuinfo from the generated cdef and reads back an error.
// Usage: php -d ffi.enable=1 ffi_smoke.php stuinfo-cdef.h libstuinfo.so
declare(strict_types=1);

function check(bool $cond, string $what): void
{
    if (!$cond) {
        fwrite(STDERR, "FAIL: $what\n");
        exit(1);
    }
}

[$_, $cdefPath, $libPath] = $argv;
$ffi = FFI::cdef(file_get_contents($cdefPath), $libPath);
$version = $ffi->stuinfo_version();
check(substr_count($version, '.') === 2, "version $version");
$p = $ffi->new('stuinfo_ctx*');
check($ffi->stuinfo_ctx_new(null, FFI::addr($p)) === $ffi->STUINFO_OK, 'ctx_new');
check($ffi->stuinfo_ctx_set_lang($p, $ffi->STUINFO_LANG_EN) === $ffi->STUINFO_OK, 'lang');
$rc = $ffi->stuinfo_ctx_set_lang($p, 42);
check($rc === $ffi->STUINFO_ERR_INVALID_ARGUMENT, "status $rc");
check($ffi->stuinfo_ctx_last_message($p) === 'unknown message language',
      'message');
check($ffi->stuinfo_status_str($rc) === 'invalid argument', 'status_str');
$ffi->stuinfo_ctx_free($p);
echo "1 passed, 0 failed\n";
