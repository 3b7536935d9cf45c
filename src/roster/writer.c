/*
 * The roster writer: CSV (UTF-8 with or without BOM, or GB18030), JSON Lines, and
 * findings reports. Each line is built in UTF-8, converted if needed, and buffered.
 * CSV cells a spreadsheet would run as a formula are prefixed with an apostrophe
 * (notes/reliability.md §5 #17; OWASP, CWE-1236): RFC 4180 quoting alone does not stop
 * a spreadsheet from evaluating them.
 */
#include <string.h>

#include "core/report.h"
#include "model/student.h"
#include "roster_impl.h"
#include "text/gb18030.h"
#include "text/text.h"

enum { OUT_CAP = 65536 };

struct stuinfo_roster_writer {
    stuinfo_ctx *ctx;
    stuinfo_roster_writer_options opts;
    stuinfo_write_fn write_fn;
    void *user;
    char *out;                  /* output buffer, flushed to the sink */
    size_t out_len;
    char *line;                 /* the line being built, UTF-8 */
    size_t line_len, line_cap;
    char *conv;                 /* GB18030 form of a line */
    size_t conv_cap;
    char *keys;                 /* JSONL keys from the heading row, NUL-separated */
    size_t keys_len, nkeys;
    bool started, finished, wrote_items;
};

stuinfo_status
stuinfo_roster_writer_options_init(stuinfo_roster_writer_options *opts)
{
    if (opts == NULL)
        return STUINFO_ERR_INVALID_ARGUMENT;
    memset(opts, 0, sizeof(*opts));
    opts->size = (uint32_t)sizeof(*opts);
    opts->format = STUINFO_ROSTER_FORMAT_CSV;
    opts->encoding = STUINFO_ROSTER_ENCODING_UTF8;
    return STUINFO_OK;
}

stuinfo_status
stuinfo_roster_writer_new(stuinfo_ctx *ctx, const stuinfo_roster_writer_options *opts,
                          stuinfo_write_fn write_fn, void *user,
                          stuinfo_roster_writer **out)
{
    stuinfo_roster_writer *w;

    if (out != NULL)
        *out = NULL;
    if (ctx == NULL || write_fn == NULL || out == NULL)
        return core_fail(ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_CORE_NULL_ARGUMENT, NULL,
                         NULL);
    if (opts != NULL
        && (opts->size < sizeof(*opts) || opts->format < STUINFO_ROSTER_FORMAT_CSV
            || opts->format > STUINFO_ROSTER_FORMAT_FINDINGS_JSON
            || (opts->encoding != STUINFO_ROSTER_ENCODING_UTF8
                && opts->encoding != STUINFO_ROSTER_ENCODING_GB18030)))
        return core_fail(ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_CORE_BAD_OPTION,
                         "roster writer options", NULL);
    w = core_calloc(ctx, 1, sizeof(*w));
    if (w == NULL)
        return core_fail_status(ctx, STUINFO_ERR_NOMEM);
    w->ctx = ctx;
    core_ctx_attach(ctx);
    if (opts != NULL)
        w->opts = *opts;
    else
        stuinfo_roster_writer_options_init(&w->opts);
    w->write_fn = write_fn;
    w->user = user;
    w->out = core_alloc(ctx, OUT_CAP);
    if (w->out == NULL) {
        stuinfo_roster_writer_free(w);
        return core_fail_status(ctx, STUINFO_ERR_NOMEM);
    }
    *out = w;
    return core_ok(ctx);
}

static bool
sink(stuinfo_roster_writer *w, const char *data, size_t n)
{
    if (n > OUT_CAP - w->out_len) {
        if (w->out_len > 0 && w->write_fn(w->user, w->out, w->out_len) != 0)
            return false;
        w->out_len = 0;
        if (n > OUT_CAP)
            return w->write_fn(w->user, data, n) == 0;
    }
    memcpy(w->out + w->out_len, data, n);
    w->out_len += n;
    return true;
}

static bool
flush(stuinfo_roster_writer *w)
{
    if (w->out_len > 0 && w->write_fn(w->user, w->out, w->out_len) != 0)
        return false;
    w->out_len = 0;
    return true;
}

/* Grow a buffer that may hold personal data: allocate, copy, wipe, free. */
static bool
grow(stuinfo_ctx *ctx, char **buf, size_t *cap, size_t used, size_t need)
{
    size_t ncap = *cap ? *cap : 256;
    char *nb;

    while (ncap < need) {
        if (ncap > SIZE_MAX / 2)
            return false;
        ncap *= 2;
    }
    if (ncap == *cap)
        return true;
    nb = core_alloc(ctx, ncap);
    if (nb == NULL)
        return false;
    if (used > 0)
        memcpy(nb, *buf, used);
    core_free_wipe(ctx, *buf, *cap);
    *buf = nb;
    *cap = ncap;
    return true;
}

