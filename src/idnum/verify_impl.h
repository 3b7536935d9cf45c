/*
 * The 18-character check, inlined into its callers so that the reason-only column path
 * (out == NULL) loses every store. Shared by verify.c and student_no.c only.
 */
#ifndef IDNUM_VERIFY_IMPL_H
#define IDNUM_VERIFY_IMPL_H

#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "address_impl.h"
#include "idnum.h"

enum idnum_mode {
    IDNUM_MODE_ANY = 0,         /* resident ID, residence permit or 2023 foreigner's card */
    IDNUM_MODE_RESIDENT = 1,    /* a G student number: a citizen's resident ID only */
    IDNUM_MODE_SELF_CODED = 2,  /* a J student number body: mainland code, no sex */
};

/* Clear @p out (if not NULL) and record a failure before any field could be read. */
int32_t idnum_fail_basic(stuinfo_idnum_result *out, int32_t reason, uint32_t flags,
                         size_t length, int32_t position);
/* 1-based position of the first non-digit among s[0..n), 0 if none. */
int32_t idnum_first_non_digit(const char *s, int n);
/* ERR_DATE, ERR_TOO_EARLY, ERR_FUTURE_DATE or 0. */
int32_t idnum_date_reason(const struct idnum_env *env, int32_t y, int32_t m, int32_t d);

/* Days in each month, February as in a leap year. */
extern const uint8_t idnum_month_days[13];

/* ERR_DATE, ERR_TOO_EARLY, ERR_FUTURE_DATE or 0, inline for the fast path. */
static IDNUM_ALWAYS_INLINE int32_t
idnum_date_reason_inline(const struct idnum_env *env, uint32_t y, uint32_t m, uint32_t d)
{
    if (m - 1 >= 12 || d - 1 >= idnum_month_days[m % 13])
        return STUINFO_IDNUM_ERR_DATE;
    if (m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
        return STUINFO_IDNUM_ERR_DATE;
    if (y < 1800)
        return STUINFO_IDNUM_ERR_TOO_EARLY;
    if (idnum_after_today(env, (int32_t)(y * 10000 + m * 100 + d)))
        return STUINFO_IDNUM_ERR_FUTURE_DATE;
    return STUINFO_IDNUM_VALID;
}

/* Eight ASCII digits at @p u as four two-digit numbers, in the bytes 0, 2, 4, 6 of the
 * result (SWAR; the caller has checked that they are digits). */
static IDNUM_ALWAYS_INLINE uint64_t
idnum_pairs8(const unsigned char *u)
{
    uint64_t v;

    memcpy(&v, u, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    v = __builtin_bswap64(v);
#endif
    v -= 0x3030303030303030ULL;
    return (v * 10 + (v >> 8)) & 0x00FF00FF00FF00FFULL;
}

/*
 * The MOD 11-2 weighted sum of the 17 characters at @p u into *sum; returns true if
 * any of them is not a digit (the sum is then meaningless). Reads 17 bytes.
 */
static IDNUM_ALWAYS_INLINE bool
idnum_sum17(const unsigned char *u, uint32_t *sum)
{
#if defined(__SSE2__)
    __m128i d = _mm_sub_epi8(_mm_loadu_si128((const __m128i *)(const void *)u),
                             _mm_set1_epi8('0'));
    __m128i nine = _mm_set1_epi8(9);
    int ok = _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_max_epu8(d, nine), nine));
    __m128i zero = _mm_setzero_si128();
    __m128i acc = _mm_add_epi32(
        _mm_madd_epi16(_mm_unpacklo_epi8(d, zero), _mm_setr_epi16(7, 9, 10, 5, 8, 4, 2, 1)),
        _mm_madd_epi16(_mm_unpackhi_epi8(d, zero), _mm_setr_epi16(6, 3, 7, 9, 10, 5, 8, 4)));
    acc = _mm_add_epi32(acc, _mm_shuffle_epi32(acc, _MM_SHUFFLE(1, 0, 3, 2)));
    acc = _mm_add_epi32(acc, _mm_shuffle_epi32(acc, _MM_SHUFFLE(2, 3, 0, 1)));
    uint32_t last = (uint32_t)u[16] - '0';
    *sum = (uint32_t)_mm_cvtsi128_si32(acc) + last * 2;
    return ok != 0xFFFF || last > 9;
#else
    uint32_t acc = 0, bad = 0;
    for (int i = 0; i < 17; i++) {
        uint32_t v = (uint32_t)u[i] - '0';
        bad |= v > 9;
        acc += v * idnum_weights[i];
    }
    *sum = acc;
    return bad != 0;
#endif
}

