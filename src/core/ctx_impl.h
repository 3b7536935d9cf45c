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
};

#endif /* CORE_CTX_IMPL_H */
