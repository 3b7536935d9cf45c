"""What every wrapper of a library handle shares: the pointer, close() and ``with``."""
from ._ffi import ffi, lib
from .errors import StuinfoError


class Handle:
    """Owns one library handle (set ``_ptr`` with ffi.gc(ptr, free_function)).

    close() frees it at once (the gc hook is the safety net); ``ptr`` raises StuinfoError
    once it is closed. Subclasses name what they hold in ``_what`` for that message.
    """

    _what = 'handle'
    _ptr = None

    @property
    def ptr(self):
        if self._ptr is None:
            raise StuinfoError(lib.STUINFO_ERR_INVALID_ARGUMENT, 'the %s is closed' % self._what)
        return self._ptr

    @property
    def closed(self):
        return self._ptr is None

    def close(self):
        """Free the handle now (the library wipes any personal data it held)."""
        if self._ptr is not None:
            ptr, self._ptr = self._ptr, None
            ffi.release(ptr)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
