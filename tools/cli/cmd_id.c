/*
 * stuinfo id NUMBER...: verify identity numbers and explain them (kind, region, birth
 * date, sex) or say what is wrong. Numbers are masked unless --show.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

struct kind_name {
    const char *key, *zh, *en;
};

static const struct kind_name kinds[] = {
    [STUINFO_IDNUM_KIND_UNKNOWN] = {NULL, "无法识别", "not recognised"},
    [STUINFO_IDNUM_RESIDENT_18] = {"resident_18", "18 位居民身份证号码",
                                   "18-digit resident ID number"},
    [STUINFO_IDNUM_RESIDENT_15] = {"resident_15", "15 位旧居民身份证号码",
                                   "legacy 15-digit resident ID number"},
    [STUINFO_IDNUM_PERMIT_HK] = {"permit_hk", "港澳台居民居住证（香港）",
                                 "residence permit for Hong Kong residents"},
    [STUINFO_IDNUM_PERMIT_MACAO] = {"permit_macao", "港澳台居民居住证（澳门）",
                                    "residence permit for Macao residents"},
    [STUINFO_IDNUM_PERMIT_TAIWAN] = {"permit_taiwan", "港澳台居民居住证（台湾）",
                                     "residence permit for Taiwan residents"},
    [STUINFO_IDNUM_FOREIGN_PR_15] = {"foreign_pr_15", "外国人永久居留身份证（15 位）",
                                     "foreigner's permanent residence ID card (15 characters)"},
    [STUINFO_IDNUM_FOREIGN_PR_18] = {"foreign_pr_18", "外国人永久居留身份证（2023 版，18 位）",
                                     "foreigner's permanent residence ID card "
                                     "(2023, 18 characters)"},
    [STUINFO_IDNUM_SELF_CODED_18] = {"self_coded_18", "自编号码", "self-coded number"},
    [STUINFO_IDNUM_TEMPORARY_18] = {"temporary_18", "临时号码", "temporary number"},
};

static const struct kind_name *
kind_of(int32_t kind)
{
    if (kind < 0 || (size_t)kind >= sizeof(kinds) / sizeof(kinds[0]) || !kinds[kind].zh)
        return &kinds[0];
    return &kinds[kind];
}

/* The number to print: in full with --show, else masked (the library keeps head/tail). */
static const char *
shown(const struct cli *cli, const char *text, size_t len, char *buf, size_t cap)
{
    if (cli->show) {
        size_t n = len < cap - 1 ? len : cap - 1;
        memcpy(buf, text, n);
        buf[n] = '\0';
        return buf;
    }
    if (stuinfo_idnum_mask(cli->ctx, text, len, NULL, buf, cap, NULL) != STUINFO_OK)
        snprintf(buf, cap, "***");
    return buf;
}

static void
print_text(const struct cli *cli, const char *input_shown, const stuinfo_idnum_result *r,
           bool valid, const char *upgraded, stuinfo_report *report)
{
    const struct kind_name *k = kind_of(r->kind);

    if (valid)
        printf("%s  %s · %s\n", input_shown, cli_tr(cli, "有效", "valid"),
               cli_tr(cli, k->zh, k->en));
    else
        printf("%s  %s\n", input_shown, cli_tr(cli, "无效", "invalid"));
    if (valid && r->address_code[0]) {
        printf("  %s%s", cli_tr(cli, "地区：", "region: "), r->address_code);
        if (r->province_name)
            printf(" %s", r->province_name);
        if (r->prefecture_name)
            printf(" %s", r->prefecture_name);
        if (r->region_name)
            printf(" %s", r->region_name);
        if (r->region_historic)
            printf(" %s", cli_tr(cli, "（已撤销）", "(no longer exists)"));
        putchar('\n');
    }
    if (valid && r->birth_year)
        printf("  %s%04d-%02d-%02d\n", cli_tr(cli, "出生日期：", "birth date: "),
               (int)r->birth_year, (int)r->birth_month, (int)r->birth_day);
    if (valid && (r->sex == 1 || r->sex == 2))
        printf("  %s%s\n", cli_tr(cli, "性别：", "sex: "),
               r->sex == 1 ? cli_tr(cli, "男", "male") : cli_tr(cli, "女", "female"));
    if (upgraded)
        printf("  %s%s\n", cli_tr(cli, "18 位号码：", "18-digit form: "), upgraded);
    size_t n = stuinfo_report_count(report);
    for (size_t i = 0; i < n; i++) {
        stuinfo_finding f = {.size = sizeof(f)};
        if (stuinfo_report_get(report, i, &f) != STUINFO_OK)
            continue;
        const char *sev = f.severity == STUINFO_SEVERITY_ERROR ? cli_tr(cli, "错误", "error")
                        : f.severity == STUINFO_SEVERITY_WARNING ? cli_tr(cli, "警告", "warning")
                        : cli_tr(cli, "说明", "note");
        printf("  %s%s%s [%s]\n", sev, cli_tr(cli, "：", ": "), f.message, f.rule);
    }
}

