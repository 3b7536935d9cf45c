/*
 * Allocation failure in the record setters: every failure point of a set and of an
 * import ends in STUINFO_ERR_NOMEM and changes nothing - no note silently missing from
 * the report (canon.c finding()), no generated pinyin silently dropped (access.c).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "test_ctx.h"

#define S(x) x, sizeof(x) - 1

static bool
has(const stuinfo_report *rep, const char *rule, const char *field)
{
    for (size_t i = 0; i < stuinfo_report_count(rep); i++) {
        stuinfo_finding f;

        memset(&f, 0, sizeof(f));
        f.size = sizeof(f);
        assert_int_equal(stuinfo_report_get(rep, i, &f), STUINFO_OK);
        if (strcmp(f.rule, rule) == 0 && strcmp(f.field, field) == 0)
            return true;
    }
    return false;
}

/* A copy of a field's value ("" when unset) in @p buf (64 bytes). */
static const char *
value(const stuinfo_student *st, int32_t field, char *buf)
{
    const char *t = NULL;
    size_t n = 0;

    assert_int_equal(stuinfo_student_get(st, field, &t, &n), STUINFO_OK);
    assert_true(n < 64);
    memcpy(buf, t != NULL ? t : "", n);
    buf[n] = '\0';
    return buf;
}

/*
 * Setting a name makes a name key and a pinyin and notes both the trimming and the
 * generated pinyin. Each allocation fails in turn: the setter returns NOMEM and the
 * name, the pinyin and the version stay as they were; without a failure all is there.
 */
static void
test_set_name(void **state)
{
    uint64_t at;

    (void)state;
    for (at = 1; at < 500; at++) {
        test_faults faults = {0};
        stuinfo_ctx *ctx = test_ctx_new_faulty(&faults);
        stuinfo_student *st = NULL;
        stuinfo_report *rep = NULL;
        char name0[64], py0[64], buf[64];
        uint64_t v0;
        stuinfo_status rc;

        assert_int_equal(stuinfo_student_new(ctx, &st), STUINFO_OK);
        assert_int_equal(stuinfo_report_new(ctx, &rep), STUINFO_OK);
        assert_int_equal(stuinfo_student_set(st, STUINFO_FIELD_NAME, S("李四"), NULL),
                         STUINFO_OK);
        value(st, STUINFO_FIELD_NAME, name0);
        value(st, STUINFO_FIELD_NAME_PINYIN, py0);
        assert_true(py0[0] != '\0');
        v0 = stuinfo_student_version(st);

        faults.count = 0;
        faults.fail_at = at;
        rc = stuinfo_student_set(st, STUINFO_FIELD_NAME, S(" 张三 "), rep);
        faults.fail_at = 0;
        if (faults.injected) {
            assert_int_equal(rc, STUINFO_ERR_NOMEM);
            assert_int_equal(stuinfo_ctx_last_status(ctx), STUINFO_ERR_NOMEM);
            assert_string_equal(value(st, STUINFO_FIELD_NAME, buf), name0);
            assert_string_equal(value(st, STUINFO_FIELD_NAME_PINYIN, buf), py0);
            assert_int_equal(stuinfo_student_version(st), v0);
        } else {
            assert_int_equal(rc, STUINFO_OK);
            assert_string_equal(value(st, STUINFO_FIELD_NAME, buf), "张三");
            assert_string_not_equal(value(st, STUINFO_FIELD_NAME_PINYIN, buf), py0);
            assert_true(buf[0] != '\0');
            assert_true(has(rep, "student.trimmed", "name"));
            assert_true(has(rep, "student.pinyin_generated", "name_pinyin"));
        }
        /* the record stays usable */
        assert_int_equal(stuinfo_student_set(st, STUINFO_FIELD_NAME, S("王五"), NULL),
                         STUINFO_OK);
        stuinfo_report_free(rep);
        stuinfo_student_free(st);
        stuinfo_ctx_free(ctx);
        if (!faults.injected)
            break;
    }
    assert_true(at > 3);        /* the sweep did reach the key, the pinyin and the notes */
}

