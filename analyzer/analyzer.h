// Public API of the ochre analyzer: scope analysis and early errors over a
// parsed tree (possibly error-recovered). One scope analysis serves the
// engine's compiler (where each binding lives, which references need a TDZ
// check or a dynamic lookup), the linter and the LSP (bindings, references,
// queries by offset).
//
// Model
// - Scopes (AnScope) form a tree rooted at the GLOBAL (script) or MODULE
//   scope. Block-like scopes (BLOCK, SWITCH) exist only when they declare
//   something; every other kind exists whenever its construct does.
// - A function has up to three scopes, outermost first:
//     FUNCTION_NAME  the name of a named function expression (only binding);
//     PARAMS         the parameters, when the parameter list contains
//                    expressions (defaults, computed keys): the body's vars
//                    then live in a separate environment, as in the spec;
//     FUNCTION       the function's var scope: parameters (when there is no
//                    PARAMS scope), vars, top-level functions and lexicals.
//   an_scope_of_node(fn) returns the FUNCTION scope.
// - Bindings (AnBinding) belong to one scope. Labels and private names are
//   separate namespaces (AnScope.labels, AnScope.privates).
// - References (AnRef) are identifier uses (reads, writes, initializations),
//   visited in source order with an_for_each_ref / an_scope_for_each_ref, or
//   per binding through AnBinding.refs. A reference whose binding is NULL is
//   unresolved: a property of the global object (or a global lexical
//   declaration of another script).
// - Everything lives in the result's arena; the AST is never modified. All
//   structures are read-only for callers.
//
// Early errors: the static-semantics errors of ECMA-262 that the parser does
// not report (redeclarations, duplicate and undeclared exports), as
// diagnostics E0500-E0999 (parser/diag_codes_analyzer.h,
// docs/diagnostics.md).
//
// Lint rules (AnOptions.lint): ESLint's rules by ESLint's ids, one
// diagnostic code each (W1001..., parser/diag_codes_lint.h), configured with
// a level and options per rule, environments and globals; they run after
// the scope analysis in one walk over the tree and append their findings
// (with fixes, AnResult.fixes) to the same diagnostic list. See
// docs/lint-rules.md and docs/adr/0003-lint-rules.md.
#ifndef OCHRE_ANALYZER_ANALYZER_H
#define OCHRE_ANALYZER_ANALYZER_H

#include "parser.h"

// ---------------------------------------------------------------------------
// Lint rules: configuration.
//
// A lint rule is identified by its diagnostic code: every entry of
// parser/diag_codes_lint.h (W1001...) is one rule, and the code's title is
// the rule id, ESLint's name for the same rule ("no-undef"). Rules are
// configured as in ESLint: a level and the rule's options, which the
// analyzer takes as JSON text (the array of options that follows the level
// in ESLint's `["warn", {"args": "none"}]`, here `[{"args": "none"}]`) so
// that callers need no JSON library of a given kind; an_rule_options_check
// validates it. docs/lint-rules.md lists every rule with its options and
// default.

// Number of lint rules, and the index of a rule's code (0-based, in table
// order) for AnOptions.rules.
enum {
#define OCH_DIAG(id, code, title) AN_RULE_IX_##id,
#include "diag_codes_lint.h"
#undef OCH_DIAG
    AN_RULE_COUNT
};
#define AN_RULE_FIRST_CODE AN_W_NO_UNDEF  // first entry of diag_codes_lint.h
static inline bool an_code_is_rule(OchDiagCode code) {
    return code >= AN_RULE_FIRST_CODE && code < AN_RULE_FIRST_CODE + AN_RULE_COUNT;
}
static inline uint32_t an_rule_index(OchDiagCode code) {
    return (uint32_t)(code - AN_RULE_FIRST_CODE);
}
static inline OchDiagCode an_rule_code(uint32_t index) {
    return (OchDiagCode)(AN_RULE_FIRST_CODE + index);
}

