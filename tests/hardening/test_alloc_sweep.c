/*
 * Allocation-failure sweep over representative operations of every layer on main
 * (issue 9, reliability.md §7 G2). Each operation is run with allocation N failing,
 * for every N, once and from N on; see sweep.h for what every run must satisfy.
 * Layers add their operations here as they land.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "sweep.h"
#include "sample.h"
#include "core/core.h"
#include "core/report.h"

/* ---- ctx ------------------------------------------------------------------------ */

static void
test_ctx_new(void **state)
{
    (void)state;
    sweep_stats s = sweep_ctx_new();
    assert_true(s.points >= 2);         /* the ctx and its text services */
}

/* ---- reports -------------------------------------------------------------------- */

static stuinfo_status
op_report_new(stuinfo_ctx *ctx, void *fixture)
{
    stuinfo_report **out = fixture;
    return stuinfo_report_new(ctx, out);
}

static void *
setup_slot(stuinfo_ctx *ctx)
{
    (void)ctx;
    return test_calloc(1, sizeof(stuinfo_report *));
}

static void
teardown_slot(stuinfo_ctx *ctx, void *fixture)
{
    stuinfo_report **slot = fixture;

    (void)ctx;
    stuinfo_report_free(*slot);
    test_free(slot);
}

static void
check_slot_null(stuinfo_ctx *ctx, void *fixture)
{
    (void)ctx;
    assert_null(*(stuinfo_report **)fixture);   /* *out is NULL after a failure */
}

/* A report already holding a few findings, as a validation would leave it. */
static void *
setup_report(stuinfo_ctx *ctx)
{
    stuinfo_report *r = NULL;

    assert_int_equal(stuinfo_report_new(ctx, &r), STUINFO_OK);
    core_report_set_row(r, 3);
    assert_int_equal(core_report_add(r, RULE_TEXT_INVALID_UTF8, "name", "7", NULL),
                     STUINFO_OK);
    assert_int_equal(core_report_add(r, RULE_TEXT_NUL, "family[1].phone", "2", NULL),
                     STUINFO_OK);
    return r;
}

static void
teardown_report(stuinfo_ctx *ctx, void *fixture)
{
    (void)ctx;
    stuinfo_report_free(fixture);
}

/* A report whose finding array is full (8 findings): the next add must grow it. */
static void *
setup_full_report(stuinfo_ctx *ctx)
{
    stuinfo_report *r = setup_report(ctx);

    for (int i = 0; i < 6; i++)
        assert_int_equal(core_report_add(r, RULE_TEXT_TOO_LONG, "address", "50", NULL),
                         STUINFO_OK);
    return r;
}

/* One call: a failed add must leave the report exactly as it was. */
static stuinfo_status
op_report_add(stuinfo_ctx *ctx, void *fixture)
{
    (void)ctx;
    return core_report_add(fixture, RULE_TEXT_TOO_LONG, "family[2].name", "50", "x");
}

static stuinfo_status
op_report_to_json(stuinfo_ctx *ctx, void *fixture)
{
    const char *json = NULL;
    size_t len = 0;

    (void)ctx;
    return stuinfo_report_to_json(fixture, &json, &len);
}

/* After a failure the report still takes findings, renders and clears. */
static void
check_report_usable(stuinfo_ctx *ctx, void *fixture)
{
    stuinfo_report *r = fixture;
    size_t before = stuinfo_report_count(r);
    const char *json = NULL;
    size_t len = 0;
    stuinfo_finding f;

    (void)ctx;
    assert_true(before >= 2);
    memset(&f, 0, sizeof(f));
    f.size = sizeof(f);
    assert_int_equal(stuinfo_report_get(r, 0, &f), STUINFO_OK);
    assert_string_equal(f.rule, "text.invalid_utf8");
    assert_int_equal(core_report_add(r, RULE_TEXT_NUL, "x", "1", NULL), STUINFO_OK);
    assert_int_equal(stuinfo_report_count(r), before + 1);
    assert_int_equal(stuinfo_report_to_json(r, &json, &len), STUINFO_OK);
    assert_non_null(strstr(json, "\"text.nul\""));
    assert_int_equal(stuinfo_report_clear(r), STUINFO_OK);
    assert_int_equal(stuinfo_report_count(r), 0);
}

