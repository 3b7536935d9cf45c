/*
 * Enrolment statuses and events of the lifecycle. GENERATED from
 * data/codes/enrolment/status.tsv and event.tsv by
 * tools/gen_enrolment.py --header; do not edit by hand (the test
 * school-enrolment-header checks it). Values never change.
 */
#ifndef STUINFO_ENROLMENT_CODES_H
#define STUINFO_ENROLMENT_CODES_H

/** A student's enrolment status (学籍状态); values defined by libstuinfo. */
typedef enum stuinfo_enrolment_status {
    STUINFO_ENROLMENT_NONE = 0,    /* 未入学 */
    STUINFO_ENROLMENT_IN_SCHOOL = 1,    /* 在校 */
    STUINFO_ENROLMENT_SUSPENDED = 2,    /* 休学 */
    STUINFO_ENROLMENT_TRANSFERRED_OUT = 3,    /* 转出 */
    STUINFO_ENROLMENT_GRADUATED = 4,    /* 毕业 */
    STUINFO_ENROLMENT_COMPLETED = 5,    /* 结业 */
    STUINFO_ENROLMENT_WITHDRAWN = 6,    /* 退学 */
    STUINFO_ENROLMENT_EXPELLED = 7,    /* 开除 */
    STUINFO_ENROLMENT_DECEASED = 8,    /* 死亡 */
    STUINFO_ENROLMENT_DROPPED_OUT = 9    /* 辍学 */
} stuinfo_enrolment_status;

/** An enrolment event (学籍异动); values are the JY/T 1001 codes where known. */
typedef enum stuinfo_enrolment_event {
    STUINFO_ENROLMENT_EVENT_ENROL = 11,    /* 招生入学 */
    STUINFO_ENROLMENT_EVENT_RESUME = 12,    /* 复学 */
    STUINFO_ENROLMENT_EVENT_TRANSFER_IN = 13,    /* 转入 */
    STUINFO_ENROLMENT_EVENT_GRADUATE = 21,    /* 毕业 */
    STUINFO_ENROLMENT_EVENT_COMPLETE = 22,    /* 结业 */
    STUINFO_ENROLMENT_EVENT_SUSPEND = 23,    /* 休学 */
    STUINFO_ENROLMENT_EVENT_WITHDRAW = 24,    /* 退学 */
    STUINFO_ENROLMENT_EVENT_EXPEL = 25,    /* 开除 */
    STUINFO_ENROLMENT_EVENT_RECORD_DEATH = 26,    /* 死亡 */
    STUINFO_ENROLMENT_EVENT_TRANSFER_OUT = 27,    /* 转出 */
    STUINFO_ENROLMENT_EVENT_DROP_OUT = 28,    /* 辍学 */
    STUINFO_ENROLMENT_EVENT_PROMOTE = 31,    /* 升级 */
    STUINFO_ENROLMENT_EVENT_CHANGE_CLASS = 32,    /* 调班 */
    STUINFO_ENROLMENT_EVENT_REPEAT = 33,    /* 留级 */
    STUINFO_ENROLMENT_EVENT_REPORT = 91    /* 上报教育部 */
} stuinfo_enrolment_event;

#endif /* STUINFO_ENROLMENT_CODES_H */
