// Dynamic scopes shared by the compiler (compiler.c, compiler_scope.c) and
// the runtime functions of CallRuntime (scope_runtime.c, eval_direct.c):
// `with` object environments, the variables sloppy direct eval adds to a
// function, and the context of direct eval code.
//
// Environments (EnEnv, vm_int.h) carry hdr.flags:
//   EN_ENV_WITH  the environment of a `with` body: slot 0 is the object.
//   EN_ENV_VARS  a function's var environment (sloppy code with a direct
//                eval): its last slot holds the object (null prototype)
//                of the vars eval code declared there, or undefined.
// A dynamic reference (a name a `with` object or an eval var may shadow)
// walks the environments below its static binding (`limit` hops; all of
// them for a global) and uses the first one that has the name; otherwise
// it falls back to the static binding.
#ifndef OCHRE_ENGINE_SCOPE_INT_H
#define OCHRE_ENGINE_SCOPE_INT_H

#include "vm_int.h"

#define EN_ENV_WITH 0x1u
#define EN_ENV_VARS 0x2u

#define EN_DYN_ALL 0x7FFFFFFF  // limit of a reference to a global

// Direct eval code (eval_direct.c): the source of the code, the source and
// analyzer scope of the call site it runs in (its names resolve through
// that scope's chain), and its strictness. Registered while the eval
// source lives (the registry holds a reference to both sources).
typedef struct EnEvalInfo {
    EnSource *src;
    EnSource *caller;
    const AnScope *outer;   // scope of the direct eval call, in caller->an
    bool strict;
    bool direct;            // false: indirect eval (global scope, outer NULL)
} EnEvalInfo;

// The eval context of a source / of the root scope of its analysis, or
// NULL when the source is not direct eval code.
const EnEvalInfo *en_eval_info_of(const EnSource *src);
const EnEvalInfo *en_eval_info_of_root(const AnScope *root);

// Global declarations of eval code (eval_direct.c): the checks of
// GlobalDeclarationInstantiation / EvalDeclarationInstantiation
// (check_only: SyntaxError for a global lexical declaration, TypeError when
// the global cannot be declared) or the configurable var / function
// binding itself.
bool en_eval_global_decl(EnContext *cx, EnString *name, bool is_fn, bool check_only,
                         EnValue fn);
// Indirect eval of the string x (PerformEval, direct = false).
EnValue en_eval_indirect(EnContext *cx, EnValue x);

#endif
