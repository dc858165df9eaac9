// Go to definition, find references and document highlights, from the
// analyzer's bindings (an_binding_at, AnBinding.refs): no name matching
// except across modules, where an import specifier names an export.
//
// An import binding leads to the export it imports when the module is a
// relative specifier of an open document or a file on disk (re-exports
// `export { x } from` and import-then-export chains are followed); the
// references of an exported binding include its uses in the open documents
// that import it (named, default and namespace `ns.x` imports).
#include <string.h>

#include "lsp_int.h"

#define MAX_HOPS (LSP_TEMPS_MAX - 1)  // re-export chains followed at most this deep

typedef LspTemps Temps;

void lsp_temps_free(LspTemps *t) {
    for (uint32_t i = 0; i < t->n; i++) lsp_doc_free(t->v[i]);
    t->n = 0;
}
#define temps_free lsp_temps_free

static void temps_add(Temps *t, LspDoc *d, bool temp) {
    if (temp && t->n < LSP_TEMPS_MAX) t->v[t->n++] = d;
    else if (temp) lsp_doc_free(d);
}

json_t *lsp_location(LspServer *s, LspDoc *doc, uint32_t start, uint32_t end) {
    return json_pack("{s:s,s:o}", "uri", doc->uri, "range", lsp_json_range(s, doc, start, end));
}

// The external name an import specifier imports ("default" for a default
// import; NULL for a namespace import).
const char *lsp_imported_name(PsNode *spec, uint32_t *len) {
    if (spec->kind == PS_NODE_IMPORT_DEFAULT_SPECIFIER) {
        *len = 7;
        return "default";
    }
    if (spec->kind != PS_NODE_IMPORT_SPECIFIER) return NULL;
    return lsp_node_name(PS_AS(PsSpecifier, spec)->external, len);
}

// Follows an import binding to the exporting module. On success *doc and
// *node are the module and the identifier (or statement) to show, and the
// result the exported binding (NULL for a namespace import or an
// `export default <expression>`). Returns false when the module cannot be
// resolved. Loaded documents go to temps.
bool lsp_follow_import(LspServer *s, LspDoc **doc, AnBinding **b, PsNode **node, Temps *temps) {
    LspDoc *d = *doc;
    AnBinding *cur = *b;
    bool moved = false;
    for (uint32_t hop = 0; hop < MAX_HOPS && cur && cur->kind == AN_BIND_IMPORT && cur->decl; hop++) {
        PsNode *spec = cur->decl;
        PsNode *decl = lsp_module_decl_of(d, spec);
        if (!decl || decl->kind != PS_NODE_IMPORT_DECL) break;
        bool temp;
        LspDoc *target = lsp_doc_resolve(s, d, PS_AS(PsModuleDecl, decl)->source, &temp);
        if (!target) break;
        temps_add(temps, target, temp);
        moved = true;
        uint32_t len;
        const char *name = lsp_imported_name(spec, &len);
        if (!name) {  // namespace: the module itself
            *doc = target;
            *b = NULL;
            *node = target->parse->root;
            return true;
        }
        // Re-exports: `export { name } from "./next.js"` continue there.
        PsNode *where;
        AnBinding *eb = lsp_export_lookup(target, name, len, &where);
        for (uint32_t k = 0; !eb && where && hop < MAX_HOPS; k++, hop++) {
            PsNode *ed = lsp_module_decl_of(target, where);
            if (!ed || ed->kind != PS_NODE_EXPORT_NAMED_DECL || !PS_AS(PsModuleDecl, ed)->source) break;
            LspDoc *next = lsp_doc_resolve(s, target, PS_AS(PsModuleDecl, ed)->source, &temp);
            if (!next) break;
            temps_add(temps, next, temp);
            name = lsp_node_name(where, &len);
            if (!name) break;
            target = next;
            eb = lsp_export_lookup(target, name, len, &where);
        }
        d = target;
        *node = where;
        cur = eb;
        if (!eb) break;
    }
    if (!moved) return false;
    *doc = d;
    *b = cur;
    if (cur && cur->id && (!*node || (*node)->kind == PS_NODE_IDENTIFIER)) *node = cur->id;
    return *node != NULL;
}

