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

const uint8_t idnum_month_days[13] = {0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

int32_t
idnum_date_reason(const struct idnum_env *env, int32_t y, int32_t m, int32_t d)
{
    if (y < 0 || m < 0 || d < 0)
        return STUINFO_IDNUM_ERR_DATE;
    return idnum_date_reason_inline(env, (uint32_t)y, (uint32_t)m, (uint32_t)d);
}

/* True if the 8 bytes at @p u are all ASCII digits (SWAR, no carries between bytes
 * that matter: a byte that carries already fails). */
static IDNUM_ALWAYS_INLINE bool
digits8(const unsigned char *u)
{
    uint64_t x;

    memcpy(&x, u, 8);
    return ((x & 0xF0F0F0F0F0F0F0F0ULL) | (((x + 0x0606060606060606ULL) & 0xF0F0F0F0F0F0F0F0ULL) >> 4))
           == 0x3333333333333333ULL;
}

/* The legacy 15-digit number: AAAAAA YYMMDD SSS, all digits, born 19YY. Out of line:
 * rare today, and the 18-character path keeps the instruction cache. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static int32_t
verify15(const struct idnum_env *env, const char *s, uint32_t flags,
         stuinfo_idnum_result *out)
{
    const unsigned char *u = (const unsigned char *)s;

    if (!digits8(u) || !digits8(u + 7)) {
        return idnum_fail_basic(out, STUINFO_IDNUM_ERR_CHARACTER, flags, 15,
                                idnum_first_non_digit(s, 15));
    }
    flags |= STUINFO_IDNUM_FLAG_LEGACY_15;

    uint64_t a = idnum_pairs8(u), b = idnum_pairs8(u + 6);
    uint32_t code = (uint32_t)(a & 0xFF) * 10000 + (uint32_t)((a >> 16) & 0xFF) * 100
                    + (uint32_t)((a >> 32) & 0xFF);
    uint32_t y = 1900 + (uint32_t)(b & 0xFF);
    uint32_t m = (uint32_t)((b >> 16) & 0xFF), d = (uint32_t)((b >> 32) & 0xFF);
    uint32_t rank;
    int32_t r_addr = idnum_address_mainland_at(code, &flags, &rank);
    int32_t r_date = idnum_date_reason_inline(env, y, m, d);
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
    out->birth_year = (int32_t)y;
    out->birth_month = (int32_t)m;
    out->birth_day = (int32_t)d;
    out->sequence = (u[12] - '0') * 100 + (u[13] - '0') * 10 + (u[14] - '0');
    out->sex = u[14] & 1 ? 1 : 2;
    if (r_addr == 0)
        region_index_names(code, rank, out);
    return reason;
}

/* A normalized text of n characters (the first IDNUM_MAX_CHARS of them in s). */
static IDNUM_ALWAYS_INLINE int32_t
dispatch(const struct idnum_env *env, const char *s, size_t n, uint32_t flags,
         stuinfo_idnum_result *out)
{
    if (n == 18)
        return idnum_verify18(env, s, flags, IDNUM_MODE_ANY, out);
    if (n == 15) {
        if (((unsigned char)s[0] | 0x20) >= 'a' && ((unsigned char)s[0] | 0x20) <= 'z') {
            if (out == NULL) {
                stuinfo_idnum_result tmp;
                return idnum_verify_foreign15(env, s, flags, &tmp);
            }
            return idnum_verify_foreign15(env, s, flags, out);
        }
        return verify15(env, s, flags, out);
    }
    return idnum_fail_basic(out, STUINFO_IDNUM_ERR_LENGTH, flags, n, 0);
}

/* True if the text needs the slow path: anything but ASCII letters and digits, or a
 * letter e that could make it scientific notation. */
static IDNUM_ALWAYS_INLINE bool
needs_normalizing(const char *text, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        if (!idnum_plain_byte(c) || (c | 0x20) == 'e')
            return true;
    }
    return false;
}

/* Out of line: the rows that need folding share one copy of the checks, so the hot
 * function stays small in the instruction cache. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static int32_t
dispatch_folded(const struct idnum_env *env, const char *s, size_t n, uint32_t flags,
                stuinfo_idnum_result *out)
{
    return dispatch(env, s, n, flags, out);
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
    return dispatch_folded(env, buf, n, flags, out);
}

/*
 * Full-width digits (U+FF10-FF19) and X/x (U+FF38, U+FF58), as pasted from Word or a
 * Chinese IME, three bytes each: folded without the general slow path. Returns the
 * number of characters written to @p buf (n / 3), or 0 if the text is anything else.
 */
static IDNUM_ALWAYS_INLINE size_t
fold_fullwidth_digits(const char *text, size_t len, char *buf)
{
    const unsigned char *u = (const unsigned char *)text;
    size_t n = len / 3;

    for (size_t i = 0; i < n; i++, u += 3) {
        if (u[0] != 0xEF)
            return 0;
        if (u[1] == 0xBC && u[2] >= 0x90 && u[2] <= 0x99)
            buf[i] = (char)('0' + (u[2] - 0x90));
        else if (i + 1 == n && ((u[1] == 0xBC && u[2] == 0xB8) || (u[1] == 0xBD && u[2] == 0x98)))
            buf[i] = u[1] == 0xBC ? 'X' : 'x';
        else
            return 0;
    }
    return n;
}

/* Both entry points: @p out may be NULL (the reason only). */
static IDNUM_ALWAYS_INLINE int32_t
verify_any(const struct idnum_env *env, const char *text, size_t len,
           stuinfo_idnum_result *out)
{
    if (text == NULL || len == 0)
        return idnum_fail_basic(out, STUINFO_IDNUM_ERR_EMPTY, 0, 0, 0);
    if (len == 18 || len == 15) {
        int32_t r = dispatch(env, text, len, 0, out);
        if (r != STUINFO_IDNUM_ERR_CHARACTER || !needs_normalizing(text, len))
            return r;
    } else if (len <= IDNUM_MAX_CHARS && !needs_normalizing(text, len)) {
        /* Plain letters and digits of another length: nothing to normalize. */
        return idnum_fail_basic(out, STUINFO_IDNUM_ERR_LENGTH, 0, len, 0);
    } else if (len == 54 || len == 45) {
        char buf[18];
        if (fold_fullwidth_digits(text, len, buf) != 0)
            return dispatch_folded(env, buf, len / 3, STUINFO_IDNUM_FLAG_FULLWIDTH, out);
    }
    return verify_slow(env, text, len, out);
}

int32_t
idnum_verify(const struct idnum_env *env, const char *text, size_t len,
             stuinfo_idnum_result *out)
{
    return verify_any(env, text, len, out);
}

int32_t
idnum_verify_reason(const struct idnum_env *env, const char *text, size_t len)
{
    return verify_any(env, text, len, NULL);
}
