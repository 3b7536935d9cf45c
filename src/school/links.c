/*
 * Consistency of the links student -> class -> school -> authority (and the student's
 * enrolment history): findings where the records disagree.
 */
#include <string.h>

#include "core/report.h"
#include "enrolment.h"
#include "model/date.h"

static bool
same(const char *a, const char *b)
{
    return a != NULL && b != NULL && strcmp(a, b) == 0;
}

static bool
differ(const char *a, const char *b)
{
    return a != NULL && b != NULL && strcmp(a, b) != 0;
}

/* The significant prefix of a region code: 110000 -> "11", 110100 -> "1101". */
static size_t
region_prefix(const char *code)
{
    size_t n = strlen(code);

    if (n != 6)
        return n;
    if (strcmp(code + 2, "0000") == 0)
        return 2;
    if (strcmp(code + 4, "00") == 0)
        return 4;
    return 6;
}

static void
school_vs_authority(const stuinfo_school *s, const stuinfo_authority *a,
                    stuinfo_report *report, stuinfo_status *first)
{
    const char *code = school_value(&a->r, STUINFO_AUTHORITY_CODE);
    const char *local = school_value(&s->r, STUINFO_SCHOOL_LOCAL_AUTHORITY_CODE);
    const char *sup = school_value(&s->r, STUINFO_SCHOOL_SUPERVISING_AUTHORITY_CODE);
    const char *ar = school_value(&a->r, STUINFO_AUTHORITY_REGION_CODE);
    const char *sr = school_value(&s->r, STUINFO_SCHOOL_REGION_CODE);

    if (code != NULL && (local != NULL || sup != NULL) && !same(code, local)
        && !same(code, sup))
        school_finding(report, first, RULE_SCHOOL_LINK_SCHOOL_AUTHORITY, "local_authority_code",
                       NULL);
    if (ar != NULL && sr != NULL && strncmp(ar, sr, region_prefix(ar)) != 0)
        school_finding(report, first, RULE_SCHOOL_LINK_REGION, "region_code", ar);
}

static void
class_vs_school(const stuinfo_class *c, const stuinfo_school *s, stuinfo_report *report,
                stuinfo_status *first)
{
    const char *campus = school_value(&c->r, STUINFO_CLASS_CAMPUS_NO);
    bool found = false;

    if (differ(school_value(&c->r, STUINFO_CLASS_SCHOOL_ID),
               school_value(&s->r, STUINFO_SCHOOL_SCHOOL_ID)))
        school_finding(report, first, RULE_SCHOOL_LINK_CLASS_SCHOOL, "class.school_id", NULL);
    if (campus == NULL)
        return;
    for (size_t i = 0; i < s->campus_count && !found; i++)
        found = same(campus, school_value(s->campus[i], STUINFO_CAMPUS_CAMPUS_NO));
    if (!found)
        school_finding(report, first, RULE_SCHOOL_LINK_CLASS_CAMPUS, "class.campus_no", campus);
}

/* Usual ages on 1 September of the entry year, per stage (小学, 初中, 高中). */
static const int32_t age_min[] = {0, 5, 10, 13};
static const int32_t age_max[] = {0, 9, 15, 19};

static void
student_vs_class(const stuinfo_student *st, const stuinfo_class *c, stuinfo_report *report,
                 stuinfo_status *first)
{
    const char *grade = school_value(&c->r, STUINFO_CLASS_GRADE);
    const char *month = model_get(st, STUINFO_FIELD_ENROL_MONTH, NULL);
    const char *birth = model_get(st, STUINFO_FIELD_BIRTH_DATE, NULL);
    const char *sgrade = model_get(st, STUINFO_FIELD_GRADE, NULL);
    const char *sclass = model_get(st, STUINFO_FIELD_CLASS, NULL);
    int32_t stage, year, y, m, d, age;
    char num[24];

    if (sclass != NULL && !same(sclass, school_value(&c->r, STUINFO_CLASS_CLASS_NAME))
        && !same(sclass, school_value(&c->r, STUINFO_CLASS_CLASS_NO)))
        school_finding(report, first, RULE_SCHOOL_LINK_STUDENT_CLASS, "class", NULL);
    if (grade == NULL || !school_grade_parse(grade, strlen(grade), &stage, &year))
        return;
    /* The student's 年级 in the registry's stage + year form must be the class's. */
    if (sgrade != NULL && (sgrade[0] < '0' || sgrade[0] > '9') && !same(sgrade, grade)) {
        int32_t s2, y2;

        if (school_grade_parse(sgrade, strlen(sgrade), &s2, &y2))
            school_finding(report, first, RULE_SCHOOL_LINK_STUDENT_GRADE, "grade", grade);
    }
    /* 入学年月 is the month the student entered this stage: its year is the grade's. */
    if (month != NULL && model_month_read(month, strlen(month), &y, &m) && y != year)
        school_finding(report, first, RULE_SCHOOL_LINK_ENROL_YEAR, "enrol_month", grade);
    if (birth != NULL && model_date_read(birth, strlen(birth), &y, &m, &d)) {
        age = model_age_at(y, m, d, year, 9, 1);
        if (age < age_min[stage] || age > age_max[stage])
            school_finding(report, first, RULE_SCHOOL_LINK_STAGE_AGE, "birth_date",
                           core_fmt_int(num, age));
    }
}

static bool
digits_equal(const char *a, const char *b, size_t n)
{
    return strlen(a) >= n && strlen(b) >= n && memcmp(a, b, n) == 0;
}

