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
/* codes */
_Static_assert(STUINFO_TABLE_ETHNICITY == 1 && STUINFO_TABLE_POLITICAL_STATUS == 2
               && STUINFO_TABLE_HUKOU_TYPE == 3 && STUINFO_TABLE_SEX == 4
               && STUINFO_TABLE_ID_DOC_TYPE == 5 && STUINFO_TABLE_HEALTH_STATUS == 6
               && STUINFO_TABLE_HMT_OVERSEAS == 7 && STUINFO_TABLE_RELATIONSHIP == 8
               && STUINFO_TABLE_NATIONALITY == 9 && STUINFO_TABLE_REGION == 10
               && STUINFO_TABLE_HUKOU_TYPE_GA324 == 11
               && STUINFO_TABLE_HUKOU_TYPE_GAT2000_27 == 12
               && STUINFO_TABLE_HEALTH_STATUS_GBT2261_3 == 13
               && STUINFO_TABLE_HEALTH_STATUS_GBT2261_3_SIMPLE == 14
               && STUINFO_TABLE_RELATIONSHIP_CATEGORY == 15, "ABI");
_Static_assert(STUINFO_CODE_REGISTRY == 1 && STUINFO_CODE_RETIRED == 2
               && STUINFO_CODE_SUPPLEMENTARY == 4 && STUINFO_CODE_CATEGORY == 8
               && STUINFO_CODE_PLACEHOLDER == 16 && STUINFO_CODE_STATISTICAL_ONLY == 32
               && STUINFO_CODE_FAMILY == 64 && STUINFO_CODE_UNVERIFIED == 128, "ABI");
_Static_assert(STUINFO_REGION_PROVINCE == 1 && STUINFO_REGION_PREFECTURE == 2
               && STUINFO_REGION_COUNTY == 3, "ABI");
/* idnum */
_Static_assert(STUINFO_IDNUM_KIND_UNKNOWN == 0 && STUINFO_IDNUM_RESIDENT_18 == 1
               && STUINFO_IDNUM_RESIDENT_15 == 2 && STUINFO_IDNUM_PERMIT_HK == 3
               && STUINFO_IDNUM_PERMIT_MACAO == 4 && STUINFO_IDNUM_PERMIT_TAIWAN == 5
               && STUINFO_IDNUM_FOREIGN_PR_15 == 6 && STUINFO_IDNUM_FOREIGN_PR_18 == 7
               && STUINFO_IDNUM_SELF_CODED_18 == 8 && STUINFO_IDNUM_TEMPORARY_18 == 9, "ABI");
_Static_assert(STUINFO_IDNUM_VALID == 0 && STUINFO_IDNUM_ERR_EMPTY == 1
               && STUINFO_IDNUM_ERR_LENGTH == 2 && STUINFO_IDNUM_ERR_CHARACTER == 3
               && STUINFO_IDNUM_ERR_CHECK_CHAR == 4 && STUINFO_IDNUM_ERR_DATE == 5
               && STUINFO_IDNUM_ERR_FUTURE_DATE == 6 && STUINFO_IDNUM_ERR_TOO_EARLY == 7
               && STUINFO_IDNUM_ERR_PROVINCE == 8 && STUINFO_IDNUM_ERR_ADDRESS_KIND == 9
               && STUINFO_IDNUM_ERR_NATIONALITY == 10 && STUINFO_IDNUM_ERR_SCIENTIFIC == 11
               && STUINFO_IDNUM_ERR_ENCODING == 12 && STUINFO_IDNUM_ERR_TOO_LONG == 13
               && STUINFO_IDNUM_ERR_PREFIX == 14, "ABI");
