/* The data test: every row of every table is found by its code and round-trips
 * code -> name -> code through the public API. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "test_ctx.h"

struct expect_table {
    int32_t table;
    uint32_t rows;              /* rows in data/codes (and ../shared/reference) */
};

static const struct expect_table tables[] = {
    {STUINFO_TABLE_ETHNICITY, 58},
    {STUINFO_TABLE_POLITICAL_STATUS, 13},
    {STUINFO_TABLE_HUKOU_TYPE, 2},
    {STUINFO_TABLE_SEX, 6},
    {STUINFO_TABLE_ID_DOC_TYPE, 13},
    {STUINFO_TABLE_HEALTH_STATUS, 5},
    {STUINFO_TABLE_HMT_OVERSEAS, 16},
    {STUINFO_TABLE_RELATIONSHIP, 84},
    {STUINFO_TABLE_NATIONALITY, 252},
    {STUINFO_TABLE_REGION, 7189},
    {STUINFO_TABLE_HUKOU_TYPE_GA324, 9},
    {STUINFO_TABLE_HUKOU_TYPE_GAT2000_27, 8},
    {STUINFO_TABLE_HEALTH_STATUS_GBT2261_3, 22},
    {STUINFO_TABLE_HEALTH_STATUS_GBT2261_3_SIMPLE, 4},
    {STUINFO_TABLE_RELATIONSHIP_CATEGORY, 9},
};

static stuinfo_code_entry
entry(void)
{
    stuinfo_code_entry e;

    memset(&e, 0, sizeof(e));
    e.size = sizeof(e);
    return e;
}

/*
 * @p text (a name of @p row) must lead back to @p row, or be reported ambiguous.
 * Only region names may be ambiguous (朝阳区 is in Beijing and in Changchun).
 * Returns 1 if ambiguous.
 */
static int
name_round_trip(stuinfo_ctx *ctx, const stuinfo_code_entry *row, const char *text)
{
    stuinfo_code_entry e = entry();
    stuinfo_status st;

    if (text == NULL)
        return 0;
    st = stuinfo_code_find_name(ctx, row->table, text, strlen(text), &e);
    if (st == STUINFO_ERR_AMBIGUOUS && row->table == STUINFO_TABLE_REGION)
        return 1;
    if (st != STUINFO_OK)
        fail_msg("table %d code %s: name \"%s\" gives status %d", row->table, row->code,
                 text, st);
    if (strcmp(e.code, row->code) != 0) {
        /* An alternative code may be shared with a withdrawn row (Sudan 729/736). */
        if (!(row->flags & STUINFO_CODE_RETIRED))
            fail_msg("table %d code %s: name \"%s\" gives code %s", row->table, row->code,
                     text, e.code);
    }
    return 0;
}

static void
test_every_row(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    unsigned ambiguous = 0, retired_names = 0;

    (void)state;
    for (size_t t = 0; t < sizeof(tables) / sizeof(tables[0]); t++) {
        uint32_t n = 0;

        assert_int_equal(stuinfo_code_count(ctx, tables[t].table, &n), STUINFO_OK);
        assert_int_equal(n, tables[t].rows);
        for (uint32_t i = 0; i < n; i++) {
            stuinfo_code_entry row = entry(), e = entry();

            assert_int_equal(stuinfo_code_at(ctx, tables[t].table, i, &row), STUINFO_OK);
            assert_int_equal(row.index, i);
            assert_int_equal(row.table, tables[t].table);
            assert_non_null(row.code);
            assert_non_null(row.name);
            /* code -> row */
            assert_int_equal(stuinfo_code_find(ctx, row.table, row.code, strlen(row.code),
                                               &e), STUINFO_OK);
            assert_int_equal(e.index, i);
            /* code order: shorter codes first, then bytes */
            if (i > 0) {
                stuinfo_code_entry prev = entry();
                size_t lp, lc;
                assert_int_equal(stuinfo_code_at(ctx, row.table, i - 1, &prev), STUINFO_OK);
                lp = strlen(prev.code);
                lc = strlen(row.code);
                assert_true(lp < lc || (lp == lc && strcmp(prev.code, row.code) < 0));
            }
            /* name -> code, for every name the row carries */
            if (row.flags & STUINFO_CODE_RETIRED && row.table == STUINFO_TABLE_REGION) {
                /* A retired region's name may now belong to a current code. */
                e = entry();
                if (stuinfo_code_find_name(ctx, row.table, row.name, strlen(row.name), &e)
                        == STUINFO_OK && strcmp(e.code, row.code) != 0)
                    retired_names++;
                continue;
            }
            ambiguous += (unsigned)name_round_trip(ctx, &row, row.name);
            ambiguous += (unsigned)name_round_trip(ctx, &row, row.short_name);
            ambiguous += (unsigned)name_round_trip(ctx, &row, row.name_en);
            ambiguous += (unsigned)name_round_trip(ctx, &row, row.alpha2);
            ambiguous += (unsigned)name_round_trip(ctx, &row, row.alpha3);
            ambiguous += (unsigned)name_round_trip(ctx, &row, row.code);
        }
    }
    print_message("region names shared by several current codes: %u; retired region "
                  "names now used by another code: %u\n", ambiguous, retired_names);
    stuinfo_ctx_free(ctx);
}

static void
test_table_info(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();

    (void)state;
    for (size_t t = 0; t < sizeof(tables) / sizeof(tables[0]); t++) {
        stuinfo_code_table_info info;

        memset(&info, 0, sizeof(info));
        info.size = sizeof(info);
        assert_int_equal(stuinfo_code_table_get_info(ctx, tables[t].table, &info),
                         STUINFO_OK);
        assert_int_equal(info.table, tables[t].table);
        assert_int_equal(info.count, tables[t].rows);
        assert_non_null(info.key);
        assert_true(strlen(info.title) > 0);
        assert_true(strlen(info.standard) > 0);
        assert_true(strlen(info.sources) > 0);
    }
    stuinfo_ctx_free(ctx);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_row),
        cmocka_unit_test(test_table_info),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
