// File-system primitives for node:fs (js/fs.js builds the API on them):
// synchronous calls that throw Node-shaped errors (`code: 'ENOENT'`,
// errno, syscall, path, "ENOENT: no such file or directory, open 'x'").
// Writes go to a temporary file renamed over the target, so a crash never
// leaves a half-written file.
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rt_int.h"

// Throws Error("CODE: description, syscall 'path'") with code, errno
// (negative, like libuv), syscall and path properties.
static EnValue throw_errno(EnContext *cx, int e, const char *syscall, const char *path) {
    // libuv's names and texts are Node's ("ENOENT", "no such file or directory").
    const char *code = uv_err_name(-e);
    OchBuf msg = {0};
    och_buf_printf(&msg, "%s: %s, %s '%s'", code, uv_strerror(-e), syscall, path);
    // Every fresh string is rooted before the next allocation.
    EnString *m = en_str_from_utf8(cx, msg.data, msg.len);
    och_buf_free(&msg);
    if (!m) return EN_EXCEPTION;
    EnValue *hm = en_handle(cx, en_string_value(m));
    EnObject *err = en_error_new(cx, EN_INTRINSIC_ErrorPrototype, en_as_string(*hm));
    if (!err) return EN_EXCEPTION;
    EnValue *he = en_handle(cx, en_object_value(err));
    EnString *c = en_str_from_utf8(cx, code, strlen(code));
    if (!c) return EN_EXCEPTION;
    EnValue *hc = en_handle(cx, en_string_value(c));
    EnString *sc = en_str_from_utf8(cx, syscall, strlen(syscall));
    if (!sc) return EN_EXCEPTION;
    EnValue *hsc = en_handle(cx, en_string_value(sc));
    EnString *p = en_str_from_utf8(cx, path, strlen(path));
    if (!p) return EN_EXCEPTION;
    EnValue *hp = en_handle(cx, en_string_value(p));
    if (!rt_put(cx, en_as_object(*he), "errno", en_number(-e), EN_PROP_DEFAULT) ||
        !rt_put(cx, en_as_object(*he), "code", *hc, EN_PROP_DEFAULT) ||
        !rt_put(cx, en_as_object(*he), "syscall", *hsc, EN_PROP_DEFAULT) ||
        !rt_put(cx, en_as_object(*he), "path", *hp, EN_PROP_DEFAULT))
        return EN_EXCEPTION;
    return en_throw(cx, *he);
}

static EnValue fs_read(EnContext *cx, const EnArgs *a) {
    OchBuf p = {0};
    if (!rt_path_arg(cx, a, 0, &p)) return EN_EXCEPTION;
    struct stat st;
    if (stat(p.data, &st) == 0 && S_ISDIR(st.st_mode)) {
        EnValue r = throw_errno(cx, EISDIR, "read", p.data);
        och_buf_free(&p);
        return r;
    }
    char *text;
    size_t len;
    EnValue r;
    if (ps_source_read_file(p.data, &text, &len) == OCH_OK) {
        EnString *s = en_str_from_utf8(cx, text, len);
        och_free(text);
        r = s ? en_string_value(s) : EN_EXCEPTION;
    } else {
        r = throw_errno(cx, errno ? errno : EIO, "open", p.data);
    }
    och_buf_free(&p);
    return r;
}

// write(path, text, append): a new file's content goes to PATH.tmp-PID then
// rename(2)s over path; appends write in place.
static EnValue fs_write(EnContext *cx, const EnArgs *a) {
    OchBuf p = {0}, data = {0};
    if (!rt_path_arg(cx, a, 0, &p)) return EN_EXCEPTION;
    EnString *s = en_to_string(cx, en_arg(a, 1));
    if (!s) {
        och_buf_free(&p);
        return EN_EXCEPTION;
    }
    en_str_to_utf8(cx, s, &data);
    bool append = en_to_boolean(en_arg(a, 2));
    EnValue r = EN_UNDEFINED;
    if (append) {
        FILE *f = fopen(p.data, "ab");
        if (!f || (data.len && fwrite(data.data, 1, data.len, f) != data.len) || fclose(f) != 0)
            r = throw_errno(cx, errno ? errno : EIO, "open", p.data);
    } else {
        OchBuf tmp = {0};
        och_buf_printf(&tmp, "%s.tmp-%ld", p.data, (long)getpid());
        FILE *f = fopen(tmp.data, "wb");
        bool ok = f && (!data.len || fwrite(data.data, 1, data.len, f) == data.len);
        if (f && fclose(f) != 0) ok = false;
        if (!ok || rename(tmp.data, p.data) != 0) {
            int e = errno ? errno : EIO;
            unlink(tmp.data);
            r = throw_errno(cx, e, "open", p.data);
        }
        och_buf_free(&tmp);
    }
    och_buf_free(&p);
    och_buf_free(&data);
    return r;
}