typedef enum AnRuleLevel {
    AN_LEVEL_DEFAULT = 0,  // the rule's default (an_rule_default_level)
    AN_LEVEL_OFF,
    AN_LEVEL_WARN,         // reported with OCH_SEV_WARNING
    AN_LEVEL_ERROR,        // reported with OCH_SEV_ERROR
} AnRuleLevel;

typedef struct AnRuleConfig {
    uint8_t level;        // AnRuleLevel
    // JSON array of the rule's options, or NULL for its defaults. Borrowed
    // for the duration of an_analyze. Invalid options (see
    // an_rule_options_check) make the rule run with its defaults.
    const char *options;
} AnRuleConfig;

typedef enum AnGlobalMode {
    AN_GLOBAL_READONLY,   // may be read; assigning it is reported (no-global-assign)
    AN_GLOBAL_WRITABLE,   // may be read and assigned
    AN_GLOBAL_OFF,        // not a global, even if an environment defines it
} AnGlobalMode;

typedef struct AnGlobal {
    const char *name;     // NUL-terminated, borrowed
    uint8_t mode;         // AnGlobalMode
} AnGlobal;

typedef struct AnOptions {
    // Annex B semantics in sloppy scripts: block-level function hoisting
    // (B.3.2), duplicate block functions (B.3.2.4/B.3.3), `var` redeclaring a
    // simple catch parameter (B.3.4). Default true.
    bool annex_b;
    // Report early errors (E05nn). Default true; scope analysis alone when false.
    bool early_errors;

    // Lint rules (default false: scope analysis and early errors only). When
    // set, the enabled rules run after the scope analysis and append their
    // findings (codes W1001...) to AnResult.diags, with fixes in
    // AnResult.fixes.
    bool lint;
    // AN_RULE_COUNT entries indexed by an_rule_index(code), or NULL: every
    // rule at its default level with default options. Borrowed.
    const AnRuleConfig *rules;
    // Environments whose globals are defined (no-undef, no-global-assign,
    // no-redeclare...): "es2025" (implied; also "es5".."es2024", "builtin"),
    // "browser", "node", "worker", "commonjs", "shared-node-browser".
    // Unknown names are ignored (an_env_known tells). Borrowed.
    const char *const *env;
    uint32_t nenv;
    // Globals declared by configuration (ochre.json `globals`); later
    // entries win; they override environments. Borrowed.
    const AnGlobal *globals;
    uint32_t nglobals;
    // Cancellation (editors): polled every few thousand nodes of the walk;
    // when it returns true, an_analyze stops and returns NULL. NULL: never.
    bool (*cancel)(void *ctx);
    void *cancel_ctx;
} AnOptions;

// Fills defaults (annex_b and early_errors on; lint off, no environment
// beyond es2025, no globals).
void an_options_default(AnOptions *opts);

// The rule with this id ("no-undef"): its code, or OCH_DIAG_COUNT when no
// implemented rule has that id. O(rules).
OchDiagCode an_rule_find(const char *id);

// The rule id of a rule's code ("no-undef"), as och_diag_code_title.
const char *an_rule_id(OchDiagCode rule);

// The level a rule has when not configured: AN_LEVEL_ERROR for the rules of
// ESLint's "recommended" set, AN_LEVEL_OFF for the others.
AnRuleLevel an_rule_default_level(OchDiagCode rule);

// Validates a rule's options (JSON array text, see AnRuleConfig). Returns
// true when they are valid; otherwise appends one line explaining the first
// problem to err (when not NULL) and returns false. NULL options are valid.
bool an_rule_options_check(OchDiagCode rule, const char *options, OchBuf *err);

// Whether an environment name is known (see AnOptions.env).
bool an_env_known(const char *name);

// The lint rules share one read-only table of global names per distinct
// configuration (AnOptions.env + globals), built on first use and kept for
// the process (thread-safe). Frees them; call only when no analysis is
// running on any thread (e.g. at exit). Analyses after it rebuild them.
void an_globals_cache_free(void);

// ---------------------------------------------------------------------------
// Scopes.

