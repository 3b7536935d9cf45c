/*
 * The portable loop of the MOD 11-2 sum (used where SSE2 is missing) agrees with the
 * library's build of it on random texts: this file compiles the inline hot path with
 * SSE2 switched off and compares both on every reason and field.
 */
#undef __SSE2__
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "test_ctx.h"
#include "test_rng.h"
#include "idnum/idnum.h"
#include "idnum/verify_impl.h"

static test_rng rng = {0x853C49E6748FEA9BULL};

static void
test_scalar_agrees(void **state)
{
    static const char alphabet[] = "0123456789012345678901234567890123456789Xx A/";
    struct idnum_env env;

    (void)state;
    idnum_env_at(&env, TEST_NOW, NULL);
    for (int k = 0; k < 200000; k++) {
        char s[19];
        stuinfo_idnum_result a, b;
        for (int i = 0; i < 18; i++)
            s[i] = alphabet[test_rnd(&rng, sizeof(alphabet) - 1)];
        if (k % 2 == 0) {
            /* Half of them with a right check character, to reach the later rules. */
            for (int i = 0; i < 17; i++)
                if (s[i] < '0' || s[i] > '9')
                    s[i] = (char)('0' + test_rnd(&rng, 10));
            s[17] = idnum_mod11_2(s);
        }
        s[18] = '\0';
        a.size = b.size = sizeof(a);
        int32_t ra = idnum_verify18(&env, s, 0, IDNUM_MODE_ANY, &a);
        int32_t rb = idnum_verify(&env, s, 18, &b);
        if (rb == STUINFO_IDNUM_ERR_CHARACTER || ra == STUINFO_IDNUM_ERR_CHARACTER) {
            /* The library also tries normalization on a bad character. */
            if (strpbrk(s, " /") == NULL)
                assert_int_equal(ra, rb);
            continue;
        }
        assert_int_equal(ra, rb);
        assert_int_equal(idnum_verify18(&env, s, 0, IDNUM_MODE_ANY, NULL), ra);
        assert_int_equal(a.kind, b.kind);
        assert_int_equal(a.expected_check, b.expected_check);
        assert_int_equal(a.birth_year, b.birth_year);
        assert_int_equal(a.birth_month, b.birth_month);
        assert_int_equal(a.birth_day, b.birth_day);
        assert_int_equal(a.flags, b.flags);
        assert_string_equal(a.normalized, b.normalized);
    }
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_scalar_agrees),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
