/*
 * Records to and from JSON through jansson (as the student record does: jansson allocates
 * with libc; the text handed out is copied into ctx memory and wiped when replaced).
 */
#include <string.h>

#include "core/report.h"
#include "record.h"
#include "text/text.h"

static void
set_value(struct school_record *r, const char *prefix, int32_t field, json_t *v,
          stuinfo_report *report, stuinfo_status *first)
{
    char path[SCHOOL_PATH_MAX], num[64];
    size_t n;

    switch (json_typeof(v)) {
    case JSON_STRING:
        school_keep(first, school_record_set(r, prefix, field, json_string_value(v),
                                             json_string_length(v), report));
        return;
    case JSON_TRUE:
    case JSON_FALSE:
        school_keep(first, school_record_set(r, prefix, field, json_is_true(v) ? "1" : "0",
                                             1, report));
        return;
    case JSON_INTEGER:
    case JSON_REAL:
        n = json_dumpb(v, num, sizeof(num), JSON_ENCODE_ANY);
        if (n > 0 && n < sizeof(num)) {
            school_keep(first, school_record_set(r, prefix, field, num, n, report));
            return;
        }
        break;
    case JSON_NULL:
        return;
    default:
        break;
    }
    school_finding(report, first, RULE_SCHOOL_JSON_BAD_TYPE,
                   school_path(path, prefix, r->fields[field].m.key), NULL);
    school_keep(first, STUINFO_ERR_PARSE);
}

void
school_json_fill(struct school_record *r, const char *prefix, json_t *obj, const char *skip,
                 stuinfo_report *report, stuinfo_status *first)
{
    char place[SCHOOL_PATH_MAX];
    const char *key;
    json_t *v;

    json_object_foreach(obj, key, v) {
        int32_t f = school_record_field_by_key(r, key, strlen(key));

        if (f != 0) {
            set_value(r, prefix, f, v, report, first);
            continue;
        }
        if (skip != NULL && strcmp(key, skip) == 0)
            continue;
        /* The key itself may be anything: only its place is named. */
        school_finding(report, first, RULE_SCHOOL_JSON_UNKNOWN_FIELD,
                       school_place(place, prefix), NULL);
        school_keep(first, STUINFO_ERR_NOT_FOUND);
    }
}

json_t *
school_json_object(const struct school_record *r)
{
    json_t *obj = json_object();

    if (obj == NULL)
        return NULL;
    for (int32_t f = 1; f <= r->count; f++) {
        if (r->v[f].text == NULL)
            continue;
        if (json_object_set_new(obj, r->fields[f].m.key,
                                json_stringn(r->v[f].text, r->v[f].len)) != 0) {
            json_decref(obj);
            return NULL;
        }
    }
    return obj;
}

/* Refuse the text with @p status and a finding at the root; NULL for the caller to return.
 * STUINFO_ERR_NOMEM in *status when the finding could not be added. */
static json_t *
refuse(stuinfo_ctx *ctx, stuinfo_report *report, stuinfo_status *status,
       stuinfo_status refusal, rule_id rule, const char *arg)
{
    stuinfo_status noted = STUINFO_OK;

    school_finding(report, &noted, rule, "", arg);
    *status = core_fail(ctx, refusal, rule, "", arg);
    if (noted != STUINFO_OK)
        *status = core_fail_status(ctx, noted);
    return NULL;
}

json_t *
school_json_parse(stuinfo_ctx *ctx, const char *json, size_t len, stuinfo_report *report,
                  stuinfo_status *status)
{
    json_error_t err;
    json_t *root;
    size_t bad = 0;
    char num[24];

    if (len > STUINFO_SCHOOL_MAX_JSON)
        return refuse(ctx, report, status, STUINFO_ERR_TOO_LONG, RULE_SCHOOL_JSON_TOO_LARGE,
                      core_fmt_int(num, STUINFO_SCHOOL_MAX_JSON));
    if (text_utf8_check(json, len, &bad) != TEXT_OK)
        return refuse(ctx, report, status, STUINFO_ERR_ENCODING, RULE_SCHOOL_JSON_ENCODING,
                      core_fmt_int(num, (int64_t)bad));
    root = json_loadb(json != NULL ? json : "", len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL,
                      &err);
    if (root == NULL)
        return refuse(ctx, report, status, STUINFO_ERR_PARSE, RULE_SCHOOL_JSON_PARSE,
                      core_fmt_int(num, err.line));
    if (!json_is_object(root)) {
        json_decref(root);
        return refuse(ctx, report, status, STUINFO_ERR_PARSE, RULE_SCHOOL_JSON_NOT_OBJECT,
                      NULL);
    }
    *status = STUINFO_OK;
    return root;
}

stuinfo_status
school_json_keep(struct school_record *r, json_t *obj, const char **json, size_t *len)
{
    const size_t flags = JSON_COMPACT | JSON_PRESERVE_ORDER;
    size_t need;
    char *buf;

    if (obj == NULL)
        return core_fail_status(r->ctx, STUINFO_ERR_NOMEM);
    /* Measure, then write straight into a ctx allocation: no libc copy of the text. */
    need = json_dumpb(obj, NULL, 0, flags);
    buf = need > 0 ? core_alloc(r->ctx, need + 1) : NULL;
    if (buf == NULL || json_dumpb(obj, buf, need, flags) != need) {
        if (buf != NULL)
            core_free_wipe(r->ctx, buf, need + 1);
        json_decref(obj);
        return core_fail_status(r->ctx, STUINFO_ERR_NOMEM);
    }
    json_decref(obj);
    buf[need] = '\0';
    if (r->json != NULL)
        core_free_wipe(r->ctx, r->json, r->json_len + 1);
    r->json = buf;
    r->json_len = need;
    *json = buf;
    if (len != NULL)
        *len = need;
    return core_ok(r->ctx);
}
