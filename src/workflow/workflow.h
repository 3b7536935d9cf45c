/*
 * Internal API of the workflow layer (change requests, issue 7): the policy and request
 * layouts, the transition-table vocabulary the generator (tools/gen_workflow.py) emits
 * against, and the functions the files of src/workflow share.
 *
 * Layers: workflow uses model (the record), idnum (masks) and core (chain, alloc).
 */
#ifndef WORKFLOW_WORKFLOW_H
#define WORKFLOW_WORKFLOW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "stuinfo/workflow.h"
#include "core/chain.h"
#include "core/core.h"
#include "model/student.h"

/* Conditions of a table row (column "when"). */
enum wf_when {
    WF_WHEN_ALWAYS = 0,
    WF_WHEN_IN_WINDOW = 1,
    WF_WHEN_AFTER_WINDOW = 2,
    WF_WHEN_NEEDS_SECOND = 3,
    WF_WHEN_NO_SECOND = 4
};

/* Checks of a table row (column "checks"), applied in the row's order. 0 ends a list. */
enum wf_check {
    WF_CHECK_SOD = 1,
    WF_CHECK_CHANGES = 2,
    WF_CHECK_REPORT = 3,
    WF_CHECK_EVIDENCE = 4,
    WF_CHECK_LOCKS = 5,
    WF_CHECK_RECORD = 6
};

enum {
    WF_STATE_COUNT = STUINFO_CR_EXCEPTION_REVIEW + 1,
    WF_ACTION_MAX = STUINFO_CR_ACTION_REQUEST_EXCEPTION,
    WF_ROLE_MAX = STUINFO_ROLE_ADMIN,
    WF_EVIDENCE_MAX = STUINFO_EVIDENCE_OTHER,
    WF_ID_BYTES = STUINFO_CR_ACTOR_ID_MAX + 1
};

/* ---- policy ----------------------------------------------------------------------- */

struct wf_field_rule {
    uint8_t cls;                /* stuinfo_field_class */
    uint8_t graduation_lock;
    uint16_t evidence;          /* bit (1 << stuinfo_evidence_kind) */
};

struct stuinfo_workflow_policy {
    stuinfo_ctx *ctx;
    char id[WF_ID_BYTES];
    int64_t open_at, close_at;          /* 0, 0: no window */
    int32_t second_review;              /* stuinfo_second_review */
    int32_t correction_limit_days;      /* 0: none */
    int32_t graduation_lock, reported_lock;
    struct wf_field_rule student[MODEL_STUDENT_FIELD_COUNT + 1];
    struct wf_field_rule family[MODEL_FAMILY_FIELD_COUNT + 1];
    struct wf_field_rule history[MODEL_HISTORY_FIELD_COUNT + 1];
    char *json;                         /* last to_json text (no personal data) */
    size_t json_len;
};

/* Fill @p p with the defaults (no allocation; ctx and json untouched). */
void workflow_policy_defaults(struct stuinfo_workflow_policy *p);
/* The rule of a field of @p group (NULL when out of range). */
const struct wf_field_rule *workflow_policy_rule(const stuinfo_workflow_policy *p,
                                                 model_group group, int32_t field);
/* Rule slot of a policy key "name" / "family.phone" / "history.end" (NULL: unknown). */
struct wf_field_rule *workflow_policy_rule_by_key(stuinfo_workflow_policy *p,
                                                  const char *key, size_t len);
/* Whether @p now is inside the collection window. */
bool workflow_window_open(const stuinfo_workflow_policy *p, int64_t now);

/* ---- request ---------------------------------------------------------------------- */

/* Owned text: NUL-terminated, wiped on free; text NULL means empty / absent. */
struct wf_text {
    char *text;
    size_t len;
};

struct wf_change {
    char path[MODEL_PATH_MAX];
    model_group group;
    size_t index;
    int32_t field;
    struct wf_text old_value, new_value;
};

struct wf_evidence {
    int32_t kind;
    struct wf_text reference;
};

/* One log entry as the host reads it; its canonical bytes are in the chain. */
struct wf_entry {
    int64_t time;
    int32_t role, action, from, to;
    uint64_t revision;
    char actor[WF_ID_BYTES];
    struct wf_text comment;
    struct wf_text changes;             /* masked summary; "" -> text NULL */
    uint8_t content[CHAIN_HASH_BYTES];  /* digest of the request's content after it */
    char hash_hex[CHAIN_HEX_BYTES];
};

struct stuinfo_change_request {
    stuinfo_ctx *ctx;
    struct wf_text student_id;
    char policy_id[WF_ID_BYTES];
    uint64_t record_version;
    int32_t kind;
    int32_t state;
    /* derived from the log (replayed on load) */
    char creator[WF_ID_BYTES];
    char submitter[WF_ID_BYTES];
    bool first_ok, second_ok, via_exception, exception_ok;
    struct wf_change *changes[STUINFO_CR_MAX_CHANGES];   /* sorted by path */
    size_t change_count;
    struct wf_evidence evidence[STUINFO_CR_MAX_EVIDENCE];
    size_t evidence_count;
    struct wf_change *diff[STUINFO_CR_MAX_CHANGES];      /* after apply */
    size_t diff_count;
    struct wf_entry **entries;          /* parallel to log.entries */
    size_t entry_cap;
    struct chain log;
    char *json;                         /* last to_json text, wiped on free */
    size_t json_len;
};

/* An empty request (state none, no log). NOMEM or OK. */
stuinfo_status workflow_request_alloc(stuinfo_ctx *ctx, stuinfo_change_request **out);
/* Revision = number of log entries. */
uint64_t workflow_revision(const stuinfo_change_request *r);

