/* The supervising authority record (主管单位). */
#include "core/report.h"
#include "record.h"

stuinfo_status
stuinfo_authority_new(stuinfo_ctx *ctx, stuinfo_authority **out)
{
    void *h = NULL;
    stuinfo_status st;

    st = school_handle_new(ctx, sizeof(stuinfo_authority), SCHOOL_REC_AUTHORITY, out != NULL, &h);
    if (out != NULL)
        *out = h;
    return st;
}

void
stuinfo_authority_free(stuinfo_authority *a)
{
    school_handle_free(a != NULL ? &a->r : NULL);
}

stuinfo_status
stuinfo_authority_set(stuinfo_authority *a, int32_t field, const char *text, size_t len,
                      stuinfo_report *report)
{
    return school_handle_set(a != NULL ? &a->r : NULL, field, text, len, report);
}

stuinfo_status
stuinfo_authority_get(const stuinfo_authority *a, int32_t field, const char **text, size_t *len)
{
    return school_handle_get(a != NULL ? &a->r : NULL, field, text, len);
}

stuinfo_status
stuinfo_authority_validate(const stuinfo_authority *a, stuinfo_report *report)
{
    stuinfo_status st = school_handle_validate_args(a != NULL ? &a->r : NULL, report);

    if (st != STUINFO_OK || a == NULL)   /* (a == NULL: st says so; for the analyzer) */
        return st;
    school_record_check(&a->r, NULL, report, &st);
    return school_result(a->r.ctx, st);
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
    root = school_handle_parse(ctx, json, len, report, out != NULL, &first);
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
    stuinfo_status st = school_handle_json_args(a != NULL ? &a->r : NULL, json, len);

    if (st != STUINFO_OK || a == NULL)   /* (a == NULL: st says so; for the analyzer) */
        return st;
    return school_json_keep(&a->r, school_json_object(&a->r), json, len);
}
