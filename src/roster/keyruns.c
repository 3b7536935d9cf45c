/*
 * Sorted runs of roster-check keys in an encrypted temporary file (spill.h), a stack of
 * runs per order. A chunk of keys that filled its memory budget becomes one run per
 * order; when RUNS_FANIN runs of one level pile up they are merged into one run of the
 * next level, so a stack keeps fewer than RUNS_FANIN runs a level; at the end each order's
 * runs are merged through a heap into one stream for the comparisons. Merges use only
 * memory the caller lends (the chunk's array, free by then) and a fixed output buffer.
 */
#include <string.h>

#include "keys.h"
#include "spill.h"

#define RUNS_FANIN 16
#define RUNS_MAX 256            /* per order: more than (RUNS_FANIN - 1) * 17 levels */
#define RUNS_OUT_KEYS 1024

struct key_run {
    uint64_t off, count;        /* byte offset in the file, keys */
    uint32_t level;             /* 0: a chunk; n + 1: merged from runs of level n */
};

struct key_runs {
    stuinfo_ctx *ctx;
    struct spill_file *file;
    size_t nrun[ORDER_COUNT];
    struct key_run run[ORDER_COUNT][RUNS_MAX];
    /* the run being written: plaintext keys, encrypted in place when flushed */
    struct roster_key out[RUNS_OUT_KEYS];
    size_t nout;
    uint64_t out_off, out_count;
};

/* One run being merged: its unread part in the file and its buffered keys. */
struct run_in {
    uint64_t off, left;
    struct roster_key *buf;
    size_t cap, n, pos;
};

typedef stuinfo_status (*key_sink)(struct key_runs *rs, void *user,
                                   const struct roster_key *k);

stuinfo_status
keyruns_new(stuinfo_ctx *ctx, const char *dir, struct key_runs **out, int *err_out)
{
    struct key_runs *rs;
    stuinfo_status st;

    *out = NULL;
    *err_out = 0;
    rs = core_calloc(ctx, 1, sizeof(*rs));
    if (rs == NULL)
        return STUINFO_ERR_NOMEM;
    rs->ctx = ctx;
    st = spill_open(ctx, dir, &rs->file, err_out);
    if (st != STUINFO_OK) {
        keyruns_free(rs);
        return st;
    }
    *out = rs;
    return STUINFO_OK;
}

void
keyruns_free(struct key_runs *rs)
{
    if (rs == NULL)
        return;
    spill_close(rs->file);
    core_free_wipe(rs->ctx, rs, sizeof(*rs));
}

int
keyruns_errno(const struct key_runs *rs)
{
    return rs->file != NULL ? spill_errno(rs->file) : 0;
}

static void
out_begin(struct key_runs *rs)
{
    rs->nout = 0;
    rs->out_count = 0;
    rs->out_off = 0;
}

static stuinfo_status
out_flush(struct key_runs *rs)
{
    uint64_t off = 0;
    stuinfo_status st;

    if (rs->nout == 0)
        return STUINFO_OK;
    st = spill_append(rs->file, rs->out, rs->nout * sizeof(rs->out[0]), &off);
    if (rs->out_count == rs->nout)
        rs->out_off = off;      /* the run's first keys: appends follow each other */
    rs->nout = 0;
    return st;
}

static stuinfo_status
out_push(struct key_runs *rs, void *user, const struct roster_key *k)
{
    (void)user;
    rs->out[rs->nout++] = *k;
    rs->out_count++;
    return rs->nout == RUNS_OUT_KEYS ? out_flush(rs) : STUINFO_OK;
}

static stuinfo_status
out_end(struct key_runs *rs, int order, uint32_t level)
{
    stuinfo_status st = out_flush(rs);

    if (st == STUINFO_OK && rs->out_count > 0) {
        if (rs->nrun[order] == RUNS_MAX)
            return STUINFO_ERR_INTERNAL;        /* compaction keeps this from happening */
        rs->run[order][rs->nrun[order]++] =
            (struct key_run){.off = rs->out_off, .count = rs->out_count, .level = level};
    }
    return st;
}

stuinfo_status
keyruns_add(struct key_runs *rs, int order, const struct roster_key *k, size_t n)
{
    stuinfo_status st = STUINFO_OK;

    out_begin(rs);
    for (size_t i = 0; i < n && st == STUINFO_OK; i++)
        if (key_scan_needs(order, &k[i]))
            st = out_push(rs, NULL, &k[i]);
    return st == STUINFO_OK ? out_end(rs, order, 0) : st;
}

static stuinfo_status
in_fill(struct key_runs *rs, struct run_in *in)
{
    size_t n = in->left < in->cap ? (size_t)in->left : in->cap;
    stuinfo_status st = spill_read(rs->file, in->off, in->buf, n * sizeof(in->buf[0]));

    in->off += n * sizeof(in->buf[0]);
    in->left -= n;
    in->n = st == STUINFO_OK ? n : 0;
    in->pos = 0;
    return st;
}

