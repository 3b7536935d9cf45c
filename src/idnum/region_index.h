/*
 * Which address codes exist, for the address check on the verify fast path: known (in
 * some published list) or not, historic (no longer in the current one) or current.
 * An O(1) index generated at build time from the same data/codes/region.tsv as the
 * codes layer's region table (tools/gen_idnum_regions.py). Inline, so the verify loop
 * looks a code up once for both its flags and its names.
 */
#ifndef IDNUM_REGION_INDEX_H
#define IDNUM_REGION_INDEX_H

#include <stdbool.h>
#include <stdint.h>

#include "idnum/idnum_regions_table.h"
#include "idnum.h"

/* No region entry. */
#define REGION_NO_RANK UINT32_MAX

/* Bits set in a 64-bit word, without depending on a popcnt instruction. */
static IDNUM_ALWAYS_INLINE uint32_t
region_popcount64(uint64_t x)
{
    x = x - ((x >> 1) & 0x5555555555555555ULL);
    x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
    x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
    return (uint32_t)((x * 0x0101010101010101ULL) >> 56);
}

/*
 * Flags for the code whose first four digits are @p prefix4 and last two @p low:
 * 0, ADDRESS_UNKNOWN or ADDRESS_HISTORIC. *rank gets the code's index in the codes
 * layer's region table, or REGION_NO_RANK.
 */
static IDNUM_ALWAYS_INLINE uint32_t
region_index_lookup2(uint32_t prefix4, uint32_t low, uint32_t *rank)
{
    uint32_t slot = idnum_region_slot[prefix4 % 10000];

    *rank = REGION_NO_RANK;
    if (slot == 0 || low > 99)
        return STUINFO_IDNUM_FLAG_ADDRESS_UNKNOWN;
    const struct idnum_region_slot *s = &idnum_region_slots[slot - 1];
    uint64_t bit = 1ULL << (low & 63);
    uint64_t word = s->known[low >> 6];
    if (!(word & bit))
        return STUINFO_IDNUM_FLAG_ADDRESS_UNKNOWN;
    *rank = s->base + region_popcount64(word & (bit - 1))
            + (low >= 64 ? region_popcount64(s->known[0]) : 0);
    return (s->current[low >> 6] & bit) ? 0 : STUINFO_IDNUM_FLAG_ADDRESS_HISTORIC;
}

/* The same for a six-digit code as an integer. */
static IDNUM_ALWAYS_INLINE uint32_t
region_index_lookup(uint32_t code, uint32_t *rank)
{
    return region_index_lookup2(code / 100, code % 100, rank);
}

static IDNUM_ALWAYS_INLINE uint32_t
region_index_flags(uint32_t code)
{
    uint32_t rank;
    return region_index_lookup(code, &rank);
}

/* Names (as in out->birth_year) and the historic flag of @p code, whose rank from
 * region_index_lookup() is @p rank, into @p out; NULLs if unknown. */
void region_index_names(uint32_t code, uint32_t rank, stuinfo_idnum_result *out);

#endif /* IDNUM_REGION_INDEX_H */
