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

/* Warnings for a code under a real province; *rank for its names. */
static IDNUM_ALWAYS_INLINE uint32_t
idnum_county_flags(uint32_t code, uint32_t *rank)
{
    uint32_t f = region_index_lookup(code, rank);

    if (code % 10000 == 0)
        return STUINFO_IDNUM_FLAG_ADDRESS_PROVINCE;
    if (code % 100 == 0)
        return STUINFO_IDNUM_FLAG_ADDRESS_PREFECTURE;
    return f;
}

/* A citizen-style number's address: mainland hukou, or 810000/820000/830000 of the
 * residence permits. Returns 0, ERR_PROVINCE or ERR_ADDRESS_KIND. */
static IDNUM_ALWAYS_INLINE int32_t
idnum_address_resident_at(uint32_t code, int32_t *kind_out, uint32_t *flags, uint32_t *rank)
{
    uint32_t p = (code / 10000) % 100;

    *kind_out = STUINFO_IDNUM_RESIDENT_18;
    switch (idnum_province_class[p]) {
    case 1:
        *flags |= idnum_county_flags(code, rank);
        return STUINFO_IDNUM_VALID;
    case 2:
        region_index_lookup(code, rank);
        *flags |= STUINFO_IDNUM_FLAG_ADDRESS_TAIWAN;
        return STUINFO_IDNUM_VALID;
    case 3:
        region_index_lookup(code, rank);
        if (code == 810000 || code == 820000) {
            *kind_out = code == 810000 ? STUINFO_IDNUM_PERMIT_HK : STUINFO_IDNUM_PERMIT_MACAO;
            return STUINFO_IDNUM_VALID;
        }
        return STUINFO_IDNUM_ERR_ADDRESS_KIND;
    default:
        *rank = REGION_NO_RANK;
        if (code == 830000) {
            /* Not a GB/T 2260 code: only the Taiwan residents' permits use it. */
            *kind_out = STUINFO_IDNUM_PERMIT_TAIWAN;
            return STUINFO_IDNUM_VALID;
        }
        return p == 83 ? STUINFO_IDNUM_ERR_ADDRESS_KIND : STUINFO_IDNUM_ERR_PROVINCE;
    }
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
        *flags |= idnum_county_flags(code, rank);
    return r;
}

#endif /* IDNUM_ADDRESS_IMPL_H */
