/* The generic record behind the authority, school, campus and class handles. */
#include <string.h>

#include "core/report.h"
#include "record.h"

_Static_assert(SCHOOL_AUTHORITY_FIELD_COUNT <= SCHOOL_MAX_FIELDS, "authority fields");
_Static_assert(SCHOOL_SCHOOL_FIELD_COUNT <= SCHOOL_MAX_FIELDS, "school fields");
_Static_assert(SCHOOL_CAMPUS_FIELD_COUNT <= SCHOOL_MAX_FIELDS, "campus fields");
_Static_assert(SCHOOL_CLASS_FIELD_COUNT <= SCHOOL_MAX_FIELDS, "class fields");
_Static_assert(SCHOOL_EVENT_FIELD_COUNT <= SCHOOL_MAX_FIELDS, "event fields");

void
school_record_init(struct school_record *r, stuinfo_ctx *ctx, int type)
{
    memset(r, 0, sizeof(*r));
    r->ctx = ctx;
    switch (type) {
    case SCHOOL_REC_AUTHORITY:
        r->fields = school_authority_fields;
        r->count = SCHOOL_AUTHORITY_FIELD_COUNT;
        break;
    case SCHOOL_REC_SCHOOL:
        r->fields = school_school_fields;
        r->count = SCHOOL_SCHOOL_FIELD_COUNT;
        break;
    case SCHOOL_REC_CAMPUS:
        r->fields = school_campus_fields;
        r->count = SCHOOL_CAMPUS_FIELD_COUNT;
        break;
    case SCHOOL_REC_EVENT:
        r->fields = school_event_fields;
        r->count = SCHOOL_EVENT_FIELD_COUNT;
        break;
    default:
        r->fields = school_class_fields;
        r->count = SCHOOL_CLASS_FIELD_COUNT;
        break;
    }
}

void
school_record_clear(struct school_record *r)
{
    for (int32_t i = 1; i <= r->count; i++)
        model_value_clear(r->ctx, &r->v[i]);
    if (r->json != NULL)
        core_free_wipe(r->ctx, r->json, r->json_len + 1);
    r->json = NULL;
    r->json_len = 0;
}

const struct school_field_desc *
school_record_desc(const struct school_record *r, int32_t field)
{
    if (field < 1 || field > r->count)
        return NULL;
    return &r->fields[field];
}

int32_t
school_record_field_by_key(const struct school_record *r, const char *key, size_t len)
{
    for (int32_t i = 1; i <= r->count; i++) {
        const char *k = r->fields[i].m.key;

        if (strlen(k) == len && memcmp(k, key, len) == 0)
            return i;
    }
    return 0;
}

char *
school_path(char *buf, const char *prefix, const char *key)
{
    size_t p = prefix != NULL ? strlen(prefix) : 0, k = strlen(key);

    if (p + k + 1 > SCHOOL_PATH_MAX)
        p = 0;
    if (p > 0)
        memcpy(buf, prefix, p);
    if (k + 1 > SCHOOL_PATH_MAX - p)
        k = SCHOOL_PATH_MAX - p - 1;
    memcpy(buf + p, key, k);
    buf[p + k] = '\0';
    return buf;
}

char *
school_place(char *buf, const char *prefix)
{
    size_t n = prefix != NULL ? strlen(prefix) : 0;

    if (n >= SCHOOL_PATH_MAX)
        n = SCHOOL_PATH_MAX - 1;
    if (n > 0 && prefix[n - 1] == '.')
        n--;
    if (n > 0)
        memcpy(buf, prefix, n);
    buf[n] = '\0';
    return buf;
}

char *
school_campus_prefix(char *buf, size_t index)
{
    char num[24];
    size_t n;

    core_fmt_int(num, (int64_t)index);
    n = strlen(num);
    memcpy(buf, "campuses[", sizeof("campuses["));   /* NUL included */
    memcpy(buf + 9, num, n);
    memcpy(buf + 9 + n, "].", 3);
    return buf;
}

void
school_finding(stuinfo_report *report, stuinfo_status *first, rule_id rule, const char *path,
               const char *arg2)
{
    if (report != NULL)
        school_keep(first, core_report_add(report, rule, path, path, arg2));
}

void
school_keep(stuinfo_status *first, stuinfo_status st)
{
    if ((*first == STUINFO_OK && st != STUINFO_OK) || st == STUINFO_ERR_NOMEM)
        *first = st;
}

stuinfo_status
school_result(stuinfo_ctx *ctx, stuinfo_status first)
{
    return first == STUINFO_OK ? core_ok(ctx) : core_fail_status(ctx, first);
}

stuinfo_status
school_record_set(struct school_record *r, const char *prefix, int32_t field,
                  const char *text, size_t len, stuinfo_report *report)
{
    const struct school_field_desc *d = school_record_desc(r, field);
    char path[SCHOOL_PATH_MAX];
    char *buf = NULL, *copy = NULL;
    size_t n = 0, cap = 0;
    stuinfo_status st;

    if (d == NULL)
        return core_fail(r->ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_SCHOOL_UNKNOWN_FIELD,
                         NULL, NULL);
    if (text == NULL && len > 0)
        return core_fail_status(r->ctx, STUINFO_ERR_INVALID_ARGUMENT);
    school_path(path, prefix, d->m.key);
    if (len > 0) {
        st = school_canon(r->ctx, d, path, text, len, report, &buf, &n, &cap);
        if (st != STUINFO_OK)
            return st;
        if (n > 0) {
            copy = core_strndup(r->ctx, buf, n);
            core_free_wipe(r->ctx, buf, cap);
            if (copy == NULL)
                return core_fail_status(r->ctx, STUINFO_ERR_NOMEM);
        } else {
            core_free_wipe(r->ctx, buf, cap);
        }
    }
    /* Allocate-copy-wipe-free: values never move by realloc. */
    model_value_clear(r->ctx, &r->v[field]);
    r->v[field].text = copy;
    r->v[field].len = (uint32_t)n;
    return core_ok(r->ctx);
}

stuinfo_status
school_record_get(const struct school_record *r, int32_t field, const char **text,
                  size_t *len)
{
    if (text == NULL || school_record_desc(r, field) == NULL) {
        if (text != NULL)
            *text = NULL;
        if (len != NULL)
            *len = 0;
        return core_fail_status(r->ctx, STUINFO_ERR_INVALID_ARGUMENT);
    }
    *text = r->v[field].text;
    if (len != NULL)
        *len = r->v[field].len;
    return core_ok(r->ctx);
}

const char *
school_value(const struct school_record *r, int32_t field)
{
    if (field < 1 || field > r->count)
        return NULL;
    return r->v[field].text;
}
