/* One ctx per thread: records built, validated and round-tripped through JSON at the same
 * time in several threads give the same results as on one (no shared mutable state). */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "stuinfo.h"
#include "sample.h"

#define THREADS 4
#define ROUNDS 200

struct job {
    int failures;
    size_t findings;
};

static void *
run(void *arg)
{
    struct job *job = arg;
    stuinfo_ctx *ctx = NULL;
    stuinfo_report *rep = NULL;

    if (stuinfo_ctx_new(NULL, &ctx) != STUINFO_OK
        || stuinfo_ctx_set_fixed_time(ctx, 1788220800LL) != STUINFO_OK
        || stuinfo_report_new(ctx, &rep) != STUINFO_OK) {
        job->failures++;
        goto out;
    }
    for (int r = 0; r < ROUNDS; r++) {
        stuinfo_student *st = NULL, *back = NULL;
        const char *js, *py;
        size_t n;

        if (stuinfo_student_new(ctx, &st) != STUINFO_OK) {
            job->failures++;
            break;
        }
        /* Generated pinyin exercises the per-ctx transliterator. */
        if (sample_fill(st) != STUINFO_OK
            || stuinfo_student_set(st, STUINFO_FIELD_NAME_PINYIN, NULL, 0, NULL) != 0
            || stuinfo_student_set(st, STUINFO_FIELD_NAME, "李四", strlen("李四"), NULL) != 0
            || stuinfo_student_get(st, STUINFO_FIELD_NAME_PINYIN, &py, NULL) != 0
            || py == NULL || strcmp(py, "li si") != 0
            || stuinfo_student_set(st, STUINFO_FIELD_SEX, "2", 1, NULL) != STUINFO_OK
            || stuinfo_student_validate(st, NULL, rep) != STUINFO_OK
            || stuinfo_student_to_json(st, &js, &n) != STUINFO_OK
            || stuinfo_student_from_json(ctx, js, n, NULL, &back) != STUINFO_OK)
            job->failures++;
        job->findings += stuinfo_report_count(rep);
        stuinfo_report_clear(rep);
        stuinfo_student_free(back);
        stuinfo_student_free(st);
    }
out:
    stuinfo_report_free(rep);
    stuinfo_ctx_free(ctx);
    return NULL;
}

static void
test_threads(void **state)
{
    pthread_t t[THREADS];
    struct job jobs[THREADS];

    (void)state;
    memset(jobs, 0, sizeof(jobs));
    for (int i = 0; i < THREADS; i++)
        assert_int_equal(pthread_create(&t[i], NULL, run, &jobs[i]), 0);
    for (int i = 0; i < THREADS; i++)
        assert_int_equal(pthread_join(t[i], NULL), 0);
    for (int i = 0; i < THREADS; i++) {
        assert_int_equal(jobs[i].failures, 0);
        /* Exactly the sex mismatch, every round. */
        assert_int_equal(jobs[i].findings, ROUNDS);
    }
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_threads),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
