/* The student record: lifetime, storage, family members and history entries. */
#include <string.h>

#include "student.h"

stuinfo_status
stuinfo_student_new(stuinfo_ctx *ctx, stuinfo_student **out)
{
    stuinfo_student *st;

    if (out != NULL)
        *out = NULL;
    if (ctx == NULL || out == NULL)
        return core_fail(ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_CORE_NULL_ARGUMENT,
                         NULL, NULL);
    st = core_calloc(ctx, 1, sizeof(*st));
    if (st == NULL)
        return core_fail_status(ctx, STUINFO_ERR_NOMEM);
    st->ctx = ctx;
    core_ctx_attach(ctx);
    *out = st;
    return core_ok(ctx);
}

void
model_value_clear(stuinfo_ctx *ctx, struct model_value *v)
{
    if (v->text != NULL)
        core_free_wipe(ctx, v->text, (size_t)v->len + 1);
    v->text = NULL;
    v->len = 0;
}

static bool
in_arena(const stuinfo_student *st, const char *p)
{
    uintptr_t a = (uintptr_t)st->arena, q = (uintptr_t)p;

    return st->arena != NULL && q >= a && q < a + MODEL_ARENA_SIZE;
}

/* Room for @p n bytes in the arena, or NULL when it is full. */
static char *
arena_take(stuinfo_student *st, size_t n)
{
    char *p;

    if (n > MODEL_ARENA_SIZE - st->arena_used)
        return NULL;
    p = st->arena + st->arena_used;
    st->arena_used += (uint32_t)n;
    return p;
}

void
model_student_value_clear(stuinfo_student *st, struct model_value *v)
{
    if (v->text != NULL && in_arena(st, v->text)) {
        explicit_bzero(v->text, (size_t)v->len + 1);
        v->text = NULL;
        v->len = 0;
        return;
    }
    model_value_clear(st->ctx, v);
}

stuinfo_status
model_store(stuinfo_student *st, struct model_value *v, const char *text, size_t len)
{
    char *copy = NULL;

    if (len > 0 && st->arena == NULL) {
        st->arena = core_alloc(st->ctx, MODEL_ARENA_SIZE);
        st->arena_used = 0;
        if (st->arena == NULL)
            return core_fail_status(st->ctx, STUINFO_ERR_NOMEM);
    }
    if (len > 0 && (copy = arena_take(st, len + 1)) != NULL) {
        memcpy(copy, text, len);
        copy[len] = '\0';
    } else if (len > 0) {
        copy = core_strndup(st->ctx, text, len);
        if (copy == NULL)
            return core_fail_status(st->ctx, STUINFO_ERR_NOMEM);
    }
    /* Allocate-copy-wipe-free: personal data never moves by realloc. */
    model_student_value_clear(st, v);
    v->text = copy;
    v->len = (uint32_t)len;
    return STUINFO_OK;
}

static void
family_free(stuinfo_student *st, struct model_family *f)
{
    if (f == NULL)
        return;
    for (int32_t i = 1; i <= MODEL_FAMILY_FIELD_COUNT; i++)
        model_student_value_clear(st, &f->v[i]);
    core_free(st->ctx, f);
}

static void
history_free(stuinfo_student *st, struct model_history *h)
{
    if (h == NULL)
        return;
    for (int32_t i = 1; i <= MODEL_HISTORY_FIELD_COUNT; i++)
        model_student_value_clear(st, &h->v[i]);
    core_free(st->ctx, h);
}

/* Wipe and free everything the record holds but itself and its arena (wiped). */
static void
release_values(stuinfo_student *st)
{
    stuinfo_ctx *ctx = st->ctx;

    for (int32_t i = 1; i <= MODEL_STUDENT_FIELD_COUNT; i++)
        model_student_value_clear(st, &st->v[i]);
    model_student_value_clear(st, &st->name_key);
    if (st->json != NULL)
        core_free_wipe(ctx, st->json, st->json_len + 1);
    for (size_t i = 0; i < st->family_count; i++)
        family_free(st, st->family[i]);
    for (size_t i = 0; i < st->history_count; i++)
        history_free(st, st->history[i]);
    if (st->arena != NULL)
        explicit_bzero(st->arena, st->arena_used);
}

