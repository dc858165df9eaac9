// Semantic tokens (full and range). Leaves of the tree give identifiers and
// literals; the analyzer's bindings tell parameters, functions and classes
// from other variables (declaration and readonly modifiers); unresolved
// references to the built-in globals and their members get the
// defaultLibrary modifier (lsp_builtins.c); the gap scanner (lsp_lex.c)
// adds keywords, operators and comments. Tokens are produced in source order, split at
// line ends (no multiline token support is assumed), and encoded directly
// as JSON text since a large file has millions of integers.
#include <string.h>

#include "lsp_int.h"

// The legend; the order is the wire encoding.
enum {
    T_KEYWORD,
    T_STRING,
    T_NUMBER,
    T_REGEXP,
    T_COMMENT,
    T_OPERATOR,
    T_VARIABLE,
    T_FUNCTION,
    T_CLASS,
    T_PARAMETER,
    T_PROPERTY,
    T_METHOD,
    T_NONE = 255,
};
static const char *const type_names[] = {"keyword",  "string",   "number",   "regexp",
                                         "comment",  "operator", "variable", "function",
                                         "class",    "parameter", "property", "method"};
#define M_DECLARATION 1u
#define M_READONLY 2u
#define M_DEFAULT_LIBRARY 4u
static const char *const modifier_names[] = {"declaration", "readonly", "defaultLibrary"};

json_t *lsp_semtok_legend(void) {
    json_t *types = json_array(), *mods = json_array();
    for (size_t i = 0; i < sizeof type_names / sizeof type_names[0]; i++)
        json_array_append_new(types, json_string(type_names[i]));
    for (size_t i = 0; i < sizeof modifier_names / sizeof modifier_names[0]; i++)
        json_array_append_new(mods, json_string(modifier_names[i]));
    return json_pack("{s:o,s:o}", "tokenTypes", types, "tokenModifiers", mods);
}

typedef struct Tok {
    uint32_t start, end;
    uint8_t type, mods;
} Tok;

typedef struct Sem {
    LspServer *s;
    LspDoc *doc;
    const char *src;
    uint32_t len;
    uint32_t pos;        // everything before it has been emitted or skipped
    uint32_t rs, re;     // requested range [rs, re)
    bool jsx_tag;        // inside a JSX tag: `<`, `/`, `=` are not operators
    bool done;           // past the range, or cancelled
    uint32_t visits;
    PsNode *parent;
    OCH_VEC(Tok) toks;
} Sem;

static void push(Sem *m, uint32_t start, uint32_t end, uint8_t type, uint8_t mods) {
    if (end <= start || start < m->pos) return;
    if (end <= m->rs || start >= m->re) return;
    och_vec_push(&m->toks, ((Tok){start, end, type, mods}));
}

// Emits the keywords, operators and comments in [m->pos, upto).
static void gap(Sem *m, uint32_t upto) {
    if (upto <= m->pos) return;
    uint32_t p = m->pos;
    LspLexTok t;
    while (lsp_lex_next(m->src, m->len, &p, upto, !m->jsx_tag, &t)) {
        static const uint8_t map[] = {
            [LSP_LEX_COMMENT] = T_COMMENT, [LSP_LEX_KEYWORD] = T_KEYWORD, [LSP_LEX_OPERATOR] = T_OPERATOR,
            [LSP_LEX_STRING] = T_STRING,   [LSP_LEX_NUMBER] = T_NUMBER,
        };
        push(m, t.start, t.end, map[t.kind], 0);
        m->pos = t.end;
    }
    if (p > m->pos) m->pos = p;
}

static void leaf(Sem *m, uint32_t start, uint32_t end, uint8_t type, uint8_t mods) {
    gap(m, start);
    if (type != T_NONE) push(m, start, end, type, mods);
    if (end > m->pos) m->pos = end;
}

static bool is_function(const PsNode *n) {
    return n && (n->kind == PS_NODE_FUNCTION_EXPR || n->kind == PS_NODE_ARROW_FUNCTION);
}

// Token type of a built-in global (defaultLibrary).
static uint8_t builtin_type(const LspBuiltin *bi, uint8_t *mods) {
    *mods = M_DEFAULT_LIBRARY;
    switch (bi->kind) {
    case LSP_BI_CLASS: return T_CLASS;
    case LSP_BI_FUNCTION: return T_FUNCTION;
    case LSP_BI_VALUE: *mods |= M_READONLY; return T_VARIABLE;
    default: return T_VARIABLE;
    }
}

