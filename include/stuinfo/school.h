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
#include "stuinfo/student.h"
#include "stuinfo/school_fields.h"
#include "stuinfo/enrolment_codes.h"
#include "stuinfo/workflow.h"

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
 * forbidden character); STUINFO_ERR_NOMEM (also when a note could not be added). On failure
 * the stored value is unchanged.
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
 * STUINFO_ERR_INVALID_ARGUMENT; STUINFO_ERR_NOMEM (a finding could not be added; the
 * report holds the findings added so far).
 * @since 0.1
 */
stuinfo_status stuinfo_authority_validate(const stuinfo_authority *authority,
                                          stuinfo_report *report);

/**
 * Make an authority record from a JSON object keyed by field keys (the lower-case enum
 * names: "code", "name", ...) with string values (numbers taken as their text, true/false
 * as 1/0, null as empty). Every value goes through stuinfo_authority_set(). Problems go to
 * @p report (may be NULL); the status is that of the first, but STUINFO_ERR_NOMEM (also
 * when a finding could not be added) comes before any other: STUINFO_ERR_PARSE (not JSON,
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

/* ---- enrolment lifecycle (学籍异动) ------------------------------------------------ */

/**
 * One student's enrolment history: the events that moved their status (enrol, suspend,
 * resume, transfer, promote, graduate, ...), each with date, actor, role and the fields
 * the event needs, kept in a hash-chained, append-only log. The transition table is data
 * (data/codes/enrolment/event.tsv). Opaque; stuinfo_enrolment_new(), freed by
 * stuinfo_enrolment_free(). One thread at a time (as its ctx).
 */
typedef struct stuinfo_enrolment stuinfo_enrolment;

/** Why the last event was refused (stuinfo_enrolment_last_refusal()). Values never change. */
typedef enum stuinfo_enrolment_refusal {
    STUINFO_ENROLMENT_REFUSAL_NONE = 0,
    /** The student is not enrolled yet: only enrol or transfer in may come first. */
    STUINFO_ENROLMENT_REFUSAL_NOT_ENROLLED = 1,
    /** Enrol or transfer in while already in school. */
    STUINFO_ENROLMENT_REFUSAL_ALREADY_ENROLLED = 2,
    /** Resume without a suspension (or drop-out) to resume from. */
    STUINFO_ENROLMENT_REFUSAL_NOT_SUSPENDED = 3,
    /** The student is suspended: graduate, promote, change class ... are not possible. */
    STUINFO_ENROLMENT_REFUSAL_SUSPENDED = 4,
    /** A terminal status (graduated, completed, withdrawn, expelled, deceased) was reached. */
    STUINFO_ENROLMENT_REFUSAL_TERMINAL = 5,
    /** The student has transferred out: only transfer in (or a death) may follow. */
    STUINFO_ENROLMENT_REFUSAL_TRANSFERRED_OUT = 6,
    /** The student has dropped out: only resume, withdraw or a death may follow. */
    STUINFO_ENROLMENT_REFUSAL_DROPPED_OUT = 7,
    /** A field the event needs is empty (the message names it). */
    STUINFO_ENROLMENT_REFUSAL_MISSING_FIELD = 8,
    /** The event is dated before the previous one. */
    STUINFO_ENROLMENT_REFUSAL_DATE_ORDER = 9,
    /** The suspension period ends before it starts. */
    STUINFO_ENROLMENT_REFUSAL_BAD_PERIOD = 10,
    /** No event was started, or the event code is unknown. */
    STUINFO_ENROLMENT_REFUSAL_NO_EVENT = 11,
    /** A date or school identifier of the event is not in its form. */
    STUINFO_ENROLMENT_REFUSAL_BAD_VALUE = 12
} stuinfo_enrolment_refusal;

/**
 * Make an empty history (status STUINFO_ENROLMENT_NONE) hashed with plain SHA-256.
 * Returns STUINFO_OK (*out set), STUINFO_ERR_INVALID_ARGUMENT or STUINFO_ERR_NOMEM.
 * @since 0.1
 */
stuinfo_status stuinfo_enrolment_new(stuinfo_ctx *ctx, stuinfo_enrolment **out);

/**
 * Make an empty history whose entries are chained with HMAC-SHA-256 under @p key
 * (1 to 64 bytes, copied and wiped on free), so that only holders of the key can forge
 * a consistent history. As stuinfo_enrolment_new().
 * @since 0.1
 */
stuinfo_status stuinfo_enrolment_new_keyed(stuinfo_ctx *ctx, const uint8_t *key,
                                           size_t key_len, stuinfo_enrolment **out);

/** Free a history, wiping every entry. NULL is a no-op. @since 0.1 */
void stuinfo_enrolment_free(stuinfo_enrolment *enrolment);

/**
 * Start a new event @p event (a stuinfo_enrolment_event), discarding one started before
 * and not committed. Returns STUINFO_OK or STUINFO_ERR_INVALID_ARGUMENT (unknown event).
 * @since 0.1
 */
stuinfo_status stuinfo_enrolment_begin(stuinfo_enrolment *enrolment, int32_t event);

