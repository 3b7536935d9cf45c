/* The test vectors of id_rules.md §8 and the standard's own examples, through the
 * public API, with the primary reason and the fields each one explains. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "test_ctx.h"

struct vector {
    const char *input;
    int32_t reason;
    int32_t kind;
    const char *normalized;     /* NULL: not checked */
    char expected_check;        /* 0: not checked */
    int32_t sex;                /* 0: not checked */
};

static const struct vector vectors[] = {
    {"11010519491231002X", STUINFO_IDNUM_VALID, STUINFO_IDNUM_RESIDENT_18,
     "11010519491231002X", 'X', 2},
    {"440524188001010014", STUINFO_IDNUM_VALID, STUINFO_IDNUM_RESIDENT_18,
     "440524188001010014", '4', 1},
    {"11010519491231002x", STUINFO_IDNUM_VALID, STUINFO_IDNUM_RESIDENT_18,
     "11010519491231002X", 'X', 2},
    {"\xef\xbc\x91\xef\xbc\x91\xef\xbc\x90\xef\xbc\x91\xef\xbc\x90\xef\xbc\x95\xef\xbc\x91"
     "\xef\xbc\x99\xef\xbc\x94\xef\xbc\x99\xef\xbc\x91\xef\xbc\x92\xef\xbc\x93\xef\xbc\x91"
     "\xef\xbc\x90\xef\xbc\x90\xef\xbc\x92\xef\xbc\xb8",
     STUINFO_IDNUM_VALID, STUINFO_IDNUM_RESIDENT_18, "11010519491231002X", 'X', 2},
    {"110105194912310021", STUINFO_IDNUM_ERR_CHECK_CHAR, STUINFO_IDNUM_RESIDENT_18, NULL,
     'X', 0},
    {"110105491231002", STUINFO_IDNUM_VALID, STUINFO_IDNUM_RESIDENT_15, "110105491231002", 0,
     2},
    {"610104620927690", STUINFO_IDNUM_VALID, STUINFO_IDNUM_RESIDENT_15, NULL, 0, 2},
    {"610122198310134420", STUINFO_IDNUM_VALID, STUINFO_IDNUM_RESIDENT_18, NULL, 0, 2},
    {"15000019970319128X", STUINFO_IDNUM_ERR_CHECK_CHAR, STUINFO_IDNUM_RESIDENT_18, NULL, '2',
     0},
    {"810000199408230021", STUINFO_IDNUM_VALID, STUINFO_IDNUM_PERMIT_HK, NULL, 0, 2},
    {"820000200009090014", STUINFO_IDNUM_VALID, STUINFO_IDNUM_PERMIT_MACAO, NULL, 0, 1},
    {"830000199201300022", STUINFO_IDNUM_VALID, STUINFO_IDNUM_PERMIT_TAIWAN, NULL, 0, 2},
    {"110105194902300020", STUINFO_IDNUM_ERR_DATE, STUINFO_IDNUM_RESIDENT_18, NULL, 0, 0},
    {"110105190002290025", STUINFO_IDNUM_ERR_DATE, STUINFO_IDNUM_RESIDENT_18, NULL, 0, 0},
    {"110105200002290021", STUINFO_IDNUM_VALID, STUINFO_IDNUM_RESIDENT_18, NULL, 0, 0},
    {"110105209912310029", STUINFO_IDNUM_ERR_FUTURE_DATE, STUINFO_IDNUM_RESIDENT_18, NULL, 0,
     0},
    /* A leading 9 marks a foreigner's card: "90" is then no province. */
    {"990105194912310023", STUINFO_IDNUM_ERR_PROVINCE, STUINFO_IDNUM_FOREIGN_PR_18, NULL, 0, 0},
    {"710000194912310024", STUINFO_IDNUM_VALID, STUINFO_IDNUM_RESIDENT_18, NULL, 0, 0},
    {"911398199012310021", STUINFO_IDNUM_VALID, STUINFO_IDNUM_FOREIGN_PR_18, NULL, '1', 2},
    {"911398199012310022", STUINFO_IDNUM_ERR_CHECK_CHAR, STUINFO_IDNUM_FOREIGN_PR_18, NULL,
     '1', 0},
    /* id_rules.md lists 999398199012310021, whose check character is wrong too (3 is
     * right): the check comes first, so the province is isolated with a right one. */
    {"999398199012310021", STUINFO_IDNUM_ERR_CHECK_CHAR, STUINFO_IDNUM_FOREIGN_PR_18, NULL,
     '3', 0},
    {"999398199012310023", STUINFO_IDNUM_ERR_PROVINCE, STUINFO_IDNUM_FOREIGN_PR_18, NULL, 0,
     0},
    {"KAZ110090123105", STUINFO_IDNUM_VALID, STUINFO_IDNUM_FOREIGN_PR_15, "KAZ110090123105",
     '5', 2},
    {"KAZ110090123107", STUINFO_IDNUM_ERR_CHECK_CHAR, STUINFO_IDNUM_FOREIGN_PR_15, NULL, '5',
     0},
};

