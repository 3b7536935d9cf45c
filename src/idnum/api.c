/* The public verification calls: one number, one number into a report, a column. */
#include "core/core.h"
#include "findings.h"
#include "idnum.h"
#include "rules_table.h"

/* The result fields this version writes must fit in the caller's struct. */
static bool
result_ok(const stuinfo_idnum_result *out)
{
    return out != NULL && out->size >= sizeof(stuinfo_idnum_result);
}

stuinfo_status
stuinfo_idnum_verify(stuinfo_ctx *ctx, const char *text, size_t len,
                     stuinfo_idnum_result *out)
{
    struct idnum_env env;

    if (ctx == NULL)
        return STUINFO_ERR_INVALID_ARGUMENT;
    if (!result_ok(out) || (text == NULL && len > 0))
        return core_fail(ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_CORE_NULL_ARGUMENT, NULL,
                         NULL);
    idnum_env_fill(&env, core_now(ctx), NULL);
    env.ctx = ctx;
    if (idnum_verify(&env, text, len, out) == STUINFO_IDNUM_VALID)
        return core_ok(ctx);
    return idnum_fail_ctx(ctx, out, false);
}

stuinfo_status
stuinfo_idnum_check(stuinfo_ctx *ctx, const char *text, size_t len, const char *field,
                    stuinfo_report *report, stuinfo_idnum_result *out)
{
    struct idnum_env env;
    stuinfo_idnum_result local;

    if (ctx == NULL)
        return STUINFO_ERR_INVALID_ARGUMENT;
    if (report == NULL || (out != NULL && !result_ok(out)) || (text == NULL && len > 0))
        return core_fail(ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_CORE_NULL_ARGUMENT, NULL,
                         NULL);
    if (out == NULL)
        out = &local;
    idnum_env_init(&env, ctx);
    idnum_verify(&env, text, len, out);
    stuinfo_status st = idnum_add_findings(report, field != NULL ? field : "", out, &env, false);
    if (st != STUINFO_OK)
        return core_fail_status(ctx, st);
    if (out->reason == STUINFO_IDNUM_VALID)
        return core_ok(ctx);
    return idnum_fail_ctx(ctx, out, false);
}

stuinfo_status
stuinfo_idnum_verify_batch(stuinfo_ctx *ctx, const char *const *texts, const size_t *lens,
                           size_t count, int32_t *reasons, size_t *valid_out)
{
    struct idnum_env env;
    size_t valid = 0;

    if (ctx == NULL)
        return STUINFO_ERR_INVALID_ARGUMENT;
    if (count > 0 && (texts == NULL || lens == NULL || reasons == NULL))
        return core_fail(ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_CORE_NULL_ARGUMENT, NULL,
                         NULL);
    idnum_env_init(&env, ctx);
    for (size_t i = 0; i < count; i++) {
        int32_t r = texts[i] == NULL ? STUINFO_IDNUM_ERR_EMPTY
                                     : idnum_verify_reason(&env, texts[i], lens[i]);
        reasons[i] = r;
        valid += r == STUINFO_IDNUM_VALID;
    }
    if (valid_out != NULL)
        *valid_out = valid;
    return core_ok(ctx);
}

const char *
stuinfo_idnum_reason_rule(int32_t reason)
{
    if (reason == STUINFO_IDNUM_VALID)
        return "ok";
    if (reason < 0 || reason > STUINFO_IDNUM_ERR_PREFIX)
        return "unknown";
    return rules_id_str((rule_id)idnum_reason_rule_id(reason));
}
