// Internal state of the analyzer, shared by analyzer.c (entry), names.c
// (interning), scope.c (scopes, declarations, resolution), hoist.c
// (declaration pre-pass of statement lists, Annex B), walk.c (the tree
// walk), exports.c (module export checks) and query.c (indexes, queries,
// dump).
//
// How resolution works, in one pass over the tree:
// - Entering a scope declares its lexical names first (hoist.c scans the
//   statement list), so every binding that can shadow a name is known
//   before any `var` below it is seen; `var`s are declared when reached, in
//   their var scope, after checking the open scopes they hoist through.
// - Each interned name (AnName) keeps the stack of its bindings in the
//   currently open scopes (AnName.top, linked by AnBinding.shadow).
// - A reference is pushed on one pending stack. When a scope closes, the
//   pending references pushed since it opened either find a binding of that
//   scope (resolved) or stay pending for the parent; leaving a closure or a
//   dynamic scope marks them on the way. What is left at the root is
//   unresolved (global).
#ifndef OCHRE_ANALYZER_ANALYZER_INT_H
#define OCHRE_ANALYZER_ANALYZER_INT_H

#include <string.h>

#include "analyzer.h"

// An interned identifier name. Same text, same AnName: names compare by
// pointer after interning.
typedef struct AnName {
    const char *str;
    uint32_t len;
    uint32_t hash;
    AnBinding *top;       // innermost binding of this name in an open scope (chain: shadow)
    AnBinding *priv_top;  // innermost private name of an open class (chain: shadow)
    AnBinding *label;     // label of this name being walked (chain: shadow)
    PsNode *exported;     // module: first export under this name (duplicate check)
} AnName;

// Index entry: an identifier (or scope-creating) node by start offset.
#define AN_IX_REF 1u    // ptr is an AnRef
#define AN_IX_DECL 2u   // ptr is the AnBinding the node declares
#define AN_IX_SCOPE 3u  // ptr is the AnScope the node creates
struct AnIndexEntry {
    uint32_t start;
    uint32_t tag;  // AN_IX_*
    const PsNode *node;
    void *ptr;
};

typedef struct AnWalker {
    AnResult *res;
    OchArena *arena;  // = &res->arena
    AnOptions opts;
    bool module;
    bool early;       // report early errors
    AnScope *scope;   // current scope

    // Interned names: open addressing, power-of-two capacity.
    AnName **names;
    uint32_t names_cap, names_len;
    AnName *n_arguments, *n_eval, *n_default;

    // References waiting for resolution (see above).
    OCH_VEC(AnRef *) pending;

    // Indexes, appended in walk order (mostly source order; sorted at the end).
    OCH_VEC(AnIndexEntry) idents;
    OCH_VEC(AnIndexEntry) scope_ix;
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
// Allocates a scope without linking it (FUNCTION scope prepared with its
// PARAMS scope); an_scope_enter links and enters it later.
AnScope *an_scope_alloc(AnWalker *w, AnScopeKind kind, PsNode *node, uint32_t start, uint32_t end);
void an_scope_enter(AnWalker *w, AnScope *s, bool index);
// Resolves the pending references that reach this scope, marks captured
// bindings, pops the scope's names and returns to the parent.
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
// Declares a var-scoped name (var statement) from the current scope into
// its var scope, checking the scopes it is hoisted through.
AnBinding *an_declare_var(AnWalker *w, PsNode *id, PsNode *decl);
// Creates a binding without checks (implicit `arguments`, labels, private
// names) and appends it to list *head/*tail when given.
AnBinding *an_binding_new(AnWalker *w, AnScope *s, AnName *name, PsNode *id, AnBindingKind kind,
                          uint16_t flags, PsNode *decl);

// A reference from identifier id in the current scope, to be resolved when
// scopes close. NULL for MISSING identifiers.
AnRef *an_ref_add(AnWalker *w, PsNode *id, uint32_t flags);
// A reference already bound to b (declaration initializers, labels, private
// names). Not pushed on the pending stack; listed in the scope's refs only
// for identifier namespaces.
AnRef *an_ref_bound(AnWalker *w, PsNode *id, uint32_t flags, AnBinding *b);
// Records that id declares b (index for an_binding_of_node).
void an_index_decl(AnWalker *w, const PsNode *id, AnBinding *b);

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
// Declares one lexical/function declaration statement (the body of
// `if (x) function f() {}`).
void an_hoist_item(AnWalker *w, PsNode *item, AnListKind where, uint32_t tdz_end);
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
// Records the exported name of a declaration's bound identifier.
void an_export_ident(AnWalker *w, PsNode *id);
// Reports `export { x }` whose x is not declared at module top level.
void an_report_undeclared_export(AnWalker *w, AnRef *ref);

// ---------------------------------------------------------------------------
// Diagnostics helpers (scope.c).
OchDiag *an_error(AnWalker *w, OchDiagCode code, uint32_t start, uint32_t end, const char *fmt,
                  ...) OCH_PRINTF(5, 6);

// query.c: sorts the walker's indexes into the result.
void an_index_finish(AnWalker *w);

#endif
