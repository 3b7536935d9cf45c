/* Strict UTF-8: the measured ICU 72 cases of notes/reliability.md §2.1. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "text/text.h"

struct vec {
    const char *bytes;
    size_t len;
    text_status expect;
    size_t offset;
};

#define V(s, st, off) {s, sizeof(s) - 1, st, off}

static void
test_vectors(void **state)
{
    static const struct vec vecs[] = {
        V("\xE5\xBC\xA0\xE4\xB8\x89", TEXT_OK, 0),            /* 张三 */
        V("\xF0\xA0\xAE\xB7", TEXT_OK, 0),                    /* 𠮷, supplementary */
        V("", TEXT_OK, 0),
        V("ab\x80", TEXT_INVALID_UTF8, 2),                      /* stray continuation */
        V("\xC0\xAF", TEXT_INVALID_UTF8, 0),                    /* overlong '/' */
        V("\xC0\x80", TEXT_INVALID_UTF8, 0),                    /* overlong NUL */
        V("\xE0\x80\xAF", TEXT_INVALID_UTF8, 0),
        V("x\xED\xA0\x80", TEXT_INVALID_UTF8, 1),               /* surrogate (CESU-8) */
        V("\xF4\x90\x80\x80", TEXT_INVALID_UTF8, 0),            /* > U+10FFFF */
        V("\xE5\xBC", TEXT_INVALID_UTF8, 0),                    /* truncated */
        V("\xD5\xC5\xC8\xFD", TEXT_INVALID_UTF8, 0),            /* GBK 张三 */
        V("a\0b", TEXT_NUL, 1),
        V("\xEF\xBB\xBF" "a", TEXT_OK, 0),                     /* BOM is valid UTF-8 */
    };

    (void)state;
    for (size_t i = 0; i < sizeof(vecs) / sizeof(vecs[0]); i++) {
        size_t off = 999;
        text_status st = text_utf8_check(vecs[i].bytes, vecs[i].len, &off);
        assert_int_equal(st, vecs[i].expect);
        if (st != TEXT_OK)
            assert_int_equal(off, vecs[i].offset);
    }
}

static void
test_count(void **state)
{
    (void)state;
    assert_int_equal(text_utf8_count("\xE5\xBC\xA0\xE4\xB8\x89", 6), 2);
    assert_int_equal(text_utf8_count("\xF0\xA0\xAE\xB7" "a", 5), 2);
    assert_int_equal(text_utf8_count("", 0), 0);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_vectors),
        cmocka_unit_test(test_count),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
