// The host runtime around the engine (DESIGN.md "Runtime", issue 7): a
// libuv event loop with Node's queues, and the host APIs that feed it
// (timers, immediates, queueMicrotask, process). Public entry points:
// engine.h "Host runtime". Internal to engine/runtime/.
//
// Queues, in Node's order: after the main script and after every
// macrotask (a timer, an immediate, an I/O completion), the nextTick queue
// runs, then the promise jobs, repeated until both are empty; then
// unhandled rejections are reported. Macrotasks come from libuv: timers
// (uv_timer_t, one per timer), immediates (one uv_check_t after each
// poll, with a uv_idle_t keeping the poll from blocking while some are
// queued).
//
// GC: callbacks and their arguments live in JS objects reachable from the
// realm's HostState intrinsic (a null-prototype object): `timers` maps a
// timer id to its record [callback, timeout object, args...], `immediates`
// is the queue of [callback, immediate object, args...] records and `ticks`
// the nextTick queue of [callback, args...]. The C side holds ids only.
#ifndef OCHRE_ENGINE_RUNTIME_RT_INT_H
#define OCHRE_ENGINE_RUNTIME_RT_INT_H

#include <uv.h>

#include "../vm_int.h"

typedef struct RtTimer {
    uv_timer_t handle;
    struct RtHost *host;
    uint32_t id;
    uint64_t ms;            // delay (and repeat for intervals)
    bool repeat;
    bool refed;
    struct RtTimer *next;   // in host->timers (all live timers)
} RtTimer;

typedef struct RtHost {
    EnContext *cx;
    uv_loop_t loop;
    uv_check_t check;       // runs the immediates
    uv_idle_t idle;         // keeps the poll phase from blocking while immediates wait
    uint32_t next_id;       // timer and immediate ids (Node numbers them alike)
    RtTimer *timers;
    uint32_t refed_immediates;
    EnStatus status;        // the first failure of a callback (stops the loop)
    bool exiting;           // process.exit() was called
    int exit_code;
    int argc;
    char **argv;            // borrowed (the process' argv)
    struct RtConsole *console;  // counters, timers and group depth (rt_console.c)
    EnHostOptions opts;         // copy (strings borrowed)
    bool have_counts;           // node:test reported (test_runner)
    EnTestCounts counts;
} RtHost;

// The host of cx (NULL when none is installed).
RtHost *rt_host_of(EnContext *cx);
// HostState property `name` (an object created at install).
EnObject *rt_state(EnContext *cx, const char *name);

// Calls record[0] with this_val and the arguments record[args_from..]
// (records are arrays in HostState). EN_UNDEFINED, or EN_EXCEPTION.
EnValue rt_call_record(RtHost *h, EnValue record, uint32_t args_from, EnValue this_val);
// o[name] = v with attrs, rooting o, v and the key (an allocation may
// collect); false on heap limit or when v is EN_EXCEPTION.
bool rt_put(EnContext *cx, EnObject *o, const char *name, EnValue v, uint8_t attrs);
// A property key from an ASCII name (an atom; root it if an allocation
// follows before it is used).
static inline EnKey rt_key(EnContext *cx, const char *name) {
    return en_key_atom(en_atom_from_cstr(cx, name));
}
// HostState[name] = v (v need not be rooted by the caller).
bool rt_state_set(EnContext *cx, const char *name, EnValue v);
// Replaces HostState[name] with a fresh empty array.
bool rt_state_reset_array(EnContext *cx, const char *name);

// Runs the nextTick queue and the promise jobs until both are empty, then
// reports unhandled rejections (as an exception: Node's default `throw`
// mode). EN_STATUS_OK or the failure (exception pending).
EnStatus rt_drain(RtHost *h);
// After a macrotask's JS ran: drains, and records a failure (stopping the
// loop). Returns false when the loop must stop.
bool rt_after_macrotask(RtHost *h, EnValue result);

// Node's util.inspect of v (rt_inspect.c), appended as UTF-8; strings are
// quoted unless top_string_raw (console.log's own arguments).
void rt_inspect(EnContext *cx, EnValue v, bool top_string_raw, OchBuf *out);
// The same with non-enumerable properties and depth 4 (console's %o).
void rt_inspect_hidden(EnContext *cx, EnValue v, OchBuf *out);

// console.log's formatting of its arguments (rt_console.c): specifiers of
// a first string argument, the others inspected, joined by spaces.
bool rt_format(EnContext *cx, const EnValue *argv, uint32_t argc, OchBuf *out);
// The CommonJS loader object of cx (js/cjs_loader.js), created on first use.
EnValue rt_loader(EnContext *cx);
// Adds the fs primitives to the binding object of the JS modules (rt_fs.c).
bool rt_fs_binding(EnContext *cx, EnObject *binding);

// Shared helpers (rt_loop.c): argument i as a NUL-terminated UTF-8 string
// (false on throw); a number as JS prints it (-0 kept); the monotonic
// clock in nanoseconds.
bool rt_path_arg(EnContext *cx, const EnArgs *a, uint32_t i, OchBuf *out);
void rt_put_number(double d, OchBuf *out);
uint64_t rt_now_ns(void);

// Families (each defines its globals; false with an exception pending).
bool rt_timers_install(EnContext *cx);
void rt_timers_close(RtHost *h);
bool rt_process_install(EnContext *cx);
// process.emit(event, ...args) from C (beforeExit, exit): EN_TRUE when
// listeners ran, EN_FALSE when none, EN_EXCEPTION when one threw.
EnValue rt_process_emit(EnContext *cx, EnValue event, uint32_t argc, const EnValue *argv);
bool rt_console_install(EnContext *cx);
// Globals written in JS (Event, EventTarget, AbortController, AbortSignal,
// structuredClone, atob, btoa): accessors that load their module on first
// use (rt_modules.c).
bool rt_lazy_globals_install(EnContext *cx);
// ES modules: Node resolution, node: built-ins and CommonJS files as
// modules, import.meta url/filename/dirname (rt_esm.c).
bool rt_esm_install(EnContext *cx);
void rt_console_free(RtHost *h);

#endif
