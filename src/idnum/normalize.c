/*
 * The slow path: text that is not already a bare ASCII number. Folds full-width forms
 * and spaces with a built-in table (the common case, no ICU), falls back to ICU NFKC
 * for other compatibility characters (Roman numeral Ⅹ, circled or mathematical
 * digits), trims, drops a spreadsheet's leading apostrophe and recognises scientific
 * notation. Works in stack buffers only.
 */
#include <string.h>

#include "idnum.h"
#include "text/nfkc.h"
#include "text/text.h"

/* Placeholder for a character that cannot be part of a number. */
#define BAD_CHAR 0x7F

bool
idnum_plain_byte(unsigned char c)
{
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

static bool
is_space(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* Decode one code point of valid UTF-8 at s[*i]. */
static uint32_t
next_cp(const unsigned char *s, size_t *i)
{
    uint32_t c = s[*i];

    if (c < 0x80) {
        *i += 1;
        return c;
    }
    if (c < 0xE0) {
        c = ((c & 0x1F) << 6) | (s[*i + 1] & 0x3F);
        *i += 2;
    } else if (c < 0xF0) {
        c = ((c & 0x0F) << 12) | ((uint32_t)(s[*i + 1] & 0x3F) << 6) | (s[*i + 2] & 0x3F);
        *i += 3;
    } else {
        c = ((c & 0x07) << 18) | ((uint32_t)(s[*i + 1] & 0x3F) << 12)
            | ((uint32_t)(s[*i + 2] & 0x3F) << 6) | (s[*i + 3] & 0x3F);
        *i += 4;
    }
    return c;
}

/*
 * Fold valid UTF-8 into one ASCII byte per code point in out (cap bytes; longer text
 * is only counted). Returns the count. *unknown is set when a code point had no
 * built-in fold (it became BAD_CHAR).
 */
static size_t
fold(const char *in, size_t len, char *out, size_t cap, uint32_t *flags, bool *unknown)
{
    const unsigned char *s = (const unsigned char *)in;
    size_t i = 0, n = 0;

    while (i < len) {
        uint32_t c = next_cp(s, &i);
        char a;

        if (c < 0x80) {
            a = (char)c;
        } else if (c >= 0xFF01 && c <= 0xFF5E) {        /* full-width ASCII */
            a = (char)(c - 0xFEE0);
            *flags |= STUINFO_IDNUM_FLAG_FULLWIDTH;
        } else if (c == 0x3000 || c == 0xA0 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F
                   || c == 0x205F) {                     /* ideographic and other spaces */
            a = ' ';
        } else {
            a = BAD_CHAR;
            *unknown = true;
        }
        if (n < cap)
            out[n] = a;
        n++;
    }
    return n;
}

/* [+-]?digits([.,]digits)?[eE][+-]?digits: what a spreadsheet shows for a long number. */
static bool
is_scientific(const char *s, size_t n)
{
    size_t i = 0, d = 0;

    if (i < n && (s[i] == '+' || s[i] == '-'))
        i++;
    for (d = i; i < n && s[i] >= '0' && s[i] <= '9'; i++)
        ;
    if (i == d)
        return false;
    if (i < n && (s[i] == '.' || s[i] == ',')) {
        for (d = ++i; i < n && s[i] >= '0' && s[i] <= '9'; i++)
            ;
        if (i == d)
            return false;
    }
    if (i >= n || (s[i] != 'e' && s[i] != 'E'))
        return false;
    i++;
    if (i < n && (s[i] == '+' || s[i] == '-'))
        i++;
    for (d = i; i < n && s[i] >= '0' && s[i] <= '9'; i++)
        ;
    return i > d && i == n;
}

int32_t
idnum_normalize(const struct idnum_env *env, const char *text, size_t len, char *buf,
                size_t *n_out, uint32_t *flags)
{
    char folded[2 * IDNUM_MAX_INPUT];
    size_t n, start = 0;
    bool unknown = false;

    *n_out = 0;
    buf[0] = '\0';
    if (len > IDNUM_MAX_INPUT)
        return STUINFO_IDNUM_ERR_TOO_LONG;
    if (text_utf8_check(text, len, NULL) != TEXT_OK)
        return STUINFO_IDNUM_ERR_ENCODING;
    n = fold(text, len, folded, sizeof(folded), flags, &unknown);
    if (unknown && env != NULL && env->ts != NULL) {
        /* Some character has no built-in fold: let NFKC try (Ⅹ -> X, ① -> 1 ...). */
        char nf[4 * IDNUM_MAX_INPUT];
        size_t nf_len = 0;
        if (text_nfkc_small(env->ts, text, len, nf, sizeof(nf), &nf_len) == TEXT_OK) {
            bool still_unknown = false;
            uint32_t f2 = 0;
            n = fold(nf, nf_len, folded, sizeof(folded), &f2, &still_unknown);
            if (!still_unknown)
                *flags |= STUINFO_IDNUM_FLAG_FULLWIDTH;
        }
    }
    if (n > sizeof(folded))
        return STUINFO_IDNUM_ERR_TOO_LONG;

    size_t total = n;
    while (n > 0 && is_space((unsigned char)folded[n - 1]))
        n--;
    while (start < n && is_space((unsigned char)folded[start]))
        start++;
    if (start > 0 || n < total)
        *flags |= STUINFO_IDNUM_FLAG_TRIMMED;
    if (start < n && folded[start] == '\'') {
        /* Excel's "store as text" marker, pasted along with the cell. */
        start++;
        *flags |= STUINFO_IDNUM_FLAG_APOSTROPHE;
    }
    n -= start;
    if (n == 0)
        return STUINFO_IDNUM_ERR_EMPTY;
    if (is_scientific(folded + start, n))
        return STUINFO_IDNUM_ERR_SCIENTIFIC;
    *n_out = n;
    if (n > IDNUM_MAX_CHARS)
        n = IDNUM_MAX_CHARS;
    memcpy(buf, folded + start, n);
    buf[n] = '\0';
    return STUINFO_IDNUM_VALID;
}
