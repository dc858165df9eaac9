// Public embedding API of the ochre JavaScript engine (prefix `en_`).
//
// A runtime (EnRuntime) owns one garbage-collected heap and is used by one
// thread at a time; it holds one or more contexts (EnContext: a realm with
// its global object and intrinsics). Values (EnValue) are 64-bit NaN-boxed
// words that point into the runtime's heap; a value held by C code across a
// call that may allocate must be rooted in a handle scope (engine_int.h).
//
// Errors: a JavaScript throw makes a function return EN_STATUS_EXCEPTION
// (or the EN_EXCEPTION value from the internal API) with the exception
// pending on the context; en_exception_take() takes it. Limits (heap, stack,
// time) end an evaluation with a catchable or uncatchable error, never a
// crash. See docs/adr/0005-engine-core.md.
#ifndef OCHRE_ENGINE_ENGINE_H
#define OCHRE_ENGINE_ENGINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base.h"

typedef struct EnRuntime EnRuntime;
typedef struct EnContext EnContext;
typedef uint64_t EnValue;

typedef enum EnStatus {
    EN_STATUS_OK = 0,
    EN_STATUS_EXCEPTION = 1,    // a JS exception is pending (en_exception_take)
    EN_STATUS_SYNTAX_ERROR = 2, // the source did not parse; a SyntaxError is pending
    EN_STATUS_TERMINATED = 3,   // interrupted, time limit or out of memory: uncatchable;
                                // the reason is pending as an Error value
} EnStatus;

typedef struct EnLimits {
    size_t max_heap_bytes;     // 0: no limit. Exceeding it ends the evaluation (TERMINATED)
    uint32_t max_stack_depth;  // JS frames; 0: default (10,000). Overflow is a RangeError
    uint64_t time_limit_ms;    // 0: none. Per en_eval/en_call from the embedder
    bool gc_stress;            // collect at every allocation (tests)
} EnLimits;

// Fills defaults (no heap or time limit, default stack depth).
void en_limits_default(EnLimits *limits);

// Creates a runtime with the given limits (NULL: defaults). Never NULL
// (C-heap exhaustion aborts, see base.h). Free with en_runtime_free, after
// its contexts.
EnRuntime *en_runtime_new(const EnLimits *limits);
void en_runtime_free(EnRuntime *rt);

// Asks the running code of rt to stop at its next interrupt check (loop
// back-edge, call, or a builtin's poll). Thread-safe and async-signal-safe.
// The evaluation ends with EN_STATUS_TERMINATED.
void en_runtime_interrupt(EnRuntime *rt);

// Creates a context (realm): global object and all intrinsics.
EnContext *en_context_new(EnRuntime *rt);
void en_context_free(EnContext *cx);
EnRuntime *en_context_runtime(const EnContext *cx);

typedef enum EnGoal { EN_GOAL_SCRIPT, EN_GOAL_MODULE } EnGoal;

typedef struct EnEvalOptions {
    EnGoal goal;
    const char *filename;  // for stack traces and module resolution (borrowed)
    bool strict;           // script starts in strict mode (test262 onlyStrict)
    bool print_bytecode;   // dump bytecode of each compiled function to stderr
} EnEvalOptions;

void en_eval_options_default(EnEvalOptions *opts);

// Parses, analyzes, compiles and runs src[0..len) (UTF-8, need not be
// NUL-padded: the engine copies it). On success *result (when not NULL)
// receives the completion value (rooted until the next en_ call that may
// collect; convert or root it first). Promise jobs are NOT run: call
// en_run_jobs. Modules: evaluation of the module graph; the result is the
// module's evaluation promise's state (undefined when it fulfilled).
EnStatus en_eval(EnContext *cx, const char *src, size_t len, const EnEvalOptions *opts,
                 EnValue *result);

// Runs pending promise jobs until the queue is empty. Returns OK, or the
// status of the first job that threw uncaught/terminated (the exception is
// pending).
EnStatus en_run_jobs(EnContext *cx);

// Takes the pending exception (EN_UNDEFINED-equivalent when none).
EnValue en_exception_take(EnContext *cx);

// Appends a human-readable report of an exception value: for Error objects
// "Uncaught Name: message" and the stack lines; for other values their
// inspection. Does not run user code that could throw again (getters are
// read raw).
void en_exception_report(EnContext *cx, EnValue exc, OchBuf *out);

// Appends ToString(value) (or a safe inspection when ToString throws).
void en_value_to_display(EnContext *cx, EnValue v, OchBuf *out);

// Where print()/console.log write (default: stdout). line is UTF-8 without
// the trailing newline.
typedef void (*EnPrintFn)(void *ctx, const char *line, size_t len, bool is_error);
void en_context_set_print(EnContext *cx, EnPrintFn fn, void *ctx);

// test262 host hooks: installs `$262` (createRealm, evalScript,
// detachArrayBuffer, gc, global, IsHTMLDDA when supported, agent stubs) and
// `print` on the global object.
void en_context_install_test262(EnContext *cx);

