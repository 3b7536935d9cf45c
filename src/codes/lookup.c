/* Finding a code table row by code, by folded name, and a region by its six digits. */
#include <string.h>

#include "codes/codes_tables.h"
#include "text/fold.h"
#include "text/namefold.h"
#include "text/text.h"

const struct code_table *
codes_table(int table)
{
    if (table < 1 || table > CODES_TABLE_MAX)
        return NULL;
    return &codes_tables[table];
}

/* Codes are at most 8 printable ASCII bytes: packed big-endian into one integer, they
 * compare as the generator sorted them. false if @p code cannot be a code. */
static bool
pack_code(const char *code, size_t len, uint64_t *out)
{
    uint64_t key = 0;

    if (code == NULL || len == 0 || len > 8)
        return false;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)code[i];
        if (c <= 0x20 || c >= 0x7f)
            return false;
        key = key << 8 | c;
    }
    *out = key << (8 * (8 - len));
    return true;
}

/* Multiply-shift hash of a packed code; tools/gen_codes.py uses the same. */
#define CODES_HASH_MULTIPLIER UINT64_C(0x9E3779B97F4A7C15)

static int32_t
find_code_key(const struct code_table *t, uint64_t key)
{
    uint32_t bits = t->code_hash_bits, mask = (UINT32_C(1) << bits) - 1;
    uint32_t h = (uint32_t)((key * CODES_HASH_MULTIPLIER) >> (64 - bits));

    /* The table is at most a quarter full, so an empty slot ends every probe run. */
    for (;;) {
        uint16_t slot = t->code_hash[h];
        if (slot == 0)
            return -1;
        if (t->code_keys[slot - 1] == key)
            return t->code_entries[slot - 1];
        h = (h + 1) & mask;
    }
}

const struct code_entry *
codes_by_code(int table, const char *code, size_t len)
{
    const struct code_table *t = codes_table(table);
    uint64_t key;
    int32_t e;

    if (t == NULL || !pack_code(code, len, &key))
        return NULL;
    e = find_code_key(t, key);
    return e < 0 ? NULL : &t->entries[e];
}

const struct region_entry *
codes_region_find(const char *code6)
{
    const struct code_table *t = &codes_tables[CODES_REGION_TABLE];
    uint64_t key;
    int32_t e;

    if (code6 == NULL)
        return NULL;
    for (size_t i = 0; i < 6; i++)
        if (code6[i] < '0' || code6[i] > '9')
            return NULL;
    if (!pack_code(code6, 6, &key))
        return NULL;
    e = find_code_key(t, key);
    return e < 0 ? NULL : &codes_regions[e];
}

const char *
codes_region_name_at(const struct region_entry *r, int year)
{
    if (r == NULL)
        return NULL;
    for (uint16_t i = 0; i < r->names_count; i++) {
        const struct region_name *n = &codes_region_names[r->names_first + i];
        if (year >= n->from_year && year <= n->to_year)
            return n->name;
    }
    return r->name;
}

const struct code_entry *
codes_region_code_entry(const struct region_entry *r)
{
    if (r == NULL)
        return NULL;
    return &codes_tables[CODES_REGION_TABLE].entries[r - codes_regions];
}

static int
compare_key(const char *pool, const struct code_name_key *k, const char *s, size_t len)
{
    size_t n = k->len < len ? k->len : len;
    int c = memcmp(pool + k->off, s, n);

    if (c != 0)
        return c;
    return k->len < len ? -1 : k->len > len;
}

/* 1 = found (entry or -1 for ambiguous in *entry), 0 = absent. */
static int
find_name_key(const struct code_table *t, const char *s, size_t len, int32_t *entry)
{
    size_t lo = 0, hi = t->name_count;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = compare_key(t->name_pool, &t->names[mid], s, len);
        if (c == 0) {
            *entry = t->names[mid].entry;
            return 1;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

static stuinfo_status
fold_status(text_status st)
{
    switch (st) {
    case TEXT_OK:
        return STUINFO_OK;
    case TEXT_TOO_LONG:
        return STUINFO_ERR_TOO_LONG;
    case TEXT_NOMEM:
        return STUINFO_ERR_NOMEM;
    case TEXT_INVALID_UTF8:
    case TEXT_NUL:
        return STUINFO_ERR_ENCODING;
    case TEXT_ICU_ERROR:
    default:
        return STUINFO_ERR_ICU;
    }
}

static stuinfo_status
resolve(const struct code_table *t, const char *key, size_t len,
        const struct code_entry **out)
{
    int32_t e;

    if (!find_name_key(t, key, len, &e))
        return STUINFO_ERR_NOT_FOUND;
    if (e < 0)
        return STUINFO_ERR_AMBIGUOUS;
    *out = &t->entries[e];
    return STUINFO_OK;
}

stuinfo_status
codes_by_name(struct text_services *ts, int table, const char *text, size_t len,
              const struct code_entry **out)
{
    const struct code_table *t = codes_table(table);
    char key[4 * CODES_NAME_MAX];
    size_t key_len = 0, bad;
    text_status tst;
    stuinfo_status st;

    if (out == NULL)
        return STUINFO_ERR_INVALID_ARGUMENT;
    *out = NULL;
    if (t == NULL || ts == NULL || (text == NULL && len > 0))
        return STUINFO_ERR_INVALID_ARGUMENT;
    if (len > CODES_NAME_MAX)
        return STUINFO_ERR_TOO_LONG;
    if (len == 0)
        return STUINFO_ERR_NOT_FOUND;
    tst = text_utf8_check(text, len, &bad);
    if (tst != TEXT_OK)
        return fold_status(tst);
    /* Folding would drop zero-width and bidi controls (Trojan Source) and match: refuse
     * them, and every other character a record field refuses. */
    if (text_find_forbidden(text, len, NULL) != 0)
        return STUINFO_ERR_INVALID;
    tst = text_namefold(ts, text, len, 0, key, sizeof(key), &key_len, NULL);
    if (tst != TEXT_OK)
        return fold_status(tst);
    st = resolve(t, key, key_len, out);
    if (st != STUINFO_ERR_NOT_FOUND)
        return st;
    /* Only text with non-ASCII characters can change under Traditional-Simplified. */
    for (size_t i = 0; i < len; i++) {
        if ((unsigned char)text[i] >= 0x80) {
            tst = text_namefold(ts, text, len, TEXT_FOLD_TRAD_TO_SIMP, key, sizeof(key),
                                &key_len, NULL);
            if (tst != TEXT_OK)
                return fold_status(tst);
            return resolve(t, key, key_len, out);
        }
    }
    return STUINFO_ERR_NOT_FOUND;
}
