/*
 * A record to and from JSON through jansson. jansson allocates with libc and is not
 * told about the ctx hooks (its allocator is process-global); the text handed to the
 * caller is copied into a ctx allocation, and every buffer of ours that held the record
 * is wiped. jansson's own short-lived copies are freed by jansson unwiped.
 */
#include <string.h>

#include <jansson.h>

#include "core/report.h"
#include "student.h"
#include "text/text.h"

/* STUINFO_OK, or STUINFO_ERR_NOMEM (on the ctx) when the report cannot take it. */
static stuinfo_status
finding(stuinfo_report *report, rule_id rule, const char *path, const char *arg2)
{
    return report != NULL ? core_report_add(report, rule, path, path, arg2) : STUINFO_OK;
}

/* The first failure wins, but running out of memory beats any other; later failures are
 * still reported. */
static void
keep(stuinfo_status *first, stuinfo_status st)
{
    if ((*first == STUINFO_OK && st != STUINFO_OK) || st == STUINFO_ERR_NOMEM)
        *first = st;
}

/* Set one value from a JSON scalar. */
static void
set_value(stuinfo_student *st, model_group group, size_t index, int32_t field, json_t *v,
          stuinfo_report *report, stuinfo_status *first)
{
    char path[MODEL_PATH_MAX];
    char num[64];
    size_t n;

    switch (json_typeof(v)) {
    case JSON_STRING:
        keep(first, model_set(st, group, index, field, json_string_value(v),
                              json_string_length(v), report));
        break;
    case JSON_TRUE:
    case JSON_FALSE:
        keep(first, model_set(st, group, index, field, json_is_true(v) ? "1" : "0", 1,
                              report));
        break;
    case JSON_INTEGER:
    case JSON_REAL:
        n = json_dumpb(v, num, sizeof(num), JSON_ENCODE_ANY);
        if (n == 0 || n >= sizeof(num)) {
            model_path_format(path, group, index, field);
            keep(first, STUINFO_ERR_PARSE);
            keep(first, finding(report, RULE_STUDENT_JSON_BAD_TYPE, path, NULL));
            break;
        }
        keep(first, model_set(st, group, index, field, num, n, report));
        break;
    case JSON_NULL:
        break;
    default:
        model_path_format(path, group, index, field);
        keep(first, STUINFO_ERR_PARSE);
        keep(first, finding(report, RULE_STUDENT_JSON_BAD_TYPE, path, NULL));
        break;
    }
}

/* Report keys of @p obj that are not fields of @p group (nor family/history at top). */
static void
unknown_keys(json_t *obj, model_group group, const char *prefix, stuinfo_report *report,
             stuinfo_status *first)
{
    const char *key;
    json_t *v;

    json_object_foreach(obj, key, v) {
        size_t n = strlen(key);

        (void)v;
        if (model_field_by_key(group, key, n) != 0)
            continue;
        if (group == MODEL_GROUP_STUDENT
            && (strcmp(key, "family") == 0 || strcmp(key, "history") == 0))
            continue;
        /* The key itself may be anything: only its place is named. */
        keep(first, STUINFO_ERR_NOT_FOUND);
        keep(first, finding(report, RULE_STUDENT_JSON_UNKNOWN_FIELD, prefix, NULL));
    }
}

static void
fill_group(stuinfo_student *st, model_group group, size_t index, json_t *obj,
           stuinfo_report *report, stuinfo_status *first)
{
    int32_t count;
    const struct model_field_desc *d = model_group_fields(group, &count);
    json_t *v;

    /* A given pinyin goes first, so that setting the name does not generate one. */
    if (group == MODEL_GROUP_STUDENT
        && (v = json_object_get(obj, d[STUINFO_FIELD_NAME_PINYIN].key)) != NULL)
        set_value(st, group, index, STUINFO_FIELD_NAME_PINYIN, v, report, first);
    for (int32_t f = 1; f <= count; f++) {
        if (group == MODEL_GROUP_STUDENT && f == STUINFO_FIELD_NAME_PINYIN)
            continue;
        v = json_object_get(obj, d[f].key);
        if (v != NULL)
            set_value(st, group, index, f, v, report, first);
    }
}

