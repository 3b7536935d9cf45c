/*
 * Each policy switch and each fact of the permission checks, off as well as on: the same
 * request that a switch refuses goes through without it (graduation and reported locks,
 * first-semester limit, evidence kinds, second-level review for every change), separation
 * of duties against the submitter as well as the creator, and the masked summary the
 * audit log keeps of key fields (family ID numbers, long values).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "test_ctx.h"
#include "wf_fixture.h"

struct fx {
    stuinfo_ctx *ctx;
    stuinfo_workflow_policy *p;
    stuinfo_cr_facts facts;
};

static struct fx *
fx_new(void)
{
    struct fx *f = test_calloc(1, sizeof(*f));

    f->ctx = test_ctx_new();
    f->p = wf_policy(f->ctx);
    assert_int_equal(stuinfo_cr_facts_init(&f->facts), STUINFO_OK);
    return f;
}

static void
fx_free(struct fx *f)
{
    stuinfo_workflow_policy_free(f->p);
    stuinfo_ctx_free(f->ctx);
    test_free(f);
}

static void
set_rules(struct fx *f, int32_t second_review, int32_t limit_days, int32_t graduation_lock,
          int32_t reported_lock)
{
    assert_int_equal(stuinfo_workflow_policy_set_rules(f->p, second_review, limit_days,
                                                       graduation_lock, reported_lock),
                     STUINFO_OK);
}

/* A draft by student s1 changing @p path, with police-certificate evidence. */
static stuinfo_change_request *
draft(struct fx *f, int32_t kind, const char *path, const char *old_value,
      const char *new_value)
{
    stuinfo_change_request *r = wf_draft(f->ctx, f->p, kind, 1);
    stuinfo_cr_actor s1 = wf_actor(STUINFO_ROLE_STUDENT, "s1");

    wf_change(r, f->p, "s1", STUINFO_ROLE_STUDENT, path, old_value, new_value);
    assert_int_equal(stuinfo_request_add_evidence(r, f->p, NULL, &s1,
                                                  stuinfo_request_revision(r),
                                                  STUINFO_EVIDENCE_POLICE_CERTIFICATE, "PC-1",
                                                  4),
                     STUINFO_OK);
    return r;
}

static stuinfo_status
submit(struct fx *f, stuinfo_change_request *r)
{
    return wf_act(r, f->p, &f->facts, STUINFO_ROLE_STUDENT, "s1", STUINFO_CR_ACTION_SUBMIT,
                  NULL);
}

/* Submitting a correction of the ID number after graduation: refused under the
 * graduation lock, allowed when the policy turns it off. */
static void
test_graduation_lock_off(void **state)
{
    struct fx *f = fx_new();
    stuinfo_change_request *r;

    (void)state;
    f->facts.graduated = 1;
    r = draft(f, STUINFO_CR_KIND_CHANGE_OF_FACT, "id_doc_no", "110105201503071235",
              "110105201503071251");
    assert_int_equal(submit(f, r), STUINFO_ERR_LOCKED_GRADUATED);
    set_rules(f, STUINFO_SECOND_REVIEW_KEY_ONLY, 183, 0, 1);
    assert_int_equal(submit(f, r), STUINFO_OK);
    stuinfo_request_free(r);
    fx_free(f);
}

/* A correction of a key field once the data was reported: refused under the reported
 * lock, allowed without it. */
static void
test_reported_lock_off(void **state)
{
    struct fx *f = fx_new();
    stuinfo_change_request *r;

    (void)state;
    f->facts.reported = 1;
    r = draft(f, STUINFO_CR_KIND_CORRECTION, "name", "张三", "张叁");
    assert_int_equal(submit(f, r), STUINFO_ERR_LOCKED_REPORTED);
    set_rules(f, STUINFO_SECOND_REVIEW_KEY_ONLY, 183, 1, 0);
    assert_int_equal(submit(f, r), STUINFO_OK);
    stuinfo_request_free(r);
    fx_free(f);
}

/* The first-semester limit holds corrections only, only when the policy has one, and
 * only when the enrolment date is known. */
