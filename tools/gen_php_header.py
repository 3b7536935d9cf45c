#!/usr/bin/env python3
"""Write the FFI header for PHP's ffi.preload: the cdef with FFI_SCOPE and FFI_LIB.

Usage: gen_php_header.py stuinfo-cdef.h stuinfo-php.h
"""
import sys

src, dst = sys.argv[1], sys.argv[2]
with open(src, encoding='utf-8') as f:
    body = f.read()
with open(dst, 'w', encoding='utf-8') as f:
    f.write('#define FFI_SCOPE "STUINFO"\n#define FFI_LIB "libstuinfo.so.0"\n')
    f.write(body)
