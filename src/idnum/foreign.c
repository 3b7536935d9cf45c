/*
 * The Foreigner's Permanent Residence ID card, 2004/2017 editions: 3 letters (the
 * nationality, alpha-3) + 4 digits (issuing province and city) + YYMMDD + 1 sequence
 * digit (odd = male) + an ICAO 9303 check digit over the first 14 characters. The
 * layout after the letters is from one public implementation, not an official text
 * (id_rules.md §4). The 2023 edition shares the 18-character path in verify_impl.h.
 */
#include <string.h>

#include "idnum.h"
#include "verify_impl.h"

int32_t
idnum_verify_foreign15(const struct idnum_env *env, const char *s, uint32_t flags,
                       stuinfo_idnum_result *out)
{
    char t[16];

    for (int i = 0; i < 15; i++) {
        char c = s[i];
        if (i < 3 && c >= 'a' && c <= 'z') {
            c = (char)(c - 'a' + 'A');
            flags |= STUINFO_IDNUM_FLAG_LOWER_CASE;
        }
        bool ok = i < 3 ? (c >= 'A' && c <= 'Z') : (c >= '0' && c <= '9');
        if (!ok)
            return idnum_fail_basic(out, STUINFO_IDNUM_ERR_CHARACTER, flags, 15, i + 1);
        t[i] = c;
    }
    t[15] = '\0';

    int yy = (t[7] - '0') * 10 + (t[8] - '0');
    int32_t m = (t[9] - '0') * 10 + (t[10] - '0'), d = (t[11] - '0') * 10 + (t[12] - '0');
    /* Two-digit year: the latest century that does not put the birth in the future. */
    int32_t y = 2000 + yy;
    if (idnum_after_today(env, y * 10000 + m * 100 + d))
        y -= 100;
    int icao = idnum_icao_check(t, 14);
    char expected = (char)('0' + icao);

    int32_t reason = STUINFO_IDNUM_VALID;
    if (!idnum_nationality_alpha3(t))
        reason = STUINFO_IDNUM_ERR_NATIONALITY;
    else if (t[14] != expected)
        reason = STUINFO_IDNUM_ERR_CHECK_CHAR;
    else
        reason = idnum_province_mainland((uint32_t)((t[3] - '0') * 10 + (t[4] - '0')));
    if (reason == STUINFO_IDNUM_VALID)
        reason = idnum_date_reason(env, y, m, d);

    if (out == NULL)
        return reason;
    idnum_result_clear(out);
    out->kind = STUINFO_IDNUM_FOREIGN_PR_15;
    out->reason = reason;
    out->flags = flags;
    out->length = 15;
    memcpy(out->normalized, t, 16);
    memcpy(out->nationality, t, 3);
    out->nationality[3] = '\0';
    out->check_char = t[14];
    out->expected_check = expected;
    out->birth_year = y;
    out->birth_month = m;
    out->birth_day = d;
    out->sequence = t[13] - '0';
    out->sex = (t[13] - '0') & 1 ? 1 : 2;
    return reason;
}
