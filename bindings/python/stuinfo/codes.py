"""Code tables: find codes by code or by name, list a table."""
from collections import namedtuple

from ._ffi import ffi, lib
from ._text import to_bytes, to_str
from .errors import StuinfoError

Code = namedtuple('Code', 'table code name short_name name_en alpha2 alpha3 parent flags')
Code.__doc__ = "One code of a table (strings are None when absent)."


def table_id(ctx, table):
    """A table number from its key ("ethnicity") or number."""
    if isinstance(table, int):
        return table
    key = to_bytes(table)
    for t in range(1, 65):
        info = ffi.new('stuinfo_code_table_info *')
        info.size = ffi.sizeof('stuinfo_code_table_info')
        if lib.stuinfo_code_table_get_info(ctx.ptr, t, info) == 0 and ffi.string(info.key) == key:
            return t
    raise StuinfoError(lib.STUINFO_ERR_NOT_FOUND, 'no code table %r' % (table,))


def _entry(e):
    return Code(None, to_str(e.code),
                to_str(e.name), to_str(e.short_name), to_str(e.name_en), to_str(e.alpha2),
                to_str(e.alpha3), to_str(e.parent), int(e.flags))


def _with_table(code, key):
    return code._replace(table=key)


def _key(ctx, t):
    info = ffi.new('stuinfo_code_table_info *')
    info.size = ffi.sizeof('stuinfo_code_table_info')
    ctx.check(lib.stuinfo_code_table_get_info(ctx.ptr, t, info))
    return to_str(info.key)


def find(ctx, table, query):
    t = table_id(ctx, table)
    raw = to_bytes(query)
    e = ffi.new('stuinfo_code_entry *')
    e.size = ffi.sizeof('stuinfo_code_entry')
    status = lib.stuinfo_code_find(ctx.ptr, t, raw, len(raw), e)
    if status == lib.STUINFO_ERR_NOT_FOUND:
        status = lib.stuinfo_code_find_name(ctx.ptr, t, raw, len(raw), e)
    ctx.check(status)
    return _with_table(_entry(e), _key(ctx, t))


def all_codes(ctx, table):
    t = table_id(ctx, table)
    key = _key(ctx, t)
    n = ffi.new('uint32_t *')
    ctx.check(lib.stuinfo_code_count(ctx.ptr, t, n))
    out = []
    e = ffi.new('stuinfo_code_entry *')
    for i in range(n[0]):
        e.size = ffi.sizeof('stuinfo_code_entry')
        ctx.check(lib.stuinfo_code_at(ctx.ptr, t, i, e))
        out.append(_with_table(_entry(e), key))
    return out
