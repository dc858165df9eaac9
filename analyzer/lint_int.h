// Internal interface of the lint rules: the rule registry (lint.c), the
// walk that dispatches nodes to the enabled rules (lint_walk.c, which also
// computes reachability for the code-path rules), reporting with fixes,
// option parsing (lint_json.c) and helpers shared by the rule families
// (lint_*.c).
//
// How a lint run works (an_lint_run, called by an_analyze after the scope
// analysis when AnOptions.lint is set):
// 1. The enabled rules are resolved from AnOptions.rules and their options
//    parsed. Each rule family registers hooks per node kind for its enabled
//    rules (an_lint_on / an_lint_on_leave).
// 2. One walk over the tree calls the hooks in source (pre-)order with the
//    ancestors of the current node on a stack, and tracks reachability of
//    statements (AnFlow) for no-unreachable, no-fallthrough, getter-return.
// 3. Rules that need the whole scope tree (no-undef, no-unused-vars, ...)
//    run in their `finish` step over the analyzer's scopes and references.
// 4. Findings inside an erroneous statement (the innermost statement around
//    a syntax error) are dropped; the rest are merged with the early errors
//    in source order, fixes following their findings.
#ifndef OCHRE_ANALYZER_LINT_INT_H
#define OCHRE_ANALYZER_LINT_INT_H

#include "analyzer_int.h"

// ---------------------------------------------------------------------------
// JSON (lint_json.c): rule options.
typedef enum AnJsonType {
    AN_JSON_NULL,
    AN_JSON_BOOL,
    AN_JSON_NUMBER,
    AN_JSON_STRING,
    AN_JSON_ARRAY,
    AN_JSON_OBJECT,
} AnJsonType;

typedef struct AnJson {
    AnJsonType type;
    bool boolean;
    double number;
    const char *str;          // STRING: NUL-terminated UTF-8
    uint32_t len;             // STRING: bytes
    uint32_t count;           // ARRAY, OBJECT: number of items
    struct AnJson **items;    // ARRAY items; OBJECT values
    const char **keys;        // OBJECT keys (NUL-terminated)
} AnJson;

// Parses NUL-terminated JSON text into arena; NULL with *error set (static
// text) when invalid.
AnJson *an_json_parse(OchArena *arena, const char *text, const char **error);
// The value of key in an object, or NULL (also when obj is not an object).
const AnJson *an_json_get(const AnJson *obj, const char *key);

// ---------------------------------------------------------------------------
// Patterns of the *IgnorePattern options (lint_pattern.c): a regular
// expression subset, see docs/lint-rules.md.
typedef struct AnPattern AnPattern;
// Compiles pattern into arena; NULL with *error set when it uses syntax
// outside the subset.
AnPattern *an_pattern_compile(OchArena *arena, const char *pattern, const char **error);
// Whether the pattern matches somewhere in s[0..len) (RegExp#test).
bool an_pattern_test(const AnPattern *p, const char *s, uint32_t len);

// ---------------------------------------------------------------------------
// Rule options, parsed once per run (typed per rule).

typedef struct AnUnusedVarsOpts {
    bool vars_local;          // vars: "local" (default "all")
    uint8_t args;             // 0 after-used (default), 1 all, 2 none
    bool caught_none;         // caughtErrors: "none" (default "all")
    bool ignore_rest_siblings;
    bool ignore_class_with_static_init;
    bool report_used_ignore_pattern;
    bool ignore_using;        // ignoreUsingDeclarations
    const AnPattern *vars_ignore, *args_ignore, *caught_ignore, *destructured_ignore;
} AnUnusedVarsOpts;

// no-use-before-define (lint_usedef.c).
typedef struct AnUseBeforeDefineOpts {
    bool eslint;               // options were given: ESLint's semantics (else TDZ uses only)
    bool functions, classes, variables, allow_named_exports;
} AnUseBeforeDefineOpts;

