/*
 * Reading and writing the files of stuinfo request: whole-file reads with a size limit,
 * atomic writes (temporary file, fsync, rename or link), requests loaded and saved.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "request.h"

char *
request_read_file(const struct cli *cli, const char *path, size_t max, size_t *len)
{
    FILE *f = fopen(path, "rb");
    struct stat sb;
    char *buf = NULL;
    size_t size, got;

    if (!f) {
        cli_error(cli, "无法打开文件", "cannot open the file", path);
        return NULL;
    }
    if (fstat(fileno(f), &sb) != 0 || !S_ISREG(sb.st_mode)) {
        cli_error(cli, "不是普通文件", "not a regular file", path);
        goto out;
    }
    if ((unsigned long long)sb.st_size > max) {
        cli_error(cli, "文件太大", "the file is too large", path);
        goto out;
    }
    size = (size_t)sb.st_size;
    /* Allocated once at its final size: the text holds personal data and never moves. */
    buf = malloc(size + 1);
    if (!buf) {
        cli_error(cli, "内存不足", "out of memory", path);
        goto out;
    }
    got = fread(buf, 1, size, f);
    if (got != size || ferror(f) || getc(f) != EOF) {
        cli_error(cli, "读取文件失败（文件在读取时被修改？）",
                  "reading the file failed (did it change meanwhile?)", path);
        cli_free_wiped(buf, size + 1);
        buf = NULL;
        goto out;
    }
    buf[size] = '\0';
    *len = size;
out:
    fclose(f);
    return buf;
}

/* Write all of @p data to @p fd and sync it. */
static bool
write_all(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        data += n;
        len -= (size_t)n;
    }
    return fsync(fd) == 0;
}

bool
request_write_file(const struct cli *cli, const char *path, const char *data, size_t len,
                   bool exclusive)
{
    size_t plen = strlen(path);
    char *tmp = malloc(plen + sizeof(".tmp-XXXXXX"));
    bool ok = false;
    int fd;

    if (!tmp) {
        cli_error(cli, "内存不足", "out of memory", path);
        return false;
    }
    memcpy(tmp, path, plen);
    memcpy(tmp + plen, ".tmp-XXXXXX", sizeof(".tmp-XXXXXX"));
    fd = mkstemp(tmp);          /* mode 0600 */
    if (fd < 0) {
        cli_error(cli, "无法写入文件", "cannot write the file", path);
        free(tmp);
        return false;
    }
    if (!write_all(fd, data, len)) {
        close(fd);
        cli_error(cli, "写入文件失败", "writing the file failed", path);
        goto out;
    }
    if (close(fd) != 0) {
        cli_error(cli, "写入文件失败", "writing the file failed", path);
        goto out;
    }
    if (exclusive) {
        /* link() fails if the name exists: a request file is never replaced by "new". */
        if (link(tmp, path) != 0) {
            if (errno == EEXIST)
                cli_error(cli, "文件已存在", "the file exists already", path);
            else
                cli_error(cli, "无法写入文件", "cannot write the file", path);
            goto out;
        }
    } else if (rename(tmp, path) != 0) {
        cli_error(cli, "无法替换文件", "cannot replace the file", path);
        goto out;
    }
    ok = true;
out:
    if (exclusive || !ok)
        unlink(tmp);            /* the temporary name; after rename() it is gone already */
    free(tmp);
    return ok;
}

int
request_load(struct request_run *run)
{
    size_t len = 0;
    char *json = request_read_file(run->cli, run->path, STUINFO_CR_MAX_JSON, &len);
    stuinfo_status st;

    if (!json)
        return CLI_EXIT_UNUSABLE;
    st = stuinfo_request_from_json(run->cli->ctx, json, len, &run->request);
    cli_free_wiped(json, len + 1);
    if (st != STUINFO_OK)
        return request_fail(run, st, "无法读取变更申请", "cannot read the change request");
    return CLI_EXIT_CLEAN;
}

int
request_save(struct request_run *run, bool exclusive)
{
    const char *json = NULL;
    size_t len = 0;
    stuinfo_status st = stuinfo_request_to_json(run->request, &json, &len);

    if (st != STUINFO_OK)
        return request_fail(run, st, "无法保存变更申请", "cannot save the change request");
    return request_write_file(run->cli, run->path, json, len, exclusive) ? CLI_EXIT_CLEAN
                                                                         : CLI_EXIT_UNUSABLE;
}
