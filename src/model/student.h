/*
 * Internal API of the student record, for the roster, workflow and school layers and for
 * white-box tests: the record layout, field descriptors, paths and the one setter every
 * public setter goes through.
 */
#ifndef MODEL_STUDENT_H
#define MODEL_STUDENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "stuinfo/student.h"
#include "core/core.h"
#include "model/fields_table.h"

/* Which part of the record a field belongs to. */
typedef enum model_group {
    MODEL_GROUP_STUDENT = 0,
    MODEL_GROUP_FAMILY = 1,
    MODEL_GROUP_HISTORY = 2
} model_group;

/* A stored value: canonical UTF-8, NUL-terminated; text NULL when empty. */
struct model_value {
    char *text;
    uint32_t len;
};

struct model_family {
    struct model_value v[MODEL_FAMILY_FIELD_COUNT + 1];
};

struct model_history {
    struct model_value v[MODEL_HISTORY_FIELD_COUNT + 1];
};

struct stuinfo_student {
    stuinfo_ctx *ctx;
    uint64_t version;
    struct model_value v[MODEL_STUDENT_FIELD_COUNT + 1];
    struct model_family *family[STUINFO_STUDENT_MAX_FAMILY];
    size_t family_count;
    struct model_history *history[STUINFO_STUDENT_MAX_HISTORY];
    size_t history_count;
    struct model_value name_key;    /* comparison key of v[STUINFO_FIELD_NAME] */
    bool pinyin_generated;          /* name_pinyin was made from the name, not set */
    char *json;                     /* last stuinfo_student_to_json() text, wiped on free */
    size_t json_len;
    /* Values are packed here (MODEL_ARENA_SIZE bytes, allocated with the first value)
     * while there is room: a roster row fits. The rest are allocated one by one. Never
     * grows; a value is wiped when replaced, its space not reused until
     * model_student_reset(). Owned by the record: a struct copy moves it along. */
    char *arena;
    uint32_t arena_used;
};

/* Bytes of values packed into one allocation per record. */
#define MODEL_ARENA_SIZE 512

/* Longest field path, "history[63].witness" and the like, with its NUL. */
#define MODEL_PATH_MAX 48

/* Descriptor table and field count of a group. */
const struct model_field_desc *model_group_fields(model_group group, int32_t *count);
/* Descriptor of one field; NULL when @p field is out of range. */
const struct model_field_desc *model_field_desc(model_group group, int32_t field);
/* Field id of @p key (len bytes) in @p group; 0 when unknown. */
int32_t model_field_by_key(model_group group, const char *key, size_t len);

/*
 * Parse "key", "family[i].key" or "history[i].key" (ASCII, @p len bytes). Returns true
 * and fills the outputs on success; the index is not checked against the record.
 */
bool model_path_parse(const char *path, size_t len, model_group *group, size_t *index,
                      int32_t *field);
/* Write the path of a value into buf (MODEL_PATH_MAX bytes); returns buf. */
char *model_path_format(char *buf, model_group group, size_t index, int32_t field);

/* The stored value of a field, or NULL (and *len 0) when empty or out of range. */
const struct model_value *model_value(const stuinfo_student *st, model_group group,
                                      size_t index, int32_t field);
/* Shorthand for a student field: text or NULL; *len may be NULL. */
const char *model_get(const stuinfo_student *st, int32_t field, size_t *len);

/*
 * The setter every public one uses: checks, canonicalizes (notes into @p report, may be
 * NULL), stores, bumps the version. Records the status on the ctx.
 */
stuinfo_status model_set(stuinfo_student *st, model_group group, size_t index,
                         int32_t field, const char *text, size_t len,
                         stuinfo_report *report);

/* Replace a value of @p st with an already canonical copy of text[0..len) (no checks, no
 * notes). */
stuinfo_status model_store(stuinfo_student *st, struct model_value *v, const char *text,
                           size_t len);
/* Wipe and free a value that model_store() made for @p st. */
void model_student_value_clear(stuinfo_student *st, struct model_value *v);
/* Wipe and free a value allocated on its own (core_strndup), not one of a student. */
void model_value_clear(stuinfo_ctx *ctx, struct model_value *v);

/*
 * Make @p st a new, empty record again (version 0) without releasing it: every value,
 * entry and text it held is wiped and freed, as stuinfo_student_free() does. For the
 * roster reader, which fills one record per row.
 */
void model_student_reset(stuinfo_student *st);

#endif /* MODEL_STUDENT_H */
