/* Full-width ID numbers (U+FF10-FF19, Ｘ U+FF38, ｘ U+FF58), as pasted from a word
 * processor or an IME: the fast folding path and what falls back to the slow one. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "test_ctx.h"

/* "11010519491231002X" in full-width, last character @p x (3 bytes). */
static size_t
fullwidth(const char *ascii, const char *x, char *buf)
{
    size_t n = strlen(ascii), k = 0;

    for (size_t i = 0; i < n; i++) {
        if (ascii[i] == 'X') {
            memcpy(buf + k, x, 3);
        } else {
            buf[k] = '\xEF';
            buf[k + 1] = '\xBC';
            buf[k + 2] = (char)(0x90 + (ascii[i] - '0'));
        }
        k += 3;
    }
    return k;
}

static int32_t
verify(stuinfo_ctx *ctx, const char *s, size_t n, stuinfo_idnum_result *r)
{
    memset(r, 0, sizeof(*r));
    r->size = sizeof(*r);
    (void)stuinfo_idnum_verify(ctx, s, n, r);
    return r->reason;
}

static void
test_fullwidth(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_idnum_result r;
    char buf[64];
    size_t n;

    (void)state;
    /* 18 characters ending in Ｘ and in ｘ */
    n = fullwidth("11010519491231002X", "\xEF\xBC\xB8", buf);
    assert_int_equal(n, 54);
    assert_int_equal(verify(ctx, buf, n, &r), STUINFO_IDNUM_VALID);
    assert_true(r.flags & STUINFO_IDNUM_FLAG_FULLWIDTH);
    assert_string_equal(r.normalized, "11010519491231002X");
    n = fullwidth("11010519491231002X", "\xEF\xBD\x98", buf);
    assert_int_equal(verify(ctx, buf, n, &r), STUINFO_IDNUM_VALID);
    assert_true(r.flags & STUINFO_IDNUM_FLAG_FULLWIDTH);
    assert_true(r.flags & STUINFO_IDNUM_FLAG_LOWER_CASE);
    /* a wrong check character stays wrong after folding */
    n = fullwidth("110105194912310021", "", buf);
    assert_int_equal(verify(ctx, buf, n, &r), STUINFO_IDNUM_ERR_CHECK_CHAR);
    /* 15 characters (45 bytes) */
    n = fullwidth("110105491231002", "", buf);
    assert_int_equal(n, 45);
    assert_int_equal(verify(ctx, buf, n, &r), STUINFO_IDNUM_VALID);
    assert_true(r.flags & STUINFO_IDNUM_FLAG_LEGACY_15);
    /* Ｘ anywhere but last: a bad character, found by the slow path */
    n = fullwidth("11010519491231002X", "\xEF\xBC\xB8", buf);
    memcpy(buf + 3, "\xEF\xBC\xB8", 3);
    assert_int_equal(verify(ctx, buf, n, &r), STUINFO_IDNUM_ERR_CHARACTER);
    /* another full-width letter at the end */
    n = fullwidth("11010519491231002X", "\xEF\xBC\xA1", buf);          /* Ａ */
    assert_int_not_equal(verify(ctx, buf, n, &r), STUINFO_IDNUM_VALID);
    /* 54 bytes that are not full-width at all */
    memset(buf, 'a', 54);
    assert_int_not_equal(verify(ctx, buf, 54, &r), STUINFO_IDNUM_VALID);
    /* mixed: half ASCII digits, half full-width (slow path, still valid) */
    n = fullwidth("19491231002X", "\xEF\xBC\xB8", buf + 6);
    memcpy(buf, "110105", 6);
    assert_int_equal(verify(ctx, buf, n + 6, &r), STUINFO_IDNUM_VALID);
    assert_true(r.flags & STUINFO_IDNUM_FLAG_FULLWIDTH);
    /* a spreadsheet's scientific notation is its own reason */
    assert_int_equal(verify(ctx, "1.10105E+17", 11, &r), STUINFO_IDNUM_ERR_SCIENTIFIC);
    assert_int_equal(verify(ctx, "110105194912310e2X", 18, &r), STUINFO_IDNUM_ERR_CHARACTER);
    stuinfo_ctx_free(ctx);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fullwidth),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
