/*
 * Allocation-failure sweep over JSON import and export of records with problems
 * (issue 9): student JSON with every kind of finding (wrong value types, unknown keys,
 * members that are not objects, groups that are not arrays, too many members, syntax,
 * encoding and size errors), the school, class and authority records from and to JSON,
 * their validation with findings, and enrolment histories to and from JSON.
 * Whatever allocation fails, the call says STUINFO_ERR_NOMEM (no other failure may win
 * over it), leaks nothing and leaves its inputs usable; see sweep.h.
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

/* ---- student JSON with findings ------------------------------------------------------ */

struct json_fx {
    stuinfo_report *rep;
    const char *json;
    size_t len;
    void *out;                  /* what a successful run made */
};

/* The document the next sweep imports (set before each sweep_run). */
static const char *doc;
static size_t doc_len;

static void *
setup_json(stuinfo_ctx *ctx)
{
    struct json_fx *fx = test_calloc(1, sizeof(*fx));

    assert_int_equal(stuinfo_report_new(ctx, &fx->rep), STUINFO_OK);
    fx->json = doc;
    fx->len = doc_len;
    return fx;
}

static void
teardown_student_json(stuinfo_ctx *ctx, void *fixture)
{
    struct json_fx *fx = fixture;

    (void)ctx;
    stuinfo_student_free(fx->out);
    stuinfo_report_free(fx->rep);
    test_free(fx);
}

/* After a failure: nothing was made, and the report still takes findings. */
static void
check_nothing_made(stuinfo_ctx *ctx, void *fixture)
{
    struct json_fx *fx = fixture;
    stuinfo_student *st = NULL;

    assert_null(fx->out);
    assert_int_equal(stuinfo_student_from_json(ctx, "{\"x\":1}", 7, fx->rep, &st),
                     STUINFO_ERR_NOT_FOUND);
    assert_null(st);
    assert_true(stuinfo_report_count(fx->rep) > 0);
}

static stuinfo_status
op_student_from_json(stuinfo_ctx *ctx, void *fixture)
{
    struct json_fx *fx = fixture;
    stuinfo_student *st = NULL;
    stuinfo_status s;

    sweep_fail_jansson(false);          /* jansson's parser is not OOM-safe: sweep.h */
    s = stuinfo_student_from_json(ctx, fx->json, fx->len, fx->rep, &st);
    fx->out = st;
    return s;
}

/* Each document, and the status an undisturbed import of it returns. */
static const struct {
    const char *json;
    stuinfo_status status;
} student_docs[] = {
    /* scalars of every JSON type, an array and an object as values, unknown keys at the
     * top and in a member, a member that is not an object, history not an array */
    {"{\"name\":\"\xE5\xBC\xA0\xE4\xB8\x89\",\"nosuch\":1,\"boarder\":true,"
     "\"only_child\":false,\"school_distance_km\":2.5,\"student_no\":20210001,"
     "\"photo\":[1],\"grade\":{},\"class\":null,"
     "\"family\":[{\"name\":\"\xE6\x9D\x8E\xE5\x9B\x9B\",\"zzz\":1,\"phone\":[]},5],"
     "\"history\":{\"a\":1}}",
     STUINFO_ERR_NOT_FOUND},
    {"{\"family\":\"x\",\"history\":[1,{\"yyy\":2}]}", STUINFO_ERR_PARSE},
    {"[1,2]", STUINFO_ERR_PARSE},
    {"{\"name\":", STUINFO_ERR_PARSE},
    {"{\"name\":\"\xFF\"}", STUINFO_ERR_ENCODING},
};

