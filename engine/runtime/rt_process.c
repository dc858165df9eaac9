// `process` (the part the event loop needs now: argv, env, exit, exitCode,
// nextTick, platform, arch, pid, cwd, chdir, hrtime, memoryUsage, version,
// stdout.write, stderr.write) and the global queueMicrotask.
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include "../bigint_int.h"
#include "rt_int.h"

extern char **environ;

static bool put(EnContext *cx, EnObject *o, const char *name, EnValue v) {
    return rt_put(cx, o, name, v, EN_PROP_DEFAULT);
}

static EnValue utf8(EnContext *cx, const char *s) {
    EnString *str = en_str_from_utf8(cx, s, strlen(s));
    return str ? en_string_value(str) : EN_EXCEPTION;
}

static EnValue next_tick(EnContext *cx, const EnArgs *a) {
    if (!en_is_callable(en_arg(a, 0)))
        return en_throw_type_error(cx, "The \"callback\" argument must be of type function");
    EnObject *q = rt_state(cx, "ticks");
    if (!q) return EN_EXCEPTION;
    EnValue *hq = en_handle(cx, en_object_value(q));
    EnObject *rec = en_array_from_values(cx, a->argv, a->argc);
    if (!rec || !en_array_push(cx, en_as_object(*hq), en_object_value(rec))) return EN_EXCEPTION;
    return EN_UNDEFINED;
}

// --- process events (on, once, off, emit, listeners, listenerCount) -------
// Listeners live in HostState.processEvents: event name -> array of
// [listener, once] records, in registration order.

static EnValue events_table(EnContext *cx) {
    return en_get(cx, en_object_value(en_intrinsic(cx, EN_INTRINSIC_HostState)), rt_key(cx, "processEvents"));
}

static EnValue listeners_of(EnContext *cx, EnValue event, bool create) {
    EnValue tab = events_table(cx);
    if (!en_is_object(tab)) return EN_EXCEPTION;
    EnValue *ht = en_handle(cx, tab);
    EnKey k;
    if (!en_key_from_value(cx, event, &k)) return EN_EXCEPTION;
    en_handle(cx, k);
    EnValue list = en_get(cx, *ht, k);
    if (list == EN_EXCEPTION || en_is_object(list) || !create) return list;
    EnObject *arr = en_array_new(cx, 0);
    if (!arr) return EN_EXCEPTION;
    EnValue *ha = en_handle(cx, en_object_value(arr));
    if (!en_set(cx, *ht, k, *ha, true)) return EN_EXCEPTION;
    return *ha;
}

static EnValue add_listener(EnContext *cx, const EnArgs *a, bool once) {
    if (!en_is_callable(en_arg(a, 1)))
        return en_throw_type_error(cx, "The \"listener\" argument must be of type function");
    EnValue list = listeners_of(cx, en_arg(a, 0), true);
    if (list == EN_EXCEPTION) return list;
    EnValue *hl = en_handle(cx, list);
    EnValue rec[2] = {a->argv[1], en_bool(once)};
    EnObject *r = en_array_from_values(cx, rec, 2);
    if (!r || !en_array_push(cx, en_as_object(*hl), en_object_value(r))) return EN_EXCEPTION;
    return a->this_val;
}
static EnValue process_on(EnContext *cx, const EnArgs *a) { return add_listener(cx, a, false); }
static EnValue process_once(EnContext *cx, const EnArgs *a) { return add_listener(cx, a, true); }

// Copies the listener records of an event into a fresh array (emit must
// not see changes made by the listeners it calls).
static EnValue snapshot(EnContext *cx, EnValue list) {
    uint64_t n = 0;
    if (!en_length_of_array_like(cx, list, &n)) return EN_EXCEPTION;
    EnValue *hl = en_handle(cx, list);
    EnObject *copy = en_array_new(cx, (uint32_t)n);
    if (!copy) return EN_EXCEPTION;
    EnValue *hc = en_handle(cx, en_object_value(copy));
    for (uint32_t i = 0; i < n; i++) {
        EnValue r = en_get_index(cx, *hl, i);
        if (r == EN_EXCEPTION || !en_array_push(cx, en_as_object(*hc), r)) return EN_EXCEPTION;
    }
    return *hc;
}

