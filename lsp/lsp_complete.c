// Completion: the bindings visible at the cursor (innermost first, from
// the analyzer's scope chain), the built-in globals, the keywords valid
// there, and after `X.` the static members of a built-in global X (when no
// local binding shadows it). Candidates are filtered by the identifier
// prefix before the cursor (case-insensitively; the editor refines).
//
// Keywords depend on the position: a statement position (start of the
// file, after `;`, `{`, `}`, after a line break that ends an expression,
// after `if (...)`) allows declarations and statements, an expression
// position only expression keywords; `await` only in async functions and
// at module top level, `yield` only in generators, `return` only in
// functions, `break`/`continue`/`case` only inside loops and switches,
// `import`/`export` declarations only at module top level, `with` only in
// sloppy code, `super` only in methods.
#include <string.h>

#include "lsp_int.h"

// CompletionItemKind.
#define CK_METHOD 2
#define CK_FUNCTION 3
#define CK_FIELD 5
#define CK_VARIABLE 6
#define CK_CLASS 7
#define CK_MODULE 9
#define CK_PROPERTY 10
#define CK_KEYWORD 14
#define CK_CONSTANT 21

#define MAX_ITEMS 2000u

typedef struct Comp {
    LspServer *s;
    const char *prefix;
    uint32_t plen;
    json_t *items;
    json_t *seen;  // object used as a set of labels
    uint32_t count;
} Comp;

static bool ident_char(unsigned char c) {
    return c >= 0x80 || c == '$' || c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9');
}

static char lower(char c) { return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c; }

static bool matches(const Comp *c, const char *name, uint32_t len) {
    if (len < c->plen) return false;
    for (uint32_t i = 0; i < c->plen; i++)
        if (lower(name[i]) != lower(c->prefix[i])) return false;
    return true;
}

static void add(Comp *c, const char *name, uint32_t len, int kind, const char *detail, const char *sort) {
    if (c->count >= MAX_ITEMS || !matches(c, name, len) || len == 0 || len > 200) return;
    char key[204];
    memcpy(key, name, len);
    key[len] = 0;
    if (strlen(key) != len || json_object_get(c->seen, key)) return;  // NUL inside, or a duplicate
    json_object_set_new(c->seen, key, json_true());
    json_t *it = json_pack("{s:o,s:i}", "label", lsp_json_str(name, len), "kind", kind);
    if (detail) json_object_set_new(it, "detail", json_string(detail));
    // sortText: group, then the name (innermost bindings come first anyway).
    char sk[220];
    snprintf(sk, sizeof sk, "%s%s", sort, key);
    json_object_set_new(it, "sortText", lsp_json_str(sk, strlen(sk)));
    json_array_append_new(c->items, it);
    c->count++;
}

static int binding_kind(const AnBinding *b, const char **detail) {
    *detail = an_binding_kind_name(b->kind);
    switch ((AnBindingKind)b->kind) {
    case AN_BIND_FUNCTION:
    case AN_BIND_FUNCTION_NAME: return CK_FUNCTION;
    case AN_BIND_CLASS:
    case AN_BIND_CLASS_NAME: return CK_CLASS;
    case AN_BIND_CONST:
    case AN_BIND_USING:
    case AN_BIND_AWAIT_USING: return (b->flags & AN_BF_FN_INIT) ? CK_FUNCTION : CK_CONSTANT;
    case AN_BIND_IMPORT: return CK_MODULE;
    default: return (b->flags & AN_BF_FN_INIT) ? CK_FUNCTION : CK_VARIABLE;
    }
}

static int builtin_kind(LspBuiltinKind k) {
    switch (k) {
    case LSP_BI_CLASS: return CK_CLASS;
    case LSP_BI_NAMESPACE: return CK_MODULE;
    case LSP_BI_FUNCTION: return CK_FUNCTION;
    default: return CK_CONSTANT;
    }
}

// Position analysis --------------------------------------------------------------------

typedef struct Ctx {
    bool statement;     // a statement may start here
    bool in_function;   // return
    bool await_ok, yield_ok, super_ok, with_ok;
    bool in_loop, in_switch;
    bool module_top;    // import/export declarations
    bool after_brace;   // else/catch/finally may follow
} Ctx;

// The offset after skipping whitespace backwards from p; *newline tells
// whether a line break was skipped.
static uint32_t skip_back(const char *src, uint32_t p, bool *newline) {
    *newline = false;
    while (p > 0) {
        char c = src[p - 1];
        if (c == '\n' || c == '\r') *newline = true;
        else if (c != ' ' && c != '\t') break;
        p--;
    }
    return p;
}

static bool word_before(const char *src, uint32_t p, const char *w) {
    size_t n = strlen(w);
    if (p < n || memcmp(src + p - n, w, n) != 0) return false;
    return p == n || !ident_char((unsigned char)src[p - n - 1]);
}

