/*
 * The roster-level checks in a memory budget: keys beyond it go, sorted and encrypted, to a
 * temporary file and are merged back. The findings are byte for byte those of a read that
 * keeps every key in memory; the file holds no ID number in clear; file errors and
 * allocation failures give a status and a message, never a crash or a leak.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "test_ctx.h"
#include "test_rng.h"
#include "roster_util.h"

/* ---- a generated roster with planted pairs ---------------------------------------- */

struct roster {
    char *csv;
    size_t len;
    char (*ids)[19];            /* each row's ID number ("" when none) */
    size_t rows;
};

static test_rng rng;           /* seeded by roster_make() */

static const char *const sur[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵"};
static const char *const giv[] = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊",
                                  "军", "洋", "勇", "艳", "杰", "娟", "涛", "明"};

struct person {
    char name[32], birth[11], sex[2];
};

/*
 * Rows of 128 names with planted pairs far apart (so across chunk boundaries): the same
 * number (every 97th row, and a third copy), the same person under another number, one
 * digit off, two adjacent characters swapped; rows without a number, without a name, with
 * a 15-character number; and a block of 2,300 rows of one name whose numbers share their
 * last four characters, more than the 2,048 compared pairwise in a group.
 */
static void
roster_make(struct roster *ro, size_t rows)
{
    size_t cap = rows * 80 + 64;
    struct person *p = test_calloc(rows + 1, sizeof(*p));

    rng.state = 88172645463325252ULL;
    ro->csv = test_malloc(cap);
    ro->ids = test_calloc(rows + 1, sizeof(*ro->ids));
    ro->rows = rows;
    ro->len = (size_t)snprintf(ro->csv, cap, "姓名,性别,出生日期,身份证件号\n");
    for (size_t i = 1; i <= rows; i++) {
        char *id = ro->ids[i];
        int m = 1 + (int)test_rnd(&rng, 12), d = 1 + (int)test_rnd(&rng, 28);

        snprintf(p[i].name, sizeof(p[i].name), "%s%s", sur[test_rnd(&rng, 8)],
                 giv[test_rnd(&rng, 16)]);
        snprintf(p[i].birth, sizeof(p[i].birth), "2010-%02d-%02d", m, d);
        snprintf(p[i].sex, sizeof(p[i].sex), "%u", 1 + test_rnd(&rng, 2));
        snprintf(id, 19, "%06u2010%02d%02d%03u%u", 110101 + test_rnd(&rng, 50) * 100, m, d,
                 test_rnd(&rng, 1000), test_rnd(&rng, 10));
        if (i % 601 == 0)
            id[17] = 'X';
        if (i >= 3001 && i <= 5300) {
            unsigned j = (unsigned)(i - 3001);
            /* chars 1-10 repeat j: any two differ in two places, never adjacent */
            snprintf(p[i].name, sizeof(p[i].name), "欧阳娜娜");
            snprintf(id, 19, "%04u%04u%02u01010015", j, j, j % 100);
        } else if (i % 97 == 0 && i > 150) {
            memcpy(id, ro->ids[i - 150], 19);                   /* the same number */
        } else if (i % 389 == 0 && i > 400) {
            memcpy(id, ro->ids[i - 388], 19);                    /* and again */
        } else if (i % 131 == 0 && i > 200) {
            p[i] = p[i - 200];                                   /* same person, new number */
        } else if (i % 173 == 0 && i > 300 && ro->ids[i - 300][0] != '\0') {
            memcpy(id, ro->ids[i - 300], 19);                    /* one digit off */
            id[12] = id[12] == '9' ? '0' : (char)(id[12] + 1);
            p[i] = p[i - 300];
            p[i].birth[9] = p[i].birth[9] == '1' ? '2' : '1';
        } else if (i % 211 == 0 && i > 250 && ro->ids[i - 250][0] != '\0') {
            memcpy(id, ro->ids[i - 250], 19);                    /* adjacent swap */
            for (int k = 16; k > 0; k--) {
                if (id[k] != id[k - 1]) {
                    char t = id[k];
                    id[k] = id[k - 1];
                    id[k - 1] = t;
                    break;
                }
            }
            snprintf(p[i].name, sizeof(p[i].name), "%s", p[i - 250].name);
        } else if (i % 401 == 0) {
            id[0] = '\0';                                        /* no number: no key */
        } else if (i % 307 == 0) {
            id[15] = '\0';                                       /* 15 characters: hashed */
        } else if (i % 503 == 0) {
            p[i].name[0] = '\0';
        }
        ro->len += (size_t)snprintf(ro->csv + ro->len, cap - ro->len, "%s,%s,%s,%s\n",
                                    p[i].name, p[i].sex, p[i].birth, id);
    }
    test_free(p);
}

