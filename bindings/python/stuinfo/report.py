"""Findings of a validation, read out of a stuinfo_report into Python objects."""
from collections import namedtuple

from ._ffi import ffi, lib

SEVERITIES = {1: 'note', 2: 'warning', 3: 'error'}

Finding = namedtuple('Finding', 'rule severity field message row')
Finding.__doc__ = """One finding: stable rule id ("idnum.check_char"), severity ("error",
"warning" or "note"), field path ("family[1].phone", "" if none), message (in the
context's language, never holding the personal data) and roster row (0 if none)."""


def _s(p):
    return ffi.string(p).decode('utf-8', 'replace') if p != ffi.NULL else ''


def read_findings(report_ptr):
    out = []
    f = ffi.new('stuinfo_finding *')
    for i in range(lib.stuinfo_report_count(report_ptr)):
        f.size = ffi.sizeof('stuinfo_finding')
        if lib.stuinfo_report_get(report_ptr, i, f) != 0:
            continue
        out.append(Finding(_s(f.rule), SEVERITIES.get(f.severity, 'unknown'), _s(f.field),
                           _s(f.message), int(f.row)))
    return out
