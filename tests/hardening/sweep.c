/* The allocation-failure sweep (see sweep.h). */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dlfcn.h>
#include <execinfo.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "sweep.h"
#include "core/core.h"

/* Upper bound on failure points per operation, so a runaway loop ends. */
#define SWEEP_MAX_POINTS 100000
#define SITES_MAX 512

static struct {
    uint64_t count;
    uint64_t fail_at;           /* 0: never */
    bool fail_after;
    bool injected;
    long live;
} sw;

/* Call chains (innermost first, jansson frames left out) of the failed allocations. */
#define CHAIN 4
static uintptr_t sites[SITES_MAX][CHAIN];
static bool fail_jansson = true;
static uint64_t gap_hits;

void
sweep_fail_jansson(bool on)
{
    fail_jansson = on;
}
static size_t site_count;

static bool
in_jansson(uintptr_t a)
{
    Dl_info info;

    return dladdr((void *)a, &info) != 0 && info.dli_fname != NULL
           && strstr(info.dli_fname, "libjansson") != NULL;
}

/* Frames: [0] record_site, [1] the hook, [2] whoever called the hook. The chain is
 * resolved, and the allocation wrappers skipped, when the sites are printed. */
__attribute__((noinline)) static void
record_site(void)
{
    void *frames[32];
    uintptr_t chain[CHAIN] = {0};
    int n = backtrace(frames, 32);
    int k = 0;

    for (int i = 2; i < n && k < CHAIN; i++)
        if (!in_jansson((uintptr_t)frames[i]))
            chain[k++] = (uintptr_t)frames[i] - 1;  /* inside the call instruction */
    for (size_t j = 0; j < site_count; j++)
        if (memcmp(sites[j], chain, sizeof(chain)) == 0)
            return;
    if (site_count < SITES_MAX)
        memcpy(sites[site_count++], chain, sizeof(chain));
}

static bool
should_fail(void)
{
    sw.count++;
    if (sw.fail_at != 0
        && (sw.count == sw.fail_at || (sw.fail_after && sw.count > sw.fail_at))) {
        sw.injected = true;
        return true;
    }
    return false;
}

__attribute__((noinline)) static void *
sw_malloc(size_t n, void *user)
{
    void *p;

    (void)user;
    if (should_fail()) {
        record_site();
        return NULL;
    }
    p = _test_malloc(n, __FILE__, __LINE__);
    if (p != NULL)
        sw.live++;
    return p;
}

__attribute__((noinline)) static void *
sw_realloc(void *old, size_t n, void *user)
{
    void *p;

    (void)user;
    if (should_fail()) {
        record_site();
        return NULL;
    }
    p = _test_realloc(old, n, __FILE__, __LINE__);
    if (p != NULL && old == NULL)
        sw.live++;
    return p;
}

static void
sw_free(void *p, void *user)
{
    (void)user;
    if (p != NULL)
        sw.live--;
    _test_free(p, __FILE__, __LINE__);
}

__attribute__((noinline)) static void *
sw_json_malloc(size_t n)
{
    void *p;

    if (fail_jansson && should_fail()) {
        record_site();
        return NULL;
    }
    p = _test_malloc(n, __FILE__, __LINE__);
    if (p != NULL)
        sw.live++;
    return p;
}

static void
sw_json_free(void *p)
{
    sw_free(p, NULL);
}

void
sweep_fill_hooks(stuinfo_ctx_options *opts)
{
    opts->malloc_fn = sw_malloc;
    opts->realloc_fn = sw_realloc;
    opts->free_fn = sw_free;
    opts->alloc_user = NULL;
}

void
sweep_arm(uint64_t fail_at, bool fail_after)
{
    sw.count = 0;
    sw.fail_at = fail_at;
    sw.fail_after = fail_after;
    sw.injected = false;
}

void
sweep_disarm(void)
{
    sw.fail_at = 0;
    sw.fail_after = false;
}