typedef enum AnScopeKind {
    AN_SCOPE_GLOBAL,         // script top level (node: PROGRAM)
    AN_SCOPE_MODULE,         // module top level (node: PROGRAM)
    AN_SCOPE_FUNCTION_NAME,  // own name of a named function expression (node: FUNCTION_EXPR)
    AN_SCOPE_PARAMS,         // parameters of a function whose list has expressions (node: function)
    AN_SCOPE_FUNCTION,       // function, arrow or method: its var scope (node: function)
    AN_SCOPE_CLASS,          // class: inner name, private names, heritage, computed keys
    AN_SCOPE_CLASS_FIELD,    // a field initializer: function-like (node: the PROPERTY_DEF or
                             // ACCESSOR_PROPERTY)
    AN_SCOPE_STATIC_BLOCK,   // class static block: function-like var scope (node: STATIC_BLOCK)
    AN_SCOPE_BLOCK,          // block with declarations (node: BLOCK; or the FUNCTION_DECL of
                             // `if (x) function f() {}`, Annex B, which is not in the node index)
    AN_SCOPE_SWITCH,         // case block with declarations (node: SWITCH_STMT)
    AN_SCOPE_CATCH,          // catch parameter (node: CATCH_CLAUSE); the body is a BLOCK inside
    AN_SCOPE_FOR,            // for/for-in/for-of with a let/const/using head (node: the loop)
    AN_SCOPE_WITH,           // body of a with statement: object environment (node: WITH_STMT)
    AN_SCOPE_KIND_COUNT
} AnScopeKind;

// Scope flags (AnScope.flags).
#define AN_SF_STRICT 0x0001u          // code in this scope is strict mode code
#define AN_SF_CLOSURE 0x0002u         // outermost scope of a function-like activation: references
                                      // leaving it come from a closure
#define AN_SF_ARROW 0x0004u           // FUNCTION/PARAMS of an arrow function
#define AN_SF_METHOD 0x0008u          // FUNCTION of a method, getter, setter or constructor
#define AN_SF_CONSTRUCTOR 0x0010u     // FUNCTION of a class constructor
#define AN_SF_DERIVED 0x0020u         // ... of a class with `extends` (super() allowed)
#define AN_SF_PER_ITERATION 0x0040u   // FOR: fresh bindings per iteration (copy captured ones)
#define AN_SF_HAS_EVAL 0x0080u        // contains a direct eval call itself; also set on the
                                      // activation's var scope (fn) of such a call
#define AN_SF_EVAL_TAINTED 0x0100u    // this scope or a descendant calls eval directly: every
                                      // binding here is captured (visible to eval code)
#define AN_SF_DYNAMIC 0x0200u         // bindings may appear at run time (with object, sloppy
                                      // direct eval's vars): references crossing it are dynamic
#define AN_SF_CONTAINS_WITH 0x0400u   // var scope (fn) of an activation containing `with`
#define AN_SF_USES_ARGUMENTS 0x0800u  // FUNCTION: needs its arguments object
#define AN_SF_USES_THIS 0x1000u       // this-site (or arrow inheriting it) uses `this`
#define AN_SF_USES_SUPER 0x2000u      // ... uses `super.x` / `super[x]`
#define AN_SF_USES_SUPER_CALL 0x4000u // ... calls `super(...)`
#define AN_SF_USES_NEW_TARGET 0x8000u // ... uses `new.target`
#define AN_SF_THIS_CAPTURED 0x10000u  // this-site: an inner arrow uses its this/super/new.target

typedef struct AnScope AnScope;
typedef struct AnBinding AnBinding;
typedef struct AnRef AnRef;

