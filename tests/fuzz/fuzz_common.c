/* The fuzz targets' ctx, counting allocator and checks (see fuzz_common.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "pii_scan.h"

static struct {
    uint64_t count;             /* allocations since fuzz_begin() */
    uint64_t fail_at;           /* 0: never */
    bool armed;
    bool injected;
    bool injected_jansson;      /* the failed allocation was jansson's */
    long live;                  /* blocks allocated and not yet freed, since start */
    long live_at_begin;
} fa;

static stuinfo_ctx *the_ctx;
static bool fail_jansson = true;

void
fuzz_fail_jansson(bool on)
{
    fail_jansson = on;
}

static bool
should_fail(void)
{
    fa.count++;
    if (fa.armed && fa.fail_at != 0 && fa.count == fa.fail_at) {
        fa.injected = true;
        return true;
    }
    return false;
}

static void *
fz_malloc(size_t n, void *user)
{
    void *p;

    (void)user;
    if (should_fail())
        return NULL;
    p = malloc(n);
    if (p != NULL)
        fa.live++;
    return p;
}

static void *
fz_realloc(void *old, size_t n, void *user)
{
    void *p;

    (void)user;
    if (should_fail())
        return NULL;
    p = realloc(old, n);
    if (p != NULL && old == NULL)
        fa.live++;
    return p;
}

static void
fz_free(void *p, void *user)
{
    (void)user;
    if (p != NULL)
        fa.live--;
    free(p);
}

void *
fuzz_json_malloc(size_t n)
{
    bool before = fa.injected;
    void *p;

    if (!fail_jansson) {            /* counted as live, never failed */
        p = malloc(n);
        if (p != NULL)
            fa.live++;
        return p;
    }
    p = fz_malloc(n, NULL);

    if (fa.injected && !before)
        fa.injected_jansson = true;
    return p;
}

void
fuzz_json_free(void *p)
{
    fz_free(p, NULL);
}

static void
teardown(void)
{
    stuinfo_ctx_free(the_ctx);
    the_ctx = NULL;
}

stuinfo_ctx *
fuzz_ctx(void)
{
    stuinfo_ctx_options o;

    if (the_ctx != NULL)
        return the_ctx;
    stuinfo_ctx_options_init(&o);
    o.lang = STUINFO_LANG_EN;
    o.malloc_fn = fz_malloc;
    o.realloc_fn = fz_realloc;
    o.free_fn = fz_free;
    if (stuinfo_ctx_new(&o, &the_ctx) != STUINFO_OK)
        fuzz_fail("stuinfo_ctx_new failed without injection");
    stuinfo_ctx_set_fixed_time(the_ctx, 1788220800LL);
    atexit(teardown);
    return the_ctx;
}

void
fuzz_begin_clean(void)
{
    fuzz_ctx();
    fa.count = 0;
    fa.fail_at = 0;
    fa.armed = false;
    fa.injected = false;
    fa.injected_jansson = false;
    fa.live_at_begin = fa.live;
}

bool
fuzz_begin(const uint8_t **data, size_t *size)
{
    fuzz_begin_clean();
    if (*size < 2)
        return false;
    fa.fail_at = ((uint64_t)(*data)[0] << 8 | (*data)[1]) % 64;
    *data += 2;
    *size -= 2;
    return true;
}

void
fuzz_arm(void)
{
    fa.count = 0;
    fa.injected = false;
    fa.injected_jansson = false;
    fa.armed = true;
}

bool
fuzz_injected(void)
{
    return fa.injected;
}

bool
fuzz_injected_in_jansson(void)
{
    return fa.injected_jansson;
}

void
fuzz_disarm(void)
{
    fa.armed = false;
}

void
fuzz_fail(const char *what)
{
    fprintf(stderr, "fuzz property failed: %s\n", what);
    fflush(stderr);
    abort();
}

void
fuzz_check_status(stuinfo_status st, const char *what)
{
    char buf[256];

    if (fa.injected && st != STUINFO_ERR_NOMEM) {
        snprintf(buf, sizeof(buf), "%s: allocation failure not reported (status %d)",
                 what, (int)st);
        fuzz_fail(buf);
    }
    if (!fa.injected && st == STUINFO_ERR_NOMEM) {
        snprintf(buf, sizeof(buf), "%s: NOMEM without an allocation failure", what);
        fuzz_fail(buf);
    }
}

void
fuzz_check_no_leak(const char *what)
{
    char buf[256];

    if (fa.live != fa.live_at_begin) {
        snprintf(buf, sizeof(buf), "%s: %ld block(s) leaked", what,
                 fa.live - fa.live_at_begin);
        fuzz_fail(buf);
    }
}

void
fuzz_check_message(const char *what)
{
    const char *m = stuinfo_ctx_last_message(fuzz_ctx());

    if (pii_scan_find_id(m, strlen(m)) != NULL) {
        char buf[256];

        snprintf(buf, sizeof(buf), "%s: the ctx message holds an unmasked ID number", what);
        fuzz_fail(buf);
    }
}

void
fuzz_check_report(const stuinfo_report *rep, const char *what)
{
    for (size_t i = 0; rep != NULL && i < stuinfo_report_count(rep); i++) {
        stuinfo_finding f;

        memset(&f, 0, sizeof(f));
        f.size = sizeof(f);
        if (stuinfo_report_get(rep, i, &f) != STUINFO_OK)
            fuzz_fail("report_get failed");
        if (pii_scan_find_id(f.message, strlen(f.message)) != NULL
            || pii_scan_find_id(f.field, strlen(f.field)) != NULL)
            fuzz_fail(what);
    }
}
