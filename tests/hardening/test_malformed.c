/*
 * The 19 malformed-input classes of reliability.md §5, each against every layer on main
 * that takes text: the text layer, code look-up by name, identity numbers, and student
 * record setters and JSON import. Every case asserts a clear status (and a rule where the
 * layer documents one); classes whose layer is not on main yet are skipped and say so.
 * Classes and their required behaviour:
 *   1 invalid UTF-8, 2 overlong forms, 3 surrogates / > U+10FFFF, 4 NUL inside: an
 *     encoding status; 5 full-width forms: folded with a note in IDs/codes, never in
 *     names; 6 zero-width, 7 bidi controls: refused in every field; 8 BOM: refused inside
 *     a value; 9 compatibility ideographs, radicals, PUA: kept, with a finding; 10
 *     middle-dot variants: U+00B7 with a note; 11 supplementary Han: accepted, counted as
 *     one character; 12 multi-megabyte values: a length status, fast; 13 empty and
 *     white-space only: a missing value, not an error; 14 GB18030 bytes as UTF-8: an
 *     encoding status; 15 UTF-8 declared GB18030: a mismatch finding, not mojibake; 16
 *     invalid GB18030: a finding, never U+FFFD; 17 formula injection: neutralized on CSV
 *     export; 18 CSV structure: parsed before normalization; 19 charset names: none are
 *     taken, only the UTF-8/GB18030 enum.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "test_ctx.h"
#include "pii_scan.h"
#include "text/text.h"

#define S(lit) lit, sizeof(lit) - 1

/* A valid 18-digit number (fictional, check character right). */
#define ID18 "11010519491231002X"

static stuinfo_status
name_lookup(stuinfo_ctx *ctx, const char *t, size_t n)
{
    stuinfo_code_entry e;

    memset(&e, 0, sizeof(e));
    e.size = sizeof(e);
    return stuinfo_code_find_name(ctx, STUINFO_TABLE_ETHNICITY, t, n, &e);
}

static int32_t
id_reason(stuinfo_ctx *ctx, const char *t, size_t n, stuinfo_status *st)
{
    stuinfo_idnum_result r;

    memset(&r, 0, sizeof(r));
    r.size = sizeof(r);
    *st = stuinfo_idnum_verify(ctx, t, n, &r);
    return r.reason;
}

/* Set @p field of a fresh record; returns the status, *rep gets the findings. */
static stuinfo_status
set_field(stuinfo_ctx *ctx, int32_t field, const char *t, size_t n, stuinfo_report *rep)
{
    stuinfo_student *st = NULL;
    stuinfo_status rc;

    assert_int_equal(stuinfo_student_new(ctx, &st), STUINFO_OK);
    rc = stuinfo_student_set(st, field, t, n, rep);
    stuinfo_student_free(st);
    return rc;
}

static bool
has_rule(const stuinfo_report *rep, const char *rule)
{
    for (size_t i = 0; i < stuinfo_report_count(rep); i++) {
        stuinfo_finding f;

        memset(&f, 0, sizeof(f));
        f.size = sizeof(f);
        assert_int_equal(stuinfo_report_get(rep, i, &f), STUINFO_OK);
        if (strcmp(f.rule, rule) == 0)
            return true;
    }
    return false;
}

/* No message or finding produced so far holds the ID number. */
static void
assert_no_pii(stuinfo_ctx *ctx, const stuinfo_report *rep)
{
    const char *m = stuinfo_ctx_last_message(ctx);

    assert_null(pii_scan_find_id(m, strlen(m)));
    for (size_t i = 0; rep != NULL && i < stuinfo_report_count(rep); i++) {
        stuinfo_finding f;

        memset(&f, 0, sizeof(f));
        f.size = sizeof(f);
        assert_int_equal(stuinfo_report_get(rep, i, &f), STUINFO_OK);
        assert_null(pii_scan_find_id(f.message, strlen(f.message)));
        assert_null(pii_scan_find_id(f.field, strlen(f.field)));
    }
}

