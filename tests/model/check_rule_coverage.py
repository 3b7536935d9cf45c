#!/usr/bin/env python3
"""Every rule of data/rules/student.tsv is exercised by some test under tests/model.

Usage: check_rule_coverage.py student.tsv test_file.c...
"""
import sys


def main():
    rules_path, tests = sys.argv[1], sys.argv[2:]
    text = ''.join(open(t, encoding='utf-8').read() for t in tests)
    missing = []
    with open(rules_path, encoding='utf-8') as f:
        for line in f:
            if line.startswith('#') or line.startswith('id\t') or not line.strip():
                continue
            rule = line.split('\t', 1)[0]
            if '"%s"' % rule not in text:
                missing.append(rule)
    if missing:
        sys.stderr.write('rules without a test: %s\n' % ', '.join(missing))
        return 1
    print('ok: every student rule is tested')
    return 0


if __name__ == '__main__':
    sys.exit(main())
