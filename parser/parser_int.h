// Internal state and helpers of the recursive-descent parser, shared by
// parser.c (entry, tokens, diagnostics), parse_expr.c, parse_stmt.c,
// parse_func.c (functions, classes), parse_pattern.c (binding patterns and
// cover-grammar reinterpretation), parse_module.c and parse_jsx.c.
//
// Conventions:
// - The current token is p->lx.tok; ps_next() consumes it and records its
//   end in p->prev_end, which is where a node that ends at the consumed
//   token ends (node->end = p->prev_end).
// - Every parse function returns a non-NULL node. Where nothing parseable
//   was found it returns a zero-width PS_NF_MISSING node (or an ERROR node
//   that consumed the offending token), so the tree is always complete.
// - Strict mode (the engine) stops at the first error: ps_error() records
//   it and turns the token stream into EOF, so every loop ends and the
//   recursion unwinds without longjmp.
// - Lists are collected on a scratch stack (ps_push) and copied once into
//   an exact-size arena array (ps_list_take).
#ifndef OCHRE_PARSER_PARSER_INT_H
#define OCHRE_PARSER_PARSER_INT_H

#include <string.h>

#include "lexer.h"
#include "parser.h"

// "No position" for the optional offsets below.
#define PS_NOPOS UINT32_MAX

// Deepest nesting of expressions and statements the parser follows before
// reporting "nesting too deep" (bounds the C stack, also under ASan).
#define PS_MAX_DEPTH 1000

// Context bits (PsParser.ctx): what the code being parsed may contain.
#define PS_CTX_STRICT 0x0001u        // strict mode code
#define PS_CTX_YIELD 0x0002u         // `yield` is an operator (generator)
#define PS_CTX_AWAIT 0x0004u         // `await` is an operator (async function, module top level)
#define PS_CTX_RETURN 0x0008u        // inside a function body: `return` allowed
#define PS_CTX_NEW_TARGET 0x0010u    // `new.target` allowed
#define PS_CTX_SUPER_PROP 0x0020u    // `super.x` allowed (methods, fields, static blocks)
#define PS_CTX_SUPER_CALL 0x0040u    // `super()` allowed (derived class constructors)
#define PS_CTX_PARAMS 0x0080u        // formal parameters of the current function
#define PS_CTX_FIELD_INIT 0x0100u    // class field initializer or static block: no `arguments`
#define PS_CTX_STATIC_BLOCK 0x0200u  // class static block: `await` reserved
#define PS_CTX_AWAIT_RESERVED 0x0400u  // `await` is not an identifier (field initializer in async code)

// Expression flags passed down the expression parsers.
#define PS_EF_NO_IN 0x01u  // `in` is not an operator here (for-statement init)

// Where a statement list is (what declarations it may hold).
typedef enum PsStmtCtx {
    PS_SL_SCRIPT,    // top level of a script
    PS_SL_MODULE,    // top level of a module (import/export)
    PS_SL_FUNCTION,  // function body, static block
    PS_SL_BLOCK,     // block statement
    PS_SL_CASE,      // switch case clause (no `using`)
} PsStmtCtx;

// Pattern-only constructs seen while parsing an expression that may still
// be reinterpreted as a destructuring pattern (the cover grammar): errors if
// it stays an expression, or errors only if it becomes a pattern.
typedef struct PsCover {
    uint32_t shorthand_init;  // `{a = 1}`: error unless it becomes a pattern
    uint32_t double_proto;    // second `__proto__:`: error unless a pattern
    uint32_t trailing_comma;  // `[...a,]`: error if it becomes a pattern
} PsCover;

// Label stack entry (for duplicate labels and break/continue targets).
typedef struct PsLabel {
    const char *name;
    uint32_t len;
    uint32_t stmt_start;  // start of the labelled statement (chains `a: b: while`)
    bool loop;            // labels an iteration statement (valid `continue` target)
} PsLabel;

// A private name declared in a class body or referenced in it.
typedef struct PsPrivName {
    const char *name;
    uint32_t len;
    uint32_t start, end;
    uint8_t kind;  // PS_PRIV_* (declarations); 0 for references
    bool is_static;
} PsPrivName;

#define PS_PRIV_FIELD 1
#define PS_PRIV_METHOD 2
#define PS_PRIV_GETTER 3
#define PS_PRIV_SETTER 4

