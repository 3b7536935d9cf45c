/* The context's layout, shared by the files of src/core only. */
#ifndef CORE_CTX_IMPL_H
#define CORE_CTX_IMPL_H

#include <stdbool.h>

#include "core.h"

/* Longest last-error message kept, in bytes; preallocated so errors never allocate. */
#define CORE_MESSAGE_CAP 512

struct stuinfo_ctx {
    stuinfo_ctx_options opts;
    stuinfo_lang lang;
    stuinfo_status last_status;
    bool fixed_time_set;
    bool closing;               /* stuinfo_ctx_free() was called while children lived */
    int64_t fixed_time;
    size_t children;
    struct text_services *text;
    char message[CORE_MESSAGE_CAP];
    /* A failure's message is expanded when it is asked for (stuinfo_ctx_last_message):
     * core_fail() keeps the rule, language and arguments. An argument longer than the
     * message cap is kept to cap bytes, which gives the same (cut) message. */
    bool message_pending;
    stuinfo_lang pending_lang;
    rule_id pending_rule;
    char pending_arg1[CORE_MESSAGE_CAP + 1];
    char pending_arg2[CORE_MESSAGE_CAP + 1];
};

/* The last status's message, expanded now if it is still pending. */
const char *core_message_expand(stuinfo_ctx *ctx);

#endif /* CORE_CTX_IMPL_H */
