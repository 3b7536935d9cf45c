/*
 * Columns to fields. A heading is matched, after normalisation (spaces and the
 * required-item markers * ★ ☆ removed, full-width ( ) / folded), against in order: the
 * caller's mapping, a field path ("id_doc_no", "family[0].phone"), a numbered family or
 * history group (家庭成员1姓名, 学习经历2学校), and the labels and aliases of the student
 * fields (the data/fields files and data/fields/headings.tsv). A family label met again after
 * the student columns starts the next family member (the template's repeated 姓名, 关系...).
 */
#include <string.h>

#include "core/report.h"
#include "model/student.h"
#include "roster/roster_headings.h"
#include "roster_impl.h"

enum { NORM_CAP = ROSTER_HEADING_CAP };

/* Normalised heading into out (NUL-terminated); false if too long. */
bool
map_norm(const char *in, size_t n, char *out)
{
    size_t o = 0;

    for (size_t i = 0; i < n;) {
        const unsigned char *u = (const unsigned char *)in + i;
        const char *put = NULL;
        size_t skip = 1, put_len = 0;

        if (u[0] == ' ' || u[0] == '\t' || u[0] == '*') {
            /* dropped */
        } else if (n - i >= 3
                   && ((u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x80)      /* U+3000 */
                       || (u[0] == 0xE2 && u[1] == 0x98
                           && (u[2] == 0x85 || u[2] == 0x86)))) {         /* ★ ☆ */
            skip = 3;
        } else if (n - i >= 3 && u[0] == 0xEF && u[1] == 0xBC
                   && (u[2] == 0x88 || u[2] == 0x89 || u[2] == 0x8F || u[2] == 0x8A)) {
            skip = 3;                                   /* （ ） ／ ＊ */
            put = u[2] == 0x88 ? "(" : u[2] == 0x89 ? ")" : u[2] == 0x8F ? "/" : NULL;
            put_len = put != NULL;
        } else {
            put = in + i;
            put_len = 1;
        }
        if (put_len > 0) {
            if (o + put_len >= NORM_CAP)
                return false;
            memcpy(out + o, put, put_len);
            o += put_len;
        }
        i += skip;
    }
    out[o] = '\0';
    return true;
}

static const char *
group_label(int group, int32_t field)
{
    switch (group) {
    case MODEL_GROUP_STUDENT:
        return stuinfo_field_label(field);
    case MODEL_GROUP_FAMILY:
        return stuinfo_family_field_label(field);
    default:
        return stuinfo_history_field_label(field);
    }
}

/* Field of @p group whose label or alias is the normalised heading @p h; 0 if none. */
static int32_t
find_in_group(int group, const char *h)
{
    int32_t count = 0;
    char buf[NORM_CAP];

    model_group_fields((model_group)group, &count);
    for (int32_t f = 1; f <= count; f++) {
        const char *label = group_label(group, f);
        if (label != NULL && map_norm(label, strlen(label), buf) && strcmp(buf, h) == 0)
            return f;
    }
    for (size_t i = 0; i < ROSTER_HEADING_COUNT; i++) {
        const struct roster_heading *e = &roster_headings[i];
        if (e->group == group && map_norm(e->heading, strlen(e->heading), buf)
            && strcmp(buf, h) == 0)
            return e->field;
    }
    return 0;
}

static const char *const family_prefixes[] = {
    "家庭成员或监护人", "家庭成员", "监护人", "成员", "家长",
};
static const char *const history_prefixes[] = {
    "学习经历", "学习简历", "简历", "经历",
};

/* "<prefix><n><label>" with n in 1..max: the group entry; false if not of that form. */
static bool
numbered(const char *h, const char *const *prefixes, size_t nprefixes, int group,
         int max, struct roster_target *t)
{
    for (size_t i = 0; i < nprefixes; i++) {
        size_t pl = strlen(prefixes[i]);
        const char *p = h + pl;
        int n = 0;

        if (strncmp(h, prefixes[i], pl) != 0 || *p < '0' || *p > '9')
            continue;
        while (*p >= '0' && *p <= '9' && n <= max)
            n = n * 10 + (*p++ - '0');
        if (n < 1 || n > max)
            return false;
        t->field = (int16_t)find_in_group(group, p);
        if (t->field == 0)
            return false;
        t->group = (int8_t)group;
        t->index = (uint8_t)(n - 1);
        return true;
    }
    return false;
}

static bool
same_target(const struct roster_target *a, const struct roster_target *b)
{
    return a->group == b->group && a->index == b->index && a->field == b->field;
}

/* The national template's columns when a file has no heading row: items 1-72. */
static void
template_target(size_t col, struct roster_target *t)
{
    t->group = -1;
    if (col < 48) {
        t->group = MODEL_GROUP_STUDENT;
        t->index = 0;
        t->field = (int16_t)(col + 1);
    } else if (col < 72) {
        t->group = MODEL_GROUP_FAMILY;
        t->index = (uint8_t)((col - 48) / 12);
        t->field = (int16_t)((col - 48) % 12 + 1);
    }
}

