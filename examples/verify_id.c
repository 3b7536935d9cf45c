/*
 * Verify identity numbers: one at a time with an explanation, then a whole column in
 * one call. Copy from here.
 *
 *   cc verify_id.c $(pkg-config --cflags --libs stuinfo)
 *   ./a.out 11010519491231002X 110105194912310021
 *
 * Without arguments it runs on a few sample numbers. Exit status 0 when it ran.
 */
#include <stdio.h>
#include <string.h>

#include <stuinfo.h>

static void
explain(stuinfo_ctx *ctx, const char *text)
{
    /* The result lives in our memory; `size` tells the library which version we know. */
    stuinfo_idnum_result r = {.size = sizeof(r)};
    char masked[40];

    /* Never print or log a full number: mask it (110105********002X). */
    stuinfo_idnum_mask(ctx, text, strlen(text), NULL, masked, sizeof(masked), NULL);

    if (stuinfo_idnum_verify(ctx, text, strlen(text), &r) == STUINFO_OK) {
        printf("%s  valid: born %04d-%02d-%02d, %s, %s %s%s\n", masked,
               (int)r.birth_year, (int)r.birth_month, (int)r.birth_day,
               r.sex == 1 ? "male" : r.sex == 2 ? "female" : "sex not stated",
               r.province_name ? r.province_name : "", r.region_name ? r.region_name : "",
               r.flags & STUINFO_IDNUM_FLAG_LEGACY_15 ? " (legacy 15-digit number)" : "");
    } else {
        /* The message names the reason, never the number; the rule id is stable. */
        printf("%s  invalid: %s [%s]\n", masked, stuinfo_ctx_last_message(ctx),
               stuinfo_idnum_reason_rule(r.reason));
    }
    memset(&r, 0, sizeof(r));   /* r.normalized held the number */
}

int
main(int argc, char **argv)
{
    static const char *const samples[] = {
        "11010519491231002X",           /* valid */
        "110105194912310021",           /* wrong check character */
        " 11010519491231002x",          /* valid after trimming and upper-casing */
        "110105491231002",              /* legacy 15 digits */
        "1.10105E+17",                  /* a spreadsheet destroyed it */
    };
    const char *const *numbers = samples;
    size_t count = sizeof(samples) / sizeof(samples[0]);
    stuinfo_ctx *ctx = NULL;

    if (argc > 1) {
        numbers = (const char *const *)(argv + 1);
        count = (size_t)(argc - 1);
    }
    if (stuinfo_ctx_new(NULL, &ctx) != STUINFO_OK)
        return 1;
    stuinfo_ctx_set_lang(ctx, STUINFO_LANG_EN);    /* Chinese is the default */

    for (size_t i = 0; i < count; i++)
        explain(ctx, numbers[i]);

    /* A column: one call, no allocation, one reason per number (0 = valid). */
    size_t lens[16], valid = 0;
    int32_t reasons[16];
    if (count > 16)
        count = 16;
    for (size_t i = 0; i < count; i++)
        lens[i] = strlen(numbers[i]);
    if (stuinfo_idnum_verify_batch(ctx, numbers, lens, count, reasons, &valid) == STUINFO_OK)
        printf("batch: %zu of %zu valid\n", valid, count);

    stuinfo_ctx_free(ctx);
    return 0;
}
