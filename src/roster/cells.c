/*
 * One record into cells: libcsv (strict RFC 4180) splits and unescapes; each cell is
 * checked and decoded to UTF-8 into the reader's fixed cell buffer. libcsv's entry
 * buffer is ours too (allocated through the ctx at full record size, so it never grows,
 * and wiped on free): its realloc hook refuses, its free hook does nothing.
 */
#include <string.h>

#include "core/report.h"
#include "roster_impl.h"
#include "text/gb18030.h"
#include "text/text.h"

static void *
refuse_realloc(void *p, size_t n)
{
    (void)p;
    (void)n;
    return NULL;
}

static void
no_free(void *p)
{
    (void)p;
}

/* Keep spaces: a cell is what the file says; the model trims with a finding. */
static int
no_space(unsigned char c)
{
    (void)c;
    return 0;
}

static void
csv_restart(stuinfo_roster_reader *r)
{
    r->csv.pstate = 0;
    r->csv.quoted = 0;
    r->csv.spaces = 0;
    r->csv.entry_pos = 0;
    r->csv.status = 0;
}

bool
cells_init(stuinfo_roster_reader *r)
{
    if (csv_init(&r->csv, CSV_STRICT | CSV_STRICT_FINI) != 0)
        return false;
    csv_set_realloc_func(&r->csv, refuse_realloc);
    csv_set_free_func(&r->csv, no_free);
    csv_set_space_func(&r->csv, no_space);
    r->csv.entry_buf = (unsigned char *)r->csv_buf;
    r->csv.entry_size = r->csv_buf_size;
    return true;
}

void
cells_fini(stuinfo_roster_reader *r)
{
    r->csv.entry_buf = NULL;
    r->csv.entry_size = 0;
}

struct parse_job {
    stuinfo_roster_reader *r;
    stuinfo_report *report;
    stuinfo_status status;
    bool too_many;
};

static void
cell_finding(struct parse_job *job, rule_id rule, size_t col, const char *arg2)
{
    char colbuf[24], path[48];
    stuinfo_status st;

    core_fmt_int(colbuf, (int64_t)col + 1);
    st = core_report_add(job->report, rule, map_column_path(job->r, col, path), colbuf,
                         arg2);
    if (st != STUINFO_OK)
        job->status = st;
}

static bool
all_ascii(const unsigned char *p, size_t n)
{
    unsigned char acc = 0;

    for (size_t i = 0; i < n; i++)
        acc |= p[i];
    return acc < 0x80;
}

/* Decode one cell into r->cells; false (and a finding) when it cannot be read. */
static bool
decode_cell(struct parse_job *job, size_t col, const char *p, size_t n, size_t *out_len)
{
    stuinfo_roster_reader *r = job->r;
    char *dst = r->cells + r->cells_len;
    size_t cap = r->cells_cap - r->cells_len - 1, bad = 0, len = 0;
    text_status st;

    if (n > r->opts.max_cell_bytes) {
        char lim[24];
        cell_finding(job, RULE_ROSTER_CELL_TOO_LONG, col,
                     core_fmt_int(lim, r->opts.max_cell_bytes));
        return false;
    }
    if (memchr(p, 0, n) != NULL) {
        cell_finding(job, RULE_ROSTER_NUL_BYTE, col, NULL);
        return false;
    }
    if (all_ascii((const unsigned char *)p, n)) {
        /* ASCII without NUL (checked above) is valid UTF-8 and GB18030 alike. */
        if (n > cap)
            return false;
        memcpy(dst, p, n);
        st = TEXT_OK;
        len = n;
    } else if (r->encoding != STUINFO_ROSTER_ENCODING_GB18030) {
        if (n > cap)
            return false;
        st = text_utf8_check(p, n, &bad);
        if (st == TEXT_OK)
            memcpy(dst, p, n);
        len = n;
    } else {
        st = text_gb18030_to_utf8(core_text(r->ctx), p, n, dst, cap, &len, &bad);
    }
    if (st == TEXT_NOMEM || st == TEXT_ICU_ERROR) {
        job->status = st == TEXT_NOMEM ? STUINFO_ERR_NOMEM : STUINFO_ERR_ICU;
        return false;
    }
    if (st != TEXT_OK) {
        cell_finding(job, RULE_ROSTER_UNDECODABLE, col,
                     roster_encoding_name(r->encoding == STUINFO_ROSTER_ENCODING_GB18030
                                          ? r->encoding : STUINFO_ROSTER_ENCODING_UTF8));
        return false;
    }
    *out_len = len;
    return true;
}

