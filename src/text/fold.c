/* Canonicalization of field text (see fold.h). */
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "fold.h"

static UChar32
next_cp(const char *s, size_t len, size_t *pos)
{
    int32_t off = 0;
    int32_t window = (len - *pos) > 4 ? 4 : (int32_t)(len - *pos);
    UChar32 c;

    U8_NEXT((const uint8_t *)s + *pos, off, window, c);
    *pos += (size_t)off;
    return c;
}

uint32_t
text_find_forbidden(const char *s, size_t len, size_t *offset)
{
    size_t pos = 0;

    while (pos < len) {
        size_t at = pos;
        UChar32 c;

        if ((unsigned char)s[pos] < 0x80) {
            c = (unsigned char)s[pos++];
            if (c < 0x20 || c == 0x7f)
                goto found;
            continue;
        }
        c = next_cp(s, len, &pos);
        if (c < 0)
            continue;       /* callers check UTF-8 first */
        if ((c >= 0x80 && c < 0xa0) || u_hasBinaryProperty(c, UCHAR_BIDI_CONTROL)
            || u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)
            || c == 0x2028 || c == 0x2029) {
            pos = at;
            goto found_cp;
        }
        continue;
found_cp:
        if (offset != NULL)
            *offset = pos;
        return (uint32_t)c;
found:
        if (offset != NULL)
            *offset = at;
        return (uint32_t)c;
    }
    if (offset != NULL)
        *offset = len;
    return 0;
}

static bool
is_space(UChar32 c)
{
    return c == ' ' || c == 0x3000 || c == 0xa0 || c == 0x2002 || c == 0x2003
        || c == 0x2009 || c == 0x202f;
}

static bool
is_dot_variant(UChar32 c)
{
    return c == 0x30fb || c == 0x2022 || c == 0x2027 || c == 0x2219 || c == 0x22c5
        || c == 0xff65 || c == 0xff0e || c == '.' || c == 0x2e31 || c == 0x0387;
}

unsigned
text_fold(const char *s, size_t len, unsigned flags, char *out, size_t *out_len)
{
    size_t begin = 0, end = len, pos, n = 0;
    unsigned did = 0;

    if (flags & TEXT_FOLD_TRIM) {
        /* Find the first and last non-space code points. */
        pos = 0;
        while (pos < len) {
            size_t at = pos;
            UChar32 c = next_cp(s, len, &pos);

            if (!is_space(c)) {
                begin = at;
                break;
            }
            begin = pos;
        }
        end = begin;
        pos = begin;
        while (pos < len) {
            UChar32 c = next_cp(s, len, &pos);

            if (!is_space(c))
                end = pos;
        }
        if (begin != 0 || end != len)
            did |= TEXT_FOLD_TRIM;
    }
    pos = begin;
    while (pos < end) {
        size_t at = pos;
        UChar32 c = next_cp(s, end, &pos);

        if ((flags & TEXT_FOLD_NO_SPACES) && is_space(c)) {
            did |= TEXT_FOLD_NO_SPACES;
            continue;
        }
        if ((flags & TEXT_FOLD_DOTS) && is_dot_variant(c)) {
            if (c != 0xb7)
                did |= TEXT_FOLD_DOTS;
            out[n++] = (char)0xc2;
            out[n++] = (char)0xb7;
            continue;
        }
        if ((flags & TEXT_FOLD_WIDTH) && (c == 0x3000 || (c >= 0xff01 && c <= 0xff5e))) {
            c = c == 0x3000 ? ' ' : c - 0xff01 + 0x21;
            did |= TEXT_FOLD_WIDTH;
        }
        if ((flags & TEXT_FOLD_UPPER) && c >= 'a' && c <= 'z') {
            c -= 0x20;
            did |= TEXT_FOLD_UPPER;
        }
        if ((flags & TEXT_FOLD_LOWER) && c >= 'A' && c <= 'Z') {
            c += 0x20;
            did |= TEXT_FOLD_LOWER;
        }
        if (c < 0x80) {
            out[n++] = (char)c;
        } else {
            memcpy(out + n, s + at, pos - at);
            n += pos - at;
        }
    }
    out[n] = '\0';
    *out_len = n;
    return did;
}

bool
text_is_plain(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;

    while (i < len) {
        unsigned c = u[i];

        if (c >= 0x20 && c < 0x7f) {
            i++;
            continue;
        }
        /* E4-E9 lead bytes with two continuation bytes: U+4000-U+9FFF, never overlong,
         * never a surrogate; CJK Extension A's tail, hexagrams and unified ideographs. */
        if (c < 0xe4 || c > 0xe9 || len - i < 3 || (u[i + 1] & 0xc0) != 0x80
            || (u[i + 2] & 0xc0) != 0x80)
            return false;
        i += 3;
    }
    return true;
}

/* May text_fold_ascii() change byte @p c under @p flags? */
static bool
touched(unsigned char c, unsigned flags)
{
    return (c == ' ' && (flags & TEXT_FOLD_NO_SPACES))
        || (c == '.' && (flags & TEXT_FOLD_DOTS))
        || (c >= 'a' && c <= 'z' && (flags & TEXT_FOLD_UPPER))
        || (c >= 'A' && c <= 'Z' && (flags & TEXT_FOLD_LOWER));
}

unsigned
text_fold_ascii(const char *s, size_t len, unsigned flags, char *out, size_t *out_len)
{
    size_t begin = 0, end = len, n = 0;
    unsigned did = 0;

    /* In plain text the only space of is_space() is ' ', the only dot variant '.', and
     * no character is full width; bytes from 0x80 up (CJK) match no test below. */
    if (flags & TEXT_FOLD_TRIM) {
        while (begin < len && s[begin] == ' ')
            begin++;
        while (end > begin && s[end - 1] == ' ')
            end--;
        if (begin != 0 || end != len)
            did |= TEXT_FOLD_TRIM;
    }
    /* The bytes before the first one a flag may change are copied as they are. */
    {
        size_t i = begin;

        while (i < end && !touched((unsigned char)s[i], flags))
            i++;
        memcpy(out, s + begin, i - begin);
        n = i - begin;
        begin = i;
    }
    for (size_t i = begin; i < end; i++) {
        char c = s[i];

        if (c == ' ' && (flags & TEXT_FOLD_NO_SPACES)) {
            did |= TEXT_FOLD_NO_SPACES;
            continue;
        }
        if (c == '.' && (flags & TEXT_FOLD_DOTS)) {
            did |= TEXT_FOLD_DOTS;
            out[n++] = (char)0xc2;
            out[n++] = (char)0xb7;
            continue;
        }
        if (c >= 'a' && c <= 'z' && (flags & TEXT_FOLD_UPPER)) {
            c = (char)(c - 0x20);
            did |= TEXT_FOLD_UPPER;
        }
        if (c >= 'A' && c <= 'Z' && (flags & TEXT_FOLD_LOWER)) {
            c = (char)(c + 0x20);
            did |= TEXT_FOLD_LOWER;
        }
        out[n++] = c;
    }
    out[n] = '\0';
    *out_len = n;
    return did;
}
