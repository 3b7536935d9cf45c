/*
 * The workflow policy to and from JSON:
 *   {"format":"stuinfo.workflow_policy/1","id":"default",
 *    "window":{"open":0,"close":0},"second_review":"key_only",
 *    "correction_limit_days":183,"graduation_lock":true,"reported_lock":true,
 *    "fields":{"name":{"class":"key","evidence":["household_register",...],
 *              "graduation_lock":true},"ethnicity":{"class":"grey"},...}}
 * "fields" lists every field that is not plain open, in field order (student fields,
 * then "family.<key>", then "history.<key>"), so the output is byte-for-byte stable.
 */
#include <string.h>

#include "workflow/json.h"

static const char format_key[] = "stuinfo.workflow_policy/1";
static const char *const second_keys[3] = {NULL, "key_only", "always"};

static json_t *
rule_object(const struct wf_field_rule *r)
{
    json_t *o = json_object(), *ev = NULL;

    if (o == NULL || json_object_set_new(o, "class", json_string(workflow_class_keys[r->cls]))
                         != 0)
        goto fail;
    if (r->evidence != 0) {
        ev = json_array();
        if (json_object_set_new(o, "evidence", ev) != 0)
            goto fail;
        for (int32_t k = 1; k <= WF_EVIDENCE_MAX; k++)
            if ((r->evidence & (1u << k)) != 0
                && json_array_append_new(ev, json_string(workflow_evidence_keys[k])) != 0)
                goto fail;
    }
    if (r->graduation_lock && json_object_set_new(o, "graduation_lock", json_true()) != 0)
        goto fail;
    return o;
fail:
    json_decref(o);
    return NULL;
}

static bool
plain(const struct wf_field_rule *r)
{
    return r->cls == STUINFO_FIELD_CLASS_OPEN && r->evidence == 0 && r->graduation_lock == 0;
}

static bool
add_group(json_t *fields, const stuinfo_workflow_policy *p, model_group g, const char *prefix)
{
    int32_t count;
    const struct model_field_desc *d = model_group_fields(g, &count);
    char key[MODEL_PATH_MAX + 16];
    size_t pn = strlen(prefix);

    for (int32_t f = 1; f <= count; f++) {
        const struct wf_field_rule *r = workflow_policy_rule(p, g, f);
        size_t kn = strlen(d[f].key);

        if (plain(r))
            continue;
        if (pn + kn >= sizeof(key))
            return false;
        memcpy(key, prefix, pn);
        memcpy(key + pn, d[f].key, kn + 1);
        if (json_object_set_new(fields, key, rule_object(r)) != 0)
            return false;
    }
    return true;
}

stuinfo_status
stuinfo_workflow_policy_to_json(stuinfo_workflow_policy *p, const char **json, size_t *len)
{
    json_t *root, *window, *fields;
    stuinfo_status st;

    if (json != NULL)
        *json = NULL;
    if (len != NULL)
        *len = 0;
    if (p == NULL || json == NULL)
        return core_fail(p != NULL ? p->ctx : NULL, STUINFO_ERR_INVALID_ARGUMENT,
                         RULE_CORE_NULL_ARGUMENT, NULL, NULL);
    root = json_object();
    window = json_object();
    fields = json_object();
    if (root == NULL || window == NULL || fields == NULL
        || json_object_set_new(root, "format", json_string(format_key)) != 0
        || json_object_set_new(root, "id", json_string(p->id)) != 0
        || json_object_set_new(window, "open", json_integer(p->open_at)) != 0
        || json_object_set_new(window, "close", json_integer(p->close_at)) != 0
        || json_object_set(root, "window", window) != 0
        || json_object_set_new(root, "second_review",
                               json_string(second_keys[p->second_review])) != 0
        || json_object_set_new(root, "correction_limit_days",
                               json_integer(p->correction_limit_days)) != 0
        || json_object_set_new(root, "graduation_lock", json_boolean(p->graduation_lock)) != 0
        || json_object_set_new(root, "reported_lock", json_boolean(p->reported_lock)) != 0
        || !add_group(fields, p, MODEL_GROUP_STUDENT, "")
        || !add_group(fields, p, MODEL_GROUP_FAMILY, "family.")
        || !add_group(fields, p, MODEL_GROUP_HISTORY, "history.")
        || json_object_set(root, "fields", fields) != 0) {
        json_decref(window);
        json_decref(fields);
        json_decref(root);
        return core_fail_status(p->ctx, STUINFO_ERR_NOMEM);
    }
    json_decref(window);
    json_decref(fields);
    st = workflow_json_keep(p->ctx, root, &p->json, &p->json_len);
    if (st != STUINFO_OK)
        return st;
    *json = p->json;
    if (len != NULL)
        *len = p->json_len;
    return core_ok(p->ctx);
}