/* "family" and "3" -> "family[3]" in @p path (MODEL_PATH_MAX bytes). */
_Static_assert(MODEL_PATH_MAX >= sizeof("history[]") + 20, "a group name and any size_t fit");
static void
member_path(char *path, const char *name, const char *num)
{
    size_t nl = strlen(name), ml = strlen(num);

    memcpy(path, name, nl);
    path[nl] = '[';
    memcpy(path + nl + 1, num, ml);
    path[nl + 1 + ml] = ']';
    path[nl + 2 + ml] = '\0';
}

static void
fill_array(stuinfo_student *st, model_group group, json_t *arr, stuinfo_report *report,
           stuinfo_status *first)
{
    const char *name = group == MODEL_GROUP_FAMILY ? "family" : "history";
    size_t i, index;
    json_t *item;
    char path[MODEL_PATH_MAX], num[24];

    if (arr == NULL || json_is_null(arr))
        return;
    if (!json_is_array(arr)) {
        keep(first, STUINFO_ERR_PARSE);
        keep(first, finding(report, RULE_STUDENT_JSON_NOT_ARRAY, name, NULL));
        return;
    }
    json_array_foreach(arr, i, item) {
        stuinfo_status rc = group == MODEL_GROUP_FAMILY
                                ? stuinfo_student_family_add(st, &index)
                                : stuinfo_student_history_add(st, &index);

        if (rc != STUINFO_OK) {
            keep(first, rc);
            keep(first, finding(report, group == MODEL_GROUP_FAMILY
                                            ? RULE_STUDENT_TOO_MANY_FAMILY
                                            : RULE_STUDENT_TOO_MANY_HISTORY,
                                name, NULL));
            return;
        }
        /* "family[3]" names the member in findings. */
        core_fmt_int(num, (int64_t)index);
        member_path(path, name, num);
        if (!json_is_object(item)) {
            keep(first, STUINFO_ERR_PARSE);
            keep(first, finding(report, RULE_STUDENT_JSON_NOT_OBJECT, path, NULL));
            continue;
        }
        unknown_keys(item, group, path, report, first);
        fill_group(st, group, index, item, report, first);
    }
}

stuinfo_status
stuinfo_student_from_json(stuinfo_ctx *ctx, const char *json, size_t len,
                          stuinfo_report *report, stuinfo_student **out)
{
    stuinfo_student *st = NULL;
    stuinfo_status first = STUINFO_OK;
    json_error_t err;
    json_t *root;
    size_t bad = 0;
    char num[24], num2[24];

    if (out != NULL)
        *out = NULL;
    if (ctx == NULL || out == NULL || (json == NULL && len > 0))
        return core_fail(ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_CORE_NULL_ARGUMENT, NULL,
                         NULL);
    if (report != NULL && core_report_ctx(report) != ctx)
        return core_fail(ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_STUDENT_BAD_ARGUMENT,
                         "report", NULL);
    if (len > STUINFO_STUDENT_MAX_JSON) {
        core_fmt_int(num, STUINFO_STUDENT_MAX_JSON);
        if (finding(report, RULE_STUDENT_JSON_TOO_LARGE, "", num) != STUINFO_OK)
            return STUINFO_ERR_NOMEM;
        return core_fail(ctx, STUINFO_ERR_TOO_LONG, RULE_STUDENT_JSON_TOO_LARGE, num, NULL);
    }
    /* jansson refuses bad UTF-8 too, but only we can say where and call it encoding. */
    if (text_utf8_check(json, len, &bad) != TEXT_OK) {
        core_fmt_int(num, (int64_t)bad);
        if (report != NULL
            && core_report_add(report, RULE_STUDENT_ENCODING, "", "JSON", num) != STUINFO_OK)
            return STUINFO_ERR_NOMEM;
        return core_fail(ctx, STUINFO_ERR_ENCODING, RULE_STUDENT_ENCODING, "JSON", num);
    }
    /* \u0000 inside a string is let through so that the setter reports it as a NUL. */
    root = json_loadb(json != NULL ? json : "", len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL,
                      &err);
    if (root == NULL) {
        core_fmt_int(num2, err.line);
        if (report != NULL
            && core_report_add(report, RULE_STUDENT_JSON_PARSE, "", num2, NULL) != STUINFO_OK)
            return STUINFO_ERR_NOMEM;
        return core_fail(ctx, STUINFO_ERR_PARSE, RULE_STUDENT_JSON_PARSE, num2, NULL);
    }
    if (!json_is_object(root)) {
        if (finding(report, RULE_STUDENT_JSON_NOT_OBJECT, "", NULL) != STUINFO_OK) {
            json_decref(root);
            return STUINFO_ERR_NOMEM;
        }
        json_decref(root);
        return core_fail(ctx, STUINFO_ERR_PARSE, RULE_STUDENT_JSON_NOT_OBJECT, "JSON", NULL);
    }
    first = stuinfo_student_new(ctx, &st);
    if (first == STUINFO_OK) {
        unknown_keys(root, MODEL_GROUP_STUDENT, "", report, &first);
        fill_group(st, MODEL_GROUP_STUDENT, 0, root, report, &first);
        fill_array(st, MODEL_GROUP_FAMILY, json_object_get(root, "family"), report, &first);
        fill_array(st, MODEL_GROUP_HISTORY, json_object_get(root, "history"), report,
                   &first);
    }
    json_decref(root);
    if (first != STUINFO_OK) {
        stuinfo_student_free(st);
        return core_fail_status(ctx, first);
    }
    *out = st;
    return core_ok(ctx);
}

