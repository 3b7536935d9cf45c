/* Small helpers of the stuinfo command: progress bar, JSON strings, line reading. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

void
cli_progress_start(struct cli_progress *p, long long total)
{
    memset(p, 0, sizeof(*p));
    p->total = total;
    p->last_permille = -1;
    p->active = total > 0 && isatty(STDERR_FILENO);
}

void
cli_progress_update(struct cli_progress *p, long long done)
{
    enum { WIDTH = 40 };
    char bar[WIDTH + 1];

    if (!p->active)
        return;
    p->done = done;
    long long permille = done >= p->total ? 1000 : done * 1000 / p->total;
    if (permille == p->last_permille)
        return;
    p->last_permille = (int)permille;
    int filled = (int)(permille * WIDTH / 1000);
    memset(bar, '#', (size_t)filled);
    memset(bar + filled, '-', (size_t)(WIDTH - filled));
    bar[WIDTH] = '\0';
    fprintf(stderr, "\r[%s] %3d%%", bar, (int)(permille / 10));
    fflush(stderr);
}

void
cli_progress_end(struct cli_progress *p)
{
    if (!p->active)
        return;
    /* Erase the bar so that what follows starts on a clean line. */
    fprintf(stderr, "\r%*s\r", 48, "");
    fflush(stderr);
    p->active = false;
}

void
cli_progress_clear(struct cli_progress *p)
{
    if (!p || !p->active || p->last_permille < 0)
        return;
    fprintf(stderr, "\r%*s\r", 48, "");
    fflush(stderr);
    p->last_permille = -1;
}

/* Length of the well-formed UTF-8 sequence at @p s (1..4), or 0 if it is not one. */
static size_t
utf8_sequence(const unsigned char *s)
{
    unsigned char c = s[0];
    size_t n;
    uint32_t cp;

    if (c < 0x80)
        return 1;
    if (c >= 0xc2 && c <= 0xdf) {
        n = 2;
        cp = c & 0x1f;
    } else if (c >= 0xe0 && c <= 0xef) {
        n = 3;
        cp = c & 0x0f;
    } else if (c >= 0xf0 && c <= 0xf4) {
        n = 4;
        cp = c & 0x07;
    } else {
        return 0;
    }
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return 0;           /* also stops at the NUL */
        cp = cp << 6 | (s[i] & 0x3f);
    }
    if ((n == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
        (n == 4 && (cp < 0x10000 || cp > 0x10ffff)))
        return 0;               /* overlong, a surrogate, or past U+10FFFF */
    return n;
}

void
cli_json_string(FILE *f, const char *s)
{
    if (!s) {
        fputs("null", f);
        return;
    }
    fputc('"', f);
    for (const unsigned char *c = (const unsigned char *)s; *c;) {
        size_t n = utf8_sequence(c);
        if (n == 0) {
            fputs("\\ufffd", f);  /* JSON is UTF-8: a stray byte becomes U+FFFD */
            c++;
            continue;
        }
        if (n > 1) {
            fwrite(c, 1, n, f);
            c += n;
            continue;
        }
        switch (*c) {
        case '"': fputs("\\\"", f); break;
        case '\\': fputs("\\\\", f); break;
        case '\n': fputs("\\n", f); break;
        case '\r': fputs("\\r", f); break;
        case '\t': fputs("\\t", f); break;
        default:
            if (*c < 0x20 || *c == 0x7f)
                fprintf(f, "\\u%04x", *c);
            else
                fputc(*c, f);
        }
        c++;
    }
    fputc('"', f);
}

long
cli_read_line(FILE *f, char **buf, size_t *cap)
{
    size_t len = 0;
    int c;

    while ((c = getc(f)) != EOF) {
        if (len + 2 > *cap) {
            size_t ncap = *cap ? *cap * 2 : 128;
            char *nbuf = realloc(*buf, ncap);
            if (!nbuf)
                return -1;
            *buf = nbuf;
            *cap = ncap;
        }
        if (c == '\n')
            break;
        (*buf)[len++] = (char)c;
    }
    if (c == EOF && len == 0)
        return -1;
    if (len > 0 && (*buf)[len - 1] == '\r')
        len--;
    (*buf)[len] = '\0';
    return (long)len;
}

void
cli_free_wiped(char *p, size_t len)
{
    if (!p)
        return;
    /* Through a volatile pointer, so that the compiler keeps the stores before free(). */
    for (volatile char *v = p; len > 0; len--)
        *v++ = 0;
    free(p);
}

bool
cli_parse_u64(const char *s, uint64_t *out)
{
    char *end;

    if (!s || *s < '0' || *s > '9')
        return false;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno != 0 || *end != '\0')
        return false;
    *out = (uint64_t)v;
    return true;
}
