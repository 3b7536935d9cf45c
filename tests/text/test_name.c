/* Names in the text layer (src/text/name.c): the character classes of a name, its
 * comparison key and pinyin, and their limits (input too long, output buffer too small,
 * invalid input). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "stuinfo.h"
#include "core/core.h"
#include "text/name.h"

static void
test_scan(void **state)
{
    /* 张·三 Ab1　! 𠮷, a radical ⺀, a compatibility ideograph U+F900, a private-use
     * U+E000 and a stray byte */
    static const char name[] = "\xE5\xBC\xA0\xC2\xB7\xE4\xB8\x89" " Ab1\xE3\x80\x80!"
                               "\xF0\xA0\xAE\xB7" "\xE2\xBA\x80" "\xEF\xA4\x80"
                               "\xEE\x80\x80" "\xFF";
    text_name_scan sc;

    (void)state;
    memset(&sc, 0, sizeof(sc));
    text_name_scan_run(name, sizeof(name) - 1, &sc);
    assert_int_equal(sc.han, 4);            /* 张 三 𠮷 and the compatibility ideograph */
    assert_int_equal(sc.dots, 1);
    assert_int_equal(sc.spaces, 2);
    assert_int_equal(sc.latin, 2);
    assert_int_equal(sc.digits, 1);
    assert_int_equal(sc.other, 1);
    assert_int_equal(sc.radical, 1);
    assert_int_equal(sc.compat, 1);
    assert_int_equal(sc.private_use, 1);
    assert_int_equal(sc.first_bad, '1');
    assert_int_equal(sc.code_points, 13);   /* the stray 0xFF byte is not counted */
}

static void
test_limits(void **state)
{
    stuinfo_ctx *ctx = NULL;
    text_services *ts;
    static char big[1100];
    char out[4096];
    size_t n = 0;

    (void)state;
    assert_int_equal(stuinfo_ctx_new(NULL, &ctx), STUINFO_OK);
    ts = core_text(ctx);
    assert_int_equal(text_name_key(ts, "\xE5\xBC\xA0 \xE4\xB8\x89", 7, out, sizeof(out), &n),
                     TEXT_OK);
    assert_int_equal(n, 6);                 /* the space is dropped */
    assert_int_equal(text_han_latin(ts, "\xE5\xBC\xA0\xE4\xB8\x89", 6, out, sizeof(out), &n),
                     TEXT_OK);
    assert_memory_equal(out, "zhang san", 9);
    /* too long to take */
    memset(big, 'a', sizeof(big));
    assert_int_equal(text_name_key(ts, big, sizeof(big), out, sizeof(out), &n),
                     TEXT_TOO_LONG);
    assert_int_equal(text_han_latin(ts, big, sizeof(big), out, sizeof(out), &n),
                     TEXT_TOO_LONG);
    /* no room for the result */
    assert_int_equal(text_name_key(ts, "\xE5\xBC\xA0\xE4\xB8\x89", 6, out, 3, &n),
                     TEXT_TOO_LONG);
    assert_int_equal(text_han_latin(ts, "\xE5\xBC\xA0\xE4\xB8\x89", 6, out, 5, &n),
                     TEXT_TOO_LONG);
    /* invalid UTF-8 */
    assert_int_not_equal(text_han_latin(ts, "\xE5\xBC", 2, out, sizeof(out), &n), TEXT_OK);
    assert_int_not_equal(text_name_key(ts, "a\xC0\xAF", 3, out, sizeof(out), &n), TEXT_OK);
    stuinfo_ctx_free(ctx);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_scan),
        cmocka_unit_test(test_limits),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