static IDNUM_ALWAYS_INLINE int32_t
idnum_verify18(const struct idnum_env *env, const char *s, uint32_t flags, int mode,
               stuinfo_idnum_result *out)
{
    const unsigned char *u = (const unsigned char *)s;
    uint32_t sum;

    unsigned char c = u[17];
    if (idnum_sum17(u, &sum) | ((uint32_t)c - '0' > 9 && (c | 0x20) != 'x')) {
        int32_t pos = idnum_first_non_digit(s, 17);
        return idnum_fail_basic(out, STUINFO_IDNUM_ERR_CHARACTER, flags, 18,
                                pos != 0 ? pos : 18);
    }
    if (c == 'x') {
        c = 'X';
        flags |= STUINFO_IDNUM_FLAG_LOWER_CASE;
    }
    char expected = idnum_check_of_rem[sum % 11];
    int32_t r_check = (char)c != expected ? STUINFO_IDNUM_ERR_CHECK_CHAR : 0;
    if (r_check != 0 && u[15] == '0' && u[16] == '0' && c == '0')
        flags |= STUINFO_IDNUM_FLAG_ROUNDED;

    /* Address: pairs of digits 1-2, 3-4, 5-6; date: 7-10, 11-12, 13-14. */
    uint64_t a = idnum_pairs8(u), b = idnum_pairs8(u + 6);
    uint32_t p0 = (uint32_t)(a & 0xFF), p1 = (uint32_t)((a >> 16) & 0xFF);
    uint32_t p2 = (uint32_t)((a >> 32) & 0xFF);
    uint32_t code = p0 * 10000 + p1 * 100 + p2;
    uint32_t y = (uint32_t)(b & 0xFF) * 100 + (uint32_t)((b >> 16) & 0xFF);
    uint32_t m = (uint32_t)((b >> 32) & 0xFF), d = (uint32_t)((b >> 48) & 0xFF);

    int32_t kind, r_addr;
    uint32_t rank = REGION_NO_RANK;
    if (mode == IDNUM_MODE_SELF_CODED) {
        kind = STUINFO_IDNUM_SELF_CODED_18;
        r_addr = idnum_address_mainland_at(code, &flags, &rank);
    } else if (u[0] == '9') {
        kind = STUINFO_IDNUM_FOREIGN_PR_18;
        r_addr = idnum_province_mainland_at(p0 % 10 * 10 + p1 / 10);
        if (r_addr == 0 && !idnum_nationality_numeric(s + 3))
            r_addr = STUINFO_IDNUM_ERR_NATIONALITY;
    } else {
        r_addr = idnum_address_resident3(p0, p1, p2, &kind, &flags, &rank);
    }
    if (mode == IDNUM_MODE_RESIDENT && r_addr == 0 && kind != STUINFO_IDNUM_RESIDENT_18)
        r_addr = STUINFO_IDNUM_ERR_ADDRESS_KIND;

    int32_t r_date = idnum_date_reason_inline(env, y, m, d);
    int32_t reason = r_check != 0 ? r_check : r_addr != 0 ? r_addr : r_date;

    if (out == NULL)
        return reason;
    out->kind = kind;
    out->reason = reason;
    out->flags = flags;
    out->position = 0;
    out->length = 18;
    memcpy(out->normalized, s, 17);
    out->normalized[17] = (char)c;
    out->normalized[18] = '\0';
    memcpy(out->address_code, s, 6);
    out->address_code[6] = '\0';
    if (kind == STUINFO_IDNUM_FOREIGN_PR_18) {
        memcpy(out->nationality, s + 3, 3);
        out->nationality[3] = '\0';
    } else {
        out->nationality[0] = '\0';
    }
    out->check_char = (char)c;
    out->expected_check = expected;
    out->prefix = '\0';
    out->reserved_ = '\0';
    out->birth_year = (int32_t)y;
    out->birth_month = (int32_t)m;
    out->birth_day = (int32_t)d;
    out->sex = mode == IDNUM_MODE_SELF_CODED ? 0 : (u[16] & 1) ? 1 : 2;
    out->sequence = (int32_t)((u[14] - '0') * 100 + (u[15] - '0') * 10 + (u[16] - '0'));
    if (r_addr == 0 && kind != STUINFO_IDNUM_FOREIGN_PR_18) {
        region_index_names_inline(code, rank, out);
    } else {
        out->region_historic = 0;
        out->region_name = NULL;
        out->prefecture_name = NULL;
        out->province_name = NULL;
    }
    return reason;
}

#endif /* IDNUM_VERIFY_IMPL_H */
