/* JSON helpers of the workflow layer (see json.h). */
#include <string.h>

#include "core/json_dump.h"
#include "text/text.h"
#include "workflow/json.h"

json_t *
workflow_json_parse(stuinfo_ctx *ctx, const char *json, size_t len, bool have_out,
                    stuinfo_status *status)
{
    json_error_t err;
    json_t *root;
    size_t bad = 0;
    char num[24];

    if (ctx == NULL || !have_out || (json == NULL && len > 0)) {
        *status = core_fail(ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_CORE_NULL_ARGUMENT, NULL,
                            NULL);
        return NULL;
    }
    if (len > STUINFO_CR_MAX_JSON) {
        *status = core_fail(ctx, STUINFO_ERR_TOO_LONG, RULE_WORKFLOW_JSON_TOO_LARGE,
                            core_fmt_int(num, STUINFO_CR_MAX_JSON), NULL);
        return NULL;
    }
    if (len > 0 && text_utf8_check(json, len, &bad) != TEXT_OK) {
        *status = core_fail(ctx, STUINFO_ERR_ENCODING, RULE_WORKFLOW_JSON_ENCODING,
                            core_fmt_int(num, (int64_t)bad), NULL);
        return NULL;
    }
    root = json_loadb(json != NULL ? json : "", len, JSON_REJECT_DUPLICATES, &err);
    if (root == NULL) {
        *status = core_fail(ctx, STUINFO_ERR_PARSE, RULE_WORKFLOW_JSON_PARSE,
                            core_fmt_int(num, err.line), NULL);
        return NULL;
    }
    if (!json_is_object(root)) {
        json_decref(root);
        *status = workflow_json_bad(ctx, "(root)");
        return NULL;
    }
    *status = STUINFO_OK;
    return root;
}

stuinfo_status
workflow_json_keep(stuinfo_ctx *ctx, json_t *root, char **buf, size_t *len)
{
    char *out = NULL;
    size_t n = 0;
    stuinfo_status st;

    if (root == NULL)
        return core_fail_status(ctx, STUINFO_ERR_NOMEM);
    st = core_json_dump(ctx, root, JSON_COMPACT | JSON_PRESERVE_ORDER, &out, &n);
    json_decref(root);
    if (st != STUINFO_OK)
        return core_fail_status(ctx, st);
    if (*buf != NULL)
        core_free_wipe(ctx, *buf, *len + 1);
    *buf = out;
    *len = n;
    return STUINFO_OK;
}

bool
workflow_json_only(json_t *obj, const char *const *keys)
{
    const char *key;
    json_t *v;

    json_object_foreach(obj, key, v) {
        bool known = false;

        for (size_t i = 0; keys[i] != NULL && !known; i++)
            known = strcmp(keys[i], key) == 0;
        if (!known)
            return false;
    }
    return true;
}

stuinfo_status
workflow_json_bad(stuinfo_ctx *ctx, const char *name)
{
    return core_fail(ctx, STUINFO_ERR_PARSE, RULE_WORKFLOW_JSON_MEMBER, name, NULL);
}

stuinfo_status
workflow_json_unknown(stuinfo_ctx *ctx, const char *name)
{
    return core_fail(ctx, STUINFO_ERR_PARSE, RULE_WORKFLOW_JSON_UNKNOWN_MEMBER, name, NULL);
}

json_t *
workflow_json_string(json_t *obj, const char *key)
{
    json_t *v = json_object_get(obj, key);

    return json_is_string(v) ? v : NULL;
}

bool
workflow_json_uint(json_t *obj, const char *key, int64_t *out)
{
    json_t *v = json_object_get(obj, key);

    if (!json_is_integer(v) || json_integer_value(v) < 0)
        return false;
    *out = (int64_t)json_integer_value(v);
    return true;
}

int32_t
workflow_json_key(json_t *obj, const char *key, const char *const *keys, int32_t max)
{
    json_t *v = workflow_json_string(obj, key);

    if (v == NULL)
        return -1;
    return workflow_key_find(keys, max, json_string_value(v), json_string_length(v));
}

json_t *
workflow_json_text(const char *text, size_t len)
{
    return text != NULL ? json_stringn(text, len) : json_null();
}
