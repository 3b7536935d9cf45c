/* The heading row under allocation failure: each allocation made while the heading row is
 * read fails in turn, and the caller goes on calling stuinfo_roster_reader_next(). The
 * failure is final (the rows after a heading that was not taken cannot be mapped): every
 * later call returns the same status, reads nothing, and nothing leaks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "test_ctx.h"
#include "roster_util.h"

#define HEAD "姓名,性别,身份证件号\n"
/* The first row has two more (empty) cells than the heading: a mapping made again from it
 * would once have read past the heading's column offsets. */
#define ROWS                                                                            \
    "张三,1,110101201001010015,,\n"                                                     \
    "李四,2,110101201001010023\n"                                                       \
    "王五,1,110101201001010031\n"

#define MORE_CALLS 4

static const char heading_only[] = HEAD;
static const char roster[] = HEAD ROWS;

/* A reader over @p data; @p encoding declared (GB18030 over these UTF-8 bytes adds a
 * file finding, one more allocation, on the heading row). */
static stuinfo_roster_reader *
reader_over(stuinfo_ctx *ctx, struct memsrc *src, const char *data, size_t len,
            int32_t roster_checks, int32_t encoding)
{
    stuinfo_roster_options o;
    stuinfo_roster_reader *r = NULL;

    assert_int_equal(stuinfo_roster_options_init(&o), STUINFO_OK);
    o.roster_checks = roster_checks;
    o.encoding = encoding;
    *src = (struct memsrc){data, len, 0, 0, 0, 0};
    assert_int_equal(stuinfo_roster_reader_new(ctx, &o, memsrc_read, src, &r), STUINFO_OK);
    assert_non_null(r);
    return r;
}

/* How many allocations the heading row takes: a first next() over a roster that has
 * nothing else (and no roster checks, whose end may allocate) makes only those. */
static uint64_t
heading_allocations(int32_t encoding)
{
    test_faults faults = {0};
    stuinfo_ctx *ctx = test_ctx_new_faulty(&faults);
    struct memsrc src;
    stuinfo_roster_reader *r;
    stuinfo_roster_row *row = NULL;
    uint64_t before;

    r = reader_over(ctx, &src, heading_only, sizeof(heading_only) - 1, 0, encoding);
    before = faults.count;
    assert_int_equal(stuinfo_roster_reader_next(r, &row), STUINFO_OK);
    assert_null(row);
    assert_int_equal(stuinfo_roster_reader_columns(r), 3);
    stuinfo_roster_reader_free(r);
    stuinfo_ctx_free(ctx);
    return faults.count - before;
}

/* The roster read without faults: the three rows (the same heading as above). */
static void
test_roster_reads_clean(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    struct memsrc src;
    stuinfo_roster_reader *r =
        reader_over(ctx, &src, roster, sizeof(roster) - 1, 1, STUINFO_ROSTER_ENCODING_AUTO);
    stuinfo_roster_row *row = NULL;
    int rows = 0;

    (void)state;
    /* at least the headings, their offsets and the column targets; one more finding */
    assert_true(heading_allocations(STUINFO_ROSTER_ENCODING_AUTO) >= 3);
    assert_true(heading_allocations(STUINFO_ROSTER_ENCODING_GB18030)
                > heading_allocations(STUINFO_ROSTER_ENCODING_AUTO));
    while (stuinfo_roster_reader_next(r, &row) == STUINFO_OK && row != NULL)
        rows++;
    assert_int_equal(rows, 3);
    assert_string_equal(stuinfo_roster_reader_heading(r, 0), "姓名");
    stuinfo_roster_reader_free(r);
    stuinfo_ctx_free(ctx);
}

/* Allocation @p k of the heading row fails (only it, or it and every later one). */
static void
fail_heading_allocation(uint64_t k, bool fail_after, int32_t encoding)
{
    test_faults faults = {0};
    stuinfo_ctx *ctx = test_ctx_new_faulty(&faults);
    struct memsrc src;
    stuinfo_roster_reader *r =
        reader_over(ctx, &src, roster, sizeof(roster) - 1, 1, encoding);
    stuinfo_roster_row *row = NULL;
    stuinfo_roster_counts c = {.size = sizeof(c)};
    stuinfo_status st;

    faults.fail_at = faults.count + k;
    faults.fail_after = fail_after;
    st = stuinfo_roster_reader_next(r, &row);
    assert_true(faults.injected);
    assert_int_equal(st, STUINFO_ERR_NOMEM);
    assert_null(row);
    faults.fail_at = 0;         /* memory is back: the failure stays */
    for (int i = 0; i < MORE_CALLS; i++) {
        row = (stuinfo_roster_row *)(void *)&faults;    /* any non-NULL: reset to NULL */
        assert_int_equal(stuinfo_roster_reader_next(r, &row), STUINFO_ERR_NOMEM);
        assert_null(row);
        assert_int_equal(stuinfo_ctx_last_status(ctx), STUINFO_ERR_NOMEM);
    }
    /* no heading was kept and no data row was taken for one */
    assert_int_equal(stuinfo_roster_reader_columns(r), 0);
    assert_null(stuinfo_roster_reader_heading(r, 0));
    assert_int_equal(stuinfo_roster_reader_counts(r, &c), STUINFO_OK);
    assert_int_equal(c.rows_read, 0);
    assert_int_equal(c.rows_accepted + c.rows_with_errors + c.rows_skipped, 0);
    stuinfo_roster_reader_free(r);
    stuinfo_ctx_free(ctx);      /* cmocka's allocator fails the test on a leak */
}

static void
sweep(bool fail_after, int32_t encoding)
{
    uint64_t n = heading_allocations(encoding);

    for (uint64_t k = 1; k <= n; k++)
        fail_heading_allocation(k, fail_after, encoding);
}

static void
test_heading_allocation_fails_once(void **state)
{
    (void)state;
    sweep(false, STUINFO_ROSTER_ENCODING_AUTO);
    sweep(false, STUINFO_ROSTER_ENCODING_GB18030);
}

static void
test_heading_allocation_fails_from_then_on(void **state)
{
    (void)state;
    sweep(true, STUINFO_ROSTER_ENCODING_AUTO);
    sweep(true, STUINFO_ROSTER_ENCODING_GB18030);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_roster_reads_clean),
        cmocka_unit_test(test_heading_allocation_fails_once),
        cmocka_unit_test(test_heading_allocation_fails_from_then_on),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