static int cmp_names(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static EnValue fs_readdir(EnContext *cx, const EnArgs *a) {
    OchBuf p = {0};
    if (!rt_path_arg(cx, a, 0, &p)) return EN_EXCEPTION;
    DIR *d = opendir(p.data);
    if (!d) {
        EnValue r = throw_errno(cx, errno, "scandir", p.data);
        och_buf_free(&p);
        return r;
    }
    OCH_VEC(char *) names = {0};
    struct dirent *e;
    while ((e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            och_vec_push(&names, och_strndup(e->d_name, strlen(e->d_name)));
    closedir(d);
    // Node returns the names sorted (libuv's scandir sorts them).
    if (names.len) qsort(names.items, names.len, sizeof *names.items, cmp_names);
    EnObject *arr = en_array_new(cx, names.len);
    EnValue r = EN_EXCEPTION;
    if (arr) {
        EnValue *ha = en_handle(cx, en_object_value(arr));
        r = *ha;
        for (uint32_t i = 0; i < names.len && r != EN_EXCEPTION; i++) {
            EnString *s = en_str_from_utf8(cx, names.items[i], strlen(names.items[i]));
            if (!s || !en_array_push(cx, en_as_object(*ha), en_string_value(s))) r = EN_EXCEPTION;
        }
    }
    for (uint32_t i = 0; i < names.len; i++) och_free(names.items[i]);
    och_vec_free(&names);
    och_buf_free(&p);
    return r;
}

static EnValue fs_mkdir(EnContext *cx, const EnArgs *a) {
    OchBuf p = {0};
    if (!rt_path_arg(cx, a, 0, &p)) return EN_EXCEPTION;
    bool recursive = en_to_boolean(en_arg(a, 1));
    EnValue r = EN_UNDEFINED;
    if (recursive) {
        for (size_t i = 1; i < p.len; i++) {
            if (p.data[i] != '/' && p.data[i] != 0) continue;
            char c = p.data[i];
            p.data[i] = 0;
            if (mkdir(p.data, 0777) != 0 && errno != EEXIST) {
                r = throw_errno(cx, errno, "mkdir", p.data);
                break;
            }
            p.data[i] = c;
            if (!c) break;
        }
    } else if (mkdir(p.data, 0777) != 0) {
        r = throw_errno(cx, errno, "mkdir", p.data);
    }
    och_buf_free(&p);
    return r;
}

// stat(path, lstat): [kind (1 file, 2 dir, 3 symlink, 4 other), size,
// mtimeMs, mode], or throws.
static EnValue fs_stat(EnContext *cx, const EnArgs *a) {
    OchBuf p = {0};
    if (!rt_path_arg(cx, a, 0, &p)) return EN_EXCEPTION;
    bool l = en_to_boolean(en_arg(a, 1));
    struct stat st;
    EnValue r;
    if ((l ? lstat(p.data, &st) : stat(p.data, &st)) != 0) {
        r = throw_errno(cx, errno, l ? "lstat" : "stat", p.data);
    } else {
        int kind = S_ISREG(st.st_mode) ? 1 : S_ISDIR(st.st_mode) ? 2 : S_ISLNK(st.st_mode) ? 3 : 4;
        double mtime = (double)st.st_mtim.tv_sec * 1e3 + (double)st.st_mtim.tv_nsec / 1e6;
        EnValue v[4] = {en_int32(kind), en_number((double)st.st_size), en_number(mtime),
                        en_number(st.st_mode)};
        EnObject *arr = en_array_from_values(cx, v, 4);
        r = arr ? en_object_value(arr) : EN_EXCEPTION;
    }
    och_buf_free(&p);
    return r;
}

// unlink(path) / rmdir(path): one path, one system call.
static EnValue path_call(EnContext *cx, const EnArgs *a, int (*call)(const char *), const char *name) {
    OchBuf p = {0};
    if (!rt_path_arg(cx, a, 0, &p)) return EN_EXCEPTION;
    EnValue r = call(p.data) == 0 ? EN_UNDEFINED : throw_errno(cx, errno, name, p.data);
    och_buf_free(&p);
    return r;
}
static EnValue fs_unlink(EnContext *cx, const EnArgs *a) { return path_call(cx, a, unlink, "unlink"); }
static EnValue fs_rmdir(EnContext *cx, const EnArgs *a) { return path_call(cx, a, rmdir, "rmdir"); }

static EnValue fs_rename(EnContext *cx, const EnArgs *a) {
    OchBuf p = {0}, q = {0};
    if (!rt_path_arg(cx, a, 0, &p) || !rt_path_arg(cx, a, 1, &q)) {
        och_buf_free(&p);
        return EN_EXCEPTION;
    }
    EnValue r = rename(p.data, q.data) == 0 ? EN_UNDEFINED : throw_errno(cx, errno, "rename", p.data);
    och_buf_free(&p);
    och_buf_free(&q);
    return r;
}

bool rt_fs_binding(EnContext *cx, EnObject *binding) {
    EnValue *hb = en_handle(cx, en_object_value(binding));
    static const struct {
        const char *name;
        EnNativeFn fn;
        uint32_t length;
    } fns[] = {
        {"fsRead", fs_read, 1},     {"fsWrite", fs_write, 3},   {"fsReaddir", fs_readdir, 1},
        {"fsMkdir", fs_mkdir, 2},   {"fsStat", fs_stat, 2},     {"fsUnlink", fs_unlink, 1},
        {"fsRmdir", fs_rmdir, 1},   {"fsRename", fs_rename, 2},
    };
    for (size_t i = 0; i < sizeof fns / sizeof *fns; i++)
        if (!en_define_method(cx, en_as_object(*hb), fns[i].name, fns[i].fn, fns[i].length)) return false;
    return true;
}