static bool
in_less(const struct run_in *in, size_t a, size_t b, key_cmp_fn cmp)
{
    return cmp(&in[a].buf[in[a].pos], &in[b].buf[in[b].pos]) < 0;
}

static void
heap_down(size_t *heap, size_t n, size_t i, const struct run_in *in, key_cmp_fn cmp)
{
    for (;;) {
        size_t l = 2 * i + 1, m = i, t;
        if (l < n && in_less(in, heap[l], heap[m], cmp))
            m = l;
        if (l + 1 < n && in_less(in, heap[l + 1], heap[m], cmp))
            m = l + 1;
        if (m == i)
            return;
        t = heap[i];
        heap[i] = heap[m];
        heap[m] = t;
        i = m;
    }
}

/* Merge runs [from, from + m) of @p order into @p sink, in order, through @p arena. */
static stuinfo_status
merge(struct key_runs *rs, int order, size_t from, size_t m, struct roster_key *arena,
      size_t cap, key_sink sink, void *user)
{
    struct run_in in[RUNS_FANIN];
    size_t heap[RUNS_FANIN], nheap = 0, per = cap / m;
    key_cmp_fn cmp = key_order_cmp(order);
    stuinfo_status st = STUINFO_OK;

    if (m > RUNS_FANIN || per == 0)
        return STUINFO_ERR_INTERNAL;
    for (size_t i = 0; i < m && st == STUINFO_OK; i++) {
        const struct key_run *run = &rs->run[order][from + i];
        in[i] = (struct run_in){.off = run->off, .left = run->count, .buf = arena + i * per,
                                .cap = per};
        st = in_fill(rs, &in[i]);
        if (in[i].n > 0)
            heap[nheap++] = i;
    }
    for (size_t i = nheap / 2; i-- > 0;)
        heap_down(heap, nheap, i, in, cmp);
    while (nheap > 0 && st == STUINFO_OK) {
        struct run_in *top = &in[heap[0]];

        st = sink(rs, user, &top->buf[top->pos]);
        if (++top->pos == top->n) {
            if (st == STUINFO_OK && top->left > 0)
                st = in_fill(rs, top);
            else
                heap[0] = heap[--nheap];
        }
        heap_down(heap, nheap, 0, in, cmp);
    }
    return st;
}

/* Merge the top @p m runs of @p order into one run of @p level. */
static stuinfo_status
merge_top(struct key_runs *rs, int order, size_t m, uint32_t level,
          struct roster_key *arena, size_t cap)
{
    stuinfo_status st;

    out_begin(rs);
    st = merge(rs, order, rs->nrun[order] - m, m, arena, cap, out_push, NULL);
    if (st != STUINFO_OK)
        return st;
    rs->nrun[order] -= m;
    return out_end(rs, order, level);
}

stuinfo_status
keyruns_compact(struct key_runs *rs, struct roster_key *arena, size_t cap)
{
    stuinfo_status st = STUINFO_OK;

    for (int o = 0; o < ORDER_COUNT && st == STUINFO_OK; o++) {
        for (;;) {
            size_t n = rs->nrun[o];
            const struct key_run *top = &rs->run[o][0];
            bool same = true;

            if (n < RUNS_FANIN)
                break;
            top += n - RUNS_FANIN;
            for (size_t i = 1; i < RUNS_FANIN; i++)
                same = same && top[i].level == top[0].level;
            if (!same && n < RUNS_MAX - 1)
                break;
            st = merge_top(rs, o, RUNS_FANIN, top[0].level + 1, arena, cap);
            if (st != STUINFO_OK)
                break;
        }
    }
    return st;
}

static stuinfo_status
scan_sink(struct key_runs *rs, void *user, const struct roster_key *k)
{
    (void)rs;
    return key_scan_feed(user, k);
}

stuinfo_status
keyruns_scan(struct key_runs *rs, int order, struct roster_key *arena, size_t cap,
             struct key_scan *scan)
{
    stuinfo_status st = STUINFO_OK;

    /* at most RUNS_FANIN runs for the last merge: merge the newest (smallest) first */
    while (rs->nrun[order] > RUNS_FANIN && st == STUINFO_OK) {
        size_t n = rs->nrun[order], m = n - RUNS_FANIN + 1;

        if (m > RUNS_FANIN)
            m = RUNS_FANIN;
        st = merge_top(rs, order, m, rs->run[order][n - m].level + 1, arena, cap);
    }
    if (st == STUINFO_OK && rs->nrun[order] > 0)
        st = merge(rs, order, 0, rs->nrun[order], arena, cap, scan_sink, scan);
    return st;
}
