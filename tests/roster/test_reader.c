/* The roster reader: encodings, RFC 4180, faults at their row and column, counts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "test_ctx.h"
#include "roster_util.h"

#define HEAD "姓名,性别,出生日期,身份证件号\r\n"
#define ID1 "110101201001010015"
#define ID2 "110101201001010023"

struct fix {
    stuinfo_ctx *ctx;
    stuinfo_roster_reader *r;
    struct memsrc src;
};

static int
setup(void **state)
{
    struct fix *f = test_calloc(1, sizeof(*f));
    f->ctx = test_ctx_new();
    *state = f;
    return 0;
}

static int
teardown(void **state)
{
    struct fix *f = *state;
    stuinfo_roster_reader_free(f->r);
    stuinfo_ctx_free(f->ctx);
    test_free(f);
    return 0;
}

/* A reader over @p data, read @p step bytes at a time; no validation unless asked. */
static void
open_mem(struct fix *f, const char *data, size_t len, size_t step, int32_t encoding,
         int validate)
{
    stuinfo_roster_options o;

    stuinfo_roster_options_init(&o);
    o.encoding = encoding;
    o.validate = validate;
    o.max_cell_bytes = 1000;
    o.max_record_bytes = 4000;
    f->src = (struct memsrc){data, len, 0, step, 0, 0};
    stuinfo_roster_reader_free(f->r);
    f->r = NULL;
    assert_int_equal(stuinfo_roster_reader_new(f->ctx, &o, memsrc_read, &f->src, &f->r),
                     STUINFO_OK);
}

static stuinfo_roster_row *
next(struct fix *f)
{
    stuinfo_roster_row *row = (stuinfo_roster_row *)1;
    assert_int_equal(stuinfo_roster_reader_next(f->r, &row), STUINFO_OK);
    return row;
}

static void
expect_cell(const stuinfo_roster_row *row, size_t i, const char *want)
{
    const char *t = NULL;
    size_t n = 0;
    assert_int_equal(stuinfo_roster_row_cell(row, i, &t, &n), STUINFO_OK);
    assert_int_equal(n, strlen(want));
    assert_memory_equal(t, want, n);
}

/* True if @p rep holds a finding of @p rule at @p row (row -1: any). */
static bool
has(const stuinfo_report *rep, const char *rule, int64_t row)
{
    for (size_t i = 0; i < stuinfo_report_count(rep); i++) {
        stuinfo_finding fi = {.size = sizeof(fi)};
        assert_int_equal(stuinfo_report_get(rep, i, &fi), STUINFO_OK);
        if (strcmp(fi.rule, rule) == 0 && (row < 0 || fi.row == row))
            return true;
    }
    return false;
}

/* Errors and warnings (notes such as a generated pinyin do not count). */
static size_t
problems(const stuinfo_report *rep)
{
    return stuinfo_report_count_severity(rep, STUINFO_SEVERITY_ERROR)
           + stuinfo_report_count_severity(rep, STUINFO_SEVERITY_WARNING);
}

static void
expect_counts(struct fix *f, int64_t read, int64_t ok, int64_t bad, int64_t skipped)
{
    stuinfo_roster_counts c = {.size = sizeof(c)};
    assert_int_equal(stuinfo_roster_reader_counts(f->r, &c), STUINFO_OK);
    assert_int_equal(c.rows_read, read);
    assert_int_equal(c.rows_accepted, ok);
    assert_int_equal(c.rows_with_errors, bad);
    assert_int_equal(c.rows_skipped, skipped);
    assert_int_equal(c.rows_read, c.rows_accepted + c.rows_with_errors + c.rows_skipped);
}

