/* Nationality codes on foreigners' permanent residence cards (GB/T 2659 / ISO 3166-1,
 * the codes layer's nationality table; withdrawn codes stay valid for old cards). */
#include "codes/codes.h"
#include "idnum.h"

bool
idnum_nationality_alpha3(const char *code3)
{
    for (int i = 0; i < 3; i++)
        if (code3[i] < 'A' || code3[i] > 'Z')
            return false;
    return codes_by_code(STUINFO_TABLE_NATIONALITY, code3, 3) != NULL;
}

bool
idnum_nationality_numeric(const char *code3)
{
    for (int i = 0; i < 3; i++)
        if (code3[i] < '0' || code3[i] > '9')
            return false;
    return codes_by_code(STUINFO_TABLE_NATIONALITY, code3, 3) != NULL;
}
