/* Record links at their edges (issue 9): region prefixes of provinces and prefectures,
 * authority codes given as supervising authority only, classes without a campus, student
 * classes named by number, grades the class or the student gives in another form, 学籍号
 * letters J, L and others, histories that left the school, and refused arguments. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "helpers.h"

#define XX2019 "\xE5\xB0\x8F\xE5\xAD\xA6" "2019\xE7\xBA\xA7"   /* 小学2019级 */
#define CZ2019 "\xE5\x88\x9D\xE4\xB8\xAD" "2019\xE7\xBA\xA7"   /* 初中2019级 */
#define ID "110105201503071235"

struct w {
    stuinfo_ctx *ctx;
    stuinfo_report *rep;
    stuinfo_authority *a;
    stuinfo_school *s;
    stuinfo_class *c;
    stuinfo_student *st;
};

static void
open_w(struct w *w)
{
    memset(w, 0, sizeof(*w));
    w->ctx = test_ctx_new();
    assert_int_equal(stuinfo_report_new(w->ctx, &w->rep), STUINFO_OK);
    assert_int_equal(stuinfo_authority_new(w->ctx, &w->a), STUINFO_OK);
    assert_int_equal(stuinfo_school_new(w->ctx, &w->s), STUINFO_OK);
    assert_int_equal(stuinfo_class_new(w->ctx, &w->c), STUINFO_OK);
    assert_int_equal(stuinfo_student_new(w->ctx, &w->st), STUINFO_OK);
}

static void
close_w(struct w *w)
{
    stuinfo_student_free(w->st);
    stuinfo_class_free(w->c);
    stuinfo_school_free(w->s);
    stuinfo_authority_free(w->a);
    stuinfo_report_free(w->rep);
    stuinfo_ctx_free(w->ctx);
}

/* Run the link check on whichever records are given and say whether @p rule was found. */
static bool
found(struct w *w, bool a, bool s, bool c, bool st, const char *rule)
{
    assert_int_equal(stuinfo_report_clear(w->rep), STUINFO_OK);
    assert_int_equal(stuinfo_school_check_links(a ? w->a : NULL, s ? w->s : NULL,
                                                c ? w->c : NULL, st ? w->st : NULL, NULL,
                                                w->rep),
                     STUINFO_OK);
    return has_finding(w->rep, rule, NULL);
}

static void
test_school_and_authority(void **state)
{
    struct w w;

    (void)state;
    open_w(&w);
    /* a province's authority covers every region of the province */
    SET(stuinfo_authority_set, w.a, STUINFO_AUTHORITY_REGION_CODE, "110000");
    SET(stuinfo_school_set, w.s, STUINFO_SCHOOL_REGION_CODE, "110105");
    assert_false(found(&w, true, true, false, false, "school.link_region"));
    SET(stuinfo_school_set, w.s, STUINFO_SCHOOL_REGION_CODE, "120101");
    assert_true(found(&w, true, true, false, false, "school.link_region"));
    /* a prefecture's covers its counties only */
    SET(stuinfo_authority_set, w.a, STUINFO_AUTHORITY_REGION_CODE, "120100");
    assert_false(found(&w, true, true, false, false, "school.link_region"));
    SET(stuinfo_school_set, w.s, STUINFO_SCHOOL_REGION_CODE, "120201");
    assert_true(found(&w, true, true, false, false, "school.link_region"));

    /* the authority may be the supervising one; a school naming none is not checked */
    /* (a supervising authority code has six digits: an authority of such a code) */
    SET(stuinfo_authority_set, w.a, STUINFO_AUTHORITY_CODE, "110108");
    assert_false(found(&w, true, true, false, false, "school.link_school_authority"));
    SET(stuinfo_school_set, w.s, STUINFO_SCHOOL_SUPERVISING_AUTHORITY_CODE, "110108");
    SET(stuinfo_school_set, w.s, STUINFO_SCHOOL_LOCAL_AUTHORITY_CODE, "110105000000");
    assert_false(found(&w, true, true, false, false, "school.link_school_authority"));
    SET(stuinfo_school_set, w.s, STUINFO_SCHOOL_SUPERVISING_AUTHORITY_CODE, "110101");
    assert_true(found(&w, true, true, false, false, "school.link_school_authority"));
    /* without the school, nothing of this is checked */
    assert_false(found(&w, true, false, false, false, "school.link_school_authority"));
    close_w(&w);
}

