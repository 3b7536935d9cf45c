/*
 * Change requests end to end through the public API: create, edit, submit, two levels
 * of review, apply to a record; JSON round trips of requests and policies; refusals
 * change nothing (serialised bytes before and after are equal).
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

static stuinfo_student *
sample_student(stuinfo_ctx *ctx)
{
    stuinfo_student *st = NULL;

    assert_int_equal(stuinfo_student_new(ctx, &st), STUINFO_OK);
    assert_int_equal(sample_fill(st), STUINFO_OK);
    return st;
}

/* A key-field change (name) by a student, with evidence, through both reviews. */
static void
test_key_field_lifecycle(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_workflow_policy *p = wf_policy(ctx);
    stuinfo_student *st = sample_student(ctx);
    stuinfo_change_request *r = wf_draft(ctx, p, STUINFO_CR_KIND_CHANGE_OF_FACT,
                                         stuinfo_student_version(st));
    stuinfo_cr_actor s1 = wf_actor(STUINFO_ROLE_STUDENT, "s1");
    stuinfo_cr_actor reg = wf_actor(STUINFO_ROLE_REGISTRAR, "r1");
    const char *v;
    size_t n;
    uint64_t version = stuinfo_student_version(st);

    (void)state;
    assert_int_equal(stuinfo_request_state(r), STUINFO_CR_DRAFT);
    assert_int_equal(stuinfo_request_revision(r), 1);
    wf_change(r, p, "s1", STUINFO_ROLE_STUDENT, "name", "张三", "张叁");
    /* No evidence yet: refused, and nothing changes. */
    size_t n0 = wf_json(r, before, BUF);
    assert_int_equal(wf_act(r, p, NULL, STUINFO_ROLE_STUDENT, "s1", STUINFO_CR_ACTION_SUBMIT,
                            NULL),
                     STUINFO_ERR_EVIDENCE_REQUIRED);
    assert_true(strstr(stuinfo_ctx_last_message(ctx), "name") != NULL);
    assert_int_equal(wf_json(r, after, BUF), n0);
    assert_memory_equal(before, after, n0);
    assert_int_equal(stuinfo_request_add_evidence(r, p, NULL, &s1, stuinfo_request_revision(r),
                                                  STUINFO_EVIDENCE_HOUSEHOLD_REGISTER,
                                                  "HR-2026-17", 10),
                     STUINFO_OK);
    assert_int_equal(wf_act(r, p, NULL, STUINFO_ROLE_STUDENT, "s1", STUINFO_CR_ACTION_SUBMIT,
                            NULL),
                     STUINFO_OK);
    assert_int_equal(stuinfo_request_state(r), STUINFO_CR_SUBMITTED);
    assert_int_equal(wf_act(r, p, NULL, STUINFO_ROLE_TEACHER, "t1", STUINFO_CR_ACTION_APPROVE,
                            "ok"),
                     STUINFO_OK);
    assert_int_equal(stuinfo_request_state(r), STUINFO_CR_SECOND_REVIEW);
    assert_int_equal(wf_act(r, p, NULL, STUINFO_ROLE_REGISTRAR, "r1", STUINFO_CR_ACTION_APPROVE,
                            NULL),
                     STUINFO_OK);
    assert_int_equal(stuinfo_request_state(r), STUINFO_CR_APPROVED);
    assert_int_equal(stuinfo_request_apply(r, p, NULL, &reg, stuinfo_request_revision(r), st,
                                           NULL, NULL),
                     STUINFO_OK);
    assert_int_equal(stuinfo_request_state(r), STUINFO_CR_APPLIED);
    assert_int_equal(stuinfo_student_version(st), version + 1);
    assert_int_equal(stuinfo_student_get_path(st, "name", &v, &n), STUINFO_OK);
    assert_string_equal(v, "张叁");
    assert_int_equal(stuinfo_request_diff_count(r), 1);
    {
        stuinfo_cr_change d = {.size = sizeof(d)};

        assert_int_equal(stuinfo_request_diff_get(r, 0, &d), STUINFO_OK);
        assert_string_equal(d.field, "name");
        assert_string_equal(d.old_value, "张三");
        assert_string_equal(d.new_value, "张叁");
    }
    /* The log: masked values only, and it verifies. */
    assert_int_equal(stuinfo_request_log_count(r), stuinfo_request_revision(r));
    for (size_t i = 0; i < stuinfo_request_log_count(r); i++) {
        stuinfo_cr_log_entry e = {.size = sizeof(e)};

        assert_int_equal(stuinfo_request_log_get(r, i, &e), STUINFO_OK);
        assert_null(strstr(e.changes, "张"));
        assert_int_equal(e.time, TEST_NOW);
        assert_int_equal(e.revision, i + 1);
    }
    assert_int_equal(stuinfo_request_log_verify(r, stuinfo_request_log_head(r), NULL),
                     STUINFO_OK);
    stuinfo_request_free(r);
    stuinfo_student_free(st);
    stuinfo_workflow_policy_free(p);
    stuinfo_ctx_free(ctx);
}

