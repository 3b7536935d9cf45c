/*
 * Field identifiers of the student record. GENERATED from the data/fields TSV files by
 * tools/gen_fields.py --header; do not edit by hand (the test model-fields-header
 * checks that this file and the data agree). Values never change; new fields are
 * only appended.
 */
#ifndef STUINFO_STUDENT_FIELDS_H
#define STUINFO_STUDENT_FIELDS_H

/** Identifies a field of the student record.
 *  The JSON key is the lower-case name. */
typedef enum stuinfo_field {
    STUINFO_FIELD_NAME = 1,    /* 姓名 */
    STUINFO_FIELD_SEX = 2,    /* 性别 */
    STUINFO_FIELD_BIRTH_DATE = 3,    /* 出生日期 */
    STUINFO_FIELD_BIRTHPLACE = 4,    /* 出生地 */
    STUINFO_FIELD_NATIVE_PLACE = 5,    /* 籍贯 */
    STUINFO_FIELD_ETHNICITY = 6,    /* 民族 */
    STUINFO_FIELD_NATIONALITY = 7,    /* 国籍/地区 */
    STUINFO_FIELD_ID_DOC_TYPE = 8,    /* 身份证件类型 */
    STUINFO_FIELD_ID_DOC_NO = 9,    /* 身份证件号 */
    STUINFO_FIELD_HMT_OVERSEAS = 10,    /* 港澳台侨外 */
    STUINFO_FIELD_POLITICAL_STATUS = 11,    /* 政治面貌 */
    STUINFO_FIELD_HEALTH_STATUS = 12,    /* 健康状况 */
    STUINFO_FIELD_PHOTO = 13,    /* 照片 */
    STUINFO_FIELD_NAME_PINYIN = 14,    /* 姓名拼音 */
    STUINFO_FIELD_FORMER_NAME = 15,    /* 曾用名 */
    STUINFO_FIELD_ID_DOC_VALIDITY = 16,    /* 身份证件有效期 */
    STUINFO_FIELD_HUKOU_PLACE = 17,    /* 户口所在地 */
    STUINFO_FIELD_HUKOU_TYPE = 18,    /* 户口性质 */
    STUINFO_FIELD_SPECIALTY = 19,    /* 特长 */
    STUINFO_FIELD_AUX_STUDENT_NO = 20,    /* 学籍辅号 */
    STUINFO_FIELD_CLASS_SEAT_NO = 21,    /* 班内学号 */
    STUINFO_FIELD_GRADE = 22,    /* 年级 */
    STUINFO_FIELD_CLASS = 23,    /* 班级 */
    STUINFO_FIELD_ENROL_MONTH = 24,    /* 入学年月 */
    STUINFO_FIELD_ENROL_MODE = 25,    /* 入学方式 */
    STUINFO_FIELD_ATTENDANCE_MODE = 26,    /* 就读方式 */
    STUINFO_FIELD_STUDENT_SOURCE = 27,    /* 学生来源 */
    STUINFO_FIELD_CURRENT_ADDRESS = 28,    /* 现住址 */
    STUINFO_FIELD_MAIL_ADDRESS = 29,    /* 通信地址 */
    STUINFO_FIELD_HOME_ADDRESS = 30,    /* 家庭地址 */
    STUINFO_FIELD_PHONE = 31,    /* 联系电话 */
    STUINFO_FIELD_POSTCODE = 32,    /* 邮政编码 */
    STUINFO_FIELD_EMAIL = 33,    /* 电子信箱 */
    STUINFO_FIELD_HOMEPAGE = 34,    /* 主页地址 */
    STUINFO_FIELD_ONLY_CHILD = 35,    /* 是否独生子女 */
    STUINFO_FIELD_HAD_PRESCHOOL = 36,    /* 是否受过学前教育 */
    STUINFO_FIELD_LEFT_BEHIND = 37,    /* 是否留守儿童 */
    STUINFO_FIELD_MIGRANT_WORKER_CHILD = 38,    /* 是否进城务工人员随迁子女 */
    STUINFO_FIELD_ORPHAN = 39,    /* 是否孤儿 */
    STUINFO_FIELD_MARTYR_CHILD = 40,    /* 是否烈士或优抚子女 */
    STUINFO_FIELD_INCLUSIVE_CLASS = 41,    /* 随班就读 */
    STUINFO_FIELD_DISABILITY_TYPE = 42,    /* 残疾类型 */
    STUINFO_FIELD_GOV_FUNDED_PLACE = 43,    /* 是否由政府购买学位 */
    STUINFO_FIELD_NEEDS_AID = 44,    /* 是否需要申请资助 */
    STUINFO_FIELD_LIVING_SUBSIDY = 45,    /* 是否享受一补 */
    STUINFO_FIELD_SCHOOL_DISTANCE_KM = 46,    /* 上下学距离 */
    STUINFO_FIELD_COMMUTE_MODE = 47,    /* 上下学方式 */
    STUINFO_FIELD_NEEDS_SCHOOL_BUS = 48,    /* 是否需要乘坐校车 */
    STUINFO_FIELD_STUDENT_NO = 49,    /* 全国学籍号 */
    STUINFO_FIELD_SCHOOL_ID = 50,    /* 学校标识码 */
    STUINFO_FIELD_POLITICAL_JOIN_DATE = 51,    /* 入党（团）日期 */
    STUINFO_FIELD_ENGLISH_NAME = 52,    /* 英文姓名 */
    STUINFO_FIELD_RELIGION = 53,    /* 信仰宗教 */
    STUINFO_FIELD_BLOOD_TYPE = 54,    /* 血型 */
    STUINFO_FIELD_MARITAL_STATUS = 55,    /* 婚姻状况 */
    STUINFO_FIELD_FLOATING_POPULATION = 56,    /* 是否流动人口 */
    STUINFO_FIELD_STUDENT_CATEGORY = 57,    /* 学生类别 */
    STUINFO_FIELD_STUDENT_STATUS = 58,    /* 学生当前状态 */
    STUINFO_FIELD_PERSONAL_ID = 59,    /* 个人标识码 */
    STUINFO_FIELD_IM_NUMBER = 60,    /* 即时通讯号 */
    STUINFO_FIELD_BOARDER = 61,    /* 是否寄宿生 */
    STUINFO_FIELD_MOBILE = 62    /* 手机号码 */
} stuinfo_field;