void
model_student_reset(stuinfo_student *st)
{
    stuinfo_ctx *ctx = st->ctx;
    char *arena = st->arena;

    release_values(st);
    /* every member back to what stuinfo_student_new() gives */
    memset(st, 0, sizeof(*st));
    st->ctx = ctx;
    st->arena = arena;
}

void
stuinfo_student_free(stuinfo_student *st)
{
    stuinfo_ctx *ctx;

    if (st == NULL)
        return;
    ctx = st->ctx;
    release_values(st);
    core_free_wipe(ctx, st->arena, st->arena != NULL ? MODEL_ARENA_SIZE : 0);
    core_free_wipe(ctx, st, sizeof(*st));
    core_ctx_detach(ctx);
}

static bool
copy_values(stuinfo_student *dst, struct model_value *to, const struct model_value *from,
            int32_t count)
{
    for (int32_t i = 1; i <= count; i++)
        if (from[i].text != NULL && model_store(dst, &to[i], from[i].text, from[i].len) != 0)
            return false;
    return true;
}

stuinfo_status
stuinfo_student_clone(const stuinfo_student *st, stuinfo_student **out)
{
    stuinfo_student *c = NULL;
    stuinfo_ctx *ctx;
    stuinfo_status rc;

    if (out != NULL)
        *out = NULL;
    if (st == NULL || out == NULL)
        return core_fail(st != NULL ? st->ctx : NULL, STUINFO_ERR_INVALID_ARGUMENT,
                         RULE_CORE_NULL_ARGUMENT, NULL, NULL);
    ctx = st->ctx;
    rc = stuinfo_student_new(ctx, &c);
    if (c == NULL)
        return rc;
    if (!copy_values(c, c->v, st->v, MODEL_STUDENT_FIELD_COUNT))
        goto nomem;
    if (st->name_key.text != NULL
        && model_store(c, &c->name_key, st->name_key.text, st->name_key.len) != 0)
        goto nomem;
    for (size_t i = 0; i < st->family_count; i++) {
        c->family[i] = core_calloc(ctx, 1, sizeof(struct model_family));
        if (c->family[i] == NULL)
            goto nomem;
        c->family_count++;
        if (!copy_values(c, c->family[i]->v, st->family[i]->v, MODEL_FAMILY_FIELD_COUNT))
            goto nomem;
    }
    for (size_t i = 0; i < st->history_count; i++) {
        c->history[i] = core_calloc(ctx, 1, sizeof(struct model_history));
        if (c->history[i] == NULL)
            goto nomem;
        c->history_count++;
        if (!copy_values(c, c->history[i]->v, st->history[i]->v,
                         MODEL_HISTORY_FIELD_COUNT))
            goto nomem;
    }
    c->pinyin_generated = st->pinyin_generated;
    c->version = st->version;
    *out = c;
    return core_ok(ctx);
nomem:
    stuinfo_student_free(c);
    return core_fail_status(ctx, STUINFO_ERR_NOMEM);
}

uint64_t
stuinfo_student_version(const stuinfo_student *st)
{
    return st != NULL ? st->version : 0;
}

const struct model_value *
model_value(const stuinfo_student *st, model_group group, size_t index, int32_t field)
{
    if (model_field_desc(group, field) == NULL)
        return NULL;
    switch (group) {
    case MODEL_GROUP_STUDENT:
        return &st->v[field];
    case MODEL_GROUP_FAMILY:
        return index < st->family_count ? &st->family[index]->v[field] : NULL;
    case MODEL_GROUP_HISTORY:
        return index < st->history_count ? &st->history[index]->v[field] : NULL;
    }
    return NULL;
}

