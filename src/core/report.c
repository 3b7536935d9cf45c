/* stuinfo_report: a growing list of findings owned by one ctx. */
#include <string.h>

#include "ctx_impl.h"
#include "report.h"

typedef struct finding_rec {
    stuinfo_severity severity;
    rule_id rule;
    int64_t row;
    char *field;
    char *message;
} finding_rec;

struct stuinfo_report {
    stuinfo_ctx *ctx;
    finding_rec *items;
    size_t count;
    size_t cap;
    int64_t row;
    char *json;                 /* last stuinfo_report_to_json() result */
    size_t json_len;
};

stuinfo_status
stuinfo_report_new(stuinfo_ctx *ctx, stuinfo_report **out)
{
    stuinfo_report *r;

    if (out != NULL)
        *out = NULL;
    if (ctx == NULL || out == NULL)
        return core_fail(ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_CORE_NULL_ARGUMENT,
                         NULL, NULL);
    r = core_calloc(ctx, 1, sizeof(*r));
    if (r == NULL)
        return core_fail_status(ctx, STUINFO_ERR_NOMEM);
    r->ctx = ctx;
    core_ctx_attach(ctx);
    *out = r;
    return core_ok(ctx);
}

static void
items_clear(stuinfo_report *r)
{
    for (size_t i = 0; i < r->count; i++) {
        core_free_str(r->ctx, r->items[i].field);
        core_free_str(r->ctx, r->items[i].message);
    }
    r->count = 0;
    core_free(r->ctx, r->json);
    r->json = NULL;
    r->json_len = 0;
}

void
stuinfo_report_free(stuinfo_report *report)
{
    stuinfo_ctx *ctx;

    if (report == NULL)
        return;
    ctx = report->ctx;
    items_clear(report);
    core_free(ctx, report->items);
    core_free(ctx, report);
    core_ctx_detach(ctx);
}

stuinfo_status
stuinfo_report_clear(stuinfo_report *report)
{
    if (report == NULL)
        return STUINFO_ERR_INVALID_ARGUMENT;
    items_clear(report);
    report->row = 0;
    return core_ok(report->ctx);
}

size_t
stuinfo_report_count(const stuinfo_report *report)
{
    return report == NULL ? 0 : report->count;
}

size_t
stuinfo_report_count_severity(const stuinfo_report *report, int32_t severity)
{
    size_t n = 0;

    if (report == NULL)
        return 0;
    for (size_t i = 0; i < report->count; i++)
        n += (int32_t)report->items[i].severity == severity;
    return n;
}

stuinfo_status
stuinfo_report_get(const stuinfo_report *report, size_t index, stuinfo_finding *out)
{
    const finding_rec *f;

    if (report == NULL)
        return STUINFO_ERR_INVALID_ARGUMENT;
    if (out == NULL || out->size < sizeof(*out))
        return core_fail(report->ctx, STUINFO_ERR_INVALID_ARGUMENT,
                         RULE_CORE_NULL_ARGUMENT, NULL, NULL);
    if (index >= report->count)
        return core_fail(report->ctx, STUINFO_ERR_NOT_FOUND, RULE_CORE_INDEX_RANGE,
                         NULL, NULL);
    f = &report->items[index];
    out->severity = (int32_t)f->severity;
    out->row = f->row;
    out->rule = rules_id_str(f->rule);
    out->field = f->field;
    out->message = f->message;
    return core_ok(report->ctx);
}

const char *
stuinfo_severity_str(int32_t severity)
{
    switch (severity) {
    case STUINFO_SEVERITY_NOTE:
        return "note";
    case STUINFO_SEVERITY_WARNING:
        return "warning";
    case STUINFO_SEVERITY_ERROR:
        return "error";
    default:
        return "unknown";
    }
}

