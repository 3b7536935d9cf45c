/*
 * stuinfo request SUBCOMMAND FILE ...: drive a change request stored as a JSON file
 * through its states (issue 7): new, add-change, remove-change, evidence, act, apply,
 * show, verify, policy. This file picks the subcommand, sets up the policy, the facts and the
 * actor, and turns library statuses into messages and exit statuses.
 */
#include <stdlib.h>
#include <string.h>

#include "request.h"

enum {
    ACTING = CLI_OPT_ACTOR | CLI_OPT_ROLE | CLI_OPT_POLICY | CLI_OPT_REVISION
             | CLI_OPT_GRADUATED | CLI_OPT_REPORTED,
};

struct subcommand {
    const char *name;
    int (*run)(struct request_run *run);
    int min_operands, max_operands;     /* FILE included */
    bool acts;                          /* needs --actor and --role */
    uint32_t options;                   /* CLI_OPT_* it takes */
};

static const struct subcommand subcommands[] = {
    {"new", request_cmd_new, 1, 2, true,
     (ACTING & ~CLI_OPT_REVISION) | CLI_OPT_STUDENT_ID | CLI_OPT_RECORD_VERSION
         | CLI_OPT_KIND | CLI_OPT_COMMENT},
    {"add-change", request_cmd_add_change, 4, 4, true, ACTING},
    {"remove-change", request_cmd_remove_change, 2, 2, true, ACTING},
    {"evidence", request_cmd_evidence, 3, 3, true, ACTING},
    {"act", request_cmd_act, 2, 2, true, ACTING | CLI_OPT_COMMENT},
    {"apply", request_cmd_apply, 2, 2, true, ACTING | CLI_OPT_SHOW},
    {"show", request_cmd_show, 1, 1, false, CLI_OPT_POLICY | CLI_OPT_SHOW},
    {"verify", request_cmd_verify, 1, 1, false, CLI_OPT_HEAD},
    {"policy", request_cmd_policy, 0, 0, false, CLI_OPT_POLICY},
};

static const struct {
    stuinfo_status status;
    const char *key;
    bool refusal;               /* exit status 1 rather than 2 */
} statuses[] = {
    {STUINFO_OK, "ok", false},
    {STUINFO_ERR_INVALID_ARGUMENT, "invalid_argument", false},
    {STUINFO_ERR_NOMEM, "nomem", false},
    {STUINFO_ERR_ENCODING, "encoding", false},
    {STUINFO_ERR_TOO_LONG, "too_long", false},
    {STUINFO_ERR_NOT_FOUND, "not_found", false},
    {STUINFO_ERR_PARSE, "parse", false},
    {STUINFO_ERR_IO, "io", false},
    {STUINFO_ERR_STATE, "state", true},
    {STUINFO_ERR_PERMISSION, "permission", true},
    {STUINFO_ERR_SEPARATION_OF_DUTIES, "separation_of_duties", true},
    {STUINFO_ERR_WINDOW_CLOSED, "window_closed", true},
    {STUINFO_ERR_EVIDENCE_REQUIRED, "evidence_required", true},
    {STUINFO_ERR_LOCKED_GRADUATED, "locked_graduated", true},
    {STUINFO_ERR_LOCKED_REPORTED, "locked_reported", true},
    {STUINFO_ERR_STALE_VERSION, "stale_version", true},
    {STUINFO_ERR_TAMPERED, "tampered", true},
    {STUINFO_ERR_VALIDATION_FAILED, "validation_failed", true},
};

const char *
request_status_key(stuinfo_status st)
{
    for (size_t i = 0; i < sizeof(statuses) / sizeof(statuses[0]); i++)
        if (statuses[i].status == st)
            return statuses[i].key;
    return "error";
}

static bool
is_refusal(stuinfo_status st)
{
    for (size_t i = 0; i < sizeof(statuses) / sizeof(statuses[0]); i++)
        if (statuses[i].status == st)
            return statuses[i].refusal;
    return false;
}

int
request_fail(const struct request_run *run, stuinfo_status st, const char *zh,
             const char *en)
{
    const struct cli *cli = run->cli;
    bool refused = is_refusal(st);

    if (cli->json) {
        printf("{\"ok\":false,\"status\":");
        cli_json_string(stdout, request_status_key(st));
        printf(",\"code\":%d,\"message\":", (int)st);
        cli_json_string(stdout, stuinfo_ctx_last_message(cli->ctx));
        printf("}\n");
    }
    if (refused)
        cli_error_status(cli, "被拒绝", "refused", NULL);
    else
        cli_error_status(cli, zh, en, NULL);
    return refused ? CLI_EXIT_FINDINGS : CLI_EXIT_UNUSABLE;
}

