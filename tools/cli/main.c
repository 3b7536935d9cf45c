/*
 * stuinfo — the command-line door to libstuinfo.
 *
 *   stuinfo [--lang zh|en] [--format text|json] COMMAND [OPTIONS] [ARGS]
 *
 * Options may stand before or after the command name (options.c); a command refuses
 * the options it does not take. Messages are Chinese unless
 * --lang en is given or the locale (LC_ALL, LC_MESSAGES, LANG) starts with "en".
 * Exit status: 0 clean, 1 findings, 2 bad usage or unusable input.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const struct cli_command commands[] = {
    {"check", cli_cmd_check,
     CLI_OPT_REPORT | CLI_OPT_NOTES | CLI_OPT_SPILL_DIR | CLI_OPT_CHECK_MEMORY,
     "检查花名册（CSV，UTF-8 或 GB18030）", "check a roster (CSV, UTF-8 or GB18030)",
     "用法：stuinfo check [--format text|json] [--report 文件.csv] [--notes]\n"
     "       [--spill-dir 目录] [--check-memory 字节数] 花名册.csv\n"
     "逐行检查花名册中的每条学籍记录，输出每行的问题和汇总（- 表示标准输入）。\n"
     "  --format json   每个问题输出一行 JSON 对象（row, field, rule, severity, message），\n"
     "                  最后一行为汇总对象\n"
     "  --report 文件   另将这些问题写入 CSV 文件（row, field, rule, severity, message）\n"
     "  --notes         同时列出说明（已自动规范的值，如去除空格）\n"
     "  --spill-dir 目录  名单级检查超出内存预算时写临时文件的目录（默认为环境变量\n"
     "                  TMPDIR，未设置时为 /tmp）；目录无法使用时退出状态为 2\n"
     "  --check-memory 字节数  名单级检查可用的内存（默认 16777216，最小 4096，\n"
     "                  每行约 20 字节）；超出后写入上述临时文件\n"
     "退出状态：0 没有问题，1 有问题，2 文件无法使用。\n",
     "usage: stuinfo check [--format text|json] [--report FILE.csv] [--notes]\n"
     "       [--spill-dir DIR] [--check-memory BYTES] ROSTER.csv\n"
     "Check every student record of a roster (- for standard input); print the findings of\n"
     "each row and a summary.\n"
     "  --format json   one JSON object per line per finding (row, field, rule, severity,\n"
     "                  message), then one summary object\n"
     "  --report FILE   also write these findings to a CSV file (row, field, rule, severity,\n"
     "                  message)\n"
     "  --notes         also list notes (values canonicalized, such as spaces removed)\n"
     "  --spill-dir DIR where the roster-level checks write their temporary file when\n"
     "                  they outgrow their memory (default: $TMPDIR, else /tmp); a\n"
     "                  directory that cannot be used gives exit status 2\n"
     "  --check-memory BYTES  memory of the roster-level checks (default 16777216, at\n"
     "                  least 4096; about 20 bytes a row); beyond it they spill\n"
     "Exit status: 0 clean, 1 findings, 2 unusable input.\n"},
    {"id", cli_cmd_id, CLI_OPT_SHOW,
     "解释身份证件号码", "explain identity numbers",
     "用法：stuinfo id [--show] [--format text|json] [号码 ...]\n"
     "校验每个号码，说明类型、地区、出生日期、性别，或错误原因。\n"
     "没有给出号码（或给出 -）时，从标准输入逐行读取号码。\n"
     "  --show          显示完整号码（默认只显示掩码形式，如 110105********002X）\n"
     "  --format json   每个号码输出一行 JSON 对象，顺序与输入相同\n"
     "退出状态：0 全部有效，1 有无效号码，2 用法错误。\n",
     "usage: stuinfo id [--show] [--format text|json] [NUMBER ...]\n"
     "Verify each number and explain it: kind, region, birth date, sex, or what is wrong.\n"
     "With no number (or -), numbers are read from standard input, one per line.\n"
     "  --show          print numbers in full (masked by default: 110105********002X)\n"
     "  --format json   one JSON object per line and per number, in input order\n"
     "Exit status: 0 all valid, 1 some invalid, 2 bad usage.\n"},
    {"codes", cli_cmd_codes, 0,
     "查询代码表", "look codes up",
     "用法：stuinfo codes [--format text|json] [代码表 [查询 ...]]\n"
     "不带参数时列出所有代码表；只给代码表时列出其全部代码；\n"
     "给出查询时按代码或名称查找（如 stuinfo codes ethnicity 汉，stuinfo codes region 110105）。\n"
     "退出状态：0 找到，1 未找到或有歧义，2 用法错误。\n",
     "usage: stuinfo codes [--format text|json] [TABLE [QUERY ...]]\n"
     "With no argument, list the code tables; with a table, list its codes; with queries,\n"
     "find each by code or by name (stuinfo codes ethnicity Han, stuinfo codes region 110105).\n"
     "Exit status: 0 found, 1 not found or ambiguous, 2 bad usage.\n"},
    {"request", cli_cmd_request,
     CLI_OPT_STUDENT_ID | CLI_OPT_RECORD_VERSION | CLI_OPT_KIND | CLI_OPT_ACTOR | CLI_OPT_ROLE
         | CLI_OPT_COMMENT | CLI_OPT_POLICY | CLI_OPT_REVISION | CLI_OPT_HEAD
         | CLI_OPT_GRADUATED | CLI_OPT_REPORTED | CLI_OPT_SHOW,
     "处理学籍变更申请（JSON 文件）", "drive a change request stored as a JSON file",
     "用法：stuinfo request 子命令 申请.json [参数] [选项]\n"
     "  new 申请.json [学生.json] --student-id 学号 (--record-version N | 学生.json)\n"
     "      --kind correction|change --actor 标识 --role 角色 [--comment 说明]\n"
     "                  新建申请（草稿）；文件已存在时拒绝\n"
     "  add-change 申请.json 字段 原值 新值    提出修改（空字符串表示空值）\n"
     "  remove-change 申请.json 字段          撤销一项修改\n"
     "  evidence 申请.json 类型 编号           添加证明材料（household_register、\n"
     "                  police_certificate、birth_certificate、id_card、other）\n"
     "  act 申请.json 动作 [--comment 说明]    submit、approve、return、reject、withdraw、\n"
     "                  request_exception（例外申请，说明即书面报告）、edit\n"
     "  apply 申请.json 学生.json              将已批准的申请写入学生记录，并显示前后对比\n"
     "  show 申请.json [--show]                状态、修改（关键字段值已掩码）、材料、审计日志\n"
     "  verify 申请.json [--head 日志头]        校验审计日志的哈希链\n"
     "  policy [--policy 策略.json]             输出流程策略（JSON，默认策略或给定策略）\n"
     "修改申请的子命令需要 --actor 标识 --role 角色（student、guardian、teacher、\n"
     "registrar、leadership、admin），可用 --policy 策略.json、--revision N（看到的修订号，\n"
     "默认为文件中的修订号）、--graduated（已毕业）、--reported（已上报）。\n"
     "申请文件每次整体重写（先写临时文件再改名）。\n"
     "退出状态：0 成功，1 被拒绝或日志校验失败，2 用法错误或文件无法使用。\n",
     "usage: stuinfo request SUBCOMMAND REQUEST.json [ARGS] [OPTIONS]\n"
     "  new REQUEST.json [STUDENT.json] --student-id ID (--record-version N | STUDENT.json)\n"
     "      --kind correction|change --actor ID --role ROLE [--comment TEXT]\n"
     "                  make a request (a draft); refused if the file exists\n"
     "  add-change REQUEST.json FIELD OLD NEW  propose a change (\"\" for an empty value)\n"
     "  remove-change REQUEST.json FIELD       drop a proposed change\n"
     "  evidence REQUEST.json KIND REF         add evidence (household_register,\n"
     "                  police_certificate, birth_certificate, id_card, other)\n"
     "  act REQUEST.json ACTION [--comment TEXT]  submit, approve, return, reject, withdraw,\n"
     "                  request_exception (the comment is the written report), edit\n"
     "  apply REQUEST.json STUDENT.json        apply an approved request to the record and\n"
     "                  print the before/after diff\n"
     "  show REQUEST.json [--show]             state, changes (key values masked), evidence,\n"
     "                  audit log\n"
     "  verify REQUEST.json [--head HEX]       verify the hash chain of the audit log\n"
     "  policy [--policy POLICY.json]          print the workflow policy as JSON (the\n"
     "                  defaults, or the given one): a start for your own\n"
     "Subcommands that change the request need --actor ID --role ROLE (student, guardian,\n"
     "teacher, registrar, leadership, admin) and take --policy POLICY.json, --revision N\n"
     "(the revision the actor saw; default: the file's), --graduated, --reported.\n"
     "The request file is rewritten whole (a temporary file, then rename).\n"
     "Exit status: 0 done, 1 refused or the log does not verify, 2 bad usage or unusable\n"
     "file.\n"},
};

static const struct cli_command *
find_command(const char *name)
{
    for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

void
cli_usage(const struct cli *cli, const char *command, FILE *f)
{
    const struct cli_command *c = command ? find_command(command) : NULL;

    if (c) {
        fputs(cli_tr(cli, c->usage_zh, c->usage_en), f);
        fputs(cli_tr(cli,
                     "\n通用选项：--lang zh|en（默认按区域设置）、--format text|json、"
                     "--now YYYY-MM-DD[THH:MM[:SS]]（以此北京时间为“现在”）、--help\n",
                     "\nCommon options: --lang zh|en (default: from the locale), "
                     "--format text|json, --now YYYY-MM-DD[THH:MM[:SS]] (China time taken "
                     "as now), --help\n"), f);
        return;
    }
    fputs(cli_tr(cli,
                 "用法：stuinfo [--lang zh|en] [--format text|json] 命令 [选项] [参数]\n\n命令：\n",
                 "usage: stuinfo [--lang zh|en] [--format text|json] COMMAND [OPTIONS] [ARGS]\n\n"
                 "Commands:\n"), f);
    for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
        fprintf(f, "  %-9s %s\n", commands[i].name,
                cli_tr(cli, commands[i].summary_zh, commands[i].summary_en));
    fputs(cli_tr(cli,
                 "\n“stuinfo 命令 --help” 显示各命令的说明。\n"
                 "退出状态：0 没有问题，1 有问题，2 用法错误或输入无法使用。\n",
                 "\n'stuinfo COMMAND --help' describes each command.\n"
                 "Exit status: 0 clean, 1 findings, 2 bad usage or unusable input.\n"), f);
}

void
cli_error(const struct cli *cli, const char *zh, const char *en, const char *arg)
{
    fputs("stuinfo: ", stderr);
    fputs(cli_tr(cli, zh, en), stderr);
    if (arg)
        fprintf(stderr, cli->english ? ": %s" : "：%s", arg);
    fputc('\n', stderr);
}

void
cli_error_status(const struct cli *cli, const char *zh, const char *en, const char *arg)
{
    stuinfo_status st = stuinfo_ctx_last_status(cli->ctx);

    fputs("stuinfo: ", stderr);
    fputs(cli_tr(cli, zh, en), stderr);
    if (arg)
        fprintf(stderr, " %s", arg);
    fprintf(stderr, cli->english ? ": %s (%s)\n" : "：%s（%s）\n",
            stuinfo_ctx_last_message(cli->ctx), stuinfo_status_str(st));
}

int
main(int argc, char **argv)
{
    struct cli cli = {0};
    int rc;

    if (!cli_options_parse(&cli, argc, argv))
        return CLI_EXIT_UNUSABLE;
    if (cli.version) {
        printf("stuinfo %s\n", stuinfo_version());
        return CLI_EXIT_CLEAN;
    }
    if (cli.argc > 0 && strcmp(cli.argv[0], "help") == 0) {
        cli_usage(&cli, cli.argc > 1 ? cli.argv[1] : NULL, stdout);
        return CLI_EXIT_CLEAN;
    }
    if (cli.argc > 0 && strcmp(cli.argv[0], "version") == 0) {
        printf("stuinfo %s\n", stuinfo_version());
        return CLI_EXIT_CLEAN;
    }
    if (cli.argc == 0) {
        cli_usage(&cli, NULL, cli.help ? stdout : stderr);
        return cli.help ? CLI_EXIT_CLEAN : CLI_EXIT_UNUSABLE;
    }
    const struct cli_command *cmd = find_command(cli.argv[0]);
    if (!cmd) {
        cli_error(&cli, "未知命令", "unknown command", cli.argv[0]);
        cli_usage(&cli, NULL, stderr);
        return CLI_EXIT_UNUSABLE;
    }
    if (cli.help) {
        cli_usage(&cli, cmd->name, stdout);
        return CLI_EXIT_CLEAN;
    }
    if (!cli_options_check(&cli, cmd->name, cmd->options))
        return CLI_EXIT_UNUSABLE;
    stuinfo_ctx_options opts;
    stuinfo_ctx_options_init(&opts);
    opts.lang = cli.english ? STUINFO_LANG_EN : STUINFO_LANG_ZH_CN;
    if (stuinfo_ctx_new(&opts, &cli.ctx) != STUINFO_OK) {
        cli_error(&cli, "无法初始化 libstuinfo", "cannot initialise libstuinfo", NULL);
        return CLI_EXIT_UNUSABLE;
    }
    /* --now: "today" for dates in the future, ages, windows and deadlines. */
    if (cli.now && stuinfo_ctx_set_fixed_time(cli.ctx, cli.now_epoch) != STUINFO_OK) {
        cli_error(&cli, "--now 超出范围", "--now is out of range", cli.now);
        stuinfo_ctx_free(cli.ctx);
        return CLI_EXIT_UNUSABLE;
    }
    cli.argc--;                 /* the operands of the command */
    cli.argv++;
    rc = cmd->run(&cli);
    stuinfo_ctx_free(cli.ctx);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        cli_error(&cli, "写标准输出失败", "cannot write to standard output", NULL);
        return CLI_EXIT_UNUSABLE;
    }
    return rc;
}
