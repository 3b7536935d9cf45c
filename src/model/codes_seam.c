/*
 * Code look-ups for the record: the code layer's tables (src/codes) and the local
 * registry lists of data/fields/lists.tsv, by code or by name.
 */
#include <string.h>

#include "canon.h"
#include "codes/codes.h"
#include "text/fold.h"

static int
list_resolve(int list, const char *text, size_t len, const char **code)
{
    const struct model_list_desc *l = &model_lists[list];
    const char *by_name = NULL;
    int names = 0;

    for (uint16_t i = 0; i < l->count; i++) {
        const struct model_list_entry *e = &model_list_entries[l->first + i];

        if (strlen(e->code) == len && memcmp(e->code, text, len) == 0) {
            *code = e->code;
            return 1;
        }
    }
    for (uint16_t i = 0; i < l->count; i++) {
        const struct model_list_entry *e = &model_list_entries[l->first + i];
        /* The value was folded as a code field is (full width, case, spaces): fold the
         * name the same way, so 自行车（含…） matches after its brackets became ASCII. */
        char folded[2 * 128 + 1] = "";
        size_t n = strlen(e->name), fn = 0;

        if (n <= 128)
            text_fold(e->name, n, TEXT_FOLD_WIDTH | TEXT_FOLD_UPPER | TEXT_FOLD_NO_SPACES,
                      folded, &fn);
        if ((strlen(e->name) == len && memcmp(e->name, text, len) == 0)
            || (fn == len && memcmp(folded, text, len) == 0)) {
            by_name = e->code;
            names++;
        }
    }
    /* A name shared by two codes (其他) is not resolved: never a guess. */
    if (names == 1) {
        *code = by_name;
        return 1;
    }
    return 0;
}

int
model_code_table_id(int code_table)
{
    switch (code_table) {
    case MODEL_CT_SEX: return STUINFO_TABLE_SEX;
    case MODEL_CT_ETHNICITY: return STUINFO_TABLE_ETHNICITY;
    case MODEL_CT_NATIONALITY: return STUINFO_TABLE_NATIONALITY;
    case MODEL_CT_ID_DOC_TYPE: return STUINFO_TABLE_ID_DOC_TYPE;
    case MODEL_CT_HMT_OVERSEAS: return STUINFO_TABLE_HMT_OVERSEAS;
    case MODEL_CT_POLITICAL_STATUS: return STUINFO_TABLE_POLITICAL_STATUS;
    case MODEL_CT_HEALTH_STATUS: return STUINFO_TABLE_HEALTH_STATUS;
    case MODEL_CT_HUKOU_TYPE: return STUINFO_TABLE_HUKOU_TYPE;
    case MODEL_CT_RELATIONSHIP: return STUINFO_TABLE_RELATIONSHIP;
    default: return 0;
    }
}

/* The code a record stores for an entry: nationality keeps the registry's alpha-3 (CHN). */
static const char *
stored_code(int code_table, const struct code_entry *e)
{
    if (code_table == MODEL_CT_NATIONALITY && e->alpha3 != NULL)
        return e->alpha3;
    return e->code;
}

int
model_code_resolve(stuinfo_ctx *ctx, const struct model_field_desc *d, const char *text,
                   size_t len, const char **code)
{
    const struct code_entry *e;
    int table;

    *code = NULL;
    if (d->list != MODEL_LIST_NONE)
        return list_resolve(d->list, text, len, code);
    table = model_code_table_id(d->code_table);
    if (table == 0)
        return -1;
    e = codes_by_code(table, text, len);
    if (e == NULL && ctx != NULL
        && codes_by_name(core_text(ctx), table, text, len, &e) != STUINFO_OK)
        e = NULL;
    if (e == NULL)
        return 0;
    *code = stored_code(d->code_table, e);
    return 1;
}

int
model_code_check(const struct model_field_desc *d, const char *text, size_t len,
                 uint32_t *flags)
{
    const struct code_entry *e;
    const char *code = NULL;
    int table;

    *flags = STUINFO_CODE_REGISTRY;
    if (d->list != MODEL_LIST_NONE)
        return list_resolve(d->list, text, len, &code) == 1 && strlen(code) == len;
    table = model_code_table_id(d->code_table);
    e = table != 0 ? codes_by_code(table, text, len) : NULL;
    if (e == NULL || strcmp(stored_code(d->code_table, e), text) != 0)
        return 0;
    *flags = e->flags;
    return 1;
}

const char *
model_region_check(const char *code6, bool *retired)
{
    const struct region_entry *r = codes_region_find(code6);

    *retired = r != NULL && (r->flags & STUINFO_CODE_RETIRED) != 0;
    return r != NULL ? r->name : NULL;
}

int
model_region_resolve(stuinfo_ctx *ctx, const char *text, size_t len, const char **code)
{
    const struct code_entry *e = NULL;

    *code = NULL;
    if (codes_by_name(core_text(ctx), STUINFO_TABLE_REGION, text, len, &e) != STUINFO_OK)
        return 0;
    *code = e->code;
    return 1;
}
