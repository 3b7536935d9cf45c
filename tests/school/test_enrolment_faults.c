/* The enrolment history under bad arguments, allocation failure and broken JSON: a
 * documented status every time, nothing leaks, nothing half-changed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "helpers.h"

static stuinfo_status
put(stuinfo_enrolment *en, int32_t field, const char *text)
{
    return stuinfo_enrolment_set(en, field, text, strlen(text), NULL);
}

/* An event dated @p date with every field any event may need, committed. */
static stuinfo_status
event(stuinfo_enrolment *en, int32_t ev, const char *date)
{
    static const struct {
        int32_t field;
        const char *text;
    } fields[] = {
        {STUINFO_ENROLMENT_FIELD_ACTOR, "T0042"},
        {STUINFO_ENROLMENT_FIELD_ROLE, "registrar"},
        {STUINFO_ENROLMENT_FIELD_REASON, "病休"},
        {STUINFO_ENROLMENT_FIELD_PERIOD_TO, "2030-01-01"},
        {STUINFO_ENROLMENT_FIELD_SCHOOL_ID, "2111005678"},
        {STUINFO_ENROLMENT_FIELD_FROM_SCHOOL_ID, "2111009999"},
        {STUINFO_ENROLMENT_FIELD_CLASS_NO, "201901"},
    };
    stuinfo_status s = stuinfo_enrolment_begin(en, ev);

    if (s == STUINFO_OK)
        s = put(en, STUINFO_ENROLMENT_FIELD_DATE, date);
    if (s == STUINFO_OK)
        s = put(en, STUINFO_ENROLMENT_FIELD_PERIOD_FROM, date);
    if (s == STUINFO_OK)
        s = put(en, STUINFO_ENROLMENT_FIELD_GRADUATION_DATE, date);
    for (size_t i = 0; s == STUINFO_OK && i < sizeof(fields) / sizeof(fields[0]); i++)
        s = put(en, fields[i].field, fields[i].text);
    if (s == STUINFO_OK)
        s = stuinfo_enrolment_commit(en);
    return s;
}

/* enrol, suspend, resume, promote: a history of four entries. */
static stuinfo_status
history(stuinfo_ctx *ctx, stuinfo_enrolment **out)
{
    stuinfo_status s = stuinfo_enrolment_new(ctx, out);

    if (s == STUINFO_OK)
        s = event(*out, STUINFO_ENROLMENT_EVENT_ENROL, "2019-09-01");
    if (s == STUINFO_OK)
        s = event(*out, STUINFO_ENROLMENT_EVENT_SUSPEND, "2020-03-01");
    if (s == STUINFO_OK)
        s = event(*out, STUINFO_ENROLMENT_EVENT_RESUME, "2020-09-01");
    if (s == STUINFO_OK)
        s = event(*out, STUINFO_ENROLMENT_EVENT_PROMOTE, "2021-09-01");
    return s;
}

