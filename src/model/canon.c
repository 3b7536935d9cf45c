/* Canonicalization of a value on set (see canon.h). */
#include <string.h>

#include "canon.h"
#include "core/report.h"
#include "date.h"
#include "text/fold.h"

/* STUINFO_OK, or STUINFO_ERR_NOMEM (on the ctx) when the report cannot take it. */
const char *
model_path_ref_text(struct model_path_ref *p)
{
    if (p->text == NULL)
        p->text = model_path_format(p->buf, p->group, p->index, p->field);
    return p->text;
}

static stuinfo_status
finding(stuinfo_report *report, rule_id rule, struct model_path_ref *path, const char *arg2)
{
    if (report == NULL)
        return STUINFO_OK;
    return core_report_add(report, rule, model_path_ref_text(path), model_path_ref_text(path),
                           arg2);
}

/* Refuses the value with @p status; STUINFO_ERR_NOMEM if its finding could not be added. */
static stuinfo_status
refuse(stuinfo_ctx *ctx, stuinfo_report *report, stuinfo_status status, rule_id rule,
       struct model_path_ref *path, const char *arg2)
{
    stuinfo_status st = finding(report, rule, path, arg2);

    if (st != STUINFO_OK)
        return st;
    return core_fail(ctx, status, rule, model_path_ref_text(path), arg2);
}

/* Fold flags for each kind. Names keep everything but the middle dot and outer spaces. */
static unsigned
kind_flags(int kind)
{
    const unsigned base = TEXT_FOLD_TRIM | TEXT_FOLD_WIDTH;

    switch (kind) {
    case MODEL_KIND_NAME:
        return TEXT_FOLD_TRIM | TEXT_FOLD_DOTS;
    case MODEL_KIND_IDNUM:
    case MODEL_KIND_IDENT:
    case MODEL_KIND_CODE:
    case MODEL_KIND_REGION:
        return base | TEXT_FOLD_UPPER | TEXT_FOLD_NO_SPACES;
    case MODEL_KIND_DIGITS:
    case MODEL_KIND_POSTCODE:
    case MODEL_KIND_PHONE:
    case MODEL_KIND_DATE:
    case MODEL_KIND_MONTH:
    case MODEL_KIND_MONTH_OR_PRESENT:
    case MODEL_KIND_DECIMAL:
    case MODEL_KIND_FLAG:
    case MODEL_KIND_EMAIL:
    case MODEL_KIND_URL:
        return base | TEXT_FOLD_NO_SPACES;
    default:
        return base;
    }
}

static bool
equals(const char *s, size_t len, const char *word)
{
    return strlen(word) == len && memcmp(s, word, len) == 0;
}

/* 是/否 and friends to 1/0; false when the text is not a yes/no word. */
static bool
flag_value(const char *s, size_t len, char *v)
{
    static const char *const yes[] = {"1", "\xe6\x98\xaf", "Y", "y", "YES", "yes", "Yes",
                                      "true", "TRUE", "True", "\xe6\x9c\x89"};
    static const char *const no[] = {"0", "\xe5\x90\xa6", "N", "n", "NO", "no", "No",
                                     "false", "FALSE", "False", "\xe6\x97\xa0"};

    for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++) {
        if (equals(s, len, yes[i])) {
            *v = '1';
            return true;
        }
        if (equals(s, len, no[i])) {
            *v = '0';
            return true;
        }
    }
    return false;
}

static bool
present_word(const char *s, size_t len)
{
    return equals(s, len, "present") || equals(s, len, "PRESENT")
        || equals(s, len, "\xe8\x87\xb3\xe4\xbb\x8a")            /* 至今 */
        || equals(s, len, "\xe4\xbb\x8a")                        /* 今 */
        || equals(s, len, "\xe7\x8e\xb0\xe5\x9c\xa8");           /* 现在 */
}

static stuinfo_status
reformat_month(struct model_path_ref *path, char *buf, size_t *n, stuinfo_report *report)
{
    int32_t y, m;
    char tmp[12];

    if (model_date_parse(buf, *n, &y, &m, NULL)) {
        model_date_format(tmp, y, m, -1);
        if (!equals(buf, *n, tmp)) {
            memcpy(buf, tmp, 8);
            *n = 7;
            return finding(report, RULE_STUDENT_REFORMATTED, path, NULL);
        }
    }
    return STUINFO_OK;
}

/* Kind-specific rewrites after folding; buf has room for at least 16 bytes. Returns
 * STUINFO_ERR_NOMEM when the note of a rewrite could not be added. */
