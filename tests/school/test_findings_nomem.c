/*
 * Allocation failure while the school layer reports a finding (HARDENING.md, gap 7):
 * every failure point of a setter's note, a validation, a JSON import and a link check
 * ends in STUINFO_ERR_NOMEM - never STUINFO_OK with a finding silently missing - and a
 * failed set changes nothing. Without a failure the call has its usual status and the
 * finding is there.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "helpers.h"

/* The records one case works on, made before any failure is injected. */
struct fixture {
    stuinfo_authority *a;
    stuinfo_school *s;
    stuinfo_class *c;
};

struct nomem_case {
    const char *name;
    void (*make)(stuinfo_ctx *ctx, struct fixture *fx);
    stuinfo_status (*run)(stuinfo_ctx *ctx, struct fixture *fx, stuinfo_report *rep);
    /* After an injected failure: the state the call must have left unchanged. */
    void (*unchanged)(const struct fixture *fx);
    stuinfo_status want;            /* status without a failure */
    const char *rule, *field;       /* the finding made without a failure */
};

static void
free_fixture(struct fixture *fx)
{
    stuinfo_class_free(fx->c);
    stuinfo_school_free(fx->s);
    stuinfo_authority_free(fx->a);
}

/*
 * Allocation `at` fails, for at = 1, 2, ... until a run sees no failure (in both modes:
 * that allocation only, and every one from there on).
 */
static void
sweep(const struct nomem_case *k)
{
    for (int after = 0; after < 2; after++) {
        uint64_t at;

        for (at = 1; at < 1000; at++) {
            test_faults faults = {0};
            stuinfo_ctx *ctx = test_ctx_new_faulty(&faults);
            stuinfo_report *rep = NULL;
            struct fixture fx = {0};
            stuinfo_status st;

            assert_int_equal(stuinfo_report_new(ctx, &rep), STUINFO_OK);
            if (k->make != NULL)
                k->make(ctx, &fx);
            faults.count = 0;
            faults.fail_at = at;
            faults.fail_after = after;
            st = k->run(ctx, &fx, rep);
            faults.fail_at = 0;
            if (faults.injected) {
                if (st != STUINFO_ERR_NOMEM)
                    fail_msg("%s: allocation %llu failed%s, status %d instead of NOMEM",
                             k->name, (unsigned long long)at, after ? " (and on)" : "",
                             (int)st);
                assert_int_equal(stuinfo_ctx_last_status(ctx), STUINFO_ERR_NOMEM);
                if (k->unchanged != NULL)
                    k->unchanged(&fx);
            } else {
                assert_int_equal(st, k->want);
                if (!has_finding(rep, k->rule, k->field))
                    fail_msg("%s: no %s at %s", k->name, k->rule, k->field);
            }
            free_fixture(&fx);
            stuinfo_report_free(rep);
            stuinfo_ctx_free(ctx);
            if (!faults.injected)
                break;
        }
        /* the sweep reached the finding: it allocates at least three times */
        assert_true(at > 3);
    }
}

/* ---- the records ---- */

static void
make_school(stuinfo_ctx *ctx, struct fixture *fx)
{
    assert_int_equal(stuinfo_school_new(ctx, &fx->s), STUINFO_OK);
}

static void
make_class(stuinfo_ctx *ctx, struct fixture *fx)
{
    assert_int_equal(stuinfo_class_new(ctx, &fx->c), STUINFO_OK);
}

static void
make_authority(stuinfo_ctx *ctx, struct fixture *fx)
{
    assert_int_equal(stuinfo_authority_new(ctx, &fx->a), STUINFO_OK);
}

/* Two campuses numbered alike. */
static void
make_campuses(stuinfo_ctx *ctx, struct fixture *fx)
{
    make_school(ctx, fx);
    for (size_t i = 0; i < 2; i++) {
        assert_int_equal(stuinfo_school_campus_add(fx->s, NULL), STUINFO_OK);
        assert_int_equal(stuinfo_school_campus_set(fx->s, i, STUINFO_CAMPUS_CAMPUS_NO, "01", 2,
                                                   NULL), STUINFO_OK);
    }
}

/* A primary-school grade with a junior-middle class type. */
static void
make_class_mismatch(stuinfo_ctx *ctx, struct fixture *fx)
{
    make_class(ctx, fx);
    SET(stuinfo_class_set, fx->c, STUINFO_CLASS_GRADE, "小学2019级");
    SET(stuinfo_class_set, fx->c, STUINFO_CLASS_CLASS_TYPE_CODE, "21");
}

/* An authority in Beijing (1101) and a school in Tianjin (120101). */
static void
make_regions_apart(stuinfo_ctx *ctx, struct fixture *fx)
{
    make_authority(ctx, fx);
    make_school(ctx, fx);
    SET(stuinfo_authority_set, fx->a, STUINFO_AUTHORITY_REGION_CODE, "110100");
    SET(stuinfo_school_set, fx->s, STUINFO_SCHOOL_REGION_CODE, "120101");
}

/* ---- what each case does ---- */

static stuinfo_status
set_code_by_name(stuinfo_ctx *ctx, struct fixture *fx, stuinfo_report *rep)
{
    (void)ctx;
    return stuinfo_school_set(fx->s, STUINFO_SCHOOL_URBAN_RURAL_CODE, "村庄", strlen("村庄"),
                              rep);
}

