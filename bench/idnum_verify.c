/*
 * Identity-number verification throughput, through the public API, on a mixed set of
 * one million numbers (fixed seed): 70% valid 18-digit resident numbers over many
 * address codes, 4% with a lower-case x, 4% full-width, 5% 15-digit, 2% permits and
 * foreigners' cards, 15% invalid of every kind (check character, date, future date,
 * province, length, character, scientific notation).
 * Prints: bench idnum.verify18 <n> ops/s, bench idnum.verify18_batch <n> ops/s, and
 * figures for the other kinds and for masking. Times are the thread's CPU time (the
 * machines are shared), best of seven passes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "stuinfo.h"

enum { COUNT = 1000000, SLOT = 64 };

static uint64_t rng_state = 0x2545F4914F6CDD1DULL;

static uint32_t
rng(uint32_t n)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (uint32_t)(rng_state % n);
}

static char
check_of(const char *s)
{
    static const int w[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++)
        sum += (s[i] - '0') * w[i];
    return "10X98765432"[sum % 11];
}

/* Address codes: current, historic, unknown under real provinces, prefecture level. */
static const char *const addresses[] = {
    "110105", "110108", "120101", "130102", "140105", "150102", "210102", "220102",
    "230102", "310104", "320102", "320219", "330106", "340104", "350102", "360102",
    "370102", "410105", "420106", "430419", "440106", "440524", "450103", "460105",
    "500103", "510104", "520102", "530102", "540102", "610104", "620102", "632825",
    "640104", "650102", "371002", "441900", "130123", "110103",
};
#define N_ADDR (sizeof(addresses) / sizeof(addresses[0]))

static void
valid18(char *s)
{
    snprintf(s, 19, "%s%04u%02u%02u%03u", addresses[rng(N_ADDR)], 1950 + rng(75),
             1 + rng(12), 1 + rng(28), rng(1000));
    s[17] = check_of(s);
    s[18] = '\0';
}

static size_t
make_one(char *s)
{
    uint32_t k = rng(100);

    valid18(s);
    if (k < 70)
        return 18;
    if (k < 74) {                                   /* lower-case x */
        s[14] = '0';
        for (int q = 0; q < 1000 && check_of(s) != 'X'; q++)
            snprintf(s + 14, 4, "%03u", rng(1000));
        s[17] = check_of(s) == 'X' ? 'x' : check_of(s);
        return 18;
    }
    if (k < 78) {                                   /* full-width: 3 bytes a character */
        char t[SLOT];
        size_t n = 0;
        for (int i = 0; i < 18; i++) {
            unsigned cp = s[i] == 'X' ? 0xFF38 : 0xFF10 + (unsigned)(s[i] - '0');
            t[n++] = (char)(0xE0 | (cp >> 12));
            t[n++] = (char)(0x80 | ((cp >> 6) & 0x3F));
            t[n++] = (char)(0x80 | (cp & 0x3F));
        }
        memcpy(s, t, n);
        return n;
    }
    if (k < 83) {                                   /* 15-digit */
        memmove(s + 6, s + 8, 9);
        s[15] = '\0';
        return 15;
    }
    if (k < 85) {                                   /* permits and foreigners' cards */
        memcpy(s, k == 83 ? "810000" : "911398", 6);
        s[17] = check_of(s);
        return 18;
    }
    switch (k % 7) {                                /* invalid */
    case 0:
        s[17] = s[17] == '0' ? '1' : '0';
        return 18;
    case 1:
        memcpy(s + 10, "0230", 4);
        s[17] = check_of(s);
        return 18;
    case 2:
        memcpy(s + 6, "2099", 4);
        s[17] = check_of(s);
        return 18;
    case 3:
        memcpy(s, "99", 2);
        s[17] = check_of(s);
        return 18;
    case 4:
        return 17;
    case 5:
        s[9] = 'O';
        return 18;
    default:
        strcpy(s, "1.10105E+17");
        return 11;
    }
}

static double
now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static volatile uint32_t sink;

static double
run_single(stuinfo_ctx *ctx, const char *const *texts, const size_t *lens, size_t n)
{
    stuinfo_idnum_result r = {.size = sizeof(r)};
    double best = 1e9;

    for (int pass = 0; pass < 7; pass++) {
        uint32_t ok = 0;
        double t0 = now_s();
        for (size_t i = 0; i < n; i++)
            ok += stuinfo_idnum_verify(ctx, texts[i], lens[i], &r) == STUINFO_OK;
        double t = now_s() - t0;
        sink = ok;
        if (t < best)
            best = t;
    }
    return (double)n / best;
}

