/*
 * GB18030 <-> UTF-8 through the ctx's one GB18030 converter, with ICU's STOP callbacks
 * (services.c installs them): a byte sequence that is not GB18030 is an error with its
 * offset, never a silent U+FFFD (notes/reliability.md §2.3, §5 #16).
 */
#ifndef TEXT_GB18030_H
#define TEXT_GB18030_H

#include <stddef.h>

#include "text.h"

/* Longest UTF-8 output for @p len bytes of GB18030 (two bytes give at most three). */
#define TEXT_GB18030_UTF8_MAX(len) ((len) / 2 * 3 + (len) % 2 + 4)

/*
 * Decode @p len bytes of GB18030 into dst[0..cap) as UTF-8 (not NUL-terminated): TEXT_OK
 * with *out_len. An undecodable or truncated sequence gives TEXT_INVALID_UTF8 (read: not
 * valid in the source encoding) with *bad_offset the offset of its first byte; a NUL byte
 * gives TEXT_NUL; TEXT_TOO_LONG if @p cap is too small.
 */
text_status text_gb18030_to_utf8(struct text_services *ts, const char *src, size_t len,
                                 char *dst, size_t cap, size_t *out_len,
                                 size_t *bad_offset);
/*
 * text_gb18030_to_utf8() decodes ASCII and two-byte codes through a table made from the
 * converter on first use (the same code points, byte for byte), and anything else by ICU
 * as this function does: every byte through the converter. For the tests that prove both
 * agree.
 */
text_status text_gb18030_to_utf8_icu(struct text_services *ts, const char *src, size_t len,
                                     char *dst, size_t cap, size_t *out_len,
                                     size_t *bad_offset);

/*
 * Encode valid UTF-8 @p src into GB18030 in dst[0..cap). GB18030 covers all of Unicode,
 * so only invalid input fails (TEXT_INVALID_UTF8); TEXT_TOO_LONG if @p cap is too small
 * (four bytes per code point always suffice).
 */
text_status text_utf8_to_gb18030(struct text_services *ts, const char *src, size_t len,
                                 char *dst, size_t cap, size_t *out_len);

#endif /* TEXT_GB18030_H */
