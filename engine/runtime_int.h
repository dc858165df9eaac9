// Runtime and context internals shared by every engine file: the runtime
// and realm structs, intrinsics, exceptions, abstract operations
// (conversions, comparisons), native functions and the call API.
//
// Owners: runtime.c / context.c (structs, intrinsics table, exceptions) and
// convert.c (abstract operations) belong to the object-model helper;
// en_call/en_construct and function objects belong to the VM (vm_int.h);
// numconv.c (number <-> string) to the numbers helper. Everything here is
// internal (not exported from libochre_engine).
#ifndef OCHRE_ENGINE_RUNTIME_INT_H
#define OCHRE_ENGINE_RUNTIME_INT_H

#include <stdatomic.h>

#include "object_int.h"

// Intrinsics of a realm: cx->intrinsics[EN_INTRINSIC_x] (strong roots).
#define EN_INTRINSIC_LIST(X)                                                        \
    X(ObjectPrototype) X(FunctionPrototype) X(Object) X(Function)                   \
    X(ArrayPrototype) X(Array) X(StringPrototype) X(String) X(NumberPrototype)      \
    X(Number) X(BooleanPrototype) X(Boolean) X(SymbolPrototype) X(Symbol)           \
    X(BigIntPrototype) X(BigInt) X(ErrorPrototype) X(Error)                         \
    X(EvalErrorPrototype) X(EvalError) X(RangeErrorPrototype) X(RangeError)         \
    X(ReferenceErrorPrototype) X(ReferenceError) X(SyntaxErrorPrototype)            \
    X(SyntaxError) X(TypeErrorPrototype) X(TypeError) X(URIErrorPrototype)          \
    X(URIError) X(AggregateErrorPrototype) X(AggregateError)                        \
    X(SuppressedErrorPrototype) X(SuppressedError) X(IteratorPrototype) X(Iterator) \
    X(AsyncIteratorPrototype) X(ArrayIteratorPrototype) X(StringIteratorPrototype)  \
    X(MapIteratorPrototype) X(SetIteratorPrototype) X(IteratorHelperPrototype)      \
    X(WrapForValidIteratorPrototype) X(AsyncFromSyncIteratorPrototype)              \
    X(RegExpStringIteratorPrototype) X(GeneratorFunctionPrototype)                  \
    X(GeneratorFunction) X(GeneratorPrototype) X(AsyncFunctionPrototype)            \
    X(AsyncFunction) X(AsyncGeneratorFunctionPrototype) X(AsyncGeneratorFunction)   \
    X(AsyncGeneratorPrototype) X(PromisePrototype) X(Promise) X(MapPrototype)       \
    X(Map) X(SetPrototype) X(Set) X(WeakMapPrototype) X(WeakMap)                    \
    X(WeakSetPrototype) X(WeakSet) X(WeakRefPrototype) X(WeakRef)                   \
    X(FinalizationRegistryPrototype) X(FinalizationRegistry) X(RegExpPrototype)     \
    X(RegExp) X(DatePrototype) X(Date) X(ProxyConstructor) X(Reflect) X(Math)       \
    X(JSON) X(ArrayBufferPrototype) X(ArrayBuffer) X(DataViewPrototype) X(DataView) \
    X(TypedArrayPrototype) X(TypedArray) X(DisposableStackPrototype)                \
    X(DisposableStack) X(AsyncDisposableStackPrototype) X(AsyncDisposableStack)     \
    X(ThrowTypeError) X(ArrayProtoValues) X(ObjectProtoToString) X(Eval)            \
    X(HostState)

typedef enum EnIntrinsic {
#define EN_INTRINSIC_ENUM_(id) EN_INTRINSIC_##id,
    EN_INTRINSIC_LIST(EN_INTRINSIC_ENUM_)
#undef EN_INTRINSIC_ENUM_
        EN_INTRINSIC_COUNT
} EnIntrinsic;

typedef struct EnVM EnVM;          // vm_int.h: register stack, frames
typedef struct EnJobQueue EnJobQueue;  // jobs.c

