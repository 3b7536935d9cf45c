/* Authority, school (with campuses) and class records: set/get, canonicalization,
 * validation findings and JSON round trips. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "helpers.h"

static stuinfo_school *
sample_school(stuinfo_ctx *ctx)
{
    stuinfo_school *s = NULL;
    size_t i;

    assert_int_equal(stuinfo_school_new(ctx, &s), STUINFO_OK);
    SET(stuinfo_school_set, s, STUINFO_SCHOOL_SCHOOL_ID, "2111001234");
    SET(stuinfo_school_set, s, STUINFO_SCHOOL_NAME, "北京市海淀区实验小学");
    SET(stuinfo_school_set, s, STUINFO_SCHOOL_ADDRESS, "北京市海淀区中关村大街1号");
    SET(stuinfo_school_set, s, STUINFO_SCHOOL_REGION_CODE, "110108");
    SET(stuinfo_school_set, s, STUINFO_SCHOOL_POSTCODE, "100080");
    SET(stuinfo_school_set, s, STUINFO_SCHOOL_LOCAL_AUTHORITY_CODE, "110108");
    SET(stuinfo_school_set, s, STUINFO_SCHOOL_SPONSOR_CODE, "1");
    SET(stuinfo_school_set, s, STUINFO_SCHOOL_SCHOOL_TYPE_CODE, "211");
    SET(stuinfo_school_set, s, STUINFO_SCHOOL_URBAN_RURAL_CODE, "111");
    SET(stuinfo_school_set, s, STUINFO_SCHOOL_OWNERSHIP_CODE, "21");
    SET(stuinfo_school_set, s, STUINFO_SCHOOL_EMAIL, "office@example.cn");
    assert_int_equal(stuinfo_school_campus_add(s, &i), STUINFO_OK);
    assert_int_equal(i, 0);
    assert_int_equal(stuinfo_school_campus_set(s, 0, STUINFO_CAMPUS_CAMPUS_NO, "01", 2, NULL),
                     STUINFO_OK);
    assert_int_equal(stuinfo_school_campus_set(s, 0, STUINFO_CAMPUS_NAME, "本部", 6, NULL),
                     STUINFO_OK);
    assert_int_equal(stuinfo_school_campus_set(s, 0, STUINFO_CAMPUS_ADDRESS,
                                               "中关村大街1号", strlen("中关村大街1号"), NULL),
                     STUINFO_OK);
    assert_int_equal(stuinfo_school_campus_set(s, 0, STUINFO_CAMPUS_REGION_CODE, "110108", 6,
                                               NULL),
                     STUINFO_OK);
    return s;
}

static void
test_school_valid(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_school *s = sample_school(ctx);
    stuinfo_report *rep = NULL;

    (void)state;
    assert_int_equal(stuinfo_report_new(ctx, &rep), STUINFO_OK);
    assert_int_equal(stuinfo_school_validate(s, rep), STUINFO_OK);
    for (size_t i = 0; i < stuinfo_report_count(rep); i++) {
        stuinfo_finding fd = {.size = sizeof(fd)};

        stuinfo_report_get(rep, i, &fd);
        print_message("unexpected %s at %s\n", fd.rule, fd.field);
    }
    assert_int_equal(stuinfo_report_count(rep), 0);
    stuinfo_report_free(rep);
    stuinfo_school_free(s);
    stuinfo_ctx_free(ctx);
}

static void
test_school_findings(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_school *s = sample_school(ctx);
    stuinfo_report *rep = NULL;
    size_t i;

    (void)state;
    assert_int_equal(stuinfo_report_new(ctx, &rep), STUINFO_OK);
    SET(stuinfo_school_set, s, STUINFO_SCHOOL_SCHOOL_ID, "211100123");
    SET(stuinfo_school_set, s, STUINFO_SCHOOL_REGION_CODE, "119999");
    SET(stuinfo_school_set, s, STUINFO_SCHOOL_SCHOOL_TYPE_CODE, "999");
    SET(stuinfo_school_set, s, STUINFO_SCHOOL_POSTCODE, "1000");
    assert_int_equal(stuinfo_school_set(s, STUINFO_SCHOOL_NAME, NULL, 0, NULL), STUINFO_OK);
    assert_int_equal(stuinfo_school_campus_add(s, &i), STUINFO_OK);
    assert_int_equal(stuinfo_school_campus_set(s, 1, STUINFO_CAMPUS_CAMPUS_NO, "01", 2, NULL),
                     STUINFO_OK);
    assert_int_equal(stuinfo_school_validate(s, rep), STUINFO_OK);
    assert_true(has_finding(rep, "school.id_format", "school_id"));
    assert_true(has_finding(rep, "school.region_unknown", "region_code"));
    assert_true(has_finding(rep, "school.code_unknown", "school_type_code"));
    assert_true(has_finding(rep, "school.postcode", "postcode"));
    assert_true(has_finding(rep, "school.required", "name"));
    assert_true(has_finding(rep, "school.required", "campuses[1].name"));
    assert_true(has_finding(rep, "school.campus_duplicate", "campuses[1].campus_no"));
    assert_int_equal(stuinfo_school_campus_set(s, 2, STUINFO_CAMPUS_NAME, "x", 1, NULL),
                     STUINFO_ERR_NOT_FOUND);
    assert_int_equal(stuinfo_school_set(s, 99, "x", 1, NULL), STUINFO_ERR_INVALID_ARGUMENT);
    stuinfo_report_free(rep);
    stuinfo_school_free(s);
    stuinfo_ctx_free(ctx);
}

static void
test_canonical(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_school *s = NULL;
    stuinfo_class *c = NULL;
    stuinfo_report *rep = NULL;
    const char *v;
    int32_t stage, year;

    (void)state;
    assert_int_equal(stuinfo_report_new(ctx, &rep), STUINFO_OK);
    assert_int_equal(stuinfo_school_new(ctx, &s), STUINFO_OK);
    /* Names of list codes become codes; full-width digits are folded. */
    assert_int_equal(stuinfo_school_set(s, STUINFO_SCHOOL_URBAN_RURAL_CODE, "村庄",
                                        strlen("村庄"), rep), STUINFO_OK);
    assert_int_equal(stuinfo_school_get(s, STUINFO_SCHOOL_URBAN_RURAL_CODE, &v, NULL),
                     STUINFO_OK);
    assert_string_equal(v, "220");
    assert_true(has_finding(rep, "school.code_from_name", "urban_rural_code"));
    assert_int_equal(stuinfo_school_set(s, STUINFO_SCHOOL_SCHOOL_TYPE_CODE, "九年一贯制学校",
                                        strlen("九年一贯制学校"), rep), STUINFO_OK);
    stuinfo_school_get(s, STUINFO_SCHOOL_SCHOOL_TYPE_CODE, &v, NULL);
    assert_string_equal(v, "312");
    assert_int_equal(stuinfo_school_set(s, STUINFO_SCHOOL_SCHOOL_ID, " ２１１１００１２３４ ",
                                        strlen(" ２１１１００１２３４ "), rep), STUINFO_OK);
    stuinfo_school_get(s, STUINFO_SCHOOL_SCHOOL_ID, &v, NULL);
    assert_string_equal(v, "2111001234");
    assert_int_equal(stuinfo_school_set(s, STUINFO_SCHOOL_NAME, "a\0b", 3, rep),
                     STUINFO_ERR_ENCODING);

    assert_int_equal(stuinfo_class_new(ctx, &c), STUINFO_OK);
    assert_int_equal(stuinfo_class_grade(c, &stage, &year), STUINFO_ERR_NOT_FOUND);
    const char *forms[] = {"小学2019级", "2019级小学", "小学 2019 级", "2019小学", "小学2019"};
    for (size_t i = 0; i < sizeof(forms) / sizeof(forms[0]); i++) {
        assert_int_equal(stuinfo_class_set(c, STUINFO_CLASS_GRADE, forms[i], strlen(forms[i]),
                                           rep), STUINFO_OK);
        stuinfo_class_get(c, STUINFO_CLASS_GRADE, &v, NULL);
        assert_string_equal(v, "小学2019级");
        assert_int_equal(stuinfo_class_grade(c, &stage, &year), STUINFO_OK);
        assert_int_equal(stage, 1);
        assert_int_equal(year, 2019);
    }
    SET(stuinfo_class_set, c, STUINFO_CLASS_GRADE, "高中2016级");
    assert_int_equal(stuinfo_class_grade(c, &stage, &year), STUINFO_OK);
    assert_int_equal(stage, 3);
    assert_int_equal(year, 2016);
    SET(stuinfo_class_set, c, STUINFO_CLASS_GRADE, "三年级");
    assert_int_equal(stuinfo_class_grade(c, &stage, &year), STUINFO_ERR_INVALID);
    stuinfo_report_free(rep);
    stuinfo_class_free(c);
    stuinfo_school_free(s);
    stuinfo_ctx_free(ctx);
}

