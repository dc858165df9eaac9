// Module loading (ES2025 §16.2.1.5.1 LoadRequestedModules, §16.2.1.6.1
// ParseModule, HostLoadImportedModule): the default resolver and file
// loader, parsing with the module goal, the import/export entries read
// from the AST, and the synchronous graph walk that loads every requested
// module. Loading is synchronous (files are read from disk); import()
// defers it to a job (module_dynamic.c) so callers still see it complete
// later.
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "module_rec_int.h"

// ---------------------------------------------------------------------------
// Default hooks.

static char *fmt_msg(const char *fmt, const char *a, size_t alen, const char *b) {
    int n = snprintf(NULL, 0, fmt, (int)alen, a, b);
    char *s = och_malloc((size_t)n + 1);
    snprintf(s, (size_t)n + 1, fmt, (int)alen, a, b);
    return s;
}

// Folds "." and ".." segments and repeated slashes of an absolute path in
// place.
static void normalize_path(char *p) {
    char *out = p;  // p[0] == '/'
    const char *in = p;
    size_t n = strlen(p);
    const char *end = p + n;
    *out++ = '/';
    while (in < end) {
        while (in < end && *in == '/') in++;
        const char *seg = in;
        while (in < end && *in != '/') in++;
        size_t len = (size_t)(in - seg);
        if (len == 0 || (len == 1 && seg[0] == '.')) continue;
        if (len == 2 && seg[0] == '.' && seg[1] == '.') {
            if (out > p + 1) {
                out--;  // the slash after the last segment
                while (out > p + 1 && out[-1] != '/') out--;
            }
            continue;
        }
        memmove(out, seg, len);
        out += len;
        *out++ = '/';
    }
    if (out > p + 1) out--;  // no trailing slash
    *out = 0;
}

bool en_module_default_resolve(void *ctx, const char *referrer, const char *specifier,
                               size_t len, char **out, char **error) {
    (void)ctx;
    bool rel = (len >= 2 && specifier[0] == '.' && specifier[1] == '/') ||
               (len >= 3 && specifier[0] == '.' && specifier[1] == '.' && specifier[2] == '/');
    bool abs = len >= 1 && specifier[0] == '/';
    if (!rel && !abs) {
        *error = fmt_msg("Cannot resolve module specifier '%.*s'%s: only relative and absolute "
                         "paths are supported",
                         specifier, len, "");
        return false;
    }
    OchBuf b = {0};
    if (rel) {
        const char *slash = referrer ? strrchr(referrer, '/') : NULL;
        bool ref_abs = referrer && referrer[0] == '/';
        if (!ref_abs) {
            char cwd[4096];
            if (!getcwd(cwd, sizeof cwd)) strcpy(cwd, "/");
            och_buf_append(&b, cwd, strlen(cwd));
            och_buf_append(&b, "/", 1);
        }
        // The referrer's directory; a referrer without a slash (or a
        // pseudo name like "<eval>") is in the current directory.
        if (slash && referrer[0] != '<' && referrer[0] != '[')
            och_buf_append(&b, referrer, (size_t)(slash - referrer) + 1);
    }
    och_buf_append(&b, specifier, len);
    och_buf_append(&b, "", 1);  // NUL
    normalize_path(b.data);
    *out = och_strndup(b.data, strlen(b.data));
    och_buf_free(&b);
    return true;
}

bool en_module_default_load(void *ctx, const char *path, char **text, size_t *len,
                            char **error) {
    (void)ctx;
    if (ps_source_read_file(path, text, len) != OCH_OK) {
        *error = fmt_msg("Cannot find module '%.*s'%s", path, strlen(path), "");
        return false;
    }
    return true;
}

static bool resolve_raw(EnContext *cx, const char *referrer, EnName specifier, char **path,
                        char **err) {
    const EnModuleLoader *l = en_module_loader(cx);
    *err = NULL;
    char *spec = och_strndup(specifier.s ? specifier.s : "", specifier.len);
    bool ok = l->resolve(l->ctx, referrer, spec, specifier.len, path, err);
    och_free(spec);
    return ok;
}

bool en_module_resolve(EnContext *cx, const char *referrer, EnName specifier, char **path) {
    char *err;
    if (!en_module_loader(cx)) return false;
    bool ok = resolve_raw(cx, referrer, specifier, path, &err);
    if (!ok) {
        en_throw_error(cx, EN_INTRINSIC_ErrorPrototype, "%s", err ? err : "cannot resolve module");
        och_free(err);
    }
    return ok;
}

// ---------------------------------------------------------------------------
// Parsing.

