/* The roster writer under bad arguments, a failing sink and allocation failure: every
 * format, every failure point ends in a documented status, nothing leaks, and an
 * undisturbed run writes the same bytes as before. */
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

/* A sink that fails from its fail_at-th call on (0: never). */
struct failsink {
    struct memsink m;
    int calls, fail_at;
};

static int32_t
failsink_write(void *user, const char *data, size_t len)
{
    struct failsink *f = user;

    if (f->fail_at != 0 && ++f->calls >= f->fail_at)
        return -1;
    return memsink_write(&f->m, data, len);
}

static stuinfo_student *
sample_student(stuinfo_ctx *ctx)
{
    stuinfo_student *st = NULL;
    size_t i = 0;

    assert_int_equal(stuinfo_student_new(ctx, &st), STUINFO_OK);
    assert_int_equal(stuinfo_student_set(st, STUINFO_FIELD_NAME, S("张三"), NULL),
                     STUINFO_OK);
    assert_int_equal(stuinfo_student_set(st, STUINFO_FIELD_BIRTH_DATE, S("2012-03-04"),
                                         NULL),
                     STUINFO_OK);
    assert_int_equal(stuinfo_student_family_add(st, &i), STUINFO_OK);
    assert_int_equal(stuinfo_student_set_path(st, "family[0].name", S("李四"), NULL),
                     STUINFO_OK);
    assert_int_equal(stuinfo_student_history_add(st, &i), STUINFO_OK);
    return st;
}

static stuinfo_report *
sample_report(stuinfo_ctx *ctx)
{
    stuinfo_report *rep = NULL;
    stuinfo_student *st = NULL;

    assert_int_equal(stuinfo_report_new(ctx, &rep), STUINFO_OK);
    assert_int_equal(stuinfo_student_new(ctx, &st), STUINFO_OK);
    /* a trimmed, reformatted "=cmd" value: notes with a formula-like quote to write */
    (void)stuinfo_student_set(st, STUINFO_FIELD_BIRTH_DATE, S(" 2012/3/4 "), rep);
    (void)stuinfo_student_validate(st, NULL, rep);
    stuinfo_student_free(st);
    assert_true(stuinfo_report_count(rep) >= 2);
    return rep;
}

/* Writes a bit of everything the format takes; the first failure ends the run. */
static stuinfo_status
write_all(stuinfo_ctx *ctx, int32_t format, int32_t encoding, stuinfo_write_fn fn,
          void *user, const stuinfo_student *st, const stuinfo_report *rep)
{
    static const char *const heading[] = {"姓名", "备注\"引号\"", "=公式"};
    static const char *const row[] = {"王五", "a,b\r\nc", "+1\t\x01"};
    stuinfo_roster_writer_options o;
    stuinfo_roster_writer *w = NULL;
    stuinfo_status s;

    assert_int_equal(stuinfo_roster_writer_options_init(&o), STUINFO_OK);
    o.format = format;
    o.encoding = encoding;
    o.bom = encoding == STUINFO_ROSTER_ENCODING_UTF8 && format == STUINFO_ROSTER_FORMAT_CSV;
    s = stuinfo_roster_writer_new(ctx, &o, fn, user, &w);
    if (s != STUINFO_OK) {
        assert_null(w);
        return s;
    }
    if (format == STUINFO_ROSTER_FORMAT_CSV || format == STUINFO_ROSTER_FORMAT_JSONL) {
        s = stuinfo_roster_writer_heading(w, heading, NULL, 3);
        for (int i = 0; s == STUINFO_OK && i < 40; i++)
            s = stuinfo_roster_writer_row(w, row, NULL, 3);
        if (s == STUINFO_OK)
            s = stuinfo_roster_writer_student(w, st);
        if (s == STUINFO_OK)
            s = stuinfo_roster_writer_findings(w, rep);
        assert_true(s == STUINFO_OK || s == STUINFO_ERR_STATE || s == STUINFO_ERR_IO
                    || s == STUINFO_ERR_NOMEM);
        if (s == STUINFO_ERR_STATE)
            s = STUINFO_OK;         /* findings: not a findings format */
    } else {
        for (int i = 0; s == STUINFO_OK && i < 30; i++)
            s = stuinfo_roster_writer_findings(w, rep);
        if (s == STUINFO_OK)
            assert_int_equal(stuinfo_roster_writer_row(w, row, NULL, 3), STUINFO_ERR_STATE);
    }
    if (s == STUINFO_OK)
        s = stuinfo_roster_writer_finish(w);
    if (s == STUINFO_OK)
        assert_int_equal(stuinfo_roster_writer_row(w, row, NULL, 3), STUINFO_ERR_STATE);
    stuinfo_roster_writer_free(w);
    return s;
}

static const struct {
    int32_t format, encoding;
} kinds[] = {
    {STUINFO_ROSTER_FORMAT_CSV, STUINFO_ROSTER_ENCODING_UTF8},
    {STUINFO_ROSTER_FORMAT_CSV, STUINFO_ROSTER_ENCODING_GB18030},
    {STUINFO_ROSTER_FORMAT_JSONL, STUINFO_ROSTER_ENCODING_UTF8},
    {STUINFO_ROSTER_FORMAT_FINDINGS_CSV, STUINFO_ROSTER_ENCODING_UTF8},
    {STUINFO_ROSTER_FORMAT_FINDINGS_CSV, STUINFO_ROSTER_ENCODING_GB18030},
    {STUINFO_ROSTER_FORMAT_FINDINGS_JSON, STUINFO_ROSTER_ENCODING_UTF8},
};