static stuinfo_status
map_columns(stuinfo_roster_reader *r)
{
    int family_group = -1;

    r->pinyin_col = ROSTER_NONE;
    r->targets = core_calloc(r->ctx, r->ncolumns ? r->ncolumns : 1, sizeof(*r->targets));
    if (r->targets == NULL)
        return STUINFO_ERR_NOMEM;
    for (size_t c = 0; c < r->ncolumns; c++) {
        struct roster_target *t = &r->targets[c];
        const char *head = r->have_heading ? r->headings + r->heading_off[c] : NULL;
        char h[NORM_CAP], colbuf[24], colbuf2[24];
        model_group g;
        size_t index;
        int32_t field;
        bool taken = false;

        t->group = -1;
        if (head == NULL) {
            template_target(c, t);
            continue;
        }
        if (!map_norm(head, strlen(head), h) || h[0] == '\0') {
            if (head[0] != '\0'
                && core_report_add(r->file_findings, RULE_ROSTER_UNKNOWN_HEADING, "",
                                   core_fmt_int(colbuf, (int64_t)c + 1), NULL) != STUINFO_OK)
                return STUINFO_ERR_NOMEM;
            continue;
        }
        for (size_t i = 0; i < r->n_user_map; i++) {
            if (strcmp(r->user_map[i].heading, h) == 0) {
                *t = r->user_map[i].target;
                goto mapped;
            }
        }
        if (model_path_parse(h, strlen(h), &g, &index, &field)
            && index < (g == MODEL_GROUP_FAMILY ? STUINFO_STUDENT_MAX_FAMILY
                                                : STUINFO_STUDENT_MAX_HISTORY)) {
            t->group = (int8_t)g;
            t->index = (uint8_t)index;
            t->field = (int16_t)field;
            goto mapped;
        }
        if (numbered(h, family_prefixes, 5, MODEL_GROUP_FAMILY, STUINFO_STUDENT_MAX_FAMILY,
                     t)
            || numbered(h, history_prefixes, 4, MODEL_GROUP_HISTORY,
                        STUINFO_STUDENT_MAX_HISTORY, t))
            goto mapped;
        field = find_in_group(MODEL_GROUP_STUDENT, h);
        if (field != 0) {
            struct roster_target st = {MODEL_GROUP_STUDENT, 0, (int16_t)field};
            for (size_t k = 0; k < c; k++)
                taken = taken || same_target(&r->targets[k], &st);
            if (!taken && family_group < 0) {
                *t = st;
                goto mapped;
            }
        }
        field = find_in_group(MODEL_GROUP_FAMILY, h);
        if (field != 0) {
            if (field == STUINFO_FAMILY_NAME || family_group < 0)
                family_group++;
            if (family_group >= STUINFO_STUDENT_MAX_FAMILY)
                family_group = STUINFO_STUDENT_MAX_FAMILY - 1;
            t->group = MODEL_GROUP_FAMILY;
            t->index = (uint8_t)family_group;
            t->field = (int16_t)field;
            goto mapped;
        }
        if (core_report_add(r->file_findings, RULE_ROSTER_UNKNOWN_HEADING, "",
                            core_fmt_int(colbuf, (int64_t)c + 1), NULL) != STUINFO_OK)
            return STUINFO_ERR_NOMEM;
        continue;
mapped:
        if (t->group < 0)
            continue;
        if (t->group == MODEL_GROUP_STUDENT && t->field == STUINFO_FIELD_NAME_PINYIN)
            r->pinyin_col = c;
        for (size_t k = 0; k < c; k++) {
            if (same_target(&r->targets[k], t)) {
                if (core_report_add(r->file_findings, RULE_ROSTER_DUPLICATE_HEADING, "",
                                    core_fmt_int(colbuf, (int64_t)k + 1),
                                    core_fmt_int(colbuf2, (int64_t)c + 1)) != STUINFO_OK)
                    return STUINFO_ERR_NOMEM;
                t->group = -1;
                break;
            }
        }
    }
    return STUINFO_OK;
}

const char *
map_column_path(const stuinfo_roster_reader *r, size_t col, char *buf)
{
    const struct roster_target *t;

    buf[0] = '\0';
    if (r->targets == NULL || col >= r->ncolumns)
        return buf;
    t = &r->targets[col];
    if (t->group < 0)
        return buf;
    return model_path_format(buf, (model_group)t->group, t->index, t->field);
}

/* Make family member / history entry @p index exist. */
static stuinfo_status
ensure_entry(stuinfo_student *st, int group, size_t index)
{
    stuinfo_status s = STUINFO_OK;

    if (group == MODEL_GROUP_FAMILY)
        while (s == STUINFO_OK && stuinfo_student_family_count(st) <= index)
            s = stuinfo_student_family_add(st, NULL);
    else if (group == MODEL_GROUP_HISTORY)
        while (s == STUINFO_OK && stuinfo_student_history_count(st) <= index)
            s = stuinfo_student_history_add(st, NULL);
    return s;
}