struct EnRuntime {
    EnHeap *heap;
    EnLimits limits;
    EnVM *vm;                       // one per runtime (one thread at a time)
    struct EnAtomTable *atom_table; // weak
    EnString *atoms[EN_ATOM_COUNT]; // strong
    EnSymbol *symbols[EN_SYM_COUNT];
    EnString *empty_string;
    EnString *unit_strings[256];    // one-unit Latin-1 strings
    struct EnRegisteredSymbols *symbol_registry;  // Symbol.for
    EnContext *contexts;            // list of live contexts (roots)
    // Handle stack of C code (heap_int.h handles).
    EnValue *handles;
    uint32_t handles_top, handles_cap;
    // Interrupts: set by en_runtime_interrupt (any thread), the time limit
    // and the heap limit; polled by the VM at back-edges and calls and by
    // long builtins (en_poll_interrupt).
    atomic_uint interrupt;          // EN_INTERRUPT_* bits
    uint64_t deadline_ns;           // monotonic clock; 0: none
    void *embedder;                 // runtime/ (libuv loop) or lsp data
};

#define EN_INTERRUPT_REQUEST 0x1u  // en_runtime_interrupt
#define EN_INTERRUPT_GC 0x2u       // a collection is wanted at the next safe point (reserved)

struct EnContext {
    EnRuntime *rt;
    EnContext *next;                // in rt->contexts
    EnObject *global;               // the global object (class GLOBAL)
    EnValue global_this;            // = global unless the host changes it
    EnObject *intrinsics[EN_INTRINSIC_COUNT];
    struct EnShapeCache *shape_cache;   // root shapes per (proto, class, ninline) (shape.c)
    EnValue template_registry;      // per-realm tagged-template objects (VM)
    struct EnGlobalLexicals *global_lexicals;  // script-level let/const/class (VM)
    // Pending exception: set by en_throw and friends, taken by handlers.
    EnValue exception;
    bool has_exception;
    bool terminating;               // uncatchable: interrupt, time limit, OOM
    EnJobQueue *jobs;               // promise jobs (jobs.c)
    struct EnModuleRegistry *modules;
    EnPrintFn print_fn;
    void *print_ctx;
    void *host;                     // test262 host data
    struct RtHost *loop_host;       // the event-loop host (engine/runtime/), or NULL
};

static inline EnObject *en_intrinsic(EnContext *cx, EnIntrinsic id) { return cx->intrinsics[id]; }

// ---------------------------------------------------------------------------
// Exceptions. Each returns EN_EXCEPTION (or false from the bool forms) so
// callers can `return en_throw_type_error(cx, "...")`.
EnValue en_throw(EnContext *cx, EnValue exc);
EnValue en_throw_type_error(EnContext *cx, const char *fmt, ...) OCH_PRINTF(2, 3);
EnValue en_throw_range_error(EnContext *cx, const char *fmt, ...) OCH_PRINTF(2, 3);
EnValue en_throw_reference_error(EnContext *cx, const char *fmt, ...) OCH_PRINTF(2, 3);
EnValue en_throw_syntax_error(EnContext *cx, const char *fmt, ...) OCH_PRINTF(2, 3);
EnValue en_throw_error(EnContext *cx, EnIntrinsic ctor_proto, const char *fmt, ...) OCH_PRINTF(3, 4);
// Uncatchable termination (heap limit, interrupt, time limit): sets
// cx->terminating and a pending Error describing it.
EnValue en_throw_oom(EnContext *cx);
EnValue en_throw_terminated(EnContext *cx, const char *why);
// Polls interrupts and the deadline; false (termination pending) when the
// code must stop. Cheap: one atomic load in the common case.
bool en_poll_interrupt(EnContext *cx);
// Creates an Error object of the given prototype intrinsic with message and
// a captured stack (en_vm_capture_stack).
EnObject *en_error_new(EnContext *cx, EnIntrinsic proto, EnString *message);