struct enc_case {
    const char *bytes;
    size_t len;
    text_status text;
};

/* Classes 1-4 and 14: every layer refuses the bytes with an encoding status. */
static void
test_encoding_classes(void **state)
{
    static const struct enc_case cases[] = {
        {S("\xE5\xBC"), TEXT_INVALID_UTF8},             /* 1 truncated */
        {S("a\x80" "b"), TEXT_INVALID_UTF8},            /* 1 stray continuation */
        {S("\xC0\xAF"), TEXT_INVALID_UTF8},             /* 2 overlong '/' */
        {S("\xC0\x80"), TEXT_INVALID_UTF8},             /* 2 overlong NUL */
        {S("\xE0\x80\xAF"), TEXT_INVALID_UTF8},         /* 2 */
        {S("\xED\xA0\x80"), TEXT_INVALID_UTF8},         /* 3 surrogate */
        {S("\xF4\x90\x80\x80"), TEXT_INVALID_UTF8},     /* 3 above U+10FFFF */
        {S("\xE6\xB1\x89\x00\xE6\x97\x8F"), TEXT_NUL},  /* 4 NUL inside 汉\0族 */
        {S("\xD5\xC5\xC8\xFD"), TEXT_INVALID_UTF8},     /* 14 GBK 张三 */
        {S("\xBA\xBA\xD7\xE5"), TEXT_INVALID_UTF8},     /* 14 GBK 汉族 */
    };
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_report *rep = NULL;

    (void)state;
    assert_int_equal(stuinfo_report_new(ctx, &rep), STUINFO_OK);
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        const struct enc_case *c = &cases[i];
        stuinfo_status st;

        assert_int_equal(text_utf8_check(c->bytes, c->len, NULL), c->text);
        assert_int_equal(name_lookup(ctx, c->bytes, c->len), STUINFO_ERR_ENCODING);
        assert_int_equal(id_reason(ctx, c->bytes, c->len, &st), STUINFO_IDNUM_ERR_ENCODING);
        assert_int_equal(st, STUINFO_ERR_INVALID);
        assert_int_equal(set_field(ctx, STUINFO_FIELD_NAME, c->bytes, c->len, rep),
                         STUINFO_ERR_ENCODING);
        assert_int_equal(set_field(ctx, STUINFO_FIELD_CURRENT_ADDRESS, c->bytes, c->len,
                                   rep), STUINFO_ERR_ENCODING);
        assert_int_equal(stuinfo_ctx_last_status(ctx), STUINFO_ERR_ENCODING);
    }
    assert_true(has_rule(rep, "student.encoding") && has_rule(rep, "student.nul"));
    assert_no_pii(ctx, rep);
    stuinfo_report_free(rep);
    stuinfo_ctx_free(ctx);
}

