/*
 * A change request to and from JSON (docs/workflow.md, "JSON"):
 *   {"format":"stuinfo.change_request/1","student":"...","record_version":7,
 *    "kind":"correction","policy":"default","state":"submitted","revision":5,
 *    "changes":[{"field":"name","old":"...","new":"..."}],
 *    "evidence":[{"kind":"household_register","reference":"..."}],
 *    "diff":[...as changes, after apply...],
 *    "log":{"head":"<hex>","entries":[{"time":...,"actor":"...","role":"student",
 *      "action":"create","from":"none","to":"draft","revision":1,"comment":"...",
 *      "changes":"...","content":"<hex>","prev":"<hex>","hash":"<hex>"}]}}
 * Loading replays the log through the transition table (state, reviews and revision
 * come from it), verifies the chain and the head, and checks that the content (target,
 * changes, evidence, diff) is the one the last entry sealed.
 */
#include <string.h>

#include "workflow/json.h"

static const char format_key[] = "stuinfo.change_request/1";

/* ---- writing -------------------------------------------------------------------- */

static json_t *
change_array(struct wf_change *const *list, size_t count)
{
    json_t *arr = json_array();

    for (size_t i = 0; arr != NULL && i < count; i++) {
        const struct wf_change *c = list[i];
        json_t *o = json_object();

        if (o == NULL || json_array_append_new(arr, o) != 0
            || json_object_set_new(o, "field", json_string(c->path)) != 0
            || json_object_set_new(o, "old", workflow_json_text(c->old_value.text,
                                                                c->old_value.len)) != 0
            || json_object_set_new(o, "new", workflow_json_text(c->new_value.text,
                                                                c->new_value.len)) != 0) {
            json_decref(arr);
            return NULL;
        }
    }
    return arr;
}

static json_t *
evidence_array(const stuinfo_change_request *r)
{
    json_t *arr = json_array();

    for (size_t i = 0; arr != NULL && i < r->evidence_count; i++) {
        const struct wf_evidence *e = &r->evidence[i];
        json_t *o = json_object();

        if (o == NULL || json_array_append_new(arr, o) != 0
            || json_object_set_new(o, "kind", json_string(workflow_evidence_keys[e->kind])) != 0
            || json_object_set_new(o, "reference",
                                   json_stringn(e->reference.text, e->reference.len)) != 0) {
            json_decref(arr);
            return NULL;
        }
    }
    return arr;
}

static json_t *
entry_object(const stuinfo_change_request *r, size_t i)
{
    const struct wf_entry *x = r->entries[i];
    char hex[CHAIN_HEX_BYTES];
    json_t *o = json_object();

    if (o == NULL || json_object_set_new(o, "time", json_integer(x->time)) != 0
        || json_object_set_new(o, "actor", json_string(x->actor)) != 0
        || json_object_set_new(o, "role", json_string(workflow_role_keys[x->role])) != 0
        || json_object_set_new(o, "action", json_string(workflow_action_keys[x->action])) != 0
        || json_object_set_new(o, "from", json_string(workflow_state_keys[x->from])) != 0
        || json_object_set_new(o, "to", json_string(workflow_state_keys[x->to])) != 0
        || json_object_set_new(o, "revision", json_integer((json_int_t)x->revision)) != 0
        || json_object_set_new(o, "comment", workflow_json_text(x->comment.text,
                                                                x->comment.len)) != 0
        || json_object_set_new(o, "changes", workflow_json_text(x->changes.text,
                                                                x->changes.len)) != 0)
        goto fail;
    chain_to_hex(x->content, hex);
    if (json_object_set_new(o, "content", json_string(hex)) != 0)
        goto fail;
    chain_to_hex(r->log.entries[i].prev, hex);
    if (json_object_set_new(o, "prev", json_string(hex)) != 0
        || json_object_set_new(o, "hash", json_string(x->hash_hex)) != 0)
        goto fail;
    return o;
fail:
    json_decref(o);
    return NULL;
}

