/* The sample rosters of examples/data read as documented, in both encodings. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "test_ctx.h"

static const char *dir;

static bool
has(const stuinfo_report *rep, const char *rule, int64_t row)
{
    for (size_t i = 0; i < stuinfo_report_count(rep); i++) {
        stuinfo_finding f = {.size = sizeof(f)};
        stuinfo_report_get(rep, i, &f);
        if (strcmp(f.rule, rule) == 0 && f.row == row)
            return true;
    }
    return false;
}

static void
check_file(const char *name, int32_t encoding)
{
    char path[1024];
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_roster_reader *r = NULL;
    stuinfo_roster_row *row;
    stuinfo_roster_counts c = {.size = sizeof(c)};
    const stuinfo_report *ff;
    bool bad[15] = {false};
    const char *v;

    snprintf(path, sizeof(path), "%s/%s", dir, name);
    assert_int_equal(stuinfo_roster_reader_open(ctx, NULL, path, &r), STUINFO_OK);
    while (stuinfo_roster_reader_next(r, &row) == STUINFO_OK && row != NULL) {
        int64_t n = stuinfo_roster_row_number(row);
        assert_true(n >= 1 && n <= 14);
        bad[n] = stuinfo_report_count_severity(stuinfo_roster_row_findings(row),
                                               STUINFO_SEVERITY_ERROR) > 0;
        if (n == 4) {
            stuinfo_student_get(stuinfo_roster_row_student(row), STUINFO_FIELD_NAME, &v, NULL);
            assert_string_equal(v, "阿依古丽·买买提");
        }
    }
    assert_int_equal(stuinfo_ctx_last_status(ctx), STUINFO_OK);
    for (int n = 1; n <= 14; n++)
        assert_int_equal(bad[n], n == 7 || n == 8 || n == 9 || n == 12 || n == 13 || n == 14);
    assert_int_equal(stuinfo_roster_reader_encoding(r), encoding);
    stuinfo_roster_reader_counts(r, &c);
    assert_int_equal(c.rows_read, 14);
    assert_int_equal(c.rows_accepted, 8);
    assert_int_equal(c.rows_with_errors, 6);
    ff = stuinfo_roster_reader_file_findings(r);
    assert_int_equal(stuinfo_report_count(ff), 3);
    assert_true(has(ff, "roster.duplicate_id", 10));
    assert_true(has(ff, "roster.same_person_other_id", 11));
    assert_true(has(ff, "roster.near_id_swap", 14));
    stuinfo_roster_reader_free(r);
    stuinfo_ctx_free(ctx);
}

static void
test_utf8(void **state)
{
    (void)state;
    check_file("roster.csv", STUINFO_ROSTER_ENCODING_UTF8);
}

static void
test_gb18030(void **state)
{
    (void)state;
    check_file("roster-gb18030.csv", STUINFO_ROSTER_ENCODING_GB18030);
}

int
main(int argc, char **argv)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf8),
        cmocka_unit_test(test_gb18030),
    };
    dir = argc > 1 ? argv[1] : "examples/data";
    return cmocka_run_group_tests(tests, NULL, NULL);
}
