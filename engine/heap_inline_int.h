// Inline fast paths of the handle API (heap_int.h) and of interrupt polling
// (en_poll_interrupt, runtime_int.h). Handles are taken on nearly every
// allocation path of C code (out-of-line calls cost ~12% of an
// object-allocation loop) and the interpreter polls at every back-edge and
// call. Both need EnRuntime's layout, which heap_int.h cannot see
// (runtime_int.h includes it before defining the struct), so the fast paths
// live here, meant to be included at the end of runtime_int.h. They keep
// the public names (function-like macros) so callers need no change.
// handles.c and runtime.c define EN_HEAP_NO_INLINE to compile the real
// functions.
#ifndef OCHRE_ENGINE_HEAP_INLINE_INT_H
#define OCHRE_ENGINE_HEAP_INLINE_INT_H

#include "runtime_int.h"

#ifndef EN_HEAP_NO_INLINE
EnValue *en_handle_overflow(EnContext *cx, EnValue v);  // handles.c: reports and aborts
bool en_poll_interrupt_slow(EnContext *cx);             // runtime.c

static inline void en_handle_scope_open_inline(EnContext *cx, EnHandleScope *hs) {
    hs->cx = cx;
    hs->saved_top = cx->rt->handles_top;
}
static inline void en_handle_scope_close_inline(EnHandleScope *hs) {
    hs->cx->rt->handles_top = hs->saved_top;
}
static inline EnValue *en_handle_inline(EnContext *cx, EnValue v) {
    EnRuntime *rt = cx->rt;
    uint32_t top = rt->handles_top;
    if (__builtin_expect(top == rt->handles_cap, 0)) return en_handle_overflow(cx, v);
    EnValue *slot = &rt->handles[top];
    rt->handles_top = top + 1;
    *slot = v;
    return slot;
}
// Nothing requested, no deadline armed, nothing pending: one atomic load
// and two plain loads.
static inline bool en_poll_interrupt_inline(EnContext *cx) {
    EnRuntime *rt = cx->rt;
    if (__builtin_expect(!atomic_load_explicit(&rt->interrupt, memory_order_relaxed) &&
                             !rt->deadline_ns && !cx->terminating,
                         1))
        return true;
    return en_poll_interrupt_slow(cx);
}
#define en_handle_scope_open(cx, hs) en_handle_scope_open_inline((cx), (hs))
#define en_handle_scope_close(hs) en_handle_scope_close_inline(hs)
#define en_handle(cx, v) en_handle_inline((cx), (v))
#define en_poll_interrupt(cx) en_poll_interrupt_inline(cx)
#endif

#endif
