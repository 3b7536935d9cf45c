/* Allocation through the ctx hooks, and wiping of personal data before release. */
#include <stdlib.h>
#include <string.h>

#include "ctx_impl.h"

bool
core_mul_size(size_t count, size_t n, size_t *out)
{
    if (n != 0 && count > SIZE_MAX / n)
        return false;
    *out = count * n;
    return true;
}

void *
core_alloc(stuinfo_ctx *ctx, size_t n)
{
    if (n == 0)
        return NULL;
    return ctx->opts.malloc_fn(n, ctx->opts.alloc_user);
}

void *
core_calloc(stuinfo_ctx *ctx, size_t count, size_t n)
{
    size_t total;
    void *p;

    if (!core_mul_size(count, n, &total))
        return NULL;
    p = core_alloc(ctx, total);
    if (p != NULL)
        memset(p, 0, total);
    return p;
}

void *
core_realloc(stuinfo_ctx *ctx, void *p, size_t old_n, size_t new_n)
{
    void *q;

    if (p == NULL)
        return core_alloc(ctx, new_n);
    if (new_n == 0)
        return NULL;
    if (ctx->opts.realloc_fn != NULL)
        return ctx->opts.realloc_fn(p, new_n, ctx->opts.alloc_user);
    q = core_alloc(ctx, new_n);
    if (q == NULL)
        return NULL;
    memcpy(q, p, old_n < new_n ? old_n : new_n);
    core_free(ctx, p);
    return q;
}

void
core_free(stuinfo_ctx *ctx, void *p)
{
    if (p != NULL)
        ctx->opts.free_fn(p, ctx->opts.alloc_user);
}

void
core_free_wipe(stuinfo_ctx *ctx, void *p, size_t n)
{
    if (p == NULL)
        return;
    explicit_bzero(p, n);
    ctx->opts.free_fn(p, ctx->opts.alloc_user);
}

char *
core_strndup(stuinfo_ctx *ctx, const char *text, size_t len)
{
    char *s;

    if (len == SIZE_MAX)
        return NULL;
    s = core_alloc(ctx, len + 1);
    if (s == NULL)
        return NULL;
    if (len > 0)
        memcpy(s, text, len);
    s[len] = '\0';
    return s;
}

void
core_free_str(stuinfo_ctx *ctx, char *s)
{
    if (s != NULL)
        core_free_wipe(ctx, s, strlen(s) + 1);
}