// SyntaxError "message (file:line:col)" from the first error diagnostic.
static void throw_diag(EnContext *cx, EnSource *s, const OchDiagList *diags) {
    for (uint32_t i = 0; i < diags->v.len; i++) {
        const OchDiag *d = &diags->v.items[i];
        if (d->severity != OCH_SEV_ERROR) continue;
        OchLineCol lc = en_source_position(s, d->span.start);
        en_throw_syntax_error(cx, "%s (%s:%u:%u)", d->message, s->filename, lc.line + 1,
                              lc.column + 1);
        return;
    }
    en_throw_syntax_error(cx, "invalid source (%s)", s->filename);
}

static EnName node_name(PsNode *n) {
    EnName r = {NULL, 0};
    if (!n) return r;
    if (n->kind == PS_NODE_IDENTIFIER) {
        r.s = ((PsIdent *)n)->name;
        r.len = n->aux;
    } else if (n->kind == PS_NODE_LITERAL) {
        r.s = ((PsLiteral *)n)->u.str;
        r.len = n->aux;
        if (!r.s) r.s = "";
    }
    return r;
}

static const EnName k_default = {"default", 7};
static const EnName k_star_default = {"*default*", 9};

// The request index for a declaration's source and attributes (deduplicated
// by specifier and type). False with a SyntaxError pending on an
// unsupported attribute.
static bool add_request(EnContext *cx, EnModule *m, PsModuleDecl *d, uint32_t *index) {
    EnModRequest r = {node_name(d->source), EN_MOD_TYPE_JS, d->h.start, NULL};
    for (uint32_t i = 0; i < d->attributes.count; i++) {
        PsProperty *a = (PsProperty *)d->attributes.items[i];
        EnName key = node_name(a->key), val = node_name(a->value);
        if (en_name_is(key, "type")) {
            if (en_name_is(val, "json")) {
                r.type = EN_MOD_TYPE_JSON;
                continue;
            }
            OchLineCol lc = en_source_position(m->src, a->h.start);
            en_throw_syntax_error(cx, "unsupported module type '%.*s' (%s:%u:%u)", (int)val.len,
                                  val.s, m->path, lc.line + 1, lc.column + 1);
            return false;
        }
        OchLineCol lc = en_source_position(m->src, a->h.start);
        en_throw_syntax_error(cx, "unsupported import attribute '%.*s' (%s:%u:%u)", (int)key.len,
                              key.s, m->path, lc.line + 1, lc.column + 1);
        return false;
    }
    for (uint32_t i = 0; i < m->requests.len; i++) {
        EnModRequest *q = &m->requests.items[i];
        if (q->type == r.type && en_name_eq(q->specifier, r.specifier)) {
            *index = i;
            return true;
        }
    }
    *index = m->requests.len;
    och_vec_push(&m->requests, r);
    return true;
}

// Local exports of the names a declaration binds.
static void export_bound_names(EnModule *m, PsNode *n) {
    if (!n) return;
    switch (n->kind) {
    case PS_NODE_IDENTIFIER: {
        EnName nm = node_name(n);
        EnModExport e = {nm, EN_MOD_NO_REQUEST, {NULL, 0}, nm};
        och_vec_push(&m->exports, e);
        break;
    }
    case PS_NODE_VAR_DECL: {
        PsListNode *l = (PsListNode *)n;
        for (uint32_t i = 0; i < l->items.count; i++)
            export_bound_names(m, ((PsVarDeclarator *)l->items.items[i])->id);
        break;
    }
    case PS_NODE_FUNCTION_DECL: export_bound_names(m, ((PsFunction *)n)->id); break;
    case PS_NODE_CLASS_DECL: export_bound_names(m, ((PsClass *)n)->id); break;
    case PS_NODE_ARRAY_PATTERN:
    case PS_NODE_OBJECT_PATTERN: {
        PsListNode *l = (PsListNode *)n;
        for (uint32_t i = 0; i < l->items.count; i++) export_bound_names(m, l->items.items[i]);
        break;
    }
    case PS_NODE_PROPERTY: export_bound_names(m, ((PsProperty *)n)->value); break;
    case PS_NODE_REST_ELEMENT: export_bound_names(m, ((PsUnary *)n)->arg); break;
    case PS_NODE_ASSIGN_PATTERN: export_bound_names(m, ((PsBinary *)n)->left); break;
    default: break;
    }
}

// Import specifier -> (request, import name), sorted by node for the
// binding numbering.
typedef struct SpecInfo {
    PsNode *node;
    uint32_t request;
    EnName import_name;
} SpecInfo;