/**
 * Set field @p field (a stuinfo_event_field) of the started event; canonicalized as
 * the record setters do (dates to YYYY-MM-DD, grades to 小学2019级), notes in @p report
 * (may be NULL). Returns STUINFO_OK, STUINFO_ERR_STATE (no event started),
 * STUINFO_ERR_INVALID_ARGUMENT, STUINFO_ERR_ENCODING, STUINFO_ERR_TOO_LONG,
 * STUINFO_ERR_INVALID or STUINFO_ERR_NOMEM.
 * @since 0.1
 */
stuinfo_status stuinfo_enrolment_set(stuinfo_enrolment *enrolment, int32_t field,
                                     const char *text, size_t len, stuinfo_report *report);

/**
 * Check the started event against the transition table and its required fields and, if
 * it is possible, append it to the history (one chained entry) and move the status.
 * Refusals leave the history and the started event unchanged (fix a field and commit
 * again); stuinfo_enrolment_last_refusal() says why:
 * STUINFO_ERR_LOCKED_GRADUATED (any event but report after graduation),
 * STUINFO_ERR_STATE (the event cannot follow the current status: NOT_ENROLLED,
 * ALREADY_ENROLLED, NOT_SUSPENDED, SUSPENDED, TERMINAL, TRANSFERRED_OUT, DROPPED_OUT,
 * NO_EVENT), STUINFO_ERR_INVALID (MISSING_FIELD, BAD_VALUE, DATE_ORDER, BAD_PERIOD),
 * STUINFO_ERR_INVALID_ARGUMENT, STUINFO_ERR_NOMEM. Returns STUINFO_OK on success.
 * @since 0.1
 */
stuinfo_status stuinfo_enrolment_commit(stuinfo_enrolment *enrolment);

/**
 * Whether event @p event could follow the current status (the transition table only; no
 * fields are checked and nothing changes). Returns STUINFO_OK or the status and refusal
 * stuinfo_enrolment_commit() would give, except for an unknown @p event:
 * STUINFO_ERR_INVALID_ARGUMENT with refusal NO_EVENT (commit, with no event started,
 * gives STUINFO_ERR_STATE).
 * @since 0.1
 */
stuinfo_status stuinfo_enrolment_can(stuinfo_enrolment *enrolment, int32_t event);

/** The refusal of the last commit or can call (a stuinfo_enrolment_refusal); 0 for
 *  none or a NULL handle. @since 0.1 */
int32_t stuinfo_enrolment_last_refusal(const stuinfo_enrolment *enrolment);

/** The current status (a stuinfo_enrolment_status); STUINFO_ENROLMENT_NONE for NULL.
 *  @since 0.1 */
int32_t stuinfo_enrolment_status_of(const stuinfo_enrolment *enrolment);

/** 1 when the student has graduated (status STUINFO_ENROLMENT_GRADUATED), else 0. This is
 *  what the change-request policy reads as "graduated". @since 0.1 */
int32_t stuinfo_enrolment_is_graduated(const stuinfo_enrolment *enrolment);

/** 1 when the history holds a report event (上报教育部), else 0. This is what the
 *  change-request policy reads as "reported to the Ministry". @since 0.1 */
int32_t stuinfo_enrolment_is_reported(const stuinfo_enrolment *enrolment);

/**
 * The lifecycle facts a change request is checked with (stuinfo_request_new(), _act(),
 * _apply() and the edit calls), read from the history so that hosts never pass them by
 * hand: @p facts is initialised (stuinfo_cr_facts_init()) and then gets graduated
 * (stuinfo_enrolment_is_graduated()), reported (stuinfo_enrolment_is_reported()) and
 * enrolled_at, 00:00 Beijing time of the date of the latest enrol event (0 when there is
 * none), which the first-semester correction limit counts from. Returns STUINFO_OK or
 * STUINFO_ERR_INVALID_ARGUMENT.
 * @since 0.1
 */
stuinfo_status stuinfo_enrolment_cr_facts(const stuinfo_enrolment *enrolment,
                                          stuinfo_cr_facts *facts);

/** Number of entries in the history; 0 for NULL. @since 0.1 */
size_t stuinfo_enrolment_count(const stuinfo_enrolment *enrolment);

/**
 * Entry @p index: its event (stuinfo_enrolment_event) and the status after it; either
 * pointer may be NULL. Returns STUINFO_OK, STUINFO_ERR_INVALID_ARGUMENT or
 * STUINFO_ERR_NOT_FOUND (no such entry).
 * @since 0.1
 */
stuinfo_status stuinfo_enrolment_entry(const stuinfo_enrolment *enrolment, size_t index,
                                       int32_t *event_out, int32_t *status_out);

/**
 * Field @p field of entry @p index: *text (NULL when empty) and *len (may be NULL) are
 * borrowed from @p enrolment until it is freed. Returns STUINFO_OK,
 * STUINFO_ERR_INVALID_ARGUMENT or STUINFO_ERR_NOT_FOUND.
 * @since 0.1
 */
