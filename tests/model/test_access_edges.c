/* Record accessors and validation at their edges: NULL and unknown arguments, typed
 * setters given the wrong field or value, every policy limit refused one past its range,
 * and each check switched on alone. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "test_ctx.h"

#define S(x) x, sizeof(x) - 1

static void
test_accessors(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_student *st = NULL;
    const char *t = "x";
    size_t n = 4;

    (void)state;
    assert_int_equal(stuinfo_student_new(ctx, &st), STUINFO_OK);
    assert_int_equal(stuinfo_student_set(NULL, STUINFO_FIELD_NAME, S("a"), NULL),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_student_set(st, 0, S("a"), NULL), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_student_set(st, 9999, S("a"), NULL),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_student_set(st, STUINFO_FIELD_NAME, NULL, 3, NULL),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_student_get(NULL, STUINFO_FIELD_NAME, &t, &n),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_null(t);
    assert_int_equal(n, 0);
    assert_int_equal(stuinfo_student_get(st, STUINFO_FIELD_NAME, NULL, &n),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_student_get(st, 9999, &t, &n), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_student_family_set(st, 0, STUINFO_FAMILY_NAME, S("a"), NULL),
                     STUINFO_ERR_NOT_FOUND);
    assert_int_equal(stuinfo_student_family_get(st, 0, STUINFO_FAMILY_NAME, &t, &n),
                     STUINFO_ERR_NOT_FOUND);
    assert_int_equal(stuinfo_student_history_set(st, 0, 1, S("a"), NULL),
                     STUINFO_ERR_NOT_FOUND);
    assert_int_equal(stuinfo_student_history_get(st, 0, 1, &t, &n), STUINFO_ERR_NOT_FOUND);
    /* paths */
    assert_int_equal(stuinfo_student_set_path(st, NULL, S("a"), NULL),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_student_set_path(NULL, "name", S("a"), NULL),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_student_set_path(st, "family[", S("a"), NULL),
                     STUINFO_ERR_NOT_FOUND);
    assert_int_equal(stuinfo_student_set_path(st, "no_such", S("a"), NULL),
                     STUINFO_ERR_NOT_FOUND);
    assert_int_equal(stuinfo_student_get_path(st, NULL, &t, &n),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_student_get_path(st, "history[0].school", &t, &n),
                     STUINFO_ERR_NOT_FOUND);
    assert_int_equal(stuinfo_student_get_path(st, "bogus", &t, &n), STUINFO_ERR_NOT_FOUND);
    /* typed setters */
    assert_int_equal(stuinfo_student_set_date(NULL, STUINFO_FIELD_BIRTH_DATE, 2010, 1, 2),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_student_set_date(st, STUINFO_FIELD_NAME, 2010, 1, 2),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_student_set_date(st, 9999, 2010, 1, 2),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_student_set_date(st, STUINFO_FIELD_BIRTH_DATE, 2011, 2, 29),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_student_set_date(st, STUINFO_FIELD_BIRTH_DATE, 2012, 2, 29),
                     STUINFO_OK);
    assert_int_equal(stuinfo_student_get(st, STUINFO_FIELD_BIRTH_DATE, &t, &n), STUINFO_OK);
    assert_string_equal(t, "2012-02-29");
    assert_int_equal(stuinfo_student_set_flag(NULL, STUINFO_FIELD_ONLY_CHILD, 1),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_student_set_flag(st, STUINFO_FIELD_NAME, 1),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_student_set_flag(st, 9999, 1), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_student_set_flag(st, STUINFO_FIELD_ONLY_CHILD, 2),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_student_set_flag(st, STUINFO_FIELD_ONLY_CHILD, 0), STUINFO_OK);
    assert_int_equal(stuinfo_student_get(st, STUINFO_FIELD_ONLY_CHILD, &t, &n), STUINFO_OK);
    assert_string_equal(t, "0");
    /* name key */
    assert_int_equal(stuinfo_student_name_key(NULL, &t, &n), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_student_name_key(st, NULL, &n), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_student_name_key(st, &t, &n), STUINFO_OK);
    assert_null(t);
    assert_int_equal(stuinfo_student_set(st, STUINFO_FIELD_NAME, S("张三"), NULL), STUINFO_OK);
    assert_int_equal(stuinfo_student_name_key(st, &t, NULL), STUINFO_OK);
    assert_non_null(t);
    stuinfo_student_free(st);
    stuinfo_ctx_free(ctx);
}

