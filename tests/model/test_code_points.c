/* Characters named in messages (issue 9): U+ and four hex digits for the BMP, five or six
 * beyond it, never a leading zero past four (U+E0001, not U+0E0001). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "test_ctx.h"

#define S(x) x, sizeof(x) - 1

/* The message of the finding of @p rule in @p rep ("" if none). */
static const char *
message_of(const stuinfo_report *rep, const char *rule)
{
    for (size_t i = 0; i < stuinfo_report_count(rep); i++) {
        stuinfo_finding f = {.size = sizeof(f)};

        assert_int_equal(stuinfo_report_get(rep, i, &f), STUINFO_OK);
        if (strcmp(f.rule, rule) == 0)
            return f.message;
    }
    return "";
}

/* A forbidden character refused by the setter. */
static void
test_forbidden_on_set(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_student *st = NULL;
    stuinfo_report *rep = NULL;

    (void)state;
    assert_int_equal(stuinfo_student_new(ctx, &st), STUINFO_OK);
    assert_int_equal(stuinfo_report_new(ctx, &rep), STUINFO_OK);
    /* 张 + U+E0001 LANGUAGE TAG */
    assert_int_equal(stuinfo_student_set(st, STUINFO_FIELD_NAME,
                                         S("\xE5\xBC\xA0\xF3\xA0\x80\x81"), rep),
                     STUINFO_ERR_INVALID);
    assert_non_null(strstr(message_of(rep, "student.forbidden_char"), "(U+E0001)"));
    /* 张 + U+202E RIGHT-TO-LEFT OVERRIDE: four digits */
    assert_int_equal(stuinfo_student_set(st, STUINFO_FIELD_NAME, S("\xE5\xBC\xA0\xE2\x80\xAE"),
                                         rep),
                     STUINFO_ERR_INVALID);
    assert_int_equal(stuinfo_report_count(rep), 2);
    {
        stuinfo_finding f = {.size = sizeof(f)};

        assert_int_equal(stuinfo_report_get(rep, 1, &f), STUINFO_OK);
        assert_non_null(strstr(f.message, "(U+202E)"));
    }
    stuinfo_report_free(rep);
    stuinfo_student_free(st);
    stuinfo_ctx_free(ctx);
}

/* Characters a name may not hold, named by validation. */
static void
test_named_by_validation(void **state)
{
    static const struct {
        const char *name;
        const char *rule, *named;
    } cases[] = {
        {"\xE5\xBC\xA0\xF0\x9F\x98\x80", "student.name_chars", "U+1F600"},      /* 张😀 */
        {"\xE5\xBC\xA0\xF3\xB0\x80\x80", "student.name_private_use", "U+F0000"}, /* plane 15 */
        {"\xE5\xBC\xA0\xF4\x80\x80\x80", "student.name_private_use", "U+100000"},
        {"\xE5\xBC\xA0\xEE\x80\x80", "student.name_private_use", "U+E000"},
    };
    stuinfo_ctx *ctx = test_ctx_new();

    (void)state;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        stuinfo_student *st = NULL;
        stuinfo_report *rep = NULL;
        const char *m;

        assert_int_equal(stuinfo_student_new(ctx, &st), STUINFO_OK);
        assert_int_equal(stuinfo_report_new(ctx, &rep), STUINFO_OK);
        assert_int_equal(stuinfo_student_set(st, STUINFO_FIELD_NAME, cases[i].name,
                                             strlen(cases[i].name), NULL),
                         STUINFO_OK);
        (void)stuinfo_student_validate(st, NULL, rep);
        m = message_of(rep, cases[i].rule);
        if (strstr(m, cases[i].named) == NULL)
            fail_msg("case %zu: \"%s\" does not name %s", i, m, cases[i].named);
        /* and no longer form: the character is followed by the message's end or ')' */
        assert_null(strstr(m, "U+0"));
        stuinfo_report_free(rep);
        stuinfo_student_free(st);
    }
    stuinfo_ctx_free(ctx);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_forbidden_on_set),
        cmocka_unit_test(test_named_by_validation),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
