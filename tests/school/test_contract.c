/* The school layer's documented argument contract and field rules not reached by the
 * other school tests (issue 9): JSON values of every type, phone, e-mail and flag fields,
 * reports from another ctx, NULL outputs, enrolment calls on NULL handles. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "helpers.h"

#define S(x) x, sizeof(x) - 1

/* JSON numbers and booleans become their text; null leaves the field unset; arrays and
 * objects are refused with a finding at the field. */
static void
test_json_value_types(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_report *rep = NULL;
    stuinfo_class *c = NULL;
    const char *t = "x";
    size_t n = 0;

    (void)state;
    assert_int_equal(stuinfo_report_new(ctx, &rep), STUINFO_OK);
    assert_int_equal(stuinfo_class_from_json(ctx, S("{\"class_no\": 201901, \"bilingual\": true,"
                                                    " \"years\": 6.5, \"class_name\": null}"),
                                             rep, &c),
                     STUINFO_OK);
    assert_int_equal(stuinfo_report_count(rep), 0);
    assert_int_equal(stuinfo_class_get(c, STUINFO_CLASS_CLASS_NO, &t, &n), STUINFO_OK);
    assert_string_equal(t, "201901");
    assert_int_equal(n, 6);
    assert_int_equal(stuinfo_class_get(c, STUINFO_CLASS_BILINGUAL, &t, NULL), STUINFO_OK);
    assert_string_equal(t, "1");
    assert_int_equal(stuinfo_class_get(c, STUINFO_CLASS_YEARS, &t, NULL), STUINFO_OK);
    assert_string_equal(t, "6.5");
    assert_int_equal(stuinfo_class_get(c, STUINFO_CLASS_CLASS_NAME, &t, &n), STUINFO_OK);
    assert_null(t);
    assert_int_equal(n, 0);
    stuinfo_class_free(c);

    assert_int_equal(stuinfo_class_from_json(ctx, S("{\"bilingual\": false}"), rep, &c),
                     STUINFO_OK);
    assert_int_equal(stuinfo_class_get(c, STUINFO_CLASS_BILINGUAL, &t, NULL), STUINFO_OK);
    assert_string_equal(t, "0");
    stuinfo_class_free(c);

    c = (stuinfo_class *)1;
    assert_int_equal(stuinfo_class_from_json(ctx, S("{\"class_no\": [1], \"grade\": {}}"), rep,
                                             &c),
                     STUINFO_ERR_PARSE);
    assert_null(c);
    assert_true(has_finding(rep, "school.json_bad_type", "class_no"));
    assert_true(has_finding(rep, "school.json_bad_type", "grade"));
    stuinfo_report_free(rep);
    stuinfo_ctx_free(ctx);
}

