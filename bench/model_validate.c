/*
 * Full validation of a complete record (every student, family and history field filled,
 * every rule on), on one core: prints `bench model.validate <n> records/s`. Also the cost
 * of building the record (`bench model.set <n> values/s`) and of a JSON round trip
 * (`bench model.json <n> records/s`). Times are CPU time of the benchmark thread.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "stuinfo.h"
#include "../tests/model/sample.h"

static double
now(void)
{
    struct timespec ts;

    /* CPU time of this thread: the figure is per core, and stays meaningful on a
     * machine shared with other builds (wall time would count their load too). */
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
main(void)
{
    stuinfo_ctx *ctx = NULL;
    stuinfo_student *st = NULL, *back = NULL;
    stuinfo_report *rep = NULL;
    const char *json;
    size_t len, findings = 0;
    long n, values = 0;
    double t0, dt;
    int rc = 1;

    if (stuinfo_ctx_new(NULL, &ctx) != STUINFO_OK)
        return 1;
    /* The sample is valid at 2026-09-01 (Beijing time). */
    stuinfo_ctx_set_fixed_time(ctx, 1788220800LL);
    if (stuinfo_student_new(ctx, &st) != STUINFO_OK || sample_fill(st) != STUINFO_OK
        || stuinfo_report_new(ctx, &rep) != STUINFO_OK)
        goto out;

    /* Validation: long enough runs to smooth out the clock. */
    for (n = 0, t0 = now(); (dt = now() - t0) < 2.0; ) {
        for (int k = 0; k < 1000; k++, n++) {
            if (stuinfo_student_validate(st, NULL, rep) != STUINFO_OK)
                goto out;
        }
        findings += stuinfo_report_count(rep);
        stuinfo_report_clear(rep);
    }
    if (findings != 0) {
        fprintf(stderr, "the sample record should validate clean\n");
        goto out;
    }
    printf("bench model.validate %.0f records/s\n", (double)n / dt);

    /* Building: every value of the sample through the setters (ICU canonicalization). */
    for (n = 0, t0 = now(); (dt = now() - t0) < 1.0; n++) {
        stuinfo_student *s2 = NULL;

        if (stuinfo_student_new(ctx, &s2) != STUINFO_OK || sample_fill(s2) != STUINFO_OK)
            goto out;
        stuinfo_student_free(s2);
    }
    values = n * (long)(sizeof(sample_values) / sizeof(sample_values[0]) + 2 * 19 + 2 * 5);
    printf("bench model.set %.0f values/s\n", (double)values / dt);

    /* JSON: out and back in. */
    for (n = 0, t0 = now(); (dt = now() - t0) < 1.0; n++) {
        if (stuinfo_student_to_json(st, &json, &len) != STUINFO_OK
            || stuinfo_student_from_json(ctx, json, len, NULL, &back) != STUINFO_OK)
            goto out;
        stuinfo_student_free(back);
    }
    printf("bench model.json %.0f records/s\n", (double)n / dt);
    rc = 0;
out:
    stuinfo_report_free(rep);
    stuinfo_student_free(st);
    stuinfo_ctx_free(ctx);
    return rc;
}
