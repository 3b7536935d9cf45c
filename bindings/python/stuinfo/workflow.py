"""Change requests: correct or change a student record through review, with an audit log
on a hash chain (the C library's stuinfo/workflow.h).

    policy = ctx.workflow_policy()                        # the registry defaults
    pupil = stuinfo.Actor('student', 's2021001')
    with ctx.change_request(policy, pupil, 'S-0001', record.version) as req:
        req.set_change(pupil, 'sex', '女', '男')
        req.add_evidence(pupil, 'household_register', 'HR-2021-0001')
        req.act(pupil, 'submit')
        req.act(stuinfo.Actor('teacher', 't-wang'), 'approve')
        req.act(stuinfo.Actor('registrar', 'reg-li'), 'approve')
        diff = req.apply(stuinfo.Actor('registrar', 'reg-li'), record)
        keep_elsewhere = req.head

States, actions, roles, kinds and evidence kinds are the library's keys ('draft',
'submit', 'teacher', 'correction', 'household_register'). A refused step raises
StuinfoError with the specific status (stuinfo.ERR_PERMISSION, ERR_STALE_VERSION, ...)
and changes nothing.
"""
from collections import namedtuple

from ._ffi import ffi, lib
from ._handle import Handle
from ._text import out_text, to_bytes, to_str
from .errors import StuinfoError
from .report import read_findings

Actor = namedtuple('Actor', 'role id')
Actor.__doc__ = """Who acts: a role ('student', 'guardian', 'teacher', 'registrar',
'leadership', 'admin') and the host's account id."""

Change = namedtuple('Change', 'field old new')
Change.__doc__ = """A proposed change (or a line of the before/after diff): field path,
old and new value (None when empty)."""

Evidence = namedtuple('Evidence', 'kind reference')

LogEntry = namedtuple('LogEntry',
                      'time actor role action from_state to_state revision comment changes '
                      'hash')
LogEntry.__doc__ = """One audit-log entry; ``changes`` names the changed fields, values of
key fields masked; ``hash`` is 64 hex digits."""

_KIND_ALIASES = {'change': 'change_of_fact'}


def _key(fn, value):
    s = fn(value)
    return None if s == ffi.NULL else ffi.string(s).decode()


def _code(fn, what, key):
    """The number of a key through the library's *_from_key function; ValueError if none."""
    if isinstance(key, int):
        return key
    n = fn(to_bytes(str(key)))
    if n <= 0:
        raise ValueError('unknown %s %r' % (what, key))
    return n


def _actor(actor):
    role, ident = actor if not isinstance(actor, Actor) else (actor.role, actor.id)
    out = ffi.new('stuinfo_cr_actor *')
    raw = to_bytes(ident)
    status = lib.stuinfo_cr_actor_init(out, _code(lib.stuinfo_role_from_key, 'role', role),
                                       raw, len(raw))
    if status != 0:
        raise StuinfoError(status, 'invalid actor id (1 to 63 bytes, no control characters)')
    return out


def _facts(graduated=False, reported=False, enrolled_at=0):
    f = ffi.new('stuinfo_cr_facts *')
    lib.stuinfo_cr_facts_init(f)
    f.graduated = 1 if graduated else 0
    f.reported = 1 if reported else 0
    f.enrolled_at = int(enrolled_at or 0)
    return f


def _text_arg(text):
    if text is None:
        return ffi.NULL, 0
    raw = to_bytes(text)
    return raw, len(raw)


class WorkflowPolicy(Handle):
    """The rules requests are checked against: collection window, open / grey / key
    fields, evidence, approval levels, locks. ``ctx.workflow_policy()`` gives the registry
    defaults; ``ctx.workflow_policy(json=text)`` reads one (as to_json() writes it)."""

    _what = 'policy'

    def __init__(self, ctx, json=None):
        self._ctx = ctx
        p = ffi.new('stuinfo_workflow_policy **')
        if json is None:
            ctx.check(lib.stuinfo_workflow_policy_new(ctx.ptr, p))
        else:
            raw = to_bytes(json)
            ctx.check(lib.stuinfo_workflow_policy_from_json(ctx.ptr, raw, len(raw), p))
        self._ptr = ffi.gc(p[0], lib.stuinfo_workflow_policy_free)

    @property
    def id(self):
        return ffi.string(lib.stuinfo_workflow_policy_id(self.ptr)).decode()

    @id.setter
    def id(self, value):
        raw = to_bytes(value)
        self._ctx.check(lib.stuinfo_workflow_policy_set_id(self.ptr, raw, len(raw)))

    def set_window(self, open_at, close_at):
        """Editing and submitting drafts allowed from open_at to close_at (epoch seconds);
        0, 0: no window."""
        self._ctx.check(lib.stuinfo_workflow_policy_set_window(self.ptr, int(open_at),
                                                               int(close_at)))

    def field_class(self, path):
        """'open', 'grey' or 'key'."""
        out = ffi.new('int32_t *')
        self._ctx.check(lib.stuinfo_workflow_policy_field_class(self.ptr, to_bytes(path),
                                                                out))
        return {1: 'open', 2: 'grey', 3: 'key'}.get(out[0])

    def to_json(self):
        return out_text(self._ctx, lib.stuinfo_workflow_policy_to_json, self.ptr)

    def __repr__(self):
        return '<stuinfo.WorkflowPolicy %s>' % ('closed' if self._ptr is None else self.id)