/* A reformatted date notes it; a failing note fails the set and keeps the old date. */
static void
test_set_reformatted(void **state)
{
    uint64_t at;

    (void)state;
    for (at = 1; at < 100; at++) {
        test_faults faults = {0};
        stuinfo_ctx *ctx = test_ctx_new_faulty(&faults);
        stuinfo_student *st = NULL;
        stuinfo_report *rep = NULL;
        char buf[64];
        stuinfo_status rc;

        assert_int_equal(stuinfo_student_new(ctx, &st), STUINFO_OK);
        assert_int_equal(stuinfo_report_new(ctx, &rep), STUINFO_OK);
        assert_int_equal(stuinfo_student_set(st, STUINFO_FIELD_BIRTH_DATE, S("2010-01-02"),
                                             NULL),
                         STUINFO_OK);
        faults.count = 0;
        faults.fail_at = at;
        rc = stuinfo_student_set(st, STUINFO_FIELD_BIRTH_DATE, S("2011/3/4"), rep);
        faults.fail_at = 0;
        if (faults.injected) {
            assert_int_equal(rc, STUINFO_ERR_NOMEM);
            assert_string_equal(value(st, STUINFO_FIELD_BIRTH_DATE, buf), "2010-01-02");
        } else {
            assert_int_equal(rc, STUINFO_OK);
            assert_string_equal(value(st, STUINFO_FIELD_BIRTH_DATE, buf), "2011-03-04");
            assert_true(has(rep, "student.reformatted", "birth_date"));
        }
        stuinfo_report_free(rep);
        stuinfo_student_free(st);
        stuinfo_ctx_free(ctx);
        if (!faults.injected)
            break;
    }
    assert_true(at > 2);
}

/* A pinyin the caller set is theirs: a new name neither replaces it nor notes one. */
static void
test_pinyin_of_caller_kept(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_student *st = NULL;
    stuinfo_report *rep = NULL;
    char buf[64];

    (void)state;
    assert_int_equal(stuinfo_student_new(ctx, &st), STUINFO_OK);
    assert_int_equal(stuinfo_report_new(ctx, &rep), STUINFO_OK);
    assert_int_equal(stuinfo_student_set(st, STUINFO_FIELD_NAME_PINYIN, S("Zhang San"), NULL),
                     STUINFO_OK);
    assert_int_equal(stuinfo_student_set(st, STUINFO_FIELD_NAME, S("李四"), rep),
                     STUINFO_OK);
    assert_string_equal(value(st, STUINFO_FIELD_NAME_PINYIN, buf), "Zhang San");
    assert_false(has(rep, "student.pinyin_generated", "name_pinyin"));
    /* a generated pinyin follows the name, and goes with it */
    assert_int_equal(stuinfo_student_set(st, STUINFO_FIELD_NAME_PINYIN, NULL, 0, NULL),
                     STUINFO_OK);
    assert_int_equal(stuinfo_student_set(st, STUINFO_FIELD_NAME, S("李四"), rep),
                     STUINFO_OK);
    assert_true(has(rep, "student.pinyin_generated", "name_pinyin"));
    assert_true(value(st, STUINFO_FIELD_NAME_PINYIN, buf)[0] != '\0');
    assert_int_equal(stuinfo_student_set(st, STUINFO_FIELD_NAME, NULL, 0, NULL), STUINFO_OK);
    assert_string_equal(value(st, STUINFO_FIELD_NAME_PINYIN, buf), "");
    stuinfo_report_free(rep);
    stuinfo_student_free(st);
    stuinfo_ctx_free(ctx);
}

/* An import with notes (trimmed name, reformatted date, unknown key) and a family
 * member: every failure point returns NOMEM and no record. */
static void
test_from_json(void **state)
{
    static const char json[] = "{\"name\": \" 张三\", \"birth_date\": \"2010/1/2\", "
                               "\"nickname\": 1, \"family\": [{\"name\": \"李四 \"}]}";
    uint64_t at;

    (void)state;
    for (at = 1; at < 1000; at++) {
        test_faults faults = {0};
        stuinfo_ctx *ctx = test_ctx_new_faulty(&faults);
        stuinfo_student *st = NULL;
        stuinfo_report *rep = NULL;
        stuinfo_status rc;

        assert_int_equal(stuinfo_report_new(ctx, &rep), STUINFO_OK);
        faults.count = 0;
        faults.fail_at = at;
        rc = stuinfo_student_from_json(ctx, json, sizeof(json) - 1, rep, &st);
        faults.fail_at = 0;
        if (faults.injected) {
            assert_int_equal(rc, STUINFO_ERR_NOMEM);
            assert_null(st);
        } else {
            /* the unknown key fails the import; its findings are all there */
            assert_int_equal(rc, STUINFO_ERR_NOT_FOUND);
            assert_true(has(rep, "student.json_unknown_field", ""));
            assert_true(has(rep, "student.trimmed", "name"));
            assert_true(has(rep, "student.reformatted", "birth_date"));
            assert_true(has(rep, "student.trimmed", "family[0].name"));
        }
        stuinfo_student_free(st);
        stuinfo_report_free(rep);
        stuinfo_ctx_free(ctx);
        if (!faults.injected)
            break;
    }
    assert_true(at > 5);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_set_name),
        cmocka_unit_test(test_set_reformatted),
        cmocka_unit_test(test_pinyin_of_caller_kept),
        cmocka_unit_test(test_from_json),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
