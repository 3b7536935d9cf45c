/* NFKC of short texts into caller buffers, without allocating (ID numbers, codes). */
#ifndef TEXT_NFKC_H
#define TEXT_NFKC_H

#include <stddef.h>

#include "text.h"

/* Longest input text_nfkc_small() takes, in bytes. */
#define TEXT_NFKC_SMALL_MAX 256

/*
 * NFKC of valid UTF-8 @p in (@p len <= TEXT_NFKC_SMALL_MAX bytes) into @p out
 * (@p cap bytes, NUL-terminated); *out_len gets the length. Works on the stack only.
 * TEXT_TOO_LONG if the input or the result does not fit, TEXT_INVALID_UTF8 for bad
 * input, TEXT_ICU_ERROR for any other ICU failure.
 */
text_status text_nfkc_small(text_services *ts, const char *in, size_t len, char *out,
                            size_t cap, size_t *out_len);

#endif /* TEXT_NFKC_H */
