/*
 * Random walks (reliability.md G6): 100,000 seeded sequences of random calls by random
 * people under random windows and lifecycle facts. After every step the invariants hold:
 *   - the revision grows by exactly one on success and not at all on a refusal, and a
 *     refused call leaves the request's JSON byte-for-byte unchanged (checked in full on
 *     every 16th refusal, by state/revision/counts on the others);
 *   - final states absorb: after applied, rejected or withdrawn every call is refused;
 *   - an approval is never by the creator or the current submitter, and only by the role
 *     of its level (teacher, registrar, leadership);
 *   - an apply succeeds only when this test's own record of the walk says the request was
 *     approved at first level since its last submission, at second level too when a key
 *     field is proposed, by leadership when it came by the exception path, and then the
 *     record holds exactly the proposed values;
 *   - every 997th sequence round-trips through JSON byte for byte.
 * The seed of a failing sequence is printed.
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
#include "quick.h"

enum { BUF = 1 << 16, SEQUENCES = 100000, STEPS = 14 };
static char before[BUF], after[BUF];

static uint64_t rng;

static uint32_t
next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (uint32_t)(rng >> 16);
}

static uint32_t
pick(uint32_t n)
{
    return next() % n;
}

static const struct { const char *id; int32_t role; } people[] = {
    {"s1", STUINFO_ROLE_STUDENT}, {"s2", STUINFO_ROLE_STUDENT}, {"g1", STUINFO_ROLE_GUARDIAN},
    {"t1", STUINFO_ROLE_TEACHER}, {"t2", STUINFO_ROLE_TEACHER}, {"r1", STUINFO_ROLE_REGISTRAR},
    {"r2", STUINFO_ROLE_REGISTRAR}, {"l1", STUINFO_ROLE_LEADERSHIP}, {"a1", STUINFO_ROLE_ADMIN},
};

static const struct { const char *path; bool key; const char *values[2]; } fields[] = {
    {"phone", false, {"010-65001234", "010-65009876"}},
    {"email", false, {"a@example.cn", "b@example.cn"}},
    {"name", true, {"张叁", "李四"}},
    {"ethnicity", false, {"02", "03"}},
    {"sex", true, {"2", "1"}},
};

/* What the test itself knows about the walk (not read from the library). */
struct oracle {
    char creator[8], submitter[8];
    bool first, second, leader, via_exception, final;
};

struct world {
    stuinfo_ctx *ctx;
    stuinfo_workflow_policy *open, *closed;
    stuinfo_student *st;
    uint64_t sequences, applied, accepted, refused;
};

static bool
has_key(const stuinfo_change_request *r)
{
    for (size_t i = 0; i < stuinfo_request_change_count(r); i++) {
        stuinfo_cr_change c = {.size = sizeof(c)};

        assert_int_equal(stuinfo_request_change_get(r, i, &c), STUINFO_OK);
        for (size_t f = 0; f < sizeof(fields) / sizeof(fields[0]); f++)
            if (strcmp(c.field, fields[f].path) == 0 && fields[f].key)
                return true;
    }
    return false;
}

static void
check_applied(struct world *w, const stuinfo_change_request *r)
{
    for (size_t i = 0; i < stuinfo_request_change_count(r); i++) {
        stuinfo_cr_change c = {.size = sizeof(c)};
        const char *v;
        size_t n;

        assert_int_equal(stuinfo_request_change_get(r, i, &c), STUINFO_OK);
        assert_int_equal(stuinfo_student_get_path(w->st, c.field, &v, &n), STUINFO_OK);
        assert_string_equal(v, c.new_value);
    }
}

