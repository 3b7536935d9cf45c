/*
 * The edges of ID-number masking and of the ICAO check digit: the argument and buffer
 * checks of stuinfo_idnum_mask() on every path (number, not a number, empty), pattern
 * limits, lower-case letters, and a character the ICAO check does not know.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "idnum/idnum.h"
#include "stuinfo.h"
#include "test_ctx.h"

static stuinfo_status
mask(stuinfo_ctx *ctx, const char *text, const char *pattern, char *buf, size_t cap,
     size_t *n)
{
    return stuinfo_idnum_mask(ctx, text, text != NULL ? strlen(text) : 0, pattern, buf, cap,
                              n);
}

static void
test_arguments(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    char buf[64];
    size_t n = 99;

    (void)state;
    assert_int_equal(mask(NULL, "11010519491231002X", NULL, buf, sizeof(buf), &n),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(mask(ctx, "11010519491231002X", NULL, NULL, sizeof(buf), &n),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_idnum_mask(ctx, NULL, 3, NULL, buf, sizeof(buf), &n),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(n, 99);                    /* nothing written on failure */
    /* No text at all is the empty text, as with "" (length 0). */
    memset(buf, 'Z', sizeof(buf));
    assert_int_equal(stuinfo_idnum_mask(ctx, NULL, 0, NULL, buf, sizeof(buf), &n), STUINFO_OK);
    assert_string_equal(buf, "");
    assert_int_equal(n, 0);
    stuinfo_ctx_free(ctx);
}

/* Head and tail take at most two digits each; the mask character is one printable
 * non-digit; nothing may follow the tail. */
static void
test_pattern_limits(void **state)
{
    static const char *const bad[] = {"123*4", "6*123", "*4", "6*", "6 4", "6\1774",
                                      "6**4", "64", "6*4x", ""};
    stuinfo_ctx *ctx = test_ctx_new();
    char buf[64];
    size_t n = 0;

    (void)state;
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
        assert_int_equal(mask(ctx, "11010519491231002X", bad[i], buf, sizeof(buf), &n),
                         STUINFO_ERR_INVALID_ARGUMENT);
    /* Two digits each way are accepted (and capped by the rules of the kind). */
    assert_int_equal(mask(ctx, "11010519491231002X", "12#12", buf, sizeof(buf), &n),
                     STUINFO_OK);
    assert_string_equal(buf, "110105########002X");
    assert_int_equal(n, 18);
    stuinfo_ctx_free(ctx);
}

/* Each path refuses a buffer without room for the text and its NUL, writing nothing
 * past it. */
static void
test_buffer_too_small(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    char buf[64];
    size_t n = 0;

    (void)state;
    memset(buf, 'Z', sizeof(buf));
    assert_int_equal(mask(ctx, "11010519491231002X", NULL, buf, 18, &n),
                     STUINFO_ERR_TOO_LONG);
    assert_int_equal(buf[18], 'Z');
    assert_int_equal(mask(ctx, "11010519491231002X", NULL, buf, 19, &n), STUINFO_OK);
    /* Not a number: one mask character per character. */
    assert_int_equal(mask(ctx, "张三丰", NULL, buf, 3, &n), STUINFO_ERR_TOO_LONG);
    assert_int_equal(mask(ctx, "张三丰", NULL, buf, 4, &n), STUINFO_OK);
    assert_string_equal(buf, "***");
    /* Empty: the NUL alone needs a byte. */
    assert_int_equal(mask(ctx, "", NULL, buf, 0, &n), STUINFO_ERR_TOO_LONG);
    assert_int_equal(mask(ctx, "", NULL, buf, 1, &n), STUINFO_OK);
    assert_string_equal(buf, "");
    assert_int_equal(n, 0);
    stuinfo_ctx_free(ctx);
}

/* A student number's letter prefix is kept and upper-cased like the rest. */
static void
test_lower_case_prefix(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    char buf[64];
    size_t n = 0;

    (void)state;
    assert_int_equal(mask(ctx, "g11010519491231002x", NULL, buf, sizeof(buf), &n),
                     STUINFO_OK);
    assert_string_equal(buf, "G110105********002X");
    stuinfo_ctx_free(ctx);
}

/* A 19-character text is a student number only when it starts with a letter: masked
 * with no head, it starts with the mask character ('~' folds above 'z'), and masking
 * that again changes nothing and keeps no character as a prefix. */
static void
test_nineteen_without_letter(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    char once[64], twice[64];
    size_t n1 = 0, n2 = 0;

    (void)state;
    assert_int_equal(mask(ctx, "1101051949123100211", "0~4", once, sizeof(once), &n1),
                     STUINFO_OK);
    assert_string_equal(once, "~~~~~~~~~~~~~~~0211");
    assert_int_equal(mask(ctx, once, "0~4", twice, sizeof(twice), &n2), STUINFO_OK);
    assert_int_equal(n2, n1);
    assert_string_equal(twice, once);
    /* With a letter first, the letter is kept on top of the (empty) head. */
    assert_int_equal(mask(ctx, "G110105194912310021", "0~4", once, sizeof(once), &n1),
                     STUINFO_OK);
    assert_string_equal(once, "G~~~~~~~~~~~~~~0021");
    stuinfo_ctx_free(ctx);
}

static void
test_icao_check(void **state)
{
    (void)state;
    /* ICAO 9303 example: document number L898902C3 has check digit 6. */
    assert_int_equal(idnum_icao_check("L898902C3", 9), 6);
    assert_int_equal(idnum_icao_check("L898902C<", 9), -1);
    assert_int_equal(idnum_icao_check("l898902C3", 9), -1);     /* upper case only */
    assert_int_equal(idnum_icao_check("", 0), 0);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_arguments),
        cmocka_unit_test(test_pattern_limits),
        cmocka_unit_test(test_buffer_too_small),
        cmocka_unit_test(test_lower_case_prefix),
        cmocka_unit_test(test_nineteen_without_letter),
        cmocka_unit_test(test_icao_check),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
