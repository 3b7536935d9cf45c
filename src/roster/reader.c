/* The roster reader: sources, the row loop, counts. */
#include <stdio.h>
#include <string.h>

#include "core/report.h"
#include "model/student.h"
#include "roster_impl.h"
#include "text/gb18030.h"

stuinfo_status
stuinfo_roster_options_init(stuinfo_roster_options *opts)
{
    if (opts == NULL)
        return STUINFO_ERR_INVALID_ARGUMENT;
    memset(opts, 0, sizeof(*opts));
    opts->size = (uint32_t)sizeof(*opts);
    opts->encoding = STUINFO_ROSTER_ENCODING_AUTO;
    opts->max_cell_bytes = STUINFO_ROSTER_DEFAULT_MAX_CELL;
    opts->max_record_bytes = STUINFO_ROSTER_DEFAULT_MAX_RECORD;
    opts->has_header = 1;
    opts->to_students = 1;
    opts->validate = 1;
    opts->roster_checks = 1;
    return STUINFO_OK;
}

static int64_t
read_stdio(void *user, char *buf, size_t cap)
{
    FILE *f = user;
    size_t n = fread(buf, 1, cap, f);

    if (n == 0 && ferror(f))
        return -1;
    return (int64_t)n;
}

static bool
copy_options(stuinfo_roster_reader *r, const stuinfo_roster_options *opts)
{
    stuinfo_roster_options_init(&r->opts);
    stuinfo_policy_init(&r->policy);
    if (opts == NULL)
        return true;
    if (opts->size < sizeof(*opts))
        return false;
    r->opts = *opts;
    if (r->opts.max_cell_bytes == 0)
        r->opts.max_cell_bytes = STUINFO_ROSTER_DEFAULT_MAX_CELL;
    if (r->opts.max_record_bytes == 0)
        r->opts.max_record_bytes = STUINFO_ROSTER_DEFAULT_MAX_RECORD;
    if (opts->policy != NULL) {
        if (opts->policy->size < sizeof(r->policy))
            return false;
        r->policy = *opts->policy;
    }
    r->opts.policy = NULL;
    return r->opts.encoding >= STUINFO_ROSTER_ENCODING_AUTO
           && r->opts.encoding <= STUINFO_ROSTER_ENCODING_GB18030
           && r->opts.max_record_bytes >= r->opts.max_cell_bytes
           && r->opts.max_record_bytes <= (256u << 20);
}

static bool
alloc_buffers(stuinfo_roster_reader *r)
{
    struct roster_scan *s = &r->scan;
    size_t rec = r->opts.max_record_bytes;

    s->rec_cap = rec;
    s->in = core_alloc(r->ctx, ROSTER_CHUNK);
    s->rp_cap = 2 * rec;
    s->replay = core_alloc(r->ctx, s->rp_cap);
    s->rec = core_alloc(r->ctx, rec);
    r->csv_buf_size = rec + 1;
    r->csv_buf = core_alloc(r->ctx, r->csv_buf_size);
    r->cells_cap = TEXT_GB18030_UTF8_MAX(rec) + STUINFO_ROSTER_MAX_COLUMNS + 1;
    r->cells = core_alloc(r->ctx, r->cells_cap);
    r->row.cell_off = core_calloc(r->ctx, STUINFO_ROSTER_MAX_COLUMNS, sizeof(uint32_t));
    r->row.cell_len = core_calloc(r->ctx, STUINFO_ROSTER_MAX_COLUMNS, sizeof(uint32_t));
    return s->in != NULL && s->replay != NULL && s->rec != NULL && r->csv_buf != NULL
           && r->cells != NULL && r->row.cell_off != NULL && r->row.cell_len != NULL;
}