struct AnScope {
    uint8_t kind;           // AnScopeKind
    uint32_t flags;         // AN_SF_*
    uint32_t depth;         // 0 for the root
    uint32_t start, end;    // source range the scope covers (used by an_scope_at)
    uint32_t nbindings;     // length of the bindings list below (here: fills padding)
    PsNode *node;           // construct that creates it (see AnScopeKind)
    AnScope *parent;
    AnScope *first_child, *last_child, *next_sibling;  // children in creation (source) order
    // The var scope of the activation this scope's code runs in: FUNCTION,
    // CLASS_FIELD, STATIC_BLOCK, GLOBAL or MODULE (for a PARAMS scope, its
    // FUNCTION; for FUNCTION_NAME, the enclosing activation's).
    AnScope *fn;
    // Where `this`, `super` and `new.target` bind: the nearest non-arrow
    // FUNCTION, CLASS_FIELD, STATIC_BLOCK, or the root. Arrows inherit.
    AnScope *this_scope;
    AnBinding *bindings;    // declared bindings in declaration order (list: AnBinding.next)
    AnBinding *labels;      // labels declared directly in this scope (list: next)
    AnBinding *privates;    // CLASS: private names (list: next)
    // Internal (analysis state).
    AnBinding *bindings_last;
    uint32_t level;         // activation nesting: 0 for the root, +1 per CLOSURE scope
    uint32_t create_pos;    // CLOSURE scopes: offset from which the closure may run
    uint32_t annexb_next, annexb_end;  // var scopes: B.3.3 functions found by the pre-pass
};

// ---------------------------------------------------------------------------
// Bindings.

typedef enum AnBindingKind {
    AN_BIND_VAR,
    AN_BIND_LET,
    AN_BIND_CONST,
    AN_BIND_USING,
    AN_BIND_AWAIT_USING,
    AN_BIND_FUNCTION,       // function declaration: var-like at function/script top level,
                            // lexical (AN_BF_LEXICAL) in blocks and at module top level
    AN_BIND_CLASS,          // class declaration (outer binding)
    AN_BIND_CLASS_NAME,     // a class's own immutable name inside its CLASS scope
    AN_BIND_FUNCTION_NAME,  // a named function expression's own name (FUNCTION_NAME scope)
    AN_BIND_PARAM,
    AN_BIND_CATCH,
    AN_BIND_IMPORT,         // import binding (default, named or namespace)
    AN_BIND_ARGUMENTS,      // implicit `arguments` of a non-arrow function
    AN_BIND_LABEL,          // statement label (AnScope.labels)
    AN_BIND_PRIVATE,        // #name of a class (AnScope.privates)
    AN_BIND_KIND_COUNT
} AnBindingKind;

// Binding flags (AnBinding.flags).
#define AN_BF_LEXICAL 0x0001u     // lexically scoped declaration: a redeclaration is an error
#define AN_BF_TDZ 0x0002u         // has a temporal dead zone (let, const, using, class, import,
                                  // parameters of a PARAMS scope)
#define AN_BF_CAPTURED 0x0004u    // referenced from a closure or visible to direct eval: must
                                  // live in a heap context; else it may stay in a register
#define AN_BF_READ 0x0008u        // has a read reference
#define AN_BF_WRITTEN 0x0010u     // has a write reference other than its initialization
#define AN_BF_ANNEXB 0x0020u      // block function also assigned to annexb_var (B.3.3)
#define AN_BF_ANNEXB_VAR 0x0040u  // var created only by B.3.3 hoisting (starts undefined)
#define AN_BF_EXPORTED 0x0080u    // module binding that is exported
#define AN_BF_REDECLARED 0x0100u  // declared more than once (var, sloppy functions, params)
#define AN_BF_GETTER 0x0200u      // PRIVATE: has a getter
#define AN_BF_SETTER 0x0400u      // PRIVATE: has a setter
#define AN_BF_STATIC 0x0800u      // PRIVATE: static member
#define AN_BF_METHOD 0x1000u      // PRIVATE: method or accessor (not a field)
#define AN_BF_FN_INIT 0x2000u     // first declared by `x = function/arrow` (a VAR_DECLARATOR)
#define AN_BF_READ_OUTSIDE 0x4000u  // FUNCTION / FN_INIT: read by a reference outside that function

