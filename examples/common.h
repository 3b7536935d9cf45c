/*
 * The start the record examples share: a context with English messages, and a student
 * record read from a JSON file. Header-only (static inline), so that each example still
 * builds alone from its directory:
 *
 *   cc change_request.c $(pkg-config --cflags --libs stuinfo)
 */
#ifndef EXAMPLES_COMMON_H
#define EXAMPLES_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <stuinfo.h>

/* The file at @p path, NUL-terminated, its length in *len; NULL if it cannot be read.
 * Free it with free(). */
static inline char *
example_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    long n;

    if (!f)
        return NULL;
    if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
        (buf = malloc((size_t)n + 1)) != NULL) {
        *len = fread(buf, 1, (size_t)n, f);
        buf[*len] = '\0';
    }
    fclose(f);
    return buf;
}

/* A context with English messages; its clock pinned at @p fixed_now (seconds since the
 * epoch, UTC) when that is not 0, so the output is the same every day. NULL if it cannot
 * be made. Free it with stuinfo_ctx_free(), after everything made from it. */
static inline stuinfo_ctx *
example_ctx_new(int64_t fixed_now)
{
    stuinfo_ctx *ctx = NULL;

    if (stuinfo_ctx_new(NULL, &ctx) != STUINFO_OK)     /* NULL: default options */
        return NULL;
    stuinfo_ctx_set_lang(ctx, STUINFO_LANG_EN);
    if (fixed_now != 0)
        stuinfo_ctx_set_fixed_time(ctx, fixed_now);
    return ctx;
}

/*
 * A student record from the JSON file at @p path (or from the text @p fallback when
 * @p path is NULL) into *out. Reading canonicalizes each value (names of codes become
 * codes, dates YYYY-MM-DD) and notes every change in @p report (may be NULL). Says why on
 * a failure: STUINFO_ERR_IO (the file), or the library's status (the JSON or a value).
 */
static inline stuinfo_status
example_student_load(stuinfo_ctx *ctx, const char *path, const char *fallback,
                     stuinfo_report *report, stuinfo_student **out)
{
    char *json = NULL;
    size_t len = fallback ? strlen(fallback) : 0;
    stuinfo_status st;

    *out = NULL;
    if (path && !(json = example_read_file(path, &len))) {
        perror(path);
        return STUINFO_ERR_IO;
    }
    st = stuinfo_student_from_json(ctx, json ? json : fallback, len, report, out);
    if (st != STUINFO_OK)
        printf("cannot read the record: %s\n", stuinfo_ctx_last_message(ctx));
    free(json);                 /* the record keeps copies of its values */
    return st;
}

#endif /* EXAMPLES_COMMON_H */
