/*
 * Address codes (positions 1-6), inline for the verify fast path. The province (first
 * two digits) must exist; anything finer only ever gives warnings: real numbers carry
 * county codes that no published list has, late registrations carry codes younger than
 * the holder, and a code that was abolished stays in the numbers issued under it.
 */
#ifndef IDNUM_ADDRESS_IMPL_H
#define IDNUM_ADDRESS_IMPL_H

#include "idnum.h"
#include "region_index.h"

/* Province-level codes of GB/T 2260 (every edition since 1980): 1 mainland,
 * 2 Taiwan province (71, not used for mainland hukou), 3 Hong Kong / Macao. */
extern const uint8_t idnum_province_class[100];

/*
 * Warnings for the code p0 p1 p2 (its three pairs of digits, each 0-99) under a real
 * province; *rank for its names. A listed code's flags were worked out at build time.
 */
static IDNUM_ALWAYS_INLINE uint32_t
idnum_county_flags3(uint32_t p0, uint32_t p1, uint32_t p2, uint32_t *rank)
{
    *rank = region_index_rank2(p0 * 100 + p1, p2);
    if (*rank != REGION_NO_RANK)
        return idnum_region_infos[*rank].flags;
    if (p2 != 0)
        return STUINFO_IDNUM_FLAG_ADDRESS_UNKNOWN;
    return p1 != 0 ? STUINFO_IDNUM_FLAG_ADDRESS_PREFECTURE : STUINFO_IDNUM_FLAG_ADDRESS_PROVINCE;
}

/* A citizen-style number's address: mainland hukou, or 810000/820000/830000 of the
 * residence permits; the code as its three pairs of digits. Returns 0, ERR_PROVINCE or
 * ERR_ADDRESS_KIND. */
static IDNUM_ALWAYS_INLINE int32_t
idnum_address_resident3(uint32_t p0, uint32_t p1, uint32_t p2, int32_t *kind_out,
                        uint32_t *flags, uint32_t *rank)
{
    *kind_out = STUINFO_IDNUM_RESIDENT_18;
    switch (p0 < 100 ? idnum_province_class[p0] : 0) {
    case 1:
        *flags |= idnum_county_flags3(p0, p1, p2, rank);
        return STUINFO_IDNUM_VALID;
    case 2:
        *rank = region_index_rank2(p0 * 100 + p1, p2);
        *flags |= STUINFO_IDNUM_FLAG_ADDRESS_TAIWAN;
        return STUINFO_IDNUM_VALID;
    case 3:
        *rank = region_index_rank2(p0 * 100 + p1, p2);
        if (p1 == 0 && p2 == 0) {
            *kind_out = p0 == 81 ? STUINFO_IDNUM_PERMIT_HK : STUINFO_IDNUM_PERMIT_MACAO;
            return STUINFO_IDNUM_VALID;
        }
        return STUINFO_IDNUM_ERR_ADDRESS_KIND;
    default:
        *rank = REGION_NO_RANK;
        if (p0 == 83 && p1 == 0 && p2 == 0) {
            /* Not a GB/T 2260 code: only the Taiwan residents' permits use it. */
            *kind_out = STUINFO_IDNUM_PERMIT_TAIWAN;
            return STUINFO_IDNUM_VALID;
        }
        return p0 == 83 ? STUINFO_IDNUM_ERR_ADDRESS_KIND : STUINFO_IDNUM_ERR_PROVINCE;
    }
}

/* The same for the six-digit code as an integer. */
static IDNUM_ALWAYS_INLINE int32_t
idnum_address_resident_at(uint32_t code, int32_t *kind_out, uint32_t *flags, uint32_t *rank)
{
    return idnum_address_resident3((code / 10000) % 100, (code / 100) % 100, code % 100,
                                   kind_out, flags, rank);
}

/* A two-digit province code that must lie in the mainland. */
static IDNUM_ALWAYS_INLINE int32_t
idnum_province_mainland_at(uint32_t p)
{
    uint8_t c = p < 100 ? idnum_province_class[p] : 0;

    if (c == 1)
        return STUINFO_IDNUM_VALID;
    return c != 0 || p == 83 ? STUINFO_IDNUM_ERR_ADDRESS_KIND : STUINFO_IDNUM_ERR_PROVINCE;
}

/* A six-digit code that must lie in the mainland (15-digit numbers, school locations). */
static IDNUM_ALWAYS_INLINE int32_t
idnum_address_mainland_at(uint32_t code, uint32_t *flags, uint32_t *rank)
{
    int32_t r = idnum_province_mainland_at((code / 10000) % 100);

    *rank = REGION_NO_RANK;
    if (r == STUINFO_IDNUM_VALID)
        *flags |= idnum_county_flags3((code / 10000) % 100, (code / 100) % 100, code % 100,
                                      rank);
    return r;
}

#endif /* IDNUM_ADDRESS_IMPL_H */