static void
test_class_and_school(void **state)
{
    struct w w;
    size_t i;

    (void)state;
    open_w(&w);
    SET(stuinfo_school_set, w.s, STUINFO_SCHOOL_SCHOOL_ID, "2111001234");
    /* no campus named: nothing to find; a class naming none of the school's: found */
    assert_false(found(&w, false, true, true, false, "school.link_class_campus"));
    SET(stuinfo_class_set, w.c, STUINFO_CLASS_CAMPUS_NO, "02");
    assert_true(found(&w, false, true, true, false, "school.link_class_campus"));
    assert_int_equal(stuinfo_school_campus_add(w.s, &i), STUINFO_OK);
    assert_int_equal(stuinfo_school_campus_add(w.s, &i), STUINFO_OK);
    assert_int_equal(stuinfo_school_campus_set(w.s, i, STUINFO_CAMPUS_CAMPUS_NO, "02", 2, NULL),
                     STUINFO_OK);
    assert_false(found(&w, false, true, true, false, "school.link_class_campus"));
    /* the class's school: only when both name one */
    assert_false(found(&w, false, true, true, false, "school.link_class_school"));
    SET(stuinfo_class_set, w.c, STUINFO_CLASS_SCHOOL_ID, "2111009999");
    assert_true(found(&w, false, true, true, false, "school.link_class_school"));
    close_w(&w);
}

static void
test_student_and_class(void **state)
{
    struct w w;

    (void)state;
    open_w(&w);
    SET(stuinfo_class_set, w.c, STUINFO_CLASS_CLASS_NO, "201901");
    SET(stuinfo_class_set, w.c, STUINFO_CLASS_CLASS_NAME, "1\xE7\x8F\xAD");   /* 1班 */
    /* the student's class by number or by name */
    SET(stuinfo_student_set, w.st, STUINFO_FIELD_CLASS, "201901");
    assert_false(found(&w, false, false, true, true, "school.link_student_class"));
    SET(stuinfo_student_set, w.st, STUINFO_FIELD_CLASS, "1\xE7\x8F\xAD");
    assert_false(found(&w, false, false, true, true, "school.link_student_class"));
    SET(stuinfo_student_set, w.st, STUINFO_FIELD_CLASS, "201902");
    assert_true(found(&w, false, false, true, true, "school.link_student_class"));

    /* a student grade of another stage; a class grade not in the canonical form is not
     * compared */
    SET(stuinfo_student_set, w.st, STUINFO_FIELD_GRADE, CZ2019);
    assert_false(found(&w, false, false, true, true, "school.link_student_grade"));
    SET(stuinfo_class_set, w.c, STUINFO_CLASS_GRADE, XX2019);
    assert_true(found(&w, false, false, true, true, "school.link_student_grade"));
    SET(stuinfo_student_set, w.st, STUINFO_FIELD_GRADE, "2019");       /* a bare year */
    assert_false(found(&w, false, false, true, true, "school.link_student_grade"));
    SET(stuinfo_student_set, w.st, STUINFO_FIELD_GRADE, "\xE4\xB8\x89\xE5\xB9\xB4\xE7\xBA\xA7");
    assert_false(found(&w, false, false, true, true, "school.link_student_grade"));

    /* entry month of another year */
    SET(stuinfo_student_set, w.st, STUINFO_FIELD_ENROL_MONTH, "2018-09");
    assert_true(found(&w, false, false, true, true, "school.link_enrol_year"));
    SET(stuinfo_student_set, w.st, STUINFO_FIELD_ENROL_MONTH, "2019-09");
    assert_false(found(&w, false, false, true, true, "school.link_enrol_year"));

    /* age at entry, 1 September 2019: 6 is usual for 小学, 3 and 19 are not */
    SET(stuinfo_student_set, w.st, STUINFO_FIELD_BIRTH_DATE, "2013-03-15");
    assert_false(found(&w, false, false, true, true, "school.link_stage_age"));
    SET(stuinfo_student_set, w.st, STUINFO_FIELD_BIRTH_DATE, "2016-03-15");
    assert_true(found(&w, false, false, true, true, "school.link_stage_age"));
    SET(stuinfo_student_set, w.st, STUINFO_FIELD_BIRTH_DATE, "2000-03-15");
    assert_true(found(&w, false, false, true, true, "school.link_stage_age"));
    close_w(&w);
}

static void
test_student_number_letters(void **state)
{
    struct w w;

    (void)state;
    open_w(&w);
    SET(stuinfo_school_set, w.s, STUINFO_SCHOOL_REGION_CODE, "110105");
    SET(stuinfo_student_set, w.st, STUINFO_FIELD_BIRTH_DATE, "2015-03-07");
    /* J: no ID number; school region and birth date in the number */
    SET(stuinfo_student_set, w.st, STUINFO_FIELD_STUDENT_NO, "J110105201503070012");
    assert_false(found(&w, false, true, false, true, "school.link_student_no_region"));
    assert_false(has_finding(w.rep, "school.link_student_no_birth", NULL));
    assert_false(has_finding(w.rep, "school.link_student_no_j", NULL));
    SET(stuinfo_student_set, w.st, STUINFO_FIELD_STUDENT_NO, "J120101201503080012");
    assert_true(found(&w, false, true, false, true, "school.link_student_no_region"));
    assert_true(has_finding(w.rep, "school.link_student_no_birth", NULL));
    /* without the school, the region is not compared */
    assert_false(found(&w, false, false, false, true, "school.link_student_no_region"));
    /* J or L with a resident ID number: wrong letter */
    SET(stuinfo_student_set, w.st, STUINFO_FIELD_ID_DOC_TYPE, "1");
    SET(stuinfo_student_set, w.st, STUINFO_FIELD_ID_DOC_NO, ID);
    assert_true(found(&w, false, false, false, true, "school.link_student_no_j"));
    SET(stuinfo_student_set, w.st, STUINFO_FIELD_STUDENT_NO, "L110105201503070012");
    assert_true(found(&w, false, false, false, true, "school.link_student_no_l"));
    /* G: the student's own number */
    SET(stuinfo_student_set, w.st, STUINFO_FIELD_STUDENT_NO, "G" ID);
    assert_false(found(&w, false, true, false, true, "school.link_student_no_g"));
    SET(stuinfo_student_set, w.st, STUINFO_FIELD_ID_DOC_TYPE, "2");
    assert_true(found(&w, false, true, false, true, "school.link_student_no_g"));
    /* another letter, or another length: the record's own check, not the link's */
    SET(stuinfo_student_set, w.st, STUINFO_FIELD_STUDENT_NO, "X110105201503070012");
    assert_false(found(&w, false, true, false, true, "school.link_student_no_g"));
    assert_int_equal(stuinfo_report_count(w.rep), 0);
    SET(stuinfo_student_set, w.st, STUINFO_FIELD_STUDENT_NO, "J1101052015");
    assert_false(found(&w, false, true, false, true, "school.link_student_no_region"));
    close_w(&w);
}

