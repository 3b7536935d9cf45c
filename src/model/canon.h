/* Canonicalization of a value on set: the checks and rewrites of each field kind. */
#ifndef MODEL_CANON_H
#define MODEL_CANON_H

#include "student.h"

/*
 * Canonicalize text[0..len) for field @p d at @p path. On success *out is a new buffer
 * (core_alloc, *cap bytes, to be freed with core_free_wipe) holding the value, *out_len
 * its length (0: the value is empty). Notes and failures go to @p report (may be NULL);
 * the status is recorded on the ctx. STUINFO_ERR_NOMEM also when a note or failure
 * could not be added to @p report (the findings added before stay there).
 */
stuinfo_status model_canon(stuinfo_ctx *ctx, const struct model_field_desc *d,
                           const char *path, const char *text, size_t len,
                           stuinfo_report *report, char **out, size_t *out_len,
                           size_t *cap);

/* A field path, formatted only when a finding or a failure names it. */
struct model_path_ref {
    const char *text;           /* the path; NULL until model_path_ref_text() makes it */
    model_group group;
    size_t index;
    int32_t field;
    char buf[MODEL_PATH_MAX];
};
/* The text of @p p, formatting it on first use. */
const char *model_path_ref_text(struct model_path_ref *p);

/*
 * model_canon() for the setters: the path is made only if needed, and the value goes
 * into @p local (@p local_cap bytes) when *cap, the room it needs, fits: then *out is
 * @p local and the caller wipes *cap bytes of it; otherwise *out is allocated as above.
 */
stuinfo_status model_canon_buf(stuinfo_ctx *ctx, const struct model_field_desc *d,
                               struct model_path_ref *path, const char *text, size_t len,
                               stuinfo_report *report, char *local, size_t local_cap,
                               char **out, size_t *out_len, size_t *cap);

/*
 * model_canon() without the plain-text fast path: every input decoded, checked and
 * folded by the general code. For the tests that prove both paths agree.
 */
stuinfo_status model_canon_general(stuinfo_ctx *ctx, const struct model_field_desc *d,
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

/* The STUINFO_TABLE_x of an enum model_code_table value; 0 for none. */
int model_code_table_id(int code_table);

/*
 * True (1) if text[0..len) is exactly a stored code of the field's table or list; the
 * code's stuinfo_code_flag bits go to *flags (STUINFO_CODE_REGISTRY for local lists).
 * Never allocates, never calls ICU.
 */
int model_code_check(const struct model_field_desc *d, const char *text, size_t len,
                     uint32_t *flags);

/* Name of the GB/T 2260 region with six-digit code @p code6, or NULL; *retired is set. */
const char *model_region_check(const char *code6, bool *retired);

/* A region given by name ("北京市海淀区") to its six-digit code; 1 found, 0 not. */
int model_region_resolve(stuinfo_ctx *ctx, const char *text, size_t len, const char **code);

#endif /* MODEL_CANON_H */
