/*
 * Allocation-failure sweep of the workflow (reliability.md G2, the pattern of
 * tests/hardening/sweep.c): each operation runs with allocation N failing, for
 * N = 1, 2, ... until it completes without an injected failure, once with only N failing
 * and once with every allocation from N on failing. Every run must return
 * STUINFO_ERR_NOMEM exactly when a failure was injected, leave the request it worked on
 * byte-for-byte unchanged and usable, and leak nothing (cmocka's allocator checks).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "test_ctx.h"
#include "sample.h"
#include "wf_fixture.h"

enum { BUF = 1 << 16 };
static char before[BUF], after[BUF], saved[BUF];
static size_t saved_len;

struct fx {
    stuinfo_ctx *ctx;
    test_faults faults;
    stuinfo_workflow_policy *p;
    stuinfo_change_request *r;      /* the request the operation works on */
    stuinfo_change_request *made;   /* what a successful operation made */
    stuinfo_student *st;
};

typedef stuinfo_status (*op_fn)(struct fx *f);

/* The request an operation starts from: at @p stage 0 a draft with a key-field change and
 * evidence; 1 submitted; 2 approved by both levels. */
static void
setup_request(struct fx *f, int stage)
{
    stuinfo_cr_actor s1 = wf_actor(STUINFO_ROLE_STUDENT, "s1");

    assert_int_equal(stuinfo_student_new(f->ctx, &f->st), STUINFO_OK);
    assert_int_equal(sample_fill(f->st), STUINFO_OK);
    f->r = wf_draft(f->ctx, f->p, STUINFO_CR_KIND_CHANGE_OF_FACT, stuinfo_student_version(f->st));
    wf_change(f->r, f->p, "s1", STUINFO_ROLE_STUDENT, "name", "张三", "张叁");
    wf_change(f->r, f->p, "s1", STUINFO_ROLE_STUDENT, "id_doc_no", "110105201503071235",
              "110105201503071235");
    assert_int_equal(stuinfo_request_add_evidence(f->r, f->p, NULL, &s1,
                                                  stuinfo_request_revision(f->r),
                                                  STUINFO_EVIDENCE_POLICE_CERTIFICATE, "P", 1),
                     STUINFO_OK);
    if (stage >= 1)
        assert_int_equal(wf_act(f->r, f->p, NULL, STUINFO_ROLE_STUDENT, "s1",
                                STUINFO_CR_ACTION_SUBMIT, NULL),
                         STUINFO_OK);
    if (stage >= 2) {
        assert_int_equal(wf_act(f->r, f->p, NULL, STUINFO_ROLE_TEACHER, "t1",
                                STUINFO_CR_ACTION_APPROVE, NULL),
                         STUINFO_OK);
        assert_int_equal(wf_act(f->r, f->p, NULL, STUINFO_ROLE_REGISTRAR, "r1",
                                STUINFO_CR_ACTION_APPROVE, NULL),
                         STUINFO_OK);
    }
}

static stuinfo_status
op_create(struct fx *f)
{
    stuinfo_cr_actor s1 = wf_actor(STUINFO_ROLE_STUDENT, "s1");

    return stuinfo_request_new(f->ctx, f->p, NULL, &s1, "S001", 4, 0,
                               STUINFO_CR_KIND_CORRECTION, "note", 4, &f->made);
}

static stuinfo_status
op_set_change(struct fx *f)
{
    stuinfo_cr_actor s1 = wf_actor(STUINFO_ROLE_STUDENT, "s1");

    return stuinfo_request_set_change(f->r, f->p, NULL, &s1, stuinfo_request_revision(f->r),
                                      "name", "张三", 6, "李四", 6);
}

static stuinfo_status
op_evidence(struct fx *f)
{
    stuinfo_cr_actor s1 = wf_actor(STUINFO_ROLE_STUDENT, "s1");

    return stuinfo_request_add_evidence(f->r, f->p, NULL, &s1, stuinfo_request_revision(f->r),
                                        STUINFO_EVIDENCE_HOUSEHOLD_REGISTER, "H", 1);
}

static stuinfo_status
op_remove_change(struct fx *f)
{
    stuinfo_cr_actor s1 = wf_actor(STUINFO_ROLE_STUDENT, "s1");

    return stuinfo_request_remove_change(f->r, f->p, NULL, &s1,
                                         stuinfo_request_revision(f->r), "name");
}

