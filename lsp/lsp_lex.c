// Tokens between AST leaves. The tree stores identifiers and literals with
// exact ranges but not keywords, punctuators or comments; between two
// leaves only those (and whitespace) can appear, so a small scanner over the
// gaps recovers them without a second lexer pass over the whole file. In
// unparseable regions the tree may have dropped tokens; strings and numbers
// found there are reported too so they still get colored.
#include <string.h>

#include "lsp_int.h"

static const char *const keywords[] = {
    "await", "break", "case", "catch", "class", "const", "continue", "debugger", "default",
    "delete", "do", "else", "enum", "export", "extends", "false", "finally", "for", "function",
    "if", "import", "in", "instanceof", "new", "null", "return", "super", "switch", "this",
    "throw", "true", "try", "typeof", "var", "void", "while", "with", "yield", "let", "static",
    "async", "of", "get", "set", "from", "as", "using", "accessor", "implements", "interface",
    "package", "private", "protected", "public",
};

static bool is_keyword(const char *s, uint32_t n) {
    if (n < 2 || n > 10 || s[0] < 'a' || s[0] > 'y') return false;
    for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++)
        if (keywords[i][0] == s[0] && strncmp(keywords[i], s, n) == 0 && keywords[i][n] == 0) return true;
    return false;
}

static bool ident_char(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '$' || c == '\\' || c >= 0x80;
}

// Punctuators that count as operators, longest first.
static const char *const operators[] = {
    ">>>=", "...", "===", "!==", "**=", "<<=", ">>=", ">>>", "&&=", "||=", "?\?=", "=>", "==", "!=",
    "<=",   ">=",  "&&",  "||",  "??",  "?.",  "++",  "--",  "+=",  "-=",  "*=",  "/=", "%=", "&=",
    "|=",   "^=",  "**",  "<<",  ">>",  "=",   "+",   "-",   "*",   "/",   "%",   "<",  ">",  "!",
    "~",    "&",   "|",   "^",   "?",
};

// Length of the operator at s (0 when none).
static uint32_t operator_len(const char *s, uint32_t avail) {
    if (!strchr("=+-*/%<>!~&|^?.", s[0]) || s[0] == 0) return 0;
    for (size_t i = 0; i < sizeof operators / sizeof operators[0]; i++) {
        if (operators[i][0] != s[0]) continue;
        uint32_t n = (uint32_t)strlen(operators[i]);
        if (n <= avail && memcmp(s, operators[i], n) == 0) return n;
    }
    return 0;
}

bool lsp_lex_next(const char *src, uint32_t len, uint32_t *pos, uint32_t limit, bool ops,
                  LspLexTok *out) {
    uint32_t p = *pos;
    if (limit > len) limit = len;
    while (p < limit) {
        unsigned char c = (unsigned char)src[p];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
            p++;
            continue;
        }
        uint32_t start = p;
        if (c == '/' && p + 1 < len && src[p + 1] == '/') {
            while (p < len && src[p] != '\n' && src[p] != '\r') p++;
            *out = (LspLexTok){LSP_LEX_COMMENT, start, p};
            *pos = p;
            return true;
        }
        if (c == '#' && p == 0 && src[1] == '!') {  // hashbang
            while (p < len && src[p] != '\n' && src[p] != '\r') p++;
            *out = (LspLexTok){LSP_LEX_COMMENT, start, p};
            *pos = p;
            return true;
        }
        if (c == '/' && p + 1 < len && src[p + 1] == '*') {
            p += 2;
            while (p < len && !(src[p] == '*' && p + 1 < len && src[p + 1] == '/')) p++;
            p = p < len ? p + 2 : len;
            *out = (LspLexTok){LSP_LEX_COMMENT, start, p};
            *pos = p;
            return true;
        }
        if (c == '<' && p + 3 < len && memcmp(src + p, "<!--", 4) == 0) {  // Annex B HTML comment
            while (p < len && src[p] != '\n' && src[p] != '\r') p++;
            *out = (LspLexTok){LSP_LEX_COMMENT, start, p};
            *pos = p;
            return true;
        }
        if (ident_char(c) && !(c >= '0' && c <= '9')) {
            while (p < limit && ident_char((unsigned char)src[p])) p++;
            if (is_keyword(src + start, p - start)) {
                *out = (LspLexTok){LSP_LEX_KEYWORD, start, p};
                *pos = p;
                return true;
            }
            continue;
        }
        if (c >= '0' && c <= '9') {
            while (p < limit && (ident_char((unsigned char)src[p]) || src[p] == '.')) p++;
            *out = (LspLexTok){LSP_LEX_NUMBER, start, p};
            *pos = p;
            return true;
        }
        if (c == '"' || c == '\'') {
            p++;
            while (p < limit && src[p] != (char)c && src[p] != '\n' && src[p] != '\r') {
                if (src[p] == '\\' && p + 1 < limit) p++;
                p++;
            }
            if (p < limit && src[p] == (char)c) p++;
            *out = (LspLexTok){LSP_LEX_STRING, start, p};
            *pos = p;
            return true;
        }
        uint32_t n = ops ? operator_len(src + p, limit - p) : 0;
        if (n) {
            *out = (LspLexTok){LSP_LEX_OPERATOR, start, p + n};
            *pos = p + n;
            return true;
        }
        p++;  // brackets, `;`, `,`, `.`, `:`, `@`, backquotes, anything else
    }
    *pos = p;
    return false;
}

// Leaves and gaps ---------------------------------------------------------------

typedef struct CommentWalk {
    const char *src;
    uint32_t len, pos;
    LspCommentFn fn;
    void *ctx;
} CommentWalk;

static void comments_in_gap(CommentWalk *w, uint32_t upto) {
    if (upto <= w->pos) return;
    uint32_t p = w->pos;
    LspLexTok t;
    while (lsp_lex_next(w->src, w->len, &p, upto, false, &t)) {
        if (t.kind == LSP_LEX_COMMENT) w->fn(w->ctx, t.start, t.end);
        w->pos = t.end;
    }
    if (p > w->pos) w->pos = p;
}

static bool is_leaf(const PsNode *n) {
    switch ((PsNodeKind)n->kind) {
    case PS_NODE_IDENTIFIER:
    case PS_NODE_PRIVATE_IDENTIFIER:
    case PS_NODE_LITERAL:
    case PS_NODE_THIS:
    case PS_NODE_SUPER:
    case PS_NODE_TEMPLATE_ELEMENT:
    case PS_NODE_JSX_TEXT:
    case PS_NODE_JSX_IDENTIFIER: return true;
    default: return false;
    }
}

static bool comment_walk(PsNode *n, void *ctx) {
    CommentWalk *w = ctx;
    if (n->flags & PS_NF_MISSING) return true;
    if (is_leaf(n)) {
        comments_in_gap(w, n->start);
        if (n->end > w->pos) w->pos = n->end;
        return true;
    }
    ps_node_for_each_child(n, comment_walk, w);
    comments_in_gap(w, n->end);
    return true;
}

void lsp_for_each_comment(const PsParse *parse, LspCommentFn fn, void *ctx) {
    CommentWalk w = {parse->src, parse->len, 0, fn, ctx};
    comment_walk(parse->root, &w);
    comments_in_gap(&w, parse->len);
}
