/*
 * The permission checks of a workflow transition that go beyond the table's role column:
 * fields a role may not propose, separation of duties, and the checks a row of
 * data/workflow/transitions.tsv names (changes, report, evidence, locks). Each refusal
 * is a status, recorded on the ctx with its message.
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
    const stuinfo_change_request *r = call->req;

    for (size_t i = 0; i < r->evidence_count; i++)
        if ((kinds & (1u << r->evidence[i].kind)) != 0)
            return true;
    return false;
}

static stuinfo_status
check_evidence(stuinfo_ctx *ctx, const struct wf_call *call)
{
    for (size_t i = 0; i < call->change_count; i++) {
        const struct wf_change *c = call->changes[i];
        const struct wf_field_rule *rule = workflow_change_rule(call->policy, c);

        /* (evidence kinds of a field that is not key are kept but not demanded) */
        if (rule->cls == STUINFO_FIELD_CLASS_KEY && rule->evidence != 0
            && !has_evidence(call, rule->evidence))
            return core_fail(ctx, STUINFO_ERR_EVIDENCE_REQUIRED, RULE_WORKFLOW_EVIDENCE_MISSING,
                             c->path, NULL);
    }
    return STUINFO_OK;
}

/* The first change of a field the graduation lock covers (@p graduation) or of a key
 * field, or NULL. */
static const struct wf_change *
locked_change(const struct wf_call *call, bool graduation)
{
    for (size_t i = 0; i < call->change_count; i++) {
        const struct wf_field_rule *rule = workflow_change_rule(call->policy, call->changes[i]);

        if (graduation ? rule->graduation_lock == 1 : rule->cls == STUINFO_FIELD_CLASS_KEY)
            return call->changes[i];
    }
    return NULL;
}

/* Graduation lock, reported lock, first-semester correction limit: in that order. */
static stuinfo_status
check_locks(stuinfo_ctx *ctx, const struct wf_call *call)
{
    const stuinfo_workflow_policy *p = call->policy;
    bool correction = call->kind == STUINFO_CR_KIND_CORRECTION;
    bool graduated = call->facts.graduated == 1 && p->graduation_lock == 1;
    bool reported = call->facts.reported == 1 && p->reported_lock == 1 && correction;
    bool late = correction && p->correction_limit_days > 0 && call->facts.enrolled_at > 0
                && call->now - call->facts.enrolled_at
                       >= (int64_t)p->correction_limit_days * 86400;
    const struct wf_change *c;
    char days[24];

    if (graduated && (c = locked_change(call, true)) != NULL)
        return core_fail(ctx, STUINFO_ERR_LOCKED_GRADUATED, RULE_WORKFLOW_LOCKED_GRADUATED,
                         c->path, NULL);
    if (reported && (c = locked_change(call, false)) != NULL)
        return core_fail(ctx, STUINFO_ERR_LOCKED_REPORTED, RULE_WORKFLOW_LOCKED_REPORTED,
                         c->path, NULL);
    if (late && (c = locked_change(call, false)) != NULL)
        return core_fail(ctx, STUINFO_ERR_WINDOW_CLOSED, RULE_WORKFLOW_CORRECTION_LIMIT, c->path,
                         core_fmt_int(days, p->correction_limit_days));
    return STUINFO_OK;
}

stuinfo_status
workflow_run_check(stuinfo_ctx *ctx, enum wf_check check, const struct wf_call *call)
{
    const stuinfo_change_request *r = call->req;

    /* Every check of the enum has its case (-Wswitch): the table generator accepts no
     * other name, so there is no default. */
    switch (check) {
    case WF_CHECK_SOD:
        /* (an actor's id is never empty: workflow_call_init(); a request not yet
         * submitted has an empty submitter) */
        if (strcmp(r->creator, call->actor->id) == 0 || strcmp(r->submitter, call->actor->id) == 0)
            return core_fail(ctx, STUINFO_ERR_SEPARATION_OF_DUTIES, RULE_WORKFLOW_SOD, NULL,
                             NULL);
        break;
    case WF_CHECK_CHANGES:
        if (call->change_count == 0)
            return core_fail(ctx, STUINFO_ERR_STATE, RULE_WORKFLOW_NO_CHANGES, NULL, NULL);
        break;
    case WF_CHECK_REPORT:
        if (!call->has_comment)
            return core_fail(ctx, STUINFO_ERR_EVIDENCE_REQUIRED, RULE_WORKFLOW_REPORT_REQUIRED,
                             NULL, NULL);
        break;
    case WF_CHECK_EVIDENCE:
        return check_evidence(ctx, call);
    case WF_CHECK_LOCKS:
        return check_locks(ctx, call);
    case WF_CHECK_RECORD:       /* needs the record: stuinfo_request_apply() checks it */
        break;
    }
    return STUINFO_OK;
}
