// The garbage-collected heap: cell headers, allocation, roots, write
// barrier. Owner: engine/heap.c, engine/gc.c (prefix en_gc_ / en_heap_).
//
// Collector: precise, non-moving mark-sweep. Small cells come from
// size-classed pages (a free list per class, a mark bit in each header);
// cells over EN_GC_LARGE_OBJECT_BYTES live in a large-object space (one
// och_malloc each, on a list). A collection starts when the bytes allocated
// since the last one exceed a threshold proportional to the live heap
// (allocation volume), or at every allocation in gc_stress mode.
//
// Roots: the VM's register stack and frames (en_vm_trace_roots), the handle
// stack of C code (EnHandleScope), the runtime's tables (atoms are weak,
// well-known symbols and atoms are strong, intrinsics of every context, the
// job queue, module registry).
//
// Invariant: ANY allocation may collect. C code that holds an EnValue or a
// cell pointer across a call that may allocate (or run JS) must root it in a
// handle (en_handle) or keep it reachable from a rooted object. Values in
// the VM's registers and in native functions' argv/this are rooted by the
// VM for the duration of the call.
//
// Write barrier: every store of a heap pointer (or of a value that may be
// one) into a field of a heap cell goes through EN_BARRIER / en_store. It is
// a no-op for the non-moving mark-sweep collector; incremental and
// generational collection will give it a body without touching the stores.
#ifndef OCHRE_ENGINE_HEAP_INT_H
#define OCHRE_ENGINE_HEAP_INT_H

#include <stddef.h>
#include <stdint.h>

#include "value_int.h"

// Cell types. Adding a type: give it a trace (and finalize, if it owns C
// memory) function in en_gc_cell_ops (gc.c).
typedef enum EnCellType {
    EN_CELL_FREE = 0,          // on a free list
    EN_CELL_OBJECT,            // EnObject (and subtypes by class, object_int.h)
    EN_CELL_STRING,            // EnString: flat or rope (string_int.h)
    EN_CELL_SYMBOL,            // EnSymbol
    EN_CELL_BIGINT,            // EnBigInt (GMP limbs)
    EN_CELL_SHAPE,             // EnShape (object_int.h)
    EN_CELL_PROP_TABLE,        // EnPropTable: key -> slot table of shapes/dictionary objects
    EN_CELL_VALUE_ARRAY,       // EnValueArray: out-of-line slots, elements storage
    EN_CELL_ACCESSOR,          // EnAccessor: getter/setter pair stored in a slot
    EN_CELL_FUNCTION_TEMPLATE, // EnFunctionTemplate: bytecode of one function (bytecode_int.h)
    EN_CELL_ENV,               // EnEnv: closure context (captured bindings)
    EN_CELL_FRAME_SNAPSHOT,    // suspended generator/async frame (vm_int.h)
    EN_CELL_MODULE,            // EnModule record
    EN_CELL_INTERNAL,          // EnInternalCell: owner-defined payload with its own ops
    EN_CELL_TYPE_COUNT
} EnCellType;

// GC bits of EnCell.gc.
#define EN_GC_MARK 0x01u

// Every heap cell starts with this 8-byte header.
typedef struct EnCell {
    uint8_t type;    // EnCellType
    uint8_t gc;      // EN_GC_* (owned by the collector)
    uint16_t flags;  // type-specific
    uint32_t aux;    // type-specific (objects: class id; strings: length...)
} EnCell;

#define EN_GC_LARGE_OBJECT_BYTES 4096u

typedef struct EnHeap EnHeap;     // gc.c
typedef struct EnGCTracer EnGCTracer;  // gc.c: the mark stack of one collection

// Allocates a zeroed cell of `size` bytes (header included) of the given
// type; the header is initialised. May collect first. Returns NULL when the
// heap limit is exceeded: the caller returns EN_EXCEPTION (the runtime has
// then set a pending out-of-memory termination, see en_throw_oom). Size is
// rounded up to 8 bytes.
void *en_gc_alloc(EnContext *cx, EnCellType type, size_t size);

