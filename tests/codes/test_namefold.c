/* White box: the generator's folded keys are what the run-time folding makes of them,
 * and the fast path agrees with ICU. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "codes/codes_tables.h"
#include "text/namefold.h"

static text_services *
open_services(void)
{
    text_services *ts = calloc(1, text_services_size());

    assert_non_null(ts);
    assert_int_equal(text_services_open(ts), TEXT_OK);
    return ts;
}

static void
close_services(text_services *ts)
{
    text_services_close(ts);
    free(ts);
}

static void
test_keys_fold_to_themselves(void **state)
{
    text_services *ts = open_services();
    char out[4 * CODES_NAME_MAX];

    (void)state;
    for (int t = 1; t <= CODES_TABLE_MAX; t++) {
        const struct code_table *tab = codes_table(t);
        for (uint32_t i = 0; i < tab->name_count; i++) {
            const struct code_name_key *k = &tab->names[i];
            const char *key = tab->name_pool + k->off;
            size_t n = 0;
            for (unsigned flags = 0; flags <= TEXT_FOLD_FORCE_ICU; flags += TEXT_FOLD_FORCE_ICU) {
                assert_int_equal(text_namefold(ts, key, k->len, flags, out, sizeof(out),
                                               &n, NULL), TEXT_OK);
                if (n != k->len || memcmp(out, key, n) != 0)
                    fail_msg("table %s: key \"%.*s\" folds to \"%.*s\" (flags %u)", tab->key,
                             (int)k->len, key, (int)n, out, flags);
            }
            if (i > 0) {    /* sorted for the binary search, no duplicates */
                const struct code_name_key *p = &tab->names[i - 1];
                size_t m = p->len < k->len ? p->len : k->len;
                int c = memcmp(tab->name_pool + p->off, key, m);
                assert_true(c < 0 || (c == 0 && p->len < k->len));
            }
        }
        for (uint32_t i = 0; i < tab->code_key_count; i++) {
            /* every code and alternative code is found through the hash */
            char code[9];
            size_t n = 0;
            for (int b = 7; b >= 0; b--) {
                char ch = (char)(tab->code_keys[i] >> (8 * b) & 0xFF);
                if (ch != 0)
                    code[n++] = ch;
            }
            assert_ptr_equal(codes_by_code(t, code, n), &tab->entries[tab->code_entries[i]]);
            if (i > 0)
                assert_true(tab->code_keys[i - 1] < tab->code_keys[i]);
        }
    }
    close_services(ts);
}

static void
test_fast_path_agrees(void **state)
{
    static const char *const texts[] = {
        "Han", "  h A n ", "\tCHN\r\n", "\xE6\xB1\x89\xE6\x97\x8F",
        "\xE6\xB1\x89 \xE6\x97\x8F", "A\xE4\xB8\x80Z", "\xE9\xBF\xBF", "a-b.c(d)",
        "\xE4\xB8\x80\xE4\xBA\x8C", "", "   ",
    };
    text_services *ts = open_services();
    char a[64], b[64];

    (void)state;
    for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
        size_t na = 0, nb = 0;
        bool icu = true;
        assert_int_equal(text_namefold(ts, texts[i], strlen(texts[i]), 0, a, sizeof(a), &na,
                                       &icu), TEXT_OK);
        assert_false(icu);
        assert_int_equal(text_namefold(ts, texts[i], strlen(texts[i]), TEXT_FOLD_FORCE_ICU,
                                       b, sizeof(b), &nb, &icu), TEXT_OK);
        assert_true(icu);
        assert_int_equal(na, nb);
        assert_memory_equal(a, b, na);
    }
    close_services(ts);
}

static void
test_icu_cases(void **state)
{
    text_services *ts = open_services();
    char out[64];
    size_t n = 0;
    bool icu = false;

    (void)state;
    /* ＨＡ (full width) -> ha; U+3000 ideographic space removed */
    assert_int_equal(text_namefold(ts, "\xEF\xBC\xA8\xE3\x80\x80\xEF\xBC\xA1", 9, 0, out,
                                   sizeof(out), &n, &icu), TEXT_OK);
    assert_true(icu);
    assert_int_equal(n, 2);
    assert_memory_equal(out, "ha", 2);
    /* 漢族 -> 汉族 only with TRAD_TO_SIMP */
    assert_int_equal(text_namefold(ts, "\xE6\xBC\xA2\xE6\x97\x8F", 6, TEXT_FOLD_TRAD_TO_SIMP,
                                   out, sizeof(out), &n, NULL), TEXT_OK);
    assert_int_equal(n, 6);
    assert_memory_equal(out, "\xE6\xB1\x89\xE6\x97\x8F", 6);
    /* output buffer too small */
    assert_int_equal(text_namefold(ts, "abcdef", 6, 0, out, 3, &n, NULL), TEXT_TOO_LONG);
    assert_int_equal(text_namefold(ts, "\xEF\xBC\xA8\xEF\xBC\xA1", 6, 0, out, 1, &n, NULL),
                     TEXT_TOO_LONG);
    close_services(ts);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_keys_fold_to_themselves),
        cmocka_unit_test(test_fast_path_agrees),
        cmocka_unit_test(test_icu_cases),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
