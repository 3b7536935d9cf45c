/* Field rules of the authority, school, campus and class records. */
#include <string.h>

#include "model/canon.h"
#include "model/validate.h"
#include "record.h"

static bool
all_digits(const char *s, size_t n)
{
    if (n == 0)
        return false;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

static bool
is_decimal(const char *s, size_t n)
{
    size_t dots = 0, digits = 0;

    for (size_t i = 0; i < n; i++) {
        if (s[i] == '.')
            dots++;
        else if (s[i] >= '0' && s[i] <= '9')
            digits++;
        else
            return false;
    }
    return dots <= 1 && digits > 0 && s[0] != '.' && s[n - 1] != '.';
}

static void
check_region(const char *s, size_t n, const char *path, stuinfo_report *report,
             stuinfo_status *first)
{
    bool retired = false;

    if (n != 6 || !all_digits(s, n)) {
        school_finding(report, first, RULE_SCHOOL_REGION_FORMAT, path, NULL);
        return;
    }
    if (model_region_check(s, &retired) == NULL)
        school_finding(report, first, RULE_SCHOOL_REGION_UNKNOWN, path, s);
    else if (retired)
        school_finding(report, first, RULE_SCHOOL_REGION_RETIRED, path, s);
}

static void
check_value(const struct school_field_desc *d, const char *s, size_t n, const char *path,
            stuinfo_report *report, stuinfo_status *first)
{
    int32_t stage, year;

    switch (d->m.kind) {
    case MODEL_KIND_DIGITS:
        if (strcmp(d->m.key, "school_id") == 0) {
            if (n != 10 || !all_digits(s, n))
                school_finding(report, first, RULE_SCHOOL_ID_FORMAT, path, NULL);
        } else if (!all_digits(s, n)) {
            school_finding(report, first, RULE_SCHOOL_DIGITS, path, NULL);
        }
        return;
    case MODEL_KIND_REGION:
        check_region(s, n, path, report, first);
        return;
    case MODEL_KIND_POSTCODE:
        if (!model_is_postcode(s, n))
            school_finding(report, first, RULE_SCHOOL_POSTCODE, path, NULL);
        return;
    case MODEL_KIND_PHONE:
        if (!model_is_phone(s, n) && !model_is_mobile(s, n))
            school_finding(report, first, RULE_SCHOOL_PHONE, path, NULL);
        return;
    case MODEL_KIND_EMAIL:
        if (!model_is_email(s, n))
            school_finding(report, first, RULE_SCHOOL_EMAIL, path, NULL);
        return;
    case MODEL_KIND_FLAG:
        if (!(n == 1 && (s[0] == '0' || s[0] == '1')))
            school_finding(report, first, RULE_SCHOOL_FLAG, path, NULL);
        return;
    case MODEL_KIND_DECIMAL:
        if (!is_decimal(s, n))
            school_finding(report, first, RULE_SCHOOL_DECIMAL, path, NULL);
        return;
    default:
        break;
    }
    if (d->skind == SCHOOL_KIND_LIST && school_list_find(d->list, s, n) == NULL)
        school_finding(report, first, RULE_SCHOOL_CODE_UNKNOWN, path,
                       school_lists[d->list].name);
    if (d->skind == SCHOOL_KIND_GRADE && !school_grade_parse(s, n, &stage, &year))
        school_finding(report, first, RULE_SCHOOL_GRADE_FORMAT, path, NULL);
}

void
school_record_check(const struct school_record *r, const char *prefix,
                    stuinfo_report *report, stuinfo_status *first)
{
    char path[SCHOOL_PATH_MAX];

    for (int32_t i = 1; i <= r->count; i++) {
        const struct school_field_desc *d = &r->fields[i];
        const struct model_value *v = &r->v[i];

        school_path(path, prefix, d->m.key);
        if (v->text == NULL) {
            if (d->m.req == MODEL_REQ_YES)
                school_finding(report, first, RULE_SCHOOL_REQUIRED, path, NULL);
            continue;
        }
        check_value(d, v->text, v->len, path, report, first);
    }
}
