// Source buffers for the parser: NUL-padded copies of text and whole files.
// The padding lets the lexer read ahead without bounds checks.
#include "parser.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

// Largest source the parser accepts (offsets are uint32_t).
#define SOURCE_MAX ((uint64_t)UINT32_MAX)

char *ps_source_dup(const char *text, size_t len) {
    char *p = och_malloc(len + PS_SOURCE_PADDING);
    if (len) memcpy(p, text, len);
    memset(p + len, 0, PS_SOURCE_PADDING);
    return p;
}

// Reads fd to its end into a padded buffer. The file size is only a hint:
// pipes, /proc files and files that grow while being read are read until
// read() returns 0.
static OchStatus read_fd(int fd, size_t hint, char **out, size_t *out_len) {
    size_t cap = hint + 1 + PS_SOURCE_PADDING;  // +1: see EOF without a regrow
    if (cap < 4096) cap = 4096;
    char *buf = och_malloc(cap);
    size_t len = 0;
    for (;;) {
        if (cap - len < PS_SOURCE_PADDING + 1) {
            cap *= 2;
            buf = och_realloc(buf, cap);
        }
        ssize_t n = read(fd, buf + len, cap - len - PS_SOURCE_PADDING);
        if (n < 0) {
            if (errno == EINTR) continue;
            goto fail;
        }
        if (n == 0) break;
        len += (size_t)n;
        if ((uint64_t)len > SOURCE_MAX) {
            errno = EFBIG;
            goto fail;
        }
    }
    memset(buf + len, 0, PS_SOURCE_PADDING);
    *out = buf;
    *out_len = len;
    return OCH_OK;
fail: {
    int saved = errno;
    och_free(buf);
    errno = saved;
    return OCH_ERR_IO;
}
}

OchStatus ps_source_read_file(const char *path, char **out, size_t *len) {
    *out = NULL;
    *len = 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return OCH_ERR_IO;
    struct stat st;
    if (fstat(fd, &st) != 0) goto fail;
    if (S_ISDIR(st.st_mode)) {
        errno = EISDIR;
        goto fail;
    }
    size_t hint = 0;
    if (S_ISREG(st.st_mode)) {
        if ((uint64_t)st.st_size > SOURCE_MAX) {
            errno = EFBIG;
            goto fail;
        }
        hint = (size_t)st.st_size;
    }
    if (read_fd(fd, hint, out, len) != OCH_OK) goto fail;
    close(fd);
    return OCH_OK;
fail: {
    int saved = errno;
    close(fd);
    errno = saved;
    return OCH_ERR_IO;
}
}
