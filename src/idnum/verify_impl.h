/*
 * The 18-character check, inlined into its callers so that the reason-only column path
 * (out == NULL) loses every store. Shared by verify.c and student_no.c only.
 */
#ifndef IDNUM_VERIFY_IMPL_H
#define IDNUM_VERIFY_IMPL_H

#include <string.h>

#include "idnum.h"

#if defined(__GNUC__)
#define IDNUM_ALWAYS_INLINE __attribute__((always_inline)) inline
#else
#define IDNUM_ALWAYS_INLINE inline
#endif

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

static IDNUM_ALWAYS_INLINE int32_t
idnum_verify18(const struct idnum_env *env, const char *s, uint32_t flags, int mode,
               stuinfo_idnum_result *out)
{
    const unsigned char *u = (const unsigned char *)s;
    uint32_t v[17];
    uint32_t sum = 0, bad = 0;

    for (int i = 0; i < 17; i++) {
        uint32_t t = idnum_digit1[u[i]];
        bad |= t == 0;
        v[i] = t - 1;
        sum += (t - 1) * idnum_weights[i];
    }
    unsigned char c = u[17];
    if (bad | (idnum_digit1[c] == 0 && (c | 0x20) != 'x')) {
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

    uint32_t code = v[0] * 100000 + v[1] * 10000 + v[2] * 1000 + v[3] * 100 + v[4] * 10 + v[5];
    int32_t kind, r_addr;
    if (mode == IDNUM_MODE_SELF_CODED) {
        kind = STUINFO_IDNUM_SELF_CODED_18;
        r_addr = idnum_address_mainland(code, &flags);
    } else if (v[0] == 9) {
        kind = STUINFO_IDNUM_FOREIGN_PR_18;
        r_addr = idnum_province_mainland(v[1] * 10 + v[2]);
        if (r_addr == 0 && !idnum_nationality_numeric(s + 3))
            r_addr = STUINFO_IDNUM_ERR_NATIONALITY;
    } else {
        r_addr = idnum_address_resident(code, &kind, &flags);
    }
    if (mode == IDNUM_MODE_RESIDENT && r_addr == 0 && kind != STUINFO_IDNUM_RESIDENT_18)
        r_addr = STUINFO_IDNUM_ERR_ADDRESS_KIND;

    int32_t y = (int32_t)(v[6] * 1000 + v[7] * 100 + v[8] * 10 + v[9]);
    int32_t m = (int32_t)(v[10] * 10 + v[11]), d = (int32_t)(v[12] * 10 + v[13]);
    int32_t r_date = idnum_date_reason(env, y, m, d);
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
    out->birth_year = y;
    out->birth_month = m;
    out->birth_day = d;
    out->sex = mode == IDNUM_MODE_SELF_CODED ? 0 : (v[16] & 1) ? 1 : 2;
    out->sequence = (int32_t)(v[14] * 100 + v[15] * 10 + v[16]);
    if (r_addr == 0 && kind != STUINFO_IDNUM_FOREIGN_PR_18) {
        idnum_region_names(code, out);
    } else {
        out->region_historic = 0;
        out->region_name = NULL;
        out->prefecture_name = NULL;
        out->province_name = NULL;
    }
    return reason;
}

#endif /* IDNUM_VERIFY_IMPL_H */