static void
test_class_findings(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_class *c = NULL;
    stuinfo_report *rep = NULL;

    (void)state;
    assert_int_equal(stuinfo_report_new(ctx, &rep), STUINFO_OK);
    assert_int_equal(stuinfo_class_new(ctx, &c), STUINFO_OK);
    SET(stuinfo_class_set, c, STUINFO_CLASS_CLASS_NO, "201903");
    SET(stuinfo_class_set, c, STUINFO_CLASS_CLASS_NAME, "3班");
    SET(stuinfo_class_set, c, STUINFO_CLASS_GRADE, "小学2019级");
    SET(stuinfo_class_set, c, STUINFO_CLASS_CLASS_TYPE_CODE, "10");
    SET(stuinfo_class_set, c, STUINFO_CLASS_HEAD_TEACHER_ID, "T0012");
    SET(stuinfo_class_set, c, STUINFO_CLASS_YEARS, "6");
    assert_int_equal(stuinfo_class_validate(c, rep), STUINFO_OK);
    assert_int_equal(stuinfo_report_count(rep), 0);
    SET(stuinfo_class_set, c, STUINFO_CLASS_CLASS_TYPE_CODE, "普通初中班");
    SET(stuinfo_class_set, c, STUINFO_CLASS_YEARS, "6.x");
    assert_int_equal(stuinfo_class_validate(c, rep), STUINFO_OK);
    assert_true(has_finding(rep, "school.class_type_stage", "class_type_code"));
    assert_true(has_finding(rep, "school.decimal", "years"));
    stuinfo_report_clear(rep);
    SET(stuinfo_class_set, c, STUINFO_CLASS_GRADE, "三年级");
    assert_int_equal(stuinfo_class_set(c, STUINFO_CLASS_CLASS_NO, NULL, 0, NULL), STUINFO_OK);
    assert_int_equal(stuinfo_class_validate(c, rep), STUINFO_OK);
    assert_true(has_finding(rep, "school.grade_format", "grade"));
    assert_true(has_finding(rep, "school.required", "class_no"));
    stuinfo_report_free(rep);
    stuinfo_class_free(c);
    stuinfo_ctx_free(ctx);
}