static void
test_student_json(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(student_docs) / sizeof(student_docs[0]); i++) {
        static const sweep_op op = {"student_from_json (flawed)", setup_json,
                                    op_student_from_json, check_nothing_made,
                                    teardown_student_json, true, NULL};
        stuinfo_ctx *ctx;
        stuinfo_report *rep = NULL;
        stuinfo_student *st = NULL;
        stuinfo_ctx_options o;

        doc = student_docs[i].json;
        doc_len = strlen(doc);
        /* undisturbed: the documented status, findings in the report, nothing made */
        stuinfo_ctx_options_init(&o);
        sweep_fill_hooks(&o);
        assert_int_equal(stuinfo_ctx_new(&o, &ctx), STUINFO_OK);
        assert_int_equal(stuinfo_report_new(ctx, &rep), STUINFO_OK);
        assert_int_equal(stuinfo_student_from_json(ctx, doc, doc_len, rep, &st),
                         student_docs[i].status);
        assert_null(st);
        assert_true(stuinfo_report_count(rep) > 0);
        /* without a report: the same status */
        assert_int_equal(stuinfo_student_from_json(ctx, doc, doc_len, NULL, &st),
                         student_docs[i].status);
        stuinfo_report_free(rep);
        stuinfo_ctx_free(ctx);
        sweep_run(&op);
    }
}

/* More family members than a record holds: TOO_LONG with a finding, under every failure. */
static void
test_student_json_too_many(void **state)
{
    static const sweep_op op = {"student_from_json (17 family members)", setup_json,
                                op_student_from_json, check_nothing_made,
                                teardown_student_json, true, NULL};
    char *buf = test_malloc(64 + 8 * (STUINFO_STUDENT_MAX_FAMILY + 1));
    size_t n = 0;

    (void)state;
    n += (size_t)sprintf(buf + n, "{\"family\":[");
    for (int i = 0; i <= STUINFO_STUDENT_MAX_FAMILY; i++)
        n += (size_t)sprintf(buf + n, "%s{}", i > 0 ? "," : "");
    n += (size_t)sprintf(buf + n, "]}");
    doc = buf;
    doc_len = n;
    sweep_run(&op);
    test_free(buf);
}

/* A document larger than STUINFO_STUDENT_MAX_JSON: refused before it is read. */
static void
test_student_json_too_large(void **state)
{
    static const sweep_op op = {"student_from_json (too large)", setup_json,
                                op_student_from_json, check_nothing_made,
                                teardown_student_json, true, NULL};
    size_t n = (size_t)STUINFO_STUDENT_MAX_JSON + 1;
    char *buf = malloc(n);

    (void)state;
    assert_non_null(buf);
    memset(buf, ' ', n);
    doc = buf;
    doc_len = n;
    sweep_run(&op);
    free(buf);
}

/* ---- school records ------------------------------------------------------------------ */

static void
teardown_school_json(stuinfo_ctx *ctx, void *fixture)
{
    struct json_fx *fx = fixture;

    (void)ctx;
    stuinfo_school_free(fx->out);
    stuinfo_report_free(fx->rep);
    test_free(fx);
}

static void
check_no_school(stuinfo_ctx *ctx, void *fixture)
{
    struct json_fx *fx = fixture;

    (void)ctx;
    assert_null(fx->out);
}

static stuinfo_status
op_school_from_json(stuinfo_ctx *ctx, void *fixture)
{
    struct json_fx *fx = fixture;
    stuinfo_school *s = NULL;
    stuinfo_status st;

    sweep_fail_jansson(false);
    st = stuinfo_school_from_json(ctx, fx->json, fx->len, fx->rep, &s);
    fx->out = s;
    return st;
}

static const char school_doc[] =
    "{\"name\":\"\xE5\xAE\x9E\xE9\xAA\x8C\xE5\xB0\x8F\xE5\xAD\xA6\",\"bogus\":1,"
    "\"phone\":[1],\"postcode\":100080,\"school_id\":\"21110\","
    "\"campuses\":[{\"name\":\"\xE4\xB8\x9C\",\"zz\":1,\"main\":true},3,"
    "{\"campus_no\":\"01\"},{\"campus_no\":\"01\"}]}";

