/*
 * stuinfo request show / verify, and what every step prints: the state, the changes
 * (values of key fields masked unless --show), the evidence, the audit log and its head.
 */
#include <string.h>
#include <time.h>

#include "request.h"

static const struct {
    const char *zh, *en;
} state_names[] = {
    [STUINFO_CR_NONE] = {"无", "none"},
    [STUINFO_CR_DRAFT] = {"草稿", "draft"},
    [STUINFO_CR_SUBMITTED] = {"已提交，待班主任/辅导员审核", "submitted, first-level review"},
    [STUINFO_CR_SECOND_REVIEW] = {"待学籍管理员复核", "second-level review (registrar)"},
    [STUINFO_CR_APPROVED] = {"已批准，待执行", "approved, to be applied"},
    [STUINFO_CR_APPLIED] = {"已执行", "applied"},
    [STUINFO_CR_RETURNED] = {"已退回，可修改", "returned for editing"},
    [STUINFO_CR_REJECTED] = {"已驳回", "rejected"},
    [STUINFO_CR_WITHDRAWN] = {"已撤回", "withdrawn"},
    [STUINFO_CR_EXCEPTION_REVIEW] = {"例外申请，待学校领导审批",
                                     "exception, waiting for school leadership"},
};

const char *
request_state_name(const struct cli *cli, int32_t state)
{
    if (state < 0 || (size_t)state >= sizeof(state_names) / sizeof(state_names[0]))
        return "?";
    return cli_tr(cli, state_names[state].zh, state_names[state].en);
}

/* Whether @p path names an identity-number field ("id_doc_no", "family[1].id_doc_no"). */
static bool
is_id_number(const char *path)
{
    const char *dot = strrchr(path, '.');
    return strcmp(dot ? dot + 1 : path, "id_doc_no") == 0;
}

const char *
request_shown_value(const struct request_run *run, const char *path, const char *value,
                    size_t len, char *buf, size_t cap)
{
    int32_t cls = 0;
    size_t n = 0;

    if (!value)
        return "";
    if (run->cli->show ||
        stuinfo_workflow_policy_field_class(run->policy, path, &cls) != STUINFO_OK ||
        cls != STUINFO_FIELD_CLASS_KEY)
        return value;
    /* As the audit log masks them: ID numbers keep their first 3 and last 4 characters,
     * other key values (names, dates) show one '*' per character, at most 16. */
    if (is_id_number(path) &&
        stuinfo_idnum_mask(run->cli->ctx, value, len, "3*4", buf, cap, NULL) == STUINFO_OK)
        return buf;
    for (size_t i = 0; i < len && n < 16 && n + 1 < cap; i++)
        if (((unsigned char)value[i] & 0xC0) != 0x80)
            buf[n++] = '*';
    buf[n] = '\0';
    return buf;
}