// Token type of an identifier from its binding: parameters, functions
// (also `const f = () => {}`), classes, variables (readonly when they
// cannot be assigned), globals of the built-in library.
static uint8_t binding_type(Sem *m, PsNode *id, uint8_t *mods) {
    AnBinding *b = an_binding_of_node(m->doc->an, id);
    *mods = 0;
    if (!b) {
        const LspBuiltin *bi = id->kind == PS_NODE_IDENTIFIER ? lsp_builtin_find(PS_AS(PsIdent, id)->name, id->aux) : NULL;
        if (bi && an_ref_of_node(m->doc->an, id)) return builtin_type(bi, mods);
        return T_VARIABLE;
    }
    if (b->id == id) *mods |= M_DECLARATION;
    bool fn_init = (b->flags & AN_BF_FN_INIT) && !(b->flags & AN_BF_WRITTEN);
    switch ((AnBindingKind)b->kind) {
    case AN_BIND_PARAM: return T_PARAMETER;
    case AN_BIND_FUNCTION:
    case AN_BIND_FUNCTION_NAME: return T_FUNCTION;
    case AN_BIND_CLASS:
    case AN_BIND_CLASS_NAME: return T_CLASS;
    case AN_BIND_CONST:
    case AN_BIND_USING:
    case AN_BIND_AWAIT_USING:
    case AN_BIND_IMPORT: *mods |= M_READONLY; return fn_init ? T_FUNCTION : T_VARIABLE;
    case AN_BIND_LABEL: return T_NONE;
    default: return fn_init ? T_FUNCTION : T_VARIABLE;
    }
}

// `Math.max`: a member of a built-in global (not shadowed): method or
// property with defaultLibrary; T_NONE when it is not one.
static uint8_t builtin_member_type(Sem *m, PsNode *object, PsNode *prop, uint8_t *mods) {
    if (object->kind != PS_NODE_IDENTIFIER || prop->kind != PS_NODE_IDENTIFIER) return T_NONE;
    const LspBuiltin *bi = lsp_builtin_find(PS_AS(PsIdent, object)->name, object->aux);
    if (!bi || an_binding_of_node(m->doc->an, object)) return T_NONE;
    const char *cur = bi->members, *name;
    uint32_t len;
    bool method;
    while (lsp_builtin_member_next(&cur, &name, &len, &method)) {
        if (len == prop->aux && memcmp(name, PS_AS(PsIdent, prop)->name, len) == 0) {
            *mods = M_DEFAULT_LIBRARY;
            return method ? T_METHOD : T_PROPERTY;
        }
    }
    return T_NONE;
}

// Token type of an identifier given its parent (property names are not
// variables).
static uint8_t ident_type(Sem *m, PsNode *id, uint8_t *mods) {
    PsNode *p = m->parent;
    *mods = 0;
    if (p) {
        switch ((PsNodeKind)p->kind) {
        case PS_NODE_MEMBER_EXPR:
            if (PS_AS(PsMember, p)->property == id && !(p->flags & PS_NF_COMPUTED)) {
                uint8_t t = builtin_member_type(m, PS_AS(PsMember, p)->object, id, mods);
                return t != T_NONE ? t : T_PROPERTY;
            }
            break;
        case PS_NODE_META_PROPERTY: return T_KEYWORD;
        case PS_NODE_PROPERTY: {
            PsProperty *pr = PS_AS(PsProperty, p);
            if (pr->key == id && pr->value != id && !(p->flags & PS_NF_COMPUTED) &&
                !(pr->value && pr->value->kind == PS_NODE_ASSIGN_PATTERN &&
                  PS_AS(PsBinary, pr->value)->left == id))
                return (p->flags & PS_NF_METHOD) || is_function(pr->value) ? T_METHOD : T_PROPERTY;
            break;
        }
        case PS_NODE_METHOD_DEF:
            if (PS_AS(PsClassMember, p)->key == id && !(p->flags & PS_NF_COMPUTED)) {
                *mods = M_DECLARATION;
                return T_METHOD;
            }
            break;
        case PS_NODE_PROPERTY_DEF:
        case PS_NODE_ACCESSOR_PROPERTY:
            if (PS_AS(PsClassMember, p)->key == id && !(p->flags & PS_NF_COMPUTED)) {
                *mods = M_DECLARATION;
                return is_function(PS_AS(PsClassMember, p)->value) ? T_METHOD : T_PROPERTY;
            }
            break;
        case PS_NODE_IMPORT_ATTRIBUTE:
        case PS_NODE_JSX_ATTRIBUTE:
            if (PS_AS(PsProperty, p)->key == id) return T_PROPERTY;
            break;
        case PS_NODE_LABELED_STMT:
        case PS_NODE_BREAK_STMT:
        case PS_NODE_CONTINUE_STMT: return T_NONE;
        default: break;
        }
    }
    return binding_type(m, id, mods);
}

