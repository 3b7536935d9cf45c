/* Code tables through the public API: by code, by name, enumeration, metadata. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "test_ctx.h"

static stuinfo_code_entry
entry(void)
{
    stuinfo_code_entry e;

    memset(&e, 0, sizeof(e));
    e.size = sizeof(e);
    return e;
}

static void
expect_code(stuinfo_ctx *ctx, int32_t table, const char *text, const char *code)
{
    stuinfo_code_entry e = entry();
    stuinfo_status st = stuinfo_code_find_name(ctx, table, text, strlen(text), &e);

    if (st != STUINFO_OK)
        fail_msg("name \"%s\" in table %d: status %d (%s)", text, table, st,
                 stuinfo_ctx_last_message(ctx));
    assert_string_equal(e.code, code);
}

static void
expect_name_status(stuinfo_ctx *ctx, int32_t table, const char *text, size_t len,
                   stuinfo_status want)
{
    stuinfo_code_entry e = entry();

    assert_int_equal(stuinfo_code_find_name(ctx, table, text, len, &e), want);
    assert_int_equal(stuinfo_ctx_last_status(ctx), want);
}

static void
test_by_code(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_code_entry e = entry();

    (void)state;
    assert_int_equal(stuinfo_code_find(ctx, STUINFO_TABLE_ETHNICITY, "01", 2, &e),
                     STUINFO_OK);
    assert_string_equal(e.name, "\xE6\xB1\x89\xE6\x97\x8F");        /* 汉族 */
    assert_string_equal(e.short_name, "\xE6\xB1\x89");              /* 汉 */
    assert_string_equal(e.name_en, "Han");
    assert_string_equal(e.alpha2, "HA");
    assert_int_equal(e.table, STUINFO_TABLE_ETHNICITY);
    assert_int_equal(e.index, 0);
    assert_true(e.flags & STUINFO_CODE_REGISTRY);

    assert_int_equal(stuinfo_code_find(ctx, STUINFO_TABLE_NATIONALITY, "CHN", 3, &e),
                     STUINFO_OK);
    assert_string_equal(e.code, "156");
    assert_string_equal(e.alpha2, "CN");
    assert_int_equal(stuinfo_code_find(ctx, STUINFO_TABLE_NATIONALITY, "SDN", 3, &e),
                     STUINFO_OK);
    assert_string_equal(e.code, "729");                              /* not withdrawn 736 */
    assert_int_equal(stuinfo_code_find(ctx, STUINFO_TABLE_NATIONALITY, "736", 3, &e),
                     STUINFO_OK);
    assert_true(e.flags & STUINFO_CODE_RETIRED);

    assert_int_equal(stuinfo_code_find(ctx, STUINFO_TABLE_ETHNICITY, "99", 2, &e),
                     STUINFO_ERR_NOT_FOUND);
    assert_int_equal(stuinfo_code_find(ctx, STUINFO_TABLE_ETHNICITY, "01\0", 3, &e),
                     STUINFO_ERR_NOT_FOUND);
    assert_int_equal(stuinfo_code_find(ctx, STUINFO_TABLE_ETHNICITY, "", 0, &e),
                     STUINFO_ERR_NOT_FOUND);
    assert_int_equal(stuinfo_code_find(ctx, STUINFO_TABLE_ETHNICITY, "0123456789", 10, &e),
                     STUINFO_ERR_NOT_FOUND);
    assert_int_equal(stuinfo_code_find(ctx, 0, "01", 2, &e), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_code_find(ctx, 99, "01", 2, &e), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_code_find(NULL, 1, "01", 2, &e), STUINFO_ERR_INVALID_ARGUMENT);
    assert_int_equal(stuinfo_code_find(ctx, 1, "01", 2, NULL), STUINFO_ERR_INVALID_ARGUMENT);
    e.size = 4;
    assert_int_equal(stuinfo_code_find(ctx, 1, "01", 2, &e), STUINFO_ERR_INVALID_ARGUMENT);
    stuinfo_ctx_free(ctx);
}

