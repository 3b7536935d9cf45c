/*
 * Change-request transitions per second: each request is created, gets a key-field change
 * and evidence, is submitted and approved at both levels (six accepted transitions, each
 * a table lookup with its checks and one SHA-256 log link plus the content digest); also
 * JSON round trips per second of such a request (load = replay + chain verification).
 * Prints `bench workflow.transitions <n> transitions/s` and
 * `bench workflow.json_round_trip <n> requests/s`. CPU time of the benchmark thread.
 * usage: bench_workflow_transitions [REQUESTS]
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
act(stuinfo_change_request *r, const stuinfo_workflow_policy *p, const stuinfo_cr_actor *a,
    int32_t action)
{
    return stuinfo_request_act(r, p, NULL, a, action, stuinfo_request_revision(r), NULL, 0)
           != STUINFO_OK;
}

/* One request through six transitions; NULL on any failure. */
static stuinfo_change_request *
lifecycle(stuinfo_ctx *ctx, const stuinfo_workflow_policy *p, const stuinfo_cr_actor *s,
          const stuinfo_cr_actor *t, const stuinfo_cr_actor *reg)
{
    stuinfo_change_request *r = NULL;
    int bad;

    if (stuinfo_request_new(ctx, p, NULL, s, "S001", 4, 7, STUINFO_CR_KIND_CHANGE_OF_FACT,
                            NULL, 0, &r) != STUINFO_OK)
        return NULL;
    bad = stuinfo_request_set_change(r, p, NULL, s, 1, "name", "张三", 6, "张叁", 6)
          != STUINFO_OK;
    bad |= stuinfo_request_add_evidence(r, p, NULL, s, 2, STUINFO_EVIDENCE_HOUSEHOLD_REGISTER,
                                        "HR-1", 4) != STUINFO_OK;
    bad |= act(r, p, s, STUINFO_CR_ACTION_SUBMIT);
    bad |= act(r, p, t, STUINFO_CR_ACTION_APPROVE);
    bad |= act(r, p, reg, STUINFO_CR_ACTION_APPROVE);
    if (bad) {
        stuinfo_request_free(r);
        return NULL;
    }
    return r;
}

int
main(int argc, char **argv)
{
    long n = argc > 1 ? strtol(argv[1], NULL, 10) : 20000;
    stuinfo_workflow_policy *p = NULL;
    stuinfo_cr_actor s, t, reg;
    stuinfo_ctx *ctx = NULL;
    stuinfo_change_request *keep = NULL;
    const char *json;
    size_t len;
    double t0, t1;

    if (n <= 0 || stuinfo_ctx_new(NULL, &ctx) != STUINFO_OK
        || stuinfo_workflow_policy_new(ctx, &p) != STUINFO_OK
        || stuinfo_cr_actor_init(&s, STUINFO_ROLE_STUDENT, "s1", 2) != STUINFO_OK
        || stuinfo_cr_actor_init(&t, STUINFO_ROLE_TEACHER, "t1", 2) != STUINFO_OK
        || stuinfo_cr_actor_init(&reg, STUINFO_ROLE_REGISTRAR, "r1", 2) != STUINFO_OK) {
        fprintf(stderr, "setup failed\n");
        return 1;
    }
    t0 = now();
    for (long i = 0; i < n; i++) {
        stuinfo_change_request *r = lifecycle(ctx, p, &s, &t, &reg);

        if (r == NULL) {
            fprintf(stderr, "lifecycle failed: %s\n", stuinfo_ctx_last_message(ctx));
            return 1;
        }
        stuinfo_request_free(r);
    }
    t1 = now();
    printf("bench workflow.transitions %.0f transitions/s\n", 6.0 * (double)n / (t1 - t0));

    keep = lifecycle(ctx, p, &s, &t, &reg);
    if (keep == NULL || stuinfo_request_to_json(keep, &json, &len) != STUINFO_OK)
        return 1;
    t0 = now();
    for (long i = 0; i < n / 4 + 1; i++) {
        stuinfo_change_request *back = NULL;
        const char *j2;
        size_t l2;

        if (stuinfo_request_from_json(ctx, json, len, &back) != STUINFO_OK
            || stuinfo_request_to_json(back, &j2, &l2) != STUINFO_OK || l2 != len) {
            fprintf(stderr, "round trip failed\n");
            return 1;
        }
        stuinfo_request_free(back);
    }
    t1 = now();
    printf("bench workflow.json_round_trip %.0f requests/s\n",
           (double)(n / 4 + 1) / (t1 - t0));
    stuinfo_request_free(keep);
    stuinfo_workflow_policy_free(p);
    stuinfo_ctx_free(ctx);
    return 0;
}
