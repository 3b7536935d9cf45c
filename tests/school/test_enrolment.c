/* The enrolment lifecycle: every transition of the table, each refusal, the hash-chained
 * history and its JSON round trip. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "helpers.h"

enum { NONE = STUINFO_ENROLMENT_NONE, IN = STUINFO_ENROLMENT_IN_SCHOOL,
       SUS = STUINFO_ENROLMENT_SUSPENDED, OUT = STUINFO_ENROLMENT_TRANSFERRED_OUT,
       GRAD = STUINFO_ENROLMENT_GRADUATED, COMP = STUINFO_ENROLMENT_COMPLETED,
       WD = STUINFO_ENROLMENT_WITHDRAWN, EXP = STUINFO_ENROLMENT_EXPELLED,
       DEAD = STUINFO_ENROLMENT_DECEASED, DROP = STUINFO_ENROLMENT_DROPPED_OUT,
       NSTATUS = 10 };

static const int32_t events[] = {
    STUINFO_ENROLMENT_EVENT_ENROL, STUINFO_ENROLMENT_EVENT_RESUME,
    STUINFO_ENROLMENT_EVENT_TRANSFER_IN, STUINFO_ENROLMENT_EVENT_GRADUATE,
    STUINFO_ENROLMENT_EVENT_COMPLETE, STUINFO_ENROLMENT_EVENT_SUSPEND,
    STUINFO_ENROLMENT_EVENT_WITHDRAW, STUINFO_ENROLMENT_EVENT_EXPEL,
    STUINFO_ENROLMENT_EVENT_RECORD_DEATH, STUINFO_ENROLMENT_EVENT_TRANSFER_OUT,
    STUINFO_ENROLMENT_EVENT_DROP_OUT, STUINFO_ENROLMENT_EVENT_PROMOTE,
    STUINFO_ENROLMENT_EVENT_CHANGE_CLASS, STUINFO_ENROLMENT_EVENT_REPEAT,
    STUINFO_ENROLMENT_EVENT_REPORT,
};
#define NEVENTS (sizeof(events) / sizeof(events[0]))

/* The expected table, written out independently of the data file: the status after each
 * event from each status, or -1 when the event is refused. S: the status stays. */
#define R (-1)
#define S (-2)
static const int expected[NSTATUS][NEVENTS] = {
    /* enrol resume tr_in grad comp susp wdraw expel death tr_out drop prom chg rep report */
    [NONE] = {IN,    R,   IN,   R,   R,   R,   R,    R,    R,    R,     R,   R,   R,  R,  R},
    [IN]   = {R,     R,   R,    GRAD, COMP, SUS, WD, EXP,  DEAD, OUT,   DROP, S,  S,  S,  S},
    [SUS]  = {R,     IN,  R,    R,   R,   R,   WD,   EXP,  DEAD, OUT,   R,   R,   R,  R,  S},
    [OUT]  = {R,     R,   IN,   R,   R,   R,   R,    R,    DEAD, R,     R,   R,   R,  R,  S},
    [GRAD] = {R,     R,   R,    R,   R,   R,   R,    R,    R,    R,     R,   R,   R,  R,  S},
    [COMP] = {R,     R,   R,    R,   R,   R,   R,    R,    R,    R,     R,   R,   R,  R,  S},
    [WD]   = {R,     R,   R,    R,   R,   R,   R,    R,    R,    R,     R,   R,   R,  R,  S},
    [EXP]  = {R,     R,   R,    R,   R,   R,   R,    R,    R,    R,     R,   R,   R,  R,  S},
    [DEAD] = {R,     R,   R,    R,   R,   R,   R,    R,    R,    R,     R,   R,   R,  R,  S},
    [DROP] = {R,     IN,  R,    R,   R,   R,   WD,   R,    DEAD, R,     R,   R,   R,  R,  S},
};

static void
put(stuinfo_enrolment *en, int32_t field, const char *text)
{
    assert_int_equal(stuinfo_enrolment_set(en, field, text, strlen(text), NULL), STUINFO_OK);
}

