/*
 * Allocation-failure sweep (SQLite's do_faultsim_test, jansson's chaos_loop):
 * run an operation with allocation N failing, for N = 1, 2, ... until a run completes
 * without any injected failure, in two modes: fail once (the rest succeed) and fail
 * every allocation from N on. Every run must
 *   - return STUINFO_ERR_NOMEM whenever a failure was injected (never swallow one, never
 *     invent one),
 *   - leave nothing allocated that was not there before the operation,
 *   - leave the handles it worked on usable (op->check_usable) and freeable,
 * and the whole thing must leak nothing (cmocka's allocator checks at test end too).
 * jansson's allocator is routed through the same counter while sweeping, so its
 * allocations are failed too (the library never sets jansson's allocator; tests may).
 */
#ifndef TESTS_SWEEP_H
#define TESTS_SWEEP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "stuinfo.h"

typedef struct sweep_op {
    const char *name;
    /* Make what the operation works on, with nothing failing. NULL: no fixture. */
    void *(*setup)(stuinfo_ctx *ctx);
    /* The operation, run with allocation N failing. */
    stuinfo_status (*run)(stuinfo_ctx *ctx, void *fixture);
    /* After a failed run, with nothing failing: assert that the fixture still works.
     * NULL: nothing to check beyond freeing. */
    void (*check_usable)(stuinfo_ctx *ctx, void *fixture);
    /* Free the fixture (and anything a successful run made). NULL: nothing to free. */
    void (*teardown)(stuinfo_ctx *ctx, void *fixture);
    /* The call documents that work done before the failure stays (e.g. findings added
     * to a report so far): skip the "nothing new stays allocated" check. */
    bool partial_ok;
    /* A failure the owning layer has not fixed yet, reported in HARDENING.md: an injected
     * failure may end in STUINFO_OK (swallowed). Every other check still applies, and the
     * sweep prints how often it happened, so the entry can go once the layer is fixed. */
    const char *known_gap;
} sweep_op;

typedef struct sweep_stats {
    uint64_t points;            /* allocation points failed (runs that saw an injection) */
    uint64_t allocations;       /* allocations of the operation when nothing fails */
} sweep_stats;

/* Sweep @p op in both modes; asserts on any violation. Returns what was covered. */
sweep_stats sweep_run(const sweep_op *op);

/* Sweep stuinfo_ctx_new itself (the ctx is what fails to be made). */
sweep_stats sweep_ctx_new(void);

/* Whether jansson's allocations are failed too (default true). Off for operations that
 * parse JSON: jansson 2.14's parser is not safe under allocation failure (it asserts or
 * writes past a buffer: akheron/jansson#362), so only our own allocations are failed. */
void sweep_fail_jansson(bool on);

/* The counting, failing allocator, for tests that drive it themselves. */
void sweep_fill_hooks(stuinfo_ctx_options *opts);
void sweep_arm(uint64_t fail_at, bool fail_after);
void sweep_disarm(void);
bool sweep_injected(void);
long sweep_live(void);
uint64_t sweep_count(void);

/* Print the distinct library functions whose allocation was failed so far, as
 * "sweep-site <function>+<offset>" lines, and return how many there were. */
size_t sweep_print_sites(void);

#endif /* TESTS_SWEEP_H */
