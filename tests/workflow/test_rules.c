/*
 * Each refusal reason of issue 7 reached on purpose (and the set of reasons seen is
 * checked complete at the end), each scenario of the first paragraph end to end,
 * a returned request edited after the window, and two reviewers on the same revision.
 * Every refusal is checked to leave the request's JSON byte-for-byte unchanged.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "test_ctx.h"
#include "sample.h"
#include "wf_fixture.h"

enum { BUF = 1 << 16 };
static char before[BUF], after[BUF];
static uint32_t seen_refusals;      /* bit (1 << status) */

/* Expect @p status from the call in @p expr, with the request unchanged. */
#define REFUSED(r, status, expr)                                                   \
    do {                                                                           \
        size_t n0_ = wf_json((r), before, BUF);                                    \
        assert_int_equal((expr), (status));                                        \
        size_t n1_ = wf_json((r), after, BUF);                                     \
        assert_int_equal(n0_, n1_);                                                \
        assert_memory_equal(before, after, n0_);                                   \
        seen_refusals |= 1u << (status);                                           \
    } while (0)

/* One step of a scenario that must succeed (no comment); a macro so that a failure
 * names the scenario's line. */
#define ACT_OK(f, r, facts, role, who, action)                                     \
    assert_int_equal(wf_act((r), (f)->p, (facts), (role), (who), (action), NULL), STUINFO_OK)

struct fx {
    stuinfo_ctx *ctx;
    stuinfo_workflow_policy *p;
    stuinfo_student *st;
    stuinfo_cr_facts facts;
};

/* Made and freed inside each test: cmocka checks blocks per phase, and a record made in a
 * setup that gains values in the test would look leaked. */
static struct fx *
fx_new(void)
{
    struct fx *f = test_calloc(1, sizeof(*f));

    f->ctx = test_ctx_new();
    f->p = wf_policy(f->ctx);
    assert_int_equal(stuinfo_student_new(f->ctx, &f->st), STUINFO_OK);
    assert_int_equal(sample_fill(f->st), STUINFO_OK);
    stuinfo_cr_facts_init(&f->facts);
    return f;
}

static void
fx_free(struct fx *f)
{
    stuinfo_student_free(f->st);
    stuinfo_workflow_policy_free(f->p);
    stuinfo_ctx_free(f->ctx);
    test_free(f);
}

static void
close_window(struct fx *f)
{
    assert_int_equal(stuinfo_workflow_policy_set_window(f->p, TEST_NOW - 30 * 86400,
                                                        TEST_NOW - 86400),
                     STUINFO_OK);
}

static void
open_window(struct fx *f)
{
    assert_int_equal(stuinfo_workflow_policy_set_window(f->p, TEST_NOW - 86400,
                                                        TEST_NOW + 86400),
                     STUINFO_OK);
}

static void
evidence(struct fx *f, stuinfo_change_request *r, const char *who, int32_t role)
{
    stuinfo_cr_actor a = wf_actor(role, who);

    assert_int_equal(stuinfo_request_add_evidence(r, f->p, &f->facts, &a,
                                                  stuinfo_request_revision(r),
                                                  STUINFO_EVIDENCE_POLICE_CERTIFICATE,
                                                  "PC-9", 4),
                     STUINFO_OK);
}

static stuinfo_status
apply(struct fx *f, stuinfo_change_request *r, const char *who)
{
    stuinfo_cr_actor a = wf_actor(STUINFO_ROLE_REGISTRAR, who);

    return stuinfo_request_apply(r, f->p, &f->facts, &a, stuinfo_request_revision(r), f->st,
                                 NULL, NULL);
}

static const char *
get(struct fx *f, const char *path)
{
    const char *v = NULL;
    size_t n;

    assert_int_equal(stuinfo_student_get_path(f->st, path, &v, &n), STUINFO_OK);
    return v;
}

