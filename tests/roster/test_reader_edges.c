/* The roster reader at its edges: bad options and arguments, files that cannot be
 * opened, accessors given NULL or out-of-range indexes, a source that fails (allocation
 * failure while reading: tests/hardening/test_alloc_sweep.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "test_ctx.h"
#include "roster_util.h"

static const char roster[] =
    "姓名,性别,出生日期,身份证件号\r\n"
    "张三,男,2015-03-07,110105201503071235\r\n"
    "李四,女,2015-04-01,\r\n"
    "\r\n"
    "\"王,五\",1,2015/5/6,110105201503071235\r\n";

static void
test_arguments(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_roster_options o;
    stuinfo_roster_reader *r = (stuinfo_roster_reader *)&o;
    stuinfo_roster_counts c;
    struct memsrc src = {roster, sizeof(roster) - 1, 0, 0, 0, 0};
    const char *t = "x";
    size_t n = 3;

    (void)state;
    assert_int_equal(stuinfo_roster_options_init(NULL), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_roster_options_init(&o), STUINFO_OK);
    assert_int_equal(stuinfo_roster_reader_new(NULL, &o, memsrc_read, &src, &r),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_null(r);
    assert_int_equal(stuinfo_roster_reader_new(ctx, &o, NULL, &src, &r),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_roster_reader_new(ctx, &o, memsrc_read, &src, NULL),
                     STUINFO_ERR_INVALID_ARGUMENT);
    o.size = 3;
    assert_int_equal(stuinfo_roster_reader_new(ctx, &o, memsrc_read, &src, &r),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_null(r);
    /* a record limit below the cell limit */
    assert_int_equal(stuinfo_roster_options_init(&o), STUINFO_OK);
    o.max_cell_bytes = 1000;
    o.max_record_bytes = 10;
    assert_int_equal(stuinfo_roster_reader_new(ctx, &o, memsrc_read, &src, &r),
                     STUINFO_ERR_INVALID_ARGUMENT);
    /* zero limits take the defaults */
    o.max_cell_bytes = 0;
    o.max_record_bytes = 0;
    assert_int_equal(stuinfo_roster_reader_new(ctx, &o, memsrc_read, &src, &r), STUINFO_OK);
    stuinfo_roster_reader_free(r);
    stuinfo_roster_reader_free(NULL);

    /* files */
    assert_int_equal(stuinfo_roster_reader_open(ctx, NULL, "/nonexistent/dir/roster.csv", &r),
                     STUINFO_ERR_IO);
    assert_null(r);
    assert_int_equal(stuinfo_roster_reader_open(ctx, NULL, NULL, &r),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_roster_reader_open(NULL, NULL, "x", &r),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_roster_reader_stdio(ctx, NULL, NULL, &r),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_null(r);

    /* accessors with NULL */
    assert_int_equal(stuinfo_roster_reader_next(NULL, NULL), STUINFO_ERR_INVALID_ARGUMENT);
    assert_null(stuinfo_roster_reader_file_findings(NULL));
    memset(&c, 0, sizeof(c));
    c.size = sizeof(c);
    assert_int_equal(stuinfo_roster_reader_counts(NULL, &c), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_roster_reader_encoding(NULL), 0);
    assert_int_equal(stuinfo_roster_reader_columns(NULL), 0);
    assert_null(stuinfo_roster_reader_heading(NULL, 0));
    assert_int_equal(stuinfo_roster_row_number(NULL), 0);
    assert_int_equal(stuinfo_roster_row_cells(NULL), 0);
    assert_int_equal(stuinfo_roster_row_cell(NULL, 0, &t, &n), STUINFO_ERR_INVALID_ARGUMENT);
    assert_null(stuinfo_roster_row_findings(NULL));
    assert_null(stuinfo_roster_row_student(NULL));
    assert_int_equal(stuinfo_roster_reader_map(NULL, "a", 1, "name"),
                     STUINFO_ERR_INVALID_ARGUMENT);
    stuinfo_ctx_free(ctx);
}

