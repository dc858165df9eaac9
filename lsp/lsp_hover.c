// Hover: what the name under the cursor is, as markdown: its binding kind
// and signature (`(const) x`, `(parameter) a`, `function f(a, b)`,
// `class C extends B`), the line that declares it, and the summary of the
// JSDoc comment right before the declaration (its first paragraph, up to
// a blank line or the first @tag). A parameter shows its `@param` line of
// the function's JSDoc instead. Globals show `(global) name`. Imports that
// resolve to another module take the declaration and JSDoc from there.
#include <string.h>

#include "lsp_int.h"

#define SIG_PARAM_MAX 60u  // characters of one parameter's source in a signature
#define LINE_MAX_CHARS 200u

// Appends src[a..b) with runs of whitespace collapsed to one space,
// truncated to max bytes (with "…").
static void put_compact(OchBuf *out, const char *src, uint32_t a, uint32_t b, uint32_t max) {
    uint32_t n = 0;
    bool space = false;
    for (uint32_t i = a; i < b; i++) {
        char c = src[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = true;
            continue;
        }
        if (space && n > 0) {
            och_buf_putc(out, ' ');
            n++;
        }
        space = false;
        if (n >= max) {
            och_buf_puts(out, "…");
            return;
        }
        och_buf_putc(out, c);
        n++;
    }
}

static void function_sig(OchBuf *out, const char *src, PsNode *fn, const char *name, uint32_t len) {
    if (fn->flags & PS_NF_ASYNC) och_buf_puts(out, "async ");
    och_buf_puts(out, fn->flags & PS_NF_GENERATOR ? "function* " : "function ");
    och_buf_append(out, name, len);
    och_buf_putc(out, '(');
    PsList *ps = &PS_AS(PsFunction, fn)->params;
    for (uint32_t i = 0; i < ps->count; i++) {
        if (i) och_buf_puts(out, ", ");
        if (ps->items[i]) put_compact(out, src, ps->items[i]->start, ps->items[i]->end, SIG_PARAM_MAX);
    }
    och_buf_putc(out, ')');
}

static void signature(OchBuf *out, LspDoc *doc, const AnBinding *b, const char *import_from, uint32_t from_len) {
    const char *src = doc->text.data;
    static const char *const kinds[AN_BIND_KIND_COUNT] = {
        [AN_BIND_VAR] = "var",     [AN_BIND_LET] = "let",         [AN_BIND_CONST] = "const",
        [AN_BIND_USING] = "using", [AN_BIND_AWAIT_USING] = "await using", [AN_BIND_PARAM] = "parameter",
        [AN_BIND_CATCH] = "catch", [AN_BIND_IMPORT] = "import",   [AN_BIND_ARGUMENTS] = "arguments",
        [AN_BIND_LABEL] = "label", [AN_BIND_PRIVATE] = "private",
    };
    PsNode *d = b->decl;
    if ((b->kind == AN_BIND_FUNCTION || b->kind == AN_BIND_FUNCTION_NAME) && d &&
        (d->kind == PS_NODE_FUNCTION_DECL || d->kind == PS_NODE_FUNCTION_EXPR)) {
        function_sig(out, src, d, b->name, b->len);
        return;
    }
    if ((b->kind == AN_BIND_CLASS || b->kind == AN_BIND_CLASS_NAME) && d &&
        (d->kind == PS_NODE_CLASS_DECL || d->kind == PS_NODE_CLASS_EXPR)) {
        och_buf_puts(out, "class ");
        och_buf_append(out, b->name, b->len);
        PsNode *sup = PS_AS(PsClass, d)->super_class;
        if (sup) {
            och_buf_puts(out, " extends ");
            put_compact(out, src, sup->start, sup->end, SIG_PARAM_MAX);
        }
        return;
    }
    och_buf_printf(out, "(%s) ", kinds[b->kind] ? kinds[b->kind] : "binding");
    if (b->kind == AN_BIND_PRIVATE) och_buf_putc(out, '#');
    och_buf_append(out, b->name, b->len);
    // `const f = (a, b) => ...`: show the parameters too.
    if (d && d->kind == PS_NODE_VAR_DECLARATOR) {
        PsNode *init = PS_AS(PsVarDeclarator, d)->init;
        if (init && (init->kind == PS_NODE_ARROW_FUNCTION || init->kind == PS_NODE_FUNCTION_EXPR) &&
            PS_AS(PsVarDeclarator, d)->id == b->id) {
            PsList *ps = &PS_AS(PsFunction, init)->params;
            och_buf_puts(out, init->flags & PS_NF_ASYNC ? ": async (" : ": (");
            for (uint32_t i = 0; i < ps->count; i++) {
                if (i) och_buf_puts(out, ", ");
                if (ps->items[i]) put_compact(out, src, ps->items[i]->start, ps->items[i]->end, SIG_PARAM_MAX);
            }
            och_buf_puts(out, ") => …");
        }
    }
    if (import_from) {
        och_buf_puts(out, " from ");
        och_buf_append(out, import_from, from_len);
    }
}