/* Scenario 1: students edit their own open fields during the window, not after it. */
static void
test_open_field_in_window(void **state)
{
    struct fx *f = fx_new();
    stuinfo_change_request *r;
    stuinfo_cr_actor s1 = wf_actor(STUINFO_ROLE_STUDENT, "s1");

    (void)state;
    open_window(f);
    r = wf_draft(f->ctx, f->p, STUINFO_CR_KIND_CORRECTION, stuinfo_student_version(f->st));
    wf_change(r, f->p, "s1", STUINFO_ROLE_STUDENT, "phone", "010-65001234", "010-65009999");
    ACT_OK(f, r, NULL, STUINFO_ROLE_STUDENT, "s1", STUINFO_CR_ACTION_SUBMIT);
    /* No key field: the class teacher's approval is the last one. */
    ACT_OK(f, r, NULL, STUINFO_ROLE_TEACHER, "t1", STUINFO_CR_ACTION_APPROVE);
    assert_int_equal(stuinfo_request_state(r), STUINFO_CR_APPROVED);
    assert_int_equal(apply(f, r, "r1"), STUINFO_OK);
    assert_string_equal(get(f, "phone"), "010-65009999");
    stuinfo_request_free(r);

    /* After the window: neither edit nor submit. */
    r = wf_draft(f->ctx, f->p, STUINFO_CR_KIND_CORRECTION, stuinfo_student_version(f->st));
    wf_change(r, f->p, "s1", STUINFO_ROLE_STUDENT, "email", NULL, "a@example.cn");
    close_window(f);
    REFUSED(r, STUINFO_ERR_WINDOW_CLOSED,
            stuinfo_request_set_change(r, f->p, NULL, &s1, stuinfo_request_revision(r),
                                       "phone", NULL, 0, "1", 1));
    REFUSED(r, STUINFO_ERR_WINDOW_CLOSED,
            wf_act(r, f->p, NULL, STUINFO_ROLE_STUDENT, "s1", STUINFO_CR_ACTION_SUBMIT, NULL));
    /* Withdrawing stays possible. */
    ACT_OK(f, r, NULL, STUINFO_ROLE_STUDENT, "s1", STUINFO_CR_ACTION_WITHDRAW);
    /* Final states refuse everything. */
    REFUSED(r, STUINFO_ERR_STATE,
            wf_act(r, f->p, NULL, STUINFO_ROLE_STUDENT, "s1", STUINFO_CR_ACTION_SUBMIT, NULL));
    stuinfo_request_free(r);
    fx_free(f);
}

/* Scenario 2: grey fields: the student cannot touch them, the counselor can. */
static void
test_grey_field(void **state)
{
    struct fx *f = fx_new();
    stuinfo_change_request *r;
    stuinfo_cr_actor s1 = wf_actor(STUINFO_ROLE_STUDENT, "s1");
    stuinfo_cr_actor t1 = wf_actor(STUINFO_ROLE_TEACHER, "t1");

    (void)state;
    r = wf_draft(f->ctx, f->p, STUINFO_CR_KIND_CORRECTION, stuinfo_student_version(f->st));
    assert_int_equal(stuinfo_request_set_change(r, f->p, NULL, &s1, stuinfo_request_revision(r),
                                                "ethnicity", "01", 2, "02", 2),
                     STUINFO_ERR_PERMISSION);
    assert_non_null(strstr(stuinfo_ctx_last_message(f->ctx), "ethnicity"));
    REFUSED(r, STUINFO_ERR_PERMISSION,
            stuinfo_request_set_change(r, f->p, NULL, &s1, stuinfo_request_revision(r),
                                       "ethnicity", "01", 2, "02", 2));
    stuinfo_request_free(r);

    /* The counselor makes the request; another teacher reviews it. */
    assert_int_equal(stuinfo_request_new(f->ctx, f->p, NULL, &t1, "S001", 4,
                                         stuinfo_student_version(f->st),
                                         STUINFO_CR_KIND_CORRECTION, "asked by the student",
                                         20, &r),
                     STUINFO_OK);
    wf_change(r, f->p, "t1", STUINFO_ROLE_TEACHER, "ethnicity", "01", "02");
    /* A student may not submit it for them either. */
    REFUSED(r, STUINFO_ERR_PERMISSION,
            wf_act(r, f->p, NULL, STUINFO_ROLE_STUDENT, "s1", STUINFO_CR_ACTION_SUBMIT, NULL));
    ACT_OK(f, r, NULL, STUINFO_ROLE_TEACHER, "t1", STUINFO_CR_ACTION_SUBMIT);
    /* Separation of duties: the creator/submitter cannot approve. */
    REFUSED(r, STUINFO_ERR_SEPARATION_OF_DUTIES,
            wf_act(r, f->p, NULL, STUINFO_ROLE_TEACHER, "t1", STUINFO_CR_ACTION_APPROVE,
                   NULL));
    /* A registrar is not a first-level reviewer. */
    REFUSED(r, STUINFO_ERR_PERMISSION,
            wf_act(r, f->p, NULL, STUINFO_ROLE_REGISTRAR, "r1", STUINFO_CR_ACTION_APPROVE,
                   NULL));
    ACT_OK(f, r, NULL, STUINFO_ROLE_TEACHER, "t2", STUINFO_CR_ACTION_APPROVE);
    assert_int_equal(apply(f, r, "r1"), STUINFO_OK);
    assert_string_equal(get(f, "ethnicity"), "02");
    stuinfo_request_free(r);
    fx_free(f);
}

