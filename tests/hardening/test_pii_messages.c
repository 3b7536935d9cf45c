/*
 * Personal data in produced text (issue 9, reliability.md §7 G8): an ID number given
 * to every API that takes text - in every record field, as a JSON key and value, in
 * every malformed variant the idnum layer knows, to the code tables - must never come
 * back unmasked in a ctx message, a finding's message or field path, or report JSON.
 * Every text produced is scanned right after the call that produced it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "test_ctx.h"
#include "pii_scan.h"

#define ID18 "11010519491231002X"
#define ID18_CHILD "110105201503071235"

static unsigned long scanned;

static void
scan(const char *what, const char *text)
{
    if (text == NULL)
        return;
    scanned++;
    if (pii_scan_find_id(text, strlen(text)) != NULL)
        fail_msg("%s produced an unmasked ID number: %s", what, text);
}

static void
scan_ctx(stuinfo_ctx *ctx, const char *what)
{
    scan(what, stuinfo_ctx_last_message(ctx));
}

static void
scan_report(stuinfo_report *rep, const char *what)
{
    const char *json = NULL;
    size_t len = 0;

    for (size_t i = 0; i < stuinfo_report_count(rep); i++) {
        stuinfo_finding f;

        memset(&f, 0, sizeof(f));
        f.size = sizeof(f);
        assert_int_equal(stuinfo_report_get(rep, i, &f), STUINFO_OK);
        scan(what, f.message);
        scan(what, f.field);
    }
    assert_int_equal(stuinfo_report_to_json(rep, &json, &len), STUINFO_OK);
    scan(what, json);
}

/* The number in the variants people and spreadsheets produce, valid or not. */
static const char *const variants[] = {
    ID18, "11010519491231002x", " " ID18 " ", "'" ID18, "110105194912310021",
    "110105194913310029", "110105209912310024", "11010519491231002", "1101051949123100200",
    "990105194912310023", "G" ID18, "J" ID18, "1.10105E+17", "110105491231002",
    ID18 ID18, "\xEF\xBC\x91\xEF\xBC\x91" "0105194912310020X", ID18 "\xE2\x80\x8B",
    "\xE2\x80\xAE" ID18, "ID " ID18 " here", "110105-19491231-002X", ID18_CHILD,
};

static void
test_idnum(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_report *rep = NULL;

    (void)state;
    assert_int_equal(stuinfo_report_new(ctx, &rep), STUINFO_OK);
    for (size_t i = 0; i < sizeof(variants) / sizeof(variants[0]); i++) {
        const char *v = variants[i];
        stuinfo_idnum_result r;
        char buf[64];

        memset(&r, 0, sizeof(r));
        r.size = sizeof(r);
        stuinfo_idnum_verify(ctx, v, strlen(v), &r);
        scan_ctx(ctx, "stuinfo_idnum_verify");
        stuinfo_idnum_check(ctx, v, strlen(v), "id_doc_no", rep, NULL);
        scan_ctx(ctx, "stuinfo_idnum_check");
        r.size = sizeof(r);
        stuinfo_idnum_student_no_verify(ctx, v, strlen(v), 1, &r);
        scan_ctx(ctx, "stuinfo_idnum_student_no_verify");
        stuinfo_idnum_upgrade(ctx, v, strlen(v), buf, 4);      /* too small: an error */
        scan_ctx(ctx, "stuinfo_idnum_upgrade");
        stuinfo_idnum_student_no_make(ctx, v, strlen(v), buf, 4);
        scan_ctx(ctx, "stuinfo_idnum_student_no_make");
        stuinfo_idnum_mask(ctx, v, strlen(v), "9*9", buf, sizeof(buf), NULL);
        scan_ctx(ctx, "stuinfo_idnum_mask (bad pattern)");
        if (stuinfo_idnum_mask(ctx, v, strlen(v), NULL, buf, sizeof(buf), NULL) == STUINFO_OK)
            scan("stuinfo_idnum_mask output", buf);
    }
    scan_report(rep, "stuinfo_idnum_check findings");
    stuinfo_report_free(rep);
    stuinfo_ctx_free(ctx);
}