_Static_assert(STUINFO_IDNUM_FLAG_TRIMMED == 1 && STUINFO_IDNUM_FLAG_FULLWIDTH == 2
               && STUINFO_IDNUM_FLAG_LOWER_CASE == 4 && STUINFO_IDNUM_FLAG_APOSTROPHE == 8
               && STUINFO_IDNUM_FLAG_LEGACY_15 == 16 && STUINFO_IDNUM_FLAG_ADDRESS_UNKNOWN == 32
               && STUINFO_IDNUM_FLAG_ADDRESS_PROVINCE == 64
               && STUINFO_IDNUM_FLAG_ADDRESS_PREFECTURE == 128
               && STUINFO_IDNUM_FLAG_ADDRESS_HISTORIC == 256
               && STUINFO_IDNUM_FLAG_ADDRESS_TAIWAN == 512
               && STUINFO_IDNUM_FLAG_ADDRESS_UNCHECKED == 1024
               && STUINFO_IDNUM_FLAG_ROUNDED == 2048, "ABI");

/* workflow */
_Static_assert(STUINFO_CR_NONE == 0 && STUINFO_CR_DRAFT == 1 && STUINFO_CR_SUBMITTED == 2
               && STUINFO_CR_SECOND_REVIEW == 3 && STUINFO_CR_APPROVED == 4
               && STUINFO_CR_APPLIED == 5 && STUINFO_CR_RETURNED == 6
               && STUINFO_CR_REJECTED == 7 && STUINFO_CR_WITHDRAWN == 8
               && STUINFO_CR_EXCEPTION_REVIEW == 9, "ABI");
_Static_assert(STUINFO_CR_ACTION_CREATE == 1 && STUINFO_CR_ACTION_EDIT == 2
               && STUINFO_CR_ACTION_SUBMIT == 3 && STUINFO_CR_ACTION_WITHDRAW == 4
               && STUINFO_CR_ACTION_APPROVE == 5 && STUINFO_CR_ACTION_RETURN == 6
               && STUINFO_CR_ACTION_REJECT == 7 && STUINFO_CR_ACTION_APPLY == 8
               && STUINFO_CR_ACTION_REQUEST_EXCEPTION == 9, "ABI");
_Static_assert(STUINFO_ROLE_STUDENT == 1 && STUINFO_ROLE_GUARDIAN == 2
               && STUINFO_ROLE_TEACHER == 3 && STUINFO_ROLE_REGISTRAR == 4
               && STUINFO_ROLE_LEADERSHIP == 5 && STUINFO_ROLE_ADMIN == 6, "ABI");
_Static_assert(STUINFO_CR_KIND_CORRECTION == 1 && STUINFO_CR_KIND_CHANGE_OF_FACT == 2, "ABI");
_Static_assert(STUINFO_EVIDENCE_HOUSEHOLD_REGISTER == 1
               && STUINFO_EVIDENCE_POLICE_CERTIFICATE == 2
               && STUINFO_EVIDENCE_BIRTH_CERTIFICATE == 3 && STUINFO_EVIDENCE_ID_CARD == 4
               && STUINFO_EVIDENCE_OTHER == 5, "ABI");
_Static_assert(STUINFO_FIELD_CLASS_OPEN == 1 && STUINFO_FIELD_CLASS_GREY == 2
               && STUINFO_FIELD_CLASS_KEY == 3, "ABI");
_Static_assert(STUINFO_SECOND_REVIEW_KEY_ONLY == 1 && STUINFO_SECOND_REVIEW_ALWAYS == 2,
               "ABI");
_Static_assert(STUINFO_CR_ACTOR_ID_MAX == 63 && STUINFO_CR_MAX_CHANGES == 64
               && STUINFO_CR_MAX_EVIDENCE == 16 && STUINFO_CR_MAX_TEXT == 4096
               && STUINFO_CR_MAX_JSON == 16777216, "ABI");
_Static_assert(sizeof(stuinfo_cr_actor) == 72 && sizeof(stuinfo_cr_facts) == 24, "ABI");

int
main(void)
{
    /* Link check: the version macros and the library agree. */
    return stuinfo_version_number() == STUINFO_VERSION_NUMBER ? 0 : 1;
}