static void
test_school_json(void **state)
{
    static const sweep_op op = {"school_from_json (flawed)", setup_json, op_school_from_json,
                                check_no_school, teardown_school_json, true, NULL};

    (void)state;
    doc = school_doc;
    doc_len = sizeof(school_doc) - 1;
    sweep_run(&op);
}

/* A school, class and authority with many problems, for validation and export. */
struct records_fx {
    stuinfo_report *rep;
    stuinfo_school *s;
    stuinfo_class *c;
    stuinfo_authority *a;
    char *json[3];              /* each record's JSON before the operation (test memory) */
};

static void
set_ok(stuinfo_status s)
{
    assert_int_equal(s, STUINFO_OK);
}

static char *
copy_json(const char *j, size_t n)
{
    char *c = test_malloc(n + 1);

    memcpy(c, j, n + 1);
    return c;
}

static void *
setup_records(stuinfo_ctx *ctx)
{
    struct records_fx *fx = test_calloc(1, sizeof(*fx));
    const char *j;
    size_t n, i;

    set_ok(stuinfo_report_new(ctx, &fx->rep));
    set_ok(stuinfo_school_new(ctx, &fx->s));
    set_ok(stuinfo_school_set(fx->s, STUINFO_SCHOOL_SCHOOL_ID, "12", 2, NULL));
    set_ok(stuinfo_school_set(fx->s, STUINFO_SCHOOL_REGION_CODE, "999999", 6, NULL));
    set_ok(stuinfo_school_set(fx->s, STUINFO_SCHOOL_POSTCODE, "12", 2, NULL));
    set_ok(stuinfo_school_set(fx->s, STUINFO_SCHOOL_PHONE, "phone", 5, NULL));
    set_ok(stuinfo_school_set(fx->s, STUINFO_SCHOOL_EMAIL, "mail", 4, NULL));
    for (int k = 0; k < 3; k++) {
        set_ok(stuinfo_school_campus_add(fx->s, &i));
        set_ok(stuinfo_school_campus_set(fx->s, i, STUINFO_CAMPUS_CAMPUS_NO, "01", 2, NULL));
        set_ok(stuinfo_school_campus_set(fx->s, i, STUINFO_CAMPUS_MAIN, "7", 1, NULL));
        set_ok(stuinfo_school_campus_set(fx->s, i, STUINFO_CAMPUS_REGION_CODE, "12", 2,
                                         NULL));
    }
    set_ok(stuinfo_class_new(ctx, &fx->c));
    set_ok(stuinfo_class_set(fx->c, STUINFO_CLASS_GRADE, "\xE4\xB8\x89", 3, NULL));
    set_ok(stuinfo_class_set(fx->c, STUINFO_CLASS_YEARS, ".5", 2, NULL));
    set_ok(stuinfo_class_set(fx->c, STUINFO_CLASS_BILINGUAL, "3", 1, NULL));
    set_ok(stuinfo_class_set(fx->c, STUINFO_CLASS_CLASS_TYPE_CODE, "99", 2, NULL));
    set_ok(stuinfo_authority_new(ctx, &fx->a));
    set_ok(stuinfo_authority_set(fx->a, STUINFO_AUTHORITY_REGION_CODE, "1101", 4, NULL));
    set_ok(stuinfo_authority_set(fx->a, STUINFO_AUTHORITY_PHONE, "x", 1, NULL));
    set_ok(stuinfo_school_to_json(fx->s, &j, &n));
    fx->json[0] = copy_json(j, n);
    set_ok(stuinfo_class_to_json(fx->c, &j, &n));
    fx->json[1] = copy_json(j, n);
    set_ok(stuinfo_authority_to_json(fx->a, &j, &n));
    fx->json[2] = copy_json(j, n);
    return fx;
}

