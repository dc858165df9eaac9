// Internal state of the analyzer, shared by analyzer.c (entry), names.c
// (interning), scope.c (scopes, declarations, resolution), hoist.c
// (declaration pre-passes, Annex B), walk.c (the tree walk), exports.c
// (module export checks) and query.c (indexes, queries, dump).
//
// How resolution works, in one walk over the tree:
// - Entering a scope declares everything it will ever hold before anything
//   inside is walked: a var scope (function, script, module, static block)
//   its parameters, lexical names, top-level functions and, from a
//   statement-level pre-pass of its body (not entering expressions or
//   nested functions), its `var`s and Annex B function vars; a block-like
//   scope its lexical names.
// - Each interned name (AnName) keeps the bindings of that name in the
//   currently open scopes, innermost first (AnName.top, linked by
//   AnBinding.shadow). Because of the rule above, a reference resolves the
//   moment it is seen: to AnName.top, or to the global object when empty.
// - Closure crossings come from the activation levels of the reference and
//   the binding (AnWalker.acts holds the open CLOSURE scopes by level).
//   Dynamic lookups (with, sloppy direct eval) are marked by a post-pass,
//   only when the file has such a scope.
#ifndef OCHRE_ANALYZER_ANALYZER_INT_H
#define OCHRE_ANALYZER_ANALYZER_INT_H

#include <string.h>

#include "analyzer.h"

// An interned identifier name. Same text, same AnName: names compare by
// pointer after interning. Lives in the walker's name arena.
typedef struct AnName {
    const char *str;      // NUL-terminated copy, right after the struct
    uint32_t len;
    uint32_t hash;
    AnBinding *top;       // innermost binding of this name in an open scope (chain: shadow)
    AnBinding *priv_top;  // innermost private name of an open class (chain: shadow)
    AnBinding *label;     // innermost label of this name being walked (chain: shadow)
    PsNode *exported;     // module: first export under this name (duplicate check)
} AnName;

// Identifier index entries (AnResult.idents), tagged pointers: an AnRef *
// (tag 0); an AnBinding * whose own `id` is the declaring node (tag 2, the
// common case); or an AnDecl * for further declarations of a binding
// (tag 1).
typedef struct AnDecl {
    const PsNode *id;  // declaring identifier
    AnBinding *binding;
} AnDecl;
#define AN_IX_TAG ((uintptr_t)3)
#define AN_IX_DECL ((uintptr_t)1)
#define AN_IX_BINDING ((uintptr_t)2)
static inline bool an_ix_is_ref(uintptr_t e) { return (e & AN_IX_TAG) == 0; }
static inline const PsNode *an_ix_node(uintptr_t e) {
    switch (e & AN_IX_TAG) {
    case 0: return ((const AnRef *)e)->node;
    case AN_IX_DECL: return ((const AnDecl *)(e & ~AN_IX_TAG))->id;
    default: return ((const AnBinding *)(e & ~AN_IX_TAG))->id;
    }
}
// The binding a declaration entry (not a reference) declares.
static inline AnBinding *an_ix_binding(uintptr_t e) {
    if ((e & AN_IX_TAG) == AN_IX_DECL) return ((const AnDecl *)(e & ~AN_IX_TAG))->binding;
    return (AnBinding *)(e & ~AN_IX_TAG);
}

// Deepest activation nesting followed; deeper functions share the last
// level's closure bookkeeping (their references count as closures from it).
#define AN_MAX_LEVELS 4096

#define AN_NAME_CACHE_BITS 12
struct AnNameCacheEntry {
    uint64_t w0;  // first 8 bytes of the name, zero-padded
    uint32_t len;
    AnName *name;
};

typedef struct AnWalker {
    AnResult *res;
    OchArena *arena;  // = &res->arena
    AnOptions opts;
    bool module;
    bool early;       // report early errors
    bool dynamic;     // some scope is AN_SF_DYNAMIC: run the dynamic-reference post-pass
    const char *src, *src_end;  // the parsed source (names inside it may be over-read)
    AnScope *scope;   // current scope

    // Interned names: open addressing, power-of-two capacity; each slot
    // holds the hash so that probing rarely touches the names themselves.
    struct AnNameSlot *names;
    uint32_t names_cap, names_len;
    OchArena names_arena;
    struct AnNameCacheEntry *name_cache;  // direct-mapped front, 1 << name_cache_bits entries
    uint32_t name_cache_bits;             // <= AN_NAME_CACHE_BITS, by source length
    AnName *n_arguments, *n_eval, *n_default;

    // Open CLOSURE scopes by activation level (acts[0] is the root).
    AnScope **acts;

    // B.3.3 block functions hoisted to their var scope, per var scope a
    // range in source order (AnScope.annexb_next/annexb_end).
    OCH_VEC(PsNode *) annexb;

    // Indexes, appended in walk order (mostly source order; sorted at the
    // end if an entry ever came before its predecessor).
    OCH_VEC(uintptr_t) idents;
    OCH_VEC(AnScope *) scope_ix;
    OCH_VEC(AnRef *) unresolved;  // references without a binding (moved to the result)
    uint32_t idents_last, scopes_last;  // start of the last entry appended
    bool idents_unsorted, scopes_unsorted;
    uint32_t cancel_countdown;  // nodes until the next AnOptions.cancel poll
    bool cancelled;             // the walk stopped early: the result is discarded
} AnWalker;

// ---------------------------------------------------------------------------
// names.c
void an_names_init(AnWalker *w);
void an_names_free(AnWalker *w);
AnName *an_intern(AnWalker *w, const char *s, uint32_t len);
static inline AnName *an_intern_ident(AnWalker *w, const PsNode *id) {
    return an_intern(w, ((const PsIdent *)id)->name, id->aux);
}