/* Class 5: full-width digits and letters, ideographic space, NBSP. */
static void
test_fullwidth(void **state)
{
    /* ＩＤ in full-width digits: １１０１０５１９４９１２３１００２Ｘ */
    static const char fw_id[] =
        "\xEF\xBC\x91\xEF\xBC\x91\xEF\xBC\x90\xEF\xBC\x91\xEF\xBC\x90\xEF\xBC\x95"
        "\xEF\xBC\x91\xEF\xBC\x99\xEF\xBC\x94\xEF\xBC\x99\xEF\xBC\x91\xEF\xBC\x92"
        "\xEF\xBC\x93\xEF\xBC\x91\xEF\xBC\x90\xEF\xBC\x90\xEF\xBC\x92\xEF\xBC\xB8";
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_report *rep = NULL;
    stuinfo_idnum_result r;
    stuinfo_code_entry e;
    stuinfo_student *st = NULL;
    const char *v;
    size_t n;

    (void)state;
    assert_int_equal(stuinfo_report_new(ctx, &rep), STUINFO_OK);
    /* ID numbers: folded, with a flag and a note */
    memset(&r, 0, sizeof(r));
    r.size = sizeof(r);
    assert_int_equal(stuinfo_idnum_verify(ctx, fw_id, sizeof(fw_id) - 1, &r), STUINFO_OK);
    assert_string_equal(r.normalized, ID18);
    assert_true(r.flags & STUINFO_IDNUM_FLAG_FULLWIDTH);
    assert_int_equal(stuinfo_idnum_check(ctx, "\xE3\x80\x80" ID18 "\xC2\xA0", 23, "id",
                                         rep, NULL), STUINFO_OK);      /* U+3000, NBSP */
    assert_true(has_rule(rep, "idnum.trimmed"));
    /* codes: ＨＡ (full-width) finds 汉族 */
    memset(&e, 0, sizeof(e));
    e.size = sizeof(e);
    assert_int_equal(stuinfo_code_find_name(ctx, STUINFO_TABLE_ETHNICITY,
                                            S("\xEF\xBC\xA8\xEF\xBC\xA1"), &e), STUINFO_OK);
    assert_string_equal(e.code, "01");
    /* record: folded in the ID field with a note, kept as given in a name */
    assert_int_equal(stuinfo_student_new(ctx, &st), STUINFO_OK);
    assert_int_equal(stuinfo_student_set(st, STUINFO_FIELD_ID_DOC_NO, fw_id,
                                         sizeof(fw_id) - 1, rep), STUINFO_OK);
    assert_int_equal(stuinfo_student_get(st, STUINFO_FIELD_ID_DOC_NO, &v, &n), STUINFO_OK);
    assert_string_equal(v, ID18);
    assert_true(has_rule(rep, "student.width_folded"));
    assert_int_equal(stuinfo_student_set(st, STUINFO_FIELD_NAME,
                                         S("\xEF\xBC\xA1\xE5\xBC\xA0"), rep),
                     STUINFO_OK);                                       /* Ａ张 */
    assert_int_equal(stuinfo_student_get(st, STUINFO_FIELD_NAME, &v, &n), STUINFO_OK);
    assert_string_equal(v, "\xEF\xBC\xA1\xE5\xBC\xA0");                 /* not folded */
    assert_no_pii(ctx, rep);
    stuinfo_student_free(st);
    stuinfo_report_free(rep);
    stuinfo_ctx_free(ctx);
}

/* Classes 6, 7, 8: zero-width and default-ignorable characters, bidi controls, a BOM
 * inside a value: refused in ID numbers, code names and every record field. */
static void
test_invisible_and_bidi(void **state)
{
    static const struct {
        const char *what;
        const char *ch;
    } cases[] = {
        {"ZWSP U+200B", "\xE2\x80\x8B"},            /* 6 */
        {"ZWJ U+200D", "\xE2\x80\x8D"},             /* 6 */
        {"word joiner U+2060", "\xE2\x81\xA0"},     /* 6 */
        {"soft hyphen U+00AD", "\xC2\xAD"},          /* 6 */
        {"LRE U+202A", "\xE2\x80\xAA"},             /* 7 */
        {"RLO U+202E", "\xE2\x80\xAE"},             /* 7 Trojan Source */
        {"RLI U+2067", "\xE2\x81\xA7"},             /* 7 */
        {"PDI U+2069", "\xE2\x81\xA9"},             /* 7 */
        {"BOM U+FEFF inside", "\xEF\xBB\xBF"},      /* 8 */
    };
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_report *rep = NULL;

    (void)state;
    assert_int_equal(stuinfo_report_new(ctx, &rep), STUINFO_OK);
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char id[32], name[16];
        size_t k = strlen(cases[i].ch);
        stuinfo_status st;

        /* in an ID number, between digits 9 and 10 */
        static const char id18[] = ID18;

        memcpy(id, id18, 9);
        memcpy(id + 9, cases[i].ch, k);
        memcpy(id + 9 + k, id18 + 9, 9);
        id_reason(ctx, id, 18 + k, &st);
        if (st != STUINFO_ERR_INVALID)
            fail_msg("idnum accepted a number with %s", cases[i].what);
        /* in a name: 张<ch>三, and in a code name: 汉<ch>族 */
        snprintf(name, sizeof(name), "\xE6\xB1\x89%s\xE6\x97\x8F", cases[i].ch);
        if (name_lookup(ctx, name, strlen(name)) != STUINFO_ERR_INVALID)
            fail_msg("a code name with %s was not refused", cases[i].what);
        snprintf(name, sizeof(name), "\xE5\xBC\xA0%s\xE4\xB8\x89", cases[i].ch);
        if (set_field(ctx, STUINFO_FIELD_NAME, name, strlen(name), rep) != STUINFO_ERR_INVALID)
            fail_msg("a name with %s was not refused", cases[i].what);
        if (set_field(ctx, STUINFO_FIELD_CURRENT_ADDRESS, name, strlen(name), rep)
            != STUINFO_ERR_INVALID)
            fail_msg("an address with %s was not refused", cases[i].what);
    }
    assert_true(has_rule(rep, "student.forbidden_char"));
    assert_no_pii(ctx, rep);
    stuinfo_report_free(rep);
    stuinfo_ctx_free(ctx);
}

