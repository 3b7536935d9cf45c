/*
 * O(1) address-code index for the verify fast path, generated at build time from the
 * same data/codes/region.tsv as the codes layer's region table: a slot per 4-digit
 * prefix with a byte per code under it. The rank of a code (slot base + its byte - 1)
 * is its index in codes_regions and in idnum_region_infos, which hold its names: the
 * latest ones in the second, ready to copy; the ones of each year in the first.
 */
#include "codes/codes.h"
#include "codes/codes_tables.h"
#include "region_index.h"

_Static_assert(IDNUM_REGION_CODES == sizeof(codes_regions) / sizeof(codes_regions[0]),
               "the idnum index and the codes region table come from the same file");

/* The name a region had in @p year (the latest if it never changed). */
static const char *
name_in(const struct region_entry *r, int year)
{
    return r->names_count == 0 ? r->name : codes_region_name_at(r, year);
}

static const char *
name_of_rank(uint32_t rank, int year)
{
    return rank < IDNUM_REGION_CODES ? name_in(&codes_regions[rank], year) : NULL;
}

/*
 * The rank is trusted as it is: both tables come from the same file in the same order
 * (the count is asserted above, every code by tests/idnum/test_regions.c), and checking
 * it would cost a load from a table too large for the L1 cache. Parents come from the
 * slot, so no placeholder row (市辖区) is ever named.
 */
void
region_index_names(uint32_t code, uint32_t rank, stuinfo_idnum_result *out)
{
    region_index_names_inline(code, rank, out);
}

void
region_index_names_by_year(uint32_t code, uint32_t rank, stuinfo_idnum_result *out)
{
    uint32_t slot = idnum_region_slot[(code / 100) % 10000];

    if (rank >= IDNUM_REGION_CODES || slot == 0) {
        out->region_historic = 0;
        out->region_name = NULL;
        out->prefecture_name = NULL;
        out->province_name = NULL;
        return;
    }
    /* Names as they were in the birth year: the number got its code then. */
    const struct region_entry *r = &codes_regions[rank];
    const struct idnum_region_slot *s = &idnum_region_slots[slot - 1];
    int year = out->birth_year;

    out->region_historic = r->to_year != 0;
    out->region_name = name_in(r, year);
    if (code % 10000 == 0) {
        out->province_name = out->region_name;
        out->prefecture_name = NULL;
        return;
    }
    out->province_name = name_of_rank(s->province, year);
    if (code % 100 == 0)
        out->prefecture_name = r->flags & STUINFO_CODE_PLACEHOLDER ? NULL : out->region_name;
    else
        out->prefecture_name = name_of_rank(s->prefecture, year);
}
