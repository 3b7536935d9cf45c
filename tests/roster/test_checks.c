/* Heading mapping (template labels, aliases, numbered groups, field keys, the caller's
 * mapping) and the roster-level checks, each pair reported once with both rows. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "test_ctx.h"
#include "roster_util.h"

static stuinfo_roster_reader *
reader(stuinfo_ctx *ctx, struct memsrc *src, const char *data)
{
    stuinfo_roster_options o;
    stuinfo_roster_reader *r = NULL;

    stuinfo_roster_options_init(&o);
    o.validate = 0;
    *src = (struct memsrc){data, strlen(data), 0, 0, 0, 0};
    assert_int_equal(stuinfo_roster_reader_new(ctx, &o, memsrc_read, src, &r), STUINFO_OK);
    return r;
}

static void
drain(stuinfo_roster_reader *r)
{
    stuinfo_roster_row *row;
    do
        assert_int_equal(stuinfo_roster_reader_next(r, &row), STUINFO_OK);
    while (row != NULL);
}

/* The findings of rule @p rule as "later:earlier" pairs, comma-separated, into buf. */
static const char *
pairs(const stuinfo_roster_reader *r, const char *rule, char *buf, size_t cap)
{
    const stuinfo_report *rep = stuinfo_roster_reader_file_findings(r);
    size_t o = 0;

    buf[0] = '\0';
    for (size_t i = 0; i < stuinfo_report_count(rep); i++) {
        stuinfo_finding f = {.size = sizeof(f)};
        const char *p;
        stuinfo_report_get(rep, i, &f);
        if (strcmp(f.rule, rule) != 0)
            continue;
        p = strstr(f.message, "row ");
        o += (size_t)snprintf(buf + o, cap - o, "%s%lld:%d", o ? "," : "", (long long)f.row,
                              p ? atoi(p + 4) : -1);
        assert_string_equal(f.field, "id_doc_no");
    }
    return buf;
}

#define A "110101201001010015"
#define A_DIGIT "110101201001010016"    /* last digit changed */
#define A_SWAP "110101201001010051"     /* last two swapped */
#define B "110101201001010023"
#define C "110101201001020053"

static void
test_roster_checks(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    struct memsrc src;
    char buf[256];
    static const char data[] =
        "姓名,性别,出生日期,身份证件号\n"
        "张三,1,2010-01-01," A "\n"         /* 1 */
        "李四,2,2010-01-01," B "\n"         /* 2 */
        "王五,1,2010-01-02," A "\n"         /* 3: same ID as 1 */
        "张三,1,2010-01-01," C "\n"         /* 4: same person as 1, other ID */
        "张三,1,2010-01-01," A_DIGIT "\n"   /* 5: one digit from 1 (and from 3's ID) */
        "张三,1,2010-01-01," A_SWAP "\n"    /* 6: transposition of 1 */
        "王五,1,2010-01-02," A "\n"         /* 7: same ID as 1 again */
        "赵六,1,2010-01-01,\n";             /* 8: no ID: not keyed */
    stuinfo_roster_reader *r = reader(ctx, &src, data);
    (void)state;

    drain(r);
    assert_string_equal(pairs(r, "roster.duplicate_id", buf, sizeof(buf)), "3:1,7:1");
    assert_string_equal(pairs(r, "roster.same_person_other_id", buf, sizeof(buf)), "4:1");
    assert_string_equal(pairs(r, "roster.near_id_digit", buf, sizeof(buf)), "5:1");
    assert_string_equal(pairs(r, "roster.near_id_swap", buf, sizeof(buf)), "6:1");
    stuinfo_roster_reader_free(r);
    stuinfo_ctx_free(ctx);
}

