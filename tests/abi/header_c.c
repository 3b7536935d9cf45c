/*
 * The umbrella header alone, as strict C11 (-pedantic-errors -Werror). Enum values are
 * ABI: pin each one so a renumbering fails to compile.
 */
#include <stuinfo.h>

_Static_assert(STUINFO_OK == 0, "ABI");
_Static_assert(STUINFO_ERR_INVALID_ARGUMENT == 1, "ABI");
_Static_assert(STUINFO_ERR_NOMEM == 2, "ABI");
_Static_assert(STUINFO_ERR_ENCODING == 3, "ABI");
_Static_assert(STUINFO_ERR_TOO_LONG == 4, "ABI");
_Static_assert(STUINFO_ERR_NOT_FOUND == 5, "ABI");
_Static_assert(STUINFO_ERR_AMBIGUOUS == 6, "ABI");
_Static_assert(STUINFO_ERR_INVALID == 7, "ABI");
_Static_assert(STUINFO_ERR_PARSE == 8, "ABI");
_Static_assert(STUINFO_ERR_IO == 9, "ABI");
_Static_assert(STUINFO_ERR_ICU == 10, "ABI");
_Static_assert(STUINFO_ERR_STATE == 11, "ABI");
_Static_assert(STUINFO_ERR_PERMISSION == 12, "ABI");
_Static_assert(STUINFO_ERR_SEPARATION_OF_DUTIES == 13, "ABI");
_Static_assert(STUINFO_ERR_WINDOW_CLOSED == 14, "ABI");
_Static_assert(STUINFO_ERR_EVIDENCE_REQUIRED == 15, "ABI");
_Static_assert(STUINFO_ERR_LOCKED_GRADUATED == 16, "ABI");
_Static_assert(STUINFO_ERR_LOCKED_REPORTED == 17, "ABI");
_Static_assert(STUINFO_ERR_STALE_VERSION == 18, "ABI");
_Static_assert(STUINFO_ERR_TAMPERED == 19, "ABI");
_Static_assert(STUINFO_ERR_VALIDATION_FAILED == 20, "ABI");
_Static_assert(STUINFO_ERR_UNSUPPORTED == 21, "ABI");
_Static_assert(STUINFO_ERR_INTERNAL == 22, "ABI");
_Static_assert(STUINFO_LANG_ZH_CN == 0 && STUINFO_LANG_EN == 1, "ABI");
_Static_assert(STUINFO_SEVERITY_NOTE == 1 && STUINFO_SEVERITY_WARNING == 2
               && STUINFO_SEVERITY_ERROR == 3, "ABI");
/* Layers pin their own enums below, one block each. */

int
main(void)
{
    /* Link check: the version macros and the library agree. */
    return stuinfo_version_number() == STUINFO_VERSION_NUMBER ? 0 : 1;
}
