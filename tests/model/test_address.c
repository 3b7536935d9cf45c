/* Addresses: the built-in province names agree with the region table; order checks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "model/address.h"
#include "codes/codes.h"

#define S(x) x, sizeof(x) - 1

static void
test_provinces_match_region_table(void **state)
{
    (void)state;
    for (size_t i = 0; i < MODEL_PROVINCE_COUNT; i++) {
        const struct region_entry *r = codes_region_find(model_provinces[i].code);

        assert_non_null(r);
        assert_string_equal(r->name, model_provinces[i].name);
        assert_int_equal(strncmp(model_provinces[i].name, model_provinces[i].short_name,
                                 strlen(model_provinces[i].short_name)), 0);
    }
}

static void
test_order(void **state)
{
    (void)state;
    assert_int_equal(model_address_province(S("北京市海淀区中关村大街1号")), strlen("北京市"));
    assert_int_equal(model_address_province(S("广西南宁市青秀区")), strlen("广西"));
    assert_int_equal(model_address_province(S("海淀区")), 0);
    assert_int_equal(model_address_province(S("北")), 0);
    assert_true(model_address_in_order(S("北京市海淀区中关村大街1号"), strlen("北京市")));
    assert_true(model_address_in_order(S("广东省深圳市南山区粤海街道科技园路1号"),
                                       strlen("广东省")));
    assert_true(model_address_in_order(S("新疆维吾尔自治区乌鲁木齐市天山区幸福路2号"),
                                       strlen("新疆维吾尔自治区")));
    assert_false(model_address_in_order(S("北京市建国路1号朝阳区"), strlen("北京市")));
    assert_false(model_address_in_order(S("河北省保定镇某某县"), strlen("河北省")));
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_provinces_match_region_table),
        cmocka_unit_test(test_order),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
