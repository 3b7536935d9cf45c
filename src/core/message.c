/* Message templates from the rules registry, expanded without allocating. */
#include <stdbool.h>
#include <string.h>

#include "core.h"

/*
 * Append src to buf[*pos..cap-1), stopping before a UTF-8 sequence that does not fit.
 * Returns false when the text was cut, so the caller stops there.
 */
static bool
append(char *buf, size_t cap, size_t *pos, const char *src, size_t n)
{
    size_t room = cap - 1 - *pos;
    bool whole = n <= room;

    if (!whole) {
        n = room;
        /* Back up to the start of a code point so the result stays valid UTF-8. */
        while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80)
            n--;
    }
    memcpy(buf + *pos, src, n);
    *pos += n;
    return whole;
}

size_t
core_message_format(char *buf, size_t cap, rule_id rule, stuinfo_lang lang,
                    const char *arg1, const char *arg2)
{
    const char *t = rules_template(rule, lang);
    size_t pos = 0;

    if (cap == 0)
        return 0;
    while (*t != '\0' && pos < cap - 1) {
        if (t[0] == '{' && (t[1] == '1' || t[1] == '2') && t[2] == '}') {
            const char *arg = t[1] == '1' ? arg1 : arg2;
            if (arg == NULL)
                arg = "";
            if (!append(buf, cap, &pos, arg, strlen(arg)))
                break;
            t += 3;
            continue;
        }
        const char *next = strchr(t + 1, '{');
        size_t n = next != NULL ? (size_t)(next - t) : strlen(t);
        if (!append(buf, cap, &pos, t, n))
            break;
        t += n;
    }
    buf[pos] = '\0';
    return pos;
}

char *
core_fmt_int(char *buf, int64_t v)
{
    char tmp[24];
    size_t n = 0, i = 0;
    /* Work in unsigned so that INT64_MIN does not overflow on negation. */
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;

    do {
        tmp[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u != 0);
    if (v < 0)
        buf[i++] = '-';
    while (n > 0)
        buf[i++] = tmp[--n];
    buf[i] = '\0';
    return buf;
}
