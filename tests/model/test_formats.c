/* Phone, mobile, e-mail and postcode formats (src/model/formats.c), case by case. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "model/validate.h"

struct format_case {
    const char *text;
    bool want;
};

static void
check(bool (*is)(const char *, size_t), const char *what, const struct format_case *cases,
      size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (is(cases[i].text, strlen(cases[i].text)) != cases[i].want)
            fail_msg("%s(\"%s\") should be %s", what, cases[i].text,
                     cases[i].want ? "true" : "false");
}

#define CHECK(fn, cases) check(fn, #fn, cases, sizeof(cases) / sizeof(cases[0]))

static void
test_mobile(void **state)
{
    static const struct format_case cases[] = {
        {"13812345678", true},
        {"19912345678", true},
        {"+8613812345678", true},
        {"+86 13812345678", true},
        {"+86-13812345678", true},
        {"008613812345678", true},
        {"0086-13812345678", true},
        {"8613812345678", true},          /* 13 digits starting 86 */
        {"12812345678", false},           /* second digit 2 */
        {"10812345678", false},
        {"23812345678", false},           /* not 1 */
        {"1381234567", false},            /* 10 digits */
        {"138123456789", false},          /* 12 digits */
        {"1381234567a", false},
        {"", false},
        {"+86", false},
        {"0086", false},
        {"+1 13812345678", false},
    };

    (void)state;
    CHECK(model_is_mobile, cases);
}

static void
test_phone(void **state)
{
    static const struct format_case cases[] = {
        {"13812345678", true},            /* a mobile is a phone */
        {"010-12345678", true},
        {"0571-87654321", true},
        {"0571-8765432", true},           /* 7-digit local */
        {"(010)12345678", true},
        {"(0571)87654321", true},
        {"010-12345678-123", true},
        {"010-12345678-123456", true},
        {"12345678", true},               /* local only */
        {"87654321-1", true},
        {"01012345678", true},            /* no separator: 11 digits */
        {"057187654321", true},           /* 12 digits */
        {"+86-010-12345678", true},
        {"(10)12345678", false},          /* area too short */
        {"(01012)12345678", false},       /* area too long */
        {"(110)12345678", false},         /* area must start with 0 */
        {"(010", false},                  /* unclosed */
        {"(010]12345678", false},
        {"01-12345678", false},           /* area 2 digits */
        {"01234-12345678", false},        /* area 5 digits */
        {"010123456", false},             /* 9 digits, no separator */
        {"0101234567890", false},         /* 13 digits */
        {"010-123456", false},            /* local 6 */
        {"010-123456789", false},         /* local 9 */
        {"010-02345678", false},          /* local starts with 0 */
        {"010-12345678-", false},         /* empty extension */
        {"010-12345678-1234567", false},  /* extension 7 */
        {"010-12345678x", false},
        {"", false},
    };

    (void)state;
    CHECK(model_is_phone, cases);
}

static void
test_email(void **state)
{
    static const struct format_case cases[] = {
        {"a@b.cn", true},
        {"zhang.san@example.edu.cn", true},
        {"x+tag@mail-1.example.com", true},
        {"o'brien@example.org", true},
        {"user@\xE4\xBE\x8B\xE5\xAD\x90.cn", true},   /* IDN as UTF-8 */
        {"a@b", false},                   /* domain < 3 */
        {"a@bcd", false},                 /* one label */
        {"@b.cn", false},                 /* empty local */
        {"ab.cn", false},                 /* no @ */
        {".a@b.cn", false},               /* leading dot */
        {"a.@b.cn", false},               /* dot before @ */
        {"a..b@c.cn", false},             /* double dot */
        {"a b@c.cn", false},              /* space */
        {"a@.b.cn", false},               /* empty label */
        {"a@b..cn", false},
        {"a@b-.cn", false},               /* label ends in '-' */
        {"a@-b.cn", false},               /* label starts with '-' */
        {"a@b.cn-", false},               /* domain ends in '-' */
        {"a@b.cn.", false},               /* empty last label */
        {"a@b_c.cn", false},
        {"a@b.c n", false},
    };
    char local65[80], label64[90], big[300];

    (void)state;
    CHECK(model_is_email, cases);
    /* 64 characters of local part pass, 65 do not */
    memset(local65, 'a', 64);
    memcpy(local65 + 64, "@b.cn", 6);
    assert_true(model_is_email(local65, strlen(local65)));
    memset(local65, 'a', 65);
    memcpy(local65 + 65, "@b.cn", 6);
    assert_false(model_is_email(local65, strlen(local65)));
    /* a label of 63 passes, 64 does not */
    memcpy(label64, "a@", 2);
    memset(label64 + 2, 'b', 63);
    memcpy(label64 + 65, ".cn", 4);
    assert_true(model_is_email(label64, strlen(label64)));
    memcpy(label64 + 2, "b", 1);
    memset(label64 + 2, 'b', 64);
    memcpy(label64 + 66, ".cn", 4);
    assert_false(model_is_email(label64, strlen(label64)));
    /* over 254 bytes in all */
    memset(big, 'a', sizeof(big));
    memcpy(big, "a@", 2);
    for (size_t i = 40; i < 255; i += 40)
        big[i] = '.';
    memcpy(big + 255, ".cn", 4);
    assert_false(model_is_email(big, strlen(big)));
}

static void
test_postcode(void **state)
{
    static const struct format_case cases[] = {
        {"100871", true},
        {"000000", true},
        {"10087", false},
        {"1008711", false},
        {"10087a", false},
        {"", false},
    };

    (void)state;
    CHECK(model_is_postcode, cases);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_mobile),
        cmocka_unit_test(test_phone),
        cmocka_unit_test(test_email),
        cmocka_unit_test(test_postcode),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
