/*
 * Threads: several threads at once, each with its own ctx and handles, all sharing the
 * compiled-in tables (issue 9; run under ThreadSanitizer by tools/test-all.sh).
 * The library promises: a ctx and its handles are used by one thread at a time,
 * distinct contexts need no locks, the tables are immutable. Each thread checks its
 * own answers; any wrong answer or sanitizer report fails the test.
 * Layers add their work to one_round() as they land.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stuinfo.h"
#include "core/report.h"
#include "text/text.h"

#define THREADS 8

static atomic_int failures;
static int iterations = 100;

#define CHECK(cond)                                                                     \
    do {                                                                                \
        if (!(cond)) {                                                                  \
            fprintf(stderr, "thread check failed at %s:%d: %s\n", __FILE__, __LINE__,   \
                    #cond);                                                             \
            atomic_fetch_add(&failures, 1);                                             \
            return;                                                                     \
        }                                                                               \
    } while (0)

static void
one_round(stuinfo_ctx *ctx, int seed)
{
    stuinfo_report *r = NULL;
    stuinfo_code_entry e;
    stuinfo_region reg;
    const char *json = NULL;
    size_t len = 0, off = 0;

    /* text layer */
    CHECK(text_utf8_check("\xE5\xBC\xA0\xE4\xB8\x89", 6, NULL) == TEXT_OK);
    CHECK(text_utf8_check("ab\xC0\xAF", 4, &off) == TEXT_INVALID_UTF8 && off == 2);

    /* shared code tables, including the ICU-backed name folding */
    memset(&e, 0, sizeof(e));
    e.size = sizeof(e);
    CHECK(stuinfo_code_find_name(ctx, STUINFO_TABLE_ETHNICITY,
                                 seed % 2 ? "\xE6\xBC\xA2\xE6\x97\x8F" : "Han", seed % 2 ? 6 : 3,
                                 &e) == STUINFO_OK);            /* 漢族 / Han */
    CHECK(strcmp(e.code, "01") == 0);
    CHECK(stuinfo_code_find(ctx, STUINFO_TABLE_NATIONALITY, "CHN", 3, &e) == STUINFO_OK);
    CHECK(strcmp(e.code, "156") == 0);
    memset(&reg, 0, sizeof(reg));
    reg.size = sizeof(reg);
    CHECK(stuinfo_region_find(ctx, "110101", 6, &reg) == STUINFO_OK);
    CHECK(stuinfo_code_find_name(ctx, STUINFO_TABLE_ETHNICITY, "\xD5\xC5", 2, &e)
          == STUINFO_ERR_ENCODING);
    CHECK(stuinfo_ctx_last_status(ctx) == STUINFO_ERR_ENCODING);

    /* reports and their JSON */
    CHECK(stuinfo_report_new(ctx, &r) == STUINFO_OK);
    for (int i = 0; i < 10; i++)
        CHECK(core_report_add(r, RULE_TEXT_TOO_LONG, "name", "50", NULL) == STUINFO_OK);
    CHECK(stuinfo_report_to_json(r, &json, &len) == STUINFO_OK && len > 0);
    CHECK(strstr(json, "text.too_long") != NULL);
    stuinfo_report_free(r);

    /* identity numbers */
    {
        stuinfo_idnum_result id;
        char masked[40];

        memset(&id, 0, sizeof(id));
        id.size = sizeof(id);
        CHECK(stuinfo_idnum_verify(ctx, "11010519491231002X", 18, &id) == STUINFO_OK);
        CHECK(id.birth_year == 1949 && id.sex == 2);
        CHECK(stuinfo_idnum_verify(ctx, "110105194912310021", 18, &id) == STUINFO_ERR_INVALID);
        CHECK(stuinfo_idnum_mask(ctx, "11010519491231002X", 18, NULL, masked,
                                 sizeof(masked), NULL) == STUINFO_OK);
        CHECK(strcmp(masked, "110105********002X") == 0);
    }

    /* student records: set (ICU canonicalization), validate, JSON out and back in */
    {
        stuinfo_student *st = NULL, *back = NULL;
        stuinfo_report *rep = NULL;
        const char *j = NULL;
        size_t n = 0;

        CHECK(stuinfo_report_new(ctx, &rep) == STUINFO_OK);
        CHECK(stuinfo_student_new(ctx, &st) == STUINFO_OK);
        CHECK(stuinfo_student_set(st, STUINFO_FIELD_NAME, "\xE9\x98\xBF\xE4\xBE\x9D"
                                  "\xE3\x83\xBB\xE5\x8F\xA4", 12, rep) == STUINFO_OK);
        CHECK(stuinfo_student_set(st, STUINFO_FIELD_ID_DOC_NO, "11010519491231002x", 18, rep)
              == STUINFO_OK);
        CHECK(stuinfo_student_set(st, STUINFO_FIELD_ETHNICITY, "\xE6\xBC\xA2", 3, rep)
              == STUINFO_OK);                                       /* 漢 */
        CHECK(stuinfo_student_validate(st, NULL, rep) == STUINFO_OK);
        CHECK(stuinfo_report_count_severity(rep, STUINFO_SEVERITY_ERROR) > 0);
        CHECK(stuinfo_student_to_json(st, &j, &n) == STUINFO_OK);
        CHECK(stuinfo_student_from_json(ctx, j, n, NULL, &back) == STUINFO_OK);
        stuinfo_student_free(back);
        stuinfo_student_free(st);
        stuinfo_report_free(rep);
    }
}

static void *
worker(void *arg)
{
    int id = (int)(intptr_t)arg;
    stuinfo_ctx *ctx = NULL;

    /* Contexts are made concurrently too: ICU's first-use set-up races here. */
    if (stuinfo_ctx_new(NULL, &ctx) != STUINFO_OK) {
        atomic_fetch_add(&failures, 1);
        return NULL;
    }
    stuinfo_ctx_set_lang(ctx, id % 2 ? STUINFO_LANG_EN : STUINFO_LANG_ZH_CN);
    for (int i = 0; i < iterations && atomic_load(&failures) == 0; i++)
        one_round(ctx, id + i);
    stuinfo_ctx_free(ctx);
    return NULL;
}

int
main(void)
{
    pthread_t t[THREADS];
    const char *env = getenv("STUINFO_THREAD_ITERATIONS");

    if (env != NULL && atoi(env) > 0)
        iterations = atoi(env);
    for (int i = 0; i < THREADS; i++)
        if (pthread_create(&t[i], NULL, worker, (void *)(intptr_t)i) != 0)
            return 1;
    for (int i = 0; i < THREADS; i++)
        pthread_join(t[i], NULL);
    printf("threads: %d x %d rounds, %d failure(s)\n", THREADS, iterations,
           atomic_load(&failures));
    return atomic_load(&failures) == 0 ? 0 : 1;
}
