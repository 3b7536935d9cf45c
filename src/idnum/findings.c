/*
 * From a result to words: the ctx message of a failed verification and the findings a
 * report gets. Arguments are positions, check characters, address codes and province
 * digits only: never the number.
 */
#include <string.h>

#include "core/core.h"
#include "core/report.h"
#include "findings.h"
#include "idnum.h"
#include "verify_impl.h"

static const rule_id reason_rules[] = {
    [STUINFO_IDNUM_VALID] = RULE_STATUS_OK,
    [STUINFO_IDNUM_ERR_EMPTY] = RULE_IDNUM_EMPTY,
    [STUINFO_IDNUM_ERR_LENGTH] = RULE_IDNUM_LENGTH,
    [STUINFO_IDNUM_ERR_CHARACTER] = RULE_IDNUM_BAD_CHAR,
    [STUINFO_IDNUM_ERR_CHECK_CHAR] = RULE_IDNUM_CHECK_CHAR,
    [STUINFO_IDNUM_ERR_DATE] = RULE_IDNUM_DATE_IMPOSSIBLE,
    [STUINFO_IDNUM_ERR_FUTURE_DATE] = RULE_IDNUM_DATE_FUTURE,
    [STUINFO_IDNUM_ERR_TOO_EARLY] = RULE_IDNUM_DATE_TOO_EARLY,
    [STUINFO_IDNUM_ERR_PROVINCE] = RULE_IDNUM_PROVINCE,
    [STUINFO_IDNUM_ERR_ADDRESS_KIND] = RULE_IDNUM_ADDRESS_KIND,
    [STUINFO_IDNUM_ERR_NATIONALITY] = RULE_IDNUM_NATIONALITY,
    [STUINFO_IDNUM_ERR_SCIENTIFIC] = RULE_IDNUM_SCIENTIFIC,
    [STUINFO_IDNUM_ERR_ENCODING] = RULE_IDNUM_ENCODING,
    [STUINFO_IDNUM_ERR_TOO_LONG] = RULE_IDNUM_TOO_LONG,
    [STUINFO_IDNUM_ERR_PREFIX] = RULE_IDNUM_PREFIX,
};
#define REASON_COUNT (sizeof(reason_rules) / sizeof(reason_rules[0]))

int
idnum_reason_rule_id(int32_t reason)
{
    if (reason < 0 || (size_t)reason >= REASON_COUNT)
        return RULE_STATUS_INVALID;
    return reason_rules[reason];
}

/* Size of a message argument buffer. */
#define ARG_CAP 24