stuinfo_status
stuinfo_roster_reader_new(stuinfo_ctx *ctx, const stuinfo_roster_options *opts,
                          stuinfo_read_fn read_fn, void *user, stuinfo_roster_reader **out)
{
    stuinfo_roster_reader *r;

    if (out != NULL)
        *out = NULL;
    if (ctx == NULL || read_fn == NULL || out == NULL)
        return core_fail(ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_CORE_NULL_ARGUMENT, NULL,
                         NULL);
    r = core_calloc(ctx, 1, sizeof(*r));
    if (r == NULL)
        return core_fail_status(ctx, STUINFO_ERR_NOMEM);
    r->ctx = ctx;
    core_ctx_attach(ctx);
    r->read_fn = read_fn;
    r->read_user = user;
    r->row.reader = r;
    if (!copy_options(r, opts)) {
        stuinfo_roster_reader_free(r);
        return core_fail(ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_CORE_BAD_OPTION,
                         "roster options", NULL);
    }
    r->encoding = STUINFO_ROSTER_ENCODING_AUTO;
    if (!alloc_buffers(r) || stuinfo_report_new(ctx, &r->row.findings) != STUINFO_OK
        || stuinfo_report_new(ctx, &r->file_findings) != STUINFO_OK || !cells_init(r)
        || checks_init(r) != STUINFO_OK) {
        stuinfo_roster_reader_free(r);
        return core_fail_status(ctx, STUINFO_ERR_NOMEM);
    }
    scan_reset_record(&r->scan);
    r->counts.size = (uint32_t)sizeof(r->counts);
    *out = r;
    return core_ok(ctx);
}

stuinfo_status
stuinfo_roster_reader_stdio(stuinfo_ctx *ctx, const stuinfo_roster_options *opts,
                            void *file, stuinfo_roster_reader **out)
{
    if (file == NULL) {
        if (out != NULL)
            *out = NULL;
        return core_fail(ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_CORE_NULL_ARGUMENT, NULL,
                         NULL);
    }
    return stuinfo_roster_reader_new(ctx, opts, read_stdio, file, out);
}

stuinfo_status
stuinfo_roster_reader_open(stuinfo_ctx *ctx, const stuinfo_roster_options *opts,
                           const char *path, stuinfo_roster_reader **out)
{
    FILE *f;
    stuinfo_status st;

    if (out != NULL)
        *out = NULL;
    if (ctx == NULL || path == NULL || out == NULL)
        return core_fail(ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_CORE_NULL_ARGUMENT, NULL,
                         NULL);
    f = fopen(path, "rb");
    if (f == NULL)
        return core_fail_status(ctx, STUINFO_ERR_IO);
    st = stuinfo_roster_reader_new(ctx, opts, read_stdio, f, out);
    if (st != STUINFO_OK || *out == NULL) {
        (void)fclose(f);        /* opened for reading: nothing to flush */
        return st;
    }
    (*out)->file = f;
    return st;
}

void
stuinfo_roster_reader_free(stuinfo_roster_reader *r)
{
    stuinfo_ctx *ctx;
    struct roster_scan *s;

    if (r == NULL)
        return;
    ctx = r->ctx;
    s = &r->scan;
    cells_fini(r);
    core_free_wipe(ctx, s->in, s->in ? ROSTER_CHUNK : 0);
    core_free_wipe(ctx, s->replay, s->replay ? s->rp_cap : 0);
    core_free_wipe(ctx, s->rec, s->rec ? s->rec_cap : 0);
    core_free_wipe(ctx, r->csv_buf, r->csv_buf ? r->csv_buf_size : 0);
    core_free_wipe(ctx, r->cells, r->cells ? r->cells_cap : 0);
    core_free(ctx, r->row.cell_off);
    core_free(ctx, r->row.cell_len);
    core_free_wipe(ctx, r->headings, r->headings ? r->headings_len : 0);
    core_free(ctx, r->heading_off);
    core_free(ctx, r->targets);
    core_free(ctx, r->user_map);
    stuinfo_student_free(r->row.student);
    stuinfo_student_free(r->spare);
    stuinfo_report_free(r->row.findings);
    stuinfo_report_free(r->file_findings);
    checks_free(r);
    if (r->file != NULL)
        (void)fclose(r->file);  /* opened for reading: nothing to flush */
    core_free(ctx, r);
    core_ctx_detach(ctx);
}

