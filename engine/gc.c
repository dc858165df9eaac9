// Mark-sweep collection: roots, the explicit mark stack, the ephemeron
// fixpoint, weak slots and weak tables, sweeping with finalizers.
//
// Marking never recurses: en_gc_mark_cell sets the mark bit and pushes the
// cell; the drain loop pops cells and runs their trace function, which marks
// children the same way. A chain of a million cells therefore needs a mark
// stack of a few entries, not a million C frames.
#include <pthread.h>

#include "gc_int.h"
#include "heap_rt_int.h"

// en_ops_bigint is defined by bigint.c (limbs inline: no trace, no finalize).

static const EnCellOps *const cell_ops[EN_CELL_TYPE_COUNT] = {
    [EN_CELL_FREE] = NULL,
    [EN_CELL_OBJECT] = &en_ops_object,
    [EN_CELL_STRING] = &en_ops_string,
    [EN_CELL_SYMBOL] = &en_ops_symbol,
    [EN_CELL_BIGINT] = &en_ops_bigint,
    [EN_CELL_SHAPE] = &en_ops_shape,
    [EN_CELL_PROP_TABLE] = &en_ops_prop_table,
    [EN_CELL_VALUE_ARRAY] = &en_ops_value_array,
    [EN_CELL_ACCESSOR] = &en_ops_accessor,
    [EN_CELL_FUNCTION_TEMPLATE] = &en_ops_function_template,
    [EN_CELL_ENV] = &en_ops_env,
    [EN_CELL_FRAME_SNAPSHOT] = &en_ops_frame_snapshot,
    [EN_CELL_MODULE] = &en_ops_module,
    [EN_CELL_INTERNAL] = NULL,  // per cell: EnInternalCell.ops
};

const EnCellOps *en_gc_ops_of(const void *cell) {
    const EnCell *c = cell;
    if (c->type == EN_CELL_INTERNAL) return ((const EnInternalCell *)cell)->ops;
    return c->type < EN_CELL_TYPE_COUNT ? cell_ops[c->type] : NULL;
}

// --- marking ---------------------------------------------------------------

static void push(EnGCTracer *t, void *cell) {
    if (t->len == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 1024;
        t->stack = och_realloc(t->stack, t->cap * sizeof *t->stack);
    }
    t->stack[t->len++] = cell;
}

void en_gc_mark_cell_slow(EnGCTracer *t, EnCell *c) {
    c->gc |= EN_GC_MARK;
    // Flat strings (the most common leaves) have no children: skip the push.
    if (c->type == EN_CELL_STRING && !(c->flags & EN_STR_ROPE)) return;
    push(t, c);
}

bool en_gc_is_marked(const void *cell) {
    return cell && (((const EnCell *)cell)->gc & EN_GC_MARK) != 0;
}

static void drain(EnGCTracer *t) {
    while (t->len) {
        void *cell = t->stack[--t->len];
        const EnCellOps *ops = en_gc_ops_of(cell);
        if (ops && ops->trace) ops->trace(t, cell);
    }
}

void en_gc_add_ephemeron_table(EnGCTracer *t, void *table, const EnWeakCallbacks *cb) {
    if (t->neph == t->eph_cap) {
        t->eph_cap = t->eph_cap ? t->eph_cap * 2 : 16;
        t->eph = och_realloc(t->eph, t->eph_cap * sizeof *t->eph);
    }
    t->eph[t->neph++] = (EnEphemeronTable){table, cb};
}

static void trace_roots(EnHeap *h, EnGCTracer *t) {
    EnRuntime *rt = h->rt;
    en_runtime_trace_tables(rt, t);
    en_gc_mark_values(t, rt->handles, rt->handles_top);
    for (size_t i = 0; i < h->ncleared; i++) en_gc_mark_cell(t, h->cleared[i]);
    en_gc_mark_values(t, h->kept, h->nkept);
    for (EnContext *cx = rt->contexts; cx; cx = cx->next) en_context_trace(cx, t);
    if (rt->vm) en_vm_trace_roots(rt, t);
}

