/* Field rules: each stored value in its field's format, and required fields. */
#include <string.h>

#include "stuinfo/codes.h"
#include "canon.h"
#include "date.h"
#include "text/name.h"
#include "validate.h"

struct at {
    model_group group;
    size_t index;
    int32_t field;
};

static void
add(struct model_check *c, const struct at *a, rule_id rule, const char *arg2)
{
    model_check_add_field(c, rule, a->group, a->index, a->field, arg2);
}

static void
hex_cp(char *buf, uint32_t cp)
{
    static const char hex[] = "0123456789ABCDEF";
    int k = 0;

    buf[k++] = 'U';
    buf[k++] = '+';
    /* four hex digits at least, more only as needed: U+202E, U+E0001 */
    int top = 12;
    while ((cp >> (top + 4)) != 0)
        top += 4;
    for (int shift = top; shift >= 0; shift -= 4)
        buf[k++] = hex[(cp >> shift) & 0xf];
    buf[k] = '\0';
}

static void
check_name(struct model_check *c, const struct at *a, const char *s, size_t len)
{
    text_name_scan n;
    char cp[16];
    const char *p;

    text_name_scan_run(s, len, &n);
    if (n.first_bad != 0)
        hex_cp(cp, n.first_bad);
    if (n.digits > 0)
        add(c, a, RULE_STUDENT_NAME_DIGIT, NULL);
    if (n.other > 0 || n.spaces > 0 || (n.han == 0 && n.latin == 0))
        add(c, a, RULE_STUDENT_NAME_CHARS, n.other > 0 ? cp : "");
    else if (n.latin > 0)
        add(c, a, RULE_STUDENT_NAME_LATIN, NULL);
    if (n.compat > 0)
        add(c, a, RULE_STUDENT_NAME_COMPAT_CHAR, cp);
    if (n.radical > 0)
        add(c, a, RULE_STUDENT_NAME_RADICAL, cp);
    if (n.private_use > 0)
        add(c, a, RULE_STUDENT_NAME_PRIVATE_USE, cp);
    /* "·" (C2 B7) may not start or end a name or come twice in a row. */
    if (n.dots > 0) {
        p = strstr(s, "\xc2\xb7\xc2\xb7");
        if (p != NULL || memcmp(s, "\xc2\xb7", 2) == 0
            || (len >= 2 && memcmp(s + len - 2, "\xc2\xb7", 2) == 0))
            add(c, a, RULE_STUDENT_NAME_DOT_POSITION, NULL);
    }
}

static bool
all_digits(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return len > 0;
}

static void
check_date(struct model_check *c, const struct at *a, const char *s, size_t len)
{
    int32_t y, m, d;

    if (!model_date_read(s, len, &y, &m, &d))
        add(c, a, RULE_STUDENT_BAD_DATE, NULL);
    else if (model_days_from_civil(y, m, d) > c->today_days)
        add(c, a, RULE_STUDENT_FUTURE_DATE, NULL);
}

static void
check_month(struct model_check *c, const struct at *a, const char *s, size_t len)
{
    int32_t y, m;

    if (!model_month_read(s, len, &y, &m))
        add(c, a, RULE_STUDENT_BAD_MONTH, NULL);
    else if (y > c->today_y || (y == c->today_y && m > c->today_m))
        add(c, a, RULE_STUDENT_FUTURE_DATE, NULL);
}

static void
check_region(struct model_check *c, const struct at *a, const char *s, size_t len)
{
    char code6[7];
    bool retired;

    /* GB/T 2260 (6 digits) or the 12-digit statistical code whose first 6 are one. */
    if ((len != 6 && len != 12) || !all_digits(s, len)) {
        add(c, a, RULE_STUDENT_BAD_REGION, NULL);
        return;
    }
    memcpy(code6, s, 6);
    code6[6] = '\0';
    if (model_region_check(code6, &retired) == NULL)
        add(c, a, RULE_STUDENT_BAD_REGION, NULL);
}

static void
check_ident(struct model_check *c, const struct at *a, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        char ch = s[i];

        if (!((ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || ch == '-')) {
            add(c, a, RULE_STUDENT_BAD_IDENT, NULL);
            return;
        }
    }
}

static void
check_decimal(struct model_check *c, const struct at *a, const char *s, size_t len)
{
    size_t i = 0, digits = 0;

    while (i < len && s[i] >= '0' && s[i] <= '9')
        i++, digits++;
    if (i < len && s[i] == '.') {
        i++;
        while (i < len && s[i] >= '0' && s[i] <= '9')
            i++, digits++;
    }
    if (i != len || digits == 0)
        add(c, a, RULE_STUDENT_BAD_DECIMAL, NULL);
}