// ---------------------------------------------------------------------------
// Abstract operations (convert.c). EN_EXCEPTION / false on throw.
bool en_to_boolean(EnValue v);
EnValue en_to_primitive(EnContext *cx, EnValue v, int hint);  // hint: 0 default, 1 number, 2 string
#define EN_HINT_DEFAULT 0
#define EN_HINT_NUMBER 1
#define EN_HINT_STRING 2
EnValue en_to_numeric(EnContext *cx, EnValue v);   // number or bigint
bool en_to_number(EnContext *cx, EnValue v, double *out);
bool en_to_int32(EnContext *cx, EnValue v, int32_t *out);
bool en_to_uint32(EnContext *cx, EnValue v, uint32_t *out);
bool en_to_integer_or_infinity(EnContext *cx, EnValue v, double *out);
bool en_to_length(EnContext *cx, EnValue v, uint64_t *out);
bool en_to_index(EnContext *cx, EnValue v, uint64_t *out);
EnString *en_to_string(EnContext *cx, EnValue v);  // NULL on throw
EnValue en_to_string_value(EnContext *cx, EnValue v);
EnObject *en_to_object(EnContext *cx, EnValue v);  // NULL on throw (TypeError on nullish)
EnString *en_number_to_string(EnContext *cx, double d);  // uses numconv
EnString *en_typeof(EnContext *cx, EnValue v);     // an atom
bool en_same_value(EnValue a, EnValue b);
bool en_same_value_zero(EnValue a, EnValue b);
bool en_strict_equals(EnValue a, EnValue b);       // IsStrictlyEqual (strings by content)
bool en_loose_equals(EnContext *cx, EnValue a, EnValue b, bool *out);
// IsLessThan(a, b, leftFirst): 1 true, 0 false, -1 undefined (NaN); -2 on throw.
int en_less_than(EnContext *cx, EnValue a, EnValue b, bool left_first);
bool en_instance_of(EnContext *cx, EnValue v, EnValue target, bool *out);
bool en_ordinary_has_instance(EnContext *cx, EnValue ctor, EnValue v, bool *out);
EnValue en_species_constructor(EnContext *cx, EnObject *o, EnIntrinsic default_ctor);
// GetPrototypeFromConstructor(newTarget, default intrinsic).
bool en_proto_from_ctor(EnContext *cx, EnValue new_target, EnIntrinsic fallback, EnObject **out);
// Iterators (GetIterator, IteratorStep, IteratorClose...).
typedef struct EnIteratorRecord {
    EnValue iterator;   // rooted by the caller
    EnValue next_method;
    bool done;
} EnIteratorRecord;
bool en_get_iterator(EnContext *cx, EnValue obj, bool async, EnIteratorRecord *out);
// IteratorStepValue: *done true at the end; false on throw.
bool en_iterator_step_value(EnContext *cx, EnIteratorRecord *it, EnValue *value, bool *done);
// IteratorClose with a completion: when `throwing`, the pending exception
// is kept (errors from return() are swallowed); else errors from return()
// propagate. Returns false when an exception is pending afterwards.
bool en_iterator_close(EnContext *cx, EnIteratorRecord *it, bool throwing);
EnObject *en_create_iter_result(EnContext *cx, EnValue value, bool done);

// ---------------------------------------------------------------------------
// Numbers <-> strings (numconv.c; pure C, no heap).
// Shortest round-trip ECMAScript Number::toString(x) for radix 10 into buf
// (at least EN_NUM_BUF bytes, NUL-terminated). Returns the length.
#define EN_NUM_BUF 40
uint32_t en_num_to_cstr(double d, char *buf);
// Number::toString(x, radix) for radix 2..36 (exact digits like V8).
uint32_t en_num_to_radix_cstr(double d, int radix, char *buf, size_t bufsize);
// toFixed / toExponential / toPrecision digit generation (exact).
uint32_t en_num_to_fixed(double d, int digits, char *buf, size_t bufsize);
uint32_t en_num_to_exponential(double d, int digits /* -1: as many as needed */, char *buf,
                               size_t bufsize);
uint32_t en_num_to_precision(double d, int precision, char *buf, size_t bufsize);
// StringToNumber on UTF-16/Latin-1 units (whitespace trimmed, 0x/0o/0b,
// Infinity, exact decimal rounding). NaN when not a StringNumericLiteral.
// The strings passed to en_num_parse_* must be flat (en_str_flatten).
double en_num_parse_units(const EnString *s);
double en_num_parse_ascii(const char *s, size_t len);  // same grammar on ASCII
// parseFloat / parseInt prefixes.
double en_num_parse_float_prefix(const EnString *s);
double en_num_parse_int(const EnString *s, int radix);  // radix 0: auto