typedef struct AnLintOpts {
    // no-undef
    bool undef_typeof;          // typeof: true reports `typeof x` too (default false)
    AnUnusedVarsOpts unused;
    // no-fallthrough
    bool fall_allow_empty_case;
    const AnPattern *fall_comment;  // commentPattern, or NULL: /falls?\s?through/i
    bool fall_report_unused_comment;
    // no-empty
    bool empty_allow_catch;
    // no-cond-assign: true = "always"
    bool cond_always;
    // no-constant-condition: checkLoops "all" | "allExceptWhileTrue" (default) | "none"
    uint8_t const_loops;  // 0 none, 1 allExceptWhileTrue, 2 all
    // valid-typeof
    bool typeof_require_string_literals;
    // use-isnan
    bool isnan_switch_case;     // enforceForSwitchCase (default true)
    bool isnan_index_of;        // enforceForIndexOf (default false)
    // no-self-assign
    bool self_assign_props;     // props (default true)
    // no-redeclare
    bool redeclare_builtins;    // builtinGlobals (default true)
    // no-unsafe-negation
    bool negation_ordering;     // enforceForOrderingRelations (default false)
    // no-unsafe-optional-chaining
    bool optchain_arith;        // disallowArithmeticOperators
    // no-sparse-arrays (none), getter-return
    bool getter_allow_implicit; // allowImplicit (default false)
    // no-empty-pattern
    bool empty_pattern_allow_param_objects;  // allowObjectPatternsAsParameters
    // no-shadow-restricted-names
    bool restricted_report_global_this;  // reportGlobalThis (default false in v9, true in v10)
    // no-irregular-whitespace
    bool ws_skip_comments, ws_skip_strings, ws_skip_templates, ws_skip_regexps, ws_skip_jsx_text;
    // no-inner-declarations: "both"; blockScopedFunctions "disallow"
    bool inner_both, inner_disallow_block_functions;
    // no-constant-binary-expression
    bool cbe_relational;
    // no-misleading-character-class
    bool misleading_allow_escape;
    // no-useless-escape: allowRegexCharacters
    char escape_allow[32];
    uint8_t escape_allow_len;
    // no-invalid-regexp: allowConstructorFlags beyond the standard ones
    char regexp_extra_flags[16];
    uint8_t regexp_extra_flags_len;
    // no-global-assign
    const AnJson *global_assign_exceptions;  // array of names or NULL
    AnUseBeforeDefineOpts ubd;
    // no-prototype-builtins: none. no-octal: none.
    // no-dupe-class-members: none.
} AnLintOpts;

// ---------------------------------------------------------------------------
// Pointer map (lint_util.c): node -> 32-bit value, open addressing.
typedef struct AnPtrMap {
    struct AnPtrSlot *slots;
    uint32_t cap, len;
} AnPtrMap;
void an_ptrmap_put(AnPtrMap *m, const void *key, uint32_t value);
// The value stored for key, or 0 when absent (store values >= 1).
uint32_t an_ptrmap_get(const AnPtrMap *m, const void *key);
void an_ptrmap_free(AnPtrMap *m);

// no-unused-vars: what the walk learns about identifiers in write
// positions (ESLint's isReadForItself / getRhsNode / isForInOfRef need
// their parents).
#define AN_UV_ASSIGN_LEFT 0x01u   // left of an assignment expression
#define AN_UV_LOGICAL 0x02u       // ... of a logical assignment (&&=, ||=, ??=)
#define AN_UV_UPDATE 0x04u        // argument of ++/--
#define AN_UV_UNUSED_EXPR 0x08u   // the assignment/update's value is unused
#define AN_UV_IN_LOOP 0x10u       // inside a loop of its function
#define AN_UV_FOR_RETURN 0x20u    // for-in/of target whose body starts with `return`
typedef struct AnUvInfo {
    uint32_t flags;
    PsNode *rhs;                   // AN_UV_ASSIGN_LEFT: the assignment's right side
} AnUvInfo;

// ---------------------------------------------------------------------------
// The lint context.

typedef struct AnLint AnLint;
typedef void (*AnLintHook)(AnLint *L, PsNode *n);

#define AN_LINT_MAX_HOOKS 12
#define AN_KF_ENTER 0x01u   // enter hooks registered
#define AN_KF_LEAVE 0x02u   // leave hooks registered
#define AN_KF_UNREACH 0x04u // a statement kind no-unreachable looks at
#define AN_KF_LEAF 0x08u    // a leaf kind without hooks: the short path
typedef struct AnHookList {
    AnLintHook fn[AN_LINT_MAX_HOOKS];
    uint8_t n;
} AnHookList;

