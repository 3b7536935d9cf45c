/*
 * libstuinfo authority, school and class records: the other three information models of the
 * MOE registry (主管单位, 学校 with its 校区, 班级), set and read by field identifier,
 * canonicalized on set, validated into a stuinfo_report, read from and written to JSON.
 */
#ifndef STUINFO_SCHOOL_H
#define STUINFO_SCHOOL_H

#ifndef STUINFO_CDEF
#include <stddef.h>
#include <stdint.h>
#endif
#include "stuinfo/core.h"
#include "stuinfo/report.h"
#include "stuinfo/school_fields.h"

#ifdef __cplusplus
extern "C" {
#endif
#if defined(__GNUC__) && !defined(STUINFO_CDEF)
#pragma GCC visibility push(default)
#endif

/**
 * A supervising education authority (主管单位). Opaque; stuinfo_authority_new(), freed by
 * stuinfo_authority_free(). One thread at a time (as its ctx).
 */
typedef struct stuinfo_authority stuinfo_authority;
/** A school (学校) with its campuses (校区). Opaque, as stuinfo_authority. */
typedef struct stuinfo_school stuinfo_school;
/** A class (班级). Opaque, as stuinfo_authority. */
typedef struct stuinfo_class stuinfo_class;

/** Limits of the records. Values never shrink. */
typedef enum stuinfo_school_limit {
    /** Most campuses one school record holds. */
    STUINFO_SCHOOL_MAX_CAMPUSES = 32,
    /** Longest JSON text the from_json functions read, in bytes. */
    STUINFO_SCHOOL_MAX_JSON = 1048576
} stuinfo_school_limit;

/* ---- authority ---------------------------------------------------------------------- */

/**
 * Make an empty authority record. Returns STUINFO_OK (*out set), STUINFO_ERR_INVALID_ARGUMENT
 * or STUINFO_ERR_NOMEM; *out is NULL after a failure.
 * @since 0.1
 */
stuinfo_status stuinfo_authority_new(stuinfo_ctx *ctx, stuinfo_authority **out);

/** Free an authority record, wiping its values. NULL is a no-op. @since 0.1 */
void stuinfo_authority_free(stuinfo_authority *authority);

/**
 * Set field @p field (a stuinfo_authority_field) from text[0..len) (UTF-8; len 0 clears).
 * The value is canonicalized (spaces trimmed, full width folded, a code list's name turned
 * into its code, a region name into its code); each rewrite is a note in @p report (may be
 * NULL). Returns STUINFO_OK; STUINFO_ERR_INVALID_ARGUMENT (NULL handle or text with len > 0,
 * unknown field); STUINFO_ERR_ENCODING; STUINFO_ERR_TOO_LONG; STUINFO_ERR_INVALID (a
 * forbidden character); STUINFO_ERR_NOMEM. On failure the stored value is unchanged.
 * @since 0.1
 */
stuinfo_status stuinfo_authority_set(stuinfo_authority *authority, int32_t field,
                                     const char *text, size_t len, stuinfo_report *report);

/**
 * Read field @p field: *text (NUL-terminated, NULL when empty) and *len (may be NULL) are
 * borrowed from @p authority until that field changes or the record is freed.
 * Returns STUINFO_OK or STUINFO_ERR_INVALID_ARGUMENT.
 * @since 0.1
 */
stuinfo_status stuinfo_authority_get(const stuinfo_authority *authority, int32_t field,
                                     const char **text, size_t *len);

/**
 * Check every field (required fields, formats, codes, region) and add findings to
 * @p report (rules school.*). Returns STUINFO_OK whatever was found;
 * STUINFO_ERR_INVALID_ARGUMENT; STUINFO_ERR_NOMEM.
 * @since 0.1
 */
stuinfo_status stuinfo_authority_validate(const stuinfo_authority *authority,
                                          stuinfo_report *report);

/**
 * Make an authority record from a JSON object keyed by field keys (the lower-case enum
 * names: "code", "name", ...) with string values (numbers taken as their text, true/false
 * as 1/0, null as empty). Every value goes through stuinfo_authority_set(). Problems go to
 * @p report (may be NULL); the status is that of the first: STUINFO_ERR_PARSE (not JSON,
 * not an object, a value of the wrong type), STUINFO_ERR_NOT_FOUND (an unknown key),
 * STUINFO_ERR_TOO_LONG, STUINFO_ERR_ENCODING, STUINFO_ERR_INVALID,
 * STUINFO_ERR_INVALID_ARGUMENT, STUINFO_ERR_NOMEM; *out is NULL after a failure.
 * @since 0.1
 */
stuinfo_status stuinfo_authority_from_json(stuinfo_ctx *ctx, const char *json, size_t len,
                                           stuinfo_report *report, stuinfo_authority **out);

/**
 * The record as compact JSON (non-empty fields in field order), the shape
 * stuinfo_authority_from_json() reads. *json (NUL-terminated) and *len are borrowed from
 * @p authority until the next call of this function on it or until it is freed.
 * Returns STUINFO_OK, STUINFO_ERR_INVALID_ARGUMENT or STUINFO_ERR_NOMEM.
 * @since 0.1
 */
stuinfo_status stuinfo_authority_to_json(stuinfo_authority *authority, const char **json,
                                         size_t *len);

/* ---- school ------------------------------------------------------------------------- */

/** Make an empty school record; as stuinfo_authority_new(). @since 0.1 */
stuinfo_status stuinfo_school_new(stuinfo_ctx *ctx, stuinfo_school **out);

/** Free a school record and its campuses, wiping their values. NULL is a no-op. @since 0.1 */
void stuinfo_school_free(stuinfo_school *school);

/** Set a stuinfo_school_field; as stuinfo_authority_set(). @since 0.1 */
stuinfo_status stuinfo_school_set(stuinfo_school *school, int32_t field, const char *text,
                                  size_t len, stuinfo_report *report);

/** Read a stuinfo_school_field; as stuinfo_authority_get(). @since 0.1 */
stuinfo_status stuinfo_school_get(const stuinfo_school *school, int32_t field,
                                  const char **text, size_t *len);

/**
 * Append an empty campus; its index goes to *index_out (may be NULL). Returns STUINFO_OK,
 * STUINFO_ERR_INVALID_ARGUMENT, STUINFO_ERR_TOO_LONG (already STUINFO_SCHOOL_MAX_CAMPUSES)
 * or STUINFO_ERR_NOMEM.
 * @since 0.1
 */
stuinfo_status stuinfo_school_campus_add(stuinfo_school *school, size_t *index_out);

/** Number of campuses; 0 for NULL. @since 0.1 */
size_t stuinfo_school_campus_count(const stuinfo_school *school);

/**
 * Set a stuinfo_campus_field of campus @p index; as stuinfo_authority_set(), plus
 * STUINFO_ERR_NOT_FOUND when there is no such campus.
 * @since 0.1
 */
stuinfo_status stuinfo_school_campus_set(stuinfo_school *school, size_t index, int32_t field,
                                         const char *text, size_t len,
                                         stuinfo_report *report);

/** Read a stuinfo_campus_field of campus @p index; STUINFO_ERR_NOT_FOUND when there is no
 *  such campus, otherwise as stuinfo_authority_get(). @since 0.1 */
stuinfo_status stuinfo_school_campus_get(const stuinfo_school *school, size_t index,
                                         int32_t field, const char **text, size_t *len);

/**
 * Check the school and each campus (findings at "school_id", "campuses[1].name", ...):
 * required fields, the 10-digit school identifier, region codes, code lists, campus
 * numbers unique. As stuinfo_authority_validate().
 * @since 0.1
 */
stuinfo_status stuinfo_school_validate(const stuinfo_school *school, stuinfo_report *report);

/** From JSON: field keys plus "campuses", an array of objects keyed by campus field keys;
 *  as stuinfo_authority_from_json(). @since 0.1 */
stuinfo_status stuinfo_school_from_json(stuinfo_ctx *ctx, const char *json, size_t len,
                                        stuinfo_report *report, stuinfo_school **out);

/** To JSON, the shape stuinfo_school_from_json() reads; as stuinfo_authority_to_json().
 *  @since 0.1 */
stuinfo_status stuinfo_school_to_json(stuinfo_school *school, const char **json,
                                      size_t *len);

/* ---- class -------------------------------------------------------------------------- */

/** Make an empty class record; as stuinfo_authority_new(). @since 0.1 */
stuinfo_status stuinfo_class_new(stuinfo_ctx *ctx, stuinfo_class **out);

/** Free a class record, wiping its values. NULL is a no-op. @since 0.1 */
void stuinfo_class_free(stuinfo_class *klass);

/**
 * Set a stuinfo_class_field; as stuinfo_authority_set(). The grade (年级) is stored as
 * stage + entry year + 级 ("小学2019级"); "2019级小学" and spaced forms are rewritten.
 * @since 0.1
 */
stuinfo_status stuinfo_class_set(stuinfo_class *klass, int32_t field, const char *text,
                                 size_t len, stuinfo_report *report);

/** Read a stuinfo_class_field; as stuinfo_authority_get(). @since 0.1 */
stuinfo_status stuinfo_class_get(const stuinfo_class *klass, int32_t field,
                                 const char **text, size_t *len);

/**
 * The class's grade as stage and entry year: *stage_out 1 小学, 2 初中, 3 高中 and
 * *year_out the entry year (either pointer may be NULL). Returns STUINFO_OK,
 * STUINFO_ERR_INVALID_ARGUMENT, STUINFO_ERR_NOT_FOUND (no grade set) or STUINFO_ERR_INVALID
 * (the grade is not in the stage + year form).
 * @since 0.1
 */
stuinfo_status stuinfo_class_grade(const stuinfo_class *klass, int32_t *stage_out,
                                   int32_t *year_out);

/**
 * Check the class: required fields, grade form, class type code and whether its stage
 * (1x 小学, 2x 初中, 4x 高中) agrees with the grade. As stuinfo_authority_validate().
 * @since 0.1
 */
stuinfo_status stuinfo_class_validate(const stuinfo_class *klass, stuinfo_report *report);

/** From JSON keyed by class field keys; as stuinfo_authority_from_json(). @since 0.1 */
stuinfo_status stuinfo_class_from_json(stuinfo_ctx *ctx, const char *json, size_t len,
                                       stuinfo_report *report, stuinfo_class **out);

/** To JSON; as stuinfo_authority_to_json(). @since 0.1 */
stuinfo_status stuinfo_class_to_json(stuinfo_class *klass, const char **json, size_t *len);

/* @@ENROLMENT@@ */

#if defined(__GNUC__) && !defined(STUINFO_CDEF)
#pragma GCC visibility pop
#endif
#ifdef __cplusplus
}
#endif
#endif /* STUINFO_SCHOOL_H */
