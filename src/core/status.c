/* Static English names of the status codes. */
#include "core.h"

static const char *const status_text[] = {
    [STUINFO_OK] = "ok",
    [STUINFO_ERR_INVALID_ARGUMENT] = "invalid argument",
    [STUINFO_ERR_NOMEM] = "out of memory",
    [STUINFO_ERR_ENCODING] = "invalid text encoding",
    [STUINFO_ERR_TOO_LONG] = "input too long",
    [STUINFO_ERR_NOT_FOUND] = "not found",
    [STUINFO_ERR_AMBIGUOUS] = "ambiguous",
    [STUINFO_ERR_INVALID] = "invalid value",
    [STUINFO_ERR_PARSE] = "malformed input",
    [STUINFO_ERR_IO] = "input/output error",
    [STUINFO_ERR_ICU] = "unicode service failure",
    [STUINFO_ERR_STATE] = "not allowed in this state",
    [STUINFO_ERR_PERMISSION] = "permission denied for this role",
    [STUINFO_ERR_SEPARATION_OF_DUTIES] = "approver may not approve own request",
    [STUINFO_ERR_WINDOW_CLOSED] = "collection window closed",
    [STUINFO_ERR_EVIDENCE_REQUIRED] = "evidence required",
    [STUINFO_ERR_LOCKED_GRADUATED] = "locked after graduation",
    [STUINFO_ERR_LOCKED_REPORTED] = "locked after reporting to the ministry",
    [STUINFO_ERR_STALE_VERSION] = "stale version",
    [STUINFO_ERR_TAMPERED] = "verification failed: data was altered",
    [STUINFO_ERR_VALIDATION_FAILED] = "resulting record does not validate",
    [STUINFO_ERR_UNSUPPORTED] = "not supported",
    [STUINFO_ERR_INTERNAL] = "internal error",
};

const char *
stuinfo_status_str(int32_t status)
{
    if (status < 0 || (size_t)status >= sizeof(status_text) / sizeof(status_text[0])
        || status_text[status] == NULL)
        return "unknown status";
    return status_text[status];
}