static stuinfo_status
reformat(stuinfo_ctx *ctx, const struct model_field_desc *d, struct model_path_ref *path,
         char *buf, size_t *n, stuinfo_report *report)
{
    int32_t y, m, dd;
    char tmp[12];
    const char *code;

    switch (d->kind) {
    case MODEL_KIND_DATE:
        if (model_date_parse(buf, *n, &y, &m, &dd)) {
            model_date_format(tmp, y, m, dd);
            if (!equals(buf, *n, tmp)) {
                memcpy(buf, tmp, 11);
                *n = 10;
                return finding(report, RULE_STUDENT_REFORMATTED, path, NULL);
            }
        }
        break;
    case MODEL_KIND_MONTH_OR_PRESENT:
        if (present_word(buf, *n)) {
            if (!equals(buf, *n, "present")) {
                memcpy(buf, "present", 8);
                *n = 7;
                return finding(report, RULE_STUDENT_REFORMATTED, path, NULL);
            }
            break;
        }
        return reformat_month(path, buf, n, report);
    case MODEL_KIND_MONTH:
        return reformat_month(path, buf, n, report);
    case MODEL_KIND_FLAG:
        if (flag_value(buf, *n, &tmp[0]) && !(*n == 1 && buf[0] == tmp[0])) {
            buf[0] = tmp[0];
            buf[1] = '\0';
            *n = 1;
            return finding(report, RULE_STUDENT_REFORMATTED, path, NULL);
        }
        break;
    case MODEL_KIND_CODE:
        if (model_code_resolve(ctx, d, buf, *n, &code) == 1 && !equals(buf, *n, code)) {
            size_t k = strlen(code);

            /* Codes are short; the buffer has room for 16 bytes more than the input. */
            if (k < 16) {
                memcpy(buf, code, k + 1);
                *n = k;
                return finding(report, RULE_STUDENT_CODE_FROM_NAME, path, code);
            }
        }
        break;
    case MODEL_KIND_REGION:
        if (*n > 0 && (buf[0] < '0' || buf[0] > '9')
            && model_region_resolve(ctx, buf, *n, &code) == 1) {
            size_t k = strlen(code);

            memcpy(buf, code, k + 1);
            *n = k;
            return finding(report, RULE_STUDENT_CODE_FROM_NAME, path, code);
        }
        break;
    default:
        break;
    }
    return STUINFO_OK;
}

/* The notes of what text_fold() did (@p did); stops at the first that cannot be added. */
static stuinfo_status
fold_notes(unsigned did, struct model_path_ref *path, stuinfo_report *report)
{
    static const struct {
        unsigned flag;
        rule_id rule;
    } notes[] = {
        {TEXT_FOLD_TRIM, RULE_STUDENT_TRIMMED},
        {TEXT_FOLD_WIDTH, RULE_STUDENT_WIDTH_FOLDED},
        {TEXT_FOLD_UPPER, RULE_STUDENT_UPPER_CASED},
        {TEXT_FOLD_NO_SPACES, RULE_STUDENT_SPACES_REMOVED},
        {TEXT_FOLD_DOTS, RULE_STUDENT_DOT_FOLDED},
    };
    stuinfo_status st = STUINFO_OK;

    for (size_t i = 0; st == STUINFO_OK && i < sizeof(notes) / sizeof(notes[0]); i++)
        if (did & notes[i].flag)
            st = finding(report, notes[i].rule, path, NULL);
    return st;
}

/* The checks of any input: UTF-8, forbidden code points. */
static stuinfo_status
check_input(stuinfo_ctx *ctx, struct model_path_ref *path, const char *text, size_t len,
            stuinfo_report *report)
{
    char arg[24];
    size_t bad = 0;
    uint32_t cp;

    switch (text_utf8_check(text, len, &bad)) {
    case TEXT_OK:
        break;
    case TEXT_NUL:
        return refuse(ctx, report, STUINFO_ERR_ENCODING, RULE_STUDENT_NUL, path,
                      core_fmt_int(arg, (int64_t)bad));
    default:
        return refuse(ctx, report, STUINFO_ERR_ENCODING, RULE_STUDENT_ENCODING, path,
                      core_fmt_int(arg, (int64_t)bad));
    }
    cp = text_find_forbidden(text, len, &bad);
    if (cp != 0) {
        static const char hex[] = "0123456789ABCDEF";
        int k = 0;

        arg[k++] = 'U';
        arg[k++] = '+';
        /* four hex digits at least, more only as needed: U+202E, U+E0001 */
        int top = 12;
        while ((cp >> (top + 4)) != 0)
            top += 4;
        for (int shift = top; shift >= 0; shift -= 4)
            arg[k++] = hex[(cp >> shift) & 0xf];
        arg[k] = '\0';
        return refuse(ctx, report, STUINFO_ERR_INVALID, RULE_STUDENT_FORBIDDEN_CHAR, path,
                      arg);
    }
    return STUINFO_OK;
}

