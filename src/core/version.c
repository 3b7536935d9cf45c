/* The library version, from the generated stuinfo/version.h. */
#include "stuinfo/version.h"
#include "core.h"

const char *
stuinfo_version(void)
{
    return STUINFO_VERSION_STRING;
}

uint32_t
stuinfo_version_number(void)
{
    return STUINFO_VERSION_NUMBER;
}
