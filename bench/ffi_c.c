/*
 * The cost of crossing the FFI, C side: identity-number verifications per second through
 * the public API, on the number set that ffi_python.py and ffi_php.php build the same way
 * (100000 18-digit numbers, every tenth with a wrong check character).
 * Prints: bench ffi.c_verify <n> ops/s, bench ffi.c_verify_batch <n> ops/s.
 * CPU time of the process, best of five passes (the machines are shared).
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "stuinfo.h"

enum { COUNT = 100000, PASSES = 5, REPEAT = 10 };

static const char *const addresses[8] = {
    "110105", "310104", "440106", "510104", "330106", "420106", "610104", "320102",
};

static char numbers[COUNT][19];
static const char *texts[COUNT];
static size_t lens[COUNT];
static int32_t reasons[COUNT];

static void
make_numbers(void)
{
    static const int w[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static const char checks[] = "10X98765432";

    for (int i = 0; i < COUNT; i++) {
        char *s = numbers[i];
        int sum = 0;
        snprintf(s, 19, "%s%04d%02d%02d%03d", addresses[i % 8], 1950 + (i * 7) % 70,
                 1 + (i * 5) % 12, 1 + (i * 11) % 28, (i * 13) % 1000);
        for (int k = 0; k < 17; k++)
            sum += (s[k] - '0') * w[k];
        int c = sum % 11;
        if (i % 10 == 9)
            c = (c + 1) % 11;           /* a wrong check character */
        s[17] = checks[c];
        s[18] = '\0';
        texts[i] = s;
        lens[i] = 18;
    }
}

static double
cpu_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
main(void)
{
    stuinfo_ctx *ctx = NULL;
    stuinfo_idnum_result r = {.size = sizeof(r)};
    double best_single = 1e9, best_batch = 1e9;
    size_t valid = 0, valid_batch = 0;

    if (stuinfo_ctx_new(NULL, &ctx) != STUINFO_OK)
        return 1;
    make_numbers();
    for (int pass = 0; pass < PASSES; pass++) {
        double t0 = cpu_seconds();
        valid = 0;
        for (int rep = 0; rep < REPEAT; rep++)
            for (int i = 0; i < COUNT; i++)
                valid += stuinfo_idnum_verify(ctx, texts[i], lens[i], &r) == STUINFO_OK;
        double t1 = cpu_seconds();
        for (int rep = 0; rep < REPEAT; rep++)
            stuinfo_idnum_verify_batch(ctx, texts, lens, COUNT, reasons, &valid_batch);
        double t2 = cpu_seconds();
        if (t1 - t0 < best_single)
            best_single = t1 - t0;
        if (t2 - t1 < best_batch)
            best_batch = t2 - t1;
    }
    stuinfo_ctx_free(ctx);
    if (valid != (size_t)COUNT * REPEAT * 9 / 10 || valid_batch != (size_t)COUNT * 9 / 10) {
        fprintf(stderr, "unexpected valid counts %zu %zu\n", valid, valid_batch);
        return 1;
    }
    printf("# %d numbers x %d, best of %d passes (CPU time)\n", COUNT, REPEAT, PASSES);
    printf("bench ffi.c_verify %.0f ops/s\n", COUNT * (double)REPEAT / best_single);
    printf("bench ffi.c_verify_batch %.0f ops/s\n", COUNT * (double)REPEAT / best_batch);
    return 0;
}
