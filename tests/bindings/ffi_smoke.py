#!/usr/bin/env python3
"""Python cffi loads libstuinfo from the generated cdef and reads back an error.

Usage: ffi_smoke.py stuinfo-cdef.h libstuinfo.so
"""
import sys

import cffi


def main():
    cdef_path, lib_path = sys.argv[1], sys.argv[2]
    ffi = cffi.FFI()
    ffi.cdef(open(cdef_path, encoding='utf-8').read())
    lib = ffi.dlopen(lib_path)
    version = ffi.string(lib.stuinfo_version()).decode()
    assert version.count('.') == 2, version
    assert lib.stuinfo_version_number() > 0
    p = ffi.new('stuinfo_ctx **')
    assert lib.stuinfo_ctx_new(ffi.NULL, p) == lib.STUINFO_OK
    ctx = ffi.gc(p[0], lib.stuinfo_ctx_free)
    assert lib.stuinfo_ctx_set_lang(ctx, lib.STUINFO_LANG_EN) == lib.STUINFO_OK
    rc = lib.stuinfo_ctx_set_lang(ctx, 42)
    assert rc == lib.STUINFO_ERR_INVALID_ARGUMENT, rc
    assert lib.stuinfo_ctx_last_status(ctx) == rc
    msg = ffi.string(lib.stuinfo_ctx_last_message(ctx)).decode('utf-8')
    assert msg == 'unknown message language', msg
    assert ffi.string(lib.stuinfo_status_str(rc)).decode() == 'invalid argument'
    print('1 passed, 0 failed')


if __name__ == '__main__':
    main()
