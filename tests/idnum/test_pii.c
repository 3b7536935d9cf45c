/*
 * Verification allocates nothing (every allocation fails and nothing notices), and no
 * message or finding the library produces holds a number: no run of more than six
 * digits (an address code) and never the birth date.
 */
#include <ctype.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "test_ctx.h"

static const char *const inputs[] = {
    "11010519491231002X", "11010519491231002x", "110105194912310021", "110105491231002",
    "110105194902300020", "110105209912310029", "990105194912310023", "811234199001010014",
    "KAZ110090123105", "KAZ110090123107", "KAA110090123105", "911398199012310022",
    "43041920100101001X", "440524188001010014", "110105194912310000", "1.10105E+17",
    " '11010519491231002X ", "11010519491231002\xe2\x85\xa9", "1101051949123100",
    "\xef\xbc\x91\xef\xbc\x91\xef\xbc\x90\xef\xbc\x91\xef\xbc\x90\xef\xbc\x95\xef\xbc\x91"
    "\xef\xbc\x99\xef\xbc\x94\xef\xbc\x99\xef\xbc\x91\xef\xbc\x92\xef\xbc\x93\xef\xbc\x91"
    "\xef\xbc\x90\xef\xbc\x90\xef\xbc\x92\xef\xbc\xb8",
};

static void
assert_no_number(const char *msg)
{
    size_t run = 0;

    for (const char *p = msg; *p != '\0'; p++) {
        run = isdigit((unsigned char)*p) ? run + 1 : 0;
        if (run > 6)
            fail_msg("message holds a long digit run: %s", msg);
    }
    assert_null(strstr(msg, "19491231"));
    assert_null(strstr(msg, "491231"));
}

static void
test_no_allocation(void **state)
{
    test_faults faults = {0};
    stuinfo_ctx *ctx = test_ctx_new_faulty(&faults);
    const char *col[sizeof(inputs) / sizeof(inputs[0])];
    size_t lens[sizeof(inputs) / sizeof(inputs[0])];
    int32_t reasons[sizeof(inputs) / sizeof(inputs[0])];
    char buf[40];

    (void)state;
    assert_int_equal(stuinfo_ctx_set_fixed_time(ctx, TEST_NOW), STUINFO_OK);
    /* From now on every allocation fails. */
    faults.fail_at = faults.count + 1;
    faults.fail_after = true;
    for (size_t i = 0; i < sizeof(inputs) / sizeof(inputs[0]); i++) {
        stuinfo_idnum_result r = {.size = sizeof(r)};
        size_t len = strlen(inputs[i]);
        stuinfo_status st = stuinfo_idnum_verify(ctx, inputs[i], len, &r);
        assert_true(st == STUINFO_OK || st == STUINFO_ERR_INVALID);
        st = stuinfo_idnum_student_no_verify(ctx, inputs[i], len, 1, &r);
        assert_true(st == STUINFO_OK || st == STUINFO_ERR_INVALID);
        st = stuinfo_idnum_upgrade(ctx, inputs[i], len, buf, sizeof(buf));
        assert_true(st == STUINFO_OK || st == STUINFO_ERR_INVALID);
        assert_int_equal(stuinfo_idnum_mask(ctx, inputs[i], len, NULL, buf, sizeof(buf), NULL),
                         STUINFO_OK);
        col[i] = inputs[i];
        lens[i] = len;
    }
    assert_int_equal(stuinfo_idnum_verify_batch(ctx, col, lens, sizeof(inputs) / sizeof(inputs[0]),
                                                reasons, NULL),
                     STUINFO_OK);
    assert_false(faults.injected);
    faults.fail_at = 0;
    stuinfo_ctx_free(ctx);
}

static void
test_messages_hold_no_number(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_report *rep = NULL;
    stuinfo_finding f = {.size = sizeof(f)};
    char buf[40];

    (void)state;
    assert_int_equal(stuinfo_report_new(ctx, &rep), STUINFO_OK);
    for (int lang = 0; lang < 2; lang++) {
        stuinfo_ctx_set_lang(ctx, lang);
        for (size_t i = 0; i < sizeof(inputs) / sizeof(inputs[0]); i++) {
            stuinfo_idnum_result r = {.size = sizeof(r)};
            size_t len = strlen(inputs[i]);
            stuinfo_idnum_check(ctx, inputs[i], len, "id_no", rep, &r);
            assert_no_number(stuinfo_ctx_last_message(ctx));
            stuinfo_idnum_student_no_verify(ctx, inputs[i], len, 0, &r);
            assert_no_number(stuinfo_ctx_last_message(ctx));
            stuinfo_idnum_downgrade(ctx, inputs[i], len, buf, sizeof(buf));
            assert_no_number(stuinfo_ctx_last_message(ctx));
            stuinfo_idnum_mask(ctx, inputs[i], len, NULL, buf, sizeof(buf), NULL);
            assert_no_number(buf);
        }
        for (size_t i = 0; i < stuinfo_report_count(rep); i++) {
            assert_int_equal(stuinfo_report_get(rep, i, &f), STUINFO_OK);
            assert_no_number(f.message);
        }
        stuinfo_report_clear(rep);
    }
    stuinfo_report_free(rep);
    stuinfo_ctx_free(ctx);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_no_allocation),
        cmocka_unit_test(test_messages_hold_no_number),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