typedef struct PsParser {
    PsLexer lx;           // current token in lx.tok
    PsParse *res;
    OchArena *arena;      // = &res->arena
    OchDiagList *diags;   // = &res->diags
    const char *src;
    uint32_t len;
    uint32_t prev_end;    // end offset of the last consumed token
    uint32_t ndiags;      // diagnostics seen so far (to notice the lexer's)
    uint32_t ctx;         // PS_CTX_*
    bool module;
    bool tolerant;
    bool jsx;
    bool decorators;
    bool annex_b;
    bool stopped;         // no more tokens (strict mode after an error, nesting too deep)
    bool too_deep;
    bool stmt_body;       // the next statement is the body of an if/loop/with
    uint32_t depth;       // current nesting of statements and expressions

    // Incremental re-parse (incremental.c): called after each item of the
    // outermost statement list being parsed (body_level 1), with the next
    // token current; returning true ends that list there.
    bool (*item_hook)(struct PsParser *p, void *ctx);
    void *item_hook_ctx;
    uint32_t body_level;  // nesting of ps_parse_body_items calls
    bool prologue_open;   // at the hook: the list's directive prologue goes on

    // Cover grammar for arrow functions: the start of the assignment
    // expression that may be an arrow, and the first yield/await
    // expressions and `await` identifiers since the last reset (arrow
    // parameters may not contain them).
    uint32_t potential_arrow_at;
    uint32_t yield_pos, await_pos, await_ident_pos;

    // Scratch stack for lists.
    PsNode **scratch;
    uint32_t sp, scratch_cap;

    // Labels and break/continue targets of the current function.
    OCH_VEC(PsLabel) labels;
    uint32_t label_base;   // first label of the current function
    uint32_t loop_depth;   // enclosing iteration statements in this function
    uint32_t break_depth;  // enclosing iteration and switch statements

    // Private names: declarations and unresolved references of the classes
    // being parsed (class_decl_base/class_ref_base mark the innermost one).
    OCH_VEC(PsPrivName) priv_decls;
    OCH_VEC(PsPrivName) priv_refs;
    uint32_t class_decl_base, class_ref_base;
    uint32_t class_depth;

    uint32_t last_octal_pos;  // legacy octal escape [pos, end) of the last string literal parsed
    uint32_t last_octal_end;
    uint32_t recover_at;      // token where a statement lacked its ';' (tolerant mode), or PS_NOPOS
    uint32_t missing_at;      // position of a MISSING node made since the last token, or 0
} PsParser;

// ---------------------------------------------------------------------------
// Tokens (parser.c).

// Consumes the current token and scans the next one.
void ps_next_slow(PsParser *p);
static inline void ps_next(PsParser *p) {
    p->prev_end = p->lx.tok.end;
    p->missing_at = 0;
    if (OCH_UNLIKELY(p->stopped)) return;
    ps_lexer_next(&p->lx);
    if (OCH_UNLIKELY(p->diags->v.len != p->ndiags)) ps_next_slow(p);
}

static inline PsToken *ps_tok(PsParser *p) { return &p->lx.tok; }
static inline bool ps_at(const PsParser *p, PsTok t) { return p->lx.tok.type == t; }
// An unescaped keyword or contextual keyword.
static inline bool ps_at_kw(const PsParser *p, PsKeyword kw) {
    return p->lx.tok.kw == kw && !(p->lx.tok.flags & PS_TF_ESCAPED);
}
static inline bool ps_newline_before(const PsParser *p) {
    return (p->lx.tok.flags & PS_TF_NEWLINE_BEFORE) != 0;
}
static inline bool ps_strict(const PsParser *p) { return (p->ctx & PS_CTX_STRICT) != 0; }

// Consumes the token if it has type t.
static inline bool ps_eat(PsParser *p, PsTok t) {
    if (p->lx.tok.type != t) return false;
    ps_next(p);
    return true;
}
static inline bool ps_eat_kw(PsParser *p, PsKeyword kw) {
    if (!ps_at_kw(p, kw)) return false;
    ps_next(p);
    return true;
}

// The token after the current one, without consuming anything.
void ps_peek(PsParser *p, PsToken *out);
// The two tokens after the current one.
void ps_peek2(PsParser *p, PsToken *first, PsToken *second);

