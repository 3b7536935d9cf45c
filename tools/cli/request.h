/*
 * stuinfo request: what its subcommands share. A request lives in a JSON file
 * (stuinfo_request_to_json); every subcommand that changes it writes the file anew,
 * atomically (a temporary file in the same directory, then rename).
 */
#ifndef STUINFO_CLI_REQUEST_H
#define STUINFO_CLI_REQUEST_H

#include "cli.h"

/* One run of a request subcommand: the policy, the facts and the actor it acts with. */
struct request_run {
    struct cli *cli;
    const char *path;                   /* the request file (NULL for "policy") */
    stuinfo_workflow_policy *policy;    /* --policy FILE, else the defaults */
    stuinfo_cr_facts facts;             /* --graduated, --reported */
    stuinfo_cr_actor actor;             /* --actor and --role */
    stuinfo_change_request *request;    /* loaded (or made) */
};

/* ---- request_file.c ---- */

/*
 * Read a whole file of at most @p max bytes into a NUL-terminated buffer the caller
 * frees with cli_free_wiped(). Prints why and returns NULL on failure.
 */
char *request_read_file(const struct cli *cli, const char *path, size_t max, size_t *len);

/*
 * Write @p len bytes to @p path atomically: a temporary file in the same directory
 * (mode 0600: it holds personal data), synced, then renamed over @p path; with
 * @p exclusive, linked instead, so an existing file is never replaced. Prints why and
 * returns false on failure (the old file is then untouched).
 */
bool request_write_file(const struct cli *cli, const char *path, const char *data,
                        size_t len, bool exclusive);

/* Load run->request from run->path. Returns an exit status (0 when loaded). */
int request_load(struct request_run *run);

/* Write run->request to run->path (exclusive: for a new file). Returns an exit status. */
int request_save(struct request_run *run, bool exclusive);

/* ---- request_edit.c ---- */

int request_cmd_new(struct request_run *run);
int request_cmd_add_change(struct request_run *run);
int request_cmd_remove_change(struct request_run *run);
int request_cmd_evidence(struct request_run *run);
int request_cmd_act(struct request_run *run);

/* ---- request_apply.c ---- */

int request_cmd_apply(struct request_run *run);

/* ---- request_show.c ---- */

int request_cmd_show(struct request_run *run);
int request_cmd_verify(struct request_run *run);
/* The policy (--policy FILE, else the defaults) as JSON: a start for your own. */
int request_cmd_policy(struct request_run *run);

/*
 * After an accepted step: the new state, revision and log head (text or a JSON line).
 * Returns CLI_EXIT_CLEAN.
 */
int request_print_done(const struct request_run *run);

/* The changes (@p diff: the before/after diff) as text lines, or with --format json as the
 * members of a JSON array. Values of key fields masked unless --show. */
void request_print_changes(const struct request_run *run, bool diff);

/* A field value as shown: masked unless --show when @p path is a key field. */
const char *request_shown_value(const struct request_run *run, const char *path,
                                const char *value, size_t len, char *buf, size_t cap);

/* The state's name in the run's language. */
const char *request_state_name(const struct cli *cli, int32_t state);

/* ---- cmd_request.c ---- */

/*
 * Report a refused or failed library call: a message on stderr (and with --format json a
 * JSON line on stdout). Returns the exit status: 1 for a refusal (the workflow said no,
 * the log does not verify, the record does not validate), 2 for anything else.
 */
int request_fail(const struct request_run *run, stuinfo_status st, const char *zh,
                 const char *en);

/* The stable key of a status ("permission", "stale_version"...). */
const char *request_status_key(stuinfo_status st);

/* --revision N if given, else the request's revision. False (printed) if N is bad. */
bool request_seen_revision(const struct request_run *run, uint64_t *out);

#endif /* STUINFO_CLI_REQUEST_H */
