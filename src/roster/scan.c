/*
 * Record boundaries: an RFC 4180 state machine over the byte stream that cuts it into
 * records without splitting cells (libcsv then splits a record into cells). The record
 * buffer has a fixed size; a longer record is discarded to its end, and a quote that
 * never closes is undone by scanning the bytes after its line break again.
 * GB18030 is safe here: its trail bytes are never ',', '"', CR or LF.
 */
#include <string.h>

#include "roster_impl.h"

void
scan_reset_record(struct roster_scan *s)
{
    s->rec_len = 0;
    s->state = SCAN_FIELD_START;
    s->col = 0;
    s->cell_start = 0;
    s->quote_open = ROSTER_NONE;
    s->first_multiline = ROSTER_NONE;
    s->overflow = false;
    s->overflow_col = 0;
    s->overflow_cell_len = 0;
    s->lines_in_skip = 0;
    s->unclosed_at_eof = false;
    s->recover_at = ROSTER_NONE;
    s->ended_by = 0;
}

/* 1: bytes in in[], 0: end of input, -1: read error. */
static int
fill(stuinfo_roster_reader *r, size_t keep)
{
    struct roster_scan *s = &r->scan;
    int64_t n;

    if (s->eof)
        return 0;
    if (keep > 0)
        memmove(s->in, s->in + s->in_pos, keep);
    s->in_pos = 0;
    s->in_len = keep;
    n = r->read_fn(r->read_user, s->in + keep, ROSTER_CHUNK - keep);
    if (n < 0 || (uint64_t)n > ROSTER_CHUNK - keep) {
        s->io_error = true;
        return -1;
    }
    if (n == 0) {
        s->eof = true;
        return keep > 0;
    }
    s->in_len += (size_t)n;
    return 1;
}

/* The first bytes: read until a byte-order mark can be recognised, then drop it. */
static int
start(stuinfo_roster_reader *r)
{
    struct roster_scan *s = &r->scan;
    int f = 1;

    s->started = true;
    while (f > 0 && s->in_len - s->in_pos < 4 && !s->eof)
        f = fill(r, s->in_len - s->in_pos);
    if (f < 0)
        return -1;
    s->in_pos += roster_bom(s->in + s->in_pos, s->in_len - s->in_pos, &s->bom_encoding);
    return 0;
}

size_t
scan_find_break(const struct roster_scan *s, size_t from)
{
    for (size_t i = from; i < s->rec_len; i++)
        if (s->rec[i] == '\n' || s->rec[i] == '\r')
            return i;
    return ROSTER_NONE;
}

bool
scan_replay_tail(struct roster_scan *s, size_t from)
{
    size_t tail, rest, brk;

    if (from >= s->rec_len)
        return true;
    tail = s->rec_len - from;
    rest = s->rp_len - s->rp_pos;
    brk = s->ended_by != 0;     /* the consumed line break belongs after the tail */
    if (tail + brk + rest > s->rp_cap)
        return false;
    memmove(s->replay + tail + brk, s->replay + s->rp_pos, rest);
    memcpy(s->replay, s->rec + from, tail);
    if (brk) {
        /* the original bytes again, so a CR LF split here stays one line break */
        s->replay[tail] = s->ended_by;
        s->after_cr = false;
    }
    s->rp_pos = 0;
    s->rp_len = tail + brk + rest;
    return true;
}

static int
at_eof(struct roster_scan *s)
{
    if (s->overflow) {
        s->unclosed_at_eof = s->state == SCAN_QUOTED;
        return REC_DATA;
    }
    if (s->rec_len == 0 && s->state == SCAN_FIELD_START)
        return REC_EOF;
    if (s->state == SCAN_QUOTED) {
        s->unclosed_at_eof = true;
        s->recover_at = s->quote_open;
    }
    return REC_DATA;
}

/* rec is full: either undo an unclosed quote now, or discard to the end of the record. */
static bool
overflowed(struct roster_scan *s)
{
    if ((s->state == SCAN_QUOTED || s->state == SCAN_QUOTE_IN_QUOTED)
        && scan_find_break(s, s->quote_open) != ROSTER_NONE) {
        s->recover_at = s->quote_open;
        return true;            /* the record ends here */
    }
    s->overflow = true;
    s->overflow_col = s->col;
    s->overflow_cell_len = s->rec_len - s->cell_start;
    return false;
}