// ---------------------------------------------------------------------------
// Native functions and calls.
typedef struct EnArgs {
    EnValue this_val;
    EnValue new_target;  // undefined for [[Call]]
    EnObject *callee;    // the function object being called
    uint32_t argc;
    const EnValue *argv; // rooted by the VM for the duration of the call
} EnArgs;
static inline EnValue en_arg(const EnArgs *a, uint32_t i) {
    return i < a->argc ? a->argv[i] : EN_UNDEFINED;
}
// Returns the result or EN_EXCEPTION.
typedef EnValue (*EnNativeFn)(EnContext *cx, const EnArgs *args);

// Creates a builtin function object (class NATIVE_FUNCTION) with `name`
// and `length` properties per spec; constructor when `ctor_kind` != 0.
// `nslots` internal value slots are available via en_native_slot (closures
// of builtins: promise resolve functions, bound data...).
#define EN_NATIVE_NOT_CTOR 0
#define EN_NATIVE_CTOR 1
EnObject *en_native_new(EnContext *cx, EnNativeFn fn, EnString *name, uint32_t length,
                        int ctor_kind, uint32_t nslots);
EnValue *en_native_slot(EnObject *native_fn, uint32_t i);
// Defines a builtin method on o (writable, configurable, not enumerable).
EnObject *en_define_method(EnContext *cx, EnObject *o, const char *name, EnNativeFn fn,
                           uint32_t length);
EnObject *en_define_method_sym(EnContext *cx, EnObject *o, EnWellKnownSymbol sym,
                               const char *name, EnNativeFn fn, uint32_t length);
bool en_define_getter(EnContext *cx, EnObject *o, EnKey k, EnNativeFn getter,
                      EnNativeFn setter /* NULL: none */);
// Creates a constructor + prototype pair: sets ctor.prototype (non-writable
// ...) and proto.constructor, stores both intrinsics, defines the global
// binding `name` (writable, configurable, not enumerable).
EnObject *en_define_class(EnContext *cx, const char *name, EnNativeFn ctor, uint32_t length,
                          EnObject *proto, EnIntrinsic ctor_id, EnIntrinsic proto_id);

// Call API (implemented by the VM: interp.c). argv must be rooted (e.g.
// handles or VM registers). Deep recursion through natives is bounded: a
// RangeError "Maximum call stack size exceeded".
EnValue en_call(EnContext *cx, EnValue f, EnValue this_val, uint32_t argc, const EnValue *argv);
EnValue en_construct(EnContext *cx, EnValue f, uint32_t argc, const EnValue *argv,
                     EnValue new_target);
EnValue en_invoke(EnContext *cx, EnValue obj, EnKey method, uint32_t argc, const EnValue *argv);

// VM lifetime (vm): en_runtime_new calls en_vm_new after the heap and atoms
// exist; en_context_new calls en_vm_context_init after the intrinsics and
// builtins exist (global lexical environment, template registry).
EnVM *en_vm_new(EnRuntime *rt);
void en_vm_free(EnVM *vm);
bool en_vm_context_init(EnContext *cx);
// Appends "    at fn (file:line:col)" lines for the current JS stack (the
// innermost frame first) to the string builder; used by en_error_new.
void en_vm_capture_stack(EnContext *cx, EnStrBuilder *sb);

// ---------------------------------------------------------------------------
// Promise jobs (jobs.c): HostEnqueuePromiseJob. Promises themselves
// (creation, resolution, reactions, unhandled rejections): promise_int.h.
bool en_enqueue_job(EnContext *cx, EnValue fn, uint32_t argc, const EnValue *argv);

// Builtin families: each file defines its init, called by context.c in
// this order when a realm is created (after the core objects exist).
#define EN_BUILTIN_FAMILIES(X)                                                      \
    X(object) X(function) X(error) X(symbol) X(iterator) X(array) X(string)         \
    X(number) X(boolean) X(math) X(json) X(reflect) X(promise) X(generator)         \
    X(global_functions) X(map_set) X(weak_ref) X(date) X(regexp) X(bigint)          \
    X(proxy) X(typed_array)
#define EN_BUILTIN_INIT_DECL_(fam) bool en_init_##fam(EnContext *cx);
EN_BUILTIN_FAMILIES(EN_BUILTIN_INIT_DECL_)
#undef EN_BUILTIN_INIT_DECL_

// Inline fast paths of handles and interrupt polling (same names as above).
#include "heap_inline_int.h"

#endif