static void
test_utf8_bom_rows(void **state)
{
    struct fix *f = *state;
    static const char data[] = "\xEF\xBB\xBF" HEAD
        "张三,男,2010-01-01," ID1 "\r\n"
        "\"李,四\",\"女\",20100101,\"" ID2 "\"\n"
        "\r\n"
        "\"多\r\n行\"\"引号\"\"\",1,,\n";
    stuinfo_roster_row *row;
    const char *v;
    size_t n;

    for (size_t step = 1; step <= 64; step *= 4) {
        open_mem(f, data, sizeof(data) - 1, step, STUINFO_ROSTER_ENCODING_AUTO, 0);
        row = next(f);
        assert_non_null(row);
        assert_int_equal(stuinfo_roster_reader_encoding(f->r), STUINFO_ROSTER_ENCODING_UTF8);
        assert_int_equal(stuinfo_roster_reader_columns(f->r), 4);
        assert_string_equal(stuinfo_roster_reader_heading(f->r, 0), "姓名");
        assert_int_equal(stuinfo_roster_row_number(row), 1);
        expect_cell(row, 0, "张三");
        expect_cell(row, 3, ID1);
        assert_int_equal(stuinfo_student_get(stuinfo_roster_row_student(row),
                                             STUINFO_FIELD_ID_DOC_NO, &v, &n), STUINFO_OK);
        assert_string_equal(v, ID1);
        row = next(f);
        assert_int_equal(stuinfo_roster_row_number(row), 2);
        expect_cell(row, 0, "李,四");
        expect_cell(row, 1, "女");
        row = next(f);
        assert_int_equal(stuinfo_roster_row_number(row), 4);     /* row 3 was blank */
        expect_cell(row, 0, "多\r\n行\"引号\"");
        assert_int_equal(stuinfo_roster_row_cells(row), 4);
        assert_null(next(f));
        assert_null(next(f));
        expect_counts(f, 4, 2, 1, 1);   /* the name with a line break is refused */
        assert_int_equal(stuinfo_report_count(stuinfo_roster_reader_file_findings(f->r)), 0);
    }
    stuinfo_roster_reader_free(f->r);
    f->r = NULL;
}

/* 姓名,张三,李四 in GB18030, and a four-byte character (𠮷). */
#define GB_NAME "\xD0\xD5\xC3\xFB"
#define GB_ZHANG "\xD5\xC5\xC8\xFD"
#define GB_LI "\xC0\xEE\xCB\xC4"
#define GB_JI "\x95\x34\xB2\x35"

static void
test_gb18030_sniffed(void **state)
{
    struct fix *f = *state;
    static const char data[] = GB_NAME ",x\n" GB_ZHANG ",1\n" GB_LI GB_JI ",2\n";
    stuinfo_roster_row *row;

    open_mem(f, data, sizeof(data) - 1, 3, STUINFO_ROSTER_ENCODING_AUTO, 0);
    row = next(f);
    assert_int_equal(stuinfo_roster_reader_encoding(f->r), STUINFO_ROSTER_ENCODING_GB18030);
    assert_string_equal(stuinfo_roster_reader_heading(f->r, 0), "姓名");
    expect_cell(row, 0, "张三");
    row = next(f);
    expect_cell(row, 0, "李四𠮷");
    assert_null(next(f));
    /* "x" is not a known heading */
    assert_true(has(stuinfo_roster_reader_file_findings(f->r), "roster.unknown_heading", 0));
    expect_counts(f, 2, 2, 0, 0);
    stuinfo_roster_reader_free(f->r);
    f->r = NULL;
}

