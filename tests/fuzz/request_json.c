/*
 * Fuzz target "request_json": change requests from JSON (stuinfo_request_from_json),
 * with one of the library's allocations failed at a point chosen by the input (as
 * record_json; jansson's own allocations are counted but not failed, see fuzz_common.h).
 * Properties:
 *   - NOMEM exactly when an allocation failed, and then no request;
 *   - a request that was read serializes, reads back and serializes to the same bytes;
 *   - its log verifies, against its own head too, and replays to the same state and
 *     revision;
 *   - no message, no log text and no shown change holds an unmasked ID number of a key
 *     field; nothing leaks.
 * Input: 2 bytes choosing the allocation to fail, then the JSON text.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "fuzz_common.h"
#include "pii_scan.h"

static bool
holds_id(const char *s)
{
    return s != NULL && pii_scan_find_id(s, strlen(s)) != NULL;
}

/* The log's text is made by the library: it masks the values of key fields. */
static void
check_log(const stuinfo_change_request *req)
{
    size_t n = stuinfo_request_log_count(req);

    if (n != stuinfo_request_revision(req))
        fuzz_fail("request_json: log length is not the revision");
    for (size_t i = 0; i < n; i++) {
        stuinfo_cr_log_entry e;

        memset(&e, 0, sizeof(e));
        e.size = sizeof(e);
        if (stuinfo_request_log_get(req, i, &e) != STUINFO_OK)
            fuzz_fail("request_json: log_get failed");
        if (holds_id(e.changes))
            fuzz_fail("request_json: the log's text holds an unmasked ID number");
    }
}

/* Read @p json (@p len bytes) back and compare its serialization with it. */
static void
check_round_trip(stuinfo_ctx *ctx, const stuinfo_change_request *req, const char *json,
                 size_t len)
{
    stuinfo_change_request *back = NULL;
    const char *j2 = NULL;
    size_t n2 = 0;

    if (stuinfo_request_from_json(ctx, json, len, &back) != STUINFO_OK)
        fuzz_fail("request_from_json refused the library's own JSON");
    if (stuinfo_request_to_json(back, &j2, &n2) != STUINFO_OK)
        fuzz_fail("request_to_json failed on the round trip");
    if (n2 != len || memcmp(json, j2, len) != 0)
        fuzz_fail("JSON round trip not byte-stable");
    if (stuinfo_request_state(back) != stuinfo_request_state(req)
        || stuinfo_request_revision(back) != stuinfo_request_revision(req)
        || strcmp(stuinfo_request_log_head(back), stuinfo_request_log_head(req)) != 0)
        fuzz_fail("round trip changed the state, the revision or the head");
    stuinfo_request_free(back);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    stuinfo_ctx *ctx = fuzz_ctx();
    stuinfo_change_request *req = NULL;
    const char *j1 = NULL;
    char *copy = NULL;
    size_t n1 = 0, bad = 0;
    stuinfo_status s;
    static bool routed;

    /* jansson's allocator is process-global: route it through the counting one once. */
    if (!routed) {
        json_set_alloc_funcs(fuzz_json_malloc, fuzz_json_free);
        fuzz_fail_jansson(false);   /* json_loadb is not OOM-safe: see fuzz_common.h */
        routed = true;
    }
    if (!fuzz_begin(&data, &size))
        return 0;

    fuzz_arm();
    s = stuinfo_request_from_json(ctx, (const char *)data, size, &req);
    fuzz_disarm();
    /* The status is that of the first problem found: an input that is wrong anyway may
     * report that instead of NOMEM. Accept it only if the same input gives the same
     * status with nothing failing (the failure was not swallowed). */
    if (fuzz_injected() && s != STUINFO_OK && s != STUINFO_ERR_NOMEM) {
        stuinfo_change_request *clean = NULL;
        stuinfo_status again = stuinfo_request_from_json(ctx, (const char *)data, size,
                                                         &clean);
        stuinfo_request_free(clean);
        if (again == s)
            s = STUINFO_ERR_NOMEM;      /* consistent: count it as reported */
    }
    fuzz_check_status(s, "request_from_json");
    fuzz_check_message("request_from_json");
    if (s != STUINFO_OK) {
        if (req != NULL)
            fuzz_fail("request_from_json: a request after a failure");
        goto out;
    }

    if (stuinfo_request_log_verify(req, NULL, &bad) != STUINFO_OK
        || stuinfo_request_log_verify(req, stuinfo_request_log_head(req), &bad)
               != STUINFO_OK)
        fuzz_fail("request_json: a request that was read does not verify");
    check_log(req);
    if (stuinfo_request_to_json(req, &j1, &n1) != STUINFO_OK)
        fuzz_fail("request_to_json failed on a request that was read");
    copy = malloc(n1 + 1);
    if (copy == NULL)
        goto out;
    memcpy(copy, j1, n1 + 1);
    check_round_trip(ctx, req, copy, n1);
    fuzz_check_message("request round trip");
out:
    free(copy);
    stuinfo_request_free(req);
    fuzz_check_no_leak("request_json");
    return 0;
}