// Definition ---------------------------------------------------------------------------

// The module a cursor on an import/export source string names, or the
// export a re-export specifier names.
static json_t *source_definition(LspServer *s, LspDoc *doc, uint32_t off) {
    PsNode *decl = lsp_module_decl_of(doc, &(PsNode){.start = off, .end = off});
    if (!decl || decl->kind == PS_NODE_EXPORT_DEFAULT_DECL) return NULL;
    PsNode *src = PS_AS(PsModuleDecl, decl)->source;
    if (!src) return NULL;
    // `export { x as y } from "./m.js"` with the cursor on x: the export of m.
    PsNode *name = NULL;
    if (decl->kind == PS_NODE_EXPORT_NAMED_DECL && (off < src->start || off > src->end)) {
        PsList *sp = &PS_AS(PsModuleDecl, decl)->specifiers;
        for (uint32_t i = 0; i < sp->count && !name; i++) {
            PsNode *local = sp->items[i] ? PS_AS(PsSpecifier, sp->items[i])->local : NULL;
            if (local && local->start <= off && off <= local->end) name = local;
        }
        if (!name) return NULL;
    } else if (off < src->start || off >= src->end) {
        return NULL;
    }
    bool temp;
    LspDoc *target = lsp_doc_resolve(s, doc, src, &temp);
    if (!target) return NULL;
    json_t *loc = NULL;
    uint32_t len;
    const char *t = name ? lsp_node_name(name, &len) : NULL;
    PsNode *where = NULL;
    if (t) lsp_export_lookup(target, t, len, &where);
    if (where && where->kind != PS_NODE_EXPORT_DEFAULT_DECL) loc = lsp_location(s, target, where->start, where->end);
    else if (!name) loc = lsp_location(s, target, 0, 0);
    if (temp) lsp_doc_free(target);
    return loc ? json_pack("[o]", loc) : NULL;
}

void lsp_definition(LspServer *s, json_t *params, LspReply *r) {
    LspDoc *doc;
    uint32_t off;
    if (!lsp_param_doc_pos(s, params, r, &doc, &off)) return;
    AnBinding *b = an_binding_at(doc->an, off);
    if (!b) {
        r->result = source_definition(s, doc, off);
        return;
    }
    if (b->kind == AN_BIND_IMPORT) {
        Temps temps = {0};
        LspDoc *d = doc;
        AnBinding *eb = b;
        PsNode *node = NULL;
        if (lsp_follow_import(s, &d, &eb, &node, &temps)) {
            uint32_t a = node->kind == PS_NODE_PROGRAM ? 0 : node->start;
            uint32_t e = node->kind == PS_NODE_PROGRAM ? 0 : node->end;
            r->result = json_pack("[o]", lsp_location(s, d, a, e));
            temps_free(&temps);
            return;
        }
        temps_free(&temps);
    }
    if (!b->id) return;  // implicit `arguments`
    r->result = json_pack("[o]", lsp_location(s, doc, b->id->start, b->id->end));
}

// References ---------------------------------------------------------------------------

typedef struct Refs {
    LspServer *s;
    json_t *out;
    bool include_decl;
    // Export names of the binding (at most 8), matched against importers.
    struct {
        const char *name;
        uint32_t len;
    } names[8];
    uint32_t nnames;
} Refs;

static int ref_cmp(const void *a, const void *b) {
    const AnRef *x = *(AnRef *const *)a, *y = *(AnRef *const *)b;
    return x->node->start < y->node->start ? -1 : x->node->start > y->node->start;
}