static void
test_declared_mismatch(void **state)
{
    struct fix *f = *state;
    static const char utf8[] = "姓名\n张三\n";
    static const char gb[] = GB_NAME "\n" GB_ZHANG "\n";
    const stuinfo_report *ff;
    stuinfo_roster_row *row;

    /* UTF-8 declared GB18030: must not become 寮犱笁 */
    open_mem(f, utf8, sizeof(utf8) - 1, 0, STUINFO_ROSTER_ENCODING_GB18030, 0);
    row = next(f);
    expect_cell(row, 0, "张三");
    ff = stuinfo_roster_reader_file_findings(f->r);
    assert_true(has(ff, "roster.encoding_mismatch", 0));
    assert_int_equal(stuinfo_roster_reader_encoding(f->r), STUINFO_ROSTER_ENCODING_UTF8);

    open_mem(f, gb, sizeof(gb) - 1, 0, STUINFO_ROSTER_ENCODING_UTF8, 0);
    row = next(f);
    expect_cell(row, 0, "张三");
    assert_true(has(stuinfo_roster_reader_file_findings(f->r), "roster.encoding_mismatch", 0));

    /* agreeing declaration: no finding */
    open_mem(f, gb, sizeof(gb) - 1, 0, STUINFO_ROSTER_ENCODING_GB18030, 0);
    row = next(f);
    expect_cell(row, 0, "张三");
    assert_int_equal(stuinfo_report_count(stuinfo_roster_reader_file_findings(f->r)), 0);
    stuinfo_roster_reader_free(f->r);
    f->r = NULL;
}

static void
test_undecodable_gb18030(void **state)
{
    struct fix *f = *state;
    /* 0x81 0x20 is no GB18030 sequence; ICU's default would make it U+FFFD silently */
    static const char data[] = GB_NAME ",b\n" GB_ZHANG ",ok\n" "a\x81\x20z,x\n" GB_LI ",y\n";
    stuinfo_roster_row *row;
    const stuinfo_report *rep;
    stuinfo_finding fi = {.size = sizeof(fi)};

    open_mem(f, data, sizeof(data) - 1, 0, STUINFO_ROSTER_ENCODING_AUTO, 0);
    row = next(f);
    expect_cell(row, 0, "张三");
    row = next(f);
    assert_int_equal(stuinfo_roster_row_number(row), 2);
    rep = stuinfo_roster_row_findings(row);
    assert_int_equal(problems(rep), 1);
    assert_int_equal(stuinfo_report_get(rep, 0, &fi), STUINFO_OK);
    assert_string_equal(fi.rule, "roster.undecodable");
    assert_int_equal(fi.row, 2);
    assert_string_equal(fi.field, "name");
    assert_non_null(strstr(fi.message, "column 1"));
    expect_cell(row, 0, "");
    expect_cell(row, 1, "x");
    row = next(f);
    expect_cell(row, 0, "李四");
    assert_null(next(f));
    expect_counts(f, 3, 2, 1, 0);
    stuinfo_roster_reader_free(f->r);
    f->r = NULL;
}

static void
test_invalid_utf8_and_nul(void **state)
{
    struct fix *f = *state;
    static const char data[] = "姓名,性别\n张三,\xC0\xAF\nab\0c,1\n李四,2\n";
    stuinfo_roster_row *row;

    open_mem(f, data, sizeof(data) - 1, 0, STUINFO_ROSTER_ENCODING_AUTO, 0);
    row = next(f);
    assert_true(has(stuinfo_roster_row_findings(row), "roster.undecodable", 1));
    row = next(f);
    assert_true(has(stuinfo_roster_row_findings(row), "roster.nul_byte", 2));
    row = next(f);
    expect_cell(row, 0, "李四");
    assert_null(next(f));
    expect_counts(f, 3, 1, 2, 0);
    stuinfo_roster_reader_free(f->r);
    f->r = NULL;
}