bool
sweep_injected(void)
{
    return sw.injected;
}

long
sweep_live(void)
{
    return sw.live;
}

uint64_t
sweep_count(void)
{
    return sw.count;
}

/* jansson's allocator is process-global: route it through the sweep once, for good, so
 * that no block is ever freed by a different allocator than the one that made it. */
static void
route_jansson(void)
{
    static bool routed;

    if (!routed) {
        json_set_alloc_funcs(sw_json_malloc, sw_json_free);
        routed = true;
    }
}

static stuinfo_ctx *
clean_ctx(void)
{
    stuinfo_ctx_options o;
    stuinfo_ctx *ctx = NULL;

    route_jansson();
    sweep_disarm();
    assert_int_equal(stuinfo_ctx_options_init(&o), STUINFO_OK);
    o.lang = STUINFO_LANG_EN;
    sweep_fill_hooks(&o);
    assert_int_equal(stuinfo_ctx_new(&o, &ctx), STUINFO_OK);
    assert_int_equal(stuinfo_ctx_set_fixed_time(ctx, 1788220800LL), STUINFO_OK);
    return ctx;
}

/* One run with allocation n failing; returns true when nothing was injected. */
static bool
run_once(const sweep_op *op, uint64_t n, bool fail_after, uint64_t *allocations)
{
    stuinfo_ctx *ctx = clean_ctx();
    void *fixture = op->setup != NULL ? op->setup(ctx) : NULL;
    long live_before = sw.live;
    stuinfo_status st;
    bool injected;

    sweep_arm(n, fail_after);
    st = op->run(ctx, fixture);
    injected = sw.injected;
    *allocations = sw.count;
    sweep_disarm();
    if (injected && st == STUINFO_OK && op->known_gap != NULL) {
        gap_hits++;                     /* tolerated: see sweep_op.known_gap */
    } else if (injected) {
        if (st != STUINFO_ERR_NOMEM)
            fail_msg("%s: allocation %llu%s failed but the status was %d (%s)", op->name,
                     (unsigned long long)n, fail_after ? "+" : "", (int)st,
                     stuinfo_status_str(st));
        /* (The ctx's last status is not checked here: an operation that frees its
         * handles before returning records the status of the free.) */
        if (!op->partial_ok && sw.live > live_before)
            fail_msg("%s: allocation %llu%s failed and %ld block(s) stayed allocated",
                     op->name, (unsigned long long)n, fail_after ? "+" : "",
                     sw.live - live_before);
        if (op->check_usable != NULL)
            op->check_usable(ctx, fixture);
    } else if (st == STUINFO_ERR_NOMEM) {
        fail_msg("%s: NOMEM without an injected failure", op->name);
    }
    if (op->teardown != NULL)
        op->teardown(ctx, fixture);
    stuinfo_ctx_free(ctx);
    sweep_fail_jansson(true);
    if (sw.live != 0)
        fail_msg("%s: %ld block(s) leaked after allocation %llu%s failed", op->name,
                 sw.live, (unsigned long long)n, fail_after ? "+" : "");
    return !injected;
}

sweep_stats
sweep_run(const sweep_op *op)
{
    sweep_stats s = {0, 0};

    gap_hits = 0;
    for (int mode = 0; mode < 2; mode++) {
        uint64_t n;
        uint64_t allocations = 0;

        for (n = 1; n <= SWEEP_MAX_POINTS; n++) {
            if (run_once(op, n, mode == 1, &allocations))
                break;
            if (mode == 0)
                s.points++;
        }
        if (n > SWEEP_MAX_POINTS)
            fail_msg("%s: still failing after %d points", op->name, SWEEP_MAX_POINTS);
        if (mode == 0)
            s.allocations = allocations;
    }
    printf("sweep %s: %llu allocation points, each failed once and from there on\n",
           op->name, (unsigned long long)s.points);
    if (op->known_gap != NULL)
        printf("sweep %s: KNOWN GAP, %llu injected failure(s) ended in STUINFO_OK: %s\n",
               op->name, (unsigned long long)gap_hits, op->known_gap);
    return s;
}