/* Class 8, the allowed place: a BOM at the start of a file. Records come from JSON; a
 * BOM before the JSON is not JSON. (Rosters: see test_roster_classes.) */

/* Class 9: compatibility ideographs, Kangxi radicals, private use: stored as given,
 * with a finding from validation. */
static void
test_compat_and_pua(void **state)
{
    static const struct {
        const char *name;
        size_t len;
        const char *rule;
    } cases[] = {
        {S("\xE5\xBC\xA0\xEF\xA4\x80"), "student.name_compat_char"},   /* 张 U+F900 */
        {S("\xE5\xBC\xA0\xE2\xBC\x80"), "student.name_radical"},       /* 张 U+2F00 */
        {S("\xE5\xBC\xA0\xEE\xA0\x96"), "student.name_private_use"},   /* 张 U+E816 */
    };
    stuinfo_ctx *ctx = test_ctx_new();

    (void)state;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        stuinfo_student *st = NULL;
        stuinfo_report *rep = NULL;
        const char *v;
        size_t n;

        assert_int_equal(stuinfo_report_new(ctx, &rep), STUINFO_OK);
        assert_int_equal(stuinfo_student_new(ctx, &st), STUINFO_OK);
        assert_int_equal(stuinfo_student_set(st, STUINFO_FIELD_NAME, cases[i].name,
                                             cases[i].len, rep), STUINFO_OK);
        assert_int_equal(stuinfo_student_get(st, STUINFO_FIELD_NAME, &v, &n), STUINFO_OK);
        assert_int_equal(n, cases[i].len);
        assert_memory_equal(v, cases[i].name, n);                      /* kept as given */
        assert_int_equal(stuinfo_student_validate(st, NULL, rep), STUINFO_OK);
        if (!has_rule(rep, cases[i].rule))
            fail_msg("no %s finding", cases[i].rule);
        stuinfo_student_free(st);
        stuinfo_report_free(rep);
    }
    stuinfo_ctx_free(ctx);
}

/* Class 10: middle-dot variants in minority names become U+00B7 with a note. */
static void
test_middle_dots(void **state)
{
    static const char *const dots[] = {
        "\xE3\x83\xBB", "\xE2\x80\xA2", "\xEF\xBC\x8E", "\xE2\x80\xA7", ".",
    };
    stuinfo_ctx *ctx = test_ctx_new();

    (void)state;
    for (size_t i = 0; i < sizeof(dots) / sizeof(dots[0]); i++) {
        char name[32];
        stuinfo_student *st = NULL;
        stuinfo_report *rep = NULL;
        const char *v;
        size_t n;

        snprintf(name, sizeof(name), "\xE9\x98\xBF\xE4\xBE\x9D%s\xE5\x8F\xA4", dots[i]);
        assert_int_equal(stuinfo_report_new(ctx, &rep), STUINFO_OK);
        assert_int_equal(stuinfo_student_new(ctx, &st), STUINFO_OK);
        assert_int_equal(stuinfo_student_set(st, STUINFO_FIELD_NAME, name, strlen(name), rep),
                         STUINFO_OK);
        assert_int_equal(stuinfo_student_get(st, STUINFO_FIELD_NAME, &v, &n), STUINFO_OK);
        assert_string_equal(v, "\xE9\x98\xBF\xE4\xBE\x9D\xC2\xB7\xE5\x8F\xA4"); /* 阿依·古 */
        assert_true(has_rule(rep, "student.dot_folded"));
        stuinfo_student_free(st);
        stuinfo_report_free(rep);
    }
    stuinfo_ctx_free(ctx);
}