static void
test_short_long_bad_quote(void **state)
{
    struct fix *f = *state;
    static const char data[] = "姓名,性别,出生日期\n"
        "张三,1\n"                  /* short */
        "李四,2,2010-01-01,extra\n"  /* long */
        "王五,1,2010-01-01,,\n"      /* empty extras are fine */
        "a\"b,1,2\n"                /* quote inside an unquoted cell */
        "\"ab\"c,1,2\n"             /* text after a closing quote */
        "赵六,2,2010-01-01\n";
    stuinfo_roster_row *row;
    const stuinfo_report *rep;
    stuinfo_finding fi = {.size = sizeof(fi)};

    open_mem(f, data, sizeof(data) - 1, 0, STUINFO_ROSTER_ENCODING_AUTO, 0);
    assert_true(has(stuinfo_roster_row_findings(next(f)), "roster.short_row", 1));
    assert_true(has(stuinfo_roster_row_findings(next(f)), "roster.long_row", 2));
    assert_int_equal(problems(stuinfo_roster_row_findings(next(f))), 0);
    row = next(f);
    rep = stuinfo_roster_row_findings(row);
    assert_int_equal(stuinfo_report_get(rep, 0, &fi), STUINFO_OK);
    assert_string_equal(fi.rule, "roster.bad_quote");
    assert_int_equal(fi.row, 4);
    assert_non_null(strstr(fi.message, "column 1"));
    assert_true(has(stuinfo_roster_row_findings(next(f)), "roster.bad_quote", 5));
    row = next(f);
    expect_cell(row, 0, "赵六");
    assert_null(next(f));
    expect_counts(f, 6, 2, 4, 0);
    stuinfo_roster_reader_free(f->r);
    f->r = NULL;
}

static void
test_unclosed_quote_resyncs(void **state)
{
    struct fix *f = *state;
    static const char data[] = "姓名,性别\n"
        "张三,1\n"
        "李四,\"2\n"                /* never closed */
        "王五,1\n"
        "赵六,2\n";
    stuinfo_roster_row *row;

    for (size_t step = 1; step <= 16; step *= 2) {
        open_mem(f, data, sizeof(data) - 1, step, STUINFO_ROSTER_ENCODING_AUTO, 0);
        row = next(f);
        expect_cell(row, 0, "张三");
        row = next(f);
        assert_int_equal(stuinfo_roster_row_number(row), 2);
        assert_true(has(stuinfo_roster_row_findings(row), "roster.unclosed_quote", 2));
        expect_cell(row, 0, "李四");
        row = next(f);
        assert_int_equal(stuinfo_roster_row_number(row), 3);
        expect_cell(row, 0, "王五");
        row = next(f);
        expect_cell(row, 0, "赵六");
        assert_null(next(f));
        expect_counts(f, 4, 3, 1, 0);
    }
    stuinfo_roster_reader_free(f->r);
    f->r = NULL;
}

static void
test_unclosed_quote_closed_later(void **state)
{
    struct fix *f = *state;
    /* A stray opening quote that a later stray quote "closes": the merged record breaks,
     * so the lines after the first line break are read again. */
    static const char data[] = "姓名,性别\n"
        "\"张三,1\n"
        "李四,2\n"
        "王五,\"1\"x\n"
        "赵六,2\n";
    stuinfo_roster_row *row;

    open_mem(f, data, sizeof(data) - 1, 0, STUINFO_ROSTER_ENCODING_AUTO, 0);
    row = next(f);
    assert_true(has(stuinfo_roster_row_findings(row), "roster.unclosed_quote", 1));
    row = next(f);
    assert_int_equal(stuinfo_roster_row_number(row), 2);
    expect_cell(row, 0, "李四");
    row = next(f);
    assert_true(has(stuinfo_roster_row_findings(row), "roster.bad_quote", 3));
    row = next(f);
    expect_cell(row, 0, "赵六");
    assert_null(next(f));
    expect_counts(f, 4, 2, 2, 0);
    stuinfo_roster_reader_free(f->r);
    f->r = NULL;
}

static void
test_unclosed_quote_at_eof(void **state)
{
    struct fix *f = *state;
    static const char data[] = "姓名,性别\n张三,1\n李四,\"2";

    open_mem(f, data, sizeof(data) - 1, 0, STUINFO_ROSTER_ENCODING_AUTO, 0);
    next(f);
    assert_true(has(stuinfo_roster_row_findings(next(f)), "roster.unclosed_quote", 2));
    assert_null(next(f));
    expect_counts(f, 2, 1, 1, 0);
    stuinfo_roster_reader_free(f->r);
    f->r = NULL;
}

