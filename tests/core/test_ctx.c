/* The context: options, hooks, languages, clock, last status, deferred free. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "test_ctx.h"
#include "core/core.h"
#include "core/report.h"

static void
test_options_init(void **state)
{
    stuinfo_ctx_options o;

    (void)state;
    memset(&o, 0xAB, sizeof(o));
    assert_int_equal(stuinfo_ctx_options_init(&o), STUINFO_OK);
    assert_int_equal(o.size, sizeof(o));
    assert_int_equal(o.lang, STUINFO_LANG_ZH_CN);
    assert_null(o.malloc_fn);
    assert_null(o.clock_fn);
    assert_int_equal(stuinfo_ctx_options_init(NULL), STUINFO_ERR_INVALID_ARGUMENT);
}

static void
test_new_defaults(void **state)
{
    stuinfo_ctx *ctx = (stuinfo_ctx *)1;

    (void)state;
    assert_int_equal(stuinfo_ctx_new(NULL, NULL), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_ctx_new(NULL, &ctx), STUINFO_OK);
    assert_non_null(ctx);
    assert_int_equal(stuinfo_ctx_lang(ctx), STUINFO_LANG_ZH_CN);
    assert_int_equal(stuinfo_ctx_last_status(ctx), STUINFO_OK);
    assert_string_equal(stuinfo_ctx_last_message(ctx), "");
    stuinfo_ctx_free(ctx);
    stuinfo_ctx_free(NULL);
}

static void *
only_malloc(size_t n, void *u)
{
    (void)n;
    (void)u;
    return NULL;
}

static void
test_bad_options(void **state)
{
    stuinfo_ctx_options o;
    stuinfo_ctx *ctx = (stuinfo_ctx *)1;

    (void)state;
    stuinfo_ctx_options_init(&o);
    o.lang = 7;
    assert_int_equal(stuinfo_ctx_new(&o, &ctx), STUINFO_ERR_INVALID_ARGUMENT);
    assert_null(ctx);

    stuinfo_ctx_options_init(&o);
    o.malloc_fn = only_malloc;          /* malloc without free */
    assert_int_equal(stuinfo_ctx_new(&o, &ctx), STUINFO_ERR_INVALID_ARGUMENT);

    stuinfo_ctx_options_init(&o);
    o.size = 3;                         /* too small to be any version of the struct */
    assert_int_equal(stuinfo_ctx_new(&o, &ctx), STUINFO_ERR_INVALID_ARGUMENT);

    stuinfo_ctx_options_init(&o);
    o.size = (uint32_t)sizeof(o) + 64;  /* from a future version we cannot read */
    assert_int_equal(stuinfo_ctx_new(&o, &ctx), STUINFO_ERR_INVALID_ARGUMENT);
}

static void
test_allocator_failure_at_creation(void **state)
{
    test_faults f = {0};
    stuinfo_ctx_options o;
    stuinfo_ctx *ctx = NULL;
    uint64_t n;

    (void)state;
    stuinfo_ctx_options_init(&o);
    test_fill_hooks(&o, &f);
    /* Fail each allocation of ctx creation in turn: NOMEM each time, nothing leaked. */
    for (n = 1; n < 100; n++) {
        f.count = 0;
        f.fail_at = n;
        f.injected = false;
        stuinfo_status st = stuinfo_ctx_new(&o, &ctx);
        if (!f.injected) {
            assert_int_equal(st, STUINFO_OK);
            break;
        }
        assert_int_equal(st, STUINFO_ERR_NOMEM);
        assert_null(ctx);
    }
    assert_true(n > 1);
    assert_non_null(ctx);
    stuinfo_ctx_free(ctx);
}

static void
test_lang_and_messages(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();

    (void)state;
    assert_int_equal(stuinfo_ctx_set_lang(ctx, 99), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_ctx_last_status(ctx), STUINFO_ERR_INVALID_ARGUMENT);
    assert_string_equal(stuinfo_ctx_last_message(ctx), "unknown message language");
    assert_int_equal(stuinfo_ctx_set_lang(ctx, STUINFO_LANG_ZH_CN), STUINFO_OK);
    /* success clears the previous message: never stale */
    assert_int_equal(stuinfo_ctx_last_status(ctx), STUINFO_OK);
    assert_string_equal(stuinfo_ctx_last_message(ctx), "");
    assert_int_equal(stuinfo_ctx_set_lang(ctx, -1), STUINFO_ERR_INVALID_ARGUMENT);
    assert_string_equal(stuinfo_ctx_last_message(ctx), "未知的消息语言");
    assert_int_equal(stuinfo_ctx_lang(ctx), STUINFO_LANG_ZH_CN);
    assert_int_equal(stuinfo_ctx_set_lang(NULL, 0), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_ctx_last_status(NULL), STUINFO_ERR_INVALID_ARGUMENT);
    assert_non_null(stuinfo_ctx_last_message(NULL));
    stuinfo_ctx_free(ctx);
}

