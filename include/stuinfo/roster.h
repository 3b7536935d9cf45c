/*
 * libstuinfo rosters: whole classes and schools as registrars exchange them — CSV in UTF-8
 * (with or without BOM) or GB18030, read as a stream in constant memory, every fault
 * reported at its row and column; and a writer for CSV, JSON Lines and findings reports.
 * docs/rosters.md has the details.
 */
#ifndef STUINFO_ROSTER_H
#define STUINFO_ROSTER_H

#ifndef STUINFO_CDEF
#include <stddef.h>
#include <stdint.h>
#endif
#include "stuinfo/core.h"
#include "stuinfo/report.h"
#include "stuinfo/student.h"

#ifdef __cplusplus
extern "C" {
#endif
#if defined(__GNUC__) && !defined(STUINFO_CDEF)
#pragma GCC visibility push(default)
#endif

/**
 * Character encodings of a roster file. Only these two exist: no charset name given by a
 * caller ever reaches a converter. Values never change.
 */
typedef enum stuinfo_roster_encoding {
    /** Reader: detect (BOM, then strict UTF-8 validity, else GB18030). */
    STUINFO_ROSTER_ENCODING_AUTO = 0,
    STUINFO_ROSTER_ENCODING_UTF8 = 1,
    /** GB18030, which includes GBK and GB2312. */
    STUINFO_ROSTER_ENCODING_GB18030 = 2
} stuinfo_roster_encoding;

/** Limits and defaults of the reader. Values never shrink. */
typedef enum stuinfo_roster_limit {
    /** Default longest cell in bytes as read; a longer cell is a finding. */
    STUINFO_ROSTER_DEFAULT_MAX_CELL = 65536,
    /** Default longest record (one row, all its cells, as read) in bytes. */
    STUINFO_ROSTER_DEFAULT_MAX_RECORD = 1048576,
    /** Most columns a roster may have. */
    STUINFO_ROSTER_MAX_COLUMNS = 1024,
    /** Default memory of the roster-level checks' keys (bytes), see check_memory_bytes. */
    STUINFO_ROSTER_DEFAULT_CHECK_MEMORY = 16777216,
    /** Smallest check_memory_bytes; a smaller value is raised to this. */
    STUINFO_ROSTER_MIN_CHECK_MEMORY = 4096
} stuinfo_roster_limit;

/** Reader settings. Fill with stuinfo_roster_options_init(), then change what you need. */
typedef struct stuinfo_roster_options {
    uint32_t size;              /* set by stuinfo_roster_options_init() */
    int32_t encoding;           /* declared stuinfo_roster_encoding; default AUTO */
    uint32_t max_cell_bytes;    /* default STUINFO_ROSTER_DEFAULT_MAX_CELL */
    uint32_t max_record_bytes;  /* default STUINFO_ROSTER_DEFAULT_MAX_RECORD (>= max cell) */
    int32_t has_header;         /* 1 (default): the first row holds the column headings */
    int32_t to_students;        /* 1 (default): each row becomes a stuinfo_student */
    int32_t validate;           /* 1 (default): each student is validated (policy below) */
    int32_t roster_checks;      /* 1 (default): duplicate and near-duplicate ID checks */
    const stuinfo_policy *policy;   /* validation policy; NULL = defaults; copied */
    int32_t strip_formula_guard;    /* 1: drop the apostrophe the writer puts before a
                                       formula-like cell ('=1 -> =1); default 0 */
    /* Memory the roster-level checks may use for their keys (20 bytes a row), growth
       included; beyond it the keys go, sorted and encrypted, to a temporary file in
       spill_dir. 0 = STUINFO_ROSTER_DEFAULT_CHECK_MEMORY (16 MiB: rosters of up to
       524,288 rows never touch the disk); at least STUINFO_ROSTER_MIN_CHECK_MEMORY. */
    uint32_t check_memory_bytes;
    /* Directory of that temporary file (NUL-terminated, copied); NULL or "" = /tmp (the
       library reads no environment: a host that honours TMPDIR passes it here). The file
       has no name there (or is unlinked at once) and goes when the checks end. */
    const char *spill_dir;
} stuinfo_roster_options;

/**
 * Fill @p opts with the defaults. Returns STUINFO_OK or STUINFO_ERR_INVALID_ARGUMENT.
 * @since 0.1
 */
stuinfo_status stuinfo_roster_options_init(stuinfo_roster_options *opts);

/**
 * A byte source: copy up to @p cap bytes into @p buf and return how many (0 at the end),
 * or a negative number on a read error. Called only from inside reader calls.
 */
typedef int64_t (*stuinfo_read_fn)(void *user, char *buf, size_t cap);

/** Counts of a reader. rows_read == rows_accepted + rows_with_errors + rows_skipped. */
typedef struct stuinfo_roster_counts {
    uint32_t size;              /* set to sizeof(stuinfo_roster_counts) before the call */
    int64_t rows_read;          /* data rows seen (the heading row is not counted) */
    int64_t rows_accepted;      /* rows without an error finding */
    int64_t rows_with_errors;   /* rows with at least one error finding */
    int64_t rows_skipped;       /* blank rows, and lines lost to an unclosed quote */
} stuinfo_roster_counts;

/** A roster reader. Opaque; one thread at a time (as its ctx). */
typedef struct stuinfo_roster_reader stuinfo_roster_reader;

/** One data row of a reader, borrowed from it until the next stuinfo_roster_reader_next(). */
typedef struct stuinfo_roster_row stuinfo_roster_row;

/**
 * Make a reader over a caller's byte source. @p opts may be NULL for the defaults; it is
 * copied. Nothing is read yet. Returns STUINFO_OK (*out set), STUINFO_ERR_INVALID_ARGUMENT
 * (NULL @p ctx, @p read_fn or @p out; a bad option) or STUINFO_ERR_NOMEM; *out is NULL
 * after a failure.
 * @since 0.1
 */
stuinfo_status stuinfo_roster_reader_new(stuinfo_ctx *ctx,
                                         const stuinfo_roster_options *opts,
                                         stuinfo_read_fn read_fn, void *user,
                                         stuinfo_roster_reader **out);

/**
 * Make a reader over the file at @p path (NUL-terminated, opened for reading now and
 * closed by stuinfo_roster_reader_free()). As stuinfo_roster_reader_new(), plus
 * STUINFO_ERR_IO when the file cannot be opened.
 * @since 0.1
 */
stuinfo_status stuinfo_roster_reader_open(stuinfo_ctx *ctx,
                                          const stuinfo_roster_options *opts,
                                          const char *path, stuinfo_roster_reader **out);

/**
 * Make a reader over an open stdio stream: @p file is a `FILE *` (declared `void *` so
 * that FFI loaders need no stdio), read from its current position and never closed.
 * As stuinfo_roster_reader_new().
 * @since 0.1
 */
stuinfo_status stuinfo_roster_reader_stdio(stuinfo_ctx *ctx,
                                           const stuinfo_roster_options *opts, void *file,
                                           stuinfo_roster_reader **out);

/**
 * Map the column headed @p heading (UTF-8, @p len bytes; compared without spaces and the
 * required-item markers * ★ ☆, full-width （ ） ／ folded) to the field @p path ("name",
 * "family[0].phone", "history[1].school"); "" ignores the column. Takes precedence over the built-in
 * headings. Call before the first stuinfo_roster_reader_next(). Returns STUINFO_OK,
 * STUINFO_ERR_INVALID_ARGUMENT (also for a heading of nothing but spaces and markers),
 * STUINFO_ERR_NOT_FOUND (unknown path), STUINFO_ERR_STATE
 * (reading has begun), STUINFO_ERR_TOO_LONG (more than 256 mappings, or a heading
 * longer than 159 bytes) or STUINFO_ERR_NOMEM.
 * @since 0.1
 */
stuinfo_status stuinfo_roster_reader_map(stuinfo_roster_reader *reader, const char *heading,
                                         size_t len, const char *path);

/** Free a reader, wiping its buffers. NULL is a no-op. @since 0.1 */
void stuinfo_roster_reader_free(stuinfo_roster_reader *reader);

/**
 * The next data row into *out (borrowed until the next call or the reader's free), or
 * NULL at the end. A row with faults is still returned, with its findings; blank rows are
 * counted as skipped and not returned. At the end the roster-level checks run and their
 * findings join stuinfo_roster_reader_file_findings().
 * Returns STUINFO_OK (also at the end), STUINFO_ERR_INVALID_ARGUMENT, STUINFO_ERR_IO (the
 * source failed; or the roster checks' temporary file could not be made, written or read,
 * the message naming the system error: the checks stop, reading goes on, and the end
 * returns the same status again), STUINFO_ERR_NOMEM or STUINFO_ERR_ICU; *out is NULL
 * after a failure. A failure of the roster checks (NOMEM or IO) is final for them: the
 * end reports it again rather than incomplete findings. A failure on the heading row
 * (NOMEM, ICU) is final for the reader: no heading is kept, and every later call returns
 * the same status again rather than take a data row for the headings.
 * @since 0.1
 */
stuinfo_status stuinfo_roster_reader_next(stuinfo_roster_reader *reader,
                                          stuinfo_roster_row **out);

/**
 * Findings about the file rather than one row: declared/actual encoding mismatch,
 * heading problems, and after the last row the roster-level checks (same ID number twice,
 * likely mistyped numbers), each naming both rows. Borrowed from the reader. NULL if
 * @p reader is NULL.
 * @since 0.1
 */
const stuinfo_report *stuinfo_roster_reader_file_findings(const stuinfo_roster_reader *reader);

/**
 * The counts so far into @p out (set out->size first). Returns STUINFO_OK or
 * STUINFO_ERR_INVALID_ARGUMENT.
 * @since 0.1
 */
stuinfo_status stuinfo_roster_reader_counts(const stuinfo_roster_reader *reader,
                                            stuinfo_roster_counts *out);

/**
 * The encoding in use (a stuinfo_roster_encoding): AUTO until the first non-ASCII byte
 * decides it. 0 if @p reader is NULL.
 * @since 0.1
 */
int32_t stuinfo_roster_reader_encoding(const stuinfo_roster_reader *reader);

/** Number of columns of the heading row (or of the first row without one); 0 if
 *  @p reader is NULL. @since 0.1 */
size_t stuinfo_roster_reader_columns(const stuinfo_roster_reader *reader);

/**
 * The heading of column @p index (UTF-8, NUL-terminated), borrowed from the reader; NULL
 * if there is no such column or no heading row.
 * @since 0.1
 */
const char *stuinfo_roster_reader_heading(const stuinfo_roster_reader *reader, size_t index);

/** The 1-based data row number of @p row (the heading row is row 0); 0 if @p row is
 *  NULL. @since 0.1 */
int64_t stuinfo_roster_row_number(const stuinfo_roster_row *row);

/** Number of cells in @p row; 0 if @p row is NULL. @since 0.1 */
size_t stuinfo_roster_row_cells(const stuinfo_roster_row *row);

/**
 * Cell @p index of @p row as UTF-8 (NUL-terminated), borrowed like the row. A cell that
 * could not be read (undecodable, too long) is empty and has a finding.
 * Returns STUINFO_OK, STUINFO_ERR_INVALID_ARGUMENT or STUINFO_ERR_NOT_FOUND.
 * @since 0.1
 */
stuinfo_status stuinfo_roster_row_cell(const stuinfo_roster_row *row, size_t index,
                                       const char **text, size_t *len);

/** The findings of @p row (each stamped with its row number); borrowed like the row. @since 0.1 */
const stuinfo_report *stuinfo_roster_row_findings(const stuinfo_roster_row *row);

/**
 * The row as a student record (when the reader makes them), borrowed like the row;
 * NULL otherwise.
 * @since 0.1
 */
const stuinfo_student *stuinfo_roster_row_student(const stuinfo_roster_row *row);

/** Output formats of a writer. Values never change. */
typedef enum stuinfo_roster_format {
    /** CSV rows (RFC 4180, CRLF), cells a spreadsheet would run as a formula neutralized. */
    STUINFO_ROSTER_FORMAT_CSV = 1,
    /** One JSON object per line. */
    STUINFO_ROSTER_FORMAT_JSONL = 2,
    /** Findings as CSV: row, field, rule, severity, message. */
    STUINFO_ROSTER_FORMAT_FINDINGS_CSV = 3,
    /** Findings as one JSON array of {row, field, rule, severity, message}. */
    STUINFO_ROSTER_FORMAT_FINDINGS_JSON = 4
} stuinfo_roster_format;

/** Writer settings. Fill with stuinfo_roster_writer_options_init(). */
typedef struct stuinfo_roster_writer_options {
    uint32_t size;              /* set by stuinfo_roster_writer_options_init() */
    int32_t format;             /* a stuinfo_roster_format; default CSV */
    int32_t encoding;           /* UTF8 (default) or GB18030; CSV formats only */
    int32_t bom;                /* 1: start UTF-8 CSV with a byte-order mark (for Excel) */
} stuinfo_roster_writer_options;

/** Fill @p opts with the defaults. Returns STUINFO_OK or STUINFO_ERR_INVALID_ARGUMENT.
 * @since 0.1 */
stuinfo_status stuinfo_roster_writer_options_init(stuinfo_roster_writer_options *opts);

/** A byte sink: write all @p len bytes; return 0, or non-zero on a write error. */
typedef int32_t (*stuinfo_write_fn)(void *user, const char *data, size_t len);

/** A roster writer. Opaque; one thread at a time (as its ctx). */
typedef struct stuinfo_roster_writer stuinfo_roster_writer;

/**
 * Make a writer to a caller's sink. @p opts may be NULL (CSV, UTF-8, no BOM).
 * Returns STUINFO_OK, STUINFO_ERR_INVALID_ARGUMENT or STUINFO_ERR_NOMEM (*out NULL).
 * @since 0.1
 */
stuinfo_status stuinfo_roster_writer_new(stuinfo_ctx *ctx,
                                         const stuinfo_roster_writer_options *opts,
                                         stuinfo_write_fn write_fn, void *user,
                                         stuinfo_roster_writer **out);

/**
 * Write one row of @p count cells (UTF-8; @p lens[i] bytes each, or NULL for
 * NUL-terminated cells). CSV: one record; JSONL: an array. The first row written with
 * stuinfo_roster_writer_heading() names the JSONL keys instead.
 * Returns STUINFO_OK, STUINFO_ERR_INVALID_ARGUMENT, STUINFO_ERR_ENCODING (a cell is not
 * UTF-8, or has no GB18030 form), STUINFO_ERR_STATE (wrong format), STUINFO_ERR_IO or
 * STUINFO_ERR_NOMEM.
 * @since 0.1
 */
stuinfo_status stuinfo_roster_writer_row(stuinfo_roster_writer *writer,
                                         const char *const *cells, const size_t *lens,
                                         size_t count);

/**
 * Write the heading row: CSV writes it as a row; JSONL keeps the names as the keys of
 * the objects written by stuinfo_roster_writer_row(). As stuinfo_roster_writer_row().
 * @since 0.1
 */
stuinfo_status stuinfo_roster_writer_heading(stuinfo_roster_writer *writer,
                                             const char *const *cells, const size_t *lens,
                                             size_t count);

/**
 * Write a student record: CSV in the national template's column order (heading row of
 * template labels written before the first record), JSONL as one object keyed by field
 * key. Empty fields are empty cells (CSV) or left out (JSONL).
 * As stuinfo_roster_writer_row().
 * @since 0.1
 */
stuinfo_status stuinfo_roster_writer_student(stuinfo_roster_writer *writer,
                                             const stuinfo_student *student);

/**
 * Write every finding of @p report (findings formats only). Row 0 is written empty.
 * As stuinfo_roster_writer_row().
 * @since 0.1
 */
stuinfo_status stuinfo_roster_writer_findings(stuinfo_roster_writer *writer,
                                              const stuinfo_report *report);

/**
 * Finish the output (the closing bracket of a JSON findings array) and hand the buffered
 * bytes to the sink.
 * Further writes give STUINFO_ERR_STATE. Returns STUINFO_OK, STUINFO_ERR_INVALID_ARGUMENT
 * or STUINFO_ERR_IO.
 * @since 0.1
 */
stuinfo_status stuinfo_roster_writer_finish(stuinfo_roster_writer *writer);

/** Free a writer (finishing it first if needed; errors are then lost). NULL is a no-op.
 * @since 0.1 */
void stuinfo_roster_writer_free(stuinfo_roster_writer *writer);

#if defined(__GNUC__) && !defined(STUINFO_CDEF)
#pragma GCC visibility pop
#endif
#ifdef __cplusplus
}
#endif
#endif /* STUINFO_ROSTER_H */