static void
test_huge_cell(void **state)
{
    struct fix *f = *state;
    size_t big = 10u << 20;     /* a 10 MB cell, limits 1000 / 4000 bytes */
    char *data = test_malloc(big + 6000);
    size_t n = 0;
    stuinfo_roster_row *row;
    const char *p;

    n += (size_t)sprintf(data + n, "姓名,性别,出生日期\n张三,1,x\n李四,");
    memset(data + n, 'a', big);
    n += big;
    n += (size_t)sprintf(data + n, ",2\n王五,1,y\n李四,\"");
    memset(data + n, 'b', 5000);
    n += 5000;
    n += (size_t)sprintf(data + n, "\",2\n赵六,1,z\n");
    open_mem(f, data, n, 0, STUINFO_ROSTER_ENCODING_AUTO, 0);
    next(f);
    row = next(f);
    assert_int_equal(stuinfo_roster_row_number(row), 2);
    assert_true(has(stuinfo_roster_row_findings(row), "roster.cell_too_long", 2));
    assert_int_equal(stuinfo_roster_row_cell(row, 0, &p, NULL), STUINFO_OK);
    assert_string_equal(p, "李四");
    row = next(f);
    expect_cell(row, 2, "y");
    row = next(f);
    assert_true(has(stuinfo_roster_row_findings(row), "roster.cell_too_long", 4));
    row = next(f);
    expect_cell(row, 2, "z");
    assert_null(next(f));
    expect_counts(f, 5, 3, 2, 0);
    test_free(data);
    stuinfo_roster_reader_free(f->r);
    f->r = NULL;
}

static void
test_cell_too_long_in_record(void **state)
{
    struct fix *f = *state;
    char data[4000];
    size_t n = (size_t)sprintf(data, "姓名,性别\n");
    stuinfo_roster_row *row;

    memset(data + n, 'c', 1500);  /* over the 1000-byte cell limit, within the record */
    n += 1500;
    n += (size_t)sprintf(data + n, ",1\n张三,2\n");
    open_mem(f, data, n, 7, STUINFO_ROSTER_ENCODING_AUTO, 0);
    row = next(f);
    assert_true(has(stuinfo_roster_row_findings(row), "roster.cell_too_long", 1));
    expect_cell(row, 0, "");
    expect_cell(row, 1, "1");
    expect_cell(next(f), 0, "张三");
    stuinfo_roster_reader_free(f->r);
    f->r = NULL;
}

static void
test_io_error(void **state)
{
    struct fix *f = *state;
    static const char data[] = "姓名\n张三\n";
    stuinfo_roster_row *row = NULL;

    open_mem(f, data, sizeof(data) - 1, 2, STUINFO_ROSTER_ENCODING_AUTO, 0);
    f->src.fail_at = 3;
    assert_int_equal(stuinfo_roster_reader_next(f->r, &row), STUINFO_ERR_IO);
    assert_null(row);
    assert_int_equal(stuinfo_ctx_last_status(f->ctx), STUINFO_ERR_IO);
    stuinfo_roster_reader_free(f->r);
    f->r = NULL;
}

static void
test_no_heading_template_order(void **state)
{
    struct fix *f = *state;
    static const char data[] = "张三,1,2010-01-01\n";
    stuinfo_roster_options o;
    stuinfo_roster_row *row;
    const char *v;
    size_t n;

    stuinfo_roster_options_init(&o);
    o.has_header = 0;
    o.validate = 0;
    f->src = (struct memsrc){data, sizeof(data) - 1, 0, 0, 0, 0};
    assert_int_equal(stuinfo_roster_reader_new(f->ctx, &o, memsrc_read, &f->src, &f->r),
                     STUINFO_OK);
    row = next(f);
    assert_int_equal(stuinfo_student_get(stuinfo_roster_row_student(row),
                                         STUINFO_FIELD_BIRTH_DATE, &v, &n), STUINFO_OK);
    assert_string_equal(v, "2010-01-01");
    assert_int_equal(stuinfo_roster_row_number(row), 1);
    stuinfo_roster_reader_free(f->r);
    f->r = NULL;
}

