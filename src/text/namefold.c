/* Folding names for code-table lookups: NFKC_Casefold, white space removed, optional
 * Traditional-Simplified transliteration. */
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include "namefold.h"
#include "services_impl.h"

/* Work buffers in UTF-16 units: NFKC may expand a text (up to 18 units per unit). */
enum { FOLD_UNITS = 4 * TEXT_NAMEFOLD_MAX_INPUT };

static bool
is_ascii_space(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/*
 * ASCII and CJK unified ideographs U+4E00..U+9FFF only: NFKC_Casefold leaves the
 * ideographs alone and lower-cases ASCII, so no ICU call is needed. Returns false
 * (writing nothing useful) when another character is present.
 */
static bool
fold_fast(const unsigned char *s, size_t len, char *out, size_t cap, size_t *out_len,
          text_status *st)
{
    size_t o = 0;

    for (size_t i = 0; i < len;) {
        unsigned char c = s[i];
        if (c < 0x80) {
            i++;
            if (is_ascii_space(c))
                continue;
            if (o >= cap) {
                *st = TEXT_TOO_LONG;
                return true;
            }
            out[o++] = (char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
            continue;
        }
        /* A three-byte sequence E4 B8 80 (U+4E00) .. E9 BF BF (U+9FFF). */
        if (c < 0xE4 || c > 0xE9 || len - i < 3 || (c == 0xE4 && s[i + 1] < 0xB8))
            return false;
        if (cap - o < 3) {
            *st = TEXT_TOO_LONG;
            return true;
        }
        memcpy(out + o, s + i, 3);
        o += 3;
        i += 3;
    }
    *out_len = o;
    *st = TEXT_OK;
    return true;
}

static text_status
icu_status(UErrorCode err)
{
    if (err == U_BUFFER_OVERFLOW_ERROR || err == U_STRING_NOT_TERMINATED_WARNING)
        return TEXT_TOO_LONG;
    return U_FAILURE(err) ? TEXT_ICU_ERROR : TEXT_OK;
}

static text_status
fold_icu(text_services *ts, const char *s, size_t len, unsigned flags, char *out,
         size_t cap, size_t *out_len)
{
    UChar a[FOLD_UNITS], b[FOLD_UNITS];
    UErrorCode err = U_ZERO_ERROR;
    int32_t n = 0, m;
    size_t o = 0;

    u_strFromUTF8(a, FOLD_UNITS, &n, s, (int32_t)len, &err);
    if (U_FAILURE(err) || err == U_STRING_NOT_TERMINATED_WARNING)
        return icu_status(err);
    m = unorm2_normalize(ts->nfkc_casefold, a, n, b, FOLD_UNITS, &err);
    if (U_FAILURE(err) || err == U_STRING_NOT_TERMINATED_WARNING)
        return icu_status(err);
    if (flags & TEXT_FOLD_TRAD_TO_SIMP) {
        int32_t limit = m;
        utrans_transUChars(ts->trad_simp, b, &m, FOLD_UNITS, 0, &limit, &err);
        if (U_FAILURE(err) || err == U_STRING_NOT_TERMINATED_WARNING)
            return icu_status(err);
        m = limit;
    }
    for (int32_t i = 0; i < m;) {
        UChar32 c;
        U16_NEXT(b, i, m, c);
        if (u_isUWhiteSpace(c))
            continue;
        if (cap - o < (size_t)U8_LENGTH(c))
            return TEXT_TOO_LONG;
        U8_APPEND_UNSAFE(out, o, c);
    }
    *out_len = o;
    return TEXT_OK;
}

text_status
text_namefold(text_services *ts, const char *s, size_t len, unsigned flags, char *out,
              size_t cap, size_t *out_len, bool *used_icu)
{
    text_status st = TEXT_OK;

    *out_len = 0;
    if (used_icu != NULL)
        *used_icu = false;
    if (len > TEXT_NAMEFOLD_MAX_INPUT)
        return TEXT_TOO_LONG;
    if (!(flags & (TEXT_FOLD_FORCE_ICU | TEXT_FOLD_TRAD_TO_SIMP))
        && fold_fast((const unsigned char *)s, len, out, cap, out_len, &st))
        return st;
    if (used_icu != NULL)
        *used_icu = true;
    return fold_icu(ts, s, len, flags, out, cap, out_len);
}
