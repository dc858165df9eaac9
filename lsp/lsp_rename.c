// Rename: prepareRename and rename of a binding, as one WorkspaceEdit.
//
// A rename is refused (RequestFailed with a sentence) when the new name is
// not an identifier or is reserved where the binding lives, or when it would
// change what some name means:
// - the binding's scope already declares the new name;
// - a reference of the binding would resolve to another binding of the new
//   name declared between it and the binding (shadowing);
// - a reference to another binding (or a global) with the new name, inside
//   the binding's scope, would resolve to the renamed binding (capture).
// Bindings in scopes with `with` or a sloppy direct eval are refused too.
// Private names (`#x`) are renamed within their class, with the same
// checks against the private names of the classes around the uses.
//
// The edits keep property and export names: a shorthand property `{x}`
// becomes `{x: y}`, `export {x}` becomes `export {y as x}`, and
// `import {x}` renamed locally becomes `import {x as y}`. An exported
// declaration (`export function x`) changes its exported name, so the
// imports of it in the open documents and in the .js/.mjs files of the
// workspace folders change too (a shorthand `import {x}` renames the
// importer's binding, checked the same way).
#include <string.h>

#include "lsp_int.h"

typedef struct Edit {
    uint32_t start, end;
    char *text;  // owned
} Edit;

typedef OCH_VEC(Edit) EditVec;

typedef struct Ren {
    LspServer *s;
    const char *old;  // the binding's current name
    uint32_t oldlen;
    const char *nn;   // new name
    uint32_t nlen;
    json_t *changes;  // WorkspaceEdit.changes
    char err[240];    // refusal, when set
} Ren;

static bool name_is(const PsNode *id, const char *t, uint32_t len) {
    uint32_t l;
    const char *n = lsp_node_name(id, &l);
    return n && l == len && memcmp(n, t, len) == 0;
}

// Appends an edit; flush_edits drops the duplicates (one node reached
// twice: declaration and initialization, or a class's two bindings).
static void add_edit(EditVec *v, uint32_t start, uint32_t end, const char *a, uint32_t alen, const char *mid,
                     const char *b, uint32_t blen) {
    size_t ml = mid ? strlen(mid) : 0;
    char *t = och_malloc(alen + ml + blen + 1);
    memcpy(t, a, alen);
    if (ml) memcpy(t + alen, mid, ml);
    if (blen) memcpy(t + alen + ml, b, blen);
    t[alen + ml + blen] = 0;
    och_vec_push(v, ((Edit){start, end, t}));
}

// The edit for one occurrence (declaring identifier or reference) of the
// binding: plain replacement, or the forms that keep a property or module
// export name.
static void occurrence(Ren *x, LspDoc *doc, PsNode *id, EditVec *v) {
    PsNode *path[256];
    uint32_t n = lsp_node_path(doc->parse->root, id->start, path, 256);
    PsNode *p = n >= 2 && path[n - 1] == id ? path[n - 2] : NULL;
    if (p && p->kind == PS_NODE_PROPERTY && (p->flags & PS_NF_SHORTHAND) && PS_AS(PsProperty, p)->key == id) {
        add_edit(v, id->start, id->end, x->old, x->oldlen, ": ", x->nn, x->nlen);
        return;
    }
    if (p && p->kind == PS_NODE_EXPORT_SPECIFIER && PS_AS(PsSpecifier, p)->local == id &&
        PS_AS(PsSpecifier, p)->external == id) {
        add_edit(v, id->start, id->end, x->nn, x->nlen, " as ", x->old, x->oldlen);
        return;
    }
    if (p && p->kind == PS_NODE_IMPORT_SPECIFIER && PS_AS(PsSpecifier, p)->local == id &&
        PS_AS(PsSpecifier, p)->external == id) {
        add_edit(v, id->start, id->end, x->old, x->oldlen, " as ", x->nn, x->nlen);
        return;
    }
    add_edit(v, id->start, id->end, x->nn, x->nlen, NULL, NULL, 0);
}