/* Scenario 3: key fields need evidence of an accepted kind and the registrar. */
static void
test_key_field_evidence(void **state)
{
    struct fx *f = fx_new();
    stuinfo_change_request *r;
    stuinfo_cr_actor s1 = wf_actor(STUINFO_ROLE_STUDENT, "s1");

    (void)state;
    r = wf_draft(f->ctx, f->p, STUINFO_CR_KIND_CORRECTION, stuinfo_student_version(f->st));
    wf_change(r, f->p, "s1", STUINFO_ROLE_STUDENT, "birth_date", "2015-03-07", "2015-03-08");
    REFUSED(r, STUINFO_ERR_EVIDENCE_REQUIRED,
            wf_act(r, f->p, NULL, STUINFO_ROLE_STUDENT, "s1", STUINFO_CR_ACTION_SUBMIT, NULL));
    /* A birth certificate is not a kind the default policy accepts for key fields. */
    assert_int_equal(stuinfo_request_add_evidence(r, f->p, NULL, &s1,
                                                  stuinfo_request_revision(r),
                                                  STUINFO_EVIDENCE_BIRTH_CERTIFICATE, "BC", 2),
                     STUINFO_OK);
    REFUSED(r, STUINFO_ERR_EVIDENCE_REQUIRED,
            wf_act(r, f->p, NULL, STUINFO_ROLE_STUDENT, "s1", STUINFO_CR_ACTION_SUBMIT, NULL));
    evidence(f, r, "s1", STUINFO_ROLE_STUDENT);
    ACT_OK(f, r, NULL, STUINFO_ROLE_STUDENT, "s1", STUINFO_CR_ACTION_SUBMIT);
    ACT_OK(f, r, NULL, STUINFO_ROLE_TEACHER, "t1", STUINFO_CR_ACTION_APPROVE);
    /* Not applicable before the registrar's approval. */
    REFUSED(r, STUINFO_ERR_STATE, apply(f, r, "r1"));
    ACT_OK(f, r, NULL, STUINFO_ROLE_REGISTRAR, "r1", STUINFO_CR_ACTION_APPROVE);
    /* Applying goes through stuinfo_request_apply(), which needs the record. */
    REFUSED(r, STUINFO_ERR_INVALID_ARGUMENT,
            wf_act(r, f->p, NULL, STUINFO_ROLE_REGISTRAR, "r2", STUINFO_CR_ACTION_APPLY, NULL));
    /* The birth date no longer matches the ID number: the apply is refused, the record
     * and the request stay as they were. */
    {
        stuinfo_report *rep = NULL;
        stuinfo_cr_actor reg = wf_actor(STUINFO_ROLE_REGISTRAR, "r2");
        uint64_t v = stuinfo_student_version(f->st);

        assert_int_equal(stuinfo_report_new(f->ctx, &rep), STUINFO_OK);
        REFUSED(r, STUINFO_ERR_VALIDATION_FAILED,
                stuinfo_request_apply(r, f->p, NULL, &reg, stuinfo_request_revision(r),
                                      f->st, NULL, rep));
        assert_true(stuinfo_report_count(rep) >= 1);
        assert_int_equal(stuinfo_student_version(f->st), v);
        assert_string_equal(get(f, "birth_date"), "2015-03-07");
        stuinfo_report_free(rep);
    }
    stuinfo_request_free(r);
    fx_free(f);
}

/* Scenario 4: corrections close after the first semester and once reported; a real
 * change of fact (a legal change of name) stays allowed. */