static json_t *
log_object(const stuinfo_change_request *r)
{
    json_t *o = json_object(), *arr = json_array();

    if (o == NULL || arr == NULL
        || json_object_set_new(o, "head", json_string(stuinfo_request_log_head(r))) != 0
        || json_object_set(o, "entries", arr) != 0)
        goto fail;
    for (size_t i = 0; i < r->log.count; i++)
        if (json_array_append_new(arr, entry_object(r, i)) != 0)
            goto fail;
    json_decref(arr);
    return o;
fail:
    json_decref(arr);
    json_decref(o);
    return NULL;
}

static bool
set_new(json_t *o, const char *key, json_t *v)
{
    return v != NULL && json_object_set_new(o, key, v) == 0;
}

stuinfo_status
stuinfo_request_to_json(stuinfo_change_request *r, const char **json, size_t *len)
{
    stuinfo_status st;
    json_t *root;

    if (json != NULL)
        *json = NULL;
    if (len != NULL)
        *len = 0;
    if (r == NULL || json == NULL)
        return core_fail(r != NULL ? r->ctx : NULL, STUINFO_ERR_INVALID_ARGUMENT,
                         RULE_CORE_NULL_ARGUMENT, NULL, NULL);
    root = json_object();
    if (root == NULL || !set_new(root, "format", json_string(format_key))
        || !set_new(root, "student", json_stringn(r->student_id.text, r->student_id.len))
        || !set_new(root, "record_version", json_integer((json_int_t)r->record_version))
        || !set_new(root, "kind", json_string(workflow_kind_keys[r->kind]))
        || !set_new(root, "policy", json_string(r->policy_id))
        || !set_new(root, "state", json_string(workflow_state_keys[r->state]))
        || !set_new(root, "revision", json_integer((json_int_t)workflow_revision(r)))
        || !set_new(root, "changes", change_array(r->changes, r->change_count))
        || !set_new(root, "evidence", evidence_array(r))
        || !set_new(root, "diff", change_array(r->diff, r->diff_count))
        || !set_new(root, "log", log_object(r))) {
        json_decref(root);
        return core_fail_status(r->ctx, STUINFO_ERR_NOMEM);
    }
    st = workflow_json_keep(r->ctx, root, &r->json, &r->json_len);
    if (st != STUINFO_OK)
        return st;
    *json = r->json;
    if (len != NULL)
        *len = r->json_len;
    return core_ok(r->ctx);
}

/* ---- reading -------------------------------------------------------------------- */

/* A text member: a string (copied, checked) or null (absent value) when @p nullable. */
static stuinfo_status
load_text(stuinfo_ctx *ctx, json_t *o, const char *key, bool nullable, size_t max,
          struct wf_text *out)
{
    json_t *v = json_object_get(o, key);

    if (nullable && json_is_null(v))
        return STUINFO_OK;
    if (!json_is_string(v)
        || workflow_text_check(json_string_value(v), json_string_length(v), max) != STUINFO_OK)
        return workflow_json_bad(ctx, key);
    if (workflow_text_set(ctx, out, json_string_value(v), json_string_length(v))
        != STUINFO_OK)
        return core_fail_status(ctx, STUINFO_ERR_NOMEM);
    return STUINFO_OK;
}

static stuinfo_status
load_changes(stuinfo_change_request *r, json_t *arr, const char *name,
             struct wf_change **list, size_t *count)
{
    static const char *const members[] = {"field", "old", "new", NULL};
    size_t i;
    json_t *o;

