/*
 * Test helpers: a ctx whose allocations go through cmocka's test allocator, so a leak
 * fails the test, plus a fault-injecting allocator for allocation-failure sweeps.
 * Include after <cmocka.h> and its prerequisites.
 */
#ifndef TESTS_TEST_CTX_H
#define TESTS_TEST_CTX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "stuinfo.h"

/* A ctx with the cmocka allocator, English messages and a fixed clock
 * (2026-09-01T00:00:00Z unless changed). Fails the test if it cannot be made. */
stuinfo_ctx *test_ctx_new(void);

/* The fixed time test contexts start at. */
#define TEST_NOW 1788220800LL   /* 2026-09-01T00:00:00Z */

/*
 * Fault injection. A fault allocator counts allocations; allocation number `fail_at`
 * (1-based) fails, and with `fail_after` every later one fails too (SQLite's two modes).
 * fail_at == 0 never fails.
 */
typedef struct test_faults {
    uint64_t count;             /* allocations attempted so far */
    uint64_t fail_at;
    bool fail_after;
    bool injected;              /* a failure was returned */
} test_faults;

/* Point @p opts at the cmocka allocator filtered through @p faults (may be NULL). */
void test_fill_hooks(stuinfo_ctx_options *opts, test_faults *faults);

/* A ctx whose allocator is cmocka's, filtered through @p faults. Made with no fault. */
stuinfo_ctx *test_ctx_new_faulty(test_faults *faults);

#endif /* TESTS_TEST_CTX_H */
