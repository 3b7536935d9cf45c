/*
 * libstuinfo core: the context, status codes, messages, allocator and clock hooks,
 * and the library version.
 */
#ifndef STUINFO_CORE_H
#define STUINFO_CORE_H

#ifndef STUINFO_CDEF            /* the FFI header is made with -DSTUINFO_CDEF */
#include <stddef.h>
#include <stdint.h>
#endif

#ifdef __cplusplus
extern "C" {
#endif
#if defined(__GNUC__) && !defined(STUINFO_CDEF)
#pragma GCC visibility push(default)
#endif

/**
 * The result of every fallible call. 0 is success, anything else an error.
 * Values are explicit and never change; new ones are only appended.
 * Validation problems in data are not errors: they are findings in a stuinfo_report.
 */
typedef enum stuinfo_status {
    STUINFO_OK = 0,
    /** A required handle or pointer was NULL, or an enum value is out of range. */
    STUINFO_ERR_INVALID_ARGUMENT = 1,
    /** An allocation failed. The handle involved is unchanged and still freeable. */
    STUINFO_ERR_NOMEM = 2,
    /** Text is not valid UTF-8 (or GB18030), or holds a NUL byte. */
    STUINFO_ERR_ENCODING = 3,
    /** Input exceeds a documented limit (field length, line length, nesting). */
    STUINFO_ERR_TOO_LONG = 4,
    /** A code, name, field or item was not found. Never a nearest guess. */
    STUINFO_ERR_NOT_FOUND = 5,
    /** A name matches more than one code. */
    STUINFO_ERR_AMBIGUOUS = 6,
    /** A value was read but does not satisfy its rules; details in a report. */
    STUINFO_ERR_INVALID = 7,
    /** Malformed structured input (JSON, CSV). */
    STUINFO_ERR_PARSE = 8,
    /** Reading or writing a file or stream failed. */
    STUINFO_ERR_IO = 9,
    /** A Unicode service (ICU) failed or could not be initialised. */
    STUINFO_ERR_ICU = 10,
    /** The action is not possible in the object's current state. */
    STUINFO_ERR_STATE = 11,
    /** The actor's role may not take this action or touch this field. */
    STUINFO_ERR_PERMISSION = 12,
    /** Separation of duties: an approver may not approve their own request. */
    STUINFO_ERR_SEPARATION_OF_DUTIES = 13,
    /** The collection window is closed. */
    STUINFO_ERR_WINDOW_CLOSED = 14,
    /** Evidence required for a key field is missing. */
    STUINFO_ERR_EVIDENCE_REQUIRED = 15,
    /** The student has graduated; the field is locked. */
    STUINFO_ERR_LOCKED_GRADUATED = 16,
    /** The data was reported to the Ministry; corrections are locked. */
    STUINFO_ERR_LOCKED_REPORTED = 17,
    /** Optimistic concurrency: the object changed since the caller read it. */
    STUINFO_ERR_STALE_VERSION = 18,
    /** An audit log or history failed verification. */
    STUINFO_ERR_TAMPERED = 19,
    /** The resulting record would not validate; nothing was changed. */
    STUINFO_ERR_VALIDATION_FAILED = 20,
    /** The operation or format is not supported. */
    STUINFO_ERR_UNSUPPORTED = 21,
    /** A broken internal invariant; please report it. */
    STUINFO_ERR_INTERNAL = 22
} stuinfo_status;

/** Message language of a context. Values never change. */
typedef enum stuinfo_lang {
    STUINFO_LANG_ZH_CN = 0,     /* default */
    STUINFO_LANG_EN = 1
} stuinfo_lang;

/**
 * A context: allocator hooks, message language, clock, and the last status.
 * Opaque. One thread at a time; distinct contexts need no locks.
 */
typedef struct stuinfo_ctx stuinfo_ctx;

/**
 * Settings fixed when a context is made. Fill with stuinfo_ctx_options_init() first,
 * then change what you need. Hooks left NULL use the C library / the wall clock.
 */
typedef struct stuinfo_ctx_options {
    uint32_t size;              /* set by stuinfo_ctx_options_init() */
    int32_t lang;               /* a stuinfo_lang */
    /* Allocator hooks: malloc_fn and free_fn together or neither; realloc_fn is
     * optional (without it, growth allocates, copies and frees). `user` is passed back
     * unchanged. */
    void *(*malloc_fn)(size_t size, void *user);
    void *(*realloc_fn)(void *ptr, size_t size, void *user);
    void (*free_fn)(void *ptr, void *user);
    void *alloc_user;
    /* Clock hook: current time as seconds since the Unix epoch (UTC). */
    int64_t (*clock_fn)(void *user);
    void *clock_user;
} stuinfo_ctx_options;

/**
 * Fill @p opts with the defaults (Chinese messages, libc allocator, wall clock).
 * Returns STUINFO_OK, or STUINFO_ERR_INVALID_ARGUMENT if @p opts is NULL.
 * @since 0.1
 */
stuinfo_status stuinfo_ctx_options_init(stuinfo_ctx_options *opts);

/**
 * Make a context. @p opts may be NULL for the defaults; it is copied.
 * Creating a context also opens every Unicode service the library uses, so that later
 * calls do not fail half-way; a failure there gives STUINFO_ERR_ICU.
 * Returns STUINFO_OK (with *out set), STUINFO_ERR_INVALID_ARGUMENT (NULL @p out, a bad
 * option, malloc_fn without free_fn or the reverse, realloc_fn without malloc_fn),
 * STUINFO_ERR_NOMEM or STUINFO_ERR_ICU; *out is NULL after a failure.
 * @since 0.1
 */
stuinfo_status stuinfo_ctx_new(const stuinfo_ctx_options *opts, stuinfo_ctx **out);

/**
 * Free a context. NULL is a no-op. Free its handles first; if some are still alive
 * (a garbage collector may free in any order), the context stays until the last of
 * them is freed and then goes by itself. No other call may be made on it after this.
 * @since 0.1
 */
void stuinfo_ctx_free(stuinfo_ctx *ctx);

/**
 * The status of the last call made on @p ctx or on any handle made from it (success
 * included, so it is never stale). STUINFO_ERR_INVALID_ARGUMENT if @p ctx is NULL.
 * @since 0.1
 */
stuinfo_status stuinfo_ctx_last_status(const stuinfo_ctx *ctx);

/**
 * The message of the last call, in the context's language; "" after a success.
 * Never contains a full ID number, a name or a phone number. Borrowed: valid until the
 * next call on @p ctx or its handles. Never NULL (a static text if @p ctx is NULL).
 * @since 0.1
 */
const char *stuinfo_ctx_last_message(const stuinfo_ctx *ctx);

/**
 * Change the message language. Returns STUINFO_OK or STUINFO_ERR_INVALID_ARGUMENT.
 * @since 0.1
 */
stuinfo_status stuinfo_ctx_set_lang(stuinfo_ctx *ctx, int32_t lang);

/** The context's message language (a stuinfo_lang); STUINFO_LANG_ZH_CN if NULL. @since 0.1 */
int32_t stuinfo_ctx_lang(const stuinfo_ctx *ctx);

/**
 * Pin the context's clock at @p epoch_seconds (UTC), for reproducible runs and for
 * hosts that cannot install a clock hook (FFI). stuinfo_ctx_clear_fixed_time() returns
 * to the hook or the wall clock. Returns STUINFO_OK or STUINFO_ERR_INVALID_ARGUMENT.
 * @since 0.1
 */
stuinfo_status stuinfo_ctx_set_fixed_time(stuinfo_ctx *ctx, int64_t epoch_seconds);

/**
 * Undo stuinfo_ctx_set_fixed_time(). Returns STUINFO_OK, or STUINFO_ERR_INVALID_ARGUMENT
 * if @p ctx is NULL.
 * @since 0.1
 */
stuinfo_status stuinfo_ctx_clear_fixed_time(stuinfo_ctx *ctx);

/** The context's current time in seconds since the Unix epoch; 0 if @p ctx is NULL. @since 0.1 */
int64_t stuinfo_ctx_now(stuinfo_ctx *ctx);

/**
 * A short static English description of @p status; never NULL ("unknown status" for
 * values this version does not know).
 * @since 0.1
 */
const char *stuinfo_status_str(int32_t status);

/** The library version as "major.minor.patch"; static. @since 0.1 */
const char *stuinfo_version(void);

/** The library version as major * 10000 + minor * 100 + patch. @since 0.1 */
uint32_t stuinfo_version_number(void);

#if defined(__GNUC__) && !defined(STUINFO_CDEF)
#pragma GCC visibility pop
#endif
#ifdef __cplusplus
}
#endif
#endif /* STUINFO_CORE_H */
