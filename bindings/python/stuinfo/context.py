"""The context: message language, clock, last status; every other object is made from it."""
import datetime

from ._ffi import ffi, lib
from ._handle import Handle
from ._text import to_str
from .errors import StuinfoError, check
from . import idnum as _idnum
from . import codes as _codes

_LANGS = {'zh': 0, 'zh-cn': 0, 'zh_cn': 0, 'en': 1}


def _lang_code(lang):
    key = str(lang).lower()
    if key in _LANGS:
        return _LANGS[key]
    if key.startswith('en'):
        return 1
    if key.startswith('zh'):
        return 0
    raise ValueError('unsupported language %r (zh or en)' % (lang,))


class Context(Handle):
    """A libstuinfo context. Use one per thread; close it (or use ``with``) when done.

    >>> with stuinfo.Context(lang='en') as ctx:
    ...     ctx.verify_id('11010519491231002X').valid
    True
    """

    _what = 'context'

    def __init__(self, lang='zh', fixed_time=None):
        opts = ffi.new('stuinfo_ctx_options *')
        lib.stuinfo_ctx_options_init(opts)
        opts.lang = _lang_code(lang)
        p = ffi.new('stuinfo_ctx **')
        status = lib.stuinfo_ctx_new(opts, p)
        if status != 0:
            raise StuinfoError(status)
        # The gc hook is a safety net; close() frees earlier. The library keeps a context
        # alive until its last object is freed, so the order of collection does not matter.
        self._ptr = ffi.gc(p[0], lib.stuinfo_ctx_free)
        self._idnum = _idnum.IdVerifier(self)
        if fixed_time is not None:
            self.set_fixed_time(fixed_time)

    # -- lifetime ---------------------------------------------------------------------

    def close(self):
        """Free the context (objects made from it stay usable until they are freed)."""
        if self._ptr is not None:
            self._idnum.close()
        super().close()

    def check(self, status):
        """Raise StuinfoError with this context's last message unless status is 0."""
        check(self.ptr, status)

    # -- settings -----------------------------------------------------------------------

    @property
    def lang(self):
        return 'en' if lib.stuinfo_ctx_lang(self.ptr) == lib.STUINFO_LANG_EN else 'zh'

    @lang.setter
    def lang(self, value):
        self.check(lib.stuinfo_ctx_set_lang(self.ptr, _lang_code(value)))

    def set_fixed_time(self, when):
        """Pin the clock: a datetime (naive means UTC), a date, or epoch seconds."""
        if isinstance(when, datetime.datetime):
            if when.tzinfo is None:
                when = when.replace(tzinfo=datetime.timezone.utc)
            seconds = int(when.timestamp())
        elif isinstance(when, datetime.date):
            seconds = int(datetime.datetime(when.year, when.month, when.day,
                                            tzinfo=datetime.timezone.utc).timestamp())
        else:
            seconds = int(when)
        self.check(lib.stuinfo_ctx_set_fixed_time(self.ptr, seconds))

    def clear_fixed_time(self):
        self.check(lib.stuinfo_ctx_clear_fixed_time(self.ptr))

    @property
    def last_status(self):
        return int(lib.stuinfo_ctx_last_status(self.ptr))

    @property
    def last_message(self):
        return to_str(lib.stuinfo_ctx_last_message(self.ptr))

    # -- identity numbers ---------------------------------------------------------------

    def verify_id(self, text):
        """Verify an identity number; an IdNumber (``.valid`` False with ``.reason`` when
        it is not valid). Raises StuinfoError only for misuse."""
        return self._idnum.verify(text)

    def check_id(self, text, field=''):
        """As verify_id(), and ``.findings`` lists every error, warning and note."""
        return self._idnum.check(text, field)

    def is_valid_id(self, text):
        """True if the number is valid (warnings allowed). The fast path."""
        return self._idnum.is_valid(text)

    def verify_ids(self, texts):
        """Verify many numbers in one call; an IdBatch with ``.valid``, ``.reasons``."""
        batch = _idnum.IdBatch(self, texts)
        batch.verify()
        return batch

    def mask_id(self, text, pattern=None):
        """The number masked for display: ``110105********002X``."""
        return self._idnum.mask(text, pattern)

    def upgrade_id(self, text):
        """The 18-digit form of a valid 15-digit number."""
        return self._idnum.upgrade(text)

    # -- code tables --------------------------------------------------------------------

    def code(self, table, query):
        """Find a code by code or by name; a Code. Raises StuinfoError (NOT_FOUND,
        AMBIGUOUS) when there is no single answer."""
        return _codes.find(self, table, query)

    def codes(self, table):
        """Every code of a table, in code order."""
        return _codes.all_codes(self, table)

    # -- records ------------------------------------------------------------------------

    def read_roster(self, path):
        """A RosterReader over a CSV file: iterate for RosterRow(row, findings)."""
        from .roster import RosterReader
        return RosterReader(self, path)

    def student(self, json=None):
        """A new student record, empty or read from JSON text."""
        from .student import Student
        if json is not None:
            return Student.from_json(self, json)
        return Student(self)

    # -- change requests ------------------------------------------------------------------

    def workflow_policy(self, json=None):
        """The workflow policy: the registry defaults, or read from JSON text."""
        from .workflow import WorkflowPolicy
        return WorkflowPolicy(self, json)

    def change_request(self, policy, actor, student_id, record_version, kind='correction',
                       comment=None, **facts):
        """A new change request (a draft) by @actor for the record @student_id at
        @record_version (Student.version), of @kind 'correction' or 'change'."""
        from .workflow import ChangeRequest
        return ChangeRequest.create(self, policy, actor, student_id, record_version, kind,
                                    comment, **facts)

    def __repr__(self):
        return '<stuinfo.Context lang=%s%s>' % (
            'closed' if self._ptr is None else self.lang, '')
