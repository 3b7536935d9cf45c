/*
 * A complete, valid student record (every student, family and history field filled) for
 * tests and the benchmark. Fictional data; the ID numbers carry valid check characters.
 * Valid at the test clock, 2026-09-01.
 */
#ifndef TESTS_MODEL_SAMPLE_H
#define TESTS_MODEL_SAMPLE_H

#include <string.h>

#include "stuinfo.h"

static const char *const sample_values[][2] = {
    {"name", "张三"},
    {"sex", "1"},
    {"birth_date", "2015-03-07"},
    {"birthplace", "110105"},
    {"native_place", "北京市朝阳区"},
    {"ethnicity", "01"},
    {"nationality", "CHN"},
    {"id_doc_type", "1"},
    {"id_doc_no", "110105201503071235"},
    {"hmt_overseas", "00"},
    {"political_status", "13"},
    {"health_status", "10"},
    {"photo", "photos/2021001.jpg"},
    {"name_pinyin", "zhang san"},
    {"former_name", "张小三"},
    {"id_doc_validity", "2020.06.01-2025.06.01"},
    {"hukou_place", "北京市朝阳区"},
    {"hukou_type", "2"},
    {"specialty", "钢琴"},
    {"aux_student_no", "BJ2021001"},
    {"class_seat_no", "12"},
    {"grade", "一年级"},
    {"class", "1班"},
    {"enrol_month", "2021-09"},
    {"enrol_mode", "11"},
    {"attendance_mode", "1"},
    {"student_source", "1"},
    {"current_address", "北京市朝阳区建国门外街道建国路1号"},
    {"mail_address", "北京市朝阳区建国门外街道建国路1号"},
    {"home_address", "北京市朝阳区建国门外街道建国路1号"},
    {"phone", "010-65001234"},
    {"postcode", "100020"},
    {"email", "zhang.family@example.cn"},
    {"homepage", "https://example.cn/"},
    {"only_child", "1"},
    {"had_preschool", "1"},
    {"left_behind", "0"},
    {"migrant_worker_child", "0"},
    {"orphan", "0"},
    {"martyr_child", "0"},
    {"inclusive_class", "0"},
    {"disability_type", "0"},
    {"gov_funded_place", "0"},
    {"needs_aid", "0"},
    {"living_subsidy", "0"},
    {"school_distance_km", "1.5"},
    {"commute_mode", "1"},
    {"needs_school_bus", "0"},
    {"student_no", "G110105201503071235"},
    {"school_id", "1111000001"},
    {"english_name", "Zhang San"},
    {"religion", "无"},
    {"blood_type", "1"},
    {"marital_status", "未婚"},
    {"floating_population", "0"},
    {"student_category", "00"},
    {"student_status", "在读"},
    {"personal_id", "G110105201503071235"},
    {"im_number", "zhangsan2015"},
    {"boarder", "0"},
    {"mobile", "13800138000"},
};

static const char *const sample_family[2][19] = {
    {"张伟", "51", "", "01", "北京某公司", "北京市朝阳区建国路1号", "北京市朝阳区",
     "13900139000", "1", "1", "110105198001012011", "工程师", "1980-01", "1", "CHN", "10",
     "13900139000", "zhang.wei@example.cn", "1"},
    {"李娜", "52", "", "01", "北京某医院", "北京市朝阳区建国路1号", "北京市朝阳区",
     "13700137000", "1", "1", "110105198202021221", "医生", "1982-02", "2", "CHN", "10",
     "13700137000", "li.na@example.cn", "1"},
};

static const char *const sample_history[2][5] = {
    {"2018-09", "2021-07", "北京市朝阳区实验幼儿园", "幼儿", "王老师"},
    {"2021-09", "present", "北京市朝阳区实验小学", "学生", "赵老师"},
};

/* Fill @p st with the sample; returns the first failing status or STUINFO_OK. */
static stuinfo_status
sample_fill(stuinfo_student *st)
{
    stuinfo_status rc;
    size_t idx;

    for (size_t i = 0; i < sizeof(sample_values) / sizeof(sample_values[0]); i++) {
        rc = stuinfo_student_set_path(st, sample_values[i][0], sample_values[i][1],
                                      strlen(sample_values[i][1]), NULL);
        if (rc != STUINFO_OK)
            return rc;
    }
    for (size_t m = 0; m < 2; m++) {
        if ((rc = stuinfo_student_family_add(st, &idx)) != STUINFO_OK)
            return rc;
        for (int32_t f = 1; f <= 19; f++) {
            const char *v = sample_family[m][f - 1];

            rc = stuinfo_student_family_set(st, idx, f, v, strlen(v), NULL);
            if (rc != STUINFO_OK)
                return rc;
        }
    }
    for (size_t h = 0; h < 2; h++) {
        if ((rc = stuinfo_student_history_add(st, &idx)) != STUINFO_OK)
            return rc;
        for (int32_t f = 1; f <= 5; f++) {
            const char *v = sample_history[h][f - 1];

            rc = stuinfo_student_history_set(st, idx, f, v, strlen(v), NULL);
            if (rc != STUINFO_OK)
                return rc;
        }
    }
    return STUINFO_OK;
}

#endif /* TESTS_MODEL_SAMPLE_H */