static bool statement_position(const char *src, uint32_t p) {
    bool nl;
    uint32_t q = skip_back(src, p, &nl);
    if (q == 0) return true;
    char c = src[q - 1];
    if (c == ';' || c == '{' || c == '}') return true;
    if (c == ')') {
        // `if (...)`, `for (...)`, `while (...)`, `with (...)`.
        int depth = 0;
        uint32_t k = q;
        while (k > 0) {
            char d = src[--k];
            if (d == ')') depth++;
            else if (d == '(' && --depth == 0) break;
            if (q - k > 4096) return nl;
        }
        bool nl2;
        uint32_t w = skip_back(src, k, &nl2);
        if (word_before(src, w, "if") || word_before(src, w, "for") || word_before(src, w, "while") ||
            word_before(src, w, "with"))
            return true;
        return nl;
    }
    if (word_before(src, q, "else") || word_before(src, q, "do")) return true;
    // A line break after a complete expression ends the statement (ASI).
    return nl && (ident_char((unsigned char)c) || c == ']' || c == '\'' || c == '"' || c == '`');
}

static void analyze_position(LspDoc *doc, uint32_t off, uint32_t word_start, Ctx *x) {
    memset(x, 0, sizeof *x);
    const char *src = doc->text.data;
    x->statement = statement_position(src, word_start);
    bool nl;
    uint32_t q = skip_back(src, word_start, &nl);
    x->after_brace = q > 0 && src[q - 1] == '}';
    AnScope *sc = an_scope_at(doc->an, off);
    AnScope *fn = sc->fn ? sc->fn : doc->an->root;
    x->with_ok = !(sc->flags & AN_SF_STRICT);
    x->module_top = sc == doc->an->root && sc->kind == AN_SCOPE_MODULE;
    if (fn->kind == AN_SCOPE_FUNCTION && fn->node) {
        x->in_function = true;
        x->await_ok = (fn->node->flags & PS_NF_ASYNC) != 0;
        x->yield_ok = (fn->node->flags & PS_NF_GENERATOR) != 0 && !(fn->flags & AN_SF_ARROW);
    } else if (fn->kind == AN_SCOPE_MODULE) {
        x->await_ok = true;
    }
    AnScope *ts = sc->this_scope;
    x->super_ok = ts && (ts->flags & AN_SF_METHOD || ts->kind == AN_SCOPE_CLASS_FIELD || ts->kind == AN_SCOPE_STATIC_BLOCK);
    // Loops and switches between the cursor and the function boundary.
    PsNode *path[256];
    uint32_t n = lsp_node_path(doc->parse->root, off, path, 256);
    for (uint32_t i = n; i > 0; i--) {
        PsNode *p = path[i - 1];
        switch ((PsNodeKind)p->kind) {
        case PS_NODE_FOR_STMT:
        case PS_NODE_FOR_IN_STMT:
        case PS_NODE_FOR_OF_STMT:
        case PS_NODE_WHILE_STMT:
        case PS_NODE_DO_WHILE_STMT: x->in_loop = true; break;
        case PS_NODE_SWITCH_STMT: x->in_switch = true; break;
        case PS_NODE_FUNCTION_DECL:
        case PS_NODE_FUNCTION_EXPR:
        case PS_NODE_ARROW_FUNCTION:
        case PS_NODE_CLASS_BODY: i = 1; break;
        default: break;
        }
    }
}

static void keywords(Comp *c, const Ctx *x) {
    static const char *const expr[] = {"this", "null", "true", "false", "new", "typeof", "void", "delete",
                                       "function", "class", "async", "import", "instanceof", "in"};
    for (size_t i = 0; i < sizeof expr / sizeof expr[0]; i++)
        add(c, expr[i], (uint32_t)strlen(expr[i]), CK_KEYWORD, NULL, "2");
    if (x->await_ok) add(c, "await", 5, CK_KEYWORD, NULL, "2");
    if (x->yield_ok) add(c, "yield", 5, CK_KEYWORD, NULL, "2");
    if (x->super_ok) add(c, "super", 5, CK_KEYWORD, NULL, "2");
    if (!x->statement) return;
    static const char *const stmt[] = {"var", "let", "const", "if", "for", "while", "do", "switch",
                                       "try", "throw", "debugger"};
    for (size_t i = 0; i < sizeof stmt / sizeof stmt[0]; i++)
        add(c, stmt[i], (uint32_t)strlen(stmt[i]), CK_KEYWORD, NULL, "2");
    if (x->in_function) add(c, "return", 6, CK_KEYWORD, NULL, "2");
    if (x->in_loop || x->in_switch) add(c, "break", 5, CK_KEYWORD, NULL, "2");
    if (x->in_loop) add(c, "continue", 8, CK_KEYWORD, NULL, "2");
    if (x->in_switch) {
        add(c, "case", 4, CK_KEYWORD, NULL, "2");
        add(c, "default", 7, CK_KEYWORD, NULL, "2");
    }
    if (x->with_ok) add(c, "with", 4, CK_KEYWORD, NULL, "2");
    if (x->module_top) add(c, "export", 6, CK_KEYWORD, NULL, "2");
    if (x->after_brace) {
        add(c, "else", 4, CK_KEYWORD, NULL, "2");
        add(c, "catch", 5, CK_KEYWORD, NULL, "2");
        add(c, "finally", 7, CK_KEYWORD, NULL, "2");
    }
}