/* Class 11: supplementary-plane Han is accepted and counts as one character: a name of
 * 50 × 𠮷 (200 bytes) fits the 50-character name field, 51 do not. */
static void
test_supplementary(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_report *rep = NULL;
    stuinfo_code_entry e;
    char name[51 * 4];

    (void)state;
    for (int i = 0; i < 51; i++)
        memcpy(name + 4 * i, "\xF0\xA0\xAE\xB7", 4);
    assert_int_equal(text_utf8_count(name, 200), 50);
    assert_int_equal(stuinfo_report_new(ctx, &rep), STUINFO_OK);
    assert_int_equal(set_field(ctx, STUINFO_FIELD_NAME, name, 8, rep), STUINFO_OK);
    assert_int_equal(set_field(ctx, STUINFO_FIELD_NAME, name, 200, rep), STUINFO_OK);
    assert_int_equal(set_field(ctx, STUINFO_FIELD_NAME, name, 204, rep), STUINFO_ERR_TOO_LONG);
    memset(&e, 0, sizeof(e));
    e.size = sizeof(e);
    assert_int_equal(stuinfo_code_find_name(ctx, STUINFO_TABLE_ETHNICITY, name, 4, &e),
                     STUINFO_ERR_NOT_FOUND);
    stuinfo_report_free(rep);
    stuinfo_ctx_free(ctx);
}

/* Class 12: multi-megabyte values get a length status before any Unicode work, fast. */
static void
test_huge_values(void **state)
{
    const size_t big = 10u * 1024 * 1024;
    char *buf = malloc(big + 64);
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_report *rep = NULL;
    stuinfo_student *st = NULL;
    stuinfo_status s;
    clock_t t0;
    double secs;

    (void)state;
    assert_non_null(buf);
    for (size_t i = 0; i + 3 <= big; i += 3)
        memcpy(buf + i, "\xE5\xBC\xA0", 3);                            /* 张 × 3.5 M */
    assert_int_equal(stuinfo_report_new(ctx, &rep), STUINFO_OK);
    t0 = clock();
    assert_int_equal(name_lookup(ctx, buf, big - big % 3), STUINFO_ERR_TOO_LONG);
    assert_int_equal(id_reason(ctx, buf, big - big % 3, &s), STUINFO_IDNUM_ERR_TOO_LONG);
    assert_int_equal(set_field(ctx, STUINFO_FIELD_NAME, buf, big - big % 3, rep),
                     STUINFO_ERR_TOO_LONG);
    assert_int_equal(set_field(ctx, STUINFO_FIELD_CURRENT_ADDRESS, buf, big - big % 3, rep),
                     STUINFO_ERR_TOO_LONG);
    /* a JSON record over the limit, and one with a 10 MB value inside */
    memcpy(buf, "{\"name\":\"", 9);
    memcpy(buf + big - big % 3, "\"}", 2);
    s = stuinfo_student_from_json(ctx, buf, big - big % 3 + 2, rep, &st);
    assert_int_equal(s, STUINFO_ERR_TOO_LONG);
    assert_null(st);
    secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    printf("class 12: five 10 MB refusals in %.3f s of CPU\n", secs);
    assert_true(secs < 2.0);            /* generous for valgrind; ~ms natively */
    stuinfo_report_free(rep);
    stuinfo_ctx_free(ctx);
    free(buf);
}

