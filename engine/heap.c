// The heap's memory: size-classed pages, free lists, the large-object
// space, allocation accounting and the collection trigger. Marking and
// sweeping are in gc.c (gc_int.h describes the layout).
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <time.h>

#include "gc_int.h"
#include "runtime_int.h"

// Size classes: 8-byte steps up to 64 bytes (most cells: strings, ropes,
// symbols, small objects), then ~4 classes per doubling so internal waste
// stays under 25%.
static const uint16_t class_sizes[EN_GC_CLASS_COUNT] = {
    16,  24,  32,  40,  48,  56,  64,  80,   96,   112,  128,  160,  192,  224,  256, 320,
    384, 448, 512, 640, 768, 896, 1024, 1280, 1536, 1792, 2048, 2560, 3072, 3584, 4096,
};

// size / 8 -> class index, for sizes 8..4096 (built once; the table is tiny).
// Filled once per process (runtimes may be created on several threads).
static uint8_t class_of_words[EN_GC_LARGE_OBJECT_BYTES / 8 + 1];
static pthread_once_t class_table_once = PTHREAD_ONCE_INIT;

static void init_class_table(void) {
    int c = 0;
    for (uint32_t w = 0; w <= EN_GC_LARGE_OBJECT_BYTES / 8; w++) {
        while (class_sizes[c] < w * 8) c++;
        class_of_words[w] = (uint8_t)c;
    }
}

uint64_t en_gc_now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

// Maps one page aligned on EN_GC_PAGE_SIZE: over-map by one page and trim,
// since mmap only guarantees OS-page alignment. Untouched parts cost no RSS.
static EnPage *map_page(void) {
    size_t sz = EN_GC_PAGE_SIZE;
    char *raw = mmap(NULL, 2 * sz, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED) {
        fputs("ochre: out of memory (GC page)\n", stderr);
        abort();
    }
    uintptr_t aligned = ((uintptr_t)raw + sz - 1) & ~(uintptr_t)(sz - 1);
    size_t head = aligned - (uintptr_t)raw;
    if (head) munmap(raw, head);
    size_t tail = sz - head;
    if (tail) munmap((char *)aligned + sz, tail);
    return (EnPage *)aligned;
}

void en_heap_release_page(EnHeap *h, EnPage *p) {
    if (h->nempty < EN_GC_EMPTY_PAGE_POOL) {
        p->next = h->empty_pages;
        h->empty_pages = p;
        h->nempty++;
        return;
    }
    munmap(p, EN_GC_PAGE_SIZE);
}

static EnPage *new_page(EnHeap *h, uint8_t cls) {
    EnPage *p = h->empty_pages;
    if (p) {
        h->empty_pages = p->next;
        h->nempty--;
    } else {
        p = map_page();
    }
    uint32_t cs = h->classes[cls].size;
    uint32_t ncells = (EN_GC_PAGE_SIZE - EN_GC_PAGE_HEADER) / cs;
    p->cell_size = cs;
    p->cls = cls;
    p->live = 0;
    p->bump = (char *)p + EN_GC_PAGE_HEADER;
    p->end = p->bump + (size_t)ncells * cs;
    p->next = h->classes[cls].pages;
    h->classes[cls].pages = p;
    return p;
}

EnHeap *en_heap_new(EnRuntime *rt, size_t max_bytes, bool gc_stress) {
    pthread_once(&class_table_once, init_class_table);
    EnHeap *h = och_calloc(1, sizeof *h);
    h->rt = rt;
    for (int i = 0; i < EN_GC_CLASS_COUNT; i++) h->classes[i].size = class_sizes[i];
    h->max_bytes = max_bytes;
    h->gc_stress = gc_stress;
    h->threshold = EN_GC_MIN_THRESHOLD;
    h->tracer.heap = h;
    en_heap_update_trigger(h);
    return h;
}

static void finalize_cell(EnHeap *h, void *cell) {
    const EnCellOps *ops = en_gc_ops_of(cell);
    if (h->finalize_hook) h->finalize_hook(cell);
    if (ops && ops->finalize) ops->finalize(h->rt, cell);
}

void en_heap_free(EnHeap *h) {
    if (!h) return;
    // Finalizers first (they may read their own cell only), then memory.
    for (int c = 0; c < EN_GC_CLASS_COUNT; c++) {
        for (EnPage *p = h->classes[c].pages; p; p = p->next) {
            for (char *q = (char *)p + EN_GC_PAGE_HEADER; q < p->bump; q += p->cell_size) {
                if (((EnCell *)q)->type != EN_CELL_FREE) finalize_cell(h, q);
            }
        }
    }
    for (EnLargeObject *lo = h->large; lo; lo = lo->next) finalize_cell(h, lo + 1);
    for (int c = 0; c < EN_GC_CLASS_COUNT; c++) {
        EnPage *p = h->classes[c].pages;
        while (p) {
            EnPage *next = p->next;
            munmap(p, EN_GC_PAGE_SIZE);
            p = next;
        }
    }
    while (h->empty_pages) {
        EnPage *next = h->empty_pages->next;
        munmap(h->empty_pages, EN_GC_PAGE_SIZE);
        h->empty_pages = next;
    }
    EnLargeObject *lo = h->large;
    while (lo) {
        EnLargeObject *next = lo->next;
        och_free(lo);
        lo = next;
    }
    och_free(h->tracer.stack);
    och_free(h->tracer.eph);
    och_free(h->weak);
    och_free(h->cleared);
    och_free(h->kept);
    och_free(h);
}

