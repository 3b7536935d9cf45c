/*
 * The reader's fast paths read what the general ones read. A record without a quote is
 * split by the reader itself (not libcsv), ASCII cells skip decoding, and the student
 * record of a row is reused from row to row: over generated rosters, each record read
 * plain and read with its cells quoted (so libcsv unescapes it) gives the same cells,
 * findings (rule, field, message, row), records (as JSON) and counts; and a roster read
 * row by row gives each row the record a roster of that row alone gives.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "test_ctx.h"
#include "test_rng.h"
#include "roster_util.h"

static test_rng rng = {0x2545F4914F6CDD1DULL};

static const char heading[] =
    "姓名,性别,出生日期,民族,身份证件号,联系电话,家庭成员1姓名,家庭成员1关系,"
    "家庭成员1联系电话,是否独生子女,现住址,姓名拼音,邮政编码";
#define NCOLS 13

/* Cell values per column (no comma, quote or line break), good and bad. */
static const char *const values[NCOLS][6] = {
    {"张三", " 李四 ", "Wang Wei", "王\xe3\x80\x80五", "", "A.B"},
    {"1", "2", "男", "x", "", " 1"},
    {"2010-01-05", "2010-1-5", "2010-02-30", "20100105", "", "2010/01/05"},
    {"01", "汉族", "han", "99", "", " 02"},
    {"11010120100105001X", "11010120100105001x", "110101201001050012", "123", "",
     "\xef\xbc\x91\xef\xbc\x91\xef\xbc\x90\xef\xbc\x91\xef\xbc\x90\xef\xbc\x91"
     "20100105001X"},
    {"13912345678", "139 1234 5678", "=1+1", "010-12345678", "", "abc"},
    {"张父", "李母", "", "Zhang", "\xff\xfe", "  "},
    {"51", "52", "爸爸", "99", "", "father"},
    {"13812345678", "", "12", "+86 138 1234 5678", "", "1"},
    {"1", "0", "是", "否", "", "maybe"},
    {"北京市东城区东四街道1号", "", "No. 5 Road", "\t", "", "a\x01" "b"},
    {"Zhang San", "", "li si", "", "", "WANG.WU"},
    {"100010", "10001", "", "abcdef", "", " 100010"},
};

static void
append(struct memsink *m, const char *s)
{
    assert_int_equal(memsink_write(m, s, strlen(s)), 0);
}

/* Generate @p rows rows into @p plain and the same with every cell quoted into @p quoted. */
static void
generate(struct memsink *plain, struct memsink *quoted, int rows)
{
    append(plain, heading);
    append(plain, "\r\n");
    append(quoted, heading);
    append(quoted, "\r\n");
    for (int i = 0; i < rows; i++) {
        int ncells = test_rnd(&rng, 10) == 0 ? (int)test_rnd(&rng, NCOLS + 3) : NCOLS;

        for (int c = 0; c < ncells; c++) {
            const char *v = c < NCOLS ? values[c][test_rnd(&rng, 6)] : "extra";
            if (c > 0) {
                append(plain, ",");
                append(quoted, ",");
            }
            append(plain, v);
            /* quote some cells of a record, or all: any quote sends it to libcsv */
            if (c == 0 || test_rnd(&rng, 2) == 0) {
                append(quoted, "\"");
                append(quoted, v);
                append(quoted, "\"");
            } else {
                append(quoted, v);
            }
        }
        append(plain, "\r\n");
        append(quoted, "\r\n");
    }
}

#define MAX_ROWS 64

static void
add_findings(struct memsink *t, const stuinfo_report *rep, bool with_row)
{
    char line[1400];

    for (size_t i = 0; i < stuinfo_report_count(rep); i++) {
        stuinfo_finding f = {.size = sizeof(f)};
        assert_int_equal(stuinfo_report_get(rep, i, &f), STUINFO_OK);
        snprintf(line, sizeof(line), "  %lld %d %s %s %s\n",
                 with_row ? (long long)f.row : 0LL, f.severity, f.rule, f.field, f.message);
        append(t, line);
    }
}

/* Everything a reader gives for @p data, as text into @p t; each data row's cells,
 * findings and record (without its row number) into blocks[row - 1] too. */
static void
transcript(stuinfo_ctx *ctx, const struct memsink *data, size_t step, struct memsink *t,
           struct memsink *blocks)
{
    stuinfo_roster_options o;
    stuinfo_roster_reader *r = NULL;
    stuinfo_roster_row *row = NULL;
    stuinfo_roster_counts c = {.size = sizeof(c)};
    struct memsrc src = {data->data, data->len, 0, step, 0, 0};
    char line[200];