/* The next cell of the row: data[0..n) as read (NULL for none). */
static void
take_cell(struct parse_job *job, const char *data, size_t n)
{
    stuinfo_roster_reader *r = job->r;
    struct stuinfo_roster_row *row = &r->row;
    size_t len = 0, col = row->ncells;

    if (col >= STUINFO_ROSTER_MAX_COLUMNS) {
        if (!job->too_many) {
            char lim[24];
            job->too_many = true;
            if (core_report_add(job->report, RULE_ROSTER_TOO_MANY_COLUMNS, "",
                                core_fmt_int(lim, STUINFO_ROSTER_MAX_COLUMNS), NULL)
                != STUINFO_OK)
                job->status = STUINFO_ERR_NOMEM;
        }
        return;
    }
    if (data == NULL || !decode_cell(job, col, data, n, &len))
        len = 0;
    if (r->opts.strip_formula_guard && len >= 2 && r->cells[r->cells_len] == '\''
        && roster_formula_like(r->cells + r->cells_len + 1, len - 1)) {
        memmove(r->cells + r->cells_len, r->cells + r->cells_len + 1, len - 1);
        len--;
    }
    row->cell_off[col] = (uint32_t)r->cells_len;
    row->cell_len[col] = (uint32_t)len;
    r->cells_len += len;
    r->cells[r->cells_len++] = '\0';
    row->ncells++;
}

static void
on_field(void *data, size_t n, void *job)
{
    take_cell(job, data, n);
}

static void
on_row(int c, void *job)
{
    (void)c;
    (void)job;
}

/*
 * A record without a quote: RFC 4180 leaves nothing to unescape, so its cells are the
 * bytes between commas (the scanner cut the record at its line break), which is what
 * libcsv gives for it, cell by cell. Most records of a roster are like this.
 */
static void
split_plain(const char *rec, size_t len, struct parse_job *job)
{
    const char *p = rec, *end = rec + len;

    for (;;) {
        const char *comma = memchr(p, ',', (size_t)(end - p));
        const char *stop = comma != NULL ? comma : end;

        take_cell(job, p, (size_t)(stop - p));
        if (comma == NULL)
            break;
        p = comma + 1;
    }
}

stuinfo_status
cells_parse(stuinfo_roster_reader *r, const char *rec, size_t len, stuinfo_report *report)
{
    struct parse_job job = {r, report, STUINFO_OK, false};

    r->row.ncells = 0;
    r->cells_len = 0;
    r->parse_error = false;
    csv_restart(r);
    if (len == 0 && rec == NULL)
        return STUINFO_OK;
    if (len > 0 && memchr(rec, '"', len) == NULL) {
        split_plain(rec, len, &job);
        return job.status;
    }
    return cells_parse_csv(r, rec, len, report);
}

stuinfo_status
cells_parse_csv(stuinfo_roster_reader *r, const char *rec, size_t len,
                stuinfo_report *report)
{
    struct parse_job job = {r, report, STUINFO_OK, false};
    size_t used;

    r->row.ncells = 0;
    r->cells_len = 0;
    r->parse_error = false;
    csv_restart(r);
    if (len == 0 && rec == NULL)
        return STUINFO_OK;
    used = csv_parse(&r->csv, rec, len, on_field, on_row, &job);
    if (used < len || csv_fini(&r->csv, on_field, on_row, &job) != 0) {
        r->parse_error = true;
        r->parse_error_col = r->row.ncells;
        csv_restart(r);
    }
    return job.status;
}