/* Enough rows for the sorts to partition; planted pairs are found exactly once. */
static void
test_roster_checks_many(void **state)
{
    static const char *const sur[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵"};
    static const char *const giv[] = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊",
                                      "军", "洋", "勇", "艳", "杰", "娟", "涛", "明"};
    enum { N = 3000 };
    stuinfo_ctx *ctx = test_ctx_new();
    size_t cap = (size_t)N * 64 + 64, n = 0;
    char *data = test_malloc(cap), buf[4096];
    struct memsrc src;
    stuinfo_roster_reader *r;
    (void)state;

    n += (size_t)snprintf(data + n, cap - n, "姓名,身份证件号\n");
    for (int i = 1; i <= N; i++) {
        char id[19];
        int who = i;

        snprintf(id, sizeof(id), "1101012010%08d", i);
        if (i == 1500)
            snprintf(id, sizeof(id), "1101012010%08d", 10);      /* row 10's number */
        if (i == 1800) {
            snprintf(id, sizeof(id), "1101012010%08d", 20);      /* row 20's, one digit off */
            id[3] = '2';
            who = 20;
        }
        n += (size_t)snprintf(data + n, cap - n, "%s%s%s,%s\n", sur[who % 8],
                              giv[(who / 8) % 16], giv[(who / 128) % 16], id);
    }
    r = reader(ctx, &src, data);
    src.len = n;
    drain(r);
    assert_string_equal(pairs(r, "roster.duplicate_id", buf, sizeof(buf)), "1500:10");
    assert_string_equal(pairs(r, "roster.near_id_digit", buf, sizeof(buf)), "1800:20");
    assert_string_equal(pairs(r, "roster.same_person_other_id", buf, sizeof(buf)), "");
    stuinfo_roster_reader_free(r);
    stuinfo_ctx_free(ctx);
    test_free(data);
}

static void
test_heading_mapping(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    struct memsrc src;
    static const char data[] =
        "★学生姓名, 性 别 ,身份证号码,家庭成员1姓名,成员1关系,家庭成员2姓名,"
        "学习经历1学校,mobile,family[2].phone,自定义,备注\n"
        "张三,男," A ",张父,父亲,张母,第一小学,13800138000,13900139000,x,y\n";
    stuinfo_roster_reader *r = reader(ctx, &src, data);
    stuinfo_roster_row *row;
    const stuinfo_student *s;
    const char *v;
    size_t n;
    (void)state;

    assert_int_equal(stuinfo_roster_reader_map(r, "自定义", strlen("自定义"),
                                               "former_name"), STUINFO_OK);
    assert_int_equal(stuinfo_roster_reader_map(r, "x", 1, "no_such_field"),
                     STUINFO_ERR_NOT_FOUND);
    assert_int_equal(stuinfo_roster_reader_next(r, &row), STUINFO_OK);
    assert_int_equal(stuinfo_roster_reader_map(r, "y", 1, "name"), STUINFO_ERR_STATE);
    s = stuinfo_roster_row_student(row);
    stuinfo_student_get(s, STUINFO_FIELD_NAME, &v, &n);
    assert_string_equal(v, "张三");
    stuinfo_student_get(s, STUINFO_FIELD_SEX, &v, &n);
    assert_string_equal(v, "1");
    stuinfo_student_get(s, STUINFO_FIELD_ID_DOC_NO, &v, &n);
    assert_string_equal(v, A);
    stuinfo_student_get(s, STUINFO_FIELD_MOBILE, &v, &n);
    assert_string_equal(v, "13800138000");
    stuinfo_student_get(s, STUINFO_FIELD_FORMER_NAME, &v, &n);
    assert_string_equal(v, "x");
    assert_int_equal(stuinfo_student_family_count(s), 3);
    stuinfo_student_family_get(s, 0, STUINFO_FAMILY_NAME, &v, &n);
    assert_string_equal(v, "张父");
    stuinfo_student_family_get(s, 0, STUINFO_FAMILY_RELATION, &v, &n);
    assert_non_null(v);
    stuinfo_student_family_get(s, 1, STUINFO_FAMILY_NAME, &v, &n);
    assert_string_equal(v, "张母");
    stuinfo_student_family_get(s, 2, STUINFO_FAMILY_PHONE, &v, &n);
    assert_string_equal(v, "13900139000");
    stuinfo_student_history_get(s, 0, STUINFO_HISTORY_SCHOOL, &v, &n);
    assert_string_equal(v, "第一小学");
    /* 备注 is unknown: a warning naming column 11 */
    {
        const stuinfo_report *ff = stuinfo_roster_reader_file_findings(r);
        stuinfo_finding f = {.size = sizeof(f)};
        assert_int_equal(stuinfo_report_count(ff), 1);
        stuinfo_report_get(ff, 0, &f);
        assert_string_equal(f.rule, "roster.unknown_heading");
        assert_non_null(strstr(f.message, "column 11"));
    }
    stuinfo_roster_reader_free(r);
    stuinfo_ctx_free(ctx);
}