static EnValue process_off(EnContext *cx, const EnArgs *a) {
    EnValue list = listeners_of(cx, en_arg(a, 0), false);
    if (list == EN_EXCEPTION || !en_is_object(list)) return list == EN_EXCEPTION ? list : a->this_val;
    EnValue *hl = en_handle(cx, list);
    uint64_t n = 0;
    if (!en_length_of_array_like(cx, *hl, &n)) return EN_EXCEPTION;
    EnObject *kept = en_array_new(cx, 0);
    if (!kept) return EN_EXCEPTION;
    EnValue *hk = en_handle(cx, en_object_value(kept));
    bool removed = false;
    for (uint32_t i = 0; i < n; i++) {
        EnValue r = en_get_index(cx, *hl, i);
        if (r == EN_EXCEPTION) return r;
        EnValue *hr = en_handle(cx, r);
        EnValue fn = en_get_index(cx, *hr, 0);
        if (!removed && fn == en_arg(a, 1)) {
            removed = true;
            continue;
        }
        if (!en_array_push(cx, en_as_object(*hk), *hr)) return EN_EXCEPTION;
    }
    EnKey k;
    if (!en_key_from_value(cx, en_arg(a, 0), &k) || !en_set(cx, events_table(cx), k, *hk, true))
        return EN_EXCEPTION;
    return a->this_val;
}

// Calls the listeners of an event with args; once-listeners are removed
// first. EN_TRUE when there were listeners, EN_EXCEPTION on throw.
EnValue rt_process_emit(EnContext *cx, EnValue event, uint32_t argc, const EnValue *argv) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    EnValue *he = en_handle(cx, event);
    EnValue list = listeners_of(cx, *he, false);
    if (list == EN_EXCEPTION) goto done;
    if (!en_is_object(list)) {
        res = EN_FALSE;
        goto done;
    }
    EnValue snap = snapshot(cx, list);
    if (snap == EN_EXCEPTION) goto done;
    EnValue *hs_ = en_handle(cx, snap);
    uint64_t n = 0;
    if (!en_length_of_array_like(cx, *hs_, &n)) goto done;
    EnValue process = en_get(cx, en_object_value(cx->global), rt_key(cx, "process"));
    EnValue *hp = en_handle(cx, process);
    for (uint32_t i = 0; i < n; i++) {
        EnValue r = en_get_index(cx, *hs_, i);
        if (r == EN_EXCEPTION) goto done;
        EnValue *hr = en_handle(cx, r);
        EnValue fn = en_get_index(cx, *hr, 0);
        EnValue once = en_get_index(cx, *hr, 1);
        if (fn == EN_EXCEPTION || once == EN_EXCEPTION) goto done;
        EnValue *hf = en_handle(cx, fn);
        if (en_to_boolean(once)) {
            EnValue offargs[2] = {*he, *hf};
            EnArgs oa = {*hp, EN_UNDEFINED, NULL, 2, offargs};
            if (process_off(cx, &oa) == EN_EXCEPTION) goto done;
        }
        if (en_call(cx, *hf, *hp, argc, argv) == EN_EXCEPTION) goto done;
    }
    res = en_bool(n > 0);
done:
    en_handle_scope_close(&hs);
    return res;
}

static EnValue process_emit(EnContext *cx, const EnArgs *a) {
    return rt_process_emit(cx, en_arg(a, 0), a->argc ? a->argc - 1 : 0, a->argv + (a->argc ? 1 : 0));
}

static EnValue process_listener_count(EnContext *cx, const EnArgs *a) {
    EnValue list = listeners_of(cx, en_arg(a, 0), false);
    if (list == EN_EXCEPTION) return list;
    uint64_t n = 0;
    if (en_is_object(list) && !en_length_of_array_like(cx, list, &n)) return EN_EXCEPTION;
    return en_number((double)n);
}

