/*
 * A generated GB18030 roster with realistic faults, read, validated and its findings
 * written, on one core: prints `bench roster.rows <n> rows/s` (CPU time of the reading
 * thread) and `bench roster.peak_rss <n> MiB` (peak resident memory of the process);
 * `bench roster.parse_rows` is the reader alone (decoding and CSV, no student records);
 * `bench roster.round_trip` says whether the records, written back as a GB18030 roster and
 * read again, are the same (compared as JSON Lines).
 *
 * Rows: argv[1], or STUINFO_BENCH_ROSTER_ROWS, or 20000 (so `meson test --benchmark`
 * stays quick); the figure is for 1000000. The roster is written to a temporary
 * file through the library's own GB18030 writer first (not timed).
 *
 * Faults, each at a fixed share of rows: a wrong check character (1/50), an undecodable
 * byte (1/500), a short row (1/700), a repeated ID number (1/1000), a date that does not
 * exist (1/300), a formula-like phone (1/2000, neutralized by the writer), full-width
 * digits in an ID number (1/400), a stray unclosed quote (1/100000).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "stuinfo.h"

static const char *const heading[] = {
    "姓名", "性别", "出生日期", "出生地", "民族", "国籍/地区", "身份证件类型", "身份证件号",
    "港澳台侨外", "健康状况", "户口所在地", "户口性质", "年级", "班级", "入学年月",
    "入学方式", "就读方式", "现住址", "联系电话", "家庭成员1姓名", "家庭成员1关系",
    "家庭成员1联系电话", "家庭成员1是否监护人", "籍贯", "通信地址", "家庭地址", "邮政编码",
    "是否独生子女", "是否受过学前教育", "家庭成员2姓名", "家庭成员2关系", "家庭成员2联系电话",
    "家庭成员2是否监护人", "姓名拼音",
};
#define NCOLS (sizeof(heading) / sizeof(heading[0]))

static const char *const surnames[] = {
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
    "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾"};
static const char *const given[] = {
    "伟", "芳", "娜", "英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛",
    "明", "超", "兰", "霞", "平", "刚", "桂", "涵", "浩", "宇", "轩", "然", "欣", "怡", "梓", "睿",
    "子", "思", "雨", "晨", "博", "文", "佳", "嘉", "俊", "瑞", "雪", "琳", "晗", "诗", "一", "可"};
static const char *const regions[] = {"110101", "310104", "440305", "510107", "330106"};

static uint64_t rng = 88172645463325252ULL;

static uint32_t
rnd(uint32_t n)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (uint32_t)(rng % n);
}

static void
make_id(char out[19], const char *region, int y, int m, int d, int seq)
{
    static const int w[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;

    snprintf(out, 19, "%s%04d%02d%02d%03d", region, y, m, d, seq);
    for (int i = 0; i < 17; i++)
        sum += (out[i] - '0') * w[i];
    out[17] = "10X98765432"[sum % 11];
    out[18] = '\0';
}

static int32_t
file_sink(void *user, const char *data, size_t len)
{
    return fwrite(data, 1, len, user) == len ? 0 : -1;
}

static int32_t
null_sink(void *user, const char *data, size_t len)
{
    (void)data;
    *(size_t *)user += len;
    return 0;
}

static int32_t
hash_sink(void *user, const char *data, size_t len)
{
    uint64_t *h = user;

    for (size_t i = 0; i < len; i++) {
        *h ^= (unsigned char)data[i];
        *h *= 1099511628211ULL;
    }
    return 0;
}

/* Every non-empty student of @p in written as JSON Lines into a hash (and as CSV to
 * @p out); both files were made by the writer, so its formula guards are dropped. */
