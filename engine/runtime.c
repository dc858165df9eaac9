// Runtime lifetime (heap, handles, atoms, symbols, unit strings, then the
// VM), limits, interrupts and the time limit.
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define EN_HEAP_NO_INLINE
#include "gc_int.h"
#include "heap_inline_int.h"
#include "heap_rt_int.h"

// Polls between two reads of the clock when a deadline is armed: a clock
// read costs ~20 ns, a poll ~1 ns, and back-edges poll every few dozen
// instructions, so 1024 keeps the overshoot of a time limit far below 1 ms.
#define EN_POLL_CLOCK_EVERY 1024u

// OCHRE_GC_STRESS=1 in the environment turns gc_stress on for every
// runtime made from default limits, so whole test binaries (and `ochre
// run`) can be rerun collecting at every allocation without code changes.
void en_limits_default(EnLimits *limits) {
    const char *stress = getenv("OCHRE_GC_STRESS");
    *limits = (EnLimits){
        .max_heap_bytes = 0,
        .max_stack_depth = 10000,
        .time_limit_ms = 0,
        .gc_stress = stress && *stress && strcmp(stress, "0") != 0,
    };
}

void en_runtime_trace_tables(EnRuntime *rt, EnGCTracer *t) {
    for (int i = 0; i < EN_ATOM_COUNT; i++) en_gc_mark_cell(t, rt->atoms[i]);
    en_gc_mark_cell(t, rt->empty_string);
    for (int i = 0; i < 256; i++) en_gc_mark_cell(t, rt->unit_strings[i]);
    en_symbols_trace(rt, t);
}

EnRuntime *en_runtime_new(const EnLimits *limits) {
    EnRuntime *rt = och_calloc(1, sizeof *rt);
    if (limits) rt->limits = *limits;
    else en_limits_default(&rt->limits);
    if (!rt->limits.max_stack_depth) rt->limits.max_stack_depth = 10000;
    atomic_init(&rt->interrupt, 0u);
    en_handles_init(rt);
    rt->heap = en_heap_new(rt, rt->limits.max_heap_bytes, rt->limits.gc_stress);
    en_atom_table_init(rt);

    // Bootstrap: the runtime's own strings and symbols exist before any
    // realm, so they are made through a context that is not a realm (no
    // global: never traced, never reported to). The heap limit does not
    // apply to them, and collecting in the middle would only revisit them.
    EnContext boot = {.rt = rt};
    rt->heap->no_gc = true;
    en_heap_update_trigger(rt->heap);
    bool ok = en_strings_init(&boot);
    static const char *const atom_text[EN_ATOM_COUNT] = {
#define EN_ATOM_TEXT_(id, text) text,
        EN_ATOM_LIST(EN_ATOM_TEXT_)
#undef EN_ATOM_TEXT_
    };
    for (int i = 0; ok && i < EN_ATOM_COUNT; i++) {
        rt->atoms[i] = en_atom_from_cstr(&boot, atom_text[i]);
        ok = rt->atoms[i] != NULL;
    }
    ok = ok && en_symbols_init(&boot);
    rt->heap->no_gc = false;
    en_heap_update_trigger(rt->heap);
    if (!ok) {
        fputs("ochre: cannot create the runtime's strings\n", stderr);
        abort();
    }
    rt->vm = en_vm_new(rt);
    return rt;
}

void en_runtime_free(EnRuntime *rt) {
    if (!rt) return;
    // Realms the embedder did not free (e.g. $262.createRealm's) go with
    // their runtime.
    while (rt->contexts) en_context_free(rt->contexts);
    if (rt->vm) en_vm_free(rt->vm);
    rt->vm = NULL;
    en_heap_free(rt->heap);
    en_atom_table_free(rt);
    en_symbols_free(rt);
    en_handles_free(rt);
    och_free(rt);
}

void en_runtime_interrupt(EnRuntime *rt) {
    // Lock-free atomic RMW: safe from a signal handler or another thread.
    atomic_fetch_or_explicit(&rt->interrupt, EN_INTERRUPT_REQUEST, memory_order_relaxed);
}

void en_runtime_arm_deadline(EnRuntime *rt) {
    uint64_t ms = rt->limits.time_limit_ms;
    rt->deadline_ns = ms ? en_gc_now_ns() + ms * 1000000u : 0;
    rt->heap->poll_counter = 0;
}

void en_runtime_disarm_deadline(EnRuntime *rt) { rt->deadline_ns = 0; }

bool en_poll_interrupt_slow(EnContext *cx);

bool en_poll_interrupt(EnContext *cx) { return en_poll_interrupt_slow(cx); }

bool en_poll_interrupt_slow(EnContext *cx) {
    EnRuntime *rt = cx->rt;
    if (cx->terminating) return false;
    unsigned bits = atomic_load_explicit(&rt->interrupt, memory_order_relaxed);
    if (bits & EN_INTERRUPT_REQUEST) {
        // Consumed: the next evaluation starts uninterrupted.
        atomic_fetch_and_explicit(&rt->interrupt, ~EN_INTERRUPT_REQUEST, memory_order_relaxed);
        en_throw_terminated(cx, "interrupted");
        return false;
    }
    if (rt->deadline_ns && ++rt->heap->poll_counter >= EN_POLL_CLOCK_EVERY) {
        rt->heap->poll_counter = 0;
        if (en_gc_now_ns() >= rt->deadline_ns) {
            rt->deadline_ns = 0;
            en_throw_terminated(cx, "time limit exceeded");
            return false;
        }
    }
    return true;
}
