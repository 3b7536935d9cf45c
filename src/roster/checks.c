/*
 * Roster-level checks that one record cannot see: the same ID number twice; the same
 * name, birth date and sex under different ID numbers; ID numbers one digit or one
 * transposition apart under the same name. Each row leaves a 20-byte key (the ID number
 * packed into 64 bits, a hash of the name's comparison key, birth date and sex), never
 * the record. At the end the keys are read in five orders (keys.h) and each pair is
 * reported once, on the later row, naming the earlier one (keyscan.c).
 *
 * Memory is bounded whatever the row count: keys collect in a chunk that grows (by
 * allocate-copy-wipe-free) only while old and new arrays together fit the budget
 * (check_memory_bytes). A full chunk is put in each order and written as sorted runs to an
 * encrypted temporary file (keyruns.c), and the end merges the runs back into one stream
 * per order. Below the budget nothing touches the disk and the chunk is read directly.
 */
#include <string.h>

#include "core/report.h"
#include "keys.h"
#include "spill.h"

#define CHUNK_FIRST 4096        /* keys of the first chunk array */

struct roster_checks {
    struct roster_key *keys;    /* the chunk: keys not yet written to a run */
    size_t n, cap;
    size_t budget;              /* keys the budget holds, growth included */
    struct key_runs *runs;      /* NULL until the first chunk is written */
    char *spill_dir;            /* the caller's, copied; NULL: /tmp */
    stuinfo_status failed;      /* the checks stopped: reported again at the end */
    rule_id fail_rule;
    int fail_errno;
    bool said_why;              /* a message of the checks is on the ctx for this call */
};

stuinfo_status
checks_init(stuinfo_roster_reader *r)
{
    struct roster_checks *c;
    uint32_t bytes = r->opts.check_memory_bytes;
    const char *dir = r->opts.spill_dir;

    r->opts.spill_dir = NULL;   /* the caller's string is not kept */
    if (!r->opts.roster_checks)
        return STUINFO_OK;
    c = core_calloc(r->ctx, 1, sizeof(*c));
    if (c == NULL)
        return STUINFO_ERR_NOMEM;
    r->checks = c;
    if (bytes == 0)
        bytes = STUINFO_ROSTER_DEFAULT_CHECK_MEMORY;
    if (bytes < STUINFO_ROSTER_MIN_CHECK_MEMORY)
        bytes = STUINFO_ROSTER_MIN_CHECK_MEMORY;
    c->budget = bytes / sizeof(struct roster_key);
    if (dir != NULL) {
        c->spill_dir = core_strndup(r->ctx, dir, strlen(dir));
        if (c->spill_dir == NULL)
            return STUINFO_ERR_NOMEM;
        r->opts.spill_dir = c->spill_dir;
    }
    return STUINFO_OK;
}

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

static void
release(stuinfo_roster_reader *r, struct roster_checks *c)
{
    if (c->keys != NULL)
        core_free_wipe(r->ctx, c->keys, c->cap * sizeof(*c->keys));
    c->keys = NULL;
    c->n = c->cap = 0;
    keyruns_free(c->runs);
    c->runs = NULL;
}

/* Record @p st as the checks' end, with its message on the ctx. */
static stuinfo_status
fail(stuinfo_roster_reader *r, struct roster_checks *c, stuinfo_status st, rule_id rule,
     int err)
{
    c->failed = st;
    c->fail_rule = rule;
    c->fail_errno = err;
    release(r, c);
    return st;
}

static stuinfo_status
say_why(stuinfo_roster_reader *r, struct roster_checks *c)
{
    char buf[32];

    c->said_why = true;
    if (c->failed != STUINFO_ERR_IO)
        return core_fail_status(r->ctx, c->failed);
    return core_fail(r->ctx, c->failed, c->fail_rule, spill_errno_name(c->fail_errno, buf),
                     NULL);
}

bool
checks_said_why(stuinfo_roster_reader *r)
{
    bool said = r->checks != NULL && r->checks->said_why;

    if (said)
        r->checks->said_why = false;
    return said;
}

/* Write the chunk as one run per order; the chunk is then free. */
static stuinfo_status
spill_chunk(stuinfo_roster_reader *r, struct roster_checks *c)
{
    stuinfo_status st = STUINFO_OK;
    size_t n = c->n;
    int err = 0;

    if (c->runs == NULL) {
        st = keyruns_new(r->ctx, c->spill_dir, &c->runs, &err);
        if (st != STUINFO_OK)
            return fail(r, c, st, RULE_ROSTER_SPILL_CREATE, err);
    }
    for (int o = 0; o < ORDER_COUNT && st == STUINFO_OK; o++) {
        if (o == ORDER_NEAR0)
            n = keys_keep(c->keys, n, o);
        keys_order(c->keys, n, o);
        st = keyruns_add(c->runs, o, c->keys, n);
    }
    c->n = 0;
    if (st == STUINFO_OK)
        st = keyruns_compact(c->runs, c->keys, c->cap);
    if (st != STUINFO_OK)
        return fail(r, c, st, RULE_ROSTER_SPILL_IO, keyruns_errno(c->runs));
    return STUINFO_OK;
}