static void
roster_free(struct roster *ro)
{
    test_free(ro->csv);
    test_free(ro->ids);
}

static stuinfo_roster_reader *
open_reader(stuinfo_ctx *ctx, struct memsrc *src, const struct roster *ro, uint32_t budget,
            const char *dir)
{
    stuinfo_roster_options o;
    stuinfo_roster_reader *r = NULL;

    stuinfo_roster_options_init(&o);
    o.validate = 0;
    o.max_cell_bytes = 1024;            /* small record buffers: cmocka fills each block */
    o.max_record_bytes = 4096;
    o.check_memory_bytes = budget;
    o.spill_dir = dir;
    *src = (struct memsrc){ro->csv, ro->len, 0, 0, 0, 0};
    assert_int_equal(stuinfo_roster_reader_new(ctx, &o, memsrc_read, src, &r), STUINFO_OK);
    return r;
}

/* Every file finding as "row|rule|field|message" lines; the caller frees. */
static char *
findings_text(const stuinfo_roster_reader *r)
{
    const stuinfo_report *rep = stuinfo_roster_reader_file_findings(r);
    size_t n = stuinfo_report_count(rep), cap = n * 160 + 1, o = 0;
    char *text = test_malloc(cap);

    text[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        stuinfo_finding f = {.size = sizeof(f)};
        assert_int_equal(stuinfo_report_get(rep, i, &f), STUINFO_OK);
        o += (size_t)snprintf(text + o, cap - o, "%lld|%s|%s|%s\n", (long long)f.row, f.rule,
                              f.field, f.message);
        assert_true(o < cap);
    }
    return text;
}

static char *
read_all(const struct roster *ro, uint32_t budget, const char *dir)
{
    stuinfo_ctx *ctx = test_ctx_new();
    struct memsrc src;
    stuinfo_roster_reader *r = open_reader(ctx, &src, ro, budget, dir);
    stuinfo_roster_row *row;
    char *text;

    do
        assert_int_equal(stuinfo_roster_reader_next(r, &row), STUINFO_OK);
    while (row != NULL);
    text = findings_text(r);
    stuinfo_roster_reader_free(r);
    stuinfo_ctx_free(ctx);
    return text;
}

static size_t
count_rule(const char *text, const char *rule)
{
    size_t n = 0;
    for (const char *p = strstr(text, rule); p != NULL; p = strstr(p + 1, rule))
        n++;
    return n;
}

/* ---- tests ------------------------------------------------------------------------ */

/* 30,000 rows in chunks of 102 keys: 294 chunks, merges over three levels. */
static void
test_spilled_findings_identical(void **state)
{
    struct roster ro;
    char *mem, *tiny, *mid;
    (void)state;

    roster_make(&ro, 30000);
    mem = read_all(&ro, 0, NULL);                           /* 16 MiB: all in memory */
    tiny = read_all(&ro, 100 * 20, NULL);                   /* raised to the minimum */
    assert_true(count_rule(mem, "roster.duplicate_id") > 100);
    assert_true(count_rule(mem, "roster.same_person_other_id") > 100);
    assert_true(count_rule(mem, "roster.near_id_digit") > 50);
    assert_true(count_rule(mem, "roster.near_id_swap") > 50);
    assert_string_equal(tiny, mem);
    test_free(mem);
    test_free(tiny);
    roster_free(&ro);
    /* chunks of 819 keys */
    roster_make(&ro, 6000);
    mem = read_all(&ro, 0, NULL);
    mid = read_all(&ro, 64 * 1024, NULL);
    assert_string_equal(mid, mem);
    test_free(mem);
    test_free(mid);
    roster_free(&ro);
}