// The statement that declares b (the export around it included), for its
// JSDoc; NULL for parameters and other bindings without one.
static PsNode *decl_statement(LspDoc *doc, const AnBinding *b) {
    PsNode *d = b->decl;
    if (!d || b->kind == AN_BIND_PARAM || b->kind == AN_BIND_CATCH || b->kind == AN_BIND_IMPORT) return NULL;
    PsNode *path[256];
    uint32_t n = lsp_node_path(doc->parse->root, d->start, path, 256);
    uint32_t i = n;
    while (i > 0 && path[i - 1] != d) i--;
    if (i == 0) return d;  // not reachable by position (recovered tree): the node itself
    i--;
    while (i > 0) {
        PsNode *p = path[i - 1];
        if (p->kind == PS_NODE_VAR_DECL || p->kind == PS_NODE_EXPORT_NAMED_DECL || p->kind == PS_NODE_EXPORT_DEFAULT_DECL ||
            (p->kind == PS_NODE_VAR_DECLARATOR && path[i]->kind != PS_NODE_IDENTIFIER))
            i--;
        else
            break;
    }
    return path[i];
}

// The /** ... */ comment ending right before offset (whitespace between),
// as [*a, *b) of its inner text; false when there is none.
static bool jsdoc_before(const char *src, uint32_t offset, uint32_t *a, uint32_t *b) {
    uint32_t p = offset;
    while (p > 0 && (src[p - 1] == ' ' || src[p - 1] == '\t' || src[p - 1] == '\n' || src[p - 1] == '\r')) p--;
    if (p < 5 || src[p - 1] != '/' || src[p - 2] != '*') return false;
    uint32_t end = p - 2;
    for (uint32_t q = end; q >= 2; q--) {
        if (src[q - 2] == '/' && src[q - 1] == '*') {
            if (q >= end + 0 || src[q] != '*' || q + 1 > end) return false;  // `/* */` or `/**/`
            *a = q + 1;
            *b = end;
            return true;
        }
        if (end - q > 20000) return false;
    }
    return false;
}

// The text of a JSDoc body [a, b) without the leading ` * ` of its lines
// and trailing blanks (lines joined with '\n').
static void jsdoc_clean(OchBuf *out, const char *src, uint32_t a, uint32_t b) {
    uint32_t p = a;
    while (p < b) {
        uint32_t e = p;
        while (e < b && src[e] != '\n') e++;
        uint32_t s = p;
        while (s < e && (src[s] == ' ' || src[s] == '\t')) s++;
        if (s < e && src[s] == '*') s++;
        if (s < e && src[s] == ' ') s++;
        uint32_t t = e;
        while (t > s && (src[t - 1] == ' ' || src[t - 1] == '\t' || src[t - 1] == '\r')) t--;
        if (p > a) och_buf_putc(out, '\n');
        och_buf_append(out, src + s, t - s);
        p = e + 1;
    }
}

// Whether a block tag (`@name` at the start of a line or after a blank)
// starts at i of t.
static bool tag_at(const char *t, size_t i) {
    return t[i] == '@' && (i == 0 || t[i - 1] == ' ' || t[i - 1] == '\n') && t[i + 1] >= 'a' && t[i + 1] <= 'z';
}

// Appends t[from..) up to the next block tag or blank line, trimmed.
static void paragraph(OchBuf *out, const char *t, size_t len, size_t from) {
    size_t i = from;
    while (i < len && (t[i] == ' ' || t[i] == '\n')) i++;
    size_t s = i, e = i;
    for (; i < len; i++) {
        if (tag_at(t, i)) break;
        if (t[i] == '\n' && i + 1 < len && t[i + 1] == '\n') break;
        if (t[i] != ' ' && t[i] != '\n') e = i + 1;
    }
    och_buf_append(out, t + s, e - s);
}

