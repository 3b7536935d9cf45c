/* Field descriptors by group, keys and labels, and field paths. */
#include <string.h>

#include "student.h"

const struct model_field_desc *
model_group_fields(model_group group, int32_t *count)
{
    switch (group) {
    case MODEL_GROUP_STUDENT:
        *count = MODEL_STUDENT_FIELD_COUNT;
        return model_student_fields;
    case MODEL_GROUP_FAMILY:
        *count = MODEL_FAMILY_FIELD_COUNT;
        return model_family_fields;
    case MODEL_GROUP_HISTORY:
        *count = MODEL_HISTORY_FIELD_COUNT;
        return model_history_fields;
    }
    *count = 0;
    return NULL;
}

const struct model_field_desc *
model_field_desc(model_group group, int32_t field)
{
    int32_t count;
    const struct model_field_desc *d = model_group_fields(group, &count);

    if (d == NULL || field < 1 || field > count)
        return NULL;
    return &d[field];
}

int32_t
model_field_by_key(model_group group, const char *key, size_t len)
{
    int32_t count;
    const struct model_field_desc *d = model_group_fields(group, &count);

    if (d == NULL || key == NULL)
        return 0;
    /* Sixty-odd short keys: a linear scan is fast enough and needs no sorted copy. */
    for (int32_t i = 1; i <= count; i++)
        if (strlen(d[i].key) == len && memcmp(d[i].key, key, len) == 0)
            return i;
    return 0;
}

static bool
parse_index(const char *s, size_t len, size_t *pos, size_t *index)
{
    size_t v = 0, start = *pos;

    while (*pos < len && s[*pos] >= '0' && s[*pos] <= '9') {
        v = v * 10 + (size_t)(s[*pos] - '0');
        if (v > 1000)
            return false;
        (*pos)++;
    }
    /* No digits, or a leading zero in a multi-digit index. */
    if (*pos == start || (s[start] == '0' && *pos - start > 1))
        return false;
    *index = v;
    return true;
}

bool
model_path_parse(const char *path, size_t len, model_group *group, size_t *index,
                 int32_t *field)
{
    static const struct { const char *name; size_t n; model_group g; } arrays[] = {
        {"family[", 7, MODEL_GROUP_FAMILY},
        {"history[", 8, MODEL_GROUP_HISTORY},
    };

    if (path == NULL)
        return false;
    for (size_t a = 0; a < sizeof(arrays) / sizeof(arrays[0]); a++) {
        size_t pos = arrays[a].n;

        if (len <= pos || memcmp(path, arrays[a].name, pos) != 0)
            continue;
        if (!parse_index(path, len, &pos, index))
            return false;
        if (pos + 2 > len || path[pos] != ']' || path[pos + 1] != '.')
            return false;
        pos += 2;
        *field = model_field_by_key(arrays[a].g, path + pos, len - pos);
        *group = arrays[a].g;
        return *field != 0;
    }
    *group = MODEL_GROUP_STUDENT;
    *index = 0;
    *field = model_field_by_key(MODEL_GROUP_STUDENT, path, len);
    return *field != 0;
}

char *
model_path_format(char *buf, model_group group, size_t index, int32_t field)
{
    const struct model_field_desc *d = model_field_desc(group, field);
    const char *key = d != NULL ? d->key : "?";
    char num[24];
    size_t n = 0, k;

    /* Plain string building: the library uses no printf family. */
    if (group == MODEL_GROUP_FAMILY || group == MODEL_GROUP_HISTORY) {
        const char *g = group == MODEL_GROUP_FAMILY ? "family[" : "history[";

        core_fmt_int(num, (int64_t)index);
        k = strlen(g);
        memcpy(buf, g, k);
        n = k;
        k = strlen(num);
        memcpy(buf + n, num, k);
        n += k;
        buf[n++] = ']';
        buf[n++] = '.';
    }
    k = strlen(key);
    if (n + k >= MODEL_PATH_MAX)
        k = MODEL_PATH_MAX - 1 - n;
    memcpy(buf + n, key, k);
    buf[n + k] = '\0';
    return buf;
}

static const char *
key_of(model_group group, int32_t field)
{
    const struct model_field_desc *d = model_field_desc(group, field);

    return d != NULL ? d->key : NULL;
}

static const char *
label_of(model_group group, int32_t field)
{
    const struct model_field_desc *d = model_field_desc(group, field);

    return d != NULL ? d->label_zh : NULL;
}

const char *
stuinfo_field_key(int32_t field)
{
    return key_of(MODEL_GROUP_STUDENT, field);
}

const char *
stuinfo_field_label(int32_t field)
{
    return label_of(MODEL_GROUP_STUDENT, field);
}

const char *
stuinfo_family_field_key(int32_t field)
{
    return key_of(MODEL_GROUP_FAMILY, field);
}

const char *
stuinfo_family_field_label(int32_t field)
{
    return label_of(MODEL_GROUP_FAMILY, field);
}

const char *
stuinfo_history_field_key(int32_t field)
{
    return key_of(MODEL_GROUP_HISTORY, field);
}

const char *
stuinfo_history_field_label(int32_t field)
{
    return label_of(MODEL_GROUP_HISTORY, field);
}

stuinfo_status
stuinfo_field_from_key(const char *key, size_t len, int32_t *out)
{
    if (out != NULL)
        *out = 0;
    if (key == NULL || out == NULL)
        return STUINFO_ERR_INVALID_ARGUMENT;
    *out = model_field_by_key(MODEL_GROUP_STUDENT, key, len);
    return *out != 0 ? STUINFO_OK : STUINFO_ERR_NOT_FOUND;
}