static void
test_correction_locks(void **state)
{
    struct fx *f = fx_new();
    stuinfo_change_request *r;

    (void)state;
    f->facts.enrolled_at = TEST_NOW - 200 * 86400;      /* past the 183-day default */
    r = wf_draft(f->ctx, f->p, STUINFO_CR_KIND_CORRECTION, stuinfo_student_version(f->st));
    wf_change(r, f->p, "s1", STUINFO_ROLE_STUDENT, "name", "张三", "张叁");
    evidence(f, r, "s1", STUINFO_ROLE_STUDENT);
    REFUSED(r, STUINFO_ERR_WINDOW_CLOSED,
            wf_act(r, f->p, &f->facts, STUINFO_ROLE_STUDENT, "s1", STUINFO_CR_ACTION_SUBMIT,
                   NULL));
    /* Open fields are not held by the first-semester limit. */
    f->facts.enrolled_at = TEST_NOW - 30 * 86400;
    f->facts.reported = 1;
    REFUSED(r, STUINFO_ERR_LOCKED_REPORTED,
            wf_act(r, f->p, &f->facts, STUINFO_ROLE_STUDENT, "s1", STUINFO_CR_ACTION_SUBMIT,
                   NULL));
    stuinfo_request_free(r);

    /* The same change as a change of fact goes through, reported or not. */
    r = wf_draft(f->ctx, f->p, STUINFO_CR_KIND_CHANGE_OF_FACT, stuinfo_student_version(f->st));
    wf_change(r, f->p, "s1", STUINFO_ROLE_STUDENT, "name", "张三", "张叁");
    evidence(f, r, "s1", STUINFO_ROLE_STUDENT);
    ACT_OK(f, r, &f->facts, STUINFO_ROLE_STUDENT, "s1", STUINFO_CR_ACTION_SUBMIT);
    ACT_OK(f, r, &f->facts, STUINFO_ROLE_TEACHER, "t1", STUINFO_CR_ACTION_APPROVE);
    ACT_OK(f, r, &f->facts, STUINFO_ROLE_REGISTRAR, "r1", STUINFO_CR_ACTION_APPROVE);
    /* Graduated meanwhile: the apply is refused too (locks are checked again). */
    f->facts.graduated = 1;
    REFUSED(r, STUINFO_ERR_LOCKED_GRADUATED, apply(f, r, "r1"));
    f->facts.graduated = 0;
    assert_int_equal(apply(f, r, "r1"), STUINFO_OK);
    assert_string_equal(get(f, "name"), "张叁");
    stuinfo_request_free(r);
    memset(&f->facts, 0, sizeof(f->facts));
    stuinfo_cr_facts_init(&f->facts);
    fx_free(f);
}

/* Scenario 5: after graduation name and ID number never change; other fields may. */
static void
test_graduation_lock(void **state)
{
    struct fx *f = fx_new();
    stuinfo_change_request *r;

    (void)state;
    f->facts.graduated = 1;
    r = wf_draft(f->ctx, f->p, STUINFO_CR_KIND_CHANGE_OF_FACT, stuinfo_student_version(f->st));
    wf_change(r, f->p, "s1", STUINFO_ROLE_STUDENT, "id_doc_no", "110105201503071235",
              "110105201503071251");
    evidence(f, r, "s1", STUINFO_ROLE_STUDENT);
    REFUSED(r, STUINFO_ERR_LOCKED_GRADUATED,
            wf_act(r, f->p, &f->facts, STUINFO_ROLE_STUDENT, "s1", STUINFO_CR_ACTION_SUBMIT,
                   NULL));
    stuinfo_request_free(r);
    /* Other fields may still change after graduation. */
    r = wf_draft(f->ctx, f->p, STUINFO_CR_KIND_CHANGE_OF_FACT, stuinfo_student_version(f->st));
    wf_change(r, f->p, "s1", STUINFO_ROLE_STUDENT, "mail_address", NULL, "北京市朝阳区1号");
    ACT_OK(f, r, &f->facts, STUINFO_ROLE_STUDENT, "s1", STUINFO_CR_ACTION_SUBMIT);
    stuinfo_request_free(r);
    stuinfo_cr_facts_init(&f->facts);
    fx_free(f);
}