// Members of a built-in global after `name.`.
static void members(Comp *c, const LspBuiltin *bi) {
    const char *cur = bi->members, *name;
    uint32_t len;
    bool method;
    while (lsp_builtin_member_next(&cur, &name, &len, &method)) {
        bool upper = name[0] >= 'A' && name[0] <= 'Z';
        int kind = method ? CK_METHOD : upper && bi->kind != LSP_BI_NAMESPACE ? CK_CONSTANT
                                    : upper ? CK_CLASS : CK_PROPERTY;
        add(c, name, len, kind, bi->name, "0");
    }
}

// Whether the cursor is in a string, template text or regexp (from the
// tree), or after `//` on its line (a line scan that skips quoted text).
static bool in_comment_or_string(LspDoc *doc, uint32_t off) {
    PsNode *path[256];
    uint32_t n = lsp_node_path(doc->parse->root, off, path, 256);
    PsNode *in = n ? path[n - 1] : NULL;
    if (in && in->start < off && off < in->end &&
        ((in->kind == PS_NODE_LITERAL && (in->op == PS_LIT_STRING || in->op == PS_LIT_REGEX)) ||
         in->kind == PS_NODE_TEMPLATE_ELEMENT))
        return true;
    const char *src = doc->text.data;
    uint32_t ls = doc->text.lines.items[lsp_text_line_of(&doc->text, off)];
    char quote = 0;
    for (uint32_t i = ls; i < off; i++) {
        char ch = src[i];
        if (quote) {
            if (ch == '\\') i++;
            else if (ch == quote) quote = 0;
        } else if (ch == '"' || ch == '\'' || ch == '`') {
            quote = ch;
        } else if (ch == '/' && src[i + 1] == '/' && i + 1 < off) {
            return true;
        }
    }
    return false;
}

void lsp_completion(LspServer *s, json_t *params, LspReply *r) {
    LspDoc *doc;
    uint32_t off;
    if (!lsp_param_doc_pos(s, params, r, &doc, &off)) return;
    json_t *ctx = json_object_get(params, "context");
    if (ctx && !json_is_object(ctx)) {
        lsp_reply_error(r, LSP_ERR_INVALID_PARAMS, "context: object expected");
        return;
    }
    const char *src = doc->text.data;
    uint32_t p = off;
    while (p > 0 && ident_char((unsigned char)src[p - 1])) p--;
    Comp c = {s, src + p, off - p, json_array(), json_object(), 0};
    r->result = json_pack("{s:b,s:o}", "isIncomplete", 0, "items", c.items);
    if (in_comment_or_string(doc, off)) goto done;
    uint32_t dq = p;
    if (dq > 0 && src[dq - 1] == '.') {
        if (dq > 1 && src[dq - 2] == '.') goto done;  // `...` spread
        uint32_t e = dq - 1;
        if (e > 0 && src[e - 1] == '?') e--;  // `?.`
        uint32_t b = e;
        while (b > 0 && ident_char((unsigned char)src[b - 1])) b--;
        if (b < e && (b == 0 || src[b - 1] != '.')) {
            const LspBuiltin *bi = lsp_builtin_find(src + b, e - b);
            AnScope *sc = an_scope_at(doc->an, off);
            if (bi && !an_scope_lookup(sc, src + b, e - b)) members(&c, bi);
        }
        goto done;
    }
    if (p < off && src[p] >= '0' && src[p] <= '9') goto done;  // a number
    {
        AnScope *sc = an_scope_at(doc->an, off);
        for (AnScope *x = sc; x; x = x->parent) {
            for (AnBinding *b = x->bindings; b; b = b->next) {
                if (b->id && b->id->start <= off && off <= b->id->end) continue;  // the name being declared
                if (b->kind == AN_BIND_ARGUMENTS && !b->nrefs && (x->flags & AN_SF_ARROW)) continue;
                const char *detail;
                int kind = binding_kind(b, &detail);
                add(&c, b->name, b->len, kind, detail, "0");
            }
        }
        for (uint32_t i = 0; lsp_builtin_at(i); i++) {
            const LspBuiltin *bi = lsp_builtin_at(i);
            add(&c, bi->name, (uint32_t)strlen(bi->name), builtin_kind(bi->kind), "global", "1");
        }
        Ctx x;
        analyze_position(doc, off, p, &x);
        keywords(&c, &x);
    }
done:
    json_decref(c.seen);
}