struct AnBinding {
    const char *name;       // WTF-8, not NUL-terminated (points into source or arena)
    uint32_t len;
    uint8_t kind;           // AnBindingKind
    uint16_t flags;         // AN_BF_*
    AnScope *scope;
    PsNode *id;             // first declaring identifier (NULL for implicit `arguments`)
    // Declaring construct: VAR_DECLARATOR (var/let/const/using), FUNCTION_DECL
    // or FUNCTION_EXPR (functions, function names; the function for its
    // parameters), CLASS_DECL/CLASS_EXPR, CATCH_CLAUSE, IMPORT_*SPECIFIER,
    // LABELED_STMT, the class member for private names; NULL for `arguments`.
    PsNode *decl;
    AnRef *refs;            // references, newest first: reverse source order (list:
                            // AnRef.next_for_binding)
    uint32_t nrefs;
    AnBinding *next;        // next binding of the same scope and namespace
    AnBinding *annexb_var;  // AN_BF_ANNEXB: the function-scope var it is copied to
    // TDZ: a same-activation use at offset p is safe iff init_pos <= p < tdz_end
    // (tdz_end bounds a switch case clause). Meaningful with AN_BF_TDZ.
    uint32_t init_pos, tdz_end;
    // Internal (analysis state).
    AnBinding *shadow;      // next binding of the same name in an open scope
    struct AnName *iname;   // interned name (only during the walk: dangles afterwards)
};

// ---------------------------------------------------------------------------
// References.

#define AN_REF_READ 0x0001u
#define AN_REF_WRITE 0x0002u     // assignment, update, for-in/of target, destructuring
#define AN_REF_INIT 0x0004u      // initialization by its declaration (`let x = 1`, for-of head,
                                 // parameter default); also AN_REF_WRITE
#define AN_REF_TDZ 0x0008u       // may run before its binding is initialized: needs a check
#define AN_REF_CLOSURE 0x0010u   // occurs in a closure nested in the binding's activation
                                 // (resolved references only)
#define AN_REF_DYNAMIC 0x0020u   // may be intercepted by `with` or a sloppy direct eval's var:
                                 // needs a dynamic lookup (binding is the static fallback)
#define AN_REF_TYPEOF 0x0040u    // operand of `typeof` (no ReferenceError when unresolved)
#define AN_REF_EXPORT 0x0080u    // local name of `export { x }` (not evaluated)
#define AN_REF_LABEL 0x0100u     // label of break/continue
#define AN_REF_PRIVATE 0x0200u   // #name use (member access or `#x in o`)
#define AN_REF_CALLEE 0x0400u    // callee of a call or `new`

struct AnRef {
    PsNode *node;           // IDENTIFIER (PRIVATE_IDENTIFIER, JSX_IDENTIFIER)
    AnScope *scope;         // scope the reference occurs in
    AnBinding *binding;     // NULL: unresolved (global object), undeclared label/private name
    AnRef *next_for_binding;
    uint32_t flags;         // AN_REF_*
};

// ---------------------------------------------------------------------------
// Analysis.

// ---------------------------------------------------------------------------
// Fixes of lint findings.

// Replace the bytes [span.start, span.end) of the source with text[0..len).
typedef struct AnEdit {
    OchSpan span;
    const char *text;   // arena-owned, not NUL-terminated
    uint32_t len;
} AnEdit;

// A fix for one finding: edits to apply together (sorted by offset, not
// overlapping). `suggestion` fixes may change what the code does (ESLint's
// "suggestions"): editors offer them as code actions, `--fix` leaves them
// alone; the others are safe to apply automatically (ESLint's fixes).
typedef struct AnFix {
    const char *title;  // imperative sentence for the code action ("Remove the label 'a'")
    bool suggestion;
    uint32_t nedits;
    const AnEdit *edits;
    const struct AnFix *next;  // an alternative fix of the same finding, or NULL
} AnFix;

