/*
 * Layout of the roster reader, shared by the files of src/roster only.
 *
 * Pipeline: bytes (source) -> records (scan.c: RFC 4180 record boundaries, bounded
 * record buffer, resynchronisation after an unclosed quote) -> cells (cells.c: libcsv
 * splits and unescapes a record; each cell decoded to UTF-8) -> student (map.c) ->
 * roster-level keys (checks.c). Memory is fixed when the reader is made; the roster-check
 * keys (20 bytes a row) stay within their budget and spill to an encrypted temporary file
 * beyond it.
 */
#ifndef ROSTER_ROSTER_IMPL_H
#define ROSTER_ROSTER_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <csv.h>

#include "stuinfo/roster.h"
#include "core/core.h"

#define ROSTER_CHUNK 65536
#define ROSTER_NONE ((size_t)-1)

/* Scanner states: where in RFC 4180 syntax the last byte left us. */
enum roster_scan_state {
    SCAN_FIELD_START = 0,
    SCAN_UNQUOTED,
    SCAN_QUOTED,
    SCAN_QUOTE_IN_QUOTED        /* a quote inside a quoted cell: closing, or "" */
};

/* What scan_record() found. */
enum roster_rec_kind {
    REC_EOF = 0,                /* no more records */
    REC_DATA,                   /* a record in rec[0..rec_len) */
    REC_BLANK,                  /* an empty line */
    REC_IO_ERROR
};

struct roster_scan {
    char *in;                   /* source bytes [in_pos, in_len) */
    size_t in_pos, in_len;
    char *replay;               /* bytes to scan again before in[] [rp_pos, rp_len) */
    size_t rp_cap;              /* 2 * rec_cap */
    size_t rp_pos, rp_len;
    char *rec;                  /* the current record as read (raw bytes) */
    size_t rec_len, rec_cap;
    int state;
    size_t col;                 /* 0-based column of the byte being scanned */
    size_t cell_start;          /* offset in rec where the current cell starts */
    size_t quote_open;          /* offset of the opening quote of the current cell */
    size_t first_multiline;     /* opening quote of the first cell with a line break */
    bool overflow;              /* the record outgrew rec: rest discarded */
    size_t overflow_col, overflow_cell_len;
    int64_t lines_in_skip;      /* line breaks inside quotes while discarding */
    bool after_cr;
    char ended_by;              /* the line break that ended the record, or 0 */
    bool eof, started, io_error;
    bool unclosed_at_eof;       /* the record ended at EOF inside quotes */
    size_t recover_at;          /* opening quote of a cell that never closed */
    int32_t bom_encoding;       /* encoding named by a byte-order mark; AUTO if none */
};

/* Where a column goes in a student record. */
struct roster_target {
    int8_t group;               /* -1 ignored, else a model_group */
    uint8_t index;              /* family or history index */
    int16_t field;              /* field id in its group */
};

struct roster_checks;

#define ROSTER_HEADING_CAP 160

/* A caller's heading -> field mapping (normalised heading). */
struct roster_user_map {
    char heading[ROSTER_HEADING_CAP];
    struct roster_target target;
};
#define ROSTER_MAX_USER_MAP 256

struct stuinfo_roster_row {
    stuinfo_roster_reader *reader;
    int64_t number;
    size_t ncells;
    uint32_t *cell_off, *cell_len;
    stuinfo_report *findings;
    stuinfo_student *student;
};

struct stuinfo_roster_reader {
    stuinfo_ctx *ctx;
    stuinfo_roster_options opts;
    stuinfo_policy policy;
    stuinfo_read_fn read_fn;
    void *read_user;
    FILE *file;                 /* owned when opened from a path */

    struct roster_scan scan;
    struct csv_parser csv;
    char *csv_buf;              /* libcsv's entry buffer, ours: fixed size, wiped */
    size_t csv_buf_size;

    int32_t encoding;           /* decided encoding; AUTO until decided */

    char *cells;                /* decoded cells of the current row, NUL-separated */
    size_t cells_cap, cells_len;
    bool parse_error;           /* libcsv refused the record */
    size_t parse_error_col;

    char *headings;             /* decoded heading row */
    size_t headings_len;
    uint32_t *heading_off;
    size_t ncolumns;
    bool have_heading;
    stuinfo_status heading_failed;  /* a failure on the heading row: final, see next() */
    struct roster_target *targets;  /* one per column */
    size_t pinyin_col;          /* column of name_pinyin, or ROSTER_NONE */
    struct roster_user_map *user_map;
    size_t n_user_map;

    struct stuinfo_roster_row row;
    stuinfo_student *spare;     /* the last row's record, wiped, for the next row */
    stuinfo_report *file_findings;
    stuinfo_roster_counts counts;
    bool finished;

    struct roster_checks *checks;   /* roster-level checks (checks.c); NULL when off */
};

/* scan.c */
void scan_reset_record(struct roster_scan *s);
int scan_record(stuinfo_roster_reader *r);
/* Put rec[from..rec_len) back in front of the unread input. */
bool scan_replay_tail(struct roster_scan *s, size_t from);
/* First line break in rec at or after @p from; ROSTER_NONE if none. */
size_t scan_find_break(const struct roster_scan *s, size_t from);

/* sniff.c: which encoding bytes are in (UTF-8 or GB18030); BOM length at a start. */
int32_t roster_sniff(const char *bytes, size_t len);
size_t roster_bom(const char *bytes, size_t len, int32_t *encoding);
const char *roster_encoding_name(int32_t encoding);

/* writer.c: would a spreadsheet run this cell? */
bool roster_formula_like(const char *s, size_t n);

/* cells.c */
bool cells_init(stuinfo_roster_reader *r);
/* Split rec[0..len) into decoded cells of r->row; findings into @p report. */
stuinfo_status cells_parse(stuinfo_roster_reader *r, const char *rec, size_t len,
                           stuinfo_report *report);
/* The same, every record through libcsv (cells_parse() splits a quote-free record
 * itself, with the same cells). */
stuinfo_status cells_parse_csv(stuinfo_roster_reader *r, const char *rec, size_t len,
                               stuinfo_report *report);
void cells_fini(stuinfo_roster_reader *r);

/* map.c */
stuinfo_status map_headings(stuinfo_roster_reader *r);
stuinfo_status map_row(stuinfo_roster_reader *r, stuinfo_report *report);
/* Normalised heading (spaces, markers removed) into out[ROSTER_HEADING_CAP]. */
bool map_norm(const char *in, size_t n, char *out);
/* Field path of column @p col into buf (48 bytes); "" when unmapped. */
const char *map_column_path(const stuinfo_roster_reader *r, size_t col, char *buf);

/* checks.c */
/* At reader creation: the budget, the spill directory copied. STUINFO_OK or NOMEM. */
stuinfo_status checks_init(stuinfo_roster_reader *r);
/* The failure being returned carries the checks' own message (already on the ctx). */
bool checks_said_why(stuinfo_roster_reader *r);
stuinfo_status checks_add(stuinfo_roster_reader *r, const stuinfo_student *st,
                          int64_t row);
stuinfo_status checks_finish(stuinfo_roster_reader *r);
void checks_free(stuinfo_roster_reader *r);

#endif /* ROSTER_ROSTER_IMPL_H */