    if (!json_is_array(arr) || json_array_size(arr) > STUINFO_CR_MAX_CHANGES)
        return workflow_json_bad(r->ctx, name);
    json_array_foreach(arr, i, o) {
        json_t *f = workflow_json_string(o, "field");
        struct wf_change *c;
        stuinfo_status st;

        if (!json_is_object(o) || !workflow_json_only(o, members) || f == NULL)
            return workflow_json_bad(r->ctx, name);
        c = core_calloc(r->ctx, 1, sizeof(*c));
        if (c == NULL)
            return core_fail_status(r->ctx, STUINFO_ERR_NOMEM);
        list[(*count)++] = c;
        /* Paths are kept sorted and unique; the canonical spelling must match. */
        if (!workflow_change_path(c, json_string_value(f), json_string_length(f))
            || strlen(c->path) != json_string_length(f)
            || (i > 0 && strcmp(list[i - 1]->path, c->path) >= 0))
            return workflow_json_bad(r->ctx, "field");
        st = load_text(r->ctx, o, "old", true, STUINFO_STUDENT_MAX_INPUT, &c->old_value);
        if (st == STUINFO_OK)
            st = load_text(r->ctx, o, "new", true, STUINFO_STUDENT_MAX_INPUT, &c->new_value);
        if (st != STUINFO_OK)
            return st;
    }
    return STUINFO_OK;
}

static stuinfo_status
load_evidence(stuinfo_change_request *r, json_t *arr)
{
    static const char *const members[] = {"kind", "reference", NULL};
    size_t i;
    json_t *o;

    if (!json_is_array(arr) || json_array_size(arr) > STUINFO_CR_MAX_EVIDENCE)
        return workflow_json_bad(r->ctx, "evidence");
    json_array_foreach(arr, i, o) {
        struct wf_evidence *e = &r->evidence[i];
        int32_t kind = json_is_object(o) ? workflow_json_key(o, "kind", workflow_evidence_keys,
                                                             WF_EVIDENCE_MAX)
                                         : -1;
        stuinfo_status st;

        if (kind < 1 || !workflow_json_only(o, members))
            return workflow_json_bad(r->ctx, "evidence");
        e->kind = kind;
        st = load_text(r->ctx, o, "reference", false, STUINFO_CR_MAX_TEXT, &e->reference);
        if (st != STUINFO_OK)
            return st;
        r->evidence_count++;
        if (e->reference.len == 0)
            return workflow_json_bad(r->ctx, "reference");
    }
    return STUINFO_OK;
}

static bool
hex_member(json_t *o, const char *key, uint8_t out[CHAIN_HASH_BYTES])
{
    json_t *v = workflow_json_string(o, key);

    return v != NULL && json_string_length(v) == CHAIN_HEX_BYTES - 1
           && chain_from_hex(json_string_value(v), json_string_length(v), out);
}

static stuinfo_status
replay_fail(stuinfo_ctx *ctx, size_t i)
{
    char num[24];

    return core_fail(ctx, STUINFO_ERR_TAMPERED, RULE_WORKFLOW_REPLAY,
                     core_fmt_int(num, (int64_t)i), NULL);
}

