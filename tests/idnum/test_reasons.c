/* Every reason of stuinfo_idnum_reason is reachable, every normalization is noted, and
 * stuinfo_idnum_check() reports further findings. Messages never hold the number. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "test_ctx.h"

struct reason_case {
    const char *input;
    size_t len;                 /* 0: strlen */
    int32_t reason;
    int32_t position;           /* -1: not checked */
};

static const struct reason_case cases[] = {
    {"", 0, STUINFO_IDNUM_ERR_EMPTY, -1},
    {"   ", 0, STUINFO_IDNUM_ERR_EMPTY, -1},
    {"'", 0, STUINFO_IDNUM_ERR_EMPTY, -1},
    {"12345", 0, STUINFO_IDNUM_ERR_LENGTH, -1},
    {"G11010519491231002X", 0, STUINFO_IDNUM_ERR_LENGTH, -1},
    {"11010519491231002Y", 0, STUINFO_IDNUM_ERR_CHARACTER, 18},
    {"1101051949A231002X", 0, STUINFO_IDNUM_ERR_CHARACTER, 11},
    {"110105 19491231002", 0, STUINFO_IDNUM_ERR_CHARACTER, 7},
    {"X10105194912310021", 0, STUINFO_IDNUM_ERR_CHARACTER, 1},
    {"11010519491231002\xe2\x80\x8b", 0, STUINFO_IDNUM_ERR_CHARACTER, 18},   /* ZWSP */
    {"11010549123100X", 0, STUINFO_IDNUM_ERR_CHARACTER, 15},
    {"K1Z110090123105", 0, STUINFO_IDNUM_ERR_CHARACTER, 2},
    {"110105194912310021", 0, STUINFO_IDNUM_ERR_CHECK_CHAR, -1},
    {"KAZ110090123107", 0, STUINFO_IDNUM_ERR_CHECK_CHAR, -1},
    {"110105194902300020", 0, STUINFO_IDNUM_ERR_DATE, -1},
    {"110105491301002", 0, STUINFO_IDNUM_ERR_DATE, -1},
    {"KAZ110090133108", 0, STUINFO_IDNUM_ERR_DATE, -1},
    {"110105209912310029", 0, STUINFO_IDNUM_ERR_FUTURE_DATE, -1},
    {"110105202609020019", 0, STUINFO_IDNUM_ERR_FUTURE_DATE, -1},
    {"110105179912310016", 0, STUINFO_IDNUM_ERR_TOO_EARLY, -1},
    {"990105194912310023", 0, STUINFO_IDNUM_ERR_PROVINCE, -1},
    {"02010519491231001X", 0, STUINFO_IDNUM_ERR_PROVINCE, -1},
    {"999398199012310023", 0, STUINFO_IDNUM_ERR_PROVINCE, -1},
    {"811234199001010014", 0, STUINFO_IDNUM_ERR_ADDRESS_KIND, -1},
    {"831234199001010018", 0, STUINFO_IDNUM_ERR_ADDRESS_KIND, -1},
    {"810000900101001", 0, STUINFO_IDNUM_ERR_ADDRESS_KIND, -1},
    {"971398199012310022", 0, STUINFO_IDNUM_ERR_ADDRESS_KIND, -1},
    {"981398199012310024", 0, STUINFO_IDNUM_ERR_ADDRESS_KIND, -1},
    {"KAZ810090123104", 0, STUINFO_IDNUM_ERR_ADDRESS_KIND, -1},
    {"91100019901231002X", 0, STUINFO_IDNUM_ERR_NATIONALITY, -1},
    {"1.10105E+17", 0, STUINFO_IDNUM_ERR_SCIENTIFIC, -1},
    {" 4,40524e17 ", 0, STUINFO_IDNUM_ERR_SCIENTIFIC, -1},
    {"\xff" "10105194912310021", 0, STUINFO_IDNUM_ERR_ENCODING, -1},
    {"1101051949\0" "1231002X", 18, STUINFO_IDNUM_ERR_ENCODING, -1},
};

