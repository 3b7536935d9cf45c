/*
 * O(1) address-code index for the verify fast path, generated at build time from the
 * same data/codes/region.tsv as the codes layer's region table: a slot per 4-digit
 * prefix with 100-bit masks of the codes ever seen and of the current ones. The rank
 * of a code (slot base + bits below it) is its index in codes_regions, which gives the
 * names; the code is compared before a name is trusted, with a binary search as the
 * fallback, so the two tables can never silently disagree.
 */
#include <string.h>

#include "codes/codes.h"
#include "codes/codes_tables.h"
#include "idnum_regions_table.h"
#include "region_index.h"

_Static_assert(IDNUM_REGION_CODES == sizeof(codes_regions) / sizeof(codes_regions[0]),
               "the idnum index and the codes region table come from the same file");

uint32_t
region_index_flags(uint32_t code)
{
    uint32_t slot = idnum_region_slot[(code / 100) % 10000];
    uint32_t low = code % 100;

    if (slot == 0)
        return STUINFO_IDNUM_FLAG_ADDRESS_UNKNOWN;
    const struct idnum_region_slot *s = &idnum_region_slots[slot - 1];
    uint64_t bit = 1ULL << (low & 63);
    if (!(s->known[low >> 6] & bit))
        return STUINFO_IDNUM_FLAG_ADDRESS_UNKNOWN;
    return s->current[low >> 6] & bit ? 0 : STUINFO_IDNUM_FLAG_ADDRESS_HISTORIC;
}

/* The region entry of @p code, or NULL. */
static const struct region_entry *
entry_of(uint32_t code)
{
    uint32_t slot = idnum_region_slot[(code / 100) % 10000];
    uint32_t low = code % 100;
    char text[7];

    if (slot == 0)
        return NULL;
    const struct idnum_region_slot *s = &idnum_region_slots[slot - 1];
    uint64_t bit = 1ULL << (low & 63);
    if (!(s->known[low >> 6] & bit))
        return NULL;
    uint32_t rank = s->base;
    if (low >= 64)
        rank += (uint32_t)__builtin_popcountll(s->known[0]);
    rank += (uint32_t)__builtin_popcountll(s->known[low >> 6] & (bit - 1));
    for (int i = 5; i >= 0; i--) {
        text[i] = (char)('0' + code % 10);
        code /= 10;
    }
    text[6] = '\0';
    if (rank < IDNUM_REGION_CODES && memcmp(codes_regions[rank].code, text, 6) == 0)
        return &codes_regions[rank];
    return codes_region_find(text);
}

static const char *
name_at(int16_t index, int year)
{
    if (index < 0 || codes_regions[index].flags & STUINFO_CODE_PLACEHOLDER)
        return NULL;
    return codes_region_name_at(&codes_regions[index], year);
}

void
region_index_names(uint32_t code, stuinfo_idnum_result *out)
{
    const struct region_entry *r = entry_of(code);

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
    out->region_name = codes_region_name_at(r, year);
    out->province_name = name_at(r->level == STUINFO_REGION_PROVINCE ? self : r->province, year);
    out->prefecture_name = r->level == STUINFO_REGION_PROVINCE ? NULL
                         : name_at(r->level == STUINFO_REGION_PREFECTURE ? self : r->prefecture,
                                   year);
}

bool
region_index_present(void)
{
    return true;
}
