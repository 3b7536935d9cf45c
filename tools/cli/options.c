/*
 * Options of the stuinfo command: one table for every subcommand, so that every command
 * parses them the same way. Options may stand anywhere before "--", as "--name VALUE" or
 * "--name=VALUE"; a command refuses the options it does not take (cli_options_check()).
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

struct option_spec {
    const char *name;           /* without the leading "--" */
    uint32_t bit;               /* CLI_OPT_*, 0 for the options of every command */
    bool takes_value;
    size_t offset;              /* of the bool (flag) or const char * (value) in struct cli */
};

#define FLAG(n, b, field) {n, b, false, offsetof(struct cli, field)}
#define VALUE(n, b, field) {n, b, true, offsetof(struct cli, field)}

static const struct option_spec options[] = {
    FLAG("help", 0, help),
    FLAG("version", 0, version),
    VALUE("lang", 0, lang),
    VALUE("format", 0, format),
    VALUE("now", 0, now),
    FLAG("show", CLI_OPT_SHOW, show),
    FLAG("notes", CLI_OPT_NOTES, notes),
    VALUE("report", CLI_OPT_REPORT, report_path),
    VALUE("student-id", CLI_OPT_STUDENT_ID, student_id),
    VALUE("record-version", CLI_OPT_RECORD_VERSION, record_version),
    VALUE("kind", CLI_OPT_KIND, kind),
    VALUE("actor", CLI_OPT_ACTOR, actor),
    VALUE("role", CLI_OPT_ROLE, role),
    VALUE("comment", CLI_OPT_COMMENT, comment),
    VALUE("policy", CLI_OPT_POLICY, policy_path),
    VALUE("revision", CLI_OPT_REVISION, revision),
    VALUE("head", CLI_OPT_HEAD, head),
    FLAG("graduated", CLI_OPT_GRADUATED, graduated),
    FLAG("reported", CLI_OPT_REPORTED, reported),
    VALUE("spill-dir", CLI_OPT_SPILL_DIR, spill_dir),
    VALUE("check-memory", CLI_OPT_CHECK_MEMORY, check_memory),
};

#undef FLAG
#undef VALUE

static const struct option_spec *
find_option(const char *name, size_t len)
{
    for (size_t i = 0; i < sizeof(options) / sizeof(options[0]); i++)
        if (strlen(options[i].name) == len && memcmp(options[i].name, name, len) == 0)
            return &options[i];
    return NULL;
}

/* English when the first set of LC_ALL, LC_MESSAGES, LANG starts with "en" (POSIX order). */
static bool
locale_is_english(void)
{
    static const char *const vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};

    for (size_t i = 0; i < sizeof(vars) / sizeof(vars[0]); i++) {
        const char *v = getenv(vars[i]);
        if (v && *v)
            return strncmp(v, "en", 2) == 0;
    }
    return false;
}

/* Store one option; @p value is NULL for a flag. */
static void
store(struct cli *cli, const struct option_spec *o, const char *value)
{
    char *field = (char *)cli + o->offset;

    if (o->takes_value)
        memcpy(field, &value, sizeof(value));
    else
        *(bool *)(void *)field = true;
    cli->given |= o->bit;
}

/* Turn --lang and --format into cli->english and cli->json. */
static bool
resolve_lang_format(struct cli *cli)
{
    if (cli->lang) {
        if (strncmp(cli->lang, "en", 2) == 0) {
            cli->english = true;
        } else if (strncmp(cli->lang, "zh", 2) == 0) {
            cli->english = false;
        } else {
            cli_error(cli, "不支持的语言（可用 zh、en）", "unsupported language (zh, en)",
                      cli->lang);
            return false;
        }
    }
    if (cli->format) {
        if (strcmp(cli->format, "json") == 0) {
            cli->json = true;
        } else if (strcmp(cli->format, "text") != 0) {
            cli_error(cli, "不支持的输出格式（可用 text、json）",
                      "unsupported format (text, json)", cli->format);
            return false;
        }
    }
    return true;
}

/* Days from 1970-01-01 to y-m-d of the proleptic Gregorian calendar (H. Hinnant's
 * days_from_civil). */
static int64_t
days_from_civil(int64_t y, int64_t m, int64_t d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

    return era * 146097 + doe - 719468;
}

