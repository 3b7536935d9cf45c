/* The supervising authority record (主管单位). */
#include "core/report.h"
#include "record.h"

stuinfo_status
stuinfo_authority_new(stuinfo_ctx *ctx, stuinfo_authority **out)
{
    stuinfo_authority *a;

    if (out != NULL)
        *out = NULL;
    if (ctx == NULL || out == NULL)
        return core_fail(ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_CORE_NULL_ARGUMENT, NULL,
                         NULL);
    a = core_calloc(ctx, 1, sizeof(*a));
    if (a == NULL)
        return core_fail_status(ctx, STUINFO_ERR_NOMEM);
    school_record_init(&a->r, ctx, SCHOOL_REC_AUTHORITY);
    core_ctx_attach(ctx);
    *out = a;
    return core_ok(ctx);
}

void
stuinfo_authority_free(stuinfo_authority *a)
{
    stuinfo_ctx *ctx;

    if (a == NULL)
        return;
    ctx = a->r.ctx;
    school_record_clear(&a->r);
    core_free(ctx, a);
    core_ctx_detach(ctx);
}

stuinfo_status
stuinfo_authority_set(stuinfo_authority *a, int32_t field, const char *text, size_t len,
                      stuinfo_report *report)
{
    if (a == NULL)
        return core_fail_status(NULL, STUINFO_ERR_INVALID_ARGUMENT);
    return school_record_set(&a->r, NULL, field, text, len, report);
}

stuinfo_status
stuinfo_authority_get(const stuinfo_authority *a, int32_t field, const char **text,
                      size_t *len)
{
    if (a == NULL) {
        if (text != NULL)
            *text = NULL;
        if (len != NULL)
            *len = 0;
        return core_fail_status(NULL, STUINFO_ERR_INVALID_ARGUMENT);
    }
    return school_record_get(&a->r, field, text, len);
}

stuinfo_status
stuinfo_authority_validate(const stuinfo_authority *a, stuinfo_report *report)
{
    if (a == NULL || report == NULL || core_report_ctx(report) != a->r.ctx)
        return core_fail_status(a != NULL ? a->r.ctx : NULL, STUINFO_ERR_INVALID_ARGUMENT);
    school_record_check(&a->r, NULL, report);
    return core_ok(a->r.ctx);
}

stuinfo_status
stuinfo_authority_from_json(stuinfo_ctx *ctx, const char *json, size_t len,
                            stuinfo_report *report, stuinfo_authority **out)
{
    stuinfo_status first;
    stuinfo_authority *a = NULL;
    json_t *root;

    if (out != NULL)
        *out = NULL;
    if (ctx == NULL || out == NULL || (json == NULL && len > 0)
        || (report != NULL && core_report_ctx(report) != ctx))
        return core_fail(ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_CORE_NULL_ARGUMENT, NULL,
                         NULL);
    root = school_json_parse(ctx, json, len, report, &first);
    if (root == NULL)
        return first;
    first = stuinfo_authority_new(ctx, &a);
    if (first == STUINFO_OK)
        school_json_fill(&a->r, NULL, root, NULL, report, &first);
    json_decref(root);
    if (first != STUINFO_OK) {
        stuinfo_authority_free(a);
        return core_fail_status(ctx, first);
    }
    *out = a;
    return core_ok(ctx);
}

stuinfo_status
stuinfo_authority_to_json(stuinfo_authority *a, const char **json, size_t *len)
{
    if (json != NULL)
        *json = NULL;
    if (len != NULL)
        *len = 0;
    if (a == NULL || json == NULL)
        return core_fail_status(a != NULL ? a->r.ctx : NULL, STUINFO_ERR_INVALID_ARGUMENT);
    return school_json_keep(&a->r, school_json_object(&a->r), json, len);
}
