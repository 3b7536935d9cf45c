/* GB18030 <-> UTF-8 (src/text/gb18030.c) at its edges: NUL bytes, undecodable and
 * truncated sequences with their offsets, output buffers one byte too small. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "stuinfo.h"
#include "core/core.h"
#include "text/gb18030.h"

/* 张三 in GB18030 and UTF-8; 𠮷 (U+20BB7) needs GB18030's four-byte form. */
#define ZS_GB "\xD5\xC5\xC8\xFD"
#define ZS_U8 "\xE5\xBC\xA0\xE4\xB8\x89"
#define JI_GB "\x95\x34\xB2\x35"
#define JI_U8 "\xF0\xA0\xAE\xB7"

static void
test_decode(void **state)
{
    stuinfo_ctx *ctx = NULL;
    struct text_services *ts;
    char out[64];
    size_t n = 0, bad = 0;

    (void)state;
    assert_int_equal(stuinfo_ctx_new(NULL, &ctx), STUINFO_OK);
    ts = core_text(ctx);
    assert_int_equal(text_gb18030_to_utf8(ts, ZS_GB JI_GB "a", 9, out, sizeof(out), &n, &bad),
                     TEXT_OK);
    assert_int_equal(n, 11);
    assert_memory_equal(out, ZS_U8 JI_U8 "a", 11);
    /* exactly enough room, then one byte less */
    assert_int_equal(text_gb18030_to_utf8(ts, ZS_GB, 4, out, 6, &n, &bad), TEXT_OK);
    assert_int_equal(text_gb18030_to_utf8(ts, ZS_GB, 4, out, 5, &n, &bad), TEXT_TOO_LONG);
    assert_int_equal(text_gb18030_to_utf8(ts, ZS_GB JI_GB, 8, out, 9, &n, &bad),
                     TEXT_TOO_LONG);
    /* a NUL byte */
    assert_int_equal(text_gb18030_to_utf8(ts, "ab\0c", 4, out, sizeof(out), &n, &bad),
                     TEXT_NUL);
    /* an undecodable pair after two good characters, and a truncated one at the end */
    assert_int_equal(text_gb18030_to_utf8(ts, ZS_GB "\xFF\xFF", 6, out, sizeof(out), &n,
                                          &bad),
                     TEXT_INVALID_UTF8);
    assert_int_equal(bad, 4);
    assert_int_equal(text_gb18030_to_utf8(ts, ZS_GB "\xD5", 5, out, sizeof(out), &n, &bad),
                     TEXT_INVALID_UTF8);
    assert_int_equal(bad, 4);
    assert_int_equal(text_gb18030_to_utf8(ts, "", 0, out, sizeof(out), &n, &bad), TEXT_OK);
    assert_int_equal(n, 0);
    stuinfo_ctx_free(ctx);
}

/* Both decoders on one input and room: the same status, output and offset. */
static void
same_decode(struct text_services *ts, const char *in, size_t len, size_t cap)
{
    char a[1024], b[1024];
    size_t na = 0, nb = 0, ba = 0, bb = 0;
    text_status sa, sb;

    sa = text_gb18030_to_utf8(ts, in, len, a, cap, &na, &ba);
    sb = text_gb18030_to_utf8_icu(ts, in, len, b, cap, &nb, &bb);
    assert_int_equal(sa, sb);
    if (sa == TEXT_OK) {
        assert_int_equal(na, nb);
        assert_memory_equal(a, b, na);
    } else if (sa != TEXT_TOO_LONG) {
        assert_int_equal(ba, bb);
    }
}

/* The two-byte table gives what ICU gives: every two-byte code alone and after ASCII,
 * then generated texts of ASCII, two- and four-byte codes, bad and truncated bytes, with
 * room to spare and too little. */
static void
test_decode_table_same_as_icu(void **state)
{
    stuinfo_ctx *ctx = NULL;
    struct text_services *ts;
    uint64_t rng = 0x2545F4914F6CDD1DULL;

    (void)state;
    assert_int_equal(stuinfo_ctx_new(NULL, &ctx), STUINFO_OK);
    ts = core_text(ctx);
    for (int lead = 0x80; lead <= 0xff; lead++) {
        for (int trail = 0x00; trail <= 0xff; trail++) {
            char in[3] = {'a', (char)lead, (char)trail};

            if (trail == 0)
                continue;
            same_decode(ts, in + 1, 2, 16);
            same_decode(ts, in, 3, 16);
            same_decode(ts, in, 3, 3);
        }
    }
    for (int round = 0; round < 50000; round++) {
        char in[256];
        size_t n = 0, parts;

        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        parts = rng % 12;
        for (size_t p = 0; p < parts; p++) {
            uint64_t r;

            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            r = rng;
            switch (r % 8) {
            case 0:
            case 1:
                in[n++] = (char)(0x20 + (r >> 8) % 95);
                break;
            case 2:     /* four bytes: 0x81-0xFE, 0x30-0x39, 0x81-0xFE, 0x30-0x39 */
                in[n++] = (char)(0x81 + (r >> 8) % 126);
                in[n++] = (char)(0x30 + (r >> 16) % 10);
                in[n++] = (char)(0x81 + (r >> 24) % 126);
                in[n++] = (char)(0x30 + (r >> 32) % 10);
                break;
            case 3:     /* any byte but NUL */
                in[n++] = (char)(1 + (r >> 8) % 255);
                break;
            default:    /* two bytes, mostly in the table's range */
                in[n++] = (char)(0x81 + (r >> 8) % 126);
                in[n++] = (char)(0x3c + (r >> 16) % 0xc4);
                break;
            }
        }
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        same_decode(ts, in, n, sizeof(in) * 3);
        same_decode(ts, in, n, n == 0 ? 0 : (size_t)(rng % (2 * n)));
    }
    stuinfo_ctx_free(ctx);
}

static void
test_encode(void **state)
{
    stuinfo_ctx *ctx = NULL;
    struct text_services *ts;
    char out[64];
    size_t n = 0;

    (void)state;
    assert_int_equal(stuinfo_ctx_new(NULL, &ctx), STUINFO_OK);
    ts = core_text(ctx);
    assert_int_equal(text_utf8_to_gb18030(ts, ZS_U8 JI_U8 "a", 11, out, sizeof(out), &n),
                     TEXT_OK);
    assert_int_equal(n, 9);
    assert_memory_equal(out, ZS_GB JI_GB "a", 9);
    assert_int_equal(text_utf8_to_gb18030(ts, ZS_U8, 6, out, 4, &n), TEXT_OK);
    assert_int_equal(text_utf8_to_gb18030(ts, ZS_U8, 6, out, 3, &n), TEXT_TOO_LONG);
    assert_int_equal(text_utf8_to_gb18030(ts, "a\xE5\xBC", 3, out, sizeof(out), &n),
                     TEXT_INVALID_UTF8);
    assert_int_equal(text_utf8_to_gb18030(ts, "\xC0\xAF", 2, out, sizeof(out), &n),
                     TEXT_INVALID_UTF8);
    assert_int_equal(text_utf8_to_gb18030(ts, "", 0, out, sizeof(out), &n), TEXT_OK);
    assert_int_equal(n, 0);
    stuinfo_ctx_free(ctx);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_decode),
        cmocka_unit_test(test_decode_table_same_as_icu),
        cmocka_unit_test(test_encode),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