static void binding_edits(Ren *x, LspDoc *doc, AnBinding *b, EditVec *v) {
    if (b->id) occurrence(x, doc, b->id, v);
    for (AnRef *ref = b->refs; ref; ref = ref->next_for_binding) occurrence(x, doc, ref->node, v);
}

static int edit_cmp(const void *a, const void *b) {
    const Edit *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

// Moves the edits of doc into x->changes[doc->uri] (sorted).
static void flush_edits(Ren *x, LspDoc *doc, EditVec *v) {
    if (v->len) {
        qsort(v->items, v->len, sizeof *v->items, edit_cmp);
        uint32_t w = 1;
        for (uint32_t i = 1; i < v->len; i++) {
            if (v->items[i].start == v->items[w - 1].start) och_free(v->items[i].text);
            else v->items[w++] = v->items[i];
        }
        v->len = w;
        json_t *arr = json_object_get(x->changes, doc->uri);
        if (!arr) {
            arr = json_array();
            json_object_set_new(x->changes, doc->uri, arr);
        }
        for (uint32_t i = 0; i < v->len; i++)
            json_array_append_new(arr, json_pack("{s:o,s:o}", "range",
                                                 lsp_json_range(x->s, doc, v->items[i].start, v->items[i].end),
                                                 "newText", lsp_json_str(v->items[i].text, strlen(v->items[i].text))));
    }
    for (uint32_t i = 0; i < v->len; i++) och_free(v->items[i].text);
    och_vec_free(v);
}

// Checks -------------------------------------------------------------------------------

static uint32_t line_of(LspDoc *doc, const PsNode *n) { return lsp_text_line_of(&doc->text, n->start) + 1; }

static const char *where(LspDoc *doc, char *buf, size_t n, const PsNode *at, bool other_doc) {
    if (other_doc) {
        const char *slash = doc->path ? strrchr(doc->path, '/') : NULL;
        snprintf(buf, n, "%s:%u", slash ? slash + 1 : doc->uri, line_of(doc, at));
    } else {
        snprintf(buf, n, "line %u", line_of(doc, at));
    }
    return buf;
}

static bool scope_within(const AnScope *inner, const AnScope *outer) {
    for (const AnScope *sc = inner; sc; sc = sc->parent)
        if (sc == outer) return true;
    return false;
}

typedef struct Capture {
    Ren *x;
    LspDoc *doc;
    AnBinding *b;
    const AnRef *hit;
} Capture;

static bool capture_ref(AnRef *ref, void *ctx) {
    Capture *c = ctx;
    if (ref->flags & (AN_REF_LABEL | AN_REF_PRIVATE)) return true;
    if (ref->binding == c->b || !name_is(ref->node, c->x->nn, c->x->nlen)) return true;
    // It resolves outside the binding's scope today (or to a global), but
    // occurs inside it: after the rename it would find the binding.
    const AnScope *bs = c->b->scope;
    if (ref->binding && ref->binding->scope->depth >= bs->depth) return true;
    if (!scope_within(ref->scope, bs)) return true;
    c->hit = ref;
    return false;
}

// Whether renaming b (in doc) to x->nn keeps every name's meaning; else
// sets x->err.
static bool check_binding(Ren *x, LspDoc *doc, AnBinding *b, bool other_doc) {
    char at[300];
    for (AnBinding *o = b->scope->bindings; o; o = o->next) {
        if (o != b && o->len == x->nlen && memcmp(o->name, x->nn, x->nlen) == 0) {
            snprintf(x->err, sizeof x->err, "cannot rename '%.*s' to '%.*s': '%.*s' is already declared in its scope (%s)",
                     (int)x->oldlen, x->old, (int)x->nlen, x->nn, (int)x->nlen, x->nn,
                     o->id ? where(doc, at, sizeof at, o->id, other_doc) : "implicitly");
            return false;
        }
    }
    const AnScope *checked = NULL;
    for (AnRef *ref = b->refs; ref; ref = ref->next_for_binding) {
        // A binding of the new name between the use and b's scope. Uses
        // come in runs from one scope: each scope is looked at once per run.
        AnBinding *o = NULL;
        if (ref->scope != checked) {
            for (const AnScope *sc = ref->scope; sc && sc != b->scope && !o; sc = sc->parent)
                for (AnBinding *y = sc->bindings; y && !o; y = y->next)
                    if (y->len == x->nlen && memcmp(y->name, x->nn, x->nlen) == 0) o = y;
            if (!o) checked = ref->scope;
        }
        if (o && o != b) {
            snprintf(x->err, sizeof x->err,
                     "cannot rename '%.*s' to '%.*s': the use at %s would refer to the '%.*s' declared at %s",
                     (int)x->oldlen, x->old, (int)x->nlen, x->nn, where(doc, at, 150, ref->node, other_doc),
                     (int)x->nlen, x->nn, o->id ? where(doc, at + 150, 150, o->id, other_doc) : "an inner scope");
            return false;
        }
        if (ref->flags & AN_REF_DYNAMIC) {
            snprintf(x->err, sizeof x->err, "cannot rename '%.*s': a `with` statement or direct eval may see it by name",
                     (int)x->oldlen, x->old);
            return false;
        }
    }
    if (b->scope->flags & (AN_SF_EVAL_TAINTED | AN_SF_DYNAMIC)) {
        snprintf(x->err, sizeof x->err, "cannot rename '%.*s': a direct eval may see it by name", (int)x->oldlen, x->old);
        return false;
    }
    Capture c = {x, doc, b, NULL};
    an_for_each_ref(doc->an, capture_ref, &c);
    if (c.hit) {
        snprintf(x->err, sizeof x->err,
                 "cannot rename '%.*s' to '%.*s': the use of '%.*s' at %s would then refer to the renamed binding",
                 (int)x->oldlen, x->old, (int)x->nlen, x->nn, (int)x->nlen, x->nn,
                 where(doc, at, sizeof at, c.hit->node, other_doc));
        return false;
    }
    return true;
}

// The new name must be an identifier that is not reserved where the
// binding lives: parsed as `var NAME;` with the document's goal and the
// binding's strictness.
static bool valid_name(Ren *x, LspDoc *doc, const AnBinding *b) {
    bool strict = (b->scope->flags & AN_SF_STRICT) != 0 || doc->goal == PS_GOAL_MODULE;
    bool word = x->nlen > 0 && !(x->nn[0] >= '0' && x->nn[0] <= '9');
    for (uint32_t i = 0; i < x->nlen && word; i++) {
        unsigned char c = (unsigned char)x->nn[i];
        word = c >= 0x80 || c == '$' || c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
               (c >= '0' && c <= '9');
    }
    bool ok = false;
    if (word && !memchr(x->nn, '\\', x->nlen)) {
        OchBuf src = {0};
        och_buf_puts(&src, "var ");
        och_buf_append(&src, x->nn, x->nlen);
        och_buf_puts(&src, ";");
        char *text = ps_source_dup(src.data, src.len);
        PsOptions po;
        ps_options_default(&po);
        po.goal = doc->goal;
        po.strict = strict;
        po.tolerant = true;
        PsParse *pp = ps_parse(text, src.len, &po);
        PsListNode *prog = PS_AS(PsListNode, pp->root);
        if (pp->diags.v.len == 0 && prog->items.count == 1 && prog->items.items[0]->kind == PS_NODE_VAR_DECL) {
            PsListNode *vd = PS_AS(PsListNode, prog->items.items[0]);
            PsNode *id = vd->items.count == 1 ? PS_AS(PsVarDeclarator, vd->items.items[0])->id : NULL;
            ok = id && id->kind == PS_NODE_IDENTIFIER && id->start == 4 && id->end == 4 + x->nlen;
        }
        ps_parse_free(pp);
        och_free(text);
        och_buf_free(&src);
        if (ok && strict && ((x->nlen == 4 && memcmp(x->nn, "eval", 4) == 0) ||
                             (x->nlen == 9 && memcmp(x->nn, "arguments", 9) == 0)))
            ok = false;
    }
    if (!ok) {
        snprintf(x->err, sizeof x->err, word ? "'%.*s' is a reserved word here; it cannot name a binding"
                                             : "'%.*s' is not a valid identifier",
                 (int)(x->nlen > 100 ? 100 : x->nlen), x->nn);
    }
    return ok;
}

// Bindings that can be renamed, or NULL with a reply set.
static AnBinding *renameable(LspServer *s, json_t *params, LspReply *r, LspDoc **doc, uint32_t *off) {
    if (!lsp_param_doc_pos(s, params, r, doc, off)) return NULL;
    AnBinding *b = an_binding_at((*doc)->an, *off);
    if (!b) {
        lsp_reply_error(r, LSP_ERR_REQUEST_FAILED, "there is no declared name here to rename");
        return NULL;
    }
    if (b->kind == AN_BIND_ARGUMENTS || b->kind == AN_BIND_LABEL || !b->id) {
        lsp_reply_error(r, LSP_ERR_REQUEST_FAILED, "'%.*s' cannot be renamed (only variables, functions, classes, "
                        "parameters, imports and private names can)", (int)(b->len > 100 ? 100 : b->len), b->name);
        return NULL;
    }
    if (b->kind == AN_BIND_CLASS_NAME) {
        AnBinding *t = lsp_binding_twin((*doc)->an, b);
        if (t) b = t;
    }
    return b;
}

// The identifier under the cursor (declaration or reference of b).
static PsNode *ident_at(LspDoc *doc, AnBinding *b, uint32_t off) {
    if (b->id && b->id->start <= off && off <= b->id->end) return b->id;
    AnBinding *t = lsp_binding_twin(doc->an, b);
    for (int k = 0; k < 2; k++, b = t) {
        for (AnRef *ref = b ? b->refs : NULL; ref; ref = ref->next_for_binding)
            if (ref->node->start <= off && off <= ref->node->end) return ref->node;
    }
    return b && b->id ? b->id : NULL;
}

void lsp_prepare_rename(LspServer *s, json_t *params, LspReply *r) {
    LspDoc *doc;
    uint32_t off;
    AnBinding *b = renameable(s, params, r, &doc, &off);
    if (!b) return;
    PsNode *id = ident_at(doc, b, off);
    if (!id) id = b->id;
    OchBuf ph = {0};
    if (b->kind == AN_BIND_PRIVATE) och_buf_putc(&ph, '#');
    och_buf_append(&ph, b->name, b->len);
    r->result = json_pack("{s:o,s:o}", "range", lsp_json_range(s, doc, id->start, id->end), "placeholder",
                          lsp_json_str(ph.data, ph.len));
    och_buf_free(&ph);
}

// Importers -----------------------------------------------------------------------------

typedef struct Imp {
    Ren *x;
    bool check;  // pass 1 checks, pass 2 edits
    bool failed;
} Imp;

static bool importer(void *ctx, LspDoc *doc, PsNode *decl) {
    Imp *im = ctx;
    Ren *x = im->x;
    PsModuleDecl *m = PS_AS(PsModuleDecl, decl);
    EditVec v = {0};
    for (uint32_t i = 0; i < m->specifiers.count; i++) {
        PsNode *spec = m->specifiers.items[i];
        if (!spec || spec->kind != PS_NODE_IMPORT_SPECIFIER) continue;
        PsSpecifier *sp = PS_AS(PsSpecifier, spec);
        if (!name_is(sp->external, x->old, x->oldlen)) continue;
        if (sp->external != sp->local) {  // `import { x as z }`: only the imported name
            if (!im->check) add_edit(&v, sp->external->start, sp->external->end, x->nn, x->nlen, NULL, NULL, 0);
            continue;
        }
        AnBinding *lb = an_binding_of_node(doc->an, sp->local);
        if (!lb) continue;
        if (im->check) {
            if (!check_binding(x, doc, lb, true)) {
                im->failed = true;
                return false;
            }
            continue;
        }
        // The importer's binding takes the new name: `import { y }`.
        add_edit(&v, sp->local->start, sp->local->end, x->nn, x->nlen, NULL, NULL, 0);
        for (AnRef *ref = lb->refs; ref; ref = ref->next_for_binding) occurrence(x, doc, ref->node, &v);
    }
    if (!im->check) flush_edits(x, doc, &v);
    else och_vec_free(&v);
    return !lsp_cancelled(x->s);
}

static void exported_decl(void *ctx, PsNode *name, PsNode *spec) {
    bool *hit = ctx;
    // `export const x` / `export function x`: the declaring identifier is the
    // exported name; specifiers keep theirs (see occurrence()).
    if (!spec && name->kind == PS_NODE_IDENTIFIER) *hit = true;
}

// Private names -----------------------------------------------------------------------

typedef struct PrivCapture {
    Ren *x;
    AnBinding *b;
    const AnRef *hit;
} PrivCapture;

// A use of another #y inside the class (declared by an outer class, or
// undeclared) would find the renamed name.
static bool private_capture(AnRef *ref, void *ctx) {
    PrivCapture *c = ctx;
    if (!(ref->flags & AN_REF_PRIVATE) || ref->binding == c->b) return true;
    if (ref->node->aux != c->x->nlen || memcmp(PS_AS(PsIdent, ref->node)->name, c->x->nn, c->x->nlen) != 0) return true;
    if (ref->binding && ref->binding->scope->depth >= c->b->scope->depth) return true;
    if (!scope_within(ref->scope, c->b->scope)) return true;
    c->hit = ref;
    return false;
}

// `#x` renamed to `#y` (newName with or without the `#`): valid when y is
// an identifier name (reserved words are fine), the class does not declare
// #y, no class between a use and the declaration declares #y, and no use of
// another #y inside the class would find the renamed one.
static void rename_private(Ren *x, LspDoc *doc, AnBinding *b, LspReply *r) {
    if (x->nlen && x->nn[0] == '#') {
        x->nn++;
        x->nlen--;
    }
    bool ok = x->nlen > 0 && !memchr(x->nn, '\\', x->nlen) && !memchr(x->nn, 0, x->nlen);
    if (ok) {
        OchBuf src = {0};
        och_buf_puts(&src, "class C { #");
        och_buf_append(&src, x->nn, x->nlen);
        och_buf_puts(&src, "; }");
        char *text = ps_source_dup(src.data, src.len);
        PsOptions po;
        ps_options_default(&po);
        po.tolerant = true;
        PsParse *pp = ps_parse(text, src.len, &po);
        ok = pp->diags.v.len == 0 && src.len == 11 + x->nlen + 3;
        PsListNode *prog = PS_AS(PsListNode, pp->root);
        if (ok && prog->items.count == 1 && prog->items.items[0]->kind == PS_NODE_CLASS_DECL) {
            PsListNode *body = PS_AS(PsListNode, PS_AS(PsClass, prog->items.items[0])->body);
            PsNode *key = body->items.count == 1 ? PS_AS(PsClassMember, body->items.items[0])->key : NULL;
            ok = key && key->kind == PS_NODE_PRIVATE_IDENTIFIER && key->end == 11 + x->nlen;
        } else {
            ok = false;
        }
        ps_parse_free(pp);
        och_free(text);
        och_buf_free(&src);
    }
    if (!ok) {
        lsp_reply_error(r, LSP_ERR_REQUEST_FAILED, "'#%.*s' is not a valid private name",
                        (int)(x->nlen > 100 ? 100 : x->nlen), x->nn);
        return;
    }
    char at[160];
    for (AnBinding *o = b->scope->privates; o; o = o->next) {
        if (o != b && o->len == x->nlen && memcmp(o->name, x->nn, x->nlen) == 0) {
            lsp_reply_error(r, LSP_ERR_REQUEST_FAILED, "cannot rename '#%.*s' to '#%.*s': the class already declares it (%s)",
                            (int)x->oldlen, x->old, (int)x->nlen, x->nn, where(doc, at, sizeof at, o->id, false));
            return;
        }
    }
    for (AnRef *ref = b->refs; ref; ref = ref->next_for_binding) {
        for (const AnScope *sc = ref->scope; sc && sc != b->scope; sc = sc->parent) {
            for (AnBinding *o = sc->privates; o; o = o->next) {
                if (o->len == x->nlen && memcmp(o->name, x->nn, x->nlen) == 0) {
                    lsp_reply_error(r, LSP_ERR_REQUEST_FAILED,
                                    "cannot rename '#%.*s' to '#%.*s': the use at %s is inside a class that declares '#%.*s'",
                                    (int)x->oldlen, x->old, (int)x->nlen, x->nn, where(doc, at, sizeof at, ref->node, false),
                                    (int)x->nlen, x->nn);
                    return;
                }
            }
        }
    }
    PrivCapture pc = {x, b, NULL};
    an_for_each_ref(doc->an, private_capture, &pc);
    if (pc.hit) {
        lsp_reply_error(r, LSP_ERR_REQUEST_FAILED,
                        "cannot rename '#%.*s' to '#%.*s': the use of '#%.*s' at %s would then refer to the renamed one",
                        (int)x->oldlen, x->old, (int)x->nlen, x->nn, (int)x->nlen, x->nn,
                        where(doc, at, sizeof at, pc.hit->node, false));
        return;
    }
    EditVec v = {0};
    add_edit(&v, b->id->start, b->id->end, "#", 1, NULL, x->nn, x->nlen);
    for (AnRef *ref = b->refs; ref; ref = ref->next_for_binding)
        add_edit(&v, ref->node->start, ref->node->end, "#", 1, NULL, x->nn, x->nlen);
    flush_edits(x, doc, &v);
    r->result = json_pack("{s:o}", "changes", x->changes);
    x->changes = NULL;
}

void lsp_rename(LspServer *s, json_t *params, LspReply *r) {
    json_t *nn = json_object_get(params, "newName");
    if (!json_is_string(nn)) {
        lsp_reply_error(r, LSP_ERR_INVALID_PARAMS, "newName: string expected");
        return;
    }
    LspDoc *doc;
    uint32_t off;
    AnBinding *b = renameable(s, params, r, &doc, &off);
    if (!b) return;
    Ren x = {s, b->name, (uint32_t)b->len, json_string_value(nn), (uint32_t)json_string_length(nn), json_object(), ""};
    if (b->kind == AN_BIND_PRIVATE) {
        rename_private(&x, doc, b, r);
        json_decref(x.changes);
        return;
    }
    if (!valid_name(&x, doc, b)) {
        json_decref(x.changes);
        lsp_reply_error(r, LSP_ERR_REQUEST_FAILED, "%s", x.err);
        return;
    }
    if (x.nlen == x.oldlen && memcmp(x.nn, x.old, x.oldlen) == 0) {
        r->result = json_pack("{s:o}", "changes", x.changes);
        return;
    }
    AnBinding *twin = lsp_binding_twin(doc->an, b);
    bool ok = check_binding(&x, doc, b, false) && (!twin || check_binding(&x, doc, twin, false));
    bool exported = false;
    if (ok && lsp_binding_is_module_level(b)) lsp_export_names(doc, b, exported_decl, &exported);
    Imp im = {&x, true, false};
    if (ok && exported) {
        lsp_for_each_importer(s, doc, true, importer, &im);
        ok = !im.failed;
    }
    if (!ok) {
        json_decref(x.changes);
        lsp_reply_error(r, LSP_ERR_REQUEST_FAILED, "%s", x.err);
        return;
    }
    EditVec v = {0};
    binding_edits(&x, doc, b, &v);
    if (twin) binding_edits(&x, doc, twin, &v);
    flush_edits(&x, doc, &v);
    if (exported) {
        im.check = false;
        lsp_for_each_importer(s, doc, true, importer, &im);
    }
    r->result = json_pack("{s:o}", "changes", x.changes);
}
