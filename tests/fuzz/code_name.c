/*
 * Fuzz target "code_name": look-ups in the compiled-in code tables by what people
 * type (stuinfo_code_find_name), by code (stuinfo_code_find) and by region code.
 * Input: one byte choosing the table (out-of-range values included), then the text.
 * Properties: a status from the documented list, never NOMEM (look-ups never
 * allocate); a found entry belongs to the table asked for and is found again by its
 * own code; the ctx message holds no ID number.
 */
#include <stdint.h>
#include <string.h>

#include "fuzz_common.h"

static void
check_status(stuinfo_status st, const char *what)
{
    switch (st) {
    case STUINFO_OK:
    case STUINFO_ERR_NOT_FOUND:
    case STUINFO_ERR_AMBIGUOUS:
    case STUINFO_ERR_ENCODING:
    case STUINFO_ERR_INVALID:
    case STUINFO_ERR_TOO_LONG:
    case STUINFO_ERR_INVALID_ARGUMENT:
        break;
    default:
        fuzz_fail(what);
    }
    fuzz_check_status(st, what);
    fuzz_check_message(what);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    stuinfo_ctx *ctx;
    stuinfo_code_entry e, again;
    stuinfo_region r;
    stuinfo_status st;
    int32_t table;

    fuzz_begin_clean();
    ctx = fuzz_ctx();
    if (size < 1)
        return 0;
    table = (int32_t)(data[0] % 20) - 1;        /* -1 .. 18: unknown tables too */
    data++;
    size--;

    memset(&e, 0, sizeof(e));
    e.size = sizeof(e);
    st = stuinfo_code_find_name(ctx, table, (const char *)data, size, &e);
    check_status(st, "stuinfo_code_find_name");
    if (st == STUINFO_OK) {
        if (e.table != table || e.code == NULL || e.name == NULL)
            fuzz_fail("stuinfo_code_find_name: entry of another table, or no code");
        memset(&again, 0, sizeof(again));
        again.size = sizeof(again);
        if (stuinfo_code_find(ctx, table, e.code, strlen(e.code), &again) != STUINFO_OK
            || again.index != e.index)
            fuzz_fail("stuinfo_code_find_name: the entry's code does not find it again");
    }

    memset(&e, 0, sizeof(e));
    e.size = sizeof(e);
    st = stuinfo_code_find(ctx, table, (const char *)data, size, &e);
    check_status(st, "stuinfo_code_find");
    if (st == STUINFO_OK && e.table != table)
        fuzz_fail("stuinfo_code_find: entry of another table");

    memset(&r, 0, sizeof(r));
    r.size = sizeof(r);
    st = stuinfo_region_find(ctx, (const char *)data, size, &r);
    check_status(st, "stuinfo_region_find");
    if (st == STUINFO_OK && (size != 6 || memcmp(r.code, data, 6) != 0))
        fuzz_fail("stuinfo_region_find: found something other than the six digits");

    fuzz_check_no_leak("code_name");
    return 0;
}