static void walk(Sem *m, PsNode *n);

static bool visit_child(PsNode *child, void *ctx) {
    Sem *m = ctx;
    walk(m, child);
    return !m->done;
}

static void walk(Sem *m, PsNode *n) {
    if (m->done) return;
    if ((++m->visits & 8191) == 0 && lsp_cancelled(m->s)) {
        m->done = true;
        return;
    }
    if (n->start >= m->re && n->end > n->start) {
        gap(m, m->re);
        m->done = true;
        return;
    }
    if (n->end < m->rs) {  // wholly before the range: skip, trivia included
        if (n->end > m->pos) m->pos = n->end;
        return;
    }
    if (n->flags & PS_NF_MISSING) return;
    uint8_t mods = 0;
    switch ((PsNodeKind)n->kind) {
    case PS_NODE_IDENTIFIER: {
        uint8_t t = ident_type(m, n, &mods);
        leaf(m, n->start, n->end, t, mods);
        return;
    }
    case PS_NODE_PRIVATE_IDENTIFIER:
        leaf(m, n->start, n->end, T_PROPERTY, m->parent && m->parent->kind != PS_NODE_MEMBER_EXPR ? M_DECLARATION : 0);
        return;
    case PS_NODE_LITERAL: {
        uint8_t t = T_STRING;
        switch ((PsLitKind)n->op) {
        case PS_LIT_NULL:
        case PS_LIT_TRUE:
        case PS_LIT_FALSE: t = T_KEYWORD; break;
        case PS_LIT_NUMBER:
        case PS_LIT_BIGINT: t = T_NUMBER; break;
        case PS_LIT_REGEX: t = T_REGEXP; break;
        default: break;
        }
        leaf(m, n->start, n->end, t, 0);
        return;
    }
    case PS_NODE_THIS:
    case PS_NODE_SUPER: leaf(m, n->start, n->end, T_KEYWORD, 0); return;
    case PS_NODE_TEMPLATE_ELEMENT: {
        // Include the delimiters: ` or } before, ` or ${ after.
        uint32_t a = n->start, b = n->end;
        if (a > 0 && (m->src[a - 1] == '`' || m->src[a - 1] == '}') && a - 1 >= m->pos) a--;
        if (b < m->len && m->src[b] == '`') b++;
        else if (b + 1 < m->len && m->src[b] == '$' && m->src[b + 1] == '{') b += 2;
        leaf(m, a, b, T_STRING, 0);
        return;
    }
    case PS_NODE_JSX_TEXT: leaf(m, n->start, n->end, T_NONE, 0); return;
    case PS_NODE_JSX_IDENTIFIER: {
        PsNode *p = m->parent;
        uint8_t t;
        if (p && p->kind == PS_NODE_JSX_ATTRIBUTE) {
            t = T_PROPERTY;
        } else {
            AnBinding *b = an_binding_of_node(m->doc->an, n);
            t = b ? binding_type(m, n, &mods) : T_NONE;  // intrinsic tags (div) have no binding
        }
        leaf(m, n->start, n->end, t, mods);
        return;
    }
    default: break;
    }
    bool saved_jsx = m->jsx_tag;
    switch ((PsNodeKind)n->kind) {
    case PS_NODE_JSX_OPENING_ELEMENT:
    case PS_NODE_JSX_CLOSING_ELEMENT:
    case PS_NODE_JSX_OPENING_FRAGMENT:
    case PS_NODE_JSX_CLOSING_FRAGMENT:
    case PS_NODE_JSX_ELEMENT:
    case PS_NODE_JSX_FRAGMENT: m->jsx_tag = true; break;
    case PS_NODE_JSX_EXPR_CONTAINER:
    case PS_NODE_JSX_SPREAD_ATTRIBUTE:
    case PS_NODE_JSX_SPREAD_CHILD: m->jsx_tag = false; break;
    default: break;
    }
    PsNode *saved_parent = m->parent;
    m->parent = n;
    ps_node_for_each_child(n, visit_child, m);
    m->parent = saved_parent;
    m->jsx_tag = saved_jsx;
    // Trailing keywords and punctuators of the construct (`)` `}` are
    // skipped, but e.g. `while (x)` in a do-while ends with a keyword-free
    // gap, and a comment before the closing brace belongs here).
    if (!m->done && n->end > m->pos) gap(m, n->end < m->re ? n->end : m->re);
}

