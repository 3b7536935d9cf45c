/* Personal names through ICU (see name.h). */
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include "fold.h"
#include "name.h"
#include "services_impl.h"

/* Names are short; anything longer than this is refused before any ICU call. */
#define NAME_UNITS 1024

static bool
is_compat_ideograph(UChar32 c)
{
    /* The CJK Compatibility Ideographs blocks, minus the twelve that are unified
     * ideographs in their own right (U+FA0E, U+FA11, ...): NFC leaves those alone. */
    if (!((c >= 0xf900 && c <= 0xfaff) || (c >= 0x2f800 && c <= 0x2fa1f)))
        return false;
    return !u_hasBinaryProperty(c, UCHAR_UNIFIED_IDEOGRAPH);
}

static bool
is_radical(UChar32 c)
{
    UBlockCode b = ublock_getCode(c);

    return b == UBLOCK_KANGXI_RADICALS || b == UBLOCK_CJK_RADICALS_SUPPLEMENT;
}

void
text_name_scan_run(const char *s, size_t len, text_name_scan *out)
{
    size_t pos = 0;

    memset(out, 0, sizeof(*out));
    while (pos < len) {
        int32_t off = 0;
        int32_t window = (len - pos) > 4 ? 4 : (int32_t)(len - pos);
        UChar32 c;
        bool bad = false;

        U8_NEXT((const uint8_t *)s + pos, off, window, c);
        pos += (size_t)off;
        if (c < 0)
            continue;
        out->code_points++;
        if (c == 0xb7) {
            out->dots++;
        } else if (c == ' ' || c == 0x3000) {
            out->spaces++;
        } else if (is_compat_ideograph(c)) {
            out->compat++;
            out->han++;
            bad = true;
        } else if (is_radical(c)) {
            out->radical++;
            bad = true;
        } else if (u_charType(c) == U_PRIVATE_USE_CHAR) {
            out->private_use++;
            bad = true;
        } else if (u_isdigit(c)) {
            out->digits++;
            bad = true;
        } else {
            UErrorCode err = U_ZERO_ERROR;
            UScriptCode sc = uscript_getScript(c, &err);

            if (sc == USCRIPT_HAN && u_isalpha(c)) {
                out->han++;
            } else if (sc == USCRIPT_LATIN && u_isalpha(c)) {
                out->latin++;
            } else {
                out->other++;
                bad = true;
            }
        }
        if (bad && out->first_bad == 0)
            out->first_bad = (uint32_t)c;
    }
}

/* UTF-8 to UTF-16 into a fixed buffer; lengths are bounded before any int32_t cast. */
static text_status
to_utf16(const char *s, size_t len, UChar *buf, int32_t cap, int32_t *n)
{
    UErrorCode err = U_ZERO_ERROR;

    if (len > (size_t)cap)
        return TEXT_TOO_LONG;
    u_strFromUTF8(buf, cap, n, s, (int32_t)len, &err);
    if (err == U_BUFFER_OVERFLOW_ERROR || err == U_STRING_NOT_TERMINATED_WARNING)
        return TEXT_TOO_LONG;
    if (U_FAILURE(err))
        return err == U_INVALID_CHAR_FOUND ? TEXT_INVALID_UTF8 : TEXT_ICU_ERROR;
    return TEXT_OK;
}

static text_status
to_utf8(const UChar *u, int32_t n, char *out, size_t cap, size_t *out_len)
{
    UErrorCode err = U_ZERO_ERROR;
    int32_t m = 0;
    int32_t icap = cap > INT32_MAX ? INT32_MAX : (int32_t)cap;

    u_strToUTF8(out, icap, &m, u, n, &err);
    if (err == U_BUFFER_OVERFLOW_ERROR || err == U_STRING_NOT_TERMINATED_WARNING)
        return TEXT_TOO_LONG;
    if (U_FAILURE(err))
        return TEXT_ICU_ERROR;
    *out_len = (size_t)m;
    return TEXT_OK;
}

text_status
text_name_key(text_services *ts, const char *s, size_t len, char *out, size_t cap,
              size_t *out_len)
{
    char folded[2 * NAME_UNITS + 1];
    size_t flen;
    UChar u[NAME_UNITS], k[NAME_UNITS * 2];
    int32_t n = 0, m;
    UErrorCode err = U_ZERO_ERROR;
    text_status st;

    if (len > NAME_UNITS)
        return TEXT_TOO_LONG;
    text_fold(s, len, TEXT_FOLD_TRIM | TEXT_FOLD_DOTS | TEXT_FOLD_NO_SPACES | TEXT_FOLD_WIDTH,
              folded, &flen);
    st = to_utf16(folded, flen, u, NAME_UNITS, &n);
    if (st != TEXT_OK)
        return st;
    m = unorm2_normalize(ts->nfkc_casefold, u, n, k, NAME_UNITS * 2, &err);
    if (U_FAILURE(err) || err == U_STRING_NOT_TERMINATED_WARNING)
        return err == U_BUFFER_OVERFLOW_ERROR ? TEXT_TOO_LONG : TEXT_ICU_ERROR;
    return to_utf8(k, m, out, cap, out_len);
}

text_status
text_han_latin(text_services *ts, const char *s, size_t len, char *out, size_t cap,
               size_t *out_len)
{
    UChar u[NAME_UNITS * 4];
    int32_t n = 0, limit;
    UErrorCode err = U_ZERO_ERROR;
    text_status st;

    if (len > NAME_UNITS)
        return TEXT_TOO_LONG;
    st = to_utf16(s, len, u, NAME_UNITS, &n);
    if (st != TEXT_OK)
        return st;
    limit = n;
    /* Pinyin is longer than the Han text; the buffer leaves room for 4 units each. */
    utrans_transUChars(ts->han_latin, u, &n, NAME_UNITS * 4, 0, &limit, &err);
    if (U_FAILURE(err) || err == U_STRING_NOT_TERMINATED_WARNING)
        return err == U_BUFFER_OVERFLOW_ERROR ? TEXT_TOO_LONG : TEXT_ICU_ERROR;
    return to_utf8(u, limit, out, cap, out_len);
}
