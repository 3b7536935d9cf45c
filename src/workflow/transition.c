/*
 * The transition table look-up: the row of data/workflow/transitions.tsv for a state and
 * an action (the generated workflow_table.c), then its checks in a fixed order - role,
 * grey fields, collection window, the row's own checks (permission.c).
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
    grey = workflow_grey_field(call);
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
        stuinfo_status st = workflow_run_check(ctx, row->checks[k], call, record);

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

