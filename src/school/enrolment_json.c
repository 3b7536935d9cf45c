/* An enrolment history to and from JSON, with the hashes of every entry. */
#include <string.h>

#include "core/report.h"
#include "enrolment.h"

static json_t *
entry_object(const struct chain *c, size_t i, const struct enrol_entry *x)
{
    const struct school_field_desc *fd = school_event_fields;
    const struct enrol_event_desc *e = enrol_event_find(x->event);
    char hex[CHAIN_HEX_BYTES];
    json_t *o = json_object();

    if (o == NULL || e == NULL)
        goto fail;
    if (json_object_set_new(o, "event", json_string(e->key)) != 0
        || json_object_set_new(o, "status", json_string(enrol_statuses[x->status].key)) != 0)
        goto fail;
    for (int32_t f = 1; f <= SCHOOL_EVENT_FIELD_COUNT; f++)
        if (x->v[f].text != NULL
            && json_object_set_new(o, fd[f].m.key, json_stringn(x->v[f].text, x->v[f].len))
                   != 0)
            goto fail;
    chain_to_hex(c->entries[i].prev, hex);
    if (json_object_set_new(o, "prev", json_string(hex)) != 0)
        goto fail;
    chain_to_hex(c->entries[i].hash, hex);
    if (json_object_set_new(o, "hash", json_string(hex)) != 0)
        goto fail;
    return o;
fail:
    json_decref(o);
    return NULL;
}

stuinfo_status
stuinfo_enrolment_to_json(stuinfo_enrolment *en, const char **json, size_t *len)
{
    struct school_record tmp;
    json_t *root, *arr;
    stuinfo_status st;

    if (json != NULL)
        *json = NULL;
    if (len != NULL)
        *len = 0;
    if (en == NULL || json == NULL)
        return core_fail_status(en != NULL ? en->ctx : NULL, STUINFO_ERR_INVALID_ARGUMENT);
    root = json_object();
    arr = json_array();
    if (root == NULL || arr == NULL
        || json_object_set_new(root, "status", json_string(enrol_statuses[en->status].key))
               != 0
        || json_object_set_new(root, "head", json_string(stuinfo_enrolment_head(en))) != 0) {
        json_decref(arr);
        json_decref(root);
        return core_fail_status(en->ctx, STUINFO_ERR_NOMEM);
    }
    /* set_new takes the array even when it fails: freeing it again would be a double free */
    if (json_object_set_new(root, "entries", arr) != 0) {
        json_decref(root);
        return core_fail_status(en->ctx, STUINFO_ERR_NOMEM);
    }
    for (size_t i = 0; i < en->count; i++) {
        json_t *o = entry_object(&en->chain, i, en->entries[i]);

        if (o == NULL || json_array_append_new(arr, o) != 0) {
            json_decref(root);
            return core_fail_status(en->ctx, STUINFO_ERR_NOMEM);
        }
    }
    /* school_json_keep dumps into a record's JSON slot; lend it ours. */
    memset(&tmp, 0, sizeof(tmp));
    tmp.ctx = en->ctx;
    tmp.json = en->json;
    tmp.json_len = en->json_len;
    st = school_json_keep(&tmp, root, json, len);
    en->json = tmp.json;
    en->json_len = tmp.json_len;
    return st;
}

static bool
hex_member(json_t *o, const char *key, uint8_t out[CHAIN_HASH_BYTES])
{
    json_t *v = json_object_get(o, key);

    return json_is_string(v) && chain_from_hex(json_string_value(v), json_string_length(v), out);
}

