#!/usr/bin/env python3
"""Which allocation call sites of src/ the allocation-failure sweep failed.

Reads the `sweep-site <function> at <file>:<line>` lines the sweep test prints (its
meson test log) and lists every call of the ctx allocator in src/ (core_alloc,
core_calloc, core_realloc, core_strndup, and the hooks themselves), then prints how many
were reached and the ones that were not. Informational: used for HARDENING.md.
Usage: alloc_sites.py SRC_DIR TESTLOG
"""
import os
import re
import sys

CALL = re.compile(r'\b(core_alloc|core_calloc|core_realloc|core_strndup|malloc_fn)\s*\(')
SITE = re.compile(r'sweep-site (\S+) at (\S+?):(\d+)')


def main():
    src, log = sys.argv[1], sys.argv[2]
    sites = {}
    for root, _, files in os.walk(src):
        for name in sorted(files):
            if not name.endswith('.c') or name == 'alloc.c':
                continue
            path = os.path.join(root, name)
            with open(path, encoding='utf-8') as f:
                for n, line in enumerate(f, 1):
                    if CALL.search(line) and not line.lstrip().startswith(('/*', '*')):
                        sites[(name, n)] = os.path.relpath(path, src)
    reached = set()
    with open(log, encoding='utf-8', errors='replace') as f:
        for m in SITE.finditer(f.read()):
            reached.add((m.group(2), int(m.group(3))))
    hit = [k for k in sites if k in reached]
    print('ctx allocation call sites in src/: %d; failed by the sweep: %d' %
          (len(sites), len(hit)))
    by_file = {}
    for k in sorted(sites):
        if k not in reached:
            by_file.setdefault(sites[k], []).append(k[1])
    for path, lines in sorted(by_file.items()):
        print('  not reached: %s: lines %s' % (path, ', '.join(map(str, lines))))
    jansson = len([r for r in reached if r not in sites])
    print('other failed sites (jansson calls, wrappers): %d' % jansson)


if __name__ == '__main__':
    main()