/* Start @p event dated @p date with every field any event may need. */
static void
begin_full(stuinfo_enrolment *en, int32_t event, const char *date)
{
    assert_int_equal(stuinfo_enrolment_begin(en, event), STUINFO_OK);
    put(en, STUINFO_ENROLMENT_FIELD_DATE, date);
    put(en, STUINFO_ENROLMENT_FIELD_ACTOR, "T0042");
    put(en, STUINFO_ENROLMENT_FIELD_ROLE, "registrar");
    put(en, STUINFO_ENROLMENT_FIELD_REASON, "病休");
    put(en, STUINFO_ENROLMENT_FIELD_PERIOD_FROM, date);
    put(en, STUINFO_ENROLMENT_FIELD_PERIOD_TO, "2030-01-01");
    put(en, STUINFO_ENROLMENT_FIELD_SCHOOL_ID, "2111005678");
    put(en, STUINFO_ENROLMENT_FIELD_FROM_SCHOOL_ID, "2111009999");
    put(en, STUINFO_ENROLMENT_FIELD_CLASS_NO, "201901");
    put(en, STUINFO_ENROLMENT_FIELD_GRADUATION_DATE, date);
}

static void
apply(stuinfo_enrolment *en, int32_t event, const char *date)
{
    begin_full(en, event, date);
    assert_int_equal(stuinfo_enrolment_commit(en), STUINFO_OK);
}

/* A history that has reached @p status. */
static stuinfo_enrolment *
reach(stuinfo_ctx *ctx, int status)
{
    static const int32_t second[NSTATUS] = {
        [SUS] = STUINFO_ENROLMENT_EVENT_SUSPEND, [OUT] = STUINFO_ENROLMENT_EVENT_TRANSFER_OUT,
        [GRAD] = STUINFO_ENROLMENT_EVENT_GRADUATE, [COMP] = STUINFO_ENROLMENT_EVENT_COMPLETE,
        [WD] = STUINFO_ENROLMENT_EVENT_WITHDRAW, [EXP] = STUINFO_ENROLMENT_EVENT_EXPEL,
        [DEAD] = STUINFO_ENROLMENT_EVENT_RECORD_DEATH, [DROP] = STUINFO_ENROLMENT_EVENT_DROP_OUT,
    };
    stuinfo_enrolment *en = NULL;

    assert_int_equal(stuinfo_enrolment_new(ctx, &en), STUINFO_OK);
    if (status != NONE)
        apply(en, STUINFO_ENROLMENT_EVENT_ENROL, "2019-09-01");
    if (second[status] != 0)
        apply(en, second[status], "2020-03-01");
    assert_int_equal(stuinfo_enrolment_status_of(en), status);
    return en;
}

static void
test_every_transition(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();

    (void)state;
    for (int s = 0; s < NSTATUS; s++) {
        for (size_t k = 0; k < NEVENTS; k++) {
            stuinfo_enrolment *en = reach(ctx, s);
            size_t before = stuinfo_enrolment_count(en);
            int want = expected[s][k];
            stuinfo_status st;

            begin_full(en, events[k], "2021-09-01");
            st = stuinfo_enrolment_commit(en);
            if (want == R) {
                if (st == STUINFO_OK)
                    fail_msg("event %d after status %d was accepted", events[k], s);
                assert_true(st == STUINFO_ERR_STATE || st == STUINFO_ERR_LOCKED_GRADUATED);
                assert_int_equal(stuinfo_enrolment_count(en), before);
                assert_int_equal(stuinfo_enrolment_status_of(en), s);
                assert_int_not_equal(stuinfo_enrolment_last_refusal(en), 0);
                assert_int_equal(stuinfo_enrolment_can(en, events[k]), st);
            } else {
                if (st != STUINFO_OK)
                    fail_msg("event %d after status %d refused (%d)", events[k], s, st);
                assert_int_equal(stuinfo_enrolment_status_of(en), want == S ? s : want);
                assert_int_equal(stuinfo_enrolment_count(en), before + 1);
                assert_int_equal(stuinfo_enrolment_verify(en, NULL, 0, NULL), STUINFO_OK);
            }
            stuinfo_enrolment_free(en);
        }
    }
    stuinfo_ctx_free(ctx);
}

static void
expect_refusal(stuinfo_enrolment *en, int32_t event, stuinfo_status status, int32_t refusal)
{
    begin_full(en, event, "2022-01-01");
    assert_int_equal(stuinfo_enrolment_commit(en), status);
    assert_int_equal(stuinfo_enrolment_last_refusal(en), refusal);
}

