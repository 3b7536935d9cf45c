/*
 * Properties over generated numbers (fixed seed): every valid number verifies; changing
 * any single character breaks its check character; swapping two adjacent unequal
 * characters is caught; 15 -> 18 -> 15 round trips; the internal verifier agrees with
 * an independent MOD 11-2 oracle written here.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "test_ctx.h"
#include "test_rng.h"

static test_rng rng = {0x9E3779B97F4A7C15ULL};

/* The oracle: 2^(18-i) mod 11 computed, not looked up. */
static char
oracle_check(const char *s)
{
    unsigned sum = 0, w = 1;

    for (int i = 16; i >= 0; i--) {
        w = (w * 2) % 11;
        sum += (unsigned)(s[i] - '0') * w;
    }
    return "10X98765432"[sum % 11];
}

static const char *const addresses[] = {"110105", "440524", "320219", "430419", "632825",
                                        "510104", "650102", "371002", "120101", "460100"};

static void
make18(char *s, int min_year, int max_year)
{
    int y = min_year + (int)test_rnd(&rng, (uint32_t)(max_year - min_year + 1));
    int m = 1 + (int)test_rnd(&rng, 12), d = 1 + (int)test_rnd(&rng, 28);

    snprintf(s, 19, "%s%04d%02d%02d%03u", addresses[test_rnd(&rng, 10)], y, m, d,
             test_rnd(&rng, 1000));
    s[17] = oracle_check(s);
    s[18] = '\0';
}

enum { ROUNDS = 3000 };

static void
test_single_changes_and_transpositions(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_idnum_result r = {.size = sizeof(r)};
    const char alphabet[] = "0123456789X";

    (void)state;
    for (int k = 0; k < ROUNDS; k++) {
        char s[19], t[19];
        make18(s, 1900, 2025);
        assert_int_equal(stuinfo_idnum_verify(ctx, s, 18, &r), STUINFO_OK);
        assert_int_equal(r.expected_check, s[17]);
        for (int i = 0; i < 18; i++) {
            for (int c = 0; c < (i == 17 ? 11 : 10); c++) {
                if (alphabet[c] == s[i])
                    continue;
                memcpy(t, s, 19);
                t[i] = alphabet[c];
                stuinfo_idnum_verify(ctx, t, 18, &r);
                if (r.reason != STUINFO_IDNUM_ERR_CHECK_CHAR)
                    fail_msg("change at %d not caught", i + 1);
            }
        }
        for (int i = 0; i < 17; i++) {
            if (s[i] == s[i + 1])
                continue;
            memcpy(t, s, 19);
            t[i] = s[i + 1];
            t[i + 1] = s[i];
            if (t[i] == 'X')
                continue;           /* an X moved inside: a bad character, also caught */
            stuinfo_idnum_verify(ctx, t, 18, &r);
            if (r.reason != STUINFO_IDNUM_ERR_CHECK_CHAR)
                fail_msg("transposition at %d not caught", i + 1);
        }
    }
    stuinfo_ctx_free(ctx);
}

static void
test_upgrade_round_trip(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_idnum_result r = {.size = sizeof(r)};

    (void)state;
    for (int k = 0; k < ROUNDS; k++) {
        char s18[19], s15[16], up[19], down[16];
        make18(s18, 1900, 1999);
        memcpy(s15, s18, 6);
        memcpy(s15 + 6, s18 + 8, 9);
        s15[15] = '\0';
        assert_int_equal(stuinfo_idnum_verify(ctx, s15, 15, &r), STUINFO_OK);
        assert_int_equal(r.kind, STUINFO_IDNUM_RESIDENT_15);
        assert_int_equal(stuinfo_idnum_upgrade(ctx, s15, 15, up, sizeof(up)), STUINFO_OK);
        assert_string_equal(up, s18);
        assert_int_equal(stuinfo_idnum_downgrade(ctx, up, 18, down, sizeof(down)), STUINFO_OK);
        assert_string_equal(down, s15);
        assert_int_equal(stuinfo_idnum_downgrade(ctx, s15, 15, down, sizeof(down)), STUINFO_OK);
        assert_string_equal(down, s15);
    }
    stuinfo_ctx_free(ctx);
}

static void
test_conversions(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    char buf[20];

    (void)state;
    assert_int_equal(stuinfo_idnum_upgrade(ctx, "110105491231002", 15, buf, sizeof(buf)),
                     STUINFO_OK);
    assert_string_equal(buf, "11010519491231002X");
    assert_int_equal(stuinfo_idnum_upgrade(ctx, "610104620927690", 15, buf, sizeof(buf)),
                     STUINFO_OK);
    assert_string_equal(buf, "610104196209276908");
    assert_int_equal(stuinfo_idnum_upgrade(ctx, "11010519491231002x", 18, buf, sizeof(buf)),
                     STUINFO_OK);
    assert_string_equal(buf, "11010519491231002X");
    assert_int_equal(stuinfo_idnum_upgrade(ctx, "110105491231002", 15, buf, 18),
                     STUINFO_ERR_TOO_LONG);
    assert_int_equal(stuinfo_idnum_upgrade(ctx, "110105491231003", 15, buf, 10),
                     STUINFO_ERR_TOO_LONG);
    assert_int_equal(stuinfo_idnum_upgrade(ctx, "110105491331002", 15, buf, sizeof(buf)),
                     STUINFO_ERR_INVALID);
    assert_int_equal(stuinfo_idnum_upgrade(ctx, "810000199408230021", 18, buf, sizeof(buf)),
                     STUINFO_ERR_INVALID);
    assert_string_equal(stuinfo_ctx_last_message(ctx),
                        "this kind of number cannot be used here");
    assert_int_equal(stuinfo_idnum_downgrade(ctx, "110105200002290021", 18, buf, sizeof(buf)),
                     STUINFO_ERR_INVALID);
    assert_int_equal(stuinfo_idnum_downgrade(ctx, "11010519491231002X", 18, buf, 15),
                     STUINFO_ERR_TOO_LONG);
    assert_int_equal(stuinfo_idnum_upgrade(NULL, "1", 1, buf, sizeof(buf)),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_idnum_upgrade(ctx, "1", 1, NULL, 0), STUINFO_ERR_INVALID_ARGUMENT);
    stuinfo_ctx_free(ctx);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_single_changes_and_transpositions),
        cmocka_unit_test(test_upgrade_round_trip),
        cmocka_unit_test(test_conversions),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