static void
urban_rural_unset(const struct fixture *fx)
{
    const char *v = "x";

    assert_int_equal(stuinfo_school_get(fx->s, STUINFO_SCHOOL_URBAN_RURAL_CODE, &v, NULL),
                     STUINFO_OK);
    assert_null(v);
}

static stuinfo_status
set_grade_rewritten(stuinfo_ctx *ctx, struct fixture *fx, stuinfo_report *rep)
{
    (void)ctx;
    return stuinfo_class_set(fx->c, STUINFO_CLASS_GRADE, "2019级小学", strlen("2019级小学"),
                             rep);
}

static void
grade_unset(const struct fixture *fx)
{
    const char *v = "x";

    assert_int_equal(stuinfo_class_get(fx->c, STUINFO_CLASS_GRADE, &v, NULL), STUINFO_OK);
    assert_null(v);
}

static stuinfo_status
set_code_too_long(stuinfo_ctx *ctx, struct fixture *fx, stuinfo_report *rep)
{
    (void)ctx;
    return stuinfo_school_set(fx->s, STUINFO_SCHOOL_URBAN_RURAL_CODE, "12345", 5, rep);
}

static stuinfo_status
validate_authority(stuinfo_ctx *ctx, struct fixture *fx, stuinfo_report *rep)
{
    (void)ctx;
    return stuinfo_authority_validate(fx->a, rep);
}

static stuinfo_status
validate_school(stuinfo_ctx *ctx, struct fixture *fx, stuinfo_report *rep)
{
    (void)ctx;
    return stuinfo_school_validate(fx->s, rep);
}

static stuinfo_status
validate_class(stuinfo_ctx *ctx, struct fixture *fx, stuinfo_report *rep)
{
    (void)ctx;
    return stuinfo_class_validate(fx->c, rep);
}

static stuinfo_status
import_unknown_key(stuinfo_ctx *ctx, struct fixture *fx, stuinfo_report *rep)
{
    static const char json[] = "{\"name\": \"一中\", \"colour\": \"red\"}";

    return stuinfo_school_from_json(ctx, json, sizeof(json) - 1, rep, &fx->s);
}

static stuinfo_status
import_not_object(stuinfo_ctx *ctx, struct fixture *fx, stuinfo_report *rep)
{
    return stuinfo_class_from_json(ctx, "[1]", 3, rep, &fx->c);
}

static stuinfo_status
import_bad_type(stuinfo_ctx *ctx, struct fixture *fx, stuinfo_report *rep)
{
    static const char json[] = "{\"name\": [\"一中\"]}";

    return stuinfo_authority_from_json(ctx, json, sizeof(json) - 1, rep, &fx->a);
}

static stuinfo_status
import_enrolment_without_entries(stuinfo_ctx *ctx, struct fixture *fx, stuinfo_report *rep)
{
    stuinfo_enrolment *en = NULL;
    stuinfo_status st = stuinfo_enrolment_from_json(ctx, "{}", 2, rep, &en);

    (void)fx;
    assert_null(en);            /* refused, with or without a failure */
    return st;
}

static stuinfo_status
check_links(stuinfo_ctx *ctx, struct fixture *fx, stuinfo_report *rep)
{
    (void)ctx;
    return stuinfo_school_check_links(fx->a, fx->s, NULL, NULL, NULL, rep);
}

static struct nomem_case cases[] = {
    {"set: code from its name", make_school, set_code_by_name, urban_rural_unset, STUINFO_OK,
     "school.code_from_name", "urban_rural_code"},
    {"set: grade rewritten", make_class, set_grade_rewritten, grade_unset, STUINFO_OK,
     "school.grade_rewritten", "grade"},
    {"set: code too long", make_school, set_code_too_long, urban_rural_unset,
     STUINFO_ERR_TOO_LONG, "school.too_long", "urban_rural_code"},
    {"validate: authority required fields", make_authority, validate_authority, NULL,
     STUINFO_OK, "school.required", "code"},
    {"validate: duplicate campus", make_campuses, validate_school, NULL, STUINFO_OK,
     "school.campus_duplicate", "campuses[1].campus_no"},
    {"validate: class type and stage", make_class_mismatch, validate_class, NULL, STUINFO_OK,
     "school.class_type_stage", "class_type_code"},
    {"from_json: unknown key", NULL, import_unknown_key, NULL, STUINFO_ERR_NOT_FOUND,
     "school.json_unknown_field", ""},
    {"from_json: not an object", NULL, import_not_object, NULL, STUINFO_ERR_PARSE,
     "school.json_not_object", ""},
    {"from_json: value of a wrong type", NULL, import_bad_type, NULL, STUINFO_ERR_PARSE,
     "school.json_bad_type", "name"},
    {"enrolment from_json: no entries", NULL, import_enrolment_without_entries, NULL,
     STUINFO_ERR_PARSE, "school.json_not_array", "entries"},
    {"check_links: regions apart", make_regions_apart, check_links, NULL, STUINFO_OK,
     "school.link_region", "region_code"},
};

static void
test_case(void **state)
{
    sweep(*state);
}

int
main(void)
{
    struct CMUnitTest tests[sizeof(cases) / sizeof(cases[0])];

    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        memset(&tests[i], 0, sizeof(tests[i]));
        tests[i].name = cases[i].name;
        tests[i].test_func = test_case;
        tests[i].initial_state = &cases[i];
    }
    return cmocka_run_group_tests_name("school-findings-nomem", tests, NULL, NULL);
}
