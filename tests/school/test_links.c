/* Links student -> class -> school -> authority (and the enrolment history): each
 * consistency finding, and none for consistent records. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "helpers.h"

#define ID "110108201303150012"

struct world {
    stuinfo_ctx *ctx;
    stuinfo_authority *a;
    stuinfo_school *s;
    stuinfo_class *c;
    stuinfo_student *st;
    stuinfo_enrolment *en;
    stuinfo_report *rep;
};

static void
put_en(stuinfo_enrolment *en, int32_t f, const char *v)
{
    assert_int_equal(stuinfo_enrolment_set(en, f, v, strlen(v), NULL), STUINFO_OK);
}

static struct world *
setup(void)
{
    struct world *w = calloc(1, sizeof(*w));
    size_t i;

    w->ctx = test_ctx_new();
    assert_int_equal(stuinfo_report_new(w->ctx, &w->rep), STUINFO_OK);
    assert_int_equal(stuinfo_authority_new(w->ctx, &w->a), STUINFO_OK);
    SET(stuinfo_authority_set, w->a, STUINFO_AUTHORITY_CODE, "110108000000");
    SET(stuinfo_authority_set, w->a, STUINFO_AUTHORITY_REGION_CODE, "110100");
    assert_int_equal(stuinfo_school_new(w->ctx, &w->s), STUINFO_OK);
    SET(stuinfo_school_set, w->s, STUINFO_SCHOOL_SCHOOL_ID, "2111001234");
    SET(stuinfo_school_set, w->s, STUINFO_SCHOOL_REGION_CODE, "110108");
    SET(stuinfo_school_set, w->s, STUINFO_SCHOOL_LOCAL_AUTHORITY_CODE, "110108000000");
    assert_int_equal(stuinfo_school_campus_add(w->s, &i), STUINFO_OK);
    assert_int_equal(stuinfo_school_campus_set(w->s, i, STUINFO_CAMPUS_CAMPUS_NO, "01", 2,
                                               NULL), STUINFO_OK);
    assert_int_equal(stuinfo_class_new(w->ctx, &w->c), STUINFO_OK);
    SET(stuinfo_class_set, w->c, STUINFO_CLASS_CLASS_NO, "201901");
    SET(stuinfo_class_set, w->c, STUINFO_CLASS_CLASS_NAME, "1班");
    SET(stuinfo_class_set, w->c, STUINFO_CLASS_GRADE, "小学2019级");
    SET(stuinfo_class_set, w->c, STUINFO_CLASS_SCHOOL_ID, "2111001234");
    SET(stuinfo_class_set, w->c, STUINFO_CLASS_CAMPUS_NO, "01");
    assert_int_equal(stuinfo_student_new(w->ctx, &w->st), STUINFO_OK);
    SET(stuinfo_student_set, w->st, STUINFO_FIELD_BIRTH_DATE, "2013-03-15");
    SET(stuinfo_student_set, w->st, STUINFO_FIELD_ID_DOC_TYPE, "1");
    SET(stuinfo_student_set, w->st, STUINFO_FIELD_ID_DOC_NO, ID);
    SET(stuinfo_student_set, w->st, STUINFO_FIELD_STUDENT_NO, "G" ID);
    SET(stuinfo_student_set, w->st, STUINFO_FIELD_ENROL_MONTH, "2019-09");
    SET(stuinfo_student_set, w->st, STUINFO_FIELD_GRADE, "小学2019级");
    SET(stuinfo_student_set, w->st, STUINFO_FIELD_CLASS, "1班");
    SET(stuinfo_student_set, w->st, STUINFO_FIELD_SCHOOL_ID, "2111001234");
    assert_int_equal(stuinfo_enrolment_new(w->ctx, &w->en), STUINFO_OK);
    assert_int_equal(stuinfo_enrolment_begin(w->en, STUINFO_ENROLMENT_EVENT_ENROL), STUINFO_OK);
    put_en(w->en, STUINFO_ENROLMENT_FIELD_DATE, "2019-09-01");
    put_en(w->en, STUINFO_ENROLMENT_FIELD_ACTOR, "T1");
    put_en(w->en, STUINFO_ENROLMENT_FIELD_ROLE, "registrar");
    put_en(w->en, STUINFO_ENROLMENT_FIELD_SCHOOL_ID, "2111001234");
    put_en(w->en, STUINFO_ENROLMENT_FIELD_CLASS_NO, "201901");
    assert_int_equal(stuinfo_enrolment_commit(w->en), STUINFO_OK);
    return w;
}

static void
teardown(struct world *w)
{
    stuinfo_enrolment_free(w->en);
    stuinfo_student_free(w->st);
    stuinfo_class_free(w->c);
    stuinfo_school_free(w->s);
    stuinfo_authority_free(w->a);
    stuinfo_report_free(w->rep);
    stuinfo_ctx_free(w->ctx);
    free(w);
}

static void
check(struct world *w)
{
    stuinfo_report_clear(w->rep);
    assert_int_equal(stuinfo_school_check_links(w->a, w->s, w->c, w->st, w->en, w->rep),
                     STUINFO_OK);
}

static void
test_consistent(void **state)
{
    struct world *w = setup();

    (void)state;

    check(w);
    for (size_t i = 0; i < stuinfo_report_count(w->rep); i++) {
        stuinfo_finding fd = {.size = sizeof(fd)};

        stuinfo_report_get(w->rep, i, &fd);
        print_message("unexpected %s at %s\n", fd.rule, fd.field);
    }
    assert_int_equal(stuinfo_report_count(w->rep), 0);
    /* Every record may be left out. */
    stuinfo_report_clear(w->rep);
    assert_int_equal(stuinfo_school_check_links(NULL, NULL, NULL, NULL, NULL, w->rep),
                     STUINFO_OK);
    assert_int_equal(stuinfo_school_check_links(w->a, NULL, NULL, NULL, NULL, NULL),
                     STUINFO_ERR_INVALID_ARGUMENT);
    teardown(w);
}

