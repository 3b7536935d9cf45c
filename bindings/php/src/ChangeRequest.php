<?php
declare(strict_types=1);

namespace Stuinfo;

/**
 * A change request (stuinfo/workflow.h): correct or change a student record through
 * review, with an audit log on a hash chain. Actors are [role, id] pairs: roles
 * 'student', 'guardian', 'teacher', 'registrar', 'leadership', 'admin'. A refused step
 * throws StuinfoException with the specific status and changes nothing. Freed (values
 * wiped) by close() or the destructor.
 *
 *     $pupil = ['student', 's2021001'];
 *     $req = ChangeRequest::create($ctx, $pupil, 'S-0001', $record->version());
 *     $req->setChange($pupil, 'sex', '女', '男');
 *     $req->addEvidence($pupil, 'household_register', 'HR-2021-0001');
 *     $req->act($pupil, 'submit');
 *     $req->act(['teacher', 't-wang'], 'approve');
 *     $req->act(['registrar', 'reg-li'], 'approve');
 *     $diff = $req->apply(['registrar', 'reg-li'], $record);
 *     $keepElsewhere = $req->head();
 */
final class ChangeRequest
{
    private \FFI $ffi;
    private ?\FFI\CData $ptr;
    private ?\FFI\CData $policy;

    private function __construct(private Context $ctx, \FFI\CData $ptr, \FFI\CData $policy)
    {
        $this->ffi = Library::ffi();
        $this->ptr = $ptr;
        $this->policy = $policy;
    }

    public function __destruct()
    {
        $this->close();
    }

    public function close(): void
    {
        if ($this->ptr !== null) {
            $this->ffi->stuinfo_request_free($this->ptr);
            $this->ptr = null;
        }
        if ($this->policy !== null) {
            $this->ffi->stuinfo_workflow_policy_free($this->policy);
            $this->policy = null;
        }
    }

    public function ptr(): \FFI\CData
    {
        return $this->ptr ?? throw new StuinfoException(Library::ERR_INVALID_ARGUMENT,
                                                         'the request is closed');
    }

    /** The workflow policy: the registry defaults, or read from JSON. */
    private static function policy(Context $ctx, ?string $json): \FFI\CData
    {
        $ffi = Library::ffi();
        $p = $ffi->new('stuinfo_workflow_policy*');
        if ($json === null) {
            $ctx->check($ffi->stuinfo_workflow_policy_new($ctx->ptr(), \FFI::addr($p)));
        } else {
            $ctx->check($ffi->stuinfo_workflow_policy_from_json($ctx->ptr(), $json,
                                                                \strlen($json), \FFI::addr($p)));
        }
        return $p;
    }

    private static function code(string $fn, string $what, string $key): int
    {
        $n = Library::ffi()->$fn($key);
        if ($n <= 0) {
            throw new \InvalidArgumentException("unknown $what $key");
        }
        return $n;
    }

    /** @param array{0: string, 1: string} $actor [role, id] */
    private static function actor(array $actor): \FFI\CData
    {
        $ffi = Library::ffi();
        $a = $ffi->new('stuinfo_cr_actor');
        $role = self::code('stuinfo_role_from_key', 'role', (string)$actor[0]);
        $id = (string)$actor[1];
        $rc = $ffi->stuinfo_cr_actor_init(\FFI::addr($a), $role, $id, \strlen($id));
        if ($rc !== 0) {
            throw new StuinfoException($rc, 'invalid actor id (1 to 63 bytes)');
        }
        return $a;
    }

    /** @param array{graduated?: bool, reported?: bool, enrolled_at?: int} $facts */
    private static function facts(array $facts): \FFI\CData
    {
        $f = Library::ffi()->new('stuinfo_cr_facts');
        Library::ffi()->stuinfo_cr_facts_init(\FFI::addr($f));
        $f->graduated = empty($facts['graduated']) ? 0 : 1;
        $f->reported = empty($facts['reported']) ? 0 : 1;
        $f->enrolled_at = (int)($facts['enrolled_at'] ?? 0);
        return $f;
    }