// Reachability of the current function's code (lint_walk.c). A "jump
// target" is a loop, switch or labeled statement a break/continue leaves.
// The state of one path point: reachable, and (in constructors of derived
// classes) whether super() was called on some / every path reaching it.
typedef struct AnPath {
    bool live, some, every;
} AnPath;

// Joins two incoming paths (dead paths do not count).
static inline AnPath an_path_join(AnPath a, AnPath b) {
    if (!a.live) return b;
    if (!b.live) return a;
    AnPath r = {true, a.some || b.some, a.every && b.every};
    return r;
}

typedef struct AnJump {
    struct AnJump *up;
    PsNode *node;        // loop, SWITCH_STMT, or LABELED_STMT
    const char *label;   // LABELED_STMT: its name (label_len bytes)
    uint32_t label_len;
    bool loop;
    AnPath brk, cont;    // joined states of the breaks / continues that target it
    struct AnTryCtx *try_at;  // innermost try open when the target was entered
} AnJump;

typedef struct AnTryCtx {
    struct AnTryCtx *up;
    uint8_t position;    // 0 try block, 1 catch, 2 finally
    bool has_finalizer;
    bool thrown;         // a throwable point of the try block (or catch with finally) was live
    bool leaving;        // a live return/break/continue/throw left through the finally block
    AnPath thr;          // joined states of the throwing points (catch entry)
} AnTryCtx;

typedef struct AnFlow {
    struct AnFlow *up;
    AnPath cur;          // the current point: reachable, super() called
    AnJump *jumps;       // innermost jump target
    AnTryCtx *tries;     // innermost try statement of this function
    PsNode *fn;          // function node, or PROGRAM / STATIC_BLOCK / class field
    int8_t accessor;     // fn is a getter (1), a setter (2), neither (0); -1: not known yet
    uint32_t yields;     // yield expressions directly in fn (require-yield)
    // Constructor of a derived class (constructor-super, no-this-before-super).
    bool ctor;
    bool super_ok;       // the superclass may be a constructor
    AnPath ret;          // joined states of the paths that return
    uint32_t valid_from; // first entry of L->super_calls made in this function
} AnFlow;

typedef struct AnPendingFix {
    uint32_t diag;       // index in res->diags
    AnFix *fix;
} AnPendingFix;

// A name defined as a global (environments, configuration, comments).
typedef struct AnGlobalDef {
    const char *name;
    uint32_t len;
    uint8_t mode;        // AnGlobalMode
    bool builtin;        // from the ECMAScript environment
    bool configured;     // defined by an environment or configuration (before comments)
    uint32_t comment_start, comment_end;  // `/* global */` entry span, or 0/0
} AnGlobalDef;

// Open-addressing table of AnGlobalDef, power-of-two capacity.
typedef struct AnGlobalTable {
    AnGlobalDef *items;
    uint32_t cap, len;
} AnGlobalTable;

struct AnLint {
    AnResult *res;
    const PsParse *parse;
    const char *src;
    uint32_t len;
    const AnOptions *ao;
    bool module;
    bool on[AN_RULE_COUNT];
    uint8_t sev[AN_RULE_COUNT];  // OchSeverity of enabled rules
    AnLintOpts o;
    OchArena *arena;             // = &res->arena
    OchArena tmp;                // scratch for the run
    OchArena re_arena;           // regexp pattern trees (lint_regex.c)
    AnPtrMap re_checked;         // regexp literals already checked as RegExp() arguments

    AnHookList enter[PS_NODE_KIND_COUNT], leave[PS_NODE_KIND_COUNT];
    uint8_t kind_flags[PS_NODE_KIND_COUNT];  // AN_KF_*: what the walk does per kind
    bool any_hooks;

    // Ancestors of the node being visited: stack[depth - 1] is its parent
    // while hooks run (the node itself is not on the stack).
    PsNode **stack;
    uint32_t depth, cap;

