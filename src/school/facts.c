/*
 * The seam between the enrolment lifecycle and change requests (docs/school.md, "Wiring"):
 * the graduated and reported flags and the enrolment date of a history, as the
 * stuinfo_cr_facts every change-request call takes. school sits above workflow, so it is
 * the school layer that reads the history and fills the workflow's struct.
 */
#include "enrolment.h"
#include "model/date.h"

/* 00:00 Beijing time (UTC+8) of a YYYY-MM-DD date; 0 when unreadable. */
static int64_t
day_start(const char *text, size_t len)
{
    int32_t y, m, d;

    if (text == NULL || !model_date_read(text, len, &y, &m, &d))
        return 0;
    return model_days_from_civil(y, m, d) * 86400 - (int64_t)8 * 3600;
}

stuinfo_status
stuinfo_enrolment_cr_facts(const stuinfo_enrolment *en, stuinfo_cr_facts *facts)
{
    if (en == NULL || facts == NULL)
        return core_fail(en != NULL ? en->ctx : NULL, STUINFO_ERR_INVALID_ARGUMENT,
                         RULE_CORE_NULL_ARGUMENT, NULL, NULL);
    stuinfo_cr_facts_init(facts);
    facts->graduated = stuinfo_enrolment_is_graduated(en);
    facts->reported = stuinfo_enrolment_is_reported(en);
    for (size_t i = en->count; i > 0; i--) {
        const struct enrol_entry *x = en->entries[i - 1];

        if (x->event == STUINFO_ENROLMENT_EVENT_ENROL) {
            facts->enrolled_at = day_start(x->v[STUINFO_ENROLMENT_FIELD_DATE].text,
                                           x->v[STUINFO_ENROLMENT_FIELD_DATE].len);
            break;
        }
    }
    return core_ok(en->ctx);
}
