/*
 * Masking for display and logs. A pattern "<head><mask char><tail>" keeps the first
 * head and last tail characters. Head is capped at 6 and tail at 4 (3 for 15
 * characters), so digits 7-14 (the birth date) never show; a student number's letter
 * is kept on top. Text that is not a plain number is masked whole. Masking is
 * idempotent: a masked text masks to itself under the same pattern.
 */
#include <string.h>

#include "core/core.h"
#include "idnum.h"
#include "text/text.h"

/* Most mask characters written for text that is no number. */
#define MASK_WHOLE_MAX 32

static bool
parse_pattern(const char *p, int *head, char *mask, int *tail)
{
    int h = 0, t = 0, i = 0;

    if (p == NULL)
        p = "6*4";
    for (; p[i] >= '0' && p[i] <= '9' && i < 2; i++)
        h = h * 10 + (p[i] - '0');
    if (i == 0 || p[i] < 0x21 || p[i] > 0x7E || (p[i] >= '0' && p[i] <= '9'))
        return false;
    *mask = p[i++];
    int start = i;
    for (; p[i] >= '0' && p[i] <= '9' && i - start < 2; i++)
        t = t * 10 + (p[i] - '0');
    if (i == start || p[i] != '\0')
        return false;
    *head = h;
    *tail = t;
    return true;
}

static int
min_int(int a, int b)
{
    return a < b ? a : b;
}

stuinfo_status
stuinfo_idnum_mask(stuinfo_ctx *ctx, const char *text, size_t len, const char *pattern,
                   char *buf, size_t cap, size_t *len_out)
{
    struct idnum_env env;
    char s[IDNUM_MAX_CHARS + 1];
    size_t n = 0, out_n = 0;
    uint32_t flags = 0;
    int head, tail;
    char mask;

    if (ctx == NULL)
        return STUINFO_ERR_INVALID_ARGUMENT;
    if (buf == NULL || (text == NULL && len > 0))
        return core_fail(ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_CORE_NULL_ARGUMENT, NULL,
                         NULL);
    if (!parse_pattern(pattern, &head, &mask, &tail))
        return core_fail(ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_IDNUM_BAD_PATTERN, NULL, NULL);
    idnum_env_init(&env, ctx);

    int32_t r = text == NULL ? STUINFO_IDNUM_ERR_EMPTY
                             : idnum_normalize(&env, text, len, s, &n, &flags);
    bool positional = r == STUINFO_IDNUM_VALID && n <= IDNUM_MAX_CHARS;
    for (size_t i = 0; positional && i < n; i++)
        positional = idnum_plain_byte((unsigned char)s[i]) || s[i] == mask;

    if (r == STUINFO_IDNUM_ERR_EMPTY) {
        out_n = 0;
    } else if (positional) {
        size_t off = n == 19 && ((unsigned char)s[0] | 0x20) >= 'a'
                             && ((unsigned char)s[0] | 0x20) <= 'z' ? 1 : 0;
        int body = (int)(n - off);
        int h = min_int(min_int(head, 6), body * 2 / 5);
        /* Never positions 7-14 of 16- or 17-character text either (a number missing
         * its last characters); 7-12 of a 15-digit one. */
        int t_max = body == 15 ? 3 : body >= 16 && body < 18 ? body - 14 : 4;
        int t = min_int(min_int(tail, t_max), body / 4);
        out_n = n;
        if (cap < out_n + 1) {
            explicit_bzero(s, sizeof(s));
            return core_fail(ctx, STUINFO_ERR_TOO_LONG, RULE_IDNUM_BUFFER_SMALL, NULL, NULL);
        }
        for (size_t i = 0; i < n; i++) {
            int k = (int)i - (int)off;
            char c = s[i];
            if (c >= 'a' && c <= 'z')
                c = (char)(c - 'a' + 'A');
            buf[i] = mask;
            if (k < h || k >= body - t)
                buf[i] = c;
        }
    } else {
        /* Not a number: one mask character per character, at most MASK_WHOLE_MAX. */
        size_t cps = r == STUINFO_IDNUM_VALID ? n
                     : text_utf8_check(text, len, NULL) == TEXT_OK ? text_utf8_count(text, len)
                                                                   : len;
        out_n = cps < MASK_WHOLE_MAX ? cps : MASK_WHOLE_MAX;
        if (cap < out_n + 1) {
            explicit_bzero(s, sizeof(s));
            return core_fail(ctx, STUINFO_ERR_TOO_LONG, RULE_IDNUM_BUFFER_SMALL, NULL, NULL);
        }
        memset(buf, mask, out_n);
    }
    if (cap < out_n + 1)
        return core_fail(ctx, STUINFO_ERR_TOO_LONG, RULE_IDNUM_BUFFER_SMALL, NULL, NULL);
    buf[out_n] = '\0';
    if (len_out != NULL)
        *len_out = out_n;
    explicit_bzero(s, sizeof(s));
    return core_ok(ctx);
}
