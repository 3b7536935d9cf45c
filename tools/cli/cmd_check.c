/*
 * stuinfo check ROSTER: read a roster (CSV, UTF-8 or GB18030) as a stream, report the
 * findings of every row and a summary; --format json writes one JSON object per finding
 * and a summary object; --report FILE also writes the findings as CSV.
 * Notes (values the library canonicalized) are shown only with --notes.
 * The roster-level checks keep their keys in --check-memory BYTES and spill beyond it to a
 * temporary file in --spill-dir DIR, else $TMPDIR, else the library's /tmp (the library
 * reads no environment; the command does).
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

/* A roster this long or longer gets a progress bar (when stderr is a terminal). */
enum { PROGRESS_MIN_BYTES = 1 << 20 };

enum row_state { ROW_CLEAN = 0, ROW_WARNINGS = 1, ROW_ERRORS = 2 };

struct source {
    FILE *file;
    struct cli_progress progress;
    long long done;
    bool failed;                /* a read of the roster failed (not the checks' file) */
};

struct check {
    struct cli *cli;
    stuinfo_roster_writer *report_writer;
    FILE *report_file;
    bool report_failed;
    bool unusable;
    enum row_state file_state;  /* findings about the file rather than a row */
    size_t unknown_headings;
    struct cli_progress *progress;
    const struct source *src;
    const char *spill_dir;      /* where the checks' temporary file goes; NULL: /tmp */
    unsigned char *rows;        /* enum row_state per data row, indexed by row number */
    size_t rows_cap;
};

static int64_t
read_source(void *user, char *buf, size_t cap)
{
    struct source *s = user;
    size_t n = fread(buf, 1, cap, s->file);

    if (n == 0 && ferror(s->file)) {
        s->failed = true;
        return -1;
    }
    s->done += (long long)n;
    cli_progress_update(&s->progress, s->done);
    return (int64_t)n;
}

static int32_t
write_report(void *user, const char *data, size_t len)
{
    return fwrite(data, 1, len, user) == len ? 0 : 1;
}

static bool
shown(const struct check *ck, int32_t severity)
{
    return severity != STUINFO_SEVERITY_NOTE || ck->cli->notes;
}

static void
set_row_state(struct check *ck, int64_t row, enum row_state state)
{
    if (row <= 0)
        return;
    if ((size_t)row >= ck->rows_cap) {
        size_t ncap = ck->rows_cap ? ck->rows_cap : 1024;
        while (ncap <= (size_t)row)
            ncap *= 2;
        unsigned char *n = realloc(ck->rows, ncap);
        if (!n)
            return;             /* the summary then misses this row's state; harmless */
        memset(n + ck->rows_cap, 0, ncap - ck->rows_cap);
        ck->rows = n;
        ck->rows_cap = ncap;
    }
    if (ck->rows[row] < state)
        ck->rows[row] = (unsigned char)state;
}

static const char *
severity_word(const struct cli *cli, int32_t severity)
{
    switch (severity) {
    case STUINFO_SEVERITY_ERROR: return cli_tr(cli, "错误", "error");
    case STUINFO_SEVERITY_WARNING: return cli_tr(cli, "警告", "warning");
    default: return cli_tr(cli, "说明", "note");
    }
}

static void
write_finding(struct check *ck, const stuinfo_finding *f)
{
    const struct cli *cli = ck->cli;

    if (cli->json) {
        fputs("{\"row\":", stdout);
        if (f->row > 0)
            printf("%lld", (long long)f->row);
        else
            fputs("null", stdout);
        fputs(",\"field\":", stdout);
        cli_json_string(stdout, f->field);
        fputs(",\"rule\":", stdout);
        cli_json_string(stdout, f->rule);
        fputs(",\"severity\":", stdout);
        cli_json_string(stdout, stuinfo_severity_str(f->severity));
        fputs(",\"message\":", stdout);
        cli_json_string(stdout, f->message);
        fputs("}\n", stdout);
    } else {
        printf("  %s  %s%s%s [%s]\n", severity_word(cli, f->severity),
               f->field && *f->field ? f->field : "", f->field && *f->field ? "  " : "",
               f->message, f->rule);
    }
    if (ck->report_writer && !ck->report_failed) {
        char row[24] = "";
        if (f->row > 0)
            snprintf(row, sizeof(row), "%lld", (long long)f->row);
        const char *cells[5] = {row, f->field ? f->field : "", f->rule,
                                stuinfo_severity_str(f->severity), f->message};
        if (stuinfo_roster_writer_row(ck->report_writer, cells, NULL, 5) != STUINFO_OK)
            ck->report_failed = true;
    }
}