/* A report made by another ctx, a NULL output or NULL text with a length: refused. */
static void
test_foreign_report_and_null_outputs(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new(), *other = test_ctx_new();
    stuinfo_report *rep = NULL, *foreign = NULL;
    stuinfo_class *c = NULL;
    stuinfo_school *s = NULL;
    stuinfo_authority *a = NULL;
    const char *t = "x";
    size_t n = 7;

    (void)state;
    assert_int_equal(stuinfo_report_new(ctx, &rep), STUINFO_OK);
    assert_int_equal(stuinfo_report_new(other, &foreign), STUINFO_OK);
    assert_int_equal(stuinfo_class_from_json(ctx, S("{}"), foreign, &c),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_null(c);
    assert_int_equal(stuinfo_class_from_json(ctx, S("{}"), rep, NULL),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_school_from_json(ctx, NULL, 3, rep, &s),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_null(s);
    assert_int_equal(stuinfo_authority_from_json(NULL, S("{}"), NULL, &a),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_null(a);

    assert_int_equal(stuinfo_class_new(ctx, &c), STUINFO_OK);
    assert_int_equal(stuinfo_class_validate(c, foreign), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_class_validate(c, NULL), STUINFO_ERR_INVALID_ARGUMENT);
    /* NULL text pointer: refused, and the length output is cleared */
    assert_int_equal(stuinfo_class_get(c, STUINFO_CLASS_GRADE, NULL, &n),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(n, 0);
    n = 7;
    assert_int_equal(stuinfo_class_get(c, 0, &t, NULL), STUINFO_ERR_INVALID_ARGUMENT);
    assert_null(t);
    assert_int_equal(stuinfo_class_get(c, 99, NULL, NULL), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_class_set(c, STUINFO_CLASS_GRADE, NULL, 3, NULL),
                     STUINFO_ERR_INVALID_ARGUMENT);
    /* to_json without somewhere to put the text */
    assert_int_equal(stuinfo_class_to_json(c, NULL, &n), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(n, 0);
    stuinfo_class_free(c);

    stuinfo_report_free(foreign);
    stuinfo_report_free(rep);
    stuinfo_ctx_free(other);
    stuinfo_ctx_free(ctx);
}

/* stuinfo_class_grade: NULL handle clears both outputs; NULL outputs are allowed. */
static void
test_class_grade_outputs(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_class *c = NULL;
    int32_t stage = 9, year = 9;

    (void)state;
    assert_int_equal(stuinfo_class_grade(NULL, &stage, &year), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stage, 0);
    assert_int_equal(year, 0);
    assert_int_equal(stuinfo_class_new(ctx, &c), STUINFO_OK);
    assert_int_equal(stuinfo_class_grade(c, NULL, NULL), STUINFO_ERR_NOT_FOUND);
    SET(stuinfo_class_set, c, STUINFO_CLASS_GRADE, "初中2020级");
    assert_int_equal(stuinfo_class_grade(c, NULL, NULL), STUINFO_OK);
    assert_int_equal(stuinfo_class_grade(c, &stage, NULL), STUINFO_OK);
    assert_true(stage > 0);
    assert_int_equal(stuinfo_class_grade(c, NULL, &year), STUINFO_OK);
    assert_int_equal(year, 2020);
    stuinfo_class_free(c);
    stuinfo_ctx_free(ctx);
}

/* Phone, e-mail, flag and decimal fields are checked by validate. */
static void
test_field_kinds(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_report *rep = NULL;
    stuinfo_school *s = NULL;
    stuinfo_class *c = NULL;
    size_t i = 0;

    (void)state;
    assert_int_equal(stuinfo_report_new(ctx, &rep), STUINFO_OK);
    assert_int_equal(stuinfo_school_new(ctx, &s), STUINFO_OK);
    SET(stuinfo_school_set, s, STUINFO_SCHOOL_PHONE, "not a phone");
    SET(stuinfo_school_set, s, STUINFO_SCHOOL_EMAIL, "nobody-at-example");
    assert_int_equal(stuinfo_school_campus_add(s, &i), STUINFO_OK);
    assert_int_equal(stuinfo_school_campus_set(s, i, STUINFO_CAMPUS_MAIN, S("2"), NULL),
                     STUINFO_OK);
    assert_int_equal(stuinfo_school_campus_set(s, i, STUINFO_CAMPUS_PHONE, S("010-62751234"),
                                               NULL),
                     STUINFO_OK);
    assert_int_equal(stuinfo_school_validate(s, rep), STUINFO_OK);   /* findings only */
    assert_true(has_finding(rep, "school.phone", "phone"));
    assert_true(has_finding(rep, "school.email", "email"));
    assert_true(has_finding(rep, "school.flag", NULL));
    assert_false(has_finding(rep, "school.phone", "campuses[0].phone"));

    /* valid values: none of those findings */
    assert_int_equal(stuinfo_report_clear(rep), STUINFO_OK);
    SET(stuinfo_school_set, s, STUINFO_SCHOOL_PHONE, "13800138000");
    SET(stuinfo_school_set, s, STUINFO_SCHOOL_EMAIL, "office@school.example.cn");
    assert_int_equal(stuinfo_school_campus_set(s, i, STUINFO_CAMPUS_MAIN, S("1"), NULL),
                     STUINFO_OK);
    (void)stuinfo_school_validate(s, rep);
    assert_false(has_finding(rep, "school.phone", NULL));
    assert_false(has_finding(rep, "school.email", NULL));
    assert_false(has_finding(rep, "school.flag", NULL));
    stuinfo_school_free(s);

    /* class: years is a decimal, bilingual a flag */
    assert_int_equal(stuinfo_report_clear(rep), STUINFO_OK);
    assert_int_equal(stuinfo_class_new(ctx, &c), STUINFO_OK);
    SET(stuinfo_class_set, c, STUINFO_CLASS_YEARS, "6.");
    SET(stuinfo_class_set, c, STUINFO_CLASS_BILINGUAL, "2");
    (void)stuinfo_class_validate(c, rep);
    assert_true(has_finding(rep, "school.decimal", "years"));
    assert_true(has_finding(rep, "school.flag", "bilingual"));
    stuinfo_class_free(c);
    stuinfo_report_free(rep);
    stuinfo_ctx_free(ctx);
}

/* A school with no campus writes no "campuses" member; with one it does. */
static void
test_school_json_campuses(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_school *s = NULL;
    const char *json = NULL;
    size_t len = 0, i = 0;

    (void)state;
    assert_int_equal(stuinfo_school_new(ctx, &s), STUINFO_OK);
    SET(stuinfo_school_set, s, STUINFO_SCHOOL_NAME, "实验小学");
    assert_int_equal(stuinfo_school_to_json(s, &json, &len), STUINFO_OK);
    assert_non_null(json);
    assert_int_equal(strlen(json), len);
    assert_null(strstr(json, "campuses"));
    assert_int_equal(stuinfo_school_campus_add(s, &i), STUINFO_OK);
    assert_int_equal(stuinfo_school_campus_set(s, i, STUINFO_CAMPUS_NAME, S("东校区"), NULL),
                     STUINFO_OK);
    assert_int_equal(stuinfo_school_to_json(s, &json, NULL), STUINFO_OK);
    assert_non_null(strstr(json, "\"campuses\""));
    assert_non_null(strstr(json, "东校区"));
    stuinfo_school_free(s);
    stuinfo_ctx_free(ctx);
}

/* Every enrolment call on a NULL handle: INVALID_ARGUMENT, outputs cleared. */
static void
test_enrolment_null_handles(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_enrolment *en = (stuinfo_enrolment *)1;
    const char *t = "x";
    size_t n = 3;
    static const uint8_t key[32] = {1, 2, 3};

    (void)state;
    assert_int_equal(stuinfo_enrolment_begin(NULL, STUINFO_ENROLMENT_EVENT_ENROL),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_enrolment_set(NULL, STUINFO_ENROLMENT_FIELD_DATE, S("2020-09-01"),
                                           NULL),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_enrolment_commit(NULL), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_enrolment_can(NULL, STUINFO_ENROLMENT_EVENT_ENROL),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_enrolment_latest(NULL, STUINFO_ENROLMENT_FIELD_DATE, &t, &n),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_null(stuinfo_enrolment_head(NULL));
    assert_int_equal(stuinfo_enrolment_verify(NULL, NULL, 0, NULL),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_enrolment_to_json(NULL, &t, &n), STUINFO_ERR_INVALID_ARGUMENT);
    assert_null(stuinfo_enrolment_status_key(-1));
    assert_null(stuinfo_enrolment_status_key(1000));
    assert_non_null(stuinfo_enrolment_status_key(STUINFO_ENROLMENT_IN_SCHOOL));

    /* a keyed history needs a key; an unkeyed one takes no key bytes */
    assert_int_equal(stuinfo_enrolment_new_keyed(ctx, NULL, 0, &en),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_null(en);
    assert_int_equal(stuinfo_enrolment_new_keyed(ctx, key, 0, NULL),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_enrolment_new(ctx, NULL), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_enrolment_new(NULL, &en), STUINFO_ERR_INVALID_ARGUMENT);
    assert_null(en);

    /* verify: a head length without a head */
    assert_int_equal(stuinfo_enrolment_new(ctx, &en), STUINFO_OK);
    assert_int_equal(stuinfo_enrolment_verify(en, NULL, 5, NULL), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_enrolment_to_json(en, NULL, &n), STUINFO_ERR_INVALID_ARGUMENT);
    stuinfo_enrolment_free(en);
    stuinfo_ctx_free(ctx);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_json_value_types),
        cmocka_unit_test(test_foreign_report_and_null_outputs),
        cmocka_unit_test(test_class_grade_outputs),
        cmocka_unit_test(test_field_kinds),
        cmocka_unit_test(test_school_json_campuses),
        cmocka_unit_test(test_enrolment_null_handles),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