bool
request_seen_revision(const struct request_run *run, uint64_t *out)
{
    if (!run->cli->revision) {
        *out = stuinfo_request_revision(run->request);
        return true;
    }
    if (cli_parse_u64(run->cli->revision, out) && *out > 0)
        return true;
    cli_error(run->cli, "--revision 须为正整数", "--revision takes a positive number",
              run->cli->revision);
    return false;
}

/* --policy FILE, or the default policy. */
static int
load_policy(struct request_run *run)
{
    struct cli *cli = run->cli;
    stuinfo_status st;

    if (!cli->policy_path) {
        st = stuinfo_workflow_policy_new(cli->ctx, &run->policy);
    } else {
        size_t len = 0;
        char *json = request_read_file(cli, cli->policy_path, STUINFO_CR_MAX_JSON, &len);
        if (!json)
            return CLI_EXIT_UNUSABLE;
        st = stuinfo_workflow_policy_from_json(cli->ctx, json, len, &run->policy);
        free(json);
    }
    if (st != STUINFO_OK) {
        cli_error_status(cli, "无法读取流程策略", "cannot read the workflow policy",
                         cli->policy_path);
        return CLI_EXIT_UNUSABLE;
    }
    return CLI_EXIT_CLEAN;
}

/* --actor and --role into run->actor. */
static int
make_actor(struct request_run *run)
{
    struct cli *cli = run->cli;

    if (!cli->actor || !cli->role) {
        cli_error(cli, "请用 --actor 和 --role 说明操作人",
                  "say who acts with --actor and --role", NULL);
        return CLI_EXIT_UNUSABLE;
    }
    int32_t role = stuinfo_role_from_key(cli->role);
    if (role == 0) {
        cli_error(cli, "未知角色（student、guardian、teacher、registrar、leadership、admin）",
                  "unknown role (student, guardian, teacher, registrar, leadership, admin)",
                  cli->role);
        return CLI_EXIT_UNUSABLE;
    }
    if (stuinfo_cr_actor_init(&run->actor, role, cli->actor, strlen(cli->actor))
            != STUINFO_OK) {
        cli_error(cli, "操作人标识无效（1 到 63 字节，不含控制字符）",
                  "invalid actor id (1 to 63 bytes, no control characters)", cli->actor);
        return CLI_EXIT_UNUSABLE;
    }
    return CLI_EXIT_CLEAN;
}

static const struct subcommand *
find_subcommand(const char *name)
{
    for (size_t i = 0; i < sizeof(subcommands) / sizeof(subcommands[0]); i++)
        if (strcmp(subcommands[i].name, name) == 0)
            return &subcommands[i];
    return NULL;
}

int
cli_cmd_request(struct cli *cli)
{
    struct request_run run = {.cli = cli};
    char label[48];
    int rc;

    if (cli->argc == 0) {
        cli_error(cli, "请给出子命令（stuinfo request --help）",
                  "give a subcommand (stuinfo request --help)", NULL);
        return CLI_EXIT_UNUSABLE;
    }
    const struct subcommand *sub = find_subcommand(cli->argv[0]);
    if (!sub) {
        cli_error(cli, "未知子命令（stuinfo request --help）",
                  "unknown subcommand (stuinfo request --help)", cli->argv[0]);
        return CLI_EXIT_UNUSABLE;
    }
    snprintf(label, sizeof(label), "request %s", sub->name);
    if (!cli_options_check(cli, label, sub->options))
        return CLI_EXIT_UNUSABLE;
    cli->argc--;
    cli->argv++;
    if (cli->argc < sub->min_operands || cli->argc > sub->max_operands) {
        cli_error(cli, "参数个数不对（stuinfo request --help）",
                  "wrong number of arguments (stuinfo request --help)", label);
        return CLI_EXIT_UNUSABLE;
    }
    run.path = cli->argc > 0 ? cli->argv[0] : NULL;
    stuinfo_cr_facts_init(&run.facts);
    run.facts.graduated = cli->graduated;
    run.facts.reported = cli->reported;
    rc = load_policy(&run);
    if (rc == CLI_EXIT_CLEAN && sub->acts)
        rc = make_actor(&run);
    if (rc == CLI_EXIT_CLEAN)
        rc = sub->run(&run);
    stuinfo_request_free(run.request);
    stuinfo_workflow_policy_free(run.policy);
    return rc;
}
