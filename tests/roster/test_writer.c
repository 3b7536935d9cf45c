/* The roster writer: CSV quoting and formula neutralization, BOM, GB18030, JSON Lines,
 * findings reports, and a round trip through the reader. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "test_ctx.h"
#include "roster_util.h"

static stuinfo_roster_writer *
writer(stuinfo_ctx *ctx, int32_t format, int32_t encoding, int32_t bom, struct memsink *m)
{
    stuinfo_roster_writer_options o;
    stuinfo_roster_writer *w = NULL;

    assert_int_equal(stuinfo_roster_writer_options_init(&o), STUINFO_OK);
    o.format = format;
    o.encoding = encoding;
    o.bom = bom;
    assert_int_equal(stuinfo_roster_writer_new(ctx, &o, memsink_write, m, &w), STUINFO_OK);
    return w;
}

static void
test_csv_quoting_and_formulas(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    struct memsink m = {0};
    stuinfo_roster_writer *w = writer(ctx, STUINFO_ROSTER_FORMAT_CSV,
                                      STUINFO_ROSTER_ENCODING_UTF8, 1, &m);
    const char *row1[] = {"张三", "a,b", "say \"hi\"", "=cmd|' /C calc'!A0", "+1", "-2",
                          "@SUM(A1)", "\tx", "line\nbreak", "＝1+1", NULL};
    (void)state;

    assert_int_equal(stuinfo_roster_writer_row(w, row1, NULL, 11), STUINFO_OK);
    assert_int_equal(stuinfo_roster_writer_finish(w), STUINFO_OK);
    assert_string_equal(m.data,
        "\xEF\xBB\xBF" "张三,\"a,b\",\"say \"\"hi\"\"\",'=cmd|' /C calc'!A0,'+1,'-2,"
        "'@SUM(A1),'\tx,\"line\nbreak\",'＝1+1,\r\n");
    assert_int_equal(stuinfo_roster_writer_row(w, row1, NULL, 1), STUINFO_ERR_STATE);
    stuinfo_roster_writer_free(w);
    free(m.data);
    stuinfo_ctx_free(ctx);
}

static void
test_gb18030_output(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    struct memsink m = {0};
    stuinfo_roster_writer *w = writer(ctx, STUINFO_ROSTER_FORMAT_CSV,
                                      STUINFO_ROSTER_ENCODING_GB18030, 1, &m);
    const char *row1[] = {"张三", "𠮷"};
    const char *bad[] = {"\xC0\xAF"};
    (void)state;

    assert_int_equal(stuinfo_roster_writer_row(w, row1, NULL, 2), STUINFO_OK);
    assert_int_equal(stuinfo_roster_writer_row(w, bad, NULL, 1), STUINFO_ERR_ENCODING);
    stuinfo_roster_writer_free(w);     /* finishes */
    /* no BOM for GB18030 */
    assert_int_equal(m.len, 11);
    assert_memory_equal(m.data, "\xD5\xC5\xC8\xFD,\x95\x34\xB2\x35\r\n", 11);
    free(m.data);
    stuinfo_ctx_free(ctx);
}

static void
test_jsonl(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    struct memsink m = {0};
    stuinfo_roster_writer *w = writer(ctx, STUINFO_ROSTER_FORMAT_JSONL,
                                      STUINFO_ROSTER_ENCODING_UTF8, 0, &m);
    const char *head[] = {"name", "note"};
    const char *row1[] = {"张三", "a\"b\\c\n=1"};
    (void)state;

    assert_int_equal(stuinfo_roster_writer_row(w, row1, NULL, 2), STUINFO_OK);
    assert_int_equal(stuinfo_roster_writer_heading(w, head, NULL, 2), STUINFO_OK);
    assert_int_equal(stuinfo_roster_writer_row(w, row1, NULL, 2), STUINFO_OK);
    assert_int_equal(stuinfo_roster_writer_finish(w), STUINFO_OK);
    assert_string_equal(m.data,
        "[\"张三\",\"a\\\"b\\\\c\\u000a=1\"]\n"
        "{\"name\":\"张三\",\"note\":\"a\\\"b\\\\c\\u000a=1\"}\n");
    stuinfo_roster_writer_free(w);
    free(m.data);
    stuinfo_ctx_free(ctx);
}

