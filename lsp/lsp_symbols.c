// Document symbols: the outline of a file. Functions, classes with their
// methods, fields and accessors, variables (at the top level; inside
// functions only those holding functions or classes, as an outline of every
// local would drown the structure), object literal members of top-level
// variables, and exports (exported declarations, export specifiers and
// default exports). Hierarchical (DocumentSymbol[]) when the client
// supports it, else flattened to SymbolInformation[] with containerName.
#include <string.h>

#include "lsp_int.h"

enum {
    K_CLASS = 5,
    K_METHOD = 6,
    K_PROPERTY = 7,
    K_FIELD = 8,
    K_CONSTRUCTOR = 9,
    K_FUNCTION = 12,
    K_VARIABLE = 13,
    K_CONSTANT = 14,
};

typedef struct Sy {
    LspServer *s;
    LspDoc *doc;
    const char *src;
    uint32_t visits;
    bool cancelled;
} Sy;

static void collect(Sy *y, PsNode *n, json_t *out, bool top);

// A DocumentSymbol; name[0..len) is WTF-8.
static json_t *sym(Sy *y, const char *name, size_t len, int kind, const char *detail, uint32_t start,
                   uint32_t end, uint32_t sel_start, uint32_t sel_end) {
    if (len == 0) {
        name = "(anonymous)";
        len = strlen(name);
    }
    if (sel_start < start || sel_end > end || sel_end < sel_start) sel_start = sel_end = start;
    json_t *j = json_object();
    json_object_set_new(j, "name", lsp_json_str(name, len));
    if (detail) json_object_set_new(j, "detail", json_string(detail));
    json_object_set_new(j, "kind", json_integer(kind));
    json_object_set_new(j, "range", lsp_json_range(y->s, y->doc, start, end));
    json_object_set_new(j, "selectionRange", lsp_json_range(y->s, y->doc, sel_start, sel_end));
    json_object_set_new(j, "children", json_array());
    return j;
}

static json_t *children_of(json_t *sym) { return json_object_get(sym, "children"); }

// The display name of a property key into buf; returns its length.
static size_t key_name(Sy *y, PsNode *key, bool computed, const char **name, char *buf, size_t bufsz) {
    if (!key) return 0;
    if (!computed && (key->kind == PS_NODE_IDENTIFIER || key->kind == PS_NODE_PRIVATE_IDENTIFIER)) {
        if (key->kind == PS_NODE_PRIVATE_IDENTIFIER) {
            size_t n = key->aux + 1 < bufsz ? key->aux : bufsz - 2;
            buf[0] = '#';
            memcpy(buf + 1, PS_AS(PsIdent, key)->name, n);
            *name = buf;
            return n + 1;
        }
        *name = PS_AS(PsIdent, key)->name;
        return key->aux;
    }
    if (!computed && key->kind == PS_NODE_LITERAL && key->op == PS_LIT_STRING) {
        *name = PS_AS(PsLiteral, key)->u.str;
        return key->aux;
    }
    // Numbers and computed keys: the source text, `[...]` for computed ones.
    size_t n = key->end - key->start;
    if (n > bufsz - 8) n = bufsz - 8;
    size_t k = 0;
    if (computed) buf[k++] = '[';
    memcpy(buf + k, y->src + key->start, n);
    k += n;
    if (computed) buf[k++] = ']';
    *name = buf;
    return k;
}

static bool is_fn(const PsNode *n) {
    return n && (n->kind == PS_NODE_FUNCTION_EXPR || n->kind == PS_NODE_ARROW_FUNCTION ||
                 n->kind == PS_NODE_FUNCTION_DECL);
}

static bool is_class(const PsNode *n) {
    return n && (n->kind == PS_NODE_CLASS_EXPR || n->kind == PS_NODE_CLASS_DECL);
}

static const char *ident_name(PsNode *id, size_t *len) {
    if (id && id->kind == PS_NODE_IDENTIFIER && !(id->flags & PS_NF_MISSING)) {
        *len = id->aux;
        return PS_AS(PsIdent, id)->name;
    }
    *len = 0;
    return "";
}

// Symbols nested in a function's body.
static void function_children(Sy *y, PsNode *fn, json_t *out) {
    PsFunction *f = PS_AS(PsFunction, fn);
    if (f->body) collect(y, f->body, out, false);
}

static void object_members(Sy *y, PsNode *obj, json_t *out);

