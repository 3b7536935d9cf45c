/* NFKC of short texts (the slow path of ID-number normalization), issue 9: folding,
 * and each refusal: no services, input too long, no room, bad UTF-8, an expansion that
 * does not fit. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "stuinfo.h"
#include "core/core.h"
#include "text/nfkc.h"

static void
test_nfkc_small(void **state)
{
    stuinfo_ctx *ctx = NULL;
    text_services *ts;
    char out[64], big[TEXT_NFKC_SMALL_MAX + 1];
    size_t n = 99;

    (void)state;
    assert_int_equal(stuinfo_ctx_new(NULL, &ctx), STUINFO_OK);
    ts = core_text(ctx);
    /* full-width digits and letter: folded to ASCII */
    assert_int_equal(text_nfkc_small(ts, "\xEF\xBC\x91\xEF\xBC\x92\xEF\xBC\xB8", 9, out,
                                     sizeof(out), &n),
                     TEXT_OK);
    assert_string_equal(out, "12X");
    assert_int_equal(n, 3);
    /* refusals */
    assert_int_equal(text_nfkc_small(NULL, "1", 1, out, sizeof(out), &n), TEXT_ICU_ERROR);
    memset(big, '1', sizeof(big));
    assert_int_equal(text_nfkc_small(ts, big, sizeof(big), out, sizeof(out), &n),
                     TEXT_TOO_LONG);
    assert_int_equal(text_nfkc_small(ts, "1", 1, out, 0, &n), TEXT_TOO_LONG);
    assert_int_equal(text_nfkc_small(ts, "1\xC0\xAF", 3, out, sizeof(out), &n),
                     TEXT_INVALID_UTF8);
    /* U+FDFA expands to 18 characters (33 bytes): too long for 16 bytes; "12" fits 3 but
     * not 2 (room for the NUL) */
    assert_int_equal(text_nfkc_small(ts, "\xEF\xB7\xBA", 3, out, 16, &n), TEXT_TOO_LONG);
    assert_int_equal(text_nfkc_small(ts, "12", 2, out, 2, &n), TEXT_TOO_LONG);
    assert_int_equal(text_nfkc_small(ts, "12", 2, out, 3, &n), TEXT_OK);
    assert_string_equal(out, "12");
    stuinfo_ctx_free(ctx);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_nfkc_small),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
