// The event loop (rt_int.h): host installation, draining the nextTick and
// promise queues, reporting unhandled rejections, running libuv.
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../promise_int.h"
#include "rt_int.h"

RtHost *rt_host_of(EnContext *cx) { return cx->loop_host; }

bool rt_path_arg(EnContext *cx, const EnArgs *a, uint32_t i, OchBuf *out) {
    EnString *s = en_to_string(cx, en_arg(a, i));
    if (!s) return false;
    en_str_to_utf8(cx, s, out);
    och_buf_putc(out, 0);
    return true;
}

void rt_put_number(double d, OchBuf *out) {
    if (d == 0 && signbit(d)) {
        och_buf_puts(out, "-0");
        return;
    }
    char buf[EN_NUM_BUF];
    en_num_to_cstr(d, buf);
    och_buf_puts(out, buf);
}

uint64_t rt_now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

EnObject *rt_state(EnContext *cx, const char *name) {
    EnObject *st = en_intrinsic(cx, EN_INTRINSIC_HostState);
    EnString *k = en_atom_from_cstr(cx, name);
    if (!st || !k) return NULL;
    EnValue v = en_get(cx, en_object_value(st), en_key_atom(k));
    return en_is_object(v) ? en_as_object(v) : NULL;
}

EnValue rt_call_record(RtHost *h, EnValue record, uint32_t args_from, EnValue this_val) {
    EnContext *cx = h->cx;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue r = EN_EXCEPTION;
    EnValue *hr = en_handle(cx, record);
    en_handle(cx, this_val);
    uint64_t n;
    if (!en_length_of_array_like(cx, *hr, &n) || n < args_from) goto done;
    EnValue fn = en_get_index(cx, *hr, 0);
    if (fn == EN_EXCEPTION) goto done;
    en_handle(cx, fn);
    uint32_t argc = (uint32_t)n - args_from;
    // The collector does not move cells: values rooted by handles may be
    // copied into a plain array for the call.
    EnValue *args = argc ? och_malloc(argc * sizeof *args) : NULL;
    for (uint32_t k = 0; k < argc; k++) {
        args[k] = en_get_index(cx, *hr, args_from + k);
        if (args[k] == EN_EXCEPTION) {
            och_free(args);
            goto done;
        }
        en_handle(cx, args[k]);
    }
    r = en_call(cx, fn, this_val, argc, args);
    och_free(args);
    if (r != EN_EXCEPTION) r = EN_UNDEFINED;
done:
    en_handle_scope_close(&hs);
    return r;
}

// Replaces HostState[name] with a fresh empty array.
bool rt_put(EnContext *cx, EnObject *o, const char *name, EnValue v, uint8_t attrs) {
    if (v == EN_EXCEPTION) return false;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *ho = en_handle(cx, en_object_value(o));
    EnValue *hv = en_handle(cx, v);
    // Atoms are weak: the key is rooted too while the property is added.
    EnString *k = en_atom_from_cstr(cx, name);
    bool ok = false;
    if (k) {
        EnValue *hk = en_handle(cx, en_string_value(k));
        ok = en_define_value(cx, en_as_object(*ho), *hk, *hv, attrs);
    }
    en_handle_scope_close(&hs);
    return ok;
}

bool rt_state_set(EnContext *cx, const char *name, EnValue v) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hv = en_handle(cx, v);
    // Creating the key may collect: v is rooted first, the key right after.
    EnString *k = en_atom_from_cstr(cx, name);
    bool ok = false;
    if (k) {
        EnValue *hk = en_handle(cx, en_string_value(k));
        ok = en_define_value(cx, en_intrinsic(cx, EN_INTRINSIC_HostState), *hk, *hv, EN_PROP_WRITABLE);
    }
    en_handle_scope_close(&hs);
    return ok;
}

bool rt_state_reset_array(EnContext *cx, const char *name) {
    EnObject *fresh = en_array_new(cx, 0);
    return fresh && rt_state_set(cx, name, en_object_value(fresh));
}