static long
students_hash(stuinfo_ctx *ctx, FILE *in, FILE *out, uint64_t *hash)
{
    stuinfo_roster_options ro;
    stuinfo_roster_writer_options wo;
    stuinfo_roster_reader *r = NULL;
    stuinfo_roster_writer *csv = NULL, *json = NULL;
    stuinfo_roster_row *row;
    long n = -1, rows = 0;

    stuinfo_roster_options_init(&ro);
    ro.validate = 0;
    ro.roster_checks = 0;
    ro.strip_formula_guard = 1;
    stuinfo_roster_writer_options_init(&wo);
    wo.encoding = STUINFO_ROSTER_ENCODING_GB18030;
    if (stuinfo_roster_reader_stdio(ctx, &ro, in, &r) != STUINFO_OK
        || (out != NULL && stuinfo_roster_writer_new(ctx, &wo, file_sink, out, &csv)
                               != STUINFO_OK))
        goto out;
    wo.format = STUINFO_ROSTER_FORMAT_JSONL;
    wo.encoding = STUINFO_ROSTER_ENCODING_UTF8;
    if (stuinfo_roster_writer_new(ctx, &wo, hash_sink, hash, &json) != STUINFO_OK)
        goto out;
    while (stuinfo_roster_reader_next(r, &row) == STUINFO_OK && row != NULL) {
        const stuinfo_student *st = stuinfo_roster_row_student(row);
        /* an empty record (a row with nothing readable) comes back as a blank row */
        if (st == NULL || stuinfo_student_version(st) == 0)
            continue;
        rows++;
        if ((csv != NULL && stuinfo_roster_writer_student(csv, st) != STUINFO_OK)
            || stuinfo_roster_writer_student(json, st) != STUINFO_OK)
            goto out;
    }
    if (stuinfo_ctx_last_status(ctx) == STUINFO_OK
        && (csv == NULL || stuinfo_roster_writer_finish(csv) == STUINFO_OK)
        && stuinfo_roster_writer_finish(json) == STUINFO_OK)
        n = rows;
out:
    stuinfo_roster_writer_free(csv);
    stuinfo_roster_writer_free(json);
    stuinfo_roster_reader_free(r);
    return n;
}

