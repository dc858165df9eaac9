// Source buffers: NUL padding, whole-file reads, I/O errors with errno.
#include <criterion/criterion.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "parser.h"

static void expect_padding(const char *buf, size_t len) {
    for (size_t i = 0; i < PS_SOURCE_PADDING; i++) cr_assert_eq(buf[len + i], 0, "padding byte %zu", i);
}

Test(source, dup_copies_and_pads) {
    char *s = ps_source_dup("a\0b", 3);
    cr_assert_eq(memcmp(s, "a\0b", 3), 0);
    expect_padding(s, 3);
    och_free(s);
    s = ps_source_dup(NULL, 0);
    expect_padding(s, 0);
    och_free(s);
}

Test(source, read_file_reads_everything_and_pads) {
    char path[] = "/tmp/ochre_source_XXXXXX";
    int fd = mkstemp(path);
    cr_assert_geq(fd, 0);
    // Bigger than the first read buffer, with NUL bytes inside.
    size_t n = 300000;
    char *data = och_malloc(n);
    for (size_t i = 0; i < n; i++) data[i] = (char)(i % 251);
    cr_assert_eq(write(fd, data, n), (ssize_t)n);
    close(fd);
    char *buf;
    size_t len;
    cr_assert_eq(ps_source_read_file(path, &buf, &len), OCH_OK);
    cr_assert_eq(len, n);
    cr_assert_eq(memcmp(buf, data, n), 0);
    expect_padding(buf, len);
    och_free(buf);
    och_free(data);
    unlink(path);
}

Test(source, read_file_of_empty_file) {
    char path[] = "/tmp/ochre_source_XXXXXX";
    int fd = mkstemp(path);
    close(fd);
    char *buf;
    size_t len = 99;
    cr_assert_eq(ps_source_read_file(path, &buf, &len), OCH_OK);
    cr_assert_eq(len, 0);
    expect_padding(buf, 0);
    och_free(buf);
    unlink(path);
}

Test(source, read_file_errors_keep_errno) {
    char *buf = (char *)1;
    size_t len;
    errno = 0;
    cr_assert_eq(ps_source_read_file("/nonexistent/ochre/file.js", &buf, &len), OCH_ERR_IO);
    cr_assert_eq(errno, ENOENT);
    cr_assert_null(buf);
    errno = 0;
    cr_assert_eq(ps_source_read_file("/tmp", &buf, &len), OCH_ERR_IO);
    cr_assert_eq(errno, EISDIR);
}

Test(source, read_file_reads_pipes_to_the_end) {
    int p[2];
    cr_assert_eq(pipe(p), 0);
    const char msg[] = "let x = 1;\n";
    cr_assert_eq(write(p[1], msg, sizeof msg - 1), (ssize_t)(sizeof msg - 1));
    close(p[1]);
    char path[64];
    snprintf(path, sizeof path, "/dev/fd/%d", p[0]);
    char *buf;
    size_t len;
    cr_assert_eq(ps_source_read_file(path, &buf, &len), OCH_OK);
    cr_assert_eq(len, sizeof msg - 1);
    cr_assert_str_eq(buf, msg);
    och_free(buf);
    close(p[0]);
}
