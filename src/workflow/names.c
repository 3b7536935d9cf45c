/* Stable keys of the workflow's enums (JSON, logs, the CLI), and their lookups. */
#include <string.h>

#include "workflow/workflow.h"

const char *const workflow_state_keys[WF_STATE_COUNT] = {
    "none", "draft", "submitted", "second_review", "approved", "applied", "returned",
    "rejected", "withdrawn", "exception_review",
};

const char *const workflow_action_keys[WF_ACTION_MAX + 1] = {
    NULL, "create", "edit", "submit", "withdraw", "approve", "return", "reject", "apply",
    "request_exception",
};

const char *const workflow_role_keys[WF_ROLE_MAX + 1] = {
    NULL, "student", "guardian", "teacher", "registrar", "leadership", "admin",
};

const char *const workflow_evidence_keys[WF_EVIDENCE_MAX + 1] = {
    NULL, "household_register", "police_certificate", "birth_certificate", "id_card",
    "other",
};

const char *const workflow_kind_keys[3] = {NULL, "correction", "change_of_fact"};

const char *const workflow_class_keys[4] = {NULL, "open", "grey", "key"};

int32_t
workflow_key_find(const char *const *keys, int32_t max, const char *key, size_t len)
{
    if (key == NULL)
        return -1;
    for (int32_t i = 0; i <= max; i++)
        if (keys[i] != NULL && strlen(keys[i]) == len && memcmp(keys[i], key, len) == 0)
            return i;
    return -1;
}

static const char *
key_at(const char *const *keys, int32_t max, int32_t v)
{
    return v >= 0 && v <= max ? keys[v] : NULL;
}

static int32_t
find0(const char *const *keys, int32_t max, const char *key)
{
    int32_t v = key != NULL ? workflow_key_find(keys, max, key, strlen(key)) : -1;

    return v > 0 ? v : 0;
}

const char *
stuinfo_cr_state_key(int32_t state)
{
    return key_at(workflow_state_keys, WF_STATE_COUNT - 1, state);
}

const char *
stuinfo_cr_action_key(int32_t action)
{
    return key_at(workflow_action_keys, WF_ACTION_MAX, action);
}

const char *
stuinfo_role_key(int32_t role)
{
    return key_at(workflow_role_keys, WF_ROLE_MAX, role);
}

const char *
stuinfo_evidence_kind_key(int32_t kind)
{
    return key_at(workflow_evidence_keys, WF_EVIDENCE_MAX, kind);
}

const char *
stuinfo_cr_kind_key(int32_t kind)
{
    return key_at(workflow_kind_keys, 2, kind);
}

int32_t
stuinfo_cr_state_from_key(const char *key)
{
    return key != NULL ? workflow_key_find(workflow_state_keys, WF_STATE_COUNT - 1, key,
                                           strlen(key))
                       : -1;
}

int32_t
stuinfo_cr_action_from_key(const char *key)
{
    return find0(workflow_action_keys, WF_ACTION_MAX, key);
}

int32_t
stuinfo_role_from_key(const char *key)
{
    return find0(workflow_role_keys, WF_ROLE_MAX, key);
}

int32_t
stuinfo_evidence_kind_from_key(const char *key)
{
    return find0(workflow_evidence_keys, WF_EVIDENCE_MAX, key);
}

int32_t
stuinfo_cr_kind_from_key(const char *key)
{
    return find0(workflow_kind_keys, 2, key);
}
