/*
 * Hash-chained append-only entries, shared by the workflow audit log and the school
 * layer's enrolment history (reliability.md §4.4).
 *
 * Each entry is an opaque canonical byte string (build it with chain_enc_*, so that
 * two encoders of the same fields always give the same bytes). Its hash is
 *
 *     H("stuinfo-chain-v1" || u64be(index) || prev_hash || u32be(len) || bytes)
 *
 * where H is SHA-256 (libsodium crypto_hash_sha256), or HMAC-SHA-256 under a host key
 * when the chain was made keyed, and prev_hash of entry 0 is 32 zero bytes. Editing,
 * deleting, inserting or reordering entries changes a later hash or the head; the host
 * keeps the head hash outside the log, which is what makes the chain worth having.
 *
 * Payloads may hold personal data: they are wiped when the chain is freed.
 * libsodium's hash functions are plain portable code and need no sodium_init().
 */
#ifndef CORE_CHAIN_H
#define CORE_CHAIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "stuinfo/core.h"

enum { CHAIN_HASH_BYTES = 32, CHAIN_HEX_BYTES = 65, CHAIN_KEY_MAX = 64 };

struct chain_entry {
    unsigned char *bytes;                   /* canonical encoding, owned, wiped on free */
    size_t len;
    uint8_t prev[CHAIN_HASH_BYTES];         /* as stored (appended or loaded) */
    uint8_t hash[CHAIN_HASH_BYTES];         /* as stored (appended or loaded) */
};

struct chain {
    stuinfo_ctx *ctx;
    struct chain_entry *entries;
    size_t count, cap;
    uint8_t key[CHAIN_KEY_MAX];
    size_t key_len;                         /* 0: plain SHA-256 */
};

/* An empty chain on @p ctx (no allocation). */
void chain_init(struct chain *c, stuinfo_ctx *ctx);
/* An empty chain whose hashes are HMAC-SHA-256 under @p key (1..CHAIN_KEY_MAX bytes).
 * STUINFO_ERR_INVALID_ARGUMENT for a bad key length. */
stuinfo_status chain_init_keyed(struct chain *c, stuinfo_ctx *ctx, const uint8_t *key,
                                size_t key_len);
/* Wipe and free every entry (and the key); the chain is empty and reusable. */
void chain_clear(struct chain *c);

/* Append @p bytes (copied), linking to the current head. OK or NOMEM; on failure the
 * chain is unchanged. Does not record a status on the ctx (callers do). */
stuinfo_status chain_append(struct chain *c, const unsigned char *bytes, size_t len);
/* Append an entry as read back from storage, with the hashes stored next to it; nothing
 * is checked here (chain_verify does). OK or NOMEM; unchanged on failure. */
stuinfo_status chain_load(struct chain *c, const unsigned char *bytes, size_t len,
                          const uint8_t prev[CHAIN_HASH_BYTES],
                          const uint8_t hash[CHAIN_HASH_BYTES]);

/*
 * Recompute every link. Returns STUINFO_OK if each entry's stored prev equals the
 * previous entry's hash (zeros for entry 0), each stored hash equals the recomputed one,
 * and, when @p expected_head is not NULL, the head equals it. Otherwise
 * STUINFO_ERR_TAMPERED with *bad_index (may be NULL) set to the first bad entry (count
 * when only the head differs). Never allocates, never records a status.
 */
stuinfo_status chain_verify(const struct chain *c, const uint8_t *expected_head,
                            size_t *bad_index);

/* The hash of the last entry (zeros when empty). */
void chain_head(const struct chain *c, uint8_t out[CHAIN_HASH_BYTES]);
/* The same as 64 lower-case hex digits and a NUL. */
void chain_head_hex(const struct chain *c, char out[CHAIN_HEX_BYTES]);

/* Hex helpers: 64 lower-case digits <-> 32 bytes. from_hex is false on bad input. */
void chain_to_hex(const uint8_t hash[CHAIN_HASH_BYTES], char out[CHAIN_HEX_BYTES]);
bool chain_from_hex(const char *hex, size_t len, uint8_t out[CHAIN_HASH_BYTES]);

/* Compute the hash an entry at @p index with @p prev and @p bytes must have. */
void chain_entry_hash(const struct chain *c, uint64_t index,
                      const uint8_t prev[CHAIN_HASH_BYTES], const unsigned char *bytes,
                      size_t len, uint8_t out[CHAIN_HASH_BYTES]);

/* ---- canonical encoding ----------------------------------------------------------
 * A field is one tag byte, a u32 big-endian length and the value bytes; integers are
 * 8 bytes big-endian two's complement. Unambiguous (no separators to escape) and
 * independent of the host. The buffer is wiped when grown or freed, since it may carry
 * personal data; a failed step leaves it marked failed and later steps do nothing. */
struct chain_enc {
    stuinfo_ctx *ctx;
    unsigned char *buf;
    size_t len, cap;
    bool failed;
};

void chain_enc_init(struct chain_enc *e, stuinfo_ctx *ctx);
void chain_enc_str(struct chain_enc *e, uint8_t tag, const char *text, size_t len);
void chain_enc_i64(struct chain_enc *e, uint8_t tag, int64_t v);
/* OK, or NOMEM if any step failed. */
stuinfo_status chain_enc_status(const struct chain_enc *e);
/* Wipe and free the buffer. */
void chain_enc_clear(struct chain_enc *e);

#endif /* CORE_CHAIN_H */
