/*
 * The per-code entries that the verify fast path copies (tools/gen_idnum_regions.py)
 * against the codes layer's region table they were worked out from: every code's
 * flags and rank, and its names for every birth year, must be what the look-up by
 * year gives.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "codes/codes.h"
#include "codes/codes_tables.h"
#include "idnum/address_impl.h"
#include "idnum/idnum.h"
#include "idnum/region_index.h"

static void
assert_same_name(const char *got, const char *want)
{
    if (want == NULL)
        assert_null(got);
    else
        assert_string_equal(got, want);
}

/* Years around every former name's span, and the ends of what a number can hold. */
static void
test_names_every_year(void **state)
{
    size_t n = sizeof(codes_regions) / sizeof(codes_regions[0]);

    (void)state;
    for (size_t i = 0; i < n; i++) {
        uint32_t code = 0;
        for (int k = 0; k < 6; k++)
            code = code * 10 + (uint32_t)(codes_regions[i].code[k] - '0');
        for (int32_t year = 1780; year <= 2101; year++) {
            stuinfo_idnum_result fast, slow;
            int32_t y = year == 1780 ? 0 : year == 2101 ? 9999 : year;
            memset(&fast, 0x55, sizeof(fast));
            memset(&slow, 0xAA, sizeof(slow));
            fast.birth_year = slow.birth_year = y;
            region_index_names(code, (uint32_t)i, &fast);
            region_index_names_by_year(code, (uint32_t)i, &slow);
            assert_int_equal(fast.region_historic, slow.region_historic);
            assert_same_name(fast.region_name, slow.region_name);
            assert_same_name(fast.prefecture_name, slow.prefecture_name);
            assert_same_name(fast.province_name, slow.province_name);
        }
    }
}

/* Every six-digit code under a mainland province: the flags and the rank. */
static void
test_flags_every_code(void **state)
{
    (void)state;
    for (uint32_t code = 0; code < 1000000; code++) {
        uint32_t p = code / 10000;
        if (idnum_province_class[p] != 1)
            continue;
        char code6[7] = {0};
        for (uint32_t k = 0, v = code; k < 6; k++, v /= 10)
            code6[5 - k] = (char)('0' + v % 10);
        const struct region_entry *r = codes_region_find(code6);
        uint32_t want = code % 10000 == 0 ? STUINFO_IDNUM_FLAG_ADDRESS_PROVINCE
                        : code % 100 == 0 ? STUINFO_IDNUM_FLAG_ADDRESS_PREFECTURE
                        : r == NULL       ? STUINFO_IDNUM_FLAG_ADDRESS_UNKNOWN
                        : r->to_year != 0 ? STUINFO_IDNUM_FLAG_ADDRESS_HISTORIC
                                          : 0;
        uint32_t flags = 0, rank = 0;
        int32_t kind = 0;
        assert_int_equal(idnum_address_resident_at(code, &kind, &flags, &rank), 0);
        assert_int_equal(kind, STUINFO_IDNUM_RESIDENT_18);
        assert_int_equal(flags, want);
        if (r == NULL)
            assert_int_equal(rank, REGION_NO_RANK);
        else
            assert_int_equal(rank, (uint32_t)(r - codes_regions));
        flags = 0;
        assert_int_equal(idnum_address_mainland(code, &flags), 0);
        assert_int_equal(flags, want);
    }
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_names_every_year),
        cmocka_unit_test(test_flags_every_code),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
