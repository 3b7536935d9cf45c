/* GB18030 <-> UTF-8 with the STOP callbacks of the ctx's converter. */
#include <string.h>

#include <unicode/ucnv.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include "gb18030.h"
#include "services_impl.h"

enum { PIVOT = 512 };

/* Append the UTF-16 units u[0..n) to dst as UTF-8; false if dst is full. */
static bool
put_utf8(const UChar *u, int32_t n, char *dst, size_t cap, size_t *pos)
{
    int32_t i = 0;

    while (i < n) {
        UChar32 c = 0;
        uint8_t tmp[4];
        int32_t k = 0;

        /* NOLINTNEXTLINE(clang-analyzer-core.uninitialized.Assign): ICU wrote u[0..n) */
        U16_NEXT(u, i, n, c);
        U8_APPEND_UNSAFE(tmp, k, c);
        if (cap - *pos < (size_t)k)
            return false;
        memcpy(dst + *pos, tmp, (size_t)k);
        *pos += (size_t)k;
    }
    return true;
}

text_status
text_gb18030_to_utf8(struct text_services *ts, const char *src, size_t len, char *dst,
                     size_t cap, size_t *out_len, size_t *bad_offset)
{
    UConverter *cnv = ts->gb18030;
    const char *s = src, *end = src + len;
    size_t pos = 0;

    *out_len = 0;
    if (memchr(src, 0, len) != NULL) {
        *bad_offset = (size_t)((const char *)memchr(src, 0, len) - src);
        return TEXT_NUL;
    }
    ucnv_resetToUnicode(cnv);
    for (;;) {
        UChar buf[PIVOT];
        UChar *t = buf;
        UErrorCode err = U_ZERO_ERROR;

        ucnv_toUnicode(cnv, &t, buf + PIVOT, &s, end, NULL, true, &err);
        if (!put_utf8(buf, (int32_t)(t - buf), dst, cap, &pos))
            return TEXT_TOO_LONG;
        if (err == U_BUFFER_OVERFLOW_ERROR)
            continue;
        if (U_FAILURE(err)) {
            char bad[32];
            int8_t bad_len = (int8_t)sizeof(bad);
            UErrorCode e2 = U_ZERO_ERROR;

            if (err != U_ILLEGAL_CHAR_FOUND && err != U_INVALID_CHAR_FOUND
                && err != U_TRUNCATED_CHAR_FOUND)
                return err == U_MEMORY_ALLOCATION_ERROR ? TEXT_NOMEM : TEXT_ICU_ERROR;
            ucnv_getInvalidChars(cnv, bad, &bad_len, &e2);
            if (U_FAILURE(e2))
                bad_len = 0;
            *bad_offset = (size_t)(s - src) - (size_t)bad_len;
            ucnv_resetToUnicode(cnv);
            return TEXT_INVALID_UTF8;
        }
        break;
    }
    *out_len = pos;
    return TEXT_OK;
}

/* Convert buf[0..n) to GB18030 at dst+*pos; flush on the last call. */
static text_status
put_gb(UConverter *cnv, const UChar *buf, int32_t n, bool flush, char *dst, size_t cap,
       size_t *pos)
{
    const UChar *s = buf;
    char *t = dst + *pos;
    UErrorCode err = U_ZERO_ERROR;

    ucnv_fromUnicode(cnv, &t, dst + cap, &s, buf + n, NULL, (UBool)flush, &err);
    *pos = (size_t)(t - dst);
    if (err == U_BUFFER_OVERFLOW_ERROR)
        return TEXT_TOO_LONG;
    if (U_FAILURE(err))
        return err == U_MEMORY_ALLOCATION_ERROR ? TEXT_NOMEM : TEXT_INVALID_UTF8;
    return TEXT_OK;
}

text_status
text_utf8_to_gb18030(struct text_services *ts, const char *src, size_t len, char *dst,
                     size_t cap, size_t *out_len)
{
    UConverter *cnv = ts->gb18030;
    const uint8_t *u = (const uint8_t *)src;
    UChar buf[PIVOT];
    int32_t n = 0;
    size_t i = 0, pos = 0;
    text_status st;

    *out_len = 0;
    ucnv_resetFromUnicode(cnv);
    while (i < len) {
        int32_t off = 0;
        int32_t window = (len - i) > 4 ? 4 : (int32_t)(len - i);
        UChar32 c;

        U8_NEXT(u + i, off, window, c);
        if (c < 0)
            return TEXT_INVALID_UTF8;
        i += (size_t)off;
        U16_APPEND_UNSAFE(buf, n, c);
        if (n >= PIVOT - 2) {
            st = put_gb(cnv, buf, n, false, dst, cap, &pos);
            if (st != TEXT_OK)
                return st;
            n = 0;
        }
    }
    st = put_gb(cnv, buf, n, true, dst, cap, &pos);
    if (st != TEXT_OK)
        return st;
    *out_len = pos;
    return TEXT_OK;
}
