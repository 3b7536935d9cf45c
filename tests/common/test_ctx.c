/* Test contexts over cmocka's leak-checking allocator, with optional fault injection. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_ctx.h"

static void *
t_malloc(size_t n, void *user)
{
    test_faults *f = user;

    if (f != NULL) {
        f->count++;
        if (f->fail_at != 0
            && (f->count == f->fail_at || (f->fail_after && f->count > f->fail_at))) {
            f->injected = true;
            return NULL;
        }
    }
    return _test_malloc(n, __FILE__, __LINE__);
}

static void *
t_realloc(void *p, size_t n, void *user)
{
    test_faults *f = user;

    if (f != NULL) {
        f->count++;
        if (f->fail_at != 0
            && (f->count == f->fail_at || (f->fail_after && f->count > f->fail_at))) {
            f->injected = true;
            return NULL;
        }
    }
    return _test_realloc(p, n, __FILE__, __LINE__);
}

static void
t_free(void *p, void *user)
{
    (void)user;
    _test_free(p, __FILE__, __LINE__);
}

void
test_fill_hooks(stuinfo_ctx_options *opts, test_faults *faults)
{
    opts->malloc_fn = t_malloc;
    opts->realloc_fn = t_realloc;
    opts->free_fn = t_free;
    opts->alloc_user = faults;
}

static stuinfo_ctx *
make(test_faults *faults)
{
    stuinfo_ctx_options opts;
    stuinfo_ctx *ctx = NULL;

    assert_int_equal(stuinfo_ctx_options_init(&opts), STUINFO_OK);
    opts.lang = STUINFO_LANG_EN;
    test_fill_hooks(&opts, faults);
    assert_int_equal(stuinfo_ctx_new(&opts, &ctx), STUINFO_OK);
    assert_non_null(ctx);
    assert_int_equal(stuinfo_ctx_set_fixed_time(ctx, TEST_NOW), STUINFO_OK);
    return ctx;
}

stuinfo_ctx *
test_ctx_new(void)
{
    return make(NULL);
}

stuinfo_ctx *
test_ctx_new_faulty(test_faults *faults)
{
    faults->count = 0;
    faults->fail_at = 0;
    faults->fail_after = false;
    faults->injected = false;
    return make(faults);
}
