/*
 * O(1) address-code index for the verify fast path, generated at build time from the
 * same data/codes/region.tsv as the codes layer's region table: a slot per 4-digit
 * prefix with 100-bit masks of the codes ever seen and of the current ones. The rank
 * of a code (slot base + bits below it) is its index in codes_regions, which gives the
 * names.
 */
#include "codes/codes.h"
#include "codes/codes_tables.h"
#include "region_index.h"

_Static_assert(IDNUM_REGION_CODES == sizeof(codes_regions) / sizeof(codes_regions[0]),
               "the idnum index and the codes region table come from the same file");

/*
 * The region entry of @p code at @p rank. Both tables come from the same file in the
 * same order (asserted at build time by the count, and for every code by
 * tests/idnum/test_regions.c), so the rank is trusted as it is: checking it would cost
 * a load from a table too large for the L1 cache.
 */
static const struct region_entry *
entry_of(uint32_t code, uint32_t rank)
{
    (void)code;
    return rank < IDNUM_REGION_CODES ? &codes_regions[rank] : NULL;
}

/* The name a region had in @p year (the latest if it never changed). */
static const char *
name_in(const struct region_entry *r, int year)
{
    return r->names_count == 0 ? r->name : codes_region_name_at(r, year);
}

static const char *
name_at(int16_t index, int year)
{
    if (index < 0 || codes_regions[index].flags & STUINFO_CODE_PLACEHOLDER)
        return NULL;
    return name_in(&codes_regions[index], year);
}

void
region_index_names(uint32_t code, uint32_t rank, stuinfo_idnum_result *out)
{
    const struct region_entry *r = entry_of(code, rank);

    if (r == NULL) {
        out->region_historic = 0;
        out->region_name = NULL;
        out->prefecture_name = NULL;
        out->province_name = NULL;
        return;
    }
    /* Names as they were in the birth year: the number got its code then. */
    int year = out->birth_year;
    int16_t self = (int16_t)(r - codes_regions);
    out->region_historic = r->to_year != 0;
    out->region_name = name_in(r, year);
    out->province_name = name_at(r->level == STUINFO_REGION_PROVINCE ? self : r->province, year);
    out->prefecture_name = r->level == STUINFO_REGION_PROVINCE ? NULL
                         : name_at(r->level == STUINFO_REGION_PREFECTURE ? self : r->prefecture,
                                   year);
}
