/*
 * Folding what people type into a lookup key: the same rules as tools/gen_codes.py
 * applies to the names of the code tables.
 */
#ifndef TEXT_NAMEFOLD_H
#define TEXT_NAMEFOLD_H

#include <stdbool.h>
#include <stddef.h>

#include "text.h"

enum text_namefold_flags {
    TEXT_FOLD_TRAD_TO_SIMP = 1,     /* traditional Han characters to simplified first */
    TEXT_FOLD_FORCE_ICU = 2,        /* skip the fast path (tests compare both paths) */
};

/* Longest input text_namefold accepts, in bytes. */
enum { TEXT_NAMEFOLD_MAX_INPUT = 256 };

/*
 * Fold @p s (@p len bytes of valid UTF-8, checked by the caller) into out[0..cap):
 * NFKC with full case folding (full-width letters and digits become ASCII, capitals
 * become small), then every white-space character removed; with
 * TEXT_FOLD_TRAD_TO_SIMP, 漢族 becomes 汉族. Text made of ASCII and CJK unified
 * ideographs only takes a fast path without ICU (and without the traditional step).
 * The result is not NUL-terminated; *out_len is its length.
 * *used_icu (may be NULL) tells whether ICU did the work, i.e. the text had
 * characters other than ASCII and common ideographs, or TRAD_TO_SIMP applied.
 * Returns TEXT_OK, TEXT_TOO_LONG (input or result does not fit) or TEXT_ICU_ERROR.
 * Never allocates; one text_services per thread.
 */
text_status text_namefold(text_services *ts, const char *s, size_t len, unsigned flags,
                          char *out, size_t cap, size_t *out_len, bool *used_icu);

#endif /* TEXT_NAMEFOLD_H */