/* Scenario 6: a returned request may be edited and resubmitted after the window. */
static void
test_returned_after_window(void **state)
{
    struct fx *f = fx_new();
    stuinfo_change_request *r;

    (void)state;
    open_window(f);
    r = wf_draft(f->ctx, f->p, STUINFO_CR_KIND_CORRECTION, stuinfo_student_version(f->st));
    wf_change(r, f->p, "s1", STUINFO_ROLE_STUDENT, "phone", NULL, "010-65000000");
    ACT_OK(f, r, NULL, STUINFO_ROLE_STUDENT, "s1", STUINFO_CR_ACTION_SUBMIT);
    close_window(f);
    assert_int_equal(wf_act(r, f->p, NULL, STUINFO_ROLE_TEACHER, "t1",
                            STUINFO_CR_ACTION_RETURN, "wrong number"),
                     STUINFO_OK);
    wf_change(r, f->p, "s1", STUINFO_ROLE_STUDENT, "phone", NULL, "010-65001111");
    ACT_OK(f, r, NULL, STUINFO_ROLE_STUDENT, "s1", STUINFO_CR_ACTION_SUBMIT);
    ACT_OK(f, r, NULL, STUINFO_ROLE_TEACHER, "t1", STUINFO_CR_ACTION_APPROVE);
    assert_int_equal(apply(f, r, "r1"), STUINFO_OK);
    assert_string_equal(get(f, "phone"), "010-65001111");
    stuinfo_request_free(r);
    assert_int_equal(stuinfo_workflow_policy_set_window(f->p, 0, 0), STUINFO_OK);
    fx_free(f);
}

/* Scenario 7: after the deadline, an exception needs a written report and leadership. */
static void
test_exception_path(void **state)
{
    struct fx *f = fx_new();
    stuinfo_change_request *r;

    (void)state;
    close_window(f);
    r = wf_draft(f->ctx, f->p, STUINFO_CR_KIND_CORRECTION, stuinfo_student_version(f->st));
    REFUSED(r, STUINFO_ERR_STATE,       /* nothing proposed yet, and no edit after the window */
            wf_act(r, f->p, NULL, STUINFO_ROLE_STUDENT, "s1",
                   STUINFO_CR_ACTION_REQUEST_EXCEPTION, "report"));
    assert_int_equal(stuinfo_workflow_policy_set_window(f->p, 0, 0), STUINFO_OK);
    wf_change(r, f->p, "s1", STUINFO_ROLE_STUDENT, "phone", NULL, "010-65002222");
    /* While the window is open, there is no exception to ask for. */
    REFUSED(r, STUINFO_ERR_STATE,
            wf_act(r, f->p, NULL, STUINFO_ROLE_STUDENT, "s1",
                   STUINFO_CR_ACTION_REQUEST_EXCEPTION, "report"));
    close_window(f);
    REFUSED(r, STUINFO_ERR_EVIDENCE_REQUIRED,
            wf_act(r, f->p, NULL, STUINFO_ROLE_STUDENT, "s1",
                   STUINFO_CR_ACTION_REQUEST_EXCEPTION, NULL));
    assert_int_equal(wf_act(r, f->p, NULL, STUINFO_ROLE_STUDENT, "s1",
                            STUINFO_CR_ACTION_REQUEST_EXCEPTION, "missed the deadline: ill"),
                     STUINFO_OK);
    REFUSED(r, STUINFO_ERR_PERMISSION,
            wf_act(r, f->p, NULL, STUINFO_ROLE_REGISTRAR, "r1", STUINFO_CR_ACTION_APPROVE,
                   "ok"));
    REFUSED(r, STUINFO_ERR_EVIDENCE_REQUIRED,
            wf_act(r, f->p, NULL, STUINFO_ROLE_LEADERSHIP, "l1", STUINFO_CR_ACTION_APPROVE,
                   NULL));
    assert_int_equal(wf_act(r, f->p, NULL, STUINFO_ROLE_LEADERSHIP, "l1",
                            STUINFO_CR_ACTION_APPROVE, "approved by the principal"),
                     STUINFO_OK);
    assert_int_equal(stuinfo_request_state(r), STUINFO_CR_SUBMITTED);
    ACT_OK(f, r, NULL, STUINFO_ROLE_TEACHER, "t1", STUINFO_CR_ACTION_APPROVE);
    assert_int_equal(apply(f, r, "r1"), STUINFO_OK);
    assert_string_equal(get(f, "phone"), "010-65002222");
    stuinfo_request_free(r);
    assert_int_equal(stuinfo_workflow_policy_set_window(f->p, 0, 0), STUINFO_OK);
    fx_free(f);
}

