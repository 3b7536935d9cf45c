/* The public code-table calls: table information, enumeration, lookup by code and by
 * name. */
#include <string.h>

#include "codes/codes_tables.h"
#include "core/core.h"
#include "text/fold.h"
#include "text/text.h"

_Static_assert((int)CODES_TABLE_MAX == (int)STUINFO_TABLE_RELATIONSHIP_CATEGORY,
               "data/codes and include/stuinfo/codes.h disagree on the tables");
_Static_assert((int)CODES_REGION_TABLE == (int)STUINFO_TABLE_REGION, "region table id");

static stuinfo_status
bad_size(stuinfo_ctx *ctx, size_t need)
{
    char buf[24];

    return core_fail(ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_CODES_STRUCT_SIZE,
                     core_fmt_int(buf, (int64_t)need), NULL);
}

/* Checks shared by every call: ctx, table and output. NULL = checks failed (recorded). */
static const struct code_table *
checked_table(stuinfo_ctx *ctx, int32_t table, const void *out, stuinfo_status *st)
{
    const struct code_table *t;

    if (ctx == NULL || out == NULL) {
        *st = core_fail(ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_CORE_NULL_ARGUMENT, NULL,
                        NULL);
        return NULL;
    }
    t = codes_table(table);
    if (t == NULL)
        *st = core_fail(ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_CODES_UNKNOWN_TABLE, NULL,
                        NULL);
    return t;
}

static void
fill_entry(const struct code_entry *e, stuinfo_code_entry *out)
{
    uint32_t size = out->size;

    memset(out, 0, sizeof(*out));
    out->size = size;
    out->table = e->table;
    out->index = e->index;
    out->flags = e->flags;
    out->code = e->code;
    out->name = e->name;
    out->short_name = e->short_name;
    out->name_en = e->name_en;
    out->alpha2 = e->alpha2;
    out->alpha3 = e->alpha3;
    out->parent = e->parent;
}

stuinfo_status
stuinfo_code_table_get_info(stuinfo_ctx *ctx, int32_t table, stuinfo_code_table_info *out)
{
    stuinfo_status st = STUINFO_OK;
    const struct code_table *t = checked_table(ctx, table, out, &st);
    uint32_t size;

    if (t == NULL)
        return st;
    if (out->size < sizeof(*out))
        return bad_size(ctx, sizeof(*out));
    size = out->size;
    memset(out, 0, sizeof(*out));
    out->size = size;
    out->table = t->id;
    out->count = t->count;
    out->year = t->year;
    out->key = t->key;
    out->title = t->title;
    out->title_en = t->title_en;
    out->standard = t->standard;
    out->sources = t->sources;
    return core_ok(ctx);
}

stuinfo_status
stuinfo_code_table_from_key(stuinfo_ctx *ctx, const char *key, size_t len, int32_t *out)
{
    if (ctx == NULL || out == NULL || (key == NULL && len > 0))
        return core_fail(ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_CORE_NULL_ARGUMENT, NULL,
                         NULL);
    *out = 0;
    for (int t = 1; t <= CODES_TABLE_MAX; t++) {
        const char *k = codes_tables[t].key;
        if (len > 0 && strlen(k) == len && memcmp(k, key, len) == 0) {
            *out = t;
            return core_ok(ctx);
        }
    }
    return core_fail(ctx, STUINFO_ERR_NOT_FOUND, RULE_CODES_UNKNOWN_TABLE, NULL, NULL);
}

stuinfo_status
stuinfo_code_count(stuinfo_ctx *ctx, int32_t table, uint32_t *out)
{
    stuinfo_status st = STUINFO_OK;
    const struct code_table *t = checked_table(ctx, table, out, &st);

    if (t == NULL)
        return st;
    *out = t->count;
    return core_ok(ctx);
}

