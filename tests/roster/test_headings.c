/* Column headings to fields (issue 9): the national template's column order when there is
 * no heading row (student items, then two family members, then nothing), numbered and
 * path headings, headings that are unknown, empty after normalization or map a field
 * twice, and user mappings that are refused. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "test_ctx.h"
#include "roster_util.h"

/* How many findings of @p rule the report holds. */
static size_t
count_rule(const stuinfo_report *rep, const char *rule)
{
    size_t n = 0;

    for (size_t i = 0; i < stuinfo_report_count(rep); i++) {
        stuinfo_finding f = {.size = sizeof(f)};

        assert_int_equal(stuinfo_report_get(rep, i, &f), STUINFO_OK);
        n += strcmp(f.rule, rule) == 0;
    }
    return n;
}

static stuinfo_roster_reader *
reader_over(stuinfo_ctx *ctx, struct memsrc *src, int has_header)
{
    stuinfo_roster_options o;
    stuinfo_roster_reader *r = NULL;

    assert_int_equal(stuinfo_roster_options_init(&o), STUINFO_OK);
    o.has_header = has_header;
    o.validate = 0;
    o.roster_checks = 0;
    assert_int_equal(stuinfo_roster_reader_new(ctx, &o, memsrc_read, src, &r), STUINFO_OK);
    return r;
}

static void
expect(const stuinfo_student *st, const char *path, const char *value)
{
    const char *t = NULL;

    assert_int_equal(stuinfo_student_get_path(st, path, &t, NULL), STUINFO_OK);
    if (value == NULL)
        assert_null(t);
    else
        assert_string_equal(t, value);
}

/* No heading row: columns 1-48 are the student items, 49-72 two family members of 12
 * items each, later columns nothing. */
static void
test_template_columns(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    char line[2048];
    size_t n = 0;
    struct memsrc src = {0};
    stuinfo_roster_reader *r;
    stuinfo_roster_row *row = NULL;
    const stuinfo_student *st;

    (void)state;
    for (int c = 1; c <= 80; c++) {
        const char *v = c == 1 ? "\xE5\xBC\xA0\xE4\xB8\x89"          /* 张三 */
                        : c == 49 ? "\xE6\x9D\x8E\xE5\x9B\x9B"        /* 李四 */
                        : c == 61 ? "\xE7\x8E\x8B\xE4\xBA\x94"        /* 王五 */
                        : c == 80 ? "x" : "";
        n += (size_t)snprintf(line + n, sizeof(line) - n, "%s%s", c > 1 ? "," : "", v);
    }
    n += (size_t)snprintf(line + n, sizeof(line) - n, "\r\n");
    src.data = line;
    src.len = n;
    r = reader_over(ctx, &src, 0);
    assert_int_equal(stuinfo_roster_reader_next(r, &row), STUINFO_OK);
    assert_non_null(row);
    st = stuinfo_roster_row_student(row);
    assert_non_null(st);
    expect(st, "name", "\xE5\xBC\xA0\xE4\xB8\x89");
    assert_int_equal(stuinfo_student_family_count(st), 2);
    expect(st, "family[0].name", "\xE6\x9D\x8E\xE5\x9B\x9B");
    expect(st, "family[1].name", "\xE7\x8E\x8B\xE4\xBA\x94");
    assert_int_equal(stuinfo_roster_reader_next(r, &row), STUINFO_OK);
    assert_null(row);
    stuinfo_roster_reader_free(r);
    stuinfo_ctx_free(ctx);
}

/* A heading row with every kind of heading. */
static const char headed[] =
    "\xE5\xA7\x93\xE5\x90\x8D,"                                   /* 1 姓名: name */
    "\xE5\xAE\xB6\xE9\x95\xBF" "2" "\xE5\xA7\x93\xE5\x90\x8D,"    /* 2 家长2姓名 */
    "family[1].name,"                                             /* 3 again: duplicate */
    "\xE9\x9E\x8B\xE7\xA0\x81,"                                   /* 4 鞋码: unknown */
    "\xE2\x98\x85,"                                               /* 5 ★: empty */
    ","                                                           /* 6 no heading */
    "\xE5\xAE\xB6\xE5\xBA\xAD\xE6\x88\x90\xE5\x91\x98" "99"
    "\xE5\xA7\x93\xE5\x90\x8D,"                                   /* 7 家庭成员99姓名 */
    "\xE6\x88\x90\xE5\x91\x98" "1" "\xE9\x9E\x8B\xE7\xA0\x81,"    /* 8 成员1鞋码 */
    "history[70].school,"                                         /* 9 beyond 64 entries */
    "\xE5\xA7\x93\xE5\x90\x8D,"                                   /* 10 姓名: a member */
    "\xE5\x85\xB3\xE7\xB3\xBB\r\n"                                /* 11 关系: its relation */
    "\xE5\xBC\xA0\xE4\xB8\x89,\xE7\x8E\x8B\xE4\xBA\x94,dup,x,y,z,a,b,c,"
    "\xE6\x9D\x8E\xE5\x9B\x9B,1\r\n";

