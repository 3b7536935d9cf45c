/*
 * Code-table lookups per second, by code and by name, over every table and over a mix
 * of what rosters carry. Prints `bench codes.by_code <n> ops/s`, `bench codes.by_name
 * <n> ops/s`, per-table figures, and the heap allocations seen per lookup (counted by
 * interposing malloc, so ICU's own allocations count too).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "stuinfo.h"

#if defined(__SANITIZE_ADDRESS__)
#define COUNT_MALLOC 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer)
#define COUNT_MALLOC 0
#endif
#endif
#ifndef COUNT_MALLOC
#define COUNT_MALLOC 1
#endif

#if COUNT_MALLOC
/* glibc's own entry points, so this program can count every allocation. */
extern void *__libc_malloc(size_t n);
extern void *__libc_calloc(size_t c, size_t n);
extern void *__libc_realloc(void *p, size_t n);
extern void __libc_free(void *p);
void *malloc(size_t n);
void *calloc(size_t c, size_t n);
void *realloc(void *p, size_t n);
void free(void *p);

static unsigned long long heap_allocs;

void *
malloc(size_t n)
{
    heap_allocs++;
    return __libc_malloc(n);
}

void *
calloc(size_t c, size_t n)
{
    heap_allocs++;
    return __libc_calloc(c, n);
}

void *
realloc(void *p, size_t n)
{
    heap_allocs++;
    return __libc_realloc(p, n);
}

void
free(void *p)
{
    __libc_free(p);
}
#else
static unsigned long long heap_allocs;
#endif

struct query {
    int32_t table;
    char text[64];
    size_t len;
};

static double
now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

typedef stuinfo_status (*find_fn)(stuinfo_ctx *, int32_t, const char *, size_t,
                                  stuinfo_code_entry *);

/* Runs the queries round and round for about @p seconds; returns lookups per second.
 * *allocs gets the heap allocations seen per lookup. */
static double
run(stuinfo_ctx *ctx, find_fn fn, const struct query *q, size_t n, double seconds,
    double *allocs)
{
    stuinfo_code_entry e;
    unsigned long long done = 0, a0 = heap_allocs, misses = 0;
    double t0 = now(), t = t0;

    memset(&e, 0, sizeof(e));
    e.size = sizeof(e);
    while (t - t0 < seconds) {
        for (int rep = 0; rep < 16; rep++)
            for (size_t i = 0; i < n; i++)
                misses += fn(ctx, q[i].table, q[i].text, q[i].len, &e) != STUINFO_OK;
        done += 16 * n;
        t = now();
    }
    *allocs = (double)(heap_allocs - a0) / (double)done;
    if (misses != 0)
        fprintf(stderr, "bench: %llu lookups failed\n", misses);
    return (double)done / (t - t0);
}

static void
add(struct query **q, size_t *n, size_t *cap, int32_t table, const char *text)
{
    size_t len = strlen(text);

    if (text == NULL || len >= sizeof((*q)->text))
        return;
    if (*n == *cap) {
        *cap = *cap ? 2 * *cap : 1024;
        *q = realloc(*q, *cap * sizeof(**q));
        if (*q == NULL)
            exit(1);
    }
    (*q)[*n].table = table;
    memcpy((*q)[*n].text, text, len + 1);
    (*q)[*n].len = len;
    (*n)++;
}

