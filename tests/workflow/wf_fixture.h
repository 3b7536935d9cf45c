/*
 * Shared helpers of the workflow tests: actors, a policy, and a request driven to a
 * given point through the public API. Include after <cmocka.h> and test_ctx.h.
 */
#ifndef TESTS_WF_FIXTURE_H
#define TESTS_WF_FIXTURE_H

#include <string.h>

#include "stuinfo.h"

static inline stuinfo_cr_actor
wf_actor(int32_t role, const char *id)
{
    stuinfo_cr_actor a;

    assert_int_equal(stuinfo_cr_actor_init(&a, role, id, strlen(id)), STUINFO_OK);
    return a;
}

static inline stuinfo_workflow_policy *
wf_policy(stuinfo_ctx *ctx)
{
    stuinfo_workflow_policy *p = NULL;

    assert_int_equal(stuinfo_workflow_policy_new(ctx, &p), STUINFO_OK);
    return p;
}

/* A draft by student s1 for record "S001" at version @p version. */
static inline stuinfo_change_request *
wf_draft(stuinfo_ctx *ctx, const stuinfo_workflow_policy *p, int32_t kind, uint64_t version)
{
    stuinfo_cr_actor s1 = wf_actor(STUINFO_ROLE_STUDENT, "s1");
    stuinfo_change_request *r = NULL;

    assert_int_equal(stuinfo_request_new(ctx, p, NULL, &s1, "S001", 4, version, kind, NULL, 0,
                                         &r),
                     STUINFO_OK);
    return r;
}

static inline void
wf_change(stuinfo_change_request *r, const stuinfo_workflow_policy *p, const char *who_id,
          int32_t role, const char *path, const char *old_value, const char *new_value)
{
    stuinfo_cr_actor a = wf_actor(role, who_id);

    assert_int_equal(stuinfo_request_set_change(r, p, NULL, &a, stuinfo_request_revision(r),
                                                path, old_value,
                                                old_value ? strlen(old_value) : 0, new_value,
                                                new_value ? strlen(new_value) : 0),
                     STUINFO_OK);
}

static inline stuinfo_status
wf_act(stuinfo_change_request *r, const stuinfo_workflow_policy *p,
       const stuinfo_cr_facts *facts, int32_t role, const char *id, int32_t action,
       const char *comment)
{
    stuinfo_cr_actor a = wf_actor(role, id);

    return stuinfo_request_act(r, p, facts, &a, action, stuinfo_request_revision(r), comment,
                               comment ? strlen(comment) : 0);
}

/* The request's JSON, copied into @p buf (cap bytes); returns its length. */
static inline size_t
wf_json(stuinfo_change_request *r, char *buf, size_t cap)
{
    const char *j = NULL;
    size_t n = 0;

    assert_int_equal(stuinfo_request_to_json(r, &j, &n), STUINFO_OK);
    assert_true(n < cap);
    memcpy(buf, j, n + 1);
    return n;
}

#endif /* TESTS_WF_FIXTURE_H */