static void
test_policy_limits(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new(), *other = test_ctx_new();
    stuinfo_student *st = NULL;
    stuinfo_report *rep = NULL, *foreign = NULL;
    stuinfo_policy p;

    (void)state;
    assert_int_equal(stuinfo_student_new(ctx, &st), STUINFO_OK);
    assert_int_equal(stuinfo_report_new(ctx, &rep), STUINFO_OK);
    assert_int_equal(stuinfo_report_new(other, &foreign), STUINFO_OK);
    assert_int_equal(stuinfo_policy_init(NULL), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_student_validate(NULL, NULL, rep), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_student_validate(st, NULL, NULL), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_student_validate(st, NULL, foreign),
                     STUINFO_ERR_INVALID_ARGUMENT);
#define REFUSED(member, value)                                                        \
    do {                                                                              \
        assert_int_equal(stuinfo_policy_init(&p), STUINFO_OK);                        \
        p.member = (value);                                                           \
        if (stuinfo_student_validate(st, &p, rep) != STUINFO_ERR_INVALID_ARGUMENT)    \
            fail_msg("policy with %s = %d accepted", #member, (int)(value));          \
    } while (0)
    REFUSED(size, 4);
    REFUSED(max_principal_family, -1);
    REFUSED(max_principal_family, STUINFO_STUDENT_MAX_FAMILY + 1);
    REFUSED(min_family, -1);
    REFUSED(min_history, -1);
    REFUSED(adult_age, -1);
    REFUSED(adult_age, 151);
    REFUSED(entry_age, -1);
    REFUSED(entry_age, 31);
    REFUSED(entry_cutoff_month, 0);
    REFUSED(entry_cutoff_month, 13);
    REFUSED(entry_cutoff_day, 0);
    REFUSED(entry_cutoff_day, 32);
    REFUSED(min_league_age, -1);
    REFUSED(min_party_age, -1);
    REFUSED(max_student_age, 0);
    REFUSED(max_student_age, 151);
#undef REFUSED
    assert_int_equal(stuinfo_report_count(rep), 0);
    stuinfo_report_free(foreign);
    stuinfo_report_free(rep);
    stuinfo_student_free(st);
    stuinfo_ctx_free(other);
    stuinfo_ctx_free(ctx);
}

/* An empty record: with no check on, no finding; each check alone finds at most what
 * all of them together find, and the required-field check finds something. */
static void
test_checks_alone(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_student *st = NULL;
    stuinfo_report *rep = NULL;
    stuinfo_policy p;
    size_t all;

    (void)state;
    assert_int_equal(stuinfo_student_new(ctx, &st), STUINFO_OK);
    assert_int_equal(stuinfo_student_set(st, STUINFO_FIELD_BIRTH_DATE, S("2099-01-01"), NULL),
                     STUINFO_OK);
    assert_int_equal(stuinfo_report_new(ctx, &rep), STUINFO_OK);
    assert_int_equal(stuinfo_policy_init(&p), STUINFO_OK);
    assert_int_equal(stuinfo_student_validate(st, &p, rep), STUINFO_OK);
    all = stuinfo_report_count(rep);
    assert_true(all > 0);
    p.checks = 0;
    assert_int_equal(stuinfo_report_clear(rep), STUINFO_OK);
    assert_int_equal(stuinfo_student_validate(st, &p, rep), STUINFO_OK);
    assert_int_equal(stuinfo_report_count(rep), 0);
    for (uint32_t bit = 1; bit < STUINFO_CHECK_ALL; bit <<= 1) {
        p.checks = bit;
        assert_int_equal(stuinfo_report_clear(rep), STUINFO_OK);
        assert_int_equal(stuinfo_student_validate(st, &p, rep), STUINFO_OK);
        assert_true(stuinfo_report_count(rep) <= all);
        if (bit == STUINFO_CHECK_REQUIRED || bit == STUINFO_CHECK_FIELDS)
            assert_true(stuinfo_report_count(rep) > 0);
    }
    stuinfo_report_free(rep);
    stuinfo_student_free(st);
    stuinfo_ctx_free(ctx);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_accessors),
        cmocka_unit_test(test_policy_limits),
        cmocka_unit_test(test_checks_alone),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