static bool
put(stuinfo_roster_writer *w, const char *s, size_t n)
{
    if (n > w->line_cap - w->line_len
        && !grow(w->ctx, &w->line, &w->line_cap, w->line_len, w->line_len + n))
        return false;
    memcpy(w->line + w->line_len, s, n);
    w->line_len += n;
    return true;
}

#define PUTS(w, s) put((w), (s), sizeof(s) - 1)

/* Would a spreadsheet run this cell? (= + - @, tab, CR; also their full-width forms) */
bool
roster_formula_like(const char *s, size_t n)
{
    static const char *const wide[] = {"\xEF\xBC\x9D", "\xEF\xBC\x8B", "\xEF\xBC\x8D",
                                       "\xEF\xBC\xA0"};

    if (n == 0)
        return false;
    if (strchr("=+-@\t\r", s[0]) != NULL)
        return true;
    for (size_t i = 0; i < 4 && n >= 3; i++)
        if (memcmp(s, wide[i], 3) == 0)
            return true;
    return false;
}

static bool
put_csv_cell(stuinfo_roster_writer *w, const char *s, size_t n, bool first)
{
    bool quote = false;

    if (!first && !PUTS(w, ","))
        return false;
    for (size_t i = 0; i < n && !quote; i++)
        quote = s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n';
    if (quote && !PUTS(w, "\""))
        return false;
    if (roster_formula_like(s, n) && !PUTS(w, "'"))
        return false;
    for (size_t i = 0; i < n; i++) {
        const char *q = memchr(s + i, '"', n - i);
        size_t run = q == NULL ? n - i : (size_t)(q - (s + i));
        if (!put(w, s + i, run))
            return false;
        i += run;
        if (q != NULL && !PUTS(w, "\"\""))
            return false;
    }
    return !quote || PUTS(w, "\"");
}

static bool
put_json_string(stuinfo_roster_writer *w, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";

    if (!PUTS(w, "\""))
        return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        size_t run = i;

        while (run < n && (unsigned char)s[run] >= 0x20 && s[run] != '"' && s[run] != '\\')
            run++;
        if (run > i) {
            if (!put(w, s + i, run - i))
                return false;
            i = run - 1;
            continue;
        }
        if (c == '"' || c == '\\') {
            char esc[2] = {'\\', (char)c};
            if (!put(w, esc, 2))
                return false;
        } else {
            char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            if (!put(w, esc, 6))
                return false;
        }
    }
    return PUTS(w, "\"");
}

static bool
is_csv(const stuinfo_roster_writer *w)
{
    return w->opts.format == STUINFO_ROSTER_FORMAT_CSV
           || w->opts.format == STUINFO_ROSTER_FORMAT_FINDINGS_CSV;
}

/* The start of the output: a BOM, the findings heading, the opening bracket. */
static bool
start(stuinfo_roster_writer *w)
{
    if (w->started)
        return true;
    w->started = true;
    if (is_csv(w) && w->opts.bom && w->opts.encoding == STUINFO_ROSTER_ENCODING_UTF8
        && !sink(w, "\xEF\xBB\xBF", 3))
        return false;
    if (w->opts.format == STUINFO_ROSTER_FORMAT_FINDINGS_CSV) {
        static const char head[] = "row,field,rule,severity,message\r\n";
        return sink(w, head, sizeof(head) - 1);
    }
    if (w->opts.format == STUINFO_ROSTER_FORMAT_FINDINGS_JSON)
        return sink(w, "[", 1);
    return true;
}

/* End the line and hand it to the sink, converted when the output is GB18030. */
static stuinfo_status
emit(stuinfo_roster_writer *w)
{
    const char *eol = is_csv(w) ? "\r\n" : "\n";
    size_t n;

    if (!put(w, eol, strlen(eol)))
        return STUINFO_ERR_NOMEM;
    if (text_utf8_check(w->line, w->line_len, &n) != TEXT_OK)
        return STUINFO_ERR_ENCODING;
    if (is_csv(w) && w->opts.encoding == STUINFO_ROSTER_ENCODING_GB18030) {
        size_t need = w->line_len * 2 + 16;
        text_status ts;

        if (need > w->conv_cap && !grow(w->ctx, &w->conv, &w->conv_cap, 0, need))
            return STUINFO_ERR_NOMEM;
        ts = text_utf8_to_gb18030(core_text(w->ctx), w->line, w->line_len, w->conv,
                                  w->conv_cap, &n);
        if (ts != TEXT_OK)
            return ts == TEXT_NOMEM ? STUINFO_ERR_NOMEM : STUINFO_ERR_ENCODING;
        if (!sink(w, w->conv, n))
            return STUINFO_ERR_IO;
    } else if (!sink(w, w->line, w->line_len)) {
        return STUINFO_ERR_IO;
    }
    return STUINFO_OK;
}