static void
test_arguments(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_enrolment *en = NULL;
    const char *t = "x";
    size_t n = 9;
    int32_t ev = 7, st = 7;

    (void)state;
    assert_int_equal(history(ctx, &en), STUINFO_OK);
    assert_int_equal(stuinfo_enrolment_count(en), 4);
    assert_int_equal(stuinfo_enrolment_count(NULL), 0);
    assert_int_equal(stuinfo_enrolment_status_of(NULL), STUINFO_ENROLMENT_NONE);
    assert_int_equal(stuinfo_enrolment_status_of(en), STUINFO_ENROLMENT_IN_SCHOOL);
    assert_false(stuinfo_enrolment_is_graduated(NULL));
    assert_false(stuinfo_enrolment_is_graduated(en));
    assert_false(stuinfo_enrolment_is_reported(NULL));
    assert_int_equal(stuinfo_enrolment_last_refusal(NULL), 0);
    assert_null(stuinfo_enrolment_head(NULL));

    assert_int_equal(stuinfo_enrolment_entry(NULL, 0, &ev, &st), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(ev, 0);
    assert_int_equal(st, 0);
    assert_int_equal(stuinfo_enrolment_entry(en, 4, &ev, &st), STUINFO_ERR_NOT_FOUND);
    assert_int_equal(stuinfo_enrolment_entry(en, 1, NULL, NULL), STUINFO_OK);
    assert_int_equal(stuinfo_enrolment_entry(en, 1, &ev, &st), STUINFO_OK);
    assert_int_equal(ev, STUINFO_ENROLMENT_EVENT_SUSPEND);
    assert_int_equal(st, STUINFO_ENROLMENT_SUSPENDED);

    assert_int_equal(stuinfo_enrolment_entry_get(NULL, 0, STUINFO_ENROLMENT_FIELD_DATE, &t, &n),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_null(t);
    assert_int_equal(n, 0);
    assert_int_equal(stuinfo_enrolment_entry_get(en, 0, 0, &t, &n),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_enrolment_entry_get(en, 0, 999, &t, &n),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_enrolment_entry_get(en, 0, STUINFO_ENROLMENT_FIELD_DATE, NULL, &n),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_enrolment_entry_get(en, 9, STUINFO_ENROLMENT_FIELD_DATE, &t, &n),
                     STUINFO_ERR_NOT_FOUND);
    assert_int_equal(stuinfo_enrolment_entry_get(en, 2, STUINFO_ENROLMENT_FIELD_DATE, &t, NULL),
                     STUINFO_OK);
    assert_string_equal(t, "2020-09-01");

    assert_int_equal(stuinfo_enrolment_latest(NULL, STUINFO_ENROLMENT_FIELD_DATE, &t, &n),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_enrolment_latest(en, 0, &t, &n), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_enrolment_latest(en, STUINFO_ENROLMENT_FIELD_DATE, NULL, &n),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_enrolment_latest(en, STUINFO_ENROLMENT_FIELD_DATE, &t, &n),
                     STUINFO_OK);
    assert_string_equal(t, "2021-09-01");
    assert_int_equal(n, 10);
    {
        stuinfo_enrolment *empty = NULL;

        assert_int_equal(stuinfo_enrolment_new(ctx, &empty), STUINFO_OK);
        assert_int_equal(stuinfo_enrolment_latest(empty, STUINFO_ENROLMENT_FIELD_DATE, &t, &n),
                         STUINFO_OK);
        assert_null(t);
        assert_int_equal(n, 0);
        stuinfo_enrolment_free(empty);
    }

    /* commit with nothing begun; an unknown event */
    assert_int_not_equal(stuinfo_enrolment_commit(en), STUINFO_OK);
    assert_int_not_equal(stuinfo_enrolment_begin(en, 9999), STUINFO_OK);
    assert_int_not_equal(stuinfo_enrolment_can(en, 9999), STUINFO_OK);
    assert_int_equal(stuinfo_enrolment_count(en), 4);
    assert_int_equal(stuinfo_enrolment_verify(en, NULL, 0, NULL), STUINFO_OK);
    stuinfo_enrolment_free(en);
    stuinfo_enrolment_free(NULL);
    stuinfo_ctx_free(ctx);
}

/* Every allocation of building, writing and reading a history fails in turn. */
static void
test_alloc_failures(void **state)
{
    const char *json = NULL;
    size_t len = 0;
    char *copy = NULL;
    stuinfo_ctx *ref = test_ctx_new();
    stuinfo_enrolment *en = NULL;
    uint64_t at;

    (void)state;
    assert_int_equal(history(ref, &en), STUINFO_OK);
    assert_int_equal(stuinfo_enrolment_to_json(en, &json, &len), STUINFO_OK);
    copy = malloc(len + 1);
    assert_non_null(copy);
    memcpy(copy, json, len + 1);
    stuinfo_enrolment_free(en);
    stuinfo_ctx_free(ref);

    for (int after = 0; after < 2; after++) {
        for (at = 1; at < 2000; at++) {
            test_faults faults = {0};
            stuinfo_ctx *ctx = test_ctx_new_faulty(&faults);
            stuinfo_enrolment *a = NULL, *b = NULL;
            stuinfo_status s;

            faults.count = 0;
            faults.fail_at = at;
            faults.fail_after = after;
            s = history(ctx, &a);
            if (s == STUINFO_OK)
                s = stuinfo_enrolment_to_json(a, &json, &len);
            if (s == STUINFO_OK)
                s = stuinfo_enrolment_from_json(ctx, copy, strlen(copy), NULL, &b);
            faults.fail_at = 0;
            if (faults.injected) {
                assert_int_equal(s, STUINFO_ERR_NOMEM);
                assert_null(b);
                /* what was built stays consistent */
                if (a != NULL)
                    assert_int_equal(stuinfo_enrolment_verify(a, NULL, 0, NULL), STUINFO_OK);
            } else {
                assert_int_equal(s, STUINFO_OK);
                assert_int_equal(stuinfo_enrolment_count(b), 4);
                assert_string_equal(stuinfo_enrolment_head(a), stuinfo_enrolment_head(b));
            }
            stuinfo_enrolment_free(b);
            stuinfo_enrolment_free(a);
            stuinfo_ctx_free(ctx);
            if (!faults.injected)
                break;
        }
        assert_true(at > 10);
    }
    free(copy);
}

/* Broken histories: each refused with a status of the documented set, no history. */
static void
test_bad_json(void **state)
{
    static const struct {
        const char *json;
        stuinfo_status want;        /* 0: any documented failure */
    } cases[] = {
        {"", STUINFO_ERR_PARSE},
        {"[", STUINFO_ERR_PARSE},
        {"[]", STUINFO_ERR_PARSE},
        {"{\"entries\": 1}", STUINFO_ERR_PARSE},
        {"{\"entries\": [1]}", STUINFO_ERR_PARSE},
        {"{\"entries\": [{\"event\": \"no_such_event\"}]}", 0},
        {"{\"entries\": [{\"event\": 5}]}", 0},
        {"{\"status\": \"no_such_status\", \"entries\": []}", 0},
        {"{\"entries\": [{\"event\": \"enrol\", \"date\": \"2019-09-01\"}]}", 0},
        {"{\"head\": \"zz\", \"entries\": []}", 0},
        {"{\"entries\": [], \"x\": \"\\u0000\"}", 0},
    };
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_report *rep = NULL;

    (void)state;
    assert_int_equal(stuinfo_report_new(ctx, &rep), STUINFO_OK);
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        stuinfo_enrolment *en = (stuinfo_enrolment *)&rep;
        stuinfo_status s = stuinfo_enrolment_from_json(ctx, cases[i].json,
                                                       strlen(cases[i].json), rep, &en);

        if (cases[i].want != 0 ? s != cases[i].want
                               : !(s == STUINFO_ERR_PARSE || s == STUINFO_ERR_NOT_FOUND
                                   || s == STUINFO_ERR_TAMPERED || s == STUINFO_ERR_TOO_LONG
                                   || s == STUINFO_ERR_ENCODING
                                   || s == STUINFO_ERR_INVALID))
            fail_msg("case %zu (%s): status %d", i, cases[i].json, (int)s);
        assert_null(en);
        assert_int_equal(stuinfo_ctx_last_status(ctx), s);
    }
    assert_int_equal(stuinfo_enrolment_from_json(NULL, "{}", 2, NULL, NULL),
                     STUINFO_ERR_INVALID_ARGUMENT);
    stuinfo_report_free(rep);
    stuinfo_ctx_free(ctx);
}

/* A tampered entry: the date of the second entry changed after the fact. */
static void
test_tampered(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_enrolment *en = NULL, *back = NULL;
    const char *json;
    size_t len;
    char *copy, *p;

    (void)state;
    assert_int_equal(history(ctx, &en), STUINFO_OK);
    assert_int_equal(stuinfo_enrolment_to_json(en, &json, &len), STUINFO_OK);
    copy = malloc(len + 1);
    assert_non_null(copy);
    memcpy(copy, json, len + 1);
    p = strstr(copy, "2020-03-01");
    assert_non_null(p);
    p[3] = '1';                             /* 2021-03-01 */
    assert_int_equal(stuinfo_enrolment_from_json(ctx, copy, len, NULL, &back),
                     STUINFO_ERR_TAMPERED);
    assert_null(back);
    free(copy);
    stuinfo_enrolment_free(en);
    stuinfo_ctx_free(ctx);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_arguments),
        cmocka_unit_test(test_alloc_failures),
        cmocka_unit_test(test_bad_json),
        cmocka_unit_test(test_tampered),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
