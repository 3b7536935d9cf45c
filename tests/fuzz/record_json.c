/*
 * Fuzz target "record_json": student records from JSON (stuinfo_student_from_json),
 * with one of the library's allocations failed at a point chosen by the input (libxml2
 * style; jansson's own allocations are counted but not failed, see fuzz_common.h).
 * Properties:
 *   - NOMEM exactly when an allocation failed, and then no record;
 *   - a record that was read serializes, reads back and serializes to the same bytes
 *     (serialize(parse(serialize(x))) == serialize(x), reliability.md §7 G1(a));
 *   - validation of any record that was read succeeds (findings are not errors);
 *   - no finding or message holds an unmasked ID number; nothing leaks.
 * Input: 2 bytes choosing the allocation to fail, then the JSON text.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    stuinfo_ctx *ctx = fuzz_ctx();
    stuinfo_report *rep = NULL;
    stuinfo_student *st = NULL, *back = NULL;
    const char *j1 = NULL, *j2 = NULL;
    size_t n1 = 0, n2 = 0;
    char *copy = NULL;
    stuinfo_status s;
    static bool routed;

    /* jansson's allocator is process-global: route it through the counting one once,
     * so its allocations are failed and leak-checked too (the library never does). */
    if (!routed) {
        json_set_alloc_funcs(fuzz_json_malloc, fuzz_json_free);
        fuzz_fail_jansson(false);   /* json_loadb is not OOM-safe: see fuzz_common.h */
        routed = true;
    }
    if (!fuzz_begin(&data, &size))
        return 0;
    if (stuinfo_report_new(ctx, &rep) != STUINFO_OK)
        fuzz_fail("report_new failed without injection");

    fuzz_arm();
    s = stuinfo_student_from_json(ctx, (const char *)data, size, rep, &st);
    fuzz_disarm();
    /* The documented status is that of the first problem found: an input that is wrong
     * anyway may report that problem instead of NOMEM. Accept it only if the same input
     * gives the same error with nothing failing (the failure was not swallowed). */
    if (fuzz_injected() && s != STUINFO_OK && s != STUINFO_ERR_NOMEM) {
        stuinfo_report *clean_rep = NULL;
        stuinfo_student *clean = NULL;
        stuinfo_status again;

        if (stuinfo_report_new(ctx, &clean_rep) != STUINFO_OK)
            fuzz_fail("report_new failed without injection");
        again = stuinfo_student_from_json(ctx, (const char *)data, size, clean_rep, &clean);
        stuinfo_student_free(clean);
        stuinfo_report_free(clean_rep);
        if (again == s)
            s = STUINFO_ERR_NOMEM;      /* consistent: count it as reported */
    }
    fuzz_check_status(s, "student_from_json");
    fuzz_check_message("student_from_json");
    fuzz_check_report(rep, "student_from_json: a finding holds an unmasked ID number");
    if (s != STUINFO_OK) {
        if (st != NULL)
            fuzz_fail("student_from_json: a record after a failure");
        goto out;
    }

    if (stuinfo_student_to_json(st, &j1, &n1) != STUINFO_OK)
        fuzz_fail("student_to_json failed on a record that was read");
    copy = malloc(n1 + 1);
    if (copy == NULL)
        goto out;
    memcpy(copy, j1, n1 + 1);
    if (stuinfo_report_clear(rep) != STUINFO_OK)
        fuzz_fail("report_clear failed");
    if (stuinfo_student_from_json(ctx, copy, n1, rep, &back) != STUINFO_OK)
        fuzz_fail("student_from_json refused the library's own JSON");
    if (stuinfo_student_to_json(back, &j2, &n2) != STUINFO_OK)
        fuzz_fail("student_to_json failed on the round trip");
    if (n1 != n2 || memcmp(copy, j2, n1) != 0)
        fuzz_fail("JSON round trip not byte-stable");
    if (stuinfo_student_validate(st, NULL, rep) != STUINFO_OK)
        fuzz_fail("student_validate failed on a record that was read");
    fuzz_check_message("student_validate");
    fuzz_check_report(rep, "student_validate: a finding holds an unmasked ID number");
out:
    free(copy);
    stuinfo_student_free(back);
    stuinfo_student_free(st);
    stuinfo_report_free(rep);
    fuzz_check_no_leak("record_json");
    return 0;
}
