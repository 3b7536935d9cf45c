/*
 * The change-request object: making one (the "create" action), freeing it, its owned
 * texts and changes, and the getters.
 */
#include <string.h>

#include "text/text.h"
#include "workflow/workflow.h"

stuinfo_status
workflow_text_check(const char *text, size_t len, size_t max)
{
    size_t bad = 0;

    if (len > max)
        return STUINFO_ERR_TOO_LONG;
    if (len > 0 && text_utf8_check(text, len, &bad) != TEXT_OK)
        return STUINFO_ERR_ENCODING;
    return STUINFO_OK;
}

stuinfo_status
workflow_text_set(stuinfo_ctx *ctx, struct wf_text *t, const char *text, size_t len)
{
    char *copy = NULL;

    if (text != NULL) {
        copy = core_strndup(ctx, text, len);
        if (copy == NULL)
            return STUINFO_ERR_NOMEM;
    }
    workflow_text_clear(ctx, t);
    t->text = copy;
    t->len = text != NULL ? len : 0;
    return STUINFO_OK;
}

void
workflow_text_clear(stuinfo_ctx *ctx, struct wf_text *t)
{
    if (t->text != NULL)
        core_free_wipe(ctx, t->text, t->len + 1);
    t->text = NULL;
    t->len = 0;
}

void
workflow_change_free(stuinfo_ctx *ctx, struct wf_change *c)
{
    if (c == NULL)
        return;
    workflow_text_clear(ctx, &c->old_value);
    workflow_text_clear(ctx, &c->new_value);
    core_free_wipe(ctx, c, sizeof(*c));
}

struct wf_change *
workflow_change_copy(stuinfo_ctx *ctx, const struct wf_change *c)
{
    struct wf_change *d = core_calloc(ctx, 1, sizeof(*d));

    if (d == NULL)
        return NULL;
    memcpy(d->path, c->path, sizeof(d->path));
    d->group = c->group;
    d->index = c->index;
    d->field = c->field;
    if (workflow_text_set(ctx, &d->old_value, c->old_value.text, c->old_value.len)
            != STUINFO_OK
        || workflow_text_set(ctx, &d->new_value, c->new_value.text, c->new_value.len)
               != STUINFO_OK) {
        workflow_change_free(ctx, d);
        return NULL;
    }
    return d;
}

bool
workflow_change_path(struct wf_change *c, const char *path, size_t len)
{
    memset(c, 0, sizeof(*c));
    if (path == NULL || len == 0 || len >= MODEL_PATH_MAX
        || !model_path_parse(path, len, &c->group, &c->index, &c->field))
        return false;
    /* Keep the canonical spelling of the path (the parser is strict, so it is the same). */
    model_path_format(c->path, c->group, c->index, c->field);
    return true;
}

const struct wf_field_rule *
workflow_change_rule(const stuinfo_workflow_policy *p, const struct wf_change *c)
{
    /* A parsed change always names a field; were it not so, the strictest rule holds. */
    static const struct wf_field_rule strictest = {
        .cls = STUINFO_FIELD_CLASS_KEY, .graduation_lock = 1, .evidence = 0};
    const struct wf_field_rule *r = workflow_policy_rule(p, c->group, c->field);

    return r != NULL ? r : &strictest;
}

int32_t
workflow_change_class(const stuinfo_workflow_policy *p, const struct wf_change *c)
{
    return workflow_change_rule(p, c)->cls;
}

stuinfo_status
workflow_request_alloc(stuinfo_ctx *ctx, stuinfo_change_request **out)
{
    stuinfo_change_request *r = core_calloc(ctx, 1, sizeof(*r));

    *out = NULL;
    if (r == NULL)
        return STUINFO_ERR_NOMEM;
    r->ctx = ctx;
    r->state = STUINFO_CR_NONE;
    chain_init(&r->log, ctx);
    core_ctx_attach(ctx);
    *out = r;
    return STUINFO_OK;
}

uint64_t
workflow_revision(const stuinfo_change_request *r)
{
    return (uint64_t)r->log.count;
}

