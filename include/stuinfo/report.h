/*
 * libstuinfo reports: the findings of a validation, each with a severity, a stable rule
 * id, a field path and a message in the context's language.
 */
#ifndef STUINFO_REPORT_H
#define STUINFO_REPORT_H

#ifndef STUINFO_CDEF
#include <stddef.h>
#include <stdint.h>
#endif
#include "stuinfo/core.h"

#ifdef __cplusplus
extern "C" {
#endif
#if defined(__GNUC__) && !defined(STUINFO_CDEF)
#pragma GCC visibility push(default)
#endif

/** How serious a finding is. Values never change. */
typedef enum stuinfo_severity {
    /** Something was canonicalized (e.g. full-width digits folded); the value is fine. */
    STUINFO_SEVERITY_NOTE = 1,
    /** Doubtful but acceptable; a person should look. */
    STUINFO_SEVERITY_WARNING = 2,
    /** The value or record is wrong and must be corrected. */
    STUINFO_SEVERITY_ERROR = 3
} stuinfo_severity;

/** A list of findings. Opaque; made from a ctx, freed with stuinfo_report_free(). */
typedef struct stuinfo_report stuinfo_report;

/** One finding, written by stuinfo_report_get() into memory the caller owns. */
typedef struct stuinfo_finding {
    uint32_t size;              /* set to sizeof(stuinfo_finding) before the call */
    int32_t severity;           /* a stuinfo_severity */
    int64_t row;                /* 1-based data row of a roster, 0 when not from a roster */
    const char *rule;           /* stable rule id, e.g. "idnum.check_char" (data/rules/) */
    const char *field;          /* field path, e.g. "family[1].phone"; "" if none */
    const char *message;        /* in the ctx language; never holds the personal data */
} stuinfo_finding;

/**
 * Make an empty report. Returns STUINFO_OK, STUINFO_ERR_INVALID_ARGUMENT or
 * STUINFO_ERR_NOMEM; *out is NULL after a failure.
 * @since 0.1
 */
stuinfo_status stuinfo_report_new(stuinfo_ctx *ctx, stuinfo_report **out);

/** Free a report (NULL is a no-op). @since 0.1 */
void stuinfo_report_free(stuinfo_report *report);

/**
 * Remove every finding (wiped); the report can be reused. Returns STUINFO_OK, or
 * STUINFO_ERR_INVALID_ARGUMENT if @p report is NULL.
 * @since 0.1
 */
stuinfo_status stuinfo_report_clear(stuinfo_report *report);

/** Number of findings; 0 if @p report is NULL. @since 0.1 */
size_t stuinfo_report_count(const stuinfo_report *report);

/**
 * Number of findings of @p severity (a stuinfo_severity); 0 if @p report is NULL.
 * @since 0.1
 */
size_t stuinfo_report_count_severity(const stuinfo_report *report, int32_t severity);

/**
 * Copy finding @p index (0-based, in the order found) into @p out; set out->size first.
 * The strings are borrowed from the report: valid until it is cleared, changed or freed.
 * Returns STUINFO_OK, STUINFO_ERR_INVALID_ARGUMENT (NULL, or out->size too small) or
 * STUINFO_ERR_NOT_FOUND (index past the end).
 * @since 0.1
 */
stuinfo_status stuinfo_report_get(const stuinfo_report *report, size_t index,
                                  stuinfo_finding *out);

/**
 * The report as a JSON array of {"row", "field", "rule", "severity", "message"} objects,
 * severity written as "error" | "warning" | "note"; "row" only when non-zero.
 * @p json (NUL-terminated) and @p len are borrowed from the report until it changes or is
 * freed. Returns STUINFO_OK, STUINFO_ERR_INVALID_ARGUMENT or STUINFO_ERR_NOMEM.
 * @since 0.1
 */
stuinfo_status stuinfo_report_to_json(stuinfo_report *report, const char **json,
                                      size_t *len);

/** "error", "warning", "note", or "unknown"; static. @since 0.1 */
const char *stuinfo_severity_str(int32_t severity);

#if defined(__GNUC__) && !defined(STUINFO_CDEF)
#pragma GCC visibility pop
#endif
#ifdef __cplusplus
}
#endif
#endif /* STUINFO_REPORT_H */
