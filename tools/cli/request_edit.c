/*
 * stuinfo request new / add-change / remove-change / evidence / act: make a request or
 * take one step, then write the file anew. A refused step writes nothing.
 */
#include <stdlib.h>
#include <string.h>

#include "request.h"

/* "correction", "change" (or the library's keys) into a stuinfo_cr_kind; 0 if unknown. */
static int32_t
kind_from_name(const char *name)
{
    if (strcmp(name, "change") == 0)
        return STUINFO_CR_KIND_CHANGE_OF_FACT;
    return stuinfo_cr_kind_from_key(name);
}

/* The record version: --record-version N, or that of the record in STUDENT.json. */
static int
record_version(struct request_run *run, uint64_t *out)
{
    struct cli *cli = run->cli;

    if (cli->argc == 2) {
        if (cli->record_version) {
            cli_error(cli, "--record-version 与学生记录文件只能给一个",
                      "give --record-version or a student record file, not both", NULL);
            return CLI_EXIT_UNUSABLE;
        }
        size_t len = 0;
        char *json = request_read_file(cli, cli->argv[1], STUINFO_STUDENT_MAX_JSON, &len);
        stuinfo_student *st = NULL;
        if (!json)
            return CLI_EXIT_UNUSABLE;
        stuinfo_status s = stuinfo_student_from_json(cli->ctx, json, len, NULL, &st);
        cli_free_wiped(json, len + 1);
        if (s != STUINFO_OK) {
            cli_error_status(cli, "无法读取学生记录", "cannot read the student record",
                             cli->argv[1]);
            return CLI_EXIT_UNUSABLE;
        }
        *out = stuinfo_student_version(st);
        stuinfo_student_free(st);
        return CLI_EXIT_CLEAN;
    }
    if (!cli->record_version || !cli_parse_u64(cli->record_version, out)) {
        cli_error(cli, "请用 --record-version N 或学生记录文件给出记录版本",
                  "give the record version: --record-version N or a student record file",
                  cli->record_version);
        return CLI_EXIT_UNUSABLE;
    }
    return CLI_EXIT_CLEAN;
}

int
request_cmd_new(struct request_run *run)
{
    struct cli *cli = run->cli;
    uint64_t version = 0;
    int32_t kind;
    int rc;

    if (!cli->student_id || !cli->kind) {
        cli_error(cli, "请给出 --student-id 和 --kind correction|change",
                  "give --student-id and --kind correction|change", NULL);
        return CLI_EXIT_UNUSABLE;
    }
    kind = kind_from_name(cli->kind);
    if (kind == 0) {
        cli_error(cli, "未知申请类型（correction 更正、change 变更）",
                  "unknown request kind (correction, change)", cli->kind);
        return CLI_EXIT_UNUSABLE;
    }
    rc = record_version(run, &version);
    if (rc != CLI_EXIT_CLEAN)
        return rc;
    stuinfo_status st = stuinfo_request_new(cli->ctx, run->policy, &run->facts, &run->actor,
                                            cli->student_id, strlen(cli->student_id),
                                            version, kind, cli->comment,
                                            cli->comment ? strlen(cli->comment) : 0,
                                            &run->request);
    if (st != STUINFO_OK)
        return request_fail(run, st, "无法新建变更申请", "cannot make the change request");
    rc = request_save(run, true);
    return rc == CLI_EXIT_CLEAN ? request_print_done(run) : rc;
}

/* Load the request and the revision the actor saw. */
static int
load_for_step(struct request_run *run, uint64_t *seen)
{
    int rc = request_load(run);

    if (rc != CLI_EXIT_CLEAN)
        return rc;
    return request_seen_revision(run, seen) ? CLI_EXIT_CLEAN : CLI_EXIT_UNUSABLE;
}

/* After a step: save and print, or report the refusal. */
static int
finish_step(struct request_run *run, stuinfo_status st)
{
    if (st != STUINFO_OK)
        return request_fail(run, st, "操作未完成", "the step was not taken");
    int rc = request_save(run, false);
    return rc == CLI_EXIT_CLEAN ? request_print_done(run) : rc;
}

int
request_cmd_add_change(struct request_run *run)
{
    char **a = run->cli->argv;
    uint64_t seen;
    int rc = load_for_step(run, &seen);

    if (rc != CLI_EXIT_CLEAN)
        return rc;
    /* An empty OLD or NEW is an empty field (NEW empty: the change clears it). */
    size_t old_len = strlen(a[2]), new_len = strlen(a[3]);
    return finish_step(run, stuinfo_request_set_change(run->request, run->policy, &run->facts,
                                                       &run->actor, seen, a[1],
                                                       old_len ? a[2] : NULL, old_len,
                                                       new_len ? a[3] : NULL, new_len));
}

int
request_cmd_remove_change(struct request_run *run)
{
    uint64_t seen;
    int rc = load_for_step(run, &seen);

    if (rc != CLI_EXIT_CLEAN)
        return rc;
    return finish_step(run, stuinfo_request_remove_change(run->request, run->policy,
                                                          &run->facts, &run->actor, seen,
                                                          run->cli->argv[1]));
}

int
request_cmd_evidence(struct request_run *run)
{
    struct cli *cli = run->cli;
    int32_t kind = stuinfo_evidence_kind_from_key(cli->argv[1]);
    uint64_t seen;

    if (kind == 0) {
        cli_error(cli, "未知证明材料类型（household_register、police_certificate、"
                  "birth_certificate、id_card、other）",
                  "unknown evidence kind (household_register, police_certificate, "
                  "birth_certificate, id_card, other)", cli->argv[1]);
        return CLI_EXIT_UNUSABLE;
    }
    int rc = load_for_step(run, &seen);
    if (rc != CLI_EXIT_CLEAN)
        return rc;
    return finish_step(run, stuinfo_request_add_evidence(run->request, run->policy,
                                                         &run->facts, &run->actor, seen,
                                                         kind, cli->argv[2],
                                                         strlen(cli->argv[2])));
}

int
request_cmd_act(struct request_run *run)
{
    struct cli *cli = run->cli;
    int32_t action = stuinfo_cr_action_from_key(cli->argv[1]);
    uint64_t seen;

    if (action == STUINFO_CR_ACTION_APPLY || action == STUINFO_CR_ACTION_CREATE) {
        cli_error(cli, "请用 stuinfo request apply 或 new", "use stuinfo request apply or new",
                  cli->argv[1]);
        return CLI_EXIT_UNUSABLE;
    }
    if (action == 0) {
        cli_error(cli, "未知动作（submit、approve、return、reject、withdraw、"
                  "request_exception、edit）",
                  "unknown action (submit, approve, return, reject, withdraw, "
                  "request_exception, edit)", cli->argv[1]);
        return CLI_EXIT_UNUSABLE;
    }
    int rc = load_for_step(run, &seen);
    if (rc != CLI_EXIT_CLEAN)
        return rc;
    return finish_step(run, stuinfo_request_act(run->request, run->policy, &run->facts,
                                                &run->actor, action, seen, cli->comment,
                                                cli->comment ? strlen(cli->comment) : 0));
}