// Resizes C memory owned by a cell (e.g. an EnValueArray's payload when it
// is allocated outside the heap) and accounts for it in the allocation
// volume. Used by owners that keep big buffers in och_malloc memory.
void en_gc_account_external(EnContext *cx, ptrdiff_t delta_bytes);

// Runs a full collection now.
void en_gc_collect(EnRuntime *rt);

// During a collection: marks what a cell or value points to (pushes onto the
// mark stack; no recursion). Called by trace functions and root tracers.
// (Inline: the already-marked test is the common case; gc.c marks and
// pushes the rest.)
void en_gc_mark_cell_slow(EnGCTracer *t, EnCell *cell);
static inline void en_gc_mark_cell(EnGCTracer *t, const void *cell) {  // NULL is ignored
    EnCell *c = (EnCell *)(uintptr_t)cell;
    if (c && !(c->gc & EN_GC_MARK)) en_gc_mark_cell_slow(t, c);
}
static inline void en_gc_mark_value(EnGCTracer *t, EnValue v) {
    if (en_is_cell(v)) en_gc_mark_cell(t, en_as_ptr(v));
}
static inline void en_gc_mark_values(EnGCTracer *t, const EnValue *v, size_t n) {
    for (size_t i = 0; i < n; i++) en_gc_mark_value(t, v[i]);
}
// True when a cell survived marking (for weak tables, during their sweep
// callback).
bool en_gc_is_marked(const void *cell);

// Per-type operations (gc.c owns the table; each owner writes its functions).
// trace runs during marking: it may only call en_gc_mark_* and
// en_gc_add_ephemeron_table. finalize runs during sweeping: it may free C
// memory owned by its own cell but must not allocate, run JS, or read other
// cells (they may already be swept). In gc_stress mode a dead cell's body is
// overwritten with 0xDB bytes right away, so a use of an unrooted cell shows
// up at the next access.
typedef struct EnCellOps {
    void (*trace)(EnGCTracer *t, void *cell);   // mark children; NULL: none
    void (*finalize)(EnRuntime *rt, void *cell);  // free owned C memory; NULL: none
    size_t (*size)(const void *cell);           // bytes, for large objects / statistics
} EnCellOps;

// The ops of each cell type, defined by the owner of the type and listed in
// gc.c's table: strings/symbols/bigints (string.c, symbol.c), objects,
// shapes, property tables, value arrays, accessors (object model), function
// templates, environments, frame snapshots, modules (VM).
extern const EnCellOps en_ops_string, en_ops_symbol, en_ops_bigint;
extern const EnCellOps en_ops_object, en_ops_shape, en_ops_prop_table, en_ops_value_array,
    en_ops_accessor;
extern const EnCellOps en_ops_function_template, en_ops_env, en_ops_frame_snapshot, en_ops_module;

// Roots outside the heap, traced by gc.c at the start of each collection:
// the VM's register stack, frames and caches (vm), every context's global,
// intrinsics, pending exception, job queue and module registry (context.c).
void en_vm_trace_roots(EnRuntime *rt, EnGCTracer *t);
void en_context_trace(EnContext *cx, EnGCTracer *t);

// Owner-defined internal cells (EN_CELL_INTERNAL): the first field after
// the header points to the ops, so subsystems (Map tables, promise
// reactions, regexp programs...) add cell kinds without touching gc.c.
typedef struct EnInternalCell {
    EnCell hdr;
    const EnCellOps *ops;
} EnInternalCell;

// Weak references: a callback run after marking, before sweeping, so weak
// tables (atoms, WeakMap/WeakSet ephemerons, WeakRef targets,
// FinalizationRegistry cells) drop or keep entries. Ephemerons: a WeakMap
// registers its table with en_gc_add_ephemeron_table during tracing; the
// collector iterates ephemeron tables to a fixpoint (value marked only when
// its key is marked).
typedef struct EnWeakCallbacks {
    // Ephemeron fixpoint step: mark values whose keys are marked; return
    // true when something new was marked.
    bool (*ephemeron_step)(EnGCTracer *t, void *table);
    // After the fixpoint: drop entries whose keys died.
    void (*sweep)(EnRuntime *rt, void *table);
} EnWeakCallbacks;
void en_gc_add_ephemeron_table(EnGCTracer *t, void *table, const EnWeakCallbacks *cb);

