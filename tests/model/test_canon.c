/* Canonicalization on set: encodings, forbidden characters, folding, notes, names. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "test_ctx.h"
#include "model/student.h"

#define S(x) x, sizeof(x) - 1

struct fixture {
    stuinfo_ctx *ctx;
    stuinfo_student *st;
    stuinfo_report *rep;
};

static int
setup(void **state)
{
    struct fixture *f = test_malloc(sizeof(*f));

    f->ctx = test_ctx_new();
    assert_int_equal(stuinfo_student_new(f->ctx, &f->st), STUINFO_OK);
    assert_int_equal(stuinfo_report_new(f->ctx, &f->rep), STUINFO_OK);
    *state = f;
    return 0;
}

static int
teardown(void **state)
{
    struct fixture *f = *state;

    stuinfo_report_free(f->rep);
    stuinfo_student_free(f->st);
    stuinfo_ctx_free(f->ctx);
    test_free(f);
    return 0;
}

/* True if the report holds a finding of @p rule at @p field. */
static bool
has(stuinfo_report *rep, const char *rule, const char *field)
{
    for (size_t i = 0; i < stuinfo_report_count(rep); i++) {
        stuinfo_finding fd = {.size = sizeof(fd)};

        assert_int_equal(stuinfo_report_get(rep, i, &fd), STUINFO_OK);
        if (strcmp(fd.rule, rule) == 0 && strcmp(fd.field, field) == 0)
            return true;
    }
    return false;
}

static const char *
get(struct fixture *f, int32_t field)
{
    const char *t = NULL;

    assert_int_equal(stuinfo_student_get(f->st, field, &t, NULL), STUINFO_OK);
    return t;
}

static void
test_encoding_refused_body(struct fixture *f);

static void
test_encoding_refused(void **state)
{
    struct fixture *f;

    setup(state);
    f = *state;
    test_encoding_refused_body(f);
    teardown(state);
}

static void
test_encoding_refused_body(struct fixture *f)
{
    static const struct { const char *s; size_t n; stuinfo_status st; const char *rule; } v[] = {
        {S("\xE5\xBC"), STUINFO_ERR_ENCODING, "student.encoding"},
        {S("\xC0\xAF"), STUINFO_ERR_ENCODING, "student.encoding"},
        {S("\xD5\xC5\xC8\xFD"), STUINFO_ERR_ENCODING, "student.encoding"},
        {S("张\0三"), STUINFO_ERR_ENCODING, "student.nul"},
        {S("张\xE2\x80\xAE三"), STUINFO_ERR_INVALID, "student.forbidden_char"},   /* RLO */
        {S("张\xE2\x81\xA6三"), STUINFO_ERR_INVALID, "student.forbidden_char"},   /* LRI */
        {S("张\xE2\x80\x8B三"), STUINFO_ERR_INVALID, "student.forbidden_char"},   /* ZWSP */
        {S("张\xE2\x80\x8D三"), STUINFO_ERR_INVALID, "student.forbidden_char"},   /* ZWJ */
        {S("\xEF\xBB\xBF张三"), STUINFO_ERR_INVALID, "student.forbidden_char"},   /* BOM */
        {S("张\xC2\xAD三"), STUINFO_ERR_INVALID, "student.forbidden_char"},       /* SHY */
        {S("张\t三"), STUINFO_ERR_INVALID, "student.forbidden_char"},
        {S("张\n三"), STUINFO_ERR_INVALID, "student.forbidden_char"},
    };

    assert_int_equal(stuinfo_student_set(f->st, STUINFO_FIELD_NAME, S("王五"), NULL),
                     STUINFO_OK);
    for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
        assert_int_equal(stuinfo_report_clear(f->rep), STUINFO_OK);
        assert_int_equal(stuinfo_student_set(f->st, STUINFO_FIELD_NAME, v[i].s, v[i].n, f->rep),
                         v[i].st);
        assert_int_equal(stuinfo_ctx_last_status(f->ctx), v[i].st);
        assert_true(has(f->rep, v[i].rule, "name"));
        assert_string_equal(get(f, STUINFO_FIELD_NAME), "王五");     /* unchanged */
        /* The message names the field, never the value. */
        assert_null(strstr(stuinfo_ctx_last_message(f->ctx), "张"));
    }
    /* The same through a family member path. */
    assert_int_equal(stuinfo_student_family_add(f->st, NULL), STUINFO_OK);
    assert_int_equal(stuinfo_student_set_path(f->st, "family[0].phone", S("1\0002"), f->rep),
                     STUINFO_ERR_ENCODING);
    assert_true(has(f->rep, "student.nul", "family[0].phone"));
}

static void
test_lengths_body(struct fixture *f);

static void
test_lengths(void **state)
{
    struct fixture *f;

    setup(state);
    f = *state;
    test_lengths_body(f);
    teardown(state);
}