/* Wipe and release a canon buffer: @p local is the caller's, anything else allocated. */
static void
drop_buf(stuinfo_ctx *ctx, char *buf, const char *local, size_t cap)
{
    if (buf == local)
        explicit_bzero(buf, cap);
    else
        core_free_wipe(ctx, buf, cap);
}

static stuinfo_status
canon(stuinfo_ctx *ctx, const struct model_field_desc *d, struct model_path_ref *path,
      const char *text, size_t len, stuinfo_report *report, bool fast, char *local,
      size_t local_cap, char **out, size_t *out_len, size_t *cap)
{
    char arg[24];
    size_t n = 0, points;
    unsigned did;
    char *buf;
    stuinfo_status noted;
    bool plain;

    *out = NULL;
    *out_len = 0;
    *cap = 0;
    if (len > STUINFO_STUDENT_MAX_INPUT)
        return refuse(ctx, report, STUINFO_ERR_TOO_LONG, RULE_STUDENT_INPUT_TOO_LONG, path,
                      core_fmt_int(arg, STUINFO_STUDENT_MAX_INPUT));
    /* Plain text (printable ASCII and CJK ideographs: most of a roster) is valid UTF-8
     * with nothing forbidden in it, and folds without decoding: the same result as the
     * general path, byte for byte. */
    plain = fast && text_is_plain(text, len);
    if (!plain) {
        stuinfo_status st = check_input(ctx, path, text, len, report);
        if (st != STUINFO_OK)
            return st;
    }
    *cap = 2 * len + 16;
    if (local != NULL && *cap <= local_cap) {
        buf = local;
    } else {
        buf = core_alloc(ctx, *cap);
        if (buf == NULL) {
            *cap = 0;
            return core_fail_status(ctx, STUINFO_ERR_NOMEM);
        }
    }
    did = plain ? text_fold_ascii(text, len, kind_flags(d->kind), buf, &n)
                : text_fold(text, len, kind_flags(d->kind), buf, &n);
    noted = did != 0 ? fold_notes(did, path, report) : STUINFO_OK;
    if (noted == STUINFO_OK && n > 0)
        noted = reformat(ctx, d, path, buf, &n, report);
    if (noted != STUINFO_OK) {
        drop_buf(ctx, buf, local, *cap);
        *cap = 0;
        return noted;
    }
    /* never more code points than bytes: count only when the bytes could be too many */
    points = n <= d->max ? n : text_utf8_count(buf, n);
    if (points > d->max) {
        drop_buf(ctx, buf, local, *cap);
        *cap = 0;
        return refuse(ctx, report, STUINFO_ERR_TOO_LONG, RULE_STUDENT_TOO_LONG, path,
                      core_fmt_int(arg, d->max));
    }
    *out = buf;
    *out_len = n;
    return STUINFO_OK;
}

stuinfo_status
model_canon_buf(stuinfo_ctx *ctx, const struct model_field_desc *d,
                struct model_path_ref *path, const char *text, size_t len,
                stuinfo_report *report, char *local, size_t local_cap, char **out,
                size_t *out_len, size_t *cap)
{
    return canon(ctx, d, path, text, len, report, true, local, local_cap, out, out_len, cap);
}

stuinfo_status
model_canon(stuinfo_ctx *ctx, const struct model_field_desc *d, const char *path,
            const char *text, size_t len, stuinfo_report *report, char **out,
            size_t *out_len, size_t *cap)
{
    struct model_path_ref p = {.text = path};

    return canon(ctx, d, &p, text, len, report, true, NULL, 0, out, out_len, cap);
}

stuinfo_status
model_canon_general(stuinfo_ctx *ctx, const struct model_field_desc *d, const char *path,
                    const char *text, size_t len, stuinfo_report *report, char **out,
                    size_t *out_len, size_t *cap)
{
    struct model_path_ref p = {.text = path};

    return canon(ctx, d, &p, text, len, report, false, NULL, 0, out, out_len, cap);
}