static stuinfo_status
load_rule(stuinfo_workflow_policy *p, const char *key, json_t *o)
{
    static const char *const members[] = {"class", "evidence", "graduation_lock", NULL};
    struct wf_field_rule *r = workflow_policy_rule_by_key(p, key, strlen(key));
    json_t *ev, *lock, *item;
    int32_t cls;
    size_t i;

    if (r == NULL)
        return core_fail(p->ctx, STUINFO_ERR_NOT_FOUND, RULE_WORKFLOW_UNKNOWN_FIELD, NULL,
                         NULL);
    if (!json_is_object(o))
        return workflow_json_bad(p->ctx, "fields");
    if (!workflow_json_only(o, members))
        return workflow_json_unknown(p->ctx, "fields");
    cls = workflow_json_key(o, "class", workflow_class_keys, 3);
    if (cls < STUINFO_FIELD_CLASS_OPEN)
        return workflow_json_bad(p->ctx, "class");
    r->cls = (uint8_t)cls;
    r->evidence = 0;
    ev = json_object_get(o, "evidence");
    if (ev != NULL && !json_is_array(ev))
        return workflow_json_bad(p->ctx, "evidence");
    json_array_foreach(ev, i, item) {
        int32_t k = json_is_string(item)
                        ? workflow_key_find(workflow_evidence_keys, WF_EVIDENCE_MAX,
                                            json_string_value(item), json_string_length(item))
                        : -1;

        if (k < 1 || (r->evidence & (1u << k)) != 0)
            return workflow_json_bad(p->ctx, "evidence");
        r->evidence |= (uint16_t)(1u << k);
    }
    lock = json_object_get(o, "graduation_lock");
    if (lock != NULL && !json_is_boolean(lock))
        return workflow_json_bad(p->ctx, "graduation_lock");
    r->graduation_lock = json_is_true(lock);
    return STUINFO_OK;
}

static stuinfo_status
load_flag(stuinfo_ctx *ctx, json_t *root, const char *key, int32_t *out)
{
    json_t *v = json_object_get(root, key);

    if (v == NULL)
        return STUINFO_OK;
    if (!json_is_boolean(v))
        return workflow_json_bad(ctx, key);
    *out = json_is_true(v);
    return STUINFO_OK;
}

static stuinfo_status
load(stuinfo_workflow_policy *p, json_t *root)
{
    static const char *const members[] = {
        "format", "id", "window", "second_review", "correction_limit_days",
        "graduation_lock", "reported_lock", "fields", NULL,
    };
    static const char *const window_members[] = {"open", "close", NULL};
    stuinfo_ctx *ctx = p->ctx;
    json_t *v, *fields;
    const char *key;
    int64_t n;

    v = workflow_json_string(root, "format");
    if (v == NULL || strcmp(json_string_value(v), format_key) != 0)
        return workflow_json_bad(ctx, "format");
    if (!workflow_json_only(root, members))
        return workflow_json_unknown(ctx, "(root)");
    v = json_object_get(root, "id");
    if (v != NULL && (!json_is_string(v)
                      || stuinfo_workflow_policy_set_id(p, json_string_value(v),
                                                        json_string_length(v)) != STUINFO_OK))
        return workflow_json_bad(ctx, "id");
    v = json_object_get(root, "window");
    if (v != NULL) {
        json_t *o = json_object_get(v, "open"), *c = json_object_get(v, "close");

        if (!json_is_object(v) || !workflow_json_only(v, window_members) || !json_is_integer(o)
            || !json_is_integer(c)
            || json_integer_value(c) < json_integer_value(o))
            return workflow_json_bad(ctx, "window");
        p->open_at = (int64_t)json_integer_value(o);
        p->close_at = (int64_t)json_integer_value(c);
    }
    if (json_object_get(root, "second_review") != NULL) {
        int32_t s = workflow_json_key(root, "second_review", second_keys, 2);

        if (s < 1)
            return workflow_json_bad(ctx, "second_review");
        p->second_review = s;
    }
    if (json_object_get(root, "correction_limit_days") != NULL) {
        if (!workflow_json_uint(root, "correction_limit_days", &n) || n > 36600)
            return workflow_json_bad(ctx, "correction_limit_days");
        p->correction_limit_days = (int32_t)n;
    }
    if (load_flag(ctx, root, "graduation_lock", &p->graduation_lock) != STUINFO_OK
        || load_flag(ctx, root, "reported_lock", &p->reported_lock) != STUINFO_OK)
        return STUINFO_ERR_PARSE;
    fields = json_object_get(root, "fields");
    if (fields != NULL) {
        const struct wf_field_rule open = {STUINFO_FIELD_CLASS_OPEN, 0, 0};

        if (!json_is_object(fields))
            return workflow_json_bad(ctx, "fields");
        for (size_t i = 0; i <= MODEL_STUDENT_FIELD_COUNT; i++)
            p->student[i] = open;
        for (size_t i = 0; i <= MODEL_FAMILY_FIELD_COUNT; i++)
            p->family[i] = open;
        for (size_t i = 0; i <= MODEL_HISTORY_FIELD_COUNT; i++)
            p->history[i] = open;
        json_object_foreach(fields, key, v) {
            stuinfo_status st = load_rule(p, key, v);

            if (st != STUINFO_OK)
                return st;
        }
    }
    return STUINFO_OK;
}

stuinfo_status
stuinfo_workflow_policy_from_json(stuinfo_ctx *ctx, const char *json, size_t len,
                                  stuinfo_workflow_policy **out)
{
    stuinfo_workflow_policy *p = NULL;
    stuinfo_status st;
    json_t *root;

    if (out != NULL)
        *out = NULL;
    root = workflow_json_parse(ctx, json, len, out != NULL, &st);
    if (root == NULL)
        return st;
    st = stuinfo_workflow_policy_new(ctx, &p);
    if (st == STUINFO_OK)
        st = load(p, root);
    json_decref(root);
    if (st != STUINFO_OK) {
        stuinfo_workflow_policy_free(p);
        return st;
    }
    *out = p;
    return core_ok(ctx);
}