static void
test_refusals(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_enrolment *en;

    (void)state;
    en = reach(ctx, IN);
    expect_refusal(en, STUINFO_ENROLMENT_EVENT_RESUME, STUINFO_ERR_STATE,
                   STUINFO_ENROLMENT_REFUSAL_NOT_SUSPENDED);
    assert_non_null(strstr(stuinfo_ctx_last_message(ctx), "not suspended"));
    expect_refusal(en, STUINFO_ENROLMENT_EVENT_ENROL, STUINFO_ERR_STATE,
                   STUINFO_ENROLMENT_REFUSAL_ALREADY_ENROLLED);
    stuinfo_enrolment_free(en);

    en = reach(ctx, SUS);
    expect_refusal(en, STUINFO_ENROLMENT_EVENT_GRADUATE, STUINFO_ERR_STATE,
                   STUINFO_ENROLMENT_REFUSAL_SUSPENDED);
    expect_refusal(en, STUINFO_ENROLMENT_EVENT_PROMOTE, STUINFO_ERR_STATE,
                   STUINFO_ENROLMENT_REFUSAL_SUSPENDED);
    stuinfo_enrolment_free(en);

    en = reach(ctx, GRAD);
    expect_refusal(en, STUINFO_ENROLMENT_EVENT_WITHDRAW, STUINFO_ERR_LOCKED_GRADUATED,
                   STUINFO_ENROLMENT_REFUSAL_TERMINAL);
    expect_refusal(en, STUINFO_ENROLMENT_EVENT_RESUME, STUINFO_ERR_LOCKED_GRADUATED,
                   STUINFO_ENROLMENT_REFUSAL_TERMINAL);
    stuinfo_enrolment_free(en);

    for (int s = COMP; s <= DEAD; s++) {
        en = reach(ctx, s);
        expect_refusal(en, STUINFO_ENROLMENT_EVENT_TRANSFER_IN, STUINFO_ERR_STATE,
                       STUINFO_ENROLMENT_REFUSAL_TERMINAL);
        stuinfo_enrolment_free(en);
    }
    en = reach(ctx, NONE);
    expect_refusal(en, STUINFO_ENROLMENT_EVENT_SUSPEND, STUINFO_ERR_STATE,
                   STUINFO_ENROLMENT_REFUSAL_NOT_ENROLLED);
    stuinfo_enrolment_free(en);
    en = reach(ctx, OUT);
    expect_refusal(en, STUINFO_ENROLMENT_EVENT_PROMOTE, STUINFO_ERR_STATE,
                   STUINFO_ENROLMENT_REFUSAL_TRANSFERRED_OUT);
    stuinfo_enrolment_free(en);
    en = reach(ctx, DROP);
    expect_refusal(en, STUINFO_ENROLMENT_EVENT_GRADUATE, STUINFO_ERR_STATE,
                   STUINFO_ENROLMENT_REFUSAL_DROPPED_OUT);
    stuinfo_enrolment_free(en);
    stuinfo_ctx_free(ctx);
}