static void account(EnHeap *h, size_t bytes) {
    h->allocated += bytes;
    h->since_gc += bytes;
}

void en_heap_update_trigger(EnHeap *h) {
    if (h->no_gc || h->collecting) {
        h->trigger = SIZE_MAX;
        return;
    }
    if (h->gc_stress) {
        h->trigger = 0;
        return;
    }
    size_t trig = h->threshold;
    if (h->max_bytes && !h->in_oom) {
        // allocated + charge <= max  <=>  since_gc + charge <= max - base.
        size_t base = h->allocated - h->since_gc;
        size_t room = h->max_bytes > base ? h->max_bytes - base : 0;
        if (room < trig) trig = room;
    }
    h->trigger = trig;
}

static void *alloc_small(EnHeap *h, uint32_t cls) {
    EnSizeClass *sc = &h->classes[cls];
    EnFreeCell *f = sc->free;
    if (f) {
        sc->free = f->next;
        return f;
    }
    EnPage *p = sc->bump_page;
    if (!p || p->bump + sc->size > p->end) {
        p = new_page(h, (uint8_t)cls);
        sc->bump_page = p;
    }
    void *cell = p->bump;
    p->bump += sc->size;
    return cell;
}

static void *alloc_large(EnHeap *h, size_t size) {
    EnLargeObject *lo = och_malloc(sizeof *lo + size);
    lo->size = size;
    lo->prev = NULL;
    lo->next = h->large;
    if (h->large) h->large->prev = lo;
    h->large = lo;
    return lo + 1;
}

static size_t charge_of(size_t size) {
    return size <= EN_GC_LARGE_OBJECT_BYTES ? class_sizes[class_of_words[size / 8]] : size;
}

// The slow path of allocation: the trigger was reached (threshold, heap
// limit, gc_stress). Collects as needed; NULL with *over_limit past the
// heap limit.
static bool make_room(EnHeap *h, size_t charge, bool *over_limit) {
    if (h->no_gc || h->collecting) return true;
    bool collected = false;
    if (h->gc_stress || h->since_gc + charge > h->threshold) {
        en_gc_collect(h->rt);
        collected = true;
    }
    if (h->max_bytes && !h->in_oom && h->allocated + charge > h->max_bytes) {
        // Collect once more (unless that is what just happened), then
        // give up. Repeated failures collect each time: roots may have
        // been dropped since, and a failing program is about to stop.
        if (!collected) en_gc_collect(h->rt);
        if (h->allocated + charge > h->max_bytes) {
            *over_limit = true;
            return false;
        }
    }
    return true;
}

static void *gc_alloc_raw(EnHeap *h, EnCellType type, size_t size, bool *over_limit) {
    size = (size + 7) & ~(size_t)7;
    if (size < sizeof(EnFreeCell)) size = sizeof(EnFreeCell);
    size_t charge = charge_of(size);
    *over_limit = false;
    OCH_ASSERT(!h->collecting);  // finalizers and weak callbacks must not allocate
    // One compare on the fast path: the trigger folds the threshold, the
    // heap limit and gc_stress together (en_heap_update_trigger).
    if (h->since_gc + charge > h->trigger) {
        if (!make_room(h, charge, over_limit)) return NULL;
    }
    void *cell = size <= EN_GC_LARGE_OBJECT_BYTES ? alloc_small(h, class_of_words[size / 8])
                                                  : alloc_large(h, size);
    memset(cell, 0, size);
    EnCell *c = cell;
    c->type = (uint8_t)type;
    account(h, charge);
    return cell;
}

void *en_gc_alloc(EnContext *cx, EnCellType type, size_t size) {
    EnHeap *h = cx->rt->heap;
    bool over;
    void *cell = gc_alloc_raw(h, type, size, &over);
    if (!cell && over) {
        // A realm under construction (no global yet) cannot build the Error:
        // the caller just sees NULL. Allocations made while reporting may
        // exceed the limit, or the report itself could never be built.
        if (cx->global && !cx->terminating) {
            h->in_oom = true;
            en_heap_update_trigger(h);
            en_throw_oom(cx);
            h->in_oom = false;
            en_heap_update_trigger(h);
        } else {
            cx->terminating = true;
        }
    }
    return cell;
}

void en_gc_account_external(EnContext *cx, ptrdiff_t delta) {
    EnHeap *h = cx->rt->heap;
    if (delta >= 0) {
        account(h, (size_t)delta);
    } else {
        size_t d = (size_t)-delta;
        h->allocated = h->allocated > d ? h->allocated - d : 0;
        if (h->since_gc > h->allocated) h->since_gc = h->allocated;
    }
    en_heap_update_trigger(h);
}

void en_gc_stats(EnRuntime *rt, EnHeapStats *out) {
    EnHeap *h = rt->heap;
    if (h->allocated > h->peak) h->peak = h->allocated;
    size_t pages = 0;
    for (int c = 0; c < EN_GC_CLASS_COUNT; c++) {
        for (EnPage *p = h->classes[c].pages; p; p = p->next) pages++;
    }
    *out = (EnHeapStats){
        .live_bytes = h->live_after_gc,
        .allocated_bytes = h->allocated,
        .peak_bytes = h->peak,
        .collections = h->collections,
        .gc_ns = h->gc_ns,
        .pages = pages,
    };
}

void en_gc_set_finalize_hook(EnRuntime *rt, void (*hook)(void *cell)) {
    rt->heap->finalize_hook = hook;
}

bool en_gc_is_collecting(EnRuntime *rt) { return rt->heap->collecting; }
