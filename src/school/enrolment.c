/*
 * The enrolment lifecycle: statuses, events and the transition table from
 * data/codes/enrolment/{status,event}.tsv, and a history of events in a hash chain (core/chain.h).
 */
#include <string.h>

#include "enrolment.h"
#include "model/date.h"

const struct enrol_event_desc *
enrol_event_find(int32_t code)
{
    for (size_t i = 0; i < ENROL_EVENT_COUNT; i++)
        if (enrol_events[i].code == code)
            return &enrol_events[i];
    return NULL;
}

const struct enrol_event_desc *
enrol_event_by_key(const char *key, size_t len)
{
    for (size_t i = 0; i < ENROL_EVENT_COUNT; i++)
        if (strlen(enrol_events[i].key) == len && memcmp(enrol_events[i].key, key, len) == 0)
            return &enrol_events[i];
    return NULL;
}

int32_t
enrol_status_by_key(const char *key, size_t len)
{
    for (int32_t i = 0; i < ENROL_STATUS_COUNT; i++)
        if (strlen(enrol_statuses[i].key) == len
            && memcmp(enrol_statuses[i].key, key, len) == 0)
            return i;
    return -1;
}

/* Names in the ctx language for messages (statuses and events carry no personal data). */
static const char *
status_name(stuinfo_ctx *ctx, int32_t s)
{
    if (s < 0 || s >= ENROL_STATUS_COUNT)
        return "?";
    return core_lang(ctx) == STUINFO_LANG_EN ? enrol_statuses[s].name_en
                                             : enrol_statuses[s].name_zh;
}

static const char *
event_name(stuinfo_ctx *ctx, const struct enrol_event_desc *e)
{
    return core_lang(ctx) == STUINFO_LANG_EN ? e->name_en : e->name_zh;
}

static stuinfo_status
refuse(stuinfo_enrolment *en, int32_t refusal, stuinfo_status status, rule_id rule,
       const char *arg1, const char *arg2)
{
    en->refusal = refusal;
    return core_fail(en->ctx, status, rule, arg1, arg2);
}

/* The refusal for an event the transition table does not allow after the status. */
static stuinfo_status
refuse_transition(stuinfo_enrolment *en, const struct enrol_event_desc *e)
{
    const char *sn = status_name(en->ctx, en->status), *evn = event_name(en->ctx, e);

    if (enrol_statuses[en->status].terminal)
        return refuse(en, STUINFO_ENROLMENT_REFUSAL_TERMINAL,
                      en->status == STUINFO_ENROLMENT_GRADUATED ? STUINFO_ERR_LOCKED_GRADUATED
                                                                : STUINFO_ERR_STATE,
                      RULE_SCHOOL_ENROLMENT_TERMINAL, sn, evn);
    if (e->code == STUINFO_ENROLMENT_EVENT_RESUME)
        return refuse(en, STUINFO_ENROLMENT_REFUSAL_NOT_SUSPENDED, STUINFO_ERR_STATE,
                      RULE_SCHOOL_ENROLMENT_NOT_SUSPENDED, sn, evn);
    switch (en->status) {
    case STUINFO_ENROLMENT_NONE:
        return refuse(en, STUINFO_ENROLMENT_REFUSAL_NOT_ENROLLED, STUINFO_ERR_STATE,
                      RULE_SCHOOL_ENROLMENT_NOT_ENROLLED, sn, evn);
    case STUINFO_ENROLMENT_SUSPENDED:
        return refuse(en, STUINFO_ENROLMENT_REFUSAL_SUSPENDED, STUINFO_ERR_STATE,
                      RULE_SCHOOL_ENROLMENT_SUSPENDED, sn, evn);
    case STUINFO_ENROLMENT_TRANSFERRED_OUT:
        return refuse(en, STUINFO_ENROLMENT_REFUSAL_TRANSFERRED_OUT, STUINFO_ERR_STATE,
                      RULE_SCHOOL_ENROLMENT_TRANSFERRED_OUT, sn, evn);
    case STUINFO_ENROLMENT_DROPPED_OUT:
        return refuse(en, STUINFO_ENROLMENT_REFUSAL_DROPPED_OUT, STUINFO_ERR_STATE,
                      RULE_SCHOOL_ENROLMENT_DROPPED_OUT, sn, evn);
    default:
        return refuse(en, STUINFO_ENROLMENT_REFUSAL_ALREADY_ENROLLED, STUINFO_ERR_STATE,
                      RULE_SCHOOL_ENROLMENT_ALREADY_ENROLLED, sn, evn);
    }
}