static void
test_reports(void **state)
{
    static const sweep_op ops[] = {
        {"report_new", setup_slot, op_report_new, check_slot_null, teardown_slot, false,
         NULL},
        {"report_add", setup_report, op_report_add, check_report_usable,
         teardown_report, false, NULL},
        {"report_add (grows)", setup_full_report, op_report_add, check_report_usable,
         teardown_report, false, NULL},
        {"report_to_json", setup_report, op_report_to_json, check_report_usable,
         teardown_report, false, NULL},
    };

    (void)state;
    for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
        sweep_stats s = sweep_run(&ops[i]);
        assert_true(s.points >= 1);
    }
}

/* ---- code tables: look-ups never allocate ----------------------------------------- */

static stuinfo_status
op_code_lookups(stuinfo_ctx *ctx, void *fixture)
{
    stuinfo_code_entry e;
    stuinfo_region r;
    stuinfo_status st;

    (void)fixture;
    memset(&e, 0, sizeof(e));
    e.size = sizeof(e);
    st = stuinfo_code_find_name(ctx, STUINFO_TABLE_ETHNICITY, "\xE6\xBC\xA2\xE6\x97\x8F",
                                6, &e);                         /* 漢族 */
    if (st != STUINFO_OK)
        return st;
    st = stuinfo_code_find(ctx, STUINFO_TABLE_NATIONALITY, "CHN", 3, &e);
    if (st != STUINFO_OK)
        return st;
    memset(&r, 0, sizeof(r));
    r.size = sizeof(r);
    return stuinfo_region_find(ctx, "110101", 6, &r);
}

static void
test_codes(void **state)
{
    static const sweep_op op = {"code look-ups", NULL, op_code_lookups, NULL, NULL, false,
                                NULL};

    (void)state;
    sweep_stats s = sweep_run(&op);
    assert_int_equal(s.points, 0);      /* documented: never allocates */
    assert_int_equal(s.allocations, 0);
}


/* ---- student records ------------------------------------------------------------ */

struct student_fx {
    stuinfo_student *st;        /* a filled record */
    stuinfo_report *rep;
    stuinfo_student *out;       /* what a successful run made */
    char *json;                 /* the sample as JSON (test memory) */
    size_t json_len;
};

static void *
setup_student(stuinfo_ctx *ctx)
{
    struct student_fx *fx = test_calloc(1, sizeof(*fx));
    const char *j;
    size_t n;

    assert_int_equal(stuinfo_student_new(ctx, &fx->st), STUINFO_OK);
    assert_int_equal(sample_fill(fx->st), STUINFO_OK);
    assert_int_equal(stuinfo_report_new(ctx, &fx->rep), STUINFO_OK);
    assert_int_equal(stuinfo_student_to_json(fx->st, &j, &n), STUINFO_OK);
    fx->json = test_malloc(n + 1);
    memcpy(fx->json, j, n + 1);
    fx->json_len = n;
    return fx;
}

static void
teardown_student(stuinfo_ctx *ctx, void *fixture)
{
    struct student_fx *fx = fixture;

    (void)ctx;
    stuinfo_student_free(fx->out);
    stuinfo_student_free(fx->st);
    stuinfo_report_free(fx->rep);
    test_free(fx->json);
    test_free(fx);
}

/* After a failure: the record is unchanged (same JSON) and still takes changes. */
static void
check_student_usable(stuinfo_ctx *ctx, void *fixture)
{
    struct student_fx *fx = fixture;
    const char *j;
    size_t n;

    (void)ctx;
    assert_null(fx->out);
    assert_int_equal(stuinfo_student_to_json(fx->st, &j, &n), STUINFO_OK);
    assert_int_equal(n, fx->json_len);
    assert_memory_equal(j, fx->json, n);
    assert_int_equal(stuinfo_student_set(fx->st, STUINFO_FIELD_NAME, "\xE6\x9D\x8E\xE5\x9B\x9B",
                                         6, fx->rep), STUINFO_OK);          /* 李四 */
}

static stuinfo_status
op_student_new(stuinfo_ctx *ctx, void *fixture)
{
    return stuinfo_student_new(ctx, &((struct student_fx *)fixture)->out);
}

