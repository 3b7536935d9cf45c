"""libstuinfo for Python: Chinese student-registry data — identity numbers, code tables,
student records — through the C library (cffi, ABI mode; no compiler needed).

    import stuinfo
    with stuinfo.Context(lang='en') as ctx:
        n = ctx.verify_id('11010519491231002X')
        print(n.valid, n.kind, n.birth_date, n.sex, n.region)

The library is found through $STUINFO_LIBRARY (a path), else the installed
libstuinfo.so.0; its declarations through $STUINFO_CDEF, else the installed
share/stuinfo/stuinfo-cdef.h.
"""
from ._ffi import ffi, lib
from .codes import Code
from .context import Context
from .errors import StuinfoError
from .idnum import IdBatch, IdNumber
from .report import Finding
from .roster import RosterReader, RosterRow
from .student import Student
from .workflow import (Actor, Change, ChangeRequest, Evidence, LogEntry,
                       WorkflowPolicy)

__all__ = ['Context', 'StuinfoError', 'IdNumber', 'IdBatch', 'Student', 'Finding', 'Code',
           'RosterReader', 'RosterRow', 'ChangeRequest', 'WorkflowPolicy', 'Actor', 'Change',
           'Evidence', 'LogEntry', 'version', 'ffi', 'lib']

# Status codes as module constants: stuinfo.OK, stuinfo.ERR_INVALID, ...
for _name in dir(lib):
    if _name == 'STUINFO_OK' or _name.startswith('STUINFO_ERR_'):
        globals()[_name[len('STUINFO_'):]] = getattr(lib, _name)
del _name


def version():
    """The version of the loaded C library ("0.1.0")."""
    return ffi.string(lib.stuinfo_version()).decode()
