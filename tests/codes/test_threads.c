/* Lookups from several threads at once, each with its own ctx, give the answers one
 * thread gets. */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "test_ctx.h"

enum { THREADS = 4, ROUNDS = 3 };

/* What rosters carry, traditional and full-width forms included (ICU paths). */
static const struct {
    int32_t table;
    const char *text;
} typed[] = {
    {STUINFO_TABLE_ETHNICITY, "\xE6\xBC\xA2\xE6\x97\x8F"},             /* 漢族 */
    {STUINFO_TABLE_ETHNICITY, "\xEF\xBC\xA8\xEF\xBC\xA1"},             /* ＨＡ */
    {STUINFO_TABLE_ETHNICITY, " Han "},
    {STUINFO_TABLE_NATIONALITY, "\xE8\x87\xBA\xE7\x81\xA3"},           /* 臺灣 */
    {STUINFO_TABLE_NATIONALITY, "china"},
    {STUINFO_TABLE_REGION, "\xE6\x9C\x9D\xE9\x98\xB3\xE5\x8C\xBA"},    /* 朝阳区: ambiguous */
    {STUINFO_TABLE_SEX, "x"},                                          /* not found */
};

struct answer {
    int32_t status;
    const char *code;
};

struct job {
    const struct answer *by_code, *by_name, *by_typed;
    size_t rows;
    int mismatches;
};

static stuinfo_code_entry
entry(void)
{
    stuinfo_code_entry e;

    memset(&e, 0, sizeof(e));
    e.size = sizeof(e);
    return e;
}

/* Every row of every table, in order: code lookups and name lookups. */
static size_t
answer_all(stuinfo_ctx *ctx, struct answer *by_code, struct answer *by_name,
           struct answer *by_typed)
{
    size_t k = 0;

    for (int32_t t = STUINFO_TABLE_ETHNICITY; t <= STUINFO_TABLE_RELATIONSHIP_CATEGORY; t++) {
        uint32_t n = 0;
        stuinfo_code_count(ctx, t, &n);
        for (uint32_t i = 0; i < n; i++, k++) {
            stuinfo_code_entry row = entry(), e = entry();
            stuinfo_code_at(ctx, t, i, &row);
            if (by_code != NULL) {
                by_code[k].status = stuinfo_code_find(ctx, t, row.code, strlen(row.code), &e);
                by_code[k].code = e.code;
                e = entry();
                by_name[k].status = stuinfo_code_find_name(ctx, t, row.name, strlen(row.name),
                                                            &e);
                by_name[k].code = by_name[k].status == STUINFO_OK ? e.code : NULL;
            }
        }
    }
    if (by_typed != NULL) {
        for (size_t i = 0; i < sizeof(typed) / sizeof(typed[0]); i++) {
            stuinfo_code_entry e = entry();
            by_typed[i].status = stuinfo_code_find_name(ctx, typed[i].table, typed[i].text,
                                                        strlen(typed[i].text), &e);
            by_typed[i].code = by_typed[i].status == STUINFO_OK ? e.code : NULL;
        }
    }
    return k;
}

static int
differ(const struct answer *a, const struct answer *b, size_t n)
{
    int bad = 0;

    for (size_t i = 0; i < n; i++)
        bad += a[i].status != b[i].status || a[i].code != b[i].code;
    return bad;
}

static void *
worker(void *arg)
{
    struct job *job = arg;
    stuinfo_ctx *ctx = NULL;
    size_t ntyped = sizeof(typed) / sizeof(typed[0]);
    struct answer *c = calloc(job->rows, sizeof(*c)), *n = calloc(job->rows, sizeof(*n));
    struct answer ty[sizeof(typed) / sizeof(typed[0])];

    /* libc allocator: cmocka's test allocator is not thread-safe. */
    if (c == NULL || n == NULL || stuinfo_ctx_new(NULL, &ctx) != STUINFO_OK) {
        job->mismatches = -1;
    } else {
        for (int r = 0; r < ROUNDS; r++) {
            answer_all(ctx, c, n, ty);
            job->mismatches += differ(c, job->by_code, job->rows)
                             + differ(n, job->by_name, job->rows)
                             + differ(ty, job->by_typed, ntyped);
        }
    }
    stuinfo_ctx_free(ctx);
    free(c);
    free(n);
    return NULL;
}

static void
test_threads_agree(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    size_t rows = answer_all(ctx, NULL, NULL, NULL);
    struct answer *c = calloc(rows, sizeof(*c)), *n = calloc(rows, sizeof(*n));
    struct answer ty[sizeof(typed) / sizeof(typed[0])];
    pthread_t tid[THREADS];
    struct job jobs[THREADS];

    (void)state;
    assert_non_null(c);
    assert_non_null(n);
    answer_all(ctx, c, n, ty);
    assert_int_equal(ty[0].status, STUINFO_OK);
    assert_string_equal(ty[0].code, "01");
    assert_string_equal(ty[3].code, "158");
    assert_int_equal(ty[5].status, STUINFO_ERR_AMBIGUOUS);
    assert_int_equal(ty[6].status, STUINFO_ERR_NOT_FOUND);
    for (int i = 0; i < THREADS; i++) {
        jobs[i] = (struct job){c, n, ty, rows, 0};
        assert_int_equal(pthread_create(&tid[i], NULL, worker, &jobs[i]), 0);
    }
    for (int i = 0; i < THREADS; i++) {
        assert_int_equal(pthread_join(tid[i], NULL), 0);
        assert_int_equal(jobs[i].mismatches, 0);
    }
    free(c);
    free(n);
    stuinfo_ctx_free(ctx);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_threads_agree),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
