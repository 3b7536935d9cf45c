<?php
// A small assert-based runner: runs every test_* function of the *_test.php files here
// and prints "N passed, N failed". Exit status 1 if any failed.
// Usage: php -d ffi.enable=1 run.php   (STUINFO_PHP_HEADER and STUINFO_LIBRARY set)
declare(strict_types=1);

require __DIR__ . '/../stuinfo.php';

final class AssertionFailed extends \Exception
{
}

function check(bool $cond, string $what = ''): void
{
    if (!$cond) {
        throw new AssertionFailed($what);
    }
}

function check_same(mixed $expected, mixed $actual, string $what = ''): void
{
    if ($expected !== $actual) {
        throw new AssertionFailed(sprintf('%s: expected %s, got %s', $what,
            var_export($expected, true), var_export($actual, true)));
    }
}

/** Run $fn and return the StuinfoException it throws (fail if it throws none). */
function expect_error(callable $fn, string $what = ''): Stuinfo\StuinfoException
{
    try {
        $fn();
    } catch (Stuinfo\StuinfoException $e) {
        return $e;
    }
    throw new AssertionFailed("no StuinfoException: $what");
}

function ctx(): Stuinfo\Context
{
    return new Stuinfo\Context('en', 1764374400);     // 2025-11-29 UTC
}

$before = get_defined_functions()['user'];
foreach (glob(__DIR__ . '/*_test.php') as $file) {
    require $file;
}
$tests = array_values(array_filter(array_diff(get_defined_functions()['user'], $before),
    fn($f) => str_starts_with($f, 'test_')));
$passed = $failed = 0;
foreach ($tests as $test) {
    try {
        $test();
        $passed++;
    } catch (\Throwable $e) {
        $failed++;
        fprintf(STDERR, "FAIL %s: %s: %s (%s:%d)\n", $test, get_class($e), $e->getMessage(),
                basename($e->getFile()), $e->getLine());
    }
    gc_collect_cycles();
}
echo "$passed passed, $failed failed\n";
exit($failed === 0 && $passed > 0 ? 0 : 1);
