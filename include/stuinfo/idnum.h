/*
 * libstuinfo identity numbers: the 18-digit resident ID number (GB 11643-1999), the
 * legacy 15-digit number, residence permits of Hong Kong, Macao and Taiwan residents,
 * the Foreigner's Permanent Residence ID card (15-character and 2023 18-digit forms),
 * and the national student number (全国学籍号) built on them. Verification, upgrade,
 * consistency with a record, age, and masking for display (docs/idnum.md).
 *
 * Verification writes into a result the caller allocates and allocates nothing.
 * No message the library produces ever holds a full number.
 */
#ifndef STUINFO_IDNUM_H
#define STUINFO_IDNUM_H

#ifndef STUINFO_CDEF            /* the FFI header is made with -DSTUINFO_CDEF */
#include <stddef.h>
#include <stdint.h>
#endif
#include "stuinfo/core.h"
#include "stuinfo/report.h"

#ifdef __cplusplus
extern "C" {
#endif
#if defined(__GNUC__) && !defined(STUINFO_CDEF)
#pragma GCC visibility push(default)
#endif

/** What kind of number a text holds. Values never change. */
typedef enum stuinfo_idnum_kind {
    STUINFO_IDNUM_KIND_UNKNOWN = 0,
    /** 18-character resident ID number, GB 11643-1999. */
    STUINFO_IDNUM_RESIDENT_18 = 1,
    /** 15-digit legacy resident ID number, GB 11643-1989 (no check character). */
    STUINFO_IDNUM_RESIDENT_15 = 2,
    /** Residence permit for Hong Kong residents (address code 810000). */
    STUINFO_IDNUM_PERMIT_HK = 3,
    /** Residence permit for Macao residents (address code 820000). */
    STUINFO_IDNUM_PERMIT_MACAO = 4,
    /** Residence permit for Taiwan residents (address code 830000). */
    STUINFO_IDNUM_PERMIT_TAIWAN = 5,
    /** Foreigner's Permanent Residence ID card, 2004/2017 editions: 3 letters + 12 digits. */
    STUINFO_IDNUM_FOREIGN_PR_15 = 6,
    /** Foreigner's Permanent Residence ID card, 2023 edition: 18 characters starting with 9. */
    STUINFO_IDNUM_FOREIGN_PR_18 = 7,
    /** The body of a "J" national student number: self-coded, GB 11643 layout. */
    STUINFO_IDNUM_SELF_CODED_18 = 8,
    /** The body of an "L" national student number: temporary, no check character. */
    STUINFO_IDNUM_TEMPORARY_18 = 9
} stuinfo_idnum_kind;

/**
 * Why a number is invalid: the one primary reason of a failed verification. Further
 * findings (warnings, notes, other errors) go to a stuinfo_report through
 * stuinfo_idnum_check(). Values never change. Each has a rule id (data/rules/idnum.tsv),
 * returned by stuinfo_idnum_reason_rule().
 */
typedef enum stuinfo_idnum_reason {
    /** The number is valid (warnings and notes may still apply). */
    STUINFO_IDNUM_VALID = 0,
    /** Nothing but white space. Rule idnum.empty. */
    STUINFO_IDNUM_ERR_EMPTY = 1,
    /** Not 15 or 18 characters (19 for student numbers); out->length holds the count.
     *  Rule idnum.length. */
    STUINFO_IDNUM_ERR_LENGTH = 2,
    /** A character that cannot stand at out->position (1-based). Rule idnum.bad_char. */
    STUINFO_IDNUM_ERR_CHARACTER = 3,
    /** Wrong check character; out->expected_check holds the right one. Rule idnum.check_char. */
    STUINFO_IDNUM_ERR_CHECK_CHAR = 4,
    /** The birth date does not exist (month 13, 30 February, 29 February 1900 ...).
     *  Rule idnum.date_impossible. */
    STUINFO_IDNUM_ERR_DATE = 5,
    /** The birth date is after today (China time, by the ctx clock). Rule idnum.date_future. */
    STUINFO_IDNUM_ERR_FUTURE_DATE = 6,
    /** The birth year is before 1800. Rule idnum.date_too_early. */
    STUINFO_IDNUM_ERR_TOO_EARLY = 7,
    /** The first two digits of the address code are no province (nor 81, 82, 83).
     *  Rule idnum.province. */
    STUINFO_IDNUM_ERR_PROVINCE = 8,
    /** The address code may not appear in this kind of number (e.g. 811234; a 15-digit
     *  number or a foreigner's card with 81/82/83; a student number with 830000).
     *  Rule idnum.address_kind. */
    STUINFO_IDNUM_ERR_ADDRESS_KIND = 9,
    /** A foreigner's card names no known nationality. Rule idnum.nationality. */
    STUINFO_IDNUM_ERR_NATIONALITY = 10,
    /** Spreadsheet scientific notation such as 1.10105E+17: the digits are lost and
     *  cannot be recovered. Rule idnum.scientific. */
    STUINFO_IDNUM_ERR_SCIENTIFIC = 11,
    /** Not valid UTF-8, or a NUL byte inside. Rule idnum.encoding. */
    STUINFO_IDNUM_ERR_ENCODING = 12,
    /** Longer than 256 bytes: not examined. Rule idnum.too_long. */
    STUINFO_IDNUM_ERR_TOO_LONG = 13,
    /** A student number or personal identifier does not start with a letter it may
     *  start with. Rule idnum.prefix. */
    STUINFO_IDNUM_ERR_PREFIX = 14
} stuinfo_idnum_reason;

/**
 * Bits of stuinfo_idnum_result.flags: what normalization was applied and which warnings
 * apply. Values never change.
 */
typedef enum stuinfo_idnum_flag {
    /** Surrounding white space was removed (note). */
    STUINFO_IDNUM_FLAG_TRIMMED = 1,
    /** Full-width or other compatibility characters were folded (NFKC) (note). */
    STUINFO_IDNUM_FLAG_FULLWIDTH = 2,
    /** Lower-case letters (usually the x) were written in upper case (note). */
    STUINFO_IDNUM_FLAG_LOWER_CASE = 4,
    /** A spreadsheet's leading apostrophe was removed (note). */
    STUINFO_IDNUM_FLAG_APOSTROPHE = 8,
    /** Legacy 15-digit number; its 18-digit form is available (note). */
    STUINFO_IDNUM_FLAG_LEGACY_15 = 16,
    /** Address code under a real province but in no published list (warning). */
    STUINFO_IDNUM_FLAG_ADDRESS_UNKNOWN = 32,
    /** Address code is a province-level code XX0000 (warning). */
    STUINFO_IDNUM_FLAG_ADDRESS_PROVINCE = 64,
    /** Address code is a prefecture-level code XXXX00 (warning). */
    STUINFO_IDNUM_FLAG_ADDRESS_PREFECTURE = 128,
    /** Address code no longer exists; still valid, numbers keep their code (note). */
    STUINFO_IDNUM_FLAG_ADDRESS_HISTORIC = 256,
    /** Address code 71xxxx (Taiwan province), not used for mainland hukou (warning). */
    STUINFO_IDNUM_FLAG_ADDRESS_TAIWAN = 512,
    /** The region table was not consulted (note). Reserved: never set by this version,
     *  which always has the region table compiled in. */
    STUINFO_IDNUM_FLAG_ADDRESS_UNCHECKED = 1024,
    /** Wrong check character and ending in 000: looks like a spreadsheet rounded the
     *  number to 15 significant digits (warning, with the check_char error). */
    STUINFO_IDNUM_FLAG_ROUNDED = 2048
} stuinfo_idnum_flag;

/**
 * A verified number, written by the library into memory the caller owns. Set size to
 * sizeof(stuinfo_idnum_result) before the call. Every field is written by every call
 * that gets past its argument checks; fields that do not apply are 0 / "" / NULL.
 * The text fields hold personal data: wipe them when done if that matters to you.
 */
typedef struct stuinfo_idnum_result {
    uint32_t size;              /* set to sizeof(stuinfo_idnum_result) before the call */
    int32_t kind;               /* a stuinfo_idnum_kind; UNKNOWN if not recognised */
    int32_t reason;             /* a stuinfo_idnum_reason; 0 when valid */
    uint32_t flags;             /* stuinfo_idnum_flag bits */
    int32_t position;           /* ERR_CHARACTER: 1-based position of the character */
    int32_t length;             /* characters after normalization */
    char normalized[24];        /* the canonical form (upper-case X, ASCII), NUL-terminated;
                                   "" unless the length and characters were right */
    char address_code[8];       /* six digits and a NUL ("" for a 15-character PR card) */
    char nationality[4];        /* PR cards: alpha-3 (old) or numeric (2023) code */
    char check_char;            /* the check character given ('\0' if none) */
    char expected_check;        /* the right check character ('\0' if none) */
    char prefix;                /* student number letter 'G', 'J', 'L' ...; '\0' if none */
    char reserved_;             /* 0 */
    int32_t birth_year;         /* 0 if unknown */
    int32_t birth_month;
    int32_t birth_day;
    int32_t sex;                /* 1 male, 2 female (as the sex code table), 0 unknown */
    int32_t sequence;           /* sequence code (positions 15-17), -1 if none */
    int32_t region_historic;    /* 1 if the address code no longer exists */
    /* Region names of the address code as they were in the birth year (static text,
     * valid for the life of the program), NULL if unknown or not applicable. */
    const char *region_name;    /* the division the code names */
    const char *prefecture_name;
    const char *province_name;
} stuinfo_idnum_result;

/**
 * Verify an identity number of any kind this header names (not student numbers: see
 * stuinfo_idnum_student_no_verify()). @p text is UTF-8, @p len bytes; surrounding space,
 * full-width characters, a lower-case x and a leading apostrophe are accepted and noted
 * in out->flags. Allocates nothing.
 * Returns STUINFO_OK when the number is valid (out->flags may carry warnings);
 * STUINFO_ERR_INVALID with out->reason set when it is not; STUINFO_ERR_INVALID_ARGUMENT
 * (NULL @p ctx or @p out, out->size too small, NULL @p text with @p len > 0).
 * The ctx message names the reason, never the number.
 * @since 0.1
 */
stuinfo_status stuinfo_idnum_verify(stuinfo_ctx *ctx, const char *text, size_t len,
                                    stuinfo_idnum_result *out);

/**
 * As stuinfo_idnum_verify(), and also add every finding (the primary error, further
 * errors, warnings and normalization notes) to @p report under field path @p field
 * ("" or NULL for none). @p out may be NULL.
 * Returns STUINFO_OK, STUINFO_ERR_INVALID, STUINFO_ERR_INVALID_ARGUMENT (NULL @p ctx or
 * @p report, bad out->size) or STUINFO_ERR_NOMEM (findings could not be added).
 * @since 0.1
 */
stuinfo_status stuinfo_idnum_check(stuinfo_ctx *ctx, const char *text, size_t len,
                                   const char *field, stuinfo_report *report,
                                   stuinfo_idnum_result *out);

/**
 * Verify a column of numbers: @p texts[i] (@p lens[i] bytes) for i < @p count. Writes
 * the stuinfo_idnum_reason of each into @p reasons[i] (0 = valid, warnings allowed),
 * and the number of valid entries into *@p valid_out (may be NULL). Same rules as
 * stuinfo_idnum_verify(); faster than calling it per number. Allocates nothing.
 * Returns STUINFO_OK (whatever the numbers hold) or STUINFO_ERR_INVALID_ARGUMENT
 * (NULL @p ctx, or NULL arrays with @p count > 0; a NULL texts[i] with lens[i] > 0 gives
 * ERR_EMPTY for that row).
 * @since 0.1
 */
stuinfo_status stuinfo_idnum_verify_batch(stuinfo_ctx *ctx, const char *const *texts,
                                          const size_t *lens, size_t count,
                                          int32_t *reasons, size_t *valid_out);

/**
 * The stable rule id of a reason ("idnum.check_char"); static, never NULL ("unknown").
 * @since 0.1
 */
const char *stuinfo_idnum_reason_rule(int32_t reason);

/**
 * Turn a valid 15-digit number into its 18-digit form (insert "19", append the check
 * character) into @p buf (@p cap >= 19 bytes, NUL-terminated). An 18-digit number is
 * copied in normalized form.
 * Returns STUINFO_OK, STUINFO_ERR_INVALID (not a valid 15- or 18-digit resident number),
 * STUINFO_ERR_TOO_LONG (@p cap < 19) or STUINFO_ERR_INVALID_ARGUMENT.
 * @since 0.1
 */
stuinfo_status stuinfo_idnum_upgrade(stuinfo_ctx *ctx, const char *text, size_t len,
                                     char *buf, size_t cap);

/**
 * Turn a valid 18-digit resident number of someone born 1900-1999 into the 15-digit
 * form (drop "19" and the check character) into @p buf (@p cap >= 16 bytes).
 * Returns STUINFO_OK, STUINFO_ERR_INVALID (not valid, or born outside 1900-1999),
 * STUINFO_ERR_TOO_LONG (@p cap < 16) or STUINFO_ERR_INVALID_ARGUMENT.
 * @since 0.1
 */
stuinfo_status stuinfo_idnum_downgrade(stuinfo_ctx *ctx, const char *text, size_t len,
                                       char *buf, size_t cap);

/**
 * Check a verified number (@p id, from a successful verify) against a record's birth
 * date and sex (sex: 1 male, 2 female, 0 = not stated; a zero year skips the date).
 * Mismatches are added to @p report (may be NULL) under @p field as idnum.birth_mismatch
 * and idnum.sex_mismatch.
 * Returns STUINFO_OK when both agree (or cannot be compared), STUINFO_ERR_INVALID on a
 * mismatch, STUINFO_ERR_INVALID_ARGUMENT (NULL @p ctx or @p id, @p id not valid) or
 * STUINFO_ERR_NOMEM.
 * @since 0.1
 */
stuinfo_status stuinfo_idnum_match_record(stuinfo_ctx *ctx, const stuinfo_idnum_result *id,
                                          int32_t birth_year, int32_t birth_month,
                                          int32_t birth_day, int32_t sex,
                                          const char *field, stuinfo_report *report);

/**
 * Age in whole years of the holder of @p id on the date @p year-@p month-@p day (someone
 * born on 29 February gains a year on 1 March in common years).
 * Returns STUINFO_OK with *@p age_out, STUINFO_ERR_INVALID (no birth date known, or the
 * date is before the birth or impossible) or STUINFO_ERR_INVALID_ARGUMENT.
 * @since 0.1
 */
stuinfo_status stuinfo_idnum_age(stuinfo_ctx *ctx, const stuinfo_idnum_result *id,
                                 int32_t year, int32_t month, int32_t day,
                                 int32_t *age_out);

/**
 * Verify a national student number (全国学籍号) or education personal identifier
 * (个人标识码): 19 characters, a letter then 18. "G" + an 18-digit resident ID number
 * (kind RESIDENT_18), "J" + a self-coded number in the GB 11643 layout with the same
 * check rule (kind SELF_CODED_18, sex not derived), "L" + 6-digit school-location
 * code, birth date and 4 random digits, no check character (kind TEMPORARY_18). With
 * @p personal_id non-zero any upper-case letter is accepted as the type letter and the
 * body is checked as for "J" (as for "L" when the letter is L, and as for "G" when G).
 * out->prefix holds the letter; out->normalized the 19 characters.
 * Returns STUINFO_OK, STUINFO_ERR_INVALID (out->reason) or STUINFO_ERR_INVALID_ARGUMENT.
 * @since 0.1
 */
stuinfo_status stuinfo_idnum_student_no_verify(stuinfo_ctx *ctx, const char *text,
                                               size_t len, int32_t personal_id,
                                               stuinfo_idnum_result *out);

/**
 * Build the formal national student number "G" + the 18-digit resident ID number in
 * @p text (a 15-digit number is upgraded first) into @p buf (@p cap >= 20 bytes).
 * Returns STUINFO_OK, STUINFO_ERR_INVALID (not a valid resident number: the ctx
 * message says why), STUINFO_ERR_TOO_LONG (@p cap < 20) or STUINFO_ERR_INVALID_ARGUMENT.
 * @since 0.1
 */
stuinfo_status stuinfo_idnum_student_no_make(stuinfo_ctx *ctx, const char *text,
                                             size_t len, char *buf, size_t cap);

/**
 * Mask a number for display and logs into @p buf (@p cap bytes, NUL-terminated; the
 * length written goes to *@p len_out, which may be NULL). @p pattern is
 * "<head><mask char><tail>", e.g. "6*4" (the default, used when @p pattern is NULL):
 * keep the first 6 and last 4 characters, replace the rest by '*':
 * 110105********002X. head is at most 6 and tail at most 4 (3 for a 15-character
 * number, fewer for 16 or 17 characters), so positions 7-14 (the birth date) never
 * show; a letter prefix of a student number is kept as well. Text that is no number is
 * masked whole, one mask character per character (at most 32). Masking a masked text
 * gives the same text.
 * Returns STUINFO_OK, STUINFO_ERR_INVALID_ARGUMENT (bad pattern: digits, one printable
 * ASCII mask character that is no digit, digits) or STUINFO_ERR_TOO_LONG (@p cap too
 * small; 40 bytes are always enough).
 * @since 0.1
 */
stuinfo_status stuinfo_idnum_mask(stuinfo_ctx *ctx, const char *text, size_t len,
                                  const char *pattern, char *buf, size_t cap,
                                  size_t *len_out);

#if defined(__GNUC__) && !defined(STUINFO_CDEF)
#pragma GCC visibility pop
#endif
#ifdef __cplusplus
}
#endif
#endif /* STUINFO_IDNUM_H */