static void
test_aliases(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();

    (void)state;
    expect_code(ctx, STUINFO_TABLE_ETHNICITY, "\xE6\xB1\x89", "01");                 /* 汉 */
    expect_code(ctx, STUINFO_TABLE_ETHNICITY, "\xE6\xB1\x89\xE6\x97\x8F", "01");     /* 汉族 */
    expect_code(ctx, STUINFO_TABLE_ETHNICITY, "\xE6\xBC\xA2\xE6\x97\x8F", "01");     /* 漢族 */
    expect_code(ctx, STUINFO_TABLE_ETHNICITY, "Han", "01");
    expect_code(ctx, STUINFO_TABLE_ETHNICITY, "HA", "01");
    expect_code(ctx, STUINFO_TABLE_ETHNICITY, "\xEF\xBC\xA8\xEF\xBC\xA1", "01");     /* ＨＡ */
    expect_code(ctx, STUINFO_TABLE_ETHNICITY, "  h A n ", "01");
    expect_code(ctx, STUINFO_TABLE_ETHNICITY, "\xE3\x80\x80\xE6\xB1\x89 \xE6\x97\x8F", "01");
    expect_code(ctx, STUINFO_TABLE_ETHNICITY, "\xE6\xAF\x9B\xE9\x9A\xBE\xE6\x97\x8F", "36");
    expect_code(ctx, STUINFO_TABLE_POLITICAL_STATUS, "\xE5\x9B\xA2\xE5\x91\x98", "03");
    expect_code(ctx, STUINFO_TABLE_POLITICAL_STATUS,
                "\xE5\x85\xB1\xE9\x9D\x92\xE5\x9B\xA2\xE5\x91\x98", "03");        /* 共青团员 */
    expect_code(ctx, STUINFO_TABLE_POLITICAL_STATUS, "\xE7\xBE\xA4\xE4\xBC\x97", "13");
    expect_code(ctx, STUINFO_TABLE_NATIONALITY, "China", "156");
    expect_code(ctx, STUINFO_TABLE_NATIONALITY, "CHINA", "156");
    expect_code(ctx, STUINFO_TABLE_NATIONALITY, "\xE4\xB8\xAD\xE5\x9B\xBD", "156");  /* 中国 */
    expect_code(ctx, STUINFO_TABLE_NATIONALITY, "CN", "156");
    expect_code(ctx, STUINFO_TABLE_NATIONALITY, "chn", "156");
    expect_code(ctx, STUINFO_TABLE_NATIONALITY, "156", "156");
    expect_code(ctx, STUINFO_TABLE_NATIONALITY, "\xEF\xBC\x91\xEF\xBC\x95\xEF\xBC\x96", "156");
    expect_code(ctx, STUINFO_TABLE_NATIONALITY, "\xE9\xA6\x99\xE6\xB8\xAF", "344");  /* 香港 */
    expect_code(ctx, STUINFO_TABLE_SEX, "\xE7\x94\xB7", "1");                        /* 男 */
    expect_code(ctx, STUINFO_TABLE_SEX, "\xE5\xA5\xB3\xE6\x80\xA7", "2");            /* 女性 */
    expect_code(ctx, STUINFO_TABLE_HUKOU_TYPE, "\xE5\x86\x9C\xE4\xB8\x9A\xE6\x88\xB7\xE5\x8F\xA3",
                "1");                                                                /* 农业户口 */
    expect_code(ctx, STUINFO_TABLE_ID_DOC_TYPE, "\xE8\xBA\xAB\xE4\xBB\xBD\xE8\xAF\x81", "1");
    expect_code(ctx, STUINFO_TABLE_NATIONALITY, "South Korea", "410");
    expect_code(ctx, STUINFO_TABLE_NATIONALITY, "Korea, Republic of", "410");
    expect_code(ctx, STUINFO_TABLE_NATIONALITY, "C\xC3\xB4te d'Ivoire", "384");
    expect_code(ctx, STUINFO_TABLE_NATIONALITY, "C\xC3\x94TE D'IVOIRE", "384");
    expect_code(ctx, STUINFO_TABLE_REGION, "\xE5\x8C\x97\xE4\xBA\xAC", "110000");     /* 北京 */
    expect_code(ctx, STUINFO_TABLE_REGION, "\xE5\x86\x85\xE8\x92\x99\xE5\x8F\xA4",
                "150000");                                                      /* 内蒙古 */
    expect_code(ctx, STUINFO_TABLE_REGION, "\xE7\x9F\xB3\xE5\xAE\xB6\xE5\xBA\x84",
                "130100");                                                      /* 石家庄 */
    expect_code(ctx, STUINFO_TABLE_REGION, "\xE6\xB2\xB3\xE5\x8C\x97\xE7\x9F\xB3\xE5\xAE"
                "\xB6\xE5\xBA\x84", "130100");                                /* 河北石家庄 */
    expect_code(ctx, STUINFO_TABLE_REGION, "\xE6\xB2\xB3\xE5\x8C\x97\xE7\x9F\xB3\xE5\xAE"
                "\xB6\xE5\xBA\x84\xE5\xB8\x82\xE6\xAD\xA3\xE5\xAE\x9A\xE5\x8E\xBF",
                "130123");                                                /* 河北石家庄市正定县 */
    expect_code(ctx, STUINFO_TABLE_RELATIONSHIP, "\xE7\x88\xB7\xE7\x88\xB7", "61");   /* 爷爷 */
    expect_code(ctx, STUINFO_TABLE_RELATIONSHIP, "\xE7\x88\xB6\xE4\xBA\xB2", "51");   /* 父亲 */
    expect_code(ctx, STUINFO_TABLE_ETHNICITY, "1", "01");                         /* Excel */
    expect_code(ctx, STUINFO_TABLE_POLITICAL_STATUS, "3", "03");
    expect_code(ctx, STUINFO_TABLE_NATIONALITY, "4", "004");
    expect_code(ctx, STUINFO_TABLE_NATIONALITY, "\xE8\x87\xBA\xE7\x81\xA3", "158");  /* 臺灣 */
    expect_code(ctx, STUINFO_TABLE_RELATIONSHIP, "\xE5\x85\xB6\xE4\xBB\x96\xE4\xBA\xB2"
                "\xE5\xB1\x9E", "97");                                        /* 其他亲属 */
    /* 北京市朝阳区, 吉林省长春市朝阳区, 长春市 朝阳区 */
    expect_code(ctx, STUINFO_TABLE_REGION, "\xE5\x8C\x97\xE4\xBA\xAC\xE5\xB8\x82"
                "\xE6\x9C\x9D\xE9\x98\xB3\xE5\x8C\xBA", "110105");
    expect_code(ctx, STUINFO_TABLE_REGION, "\xE5\x90\x89\xE6\x9E\x97\xE7\x9C\x81"
                "\xE9\x95\xBF\xE6\x98\xA5\xE5\xB8\x82\xE6\x9C\x9D\xE9\x98\xB3\xE5\x8C\xBA",
                "220104");
    expect_code(ctx, STUINFO_TABLE_REGION, "\xE9\x95\xB7\xE6\x98\xA5\xE5\xB8\x82 "
                "\xE6\x9C\x9D\xE9\x99\xBD\xE5\x8D\x80", "220104");    /* 長春市 朝陽區 */
    stuinfo_ctx_free(ctx);
}

