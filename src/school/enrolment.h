/* Internal API of the enrolment lifecycle (issue 10): the history handle and its replay. */
#ifndef SCHOOL_ENROLMENT_H
#define SCHOOL_ENROLMENT_H

#include "core/chain.h"
#include "record.h"
#include "school/enrolment_table.h"

struct enrol_entry {
    int32_t event;                                  /* stuinfo_enrolment_event */
    int32_t status;                                 /* status after the event */
    struct model_value v[SCHOOL_EVENT_FIELD_COUNT + 1];
};

struct stuinfo_enrolment {
    stuinfo_ctx *ctx;
    int32_t status;
    int32_t refusal;                                /* of the last commit or can */
    bool reported;
    struct enrol_entry **entries;                   /* pointers only: grown by realloc */
    size_t count, cap;
    struct chain chain;
    struct school_record pending;                   /* fields of the started event */
    int32_t pending_event;                          /* 0: none started */
    char head[CHAIN_HEX_BYTES];
    char *json;
    size_t json_len;
};

/* The descriptor of an event code, or NULL. */
const struct enrol_event_desc *enrol_event_find(int32_t code);
/* The event whose key is key[0..len), or NULL. */
const struct enrol_event_desc *enrol_event_by_key(const char *key, size_t len);
/* The status whose key is key[0..len), or -1. */
int32_t enrol_status_by_key(const char *key, size_t len);

/*
 * Whether @p event may follow the current status, and if so whether the fields in @p v
 * (event field values) satisfy it. Returns STUINFO_OK or the refusal (recorded on the
 * ctx and in en->refusal). @p v NULL checks the transition only.
 */
stuinfo_status enrol_check(stuinfo_enrolment *en, const struct enrol_event_desc *e,
                           const struct model_value *v);
/* Make and chain an entry from @p v (copied); OK or NOMEM (nothing changed then). With
 * @p stored_prev / @p stored_hash the entry is loaded with those hashes instead. */
stuinfo_status enrol_append(stuinfo_enrolment *en, const struct enrol_event_desc *e,
                            const struct model_value *v, const uint8_t *stored_prev,
                            const uint8_t *stored_hash);
/* A new empty history, keyed when key_len > 0. */
stuinfo_status enrol_new(stuinfo_ctx *ctx, const uint8_t *key, size_t key_len,
                         stuinfo_enrolment **out);

#endif /* SCHOOL_ENROLMENT_H */
