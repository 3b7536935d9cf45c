/*
 * The fast paths of the setters give what the general code gives, byte for byte:
 * text_fold_ascii() against text_fold() for every flag combination, and the setters'
 * canonicalization (plain-ASCII path, lazy path, value on the stack) against
 * model_canon_general() for every field of every group, over generated inputs: the
 * same status, value, findings (rule, field, message) and ctx message.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "test_ctx.h"
#include "test_rng.h"
#include "model/canon.h"
#include "model/student.h"
#include "text/fold.h"

static test_rng rng = {0x9E3779B97F4A7C15ULL};

/* Values of the kinds a roster holds, to start from. */
static const char *const seeds[] = {
    "", " ", "  ", "1", "0", "01", " 01 ", "Y", "yes", "No", "TRUE", "false", "present",
    "PRESENT", "2010-01-05", "2010-1-5", "2010/01/05", "20100105", "2010.01.05",
    "2010-02-30", "2017-09", "2017-9", "2017.09", "201709", "CHN", "chn", " cHn ", "han",
    "110101", "11010120100105001X", "11010120100105001x", "13912345678",
    "+86 139 1234 5678", "010-12345678", "a@b.cn", "A.B@EXAMPLE.COM", "http://x.cn/a",
    "Wang Wei", "wang.wei", "Zhang  San", "J. R. R. Tolkien", "100010", " 100 010 ",
    "12.5", "1.2.3", "-", "=1+1", "'0123", "a b c", "...", "~!@#$%^&*()_+{}|:<>?",
};

/* Pieces to splice in: mostly ASCII, some of what only the general path handles. */
static const char *const pieces[] = {
    " ", ".", "a", "Z", "0", "9", "-", "/", ":", "@", "x", "X", "e", "E", "+", ",",
    "\xe3\x80\x80",         /* ideographic space */
    "\xef\xbc\x91",         /* full-width 1 */
    "\xef\xbd\x81",         /* full-width a */
    "\xe6\xb1\x89",         /* a Han character */
    "\xc2\xb7",             /* middle dot */
    "\xe3\x83\xbb",         /* katakana middle dot */
    "\xc2\xa0",             /* no-break space */
    "\t", "\x7f", "\x01",   /* controls: refused */
    "\xe2\x80\x8b",         /* zero-width space: refused */
    "\xff",                 /* not UTF-8 */
};
#define NSEEDS (sizeof(seeds) / sizeof(seeds[0]))
#define NPIECES (sizeof(pieces) / sizeof(pieces[0]))

/* A generated input into buf (at least 400 bytes); returns its length. */
static size_t
make_input(char *buf, bool ascii_only)
{
    size_t n = 0;
    const char *seed = seeds[test_rnd(&rng, NSEEDS)];
    uint32_t edits = test_rnd(&rng, 4);

    if (test_rnd(&rng, 8) == 0) {
        /* a long value: past the room on the stack, sometimes past a field's maximum */
        size_t len = 100 + test_rnd(&rng, 260);
        for (size_t i = 0; i < len; i++)
            buf[n++] = (char)(0x20 + test_rnd(&rng, 95));
    } else {
        n = strlen(seed);
        memcpy(buf, seed, n);
    }
    for (uint32_t e = 0; e < edits; e++) {
        const char *p = ascii_only ? pieces[test_rnd(&rng, 16)] : pieces[test_rnd(&rng, NPIECES)];
        size_t k = strlen(p), at = n == 0 ? 0 : test_rnd(&rng, (uint32_t)n + 1);

        if (n + k >= 390)
            break;
        memmove(buf + at + k, buf + at, n - at);
        memcpy(buf + at, p, k);
        n += k;
    }
    buf[n] = '\0';
    return n;
}

static void
assert_same_reports(stuinfo_report *a, stuinfo_report *b)
{
    assert_int_equal(stuinfo_report_count(a), stuinfo_report_count(b));
    for (size_t i = 0; i < stuinfo_report_count(a); i++) {
        stuinfo_finding fa = {.size = sizeof(fa)}, fb = {.size = sizeof(fb)};

        assert_int_equal(stuinfo_report_get(a, i, &fa), STUINFO_OK);
        assert_int_equal(stuinfo_report_get(b, i, &fb), STUINFO_OK);
        assert_int_equal(fa.severity, fb.severity);
        assert_string_equal(fa.rule, fb.rule);
        assert_string_equal(fa.field, fb.field);
        assert_string_equal(fa.message, fb.message);
    }
}

/* text_fold_ascii() gives what text_fold() gives for @p in, under every flag combination. */
static void
fold_same_under_every_flag(const char *in, size_t n)
{
    char a[1000], b[1000];

    for (unsigned flags = 0; flags < 64; flags++) {
        size_t na = 0, nb = 0;
        unsigned da = text_fold_ascii(in, n, flags, a, &na);
        unsigned db = text_fold(in, n, flags, b, &nb);

        assert_int_equal(da, db);
        assert_int_equal(na, nb);
        assert_memory_equal(a, b, na + 1);
    }
}

static void
test_fold_ascii_same_as_fold(void **state)
{
    char in[400];

    (void)state;
    for (int round = 0; round < 20000; round++)
        fold_same_under_every_flag(in, make_input(in, true));
}

