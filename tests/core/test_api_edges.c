/* Core API at its edges (issue 9): NULL handles and outputs on reports and contexts, a
 * finding struct too small, allocator hooks without realloc (emulated by copying), and
 * the allocation helpers' limits. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "test_ctx.h"
#include "core/core.h"
#include "core/report.h"

static void
test_report_null_arguments(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_report *rep = NULL;
    stuinfo_finding f;
    const char *json = "x";
    size_t len = 9;

    (void)state;
    assert_int_equal(stuinfo_report_new(ctx, NULL), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_ctx_last_status(ctx), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_report_clear(NULL), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_report_count(NULL), 0);
    assert_int_equal(stuinfo_report_count_severity(NULL, STUINFO_SEVERITY_ERROR), 0);
    assert_int_equal(stuinfo_report_get(NULL, 0, &f), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_report_to_json(NULL, &json, &len), STUINFO_ERR_INVALID_ARGUMENT);

    assert_int_equal(stuinfo_report_new(ctx, &rep), STUINFO_OK);
    assert_int_equal(core_report_add(rep, RULE_TEXT_NUL, "name", "2", NULL), STUINFO_OK);
    /* no output, or one from an older, smaller struct */
    assert_int_equal(stuinfo_report_get(rep, 0, NULL), STUINFO_ERR_INVALID_ARGUMENT);
    f.size = sizeof(f) - 1;
    assert_int_equal(stuinfo_report_get(rep, 0, &f), STUINFO_ERR_INVALID_ARGUMENT);
    f.size = sizeof(f);
    assert_int_equal(stuinfo_report_get(rep, 1, &f), STUINFO_ERR_NOT_FOUND);
    assert_int_equal(stuinfo_report_get(rep, 0, &f), STUINFO_OK);
    assert_string_equal(f.field, "name");
    /* to_json: the text is required, its length is not */
    assert_int_equal(stuinfo_report_to_json(rep, NULL, &len), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_report_to_json(rep, &json, NULL), STUINFO_OK);
    assert_non_null(strstr(json, "\"field\":\"name\""));
    len = 0;
    assert_int_equal(stuinfo_report_to_json(rep, &json, &len), STUINFO_OK);   /* cached */
    assert_int_equal(len, strlen(json));
    assert_string_equal(stuinfo_severity_str(STUINFO_SEVERITY_NOTE), "note");
    assert_string_equal(stuinfo_severity_str(STUINFO_SEVERITY_WARNING), "warning");
    assert_string_equal(stuinfo_severity_str(STUINFO_SEVERITY_ERROR), "error");
    assert_string_equal(stuinfo_severity_str(99), "unknown");
    stuinfo_report_free(rep);
    stuinfo_ctx_free(ctx);
}

static void
test_ctx_null_arguments(void **state)
{
    (void)state;
    assert_int_equal(stuinfo_ctx_lang(NULL), STUINFO_LANG_ZH_CN);
    assert_int_equal(stuinfo_ctx_set_fixed_time(NULL, 5), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_ctx_clear_fixed_time(NULL), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_ctx_set_lang(NULL, STUINFO_LANG_EN),
                     STUINFO_ERR_INVALID_ARGUMENT);
}

/* realloc without malloc is refused; malloc and free without realloc are enough. */
static int mallocs, frees;

static void *
count_malloc(size_t n, void *user)
{
    (void)user;
    mallocs++;
    return malloc(n);
}

static void *
bad_realloc(void *p, size_t n, void *user)
{
    (void)user;
    return realloc(p, n);
}

static void
count_free(void *p, void *user)
{
    (void)user;
    if (p != NULL)
        frees++;
    free(p);
}

static void
test_hooks_without_realloc(void **state)
{
    stuinfo_ctx_options o;
    stuinfo_ctx *ctx = NULL;
    stuinfo_report *rep = NULL;
    stuinfo_finding f = {.size = sizeof(f)};

    (void)state;
    assert_int_equal(stuinfo_ctx_options_init(&o), STUINFO_OK);
    o.realloc_fn = bad_realloc;            /* realloc alone */
    assert_int_equal(stuinfo_ctx_new(&o, &ctx), STUINFO_ERR_INVALID_ARGUMENT);
    assert_null(ctx);

    o.realloc_fn = NULL;
    o.malloc_fn = count_malloc;
    o.free_fn = count_free;
    assert_int_equal(stuinfo_ctx_new(&o, &ctx), STUINFO_OK);
    assert_int_equal(stuinfo_report_new(ctx, &rep), STUINFO_OK);
    /* enough findings to grow the report several times: each growth copies */
    for (int i = 0; i < 200; i++) {
        char row[24];

        core_report_set_row(rep, i);
        assert_int_equal(core_report_add(rep, RULE_TEXT_NUL, "name", core_fmt_int(row, i),
                                         NULL),
                         STUINFO_OK);
    }
    assert_int_equal(stuinfo_report_count(rep), 200);
    assert_int_equal(stuinfo_report_get(rep, 0, &f), STUINFO_OK);
    assert_int_equal(f.row, 0);
    assert_int_equal(stuinfo_report_get(rep, 199, &f), STUINFO_OK);
    assert_int_equal(f.row, 199);
    assert_string_equal(f.field, "name");
    stuinfo_report_free(rep);
    stuinfo_ctx_free(ctx);
    assert_true(mallocs > 0);
    assert_int_equal(mallocs, frees);
}

/* The allocation helpers: zero bytes and overflowing sizes give NULL, a NULL block
 * grows like a new one, a block shrunk to zero is refused and stays the caller's. */
static void
test_alloc_helpers(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    size_t total = 1;
    char *p;

    (void)state;
    assert_false(core_mul_size(SIZE_MAX / 2 + 1, 2, &total));
    assert_true(core_mul_size(SIZE_MAX, 0, &total));
    assert_int_equal(total, 0);
    assert_null(core_alloc(ctx, 0));
    assert_null(core_calloc(ctx, SIZE_MAX / 4, 8));
    assert_null(core_strndup(ctx, "abc", SIZE_MAX));
    p = core_realloc(ctx, NULL, 0, 4);
    assert_non_null(p);
    memcpy(p, "abc", 4);
    assert_null(core_realloc(ctx, p, 4, 0));
    assert_string_equal(p, "abc");         /* still valid: nothing was freed */
    p = core_realloc(ctx, p, 4, 64);
    assert_non_null(p);
    assert_string_equal(p, "abc");
    core_free(ctx, p);
    core_free(ctx, NULL);
    core_free_wipe(ctx, NULL, 5);
    stuinfo_ctx_free(ctx);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_report_null_arguments),
        cmocka_unit_test(test_ctx_null_arguments),
        cmocka_unit_test(test_hooks_without_realloc),
        cmocka_unit_test(test_alloc_helpers),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
