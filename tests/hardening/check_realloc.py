#!/usr/bin/env python3
"""Personal-data buffers never grow by realloc (issue 9; reliability.md §1.9).

realloc may move a block and free the old one unwiped, leaving names and ID numbers in
freed memory. Buffers that may hold personal data grow by allocate-copy-wipe-free.
This check lists every call of realloc or core_realloc in src/ and fails on any that
is not on the allow-list below, each entry with its reason.
Usage: check_realloc.py SRC_DIR
"""
import os
import re
import sys

# (file relative to src/, function-call text) -> why this block never holds personal data
ALLOWED = {
    ('core/ctx.c', 'realloc'): 'libc_realloc: the default hook itself, not a use',
    ('core/report.c', 'core_realloc'): 'the finding array: rule ids, field paths and '
                                       'messages built from masked arguments only',
    ('core/chain.c', 'core_realloc'): 'the entry array: pointers, lengths and hashes; '
                                      'entry bytes are separate allocations',
    ('school/enrolment.c', 'core_realloc'): 'the array of entry pointers; entries are '
                                            'separate allocations',
}

CALL = re.compile(r'\b(core_realloc|realloc|reallocarray|realloc_fn)\s*\(')


def strip_comments(text):
    text = re.sub(r'/\*.*?\*/', lambda m: '\n' * m.group(0).count('\n'), text, flags=re.S)
    return re.sub(r'//[^\n]*', '', text)


def main():
    src = sys.argv[1]
    bad = []
    for root, _, files in os.walk(src):
        for name in sorted(files):
            if not name.endswith(('.c', '.h')):
                continue
            path = os.path.join(root, name)
            rel = os.path.relpath(path, src)
            with open(path, encoding='utf-8') as f:
                text = strip_comments(f.read())
            for lineno, line in enumerate(text.splitlines(), 1):
                for m in CALL.finditer(line):
                    fn = m.group(1)
                    if fn == 'realloc_fn' or (rel, fn) in ALLOWED:
                        continue
                    if rel == 'core/alloc.c' or rel == 'core/core.h':
                        continue            # the definition and declaration
                    bad.append('%s:%d: %s() outside the allow-list' % (rel, lineno, fn))
    for b in bad:
        print('FAIL: ' + b)
    if bad:
        print('Personal data must grow by allocate-copy-wipe-free; if this block never '
              'holds any, add it to ALLOWED in %s with the reason.' % sys.argv[0])
        return 1
    print('ok: no realloc of possibly personal data in %s' % src)
    return 0


if __name__ == '__main__':
    sys.exit(main())
