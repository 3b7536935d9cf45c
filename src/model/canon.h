/* Canonicalization of a value on set: the checks and rewrites of each field kind. */
#ifndef MODEL_CANON_H
#define MODEL_CANON_H

#include "student.h"

/*
 * Canonicalize text[0..len) for field @p d at @p path. On success *out is a new buffer
 * (core_alloc, *cap bytes, to be freed with core_free_wipe) holding the value, *out_len
 * its length (0: the value is empty). Notes and failures go to @p report (may be NULL);
 * the status is recorded on the ctx.
 */
stuinfo_status model_canon(stuinfo_ctx *ctx, const struct model_field_desc *d,
                           const char *path, const char *text, size_t len,
                           stuinfo_report *report, char **out, size_t *out_len,
                           size_t *cap);

/*
 * Resolve a code of a code-layer table or a local list given by code or by name.
 * Returns 1 and points *code at the static code when found; 0 when not found;
 * -1 when the table cannot be checked yet (code layer not present).
 */
int model_code_resolve(stuinfo_ctx *ctx, const struct model_field_desc *d,
                       const char *text, size_t len, const char **code);

#endif /* MODEL_CANON_H */
