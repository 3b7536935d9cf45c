/*
 * Keys of the roster-level checks and the orders they are read in, shared by checks.c
 * (collecting keys in a memory budget), keysort.c (putting a chunk of keys in an order),
 * keyscan.c (the comparisons, fed the keys of one order as a stream) and keyruns.c
 * (sorted runs in an encrypted temporary file, merged back into one stream per order).
 */
#ifndef ROSTER_KEYS_H
#define ROSTER_KEYS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "roster_impl.h"

/* 20 bytes, 4-byte aligned. Holds a packed ID number: personal data, wiped. */
struct roster_key {
    uint32_t id_hi, id_lo;      /* packed 18-char number (bit 62) or a hash (bit 63) */
    uint32_t name;              /* hash of the name key; 0 when no name */
    uint32_t birth_sex;         /* yyyymmdd | sex << 28, 0 when unknown; in the near
                                   orders the segment of the number compared */
    uint32_t row;
};

#define KEY_ID(k) ((uint64_t)(k)->id_hi << 32 | (k)->id_lo)
#define ID_PACKED (1ULL << 62)
#define ID_HASHED (1ULL << 63)

/*
 * The orders, applied to a chunk in this sequence (the near orders overwrite birth_sex).
 * Each is a total order (rows are unique), so sorting chunks and merging them gives the
 * same sequence as sorting everything at once.
 */
enum key_order {
    ORDER_ID = 0,               /* number, row: the same number twice */
    ORDER_PERSON,               /* name, birth and sex, number, row */
    ORDER_NEAR0,                /* name, number's chars 15-18, number, row */
    ORDER_NEAR1,                /* name, chars 11-14, number, row */
    ORDER_NEAR2,                /* name, chars 1-10, number, row */
    ORDER_COUNT
};

typedef int (*key_cmp_fn)(const void *, const void *);

/* keysort.c */
key_cmp_fn key_order_cmp(int order);
/* Put k[0..n) in @p order (for a near order, its segment into birth_sex first), in place:
 * no allocation. */
void keys_order(struct roster_key *k, size_t n, int order);
/* Keep (in place, in sequence) only the keys that can take part in @p order's findings;
 * returns how many. */
size_t keys_keep(struct roster_key *k, size_t n, int order);

/* keyscan.c: the comparisons of one order, fed its keys in that order. */
#define NEAR_GROUP_MAX 2048     /* near numbers: keys compared pairwise within a group */

struct key_scan {
    stuinfo_roster_reader *r;
    int order;
    bool have;
    struct roster_key first, prev;  /* first key of the group, the key before */
    struct roster_key *group;       /* near orders: the first keys of the group */
    size_t ngroup, group_cap;       /* group_cap: NEAR_GROUP_MAX, or the keys there are */
};

/* A key that can take part in a finding of @p order (the others may be left out). */
bool key_scan_needs(int order, const struct roster_key *k);
/* Segment @p pass (0-2) of a packed number as an integer; UINT32_MAX if not packed. */
uint32_t key_segment(uint64_t id, int pass);
/* @p group: room for @p cap keys, NEAR_GROUP_MAX or at least as many as will be fed. */
void key_scan_begin(struct key_scan *s, stuinfo_roster_reader *r, int order,
                    struct roster_key *group, size_t cap);
stuinfo_status key_scan_feed(struct key_scan *s, const struct roster_key *k);
/* The last group; wipes the keys the scan kept. */
stuinfo_status key_scan_end(struct key_scan *s);

/* keyruns.c: sorted runs of keys in an encrypted temporary file. */
struct key_runs;

/* Make the file in @p dir (NULL: /tmp). STUINFO_ERR_IO: *err_out is errno. */
stuinfo_status keyruns_new(stuinfo_ctx *ctx, const char *dir, struct key_runs **out,
                           int *err_out);
void keyruns_free(struct key_runs *rs);
/* Append k[0..n) (in @p order) as one run, leaving out keys @p order does not need. */
stuinfo_status keyruns_add(struct key_runs *rs, int order, const struct roster_key *k,
                           size_t n);
/* Merge runs that piled up; @p arena (@p cap keys) is free memory to merge in. */
stuinfo_status keyruns_compact(struct key_runs *rs, struct roster_key *arena, size_t cap);
/* Feed every key of @p order, merged from all its runs, to @p scan. */
stuinfo_status keyruns_scan(struct key_runs *rs, int order, struct roster_key *arena,
                            size_t cap, struct key_scan *scan);
/* errno of the last STUINFO_ERR_IO. */
int keyruns_errno(const struct key_runs *rs);
/* Smallest arena the merges need, in keys. */
#define KEYRUNS_MIN_ARENA 64

#endif /* ROSTER_KEYS_H */
