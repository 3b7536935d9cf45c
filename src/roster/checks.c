/*
 * Roster-level checks that one record cannot see: the same ID number twice; the same
 * name, birth date and sex under different ID numbers; ID numbers one digit or one
 * transposition apart under the same name. Each row leaves a 24-byte key (the ID number
 * packed into 64 bits, a hash of the name's comparison key, birth date and sex), never
 * the record; at the end the keys are sorted three ways and each pair is reported once,
 * on the later row, naming the earlier one.
 */
#include <stdlib.h>
#include <string.h>

#include "core/report.h"
#include "roster_impl.h"

/* 20 bytes, 4-byte aligned: a million rows keep 20 MB. */
struct roster_key {
    uint32_t id_hi, id_lo;      /* packed 18-char number (bit 62) or a hash (bit 63) */
    uint32_t name;              /* hash of the name key; 0 when no name */
    uint32_t birth_sex;         /* yyyymmdd | sex << 28; 0 when unknown */
    uint32_t row;
};

#define KEY_ID(k) ((uint64_t)(k)->id_hi << 32 | (k)->id_lo)

#define ID_PACKED (1ULL << 62)
#define ID_HASHED (1ULL << 63)
/* Runs larger than this are compared only within their first entries. */
#define NEAR_GROUP_MAX 2048

static uint64_t
fnv1a(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ULL;

    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    return h;
}

static uint64_t
pack_id(const char *s, size_t n)
{
    uint64_t v = 0;

    if (n == 18) {
        size_t i;
        for (i = 0; i < 17 && s[i] >= '0' && s[i] <= '9'; i++)
            v = v * 10 + (uint64_t)(s[i] - '0');
        if (i == 17 && ((s[17] >= '0' && s[17] <= '9') || s[17] == 'X'))
            return (v * 11 + (uint64_t)(s[17] == 'X' ? 10 : s[17] - '0')) | ID_PACKED;
    }
    return (fnv1a(s, n) & ~(ID_PACKED | ID_HASHED)) | ID_HASHED;
}

static void
unpack_id(uint64_t id, unsigned char d[18])
{
    uint64_t v = id & ~ID_PACKED;

    d[17] = (unsigned char)(v % 11);
    v /= 11;
    for (int i = 16; i >= 0; i--) {
        d[i] = (unsigned char)(v % 10);
        v /= 10;
    }
}

/* 1: one character differs, 2: two adjacent characters swapped, 0: neither. */
static int
near_ids(uint64_t a, uint64_t b)
{
    unsigned char x[18], y[18];
    int diff[3], n = 0;

    if (!(a & ID_PACKED) || !(b & ID_PACKED) || a == b)
        return 0;
    unpack_id(a, x);
    unpack_id(b, y);
    for (int i = 0; i < 18; i++) {
        if (x[i] != y[i]) {
            if (n == 2)
                return 0;
            diff[n++] = i;
        }
    }
    if (n == 1)
        return 1;
    if (n == 2 && diff[1] == diff[0] + 1 && x[diff[0]] == y[diff[1]]
        && x[diff[1]] == y[diff[0]])
        return 2;
    return 0;
}

static uint32_t
birth_sex(const stuinfo_student *st)
{
    const char *b = NULL, *sx = NULL;
    size_t bl = 0, sl = 0;
    uint32_t v = 0;

    stuinfo_student_get(st, STUINFO_FIELD_BIRTH_DATE, &b, &bl);
    stuinfo_student_get(st, STUINFO_FIELD_SEX, &sx, &sl);
    if (b == NULL || bl != 10 || sx == NULL || sl != 1 || sx[0] < '0' || sx[0] > '9')
        return 0;
    for (size_t i = 0; i < 10; i++) {
        if (i == 4 || i == 7)
            continue;
        if (b[i] < '0' || b[i] > '9')
            return 0;
        v = v * 10 + (uint32_t)(b[i] - '0');
    }
    return v | (uint32_t)(sx[0] - '0') << 28;
}

stuinfo_status
checks_add(stuinfo_roster_reader *r, const stuinfo_student *st, int64_t row)
{
    const char *id = NULL, *name = NULL;
    size_t id_len = 0, name_len = 0;
    struct roster_key *k;
    uint64_t packed;

    stuinfo_student_get(st, STUINFO_FIELD_ID_DOC_NO, &id, &id_len);
    if (id == NULL || id_len == 0 || row > UINT32_MAX)
        return STUINFO_OK;
    if (r->nkeys == r->keys_cap) {
        /* The keys hold ID numbers: grow by allocate-copy-wipe-free, never realloc. */
        size_t cap = r->keys_cap ? r->keys_cap * 2 : 4096;
        struct roster_key *nk = core_calloc(r->ctx, cap, sizeof(*nk));

        if (nk == NULL)
            return STUINFO_ERR_NOMEM;
        if (r->nkeys > 0)
            memcpy(nk, r->keys, r->nkeys * sizeof(*nk));
        core_free_wipe(r->ctx, r->keys, r->keys_cap * sizeof(*nk));
        r->keys = nk;
        r->keys_cap = cap;
    }
    k = &r->keys[r->nkeys++];
    packed = pack_id(id, id_len);
    k->id_hi = (uint32_t)(packed >> 32);
    k->id_lo = (uint32_t)packed;
    stuinfo_student_name_key(st, &name, &name_len);
    k->name = name != NULL && name_len > 0 ? ((uint32_t)fnv1a(name, name_len) | 1) : 0;
    k->birth_sex = birth_sex(st);
    k->row = (uint32_t)row;
    return STUINFO_OK;
}

