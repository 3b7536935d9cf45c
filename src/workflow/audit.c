/*
 * The audit log of a request, on the hash chain of src/core/chain: one entry per
 * accepted action (time, actor, role, action, from, to, revision, comment, masked
 * changes, and the digest of the request's content after the action), verify, head.
 *
 * Entry bytes (chain_enc, tags in this order): 1 time, 2 actor, 3 role, 4 action,
 * 5 from, 6 to, 7 revision, 8 comment, 9 changes, 10 content digest.
 */
#include <string.h>

#include <sodium.h>

#include "workflow/workflow.h"

void
workflow_entry_free(stuinfo_ctx *ctx, struct wf_entry *x)
{
    if (x == NULL)
        return;
    workflow_text_clear(ctx, &x->comment);
    workflow_text_clear(ctx, &x->changes);
    core_free_wipe(ctx, x, sizeof(*x));
}

stuinfo_status
workflow_entries_reserve(stuinfo_change_request *r)
{
    struct wf_entry **grown;
    size_t cap;

    if (r->log.count < r->entry_cap)
        return STUINFO_OK;
    cap = r->entry_cap < 8 ? 8 : r->entry_cap * 2;
    /* An array of pointers, grown by allocate-copy-free (no realloc in this layer). */
    grown = core_calloc(r->ctx, cap, sizeof(struct wf_entry *));
    if (grown == NULL)
        return STUINFO_ERR_NOMEM;
    if (r->log.count > 0)
        memcpy(grown, r->entries, r->log.count * sizeof(struct wf_entry *));
    core_free(r->ctx, r->entries);
    r->entries = grown;
    r->entry_cap = cap;
    return STUINFO_OK;
}

static void
enc_text(struct chain_enc *e, uint8_t tag, const struct wf_text *t)
{
    chain_enc_i64(e, tag, t->text != NULL);
    chain_enc_str(e, tag, t->text != NULL ? t->text : "", t->len);
}

void
workflow_entry_encode(struct chain_enc *e, const struct wf_entry *x)
{
    chain_enc_i64(e, 1, x->time);
    chain_enc_str(e, 2, x->actor, strlen(x->actor));
    chain_enc_i64(e, 3, x->role);
    chain_enc_i64(e, 4, x->action);
    chain_enc_i64(e, 5, x->from);
    chain_enc_i64(e, 6, x->to);
    chain_enc_i64(e, 7, (int64_t)x->revision);
    enc_text(e, 8, &x->comment);
    enc_text(e, 9, &x->changes);
    chain_enc_str(e, 10, (const char *)x->content, sizeof(x->content));
}

static void
enc_change(struct chain_enc *e, uint8_t tag, const struct wf_change *c)
{
    chain_enc_str(e, tag, c->path, strlen(c->path));
    enc_text(e, tag, &c->old_value);
    enc_text(e, tag, &c->new_value);
}

stuinfo_status
workflow_content_digest(const stuinfo_change_request *r, uint8_t out[CHAIN_HASH_BYTES])
{
    struct chain_enc e;
    stuinfo_status st;

    chain_enc_init(&e, r->ctx);
    chain_enc_str(&e, 1, "stuinfo-change-request-content-v1", 33);
    enc_text(&e, 2, &r->student_id);
    chain_enc_i64(&e, 3, (int64_t)r->record_version);
    chain_enc_i64(&e, 4, r->kind);
    chain_enc_str(&e, 5, r->policy_id, strlen(r->policy_id));
    chain_enc_i64(&e, 6, (int64_t)r->change_count);
    for (size_t i = 0; i < r->change_count; i++)
        enc_change(&e, 7, r->changes[i]);
    chain_enc_i64(&e, 8, (int64_t)r->evidence_count);
    for (size_t i = 0; i < r->evidence_count; i++) {
        chain_enc_i64(&e, 9, r->evidence[i].kind);
        enc_text(&e, 9, &r->evidence[i].reference);
    }
    chain_enc_i64(&e, 10, (int64_t)r->diff_count);
    for (size_t i = 0; i < r->diff_count; i++)
        enc_change(&e, 11, r->diff[i]);
    st = chain_enc_status(&e);
    if (st == STUINFO_OK)
        crypto_hash_sha256(out, e.buf, e.len);
    chain_enc_clear(&e);
    return st;
}