/* Set every non-empty value of a group on @p obj; false on allocation failure. */
static bool
put_group(json_t *obj, model_group group, const struct model_value *values)
{
    int32_t count;
    const struct model_field_desc *d = model_group_fields(group, &count);

    for (int32_t f = 1; f <= count; f++) {
        if (values[f].text == NULL)
            continue;
        if (json_object_set_new(obj, d[f].key,
                                json_stringn(values[f].text, values[f].len)) != 0)
            return false;
    }
    return true;
}

static json_t *
build(const stuinfo_student *st)
{
    json_t *root = json_object(), *arr;

    if (root == NULL || !put_group(root, MODEL_GROUP_STUDENT, st->v))
        goto fail;
    if (st->family_count > 0) {
        if ((arr = json_array()) == NULL || json_object_set_new(root, "family", arr) != 0)
            goto fail;
        for (size_t i = 0; i < st->family_count; i++) {
            json_t *o = json_object();

            if (o == NULL || json_array_append_new(arr, o) != 0
                || !put_group(o, MODEL_GROUP_FAMILY, st->family[i]->v))
                goto fail;
        }
    }
    if (st->history_count > 0) {
        if ((arr = json_array()) == NULL || json_object_set_new(root, "history", arr) != 0)
            goto fail;
        for (size_t i = 0; i < st->history_count; i++) {
            json_t *o = json_object();

            if (o == NULL || json_array_append_new(arr, o) != 0
                || !put_group(o, MODEL_GROUP_HISTORY, st->history[i]->v))
                goto fail;
        }
    }
    return root;
fail:
    json_decref(root);
    return NULL;
}

stuinfo_status
stuinfo_student_to_json(stuinfo_student *st, const char **json, size_t *len)
{
    json_t *root;
    size_t need;
    char *buf;
    const size_t flags = JSON_COMPACT | JSON_PRESERVE_ORDER;

    if (json != NULL)
        *json = NULL;
    if (len != NULL)
        *len = 0;
    if (st == NULL || json == NULL)
        return core_fail(st != NULL ? st->ctx : NULL, STUINFO_ERR_INVALID_ARGUMENT,
                         RULE_CORE_NULL_ARGUMENT, NULL, NULL);
    root = build(st);
    if (root == NULL)
        return core_fail_status(st->ctx, STUINFO_ERR_NOMEM);
    /* Measure, then write straight into a ctx allocation: no libc copy of the text. */
    need = json_dumpb(root, NULL, 0, flags);
    buf = need > 0 ? core_alloc(st->ctx, need + 1) : NULL;
    if (buf == NULL || json_dumpb(root, buf, need, flags) != need) {
        if (buf != NULL)
            core_free_wipe(st->ctx, buf, need + 1);
        json_decref(root);
        return core_fail_status(st->ctx, STUINFO_ERR_NOMEM);
    }
    json_decref(root);
    buf[need] = '\0';
    if (st->json != NULL)
        core_free_wipe(st->ctx, st->json, st->json_len + 1);
    st->json = buf;
    st->json_len = need;
    *json = buf;
    if (len != NULL)
        *len = need;
    return core_ok(st->ctx);
}
