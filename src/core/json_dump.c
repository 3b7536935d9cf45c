/* Dumping jansson values into ctx memory with sticky failures (see json_dump.h). */
#include <string.h>

#include "json_dump.h"

struct sink {
    stuinfo_ctx *ctx;
    char *buf;
    size_t len;
    size_t cap;
    bool nomem;                 /* sticky: jansson may carry on after we refused */
};

/* Grow to hold @p need bytes: allocate, copy, wipe and free the old block. */
static bool
sink_reserve(struct sink *s, size_t need)
{
    size_t cap = s->cap == 0 ? 256 : s->cap;
    char *grown;

    if (need <= s->cap)
        return true;
    while (cap < need) {
        if (cap > SIZE_MAX / 2)
            return false;
        cap *= 2;
    }
    grown = core_alloc(s->ctx, cap);
    if (grown == NULL)
        return false;
    if (s->len > 0)
        memcpy(grown, s->buf, s->len);
    core_free_wipe(s->ctx, s->buf, s->cap);
    s->buf = grown;
    s->cap = cap;
    return true;
}

static int
sink_write(const char *bytes, size_t n, void *data)
{
    struct sink *s = data;

    if (s->nomem)
        return -1;
    if (n > SIZE_MAX - 1 - s->len || !sink_reserve(s, s->len + n + 1)) {
        s->nomem = true;
        return -1;
    }
    memcpy(s->buf + s->len, bytes, n);
    s->len += n;
    return 0;
}

stuinfo_status
core_json_dump(stuinfo_ctx *ctx, const json_t *value, size_t flags, char **out,
               size_t *len)
{
    struct sink s = {ctx, NULL, 0, 0, false};
    int rc;

    *out = NULL;
    *len = 0;
    rc = json_dump_callback(value, sink_write, &s, flags);
    if (rc == 0 && !s.nomem && sink_reserve(&s, s.len + 1)) {
        s.buf[s.len] = '\0';
        *out = s.buf;
        *len = s.len;
        return STUINFO_OK;
    }
    core_free_wipe(ctx, s.buf, s.cap);
    /* jansson fails for its own allocations (hashtable of parents) or a bad value;
     * with a valid value built by us, only memory can be the cause. */
    return (s.nomem || rc != 0) && value != NULL ? STUINFO_ERR_NOMEM : STUINFO_ERR_INTERNAL;
}