static void
test_correction_limit_conditions(void **state)
{
    struct fx *f = fx_new();
    stuinfo_change_request *r;

    (void)state;
    f->facts.enrolled_at = TEST_NOW - 200 * 86400;
    r = draft(f, STUINFO_CR_KIND_CORRECTION, "name", "张三", "张叁");
    assert_int_equal(submit(f, r), STUINFO_ERR_WINDOW_CLOSED);
    assert_non_null(strstr(stuinfo_ctx_last_message(f->ctx), "183"));
    /* Day 182 is inside the limit. */
    f->facts.enrolled_at = TEST_NOW - 182 * 86400;
    assert_int_equal(submit(f, r), STUINFO_OK);
    stuinfo_request_free(r);

    f->facts.enrolled_at = TEST_NOW - 200 * 86400;
    r = draft(f, STUINFO_CR_KIND_CORRECTION, "name", "张三", "张叁");
    f->facts.enrolled_at = 0;                   /* enrolment date unknown */
    assert_int_equal(submit(f, r), STUINFO_OK);
    stuinfo_request_free(r);

    f->facts.enrolled_at = TEST_NOW - 200 * 86400;
    set_rules(f, STUINFO_SECOND_REVIEW_KEY_ONLY, 0, 1, 1);      /* no limit */
    r = draft(f, STUINFO_CR_KIND_CORRECTION, "name", "张三", "张叁");
    assert_int_equal(submit(f, r), STUINFO_OK);
    stuinfo_request_free(r);

    set_rules(f, STUINFO_SECOND_REVIEW_KEY_ONLY, 183, 1, 1);
    r = draft(f, STUINFO_CR_KIND_CHANGE_OF_FACT, "name", "张三", "张叁");
    assert_int_equal(submit(f, r), STUINFO_OK);
    stuinfo_request_free(r);
    fx_free(f);
}

/* A key field whose policy names no evidence kind needs none, but still goes to the
 * registrar; evidence kinds kept on a field that is not key are not demanded. */
static void
test_key_field_without_evidence_kinds(void **state)
{
    struct fx *f = fx_new();
    stuinfo_change_request *r;

    (void)state;
    assert_int_equal(stuinfo_workflow_policy_set_field(f->p, "name", STUINFO_FIELD_CLASS_KEY,
                                                       0, 1),
                     STUINFO_OK);
    assert_int_equal(stuinfo_workflow_policy_set_field(
                         f->p, "phone", STUINFO_FIELD_CLASS_OPEN,
                         1u << STUINFO_EVIDENCE_HOUSEHOLD_REGISTER, 0),
                     STUINFO_OK);
    r = wf_draft(f->ctx, f->p, STUINFO_CR_KIND_CORRECTION, 1);
    wf_change(r, f->p, "s1", STUINFO_ROLE_STUDENT, "name", "张三", "张叁");
    wf_change(r, f->p, "s1", STUINFO_ROLE_STUDENT, "phone", NULL, "010-65001111");
    assert_int_equal(submit(f, r), STUINFO_OK);
    assert_int_equal(wf_act(r, f->p, NULL, STUINFO_ROLE_TEACHER, "t1",
                            STUINFO_CR_ACTION_APPROVE, NULL),
                     STUINFO_OK);
    assert_int_equal(stuinfo_request_state(r), STUINFO_CR_SECOND_REVIEW);
    assert_int_equal(wf_act(r, f->p, NULL, STUINFO_ROLE_REGISTRAR, "r1",
                            STUINFO_CR_ACTION_APPROVE, NULL),
                     STUINFO_OK);
    assert_int_equal(stuinfo_request_state(r), STUINFO_CR_APPROVED);
    stuinfo_request_free(r);
    fx_free(f);
}

/* An open field is approved by the class teacher alone, unless the policy wants the
 * registrar for every change. */
static void
test_second_review_always(void **state)
{
    struct fx *f = fx_new();

    (void)state;
    for (int always = 0; always <= 1; always++) {
        stuinfo_change_request *r = wf_draft(f->ctx, f->p, STUINFO_CR_KIND_CORRECTION, 1);

        set_rules(f, always ? STUINFO_SECOND_REVIEW_ALWAYS : STUINFO_SECOND_REVIEW_KEY_ONLY,
                  183, 1, 1);
        wf_change(r, f->p, "s1", STUINFO_ROLE_STUDENT, "phone", NULL, "010-65001111");
        assert_int_equal(submit(f, r), STUINFO_OK);
        assert_int_equal(wf_act(r, f->p, NULL, STUINFO_ROLE_TEACHER, "t1",
                                STUINFO_CR_ACTION_APPROVE, NULL),
                         STUINFO_OK);
        assert_int_equal(stuinfo_request_state(r),
                         always ? STUINFO_CR_SECOND_REVIEW : STUINFO_CR_APPROVED);
        stuinfo_request_free(r);
    }
    fx_free(f);
}