// The references of b and of its twin (lsp_binding_twin), in source
// order, without the declaring identifier; *n set. Caller frees.
static AnRef **sorted_refs(LspDoc *doc, AnBinding *b, uint32_t *n) {
    AnBinding *t = lsp_binding_twin(doc->an, b);
    uint32_t cap = b->nrefs + (t ? t->nrefs : 0), k = cap;
    AnRef **v = och_malloc((cap ? cap : 1) * sizeof *v);
    // Each list is newest first: fill backwards, so one list comes out sorted.
    for (int pass = 0; pass < 2; pass++) {
        AnBinding *x = pass ? t : b;
        for (AnRef *ref = x ? x->refs : NULL; ref && k > 0; ref = ref->next_for_binding)
            if (ref->node != b->id) v[--k] = ref;
    }
    uint32_t m = cap - k;
    memmove(v, v + k, m * sizeof *v);
    if (t) qsort(v, m, sizeof *v, ref_cmp);
    *n = m;
    return v;
}

// Appends the locations of binding b of doc: its declaration (when asked)
// and its references in source order.
static void binding_locations(Refs *x, LspDoc *doc, AnBinding *b, bool decl) {
    if (decl && b->id) json_array_append_new(x->out, lsp_location(x->s, doc, b->id->start, b->id->end));
    uint32_t n;
    AnRef **v = sorted_refs(doc, b, &n);
    for (uint32_t i = 0; i < n; i++)
        json_array_append_new(x->out, lsp_location(x->s, doc, v[i]->node->start, v[i]->node->end));
    och_free(v);
}

static void collect_name(void *ctx, PsNode *name, PsNode *spec) {
    (void)spec;
    Refs *x = ctx;
    uint32_t len;
    const char *t = name->kind == PS_NODE_EXPORT_DEFAULT_DECL ? "default" : lsp_node_name(name, &len);
    if (name->kind == PS_NODE_EXPORT_DEFAULT_DECL) len = 7;
    if (t && x->nnames < 8) {
        x->names[x->nnames].name = t;
        x->names[x->nnames].len = len;
        x->nnames++;
    }
}

static bool is_export_name(Refs *x, const char *t, uint32_t len) {
    for (uint32_t i = 0; i < x->nnames; i++)
        if (x->names[i].len == len && memcmp(x->names[i].name, t, len) == 0) return true;
    return false;
}

// `ns.name` uses of a namespace import.
static void namespace_uses(Refs *x, LspDoc *doc, AnBinding *ns) {
    PsNode *path[256];
    for (AnRef *ref = ns->refs; ref; ref = ref->next_for_binding) {
        uint32_t n = lsp_node_path(doc->parse->root, ref->node->start, path, 256);
        if (n < 2 || path[n - 1] != ref->node) continue;
        PsNode *p = path[n - 2];
        if (p->kind != PS_NODE_MEMBER_EXPR || (p->flags & PS_NF_COMPUTED) || PS_AS(PsMember, p)->object != ref->node)
            continue;
        PsNode *prop = PS_AS(PsMember, p)->property;
        uint32_t len;
        const char *t = lsp_node_name(prop, &len);
        if (t && is_export_name(x, t, len))
            json_array_append_new(x->out, lsp_location(x->s, doc, prop->start, prop->end));
    }
}

static bool importer_refs(void *ctx, LspDoc *doc, PsNode *decl) {
    Refs *x = ctx;
    PsModuleDecl *m = PS_AS(PsModuleDecl, decl);
    for (uint32_t i = 0; i < m->specifiers.count; i++) {
        PsNode *spec = m->specifiers.items[i];
        if (!spec) continue;
        PsSpecifier *sp = PS_AS(PsSpecifier, spec);
        AnBinding *lb = sp->local ? an_binding_of_node(doc->an, sp->local) : NULL;
        if (!lb) continue;
        if (spec->kind == PS_NODE_IMPORT_NAMESPACE_SPECIFIER) {
            namespace_uses(x, doc, lb);
            continue;
        }
        uint32_t len;
        const char *t = lsp_imported_name(spec, &len);
        if (!t || !is_export_name(x, t, len)) continue;
        // The imported name (when written apart from the local one), then the
        // local binding's uses.
        if (sp->external && sp->external != sp->local && spec->kind == PS_NODE_IMPORT_SPECIFIER)
            json_array_append_new(x->out, lsp_location(x->s, doc, sp->external->start, sp->external->end));
        binding_locations(x, doc, lb, true);
    }
    return !lsp_cancelled(x->s);
}

