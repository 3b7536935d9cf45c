/*
 * Field identifiers of the authority, school, campus, class and enrolment-event
 * records. GENERATED from the data/fields TSV files by tools/gen_school_fields.py
 * --header; do not edit by hand (the test school-fields-header checks that this
 * file and the data agree).
 * Values never change; new fields are only appended.
 */
#ifndef STUINFO_SCHOOL_FIELDS_H
#define STUINFO_SCHOOL_FIELDS_H

/** Identifies a field of an authority record (主管单位); JSON key: the lower-case name. */
typedef enum stuinfo_authority_field {
    STUINFO_AUTHORITY_CODE = 1,    /* 主管单位代码 */
    STUINFO_AUTHORITY_NAME = 2,    /* 主管单位名称 */
    STUINFO_AUTHORITY_REGION_CODE = 3,    /* 行政区划码 */
    STUINFO_AUTHORITY_LEVEL = 4,    /* 管理层级 */
    STUINFO_AUTHORITY_PHONE = 5,    /* 联系电话 */
    STUINFO_AUTHORITY_ADDRESS = 6    /* 地址 */
} stuinfo_authority_field;

/** Identifies a field of a school record (学校); JSON key: the lower-case name. */
typedef enum stuinfo_school_field {
    STUINFO_SCHOOL_SCHOOL_ID = 1,    /* 学校标识码 */
    STUINFO_SCHOOL_INSTITUTION_CODE = 2,    /* 学校（机构）代码 */
    STUINFO_SCHOOL_NAME = 3,    /* 学校名称 */
    STUINFO_SCHOOL_NAME_EN = 4,    /* 学校英文名称 */
    STUINFO_SCHOOL_ADDRESS = 5,    /* 学校地址 */
    STUINFO_SCHOOL_REGION_CODE = 6,    /* 行政区划码 */
    STUINFO_SCHOOL_POSTCODE = 7,    /* 邮政编码 */
    STUINFO_SCHOOL_LOCAL_AUTHORITY_CODE = 8,    /* 属地管理教育行政部门代码 */
    STUINFO_SCHOOL_SUPERVISING_AUTHORITY_CODE = 9,    /* 学校所属主管教育行政部门代码 */
    STUINFO_SCHOOL_SPONSOR_CODE = 10,    /* 举办者代码 */
    STUINFO_SCHOOL_SCHOOL_TYPE_CODE = 11,    /* 办学类型代码 */
    STUINFO_SCHOOL_URBAN_RURAL_CODE = 12,    /* 所在地城乡类型代码 */
    STUINFO_SCHOOL_OWNERSHIP_CODE = 13,    /* 学校办别码 */
    STUINFO_SCHOOL_PRINCIPAL_NAME = 14,    /* 校长姓名 */
    STUINFO_SCHOOL_PRINCIPAL_MOBILE = 15,    /* 校长手机号码 */
    STUINFO_SCHOOL_PHONE = 16,    /* 联系电话 */
    STUINFO_SCHOOL_FAX = 17,    /* 传真电话 */
    STUINFO_SCHOOL_EMAIL = 18,    /* 电子信箱 */
    STUINFO_SCHOOL_HOMEPAGE = 19,    /* 主页地址 */
    STUINFO_SCHOOL_ORG_CODE = 20,    /* 组织机构代码 */
    STUINFO_SCHOOL_LEGAL_PERSON_NO = 21,    /* 法人登记证号 */
    STUINFO_SCHOOL_LAND_CERT_NO = 22    /* 土地证号 */
} stuinfo_school_field;

/** Identifies a field of a campus (校区); JSON key: the lower-case name. */
typedef enum stuinfo_campus_field {
    STUINFO_CAMPUS_CAMPUS_NO = 1,    /* 校区编号 */
    STUINFO_CAMPUS_NAME = 2,    /* 校区名称 */
    STUINFO_CAMPUS_ADDRESS = 3,    /* 校区地址 */
    STUINFO_CAMPUS_REGION_CODE = 4,    /* 行政区划码 */
    STUINFO_CAMPUS_POSTCODE = 5,    /* 邮政编码 */
    STUINFO_CAMPUS_URBAN_RURAL_CODE = 6,    /* 所在地城乡类型代码 */
    STUINFO_CAMPUS_PHONE = 7,    /* 联系电话 */
    STUINFO_CAMPUS_MAIN = 8    /* 是否主校区 */
} stuinfo_campus_field;

/** Identifies a field of a class record (班级); JSON key: the lower-case name. */
typedef enum stuinfo_class_field {
    STUINFO_CLASS_CLASS_NO = 1,    /* 班号 */
    STUINFO_CLASS_CLASS_NAME = 2,    /* 班级名称 */
    STUINFO_CLASS_GRADE = 3,    /* 年级 */
    STUINFO_CLASS_CLASS_TYPE_CODE = 4,    /* 班级类型 */
    STUINFO_CLASS_YEARS = 5,    /* 学制 */
    STUINFO_CLASS_HEAD_TEACHER_ID = 6,    /* 班主任工号 */
    STUINFO_CLASS_HEAD_TEACHER_NAME = 7,    /* 班主任姓名 */
    STUINFO_CLASS_BILINGUAL = 8,    /* 是否少数民族双语教学班 */
    STUINFO_CLASS_BILINGUAL_MODE = 9,    /* 双语教学模式 */
    STUINFO_CLASS_BILINGUAL_LANGUAGE = 10,    /* 双语教学的少数民族语言 */
    STUINFO_CLASS_SCHOOL_ID = 11,    /* 学校标识码 */
    STUINFO_CLASS_CAMPUS_NO = 12    /* 校区编号 */
} stuinfo_class_field;

/** Identifies a field of an enrolment event (学籍异动); JSON key: the lower-case name. */
typedef enum stuinfo_event_field {
    STUINFO_ENROLMENT_FIELD_DATE = 1,    /* 异动日期 */
    STUINFO_ENROLMENT_FIELD_ACTOR = 2,    /* 经办人 */
    STUINFO_ENROLMENT_FIELD_ROLE = 3,    /* 经办人角色 */
    STUINFO_ENROLMENT_FIELD_REASON = 4,    /* 异动原因 */
    STUINFO_ENROLMENT_FIELD_PERIOD_FROM = 5,    /* 休学开始日期 */
    STUINFO_ENROLMENT_FIELD_PERIOD_TO = 6,    /* 休学结束日期 */
    STUINFO_ENROLMENT_FIELD_SCHOOL_ID = 7,    /* 学校标识码（就读或转往学校） */
    STUINFO_ENROLMENT_FIELD_FROM_SCHOOL_ID = 8,    /* 原学校标识码 */
    STUINFO_ENROLMENT_FIELD_CLASS_NO = 9,    /* 班号 */
    STUINFO_ENROLMENT_FIELD_GRADE = 10,    /* 年级 */
    STUINFO_ENROLMENT_FIELD_GRADUATION_DATE = 11,    /* 毕业日期 */
    STUINFO_ENROLMENT_FIELD_CERTIFICATE_NO = 12,    /* 证书编号 */
    STUINFO_ENROLMENT_FIELD_NOTE = 13    /* 备注 */
} stuinfo_event_field;

#endif /* STUINFO_SCHOOL_FIELDS_H */