static void
test_reading(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_roster_reader *r = NULL;
    stuinfo_roster_row *row = NULL;
    stuinfo_roster_counts c;
    struct memsrc src = {roster, sizeof(roster) - 1, 0, 7, 0, 0};
    const char *t;
    size_t n;
    int rows = 0;

    (void)state;
    assert_int_equal(stuinfo_roster_reader_new(ctx, NULL, memsrc_read, &src, &r), STUINFO_OK);
    assert_null(stuinfo_roster_reader_heading(r, 0));          /* nothing read yet */
    memset(&c, 0, sizeof(c));
    c.size = 4;
    assert_int_equal(stuinfo_roster_reader_counts(r, &c), STUINFO_ERR_INVALID_ARGUMENT);
    while (stuinfo_roster_reader_next(r, &row) == STUINFO_OK && row != NULL) {
        rows++;
        assert_int_equal(stuinfo_roster_row_cells(row), 4);
        assert_int_equal(stuinfo_roster_row_cell(row, 4, &t, &n), STUINFO_ERR_NOT_FOUND);
        assert_int_equal(stuinfo_roster_row_cell(row, 0, NULL, &n),
                         STUINFO_ERR_INVALID_ARGUMENT);
        assert_int_equal(stuinfo_roster_row_cell(row, 0, &t, NULL), STUINFO_OK);
        assert_non_null(stuinfo_roster_row_student(row));
        assert_non_null(stuinfo_roster_row_findings(row));
        assert_true(stuinfo_roster_row_number(row) >= rows);
    }
    assert_int_equal(rows, 3);
    assert_int_equal(stuinfo_roster_reader_columns(r), 4);
    assert_string_equal(stuinfo_roster_reader_heading(r, 0), "姓名");
    assert_null(stuinfo_roster_reader_heading(r, 4));
    assert_int_equal(stuinfo_roster_reader_encoding(r), STUINFO_ROSTER_ENCODING_UTF8);
    c.size = sizeof(c);
    assert_int_equal(stuinfo_roster_reader_counts(r, &c), STUINFO_OK);
    assert_int_equal(c.rows_read, c.rows_accepted + c.rows_with_errors + c.rows_skipped);
    /* after the end: still the end, and mapping is too late */
    assert_int_equal(stuinfo_roster_reader_next(r, &row), STUINFO_OK);
    assert_null(row);
    assert_int_equal(stuinfo_roster_reader_map(r, "姓名", 6, "name"), STUINFO_ERR_STATE);
    stuinfo_roster_reader_free(r);
    stuinfo_ctx_free(ctx);
}

/* The source fails at its 1st, 2nd ... call: IO, no row, nothing leaks. */
static void
test_failing_source(void **state)
{
    (void)state;
    for (int at = 1; at < 200; at++) {
        stuinfo_ctx *ctx = test_ctx_new();
        stuinfo_roster_reader *r = NULL;
        stuinfo_roster_row *row = NULL;
        struct memsrc src = {roster, sizeof(roster) - 1, 0, 5, at, 0};
        stuinfo_status s;

        assert_int_equal(stuinfo_roster_reader_new(ctx, NULL, memsrc_read, &src, &r),
                         STUINFO_OK);
        do
            s = stuinfo_roster_reader_next(r, &row);
        while (s == STUINFO_OK && row != NULL);
        stuinfo_roster_reader_free(r);
        stuinfo_ctx_free(ctx);
        if (src.calls < at) {
            assert_int_equal(s, STUINFO_OK);   /* read to the end before the failure */
            break;
        }
        assert_int_equal(s, STUINFO_ERR_IO);
        assert_null(row);
    }
}

static bool
has_rule(const stuinfo_report *rep, const char *rule)
{
    for (size_t i = 0; i < stuinfo_report_count(rep); i++) {
        stuinfo_finding f;

        memset(&f, 0, sizeof(f));
        f.size = sizeof(f);
        assert_int_equal(stuinfo_report_get(rep, i, &f), STUINFO_OK);
        if (strcmp(f.rule, rule) == 0)
            return true;
    }
    return false;
}

/* Read the first row of @p csv (UTF-8); the reader is returned for its findings. */
static stuinfo_roster_reader *
read_all(stuinfo_ctx *ctx, const char *csv, int has_header, const stuinfo_student **first)
{
    stuinfo_roster_options o;
    stuinfo_roster_reader *r = NULL;
    stuinfo_roster_row *row = NULL;
    static struct memsrc src;

    memset(&src, 0, sizeof(src));
    src.data = csv;
    src.len = strlen(csv);
    assert_int_equal(stuinfo_roster_options_init(&o), STUINFO_OK);
    o.has_header = has_header;
    o.validate = 0;
    assert_int_equal(stuinfo_roster_reader_new(ctx, &o, memsrc_read, &src, &r), STUINFO_OK);
    assert_int_equal(stuinfo_roster_reader_next(r, &row), STUINFO_OK);
    assert_non_null(row);
    *first = stuinfo_roster_row_student(row);      /* borrowed until the next call */
    return r;
}

/* Headings: markers, full-width brackets and ideographic spaces are folded away;
 * numbered family and history groups outside 1..max, unknown or repeated headings are
 * findings, and their columns are ignored. */
