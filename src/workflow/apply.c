/*
 * Applying an approved request to its record: the changes are made on a copy, the copy
 * is validated, and only if it has no error the record did not already have does the
 * copy replace the record's contents (all fields together, version + 1). The request
 * keeps the before/after diff and logs the apply. Any failure changes nothing.
 */
#include <string.h>

#include "core/report.h"
#include "workflow/workflow.h"

/* Every approval the table demands was given (a second line of defence). */
static bool
approved(const stuinfo_change_request *r, const stuinfo_workflow_policy *p)
{
    bool key = false;

    for (size_t i = 0; i < r->change_count; i++)
        key = key || workflow_change_class(p, r->changes[i]) == STUINFO_FIELD_CLASS_KEY;
    return r->first_ok && (!key || r->second_ok) && (!r->via_exception || r->exception_ok);
}

static bool
same_finding(const stuinfo_finding *a, const stuinfo_finding *b)
{
    return strcmp(a->rule, b->rule) == 0 && strcmp(a->field, b->field) == 0;
}

/* Count (and report) error findings of @p after that @p before does not have. */
static size_t
new_errors(const stuinfo_report *before, const stuinfo_report *after, stuinfo_report *out)
{
    size_t n = 0, nb = stuinfo_report_count(before), na = stuinfo_report_count(after);

    for (size_t i = 0; i < na; i++) {
        stuinfo_finding a = {.size = sizeof(a)};
        bool old = false;

        if (stuinfo_report_get(after, i, &a) != STUINFO_OK
            || a.severity != STUINFO_SEVERITY_ERROR)
            continue;
        for (size_t j = 0; j < nb && !old; j++) {
            stuinfo_finding b = {.size = sizeof(b)};

            old = stuinfo_report_get(before, j, &b) == STUINFO_OK && same_finding(&a, &b);
        }
        if (old)
            continue;
        n++;
        if (out != NULL)
            core_report_add(out, RULE_WORKFLOW_APPLY_INVALID, a.field, a.rule, NULL);
    }
    return n;
}

static stuinfo_status
validate_both(stuinfo_ctx *ctx, const stuinfo_student *before, const stuinfo_student *after,
              const stuinfo_policy *validation, stuinfo_report *report)
{
    stuinfo_report *rb = NULL, *ra = NULL;
    stuinfo_status st;
    size_t n = 0;
    char num[24];

    st = stuinfo_report_new(ctx, &rb);
    if (st == STUINFO_OK)
        st = stuinfo_report_new(ctx, &ra);
    if (st == STUINFO_OK)
        st = stuinfo_student_validate(before, validation, rb);
    if (st == STUINFO_OK)
        st = stuinfo_student_validate(after, validation, ra);
    if (st == STUINFO_OK)
        n = new_errors(rb, ra, report);
    stuinfo_report_free(rb);
    stuinfo_report_free(ra);
    if (st != STUINFO_OK)
        return st;
    if (n > 0)
        return core_fail(ctx, STUINFO_ERR_VALIDATION_FAILED, RULE_WORKFLOW_VALIDATION_FAILED,
                         core_fmt_int(num, (int64_t)n), NULL);
    return STUINFO_OK;
}

static stuinfo_status
make_diff(stuinfo_change_request *r, const stuinfo_student *before,
          const stuinfo_student *after)
{
    for (size_t i = 0; i < r->change_count; i++) {
        const struct wf_change *c = r->changes[i];
        const struct model_value *b = model_value(before, c->group, c->index, c->field);
        const struct model_value *a = model_value(after, c->group, c->index, c->field);
        struct wf_change *d = core_calloc(r->ctx, 1, sizeof(*d));

        if (d == NULL)
            return STUINFO_ERR_NOMEM;
        r->diff[r->diff_count++] = d;
        memcpy(d->path, c->path, sizeof(d->path));
        d->group = c->group;
        d->index = c->index;
        d->field = c->field;
        if ((b != NULL && b->text != NULL
             && workflow_text_set(r->ctx, &d->old_value, b->text, b->len) != STUINFO_OK)
            || (a != NULL && a->text != NULL
                && workflow_text_set(r->ctx, &d->new_value, a->text, a->len) != STUINFO_OK))
            return STUINFO_ERR_NOMEM;
    }
    return STUINFO_OK;
}

static void
drop_diff(stuinfo_change_request *r)
{
    for (size_t i = 0; i < r->diff_count; i++)
        workflow_change_free(r->ctx, r->diff[i]);
    r->diff_count = 0;
}

stuinfo_status
stuinfo_request_apply(stuinfo_change_request *r, const stuinfo_workflow_policy *policy,
                      const stuinfo_cr_facts *facts, const stuinfo_cr_actor *actor,
                      uint64_t seen_revision, stuinfo_student *student,
                      const stuinfo_policy *validation, stuinfo_report *report)
{
    stuinfo_student *copy = NULL, swap;
    struct wf_call call;
    stuinfo_status st;
    int32_t to;
    char a[24], b[24];

    st = workflow_call_init(&call, r, policy, facts, actor, STUINFO_CR_ACTION_APPLY,
                            seen_revision);
    if (st != STUINFO_OK)
        return st;
    if (student == NULL)
        return core_fail(r->ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_CORE_NULL_ARGUMENT, NULL,
                         NULL);
    st = workflow_check(r->ctx, r->state, &call, &to);
    if (st != STUINFO_OK)
        return st;
    if (student->version != r->record_version)
        return core_fail(r->ctx, STUINFO_ERR_STALE_VERSION, RULE_WORKFLOW_RECORD_STALE,
                         core_fmt_int(a, (int64_t)r->record_version),
                         core_fmt_int(b, (int64_t)student->version));
    if (!approved(r, policy))
        return core_fail(r->ctx, STUINFO_ERR_INTERNAL, RULE_WORKFLOW_NOT_APPROVED, NULL, NULL);
    st = stuinfo_student_clone(student, &copy);
    if (st != STUINFO_OK)
        return core_fail_status(r->ctx, st);
    for (size_t i = 0; i < r->change_count; i++) {
        const struct wf_change *c = r->changes[i];

        st = stuinfo_student_set_path(copy, c->path, c->new_value.text, c->new_value.len,
                                      NULL);
        if (st != STUINFO_OK) {
            stuinfo_student_free(copy);
            if (st == STUINFO_ERR_NOMEM)
                return core_fail_status(r->ctx, st);
            return core_fail(r->ctx, st, RULE_WORKFLOW_APPLY_VALUE, c->path, NULL);
        }
    }
    st = validate_both(r->ctx, student, copy, validation, report);
    if (st == STUINFO_OK)
        st = make_diff(r, student, copy);
    if (st == STUINFO_OK)
        st = workflow_log_append(r, actor, STUINFO_CR_ACTION_APPLY, r->state, to, NULL, 0,
                                 policy, r->diff, r->diff_count, NULL);
    if (st != STUINFO_OK) {
        drop_diff(r);
        stuinfo_student_free(copy);
        return st == STUINFO_ERR_VALIDATION_FAILED ? st : core_fail_status(r->ctx, st);
    }
    /* Nothing can fail from here: swap the contents, the old ones go with the copy. */
    swap = *student;
    *student = *copy;
    *copy = swap;
    student->version = swap.version + 1;
    stuinfo_student_free(copy);
    workflow_transition(r, STUINFO_CR_ACTION_APPLY, to, actor->id);
    return core_ok(r->ctx);
}
