/* The public region lookup: a GB/T 2260 code with its province and prefecture, by
 * their latest names or the names of a given year. */
#include <string.h>

#include "codes/codes_tables.h"
#include "core/core.h"

/* A parent worth naming: a real division, not a grouping row such as 市辖区. */
static const struct region_entry *
parent(int16_t index)
{
    if (index < 0 || codes_regions[index].flags & STUINFO_CODE_PLACEHOLDER)
        return NULL;
    return &codes_regions[index];
}

static const char *
name_of(const struct region_entry *r, int32_t year)
{
    return year == 0 ? r->name : codes_region_name_at(r, year);
}

static stuinfo_status
find(stuinfo_ctx *ctx, const char *code, size_t len, int32_t year, stuinfo_region *out)
{
    const struct region_entry *r, *prov, *pref;
    char buf[24];
    uint32_t size;

    if (ctx == NULL || out == NULL || (code == NULL && len > 0))
        return core_fail(ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_CORE_NULL_ARGUMENT, NULL,
                         NULL);
    if (out->size < sizeof(*out))
        return core_fail(ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_CODES_STRUCT_SIZE,
                         core_fmt_int(buf, (int64_t)sizeof(*out)), NULL);
    if (year < 0 || year > 9999)
        return core_fail(ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_CORE_BAD_OPTION, "year",
                         NULL);
    if (len != 6)
        return core_fail(ctx, STUINFO_ERR_NOT_FOUND, RULE_CODES_REGION_FORMAT, NULL, NULL);
    for (size_t i = 0; i < 6; i++)
        if (code[i] < '0' || code[i] > '9')
            return core_fail(ctx, STUINFO_ERR_NOT_FOUND, RULE_CODES_REGION_FORMAT, NULL,
                             NULL);
    r = codes_region_find(code);
    if (r == NULL)
        return core_fail(ctx, STUINFO_ERR_NOT_FOUND, RULE_CODES_REGION_NOT_FOUND, NULL,
                         NULL);
    size = out->size;
    memset(out, 0, sizeof(*out));
    out->size = size;
    out->level = r->level;
    out->flags = r->flags;
    out->first_year = r->from_year;
    out->last_year = r->to_year;
    out->code = r->code;
    out->name = name_of(r, year);
    prov = r->level == STUINFO_REGION_PROVINCE ? r : parent(r->province);
    pref = r->level == STUINFO_REGION_PREFECTURE ? r
         : r->level == STUINFO_REGION_COUNTY ? parent(r->prefecture) : NULL;
    if (prov != NULL) {
        out->province_name = name_of(prov, year);
        out->province_code = prov->code;
    }
    if (pref != NULL) {
        out->prefecture_name = name_of(pref, year);
        out->prefecture_code = pref->code;
    }
    if (r->level == STUINFO_REGION_COUNTY)
        out->county_name = out->name;
    return core_ok(ctx);
}

stuinfo_status
stuinfo_region_find(stuinfo_ctx *ctx, const char *code, size_t len, stuinfo_region *out)
{
    return find(ctx, code, len, 0, out);
}

stuinfo_status
stuinfo_region_find_at(stuinfo_ctx *ctx, const char *code, size_t len, int32_t year,
                       stuinfo_region *out)
{
    return find(ctx, code, len, year, out);
}