    // Reachability (lint_walk.c).
    AnFlow *flow;
    bool need_flow;              // callbacks of the code-path rules are wanted
    bool super_rules;            // constructor-super or no-this-before-super is on
    OCH_VEC(PsNode *) super_calls;  // valid super() calls of open constructors (duplicates in loops)
    bool unreach_on;             // no-unreachable is on
    // no-unreachable: the pending range of consecutive unreachable statements.
    uint32_t unreach_start, unreach_end;
    bool unreach_open;

    // Fixes by diagnostic index.
    OCH_VEC(AnPendingFix) fixes;
    // Statements holding a syntax error (innermost), to drop findings in.
    OCH_VEC(OchSpan) err_stmts;
    OCH_VEC(OchSpan) err_ranges;  // final, sorted
    uint32_t first_diag;          // res->diags entries before this are early errors

    // Globals (lint_globals.c): the shared table of the configuration and
    // this file's overlay of comment entries, looked up first.
    const AnGlobalTable *globals_base;
    AnGlobalTable globals;
    bool globals_ready;
    OCH_VEC(OchSpan) global_dups;  // later `/* global */` entries of a name already in one
    OCH_VEC(OchSpan) exported;     // names in `/* exported */` comments (source spans)
    // Literal spans (strings, templates, regexps, JSX text) in source order,
    // collected by the walk for the comment scanner.
    OCH_VEC(OchSpan) literals;
    bool collect_literals;       // the walk records literal spans (comment scans need them)
    bool literal_work;           // collect_literals || ws_collect (hookless literal leaves matter)
    OCH_VEC(uint32_t) directives;  // candidate directive comment offsets
    // no-unused-vars facts from the walk: identifier -> index + 1 in uv.
    AnPtrMap uv_map;
    OCH_VEC(AnUvInfo) uv;
    AnPtrMap setters;            // functions that are setters (value of a `set` member)
    AnPtrMap rest_siblings;      // identifiers that are properties next to an object rest
    AnPtrMap array_elems;        // identifiers directly in an array pattern
    AnPtrMap static_block_classes;  // class nodes with a static block
    void *const_loops;           // no-constant-condition: pending loops (lint_expr.c)
    void *priv;                  // no-unused-private-class-members state (lint_decl.c)
    // no-use-before-define: for-in/of loops by head declarator (index + 1)
    AnPtrMap ubd_heads;
    OCH_VEC(PsNode *) ubd_loops;
    // no-irregular-whitespace: spans the skip options need (collected when on)
    bool ws_collect;
    OCH_VEC(OchSpan) ws_strings, ws_regexps, ws_templates, ws_jsx;
};

// The walk (lint_walk.c).
void an_lint_walk(AnLint *L);
// Callbacks of the walk's reachability into lint_flow.c: case i of a
// switch starts (prev_live: the end of case i - 1 is reachable); a
// function's body ends (live: its end is reachable).
void an_lint_flow_fallthrough(AnLint *L, PsSwitch *sw, uint32_t i, bool prev_live);
void an_lint_flow_function_end(AnLint *L, PsNode *fn, bool live);

// Context for option parsing and validation only.
void an_lint_init_for_options(AnLint *L);

// ---------------------------------------------------------------------------
// Registry (lint.c).

// Whether rule (a code) is on in this run.
static inline bool an_lint_is_on(const AnLint *L, OchDiagCode rule) {
    return L->on[an_rule_index(rule)];
}
// Registers hook for nodes of a kind, on entering (before children) or
// leaving (after children).
void an_lint_on(AnLint *L, PsNodeKind kind, AnLintHook hook);
void an_lint_on_leave(AnLint *L, PsNodeKind kind, AnLintHook hook);

// Reports a finding of rule at [start, end); returns its index in
// res->diags (for an_lint_fix). Message printf-style, complete sentence.
uint32_t an_lint_report(AnLint *L, OchDiagCode rule, uint32_t start, uint32_t end, const char *fmt,
                        ...) OCH_PRINTF(5, 6);
// Attaches a fix to finding diag: nedits edits (copied; text copied into
// the arena). Further calls add alternatives.
void an_lint_fix(AnLint *L, uint32_t diag, const char *title, bool suggestion, uint32_t nedits,
                 const AnEdit *edits);