/* Each event's required fields, one missing at a time. */
static void
test_required_fields(void **state)
{
    static const struct { int from; int32_t event, field; } cases[] = {
        {IN, STUINFO_ENROLMENT_EVENT_SUSPEND, STUINFO_ENROLMENT_FIELD_REASON},
        {IN, STUINFO_ENROLMENT_EVENT_SUSPEND, STUINFO_ENROLMENT_FIELD_PERIOD_FROM},
        {IN, STUINFO_ENROLMENT_EVENT_SUSPEND, STUINFO_ENROLMENT_FIELD_PERIOD_TO},
        {IN, STUINFO_ENROLMENT_EVENT_TRANSFER_OUT, STUINFO_ENROLMENT_FIELD_SCHOOL_ID},
        {NONE, STUINFO_ENROLMENT_EVENT_TRANSFER_IN, STUINFO_ENROLMENT_FIELD_FROM_SCHOOL_ID},
        {IN, STUINFO_ENROLMENT_EVENT_GRADUATE, STUINFO_ENROLMENT_FIELD_GRADUATION_DATE},
        {IN, STUINFO_ENROLMENT_EVENT_WITHDRAW, STUINFO_ENROLMENT_FIELD_REASON},
        {IN, STUINFO_ENROLMENT_EVENT_EXPEL, STUINFO_ENROLMENT_FIELD_REASON},
        {IN, STUINFO_ENROLMENT_EVENT_CHANGE_CLASS, STUINFO_ENROLMENT_FIELD_CLASS_NO},
        {IN, STUINFO_ENROLMENT_EVENT_PROMOTE, STUINFO_ENROLMENT_FIELD_DATE},
        {IN, STUINFO_ENROLMENT_EVENT_PROMOTE, STUINFO_ENROLMENT_FIELD_ACTOR},
        {NONE, STUINFO_ENROLMENT_EVENT_ENROL, STUINFO_ENROLMENT_FIELD_ROLE},
    };
    stuinfo_ctx *ctx = test_ctx_new();

    (void)state;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        stuinfo_enrolment *en = reach(ctx, cases[i].from);

        begin_full(en, cases[i].event, "2022-01-01");
        assert_int_equal(stuinfo_enrolment_set(en, cases[i].field, NULL, 0, NULL), STUINFO_OK);
        assert_int_equal(stuinfo_enrolment_commit(en), STUINFO_ERR_INVALID);
        assert_int_equal(stuinfo_enrolment_last_refusal(en),
                         STUINFO_ENROLMENT_REFUSAL_MISSING_FIELD);
        /* The started event survives a refusal: fill the field and commit again. */
        put(en, cases[i].field, cases[i].field == STUINFO_ENROLMENT_FIELD_SCHOOL_ID
                                        || cases[i].field == STUINFO_ENROLMENT_FIELD_FROM_SCHOOL_ID
                                    ? "2111005678"
                                : cases[i].field == STUINFO_ENROLMENT_FIELD_PERIOD_TO
                                    ? "2030-01-01"
                                : (cases[i].field == STUINFO_ENROLMENT_FIELD_DATE
                                   || cases[i].field == STUINFO_ENROLMENT_FIELD_PERIOD_FROM
                                   || cases[i].field == STUINFO_ENROLMENT_FIELD_GRADUATION_DATE)
                                    ? "2022-01-01"
                                    : "x1");
        assert_int_equal(stuinfo_enrolment_commit(en), STUINFO_OK);
        stuinfo_enrolment_free(en);
    }
    stuinfo_ctx_free(ctx);
}

static void
test_bad_values(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_enrolment *en = reach(ctx, IN);

    (void)state;
    begin_full(en, STUINFO_ENROLMENT_EVENT_PROMOTE, "2018-09-01");
    assert_int_equal(stuinfo_enrolment_commit(en), STUINFO_ERR_INVALID);
    assert_int_equal(stuinfo_enrolment_last_refusal(en), STUINFO_ENROLMENT_REFUSAL_DATE_ORDER);
    begin_full(en, STUINFO_ENROLMENT_EVENT_SUSPEND, "2020-09-01");
    put(en, STUINFO_ENROLMENT_FIELD_PERIOD_TO, "2020-08-01");
    assert_int_equal(stuinfo_enrolment_commit(en), STUINFO_ERR_INVALID);
    assert_int_equal(stuinfo_enrolment_last_refusal(en), STUINFO_ENROLMENT_REFUSAL_BAD_PERIOD);
    begin_full(en, STUINFO_ENROLMENT_EVENT_TRANSFER_OUT, "2020-09-01");
    put(en, STUINFO_ENROLMENT_FIELD_SCHOOL_ID, "12345");
    assert_int_equal(stuinfo_enrolment_commit(en), STUINFO_ERR_INVALID);
    assert_int_equal(stuinfo_enrolment_last_refusal(en), STUINFO_ENROLMENT_REFUSAL_BAD_VALUE);
    begin_full(en, STUINFO_ENROLMENT_EVENT_PROMOTE, "2020-02-30");
    assert_int_equal(stuinfo_enrolment_commit(en), STUINFO_ERR_INVALID);
    assert_int_equal(stuinfo_enrolment_last_refusal(en), STUINFO_ENROLMENT_REFUSAL_BAD_VALUE);
    /* Dates are canonicalized on set. */
    begin_full(en, STUINFO_ENROLMENT_EVENT_PROMOTE, "2020年9月1日");
    assert_int_equal(stuinfo_enrolment_commit(en), STUINFO_OK);
    assert_int_equal(stuinfo_enrolment_count(en), 2);
    /* No event started; unknown events. */
    assert_int_equal(stuinfo_enrolment_commit(en), STUINFO_ERR_STATE);
    assert_int_equal(stuinfo_enrolment_last_refusal(en), STUINFO_ENROLMENT_REFUSAL_NO_EVENT);
    assert_int_equal(stuinfo_enrolment_set(en, STUINFO_ENROLMENT_FIELD_DATE, "2020-01-01", 10,
                                           NULL), STUINFO_ERR_STATE);
    assert_int_equal(stuinfo_enrolment_begin(en, 99), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_enrolment_can(en, 0), STUINFO_ERR_INVALID_ARGUMENT);
    assert_null(stuinfo_enrolment_event_key(99));
    assert_string_equal(stuinfo_enrolment_event_key(STUINFO_ENROLMENT_EVENT_SUSPEND), "suspend");
    assert_string_equal(stuinfo_enrolment_event_name(STUINFO_ENROLMENT_EVENT_SUSPEND), "休学");
    assert_string_equal(stuinfo_enrolment_status_key(GRAD), "graduated");
    stuinfo_enrolment_free(en);
    stuinfo_ctx_free(ctx);
}

