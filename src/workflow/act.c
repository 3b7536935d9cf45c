/*
 * stuinfo_request_act() and stuinfo_request_can(), the public doors to the transition
 * function (transition.c), with the checks of their arguments, and the bookkeeping of an
 * accepted transition.
 */
#include <string.h>

#include "workflow/workflow.h"
#include "workflow/workflow_table.h"

/* core_fail() returns its status; said again here so that the analyzer sees a refusal
 * cannot come back as STUINFO_OK to the callers that go on using the call. */
static stuinfo_status
refuse(stuinfo_ctx *ctx, stuinfo_status status, rule_id rule, const char *arg1,
       const char *arg2)
{
    (void)core_fail(ctx, status, rule, arg1, arg2);
    return status == STUINFO_OK ? STUINFO_ERR_INTERNAL : status;
}

stuinfo_status
workflow_call_init(struct wf_call *call, stuinfo_change_request *req,
                   const stuinfo_workflow_policy *policy, const stuinfo_cr_facts *facts,
                   const stuinfo_cr_actor *actor, int32_t action, uint64_t seen_revision)
{
    stuinfo_ctx *ctx;
    char a[24], b[24];

    memset(call, 0, sizeof(*call));
    if (req == NULL)
        return STUINFO_ERR_INVALID_ARGUMENT;
    ctx = req->ctx;
    if (policy == NULL || actor == NULL || (facts != NULL && facts->size < sizeof(*facts)))
        return refuse(ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_CORE_NULL_ARGUMENT, NULL,
                         NULL);
    if (actor->size < sizeof(*actor) || actor->role < STUINFO_ROLE_STUDENT
        || actor->role > WF_ROLE_MAX || actor->id[0] == '\0'
        || memchr(actor->id, '\0', sizeof(actor->id)) == NULL)
        return refuse(ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_WORKFLOW_BAD_ACTOR, NULL,
                         NULL);
    if (action < STUINFO_CR_ACTION_CREATE || action > WF_ACTION_MAX)
        return refuse(ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_WORKFLOW_BAD_ACTION, NULL,
                         NULL);
    if (strcmp(policy->id, req->policy_id) != 0)
        return refuse(ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_WORKFLOW_POLICY_MISMATCH,
                         req->policy_id, NULL);
    if (action != STUINFO_CR_ACTION_CREATE && seen_revision != workflow_revision(req))
        return refuse(ctx, STUINFO_ERR_STALE_VERSION, RULE_WORKFLOW_STALE_REVISION,
                         core_fmt_int(a, (int64_t)seen_revision),
                         core_fmt_int(b, (int64_t)workflow_revision(req)));
    call->req = req;
    call->policy = policy;
    if (facts != NULL)
        call->facts = *facts;
    else
        stuinfo_cr_facts_init(&call->facts);
    call->actor = actor;
    call->action = action;
    call->now = core_now(ctx);
    call->changes = req->changes;
    call->change_count = req->change_count;
    call->kind = req->kind;
    return STUINFO_OK;
}

void
workflow_transition(stuinfo_change_request *r, int32_t action, int32_t to, const char *actor)
{
    int32_t from = r->state;

    switch (action) {
    case STUINFO_CR_ACTION_CREATE:
        memset(r->creator, 0, sizeof(r->creator));
        memcpy(r->creator, actor, strnlen(actor, STUINFO_CR_ACTOR_ID_MAX));
        break;
    case STUINFO_CR_ACTION_SUBMIT:
    case STUINFO_CR_ACTION_REQUEST_EXCEPTION:
        memset(r->submitter, 0, sizeof(r->submitter));
        memcpy(r->submitter, actor, strnlen(actor, STUINFO_CR_ACTOR_ID_MAX));
        r->first_ok = r->second_ok = false;
        r->exception_ok = false;
        r->via_exception = action == STUINFO_CR_ACTION_REQUEST_EXCEPTION;
        break;
    case STUINFO_CR_ACTION_APPROVE:
        if (from == STUINFO_CR_EXCEPTION_REVIEW)
            r->exception_ok = true;
        else if (from == STUINFO_CR_SUBMITTED)
            r->first_ok = true;
        else if (from == STUINFO_CR_SECOND_REVIEW)
            r->second_ok = true;
        break;
    default:
        break;
    }
    r->state = to;
}

static stuinfo_status
comment_check(stuinfo_ctx *ctx, const char *comment, size_t len)
{
    stuinfo_status st;

    if (comment == NULL && len > 0)
        return core_fail(ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_CORE_NULL_ARGUMENT, NULL,
                         NULL);
    st = workflow_text_check(comment, len, STUINFO_CR_MAX_TEXT);
    if (st != STUINFO_OK)
        return core_fail(ctx, st, st == STUINFO_ERR_ENCODING ? RULE_WORKFLOW_TEXT_ENCODING
                                                             : RULE_WORKFLOW_TEXT_TOO_LONG,
                         NULL, NULL);
    return STUINFO_OK;
}

stuinfo_status
stuinfo_request_act(stuinfo_change_request *r, const stuinfo_workflow_policy *policy,
                    const stuinfo_cr_facts *facts, const stuinfo_cr_actor *actor,
                    int32_t action, uint64_t seen_revision, const char *comment,
                    size_t comment_len)
{
    struct wf_call call;
    stuinfo_status st;
    int32_t to;

    st = workflow_call_init(&call, r, policy, facts, actor, action, seen_revision);
    if (st != STUINFO_OK)
        return st;
    st = comment_check(r->ctx, comment, comment_len);
    if (st != STUINFO_OK)
        return st;
    call.has_comment = comment_len > 0;
    st = workflow_check(r->ctx, r->state, &call, &to);
    if (st != STUINFO_OK)
        return st;
    if (action == STUINFO_CR_ACTION_APPLY)
        return core_fail(r->ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_WORKFLOW_APPLY_VIA_ACT,
                         NULL, NULL);
    st = workflow_log_append(r, actor, action, r->state, to, comment, comment_len, policy,
                             NULL, 0, NULL);
    if (st != STUINFO_OK)
        return core_fail_status(r->ctx, st);
    workflow_transition(r, action, to, actor->id);
    return core_ok(r->ctx);
}

stuinfo_status
stuinfo_request_can(const stuinfo_change_request *r, const stuinfo_workflow_policy *policy,
                    const stuinfo_cr_facts *facts, const stuinfo_cr_actor *actor,
                    int32_t action, int32_t has_comment)
{
    struct wf_call call;
    stuinfo_status st;
    int32_t to;

    /* The call only reads the request; workflow_call_init takes it non-const for act. */
    st = workflow_call_init(&call, (stuinfo_change_request *)r, policy, facts, actor, action,
                            r != NULL ? workflow_revision(r) : 0);
    if (st != STUINFO_OK)
        return st;
    call.has_comment = has_comment != 0;
    st = workflow_check(r->ctx, r->state, &call, &to);
    if (st != STUINFO_OK)
        return st;
    return core_ok(r->ctx);
}
