/* The roster writer's JSON Lines at its edges (issue 9): rows longer than the heading
 * (extra cells keyed by their column number), empty headings and NULL cells, a heading
 * without cells, students with family members and history entries, and refused
 * arguments. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "test_ctx.h"
#include "roster_util.h"

#define S(x) x, sizeof(x) - 1

static stuinfo_roster_writer *
jsonl_writer(stuinfo_ctx *ctx, struct memsink *m)
{
    stuinfo_roster_writer_options o;
    stuinfo_roster_writer *w = NULL;

    assert_int_equal(stuinfo_roster_writer_options_init(&o), STUINFO_OK);
    o.format = STUINFO_ROSTER_FORMAT_JSONL;
    assert_int_equal(stuinfo_roster_writer_new(ctx, &o, memsink_write, m, &w), STUINFO_OK);
    return w;
}

static void
test_keys_and_cells(void **state)
{
    static const char *const heading[] = {"name", ""};
    static const char *const row[] = {"a", NULL, "c", "d"};
    stuinfo_ctx *ctx = test_ctx_new();
    struct memsink m = {0};
    stuinfo_roster_writer *w = jsonl_writer(ctx, &m);

    (void)state;
    assert_int_equal(stuinfo_roster_writer_heading(w, NULL, NULL, 2),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_roster_writer_heading(w, heading, NULL, 2), STUINFO_OK);
    /* four cells, two keys: the third and fourth are keyed by their column number; a
     * NULL cell is empty; the empty heading is an empty key */
    assert_int_equal(stuinfo_roster_writer_row(w, row, NULL, 4), STUINFO_OK);
    /* a heading without cells: rows are arrays again */
    assert_int_equal(stuinfo_roster_writer_heading(w, NULL, NULL, 0), STUINFO_OK);
    assert_int_equal(stuinfo_roster_writer_row(w, row, NULL, 2), STUINFO_OK);
    assert_int_equal(stuinfo_roster_writer_finish(w), STUINFO_OK);
    assert_string_equal(m.data, "{\"name\":\"a\",\"\":\"\",\"3\":\"c\",\"4\":\"d\"}\n"
                                "[\"a\",\"\"]\n");
    stuinfo_roster_writer_free(w);
    free(m.data);
    stuinfo_ctx_free(ctx);
}

static void
test_student_members(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    struct memsink m = {0};
    stuinfo_roster_writer *w = jsonl_writer(ctx, &m);
    stuinfo_student *st = NULL;
    size_t i = 0;

    (void)state;
    assert_int_equal(stuinfo_student_new(ctx, &st), STUINFO_OK);
    /* an empty record is an empty object */
    assert_int_equal(stuinfo_roster_writer_student(w, st), STUINFO_OK);
    assert_int_equal(stuinfo_student_history_add(st, &i), STUINFO_OK);
    assert_int_equal(stuinfo_student_history_add(st, &i), STUINFO_OK);
    assert_int_equal(stuinfo_student_set_path(st, "history[1].school", S("\xE4\xB8\x80\xE5\xB0\x8F"),
                                              NULL),
                     STUINFO_OK);
    assert_int_equal(stuinfo_roster_writer_student(w, st), STUINFO_OK);
    assert_int_equal(stuinfo_student_family_add(st, &i), STUINFO_OK);
    assert_int_equal(stuinfo_student_set_path(st, "family[0].name", S("\xE6\x9D\x8E\xE5\x9B\x9B"),
                                              NULL),
                     STUINFO_OK);
    assert_int_equal(stuinfo_student_set(st, STUINFO_FIELD_NAME, S("\xE5\xBC\xA0\xE4\xB8\x89"),
                                         NULL),
                     STUINFO_OK);
    assert_int_equal(stuinfo_roster_writer_student(w, st), STUINFO_OK);
    assert_int_equal(stuinfo_roster_writer_student(w, NULL), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_roster_writer_finish(w), STUINFO_OK);
    assert_string_equal(m.data,
                        "{}\n"
                        "{\"history\":[{},{\"school\":\"\xE4\xB8\x80\xE5\xB0\x8F\"}]}\n"
                        "{\"name\":\"\xE5\xBC\xA0\xE4\xB8\x89\",\"name_pinyin\":\"zhang san\","
                        "\"family\":[{\"name\":"
                        "\"\xE6\x9D\x8E\xE5\x9B\x9B\"}],\"history\":[{},{\"school\":"
                        "\"\xE4\xB8\x80\xE5\xB0\x8F\"}]}\n");
    stuinfo_roster_writer_free(w);
    stuinfo_student_free(st);
    free(m.data);
    stuinfo_ctx_free(ctx);
}

static void
test_refused(void **state)
{
    static const char *const row[] = {"a"};
    stuinfo_ctx *ctx = test_ctx_new();
    struct memsink m = {0};
    stuinfo_roster_writer_options o;
    stuinfo_roster_writer *w = NULL;

    (void)state;
    assert_int_equal(stuinfo_roster_writer_row(NULL, row, NULL, 1),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_roster_writer_heading(NULL, row, NULL, 1),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_roster_writer_student(NULL, NULL), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_roster_writer_findings(NULL, NULL), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_roster_writer_finish(NULL), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_roster_writer_options_init(&o), STUINFO_OK);
    o.format = STUINFO_ROSTER_FORMAT_FINDINGS_JSON;
    assert_int_equal(stuinfo_roster_writer_new(ctx, &o, memsink_write, &m, &w), STUINFO_OK);
    assert_int_equal(stuinfo_roster_writer_findings(w, NULL), STUINFO_ERR_INVALID_ARGUMENT);
    /* nothing written: an empty array */
    assert_int_equal(stuinfo_roster_writer_finish(w), STUINFO_OK);
    assert_non_null(m.data);
    assert_non_null(strchr(m.data, '['));
    assert_non_null(strchr(m.data, ']'));
    stuinfo_roster_writer_free(w);
    free(m.data);
    stuinfo_ctx_free(ctx);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_keys_and_cells),
        cmocka_unit_test(test_student_members),
        cmocka_unit_test(test_refused),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