static void
check_code(struct model_check *c, const struct at *a, const struct model_field_desc *d,
           const char *s, size_t len)
{
    uint32_t flags = 0;

    if (!model_code_check(d, s, len, &flags))
        add(c, a, RULE_STUDENT_BAD_CODE, d->label_zh);
    /* Only these tables say which codes the registry takes (student_model.md §5). */
    else if ((flags & STUINFO_CODE_REGISTRY) == 0
             && (d->code_table == MODEL_CT_SEX || d->code_table == MODEL_CT_ID_DOC_TYPE))
        add(c, a, RULE_STUDENT_CODE_NOT_REGISTRY, d->label_zh);
}

static void
check_value(struct model_check *c, const struct at *a, const struct model_field_desc *d,
            const struct model_value *v)
{
    const char *s = v->text;
    size_t len = v->len;
    char num[24];

    switch (d->kind) {
    case MODEL_KIND_NAME:
        check_name(c, a, s, len);
        break;
    case MODEL_KIND_DATE:
        check_date(c, a, s, len);
        break;
    case MODEL_KIND_MONTH:
        check_month(c, a, s, len);
        break;
    case MODEL_KIND_MONTH_OR_PRESENT:
        if (strcmp(s, "present") != 0)
            check_month(c, a, s, len);
        break;
    case MODEL_KIND_POSTCODE:
        if (!model_is_postcode(s, len))
            add(c, a, RULE_STUDENT_BAD_POSTCODE, NULL);
        break;
    case MODEL_KIND_PHONE:
        if (d->key[0] == 'm' ? !model_is_mobile(s, len) : !model_is_phone(s, len))
            add(c, a, d->key[0] == 'm' ? RULE_STUDENT_BAD_MOBILE : RULE_STUDENT_BAD_PHONE,
                NULL);
        break;
    case MODEL_KIND_EMAIL:
        if (!model_is_email(s, len))
            add(c, a, RULE_STUDENT_BAD_EMAIL, NULL);
        break;
    case MODEL_KIND_FLAG:
        if (len != 1 || (s[0] != '0' && s[0] != '1'))
            add(c, a, RULE_STUDENT_BAD_FLAG, NULL);
        break;
    case MODEL_KIND_CODE:
        check_code(c, a, d, s, len);
        break;
    case MODEL_KIND_REGION:
        check_region(c, a, s, len);
        break;
    case MODEL_KIND_DIGITS:
        if (len != d->max || !all_digits(s, len))
            add(c, a, RULE_STUDENT_BAD_DIGITS, core_fmt_int(num, d->max));
        break;
    case MODEL_KIND_DECIMAL:
        check_decimal(c, a, s, len);
        break;
    case MODEL_KIND_IDENT:
        check_ident(c, a, s, len);
        break;
    case MODEL_KIND_URL:
        if (memchr(s, '.', len) == NULL && memchr(s, '/', len) == NULL)
            add(c, a, RULE_STUDENT_BAD_URL, NULL);
        break;
    default:
        /* text, address, place, pinyin, idnum: checked by the cross-field rules or free. */
        break;
    }
}

static void
check_group(struct model_check *c, model_group group, size_t index,
            const struct model_value *values)
{
    int32_t count;
    const struct model_field_desc *d = model_group_fields(group, &count);

    for (int32_t f = 1; f <= count; f++) {
        struct at a = {group, index, f};

        if (values[f].text != NULL)
            check_value(c, &a, &d[f], &values[f]);
    }
}

void
model_check_fields(struct model_check *c)
{
    const stuinfo_student *st = c->st;

    check_group(c, MODEL_GROUP_STUDENT, 0, st->v);
    for (size_t i = 0; i < st->family_count; i++)
        check_group(c, MODEL_GROUP_FAMILY, i, st->family[i]->v);
    for (size_t i = 0; i < st->history_count; i++)
        check_group(c, MODEL_GROUP_HISTORY, i, st->history[i]->v);
}

static void
required_group(struct model_check *c, model_group group, size_t index,
               const struct model_value *values)
{
    int32_t count;
    const struct model_field_desc *d = model_group_fields(group, &count);

    for (int32_t f = 1; f <= count; f++)
        if (d[f].req == MODEL_REQ_YES && values[f].text == NULL)
            model_check_add_field(c, RULE_STUDENT_REQUIRED, group, index, f, NULL);
}

void
model_check_required(struct model_check *c)
{
    const stuinfo_student *st = c->st;

    required_group(c, MODEL_GROUP_STUDENT, 0, st->v);
    for (size_t i = 0; i < st->family_count; i++)
        required_group(c, MODEL_GROUP_FAMILY, i, st->family[i]->v);
    for (size_t i = 0; i < st->history_count; i++)
        required_group(c, MODEL_GROUP_HISTORY, i, st->history[i]->v);
}
