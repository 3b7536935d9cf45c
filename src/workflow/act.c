/*
 * The transition function: every action is looked up in the generated table
 * (data/workflow/transitions.tsv) and checked in a fixed order; stuinfo_request_act()
 * and stuinfo_request_can() are the public doors to it.
 */
#include <string.h>

#include "workflow/workflow.h"
#include "workflow/workflow_table.h"

static const char *
state_key(int32_t s)
{
    return s >= 0 && s < WF_STATE_COUNT ? workflow_state_keys[s] : "?";
}

static const char *
action_key(int32_t a)
{
    return a >= 1 && a <= WF_ACTION_MAX ? workflow_action_keys[a] : "?";
}

static const char *
role_key(int32_t r)
{
    return r >= 1 && r <= WF_ROLE_MAX ? workflow_role_keys[r] : "?";
}

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
    call->content = req;
    return STUINFO_OK;
}

static bool
needs_second(const struct wf_call *call)
{
    if (call->policy->second_review == STUINFO_SECOND_REVIEW_ALWAYS)
        return true;
    for (size_t i = 0; i < call->change_count; i++)
        if (workflow_change_class(call->policy, call->changes[i]) == STUINFO_FIELD_CLASS_KEY)
            return true;
    return false;
}

/* Students and guardians may not propose grey fields (they ask the counselor). */
static const struct wf_change *
forbidden_field(const struct wf_call *call)
{
    int32_t role = call->actor->role;

    if (role != STUINFO_ROLE_STUDENT && role != STUINFO_ROLE_GUARDIAN)
        return NULL;
    if (call->action != STUINFO_CR_ACTION_EDIT && call->action != STUINFO_CR_ACTION_SUBMIT
        && call->action != STUINFO_CR_ACTION_REQUEST_EXCEPTION)
        return NULL;
    for (size_t i = 0; i < call->change_count; i++)
        if (workflow_change_class(call->policy, call->changes[i]) == STUINFO_FIELD_CLASS_GREY)
            return call->changes[i];
    return NULL;
}

static bool
has_evidence(const struct wf_call *call, uint16_t kinds)
{
    const stuinfo_change_request *r = call->content;

    for (size_t i = 0; r != NULL && i < r->evidence_count; i++)
        if ((kinds & (1u << r->evidence[i].kind)) != 0)
            return true;
    return false;
}

static stuinfo_status
check_evidence(stuinfo_ctx *ctx, const struct wf_call *call, bool record)
{
    for (size_t i = 0; i < call->change_count; i++) {
        const struct wf_change *c = call->changes[i];
        const struct wf_field_rule *rule = workflow_policy_rule(call->policy, c->group,
                                                                c->field);

        if (rule == NULL || rule->cls != STUINFO_FIELD_CLASS_KEY || rule->evidence == 0)
            continue;
        if (!has_evidence(call, rule->evidence))
            return record ? core_fail(ctx, STUINFO_ERR_EVIDENCE_REQUIRED,
                                      RULE_WORKFLOW_EVIDENCE_MISSING, c->path, NULL)
                          : STUINFO_ERR_EVIDENCE_REQUIRED;
    }
    return STUINFO_OK;
}

/* Graduation lock, reported lock, first-semester correction limit: in that order. */
static stuinfo_status
check_locks(stuinfo_ctx *ctx, const struct wf_call *call, bool record)
{
    const stuinfo_workflow_policy *p = call->policy;
    bool correction = call->kind == STUINFO_CR_KIND_CORRECTION;
    int64_t limit = (int64_t)p->correction_limit_days * 86400;
    bool late = correction && p->correction_limit_days > 0 && call->facts.enrolled_at > 0
                && call->now - call->facts.enrolled_at >= limit;
    char days[24];

    for (int pass = 0; pass < 3; pass++) {
        for (size_t i = 0; i < call->change_count; i++) {
            const struct wf_change *c = call->changes[i];
            const struct wf_field_rule *rule = workflow_policy_rule(p, c->group, c->field);
            bool key = rule != NULL && rule->cls == STUINFO_FIELD_CLASS_KEY;

            if (pass == 0 && call->facts.graduated == 1 && p->graduation_lock == 1
                && rule != NULL && rule->graduation_lock == 1)
                return record ? core_fail(ctx, STUINFO_ERR_LOCKED_GRADUATED,
                                          RULE_WORKFLOW_LOCKED_GRADUATED, c->path, NULL)
                              : STUINFO_ERR_LOCKED_GRADUATED;
            if (pass == 1 && call->facts.reported == 1 && p->reported_lock == 1 && correction
                && key)
                return record ? core_fail(ctx, STUINFO_ERR_LOCKED_REPORTED,
                                          RULE_WORKFLOW_LOCKED_REPORTED, c->path, NULL)
                              : STUINFO_ERR_LOCKED_REPORTED;
            if (pass == 2 && late && key)
                return record ? core_fail(ctx, STUINFO_ERR_WINDOW_CLOSED,
                                          RULE_WORKFLOW_CORRECTION_LIMIT, c->path,
                                          core_fmt_int(days, p->correction_limit_days))
                              : STUINFO_ERR_WINDOW_CLOSED;
        }
    }
    return STUINFO_OK;
}

