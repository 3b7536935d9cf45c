/* The encrypted temporary file of spill.h. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE             /* O_TMPFILE, mkostemp */
#endif
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "spill.h"

#define SPILL_PATH_MAX 4096

struct spill_file {
    stuinfo_ctx *ctx;
    int fd;
    int err;                    /* errno of the last failure */
    uint64_t size;              /* bytes appended so far */
    unsigned char key[crypto_stream_xchacha20_KEYBYTES];
    unsigned char nonce[crypto_stream_xchacha20_NONCEBYTES];
};

/* Random bytes from the kernel, without libsodium's global state (no sodium_init()). */
static int
random_fill(void *buf, size_t n)
{
    unsigned char *p = buf;

    while (n > 0) {
        ssize_t got = getrandom(p, n, 0);
        if (got < 0) {
            if (errno == EINTR)
                continue;
            return errno;
        }
        p += got;
        n -= (size_t)got;
    }
    return 0;
}

/* A file without a name in @p dir: O_TMPFILE, else mkostemp() and unlink() at once. */
static int
open_nameless(const char *dir, int *err)
{
    static const char tail[] = "/stuinfo-spill-XXXXXX";
    char path[SPILL_PATH_MAX];
    size_t len = strlen(dir);
    int fd;

#ifdef O_TMPFILE
    fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    if (fd >= 0)
        return fd;
    /* other errors (no such directory, no permission) would recur below */
    if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL) {
        *err = errno;
        return -1;
    }
#endif
    if (len + sizeof(tail) > sizeof(path)) {
        *err = ENAMETOOLONG;
        return -1;
    }
    memcpy(path, dir, len);
    memcpy(path + len, tail, sizeof(tail));
    fd = mkostemp(path, O_CLOEXEC);
    if (fd < 0) {
        *err = errno;
        return -1;
    }
    if (unlink(path) != 0) {
        *err = errno;
        (void)close(fd);
        return -1;
    }
    return fd;
}

stuinfo_status
spill_open(stuinfo_ctx *ctx, const char *dir, struct spill_file **out, int *err_out)
{
    struct spill_file *f;
    int err = 0;

    *out = NULL;
    *err_out = 0;
    if (dir == NULL || dir[0] == '\0')
        dir = P_tmpdir;         /* the library reads no environment (no $TMPDIR) */
    f = core_calloc(ctx, 1, sizeof(*f));
    if (f == NULL)
        return STUINFO_ERR_NOMEM;
    f->ctx = ctx;
    err = random_fill(f->key, sizeof(f->key));
    if (err == 0)
        err = random_fill(f->nonce, sizeof(f->nonce));
    f->fd = err == 0 ? open_nameless(dir, &err) : -1;
    if (f->fd < 0) {
        *err_out = err != 0 ? err : EIO;
        spill_close(f);
        return STUINFO_ERR_IO;
    }
    *out = f;
    return STUINFO_OK;
}

void
spill_close(struct spill_file *f)
{
    if (f == NULL)
        return;
    if (f->fd >= 0)
        (void)close(f->fd);     /* nameless: its blocks are freed here */
    core_free_wipe(f->ctx, f, sizeof(*f));
}

/* XOR buf[0..n) with the key stream from byte @p off on. */
static void
crypt_at(const struct spill_file *f, unsigned char *buf, size_t n, uint64_t off)
{
    size_t skip = (size_t)(off % 64);

    if (skip != 0 && n > 0) {
        unsigned char block[64] = {0};
        size_t take = 64 - skip < n ? 64 - skip : n;

        crypto_stream_xchacha20_xor_ic(block, block, sizeof(block), f->nonce, off / 64,
                                       f->key);
        for (size_t i = 0; i < take; i++)
            buf[i] ^= block[skip + i];
        sodium_memzero(block, sizeof(block));
        buf += take;
        n -= take;
        off += take;
    }
    if (n > 0)
        crypto_stream_xchacha20_xor_ic(buf, buf, n, f->nonce, off / 64, f->key);
}

stuinfo_status
spill_append(struct spill_file *f, void *data, size_t n, uint64_t *off)
{
    const unsigned char *p = data;
    uint64_t at = f->size;

    crypt_at(f, data, n, at);
    *off = at;
    while (n > 0) {
        ssize_t w = pwrite(f->fd, p, n, (off_t)at);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            f->err = w < 0 ? errno : EIO;
            return STUINFO_ERR_IO;
        }
        p += w;
        at += (uint64_t)w;
        n -= (size_t)w;
    }
    f->size = at;
    return STUINFO_OK;
}

stuinfo_status
spill_read(struct spill_file *f, uint64_t off, void *buf, size_t n)
{
    unsigned char *p = buf;
    uint64_t at = off;
    size_t left = n;

    if (off > f->size || n > f->size - off) {
        f->err = EIO;
        return STUINFO_ERR_IO;
    }
    while (left > 0) {
        ssize_t got = pread(f->fd, p, left, (off_t)at);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0) {
            f->err = got < 0 ? errno : EIO;     /* 0: the file is shorter than written */
            return STUINFO_ERR_IO;
        }
        p += got;
        at += (uint64_t)got;
        left -= (size_t)got;
    }
    crypt_at(f, buf, n, off);
    return STUINFO_OK;
}

int
spill_errno(const struct spill_file *f)
{
    return f->err;
}

const char *
spill_errno_name(int err, char *buf)
{
    static const struct {
        int err;
        const char *name;
    } names[] = {
        {ENOSPC, "ENOSPC"}, {EIO, "EIO"}, {EACCES, "EACCES"}, {EPERM, "EPERM"},
        {ENOENT, "ENOENT"}, {ENOTDIR, "ENOTDIR"}, {EROFS, "EROFS"}, {EDQUOT, "EDQUOT"},
        {EFBIG, "EFBIG"}, {EMFILE, "EMFILE"}, {ENFILE, "ENFILE"},
        {ENAMETOOLONG, "ENAMETOOLONG"}, {ENOSYS, "ENOSYS"}, {EBADF, "EBADF"},
    };

    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
        if (names[i].err == err)
            return names[i].name;
    static const char prefix[] = "errno ";
    memcpy(buf, prefix, sizeof(prefix));           /* with its NUL */
    core_fmt_int(buf + sizeof(prefix) - 1, err);
    return buf;
}
