/*
 * The reason-only entry point (idnum_verify_reason, no result struct: used where only
 * valid/invalid matters) agrees with the full one (idnum_verify) on structured random
 * texts: every address class (mainland, historic, Hong Kong, Macao, Taiwan, permanent
 * residence 9xxxxx, unknown), every kind of date (leap days, before 1800, in the future),
 * right and wrong check characters, 15-character old and foreign numbers, and the forms
 * that need folding (full-width, spaces, lower-case x, scientific notation) (issue 9).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "test_ctx.h"
#include "idnum/idnum.h"
#include "idnum/verify_impl.h"
#include "test_rng.h"

static test_rng gen = {0x9E3779B97F4A7C15ULL};

static uint32_t
rng(uint32_t n)
{
    return test_rnd(&gen, n);
}

static const char *const regions[] = {
    "110105", "110100", "110000", "440524", "150000", "320102", "500000", "650000",
    "810000", "811234", "820000", "821234", "830000", "831234", "710000", "711234",
    "911000", "971398", "981398", "999398", "932000", "990105", "000000", "010105",
    "119999", "460000", "542500", "120101", "370000", "522301",
};

static const char *const dates[] = {
    "20150307", "20160229", "20150229", "19000229", "20000229", "17991231", "18000101",
    "20991231", "20260901", "20260902", "20151301", "20150000", "20150431", "19491231",
    "20251231", "20260831", "21000229",
};

/* Append the full-width form of ASCII @p c (digits, X, x) to @p out. */
static size_t
put_wide(char *out, char c)
{
    unsigned char u = (unsigned char)c;

    out[0] = (char)0xEF;
    if (c >= '0' && c <= '9') {
        out[1] = (char)0xBC;
        out[2] = (char)(0x90 + (u - '0'));
    } else if (c == 'X') {
        out[1] = (char)0xBC;
        out[2] = (char)0xB8;
    } else {
        out[1] = (char)0xBD;
        out[2] = (char)0x98;
    }
    return 3;
}

/* One test text into @p out (room for 128 bytes); returns its length. */
static size_t
make_text(char *out)
{
    char s[19];
    size_t n = 0;
    uint32_t shape = rng(16);

    memcpy(s, regions[rng(sizeof(regions) / sizeof(regions[0]))], 6);
    memcpy(s + 6, dates[rng(sizeof(dates) / sizeof(dates[0]))], 8);
    for (int i = 14; i < 17; i++)
        s[i] = (char)('0' + rng(10));
    s[17] = rng(4) != 0 ? idnum_mod11_2(s) : (char)('0' + rng(10));
    s[18] = '\0';
    if (s[17] == 'X' && rng(2) == 0)
        s[17] = 'x';
    switch (shape) {
    case 0:         /* 15-character old form: century and check character dropped */
        memcpy(out, s, 6);
        memcpy(out + 6, s + 8, 9);
        return 15;
    case 1: {       /* 15-character foreign permanent-residence card */
        static const char *const nat[] = {"KAZ", "USA", "K1Z", "JPN", "ZZZ"};
        memcpy(out, nat[rng(5)], 3);
        memcpy(out + 3, regions[rng(sizeof(regions) / sizeof(regions[0]))], 2);
        memcpy(out + 5, s + 8, 6);          /* YYMMDD */
        for (int i = 11; i < 15; i++)
            out[i] = (char)('0' + rng(10));
        return 15;
    }
    case 2:         /* full-width */
        for (int i = 0; i < 18; i++)
            n += put_wide(out + n, s[i]);
        return n;
    case 3:         /* full-width, 15 characters */
        for (int i = 0; i < 15; i++)
            n += put_wide(out + n, s[i]);
        return n;
    case 4:         /* spaces and an ideographic space */
        memcpy(out, s, 6);
        out[6] = ' ';
        memcpy(out + 7, s + 6, 8);
        memcpy(out + 15, "\xE3\x80\x80", 3);
        memcpy(out + 18, s + 14, 4);
        return 22;
    case 5:         /* scientific notation as a spreadsheet writes it */
        memcpy(out, s, 6);
        memcpy(out + 6, "E+17", 4);
        return 10;
    case 6:         /* a wrong character somewhere */
        memcpy(out, s, 18);
        out[rng(18)] = "A/-#"[rng(4)];
        return 18;
    case 7:         /* another length */
        n = 1 + rng(23);
        memcpy(out, s, n < 18 ? n : 18);
        for (size_t i = 18; i < n; i++)
            out[i] = '1';
        return n;
    default:
        memcpy(out, s, 18);
        return 18;
    }
}

static void
test_reason_only_agrees(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    struct idnum_env env;
    int seen[32] = {0};

    (void)state;
    idnum_env_init(&env, ctx);
    for (int k = 0; k < 60000; k++) {
        char text[128];
        size_t n = make_text(text);
        stuinfo_idnum_result r;
        int32_t full, only;

        memset(&r, 0, sizeof(r));
        r.size = sizeof(r);
        full = idnum_verify(&env, text, n, &r);
        only = idnum_verify_reason(&env, text, n);
        if (full != only)
            fail_msg("text %d (%.*s): full %d, reason-only %d", k, (int)n, text, full, only);
        assert_int_equal(r.reason, full);
        if (full >= 0 && full < 32)
            seen[full]++;
    }
    /* the texts reach the valid numbers and most reasons */
    assert_true(seen[STUINFO_IDNUM_VALID] > 0);
    assert_true(seen[STUINFO_IDNUM_ERR_CHECK_CHAR] > 0);
    assert_true(seen[STUINFO_IDNUM_ERR_DATE] > 0);
    assert_true(seen[STUINFO_IDNUM_ERR_FUTURE_DATE] > 0);
    assert_true(seen[STUINFO_IDNUM_ERR_TOO_EARLY] > 0);
    assert_true(seen[STUINFO_IDNUM_ERR_PROVINCE] > 0);
    assert_true(seen[STUINFO_IDNUM_ERR_ADDRESS_KIND] > 0);
    assert_true(seen[STUINFO_IDNUM_ERR_LENGTH] > 0);
    assert_true(seen[STUINFO_IDNUM_ERR_CHARACTER] > 0);
    assert_true(seen[STUINFO_IDNUM_ERR_SCIENTIFIC] > 0);
    stuinfo_ctx_free(ctx);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reason_only_agrees),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