stuinfo_status
workflow_log_append(stuinfo_change_request *r, const stuinfo_cr_actor *actor, int32_t action,
                    int32_t from, int32_t to, const char *comment, size_t comment_len,
                    const stuinfo_workflow_policy *policy, struct wf_change *const *changes,
                    size_t change_count, const char *note)
{
    struct chain_enc e;
    struct wf_entry *x;
    stuinfo_status st;

    st = workflow_entries_reserve(r);
    if (st != STUINFO_OK)
        return st;
    x = core_calloc(r->ctx, 1, sizeof(*x));
    if (x == NULL)
        return STUINFO_ERR_NOMEM;
    x->time = core_now(r->ctx);
    x->role = actor->role;
    x->action = action;
    x->from = from;
    x->to = to;
    x->revision = workflow_revision(r) + 1;
    memcpy(x->actor, actor->id, strnlen(actor->id, STUINFO_CR_ACTOR_ID_MAX));
    st = comment_len > 0 ? workflow_text_set(r->ctx, &x->comment, comment, comment_len)
                         : STUINFO_OK;
    if (st == STUINFO_OK)
        st = workflow_mask_changes(r->ctx, policy, changes, change_count, note, &x->changes);
    if (st == STUINFO_OK)
        st = workflow_content_digest(r, x->content);
    if (st != STUINFO_OK) {
        workflow_entry_free(r->ctx, x);
        return st;
    }
    chain_enc_init(&e, r->ctx);
    workflow_entry_encode(&e, x);
    st = chain_enc_status(&e);
    if (st == STUINFO_OK)
        st = chain_append(&r->log, e.buf, e.len);
    chain_enc_clear(&e);
    if (st != STUINFO_OK) {
        workflow_entry_free(r->ctx, x);
        return st;
    }
    chain_to_hex(r->log.entries[r->log.count - 1].hash, x->hash_hex);
    r->entries[r->log.count - 1] = x;
    return STUINFO_OK;
}

size_t
stuinfo_request_log_count(const stuinfo_change_request *r)
{
    return r != NULL ? r->log.count : 0;
}

stuinfo_status
stuinfo_request_log_get(const stuinfo_change_request *r, size_t index,
                        stuinfo_cr_log_entry *out)
{
    const struct wf_entry *x;

    if (r == NULL || out == NULL || out->size < sizeof(*out))
        return core_fail(r != NULL ? r->ctx : NULL, STUINFO_ERR_INVALID_ARGUMENT,
                         RULE_CORE_NULL_ARGUMENT, NULL, NULL);
    if (index >= r->log.count)
        return core_fail(r->ctx, STUINFO_ERR_NOT_FOUND, RULE_CORE_INDEX_RANGE, NULL, NULL);
    x = r->entries[index];
    out->role = x->role;
    out->action = x->action;
    out->from = x->from;
    out->to = x->to;
    out->reserved = 0;
    out->time = x->time;
    out->revision = x->revision;
    out->actor = x->actor;
    out->comment = x->comment.text != NULL ? x->comment.text : "";
    out->changes = x->changes.text != NULL ? x->changes.text : "";
    out->hash = x->hash_hex;
    return core_ok(r->ctx);
}

const char *
stuinfo_request_log_head(const stuinfo_change_request *r)
{
    if (r == NULL || r->log.count == 0)
        return "";
    return r->entries[r->log.count - 1]->hash_hex;
}

stuinfo_status
stuinfo_request_log_verify(const stuinfo_change_request *r, const char *expected_head,
                           size_t *bad_index)
{
    uint8_t head[CHAIN_HASH_BYTES];
    size_t bad = 0;
    char num[24];

    if (bad_index != NULL)
        *bad_index = 0;
    if (r == NULL)
        return STUINFO_ERR_INVALID_ARGUMENT;
    if (expected_head != NULL
        && !chain_from_hex(expected_head, strlen(expected_head), head))
        return core_fail(r->ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_WORKFLOW_BAD_HEAD, NULL,
                         NULL);
    if (chain_verify(&r->log, expected_head != NULL ? head : NULL, &bad) != STUINFO_OK) {
        if (bad_index != NULL)
            *bad_index = bad;
        return core_fail(r->ctx, STUINFO_ERR_TAMPERED, RULE_WORKFLOW_TAMPERED,
                         core_fmt_int(num, (int64_t)bad), NULL);
    }
    return core_ok(r->ctx);
}
