/* Shared helpers of the school-layer tests. */
#ifndef TESTS_SCHOOL_HELPERS_H
#define TESTS_SCHOOL_HELPERS_H

#include <string.h>

#include "test_ctx.h"

/* True when @p rep holds a finding of @p rule at @p field (NULL: any field). */
static inline bool
has_finding(stuinfo_report *rep, const char *rule, const char *field)
{
    for (size_t i = 0; i < stuinfo_report_count(rep); i++) {
        stuinfo_finding fd = {.size = sizeof(fd)};

        if (stuinfo_report_get(rep, i, &fd) != STUINFO_OK)
            return false;
        if (strcmp(fd.rule, rule) == 0 && (field == NULL || strcmp(fd.field, field) == 0))
            return true;
    }
    return false;
}

#define SET(fn, h, f, s) assert_int_equal(fn(h, f, s, strlen(s), NULL), STUINFO_OK)

#endif /* TESTS_SCHOOL_HELPERS_H */