/* to_json(from_json(to_json(x))) == to_json(x), at every step of a lifecycle. */
static void
test_json_round_trip(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_workflow_policy *p = wf_policy(ctx);
    stuinfo_change_request *r = wf_draft(ctx, p, STUINFO_CR_KIND_CORRECTION, 3);
    stuinfo_cr_actor s1 = wf_actor(STUINFO_ROLE_STUDENT, "s1");
    static const int32_t steps[][2] = {
        {STUINFO_ROLE_STUDENT, STUINFO_CR_ACTION_SUBMIT},
        {STUINFO_ROLE_TEACHER, STUINFO_CR_ACTION_RETURN},
        {STUINFO_ROLE_STUDENT, STUINFO_CR_ACTION_SUBMIT},
        {STUINFO_ROLE_TEACHER, STUINFO_CR_ACTION_APPROVE},
        {STUINFO_ROLE_REGISTRAR, STUINFO_CR_ACTION_APPROVE},
    };

    (void)state;
    wf_change(r, p, "s1", STUINFO_ROLE_STUDENT, "phone", NULL, "010-65001111");
    wf_change(r, p, "s1", STUINFO_ROLE_STUDENT, "id_doc_no", "110105201503071235",
              "110105201503071251");
    wf_change(r, p, "s1", STUINFO_ROLE_STUDENT, "family[0].mobile", "13800000000", NULL);
    assert_int_equal(stuinfo_request_add_evidence(r, p, NULL, &s1, stuinfo_request_revision(r),
                                                  STUINFO_EVIDENCE_POLICE_CERTIFICATE,
                                                  "公安证明 17", strlen("公安证明 17")),
                     STUINFO_OK);
    for (size_t k = 0; k <= sizeof(steps) / sizeof(steps[0]); k++) {
        stuinfo_change_request *back = NULL;
        const char *j2;
        size_t n = wf_json(r, before, BUF), n2;

        assert_int_equal(stuinfo_request_from_json(ctx, before, n, &back), STUINFO_OK);
        assert_int_equal(stuinfo_request_to_json(back, &j2, &n2), STUINFO_OK);
        assert_int_equal(n2, n);
        assert_memory_equal(j2, before, n);
        assert_int_equal(stuinfo_request_state(back), stuinfo_request_state(r));
        assert_int_equal(stuinfo_request_log_verify(back, stuinfo_request_log_head(r), NULL),
                         STUINFO_OK);
        stuinfo_request_free(back);
        if (k < sizeof(steps) / sizeof(steps[0]))
            assert_int_equal(wf_act(r, p, NULL, steps[k][0],
                                    steps[k][0] == STUINFO_ROLE_STUDENT ? "s1" : "rev",
                                    steps[k][1], NULL),
                             STUINFO_OK);
    }
    assert_int_equal(stuinfo_request_state(r), STUINFO_CR_APPROVED);
    /* The ID number appears in the log text only masked (never the birth date). */
    for (size_t i = 0; i < stuinfo_request_log_count(r); i++) {
        stuinfo_cr_log_entry e = {.size = sizeof(e)};

        assert_int_equal(stuinfo_request_log_get(r, i, &e), STUINFO_OK);
        assert_null(strstr(e.changes, "20150307"));
        assert_null(strstr(e.changes, "13800000000"));
    }
    stuinfo_request_free(r);
    stuinfo_workflow_policy_free(p);
    stuinfo_ctx_free(ctx);
}

