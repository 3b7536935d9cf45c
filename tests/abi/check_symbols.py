#!/usr/bin/env python3
"""Header, version script and library agree on the exported symbols, and the library
imports nothing that prints, exits or aborts.

Usage: check_symbols.py stuinfo-cdef.h libstuinfo.map libstuinfo.so nm
"""
import re
import subprocess
import sys

# The library never prints, exits or aborts (input problems are statuses, never asserts).
FORBIDDEN_IMPORTS = {
    # printing: the printf family, with glibc's fortified (_chk) and wide variants
    'printf', 'fprintf', 'dprintf', 'vprintf', 'vfprintf', 'vdprintf', 'sprintf',
    'snprintf', 'vsprintf', 'vsnprintf', 'asprintf', 'vasprintf',
    '__printf_chk', '__fprintf_chk', '__dprintf_chk', '__vprintf_chk', '__vfprintf_chk',
    '__vdprintf_chk', '__sprintf_chk', '__snprintf_chk', '__vsprintf_chk',
    '__vsnprintf_chk', '__asprintf_chk', '__vasprintf_chk',
    'wprintf', 'fwprintf', 'vwprintf', 'vfwprintf', '__wprintf_chk', '__fwprintf_chk',
    # writing to streams and descriptors
    'puts', 'fputs', 'putchar', 'fputc', 'putc', 'putw', 'fwrite', 'write', 'writev',
    'puts_unlocked', 'fputs_unlocked', 'putchar_unlocked', 'fputc_unlocked',
    'putc_unlocked', 'fwrite_unlocked', '__fwrite_chk', 'fputws', 'putwchar', 'fputwc',
    'putwc', 'perror', 'psignal', 'psiginfo', 'stdout', 'stderr', '_IO_putc',
    # logging
    'syslog', 'vsyslog', '__syslog_chk', '__vsyslog_chk', 'openlog',
    'err', 'errx', 'verr', 'verrx', 'warn', 'warnx', 'vwarn', 'vwarnx', 'error',
    'error_at_line',
    # ending the process
    'abort', 'exit', '_exit', '_Exit', 'quick_exit', 'atexit', 'at_quick_exit', 'on_exit',
    '__cxa_atexit', 'raise', 'kill', '__assert_fail', '__assert_perror_fail', '__assert',
    'longjmp', '_longjmp', 'siglongjmp', '__longjmp_chk',
    # process-global state a library must not touch
    'u_setMemoryFunctions', 'u_cleanup', 'json_set_alloc_funcs', 'getenv',
    'secure_getenv', 'setlocale', 'system', 'popen', 'signal', 'sigaction', 'srand',
    'rand',
}


def fail(msg):
    print('FAIL: ' + msg)
    sys.exit(1)


def main():
    cdef, mapfile, lib, nm = sys.argv[1:5]
    text = open(cdef, encoding='utf-8').read()
    # Function declarations: `<type> name(` at statement level, not typedefs.
    text_no_td = re.sub(r'typedef[^;]*;', '', text, flags=re.S)
    declared = set(re.findall(r'\b(stuinfo_\w+)\s*\(', text_no_td))
    mapped = set(re.findall(r'^\s*(stuinfo_\w+);', open(mapfile).read(), flags=re.M))
    out = subprocess.run([nm, '-D', '--defined-only', lib], check=True,
                         capture_output=True, text=True).stdout
    exported = set()
    for line in out.splitlines():
        parts = line.split()
        if len(parts) < 3 or parts[1] == 'A':
            continue
        name = parts[2].split('@')[0]
        if not name.startswith('stuinfo_'):
            fail('exported symbol outside the stuinfo_ namespace: ' + name)
        exported.add(name)
    for a, an, b, bn in ((declared, 'header', mapped, 'map'),
                         (mapped, 'map', exported, 'library'),
                         (exported, 'library', declared, 'header')):
        missing = sorted(a - b)
        if missing:
            fail('in the %s but not the %s: %s' % (an, bn, ', '.join(missing)))
    out = subprocess.run([nm, '-D', '--undefined-only', lib], check=True,
                         capture_output=True, text=True).stdout
    imported = {line.split()[-1].split('@')[0] for line in out.splitlines() if line.strip()}
    # ICU renames its symbols with the major version (u_cleanup_72): compare without it.
    unversioned = {re.sub(r'_[0-9]+$', '', n) if n.startswith('u') else n for n in imported}
    bad = sorted((imported | unversioned) & FORBIDDEN_IMPORTS)
    if bad:
        fail('the library imports forbidden symbols: ' + ', '.join(bad))
    print('ok: %d symbols agree; no forbidden imports' % len(exported))


if __name__ == '__main__':
    main()