// Consumes a token of type t, or reports "expected <what>" (tolerant mode
// then goes on as if it had been there). Returns whether it was there.
bool ps_expect(PsParser *p, PsTok t, const char *what);
// Consumes a closing bracket; if missing, reports it with the opening
// bracket as a related location and, at EOF, marks the parse incomplete.
bool ps_expect_close(PsParser *p, PsTok t, uint32_t open_start, const char *construct);
// Automatic semicolon insertion: consumes `;` or accepts a newline, `}` or
// EOF; else reports a missing semicolon.
void ps_semicolon(PsParser *p);
// Whether a semicolon may be inserted before the current token.
static inline bool ps_can_insert_semicolon(const PsParser *p) {
    PsTok t = (PsTok)p->lx.tok.type;
    return t == PS_TOK_SEMICOLON || t == PS_TOK_RBRACE || t == PS_TOK_EOF ||
           (p->lx.tok.flags & PS_TF_NEWLINE_BEFORE);
}

// Switches strict mode (also tells the lexer, for legacy octal literals).
static inline void ps_set_strict(PsParser *p, bool strict) {
    if (strict)
        p->ctx |= PS_CTX_STRICT;
    else
        p->ctx &= ~PS_CTX_STRICT;
    p->lx.strict = strict;
}

// ---------------------------------------------------------------------------
// Diagnostics (parser.c). All no-ops once the parse stopped.
OchDiag *ps_error(PsParser *p, OchDiagCode code, uint32_t start, uint32_t end, const char *fmt,
                  ...) OCH_PRINTF(5, 6);
// Error at the current token.
OchDiag *ps_error_at_tok(PsParser *p, OchDiagCode code, const char *fmt, ...) OCH_PRINTF(3, 4);
// "unexpected <token>" at the current token, with an optional hint.
void ps_error_unexpected(PsParser *p, const char *hint);
// Short printable description of the current token ("')'", "keyword 'if'").
const char *ps_tok_desc(PsParser *p);
// Whether an error stopped the parse (strict mode): callers may bail out.
static inline bool ps_failed(const PsParser *p) { return p->stopped; }

// Reports "nesting too deep" once and stops the parse.
void ps_report_too_deep(PsParser *p);
// Enters one level of nesting; false (after reporting once) when too deep.
static inline bool ps_enter(PsParser *p) {
    if (OCH_LIKELY(++p->depth < PS_MAX_DEPTH)) return true;
    ps_report_too_deep(p);
    return false;
}
static inline void ps_leave(PsParser *p) { p->depth--; }

// ---------------------------------------------------------------------------
// Nodes and lists (parser.c).

static inline void *ps_node_new(PsParser *p, PsNodeKind kind, size_t size, uint32_t start) {
    PsNode *n = och_arena_alloc(p->arena, size);
    memset(n, 0, size);
    n->kind = (uint8_t)kind;
    n->start = start;
    n->end = start;
    p->res->node_count++;
    return n;
}
#define PS_NEW(p, T, KIND, start) ((T *)ps_node_new((p), PS_NODE_##KIND, sizeof(T), (start)))
// Where a node that ends now ends: after the last consumed token, or at a
// MISSING node created since (it sits at the next token's start), and
// never before the node's own start.
static inline uint32_t ps_end_pos(const PsParser *p, uint32_t start) {
    uint32_t end = p->prev_end;
    if (OCH_UNLIKELY(p->missing_at > end)) end = p->missing_at;
    return end < start ? start : end;
}
// Ends a node at the last consumed token (see ps_end_pos). A node that
// consumed nothing (recovery) becomes zero-width where it was expected, so
// it stays inside its parent.
static inline void *ps_finish(PsParser *p, void *node) {
    PsNode *n = node;
    uint32_t end = p->prev_end;
    if (OCH_UNLIKELY(p->missing_at > end)) end = p->missing_at;
    if (OCH_UNLIKELY(end < n->start)) n->start = end;
    n->end = end;
    return node;
}

void ps_scratch_grow(PsParser *p);
static inline void ps_push(PsParser *p, PsNode *n) {
    if (OCH_UNLIKELY(p->sp == p->scratch_cap)) ps_scratch_grow(p);
    p->scratch[p->sp++] = n;
}
// Tolerant mode, after a statement whose semicolon was missing: skips the
// rest of the broken statement into an ERROR node pushed on the scratch
// stack (for statement-list and class-body loops).
void ps_recover_after(PsParser *p);
// Moves scratch[mark..sp) into an arena list and pops them.
PsList ps_list_take(PsParser *p, uint32_t mark);

// Zero-width node flagged MISSING at pos (an identifier with an empty name).
PsNode *ps_missing(PsParser *p, uint32_t pos);
// ERROR node covering the current token, which it consumes.
PsNode *ps_error_node_skip(PsParser *p);

// ---------------------------------------------------------------------------
// Identifiers (parse_expr.c).