    /**
     * A new draft by $actor for record $studentId at $recordVersion (Student::version()),
     * of $kind 'correction' or 'change'; $policyJson: the policy (null: the defaults).
     */
    public static function create(Context $ctx, array $actor, string $studentId,
                                  int $recordVersion, string $kind = 'correction',
                                  ?string $comment = null, ?string $policyJson = null,
                                  array $facts = []): ChangeRequest
    {
        $ffi = Library::ffi();
        $policy = self::policy($ctx, $policyJson);
        $p = $ffi->new('stuinfo_change_request*');
        $kindCode = self::code('stuinfo_cr_kind_from_key', 'kind',
                               $kind === 'change' ? 'change_of_fact' : $kind);
        $f = self::facts($facts);
        $a = self::actor($actor);
        $rc = $ffi->stuinfo_request_new($ctx->ptr(), $policy, \FFI::addr($f), \FFI::addr($a),
            $studentId, \strlen($studentId), $recordVersion, $kindCode, $comment,
            $comment === null ? 0 : \strlen($comment), \FFI::addr($p));
        if ($rc !== 0) {
            $e = new StuinfoException($rc, $ctx->lastMessage());
            $ffi->stuinfo_workflow_policy_free($policy);
            throw $e;
        }
        return new ChangeRequest($ctx, $p, $policy);
    }

    /** A request read from JSON; the log is replayed and verified (ERR_TAMPERED). */
    public static function fromJson(Context $ctx, string $json,
                                    ?string $policyJson = null): ChangeRequest
    {
        $ffi = Library::ffi();
        $p = $ffi->new('stuinfo_change_request*');
        $ctx->check($ffi->stuinfo_request_from_json($ctx->ptr(), $json, \strlen($json),
                                                    \FFI::addr($p)));
        return new ChangeRequest($ctx, $p, self::policy($ctx, $policyJson));
    }

    private function seen(?int $seenRevision): int
    {
        return $seenRevision ?? $this->revision();
    }

    /** Propose (or replace) the change of $path from $old to $new (null: empty). */
    public function setChange(array $actor, string $path, ?string $old, ?string $new,
                              ?int $seenRevision = null, array $facts = []): void
    {
        $f = self::facts($facts);
        $a = self::actor($actor);
        $this->ctx->check($this->ffi->stuinfo_request_set_change($this->ptr(), $this->policy,
            \FFI::addr($f), \FFI::addr($a), $this->seen($seenRevision), $path,
            $old, $old === null ? 0 : \strlen($old), $new, $new === null ? 0 : \strlen($new)));
    }

    public function removeChange(array $actor, string $path, ?int $seenRevision = null,
                                 array $facts = []): void
    {
        $f = self::facts($facts);
        $a = self::actor($actor);
        $this->ctx->check($this->ffi->stuinfo_request_remove_change($this->ptr(),
            $this->policy, \FFI::addr($f), \FFI::addr($a), $this->seen($seenRevision), $path));
    }

    /**
     * Evidence kinds: 'household_register', 'police_certificate', 'birth_certificate',
     * 'id_card', 'other'.
     */
    public function addEvidence(array $actor, string $kind, string $reference,
                                ?int $seenRevision = null, array $facts = []): void
    {
        $f = self::facts($facts);
        $a = self::actor($actor);
        $k = self::code('stuinfo_evidence_kind_from_key', 'evidence kind', $kind);
        $this->ctx->check($this->ffi->stuinfo_request_add_evidence($this->ptr(), $this->policy,
            \FFI::addr($f), \FFI::addr($a), $this->seen($seenRevision), $k, $reference,
            \strlen($reference)));
    }

    /** 'submit', 'approve', 'return', 'reject', 'withdraw', 'request_exception', 'edit'. */
    public function act(array $actor, string $action, ?string $comment = null,
                        ?int $seenRevision = null, array $facts = []): void
    {
        $f = self::facts($facts);
        $a = self::actor($actor);
        $code = self::code('stuinfo_cr_action_from_key', 'action', $action);
        $this->ctx->check($this->ffi->stuinfo_request_act($this->ptr(), $this->policy,
            \FFI::addr($f), \FFI::addr($a), $code, $this->seen($seenRevision), $comment,
            $comment === null ? 0 : \strlen($comment)));
    }

