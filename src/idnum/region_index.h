/*
 * Which county-level address codes exist, for the address check on the verify fast
 * path: known (in some published list), historic (no longer in the current one).
 * Derived from the codes layer's region table; without it every county code is
 * "unchecked" (a note), never a failure.
 */
#ifndef IDNUM_REGION_INDEX_H
#define IDNUM_REGION_INDEX_H

#include <stdbool.h>
#include <stdint.h>

#include "stuinfo/idnum.h"

/* Flags for a county-level code (not XX0000 / XXXX00) under a real province:
 * 0, ADDRESS_UNKNOWN, ADDRESS_HISTORIC or ADDRESS_UNCHECKED. */
uint32_t region_index_flags(uint32_t code);
/* Names and the historic flag of @p code into @p out; NULLs if unknown. */
void region_index_names(uint32_t code, stuinfo_idnum_result *out);
bool region_index_present(void);

#endif /* IDNUM_REGION_INDEX_H */
