/* School, authority and class handles at their edges: NULL handles, campus limits and
 * indexes, campus JSON shapes, duplicate campus numbers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "helpers.h"

static void
test_null_handles(void **state)
{
    const char *t = "x";
    size_t n = 5;

    (void)state;
    assert_int_equal(stuinfo_school_new(NULL, NULL), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_authority_new(NULL, NULL), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_class_new(NULL, NULL), STUINFO_ERR_INVALID_ARGUMENT);
    stuinfo_school_free(NULL);
    stuinfo_authority_free(NULL);
    stuinfo_class_free(NULL);
    assert_int_equal(stuinfo_school_set(NULL, 1, "a", 1, NULL), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_school_get(NULL, 1, &t, &n), STUINFO_ERR_INVALID_ARGUMENT);
    assert_null(t);
    assert_int_equal(n, 0);
    assert_int_equal(stuinfo_authority_set(NULL, 1, "a", 1, NULL),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_authority_get(NULL, 1, &t, &n), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_class_set(NULL, 1, "a", 1, NULL), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_class_get(NULL, 1, &t, &n), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_school_validate(NULL, NULL), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_authority_validate(NULL, NULL), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_class_validate(NULL, NULL), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_school_to_json(NULL, &t, &n), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_authority_to_json(NULL, &t, &n), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_class_to_json(NULL, &t, &n), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_school_campus_add(NULL, &n), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(n, 0);
    assert_int_equal(stuinfo_school_campus_count(NULL), 0);
    assert_int_equal(stuinfo_school_campus_set(NULL, 0, 1, "a", 1, NULL),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_school_campus_get(NULL, 0, 1, &t, &n),
                     STUINFO_ERR_INVALID_ARGUMENT);
}

static void
test_campuses(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_school *s = NULL;
    stuinfo_report *rep = NULL;
    const char *t = "x", *json;
    size_t n = 5, index = 99;

    (void)state;
    assert_int_equal(stuinfo_school_new(ctx, &s), STUINFO_OK);
    assert_int_equal(stuinfo_report_new(ctx, &rep), STUINFO_OK);
    assert_int_equal(stuinfo_school_campus_set(s, 0, STUINFO_CAMPUS_NAME, "a", 1, NULL),
                     STUINFO_ERR_NOT_FOUND);
    assert_int_equal(stuinfo_school_campus_get(s, 0, STUINFO_CAMPUS_NAME, &t, &n),
                     STUINFO_ERR_NOT_FOUND);
    assert_null(t);
    for (size_t i = 0; i < STUINFO_SCHOOL_MAX_CAMPUSES; i++) {
        assert_int_equal(stuinfo_school_campus_add(s, &index), STUINFO_OK);
        assert_int_equal(index, i);
    }
    assert_int_equal(stuinfo_school_campus_add(s, NULL), STUINFO_ERR_TOO_LONG);
    assert_int_equal(stuinfo_school_campus_count(s), STUINFO_SCHOOL_MAX_CAMPUSES);
    /* two campuses with the same number: one finding, at the later one */
    assert_int_equal(stuinfo_school_campus_set(s, 0, STUINFO_CAMPUS_CAMPUS_NO, "01", 2, NULL),
                     STUINFO_OK);
    assert_int_equal(stuinfo_school_campus_set(s, 3, STUINFO_CAMPUS_CAMPUS_NO, "01", 2, NULL),
                     STUINFO_OK);
    assert_int_equal(stuinfo_school_campus_get(s, 3, STUINFO_CAMPUS_CAMPUS_NO, &t, NULL),
                     STUINFO_OK);
    assert_string_equal(t, "01");
    assert_int_equal(stuinfo_school_validate(s, rep), STUINFO_OK);
    assert_true(has_finding(rep, "school.campus_duplicate", "campuses[3].campus_no"));
    assert_false(has_finding(rep, "school.campus_duplicate", "campuses[0].campus_no"));
    assert_int_equal(stuinfo_school_to_json(s, &json, &n), STUINFO_OK);
    assert_non_null(strstr(json, "\"campuses\""));
    stuinfo_report_free(rep);
    stuinfo_school_free(s);
    stuinfo_ctx_free(ctx);
}

static void
expect_json(const char *json, stuinfo_status want, const char *rule, const char *field)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_report *rep = NULL;
    stuinfo_school *s = NULL;

    assert_int_equal(stuinfo_report_new(ctx, &rep), STUINFO_OK);
    if (stuinfo_school_from_json(ctx, json, strlen(json), rep, &s) != want)
        fail_msg("%s: status %d, want %d", json, (int)stuinfo_ctx_last_status(ctx), (int)want);
    assert_true(want == STUINFO_OK ? s != NULL : s == NULL);
    if (rule != NULL && !has_finding(rep, rule, field))
        fail_msg("%s: no %s at %s", json, rule, field);
    stuinfo_school_free(s);
    stuinfo_report_free(rep);
    stuinfo_ctx_free(ctx);
}

static void
test_campus_json(void **state)
{
    char many[1024];
    size_t k;

    (void)state;
    expect_json("{\"campuses\": null}", STUINFO_OK, NULL, NULL);
    expect_json("{\"campuses\": 1}", STUINFO_ERR_PARSE, "school.json_not_array", "campuses");
    /* the campus itself is named, not the prefix of its fields */
    expect_json("{\"campuses\": [{}, 2]}", STUINFO_ERR_PARSE, "school.json_not_object",
                "campuses[1]");
    expect_json("{\"campuses\": [{\"colour\": 1}]}", STUINFO_ERR_NOT_FOUND,
                "school.json_unknown_field", "campuses[0]");
    expect_json("{\"campuses\": [{\"name\": \"东校区\"}]}", STUINFO_OK, NULL, NULL);
    k = (size_t)snprintf(many, sizeof(many), "{\"campuses\": [");
    for (int i = 0; i <= STUINFO_SCHOOL_MAX_CAMPUSES; i++)
        k += (size_t)snprintf(many + k, sizeof(many) - k, "%s{}", i ? "," : "");
    (void)snprintf(many + k, sizeof(many) - k, "]}");
    expect_json(many, STUINFO_ERR_TOO_LONG, "school.too_many_campuses", "campuses");
}

/* A history entry that is not an entry is named by its place, without a trailing dot. */
static void
test_enrolment_entry_place(void **state)
{
    char json[160];
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_report *rep = NULL;
    stuinfo_enrolment *en = NULL;

    (void)state;
    (void)snprintf(json, sizeof(json), "{\"head\": \"%064d\", \"entries\": [1]}", 0);
    assert_int_equal(stuinfo_report_new(ctx, &rep), STUINFO_OK);
    assert_int_equal(stuinfo_enrolment_from_json(ctx, json, strlen(json), rep, &en),
                     STUINFO_ERR_PARSE);
    assert_null(en);
    assert_true(has_finding(rep, "school.json_bad_entry", "entries[0]"));
    stuinfo_report_free(rep);
    stuinfo_ctx_free(ctx);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_null_handles),
        cmocka_unit_test(test_campuses),
        cmocka_unit_test(test_campus_json),
        cmocka_unit_test(test_enrolment_entry_place),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
