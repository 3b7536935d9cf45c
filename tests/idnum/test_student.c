/* National student numbers, personal identifiers, records (birth date, sex, age) and
 * masking. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "test_ctx.h"

static void
test_student_numbers(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_idnum_result r = {.size = sizeof(r)};
    char buf[20];

    (void)state;
    assert_int_equal(stuinfo_idnum_student_no_make(ctx, "11010519491231002X", 18, buf,
                                                   sizeof(buf)), STUINFO_OK);
    assert_string_equal(buf, "G11010519491231002X");
    assert_int_equal(stuinfo_idnum_student_no_make(ctx, "110105491231002", 15, buf,
                                                   sizeof(buf)), STUINFO_OK);
    assert_string_equal(buf, "G11010519491231002X");
    assert_int_equal(stuinfo_idnum_student_no_make(ctx, "11010519491231002X", 18, buf, 19),
                     STUINFO_ERR_TOO_LONG);
    assert_int_equal(stuinfo_idnum_student_no_make(ctx, "911398199012310021", 18, buf,
                                                   sizeof(buf)), STUINFO_ERR_INVALID);

    assert_int_equal(stuinfo_idnum_student_no_verify(ctx, "G11010519491231002X", 19, 0, &r),
                     STUINFO_OK);
    assert_int_equal(r.kind, STUINFO_IDNUM_RESIDENT_18);
    assert_int_equal(r.prefix, 'G');
    assert_int_equal(r.sex, 2);
    assert_string_equal(r.normalized, "G11010519491231002X");
    assert_int_equal(stuinfo_idnum_student_no_verify(ctx, " g11010519491231002x", 20, 0, &r),
                     STUINFO_OK);
    assert_string_equal(r.normalized, "G11010519491231002X");
    assert_true(r.flags & STUINFO_IDNUM_FLAG_LOWER_CASE);

    /* J: self-coded, same check rule, sex not derived. 110105 20150101 001 + check 7. */
    assert_int_equal(stuinfo_idnum_student_no_verify(ctx, "J110105201501010017", 19, 0, &r),
                     STUINFO_OK);
    assert_int_equal(r.kind, STUINFO_IDNUM_SELF_CODED_18);
    assert_int_equal(r.sex, 0);
    assert_int_equal(stuinfo_idnum_student_no_verify(ctx, "J110105201501010012", 19, 0, &r),
                     STUINFO_ERR_INVALID);
    assert_int_equal(r.reason, STUINFO_IDNUM_ERR_CHECK_CHAR);
    /* L: temporary, no check character. */
    assert_int_equal(stuinfo_idnum_student_no_verify(ctx, "L110105201501011234", 19, 0, &r),
                     STUINFO_OK);
    assert_int_equal(r.kind, STUINFO_IDNUM_TEMPORARY_18);
    assert_int_equal(r.birth_year, 2015);
    assert_int_equal(stuinfo_idnum_student_no_verify(ctx, "L11010520150101123X", 19, 0, &r),
                     STUINFO_ERR_INVALID);
    assert_int_equal(r.reason, STUINFO_IDNUM_ERR_CHARACTER);
    assert_int_equal(r.position, 19);
    assert_int_equal(stuinfo_idnum_student_no_verify(ctx, "L830000201501011234", 19, 0, &r),
                     STUINFO_ERR_INVALID);
    assert_int_equal(r.reason, STUINFO_IDNUM_ERR_ADDRESS_KIND);
    /* G must carry a citizen's number, not a residence permit. */
    assert_int_equal(stuinfo_idnum_student_no_verify(ctx, "G810000199408230021", 19, 0, &r),
                     STUINFO_ERR_INVALID);
    assert_int_equal(r.reason, STUINFO_IDNUM_ERR_ADDRESS_KIND);
    assert_int_equal(stuinfo_idnum_student_no_verify(ctx, "X110105201501010011", 19, 0, &r),
                     STUINFO_ERR_INVALID);
    assert_int_equal(r.reason, STUINFO_IDNUM_ERR_PREFIX);
    assert_string_equal(stuinfo_ctx_last_message(ctx),
                        "the first letter X is not allowed; expected G/J/L");
    /* As a personal identifier any type letter goes, with the J rules. */
    assert_int_equal(stuinfo_idnum_student_no_verify(ctx, "X110105201501010017", 19, 1, &r),
                     STUINFO_OK);
    assert_int_equal(stuinfo_idnum_student_no_verify(ctx, "1110105201501010017", 19, 1, &r),
                     STUINFO_ERR_INVALID);
    assert_int_equal(r.reason, STUINFO_IDNUM_ERR_PREFIX);
    assert_int_equal(stuinfo_idnum_student_no_verify(ctx, "11010519491231002X", 18, 0, &r),
                     STUINFO_ERR_INVALID);
    assert_int_equal(r.reason, STUINFO_IDNUM_ERR_LENGTH);
    assert_string_equal(stuinfo_ctx_last_message(ctx),
                        "the number is 18 characters long; expected 19");
    stuinfo_ctx_free(ctx);
}