int
main(int argc, char **argv)
{
    double seconds = argc > 1 ? atof(argv[1]) : 0.3, allocs = 0, ops;
    stuinfo_ctx *ctx = NULL;
    struct query *codes = NULL, *names = NULL;
    size_t ncodes = 0, cap_codes = 0, nnames = 0, cap_names = 0;
    static const char *typed[][2] = {
        /* What rosters carry, by table: a mix of full, short, English, alpha, odd width. */
        {"1", "\xE6\xB1\x89\xE6\x97\x8F"}, {"1", "\xE6\xB1\x89"}, {"1", "Han"},
        {"1", "\xEF\xBC\xA8\xEF\xBC\xA1"}, {"1", " \xE5\x9B\x9E\xE6\x97\x8F "},
        {"1", "\xE6\xBC\xA2\xE6\x97\x8F"},
        {"2", "\xE5\x85\xB1\xE9\x9D\x92\xE5\x9B\xA2\xE5\x91\x98"},
        {"2", "\xE5\x9B\xA2\xE5\x91\x98"}, {"2", "\xE7\xBE\xA4\xE4\xBC\x97"},
        {"4", "\xE7\x94\xB7"}, {"4", "\xE5\xA5\xB3"},
        {"9", "China"}, {"9", "CHN"}, {"9", "\xE4\xB8\xAD\xE5\x9B\xBD"}, {"9", "156"},
        {"9", "\xE9\xA6\x99\xE6\xB8\xAF"}, {"9", "United States"},
        {"3", "\xE9\x9D\x9E\xE5\x86\x9C\xE4\xB8\x9A\xE6\x88\xB7\xE5\x8F\xA3"},
        {"5", "\xE5\xB1\x85\xE6\xB0\x91\xE8\xBA\xAB\xE4\xBB\xBD\xE8\xAF\x81"},
        {"6", "\xE5\x81\xA5\xE5\xBA\xB7\xE6\x88\x96\xE8\x89\xAF\xE5\xA5\xBD"},
        {"7", "\xE5\x90\xA6"}, {"8", "\xE7\x88\xB6\xE4\xBA\xB2"},
        {"8", "\xE6\xAF\x8D\xE4\xBA\xB2"},
        {"10", "\xE6\xB5\xB7\xE6\xB7\x80\xE5\x8C\xBA"},
    };

    if (stuinfo_ctx_new(NULL, &ctx) != STUINFO_OK)
        return 1;
    for (int32_t table = 1;; table++) {
        uint32_t count;
        stuinfo_code_table_info info;
        double t_ops;
        struct query *tq = NULL, *tn = NULL;
        size_t ntq = 0, ctq = 0, ntn = 0, ctn = 0;

        if (stuinfo_code_count(ctx, table, &count) != STUINFO_OK)
            break;
        memset(&info, 0, sizeof(info));
        info.size = sizeof(info);
        stuinfo_code_table_get_info(ctx, table, &info);
        for (uint32_t i = 0; i < count; i++) {
            stuinfo_code_entry e;
            memset(&e, 0, sizeof(e));
            e.size = sizeof(e);
            stuinfo_code_at(ctx, table, i, &e);
            add(&tq, &ntq, &ctq, table, e.code);
            add(&codes, &ncodes, &cap_codes, table, e.code);
            /* Names that name one code only: the round trip of the data test. */
            if (stuinfo_code_find_name(ctx, table, e.name, strlen(e.name), &e) == STUINFO_OK)
                add(&tn, &ntn, &ctn, table, e.name);
        }
        t_ops = run(ctx, stuinfo_code_find, tq, ntq, seconds / 4, &allocs);
        printf("bench codes.by_code.%s %.3g ops/s\n", info.key, t_ops);
        if (ntn > 0) {
            t_ops = run(ctx, stuinfo_code_find_name, tn, ntn, seconds / 4, &allocs);
            printf("bench codes.by_name.%s %.3g ops/s\n", info.key, t_ops);
        }
        free(tq);
        free(tn);
    }
    for (size_t i = 0; i < sizeof(typed) / sizeof(typed[0]); i++)
        add(&names, &nnames, &cap_names, atoi(typed[i][0]), typed[i][1]);

    ops = run(ctx, stuinfo_code_find, codes, ncodes, seconds, &allocs);
    printf("bench codes.by_code %.3g ops/s\n", ops);
    printf("bench codes.by_code.heap_allocs %.3g per_lookup\n", allocs);
    ops = run(ctx, stuinfo_code_find_name, names, nnames, seconds, &allocs);
    printf("bench codes.by_name %.3g ops/s\n", ops);
    if (COUNT_MALLOC)
        printf("bench codes.by_name.heap_allocs %.3g per_lookup\n", allocs);
    free(codes);
    free(names);
    stuinfo_ctx_free(ctx);
    return 0;
}