static void
test_findings_reports(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    static const char data[] = "姓名,性别\n张三\n=李四,1\n";
    struct memsrc src = {data, sizeof(data) - 1, 0, 0, 0, 0};
    struct memsink csv = {0}, json = {0};
    stuinfo_roster_reader *r = NULL;
    stuinfo_roster_writer *wc, *wj;
    stuinfo_roster_options o;
    stuinfo_roster_row *row;
    (void)state;

    stuinfo_roster_options_init(&o);
    o.to_students = 0;
    wc = writer(ctx, STUINFO_ROSTER_FORMAT_FINDINGS_CSV, STUINFO_ROSTER_ENCODING_UTF8, 0,
                &csv);
    wj = writer(ctx, STUINFO_ROSTER_FORMAT_FINDINGS_JSON, STUINFO_ROSTER_ENCODING_UTF8, 0,
                &json);
    assert_int_equal(stuinfo_roster_reader_new(ctx, &o, memsrc_read, &src, &r), STUINFO_OK);
    while (stuinfo_roster_reader_next(r, &row) == STUINFO_OK && row != NULL) {
        assert_int_equal(stuinfo_roster_writer_findings(wc, stuinfo_roster_row_findings(row)),
                         STUINFO_OK);
        assert_int_equal(stuinfo_roster_writer_findings(wj, stuinfo_roster_row_findings(row)),
                         STUINFO_OK);
    }
    assert_int_equal(stuinfo_roster_writer_finish(wc), STUINFO_OK);
    assert_int_equal(stuinfo_roster_writer_finish(wj), STUINFO_OK);
    assert_string_equal(csv.data, "row,field,rule,severity,message\r\n"
                        "1,,roster.short_row,error,\"the row has 1 columns, 2 expected\"\r\n");
    assert_string_equal(json.data, "[\n{\"row\":1,\"field\":\"\",\"rule\":\"roster.short_row\","
                        "\"severity\":\"error\",\"message\":\"the row has 1 columns, 2 expected\"}"
                        "\n]\n");
    const char *cells[] = {"x"};
    assert_int_equal(stuinfo_roster_writer_row(wc, cells, NULL, 1), STUINFO_ERR_STATE);
    stuinfo_roster_writer_free(wc);
    stuinfo_roster_writer_free(wj);
    stuinfo_roster_reader_free(r);
    free(csv.data);
    free(json.data);
    stuinfo_ctx_free(ctx);
}