void lsp_references(LspServer *s, json_t *params, LspReply *r) {
    LspDoc *doc;
    uint32_t off;
    if (!lsp_param_doc_pos(s, params, r, &doc, &off)) return;
    json_t *ctx = json_object_get(params, "context");
    json_t *incl = json_object_get(ctx, "includeDeclaration");
    if ((ctx && !json_is_object(ctx)) || (incl && !json_is_boolean(incl))) {
        lsp_reply_error(r, LSP_ERR_INVALID_PARAMS, "context.includeDeclaration: boolean expected");
        return;
    }
    AnBinding *b = an_binding_at(doc->an, off);
    r->result = json_array();
    if (!b) return;
    Refs x = {.s = s, .out = r->result, .include_decl = json_is_true(incl)};
    Temps temps = {0};
    LspDoc *d = doc;
    if (b->kind == AN_BIND_IMPORT) {
        // Start from the exported binding when it can be found.
        LspDoc *od = doc;
        AnBinding *ob = b;
        PsNode *node = NULL;
        if (lsp_follow_import(s, &od, &ob, &node, &temps) && ob && ob->kind != AN_BIND_IMPORT) {
            d = od;
            b = ob;
        }
    }
    binding_locations(&x, d, b, x.include_decl);
    lsp_export_names(d, b, collect_name, &x);
    if (x.nnames) lsp_for_each_importer(s, d, false, importer_refs, &x);
    temps_free(&temps);
}

// Highlights ---------------------------------------------------------------------------

#define HL_TEXT 1
#define HL_READ 2
#define HL_WRITE 3

static json_t *highlight(LspServer *s, LspDoc *doc, PsNode *id, int kind) {
    return json_pack("{s:o,s:i}", "range", lsp_json_range(s, doc, id->start, id->end), "kind", kind);
}

void lsp_highlight(LspServer *s, json_t *params, LspReply *r) {
    LspDoc *doc;
    uint32_t off;
    if (!lsp_param_doc_pos(s, params, r, &doc, &off)) return;
    AnBinding *b = an_binding_at(doc->an, off);
    json_t *out = json_array();
    r->result = out;
    if (!b) {
        // A global: its other uses in the document.
        AnResult *an = doc->an;
        const AnRef *at = NULL;
        for (uint32_t i = 0; i < an->nunresolved && !at; i++) {
            const PsNode *n = an->unresolved[i]->node;
            if (n->start <= off && off <= n->end) at = an->unresolved[i];
        }
        if (!at || (at->flags & (AN_REF_LABEL | AN_REF_PRIVATE))) return;
        for (uint32_t i = 0; i < an->nunresolved; i++) {
            const AnRef *ref = an->unresolved[i];
            if (ref->node->aux == at->node->aux && !(ref->flags & (AN_REF_LABEL | AN_REF_PRIVATE)) &&
                memcmp(PS_AS(PsIdent, ref->node)->name, PS_AS(PsIdent, at->node)->name, at->node->aux) == 0)
                json_array_append_new(out, highlight(s, doc, ref->node, ref->flags & AN_REF_WRITE ? HL_WRITE : HL_READ));
        }
        return;
    }
    bool label = b->kind == AN_BIND_LABEL;
    if (b->id) json_array_append_new(out, highlight(s, doc, b->id, label ? HL_TEXT : HL_WRITE));
    uint32_t n;
    AnRef **v = sorted_refs(doc, b, &n);
    for (uint32_t i = 0; i < n; i++) {
        int kind = label ? HL_TEXT : (v[i]->flags & AN_REF_WRITE) ? HL_WRITE : HL_READ;
        json_array_append_new(out, highlight(s, doc, v[i]->node, kind));
    }
    och_free(v);
}
