/*
 * The roster-level comparisons, fed the keys of one order as a stream (from one sorted
 * chunk in memory, or merged from sorted runs on disk): each pair is reported once, on
 * the later row, naming the earlier one. Only the group at hand is kept: the first key of
 * a run of equal keys, or for near numbers the group's first NEAR_GROUP_MAX keys.
 */
#include <string.h>

#include <sodium.h>

#include "core/report.h"
#include "keys.h"

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

/*
 * Near numbers, without comparing every pair of a common name: a pair one substitution or
 * one adjacent swap apart always agrees on one of three segments of the number — the
 * sequence and check part (chars 15-18), the month and day (11-14), or region and year
 * (1-10). Each near order sorts by (name, segment, number) and compares within groups; a
 * pair is reported in the first order whose segment it agrees on.
 */
uint32_t
key_segment(uint64_t id, int pass)
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

bool
key_scan_needs(int order, const struct roster_key *k)
{
    switch (order) {
    case ORDER_ID:
        return true;
    case ORDER_PERSON:
        /* groups without a name or a birth date and sex report nothing */
        return k->name != 0 && k->birth_sex != 0;
    default:
        /* nor do numbers that are not packed, or keys without a name */
        return k->name != 0 && (KEY_ID(k) & ID_PACKED) != 0;
    }
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

void
key_scan_begin(struct key_scan *s, stuinfo_roster_reader *r, int order,
               struct roster_key *group, size_t cap)
{
    memset(s, 0, sizeof(*s));
    s->r = r;
    s->order = order;
    s->group = group;
    s->group_cap = cap < NEAR_GROUP_MAX ? cap : NEAR_GROUP_MAX;
}

static stuinfo_status
feed_id(struct key_scan *s, const struct roster_key *k)
{
    if (!s->have || KEY_ID(k) != KEY_ID(&s->first)) {
        s->first = *k;
        s->have = true;
        return STUINFO_OK;
    }
    return pair(s->r, RULE_ROSTER_DUPLICATE_ID, s->first.row, k->row);
}

static stuinfo_status
feed_person(struct key_scan *s, const struct roster_key *k)
{
    const struct roster_key *f = &s->first;
    bool skip;

    if (!s->have || k->name != f->name || k->birth_sex != f->birth_sex) {
        s->first = s->prev = *k;
        s->have = true;
        return STUINFO_OK;
    }
    skip = k->name == 0 || k->birth_sex == 0 || KEY_ID(k) == KEY_ID(&s->prev)
           || KEY_ID(k) == KEY_ID(f);
    s->prev = *k;
    /* near numbers are reported by the near orders with the more precise rule */
    if (skip || near_ids(KEY_ID(f), KEY_ID(k)) != 0)
        return STUINFO_OK;
    return pair(s->r, RULE_ROSTER_SAME_PERSON_OTHER_ID, f->row, k->row);
}

/* All pairs of the group one or two characters apart, unless an earlier order saw them. */
static stuinfo_status
near_group(struct key_scan *s)
{
    const struct roster_key *k = s->group;
    size_t n = s->ngroup;
    int pass = s->order - ORDER_NEAR0;
    stuinfo_status st = STUINFO_OK;

    if (k[0].birth_sex == UINT32_MAX)
        return STUINFO_OK;
    for (size_t i = 0; i < n && st == STUINFO_OK; i++) {
        if (i > 0 && KEY_ID(&k[i]) == KEY_ID(&k[i - 1]))
            continue;
        for (size_t j = i + 1; j < n && st == STUINFO_OK; j++) {
            int how, earlier = 0;
            if (KEY_ID(&k[j]) == KEY_ID(&k[j - 1]))
                continue;
            how = near_ids(KEY_ID(&k[i]), KEY_ID(&k[j]));
            for (int p = 0; p < pass && how != 0; p++)
                earlier |= key_segment(KEY_ID(&k[i]), p) == key_segment(KEY_ID(&k[j]), p);
            if (how != 0 && !earlier)
                st = pair(s->r, how == 1 ? RULE_ROSTER_NEAR_ID_DIGIT : RULE_ROSTER_NEAR_ID_SWAP,
                          k[i].row, k[j].row);
        }
    }
    return st;
}

static stuinfo_status
feed_near(struct key_scan *s, const struct roster_key *k)
{
    stuinfo_status st = STUINFO_OK;

    if (s->ngroup > 0
        && (k->name != s->group[0].name || k->birth_sex != s->group[0].birth_sex)) {
        st = near_group(s);
        s->ngroup = 0;
    }
    /* beyond the first NEAR_GROUP_MAX keys a group is only passed over */
    if (s->ngroup < s->group_cap)
        s->group[s->ngroup++] = *k;
    return st;
}

stuinfo_status
key_scan_feed(struct key_scan *s, const struct roster_key *k)
{
    switch (s->order) {
    case ORDER_ID:
        return feed_id(s, k);
    case ORDER_PERSON:
        return feed_person(s, k);
    default:
        return feed_near(s, k);
    }
}

stuinfo_status
key_scan_end(struct key_scan *s)
{
    stuinfo_status st = STUINFO_OK;

    if (s->order >= ORDER_NEAR0 && s->ngroup > 0)
        st = near_group(s);
    if (s->group != NULL)
        sodium_memzero(s->group, s->ngroup * sizeof(*s->group));
    s->ngroup = 0;
    sodium_memzero(&s->first, sizeof(s->first));
    sodium_memzero(&s->prev, sizeof(s->prev));
    s->have = false;
    return st;
}
