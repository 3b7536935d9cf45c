/* The school record (学校) and its campuses (校区). */
#include <string.h>

#include "core/report.h"
#include "record.h"

stuinfo_status
stuinfo_school_new(stuinfo_ctx *ctx, stuinfo_school **out)
{
    void *h = NULL;
    stuinfo_status st;

    st = school_handle_new(ctx, sizeof(stuinfo_school), SCHOOL_REC_SCHOOL, out != NULL, &h);
    if (out != NULL)
        *out = h;
    return st;
}

void
stuinfo_school_free(stuinfo_school *a)
{
    stuinfo_ctx *ctx;

    if (a == NULL)
        return;
    ctx = a->r.ctx;
    for (size_t i = 0; i < a->campus_count; i++) {
        school_record_clear(a->campus[i]);
        core_free(ctx, a->campus[i]);
    }
    school_handle_free(&a->r);
}

stuinfo_status
stuinfo_school_set(stuinfo_school *a, int32_t field, const char *text, size_t len,
                   stuinfo_report *report)
{
    return school_handle_set(a != NULL ? &a->r : NULL, field, text, len, report);
}

stuinfo_status
stuinfo_school_get(const stuinfo_school *a, int32_t field, const char **text, size_t *len)
{
    return school_handle_get(a != NULL ? &a->r : NULL, field, text, len);
}

stuinfo_status
stuinfo_school_validate(const stuinfo_school *a, stuinfo_report *report)
{
    stuinfo_status st = school_handle_validate_args(a != NULL ? &a->r : NULL, report);

    if (st != STUINFO_OK || a == NULL)   /* (a == NULL: st says so; for the analyzer) */
        return st;
    school_record_check(&a->r, NULL, report, &st);
    for (size_t i = 0; i < a->campus_count; i++) {
        char prefix[SCHOOL_PATH_MAX], path[SCHOOL_PATH_MAX];
        const char *no = school_value(a->campus[i], STUINFO_CAMPUS_CAMPUS_NO);

        school_campus_prefix(prefix, i);
        school_record_check(a->campus[i], prefix, report, &st);
        for (size_t j = 0; no != NULL && j < i; j++) {
            const char *other = school_value(a->campus[j], STUINFO_CAMPUS_CAMPUS_NO);

            if (other != NULL && strcmp(no, other) == 0) {
                school_finding(report, &st, RULE_SCHOOL_CAMPUS_DUPLICATE,
                               school_path(path, prefix, "campus_no"), no);
                break;
            }
        }
    }
    return school_result(a->r.ctx, st);
}

static void
fill_campuses(stuinfo_school *s, json_t *arr, stuinfo_report *report,
              stuinfo_status *first)
{
    char prefix[SCHOOL_PATH_MAX], place[SCHOOL_PATH_MAX];
    size_t i, index;
    json_t *item;

    if (arr == NULL || json_is_null(arr))
        return;
    if (!json_is_array(arr)) {
        school_finding(report, first, RULE_SCHOOL_JSON_NOT_ARRAY, "campuses", NULL);
        school_keep(first, STUINFO_ERR_PARSE);
        return;
    }
    json_array_foreach(arr, i, item) {
        stuinfo_status rc = stuinfo_school_campus_add(s, &index);

        if (rc != STUINFO_OK) {
            school_finding(report, first, RULE_SCHOOL_TOO_MANY_CAMPUSES, "campuses", NULL);
            school_keep(first, rc);
            return;
        }
        school_campus_prefix(prefix, index);
        if (!json_is_object(item)) {
            school_finding(report, first, RULE_SCHOOL_JSON_NOT_OBJECT,
                           school_place(place, prefix), NULL);
            school_keep(first, STUINFO_ERR_PARSE);
            continue;
        }
        school_json_fill(s->campus[index], prefix, item, NULL, report, first);
    }
}

static json_t *
build(const stuinfo_school *s)
{
    json_t *root = school_json_object(&s->r), *arr;

    if (root == NULL || s->campus_count == 0)
        return root;
    if ((arr = json_array()) == NULL || json_object_set_new(root, "campuses", arr) != 0)
        goto fail;
    for (size_t i = 0; i < s->campus_count; i++) {
        json_t *o = school_json_object(s->campus[i]);

        if (o == NULL || json_array_append_new(arr, o) != 0)
            goto fail;
    }
    return root;
fail:
    json_decref(root);
    return NULL;
}