// Runs the nextTick queue once through (ticks added meanwhile included).
// The queue is an array of records [callback, args...]; it is replaced by a
// fresh one when done, so a long-lived program does not grow it.
static EnStatus run_ticks(RtHost *h) {
    EnContext *cx = h->cx;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnStatus st = EN_STATUS_OK;
    EnObject *q = rt_state(cx, "ticks");
    if (!q) goto done;
    EnValue *hq = en_handle(cx, en_object_value(q));
    uint64_t len;
    for (uint32_t i = 0;; i++) {
        if (!en_length_of_array_like(cx, *hq, &len)) goto fail;
        if (i >= len) break;
        EnValue rec = en_get_index(cx, *hq, i);
        if (rec == EN_EXCEPTION || rt_call_record(h, rec, 1, EN_UNDEFINED) == EN_EXCEPTION) goto fail;
    }
    if (len && !rt_state_reset_array(cx, "ticks")) goto fail;
    goto done;
fail:
    st = cx->terminating ? EN_STATUS_TERMINATED : EN_STATUS_EXCEPTION;
done:
    en_handle_scope_close(&hs);
    return st;
}

static bool ticks_pending(RtHost *h) {
    EnObject *q = rt_state(h->cx, "ticks");
    uint64_t len = 0;
    return q && en_length_of_array_like(h->cx, en_object_value(q), &len) && len > 0;
}

// An unhandled rejection becomes the pending exception (Node's default
// `--unhandled-rejections=throw`): the reason itself, so that an Error is
// reported with its stack.
static EnStatus report_unhandled(RtHost *h) {
    EnContext *cx = h->cx;
    if (en_promise_unhandled_count(cx) == 0) return EN_STATUS_OK;
    EnObject *p = en_promise_unhandled_at(cx, 0);
    EnValue reason = ((EnPromise *)p)->result;
    en_promise_unhandled_clear(cx);
    en_throw(cx, reason);
    return EN_STATUS_EXCEPTION;
}

EnStatus rt_drain(RtHost *h) {
    for (;;) {
        EnStatus st = run_ticks(h);
        if (st != EN_STATUS_OK) return st;
        st = en_run_jobs(h->cx);
        if (st != EN_STATUS_OK) return st;
        if (!ticks_pending(h)) break;
    }
    return report_unhandled(h);
}

bool rt_after_macrotask(RtHost *h, EnValue result) {
    EnStatus st = result == EN_EXCEPTION
                      ? (h->cx->terminating ? EN_STATUS_TERMINATED : EN_STATUS_EXCEPTION)
                      : rt_drain(h);
    if (st == EN_STATUS_OK) return true;
    h->status = st;
    uv_stop(&h->loop);
    return false;
}

// --- public ------------------------------------------------------------------

bool en_host_install(EnContext *cx, const EnHostOptions *opts) {
    if (cx->loop_host) return true;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    bool ok = false;
    EnObject *st = en_obj_new(cx, EN_CLASS_OBJECT, NULL, 4);
    if (!st) goto done;
    cx->intrinsics[EN_INTRINSIC_HostState] = st;
    static const char *const arrays[] = {"ticks", "immediates"};
    for (size_t i = 0; i < sizeof arrays / sizeof *arrays; i++)
        if (!rt_state_reset_array(cx, arrays[i])) goto done;
    EnObject *timers = en_obj_new(cx, EN_CLASS_OBJECT, NULL, 0);
    if (!timers || !rt_state_set(cx, "timers", en_object_value(timers))) goto done;
    RtHost *h = och_calloc(1, sizeof *h);
    h->cx = cx;
    h->next_id = 1;
    h->argc = opts ? opts->argc : 0;
    h->argv = opts ? opts->argv : NULL;
    if (opts) h->opts = *opts;
    if (uv_loop_init(&h->loop) != 0) {
        och_free(h);
        en_throw_error(cx, EN_INTRINSIC_ErrorPrototype, "cannot create the event loop");
        goto done;
    }
    h->loop.data = h;
    uv_check_init(&h->loop, &h->check);
    uv_idle_init(&h->loop, &h->idle);
    h->check.data = h->idle.data = h;
    cx->loop_host = h;
    ok = rt_timers_install(cx) && rt_process_install(cx) && rt_console_install(cx) &&
         rt_lazy_globals_install(cx) && rt_esm_install(cx);
done:
    en_handle_scope_close(&hs);
    return ok;
}

