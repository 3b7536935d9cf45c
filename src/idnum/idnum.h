/*
 * Internal API of the idnum layer, for model/roster and the files of src/idnum.
 * Nothing here allocates. A verification needs an idnum_env, fetched once from a ctx
 * (the date of today and the Unicode services for the slow path), so a column of
 * numbers costs one clock read, not one per number.
 */
#ifndef IDNUM_IDNUM_H
#define IDNUM_IDNUM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "stuinfo/idnum.h"

struct text_services;

/* For the few small functions of the hot path that must be inlined into it. */
#if defined(__GNUC__)
#define IDNUM_ALWAYS_INLINE __attribute__((always_inline)) inline
#else
#define IDNUM_ALWAYS_INLINE inline
#endif

/* Inputs longer than this are not examined (STUINFO_IDNUM_ERR_TOO_LONG). */
#define IDNUM_MAX_INPUT 256
/* Longest normalized text kept; longer ones only have their length counted. */
#define IDNUM_MAX_CHARS 23

struct idnum_env {
    int64_t days;                   /* today: days since 1970-01-01, China Standard Time */
    int32_t sure_past;              /* YYYYMMDD below which no date can be in the future */
    struct text_services *ts;       /* NFKC for the slow path, or NULL: then ctx's */
    stuinfo_ctx *ctx;               /* NULL = built-in folds only */
};

/* The env of a ctx: today by its clock, its text services. Cheap: the exact date of
 * today is only worked out for birth dates in the last year or so. */
void idnum_env_init(struct idnum_env *env, stuinfo_ctx *ctx);
/* The same from an explicit time (seconds since the epoch, UTC) and text services. */
void idnum_env_at(struct idnum_env *env, int64_t epoch_seconds, struct text_services *ts);

/* idnum_env_at() inline, for the one-number calls (a few multiplications, no call). */
static inline void
idnum_env_fill(struct idnum_env *env, int64_t epoch_seconds, struct text_services *ts)
{
    /* Birth dates are Chinese civil dates: "today" is judged in UTC+8. */
    int64_t t = epoch_seconds + INT64_C(8) * 3600;

    env->days = (t >= 0 ? t : t - 86399) / 86400;
    /* 1 January of a year no later than this one: any earlier date is in the past. */
    env->sure_past = env->days >= 0 && env->days < INT64_C(366) * 200000
                         ? (int32_t)(1970 + env->days / 366) * 10000 + 101
                         : 0;
    env->ts = ts;
    env->ctx = NULL;
}
/* The text services for the slow path (NULL if none). */
struct text_services *idnum_env_text(const struct idnum_env *env);
/* Today as YYYYMMDD (China Standard Time). */
int32_t idnum_env_today(const struct idnum_env *env);
/* True if the date YYYYMMDD @p ymd is after today. */
static inline bool
idnum_after_today(const struct idnum_env *env, int32_t ymd)
{
    return ymd >= env->sure_past && ymd > idnum_env_today(env);
}
/* YYYYMMDD in China Standard Time of @p epoch_seconds. */
int32_t idnum_date_of_epoch(int64_t epoch_seconds);

/*
 * Verify any kind of number (not student numbers). Writes every field of @p out except
 * size; returns out->reason. Allocates nothing.
 */
int32_t idnum_verify(const struct idnum_env *env, const char *text, size_t len,
                     stuinfo_idnum_result *out);
/* The reason only, as idnum_verify() would give it; the column fast path. */
int32_t idnum_verify_reason(const struct idnum_env *env, const char *text, size_t len);

/* National student number / personal identifier (see stuinfo_idnum_student_no_verify). */
int32_t idnum_student_no_verify(const struct idnum_env *env, const char *text, size_t len,
                                bool personal_id, stuinfo_idnum_result *out);

/* ---- pieces ----------------------------------------------------------------------- */

/* Digit value + 1 for '0'..'9', 0 for every other byte. */
extern const uint8_t idnum_digit1[256];
/* MOD 11-2 weights of positions 1-17. */
extern const uint8_t idnum_weights[17];
/* Check character for a weighted sum mod 11. */
extern const char idnum_check_of_rem[11];

/* MOD 11-2 check character of 17 ASCII digits (no validation). */
char idnum_mod11_2(const char *digits17);
/* ICAO 9303 check digit (7-3-1) of @p n characters [0-9A-Z]; -1 on another character. */
int idnum_icao_check(const char *s, size_t n);

/* True if y-m-d is a real Gregorian date (any year >= 1). */
bool idnum_date_exists(int32_t y, int32_t m, int32_t d);
/* Days in month m of year y (0 for a bad month). */
int idnum_days_in_month(int32_t y, int32_t m);

/*
 * Turn raw input into at most IDNUM_MAX_CHARS ASCII characters in @p buf (NUL-ended):
 * folds full-width and compatibility characters (built-in table, then ICU NFKC), trims
 * surrounding white space and a leading apostrophe, recognises scientific notation.
 * Characters that cannot be folded become 0x7F so their position is reported.
 * Returns 0 or a reason (EMPTY, ENCODING, TOO_LONG, SCIENTIFIC); *n_out is the length
 * (may exceed IDNUM_MAX_CHARS, then only counted), *flags gets normalization bits.
 */
int32_t idnum_normalize(const struct idnum_env *env, const char *text, size_t len,
                        char *buf, size_t *n_out, uint32_t *flags);
/* True if byte @p c can occur in an already-normalized number (no slow path needed):
 * an ASCII letter or digit. */
static inline bool
idnum_plain_byte(unsigned char c)
{
    return (unsigned)(c - '0') < 10u || (unsigned)((c | 0x20) - 'a') < 26u;
}

/*
 * Address code checks. @p code is the 6-digit address code as an integer. Returns 0 or
 * a reason (PROVINCE, ADDRESS_KIND) for a citizen-style number (mainland hukou or the
 * residence permits' 810000/820000/830000) and ORs warning bits into *flags.
 * *kind_out becomes RESIDENT_18 or a PERMIT kind.
 */
int32_t idnum_address_resident(uint32_t code, int32_t *kind_out, uint32_t *flags);
/* As above for a code that must lie in the mainland (15-digit numbers, school location
 * codes of J/L student numbers). */
int32_t idnum_address_mainland(uint32_t code, uint32_t *flags);
/* A two-digit province code of an issuing authority (foreigners' cards). */
int32_t idnum_province_mainland(uint32_t province);
/* Region names and the historic flag of @p code into @p out (NULLs if unknown). */
void idnum_region_names(uint32_t code, stuinfo_idnum_result *out);

/* Nationality checks for foreigners' cards: alpha-3 (old card) or numeric (2023). */
bool idnum_nationality_alpha3(const char *code3);
bool idnum_nationality_numeric(const char *code3);

/* The old foreigner's card: 15 normalized characters at @p s (foreign.c). */
int32_t idnum_verify_foreign15(const struct idnum_env *env, const char *s, uint32_t flags,
                               stuinfo_idnum_result *out);

/* Reset every field of @p out but size (cheap: no memset of the whole struct). */
void idnum_result_clear(stuinfo_idnum_result *out);

/* The rule of a reason (rules_table.h rule_id), as an int to keep this header light. */
int idnum_reason_rule_id(int32_t reason);

#endif /* IDNUM_IDNUM_H */
