/* The class record (班级). */
#include <string.h>

#include "core/report.h"
#include "record.h"

/* Class type 1x is 小学, 2x 初中, 4x 高中: it must agree with the grade's stage. */
static void
school_class_check_type(const struct school_record *r, stuinfo_report *report,
                        stuinfo_status *first)
{
    const char *t = school_value(r, STUINFO_CLASS_CLASS_TYPE_CODE);
    const char *g = school_value(r, STUINFO_CLASS_GRADE);
    int32_t stage, year, want;

    if (t == NULL || g == NULL || school_list_find(SCHOOL_LIST_CLASS_TYPE, t, strlen(t)) == NULL
        || !school_grade_parse(g, strlen(g), &stage, &year))
        return;
    want = t[0] == '1' ? 1 : t[0] == '2' ? 2 : 3;
    if (want != stage)
        school_finding(report, first, RULE_SCHOOL_CLASS_TYPE_STAGE, "class_type_code", t);
}

stuinfo_status
stuinfo_class_new(stuinfo_ctx *ctx, stuinfo_class **out)
{
    void *h = NULL;
    stuinfo_status st;

    st = school_handle_new(ctx, sizeof(stuinfo_class), SCHOOL_REC_CLASS, out != NULL, &h);
    if (out != NULL)
        *out = h;
    return st;
}

void
stuinfo_class_free(stuinfo_class *a)
{
    school_handle_free(a != NULL ? &a->r : NULL);
}

stuinfo_status
stuinfo_class_set(stuinfo_class *a, int32_t field, const char *text, size_t len,
                  stuinfo_report *report)
{
    return school_handle_set(a != NULL ? &a->r : NULL, field, text, len, report);
}

stuinfo_status
stuinfo_class_get(const stuinfo_class *a, int32_t field, const char **text, size_t *len)
{
    return school_handle_get(a != NULL ? &a->r : NULL, field, text, len);
}

stuinfo_status
stuinfo_class_validate(const stuinfo_class *a, stuinfo_report *report)
{
    stuinfo_status st = school_handle_validate_args(a != NULL ? &a->r : NULL, report);

    if (st != STUINFO_OK || a == NULL)   /* (a == NULL: st says so; for the analyzer) */
        return st;
    school_record_check(&a->r, NULL, report, &st);
    school_class_check_type(&a->r, report, &st);
    return school_result(a->r.ctx, st);
}

stuinfo_status
stuinfo_class_from_json(stuinfo_ctx *ctx, const char *json, size_t len,
                            stuinfo_report *report, stuinfo_class **out)
{
    stuinfo_status first;
    stuinfo_class *a = NULL;
    json_t *root;

    if (out != NULL)
        *out = NULL;
    root = school_handle_parse(ctx, json, len, report, out != NULL, &first);
    if (root == NULL)
        return first;
    first = stuinfo_class_new(ctx, &a);
    if (first == STUINFO_OK)
        school_json_fill(&a->r, NULL, root, NULL, report, &first);
    json_decref(root);
    if (first != STUINFO_OK) {
        stuinfo_class_free(a);
        return core_fail_status(ctx, first);
    }
    *out = a;
    return core_ok(ctx);
}

stuinfo_status
stuinfo_class_to_json(stuinfo_class *a, const char **json, size_t *len)
{
    stuinfo_status st = school_handle_json_args(a != NULL ? &a->r : NULL, json, len);

    if (st != STUINFO_OK || a == NULL)   /* (a == NULL: st says so; for the analyzer) */
        return st;
    return school_json_keep(&a->r, school_json_object(&a->r), json, len);
}

stuinfo_status
stuinfo_class_grade(const stuinfo_class *c, int32_t *stage_out, int32_t *year_out)
{
    int32_t stage = 0, year = 0;
    const char *g;

    if (stage_out != NULL)
        *stage_out = 0;
    if (year_out != NULL)
        *year_out = 0;
    if (c == NULL)
        return core_fail_status(NULL, STUINFO_ERR_INVALID_ARGUMENT);
    g = school_value(&c->r, STUINFO_CLASS_GRADE);
    if (g == NULL)
        return core_fail(c->r.ctx, STUINFO_ERR_NOT_FOUND, RULE_SCHOOL_GRADE_MISSING, "grade",
                         NULL);
    if (!school_grade_parse(g, c->r.v[STUINFO_CLASS_GRADE].len, &stage, &year))
        return core_fail(c->r.ctx, STUINFO_ERR_INVALID, RULE_SCHOOL_GRADE_FORMAT, "grade",
                         NULL);
    if (stage_out != NULL)
        *stage_out = stage;
    if (year_out != NULL)
        *year_out = year;
    return core_ok(c->r.ctx);
}
