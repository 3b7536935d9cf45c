/* Internal API of stuinfo_report: how layers add findings. */
#ifndef CORE_REPORT_H
#define CORE_REPORT_H

#include "core.h"

/*
 * Add a finding with the registry's severity for @p rule. @p field is a field path
 * ("" or NULL for none); {1}/{2} in the message become @p arg1/@p arg2, which must hold
 * no personal data. Returns STUINFO_OK or STUINFO_ERR_NOMEM (recorded on the ctx); on
 * failure the report is unchanged.
 */
stuinfo_status core_report_add(stuinfo_report *r, rule_id rule, const char *field,
                               const char *arg1, const char *arg2);
/* The same with an explicit severity (policy may raise or lower a rule's default). */
stuinfo_status core_report_add_severity(stuinfo_report *r, stuinfo_severity severity,
                                        rule_id rule, const char *field,
                                        const char *arg1, const char *arg2);
/* Roster row stamped on the findings added from now on (0 = none). */
void core_report_set_row(stuinfo_report *r, int64_t row);
stuinfo_ctx *core_report_ctx(const stuinfo_report *r);
/* True if the report holds a finding of @p rule. */
bool core_report_has_rule(const stuinfo_report *r, rule_id rule);

#endif /* CORE_REPORT_H */
