#!/usr/bin/env python3
"""Fail if text produced by the test suite holds an unmasked resident ID number.

Scans files (e.g. meson-logs/testlog.txt, which holds every test's stdout and stderr:
messages, findings and JSON the tests print, CLI output) for 18-character check-valid
ID numbers (17 digits and a MOD 11-2 check digit or X) that are not part of a longer
run of digits. Usage: scan_pii_logs.py FILE...
"""
import re
import sys

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHECK = '10X98765432'
PATTERN = re.compile(r'(?<![0-9])([0-9]{17}[0-9Xx])(?![0-9Xx])')


def valid(id18):
    total = sum(int(d) * w for d, w in zip(id18[:17], WEIGHTS))
    return CHECK[total % 11] == id18[17].upper()


def main():
    found = 0
    for path in sys.argv[1:]:
        with open(path, encoding='utf-8', errors='replace') as f:
            for lineno, line in enumerate(f, 1):
                for m in PATTERN.finditer(line):
                    if valid(m.group(1)):
                        found += 1
                        masked = m.group(1)[:3] + '*' * 11 + m.group(1)[-4:]
                        print('%s:%d: unmasked ID number %s' % (path, lineno, masked))
    if found:
        print('FAIL: %d unmasked ID number(s) in test output' % found)
        return 1
    print('ok: no unmasked ID numbers in %d file(s)' % len(sys.argv[1:]))
    return 0


if __name__ == '__main__':
    sys.exit(main())
