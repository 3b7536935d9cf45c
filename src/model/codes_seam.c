/*
 * Code look-ups for the record: local registry lists (data/fields/lists.tsv) here, the
 * code layer's tables through its seam once it is on main (issue 3).
 */
#include <string.h>

#include "canon.h"

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
        if (strlen(e->name) == len && memcmp(e->name, text, len) == 0) {
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
model_code_resolve(stuinfo_ctx *ctx, const struct model_field_desc *d, const char *text,
                   size_t len, const char **code)
{
    (void)ctx;
    *code = NULL;
    if (d->list != MODEL_LIST_NONE)
        return list_resolve(d->list, text, len, code);
    /* Code-layer tables: wired when include/stuinfo/codes.h lands on main. */
    return -1;
}