static void
put_en(stuinfo_enrolment *en, int32_t f, const char *v)
{
    assert_int_equal(stuinfo_enrolment_set(en, f, v, strlen(v), NULL), STUINFO_OK);
}

static void
event(stuinfo_enrolment *en, int32_t ev, const char *date, const char *school)
{
    assert_int_equal(stuinfo_enrolment_begin(en, ev), STUINFO_OK);
    put_en(en, STUINFO_ENROLMENT_FIELD_DATE, date);
    put_en(en, STUINFO_ENROLMENT_FIELD_ACTOR, "T0042");
    put_en(en, STUINFO_ENROLMENT_FIELD_ROLE, "registrar");
    put_en(en, STUINFO_ENROLMENT_FIELD_REASON, "x");
    put_en(en, STUINFO_ENROLMENT_FIELD_SCHOOL_ID, school);
    put_en(en, STUINFO_ENROLMENT_FIELD_FROM_SCHOOL_ID, "2111001234");
    put_en(en, STUINFO_ENROLMENT_FIELD_CLASS_NO, "201901");
    assert_int_equal(stuinfo_enrolment_commit(en), STUINFO_OK);
}

static void
test_histories_that_left(void **state)
{
    struct w w;
    stuinfo_enrolment *en = NULL;

    (void)state;
    open_w(&w);
    SET(stuinfo_school_set, w.s, STUINFO_SCHOOL_SCHOOL_ID, "2111001234");
    SET(stuinfo_class_set, w.c, STUINFO_CLASS_CLASS_NO, "201901");
    assert_int_equal(stuinfo_enrolment_new(w.ctx, &en), STUINFO_OK);
    event(en, STUINFO_ENROLMENT_EVENT_ENROL, "2019-09-01", "2111001234");
    assert_int_equal(stuinfo_school_check_links(NULL, w.s, w.c, NULL, en, w.rep), STUINFO_OK);
    assert_int_equal(stuinfo_report_count(w.rep), 0);
    /* transferred out to another school: the latest school is not compared, but the
     * student may no longer be in a class */
    event(en, STUINFO_ENROLMENT_EVENT_TRANSFER_OUT, "2020-09-01", "2111005678");
    assert_int_equal(stuinfo_school_check_links(NULL, w.s, w.c, NULL, en, w.rep), STUINFO_OK);
    assert_false(has_finding(w.rep, "school.link_enrolment_school", NULL));
    assert_true(has_finding(w.rep, "school.link_not_in_school", "status"));
    /* and without the class, nothing */
    assert_int_equal(stuinfo_report_clear(w.rep), STUINFO_OK);
    assert_int_equal(stuinfo_school_check_links(NULL, w.s, NULL, NULL, en, w.rep), STUINFO_OK);
    assert_int_equal(stuinfo_report_count(w.rep), 0);
    stuinfo_enrolment_free(en);
    close_w(&w);
}

static void
test_refused(void **state)
{
    struct w w, other;

    (void)state;
    open_w(&w);
    open_w(&other);
    assert_int_equal(stuinfo_school_check_links(w.a, w.s, w.c, w.st, NULL, NULL),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_school_check_links(NULL, other.s, NULL, NULL, NULL, w.rep),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_school_check_links(NULL, NULL, other.c, NULL, NULL, w.rep),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_school_check_links(NULL, NULL, NULL, other.st, NULL, w.rep),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_report_count(w.rep), 0);
    close_w(&other);
    close_w(&w);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_school_and_authority),
        cmocka_unit_test(test_class_and_school),
        cmocka_unit_test(test_student_and_class),
        cmocka_unit_test(test_student_number_letters),
        cmocka_unit_test(test_histories_that_left),
        cmocka_unit_test(test_refused),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
