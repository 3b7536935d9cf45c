/*
 * The text layer: thin wrappers around ICU, the only place ICU is called. It knows no
 * ctx; core/ owns one text_services per ctx and hands it to the layers above.
 * Topic files add their own headers here (text/<topic>.h) rather than growing this one.
 */
#ifndef TEXT_TEXT_H
#define TEXT_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum text_status {
    TEXT_OK = 0,
    TEXT_INVALID_UTF8,      /* malformed, overlong, surrogate or out-of-range sequence */
    TEXT_NUL,               /* a NUL byte inside the text */
    TEXT_TOO_LONG,          /* longer than the caller's buffer or a hard limit */
    TEXT_NOMEM,
    TEXT_ICU_ERROR,         /* any other ICU failure */
} text_status;

/*
 * The ICU services one ctx uses, opened together when the ctx is made (ICU 72 is not
 * safe under allocation failure during its first-time set-up, and is once warm).
 * Not thread-safe: one per ctx. Opaque outside src/text.
 */
typedef struct text_services text_services;

size_t text_services_size(void);
/* Open every service into @p svc (text_services_size() bytes, zeroed). On failure the
 * services opened so far are closed again. */
text_status text_services_open(text_services *svc);
void text_services_close(text_services *svc);

/*
 * Strict UTF-8 check (no overlong forms, surrogates or values above U+10FFFF) that also
 * refuses NUL bytes. On failure *bad_offset is the byte offset of the first bad byte.
 */
text_status text_utf8_check(const char *s, size_t len, size_t *bad_offset);

/* Number of code points in valid UTF-8 text. */
size_t text_utf8_count(const char *s, size_t len);

#endif /* TEXT_TEXT_H */