static double
run_batch(stuinfo_ctx *ctx, const char *const *texts, const size_t *lens, size_t n,
          int32_t *reasons)
{
    double best = 1e9;

    for (int pass = 0; pass < 7; pass++) {
        size_t valid = 0;
        double t0 = now_s();
        stuinfo_idnum_verify_batch(ctx, texts, lens, n, reasons, &valid);
        double t = now_s() - t0;
        sink = (uint32_t)valid;
        if (t < best)
            best = t;
    }
    return (double)n / best;
}

int
main(int argc, char **argv)
{
    /* An argument names the one figure to measure (for profiling): single, batch. */
    const char *only = argc > 1 ? argv[1] : NULL;
    stuinfo_ctx *ctx = NULL;
    char *pool = malloc((size_t)COUNT * SLOT);
    const char **texts = malloc(COUNT * sizeof(*texts));
    size_t *lens = malloc(COUNT * sizeof(*lens));
    int32_t *reasons = malloc(COUNT * sizeof(*reasons));
    size_t valid = 0;

    if (pool == NULL || texts == NULL || lens == NULL || reasons == NULL
        || stuinfo_ctx_new(NULL, &ctx) != STUINFO_OK)
        return 1;
    stuinfo_ctx_set_fixed_time(ctx, 1788220800);    /* 2026-09-01 */
    for (size_t i = 0; i < COUNT; i++) {
        texts[i] = pool + i * SLOT;
        lens[i] = make_one(pool + i * SLOT);
    }
    stuinfo_idnum_verify_batch(ctx, texts, lens, COUNT, reasons, &valid);
    printf("# mixed set: %d numbers, %zu valid\n", COUNT, valid);
    if (only == NULL || strcmp(only, "single") == 0)
        printf("bench idnum.verify18 %.0f ops/s\n", run_single(ctx, texts, lens, COUNT));
    if (only == NULL || strcmp(only, "batch") == 0)
        printf("bench idnum.verify18_batch %.0f ops/s\n",
               run_batch(ctx, texts, lens, COUNT, reasons));
    if (only != NULL)
        goto done;

    /* Other kinds, each a set of its own. */
    static const char *const kinds[][2] = {
        {"idnum.verify15", "110105491231002"},
        {"idnum.verify_foreign15", "KAZ110090123105"},
        {"idnum.verify_foreign18", "911398199012310021"},
        {"idnum.verify_fullwidth", "\xef\xbc\x91\xef\xbc\x91\xef\xbc\x90\xef\xbc\x91\xef\xbc\x90"
                                   "\xef\xbc\x95\xef\xbc\x91\xef\xbc\x99\xef\xbc\x94\xef\xbc\x99"
                                   "\xef\xbc\x91\xef\xbc\x92\xef\xbc\x93\xef\xbc\x91\xef\xbc\x90"
                                   "\xef\xbc\x90\xef\xbc\x92\xef\xbc\xb8"},
    };
    enum { SMALL = 200000 };
    for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
        for (size_t i = 0; i < SMALL; i++) {
            texts[i] = kinds[k][1];
            lens[i] = strlen(kinds[k][1]);
        }
        printf("bench %s %.0f ops/s\n", kinds[k][0], run_single(ctx, texts, lens, SMALL));
    }
    {
        stuinfo_idnum_result r = {.size = sizeof(r)};
        double t0 = now_s();
        for (size_t i = 0; i < SMALL; i++)
            sink += stuinfo_idnum_student_no_verify(ctx, "G11010519491231002X", 19, 0, &r);
        printf("bench idnum.student_no %.0f ops/s\n", SMALL / (now_s() - t0));
        char buf[40];
        t0 = now_s();
        for (size_t i = 0; i < SMALL; i++)
            sink += stuinfo_idnum_mask(ctx, "11010519491231002X", 18, NULL, buf, sizeof(buf),
                                       NULL);
        printf("bench idnum.mask %.0f ops/s\n", SMALL / (now_s() - t0));
    }
done:
    stuinfo_ctx_free(ctx);
    free(pool);
    free(texts);
    free(lens);
    free(reasons);
    return 0;
}
