/* Message templates: placeholders, truncation on UTF-8 boundaries, integers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/core.h"
#include "text/text.h"

static void
test_placeholders(void **state)
{
    char buf[128];

    (void)state;
    core_message_format(buf, sizeof(buf), RULE_CORE_BAD_OPTION, STUINFO_LANG_EN, "x", NULL);
    assert_string_equal(buf, "invalid option: x");
    core_message_format(buf, sizeof(buf), RULE_CORE_BAD_OPTION, STUINFO_LANG_EN, NULL, NULL);
    assert_string_equal(buf, "invalid option: ");
    core_message_format(buf, sizeof(buf), RULE_CORE_BAD_OPTION, STUINFO_LANG_ZH_CN, "y",
                        NULL);
    assert_string_equal(buf, "选项无效：y");
}

static void
test_truncation_keeps_utf8(void **state)
{
    char buf[64];
    size_t n;

    (void)state;
    /* Every cut of the Chinese message must stay valid UTF-8 and NUL-terminated. */
    for (size_t cap = 1; cap < sizeof(buf); cap++) {
        memset(buf, 'Z', sizeof(buf));
        n = core_message_format(buf, cap, RULE_CORE_BAD_OPTION, STUINFO_LANG_ZH_CN,
                                "汉字汉字汉字", NULL);
        assert_true(n < cap);
        assert_int_equal(buf[n], '\0');
        assert_int_equal(text_utf8_check(buf, n, NULL), TEXT_OK);
    }
    assert_int_equal(core_message_format(buf, 0, RULE_CORE_BAD_OPTION, STUINFO_LANG_EN,
                                         NULL, NULL), 0);
}

static void
test_fmt_int(void **state)
{
    char buf[24];

    (void)state;
    assert_string_equal(core_fmt_int(buf, 0), "0");
    assert_string_equal(core_fmt_int(buf, 7), "7");
    assert_string_equal(core_fmt_int(buf, -42), "-42");
    assert_string_equal(core_fmt_int(buf, INT64_MAX), "9223372036854775807");
    assert_string_equal(core_fmt_int(buf, INT64_MIN), "-9223372036854775808");
}

static void
test_rules_registry(void **state)
{
    rule_id r;

    (void)state;
    assert_true(rules_find("text.nul", &r));
    assert_int_equal(r, RULE_TEXT_NUL);
    assert_string_equal(rules_id_str(r), "text.nul");
    assert_false(rules_find("text.nope", &r));
    assert_int_equal(rules_severity(RULE_TEXT_NUL), STUINFO_SEVERITY_ERROR);
    /* every rule has both messages and a well-formed id */
    for (int i = 0; i < RULE_COUNT; i++) {
        assert_true(strlen(rules_template((rule_id)i, STUINFO_LANG_EN)) > 0);
        assert_true(strlen(rules_template((rule_id)i, STUINFO_LANG_ZH_CN)) > 0);
        assert_non_null(strchr(rules_id_str((rule_id)i), '.'));
        assert_true(rules_find(rules_id_str((rule_id)i), &r));
        assert_int_equal(r, i);
    }
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_placeholders),
        cmocka_unit_test(test_truncation_keeps_utf8),
        cmocka_unit_test(test_fmt_int),
        cmocka_unit_test(test_rules_registry),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