stuinfo_status
stuinfo_code_at(stuinfo_ctx *ctx, int32_t table, uint32_t index, stuinfo_code_entry *out)
{
    stuinfo_status st = STUINFO_OK;
    const struct code_table *t = checked_table(ctx, table, out, &st);

    if (t == NULL)
        return st;
    if (out->size < sizeof(*out))
        return bad_size(ctx, sizeof(*out));
    if (index >= t->count)
        return core_fail(ctx, STUINFO_ERR_NOT_FOUND, RULE_CORE_INDEX_RANGE, NULL, NULL);
    fill_entry(&t->entries[index], out);
    return core_ok(ctx);
}

stuinfo_status
stuinfo_code_find(stuinfo_ctx *ctx, int32_t table, const char *code, size_t len,
                  stuinfo_code_entry *out)
{
    stuinfo_status st = STUINFO_OK;
    const struct code_table *t = checked_table(ctx, table, out, &st);
    const struct code_entry *e;

    if (t == NULL)
        return st;
    if (out->size < sizeof(*out))
        return bad_size(ctx, sizeof(*out));
    if (code == NULL && len > 0)
        return core_fail(ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_CORE_NULL_ARGUMENT, NULL,
                         NULL);
    e = codes_by_code(table, code, len);
    if (e == NULL)
        return core_fail(ctx, STUINFO_ERR_NOT_FOUND, RULE_CODES_CODE_NOT_FOUND, t->key,
                         NULL);
    fill_entry(e, out);
    return core_ok(ctx);
}

/* "U+202E" for @p c in @p buf (12 bytes): names a character without showing it. */
static const char *
code_point_name(uint32_t c, char *buf)
{
    static const char hex[] = "0123456789ABCDEF";
    int k = 0;

    buf[k++] = 'U';
    buf[k++] = '+';
    /* four hex digits at least, more only as needed: U+202E, U+E0001 */
    int top = 12;
    while ((c >> (top + 4)) != 0)
        top += 4;
    for (int shift = top; shift >= 0; shift -= 4)
        buf[k++] = hex[(c >> shift) & 0xf];
    buf[k] = '\0';
    return buf;
}

stuinfo_status
stuinfo_code_find_name(stuinfo_ctx *ctx, int32_t table, const char *text, size_t len,
                       stuinfo_code_entry *out)
{
    stuinfo_status st = STUINFO_OK;
    const struct code_table *t = checked_table(ctx, table, out, &st);
    const struct code_entry *e = NULL;
    char buf[24], cp[12];
    size_t bad = 0;

    if (t == NULL)
        return st;
    if (out->size < sizeof(*out))
        return bad_size(ctx, sizeof(*out));
    if (text == NULL && len > 0)
        return core_fail(ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_CORE_NULL_ARGUMENT, NULL,
                         NULL);
    st = codes_by_name(core_text(ctx), table, text, len, &e);
    switch (st) {
    case STUINFO_OK:
        fill_entry(e, out);
        return core_ok(ctx);
    case STUINFO_ERR_NOT_FOUND:
        if (len == 0)
            return core_fail(ctx, st, RULE_CODES_NAME_EMPTY, NULL, NULL);
        return core_fail(ctx, st, RULE_CODES_NAME_NOT_FOUND, t->key, NULL);
    case STUINFO_ERR_AMBIGUOUS:
        return core_fail(ctx, st, RULE_CODES_NAME_AMBIGUOUS, t->key, NULL);
    case STUINFO_ERR_TOO_LONG:
        return core_fail(ctx, st, RULE_CODES_NAME_TOO_LONG,
                         core_fmt_int(buf, CODES_NAME_MAX), NULL);
    case STUINFO_ERR_INVALID:
        code_point_name(text_find_forbidden(text, len, &bad), cp);
        return core_fail(ctx, st, RULE_CODES_NAME_FORBIDDEN_CHAR, cp,
                         core_fmt_int(buf, (int64_t)bad));
    case STUINFO_ERR_ENCODING:
        if (text_utf8_check(text, len, &bad) == TEXT_NUL)
            return core_fail(ctx, st, RULE_TEXT_NUL, core_fmt_int(buf, (int64_t)bad), NULL);
        return core_fail(ctx, st, RULE_TEXT_INVALID_UTF8, core_fmt_int(buf, (int64_t)bad),
                         NULL);
    default:
        return core_fail_status(ctx, st);
    }
}
