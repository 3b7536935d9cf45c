/*
 * The national student number (全国学籍号) and the education personal identifier
 * (个人标识码): a letter and 18 characters (student_model.md §1). G + resident ID
 * number; J + self-coded number in the GB 11643 layout (school-location code, birth
 * date, sequence, MOD 11-2 check); L + school-location code, birth date and 4 random
 * digits, no check character (temporary).
 */
#include <string.h>

#include "core/core.h"
#include "findings.h"
#include "idnum.h"
#include "verify_impl.h"

/* L body: 6-digit mainland code + YYYYMMDD + 4 random digits. */
static int32_t
verify_temporary(const struct idnum_env *env, const char *s, uint32_t flags,
                 stuinfo_idnum_result *out)
{
    int32_t bad = idnum_first_non_digit(s, 18);
    uint32_t v[18];

    if (bad != 0)
        return idnum_fail_basic(out, STUINFO_IDNUM_ERR_CHARACTER, flags, 18, bad);
    for (int i = 0; i < 18; i++)
        v[i] = (uint32_t)(s[i] - '0');
    uint32_t code = v[0] * 100000 + v[1] * 10000 + v[2] * 1000 + v[3] * 100 + v[4] * 10 + v[5];
    int32_t r_addr = idnum_address_mainland(code, &flags);
    int32_t y = (int32_t)(v[6] * 1000 + v[7] * 100 + v[8] * 10 + v[9]);
    int32_t m = (int32_t)(v[10] * 10 + v[11]), d = (int32_t)(v[12] * 10 + v[13]);
    int32_t r_date = idnum_date_reason(env, y, m, d);
    int32_t reason = r_addr != 0 ? r_addr : r_date;

    idnum_result_clear(out);
    out->kind = STUINFO_IDNUM_TEMPORARY_18;
    out->reason = reason;
    out->flags = flags;
    out->length = 18;
    memcpy(out->normalized, s, 18);
    out->normalized[18] = '\0';
    memcpy(out->address_code, s, 6);
    out->address_code[6] = '\0';
    out->birth_year = y;
    out->birth_month = m;
    out->birth_day = d;
    if (r_addr == 0)
        idnum_region_names(code, out);
    return reason;
}

int32_t
idnum_student_no_verify(const struct idnum_env *env, const char *text, size_t len,
                        bool personal_id, stuinfo_idnum_result *out)
{
    char buf[IDNUM_MAX_CHARS + 1];
    size_t n = 0;
    uint32_t flags = 0;
    int32_t r;

    if (text == NULL || len == 0)
        return idnum_fail_basic(out, STUINFO_IDNUM_ERR_EMPTY, 0, 0, 0);
    r = idnum_normalize(env, text, len, buf, &n, &flags);
    if (r != STUINFO_IDNUM_VALID)
        return idnum_fail_basic(out, r, flags, n, 0);
    if (n != 19)
        return idnum_fail_basic(out, STUINFO_IDNUM_ERR_LENGTH, flags, n, 0);

    char p = buf[0];
    if (p >= 'a' && p <= 'z') {
        p = (char)(p - 'a' + 'A');
        flags |= STUINFO_IDNUM_FLAG_LOWER_CASE;
    }
    bool letter = p >= 'A' && p <= 'Z';
    if (!letter || (!personal_id && p != 'G' && p != 'J' && p != 'L')) {
        idnum_fail_basic(out, STUINFO_IDNUM_ERR_PREFIX, flags, 19, 1);
        out->prefix = '?';
        if (letter)
            out->prefix = p;
        return STUINFO_IDNUM_ERR_PREFIX;
    }
    if (p == 'L')
        r = verify_temporary(env, buf + 1, flags, out);
    else
        r = idnum_verify18(env, buf + 1, flags,
                           p == 'G' ? IDNUM_MODE_RESIDENT : IDNUM_MODE_SELF_CODED, out);
    out->prefix = p;
    out->length = 19;
    if (out->position > 0)
        out->position++;
    if (out->normalized[0] != '\0') {
        memmove(out->normalized + 1, out->normalized, 19);
        out->normalized[0] = p;
    }
    return r;
}

stuinfo_status
stuinfo_idnum_student_no_verify(stuinfo_ctx *ctx, const char *text, size_t len,
                                int32_t personal_id, stuinfo_idnum_result *out)
{
    struct idnum_env env;

    if (ctx == NULL)
        return STUINFO_ERR_INVALID_ARGUMENT;
    if (out == NULL || out->size < sizeof(*out) || (text == NULL && len > 0))
        return core_fail(ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_CORE_NULL_ARGUMENT, NULL,
                         NULL);
    idnum_env_init(&env, ctx);
    if (idnum_student_no_verify(&env, text, len, personal_id != 0, out) == 0)
        return core_ok(ctx);
    return idnum_fail_ctx(ctx, out, true);
}