// Identifier node for the current IDENT token (any word), consumed.
PsNode *ps_ident_any(PsParser *p);
// Checks that the current IDENT token can be an IdentifierReference or
// BindingIdentifier here (reserved words, strict mode, yield/await) and
// reports otherwise. binding: also rejects eval/arguments in strict mode.
void ps_check_ident(PsParser *p, const PsToken *t, bool binding);
// Parses a BindingIdentifier (or reports and returns a MISSING node).
PsNode *ps_binding_ident(PsParser *p);
// Whether the current token can start an expression.
bool ps_tok_starts_expr(const PsParser *p);

// ---------------------------------------------------------------------------
// Expressions (parse_expr.c).
PsNode *ps_parse_expression(PsParser *p, unsigned ef, PsCover *cover);
PsNode *ps_parse_assign(PsParser *p, unsigned ef, PsCover *cover);
// LeftHandSideExpression (class heritage).
PsNode *ps_parse_lhs(PsParser *p);
// Property name of an object literal or class member: identifier, string,
// number, bigint, `[computed]` (sets *computed), or with allow_private a
// `#name`.
PsNode *ps_parse_property_name(PsParser *p, bool *computed, bool allow_private);
// Template literal starting at the current TEMPLATE/TEMPLATE_HEAD token.
PsNode *ps_parse_template(PsParser *p, bool tagged);
// Reports pending pattern-only errors of a cover.
void ps_cover_report(PsParser *p, const PsCover *c);
static inline void ps_cover_init(PsCover *c) {
    c->shorthand_init = c->double_proto = c->trailing_comma = PS_NOPOS;
}
// Call arguments `( ... )`, current token `(`. Returns the end is p->prev_end.
PsList ps_parse_arguments(PsParser *p, PsCover *cover);
// Whether a node is a literal string (for directives and module names).
static inline bool ps_is_string_lit(const PsNode *n) {
    return n->kind == PS_NODE_LITERAL && n->op == PS_LIT_STRING;
}
// Whether the identifier node has the given name.
static inline bool ps_ident_is(const PsNode *n, const char *name, uint32_t len) {
    const PsIdent *id = (const PsIdent *)n;
    return n->kind == PS_NODE_IDENTIFIER && n->aux == len && memcmp(id->name, name, len) == 0;
}

// ---------------------------------------------------------------------------
// Patterns (parse_pattern.c).

// BindingIdentifier or BindingPattern.
PsNode *ps_parse_binding_target(PsParser *p);
// BindingElement: target with an optional `= default`.
PsNode *ps_parse_binding_element(PsParser *p);
// Reinterprets an expression as an assignment target for `=` (patterns
// allowed), in place. Reports invalid targets. Returns the node.
PsNode *ps_to_assign_target(PsParser *p, PsNode *n, const PsCover *cover);
// Checks a simple assignment target (compound assignment, ++/--).
// allow_call: Annex B lets sloppy code assign to a call (not with &&= ||= ??=).
void ps_check_simple_target(PsParser *p, PsNode *n, const char *what, bool allow_call);
// Reinterprets the items of a parenthesized list / call arguments as arrow
// parameters, in place. Returns false after reporting an error.
void ps_to_params(PsParser *p, PsNode **items, uint32_t count, const PsCover *cover);
// Whether a binding pattern binds the given name.
bool ps_pattern_binds(const PsNode *n, const char *name, uint32_t len);
// Whether every parameter is a plain identifier.
bool ps_params_simple(const PsList *params);
// Checks parameter names after the body turned out strict or for
// functions whose parameters must be unique (arrows, methods, strict or
// non-simple lists).
void ps_check_params(PsParser *p, const PsList *params, bool strict_now, bool unique);

// ---------------------------------------------------------------------------
// Statements (parse_stmt.c).
PsNode *ps_parse_statement_list_item(PsParser *p, PsStmtCtx where);
PsNode *ps_parse_statement(PsParser *p);
// `{ StatementList }` as a BLOCK node (current token `{`).
PsNode *ps_parse_block(PsParser *p);
// Statements until `}` or EOF, pushed on the scratch stack.
void ps_parse_statements_until_rbrace(PsParser *p, PsStmtCtx where);
// Whether the token is a keyword that starts a statement (var, if, for,
// function, class...): where tolerant recovery resynchronizes.
bool ps_is_statement_keyword(const PsToken *t);
// Skips tokens after an error until a statement can start (tolerant mode);
// returns an ERROR node covering them, or NULL when nothing was skipped.
PsNode *ps_recover_statement(PsParser *p);
// var/let/const/using declaration list (after the keyword). kind: PsVarKind.
PsNode *ps_parse_var_decl(PsParser *p, uint32_t start, PsVarKind kind, unsigned ef, bool in_for);