static void
test_every_reason(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    bool seen[STUINFO_IDNUM_ERR_PREFIX + 1] = {false};
    char big[300];

    (void)state;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        const struct reason_case *c = &cases[i];
        stuinfo_idnum_result r = {.size = sizeof(r)};
        size_t len = c->len != 0 ? c->len : strlen(c->input);

        print_message("case %zu\n", i);
        assert_int_equal(stuinfo_idnum_verify(ctx, c->input, len, &r), STUINFO_ERR_INVALID);
        assert_int_equal(r.reason, c->reason);
        if (c->position >= 0)
            assert_int_equal(r.position, c->position);
        assert_string_equal(r.normalized, c->reason == STUINFO_IDNUM_ERR_CHARACTER
                                                  || c->reason <= STUINFO_IDNUM_ERR_LENGTH
                                                  || c->reason >= STUINFO_IDNUM_ERR_SCIENTIFIC
                                              ? "" : r.normalized);
        assert_true(strlen(stuinfo_ctx_last_message(ctx)) > 0);
        seen[c->reason] = true;
    }
    memset(big, ' ', sizeof(big));
    {
        stuinfo_idnum_result r = {.size = sizeof(r)};
        assert_int_equal(stuinfo_idnum_verify(ctx, big, sizeof(big), &r), STUINFO_ERR_INVALID);
        assert_int_equal(r.reason, STUINFO_IDNUM_ERR_TOO_LONG);
        seen[r.reason] = true;
        assert_int_equal(stuinfo_idnum_student_no_verify(ctx, "X11010519491231002X", 19, 0, &r),
                         STUINFO_ERR_INVALID);
        assert_int_equal(r.reason, STUINFO_IDNUM_ERR_PREFIX);
        seen[r.reason] = true;
    }
    for (int i = 1; i <= STUINFO_IDNUM_ERR_PREFIX; i++) {
        print_message("reason %d\n", i);
        assert_true(seen[i]);
        assert_string_not_equal(stuinfo_idnum_reason_rule(i), "unknown");
    }
    assert_string_equal(stuinfo_idnum_reason_rule(STUINFO_IDNUM_ERR_CHECK_CHAR),
                        "idnum.check_char");
    assert_string_equal(stuinfo_idnum_reason_rule(99), "unknown");
    stuinfo_ctx_free(ctx);
}

static void
test_messages(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_idnum_result r = {.size = sizeof(r)};

    (void)state;
    stuinfo_idnum_verify(ctx, "110105194912310021", 18, &r);
    assert_string_equal(stuinfo_ctx_last_message(ctx), "wrong check character; expected X");
    stuinfo_idnum_verify(ctx, "1101051949A231002X", 18, &r);
    assert_string_equal(stuinfo_ctx_last_message(ctx), "character 11 is not allowed there");
    stuinfo_idnum_verify(ctx, "12345", 5, &r);
    assert_string_equal(stuinfo_ctx_last_message(ctx),
                        "the number is 5 characters long; expected 15/18");
    stuinfo_idnum_verify(ctx, "990105194912310023", 18, &r);
    assert_string_equal(stuinfo_ctx_last_message(ctx), "90 is no province code");
    stuinfo_idnum_verify(ctx, "02010519491231001X", 18, &r);
    assert_string_equal(stuinfo_ctx_last_message(ctx), "02 is no province code");
    assert_int_equal(stuinfo_ctx_set_lang(ctx, STUINFO_LANG_ZH_CN), STUINFO_OK);
    stuinfo_idnum_verify(ctx, "110105194912310021", 18, &r);
    assert_string_equal(stuinfo_ctx_last_message(ctx), "校验码错误，应为 X");
    assert_int_equal(stuinfo_idnum_verify(ctx, "11010519491231002X", 18, &r), STUINFO_OK);
    assert_string_equal(stuinfo_ctx_last_message(ctx), "");
    stuinfo_ctx_free(ctx);
}

struct norm_case {
    const char *input;
    uint32_t flags;
};

static const struct norm_case norm_cases[] = {
    {"  11010519491231002X\t", STUINFO_IDNUM_FLAG_TRIMMED},
    {"'11010519491231002X", STUINFO_IDNUM_FLAG_APOSTROPHE},
    {"11010519491231002x", STUINFO_IDNUM_FLAG_LOWER_CASE},
    {"11010519491231002\xef\xbd\x98", STUINFO_IDNUM_FLAG_FULLWIDTH | STUINFO_IDNUM_FLAG_LOWER_CASE},
    {"\xe3\x80\x80" "11010519491231002X\xe3\x80\x80", STUINFO_IDNUM_FLAG_TRIMMED},
    /* U+2169 ROMAN NUMERAL TEN, typed from a Chinese IME for X: folded by NFKC. */
    {"11010519491231002\xe2\x85\xa9", STUINFO_IDNUM_FLAG_FULLWIDTH},
    {"\xc2\xa0'11010519491231002x ", STUINFO_IDNUM_FLAG_TRIMMED | STUINFO_IDNUM_FLAG_APOSTROPHE
                                     | STUINFO_IDNUM_FLAG_LOWER_CASE},
};

static void
test_normalization(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();

    (void)state;
    for (size_t i = 0; i < sizeof(norm_cases) / sizeof(norm_cases[0]); i++) {
        stuinfo_idnum_result r = {.size = sizeof(r)};
        print_message("norm %zu\n", i);
        assert_int_equal(stuinfo_idnum_verify(ctx, norm_cases[i].input,
                                              strlen(norm_cases[i].input), &r),
                         STUINFO_OK);
        assert_string_equal(r.normalized, "11010519491231002X");
        assert_int_equal(r.flags & ~(uint32_t)STUINFO_IDNUM_FLAG_ADDRESS_UNCHECKED,
                         norm_cases[i].flags);
    }
    stuinfo_ctx_free(ctx);
}

