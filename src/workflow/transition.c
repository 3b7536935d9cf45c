/*
 * The transition table look-up: the row of data/workflow/transitions.tsv for a state and
 * an action (the generated workflow_table.c), then its checks in a fixed order - role,
 * grey fields, collection window, the row's own checks (permission.c).
 */
#include <string.h>

#include "workflow/workflow.h"
#include "workflow/workflow_table.h"

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

stuinfo_status
workflow_check(stuinfo_ctx *ctx, int32_t state, const struct wf_call *call, int32_t *to)
{
    const struct workflow_row *row = NULL;
    int32_t action = call->action, role = call->actor->role;
    bool second = needs_second(call);
    const struct wf_change *grey;

    *to = state;
    /* A (state, action) pair has one row, or two told apart by second-level review. */
    for (size_t i = 0; i < workflow_row_count; i++) {
        const struct workflow_row *w = &workflow_rows[i];

        if (w->from != state || w->action != action)
            continue;
        if ((w->when == WF_WHEN_NEEDS_SECOND && !second)
            || (w->when == WF_WHEN_NO_SECOND && second))
            continue;
        row = w;
    }
    /* (workflow_call_init() checked the action and the role are in range) */
    if (row == NULL)
        return core_fail(ctx, STUINFO_ERR_STATE, RULE_WORKFLOW_NO_TRANSITION,
                         workflow_action_keys[action], workflow_state_keys[state]);
    if ((row->roles & (1u << role)) == 0)
        return core_fail(ctx, STUINFO_ERR_PERMISSION, RULE_WORKFLOW_ROLE,
                         workflow_role_keys[role], workflow_action_keys[action]);
    grey = workflow_grey_field(call);
    if (grey != NULL)
        return core_fail(ctx, STUINFO_ERR_PERMISSION, RULE_WORKFLOW_GREY_FIELD,
                         workflow_role_keys[role], grey->path);
    if (row->when == WF_WHEN_IN_WINDOW && !workflow_window_open(call->policy, call->now))
        return core_fail(ctx, STUINFO_ERR_WINDOW_CLOSED, RULE_WORKFLOW_WINDOW_CLOSED, NULL, NULL);
    if (row->when == WF_WHEN_AFTER_WINDOW && workflow_window_open(call->policy, call->now))
        return core_fail(ctx, STUINFO_ERR_STATE, RULE_WORKFLOW_WINDOW_STILL_OPEN, NULL, NULL);
    /* (the generator ends every list with 0 and accepts each check once) */
    for (size_t k = 0; row->checks[k] != 0; k++) {
        stuinfo_status st = workflow_run_check(ctx, (enum wf_check)row->checks[k], call);

        if (st != STUINFO_OK)
            return st;
    }
    *to = row->to;
    return STUINFO_OK;
}

bool
workflow_row_exists(int32_t from, int32_t action, int32_t to, int32_t role)
{
    for (size_t i = 0; i < workflow_row_count; i++) {
        const struct workflow_row *w = &workflow_rows[i];

        if (w->from == from && w->action == action && w->to == to
            && (w->roles & (1u << role)) != 0)
            return true;
    }
    return false;
}