// --- Modules (ES2025 §16.2) -------------------------------------------------
// Host hooks of module loading (HostLoadImportedModule). The engine keeps
// one registry of module records per context, keyed by the string `resolve`
// returns (a path): the same key is the same module.
typedef struct EnModuleLoader {
    // Resolves `specifier` (UTF-8, len bytes) imported by the file
    // `referrer` (a module's key, or a script's filename) into *out
    // (och_malloc'd, NUL-terminated). False: not resolvable; *error gets an
    // och_malloc'd message (thrown as an Error naming the importing file
    // and position).
    bool (*resolve)(void *ctx, const char *referrer, const char *specifier, size_t len,
                    char **out, char **error);
    // Reads the source of the module `path` (as resolved) into *text/*len
    // (och_malloc'd). False: *error gets an och_malloc'd message.
    bool (*load)(void *ctx, const char *path, char **text, size_t *len, char **error);
    // Optional: adds host properties (e.g. `url`) to a module's fresh
    // import.meta object (null prototype). False with an exception pending.
    bool (*init_meta)(void *ctx, EnContext *cx, const char *path, EnValue meta);
    void *ctx;
} EnModuleLoader;

// Replaces the loader of cx (NULL hooks keep the defaults). The defaults:
// relative ("./x", "../x") and absolute specifiers are resolved against
// the referrer's directory (lexically: `.`/`..` folded, no symlinks
// followed), bare specifiers fail; files are read from disk.
void en_context_set_module_loader(EnContext *cx, const EnModuleLoader *loader);
bool en_module_default_resolve(void *ctx, const char *referrer, const char *specifier,
                               size_t len, char **out, char **error);
bool en_module_default_load(void *ctx, const char *path, char **text, size_t *len,
                            char **error);

// The outcome of the module graph started by the last en_eval with
// EN_GOAL_MODULE on cx; ask after en_run_jobs. REJECTED leaves the
// rejection reason pending (en_exception_take); PENDING: a top-level await
// never settled.
typedef enum EnModuleState {
    EN_MODULE_FULFILLED,
    EN_MODULE_PENDING,
    EN_MODULE_REJECTED,
} EnModuleState;
EnModuleState en_module_main_state(EnContext *cx);

// --- Host runtime (event loop on libuv; engine/runtime/) -----------------
typedef struct EnHostOptions {
    int argc;            // process.argv after the executable: script path, then its arguments
    char **argv;         // (borrowed; must outlive the host)
    // `ochre test`: node:test reports to the runner instead of printing a
    // summary (en_host_test_counts), with these settings (borrowed; NULL:
    // defaults). test_depth indents the report (a file is a subtest).
    bool test_runner;
    const char *test_reporter;      // "tap" or "spec"
    const char *test_name_pattern;  // a RegExp source; only matching tests run
    uint32_t test_line;             // 1-based: only the top-level test around it (0: all)
} EnHostOptions;

// Counts reported by node:test in a test_runner host.
typedef struct EnTestCounts {
    uint32_t tests, suites, pass, fail, cancelled, skipped, todo;
} EnTestCounts;
bool en_host_test_counts(EnContext *cx, EnTestCounts *out);

// Installs the Node-style host on cx: setTimeout, setInterval,
// setImmediate and their clear functions, queueMicrotask, and `process`
// (argv, env, exit, exitCode, nextTick, platform, hrtime, stdout.write...).
// False with an exception pending (heap limit).
bool en_host_install(EnContext *cx, const EnHostOptions *opts);
// Runs the event loop after the main script: drains nextTicks and promise
// jobs, then runs timers and immediates (draining after each) until nothing
// is pending. Returns EN_STATUS_OK or the failure that stopped it: an
// uncaught exception or unhandled rejection (pending, like en_eval's), or a
// termination. *exit_code gets process.exitCode (or process.exit's code).
EnStatus en_host_run(EnContext *cx, int *exit_code);
// True when process.exit(code) ended the evaluation: the termination that
// en_eval/en_host_run returned is not an error, *exit_code is the code.
bool en_host_exiting(EnContext *cx, int *exit_code);
// Runs `filename` (its source text src[0..len)) as the main CommonJS module:
// require with Node's resolution (node_modules, package.json main and
// exports), module, exports, __filename, __dirname, and the node: modules
// the runtime has. Then call en_host_run for the event loop.
EnStatus en_host_run_main(EnContext *cx, const char *filename, const char *src, size_t len);
// The REPL's services: print a result inspected (and assign it to the
// global `assign_to`, e.g. "_"; NULL: none), set a global (e.g. "_error"),
// run the callbacks that became ready without blocking, and complete the
// last part of a dotted name (path: "a.b." or "" for globals; word: the
// prefix) into *out (malloc'd strings in a malloc'd array, sorted).
void en_host_repl_print(EnContext *cx, EnValue v, const char *assign_to);
void en_host_repl_set(EnContext *cx, const char *name, EnValue v);
EnStatus en_host_run_pending(EnContext *cx);
size_t en_host_repl_complete(EnContext *cx, const char *path, const char *word, char ***out);
// Frees the host of cx (call before en_context_free). NULL host: no-op.
void en_host_free(EnContext *cx);

#endif