static bool
has_rule(stuinfo_report *rep, const char *rule, int32_t severity)
{
    stuinfo_finding f = {.size = sizeof(f)};

    for (size_t i = 0; i < stuinfo_report_count(rep); i++) {
        assert_int_equal(stuinfo_report_get(rep, i, &f), STUINFO_OK);
        assert_null(strstr(f.message, "1949"));
        if (strcmp(f.rule, rule) == 0 && f.severity == severity)
            return true;
    }
    return false;
}

static void
test_check_report(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_report *rep = NULL;
    stuinfo_idnum_result r = {.size = sizeof(r)};
    const char *rounded = "110105194912310000";

    (void)state;
    assert_int_equal(stuinfo_report_new(ctx, &rep), STUINFO_OK);
    assert_int_equal(stuinfo_idnum_check(ctx, "  11010519491231002x", 20, "id_no", rep, &r),
                     STUINFO_OK);
    assert_true(has_rule(rep, "idnum.trimmed", STUINFO_SEVERITY_NOTE));
    assert_true(has_rule(rep, "idnum.lower_case", STUINFO_SEVERITY_NOTE));
    stuinfo_report_clear(rep);

    /* Wrong check character and an impossible date: both reported, check first. */
    assert_int_equal(stuinfo_idnum_check(ctx, "110105194902300021", 18, "id_no", rep, NULL),
                     STUINFO_ERR_INVALID);
    assert_true(has_rule(rep, "idnum.check_char", STUINFO_SEVERITY_ERROR));
    assert_true(has_rule(rep, "idnum.date_impossible", STUINFO_SEVERITY_ERROR));
    stuinfo_report_clear(rep);

    assert_int_equal(stuinfo_idnum_check(ctx, rounded, 18, "id_no", rep, &r),
                     STUINFO_ERR_INVALID);
    assert_int_equal(r.reason, STUINFO_IDNUM_ERR_CHECK_CHAR);
    assert_true(r.flags & STUINFO_IDNUM_FLAG_ROUNDED);
    assert_true(has_rule(rep, "idnum.rounded", STUINFO_SEVERITY_WARNING));
    stuinfo_report_clear(rep);

    assert_int_equal(stuinfo_idnum_check(ctx, "110105491231002", 15, NULL, rep, &r), STUINFO_OK);
    assert_true(has_rule(rep, "idnum.legacy_15", STUINFO_SEVERITY_NOTE));
    stuinfo_report_clear(rep);

    assert_int_equal(stuinfo_idnum_check(ctx, "710000194912310024", 18, NULL, rep, &r),
                     STUINFO_OK);
    assert_true(has_rule(rep, "idnum.address_taiwan", STUINFO_SEVERITY_WARNING));
    assert_int_equal(stuinfo_idnum_check(NULL, "1", 1, NULL, rep, &r),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_idnum_check(ctx, "1", 1, NULL, NULL, &r),
                     STUINFO_ERR_INVALID_ARGUMENT);
    stuinfo_report_free(rep);
    stuinfo_ctx_free(ctx);
}

static void
test_arguments(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_idnum_result r = {.size = sizeof(r)};
    const char *col[3] = {"11010519491231002X", NULL, "110105194912310021"};
    size_t lens[3] = {18, 5, 18}, valid = 9;
    int32_t reasons[3];

    (void)state;
    assert_int_equal(stuinfo_idnum_verify(NULL, "1", 1, &r), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_idnum_verify(ctx, "1", 1, NULL), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_idnum_verify(ctx, NULL, 3, &r), STUINFO_ERR_INVALID_ARGUMENT);
    r.size = 8;
    assert_int_equal(stuinfo_idnum_verify(ctx, "1", 1, &r), STUINFO_ERR_INVALID_ARGUMENT);
    r.size = sizeof(r);
    assert_int_equal(stuinfo_idnum_verify(ctx, NULL, 0, &r), STUINFO_ERR_INVALID);
    assert_int_equal(r.reason, STUINFO_IDNUM_ERR_EMPTY);

    assert_int_equal(stuinfo_idnum_verify_batch(ctx, col, lens, 3, reasons, &valid), STUINFO_OK);
    assert_int_equal(valid, 1);
    assert_int_equal(reasons[0], STUINFO_IDNUM_VALID);
    assert_int_equal(reasons[1], STUINFO_IDNUM_ERR_EMPTY);
    assert_int_equal(reasons[2], STUINFO_IDNUM_ERR_CHECK_CHAR);
    assert_int_equal(stuinfo_idnum_verify_batch(ctx, NULL, lens, 3, reasons, &valid),
                     STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_idnum_verify_batch(ctx, NULL, NULL, 0, NULL, NULL), STUINFO_OK);
    assert_int_equal(stuinfo_idnum_verify_batch(NULL, col, lens, 3, reasons, NULL),
                     STUINFO_ERR_INVALID_ARGUMENT);
    stuinfo_ctx_free(ctx);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_reason),
        cmocka_unit_test(test_messages),
        cmocka_unit_test(test_normalization),
        cmocka_unit_test(test_check_report),
        cmocka_unit_test(test_arguments),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