static void class_members(Sy *y, PsNode *cls, json_t *out) {
    PsNode *body = PS_AS(PsClass, cls)->body;
    if (!body || body->kind != PS_NODE_CLASS_BODY) return;
    PsList *l = &PS_AS(PsListNode, body)->items;
    for (uint32_t i = 0; i < l->count; i++) {
        PsNode *m = l->items[i];
        if (!m) continue;
        if (m->kind == PS_NODE_STATIC_BLOCK) {
            collect(y, m, out, false);
            continue;
        }
        if (m->kind != PS_NODE_METHOD_DEF && m->kind != PS_NODE_PROPERTY_DEF && m->kind != PS_NODE_ACCESSOR_PROPERTY)
            continue;
        PsClassMember *cm = PS_AS(PsClassMember, m);
        char buf[96];
        const char *name = "";
        size_t len = key_name(y, cm->key, (m->flags & PS_NF_COMPUTED) != 0, &name, buf, sizeof buf);
        int kind = K_FIELD;
        const char *detail = (m->flags & PS_NF_STATIC) ? "static" : NULL;
        if (m->kind == PS_NODE_METHOD_DEF) {
            kind = m->op == PS_PROP_CONSTRUCTOR ? K_CONSTRUCTOR
                   : (m->op == PS_PROP_GET || m->op == PS_PROP_SET) ? K_PROPERTY
                                                                    : K_METHOD;
            if (m->op == PS_PROP_GET) detail = (m->flags & PS_NF_STATIC) ? "static get" : "get";
            if (m->op == PS_PROP_SET) detail = (m->flags & PS_NF_STATIC) ? "static set" : "set";
        } else if (m->kind == PS_NODE_ACCESSOR_PROPERTY) {
            kind = K_PROPERTY;
        } else if (is_fn(cm->value)) {
            kind = K_METHOD;
        }
        uint32_t ss = cm->key ? cm->key->start : m->start, se = cm->key ? cm->key->end : m->start;
        json_t *j = sym(y, name, len, kind, detail, m->start, m->end, ss, se);
        if (is_fn(cm->value)) function_children(y, cm->value, children_of(j));
        else if (cm->value) collect(y, cm->value, children_of(j), false);
        json_array_append_new(out, j);
    }
}

static json_t *class_symbol(Sy *y, PsNode *cls, const char *name, size_t len, uint32_t start, uint32_t end,
                            uint32_t ss, uint32_t se, const char *detail) {
    json_t *j = sym(y, name, len, K_CLASS, detail, start, end, ss, se);
    class_members(y, cls, children_of(j));
    return j;
}

static void object_members(Sy *y, PsNode *obj, json_t *out) {
    PsList *l = &PS_AS(PsListNode, obj)->items;
    for (uint32_t i = 0; i < l->count; i++) {
        PsNode *p = l->items[i];
        if (!p || p->kind != PS_NODE_PROPERTY) continue;
        PsProperty *pr = PS_AS(PsProperty, p);
        char buf[96];
        const char *name = "";
        size_t len = key_name(y, pr->key, (p->flags & PS_NF_COMPUTED) != 0, &name, buf, sizeof buf);
        int kind = K_PROPERTY;
        const char *detail = NULL;
        if ((p->flags & PS_NF_METHOD) || is_fn(pr->value)) kind = K_METHOD;
        if (p->op == PS_PROP_GET) detail = "get";
        if (p->op == PS_PROP_SET) detail = "set";
        if (p->op == PS_PROP_GET || p->op == PS_PROP_SET) kind = K_PROPERTY;
        uint32_t ss = pr->key ? pr->key->start : p->start, se = pr->key ? pr->key->end : p->start;
        json_t *j = sym(y, name, len, kind, detail, p->start, p->end, ss, se);
        if (is_fn(pr->value)) function_children(y, pr->value, children_of(j));
        else if (pr->value && pr->value->kind == PS_NODE_OBJECT_EXPR) object_members(y, pr->value, children_of(j));
        else if (is_class(pr->value)) class_members(y, pr->value, children_of(j));
        json_array_append_new(out, j);
    }
}

// Identifiers bound by a destructuring pattern, as variables.
static void pattern_symbols(Sy *y, PsNode *p, int kind, const char *detail, json_t *out) {
    if (!p) return;
    switch ((PsNodeKind)p->kind) {
    case PS_NODE_IDENTIFIER: {
        size_t len;
        const char *name = ident_name(p, &len);
        if (len) json_array_append_new(out, sym(y, name, len, kind, detail, p->start, p->end, p->start, p->end));
        return;
    }
    case PS_NODE_OBJECT_PATTERN:
    case PS_NODE_ARRAY_PATTERN: {
        PsList *l = &PS_AS(PsListNode, p)->items;
        for (uint32_t i = 0; i < l->count; i++) {
            PsNode *e = l->items[i];
            if (e && e->kind == PS_NODE_PROPERTY) e = PS_AS(PsProperty, e)->value;
            pattern_symbols(y, e, kind, detail, out);
        }
        return;
    }
    case PS_NODE_ASSIGN_PATTERN: pattern_symbols(y, PS_AS(PsBinary, p)->left, kind, detail, out); return;
    case PS_NODE_REST_ELEMENT: pattern_symbols(y, PS_AS(PsUnary, p)->arg, kind, detail, out); return;
    default: return;
    }
}