/* A teacher drafts for the student, another teacher submits: neither may review it. */
static void
test_separation_from_submitter(void **state)
{
    struct fx *f = fx_new();
    stuinfo_cr_actor t1 = wf_actor(STUINFO_ROLE_TEACHER, "t1");
    stuinfo_change_request *r = NULL;

    (void)state;
    assert_int_equal(stuinfo_request_new(f->ctx, f->p, NULL, &t1, "S001", 4, 1,
                                         STUINFO_CR_KIND_CORRECTION, NULL, 0, &r),
                     STUINFO_OK);
    wf_change(r, f->p, "t1", STUINFO_ROLE_TEACHER, "phone", NULL, "010-65001111");
    assert_int_equal(wf_act(r, f->p, NULL, STUINFO_ROLE_TEACHER, "t2",
                            STUINFO_CR_ACTION_SUBMIT, NULL),
                     STUINFO_OK);
    assert_int_equal(wf_act(r, f->p, NULL, STUINFO_ROLE_TEACHER, "t2",
                            STUINFO_CR_ACTION_APPROVE, NULL),
                     STUINFO_ERR_SEPARATION_OF_DUTIES);
    assert_int_equal(wf_act(r, f->p, NULL, STUINFO_ROLE_TEACHER, "t1",
                            STUINFO_CR_ACTION_APPROVE, NULL),
                     STUINFO_ERR_SEPARATION_OF_DUTIES);
    assert_int_equal(wf_act(r, f->p, NULL, STUINFO_ROLE_TEACHER, "t3",
                            STUINFO_CR_ACTION_APPROVE, NULL),
                     STUINFO_OK);
    assert_int_equal(stuinfo_request_state(r), STUINFO_CR_APPROVED);
    stuinfo_request_free(r);
    fx_free(f);
}

/* The summary of the last log entry. */
static const char *
last_changes(stuinfo_change_request *r)
{
    stuinfo_cr_log_entry e = {.size = sizeof(e)};

    assert_int_equal(stuinfo_request_log_get(r, stuinfo_request_log_count(r) - 1, &e),
                     STUINFO_OK);
    assert_non_null(e.changes);
    return e.changes;
}

/* Made a key field, a guardian's ID number is logged masked like the student's; a long
 * key value shows as at most 16 mask characters, one per character. */
static void
test_log_masks_key_values(void **state)
{
    struct fx *f = fx_new();
    stuinfo_change_request *r;

    (void)state;
    assert_int_equal(stuinfo_workflow_policy_set_field(f->p, "family.id_doc_no",
                                                       STUINFO_FIELD_CLASS_KEY, 0, 0),
                     STUINFO_OK);
    r = wf_draft(f->ctx, f->p, STUINFO_CR_KIND_CORRECTION, 1);
    wf_change(r, f->p, "s1", STUINFO_ROLE_STUDENT, "family[0].id_doc_no",
              "110105198001011234", "11010519800101125X");
    assert_string_equal(last_changes(r),
                        "family[0].id_doc_no: 110***********1234 -> 110***********125X");
    /* Another key field of a guardian: one mask character per character. */
    assert_int_equal(stuinfo_workflow_policy_set_field(f->p, "family.name",
                                                       STUINFO_FIELD_CLASS_KEY, 0, 0),
                     STUINFO_OK);
    wf_change(r, f->p, "s1", STUINFO_ROLE_STUDENT, "family[0].name", "张大山", "张山");
    assert_string_equal(last_changes(r), "family[0].name: *** -> **");
    /* Not key: the path only. */
    wf_change(r, f->p, "s1", STUINFO_ROLE_STUDENT, "family[0].mobile", NULL, "13800000000");
    assert_string_equal(last_changes(r), "family[0].mobile");
    /* Twenty characters: sixteen stars. */
    wf_change(r, f->p, "s1", STUINFO_ROLE_STUDENT, "name", "张三",
              "阿卜杜热合曼买买提艾力江阿卜杜热合曼买买");
    assert_string_equal(last_changes(r), "name: ** -> ****************");
    stuinfo_request_free(r);
    fx_free(f);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_graduation_lock_off),
        cmocka_unit_test(test_reported_lock_off),
        cmocka_unit_test(test_correction_limit_conditions),
        cmocka_unit_test(test_key_field_without_evidence_kinds),
        cmocka_unit_test(test_second_review_always),
        cmocka_unit_test(test_separation_from_submitter),
        cmocka_unit_test(test_log_masks_key_values),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