static bool
reserve(stuinfo_report *r)
{
    size_t cap, bytes;
    finding_rec *items;

    if (r->count < r->cap)
        return true;
    cap = r->cap == 0 ? 8 : r->cap * 2;
    if (!core_mul_size(cap, sizeof(*items), &bytes))
        return false;
    /* Findings hold no personal data (messages are built from masked arguments). */
    items = core_realloc(r->ctx, r->items, r->cap * sizeof(*items), bytes);
    if (items == NULL)
        return false;
    r->items = items;
    r->cap = cap;
    return true;
}

stuinfo_status
core_report_add_severity(stuinfo_report *r, stuinfo_severity severity, rule_id rule,
                         const char *field, const char *arg1, const char *arg2)
{
    char msg[CORE_MESSAGE_CAP];
    size_t msg_len;
    finding_rec *f;
    char *field_copy, *msg_copy;

    if (field == NULL)
        field = "";
    msg_len = core_message_format(msg, sizeof(msg), rule, r->ctx->lang, arg1, arg2);
    if (!reserve(r))
        return core_fail_status(r->ctx, STUINFO_ERR_NOMEM);
    field_copy = core_strndup(r->ctx, field, strlen(field));
    msg_copy = core_strndup(r->ctx, msg, msg_len);
    if (field_copy == NULL || msg_copy == NULL) {
        core_free_str(r->ctx, field_copy);
        core_free_str(r->ctx, msg_copy);
        return core_fail_status(r->ctx, STUINFO_ERR_NOMEM);
    }
    /* A new finding invalidates a previous JSON rendering. */
    core_free(r->ctx, r->json);
    r->json = NULL;
    r->json_len = 0;
    f = &r->items[r->count++];
    f->severity = severity;
    f->rule = rule;
    f->row = r->row;
    f->field = field_copy;
    f->message = msg_copy;
    return STUINFO_OK;
}

stuinfo_status
core_report_add(stuinfo_report *r, rule_id rule, const char *field, const char *arg1,
                const char *arg2)
{
    return core_report_add_severity(r, rules_severity(rule), rule, field, arg1, arg2);
}

void
core_report_set_row(stuinfo_report *r, int64_t row)
{
    r->row = row;
}

stuinfo_ctx *
core_report_ctx(const stuinfo_report *r)
{
    return r->ctx;
}

bool
core_report_has_rule(const stuinfo_report *r, rule_id rule)
{
    for (size_t i = 0; i < r->count; i++)
        if (r->items[i].rule == rule)
            return true;
    return false;
}

/* Defined in report_json.c, which owns the jansson dependency. */
stuinfo_status core_report_render_json(stuinfo_ctx *ctx, const stuinfo_finding *items,
                                       size_t count, char **json, size_t *len);

stuinfo_status
stuinfo_report_to_json(stuinfo_report *report, const char **json, size_t *len)
{
    stuinfo_finding *view = NULL;
    stuinfo_status st;

    if (report == NULL)
        return STUINFO_ERR_INVALID_ARGUMENT;
    if (json == NULL)
        return core_fail(report->ctx, STUINFO_ERR_INVALID_ARGUMENT,
                         RULE_CORE_NULL_ARGUMENT, NULL, NULL);
    *json = NULL;
    if (len != NULL)
        *len = 0;
    if (report->json == NULL) {
        if (report->count > 0) {
            view = core_calloc(report->ctx, report->count, sizeof(*view));
            if (view == NULL)
                return core_fail_status(report->ctx, STUINFO_ERR_NOMEM);
        }
        for (size_t i = 0; i < report->count; i++) {
            view[i].size = (uint32_t)sizeof(view[i]);
            stuinfo_report_get(report, i, &view[i]);
        }
        st = core_report_render_json(report->ctx, view, report->count, &report->json,
                                     &report->json_len);
        core_free(report->ctx, view);
        if (st != STUINFO_OK)
            return core_fail_status(report->ctx, st);
    }
    *json = report->json;
    if (len != NULL)
        *len = report->json_len;
    return core_ok(report->ctx);
}
