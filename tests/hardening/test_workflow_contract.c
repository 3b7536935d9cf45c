/*
 * The workflow API's argument contract (issue 9): every call given a NULL handle, a NULL
 * or too-small output, an index out of range, a malformed actor or policy setting
 * refuses with the documented status and changes nothing; names of values out of range
 * are NULL. (Kept out of tests/workflow/, which another change owns now.)
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

static stuinfo_cr_actor
actor(int32_t role, const char *id)
{
    stuinfo_cr_actor a;

    assert_int_equal(stuinfo_cr_actor_init(&a, role, id, strlen(id)), STUINFO_OK);
    return a;
}

static void
test_names(void **state)
{
    (void)state;
    assert_null(stuinfo_cr_state_key(-1));
    assert_null(stuinfo_cr_state_key(99));
    assert_string_equal(stuinfo_cr_state_key(STUINFO_CR_DRAFT), "draft");
    assert_null(stuinfo_cr_action_key(0));
    assert_null(stuinfo_cr_action_key(99));
    assert_null(stuinfo_role_key(-3));
    assert_null(stuinfo_role_key(7));
    assert_null(stuinfo_evidence_kind_key(99));
    assert_null(stuinfo_cr_kind_key(3));
    assert_null(stuinfo_cr_kind_key(-1));
    assert_string_equal(stuinfo_cr_kind_key(STUINFO_CR_KIND_CORRECTION), "correction");
    assert_int_equal(stuinfo_cr_state_from_key(NULL), -1);
    assert_int_equal(stuinfo_cr_state_from_key("limbo"), -1);
    assert_int_equal(stuinfo_cr_action_from_key(NULL), 0);
    assert_int_equal(stuinfo_cr_action_from_key("dance"), 0);
    assert_int_equal(stuinfo_role_from_key(NULL), 0);
    assert_int_equal(stuinfo_evidence_kind_from_key("dna"), 0);
    assert_int_equal(stuinfo_cr_kind_from_key(NULL), 0);
    assert_int_equal(stuinfo_cr_kind_from_key("change_of_fact"), STUINFO_CR_KIND_CHANGE_OF_FACT);
}

static void
test_policy_setters(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_workflow_policy *p = (stuinfo_workflow_policy *)1;
    int32_t cls = 5;
    char id[80];

    (void)state;
    assert_int_equal(stuinfo_workflow_policy_new(NULL, &p), STUINFO_ERR_INVALID_ARGUMENT);
    assert_null(p);
    assert_int_equal(stuinfo_workflow_policy_new(ctx, NULL), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_workflow_policy_set_id(NULL, "a", 1), STUINFO_ERR_INVALID_ARGUMENT);
    assert_string_equal(stuinfo_workflow_policy_id(NULL), "");
    assert_int_equal(stuinfo_workflow_policy_set_window(NULL, 0, 0),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_workflow_policy_set_field(NULL, "name", 1, 0, 0),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_workflow_policy_field_class(NULL, "name", &cls),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(cls, 0);
    assert_int_equal(stuinfo_workflow_policy_set_rules(NULL, 1, 0, 0, 0),
                     STUINFO_ERR_INVALID_ARGUMENT);

    assert_int_equal(stuinfo_workflow_policy_new(ctx, &p), STUINFO_OK);
    /* ids: 1-63 printable ASCII characters, no spaces */
    assert_int_equal(stuinfo_workflow_policy_set_id(p, NULL, 0), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_workflow_policy_set_id(p, "a", 0), STUINFO_ERR_INVALID_ARGUMENT);
    memset(id, 'a', sizeof(id));
    assert_int_equal(stuinfo_workflow_policy_set_id(p, id, 64), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_workflow_policy_set_id(p, "a b", 3), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_workflow_policy_set_id(p, "a\x7f", 2),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_workflow_policy_set_id(p, id, 63), STUINFO_OK);
    assert_int_equal(strlen(stuinfo_workflow_policy_id(p)), 63);
    /* window: close before open */
    assert_int_equal(stuinfo_workflow_policy_set_window(p, 20, 10),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_workflow_policy_set_window(p, 10, 10), STUINFO_OK);
    /* fields: every argument checked */
    assert_int_equal(stuinfo_workflow_policy_set_field(p, NULL, 1, 0, 0),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_workflow_policy_set_field(p, "name", 0, 0, 0),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_workflow_policy_set_field(p, "name", 4, 0, 0),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_workflow_policy_set_field(p, "name", 1, 0, 2),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_workflow_policy_set_field(p, "name", 3, 1u, 0),
                     STUINFO_ERR_INVALID_ARGUMENT);        /* bit 0 is no evidence kind */
    assert_int_equal(stuinfo_workflow_policy_set_field(p, "name", 3, 1u << 9, 0),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_workflow_policy_set_field(p, "shoe_size", 1, 0, 0),
                     STUINFO_ERR_NOT_FOUND);
    assert_int_equal(stuinfo_workflow_policy_set_field(p, "history.school", 2, 0, 1),
                     STUINFO_OK);
    assert_int_equal(stuinfo_workflow_policy_field_class(p, "history[3].school", &cls),
                     STUINFO_OK);
    assert_int_equal(cls, STUINFO_FIELD_CLASS_GREY);
    assert_int_equal(stuinfo_workflow_policy_field_class(p, NULL, &cls),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_workflow_policy_field_class(p, "name", NULL),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_workflow_policy_field_class(p, "family[x].name", &cls),
                     STUINFO_ERR_NOT_FOUND);
    assert_int_equal(cls, 0);
    /* rules */
    assert_int_equal(stuinfo_workflow_policy_set_rules(p, 0, 0, 0, 0),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_workflow_policy_set_rules(p, 3, 0, 0, 0),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_workflow_policy_set_rules(p, 1, -1, 0, 0),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_workflow_policy_set_rules(p, 1, 36601, 0, 0),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_workflow_policy_set_rules(p, 1, 0, 2, 0),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_workflow_policy_set_rules(p, 1, 0, 0, -1),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_workflow_policy_set_rules(p, 2, 36600, 1, 1), STUINFO_OK);
    stuinfo_workflow_policy_free(p);
    stuinfo_ctx_free(ctx);
}