/* Room for one more key: a larger chunk while the budget allows, else a spilled one. */
static stuinfo_status
make_room(stuinfo_roster_reader *r, struct roster_checks *c)
{
    size_t cap = c->cap == 0 ? CHUNK_FIRST : 2 * c->cap;
    struct roster_key *nk;

    /* old and new arrays together stay within the budget */
    if (cap > c->budget - c->cap)
        cap = c->budget - c->cap;
    if (c->cap == 0 && cap > c->budget / 2)
        cap = c->budget / 2;
    if (cap <= c->cap)
        return spill_chunk(r, c);
    /* The keys hold ID numbers: grow by allocate-copy-wipe-free, never realloc. */
    nk = core_calloc(r->ctx, cap, sizeof(*nk));
    if (nk == NULL)
        return fail(r, c, STUINFO_ERR_NOMEM, RULE_STATUS_NOMEM, 0);
    if (c->n > 0)
        memcpy(nk, c->keys, c->n * sizeof(*nk));
    if (c->keys != NULL)
        core_free_wipe(r->ctx, c->keys, c->cap * sizeof(*nk));
    c->keys = nk;
    c->cap = cap;
    return STUINFO_OK;
}

stuinfo_status
checks_add(stuinfo_roster_reader *r, const stuinfo_student *st, int64_t row)
{
    struct roster_checks *c = r->checks;
    const char *id = NULL, *name = NULL;
    size_t id_len = 0, name_len = 0;
    struct roster_key *k;
    uint64_t packed;

    if (c == NULL || c->failed != STUINFO_OK)
        return STUINFO_OK;      /* off, or stopped: said once, and again at the end */
    stuinfo_student_get(st, STUINFO_FIELD_ID_DOC_NO, &id, &id_len);
    if (id == NULL || id_len == 0 || row > UINT32_MAX)
        return STUINFO_OK;
    if (c->n == c->cap) {
        stuinfo_status s = make_room(r, c);
        if (s != STUINFO_OK)
            return say_why(r, c);
    }
    k = &c->keys[c->n++];
    packed = pack_id(id, id_len);
    k->id_hi = (uint32_t)(packed >> 32);
    k->id_lo = (uint32_t)packed;
    stuinfo_student_name_key(st, &name, &name_len);
    k->name = name != NULL && name_len > 0 ? ((uint32_t)fnv1a(name, name_len) | 1) : 0;
    k->birth_sex = birth_sex(st);
    k->row = (uint32_t)row;
    return STUINFO_OK;
}

/* Every order over the chunk in memory (nothing was spilled). */
static stuinfo_status
scan_memory(stuinfo_roster_reader *r, struct roster_checks *c, struct roster_key *group,
            size_t group_n)
{
    stuinfo_status st = STUINFO_OK;
    size_t n = c->n;

    for (int o = 0; o < ORDER_COUNT && st == STUINFO_OK; o++) {
        struct key_scan scan;
        stuinfo_status end;

        if (o == ORDER_NEAR0)
            n = keys_keep(c->keys, n, o);
        keys_order(c->keys, n, o);
        key_scan_begin(&scan, r, o, group, group_n);
        for (size_t i = 0; i < n && st == STUINFO_OK; i++)
            st = key_scan_feed(&scan, &c->keys[i]);
        end = key_scan_end(&scan);
        if (st == STUINFO_OK)
            st = end;
    }
    return st;
}

/* Every order merged from the runs, the last chunk written first. */
static stuinfo_status
scan_runs(stuinfo_roster_reader *r, struct roster_checks *c, struct roster_key *group,
          size_t group_n)
{
    stuinfo_status st = c->n > 0 ? spill_chunk(r, c) : STUINFO_OK;

    for (int o = 0; o < ORDER_COUNT && st == STUINFO_OK; o++) {
        struct key_scan scan;
        stuinfo_status end;

        key_scan_begin(&scan, r, o, group, group_n);
        st = keyruns_scan(c->runs, o, c->keys, c->cap, &scan);
        if (st == STUINFO_ERR_IO)
            return fail(r, c, st, RULE_ROSTER_SPILL_IO, keyruns_errno(c->runs));
        end = key_scan_end(&scan);
        if (st == STUINFO_OK)
            st = end;
    }
    return st;
}

stuinfo_status
checks_finish(stuinfo_roster_reader *r)
{
    struct roster_checks *c = r->checks;
    struct roster_key *group = NULL;
    size_t group_n = 0;
    stuinfo_status st = STUINFO_OK;

    if (c == NULL)
        return STUINFO_OK;
    if (c->failed == STUINFO_OK && (c->runs != NULL || c->n > 1)) {
        group_n = c->runs == NULL && c->n < NEAR_GROUP_MAX ? c->n : NEAR_GROUP_MAX;
        group = core_calloc(r->ctx, group_n, sizeof(*group));
        if (group == NULL)
            st = fail(r, c, STUINFO_ERR_NOMEM, RULE_STATUS_NOMEM, 0);
        else if (c->runs == NULL)
            st = scan_memory(r, c, group, group_n);
        else
            st = scan_runs(r, c, group, group_n);
    }
    if (group != NULL)
        core_free_wipe(r->ctx, group, group_n * sizeof(*group));
    core_report_set_row(r->file_findings, 0);
    release(r, c);
    if (c->failed != STUINFO_OK)
        return say_why(r, c);
    return st;
}

void
checks_free(stuinfo_roster_reader *r)
{
    struct roster_checks *c = r->checks;

    if (c == NULL)
        return;
    release(r, c);
    core_free_str(r->ctx, c->spill_dir);
    core_free(r->ctx, c);
    r->checks = NULL;
}