static stuinfo_status
begin(stuinfo_roster_writer *w, bool findings)
{
    if (w->finished)
        return STUINFO_ERR_STATE;
    if (findings != (w->opts.format == STUINFO_ROSTER_FORMAT_FINDINGS_CSV
                     || w->opts.format == STUINFO_ROSTER_FORMAT_FINDINGS_JSON))
        return STUINFO_ERR_STATE;
    if (!start(w))
        return STUINFO_ERR_IO;
    w->line_len = 0;
    return STUINFO_OK;
}

static stuinfo_status
done(stuinfo_roster_writer *w, stuinfo_status st)
{
    if (w->line != NULL)
        explicit_bzero(w->line, w->line_len);
    w->line_len = 0;
    return st == STUINFO_OK ? core_ok(w->ctx) : core_fail_status(w->ctx, st);
}

static size_t
cell_len(const char *const *cells, const size_t *lens, size_t i)
{
    if (cells[i] == NULL)
        return 0;
    return lens != NULL ? lens[i] : strlen(cells[i]);
}

stuinfo_status
stuinfo_roster_writer_row(stuinfo_roster_writer *w, const char *const *cells,
                          const size_t *lens, size_t count)
{
    stuinfo_status st;
    bool ok = true;
    const char *key;

    if (w == NULL)
        return STUINFO_ERR_INVALID_ARGUMENT;
    if (cells == NULL && count > 0)
        return core_fail(w->ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_CORE_NULL_ARGUMENT,
                         NULL, NULL);
    st = begin(w, false);
    if (st != STUINFO_OK)
        return done(w, st);
    if (w->opts.format == STUINFO_ROSTER_FORMAT_CSV) {
        for (size_t i = 0; i < count && ok; i++)
            ok = put_csv_cell(w, cells[i] ? cells[i] : "", cell_len(cells, lens, i), i == 0);
    } else {
        ok = put(w, w->nkeys ? "{" : "[", 1);
        key = w->keys;
        for (size_t i = 0; i < count && ok; i++) {
            if (i > 0)
                ok = PUTS(w, ",");
            if (ok && w->nkeys) {
                char idx[24];
                const char *k = i < w->nkeys ? key : core_fmt_int(idx, (int64_t)i + 1);
                ok = put_json_string(w, k, strlen(k)) && PUTS(w, ":");
                if (i < w->nkeys)
                    key += strlen(key) + 1;
            }
            if (ok)
                ok = put_json_string(w, cells[i] ? cells[i] : "", cell_len(cells, lens, i));
        }
        ok = ok && put(w, w->nkeys ? "}" : "]", 1);
    }
    return done(w, ok ? emit(w) : STUINFO_ERR_NOMEM);
}

stuinfo_status
stuinfo_roster_writer_heading(stuinfo_roster_writer *w, const char *const *cells,
                              const size_t *lens, size_t count)
{
    size_t total = 0;

    if (w == NULL)
        return STUINFO_ERR_INVALID_ARGUMENT;
    if (w->opts.format != STUINFO_ROSTER_FORMAT_JSONL)
        return stuinfo_roster_writer_row(w, cells, lens, count);
    if (cells == NULL && count > 0)
        return core_fail(w->ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_CORE_NULL_ARGUMENT,
                         NULL, NULL);
    for (size_t i = 0; i < count; i++)
        total += cell_len(cells, lens, i) + 1;
    core_free(w->ctx, w->keys);
    w->keys = core_alloc(w->ctx, total ? total : 1);
    w->nkeys = 0;
    if (w->keys == NULL)
        return core_fail_status(w->ctx, STUINFO_ERR_NOMEM);
    w->keys_len = 0;
    for (size_t i = 0; i < count; i++) {
        size_t n = cell_len(cells, lens, i);
        if (n > 0)
            memcpy(w->keys + w->keys_len, cells[i], n);
        w->keys[w->keys_len + n] = '\0';
        w->keys_len += n + 1;
    }
    w->nkeys = count;
    return core_ok(w->ctx);
}