/* Decide the encoding from a BOM or the first record with a non-ASCII byte. */
static stuinfo_status
decide_encoding(stuinfo_roster_reader *r, const char *bytes, size_t len)
{
    int32_t declared = r->opts.encoding, actual = r->scan.bom_encoding;

    if (actual == STUINFO_ROSTER_ENCODING_AUTO)
        actual = roster_sniff(bytes, len);
    if (actual == STUINFO_ROSTER_ENCODING_AUTO)
        return STUINFO_OK;
    r->encoding = actual;
    if (declared != STUINFO_ROSTER_ENCODING_AUTO && declared != actual) {
        core_report_set_row(r->file_findings, 0);
        return core_report_add(r->file_findings, RULE_ROSTER_ENCODING_MISMATCH, "",
                               roster_encoding_name(declared), roster_encoding_name(actual));
    }
    return STUINFO_OK;
}

static stuinfo_status
add_col_finding(stuinfo_roster_reader *r, stuinfo_report *rep, rule_id rule, size_t col,
                const char *arg2_first, int64_t arg)
{
    char a[24], b[24], path[48];

    if (arg2_first != NULL)
        return core_report_add(rep, rule, map_column_path(r, col, path), arg2_first,
                               core_fmt_int(b, (int64_t)col + 1));
    if (arg >= 0)
        return core_report_add(rep, rule, map_column_path(r, col, path),
                               core_fmt_int(a, (int64_t)col + 1), core_fmt_int(b, arg));
    return core_report_add(rep, rule, map_column_path(r, col, path),
                           core_fmt_int(a, (int64_t)col + 1), NULL);
}

/* Column of a cell starting at rec offset @p q: count separators outside quotes. */
static size_t
column_at(const char *rec, size_t q)
{
    size_t col = 0;
    bool quoted = false;

    for (size_t i = 0; i < q; i++) {
        if (rec[i] == '"')
            quoted = !quoted;
        else if (rec[i] == ',' && !quoted)
            col++;
    }
    return col;
}

/* Undo an unclosed quote at @p q: the bytes after its line break are read again. */
static stuinfo_status
unclosed(stuinfo_roster_reader *r, stuinfo_report *rep, size_t q, size_t *parse_len)
{
    struct roster_scan *s = &r->scan;
    size_t brk = scan_find_break(s, q);

    *parse_len = q > 0 ? q - 1 : 0;
    if (brk != ROSTER_NONE) {
        size_t from = brk + 1;
        if (s->rec[brk] == '\r' && from < s->rec_len && s->rec[from] == '\n')
            from++;
        if (!scan_replay_tail(s, from))
            return STUINFO_ERR_INTERNAL;
    }
    return add_col_finding(r, rep, RULE_ROSTER_UNCLOSED_QUOTE, column_at(s->rec, q), NULL,
                           -1);
}