static void
test_vectors(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();

    (void)state;
    for (size_t i = 0; i < sizeof(vectors) / sizeof(vectors[0]); i++) {
        const struct vector *v = &vectors[i];
        stuinfo_idnum_result r = {.size = sizeof(r)};
        stuinfo_status st = stuinfo_idnum_verify(ctx, v->input, strlen(v->input), &r);

        print_message("vector %zu\n", i);
        assert_int_equal(r.reason, v->reason);
        assert_int_equal(st, v->reason == 0 ? STUINFO_OK : STUINFO_ERR_INVALID);
        assert_int_equal(r.kind, v->kind);
        if (v->normalized != NULL)
            assert_string_equal(r.normalized, v->normalized);
        if (v->expected_check != 0)
            assert_int_equal(r.expected_check, v->expected_check);
        if (v->sex != 0)
            assert_int_equal(r.sex, v->sex);
        /* The message never holds the number. */
        assert_null(strstr(stuinfo_ctx_last_message(ctx), "19491231"));
    }
    stuinfo_ctx_free(ctx);
}

static void
test_fields_of_standard_example(void **state)
{
    stuinfo_ctx *ctx = test_ctx_new();
    stuinfo_idnum_result r = {.size = sizeof(r)};

    (void)state;
    assert_int_equal(stuinfo_idnum_verify(ctx, "11010519491231002X", 18, &r), STUINFO_OK);
    assert_string_equal(r.address_code, "110105");
    assert_int_equal(r.birth_year, 1949);
    assert_int_equal(r.birth_month, 12);
    assert_int_equal(r.birth_day, 31);
    assert_int_equal(r.sequence, 2);
    assert_int_equal(r.check_char, 'X');
    assert_int_equal(r.position, 0);
    assert_int_equal(r.length, 18);
    assert_int_equal(r.prefix, 0);
    assert_int_equal(r.flags & ~(uint32_t)STUINFO_IDNUM_FLAG_ADDRESS_UNCHECKED, 0);

    /* 710000: valid structure, with the Taiwan-province warning. */
    assert_int_equal(stuinfo_idnum_verify(ctx, "710000194912310024", 18, &r), STUINFO_OK);
    assert_true(r.flags & STUINFO_IDNUM_FLAG_ADDRESS_TAIWAN);

    /* Old foreigner's card: nationality letters, born 1990 (not 2090). */
    assert_int_equal(stuinfo_idnum_verify(ctx, "KAZ110090123105", 15, &r), STUINFO_OK);
    assert_string_equal(r.nationality, "KAZ");
    assert_int_equal(r.birth_year, 1990);
    assert_int_equal(stuinfo_idnum_verify(ctx, "911398199012310021", 18, &r), STUINFO_OK);
    assert_string_equal(r.nationality, "398");
    stuinfo_ctx_free(ctx);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_vectors),
        cmocka_unit_test(test_fields_of_standard_example),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
