/*
 * The address check against the region table: every code ever listed is known, with
 * the right historic flag and names; unknown county codes under real provinces are only
 * warnings; province- and prefecture-level codes warn; nationality codes of foreigners'
 * cards come from the nationality table.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "test_ctx.h"
#include "codes/codes.h"
#include "codes/codes_tables.h"
#include "idnum/idnum.h"
#include "idnum/region_index.h"

static void
test_every_listed_code(void **state)
{
    size_t n = sizeof(codes_regions) / sizeof(codes_regions[0]);

    (void)state;
    assert_true(n > 7000);
    for (size_t i = 0; i < n; i++) {
        const struct region_entry *r = &codes_regions[i];
        uint32_t code = 0;
        stuinfo_idnum_result out;
        for (int k = 0; k < 6; k++)
            code = code * 10 + (uint32_t)(r->code[k] - '0');
        uint32_t f = region_index_flags(code);
        assert_int_equal(f, r->to_year != 0 ? STUINFO_IDNUM_FLAG_ADDRESS_HISTORIC : 0);
        uint32_t rank;
        out.birth_year = 0;
        region_index_lookup(code, &rank);
        assert_int_equal(rank, i);
        region_index_names(code, rank, &out);
        assert_non_null(out.region_name);
        assert_string_equal(out.region_name, r->name);
        assert_int_equal(out.region_historic, r->to_year != 0);
    }
    assert_int_equal(region_index_flags(430419), STUINFO_IDNUM_FLAG_ADDRESS_UNKNOWN);
    assert_int_equal(region_index_flags(999999), STUINFO_IDNUM_FLAG_ADDRESS_UNKNOWN);
}

struct region_case {
    const char *number;
    uint32_t flag;              /* expected address flag (0 = none) */
    const char *region, *prefecture, *province;
};

static const struct region_case region_cases[] = {
    {"11010519491231002X", 0, "朝阳区", NULL, "北京市"},
    /* 潮阳县: abolished 1993, still valid; the standard's own example, born 1880. */
    {"440524188001010014", STUINFO_IDNUM_FLAG_ADDRESS_HISTORIC, "潮阳县", "汕头市", "广东省"},
    {"44052419850101001X", STUINFO_IDNUM_FLAG_ADDRESS_HISTORIC, "潮阳县", "汕头市", "广东省"},
    /* Real county codes in no public edition: a warning, never a failure. */
    {"43041920100101001X", STUINFO_IDNUM_FLAG_ADDRESS_UNKNOWN, NULL, NULL, NULL},
    {"110000199001010013", STUINFO_IDNUM_FLAG_ADDRESS_PROVINCE, "北京市", NULL, "北京市"},
    {"44190020100101001X", STUINFO_IDNUM_FLAG_ADDRESS_PREFECTURE, "东莞市", "东莞市", "广东省"},
    /* 130123 was named 栾城县 until 1992: the name of the birth year is given. */
    {"130123198801010010", 0, "栾城县", NULL, NULL},
    {"130123199001010017", 0, "栾城县", NULL, NULL},
    /* A county code younger than the holder (110119 延庆区 dates from 2015). */
    {"110119196001010015", 0, NULL, NULL, NULL},
};

static void
test_numbers_with_regions(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    const uint32_t address_flags = STUINFO_IDNUM_FLAG_ADDRESS_UNKNOWN
                                   | STUINFO_IDNUM_FLAG_ADDRESS_PROVINCE
                                   | STUINFO_IDNUM_FLAG_ADDRESS_PREFECTURE
                                   | STUINFO_IDNUM_FLAG_ADDRESS_HISTORIC
                                   | STUINFO_IDNUM_FLAG_ADDRESS_UNCHECKED;

    (void)state;
    for (size_t i = 0; i < sizeof(region_cases) / sizeof(region_cases[0]); i++) {
        const struct region_case *c = &region_cases[i];
        stuinfo_idnum_result r = {.size = sizeof(r)};
        char fixed[19];

        memcpy(fixed, c->number, 19);
        if (i == sizeof(region_cases) / sizeof(region_cases[0]) - 1) {
            /* compute the check character of the last case here */
            static const int w[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
            int sum = 0;
            for (int k = 0; k < 17; k++)
                sum += (fixed[k] - '0') * w[k];
            fixed[17] = "10X98765432"[sum % 11];
        }
        print_message("region case %zu\n", i);
        assert_int_equal(stuinfo_idnum_verify(ctx, fixed, 18, &r), STUINFO_OK);
        assert_int_equal(r.flags & address_flags, c->flag);
        if (c->region != NULL)
            assert_string_equal(r.region_name, c->region);
        if (c->prefecture != NULL)
            assert_string_equal(r.prefecture_name, c->prefecture);
        if (c->province != NULL)
            assert_string_equal(r.province_name, c->province);
    }
    stuinfo_ctx_free(ctx);
}

static void
test_report_warnings(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_report *rep = NULL;
    stuinfo_finding f = {.size = sizeof(f)};

    (void)state;
    assert_int_equal(stuinfo_report_new(ctx, &rep), STUINFO_OK);
    assert_int_equal(stuinfo_idnum_check(ctx, "43041920100101001X", 18, "id_no", rep, NULL),
                     STUINFO_OK);
    assert_int_equal(stuinfo_report_count(rep), 1);
    assert_int_equal(stuinfo_report_get(rep, 0, &f), STUINFO_OK);
    assert_string_equal(f.rule, "idnum.address_unknown");
    assert_int_equal(f.severity, STUINFO_SEVERITY_WARNING);
    stuinfo_report_clear(rep);
    assert_int_equal(stuinfo_idnum_check(ctx, "440524188001010014", 18, "id_no", rep, NULL),
                     STUINFO_OK);
    assert_int_equal(stuinfo_report_get(rep, 0, &f), STUINFO_OK);
    assert_string_equal(f.rule, "idnum.address_historic");
    assert_int_equal(f.severity, STUINFO_SEVERITY_NOTE);
    assert_string_equal(f.message, "address code 440524 (潮阳县) no longer exists; numbers keep "
                                   "the code they were issued with and stay valid");
    stuinfo_report_free(rep);
    stuinfo_ctx_free(ctx);
}

static void
test_nationalities(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_idnum_result r = {.size = sizeof(r)};

    (void)state;
    assert_int_equal(stuinfo_idnum_verify(ctx, "KAA110090123105", 15, &r), STUINFO_ERR_INVALID);
    assert_int_equal(r.reason, STUINFO_IDNUM_ERR_NATIONALITY);
    assert_string_equal(stuinfo_ctx_last_message(ctx), "there is no nationality code KAA");
    assert_int_equal(stuinfo_idnum_verify(ctx, "kaz110090123105", 15, &r), STUINFO_OK);
    assert_true(r.flags & STUINFO_IDNUM_FLAG_LOWER_CASE);
    assert_int_equal(stuinfo_idnum_verify(ctx, "91100019901231002X", 18, &r),
                     STUINFO_ERR_INVALID);
    assert_int_equal(r.reason, STUINFO_IDNUM_ERR_NATIONALITY);
    /* A withdrawn numeric code (Sudan before 2011) stays valid on old cards. */
    assert_int_equal(stuinfo_idnum_verify(ctx, "911736199012310024", 18, &r), STUINFO_OK);
    stuinfo_ctx_free(ctx);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_listed_code),
        cmocka_unit_test(test_numbers_with_regions),
        cmocka_unit_test(test_report_warnings),
        cmocka_unit_test(test_nationalities),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