/* Students written in template order read back to the same values, in both encodings. */
static void
test_student_round_trip(void **state)
{
    (void)state;
    for (int enc = STUINFO_ROSTER_ENCODING_UTF8; enc <= STUINFO_ROSTER_ENCODING_GB18030;
         enc++) {
        stuinfo_ctx *ctx = test_ctx_new();
        struct memsink m = {0}, j = {0};
        stuinfo_roster_writer *w = writer(ctx, STUINFO_ROSTER_FORMAT_CSV, enc, 1, &m);
        stuinfo_roster_writer *wj = writer(ctx, STUINFO_ROSTER_FORMAT_JSONL,
                                           STUINFO_ROSTER_ENCODING_UTF8, 0, &j);
        stuinfo_student *s = NULL;
        stuinfo_roster_reader *r = NULL;
        stuinfo_roster_row *row = NULL;
        stuinfo_roster_options o;
        struct memsrc src;
        const char *v;
        size_t n;

        assert_int_equal(stuinfo_student_new(ctx, &s), STUINFO_OK);
        assert_int_equal(stuinfo_student_set(s, STUINFO_FIELD_NAME, "张三", 6, NULL),
                         STUINFO_OK);
        assert_int_equal(stuinfo_student_set(s, STUINFO_FIELD_CURRENT_ADDRESS,
                                             "北京市东城区\"某\"街,1号",
                                             strlen("北京市东城区\"某\"街,1号"), NULL), STUINFO_OK);
        assert_int_equal(stuinfo_student_family_add(s, NULL), STUINFO_OK);
        assert_int_equal(stuinfo_student_family_add(s, NULL), STUINFO_OK);
        assert_int_equal(stuinfo_student_family_set(s, 1, STUINFO_FAMILY_NAME, "李四", 6,
                                                    NULL), STUINFO_OK);
        assert_int_equal(stuinfo_student_set(s, STUINFO_FIELD_MOBILE, "13800138000", 11,
                                             NULL), STUINFO_OK);
        /* a formula-like value is neutralized on the way out and restored on the way in */
        assert_int_equal(stuinfo_student_set(s, STUINFO_FIELD_SPECIALTY, "=1+1", 4, NULL),
                         STUINFO_OK);
        assert_int_equal(stuinfo_roster_writer_student(w, s), STUINFO_OK);
        assert_int_equal(stuinfo_roster_writer_student(w, s), STUINFO_OK);
        assert_int_equal(stuinfo_roster_writer_student(wj, s), STUINFO_OK);
        assert_int_equal(stuinfo_roster_writer_finish(w), STUINFO_OK);
        assert_int_equal(stuinfo_roster_writer_finish(wj), STUINFO_OK);
        if (getenv("DUMP")) { fwrite(m.data, 1, m.len, stdout); fflush(stdout); }
        assert_non_null(strstr(j.data, "\"family\":[{},{\"name\":\"李四\"}]"));

        stuinfo_roster_options_init(&o);
        o.validate = 0;
        o.strip_formula_guard = 1;
        src = (struct memsrc){m.data, m.len, 0, 100, 0, 0};
        assert_int_equal(stuinfo_roster_reader_new(ctx, &o, memsrc_read, &src, &r),
                         STUINFO_OK);
        for (int k = 0; k < 2; k++) {
            assert_int_equal(stuinfo_roster_reader_next(r, &row), STUINFO_OK);
            assert_non_null(row);
            assert_int_equal(stuinfo_report_count_severity(stuinfo_roster_row_findings(row),
                                                           STUINFO_SEVERITY_ERROR), 0);
            const stuinfo_student *t = stuinfo_roster_row_student(row);
            stuinfo_student_get(t, STUINFO_FIELD_NAME, &v, &n);
            assert_string_equal(v, "张三");
            stuinfo_student_get(t, STUINFO_FIELD_CURRENT_ADDRESS, &v, &n);
            assert_string_equal(v, "北京市东城区\"某\"街,1号");
            stuinfo_student_get(t, STUINFO_FIELD_MOBILE, &v, &n);
            assert_string_equal(v, "13800138000");
            stuinfo_student_get(t, STUINFO_FIELD_SPECIALTY, &v, &n);
            assert_string_equal(v, "=1+1");
            assert_int_equal(stuinfo_student_family_get(t, 1, STUINFO_FAMILY_NAME, &v, &n),
                             STUINFO_OK);
            assert_string_equal(v, "李四");
        }
        assert_int_equal(stuinfo_roster_reader_next(r, &row), STUINFO_OK);
        assert_null(row);
        assert_int_equal(stuinfo_roster_reader_encoding(r), enc);
        assert_int_equal(stuinfo_report_count(stuinfo_roster_reader_file_findings(r)), 0);
        stuinfo_roster_reader_free(r);
        stuinfo_roster_writer_free(w);
        stuinfo_roster_writer_free(wj);
        stuinfo_student_free(s);
        free(m.data);
        free(j.data);
        stuinfo_ctx_free(ctx);
    }
}

static int32_t
failing_sink(void *user, const char *data, size_t len)
{
    (void)user;
    (void)data;
    (void)len;
    return -1;
}

static void
test_write_errors(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_roster_writer *w = NULL;
    stuinfo_roster_writer_options o;
    const char *cells[] = {"x"};
    (void)state;

    stuinfo_roster_writer_options_init(&o);
    o.encoding = 9;
    assert_int_equal(stuinfo_roster_writer_new(ctx, &o, failing_sink, NULL, &w),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_null(w);
    assert_int_equal(stuinfo_roster_writer_new(ctx, NULL, failing_sink, NULL, &w), STUINFO_OK);
    assert_int_equal(stuinfo_roster_writer_row(w, cells, NULL, 1), STUINFO_OK); /* buffered */
    assert_int_equal(stuinfo_roster_writer_finish(w), STUINFO_ERR_IO);
    stuinfo_roster_writer_free(w);
    stuinfo_roster_writer_free(NULL);
    stuinfo_ctx_free(ctx);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_csv_quoting_and_formulas),
        cmocka_unit_test(test_gb18030_output),
        cmocka_unit_test(test_jsonl),
        cmocka_unit_test(test_findings_reports),
        cmocka_unit_test(test_student_round_trip),
        cmocka_unit_test(test_write_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