/* Print the shown findings of @p report under a row heading; returns the row's state. */
static enum row_state
report_findings(struct check *ck, const stuinfo_report *report, int64_t row, bool file_level)
{
    enum row_state state = ROW_CLEAN;
    bool headed = false;
    int64_t headed_row = -1;
    size_t n = stuinfo_report_count(report);

    for (size_t i = 0; i < n; i++) {
        stuinfo_finding f = {.size = sizeof(f)};
        if (stuinfo_report_get(report, i, &f) != STUINFO_OK)
            continue;
        if (file_level && f.rule && strcmp(f.rule, "roster.no_heading") == 0)
            ck->unusable = true;
        if (file_level && f.rule && strcmp(f.rule, "roster.unknown_heading") == 0)
            ck->unknown_headings++;
        if (f.severity == STUINFO_SEVERITY_ERROR)
            state = ROW_ERRORS;
        else if (f.severity == STUINFO_SEVERITY_WARNING && state < ROW_WARNINGS)
            state = ROW_WARNINGS;
        if (file_level && f.row > 0)
            set_row_state(ck, f.row, f.severity == STUINFO_SEVERITY_ERROR ? ROW_ERRORS
                                     : f.severity == STUINFO_SEVERITY_WARNING ? ROW_WARNINGS
                                     : ROW_CLEAN);
        if (!shown(ck, f.severity))
            continue;
        if (!ck->cli->json && (!headed || (file_level && f.row != headed_row))) {
            cli_progress_clear(ck->progress);
            int64_t r = file_level ? f.row : row;
            if (r <= 0)
                printf("%s\n", cli_tr(ck->cli, "整个文件：", "whole file:"));
            else if (ck->cli->english)
                printf(file_level ? "row %lld (compared with other rows):\n" : "row %lld:\n",
                       (long long)r);
            else
                printf(file_level ? "第 %lld 行（与其他行比对）：\n" : "第 %lld 行：\n",
                       (long long)r);
            headed = true;
            headed_row = f.row;
        }
        if (f.row == 0 && !file_level)
            f.row = row;
        write_finding(ck, &f);
    }
    return state;
}

static void
print_summary(const struct check *ck, const stuinfo_roster_counts *c)
{
    long long clean = 0, warnings = 0, errors = 0;

    for (size_t r = 1; r < ck->rows_cap; r++) {
        if (ck->rows[r] == ROW_ERRORS)
            errors++;
        else if (ck->rows[r] == ROW_WARNINGS)
            warnings++;
    }
    /* Rows never marked are clean; skipped rows are not data rows. */
    clean = (long long)(c->rows_read - c->rows_skipped) - warnings - errors;
    if (clean < 0)
        clean = 0;
    if (ck->cli->json) {
        printf("{\"summary\":true,\"rows_read\":%lld,\"clean\":%lld,\"warnings_only\":%lld,"
               "\"errors\":%lld,\"skipped\":%lld}\n", (long long)c->rows_read, clean,
               warnings, errors, (long long)c->rows_skipped);
    } else if (ck->cli->english) {
        printf("\n%lld rows read: %lld clean, %lld with warnings only, %lld with errors, "
               "%lld skipped.\n", (long long)c->rows_read, clean, warnings, errors,
               (long long)c->rows_skipped);
    } else {
        printf("\n共读取 %lld 行：无问题 %lld 行，仅有警告 %lld 行，有错误 %lld 行，"
               "跳过 %lld 行。\n", (long long)c->rows_read, clean, warnings, errors,
               (long long)c->rows_skipped);
    }
}

static bool
open_report(struct check *ck)
{
    const struct cli *cli = ck->cli;
    stuinfo_roster_writer_options wo;
    static const char *const heading[5] = {"row", "field", "rule", "severity", "message"};

    ck->report_file = fopen(cli->report_path, "wb");
    if (!ck->report_file) {
        cli_error(cli, "无法写入报告文件", "cannot write the report file", cli->report_path);
        return false;
    }
    stuinfo_roster_writer_options_init(&wo);
    wo.format = STUINFO_ROSTER_FORMAT_CSV;
    wo.bom = 1;                 /* so that spreadsheets read the Chinese text as UTF-8 */
    if (stuinfo_roster_writer_new(cli->ctx, &wo, write_report, ck->report_file,
                                  &ck->report_writer) != STUINFO_OK ||
        stuinfo_roster_writer_heading(ck->report_writer, heading, NULL, 5) != STUINFO_OK) {
        cli_error_status(cli, "无法写入报告文件", "cannot write the report file",
                         cli->report_path);
        return false;
    }
    return true;
}

static bool
close_report(struct check *ck)
{
    bool ok = !ck->report_failed;

    if (ck->report_writer && stuinfo_roster_writer_finish(ck->report_writer) != STUINFO_OK)
        ok = false;
    stuinfo_roster_writer_free(ck->report_writer);
    ck->report_writer = NULL;
    if (ck->report_file && fclose(ck->report_file) != 0)
        ok = false;
    ck->report_file = NULL;
    if (!ok)
        cli_error(ck->cli, "写入报告文件失败", "writing the report file failed",
                  ck->cli->report_path);
    return ok;
}

