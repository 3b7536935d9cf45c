/*
 * Workflow policies and change requests as JSON under hostile conditions (issue 9):
 * every malformed member of a policy document is refused with STUINFO_ERR_PARSE (or
 * NOT_FOUND for an unknown field) and a message naming the member; and policy and
 * request export and import are swept for allocation failure (sweep.h): NOMEM, no leak,
 * the handle unchanged. (Kept out of tests/workflow/, which another change owns now.)
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "sweep.h"

#define FORMAT "\"format\":\"stuinfo.workflow_policy/1\""

static stuinfo_ctx *
plain_ctx(void)
{
    stuinfo_ctx_options o;
    stuinfo_ctx *ctx = NULL;

    assert_int_equal(stuinfo_ctx_options_init(&o), STUINFO_OK);
    o.lang = STUINFO_LANG_EN;
    sweep_fill_hooks(&o);
    assert_int_equal(stuinfo_ctx_new(&o, &ctx), STUINFO_OK);
    assert_int_equal(stuinfo_ctx_set_fixed_time(ctx, 1788220800LL), STUINFO_OK);
    return ctx;
}

/* ---- malformed policies ------------------------------------------------------------- */

static const struct {
    const char *json;
    stuinfo_status status;
    const char *named;          /* what the message names */
} bad_policies[] = {
    {"{\"format\":\"stuinfo.workflow_policy/2\"}", STUINFO_ERR_PARSE, "format"},
    {"{\"format\":7}", STUINFO_ERR_PARSE, "format"},
    {"{" FORMAT ",\"colour\":1}", STUINFO_ERR_PARSE, "(root)"},
    {"{" FORMAT ",\"id\":5}", STUINFO_ERR_PARSE, "id"},
    {"{" FORMAT ",\"window\":[1,2]}", STUINFO_ERR_PARSE, "window"},
    {"{" FORMAT ",\"window\":{\"open\":1,\"close\":2,\"x\":3}}", STUINFO_ERR_PARSE, "window"},
    {"{" FORMAT ",\"window\":{\"open\":\"1\",\"close\":2}}", STUINFO_ERR_PARSE, "window"},
    {"{" FORMAT ",\"window\":{\"open\":1,\"close\":2.5}}", STUINFO_ERR_PARSE, "window"},
    {"{" FORMAT ",\"window\":{\"open\":9,\"close\":2}}", STUINFO_ERR_PARSE, "window"},
    {"{" FORMAT ",\"second_review\":\"sometimes\"}", STUINFO_ERR_PARSE, "second_review"},
    {"{" FORMAT ",\"correction_limit_days\":36601}", STUINFO_ERR_PARSE,
     "correction_limit_days"},
    {"{" FORMAT ",\"correction_limit_days\":-1}", STUINFO_ERR_PARSE, "correction_limit_days"},
    {"{" FORMAT ",\"graduation_lock\":1}", STUINFO_ERR_PARSE, "graduation_lock"},
    {"{" FORMAT ",\"reported_lock\":\"yes\"}", STUINFO_ERR_PARSE, "reported_lock"},
    {"{" FORMAT ",\"fields\":[]}", STUINFO_ERR_PARSE, "fields"},
    {"{" FORMAT ",\"fields\":{\"name\":\"key\"}}", STUINFO_ERR_PARSE, "fields"},
    {"{" FORMAT ",\"fields\":{\"name\":{\"class\":\"key\",\"why\":1}}}", STUINFO_ERR_PARSE,
     "fields"},
    {"{" FORMAT ",\"fields\":{\"name\":{\"class\":\"secret\"}}}", STUINFO_ERR_PARSE, "class"},
    {"{" FORMAT ",\"fields\":{\"name\":{}}}", STUINFO_ERR_PARSE, "class"},
    {"{" FORMAT ",\"fields\":{\"name\":{\"class\":\"key\",\"evidence\":\"id_card\"}}}",
     STUINFO_ERR_PARSE, "evidence"},
    {"{" FORMAT ",\"fields\":{\"name\":{\"class\":\"key\",\"evidence\":[\"dna\"]}}}",
     STUINFO_ERR_PARSE, "evidence"},
    {"{" FORMAT ",\"fields\":{\"name\":{\"class\":\"key\",\"evidence\":[3]}}}",
     STUINFO_ERR_PARSE, "evidence"},
    {"{" FORMAT ",\"fields\":{\"name\":{\"class\":\"key\","
     "\"evidence\":[\"id_card\",\"id_card\"]}}}",
     STUINFO_ERR_PARSE, "evidence"},
    {"{" FORMAT ",\"fields\":{\"name\":{\"class\":\"grey\",\"graduation_lock\":0}}}",
     STUINFO_ERR_PARSE, "graduation_lock"},
    {"{" FORMAT ",\"fields\":{\"shoe_size\":{\"class\":\"open\"}}}", STUINFO_ERR_NOT_FOUND,
     NULL},
};