// One-edit convenience.
void an_lint_fix1(AnLint *L, uint32_t diag, const char *title, bool suggestion, uint32_t start,
                  uint32_t end, const char *text);

// Parent (k = 0) and further ancestors of the node being visited, or NULL.
static inline PsNode *an_lint_parent(const AnLint *L, uint32_t k) {
    return k < L->depth ? L->stack[L->depth - 1 - k] : NULL;
}

// ---------------------------------------------------------------------------
// Rule families: registration (hooks for enabled rules), and steps after
// the walk. Each family lists its rules in lint.c's table.
void an_lint_register_scope(AnLint *L);
void an_lint_finish_scope(AnLint *L);
void an_lint_register_expr(AnLint *L);
void an_lint_expr_free(AnLint *L);
void an_lint_register_decl(AnLint *L);
void an_lint_decl_free(AnLint *L);
void an_lint_register_flow(AnLint *L);
void an_lint_finish_flow(AnLint *L);
void an_lint_register_regex(AnLint *L);
void an_lint_register_usedef(AnLint *L);
void an_lint_use_before_define_binding(AnLint *L, const AnBinding *b);
void an_lint_usedef_free(AnLint *L);

// Option parsers: read rule options (the JSON array) into L->o; false with
// a message in err when invalid. NULL in the table: the rule takes none.
typedef bool (*AnOptionsFn)(AnLint *L, const AnJson *opts, OchBuf *err);
bool an_opts_no_undef(AnLint *L, const AnJson *a, OchBuf *err);
bool an_opts_no_unused_vars(AnLint *L, const AnJson *a, OchBuf *err);
bool an_opts_no_fallthrough(AnLint *L, const AnJson *a, OchBuf *err);
bool an_opts_no_empty(AnLint *L, const AnJson *a, OchBuf *err);
bool an_opts_no_cond_assign(AnLint *L, const AnJson *a, OchBuf *err);
bool an_opts_no_constant_condition(AnLint *L, const AnJson *a, OchBuf *err);
bool an_opts_valid_typeof(AnLint *L, const AnJson *a, OchBuf *err);
bool an_opts_use_isnan(AnLint *L, const AnJson *a, OchBuf *err);
bool an_opts_getter_return(AnLint *L, const AnJson *a, OchBuf *err);
bool an_opts_no_self_assign(AnLint *L, const AnJson *a, OchBuf *err);
bool an_opts_no_redeclare(AnLint *L, const AnJson *a, OchBuf *err);
bool an_opts_no_unsafe_negation(AnLint *L, const AnJson *a, OchBuf *err);
bool an_opts_no_empty_pattern(AnLint *L, const AnJson *a, OchBuf *err);
bool an_opts_no_global_assign(AnLint *L, const AnJson *a, OchBuf *err);
bool an_opts_no_shadow_restricted_names(AnLint *L, const AnJson *a, OchBuf *err);
bool an_opts_no_invalid_regexp(AnLint *L, const AnJson *a, OchBuf *err);
bool an_opts_no_unsafe_optional_chaining(AnLint *L, const AnJson *a, OchBuf *err);
bool an_opts_no_irregular_whitespace(AnLint *L, const AnJson *a, OchBuf *err);
bool an_opts_no_inner_declarations(AnLint *L, const AnJson *a, OchBuf *err);
bool an_opts_no_useless_escape(AnLint *L, const AnJson *a, OchBuf *err);
bool an_opts_no_constant_binary_expression(AnLint *L, const AnJson *a, OchBuf *err);
bool an_opts_no_misleading_character_class(AnLint *L, const AnJson *a, OchBuf *err);
bool an_opts_no_use_before_define(AnLint *L, const AnJson *a, OchBuf *err);
// no-irregular-whitespace, after the walk (lint_text.c).
void an_lint_irregular_whitespace(AnLint *L);

// Option helpers: the single object option of a rule (opts[0]) checked
// against the allowed keys (NULL-terminated list); NULL when absent.
bool an_opts_object(const AnJson *a, const char *const *keys, const AnJson **obj, OchBuf *err);
bool an_opts_bool(const AnJson *obj, const char *key, bool *out, OchBuf *err);
// A string option that must be one of values (NULL-terminated); *out gets
// its index.
bool an_opts_enum(const AnJson *v, const char *what, const char *const *values, uint8_t *out,
                  OchBuf *err);

