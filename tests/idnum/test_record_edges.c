/* A number against the rest of a record (issue 9): birth date and sex mismatches one at a
 * time, refused results, a report that cannot take the finding; age on a date around a
 * 29 February birthday, before the birth and on impossible dates. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "test_ctx.h"

/* A valid number of a boy born 2008-02-29 in 110105. */
#define LEAP_ID "110105200802291233"

static stuinfo_idnum_result
verified(stuinfo_ctx *ctx, const char *text)
{
    stuinfo_idnum_result r;

    memset(&r, 0, sizeof(r));
    r.size = sizeof(r);
    assert_int_equal(stuinfo_idnum_verify(ctx, text, strlen(text), &r), STUINFO_OK);
    return r;
}

static bool
has_rule(const stuinfo_report *rep, const char *rule)
{
    for (size_t i = 0; i < stuinfo_report_count(rep); i++) {
        stuinfo_finding f = {.size = sizeof(f)};

        assert_int_equal(stuinfo_report_get(rep, i, &f), STUINFO_OK);
        if (strcmp(f.rule, rule) == 0)
            return true;
    }
    return false;
}

static void
test_match_record(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_idnum_result id = verified(ctx, LEAP_ID), bad = id;
    stuinfo_report *rep = NULL;

    (void)state;
    assert_int_equal(id.sex, 1);
    assert_int_equal(stuinfo_report_new(ctx, &rep), STUINFO_OK);
    /* agreeing, or nothing stated */
    assert_int_equal(stuinfo_idnum_match_record(ctx, &id, 2008, 2, 29, 1, "id", rep),
                     STUINFO_OK);
    assert_int_equal(stuinfo_idnum_match_record(ctx, &id, 0, 0, 0, 0, NULL, rep), STUINFO_OK);
    assert_int_equal(stuinfo_report_count(rep), 0);
    /* only the month, only the day differ: a birth mismatch each */
    assert_int_equal(stuinfo_idnum_match_record(ctx, &id, 2008, 3, 29, 0, "id", NULL),
                     STUINFO_ERR_INVALID);
    assert_int_equal(stuinfo_idnum_match_record(ctx, &id, 2008, 2, 28, 0, "id", rep),
                     STUINFO_ERR_INVALID);
    assert_true(has_rule(rep, "idnum.birth_mismatch"));
    assert_false(has_rule(rep, "idnum.sex_mismatch"));
    /* sex alone; then both, the birth date named first */
    assert_int_equal(stuinfo_report_clear(rep), STUINFO_OK);
    assert_int_equal(stuinfo_idnum_match_record(ctx, &id, 0, 0, 0, 2, NULL, NULL),
                     STUINFO_ERR_INVALID);
    assert_non_null(strstr(stuinfo_ctx_last_message(ctx), "sex"));
    assert_int_equal(stuinfo_idnum_match_record(ctx, &id, 2009, 2, 28, 2, "id", rep),
                     STUINFO_ERR_INVALID);
    /* (the message first: reading the report records a new status on the ctx) */
    assert_non_null(strstr(stuinfo_ctx_last_message(ctx), "birth"));
    assert_true(has_rule(rep, "idnum.birth_mismatch"));
    assert_true(has_rule(rep, "idnum.sex_mismatch"));
    assert_int_equal(stuinfo_report_count(rep), 2);

    /* refused: no ctx, no result, an invalid result, an older smaller result */
    assert_int_equal(stuinfo_idnum_match_record(NULL, &id, 0, 0, 0, 0, NULL, NULL),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_idnum_match_record(ctx, NULL, 0, 0, 0, 0, NULL, NULL),
                     STUINFO_ERR_INVALID_ARGUMENT);
    bad.reason = STUINFO_IDNUM_ERR_CHECK_CHAR;
    assert_int_equal(stuinfo_idnum_match_record(ctx, &bad, 0, 0, 0, 0, NULL, NULL),
                     STUINFO_ERR_INVALID_ARGUMENT);
    bad = id;
    bad.kind = STUINFO_IDNUM_KIND_UNKNOWN;
    assert_int_equal(stuinfo_idnum_match_record(ctx, &bad, 0, 0, 0, 0, NULL, NULL),
                     STUINFO_ERR_INVALID_ARGUMENT);
    bad = id;
    bad.size = 8;
    assert_int_equal(stuinfo_idnum_match_record(ctx, &bad, 0, 0, 0, 0, NULL, NULL),
                     STUINFO_ERR_INVALID_ARGUMENT);
    stuinfo_report_free(rep);
    stuinfo_ctx_free(ctx);
}