void
stuinfo_request_free(stuinfo_change_request *r)
{
    stuinfo_ctx *ctx;

    if (r == NULL)
        return;
    ctx = r->ctx;
    workflow_text_clear(ctx, &r->student_id);
    for (size_t i = 0; i < r->change_count; i++)
        workflow_change_free(ctx, r->changes[i]);
    for (size_t i = 0; i < r->diff_count; i++)
        workflow_change_free(ctx, r->diff[i]);
    for (size_t i = 0; i < r->evidence_count; i++)
        workflow_text_clear(ctx, &r->evidence[i].reference);
    for (size_t i = 0; i < r->log.count; i++)
        workflow_entry_free(ctx, r->entries[i]);
    core_free(ctx, r->entries);
    chain_clear(&r->log);
    if (r->json != NULL)
        core_free_wipe(ctx, r->json, r->json_len + 1);
    core_free_wipe(ctx, r, sizeof(*r));
    core_ctx_detach(ctx);
}

stuinfo_status
stuinfo_request_new(stuinfo_ctx *ctx, const stuinfo_workflow_policy *policy,
                    const stuinfo_cr_facts *facts, const stuinfo_cr_actor *actor,
                    const char *student_id, size_t student_id_len, uint64_t record_version,
                    int32_t kind, const char *comment, size_t comment_len,
                    stuinfo_change_request **out)
{
    stuinfo_change_request *r = NULL;
    struct wf_call call;
    stuinfo_status st;
    int32_t to;

    if (out != NULL)
        *out = NULL;
    if (ctx == NULL || out == NULL || policy == NULL || student_id == NULL
        || student_id_len == 0 || (comment == NULL && comment_len > 0))
        return core_fail(ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_CORE_NULL_ARGUMENT, NULL,
                         NULL);
    if (kind != STUINFO_CR_KIND_CORRECTION && kind != STUINFO_CR_KIND_CHANGE_OF_FACT)
        return core_fail(ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_WORKFLOW_BAD_KIND, NULL,
                         NULL);
    if (record_version > (uint64_t)INT64_MAX)
        return core_fail(ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_WORKFLOW_BAD_VERSION, NULL,
                         NULL);
    st = workflow_text_check(student_id, student_id_len, STUINFO_CR_MAX_TEXT);
    if (st == STUINFO_OK && comment != NULL)
        st = workflow_text_check(comment, comment_len, STUINFO_CR_MAX_TEXT);
    if (st != STUINFO_OK)
        return core_fail(ctx, st, st == STUINFO_ERR_ENCODING ? RULE_WORKFLOW_TEXT_ENCODING
                                                             : RULE_WORKFLOW_TEXT_TOO_LONG,
                         NULL, NULL);
    st = workflow_request_alloc(ctx, &r);
    if (st != STUINFO_OK)
        return core_fail_status(ctx, st);
    memcpy(r->policy_id, policy->id, sizeof(r->policy_id));
    r->kind = kind;
    r->record_version = record_version;
    st = workflow_call_init(&call, r, policy, facts, actor, STUINFO_CR_ACTION_CREATE, 0);
    if (st != STUINFO_OK)
        goto fail;
    call.has_comment = comment_len > 0;
    st = workflow_check(ctx, STUINFO_CR_NONE, &call, &to);
    if (st != STUINFO_OK)
        goto fail;
    st = workflow_text_set(ctx, &r->student_id, student_id, student_id_len);
    if (st == STUINFO_OK)
        st = workflow_log_append(r, actor, STUINFO_CR_ACTION_CREATE, STUINFO_CR_NONE, to,
                                 comment, comment_len, policy, NULL, 0, NULL);
    if (st != STUINFO_OK) {
        core_fail_status(ctx, st);
        goto fail;
    }
    workflow_transition(r, STUINFO_CR_ACTION_CREATE, to, actor->id);
    *out = r;
    return core_ok(ctx);
fail:
    stuinfo_request_free(r);
    return st;
}

/* ---- getters -------------------------------------------------------------------- */

int32_t
stuinfo_request_state(const stuinfo_change_request *r)
{
    return r != NULL ? r->state : STUINFO_CR_NONE;
}

uint64_t
stuinfo_request_revision(const stuinfo_change_request *r)
{
    return r != NULL ? workflow_revision(r) : 0;
}