static void
test_bad_names(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    char longtext[400];

    (void)state;
    memset(longtext, 'a', sizeof(longtext));
    expect_name_status(ctx, STUINFO_TABLE_ETHNICITY, "", 0, STUINFO_ERR_NOT_FOUND);
    expect_name_status(ctx, STUINFO_TABLE_ETHNICITY, "   ", 3, STUINFO_ERR_NOT_FOUND);
    expect_name_status(ctx, STUINFO_TABLE_ETHNICITY, "Hanzu", 5, STUINFO_ERR_NOT_FOUND);
    expect_name_status(ctx, STUINFO_TABLE_ETHNICITY, "\xE6\xB1", 2, STUINFO_ERR_ENCODING);
    expect_name_status(ctx, STUINFO_TABLE_ETHNICITY, "\xC0\xAF", 2, STUINFO_ERR_ENCODING);
    expect_name_status(ctx, STUINFO_TABLE_ETHNICITY, "H\0A", 3, STUINFO_ERR_ENCODING);
    expect_name_status(ctx, STUINFO_TABLE_ETHNICITY, longtext, sizeof(longtext),
                       STUINFO_ERR_TOO_LONG);
    expect_name_status(ctx, STUINFO_TABLE_ETHNICITY, NULL, 3, STUINFO_ERR_INVALID_ARGUMENT);
    expect_name_status(ctx, 0, "Han", 3, STUINFO_ERR_INVALID_ARGUMENT);
    /* 吉林 is the short form of 吉林省 and of 吉林市. */
    expect_name_status(ctx, STUINFO_TABLE_REGION, "\xE5\x90\x89\xE6\x9E\x97", 6,
                       STUINFO_ERR_AMBIGUOUS);
    /* 朝阳区 is a district of Beijing and of Changchun. */
    expect_name_status(ctx, STUINFO_TABLE_REGION, "\xE6\x9C\x9D\xE9\x98\xB3\xE5\x8C\xBA", 9,
                       STUINFO_ERR_AMBIGUOUS);
    stuinfo_ctx_free(ctx);
}