static void
test_headings(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    struct memsrc src = {headed, sizeof(headed) - 1, 0, 7, 0, 0};
    stuinfo_roster_reader *r = reader_over(ctx, &src, 1);
    stuinfo_roster_row *row = NULL;
    const stuinfo_report *ff;
    const stuinfo_student *st;

    (void)state;
    assert_int_equal(stuinfo_roster_reader_next(r, &row), STUINFO_OK);
    assert_non_null(row);
    ff = stuinfo_roster_reader_file_findings(r);
    /* 鞋码, ★, 家庭成员99姓名, 成员1鞋码, history[70].school: not recognized; the column
     * without a heading is ignored silently */
    assert_int_equal(count_rule(ff, "roster.unknown_heading"), 5);
    assert_int_equal(count_rule(ff, "roster.duplicate_heading"), 1);
    st = stuinfo_roster_row_student(row);
    expect(st, "name", "\xE5\xBC\xA0\xE4\xB8\x89");
    expect(st, "family[1].name", "\xE7\x8E\x8B\xE4\xBA\x94");   /* not "dup" */
    /* the second 姓名 starts the first unnumbered family member, 关系 is its relation */
    expect(st, "family[0].name", "\xE6\x9D\x8E\xE5\x9B\x9B");
    expect(st, "family[0].relation", "1");
    /* reading has begun: no more mappings */
    assert_int_equal(stuinfo_roster_reader_map(r, "x", 1, "name"), STUINFO_ERR_STATE);
    stuinfo_roster_reader_free(r);
    stuinfo_ctx_free(ctx);
}

/* User mappings the reader refuses, and one that wins over the built-in heading. */
static void
test_user_mappings(void **state)
{
    static const char doc[] = "\xE5\xA7\x93\xE5\x90\x8D,\xE5\xA4\x87\xE6\xB3\xA8\r\n"
                              "\xE5\xBC\xA0\xE4\xB8\x89,13800138000\r\n";
    stuinfo_ctx *ctx = test_ctx_new();
    struct memsrc src = {doc, sizeof(doc) - 1, 0, 0, 0, 0};
    stuinfo_roster_reader *r = reader_over(ctx, &src, 1);
    stuinfo_roster_row *row = NULL;
    const stuinfo_student *st;
    char longh[200];

    (void)state;
    assert_int_equal(stuinfo_roster_reader_map(NULL, "x", 1, "name"),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_roster_reader_map(r, NULL, 1, "name"),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_roster_reader_map(r, "x", 1, NULL), STUINFO_ERR_INVALID_ARGUMENT);
    /* a heading that is only markers names no column */
    assert_int_equal(stuinfo_roster_reader_map(r, "\xE2\x98\x85*", 4, "name"),
                     STUINFO_ERR_INVALID_ARGUMENT);
    memset(longh, 'h', sizeof(longh));
    assert_int_equal(stuinfo_roster_reader_map(r, longh, sizeof(longh), "name"),
                     STUINFO_ERR_TOO_LONG);
    assert_int_equal(stuinfo_roster_reader_map(r, "x", 1, "family[16].name"),
                     STUINFO_ERR_NOT_FOUND);
    assert_int_equal(stuinfo_roster_reader_map(r, "x", 1, "history[64].school"),
                     STUINFO_ERR_NOT_FOUND);
    assert_int_equal(stuinfo_roster_reader_map(r, "x", 1, "history[63].school"), STUINFO_OK);
    /* 备注 → family[2].mobile; 姓名 ignored ("") */
    assert_int_equal(stuinfo_roster_reader_map(r, "\xE5\xA4\x87 \xE6\xB3\xA8", 7,
                                               "family[2].mobile"),
                     STUINFO_OK);
    assert_int_equal(stuinfo_roster_reader_map(r, "\xE5\xA7\x93\xE5\x90\x8D", 6, ""),
                     STUINFO_OK);
    assert_int_equal(stuinfo_roster_reader_next(r, &row), STUINFO_OK);
    st = stuinfo_roster_row_student(row);
    expect(st, "name", NULL);
    expect(st, "family[2].mobile", "13800138000");
    assert_int_equal(count_rule(stuinfo_roster_reader_file_findings(r),
                                "roster.unknown_heading"),
                     0);
    stuinfo_roster_reader_free(r);
    stuinfo_ctx_free(ctx);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_template_columns),
        cmocka_unit_test(test_headings),
        cmocka_unit_test(test_user_mappings),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
