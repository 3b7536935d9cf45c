/* The region index while the build has no region table: nothing is known. */
#include <stddef.h>

#include "region_index.h"

uint32_t
region_index_flags(uint32_t code)
{
    (void)code;
    return STUINFO_IDNUM_FLAG_ADDRESS_UNCHECKED;
}

void
region_index_names(uint32_t code, stuinfo_idnum_result *out)
{
    (void)code;
    out->region_historic = 0;
    out->region_name = NULL;
    out->prefecture_name = NULL;
    out->province_name = NULL;
}

bool
region_index_present(void)
{
    return false;
}