static int spec_cmp(const void *a, const void *b) {
    uintptr_t x = (uintptr_t)((const SpecInfo *)a)->node;
    uintptr_t y = (uintptr_t)((const SpecInfo *)b)->node;
    return x < y ? -1 : x > y;
}

static int name_cmp(EnName a, EnName b) {
    uint32_t n = a.len < b.len ? a.len : b.len;
    int c = memcmp(a.s, b.s, n);
    return c ? c : (a.len < b.len ? -1 : a.len > b.len);
}

// Import entries by local name (for `export { x }` of an imported x).
typedef struct LocalIdx {
    EnName name;
    uint32_t index;
} LocalIdx;

static int local_cmp(const void *a, const void *b) {
    return name_cmp(((const LocalIdx *)a)->name, ((const LocalIdx *)b)->name);
}

// The import entry whose local name is nm, or NULL.
static EnModImport *find_import(EnModule *m, const LocalIdx *by_local, EnName nm) {
    uint32_t lo = 0, hi = m->imports.len;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        int c = name_cmp(by_local[mid].name, nm);
        if (c == 0) return &m->imports.items[by_local[mid].index];
        if (c < 0) lo = mid + 1;
        else hi = mid;
    }
    return NULL;
}

// ParseModule's entries: requests, imports (in the compiler's numbering),
// exports.
static bool build_entries(EnContext *cx, EnModule *m) {
    PsListNode *prog = (PsListNode *)m->src->parse->root;
    OCH_VEC(SpecInfo) specs = {0};
    bool ok = true;
    // Imports and re-exports in source order: requests first.
    for (uint32_t i = 0; ok && i < prog->items.count; i++) {
        PsNode *st = prog->items.items[i];
        if (st->kind == PS_NODE_IMPORT_DECL) {
            PsModuleDecl *d = (PsModuleDecl *)st;
            uint32_t req;
            if (!(ok = add_request(cx, m, d, &req))) break;
            for (uint32_t j = 0; j < d->specifiers.count; j++) {
                PsSpecifier *sp = (PsSpecifier *)d->specifiers.items[j];
                SpecInfo si = {&sp->h, req, {NULL, 0}};
                if (sp->h.kind == PS_NODE_IMPORT_DEFAULT_SPECIFIER) si.import_name = k_default;
                else if (sp->h.kind == PS_NODE_IMPORT_SPECIFIER)
                    si.import_name = node_name(sp->external);
                och_vec_push(&specs, si);
            }
        } else if ((st->kind == PS_NODE_EXPORT_NAMED_DECL || st->kind == PS_NODE_EXPORT_ALL_DECL) &&
                   ((PsModuleDecl *)st)->source) {
            uint32_t req;
            ok = add_request(cx, m, (PsModuleDecl *)st, &req);
        }
    }
    if (!ok) {
        och_free(specs.items);
        return false;
    }
    if (specs.len) qsort(specs.items, specs.len, sizeof *specs.items, spec_cmp);
    // Import bindings in the analyzer's order (module_int.h numbering).
    for (AnBinding *b = m->src->an->root->bindings; b; b = b->next) {
        if (b->kind != AN_BIND_IMPORT) continue;
        SpecInfo key = {b->decl, 0, {NULL, 0}};
        SpecInfo *si =
            specs.len ? bsearch(&key, specs.items, specs.len, sizeof key, spec_cmp) : NULL;
        EnModImport e = {0};
        e.request = si ? si->request : 0;
        e.import_name = si ? si->import_name : k_default;
        e.local_name.s = b->name;
        e.local_name.len = b->len;
        och_vec_push(&m->imports, e);
    }
    och_free(specs.items);
    LocalIdx *by_local = och_malloc((m->imports.len + 1) * sizeof *by_local);
    for (uint32_t i = 0; i < m->imports.len; i++)
        by_local[i] = (LocalIdx){m->imports.items[i].local_name, i};
    if (m->imports.len) qsort(by_local, m->imports.len, sizeof *by_local, local_cmp);
    // Exports.
    for (uint32_t i = 0; i < prog->items.count; i++) {
        PsNode *st = prog->items.items[i];
        if (st->kind == PS_NODE_EXPORT_DEFAULT_DECL) {
            PsNode *d = ((PsUnary *)st)->arg;
            EnName local = k_star_default;
            if (d->kind == PS_NODE_FUNCTION_DECL && ((PsFunction *)d)->id)
                local = node_name(((PsFunction *)d)->id);
            else if (d->kind == PS_NODE_CLASS_DECL && ((PsClass *)d)->id)
                local = node_name(((PsClass *)d)->id);
            EnModExport e = {k_default, EN_MOD_NO_REQUEST, {NULL, 0}, local};
            och_vec_push(&m->exports, e);
        } else if (st->kind == PS_NODE_EXPORT_NAMED_DECL) {
            PsModuleDecl *d = (PsModuleDecl *)st;
            if (d->declaration) {
                export_bound_names(m, d->declaration);
                continue;
            }
            uint32_t req = EN_MOD_NO_REQUEST;
            if (d->source) {
                add_request(cx, m, d, &req);  // already added: finds it
            }
            for (uint32_t j = 0; j < d->specifiers.count; j++) {
                PsSpecifier *sp = (PsSpecifier *)d->specifiers.items[j];
                EnName local = node_name(sp->local), exported = node_name(sp->external);
                if (!exported.s) exported = local;
                EnModExport e = {exported, req, {NULL, 0}, {NULL, 0}};
                if (req != EN_MOD_NO_REQUEST) {
                    e.import_name = local;
                } else {
                    EnModImport *imp = find_import(m, by_local, local);
                    if (imp) {
                        // Re-export of an imported binding: indirect (of a
                        // namespace import: like `export * as x from`).
                        e.request = imp->request;
                        e.import_name = imp->import_name;
                    } else {
                        e.local_name = local;
                    }
                }
                och_vec_push(&m->exports, e);
            }
        } else if (st->kind == PS_NODE_EXPORT_ALL_DECL) {
            PsModuleDecl *d = (PsModuleDecl *)st;
            uint32_t req;
            add_request(cx, m, d, &req);
            EnModExport e = {{NULL, 0}, req, {NULL, 0}, {NULL, 0}};
            if (d->declaration) e.export_name = node_name(d->declaration);  // export * as x
            och_vec_push(&m->exports, e);
        }
    }
    och_free(by_local);
    return true;
}