/* Text helpers (wf_text). Copy with checks (UTF-8, no NUL, at most @p max bytes):
 * OK, ENCODING, TOO_LONG, NOMEM; records nothing. */
stuinfo_status workflow_text_check(const char *text, size_t len, size_t max);
stuinfo_status workflow_text_set(stuinfo_ctx *ctx, struct wf_text *t, const char *text,
                                 size_t len);
void workflow_text_clear(stuinfo_ctx *ctx, struct wf_text *t);
void workflow_change_free(stuinfo_ctx *ctx, struct wf_change *c);
/* A deep copy of @p c; NULL on NOMEM. */
struct wf_change *workflow_change_copy(stuinfo_ctx *ctx, const struct wf_change *c);
/* Parse @p path into @p c's path/group/index/field (no values). false: unknown. */
bool workflow_change_path(struct wf_change *c, const char *path, size_t len);
/* The rule of a change's field under @p p (never NULL). */
const struct wf_field_rule *workflow_change_rule(const stuinfo_workflow_policy *p,
                                                 const struct wf_change *c);
/* The class of a change's field under @p p. */
int32_t workflow_change_class(const stuinfo_workflow_policy *p, const struct wf_change *c);

/* ---- transitions (act.c) ------------------------------------------------------------ */

/* Everything a check needs about one call. */
struct wf_call {
    stuinfo_change_request *req;        /* NULL for create */
    const stuinfo_workflow_policy *policy;
    struct stuinfo_cr_facts facts;
    const stuinfo_cr_actor *actor;
    int32_t action;
    bool has_comment;
    int64_t now;
    /* for edits: the request's changes as they would be after the edit */
    struct wf_change *const *changes;
    size_t change_count;
    int32_t kind;
};

/*
 * Find the row for (state, action) and run every check of the table (role, field
 * permissions, when, the row's checks except `record`). OK with *to set, or the refusal
 * status recorded on the ctx with its message.
 */
stuinfo_status workflow_check(stuinfo_ctx *ctx, int32_t state, const struct wf_call *call,
                              int32_t *to);
/* The first change a student or guardian may not propose in this call (a grey field), or
 * NULL (permission.c). */
const struct wf_change *workflow_grey_field(const struct wf_call *call);
/* Run one check a table row names: STUINFO_OK or the refusal, recorded on the ctx with
 * its message (permission.c). */
stuinfo_status workflow_run_check(stuinfo_ctx *ctx, enum wf_check check,
                                  const struct wf_call *call);
/* Update the derived flags and state for an accepted transition (also used by replay). */
void workflow_transition(stuinfo_change_request *r, int32_t action, int32_t to,
                         const char *actor);
/* Whether (from, action, to) is a row of the table that @p role (1..WF_ROLE_MAX) may
 * take. */
bool workflow_row_exists(int32_t from, int32_t action, int32_t to, int32_t role);
/* The common argument checks of every acting call: OK or the recorded refusal. */
stuinfo_status workflow_call_init(struct wf_call *call, stuinfo_change_request *req,
                                  const stuinfo_workflow_policy *policy,
                                  const stuinfo_cr_facts *facts,
                                  const stuinfo_cr_actor *actor, int32_t action,
                                  uint64_t seen_revision);

/* ---- audit log (audit.c) ------------------------------------------------------------ */

/*
 * Append one entry for an accepted action to @p r's log: time, actor, role, action,
 * from, to, the revision after it, @p comment and the masked summary of @p changes
 * (NULL/0 for none), with the digest of @p r's content as it will be after the action
 * (@p r's changes/evidence/diff must already be final); @p note (ASCII, may be NULL) is
 * added to the summary ("removed", an evidence kind). OK or NOMEM; unchanged on failure.
 */
stuinfo_status workflow_log_append(stuinfo_change_request *r, const stuinfo_cr_actor *actor,
                                   int32_t action, int32_t from, int32_t to,
                                   const char *comment, size_t comment_len,
                                   const stuinfo_workflow_policy *policy,
                                   struct wf_change *const *changes, size_t change_count,
                                   const char *note);
/* Encode an entry's canonical bytes into @p e (initialised by the caller). */
void workflow_entry_encode(struct chain_enc *e, const struct wf_entry *x);
/* Digest of the request's content (target, kind, policy, changes, evidence, diff). */
stuinfo_status workflow_content_digest(const stuinfo_change_request *r,
                                       uint8_t out[CHAIN_HASH_BYTES]);
void workflow_entry_free(stuinfo_ctx *ctx, struct wf_entry *x);
/* Make room for one more entry pointer. OK or NOMEM. */
stuinfo_status workflow_entries_reserve(stuinfo_change_request *r);

/* Masked summary of changes: "name: *** -> ***; family[0].phone". Key fields' values
 * masked (ID numbers by the idnum mask, others one '*' per character), other values left
 * out. OK or NOMEM; *out NULL for no changes. */
stuinfo_status workflow_mask_changes(stuinfo_ctx *ctx, const stuinfo_workflow_policy *p,
                                     struct wf_change *const *changes, size_t count,
                                     const char *note, struct wf_text *out);

/* ---- names (names.c) ---------------------------------------------------------------- */

int32_t workflow_key_find(const char *const *keys, int32_t max, const char *key, size_t len);
extern const char *const workflow_state_keys[WF_STATE_COUNT];
extern const char *const workflow_action_keys[WF_ACTION_MAX + 1];
extern const char *const workflow_role_keys[WF_ROLE_MAX + 1];
extern const char *const workflow_evidence_keys[WF_EVIDENCE_MAX + 1];
extern const char *const workflow_kind_keys[3];
extern const char *const workflow_class_keys[4];

#endif /* WORKFLOW_WORKFLOW_H */
