<?php
// The cost of crossing the FFI from PHP: identity-number verifications per second through
// the Stuinfo classes, on the number set bench/ffi_c.c builds the same way.
// Prints bench ffi.php_verify (Context::isValidId(), the binding's fast path),
// ffi.php_verify_raw (the FFI call itself with a preallocated result),
// ffi.php_verify_batch (IdBatch: one C call over numbers packed once) and
// ffi.php_batch_pack (packing an array of strings). CPU time, best of five passes.
// Usage: php -d ffi.enable=1 ffi_php.php   (STUINFO_PHP_HEADER, STUINFO_LIBRARY set)
declare(strict_types=1);

require __DIR__ . '/../bindings/php/stuinfo.php';

const COUNT = 100000;
const PASSES = 5;

function make_numbers(): array
{
    $addr = ['110105', '310104', '440106', '510104', '330106', '420106', '610104', '320102'];
    $w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    $checks = '10X98765432';
    $out = [];
    for ($i = 0; $i < COUNT; $i++) {
        $s = sprintf('%s%04d%02d%02d%03d', $addr[$i % 8], 1950 + ($i * 7) % 70,
                     1 + ($i * 5) % 12, 1 + ($i * 11) % 28, ($i * 13) % 1000);
        $sum = 0;
        for ($k = 0; $k < 17; $k++) {
            $sum += (int)$s[$k] * $w[$k];
        }
        $c = $sum % 11;
        if ($i % 10 === 9) {
            $c = ($c + 1) % 11;
        }
        $out[] = $s . $checks[$c];
    }
    return $out;
}

function cpu(): float
{
    $u = getrusage();
    return $u['ru_utime.tv_sec'] + $u['ru_utime.tv_usec'] / 1e6
         + $u['ru_stime.tv_sec'] + $u['ru_stime.tv_usec'] / 1e6;
}

function best(callable $fn, int $ops): float
{
    $best = INF;
    for ($p = 0; $p < PASSES; $p++) {
        $t0 = cpu();
        $fn();
        $best = min($best, cpu() - $t0);
    }
    return $ops / max($best, 1e-9);
}

$numbers = make_numbers();
$ctx = new Stuinfo\Context();
$valid = 0;
foreach ($numbers as $n) {
    $valid += $ctx->isValidId($n) ? 1 : 0;
}
if ($valid !== intdiv(COUNT * 9, 10)) {
    fwrite(STDERR, "unexpected valid count $valid\n");
    exit(1);
}
$single = best(function () use ($ctx, $numbers) {
    foreach ($numbers as $n) {
        $ctx->isValidId($n);
    }
}, COUNT);

$ffi = Stuinfo\Library::ffi();
$p = $ctx->ptr();
$res = $ffi->new('stuinfo_idnum_result');
$res->size = FFI::sizeof($res);
$resPtr = FFI::addr($res);
$raw = best(function () use ($ffi, $p, $resPtr, $numbers) {
    foreach ($numbers as $n) {
        $ffi->stuinfo_idnum_verify($p, $n, 18, $resPtr);
    }
}, COUNT);

$batch = new Stuinfo\IdBatch($ctx, $numbers);
$reps = 20;
$batched = best(function () use ($batch, $reps) {
    for ($i = 0; $i < $reps; $i++) {
        $batch->verify();
    }
}, COUNT * $reps);
$pack = best(fn() => new Stuinfo\IdBatch($ctx, $numbers), COUNT);

printf("# %d numbers, best of %d passes (CPU time)\n", COUNT, PASSES);
printf("bench ffi.php_verify %.0f ops/s\n", $single);
printf("bench ffi.php_verify_raw %.0f ops/s\n", $raw);
printf("bench ffi.php_verify_batch %.0f ops/s\n", $batched);
printf("bench ffi.php_batch_pack %.0f ops/s\n", $pack);
