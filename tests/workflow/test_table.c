/*
 * The exhaustive table test (reliability.md G6): every (state, action, role) cell, with the
 * collection window open and closed, gives the result written in expected_cells.tsv. Each
 * cell is run on a fresh request driven to its state through the public API; an accepted
 * action must lead to the expected state with revision + 1, a refused one must leave the
 * request's JSON byte-for-byte unchanged. stuinfo_request_can() must agree with the action.
 * usage: test_workflow_table EXPECTED_CELLS.tsv
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "test_ctx.h"
#include "sample.h"
#include "wf_fixture.h"

static const char *cells_path;

enum { BUF = 1 << 16 };
static char before[BUF], after[BUF];

struct env {
    stuinfo_ctx *ctx;
    stuinfo_workflow_policy *open, *closed;
    stuinfo_student *student;
};

static int32_t
status_of(const char *key)
{
    static const struct { const char *key; int32_t status; } map[] = {
        {"state", STUINFO_ERR_STATE},
        {"permission", STUINFO_ERR_PERMISSION},
        {"window_closed", STUINFO_ERR_WINDOW_CLOSED},
        {"separation_of_duties", STUINFO_ERR_SEPARATION_OF_DUTIES},
        {"evidence_required", STUINFO_ERR_EVIDENCE_REQUIRED},
        {"locked_graduated", STUINFO_ERR_LOCKED_GRADUATED},
        {"locked_reported", STUINFO_ERR_LOCKED_REPORTED},
        {"stale_version", STUINFO_ERR_STALE_VERSION},
    };

    if (strncmp(key, "ok:", 3) == 0)
        return STUINFO_OK;
    for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
        if (strcmp(map[i].key, key) == 0)
            return map[i].status;
    fail_msg("unknown expected result %s", key);
    return -1;
}

static stuinfo_student *
fresh_student(struct env *e)
{
    stuinfo_student_free(e->student);
    e->student = NULL;
    assert_int_equal(stuinfo_student_new(e->ctx, &e->student), STUINFO_OK);
    assert_int_equal(sample_fill(e->student), STUINFO_OK);
    return e->student;
}

static void
step(stuinfo_change_request *r, const stuinfo_workflow_policy *p, int32_t role,
     const char *id, int32_t action)
{
    assert_int_equal(wf_act(r, p, NULL, role, id, action, "report"), STUINFO_OK);
}

/* A request by s1 proposing a new name with evidence, driven to @p state. */
static stuinfo_change_request *
drive(struct env *e, int32_t state)
{
    stuinfo_workflow_policy *p = state == STUINFO_CR_EXCEPTION_REVIEW ? e->closed : e->open;
    stuinfo_student *st = fresh_student(e);
    stuinfo_change_request *r = wf_draft(e->ctx, p, STUINFO_CR_KIND_CHANGE_OF_FACT,
                                         stuinfo_student_version(st));
    stuinfo_cr_actor s1 = wf_actor(STUINFO_ROLE_STUDENT, "s1");
    stuinfo_cr_actor reg = wf_actor(STUINFO_ROLE_REGISTRAR, "r1");

    wf_change(r, e->open, "s1", STUINFO_ROLE_STUDENT, "name", "张三", "张叁");
    assert_int_equal(stuinfo_request_add_evidence(r, e->open, NULL, &s1,
                                                  stuinfo_request_revision(r),
                                                  STUINFO_EVIDENCE_HOUSEHOLD_REGISTER, "HR-1",
                                                  4),
                     STUINFO_OK);
    switch (state) {
    case STUINFO_CR_DRAFT:
        break;
    case STUINFO_CR_EXCEPTION_REVIEW:
        step(r, p, STUINFO_ROLE_STUDENT, "s1", STUINFO_CR_ACTION_REQUEST_EXCEPTION);
        break;
    case STUINFO_CR_WITHDRAWN:
        step(r, p, STUINFO_ROLE_STUDENT, "s1", STUINFO_CR_ACTION_WITHDRAW);
        break;
    default:
        step(r, p, STUINFO_ROLE_STUDENT, "s1", STUINFO_CR_ACTION_SUBMIT);
        if (state == STUINFO_CR_RETURNED)
            step(r, p, STUINFO_ROLE_TEACHER, "t1", STUINFO_CR_ACTION_RETURN);
        if (state == STUINFO_CR_REJECTED)
            step(r, p, STUINFO_ROLE_TEACHER, "t1", STUINFO_CR_ACTION_REJECT);
        if (state == STUINFO_CR_SECOND_REVIEW || state == STUINFO_CR_APPROVED
            || state == STUINFO_CR_APPLIED)
            step(r, p, STUINFO_ROLE_TEACHER, "t1", STUINFO_CR_ACTION_APPROVE);
        if (state == STUINFO_CR_APPROVED || state == STUINFO_CR_APPLIED)
            step(r, p, STUINFO_ROLE_REGISTRAR, "r1", STUINFO_CR_ACTION_APPROVE);
        if (state == STUINFO_CR_APPLIED)
            assert_int_equal(stuinfo_request_apply(r, p, NULL, &reg,
                                                   stuinfo_request_revision(r), st, NULL,
                                                   NULL),
                             STUINFO_OK);
        break;
    }
    assert_int_equal(stuinfo_request_state(r), state);
    return r;
}