static void
test_request_arguments(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_workflow_policy *p = NULL;
    stuinfo_change_request *r = (stuinfo_change_request *)1;
    stuinfo_cr_actor s1 = actor(STUINFO_ROLE_STUDENT, "s1"), bad = s1;
    stuinfo_cr_facts facts;
    stuinfo_cr_change ch;
    stuinfo_cr_evidence ev;
    stuinfo_cr_log_entry le;
    const char *id = "x", *pid = "y";
    size_t len = 3, bad_index = 9;

    (void)state;
    assert_int_equal(stuinfo_workflow_policy_new(ctx, &p), STUINFO_OK);
    /* making a request */
    assert_int_equal(stuinfo_request_new(ctx, NULL, NULL, &s1, "S1", 2, 1,
                                         STUINFO_CR_KIND_CORRECTION, NULL, 0, &r),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_null(r);
    assert_int_equal(stuinfo_request_new(ctx, p, NULL, &s1, NULL, 0, 1,
                                         STUINFO_CR_KIND_CORRECTION, NULL, 0, &r),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_request_new(ctx, p, NULL, &s1, "S1", 2, 1,
                                         STUINFO_CR_KIND_CORRECTION, NULL, 4, &r),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_request_new(ctx, p, NULL, &s1, "S1", 2, 1, 3, NULL, 0, &r),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_request_new(ctx, p, NULL, &s1, "S1", 2, UINT64_MAX,
                                         STUINFO_CR_KIND_CORRECTION, NULL, 0, &r),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_null(r);
    /* malformed actors and facts */
    bad.size = 4;
    assert_int_equal(stuinfo_request_new(ctx, p, NULL, &bad, "S1", 2, 1,
                                         STUINFO_CR_KIND_CORRECTION, NULL, 0, &r),
                     STUINFO_ERR_INVALID_ARGUMENT);
    bad = s1;
    bad.role = 99;
    assert_int_equal(stuinfo_request_new(ctx, p, NULL, &bad, "S1", 2, 1,
                                         STUINFO_CR_KIND_CORRECTION, NULL, 0, &r),
                     STUINFO_ERR_INVALID_ARGUMENT);
    bad = s1;
    bad.id[0] = '\0';
    assert_int_equal(stuinfo_request_new(ctx, p, NULL, &bad, "S1", 2, 1,
                                         STUINFO_CR_KIND_CORRECTION, NULL, 0, &r),
                     STUINFO_ERR_INVALID_ARGUMENT);
    bad = s1;
    memset(bad.id, 'a', sizeof(bad.id));        /* not NUL-terminated */
    assert_int_equal(stuinfo_request_new(ctx, p, NULL, &bad, "S1", 2, 1,
                                         STUINFO_CR_KIND_CORRECTION, NULL, 0, &r),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_cr_facts_init(&facts), STUINFO_OK);
    facts.size = 4;
    assert_int_equal(stuinfo_request_new(ctx, p, &facts, &s1, "S1", 2, 1,
                                         STUINFO_CR_KIND_CORRECTION, NULL, 0, &r),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_null(r);
    assert_int_equal(stuinfo_request_new(ctx, p, NULL, &s1, "S1", 2, 7,
                                         STUINFO_CR_KIND_CORRECTION, NULL, 0, &r),
                     STUINFO_OK);

    /* reading it */
    assert_int_equal(stuinfo_request_kind(NULL), 0);
    assert_int_equal(stuinfo_request_record_version(NULL), 0);
    assert_int_equal(stuinfo_request_record_version(r), 7);
    assert_int_equal(stuinfo_request_revision(NULL), 0);
    assert_int_equal(stuinfo_request_change_count(NULL), 0);
    assert_int_equal(stuinfo_request_evidence_count(NULL), 0);
    assert_int_equal(stuinfo_request_diff_count(NULL), 0);
    assert_int_equal(stuinfo_request_log_count(NULL), 0);
    assert_string_equal(stuinfo_request_log_head(NULL), "");
    assert_int_equal(stuinfo_request_target(NULL, &id, &len, &pid),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_null(id);
    assert_int_equal(len, 0);
    assert_null(pid);
    assert_int_equal(stuinfo_request_target(r, NULL, NULL, NULL),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_request_target(r, &id, NULL, NULL), STUINFO_OK);
    assert_string_equal(id, "S1");
    memset(&ch, 0, sizeof(ch));
    memset(&ev, 0, sizeof(ev));
    memset(&le, 0, sizeof(le));
    assert_int_equal(stuinfo_request_change_get(NULL, 0, &ch), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_request_change_get(r, 0, NULL), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_request_change_get(r, 0, &ch), STUINFO_ERR_INVALID_ARGUMENT);
    ch.size = sizeof(ch);
    assert_int_equal(stuinfo_request_change_get(r, 0, &ch), STUINFO_ERR_NOT_FOUND);
    assert_int_equal(stuinfo_request_diff_get(NULL, 0, &ch), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_request_diff_get(r, 0, NULL), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_request_diff_get(r, 0, &ch), STUINFO_ERR_NOT_FOUND);
    assert_int_equal(stuinfo_request_evidence_get(NULL, 0, &ev), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_request_evidence_get(r, 0, &ev), STUINFO_ERR_INVALID_ARGUMENT);
    ev.size = sizeof(ev);
    assert_int_equal(stuinfo_request_evidence_get(r, 0, &ev), STUINFO_ERR_NOT_FOUND);
    assert_int_equal(stuinfo_request_log_get(NULL, 0, &le), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_request_log_get(r, 0, NULL), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_request_log_get(r, 0, &le), STUINFO_ERR_INVALID_ARGUMENT);
    le.size = sizeof(le);
    assert_int_equal(stuinfo_request_log_get(r, 5, &le), STUINFO_ERR_NOT_FOUND);
    assert_int_equal(stuinfo_request_log_get(r, 0, &le), STUINFO_OK);
    assert_int_equal(le.action, STUINFO_CR_ACTION_CREATE);
    /* verify: NULL request; a head that is not hex */
    assert_int_equal(stuinfo_request_log_verify(NULL, NULL, &bad_index),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_request_log_verify(r, "zz", &bad_index),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_request_log_verify(r, stuinfo_request_log_head(r), &bad_index),
                     STUINFO_OK);

    /* editing it: bad paths, NULL texts with lengths, bad evidence, removals */
    assert_int_equal(stuinfo_request_set_change(r, p, NULL, &s1, stuinfo_request_revision(r),
                                                NULL, NULL, 0, "a", 1),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_request_set_change(r, p, NULL, &s1, stuinfo_request_revision(r),
                                                "name", NULL, 3, "a", 1),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_request_set_change(r, p, NULL, &s1, stuinfo_request_revision(r),
                                                "name", NULL, 0, NULL, 3),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_request_remove_change(r, p, NULL, &s1,
                                                   stuinfo_request_revision(r), NULL),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_request_remove_change(r, p, NULL, &s1,
                                                   stuinfo_request_revision(r), "family[x]"),
                     STUINFO_ERR_NOT_FOUND);
    assert_int_equal(stuinfo_request_add_evidence(r, p, NULL, &s1, stuinfo_request_revision(r),
                                                  0, "a", 1),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_request_add_evidence(r, p, NULL, &s1, stuinfo_request_revision(r),
                                                  STUINFO_EVIDENCE_OTHER, NULL, 0),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_request_remove_evidence(r, p, NULL, &s1,
                                                     stuinfo_request_revision(r), 0),
                     STUINFO_ERR_NOT_FOUND);
    assert_int_equal(stuinfo_request_can(NULL, p, NULL, &s1, STUINFO_CR_ACTION_SUBMIT, 0),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_request_act(NULL, p, NULL, &s1, STUINFO_CR_ACTION_SUBMIT, 0,
                                         NULL, 0),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_request_act(r, p, NULL, NULL, STUINFO_CR_ACTION_SUBMIT,
                                         stuinfo_request_revision(r), NULL, 0),
                     STUINFO_ERR_INVALID_ARGUMENT);
    /* nothing changed by all of that */
    assert_int_equal(stuinfo_request_change_count(r), 0);
    assert_int_equal(stuinfo_request_evidence_count(r), 0);
    assert_int_equal(stuinfo_request_log_count(r), 1);
    assert_int_equal(stuinfo_request_state(r), STUINFO_CR_DRAFT);
    stuinfo_request_free(r);
    stuinfo_workflow_policy_free(p);
    stuinfo_ctx_free(ctx);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_policy_setters),
        cmocka_unit_test(test_request_arguments),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
