/*
 * Validate one student record given as JSON: read it, check it against the registry's
 * field and cross-field rules, print the findings. Copy from here.
 *
 *   cc validate_record.c $(pkg-config --cflags --libs stuinfo)
 *   ./a.out examples/data/student.json
 *
 * Without an argument it validates a small built-in record, which misses many required
 * fields; examples/data/student.json is complete but for one mistake. Exit status: 0 no errors,
 * 1 the record has errors, 2 the JSON could not be read. The context and the record come
 * from common.h, shared with change_request.c.
 */
#include <stdio.h>

#include <stuinfo.h>

#include "common.h"

static const char sample[] =
    "{\"name\": \"张三\", \"sex\": \"男\", \"birth_date\": \"2015-03-07\","
    " \"id_doc_type\": \"居民身份证\", \"id_doc_no\": \"110105201503070012\","
    " \"ethnicity\": \"汉族\", \"nationality\": \"中国\", \"hmt_overseas\": \"否\","
    " \"phone\": \"010-12345678\","
    " \"family\": [{\"name\": \"张大山\", \"relation\": \"父亲\", \"phone\": \"13800138000\"}]}";

static void
print_findings(const stuinfo_report *report)
{
    for (size_t i = 0; i < stuinfo_report_count(report); i++) {
        stuinfo_finding f = {.size = sizeof(f)};     /* strings borrowed from the report */
        if (stuinfo_report_get(report, i, &f) == STUINFO_OK)
            printf("  %-7s %-22s %-28s %s\n", stuinfo_severity_str(f.severity),
                   f.field, f.rule, f.message);
    }
}

int
main(int argc, char **argv)
{
    stuinfo_ctx *ctx = NULL;
    stuinfo_report *report = NULL;
    stuinfo_student *student = NULL;
    int rc = 2;

    if (!(ctx = example_ctx_new(0)) || stuinfo_report_new(ctx, &report) != STUINFO_OK)
        goto out;
    /* Reading canonicalizes each value and notes every change in the report. */
    if (example_student_load(ctx, argc > 1 ? argv[1] : NULL, sample, report, &student)
        != STUINFO_OK) {
        print_findings(report);     /* what was wrong with the values, if anything */
        goto out;
    }
    printf("read, with %zu notes\n", stuinfo_report_count(report));
    stuinfo_report_clear(report);

    /* NULL policy: every check with the registry's defaults. */
    if (stuinfo_student_validate(student, NULL, report) != STUINFO_OK)
        goto out;
    size_t errors = stuinfo_report_count_severity(report, STUINFO_SEVERITY_ERROR);
    printf("%zu findings, %zu errors\n", stuinfo_report_count(report), errors);
    print_findings(report);

    /* The same findings as JSON, for a web front end. */
    const char *out_json;
    size_t out_len;
    if (stuinfo_report_to_json(report, &out_json, &out_len) == STUINFO_OK)
        printf("JSON: %.*s...\n", out_len > 120 ? 120 : (int)out_len, out_json);
    rc = errors ? 1 : 0;
out:
    stuinfo_student_free(student);      /* wipes the record */
    stuinfo_report_free(report);
    stuinfo_ctx_free(ctx);
    return rc;
}
