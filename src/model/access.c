/* Setting and reading values: by field id, by family/history index, by path. */
#include <string.h>

#include "canon.h"
#include "core/report.h"
#include "date.h"
#include "student.h"
#include "text/name.h"

/* Room for the key or pinyin of the longest accepted name. */
#define DERIVED_MAX 1024
/* A value canonicalized on the stack when it needs no more room than this (values of
 * up to 120 bytes: every field of a roster but long free text). */
#define MODEL_SET_LOCAL 256

/*
 * The comparison key of a name about to be stored, into @p key (empty when the name has
 * none). Only running out of memory is an error: the setter then changes nothing.
 */
static stuinfo_status
make_name_key(stuinfo_student *st, const char *name, size_t len, struct model_value *key)
{
    char buf[DERIVED_MAX];
    size_t n = 0;
    stuinfo_status rc = STUINFO_OK;
    text_status ts;

    if (name == NULL || len == 0)
        return STUINFO_OK;
    ts = text_name_key(core_text(st->ctx), name, len, buf, sizeof(buf), &n);
    if (ts == TEXT_NOMEM)
        rc = core_fail_status(st->ctx, STUINFO_ERR_NOMEM);
    else if (ts == TEXT_OK)
        rc = model_store(st, key, buf, n);
    explicit_bzero(buf, sizeof(buf));
    return rc;
}

/*
 * The generated pinyin of a name about to be stored, into @p py (empty when there is
 * none: no name, nothing to transliterate, too long). Only running out of memory is an
 * error: the setter then changes nothing.
 */
static stuinfo_status
make_pinyin(stuinfo_student *st, const char *name, size_t len, struct model_value *py)
{
    char buf[DERIVED_MAX];
    char *canon = NULL;
    size_t n = 0, cn = 0, cap = 0;
    stuinfo_status rc = STUINFO_OK;
    const struct model_field_desc *pd = &model_student_fields[STUINFO_FIELD_NAME_PINYIN];
    text_status ts;

    if (name == NULL || len == 0)
        return STUINFO_OK;
    ts = text_han_latin(core_text(st->ctx), name, len, buf, sizeof(buf), &n);
    if (ts == TEXT_NOMEM) {
        rc = core_fail_status(st->ctx, STUINFO_ERR_NOMEM);
    } else if (ts == TEXT_OK && n > 0 && text_utf8_count(buf, n) <= pd->max) {
        /* Store what setting the pinyin by hand would store (a name with an outer U+2000
         * transliterates to an outer space, which set trims): the record then reads back
         * from its own JSON unchanged. A pinyin the field refuses is no pinyin. */
        rc = model_canon(st->ctx, pd, "name_pinyin", buf, n, NULL, &canon, &cn, &cap);
        if (rc == STUINFO_OK && cn > 0)
            rc = model_store(st, py, canon, cn);
        else if (rc != STUINFO_ERR_NOMEM)
            rc = STUINFO_OK;
    }
    if (canon != NULL)
        core_free_wipe(st->ctx, canon, cap);
    explicit_bzero(buf, sizeof(buf));
    return rc;
}