static bool
is_date(const struct model_value *v)
{
    int32_t y, m, d;

    return v->text == NULL || model_date_read(v->text, v->len, &y, &m, &d);
}

static bool
is_school_id(const struct model_value *v)
{
    if (v->text == NULL)
        return true;
    if (v->len != 10)
        return false;
    for (size_t i = 0; i < 10; i++)
        if (v->text[i] < '0' || v->text[i] > '9')
            return false;
    return true;
}

static const char *
last_date(const stuinfo_enrolment *en)
{
    return en->count > 0 ? en->entries[en->count - 1]->v[STUINFO_ENROLMENT_FIELD_DATE].text
                         : NULL;
}

stuinfo_status
enrol_check(stuinfo_enrolment *en, const struct enrol_event_desc *e,
            const struct model_value *v)
{
    static const int32_t dates[] = {STUINFO_ENROLMENT_FIELD_DATE,
                                    STUINFO_ENROLMENT_FIELD_PERIOD_FROM,
                                    STUINFO_ENROLMENT_FIELD_PERIOD_TO,
                                    STUINFO_ENROLMENT_FIELD_GRADUATION_DATE};
    static const int32_t ids[] = {STUINFO_ENROLMENT_FIELD_SCHOOL_ID,
                                  STUINFO_ENROLMENT_FIELD_FROM_SCHOOL_ID};
    const struct school_field_desc *fd = school_event_fields;
    uint32_t need;
    const char *prev;

    en->refusal = STUINFO_ENROLMENT_REFUSAL_NONE;
    if ((e->from & (1u << en->status)) == 0)
        return refuse_transition(en, e);
    if (v == NULL)
        return core_ok(en->ctx);
    need = e->requires | (1u << STUINFO_ENROLMENT_FIELD_DATE)
           | (1u << STUINFO_ENROLMENT_FIELD_ACTOR) | (1u << STUINFO_ENROLMENT_FIELD_ROLE);
    for (int32_t f = 1; f <= SCHOOL_EVENT_FIELD_COUNT; f++)
        if ((need & (1u << f)) != 0 && v[f].text == NULL)
            return refuse(en, STUINFO_ENROLMENT_REFUSAL_MISSING_FIELD, STUINFO_ERR_INVALID,
                          RULE_SCHOOL_ENROLMENT_FIELD_REQUIRED, fd[f].m.key,
                          event_name(en->ctx, e));
    for (size_t i = 0; i < sizeof(dates) / sizeof(dates[0]); i++)
        if (!is_date(&v[dates[i]]))
            return refuse(en, STUINFO_ENROLMENT_REFUSAL_BAD_VALUE, STUINFO_ERR_INVALID,
                          RULE_SCHOOL_ENROLMENT_BAD_VALUE, fd[dates[i]].m.key, NULL);
    for (size_t i = 0; i < sizeof(ids) / sizeof(ids[0]); i++)
        if (!is_school_id(&v[ids[i]]))
            return refuse(en, STUINFO_ENROLMENT_REFUSAL_BAD_VALUE, STUINFO_ERR_INVALID,
                          RULE_SCHOOL_ENROLMENT_BAD_VALUE, fd[ids[i]].m.key, NULL);
    prev = last_date(en);
    if (prev != NULL && strcmp(v[STUINFO_ENROLMENT_FIELD_DATE].text, prev) < 0)
        return refuse(en, STUINFO_ENROLMENT_REFUSAL_DATE_ORDER, STUINFO_ERR_INVALID,
                      RULE_SCHOOL_ENROLMENT_DATE_ORDER, prev, NULL);
    if (v[STUINFO_ENROLMENT_FIELD_PERIOD_FROM].text != NULL
        && v[STUINFO_ENROLMENT_FIELD_PERIOD_TO].text != NULL
        && strcmp(v[STUINFO_ENROLMENT_FIELD_PERIOD_TO].text,
                  v[STUINFO_ENROLMENT_FIELD_PERIOD_FROM].text) < 0)
        return refuse(en, STUINFO_ENROLMENT_REFUSAL_BAD_PERIOD, STUINFO_ERR_INVALID,
                      RULE_SCHOOL_ENROLMENT_BAD_PERIOD, NULL, NULL);
    return core_ok(en->ctx);
}

