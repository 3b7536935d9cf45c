/* stuinfo_student_validate(): silent on a complete record, each rule fires on a minimal
 * bad one, at the right field path, with no personal data in its message. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "test_ctx.h"
#include "sample.h"

static stuinfo_ctx *ctx;
static stuinfo_student *good;

static int
group_setup(void **state)
{
    (void)state;
    ctx = test_ctx_new();
    assert_int_equal(stuinfo_student_new(ctx, &good), STUINFO_OK);
    assert_int_equal(sample_fill(good), STUINFO_OK);
    return 0;
}

static int
group_teardown(void **state)
{
    (void)state;
    stuinfo_student_free(good);
    stuinfo_ctx_free(ctx);
    return 0;
}

static void
dump(stuinfo_report *rep)
{
    for (size_t i = 0; i < stuinfo_report_count(rep); i++) {
        stuinfo_finding fd = {.size = sizeof(fd)};

        stuinfo_report_get(rep, i, &fd);
        fprintf(stderr, "  finding %s at %s: %s\n", fd.rule, fd.field, fd.message);
    }
}

static bool
has(stuinfo_report *rep, const char *rule, const char *field)
{
    for (size_t i = 0; i < stuinfo_report_count(rep); i++) {
        stuinfo_finding fd = {.size = sizeof(fd)};

        assert_int_equal(stuinfo_report_get(rep, i, &fd), STUINFO_OK);
        if (strcmp(fd.rule, rule) == 0 && strcmp(fd.field, field) == 0) {
            /* Messages never carry the record's personal data. */
            assert_null(strstr(fd.message, "张"));
            assert_null(strstr(fd.message, "1101052015"));
            assert_null(strstr(fd.message, "138001"));
            return true;
        }
    }
    return false;
}

static void
test_good_record_is_silent(void **state)
{
    stuinfo_report *rep = NULL;

    (void)state;
    assert_int_equal(stuinfo_report_new(ctx, &rep), STUINFO_OK);
    assert_int_equal(stuinfo_student_validate(good, NULL, rep), STUINFO_OK);
    dump(rep);
    assert_int_equal(stuinfo_report_count(rep), 0);
    stuinfo_report_free(rep);
}

/* One mutation: set @p path to @p value (NULL clears) and expect @p rule at @p field. */
struct mutation {
    const char *path;
    const char *value;
    const char *rule;
    const char *field;
};

static const struct mutation mutations[] = {
    {"name", "张3", "student.name_digit", "name"},
    {"name", "张-三", "student.name_chars", "name"},
    {"name", "·张三", "student.name_dot_position", "name"},
    {"name", "Zhang", "student.name_latin", "name"},
    {"name", "\xEF\xA4\x80三", "student.name_compat_char", "name"},
    {"name", "\xE2\xBC\x80三", "student.name_radical", "name"},
    {"name", "\xEE\xA0\x96三", "student.name_private_use", "name"},
    {"name", NULL, "student.required", "name"},
    {"ethnicity", NULL, "student.required", "ethnicity"},
    {"hukou_type", NULL, "student.required", "hukou_type"},
    {"health_status", NULL, "student.required", "health_status"},
    {"native_place", NULL, "student.required", "native_place"},
    {"home_address", NULL, "student.required", "home_address"},
    {"postcode", NULL, "student.required", "postcode"},
    {"birth_date", "2015-02-30", "student.bad_date", "birth_date"},
    {"birth_date", "2027-01-01", "student.future_date", "birth_date"},
    {"birth_date", "1950-01-01", "student.birth_implausible", "birth_date"},
    {"enrol_month", "2021-13", "student.bad_month", "enrol_month"},
    {"postcode", "10002", "student.bad_postcode", "postcode"},
    {"phone", "12345", "student.bad_phone", "phone"},
    {"mobile", "010-65001234", "student.bad_mobile", "mobile"},
    {"email", "a@b", "student.bad_email", "email"},
    {"email", "a..b@example.cn", "student.bad_email", "email"},
    {"only_child", "2", "student.bad_flag", "only_child"},
    {"ethnicity", "77", "student.bad_code", "ethnicity"},
    {"enrol_mode", "13", "student.bad_code", "enrol_mode"},
    {"sex", "0", "student.code_not_registry", "sex"},
    {"birthplace", "999999", "student.bad_region", "birthplace"},
    {"school_id", "12345", "student.bad_digits", "school_id"},
    {"homepage", "nowhere", "student.bad_url", "homepage"},
    {"school_distance_km", "-1", "student.bad_decimal", "school_distance_km"},
    {"student_no", "X110105201503071235", "student.bad_student_no", "student_no"},
    {"aux_student_no", "A_1", "student.bad_ident", "aux_student_no"},
    {"student_no", "G110105198001012011", "student.student_no_mismatch", "student_no"},
    {"student_no", "J110105201503081230", "student.student_no_mismatch", "student_no"},
    {"birth_date", "2015-03-08", "student.id_birth_mismatch", "birth_date"},
    {"sex", "2", "student.id_sex_mismatch", "sex"},
    {"id_doc_no", "110105201503071236", "student.bad_id_number", "id_doc_no"},
    {"id_doc_no", "H12345678", "student.bad_id_number", "id_doc_no"},
    {"id_doc_no", "810000201503071233", "student.id_type_mismatch", "id_doc_no"},
    {"id_doc_type", "A", "student.id_type_mismatch", "id_doc_type"},
    {"hmt_overseas", "01", "student.hmt_doc_mismatch", "hmt_overseas"},
    {"nationality", "HKG", "student.hmt_nationality_mismatch", "hmt_overseas"},
    {"id_doc_no", NULL, "student.id_required", "id_doc_no"},
    {"political_status", "03", "student.join_date_missing", "political_join_date"},
    {"political_join_date", "2020-01-01", "student.join_date_unexpected",
     "political_join_date"},
    {"family[0].phone", "123", "student.bad_phone", "family[0].phone"},
    {"family[1].id_doc_no", "110105198202021222", "student.bad_id_number",
     "family[1].id_doc_no"},
    {"family[0].relation", "00", "student.bad_code", "family[0].relation"},
    {"family[1].name", NULL, "student.required", "family[1].name"},
    {"history[0].start", "2021-08", "student.history_start_after_end", "history[0].start"},
    {"history[1].start", "2021-06", "student.history_order", "history[1].start"},
    {"history[0].end", "present", "student.history_open_not_last", "history[0].end"},
    {"history[1].end", "2026-07", "student.history_last_closed", "history[1].end"},
    {"history[1].start", "2027-01", "student.future_date", "history[1].start"},
    {"home_address", "朝阳区建国路1号", "student.address_region", "home_address"},
    {"home_address", "北京市建国路1号朝阳区", "student.address_order", "home_address"},
    {"birth_date", "2015-09-07", "student.entry_age", "birth_date"},
};