static void
test_record(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_report *rep = NULL;
    stuinfo_idnum_result r = {.size = sizeof(r)};
    int32_t age = -1;

    (void)state;
    assert_int_equal(stuinfo_report_new(ctx, &rep), STUINFO_OK);
    assert_int_equal(stuinfo_idnum_verify(ctx, "11010519491231002X", 18, &r), STUINFO_OK);
    assert_int_equal(stuinfo_idnum_match_record(ctx, &r, 1949, 12, 31, 2, "id_no", rep),
                     STUINFO_OK);
    assert_int_equal(stuinfo_idnum_match_record(ctx, &r, 0, 0, 0, 0, NULL, NULL), STUINFO_OK);
    assert_int_equal(stuinfo_idnum_match_record(ctx, &r, 1949, 12, 30, 1, "id_no", rep),
                     STUINFO_ERR_INVALID);
    assert_int_equal(stuinfo_report_count(rep), 2);
    assert_string_equal(stuinfo_ctx_last_message(ctx),
                        "the birth date does not agree with the ID number");
    assert_int_equal(stuinfo_idnum_match_record(ctx, &r, 1949, 12, 31, 1, NULL, NULL),
                     STUINFO_ERR_INVALID);
    assert_string_equal(stuinfo_ctx_last_message(ctx), "the sex does not agree with the ID number");

    assert_int_equal(stuinfo_idnum_age(ctx, &r, 2026, 9, 1, &age), STUINFO_OK);
    assert_int_equal(age, 76);
    assert_int_equal(stuinfo_idnum_age(ctx, &r, 1949, 12, 30, &age), STUINFO_ERR_INVALID);
    assert_int_equal(stuinfo_idnum_age(ctx, &r, 2026, 2, 30, &age), STUINFO_ERR_INVALID);

    assert_int_equal(stuinfo_idnum_verify(ctx, "110105200002290021", 18, &r), STUINFO_OK);
    assert_int_equal(stuinfo_idnum_age(ctx, &r, 2001, 2, 28, &age), STUINFO_OK);
    assert_int_equal(age, 0);
    assert_int_equal(stuinfo_idnum_age(ctx, &r, 2001, 3, 1, &age), STUINFO_OK);
    assert_int_equal(age, 1);
    assert_int_equal(stuinfo_idnum_age(ctx, &r, 2004, 2, 29, &age), STUINFO_OK);
    assert_int_equal(age, 4);

    /* A failed result is no record to compare with. */
    stuinfo_idnum_verify(ctx, "110105194912310021", 18, &r);
    assert_int_equal(stuinfo_idnum_match_record(ctx, &r, 1949, 12, 31, 2, NULL, NULL),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_idnum_age(ctx, NULL, 2000, 1, 1, &age),
                     STUINFO_ERR_INVALID_ARGUMENT);
    stuinfo_report_free(rep);
    stuinfo_ctx_free(ctx);
}

static void
check_mask(stuinfo_ctx *ctx, const char *in, const char *pattern, const char *want)
{
    char buf[40], again[40];
    size_t n = 0;

    assert_int_equal(stuinfo_idnum_mask(ctx, in, strlen(in), pattern, buf, sizeof(buf), &n),
                     STUINFO_OK);
    assert_string_equal(buf, want);
    assert_int_equal(n, strlen(want));
    /* Idempotent. */
    assert_int_equal(stuinfo_idnum_mask(ctx, buf, n, pattern, again, sizeof(again), NULL),
                     STUINFO_OK);
    assert_string_equal(again, want);
}

static void
test_mask(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    char buf[40];

    (void)state;
    check_mask(ctx, "11010519491231002X", NULL, "110105********002X");
    check_mask(ctx, "11010519491231002x", "6*4", "110105********002X");
    check_mask(ctx, " 110105491231002 ", NULL, "110105******002");
    check_mask(ctx, "G11010519491231002X", NULL, "G110105********002X");
    check_mask(ctx, "11010519491231002X", "3#4", "110###########002X");
    check_mask(ctx, "11010519491231002X", "0*4", "**************002X");
    check_mask(ctx, "11010519491231002X", "12*9", "110105********002X");   /* clamped */
    check_mask(ctx, "110105194912310021", "0*0", "******************");
    check_mask(ctx, "\xe5\xbc\xa0\xe4\xb8\x89", NULL, "**");                 /* 张三 */
    check_mask(ctx, "1.10105E+17", NULL, "***********");
    check_mask(ctx, "1234", NULL, "1**4");
    check_mask(ctx, "11010519491231002", NULL, "110105********002");
    check_mask(ctx, "1101051949123100", NULL, "110105********00");
    check_mask(ctx, "", NULL, "");
    assert_int_equal(stuinfo_idnum_mask(ctx, "11010519491231002X", 18, NULL, buf, 18, NULL),
                     STUINFO_ERR_TOO_LONG);
    const char *bad[] = {"", "*", "6*", "*4", "a*4", "6*4x", "64", "6 4", "123*4"};
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
        assert_int_equal(stuinfo_idnum_mask(ctx, "1", 1, bad[i], buf, sizeof(buf), NULL),
                         STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_idnum_mask(NULL, "1", 1, NULL, buf, sizeof(buf), NULL),
                     STUINFO_ERR_INVALID_ARGUMENT);
    stuinfo_ctx_free(ctx);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_student_numbers),
        cmocka_unit_test(test_record),
        cmocka_unit_test(test_mask),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
