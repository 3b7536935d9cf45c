/* JSON helpers shared by the policy and request serialisers of the workflow layer. */
#ifndef WORKFLOW_JSON_H
#define WORKFLOW_JSON_H

#include <jansson.h>

#include "workflow/workflow.h"

/* The prologue of every from_json: check the arguments (@p have_out: the caller gave an
 * out pointer), then parse @p json as an object: size limit, UTF-8, syntax (no duplicate
 * keys). NULL with the status recorded in *status on failure. */
json_t *workflow_json_parse(stuinfo_ctx *ctx, const char *json, size_t len, bool have_out,
                            stuinfo_status *status);
/* Dump @p root (consumed) into *buf / *len, replacing the old text there (wiped). */
stuinfo_status workflow_json_keep(stuinfo_ctx *ctx, json_t *root, char **buf, size_t *len);
/* True if every member of @p obj is one of @p keys (NULL-terminated). */
bool workflow_json_only(json_t *obj, const char *const *keys);
/* Record STUINFO_ERR_PARSE naming member @p name; returns it. */
stuinfo_status workflow_json_bad(stuinfo_ctx *ctx, const char *name);
/* Record STUINFO_ERR_PARSE for an unknown member inside object @p name; returns it. */
stuinfo_status workflow_json_unknown(stuinfo_ctx *ctx, const char *name);
/* A string member (NULL if absent or not a string). */
json_t *workflow_json_string(json_t *obj, const char *key);
/* A non-negative integer member: false if absent, not an integer or negative. */
bool workflow_json_uint(json_t *obj, const char *key, int64_t *out);
/* The index of string member @p key in @p keys[0..max] (-1 if absent or unknown). */
int32_t workflow_json_key(json_t *obj, const char *key, const char *const *keys,
                          int32_t max);
/* A json string of text[0..len), or json null when text is NULL. NULL on NOMEM. */
json_t *workflow_json_text(const char *text, size_t len);

#endif /* WORKFLOW_JSON_H */
