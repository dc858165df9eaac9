// Collector internals shared by heap.c (pages, allocation, statistics) and
// gc.c (marking, weak processing, sweeping). Nothing outside those two files
// includes this header; the rest of the engine uses heap_int.h.
//
// Layout. Small cells (<= EN_GC_LARGE_OBJECT_BYTES) live in EN_GC_PAGE_SIZE
// pages aligned on their size, so the page of a cell is `cell & ~(size-1)`.
// A page holds cells of one size class only: it starts with an EnPage
// header, then cells of `cell_size` bytes. Cells below `bump` have been
// handed out at least once (live, or EN_CELL_FREE on a free list); bytes
// from `bump` to `end` were never touched, so a fresh page costs resident
// memory only as it fills (startup RSS). Large cells are separate
// allocations on a doubly-linked list, each preceded by an EnLargeObject.
//
// Invariants between collections: no cell has EN_GC_MARK set; every
// EN_CELL_FREE cell of a page is on its class's free list.
#ifndef OCHRE_ENGINE_GC_INT_H
#define OCHRE_ENGINE_GC_INT_H

#include "heap_int.h"

#define EN_GC_PAGE_SIZE (256u * 1024u)
#define EN_GC_PAGE_HEADER 64u           // EnPage rounded up: cells start 64-byte aligned
#define EN_GC_CLASS_COUNT 31
#define EN_GC_MIN_THRESHOLD (2u * 1024u * 1024u)  // bytes allocated between collections, at least
#define EN_GC_EMPTY_PAGE_POOL 4u        // empty pages kept for reuse instead of unmapped

typedef struct EnFreeCell {
    EnCell hdr;  // type EN_CELL_FREE
    struct EnFreeCell *next;
} EnFreeCell;

typedef struct EnPage {
    struct EnPage *next;  // pages of the same class (or the empty pool)
    char *bump;           // first never-used byte
    char *end;            // cells end here (page + EN_GC_PAGE_SIZE rounded down to cells)
    uint32_t cell_size;
    uint32_t live;        // cells alive after the last sweep
    uint8_t cls;
} EnPage;

typedef struct EnSizeClass {
    uint32_t size;
    EnPage *pages;        // every page of this class
    EnPage *bump_page;    // page whose untouched tail serves allocation, or NULL
    EnFreeCell *free;     // free cells of every page of this class
} EnSizeClass;

typedef struct EnLargeObject {
    struct EnLargeObject *next, *prev;
    size_t size;          // cell bytes (header included)
    uint64_t _align;      // the cell after this header is 16-byte aligned
} EnLargeObject;

typedef struct EnEphemeronTable {
    void *table;
    const EnWeakCallbacks *cb;
} EnEphemeronTable;

typedef struct EnWeakSlotReg {
    void *owner;          // heap cell holding the slot
    EnValue *slot;
    bool notify;          // queue the owner on the cleared list when the target dies
} EnWeakSlotReg;

struct EnGCTracer {
    EnHeap *heap;
    void **stack;         // the mark stack: marked cells whose children are not yet traced
    size_t len, cap;
    EnEphemeronTable *eph;
    size_t neph, eph_cap;
};

struct EnHeap {
    EnRuntime *rt;
    EnSizeClass classes[EN_GC_CLASS_COUNT];
    EnPage *empty_pages;      // pool of unmapped-later pages (no class)
    uint32_t nempty;
    size_t sweep_empty_budget;  // empty pages the current sweep may keep
    EnLargeObject *large;     // list of large cells
    // Accounting (bytes): cell bytes currently allocated (small cells at
    // their class size, large cells, external memory).
    size_t allocated;
    size_t live_after_gc;
    size_t peak;
    size_t since_gc;          // allocated since the last collection
    size_t threshold;         // collect when since_gc exceeds it
    size_t trigger;           // slow path when since_gc + charge exceeds it
    size_t max_bytes;         // 0: unlimited
    uint64_t collections;
    uint64_t gc_ns;           // total time spent collecting
    bool gc_stress;
    bool collecting;
    bool no_gc;               // runtime bootstrap: neither collect nor enforce the limit
    bool in_oom;              // reporting OOM: allocations may exceed the limit
    EnGCTracer tracer;
    // Weak slots and the cleared list (FinalizationRegistry cells to clean up).
    EnWeakSlotReg *weak;
    size_t nweak, weak_cap;
    void **cleared;
    size_t ncleared, cleared_cap;
    // Targets kept alive until the end of the current job (WeakRef deref).
    EnValue *kept;
    size_t nkept, kept_cap;
    // Interrupt polling: calls of en_poll_interrupt since the last clock read.
    uint32_t poll_counter;
    // Test hook: called for every cell about to be finalized (tests count).
    void (*finalize_hook)(void *cell);
};

// gc.c
const EnCellOps *en_gc_ops_of(const void *cell);
// heap.c
void en_heap_release_page(EnHeap *h, EnPage *p);
// Recomputes `trigger` after any change of threshold, limit state, no_gc,
// collecting or accounting.
void en_heap_update_trigger(EnHeap *h);
uint64_t en_gc_now_ns(void);

#endif