/* One random call; returns its status. */
static stuinfo_status
one_step(struct world *w, stuinfo_change_request *r, struct oracle *o, uint64_t seed)
{
    const stuinfo_workflow_policy *p = pick(4) == 0 ? w->closed : w->open;
    size_t who = pick(sizeof(people) / sizeof(people[0]));
    stuinfo_cr_facts facts;
    uint64_t rev = stuinfo_request_revision(r), seen = rev;
    int32_t from = stuinfo_request_state(r), action = 0, kind = pick(10);

    /* Half of the steps are guided: the call that would move the request on, by someone
     * of the right role (still often refused: wrong person, window, evidence, locks). */
    if (pick(2) == 0) {
        static const struct { int32_t state; int32_t kind; size_t who[2]; } guide[] = {
            {STUINFO_CR_DRAFT, 0, {0, 3}}, {STUINFO_CR_DRAFT, 3, {0, 2}},
            {STUINFO_CR_DRAFT, 6, {0, 1}}, {STUINFO_CR_RETURNED, 6, {0, 3}},
            {STUINFO_CR_SUBMITTED, 7, {3, 4}}, {STUINFO_CR_SECOND_REVIEW, 7, {5, 6}},
            {STUINFO_CR_EXCEPTION_REVIEW, 7, {7, 7}}, {STUINFO_CR_APPROVED, 5, {5, 8}},
        };
        size_t g = pick(sizeof(guide) / sizeof(guide[0]));

        for (size_t k = 0; k < sizeof(guide) / sizeof(guide[0]); k++)
            if (guide[(g + k) % 8].state == from) {
                g = (g + k) % 8;
                kind = guide[g].kind;
                who = guide[g].who[pick(2)];
                break;
            }
    }
    stuinfo_cr_actor a = wf_actor(people[who].role, people[who].id);
    bool key = has_key(r);
    stuinfo_status st;
    size_t n0 = 0;
    bool full = (w->refused & 15) == 0;

    stuinfo_cr_facts_init(&facts);
    facts.graduated = pick(10) == 0;
    facts.reported = pick(10) == 0;
    facts.enrolled_at = pick(5) == 0 ? TEST_NOW - 365 * 86400 : TEST_NOW - 30 * 86400;
    if (pick(20) == 0)
        seen = rev - 1;
    if (full)
        n0 = wf_json(r, before, BUF);
    if (kind < 3) {
        size_t f = pick(sizeof(fields) / sizeof(fields[0]));
        const char *v = fields[f].values[pick(2)];

        action = STUINFO_CR_ACTION_EDIT;
        st = stuinfo_request_set_change(r, p, &facts, &a, seen, fields[f].path, NULL, 0, v,
                                        strlen(v));
    } else if (kind == 3) {
        action = STUINFO_CR_ACTION_EDIT;
        st = stuinfo_request_add_evidence(r, p, &facts, &a, seen, 1 + (int32_t)pick(3), "E",
                                          1);
    } else if (kind == 4) {
        action = STUINFO_CR_ACTION_EDIT;
        st = stuinfo_request_remove_change(r, p, &facts, &a, seen,
                                           fields[pick(sizeof(fields) / sizeof(fields[0]))].path);
    } else if (kind == 5) {
        action = STUINFO_CR_ACTION_APPLY;
        st = stuinfo_request_apply(r, p, &facts, &a, seen, w->st, NULL, NULL);
    } else {
        static const int32_t guided[] = {STUINFO_CR_ACTION_SUBMIT, STUINFO_CR_ACTION_APPROVE,
                                         STUINFO_CR_ACTION_REQUEST_EXCEPTION};

        /* 6: submit or exception, 7: approve, others: anything (apply refused by act) */
        action = kind == 6 ? guided[pick(2) ? 0 : 2] : kind == 7 ? guided[1]
                                                                 : 2 + (int32_t)pick(8);
        st = stuinfo_request_act(r, p, &facts, &a, action, seen, pick(2) ? "c" : NULL,
                                 1);
    }
    if (st != STUINFO_OK) {
        w->refused++;
        if (o->final && st == STUINFO_OK)
            fail_msg("seed %llu: a final state accepted a call", (unsigned long long)seed);
        assert_int_equal(stuinfo_request_revision(r), rev);
        assert_int_equal(stuinfo_request_state(r), from);
        if (full) {
            size_t n1 = wf_json(r, after, BUF);

            if (n0 != n1 || memcmp(before, after, n0) != 0)
                fail_msg("seed %llu: a refusal changed the request", (unsigned long long)seed);
        }
        return st;
    }
    /* Accepted. */
    w->accepted++;
    if (o->final)
        fail_msg("seed %llu: final state %d accepted action %d", (unsigned long long)seed,
                 from, action);
    assert_int_equal(seen, rev);
    assert_int_equal(stuinfo_request_revision(r), rev + 1);
    switch (action) {
    case STUINFO_CR_ACTION_SUBMIT:
    case STUINFO_CR_ACTION_REQUEST_EXCEPTION:
        assert_true(stuinfo_request_change_count(r) > 0);
        if (action == STUINFO_CR_ACTION_SUBMIT)
            assert_true(from == STUINFO_CR_RETURNED || p == w->open);
        else
            assert_true(p == w->closed);
        snprintf(o->submitter, sizeof(o->submitter), "%s", people[who].id);
        o->first = o->second = o->leader = false;
        o->via_exception = action == STUINFO_CR_ACTION_REQUEST_EXCEPTION;
        break;
    case STUINFO_CR_ACTION_APPROVE:
        if (strcmp(people[who].id, o->creator) == 0 || strcmp(people[who].id, o->submitter) == 0)
            fail_msg("seed %llu: approval by the creator or submitter",
                     (unsigned long long)seed);
        if (from == STUINFO_CR_SUBMITTED) {
            assert_int_equal(people[who].role, STUINFO_ROLE_TEACHER);
            o->first = true;
        } else if (from == STUINFO_CR_SECOND_REVIEW) {
            assert_int_equal(people[who].role, STUINFO_ROLE_REGISTRAR);
            o->second = true;
        } else {
            assert_int_equal(from, STUINFO_CR_EXCEPTION_REVIEW);
            assert_int_equal(people[who].role, STUINFO_ROLE_LEADERSHIP);
            o->leader = true;
        }
        break;
    case STUINFO_CR_ACTION_APPLY:
        if (!o->first || (key && !o->second) || (o->via_exception && !o->leader))
            fail_msg("seed %llu: applied without the approvals", (unsigned long long)seed);
        assert_true(people[who].role == STUINFO_ROLE_REGISTRAR
                    || people[who].role == STUINFO_ROLE_ADMIN);
        /* The graduation lock holds name (and ID number) */
        if (facts.graduated) {
            for (size_t i = 0; i < stuinfo_request_change_count(r); i++) {
                stuinfo_cr_change c = {.size = sizeof(c)};

                assert_int_equal(stuinfo_request_change_get(r, i, &c), STUINFO_OK);
                assert_string_not_equal(c.field, "name");
            }
        }
        check_applied(w, r);
        w->applied++;
        o->final = true;
        break;
    case STUINFO_CR_ACTION_REJECT:
    case STUINFO_CR_ACTION_WITHDRAW:
        o->final = true;
        break;
    default:
        break;
    }
    return st;
}

