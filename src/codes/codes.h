/*
 * Internal API of the codes layer: the compiled-in code tables (generated from
 * the TSV files in data/codes by tools/gen_codes.py), found by code or by what people type.
 * Everything here is immutable and shared between threads; no lookup allocates.
 */
#ifndef CODES_CODES_H
#define CODES_CODES_H

#include <stddef.h>
#include <stdint.h>

#include "stuinfo/core.h"
#include "stuinfo/codes.h"

struct text_services;

/* One row of a code table. Strings are static; absent values are NULL. */
struct code_entry {
    const char *code;           /* the primary code, e.g. "01", "156", "110101" */
    const char *name;           /* full Chinese name */
    const char *short_name;     /* short form (汉 for 汉族) when it differs */
    const char *name_en;        /* romanization (ethnicity) or English name */
    const char *alpha2;         /* GB/T 3304 letter code, ISO 3166 alpha-2 */
    const char *alpha3;         /* ISO 3166 alpha-3 */
    const char *parent;         /* category code; a region's prefecture or province */
    uint16_t flags;             /* stuinfo_code_flag bits */
    uint16_t table;             /* stuinfo_code_table */
    uint32_t index;             /* position in code order */
};

/* A folded name (text_namefold) at name_pool + off, and the entry it names;
 * -1 = several. Offsets instead of pointers keep the index free of relocations. */
struct code_name_key {
    uint32_t off;
    uint16_t len;
    int16_t entry;
};

struct code_table {
    int32_t id;
    int32_t year;               /* edition year of the standard, 0 if unknown */
    const char *key;            /* "ethnicity" */
    const char *title;          /* Chinese title of the standard or list */
    const char *title_en;
    const char *standard;       /* "GB/T 3304-1991" */
    const char *sources;        /* "; "-separated provenance */
    const struct code_entry *entries;   /* code order: by length, then bytes */
    uint32_t count;
    const uint64_t *code_keys;  /* codes (and alpha codes) packed big-endian, sorted */
    const uint16_t *code_entries;       /* entry of each code key */
    uint32_t code_key_count;
    const uint16_t *code_hash;  /* 1 + position in code_keys, 0 = empty; linear probing */
    uint32_t code_hash_bits;    /* 1 << bits slots, at most a quarter used */
    const char *name_pool;      /* the bytes of the folded names */
    const struct code_name_key *names;  /* sorted by bytes (memcmp, shorter first) */
    uint32_t name_count;
};

/* A GB/T 2260 code: every code ever seen in a published list (data/codes/region.tsv). */
struct region_entry {
    const char *code;           /* six digits */
    const char *name;           /* latest name */
    int16_t from_year;          /* first year seen in a list */
    int16_t to_year;            /* last year seen; 0 = in the current list */
    uint8_t level;              /* stuinfo_region_level */
    uint16_t flags;             /* stuinfo_code_flag bits (RETIRED, PLACEHOLDER, ...) */
    int16_t province;           /* index in codes_regions of XX0000, or -1 */
    int16_t prefecture;         /* index of XXXX00 for a county, or -1 */
    const char *other_names;    /* "name@first-last;..." as in data/codes, or NULL */
    uint16_t names_first;       /* former names: codes_region_names[names_first..] */
    uint16_t names_count;
};

/* A name a region code carried before (or besides) its latest one. */
struct region_name {
    const char *name;
    int16_t from_year;          /* first and last year seen with this name */
    int16_t to_year;
};

/* Longest text accepted by a name lookup, in bytes. */
enum { CODES_NAME_MAX = 256 };

/* The table with id @p table, or NULL if there is none. */
const struct code_table *codes_table(int table);

/* Find @p code (exact bytes: primary code, or an alpha/numeric alternative code).
 * NULL = not found, including an unknown table. Never allocates. */
const struct code_entry *codes_by_code(int table, const char *code, size_t len);

/*
 * Find what people typed: a full or short name, a romanization, an English name,
 * an alias or a code, folded (full-width, case, white space, traditional characters).
 * Returns STUINFO_OK with *out set, STUINFO_ERR_NOT_FOUND, STUINFO_ERR_AMBIGUOUS,
 * STUINFO_ERR_ENCODING (invalid UTF-8 or a NUL), STUINFO_ERR_INVALID (a control,
 * zero-width, bidi-control or other default-ignorable character: text_find_forbidden()),
 * STUINFO_ERR_TOO_LONG (more than CODES_NAME_MAX bytes), STUINFO_ERR_INVALID_ARGUMENT
 * (unknown table, NULL) or STUINFO_ERR_ICU. *out is NULL unless STUINFO_OK. Never allocates.
 */
stuinfo_status codes_by_name(struct text_services *ts, int table, const char *text,
                             size_t len, const struct code_entry **out);

/* Region lookup by exactly six ASCII digits; any code ever valid. NULL = not found. */
const struct region_entry *codes_region_find(const char *code6);

/* The name @p r carried in @p year: a former name whose years include it, else the
 * latest name. Never NULL for a non-NULL @p r. */
const char *codes_region_name_at(const struct region_entry *r, int year);

/* The code_entry of a region (same index in the region table). */
const struct code_entry *codes_region_code_entry(const struct region_entry *r);

#endif /* CODES_CODES_H */
