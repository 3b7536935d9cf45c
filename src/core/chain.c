/* Hash-chained append-only entries (see chain.h). */
#include "core/chain.h"

#include <string.h>

#include <sodium.h>

#include "core/core.h"

static const char chain_domain[] = "stuinfo-chain-v1";

void
chain_init(struct chain *c, stuinfo_ctx *ctx)
{
    memset(c, 0, sizeof(*c));
    c->ctx = ctx;
}

stuinfo_status
chain_init_keyed(struct chain *c, stuinfo_ctx *ctx, const uint8_t *key, size_t key_len)
{
    chain_init(c, ctx);
    if (key == NULL || key_len == 0 || key_len > CHAIN_KEY_MAX)
        return STUINFO_ERR_INVALID_ARGUMENT;
    memcpy(c->key, key, key_len);
    c->key_len = key_len;
    return STUINFO_OK;
}

void
chain_clear(struct chain *c)
{
    for (size_t i = 0; i < c->count; i++)
        core_free_wipe(c->ctx, c->entries[i].bytes, c->entries[i].len);
    core_free(c->ctx, c->entries);
    sodium_memzero(c->key, sizeof(c->key));
    c->entries = NULL;
    c->count = c->cap = 0;
    c->key_len = 0;
}

static void
put_be(uint8_t *out, uint64_t v, int n)
{
    for (int i = n - 1; i >= 0; i--) {
        out[i] = (uint8_t)(v & 0xffu);
        v >>= 8;
    }
}

void
chain_entry_hash(const struct chain *c, uint64_t index, const uint8_t prev[CHAIN_HASH_BYTES],
                 const unsigned char *bytes, size_t len, uint8_t out[CHAIN_HASH_BYTES])
{
    uint8_t head[8 + CHAIN_HASH_BYTES + 4];

    put_be(head, index, 8);
    memcpy(head + 8, prev, CHAIN_HASH_BYTES);
    put_be(head + 8 + CHAIN_HASH_BYTES, (uint64_t)len, 4);
    if (c->key_len > 0) {
        crypto_auth_hmacsha256_state st;
        crypto_auth_hmacsha256_init(&st, c->key, c->key_len);
        crypto_auth_hmacsha256_update(&st, (const unsigned char *)chain_domain,
                                      sizeof(chain_domain) - 1);
        crypto_auth_hmacsha256_update(&st, head, sizeof(head));
        crypto_auth_hmacsha256_update(&st, bytes, len);
        crypto_auth_hmacsha256_final(&st, out);
        sodium_memzero(&st, sizeof(st));
    } else {
        crypto_hash_sha256_state st;
        crypto_hash_sha256_init(&st);
        crypto_hash_sha256_update(&st, (const unsigned char *)chain_domain,
                                  sizeof(chain_domain) - 1);
        crypto_hash_sha256_update(&st, head, sizeof(head));
        crypto_hash_sha256_update(&st, bytes, len);
        crypto_hash_sha256_final(&st, out);
    }
}

void
chain_head(const struct chain *c, uint8_t out[CHAIN_HASH_BYTES])
{
    if (c->count == 0)
        memset(out, 0, CHAIN_HASH_BYTES);
    else
        memcpy(out, c->entries[c->count - 1].hash, CHAIN_HASH_BYTES);
}

void
chain_to_hex(const uint8_t hash[CHAIN_HASH_BYTES], char out[CHAIN_HEX_BYTES])
{
    static const char digits[] = "0123456789abcdef";

    for (size_t i = 0; i < CHAIN_HASH_BYTES; i++) {
        out[2 * i] = digits[hash[i] >> 4];
        out[2 * i + 1] = digits[hash[i] & 0xfu];
    }
    out[(size_t)2 * CHAIN_HASH_BYTES] = '\0';
}

void
chain_head_hex(const struct chain *c, char out[CHAIN_HEX_BYTES])
{
    uint8_t h[CHAIN_HASH_BYTES];

    chain_head(c, h);
    chain_to_hex(h, out);
}

static int
hex_val(char ch)
{
    if (ch >= '0' && ch <= '9')
        return ch - '0';
    if (ch >= 'a' && ch <= 'f')
        return ch - 'a' + 10;
    return -1;      /* upper case refused: one spelling per hash keeps JSON stable */
}

bool
chain_from_hex(const char *hex, size_t len, uint8_t out[CHAIN_HASH_BYTES])
{
    if (hex == NULL || len != (size_t)2 * CHAIN_HASH_BYTES)
        return false;
    for (size_t i = 0; i < CHAIN_HASH_BYTES; i++) {
        int hi = hex_val(hex[2 * i]), lo = hex_val(hex[2 * i + 1]);
        if (hi < 0 || lo < 0)
            return false;
        out[i] = (uint8_t)(hi << 4 | lo);
    }
    return true;
}