static void
test_arguments(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_roster_writer_options o;
    stuinfo_roster_writer *w = (stuinfo_roster_writer *)&o;
    struct memsink m = {0};
    static const char *const cells[] = {"a"};

    (void)state;
    assert_int_equal(stuinfo_roster_writer_options_init(NULL), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_roster_writer_options_init(&o), STUINFO_OK);
    assert_int_equal(stuinfo_roster_writer_new(NULL, &o, memsink_write, &m, &w),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_null(w);
    assert_int_equal(stuinfo_roster_writer_new(ctx, &o, NULL, &m, &w),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_roster_writer_new(ctx, &o, memsink_write, &m, NULL),
                     STUINFO_ERR_INVALID_ARGUMENT);
    o.size = 4;
    assert_int_equal(stuinfo_roster_writer_new(ctx, &o, memsink_write, &m, &w),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_roster_writer_options_init(&o), STUINFO_OK);
    o.format = 0;
    assert_int_equal(stuinfo_roster_writer_new(ctx, &o, memsink_write, &m, &w),
                     STUINFO_ERR_INVALID_ARGUMENT);
    o.format = STUINFO_ROSTER_FORMAT_FINDINGS_JSON + 1;
    assert_int_equal(stuinfo_roster_writer_new(ctx, &o, memsink_write, &m, &w),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_null(w);
    /* NULL writer everywhere */
    assert_int_equal(stuinfo_roster_writer_row(NULL, cells, NULL, 1),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_roster_writer_heading(NULL, cells, NULL, 1),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_roster_writer_student(NULL, NULL), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_roster_writer_findings(NULL, NULL), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_roster_writer_finish(NULL), STUINFO_ERR_INVALID_ARGUMENT);
    stuinfo_roster_writer_free(NULL);
    /* NULL cells with a count, NULL student and report */
    assert_int_equal(stuinfo_roster_writer_new(ctx, NULL, memsink_write, &m, &w), STUINFO_OK);
    assert_int_equal(stuinfo_roster_writer_row(w, NULL, NULL, 2),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_roster_writer_heading(w, NULL, NULL, 2),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_roster_writer_student(w, NULL), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_roster_writer_row(w, NULL, NULL, 0), STUINFO_OK);
    assert_int_equal(stuinfo_roster_writer_finish(w), STUINFO_OK);
    assert_int_equal(stuinfo_roster_writer_finish(w), STUINFO_OK);     /* idempotent */
    stuinfo_roster_writer_free(w);
    free(m.data);
    stuinfo_ctx_free(ctx);
}

/* The sink fails at its 1st, 2nd, ... call: the run ends in STUINFO_ERR_IO. */
static void
test_failing_sink(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_student *st = sample_student(ctx);
    stuinfo_report *rep = sample_report(ctx);

    (void)state;
    for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
        int calls;
        struct failsink clean = {0};

        assert_int_equal(write_all(ctx, kinds[k].format, kinds[k].encoding, failsink_write,
                                   &clean, st, rep),
                         STUINFO_OK);
        calls = clean.calls;
        assert_true(clean.m.len > 0);
        free(clean.m.data);
        for (int at = 1; at <= calls + 1; at++) {
            struct failsink f = {0};
            stuinfo_status s;

            f.fail_at = at;
            s = write_all(ctx, kinds[k].format, kinds[k].encoding, failsink_write, &f, st,
                          rep);
            if (f.calls >= at)
                assert_int_equal(s, STUINFO_ERR_IO);
            else
                assert_int_equal(s, STUINFO_OK);
            free(f.m.data);
        }
    }
    stuinfo_report_free(rep);
    stuinfo_student_free(st);
    stuinfo_ctx_free(ctx);
}

/* Allocation N fails (once, and from N on): NOMEM, no leak, and no output change in
 * the undisturbed run. */
static void
test_alloc_failures(void **state)
{
    (void)state;
    for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
        for (int after = 0; after < 2; after++) {
            for (uint64_t at = 1; at < 400; at++) {
                test_faults faults = {0};
                stuinfo_ctx *ctx = test_ctx_new_faulty(&faults);
                stuinfo_student *st = sample_student(ctx);
                stuinfo_report *rep = sample_report(ctx);
                struct memsink m = {0};
                stuinfo_status s;

                faults.count = 0;
                faults.fail_at = at;
                faults.fail_after = after;
                s = write_all(ctx, kinds[k].format, kinds[k].encoding, memsink_write, &m,
                              st, rep);
                faults.fail_at = 0;
                if (faults.injected)
                    assert_int_equal(s, STUINFO_ERR_NOMEM);
                else
                    assert_int_equal(s, STUINFO_OK);
                free(m.data);
                stuinfo_report_free(rep);
                stuinfo_student_free(st);
                stuinfo_ctx_free(ctx);
                if (!faults.injected)
                    break;
            }
        }
    }
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_arguments),
        cmocka_unit_test(test_failing_sink),
        cmocka_unit_test(test_alloc_failures),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
