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
    'printf', 'fprintf', 'vprintf', 'vfprintf', 'puts', 'fputs', 'putchar', 'fputc',
    'putc', 'perror', 'syslog', 'vsyslog', 'write', 'fwrite', 'abort', 'exit', '_exit',
    '_Exit', 'quick_exit', '__assert_fail', 'snprintf', 'sprintf', 'vsnprintf',
    'vsprintf', '__printf_chk', '__fprintf_chk', '__snprintf_chk', '__sprintf_chk',
    '__vsnprintf_chk', '__vfprintf_chk', '__fwrite_chk', 'u_setMemoryFunctions',
    'u_cleanup', 'getenv', 'setlocale', 'system',
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
    bad = sorted(imported & FORBIDDEN_IMPORTS)
    if bad:
        fail('the library imports forbidden symbols: ' + ', '.join(bad))
    print('ok: %d symbols agree; no forbidden imports' % len(exported))


if __name__ == '__main__':
    main()