static EnValue queue_microtask(EnContext *cx, const EnArgs *a) {
    if (!en_is_callable(en_arg(a, 0)))
        return en_throw_type_error(cx, "The \"callback\" argument must be of type function");
    return en_enqueue_job(cx, a->argv[0], 0, NULL) ? EN_UNDEFINED : EN_EXCEPTION;
}

// process.exit([code]): ends the program now, with code (default
// process.exitCode, else 0). The evaluation is terminated (uncatchable);
// en_host_exiting tells the embedder it was not an error.
static EnValue process_exit(EnContext *cx, const EnArgs *a) {
    RtHost *h = rt_host_of(cx);
    double code = 0;
    EnValue c = en_arg(a, 0);
    if (en_is_undefined(c)) c = en_get(cx, a->this_val, rt_key(cx, "exitCode"));
    if (c == EN_EXCEPTION) return c;
    if (!en_is_undefined(c) && !en_to_number(cx, c, &code)) return EN_EXCEPTION;
    h->exiting = true;
    h->exit_code = (int)code;
    uv_stop(&h->loop);
    return en_throw_terminated(cx, "process.exit() was called");
}

static EnValue process_cwd(EnContext *cx, const EnArgs *a) {
    (void)a;
    char buf[4096];
    if (!getcwd(buf, sizeof buf)) return en_throw_error(cx, EN_INTRINSIC_ErrorPrototype, "process.cwd(): %s", strerror(errno));
    return utf8(cx, buf);
}

static EnValue process_chdir(EnContext *cx, const EnArgs *a) {
    EnString *s = en_to_string(cx, en_arg(a, 0));
    if (!s) return EN_EXCEPTION;
    OchBuf b = {0};
    en_str_to_utf8(cx, s, &b);
    int rc = chdir(b.data ? b.data : "");
    int err = errno;
    EnValue r = rc == 0 ? EN_UNDEFINED
                        : en_throw_error(cx, EN_INTRINSIC_ErrorPrototype, "ENOENT: %s, chdir '%s'",
                                         strerror(err), b.data ? b.data : "");
    och_buf_free(&b);
    return r;
}

// process.hrtime([previous]): [seconds, nanoseconds], relative to previous.
static EnValue process_hrtime(EnContext *cx, const EnArgs *a) {
    uint64_t t = rt_now_ns();
    EnValue prev = en_arg(a, 0);
    if (en_is_object(prev)) {
        EnValue s = en_get_index(cx, prev, 0);
        if (s == EN_EXCEPTION) return s;
        EnValue n = en_get_index(cx, prev, 1);
        if (n == EN_EXCEPTION) return n;
        double ds, dn;
        if (!en_to_number(cx, s, &ds) || !en_to_number(cx, n, &dn)) return EN_EXCEPTION;
        t -= (uint64_t)(ds * 1e9 + dn);
    }
    EnValue v[2] = {en_number((double)(t / 1000000000u)), en_number((double)(t % 1000000000u))};
    EnObject *arr = en_array_from_values(cx, v, 2);
    return arr ? en_object_value(arr) : EN_EXCEPTION;
}

static EnValue process_hrtime_bigint(EnContext *cx, const EnArgs *a) {
    (void)a;
    return en_bigint_from_uint64(cx, rt_now_ns());
}

// performance.now(): milliseconds since the runtime started (monotonic,
// sub-millisecond).
static uint64_t start_ns;
static EnValue performance_now(EnContext *cx, const EnArgs *a) {
    (void)cx, (void)a;
    return en_number((double)(rt_now_ns() - start_ns) / 1e6);
}