static int exit_code_of(RtHost *h) {
    if (h->exiting) return h->exit_code;
    EnContext *cx = h->cx;
    EnString *k = en_atom_from_cstr(cx, "process");
    if (!k) return 0;
    EnValue p = en_get(cx, en_object_value(cx->global), en_key_atom(k));
    if (!en_is_object(p)) return 0;
    EnString *kc = en_atom_from_cstr(cx, "exitCode");
    EnValue c = kc ? en_get(cx, p, en_key_atom(kc)) : EN_UNDEFINED;
    if (en_is_number(c)) return (int)en_as_number(c);
    return 0;
}

// process.emit(name, exitCode); the status of the listeners.
static EnStatus emit_with_code(RtHost *h, const char *name) {
    EnContext *cx = h->cx;
    if (cx->terminating) return EN_STATUS_TERMINATED;
    EnString *ev = en_atom_from_cstr(cx, name);
    if (!ev) return EN_STATUS_TERMINATED;
    EnValue code = en_number(exit_code_of(h));
    bool was_exiting = h->exiting;
    EnValue r = rt_process_emit(cx, en_string_value(ev), 1, &code);
    if (r != EN_EXCEPTION) return EN_STATUS_OK;
    if (!was_exiting && h->exiting) return EN_STATUS_TERMINATED;  // process.exit() in a listener
    return cx->terminating ? EN_STATUS_TERMINATED : EN_STATUS_EXCEPTION;
}

EnStatus en_host_run(EnContext *cx, int *exit_code) {
    RtHost *h = cx->loop_host;
    *exit_code = 0;
    if (!h) {
        EnStatus st = en_run_jobs(cx);
        return st;
    }
    EnStatus st = rt_drain(h);
    // Node's end of a program: when the loop is empty, 'beforeExit' may
    // schedule more work (then the loop runs again); then 'exit'.
    while (st == EN_STATUS_OK) {
        h->status = EN_STATUS_OK;
        uv_run(&h->loop, UV_RUN_DEFAULT);
        st = h->status;
        if (st != EN_STATUS_OK || h->exiting) break;
        st = emit_with_code(h, "beforeExit");
        if (st == EN_STATUS_OK) st = rt_drain(h);
        if (st != EN_STATUS_OK || !uv_loop_alive(&h->loop)) break;
    }
    if (st == EN_STATUS_OK || (st == EN_STATUS_TERMINATED && h->exiting)) {
        EnStatus est = emit_with_code(h, "exit");
        if (st == EN_STATUS_OK) st = est;
    }
    *exit_code = exit_code_of(h);
    return st;
}

bool en_host_exiting(EnContext *cx, int *exit_code) {
    RtHost *h = cx->loop_host;
    if (!h || !h->exiting) return false;
    *exit_code = h->exit_code;
    return true;
}

static void close_cb(uv_handle_t *handle) { (void)handle; }

void en_host_free(EnContext *cx) {
    RtHost *h = cx->loop_host;
    if (!h) return;
    rt_timers_close(h);
    rt_console_free(h);
    uv_close((uv_handle_t *)&h->check, close_cb);
    uv_close((uv_handle_t *)&h->idle, close_cb);
    // Runs the close callbacks (the first run only clears a pending
    // uv_stop from process.exit()).
    uv_run(&h->loop, UV_RUN_NOWAIT);
    uv_run(&h->loop, UV_RUN_NOWAIT);
    uv_loop_close(&h->loop);
    cx->loop_host = NULL;
    och_free(h);
}

bool en_host_test_counts(EnContext *cx, EnTestCounts *out) {
    RtHost *h = cx->loop_host;
    if (!h || !h->have_counts) return false;
    *out = h->counts;
    return true;
}
