/*
 * A change request from submission to applied: a student asks to correct the sex in
 * their record (a key field: it needs evidence and the registrar's approval), the class
 * teacher and the registrar approve, the registrar applies it. Then the before/after
 * diff and the audit log, whose head the host keeps somewhere else. Copy from here.
 *
 *   cc change_request.c $(pkg-config --cflags --libs stuinfo)
 *   ./a.out examples/data/student.json
 *
 * examples/data/student.json says 女 while the ID number says male: that is the mistake
 * corrected. Exit status: 0 applied, 1 a step was refused, 2 the record could not be read.
 * The context and the record come from common.h, shared with validate_record.c.
 */
#include <stdio.h>
#include <string.h>

#include <stuinfo.h>

#include "common.h"

/* Every step checks the status: a refusal says why and changes nothing. */
static int
step(stuinfo_ctx *ctx, const char *what, stuinfo_status st)
{
    if (st == STUINFO_OK)
        return 0;
    printf("%s refused: %s (%s)\n", what, stuinfo_ctx_last_message(ctx),
           stuinfo_status_str(st));
    return 1;
}

/* The record's values before and after, canonical: sex is a code (1 male, 2 female). */
static void
print_diff(const stuinfo_change_request *req)
{
    printf("before -> after:\n");
    for (size_t i = 0; i < stuinfo_request_diff_count(req); i++) {
        stuinfo_cr_change c = {.size = sizeof(c)};  /* strings borrowed from the request */
        if (stuinfo_request_diff_get(req, i, &c) == STUINFO_OK)
            printf("  %-10s %s -> %s\n", c.field, c.old_value ? c.old_value : "(empty)",
                   c.new_value ? c.new_value : "(empty)");
    }
}

static void
print_log(const stuinfo_change_request *req)
{
    printf("audit log:\n");
    for (size_t i = 0; i < stuinfo_request_log_count(req); i++) {
        stuinfo_cr_log_entry e = {.size = sizeof(e)};
        if (stuinfo_request_log_get(req, i, &e) != STUINFO_OK)
            continue;
        /* Values of key fields are masked in the log's text ("sex: * -> *"). */
        printf("  %zu %-6s %-9s %-8s %s -> %s  %s\n", i + 1, e.actor, stuinfo_role_key(e.role),
               stuinfo_cr_action_key(e.action), stuinfo_cr_state_key(e.from),
               stuinfo_cr_state_key(e.to), e.changes);
    }
    /* Keep this outside the request (another table, a signed receipt): with it,
     * stuinfo_request_log_verify() also catches a log cut short. */
    printf("log head: %s\n", stuinfo_request_log_head(req));
}

int
main(int argc, char **argv)
{
    stuinfo_ctx *ctx = NULL;
    stuinfo_workflow_policy *policy = NULL;
    stuinfo_student *student = NULL;
    stuinfo_change_request *req = NULL;
    stuinfo_report *report = NULL;
    stuinfo_cr_actor pupil, teacher, registrar;
    int rc = 2;

    if (argc < 2) {
        fprintf(stderr, "usage: %s STUDENT.json\n", argv[0]);
        return 2;
    }
    /* 2026-09-01 UTC as "now": windows and deadlines give the same answer every day. */
    if (!(ctx = example_ctx_new(1788220800)) ||
        example_student_load(ctx, argv[1], NULL, NULL, &student) != STUINFO_OK)
        goto out;
    if (stuinfo_report_new(ctx, &report) != STUINFO_OK ||
        stuinfo_workflow_policy_new(ctx, &policy) != STUINFO_OK) {   /* the defaults */
        printf("cannot start: %s\n", stuinfo_ctx_last_message(ctx));
        goto out;
    }
    /* Who acts: a role and the host's account id. */
    stuinfo_cr_actor_init(&pupil, STUINFO_ROLE_STUDENT, "s2021001", strlen("s2021001"));
    stuinfo_cr_actor_init(&teacher, STUINFO_ROLE_TEACHER, "t-wang", strlen("t-wang"));
    stuinfo_cr_actor_init(&registrar, STUINFO_ROLE_REGISTRAR, "reg-li", strlen("reg-li"));

    rc = 1;
    /* The request targets the record at its current version: should the record change
     * before the request is applied, applying it is refused (STALE_VERSION). */
    if (step(ctx, "create", stuinfo_request_new(ctx, policy, NULL, &pupil, "S-0001",
                                                strlen("S-0001"),
                                                stuinfo_student_version(student),
                                                STUINFO_CR_KIND_CORRECTION, NULL, 0, &req)))
        goto out;
    /* Each edit and action passes the revision the actor saw (optimistic concurrency). */
    if (step(ctx, "change", stuinfo_request_set_change(req, policy, NULL, &pupil,
                                                       stuinfo_request_revision(req), "sex",
                                                       "女", strlen("女"), "男",
                                                       strlen("男"))))
        goto out;
    /* sex is a key field: without evidence, submitting is refused (EVIDENCE_REQUIRED). */
    if (step(ctx, "evidence", stuinfo_request_add_evidence(
                 req, policy, NULL, &pupil, stuinfo_request_revision(req),
                 STUINFO_EVIDENCE_HOUSEHOLD_REGISTER, "HR-2021-0001",
                 strlen("HR-2021-0001"))))
        goto out;
    if (step(ctx, "submit", stuinfo_request_act(req, policy, NULL, &pupil,
                                                STUINFO_CR_ACTION_SUBMIT,
                                                stuinfo_request_revision(req), NULL, 0)))
        goto out;
    /* First level: the class teacher. A key field also needs the registrar. */
    if (step(ctx, "teacher", stuinfo_request_act(req, policy, NULL, &teacher,
                                                 STUINFO_CR_ACTION_APPROVE,
                                                 stuinfo_request_revision(req), NULL, 0)))
        goto out;
    if (step(ctx, "registrar", stuinfo_request_act(req, policy, NULL, &registrar,
                                                   STUINFO_CR_ACTION_APPROVE,
                                                   stuinfo_request_revision(req),
                                                   "household register checked",
                                                   strlen("household register checked"))))
        goto out;
    /* Applying validates the changed record first; all fields change together. */
    if (step(ctx, "apply", stuinfo_request_apply(req, policy, NULL, &registrar,
                                                 stuinfo_request_revision(req), student,
                                                 NULL, report)))
        goto out;
    printf("state: %s, record version %llu\n",
           stuinfo_cr_state_key(stuinfo_request_state(req)),
           (unsigned long long)stuinfo_student_version(student));
    print_diff(req);
    print_log(req);
    if (step(ctx, "verify", stuinfo_request_log_verify(req, NULL, NULL)))
        goto out;
    rc = 0;
out:
    stuinfo_request_free(req);                         /* wipes every value */
    stuinfo_report_free(report);
    stuinfo_student_free(student);
    stuinfo_workflow_policy_free(policy);
    stuinfo_ctx_free(ctx);
    return rc;
}
