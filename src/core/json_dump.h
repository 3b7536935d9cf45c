/*
 * Serialising a jansson value into ctx memory, safely.
 *
 * Why not json_dumps(): jansson 2.14 (Debian 12) ignores the result of dumping an
 * object key, so when its buffer cannot grow it may still return "success" with the
 * key missing (akheron/jansson#655, PR #649 unmerged) - found by the allocation-failure
 * sweep. Dumping through json_dump_callback() into our own buffer lets a failure stick.
 * The output is allocated through the ctx hooks and grows by allocate-copy-wipe-free,
 * never realloc, so it may hold personal data.
 */
#ifndef CORE_JSON_DUMP_H
#define CORE_JSON_DUMP_H

#include <stddef.h>

#include <jansson.h>

#include "core.h"

/*
 * Dump @p value with jansson @p flags into a NUL-terminated ctx allocation (*out, *len
 * bytes without the NUL). Free it with core_free_wipe(ctx, *out, *len + 1).
 * Returns STUINFO_OK, STUINFO_ERR_NOMEM (an allocation of ours or of jansson's failed)
 * or STUINFO_ERR_INTERNAL (jansson refused the value); records nothing on the ctx.
 * *out is NULL and *len 0 after a failure.
 */
stuinfo_status core_json_dump(stuinfo_ctx *ctx, const json_t *value, size_t flags,
                              char **out, size_t *len);

#endif /* CORE_JSON_DUMP_H */
