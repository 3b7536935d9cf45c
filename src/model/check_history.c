/* Study history and address rules. */
#include <string.h>

#include "canon.h"
#include "date.h"
#include "validate.h"

/* A month as y*12+m-1; -1 when unreadable, INT32_MAX for "present". */
static int32_t
month_index(const struct model_value *v)
{
    int32_t y, m;

    if (v->text == NULL)
        return -1;
    if (strcmp(v->text, "present") == 0)
        return INT32_MAX;
    if (!model_month_read(v->text, v->len, &y, &m))
        return -1;
    return y * 12 + m - 1;
}

void
model_check_history(struct model_check *c)
{
    const stuinfo_student *st = c->st;
    size_t n = st->history_count;
    int32_t prev_end = -1, prev_start = -1;
    char num[24];

    if ((int64_t)n < c->policy->min_history)
        model_check_add(c, RULE_STUDENT_HISTORY_TOO_FEW, "history",
                        core_fmt_int(num, c->policy->min_history));
    for (size_t i = 0; i < n; i++) {
        const struct model_value *v = st->history[i]->v;
        int32_t start = month_index(&v[STUINFO_HISTORY_START]);
        int32_t end = month_index(&v[STUINFO_HISTORY_END]);

        if (start >= 0 && end >= 0 && start > end)
            model_check_add_field(c, RULE_STUDENT_HISTORY_START_AFTER_END,
                                  MODEL_GROUP_HISTORY, i, STUINFO_HISTORY_START, NULL);
        if (start >= 0 && ((prev_end >= 0 && start < prev_end)
                           || (prev_start >= 0 && start < prev_start)))
            model_check_add_field(c, RULE_STUDENT_HISTORY_ORDER, MODEL_GROUP_HISTORY, i,
                                  STUINFO_HISTORY_START, NULL);
        if (end == INT32_MAX && i + 1 < n)
            model_check_add_field(c, RULE_STUDENT_HISTORY_OPEN_NOT_LAST, MODEL_GROUP_HISTORY,
                                  i, STUINFO_HISTORY_END, NULL);
        if (i + 1 == n && end >= 0 && end != INT32_MAX)
            model_check_add_field(c, RULE_STUDENT_HISTORY_LAST_CLOSED, MODEL_GROUP_HISTORY,
                                  i, STUINFO_HISTORY_END, NULL);
        if (start >= 0)
            prev_start = start;
        if (end >= 0 && end != INT32_MAX)
            prev_end = end;
    }
}

/* ---- addresses ---------------------------------------------------------------------- */

/* Province-level divisions of GB/T 2260 (the first two digits of every code). */
static const char *const province_codes[] = {
    "110000", "120000", "130000", "140000", "150000", "210000", "220000", "230000",
    "310000", "320000", "330000", "340000", "350000", "360000", "370000", "410000",
    "420000", "430000", "440000", "450000", "460000", "500000", "510000", "520000",
    "530000", "540000", "610000", "620000", "630000", "640000", "650000", "710000",
    "810000", "820000",
};

/* Suffixes a province name may be written without (longest first). */
static const char *const province_suffixes[] = {
    "\xe7\xbb\xb4\xe5\x90\xbe\xe5\xb0\x94\xe8\x87\xaa\xe6\xb2\xbb\xe5\x8c\xba", /* 维吾尔自治区 */
    "\xe5\xa3\xae\xe6\x97\x8f\xe8\x87\xaa\xe6\xb2\xbb\xe5\x8c\xba",             /* 壮族自治区 */
    "\xe5\x9b\x9e\xe6\x97\x8f\xe8\x87\xaa\xe6\xb2\xbb\xe5\x8c\xba",             /* 回族自治区 */
    "\xe7\x89\xb9\xe5\x88\xab\xe8\xa1\x8c\xe6\x94\xbf\xe5\x8c\xba",             /* 特别行政区 */
    "\xe8\x87\xaa\xe6\xb2\xbb\xe5\x8c\xba",                                     /* 自治区 */
    "\xe7\x9c\x81",                                                             /* 省 */
    "\xe5\xb8\x82",                                                             /* 市 */
};

/* Length of the province-level name (full or short) @p s starts with; 0 if none. */
static size_t
starts_with_province(const char *s, size_t len)
{
    for (size_t i = 0; i < sizeof(province_codes) / sizeof(province_codes[0]); i++) {
        bool retired;
        const char *name = model_region_check(province_codes[i], &retired);
        size_t n, full;

        if (name == NULL)
            continue;
        n = full = strlen(name);
        for (size_t k = 0; k < sizeof(province_suffixes) / sizeof(province_suffixes[0]); k++) {
            size_t sl = strlen(province_suffixes[k]);

            if (n > sl && memcmp(name + n - sl, province_suffixes[k], sl) == 0) {
                n -= sl;
                break;
            }
        }
        /* The short form (广东, 内蒙古, 北京) is a prefix of the full one too. */
        if (len >= full && memcmp(s, name, full) == 0)
            return full;
        if (n >= 6 && len >= n && memcmp(s, name, n) == 0)
            return n;
    }
    return 0;
}

static const char *
find(const char *s, size_t len, const char *word)
{
    size_t w = strlen(word);

    for (size_t i = 0; i + w <= len; i++)
        if (memcmp(s + i, word, w) == 0)
            return s + i;
    return NULL;
}

/* Keywords of the address levels after the province, in order. */
static const char *const level_words[][4] = {
    {"\xe5\xb8\x82", "\xe5\xb7\x9e", "\xe7\x9b\x9f", NULL},                     /* 市 州 盟 */
    {"\xe5\x8c\xba", "\xe5\x8e\xbf", "\xe6\x97\x97", NULL},                     /* 区 县 旗 */
    {"\xe4\xb9\xa1", "\xe9\x95\x87", "\xe8\xa1\x97\xe9\x81\x93", NULL},         /* 乡 镇 街道 */
    {"\xe6\x9d\x91", "\xe7\xa4\xbe\xe5\x8c\xba", "\xe8\xb7\xaf", "\xe8\xa1\x97"}, /* 村 社区 路 街 */
    {"\xe5\x8f\xb7", "\xe5\xae\xa4", "\xe6\xa0\x8b", NULL},                     /* 号 室 栋 */
};

void
model_check_address(struct model_check *c)
{
    size_t len;
    const char *s = model_get(c->st, STUINFO_FIELD_HOME_ADDRESS, &len);
    const char *prev = NULL;
    size_t skip;

    if (s == NULL)
        return;
    skip = starts_with_province(s, len);
    if (skip == 0) {
        model_check_add(c, RULE_STUDENT_ADDRESS_REGION, "home_address", NULL);
        return;
    }
    /* The first word of each level present must come after those of higher levels. */
    for (size_t l = 0; l < sizeof(level_words) / sizeof(level_words[0]); l++) {
        const char *first = NULL;

        for (size_t k = 0; k < 4 && level_words[l][k] != NULL; k++) {
            /* Skip the province name itself (北京市 holds 市). */
            const char *p = find(s + skip, len - skip, level_words[l][k]);

            if (p != NULL && (first == NULL || p < first))
                first = p;
        }
        if (first == NULL)
            continue;
        if (prev != NULL && first < prev) {
            model_check_add(c, RULE_STUDENT_ADDRESS_ORDER, "home_address", NULL);
            return;
        }
        prev = first;
    }
}
