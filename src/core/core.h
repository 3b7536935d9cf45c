/*
 * Internal API of the core layer, used by every other layer: allocation through the
 * ctx hooks, status recording, messages, the clock, and handle lifetimes.
 */
#ifndef CORE_CORE_H
#define CORE_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "stuinfo/core.h"
#include "stuinfo/report.h"
#include "rules_table.h"

struct text_services;

/* ---- allocation (alloc.c) ------------------------------------------------------ */

/* NULL on failure (and for n == 0). Never records a status: callers do. */
void *core_alloc(stuinfo_ctx *ctx, size_t n);
void *core_calloc(stuinfo_ctx *ctx, size_t count, size_t n);
/* Grow or shrink a buffer that holds no personal data. On failure the old block stays. */
void *core_realloc(stuinfo_ctx *ctx, void *p, size_t old_n, size_t new_n);
void core_free(stuinfo_ctx *ctx, void *p);
/* Wipe @p n bytes with explicit_bzero, then free: for anything that held personal data. */
void core_free_wipe(stuinfo_ctx *ctx, void *p, size_t n);
/* A NUL-terminated copy of text[0..len); NULL on failure. */
char *core_strndup(stuinfo_ctx *ctx, const char *text, size_t len);
/* Free a string from core_strndup, wiping it (strings may hold personal data). */
void core_free_str(stuinfo_ctx *ctx, char *s);
/* count * n without overflow; false on overflow. */
bool core_mul_size(size_t count, size_t n, size_t *out);

/* ---- status recording (error.c) ------------------------------------------------- */

/* Record success on the ctx (empty message); returns STUINFO_OK. NULL ctx is allowed. */
stuinfo_status core_ok(stuinfo_ctx *ctx);
/*
 * Record @p status with the message of @p rule in the ctx language; {1} and {2} in the
 * message template are replaced by @p arg1 and @p arg2 (NULL for none). Arguments must
 * never carry personal data unmasked. Never allocates. Returns @p status.
 */
stuinfo_status core_fail(stuinfo_ctx *ctx, stuinfo_status status, rule_id rule,
                         const char *arg1, const char *arg2);
/* Record @p status with the status's own generic message. Returns @p status. */
stuinfo_status core_fail_status(stuinfo_ctx *ctx, stuinfo_status status);

/* ---- messages (message.c) ------------------------------------------------------- */

/*
 * Expand @p rule's message template in @p lang into buf[0..cap), substituting {1}/{2}.
 * Always NUL-terminates (truncating on a UTF-8 boundary); returns the length written.
 */
size_t core_message_format(char *buf, size_t cap, rule_id rule, stuinfo_lang lang,
                           const char *arg1, const char *arg2);
/* Decimal text of @p v into buf (>= 21 bytes); returns buf. */
char *core_fmt_int(char *buf, int64_t v);

/* ---- context queries (ctx.c) ------------------------------------------------------ */

stuinfo_lang core_lang(const stuinfo_ctx *ctx);
int64_t core_now(stuinfo_ctx *ctx);
/* The ctx's opened Unicode services (see src/text/text.h). */
struct text_services *core_text(stuinfo_ctx *ctx);

/*
 * Handle lifetimes: every handle made from a ctx attaches on creation and detaches when
 * freed, so a ctx freed early waits for its last child (as sqlite3_close_v2 does).
 */
void core_ctx_attach(stuinfo_ctx *ctx);
void core_ctx_detach(stuinfo_ctx *ctx);

#endif /* CORE_CORE_H */