/* Run one cell; returns the status. */
static int32_t
run_cell(struct env *e, int32_t state, int32_t action, int32_t role,
         const stuinfo_workflow_policy *p, int32_t *to)
{
    stuinfo_cr_actor x = wf_actor(role, "x9");
    stuinfo_change_request *r;
    uint64_t rev;
    int32_t st, can;
    size_t n0, n1;

    if (state == STUINFO_CR_NONE) {
        r = NULL;
        st = stuinfo_request_new(e->ctx, p, NULL, &x, "S001", 4, 0,
                                 STUINFO_CR_KIND_CHANGE_OF_FACT, NULL, 0, &r);
        *to = stuinfo_request_state(r);
        assert_true((st == STUINFO_OK) == (r != NULL));
        stuinfo_request_free(r);
        return st;
    }
    r = drive(e, state);
    rev = stuinfo_request_revision(r);
    n0 = wf_json(r, before, BUF);
    can = stuinfo_request_can(r, p, NULL, &x, action, 1);
    if (action == STUINFO_CR_ACTION_APPLY)
        st = stuinfo_request_apply(r, p, NULL, &x, rev, e->student, NULL, NULL);
    else
        st = stuinfo_request_act(r, p, NULL, &x, action, rev, "report", 6);
    assert_int_equal(can, st);
    *to = stuinfo_request_state(r);
    if (st == STUINFO_OK) {
        assert_int_equal(stuinfo_request_revision(r), rev + 1);
    } else {
        n1 = wf_json(r, after, BUF);
        assert_int_equal(n0, n1);
        assert_memory_equal(before, after, n0);
    }
    stuinfo_request_free(r);
    return st;
}

static void
test_every_cell(void **state)
{
    struct env e = {0};
    char line[256];
    size_t cells = 0;
    FILE *f;

    (void)state;
    e.ctx = test_ctx_new();
    e.open = wf_policy(e.ctx);
    e.closed = wf_policy(e.ctx);
    assert_int_equal(stuinfo_workflow_policy_set_window(e.closed, TEST_NOW - 10 * 86400,
                                                        TEST_NOW - 86400),
                     STUINFO_OK);
    f = fopen(cells_path, "r");
    assert_non_null(f);
    while (fgets(line, sizeof(line), f) != NULL) {
        char *cols[5], *save = NULL;
        int32_t s, a, role;
        size_t k = 0;

        if (line[0] == '#' || strncmp(line, "state\t", 6) == 0)
            continue;
        line[strcspn(line, "\n")] = '\0';
        for (char *t = strtok_r(line, "\t", &save); t != NULL && k < 5;
             t = strtok_r(NULL, "\t", &save))
            cols[k++] = t;
        assert_int_equal(k, 5);
        s = stuinfo_cr_state_from_key(cols[0]);
        a = stuinfo_cr_action_from_key(cols[1]);
        role = stuinfo_role_from_key(cols[2]);
        assert_true(s >= 0 && a > 0 && role > 0);
        for (int w = 0; w < 2; w++) {
            const char *want = cols[3 + w];
            int32_t to = -1, got = run_cell(&e, s, a, role, w == 0 ? e.open : e.closed, &to);

            if (got != status_of(want))
                fail_msg("%s %s %s (window %s): got %d (%s), want %s", cols[0], cols[1],
                         cols[2], w == 0 ? "open" : "closed", got, stuinfo_status_str(got),
                         want);
            if (got == STUINFO_OK)
                assert_int_equal(to, stuinfo_cr_state_from_key(want + 3));
            cells++;
        }
    }
    fclose(f);
    /* 9 states x 9 actions x 6 roles, plus create from none, in two windows. */
    assert_int_equal(cells, 2 * (9 * 9 * 6 + 6));
    stuinfo_student_free(e.student);
    stuinfo_workflow_policy_free(e.open);
    stuinfo_workflow_policy_free(e.closed);
    stuinfo_ctx_free(e.ctx);
}

int
main(int argc, char **argv)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_cell),
    };

    if (argc < 2) {
        fprintf(stderr, "usage: %s EXPECTED_CELLS.tsv\n", argv[0]);
        return 2;
    }
    cells_path = argv[1];
    return cmocka_run_group_tests(tests, NULL, NULL);
}