// Ephemerons: a table's values become reachable only through marked keys,
// so iterate every table until no step marks anything new. Tables found
// during the fixpoint (a WeakMap reachable only from a WeakMap value) join
// the loop because neph is re-read each round.
static void ephemeron_fixpoint(EnGCTracer *t) {
    bool changed = true;
    while (changed) {
        changed = false;
        size_t seen = t->neph;
        for (size_t i = 0; i < t->neph; i++) {
            if (t->eph[i].cb->ephemeron_step && t->eph[i].cb->ephemeron_step(t, t->eph[i].table))
                changed = true;
            drain(t);
        }
        if (t->neph != seen) changed = true;
    }
}

static void process_weak_slots(EnHeap *h) {
    size_t j = 0;
    for (size_t i = 0; i < h->nweak; i++) {
        EnWeakSlotReg r = h->weak[i];
        if (!en_gc_is_marked(r.owner)) continue;  // owner dies: drop
        EnValue v = *r.slot;
        if (!en_is_cell(v)) continue;             // cleared or overwritten: nothing to watch
        if (en_gc_is_marked(en_as_ptr(v))) {
            h->weak[j++] = r;
            continue;
        }
        *r.slot = EN_UNDEFINED;
        if (r.notify) {
            if (h->ncleared == h->cleared_cap) {
                h->cleared_cap = h->cleared_cap ? h->cleared_cap * 2 : 16;
                h->cleared = och_realloc(h->cleared, h->cleared_cap * sizeof *h->cleared);
            }
            h->cleared[h->ncleared++] = r.owner;
        }
    }
    h->nweak = j;
}

// --- sweeping --------------------------------------------------------------

// Cell types whose ops (fixed per type) have no finalizer. Computed at the
// first collection: the ops tables of other files are not constant
// expressions here.
static bool no_finalizer[EN_CELL_TYPE_COUNT];
static pthread_once_t no_finalizer_once = PTHREAD_ONCE_INIT;

static void init_no_finalizer(void) {
    for (int i = 0; i < EN_CELL_TYPE_COUNT; i++) {
        no_finalizer[i] = i != EN_CELL_INTERNAL && (!cell_ops[i] || !cell_ops[i]->finalize);
    }
}

static void finalize(EnHeap *h, void *cell) {
    const EnCellOps *ops = en_gc_ops_of(cell);
    if (h->finalize_hook) h->finalize_hook(cell);
    if (ops && ops->finalize) ops->finalize(h->rt, cell);
}

static size_t sweep_class(EnHeap *h, EnSizeClass *sc) {
    size_t live_bytes = 0;
    sc->free = NULL;
    EnPage **link = &sc->pages;
    EnPage *p;
    // Finalizers are rare (cells owning C memory); look the ops up only for
    // types that can have one.
    void (*hook)(void *) = h->finalize_hook;
    bool poison = h->gc_stress;
    while ((p = *link) != NULL) {
        uint32_t cs = p->cell_size;
        uint32_t live = 0, died = 0;
        EnFreeCell *head = NULL, **tailp = &head;
        for (char *q = (char *)p + EN_GC_PAGE_HEADER; q < p->bump; q += cs) {
            EnCell *c = (EnCell *)q;
            if (c->type != EN_CELL_FREE) {
                if (c->gc & EN_GC_MARK) {
                    c->gc = 0;
                    live++;
                    continue;
                }
                if (hook || !no_finalizer[c->type]) finalize(h, c);
                died++;
                c->type = EN_CELL_FREE;
                c->gc = 0;
                // gc_stress: poison the body so use-after-free of an
                // unrooted cell shows up at once, not cycles later.
                if (poison) memset(q + sizeof(EnFreeCell), 0xDB, cs - sizeof(EnFreeCell));
            }
            *tailp = (EnFreeCell *)c;
            tailp = &((EnFreeCell *)c)->next;
        }
        *tailp = NULL;
        h->allocated -= (size_t)died * cs;
        p->live = live;
        // Empty pages return to the OS only beyond what the next cycle is
        // expected to refill (the allocation threshold): unmapping and
        // faulting them back in every cycle costs more than the sweep.
        if (live == 0 && p != sc->bump_page && h->sweep_empty_budget == 0) {
            *link = p->next;
            en_heap_release_page(h, p);
            continue;
        }
        if (live == 0 && h->sweep_empty_budget) h->sweep_empty_budget--;
        if (head) {
            *tailp = sc->free;
            sc->free = head;
        }
        live_bytes += (size_t)live * cs;
        link = &p->next;
    }
    return live_bytes;
}

