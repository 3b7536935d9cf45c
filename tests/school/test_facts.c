/*
 * The enrolment history feeds change requests (docs/school.md, "Wiring"): a graduated or
 * reported history locks a key-field change, an in-school one does not, and the enrolment
 * date starts the first-semester correction limit.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "helpers.h"

static void
event(stuinfo_enrolment *en, int32_t ev, const char *date)
{
    assert_int_equal(stuinfo_enrolment_begin(en, ev), STUINFO_OK);
    SET(stuinfo_enrolment_set, en, STUINFO_ENROLMENT_FIELD_DATE, date);
    SET(stuinfo_enrolment_set, en, STUINFO_ENROLMENT_FIELD_ACTOR, "T0042");
    SET(stuinfo_enrolment_set, en, STUINFO_ENROLMENT_FIELD_ROLE, "registrar");
    SET(stuinfo_enrolment_set, en, STUINFO_ENROLMENT_FIELD_REASON, "毕业");
    SET(stuinfo_enrolment_set, en, STUINFO_ENROLMENT_FIELD_SCHOOL_ID, "2111005678");
    SET(stuinfo_enrolment_set, en, STUINFO_ENROLMENT_FIELD_CLASS_NO, "201901");
    SET(stuinfo_enrolment_set, en, STUINFO_ENROLMENT_FIELD_GRADUATION_DATE, date);
    assert_int_equal(stuinfo_enrolment_commit(en), STUINFO_OK);
}

/* Submit a correction of the student's name with evidence under @p facts. */
static stuinfo_status
submit_name(stuinfo_ctx *ctx, const stuinfo_cr_facts *facts, int32_t kind)
{
    stuinfo_workflow_policy *p = NULL;
    stuinfo_change_request *r = NULL;
    stuinfo_cr_actor s1;
    stuinfo_status st;

    assert_int_equal(stuinfo_workflow_policy_new(ctx, &p), STUINFO_OK);
    assert_int_equal(stuinfo_cr_actor_init(&s1, STUINFO_ROLE_STUDENT, "s1", 2), STUINFO_OK);
    assert_int_equal(stuinfo_request_new(ctx, p, facts, &s1, "S001", 4, 0, kind, NULL, 0, &r),
                     STUINFO_OK);
    assert_int_equal(stuinfo_request_set_change(r, p, facts, &s1, 1, "name", "张三", 6,
                                                "张叁", 6),
                     STUINFO_OK);
    assert_int_equal(stuinfo_request_add_evidence(r, p, facts, &s1, 2,
                                                  STUINFO_EVIDENCE_HOUSEHOLD_REGISTER, "H", 1),
                     STUINFO_OK);
    st = stuinfo_request_act(r, p, facts, &s1, STUINFO_CR_ACTION_SUBMIT, 3, NULL, 0);
    stuinfo_request_free(r);
    stuinfo_workflow_policy_free(p);
    return st;
}

static void
test_lifecycle_locks(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_enrolment *en = NULL;
    stuinfo_cr_facts facts;

    (void)state;
    assert_int_equal(stuinfo_enrolment_new(ctx, &en), STUINFO_OK);
    event(en, STUINFO_ENROLMENT_EVENT_ENROL, "2026-08-20");
    assert_int_equal(stuinfo_enrolment_cr_facts(en, &facts), STUINFO_OK);
    assert_int_equal(facts.graduated, 0);
    assert_int_equal(facts.reported, 0);
    /* 2026-08-20 00:00 Beijing time = 2026-08-19 16:00 UTC. */
    assert_int_equal(facts.enrolled_at, TEST_NOW - 12 * 86400 - 8 * 3600);
    assert_int_equal(submit_name(ctx, &facts, STUINFO_CR_KIND_CORRECTION), STUINFO_OK);

    /* Reported: a correction of a key field is locked, a change of fact is not. */
    event(en, STUINFO_ENROLMENT_EVENT_REPORT, "2026-08-25");
    assert_int_equal(stuinfo_enrolment_cr_facts(en, &facts), STUINFO_OK);
    assert_int_equal(facts.reported, 1);
    assert_int_equal(submit_name(ctx, &facts, STUINFO_CR_KIND_CORRECTION),
                     STUINFO_ERR_LOCKED_REPORTED);
    assert_int_equal(submit_name(ctx, &facts, STUINFO_CR_KIND_CHANGE_OF_FACT), STUINFO_OK);

    /* Graduated: the name never changes again. */
    event(en, STUINFO_ENROLMENT_EVENT_GRADUATE, "2026-08-30");
    assert_int_equal(stuinfo_enrolment_cr_facts(en, &facts), STUINFO_OK);
    assert_int_equal(facts.graduated, 1);
    assert_int_equal(submit_name(ctx, &facts, STUINFO_CR_KIND_CHANGE_OF_FACT),
                     STUINFO_ERR_LOCKED_GRADUATED);
    assert_int_equal(stuinfo_enrolment_cr_facts(NULL, &facts), STUINFO_ERR_INVALID_ARGUMENT);
    stuinfo_enrolment_free(en);
    stuinfo_ctx_free(ctx);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lifecycle_locks),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
