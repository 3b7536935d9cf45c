/*
 * Address codes (positions 1-6). The province (first two digits) must exist; anything
 * finer only ever gives warnings: real numbers carry county codes that no published
 * list has, late registrations carry codes younger than the holder, and a code that
 * was abolished stays in the numbers issued under it.
 */
#include "idnum.h"
#include "region_index.h"

/* Province-level codes of GB/T 2260 (every edition since 1980): 1 mainland,
 * 2 Taiwan province (71, not used for mainland hukou), 3 Hong Kong / Macao. */
static const uint8_t province_class[100] = {
    [11] = 1, [12] = 1, [13] = 1, [14] = 1, [15] = 1,
    [21] = 1, [22] = 1, [23] = 1,
    [31] = 1, [32] = 1, [33] = 1, [34] = 1, [35] = 1, [36] = 1, [37] = 1,
    [41] = 1, [42] = 1, [43] = 1, [44] = 1, [45] = 1, [46] = 1,
    [50] = 1, [51] = 1, [52] = 1, [53] = 1, [54] = 1,
    [61] = 1, [62] = 1, [63] = 1, [64] = 1, [65] = 1,
    [71] = 2, [81] = 3, [82] = 3,
};

/* Warnings for a code under a real mainland province. */
static uint32_t
county_flags(uint32_t code)
{
    if (code % 10000 == 0)
        return STUINFO_IDNUM_FLAG_ADDRESS_PROVINCE;
    if (code % 100 == 0)
        return STUINFO_IDNUM_FLAG_ADDRESS_PREFECTURE;
    return region_index_flags(code);
}

int32_t
idnum_address_resident(uint32_t code, int32_t *kind_out, uint32_t *flags)
{
    uint32_t p = code / 10000;

    *kind_out = STUINFO_IDNUM_RESIDENT_18;
    switch (province_class[p % 100]) {
    case 1:
        *flags |= county_flags(code);
        return STUINFO_IDNUM_VALID;
    case 2:
        *flags |= STUINFO_IDNUM_FLAG_ADDRESS_TAIWAN;
        return STUINFO_IDNUM_VALID;
    case 3:
        if (code == 810000) {
            *kind_out = STUINFO_IDNUM_PERMIT_HK;
            return STUINFO_IDNUM_VALID;
        }
        if (code == 820000) {
            *kind_out = STUINFO_IDNUM_PERMIT_MACAO;
            return STUINFO_IDNUM_VALID;
        }
        return STUINFO_IDNUM_ERR_ADDRESS_KIND;
    default:
        if (code == 830000) {
            *kind_out = STUINFO_IDNUM_PERMIT_TAIWAN;
            return STUINFO_IDNUM_VALID;
        }
        return p == 83 ? STUINFO_IDNUM_ERR_ADDRESS_KIND : STUINFO_IDNUM_ERR_PROVINCE;
    }
}

int32_t
idnum_province_mainland(uint32_t p)
{
    uint8_t c = province_class[p % 100];

    if (p < 100 && c == 1)
        return STUINFO_IDNUM_VALID;
    return (p < 100 && c != 0) || p == 83 ? STUINFO_IDNUM_ERR_ADDRESS_KIND
                                          : STUINFO_IDNUM_ERR_PROVINCE;
}

int32_t
idnum_address_mainland(uint32_t code, uint32_t *flags)
{
    int32_t r = idnum_province_mainland(code / 10000);

    if (r == STUINFO_IDNUM_VALID)
        *flags |= county_flags(code);
    return r;
}

bool
idnum_have_region_table(void)
{
    return region_index_present();
}

void
idnum_region_names(uint32_t code, stuinfo_idnum_result *out)
{
    region_index_names(code, out);
}