static void
test_repeated_template_headings(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    struct memsrc src;
    /* The template flattened: the family groups repeat 姓名, 关系 ... */
    static const char data[] = "姓名,性别,姓名,关系,联系电话,姓名,关系,身份证件号,身份证件号\n"
                               "张三,1,张父,父亲,13800138000,张母,母亲," A "," B "\n";
    stuinfo_roster_reader *r = reader(ctx, &src, data);
    stuinfo_roster_row *row;
    const stuinfo_student *s;
    const char *v;
    size_t n;
    (void)state;

    assert_int_equal(stuinfo_roster_reader_next(r, &row), STUINFO_OK);
    s = stuinfo_roster_row_student(row);
    stuinfo_student_get(s, STUINFO_FIELD_NAME, &v, &n);
    assert_string_equal(v, "张三");
    stuinfo_student_family_get(s, 0, STUINFO_FAMILY_NAME, &v, &n);
    assert_string_equal(v, "张父");
    stuinfo_student_family_get(s, 0, STUINFO_FAMILY_PHONE, &v, &n);
    assert_string_equal(v, "13800138000");
    stuinfo_student_family_get(s, 1, STUINFO_FAMILY_NAME, &v, &n);
    assert_string_equal(v, "张母");
    stuinfo_student_family_get(s, 1, STUINFO_FAMILY_ID_DOC_NO, &v, &n);
    assert_string_equal(v, A);
    /* the second 身份证件号 in the same group maps to the same field: refused */
    assert_int_equal(stuinfo_report_count(stuinfo_roster_reader_file_findings(r)), 1);
    stuinfo_roster_reader_free(r);
    stuinfo_ctx_free(ctx);
}

static void
test_validation_findings(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_roster_options o;
    stuinfo_roster_reader *r = NULL;
    stuinfo_roster_row *row;
    static const char data[] = "姓名,性别,出生日期,身份证件号\n张三,2,2010-01-01,"
                               "110101201001010016\n";
    struct memsrc src = {data, sizeof(data) - 1, 0, 0, 0, 0};
    stuinfo_roster_counts c = {.size = sizeof(c)};
    (void)state;

    stuinfo_roster_options_init(&o);
    assert_int_equal(stuinfo_roster_reader_new(ctx, &o, memsrc_read, &src, &r), STUINFO_OK);
    assert_int_equal(stuinfo_roster_reader_next(r, &row), STUINFO_OK);
    assert_true(stuinfo_report_count_severity(stuinfo_roster_row_findings(row),
                                              STUINFO_SEVERITY_ERROR) > 0);
    drain(r);
    stuinfo_roster_reader_counts(r, &c);
    assert_int_equal(c.rows_with_errors, 1);
    stuinfo_roster_reader_free(r);
    stuinfo_ctx_free(ctx);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_roster_checks),
        cmocka_unit_test(test_roster_checks_many),
        cmocka_unit_test(test_heading_mapping),
        cmocka_unit_test(test_repeated_template_headings),
        cmocka_unit_test(test_validation_findings),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