static void declarator(Sy *y, PsNode *d, bool is_const, bool top, const char *detail, json_t *out) {
    if (d->kind != PS_NODE_VAR_DECLARATOR) return;
    PsVarDeclarator *vd = PS_AS(PsVarDeclarator, d);
    PsNode *id = vd->id, *init = vd->init;
    if (!id) return;
    if (id->kind != PS_NODE_IDENTIFIER) {
        if (top) pattern_symbols(y, id, is_const ? K_CONSTANT : K_VARIABLE, detail, out);
        if (init) collect(y, init, out, false);
        return;
    }
    size_t len;
    const char *name = ident_name(id, &len);
    if (is_fn(init)) {
        json_t *j = sym(y, name, len, K_FUNCTION, detail, d->start, d->end, id->start, id->end);
        function_children(y, init, children_of(j));
        json_array_append_new(out, j);
    } else if (is_class(init)) {
        json_array_append_new(out, class_symbol(y, init, name, len, d->start, d->end, id->start, id->end, detail));
    } else if (top) {
        json_t *j = sym(y, name, len, is_const ? K_CONSTANT : K_VARIABLE, detail, d->start, d->end, id->start,
                        id->end);
        if (init && init->kind == PS_NODE_OBJECT_EXPR) object_members(y, init, children_of(j));
        else if (init) collect(y, init, children_of(j), false);
        json_array_append_new(out, j);
    } else if (init) {
        collect(y, init, out, false);
    }
}

// A declaration (possibly exported: detail "export").
static bool declaration(Sy *y, PsNode *n, json_t *out, bool top, const char *detail) {
    switch ((PsNodeKind)n->kind) {
    case PS_NODE_FUNCTION_DECL: {
        PsFunction *f = PS_AS(PsFunction, n);
        size_t len;
        const char *name = ident_name(f->id, &len);
        if (!len && detail) name = "default", len = 7;
        uint32_t ss = f->id ? f->id->start : n->start, se = f->id ? f->id->end : n->start;
        json_t *j = sym(y, name, len, K_FUNCTION, detail, n->start, n->end, ss, se);
        function_children(y, n, children_of(j));
        json_array_append_new(out, j);
        return true;
    }
    case PS_NODE_CLASS_DECL: {
        PsClass *c = PS_AS(PsClass, n);
        size_t len;
        const char *name = ident_name(c->id, &len);
        if (!len && detail) name = "default", len = 7;
        uint32_t ss = c->id ? c->id->start : n->start, se = c->id ? c->id->end : n->start;
        json_array_append_new(out, class_symbol(y, n, name, len, n->start, n->end, ss, se, detail));
        return true;
    }
    case PS_NODE_VAR_DECL: {
        bool is_const = n->op == PS_VAR_CONST || n->op == PS_VAR_USING || n->op == PS_VAR_AWAIT_USING;
        PsList *l = &PS_AS(PsListNode, n)->items;
        for (uint32_t i = 0; i < l->count; i++)
            if (l->items[i]) declarator(y, l->items[i], is_const, top, detail, out);
        return true;
    }
    default: return false;
    }
}

static void export_specifiers(Sy *y, PsNode *n, json_t *out) {
    PsModuleDecl *md = PS_AS(PsModuleDecl, n);
    const char *detail = md->source ? "re-export" : "export";
    for (uint32_t i = 0; i < md->specifiers.count; i++) {
        PsNode *sp = md->specifiers.items[i];
        if (!sp || sp->kind != PS_NODE_EXPORT_SPECIFIER) continue;
        PsSpecifier *spec = PS_AS(PsSpecifier, sp);
        PsNode *shown = spec->external ? spec->external : spec->local;
        if (!shown) continue;
        char buf[96];
        const char *name = "";
        size_t len = key_name(y, shown, false, &name, buf, sizeof buf);
        json_array_append_new(out, sym(y, name, len, K_VARIABLE, detail, sp->start, sp->end, shown->start, shown->end));
    }
}

static bool visit_generic(PsNode *child, void *ctx);

typedef struct Generic {
    Sy *y;
    json_t *out;
    bool top;
} Generic;

