/* Study-history rules. */
#include <string.h>

#include "canon.h"
#include "date.h"
#include "validate.h"

/* A month as y*12+m-1; -1 when unreadable, INT32_MAX for "present". */
static int32_t
month_index(const struct model_value *v)
{
    int32_t y, m;

    if (v->text == NULL)
        return -1;
    if (strcmp(v->text, "present") == 0)
        return INT32_MAX;
    if (!model_month_read(v->text, v->len, &y, &m))
        return -1;
    return y * 12 + m - 1;
}

void
model_check_history(struct model_check *c)
{
    const stuinfo_student *st = c->st;
    size_t n = st->history_count;
    int32_t prev_end = -1, prev_start = -1;
    char num[24];

    if ((int64_t)n < c->policy->min_history)
        model_check_add(c, RULE_STUDENT_HISTORY_TOO_FEW, "history",
                        core_fmt_int(num, c->policy->min_history));
    for (size_t i = 0; i < n; i++) {
        const struct model_value *v = st->history[i]->v;
        int32_t start = month_index(&v[STUINFO_HISTORY_START]);
        int32_t end = month_index(&v[STUINFO_HISTORY_END]);

        if (start >= 0 && end >= 0 && start > end)
            model_check_add_field(c, RULE_STUDENT_HISTORY_START_AFTER_END,
                                  MODEL_GROUP_HISTORY, i, STUINFO_HISTORY_START, NULL);
        if (start >= 0 && ((prev_end >= 0 && start < prev_end)
                           || (prev_start >= 0 && start < prev_start)))
            model_check_add_field(c, RULE_STUDENT_HISTORY_ORDER, MODEL_GROUP_HISTORY, i,
                                  STUINFO_HISTORY_START, NULL);
        if (end == INT32_MAX && i + 1 < n)
            model_check_add_field(c, RULE_STUDENT_HISTORY_OPEN_NOT_LAST, MODEL_GROUP_HISTORY,
                                  i, STUINFO_HISTORY_END, NULL);
        if (i + 1 == n && end >= 0 && end != INT32_MAX)
            model_check_add_field(c, RULE_STUDENT_HISTORY_LAST_CLOSED, MODEL_GROUP_HISTORY,
                                  i, STUINFO_HISTORY_END, NULL);
        if (start >= 0)
            prev_start = start;
        if (end >= 0 && end != INT32_MAX)
            prev_end = end;
    }
}