static stuinfo_status
op_student_set_name(stuinfo_ctx *ctx, void *fixture)
{
    struct student_fx *fx = fixture;

    (void)ctx;
    /* middle-dot variant and surrounding space: canonicalized, with notes */
    return stuinfo_student_set(fx->st, STUINFO_FIELD_NAME,
                               " \xE9\x98\xBF\xE4\xBE\x9D\xE3\x83\xBB\xE5\x8F\xA4 ", 14,
                               fx->rep);
}

static stuinfo_status
op_student_set_id(stuinfo_ctx *ctx, void *fixture)
{
    struct student_fx *fx = fixture;

    (void)ctx;
    /* full-width digits: folded, with a note */
    return stuinfo_student_set_path(fx->st, "family[1].id_doc_no",
                                    "\xEF\xBC\x91\xEF\xBC\x91\xEF\xBC\x90" "105198202021221",
                                    24, fx->rep);
}

static stuinfo_status
op_student_clone(stuinfo_ctx *ctx, void *fixture)
{
    struct student_fx *fx = fixture;

    (void)ctx;
    return stuinfo_student_clone(fx->st, &fx->out);
}

static stuinfo_status
op_student_family_add(stuinfo_ctx *ctx, void *fixture)
{
    (void)ctx;
    return stuinfo_student_family_add(((struct student_fx *)fixture)->st, NULL);
}

static stuinfo_status
op_student_to_json(stuinfo_ctx *ctx, void *fixture)
{
    const char *j;
    size_t n;

    (void)ctx;
    return stuinfo_student_to_json(((struct student_fx *)fixture)->st, &j, &n);
}

static stuinfo_status
op_student_from_json(stuinfo_ctx *ctx, void *fixture)
{
    struct student_fx *fx = fixture;

    sweep_fail_jansson(false);          /* jansson's parser is not OOM-safe: sweep.h */
    return stuinfo_student_from_json(ctx, fx->json, fx->json_len, fx->rep, &fx->out);
}

/* A filled record with problems, so that validation has findings to add. */
static void *
setup_student_bad(stuinfo_ctx *ctx)
{
    struct student_fx *fx = setup_student(ctx);
    const char *j;
    size_t n;

    assert_int_equal(stuinfo_student_set_path(fx->st, "birth_date", "2030-01-01", 10, NULL),
                     STUINFO_OK);
    assert_int_equal(stuinfo_student_set_path(fx->st, "family[0].phone", "12345", 5, NULL),
                     STUINFO_OK);
    assert_int_equal(stuinfo_student_set_path(fx->st, "postcode", "1000", 4, NULL),
                     STUINFO_OK);
    assert_int_equal(stuinfo_student_to_json(fx->st, &j, &n), STUINFO_OK);
    test_free(fx->json);
    fx->json = test_malloc(n + 1);
    memcpy(fx->json, j, n + 1);
    fx->json_len = n;
    return fx;
}

static stuinfo_status
op_student_validate(stuinfo_ctx *ctx, void *fixture)
{
    struct student_fx *fx = fixture;

    (void)ctx;
    return stuinfo_student_validate(fx->st, NULL, fx->rep);
}

static void
test_students(void **state)
{
    static const sweep_op ops[] = {
        {"student_new", setup_student, op_student_new, check_student_usable,
         teardown_student, false, NULL},
        {"student_set name", setup_student, op_student_set_name, check_student_usable,
         teardown_student, true, NULL},
        {"student_set_path family id", setup_student, op_student_set_id,
         check_student_usable, teardown_student, true, NULL},
        {"student_clone", setup_student, op_student_clone, check_student_usable,
         teardown_student, false, NULL},
        {"student_family_add", setup_student, op_student_family_add, check_student_usable,
         teardown_student, false, NULL},
        {"student_to_json", setup_student, op_student_to_json, check_student_usable,
         teardown_student, false, NULL},
        {"student_from_json", setup_student, op_student_from_json, check_student_usable,
         teardown_student, true, NULL},
        /* documented: on NOMEM the report keeps the findings added so far */
        {"student_validate", setup_student_bad, op_student_validate, check_student_usable,
         teardown_student, true, NULL},
    };

    /* partial_ok: setters and JSON import document that the report keeps the findings
     * (notes, the reason of the failure) added before the failure. */
    (void)state;
    for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
        sweep_run(&ops[i]);
}

/* ---- rosters: a whole read and a whole write, each one operation ------------------- */