static void
entry_free(stuinfo_ctx *ctx, struct enrol_entry *x)
{
    if (x == NULL)
        return;
    for (int32_t f = 1; f <= SCHOOL_EVENT_FIELD_COUNT; f++)
        model_value_clear(ctx, &x->v[f]);
    core_free(ctx, x);
}

/* The canonical bytes of an entry: event, status, then each non-empty field by id. */
static void
encode(struct chain_enc *enc, const struct enrol_entry *x)
{
    chain_enc_i64(enc, 1, x->event);
    chain_enc_i64(enc, 2, x->status);
    for (int32_t f = 1; f <= SCHOOL_EVENT_FIELD_COUNT; f++)
        if (x->v[f].text != NULL)
            chain_enc_str(enc, (uint8_t)(16 + f), x->v[f].text, x->v[f].len);
}

stuinfo_status
enrol_append(stuinfo_enrolment *en, const struct enrol_event_desc *e,
             const struct model_value *v, const uint8_t *stored_prev,
             const uint8_t *stored_hash)
{
    struct enrol_entry *x;
    struct chain_enc enc;
    stuinfo_status st;

    if (en->count == en->cap) {
        size_t cap = en->cap == 0 ? 8 : en->cap * 2;
        struct enrol_entry **p = core_realloc(en->ctx, en->entries,
                                              en->cap * sizeof(struct enrol_entry *),
                                              cap * sizeof(struct enrol_entry *));

        if (p == NULL)
            return core_fail_status(en->ctx, STUINFO_ERR_NOMEM);
        en->entries = p;
        en->cap = cap;
    }
    x = core_calloc(en->ctx, 1, sizeof(*x));
    if (x == NULL)
        return core_fail_status(en->ctx, STUINFO_ERR_NOMEM);
    x->event = e->code;
    x->status = e->to >= 0 ? e->to : en->status;
    for (int32_t f = 1; f <= SCHOOL_EVENT_FIELD_COUNT; f++) {
        if (v[f].text == NULL)
            continue;
        x->v[f].text = core_strndup(en->ctx, v[f].text, v[f].len);
        x->v[f].len = v[f].len;
        if (x->v[f].text == NULL) {
            entry_free(en->ctx, x);
            return core_fail_status(en->ctx, STUINFO_ERR_NOMEM);
        }
    }
    chain_enc_init(&enc, en->ctx);
    encode(&enc, x);
    st = chain_enc_status(&enc);
    if (st == STUINFO_OK)
        st = stored_hash != NULL ? chain_load(&en->chain, enc.buf, enc.len, stored_prev,
                                              stored_hash)
                                 : chain_append(&en->chain, enc.buf, enc.len);
    chain_enc_clear(&enc);
    if (st != STUINFO_OK) {
        entry_free(en->ctx, x);
        return core_fail_status(en->ctx, st);
    }
    en->entries[en->count++] = x;
    en->status = x->status;
    if (e->code == STUINFO_ENROLMENT_EVENT_REPORT)
        en->reported = true;
    return core_ok(en->ctx);
}

stuinfo_status
enrol_new(stuinfo_ctx *ctx, const uint8_t *key, size_t key_len, stuinfo_enrolment **out)
{
    stuinfo_enrolment *en;

    if (out != NULL)
        *out = NULL;
    if (ctx == NULL || out == NULL || (key == NULL && key_len > 0))
        return core_fail(ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_CORE_NULL_ARGUMENT, NULL,
                         NULL);
    en = core_calloc(ctx, 1, sizeof(*en));
    if (en == NULL)
        return core_fail_status(ctx, STUINFO_ERR_NOMEM);
    en->ctx = ctx;
    if (key_len > 0) {
        if (chain_init_keyed(&en->chain, ctx, key, key_len) != STUINFO_OK) {
            core_free(ctx, en);
            return core_fail(ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_SCHOOL_ENROLMENT_KEY,
                             NULL, NULL);
        }
    } else {
        chain_init(&en->chain, ctx);
    }
    school_record_init(&en->pending, ctx, SCHOOL_REC_EVENT);
    core_ctx_attach(ctx);
    *out = en;
    return core_ok(ctx);
}

stuinfo_status
stuinfo_enrolment_new(stuinfo_ctx *ctx, stuinfo_enrolment **out)
{
    return enrol_new(ctx, NULL, 0, out);
}