static void put_uint(OchBuf *b, uint32_t v) {
    char tmp[12];
    int i = 11;
    tmp[i] = 0;
    do {
        tmp[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    och_buf_append(b, tmp + i, (size_t)(11 - i));
}

// Encodes the tokens (sorted, non-overlapping) as the LSP integer array,
// splitting multi-line tokens at line ends.
static void encode(Sem *m, OchBuf *out) {
    LspText *t = &m->doc->text;
    LspEncoding enc = m->s->enc;
    och_buf_puts(out, "{\"data\":[");
    uint32_t prev_line = 0, prev_col = 0;
    // Cursor: column `cur_col` at offset `cur_off` on line `cur_line`.
    uint32_t cur_line = UINT32_MAX, cur_off = 0, cur_col = 0;
    uint32_t cursor_line = m->toks.len ? lsp_text_line_of(t, m->toks.items[0].start) : 0;
    bool first = true;
    for (uint32_t i = 0; i < m->toks.len; i++) {
        Tok k = m->toks.items[i];
        uint32_t a = k.start;
        while (a < k.end) {
            // Tokens come in source order: advance a line cursor instead of
            // a binary search per token.
            while (cursor_line + 1 < t->lines.len && t->lines.items[cursor_line + 1] <= a) cursor_line++;
            uint32_t line = cursor_line;
            uint32_t ls = t->lines.items[line];
            uint32_t le = lsp_text_line_end(t, line);
            uint32_t b = k.end < le ? k.end : le;
            if (a >= le) {  // at a terminator: continue on the next line
                if (line + 1 >= t->lines.len) break;
                a = t->lines.items[line + 1];
                continue;
            }
            uint32_t col, len;
            if (enc == LSP_ENC_UTF8) {
                col = a - ls;
                len = b - a;
            } else {
                if (line != cur_line || a < cur_off) {
                    cur_line = line;
                    cur_off = ls;
                    cur_col = 0;
                    if (a - ls > 2048) {
                        cur_col = lsp_text_pos(t, a, enc).character;
                        cur_off = a;
                    }
                }
                col = cur_col + lsp_text_units(t, cur_off, a);
                len = lsp_text_units(t, a, b);
                cur_off = b;
                cur_col = col + len;
            }
            if (len > 0) {
                if (!first) och_buf_putc(out, ',');
                first = false;
                uint32_t dl = line - prev_line;
                put_uint(out, dl);
                och_buf_putc(out, ',');
                put_uint(out, dl == 0 ? col - prev_col : col);
                och_buf_putc(out, ',');
                put_uint(out, len);
                och_buf_putc(out, ',');
                put_uint(out, k.type);
                och_buf_putc(out, ',');
                put_uint(out, k.mods);
                prev_line = line;
                prev_col = col;
            }
            if (b >= k.end || line + 1 >= t->lines.len) break;
            a = t->lines.items[line + 1];
        }
    }
    och_buf_puts(out, "]}");
}

static void run(LspServer *s, LspDoc *doc, uint32_t rs, uint32_t re, LspReply *r) {
    Sem m = {0};
    m.s = s;
    m.doc = doc;
    m.src = doc->text.data;
    m.len = doc->text.len;
    m.rs = rs;
    m.re = re;
    walk(&m, doc->parse->root);
    if (!m.done) gap(&m, re);  // trailing comments
    if (lsp_cancelled(s)) {
        och_vec_free(&m.toks);
        lsp_reply_error(r, LSP_ERR_REQUEST_CANCELLED, "request cancelled");
        return;
    }
    encode(&m, &r->raw);
    och_vec_free(&m.toks);
}

void lsp_semtok_full(LspServer *s, json_t *params, LspReply *r) {
    LspDoc *doc = lsp_param_doc(s, params, r);
    if (doc) run(s, doc, 0, doc->text.len + 1, r);
}

void lsp_semtok_range(LspServer *s, json_t *params, LspReply *r) {
    LspDoc *doc = lsp_param_doc(s, params, r);
    if (!doc) return;
    uint32_t start, end;
    if (!lsp_param_range(s, doc, json_object_get(params, "range"), "range", &start, &end, r)) return;
    run(s, doc, start, end, r);
}
