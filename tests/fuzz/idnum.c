/*
 * Fuzz target "idnum": identity-number verification, checking, masking, upgrade and
 * student numbers, with property checks (reliability.md §7 G1(b)):
 *   - a valid 18-character resident or self-coded number carries the MOD 11-2 check
 *     character of an independent oracle, and a real birth date;
 *   - masking never shows digits 7-14 (the birth date), and masking is idempotent;
 *   - an upgrade gives a number that verifies again, with the same birth date;
 *   - no message or finding holds an unmasked ID number;
 *   - stuinfo_idnum_check() under an injected allocation failure returns NOMEM, leaks
 *     nothing, and otherwise never invents NOMEM.
 * Input: 2 bytes choosing the allocation to fail, 1 byte of options, then the text.
 */
#include <stdint.h>
#include <string.h>

#include "fuzz_common.h"
#include "pii_scan.h"

static char
oracle_check(const char *d17)
{
    static const int w[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;

    for (int i = 0; i < 17; i++)
        sum += (d17[i] - '0') * w[i];
    return "10X98765432"[sum % 11];
}

static void
check_verified(const stuinfo_idnum_result *r)
{
    if (r->kind != STUINFO_IDNUM_RESIDENT_18 && r->kind != STUINFO_IDNUM_SELF_CODED_18)
        return;
    if (strlen(r->normalized) != 18)
        fuzz_fail("idnum: a valid 18-character number without an 18-character form");
    for (int i = 0; i < 17; i++)
        if (r->normalized[i] < '0' || r->normalized[i] > '9')
            fuzz_fail("idnum: non-digit in the body of a valid number");
    if (r->normalized[17] != oracle_check(r->normalized))
        fuzz_fail("idnum: valid number whose check character the oracle rejects");
    if (r->birth_month < 1 || r->birth_month > 12 || r->birth_day < 1
        || r->birth_day > 31)
        fuzz_fail("idnum: valid number with an impossible birth date");
}

static void
check_mask(stuinfo_ctx *ctx, const char *text, size_t len, const stuinfo_idnum_result *r)
{
    char buf[64], again[64];
    size_t n = 0, n2 = 0;
    stuinfo_status st = stuinfo_idnum_mask(ctx, text, len, NULL, buf, sizeof(buf), &n);

    if (st != STUINFO_OK)
        return;
    if (n >= sizeof(buf) || buf[n] != '\0')
        fuzz_fail("idnum_mask: length or terminator wrong");
    if (pii_scan_find_id(buf, n) != NULL)
        fuzz_fail("idnum_mask: output still holds a full ID number");
    if (strlen(r->normalized) >= 14 && strstr(buf, r->normalized + 6) == NULL) {
        char birth[9];

        memcpy(birth, r->normalized + 6, 8);
        birth[8] = '\0';
        if (strstr(buf, birth) != NULL)
            fuzz_fail("idnum_mask: output shows the birth date (digits 7-14)");
    }
    if (stuinfo_idnum_mask(ctx, buf, n, NULL, again, sizeof(again), &n2) != STUINFO_OK
        || n2 != n || memcmp(buf, again, n) != 0)
        fuzz_fail("idnum_mask: masking a masked text changed it");
}

static void
check_upgrade(stuinfo_ctx *ctx, const char *text, size_t len, const stuinfo_idnum_result *r)
{
    char buf[32];
    stuinfo_idnum_result again;

    if (stuinfo_idnum_upgrade(ctx, text, len, buf, sizeof(buf)) != STUINFO_OK)
        return;
    memset(&again, 0, sizeof(again));
    again.size = sizeof(again);
    if (stuinfo_idnum_verify(ctx, buf, strlen(buf), &again) != STUINFO_OK)
        fuzz_fail("idnum_upgrade: the upgraded number does not verify");
    if (r->reason == STUINFO_IDNUM_VALID
        && (again.birth_year != r->birth_year || again.birth_day != r->birth_day))
        fuzz_fail("idnum_upgrade: birth date changed");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    stuinfo_ctx *ctx = fuzz_ctx();
    stuinfo_idnum_result r;
    stuinfo_report *rep = NULL;
    stuinfo_status st;
    uint8_t opt;

    if (!fuzz_begin(&data, &size) || size < 1)
        return 0;
    opt = data[0];
    data++;
    size--;
    const char *text = (const char *)data;

    /* Verification allocates nothing; injection is armed only around the check. */
    memset(&r, 0, sizeof(r));
    r.size = sizeof(r);
    st = stuinfo_idnum_verify(ctx, text, size, &r);
    if (st != STUINFO_OK && st != STUINFO_ERR_INVALID)
        fuzz_fail("idnum_verify: unexpected status");
    if ((st == STUINFO_OK) != (r.reason == STUINFO_IDNUM_VALID))
        fuzz_fail("idnum_verify: status and reason disagree");
    fuzz_check_message("idnum_verify");
    if (st == STUINFO_OK)
        check_verified(&r);
    check_mask(ctx, text, size, &r);
    check_upgrade(ctx, text, size, &r);

    memset(&r, 0, sizeof(r));
    r.size = sizeof(r);
    st = stuinfo_idnum_student_no_verify(ctx, text, size, opt & 1, &r);
    if (st != STUINFO_OK && st != STUINFO_ERR_INVALID)
        fuzz_fail("idnum_student_no_verify: unexpected status");
    fuzz_check_message("idnum_student_no_verify");

    /* Checking adds findings to a report: this is where allocations can fail. */
    if (stuinfo_report_new(ctx, &rep) != STUINFO_OK)
        fuzz_fail("report_new failed without injection");
    fuzz_arm();
    st = stuinfo_idnum_check(ctx, text, size, (opt & 2) ? "family[1].id_doc_no" : NULL, rep,
                             NULL);
    fuzz_disarm();
    fuzz_check_status(st, "idnum_check");
    if (st != STUINFO_OK && st != STUINFO_ERR_INVALID && st != STUINFO_ERR_NOMEM)
        fuzz_fail("idnum_check: unexpected status");
    fuzz_check_message("idnum_check");
    fuzz_check_report(rep, "idnum_check: a finding holds an unmasked ID number");
    stuinfo_report_free(rep);
    fuzz_check_no_leak("idnum");
    return 0;
}