/* Turn the scanned record into cells, with findings for every fault. */
static stuinfo_status
read_cells(stuinfo_roster_reader *r, stuinfo_report *rep, bool *truncated)
{
    struct roster_scan *s = &r->scan;
    size_t parse_len = s->rec_len;
    stuinfo_status st = STUINFO_OK;
    char lim[24];

    *truncated = false;
    if (s->recover_at != ROSTER_NONE) {
        st = unclosed(r, rep, s->recover_at, &parse_len);
        *truncated = true;
    } else if (s->overflow) {
        parse_len = s->cell_start > 0 ? s->cell_start - 1 : 0;
        *truncated = true;
        if (s->overflow_cell_len > r->opts.max_cell_bytes)
            st = add_col_finding(r, rep, RULE_ROSTER_CELL_TOO_LONG, s->overflow_col, NULL,
                                 r->opts.max_cell_bytes);
        else
            st = add_col_finding(r, rep, RULE_ROSTER_RECORD_TOO_LONG, s->overflow_col,
                                 core_fmt_int(lim, r->opts.max_record_bytes), -1);
        if (st == STUINFO_OK && s->unclosed_at_eof) {
            r->counts.rows_read += s->lines_in_skip;
            r->counts.rows_skipped += s->lines_in_skip;
            st = core_report_add(rep, RULE_ROSTER_LINES_LOST, "",
                                 core_fmt_int(lim, s->lines_in_skip), NULL);
        }
    }
    if (st != STUINFO_OK)
        return st;
    st = cells_parse(r, s->rec, parse_len, rep);
    if (st != STUINFO_OK || !r->parse_error)
        return st;
    if (s->first_multiline != ROSTER_NONE && !*truncated) {
        /* A quoted cell ran over a line break and the record then broke: the quote was
         * most likely never closed. Read the lines after it again. */
        st = unclosed(r, rep, s->first_multiline, &parse_len);
        *truncated = true;
        if (st == STUINFO_OK)
            st = cells_parse(r, s->rec, parse_len, rep);
        return st;
    }
    *truncated = true;
    return add_col_finding(r, rep, RULE_ROSTER_BAD_QUOTE, r->parse_error_col, NULL, -1);
}

/* Let go of the heading row: after a failure on it the reader keeps none. */
static void
drop_headings(stuinfo_roster_reader *r)
{
    core_free_wipe(r->ctx, r->headings, r->headings ? r->headings_len : 0);
    core_free(r->ctx, r->heading_off);
    r->headings = NULL;
    r->heading_off = NULL;
    r->headings_len = 0;
    r->ncolumns = 0;
    r->have_heading = false;
}

/* Keep the heading row's cells. */
static stuinfo_status
take_headings(stuinfo_roster_reader *r)
{
    struct stuinfo_roster_row *row = &r->row;
    stuinfo_status st;

    r->ncolumns = row->ncells;
    r->headings_len = r->cells_len ? r->cells_len : 1;
    r->headings = core_alloc(r->ctx, r->headings_len);
    r->heading_off = core_calloc(r->ctx, r->ncolumns ? r->ncolumns : 1, sizeof(uint32_t));
    if (r->headings == NULL || r->heading_off == NULL) {
        drop_headings(r);
        return STUINFO_ERR_NOMEM;
    }
    memcpy(r->headings, r->cells, r->cells_len);
    memcpy(r->heading_off, row->cell_off, r->ncolumns * sizeof(uint32_t));
    r->have_heading = true;
    st = map_headings(r);       /* on a failure it keeps no targets */
    if (st != STUINFO_OK)
        drop_headings(r);
    return st;
}

/* The heading row: a failure on it is final. The record is gone, and reading on would
 * take the first data row for the headings; every later call returns the status again. */
static stuinfo_status
heading_record(stuinfo_roster_reader *r)
{
    bool truncated;
    stuinfo_status st = STUINFO_OK;

    if (r->encoding == STUINFO_ROSTER_ENCODING_AUTO)
        st = decide_encoding(r, r->scan.rec, r->scan.rec_len);
    if (st == STUINFO_OK)
        st = read_cells(r, r->file_findings, &truncated);
    if (st == STUINFO_OK)
        st = take_headings(r);
    if (st != STUINFO_OK)
        r->heading_failed = st;
    return st;
}

static bool
row_is_blank(const stuinfo_roster_reader *r)
{
    for (size_t i = 0; i < r->row.ncells; i++)
        if (r->row.cell_len[i] != 0)
            return false;
    return stuinfo_report_count(r->row.findings) == 0;
}