/* A small roster below the budget, and one pair across the first chunk boundary. */
static void
test_spilled_small(void **state)
{
    struct roster ro;
    char *mem, *tiny;
    (void)state;

    roster_make(&ro, 400);
    mem = read_all(&ro, 0, NULL);
    tiny = read_all(&ro, STUINFO_ROSTER_MIN_CHECK_MEMORY, NULL);
    assert_true(count_rule(mem, "roster.duplicate_id") >= 2);
    assert_string_equal(tiny, mem);
    test_free(mem);
    test_free(tiny);
    roster_free(&ro);
}

static void
make_dir(char *dir, size_t cap)
{
    const char *base = getenv("TMPDIR");

    snprintf(dir, cap, "%s/stuinfo-spill-test-XXXXXX", base && *base ? base : "/tmp");
    assert_non_null(mkdtemp(dir));
}

static size_t
dir_entries(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    size_t n = 0;

    assert_non_null(d);
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            n++;
    closedir(d);
    return n;
}

/* The bytes of the open file whose path is in @p dir (found through /proc/self/fd). */
static unsigned char *
spill_bytes(const char *dir, size_t *len)
{
    DIR *d = opendir("/proc/self/fd");
    struct dirent *e;
    unsigned char *bytes = NULL;

    *len = 0;
    if (d == NULL)
        return NULL;
    while (bytes == NULL && (e = readdir(d)) != NULL) {
        char link[300], target[4096];
        ssize_t n;

        snprintf(link, sizeof(link), "/proc/self/fd/%s", e->d_name);
        n = readlink(link, target, sizeof(target) - 1);
        if (n <= 0)
            continue;
        target[n] = '\0';
        if (strncmp(target, dir, strlen(dir)) == 0 && target[strlen(dir)] == '/') {
            int fd = open(link, O_RDONLY);
            struct stat sb;
            assert_true(fd >= 0);
            assert_int_equal(fstat(fd, &sb), 0);
            bytes = test_malloc((size_t)sb.st_size + 1);
            *len = (size_t)read(fd, bytes, (size_t)sb.st_size);
            assert_int_equal(*len, (size_t)sb.st_size);
            close(fd);
        }
    }
    closedir(d);
    return bytes;
}

/* The 8 bytes of a number packed as the checks keep it (high word, low word). */
static void
packed(const char *id, unsigned char out[8])
{
    uint64_t v = 0;
    uint32_t hi, lo;

    for (int i = 0; i < 17; i++)
        v = v * 10 + (uint64_t)(id[i] - '0');
    v = (v * 11 + (uint64_t)(id[17] == 'X' ? 10 : id[17] - '0')) | (1ULL << 62);
    hi = (uint32_t)(v >> 32);
    lo = (uint32_t)v;
    memcpy(out, &hi, 4);
    memcpy(out + 4, &lo, 4);
}

static bool
contains(const unsigned char *hay, size_t n, const void *needle, size_t m)
{
    for (size_t i = 0; i + m <= n; i++)
        if (memcmp(hay + i, needle, m) == 0)
            return true;
    return false;
}

static size_t
ids_in_clear(const struct roster *ro, size_t upto, const unsigned char *bytes, size_t n)
{
    size_t found = 0;

    for (size_t i = 1; i <= upto; i++) {
        const char *id = ro->ids[i];
        unsigned char p[8];
        bool digits = strlen(id) == 18;

        for (int k = 0; k < 17 && digits; k++)
            digits = id[k] >= '0' && id[k] <= '9';
        if (id[0] == '\0')
            continue;
        found += contains(bytes, n, id, strlen(id));
        if (digits) {
            packed(id, p);
            found += contains(bytes, n, p, sizeof(p));
        }
    }
    return found;
}

