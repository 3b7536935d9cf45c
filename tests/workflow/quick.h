/* Heavy property tests do less work under valgrind (tools/test-all.sh runs every unit
 * test there); the full amount runs in the plain and sanitizer builds. */
#ifndef TESTS_WF_QUICK_H
#define TESTS_WF_QUICK_H

#include <stdbool.h>

#ifdef HAVE_VALGRIND_H
#include <valgrind/valgrind.h>
static inline bool
wf_under_valgrind(void)
{
    return RUNNING_ON_VALGRIND != 0;
}
#else
static inline bool
wf_under_valgrind(void)
{
    return false;
}
#endif

#endif /* TESTS_WF_QUICK_H */