/* Two reviewers read revision N; the first acts, the second is refused as stale. Also
 * through JSON, as a host that stores requests would see it; and a stale record. */
static void
test_concurrent_review(void **state)
{
    struct fx *f = fx_new();
    stuinfo_change_request *r, *copy = NULL;
    stuinfo_cr_actor t1 = wf_actor(STUINFO_ROLE_TEACHER, "t1");
    stuinfo_cr_actor t2 = wf_actor(STUINFO_ROLE_TEACHER, "t2");
    uint64_t seen;
    size_t n;

    (void)state;
    r = wf_draft(f->ctx, f->p, STUINFO_CR_KIND_CORRECTION, stuinfo_student_version(f->st));
    wf_change(r, f->p, "s1", STUINFO_ROLE_STUDENT, "phone", NULL, "010-65003333");
    ACT_OK(f, r, NULL, STUINFO_ROLE_STUDENT, "s1", STUINFO_CR_ACTION_SUBMIT);
    seen = stuinfo_request_revision(r);
    n = wf_json(r, before, BUF);
    assert_int_equal(stuinfo_request_from_json(f->ctx, before, n, &copy), STUINFO_OK);
    assert_int_equal(stuinfo_request_act(r, f->p, NULL, &t1, STUINFO_CR_ACTION_RETURN, seen,
                                         NULL, 0),
                     STUINFO_OK);
    REFUSED(r, STUINFO_ERR_STALE_VERSION,
            stuinfo_request_act(r, f->p, NULL, &t2, STUINFO_CR_ACTION_APPROVE, seen, NULL, 0));
    /* The host stored the first review; the second reviewer's action runs on what is
     * stored now, with the revision they saw. */
    stuinfo_request_free(copy);
    n = wf_json(r, before, BUF);
    assert_int_equal(stuinfo_request_from_json(f->ctx, before, n, &copy), STUINFO_OK);
    REFUSED(copy, STUINFO_ERR_STALE_VERSION,
            stuinfo_request_act(copy, f->p, NULL, &t2, STUINFO_CR_ACTION_APPROVE, seen, NULL,
                                0));
    stuinfo_request_free(copy);
    stuinfo_request_free(r);

    /* The record moved on since the request was made: applying is refused. */
    r = wf_draft(f->ctx, f->p, STUINFO_CR_KIND_CORRECTION, stuinfo_student_version(f->st));
    wf_change(r, f->p, "s1", STUINFO_ROLE_STUDENT, "phone", NULL, "010-65004444");
    ACT_OK(f, r, NULL, STUINFO_ROLE_STUDENT, "s1", STUINFO_CR_ACTION_SUBMIT);
    ACT_OK(f, r, NULL, STUINFO_ROLE_TEACHER, "t1", STUINFO_CR_ACTION_APPROVE);
    assert_int_equal(stuinfo_student_set_path(f->st, "email", "b@example.cn", 12, NULL),
                     STUINFO_OK);
    REFUSED(r, STUINFO_ERR_STALE_VERSION, apply(f, r, "r1"));
    stuinfo_request_free(r);
    fx_free(f);
}

