/*
 * Shared by the fuzz targets: one ctx per process (ICU is opened once, warm, as the
 * library's design requires), whose allocator counts live blocks and can fail one
 * allocation chosen by the input (libxml2's pattern, reliability.md §1.3). After each
 * input a target checks that
 *   - an injected failure was reported as STUINFO_ERR_NOMEM, and no NOMEM was invented;
 *   - every block allocated during the input was freed (a leak check that works in the
 *     gcc replay build too, where LeakSanitizer may not run).
 * Any violation prints one line and aborts, which both engines count as a crash.
 */
#ifndef TESTS_FUZZ_COMMON_H
#define TESTS_FUZZ_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "stuinfo.h"

/* The process's fuzz ctx (English messages, fixed clock). Made on first use. */
stuinfo_ctx *fuzz_ctx(void);

/*
 * Start an input: take two bytes from *data as the allocation to fail (0 = none;
 * reduced modulo 64 so that small operations are hit often) and advance *data / *size
 * past them. Nothing fails until fuzz_arm(). Returns false if the input is too short.
 */
bool fuzz_begin(const uint8_t **data, size_t *size);

/* From now on, fail the input's chosen allocation (counting from this call). */
void fuzz_arm(void);

/* Start an input with no allocation failure (for targets that take no prefix). */
void fuzz_begin_clean(void);

/* Allocation functions for json_set_alloc_funcs(): the same counter, the same failure
 * point. A target that routes jansson through them must do so before any jansson use. */
void *fuzz_json_malloc(size_t n);
void fuzz_json_free(void *p);

/* Whether jansson's allocations may be failed (default true). jansson 2.14's parser is
 * not safe under allocation failure: lex_save() drops strbuffer failures, then asserts
 * or writes past its buffer (akheron/jansson#362, fix PR #747 unmerged). Targets that
 * parse JSON turn this off, so only the library's own allocations are failed there. */
void fuzz_fail_jansson(bool on);

/* Was a failure injected since fuzz_begin()? */
bool fuzz_injected(void);

/* Was the injected failure one of jansson's allocations? */
bool fuzz_injected_in_jansson(void);

/* Stop injecting (the rest of the input's calls, e.g. frees and checks, run clean). */
void fuzz_disarm(void);

/* Abort unless @p st is consistent with the injection: NOMEM iff a failure was injected
 * (other statuses are allowed when nothing was injected). @p what names the call. */
void fuzz_check_status(stuinfo_status st, const char *what);

/* Abort if blocks allocated since fuzz_begin() are still live. */
void fuzz_check_no_leak(const char *what);

/* Abort with a message: a property of the target does not hold. */
void fuzz_fail(const char *what);

/* Abort if the ctx's last message holds an unmasked, check-valid 18-digit ID number. */
void fuzz_check_message(const char *what);

/* Abort with @p what if a finding of @p rep (NULL: none) holds an unmasked, check-valid
 * 18-digit ID number in its message or field path. */
void fuzz_check_report(const stuinfo_report *rep, const char *what);

#endif /* TESTS_FUZZ_COMMON_H */
