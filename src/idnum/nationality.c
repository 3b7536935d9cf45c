/* Nationality codes on foreigners' permanent residence cards (GB/T 2659 / ISO 3166-1). */
#include "idnum.h"

/* Until the codes layer's nationality table is wired in, only the shape is checked. */
bool
idnum_nationality_alpha3(const char *code3)
{
    for (int i = 0; i < 3; i++)
        if (code3[i] < 'A' || code3[i] > 'Z')
            return false;
    return true;
}

bool
idnum_nationality_numeric(const char *code3)
{
    for (int i = 0; i < 3; i++)
        if (code3[i] < '0' || code3[i] > '9')
            return false;
    return !(code3[0] == '0' && code3[1] == '0' && code3[2] == '0');
}