/* The number in s[at..at+n), all digits (checked by the caller). */
static int
digits(const char *s, size_t at, size_t n)
{
    int v = 0;

    for (size_t i = at; i < at + n; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

/* --now YYYY-MM-DD[THH:MM[:SS]], a time in China (UTC+8), as seconds since the epoch. */
static bool
parse_now(const char *s, int64_t *out)
{
    static const char shape[] = "0000-00-00T00:00:00";    /* '0': a digit */
    static const int mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    size_t len = strlen(s);
    int y, mo, d, h = 0, mi = 0, sec = 0;

    if (len != 10 && len != 16 && len != 19)
        return false;
    for (size_t i = 0; i < len; i++)
        if (shape[i] == '0' ? !(s[i] >= '0' && s[i] <= '9') : s[i] != shape[i])
            return false;
    y = digits(s, 0, 4);
    mo = digits(s, 5, 2);
    d = digits(s, 8, 2);
    if (len >= 16) {
        h = digits(s, 11, 2);
        mi = digits(s, 14, 2);
    }
    if (len == 19)
        sec = digits(s, 17, 2);
    if (y < 1800 || mo < 1 || mo > 12 || d < 1 || d > mdays[mo - 1]
        || (mo == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
        || h > 23 || mi > 59 || sec > 59)
        return false;
    *out = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec - 8 * 3600;
    return true;
}

/* The language first (so that errors about the other options are in it), then the rest. */
static void
prescan_lang(struct cli *cli, int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0)
            return;
        if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
            cli->english = strncmp(argv[i + 1], "en", 2) == 0;
        else if (strncmp(argv[i], "--lang=", 7) == 0)
            cli->english = strncmp(argv[i] + 7, "en", 2) == 0;
    }
}

bool
cli_options_parse(struct cli *cli, int argc, char **argv)
{
    int n = 0;
    bool options_done = false;

    cli->english = locale_is_english();
    prescan_lang(cli, argc, argv);
    for (int i = 1; i < argc; i++) {
        char *a = argv[i];
        if (options_done || a[0] != '-' || strcmp(a, "-") == 0) {
            argv[n++] = a;
            continue;
        }
        if (strcmp(a, "--") == 0) {
            options_done = true;
            continue;
        }
        if (strcmp(a, "-h") == 0) {
            cli->help = true;
            continue;
        }
        const char *eq = strncmp(a, "--", 2) == 0 ? strchr(a + 2, '=') : NULL;
        const struct option_spec *o = strncmp(a, "--", 2) != 0 ? NULL
            : find_option(a + 2, eq ? (size_t)(eq - (a + 2)) : strlen(a + 2));
        if (!o) {
            cli_error(cli, "未知选项", "unknown option", a);
            return false;
        }
        if (!o->takes_value) {
            if (eq) {
                cli_error(cli, "此选项不带值", "this option takes no value", a);
                return false;
            }
            store(cli, o, NULL);
        } else if (eq) {
            store(cli, o, eq + 1);
        } else if (i + 1 < argc) {
            store(cli, o, argv[++i]);
        } else {
            cli_error(cli, "选项缺少值", "option needs a value", a);
            return false;
        }
    }
    cli->argc = n;
    cli->argv = argv;
    if (!resolve_lang_format(cli))
        return false;
    if (cli->now && !parse_now(cli->now, &cli->now_epoch)) {
        cli_error(cli, "--now 应为 YYYY-MM-DD 或 YYYY-MM-DDTHH:MM[:SS]（北京时间）",
                  "--now takes YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS] (China time)", cli->now);
        return false;
    }
    return true;
}

bool
cli_options_check(const struct cli *cli, const char *command, uint32_t accepted)
{
    uint32_t extra = cli->given & ~accepted;

    if (!extra)
        return true;
    for (size_t i = 0; i < sizeof(options) / sizeof(options[0]); i++) {
        if (options[i].bit & extra) {
            char name[48];
            snprintf(name, sizeof(name), "--%s", options[i].name);
            if (cli->english)
                fprintf(stderr, "stuinfo: option %s does not apply to '%s'\n", name, command);
            else
                fprintf(stderr, "stuinfo: 选项 %s 不适用于 %s 命令\n", name, command);
            break;
        }
    }
    return false;
}