static stuinfo_status
op_submit(struct fx *f)
{
    return wf_act(f->r, f->p, NULL, STUINFO_ROLE_STUDENT, "s1", STUINFO_CR_ACTION_SUBMIT,
                  "please");
}

static stuinfo_status
op_approve(struct fx *f)
{
    return wf_act(f->r, f->p, NULL, STUINFO_ROLE_TEACHER, "t1", STUINFO_CR_ACTION_APPROVE,
                  NULL);
}

static stuinfo_status
op_apply(struct fx *f)
{
    stuinfo_cr_actor reg = wf_actor(STUINFO_ROLE_REGISTRAR, "r2");

    return stuinfo_request_apply(f->r, f->p, NULL, &reg, stuinfo_request_revision(f->r), f->st,
                                 NULL, NULL);
}

static stuinfo_status
op_to_json(struct fx *f)
{
    const char *j;
    size_t n;

    return stuinfo_request_to_json(f->r, &j, &n);
}

static stuinfo_status
op_from_json(struct fx *f)
{
    return stuinfo_request_from_json(f->ctx, saved, saved_len, &f->made);
}

static stuinfo_status
op_policy(struct fx *f)
{
    stuinfo_workflow_policy *q = NULL;
    const char *j;
    size_t n;
    stuinfo_status st = stuinfo_workflow_policy_to_json(f->p, &j, &n);

    if (st == STUINFO_OK)
        st = stuinfo_workflow_policy_from_json(f->ctx, j, n, &q);
    stuinfo_workflow_policy_free(q);
    return st;
}

static void
sweep(const char *name, op_fn op, int stage)
{
    uint64_t points = 0;

    for (int mode = 0; mode < 2; mode++) {
        for (uint64_t n = 1;; n++) {
            struct fx f;
            stuinfo_status st;
            size_t n0 = 0, n1;
            uint64_t st_version;

            memset(&f, 0, sizeof(f));
            f.ctx = test_ctx_new_faulty(&f.faults);
            f.p = wf_policy(f.ctx);
            if (stage >= 0)
                setup_request(&f, stage);
            if (f.r != NULL) {
                n0 = wf_json(f.r, before, BUF);
                if (op == op_from_json) {
                    memcpy(saved, before, n0 + 1);
                    saved_len = n0;
                }
            }
            st_version = stuinfo_student_version(f.st);
            f.faults.count = 0;
            f.faults.injected = false;
            f.faults.fail_at = n;
            f.faults.fail_after = mode == 1;
            st = op(&f);
            f.faults.fail_at = 0;
            if (f.faults.injected) {
                points++;
                if (st != STUINFO_ERR_NOMEM)
                    fail_msg("%s: allocation %llu failed (mode %d) but status %d",
                             name, (unsigned long long)n, mode, st);
                assert_null(f.made);
                if (f.r != NULL) {
                    n1 = wf_json(f.r, after, BUF);
                    if (n0 != n1 || memcmp(before, after, n0) != 0)
                        fail_msg("%s: a failed allocation %llu changed the request", name,
                                 (unsigned long long)n);
                    assert_int_equal(stuinfo_student_version(f.st), st_version);
                    /* Still usable: the same operation now succeeds. */
                    assert_int_equal(op(&f), STUINFO_OK);
                }
            } else {
                assert_int_equal(st, STUINFO_OK);
            }
            stuinfo_request_free(f.made);
            stuinfo_request_free(f.r);
            stuinfo_student_free(f.st);
            stuinfo_workflow_policy_free(f.p);
            stuinfo_ctx_free(f.ctx);
            if (!f.faults.injected)
                break;
        }
    }
    print_message("sweep %s: %llu failure points\n", name, (unsigned long long)points);
    assert_true(points > 0 || op == op_approve);
}

static void
test_sweep(void **state)
{
    (void)state;
    sweep("create", op_create, -1);
    sweep("set_change", op_set_change, 0);
    sweep("add_evidence", op_evidence, 0);
    sweep("remove_change", op_remove_change, 0);
    sweep("submit", op_submit, 0);
    sweep("approve", op_approve, 1);
    sweep("apply", op_apply, 2);
    sweep("to_json", op_to_json, 2);
    sweep("from_json", op_from_json, 2);
    sweep("policy_json", op_policy, -1);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sweep),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