typedef struct AnResult {
    const PsParse *parse;   // borrowed: must outlive the result
    AnScope *root;          // GLOBAL or MODULE scope; never NULL
    // Early errors and lint findings in source order (messages in arena).
    OchDiagList diags;
    // NULL when no finding has a fix; else diags.v.len entries, the fix of
    // each diagnostic or NULL (see an_result_fix).
    const AnFix **fixes;
    OchArena arena;         // owns references, diagnostic text, lint fixes
    OchArena decl_arena;    // owns scopes and bindings (dense: passes over them stay in cache)
    // References that resolved to no binding (globals), in source order.
    AnRef **unresolved;
    uint32_t nunresolved;
    uint32_t nscopes, nbindings, nrefs;
    // Indexes sorted by node start (internal; use the functions below):
    // references and declarations (tagged pointers, see analyzer_int.h), and
    // scopes by the node that creates them.
    uintptr_t *idents;
    uint32_t nidents;
    AnScope **scope_index;
    uint32_t nscope_index;
} AnResult;

// Analyzes a parse result. The goal comes from the tree (PROGRAM op), strict
// mode from the PROGRAM's and functions' flags. Works on error-recovered
// trees (ERROR and MISSING nodes are skipped or walked for what they
// salvaged). Never fails (NULL only when opts->cancel asked it to stop);
// returns a result to free with an_result_free (the parse must outlive it). Linear in the tree size: one walk plus
// statement-level pre-passes; files with `with` or a sloppy direct eval add a
// pass over references (times the scope depth). See docs/adr/0002.
AnResult *an_analyze(const PsParse *parse, const AnOptions *opts);

// Frees a result and everything it owns (scopes, bindings, references,
// diagnostic text); the parse is not touched. NULL is a no-op.
void an_result_free(AnResult *self);

// True when the result has at least one error-severity diagnostic.
bool an_result_has_errors(const AnResult *self);

// The fix of diagnostic i of self->diags (its first alternative; see
// AnFix.next), or NULL. O(1).
const AnFix *an_result_fix(const AnResult *self, uint32_t i);

// Applies the safe fixes (not suggestions) of the findings to src[0..len),
// skipping any fix that overlaps one applied before it (in source order),
// as ESLint does in one pass; appends the fixed text to out and returns the
// number of fixes applied. O(len + edits).
uint32_t an_result_apply_fixes(const AnResult *self, const char *src, uint32_t len, OchBuf *out);

// ---------------------------------------------------------------------------
// Queries (O(log n) unless noted).

// The scope a node creates: PROGRAM -> root, function -> its FUNCTION scope,
// class -> CLASS, BLOCK/SWITCH_STMT/CATCH_CLAUSE/for loops/WITH_STMT/
// STATIC_BLOCK/class field member -> their scope. NULL when the node creates
// none (e.g. a block without declarations).
AnScope *an_scope_of_node(const AnResult *self, const PsNode *node);

// Innermost scope whose range contains the byte offset (the root if none).
// O(depth * children).
AnScope *an_scope_at(const AnResult *self, uint32_t offset);

// The reference an identifier node makes, or NULL (declarations without an
// initializer, property names, undeclared...).
AnRef *an_ref_of_node(const AnResult *self, const PsNode *ident);

// The binding an identifier node declares or refers to, or NULL.
AnBinding *an_binding_of_node(const AnResult *self, const PsNode *ident);

// The binding declared or referenced by the identifier that contains the
// byte offset (start <= offset < end, or offset == end for a cursor right
// after a name), or NULL. Includes labels and private names.
AnBinding *an_binding_at(const AnResult *self, uint32_t offset);

// Calls fn for every reference (identifiers, labels, private names) in
// source order, until fn returns false. O(references).
typedef bool (*AnRefFn)(AnRef *ref, void *ctx);
void an_for_each_ref(const AnResult *self, AnRefFn fn, void *ctx);

// Calls fn for the references occurring directly in scope s (not in its
// child scopes), in source order. O(log n + identifiers in s's range).
void an_scope_for_each_ref(const AnResult *self, const AnScope *s, AnRefFn fn, void *ctx);

// The binding a name resolves to when used in scope (walking outwards,
// ignoring TDZ and declaration order), or NULL (global). O(bindings in the
// scope chain).
AnBinding *an_scope_lookup(const AnScope *scope, const char *name, uint32_t len);

