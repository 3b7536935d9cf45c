/* Recording the status of the last call on a ctx, with its message. */
#include <string.h>

#include "ctx_impl.h"

stuinfo_status
core_ok(stuinfo_ctx *ctx)
{
    if (ctx != NULL) {
        ctx->last_status = STUINFO_OK;
        ctx->message_pending = false;
        ctx->message[0] = '\0';
    }
    return STUINFO_OK;
}

/*
 * Keep an argument for a message expanded later. The message holds at most
 * CORE_MESSAGE_CAP - 1 bytes and looks one byte past what fits (to cut on a UTF-8
 * boundary), so the first CORE_MESSAGE_CAP bytes give the same message as the whole.
 * NULL and "" expand alike.
 */
static void
keep_arg(char dst[CORE_MESSAGE_CAP + 1], const char *arg)
{
    size_t n = arg != NULL ? strnlen(arg, CORE_MESSAGE_CAP) : 0;

    if (n > 0)
        memcpy(dst, arg, n);
    dst[n] = '\0';
}

stuinfo_status
core_fail(stuinfo_ctx *ctx, stuinfo_status status, rule_id rule, const char *arg1,
          const char *arg2)
{
    if (ctx != NULL) {
        ctx->last_status = status;
        ctx->pending_rule = rule;
        ctx->pending_lang = ctx->lang;
        keep_arg(ctx->pending_arg1, arg1);
        keep_arg(ctx->pending_arg2, arg2);
        ctx->message_pending = true;
    }
    return status;
}

const char *
core_message_expand(stuinfo_ctx *ctx)
{
    if (ctx->message_pending) {
        core_message_format(ctx->message, sizeof(ctx->message), ctx->pending_rule,
                            ctx->pending_lang, ctx->pending_arg1, ctx->pending_arg2);
        ctx->message_pending = false;
    }
    return ctx->message;
}

/* Each status has a generic message in the rules registry, under "status.<name>". */
static const rule_id status_rules[] = {
    [STUINFO_OK] = RULE_STATUS_OK,
    [STUINFO_ERR_INVALID_ARGUMENT] = RULE_STATUS_INVALID_ARGUMENT,
    [STUINFO_ERR_NOMEM] = RULE_STATUS_NOMEM,
    [STUINFO_ERR_ENCODING] = RULE_STATUS_ENCODING,
    [STUINFO_ERR_TOO_LONG] = RULE_STATUS_TOO_LONG,
    [STUINFO_ERR_NOT_FOUND] = RULE_STATUS_NOT_FOUND,
    [STUINFO_ERR_AMBIGUOUS] = RULE_STATUS_AMBIGUOUS,
    [STUINFO_ERR_INVALID] = RULE_STATUS_INVALID,
    [STUINFO_ERR_PARSE] = RULE_STATUS_PARSE,
    [STUINFO_ERR_IO] = RULE_STATUS_IO,
    [STUINFO_ERR_ICU] = RULE_STATUS_ICU,
    [STUINFO_ERR_STATE] = RULE_STATUS_STATE,
    [STUINFO_ERR_PERMISSION] = RULE_STATUS_PERMISSION,
    [STUINFO_ERR_SEPARATION_OF_DUTIES] = RULE_STATUS_SEPARATION_OF_DUTIES,
    [STUINFO_ERR_WINDOW_CLOSED] = RULE_STATUS_WINDOW_CLOSED,
    [STUINFO_ERR_EVIDENCE_REQUIRED] = RULE_STATUS_EVIDENCE_REQUIRED,
    [STUINFO_ERR_LOCKED_GRADUATED] = RULE_STATUS_LOCKED_GRADUATED,
    [STUINFO_ERR_LOCKED_REPORTED] = RULE_STATUS_LOCKED_REPORTED,
    [STUINFO_ERR_STALE_VERSION] = RULE_STATUS_STALE_VERSION,
    [STUINFO_ERR_TAMPERED] = RULE_STATUS_TAMPERED,
    [STUINFO_ERR_VALIDATION_FAILED] = RULE_STATUS_VALIDATION_FAILED,
    [STUINFO_ERR_UNSUPPORTED] = RULE_STATUS_UNSUPPORTED,
    [STUINFO_ERR_INTERNAL] = RULE_STATUS_INTERNAL,
};

stuinfo_status
core_fail_status(stuinfo_ctx *ctx, stuinfo_status status)
{
    rule_id rule = RULE_STATUS_INTERNAL;

    if ((size_t)status < sizeof(status_rules) / sizeof(status_rules[0]))
        rule = status_rules[status];
    return core_fail(ctx, status, rule, NULL, NULL);
}