static void
test_spill_file_encrypted(void **state)
{
    struct roster ro;
    char dir[512];
    stuinfo_ctx *ctx = test_ctx_new();
    struct memsrc src;
    stuinfo_roster_reader *r;
    stuinfo_roster_row *row;
    unsigned char *bytes, control[16 * 20];
    size_t n;
    (void)state;

    if (access("/proc/self/fd", R_OK) != 0)
        skip();
    make_dir(dir, sizeof(dir));
    roster_make(&ro, 2000);
    r = open_reader(ctx, &src, &ro, STUINFO_ROSTER_MIN_CHECK_MEMORY, dir);
    for (int i = 0; i < 1500; i++) {
        assert_int_equal(stuinfo_roster_reader_next(r, &row), STUINFO_OK);
        assert_non_null(row);
    }
    /* no name in the directory: the file is nameless or already unlinked */
    assert_int_equal(dir_entries(dir), 0);
    bytes = spill_bytes(dir, &n);
    assert_non_null(bytes);
    assert_true(n >= 1000 * 20);                 /* the keys of the spilled chunks */
    assert_int_equal(ids_in_clear(&ro, 1500, bytes, n), 0);
    test_free(bytes);
    /* the search itself finds numbers laid out as the keys are */
    memset(control, 0, sizeof(control));
    for (size_t i = 1; i <= 16; i++)
        packed(ro.ids[i][0] != '\0' && strlen(ro.ids[i]) == 18 ? ro.ids[i] : ro.ids[1],
               control + (i - 1) * 20);
    assert_true(ids_in_clear(&ro, 16, control, sizeof(control)) >= 10);
    do
        assert_int_equal(stuinfo_roster_reader_next(r, &row), STUINFO_OK);
    while (row != NULL);
    stuinfo_roster_reader_free(r);
    assert_int_equal(dir_entries(dir), 0);
    assert_int_equal(rmdir(dir), 0);
    stuinfo_ctx_free(ctx);
    roster_free(&ro);
}

/* Read to the end; returns the status of the first failure and checks its message. */
static stuinfo_status
read_failing(const struct roster *ro, uint32_t budget, const char *dir, const char *why)
{
    stuinfo_ctx *ctx = test_ctx_new();
    struct memsrc src;
    stuinfo_roster_reader *r = open_reader(ctx, &src, ro, budget, dir);
    stuinfo_roster_counts c = {.size = sizeof(c)};
    stuinfo_status first = STUINFO_OK, st;
    stuinfo_roster_row *row = NULL;
    int failures = 0, rows = 0;

    for (;;) {
        st = stuinfo_roster_reader_next(r, &row);
        if (st != STUINFO_OK) {
            const char *msg = stuinfo_ctx_last_message(ctx);
            assert_null(row);
            assert_int_equal(st, STUINFO_ERR_IO);
            assert_non_null(strstr(msg, "roster checks"));
            assert_non_null(strstr(msg, why));
            for (const char *p = msg; *p; p++)          /* nothing about the data */
                assert_false(*p >= '0' && *p <= '9');
            if (first == STUINFO_OK)
                first = st;
            failures++;
            continue;
        }
        if (row == NULL)
            break;
        rows++;
    }
    /* said at the row where it happened and again at the end; every row still read */
    assert_int_equal(failures, 2);
    stuinfo_roster_reader_counts(r, &c);
    assert_int_equal(c.rows_read, (int64_t)ro->rows);
    assert_int_equal(rows + 1, (int)ro->rows);
    assert_int_equal(c.rows_read, c.rows_accepted + c.rows_with_errors + c.rows_skipped);
    stuinfo_roster_reader_free(r);
    stuinfo_ctx_free(ctx);
    return first;
}

