// VM internals: the register stack and frames, function objects,
// environments, the interpreter entry points. Owner: the VM (interp*.c,
// function.c, env.c, eval.c). See docs/adr/0008-bytecode-and-frames.md.
//
// Value stack (EnVM.stack, one per runtime): each activation owns a window
//   [argv: argc values][regs: tmpl->nregs values]
// and an EnFrame record in EnVM.frames. Everything below EnVM.sp is traced
// as roots; every slot is initialised before sp moves past it.
#ifndef OCHRE_ENGINE_VM_INT_H
#define OCHRE_ENGINE_VM_INT_H

#include "bytecode_int.h"

// Closure environment (cell EN_CELL_ENV): captured bindings of one scope.
// hdr.aux = number of slots.
typedef struct EnEnv {
    EnCell hdr;
    struct EnEnv *parent;
    EnValue slots[];
} EnEnv;
EnEnv *en_env_new(EnContext *cx, EnEnv *parent, uint32_t nslots);

// Function object (class FUNCTION).
typedef struct EnFunction {
    EnObject base;
    EnFunctionTemplate *tmpl;
    EnEnv *env;
    EnValue this_val;     // arrows: the lexical this captured at creation
    EnValue new_target;   // arrows: the lexical new.target
    EnValue home_object;  // methods: [[HomeObject]] (undefined otherwise)
    EnValue fields;       // class constructors: instance field initializer closure
} EnFunction;

// Native function (class NATIVE_FUNCTION); slots follow (en_native_slot).
typedef struct EnNativeFunction {
    EnObject base;
    EnNativeFn fn;
    uint32_t nslots;
    uint32_t _pad;
    EnValueArray *slots;
} EnNativeFunction;

// Bound function (class BOUND_FUNCTION).
typedef struct EnBoundFunction {
    EnObject base;
    EnValue target;
    EnValue this_val;
    EnValueArray *args;   // NULL when none
} EnBoundFunction;

#define EN_FRAME_ENTRY 0x1u      // return to C (en_call / en_eval) when this frame returns
#define EN_FRAME_CONSTRUCT 0x2u  // [[Construct]]: a non-object result yields this
#define EN_FRAME_THROW_ON_ENTRY 0x4u   // generator resumed with throw(): throw at pc
#define EN_FRAME_RETURN_ON_ENTRY 0x8u  // generator resumed with return(): return acc

// A suspended generator frame (cell EN_CELL_FRAME_SNAPSHOT): argv then
// registers, the pc offset and the frame's environment and this.
typedef struct EnFrameSnapshot {
    EnCell hdr;             // aux = argc + nregs
    EnFunctionTemplate *tmpl;
    EnObject *callee;
    EnEnv *env;
    EnValue this_val;
    uint32_t pc;
    uint32_t argc;
    EnValue values[];
} EnFrameSnapshot;

#define EN_GEN_SUSPENDED_START 0
#define EN_GEN_SUSPENDED_YIELD 1
#define EN_GEN_EXECUTING 2
#define EN_GEN_COMPLETED 3
#define EN_GEN_AWAITING 4   // async bodies: suspended at an await (the spec's "executing")
#define EN_GEN_DRAINING 5   // async generators: draining-queue (AsyncGeneratorAwaitReturn)

// Generator object (classes GENERATOR, ASYNC_GENERATOR, and the hidden
// state of async functions). suspend_op is the instruction the body last
// stopped at (GenStart, Yield, YieldDelegate or Await): a resumption of a
// YieldDelegate stores the resumption kind in that instruction's register
// instead of acting on it (yield* forwards it to the inner iterator).
typedef struct EnGenerator {
    EnObject base;
    EnFrameSnapshot *snap;
    uint32_t state;
    uint32_t suspend_op;
    // Async generators: AsyncGeneratorRequest queue, triples (kind int32,
    // value, promise) at queue->v[qhead*3 ..] up to queue->length; NULL
    // when never used.
    EnValueArray *queue;
    uint32_t qhead;
    uint32_t _pad;
} EnGenerator;

#define EN_GEN_NEXT 0
#define EN_GEN_THROW 1
#define EN_GEN_RETURN 2
// Resumes a generator (GeneratorResume / GeneratorResumeAbrupt): an
// iterator result object, or EN_EXCEPTION. A yield* step of a sync
// generator hands back the inner iterator's result object as is.
EnValue en_vm_generator_resume(EnContext *cx, EnValue gen, int mode, EnValue v);
// The same without the iterator result: the yielded/returned value and
// *done (EN_EXCEPTION when the body threw).
EnValue en_vm_generator_resume_raw(EnContext *cx, EnValue gen, int mode, EnValue v, bool *done);
// How a resumed body stopped (en_vm_generator_step).
#define EN_GEN_STOP_YIELD 0  // yield / yield* step: the yielded value
#define EN_GEN_STOP_AWAIT 1  // await: the awaited operand (state EN_GEN_AWAITING)
#define EN_GEN_STOP_DONE 2   // returned: the return value (state EN_GEN_COMPLETED)
// Runs the body of gen (any state but completed/executing) with a
// completion of kind mode until it stops: the value, or EN_EXCEPTION when
// the body threw (state EN_GEN_COMPLETED). No receiver checks.
EnValue en_vm_generator_step(EnContext *cx, EnValue gen, int mode, EnValue v, int *stop);
// Calling a generator function: its generator object. Runs the body's
// FunctionDeclarationInstantiation (parameters) first, so their errors
// throw from the call (async generators too).
EnValue en_vm_generator_create(EnContext *cx, EnValue f, EnValue this_val, uint32_t argc,
                               const EnValue *argv);