/* A report that cannot take the finding: NOMEM, for either mismatch. */
static void
test_match_record_nomem(void **state)
{
    test_faults faults;
    stuinfo_ctx *ctx = test_ctx_new_faulty(&faults);
    stuinfo_idnum_result id = verified(ctx, LEAP_ID);
    stuinfo_report *rep = NULL;

    (void)state;
    assert_int_equal(stuinfo_report_new(ctx, &rep), STUINFO_OK);
    faults.count = 0;
    faults.fail_at = 1;
    faults.fail_after = true;
    assert_int_equal(stuinfo_idnum_match_record(ctx, &id, 2009, 1, 1, 0, "id", rep),
                     STUINFO_ERR_NOMEM);
    assert_int_equal(stuinfo_idnum_match_record(ctx, &id, 0, 0, 0, 2, "id", rep),
                     STUINFO_ERR_NOMEM);
    assert_true(faults.injected);
    faults.fail_at = 0;
    assert_int_equal(stuinfo_report_count(rep), 0);
    stuinfo_report_free(rep);
    stuinfo_ctx_free(ctx);
}

static void
test_age(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_idnum_result id = verified(ctx, LEAP_ID), bad = id;
    int32_t age = -1;

    (void)state;
    /* a 29 February birthday: a year more on 1 March of a common year, on 29 Feb of a
     * leap one */
    assert_int_equal(stuinfo_idnum_age(ctx, &id, 2023, 2, 28, &age), STUINFO_OK);
    assert_int_equal(age, 14);
    assert_int_equal(stuinfo_idnum_age(ctx, &id, 2023, 3, 1, &age), STUINFO_OK);
    assert_int_equal(age, 15);
    assert_int_equal(stuinfo_idnum_age(ctx, &id, 2024, 2, 29, &age), STUINFO_OK);
    assert_int_equal(age, 16);
    assert_int_equal(stuinfo_idnum_age(ctx, &id, 2008, 2, 29, &age), STUINFO_OK);
    assert_int_equal(age, 0);
    /* before the birth; impossible dates (2100 is no leap year) */
    assert_int_equal(stuinfo_idnum_age(ctx, &id, 2008, 2, 28, &age), STUINFO_ERR_INVALID);
    assert_int_equal(stuinfo_idnum_age(ctx, &id, 2023, 2, 29, &age), STUINFO_ERR_INVALID);
    assert_int_equal(stuinfo_idnum_age(ctx, &id, 2100, 2, 29, &age), STUINFO_ERR_INVALID);
    assert_int_equal(stuinfo_idnum_age(ctx, &id, 2012, 2, 29, &age), STUINFO_OK);
    assert_int_equal(age, 4);
    assert_int_equal(stuinfo_idnum_age(ctx, &id, 2023, 13, 1, &age), STUINFO_ERR_INVALID);
    assert_int_equal(stuinfo_idnum_age(ctx, &id, 2023, 0, 1, &age), STUINFO_ERR_INVALID);
    assert_int_equal(stuinfo_idnum_age(ctx, &id, 2023, 4, 31, &age), STUINFO_ERR_INVALID);
    assert_int_equal(stuinfo_idnum_age(ctx, &id, 2023, 4, 0, &age), STUINFO_ERR_INVALID);
    assert_int_equal(stuinfo_idnum_age(ctx, &id, 0, 4, 1, &age), STUINFO_ERR_INVALID);
    /* no birth date known */
    bad.birth_year = bad.birth_month = bad.birth_day = 0;
    assert_int_equal(stuinfo_idnum_age(ctx, &bad, 2023, 4, 1, &age), STUINFO_ERR_INVALID);
    /* refused arguments */
    assert_int_equal(stuinfo_idnum_age(NULL, &id, 2023, 4, 1, &age),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_idnum_age(ctx, NULL, 2023, 4, 1, &age),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_idnum_age(ctx, &id, 2023, 4, 1, NULL),
                     STUINFO_ERR_INVALID_ARGUMENT);
    bad = id;
    bad.size = 4;
    assert_int_equal(stuinfo_idnum_age(ctx, &bad, 2023, 4, 1, &age),
                     STUINFO_ERR_INVALID_ARGUMENT);
    stuinfo_ctx_free(ctx);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_match_record),
        cmocka_unit_test(test_match_record_nomem),
        cmocka_unit_test(test_age),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
