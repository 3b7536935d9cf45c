/*
 * The workflow policy: collection window, field classes (open / grey / key), evidence per
 * key field, approval levels, the first-semester correction limit and the locks.
 * Defaults follow the registry documents (docs/workflow.md, "Policy defaults").
 */
#include <string.h>

#include "workflow/workflow.h"

enum {
    EV_KEY = (1u << STUINFO_EVIDENCE_HOUSEHOLD_REGISTER)
             | (1u << STUINFO_EVIDENCE_POLICE_CERTIFICATE),
    DEFAULT_CORRECTION_DAYS = 183       /* about one semester after enrolment */
};

/* Key fields: a change needs a household-register or police certificate and the
 * registrar; name and ID number never change after graduation. */
static const struct { int32_t field; uint8_t graduation_lock; } default_key[] = {
    {STUINFO_FIELD_NAME, 1},
    {STUINFO_FIELD_SEX, 0},
    {STUINFO_FIELD_BIRTH_DATE, 0},
    {STUINFO_FIELD_ID_DOC_NO, 1},
};

/* Grey fields: assigned by the registry or the school; the student asks the counselor. */
static const int32_t default_grey[] = {
    STUINFO_FIELD_ID_DOC_TYPE, STUINFO_FIELD_ETHNICITY, STUINFO_FIELD_NATIONALITY,
    STUINFO_FIELD_HMT_OVERSEAS, STUINFO_FIELD_AUX_STUDENT_NO, STUINFO_FIELD_CLASS_SEAT_NO,
    STUINFO_FIELD_GRADE, STUINFO_FIELD_CLASS, STUINFO_FIELD_ENROL_MONTH,
    STUINFO_FIELD_ENROL_MODE, STUINFO_FIELD_ATTENDANCE_MODE, STUINFO_FIELD_STUDENT_SOURCE,
    STUINFO_FIELD_STUDENT_NO, STUINFO_FIELD_SCHOOL_ID, STUINFO_FIELD_STUDENT_STATUS,
    STUINFO_FIELD_PERSONAL_ID,
};

void
workflow_policy_defaults(struct stuinfo_workflow_policy *p)
{
    const struct wf_field_rule open = {STUINFO_FIELD_CLASS_OPEN, 0, 0};

    memset(p->id, 0, sizeof(p->id));
    memcpy(p->id, "default", 7);
    p->open_at = p->close_at = 0;
    p->second_review = STUINFO_SECOND_REVIEW_KEY_ONLY;
    p->correction_limit_days = DEFAULT_CORRECTION_DAYS;
    p->graduation_lock = 1;
    p->reported_lock = 1;
    for (size_t i = 0; i <= MODEL_STUDENT_FIELD_COUNT; i++)
        p->student[i] = open;
    for (size_t i = 0; i <= MODEL_FAMILY_FIELD_COUNT; i++)
        p->family[i] = open;
    for (size_t i = 0; i <= MODEL_HISTORY_FIELD_COUNT; i++)
        p->history[i] = open;
    for (size_t i = 0; i < sizeof(default_grey) / sizeof(default_grey[0]); i++)
        p->student[default_grey[i]].cls = STUINFO_FIELD_CLASS_GREY;
    for (size_t i = 0; i < sizeof(default_key) / sizeof(default_key[0]); i++) {
        struct wf_field_rule *r = &p->student[default_key[i].field];

        r->cls = STUINFO_FIELD_CLASS_KEY;
        r->evidence = EV_KEY;
        r->graduation_lock = default_key[i].graduation_lock;
    }
}

stuinfo_status
stuinfo_workflow_policy_new(stuinfo_ctx *ctx, stuinfo_workflow_policy **out)
{
    stuinfo_workflow_policy *p;

    if (out != NULL)
        *out = NULL;
    if (ctx == NULL || out == NULL)
        return core_fail(ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_CORE_NULL_ARGUMENT, NULL,
                         NULL);
    p = core_calloc(ctx, 1, sizeof(*p));
    if (p == NULL)
        return core_fail_status(ctx, STUINFO_ERR_NOMEM);
    p->ctx = ctx;
    workflow_policy_defaults(p);
    core_ctx_attach(ctx);
    *out = p;
    return core_ok(ctx);
}

void
stuinfo_workflow_policy_free(stuinfo_workflow_policy *p)
{
    stuinfo_ctx *ctx;

    if (p == NULL)
        return;
    ctx = p->ctx;
    core_free(ctx, p->json);
    core_free(ctx, p);
    core_ctx_detach(ctx);
}

/* A setter changes the policy: its cached JSON goes. */
static void
changed(stuinfo_workflow_policy *p)
{
    core_free(p->ctx, p->json);
    p->json = NULL;
    p->json_len = 0;
}

stuinfo_status
stuinfo_workflow_policy_set_id(stuinfo_workflow_policy *p, const char *id, size_t len)
{
    if (p == NULL)
        return STUINFO_ERR_INVALID_ARGUMENT;
    if (id == NULL || len == 0 || len > STUINFO_CR_ACTOR_ID_MAX)
        return core_fail(p->ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_WORKFLOW_POLICY_BAD_ID,
                         NULL, NULL);
    for (size_t i = 0; i < len; i++)
        if (id[i] < 0x21 || id[i] > 0x7e)
            return core_fail(p->ctx, STUINFO_ERR_INVALID_ARGUMENT,
                             RULE_WORKFLOW_POLICY_BAD_ID, NULL, NULL);
    changed(p);
    memset(p->id, 0, sizeof(p->id));
    memcpy(p->id, id, len);
    return core_ok(p->ctx);
}

