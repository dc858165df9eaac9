// Bytecode compiler internals shared by compiler.c (functions, scopes,
// statements) and compiler_expr.c (expressions). One Cg per function being
// compiled; expressions leave their value in the accumulator.
#ifndef OCHRE_ENGINE_COMPILER_INT_H
#define OCHRE_ENGINE_COMPILER_INT_H

#include "vm_int.h"

// Where a binding lives. IMPORT: a module's import binding, read through
// en_module_import_get (compiler_scope.c).
enum { CG_LOC_REG, CG_LOC_ENV, CG_LOC_GLOBAL, CG_LOC_IMPORT };
// dyn: a `with` object or eval var may shadow the binding (scope_int.h):
// look `name` up in the dynamic environments below `limit` hops first.
typedef struct CgLoc {
    uint8_t kind;
    bool dyn;
    bool tdz;              // resolved by name to a binding with a TDZ (eval code)
    uint32_t a;  // REG: register; ENV: hops; GLOBAL: name constant; IMPORT: index
    uint32_t b;  // ENV: slot
    uint32_t limit;        // dyn: hops of the static binding (EN_DYN_ALL: global)
    uint32_t name;         // dyn: name constant
    const AnBinding *ob;   // resolved by name (eval code): the binding found
} CgLoc;

typedef OCH_VEC(uint32_t) CgPatchList;

// A break/continue target (loop, switch, labelled statement).
typedef struct CgTarget {
    struct CgTarget *prev;
    const PsNode *stmt;       // the loop / switch / labelled statement
    const char *label;        // NULL: unlabelled loop/switch
    uint32_t label_len;
    bool is_loop;             // accepts continue
    bool is_label_only;       // labelled non-loop statement
    uint32_t env_depth;
    uint32_t finally_depth;
    uint32_t iter_reg;        // for-of: iterator to close on break (UINT32_MAX none)
    CgPatchList breaks, continues;
} CgTarget;

// A try/finally (or a for-of's implicit iterator close) being compiled.
typedef struct CgFinally {
    struct CgFinally *prev;
    uint32_t kind_reg, value_reg;
    uint32_t env_depth;
    CgPatchList entries;      // jumps into the finally block
    // Pending jumps routed through this finally: kind 2+i -> jumps[i].
    OCH_VEC(struct CgPending) pending;
} CgFinally;

typedef struct CgPending {
    CgTarget *target;
    bool is_continue;
} CgPending;

#define CG_COMPLETION_NORMAL 0
#define CG_COMPLETION_RETURN 1
#define CG_COMPLETION_THROW (-1)

#define CG_MAX_PENDING_LABELS 8

typedef struct CgMapEntry {
    const AnBinding *key;
    uint32_t reg;
} CgMapEntry;

typedef struct Cg {
    EnContext *cx;
    EnSource *src;
    const AnResult *an;
    EnFunctionTemplate *tmpl;   // rooted by the caller
    PsNode *fn;                 // function node or PROGRAM
    AnScope *fscope;            // FUNCTION (or root) scope
    bool strict;
    bool is_script;
    bool failed;                // an exception is pending
    OCH_VEC(uint32_t) code;
    OCH_VEC(EnValue) consts;
    OCH_VEC(EnHandler) handlers;
    OchBuf positions;
    uint32_t last_pos_pc, last_pos_src;
    uint32_t nfeedback;
    uint32_t next_reg, max_reg;
    uint32_t env_depth;
    uint32_t completion_reg;    // scripts: completion value (UINT32_MAX: none)
    CgMapEntry *map;            // AnBinding* -> register (open addressing)
    uint32_t map_cap, map_len;
    CgTarget *targets;
    CgFinally *finally;
    uint32_t finally_depth;
    const char *name_hint;      // NamedEvaluation name for the next anonymous function
    uint32_t name_hint_len;
    CgPatchList *chain_nullish; // optional chain short-circuit jumps
    struct EnCompileRoots *roots;
    // Labels seen just before a loop/switch (consumed by its target).
    const PsNode *pending_labels[CG_MAX_PENDING_LABELS];
    uint32_t npending_labels;
    struct CgGen *gen;          // generator / async state (compiler_expr.c, compiler_stmt.c)
    struct CgDyn *dyn;          // with / eval / module state (compiler_scope.c)
    const struct EnEvalInfo *eval;  // direct eval code: its context (scope_int.h), else NULL
} Cg;

// --- emission (compiler.c)
void cg_op(Cg *cg, EnOpcode op);
void cg_op1(Cg *cg, EnOpcode op, uint32_t a);
void cg_op2(Cg *cg, EnOpcode op, uint32_t a, uint32_t b);
void cg_op3(Cg *cg, EnOpcode op, uint32_t a, uint32_t b, uint32_t c);
void cg_op4(Cg *cg, EnOpcode op, uint32_t a, uint32_t b, uint32_t c, uint32_t d);
// Emits a jump with a placeholder offset; returns the operand position.
uint32_t cg_jump(Cg *cg, EnOpcode op);
uint32_t cg_jump_r(Cg *cg, EnOpcode op, uint32_t r);
void cg_patch(Cg *cg, uint32_t at);               // to the current position
void cg_patch_to(Cg *cg, uint32_t at, uint32_t target);
void cg_patch_list(Cg *cg, CgPatchList *l);
void cg_loop_to(Cg *cg, uint32_t target);          // backward Loop
uint32_t cg_here(Cg *cg);
void cg_pos(Cg *cg, uint32_t src_offset);
uint32_t cg_const(Cg *cg, EnValue v);
uint32_t cg_atom(Cg *cg, const char *s, uint32_t len);
uint32_t cg_fb(Cg *cg);
uint32_t cg_temp(Cg *cg);
void cg_temps_free(Cg *cg, uint32_t mark);
void cg_error(Cg *cg, const PsNode *n, const char *what);
void cg_lda_number(Cg *cg, double d);