/* Enrolment to graduation through suspension and transfer; then the history as JSON. */
static stuinfo_enrolment *
journey(stuinfo_ctx *ctx, const uint8_t *key, size_t key_len)
{
    stuinfo_enrolment *en = NULL;

    if (key != NULL)
        assert_int_equal(stuinfo_enrolment_new_keyed(ctx, key, key_len, &en), STUINFO_OK);
    else
        assert_int_equal(stuinfo_enrolment_new(ctx, &en), STUINFO_OK);
    assert_int_equal(stuinfo_enrolment_begin(en, STUINFO_ENROLMENT_EVENT_ENROL), STUINFO_OK);
    put(en, STUINFO_ENROLMENT_FIELD_DATE, "2019-09-01");
    put(en, STUINFO_ENROLMENT_FIELD_ACTOR, "T0042");
    put(en, STUINFO_ENROLMENT_FIELD_ROLE, "registrar");
    put(en, STUINFO_ENROLMENT_FIELD_CLASS_NO, "201901");
    put(en, STUINFO_ENROLMENT_FIELD_GRADE, "2019级小学");
    assert_int_equal(stuinfo_enrolment_commit(en), STUINFO_OK);
    apply(en, STUINFO_ENROLMENT_EVENT_PROMOTE, "2020-09-01");
    apply(en, STUINFO_ENROLMENT_EVENT_SUSPEND, "2021-03-01");
    assert_int_equal(stuinfo_enrolment_is_graduated(en), 0);
    apply(en, STUINFO_ENROLMENT_EVENT_RESUME, "2021-09-01");
    begin_full(en, STUINFO_ENROLMENT_EVENT_CHANGE_CLASS, "2021-09-02");
    put(en, STUINFO_ENROLMENT_FIELD_CLASS_NO, "201902");
    assert_int_equal(stuinfo_enrolment_commit(en), STUINFO_OK);
    apply(en, STUINFO_ENROLMENT_EVENT_TRANSFER_OUT, "2022-02-01");
    apply(en, STUINFO_ENROLMENT_EVENT_TRANSFER_IN, "2022-09-01");
    apply(en, STUINFO_ENROLMENT_EVENT_REPEAT, "2023-09-01");
    apply(en, STUINFO_ENROLMENT_EVENT_GRADUATE, "2025-07-01");
    assert_int_equal(stuinfo_enrolment_is_reported(en), 0);
    apply(en, STUINFO_ENROLMENT_EVENT_REPORT, "2025-07-15");
    return en;
}

