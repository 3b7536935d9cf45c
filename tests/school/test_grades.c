/* The class grade (年级) on set (issue 9): the forms rewritten to "小学2019级" with a note,
 * and the near misses kept as given (and refused by validation). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "helpers.h"

#define XX "\xE5\xB0\x8F\xE5\xAD\xA6"      /* 小学 */
#define CZ "\xE5\x88\x9D\xE4\xB8\xAD"      /* 初中 */
#define GZ "\xE9\xAB\x98\xE4\xB8\xAD"      /* 高中 */
#define JI "\xE7\xBA\xA7"                  /* 级 */
#define NIAN "\xE5\xB9\xB4"                /* 年 */

static const struct {
    const char *given, *stored;     /* stored NULL: kept as given */
} cases[] = {
    {XX "2019" JI, NULL},           /* already canonical: no note */
    {XX "2019", XX "2019" JI},
    {"2019" CZ, CZ "2019" JI},
    {"2019" JI GZ, GZ "2019" JI},
    {" " GZ " 2021 ", GZ "2021" JI},    /* spaces trimmed first */
    {XX "20#9", NULL},              /* not a year */
    {XX "1899", NULL},              /* out of range */
    {XX "2019" NIAN, NULL},         /* another suffix */
    {XX "201", NULL},               /* too short for a year */
    {"2019" JI "#" XX, NULL},       /* something between */
    {"2019" "\xE5\xA4\xA7\xE5\xAD\xA6", NULL},      /* 大学: not a stage */
    {"\xE4\xB8\x89\xE5\xB9\xB4\xE7\xBA\xA7", NULL}, /* 三年级 */
};

static void
test_grade_forms(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_report *rep = NULL, *check = NULL;
    stuinfo_class *c = NULL;

    (void)state;
    assert_int_equal(stuinfo_report_new(ctx, &rep), STUINFO_OK);
    assert_int_equal(stuinfo_report_new(ctx, &check), STUINFO_OK);
    assert_int_equal(stuinfo_class_new(ctx, &c), STUINFO_OK);
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        const char *t = NULL;
        const char *want = cases[i].stored;
        bool rewritten = want != NULL;

        assert_int_equal(stuinfo_report_clear(rep), STUINFO_OK);
        assert_int_equal(stuinfo_report_clear(check), STUINFO_OK);
        assert_int_equal(stuinfo_class_set(c, STUINFO_CLASS_GRADE, cases[i].given,
                                           strlen(cases[i].given), rep),
                         STUINFO_OK);
        assert_int_equal(stuinfo_class_get(c, STUINFO_CLASS_GRADE, &t, NULL), STUINFO_OK);
        if (want == NULL)
            want = cases[i].given;
        if (strcmp(t, want) != 0)
            fail_msg("case %zu: stored \"%s\", expected \"%s\"", i, t, want);
        assert_int_equal(has_finding(rep, "school.grade_rewritten", "grade"), rewritten);
        /* a canonical grade validates; the others are named by validation */
        assert_int_equal(stuinfo_class_validate(c, check), STUINFO_OK);
        assert_int_equal(has_finding(check, "school.grade_format", "grade"),
                         !rewritten && i != 0);
    }
    stuinfo_class_free(c);
    stuinfo_report_free(check);
    stuinfo_report_free(rep);
    stuinfo_ctx_free(ctx);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_grade_forms),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
