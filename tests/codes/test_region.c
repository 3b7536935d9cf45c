/* GB/T 2260 region lookups: parents, current and retired codes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "test_ctx.h"

static stuinfo_region
region(void)
{
    stuinfo_region r;

    memset(&r, 0, sizeof(r));
    r.size = sizeof(r);
    return r;
}

static void
test_current_county(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_region r = region();

    (void)state;
    /* 130123 正定县, 石家庄市, 河北省 */
    assert_int_equal(stuinfo_region_find(ctx, "130123", 6, &r), STUINFO_OK);
    assert_int_equal(r.level, STUINFO_REGION_COUNTY);
    assert_string_equal(r.county_name, "\xE6\xAD\xA3\xE5\xAE\x9A\xE5\x8E\xBF");
    assert_string_equal(r.prefecture_name, "\xE7\x9F\xB3\xE5\xAE\xB6\xE5\xBA\x84\xE5\xB8\x82");
    assert_string_equal(r.province_name, "\xE6\xB2\xB3\xE5\x8C\x97\xE7\x9C\x81");
    assert_string_equal(r.province_code, "130000");
    assert_string_equal(r.prefecture_code, "130100");
    assert_int_equal(r.last_year, 0);
    assert_false(r.flags & STUINFO_CODE_RETIRED);
    stuinfo_ctx_free(ctx);
}

static void
test_retired_and_placeholder(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_region r = region();

    (void)state;
    /* 110103 崇文区, retired after 2009; its prefecture 110100 is only 市辖区. */
    assert_int_equal(stuinfo_region_find(ctx, "110103", 6, &r), STUINFO_OK);
    assert_true(r.flags & STUINFO_CODE_RETIRED);
    assert_int_equal(r.first_year, 1980);
    assert_int_equal(r.last_year, 2009);
    assert_null(r.prefecture_name);
    assert_string_equal(r.province_name, "\xE5\x8C\x97\xE4\xBA\xAC\xE5\xB8\x82");  /* 北京市 */
    r = region();
    assert_int_equal(stuinfo_region_find(ctx, "110000", 6, &r), STUINFO_OK);
    assert_int_equal(r.level, STUINFO_REGION_PROVINCE);
    assert_null(r.county_name);
    assert_null(r.prefecture_name);
    stuinfo_ctx_free(ctx);
}

static void
test_names_at_year(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_region r = region();

    (void)state;
    /* 130502 襄都区 was 桥东区 until 2019 */
    assert_int_equal(stuinfo_region_find_at(ctx, "130502", 6, 2010, &r), STUINFO_OK);
    assert_string_equal(r.name, "\xE6\xA1\xA5\xE4\xB8\x9C\xE5\x8C\xBA");
    assert_string_equal(r.county_name, r.name);
    assert_int_equal(stuinfo_region_find_at(ctx, "130502", 6, 2021, &r), STUINFO_OK);
    assert_string_equal(r.name, "\xE8\xA5\x84\xE9\x83\xBD\xE5\x8C\xBA");
    assert_int_equal(stuinfo_region_find_at(ctx, "130502", 6, 0, &r), STUINFO_OK);
    assert_string_equal(r.name, "\xE8\xA5\x84\xE9\x83\xBD\xE5\x8C\xBA");
    assert_int_equal(stuinfo_region_find_at(ctx, "130502", 6, -1, &r),
                     STUINFO_ERR_INVALID_ARGUMENT);
    stuinfo_ctx_free(ctx);
}

static void
test_bad_codes(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_region r = region();

    (void)state;
    assert_int_equal(stuinfo_region_find(ctx, "999999", 6, &r), STUINFO_ERR_NOT_FOUND);
    assert_int_equal(stuinfo_region_find(ctx, "11010", 5, &r), STUINFO_ERR_NOT_FOUND);
    assert_int_equal(stuinfo_region_find(ctx, "11010x", 6, &r), STUINFO_ERR_NOT_FOUND);
    assert_int_equal(stuinfo_region_find(ctx, "1101011", 7, &r), STUINFO_ERR_NOT_FOUND);
    assert_int_equal(stuinfo_region_find(ctx, "", 0, &r), STUINFO_ERR_NOT_FOUND);
    assert_int_equal(stuinfo_region_find(ctx, NULL, 6, &r), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_region_find(ctx, "110101", 6, NULL),
                     STUINFO_ERR_INVALID_ARGUMENT);
    r.size = 8;
    assert_int_equal(stuinfo_region_find(ctx, "110101", 6, &r), STUINFO_ERR_INVALID_ARGUMENT);
    stuinfo_ctx_free(ctx);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_current_county),
        cmocka_unit_test(test_retired_and_placeholder),
        cmocka_unit_test(test_names_at_year),
        cmocka_unit_test(test_bad_codes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