sweep_stats
sweep_ctx_new(void)
{
    sweep_stats s = {0, 0};

    route_jansson();
    for (int mode = 0; mode < 2; mode++) {
        for (uint64_t n = 1; n <= SWEEP_MAX_POINTS; n++) {
            stuinfo_ctx_options o;
            stuinfo_ctx *ctx = (stuinfo_ctx *)1;
            stuinfo_status st;

            stuinfo_ctx_options_init(&o);
            sweep_fill_hooks(&o);
            sweep_arm(n, mode == 1);
            st = stuinfo_ctx_new(&o, &ctx);
            sweep_disarm();
            if (!sw.injected) {
                assert_int_equal(st, STUINFO_OK);
                assert_non_null(ctx);
                if (mode == 0)
                    s.allocations = sw.count;
                /* Made on the last try: usable. */
                assert_int_equal(stuinfo_ctx_set_lang(ctx, STUINFO_LANG_EN), STUINFO_OK);
                stuinfo_ctx_free(ctx);
                break;
            }
            assert_int_equal(st, STUINFO_ERR_NOMEM);
            assert_null(ctx);
            assert_int_equal(sw.live, 0);
            if (mode == 0)
                s.points++;
        }
    }
    assert_int_equal(sw.live, 0);
    printf("sweep ctx_new: %llu allocation points\n", (unsigned long long)s.points);
    return s;
}

static bool
is_wrapper(const char *line)
{
    static const char *const names[] = {
        "core_alloc ", "core_calloc ", "core_realloc ", "core_strndup ", "sw_", "??",
    };

    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
        if (strncmp(line, names[i], strlen(names[i])) == 0)
            return true;
    return false;
}

static int
cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

size_t
sweep_print_sites(void)
{
    char in_path[] = "/tmp/sweep-sites-XXXXXX";
    char cmd[128];
    char line[512];
    char *names[SITES_MAX];
    size_t named = 0, distinct = 0;
    Dl_info self;
    FILE *f, *p;
    int fd;

    /* Resolve with addr2line (binutils) when it is there. */
    if (dladdr((void *)&site_count, &self) == 0 || (fd = mkstemp(in_path)) < 0)
        return site_count;
    f = fdopen(fd, "w");
    if (f == NULL) {
        close(fd);
        unlink(in_path);
        return site_count;
    }
    for (size_t i = 0; i < site_count; i++)
        for (int k = 0; k < CHAIN; k++)
            fprintf(f, "0x%lx\n", (unsigned long)(sites[i][k] != 0
                                   ? sites[i][k] - (uintptr_t)self.dli_fbase : 0));
    fclose(f);
    snprintf(cmd, sizeof(cmd), "addr2line -f -p -s -e /proc/%ld/exe < %s", (long)getpid(),
             in_path);
    p = popen(cmd, "r");
    for (size_t i = 0; p != NULL && i < site_count; i++) {
        bool found = false;

        for (int k = 0; k < CHAIN && fgets(line, sizeof(line), p) != NULL; k++) {
            if (found || is_wrapper(line))
                continue;
            line[strcspn(line, "\n")] = '\0';
            names[named++] = strdup(line);
            found = true;
        }
    }
    if (p != NULL)
        pclose(p);
    unlink(in_path);
    qsort(names, named, sizeof(names[0]), cmp_str);
    for (size_t i = 0; i < named; i++) {
        if (names[i] != NULL && (i == 0 || strcmp(names[i], names[i - 1]) != 0)) {
            printf("sweep-site %s\n", names[i]);
            distinct++;
        }
    }
    for (size_t i = 0; i < named; i++)
        free(names[i]);
    printf("sweep: %zu distinct allocation call sites failed\n", distinct);
    return distinct;
}