static stuinfo_status
shape_checks(stuinfo_roster_reader *r, stuinfo_report *rep, bool truncated)
{
    size_t n = r->row.ncells, want = r->ncolumns;
    char a[24], b[24];

    if (truncated || want == 0)
        return STUINFO_OK;
    if (n < want)
        return core_report_add(rep, RULE_ROSTER_SHORT_ROW, "", core_fmt_int(a, (int64_t)n),
                               core_fmt_int(b, (int64_t)want));
    for (size_t i = want; i < n; i++)
        if (r->row.cell_len[i] != 0)
            return core_report_add(rep, RULE_ROSTER_LONG_ROW, "",
                                   core_fmt_int(a, (int64_t)n),
                                   core_fmt_int(b, (int64_t)want));
    return STUINFO_OK;
}

static stuinfo_status
finish(stuinfo_roster_reader *r)
{
    stuinfo_status st = STUINFO_OK;

    r->finished = true;
    if (r->opts.has_header && !r->have_heading && r->targets == NULL)
        st = core_report_add(r->file_findings, RULE_ROSTER_NO_HEADING, "", NULL, NULL);
    if (st == STUINFO_OK && r->opts.roster_checks)
        st = checks_finish(r);
    return st;
}

static stuinfo_status
fail(stuinfo_roster_reader *r, stuinfo_status st)
{
    if (checks_said_why(r))
        return st;              /* the roster checks' temporary file: their message */
    if (st == STUINFO_ERR_IO)
        return core_fail(r->ctx, st, RULE_ROSTER_IO_ERROR, NULL, NULL);
    return core_fail_status(r->ctx, st);
}

static stuinfo_status data_record(stuinfo_roster_reader *r, stuinfo_report *rep, bool *got);

/* One record: its row, or *got false for a heading or blank row. */
static stuinfo_status
one_record(stuinfo_roster_reader *r, bool *got)
{
    struct stuinfo_roster_row *row = &r->row;
    struct roster_scan *s = &r->scan;
    stuinfo_report *rep = row->findings;
    stuinfo_status st;

    *got = false;
    if (r->opts.has_header && !r->have_heading)
        return heading_record(r);
    if (r->encoding == STUINFO_ROSTER_ENCODING_AUTO) {
        st = decide_encoding(r, s->rec, s->rec_len);
        if (st != STUINFO_OK)
            return st;
    }
    row->number = ++r->counts.rows_read;
    core_report_set_row(rep, row->number);
    st = data_record(r, rep, got);
    if (st != STUINFO_OK)
        r->counts.rows_with_errors++;   /* counted: the call fails, the row is not lost */
    return st;
}

static stuinfo_status
data_record(stuinfo_roster_reader *r, stuinfo_report *rep, bool *got)
{
    struct stuinfo_roster_row *row = &r->row;
    bool truncated;
    stuinfo_status st;

    st = read_cells(r, rep, &truncated);
    if (st != STUINFO_OK)
        return st;
    if (r->targets == NULL) {
        /* No heading row: the national template's columns, as many as the first row has. */
        r->ncolumns = row->ncells;
        st = map_headings(r);
        if (st != STUINFO_OK)
            return st;
    }
    if (row_is_blank(r)) {
        r->counts.rows_skipped++;
        return STUINFO_OK;
    }
    st = shape_checks(r, rep, truncated);
    if (st == STUINFO_OK && r->opts.to_students) {
        st = map_row(r, rep);
        if (st == STUINFO_OK && r->opts.roster_checks)
            st = checks_add(r, row->student, row->number);
    }
    if (st != STUINFO_OK)
        return st;
    if (stuinfo_report_count_severity(rep, STUINFO_SEVERITY_ERROR) > 0)
        r->counts.rows_with_errors++;
    else
        r->counts.rows_accepted++;
    *got = true;
    return STUINFO_OK;
}