static void
test_bad_arguments(void **state)
{
    struct fix *f = *state;
    stuinfo_roster_options o;
    stuinfo_roster_reader *r = (stuinfo_roster_reader *)1;

    assert_int_equal(stuinfo_roster_options_init(NULL), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_roster_reader_new(f->ctx, NULL, NULL, NULL, &r),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_null(r);
    stuinfo_roster_options_init(&o);
    o.encoding = 7;             /* no charset names, no other encodings */
    assert_int_equal(stuinfo_roster_reader_new(f->ctx, &o, memsrc_read, &f->src, &r),
                     STUINFO_ERR_INVALID_ARGUMENT);
    stuinfo_roster_options_init(&o);
    o.max_cell_bytes = 100;
    o.max_record_bytes = 50;
    assert_int_equal(stuinfo_roster_reader_new(f->ctx, &o, memsrc_read, &f->src, &r),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_roster_reader_open(f->ctx, NULL, "/nonexistent/x.csv", &r),
                     STUINFO_ERR_IO);
    assert_int_equal(stuinfo_roster_reader_next(NULL, NULL), STUINFO_ERR_INVALID_ARGUMENT);
    assert_null(stuinfo_roster_reader_file_findings(NULL));
    stuinfo_roster_reader_free(NULL);
    stuinfo_roster_reader_free(f->r);
    f->r = NULL;
}

static void
test_alloc_failures(void **state)
{
    static const char data[] = "姓名,性别,身份证件号\n张三,1," ID1 "\n李四,2," ID1 "\n";
    (void)state;

    for (uint64_t n = 1; n < 400; n++) {
        test_faults faults = {0};
        stuinfo_ctx *ctx = test_ctx_new_faulty(&faults);
        struct memsrc src = {data, sizeof(data) - 1, 0, 0, 0, 0};
        stuinfo_roster_reader *r = NULL;
        stuinfo_roster_row *row = NULL;
        stuinfo_status st;

        faults.count = 0;
        faults.fail_at = n;
        st = stuinfo_roster_reader_new(ctx, NULL, memsrc_read, &src, &r);
        while (st == STUINFO_OK) {
            st = stuinfo_roster_reader_next(r, &row);
            if (row == NULL)
                break;
        }
        /* Nothing leaks or crashes. (The student record's name key swallows one
         * allocation failure in a setter, so a failure is not always reported here.) */
        (void)st;
        if (r != NULL) {
            stuinfo_roster_counts c = {.size = sizeof(c)};
            stuinfo_roster_reader_counts(r, &c);
            assert_int_equal(c.rows_read, c.rows_accepted + c.rows_with_errors + c.rows_skipped);
        }
        stuinfo_roster_reader_free(r);
        stuinfo_ctx_free(ctx);
        if (!faults.injected)
            break;
    }
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_utf8_bom_rows, setup, teardown),
        cmocka_unit_test_setup_teardown(test_gb18030_sniffed, setup, teardown),
        cmocka_unit_test_setup_teardown(test_declared_mismatch, setup, teardown),
        cmocka_unit_test_setup_teardown(test_undecodable_gb18030, setup, teardown),
        cmocka_unit_test_setup_teardown(test_invalid_utf8_and_nul, setup, teardown),
        cmocka_unit_test_setup_teardown(test_short_long_bad_quote, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unclosed_quote_resyncs, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unclosed_quote_closed_later, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unclosed_quote_at_eof, setup, teardown),
        cmocka_unit_test_setup_teardown(test_huge_cell, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cell_too_long_in_record, setup, teardown),
        cmocka_unit_test_setup_teardown(test_io_error, setup, teardown),
        cmocka_unit_test_setup_teardown(test_no_heading_template_order, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_arguments, setup, teardown),
        cmocka_unit_test(test_alloc_failures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
