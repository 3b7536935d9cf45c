/* Strict UTF-8 checks. */
#include <unicode/utf8.h>

#include "text.h"

text_status
text_utf8_check(const char *s, size_t len, size_t *bad_offset)
{
    const uint8_t *u = (const uint8_t *)s;
    size_t i = 0;

    while (i < len) {
        /* ASCII fast path: rosters are mostly digits and Latin letters. */
        if (u[i] < 0x80) {
            if (u[i] == 0) {
                if (bad_offset != NULL)
                    *bad_offset = i;
                return TEXT_NUL;
            }
            i++;
            continue;
        }
        /* ICU's U8_NEXT works on int32_t offsets; step through in bounded windows. */
        int32_t off = 0;
        int32_t window = (len - i) > 4 ? 4 : (int32_t)(len - i);
        UChar32 c;

        U8_NEXT(u + i, off, window, c);
        if (c < 0) {
            if (bad_offset != NULL)
                *bad_offset = i;
            return TEXT_INVALID_UTF8;
        }
        i += (size_t)off;
    }
    return TEXT_OK;
}

size_t
text_utf8_count(const char *s, size_t len)
{
    const uint8_t *u = (const uint8_t *)s;
    size_t n = 0;

    /* Every byte that is not a continuation byte starts a code point. */
    for (size_t i = 0; i < len; i++)
        n += (u[i] & 0xC0) != 0x80;
    return n;
}