stuinfo_status stuinfo_enrolment_entry_get(const stuinfo_enrolment *enrolment, size_t index,
                                           int32_t field, const char **text, size_t *len);

/**
 * The latest non-empty value of @p field over the history (the current class number,
 * grade or school identifier, say); *text NULL when no entry has one. Borrowed as
 * stuinfo_enrolment_entry_get(). Returns STUINFO_OK or STUINFO_ERR_INVALID_ARGUMENT.
 * @since 0.1
 */
stuinfo_status stuinfo_enrolment_latest(const stuinfo_enrolment *enrolment, int32_t field,
                                        const char **text, size_t *len);

/**
 * Recompute the hash chain of the history. With @p expected_head (64 hex digits kept by
 * the host outside the history; NULL to skip) the head must also equal it. Returns
 * STUINFO_OK, STUINFO_ERR_TAMPERED (with *bad_index, may be NULL, the first bad entry, or
 * the entry count when only the head differs), STUINFO_ERR_INVALID_ARGUMENT.
 * @since 0.1
 */
stuinfo_status stuinfo_enrolment_verify(stuinfo_enrolment *enrolment,
                                        const char *expected_head, size_t head_len,
                                        size_t *bad_index);

/** The head hash as 64 lower-case hex digits (all zeros when empty), borrowed from
 *  @p enrolment until its next change; NULL for NULL. @since 0.1 */
const char *stuinfo_enrolment_head(stuinfo_enrolment *enrolment);

/**
 * The history as JSON: {"status": key, "head": hex, "entries": [{"event": key,
 * "status": key, field keys..., "prev": hex, "hash": hex}, ...]}. Borrowed as
 * stuinfo_authority_to_json(). Returns STUINFO_OK, STUINFO_ERR_INVALID_ARGUMENT or
 * STUINFO_ERR_NOMEM.
 * @since 0.1
 */
stuinfo_status stuinfo_enrolment_to_json(stuinfo_enrolment *enrolment, const char **json,
                                         size_t *len);

/**
 * Read a history written by stuinfo_enrolment_to_json() (plain SHA-256; for a keyed one
 * use stuinfo_enrolment_from_json_keyed()). Entries are loaded with their stored hashes
 * and then checked: STUINFO_ERR_TAMPERED when a link or the stored head does not verify
 * or the events do not replay through the transition table; STUINFO_ERR_PARSE,
 * STUINFO_ERR_NOT_FOUND (unknown key or event), STUINFO_ERR_TOO_LONG,
 * STUINFO_ERR_ENCODING, STUINFO_ERR_INVALID_ARGUMENT, STUINFO_ERR_NOMEM; findings in
 * @p report (may be NULL); *out NULL after a failure.
 * @since 0.1
 */
stuinfo_status stuinfo_enrolment_from_json(stuinfo_ctx *ctx, const char *json, size_t len,
                                           stuinfo_report *report, stuinfo_enrolment **out);

/** As stuinfo_enrolment_from_json() for a history chained under @p key. @since 0.1 */
stuinfo_status stuinfo_enrolment_from_json_keyed(stuinfo_ctx *ctx, const uint8_t *key,
                                                 size_t key_len, const char *json,
                                                 size_t len, stuinfo_report *report,
                                                 stuinfo_enrolment **out);

/** Key of a status ("in_school"), static; NULL when unknown. @since 0.1 */
const char *stuinfo_enrolment_status_key(int32_t status);
/** Key of an event ("suspend"), static; NULL when unknown. @since 0.1 */
const char *stuinfo_enrolment_event_key(int32_t event);
/** Chinese name of an event ("休学"), static; NULL when unknown. @since 0.1 */
const char *stuinfo_enrolment_event_name(int32_t event);

/* ---- links ------------------------------------------------------------------------ */

/**
 * Check that the records a student is linked through agree: the school's region lies in
 * its authority's and its authority codes name it; the class's school identifier and
 * campus are the school's; the student's class, 年级, school identifier, 入学年月 (the
 * grade's entry year) and age at entry (usual for the grade's stage) fit the class; the
 * letter of the 全国学籍号 fits the student's identity documents (G: own resident ID
 * number, J: no ID number, L: temporary) with the school's region and the birth date in
 * J/L numbers; the latest class and school of @p enrolment are these, and a student who
 * left is in no class. Any record may be NULL (its checks are skipped). Findings
 * school.link_* go to @p report, whose ctx every record must share.
 * Returns STUINFO_OK whatever was found, STUINFO_ERR_INVALID_ARGUMENT or STUINFO_ERR_NOMEM
 * (a finding could not be added; the report holds the findings added so far).
 * @since 0.1
 */
stuinfo_status stuinfo_school_check_links(const stuinfo_authority *authority,
                                          const stuinfo_school *school,
                                          const stuinfo_class *klass,
                                          const stuinfo_student *student,
                                          const stuinfo_enrolment *enrolment,
                                          stuinfo_report *report);

#if defined(__GNUC__) && !defined(STUINFO_CDEF)
#pragma GCC visibility pop
#endif
#ifdef __cplusplus
}
#endif
#endif /* STUINFO_SCHOOL_H */
