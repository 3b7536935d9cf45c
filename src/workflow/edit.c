/*
 * Edits of a request (the "edit" action): proposed field changes and evidence items.
 * Each edit is checked as the table says for (state, edit), logged, and then kept; if
 * the log entry cannot be written the edit is undone, so a failure changes nothing.
 */
#include <string.h>

#include "workflow/workflow.h"

static stuinfo_status
text_fail(stuinfo_ctx *ctx, stuinfo_status st)
{
    return core_fail(ctx, st, st == STUINFO_ERR_ENCODING ? RULE_WORKFLOW_TEXT_ENCODING
                                                         : RULE_WORKFLOW_TEXT_TOO_LONG,
                     NULL, NULL);
}

/* Position of @p path in the sorted change list; *found when it is there. */
static size_t
find_change(const stuinfo_change_request *r, const char *path, bool *found)
{
    size_t lo = 0, hi = r->change_count;

    *found = false;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(r->changes[mid]->path, path);

        if (c == 0) {
            *found = true;
            return mid;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Check the edit against the table with @p changes as the request would hold them. */
static stuinfo_status
check_edit(struct wf_call *call, struct wf_change *const *changes, size_t count, int32_t *to)
{
    call->changes = changes;
    call->change_count = count;
    return workflow_check(call->req->ctx, call->req->state, call, to);
}

stuinfo_status
stuinfo_request_set_change(stuinfo_change_request *r, const stuinfo_workflow_policy *policy,
                           const stuinfo_cr_facts *facts, const stuinfo_cr_actor *actor,
                           uint64_t seen_revision, const char *path, const char *old_value,
                           size_t old_len, const char *new_value, size_t new_len)
{
    struct wf_change *view[STUINFO_CR_MAX_CHANGES + 1];
    struct wf_change tmp, *c = NULL, *replaced = NULL;
    struct wf_call call;
    stuinfo_status st;
    size_t pos, count;
    bool found;
    int32_t to;

    st = workflow_call_init(&call, r, policy, facts, actor, STUINFO_CR_ACTION_EDIT,
                            seen_revision);
    if (st != STUINFO_OK)
        return st;
    if (path == NULL || (old_value == NULL && old_len > 0) || (new_value == NULL && new_len > 0))
        return core_fail(r->ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_CORE_NULL_ARGUMENT, NULL,
                         NULL);
    if (!workflow_change_path(&tmp, path, strlen(path)))
        return core_fail(r->ctx, STUINFO_ERR_NOT_FOUND, RULE_WORKFLOW_UNKNOWN_FIELD, NULL,
                         NULL);
    st = workflow_text_check(old_value, old_len, STUINFO_STUDENT_MAX_INPUT);
    if (st == STUINFO_OK)
        st = workflow_text_check(new_value, new_len, STUINFO_STUDENT_MAX_INPUT);
    if (st != STUINFO_OK)
        return text_fail(r->ctx, st);
    pos = find_change(r, tmp.path, &found);
    if (!found && r->change_count >= STUINFO_CR_MAX_CHANGES)
        return core_fail(r->ctx, STUINFO_ERR_TOO_LONG, RULE_WORKFLOW_TOO_MANY_CHANGES, NULL,
                         NULL);
    /* The list as it would be, for the checks (grey fields, ...). */
    count = r->change_count;
    memcpy(view, r->changes, count * sizeof(struct wf_change *));
    if (found) {
        view[pos] = &tmp;
    } else {
        memmove(view + pos + 1, view + pos, (count - pos) * sizeof(struct wf_change *));
        view[pos] = &tmp;
        count++;
    }
    st = check_edit(&call, view, count, &to);
    if (st != STUINFO_OK)
        return st;
    c = core_calloc(r->ctx, 1, sizeof(*c));
    if (c == NULL)
        return core_fail_status(r->ctx, STUINFO_ERR_NOMEM);
    *c = tmp;
    c->old_value.text = c->new_value.text = NULL;
    if (workflow_text_set(r->ctx, &c->old_value, old_value, old_len) != STUINFO_OK
        || workflow_text_set(r->ctx, &c->new_value, new_value, new_len) != STUINFO_OK) {
        workflow_change_free(r->ctx, c);
        return core_fail_status(r->ctx, STUINFO_ERR_NOMEM);
    }
    /* Keep it, log it, undo if the log fails. */
    if (found) {
        replaced = r->changes[pos];
        r->changes[pos] = c;
    } else {
        memmove(r->changes + pos + 1, r->changes + pos,
                (r->change_count - pos) * sizeof(struct wf_change *));
        r->changes[pos] = c;
        r->change_count++;
    }
    st = workflow_log_append(r, actor, STUINFO_CR_ACTION_EDIT, r->state, to, NULL, 0, policy,
                             &c, 1, NULL);
    if (st != STUINFO_OK) {
        if (found) {
            r->changes[pos] = replaced;
        } else {
            r->change_count--;
            memmove(r->changes + pos, r->changes + pos + 1,
                    (r->change_count - pos) * sizeof(struct wf_change *));
        }
        workflow_change_free(r->ctx, c);
        return core_fail_status(r->ctx, st);
    }
    workflow_change_free(r->ctx, replaced);
    workflow_transition(r, STUINFO_CR_ACTION_EDIT, to, actor->id);
    return core_ok(r->ctx);
}

stuinfo_status
stuinfo_request_remove_change(stuinfo_change_request *r,
                              const stuinfo_workflow_policy *policy,
                              const stuinfo_cr_facts *facts, const stuinfo_cr_actor *actor,
                              uint64_t seen_revision, const char *path)
{
    struct wf_change *view[STUINFO_CR_MAX_CHANGES], *gone, tmp;
    struct wf_call call;
    stuinfo_status st;
    size_t pos, count;
    bool found;
    int32_t to;

    st = workflow_call_init(&call, r, policy, facts, actor, STUINFO_CR_ACTION_EDIT,
                            seen_revision);
    if (st != STUINFO_OK)
        return st;
    if (path == NULL)
        return core_fail(r->ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_CORE_NULL_ARGUMENT, NULL,
                         NULL);
    if (!workflow_change_path(&tmp, path, strlen(path)))
        return core_fail(r->ctx, STUINFO_ERR_NOT_FOUND, RULE_WORKFLOW_UNKNOWN_FIELD, NULL,
                         NULL);
    pos = find_change(r, tmp.path, &found);
    if (!found)
        return core_fail(r->ctx, STUINFO_ERR_NOT_FOUND, RULE_WORKFLOW_NO_SUCH_CHANGE,
                         tmp.path, NULL);
    /* Permission is judged on the list before removal: a student may not drop a grey
     * change the counselor proposed either. */
    count = r->change_count;
    memcpy(view, r->changes, count * sizeof(struct wf_change *));
    st = check_edit(&call, view, count, &to);
    if (st != STUINFO_OK)
        return st;
    gone = r->changes[pos];
    r->change_count--;
    memmove(r->changes + pos, r->changes + pos + 1,
            (r->change_count - pos) * sizeof(struct wf_change *));
    /* Logged as the path with no values: nothing is proposed for it any more. */
    {
        struct wf_change *one = &tmp;

        st = workflow_log_append(r, actor, STUINFO_CR_ACTION_EDIT, r->state, to, NULL, 0,
                                 policy, &one, 1, "removed");
    }
    if (st != STUINFO_OK) {
        memmove(r->changes + pos + 1, r->changes + pos,
                (r->change_count - pos) * sizeof(struct wf_change *));
        r->changes[pos] = gone;
        r->change_count++;
        return core_fail_status(r->ctx, st);
    }
    workflow_change_free(r->ctx, gone);
    workflow_transition(r, STUINFO_CR_ACTION_EDIT, to, actor->id);
    return core_ok(r->ctx);
}

stuinfo_status
stuinfo_request_add_evidence(stuinfo_change_request *r, const stuinfo_workflow_policy *policy,
                             const stuinfo_cr_facts *facts, const stuinfo_cr_actor *actor,
                             uint64_t seen_revision, int32_t kind, const char *reference,
                             size_t reference_len)
{
    struct wf_evidence *e;
    struct wf_call call;
    stuinfo_status st;
    int32_t to;

    st = workflow_call_init(&call, r, policy, facts, actor, STUINFO_CR_ACTION_EDIT,
                            seen_revision);
    if (st != STUINFO_OK)
        return st;
    if (kind < STUINFO_EVIDENCE_HOUSEHOLD_REGISTER || kind > WF_EVIDENCE_MAX
        || reference == NULL || reference_len == 0)
        return core_fail(r->ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_WORKFLOW_BAD_EVIDENCE,
                         NULL, NULL);
    st = workflow_text_check(reference, reference_len, STUINFO_CR_MAX_TEXT);
    if (st != STUINFO_OK)
        return text_fail(r->ctx, st);
    if (r->evidence_count >= STUINFO_CR_MAX_EVIDENCE)
        return core_fail(r->ctx, STUINFO_ERR_TOO_LONG, RULE_WORKFLOW_TOO_MANY_EVIDENCE, NULL,
                         NULL);
    st = check_edit(&call, r->changes, r->change_count, &to);
    if (st != STUINFO_OK)
        return st;
    e = &r->evidence[r->evidence_count];
    e->kind = kind;
    e->reference.text = NULL;
    if (workflow_text_set(r->ctx, &e->reference, reference, reference_len) != STUINFO_OK)
        return core_fail_status(r->ctx, STUINFO_ERR_NOMEM);
    r->evidence_count++;
    st = workflow_log_append(r, actor, STUINFO_CR_ACTION_EDIT, r->state, to, NULL, 0, policy,
                             NULL, 0, workflow_evidence_keys[kind]);
    if (st != STUINFO_OK) {
        r->evidence_count--;
        workflow_text_clear(r->ctx, &e->reference);
        return core_fail_status(r->ctx, st);
    }
    workflow_transition(r, STUINFO_CR_ACTION_EDIT, to, actor->id);
    return core_ok(r->ctx);
}

stuinfo_status
stuinfo_request_remove_evidence(stuinfo_change_request *r,
                                const stuinfo_workflow_policy *policy,
                                const stuinfo_cr_facts *facts, const stuinfo_cr_actor *actor,
                                uint64_t seen_revision, size_t index)
{
    struct wf_evidence gone;
    struct wf_call call;
    stuinfo_status st;
    int32_t to;

    st = workflow_call_init(&call, r, policy, facts, actor, STUINFO_CR_ACTION_EDIT,
                            seen_revision);
    if (st != STUINFO_OK)
        return st;
    if (index >= r->evidence_count)
        return core_fail(r->ctx, STUINFO_ERR_NOT_FOUND, RULE_CORE_INDEX_RANGE, NULL, NULL);
    st = check_edit(&call, r->changes, r->change_count, &to);
    if (st != STUINFO_OK)
        return st;
    gone = r->evidence[index];
    r->evidence_count--;
    memmove(r->evidence + index, r->evidence + index + 1,
            (r->evidence_count - index) * sizeof(r->evidence[0]));
    st = workflow_log_append(r, actor, STUINFO_CR_ACTION_EDIT, r->state, to, NULL, 0, policy,
                             NULL, 0, "removed");
    if (st != STUINFO_OK) {
        memmove(r->evidence + index + 1, r->evidence + index,
                (r->evidence_count - index) * sizeof(r->evidence[0]));
        r->evidence[index] = gone;
        r->evidence_count++;
        return core_fail_status(r->ctx, st);
    }
    workflow_text_clear(r->ctx, &gone.reference);
    workflow_transition(r, STUINFO_CR_ACTION_EDIT, to, actor->id);
    return core_ok(r->ctx);
}