static int
check_roster(struct check *ck, stuinfo_roster_reader *reader)
{
    stuinfo_roster_row *row = NULL;
    stuinfo_status st;

    while ((st = stuinfo_roster_reader_next(reader, &row)) == STUINFO_OK && row) {
        int64_t n = stuinfo_roster_row_number(row);
        set_row_state(ck, n, report_findings(ck, stuinfo_roster_row_findings(row), n, false));
    }
    if (st == STUINFO_ERR_IO && !ck->src->failed) {
        /* not the roster: the roster checks' temporary file */
        cli_error_status(ck->cli, "名单级检查的临时目录无法使用",
                         "the roster checks' spill directory cannot be used",
                         ck->spill_dir ? ck->spill_dir : "/tmp");
        return CLI_EXIT_UNUSABLE;
    }
    if (st != STUINFO_OK) {
        cli_error_status(ck->cli, "读取花名册失败", "reading the roster failed", NULL);
        return CLI_EXIT_UNUSABLE;
    }
    ck->file_state = report_findings(ck, stuinfo_roster_reader_file_findings(reader), 0, true);
    /* Not one column we know: this is no roster (or the wrong file). */
    size_t columns = stuinfo_roster_reader_columns(reader);
    if (columns > 0 && ck->unknown_headings >= columns)
        ck->unusable = true;
    return CLI_EXIT_CLEAN;
}

/* The reader's options from --spill-dir (else $TMPDIR) and --check-memory. */
static bool
reader_options(struct check *ck, stuinfo_roster_options *o)
{
    const struct cli *cli = ck->cli;
    const char *tmpdir = getenv("TMPDIR");
    uint64_t bytes = 0;

    stuinfo_roster_options_init(o);
    if (cli->spill_dir && !*cli->spill_dir) {
        cli_error(cli, "--spill-dir 需要一个目录", "--spill-dir needs a directory", NULL);
        return false;
    }
    ck->spill_dir = cli->spill_dir ? cli->spill_dir : tmpdir && *tmpdir ? tmpdir : NULL;
    o->spill_dir = ck->spill_dir;
    if (cli->check_memory) {
        if (!cli_parse_u64(cli->check_memory, &bytes) || bytes == 0 || bytes > UINT32_MAX) {
            cli_error(cli, "--check-memory 应为 1 到 4294967295 之间的字节数",
                      "--check-memory takes a number of bytes from 1 to 4294967295",
                      cli->check_memory);
            return false;
        }
        o->check_memory_bytes = (uint32_t)bytes;  /* below the minimum: raised to it */
    }
    return true;
}

int
cli_cmd_check(struct cli *cli)
{
    struct check ck = {.cli = cli};
    struct source src = {0};
    stuinfo_roster_options ro;
    stuinfo_roster_reader *reader = NULL;
    stuinfo_roster_counts counts = {.size = sizeof(counts)};
    struct stat sb;
    int rc;

    if (cli->argc != 1) {
        cli_error(cli, "请给出一个花名册文件（- 表示标准输入）",
                  "give one roster file (- for standard input)", NULL);
        cli_usage(cli, "check", stderr);
        return CLI_EXIT_UNUSABLE;
    }
    if (!reader_options(&ck, &ro))
        return CLI_EXIT_UNUSABLE;
    ck.src = &src;
    const char *path = cli->argv[0];
    src.file = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!src.file) {
        cli_error(cli, "无法打开花名册", "cannot open the roster", path);
        return CLI_EXIT_UNUSABLE;
    }
    if (fstat(fileno(src.file), &sb) == 0 && S_ISDIR(sb.st_mode)) {
        cli_error(cli, "这是一个目录，不是花名册文件", "a directory, not a roster file", path);
        rc = CLI_EXIT_UNUSABLE;
        goto out;
    }
    long long size = fstat(fileno(src.file), &sb) == 0 && S_ISREG(sb.st_mode)
                   ? (long long)sb.st_size : 0;
    cli_progress_start(&src.progress, size >= PROGRESS_MIN_BYTES ? size : 0);
    if (stuinfo_roster_reader_new(cli->ctx, &ro, read_source, &src, &reader) != STUINFO_OK) {
        cli_error_status(cli, "无法读取花名册", "cannot read the roster", path);
        rc = CLI_EXIT_UNUSABLE;
        goto out;
    }
    if (cli->report_path && !open_report(&ck)) {
        rc = CLI_EXIT_UNUSABLE;
        goto out;
    }
    ck.progress = &src.progress;
    rc = check_roster(&ck, reader);
    cli_progress_end(&src.progress);
    if (rc == CLI_EXIT_CLEAN) {
        stuinfo_roster_reader_counts(reader, &counts);
        print_summary(&ck, &counts);
        if (ck.file_state != ROW_CLEAN)
            rc = CLI_EXIT_FINDINGS;
        for (size_t r = 1; r < ck.rows_cap; r++)
            if (ck.rows[r] != ROW_CLEAN)
                rc = CLI_EXIT_FINDINGS;
        if (ck.unusable)
            rc = CLI_EXIT_UNUSABLE;
    }
    if (ck.report_writer && !close_report(&ck))
        rc = CLI_EXIT_UNUSABLE;
out:
    cli_progress_end(&src.progress);
    if (ck.report_file)
        fclose(ck.report_file);
    stuinfo_roster_writer_free(ck.report_writer);
    stuinfo_roster_reader_free(reader);
    if (src.file && src.file != stdin)
        fclose(src.file);
    free(ck.rows);
    return rc;
}