stuinfo_status
stuinfo_roster_reader_next(stuinfo_roster_reader *r, stuinfo_roster_row **out)
{
    stuinfo_status st;

    if (out != NULL)
        *out = NULL;
    if (r == NULL)
        return STUINFO_ERR_INVALID_ARGUMENT;
    if (out == NULL)
        return core_fail(r->ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_CORE_NULL_ARGUMENT, NULL,
                         NULL);
    for (;;) {
        bool got = false;
        int k;

        if (r->row.student != NULL) {
            /* wiped now, as a free would; kept for the next row */
            model_student_reset(r->row.student);
            stuinfo_student_free(r->spare);
            r->spare = r->row.student;
            r->row.student = NULL;
        }
        r->row.ncells = 0;
        stuinfo_report_clear(r->row.findings);
        if (r->heading_failed != STUINFO_OK)
            return fail(r, r->heading_failed);
        if (r->finished)
            return core_ok(r->ctx);
        k = scan_record(r);
        if (k == REC_IO_ERROR)
            return fail(r, STUINFO_ERR_IO);
        if (k == REC_EOF) {
            st = finish(r);
            return st == STUINFO_OK ? core_ok(r->ctx) : fail(r, st);
        }
        if (k == REC_BLANK) {
            if (r->have_heading || !r->opts.has_header) {
                r->counts.rows_read++;
                r->counts.rows_skipped++;
            }
            continue;
        }
        st = one_record(r, &got);
        if (st != STUINFO_OK)
            return fail(r, st);
        if (got) {
            *out = &r->row;
            return core_ok(r->ctx);
        }
    }
}

const stuinfo_report *
stuinfo_roster_reader_file_findings(const stuinfo_roster_reader *reader)
{
    return reader == NULL ? NULL : reader->file_findings;
}

stuinfo_status
stuinfo_roster_reader_counts(const stuinfo_roster_reader *reader, stuinfo_roster_counts *out)
{
    if (reader == NULL || out == NULL || out->size < sizeof(*out))
        return STUINFO_ERR_INVALID_ARGUMENT;
    *out = reader->counts;
    out->size = (uint32_t)sizeof(*out);
    return STUINFO_OK;
}

int32_t
stuinfo_roster_reader_encoding(const stuinfo_roster_reader *reader)
{
    return reader == NULL ? 0 : reader->encoding;
}

size_t
stuinfo_roster_reader_columns(const stuinfo_roster_reader *reader)
{
    return reader == NULL ? 0 : reader->ncolumns;
}

const char *
stuinfo_roster_reader_heading(const stuinfo_roster_reader *reader, size_t index)
{
    if (reader == NULL || !reader->have_heading || index >= reader->ncolumns)
        return NULL;
    return reader->headings + reader->heading_off[index];
}

int64_t
stuinfo_roster_row_number(const stuinfo_roster_row *row)
{
    return row == NULL ? 0 : row->number;
}

size_t
stuinfo_roster_row_cells(const stuinfo_roster_row *row)
{
    return row == NULL ? 0 : row->ncells;
}

stuinfo_status
stuinfo_roster_row_cell(const stuinfo_roster_row *row, size_t index, const char **text,
                        size_t *len)
{
    if (row == NULL || text == NULL)
        return STUINFO_ERR_INVALID_ARGUMENT;
    *text = NULL;
    if (len != NULL)
        *len = 0;
    if (index >= row->ncells)
        return STUINFO_ERR_NOT_FOUND;
    *text = row->reader->cells + row->cell_off[index];
    if (len != NULL)
        *len = row->cell_len[index];
    return STUINFO_OK;
}

const stuinfo_report *
stuinfo_roster_row_findings(const stuinfo_roster_row *row)
{
    return row == NULL ? NULL : row->findings;
}

const stuinfo_student *
stuinfo_roster_row_student(const stuinfo_roster_row *row)
{
    return row == NULL ? NULL : row->student;
}
