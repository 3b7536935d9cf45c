/* Shared helpers of the roster tests: an in-memory source (in small steps, so records
 * cross chunk boundaries) and an in-memory sink. */
#ifndef TESTS_ROSTER_UTIL_H
#define TESTS_ROSTER_UTIL_H

#include <stdlib.h>
#include <string.h>

#include "stuinfo.h"

struct memsrc {
    const char *data;
    size_t len, pos, step;
    int fail_at;                /* fail on this call (1-based); 0 never */
    int calls;
};

static inline int64_t
memsrc_read(void *user, char *buf, size_t cap)
{
    struct memsrc *m = user;
    size_t n = m->len - m->pos;

    if (m->fail_at != 0 && ++m->calls >= m->fail_at)
        return -1;
    if (m->step != 0 && n > m->step)
        n = m->step;
    if (n > cap)
        n = cap;
    memcpy(buf, m->data + m->pos, n);
    m->pos += n;
    return (int64_t)n;
}

struct memsink {
    char *data;
    size_t len, cap;
};

static inline int32_t
memsink_write(void *user, const char *data, size_t len)
{
    struct memsink *m = user;

    if (m->len + len + 1 > m->cap) {
        size_t cap = (m->len + len + 1) * 2;
        char *d = realloc(m->data, cap);
        if (d == NULL)
            return -1;
        m->data = d;
        m->cap = cap;
    }
    memcpy(m->data + m->len, data, len);
    m->len += len;
    m->data[m->len] = '\0';
    return 0;
}

#endif