/* The 全国学籍号's letter against the student's identity-document situation. */
static void
student_no(const stuinfo_student *st, const stuinfo_school *s, stuinfo_report *report,
           stuinfo_status *first)
{
    const char *no = model_get(st, STUINFO_FIELD_STUDENT_NO, NULL);
    const char *type = model_get(st, STUINFO_FIELD_ID_DOC_TYPE, NULL);
    const char *id = model_get(st, STUINFO_FIELD_ID_DOC_NO, NULL);
    const char *birth = model_get(st, STUINFO_FIELD_BIRTH_DATE, NULL);
    const char *region = s != NULL ? school_value(&s->r, STUINFO_SCHOOL_REGION_CODE) : NULL;
    bool resident = same(type, "1") && id != NULL && strlen(id) == 18;
    char ymd[9];

    if (no == NULL || strlen(no) != 19)
        return;     /* the record's own check reports the form */
    switch (no[0]) {
    case 'G':
        /* G + the student's own 18-digit resident ID number. */
        if (!resident || strcmp(no + 1, id) != 0)
            school_finding(report, first, RULE_SCHOOL_LINK_STUDENT_NO_G, "student_no", NULL);
        return;
    case 'J':
        if (resident)
            school_finding(report, first, RULE_SCHOOL_LINK_STUDENT_NO_J, "student_no", NULL);
        break;
    case 'L':
        if (resident)
            school_finding(report, first, RULE_SCHOOL_LINK_STUDENT_NO_L, "student_no", NULL);
        break;
    default:
        return;
    }
    /* J and L: 6-digit school location + 8-digit birth date + ... */
    if (region != NULL && !digits_equal(no + 1, region, 6))
        school_finding(report, first, RULE_SCHOOL_LINK_STUDENT_NO_REGION, "student_no", NULL);
    if (birth != NULL && strlen(birth) == 10) {
        memcpy(ymd, birth, 4);
        memcpy(ymd + 4, birth + 5, 2);
        memcpy(ymd + 6, birth + 8, 2);
        ymd[8] = '\0';
        if (!digits_equal(no + 7, ymd, 8))
            school_finding(report, first, RULE_SCHOOL_LINK_STUDENT_NO_BIRTH, "student_no", NULL);
    }
}

static void
enrolment_vs(const stuinfo_enrolment *en, const stuinfo_class *c, const stuinfo_school *s,
             stuinfo_report *report, stuinfo_status *first)
{
    const char *cls = NULL, *sid = NULL;

    stuinfo_enrolment_latest(en, STUINFO_ENROLMENT_FIELD_CLASS_NO, &cls, NULL);
    if (c != NULL && differ(cls, school_value(&c->r, STUINFO_CLASS_CLASS_NO)))
        school_finding(report, first, RULE_SCHOOL_LINK_ENROLMENT_CLASS, "class_no", cls);
    /* The latest school of the history is the student's while in school. */
    if (s != NULL && en->status != STUINFO_ENROLMENT_TRANSFERRED_OUT) {
        for (size_t i = en->count; i > 0 && sid == NULL; i--) {
            const struct enrol_entry *x = en->entries[i - 1];

            if (x->event == STUINFO_ENROLMENT_EVENT_ENROL
                || x->event == STUINFO_ENROLMENT_EVENT_TRANSFER_IN)
                sid = x->v[STUINFO_ENROLMENT_FIELD_SCHOOL_ID].text;
        }
        if (differ(sid, school_value(&s->r, STUINFO_SCHOOL_SCHOOL_ID)))
            school_finding(report, first, RULE_SCHOOL_LINK_ENROLMENT_SCHOOL, "school_id", NULL);
    }
    if (en->status != STUINFO_ENROLMENT_IN_SCHOOL && en->status != STUINFO_ENROLMENT_SUSPENDED
        && c != NULL)
        school_finding(report, first, RULE_SCHOOL_LINK_NOT_IN_SCHOOL, "status",
                       enrol_statuses[en->status].key);
}

stuinfo_status
stuinfo_school_check_links(const stuinfo_authority *authority, const stuinfo_school *school,
                           const stuinfo_class *klass, const stuinfo_student *student,
                           const stuinfo_enrolment *enrolment, stuinfo_report *report)
{
    stuinfo_ctx *ctx = report != NULL ? core_report_ctx(report) : NULL;
    stuinfo_status first = STUINFO_OK;

    if (report == NULL)
        return core_fail_status(NULL, STUINFO_ERR_INVALID_ARGUMENT);
    if ((authority != NULL && authority->r.ctx != ctx) || (school != NULL && school->r.ctx != ctx)
        || (klass != NULL && klass->r.ctx != ctx) || (student != NULL && student->ctx != ctx)
        || (enrolment != NULL && enrolment->ctx != ctx))
        return core_fail(ctx, STUINFO_ERR_INVALID_ARGUMENT, RULE_SCHOOL_LINK_CTX, NULL, NULL);
    if (school != NULL && authority != NULL)
        school_vs_authority(school, authority, report, &first);
    if (klass != NULL && school != NULL)
        class_vs_school(klass, school, report, &first);
    if (student != NULL) {
        if (school != NULL
            && differ(model_get(student, STUINFO_FIELD_SCHOOL_ID, NULL),
                      school_value(&school->r, STUINFO_SCHOOL_SCHOOL_ID)))
            school_finding(report, &first, RULE_SCHOOL_LINK_STUDENT_SCHOOL, "school_id",
                           NULL);
        if (klass != NULL)
            student_vs_class(student, klass, report, &first);
        student_no(student, school, report, &first);
    }
    if (enrolment != NULL)
        enrolment_vs(enrolment, klass, school, report, &first);
    return school_result(ctx, first);
}
