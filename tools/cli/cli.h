/*
 * The stuinfo command: shared state of one run and the helpers its subcommands use.
 * Only this program prints; the library never does.
 */
#ifndef STUINFO_CLI_H
#define STUINFO_CLI_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include <stuinfo.h>

/* Exit statuses, the same for every subcommand. */
enum cli_exit {
    CLI_EXIT_CLEAN = 0,         /* nothing to report */
    CLI_EXIT_FINDINGS = 1,      /* findings (an invalid number, a record with errors ...) */
    CLI_EXIT_UNUSABLE = 2,      /* bad usage, unreadable or unusable input */
};

/*
 * Options a command may take, beyond --lang, --format and --help, which every command
 * takes. A command lists its set in its struct cli_command; others are refused.
 */
enum cli_option {
    CLI_OPT_SHOW = 1u << 0,             /* --show: print personal numbers unmasked */
    CLI_OPT_NOTES = 1u << 1,            /* --notes: also show notes */
    CLI_OPT_REPORT = 1u << 2,           /* --report FILE */
    CLI_OPT_STUDENT_ID = 1u << 3,       /* --student-id ID */
    CLI_OPT_RECORD_VERSION = 1u << 4,   /* --record-version N */
    CLI_OPT_KIND = 1u << 5,             /* --kind correction|change */
    CLI_OPT_ACTOR = 1u << 6,            /* --actor ID */
    CLI_OPT_ROLE = 1u << 7,             /* --role ROLE */
    CLI_OPT_COMMENT = 1u << 8,          /* --comment TEXT */
    CLI_OPT_POLICY = 1u << 9,           /* --policy POLICY.json */
    CLI_OPT_REVISION = 1u << 10,        /* --revision N: the revision the actor saw */
    CLI_OPT_HEAD = 1u << 11,            /* --head HEX: the log head kept elsewhere */
    CLI_OPT_GRADUATED = 1u << 12,       /* --graduated: the student has graduated */
    CLI_OPT_REPORTED = 1u << 13,        /* --reported: the record was reported */
    CLI_OPT_SPILL_DIR = 1u << 14,       /* --spill-dir DIR: the roster checks' temp file */
    CLI_OPT_CHECK_MEMORY = 1u << 15,    /* --check-memory BYTES: the roster checks' memory */
};

/* The options of the run, its operands and its context. */
struct cli {
    stuinfo_ctx *ctx;
    bool english;               /* --lang en, or an English locale */
    bool json;                  /* --format json */
    bool help;                  /* --help or -h */
    bool version;               /* --version */
    bool show;
    bool notes;
    bool graduated;
    bool reported;
    const char *lang;           /* as given; resolved into english */
    const char *format;         /* as given; resolved into json */
    const char *now;            /* --now as given; resolved into now_epoch */
    int64_t now_epoch;          /* the clock of the run when --now is given */
    const char *report_path;
    const char *student_id;
    const char *record_version;
    const char *kind;
    const char *actor;
    const char *role;
    const char *comment;
    const char *policy_path;
    const char *revision;
    const char *head;
    const char *spill_dir;
    const char *check_memory;
    uint32_t given;             /* the CLI_OPT_* bits of the options given */
    int argc;                   /* the operands left after the options */
    char **argv;
};

/* One subcommand. */
struct cli_command {
    const char *name;
    int (*run)(struct cli *cli);
    uint32_t options;           /* the CLI_OPT_* it takes */
    const char *summary_zh, *summary_en;
    const char *usage_zh, *usage_en;
};

/*
 * Take the options out of argv[1..] (anywhere before "--"), leaving the operands in order
 * in cli->argv, and pick the language (--lang, else the locale) and the format. Returns
 * false after printing why on a bad option (exit status 2).
 */
bool cli_options_parse(struct cli *cli, int argc, char **argv);

/* False, after printing the first, if an option given is not in @p accepted. */
bool cli_options_check(const struct cli *cli, const char *command, uint32_t accepted);

/* The subcommands, each in its own file. */
int cli_cmd_id(struct cli *cli);
int cli_cmd_codes(struct cli *cli);
int cli_cmd_check(struct cli *cli);
int cli_cmd_request(struct cli *cli);

/* Pick the Chinese or the English text. */
static inline const char *
cli_tr(const struct cli *cli, const char *zh, const char *en)
{
    return cli->english ? en : zh;
}

/* An error of the run (not a finding) on stderr, prefixed with "stuinfo: ". */
void cli_error(const struct cli *cli, const char *zh, const char *en, const char *arg);

/* As cli_error() with the last status and message of the ctx appended. */
void cli_error_status(const struct cli *cli, const char *zh, const char *en,
                      const char *arg);

/* Print the usage of the named subcommand (NULL: the program) to @p f. */
void cli_usage(const struct cli *cli, const char *command, FILE *f);

/* Progress on stderr, drawn only when stderr is a terminal and @p total > 0. */
struct cli_progress {
    bool active;
    long long total, done;
    int last_permille;
};
void cli_progress_start(struct cli_progress *p, long long total);
void cli_progress_update(struct cli_progress *p, long long done);
void cli_progress_end(struct cli_progress *p);
/* Erase the bar before other output on the terminal; the next update redraws it. */
void cli_progress_clear(struct cli_progress *p);

/* Write @p s as a JSON string (quoted and escaped) to @p f; bytes that are not UTF-8
 * become U+FFFD, so the line always parses. NULL writes null. */
void cli_json_string(FILE *f, const char *s);

/* A read line without its line ending; grows as needed. Returns -1 at end of input. */
long cli_read_line(FILE *f, char **buf, size_t *cap);

/* Wipe @p len bytes of @p p (they held personal data), then free it. NULL is a no-op. */
void cli_free_wiped(char *p, size_t len);

/* Parse a decimal unsigned 64-bit number (digits only); false if @p s is not one. */
bool cli_parse_u64(const char *s, uint64_t *out);

#endif /* STUINFO_CLI_H */