static EnValue process_memory_usage(EnContext *cx, const EnArgs *a) {
    (void)a;
    EnObject *o = en_obj_new_plain(cx);
    if (!o) return EN_EXCEPTION;
    EnValue *ho = en_handle(cx, en_object_value(o));
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    EnHeapStats st;
    en_gc_stats(cx->rt, &st);
    if (!put(cx, en_as_object(*ho), "rss", en_number((double)ru.ru_maxrss * 1024)) ||
        !put(cx, en_as_object(*ho), "heapTotal", en_number((double)st.allocated_bytes)) ||
        !put(cx, en_as_object(*ho), "heapUsed", en_number((double)st.live_bytes)) ||
        !put(cx, en_as_object(*ho), "external", en_number(0)) ||
        !put(cx, en_as_object(*ho), "arrayBuffers", en_number(0)))
        return EN_EXCEPTION;
    return *ho;
}

static EnValue write_to(EnContext *cx, const EnArgs *a, FILE *f) {
    EnString *s = en_to_string(cx, en_arg(a, 0));
    if (!s) return EN_EXCEPTION;
    OchBuf b = {0};
    en_str_to_utf8(cx, s, &b);
    if (b.len) fwrite(b.data, 1, b.len, f);
    och_buf_free(&b);
    return EN_TRUE;
}
static EnValue stdout_write(EnContext *cx, const EnArgs *a) { return write_to(cx, a, stdout); }
static EnValue stderr_write(EnContext *cx, const EnArgs *a) { return write_to(cx, a, stderr); }

static EnObject *stream(EnContext *cx, EnNativeFn write, int fd) {
    EnObject *o = en_obj_new_plain(cx);
    if (!o) return NULL;
    EnValue *ho = en_handle(cx, en_object_value(o));
    if (!en_define_method(cx, en_as_object(*ho), "write", write, 1) ||
        !put(cx, en_as_object(*ho), "fd", en_number(fd)) ||
        !put(cx, en_as_object(*ho), "isTTY", en_bool(isatty(fd))))
        return NULL;
    return en_as_object(*ho);
}

static EnObject *env_object(EnContext *cx) {
    EnObject *o = en_obj_new_plain(cx);
    if (!o) return NULL;
    EnValue *ho = en_handle(cx, en_object_value(o));
    for (char **e = environ; e && *e; e++) {
        const char *eq = strchr(*e, '=');
        if (!eq || eq == *e) continue;
        EnString *k = en_atom_from_utf8(cx, *e, (size_t)(eq - *e));
        if (!k) return NULL;
        EnValue *hk = en_handle(cx, en_string_value(k));
        EnString *v = en_str_from_utf8(cx, eq + 1, strlen(eq + 1));
        if (!v) return NULL;
        EnValue *hv = en_handle(cx, en_string_value(v));
        if (!en_define_value(cx, en_as_object(*ho), *hk, *hv, EN_PROP_DEFAULT)) return NULL;
    }
    return en_as_object(*ho);
}

static const char *node_arch(void) {
    struct utsname u;
    if (uname(&u) != 0) return "unknown";
    if (!strcmp(u.machine, "x86_64")) return "x64";
    if (!strcmp(u.machine, "aarch64")) return "arm64";
    if (!strcmp(u.machine, "i686") || !strcmp(u.machine, "i386")) return "ia32";
    return "unknown";
}