static void
test_journey(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_enrolment *en = journey(ctx, NULL, 0);
    const char *v, *head;
    char bad_head[65];
    size_t bad = 0;
    int32_t ev, st;

    (void)state;
    assert_int_equal(stuinfo_enrolment_count(en), 10);
    assert_int_equal(stuinfo_enrolment_status_of(en), GRAD);
    assert_int_equal(stuinfo_enrolment_is_graduated(en), 1);
    assert_int_equal(stuinfo_enrolment_is_reported(en), 1);
    assert_int_equal(stuinfo_enrolment_entry(en, 2, &ev, &st), STUINFO_OK);
    assert_int_equal(ev, STUINFO_ENROLMENT_EVENT_SUSPEND);
    assert_int_equal(st, SUS);
    assert_int_equal(stuinfo_enrolment_entry(en, 10, &ev, &st), STUINFO_ERR_NOT_FOUND);
    assert_int_equal(stuinfo_enrolment_entry_get(en, 0, STUINFO_ENROLMENT_FIELD_GRADE, &v,
                                                 NULL), STUINFO_OK);
    assert_string_equal(v, "小学2019级");
    assert_int_equal(stuinfo_enrolment_latest(en, STUINFO_ENROLMENT_FIELD_GRADE, &v, NULL),
                     STUINFO_OK);
    assert_string_equal(v, "小学2019级");
    head = stuinfo_enrolment_head(en);
    assert_int_equal(strlen(head), 64);
    assert_int_equal(stuinfo_enrolment_verify(en, head, 64, &bad), STUINFO_OK);
    memcpy(bad_head, head, 65);
    bad_head[0] = bad_head[0] == '0' ? '1' : '0';
    assert_int_equal(stuinfo_enrolment_verify(en, bad_head, 64, &bad), STUINFO_ERR_TAMPERED);
    assert_int_equal(bad, 10);
    assert_int_equal(stuinfo_enrolment_verify(en, "xyz", 3, &bad),
                     STUINFO_ERR_INVALID_ARGUMENT);
    stuinfo_enrolment_free(en);
    stuinfo_ctx_free(ctx);
}

static char *
replace(const char *s, const char *from, const char *to)
{
    const char *p = strstr(s, from);
    size_t a = (size_t)(p - s), n = strlen(s) - strlen(from) + strlen(to);
    char *out = malloc(n + 1);

    assert_non_null(p);
    memcpy(out, s, a);
    memcpy(out + a, to, strlen(to));
    strcpy(out + a + strlen(to), p + strlen(from));
    return out;
}