static void
test_each_rule_fires(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(mutations) / sizeof(mutations[0]); i++) {
        const struct mutation *m = &mutations[i];
        stuinfo_student *st = NULL;
        stuinfo_report *rep = NULL;

        assert_int_equal(stuinfo_student_clone(good, &st), STUINFO_OK);
        assert_int_equal(stuinfo_report_new(ctx, &rep), STUINFO_OK);
        assert_int_equal(stuinfo_student_set_path(st, m->path, m->value,
                                                  m->value ? strlen(m->value) : 0, NULL),
                         STUINFO_OK);
        assert_int_equal(stuinfo_student_validate(st, NULL, rep), STUINFO_OK);
        if (!has(rep, m->rule, m->field)) {
            fprintf(stderr, "mutation %zu (%s) did not give %s at %s\n", i, m->path, m->rule,
                    m->field);
            dump(rep);
            fail();
        }
        stuinfo_report_free(rep);
        stuinfo_student_free(st);
    }
}

static void
validate_expect(stuinfo_student *st, const stuinfo_policy *p, const char *rule,
                const char *field, bool want)
{
    stuinfo_report *rep = NULL;

    assert_int_equal(stuinfo_report_new(ctx, &rep), STUINFO_OK);
    assert_int_equal(stuinfo_student_validate(st, p, rep), STUINFO_OK);
    if (has(rep, rule, field) != want) {
        fprintf(stderr, "%s at %s: expected %s\n", rule, field, want ? "yes" : "no");
        dump(rep);
        fail();
    }
    stuinfo_report_free(rep);
}