bool rt_process_install(EnContext *cx) {
    RtHost *h = rt_host_of(cx);
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    bool ok = false;
    EnObject *events = en_obj_new(cx, EN_CLASS_OBJECT, NULL, 2);
    if (!events || !rt_state_set(cx, "processEvents", en_object_value(events))) goto done;
    EnObject *p = en_obj_new_plain(cx);
    if (!p) goto done;
    EnValue *hp = en_handle(cx, en_object_value(p));
#define P en_as_object(*hp)
    // argv: [the executable, the script, its arguments...] like node.
    EnObject *argv = en_array_new(cx, 0);
    if (!argv) goto done;
    EnValue *ha = en_handle(cx, en_object_value(argv));
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    exe[n > 0 ? n : 0] = 0;
    EnValue v = utf8(cx, exe);
    if (v == EN_EXCEPTION || !en_array_push(cx, en_as_object(*ha), v)) goto done;
    for (int i = 0; i < h->argc; i++) {
        const char *arg = h->argv[i];
        char *abs = NULL;
        if (i == 0 && arg[0] != '/') abs = realpath(arg, NULL);  // the script, made absolute
        v = utf8(cx, abs ? abs : arg);
        free(abs);
        if (v == EN_EXCEPTION || !en_array_push(cx, en_as_object(*ha), v)) goto done;
    }
    if (!put(cx, P, "argv", *ha) || !put(cx, P, "execArgv", en_object_value(en_array_new(cx, 0))))
        goto done;
    EnObject *env = env_object(cx);
    if (!env || !put(cx, P, "env", en_object_value(env))) goto done;
    if (!put(cx, P, "platform", utf8(cx, "linux")) || !put(cx, P, "arch", utf8(cx, node_arch())) ||
        !put(cx, P, "pid", en_number(getpid())) || !put(cx, P, "ppid", en_number(getppid())) ||
        !put(cx, P, "version", utf8(cx, "v20.0.0")) || !put(cx, P, "exitCode", EN_UNDEFINED))
        goto done;
    EnObject *versions = en_obj_new_plain(cx);
    if (!versions) goto done;
    EnValue *hv = en_handle(cx, en_object_value(versions));
    if (!put(cx, en_as_object(*hv), "node", utf8(cx, "20.0.0")) ||
        !put(cx, en_as_object(*hv), "ochre", utf8(cx, "0.1.0-dev")) ||
        !put(cx, en_as_object(*hv), "uv", utf8(cx, uv_version_string())) ||
        !put(cx, P, "versions", *hv))
        goto done;
    static const struct {
        const char *name;
        EnNativeFn fn;
        uint32_t length;
    } methods[] = {
        {"exit", process_exit, 1},        {"cwd", process_cwd, 0},
        {"chdir", process_chdir, 1},      {"nextTick", next_tick, 1},
        {"memoryUsage", process_memory_usage, 0},
        {"on", process_on, 2},            {"addListener", process_on, 2},
        {"once", process_once, 2},        {"off", process_off, 2},
        {"removeListener", process_off, 2}, {"emit", process_emit, 1},
        {"listenerCount", process_listener_count, 1},
    };
    for (size_t i = 0; i < sizeof methods / sizeof *methods; i++)
        if (!en_define_method(cx, P, methods[i].name, methods[i].fn, methods[i].length)) goto done;
    EnObject *hr = en_define_method(cx, P, "hrtime", process_hrtime, 1);
    if (!hr || !en_define_method(cx, hr, "bigint", process_hrtime_bigint, 0)) goto done;
    EnObject *out = stream(cx, stdout_write, 1);
    if (!out || !put(cx, P, "stdout", en_object_value(out))) goto done;
    EnObject *err = stream(cx, stderr_write, 2);
    if (!err || !put(cx, P, "stderr", en_object_value(err))) goto done;
    if (!en_define_value(cx, cx->global, rt_key(cx, "process"), *hp, EN_PROP_HIDDEN)) goto done;
    if (!start_ns) start_ns = rt_now_ns();
    EnObject *perf = en_obj_new_plain(cx);
    if (!perf) goto done;
    EnValue *hperf = en_handle(cx, en_object_value(perf));
    struct timespec rt_now;
    clock_gettime(CLOCK_REALTIME, &rt_now);
    double origin = (double)rt_now.tv_sec * 1e3 + (double)rt_now.tv_nsec / 1e6 - (double)(rt_now_ns() - start_ns) / 1e6;
    if (!en_define_method(cx, en_as_object(*hperf), "now", performance_now, 0) ||
        !put(cx, en_as_object(*hperf), "timeOrigin", en_number(origin)) ||
        !en_define_value(cx, cx->global, rt_key(cx, "performance"), *hperf, EN_PROP_HIDDEN))
        goto done;
    ok = en_define_method(cx, cx->global, "queueMicrotask", queue_microtask, 1) != NULL;
#undef P
done:
    en_handle_scope_close(&hs);
    return ok;
}