/*
 * In an unquoted cell only ',', CR and LF end the run of bytes that are simply kept; in a
 * quoted one '"', CR and LF. Copy that run (as far as rec has room) and return where it
 * stops: at the byte the state machine must see, at @p len, or where rec is full.
 */
static size_t
copy_run(struct roster_scan *s, const char *bytes, size_t i, size_t len)
{
    const unsigned char stop = s->state == SCAN_QUOTED ? '"' : ',';
    size_t room = s->rec_cap - s->rec_len;
    size_t end = len - i < room ? len : i + room;
    size_t j = i;

    while (j < end) {
        unsigned char c = (unsigned char)bytes[j];

        if (c == stop || c == '\n' || c == '\r')
            break;
        j++;
    }
    memcpy(s->rec + s->rec_len, bytes + i, j - i);
    s->rec_len += j - i;
    return j;
}

/*
 * Scan bytes[*pos..len) for the rest of the current record. Returns REC_DATA/REC_BLANK
 * when the record ended (with *pos after it), or -1 when more bytes are needed.
 */
static int
scan_bytes(struct roster_scan *s, const char *bytes, size_t *pos, size_t len)
{
    size_t i = *pos;

    while (i < len) {
        unsigned char c;
        bool end = false, comma = false;

        if (!s->overflow && !s->after_cr
            && (s->state == SCAN_UNQUOTED || s->state == SCAN_QUOTED)) {
            /* The bytes up to the next one that means something here go to rec at once. */
            size_t j = copy_run(s, bytes, i, len);

            i = j;
            if (i == len)
                break;
        }
        c = (unsigned char)bytes[i++];

        if (s->after_cr) {
            s->after_cr = false;
            if (c == '\n')
                continue;
        }
        switch (s->state) {
        case SCAN_QUOTED:
            if (c == '"')
                s->state = SCAN_QUOTE_IN_QUOTED;
            else if (c == '\n' || c == '\r') {
                if (s->first_multiline == ROSTER_NONE)
                    s->first_multiline = s->quote_open;
                if (s->overflow)
                    s->lines_in_skip += c == '\n' || (i < len && bytes[i] != '\n');
            }
            break;
        case SCAN_QUOTE_IN_QUOTED:
            if (c == '"')
                s->state = SCAN_QUOTED;
            else if (c == ',')
                comma = true;
            else if (c == '\n' || c == '\r')
                end = true;
            else
                s->state = SCAN_UNQUOTED;   /* malformed: libcsv reports it */
            break;
        case SCAN_FIELD_START:
            if (c == '"') {
                s->state = SCAN_QUOTED;
                s->quote_open = s->rec_len;
                break;
            }
            s->state = SCAN_UNQUOTED;
            if (c == ',')
                comma = true;
            else if (c == '\n' || c == '\r')
                end = true;
            break;
        default:
            if (c == ',')
                comma = true;
            else if (c == '\n' || c == '\r')
                end = true;
            break;
        }
        if (end) {
            s->after_cr = c == '\r';
            s->ended_by = (char)c;
            *pos = i;
            if (!s->overflow && s->rec_len == 0)
                return REC_BLANK;
            return REC_DATA;
        }
        if (s->overflow) {
            if (s->col == s->overflow_col)
                s->overflow_cell_len++;
        } else if (s->rec_len < s->rec_cap) {
            s->rec[s->rec_len++] = (char)c;
        } else if (overflowed(s)) {
            *pos = i - 1;       /* the byte is scanned again after the replay */
            return REC_DATA;
        } else if (s->col == s->overflow_col) {
            s->overflow_cell_len++;
        }
        if (comma) {
            s->col++;
            s->state = SCAN_FIELD_START;
            s->cell_start = s->rec_len;
        }
    }
    *pos = i;
    return -1;
}

int
scan_record(stuinfo_roster_reader *r)
{
    struct roster_scan *s = &r->scan;

    scan_reset_record(s);
    if (!s->started && start(r) < 0)
        return REC_IO_ERROR;
    for (;;) {
        int k;

        if (s->rp_pos < s->rp_len) {
            k = scan_bytes(s, s->replay, &s->rp_pos, s->rp_len);
        } else {
            if (s->in_pos == s->in_len) {
                int f = fill(r, 0);

                if (f < 0)
                    return REC_IO_ERROR;
                if (f == 0)
                    return at_eof(s);
            }
            k = scan_bytes(s, s->in, &s->in_pos, s->in_len);
        }
        if (k >= 0)
            return k;
    }
}
