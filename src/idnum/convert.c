/* Between number forms: 15 -> 18 digits, 18 -> 15, resident ID -> student number. */
#include <string.h>

#include "core/core.h"
#include "findings.h"
#include "idnum.h"

/* Verify @p text into @p r; on failure record why on the ctx and return the status. */
static stuinfo_status
verify_resident(stuinfo_ctx *ctx, const char *text, size_t len, stuinfo_idnum_result *r)
{
    struct idnum_env env;

    idnum_env_init(&env, ctx);
    if (idnum_verify(&env, text, len, r) != STUINFO_IDNUM_VALID)
        return idnum_fail_ctx(ctx, r, false);
    if (r->kind != STUINFO_IDNUM_RESIDENT_18 && r->kind != STUINFO_IDNUM_RESIDENT_15)
        return core_fail(ctx, STUINFO_ERR_INVALID, RULE_IDNUM_WRONG_KIND, NULL, NULL);
    return STUINFO_OK;
}

/* The 18-digit form of a verified resident number into out[0..19). */
static void
form18(const stuinfo_idnum_result *r, char *out)
{
    if (r->kind == STUINFO_IDNUM_RESIDENT_18) {
        memcpy(out, r->normalized, 19);
        return;
    }
    memcpy(out, r->normalized, 6);
    out[6] = '1';
    out[7] = '9';
    memcpy(out + 8, r->normalized + 6, 9);
    out[17] = idnum_mod11_2(out);
    out[18] = '\0';
}

static stuinfo_status
check_args(stuinfo_ctx *ctx, const char *text, size_t len, const char *buf, size_t cap,
           size_t need)
{
    if (ctx == NULL)
        return STUINFO_ERR_INVALID_ARGUMENT;
    if (buf == NULL || (text == NULL && len > 0))
        return core_fail(ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_CORE_NULL_ARGUMENT, NULL,
                         NULL);
    if (cap < need)
        return core_fail(ctx, STUINFO_ERR_TOO_LONG, RULE_IDNUM_BUFFER_SMALL, NULL, NULL);
    return STUINFO_OK;
}

stuinfo_status
stuinfo_idnum_upgrade(stuinfo_ctx *ctx, const char *text, size_t len, char *buf, size_t cap)
{
    stuinfo_idnum_result r;
    stuinfo_status st = check_args(ctx, text, len, buf, cap, 19);

    if (st != STUINFO_OK)
        return st;
    st = verify_resident(ctx, text, len, &r);
    if (st == STUINFO_OK) {
        form18(&r, buf);
        st = core_ok(ctx);
    }
    explicit_bzero(&r, sizeof(r));
    return st;
}

stuinfo_status
stuinfo_idnum_downgrade(stuinfo_ctx *ctx, const char *text, size_t len, char *buf,
                        size_t cap)
{
    stuinfo_idnum_result r;
    stuinfo_status st = check_args(ctx, text, len, buf, cap, 16);

    if (st != STUINFO_OK)
        return st;
    st = verify_resident(ctx, text, len, &r);
    if (st == STUINFO_OK && (r.birth_year < 1900 || r.birth_year > 1999))
        st = core_fail(ctx, STUINFO_ERR_INVALID, RULE_IDNUM_NOT_1900S, NULL, NULL);
    if (st == STUINFO_OK) {
        if (r.kind == STUINFO_IDNUM_RESIDENT_15) {
            memcpy(buf, r.normalized, 16);
        } else {
            memcpy(buf, r.normalized, 6);
            memcpy(buf + 6, r.normalized + 8, 9);
            buf[15] = '\0';
        }
        st = core_ok(ctx);
    }
    explicit_bzero(&r, sizeof(r));
    return st;
}

stuinfo_status
stuinfo_idnum_student_no_make(stuinfo_ctx *ctx, const char *text, size_t len, char *buf,
                              size_t cap)
{
    stuinfo_idnum_result r;
    stuinfo_status st = check_args(ctx, text, len, buf, cap, 20);

    if (st != STUINFO_OK)
        return st;
    st = verify_resident(ctx, text, len, &r);
    if (st == STUINFO_OK) {
        buf[0] = 'G';
        form18(&r, buf + 1);
        st = core_ok(ctx);
    }
    explicit_bzero(&r, sizeof(r));
    return st;
}