const char *
model_get(const stuinfo_student *st, int32_t field, size_t *len)
{
    const struct model_value *v = model_value(st, MODEL_GROUP_STUDENT, 0, field);

    if (len != NULL)
        *len = v != NULL ? v->len : 0;
    return v != NULL ? v->text : NULL;
}

/* ---- family members and history entries ------------------------------------------ */

static stuinfo_status
entry_add(stuinfo_student *st, model_group group, size_t *index_out)
{
    size_t *count;
    void **slot;
    size_t cap, size;

    if (index_out != NULL)
        *index_out = 0;
    if (st == NULL)
        return core_fail(NULL, STUINFO_ERR_INVALID_ARGUMENT, RULE_CORE_NULL_ARGUMENT,
                         NULL, NULL);
    if (group == MODEL_GROUP_FAMILY) {
        count = &st->family_count;
        cap = STUINFO_STUDENT_MAX_FAMILY;
        size = sizeof(struct model_family);
        slot = (void **)&st->family[*count < cap ? *count : 0];
    } else {
        count = &st->history_count;
        cap = STUINFO_STUDENT_MAX_HISTORY;
        size = sizeof(struct model_history);
        slot = (void **)&st->history[*count < cap ? *count : 0];
    }
    if (*count >= cap)
        return core_fail(st->ctx, STUINFO_ERR_TOO_LONG,
                         group == MODEL_GROUP_FAMILY ? RULE_STUDENT_TOO_MANY_FAMILY
                                                     : RULE_STUDENT_TOO_MANY_HISTORY,
                         NULL, NULL);
    *slot = core_calloc(st->ctx, 1, size);
    if (*slot == NULL)
        return core_fail_status(st->ctx, STUINFO_ERR_NOMEM);
    if (index_out != NULL)
        *index_out = *count;
    (*count)++;
    st->version++;
    return core_ok(st->ctx);
}

static stuinfo_status
entry_remove(stuinfo_student *st, model_group group, size_t index)
{
    if (st == NULL)
        return core_fail(NULL, STUINFO_ERR_INVALID_ARGUMENT, RULE_CORE_NULL_ARGUMENT,
                         NULL, NULL);
    if (group == MODEL_GROUP_FAMILY) {
        if (index >= st->family_count)
            return core_fail(st->ctx, STUINFO_ERR_NOT_FOUND, RULE_STUDENT_NO_SUCH_ENTRY,
                             "family", NULL);
        family_free(st, st->family[index]);
        for (size_t i = index; i + 1 < st->family_count; i++)
            st->family[i] = st->family[i + 1];
        st->family[--st->family_count] = NULL;
    } else {
        if (index >= st->history_count)
            return core_fail(st->ctx, STUINFO_ERR_NOT_FOUND, RULE_STUDENT_NO_SUCH_ENTRY,
                             "history", NULL);
        history_free(st, st->history[index]);
        for (size_t i = index; i + 1 < st->history_count; i++)
            st->history[i] = st->history[i + 1];
        st->history[--st->history_count] = NULL;
    }
    st->version++;
    return core_ok(st->ctx);
}

stuinfo_status
stuinfo_student_family_add(stuinfo_student *st, size_t *index_out)
{
    return entry_add(st, MODEL_GROUP_FAMILY, index_out);
}

stuinfo_status
stuinfo_student_family_remove(stuinfo_student *st, size_t index)
{
    return entry_remove(st, MODEL_GROUP_FAMILY, index);
}

size_t
stuinfo_student_family_count(const stuinfo_student *st)
{
    return st != NULL ? st->family_count : 0;
}

stuinfo_status
stuinfo_student_history_add(stuinfo_student *st, size_t *index_out)
{
    return entry_add(st, MODEL_GROUP_HISTORY, index_out);
}

stuinfo_status
stuinfo_student_history_remove(stuinfo_student *st, size_t index)
{
    return entry_remove(st, MODEL_GROUP_HISTORY, index);
}

size_t
stuinfo_student_history_count(const stuinfo_student *st)
{
    return st != NULL ? st->history_count : 0;
}
