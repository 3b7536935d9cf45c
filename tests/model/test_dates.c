/* Calendar boundaries of the record's dates (src/model/date.c): leap years, month ends,
 * year limits, every accepted and refused written form, epoch edges around UTC+8. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "model/date.h"

static void
test_real(void **state)
{
    (void)state;
    assert_true(model_date_real(2024, 2, 29));
    assert_true(model_date_real(2000, 2, 29));          /* divisible by 400 */
    assert_false(model_date_real(1900, 2, 29));         /* by 100, not 400 */
    assert_false(model_date_real(2023, 2, 29));
    assert_true(model_date_real(2023, 2, 28));
    assert_true(model_date_real(2023, 12, 31));
    assert_false(model_date_real(2023, 4, 31));
    assert_false(model_date_real(2023, 1, 32));
    assert_false(model_date_real(2023, 1, 0));
    assert_false(model_date_real(2023, 0, 1));
    assert_false(model_date_real(2023, 13, 1));
    assert_true(model_date_real(1000, 1, 1));
    assert_false(model_date_real(999, 12, 31));
    assert_true(model_date_real(9999, 12, 31));
    assert_false(model_date_real(10000, 1, 1));
}

static void
expect_date(const char *s, bool ok, int32_t y, int32_t m, int32_t d)
{
    int32_t yy = 0, mm = 0, dd = 0;

    if (model_date_parse(s, strlen(s), &yy, &mm, &dd) != ok)
        fail_msg("date \"%s\" should %sparse", s, ok ? "" : "not ");
    if (ok && (yy != y || mm != m || dd != d))
        fail_msg("date \"%s\": %d-%d-%d", s, yy, mm, dd);
}

static void
expect_month(const char *s, bool ok, int32_t y, int32_t m)
{
    int32_t yy = 0, mm = 0;

    if (model_date_parse(s, strlen(s), &yy, &mm, NULL) != ok)
        fail_msg("month \"%s\" should %sparse", s, ok ? "" : "not ");
    if (ok && (yy != y || mm != m))
        fail_msg("month \"%s\": %d-%d", s, yy, mm);
}

static void
test_parse(void **state)
{
    (void)state;
    expect_date("2010-01-02", true, 2010, 1, 2);
    expect_date("2010/1/2", true, 2010, 1, 2);
    expect_date("2010.12.31", true, 2010, 12, 31);
    expect_date("20100102", true, 2010, 1, 2);
    expect_date("2010\xe5\xb9\xb4" "1\xe6\x9c\x88" "2\xe6\x97\xa5", true, 2010, 1, 2);
    expect_date("2010\xe5\xb9\xb4" "1\xe6\x9c\x88" "2", true, 2010, 1, 2);  /* no 日 */
    expect_date("2010-13-45", true, 2010, 13, 45);      /* shape only */
    expect_date("2010-1/2", false, 0, 0, 0);            /* mixed separators */
    expect_date("2010\xe5\xb9\xb4" "1-2", false, 0, 0, 0);
    expect_date("2010-1\xe6\x9c\x88" "2", false, 0, 0, 0);
    expect_date("2010-001-2", false, 0, 0, 0);          /* 3-digit month */
    expect_date("2010-1-2x", false, 0, 0, 0);
    expect_date("2010-1-", false, 0, 0, 0);
    expect_date("2010-1", false, 0, 0, 0);
    expect_date("2010", false, 0, 0, 0);
    expect_date("201-01-02", false, 0, 0, 0);
    expect_date("2010 01 02", false, 0, 0, 0);
    expect_date("2010010", false, 0, 0, 0);             /* 7 digits */
    expect_date("2010010a", false, 0, 0, 0);
    expect_date("", false, 0, 0, 0);
    expect_month("2010-01", true, 2010, 1);
    expect_month("201001", true, 2010, 1);
    expect_month("2010/1", true, 2010, 1);
    expect_month("2010\xe5\xb9\xb4" "12\xe6\x9c\x88", true, 2010, 12);
    expect_month("2010\xe5\xb9\xb4" "12", true, 2010, 12);
    expect_month("2010-01-02", false, 0, 0);
    expect_month("2010-1\xe6\x9c\x88", false, 0, 0);   /* 月 only after 年 */
    expect_month("20100102", false, 0, 0);
}

