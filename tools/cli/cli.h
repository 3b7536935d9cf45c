/*
 * The stuinfo command: shared state of one run and the helpers its subcommands use.
 * Only this program prints; the library never does.
 */
#ifndef STUINFO_CLI_H
#define STUINFO_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include <stuinfo.h>

/* Exit statuses, the same for every subcommand. */
enum cli_exit {
    CLI_EXIT_CLEAN = 0,         /* nothing to report */
    CLI_EXIT_FINDINGS = 1,      /* findings (an invalid number, a record with errors ...) */
    CLI_EXIT_UNUSABLE = 2,      /* bad usage, unreadable or unusable input */
};

/* Options every subcommand understands, and the context of the run. */
struct cli {
    stuinfo_ctx *ctx;
    bool english;               /* --lang en, or an English locale */
    bool json;                  /* --format json */
    bool show;                  /* --show: print personal numbers unmasked */
    bool help;                  /* --help */
    bool notes;                 /* --notes: also show notes (values canonicalized) */
    const char *report_path;    /* --report FILE */
    const char *actor;
    const char *role;
    const char *note;
    const char *field;
    const char *value;
    int argc;                   /* the operands left after the options */
    char **argv;
};

/* One subcommand. */
struct cli_command {
    const char *name;
    int (*run)(struct cli *cli);
    const char *summary_zh, *summary_en;
    const char *usage_zh, *usage_en;
};

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

/* Write @p s as a JSON string (quoted and escaped) to @p f. NULL writes null. */
void cli_json_string(FILE *f, const char *s);

/* A read line without its line ending; grows as needed. Returns -1 at end of input. */
long cli_read_line(FILE *f, char **buf, size_t *cap);

#endif /* STUINFO_CLI_H */
