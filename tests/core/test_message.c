/* Message templates: placeholders, truncation on UTF-8 boundaries, integers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/core.h"
#include "text/text.h"
#include "test_ctx.h"

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

/*
 * core_fail() keeps the rule and arguments and the message is expanded when asked for:
 * it must read exactly as expanding it at once would, for arguments of any length (cut
 * on a UTF-8 boundary at the cap), in the language of the failing call.
 */
static void
test_deferred_message_same_as_eager(void **state)
{
    static const char *const pieces[] = {"a", "\xe6\xb1\x89", "\xf0\x9f\x98\x80", "{1}", ""};
    stuinfo_ctx *ctx = test_ctx_new();
    char arg1[1400], arg2[1400], eager[600];

    (void)state;
    for (int round = 0; round < 400; round++) {
        size_t n1 = 0, n2 = 0, target1 = (size_t)(round * 37) % 1300, target2 = (size_t)round % 9;
        int k = round;

        while (n1 + 4 < target1) {
            const char *p = pieces[(k++ * 7) % 4];
            memcpy(arg1 + n1, p, strlen(p));
            n1 += strlen(p);
        }
        arg1[n1] = '\0';
        while (n2 + 4 < target2 * 60) {
            const char *p = pieces[(k++ * 3) % 5];
            memcpy(arg2 + n2, p, strlen(p));
            n2 += strlen(p);
        }
        arg2[n2] = '\0';
        stuinfo_lang lang = round % 2 ? STUINFO_LANG_EN : STUINFO_LANG_ZH_CN;
        rule_id rule = round % 3 ? RULE_CORE_BAD_OPTION : RULE_TEXT_NUL;
        const char *a2 = round % 5 ? arg2 : NULL;

        assert_int_equal(stuinfo_ctx_set_lang(ctx, lang), STUINFO_OK);
        core_message_format(eager, 512, rule, lang, arg1, a2);
        assert_int_equal(core_fail(ctx, STUINFO_ERR_INVALID, rule, arg1, a2),
                         STUINFO_ERR_INVALID);
        assert_int_equal(stuinfo_ctx_last_status(ctx), STUINFO_ERR_INVALID);
        /* the arguments' buffers may change after the call */
        memset(arg1, 'Q', n1);
        assert_string_equal(stuinfo_ctx_last_message(ctx), eager);
        assert_string_equal(stuinfo_ctx_last_message(ctx), eager);
    }
    core_ok(ctx);
    assert_string_equal(stuinfo_ctx_last_message(ctx), "");
    stuinfo_ctx_free(ctx);
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
        cmocka_unit_test(test_deferred_message_same_as_eager),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