static void
round_trip(struct world *w, stuinfo_change_request *r)
{
    stuinfo_change_request *back = NULL;
    size_t n = wf_json(r, before, BUF), n2;
    const char *j;

    assert_int_equal(stuinfo_request_from_json(w->ctx, before, n, &back), STUINFO_OK);
    assert_int_equal(stuinfo_request_to_json(back, &j, &n2), STUINFO_OK);
    assert_int_equal(n, n2);
    assert_memory_equal(before, j, n);
    stuinfo_request_free(back);
}

static void
test_random_walks(void **state)
{
    struct world w = {0};
    uint64_t count = wf_under_valgrind() ? 2000 : SEQUENCES;

    (void)state;
    /* The libc allocator: a million calls through cmocka's tracking allocator would take
     * minutes; leaks are caught by ASan and valgrind. */
    assert_int_equal(stuinfo_ctx_new(NULL, &w.ctx), STUINFO_OK);
    assert_int_equal(stuinfo_ctx_set_fixed_time(w.ctx, TEST_NOW), STUINFO_OK);
    w.open = wf_policy(w.ctx);
    w.closed = wf_policy(w.ctx);
    assert_int_equal(stuinfo_workflow_policy_set_window(w.closed, TEST_NOW - 100,
                                                        TEST_NOW - 1),
                     STUINFO_OK);
    assert_int_equal(stuinfo_student_new(w.ctx, &w.st), STUINFO_OK);
    assert_int_equal(sample_fill(w.st), STUINFO_OK);
    for (uint64_t s = 1; s <= count; s++) {
        size_t who = pick(4);       /* creators: s1, s2, g1, t1 */
        stuinfo_cr_actor a = wf_actor(people[who].role, people[who].id);
        stuinfo_change_request *r = NULL;
        struct oracle o = {0};

        rng = s * 0x9E3779B97F4A7C15ull | 1;
        assert_int_equal(stuinfo_request_new(w.ctx, w.open, NULL, &a, "S001", 4,
                                             stuinfo_student_version(w.st),
                                             1 + (int32_t)pick(2), NULL, 0, &r),
                         STUINFO_OK);
        snprintf(o.creator, sizeof(o.creator), "%s", people[who].id);
        for (int k = 0; k < STEPS; k++)
            one_step(&w, r, &o, s);
        if (s % 997 == 0)
            round_trip(&w, r);
        stuinfo_request_free(r);
        w.sequences++;
    }
    print_message("%llu sequences, %llu accepted calls, %llu refusals, %llu applied\n",
                  (unsigned long long)w.sequences, (unsigned long long)w.accepted,
                  (unsigned long long)w.refused, (unsigned long long)w.applied);
    assert_true(w.applied > 0);
    stuinfo_student_free(w.st);
    stuinfo_workflow_policy_free(w.open);
    stuinfo_workflow_policy_free(w.closed);
    stuinfo_ctx_free(w.ctx);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_random_walks),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
