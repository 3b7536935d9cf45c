"""Load libstuinfo and its declarations (the generated stuinfo-cdef.h) through cffi.

Where things are looked for, first found wins:

* the declarations: $STUINFO_CDEF, then the installed ``share/stuinfo/stuinfo-cdef.h``;
* the library: $STUINFO_LIBRARY, then the installed ``libstuinfo.so.0``, then the
  dynamic linker's search path.
"""
import os

import cffi

try:
    from . import _config           # written by meson at install time
except ImportError:                 # running from the source tree
    _config = None

_DATADIRS = ['/usr/local/share/stuinfo', '/usr/share/stuinfo']
_LIBDIRS = []
if _config is not None:
    _DATADIRS.insert(0, _config.DATADIR)
    _LIBDIRS.insert(0, _config.LIBDIR)


def _find_cdef():
    path = os.environ.get('STUINFO_CDEF')
    if path:
        return path
    for d in _DATADIRS:
        p = os.path.join(d, 'stuinfo-cdef.h')
        if os.path.exists(p):
            return p
    raise ImportError('stuinfo: cannot find stuinfo-cdef.h; install libstuinfo or set '
                      'STUINFO_CDEF to the file in the build directory (include/)')


def _find_library():
    path = os.environ.get('STUINFO_LIBRARY')
    if path:
        return path
    for d in _LIBDIRS:
        p = os.path.join(d, 'libstuinfo.so.0')
        if os.path.exists(p):
            return p
    return 'libstuinfo.so.0'


ffi = cffi.FFI()
with open(_find_cdef(), encoding='utf-8') as _f:
    ffi.cdef(_f.read())
try:
    lib = ffi.dlopen(_find_library())
except OSError as _e:
    raise ImportError('stuinfo: cannot load libstuinfo.so.0 (%s); install it (and run '
                      'ldconfig) or set STUINFO_LIBRARY' % _e) from None