static const char roster_csv[] =
    "\xE5\xA7\x93\xE5\x90\x8D,\xE6\x80\xA7\xE5\x88\xAB,\xE8\xBA\xAB\xE4\xBB\xBD\xE8\xAF\x81"
    "\xE4\xBB\xB6\xE5\x8F\xB7,\xE8\x81\x94\xE7\xB3\xBB\xE7\x94\xB5\xE8\xAF\x9D\r\n"
    "\xE5\xBC\xA0\xE4\xB8\x89,1,110105201503071235,13800138000\r\n"
    "\xE6\x9D\x8E\xE5\x9B\x9B,2,110105201503071235,12345\r\n"
    "\"=1+1\",3,\"a\r\nb\",x,y\r\n";

struct mem {
    const char *data;
    size_t size, pos;
};

static int64_t
mem_read(void *user, char *buf, size_t cap)
{
    struct mem *m = user;
    size_t n = m->size - m->pos < cap ? m->size - m->pos : cap;

    if (n > 16)
        n = 16;
    memcpy(buf, m->data + m->pos, n);
    m->pos += n;
    return (int64_t)n;
}

static stuinfo_status
read_all(stuinfo_ctx *ctx, bool students)
{
    stuinfo_roster_options o;
    stuinfo_roster_reader *r = NULL;
    stuinfo_roster_row *row = NULL;
    struct mem m = {roster_csv, sizeof(roster_csv) - 1, 0};
    stuinfo_status st;

    stuinfo_roster_options_init(&o);
    o.to_students = students;
    o.validate = students;
    st = stuinfo_roster_reader_new(ctx, &o, mem_read, &m, &r);
    while (st == STUINFO_OK) {
        st = stuinfo_roster_reader_next(r, &row);
        if (row == NULL)
            break;
    }
    stuinfo_roster_reader_free(r);
    return st;
}

static stuinfo_status
op_roster_read_cells(stuinfo_ctx *ctx, void *fixture)
{
    (void)fixture;
    return read_all(ctx, false);
}

static stuinfo_status
op_roster_read_students(stuinfo_ctx *ctx, void *fixture)
{
    (void)fixture;
    return read_all(ctx, true);
}

/* The ctx still reads a roster after a failure. */
static void
check_roster_again(stuinfo_ctx *ctx, void *fixture)
{
    (void)fixture;
    assert_int_equal(read_all(ctx, true), STUINFO_OK);
}

static int32_t
discard(void *user, const char *data, size_t len)
{
    (void)user;
    (void)data;
    (void)len;
    return 0;
}

static stuinfo_status
op_roster_write(stuinfo_ctx *ctx, void *fixture)
{
    static const char *const cells[] = {"\xE5\xBC\xA0\xE4\xB8\x89", "=1+1", "a,\"b\"", ""};
    struct student_fx *fx = fixture;
    stuinfo_roster_writer_options wo;
    stuinfo_roster_writer *w = NULL;
    stuinfo_status st;

    stuinfo_roster_writer_options_init(&wo);
    wo.encoding = STUINFO_ROSTER_ENCODING_GB18030;
    st = stuinfo_roster_writer_new(ctx, &wo, discard, NULL, &w);
    for (int i = 0; st == STUINFO_OK && i < 3; i++)
        st = stuinfo_roster_writer_row(w, cells, NULL, 4);
    if (st == STUINFO_OK)
        st = stuinfo_roster_writer_student(w, fx->st);
    if (st == STUINFO_OK)
        st = stuinfo_roster_writer_finish(w);
    stuinfo_roster_writer_free(w);
    return st;
}

static void
test_rosters(void **state)
{
    static const sweep_op ops[] = {
        {"roster read (cells)", NULL, op_roster_read_cells, check_roster_again, NULL, false,
         NULL},
        {"roster read (students, validated)", NULL, op_roster_read_students,
         check_roster_again, NULL, false, NULL},
        {"roster write (GB18030 CSV)", setup_student, op_roster_write, check_student_usable,
         teardown_student, false, NULL},
    };

    (void)state;
    for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
        sweep_run(&ops[i]);
}

static int
print_sites(void **state)
{
    (void)state;
    sweep_print_sites();
    return 0;
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ctx_new),
        cmocka_unit_test(test_reports),
        cmocka_unit_test(test_codes),
        cmocka_unit_test(test_students),
        cmocka_unit_test(test_rosters),
    };
    return cmocka_run_group_tests(tests, NULL, print_sites);
}
