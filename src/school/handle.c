/*
 * What the authority, school and class handles share. Each is a struct whose first member
 * is its struct school_record, so the public wrappers pass the record (NULL when the
 * handle is NULL) and every record type checks its arguments the same way.
 */
#include <stddef.h>

#include "core/report.h"
#include "record.h"

_Static_assert(offsetof(struct stuinfo_authority, r) == 0, "record first");
_Static_assert(offsetof(struct stuinfo_school, r) == 0, "record first");
_Static_assert(offsetof(struct stuinfo_class, r) == 0, "record first");

stuinfo_status
school_handle_new(stuinfo_ctx *ctx, size_t size, int type, bool have_out, void **handle)
{
    struct school_record *r;

    *handle = NULL;
    if (ctx == NULL || !have_out)
        return core_fail(ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_CORE_NULL_ARGUMENT, NULL,
                         NULL);
    r = core_calloc(ctx, 1, size);
    if (r == NULL)
        return core_fail_status(ctx, STUINFO_ERR_NOMEM);
    school_record_init(r, ctx, type);
    core_ctx_attach(ctx);
    *handle = r;
    return core_ok(ctx);
}

void
school_handle_free(struct school_record *r)
{
    stuinfo_ctx *ctx;

    if (r == NULL)
        return;
    ctx = r->ctx;
    school_record_clear(r);
    core_free(ctx, r);
    core_ctx_detach(ctx);
}

stuinfo_status
school_handle_set(struct school_record *r, int32_t field, const char *text, size_t len,
                  stuinfo_report *report)
{
    if (r == NULL)
        return core_fail_status(NULL, STUINFO_ERR_INVALID_ARGUMENT);
    return school_record_set(r, NULL, field, text, len, report);
}

stuinfo_status
school_handle_get(const struct school_record *r, int32_t field, const char **text,
                  size_t *len)
{
    if (r == NULL) {
        if (text != NULL)
            *text = NULL;
        if (len != NULL)
            *len = 0;
        return core_fail_status(NULL, STUINFO_ERR_INVALID_ARGUMENT);
    }
    return school_record_get(r, field, text, len);
}

stuinfo_status
school_handle_validate_args(const struct school_record *r, const stuinfo_report *report)
{
    if (r == NULL || report == NULL || core_report_ctx(report) != r->ctx)
        return core_fail_status(r != NULL ? r->ctx : NULL, STUINFO_ERR_INVALID_ARGUMENT);
    return STUINFO_OK;
}

json_t *
school_handle_parse(stuinfo_ctx *ctx, const char *json, size_t len, stuinfo_report *report,
                    bool have_out, stuinfo_status *status)
{
    if (ctx == NULL || !have_out || (json == NULL && len > 0)
        || (report != NULL && core_report_ctx(report) != ctx)) {
        *status = core_fail(ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_CORE_NULL_ARGUMENT, NULL,
                            NULL);
        return NULL;
    }
    return school_json_parse(ctx, json, len, report, status);
}

stuinfo_status
school_handle_json_args(const struct school_record *r, const char **json, size_t *len)
{
    if (json != NULL)
        *json = NULL;
    if (len != NULL)
        *len = 0;
    if (r == NULL || json == NULL)
        return core_fail_status(r != NULL ? r->ctx : NULL, STUINFO_ERR_INVALID_ARGUMENT);
    return STUINFO_OK;
}
