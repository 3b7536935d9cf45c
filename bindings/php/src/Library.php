<?php
declare(strict_types=1);

namespace Stuinfo;

/**
 * Loads libstuinfo once per process through FFI, from the generated header
 * stuinfo-php.h (the public header preprocessed at build time).
 *
 * Order: a scope preloaded with ffi.preload (FFI::scope('STUINFO')); else the header
 * named by $STUINFO_PHP_HEADER (or the installed one) with the library named by
 * $STUINFO_LIBRARY (or the installed libstuinfo.so.0, or the linker's search path).
 */
final class Library
{
    private static ?\FFI $ffi = null;
    private static ?string $declarations = null;

    /** Status codes, as the C enum (also reachable as Library::ffi()->STUINFO_OK). */
    public const OK = 0;
    public const ERR_INVALID_ARGUMENT = 1;
    public const ERR_NOMEM = 2;
    public const ERR_ENCODING = 3;
    public const ERR_TOO_LONG = 4;
    public const ERR_NOT_FOUND = 5;
    public const ERR_AMBIGUOUS = 6;
    public const ERR_INVALID = 7;
    public const ERR_PARSE = 8;
    public const ERR_IO = 9;
    public const ERR_STATE = 11;
    public const ERR_PERMISSION = 12;

    public static function ffi(): \FFI
    {
        return self::$ffi ??= self::load();
    }

    public static function version(): string
    {
        return (string)self::ffi()->stuinfo_version();
    }

    private static function load(): \FFI
    {
        $envLib = getenv('STUINFO_LIBRARY') ?: null;
        $envHeader = getenv('STUINFO_PHP_HEADER') ?: null;
        if ($envLib === null && $envHeader === null && ini_get('ffi.preload')) {
            try {
                return \FFI::scope('STUINFO');
            } catch (\FFI\Exception $e) {
                // not preloaded: load below
            }
        }
        // Config is written at install time; from the source tree only the env variables work.
        $installed = class_exists(Config::class);
        $header = $envHeader ?? self::installed(($installed ? Config::DATADIR
            : '/usr/local/share/stuinfo') . '/stuinfo-php.h');
        $code = file_get_contents($header);
        if ($code === false) {
            throw new \RuntimeException("stuinfo: cannot read $header");
        }
        // FFI::cdef() takes the declarations; the FFI_SCOPE / FFI_LIB lines are for preload.
        $code = (string)preg_replace('/^#define FFI_(SCOPE|LIB) .*$/m', '', $code);
        self::$declarations = $code;
        $lib = $envLib;
        if ($lib === null) {
            $path = ($installed ? Config::LIBDIR : '/usr/local/lib') . '/libstuinfo.so.0';
            $lib = is_file($path) ? $path : 'libstuinfo.so.0';
        }
        return \FFI::cdef($code, $lib);
    }

    /** Whether the loaded library declares function $name (newer layers add functions). */
    public static function has(string $name): bool
    {
        self::ffi();
        return self::$declarations === null
            || preg_match('/\\b' . preg_quote($name, '/') . '\\s*\\(/', self::$declarations) === 1;
    }

    private static function installed(string $path): string
    {
        foreach ([$path, '/usr/local/share/stuinfo/stuinfo-php.h',
                  '/usr/share/stuinfo/stuinfo-php.h'] as $p) {
            if (is_file($p)) {
                return $p;
            }
        }
        throw new \RuntimeException('stuinfo: cannot find stuinfo-php.h; install libstuinfo'
            . ' or set STUINFO_PHP_HEADER and STUINFO_LIBRARY');
    }

    /** A PHP string from a char pointer field (FFI returns either). */
    public static function str(mixed $p): ?string
    {
        if ($p === null || is_string($p)) {
            return $p;
        }
        return \FFI::isNull($p) ? null : \FFI::string($p);
    }
}