// --- bindings (compiler.c)
CgLoc cg_resolve(Cg *cg, const PsNode *ident, AnRef **ref_out);
void cg_load_ident(Cg *cg, const PsNode *ident, bool for_typeof);
// Stores acc into the identifier's binding (init: declaration initialiser,
// no TDZ / const checks). acc is preserved.
void cg_store_ident(Cg *cg, const PsNode *ident, bool init);
void cg_store_binding(Cg *cg, const AnBinding *b, const PsNode *ident, bool init);
void cg_enter_scope(Cg *cg, AnScope *s);
void cg_leave_scope(Cg *cg, AnScope *s);
AnScope *cg_scope_of(Cg *cg, const PsNode *node);
void cg_closure(Cg *cg, PsNode *fn_node);  // emits CreateClosure (acc = function)

// Environment hops/slot of a binding seen from scope `from` (private names
// included). False when `from` is not inside the binding's scope.
bool cg_binding_slot(Cg *cg, const AnBinding *b, const AnScope *from, uint32_t *hops,
                     uint32_t *slot);
// Scope chain helpers (compiler.c): environment slots of a scope, whether
// it holds an eval vars object (last slot), the next scope of a name
// lookup (eval code continues into its caller), and whether a binding
// lives in its own scope (not a var of sloppy eval code).
uint32_t cg_scope_env_slots(const AnScope *s);
bool cg_scope_has_eval_vars(const AnScope *s);
const AnScope *cg_chain_parent(const AnScope *s);
bool cg_binding_is_local(const AnBinding *b);
// The binding named name declared in s itself (not eval code's vars), or NULL.
const AnBinding *cg_scope_find(const AnScope *s, const char *name, uint32_t len);
// A callee identifier that may resolve to a `with` object property: loads
// R[fn] and R[base] (its this) and returns true; false: not dynamic.
bool cg_load_callee(Cg *cg, const PsNode *ident, uint32_t fn, uint32_t base);
// Sloppy eval code: declares the function binding b (acc: its closure) in
// the caller's var scope (eval_direct.c's instantiation rules).
void cg_eval_declare_fn(Cg *cg, const AnBinding *b);
// Script top level (GlobalDeclarationInstantiation): the run-time checks
// of one declaration (SyntaxError / TypeError before anything is created).
enum { CG_CHECK_VAR = 0, CG_CHECK_FN = 1, CG_CHECK_LEX = 6 };
void cg_global_decl_check(Cg *cg, const AnBinding *b, uint32_t mode);
// Loads the private name symbol of a PRIVATE_IDENTIFIER into acc.
void cg_load_private_name(Cg *cg, const PsNode *pid);

// --- classes (compiler_class.c)
void cg_class(Cg *cg, PsNode *n);  // acc = the class constructor
void cg_compile_special(Cg *cg);   // bodies of EN_TF_DEFAULT_CTOR / FIELD_INIT / ELEMENT

// --- expressions (compiler_expr.c)
void cg_expr(Cg *cg, PsNode *n);
void cg_expr_to(Cg *cg, PsNode *n, uint32_t reg);
uint32_t cg_expr_temp(Cg *cg, PsNode *n);
// Binds acc to a pattern (identifier, member, object/array pattern, with
// defaults). init: declaration (no TDZ/const checks).
void cg_bind_pattern(Cg *cg, PsNode *pat, bool init);
void cg_set_name_hint(Cg *cg, const PsNode *target);
bool cg_is_anon_fn(const PsNode *n);  // anonymous function/arrow/class expression

// --- statements (compiler_stmt.c)
void cg_stmt(Cg *cg, PsNode *n);
void cg_stmts(Cg *cg, const PsList *l);

// --- dynamic scopes and modules (compiler_scope.c): `with`, direct eval,
// import/export, import(), import.meta. The expression and statement
// compilers call these hooks for the constructs they own.
void cg_with_stmt(Cg *cg, PsNode *n);
void cg_module_decl(Cg *cg, PsNode *n);   // IMPORT_DECL, EXPORT_*_DECL
void cg_import_call(Cg *cg, PsNode *n);   // import(specifier[, options]) -> acc
void cg_import_meta(Cg *cg, PsNode *n);   // import.meta -> acc
// A call whose callee is an identifier: the hook may load the callee into
// R[fn] and its this value into R[base] (`with` object references), or
// compile the whole call (direct eval, result in acc).
typedef enum CgCallHook {
    CG_CALL_NOT_HANDLED,   // the caller compiles the callee and this = undefined
    CG_CALL_CALLEE_LOADED, // R[fn] and R[base] are set; the caller pushes the arguments
    CG_CALL_DONE,          // the whole call is compiled; acc holds its result
} CgCallHook;
CgCallHook cg_call_ident(Cg *cg, PsNode *call, uint32_t fn, uint32_t base);
// `delete identifier` (sloppy mode): true when the hook compiled it.
bool cg_delete_ident(Cg *cg, PsNode *unary, PsNode *ident);

// Module top level (compiler_scope.c): location of a binding of the MODULE
// scope (IMPORT index, or ENV with hops 0 and its module-environment
// slot), and the body of an EN_TF_MODULE template.
CgLoc cg_module_binding_loc(Cg *cg, const AnBinding *b);
void cg_compile_module(Cg *cg);
// The top level of direct eval code (Cg.eval set).
void cg_compile_eval(Cg *cg);
// Frees the with/eval/module state (called when the Cg is freed).
void cg_dyn_free(Cg *cg);
// True when the PROGRAM of a module contains a top-level await.
bool cg_module_has_tla(PsNode *program);

#endif
