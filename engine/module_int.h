// Modules: the contract between the module records (module.c and friends:
// loading, linking, evaluation with top-level await, namespaces, dynamic
// import) and the bytecode compiler (compiler_scope.c: code of a module's
// top level). ES2025 §16.2.
//
// Environment layout. A module's top-level template (EN_TF_MODULE; also
// EN_TF_ASYNC when its body contains a top-level await) runs with the
// module environment as its frame's env: one EnEnv whose slots hold every
// module-scope binding except imports (var, let, const, class, function,
// and the hidden `*default*` binding of `export default <expression>`).
// The compiler decides the slots; the module records ask it through the
// en_bc_module_* functions below. Slots of let/const/class start EN_UNINIT
// (TDZ), var slots undefined, function slots hold their closures once
// en_bc_module_init_env ran (InitializeEnvironment, before any module of
// the graph evaluates, so cycles can call hoisted functions).
//
// Imports. The import bindings of a module are numbered in the order the
// analyzer lists them in the module scope (AnScope.bindings with kind
// AN_BIND_IMPORT, first = 0). Compiled code reads import i through
// en_module_import_get (CallRuntime); writes throw a TypeError (imports are
// immutable). Linking resolves each to (exporting module env, slot) or to a
// namespace object.
#ifndef OCHRE_ENGINE_MODULE_INT_H
#define OCHRE_ENGINE_MODULE_INT_H

#include "vm_int.h"

typedef struct EnModule EnModule;  // cell EN_CELL_MODULE (module.c)

// --- implemented by the compiler (compiler_scope.c) -----------------------
// Number of slots of the module environment of a compiled module template.
uint32_t en_bc_module_env_size(EnFunctionTemplate *t);
// Slot of the module-scope binding `name` ("*default*" for an anonymous
// default export) of a compiled module template; false when none.
bool en_bc_module_local_slot(EnFunctionTemplate *t, const char *name, uint32_t len,
                             uint32_t *slot);
// InitializeEnvironment's bindings part: fills env (created by the module
// record with en_bc_module_env_size slots): vars undefined, lexical
// bindings EN_UNINIT, hoisted functions instantiated as closures in env.
bool en_bc_module_init_env(EnContext *cx, EnFunctionTemplate *t, EnEnv *env);

// --- implemented by the module records (module.c) -------------------------
// Value of import binding `index` of the module whose top-level source is
// src (the running code's t->src->module): a ReferenceError when the
// exporting binding is still in TDZ.
EnValue en_module_import_get(EnContext *cx, EnSource *src, uint32_t index);
// import(specifier, options) from code of source `referrer` (a script or a
// module): a promise for the namespace (never throws synchronously except
// on out-of-memory: errors reject the promise).
EnValue en_module_dynamic_import(EnContext *cx, EnSource *referrer, EnValue specifier,
                                 EnValue options);
// import.meta of the module of src (created on first use).
EnValue en_module_import_meta(EnContext *cx, EnSource *src);

// en_eval with EN_GOAL_MODULE (eval.c): loads, links and evaluates the
// module graph rooted at src (registered under filename's resolved path).
// OK: *result is undefined (fulfilled) or the pending evaluation promise
// (top-level await; en_module_main_state reports its outcome after jobs).
// SYNTAX_ERROR: the root did not parse; EXCEPTION: loading, linking or a
// synchronous evaluation error (pending).
EnStatus en_module_eval_source(EnContext *cx, const char *src, size_t len, const char *filename,
                               EnValue *result);

#endif
