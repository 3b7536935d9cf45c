/*
 * Putting a chunk of roster-check keys in one of the orders of keys.h, in place: glibc's
 * qsort would allocate a copy of the whole array, doubling the memory of the checks.
 * Quicksort, median of three, heapsort when it degenerates.
 */
#include "keys.h"

#define CMP(a, b) ((a) < (b) ? -1 : (a) > (b))

static int
by_id(const void *pa, const void *pb)
{
    const struct roster_key *a = pa, *b = pb;
    return KEY_ID(a) != KEY_ID(b) ? CMP(KEY_ID(a), KEY_ID(b)) : CMP(a->row, b->row);
}

/* Also the near orders, whose birth_sex holds the segment. */
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

key_cmp_fn
key_order_cmp(int order)
{
    return order == ORDER_ID ? by_id : by_person;
}

static void
key_swap(struct roster_key *a, struct roster_key *b)
{
    struct roster_key t = *a;
    *a = *b;
    *b = t;
}

static void
key_heap_sift(struct roster_key *k, size_t n, size_t i, key_cmp_fn cmp)
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

static void
key_sort_depth(struct roster_key *k, size_t n, key_cmp_fn cmp, int depth)
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

void
keys_order(struct roster_key *k, size_t n, int order)
{
    int depth = 0;

    if (order >= ORDER_NEAR0)
        for (size_t i = 0; i < n; i++)
            k[i].birth_sex = k[i].name == 0 ? UINT32_MAX
                                            : key_segment(KEY_ID(&k[i]), order - ORDER_NEAR0);
    for (size_t m = n; m > 0; m >>= 1)
        depth += 2;
    key_sort_depth(k, n, key_order_cmp(order), depth);
}

size_t
keys_keep(struct roster_key *k, size_t n, int order)
{
    size_t kept = 0;

    for (size_t i = 0; i < n; i++)
        if (key_scan_needs(order, &k[i]))
            k[kept++] = k[i];
    return kept;
}
