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

/* Placeholder for a character that cannot be part of a number. */
#define BAD_CHAR 0x7F

static bool
is_space(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/*
 * Decode one code point at s[*i] (strict UTF-8: no overlong forms, surrogates, values
 * above U+10FFFF or truncated sequences; no NUL). Returns -1 on any of those.
 */
static int32_t
next_cp(const unsigned char *s, size_t len, size_t *i)
{
    uint32_t c = s[*i];
    unsigned char lo = 0x80, hi = 0xBF;
    size_t more;

    if (c < 0x80) {
        *i += 1;
        return c == 0 ? -1 : (int32_t)c;
    }
    if (c >= 0xC2 && c <= 0xDF) {
        more = 1;
        c &= 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        more = 2;
        lo = c == 0xE0 ? 0xA0 : 0x80;
        hi = c == 0xED ? 0x9F : 0xBF;
        c &= 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        more = 3;
        lo = c == 0xF0 ? 0x90 : 0x80;
        hi = c == 0xF4 ? 0x8F : 0xBF;
        c &= 0x07;
    } else {
        return -1;
    }
    if (len - *i <= more || s[*i + 1] < lo || s[*i + 1] > hi)
        return -1;
    for (size_t k = 1; k <= more; k++) {
        if ((s[*i + k] & 0xC0) != 0x80)
            return -1;
        c = (c << 6) | (s[*i + k] & 0x3F);
    }
    *i += more + 1;
    return (int32_t)c;
}

/* Where fold() writes: leading white space is dropped as it comes, the rest stored
 * (up to cap) and counted; `end` is the count up to the last character that is no space. */
struct fold_out {
    char *out;
    size_t cap;
    size_t n;
    size_t end;
    bool leading;               /* leading white space was dropped */
};

/*
 * Fold UTF-8 into one ASCII byte per code point. Returns false for text that is not
 * strict UTF-8 or holds a NUL. *unknown is set when a code point had no built-in fold
 * (it became BAD_CHAR).
 */
static bool
fold(const char *in, size_t len, struct fold_out *o, uint32_t *flags, bool *unknown)
{
    const unsigned char *s = (const unsigned char *)in;
    /* Locals, not o->...: stores through the char buffer could alias them. */
    char *out = o->out;
    size_t i = 0, n = o->n, end = o->end, cap = o->cap;
    bool leading = o->leading;

    while (i < len) {
        int32_t c;
        char a;

        if (s[i] < 0x80 && s[i] != 0) {
            a = (char)s[i++];
        } else {
            c = next_cp(s, len, &i);
            if (c < 0)
                return false;
            if (c >= 0xFF01 && c <= 0xFF5E) {           /* full-width ASCII */
                a = (char)(c - 0xFEE0);
                *flags |= STUINFO_IDNUM_FLAG_FULLWIDTH;
            } else if (c == 0x3000 || c == 0xA0 || (c >= 0x2000 && c <= 0x200A)
                       || c == 0x202F || c == 0x205F) { /* ideographic and other spaces */
                a = ' ';
            } else {
                a = BAD_CHAR;
                *unknown = true;
            }
        }
        bool space = is_space((unsigned char)a);
        if (space && n == 0) {
            leading = true;
            continue;
        }
        if (n < cap)
            out[n] = a;
        n++;
        if (!space)
            end = n;
    }
    o->n = n;
    o->end = end;
    o->leading = leading;
    return true;
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
    char tmp[64];
    struct fold_out o = {tmp, sizeof(tmp), 0, 0, false};
    bool unknown = false;
    size_t start = 0, n;

    *n_out = 0;
    buf[0] = '\0';
    if (len > IDNUM_MAX_INPUT)
        return STUINFO_IDNUM_ERR_TOO_LONG;
    if (!fold(text, len, &o, flags, &unknown))
        return STUINFO_IDNUM_ERR_ENCODING;
    struct text_services *ts = unknown ? idnum_env_text(env) : NULL;
    if (ts != NULL) {
        /* Some character has no built-in fold: let NFKC try (Ⅹ -> X, ① -> 1 ...). */
        char nf[4 * IDNUM_MAX_INPUT];
        size_t nf_len = 0;
        if (text_nfkc_small(ts, text, len, nf, sizeof(nf), &nf_len) == TEXT_OK) {
            struct fold_out o2 = {tmp, sizeof(tmp), 0, 0, false};
            bool still_unknown = false;
            uint32_t f2 = 0;
            if (fold(nf, nf_len, &o2, &f2, &still_unknown)) {
                o = o2;
                if (!still_unknown)
                    *flags |= STUINFO_IDNUM_FLAG_FULLWIDTH;
            }
        }
    }
    if (o.leading || o.end < o.n)
        *flags |= STUINFO_IDNUM_FLAG_TRIMMED;
    n = o.end;
    if (n > 0 && tmp[0] == '\'') {
        /* Excel's "store as text" marker, pasted along with the cell. */
        start = 1;
        *flags |= STUINFO_IDNUM_FLAG_APOSTROPHE;
    }
    n -= start;
    if (n == 0)
        return STUINFO_IDNUM_ERR_EMPTY;
    if (start + n <= sizeof(tmp) && is_scientific(tmp + start, n))
        return STUINFO_IDNUM_ERR_SCIENTIFIC;
    *n_out = n;
    if (n > IDNUM_MAX_CHARS)
        n = IDNUM_MAX_CHARS;
    memcpy(buf, tmp + start, n);
    buf[n] = '\0';
    return STUINFO_IDNUM_VALID;
}
