/* The context: options, language, clock, children, and its Unicode services. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ctx_impl.h"
#include "text/text.h"

static void *
libc_malloc(size_t size, void *user)
{
    (void)user;
    return malloc(size);
}

static void *
libc_realloc(void *ptr, size_t size, void *user)
{
    (void)user;
    return realloc(ptr, size);
}

static void
libc_free(void *ptr, void *user)
{
    (void)user;
    free(ptr);
}

stuinfo_status
stuinfo_ctx_options_init(stuinfo_ctx_options *opts)
{
    if (opts == NULL)
        return STUINFO_ERR_INVALID_ARGUMENT;
    memset(opts, 0, sizeof(*opts));
    opts->size = (uint32_t)sizeof(*opts);
    opts->lang = STUINFO_LANG_ZH_CN;
    return STUINFO_OK;
}

static bool
lang_valid(int32_t lang)
{
    return lang == STUINFO_LANG_ZH_CN || lang == STUINFO_LANG_EN;
}

/* Copy what the caller's (possibly older, smaller) options struct holds. */
static stuinfo_status
options_copy(stuinfo_ctx_options *dst, const stuinfo_ctx_options *src)
{
    stuinfo_ctx_options_init(dst);
    if (src == NULL)
        return STUINFO_OK;
    if (src->size < offsetof(stuinfo_ctx_options, clock_user) + sizeof(void *)
        || src->size > sizeof(*dst))
        return STUINFO_ERR_INVALID_ARGUMENT;
    memcpy(dst, src, src->size);
    dst->size = (uint32_t)sizeof(*dst);
    if (!lang_valid(dst->lang))
        return STUINFO_ERR_INVALID_ARGUMENT;
    /* malloc and free come together; realloc is optional (emulated by copying). */
    if ((dst->malloc_fn == NULL) != (dst->free_fn == NULL))
        return STUINFO_ERR_INVALID_ARGUMENT;
    if (dst->realloc_fn != NULL && dst->malloc_fn == NULL)
        return STUINFO_ERR_INVALID_ARGUMENT;
    return STUINFO_OK;
}

static void
ctx_destroy(stuinfo_ctx *ctx)
{
    void (*free_fn)(void *, void *) = ctx->opts.free_fn;
    void *user = ctx->opts.alloc_user;

    if (ctx->text != NULL) {
        text_services_close(ctx->text);
        free_fn(ctx->text, user);
    }
    explicit_bzero(ctx, sizeof(*ctx));
    free_fn(ctx, user);
}

stuinfo_status
stuinfo_ctx_new(const stuinfo_ctx_options *opts, stuinfo_ctx **out)
{
    stuinfo_ctx_options o;
    stuinfo_ctx *ctx;
    stuinfo_status st;
    text_status ts;

    if (out == NULL)
        return STUINFO_ERR_INVALID_ARGUMENT;
    *out = NULL;
    st = options_copy(&o, opts);
    if (st != STUINFO_OK)
        return st;
    if (o.malloc_fn == NULL) {
        o.malloc_fn = libc_malloc;
        o.realloc_fn = libc_realloc;
        o.free_fn = libc_free;
        o.alloc_user = NULL;
    }
    ctx = o.malloc_fn(sizeof(*ctx), o.alloc_user);
    if (ctx == NULL)
        return STUINFO_ERR_NOMEM;
    memset(ctx, 0, sizeof(*ctx));
    ctx->opts = o;
    ctx->lang = (stuinfo_lang)o.lang;
    ctx->text = core_calloc(ctx, 1, text_services_size());
    if (ctx->text == NULL) {
        ctx_destroy(ctx);
        return STUINFO_ERR_NOMEM;
    }
    ts = text_services_open(ctx->text);
    if (ts != TEXT_OK) {
        ctx_destroy(ctx);
        return ts == TEXT_NOMEM ? STUINFO_ERR_NOMEM : STUINFO_ERR_ICU;
    }
    core_ok(ctx);
    *out = ctx;
    return STUINFO_OK;
}

void
stuinfo_ctx_free(stuinfo_ctx *ctx)
{
    if (ctx == NULL)
        return;
    if (ctx->children > 0) {
        ctx->closing = true;
        return;
    }
    ctx_destroy(ctx);
}

void
core_ctx_attach(stuinfo_ctx *ctx)
{
    ctx->children++;
}

void
core_ctx_detach(stuinfo_ctx *ctx)
{
    ctx->children--;
    if (ctx->children == 0 && ctx->closing)
        ctx_destroy(ctx);
}

stuinfo_status
stuinfo_ctx_last_status(const stuinfo_ctx *ctx)
{
    if (ctx == NULL)
        return STUINFO_ERR_INVALID_ARGUMENT;
    return ctx->last_status;
}

const char *
stuinfo_ctx_last_message(const stuinfo_ctx *ctx)
{
    if (ctx == NULL)
        return "no context";
    /* Expanding a pending message changes no state a caller can see but this text;
     * the ctx is never a const object (it is always made by stuinfo_ctx_new). */
    return core_message_expand((stuinfo_ctx *)ctx);
}

stuinfo_status
stuinfo_ctx_set_lang(stuinfo_ctx *ctx, int32_t lang)
{
    if (ctx == NULL)
        return STUINFO_ERR_INVALID_ARGUMENT;
    if (!lang_valid(lang))
        return core_fail(ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_CORE_BAD_LANG, NULL, NULL);
    ctx->lang = (stuinfo_lang)lang;
    return core_ok(ctx);
}

int32_t
stuinfo_ctx_lang(const stuinfo_ctx *ctx)
{
    return ctx == NULL ? STUINFO_LANG_ZH_CN : (int32_t)ctx->lang;
}

stuinfo_status
stuinfo_ctx_set_fixed_time(stuinfo_ctx *ctx, int64_t epoch_seconds)
{
    if (ctx == NULL)
        return STUINFO_ERR_INVALID_ARGUMENT;
    ctx->fixed_time_set = true;
    ctx->fixed_time = epoch_seconds;
    return core_ok(ctx);
}

stuinfo_status
stuinfo_ctx_clear_fixed_time(stuinfo_ctx *ctx)
{
    if (ctx == NULL)
        return STUINFO_ERR_INVALID_ARGUMENT;
    ctx->fixed_time_set = false;
    return core_ok(ctx);
}

int64_t
stuinfo_ctx_now(stuinfo_ctx *ctx)
{
    return ctx == NULL ? 0 : core_now(ctx);
}

int64_t
core_now(stuinfo_ctx *ctx)
{
    if (ctx->fixed_time_set)
        return ctx->fixed_time;
    if (ctx->opts.clock_fn != NULL)
        return ctx->opts.clock_fn(ctx->opts.clock_user);
    return (int64_t)time(NULL);
}

stuinfo_lang
core_lang(const stuinfo_ctx *ctx)
{
    return ctx->lang;
}

struct text_services *
core_text(stuinfo_ctx *ctx)
{
    return ctx->text;
}