static stuinfo_status
chain_push(struct chain *c, const unsigned char *bytes, size_t len,
           const uint8_t prev[CHAIN_HASH_BYTES], const uint8_t *hash)
{
    struct chain_entry *e;
    unsigned char *copy;

    if (len > UINT32_MAX)
        return STUINFO_ERR_TOO_LONG;
    if (c->count == c->cap) {
        /* the entry array holds pointers and hashes only, so it may grow by realloc */
        size_t ncap = c->cap ? 2 * c->cap : 8, bytes_new, bytes_old;
        struct chain_entry *grown;
        if (!core_mul_size(ncap, sizeof(*grown), &bytes_new))
            return STUINFO_ERR_NOMEM;
        bytes_old = c->cap * sizeof(*grown);
        grown = core_realloc(c->ctx, c->entries, bytes_old, bytes_new);
        if (grown == NULL)
            return STUINFO_ERR_NOMEM;
        c->entries = grown;
        c->cap = ncap;
    }
    copy = core_alloc(c->ctx, len ? len : 1);
    if (copy == NULL)
        return STUINFO_ERR_NOMEM;
    if (len)
        memcpy(copy, bytes, len);
    e = &c->entries[c->count];
    e->bytes = copy;
    e->len = len;
    memcpy(e->prev, prev, CHAIN_HASH_BYTES);
    if (hash != NULL)
        memcpy(e->hash, hash, CHAIN_HASH_BYTES);
    else
        chain_entry_hash(c, c->count, prev, copy, len, e->hash);
    c->count++;
    return STUINFO_OK;
}

stuinfo_status
chain_append(struct chain *c, const unsigned char *bytes, size_t len)
{
    uint8_t prev[CHAIN_HASH_BYTES];

    chain_head(c, prev);
    return chain_push(c, bytes, len, prev, NULL);
}

stuinfo_status
chain_load(struct chain *c, const unsigned char *bytes, size_t len,
           const uint8_t prev[CHAIN_HASH_BYTES], const uint8_t hash[CHAIN_HASH_BYTES])
{
    return chain_push(c, bytes, len, prev, hash);
}

stuinfo_status
chain_verify(const struct chain *c, const uint8_t *expected_head, size_t *bad_index)
{
    uint8_t link[CHAIN_HASH_BYTES] = {0}, h[CHAIN_HASH_BYTES];

    for (size_t i = 0; i < c->count; i++) {
        const struct chain_entry *e = &c->entries[i];
        chain_entry_hash(c, i, link, e->bytes, e->len, h);
        if (sodium_memcmp(e->prev, link, CHAIN_HASH_BYTES) != 0
            || sodium_memcmp(e->hash, h, CHAIN_HASH_BYTES) != 0) {
            if (bad_index)
                *bad_index = i;
            return STUINFO_ERR_TAMPERED;
        }
        memcpy(link, h, CHAIN_HASH_BYTES);
    }
    if (expected_head != NULL && sodium_memcmp(link, expected_head, CHAIN_HASH_BYTES) != 0) {
        if (bad_index)
            *bad_index = c->count;
        return STUINFO_ERR_TAMPERED;
    }
    if (bad_index)
        *bad_index = 0;
    return STUINFO_OK;
}

/* ---- canonical encoding ------------------------------------------------------------ */

void
chain_enc_init(struct chain_enc *e, stuinfo_ctx *ctx)
{
    memset(e, 0, sizeof(*e));
    e->ctx = ctx;
}

static unsigned char *
enc_reserve(struct chain_enc *e, size_t n)
{
    if (e->failed)
        return NULL;
    if (n > SIZE_MAX - e->len) {
        e->failed = true;
        return NULL;
    }
    if (e->len + n > e->cap) {
        /* may hold personal data: allocate, copy, wipe, free (never realloc) */
        size_t ncap = e->cap ? e->cap : 64;
        unsigned char *grown;
        while (ncap < e->len + n) {
            if (ncap > SIZE_MAX / 2) {
                e->failed = true;
                return NULL;
            }
            ncap *= 2;
        }
        grown = core_alloc(e->ctx, ncap);
        if (grown == NULL) {
            e->failed = true;
            return NULL;
        }
        if (e->len)
            memcpy(grown, e->buf, e->len);
        core_free_wipe(e->ctx, e->buf, e->cap);
        e->buf = grown;
        e->cap = ncap;
    }
    e->len += n;
    return e->buf + e->len - n;
}

void
chain_enc_str(struct chain_enc *e, uint8_t tag, const char *text, size_t len)
{
    unsigned char *p;

    if (len > UINT32_MAX) {
        e->failed = true;
        return;
    }
    p = enc_reserve(e, 5 + len);
    if (p == NULL)
        return;
    p[0] = tag;
    put_be(p + 1, (uint64_t)len, 4);
    if (len)
        memcpy(p + 5, text, len);
}

void
chain_enc_i64(struct chain_enc *e, uint8_t tag, int64_t v)
{
    unsigned char *p = enc_reserve(e, 5 + 8);

    if (p == NULL)
        return;
    p[0] = tag;
    put_be(p + 1, 8, 4);
    put_be(p + 5, (uint64_t)v, 8);
}

stuinfo_status
chain_enc_status(const struct chain_enc *e)
{
    return e->failed ? STUINFO_ERR_NOMEM : STUINFO_OK;
}

void
chain_enc_clear(struct chain_enc *e)
{
    core_free_wipe(e->ctx, e->buf, e->cap);
    e->buf = NULL;
    e->len = e->cap = 0;
    e->failed = false;
}
