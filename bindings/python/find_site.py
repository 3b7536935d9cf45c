#!/usr/bin/env python3
"""Print where a pure Python package goes under PREFIX, such that this python3 finds it.

Debian's python3 reads PREFIX/lib/python3.X/dist-packages (for /usr/local); other
Pythons read the posix_prefix scheme's site-packages.
Usage: find_site.py PREFIX
"""
import sys
import sysconfig

prefix = sys.argv[1]
if any(p.endswith('dist-packages') for p in sys.path):
    print('%s/lib/python%d.%d/dist-packages' % (prefix, sys.version_info[0],
                                                sys.version_info[1]))
else:
    print(sysconfig.get_path('purelib', 'posix_prefix', vars={'base': prefix}))