stuinfo_status
stuinfo_enrolment_new_keyed(stuinfo_ctx *ctx, const uint8_t *key, size_t key_len,
                            stuinfo_enrolment **out)
{
    if (key == NULL || key_len == 0) {
        if (out != NULL)
            *out = NULL;
        return core_fail(ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_SCHOOL_ENROLMENT_KEY, NULL,
                         NULL);
    }
    return enrol_new(ctx, key, key_len, out);
}

void
stuinfo_enrolment_free(stuinfo_enrolment *en)
{
    stuinfo_ctx *ctx;

    if (en == NULL)
        return;
    ctx = en->ctx;
    for (size_t i = 0; i < en->count; i++)
        entry_free(ctx, en->entries[i]);
    core_free(ctx, en->entries);
    chain_clear(&en->chain);
    school_record_clear(&en->pending);
    if (en->json != NULL)
        core_free_wipe(ctx, en->json, en->json_len + 1);
    core_free(ctx, en);
    core_ctx_detach(ctx);
}

stuinfo_status
stuinfo_enrolment_begin(stuinfo_enrolment *en, int32_t event)
{
    if (en == NULL)
        return core_fail_status(NULL, STUINFO_ERR_INVALID_ARGUMENT);
    school_record_clear(&en->pending);
    en->pending_event = 0;
    if (enrol_event_find(event) == NULL)
        return core_fail(en->ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_SCHOOL_ENROLMENT_NO_EVENT,
                         NULL, NULL);
    en->pending_event = event;
    return core_ok(en->ctx);
}

stuinfo_status
stuinfo_enrolment_set(stuinfo_enrolment *en, int32_t field, const char *text, size_t len,
                      stuinfo_report *report)
{
    if (en == NULL)
        return core_fail_status(NULL, STUINFO_ERR_INVALID_ARGUMENT);
    if (en->pending_event == 0)
        return core_fail(en->ctx, STUINFO_ERR_STATE, RULE_SCHOOL_ENROLMENT_NO_EVENT, NULL,
                         NULL);
    return school_record_set(&en->pending, NULL, field, text, len, report);
}

stuinfo_status
stuinfo_enrolment_commit(stuinfo_enrolment *en)
{
    const struct enrol_event_desc *e;
    stuinfo_status st;

    if (en == NULL)
        return core_fail_status(NULL, STUINFO_ERR_INVALID_ARGUMENT);
    e = enrol_event_find(en->pending_event);
    if (e == NULL)
        return refuse(en, STUINFO_ENROLMENT_REFUSAL_NO_EVENT, STUINFO_ERR_STATE,
                      RULE_SCHOOL_ENROLMENT_NO_EVENT, NULL, NULL);
    st = enrol_check(en, e, en->pending.v);
    if (st != STUINFO_OK)
        return st;
    st = enrol_append(en, e, en->pending.v, NULL, NULL);
    if (st != STUINFO_OK)
        return st;
    school_record_clear(&en->pending);
    en->pending_event = 0;
    return core_ok(en->ctx);
}

stuinfo_status
stuinfo_enrolment_can(stuinfo_enrolment *en, int32_t event)
{
    const struct enrol_event_desc *e;

    if (en == NULL)
        return core_fail_status(NULL, STUINFO_ERR_INVALID_ARGUMENT);
    e = enrol_event_find(event);
    if (e == NULL)
        return refuse(en, STUINFO_ENROLMENT_REFUSAL_NO_EVENT, STUINFO_ERR_INVALID_ARGUMENT,
                      RULE_SCHOOL_ENROLMENT_NO_EVENT, NULL, NULL);
    return enrol_check(en, e, NULL);
}

int32_t
stuinfo_enrolment_last_refusal(const stuinfo_enrolment *en)
{
    return en != NULL ? en->refusal : 0;
}

int32_t
stuinfo_enrolment_status_of(const stuinfo_enrolment *en)
{
    return en != NULL ? en->status : STUINFO_ENROLMENT_NONE;
}

int32_t
stuinfo_enrolment_is_graduated(const stuinfo_enrolment *en)
{
    return en != NULL && en->status == STUINFO_ENROLMENT_GRADUATED;
}

int32_t
stuinfo_enrolment_is_reported(const stuinfo_enrolment *en)
{
    return en != NULL && en->reported;
}

size_t
stuinfo_enrolment_count(const stuinfo_enrolment *en)
{
    return en != NULL ? en->count : 0;
}