// Weak slots (WeakRef targets, FinalizationRegistry cells). `slot` is a
// field of the heap cell `owner` that the owner's trace function does NOT
// mark. After marking (ephemerons included), a registered slot whose target
// cell died is set to EN_UNDEFINED and its registration dropped; with
// `notify`, the owner is also appended to the runtime's cleared list (a
// strong root) for the job queue to drain with en_gc_take_cleared. A
// registration is dropped silently when its owner dies. Registering a slot
// that holds no cell does nothing. O(1); en_gc_weak_unregister is O(slots).
void en_gc_weak_register(EnRuntime *rt, void *owner, EnValue *slot, bool notify);
void en_gc_weak_unregister(EnRuntime *rt, const EnValue *slot);
// Pops one owner whose notify-slot was cleared (oldest first is not
// guaranteed), or NULL. The caller roots it before allocating.
void *en_gc_take_cleared(EnRuntime *rt);
// AddToKeptObjects (WeakRef.prototype.deref, new WeakRef): v stays strongly
// reachable until en_gc_clear_kept (ClearKeptObjects, after each job).
void en_gc_keep_alive(EnContext *cx, EnValue v);
void en_gc_clear_kept(EnRuntime *rt);

// Test hook: called with every cell about to be finalized (NULL: none).
void en_gc_set_finalize_hook(EnRuntime *rt, void (*hook)(void *cell));
// True while a collection runs (finalizers and weak callbacks must not allocate).
bool en_gc_is_collecting(EnRuntime *rt);

// ---------------------------------------------------------------------------
// Handles: roots for C code. Open a scope, root values in it, close it
// (LIFO). A handle is a stable pointer to a rooted slot: read and write the
// value through it; the GC sees the latest value.
typedef struct EnHandleScope {
    EnContext *cx;
    uint32_t saved_top;
} EnHandleScope;

void en_handle_scope_open(EnContext *cx, EnHandleScope *hs);
void en_handle_scope_close(EnHandleScope *hs);
// Roots v in the innermost open scope; returns its slot.
EnValue *en_handle(EnContext *cx, EnValue v);
// Closes hs but keeps one value alive by re-rooting it in the enclosing
// scope (when there is one); returns it.
EnValue en_handle_scope_escape(EnHandleScope *hs, EnValue v);

// ---------------------------------------------------------------------------
// Write barrier.
#define EN_BARRIER(cx, holder, value) ((void)(cx), (void)(holder), (void)(value))
static inline void en_store(EnContext *cx, void *holder, EnValue *field, EnValue v) {
    EN_BARRIER(cx, holder, v);
    *field = v;
}
static inline void en_store_ptr(EnContext *cx, void *holder, void **field, void *p) {
    EN_BARRIER(cx, holder, p);
    *field = p;
}

// Heap statistics (for tests, --print-gc, process.memoryUsage).
typedef struct EnHeapStats {
    size_t live_bytes;       // after the last collection
    size_t allocated_bytes;  // currently allocated (small + large + external)
    size_t peak_bytes;
    uint64_t collections;
    uint64_t gc_ns;          // total time spent in collections
    size_t pages;            // small-cell pages mapped
} EnHeapStats;
void en_gc_stats(EnRuntime *rt, EnHeapStats *out);

// Heap lifetime (runtime.c calls these).
EnHeap *en_heap_new(EnRuntime *rt, size_t max_bytes, bool gc_stress);
void en_heap_free(EnHeap *heap);  // frees every cell (running finalizers)

// Time limit (runtime.c): sets rt->deadline_ns from limits.time_limit_ms
// (now + limit; 0 when there is none). en_eval calls it at the start of an
// evaluation started by the embedder; en_poll_interrupt then ends the run
// once the deadline has passed.
void en_runtime_arm_deadline(EnRuntime *rt);
void en_runtime_disarm_deadline(EnRuntime *rt);

#endif
