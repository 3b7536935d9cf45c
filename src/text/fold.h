/* Canonicalization of field text: forbidden characters, width and case folding, trimming,
 * middle-dot variants. Code point properties come from ICU. */
#ifndef TEXT_FOLD_H
#define TEXT_FOLD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "text.h"

/*
 * The first control, bidi control or default-ignorable (zero-width, soft hyphen, BOM)
 * code point in valid UTF-8 text, or 0 when there is none; *offset is its byte offset.
 */
uint32_t text_find_forbidden(const char *s, size_t len, size_t *offset);

/* What text_fold() may do (in), and what it did (returned). */
enum text_fold_flags {
    TEXT_FOLD_TRIM = 1 << 0,        /* drop leading/trailing spaces (ASCII, U+3000, NBSP) */
    TEXT_FOLD_WIDTH = 1 << 1,       /* full-width ASCII letters, digits, signs to ASCII */
    TEXT_FOLD_UPPER = 1 << 2,       /* ASCII a-z to A-Z */
    TEXT_FOLD_DOTS = 1 << 3,        /* middle-dot variants (・ • ‧ ∙ ⋅ ･ ． .) to U+00B7 */
    TEXT_FOLD_NO_SPACES = 1 << 4,   /* drop every space, not only the outer ones */
    TEXT_FOLD_LOWER = 1 << 5,       /* ASCII A-Z to a-z */
};

/*
 * Fold valid UTF-8 s[0..len) into out (room for 2 * len + 1 bytes; NUL-terminated) as
 * @p flags say. Returns the flags of the changes actually made; *out_len gets the length.
 */
unsigned text_fold(const char *s, size_t len, unsigned flags, char *out, size_t *out_len);

/*
 * True if s[0..len) is "plain": printable ASCII (0x20-0x7E) and CJK ideographs
 * U+4000-U+9FFF (three-byte UTF-8 with lead byte E4-E9) only. Plain text is valid UTF-8
 * with nothing forbidden in it, and no character but its ASCII ones is a space, a dot
 * variant, full width or cased: text_fold_ascii() folds it. Most of a roster is plain.
 */
bool text_is_plain(const char *s, size_t len);

/*
 * text_fold() for plain text (text_is_plain(), printable ASCII included), without
 * decoding: the same output and the same returned flags, byte for byte. Bytes from 0x80
 * up are copied as they are. Any other input is undefined.
 */
unsigned text_fold_ascii(const char *s, size_t len, unsigned flags, char *out,
                         size_t *out_len);

#endif /* TEXT_FOLD_H */
