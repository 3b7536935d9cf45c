/*
 * An encrypted temporary file for data that outgrows its memory budget (the roster
 * checks' keys). Bytes are XChaCha20-encrypted at their offset under a key and nonce
 * made at random for this file; the key lives only in memory and is wiped on close. The
 * file has no name (O_TMPFILE), or is unlinked as soon as it is made; closing it frees
 * its disk space. Append-only: no offset is ever written twice under the same key.
 */
#ifndef ROSTER_SPILL_H
#define ROSTER_SPILL_H

#include <stddef.h>
#include <stdint.h>

#include "core/core.h"

struct spill_file;

/* Make the file in @p dir (NULL or "": P_tmpdir, /tmp). Returns STUINFO_OK,
 * STUINFO_ERR_NOMEM, or STUINFO_ERR_IO with *err_out set to errno. Records no status. */
stuinfo_status spill_open(stuinfo_ctx *ctx, const char *dir, struct spill_file **out,
                          int *err_out);
/* Close and free; wipes the key. NULL is a no-op. */
void spill_close(struct spill_file *f);
/* Append @p n bytes of @p data, which are encrypted in place (the caller's copy is
 * ciphertext afterwards); their offset into *off. STUINFO_OK or STUINFO_ERR_IO. */
stuinfo_status spill_append(struct spill_file *f, void *data, size_t n, uint64_t *off);
/* Read and decrypt @p n bytes at @p off into @p buf. STUINFO_OK or STUINFO_ERR_IO. */
stuinfo_status spill_read(struct spill_file *f, uint64_t off, void *buf, size_t n);
/* errno of the last STUINFO_ERR_IO (EIO for a file shorter than expected). */
int spill_errno(const struct spill_file *f);
/* A short language-neutral name of a system error ("ENOSPC"), or its number as text in
 * buf (>= 32 bytes). */
const char *spill_errno_name(int err, char *buf);

#endif /* ROSTER_SPILL_H */