// ---------------------------------------------------------------------------
// Globals (lint_globals.c): environments, configuration, `/* global */`
// comments. Built on first use.
const AnGlobalDef *an_lint_global(AnLint *L, const char *name, uint32_t len);
// Calls fn for every name a directive comment defined or changed in this
// file (including `off` ones); names only the configuration defines have
// no comment span and are skipped.
void an_lint_globals_each(AnLint *L, void (*fn)(AnLint *L, const AnGlobalDef *g, void *ctx),
                          void *ctx);
void an_lint_globals_free(AnLint *L);
// Whether a `/* exported a, b */` comment names the identifier (no-unused-vars).
bool an_lint_exported(AnLint *L, const char *name, uint32_t len);

// ---------------------------------------------------------------------------
// Source text helpers (lint_text.c).

// Calls fn for each comment in [start, end), which must lie between tokens
// (no string, template or regexp inside): body is the comment's text
// without its delimiters. Returns false when fn stopped the scan.
typedef bool (*AnCommentFn)(AnLint *L, uint32_t start, uint32_t end, const char *body,
                            uint32_t body_len, bool block, void *ctx);
bool an_lint_comments_in_gap(AnLint *L, uint32_t start, uint32_t end, AnCommentFn fn, void *ctx);
// Calls fn for every comment of the file (uses the literal spans the walk
// collected). O(n).
void an_lint_comments_all(AnLint *L, AnCommentFn fn, void *ctx);
// Before the walk: finds the `/*` whose text starts (after blanks) with
// `global` or `eslint-env` (O(n), a memchr scan for '/'), and asks the walk
// to collect literal spans when there is one.
void an_lint_scan_directives(AnLint *L);
// Calls fn, in source order, for each of those that is a real comment (not
// in a string, template, regexp or line comment; a `/*` inside another
// block comment is not told apart).
void an_lint_directive_comments(AnLint *L, AnCommentFn fn, void *ctx);
// Whether [start, end) holds only whitespace.
bool an_lint_blank(const AnLint *L, uint32_t start, uint32_t end);
// Number of line terminators (LF, CR, CRLF, U+2028/9) in [start, end).
uint32_t an_lint_newlines(const AnLint *L, uint32_t start, uint32_t end);

// ---------------------------------------------------------------------------
// AST helpers shared by rules (lint_util.c).

// Strips parentheses (nothing to do: ranges exclude them) and returns the
// node's literal kind, or -1 when it is not a LITERAL.
static inline int an_lit_kind(const PsNode *n) {
    return n && n->kind == PS_NODE_LITERAL ? n->op : -1;
}
static inline bool an_is_ident(const PsNode *n, const char *name) {
    size_t l = strlen(name);
    return n && n->kind == PS_NODE_IDENTIFIER && n->aux == l &&
           memcmp(((const PsIdent *)n)->name, name, l) == 0;
}
// Whether two expressions are the same reference chain for no-self-assign /
// no-self-compare (ESLint's isSameReference / token equality).
bool an_same_tokens(const AnLint *L, const PsNode *a, const PsNode *b);
// The static property name of a member expression's property or a
// property key (identifier, string, number as ECMAScript prints it,
// template without expressions), into buf; false when computed dynamically.
bool an_static_key(const PsNode *key, bool computed, OchBuf *buf);
// The static name of a key without copying when it is an identifier or a
// string (else formatted into arena); false when dynamic.
bool an_key_view(OchArena *arena, const PsNode *key, bool computed, const char **s, uint32_t *len);
// Whether a key's static name is name (identifiers, strings, templates
// without expressions; numbers never match). No allocation in the common
// cases.
bool an_key_is(const PsNode *key, bool computed, const char *name);
// The reference of an identifier node (analysis), or NULL.
AnRef *an_lint_ref(const AnLint *L, const PsNode *ident);
// Whether an identifier refers to the global (unresolved or not shadowed)
// with that name: not a local binding.
bool an_lint_is_global_ref(const AnLint *L, const PsNode *ident, const char *name);

#endif