static int64_t
fake_clock(void *user)
{
    return *(int64_t *)user;
}

static void
test_clock(void **state)
{
    stuinfo_ctx_options o;
    stuinfo_ctx *ctx = NULL;
    int64_t t = 1000;

    (void)state;
    stuinfo_ctx_options_init(&o);
    o.clock_fn = fake_clock;
    o.clock_user = &t;
    assert_int_equal(stuinfo_ctx_new(&o, &ctx), STUINFO_OK);
    assert_int_equal(stuinfo_ctx_now(ctx), 1000);
    t = 2000;
    assert_int_equal(stuinfo_ctx_now(ctx), 2000);
    assert_int_equal(stuinfo_ctx_set_fixed_time(ctx, 42), STUINFO_OK);
    assert_int_equal(stuinfo_ctx_now(ctx), 42);
    assert_int_equal(stuinfo_ctx_clear_fixed_time(ctx), STUINFO_OK);
    assert_int_equal(stuinfo_ctx_now(ctx), 2000);
    assert_int_equal(stuinfo_ctx_now(NULL), 0);
    stuinfo_ctx_free(ctx);

    /* the default is the wall clock: later than 2020-01-01 */
    assert_int_equal(stuinfo_ctx_new(NULL, &ctx), STUINFO_OK);
    assert_true(stuinfo_ctx_now(ctx) > 1577836800);
    stuinfo_ctx_free(ctx);
}

static void
test_free_ctx_before_child(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_report *r = NULL;

    (void)state;
    assert_int_equal(stuinfo_report_new(ctx, &r), STUINFO_OK);
    /* A garbage collector may free the ctx first: the ctx must wait for the report. */
    stuinfo_ctx_free(ctx);
    assert_int_equal(core_report_add(r, RULE_TEXT_NUL, "name", "3", NULL), STUINFO_OK);
    assert_int_equal(stuinfo_report_count(r), 1);
    stuinfo_report_free(r);     /* frees the ctx too; cmocka checks nothing leaked */
}

static void
test_status_strings(void **state)
{
    (void)state;
    assert_string_equal(stuinfo_status_str(STUINFO_OK), "ok");
    assert_string_equal(stuinfo_status_str(STUINFO_ERR_NOMEM), "out of memory");
    for (int32_t s = 0; s <= STUINFO_ERR_INTERNAL; s++) {
        assert_non_null(stuinfo_status_str(s));
        assert_string_not_equal(stuinfo_status_str(s), "unknown status");
    }
    assert_string_equal(stuinfo_status_str(-1), "unknown status");
    assert_string_equal(stuinfo_status_str(STUINFO_ERR_INTERNAL + 1), "unknown status");
}

static void
test_generic_status_messages(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();

    (void)state;
    /* Every status has a registered message in both languages. */
    for (int32_t s = 1; s <= STUINFO_ERR_INTERNAL; s++) {
        assert_int_equal(core_fail_status(ctx, (stuinfo_status)s), s);
        assert_int_equal(stuinfo_ctx_last_status(ctx), s);
        assert_true(strlen(stuinfo_ctx_last_message(ctx)) > 0);
        /* only INTERNAL itself may fall back to the internal-error text */
        if (s != STUINFO_ERR_INTERNAL)
            assert_string_not_equal(stuinfo_ctx_last_message(ctx), "internal error");
    }
    stuinfo_ctx_free(ctx);
}

static void
test_version(void **state)
{
    char expect[32];
    uint32_t n = stuinfo_version_number();

    (void)state;
    assert_int_equal(n, STUINFO_VERSION_NUMBER);
    assert_string_equal(stuinfo_version(), STUINFO_VERSION_STRING);
    core_fmt_int(expect, n / 10000);
    assert_int_equal(STUINFO_VERSION_MAJOR, n / 10000);
    assert_int_equal(STUINFO_VERSION_MINOR, (n / 100) % 100);
    assert_int_equal(STUINFO_VERSION_PATCH, n % 100);
    assert_true(strncmp(stuinfo_version(), expect, strlen(expect)) == 0);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_options_init),
        cmocka_unit_test(test_new_defaults),
        cmocka_unit_test(test_bad_options),
        cmocka_unit_test(test_allocator_failure_at_creation),
        cmocka_unit_test(test_lang_and_messages),
        cmocka_unit_test(test_clock),
        cmocka_unit_test(test_free_ctx_before_child),
        cmocka_unit_test(test_status_strings),
        cmocka_unit_test(test_generic_status_messages),
        cmocka_unit_test(test_version),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