/* Class 13: empty and white-space-only values are a missing value, not an error. */
static void
test_empty(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_report *rep = NULL;
    stuinfo_student *st = NULL;
    stuinfo_status s;
    const char *v = "x";
    size_t n = 1;

    (void)state;
    assert_int_equal(text_utf8_check("", 0, NULL), TEXT_OK);
    assert_int_equal(id_reason(ctx, "", 0, &s), STUINFO_IDNUM_ERR_EMPTY);
    assert_int_equal(id_reason(ctx, S("\xE3\x80\x80 "), &s), STUINFO_IDNUM_ERR_EMPTY);
    assert_int_not_equal(name_lookup(ctx, "", 0), STUINFO_OK);
    assert_int_equal(stuinfo_report_new(ctx, &rep), STUINFO_OK);
    assert_int_equal(stuinfo_student_new(ctx, &st), STUINFO_OK);
    assert_int_equal(stuinfo_student_set(st, STUINFO_FIELD_NAME, S("\xE5\xBC\xA0"), NULL),
                     STUINFO_OK);
    assert_int_equal(stuinfo_student_set(st, STUINFO_FIELD_NAME, S("\xE3\x80\x80  "), rep),
                     STUINFO_OK);                                       /* clears it */
    assert_int_equal(stuinfo_student_get(st, STUINFO_FIELD_NAME, &v, &n), STUINFO_OK);
    assert_true(v == NULL || n == 0);
    assert_int_equal(stuinfo_student_validate(st, NULL, rep), STUINFO_OK);
    assert_true(has_rule(rep, "student.required"));
    stuinfo_student_free(st);
    stuinfo_report_free(rep);
    stuinfo_ctx_free(ctx);
}

/* ---- rosters: classes 8 (file BOM), 14-19 ------------------------------------------ */

struct mem {
    const char *data;
    size_t size, pos;
};

static int64_t
mem_read(void *user, char *buf, size_t cap)
{
    struct mem *m = user;
    size_t n = m->size - m->pos < cap ? m->size - m->pos : cap;

    if (n > 5)
        n = 5;                          /* small chunks: boundaries inside sequences */
    memcpy(buf, m->data + m->pos, n);
    m->pos += n;
    return (int64_t)n;
}

struct read_result {
    char cell[8][4][64];                /* rows x cells, NUL-terminated */
    size_t cells[8];
    size_t rows;
    char rules[16][48];                 /* rule ids of all findings, file and rows */
    size_t nrules;
    int32_t encoding;
};

static void
collect_rules(struct read_result *res, const stuinfo_report *rep)
{
    for (size_t i = 0; rep != NULL && i < stuinfo_report_count(rep); i++) {
        stuinfo_finding f;

        memset(&f, 0, sizeof(f));
        f.size = sizeof(f);
        assert_int_equal(stuinfo_report_get(rep, i, &f), STUINFO_OK);
        assert_null(pii_scan_find_id(f.message, strlen(f.message)));
        if (res->nrules < 16)
            snprintf(res->rules[res->nrules++], 48, "%s", f.rule);
    }
}

static bool
saw(const struct read_result *res, const char *rule)
{
    for (size_t i = 0; i < res->nrules; i++)
        if (strcmp(res->rules[i], rule) == 0)
            return true;
    return false;
}