static void
test_policy_json(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_workflow_policy *p = wf_policy(ctx), *q = NULL;
    const char *j, *j2;
    size_t n, n2;
    int32_t cls = 0;

    (void)state;
    assert_int_equal(stuinfo_workflow_policy_set_window(p, TEST_NOW - 86400, TEST_NOW + 86400),
                     STUINFO_OK);
    assert_int_equal(stuinfo_workflow_policy_set_field(p, "family.phone",
                                                       STUINFO_FIELD_CLASS_GREY, 0, 0),
                     STUINFO_OK);
    assert_int_equal(stuinfo_workflow_policy_set_rules(p, STUINFO_SECOND_REVIEW_ALWAYS, 120, 1,
                                                       0),
                     STUINFO_OK);
    assert_int_equal(stuinfo_workflow_policy_to_json(p, &j, &n), STUINFO_OK);
    assert_int_equal(stuinfo_workflow_policy_from_json(ctx, j, n, &q), STUINFO_OK);
    assert_int_equal(stuinfo_workflow_policy_to_json(q, &j2, &n2), STUINFO_OK);
    assert_int_equal(n, n2);
    assert_memory_equal(j, j2, n);
    assert_int_equal(stuinfo_workflow_policy_field_class(q, "family[3].phone", &cls),
                     STUINFO_OK);
    assert_int_equal(cls, STUINFO_FIELD_CLASS_GREY);
    assert_int_equal(stuinfo_workflow_policy_field_class(q, "name", &cls), STUINFO_OK);
    assert_int_equal(cls, STUINFO_FIELD_CLASS_KEY);
    stuinfo_workflow_policy_free(q);
    /* Malformed input: a status, never a crash. */
    static const char *const bad[] = {
        "", "{", "[]", "{\"format\":1}", "{\"format\":\"stuinfo.workflow_policy/1\",\"x\":1}",
        "{\"format\":\"stuinfo.workflow_policy/1\",\"fields\":{\"nope\":{\"class\":\"key\"}}}",
        "{\"format\":\"stuinfo.workflow_policy/1\",\"window\":{\"open\":5,\"close\":1}}",
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        assert_int_not_equal(stuinfo_workflow_policy_from_json(ctx, bad[i], strlen(bad[i]), &q),
                             STUINFO_OK);
        assert_null(q);
    }
    stuinfo_workflow_policy_free(p);
    stuinfo_ctx_free(ctx);
}

static void
test_malformed_request_json(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_workflow_policy *p = wf_policy(ctx);
    stuinfo_change_request *r = wf_draft(ctx, p, STUINFO_CR_KIND_CORRECTION, 0), *back = NULL;
    size_t n;

    (void)state;
    wf_change(r, p, "s1", STUINFO_ROLE_STUDENT, "phone", NULL, "010-65001111");
    n = wf_json(r, before, BUF);
    /* Every truncation is refused cleanly. */
    for (size_t k = 0; k < n; k++) {
        assert_int_not_equal(stuinfo_request_from_json(ctx, before, k, &back), STUINFO_OK);
        assert_null(back);
    }
    /* An edited state is caught by the replay. */
    char *s = strstr(before, "\"state\":\"draft\"");
    assert_non_null(s);
    memcpy(s, "\"state\":\"apply\"", 15);
    assert_int_not_equal(stuinfo_request_from_json(ctx, before, n, &back), STUINFO_OK);
    stuinfo_request_free(r);
    stuinfo_workflow_policy_free(p);
    stuinfo_ctx_free(ctx);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_key_field_lifecycle),
        cmocka_unit_test(test_json_round_trip),
        cmocka_unit_test(test_policy_json),
        cmocka_unit_test(test_malformed_request_json),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