/* Read entry @p i, replay its transition, load it into the chain with its hashes. */
static stuinfo_status
load_entry(stuinfo_change_request *r, size_t i, json_t *o)
{
    static const char *const members[] = {
        "time", "actor", "role", "action", "from", "to", "revision", "comment", "changes",
        "content", "prev", "hash", NULL,
    };
    uint8_t prev[CHAIN_HASH_BYTES], hash[CHAIN_HASH_BYTES];
    struct chain_enc e;
    struct wf_entry *x;
    stuinfo_status st;
    json_t *actor, *time;
    int64_t rev;

    if (!json_is_object(o) || !workflow_json_only(o, members))
        return workflow_json_bad(r->ctx, "entries");
    st = workflow_entries_reserve(r);
    if (st != STUINFO_OK)
        return core_fail_status(r->ctx, st);
    x = core_calloc(r->ctx, 1, sizeof(*x));
    if (x == NULL)
        return core_fail_status(r->ctx, STUINFO_ERR_NOMEM);
    time = json_object_get(o, "time");
    actor = workflow_json_string(o, "actor");
    x->role = workflow_json_key(o, "role", workflow_role_keys, WF_ROLE_MAX);
    x->action = workflow_json_key(o, "action", workflow_action_keys, WF_ACTION_MAX);
    x->from = workflow_json_key(o, "from", workflow_state_keys, WF_STATE_COUNT - 1);
    x->to = workflow_json_key(o, "to", workflow_state_keys, WF_STATE_COUNT - 1);
    if (!json_is_integer(time) || actor == NULL || json_string_length(actor) == 0
        || json_string_length(actor) > STUINFO_CR_ACTOR_ID_MAX
        || memchr(json_string_value(actor), '\0', json_string_length(actor)) != NULL
        || x->role < 1 || x->action < 1 || x->from < 0 || x->to < 0
        || !workflow_json_uint(o, "revision", &rev) || !hex_member(o, "content", x->content)
        || !hex_member(o, "prev", prev) || !hex_member(o, "hash", hash)) {
        workflow_entry_free(r->ctx, x);
        return workflow_json_bad(r->ctx, "entries");
    }
    x->time = (int64_t)json_integer_value(time);
    x->revision = (uint64_t)rev;
    memcpy(x->actor, json_string_value(actor), json_string_length(actor));
    st = load_text(r->ctx, o, "comment", true, STUINFO_CR_MAX_TEXT, &x->comment);
    if (st == STUINFO_OK)
        st = load_text(r->ctx, o, "changes", true, STUINFO_CR_MAX_JSON, &x->changes);
    if (st != STUINFO_OK) {
        workflow_entry_free(r->ctx, x);
        return st;
    }
    /* The table must allow it, from the state the log has reached, by that role; and a
     * decision is never by the creator or the submitter (defence in depth: a log rewritten
     * whole is only caught by the head the host kept). */
    if (x->from != r->state || x->revision != i + 1
        || !workflow_row_exists(x->from, x->action, x->to, x->role)
        || ((x->action == STUINFO_CR_ACTION_APPROVE || x->action == STUINFO_CR_ACTION_RETURN
             || x->action == STUINFO_CR_ACTION_REJECT)
            && (strcmp(x->actor, r->creator) == 0 || strcmp(x->actor, r->submitter) == 0))
        || (x->comment.text != NULL && x->comment.len == 0)
        || (x->changes.text != NULL && x->changes.len == 0)) {
        workflow_entry_free(r->ctx, x);
        return replay_fail(r->ctx, i);
    }
    chain_enc_init(&e, r->ctx);
    workflow_entry_encode(&e, x);
    st = chain_enc_status(&e);
    if (st == STUINFO_OK)
        st = chain_load(&r->log, e.buf, e.len, prev, hash);
    chain_enc_clear(&e);
    if (st != STUINFO_OK) {
        workflow_entry_free(r->ctx, x);
        return core_fail_status(r->ctx, st);
    }
    chain_to_hex(hash, x->hash_hex);
    r->entries[r->log.count - 1] = x;
    workflow_transition(r, x->action, x->to, x->actor);
    return STUINFO_OK;
}

static stuinfo_status
load_log(stuinfo_change_request *r, json_t *log)
{
    static const char *const members[] = {"head", "entries", NULL};
    uint8_t head[CHAIN_HASH_BYTES], content[CHAIN_HASH_BYTES];
    json_t *arr, *o;
    size_t i, bad = 0;
    char num[24];
    stuinfo_status st;

    arr = json_object_get(log, "entries");
    if (!json_is_object(log) || !workflow_json_only(log, members)
        || !hex_member(log, "head", head) || !json_is_array(arr) || json_array_size(arr) == 0)
        return workflow_json_bad(r->ctx, "log");
    json_array_foreach(arr, i, o) {
        st = load_entry(r, i, o);
        if (st != STUINFO_OK)
            return st;
    }
    if (chain_verify(&r->log, head, &bad) != STUINFO_OK)
        return core_fail(r->ctx, STUINFO_ERR_TAMPERED, RULE_WORKFLOW_TAMPERED,
                         core_fmt_int(num, (int64_t)bad), NULL);
    st = workflow_content_digest(r, content);
    if (st != STUINFO_OK)
        return core_fail_status(r->ctx, st);
    if (memcmp(content, r->entries[r->log.count - 1]->content, CHAIN_HASH_BYTES) != 0)
        return core_fail(r->ctx, STUINFO_ERR_TAMPERED, RULE_WORKFLOW_CONTENT_MISMATCH, NULL,
                         NULL);
    return STUINFO_OK;
}