// ---------------------------------------------------------------------------
// scope.c

// Opens a scope as a child of the current one and makes it current. range is
// [start, end). Registers node in the scope index when index is true.
AnScope *an_scope_open(AnWalker *w, AnScopeKind kind, PsNode *node, uint32_t start, uint32_t end,
                       bool index);
// Allocates a scope without linking it (a FUNCTION scope prepared with its
// PARAMS scope); an_scope_enter links and enters it later.
AnScope *an_scope_alloc(AnWalker *w, AnScopeKind kind, PsNode *node, uint32_t start, uint32_t end);
void an_scope_enter(AnWalker *w, AnScope *s, bool index);
// Marks captured bindings, pops the scope's names and returns to the parent.
void an_scope_close(AnWalker *w);

// The binding of name declared in open scope s, or NULL.
static inline AnBinding *an_find_in_scope(const AnName *name, const AnScope *s) {
    for (AnBinding *b = name->top; b; b = b->shadow)
        if (b->scope == s) return b;
    return NULL;
}

// Declares id (an IDENTIFIER) in scope s with the given kind and flags
// (AN_BF_LEXICAL, AN_BF_TDZ), reporting redeclarations. Returns the binding
// (an existing one when merged or on error), NULL for MISSING identifiers.
AnBinding *an_declare(AnWalker *w, AnScope *s, PsNode *id, AnBindingKind kind, uint16_t flags,
                      PsNode *decl);
// At a `var` declaration in the walk: the var binding of the current var
// scope (declared by the pre-pass, or now in recovered trees), after
// checking the block scopes the name is hoisted through.
AnBinding *an_walk_var(AnWalker *w, PsNode *id, PsNode *decl);
// The var binding Annex B hoisting assigns a block function to: the
// existing var-like binding of v, or a new AN_BF_ANNEXB_VAR var.
AnBinding *an_annexb_var(AnWalker *w, AnScope *v, AnName *name, PsNode *id, PsNode *decl);
// Allocates a binding without checks and without linking it anywhere
// (labels, private names).
AnBinding *an_binding_new(AnWalker *w, AnScope *s, AnName *name, PsNode *id, AnBindingKind kind,
                          uint16_t flags, PsNode *decl);

// A reference from identifier id in the current scope, resolved now. NULL
// for MISSING identifiers.
AnRef *an_ref_add(AnWalker *w, PsNode *id, uint32_t flags);
// A reference already bound to b (declaration initializers, labels, private
// names).
AnRef *an_ref_bound(AnWalker *w, PsNode *id, uint32_t flags, AnBinding *b);
// Records that id declares b (index for an_binding_of_node).
void an_index_decl(AnWalker *w, const PsNode *id, AnBinding *b);
// Records that node creates scope s (index for an_scope_of_node).
void an_index_scope(AnWalker *w, AnScope *s);
// Marks references that cross a dynamic scope (post-pass).
void an_mark_dynamic_refs(AnWalker *w);

// ---------------------------------------------------------------------------
// hoist.c

// Where a statement list is, for its declarations.
typedef enum AnListKind {
    AN_LIST_TOP,     // script top level, function body, static block: functions are var-like
    AN_LIST_MODULE,  // module top level: functions are lexical
    AN_LIST_BLOCK,   // block, case clauses: functions lexical (+ Annex B hoisting)
} AnListKind;

// Declares the lexically scoped names (and top-level functions) of a
// statement list in the current scope. tdz_end bounds the TDZ-safe range of
// the lexical bindings (a case clause's end, else UINT32_MAX).
void an_hoist_list(AnWalker *w, const PsList *items, AnListKind where, uint32_t tdz_end);
// Declares one lexical/function declaration statement (also the body of
// `if (x) function f() {}`).
void an_hoist_item(AnWalker *w, PsNode *item, AnListKind where, uint32_t tdz_end);
// Declares the `var`s of a var scope's statement list (the current scope),
// searching nested statements but not functions, and decides B.3.3 hoisting
// of its block functions.
void an_hoist_vars(AnWalker *w, const PsList *items);
// Whether a statement list declares anything lexically (needs a scope).
bool an_list_has_lexical(const PsList *items);
// Calls fn for each identifier a binding pattern binds, in source order.
typedef void (*AnNameFn)(AnWalker *w, PsNode *id, void *ctx);
void an_pattern_names(AnWalker *w, PsNode *pattern, AnNameFn fn, void *ctx);
// Whether a parameter list contains expressions (defaults, computed keys).
bool an_params_have_expressions(const PsList *params);

// ---------------------------------------------------------------------------
// walk.c
void an_walk_program(AnWalker *w, PsNode *root);

// ---------------------------------------------------------------------------
// exports.c

// Records an exported name (IDENTIFIER or string LITERAL node); reports a
// duplicate export.
void an_export_name(AnWalker *w, PsNode *name_node);
// Records the exported name of a declaration's bound identifier and marks
// its binding exported.
void an_export_ident(AnWalker *w, PsNode *id);
// Records the export of "default" by `export default ...` (node n).
void an_export_default(AnWalker *w, PsNode *n);
// Reports `export { x }` whose x is not declared at module top level.
void an_report_undeclared_export(AnWalker *w, AnRef *ref);

// ---------------------------------------------------------------------------
// Diagnostics helpers (scope.c).
OchDiag *an_error(AnWalker *w, OchDiagCode code, uint32_t start, uint32_t end, const char *fmt,
                  ...) OCH_PRINTF(5, 6);

// lint.c: runs the enabled lint rules over a finished analysis (appends
// findings and fixes to res; see lint_int.h).
void an_lint_run(AnResult *res, const AnOptions *opts);

// query.c: sorts the walker's indexes into the result.
void an_index_finish(AnWalker *w);

#endif