stuinfo_status
stuinfo_enrolment_entry(const stuinfo_enrolment *en, size_t index, int32_t *event_out,
                        int32_t *status_out)
{
    if (event_out != NULL)
        *event_out = 0;
    if (status_out != NULL)
        *status_out = 0;
    if (en == NULL)
        return core_fail_status(NULL, STUINFO_ERR_INVALID_ARGUMENT);
    if (index >= en->count)
        return core_fail(en->ctx, STUINFO_ERR_NOT_FOUND, RULE_SCHOOL_ENROLMENT_NO_ENTRY, NULL,
                         NULL);
    if (event_out != NULL)
        *event_out = en->entries[index]->event;
    if (status_out != NULL)
        *status_out = en->entries[index]->status;
    return core_ok(en->ctx);
}

stuinfo_status
stuinfo_enrolment_entry_get(const stuinfo_enrolment *en, size_t index, int32_t field,
                            const char **text, size_t *len)
{
    if (text != NULL)
        *text = NULL;
    if (len != NULL)
        *len = 0;
    if (en == NULL || text == NULL || field < 1 || field > SCHOOL_EVENT_FIELD_COUNT)
        return core_fail_status(en != NULL ? en->ctx : NULL, STUINFO_ERR_INVALID_ARGUMENT);
    if (index >= en->count)
        return core_fail(en->ctx, STUINFO_ERR_NOT_FOUND, RULE_SCHOOL_ENROLMENT_NO_ENTRY, NULL,
                         NULL);
    *text = en->entries[index]->v[field].text;
    if (len != NULL)
        *len = en->entries[index]->v[field].len;
    return core_ok(en->ctx);
}

stuinfo_status
stuinfo_enrolment_latest(const stuinfo_enrolment *en, int32_t field, const char **text,
                         size_t *len)
{
    if (text != NULL)
        *text = NULL;
    if (len != NULL)
        *len = 0;
    if (en == NULL || text == NULL || field < 1 || field > SCHOOL_EVENT_FIELD_COUNT)
        return core_fail_status(en != NULL ? en->ctx : NULL, STUINFO_ERR_INVALID_ARGUMENT);
    for (size_t i = en->count; i > 0; i--) {
        const struct model_value *v = &en->entries[i - 1]->v[field];

        if (v->text != NULL) {
            *text = v->text;
            if (len != NULL)
                *len = v->len;
            break;
        }
    }
    return core_ok(en->ctx);
}

stuinfo_status
stuinfo_enrolment_verify(stuinfo_enrolment *en, const char *expected_head, size_t head_len,
                         size_t *bad_index)
{
    uint8_t head[CHAIN_HASH_BYTES];
    size_t bad = 0;
    char num[24];

    if (bad_index != NULL)
        *bad_index = 0;
    if (en == NULL || (expected_head == NULL && head_len > 0))
        return core_fail_status(en != NULL ? en->ctx : NULL, STUINFO_ERR_INVALID_ARGUMENT);
    if (expected_head != NULL && !chain_from_hex(expected_head, head_len, head))
        return core_fail(en->ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_SCHOOL_ENROLMENT_BAD_HEAD,
                         NULL, NULL);
    if (chain_verify(&en->chain, expected_head != NULL ? head : NULL, &bad) != STUINFO_OK) {
        if (bad_index != NULL)
            *bad_index = bad;
        return core_fail(en->ctx, STUINFO_ERR_TAMPERED, RULE_SCHOOL_ENROLMENT_TAMPERED,
                         core_fmt_int(num, (int64_t)bad), NULL);
    }
    return core_ok(en->ctx);
}

const char *
stuinfo_enrolment_head(stuinfo_enrolment *en)
{
    if (en == NULL)
        return NULL;
    chain_head_hex(&en->chain, en->head);
    return en->head;
}

const char *
stuinfo_enrolment_status_key(int32_t status)
{
    return status >= 0 && status < ENROL_STATUS_COUNT ? enrol_statuses[status].key : NULL;
}

const char *
stuinfo_enrolment_event_key(int32_t event)
{
    const struct enrol_event_desc *e = enrol_event_find(event);

    return e != NULL ? e->key : NULL;
}

const char *
stuinfo_enrolment_event_name(int32_t event)
{
    const struct enrol_event_desc *e = enrol_event_find(event);

    return e != NULL ? e->name_zh : NULL;
}
