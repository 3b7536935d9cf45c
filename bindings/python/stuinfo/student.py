"""A student record: set and read fields by key or path, validate, JSON."""
from ._ffi import ffi, lib
from ._handle import Handle
from ._text import out_text, to_bytes
from .errors import StuinfoError
from .report import read_findings


class Student(Handle):
    """One student record, made from a Context; close it (or use ``with``) when done.

    >>> with ctx.student() as s:
    ...     s['name'] = '张三'
    ...     s['id_doc_no'] = '11010519491231002X'
    ...     s.add_family()
    ...     s['family[0].relationship'] = '父亲'
    ...     for f in s.validate(): print(f.severity, f.field, f.message)
    """

    _what = 'record'

    def __init__(self, ctx, _ptr=None):
        self._ctx = ctx                   # keeps the context alive as long as the record
        if _ptr is None:
            p = ffi.new('stuinfo_student **')
            ctx.check(lib.stuinfo_student_new(ctx.ptr, p))
            _ptr = p[0]
        self._ptr = ffi.gc(_ptr, lib.stuinfo_student_free)

    # -- lifetime ---------------------------------------------------------------------

    def _new_report(self):
        p = ffi.new('stuinfo_report **')
        self._ctx.check(lib.stuinfo_report_new(self._ctx.ptr, p))
        return ffi.gc(p[0], lib.stuinfo_report_free)

    # -- values -------------------------------------------------------------------------

    def set(self, path, value):
        """Set a field by key ("name") or path ("family[0].phone"); None clears it.
        Returns the notes of what canonicalization changed (a list of Finding).
        Raises StuinfoError (with the reason) when the value cannot be stored."""
        report = self._new_report()
        raw = b'' if value is None else to_bytes(value)
        try:
            status = lib.stuinfo_student_set_path(self.ptr, to_bytes(path), raw, len(raw),
                                                  report)
            self._ctx.check(status)
            return read_findings(report)
        finally:
            ffi.release(report)

    def get(self, path, default=None):
        """The canonical value of a field (a str), or @default when it is empty."""
        value = out_text(self._ctx, lib.stuinfo_student_get_path, self.ptr, to_bytes(path))
        return default if value is None else value

    def __setitem__(self, path, value):
        self.set(path, value)

    def __getitem__(self, path):
        return self.get(path)

    def __delitem__(self, path):
        self.set(path, None)

    def update(self, values=(), **more):
        """Set several fields from a mapping (and keywords)."""
        for k, v in dict(values, **more).items():
            self.set(k, v)

    # -- family and history -------------------------------------------------------------

    def add_family(self, **values):
        """Append a family member or guardian; returns its index. Keyword values are
        set on it (relationship='父亲', name=..., phone=...)."""
        index = ffi.new('size_t *')
        self._ctx.check(lib.stuinfo_student_family_add(self.ptr, index))
        i = int(index[0])
        for k, v in values.items():
            self.set('family[%d].%s' % (i, k), v)
        return i

    def add_history(self, **values):
        """Append a study-history entry; returns its index."""
        index = ffi.new('size_t *')
        self._ctx.check(lib.stuinfo_student_history_add(self.ptr, index))
        i = int(index[0])
        for k, v in values.items():
            self.set('history[%d].%s' % (i, k), v)
        return i

    @property
    def family_count(self):
        return int(lib.stuinfo_student_family_count(self.ptr))

    @property
    def history_count(self):
        return int(lib.stuinfo_student_history_count(self.ptr))

    @property
    def version(self):
        """Grows by one with every change (for optimistic concurrency)."""
        return int(lib.stuinfo_student_version(self.ptr))

    def clone(self):
        p = ffi.new('stuinfo_student **')
        self._ctx.check(lib.stuinfo_student_clone(self.ptr, p))
        return Student(self._ctx, p[0])

    # -- validation and JSON --------------------------------------------------------------

    def validate(self, checks=None, **limits):
        """Check the record; a list of Finding (empty when it is clean).
        @checks: stuinfo_check bits (default all); keywords set policy limits
        (min_history=1, adult_age=18, ...)."""
        policy = ffi.NULL
        if checks is not None or limits:
            policy = ffi.new('stuinfo_policy *')
            self._ctx.check(lib.stuinfo_policy_init(policy))
            if checks is not None:
                policy.checks = checks
            for k, v in limits.items():
                if not hasattr(policy, k) or k == 'size':
                    raise TypeError('unknown policy setting %r' % k)
                setattr(policy, k, v)
        report = self._new_report()
        try:
            self._ctx.check(lib.stuinfo_student_validate(self.ptr, policy, report))
            return read_findings(report)
        finally:
            ffi.release(report)

    def is_valid(self, **kw):
        """True when validate() finds no error (warnings and notes allowed)."""
        return not any(f.severity == 'error' for f in self.validate(**kw))

    def to_json(self):
        """The record as JSON text."""
        return out_text(self._ctx, lib.stuinfo_student_to_json, self.ptr)

    @classmethod
    def from_json(cls, ctx, text):
        """A record read from JSON text (as to_json() writes it)."""
        raw = to_bytes(text)
        p = ffi.new('stuinfo_student **')
        p_report = ffi.new('stuinfo_report **')
        ctx.check(lib.stuinfo_report_new(ctx.ptr, p_report))
        report = ffi.gc(p_report[0], lib.stuinfo_report_free)
        try:
            status = lib.stuinfo_student_from_json(ctx.ptr, raw, len(raw), report, p)
            if status != 0:
                err = StuinfoError(status, ctx.last_message)
                err.findings = [f for f in read_findings(report) if f.severity != 'note']
                raise err
            return cls(ctx, p[0])
        finally:
            ffi.release(report)

    def __repr__(self):
        return '<stuinfo.Student%s>' % (' closed' if self._ptr is None else '')