/* Zero-width and bidi controls (Trojan Source) are refused, never folded away to a
 * match: 汉<U+200B>族 and 汉<U+202E>族 would otherwise find 01. The message names the
 * character and its byte offset, not the text. */
static void
test_invisible_names(void **state)
{
    static const struct {
        const char *text, *cp;
    } cases[] = {
        {"\xE6\xB1\x89\xE2\x80\x8B\xE6\x97\x8F", "U+200B"},     /* ZWSP */
        {"\xE6\xB1\x89\xE2\x80\xAE\xE6\x97\x8F", "U+202E"},     /* RLO */
        {"\xE6\xB1\x89\xE2\x81\xA6\xE6\x97\x8F", "U+2066"},     /* LRI */
        {"\xE6\xB1\x89\xEF\xBB\xBF\xE6\x97\x8F", "U+FEFF"},     /* BOM inside */
        {"\xE6\xB1\x89\xC2\xAD\xE6\x97\x8F", "U+00AD"},         /* soft hyphen */
        {"\xE6\xB1\x89\x01\xE6\x97\x8F", "U+0001"},              /* C0 control */
    };
    stuinfo_ctx *ctx = test_ctx_new();

    (void)state;
    expect_code(ctx, STUINFO_TABLE_ETHNICITY, "\xE6\xB1\x89\xE6\x97\x8F", "01");
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        stuinfo_code_entry e = entry();
        const char *msg;

        assert_int_equal(stuinfo_code_find_name(ctx, STUINFO_TABLE_ETHNICITY, cases[i].text,
                                                strlen(cases[i].text), &e),
                         STUINFO_ERR_INVALID);
        assert_null(e.code);
        assert_int_equal(stuinfo_ctx_last_status(ctx), STUINFO_ERR_INVALID);
        msg = stuinfo_ctx_last_message(ctx);
        assert_non_null(strstr(msg, cases[i].cp));
        assert_non_null(strstr(msg, "at byte 3"));          /* English test ctx */
        assert_null(strstr(msg, "\xE6\xB1\x89"));            /* not the text */
    }
    /* at the start and at the end too, and in the region table */
    expect_name_status(ctx, STUINFO_TABLE_ETHNICITY, "\xE2\x80\x8BHan", 6,
                       STUINFO_ERR_INVALID);
    expect_name_status(ctx, STUINFO_TABLE_ETHNICITY, "Han\xE2\x80\xAE", 6,
                       STUINFO_ERR_INVALID);
    expect_name_status(ctx, STUINFO_TABLE_REGION,
                       "\xE5\x8C\x97\xE2\x80\x8D\xE4\xBA\xAC", 9, STUINFO_ERR_INVALID);
    stuinfo_ctx_free(ctx);
}