class ChangeRequest(Handle):
    """A change request. Make one with ``ctx.change_request(...)`` or read one with
    ``ChangeRequest.from_json(ctx, text, policy)``; close it (or use ``with``) when done:
    its values are wiped.

    Every step takes the acting ``Actor`` and, as keywords, ``seen_revision`` (the
    revision the actor saw; default: the current one) and the facts about the student
    (``graduated``, ``reported``, ``enrolled_at``)."""

    _what = 'request'

    def __init__(self, ctx, policy, ptr):
        self._ctx = ctx                   # keeps the context and policy alive
        self.policy = policy
        self._ptr = ffi.gc(ptr, lib.stuinfo_request_free)

    @classmethod
    def create(cls, ctx, policy, actor, student_id, record_version, kind='correction',
               comment=None, **facts):
        p = ffi.new('stuinfo_change_request **')
        sid = to_bytes(student_id)
        c, clen = _text_arg(comment)
        kind = _KIND_ALIASES.get(kind, kind)
        ctx.check(lib.stuinfo_request_new(ctx.ptr, policy.ptr, _facts(**facts), _actor(actor),
                                          sid, len(sid), int(record_version),
                                          _code(lib.stuinfo_cr_kind_from_key, 'kind', kind),
                                          c, clen, p))
        return cls(ctx, policy, p[0])

    @classmethod
    def from_json(cls, ctx, text, policy=None):
        """A request read from JSON (as to_json() writes it). The log is replayed and its
        chain verified: a tampered text raises StuinfoError(ERR_TAMPERED). @policy is the
        policy the request was made under (default: the registry defaults)."""
        raw = to_bytes(text)
        p = ffi.new('stuinfo_change_request **')
        ctx.check(lib.stuinfo_request_from_json(ctx.ptr, raw, len(raw), p))
        return cls(ctx, policy if policy is not None else WorkflowPolicy(ctx), p[0])

    # -- lifetime -------------------------------------------------------------------------

    # -- steps ----------------------------------------------------------------------------

    def _seen(self, seen_revision):
        return self.revision if seen_revision is None else int(seen_revision)

    def set_change(self, actor, path, old, new, seen_revision=None, **facts):
        """Propose (or replace) the change of @path from @old to @new (None: empty)."""
        o, olen = _text_arg(old)
        n, nlen = _text_arg(new)
        self._ctx.check(lib.stuinfo_request_set_change(
            self.ptr, self.policy.ptr, _facts(**facts), _actor(actor),
            self._seen(seen_revision), to_bytes(path), o, olen, n, nlen))

    def remove_change(self, actor, path, seen_revision=None, **facts):
        self._ctx.check(lib.stuinfo_request_remove_change(
            self.ptr, self.policy.ptr, _facts(**facts), _actor(actor),
            self._seen(seen_revision), to_bytes(path)))

    def add_evidence(self, actor, kind, reference, seen_revision=None, **facts):
        """Add evidence: 'household_register', 'police_certificate', 'birth_certificate',
        'id_card' or 'other', with the host's reference to the document."""
        ref = to_bytes(reference)
        self._ctx.check(lib.stuinfo_request_add_evidence(
            self.ptr, self.policy.ptr, _facts(**facts), _actor(actor),
            self._seen(seen_revision),
            _code(lib.stuinfo_evidence_kind_from_key, 'evidence kind', kind), ref, len(ref)))

    def act(self, actor, action, comment=None, seen_revision=None, **facts):
        """Take @action: 'submit', 'approve', 'return', 'reject', 'withdraw',
        'request_exception' (the comment is the written report) or 'edit'."""
        c, clen = _text_arg(comment)
        self._ctx.check(lib.stuinfo_request_act(
            self.ptr, self.policy.ptr, _facts(**facts), _actor(actor),
            _code(lib.stuinfo_cr_action_from_key, 'action', action),
            self._seen(seen_revision), c, clen))

    def can(self, actor, action, has_comment=False, **facts):
        """Whether @actor could take @action now: True, or the refusal as a StuinfoError
        (not raised) — ``err = req.can(...); if err is not True: print(err.message)``."""
        status = lib.stuinfo_request_can(
            self.ptr, self.policy.ptr, _facts(**facts), _actor(actor),
            _code(lib.stuinfo_cr_action_from_key, 'action', action), 1 if has_comment else 0)
        if status == 0:
            return True
        return StuinfoError(status, ffi.string(lib.stuinfo_ctx_last_message(
            self._ctx.ptr)).decode('utf-8', 'replace'))

    def apply(self, actor, student, seen_revision=None, **facts):
        """Apply the approved request to @student (a Student at the version the request
        targets). Returns the before/after diff (a list of Change). A record that would
        not validate raises StuinfoError(ERR_VALIDATION_FAILED) with ``findings``."""
        p_report = ffi.new('stuinfo_report **')
        self._ctx.check(lib.stuinfo_report_new(self._ctx.ptr, p_report))
        report = ffi.gc(p_report[0], lib.stuinfo_report_free)
        try:
            status = lib.stuinfo_request_apply(
                self.ptr, self.policy.ptr, _facts(**facts), _actor(actor),
                self._seen(seen_revision), student.ptr, ffi.NULL, report)
            if status != 0:
                err = StuinfoError(status, self._ctx.last_message)
                err.findings = [f for f in read_findings(report) if f.severity == 'error']
                raise err
        finally:
            ffi.release(report)
        return self.diff

    # -- reading --------------------------------------------------------------------------

    @property
    def state(self):
        return _key(lib.stuinfo_cr_state_key, lib.stuinfo_request_state(self.ptr))

    @property
    def revision(self):
        return int(lib.stuinfo_request_revision(self.ptr))

    @property
    def kind(self):
        return _key(lib.stuinfo_cr_kind_key, lib.stuinfo_request_kind(self.ptr))

    @property
    def record_version(self):
        return int(lib.stuinfo_request_record_version(self.ptr))

    def _target(self):
        sid = ffi.new('const char **')
        length = ffi.new('size_t *')
        pid = ffi.new('const char **')
        self._ctx.check(lib.stuinfo_request_target(self.ptr, sid, length, pid))
        return to_str(sid[0], length[0]), to_str(pid[0])

    @property
    def student_id(self):
        return self._target()[0]

    @property
    def policy_id(self):
        return self._target()[1]

    def _changes(self, count_fn, get_fn):
        out = []
        c = ffi.new('stuinfo_cr_change *')
        for i in range(count_fn(self.ptr)):
            c.size = ffi.sizeof('stuinfo_cr_change')
            self._ctx.check(get_fn(self.ptr, i, c))
            out.append(Change(to_str(c.field),
                              to_str(c.old_value, c.old_len) if c.old_value else None,
                              to_str(c.new_value, c.new_len) if c.new_value else None))
        return out

    @property
    def changes(self):
        """The proposed changes, a list of Change in the order of their paths."""
        return self._changes(lib.stuinfo_request_change_count, lib.stuinfo_request_change_get)

    @property
    def diff(self):
        """The before/after diff of an applied request (canonical values); [] before."""
        return self._changes(lib.stuinfo_request_diff_count, lib.stuinfo_request_diff_get)

    @property
    def evidence(self):
        out = []
        e = ffi.new('stuinfo_cr_evidence *')
        for i in range(lib.stuinfo_request_evidence_count(self.ptr)):
            e.size = ffi.sizeof('stuinfo_cr_evidence')
            self._ctx.check(lib.stuinfo_request_evidence_get(self.ptr, i, e))
            out.append(Evidence(_key(lib.stuinfo_evidence_kind_key, e.kind),
                                to_str(e.reference, e.reference_len)))
        return out

    @property
    def log(self):
        """The audit log, a list of LogEntry, oldest first."""
        out = []
        e = ffi.new('stuinfo_cr_log_entry *')
        for i in range(lib.stuinfo_request_log_count(self.ptr)):
            e.size = ffi.sizeof('stuinfo_cr_log_entry')
            self._ctx.check(lib.stuinfo_request_log_get(self.ptr, i, e))
            out.append(LogEntry(int(e.time), to_str(e.actor), _key(lib.stuinfo_role_key, e.role),
                                _key(lib.stuinfo_cr_action_key, e.action),
                                _key(lib.stuinfo_cr_state_key, getattr(e, 'from')),
                                _key(lib.stuinfo_cr_state_key, e.to), int(e.revision),
                                to_str(e.comment) or '', to_str(e.changes) or '',
                                to_str(e.hash)))
        return out

    @property
    def head(self):
        """The hash of the last log entry (64 hex digits): keep it outside the request."""
        return ffi.string(lib.stuinfo_request_log_head(self.ptr)).decode()

    def verify_log(self, head=None):
        """Recompute every link of the log (and compare with @head, the head you kept).
        Returns None; raises StuinfoError(ERR_TAMPERED) with ``bad_index``, the first bad
        entry (the entry count when only the head differs)."""
        bad = ffi.new('size_t *')
        status = lib.stuinfo_request_log_verify(self.ptr, ffi.NULL if head is None
                                                else to_bytes(head), bad)
        if status != 0:
            err = StuinfoError(status, self._ctx.last_message)
            err.bad_index = int(bad[0]) if status == lib.STUINFO_ERR_TAMPERED else None
            raise err

    def is_intact(self, head=None):
        """True when verify_log(head) passes."""
        try:
            self.verify_log(head)
            return True
        except StuinfoError as e:
            if e.status != lib.STUINFO_ERR_TAMPERED:
                raise
            return False

    def to_json(self):
        """The request as JSON (it holds the proposed values: store it as personal data)."""
        return out_text(self._ctx, lib.stuinfo_request_to_json, self.ptr)

    def __repr__(self):
        if self._ptr is None:
            return '<stuinfo.ChangeRequest closed>'
        return '<stuinfo.ChangeRequest %s revision %d>' % (self.state, self.revision)
