"""str in, str out: text crosses the FFI as UTF-8 bytes."""
from ._ffi import ffi


def to_bytes(text):
    """UTF-8 bytes of a str (lone surrogates pass through, for the library to refuse)."""
    if isinstance(text, str):
        return text.encode('utf-8', 'surrogatepass')
    if isinstance(text, (bytes, bytearray, memoryview)):
        return bytes(text)
    raise TypeError('expected str or bytes, not %s' % type(text).__name__)


def to_str(ptr, length=None):
    """A str from a borrowed char pointer; None for NULL."""
    if ptr == ffi.NULL:
        return None
    raw = ffi.string(ptr) if length is None else ffi.unpack(ptr, length)
    return raw.decode('utf-8', 'replace')


def out_text(ctx, call, *args):
    """Call a C function whose last two arguments are (const char **text, size_t *len),
    raise on its status, and return the text as a str (None for NULL)."""
    text = ffi.new('const char **')
    length = ffi.new('size_t *')
    ctx.check(call(*args, text, length))
    return to_str(text[0], length[0])
