// The handle stack: roots for values held by C code (heap_int.h).
//
// Handles must be stable pointers (en_handle returns a slot the caller keeps
// using while pushing more handles), so the stack never moves: it is one
// reserved virtual range (EN_HANDLE_MAX slots) whose pages become resident
// only as the stack grows into them. Overflowing it is a bug in C code (a
// loop that roots without a scope), reported and aborted.
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>

#define EN_HEAP_NO_INLINE
#include "heap_inline_int.h"
#include "heap_rt_int.h"

#define EN_HANDLE_MAX (4u * 1024u * 1024u)  // 32 MiB of address space, resident on use

static void reserve(EnRuntime *rt) {
    size_t bytes = (size_t)EN_HANDLE_MAX * sizeof(EnValue);
    void *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
                   -1, 0);
    if (p == MAP_FAILED) {
        fputs("ochre: cannot reserve the handle stack\n", stderr);
        abort();
    }
    rt->handles = p;
    rt->handles_cap = EN_HANDLE_MAX;
    rt->handles_top = 0;
}

void en_handles_init(EnRuntime *rt) { reserve(rt); }

void en_handles_free(EnRuntime *rt) {
    if (rt->handles) munmap(rt->handles, (size_t)rt->handles_cap * sizeof(EnValue));
    rt->handles = NULL;
    rt->handles_cap = rt->handles_top = 0;
}

void en_handle_scope_open(EnContext *cx, EnHandleScope *hs) {
    hs->cx = cx;
    hs->saved_top = cx->rt->handles_top;
}

void en_handle_scope_close(EnHandleScope *hs) {
    OCH_ASSERT(hs->cx->rt->handles_top >= hs->saved_top);
    hs->cx->rt->handles_top = hs->saved_top;
}

EnValue *en_handle_overflow(EnContext *cx, EnValue v);

EnValue *en_handle_overflow(EnContext *cx, EnValue v) {
    (void)cx;
    (void)v;
    fputs("ochre: handle stack overflow (a loop roots values without a scope)\n", stderr);
    abort();
}

EnValue *en_handle(EnContext *cx, EnValue v) {
    EnRuntime *rt = cx->rt;
    if (rt->handles_top == rt->handles_cap) return en_handle_overflow(cx, v);
    EnValue *slot = &rt->handles[rt->handles_top++];
    *slot = v;
    return slot;
}

EnValue en_handle_scope_escape(EnHandleScope *hs, EnValue v) {
    en_handle_scope_close(hs);
    en_handle(hs->cx, v);
    return v;
}