    /**
     * Apply the approved request to $student; returns the before/after diff. A record
     * that would not validate throws ERR_VALIDATION_FAILED and nothing changes.
     * @return list<array{field: string, old: ?string, new: ?string}>
     */
    public function apply(array $actor, Student $student, ?int $seenRevision = null,
                          array $facts = []): array
    {
        $f = self::facts($facts);
        $a = self::actor($actor);
        $this->ctx->check($this->ffi->stuinfo_request_apply($this->ptr(), $this->policy,
            \FFI::addr($f), \FFI::addr($a), $this->seen($seenRevision), $student->ptr(),
            null, null));
        return $this->diff();
    }

    public function state(): ?string
    {
        return Library::str($this->ffi->stuinfo_cr_state_key(
            $this->ffi->stuinfo_request_state($this->ptr())));
    }

    public function revision(): int
    {
        return (int)$this->ffi->stuinfo_request_revision($this->ptr());
    }

    /** The hash of the last log entry (64 hex digits): keep it outside the request. */
    public function head(): string
    {
        return (string)Library::str($this->ffi->stuinfo_request_log_head($this->ptr()));
    }

    private function readChanges(string $count, string $get): array
    {
        $out = [];
        $c = $this->ffi->new('stuinfo_cr_change');
        $n = $this->ffi->$count($this->ptr());
        for ($i = 0; $i < $n; $i++) {
            $c->size = \FFI::sizeof($c);
            $this->ctx->check($this->ffi->$get($this->ptr(), $i, \FFI::addr($c)));
            $out[] = ['field' => (string)Library::str($c->field),
                      'old' => \FFI::isNull($c->old_value) ? null
                               : \FFI::string($c->old_value, $c->old_len),
                      'new' => \FFI::isNull($c->new_value) ? null
                               : \FFI::string($c->new_value, $c->new_len)];
        }
        return $out;
    }

    /** @return list<array{field: string, old: ?string, new: ?string}> */
    public function changes(): array
    {
        return $this->readChanges('stuinfo_request_change_count', 'stuinfo_request_change_get');
    }

    /** @return list<array{field: string, old: ?string, new: ?string}> */
    public function diff(): array
    {
        return $this->readChanges('stuinfo_request_diff_count', 'stuinfo_request_diff_get');
    }

    /** @return list<array<string, mixed>> the audit log, oldest first */
    public function log(): array
    {
        $out = [];
        $e = $this->ffi->new('stuinfo_cr_log_entry');
        $n = $this->ffi->stuinfo_request_log_count($this->ptr());
        for ($i = 0; $i < $n; $i++) {
            $e->size = \FFI::sizeof($e);
            $this->ctx->check($this->ffi->stuinfo_request_log_get($this->ptr(), $i,
                                                                  \FFI::addr($e)));
            $out[] = ['time' => (int)$e->time, 'actor' => Library::str($e->actor),
                      'role' => Library::str($this->ffi->stuinfo_role_key($e->role)),
                      'action' => Library::str($this->ffi->stuinfo_cr_action_key($e->action)),
                      'from' => Library::str($this->ffi->stuinfo_cr_state_key($e->from)),
                      'to' => Library::str($this->ffi->stuinfo_cr_state_key($e->to)),
                      'revision' => (int)$e->revision, 'comment' => Library::str($e->comment),
                      'changes' => Library::str($e->changes), 'hash' => Library::str($e->hash)];
        }
        return $out;
    }

    /** True when every link of the log verifies (and the head is $head, if given). */
    public function verifyLog(?string $head = null): bool
    {
        $rc = $this->ffi->stuinfo_request_log_verify($this->ptr(), $head, null);
        if ($rc === $this->ffi->STUINFO_ERR_TAMPERED) {
            return false;
        }
        $this->ctx->check($rc);
        return true;
    }

    public function toJson(): string
    {
        $text = $this->ffi->new('const char*');
        $len = $this->ffi->new('size_t');
        $this->ctx->check($this->ffi->stuinfo_request_to_json($this->ptr(), \FFI::addr($text),
                                                              \FFI::addr($len)));
        return \FFI::string($text, $len->cdata);
    }
}