static void
test_spill_dir_errors(void **state)
{
    struct roster ro;
    char dir[512], file[600];
    FILE *f;
    (void)state;

    roster_make(&ro, 600);
    make_dir(dir, sizeof(dir));
    snprintf(file, sizeof(file), "%s/missing", dir);
    assert_int_equal(read_failing(&ro, STUINFO_ROSTER_MIN_CHECK_MEMORY, file, "ENOENT"),
                     STUINFO_ERR_IO);
    f = fopen(file, "w");
    assert_non_null(f);
    fclose(f);
    assert_int_equal(read_failing(&ro, STUINFO_ROSTER_MIN_CHECK_MEMORY, file, "ENOTDIR"),
                     STUINFO_ERR_IO);
    /* below the budget the directory is never used */
    {
        char *text = read_all(&ro, 0, file);
        test_free(text);
    }
    assert_int_equal(unlink(file), 0);
    assert_int_equal(rmdir(dir), 0);
    roster_free(&ro);
}

/* A write that fails half-way (the file size limit: EFBIG, as ENOSPC would). */
static void
test_spill_write_error(void **state)
{
    struct roster ro;
    struct rlimit old, lim;
    (void)state;

    roster_make(&ro, 2000);
    assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
    signal(SIGXFSZ, SIG_IGN);
    lim = old;
    lim.rlim_cur = 30000;
    assert_int_equal(setrlimit(RLIMIT_FSIZE, &lim), 0);
    assert_int_equal(read_failing(&ro, STUINFO_ROSTER_MIN_CHECK_MEMORY, NULL, "EFBIG"),
                     STUINFO_ERR_IO);
    assert_int_equal(setrlimit(RLIMIT_FSIZE, &old), 0);
    signal(SIGXFSZ, SIG_DFL);
    roster_free(&ro);
}

/* The spill directory is copied: the caller's string may go at once. */
static void
test_spill_dir_copied(void **state)
{
    struct roster ro;
    char *mem, *dir = test_malloc(8), *text;
    stuinfo_ctx *ctx = test_ctx_new();
    struct memsrc src;
    stuinfo_roster_reader *r;
    stuinfo_roster_row *row;
    (void)state;

    roster_make(&ro, 700);
    mem = read_all(&ro, 0, NULL);
    memcpy(dir, "/tmp", 5);
    r = open_reader(ctx, &src, &ro, STUINFO_ROSTER_MIN_CHECK_MEMORY, dir);
    memcpy(dir, "/nope", 6);
    test_free(dir);
    do
        assert_int_equal(stuinfo_roster_reader_next(r, &row), STUINFO_OK);
    while (row != NULL);
    text = findings_text(r);
    assert_string_equal(text, mem);
    test_free(text);
    test_free(mem);
    stuinfo_roster_reader_free(r);
    stuinfo_ctx_free(ctx);
    roster_free(&ro);
}

/* ---- allocation failures -------------------------------------------------------- */

/* A fault allocator that also notes which allocations are large (the checks' arrays, the
 * run file's state): the sweep fails each of those and the one after it. */
struct sweep {
    uint64_t count, fail_at;
    bool injected;
    uint64_t big[256];
    size_t nbig;
};

static void *
sw_malloc(size_t n, void *user)
{
    struct sweep *s = user;

    if (++s->count == s->fail_at) {
        s->injected = true;
        return NULL;
    }
    if (n >= 1024 && s->nbig < 256)
        s->big[s->nbig++] = s->count;
    return test_malloc(n);
}

static void *
sw_realloc(void *p, size_t n, void *user)
{
    struct sweep *s = user;

    if (++s->count == s->fail_at) {
        s->injected = true;
        return NULL;
    }
    return test_realloc(p, n);
}

static void
sw_free(void *p, void *user)
{
    (void)user;
    test_free(p);
}

