"""The one exception type of the binding."""
from ._ffi import ffi, lib


class StuinfoError(Exception):
    """A libstuinfo call failed.

    ``status`` is the stuinfo_status value (``stuinfo.STATUS_*``), ``status_name`` its
    short English description, ``message`` the library's message in the context's
    language (it never holds a full ID number or a name), ``findings`` the problems found
    when reading structured input (JSON), else an empty list.
    """

    def __init__(self, status, message=''):
        self.findings = []
        self.status = int(status)
        self.status_name = ffi.string(lib.stuinfo_status_str(self.status)).decode()
        self.message = message or self.status_name
        super().__init__(self.message)

    def __repr__(self):
        return 'StuinfoError(%d, %r)' % (self.status, self.message)


def last_error(ctx_ptr, status):
    msg = ffi.string(lib.stuinfo_ctx_last_message(ctx_ptr)).decode('utf-8', 'replace')
    return StuinfoError(status, msg)


def check(ctx_ptr, status):
    """Raise StuinfoError unless @status is STUINFO_OK."""
    if status != 0:
        raise last_error(ctx_ptr, status)