stuinfo_status
stuinfo_school_from_json(stuinfo_ctx *ctx, const char *json, size_t len,
                            stuinfo_report *report, stuinfo_school **out)
{
    stuinfo_status first;
    stuinfo_school *a = NULL;
    json_t *root;

    if (out != NULL)
        *out = NULL;
    root = school_handle_parse(ctx, json, len, report, out != NULL, &first);
    if (root == NULL)
        return first;
    first = stuinfo_school_new(ctx, &a);
    if (first == STUINFO_OK) {
        school_json_fill(&a->r, NULL, root, "campuses", report, &first);
        fill_campuses(a, json_object_get(root, "campuses"), report, &first);
    }
    json_decref(root);
    if (first != STUINFO_OK) {
        stuinfo_school_free(a);
        return core_fail_status(ctx, first);
    }
    *out = a;
    return core_ok(ctx);
}

stuinfo_status
stuinfo_school_to_json(stuinfo_school *a, const char **json, size_t *len)
{
    stuinfo_status st = school_handle_json_args(a != NULL ? &a->r : NULL, json, len);

    if (st != STUINFO_OK || a == NULL)   /* (a == NULL: st says so; for the analyzer) */
        return st;
    return school_json_keep(&a->r, build(a), json, len);
}

stuinfo_status
stuinfo_school_campus_add(stuinfo_school *s, size_t *index_out)
{
    struct school_record *c;
    char num[24];

    if (index_out != NULL)
        *index_out = 0;
    if (s == NULL)
        return core_fail_status(NULL, STUINFO_ERR_INVALID_ARGUMENT);
    if (s->campus_count >= STUINFO_SCHOOL_MAX_CAMPUSES)
        return core_fail(s->r.ctx, STUINFO_ERR_TOO_LONG, RULE_SCHOOL_TOO_MANY_CAMPUSES,
                         core_fmt_int(num, STUINFO_SCHOOL_MAX_CAMPUSES), NULL);
    c = core_calloc(s->r.ctx, 1, sizeof(*c));
    if (c == NULL)
        return core_fail_status(s->r.ctx, STUINFO_ERR_NOMEM);
    school_record_init(c, s->r.ctx, SCHOOL_REC_CAMPUS);
    s->campus[s->campus_count] = c;
    if (index_out != NULL)
        *index_out = s->campus_count;
    s->campus_count++;
    return core_ok(s->r.ctx);
}

size_t
stuinfo_school_campus_count(const stuinfo_school *s)
{
    return s != NULL ? s->campus_count : 0;
}

stuinfo_status
stuinfo_school_campus_set(stuinfo_school *s, size_t index, int32_t field, const char *text,
                          size_t len, stuinfo_report *report)
{
    char prefix[SCHOOL_PATH_MAX];

    if (s == NULL)
        return core_fail_status(NULL, STUINFO_ERR_INVALID_ARGUMENT);
    if (index >= s->campus_count)
        return core_fail(s->r.ctx, STUINFO_ERR_NOT_FOUND, RULE_SCHOOL_NO_SUCH_CAMPUS, NULL,
                         NULL);
    return school_record_set(s->campus[index], school_campus_prefix(prefix, index), field,
                             text, len, report);
}

stuinfo_status
stuinfo_school_campus_get(const stuinfo_school *s, size_t index, int32_t field,
                          const char **text, size_t *len)
{
    if (text != NULL)
        *text = NULL;
    if (len != NULL)
        *len = 0;
    if (s == NULL)
        return core_fail_status(NULL, STUINFO_ERR_INVALID_ARGUMENT);
    if (index >= s->campus_count)
        return core_fail(s->r.ctx, STUINFO_ERR_NOT_FOUND, RULE_SCHOOL_NO_SUCH_CAMPUS, NULL,
                         NULL);
    return school_record_get(s->campus[index], field, text, len);
}