// ---------------------------------------------------------------------------
// Functions and classes (parse_func.c).
#define PS_FN_DECL 0x01u       // declaration (name required unless default export)
#define PS_FN_ASYNC 0x02u
#define PS_FN_DEFAULT 0x04u    // `export default function` (name optional)
#define PS_FN_STATEMENT 0x08u  // declaration in a single-statement position (Annex B)
// `function` ... (current token `function`); start is the first token's
// start (`async` when async).
PsNode *ps_parse_function(PsParser *p, uint32_t start, unsigned fl);
// Method value (FUNCTION_EXPR starting at `(`) for objects and classes.
#define PS_M_GENERATOR 0x01u
#define PS_M_ASYNC 0x02u
#define PS_M_GETTER 0x04u
#define PS_M_SETTER 0x08u
#define PS_M_CONSTRUCTOR 0x10u
#define PS_M_DERIVED 0x20u
#define PS_M_CLASS 0x40u
PsNode *ps_parse_method(PsParser *p, unsigned mf);
// Arrow function from already parsed (converted) parameters; current token
// `=>`. params are scratch[mark..sp).
PsNode *ps_parse_arrow(PsParser *p, uint32_t start, uint32_t mark, bool is_async, unsigned ef);
// Class declaration or expression (current token `class`).
PsNode *ps_parse_class(PsParser *p, uint32_t start, bool is_decl, bool name_optional,
                       PsList decorators);
// `@decorator` list (opts->decorators), pushed and taken as a list.
PsList ps_parse_decorators(PsParser *p);

// Private name reference `#x` (current token PRIVATE_NAME), consumed.
PsNode *ps_parse_private_ref(PsParser *p);

// Saved per-function state (labels, loops), reset when entering a function.
typedef struct PsFnSave {
    uint32_t ctx;
    uint32_t label_base, loop_depth, break_depth;
    uint32_t yield_pos, await_pos, await_ident_pos;
} PsFnSave;
void ps_fn_enter(PsParser *p, PsFnSave *save, uint32_t ctx);
void ps_fn_leave(PsParser *p, const PsFnSave *save);
// Function body `{ ... }` with its directive prologue, in the context set
// up by ps_fn_enter; leaves that context (ps_fn_leave with save) before
// consuming the closing `}` so the next token is lexed in the outer mode.
// *became_strict: a "use strict" directive switched modes; *strict: the
// body is strict code.
PsNode *ps_parse_function_body(PsParser *p, bool simple_params, const PsFnSave *save,
                               bool *became_strict, bool *strict);

// ---------------------------------------------------------------------------
// Modules (parse_module.c). Current token `import` / `export`.
PsNode *ps_parse_import_decl(PsParser *p);
PsNode *ps_parse_export_decl(PsParser *p);
// `import(...)` / `import.meta` (current token `import`), for expressions.
PsNode *ps_parse_import_expr(PsParser *p);

// ---------------------------------------------------------------------------
// JSX (parse_jsx.c). Current token `<` in expression position.
PsNode *ps_parse_jsx(PsParser *p);

// Statement list with its directive prologue until `}` (PS_SL_FUNCTION) or
// EOF, items pushed on the scratch stack. Returns true when a "use strict"
// directive switched to strict mode (the caller restores the mode).
bool ps_parse_body_items(PsParser *p, PsStmtCtx where, bool simple_params);
// The same, starting after the directive prologue when in_prologue is
// false (incremental re-parse of statements in the middle of a list).
bool ps_parse_body_items_from(PsParser *p, PsStmtCtx where, bool simple_params, bool in_prologue);

// Sets PS_NF_HAS_ERROR on the nodes of the subtree at root that are ERROR
// or MISSING or hold a diagnostic of diags (sorted), and on their
// ancestors within the subtree (parser.c).
void ps_mark_errors(PsNode *root, const OchDiagList *diags);
// Whether a diagnostic of diags (sorted) lies in [start, end) or is
// zero-width at end: what makes a node PS_NF_HAS_ERROR (parser.c).
bool ps_range_has_diag(const OchDiagList *diags, uint32_t start, uint32_t end);

// Frees the pending lazy shifts of an incremental re-parse (incremental.c).
void ps_incr_pending_free(PsParse *parse);

// Diagnostic codes are named PS_E_* (diag_codes_parse.h).

#endif