static void
test_lengths_body(struct fixture *f)
{
    char *big = malloc(1 << 20);
    char name[256];
    size_t n = 0;

    /* 25 Han characters including a supplementary-plane one (𠮷) fit. */
    for (int i = 0; i < 24; i++) {
        memcpy(name + n, "张", 3);
        n += 3;
    }
    memcpy(name + n, "\xF0\xA0\xAE\xB7", 4);
    n += 4;
    assert_int_equal(stuinfo_student_set(f->st, STUINFO_FIELD_NAME, name, n, f->rep),
                     STUINFO_OK);
    /* 50 characters fit, 51 do not. */
    memset(name, 'A', 51);
    assert_int_equal(stuinfo_student_set(f->st, STUINFO_FIELD_NAME, name, 50, f->rep),
                     STUINFO_OK);
    assert_int_equal(stuinfo_student_set(f->st, STUINFO_FIELD_NAME, name, 51, f->rep),
                     STUINFO_ERR_TOO_LONG);
    assert_true(has(f->rep, "student.too_long", "name"));
    /* A 1 MB string is refused before anything else reads it. */
    assert_non_null(big);
    memset(big, 'a', 1 << 20);
    assert_int_equal(stuinfo_student_set(f->st, STUINFO_FIELD_SPECIALTY, big, 1 << 20, f->rep),
                     STUINFO_ERR_TOO_LONG);
    assert_true(has(f->rep, "student.input_too_long", "specialty"));
    free(big);
}

static void
test_folding_body(struct fixture *f);

static void
test_folding(void **state)
{
    struct fixture *f;

    setup(state);
    f = *state;
    test_folding_body(f);
    teardown(state);
}

static void
test_folding_body(struct fixture *f)
{

    /* ID numbers: full width to ASCII, upper case, spaces removed, each with a note. */
    assert_int_equal(stuinfo_student_set(f->st, STUINFO_FIELD_ID_DOC_NO,
                                         S(" １１０１０５２０１５０３０７１２３ｘ "), f->rep),
                     STUINFO_OK);
    assert_string_equal(get(f, STUINFO_FIELD_ID_DOC_NO), "11010520150307123X");
    assert_true(has(f->rep, "student.trimmed", "id_doc_no"));
    assert_true(has(f->rep, "student.width_folded", "id_doc_no"));
    assert_true(has(f->rep, "student.upper_cased", "id_doc_no"));
    assert_int_equal(stuinfo_student_set(f->st, STUINFO_FIELD_MOBILE, S("138 0013 8000"),
                                         f->rep), STUINFO_OK);
    assert_string_equal(get(f, STUINFO_FIELD_MOBILE), "13800138000");
    assert_true(has(f->rep, "student.spaces_removed", "mobile"));
    /* An already canonical value gives no note. */
    assert_int_equal(stuinfo_report_clear(f->rep), STUINFO_OK);
    assert_int_equal(stuinfo_student_set(f->st, STUINFO_FIELD_ID_DOC_NO,
                                         S("11010520150307123X"), f->rep), STUINFO_OK);
    assert_int_equal(stuinfo_report_count(f->rep), 0);
    /* Dates, months, flags, codes by name. */
    assert_int_equal(stuinfo_student_set(f->st, STUINFO_FIELD_BIRTH_DATE, S("2015年3月7日"),
                                         f->rep), STUINFO_OK);
    assert_string_equal(get(f, STUINFO_FIELD_BIRTH_DATE), "2015-03-07");
    assert_true(has(f->rep, "student.reformatted", "birth_date"));
    assert_int_equal(stuinfo_student_set(f->st, STUINFO_FIELD_BIRTH_DATE, S("２０１５０３０７"),
                                         f->rep), STUINFO_OK);
    assert_string_equal(get(f, STUINFO_FIELD_BIRTH_DATE), "2015-03-07");
    assert_int_equal(stuinfo_student_set(f->st, STUINFO_FIELD_ENROL_MONTH, S("2021/9"),
                                         f->rep), STUINFO_OK);
    assert_string_equal(get(f, STUINFO_FIELD_ENROL_MONTH), "2021-09");
    assert_int_equal(stuinfo_student_set(f->st, STUINFO_FIELD_ONLY_CHILD, S("是"), f->rep),
                     STUINFO_OK);
    assert_string_equal(get(f, STUINFO_FIELD_ONLY_CHILD), "1");
    assert_int_equal(stuinfo_student_set(f->st, STUINFO_FIELD_ATTENDANCE_MODE, S("住校"),
                                         f->rep), STUINFO_OK);
    assert_string_equal(get(f, STUINFO_FIELD_ATTENDANCE_MODE), "2");
    assert_true(has(f->rep, "student.code_from_name", "attendance_mode"));
    /* 其他 is both 12 and 99 in 入学方式: kept as given, never guessed. */
    assert_int_equal(stuinfo_student_set(f->st, STUINFO_FIELD_ENROL_MODE, S("其他"), f->rep),
                     STUINFO_OK);
    assert_string_equal(get(f, STUINFO_FIELD_ENROL_MODE), "其他");
    /* History end: 至今 is "present". */
    assert_int_equal(stuinfo_student_history_add(f->st, NULL), STUINFO_OK);
    assert_int_equal(stuinfo_student_set_path(f->st, "history[0].end", S("至今"), f->rep),
                     STUINFO_OK);
    assert_true(has(f->rep, "student.reformatted", "history[0].end"));
    /* Address: full-width digits folded, Han kept. */
    assert_int_equal(stuinfo_student_set(f->st, STUINFO_FIELD_HOME_ADDRESS,
                                         S("北京市海淀区１号"), f->rep), STUINFO_OK);
    assert_string_equal(get(f, STUINFO_FIELD_HOME_ADDRESS), "北京市海淀区1号");
}

