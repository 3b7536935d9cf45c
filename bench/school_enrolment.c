/*
 * The enrolment lifecycle: events committed per second (each one a checked transition
 * and a SHA-256 chain link), histories verified per second and JSON round trips per
 * second for a ten-event history (`bench school.enrolment_commit <n> events/s`, ...).
 * Times are CPU time of the benchmark thread.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "stuinfo.h"

static double
now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int
put(stuinfo_enrolment *en, int32_t f, const char *v)
{
    return stuinfo_enrolment_set(en, f, v, strlen(v), NULL) != STUINFO_OK;
}

/* One event with every field any event may need. */
static int
event(stuinfo_enrolment *en, int32_t ev, const char *date)
{
    int bad = stuinfo_enrolment_begin(en, ev) != STUINFO_OK;

    bad |= put(en, STUINFO_ENROLMENT_FIELD_DATE, date);
    bad |= put(en, STUINFO_ENROLMENT_FIELD_ACTOR, "T0042");
    bad |= put(en, STUINFO_ENROLMENT_FIELD_ROLE, "registrar");
    bad |= put(en, STUINFO_ENROLMENT_FIELD_REASON, "illness");
    bad |= put(en, STUINFO_ENROLMENT_FIELD_PERIOD_FROM, date);
    bad |= put(en, STUINFO_ENROLMENT_FIELD_PERIOD_TO, "2030-01-01");
    bad |= put(en, STUINFO_ENROLMENT_FIELD_SCHOOL_ID, "2111005678");
    bad |= put(en, STUINFO_ENROLMENT_FIELD_FROM_SCHOOL_ID, "2111009999");
    bad |= put(en, STUINFO_ENROLMENT_FIELD_CLASS_NO, "201901");
    bad |= put(en, STUINFO_ENROLMENT_FIELD_GRADUATION_DATE, date);
    return bad | (stuinfo_enrolment_commit(en) != STUINFO_OK);
}

static stuinfo_enrolment *
history(stuinfo_ctx *ctx)
{
    static const int32_t evs[] = {
        STUINFO_ENROLMENT_EVENT_ENROL, STUINFO_ENROLMENT_EVENT_PROMOTE,
        STUINFO_ENROLMENT_EVENT_SUSPEND, STUINFO_ENROLMENT_EVENT_RESUME,
        STUINFO_ENROLMENT_EVENT_CHANGE_CLASS, STUINFO_ENROLMENT_EVENT_TRANSFER_OUT,
        STUINFO_ENROLMENT_EVENT_TRANSFER_IN, STUINFO_ENROLMENT_EVENT_REPEAT,
        STUINFO_ENROLMENT_EVENT_GRADUATE, STUINFO_ENROLMENT_EVENT_REPORT,
    };
    static const char *const dates[] = {"2019-09-01", "2020-09-01", "2021-03-01",
                                        "2021-09-01", "2021-09-02", "2022-02-01",
                                        "2022-09-01", "2023-09-01", "2025-07-01",
                                        "2025-07-15"};
    stuinfo_enrolment *en = NULL;

    if (stuinfo_enrolment_new(ctx, &en) != STUINFO_OK)
        return NULL;
    for (size_t i = 0; i < sizeof(evs) / sizeof(evs[0]); i++)
        if (event(en, evs[i], dates[i]) != 0) {
            stuinfo_enrolment_free(en);
            return NULL;
        }
    return en;
}

int
main(int argc, char **argv)
{
    long n = argc > 1 ? atol(argv[1]) : 2000;
    stuinfo_ctx *ctx = NULL;
    stuinfo_enrolment *en, *back;
    const char *json;
    size_t len;
    double t;

    if (n <= 0 || stuinfo_ctx_new(NULL, &ctx) != STUINFO_OK)
        return 1;
    t = now();
    for (long i = 0; i < n; i++) {
        en = history(ctx);
        if (en == NULL)
            return 1;
        stuinfo_enrolment_free(en);
    }
    printf("bench school.enrolment_commit %.0f events/s\n", (double)n * 10 / (now() - t));
    en = history(ctx);
    if (en == NULL)
        return 1;
    t = now();
    for (long i = 0; i < n * 10; i++)
        if (stuinfo_enrolment_verify(en, NULL, 0, NULL) != STUINFO_OK)
            return 1;
    printf("bench school.enrolment_verify %.0f histories/s\n", (double)n * 10 / (now() - t));
    t = now();
    for (long i = 0; i < n; i++) {
        if (stuinfo_enrolment_to_json(en, &json, &len) != STUINFO_OK
            || stuinfo_enrolment_from_json(ctx, json, len, NULL, &back) != STUINFO_OK)
            return 1;
        stuinfo_enrolment_free(back);
    }
    printf("bench school.enrolment_json %.0f round-trips/s\n", (double)n / (now() - t));
    stuinfo_enrolment_free(en);
    stuinfo_ctx_free(ctx);
    return 0;
}