stuinfo_status
map_row(stuinfo_roster_reader *r, stuinfo_report *report)
{
    struct stuinfo_roster_row *row = &r->row;
    stuinfo_status st;

    if (r->spare != NULL) {
        row->student = r->spare;    /* wiped when its row was left: a new record */
        r->spare = NULL;
    } else {
        st = stuinfo_student_new(r->ctx, &row->student);
        if (st != STUINFO_OK)
            return st;
    }
    /* The pinyin column first: a given pinyin is kept, and the record does not make one
     * from the name (the costliest step of a row). */
    for (size_t k = 0; k <= row->ncells && k <= r->ncolumns; k++) {
        size_t c = k == 0 ? r->pinyin_col : k - 1;
        if (c == ROSTER_NONE || c >= row->ncells || c >= r->ncolumns
            || (k > 0 && c == r->pinyin_col))
            continue;
        const struct roster_target *t = &r->targets[c];
        const char *text = r->cells + row->cell_off[c];
        size_t len = row->cell_len[c];

        if (t->group < 0 || len == 0)
            continue;
        st = ensure_entry(row->student, t->group, t->index);
        if (st == STUINFO_OK) {
            if (t->group == MODEL_GROUP_STUDENT)
                st = stuinfo_student_set(row->student, t->field, text, len, report);
            else if (t->group == MODEL_GROUP_FAMILY)
                st = stuinfo_student_family_set(row->student, t->index, t->field, text, len,
                                                report);
            else
                st = stuinfo_student_history_set(row->student, t->index, t->field, text,
                                                 len, report);
        }
        if (st == STUINFO_ERR_NOMEM || st == STUINFO_ERR_ICU)
            return st;
        if (st != STUINFO_OK && st != STUINFO_ERR_ENCODING && st != STUINFO_ERR_INVALID
            && st != STUINFO_ERR_TOO_LONG) {
            char colbuf[24], path[48];
            st = core_report_add(report, RULE_ROSTER_BAD_VALUE, map_column_path(r, c, path),
                                 core_fmt_int(colbuf, (int64_t)c + 1), NULL);
            if (st != STUINFO_OK)
                return st;
        }
    }
    if (r->opts.validate) {
        st = stuinfo_student_validate(row->student, &r->policy, report);
        if (st != STUINFO_OK)
            return st;
    }
    return STUINFO_OK;
}

stuinfo_status
stuinfo_roster_reader_map(stuinfo_roster_reader *reader, const char *heading, size_t len,
                          const char *path)
{
    struct roster_user_map *m;
    model_group g;
    size_t index;
    int32_t field;

    if (reader == NULL)
        return STUINFO_ERR_INVALID_ARGUMENT;
    if (heading == NULL || path == NULL)
        return core_fail(reader->ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_CORE_NULL_ARGUMENT,
                         NULL, NULL);
    if (reader->targets != NULL || reader->counts.rows_read > 0)
        return core_fail_status(reader->ctx, STUINFO_ERR_STATE);
    if (reader->n_user_map >= ROSTER_MAX_USER_MAP)
        return core_fail_status(reader->ctx, STUINFO_ERR_TOO_LONG);
    if (reader->user_map == NULL) {
        reader->user_map = core_calloc(reader->ctx, ROSTER_MAX_USER_MAP,
                                       sizeof(*reader->user_map));
        if (reader->user_map == NULL)
            return core_fail_status(reader->ctx, STUINFO_ERR_NOMEM);
    }
    m = &reader->user_map[reader->n_user_map];
    if (!map_norm(heading, len, m->heading))
        return core_fail_status(reader->ctx, STUINFO_ERR_TOO_LONG);
    if (m->heading[0] == '\0')         /* only spaces and markers: names no column */
        return core_fail_status(reader->ctx, STUINFO_ERR_INVALID_ARGUMENT);
    m->target.group = -1;
    if (path[0] != '\0') {
        if (!model_path_parse(path, strlen(path), &g, &index, &field)
            || index >= (g == MODEL_GROUP_HISTORY ? STUINFO_STUDENT_MAX_HISTORY
                                                  : STUINFO_STUDENT_MAX_FAMILY))
            return core_fail_status(reader->ctx, STUINFO_ERR_NOT_FOUND);
        m->target.group = (int8_t)g;
        m->target.index = (uint8_t)index;
        m->target.field = (int16_t)field;
    }
    reader->n_user_map++;
    return core_ok(reader->ctx);
}

/* Map every column; after a failure no mapping is kept, so the next call starts again. */
stuinfo_status
map_headings(stuinfo_roster_reader *r)
{
    stuinfo_status st = map_columns(r);

    if (st != STUINFO_OK) {
        core_free(r->ctx, r->targets);
        r->targets = NULL;
    }
    return st;
}