static void
teardown_records(stuinfo_ctx *ctx, void *fixture)
{
    struct records_fx *fx = fixture;

    (void)ctx;
    stuinfo_school_free(fx->s);
    stuinfo_class_free(fx->c);
    stuinfo_authority_free(fx->a);
    stuinfo_report_free(fx->rep);
    for (int k = 0; k < 3; k++)
        test_free(fx->json[k]);
    test_free(fx);
}

/* After a failure the records still write the same JSON as before. */
static void
check_records_usable(stuinfo_ctx *ctx, void *fixture)
{
    struct records_fx *fx = fixture;
    const char *j;
    size_t n;

    (void)ctx;
    set_ok(stuinfo_school_to_json(fx->s, &j, &n));
    assert_string_equal(j, fx->json[0]);
    set_ok(stuinfo_class_to_json(fx->c, &j, &n));
    assert_string_equal(j, fx->json[1]);
    set_ok(stuinfo_authority_to_json(fx->a, &j, &n));
    assert_string_equal(j, fx->json[2]);
}

static stuinfo_status
op_validate_records(stuinfo_ctx *ctx, void *fixture)
{
    struct records_fx *fx = fixture;
    stuinfo_status s;

    (void)ctx;
    s = stuinfo_school_validate(fx->s, fx->rep);
    if (s == STUINFO_OK)
        s = stuinfo_class_validate(fx->c, fx->rep);
    if (s == STUINFO_OK)
        s = stuinfo_authority_validate(fx->a, fx->rep);
    return s;
}

/* Export to JSON: the records were changed after their last export, so each builds anew
 * (with jansson's allocations failed too). */
static stuinfo_status
op_records_to_json(stuinfo_ctx *ctx, void *fixture)
{
    struct records_fx *fx = fixture;
    const char *j;
    size_t n;
    stuinfo_status s;

    (void)ctx;
    s = stuinfo_school_to_json(fx->s, &j, &n);
    if (s == STUINFO_OK)
        s = stuinfo_class_to_json(fx->c, &j, &n);
    if (s == STUINFO_OK)
        s = stuinfo_authority_to_json(fx->a, &j, &n);
    return s;
}

/* Setup for the export sweep: the cached JSON is dropped by changing a field back. */
static void *
setup_records_changed(stuinfo_ctx *ctx)
{
    struct records_fx *fx = setup_records(ctx);

    set_ok(stuinfo_school_set(fx->s, STUINFO_SCHOOL_POSTCODE, "12", 2, NULL));
    set_ok(stuinfo_class_set(fx->c, STUINFO_CLASS_YEARS, ".5", 2, NULL));
    set_ok(stuinfo_authority_set(fx->a, STUINFO_AUTHORITY_PHONE, "x", 1, NULL));
    return fx;
}

static void
test_school_records(void **state)
{
    static const sweep_op ops[] = {
        {"school/class/authority validate (many findings)", setup_records,
         op_validate_records, check_records_usable, teardown_records, true, NULL},
        {"school/class/authority to_json", setup_records_changed, op_records_to_json,
         check_records_usable, teardown_records, false, NULL},
    };

    (void)state;
    for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
        sweep_run(&ops[i]);
}

/* ---- enrolment histories ------------------------------------------------------------- */

struct enrol_fx {
    stuinfo_enrolment *en;
    stuinfo_enrolment *out;
    stuinfo_report *rep;
    char *json;
    size_t len;
};

static void
put(stuinfo_enrolment *en, int32_t field, const char *text)
{
    set_ok(stuinfo_enrolment_set(en, field, text, strlen(text), NULL));
}