static void
format_time(int64_t t, char *buf, size_t cap)
{
    time_t tt = (time_t)t;
    struct tm tm;

    if (!gmtime_r(&tt, &tm) || strftime(buf, cap, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
        snprintf(buf, cap, "%lld", (long long)t);
}

static const char *
key_or(const char *key, const char *fallback)
{
    return key ? key : fallback;
}

int
request_print_done(const struct request_run *run)
{
    const struct cli *cli = run->cli;
    int32_t state = stuinfo_request_state(run->request);

    if (cli->json) {
        printf("{\"ok\":true,\"state\":");
        cli_json_string(stdout, key_or(stuinfo_cr_state_key(state), "none"));
        printf(",\"revision\":%llu,\"head\":",
               (unsigned long long)stuinfo_request_revision(run->request));
        cli_json_string(stdout, stuinfo_request_log_head(run->request));
        printf("}\n");
    } else {
        unsigned long long rev = (unsigned long long)stuinfo_request_revision(run->request);
        const char *name = request_state_name(cli, state);
        const char *head = stuinfo_request_log_head(run->request);
        if (cli->english)
            printf("%s: %s (revision %llu)\nlog head: %s\n", run->path, name, rev, head);
        else
            printf("%s：%s（修订 %llu）\n日志头：%s\n", run->path, name, rev, head);
    }
    return CLI_EXIT_CLEAN;
}

void
request_print_changes(const struct request_run *run, bool diff)
{
    const struct cli *cli = run->cli;
    size_t n = diff ? stuinfo_request_diff_count(run->request)
                    : stuinfo_request_change_count(run->request);
    char ob[96], nb[96];

    for (size_t i = 0; i < n; i++) {
        stuinfo_cr_change c = {.size = sizeof(c)};
        stuinfo_status st = diff ? stuinfo_request_diff_get(run->request, i, &c)
                                 : stuinfo_request_change_get(run->request, i, &c);
        if (st != STUINFO_OK)
            continue;
        const char *o = request_shown_value(run, c.field, c.old_value, c.old_len, ob,
                                            sizeof(ob));
        const char *v = request_shown_value(run, c.field, c.new_value, c.new_len, nb,
                                            sizeof(nb));
        if (cli->json) {
            printf("%s{\"field\":", i ? "," : "");
            cli_json_string(stdout, c.field);
            printf(",\"old\":");
            cli_json_string(stdout, c.old_value ? o : NULL);
            printf(",\"new\":");
            cli_json_string(stdout, c.new_value ? v : NULL);
            printf("}");
        } else {
            printf("  %s: %s -> %s\n", c.field, *o ? o : "-", *v ? v : "-");
        }
    }
    memset(ob, 0, sizeof(ob));
    memset(nb, 0, sizeof(nb));
}

static void
print_evidence(const struct request_run *run)
{
    size_t n = stuinfo_request_evidence_count(run->request);

    for (size_t i = 0; i < n; i++) {
        stuinfo_cr_evidence e = {.size = sizeof(e)};
        if (stuinfo_request_evidence_get(run->request, i, &e) != STUINFO_OK)
            continue;
        if (run->cli->json) {
            printf("%s{\"kind\":", i ? "," : "");
            cli_json_string(stdout, stuinfo_evidence_kind_key(e.kind));
            printf(",\"reference\":");
            cli_json_string(stdout, e.reference);
            printf("}");
        } else {
            printf("  %zu. %s  %s\n", i + 1, key_or(stuinfo_evidence_kind_key(e.kind), "?"),
                   e.reference);
        }
    }
}

static void
print_log(const struct request_run *run)
{
    size_t n = stuinfo_request_log_count(run->request);
    char when[32];

    for (size_t i = 0; i < n; i++) {
        stuinfo_cr_log_entry e = {.size = sizeof(e)};
        if (stuinfo_request_log_get(run->request, i, &e) != STUINFO_OK)
            continue;
        format_time(e.time, when, sizeof(when));
        if (run->cli->json) {
            printf("%s{\"time\":", i ? "," : "");
            cli_json_string(stdout, when);
            printf(",\"actor\":");
            cli_json_string(stdout, e.actor);
            printf(",\"role\":");
            cli_json_string(stdout, stuinfo_role_key(e.role));
            printf(",\"action\":");
            cli_json_string(stdout, stuinfo_cr_action_key(e.action));
            printf(",\"from\":");
            cli_json_string(stdout, stuinfo_cr_state_key(e.from));
            printf(",\"to\":");
            cli_json_string(stdout, stuinfo_cr_state_key(e.to));
            printf(",\"revision\":%llu,\"comment\":", (unsigned long long)e.revision);
            cli_json_string(stdout, e.comment);
            printf(",\"changes\":");
            cli_json_string(stdout, e.changes);
            printf(",\"hash\":");
            cli_json_string(stdout, e.hash);
            printf("}");
        } else {
            printf("  %zu  %s  %s (%s)  %s  %s -> %s", i + 1, when, e.actor,
                   key_or(stuinfo_role_key(e.role), "?"),
                   key_or(stuinfo_cr_action_key(e.action), "?"),
                   key_or(stuinfo_cr_state_key(e.from), "?"),
                   key_or(stuinfo_cr_state_key(e.to), "?"));
            if (e.changes && *e.changes)
                printf("  [%s]", e.changes);
            if (e.comment && *e.comment)
                printf("  \"%s\"", e.comment);
            putchar('\n');
        }
    }
}

static void
print_show_json(const struct request_run *run, const char *student_id, const char *policy_id)
{
    const stuinfo_change_request *r = run->request;

    printf("{\"student_id\":");
    cli_json_string(stdout, student_id);
    printf(",\"record_version\":%llu,\"kind\":",
           (unsigned long long)stuinfo_request_record_version(r));
    cli_json_string(stdout, stuinfo_cr_kind_key(stuinfo_request_kind(r)));
    printf(",\"policy\":");
    cli_json_string(stdout, policy_id);
    printf(",\"state\":");
    cli_json_string(stdout, stuinfo_cr_state_key(stuinfo_request_state(r)));
    printf(",\"revision\":%llu,\"changes\":[", (unsigned long long)stuinfo_request_revision(r));
    request_print_changes(run, false);
    printf("],\"evidence\":[");
    print_evidence(run);
    printf("],\"diff\":[");
    request_print_changes(run, true);
    printf("],\"log\":[");
    print_log(run);
    printf("],\"head\":");
    cli_json_string(stdout, stuinfo_request_log_head(r));
    printf("}\n");
}

static void
print_show_text(const struct request_run *run, const char *student_id, const char *policy_id)
{
    const struct cli *cli = run->cli;
    const stuinfo_change_request *r = run->request;
    int32_t kind = stuinfo_request_kind(r);

    unsigned long long version = (unsigned long long)stuinfo_request_record_version(r);
    unsigned long long rev = (unsigned long long)stuinfo_request_revision(r);
    const char *kind_name = kind == STUINFO_CR_KIND_CORRECTION
                          ? cli_tr(cli, "更正错误", "correction of an error")
                          : cli_tr(cli, "事实变更", "change of fact");
    const char *state = request_state_name(cli, stuinfo_request_state(r));

    if (cli->english)
        printf("student: %s (record version %llu)\nkind: %s\npolicy: %s\n"
               "state: %s (revision %llu)\n", student_id, version, kind_name, policy_id,
               state, rev);
    else
        printf("学生：%s（记录版本 %llu）\n类型：%s\n策略：%s\n状态：%s（修订 %llu）\n",
               student_id, version, kind_name, policy_id, state, rev);
    printf("%s\n", cli_tr(cli, "变更：", "changes:"));
    request_print_changes(run, false);
    if (stuinfo_request_evidence_count(r) > 0) {
        printf("%s\n", cli_tr(cli, "证明材料：", "evidence:"));
        print_evidence(run);
    }
    if (stuinfo_request_diff_count(r) > 0) {
        printf("%s\n", cli_tr(cli, "执行前后：", "before and after:"));
        request_print_changes(run, true);
    }
    printf("%s\n", cli_tr(cli, "审计日志：", "audit log:"));
    print_log(run);
    printf("%s%s\n", cli_tr(cli, "日志头：", "log head: "), stuinfo_request_log_head(r));
}

int
request_cmd_show(struct request_run *run)
{
    const char *student_id = NULL, *policy_id = NULL;
    int rc = request_load(run);

    if (rc != CLI_EXIT_CLEAN)
        return rc;
    if (stuinfo_request_target(run->request, &student_id, NULL, &policy_id) != STUINFO_OK)
        return request_fail(run, stuinfo_ctx_last_status(run->cli->ctx),
                            "无法读取变更申请", "cannot read the change request");
    if (run->cli->json)
        print_show_json(run, student_id, policy_id);
    else
        print_show_text(run, student_id, policy_id);
    return CLI_EXIT_CLEAN;
}

/* verify, refused: the log does not verify (when read, or against --head). */
static int
verify_failed(const struct request_run *run, size_t bad_index, bool known_index)
{
    const struct cli *cli = run->cli;
    const char *message = stuinfo_ctx_last_message(cli->ctx);

    if (!cli->json) {
        printf("%s%s\n", cli_tr(cli, "审计日志校验失败：", "the audit log does not verify: "),
               message);
        return CLI_EXIT_FINDINGS;
    }
    printf("{\"valid\":false,\"bad_index\":");
    if (known_index)
        printf("%zu", bad_index);
    else
        printf("null");
    printf(",\"message\":");
    cli_json_string(stdout, message);
    printf("}\n");
    return CLI_EXIT_FINDINGS;
}

int
request_cmd_verify(struct request_run *run)
{
    struct cli *cli = run->cli;
    size_t len = 0, bad = 0;
    char *json;
    stuinfo_status st;

    if (cli->head && (strlen(cli->head) != 64 || strspn(cli->head, "0123456789abcdef") != 64)) {
        cli_error(cli, "--head 须为 64 位小写十六进制数", "--head takes 64 lower-case hex digits",
                  cli->head);
        return CLI_EXIT_UNUSABLE;
    }
    json = request_read_file(cli, run->path, STUINFO_CR_MAX_JSON, &len);
    if (!json)
        return CLI_EXIT_UNUSABLE;
    /* Reading replays the log and verifies its chain: a tampered file fails here. */
    st = stuinfo_request_from_json(cli->ctx, json, len, &run->request);
    cli_free_wiped(json, len + 1);
    if (st == STUINFO_ERR_TAMPERED)
        return verify_failed(run, 0, false);
    if (st != STUINFO_OK)
        return request_fail(run, st, "无法读取变更申请", "cannot read the change request");
    st = stuinfo_request_log_verify(run->request, cli->head, &bad);
    if (st == STUINFO_ERR_TAMPERED)
        return verify_failed(run, bad, true);
    if (st != STUINFO_OK)
        return request_fail(run, st, "无法校验审计日志", "cannot verify the audit log");
    size_t n = stuinfo_request_log_count(run->request);
    const char *head = stuinfo_request_log_head(run->request);
    if (cli->json) {
        printf("{\"valid\":true,\"entries\":%zu,\"head\":", n);
        cli_json_string(stdout, head);
        printf("}\n");
    } else if (cli->english) {
        printf("audit log intact: %zu entries, head %s\n", n, head);
    } else {
        printf("审计日志完好：%zu 条记录，日志头 %s\n", n, head);
    }
    return CLI_EXIT_CLEAN;
}

int
request_cmd_policy(struct request_run *run)
{
    const char *json = NULL;
    size_t len = 0;
    stuinfo_status st = stuinfo_workflow_policy_to_json(run->policy, &json, &len);

    if (st != STUINFO_OK)
        return request_fail(run, st, "无法输出流程策略", "cannot write the workflow policy");
    fwrite(json, 1, len, stdout);
    putchar('\n');
    return CLI_EXIT_CLEAN;
}