/* Plain text: ASCII and CJK ideographs at the edges of U+4000-U+9FFF and in between. */
static size_t
make_plain_input(char *buf)
{
    static const char *const cjk[] = {
        "\xe4\x80\x80",     /* U+4000 */
        "\xe4\xb8\x80",     /* U+4E00 */
        "\xe5\xbc\xa0",     /* U+5F20 */
        "\xe7\xba\xa7",     /* U+7EA7 */
        "\xe9\xbe\xa5",     /* U+9FA5 */
        "\xe9\xbf\xbf",     /* U+9FFF */
    };
    size_t n = make_input(buf, true);
    uint32_t edits = 1 + test_rnd(&rng, 4);

    for (uint32_t e = 0; e < edits && n + 3 < 390; e++) {
        size_t at = n == 0 ? 0 : test_rnd(&rng, (uint32_t)n + 1);
        /* never inside a sequence: make_input(.., true) gives ASCII only, and each
         * insertion lands at a byte that is ASCII or starts a sequence */
        while (at < n && ((unsigned char)buf[at] & 0xc0) == 0x80)
            at++;
        memmove(buf + at + 3, buf + at, n - at);
        memcpy(buf + at, cjk[test_rnd(&rng, 6)], 3);
        n += 3;
    }
    buf[n] = '\0';
    return n;
}

static void
test_plain_text(void **state)
{
    char in[400];

    (void)state;
    /* what is plain and what is not */
    assert_true(text_is_plain("", 0));
    assert_true(text_is_plain("abc ~", 5));
    assert_true(text_is_plain("\xe5\xbc\xa0\xe4\xb8\x89", 6));
    assert_false(text_is_plain("\xe5\xbc", 2));                /* cut short */
    assert_false(text_is_plain("\xe5\xbc\x20", 3));            /* not a continuation */
    assert_false(text_is_plain("\xe3\x80\x80", 3));            /* U+3000 space */
    assert_false(text_is_plain("\xea\xb0\x80", 3));            /* U+AC00 */
    assert_false(text_is_plain("\xef\xbc\x91", 3));            /* full-width 1 */
    assert_false(text_is_plain("\xc2\xb7", 2));
    assert_false(text_is_plain("a\tb", 3));
    assert_false(text_is_plain("\x7f", 1));
    for (int round = 0; round < 20000; round++) {
        size_t n = make_plain_input(in);

        assert_true(text_is_plain(in, n));
        fold_same_under_every_flag(in, n);
    }
}

/* One field: the setter's path and the general path on the same input. */
static void
compare_field(stuinfo_ctx *ctx, stuinfo_report *ra, stuinfo_report *rb, model_group group,
              size_t index, int32_t field, const char *text, size_t len)
{
    const struct model_field_desc *d = model_field_desc(group, field);
    struct model_path_ref lazy = {.group = group, .index = index, .field = field};
    char path[MODEL_PATH_MAX], local[256], ma[600];
    char *oa = NULL, *ob = NULL;
    size_t la = 0, lb = 0, ca = 0, cb = 0;
    stuinfo_status sa, sb;

    assert_non_null(d);
    model_path_format(path, group, index, field);
    assert_int_equal(stuinfo_report_clear(ra), STUINFO_OK);
    assert_int_equal(stuinfo_report_clear(rb), STUINFO_OK);
    sa = model_canon_buf(ctx, d, &lazy, text, len, ra, local, sizeof(local), &oa, &la, &ca);
    snprintf(ma, sizeof(ma), "%d %s", (int)stuinfo_ctx_last_status(ctx),
             sa != STUINFO_OK ? stuinfo_ctx_last_message(ctx) : "");
    sb = model_canon_general(ctx, d, path, text, len, rb, &ob, &lb, &cb);
    assert_int_equal(sa, sb);
    if (sa != STUINFO_OK) {
        char mb[600];
        snprintf(mb, sizeof(mb), "%d %s", (int)stuinfo_ctx_last_status(ctx),
                 stuinfo_ctx_last_message(ctx));
        assert_string_equal(ma, mb);
    }
    assert_int_equal(la, lb);
    if (sa == STUINFO_OK) {
        assert_non_null(oa);
        assert_non_null(ob);
        assert_memory_equal(oa, ob, la + 1);
    }
    assert_same_reports(ra, rb);
    if (oa != NULL && oa != local)
        core_free_wipe(ctx, oa, ca);
    if (ob != NULL)
        core_free_wipe(ctx, ob, cb);
}

static void
test_setter_fast_path_same_as_general(void **state)
{
    static const model_group groups[] = {MODEL_GROUP_STUDENT, MODEL_GROUP_FAMILY,
                                         MODEL_GROUP_HISTORY};
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_report *ra = NULL, *rb = NULL;
    char in[400];

    (void)state;
    assert_int_equal(stuinfo_report_new(ctx, &ra), STUINFO_OK);
    assert_int_equal(stuinfo_report_new(ctx, &rb), STUINFO_OK);
    for (size_t g = 0; g < sizeof(groups) / sizeof(groups[0]); g++) {
        int32_t count = 0;

        model_group_fields(groups[g], &count);
        for (int32_t field = 1; field <= count; field++) {
            /* every seed as it is, then generated inputs */
            for (size_t i = 0; i < NSEEDS; i++)
                compare_field(ctx, ra, rb, groups[g], g == 0 ? 0 : 1, field, seeds[i],
                              strlen(seeds[i]));
            for (int round = 0; round < 300; round++) {
                size_t n = make_input(in, round % 2 == 0);
                compare_field(ctx, ra, rb, groups[g], g == 0 ? 0 : (size_t)round % 3, field,
                              in, n);
            }
            for (int round = 0; round < 100; round++) {
                size_t n = make_plain_input(in);
                compare_field(ctx, ra, rb, groups[g], g == 0 ? 0 : (size_t)round % 3, field,
                              in, n);
            }
        }
    }
    stuinfo_report_free(ra);
    stuinfo_report_free(rb);
    stuinfo_ctx_free(ctx);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fold_ascii_same_as_fold),
        cmocka_unit_test(test_setter_fast_path_same_as_general),
        cmocka_unit_test(test_plain_text),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
