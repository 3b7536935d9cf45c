"""Identity numbers: verify one (IdNumber), many at once (IdBatch), mask, upgrade."""
import datetime
import itertools
from array import array

from ._ffi import ffi, lib
from ._text import to_bytes, to_str
from .report import read_findings

KINDS = {
    0: None, 1: 'resident_18', 2: 'resident_15', 3: 'permit_hk', 4: 'permit_macao',
    5: 'permit_taiwan', 6: 'foreign_pr_15', 7: 'foreign_pr_18', 8: 'self_coded_18',
    9: 'temporary_18',
}

_RESULT_SIZE = ffi.sizeof('stuinfo_idnum_result')
_SIZE_T = next(c for c in 'LQI' if array(c).itemsize == ffi.sizeof('size_t'))


def reason_rule(reason):
    """The rule id of a reason code ("idnum.check_char"); None for 0 (valid)."""
    return None if reason == 0 else ffi.string(lib.stuinfo_idnum_reason_rule(reason)).decode()


class IdNumber:
    """A verified number. ``valid``; ``kind`` ("resident_18", ...); ``reason`` (rule id of
    the primary error, None when valid) and ``message``; ``normalized``; ``birth_date``
    (a datetime.date); ``sex`` ("M"/"F"/None); ``address_code``, ``province``,
    ``prefecture``, ``region``; ``upgraded`` (18-digit form of a 15-digit number);
    ``findings`` (from check_id()). Its repr masks the number."""

    __slots__ = ('valid', 'kind', 'reason', 'message', 'normalized', 'birth_date', 'sex',
                 'address_code', 'province', 'prefecture', 'region', 'region_historic',
                 'flags', 'upgraded', 'findings', '_masked')

    def __repr__(self):
        return '<IdNumber %s %s%s>' % (self._masked, 'valid' if self.valid else 'invalid',
                                       '' if self.valid else ' ' + str(self.reason))

    def __bool__(self):
        return bool(self.valid)


class IdVerifier:
    """Per-context scratch space, so that a verification allocates nothing in C."""

    def __init__(self, ctx):
        self._ctx = ctx
        self._result = ffi.new('stuinfo_idnum_result *')
        self._result.size = _RESULT_SIZE
        self._buf = ffi.new('char[64]')
        self._report = None

    def close(self):
        if self._report is not None:
            ffi.release(self._report)
            self._report = None

    def is_valid(self, text):
        raw = to_bytes(text)
        r = self._result
        r.size = _RESULT_SIZE
        status = lib.stuinfo_idnum_verify(self._ctx.ptr, raw, len(raw), r)
        if status == 0:
            return True
        if status == lib.STUINFO_ERR_INVALID:
            return False
        self._ctx.check(status)

    def _build(self, raw, status):
        ctx = self._ctx
        r = self._result
        if status not in (0, lib.STUINFO_ERR_INVALID):
            ctx.check(status)
        n = IdNumber()
        n.valid = status == 0
        n.kind = KINDS.get(r.kind)
        n.reason = reason_rule(r.reason)
        n.message = None if n.valid else ctx.last_message
        n.normalized = to_str(r.normalized) or None
        n.flags = int(r.flags)
        n.birth_date = None
        if n.valid and r.birth_year:
            n.birth_date = datetime.date(r.birth_year, r.birth_month, r.birth_day)
        n.sex = {1: 'M', 2: 'F'}.get(r.sex) if n.valid else None
        n.address_code = to_str(r.address_code) or None
        n.province = to_str(r.province_name)
        n.prefecture = to_str(r.prefecture_name)
        n.region = to_str(r.region_name)
        n.region_historic = bool(r.region_historic)
        n.upgraded = None
        if n.valid and r.kind == lib.STUINFO_IDNUM_RESIDENT_15:
            n.upgraded = self.upgrade(raw)
        n.findings = []
        n._masked = self.mask(raw)
        return n

    def verify(self, text):
        raw = to_bytes(text)
        self._result.size = _RESULT_SIZE
        status = lib.stuinfo_idnum_verify(self._ctx.ptr, raw, len(raw), self._result)
        return self._build(raw, status)

    def check(self, text, field=''):
        raw = to_bytes(text)
        ctx = self._ctx
        if self._report is None:
            p = ffi.new('stuinfo_report **')
            ctx.check(lib.stuinfo_report_new(ctx.ptr, p))
            self._report = ffi.gc(p[0], lib.stuinfo_report_free)
        lib.stuinfo_report_clear(self._report)
        self._result.size = _RESULT_SIZE
        status = lib.stuinfo_idnum_check(ctx.ptr, raw, len(raw), to_bytes(field or ''),
                                         self._report, self._result)
        n = self._build(raw, status)
        n.findings = read_findings(self._report)
        return n

    def mask(self, text, pattern=None):
        raw = to_bytes(text)
        out_len = ffi.new('size_t *')
        pat = ffi.NULL if pattern is None else to_bytes(pattern)
        self._ctx.check(lib.stuinfo_idnum_mask(self._ctx.ptr, raw, len(raw), pat, self._buf,
                                               64, out_len))
        return ffi.unpack(self._buf, out_len[0]).decode('ascii', 'replace')

    def upgrade(self, text):
        raw = to_bytes(text)
        self._ctx.check(lib.stuinfo_idnum_upgrade(self._ctx.ptr, raw, len(raw), self._buf, 64))
        return ffi.string(self._buf).decode('ascii')


class IdBatch:
    """Many numbers packed once into one buffer, verified by one C call.

    >>> batch = IdBatch(ctx, numbers)     # packing: once
    >>> batch.verify()                    # one call over the whole column; the count valid
    >>> batch.valid[i], batch.rules[i]
    """

    def __init__(self, ctx, texts):
        self._ctx = ctx
        encoded = [to_bytes(t) for t in texts]
        self.count = len(encoded)
        self._packed = b''.join(encoded)
        self._cbuf = ffi.from_buffer(self._packed)
        base = int(ffi.cast('uintptr_t', self._cbuf))
        self._lens_arr = array(_SIZE_T, map(len, encoded))
        starts = array(_SIZE_T, itertools.accumulate(self._lens_arr, initial=base))
        starts.pop()
        self._ptrs_arr = starts
        n = max(self.count, 1)
        if self.count == 0:
            self._ptrs_arr = array(_SIZE_T, [0])
            self._lens_arr = array(_SIZE_T, [0])
        self._ptrs = ffi.from_buffer('char *[]', self._ptrs_arr)
        self._lens = ffi.from_buffer('size_t[]', self._lens_arr)
        self._reasons_arr = array('i', bytes(4 * n))
        self._reasons = ffi.from_buffer('int32_t[]', self._reasons_arr)
        self._valid_out = ffi.new('size_t *')
        self.valid_count = 0

    def verify(self):
        """Verify every number (one C call). Returns how many are valid."""
        self._ctx.check(lib.stuinfo_idnum_verify_batch(
            self._ctx.ptr, self._ptrs, self._lens, self.count, self._reasons,
            self._valid_out))
        self.valid_count = int(self._valid_out[0])
        return self.valid_count

    @property
    def reasons(self):
        """The reason code of each number, 0 for valid (an array of int)."""
        return self._reasons_arr[:self.count]

    @property
    def valid(self):
        """A list of bools, one per number."""
        return [r == 0 for r in self.reasons]

    @property
    def rules(self):
        """The rule id of each number's reason; None where it is valid."""
        return [reason_rule(r) for r in self.reasons]

    def __len__(self):
        return self.count