#define CMP(a, b) ((a) < (b) ? -1 : (a) > (b))

static int
by_id(const void *pa, const void *pb)
{
    const struct roster_key *a = pa, *b = pb;
    return KEY_ID(a) != KEY_ID(b) ? CMP(KEY_ID(a), KEY_ID(b)) : CMP(a->row, b->row);
}

static int
by_person(const void *pa, const void *pb)
{
    const struct roster_key *a = pa, *b = pb;
    if (a->name != b->name)
        return CMP(a->name, b->name);
    if (a->birth_sex != b->birth_sex)
        return CMP(a->birth_sex, b->birth_sex);
    return by_id(pa, pb);
}

typedef int (*key_cmp)(const void *, const void *);

static void
key_swap(struct roster_key *a, struct roster_key *b)
{
    struct roster_key t = *a;
    *a = *b;
    *b = t;
}

static void
key_heap_sift(struct roster_key *k, size_t n, size_t i, key_cmp cmp)
{
    for (;;) {
        size_t l = 2 * i + 1, m = i;
        if (l < n && cmp(&k[l], &k[m]) > 0)
            m = l;
        if (l + 1 < n && cmp(&k[l + 1], &k[m]) > 0)
            m = l + 1;
        if (m == i)
            return;
        key_swap(&k[i], &k[m]);
        i = m;
    }
}

/*
 * In place (glibc's qsort would allocate a copy of the whole array, doubling the memory
 * of the checks): quicksort, median of three, heapsort when it degenerates.
 */
static void
key_sort_depth(struct roster_key *k, size_t n, key_cmp cmp, int depth)
{
    while (n > 16) {
        size_t i, j, mid = n / 2;

        if (depth-- == 0) {
            for (i = n / 2; i-- > 0;)
                key_heap_sift(k, n, i, cmp);
            for (i = n - 1; i > 0; i--) {
                key_swap(&k[0], &k[i]);
                key_heap_sift(k, i, 0, cmp);
            }
            return;
        }
        if (cmp(&k[mid], &k[0]) < 0)
            key_swap(&k[mid], &k[0]);
        if (cmp(&k[n - 1], &k[0]) < 0)
            key_swap(&k[n - 1], &k[0]);
        if (cmp(&k[n - 1], &k[mid]) < 0)
            key_swap(&k[n - 1], &k[mid]);
        key_swap(&k[mid], &k[n - 2]);           /* pivot at n - 2 */
        i = 0;
        j = n - 2;
        for (;;) {
            while (cmp(&k[++i], &k[n - 2]) < 0)
                ;
            while (cmp(&k[--j], &k[n - 2]) > 0)
                ;
            if (i >= j)
                break;
            key_swap(&k[i], &k[j]);
        }
        key_swap(&k[i], &k[n - 2]);
        /* recurse into the smaller side, loop on the larger */
        if (i < n - i - 1) {
            key_sort_depth(k, i, cmp, depth);
            k += i + 1;
            n -= i + 1;
        } else {
            key_sort_depth(k + i + 1, n - i - 1, cmp, depth);
            n = i;
        }
    }
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && cmp(&k[j - 1], &k[j]) > 0; j--)
            key_swap(&k[j - 1], &k[j]);
}

static void
key_sort(struct roster_key *k, size_t n, key_cmp cmp)
{
    int depth = 0;

    for (size_t m = n; m > 0; m >>= 1)
        depth += 2;
    key_sort_depth(k, n, cmp, depth);
}

static stuinfo_status
pair(stuinfo_roster_reader *r, rule_id rule, uint32_t row_a, uint32_t row_b)
{
    char other[24];
    uint32_t first = row_a < row_b ? row_a : row_b, later = row_a < row_b ? row_b : row_a;

    core_report_set_row(r->file_findings, later);
    return core_report_add(r->file_findings, rule, "id_doc_no",
                           core_fmt_int(other, first), NULL);
}

static stuinfo_status
same_id(stuinfo_roster_reader *r)
{
    struct roster_key *k = r->keys;
    stuinfo_status st = STUINFO_OK;

    key_sort(k, r->nkeys, by_id);
    for (size_t i = 0, first = 0; i < r->nkeys && st == STUINFO_OK; i++) {
        if (i == 0 || KEY_ID(&k[i]) != KEY_ID(&k[first]))
            first = i;
        else
            st = pair(r, RULE_ROSTER_DUPLICATE_ID, k[first].row, k[i].row);
    }
    return st;
}

