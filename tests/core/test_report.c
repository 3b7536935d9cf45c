/* Reports: adding findings, reading them back, severities, JSON, clearing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <jansson.h>

#include "test_ctx.h"
#include "core/core.h"
#include "core/report.h"

static void
test_add_and_get(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_report *r = NULL;
    stuinfo_finding f = {.size = sizeof(f)};

    (void)state;
    assert_int_equal(stuinfo_report_new(ctx, &r), STUINFO_OK);
    assert_int_equal(stuinfo_report_count(r), 0);
    assert_int_equal(core_report_add(r, RULE_TEXT_INVALID_UTF8, "name", "5", NULL),
                     STUINFO_OK);
    core_report_set_row(r, 12);
    assert_int_equal(core_report_add_severity(r, STUINFO_SEVERITY_WARNING, RULE_TEXT_NUL,
                                              "family[1].phone", "2", NULL),
                     STUINFO_OK);
    assert_int_equal(stuinfo_report_count(r), 2);
    assert_int_equal(stuinfo_report_count_severity(r, STUINFO_SEVERITY_ERROR), 1);
    assert_int_equal(stuinfo_report_count_severity(r, STUINFO_SEVERITY_WARNING), 1);
    assert_int_equal(stuinfo_report_count_severity(r, STUINFO_SEVERITY_NOTE), 0);

    assert_int_equal(stuinfo_report_get(r, 0, &f), STUINFO_OK);
    assert_int_equal(f.severity, STUINFO_SEVERITY_ERROR);
    assert_int_equal(f.row, 0);
    assert_string_equal(f.rule, "text.invalid_utf8");
    assert_string_equal(f.field, "name");
    assert_string_equal(f.message, "not valid UTF-8 text (byte 5)");

    assert_int_equal(stuinfo_report_get(r, 1, &f), STUINFO_OK);
    assert_int_equal(f.row, 12);
    assert_string_equal(f.field, "family[1].phone");
    assert_true(core_report_has_rule(r, RULE_TEXT_NUL));
    assert_false(core_report_has_rule(r, RULE_TEXT_TOO_LONG));

    assert_int_equal(stuinfo_report_get(r, 2, &f), STUINFO_ERR_NOT_FOUND);
    assert_int_equal(stuinfo_ctx_last_status(ctx), STUINFO_ERR_NOT_FOUND);
    f.size = 4;
    assert_int_equal(stuinfo_report_get(r, 0, &f), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_report_get(NULL, 0, &f), STUINFO_ERR_INVALID_ARGUMENT);

    assert_int_equal(stuinfo_report_clear(r), STUINFO_OK);
    assert_int_equal(stuinfo_report_count(r), 0);
    stuinfo_report_free(r);
    stuinfo_ctx_free(ctx);
}

static void
test_message_language_follows_ctx(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_report *r = NULL;
    stuinfo_finding f = {.size = sizeof(f)};

    (void)state;
    assert_int_equal(stuinfo_report_new(ctx, &r), STUINFO_OK);
    stuinfo_ctx_set_lang(ctx, STUINFO_LANG_ZH_CN);
    assert_int_equal(core_report_add(r, RULE_TEXT_NUL, "name", "9", NULL), STUINFO_OK);
    assert_int_equal(stuinfo_report_get(r, 0, &f), STUINFO_OK);
    assert_string_equal(f.message, "文本中含有 NUL 字符（第 9 字节）");
    stuinfo_report_free(r);
    stuinfo_ctx_free(ctx);
}

static void
test_json(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_report *r = NULL;
    const char *json = NULL;
    size_t len = 0;
    json_error_t err;
    json_t *doc;

    (void)state;
    assert_int_equal(stuinfo_report_new(ctx, &r), STUINFO_OK);
    assert_int_equal(stuinfo_report_to_json(r, &json, &len), STUINFO_OK);
    assert_string_equal(json, "[]");
    assert_int_equal(len, 2);

    core_report_set_row(r, 3);
    core_report_add(r, RULE_TEXT_INVALID_UTF8, "name", "1", NULL);
    core_report_set_row(r, 0);
    core_report_add_severity(r, STUINFO_SEVERITY_NOTE, RULE_TEXT_NUL, "", "\"q\"", NULL);
    assert_int_equal(stuinfo_report_to_json(r, &json, &len), STUINFO_OK);
    assert_int_equal(strlen(json), len);

    doc = json_loads(json, 0, &err);
    assert_non_null(doc);
    assert_int_equal(json_array_size(doc), 2);
    json_t *a = json_array_get(doc, 0), *b = json_array_get(doc, 1);
    assert_int_equal(json_integer_value(json_object_get(a, "row")), 3);
    assert_string_equal(json_string_value(json_object_get(a, "rule")), "text.invalid_utf8");
    assert_string_equal(json_string_value(json_object_get(a, "severity")), "error");
    assert_string_equal(json_string_value(json_object_get(a, "field")), "name");
    assert_null(json_object_get(b, "row"));
    assert_string_equal(json_string_value(json_object_get(b, "severity")), "note");
    assert_non_null(strstr(json_string_value(json_object_get(b, "message")), "\"q\""));
    json_decref(doc);
    stuinfo_report_free(r);
    stuinfo_ctx_free(ctx);
}

static void
test_nomem_leaves_report_unchanged(void **state)
{
    test_faults faults;
    stuinfo_ctx *ctx = test_ctx_new_faulty(&faults);
    stuinfo_report *r = NULL;

    (void)state;
    assert_int_equal(stuinfo_report_new(ctx, &r), STUINFO_OK);
    for (uint64_t n = 1; n < 20; n++) {
        faults.count = 0;
        faults.fail_at = n;
        faults.injected = false;
        size_t before = stuinfo_report_count(r);
        stuinfo_status st = core_report_add(r, RULE_TEXT_NUL, "x", "1", NULL);
        if (!faults.injected) {
            assert_int_equal(st, STUINFO_OK);
            assert_int_equal(stuinfo_report_count(r), before + 1);
            continue;
        }
        assert_int_equal(st, STUINFO_ERR_NOMEM);
        assert_int_equal(stuinfo_ctx_last_status(ctx), STUINFO_ERR_NOMEM);
        assert_int_equal(stuinfo_report_count(r), before);
    }
    faults.fail_at = 0;
    stuinfo_report_free(r);
    stuinfo_ctx_free(ctx);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_add_and_get),
        cmocka_unit_test(test_message_language_follows_ctx),
        cmocka_unit_test(test_json),
        cmocka_unit_test(test_nomem_leaves_report_unchanged),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
