/*
 * stuinfo request apply FILE STUDENT.json: apply an approved request to the record in
 * STUDENT.json. The record is written first, then the request: should the second write
 * fail, the request stays approved and applying it again is refused (the record moved on),
 * so a change is never recorded as applied without being in the record.
 */
#include <string.h>

#include "request.h"

static void
print_findings(const struct cli *cli, const stuinfo_report *report)
{
    size_t n = stuinfo_report_count(report);

    for (size_t i = 0; i < n; i++) {
        stuinfo_finding f = {.size = sizeof(f)};
        if (stuinfo_report_get(report, i, &f) != STUINFO_OK ||
            f.severity != STUINFO_SEVERITY_ERROR)
            continue;
        fprintf(stderr, "  %s  %s [%s]\n", f.field ? f.field : "", f.message, f.rule);
    }
    (void)cli;
}

static void
print_applied(const struct request_run *run, const stuinfo_student *student)
{
    const struct cli *cli = run->cli;

    if (cli->json) {
        printf("{\"ok\":true,\"state\":\"applied\",\"revision\":%llu,\"head\":",
               (unsigned long long)stuinfo_request_revision(run->request));
        cli_json_string(stdout, stuinfo_request_log_head(run->request));
        printf(",\"record_version\":%llu,\"diff\":[",
               (unsigned long long)stuinfo_student_version(student));
    } else {
        unsigned long long v = (unsigned long long)stuinfo_student_version(student);
        if (cli->english)
            printf("applied; record version %llu.\nbefore and after:\n", v);
        else
            printf("已执行；记录版本 %llu。\n执行前后：\n", v);
    }
    request_print_changes(run, true);
    if (cli->json)
        printf("]}\n");
    else
        printf("%s%s\n", cli_tr(cli, "日志头：", "log head: "),
               stuinfo_request_log_head(run->request));
}

/* Read the record of @p path. Returns an exit status. */
static int
load_student(const struct request_run *run, const char *path, stuinfo_student **out)
{
    const struct cli *cli = run->cli;
    size_t len = 0;
    char *json = request_read_file(cli, path, STUINFO_STUDENT_MAX_JSON, &len);

    if (!json)
        return CLI_EXIT_UNUSABLE;
    stuinfo_status st = stuinfo_student_from_json(cli->ctx, json, len, NULL, out);
    cli_free_wiped(json, len + 1);
    if (st != STUINFO_OK) {
        cli_error_status(cli, "无法读取学生记录", "cannot read the student record", path);
        return CLI_EXIT_UNUSABLE;
    }
    return CLI_EXIT_CLEAN;
}

int
request_cmd_apply(struct request_run *run)
{
    struct cli *cli = run->cli;
    const char *student_path = cli->argv[1];
    stuinfo_student *student = NULL;
    stuinfo_report *report = NULL;
    const char *json = NULL;
    size_t len = 0;
    uint64_t seen;
    int rc = request_load(run);

    if (rc != CLI_EXIT_CLEAN)
        return rc;
    if (!request_seen_revision(run, &seen))
        return CLI_EXIT_UNUSABLE;
    rc = load_student(run, student_path, &student);
    if (rc != CLI_EXIT_CLEAN)
        return rc;
    if (stuinfo_report_new(cli->ctx, &report) != STUINFO_OK) {
        rc = request_fail(run, stuinfo_ctx_last_status(cli->ctx), "无法创建报告",
                          "cannot make a report");
        goto out;
    }
    stuinfo_status st = stuinfo_request_apply(run->request, run->policy, &run->facts,
                                              &run->actor, seen, student, NULL, report);
    if (st != STUINFO_OK) {
        rc = request_fail(run, st, "无法执行变更申请", "cannot apply the change request");
        print_findings(cli, report);
        goto out;
    }
    st = stuinfo_student_to_json(student, &json, &len);
    if (st != STUINFO_OK) {
        rc = request_fail(run, st, "无法保存学生记录", "cannot save the student record");
        goto out;
    }
    if (!request_write_file(cli, student_path, json, len, false)) {
        rc = CLI_EXIT_UNUSABLE;
        goto out;
    }
    rc = request_save(run, false);
    if (rc == CLI_EXIT_CLEAN)
        print_applied(run, student);
out:
    stuinfo_report_free(report);
    stuinfo_student_free(student);
    return rc;
}
