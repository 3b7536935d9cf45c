/*
 * Which address codes exist, for the address check on the verify fast path: known (in
 * some published list) or not, historic (no longer in the current one) or current.
 * An O(1) index generated at build time from the same data/codes/region.tsv as the
 * codes layer's region table (tools/gen_idnum_regions.py), with an entry per code that
 * holds its flags and names. Inline, so the verify loop looks a code up once for both
 * its flags and its names.
 */
#ifndef IDNUM_REGION_INDEX_H
#define IDNUM_REGION_INDEX_H

#include <stdbool.h>
#include <stdint.h>

#include "idnum/idnum_regions_table.h"
#include "idnum.h"

/* No region entry. */
#define REGION_NO_RANK UINT32_MAX

/* The rank (index in the codes layer's region table) of the code whose first four
 * digits are @p prefix4 and last two @p low, or REGION_NO_RANK if it is in no list. */
static IDNUM_ALWAYS_INLINE uint32_t
region_index_rank2(uint32_t prefix4, uint32_t low)
{
    uint32_t slot = idnum_region_slot[prefix4 % 10000];

    if (slot == 0 || low > 99)
        return REGION_NO_RANK;
    const struct idnum_region_slot *s = &idnum_region_slots[slot - 1];
    uint32_t k = s->low[low];
    return k == 0 ? REGION_NO_RANK : s->base + k - 1;
}

/*
 * Flags for the code whose first four digits are @p prefix4 and last two @p low:
 * 0, ADDRESS_UNKNOWN or ADDRESS_HISTORIC. *rank gets the code's index in the codes
 * layer's region table, or REGION_NO_RANK.
 */
static IDNUM_ALWAYS_INLINE uint32_t
region_index_lookup2(uint32_t prefix4, uint32_t low, uint32_t *rank)
{
    *rank = region_index_rank2(prefix4, low);
    if (*rank == REGION_NO_RANK)
        return STUINFO_IDNUM_FLAG_ADDRESS_UNKNOWN;
    return idnum_region_infos[*rank].historic ? STUINFO_IDNUM_FLAG_ADDRESS_HISTORIC : 0;
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

/* Names as region_index_names() gives them, looked up for the birth year one by one:
 * for the birth years in which some former name applies. */
void region_index_names_by_year(uint32_t code, uint32_t rank, stuinfo_idnum_result *out);

/*
 * Names (as in out->birth_year) and the historic flag of @p code, whose rank from
 * region_index_lookup() is @p rank, into @p out; NULLs if unknown. Inline for the verify
 * fast path: one entry worked out at build time, unless the birth year needs a former
 * name.
 */
static IDNUM_ALWAYS_INLINE void
region_index_names_inline(uint32_t code, uint32_t rank, stuinfo_idnum_result *out)
{
    if (rank >= IDNUM_REGION_CODES) {
        out->region_historic = 0;
        out->region_name = NULL;
        out->prefecture_name = NULL;
        out->province_name = NULL;
        return;
    }
    const struct idnum_region_info *info = &idnum_region_infos[rank];
    int32_t year = out->birth_year;

    if (year >= info->names_lo && year <= info->names_hi) {
        region_index_names_by_year(code, rank, out);
        return;
    }
    out->region_historic = info->historic;
    out->region_name = idnum_region_pool + info->name;
    out->prefecture_name = info->prefecture != 0 ? idnum_region_pool + info->prefecture : NULL;
    out->province_name = info->province != 0 ? idnum_region_pool + info->province : NULL;
}

/* region_index_names_inline(), out of line. */
void region_index_names(uint32_t code, uint32_t rank, stuinfo_idnum_result *out);

#endif /* IDNUM_REGION_INDEX_H */