stuinfo_status
model_set(stuinfo_student *st, model_group group, size_t index, int32_t field,
          const char *text, size_t len, stuinfo_report *report)
{
    const struct model_field_desc *d;
    struct model_value *v;
    struct model_path_ref path = {.group = group, .index = index, .field = field};
    char num[24];
    char local[MODEL_SET_LOCAL];
    char *buf = NULL;
    size_t n = 0, cap = 0;
    stuinfo_status rc;
    struct model_value name_key = {0}, pinyin = {0};
    bool is_name, own_pinyin;

    if (st == NULL)
        return core_fail(NULL, STUINFO_ERR_INVALID_ARGUMENT, RULE_CORE_NULL_ARGUMENT, NULL,
                         NULL);
    d = model_field_desc(group, field);
    if (d == NULL)
        return core_fail(st->ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_STUDENT_UNKNOWN_FIELD,
                         core_fmt_int(num, field), NULL);
    v = (struct model_value *)model_value(st, group, index, field);
    if (v == NULL)
        return core_fail(st->ctx, STUINFO_ERR_NOT_FOUND, RULE_STUDENT_NO_SUCH_ENTRY,
                         model_path_ref_text(&path), NULL);
    if (text == NULL && len != 0)
        return core_fail(st->ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_STUDENT_BAD_ARGUMENT,
                         "text", NULL);
    if (text != NULL) {
        rc = model_canon_buf(st->ctx, d, &path, text, len, report, local, sizeof(local),
                             &buf, &n, &cap);
        if (rc != STUINFO_OK)
            return rc;
    }
    is_name = group == MODEL_GROUP_STUDENT && field == STUINFO_FIELD_NAME;
    /* A pinyin set by the caller wins; a generated one follows the name. */
    own_pinyin = is_name
                 && (st->v[STUINFO_FIELD_NAME_PINYIN].text == NULL || st->pinyin_generated);
    rc = is_name ? make_name_key(st, buf, n, &name_key) : STUINFO_OK;
    if (rc == STUINFO_OK && own_pinyin)
        rc = make_pinyin(st, buf, n, &pinyin);
    if (rc == STUINFO_OK && pinyin.text != NULL && report != NULL)
        rc = core_report_add(report, RULE_STUDENT_PINYIN_GENERATED, "name_pinyin",
                             "name_pinyin", NULL);
    if (rc == STUINFO_OK)
        rc = model_store(st, v, buf, n);
    if (buf == local)
        explicit_bzero(local, cap);
    else if (buf != NULL)
        core_free_wipe(st->ctx, buf, cap);
    if (rc != STUINFO_OK) {
        model_student_value_clear(st, &name_key);
        model_student_value_clear(st, &pinyin);
        return rc;
    }
    st->version++;
    if (is_name) {
        model_student_value_clear(st, &st->name_key);
        st->name_key = name_key;
    }
    if (own_pinyin) {
        model_student_value_clear(st, &st->v[STUINFO_FIELD_NAME_PINYIN]);
        st->v[STUINFO_FIELD_NAME_PINYIN] = pinyin;
        st->pinyin_generated = pinyin.text != NULL;
    } else if (group == MODEL_GROUP_STUDENT && field == STUINFO_FIELD_NAME_PINYIN) {
        st->pinyin_generated = false;
    }
    return core_ok(st->ctx);
}

static stuinfo_status
model_read(const stuinfo_student *st, model_group group, size_t index, int32_t field,
           const char **text, size_t *len)
{
    const struct model_value *v;
    char num[24], path[MODEL_PATH_MAX];

    if (text != NULL)
        *text = NULL;
    if (len != NULL)
        *len = 0;
    if (st == NULL || text == NULL)
        return core_fail(st != NULL ? st->ctx : NULL, STUINFO_ERR_INVALID_ARGUMENT,
                         RULE_CORE_NULL_ARGUMENT, NULL, NULL);
    if (model_field_desc(group, field) == NULL)
        return core_fail(st->ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_STUDENT_UNKNOWN_FIELD,
                         core_fmt_int(num, field), NULL);
    v = model_value(st, group, index, field);
    if (v == NULL)
        return core_fail(st->ctx, STUINFO_ERR_NOT_FOUND, RULE_STUDENT_NO_SUCH_ENTRY,
                         model_path_format(path, group, index, field), NULL);
    *text = v->text;
    if (len != NULL)
        *len = v->len;
    return core_ok(st->ctx);
}

stuinfo_status
stuinfo_student_set(stuinfo_student *st, int32_t field, const char *text, size_t len,
                    stuinfo_report *report)
{
    return model_set(st, MODEL_GROUP_STUDENT, 0, field, text, len, report);
}

stuinfo_status
stuinfo_student_get(const stuinfo_student *st, int32_t field, const char **text,
                    size_t *len)
{
    return model_read(st, MODEL_GROUP_STUDENT, 0, field, text, len);
}

stuinfo_status
stuinfo_student_family_set(stuinfo_student *st, size_t index, int32_t field,
                           const char *text, size_t len, stuinfo_report *report)
{
    return model_set(st, MODEL_GROUP_FAMILY, index, field, text, len, report);
}

stuinfo_status
stuinfo_student_family_get(const stuinfo_student *st, size_t index, int32_t field,
                           const char **text, size_t *len)
{
    return model_read(st, MODEL_GROUP_FAMILY, index, field, text, len);
}

stuinfo_status
stuinfo_student_history_set(stuinfo_student *st, size_t index, int32_t field,
                            const char *text, size_t len, stuinfo_report *report)
{
    return model_set(st, MODEL_GROUP_HISTORY, index, field, text, len, report);
}