/* Columns of a student in CSV: the template's items 1-72, then the JY/T fields. */
#define TEMPLATE_STUDENT 48
#define TEMPLATE_FAMILY_FIELDS 12
#define TEMPLATE_FAMILIES 2

static bool
student_csv(stuinfo_roster_writer *w, const stuinfo_student *s, bool heading)
{
    int32_t count = 0;
    bool ok = true, first = true;
    const char *v;
    size_t n;

    model_group_fields(MODEL_GROUP_STUDENT, &count);
    for (int32_t f = 1; f <= TEMPLATE_STUDENT && ok; f++, first = false) {
        if (heading)
            v = stuinfo_field_label(f), n = strlen(v);
        else
            stuinfo_student_get(s, f, &v, &n);
        ok = put_csv_cell(w, v ? v : "", v ? n : 0, first);
    }
    for (size_t m = 0; m < TEMPLATE_FAMILIES && ok; m++) {
        for (int32_t f = 1; f <= TEMPLATE_FAMILY_FIELDS && ok; f++) {
            char label[96];
            if (heading) {
                /* "家庭成员" + digit + label: the numbered group the reader maps back */
                const char *fl = stuinfo_family_field_label(f);
                n = strlen("家庭成员");
                memcpy(label, "家庭成员", n);
                label[n++] = (char)('1' + m);
                memcpy(label + n, fl, strlen(fl) + 1);
                n += strlen(fl);
                v = label;
            } else if (stuinfo_student_family_get(s, m, f, &v, &n) != STUINFO_OK) {
                v = NULL;
            }
            ok = put_csv_cell(w, v ? v : "", v ? n : 0, false);
        }
    }
    for (int32_t f = TEMPLATE_STUDENT + 1; f <= count && ok; f++) {
        if (heading)
            v = stuinfo_field_label(f), n = strlen(v);
        else
            stuinfo_student_get(s, f, &v, &n);
        ok = put_csv_cell(w, v ? v : "", v ? n : 0, false);
    }
    return ok;
}

static bool
json_member(stuinfo_roster_writer *w, const char *key, const char *v, size_t n, bool *first)
{
    bool ok;

    if (v == NULL || n == 0)
        return true;
    ok = (*first || PUTS(w, ",")) && put_json_string(w, key, strlen(key)) && PUTS(w, ":")
         && put_json_string(w, v, n);
    *first = false;
    return ok;
}

static bool
student_json(stuinfo_roster_writer *w, const stuinfo_student *s)
{
    int32_t count = 0, fcount = 0, hcount = 0;
    bool ok = PUTS(w, "{"), first = true;
    const char *v;
    size_t n;

    model_group_fields(MODEL_GROUP_STUDENT, &count);
    model_group_fields(MODEL_GROUP_FAMILY, &fcount);
    model_group_fields(MODEL_GROUP_HISTORY, &hcount);
    for (int32_t f = 1; f <= count && ok; f++) {
        stuinfo_student_get(s, f, &v, &n);
        ok = json_member(w, stuinfo_field_key(f), v, n, &first);
    }
    for (int g = 0; g < 2 && ok; g++) {
        size_t entries = g == 0 ? stuinfo_student_family_count(s)
                                : stuinfo_student_history_count(s);
        if (entries == 0)
            continue;
        ok = (first || PUTS(w, ",")) && (g == 0 ? PUTS(w, "\"family\":[")
                                                : PUTS(w, "\"history\":["));
        first = false;
        for (size_t i = 0; i < entries && ok; i++) {
            bool ifirst = true;
            ok = (i == 0 || PUTS(w, ",")) && PUTS(w, "{");
            for (int32_t f = 1; f <= (g == 0 ? fcount : hcount) && ok; f++) {
                if (g == 0) {
                    stuinfo_student_family_get(s, i, f, &v, &n);
                    ok = json_member(w, stuinfo_family_field_key(f), v, n, &ifirst);
                } else {
                    stuinfo_student_history_get(s, i, f, &v, &n);
                    ok = json_member(w, stuinfo_history_field_key(f), v, n, &ifirst);
                }
            }
            ok = ok && PUTS(w, "}");
        }
        ok = ok && PUTS(w, "]");
    }
    return ok && PUTS(w, "}");
}