static void
event(stuinfo_enrolment *en, int32_t ev, const char *date)
{
    set_ok(stuinfo_enrolment_begin(en, ev));
    put(en, STUINFO_ENROLMENT_FIELD_DATE, date);
    put(en, STUINFO_ENROLMENT_FIELD_ACTOR, "T0042");
    put(en, STUINFO_ENROLMENT_FIELD_ROLE, "registrar");
    put(en, STUINFO_ENROLMENT_FIELD_REASON, "\xE7\x97\x85\xE4\xBC\x91");
    put(en, STUINFO_ENROLMENT_FIELD_PERIOD_FROM, date);
    put(en, STUINFO_ENROLMENT_FIELD_PERIOD_TO, "2030-01-01");
    put(en, STUINFO_ENROLMENT_FIELD_SCHOOL_ID, "2111005678");
    put(en, STUINFO_ENROLMENT_FIELD_CLASS_NO, "201901");
    set_ok(stuinfo_enrolment_commit(en));
}

static void *
setup_enrol(stuinfo_ctx *ctx)
{
    struct enrol_fx *fx = test_calloc(1, sizeof(*fx));
    const char *j;

    set_ok(stuinfo_enrolment_new(ctx, &fx->en));
    set_ok(stuinfo_report_new(ctx, &fx->rep));
    event(fx->en, STUINFO_ENROLMENT_EVENT_ENROL, "2020-09-01");
    event(fx->en, STUINFO_ENROLMENT_EVENT_SUSPEND, "2021-03-01");
    event(fx->en, STUINFO_ENROLMENT_EVENT_RESUME, "2021-09-01");
    set_ok(stuinfo_enrolment_to_json(fx->en, &j, &fx->len));
    fx->json = copy_json(j, fx->len);
    /* a new event drops the cached JSON, so the sweep's export builds it again */
    event(fx->en, STUINFO_ENROLMENT_EVENT_PROMOTE, "2022-09-01");
    return fx;
}

static void
teardown_enrol(stuinfo_ctx *ctx, void *fixture)
{
    struct enrol_fx *fx = fixture;

    (void)ctx;
    stuinfo_enrolment_free(fx->en);
    stuinfo_enrolment_free(fx->out);
    stuinfo_report_free(fx->rep);
    test_free(fx->json);
    test_free(fx);
}

/* After a failure the history still verifies and takes events. */
static void
check_enrol_usable(stuinfo_ctx *ctx, void *fixture)
{
    struct enrol_fx *fx = fixture;

    (void)ctx;
    assert_null(fx->out);
    assert_int_equal(stuinfo_enrolment_count(fx->en), 4);
    set_ok(stuinfo_enrolment_verify(fx->en, NULL, 0, NULL));
    event(fx->en, STUINFO_ENROLMENT_EVENT_SUSPEND, "2025-03-01");
    assert_int_equal(stuinfo_enrolment_status_of(fx->en), STUINFO_ENROLMENT_SUSPENDED);
}

static stuinfo_status
op_enrol_to_json(stuinfo_ctx *ctx, void *fixture)
{
    struct enrol_fx *fx = fixture;
    const char *j;
    size_t n;

    (void)ctx;
    return stuinfo_enrolment_to_json(fx->en, &j, &n);
}

static stuinfo_status
op_enrol_from_json(stuinfo_ctx *ctx, void *fixture)
{
    struct enrol_fx *fx = fixture;

    sweep_fail_jansson(false);
    return stuinfo_enrolment_from_json(ctx, fx->json, fx->len, fx->rep, &fx->out);
}

static void
test_enrolment(void **state)
{
    static const sweep_op ops[] = {
        {"enrolment_to_json", setup_enrol, op_enrol_to_json, check_enrol_usable,
         teardown_enrol, false, NULL},
        {"enrolment_from_json", setup_enrol, op_enrol_from_json, check_enrol_usable,
         teardown_enrol, true, NULL},
    };

    (void)state;
    for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
        sweep_run(&ops[i]);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_student_json),
        cmocka_unit_test(test_student_json_too_many),
        cmocka_unit_test(test_student_json_too_large),
        cmocka_unit_test(test_school_json),
        cmocka_unit_test(test_school_records),
        cmocka_unit_test(test_enrolment),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