static void
test_json(void **state)
{
    static const uint8_t key[] = "school secret";
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_enrolment *en = journey(ctx, NULL, 0), *back = NULL;
    stuinfo_report *rep = NULL;
    const char *json, *json2;
    char *text, *evil;
    size_t len;

    (void)state;
    assert_int_equal(stuinfo_report_new(ctx, &rep), STUINFO_OK);
    assert_int_equal(stuinfo_enrolment_to_json(en, &json, &len), STUINFO_OK);
    text = strdup(json);
    assert_non_null(strstr(text, "\"status\":\"graduated\""));
    assert_int_equal(stuinfo_enrolment_from_json(ctx, text, len, rep, &back), STUINFO_OK);
    assert_int_equal(stuinfo_enrolment_status_of(back), GRAD);
    assert_int_equal(stuinfo_enrolment_is_reported(back), 1);
    assert_int_equal(stuinfo_enrolment_to_json(back, &json2, NULL), STUINFO_OK);
    assert_string_equal(text, json2);
    assert_string_equal(stuinfo_enrolment_head(back), stuinfo_enrolment_head(en));
    /* Events still go on after loading. */
    begin_full(back, STUINFO_ENROLMENT_EVENT_PROMOTE, "2025-09-01");
    assert_int_equal(stuinfo_enrolment_commit(back), STUINFO_ERR_LOCKED_GRADUATED);
    stuinfo_enrolment_free(back);
    back = NULL;

    /* An edited value, a dropped entry, an edited head, an impossible replay. */
    evil = replace(text, "2021-03-01", "2021-03-02");
    assert_int_equal(stuinfo_enrolment_from_json(ctx, evil, strlen(evil), rep, &back),
                     STUINFO_ERR_TAMPERED);
    assert_null(back);
    free(evil);
    evil = replace(text, "\"status\":\"suspended\"", "\"status\":\"in_school\"");
    assert_int_equal(stuinfo_enrolment_from_json(ctx, evil, strlen(evil), rep, &back),
                     STUINFO_ERR_TAMPERED);
    assert_true(has_finding(rep, "school.enrolment_replay", "entries[2]"));
    free(evil);
    evil = replace(text, "\"event\":\"resume\"", "\"event\":\"promote\"");
    assert_int_equal(stuinfo_enrolment_from_json(ctx, evil, strlen(evil), rep, &back),
                     STUINFO_ERR_TAMPERED);
    free(evil);
    evil = replace(text, "\"head\":\"", "\"head\":\"0");
    assert_int_equal(stuinfo_enrolment_from_json(ctx, evil, strlen(evil) - 0, rep, &back),
                     STUINFO_ERR_PARSE);
    free(evil);
    {
        /* Keep the first entry only: the stored head no longer matches. */
        const char *second = strstr(text, "},{");
        char *cut;
        size_t a;

        assert_non_null(second);
        a = (size_t)(second - text) + 1;
        cut = malloc(a + 3);
        memcpy(cut, text, a);
        memcpy(cut + a, "]}", 3);
        assert_int_equal(stuinfo_enrolment_from_json(ctx, cut, strlen(cut), rep, &back),
                         STUINFO_ERR_TAMPERED);
        free(cut);
    }
    assert_int_equal(stuinfo_enrolment_from_json(ctx, "{\"entries\":{}}", 14, rep, &back),
                     STUINFO_ERR_PARSE);
    free(text);
    stuinfo_enrolment_free(en);

    /* A keyed history verifies only under its key. */
    en = journey(ctx, key, sizeof(key) - 1);
    assert_int_equal(stuinfo_enrolment_to_json(en, &json, &len), STUINFO_OK);
    assert_int_equal(stuinfo_enrolment_from_json(ctx, json, len, rep, &back),
                     STUINFO_ERR_TAMPERED);
    assert_int_equal(stuinfo_enrolment_from_json_keyed(ctx, key, sizeof(key) - 1, json, len,
                                                       rep, &back), STUINFO_OK);
    assert_int_equal(stuinfo_enrolment_verify(back, stuinfo_enrolment_head(en), 64, NULL),
                     STUINFO_OK);
    stuinfo_enrolment_free(back);
    assert_int_equal(stuinfo_enrolment_new_keyed(ctx, NULL, 0, &back),
                     STUINFO_ERR_INVALID_ARGUMENT);
    stuinfo_enrolment_free(en);
    stuinfo_report_free(rep);
    stuinfo_ctx_free(ctx);
}

static void
test_alloc_failures(void **state)
{
    (void)state;
    for (uint64_t at = 1; at < 400; at++) {
        test_faults f = {.fail_at = at};
        stuinfo_ctx *ctx = test_ctx_new_faulty(&f);
        stuinfo_enrolment *en = NULL, *back = NULL;
        const char *json;
        size_t len;

        if (ctx == NULL)
            continue;
        if (stuinfo_enrolment_new(ctx, &en) == STUINFO_OK
            && stuinfo_enrolment_begin(en, STUINFO_ENROLMENT_EVENT_ENROL) == STUINFO_OK) {
            stuinfo_enrolment_set(en, STUINFO_ENROLMENT_FIELD_DATE, "2019-09-01", 10, NULL);
            stuinfo_enrolment_set(en, STUINFO_ENROLMENT_FIELD_ACTOR, "T1", 2, NULL);
            stuinfo_enrolment_set(en, STUINFO_ENROLMENT_FIELD_ROLE, "r", 1, NULL);
            stuinfo_enrolment_commit(en);
            if (stuinfo_enrolment_to_json(en, &json, &len) == STUINFO_OK)
                stuinfo_enrolment_from_json(ctx, json, len, NULL, &back);
        }
        stuinfo_enrolment_free(back);
        stuinfo_enrolment_free(en);
        stuinfo_ctx_free(ctx);
        if (!f.injected)
            break;
    }
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_transition),
        cmocka_unit_test(test_refusals),
        cmocka_unit_test(test_required_fields),
        cmocka_unit_test(test_bad_values),
        cmocka_unit_test(test_journey),
        cmocka_unit_test(test_json),
        cmocka_unit_test(test_alloc_failures),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