static void collect(Sy *y, PsNode *n, json_t *out, bool top) {
    if (!n || y->cancelled) return;
    if ((++y->visits & 8191) == 0 && lsp_cancelled(y->s)) {
        y->cancelled = true;
        return;
    }
    switch ((PsNodeKind)n->kind) {
    case PS_NODE_FUNCTION_DECL:
    case PS_NODE_CLASS_DECL:
    case PS_NODE_VAR_DECL: declaration(y, n, out, top, NULL); return;
    case PS_NODE_EXPORT_NAMED_DECL: {
        PsModuleDecl *md = PS_AS(PsModuleDecl, n);
        if (md->declaration) declaration(y, md->declaration, out, true, "export");
        else export_specifiers(y, n, out);
        return;
    }
    case PS_NODE_EXPORT_DEFAULT_DECL: {
        PsNode *d = PS_AS(PsUnary, n)->arg;
        if (!d) return;
        if (declaration(y, d, out, true, "export default")) return;
        uint32_t kw = n->start;
        json_t *j = sym(y, "default", 7, is_fn(d) ? K_FUNCTION : is_class(d) ? K_CLASS : K_VARIABLE,
                        "export default", n->start, n->end, kw, kw + 6 <= n->end ? kw + 6 : kw);
        if (is_fn(d)) function_children(y, d, children_of(j));
        else if (is_class(d)) class_members(y, d, children_of(j));
        else if (d->kind == PS_NODE_OBJECT_EXPR) object_members(y, d, children_of(j));
        else collect(y, d, children_of(j), false);
        json_array_append_new(out, j);
        return;
    }
    case PS_NODE_EXPORT_ALL_DECL: {
        PsNode *ex = PS_AS(PsModuleDecl, n)->declaration;
        if (ex) {
            char buf[96];
            const char *name = "";
            size_t len = key_name(y, ex, false, &name, buf, sizeof buf);
            json_array_append_new(out, sym(y, name, len, K_VARIABLE, "re-export", n->start, n->end, ex->start, ex->end));
        }
        return;
    }
    case PS_NODE_IMPORT_DECL: return;
    case PS_NODE_CLASS_EXPR: {
        PsClass *c = PS_AS(PsClass, n);
        if (c->id) {
            size_t len;
            const char *name = ident_name(c->id, &len);
            json_array_append_new(out, class_symbol(y, n, name, len, n->start, n->end, c->id->start, c->id->end, NULL));
            return;
        }
        break;
    }
    default: break;
    }
    // Anything else: look for declarations inside (function bodies of
    // callbacks and IIFEs, blocks, loops...). Only the program's own
    // statements are `top`.
    Generic g = {y, out, n->kind == PS_NODE_PROGRAM};
    ps_node_for_each_child(n, visit_generic, &g);
}

static bool visit_generic(PsNode *child, void *ctx) {
    Generic *g = ctx;
    collect(g->y, child, g->out, g->top);
    return !g->y->cancelled;
}

// SymbolInformation[] from the DocumentSymbol tree.
static void flatten(Sy *y, json_t *syms, const char *container, json_t *out) {
    size_t i;
    json_t *j;
    json_array_foreach(syms, i, j) {
        json_t *info = json_object();
        json_object_set(info, "name", json_object_get(j, "name"));
        json_object_set(info, "kind", json_object_get(j, "kind"));
        json_object_set_new(info, "location",
                            json_pack("{s:s,s:O}", "uri", y->doc->uri, "range", json_object_get(j, "range")));
        if (container) json_object_set_new(info, "containerName", json_string(container));
        json_array_append_new(out, info);
        flatten(y, json_object_get(j, "children"), json_string_value(json_object_get(j, "name")), out);
    }
}

// Removes empty children arrays (smaller replies).
static void prune(json_t *syms) {
    size_t i;
    json_t *j;
    json_array_foreach(syms, i, j) {
        json_t *c = json_object_get(j, "children");
        if (json_array_size(c) == 0) json_object_del(j, "children");
        else prune(c);
    }
}

void lsp_symbols(LspServer *s, json_t *params, LspReply *r) {
    LspDoc *doc = lsp_param_doc(s, params, r);
    if (!doc) return;
    Sy y = {s, doc, doc->text.data, 0, false};
    json_t *out = json_array();
    collect(&y, doc->parse->root, out, true);
    if (y.cancelled) {
        json_decref(out);
        lsp_reply_error(r, LSP_ERR_REQUEST_CANCELLED, "request cancelled");
        return;
    }
    if (s->hierarchical_symbols) {
        prune(out);
        r->result = out;
        return;
    }
    json_t *flat = json_array();
    flatten(&y, out, NULL, flat);
    json_decref(out);
    r->result = flat;
}
