#!/usr/bin/env python3
"""The cost of crossing the FFI from Python: identity-number verifications per second
through the `stuinfo` package, on the number set bench/ffi_c.c builds the same way.

Prints bench ffi.python_verify (Context.is_valid_id(str), the binding's fast path),
ffi.python_verify_raw (the cffi call itself, bytes in), ffi.python_verify_batch (IdBatch:
one C call over numbers packed once) and ffi.python_batch_pack (packing a list of str).
CPU time of the process, best of five passes. Needs STUINFO_LIBRARY and STUINFO_CDEF.
"""
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'bindings', 'python'))
import stuinfo  # noqa: E402

COUNT = 100000
PASSES = 5
ADDR = ['110105', '310104', '440106', '510104', '330106', '420106', '610104', '320102']
W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHECKS = '10X98765432'


def make_numbers():
    out = []
    for i in range(COUNT):
        s = '%s%04d%02d%02d%03d' % (ADDR[i % 8], 1950 + (i * 7) % 70, 1 + (i * 5) % 12,
                                    1 + (i * 11) % 28, (i * 13) % 1000)
        c = sum(int(d) * w for d, w in zip(s, W)) % 11
        if i % 10 == 9:
            c = (c + 1) % 11
        out.append(s + CHECKS[c])
    return out


def best(fn, ops):
    times = []
    for _ in range(PASSES):
        t0 = time.process_time()
        fn()
        times.append(time.process_time() - t0)
    return ops / min(times)


def main():
    numbers = make_numbers()
    raw = [n.encode() for n in numbers]
    with stuinfo.Context() as ctx:
        is_valid = ctx.is_valid_id
        assert sum(map(is_valid, numbers)) == COUNT * 9 // 10

        def single():
            for n in numbers:
                is_valid(n)

        lib, p = stuinfo.lib, ctx.ptr
        out = stuinfo.ffi.new('stuinfo_idnum_result *')
        out.size = stuinfo.ffi.sizeof('stuinfo_idnum_result')
        verify = lib.stuinfo_idnum_verify

        def single_raw():
            for n in raw:
                verify(p, n, 18, out)

        batch = stuinfo.IdBatch(ctx, numbers)
        assert batch.verify() == COUNT * 9 // 10
        reps = 20

        def batched():
            for _ in range(reps):
                batch.verify()

        print('# %d numbers, best of %d passes (CPU time)' % (COUNT, PASSES))
        print('bench ffi.python_verify %.0f ops/s' % best(single, COUNT))
        print('bench ffi.python_verify_raw %.0f ops/s' % best(single_raw, COUNT))
        print('bench ffi.python_verify_batch %.0f ops/s' % best(batched, COUNT * reps))
        print('bench ffi.python_batch_pack %.0f ops/s'
              % best(lambda: stuinfo.IdBatch(ctx, numbers), COUNT))


if __name__ == '__main__':
    main()
