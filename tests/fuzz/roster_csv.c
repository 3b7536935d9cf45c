/*
 * Fuzz target "roster_csv": the roster reader over CSV in UTF-8 or GB18030 (declared or
 * sniffed), fed in chunks of a size chosen by the input, with one of the library's
 * allocations failed at a point chosen by the input; then every row written back with the
 * CSV writer. Properties:
 *   - NOMEM iff an allocation failed (a row-level status); nothing leaks;
 *   - every cell handed out is valid UTF-8 without NUL bytes; row numbers increase;
 *     rows_read == accepted + with_errors + skipped at the end;
 *   - no finding (row or file) holds an unmasked ID number;
 *   - the CSV writer's output equals an independent RFC 4180 + formula-neutralizing
 *     oracle: a cell starting with = + - @ TAB CR or their full-width forms gets a
 *     leading apostrophe (reliability.md §5 class 17, CWE-1236).
 * Input: 2 bytes (allocation to fail), 1 byte of options (encoding, header, records,
 * validation, roster checks, small limits), 1 byte of chunk size, the file.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "fuzz_common.h"
#include "text/text.h"

struct src {
    const uint8_t *data;
    size_t size, pos, chunk;
};

static int64_t
src_read(void *user, char *buf, size_t cap)
{
    struct src *s = user;
    size_t n = s->size - s->pos;

    if (n > cap)
        n = cap;
    if (n > s->chunk)
        n = s->chunk;
    memcpy(buf, s->data + s->pos, n);
    s->pos += n;
    return (int64_t)n;
}

struct sink {
    char *buf;
    size_t len, cap;
};

static int32_t
sink_write(void *user, const char *data, size_t len)
{
    struct sink *k = user;

    if (k->len + len > k->cap) {
        size_t cap = (k->len + len) * 2 + 64;
        char *p = realloc(k->buf, cap);
        if (p == NULL)
            return -1;
        k->buf = p;
        k->cap = cap;
    }
    memcpy(k->buf + k->len, data, len);
    k->len += len;
    return 0;
}

/* The oracle: one CSV record as the writer must write it. */
static void
oracle_cell(struct sink *o, const char *s, size_t n, int first)
{
    static const char *const wide[] = {"\xEF\xBC\x9D", "\xEF\xBC\x8B", "\xEF\xBC\x8D",
                                       "\xEF\xBC\xA0"};
    int quote = 0, formula = 0;

    if (!first)
        sink_write(o, ",", 1);
    for (size_t i = 0; i < n; i++)
        quote |= s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n';
    if (n > 0 && memchr("=+-@\t\r", s[0], 6) != NULL)
        formula = 1;
    for (size_t i = 0; i < 4 && n >= 3; i++)
        formula |= memcmp(s, wide[i], 3) == 0;
    if (quote)
        sink_write(o, "\"", 1);
    if (formula)
        sink_write(o, "'", 1);
    for (size_t i = 0; i < n; i++)
        sink_write(o, s[i] == '"' ? "\"\"" : s + i, s[i] == '"' ? 2 : 1);
    if (quote)
        sink_write(o, "\"", 1);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const int32_t enc[4] = {STUINFO_ROSTER_ENCODING_AUTO, STUINFO_ROSTER_ENCODING_UTF8,
                                   STUINFO_ROSTER_ENCODING_GB18030,
                                   STUINFO_ROSTER_ENCODING_AUTO};
    static bool routed;
    stuinfo_ctx *ctx = fuzz_ctx();
    stuinfo_roster_options o;
    stuinfo_roster_writer_options wo;
    stuinfo_roster_reader *r = NULL;
    stuinfo_roster_writer *w = NULL;
    struct sink out = {NULL, 0, 0}, expect = {NULL, 0, 0};
    struct src in;
    stuinfo_status s = STUINFO_OK;
    int64_t last_row = 0;
    bool finished = false;
    uint8_t opt;

    if (!routed) {
        json_set_alloc_funcs(fuzz_json_malloc, fuzz_json_free);
        fuzz_fail_jansson(false);   /* jansson's parser is not OOM-safe: fuzz_common.h */
        routed = true;
    }
    if (!fuzz_begin(&data, &size) || size < 2)
        return 0;
    opt = data[0];
    in.chunk = (size_t)data[1] % 64 + 1;
    in.data = data + 2;
    in.size = size - 2;
    in.pos = 0;

    stuinfo_roster_options_init(&o);
    o.encoding = enc[opt & 3];
    o.has_header = (opt >> 2) & 1;
    o.to_students = (opt >> 3) & 1;
    o.validate = (opt >> 4) & 1;
    o.roster_checks = (opt >> 5) & 1;
    /* Inputs are at most a few KiB: limits far below the MiB defaults keep each run cheap
     * (the reader's buffers are sized by them) and reach the oversized-cell and
     * oversized-record paths. */
    o.max_cell_bytes = (opt >> 6) & 1 ? 64 : 4096;
    o.max_record_bytes = (opt >> 6) & 1 ? 256 : 16384;
    stuinfo_roster_writer_options_init(&wo);
    if (stuinfo_roster_writer_new(ctx, &wo, sink_write, &out, &w) != STUINFO_OK)
        fuzz_fail("roster_writer_new failed without injection");

    fuzz_arm();
    s = stuinfo_roster_reader_new(ctx, &o, src_read, &in, &r);
    for (int rows = 0; s == STUINFO_OK && rows < 5000; rows++) {
        stuinfo_roster_row *row = NULL;
        size_t cells;

        s = stuinfo_roster_reader_next(r, &row);
        if (s != STUINFO_OK)
            break;
        if (row == NULL) {
            finished = true;
            break;
        }
        if (stuinfo_roster_row_number(row) <= last_row)
            fuzz_fail("roster: row numbers do not increase");
        last_row = stuinfo_roster_row_number(row);
        fuzz_check_report(stuinfo_roster_row_findings(row), "roster: a row finding holds an ID");
        cells = stuinfo_roster_row_cells(row);
        const char **texts = calloc(cells + 1, sizeof(*texts));
        size_t *lens = calloc(cells + 1, sizeof(*lens));
        if (texts == NULL || lens == NULL)
            fuzz_fail("out of test memory");
        for (size_t c = 0; c < cells; c++) {
            if (stuinfo_roster_row_cell(row, c, &texts[c], &lens[c]) != STUINFO_OK)
                fuzz_fail("roster_row_cell failed for an existing cell");
            if (text_utf8_check(texts[c], lens[c], NULL) != TEXT_OK)
                fuzz_fail("roster: a cell is not valid UTF-8 or holds a NUL");
            oracle_cell(&expect, texts[c], lens[c], c == 0);
        }
        sink_write(&expect, "\r\n", 2);
        /* the writer runs with the injection armed too; its status is checked below */
        s = stuinfo_roster_writer_row(w, texts, lens, cells);
        free(texts);
        free(lens);
    }
    fuzz_disarm();
    fuzz_check_status(s, "roster reader/writer");
    fuzz_check_message("roster reader");
    if (r != NULL) {
        fuzz_check_report(stuinfo_roster_reader_file_findings(r),
                       "roster: a file finding holds an ID");
        if (finished) {
            stuinfo_roster_counts c;

            memset(&c, 0, sizeof(c));
            c.size = sizeof(c);
            if (stuinfo_roster_reader_counts(r, &c) != STUINFO_OK
                || c.rows_read != c.rows_accepted + c.rows_with_errors + c.rows_skipped)
                fuzz_fail("roster: counts do not add up");
        }
    }
    if (s == STUINFO_OK) {
        if (stuinfo_roster_writer_finish(w) != STUINFO_OK)
            fuzz_fail("roster_writer_finish failed");
        if (out.len != expect.len || (out.len > 0 && memcmp(out.buf, expect.buf, out.len)))
            fuzz_fail("roster writer: CSV differs from the RFC 4180 + formula oracle");
    }
    stuinfo_roster_writer_free(w);
    stuinfo_roster_reader_free(r);
    free(out.buf);
    free(expect.buf);
    fuzz_check_no_leak("roster_csv");
    return 0;
}
