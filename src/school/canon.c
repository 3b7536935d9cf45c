/* Canonicalization of authority, school, campus and class values: the student record's
 * folding (model_canon) plus code-list names and the grade form. */
#include <string.h>

#include "model/canon.h"
#include "record.h"
#include "text/text.h"

static const char *const stage_names[] = {
    NULL,
    "\xe5\xb0\x8f\xe5\xad\xa6",        /* 小学 */
    "\xe5\x88\x9d\xe4\xb8\xad",        /* 初中 */
    "\xe9\xab\x98\xe4\xb8\xad",        /* 高中 */
};
#define GRADE_SUFFIX "\xe7\xba\xa7"    /* 级 */

const struct school_list_entry *
school_list_find(int list, const char *code, size_t len)
{
    const struct school_list_desc *l;

    if (list <= SCHOOL_LIST_NONE || list >= SCHOOL_LIST_END)
        return NULL;
    l = &school_lists[list];
    for (uint16_t i = 0; i < l->count; i++) {
        const struct school_list_entry *e = &school_list_entries[l->first + i];

        if (strlen(e->code) == len && memcmp(e->code, code, len) == 0)
            return e;
    }
    return NULL;
}

static const struct school_list_entry *
list_by_name(int list, const char *name, size_t len)
{
    const struct school_list_desc *l = &school_lists[list];

    for (uint16_t i = 0; i < l->count; i++) {
        const struct school_list_entry *e = &school_list_entries[l->first + i];

        if (strlen(e->name) == len && memcmp(e->name, name, len) == 0)
            return e;
    }
    return NULL;
}

static int32_t
stage_at(const char *s, size_t len)
{
    for (int32_t i = 1; i <= 3; i++)
        if (len >= 6 && memcmp(s, stage_names[i], 6) == 0)
            return i;
    return 0;
}

static bool
year_at(const char *s, size_t len, int32_t *year)
{
    if (len < 4)
        return false;
    for (int i = 0; i < 4; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    *year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    return *year >= 1900 && *year <= 2199;
}

bool
school_grade_parse(const char *text, size_t len, int32_t *stage, int32_t *year)
{
    if (len != 13)
        return false;
    *stage = stage_at(text, len);
    return *stage != 0 && year_at(text + 6, 7, year) && memcmp(text + 10, GRADE_SUFFIX, 3) == 0;
}

/* "2019级小学", "小学2019", "2019小学" to "小学2019级"; false when not a grade. */
static bool
grade_rewrite(const char *s, size_t n, char *out)
{
    int32_t stage = 0, year = 0;
    size_t rest;

    if ((stage = stage_at(s, n)) != 0) {
        if (!year_at(s + 6, n - 6, &year))
            return false;
        rest = n - 10;
        if (!(rest == 0 || (rest == 3 && memcmp(s + 10, GRADE_SUFFIX, 3) == 0)))
            return false;
    } else if (year_at(s, n, &year)) {
        size_t at = 4;

        if (n >= 7 && memcmp(s + 4, GRADE_SUFFIX, 3) == 0)
            at = 7;
        if (n - at != 6 || (stage = stage_at(s + at, n - at)) == 0)
            return false;
    } else {
        return false;
    }
    memcpy(out, stage_names[stage], 6);
    memcpy(out + 6, s + (stage_at(s, n) != 0 ? 6 : 0), 4);
    memcpy(out + 10, GRADE_SUFFIX, 4);
    return true;
}

/* Wipe and free the canonical value being built: the set fails and stores nothing. */
static void
drop(stuinfo_ctx *ctx, char **out, size_t *out_len, size_t *cap)
{
    core_free_wipe(ctx, *out, *cap);
    *out = NULL;
    *out_len = 0;
    *cap = 0;
}

stuinfo_status
school_canon(stuinfo_ctx *ctx, const struct school_field_desc *d, const char *path,
             const char *text, size_t len, stuinfo_report *report, char **out,
             size_t *out_len, size_t *cap)
{
    const struct school_list_entry *e;
    char grade[16];
    stuinfo_status st, noted = STUINFO_OK;

    struct model_field_desc m = d->m;
    char num[24];

    /* A code list's name or a spaced grade is longer than the stored form: the length
     * is checked after the rewrite below. */
    if (d->skind != SCHOOL_KIND_PLAIN)
        m.max = 200;
    st = model_canon(ctx, &m, path, text, len, report, out, out_len, cap);
    if (st != STUINFO_OK || *out_len == 0)
        return st;
    if (d->skind == SCHOOL_KIND_LIST && school_list_find(d->list, *out, *out_len) == NULL
        && (e = list_by_name(d->list, *out, *out_len)) != NULL) {
        size_t k = strlen(e->code);

        /* Codes are at most a few bytes; the buffer holds at least 16. */
        memcpy(*out, e->code, k + 1);
        *out_len = k;
        school_finding(report, &noted, RULE_SCHOOL_CODE_FROM_NAME, path, e->code);
    } else if (d->skind == SCHOOL_KIND_GRADE && *out_len <= 13) {
        int32_t stage, year;

        if (!school_grade_parse(*out, *out_len, &stage, &year)
            && grade_rewrite(*out, *out_len, grade) && *cap > 13) {
            memcpy(*out, grade, 14);
            *out_len = 13;
            school_finding(report, &noted, RULE_SCHOOL_GRADE_REWRITTEN, path, grade);
        }
    }
    if (noted != STUINFO_OK) {
        /* The note of a rewrite is part of the set: without it, nothing is stored. */
        drop(ctx, out, out_len, cap);
        return core_fail_status(ctx, noted);
    }
    if (text_utf8_count(*out, *out_len) > d->m.max) {
        drop(ctx, out, out_len, cap);
        core_fmt_int(num, d->m.max);
        school_finding(report, &noted, RULE_SCHOOL_TOO_LONG, path, num);
        st = core_fail(ctx, STUINFO_ERR_TOO_LONG, RULE_SCHOOL_TOO_LONG, path, num);
        return noted != STUINFO_OK ? core_fail_status(ctx, noted) : st;
    }
    return core_ok(ctx);
}