static size_t sweep_large(EnHeap *h) {
    size_t live_bytes = 0;
    EnLargeObject *lo = h->large;
    while (lo) {
        EnLargeObject *next = lo->next;
        EnCell *c = (EnCell *)(lo + 1);
        if (c->gc & EN_GC_MARK) {
            c->gc &= (uint8_t)~EN_GC_MARK;
            live_bytes += lo->size;
        } else {
            finalize(h, c);
            h->allocated -= lo->size;
            if (lo->prev) lo->prev->next = lo->next;
            else h->large = lo->next;
            if (lo->next) lo->next->prev = lo->prev;
            och_free(lo);
        }
        lo = next;
    }
    return live_bytes;
}

void en_gc_collect(EnRuntime *rt) {
    EnHeap *h = rt->heap;
    if (h->collecting || h->no_gc) return;
    uint64_t t0 = en_gc_now_ns();
    if (h->allocated > h->peak) h->peak = h->allocated;
    h->collecting = true;
    pthread_once(&no_finalizer_once, init_no_finalizer);
    EnGCTracer *t = &h->tracer;
    t->len = 0;
    t->neph = 0;

    trace_roots(h, t);
    drain(t);
    ephemeron_fixpoint(t);
    process_weak_slots(h);
    for (size_t i = 0; i < t->neph; i++) {
        if (t->eph[i].cb->sweep) t->eph[i].cb->sweep(rt, t->eph[i].table);
    }
    en_atom_table_sweep(rt);

    size_t live = 0;
    h->sweep_empty_budget = h->threshold / EN_GC_PAGE_SIZE + EN_GC_EMPTY_PAGE_POOL;
    for (int c = 0; c < EN_GC_CLASS_COUNT; c++) live += sweep_class(h, &h->classes[c]);
    live += sweep_large(h);

    h->live_after_gc = live;
    h->since_gc = 0;
    size_t next = h->allocated;  // includes external memory of live cells
    h->threshold = next > EN_GC_MIN_THRESHOLD ? next : EN_GC_MIN_THRESHOLD;
    h->collections++;
    h->collecting = false;
    en_heap_update_trigger(h);
    h->gc_ns += en_gc_now_ns() - t0;
}

// --- weak slots, cleared list, kept objects --------------------------------

void en_gc_weak_register(EnRuntime *rt, void *owner, EnValue *slot, bool notify) {
    EnHeap *h = rt->heap;
    if (!en_is_cell(*slot)) return;
    if (h->nweak == h->weak_cap) {
        h->weak_cap = h->weak_cap ? h->weak_cap * 2 : 16;
        h->weak = och_realloc(h->weak, h->weak_cap * sizeof *h->weak);
    }
    h->weak[h->nweak++] = (EnWeakSlotReg){owner, slot, notify};
}

void en_gc_weak_unregister(EnRuntime *rt, const EnValue *slot) {
    EnHeap *h = rt->heap;
    for (size_t i = 0; i < h->nweak; i++) {
        if (h->weak[i].slot == slot) {
            h->weak[i] = h->weak[--h->nweak];
            return;
        }
    }
}

void *en_gc_take_cleared(EnRuntime *rt) {
    EnHeap *h = rt->heap;
    return h->ncleared ? h->cleared[--h->ncleared] : NULL;
}

void en_gc_keep_alive(EnContext *cx, EnValue v) {
    EnHeap *h = cx->rt->heap;
    if (!en_is_cell(v)) return;
    if (h->nkept == h->kept_cap) {
        h->kept_cap = h->kept_cap ? h->kept_cap * 2 : 16;
        h->kept = och_realloc(h->kept, h->kept_cap * sizeof *h->kept);
    }
    h->kept[h->nkept++] = v;
}

void en_gc_clear_kept(EnRuntime *rt) { rt->heap->nkept = 0; }
