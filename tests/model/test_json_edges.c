/* Record JSON at its edges: booleans and numbers as values, family and history shapes,
 * limits, argument checks, with and without a report. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "test_ctx.h"

static bool
has(const stuinfo_report *rep, const char *rule, const char *field)
{
    for (size_t i = 0; i < stuinfo_report_count(rep); i++) {
        stuinfo_finding f;

        memset(&f, 0, sizeof(f));
        f.size = sizeof(f);
        assert_int_equal(stuinfo_report_get(rep, i, &f), STUINFO_OK);
        if (strcmp(f.rule, rule) == 0 && (field == NULL || strcmp(f.field, field) == 0))
            return true;
    }
    return false;
}

/* Import @p json; the status, and with a report the finding (rule at field) expected.
 * The same import without a report gives the same status. */
static void
expect(const char *json, stuinfo_status want, const char *rule, const char *field)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_report *rep = NULL;
    stuinfo_student *st = NULL;

    assert_int_equal(stuinfo_report_new(ctx, &rep), STUINFO_OK);
    if (stuinfo_student_from_json(ctx, json, strlen(json), rep, &st) != want)
        fail_msg("%s: status %d, want %d", json, (int)stuinfo_ctx_last_status(ctx), (int)want);
    assert_true(want == STUINFO_OK ? st != NULL : st == NULL);
    if (rule != NULL && !has(rep, rule, field))
        fail_msg("%s: no %s at %s", json, rule, field);
    stuinfo_student_free(st);
    st = NULL;
    assert_int_equal(stuinfo_student_from_json(ctx, json, strlen(json), NULL, &st), want);
    stuinfo_student_free(st);
    stuinfo_report_free(rep);
    stuinfo_ctx_free(ctx);
}

static void
test_values(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_student *st = NULL;
    const char *t;
    size_t n;
    static const char json[] = "{\"only_child\": true, \"had_preschool\": false, "
                               "\"family\": null, \"history\": null}";

    (void)state;
    assert_int_equal(stuinfo_student_from_json(ctx, json, sizeof(json) - 1, NULL, &st),
                     STUINFO_OK);
    assert_int_equal(stuinfo_student_get(st, STUINFO_FIELD_ONLY_CHILD, &t, &n), STUINFO_OK);
    assert_string_equal(t, "1");
    assert_int_equal(stuinfo_student_get(st, STUINFO_FIELD_HAD_PRESCHOOL, &t, &n),
                     STUINFO_OK);
    assert_string_equal(t, "0");
    stuinfo_student_free(st);
    stuinfo_ctx_free(ctx);
}

static void
test_shapes(void **state)
{
    char many[2048];
    size_t k;

    (void)state;
    expect("{\"family\": 3}", STUINFO_ERR_PARSE, "student.json_not_array", "family");
    expect("{\"history\": {}}", STUINFO_ERR_PARSE, "student.json_not_array", "history");
    expect("{\"family\": [1]}", STUINFO_ERR_PARSE, "student.json_not_object", "family[0]");
    expect("{\"history\": [\"x\"]}", STUINFO_ERR_PARSE, "student.json_not_object",
           "history[0]");
    expect("{\"family\": [{\"no_such_key\": \"1\"}]}", STUINFO_ERR_NOT_FOUND,
           "student.json_unknown_field", "family[0]");
    expect("{\"name\": [1]}", STUINFO_ERR_PARSE, "student.json_bad_type", "name");
    expect("{\"family\": [{\"name\": {}}]}", STUINFO_ERR_PARSE, "student.json_bad_type",
           "family[0].name");
    expect("[1]", STUINFO_ERR_PARSE, "student.json_not_object", "");
    expect("{\"name\": ", STUINFO_ERR_PARSE, "student.json_parse", "");
    expect("{\"name\": \"\xE5\xBC\"}", STUINFO_ERR_ENCODING, "student.encoding", "");
    /* one family member more than the limit */
    k = (size_t)snprintf(many, sizeof(many), "{\"family\": [");
    for (int i = 0; i <= STUINFO_STUDENT_MAX_FAMILY; i++)
        k += (size_t)snprintf(many + k, sizeof(many) - k, "%s{}", i ? "," : "");
    snprintf(many + k, sizeof(many) - k, "]}");
    expect(many, STUINFO_ERR_TOO_LONG, "student.too_many_family", "family");
}

static void
test_arguments(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new(), *other = test_ctx_new();
    stuinfo_report *rep = NULL;
    stuinfo_student *st = (stuinfo_student *)&rep;
    const char *j = "x";
    size_t n = 7;
    char *big;

    (void)state;
    assert_int_equal(stuinfo_report_new(other, &rep), STUINFO_OK);
    assert_int_equal(stuinfo_student_from_json(ctx, "{}", 2, rep, &st),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_null(st);
    assert_int_equal(stuinfo_student_from_json(ctx, "{}", 2, NULL, NULL),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_student_from_json(NULL, "{}", 2, NULL, &st),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_student_from_json(ctx, NULL, 2, NULL, &st),
                     STUINFO_ERR_INVALID_ARGUMENT);
    /* one byte over the limit, before any parsing */
    big = malloc(STUINFO_STUDENT_MAX_JSON + 1);
    assert_non_null(big);
    memset(big, ' ', STUINFO_STUDENT_MAX_JSON + 1);
    stuinfo_report_free(rep);
    assert_int_equal(stuinfo_report_new(ctx, &rep), STUINFO_OK);
    assert_int_equal(stuinfo_student_from_json(ctx, big, STUINFO_STUDENT_MAX_JSON + 1, rep,
                                               &st),
                     STUINFO_ERR_TOO_LONG);
    assert_true(has(rep, "student.json_too_large", NULL));
    assert_int_equal(stuinfo_student_from_json(ctx, big, STUINFO_STUDENT_MAX_JSON + 1, NULL,
                                               &st),
                     STUINFO_ERR_TOO_LONG);
    free(big);
    assert_int_equal(stuinfo_student_to_json(NULL, &j, &n), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_student_new(ctx, &st), STUINFO_OK);
    assert_int_equal(stuinfo_student_to_json(st, NULL, &n), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_student_to_json(st, &j, NULL), STUINFO_OK);
    assert_string_equal(j, "{}");
    stuinfo_student_free(st);
    stuinfo_report_free(rep);
    stuinfo_ctx_free(other);
    stuinfo_ctx_free(ctx);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_values),
        cmocka_unit_test(test_shapes),
        cmocka_unit_test(test_arguments),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
