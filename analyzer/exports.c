// Module exports: every exported name at most once (duplicate-export), and
// every local name of `export { x }` declared at the module's top level
// (export-of-undeclared-name). Exported names are interned like
// identifiers; AnName.exported remembers the first export of each.
#include "analyzer_int.h"

// The range of `default` in `export default` (of `export` when comments
// separate them).
static OchSpan default_range(const AnWalker *w, const PsNode *n) {
    const char *src = w->res->parse->src;
    uint32_t i = n->start + 6;
    while (i < n->end && (src[i] == ' ' || src[i] == '\t' || src[i] == '\n' || src[i] == '\r')) i++;
    if (i + 7 <= n->end && memcmp(src + i, "default", 7) == 0) return (OchSpan){i, i + 7};
    return (OchSpan){n->start, n->start + 6};
}

static void export_named(AnWalker *w, AnName *name, uint32_t start, uint32_t end, PsNode *node) {
    if (!name->exported) {
        name->exported = node;
        return;
    }
    const PsNode *first = name->exported;
    uint32_t fstart = first->start, fend = first->end;
    if (first->kind == PS_NODE_EXPORT_DEFAULT_DECL) {
        OchSpan r = default_range(w, first);
        fstart = r.start;
        fend = r.end;
    }
    OchDiag *d = an_error(w, AN_E_DUPLICATE_EXPORT, start, end,
                          "duplicate export of '%.*s': a module exports each name once; remove "
                          "one of the exports or rename it with 'as'",
                          (int)name->len, name->str);
    if (d) och_diag_related(&w->res->diags, d, fstart, fend, "'%.*s' was first exported here",
                            (int)name->len, name->str);
}

void an_export_name(AnWalker *w, PsNode *n) {
    if (!n || (n->flags & PS_NF_MISSING)) return;
    AnName *name;
    if (n->kind == PS_NODE_IDENTIFIER) {
        name = an_intern_ident(w, n);
    } else if (n->kind == PS_NODE_LITERAL && n->op == PS_LIT_STRING) {
        name = an_intern(w, PS_AS(PsLiteral, n)->u.str, n->aux);
    } else {
        return;
    }
    export_named(w, name, n->start, n->end, n);
}

void an_export_ident(AnWalker *w, PsNode *id) {
    if (!id || id->kind != PS_NODE_IDENTIFIER || (id->flags & PS_NF_MISSING)) return;
    AnName *name = an_intern_ident(w, id);
    AnBinding *b = an_find_in_scope(name, w->scope);
    if (b) b->flags |= AN_BF_EXPORTED;
    export_named(w, name, id->start, id->end, id);
}

void an_export_default(AnWalker *w, PsNode *n) {
    OchSpan r = default_range(w, n);
    export_named(w, w->n_default, r.start, r.end, n);
}

void an_report_undeclared_export(AnWalker *w, AnRef *ref) {
    const PsNode *id = ref->node;
    an_error(w, AN_E_UNDECLARED_EXPORT, id->start, id->end,
             "'%.*s' is exported but not declared in this module; declare it at the top level, "
             "or re-export it from another module with `export { %.*s } from \"...\"`",
             (int)id->aux, ((const PsIdent *)id)->name, (int)id->aux, ((const PsIdent *)id)->name);
}