stuinfo_status
stuinfo_student_history_get(const stuinfo_student *st, size_t index, int32_t field,
                            const char **text, size_t *len)
{
    return model_read(st, MODEL_GROUP_HISTORY, index, field, text, len);
}

static stuinfo_status
bad_path(const stuinfo_student *st, const char *path)
{
    (void)path;     /* a path may be anything the caller typed: never echoed */
    return core_fail(st->ctx, STUINFO_ERR_NOT_FOUND, RULE_STUDENT_UNKNOWN_FIELD, "path",
                     NULL);
}

stuinfo_status
stuinfo_student_set_path(stuinfo_student *st, const char *path, const char *text,
                         size_t len, stuinfo_report *report)
{
    model_group g;
    size_t index;
    int32_t field;

    if (st == NULL || path == NULL)
        return core_fail(st != NULL ? st->ctx : NULL, STUINFO_ERR_INVALID_ARGUMENT,
                         RULE_CORE_NULL_ARGUMENT, NULL, NULL);
    if (!model_path_parse(path, strnlen(path, MODEL_PATH_MAX + 1), &g, &index, &field))
        return bad_path(st, path);
    return model_set(st, g, index, field, text, len, report);
}

stuinfo_status
stuinfo_student_get_path(const stuinfo_student *st, const char *path, const char **text,
                         size_t *len)
{
    model_group g;
    size_t index;
    int32_t field;

    if (text != NULL)
        *text = NULL;
    if (len != NULL)
        *len = 0;
    if (st == NULL || path == NULL || text == NULL)
        return core_fail(st != NULL ? st->ctx : NULL, STUINFO_ERR_INVALID_ARGUMENT,
                         RULE_CORE_NULL_ARGUMENT, NULL, NULL);
    if (!model_path_parse(path, strnlen(path, MODEL_PATH_MAX + 1), &g, &index, &field))
        return bad_path(st, path);
    return model_read(st, g, index, field, text, len);
}

stuinfo_status
stuinfo_student_set_date(stuinfo_student *st, int32_t field, int32_t year, int32_t month,
                         int32_t day)
{
    const struct model_field_desc *d;
    char buf[12];

    if (st == NULL)
        return core_fail(NULL, STUINFO_ERR_INVALID_ARGUMENT, RULE_CORE_NULL_ARGUMENT, NULL,
                         NULL);
    d = model_field_desc(MODEL_GROUP_STUDENT, field);
    if (d == NULL || d->kind != MODEL_KIND_DATE)
        return core_fail(st->ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_STUDENT_NOT_DATE_FIELD,
                         d != NULL ? d->key : "?", NULL);
    if (!model_date_real(year, month, day))
        return core_fail(st->ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_STUDENT_BAD_DATE,
                         d->key, NULL);
    model_date_format(buf, year, month, day);
    return model_set(st, MODEL_GROUP_STUDENT, 0, field, buf, 10, NULL);
}

stuinfo_status
stuinfo_student_set_flag(stuinfo_student *st, int32_t field, int32_t value)
{
    const struct model_field_desc *d;

    if (st == NULL)
        return core_fail(NULL, STUINFO_ERR_INVALID_ARGUMENT, RULE_CORE_NULL_ARGUMENT, NULL,
                         NULL);
    d = model_field_desc(MODEL_GROUP_STUDENT, field);
    if (d == NULL || d->kind != MODEL_KIND_FLAG)
        return core_fail(st->ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_STUDENT_NOT_FLAG_FIELD,
                         d != NULL ? d->key : "?", NULL);
    if (value != 0 && value != 1)
        return core_fail(st->ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_STUDENT_BAD_FLAG,
                         d->key, NULL);
    return model_set(st, MODEL_GROUP_STUDENT, 0, field, value ? "1" : "0", 1, NULL);
}

stuinfo_status
stuinfo_student_name_key(const stuinfo_student *st, const char **text, size_t *len)
{
    if (text != NULL)
        *text = NULL;
    if (len != NULL)
        *len = 0;
    if (st == NULL || text == NULL)
        return core_fail(st != NULL ? st->ctx : NULL, STUINFO_ERR_INVALID_ARGUMENT,
                         RULE_CORE_NULL_ARGUMENT, NULL, NULL);
    *text = st->name_key.text;
    if (len != NULL)
        *len = st->name_key.len;
    return core_ok(st->ctx);
}