static void
test_names_body(struct fixture *f);

static void
test_names(void **state)
{
    struct fixture *f;

    setup(state);
    f = *state;
    test_names_body(f);
    teardown(state);
}

static void
test_names_body(struct fixture *f)
{
    const char *key = NULL;
    size_t n = 0;

    /* A compatibility ideograph is kept exactly (NFC would give U+8C48). */
    assert_int_equal(stuinfo_student_set(f->st, STUINFO_FIELD_NAME, S("\xEF\xA4\x80三"),
                                         f->rep), STUINFO_OK);
    assert_string_equal(get(f, STUINFO_FIELD_NAME), "\xEF\xA4\x80三");
    assert_int_equal(stuinfo_student_name_key(f->st, &key, &n), STUINFO_OK);
    assert_string_equal(key, "\xE8\xB1\x88三");
    /* Full-width letters in a name are not folded. */
    assert_int_equal(stuinfo_student_set(f->st, STUINFO_FIELD_NAME, S("Ａ"), f->rep),
                     STUINFO_OK);
    assert_string_equal(get(f, STUINFO_FIELD_NAME), "Ａ");
    /* Middle-dot variants become U+00B7, with a note. */
    assert_int_equal(stuinfo_report_clear(f->rep), STUINFO_OK);
    assert_int_equal(stuinfo_student_set(f->st, STUINFO_FIELD_NAME, S("阿依古丽・买买提"),
                                         f->rep), STUINFO_OK);
    assert_string_equal(get(f, STUINFO_FIELD_NAME), "阿依古丽·买买提");
    assert_true(has(f->rep, "student.dot_folded", "name"));
    assert_int_equal(stuinfo_student_set(f->st, STUINFO_FIELD_NAME, S("阿依古丽•买买提"),
                                         f->rep), STUINFO_OK);
    assert_string_equal(get(f, STUINFO_FIELD_NAME), "阿依古丽·买买提");
    /* Pinyin is generated while the field is empty, and the caller's value wins. */
    assert_int_equal(stuinfo_student_set(f->st, STUINFO_FIELD_NAME, S("张三"), f->rep),
                     STUINFO_OK);
    assert_string_equal(get(f, STUINFO_FIELD_NAME_PINYIN), "zhang san");
    assert_true(has(f->rep, "student.pinyin_generated", "name_pinyin"));
    assert_int_equal(stuinfo_student_set(f->st, STUINFO_FIELD_NAME_PINYIN, S("ZHANG San"),
                                         f->rep), STUINFO_OK);
    assert_int_equal(stuinfo_student_set(f->st, STUINFO_FIELD_NAME, S("李四"), f->rep),
                     STUINFO_OK);
    assert_string_equal(get(f, STUINFO_FIELD_NAME_PINYIN), "ZHANG San");
    /* Same key for the compatibility form and the unified form. */
    {
        stuinfo_student *b = NULL;
        const char *kb = NULL;

        assert_int_equal(stuinfo_student_new(f->ctx, &b), STUINFO_OK);
        assert_int_equal(stuinfo_student_set(f->st, STUINFO_FIELD_NAME, S("\xEF\xA4\x80 三"),
                                             NULL), STUINFO_OK);
        assert_int_equal(stuinfo_student_set(b, STUINFO_FIELD_NAME, S("\xE8\xB1\x88三"), NULL),
                         STUINFO_OK);
        assert_int_equal(stuinfo_student_name_key(f->st, &key, NULL), STUINFO_OK);
        assert_int_equal(stuinfo_student_name_key(b, &kb, NULL), STUINFO_OK);
        assert_string_equal(key, kb);
        stuinfo_student_free(b);
    }
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_encoding_refused),
        cmocka_unit_test(test_lengths),
        cmocka_unit_test(test_folding),
        cmocka_unit_test(test_names),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
