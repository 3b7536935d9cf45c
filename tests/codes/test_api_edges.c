/* Code-table API at its edges (issue 9): NULL and too-small outputs, unknown tables and
 * keys, NULL text with a length, names with a forbidden character beyond the BMP, and
 * the internal look-ups given text that is not a code. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "test_ctx.h"
#include "codes/codes.h"
#include "core/core.h"

static void
test_table_info_and_keys(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_code_table_info info;
    int32_t t = 99;

    (void)state;
    memset(&info, 0, sizeof(info));
    info.size = sizeof(info) - 1;                 /* an older, smaller struct */
    assert_int_equal(stuinfo_code_table_get_info(ctx, STUINFO_TABLE_ETHNICITY, &info),
                     STUINFO_ERR_INVALID_ARGUMENT);
    info.size = sizeof(info);
    assert_int_equal(stuinfo_code_table_get_info(ctx, STUINFO_TABLE_ETHNICITY, &info),
                     STUINFO_OK);
    assert_string_equal(info.key, "ethnicity");
    assert_int_equal(stuinfo_code_table_get_info(ctx, 0, &info), STUINFO_ERR_INVALID_ARGUMENT);

    /* from_key: exact key only; NULL with a length and a NULL output are refused */
    assert_int_equal(stuinfo_code_table_from_key(ctx, "ethnicity", 9, &t), STUINFO_OK);
    assert_int_equal(t, STUINFO_TABLE_ETHNICITY);
    assert_int_equal(stuinfo_code_table_from_key(ctx, "ethnicit", 8, &t), STUINFO_ERR_NOT_FOUND);
    assert_int_equal(t, 0);
    assert_int_equal(stuinfo_code_table_from_key(ctx, "", 0, &t), STUINFO_ERR_NOT_FOUND);
    assert_int_equal(stuinfo_code_table_from_key(ctx, NULL, 3, &t),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_code_table_from_key(ctx, "sex", 3, NULL),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_code_table_from_key(NULL, "sex", 3, &t),
                     STUINFO_ERR_INVALID_ARGUMENT);
    stuinfo_ctx_free(ctx);
}

static void
test_entry_outputs(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_code_entry e;

    (void)state;
    memset(&e, 0, sizeof(e));
    e.size = 4;
    assert_int_equal(stuinfo_code_at(ctx, STUINFO_TABLE_SEX, 0, &e),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_code_find(ctx, STUINFO_TABLE_SEX, "1", 1, &e),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_code_find_name(ctx, STUINFO_TABLE_ETHNICITY, "\xE6\xB1\x89", 3,
                                            &e),
                     STUINFO_ERR_INVALID_ARGUMENT);
    e.size = sizeof(e);
    assert_int_equal(stuinfo_code_find(ctx, STUINFO_TABLE_SEX, NULL, 1, &e),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_code_find_name(ctx, STUINFO_TABLE_SEX, NULL, 1, &e),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_code_find(ctx, STUINFO_TABLE_SEX, "1", 1, &e), STUINFO_OK);
    assert_string_equal(e.code, "1");
    stuinfo_ctx_free(ctx);
}

/* A forbidden character beyond the BMP is named with six hex digits. */
static void
test_forbidden_supplementary(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_code_entry e = {.size = sizeof(e)};
    /* 汉 followed by U+E0001 LANGUAGE TAG (default-ignorable) */
    static const char name[] = "\xE6\xB1\x89\xF3\xA0\x80\x81";

    (void)state;
    assert_int_equal(stuinfo_code_find_name(ctx, STUINFO_TABLE_ETHNICITY, name,
                                            sizeof(name) - 1, &e),
                     STUINFO_ERR_INVALID);
    assert_non_null(strstr(stuinfo_ctx_last_message(ctx), "(U+E0001 "));   /* not U+0E0001 */
    stuinfo_ctx_free(ctx);
}

/* The internal look-ups: nothing for text that is not a code, or no table. */
static void
test_internal_lookups(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    const struct code_entry *e = (const struct code_entry *)1;

    (void)state;
    assert_null(codes_region_find(NULL));
    assert_null(codes_region_find("11a105"));
    assert_non_null(codes_region_find("110105"));
    assert_null(codes_by_code(0, "1", 1));
    assert_null(codes_by_code(STUINFO_TABLE_SEX, "", 0));
    assert_int_equal(codes_by_name(core_text(ctx), STUINFO_TABLE_SEX, "x", 1, NULL),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(codes_by_name(NULL, STUINFO_TABLE_SEX, "x", 1, &e),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_null(e);
    stuinfo_ctx_free(ctx);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_table_info_and_keys),
        cmocka_unit_test(test_entry_outputs),
        cmocka_unit_test(test_forbidden_supplementary),
        cmocka_unit_test(test_internal_lookups),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