static void
test_school_authority(void **state)
{
    struct world *w = setup();

    (void)state;

    SET(stuinfo_school_set, w->s, STUINFO_SCHOOL_REGION_CODE, "120101");
    SET(stuinfo_school_set, w->s, STUINFO_SCHOOL_LOCAL_AUTHORITY_CODE, "120101000000");
    check(w);
    assert_true(has_finding(w->rep, "school.link_region", "region_code"));
    assert_true(has_finding(w->rep, "school.link_school_authority", "local_authority_code"));
    /* A province-level authority covers every county of the province. */
    SET(stuinfo_authority_set, w->a, STUINFO_AUTHORITY_REGION_CODE, "120000");
    check(w);
    assert_false(has_finding(w->rep, "school.link_region", NULL));
    teardown(w);
}

static void
test_class_school(void **state)
{
    struct world *w = setup();

    (void)state;

    SET(stuinfo_class_set, w->c, STUINFO_CLASS_SCHOOL_ID, "2111009999");
    SET(stuinfo_class_set, w->c, STUINFO_CLASS_CAMPUS_NO, "02");
    check(w);
    assert_true(has_finding(w->rep, "school.link_class_school", "class.school_id"));
    assert_true(has_finding(w->rep, "school.link_class_campus", "class.campus_no"));
    teardown(w);
}

static void
test_student_class(void **state)
{
    struct world *w = setup();

    (void)state;

    SET(stuinfo_student_set, w->st, STUINFO_FIELD_ENROL_MONTH, "2020-09");
    SET(stuinfo_student_set, w->st, STUINFO_FIELD_GRADE, "小学2020级");
    SET(stuinfo_student_set, w->st, STUINFO_FIELD_CLASS, "2班");
    SET(stuinfo_student_set, w->st, STUINFO_FIELD_SCHOOL_ID, "2111000000");
    check(w);
    assert_true(has_finding(w->rep, "school.link_enrol_year", "enrol_month"));
    assert_true(has_finding(w->rep, "school.link_student_grade", "grade"));
    assert_true(has_finding(w->rep, "school.link_student_class", "class"));
    assert_true(has_finding(w->rep, "school.link_student_school", "school_id"));
    /* Six on entry is usual for 小学, not for 高中. */
    assert_false(has_finding(w->rep, "school.link_stage_age", NULL));
    SET(stuinfo_class_set, w->c, STUINFO_CLASS_GRADE, "高中2019级");
    check(w);
    assert_true(has_finding(w->rep, "school.link_stage_age", "birth_date"));
    teardown(w);
}