/* One spilling read with allocation @p fail_at failing; the findings when none failed. */
static char *
sweep_read(stuinfo_ctx *ctx, struct sweep *sw, const struct roster *ro, uint64_t fail_at)
{
    struct memsrc src;
    stuinfo_roster_reader *r = NULL;
    stuinfo_roster_options o;
    stuinfo_roster_row *row = NULL;
    stuinfo_roster_counts c = {.size = sizeof(c)};
    stuinfo_status st;
    bool failed, rows = false;
    char *text = NULL;

    stuinfo_roster_options_init(&o);
    o.validate = 0;
    o.max_cell_bytes = 1024;
    o.max_record_bytes = 4096;
    o.check_memory_bytes = STUINFO_ROSTER_MIN_CHECK_MEMORY;
    src = (struct memsrc){ro->csv, ro->len, 0, 0, 0, 0};
    sw->count = 0;
    sw->nbig = 0;
    sw->injected = false;
    sw->fail_at = fail_at;
    st = stuinfo_roster_reader_new(ctx, &o, memsrc_read, &src, &r);
    failed = st != STUINFO_OK;
    while (st == STUINFO_OK) {
        st = stuinfo_roster_reader_next(r, &row);
        if (st != STUINFO_OK) {
            assert_int_equal(st, STUINFO_ERR_NOMEM);
            failed = true;
            /* after the heading row the reader recovers; the checks say so at the end */
            st = rows ? STUINFO_OK : st;
            continue;
        }
        if (row == NULL)
            break;
        rows = true;
    }
    if (r != NULL) {
        stuinfo_roster_reader_counts(r, &c);
        assert_int_equal(c.rows_read, c.rows_accepted + c.rows_with_errors + c.rows_skipped);
        if (!sw->injected) {
            assert_false(failed);
            text = findings_text(r);
        }
    }
    stuinfo_roster_reader_free(r);
    return text;
}

/* Allocation failures during a spilling read: a status, no leak, counts that add up; the
 * first rows' allocations one by one, then every large allocation and the one after it. */
static void
test_spill_alloc_failures(void **state)
{
    struct roster ro;
    struct sweep sw = {0};
    stuinfo_ctx_options opts;
    stuinfo_ctx *ctx = NULL;
    uint64_t big[256];
    size_t nbig;
    char *want, *again;
    (void)state;

    roster_make(&ro, 300);
    want = read_all(&ro, STUINFO_ROSTER_MIN_CHECK_MEMORY, NULL);
    assert_int_equal(stuinfo_ctx_options_init(&opts), STUINFO_OK);
    opts.lang = STUINFO_LANG_EN;
    opts.malloc_fn = sw_malloc;
    opts.realloc_fn = sw_realloc;
    opts.free_fn = sw_free;
    opts.alloc_user = &sw;
    assert_int_equal(stuinfo_ctx_new(&opts, &ctx), STUINFO_OK);
    assert_int_equal(stuinfo_ctx_set_fixed_time(ctx, TEST_NOW), STUINFO_OK);
    again = sweep_read(ctx, &sw, &ro, 0);
    assert_string_equal(again, want);
    test_free(again);
    nbig = sw.nbig;
    memcpy(big, sw.big, sizeof(big));
    assert_true(nbig >= 5);             /* chunk arrays, the run file, the near group */
    for (uint64_t n = 1; n <= 120; n++)
        test_free(sweep_read(ctx, &sw, &ro, n));
    for (size_t i = 0; i < nbig; i++) {
        test_free(sweep_read(ctx, &sw, &ro, big[i]));
        assert_true(sw.injected);
        test_free(sweep_read(ctx, &sw, &ro, big[i] + 1));
    }
    stuinfo_ctx_free(ctx);
    test_free(want);
    roster_free(&ro);
}

int
main(int argc, char **argv)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_spilled_findings_identical),
        cmocka_unit_test(test_spilled_small),
        cmocka_unit_test(test_spill_file_encrypted),
        cmocka_unit_test(test_spill_dir_errors),
        cmocka_unit_test(test_spill_write_error),
        cmocka_unit_test(test_spill_dir_copied),
        cmocka_unit_test(test_spill_alloc_failures),
    };
    if (argc > 1)
        cmocka_set_test_filter(argv[1]);        /* one test by name, while measuring */
    return cmocka_run_group_tests(tests, NULL, NULL);
}