// Appends the summary of a JSDoc body [a, b) (its first paragraph, before
// any tag), or with param, the description of that parameter's @param tag
// (`@param {type} name desc`, `@param [name=x] - desc`).
static void jsdoc_text(OchBuf *out, const char *src, uint32_t a, uint32_t b, const char *param, uint32_t plen) {
    OchBuf c = {0};
    jsdoc_clean(&c, src, a, b);
    och_buf_putc(&c, 0);
    const char *t = c.data;
    size_t len = c.len - 1;
    if (!param) {
        paragraph(out, t, len, 0);
        och_buf_free(&c);
        return;
    }
    for (size_t i = 0; i + 6 < len; i++) {
        if (!tag_at(t, i) || memcmp(t + i, "@param", 6) != 0) continue;
        size_t q = i + 6;
        while (q < len && t[q] == ' ') q++;
        if (q < len && t[q] == '{') {
            int depth = 0;
            for (; q < len; q++) {
                if (t[q] == '{') depth++;
                else if (t[q] == '}' && --depth == 0) break;
            }
            q++;
            while (q < len && t[q] == ' ') q++;
        }
        if (q < len && t[q] == '[') q++;
        if (q + plen > len || memcmp(t + q, param, plen) != 0) continue;
        q += plen;
        if (q < len && t[q] != ' ' && t[q] != ']' && t[q] != '=' && t[q] != '\n') continue;  // a longer name
        if (q < len && (t[q] == ']' || t[q] == '=')) {
            while (q < len && t[q] != ']') q++;
            q++;
        }
        while (q < len && (t[q] == ' ' || t[q] == '-')) q++;
        paragraph(out, t, len, q);
        break;
    }
    och_buf_free(&c);
}

// The JSDoc summary for b (doc is where b lives).
static void jsdoc_summary(OchBuf *out, LspDoc *doc, const AnBinding *b) {
    const char *src = doc->text.data;
    uint32_t a, e;
    if (b->kind == AN_BIND_PARAM && b->decl) {
        AnBinding fn_b = {0};
        fn_b.kind = AN_BIND_FUNCTION;
        fn_b.decl = b->decl;
        PsNode *st = b->decl->kind == PS_NODE_FUNCTION_DECL ? decl_statement(doc, &fn_b) : NULL;
        if (!st) {
            // A function expression: the statement around it (`const f = function`).
            PsNode *path[256];
            uint32_t n = lsp_node_path(doc->parse->root, b->decl->start, path, 256);
            for (uint32_t i = n; i > 0 && !st; i--)
                if (path[i - 1]->kind == PS_NODE_VAR_DECL || path[i - 1]->kind == PS_NODE_EXPORT_NAMED_DECL ||
                    path[i - 1]->kind == PS_NODE_EXPRESSION_STMT || path[i - 1]->kind == PS_NODE_METHOD_DEF ||
                    path[i - 1]->kind == PS_NODE_PROPERTY)
                    st = path[i - 1];
            for (uint32_t i = 0; st && i + 1 < n; i++)
                if (path[i + 1] == st && path[i]->kind == PS_NODE_EXPORT_NAMED_DECL) st = path[i];
        }
        if (st && jsdoc_before(src, st->start, &a, &e)) jsdoc_text(out, src, a, e, b->name, b->len);
        return;
    }
    PsNode *st = decl_statement(doc, b);
    if (st && jsdoc_before(src, st->start, &a, &e)) jsdoc_text(out, src, a, e, NULL, 0);
}

static void decl_line(OchBuf *out, LspDoc *doc, const PsNode *id) {
    uint32_t line = lsp_text_line_of(&doc->text, id->start);
    uint32_t s = doc->text.lines.items[line], e = lsp_text_line_end(&doc->text, line);
    while (s < e && (doc->text.data[s] == ' ' || doc->text.data[s] == '\t')) s++;
    if (e - s > LINE_MAX_CHARS) e = s + LINE_MAX_CHARS;
    och_buf_append(out, doc->text.data + s, e - s);
}

// `Math.max`: the member of a built-in global (not shadowed) under the
// cursor, as `(method) Math.max` / `(property) Math.PI`.
static void builtin_member_hover(LspServer *s, LspDoc *doc, uint32_t off, LspReply *r) {
    PsNode *path[256];
    uint32_t n = lsp_node_path(doc->parse->root, off, path, 256);
    if (n < 2 || path[n - 1]->kind != PS_NODE_IDENTIFIER || path[n - 2]->kind != PS_NODE_MEMBER_EXPR) return;
    PsMember *m = PS_AS(PsMember, path[n - 2]);
    PsNode *prop = path[n - 1];
    if (m->property != prop || (m->h.flags & PS_NF_COMPUTED) || m->object->kind != PS_NODE_IDENTIFIER ||
        an_binding_of_node(doc->an, m->object))
        return;
    const LspBuiltin *bi = lsp_builtin_find(PS_AS(PsIdent, m->object)->name, m->object->aux);
    if (!bi) return;
    const char *cur = bi->members, *name;
    uint32_t len;
    bool method;
    while (lsp_builtin_member_next(&cur, &name, &len, &method)) {
        if (len != prop->aux || memcmp(name, PS_AS(PsIdent, prop)->name, len) != 0) continue;
        OchBuf md = {0};
        och_buf_printf(&md, "```js\n(%s) %s.%.*s\n```\n\n%s", method ? "method" : "property", bi->name, (int)len, name,
                       bi->summary);
        r->result = json_pack("{s:{s:s,s:o},s:o}", "contents", "kind", "markdown", "value",
                              lsp_json_str(md.data, md.len), "range", lsp_json_range(s, doc, prop->start, prop->end));
        och_buf_free(&md);
        return;
    }
}