/* Read @p data (@p len bytes) declared as @p encoding; raw cells unless @p students. */
static void
read_roster(stuinfo_ctx *ctx, const char *data, size_t len, int32_t encoding, bool header,
            bool students, struct read_result *res)
{
    stuinfo_roster_options o;
    stuinfo_roster_reader *r = NULL;
    struct mem m = {data, len, 0};
    stuinfo_roster_row *row;

    memset(res, 0, sizeof(*res));
    stuinfo_roster_options_init(&o);
    o.encoding = encoding;
    o.has_header = header;
    o.to_students = students;
    o.validate = students;
    assert_int_equal(stuinfo_roster_reader_new(ctx, &o, mem_read, &m, &r), STUINFO_OK);
    while (stuinfo_roster_reader_next(r, &row) == STUINFO_OK && row != NULL) {
        size_t k = res->rows++;

        assert_true(k < 8);
        collect_rules(res, stuinfo_roster_row_findings(row));
        res->cells[k] = stuinfo_roster_row_cells(row);
        for (size_t c = 0; c < res->cells[k] && c < 4; c++) {
            const char *t;
            size_t n;

            assert_int_equal(stuinfo_roster_row_cell(row, c, &t, &n), STUINFO_OK);
            assert_int_equal(text_utf8_check(t, n, NULL), TEXT_OK);
            snprintf(res->cell[k][c], 64, "%s", t);
        }
    }
    collect_rules(res, stuinfo_roster_reader_file_findings(r));
    res->encoding = stuinfo_roster_reader_encoding(r);
    stuinfo_roster_reader_free(r);
}

#define ZHANGSAN_UTF8 "\xE5\xBC\xA0\xE4\xB8\x89"
#define ZHANGSAN_GB "\xD5\xC5\xC8\xFD"

static void
test_roster_encodings(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    struct read_result *res = test_malloc(sizeof(*res));

    (void)state;
    /* 8: a BOM at the start of the file is dropped: the first heading is found */
    read_roster(ctx, S("\xEF\xBB\xBF" "\xE5\xA7\x93\xE5\x90\x8D\r\n" ZHANGSAN_UTF8 "\r\n"),
                STUINFO_ROSTER_ENCODING_AUTO, true, true, res);       /* 姓名 */
    assert_false(saw(res, "roster.unknown_heading"));
    assert_int_equal(res->rows, 1);
    assert_string_equal(res->cell[0][0], ZHANGSAN_UTF8);
    /* 8: ... but refused inside a value */
    read_roster(ctx, S("\xE5\xA7\x93\xE5\x90\x8D\r\n\xE5\xBC\xA0\xEF\xBB\xBF\xE4\xB8\x89\r\n"),
                STUINFO_ROSTER_ENCODING_AUTO, true, true, res);
    assert_true(saw(res, "student.forbidden_char") || saw(res, "roster.bad_value"));
    /* 15: UTF-8 bytes declared GB18030 are not read as mojibake */
    read_roster(ctx, S("a,b\r\n" ZHANGSAN_UTF8 ",1\r\n"), STUINFO_ROSTER_ENCODING_GB18030,
                true, false, res);
    assert_true(saw(res, "roster.encoding_mismatch"));
    assert_string_equal(res->cell[0][0], ZHANGSAN_UTF8);
    /* 14: GB18030 bytes declared UTF-8 */
    read_roster(ctx, S("a,b\r\n" ZHANGSAN_GB ",1\r\n"), STUINFO_ROSTER_ENCODING_UTF8, true,
                false, res);
    assert_true(saw(res, "roster.encoding_mismatch") || saw(res, "roster.undecodable"));
    /* 14: undeclared GB18030 is recognized */
    read_roster(ctx, S("a,b\r\n" ZHANGSAN_GB ",1\r\n"), STUINFO_ROSTER_ENCODING_AUTO, true,
                false, res);
    assert_int_equal(res->encoding, STUINFO_ROSTER_ENCODING_GB18030);
    assert_string_equal(res->cell[0][0], ZHANGSAN_UTF8);
    /* 16: invalid GB18030 is never silently U+FFFD: the cell is empty, with a finding */
    read_roster(ctx, S("a,b\r\n\x81\x20,\xD5\r\n"), STUINFO_ROSTER_ENCODING_GB18030, true,
                false, res);
    assert_true(saw(res, "roster.undecodable"));
    assert_null(strstr(res->cell[0][0], "\xEF\xBF\xBD"));
    assert_null(strstr(res->cell[0][1], "\xEF\xBF\xBD"));
    test_free(res);
    stuinfo_ctx_free(ctx);
}

