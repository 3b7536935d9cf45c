/*
 * Internal API of the authority, school, campus and class records (issue 10): one generic
 * record of canonical values described by a generated descriptor table, and the helpers
 * every record type shares (set, get, field checks, JSON).
 */
#ifndef SCHOOL_RECORD_H
#define SCHOOL_RECORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "stuinfo/school.h"
#include "core/core.h"
#include "model/student.h"
#include "school/school_fields_table.h"

/* Most fields of any record type; the generated counts are checked against it. */
#define SCHOOL_MAX_FIELDS 32
/* Longest path of a value: "campuses[31].urban_rural_code" and the like, with its NUL. */
#define SCHOOL_PATH_MAX 64

struct school_record {
    stuinfo_ctx *ctx;
    const struct school_field_desc *fields;     /* indexed by field id, entry 0 unused */
    int32_t count;
    struct model_value v[SCHOOL_MAX_FIELDS + 1];
    char *json;                                 /* last to_json text, wiped on free */
    size_t json_len;
};

struct stuinfo_authority {
    struct school_record r;
};

struct stuinfo_school {
    struct school_record r;
    struct school_record *campus[STUINFO_SCHOOL_MAX_CAMPUSES];
    size_t campus_count;
};

struct stuinfo_class {
    struct school_record r;
};

/* Record types and their tables. */
enum school_record_type {
    SCHOOL_REC_AUTHORITY,
    SCHOOL_REC_SCHOOL,
    SCHOOL_REC_CAMPUS,
    SCHOOL_REC_CLASS,
    SCHOOL_REC_EVENT
};

void school_record_init(struct school_record *r, stuinfo_ctx *ctx, int type);
/* Wipe and free every value and the JSON text; the record stays usable (empty). */
void school_record_clear(struct school_record *r);
/* Descriptor of @p field, NULL when out of range. */
const struct school_field_desc *school_record_desc(const struct school_record *r,
                                                   int32_t field);
/* Field id of a key, 0 when unknown. */
int32_t school_record_field_by_key(const struct school_record *r, const char *key,
                                   size_t len);
/* "prefix" + key into buf (SCHOOL_PATH_MAX bytes); returns buf. */
char *school_path(char *buf, const char *prefix, const char *key);
/* The path of the record a prefix belongs to: "campuses[1]." -> "campuses[1]", NULL -> ""
 * (the root), into buf (SCHOOL_PATH_MAX bytes); returns buf. */
char *school_place(char *buf, const char *prefix);
/* "campuses[i]." into buf (SCHOOL_PATH_MAX bytes); returns buf. */
char *school_campus_prefix(char *buf, size_t index);

/* Canonicalize and store; status recorded on the ctx. */
stuinfo_status school_record_set(struct school_record *r, const char *prefix, int32_t field,
                                 const char *text, size_t len, stuinfo_report *report);
stuinfo_status school_record_get(const struct school_record *r, int32_t field,
                                 const char **text, size_t *len);
/* Stored text of a field or NULL. */
const char *school_value(const struct school_record *r, int32_t field);

/* Field rules of every value (required, formats, lists, regions); findings at prefix+key,
 * a finding that could not be added leaves STUINFO_ERR_NOMEM in *first. */
void school_record_check(const struct school_record *r, const char *prefix,
                         stuinfo_report *report, stuinfo_status *first);

/* ---- the public handles' shared bodies (handle.c) ---- */

/* A zeroed handle of @p size bytes whose first member is a record of @p type, into
 * *handle; @p have_out says whether the caller's out pointer was given. */
stuinfo_status school_handle_new(stuinfo_ctx *ctx, size_t size, int type, bool have_out,
                                 void **handle);
/* Clear and free the handle @p r is the first member of (NULL does nothing). */
void school_handle_free(struct school_record *r);
/* set/get of a top-level field; @p r NULL (a NULL handle) is INVALID_ARGUMENT. */
stuinfo_status school_handle_set(struct school_record *r, int32_t field, const char *text,
                                 size_t len, stuinfo_report *report);
stuinfo_status school_handle_get(const struct school_record *r, int32_t field,
                                 const char **text, size_t *len);
/* The arguments of validate: a handle and a report of the same ctx. */
stuinfo_status school_handle_validate_args(const struct school_record *r,
                                           const stuinfo_report *report);
/* The arguments of from_json checked, then the text parsed (see school_json_parse). */
json_t *school_handle_parse(stuinfo_ctx *ctx, const char *json, size_t len,
                            stuinfo_report *report, bool have_out, stuinfo_status *status);
/* The outputs of to_json reset and its arguments checked. */
stuinfo_status school_handle_json_args(const struct school_record *r, const char **json,
                                       size_t *len);

/* ---- code lists and grades (canon.c) ---- */

/* Canonicalize a value of field @p d (see model_canon), adding list and grade rewrites. */
stuinfo_status school_canon(stuinfo_ctx *ctx, const struct school_field_desc *d,
                            const char *path, const char *text, size_t len,
                            stuinfo_report *report, char **out, size_t *out_len,
                            size_t *cap);
/* The entry of @p code in list @p list, or NULL. */
const struct school_list_entry *school_list_find(int list, const char *code, size_t len);
/* Parse a canonical grade "小学2019级": stage 1 小学, 2 初中, 3 高中; false if not one. */
bool school_grade_parse(const char *text, size_t len, int32_t *stage, int32_t *year);

/* ---- JSON (json.c) ---- */

/* Set fields of @p r from object @p obj; keys unknown to @p r and not in @p skip are errors. */
void school_json_fill(struct school_record *r, const char *prefix, json_t *obj,
                      const char *skip, stuinfo_report *report, stuinfo_status *first);
/* The record's non-empty values as a new object; NULL on allocation failure. */
json_t *school_json_object(const struct school_record *r);
/* Parse @p json into an object (checks size and form); NULL with *status set on failure. */
json_t *school_json_parse(stuinfo_ctx *ctx, const char *json, size_t len,
                          stuinfo_report *report, stuinfo_status *status);
/* Dump @p obj (consumed) into r->json (ctx memory, the previous text wiped). */
stuinfo_status school_json_keep(struct school_record *r, json_t *obj, const char **json,
                                size_t *len);
/* The first failure wins, but running out of memory beats any other (as in model). */
void school_keep(stuinfo_status *first, stuinfo_status st);
/* Add a finding when @p report is not NULL; the path is also the first argument. A finding
 * the report cannot take leaves STUINFO_ERR_NOMEM in *first (school_keep): no finding is
 * ever dropped silently. */
void school_finding(stuinfo_report *report, stuinfo_status *first, rule_id rule,
                    const char *path, const char *arg2);
/* The end of a call that gathered @p first: recorded on the ctx and returned. */
stuinfo_status school_result(stuinfo_ctx *ctx, stuinfo_status first);

#endif /* SCHOOL_RECORD_H */