static void
test_student_no(void **state)
{
    struct world *w = setup();

    (void)state;

    /* G must carry the student's own resident ID number. */
    SET(stuinfo_student_set, w->st, STUINFO_FIELD_STUDENT_NO, "G110108201303150020");
    check(w);
    assert_true(has_finding(w->rep, "school.link_student_no_g", "student_no"));
    /* J with a resident ID number: should be G. */
    SET(stuinfo_student_set, w->st, STUINFO_FIELD_STUDENT_NO, "J110108201303150017");
    check(w);
    assert_true(has_finding(w->rep, "school.link_student_no_j", "student_no"));
    assert_false(has_finding(w->rep, "school.link_student_no_region", NULL));
    assert_false(has_finding(w->rep, "school.link_student_no_birth", NULL));
    /* L: temporary; location and birth date must still fit. */
    SET(stuinfo_student_set, w->st, STUINFO_FIELD_STUDENT_NO, "L120101201303160001");
    check(w);
    assert_true(has_finding(w->rep, "school.link_student_no_l", "student_no"));
    assert_true(has_finding(w->rep, "school.link_student_no_region", "student_no"));
    assert_true(has_finding(w->rep, "school.link_student_no_birth", "student_no"));
    /* Without a resident ID number J is right and G is wrong. */
    SET(stuinfo_student_set, w->st, STUINFO_FIELD_ID_DOC_TYPE, "A");
    SET(stuinfo_student_set, w->st, STUINFO_FIELD_STUDENT_NO, "J110108201303150017");
    check(w);
    assert_false(has_finding(w->rep, "school.link_student_no_j", NULL));
    SET(stuinfo_student_set, w->st, STUINFO_FIELD_STUDENT_NO, "G" ID);
    check(w);
    assert_true(has_finding(w->rep, "school.link_student_no_g", "student_no"));
    teardown(w);
}

static void
test_enrolment_links(void **state)
{
    struct world *w = setup();

    (void)state;

    assert_int_equal(stuinfo_enrolment_begin(w->en, STUINFO_ENROLMENT_EVENT_CHANGE_CLASS),
                     STUINFO_OK);
    put_en(w->en, STUINFO_ENROLMENT_FIELD_DATE, "2020-09-01");
    put_en(w->en, STUINFO_ENROLMENT_FIELD_ACTOR, "T1");
    put_en(w->en, STUINFO_ENROLMENT_FIELD_ROLE, "registrar");
    put_en(w->en, STUINFO_ENROLMENT_FIELD_CLASS_NO, "201902");
    assert_int_equal(stuinfo_enrolment_commit(w->en), STUINFO_OK);
    check(w);
    assert_true(has_finding(w->rep, "school.link_enrolment_class", "class_no"));
    assert_int_equal(stuinfo_enrolment_begin(w->en, STUINFO_ENROLMENT_EVENT_WITHDRAW),
                     STUINFO_OK);
    put_en(w->en, STUINFO_ENROLMENT_FIELD_DATE, "2021-09-01");
    put_en(w->en, STUINFO_ENROLMENT_FIELD_ACTOR, "T1");
    put_en(w->en, STUINFO_ENROLMENT_FIELD_ROLE, "registrar");
    put_en(w->en, STUINFO_ENROLMENT_FIELD_REASON, "出国");
    assert_int_equal(stuinfo_enrolment_commit(w->en), STUINFO_OK);
    SET(stuinfo_school_set, w->s, STUINFO_SCHOOL_SCHOOL_ID, "2111004321");
    check(w);
    assert_true(has_finding(w->rep, "school.link_not_in_school", "status"));
    assert_true(has_finding(w->rep, "school.link_enrolment_school", "school_id"));
    teardown(w);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_consistent),
        cmocka_unit_test(test_school_authority),
        cmocka_unit_test(test_class_school),
        cmocka_unit_test(test_student_class),
        cmocka_unit_test(test_student_no),
        cmocka_unit_test(test_enrolment_links),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
