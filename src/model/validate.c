/* stuinfo_student_validate() and the policy defaults. */
#include <string.h>

#include "core/report.h"
#include "date.h"
#include "validate.h"

stuinfo_status
stuinfo_policy_init(stuinfo_policy *p)
{
    if (p == NULL)
        return STUINFO_ERR_INVALID_ARGUMENT;
    memset(p, 0, sizeof(*p));
    p->size = sizeof(*p);
    p->checks = STUINFO_CHECK_ALL;
    p->max_principal_family = 3;
    p->min_family = 2;
    p->min_history = 2;
    p->adult_age = 18;
    p->entry_age = 6;
    p->entry_cutoff_month = 8;
    p->entry_cutoff_day = 31;
    p->min_league_age = 13;
    p->min_party_age = 18;
    p->max_student_age = 60;
    return STUINFO_OK;
}

static bool
policy_ok(const stuinfo_policy *p)
{
    return p->size >= sizeof(*p) && p->max_principal_family >= 0
        && p->max_principal_family <= STUINFO_STUDENT_MAX_FAMILY && p->min_family >= 0
        && p->min_history >= 0 && p->adult_age >= 0 && p->adult_age <= 150
        && p->entry_age >= 0 && p->entry_age <= 30 && p->entry_cutoff_month >= 1
        && p->entry_cutoff_month <= 12 && p->entry_cutoff_day >= 1
        && p->entry_cutoff_day <= 31 && p->min_league_age >= 0 && p->min_party_age >= 0
        && p->max_student_age > 0 && p->max_student_age <= 150;
}

void
model_check_add(struct model_check *c, rule_id rule, const char *path, const char *arg2)
{
    if (c->status == STUINFO_OK)
        c->status = core_report_add(c->report, rule, path, path, arg2);
}

void
model_check_add_field(struct model_check *c, rule_id rule, model_group group, size_t index,
                      int32_t field, const char *arg2)
{
    char path[MODEL_PATH_MAX];

    model_check_add(c, rule, model_path_format(path, group, index, field), arg2);
}

/* Birth date within the plausible ages of a student (future dates are a field rule). */
static void
check_birth(struct model_check *c)
{
    size_t len;
    const char *s = model_get(c->st, STUINFO_FIELD_BIRTH_DATE, &len);
    int32_t y, m, d;

    if (model_date_read(s, len, &y, &m, &d)
        && model_age_at(y, m, d, c->today_y, c->today_m, c->today_d)
               > c->policy->max_student_age)
        model_check_add(c, RULE_STUDENT_BIRTH_IMPLAUSIBLE, "birth_date", NULL);
}

stuinfo_status
stuinfo_student_validate(const stuinfo_student *st, const stuinfo_policy *policy,
                         stuinfo_report *report)
{
    struct model_check c;
    stuinfo_policy defaults;
    uint32_t on;

    if (st == NULL || report == NULL)
        return core_fail(st != NULL ? st->ctx : NULL, STUINFO_ERR_INVALID_ARGUMENT,
                         RULE_CORE_NULL_ARGUMENT, NULL, NULL);
    if (core_report_ctx(report) != st->ctx)
        return core_fail(st->ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_STUDENT_BAD_ARGUMENT,
                         "report", NULL);
    if (policy == NULL) {
        stuinfo_policy_init(&defaults);
        policy = &defaults;
    } else if (!policy_ok(policy)) {
        return core_fail(st->ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_STUDENT_BAD_ARGUMENT,
                         "policy", NULL);
    }
    memset(&c, 0, sizeof(c));
    c.st = st;
    c.policy = policy;
    c.report = report;
    model_civil_from_epoch(core_now(st->ctx), &c.today_y, &c.today_m, &c.today_d);
    c.today_days = model_days_from_civil(c.today_y, c.today_m, c.today_d);
    on = policy->checks;
    if (on & STUINFO_CHECK_FIELDS) {
        model_check_fields(&c);
        check_birth(&c);
    }
    if (on & STUINFO_CHECK_REQUIRED)
        model_check_required(&c);
    if (on & STUINFO_CHECK_IDENTITY)
        model_check_identity(&c);
    if (on & STUINFO_CHECK_POLITICAL)
        model_check_political(&c);
    if (on & STUINFO_CHECK_PHONE)
        model_check_phone(&c);
    if (on & STUINFO_CHECK_FAMILY)
        model_check_family(&c);
    if (on & STUINFO_CHECK_HISTORY)
        model_check_history(&c);
    if (on & STUINFO_CHECK_ADDRESS)
        model_check_address(&c);
    if (on & STUINFO_CHECK_ENTRY_AGE)
        model_check_entry_age(&c);
    if (c.status != STUINFO_OK)
        return core_fail_status(st->ctx, c.status);
    return core_ok(st->ctx);
}
