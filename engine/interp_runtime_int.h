// Runtime functions: rare operations the interpreter runs out of line
// through one opcode, CallRuntime id, base, argc (modules, direct eval,
// `with` environments, mapped arguments...). Keeping them in a table
// keeps the dispatch loop small and lets a baseline JIT emit a plain call
// for every one of them.
//
// Each function receives the running frame (it may replace fr->env, never
// the frame), the accumulator and argc rooted values R[base..base+argc);
// it returns the new accumulator or EN_EXCEPTION with an exception pending.
#ifndef OCHRE_ENGINE_INTERP_RUNTIME_INT_H
#define OCHRE_ENGINE_INTERP_RUNTIME_INT_H

#include "vm_int.h"

typedef EnValue (*EnRuntimeFn)(EnContext *cx, EnFrame *fr, EnValue acc, EnValue *args,
                               uint32_t argc);

// X(name): EN_RT_name is the id, en_rt_name the function. Operands are
// documented where each is defined (scope_runtime.c and friends).
#define EN_RUNTIME_FNS(X)                                                    \
    X(unreachable)                                                           \
    /* modules (scope_runtime.c) */                                          \
    X(module_enter) X(import_get) X(import_meta) X(dynamic_import)             \
    /* `with` and eval var environments (scope_runtime.c, scope_int.h) */    \
    X(push_with) X(mark_eval_vars) X(dyn_get) X(dyn_set) X(dyn_delete)       \
    /* direct eval (eval_direct.c) */                                        \
    X(direct_eval) X(eval_enter) X(eval_declare)                             \
    /* mapped arguments (exotic_arguments.c) */                              \
    X(mapped_arguments)

typedef enum EnRuntimeFnId {
#define EN_RT_ENUM_(name) EN_RT_##name,
    EN_RUNTIME_FNS(EN_RT_ENUM_)
#undef EN_RT_ENUM_
        EN_RT_COUNT
} EnRuntimeFnId;

#define EN_RT_DECL_(name) \
    EnValue en_rt_##name(EnContext *cx, EnFrame *fr, EnValue acc, EnValue *args, uint32_t argc);
EN_RUNTIME_FNS(EN_RT_DECL_)
#undef EN_RT_DECL_

extern const EnRuntimeFn en_runtime_fns[EN_RT_COUNT];
extern const char *const en_runtime_fn_names[EN_RT_COUNT];  // disassembler

#endif
