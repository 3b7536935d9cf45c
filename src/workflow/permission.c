/*
 * The permission checks of a workflow transition that go beyond the table's role column:
 * fields a role may not propose, separation of duties, and the checks a row of
 * data/workflow/transitions.tsv names (changes, report, evidence, locks). Each refusal
 * is a status, recorded on the ctx with its message when asked.
 */
#include <string.h>

#include "workflow/workflow.h"
#include "workflow/workflow_table.h"

/* Students and guardians may not propose grey fields (they ask the counselor). */
const struct wf_change *
workflow_grey_field(const struct wf_call *call)
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

stuinfo_status
workflow_run_check(stuinfo_ctx *ctx, int32_t check, const struct wf_call *call,
                   bool record)
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