static void
test_authority(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_authority *a = NULL, *b = NULL;
    stuinfo_report *rep = NULL;
    const char *json, *json2;
    size_t len;

    (void)state;
    assert_int_equal(stuinfo_report_new(ctx, &rep), STUINFO_OK);
    assert_int_equal(stuinfo_authority_new(ctx, &a), STUINFO_OK);
    SET(stuinfo_authority_set, a, STUINFO_AUTHORITY_CODE, "110108000000");
    SET(stuinfo_authority_set, a, STUINFO_AUTHORITY_NAME, "北京市海淀区教育委员会");
    SET(stuinfo_authority_set, a, STUINFO_AUTHORITY_REGION_CODE, "110108");
    SET(stuinfo_authority_set, a, STUINFO_AUTHORITY_LEVEL, "县级");
    assert_int_equal(stuinfo_authority_validate(a, rep), STUINFO_OK);
    assert_int_equal(stuinfo_report_count(rep), 0);
    assert_int_equal(stuinfo_authority_to_json(a, &json, &len), STUINFO_OK);
    assert_int_equal(strlen(json), len);
    assert_non_null(strstr(json, "\"level\":\"4\""));
    assert_int_equal(stuinfo_authority_from_json(ctx, json, len, rep, &b), STUINFO_OK);
    assert_int_equal(stuinfo_authority_to_json(b, &json2, NULL), STUINFO_OK);
    assert_string_equal(json, json2);
    stuinfo_authority_free(b);
    b = NULL;
    assert_int_equal(stuinfo_authority_from_json(ctx, "{\"nope\":1}", 10, rep, &b),
                     STUINFO_ERR_NOT_FOUND);
    assert_null(b);
    assert_int_equal(stuinfo_authority_from_json(ctx, "[1]", 3, rep, &b), STUINFO_ERR_PARSE);
    assert_int_equal(stuinfo_authority_from_json(ctx, "{\"name\":[]}", 11, rep, &b),
                     STUINFO_ERR_PARSE);
    assert_true(has_finding(rep, "school.json_bad_type", "name"));
    assert_int_equal(stuinfo_authority_from_json(ctx, "{", 1, rep, &b), STUINFO_ERR_PARSE);
    assert_int_equal(stuinfo_authority_from_json(ctx, "{\"name\":\"\xff\"}", 12, rep, &b),
                     STUINFO_ERR_ENCODING);
    stuinfo_report_free(rep);
    stuinfo_authority_free(a);
    stuinfo_ctx_free(ctx);
}