static void
print_json(const struct cli *cli, const char *input_shown, const stuinfo_idnum_result *r,
           bool valid, const char *normalized_shown, const char *upgraded,
           stuinfo_report *report)
{
    printf("{\"input\":");
    cli_json_string(stdout, input_shown);
    printf(",\"valid\":%s,\"kind\":", valid ? "true" : "false");
    cli_json_string(stdout, kind_of(r->kind)->key);
    printf(",\"normalized\":");
    cli_json_string(stdout, normalized_shown);
    printf(",\"birth_date\":");
    if (valid && r->birth_year)
        printf("\"%04d-%02d-%02d\"", (int)r->birth_year, (int)r->birth_month,
               (int)r->birth_day);
    else
        printf("null");
    printf(",\"sex\":%s", valid && r->sex == 1 ? "\"M\"" : valid && r->sex == 2 ? "\"F\""
                                                                             : "null");
    printf(",\"upgraded\":");
    cli_json_string(stdout, upgraded);
    printf(",\"region\":");
    if (valid && r->address_code[0]) {
        printf("{\"code\":");
        cli_json_string(stdout, r->address_code);
        printf(",\"province\":");
        cli_json_string(stdout, r->province_name);
        printf(",\"prefecture\":");
        cli_json_string(stdout, r->prefecture_name);
        printf(",\"county\":");
        cli_json_string(stdout, r->region_name);
        printf(",\"historic\":%s}", r->region_historic ? "true" : "false");
    } else {
        printf("null");
    }
    printf(",\"reason\":");
    cli_json_string(stdout, valid ? NULL : stuinfo_idnum_reason_rule(r->reason));
    printf(",\"findings\":[");
    size_t n = stuinfo_report_count(report);
    for (size_t i = 0; i < n; i++) {
        stuinfo_finding f = {.size = sizeof(f)};
        if (stuinfo_report_get(report, i, &f) != STUINFO_OK)
            continue;
        printf("%s{\"rule\":", i ? "," : "");
        cli_json_string(stdout, f.rule);
        printf(",\"severity\":");
        cli_json_string(stdout, stuinfo_severity_str(f.severity));
        printf(",\"message\":");
        cli_json_string(stdout, f.message);
        putchar('}');
    }
    printf("]}\n");
    (void)cli;
}

/* Explain one number. Returns false if it is invalid. */
static bool
explain(const struct cli *cli, stuinfo_report *report, const char *text, size_t len)
{
    stuinfo_idnum_result r = {.size = sizeof(r)};
    char input_buf[300], norm_buf[64], up_raw[32], up_buf[64];
    const char *normalized = NULL, *upgraded = NULL;

    stuinfo_report_clear(report);
    stuinfo_status st = stuinfo_idnum_check(cli->ctx, text, len, "", report, &r);
    bool valid = st == STUINFO_OK;
    if (st != STUINFO_OK && st != STUINFO_ERR_INVALID)
        valid = false;
    const char *input_shown = shown(cli, text, len, input_buf, sizeof(input_buf));
    if (r.normalized[0])
        normalized = shown(cli, r.normalized, strlen(r.normalized), norm_buf,
                           sizeof(norm_buf));
    if (valid && r.kind == STUINFO_IDNUM_RESIDENT_15 &&
        stuinfo_idnum_upgrade(cli->ctx, r.normalized, strlen(r.normalized), up_raw,
                              sizeof(up_raw)) == STUINFO_OK)
        upgraded = shown(cli, up_raw, strlen(up_raw), up_buf, sizeof(up_buf));
    if (cli->json)
        print_json(cli, input_shown, &r, valid, normalized, upgraded, report);
    else
        print_text(cli, input_shown, &r, valid, upgraded, report);
    /* The buffers held personal data. */
    memset(input_buf, 0, sizeof(input_buf));
    memset(norm_buf, 0, sizeof(norm_buf));
    memset(up_raw, 0, sizeof(up_raw));
    memset(up_buf, 0, sizeof(up_buf));
    memset(&r, 0, sizeof(r));
    return valid;
}

static long long
stdin_size(void)
{
    struct stat sb;
    if (fstat(fileno(stdin), &sb) == 0 && S_ISREG(sb.st_mode))
        return (long long)sb.st_size;
    return 0;
}

/* Explain the numbers of standard input, one per line. Returns an exit status. */
static int
explain_stdin(const struct cli *cli, stuinfo_report *report, bool *all_valid)
{
    char *line = NULL;
    size_t cap = 0;
    long len, done = 0;
    struct cli_progress progress;
    int rc = CLI_EXIT_CLEAN;

    cli_progress_start(&progress, stdin_size());
    while ((len = cli_read_line(stdin, &line, &cap)) >= 0) {
        done += len + 1;
        if (len == 0)
            continue;               /* blank lines are no numbers */
        if (!explain(cli, report, line, (size_t)len))
            *all_valid = false;
        cli_progress_update(&progress, done);
    }
    cli_progress_end(&progress);
    if (ferror(stdin)) {
        cli_error(cli, "读取标准输入失败", "cannot read standard input", NULL);
        rc = CLI_EXIT_UNUSABLE;
    }
    if (line)
        memset(line, 0, cap);       /* it held personal data */
    free(line);
    return rc;
}

int
cli_cmd_id(struct cli *cli)
{
    stuinfo_report *report = NULL;
    bool all_valid = true;
    int rc = CLI_EXIT_CLEAN;

    if (stuinfo_report_new(cli->ctx, &report) != STUINFO_OK) {
        cli_error_status(cli, "无法创建报告", "cannot make a report", NULL);
        return CLI_EXIT_UNUSABLE;
    }
    if (cli->argc == 0)
        rc = explain_stdin(cli, report, &all_valid);
    for (int i = 0; i < cli->argc && rc == CLI_EXIT_CLEAN; i++) {
        if (strcmp(cli->argv[i], "-") == 0)
            rc = explain_stdin(cli, report, &all_valid);
        else if (!explain(cli, report, cli->argv[i], strlen(cli->argv[i])))
            all_valid = false;
    }
    stuinfo_report_free(report);
    if (rc == CLI_EXIT_CLEAN && !all_valid)
        rc = CLI_EXIT_FINDINGS;
    return rc;
}
