/* Address codes: the province table and the out-of-line forms of address_impl.h. */
#include "address_impl.h"

const uint8_t idnum_province_class[100] = {
    [11] = 1, [12] = 1, [13] = 1, [14] = 1, [15] = 1,
    [21] = 1, [22] = 1, [23] = 1,
    [31] = 1, [32] = 1, [33] = 1, [34] = 1, [35] = 1, [36] = 1, [37] = 1,
    [41] = 1, [42] = 1, [43] = 1, [44] = 1, [45] = 1, [46] = 1,
    [50] = 1, [51] = 1, [52] = 1, [53] = 1, [54] = 1,
    [61] = 1, [62] = 1, [63] = 1, [64] = 1, [65] = 1,
    [71] = 2, [81] = 3, [82] = 3,
};

int32_t
idnum_address_resident(uint32_t code, int32_t *kind_out, uint32_t *flags)
{
    uint32_t rank;
    return idnum_address_resident_at(code, kind_out, flags, &rank);
}

int32_t
idnum_province_mainland(uint32_t province)
{
    return idnum_province_mainland_at(province);
}

int32_t
idnum_address_mainland(uint32_t code, uint32_t *flags)
{
    uint32_t rank;
    return idnum_address_mainland_at(code, flags, &rank);
}

void
idnum_region_names(uint32_t code, stuinfo_idnum_result *out)
{
    uint32_t rank;

    region_index_lookup(code, &rank);
    region_index_names(code, rank, out);
}