static void
test_school_json(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_school *s = sample_school(ctx), *t = NULL;
    stuinfo_class *c = NULL, *d = NULL;
    stuinfo_report *rep = NULL;
    const char *json, *json2, *v;
    size_t len;

    (void)state;
    assert_int_equal(stuinfo_report_new(ctx, &rep), STUINFO_OK);
    assert_int_equal(stuinfo_school_to_json(s, &json, &len), STUINFO_OK);
    assert_non_null(strstr(json, "\"campuses\":[{\"campus_no\":\"01\""));
    assert_int_equal(stuinfo_school_from_json(ctx, json, len, rep, &t), STUINFO_OK);
    assert_int_equal(stuinfo_school_campus_count(t), 1);
    assert_int_equal(stuinfo_school_campus_get(t, 0, STUINFO_CAMPUS_NAME, &v, NULL),
                     STUINFO_OK);
    assert_string_equal(v, "本部");
    assert_int_equal(stuinfo_school_to_json(t, &json2, NULL), STUINFO_OK);
    assert_string_equal(json, json2);
    stuinfo_school_free(t);
    t = NULL;
    assert_int_equal(stuinfo_school_from_json(ctx, "{\"campuses\":{}}", 15, rep, &t),
                     STUINFO_ERR_PARSE);
    assert_int_equal(stuinfo_school_from_json(ctx, "{\"campuses\":[1]}", 16, rep, &t),
                     STUINFO_ERR_PARSE);
    assert_null(t);

    assert_int_equal(stuinfo_class_new(ctx, &c), STUINFO_OK);
    SET(stuinfo_class_set, c, STUINFO_CLASS_CLASS_NO, "201903");
    SET(stuinfo_class_set, c, STUINFO_CLASS_GRADE, "2019级初中");
    SET(stuinfo_class_set, c, STUINFO_CLASS_BILINGUAL, "否");
    assert_int_equal(stuinfo_class_to_json(c, &json, &len), STUINFO_OK);
    assert_string_equal(json, "{\"class_no\":\"201903\",\"grade\":\"初中2019级\",\"bilingual\":\"0\"}");
    assert_int_equal(stuinfo_class_from_json(ctx, json, len, rep, &d), STUINFO_OK);
    assert_int_equal(stuinfo_class_to_json(d, &json2, NULL), STUINFO_OK);
    assert_string_equal(json, json2);
    stuinfo_report_free(rep);
    stuinfo_class_free(d);
    stuinfo_class_free(c);
    stuinfo_school_free(s);
    stuinfo_ctx_free(ctx);
}

static void
test_alloc_failures(void **state)
{
    (void)state;
    /* Every allocation of building and serialising a school fails once in turn. */
    for (uint64_t at = 1; at < 200; at++) {
        test_faults f = {.fail_at = at};
        stuinfo_ctx *ctx = test_ctx_new_faulty(&f);
        stuinfo_school *s = NULL;
        size_t i;
        const char *json;

        if (ctx == NULL)
            continue;
        if (stuinfo_school_new(ctx, &s) == STUINFO_OK) {
            stuinfo_school_set(s, STUINFO_SCHOOL_NAME, "学校", 6, NULL);
            if (stuinfo_school_campus_add(s, &i) == STUINFO_OK)
                stuinfo_school_campus_set(s, i, STUINFO_CAMPUS_NAME, "本部", 6, NULL);
            stuinfo_school_to_json(s, &json, NULL);
        }
        stuinfo_school_free(s);
        stuinfo_ctx_free(ctx);
        if (!f.injected)
            break;
    }
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_school_valid),
        cmocka_unit_test(test_school_findings),
        cmocka_unit_test(test_canonical),
        cmocka_unit_test(test_class_findings),
        cmocka_unit_test(test_authority),
        cmocka_unit_test(test_school_json),
        cmocka_unit_test(test_alloc_failures),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
