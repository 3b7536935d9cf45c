/*
 * Fuzz target "utf8": the text layer's strict UTF-8 check and code-point count,
 * compared with an independent decoder written from Unicode's table 3-7 (a wrong
 * answer is a failure, not just a crash), and the message formatter with the input
 * as an argument (must stay NUL-terminated, within its buffer and valid UTF-8).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "core/core.h"
#include "text/text.h"

/* Length of the well-formed sequence at s[0..n), or 0 if it is ill-formed. */
static size_t
oracle_seq(const uint8_t *s, size_t n)
{
    uint8_t b = s[0];
    uint8_t lo = 0x80, hi = 0xBF;
    size_t need;

    if (b < 0x80)
        return 1;
    if (b >= 0xC2 && b <= 0xDF)
        need = 1;
    else if (b >= 0xE0 && b <= 0xEF) {
        need = 2;
        if (b == 0xE0)
            lo = 0xA0;          /* no overlong 3-byte forms */
        if (b == 0xED)
            hi = 0x9F;          /* no surrogates */
    } else if (b >= 0xF0 && b <= 0xF4) {
        need = 3;
        if (b == 0xF0)
            lo = 0x90;          /* no overlong 4-byte forms */
        if (b == 0xF4)
            hi = 0x8F;          /* nothing above U+10FFFF */
    } else
        return 0;
    if (n < need + 1)
        return 0;
    if (s[1] < lo || s[1] > hi)
        return 0;
    for (size_t k = 2; k <= need; k++)
        if (s[k] < 0x80 || s[k] > 0xBF)
            return 0;
    return need + 1;
}

static void
check_utf8(const uint8_t *data, size_t size)
{
    text_status expect = TEXT_OK;
    size_t expect_off = 0, points = 0, i = 0, off = (size_t)-1;

    while (i < size) {
        size_t k = oracle_seq(data + i, size - i);
        if (k == 0 || data[i] == 0) {
            expect = k == 0 ? TEXT_INVALID_UTF8 : TEXT_NUL;
            expect_off = i;
            break;
        }
        i += k;
        points++;
    }
    text_status got = text_utf8_check((const char *)data, size, &off);
    if (got != expect)
        fuzz_fail("text_utf8_check status differs from the oracle");
    if (got != TEXT_OK && off != expect_off)
        fuzz_fail("text_utf8_check offset differs from the oracle");
    if (got == TEXT_OK && text_utf8_count((const char *)data, size) != points)
        fuzz_fail("text_utf8_count differs from the oracle");
}

static void
check_message(const uint8_t *data, size_t size)
{
    char *arg = malloc(size + 1);
    char buf[64];
    size_t valid_prefix = 0;
    size_t cap;

    if (arg == NULL)
        return;
    memcpy(arg, data, size);
    arg[size] = '\0';
    /* The formatter is given NUL-terminated arguments; the valid prefix before the
     * first NUL decides whether the output must be valid UTF-8. */
    while (valid_prefix < size && data[valid_prefix] != 0) {
        size_t k = oracle_seq(data + valid_prefix, size - valid_prefix);
        if (k == 0)
            break;
        valid_prefix += k;
    }
    bool arg_valid = valid_prefix == strlen(arg);
    cap = size == 0 ? 1 : (size_t)data[0] % sizeof(buf) + 1;
    for (int lang = STUINFO_LANG_ZH_CN; lang <= STUINFO_LANG_EN; lang++) {
        memset(buf, 0x55, sizeof(buf));
        size_t n = core_message_format(buf, cap, RULE_CORE_BAD_OPTION, (stuinfo_lang)lang,
                                       arg, arg);
        if (n >= cap || buf[n] != '\0' || strlen(buf) != n)
            fuzz_fail("core_message_format overran or did not terminate");
        if (cap < sizeof(buf) && (uint8_t)buf[cap] != 0x55)
            fuzz_fail("core_message_format wrote past its capacity");
        if (arg_valid && text_utf8_check(buf, n, NULL) != TEXT_OK)
            fuzz_fail("core_message_format cut a UTF-8 sequence");
    }
    free(arg);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_begin_clean();
    check_utf8(data, size);
    check_message(data, size);
    fuzz_check_no_leak("utf8");
    return 0;
}