int32_t
stuinfo_request_kind(const stuinfo_change_request *r)
{
    return r != NULL ? r->kind : 0;
}

uint64_t
stuinfo_request_record_version(const stuinfo_change_request *r)
{
    return r != NULL ? r->record_version : 0;
}

stuinfo_status
stuinfo_request_target(const stuinfo_change_request *r, const char **id, size_t *len,
                       const char **policy_id)
{
    if (id != NULL)
        *id = NULL;
    if (len != NULL)
        *len = 0;
    if (policy_id != NULL)
        *policy_id = NULL;
    if (r == NULL || id == NULL)
        return core_fail(r != NULL ? r->ctx : NULL, STUINFO_ERR_INVALID_ARGUMENT,
                         RULE_CORE_NULL_ARGUMENT, NULL, NULL);
    *id = r->student_id.text;
    if (len != NULL)
        *len = r->student_id.len;
    if (policy_id != NULL)
        *policy_id = r->policy_id;
    return core_ok(r->ctx);
}

size_t
stuinfo_request_change_count(const stuinfo_change_request *r)
{
    return r != NULL ? r->change_count : 0;
}

size_t
stuinfo_request_evidence_count(const stuinfo_change_request *r)
{
    return r != NULL ? r->evidence_count : 0;
}

size_t
stuinfo_request_diff_count(const stuinfo_change_request *r)
{
    return r != NULL ? r->diff_count : 0;
}

/* The common checks of the _get calls; OK or the recorded failure. */
static stuinfo_status
get_check(const stuinfo_change_request *r, size_t index, size_t count, uint32_t size,
          uint32_t need)
{
    if (size < need)
        return core_fail(r->ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_CORE_NULL_ARGUMENT, NULL,
                         NULL);
    if (index >= count)
        return core_fail(r->ctx, STUINFO_ERR_NOT_FOUND, RULE_CORE_INDEX_RANGE, NULL, NULL);
    return STUINFO_OK;
}

static void
change_out(const struct wf_change *c, stuinfo_cr_change *out)
{
    out->field = c->path;
    out->old_value = c->old_value.text;
    out->old_len = c->old_value.len;
    out->new_value = c->new_value.text;
    out->new_len = c->new_value.len;
}

stuinfo_status
stuinfo_request_change_get(const stuinfo_change_request *r, size_t index,
                           stuinfo_cr_change *out)
{
    if (r == NULL || out == NULL)
        return core_fail(r != NULL ? r->ctx : NULL, STUINFO_ERR_INVALID_ARGUMENT,
                         RULE_CORE_NULL_ARGUMENT, NULL, NULL);
    if (get_check(r, index, r->change_count, out->size, sizeof(*out)) != STUINFO_OK)
        return stuinfo_ctx_last_status(r->ctx);
    change_out(r->changes[index], out);
    return core_ok(r->ctx);
}

stuinfo_status
stuinfo_request_diff_get(const stuinfo_change_request *r, size_t index, stuinfo_cr_change *out)
{
    if (r == NULL || out == NULL)
        return core_fail(r != NULL ? r->ctx : NULL, STUINFO_ERR_INVALID_ARGUMENT,
                         RULE_CORE_NULL_ARGUMENT, NULL, NULL);
    if (get_check(r, index, r->diff_count, out->size, sizeof(*out)) != STUINFO_OK)
        return stuinfo_ctx_last_status(r->ctx);
    change_out(r->diff[index], out);
    return core_ok(r->ctx);
}

stuinfo_status
stuinfo_request_evidence_get(const stuinfo_change_request *r, size_t index,
                             stuinfo_cr_evidence *out)
{
    if (r == NULL || out == NULL)
        return core_fail(r != NULL ? r->ctx : NULL, STUINFO_ERR_INVALID_ARGUMENT,
                         RULE_CORE_NULL_ARGUMENT, NULL, NULL);
    if (get_check(r, index, r->evidence_count, out->size, sizeof(*out)) != STUINFO_OK)
        return stuinfo_ctx_last_status(r->ctx);
    out->kind = r->evidence[index].kind;
    out->reference = r->evidence[index].reference.text;
    out->reference_len = r->evidence[index].reference.len;
    return core_ok(r->ctx);
}