stuinfo_status
stuinfo_roster_writer_student(stuinfo_roster_writer *w, const stuinfo_student *s)
{
    stuinfo_status st;
    bool ok;

    if (w == NULL)
        return STUINFO_ERR_INVALID_ARGUMENT;
    if (s == NULL)
        return core_fail(w->ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_CORE_NULL_ARGUMENT,
                         NULL, NULL);
    st = begin(w, false);
    if (st != STUINFO_OK)
        return done(w, st);
    if (w->opts.format == STUINFO_ROSTER_FORMAT_CSV) {
        if (!w->wrote_items) {
            if (!student_csv(w, s, true))
                return done(w, STUINFO_ERR_NOMEM);
            st = emit(w);
            if (st != STUINFO_OK)
                return done(w, st);
            w->line_len = 0;
        }
        ok = student_csv(w, s, false);
    } else {
        ok = student_json(w, s);
    }
    w->wrote_items = true;
    return done(w, ok ? emit(w) : STUINFO_ERR_NOMEM);
}

stuinfo_status
stuinfo_roster_writer_findings(stuinfo_roster_writer *w, const stuinfo_report *report)
{
    size_t count;
    stuinfo_status st = STUINFO_OK;

    if (w == NULL)
        return STUINFO_ERR_INVALID_ARGUMENT;
    if (report == NULL)
        return core_fail(w->ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_CORE_NULL_ARGUMENT,
                         NULL, NULL);
    count = stuinfo_report_count(report);
    for (size_t i = 0; i < count && st == STUINFO_OK; i++) {
        stuinfo_finding f = {.size = (uint32_t)sizeof(f)};
        const char *sev;
        char row[24] = "";
        bool ok;

        st = begin(w, true);
        if (st != STUINFO_OK)
            break;
        stuinfo_report_get(report, i, &f);
        sev = stuinfo_severity_str(f.severity);
        if (f.row != 0)
            core_fmt_int(row, f.row);
        if (w->opts.format == STUINFO_ROSTER_FORMAT_FINDINGS_CSV) {
            ok = put_csv_cell(w, row, strlen(row), true)
                 && put_csv_cell(w, f.field, strlen(f.field), false)
                 && put_csv_cell(w, f.rule, strlen(f.rule), false)
                 && put_csv_cell(w, sev, strlen(sev), false)
                 && put_csv_cell(w, f.message, strlen(f.message), false);
            st = ok ? emit(w) : STUINFO_ERR_NOMEM;
        } else {
            ok = (!w->wrote_items || PUTS(w, ",")) && PUTS(w, "\n{");
            if (ok && f.row != 0)
                ok = PUTS(w, "\"row\":") && put(w, row, strlen(row)) && PUTS(w, ",");
            ok = ok && PUTS(w, "\"field\":") && put_json_string(w, f.field, strlen(f.field))
                 && PUTS(w, ",\"rule\":") && put_json_string(w, f.rule, strlen(f.rule))
                 && PUTS(w, ",\"severity\":") && put_json_string(w, sev, strlen(sev))
                 && PUTS(w, ",\"message\":")
                 && put_json_string(w, f.message, strlen(f.message)) && PUTS(w, "}");
            /* no line end inside the array: emit() would add one; sink directly */
            if (!ok)
                st = STUINFO_ERR_NOMEM;
            else if (!sink(w, w->line, w->line_len))
                st = STUINFO_ERR_IO;
        }
        w->wrote_items = true;
        w->line_len = 0;
    }
    return done(w, st);
}

stuinfo_status
stuinfo_roster_writer_finish(stuinfo_roster_writer *w)
{
    bool ok;

    if (w == NULL)
        return STUINFO_ERR_INVALID_ARGUMENT;
    if (w->finished)
        return core_ok(w->ctx);
    ok = start(w);
    w->finished = true;
    if (ok && w->opts.format == STUINFO_ROSTER_FORMAT_FINDINGS_JSON)
        ok = sink(w, "\n]\n", 3);
    ok = ok && flush(w);
    return ok ? core_ok(w->ctx) : core_fail_status(w->ctx, STUINFO_ERR_IO);
}

void
stuinfo_roster_writer_free(stuinfo_roster_writer *w)
{
    stuinfo_ctx *ctx;

    if (w == NULL)
        return;
    ctx = w->ctx;
    if (w->out != NULL)
        stuinfo_roster_writer_finish(w);
    core_free_wipe(ctx, w->out, w->out ? OUT_CAP : 0);
    core_free_wipe(ctx, w->line, w->line_cap);
    core_free_wipe(ctx, w->conv, w->conv_cap);
    core_free(ctx, w->keys);
    core_free(ctx, w);
    core_ctx_detach(ctx);
}