/* 18: CSV structure is parsed before any normalization. */
static void
test_roster_structure(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    struct read_result *res = test_malloc(sizeof(*res));

    (void)state;
    read_roster(ctx, S("a,b\r\n\"x,y\",\"l1\r\nl2\"\r\n\xE5\xBC\xA0\xEF\xBC\x8C\xE4\xB8\x89\r\n"
                       "1,2,3\r\n\"open,1\r\n"),
                STUINFO_ROSTER_ENCODING_AUTO, true, false, res);
    assert_string_equal(res->cell[0][0], "x,y");
    assert_string_equal(res->cell[0][1], "l1\r\nl2");
    assert_int_equal(res->cells[1], 1);                 /* U+FF0C is no delimiter */
    assert_string_equal(res->cell[1][0], "\xE5\xBC\xA0\xEF\xBC\x8C\xE4\xB8\x89");
    assert_true(saw(res, "roster.short_row"));
    assert_true(saw(res, "roster.long_row"));
    assert_true(saw(res, "roster.unclosed_quote") || saw(res, "roster.lines_lost"));
    test_free(res);
    stuinfo_ctx_free(ctx);
}

static int32_t
buf_write(void *user, const char *data, size_t len)
{
    char *b = user;
    size_t have = strlen(b);

    if (have + len >= 512)
        return -1;
    memcpy(b + have, data, len);
    b[have + len] = '\0';
    return 0;
}

/* 17: cells a spreadsheet would run are neutralized on export; 19: only the two
 * encodings of the enum exist, anything else is refused (no charset names at all). */
static void
test_roster_export_and_charsets(void **state)
{
    static const char *const cells[] = {
        "=cmd|' /C calc'!A0", "+1", "-2", "@SUM(1)", "\t3", "\r4",
        "\xEF\xBC\x9D\x31+1", "plain", "a=b",             /* ＝1+1 */
    };
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_roster_writer_options wo;
    stuinfo_roster_options o;
    stuinfo_roster_writer *w = NULL;
    stuinfo_roster_reader *r = NULL;
    char out[512] = "";
    struct mem m = {"", 0, 0};

    (void)state;
    stuinfo_roster_writer_options_init(&wo);
    assert_int_equal(stuinfo_roster_writer_new(ctx, &wo, buf_write, out, &w), STUINFO_OK);
    assert_int_equal(stuinfo_roster_writer_row(w, cells, NULL, 9), STUINFO_OK);
    assert_int_equal(stuinfo_roster_writer_finish(w), STUINFO_OK);
    stuinfo_roster_writer_free(w);
    assert_string_equal(out, "'=cmd|' /C calc'!A0,'+1,'-2,'@SUM(1),'\t3,\"'\r4\","
                             "'\xEF\xBC\x9D\x31+1,plain,a=b\r\n");
    for (int32_t bad = 3; bad < 6; bad++) {
        stuinfo_roster_options_init(&o);
        o.encoding = bad;
        assert_int_equal(stuinfo_roster_reader_new(ctx, &o, mem_read, &m, &r),
                         STUINFO_ERR_INVALID_ARGUMENT);
        assert_null(r);
        stuinfo_roster_writer_options_init(&wo);
        wo.encoding = bad;
        assert_int_equal(stuinfo_roster_writer_new(ctx, &wo, buf_write, out, &w),
                         STUINFO_ERR_INVALID_ARGUMENT);
    }
    stuinfo_ctx_free(ctx);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_encoding_classes),
        cmocka_unit_test(test_fullwidth),
        cmocka_unit_test(test_invisible_and_bidi),
        cmocka_unit_test(test_compat_and_pua),
        cmocka_unit_test(test_middle_dots),
        cmocka_unit_test(test_supplementary),
        cmocka_unit_test(test_huge_values),
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_roster_encodings),
        cmocka_unit_test(test_roster_structure),
        cmocka_unit_test(test_roster_export_and_charsets),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