/* Copies the NUL-terminated @p src into @p dst (ARG_CAP bytes), cut to fit. */
static void
arg_copy(char *dst, const char *src)
{
    size_t n = strlen(src);

    if (n > ARG_CAP - 1)
        n = ARG_CAP - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

/* The arguments of a reason's message, in @p a1 / @p a2 (ARG_CAP bytes each). */
static void
reason_args(const stuinfo_idnum_result *r, bool student, char *a1, char *a2)
{
    a1[0] = a2[0] = '\0';
    switch (r->reason) {
    case STUINFO_IDNUM_ERR_LENGTH:
        core_fmt_int(a1, r->length);
        arg_copy(a2, student ? "19" : "15/18");
        break;
    case STUINFO_IDNUM_ERR_CHARACTER:
        core_fmt_int(a1, r->position);
        break;
    case STUINFO_IDNUM_ERR_CHECK_CHAR:
        a1[0] = r->expected_check;
        a1[1] = '\0';
        break;
    case STUINFO_IDNUM_ERR_PROVINCE:
        /* The two digits that should name a province. */
        if (r->kind == STUINFO_IDNUM_FOREIGN_PR_18)
            memcpy(a1, r->normalized + 1, 2);
        else if (r->kind == STUINFO_IDNUM_FOREIGN_PR_15)
            memcpy(a1, r->normalized + 3, 2);
        else
            memcpy(a1, r->address_code, 2);
        a1[2] = '\0';
        break;
    case STUINFO_IDNUM_ERR_ADDRESS_KIND:
        if (r->kind == STUINFO_IDNUM_FOREIGN_PR_18 || r->kind == STUINFO_IDNUM_FOREIGN_PR_15) {
            memcpy(a1, r->normalized + (r->kind == STUINFO_IDNUM_FOREIGN_PR_18 ? 1 : 3), 2);
            a1[2] = '\0';
        } else {
            arg_copy(a1, r->address_code);
        }
        break;
    case STUINFO_IDNUM_ERR_NATIONALITY:
        arg_copy(a1, r->nationality);
        break;
    case STUINFO_IDNUM_ERR_PREFIX:
        a1[0] = r->prefix;
        if (a1[0] == '\0')
            a1[0] = '?';
        a1[1] = '\0';
        arg_copy(a2, "G/J/L");
        break;
    default:
        break;
    }
}

stuinfo_status
idnum_fail_ctx(stuinfo_ctx *ctx, const stuinfo_idnum_result *r, bool student)
{
    char a1[ARG_CAP], a2[ARG_CAP];

    reason_args(r, student, a1, a2);
    return core_fail(ctx, STUINFO_ERR_INVALID, (rule_id)idnum_reason_rule_id(r->reason), a1,
                     a2);
}

static const struct {
    uint32_t flag;
    rule_id rule;
    bool code_arg;
} flag_rules[] = {
    {STUINFO_IDNUM_FLAG_TRIMMED, RULE_IDNUM_TRIMMED, false},
    {STUINFO_IDNUM_FLAG_FULLWIDTH, RULE_IDNUM_FULLWIDTH, false},
    {STUINFO_IDNUM_FLAG_LOWER_CASE, RULE_IDNUM_LOWER_CASE, false},
    {STUINFO_IDNUM_FLAG_APOSTROPHE, RULE_IDNUM_APOSTROPHE, false},
    {STUINFO_IDNUM_FLAG_LEGACY_15, RULE_IDNUM_LEGACY_15, false},
    {STUINFO_IDNUM_FLAG_ADDRESS_UNKNOWN, RULE_IDNUM_ADDRESS_UNKNOWN, true},
    {STUINFO_IDNUM_FLAG_ADDRESS_PROVINCE, RULE_IDNUM_ADDRESS_PROVINCE, true},
    {STUINFO_IDNUM_FLAG_ADDRESS_PREFECTURE, RULE_IDNUM_ADDRESS_PREFECTURE, true},
    {STUINFO_IDNUM_FLAG_ADDRESS_HISTORIC, RULE_IDNUM_ADDRESS_HISTORIC, true},
    {STUINFO_IDNUM_FLAG_ADDRESS_TAIWAN, RULE_IDNUM_ADDRESS_TAIWAN, true},
    {STUINFO_IDNUM_FLAG_ADDRESS_UNCHECKED, RULE_IDNUM_ADDRESS_UNCHECKED, true},
    {STUINFO_IDNUM_FLAG_ROUNDED, RULE_IDNUM_ROUNDED, false},
};

/* Errors besides the primary one: a wrong check character hides nothing else. */
static stuinfo_status
add_further_errors(stuinfo_report *report, const char *field, const stuinfo_idnum_result *r,
                   const struct idnum_env *env)
{
    stuinfo_status st = STUINFO_OK;
    const char *s = r->normalized;
    stuinfo_idnum_result alt = *r;
    int32_t ar = 0, dr;
    uint32_t flags = 0;

    if (r->reason != STUINFO_IDNUM_ERR_CHECK_CHAR || r->birth_month == 0)
        return STUINFO_OK;
    if (r->kind == STUINFO_IDNUM_FOREIGN_PR_18) {
        ar = idnum_province_mainland((uint32_t)((s[1] - '0') * 10 + (s[2] - '0')));
        if (ar == 0 && !idnum_nationality_numeric(s + 3))
            ar = STUINFO_IDNUM_ERR_NATIONALITY;
    } else if (r->kind != STUINFO_IDNUM_FOREIGN_PR_15) {
        int32_t kind;
        uint32_t code = 0;
        for (int i = 0; i < 6; i++)
            code = code * 10 + (uint32_t)(s[i] - '0');
        ar = idnum_address_resident(code, &kind, &flags);
    }
    if (ar != 0) {
        char a1[ARG_CAP], a2[ARG_CAP];
        alt.reason = ar;
        reason_args(&alt, false, a1, a2);
        st = core_report_add(report, (rule_id)idnum_reason_rule_id(ar), field, a1, a2);
    }
    dr = idnum_date_reason(env, r->birth_year, r->birth_month, r->birth_day);
    if (st == STUINFO_OK && dr != 0)
        st = core_report_add(report, (rule_id)idnum_reason_rule_id(dr), field, NULL, NULL);
    return st;
}

stuinfo_status
idnum_add_findings(stuinfo_report *report, const char *field, const stuinfo_idnum_result *r,
                   const struct idnum_env *env, bool student)
{
    stuinfo_status st = STUINFO_OK;

    if (r->reason != STUINFO_IDNUM_VALID) {
        char a1[ARG_CAP], a2[ARG_CAP];
        reason_args(r, student, a1, a2);
        st = core_report_add(report, (rule_id)idnum_reason_rule_id(r->reason), field, a1, a2);
        if (st == STUINFO_OK)
            st = add_further_errors(report, field, r, env);
    }
    for (size_t i = 0; st == STUINFO_OK && i < sizeof(flag_rules) / sizeof(flag_rules[0]); i++) {
        if (!(r->flags & flag_rules[i].flag))
            continue;
        const char *a1 = flag_rules[i].code_arg ? r->address_code : NULL;
        const char *a2 = flag_rules[i].flag == STUINFO_IDNUM_FLAG_ADDRESS_HISTORIC
                             ? (r->region_name != NULL ? r->region_name : "?")
                             : NULL;
        st = core_report_add(report, flag_rules[i].rule, field, a1, a2);
    }
    return st;
}