/** Identifies a field of one family member or guardian (family[i].key).
 *  The JSON key is the lower-case name. */
typedef enum stuinfo_family_field {
    STUINFO_FAMILY_NAME = 1,    /* 姓名 */
    STUINFO_FAMILY_RELATION = 2,    /* 关系 */
    STUINFO_FAMILY_RELATION_NOTE = 3,    /* 关系说明 */
    STUINFO_FAMILY_ETHNICITY = 4,    /* 民族 */
    STUINFO_FAMILY_EMPLOYER = 5,    /* 工作单位 */
    STUINFO_FAMILY_CURRENT_ADDRESS = 6,    /* 现住址 */
    STUINFO_FAMILY_HUKOU_PLACE = 7,    /* 户口所在地 */
    STUINFO_FAMILY_PHONE = 8,    /* 联系电话 */
    STUINFO_FAMILY_IS_GUARDIAN = 9,    /* 是否监护人 */
    STUINFO_FAMILY_ID_DOC_TYPE = 10,    /* 身份证件类型 */
    STUINFO_FAMILY_ID_DOC_NO = 11,    /* 身份证件号 */
    STUINFO_FAMILY_POSITION = 12,    /* 职务 */
    STUINFO_FAMILY_BIRTH_MONTH = 13,    /* 出生年月 */
    STUINFO_FAMILY_SEX = 14,    /* 性别 */
    STUINFO_FAMILY_NATIONALITY = 15,    /* 国籍/地区 */
    STUINFO_FAMILY_HEALTH_STATUS = 16,    /* 健康状况 */
    STUINFO_FAMILY_MOBILE = 17,    /* 手机号码 */
    STUINFO_FAMILY_EMAIL = 18,    /* 电子信箱 */
    STUINFO_FAMILY_PRINCIPAL = 19    /* 是否主要家庭成员 */
} stuinfo_family_field;

/** Identifies a field of one study-history entry (history[i].key).
 *  The JSON key is the lower-case name. */
typedef enum stuinfo_history_field {
    STUINFO_HISTORY_START = 1,    /* 起始年月 */
    STUINFO_HISTORY_END = 2,    /* 终止年月 */
    STUINFO_HISTORY_SCHOOL = 3,    /* 学校或单位 */
    STUINFO_HISTORY_ROLE = 4,    /* 任职或身份 */
    STUINFO_HISTORY_WITNESS = 5    /* 证明人 */
} stuinfo_history_field;

#endif /* STUINFO_STUDENT_FIELDS_H */
