/*
 * libstuinfo — Chinese student-registry data: the MOE record model, its code tables,
 * identity numbers, rosters and the change-request workflow.
 *
 * Threads: a stuinfo_ctx and every handle made from it may be used by one thread at a
 * time. Different contexts may be used at the same time from different threads without
 * locks. The compiled-in code tables are immutable and shared. The library keeps no
 * mutable global state and calls a ctx's hooks only from inside the call that needs
 * them, on the calling thread.
 *
 * Conventions (docs/ownership.md, docs/errors.md):
 *  - every fallible function returns stuinfo_status (0 = STUINFO_OK) and records it on
 *    the ctx, where stuinfo_ctx_last_status() and stuinfo_ctx_last_message() read it;
 *  - text is UTF-8 passed as (pointer, length); the library copies what it keeps;
 *  - returned `const char *` are borrowed from a handle, valid until that handle changes
 *    or is freed; nothing returned is freed by the caller;
 *  - handles are freed with stuinfo_X_free(), which accepts NULL.
 *
 * For FFI loaders: `cc -E -P -DSTUINFO_CDEF stuinfo.h` gives plain declarations.
 */
#ifndef STUINFO_H
#define STUINFO_H

#ifndef STUINFO_CDEF
#include "stuinfo/version.h"
#endif
#include "stuinfo/core.h"
#include "stuinfo/report.h"
/* layer headers (one line each): */
/* codes */
#include "stuinfo/codes.h"
/* idnum */
#include "stuinfo/idnum.h"
/* student */
#include "stuinfo/student.h"
/* roster */
#include "stuinfo/roster.h"
/* workflow */
#include "stuinfo/workflow.h"
/* school */
#include "stuinfo/school.h"

#endif /* STUINFO_H */