// ---------------------------------------------------------------------------
// Records from source text.

static bool json_module(EnContext *cx, const char *path, const char *text, size_t len,
                        EnModule **out) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    bool ok = false;
    EnString *s = en_str_from_utf8(cx, text, len);
    EnValue *hs_text = s ? en_handle(cx, en_string_value(s)) : NULL;
    EnValue json = hs_text ? en_get(cx, en_object_value(en_intrinsic(cx, EN_INTRINSIC_JSON)),
                                    en_key_atom(en_atom_from_cstr(cx, "parse")))
                           : EN_EXCEPTION;
    if (json != EN_EXCEPTION) {
        EnValue v = en_call(cx, json, EN_UNDEFINED, 1, hs_text);
        if (v != EN_EXCEPTION) {
            EnValue *hv = en_handle(cx, v);
            EnModule *m = en_module_new(cx, path, EN_MOD_TYPE_JSON);
            EnValue *hm = m ? en_handle(cx, en_cell_value(m)) : NULL;
            EnEnv *env = m ? en_env_new(cx, NULL, 1) : NULL;
            if (env) {
                m = en_as_ptr(*hm);
                m->env = env;
                m->json = *hv;
                env->slots[0] = EN_UNINIT;
                en_module_register(cx, m);
                *out = m;
                ok = true;
            }
        }
    }
    en_handle_scope_close(&hs);
    return ok;
}

bool en_module_from_source(EnContext *cx, const char *path, const char *text, size_t len,
                           uint32_t type, EnModule **out) {
    *out = NULL;
    if (!en_module_registry(cx)) return false;
    if (type == EN_MOD_TYPE_JSON) return json_module(cx, path, text, len, out);
    EnSource *s = och_calloc(1, sizeof *s);
    s->text = ps_source_dup(text, len);
    s->len = (uint32_t)len;
    s->filename = och_strndup(path, strlen(path));
    PsOptions po;
    ps_options_default(&po);
    po.goal = PS_GOAL_MODULE;
    s->parse = ps_parse(s->text, len, &po);
    AnOptions ao;
    an_options_default(&ao);
    ao.lint = false;
    s->an = an_analyze(s->parse, &ao);
    s->refs = 1;
    if (ps_parse_has_errors(s->parse) || an_result_has_errors(s->an)) {
        throw_diag(cx, s, ps_parse_has_errors(s->parse) ? &s->parse->diags : &s->an->diags);
        en_source_release(s);
        return false;
    }
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    bool ok = false;
    EnFunctionTemplate *t = en_bc_template_new(cx, s, s->parse->root);
    EnValue *ht = t ? en_handle(cx, en_cell_value(t)) : NULL;
    if (t && en_bc_compile(cx, en_as_ptr(*ht))) {
        EnModule *m = en_module_new(cx, path, EN_MOD_TYPE_JS);
        if (m) {
            t = en_as_ptr(*ht);
            m->tmpl = t;
            m->src = en_source_retain(s);
            s->module = m;
            m->has_tla = (t->flags & EN_TF_ASYNC) != 0;
            EnValue *hm = en_handle(cx, en_cell_value(m));
            if (build_entries(cx, m)) {
                m = en_as_ptr(*hm);
                en_module_register(cx, m);
                *out = m;
                ok = true;
            } else {
                m = en_as_ptr(*hm);
                s->module = NULL;
            }
        }
    }
    en_handle_scope_close(&hs);
    en_source_release(s);
    return ok;
}