static stuinfo_status
load(stuinfo_change_request *r, json_t *root)
{
    static const char *const members[] = {
        "format", "student", "record_version", "kind", "policy", "state", "revision",
        "changes", "evidence", "diff", "log", NULL,
    };
    stuinfo_ctx *ctx = r->ctx;
    json_t *v;
    int64_t n, rev;
    int32_t state;
    stuinfo_status st;

    v = workflow_json_string(root, "format");
    if (v == NULL || strcmp(json_string_value(v), format_key) != 0)
        return workflow_json_bad(ctx, "format");
    if (!workflow_json_only(root, members))
        return workflow_json_unknown(ctx, "(root)");
    st = load_text(ctx, root, "student", false, STUINFO_CR_MAX_TEXT, &r->student_id);
    if (st != STUINFO_OK)
        return st;
    if (r->student_id.len == 0)
        return workflow_json_bad(ctx, "student");
    if (!workflow_json_uint(root, "record_version", &n))
        return workflow_json_bad(ctx, "record_version");
    r->record_version = (uint64_t)n;
    r->kind = workflow_json_key(root, "kind", workflow_kind_keys, 2);
    if (r->kind < 1)
        return workflow_json_bad(ctx, "kind");
    v = workflow_json_string(root, "policy");
    if (v == NULL || json_string_length(v) == 0
        || json_string_length(v) > STUINFO_CR_ACTOR_ID_MAX)
        return workflow_json_bad(ctx, "policy");
    for (size_t i = 0; i < json_string_length(v); i++)
        if (json_string_value(v)[i] < 0x21 || json_string_value(v)[i] > 0x7e)
            return workflow_json_bad(ctx, "policy");
    memcpy(r->policy_id, json_string_value(v), json_string_length(v));
    state = workflow_json_key(root, "state", workflow_state_keys, WF_STATE_COUNT - 1);
    if (state < 1 || !workflow_json_uint(root, "revision", &rev))
        return workflow_json_bad(ctx, state < 1 ? "state" : "revision");
    st = load_changes(r, json_object_get(root, "changes"), "changes", r->changes,
                      &r->change_count);
    if (st == STUINFO_OK)
        st = load_evidence(r, json_object_get(root, "evidence"));
    if (st == STUINFO_OK)
        st = load_changes(r, json_object_get(root, "diff"), "diff", r->diff, &r->diff_count);
    if (st == STUINFO_OK)
        st = load_log(r, json_object_get(root, "log"));
    if (st != STUINFO_OK)
        return st;
    /* State and revision are written for people; the log is what counts. */
    if (r->state != state || workflow_revision(r) != (uint64_t)rev
        || (r->diff_count > 0) != (r->state == STUINFO_CR_APPLIED))
        return replay_fail(ctx, r->log.count - 1);
    return STUINFO_OK;
}

stuinfo_status
stuinfo_request_from_json(stuinfo_ctx *ctx, const char *json, size_t len,
                          stuinfo_change_request **out)
{
    stuinfo_change_request *r = NULL;
    stuinfo_status st;
    json_t *root;

    if (out != NULL)
        *out = NULL;
    root = workflow_json_parse(ctx, json, len, out != NULL, &st);
    if (root == NULL)
        return st;
    st = workflow_request_alloc(ctx, &r);
    if (st != STUINFO_OK) {
        json_decref(root);
        return core_fail_status(ctx, st);
    }
    st = load(r, root);
    json_decref(root);
    if (st != STUINFO_OK) {
        stuinfo_request_free(r);
        return st;
    }
    *out = r;
    return core_ok(ctx);
}
