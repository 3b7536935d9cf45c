/*
 * libstuinfo student record: one student's registry record as the MOE model defines it
 * (every item of the national registry's student sheet plus the JY/T fields school systems
 * carry), its family members or guardians and its study history; set and read by field
 * identifier or by path string, canonicalized on set, validated into a stuinfo_report.
 */
#ifndef STUINFO_STUDENT_H
#define STUINFO_STUDENT_H

#ifndef STUINFO_CDEF
#include <stddef.h>
#include <stdint.h>
#endif
#include "stuinfo/core.h"
#include "stuinfo/report.h"
#include "stuinfo/student_fields.h"

#ifdef __cplusplus
extern "C" {
#endif
#if defined(__GNUC__) && !defined(STUINFO_CDEF)
#pragma GCC visibility push(default)
#endif

/**
 * A student record. Opaque; made from a ctx with stuinfo_student_new(), freed with
 * stuinfo_student_free(), which wipes every value. One thread at a time (as its ctx).
 */
typedef struct stuinfo_student stuinfo_student;

/** Limits of a record. Values never shrink. */
typedef enum stuinfo_student_limit {
    /** Most family members or guardians one record can hold (policy limits are lower). */
    STUINFO_STUDENT_MAX_FAMILY = 16,
    /** Most study-history entries one record can hold. */
    STUINFO_STUDENT_MAX_HISTORY = 64,
    /** Longest value accepted by any setter, in bytes, before canonicalization. */
    STUINFO_STUDENT_MAX_INPUT = 65536
} stuinfo_student_limit;

/**
 * Make an empty record. Returns STUINFO_OK (with *out set), STUINFO_ERR_INVALID_ARGUMENT
 * or STUINFO_ERR_NOMEM; *out is NULL after a failure.
 * @since 0.1
 */
stuinfo_status stuinfo_student_new(stuinfo_ctx *ctx, stuinfo_student **out);

/** Free a record, wiping every value first. NULL is a no-op. @since 0.1 */
void stuinfo_student_free(stuinfo_student *student);

/**
 * A deep copy of @p student, made from the same ctx, with the same version.
 * Returns STUINFO_OK, STUINFO_ERR_INVALID_ARGUMENT or STUINFO_ERR_NOMEM (*out NULL).
 * @since 0.1
 */
stuinfo_status stuinfo_student_clone(const stuinfo_student *student,
                                     stuinfo_student **out);

/**
 * A counter that grows by one with every change to the record (value set or cleared,
 * family member or history entry added or removed); for optimistic concurrency.
 * A new record is at 0. 0 if @p student is NULL.
 * @since 0.1
 */
uint64_t stuinfo_student_version(const stuinfo_student *student);

/**
 * Set @p field (a stuinfo_field) to the UTF-8 text @p text of @p len bytes, copied.
 * A NULL @p text with @p len 0, or text that is empty after trimming, clears the field.
 *
 * The value is canonicalized first, and every change made is added to @p report (may be
 * NULL) as a note: surrounding spaces trimmed; full-width letters and digits folded to
 * ASCII (not in names); code and ID fields upper-cased; dates written YYYY-MM-DD, months
 * YYYY-MM, flags 1/0; codes given by name replaced by their code; middle-dot variants
 * in names folded to U+00B7. Legal names are otherwise kept exactly as given (no NFC).
 * Field rules (a real date, a valid code, ...) are checked by stuinfo_student_validate(),
 * not here: a setter keeps any well-formed value so that a report can name it.
 *
 * Returns STUINFO_OK; STUINFO_ERR_INVALID_ARGUMENT (NULL @p student, unknown field,
 * NULL @p text with non-zero @p len); STUINFO_ERR_ENCODING (not UTF-8, NUL byte);
 * STUINFO_ERR_INVALID (a control, bidi or zero-width character); STUINFO_ERR_TOO_LONG
 * (more code points than the field holds, or above STUINFO_STUDENT_MAX_INPUT bytes);
 * STUINFO_ERR_NOMEM; STUINFO_ERR_ICU. On failure the field is unchanged and, when
 * @p report is given, it holds a finding saying why.
 * @since 0.1
 */
stuinfo_status stuinfo_student_set(stuinfo_student *student, int32_t field,
                                   const char *text, size_t len,
                                   stuinfo_report *report);

/**
 * Read @p field. *text is the canonical value, NUL-terminated, *len its length in bytes;
 * both borrowed from @p student, valid until that field changes or the record is freed.
 * An empty field gives STUINFO_OK with *text NULL and *len 0. @p len may be NULL.
 * Returns STUINFO_OK or STUINFO_ERR_INVALID_ARGUMENT.
 * @since 0.1
 */
stuinfo_status stuinfo_student_get(const stuinfo_student *student, int32_t field,
                                   const char **text, size_t *len);

/**
 * Typed setter for a date field (birth_date, political_join_date): stores YYYY-MM-DD.
 * Returns STUINFO_OK, STUINFO_ERR_INVALID_ARGUMENT (not a date field, or not a real
 * date), STUINFO_ERR_NOMEM.
 * @since 0.1
 */
stuinfo_status stuinfo_student_set_date(stuinfo_student *student, int32_t field,
                                        int32_t year, int32_t month, int32_t day);

/**
 * Typed setter for a yes/no field (only_child, orphan, ...): @p value 0 or 1.
 * Returns STUINFO_OK, STUINFO_ERR_INVALID_ARGUMENT, STUINFO_ERR_NOMEM.
 * @since 0.1
 */
stuinfo_status stuinfo_student_set_flag(stuinfo_student *student, int32_t field,
                                        int32_t value);

/**
 * Append an empty family member or guardian; its index (0-based) goes to *index_out
 * (may be NULL). Returns STUINFO_OK, STUINFO_ERR_INVALID_ARGUMENT, STUINFO_ERR_TOO_LONG
 * (STUINFO_STUDENT_MAX_FAMILY reached) or STUINFO_ERR_NOMEM.
 * @since 0.1
 */
stuinfo_status stuinfo_student_family_add(stuinfo_student *student, size_t *index_out);

/**
 * Remove family member @p index, wiping it; later members move down by one.
 * Returns STUINFO_OK, STUINFO_ERR_INVALID_ARGUMENT or STUINFO_ERR_NOT_FOUND.
 * @since 0.1
 */
stuinfo_status stuinfo_student_family_remove(stuinfo_student *student, size_t index);

/** Number of family members; 0 if @p student is NULL. @since 0.1 */
size_t stuinfo_student_family_count(const stuinfo_student *student);

/**
 * Set @p field (a stuinfo_family_field) of family member @p index; as stuinfo_student_set(),
 * plus STUINFO_ERR_NOT_FOUND for an index past the end.
 * @since 0.1
 */
stuinfo_status stuinfo_student_family_set(stuinfo_student *student, size_t index,
                                          int32_t field, const char *text, size_t len,
                                          stuinfo_report *report);

/** Read a family member's field; as stuinfo_student_get(), plus STUINFO_ERR_NOT_FOUND.
 * @since 0.1 */
stuinfo_status stuinfo_student_family_get(const stuinfo_student *student, size_t index,
                                          int32_t field, const char **text, size_t *len);

/** Append an empty study-history entry; as stuinfo_student_family_add(). @since 0.1 */
stuinfo_status stuinfo_student_history_add(stuinfo_student *student, size_t *index_out);

/** Remove study-history entry @p index; as stuinfo_student_family_remove(). @since 0.1 */
stuinfo_status stuinfo_student_history_remove(stuinfo_student *student, size_t index);

/** Number of study-history entries; 0 if @p student is NULL. @since 0.1 */
size_t stuinfo_student_history_count(const stuinfo_student *student);

/**
 * Set @p field (a stuinfo_history_field) of history entry @p index; as
 * stuinfo_student_family_set(). The end field takes a month or "present" (至今, 今).
 * @since 0.1
 */
stuinfo_status stuinfo_student_history_set(stuinfo_student *student, size_t index,
                                           int32_t field, const char *text, size_t len,
                                           stuinfo_report *report);

/** Read a history entry's field; as stuinfo_student_family_get(). @since 0.1 */
stuinfo_status stuinfo_student_history_get(const stuinfo_student *student, size_t index,
                                           int32_t field, const char **text, size_t *len);

/**
 * Set a value by path: a field key ("name", "id_doc_no"), "family[i].key" or
 * "history[i].key" (i 0-based, the member or entry must exist). @p path is
 * NUL-terminated ASCII. Otherwise as stuinfo_student_set(); an unknown path gives
 * STUINFO_ERR_NOT_FOUND.
 * @since 0.1
 */
stuinfo_status stuinfo_student_set_path(stuinfo_student *student, const char *path,
                                        const char *text, size_t len,
                                        stuinfo_report *report);

/** Read a value by path; as stuinfo_student_get(), plus STUINFO_ERR_NOT_FOUND. @since 0.1 */
stuinfo_status stuinfo_student_get_path(const stuinfo_student *student, const char *path,
                                        const char **text, size_t *len);

/**
 * The comparison key of the legal name: NFKC case-folded, middle-dot variants folded,
 * spaces removed; two names that a registrar would call the same have the same key
 * (e.g. a compatibility ideograph and its unified form). The stored name itself is
 * never rewritten. Borrowed like stuinfo_student_get(); NULL with STUINFO_OK when the
 * name is empty. Returns STUINFO_OK or STUINFO_ERR_INVALID_ARGUMENT.
 * @since 0.1
 */
stuinfo_status stuinfo_student_name_key(const stuinfo_student *student,
                                        const char **text, size_t *len);

/** Checks of stuinfo_student_validate(), as bits of stuinfo_policy.checks. Values never change. */
typedef enum stuinfo_check {
    /** Each value in its field's format: names, dates, codes, phones, postcode, e-mail... */
    STUINFO_CHECK_FIELDS = 1,
    /** Required fields of the registry sheet are filled. */
    STUINFO_CHECK_REQUIRED = 2,
    /** The ID number agrees with birth date, sex and document type; 港澳台侨外 fits. */
    STUINFO_CHECK_IDENTITY = 4,
    /** Party or league members have a plausible join date. */
    STUINFO_CHECK_POLITICAL = 8,
    /** At least one phone (home or mobile). */
    STUINFO_CHECK_PHONE = 16,
    /** Family: a guardian with a phone for minors, the number of principal members. */
    STUINFO_CHECK_FAMILY = 32,
    /** Study history: enough entries, each start before its end, in order, last open. */
    STUINFO_CHECK_HISTORY = 64,
    /** The home address starts with a real province and follows the region order. */
    STUINFO_CHECK_ADDRESS = 128,
    /** First-year pupils reach the entry age by the cut-off date. */
    STUINFO_CHECK_ENTRY_AGE = 256,
    /** Every check above. */
    STUINFO_CHECK_ALL = 511
} stuinfo_check;

/**
 * Which rules stuinfo_student_validate() applies and their limits. Caller-allocated:
 * fill with stuinfo_policy_init(), then change what you need.
 */
typedef struct stuinfo_policy {
    uint32_t size;                  /* set by stuinfo_policy_init() */
    uint32_t checks;                /* stuinfo_check bits; default STUINFO_CHECK_ALL */
    int32_t max_principal_family;   /* most principal family members; default 3 */
    int32_t min_family;             /* family members expected (warning below); default 2 */
    int32_t min_history;            /* study-history entries required; default 2 */
    int32_t adult_age;              /* below this age a guardian is required; default 18 */
    int32_t entry_age;              /* first-year entry age; default 6 */
    int32_t entry_cutoff_month;     /* ... reached by this month and day; default 8 */
    int32_t entry_cutoff_day;       /* default 31 */
    int32_t min_league_age;         /* youngest plausible league join age; default 13 */
    int32_t min_party_age;          /* youngest plausible party join age; default 18 */
    int32_t max_student_age;        /* oldest plausible student; default 60 */
} stuinfo_policy;

/**
 * Fill @p policy with the defaults above (and policy->size).
 * Returns STUINFO_OK or STUINFO_ERR_INVALID_ARGUMENT.
 * @since 0.1
 */
stuinfo_status stuinfo_policy_init(stuinfo_policy *policy);

/**
 * Check the record against the field rules and the cross-field rules of the registry
 * documents selected by @p policy (NULL: the defaults), adding one finding per problem to
 * @p report: severity, rule id (student.id_birth_mismatch, ...), field path
 * (family[1].phone) and a message that never holds the personal data itself. Dates are
 * judged against the ctx clock (Beijing time). The record is not changed.
 * A record with problems is not an error: count them with
 * stuinfo_report_count_severity(report, STUINFO_SEVERITY_ERROR).
 * Returns STUINFO_OK; STUINFO_ERR_INVALID_ARGUMENT (NULL @p student or @p report, a
 * report of another ctx, policy->size too small, a limit out of range); STUINFO_ERR_NOMEM
 * (the report holds the findings added so far).
 * @since 0.1
 */
stuinfo_status stuinfo_student_validate(const stuinfo_student *student,
                                        const stuinfo_policy *policy,
                                        stuinfo_report *report);

/** Longest JSON text stuinfo_student_from_json() reads, in bytes. */
typedef enum stuinfo_student_json_limit {
    STUINFO_STUDENT_MAX_JSON = 4194304
} stuinfo_student_json_limit;

/**
 * Make a record from a JSON object: field keys as stuinfo_field_key() gives them with
 * string values (numbers and booleans are taken as their text, true/false as 1/0, null
 * as empty), plus "family" and "history", arrays of objects keyed by
 * stuinfo_family_field_key() / stuinfo_history_field_key(). Each value goes through
 * stuinfo_student_set(), so canonicalization notes land in @p report (may be NULL).
 * Every problem found is added to @p report; the status is that of the first one, and no
 * record is made: STUINFO_ERR_PARSE (not JSON, not an object, a value of the wrong type;
 * student.json_*), STUINFO_ERR_ENCODING (invalid UTF-8, a NUL inside a value),
 * STUINFO_ERR_TOO_LONG (more than STUINFO_STUDENT_MAX_JSON bytes, a value too long, too
 * many family members or history entries), STUINFO_ERR_NOT_FOUND (an unknown key),
 * STUINFO_ERR_INVALID (a forbidden character), STUINFO_ERR_INVALID_ARGUMENT,
 * STUINFO_ERR_NOMEM. *out is NULL after a failure.
 * @since 0.1
 */
stuinfo_status stuinfo_student_from_json(stuinfo_ctx *ctx, const char *json, size_t len,
                                         stuinfo_report *report, stuinfo_student **out);

/**
 * The record as a compact JSON object in the shape stuinfo_student_from_json() reads:
 * every non-empty field in field order, then "family" and "history" when not empty.
 * *json (NUL-terminated) and *len are borrowed from @p student: valid until the next
 * call of this function on it or until it is freed (it is wiped then).
 * Returns STUINFO_OK, STUINFO_ERR_INVALID_ARGUMENT or STUINFO_ERR_NOMEM.
 * @since 0.1
 */
stuinfo_status stuinfo_student_to_json(stuinfo_student *student, const char **json,
                                       size_t *len);

/** The JSON key of @p field ("name"); static; NULL for an unknown field. @since 0.1 */
const char *stuinfo_field_key(int32_t field);

/** The Chinese label of @p field in the national template ("姓名"); static; NULL if
 * unknown. @since 0.1 */
const char *stuinfo_field_label(int32_t field);

/** The JSON key of a stuinfo_family_field; static; NULL if unknown. @since 0.1 */
const char *stuinfo_family_field_key(int32_t field);

/** The Chinese label of a stuinfo_family_field; static; NULL if unknown. @since 0.1 */
const char *stuinfo_family_field_label(int32_t field);

/** The JSON key of a stuinfo_history_field; static; NULL if unknown. @since 0.1 */
const char *stuinfo_history_field_key(int32_t field);

/** The Chinese label of a stuinfo_history_field; static; NULL if unknown. @since 0.1 */
const char *stuinfo_history_field_label(int32_t field);

/**
 * The stuinfo_field whose JSON key is @p key (@p len bytes) into *out.
 * Returns STUINFO_OK, STUINFO_ERR_INVALID_ARGUMENT or STUINFO_ERR_NOT_FOUND (*out 0).
 * @since 0.1
 */
stuinfo_status stuinfo_field_from_key(const char *key, size_t len, int32_t *out);

#if defined(__GNUC__) && !defined(STUINFO_CDEF)
#pragma GCC visibility pop
#endif
#ifdef __cplusplus
}
#endif
#endif /* STUINFO_STUDENT_H */