    stuinfo_roster_options_init(&o);
    o.encoding = STUINFO_ROSTER_ENCODING_UTF8;
    assert_int_equal(stuinfo_roster_reader_new(ctx, &o, memsrc_read, &src, &r), STUINFO_OK);
    while (stuinfo_roster_reader_next(r, &row) == STUINFO_OK && row != NULL) {
        const stuinfo_student *st = stuinfo_roster_row_student(row);
        int64_t number = stuinfo_roster_row_number(row);
        struct memsink *b;

        assert_true(number >= 1 && number <= MAX_ROWS);
        b = &blocks[number - 1];
        snprintf(line, sizeof(line), "row %lld\n", (long long)number);
        append(t, line);
        snprintf(line, sizeof(line), "cells %zu\n", stuinfo_roster_row_cells(row));
        append(b, line);
        for (size_t i = 0; i < stuinfo_roster_row_cells(row); i++) {
            const char *text = NULL;
            size_t n = 0;
            assert_int_equal(stuinfo_roster_row_cell(row, i, &text, &n), STUINFO_OK);
            append(b, " [");
            assert_int_equal(memsink_write(b, text, n), 0);
            append(b, "]");
        }
        append(b, "\n");
        add_findings(b, stuinfo_roster_row_findings(row), false);
        if (st != NULL) {
            const char *json = NULL;
            size_t jn = 0;
            snprintf(line, sizeof(line), " version %llu\n",
                     (unsigned long long)stuinfo_student_version(st));
            append(b, line);
            assert_int_equal(stuinfo_student_to_json((stuinfo_student *)st, &json, &jn),
                             STUINFO_OK);
            assert_int_equal(memsink_write(b, json, jn), 0);
            append(b, "\n");
        }
        append(t, b->data);
        add_findings(t, stuinfo_roster_row_findings(row), true);
    }
    assert_int_equal(stuinfo_ctx_last_status(ctx), STUINFO_OK);
    add_findings(t, stuinfo_roster_reader_file_findings(r), true);
    assert_int_equal(stuinfo_roster_reader_counts(r, &c), STUINFO_OK);
    snprintf(line, sizeof(line), "read %lld accepted %lld errors %lld skipped %lld\n",
             (long long)c.rows_read, (long long)c.rows_accepted,
             (long long)c.rows_with_errors, (long long)c.rows_skipped);
    append(t, line);
    stuinfo_roster_reader_free(r);
}

static void
free_blocks(struct memsink *blocks)
{
    for (int i = 0; i < MAX_ROWS; i++) {
        free(blocks[i].data);
        blocks[i] = (struct memsink){0};
    }
}

static void
test_plain_records_read_as_quoted_ones(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    struct memsink ba[MAX_ROWS] = {{0}}, bb[MAX_ROWS] = {{0}};

    (void)state;
    for (int round = 0; round < 20; round++) {
        struct memsink plain = {0}, quoted = {0}, ta = {0}, tb = {0};

        generate(&plain, &quoted, 60);
        transcript(ctx, &plain, round % 3 == 0 ? 7 : 0, &ta, ba);
        transcript(ctx, &quoted, round % 3 == 1 ? 5 : 0, &tb, bb);
        assert_true(ta.len > 1000);
        assert_string_equal(ta.data, tb.data);
        free(plain.data);
        free(quoted.data);
        free(ta.data);
        free(tb.data);
        free_blocks(ba);
        free_blocks(bb);
    }
    stuinfo_ctx_free(ctx);
}

/* A row's record does not depend on the rows before it (the record is reused). */
static void
test_each_row_as_if_alone(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    struct memsink plain = {0}, quoted = {0}, whole = {0};
    struct memsink bw[MAX_ROWS] = {{0}}, b1[MAX_ROWS] = {{0}};
    const char *line;
    int rows = 60;

    (void)state;
    generate(&plain, &quoted, rows);
    transcript(ctx, &plain, 0, &whole, bw);
    line = strstr(plain.data, "\r\n") + 2;
    for (int i = 1; i <= rows; i++) {
        const char *end = strstr(line, "\r\n") + 2;
        struct memsink one = {0}, t = {0};

        append(&one, heading);
        append(&one, "\r\n");
        assert_int_equal(memsink_write(&one, line, (size_t)(end - line)), 0);
        transcript(ctx, &one, 0, &t, b1);
        if (bw[i - 1].data == NULL) {
            assert_null(b1[0].data);        /* a blank row either way */
        } else {
            assert_non_null(b1[0].data);
            assert_string_equal(bw[i - 1].data, b1[0].data);
        }
        free(one.data);
        free(t.data);
        free_blocks(b1);
        line = end;
    }
    free(plain.data);
    free(quoted.data);
    free(whole.data);
    free_blocks(bw);
    stuinfo_ctx_free(ctx);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain_records_read_as_quoted_ones),
        cmocka_unit_test(test_each_row_as_if_alone),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