// Calling an async function (async.c): runs the body until its first
// await and returns the result promise.
EnValue en_vm_async_start(EnContext *cx, EnValue f, EnValue this_val, uint32_t argc,
                          const EnValue *argv);
// Await from C-driven async bodies: PerformPromiseThen(PromiseResolve(v),
// on_ok, on_err) with native reactions holding slots (gen, extra). False
// with an exception pending (heap limit, or PromiseResolve threw: the
// caller resumes the body with that exception).
bool en_vm_await(EnContext *cx, EnValue v, EnNativeFn on_ok, EnNativeFn on_err, EnValue gen,
                 EnValue extra);
// Async generators (builtins/bi_async_generator.c): the object for a call
// of an async generator function (parameters already bound).
EnValue en_vm_async_generator_start(EnContext *cx, EnValue f, EnValue this_val, uint32_t argc,
                                    const EnValue *argv);
// CreateAsyncFromSyncIterator (builtins/bi_async_from_sync.c): the
// async iterator object wrapping a sync iterator record.
EnValue en_vm_async_from_sync(EnContext *cx, EnValue iterator, EnValue next_method);

typedef struct EnFrame {
    EnFunctionTemplate *tmpl;
    EnObject *callee;     // NULL for scripts
    const uint32_t *pc;   // saved pc (of the caller while a callee runs)
    EnValue *regs;
    EnValue *argv;
    uint32_t argc;
    uint32_t flags;       // EN_FRAME_*
    EnValue this_val;
    EnValue new_target;
    EnEnv *env;
    EnValue acc;          // the accumulator, saved before slow paths (a root)
    EnObject *gen;        // generator whose body runs in this frame, or NULL
    EnValue *sp_base;     // stack top to restore when the frame returns
} EnFrame;

struct EnVM {
    EnRuntime *rt;
    EnValue *stack;       // value stack [stack, stack_end)
    EnValue *stack_end;
    EnValue *sp;
    EnFrame *frames;      // frames[0 .. depth)
    uint32_t depth;
    uint32_t max_depth;
    uint32_t c_depth;     // nested interpreter loops (calls from C)
    uint32_t poll_countdown;
    struct EnCompileRoots *compiling;  // constants of templates being compiled
    EnValue *jobs;        // job queue: (fn, argc, args...) records
    uint32_t jobs_len, jobs_cap, jobs_head;
    uint32_t lexical_epoch;  // bumped when a global lexical is declared (global ICs)
};

// Realm's global lexical declarations: an object (null prototype) whose
// properties are the script-level let/const/class bindings (EN_UNINIT in
// TDZ; const ones non-writable).
struct EnGlobalLexicals {
    EnObject base;
};

// Runs a compiled template as a new frame (script or function body):
// returns the completion value or EN_EXCEPTION.
EnValue en_vm_run_script(EnContext *cx, EnFunctionTemplate *t, EnEnv *env, EnValue this_val);

// Creates a closure of t in env (the frame's this for arrows).
EnObject *en_function_new(EnContext *cx, EnFunctionTemplate *t, EnEnv *env, EnValue this_val,
                          EnValue new_target);
// OrdinaryCreateFromConstructor for a JS constructor call.
EnObject *en_vm_create_this(EnContext *cx, EnValue new_target);
// Global lexical table of the realm (EnObject with null prototype; values
// EN_UNINIT while in TDZ). Created by en_vm_context_init.
EnObject *en_vm_global_lexicals(EnContext *cx);
// Feedback-free property ops shared by interpreter slow paths.
bool en_vm_global_get(EnContext *cx, EnString *name, bool for_typeof, EnValue *out);
bool en_vm_global_set(EnContext *cx, EnString *name, EnValue v, bool strict);
// Prints through cx's print callback (host_print.c).
void en_vm_print_line(EnContext *cx, const char *s, size_t len, bool is_error);
bool en_host_print_install(EnContext *cx);
// Called by en_vm_context_init: defines print and console.log.
void en_function_register_classes(void);
// new Function(...) / Function(...): the function object or EN_EXCEPTION.
EnValue en_vm_create_dynamic_function(EnContext *cx, const EnValue *argv, uint32_t argc);
// CreateDynamicFunction for a kind (the constructors Function,
// GeneratorFunction, AsyncFunction, AsyncGeneratorFunction); new_target
// undefined for a call. The function object or EN_EXCEPTION.
#define EN_FN_KIND_NORMAL 0
#define EN_FN_KIND_GENERATOR 1
#define EN_FN_KIND_ASYNC 2
#define EN_FN_KIND_ASYNC_GENERATOR 3
EnValue en_vm_create_dynamic_function_kind(EnContext *cx, int kind, const EnValue *argv, uint32_t argc,
                                           EnValue new_target);
// Source text of a function object for Function.prototype.toString, or
// NULL for builtins (appends to out).
bool en_vm_function_source(EnContext *cx, EnObject *f, OchBuf *out);
// Creates a bound function (BoundFunctionCreate + name/length).
EnObject *en_vm_bound_function_new(EnContext *cx, EnValue target, EnValue this_val,
                                   const EnValue *args, uint32_t nargs);
// Defines the global `eval` (%eval%).
bool en_vm_install_eval(EnContext *cx);
// Traces the VM's frames and stack.
void en_vm_trace_frames(EnVM *vm, EnGCTracer *t);

#endif