static void
test_codes(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();

    (void)state;
    for (size_t i = 0; i < sizeof(variants) / sizeof(variants[0]); i++) {
        stuinfo_code_entry e;
        stuinfo_region r;

        for (int32_t t = 0; t <= 16; t++) {
            memset(&e, 0, sizeof(e));
            e.size = sizeof(e);
            stuinfo_code_find_name(ctx, t, variants[i], strlen(variants[i]), &e);
            scan_ctx(ctx, "stuinfo_code_find_name");
            stuinfo_code_find(ctx, t, variants[i], strlen(variants[i]), &e);
            scan_ctx(ctx, "stuinfo_code_find");
        }
        memset(&r, 0, sizeof(r));
        r.size = sizeof(r);
        stuinfo_region_find(ctx, variants[i], strlen(variants[i]), &r);
        scan_ctx(ctx, "stuinfo_region_find");
    }
    stuinfo_ctx_free(ctx);
}

/* Every field of a record, and of a family member, set to each variant; validated. */
static void
test_student_fields(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();

    (void)state;
    for (size_t i = 0; i < sizeof(variants) / sizeof(variants[0]); i++) {
        stuinfo_student *st = NULL;
        stuinfo_report *rep = NULL;
        const char *v = variants[i];

        assert_int_equal(stuinfo_report_new(ctx, &rep), STUINFO_OK);
        assert_int_equal(stuinfo_student_new(ctx, &st), STUINFO_OK);
        assert_int_equal(stuinfo_student_family_add(st, NULL), STUINFO_OK);
        for (int32_t f = 1; stuinfo_field_key(f) != NULL; f++) {
            stuinfo_student_set(st, f, v, strlen(v), rep);
            scan_ctx(ctx, "stuinfo_student_set");
        }
        for (int32_t f = 1; stuinfo_family_field_key(f) != NULL; f++) {
            stuinfo_student_family_set(st, 0, f, v, strlen(v), rep);
            scan_ctx(ctx, "stuinfo_student_family_set");
        }
        stuinfo_student_set_path(st, v, v, strlen(v), rep);     /* the number as a path */
        scan_ctx(ctx, "stuinfo_student_set_path");
        assert_int_equal(stuinfo_student_validate(st, NULL, rep), STUINFO_OK);
        scan_ctx(ctx, "stuinfo_student_validate");
        scan_report(rep, "student set/validate findings");
        stuinfo_student_free(st);
        stuinfo_report_free(rep);
    }
    stuinfo_ctx_free(ctx);
}

/* JSON with the number as a value of each kind, as an unknown key, and broken. */
static void
test_student_json(void **state)
{
    static const char *const docs[] = {
        "{\"id_doc_no\": \"" ID18 "\", \"birth_date\": \"2015-01-01\", \"sex\": \"2\"}",
        "{\"" ID18 "\": \"x\"}",
        "{\"name\": \"" ID18 "\"}",
        "{\"id_doc_no\": " "110105194912310021" "}",
        "{\"family\": [{\"" ID18 "\": 1}]}",
        "{\"family\": [{\"id_doc_no\": [\"" ID18 "\"]}]}",
        "{\"id_doc_no\": \"" ID18 "\", }",
        "{\"id_doc_no\": \"" ID18 "\u202e\"}",
        "[\"" ID18 "\"]",
        ID18,
    };
    stuinfo_ctx *ctx = test_ctx_new();

    (void)state;
    for (size_t i = 0; i < sizeof(docs) / sizeof(docs[0]); i++) {
        stuinfo_student *st = NULL;
        stuinfo_report *rep = NULL;

        assert_int_equal(stuinfo_report_new(ctx, &rep), STUINFO_OK);
        stuinfo_student_from_json(ctx, docs[i], strlen(docs[i]), rep, &st);
        scan_ctx(ctx, "stuinfo_student_from_json");
        if (st != NULL) {
            stuinfo_student_validate(st, NULL, rep);
            scan_ctx(ctx, "stuinfo_student_validate");
        }
        scan_report(rep, "stuinfo_student_from_json findings");
        stuinfo_student_free(st);
        stuinfo_report_free(rep);
    }
    stuinfo_ctx_free(ctx);
}

static int
summary(void **state)
{
    (void)state;
    printf("pii scan: %lu produced texts scanned, no unmasked ID number\n", scanned);
    return 0;
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_idnum),
        cmocka_unit_test(test_codes),
        cmocka_unit_test(test_student_fields),
        cmocka_unit_test(test_student_json),
    };
    return cmocka_run_group_tests(tests, NULL, summary);
}
