/* Internals of stuinfo_student_validate(): one pass over the fields, then the cross-field
 * rules, sharing this state. */
#ifndef MODEL_VALIDATE_H
#define MODEL_VALIDATE_H

#include "student.h"

struct model_check {
    const stuinfo_student *st;
    const stuinfo_policy *policy;
    stuinfo_report *report;
    stuinfo_status status;          /* first failure adding a finding */
    int32_t today_y, today_m, today_d;
    int64_t today_days;
};

/* Add a finding; the field path is also argument {1}. */
void model_check_add(struct model_check *c, rule_id rule, const char *path,
                     const char *arg2);
/* The same for a field of a group. */
void model_check_add_field(struct model_check *c, rule_id rule, model_group group,
                           size_t index, int32_t field, const char *arg2);

/* Field rules over every value of the record (check_fields.c). */
void model_check_fields(struct model_check *c);
/* Required fields (check_fields.c). */
void model_check_required(struct model_check *c);
/* Cross-field rules (check_cross.c, check_history.c). */
void model_check_identity(struct model_check *c);
void model_check_political(struct model_check *c);
void model_check_phone(struct model_check *c);
void model_check_family(struct model_check *c);
void model_check_history(struct model_check *c);
void model_check_address(struct model_check *c);
void model_check_entry_age(struct model_check *c);

/* Value checks shared with other layers (no ICU, no allocation). */
bool model_is_mobile(const char *s, size_t len);
bool model_is_phone(const char *s, size_t len);
bool model_is_email(const char *s, size_t len);
bool model_is_postcode(const char *s, size_t len);

#endif /* MODEL_VALIDATE_H */
