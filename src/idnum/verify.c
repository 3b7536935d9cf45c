/*
 * Verification of resident-style numbers: the 18-character layout (resident ID,
 * residence permits, 2023 foreigners' cards, self-coded student-number bodies) and the
 * legacy 15-digit number. The 18-character path is the hot one: one table-driven pass
 * over the digits computing the MOD 11-2 sum, integer date checks against a date fetched
 * once per call (or per column), and an O(1) address check. Text that needs
 * normalization (spaces, full-width, apostrophe) takes the slow path in normalize.c.
 */
#include <string.h>

#include "idnum.h"
#include "verify_impl.h"

void
idnum_result_clear(stuinfo_idnum_result *out)
{
    out->kind = STUINFO_IDNUM_KIND_UNKNOWN;
    out->reason = STUINFO_IDNUM_VALID;
    out->flags = 0;
    out->position = 0;
    out->length = 0;
    out->normalized[0] = '\0';
    out->address_code[0] = '\0';
    out->nationality[0] = '\0';
    out->check_char = '\0';
    out->expected_check = '\0';
    out->prefix = '\0';
    out->reserved_ = '\0';
    out->birth_year = 0;
    out->birth_month = 0;
    out->birth_day = 0;
    out->sex = 0;
    out->sequence = -1;
    out->region_historic = 0;
    out->region_name = NULL;
    out->prefecture_name = NULL;
    out->province_name = NULL;
}

int32_t
idnum_fail_basic(stuinfo_idnum_result *out, int32_t reason, uint32_t flags, size_t length,
                 int32_t position)
{
    if (out != NULL) {
        idnum_result_clear(out);
        out->reason = reason;
        out->flags = flags;
        out->length = length > INT32_MAX ? INT32_MAX : (int32_t)length;
        out->position = position;
    }
    return reason;
}

int32_t
idnum_first_non_digit(const char *s, int n)
{
    for (int i = 0; i < n; i++)
        if (idnum_digit1[(unsigned char)s[i]] == 0)
            return i + 1;
    return 0;
}

int32_t
idnum_date_reason(const struct idnum_env *env, int32_t y, int32_t m, int32_t d)
{
    if (!idnum_date_exists(y, m, d))
        return STUINFO_IDNUM_ERR_DATE;
    if (y < 1800)
        return STUINFO_IDNUM_ERR_TOO_EARLY;
    if (y * 10000 + m * 100 + d > env->today)
        return STUINFO_IDNUM_ERR_FUTURE_DATE;
    return STUINFO_IDNUM_VALID;
}

/* The legacy 15-digit number: AAAAAA YYMMDD SSS, all digits, born 19YY. */
static int32_t
verify15(const struct idnum_env *env, const char *s, uint32_t flags,
         stuinfo_idnum_result *out)
{
    int32_t bad = idnum_first_non_digit(s, 15);
    uint32_t v[15];

    if (bad != 0)
        return idnum_fail_basic(out, STUINFO_IDNUM_ERR_CHARACTER, flags, 15, bad);
    for (int i = 0; i < 15; i++)
        v[i] = (uint32_t)(s[i] - '0');
    flags |= STUINFO_IDNUM_FLAG_LEGACY_15;

    uint32_t code = v[0] * 100000 + v[1] * 10000 + v[2] * 1000 + v[3] * 100 + v[4] * 10 + v[5];
    int32_t r_addr = idnum_address_mainland(code, &flags);
    int32_t y = 1900 + (int32_t)(v[6] * 10 + v[7]);
    int32_t m = (int32_t)(v[8] * 10 + v[9]), d = (int32_t)(v[10] * 10 + v[11]);
    int32_t r_date = idnum_date_reason(env, y, m, d);
    int32_t reason = r_addr != 0 ? r_addr : r_date;

    if (out == NULL)
        return reason;
    idnum_result_clear(out);
    out->kind = STUINFO_IDNUM_RESIDENT_15;
    out->reason = reason;
    out->flags = flags;
    out->length = 15;
    memcpy(out->normalized, s, 15);
    out->normalized[15] = '\0';
    memcpy(out->address_code, s, 6);
    out->address_code[6] = '\0';
    out->birth_year = y;
    out->birth_month = m;
    out->birth_day = d;
    out->sequence = (int32_t)(v[12] * 100 + v[13] * 10 + v[14]);
    out->sex = v[14] & 1 ? 1 : 2;
    if (r_addr == 0)
        idnum_region_names(code, out);
    return reason;
}

/* A normalized text of n characters (the first IDNUM_MAX_CHARS of them in s). */
static int32_t
dispatch(const struct idnum_env *env, const char *s, size_t n, uint32_t flags,
         stuinfo_idnum_result *out)
{
    if (n == 18)
        return idnum_verify18(env, s, flags, IDNUM_MODE_ANY, out);
    if (n == 15) {
        if (((unsigned char)s[0] | 0x20) >= 'a' && ((unsigned char)s[0] | 0x20) <= 'z')
            return idnum_verify_foreign15(env, s, flags, out);
        return verify15(env, s, flags, out);
    }
    return idnum_fail_basic(out, STUINFO_IDNUM_ERR_LENGTH, flags, n, 0);
}

static bool
needs_normalizing(const char *text, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (!idnum_plain_byte((unsigned char)text[i]))
            return true;
    return false;
}

static int32_t
verify_slow(const struct idnum_env *env, const char *text, size_t len,
            stuinfo_idnum_result *out)
{
    char buf[IDNUM_MAX_CHARS + 1];
    size_t n = 0;
    uint32_t flags = 0;
    int32_t r = idnum_normalize(env, text, len, buf, &n, &flags);

    if (r != STUINFO_IDNUM_VALID)
        return idnum_fail_basic(out, r, flags, n, 0);
    return dispatch(env, buf, n, flags, out);
}

int32_t
idnum_verify(const struct idnum_env *env, const char *text, size_t len,
             stuinfo_idnum_result *out)
{
    if (text == NULL || len == 0)
        return idnum_fail_basic(out, STUINFO_IDNUM_ERR_EMPTY, 0, 0, 0);
    if (len == 18 || len == 15) {
        int32_t r = dispatch(env, text, len, 0, out);
        if (r != STUINFO_IDNUM_ERR_CHARACTER || !needs_normalizing(text, len))
            return r;
    }
    return verify_slow(env, text, len, out);
}

int32_t
idnum_verify_reason(const struct idnum_env *env, const char *text, size_t len)
{
    if (len == 18) {
        int32_t r = idnum_verify18(env, text, 0, IDNUM_MODE_ANY, NULL);
        if (r != STUINFO_IDNUM_ERR_CHARACTER || !needs_normalizing(text, len))
            return r;
    }
    stuinfo_idnum_result tmp;
    return idnum_verify(env, text, len, &tmp);
}