// Whether the reference needs a TDZ check (AN_REF_TDZ).
static inline bool an_ref_needs_tdz(const AnRef *ref) { return (ref->flags & AN_REF_TDZ) != 0; }

// Names for dumps and messages: "function", "let", ...
const char *an_scope_kind_name(AnScopeKind kind);
const char *an_binding_kind_name(AnBindingKind kind);

// Appends a readable dump of the scope tree (scopes with flags, bindings with
// flags and reference counts, unresolved references) to out; for tests and
// `ochre check --scopes`. Stable format, one item per line.
void an_result_dump(const AnResult *self, OchBuf *out);


// ---------------------------------------------------------------------------
// Inline suppressions of lint findings, read from the comments of a file:
//
//   // ochre-ignore-next-line [rule ...]     the next line (all rules, or the
//                                           listed rule ids or W codes)
//   // ochre-ignore-file [rule ...]          the whole file
//   /* eslint-disable [rule, ...] */         from here on (block comments only,
//   /* eslint-enable [rule, ...] */          as in ESLint) / until here
//   // eslint-disable-line [rule, ...]       this line
//   // eslint-disable-next-line [rule, ...]  the next line
//
// A `-- text` after the rules is a description and ignored. ESLint rule
// ids that ochre does not implement simply never match a finding. Only
// lint findings (those with a rule id) can be suppressed: syntax errors
// and early errors never are.
//
// `ochre check` and the language server both apply them (suppress.c).

typedef enum AnDirectiveKind {
    AN_DIR_DISABLE,  // eslint-disable: a region starts at offset
    AN_DIR_ENABLE,   // eslint-enable: a region ends at offset
    AN_DIR_LINE,     // one line (eslint-disable-line, -next-line, ochre-ignore-next-line)
    AN_DIR_FILE,     // ochre-ignore-file
} AnDirectiveKind;

typedef struct AnDirective {
    AnDirectiveKind kind;
    uint32_t offset;  // byte offset of the comment
    uint32_t line;    // AN_DIR_LINE: the 0-based line it covers
    char **rules;     // rule ids or codes (arena); NULL: every rule
    uint32_t nrules;
} AnDirective;

typedef struct AnSuppressions {
    OCH_VEC(AnDirective) v;  // in source order
    OchArena arena;           // rule id strings
} AnSuppressions;

// No directives yet; an_suppress_free frees the recorded ones.
void an_suppress_init(AnSuppressions *self);
void an_suppress_free(AnSuppressions *self);

// Records the directive of one comment, if it holds one. body[0..n) is the
// comment's text without `//` or `/*` `*/`; offset is where the comment
// starts; start_line/end_line are its first and last lines (0-based).
// Returns true when a directive was recorded.
bool an_suppress_add_comment(AnSuppressions *self, const char *body, size_t n, bool block,
                              uint32_t offset, uint32_t start_line, uint32_t end_line);

// True when the text contains a directive word ("eslint-", "ochre-ignore"):
// files without one have no directive and need no scan. Two memmem calls.
bool an_suppress_may_have_directives(const char *src, uint32_t len);

// Finds the directive comments of a parsed file and records them. The
// parser keeps no comments, so each occurrence of a directive word in the
// text is checked against the tree: it counts when it opens the text of a
// real comment (not a string, template, regexp or JSX text, nor the middle
// of another comment). lines indexes parse->src. O(n) for the word search,
// plus O(depth * siblings) per occurrence.
void an_suppress_scan(AnSuppressions *self, const PsParse *parse, const OchLineIndex *lines);

// True when a finding of rule `rule` (with diagnostic code string `code`)
// starting at byte offset `offset`, on 0-based line `line`, is suppressed.
// rule NULL (not a lint finding) is never suppressed. O(directives).
bool an_suppress_hides(const AnSuppressions *self, const char *rule, const char *code, uint32_t offset,
                        uint32_t line);

#endif