static void
test_structural_rules(void **state)
{
    stuinfo_student *st = NULL;
    stuinfo_policy p;
    size_t idx;

    (void)state;
    assert_int_equal(stuinfo_policy_init(&p), STUINFO_OK);
    /* Phones: none at all. */
    assert_int_equal(stuinfo_student_clone(good, &st), STUINFO_OK);
    stuinfo_student_set(st, STUINFO_FIELD_PHONE, NULL, 0, NULL);
    validate_expect(st, NULL, "student.phone_missing", "phone", false);   /* mobile left */
    stuinfo_student_set(st, STUINFO_FIELD_MOBILE, NULL, 0, NULL);
    validate_expect(st, NULL, "student.phone_missing", "phone", true);
    p.checks = STUINFO_CHECK_ALL & ~(uint32_t)STUINFO_CHECK_PHONE;
    validate_expect(st, &p, "student.phone_missing", "phone", false);
    stuinfo_student_free(st);
    /* Guardians of a minor: one without phone, then none. */
    assert_int_equal(stuinfo_student_clone(good, &st), STUINFO_OK);
    stuinfo_student_set_path(st, "family[1].is_guardian", "0", 1, NULL);
    stuinfo_student_set_path(st, "family[0].phone", NULL, 0, NULL);
    stuinfo_student_set_path(st, "family[0].mobile", NULL, 0, NULL);
    validate_expect(st, NULL, "student.guardian_no_phone", "family[0].phone", true);
    stuinfo_student_set_path(st, "family[0].is_guardian", "0", 1, NULL);
    validate_expect(st, NULL, "student.guardian_missing", "family", true);
    /* An adult needs none. */
    stuinfo_student_set_path(st, "birth_date", "2000-01-01", 10, NULL);
    validate_expect(st, NULL, "student.guardian_missing", "family", false);
    stuinfo_student_free(st);
    /* Principal family members: 4 > 3 unless the policy allows more. */
    assert_int_equal(stuinfo_student_clone(good, &st), STUINFO_OK);
    for (int k = 0; k < 2; k++) {
        stuinfo_student_family_add(st, &idx);
        stuinfo_student_family_set(st, idx, STUINFO_FAMILY_NAME, "王五", strlen("王五"), NULL);
    }
    validate_expect(st, NULL, "student.too_many_principal", "family", true);
    p.checks = STUINFO_CHECK_ALL;
    p.max_principal_family = 4;
    validate_expect(st, &p, "student.too_many_principal", "family", false);
    stuinfo_student_set_path(st, "family[3].principal", "否", strlen("否"), NULL);
    validate_expect(st, NULL, "student.too_many_principal", "family", false);
    stuinfo_student_free(st);
    /* Too few family members, history entries; no ID: family ID required. */
    assert_int_equal(stuinfo_student_clone(good, &st), STUINFO_OK);
    stuinfo_student_family_remove(st, 1);
    validate_expect(st, NULL, "student.family_too_few", "family", true);
    stuinfo_student_history_remove(st, 0);
    validate_expect(st, NULL, "student.history_too_few", "history", true);
    p.min_history = 1;
    validate_expect(st, &p, "student.history_too_few", "history", false);
    stuinfo_student_set(st, STUINFO_FIELD_ID_DOC_TYPE, "Z", 1, NULL);
    stuinfo_student_set(st, STUINFO_FIELD_ID_DOC_NO, NULL, 0, NULL);
    validate_expect(st, NULL, "student.id_required", "id_doc_no", false);
    validate_expect(st, NULL, "student.family_id_required", "family", false);
    stuinfo_student_set_path(st, "family[0].id_doc_no", NULL, 0, NULL);
    validate_expect(st, NULL, "student.family_id_required", "family", true);
    stuinfo_student_free(st);
    /* Party member joined at 15: too young; league at 15 is fine. */
    assert_int_equal(stuinfo_student_clone(good, &st), STUINFO_OK);
    stuinfo_student_set(st, STUINFO_FIELD_BIRTH_DATE, "2005-03-07", 10, NULL);
    stuinfo_student_set(st, STUINFO_FIELD_POLITICAL_STATUS, "01", 2, NULL);
    stuinfo_student_set(st, STUINFO_FIELD_POLITICAL_JOIN_DATE, "2020-05-04", 10, NULL);
    validate_expect(st, NULL, "student.join_date_early", "political_join_date", true);
    stuinfo_student_set(st, STUINFO_FIELD_POLITICAL_STATUS, "03", 2, NULL);
    validate_expect(st, NULL, "student.join_date_early", "political_join_date", false);
    stuinfo_student_free(st);
    /* Entry age: a policy with a later cut-off lets the September child in. */
    assert_int_equal(stuinfo_student_clone(good, &st), STUINFO_OK);
    stuinfo_student_set(st, STUINFO_FIELD_BIRTH_DATE, "2015-09-07", 10, NULL);
    validate_expect(st, NULL, "student.entry_age", "birth_date", true);
    p.entry_cutoff_month = 9;
    p.entry_cutoff_day = 30;
    validate_expect(st, &p, "student.entry_age", "birth_date", false);
    stuinfo_student_free(st);
}

static void
test_bad_arguments(void **state)
{
    stuinfo_report *rep = NULL;
    stuinfo_policy p;

    (void)state;
    assert_int_equal(stuinfo_report_new(ctx, &rep), STUINFO_OK);
    assert_int_equal(stuinfo_student_validate(NULL, NULL, rep), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_student_validate(good, NULL, NULL), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_policy_init(NULL), STUINFO_ERR_INVALID_ARGUMENT);
    stuinfo_policy_init(&p);
    p.size = 4;
    assert_int_equal(stuinfo_student_validate(good, &p, rep), STUINFO_ERR_INVALID_ARGUMENT);
    stuinfo_policy_init(&p);
    p.entry_cutoff_month = 13;
    assert_int_equal(stuinfo_student_validate(good, &p, rep), STUINFO_ERR_INVALID_ARGUMENT);
    stuinfo_report_free(rep);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_good_record_is_silent),
        cmocka_unit_test(test_each_rule_fires),
        cmocka_unit_test(test_structural_rules),
        cmocka_unit_test(test_bad_arguments),
    };

    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