/* Read entry @p i of the array into the history; replays its transition. */
static void
load_entry(stuinfo_enrolment *en, size_t i, json_t *o, stuinfo_report *report,
           stuinfo_status *first)
{
    char prefix[SCHOOL_PATH_MAX], place[SCHOOL_PATH_MAX], num[24];
    uint8_t prev[CHAIN_HASH_BYTES], hash[CHAIN_HASH_BYTES];
    const struct enrol_event_desc *e;
    json_t *ev, *stv;
    stuinfo_status st;
    int32_t after;
    size_t n;

    core_fmt_int(num, (int64_t)i);
    n = strlen(num);
    memcpy(prefix, "entries[", sizeof("entries["));    /* NUL included */
    memcpy(prefix + 8, num, n);
    memcpy(prefix + 8 + n, "].", 3);
    ev = json_object_get(o, "event");
    stv = json_object_get(o, "status");
    e = json_is_string(ev) ? enrol_event_by_key(json_string_value(ev), json_string_length(ev))
                           : NULL;
    after = json_is_string(stv) ? enrol_status_by_key(json_string_value(stv),
                                                      json_string_length(stv))
                                : -1;
    if (!json_is_object(o) || e == NULL || after < 0 || !hex_member(o, "prev", prev)
        || !hex_member(o, "hash", hash)) {
        school_finding(report, first, RULE_SCHOOL_JSON_BAD_ENTRY, school_place(place, prefix),
                       NULL);
        school_keep(first, STUINFO_ERR_PARSE);
        return;
    }
    school_record_clear(&en->pending);
    {
        json_t *copy = json_copy(o);

        if (copy == NULL) {
            school_keep(first, STUINFO_ERR_NOMEM);
            return;
        }
        json_object_del(copy, "event");
        json_object_del(copy, "status");
        json_object_del(copy, "prev");
        json_object_del(copy, "hash");
        school_json_fill(&en->pending, prefix, copy, NULL, report, first);
        json_decref(copy);
    }
    if (*first != STUINFO_OK)
        return;
    /* A history that cannot replay through the table was not written by us. */
    st = enrol_check(en, e, en->pending.v);
    if (st != STUINFO_OK || (e->to >= 0 ? e->to : en->status) != after) {
        school_finding(report, first, RULE_SCHOOL_ENROLMENT_REPLAY, school_place(place, prefix),
                       num);
        school_keep(first, core_fail(en->ctx, STUINFO_ERR_TAMPERED,
                                     RULE_SCHOOL_ENROLMENT_REPLAY, num, NULL));
        return;
    }
    school_keep(first, enrol_append(en, e, en->pending.v, prev, hash));
}

static stuinfo_status
from_json(stuinfo_ctx *ctx, const uint8_t *key, size_t key_len, const char *json, size_t len,
          stuinfo_report *report, stuinfo_enrolment **out)
{
    stuinfo_enrolment *en = NULL;
    stuinfo_status first;
    uint8_t head[CHAIN_HASH_BYTES];
    json_t *root, *arr, *item;
    size_t i, bad = 0;
    char num[24];

    if (out != NULL)
        *out = NULL;
    if (ctx == NULL || out == NULL || (json == NULL && len > 0)
        || (report != NULL && core_report_ctx(report) != ctx))
        return core_fail(ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_CORE_NULL_ARGUMENT, NULL,
                         NULL);
    root = school_json_parse(ctx, json, len, report, &first);
    if (root == NULL)
        return first;
    arr = json_object_get(root, "entries");
    if (!json_is_array(arr) || !hex_member(root, "head", head)) {
        json_decref(root);
        school_finding(report, &first, RULE_SCHOOL_JSON_NOT_ARRAY, "entries", NULL);
        if (first != STUINFO_OK)
            return core_fail_status(ctx, first);
        return core_fail(ctx, STUINFO_ERR_PARSE, RULE_SCHOOL_JSON_NOT_ARRAY, "entries", NULL);
    }
    first = enrol_new(ctx, key, key_len, &en);
    if (first == STUINFO_OK) {
        json_array_foreach(arr, i, item) {
            load_entry(en, i, item, report, &first);
            if (first != STUINFO_OK)
                break;
        }
        school_record_clear(&en->pending);
    }
    json_decref(root);
    if (first == STUINFO_OK && chain_verify(&en->chain, head, &bad) != STUINFO_OK) {
        core_fmt_int(num, (int64_t)bad);
        first = core_fail(ctx, STUINFO_ERR_TAMPERED, RULE_SCHOOL_ENROLMENT_TAMPERED, num,
                          NULL);
        school_finding(report, &first, RULE_SCHOOL_ENROLMENT_TAMPERED, "entries", num);
    }
    if (first != STUINFO_OK) {
        stuinfo_enrolment_free(en);
        return core_fail_status(ctx, first);
    }
    en->refusal = STUINFO_ENROLMENT_REFUSAL_NONE;
    *out = en;
    return core_ok(ctx);
}

stuinfo_status
stuinfo_enrolment_from_json(stuinfo_ctx *ctx, const char *json, size_t len,
                            stuinfo_report *report, stuinfo_enrolment **out)
{
    return from_json(ctx, NULL, 0, json, len, report, out);
}

stuinfo_status
stuinfo_enrolment_from_json_keyed(stuinfo_ctx *ctx, const uint8_t *key, size_t key_len,
                                  const char *json, size_t len, stuinfo_report *report,
                                  stuinfo_enrolment **out)
{
    if (key == NULL || key_len == 0) {
        if (out != NULL)
            *out = NULL;
        return core_fail(ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_SCHOOL_ENROLMENT_KEY, NULL,
                         NULL);
    }
    return from_json(ctx, key, key_len, json, len, report, out);
}