static void
test_bad_policies(void **state)
{
    stuinfo_ctx *ctx = plain_ctx();

    (void)state;
    for (size_t i = 0; i < sizeof(bad_policies) / sizeof(bad_policies[0]); i++) {
        stuinfo_workflow_policy *p = (stuinfo_workflow_policy *)1;
        const char *j = bad_policies[i].json;

        if (stuinfo_workflow_policy_from_json(ctx, j, strlen(j), &p) != bad_policies[i].status)
            fail_msg("policy %zu: status %d, message %s", i,
                     (int)stuinfo_ctx_last_status(ctx), stuinfo_ctx_last_message(ctx));
        assert_null(p);
        assert_int_equal(stuinfo_ctx_last_status(ctx), bad_policies[i].status);
        if (bad_policies[i].named != NULL
            && strstr(stuinfo_ctx_last_message(ctx), bad_policies[i].named) == NULL)
            fail_msg("policy %zu: message \"%s\" does not name %s", i,
                     stuinfo_ctx_last_message(ctx), bad_policies[i].named);
    }
    stuinfo_ctx_free(ctx);
}

/* The members that may be left out or given: accepted, and read back the same. */
static void
test_good_policy_members(void **state)
{
    static const char doc[] =
        "{" FORMAT ",\"id\":\"p1\",\"window\":{\"open\":10,\"close\":20},"
        "\"second_review\":\"always\",\"correction_limit_days\":30,"
        "\"graduation_lock\":false,\"reported_lock\":true,"
        "\"fields\":{\"name\":{\"class\":\"key\",\"evidence\":[\"id_card\","
        "\"household_register\"],\"graduation_lock\":true},"
        "\"family.phone\":{\"class\":\"grey\",\"evidence\":[]}}}";
    stuinfo_ctx *ctx = plain_ctx();
    stuinfo_workflow_policy *p = NULL, *q = NULL;
    const char *j1, *j2;
    size_t n1, n2;
    int32_t cls = 0;

    (void)state;
    assert_int_equal(stuinfo_workflow_policy_from_json(ctx, doc, sizeof(doc) - 1, &p),
                     STUINFO_OK);
    assert_string_equal(stuinfo_workflow_policy_id(p), "p1");
    assert_int_equal(stuinfo_workflow_policy_field_class(p, "name", &cls), STUINFO_OK);
    assert_int_equal(cls, STUINFO_FIELD_CLASS_KEY);
    assert_int_equal(stuinfo_workflow_policy_field_class(p, "family[3].phone", &cls),
                     STUINFO_OK);
    assert_int_equal(cls, STUINFO_FIELD_CLASS_GREY);
    /* "fields" replaces the whole classification: others are open now */
    assert_int_equal(stuinfo_workflow_policy_field_class(p, "sex", &cls), STUINFO_OK);
    assert_int_equal(cls, STUINFO_FIELD_CLASS_OPEN);
    /* and it writes what it read (stable round trip) */
    assert_int_equal(stuinfo_workflow_policy_to_json(p, &j1, &n1), STUINFO_OK);
    assert_int_equal(stuinfo_workflow_policy_from_json(ctx, j1, n1, &q), STUINFO_OK);
    assert_int_equal(stuinfo_workflow_policy_to_json(q, &j2, &n2), STUINFO_OK);
    assert_int_equal(n1, n2);
    assert_memory_equal(j1, j2, n1);
    assert_non_null(strstr(j1, "\"graduation_lock\":true"));
    assert_non_null(strstr(j1, "\"id_card\""));
    /* without a length output */
    assert_int_equal(stuinfo_workflow_policy_to_json(q, &j2, NULL), STUINFO_OK);
    assert_int_equal(strlen(j2), n1);
    assert_int_equal(stuinfo_workflow_policy_to_json(q, NULL, &n2),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(n2, 0);
    stuinfo_workflow_policy_free(q);
    stuinfo_workflow_policy_free(p);
    stuinfo_ctx_free(ctx);
}

/* ---- malformed requests ----------------------------------------------------------- */

/* @p base with its first @p from replaced by @p to, into test memory. */
static char *
mutate(const char *base, const char *from, const char *to, size_t *len)
{
    const char *at = strstr(base, from);
    size_t a, n;
    char *out;

    if (at == NULL)
        fail_msg("\"%s\" is not in the request JSON", from);
    a = (size_t)(at - base);
    n = strlen(base) - strlen(from) + strlen(to);
    out = test_malloc(n + 1);
    memcpy(out, base, a);
    memcpy(out + a, to, strlen(to));
    strcpy(out + a + strlen(to), at + strlen(from));
    *len = n;
    return out;
}

static stuinfo_workflow_policy *make_policy(stuinfo_ctx *ctx);
static stuinfo_change_request *make_request(stuinfo_ctx *ctx,
                                            const stuinfo_workflow_policy *p);

/* Each member of a stored request broken in turn: refused with the documented status,
 * nothing made; the message names the member where it says which. */
static const struct {
    const char *from, *to;
    stuinfo_status status;
    const char *named;
} bad_requests[] = {
    {"{\"format\"", "{\"zzz\":1,\"format\"", STUINFO_ERR_PARSE, "(root)"},
    {"change_request/1", "change_request/2", STUINFO_ERR_PARSE, "format"},
    {"\"student\":\"S001\"", "\"student\":\"\"", STUINFO_ERR_PARSE, "student"},
    {"\"student\":\"S001\"", "\"student\":5", STUINFO_ERR_PARSE, "student"},
    {"\"record_version\":3", "\"record_version\":-3", STUINFO_ERR_PARSE, "record_version"},
    {"\"kind\":\"correction\"", "\"kind\":\"fix\"", STUINFO_ERR_PARSE, "kind"},
    {"\"policy\":\"wf\"", "\"policy\":\"w f\"", STUINFO_ERR_PARSE, "policy"},
    {"\"policy\":\"wf\"", "\"policy\":\"\"", STUINFO_ERR_PARSE, "policy"},
    {"\"state\":\"returned\"", "\"state\":\"limbo\"", STUINFO_ERR_PARSE, "state"},
    {"\"revision\":", "\"revision\":-", STUINFO_ERR_PARSE, "revision"},
    {"\"changes\":[{", "\"changes\":[7,{", STUINFO_ERR_PARSE, "changes"},
    {"\"field\":\"family[0].phone\"", "\"field\":\"family[0].shoe\"", STUINFO_ERR_PARSE,
     "field"},
    /* the changes out of order (a field twice) */
    {"\"field\":\"name\"", "\"field\":\"family[0].phone\"", STUINFO_ERR_PARSE, "field"},
    {"\"old\":null", "\"old\":1", STUINFO_ERR_PARSE, "old"},
    {"\"evidence\":[{", "\"evidence\":[3,{", STUINFO_ERR_PARSE, "evidence"},
    {"\"kind\":\"id_card\"", "\"kind\":\"dna\"", STUINFO_ERR_PARSE, "evidence"},
    {"\"reference\":\"scan-1\"", "\"reference\":\"\"", STUINFO_ERR_PARSE, "reference"},
    {"\"diff\":[]", "\"diff\":{}", STUINFO_ERR_PARSE, "diff"},
    {"\"log\":{\"head\"", "\"log\":{\"x\":1,\"head\"", STUINFO_ERR_PARSE, "log"},
    {"\"head\":\"", "\"head\":\"zz", STUINFO_ERR_PARSE, "log"},
    {"\"entries\":[{", "\"entries\":[5,{", STUINFO_ERR_PARSE, "entries"},
    {"\"entries\":[{", "\"entries\":[{\"zz\":0,", STUINFO_ERR_PARSE, "entries"},
    {"\"time\":1788220800", "\"time\":\"1788220800\"", STUINFO_ERR_PARSE, "entries"},
    {"\"actor\":\"s1\"", "\"actor\":\"\"", STUINFO_ERR_PARSE, "entries"},
    {"\"role\":\"student\"", "\"role\":\"janitor\"", STUINFO_ERR_PARSE, "entries"},
    /* well-formed entries that do not replay: the log was tampered with */
    {"\"action\":\"create\"", "\"action\":\"approve\"", STUINFO_ERR_TAMPERED, "entry 0"},
    {"\"changes\":null", "\"changes\":\"\"", STUINFO_ERR_TAMPERED, "entry 0"},
    {"\"hash\":\"", "\"hash\":\"00", STUINFO_ERR_PARSE, "entries"},
    {"\"content\":\"", "\"content\":\"f", STUINFO_ERR_PARSE, "entries"},
};

static void
test_bad_requests(void **state)
{
    stuinfo_ctx *ctx = plain_ctx();
    stuinfo_workflow_policy *p = make_policy(ctx);
    stuinfo_change_request *r = make_request(ctx, p);
    const char *j;
    size_t n;
    char *base;

    (void)state;
    assert_int_equal(stuinfo_request_to_json(r, &j, &n), STUINFO_OK);
    base = test_malloc(n + 1);
    memcpy(base, j, n + 1);
    for (size_t i = 0; i < sizeof(bad_requests) / sizeof(bad_requests[0]); i++) {
        stuinfo_change_request *q = (stuinfo_change_request *)1;
        char *doc = mutate(base, bad_requests[i].from, bad_requests[i].to, &n);
        stuinfo_status st = stuinfo_request_from_json(ctx, doc, n, &q);

        if (st != bad_requests[i].status)
            fail_msg("request %zu: status %d, message %s", i, (int)st,
                     stuinfo_ctx_last_message(ctx));
        assert_null(q);
        if (strstr(stuinfo_ctx_last_message(ctx), bad_requests[i].named) == NULL)
            fail_msg("request %zu: message \"%s\" does not name %s", i,
                     stuinfo_ctx_last_message(ctx), bad_requests[i].named);
        test_free(doc);
    }
    /* the unbroken one reads back */
    {
        stuinfo_change_request *q = NULL;

        assert_int_equal(stuinfo_request_from_json(ctx, base, strlen(base), &q), STUINFO_OK);
        assert_int_equal(stuinfo_request_state(q), STUINFO_CR_RETURNED);
        stuinfo_request_free(q);
    }
    test_free(base);
    stuinfo_request_free(r);
    stuinfo_workflow_policy_free(p);
    stuinfo_ctx_free(ctx);
}

/* ---- sweeps ------------------------------------------------------------------------- */

struct wf_fx {
    stuinfo_workflow_policy *p;
    stuinfo_change_request *r;
    char *policy_json, *request_json;
    size_t policy_len, request_len;
    stuinfo_workflow_policy *p_out;
    stuinfo_change_request *r_out;
};

static stuinfo_cr_actor
actor(int32_t role, const char *id)
{
    stuinfo_cr_actor a;

    assert_int_equal(stuinfo_cr_actor_init(&a, role, id, strlen(id)), STUINFO_OK);
    return a;
}

static char *
copy(const char *s, size_t n)
{
    char *c = test_malloc(n + 1);

    memcpy(c, s, n + 1);
    return c;
}

/* A policy with classified fields. */
static stuinfo_workflow_policy *
make_policy(stuinfo_ctx *ctx)
{
    stuinfo_workflow_policy *p = NULL;

    assert_int_equal(stuinfo_workflow_policy_new(ctx, &p), STUINFO_OK);
    assert_int_equal(stuinfo_workflow_policy_set_id(p, "wf", 2), STUINFO_OK);
    assert_int_equal(stuinfo_workflow_policy_set_field(p, "name", STUINFO_FIELD_CLASS_KEY,
                                                       (1u << STUINFO_EVIDENCE_ID_CARD)
                                                           | (1u << STUINFO_EVIDENCE_OTHER),
                                                       1),
                     STUINFO_OK);
    assert_int_equal(stuinfo_workflow_policy_set_field(p, "family.phone",
                                                       STUINFO_FIELD_CLASS_OPEN, 0, 1),
                     STUINFO_OK);
    return p;
}

/* A request with changes, evidence and a log of several actions. */
static stuinfo_change_request *
make_request(stuinfo_ctx *ctx, const stuinfo_workflow_policy *p)
{
    stuinfo_cr_actor s1 = actor(STUINFO_ROLE_STUDENT, "s1");
    stuinfo_cr_actor t1 = actor(STUINFO_ROLE_TEACHER, "t1");
    stuinfo_change_request *r = NULL;

    assert_int_equal(stuinfo_request_new(ctx, p, NULL, &s1, "S001", 4, 3,
                                         STUINFO_CR_KIND_CORRECTION, "\xE8\xAF\xB7", 3, &r),
                     STUINFO_OK);
    assert_int_equal(stuinfo_request_set_change(r, p, NULL, &s1, stuinfo_request_revision(r),
                                                "name", "\xE5\xBC\xA0\xE4\xB8\x89", 6,
                                                "\xE5\xBC\xA0\xE5\x85\xAB", 6),
                     STUINFO_OK);
    assert_int_equal(stuinfo_request_set_change(r, p, NULL, &s1, stuinfo_request_revision(r),
                                                "family[0].phone", NULL, 0, "13800138000", 11),
                     STUINFO_OK);
    assert_int_equal(stuinfo_request_add_evidence(r, p, NULL, &s1,
                                                  stuinfo_request_revision(r),
                                                  STUINFO_EVIDENCE_ID_CARD, "scan-1", 6),
                     STUINFO_OK);
    assert_int_equal(stuinfo_request_act(r, p, NULL, &s1, STUINFO_CR_ACTION_SUBMIT,
                                         stuinfo_request_revision(r), NULL, 0),
                     STUINFO_OK);
    assert_int_equal(stuinfo_request_act(r, p, NULL, &t1, STUINFO_CR_ACTION_RETURN,
                                         stuinfo_request_revision(r), "\xE8\xA1\xA5", 3),
                     STUINFO_OK);
    return r;
}

/* The handles the sweeps work on, made fresh (no JSON cached yet), and the JSON that
 * twins of them write, to compare with after a failure. */
static void *
setup_wf(stuinfo_ctx *ctx)
{
    struct wf_fx *fx = test_calloc(1, sizeof(*fx));
    stuinfo_workflow_policy *p = make_policy(ctx);
    stuinfo_change_request *r = make_request(ctx, p);
    const char *j;
    size_t n;

    assert_int_equal(stuinfo_workflow_policy_to_json(p, &j, &n), STUINFO_OK);
    fx->policy_json = copy(j, n);
    fx->policy_len = n;
    assert_int_equal(stuinfo_request_to_json(r, &j, &n), STUINFO_OK);
    fx->request_json = copy(j, n);
    fx->request_len = n;
    stuinfo_request_free(r);
    stuinfo_workflow_policy_free(p);
    fx->p = make_policy(ctx);
    fx->r = make_request(ctx, fx->p);
    return fx;
}

static void
teardown_wf(stuinfo_ctx *ctx, void *fixture)
{
    struct wf_fx *fx = fixture;

    (void)ctx;
    stuinfo_request_free(fx->r_out);
    stuinfo_workflow_policy_free(fx->p_out);
    stuinfo_request_free(fx->r);
    stuinfo_workflow_policy_free(fx->p);
    test_free(fx->policy_json);
    test_free(fx->request_json);
    test_free(fx);
}

/* After a failure: nothing new was made, and both handles write the same JSON. */
static void
check_wf_usable(stuinfo_ctx *ctx, void *fixture)
{
    struct wf_fx *fx = fixture;
    const char *j;
    size_t n;

    (void)ctx;
    assert_null(fx->p_out);
    assert_null(fx->r_out);
    assert_int_equal(stuinfo_workflow_policy_to_json(fx->p, &j, &n), STUINFO_OK);
    assert_int_equal(n, fx->policy_len);
    assert_memory_equal(j, fx->policy_json, n);
    assert_int_equal(stuinfo_request_to_json(fx->r, &j, &n), STUINFO_OK);
    assert_int_equal(n, fx->request_len);
    assert_memory_equal(j, fx->request_json, n);
    assert_int_equal(stuinfo_request_log_verify(fx->r, NULL, 0), STUINFO_OK);
}

static stuinfo_status
op_policy_to_json(stuinfo_ctx *ctx, void *fixture)
{
    struct wf_fx *fx = fixture;
    const char *j;
    size_t n;

    (void)ctx;
    return stuinfo_workflow_policy_to_json(fx->p, &j, &n);
}

static stuinfo_status
op_request_to_json(stuinfo_ctx *ctx, void *fixture)
{
    struct wf_fx *fx = fixture;
    const char *j;
    size_t n;

    (void)ctx;
    return stuinfo_request_to_json(fx->r, &j, &n);
}

static stuinfo_status
op_policy_from_json(stuinfo_ctx *ctx, void *fixture)
{
    struct wf_fx *fx = fixture;

    sweep_fail_jansson(false);          /* jansson's parser is not OOM-safe: sweep.h */
    return stuinfo_workflow_policy_from_json(ctx, fx->policy_json, fx->policy_len, &fx->p_out);
}

static stuinfo_status
op_request_from_json(stuinfo_ctx *ctx, void *fixture)
{
    struct wf_fx *fx = fixture;

    sweep_fail_jansson(false);
    return stuinfo_request_from_json(ctx, fx->request_json, fx->request_len, &fx->r_out);
}

static void
test_sweeps(void **state)
{
    static const sweep_op ops[] = {
        {"workflow_policy_to_json", setup_wf, op_policy_to_json, check_wf_usable, teardown_wf,
         false, NULL},
        {"request_to_json", setup_wf, op_request_to_json, check_wf_usable, teardown_wf, false,
         NULL},
        {"workflow_policy_from_json", setup_wf, op_policy_from_json, check_wf_usable,
         teardown_wf, false, NULL},
        {"request_from_json", setup_wf, op_request_from_json, check_wf_usable, teardown_wf,
         false, NULL},
    };

    (void)state;
    for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
        sweep_stats s = sweep_run(&ops[i]);

        assert_true(s.points > 0);
    }
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bad_policies),
        cmocka_unit_test(test_good_policy_members),
        cmocka_unit_test(test_bad_requests),
        cmocka_unit_test(test_sweeps),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