const char *
stuinfo_workflow_policy_id(const stuinfo_workflow_policy *p)
{
    return p != NULL ? p->id : "";
}

stuinfo_status
stuinfo_workflow_policy_set_window(stuinfo_workflow_policy *p, int64_t open_at,
                                   int64_t close_at)
{
    if (p == NULL)
        return STUINFO_ERR_INVALID_ARGUMENT;
    if (close_at < open_at)
        return core_fail(p->ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_WORKFLOW_POLICY_BAD_VALUE,
                         "window", NULL);
    changed(p);
    p->open_at = open_at;
    p->close_at = close_at;
    return core_ok(p->ctx);
}

bool
workflow_window_open(const stuinfo_workflow_policy *p, int64_t now)
{
    if (p->open_at == 0 && p->close_at == 0)
        return true;
    return now >= p->open_at && now < p->close_at;
}

const struct wf_field_rule *
workflow_policy_rule(const stuinfo_workflow_policy *p, model_group group, int32_t field)
{
    switch (group) {
    case MODEL_GROUP_STUDENT:
        return field >= 1 && field <= MODEL_STUDENT_FIELD_COUNT ? &p->student[field] : NULL;
    case MODEL_GROUP_FAMILY:
        return field >= 1 && field <= MODEL_FAMILY_FIELD_COUNT ? &p->family[field] : NULL;
    case MODEL_GROUP_HISTORY:
        return field >= 1 && field <= MODEL_HISTORY_FIELD_COUNT ? &p->history[field] : NULL;
    }
    return NULL;
}

struct wf_field_rule *
workflow_policy_rule_by_key(stuinfo_workflow_policy *p, const char *key, size_t len)
{
    static const struct { const char *prefix; size_t n; model_group g; } groups[] = {
        {"family.", 7, MODEL_GROUP_FAMILY},
        {"history.", 8, MODEL_GROUP_HISTORY},
    };
    model_group g = MODEL_GROUP_STUDENT;
    int32_t f;

    for (size_t i = 0; i < sizeof(groups) / sizeof(groups[0]); i++)
        if (len > groups[i].n && memcmp(key, groups[i].prefix, groups[i].n) == 0) {
            g = groups[i].g;
            key += groups[i].n;
            len -= groups[i].n;
            break;
        }
    f = model_field_by_key(g, key, len);
    return f != 0 ? (struct wf_field_rule *)workflow_policy_rule(p, g, f) : NULL;
}

stuinfo_status
stuinfo_workflow_policy_set_field(stuinfo_workflow_policy *p, const char *field,
                                  int32_t field_class, uint32_t evidence,
                                  int32_t graduation_lock)
{
    struct wf_field_rule *r;

    if (p == NULL)
        return STUINFO_ERR_INVALID_ARGUMENT;
    if (field == NULL || field_class < STUINFO_FIELD_CLASS_OPEN
        || field_class > STUINFO_FIELD_CLASS_KEY || (graduation_lock != 0 && graduation_lock != 1)
        || (evidence & ~(uint32_t)((1u << (WF_EVIDENCE_MAX + 1)) - 2u)) != 0)
        return core_fail(p->ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_WORKFLOW_POLICY_BAD_VALUE,
                         "field", NULL);
    r = workflow_policy_rule_by_key(p, field, strlen(field));
    if (r == NULL)
        return core_fail(p->ctx, STUINFO_ERR_NOT_FOUND, RULE_WORKFLOW_UNKNOWN_FIELD, NULL,
                         NULL);
    changed(p);
    r->cls = (uint8_t)field_class;
    r->evidence = (uint16_t)evidence;
    r->graduation_lock = (uint8_t)graduation_lock;
    return core_ok(p->ctx);
}

stuinfo_status
stuinfo_workflow_policy_field_class(const stuinfo_workflow_policy *p, const char *path,
                                    int32_t *class_out)
{
    struct wf_change c;

    if (class_out != NULL)
        *class_out = 0;
    if (p == NULL || path == NULL || class_out == NULL)
        return core_fail(p != NULL ? p->ctx : NULL, STUINFO_ERR_INVALID_ARGUMENT,
                         RULE_CORE_NULL_ARGUMENT, NULL, NULL);
    if (!workflow_change_path(&c, path, strlen(path)))
        return core_fail(p->ctx, STUINFO_ERR_NOT_FOUND, RULE_WORKFLOW_UNKNOWN_FIELD, NULL,
                         NULL);
    *class_out = workflow_change_class(p, &c);
    return core_ok(p->ctx);
}

stuinfo_status
stuinfo_workflow_policy_set_rules(stuinfo_workflow_policy *p, int32_t second_review,
                                  int32_t correction_limit_days, int32_t graduation_lock,
                                  int32_t reported_lock)
{
    if (p == NULL)
        return STUINFO_ERR_INVALID_ARGUMENT;
    if (second_review < STUINFO_SECOND_REVIEW_KEY_ONLY
        || second_review > STUINFO_SECOND_REVIEW_ALWAYS || correction_limit_days < 0
        || correction_limit_days > 36600 || (graduation_lock != 0 && graduation_lock != 1)
        || (reported_lock != 0 && reported_lock != 1))
        return core_fail(p->ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_WORKFLOW_POLICY_BAD_VALUE,
                         "rules", NULL);
    changed(p);
    p->second_review = second_review;
    p->correction_limit_days = correction_limit_days;
    p->graduation_lock = graduation_lock;
    p->reported_lock = reported_lock;
    return core_ok(p->ctx);
}