/* Random bytes of every length up to past the limit: a status from the documented
 * set, never a crash, and a found entry is a real one. */
static void
test_random_input(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    unsigned char buf[300];
    uint32_t seed = 12345;

    (void)state;
    for (int round = 0; round < 20000; round++) {
        size_t len = (size_t)(round % 300);
        int32_t table = 1 + round % STUINFO_TABLE_RELATIONSHIP_CATEGORY;
        stuinfo_code_entry e = entry();
        stuinfo_status st;

        for (size_t i = 0; i < len; i++) {
            seed = seed * 1103515245u + 12345u;
            /* mostly ASCII letters and CJK lead bytes, some anything */
            buf[i] = (unsigned char)(round % 3 == 0 ? seed >> 16 : round % 3 == 1
                                     ? 'A' + (seed >> 16) % 58 : 0xE4 + (seed >> 16) % 6);
        }
        st = stuinfo_code_find_name(ctx, table, (const char *)buf, len, &e);
        assert_true(st == STUINFO_OK || st == STUINFO_ERR_NOT_FOUND
                    || st == STUINFO_ERR_AMBIGUOUS || st == STUINFO_ERR_ENCODING
                    || st == STUINFO_ERR_TOO_LONG || st == STUINFO_ERR_INVALID);
        if (st == STUINFO_OK)
            assert_int_equal(e.table, table);
        assert_int_equal(stuinfo_ctx_last_status(ctx), st);
        st = stuinfo_code_find(ctx, table, (const char *)buf, len % 10, &e);
        assert_true(st == STUINFO_OK || st == STUINFO_ERR_NOT_FOUND);
    }
    stuinfo_ctx_free(ctx);
}

static void
test_enumerate(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_code_table_info info;
    stuinfo_code_entry e = entry();
    uint32_t n = 0;

    (void)state;
    memset(&info, 0, sizeof(info));
    info.size = sizeof(info);
    assert_int_equal(stuinfo_code_table_get_info(ctx, STUINFO_TABLE_ETHNICITY, &info),
                     STUINFO_OK);
    assert_string_equal(info.standard, "GB/T 3304-1991");
    assert_int_equal(info.year, 1991);
    assert_int_equal(info.count, 58);
    assert_string_equal(info.key, "ethnicity");
    assert_int_equal(stuinfo_code_count(ctx, STUINFO_TABLE_ETHNICITY, &n), STUINFO_OK);
    assert_int_equal(n, 58);
    assert_int_equal(stuinfo_code_at(ctx, STUINFO_TABLE_ETHNICITY, 57, &e), STUINFO_OK);
    assert_string_equal(e.code, "98");
    assert_int_equal(stuinfo_code_at(ctx, STUINFO_TABLE_ETHNICITY, 58, &e),
                     STUINFO_ERR_NOT_FOUND);
    {
        int32_t t = -1;
        assert_int_equal(stuinfo_code_table_from_key(ctx, "region", 6, &t), STUINFO_OK);
        assert_int_equal(t, STUINFO_TABLE_REGION);
        assert_int_equal(stuinfo_code_table_from_key(ctx, "regio", 5, &t),
                         STUINFO_ERR_NOT_FOUND);
        assert_int_equal(t, 0);
        assert_int_equal(stuinfo_code_table_from_key(ctx, NULL, 1, &t),
                         STUINFO_ERR_INVALID_ARGUMENT);
    }
    assert_int_equal(stuinfo_code_count(ctx, STUINFO_TABLE_REGION, &n), STUINFO_OK);
    assert_int_equal(n, 7189);
    assert_int_equal(stuinfo_code_count(ctx, STUINFO_TABLE_NATIONALITY, &n), STUINFO_OK);
    assert_int_equal(n, 252);
    stuinfo_ctx_free(ctx);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_by_code),
        cmocka_unit_test(test_aliases),
        cmocka_unit_test(test_bad_names),
        cmocka_unit_test(test_invisible_names),
        cmocka_unit_test(test_random_input),
        cmocka_unit_test(test_enumerate),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