// ---------------------------------------------------------------------------
// The graph.

// Loads one module by resolved path (or finds it in the registry). NULL
// with an error pending; `from`/`offset` locate the import for messages.
static EnModule *load_path(EnContext *cx, const char *path, uint32_t type, EnModule *from,
                           uint32_t offset) {
    EnModule *m = en_module_find(cx, path);
    if (m) {
        if (m->type != type) {
            // Same file imported as JS and as JSON: distinct records would
            // share the key; keep one per key and report the clash.
            en_throw_type_error(cx, "module '%s' imported with a different type", path);
            return NULL;
        }
        return m;
    }
    const EnModuleLoader *l = en_module_loader(cx);
    char *text = NULL, *err = NULL;
    size_t len = 0;
    if (!l->load(l->ctx, path, &text, &len, &err)) {
        if (from && from->src) {
            OchLineCol lc = en_source_position(from->src, offset);
            en_throw_error(cx, EN_INTRINSIC_ErrorPrototype, "%s (imported from %s:%u:%u)",
                           err ? err : "cannot load module",
                                from->path, lc.line + 1, lc.column + 1);
        } else {
            en_throw_error(cx, EN_INTRINSIC_ErrorPrototype, "%s", err ? err : "cannot load module");
        }
        och_free(err);
        return NULL;
    }
    bool ok = en_module_from_source(cx, path, text, len, type, &m);
    och_free(text);
    return ok ? m : NULL;
}

bool en_module_load_graph(EnContext *cx, EnModule *root) {
    if (root->status != EN_MOD_NEW) return true;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    en_handle(cx, en_cell_value(root));
    uint32_t gen = en_module_next_visit(cx);
    OCH_VEC(EnModule *) work = {0};
    OCH_VEC(EnModule *) visited = {0};
    root->visit = gen;
    och_vec_push(&work, root);
    bool ok = true;
    // Every module in `visited` is reachable from root, itself rooted: the
    // registry keeps them all alive anyway.
    while (ok && work.len) {
        EnModule *m = work.items[--work.len];
        och_vec_push(&visited, m);
        for (uint32_t i = 0; i < m->requests.len; i++) {
            EnModRequest *r = &m->requests.items[i];
            if (!r->module) {
                char *path = NULL, *err = NULL;
                if (!resolve_raw(cx, m->path, r->specifier, &path, &err)) {
                    OchLineCol lc = en_source_position(m->src, r->offset);
                    en_throw_error(cx, EN_INTRINSIC_ErrorPrototype, "%s (imported from %s:%u:%u)",
                                        err ? err : "cannot resolve module", m->path, lc.line + 1,
                                        lc.column + 1);
                    och_free(err);
                    ok = false;
                    break;
                }
                EnModule *dep = load_path(cx, path, r->type, m, r->offset);
                och_free(path);
                if (!dep) {
                    ok = false;
                    break;
                }
                r = &m->requests.items[i];
                r->module = dep;
            }
            EnModule *dep = r->module;
            if (dep->status == EN_MOD_NEW && dep->visit != gen) {
                dep->visit = gen;
                och_vec_push(&work, dep);
            }
        }
    }
    if (ok) {
        for (uint32_t i = 0; i < visited.len; i++)
            if (visited.items[i]->status == EN_MOD_NEW) visited.items[i]->status = EN_MOD_UNLINKED;
    }
    och_free(work.items);
    och_free(visited.items);
    en_handle_scope_close(&hs);
    return ok;
}

EnModule *en_module_load_request(EnContext *cx, const char *referrer, EnName specifier,
                                 uint32_t type) {
    char *path = NULL;
    if (!en_module_resolve(cx, referrer, specifier, &path)) return NULL;
    EnModule *m = load_path(cx, path, type, NULL, 0);
    och_free(path);
    if (!m) return NULL;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hm = en_handle(cx, en_cell_value(m));
    bool ok = en_module_load_graph(cx, m);
    m = ok ? en_as_ptr(*hm) : NULL;
    en_handle_scope_close(&hs);
    return m;
}