static int
generate(stuinfo_ctx *ctx, FILE *f, long rows)
{
    stuinfo_roster_writer_options o;
    stuinfo_roster_writer *w = NULL;
    char prev_id[19] = "110101201001010015";
    int rc = -1;

    stuinfo_roster_writer_options_init(&o);
    o.encoding = STUINFO_ROSTER_ENCODING_GB18030;
    if (stuinfo_roster_writer_new(ctx, &o, file_sink, f, &w) != STUINFO_OK
        || stuinfo_roster_writer_row(w, heading, NULL, NCOLS) != STUINFO_OK)
        goto out;
    for (long i = 1; i <= rows; i++) {
        char name[32], id[19], birth[16], month[16], phone[16], pphone[16], parent[32];
        char mother[32];
        char cls[16], grade[32], addr[96];
        const char *cells[NCOLS];
        size_t ncells = NCOLS;
        int y = 2008 + rnd(10), m = 1 + rnd(12), d = 1 + rnd(28);
        int sex = 1 + rnd(2);
        const char *region = regions[rnd(5)];

        /* about 75,000 different names: surname and one or two given characters */
        snprintf(name, sizeof(name), "%s%s%s", surnames[rnd(32)], given[rnd(48)],
                 rnd(3) ? given[rnd(48)] : "");
        make_id(id, region, y, m, d, (int)(rnd(499) * 2 + (sex == 1 ? 1 : 2)));
        snprintf(birth, sizeof(birth), "%04d-%02d-%02d", y, m, d);
        snprintf(month, sizeof(month), "%04d-09", y + 7);
        snprintf(grade, sizeof(grade), "小学%d级", y + 7);
        snprintf(cls, sizeof(cls), "%d班", 1 + rnd(12));
        snprintf(phone, sizeof(phone), "13%09u", rnd(1000000000));
        snprintf(pphone, sizeof(pphone), "139%08u", rnd(100000000));
        snprintf(parent, sizeof(parent), "%s%s", surnames[rnd(32)], given[rnd(48)]);
        snprintf(mother, sizeof(mother), "%s%s", surnames[rnd(32)], given[rnd(48)]);
        snprintf(addr, sizeof(addr), "北京市东城区东四街道%u号", 1 + rnd(300));
        if (i % 50 == 7)
            id[17] = id[17] == '0' ? '1' : '0';             /* wrong check character */
        if (i % 1000 == 11)
            memcpy(id, prev_id, sizeof(id));                /* repeated ID number */
        if (i % 300 == 13)
            memcpy(birth + 5, "02-30", 5);                  /* no such date */
        if (i % 2000 == 17)
            memcpy(phone, "=1+1", 5);                       /* formula-like */
        memcpy(prev_id, id, sizeof(id));
        cells[0] = name;
        cells[1] = sex == 1 ? "1" : "2";
        cells[2] = birth;
        cells[3] = region;
        cells[4] = "01";
        cells[5] = "CHN";
        cells[6] = "1";
        cells[7] = id;
        cells[8] = "00";
        cells[9] = "10";
        cells[10] = region;
        cells[11] = "2";
        cells[12] = grade;
        cells[13] = cls;
        cells[14] = month;
        cells[15] = "11";
        cells[16] = "1";
        cells[17] = addr;
        cells[18] = phone;
        cells[19] = parent;
        cells[20] = "51";
        cells[21] = pphone;
        cells[22] = "1";
        cells[23] = "北京市东城区";
        cells[24] = addr;
        cells[25] = addr;
        cells[26] = "100010";
        cells[27] = "0";
        cells[28] = "1";
        cells[29] = mother;
        cells[30] = "52";
        cells[31] = pphone;
        cells[32] = "0";
        cells[33] = "Wang Wei";
        if (i % 700 == 19)
            ncells = 12;                                    /* short row */
        if (i % 400 == 23) {
            /* full-width digits in the ID number (folded with a note) */
            static char wide[64];
            size_t k2 = 0;
            for (int k = 0; k < 18; k++) {
                if (id[k] >= '0' && id[k] <= '9') {
                    wide[k2++] = (char)0xEF;
                    wide[k2++] = (char)0xBC;
                    wide[k2++] = (char)(0x90 + (id[k] - '0'));
                } else {
                    wide[k2++] = id[k];
                }
            }
            wide[k2] = 0;
            cells[7] = wide;
        }
        if (stuinfo_roster_writer_row(w, cells, NULL, ncells) != STUINFO_OK)
            goto out;
        if (i % 500 == 29 || i % 100000 == 31) {
            /* raw bytes the writer would not make: an undecodable byte, a stray quote */
            if (stuinfo_roster_writer_finish(w) != STUINFO_OK)
                goto out;
            stuinfo_roster_writer_free(w);
            w = NULL;
            fputs(i % 500 == 29 ? "\x81\x20,1\r\n" : "\"unclosed,1\r\n", f);
            if (stuinfo_roster_writer_new(ctx, &o, file_sink, f, &w) != STUINFO_OK)
                goto out;
        }
    }
    rc = stuinfo_roster_writer_finish(w) == STUINFO_OK ? 0 : -1;
out:
    stuinfo_roster_writer_free(w);
    return rc;
}