static stuinfo_status
same_person(stuinfo_roster_reader *r)
{
    struct roster_key *k = r->keys;
    stuinfo_status st = STUINFO_OK;

    key_sort(k, r->nkeys, by_person);
    for (size_t i = 1, first = 0; i < r->nkeys && st == STUINFO_OK; i++) {
        if (k[i].name != k[first].name || k[i].birth_sex != k[first].birth_sex) {
            first = i;
            continue;
        }
        if (k[i].name == 0 || k[i].birth_sex == 0 || KEY_ID(&k[i]) == KEY_ID(&k[i - 1])
            || KEY_ID(&k[i]) == KEY_ID(&k[first]))
            continue;
        /* near numbers are reported by near_id() with the more precise rule */
        if (near_ids(KEY_ID(&k[first]), KEY_ID(&k[i])) == 0)
            st = pair(r, RULE_ROSTER_SAME_PERSON_OTHER_ID, k[first].row, k[i].row);
    }
    return st;
}

/*
 * Near numbers, without comparing every pair of a common name: a pair one substitution or
 * one adjacent swap apart always agrees on one of three segments of the number — the
 * sequence and check part (chars 15-18), the month and day (11-14), or region and year
 * (1-10). Each pass sorts by (name, segment, number) and compares within runs; a pair is
 * reported in the first pass whose segment it agrees on.
 */
static uint32_t
segment(uint64_t id, int pass)
{
    unsigned char d[18];
    uint32_t v = 0;
    int from = pass == 0 ? 14 : pass == 1 ? 10 : 0, to = pass == 0 ? 18 : pass == 1 ? 14 : 10;

    if (!(id & ID_PACKED))
        return UINT32_MAX;
    unpack_id(id, d);
    for (int i = from; i < to; i++)
        v = v * 11 + d[i];
    return v;
}

static int
by_name_segment(const void *pa, const void *pb)
{
    const struct roster_key *a = pa, *b = pb;
    if (a->name != b->name)
        return CMP(a->name, b->name);
    if (a->birth_sex != b->birth_sex)
        return CMP(a->birth_sex, b->birth_sex);
    return by_id(pa, pb);
}

static stuinfo_status
near_id(stuinfo_roster_reader *r)
{
    struct roster_key *k = r->keys;
    stuinfo_status st = STUINFO_OK;

    /* birth_sex is no longer needed: it holds the pass's segment from here on */
    for (int pass = 0; pass < 3 && st == STUINFO_OK; pass++) {
        size_t start = 0;

        for (size_t i = 0; i < r->nkeys; i++)
            k[i].birth_sex = k[i].name == 0 ? UINT32_MAX : segment(KEY_ID(&k[i]), pass);
        key_sort(k, r->nkeys, by_name_segment);
        while (start < r->nkeys && st == STUINFO_OK) {
            size_t end = start + 1;

            while (end < r->nkeys && k[end].name == k[start].name
                   && k[end].birth_sex == k[start].birth_sex)
                end++;
            if (k[start].birth_sex != UINT32_MAX) {
                size_t lim = end - start > NEAR_GROUP_MAX ? start + NEAR_GROUP_MAX : end;
                for (size_t i = start; i < lim && st == STUINFO_OK; i++) {
                    if (i > start && KEY_ID(&k[i]) == KEY_ID(&k[i - 1]))
                        continue;
                    for (size_t j = i + 1; j < lim && st == STUINFO_OK; j++) {
                        int how, earlier = 0;
                        if (KEY_ID(&k[j]) == KEY_ID(&k[j - 1]))
                            continue;
                        how = near_ids(KEY_ID(&k[i]), KEY_ID(&k[j]));
                        for (int p = 0; p < pass && how != 0; p++)
                            earlier |= segment(KEY_ID(&k[i]), p) == segment(KEY_ID(&k[j]), p);
                        if (how != 0 && !earlier)
                            st = pair(r, how == 1 ? RULE_ROSTER_NEAR_ID_DIGIT
                                                  : RULE_ROSTER_NEAR_ID_SWAP,
                                      k[i].row, k[j].row);
                    }
                }
            }
            start = end;
        }
    }
    return st;
}

stuinfo_status
checks_finish(stuinfo_roster_reader *r)
{
    stuinfo_status st = STUINFO_OK;

    if (r->nkeys > 1) {
        st = same_id(r);
        if (st == STUINFO_OK)
            st = same_person(r);
        if (st == STUINFO_OK)
            st = near_id(r);
    }
    core_report_set_row(r->file_findings, 0);
    checks_free(r);
    return st;
}

void
checks_free(stuinfo_roster_reader *r)
{
    if (r->keys != NULL)
        core_free_wipe(r->ctx, r->keys, r->keys_cap * sizeof(*r->keys));
    r->keys = NULL;
    r->nkeys = r->keys_cap = 0;
}
