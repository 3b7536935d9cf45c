/*
 * Fuzz target "school_json": the school layer's JSON imports - education authorities,
 * schools with their campuses, classes, and enrolment histories (a hash-chained log that
 * must replay through the transition table) - with one of the library's allocations
 * failed at a point chosen by the input (as record_json; jansson's own allocations are
 * counted but not failed, see fuzz_common.h).
 * Properties:
 *   - NOMEM exactly when an allocation failed, and then no handle;
 *   - a handle that was read serializes, reads back and serializes to the same bytes;
 *   - validation of an authority, school or class that was read succeeds;
 *   - no message or finding holds an unmasked ID number; nothing leaks.
 * Input: 2 bytes choosing the allocation to fail, 1 byte choosing the kind (modulo 4),
 * then the JSON text.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "fuzz_common.h"

/* One kind of record, behind untyped adapters so that one driver serves all four. */
struct kind {
    const char *name;
    stuinfo_status (*from_json)(stuinfo_ctx *, const char *, size_t, stuinfo_report *,
                                void **);
    stuinfo_status (*to_json)(void *, const char **, size_t *);
    stuinfo_status (*validate)(const void *, stuinfo_report *);    /* NULL: none */
    void (*free)(void *);
};

/* Each adapter only converts the handle pointer's type. */
#define ADAPTERS(T, prefix)                                                              \
    static stuinfo_status prefix##_from(stuinfo_ctx *ctx, const char *j, size_t n,      \
                                        stuinfo_report *rep, void **out)                 \
    {                                                                                    \
        T *h = NULL;                                                                     \
        stuinfo_status s = stuinfo_##prefix##_from_json(ctx, j, n, rep, &h);             \
        *out = h;                                                                        \
        return s;                                                                        \
    }                                                                                    \
    static stuinfo_status prefix##_to(void *h, const char **j, size_t *n)                \
    {                                                                                    \
        return stuinfo_##prefix##_to_json((T *)h, j, n);                                 \
    }                                                                                    \
    static void prefix##_free(void *h)                                                   \
    {                                                                                    \
        stuinfo_##prefix##_free((T *)h);                                                 \
    }

ADAPTERS(stuinfo_authority, authority)
ADAPTERS(stuinfo_school, school)
ADAPTERS(stuinfo_class, class)
ADAPTERS(stuinfo_enrolment, enrolment)

static stuinfo_status
authority_check(const void *h, stuinfo_report *rep)
{
    return stuinfo_authority_validate((const stuinfo_authority *)h, rep);
}

static stuinfo_status
school_check(const void *h, stuinfo_report *rep)
{
    return stuinfo_school_validate((const stuinfo_school *)h, rep);
}

static stuinfo_status
class_check(const void *h, stuinfo_report *rep)
{
    return stuinfo_class_validate((const stuinfo_class *)h, rep);
}

static const struct kind kinds[4] = {
    {"authority", authority_from, authority_to, authority_check, authority_free},
    {"school", school_from, school_to, school_check, school_free},
    {"class", class_from, class_to, class_check, class_free},
    {"enrolment", enrolment_from, enrolment_to, NULL, enrolment_free},
};

/* Read @p data as kind @p k with allocations armed; the status, counted as NOMEM when
 * an injected failure met an input that is wrong anyway and gives the same error clean
 * (the documented status is that of the first problem found). */
static stuinfo_status
read_armed(const struct kind *k, const char *data, size_t size, stuinfo_report *rep,
           void **out)
{
    stuinfo_ctx *ctx = fuzz_ctx();
    stuinfo_status s;

    fuzz_arm();
    s = k->from_json(ctx, data, size, rep, out);
    fuzz_disarm();
    if (fuzz_injected() && s != STUINFO_OK && s != STUINFO_ERR_NOMEM) {
        stuinfo_report *clean_rep = NULL;
        void *clean = NULL;

        if (stuinfo_report_new(ctx, &clean_rep) != STUINFO_OK)
            fuzz_fail("report_new failed without injection");
        if (k->from_json(ctx, data, size, clean_rep, &clean) == s)
            s = STUINFO_ERR_NOMEM;
        if (clean != NULL)
            k->free(clean);
        stuinfo_report_free(clean_rep);
    }
    return s;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    stuinfo_ctx *ctx = fuzz_ctx();
    stuinfo_report *rep = NULL;
    const struct kind *k;
    void *h = NULL, *back = NULL;
    const char *j1 = NULL, *j2 = NULL;
    size_t n1 = 0, n2 = 0;
    char *copy = NULL;
    stuinfo_status s;
    static bool routed;

    /* jansson's allocator is process-global: route it through the counting one once
     * (the library never does). */
    if (!routed) {
        json_set_alloc_funcs(fuzz_json_malloc, fuzz_json_free);
        fuzz_fail_jansson(false);   /* json_loadb is not OOM-safe: see fuzz_common.h */
        routed = true;
    }
    if (!fuzz_begin(&data, &size) || size < 1)
        return 0;
    k = &kinds[data[0] % 4];
    data++;
    size--;
    if (stuinfo_report_new(ctx, &rep) != STUINFO_OK)
        fuzz_fail("report_new failed without injection");

    s = read_armed(k, (const char *)data, size, rep, &h);
    fuzz_check_status(s, k->name);
    fuzz_check_message(k->name);
    fuzz_check_report(rep, "from_json: a finding holds an unmasked ID number");
    if (s != STUINFO_OK) {
        if (h != NULL)
            fuzz_fail("from_json: a handle after a failure");
        goto out;
    }

    if (k->to_json(h, &j1, &n1) != STUINFO_OK)
        fuzz_fail("to_json failed on a handle that was read");
    copy = malloc(n1 + 1);
    if (copy == NULL)
        goto out;
    memcpy(copy, j1, n1 + 1);
    if (stuinfo_report_clear(rep) != STUINFO_OK)
        fuzz_fail("report_clear failed");
    if (k->from_json(ctx, copy, n1, rep, &back) != STUINFO_OK)
        fuzz_fail("from_json refused the library's own JSON");
    if (k->to_json(back, &j2, &n2) != STUINFO_OK)
        fuzz_fail("to_json failed on the round trip");
    if (n1 != n2 || memcmp(copy, j2, n1) != 0)
        fuzz_fail("JSON round trip not byte-stable");
    if (k->validate != NULL) {
        if (k->validate(h, rep) != STUINFO_OK)
            fuzz_fail("validate failed on a handle that was read");
        fuzz_check_message("validate");
        fuzz_check_report(rep, "validate: a finding holds an unmasked ID number");
    }
out:
    free(copy);
    if (back != NULL)
        k->free(back);
    if (h != NULL)
        k->free(h);
    stuinfo_report_free(rep);
    fuzz_check_no_leak("school_json");
    return 0;
}
