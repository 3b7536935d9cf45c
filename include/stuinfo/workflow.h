/*
 * libstuinfo change requests: how a student record is corrected or changed, with the
 * rules registries use (collection windows; open, grey and key fields; evidence and
 * registrar approval for key fields; graduation and "reported" locks; the exception
 * path), every step checked against a transition table and written to a hash-chained
 * audit log (docs/workflow.md).
 *
 * A request is made with stuinfo_request_new(), edited (its proposed field changes and
 * evidence), moved along by stuinfo_request_act() and finally applied to a
 * stuinfo_student by stuinfo_request_apply(). Every call that moves or edits a request
 * takes the workflow policy, the lifecycle facts of the student, the acting person and
 * the revision of the request the actor saw. A refused call returns a specific status,
 * records its message on the ctx and changes nothing.
 */
#ifndef STUINFO_WORKFLOW_H
#define STUINFO_WORKFLOW_H

#ifndef STUINFO_CDEF            /* the FFI header is made with -DSTUINFO_CDEF */
#include <stddef.h>
#include <stdint.h>
#endif
#include "stuinfo/core.h"
#include "stuinfo/report.h"
#include "stuinfo/student.h"

#ifdef __cplusplus
extern "C" {
#endif
#if defined(__GNUC__) && !defined(STUINFO_CDEF)
#pragma GCC visibility push(default)
#endif

/** States of a change request. Values never change. */
typedef enum stuinfo_cr_state {
    /** Not made yet: the state "create" starts from. A live request is never in it. */
    STUINFO_CR_NONE = 0,
    /** Being written; editable inside the collection window. */
    STUINFO_CR_DRAFT = 1,
    /** Submitted: first-level review (class teacher or counselor). */
    STUINFO_CR_SUBMITTED = 2,
    /** Second-level review (registrar): key fields, or every request if policy says so. */
    STUINFO_CR_SECOND_REVIEW = 3,
    /** Approved; waiting to be applied to the record. */
    STUINFO_CR_APPROVED = 4,
    /** Applied to the record (final). */
    STUINFO_CR_APPLIED = 5,
    /** Returned to the requester; editable and resubmittable even after the window. */
    STUINFO_CR_RETURNED = 6,
    /** Rejected (final). */
    STUINFO_CR_REJECTED = 7,
    /** Withdrawn by the requester (final). */
    STUINFO_CR_WITHDRAWN = 8,
    /** After the window, with a written report: waiting for school leadership. */
    STUINFO_CR_EXCEPTION_REVIEW = 9
} stuinfo_cr_state;

/** Actions on a change request. Values never change. */
typedef enum stuinfo_cr_action {
    STUINFO_CR_ACTION_CREATE = 1,
    /** Change the proposed values or the evidence (the edit calls below). */
    STUINFO_CR_ACTION_EDIT = 2,
    STUINFO_CR_ACTION_SUBMIT = 3,
    STUINFO_CR_ACTION_WITHDRAW = 4,
    STUINFO_CR_ACTION_APPROVE = 5,
    STUINFO_CR_ACTION_RETURN = 6,
    STUINFO_CR_ACTION_REJECT = 7,
    /** Apply to the record: stuinfo_request_apply() only. */
    STUINFO_CR_ACTION_APPLY = 8,
    /** Ask for the exception path after the window (the comment is the written report). */
    STUINFO_CR_ACTION_REQUEST_EXCEPTION = 9
} stuinfo_cr_action;

/** Roles of the people who act on requests. Values never change. */
typedef enum stuinfo_role {
    STUINFO_ROLE_STUDENT = 1,
    STUINFO_ROLE_GUARDIAN = 2,
    /** Class teacher or counselor (班主任 / 辅导员): first-level review. */
    STUINFO_ROLE_TEACHER = 3,
    /** Registrar (学籍管理员): second-level review, applying. */
    STUINFO_ROLE_REGISTRAR = 4,
    /** Registrar supervisor or school leadership: the exception path. */
    STUINFO_ROLE_LEADERSHIP = 5,
    /** Administrator of the host system: may apply approved requests. */
    STUINFO_ROLE_ADMIN = 6
} stuinfo_role;

/** What a request is. Values never change. */
typedef enum stuinfo_cr_kind {
    /** Correction of a value entered wrongly (locked by the first-semester limit and
     *  once the data was reported). */
    STUINFO_CR_KIND_CORRECTION = 1,
    /** A real change of fact during enrolment (a legal change of name or ID number). */
    STUINFO_CR_KIND_CHANGE_OF_FACT = 2
} stuinfo_cr_kind;

/** Kinds of evidence (the documents themselves stay with the host). Values never change. */
typedef enum stuinfo_evidence_kind {
    /** Household register (户口簿) page. */
    STUINFO_EVIDENCE_HOUSEHOLD_REGISTER = 1,
    /** Certificate from the public-security (police) office (公安机关证明). */
    STUINFO_EVIDENCE_POLICE_CERTIFICATE = 2,
    /** Birth certificate (出生医学证明). */
    STUINFO_EVIDENCE_BIRTH_CERTIFICATE = 3,
    /** Resident identity card (居民身份证). */
    STUINFO_EVIDENCE_ID_CARD = 4,
    /** Any other document. */
    STUINFO_EVIDENCE_OTHER = 5
} stuinfo_evidence_kind;

/** How the workflow policy treats a field. Values never change. */
typedef enum stuinfo_field_class {
    /** The student or guardian may propose a change inside the window. */
    STUINFO_FIELD_CLASS_OPEN = 1,
    /** Grey: students and guardians may not propose a change; the counselor does. */
    STUINFO_FIELD_CLASS_GREY = 2,
    /** Key: needs evidence and second-level (registrar) approval. */
    STUINFO_FIELD_CLASS_KEY = 3
} stuinfo_field_class;

/** When second-level (registrar) review is required. Values never change. */
typedef enum stuinfo_second_review {
    /** Only when a key field changes (the default). */
    STUINFO_SECOND_REVIEW_KEY_ONLY = 1,
    /** For every request. */
    STUINFO_SECOND_REVIEW_ALWAYS = 2
} stuinfo_second_review;

/** Limits of requests. Values never shrink. */
typedef enum stuinfo_cr_limit {
    /** Longest actor id in bytes (without the NUL). */
    STUINFO_CR_ACTOR_ID_MAX = 63,
    /** Most field changes in one request. */
    STUINFO_CR_MAX_CHANGES = 64,
    /** Most evidence items in one request. */
    STUINFO_CR_MAX_EVIDENCE = 16,
    /** Longest comment, evidence reference or student id, in bytes. */
    STUINFO_CR_MAX_TEXT = 4096,
    /** Largest request or policy JSON accepted, in bytes. */
    STUINFO_CR_MAX_JSON = 16777216
} stuinfo_cr_limit;

/** Who acts: filled by stuinfo_cr_actor_init(). Caller-allocated. */
typedef struct stuinfo_cr_actor {
    uint32_t size;              /* set by stuinfo_cr_actor_init() */
    int32_t role;               /* a stuinfo_role */
    char id[64];                /* the host's account id, UTF-8, NUL-terminated */
} stuinfo_cr_actor;

/**
 * What the host knows about the student when acting (stuinfo_enrolment gives the first
 * two). Fill with stuinfo_cr_facts_init() (all unknown / no), then change what you know.
 */
typedef struct stuinfo_cr_facts {
    uint32_t size;              /* set by stuinfo_cr_facts_init() */
    int32_t graduated;          /* 1: the student has graduated */
    int32_t reported;           /* 1: the record was reported to the Ministry */
    int32_t reserved;           /* 0 */
    int64_t enrolled_at;        /* enrolment time, epoch seconds (UTC); 0 = unknown */
} stuinfo_cr_facts;

/** One proposed change, or one line of the before/after diff of an applied request. */
typedef struct stuinfo_cr_change {
    uint32_t size;              /* set to sizeof(stuinfo_cr_change) before the call */
    const char *field;          /* path: "name", "family[0].phone", "history[1].end" */
    const char *old_value;      /* NULL when empty */
    size_t old_len;
    const char *new_value;      /* NULL when the change clears the field */
    size_t new_len;
} stuinfo_cr_change;

/** One evidence item. */
typedef struct stuinfo_cr_evidence {
    uint32_t size;              /* set to sizeof(stuinfo_cr_evidence) before the call */
    int32_t kind;               /* a stuinfo_evidence_kind */
    const char *reference;      /* the host's reference to the document */
    size_t reference_len;
} stuinfo_cr_evidence;

/** One audit-log entry. */
typedef struct stuinfo_cr_log_entry {
    uint32_t size;              /* set to sizeof(stuinfo_cr_log_entry) before the call */
    int32_t role;               /* a stuinfo_role */
    int32_t action;             /* a stuinfo_cr_action */
    int32_t from;               /* a stuinfo_cr_state */
    int32_t to;                 /* a stuinfo_cr_state */
    int32_t reserved;
    int64_t time;               /* epoch seconds, from the ctx clock */
    uint64_t revision;          /* the request's revision after this entry */
    const char *actor;          /* actor id */
    const char *comment;        /* "" when none */
    const char *changes;        /* changed fields, key-field values masked; "" when none */
    const char *hash;           /* 64 hex digits */
} stuinfo_cr_log_entry;

/** A change request. Opaque; one thread at a time (as its ctx). */
typedef struct stuinfo_change_request stuinfo_change_request;

/** The workflow policy (not the validation policy stuinfo_policy). Opaque. */
typedef struct stuinfo_workflow_policy stuinfo_workflow_policy;

/* ---- actors and facts ---------------------------------------------------------- */

/**
 * Fill @p out with @p role (a stuinfo_role) and the actor id @p id (@p len bytes of
 * UTF-8, 1..STUINFO_CR_ACTOR_ID_MAX, no NUL or control characters).
 * Returns STUINFO_OK, STUINFO_ERR_INVALID_ARGUMENT (NULL, unknown role, empty id),
 * STUINFO_ERR_ENCODING or STUINFO_ERR_TOO_LONG. Records nothing (there is no ctx).
 * @since 0.1
 */
stuinfo_status stuinfo_cr_actor_init(stuinfo_cr_actor *out, int32_t role, const char *id,
                                     size_t len);

/** Fill @p out with "nothing known": not graduated, not reported, enrolment unknown.
 *  Returns STUINFO_OK or STUINFO_ERR_INVALID_ARGUMENT. @since 0.1 */
stuinfo_status stuinfo_cr_facts_init(stuinfo_cr_facts *out);

/* ---- the workflow policy ---------------------------------------------------------- */

/**
 * A policy with the defaults of the registry documents (docs/workflow.md): id
 * "default"; no collection window (always open); key fields name, sex, birth date and
 * ID number, each needing a household-register or police certificate; grey fields the
 * registry and the school assign (ID document type, ethnicity, nationality, 港澳台侨外,
 * grade, class, seat number, enrolment month and mode, attendance, source, student
 * numbers, school id, status, personal id); every other field open; second-level
 * review for key fields only; corrections of key fields within 183 days of enrolment;
 * graduation locks name and ID number; the reported lock on.
 * Returns STUINFO_OK, STUINFO_ERR_INVALID_ARGUMENT or STUINFO_ERR_NOMEM (*out NULL).
 * @since 0.1
 */
stuinfo_status stuinfo_workflow_policy_new(stuinfo_ctx *ctx, stuinfo_workflow_policy **out);

/** Free a policy; NULL is a no-op. @since 0.1 */
void stuinfo_workflow_policy_free(stuinfo_workflow_policy *policy);

/**
 * Set the policy id (1..STUINFO_CR_ACTOR_ID_MAX bytes of printable ASCII); requests
 * remember the id of the policy they were made under and refuse another one.
 * Returns STUINFO_OK or STUINFO_ERR_INVALID_ARGUMENT.
 * @since 0.1
 */
stuinfo_status stuinfo_workflow_policy_set_id(stuinfo_workflow_policy *policy,
                                              const char *id, size_t len);

/** The policy id; borrowed until it changes or the policy is freed; "" for NULL. @since 0.1 */
const char *stuinfo_workflow_policy_id(const stuinfo_workflow_policy *policy);

/**
 * Set the collection window: editing and submitting drafts is allowed from @p open_at
 * (inclusive) to @p close_at (exclusive), epoch seconds. 0 and 0 mean "no window"
 * (always open). Returns STUINFO_OK or STUINFO_ERR_INVALID_ARGUMENT (close before open).
 * @since 0.1
 */
stuinfo_status stuinfo_workflow_policy_set_window(stuinfo_workflow_policy *policy,
                                                  int64_t open_at, int64_t close_at);

/**
 * Classify a field: @p field is a student field key ("name"), or "family.<key>" /
 * "history.<key>" for that field of every family member or history entry; @p field_class
 * a stuinfo_field_class; @p evidence a bit set of accepted evidence kinds, bit
 * (1 << kind), any one of which suffices (used for key fields; 0 for none);
 * @p graduation_lock 1 if the field never changes after graduation.
 * Returns STUINFO_OK, STUINFO_ERR_INVALID_ARGUMENT or STUINFO_ERR_NOT_FOUND (unknown field).
 * @since 0.1
 */
stuinfo_status stuinfo_workflow_policy_set_field(stuinfo_workflow_policy *policy,
                                                 const char *field, int32_t field_class,
                                                 uint32_t evidence, int32_t graduation_lock);

/**
 * The class (a stuinfo_field_class) of a field path ("name", "family[2].phone") into
 * *@p class_out, or 0 on failure. Returns STUINFO_OK, STUINFO_ERR_INVALID_ARGUMENT or
 * STUINFO_ERR_NOT_FOUND. @since 0.1
 */
stuinfo_status stuinfo_workflow_policy_field_class(const stuinfo_workflow_policy *policy,
                                                   const char *path, int32_t *class_out);

/**
 * Set the approval levels (@p second_review a stuinfo_second_review), the
 * first-semester limit for corrections of key fields (@p correction_limit_days after
 * enrolment; 0 = no limit), and the two locks (1 on, 0 off): @p graduation_lock (fields
 * marked so never change after graduation) and @p reported_lock (no correction of a
 * key field once the data was reported). Returns STUINFO_OK or
 * STUINFO_ERR_INVALID_ARGUMENT.
 * @since 0.1
 */
stuinfo_status stuinfo_workflow_policy_set_rules(stuinfo_workflow_policy *policy,
                                                 int32_t second_review,
                                                 int32_t correction_limit_days,
                                                 int32_t graduation_lock,
                                                 int32_t reported_lock);

/**
 * The policy as JSON (format in docs/workflow.md); @p json (NUL-terminated) and @p len
 * are borrowed from the policy until it changes or is freed. Byte-for-byte stable:
 * stuinfo_workflow_policy_from_json() of it gives a policy with the same JSON.
 * Returns STUINFO_OK, STUINFO_ERR_INVALID_ARGUMENT or STUINFO_ERR_NOMEM.
 * @since 0.1
 */
stuinfo_status stuinfo_workflow_policy_to_json(stuinfo_workflow_policy *policy,
                                               const char **json, size_t *len);

/**
 * A policy from JSON. Members left out keep their defaults, except "fields", which
 * replaces the whole field classification when present.
 * Returns STUINFO_OK; STUINFO_ERR_PARSE (malformed JSON, a wrong type or an unknown
 * member: the message names it); STUINFO_ERR_NOT_FOUND (unknown field);
 * STUINFO_ERR_ENCODING; STUINFO_ERR_TOO_LONG; STUINFO_ERR_INVALID_ARGUMENT;
 * STUINFO_ERR_NOMEM. *out is NULL after a failure.
 * @since 0.1
 */
stuinfo_status stuinfo_workflow_policy_from_json(stuinfo_ctx *ctx, const char *json,
                                                 size_t len,
                                                 stuinfo_workflow_policy **out);

/* ---- requests ---------------------------------------------------------------------- */

/*
 * Statuses every call below that takes (policy, facts, actor, seen_revision) may give
 * when it refuses, checked in this order (docs/workflow.md); a refusal changes nothing:
 *   STUINFO_ERR_INVALID_ARGUMENT  a NULL handle or actor, an unknown action, a policy of
 *                                 another id than the request was made under;
 *   STUINFO_ERR_STALE_VERSION     @p seen_revision is not the request's revision;
 *   STUINFO_ERR_STATE             no transition for this action in this state (final
 *                                 states refuse everything);
 *   STUINFO_ERR_PERMISSION        the role may not take the action, or a student or
 *                                 guardian proposes a change of a grey field;
 *   STUINFO_ERR_WINDOW_CLOSED     outside the collection window (a returned request is
 *                                 exempt); STUINFO_ERR_STATE for the exception path while
 *                                 the window is open;
 *   then the checks of the table row, in its order:
 *   STUINFO_ERR_SEPARATION_OF_DUTIES  a reviewer is the creator or the submitter;
 *   STUINFO_ERR_STATE             nothing proposed (submit, exception);
 *   STUINFO_ERR_EVIDENCE_REQUIRED no written report (the comment) on the exception path,
 *                                 or a changed key field lacks evidence of an accepted kind;
 *   STUINFO_ERR_LOCKED_GRADUATED, STUINFO_ERR_LOCKED_REPORTED, and
 *   STUINFO_ERR_WINDOW_CLOSED for a correction after the first-semester limit;
 *   STUINFO_ERR_STALE_VERSION     (apply) the record is not at the targeted version.
 * @p facts may be NULL ("nothing known", as stuinfo_cr_facts_init()); hosts with an
 * enrolment history fill it with stuinfo_enrolment_cr_facts().
 */

/**
 * Make a request (the "create" action) by @p actor for the record of student
 * @p student_id (the host's id, 1..STUINFO_CR_MAX_TEXT bytes) at record version
 * @p record_version (stuinfo_student_version()), of @p kind (a stuinfo_cr_kind), under
 * @p policy. It starts in STUINFO_CR_DRAFT at revision 1 with one log entry; @p comment
 * (may be NULL) goes to the log. Time comes from the ctx clock.
 * Returns STUINFO_OK or a refusal above, STUINFO_ERR_ENCODING, STUINFO_ERR_TOO_LONG,
 * STUINFO_ERR_NOMEM; *out is NULL after a failure.
 * @since 0.1
 */
stuinfo_status stuinfo_request_new(stuinfo_ctx *ctx, const stuinfo_workflow_policy *policy,
                                   const stuinfo_cr_facts *facts,
                                   const stuinfo_cr_actor *actor, const char *student_id,
                                   size_t student_id_len, uint64_t record_version,
                                   int32_t kind, const char *comment, size_t comment_len,
                                   stuinfo_change_request **out);

/** Free a request, wiping every value; NULL is a no-op. @since 0.1 */
void stuinfo_request_free(stuinfo_change_request *request);

/**
 * Propose (or replace) the change of field @p path ("name", "family[0].phone") from
 * @p old_value (what the actor sees in the record; NULL for empty) to @p new_value (NULL
 * to clear). An "edit" action: logged, revision + 1. Besides the refusals above:
 * STUINFO_ERR_NOT_FOUND (unknown path), STUINFO_ERR_ENCODING, STUINFO_ERR_TOO_LONG
 * (value above STUINFO_STUDENT_MAX_INPUT, or STUINFO_CR_MAX_CHANGES reached),
 * STUINFO_ERR_NOMEM.
 * @since 0.1
 */
stuinfo_status stuinfo_request_set_change(stuinfo_change_request *request,
                                          const stuinfo_workflow_policy *policy,
                                          const stuinfo_cr_facts *facts,
                                          const stuinfo_cr_actor *actor,
                                          uint64_t seen_revision, const char *path,
                                          const char *old_value, size_t old_len,
                                          const char *new_value, size_t new_len);

/**
 * Drop the proposed change of @p path (an "edit" action). As stuinfo_request_set_change();
 * STUINFO_ERR_NOT_FOUND when the request has no change of @p path.
 * @since 0.1
 */
stuinfo_status stuinfo_request_remove_change(stuinfo_change_request *request,
                                             const stuinfo_workflow_policy *policy,
                                             const stuinfo_cr_facts *facts,
                                             const stuinfo_cr_actor *actor,
                                             uint64_t seen_revision, const char *path);

/**
 * Add an evidence item of @p kind (a stuinfo_evidence_kind) with the host's reference
 * @p reference (1..STUINFO_CR_MAX_TEXT bytes), an "edit" action. As
 * stuinfo_request_set_change(); STUINFO_ERR_TOO_LONG when STUINFO_CR_MAX_EVIDENCE items
 * are there.
 * @since 0.1
 */
stuinfo_status stuinfo_request_add_evidence(stuinfo_change_request *request,
                                            const stuinfo_workflow_policy *policy,
                                            const stuinfo_cr_facts *facts,
                                            const stuinfo_cr_actor *actor,
                                            uint64_t seen_revision, int32_t kind,
                                            const char *reference, size_t reference_len);

/**
 * Remove evidence item @p index (later items move down), an "edit" action. As
 * stuinfo_request_set_change(); STUINFO_ERR_NOT_FOUND for an index past the end.
 * @since 0.1
 */
stuinfo_status stuinfo_request_remove_evidence(stuinfo_change_request *request,
                                               const stuinfo_workflow_policy *policy,
                                               const stuinfo_cr_facts *facts,
                                               const stuinfo_cr_actor *actor,
                                               uint64_t seen_revision, size_t index);

/**
 * Take @p action (a stuinfo_cr_action: submit, withdraw, approve, return, reject,
 * request_exception; edit records a comment-only edit) as @p actor, who saw the request
 * at @p seen_revision. Accepted: the state follows data/workflow/transitions.tsv, one
 * log entry (time from the ctx clock, @p comment, may be NULL) is appended and the
 * revision grows by one. Refused: one of the statuses above; STUINFO_ERR_INVALID_ARGUMENT
 * also for STUINFO_CR_ACTION_APPLY (use stuinfo_request_apply()); STUINFO_ERR_ENCODING,
 * STUINFO_ERR_TOO_LONG for the comment; STUINFO_ERR_NOMEM. Nothing changes on failure.
 * @since 0.1
 */
stuinfo_status stuinfo_request_act(stuinfo_change_request *request,
                                   const stuinfo_workflow_policy *policy,
                                   const stuinfo_cr_facts *facts,
                                   const stuinfo_cr_actor *actor, int32_t action,
                                   uint64_t seen_revision, const char *comment,
                                   size_t comment_len);

/**
 * Whether @p actor could take @p action now (the checks of stuinfo_request_act() and
 * stuinfo_request_apply() without the revision, the record and the comment text, except
 * that a required written report must be non-empty: pass @p has_comment 1 if you will
 * give one). Returns STUINFO_OK or the refusal; changes nothing, records the status.
 * @since 0.1
 */
stuinfo_status stuinfo_request_can(const stuinfo_change_request *request,
                                   const stuinfo_workflow_policy *policy,
                                   const stuinfo_cr_facts *facts,
                                   const stuinfo_cr_actor *actor, int32_t action,
                                   int32_t has_comment);

/**
 * Apply an approved request to @p student (the record it targets, at the version it
 * targets) as @p actor (registrar or administrator). The changes are made on a copy of
 * the record, which is validated with @p validation (NULL: the defaults): if the copy has
 * an error finding the record did not have, STUINFO_ERR_VALIDATION_FAILED with those
 * findings added to @p report (may be NULL), and nothing changes. Otherwise every field
 * changes together, the record's version goes up by one, the request moves to
 * STUINFO_CR_APPLIED (logged) and the before/after diff is kept
 * (stuinfo_request_diff_get()). Besides the refusals above: STUINFO_ERR_STALE_VERSION
 * when the record is no longer at the targeted version; the statuses of
 * stuinfo_student_set_path() for a value the record refuses (nothing changes);
 * STUINFO_ERR_NOMEM.
 * @since 0.1
 */
stuinfo_status stuinfo_request_apply(stuinfo_change_request *request,
                                     const stuinfo_workflow_policy *policy,
                                     const stuinfo_cr_facts *facts,
                                     const stuinfo_cr_actor *actor,
                                     uint64_t seen_revision, stuinfo_student *student,
                                     const stuinfo_policy *validation,
                                     stuinfo_report *report);

/* ---- reading a request ------------------------------------------------------------ */

/** The state (a stuinfo_cr_state); STUINFO_CR_NONE for NULL. @since 0.1 */
int32_t stuinfo_request_state(const stuinfo_change_request *request);

/** The revision: 1 after creation, + 1 per accepted action or edit; 0 for NULL. @since 0.1 */
uint64_t stuinfo_request_revision(const stuinfo_change_request *request);

/** The kind (a stuinfo_cr_kind); 0 for NULL. @since 0.1 */
int32_t stuinfo_request_kind(const stuinfo_change_request *request);

/** The record version the request targets; 0 for NULL. @since 0.1 */
uint64_t stuinfo_request_record_version(const stuinfo_change_request *request);

/**
 * The target student id (*id NUL-terminated, *len may be NULL) and the policy id the
 * request was made under (*policy_id, may be NULL); borrowed until the request is freed.
 * Returns STUINFO_OK or STUINFO_ERR_INVALID_ARGUMENT.
 * @since 0.1
 */
stuinfo_status stuinfo_request_target(const stuinfo_change_request *request,
                                      const char **id, size_t *len,
                                      const char **policy_id);

/** Number of proposed changes; 0 for NULL. @since 0.1 */
size_t stuinfo_request_change_count(const stuinfo_change_request *request);

/**
 * Copy change @p index (in the order of their paths) into @p out (set out->size first);
 * strings borrowed until the request changes or is freed. Returns STUINFO_OK,
 * STUINFO_ERR_INVALID_ARGUMENT or STUINFO_ERR_NOT_FOUND.
 * @since 0.1
 */
stuinfo_status stuinfo_request_change_get(const stuinfo_change_request *request,
                                          size_t index, stuinfo_cr_change *out);

/** Number of evidence items; 0 for NULL. @since 0.1 */
size_t stuinfo_request_evidence_count(const stuinfo_change_request *request);

/** Copy evidence item @p index into @p out; as stuinfo_request_change_get(). @since 0.1 */
stuinfo_status stuinfo_request_evidence_get(const stuinfo_change_request *request,
                                            size_t index, stuinfo_cr_evidence *out);

/** Number of lines of the before/after diff (0 until applied, or for NULL). @since 0.1 */
size_t stuinfo_request_diff_count(const stuinfo_change_request *request);

/**
 * Copy diff line @p index into @p out: old_value is the record's value before the
 * apply, new_value after (canonical); as stuinfo_request_change_get().
 * @since 0.1
 */
stuinfo_status stuinfo_request_diff_get(const stuinfo_change_request *request,
                                        size_t index, stuinfo_cr_change *out);

/* ---- the audit log ------------------------------------------------------------------ */

/** Number of log entries (the revision); 0 for NULL. @since 0.1 */
size_t stuinfo_request_log_count(const stuinfo_change_request *request);

/** Copy log entry @p index into @p out; as stuinfo_request_change_get(). @since 0.1 */
stuinfo_status stuinfo_request_log_get(const stuinfo_change_request *request,
                                       size_t index, stuinfo_cr_log_entry *out);

/**
 * The hash of the last log entry as 64 lower-case hex digits: keep it outside the
 * request (it is what makes the chain worth having). Borrowed until the request changes
 * or is freed; "" for NULL.
 * @since 0.1
 */
const char *stuinfo_request_log_head(const stuinfo_change_request *request);

/**
 * Recompute every link of the log. @p expected_head (64 hex digits, NUL-terminated, may
 * be NULL) is the head the host kept. Returns STUINFO_OK, or STUINFO_ERR_TAMPERED with
 * *@p bad_index (may be NULL) set to the first bad entry (the entry count when only the
 * head differs); STUINFO_ERR_INVALID_ARGUMENT for a NULL request or a malformed head.
 * @since 0.1
 */
stuinfo_status stuinfo_request_log_verify(const stuinfo_change_request *request,
                                          const char *expected_head, size_t *bad_index);

/* ---- persistence ------------------------------------------------------------------ */

/**
 * The request as JSON: target, kind, policy id, state, revision, changes, evidence,
 * diff and the log with every entry's hashes (docs/workflow.md). It holds personal data
 * (the proposed values): store it as such. @p json (NUL-terminated) and @p len are
 * borrowed from the request until it changes or is freed. Byte-for-byte stable through
 * stuinfo_request_from_json(). Returns STUINFO_OK, STUINFO_ERR_INVALID_ARGUMENT or
 * STUINFO_ERR_NOMEM.
 * @since 0.1
 */
stuinfo_status stuinfo_request_to_json(stuinfo_change_request *request, const char **json,
                                       size_t *len);

/**
 * A request from JSON written by stuinfo_request_to_json(). The log is replayed through
 * the transition table and its chain verified: the state, revision and reviews come from
 * the log, so an edited state is caught. Returns STUINFO_OK; STUINFO_ERR_PARSE
 * (malformed JSON, a wrong type, a missing or unknown member: the message names it);
 * STUINFO_ERR_TAMPERED (the chain does not verify or the log does not replay: the message
 * gives the first bad entry); STUINFO_ERR_ENCODING; STUINFO_ERR_TOO_LONG;
 * STUINFO_ERR_INVALID_ARGUMENT; STUINFO_ERR_NOMEM. *out is NULL after a failure.
 * @since 0.1
 */
stuinfo_status stuinfo_request_from_json(stuinfo_ctx *ctx, const char *json, size_t len,
                                         stuinfo_change_request **out);

/* ---- names ------------------------------------------------------------------------ */

/** Stable lower-case key of a state ("draft", "second_review"...); NULL if unknown;
 * static. @since 0.1 */
const char *stuinfo_cr_state_key(int32_t state);
/** Key of an action ("submit", "request_exception"...); NULL if unknown; static. @since 0.1 */
const char *stuinfo_cr_action_key(int32_t action);
/** Key of a role ("student", "teacher"...); NULL if unknown; static. @since 0.1 */
const char *stuinfo_role_key(int32_t role);
/** Key of an evidence kind ("household_register"...); NULL if unknown; static. @since 0.1 */
const char *stuinfo_evidence_kind_key(int32_t kind);
/** Key of a request kind ("correction", "change_of_fact"); NULL if unknown; static. @since 0.1 */
const char *stuinfo_cr_kind_key(int32_t kind);

/** The state of key @p key (NUL-terminated); **-1** if unknown (0 is a state,
 *  STUINFO_CR_NONE, unlike the functions below, where 0 means unknown). @since 0.1 */
int32_t stuinfo_cr_state_from_key(const char *key);
/** The action of key @p key; 0 if unknown. @since 0.1 */
int32_t stuinfo_cr_action_from_key(const char *key);
/** The role of key @p key; 0 if unknown. @since 0.1 */
int32_t stuinfo_role_from_key(const char *key);
/** The evidence kind of key @p key; 0 if unknown. @since 0.1 */
int32_t stuinfo_evidence_kind_from_key(const char *key);
/** The request kind of key @p key; 0 if unknown. @since 0.1 */
int32_t stuinfo_cr_kind_from_key(const char *key);

#if defined(__GNUC__) && !defined(STUINFO_CDEF)
#pragma GCC visibility pop
#endif
#ifdef __cplusplus
}
#endif
#endif /* STUINFO_WORKFLOW_H */