static bool
same_actor(const char *a, const char *b)
{
    return a[0] != '\0' && strcmp(a, b) == 0;
}

static stuinfo_status
run_check(stuinfo_ctx *ctx, int32_t check, const struct wf_call *call, bool record)
{
    const stuinfo_change_request *r = call->req;

    switch (check) {
    case WF_CHECK_SOD:
        if (r != NULL && (same_actor(r->creator, call->actor->id)
                          || same_actor(r->submitter, call->actor->id)))
            return record ? core_fail(ctx, STUINFO_ERR_SEPARATION_OF_DUTIES,
                                      RULE_WORKFLOW_SOD, NULL, NULL)
                          : STUINFO_ERR_SEPARATION_OF_DUTIES;
        return STUINFO_OK;
    case WF_CHECK_CHANGES:
        if (call->change_count == 0)
            return record ? core_fail(ctx, STUINFO_ERR_STATE, RULE_WORKFLOW_NO_CHANGES, NULL,
                                      NULL)
                          : STUINFO_ERR_STATE;
        return STUINFO_OK;
    case WF_CHECK_REPORT:
        if (!call->has_comment)
            return record ? core_fail(ctx, STUINFO_ERR_EVIDENCE_REQUIRED,
                                      RULE_WORKFLOW_REPORT_REQUIRED, NULL, NULL)
                          : STUINFO_ERR_EVIDENCE_REQUIRED;
        return STUINFO_OK;
    case WF_CHECK_EVIDENCE:
        return check_evidence(ctx, call, record);
    case WF_CHECK_LOCKS:
        return check_locks(ctx, call, record);
    case WF_CHECK_RECORD:       /* needs the record: stuinfo_request_apply() checks it */
        return STUINFO_OK;
    default:
        return record ? core_fail_status(ctx, STUINFO_ERR_INTERNAL) : STUINFO_ERR_INTERNAL;
    }
}

stuinfo_status
workflow_check(stuinfo_ctx *ctx, int32_t state, const struct wf_call *call, int32_t *to,
               bool record)
{
    const struct workflow_row *row = NULL;
    int32_t action = call->action, role = call->actor->role;
    bool any = false, second = needs_second(call);
    const struct wf_change *grey;

    *to = state;
    for (size_t i = 0; i < workflow_row_count; i++) {
        const struct workflow_row *w = &workflow_rows[i];

        if (w->from != state || w->action != action)
            continue;
        any = true;
        if ((w->when == WF_WHEN_NEEDS_SECOND && !second)
            || (w->when == WF_WHEN_NO_SECOND && second))
            continue;
        row = w;
    }
    if (!any || row == NULL)
        return record ? core_fail(ctx, STUINFO_ERR_STATE, RULE_WORKFLOW_NO_TRANSITION,
                                  action_key(action), state_key(state))
                      : STUINFO_ERR_STATE;
    if ((row->roles & (1u << role)) == 0)
        return record ? core_fail(ctx, STUINFO_ERR_PERMISSION, RULE_WORKFLOW_ROLE,
                                  role_key(role), action_key(action))
                      : STUINFO_ERR_PERMISSION;
    grey = forbidden_field(call);
    if (grey != NULL)
        return record ? core_fail(ctx, STUINFO_ERR_PERMISSION, RULE_WORKFLOW_GREY_FIELD,
                                  role_key(role), grey->path)
                      : STUINFO_ERR_PERMISSION;
    if (row->when == WF_WHEN_IN_WINDOW && !workflow_window_open(call->policy, call->now))
        return record ? core_fail(ctx, STUINFO_ERR_WINDOW_CLOSED, RULE_WORKFLOW_WINDOW_CLOSED,
                                  NULL, NULL)
                      : STUINFO_ERR_WINDOW_CLOSED;
    if (row->when == WF_WHEN_AFTER_WINDOW && workflow_window_open(call->policy, call->now))
        return record ? core_fail(ctx, STUINFO_ERR_STATE, RULE_WORKFLOW_WINDOW_STILL_OPEN,
                                  NULL, NULL)
                      : STUINFO_ERR_STATE;
    for (size_t k = 0; k < sizeof(row->checks) && row->checks[k] != 0; k++) {
        stuinfo_status st = run_check(ctx, row->checks[k], call, record);

        if (st != STUINFO_OK)
            return st;
    }
    *to = row->to;
    return STUINFO_OK;
}

bool
workflow_row_exists(int32_t from, int32_t action, int32_t to, int32_t role)
{
    if (role < STUINFO_ROLE_STUDENT || role > WF_ROLE_MAX)
        return false;
    for (size_t i = 0; i < workflow_row_count; i++) {
        const struct workflow_row *w = &workflow_rows[i];

        if (w->from == from && w->action == action && w->to == to
            && (w->roles & (1u << role)) != 0)
            return true;
    }
    return false;
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
    st = workflow_check(r->ctx, r->state, &call, &to, true);
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
    st = workflow_check(r->ctx, r->state, &call, &to, true);
    if (st != STUINFO_OK)
        return st;
    return core_ok(r->ctx);
}
