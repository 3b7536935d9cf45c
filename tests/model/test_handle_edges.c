/* Student-record handle calls at their edges (issue 9): NULL handles and outputs, member
 * indexes out of range, flag setters given other fields or values, JSON import given a
 * report of another ctx. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "test_ctx.h"

#define S(x) x, sizeof(x) - 1

static void
test_null_handles(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_student *st = NULL, *copy = (stuinfo_student *)1;
    const char *t = "x";
    size_t n = 7, i = 9;

    (void)state;
    assert_int_equal(stuinfo_student_clone(NULL, &copy), STUINFO_ERR_INVALID_ARGUMENT);
    assert_null(copy);
    assert_int_equal(stuinfo_student_family_add(NULL, &i), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(i, 0);
    assert_int_equal(stuinfo_student_history_add(NULL, NULL), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_student_family_remove(NULL, 0), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_student_history_remove(NULL, 0), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_student_family_count(NULL), 0);
    assert_int_equal(stuinfo_student_history_count(NULL), 0);
    assert_int_equal(stuinfo_student_get_path(NULL, "name", &t, &n),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_null(t);
    assert_int_equal(n, 0);
    assert_int_equal(stuinfo_student_set_flag(NULL, STUINFO_FIELD_BOARDER, 1),
                     STUINFO_ERR_INVALID_ARGUMENT);

    assert_int_equal(stuinfo_student_new(ctx, &st), STUINFO_OK);
    assert_int_equal(stuinfo_student_clone(st, NULL), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_student_get_path(st, NULL, &t, &n), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_student_get_path(st, "name", NULL, &n),
                     STUINFO_ERR_INVALID_ARGUMENT);
    /* get_path without a length output */
    assert_int_equal(stuinfo_student_set(st, STUINFO_FIELD_NAME, S("\xE5\xBC\xA0\xE4\xB8\x89"),
                                         NULL),
                     STUINFO_OK);
    assert_int_equal(stuinfo_student_get_path(st, "name", &t, NULL), STUINFO_OK);
    assert_string_equal(t, "\xE5\xBC\xA0\xE4\xB8\x89");
    stuinfo_student_free(st);
    stuinfo_ctx_free(ctx);
}

static void
test_member_indexes(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_student *st = NULL;
    size_t i = 0;

    (void)state;
    assert_int_equal(stuinfo_student_new(ctx, &st), STUINFO_OK);
    assert_int_equal(stuinfo_student_history_remove(st, 0), STUINFO_ERR_NOT_FOUND);
    assert_int_equal(stuinfo_student_family_remove(st, 0), STUINFO_ERR_NOT_FOUND);
    assert_int_equal(stuinfo_student_history_add(st, &i), STUINFO_OK);
    assert_int_equal(stuinfo_student_history_add(st, &i), STUINFO_OK);
    assert_int_equal(i, 1);
    assert_int_equal(stuinfo_student_history_remove(st, 2), STUINFO_ERR_NOT_FOUND);
    assert_int_equal(stuinfo_student_history_count(st), 2);
    assert_int_equal(stuinfo_student_history_remove(st, 0), STUINFO_OK);
    assert_int_equal(stuinfo_student_history_count(st), 1);
    stuinfo_student_free(st);
    stuinfo_ctx_free(ctx);
}

static void
test_set_flag(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_student *st = NULL;
    const char *t = NULL;

    (void)state;
    assert_int_equal(stuinfo_student_new(ctx, &st), STUINFO_OK);
    assert_int_equal(stuinfo_student_set_flag(st, STUINFO_FIELD_NAME, 1),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_student_set_flag(st, 0, 1), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_student_set_flag(st, STUINFO_FIELD_BOARDER, 2),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_student_set_flag(st, STUINFO_FIELD_BOARDER, 0), STUINFO_OK);
    assert_int_equal(stuinfo_student_get(st, STUINFO_FIELD_BOARDER, &t, NULL), STUINFO_OK);
    assert_string_equal(t, "0");
    stuinfo_student_free(st);
    stuinfo_ctx_free(ctx);
}

static void
test_json_foreign_report(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new(), *other = test_ctx_new();
    stuinfo_report *foreign = NULL;
    stuinfo_student *st = (stuinfo_student *)1;

    (void)state;
    assert_int_equal(stuinfo_report_new(other, &foreign), STUINFO_OK);
    assert_int_equal(stuinfo_student_from_json(ctx, S("{}"), foreign, &st),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_null(st);
    assert_int_equal(stuinfo_report_count(foreign), 0);
    assert_int_equal(stuinfo_student_from_json(ctx, NULL, 2, NULL, &st),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_student_from_json(ctx, S("{}"), NULL, NULL),
                     STUINFO_ERR_INVALID_ARGUMENT);
    /* an empty document is not JSON */
    assert_int_equal(stuinfo_student_from_json(ctx, NULL, 0, NULL, &st), STUINFO_ERR_PARSE);
    assert_null(st);
    stuinfo_report_free(foreign);
    stuinfo_ctx_free(other);
    stuinfo_ctx_free(ctx);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_null_handles),
        cmocka_unit_test(test_member_indexes),
        cmocka_unit_test(test_set_flag),
        cmocka_unit_test(test_json_foreign_report),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