static void
test_headings(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_roster_reader *r;
    const stuinfo_student *st;
    const char *t;
    size_t n;

    (void)state;
    r = read_all(ctx,
                 "*\xE5\xA7\x93\xE3\x80\x80\xE5\x90\x8D,"        /* *姓　名 */
                 "\xE2\x98\x85\xE6\x80\xA7\xE5\x88\xAB,"         /* ★性别 */
                 "\xE5\xAE\xB6\xE5\xBA\xAD\xE6\x88\x90\xE5\x91\x98" "0"
                 "\xE5\xA7\x93\xE5\x90\x8D,"                        /* 家庭成员0姓名 */
                 "\xE5\xAE\xB6\xE5\xBA\xAD\xE6\x88\x90\xE5\x91\x98" "99"
                 "\xE5\xA7\x93\xE5\x90\x8D,"                        /* 家庭成员99姓名 */
                 "\xE6\x88\x90\xE5\x91\x98" "1\xE5\xA7\x93\xE5\x90\x8D,"   /* 成员1姓名 */
                 "\xE6\x88\x90\xE5\x91\x98" "1xyz,"                 /* 成员1xyz */
                 "\xE4\xB8\x8D\xE7\x9F\xA5\xE9\x81\x93,"         /* 不知道 */
                 "\xE2\x98\x85,"                                       /* ★ only */
                 "\xE5\xA7\x93\xE5\x90\x8D\r\n"                   /* 姓名 again */
                 "\xE5\xBC\xA0\xE4\xB8\x89,1,a,b,\xE6\x9D\x8E\xE5\x9B\x9B,c,d,e,f\r\n",
                 1, &st);
    assert_non_null(st);
    assert_int_equal(stuinfo_student_get(st, STUINFO_FIELD_NAME, &t, &n), STUINFO_OK);
    assert_string_equal(t, "\xE5\xBC\xA0\xE4\xB8\x89");          /* the first 姓名 */
    assert_int_equal(stuinfo_student_get_path(st, "family[0].name", &t, &n), STUINFO_OK);
    assert_string_equal(t, "\xE6\x9D\x8E\xE5\x9B\x9B");
    assert_true(has_rule(stuinfo_roster_reader_file_findings(r), "roster.unknown_heading"));
    assert_true(has_rule(stuinfo_roster_reader_file_findings(r), "roster.duplicate_heading"));
    stuinfo_roster_reader_free(r);

    /* no heading row: the template's column order */
    r = read_all(ctx, "\xE7\x8E\x8B\xE4\xBA\x94,1\r\n", 0, &st);
    assert_non_null(st);
    assert_int_equal(stuinfo_student_get(st, STUINFO_FIELD_NAME, &t, &n), STUINFO_OK);
    assert_string_equal(t, "\xE7\x8E\x8B\xE4\xBA\x94");
    stuinfo_roster_reader_free(r);
    stuinfo_ctx_free(ctx);
}

/* The caller's mapping: checked arguments, limits, "" to ignore a column. */
static void
test_user_map(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_roster_reader *r = NULL;
    stuinfo_roster_row *row = NULL;
    struct memsrc src = {"Who,Skip\r\n\xE5\xBC\xA0\xE4\xB8\x89,x\r\n", 0, 0, 0, 0, 0};
    char longh[200];
    const char *t;
    size_t n;
    stuinfo_status s = STUINFO_OK;

    (void)state;
    src.len = strlen(src.data);
    assert_int_equal(stuinfo_roster_reader_new(ctx, NULL, memsrc_read, &src, &r), STUINFO_OK);
    assert_int_equal(stuinfo_roster_reader_map(r, NULL, 1, "name"),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_roster_reader_map(r, "Who", 3, NULL),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_roster_reader_map(r, "Who", 3, "no_such_field"),
                     STUINFO_ERR_NOT_FOUND);
    assert_int_equal(stuinfo_roster_reader_map(r, "Who", 3, "family[99].name"),
                     STUINFO_ERR_NOT_FOUND);
    memset(longh, 'h', sizeof(longh));
    assert_int_equal(stuinfo_roster_reader_map(r, longh, sizeof(longh), "name"),
                     STUINFO_ERR_TOO_LONG);
    assert_int_equal(stuinfo_roster_reader_map(r, "Who", 3, "name"), STUINFO_OK);
    assert_int_equal(stuinfo_roster_reader_map(r, "Skip", 4, ""), STUINFO_OK);
    for (int i = 0; s == STUINFO_OK && i < 300; i++) {
        char h[16];

        snprintf(h, sizeof(h), "col%d", i);
        s = stuinfo_roster_reader_map(r, h, strlen(h), "");
    }
    assert_int_equal(s, STUINFO_ERR_TOO_LONG);
    assert_int_equal(stuinfo_roster_reader_next(r, &row), STUINFO_OK);
    assert_non_null(row);
    assert_int_equal(stuinfo_student_get(stuinfo_roster_row_student(row), STUINFO_FIELD_NAME,
                                         &t, &n),
                     STUINFO_OK);
    assert_string_equal(t, "\xE5\xBC\xA0\xE4\xB8\x89");
    assert_false(has_rule(stuinfo_roster_reader_file_findings(r), "roster.unknown_heading"));
    stuinfo_roster_reader_free(r);
    stuinfo_ctx_free(ctx);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_arguments),
        cmocka_unit_test(test_reading),
        cmocka_unit_test(test_failing_source),
        cmocka_unit_test(test_headings),
        cmocka_unit_test(test_user_map),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