static void
test_strict_reads(void **state)
{
    int32_t y, m, d;

    (void)state;
    assert_true(model_date_read("2024-02-29", 10, &y, &m, &d));
    assert_int_equal(y * 10000 + m * 100 + d, 20240229);
    assert_false(model_date_read("2023-02-29", 10, &y, &m, &d));    /* not real */
    assert_false(model_date_read("2023/02/28", 10, &y, &m, &d));
    assert_false(model_date_read("2023-02-2", 9, &y, &m, &d));
    assert_false(model_date_read("2023-0a-28", 10, &y, &m, &d));
    assert_false(model_date_read("2a23-02-28", 10, &y, &m, &d));
    assert_false(model_date_read("2023-02-2b", 10, &y, &m, &d));
    assert_false(model_date_read(NULL, 10, &y, &m, &d));
    assert_true(model_month_read("2023-12", 7, &y, &m));
    assert_int_equal(y * 100 + m, 202312);
    assert_false(model_month_read("2023-13", 7, &y, &m));
    assert_false(model_month_read("2023/12", 7, &y, &m));
    assert_false(model_month_read("2023-1", 6, &y, &m));
    assert_false(model_month_read("2023-1x", 7, &y, &m));
    assert_false(model_month_read(NULL, 7, &y, &m));
}

static void
test_days_and_epoch(void **state)
{
    int32_t y, m, d;

    (void)state;
    assert_int_equal(model_days_from_civil(1970, 1, 1), 0);
    assert_int_equal(model_days_from_civil(1969, 12, 31), -1);
    assert_int_equal(model_days_from_civil(2000, 3, 1), 11017);
    assert_int_equal(model_days_from_civil(2000, 2, 29), 11016);
    assert_int_equal(model_days_from_civil(1600, 1, 1), -135140);
    /* Beijing time: the day starts at 16:00 UTC of the day before */
    model_civil_from_epoch(0, &y, &m, &d);
    assert_int_equal(y * 10000 + m * 100 + d, 19700101);
    model_civil_from_epoch(-8 * 3600, &y, &m, &d);
    assert_int_equal(y * 10000 + m * 100 + d, 19700101);
    model_civil_from_epoch(-8 * 3600 - 1, &y, &m, &d);
    assert_int_equal(y * 10000 + m * 100 + d, 19691231);
    model_civil_from_epoch(1788220800 - 8 * 3600, &y, &m, &d);     /* 2026-09-01 00:00 +8 */
    assert_int_equal(y * 10000 + m * 100 + d, 20260901);
    model_civil_from_epoch(1788220800 - 8 * 3600 - 1, &y, &m, &d);
    assert_int_equal(y * 10000 + m * 100 + d, 20260831);
    model_civil_from_epoch(951782400 - 8 * 3600, &y, &m, &d);      /* 2000-02-29 +8 */
    assert_int_equal(y * 10000 + m * 100 + d, 20000229);
    /* a clock at the end of time neither overflows nor crashes (UBSan checks) */
    model_civil_from_epoch(INT64_MAX, &y, &m, &d);
    model_civil_from_epoch(INT64_MAX - 1000, &y, &m, &d);
}

static void
test_age(void **state)
{
    (void)state;
    assert_int_equal(model_age_at(2010, 9, 1, 2026, 9, 1), 16);
    assert_int_equal(model_age_at(2010, 9, 1, 2026, 8, 31), 15);
    assert_int_equal(model_age_at(2010, 9, 2, 2026, 9, 1), 15);
    assert_int_equal(model_age_at(2010, 8, 31, 2026, 9, 1), 16);
    /* born 29 February: a year older on 1 March of a common year */
    assert_int_equal(model_age_at(2008, 2, 29, 2009, 2, 28), 0);
    assert_int_equal(model_age_at(2008, 2, 29, 2009, 3, 1), 1);
    assert_int_equal(model_age_at(2008, 2, 29, 2012, 2, 29), 4);
}

static void
test_format(void **state)
{
    char buf[16];

    (void)state;
    model_date_format(buf, 2010, 1, 2);
    assert_string_equal(buf, "2010-01-02");
    model_date_format(buf, 2010, 12, -1);
    assert_string_equal(buf, "2010-12");
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_real),
        cmocka_unit_test(test_parse),
        cmocka_unit_test(test_strict_reads),
        cmocka_unit_test(test_days_and_epoch),
        cmocka_unit_test(test_age),
        cmocka_unit_test(test_format),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
