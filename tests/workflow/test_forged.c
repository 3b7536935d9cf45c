/*
 * White-box: a log rewritten whole with fresh hashes (what someone without the host's
 * head could do) still has to replay through the rules: a decision by the submitter, by
 * a role the table does not allow or to the wrong state is refused at load, and the head
 * the host kept catches the rewrite anyway.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "test_ctx.h"
#include "wf_fixture.h"
#include "workflow/workflow.h"

enum { BUF = 1 << 16 };
static char json[BUF];

/* Rebuild the chain of @p r from its entries, as a forger would. */
static void
rechain(stuinfo_change_request *r)
{
    size_t n = r->log.count;

    chain_clear(&r->log);
    for (size_t i = 0; i < n; i++) {
        struct chain_enc e;

        chain_enc_init(&e, r->ctx);
        workflow_entry_encode(&e, r->entries[i]);
        assert_int_equal(chain_enc_status(&e), STUINFO_OK);
        assert_int_equal(chain_append(&r->log, e.buf, e.len), STUINFO_OK);
        chain_enc_clear(&e);
        chain_to_hex(r->log.entries[i].hash, r->entries[i]->hash_hex);
    }
}

static void
test_self_approval_forged(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_workflow_policy *p = wf_policy(ctx);
    stuinfo_change_request *r = wf_draft(ctx, p, STUINFO_CR_KIND_CORRECTION, 0), *back = NULL;
    char kept[CHAIN_HEX_BYTES];
    size_t n;

    (void)state;
    wf_change(r, p, "s1", STUINFO_ROLE_STUDENT, "phone", NULL, "010-65001111");
    assert_int_equal(wf_act(r, p, NULL, STUINFO_ROLE_STUDENT, "s1", STUINFO_CR_ACTION_SUBMIT,
                            NULL),
                     STUINFO_OK);
    assert_int_equal(wf_act(r, p, NULL, STUINFO_ROLE_TEACHER, "t1", STUINFO_CR_ACTION_APPROVE,
                            NULL),
                     STUINFO_OK);
    memcpy(kept, stuinfo_request_log_head(r), sizeof(kept));
    /* Rechained without a change: loads, and still verifies against the kept head. */
    rechain(r);
    n = wf_json(r, json, BUF);
    assert_int_equal(stuinfo_request_from_json(ctx, json, n, &back), STUINFO_OK);
    assert_int_equal(stuinfo_request_log_verify(back, kept, NULL), STUINFO_OK);
    stuinfo_request_free(back);
    /* The approval now claims to be by the submitter, with a fresh chain. */
    memcpy(r->entries[3]->actor, "s1", 3);
    r->entries[3]->role = STUINFO_ROLE_TEACHER;
    rechain(r);
    n = wf_json(r, json, BUF);
    assert_int_equal(stuinfo_request_from_json(ctx, json, n, &back), STUINFO_ERR_TAMPERED);
    assert_null(back);
    assert_non_null(strstr(stuinfo_ctx_last_message(ctx), "3"));
    /* An approval by a role the table does not allow, or to a state its row does not
     * lead to, is refused at load too. */
    memcpy(r->entries[3]->actor, "s9", 3);
    r->entries[3]->role = STUINFO_ROLE_STUDENT;
    rechain(r);
    n = wf_json(r, json, BUF);
    assert_int_equal(stuinfo_request_from_json(ctx, json, n, &back), STUINFO_ERR_TAMPERED);
    assert_null(back);
    r->entries[3]->role = STUINFO_ROLE_TEACHER;
    r->entries[3]->to = STUINFO_CR_APPLIED;
    rechain(r);
    n = wf_json(r, json, BUF);
    assert_int_equal(stuinfo_request_from_json(ctx, json, n, &back), STUINFO_ERR_TAMPERED);
    assert_null(back);
    r->entries[3]->to = STUINFO_CR_APPROVED;
    /* A rewrite that keeps the rules loads, but not against the kept head. */
    memcpy(r->entries[3]->actor, "t9", 3);
    rechain(r);
    n = wf_json(r, json, BUF);
    assert_int_equal(stuinfo_request_from_json(ctx, json, n, &back), STUINFO_OK);
    assert_int_equal(stuinfo_request_log_verify(back, kept, NULL), STUINFO_ERR_TAMPERED);
    stuinfo_request_free(back);
    stuinfo_request_free(r);
    stuinfo_workflow_policy_free(p);
    stuinfo_ctx_free(ctx);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_self_approval_forged),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
