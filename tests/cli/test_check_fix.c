// Unit tests of the file replacement behind `ochre check --fix`
// (cli/check_fix.c): atomic replacement keeping the mode, and the cases
// where the file must be left alone (changed since it was read, read-only,
// not a regular file), never leaving a temporary file behind.
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check_fix.h"

static char dir[64];

static void make_dir(void) {
    snprintf(dir, sizeof dir, "/tmp/ochre-fix-test.XXXXXX");
    cr_assert_not_null(mkdtemp(dir));
}

static void remove_dir(void) {
    DIR *d = opendir(dir);
    struct dirent *e;
    char p[512];
    while (d && (e = readdir(d))) {
        if (e->d_name[0] == '.' && (!e->d_name[1] || (e->d_name[1] == '.' && !e->d_name[2]))) continue;
        snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
        unlink(p);
    }
    if (d) closedir(d);
    rmdir(dir);
}

TestSuite(fix_write, .init = make_dir, .fini = remove_dir);

static char *path_of(const char *name) {
    static char p[256];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    return p;
}

static void put(const char *name, const char *text, mode_t mode) {
    FILE *f = fopen(path_of(name), "w");
    cr_assert_not_null(f);
    fputs(text, f);
    fclose(f);
    chmod(path_of(name), mode);
}

static char *get(const char *name) {
    static char buf[4096];
    FILE *f = fopen(path_of(name), "r");
    cr_assert_not_null(f);
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = 0;
    fclose(f);
    return buf;
}

// Entries of the directory other than . and ..
static int entries(void) {
    DIR *d = opendir(dir);
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) n++;
    closedir(d);
    return n;
}

Test(fix_write, replaces_the_file_keeping_its_mode) {
    put("a.js", "a: x;\n", 0640);
    struct stat st;
    cr_assert_eq(stat(path_of("a.js"), &st), 0);
    OchBuf err = {0};
    cr_assert_eq(chk_fix_write(path_of("a.js"), "x;\n", 3, &st, &err), OCH_OK, "%s", err.data);
    cr_expect_str_eq(get("a.js"), "x;\n");
    struct stat now;
    cr_assert_eq(stat(path_of("a.js"), &now), 0);
    cr_expect_eq(now.st_mode & 07777, 0640);
    cr_expect_eq(entries(), 1, "a temporary file was left");
    och_buf_free(&err);
}

Test(fix_write, leaves_a_file_that_changed_since_it_was_read) {
    put("b.js", "a: x;\n", 0644);
    struct stat st;
    cr_assert_eq(stat(path_of("b.js"), &st), 0);
    put("b.js", "someone else's edit;\n", 0644);
    OchBuf err = {0};
    cr_expect_eq(chk_fix_write(path_of("b.js"), "x;\n", 3, &st, &err), OCH_ERR_IO);
    cr_expect(err.data && strstr(err.data, "changed on disk"), "%s", err.data);
    cr_expect_str_eq(get("b.js"), "someone else's edit;\n");
    cr_expect_eq(entries(), 1);
    och_buf_free(&err);
}

Test(fix_write, leaves_a_read_only_file_even_for_root) {
    put("c.js", "a: x;\n", 0444);
    struct stat st;
    cr_assert_eq(stat(path_of("c.js"), &st), 0);
    OchBuf err = {0};
    cr_expect_eq(chk_fix_write(path_of("c.js"), "x;\n", 3, &st, &err), OCH_ERR_IO);
    cr_expect(err.data && strstr(err.data, "read-only"), "%s", err.data);
    cr_expect_str_eq(get("c.js"), "a: x;\n");
    cr_expect_eq(entries(), 1);
    och_buf_free(&err);
}

Test(fix_write, leaves_what_is_not_a_regular_file) {
    cr_assert_eq(mkfifo(path_of("p.js"), 0644), 0);
    struct stat st;
    cr_assert_eq(stat(path_of("p.js"), &st), 0);
    OchBuf err = {0};
    cr_expect_eq(chk_fix_write(path_of("p.js"), "x;\n", 3, &st, &err), OCH_ERR_IO);
    cr_expect(err.data && strstr(err.data, "not a regular file"), "%s", err.data);
    cr_expect_eq(entries(), 1);
    och_buf_free(&err);
}

Test(fix_write, follows_a_symbolic_link_to_its_target) {
    put("t.js", "a: x;\n", 0600);
    cr_assert_eq(symlink("t.js", path_of("l.js")), 0);
    struct stat st;
    cr_assert_eq(stat(path_of("l.js"), &st), 0);
    OchBuf err = {0};
    cr_assert_eq(chk_fix_write(path_of("l.js"), "x;\n", 3, &st, &err), OCH_OK, "%s", err.data);
    struct stat lst;
    cr_assert_eq(lstat(path_of("l.js"), &lst), 0);
    cr_expect(S_ISLNK(lst.st_mode), "the link was replaced");
    cr_expect_str_eq(get("t.js"), "x;\n");
    cr_expect_eq(entries(), 2);
    och_buf_free(&err);
}