static double
cpu_now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
main(int argc, char **argv)
{
    const char *env = getenv("STUINFO_BENCH_ROSTER_ROWS");
    long rows = argc > 1 ? atol(argv[1]) : env != NULL ? atol(env) : 20000;
    stuinfo_ctx *ctx = NULL;
    stuinfo_roster_reader *r = NULL;
    stuinfo_roster_writer *w = NULL;
    stuinfo_roster_writer_options wo;
    stuinfo_roster_options ro;
    stuinfo_policy policy;
    stuinfo_roster_counts c = {.size = sizeof(c)};
    stuinfo_roster_row *row;
    size_t out_bytes = 0, findings = 0;
    struct rusage ru;
    double t0, dt;
    FILE *f = tmpfile();
    int rc = 1;

    if (rows <= 0 || f == NULL || stuinfo_ctx_new(NULL, &ctx) != STUINFO_OK)
        return 1;
    stuinfo_ctx_set_fixed_time(ctx, 1788220800LL);     /* 2026-09-01 */
    if (generate(ctx, f, rows) != 0 || fflush(f) != 0) {
        fprintf(stderr, "generating failed: %s\n", stuinfo_ctx_last_message(ctx));
        goto out;
    }
    rewind(f);
    stuinfo_roster_writer_options_init(&wo);
    wo.format = STUINFO_ROSTER_FORMAT_FINDINGS_CSV;
    /* The registry template carries no study history: its rules are off here. */
    stuinfo_policy_init(&policy);
    policy.checks &= ~(uint32_t)STUINFO_CHECK_HISTORY;
    stuinfo_roster_options_init(&ro);
    ro.policy = &policy;
    if (stuinfo_roster_reader_stdio(ctx, &ro, f, &r) != STUINFO_OK
        || stuinfo_roster_writer_new(ctx, &wo, null_sink, &out_bytes, &w) != STUINFO_OK)
        goto out;
    t0 = cpu_now();
    while (stuinfo_roster_reader_next(r, &row) == STUINFO_OK && row != NULL) {
        findings += stuinfo_report_count(stuinfo_roster_row_findings(row));
        if (stuinfo_roster_writer_findings(w, stuinfo_roster_row_findings(row)) != STUINFO_OK)
            goto out;
    }
    if (stuinfo_ctx_last_status(ctx) != STUINFO_OK
        || stuinfo_roster_writer_findings(w, stuinfo_roster_reader_file_findings(r))
               != STUINFO_OK
        || stuinfo_roster_writer_finish(w) != STUINFO_OK)
        goto out;
    dt = cpu_now() - t0;
    findings += stuinfo_report_count(stuinfo_roster_reader_file_findings(r));
    stuinfo_roster_reader_counts(r, &c);
    if (c.rows_read != c.rows_accepted + c.rows_with_errors + c.rows_skipped) {
        fprintf(stderr, "counts do not add up\n");
        goto out;
    }
    getrusage(RUSAGE_SELF, &ru);
    printf("bench roster.rows %.0f rows/s\n", (double)c.rows_read / dt);
    printf("bench roster.peak_rss %.1f MiB\n", (double)ru.ru_maxrss / 1024.0);
    printf("bench roster.read %lld rows (accepted %lld, with errors %lld, skipped %lld), "
           "%zu findings (%zu roster-level), %zu bytes of findings CSV\n",
           (long long)c.rows_read, (long long)c.rows_accepted, (long long)c.rows_with_errors,
           (long long)c.rows_skipped, findings,
           stuinfo_report_count(stuinfo_roster_reader_file_findings(r)), out_bytes);
    /* The reader alone (decoding, CSV, findings of the file itself), without records. */
    {
        stuinfo_roster_reader *r2 = NULL;
        stuinfo_roster_counts c2 = {.size = sizeof(c2)};

        rewind(f);
        ro.to_students = 0;
        if (stuinfo_roster_reader_stdio(ctx, &ro, f, &r2) != STUINFO_OK)
            goto out;
        t0 = cpu_now();
        while (stuinfo_roster_reader_next(r2, &row) == STUINFO_OK && row != NULL)
            ;
        dt = cpu_now() - t0;
        stuinfo_roster_reader_counts(r2, &c2);
        stuinfo_roster_reader_free(r2);
        printf("bench roster.parse_rows %.0f rows/s\n", (double)c2.rows_read / dt);
    }
    /* Round trip: the records written back as a GB18030 roster read to the same records. */
    {
        FILE *f2 = tmpfile();
        uint64_t h1 = 1469598103934665603ULL, h2 = h1;
        long n1, n2 = -2;

        rewind(f);
        n1 = f2 == NULL ? -1 : students_hash(ctx, f, f2, &h1);
        if (n1 >= 0 && fflush(f2) == 0) {
            rewind(f2);
            n2 = students_hash(ctx, f2, NULL, &h2);
        }
        if (f2 != NULL)
            fclose(f2);
        printf("bench roster.round_trip %s (%ld records)\n",
               n1 >= 0 && n1 == n2 && h1 == h2 ? "identical" : "DIFFERENT", n1);
        if (n1 < 0 || n1 != n2 || h1 != h2)
            goto out;
    }
    rc = 0;
out:
    stuinfo_roster_writer_free(w);
    stuinfo_roster_reader_free(r);
    stuinfo_ctx_free(ctx);
    fclose(f);
    return rc;
}