void lsp_hover(LspServer *s, json_t *params, LspReply *r) {
    LspDoc *doc;
    uint32_t off;
    if (!lsp_param_doc_pos(s, params, r, &doc, &off)) return;
    AnBinding *b = an_binding_at(doc->an, off);
    OchBuf md = {0};
    uint32_t rs = off, re = off;
    if (!b) {
        // A global, when the cursor is on one.
        AnResult *an = doc->an;
        uint32_t lo = 0, hi = an->nunresolved;
        while (lo < hi) {
            uint32_t mid = (lo + hi) / 2;
            if (an->unresolved[mid]->node->end < off) lo = mid + 1;
            else hi = mid;
        }
        const AnRef *ref = lo < an->nunresolved ? an->unresolved[lo] : NULL;
        if (!ref || ref->node->start > off || (ref->flags & (AN_REF_LABEL | AN_REF_PRIVATE))) {
            builtin_member_hover(s, doc, off, r);
            return;
        }
        uint32_t len;
        const char *name = lsp_node_name(ref->node, &len);
        if (!name) return;
        och_buf_puts(&md, "```js\n(global) ");
        och_buf_append(&md, name, len);
        och_buf_puts(&md, "\n```");
        OchBuf d = {0};
        if (lsp_builtin_describe(name, len, &d)) {
            och_buf_puts(&md, "\n\n");
            och_buf_append(&md, d.data, d.len);
        }
        och_buf_free(&d);
        rs = ref->node->start;
        re = ref->node->end;
    } else {
        PsNode *at = NULL;
        if (b->id && b->id->start <= off && off <= b->id->end) at = b->id;
        for (AnRef *ref = b->refs; ref && !at; ref = ref->next_for_binding)
            if (ref->node->start <= off && off <= ref->node->end) at = ref->node;
        if (at) {
            rs = at->start;
            re = at->end;
        }
        const char *from = NULL;
        uint32_t from_len = 0;
        if (b->kind == AN_BIND_IMPORT && b->decl) {
            PsNode *decl = lsp_module_decl_of(doc, b->decl);
            PsNode *src = decl ? PS_AS(PsModuleDecl, decl)->source : NULL;
            if (src) {
                from = doc->text.data + src->start;
                from_len = src->end - src->start;
            }
        }
        // An import: declaration and documentation of what it imports.
        LspTemps temps = {0};
        LspDoc *d = doc;
        AnBinding *db = b;
        PsNode *node = NULL;
        if (b->kind == AN_BIND_IMPORT && lsp_follow_import(s, &d, &db, &node, &temps) && db && db->kind != AN_BIND_IMPORT) {
            // d/db: the exported binding.
        } else {
            d = doc;
            db = b;
        }
        och_buf_puts(&md, "```js\n");
        signature(&md, db == b ? doc : d, db, from, from_len);
        if (db != b) {
            // Keep the local name and kind visible: `(import) x from "./a.js"`.
            och_buf_puts(&md, "\n");
            signature(&md, doc, b, from, from_len);
        }
        och_buf_puts(&md, "\n```");
        if (db->id) {
            och_buf_printf(&md, "\n\n*line %u", lsp_text_line_of(&d->text, db->id->start) + 1);
            if (d != doc && d->path) {
                const char *slash = strrchr(d->path, '/');
                och_buf_printf(&md, " of %s", slash ? slash + 1 : d->path);
            }
            och_buf_puts(&md, "*\n```js\n");
            decl_line(&md, d, db->id);
            och_buf_puts(&md, "\n```");
        }
        OchBuf sum = {0};
        jsdoc_summary(&sum, d, db);
        if (sum.len) {
            och_buf_puts(&md, "\n\n---\n\n");
            och_buf_append(&md, sum.data, sum.len);
        }
        och_buf_free(&sum);
        lsp_temps_free(&temps);
    }
    r->result = json_pack("{s:{s:s,s:o},s:o}", "contents", "kind", "markdown", "value", lsp_json_str(md.data, md.len),
                          "range", lsp_json_range(s, doc, rs, re));
    och_buf_free(&md);
}
