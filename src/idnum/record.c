/* A number against the rest of a record: stated birth date and sex, age on a date. */
#include "core/core.h"
#include "core/report.h"
#include "idnum.h"

static bool
usable(const stuinfo_idnum_result *id)
{
    return id->size >= sizeof(*id) && id->reason == STUINFO_IDNUM_VALID
           && id->kind != STUINFO_IDNUM_KIND_UNKNOWN;
}

stuinfo_status
stuinfo_idnum_match_record(stuinfo_ctx *ctx, const stuinfo_idnum_result *id,
                           int32_t birth_year, int32_t birth_month, int32_t birth_day,
                           int32_t sex, const char *field, stuinfo_report *report)
{
    rule_id first = RULE_COUNT;

    if (ctx == NULL)
        return STUINFO_ERR_INVALID_ARGUMENT;
    if (id == NULL || !usable(id))
        return core_fail(ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_IDNUM_BAD_RESULT, NULL, NULL);
    if (field == NULL)
        field = "";
    if (birth_year != 0 && id->birth_year != 0
        && (birth_year != id->birth_year || birth_month != id->birth_month
            || birth_day != id->birth_day)) {
        first = RULE_IDNUM_BIRTH_MISMATCH;
        if (report != NULL && core_report_add(report, first, field, NULL, NULL) != STUINFO_OK)
            return core_fail_status(ctx, STUINFO_ERR_NOMEM);
    }
    if (sex != 0 && id->sex != 0 && sex != id->sex) {
        if (first == RULE_COUNT)
            first = RULE_IDNUM_SEX_MISMATCH;
        if (report != NULL
            && core_report_add(report, RULE_IDNUM_SEX_MISMATCH, field, NULL, NULL) != STUINFO_OK)
            return core_fail_status(ctx, STUINFO_ERR_NOMEM);
    }
    if (first != RULE_COUNT)
        return core_fail(ctx, STUINFO_ERR_INVALID, first, NULL, NULL);
    return core_ok(ctx);
}

stuinfo_status
stuinfo_idnum_age(stuinfo_ctx *ctx, const stuinfo_idnum_result *id, int32_t year,
                  int32_t month, int32_t day, int32_t *age_out)
{
    if (ctx == NULL)
        return STUINFO_ERR_INVALID_ARGUMENT;
    if (id == NULL || age_out == NULL || id->size < sizeof(*id))
        return core_fail(ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_CORE_NULL_ARGUMENT, NULL,
                         NULL);
    if (!idnum_date_exists(id->birth_year, id->birth_month, id->birth_day)
        || !idnum_date_exists(year, month, day))
        return core_fail(ctx, STUINFO_ERR_INVALID, RULE_IDNUM_NO_BIRTH_DATE, NULL, NULL);
    /* Someone born on 29 February reaches the new age on 1 March of a common year:
     * (2, 28) < (2, 29) holds, (3, 1) < (2, 29) does not. */
    int32_t age = year - id->birth_year;
    if (month * 100 + day < id->birth_month * 100 + id->birth_day)
        age--;
    if (age < 0)
        return core_fail(ctx, STUINFO_ERR_INVALID, RULE_IDNUM_NO_BIRTH_DATE, NULL, NULL);
    *age_out = age;
    return core_ok(ctx);
}