/* A request handled under another policy, unknown actions and roles, bad arguments. */
static void
test_arguments(void **state)
{
    struct fx *f = fx_new();
    stuinfo_workflow_policy *other = wf_policy(f->ctx);
    stuinfo_change_request *r;
    stuinfo_cr_actor s1 = wf_actor(STUINFO_ROLE_STUDENT, "s1"), bad;

    (void)state;
    assert_int_equal(stuinfo_workflow_policy_set_id(other, "school-2027", 11), STUINFO_OK);
    r = wf_draft(f->ctx, f->p, STUINFO_CR_KIND_CORRECTION, 0);
    REFUSED(r, STUINFO_ERR_INVALID_ARGUMENT,
            stuinfo_request_act(r, other, NULL, &s1, STUINFO_CR_ACTION_WITHDRAW, 1, NULL, 0));
    REFUSED(r, STUINFO_ERR_INVALID_ARGUMENT,
            stuinfo_request_act(r, f->p, NULL, &s1, 99, 1, NULL, 0));
    REFUSED(r, STUINFO_ERR_INVALID_ARGUMENT,
            stuinfo_request_act(r, f->p, NULL, NULL, STUINFO_CR_ACTION_WITHDRAW, 1, NULL, 0));
    REFUSED(r, STUINFO_ERR_NOT_FOUND,
            stuinfo_request_set_change(r, f->p, NULL, &s1, 1, "no_such_field", NULL, 0, "x",
                                       1));
    REFUSED(r, STUINFO_ERR_ENCODING,
            stuinfo_request_set_change(r, f->p, NULL, &s1, 1, "phone", NULL, 0, "\xff", 1));
    REFUSED(r, STUINFO_ERR_NOT_FOUND,
            stuinfo_request_remove_change(r, f->p, NULL, &s1, 1, "phone"));
    REFUSED(r, STUINFO_ERR_NOT_FOUND,
            stuinfo_request_remove_evidence(r, f->p, NULL, &s1, 1, 0));
    REFUSED(r, STUINFO_ERR_STATE,
            stuinfo_request_act(r, f->p, NULL, &s1, STUINFO_CR_ACTION_APPLY, 1, NULL, 0));
    assert_int_equal(stuinfo_cr_actor_init(&bad, 0, "x", 1), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_cr_actor_init(&bad, STUINFO_ROLE_ADMIN, "", 0),
                     STUINFO_ERR_INVALID_ARGUMENT);
    {
        char longid[80];

        memset(longid, 'a', sizeof(longid));
        assert_int_equal(stuinfo_cr_actor_init(&bad, STUINFO_ROLE_ADMIN, longid, 80),
                         STUINFO_ERR_TOO_LONG);
    }
    /* Edits and removals are logged and keep the content sealed. */
    wf_change(r, f->p, "s1", STUINFO_ROLE_STUDENT, "phone", NULL, "1");
    assert_int_equal(stuinfo_request_remove_change(r, f->p, NULL, &s1,
                                                   stuinfo_request_revision(r), "phone"),
                     STUINFO_OK);
    evidence(f, r, "s1", STUINFO_ROLE_STUDENT);
    assert_int_equal(stuinfo_request_remove_evidence(r, f->p, NULL, &s1,
                                                     stuinfo_request_revision(r), 0),
                     STUINFO_OK);
    assert_int_equal(stuinfo_request_change_count(r), 0);
    assert_int_equal(stuinfo_request_evidence_count(r), 0);
    assert_int_equal(stuinfo_request_log_count(r), 5);
    {
        stuinfo_change_request *back = NULL;
        size_t n = wf_json(r, before, BUF);

        assert_int_equal(stuinfo_request_from_json(f->ctx, before, n, &back), STUINFO_OK);
        stuinfo_request_free(back);
    }
    stuinfo_request_free(r);
    stuinfo_workflow_policy_free(other);
    fx_free(f);
}

/* Every refusal reason of issue 7 was reached by the tests above. */
static void
test_all_reasons_seen(void **state)
{
    static const int32_t reasons[] = {
        STUINFO_ERR_PERMISSION, STUINFO_ERR_SEPARATION_OF_DUTIES, STUINFO_ERR_WINDOW_CLOSED,
        STUINFO_ERR_EVIDENCE_REQUIRED, STUINFO_ERR_LOCKED_GRADUATED,
        STUINFO_ERR_LOCKED_REPORTED, STUINFO_ERR_STALE_VERSION, STUINFO_ERR_STATE,
        STUINFO_ERR_VALIDATION_FAILED,
    };

    (void)state;
    for (size_t i = 0; i < sizeof(reasons) / sizeof(reasons[0]); i++)
        if ((seen_refusals & (1u << reasons[i])) == 0)
            fail_msg("refusal %s never reached", stuinfo_status_str(reasons[i]));
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_open_field_in_window),
        cmocka_unit_test(test_grey_field),
        cmocka_unit_test(test_key_field_evidence),
        cmocka_unit_test(test_correction_locks),
        cmocka_unit_test(test_graduation_lock),
        cmocka_unit_test(test_returned_after_window),
        cmocka_unit_test(test_exception_path),
        cmocka_unit_test(test_concurrent_review),
        cmocka_unit_test(test_arguments),
        cmocka_unit_test(test_all_reasons_seen),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
