// Linking (ES2025 §16.2.1.5.3.1 Link / InnerModuleLinking, §16.2.1.6.3
// ResolveExport, §16.2.1.6.2 GetExportedNames, §16.2.1.6.4
// InitializeEnvironment) and GetModuleNamespace's export list.
#include <stdlib.h>

#include "module_rec_int.h"

typedef enum ResKind { RES_NULL, RES_AMBIGUOUS, RES_BINDING, RES_NAMESPACE } ResKind;
typedef struct Resolved {
    ResKind kind;
    EnModule *m;
    EnName name;
} Resolved;

typedef struct ResolvePair {
    EnModule *m;
    EnName name;
} ResolvePair;
typedef OCH_VEC(ResolvePair) ResolveSet;

static EnModule *imported(EnModule *m, uint32_t request) {
    return m->requests.items[request].module;
}

static const EnName k_default = {"default", 7};

// ResolveExport(exportName, resolveSet).
static Resolved resolve_export(EnModule *m, EnName name, ResolveSet *set) {
    Resolved none = {RES_NULL, NULL, {NULL, 0}};
    if (m->type == EN_MOD_TYPE_JSON) {
        if (en_name_eq(name, k_default)) return (Resolved){RES_BINDING, m, k_default};
        return none;
    }
    for (uint32_t i = 0; i < set->len; i++)
        if (set->items[i].m == m && en_name_eq(set->items[i].name, name)) return none;  // circular
    ResolvePair p = {m, name};
    och_vec_push(set, p);
    for (uint32_t i = 0; i < m->exports.len; i++) {
        EnModExport *e = &m->exports.items[i];
        if (e->request != EN_MOD_NO_REQUEST || !e->export_name.s) continue;
        if (en_name_eq(e->export_name, name)) return (Resolved){RES_BINDING, m, e->local_name};
    }
    for (uint32_t i = 0; i < m->exports.len; i++) {
        EnModExport *e = &m->exports.items[i];
        if (e->request == EN_MOD_NO_REQUEST || !e->export_name.s) continue;
        if (!en_name_eq(e->export_name, name)) continue;
        EnModule *dep = imported(m, e->request);
        if (!dep) return none;
        if (!e->import_name.s) return (Resolved){RES_NAMESPACE, dep, {NULL, 0}};
        return resolve_export(dep, e->import_name, set);
    }
    if (en_name_eq(name, k_default)) return none;
    Resolved star = none;
    for (uint32_t i = 0; i < m->exports.len; i++) {
        EnModExport *e = &m->exports.items[i];
        if (e->request == EN_MOD_NO_REQUEST || e->export_name.s) continue;
        EnModule *dep = imported(m, e->request);
        if (!dep) continue;
        Resolved r = resolve_export(dep, name, set);
        if (r.kind == RES_AMBIGUOUS) return r;
        if (r.kind == RES_NULL) continue;
        if (star.kind == RES_NULL) {
            star = r;
        } else if (r.m != star.m || r.kind != star.kind ||
                   (r.kind == RES_BINDING && !en_name_eq(r.name, star.name))) {
            return (Resolved){RES_AMBIGUOUS, NULL, {NULL, 0}};
        }
    }
    return star;
}

static Resolved resolve_top(EnModule *m, EnName name) {
    ResolveSet set = {0};
    Resolved r = resolve_export(m, name, &set);
    och_free(set.items);
    return r;
}

// The storage of a resolved binding: (target env, slot) or a namespace.
static bool binding_of(EnContext *cx, Resolved r, EnModule **target, uint32_t *slot, bool *ns) {
    *target = r.m;
    *slot = 0;
    *ns = r.kind == RES_NAMESPACE;
    if (*ns || r.m->type == EN_MOD_TYPE_JSON) return true;
    if (en_bc_module_local_slot(r.m->tmpl, r.name.s, r.name.len, slot)) return true;
    // `import * as x from ...; export { x }`: a namespace import re-exported.
    for (uint32_t i = 0; i < r.m->imports.len; i++) {
        EnModImport *imp = &r.m->imports.items[i];
        if (!imp->import_name.s && en_name_eq(imp->local_name, r.name)) {
            *target = imported(r.m, imp->request);
            *ns = true;
            return *target != NULL;
        }
    }
    en_throw_syntax_error(cx, "module %s has no binding '%.*s'", r.m->path, (int)r.name.len,
                          r.name.s);
    return false;
}

// SyntaxError for an unresolvable import/export of m (request req, name).
static bool throw_unresolved(EnContext *cx, EnModule *m, uint32_t req, EnName name,
                             bool ambiguous) {
    EnModRequest *r = &m->requests.items[req];
    OchLineCol lc = en_source_position(m->src, r->offset);
    if (ambiguous) {
        en_throw_syntax_error(cx,
                              "The requested module '%.*s' contains conflicting star exports for "
                              "name '%.*s' (%s:%u:%u)",
                              (int)r->specifier.len, r->specifier.s, (int)name.len, name.s,
                              m->path, lc.line + 1, lc.column + 1);
    } else {
        en_throw_syntax_error(cx,
                              "The requested module '%.*s' does not provide an export named "
                              "'%.*s' (%s:%u:%u)",
                              (int)r->specifier.len, r->specifier.s, (int)name.len, name.s,
                              m->path, lc.line + 1, lc.column + 1);
    }
    return false;
}

// InitializeEnvironment.
static bool init_env(EnContext *cx, EnModule *m) {
    if (m->type == EN_MOD_TYPE_JSON) return true;
    for (uint32_t i = 0; i < m->exports.len; i++) {
        EnModExport *e = &m->exports.items[i];
        if (e->request == EN_MOD_NO_REQUEST || !e->export_name.s) continue;
        Resolved r = resolve_top(m, e->export_name);
        if (r.kind == RES_NULL || r.kind == RES_AMBIGUOUS) {
            // The indirect export's own name in the requested module.
            EnModule *dep = imported(m, e->request);
            EnName nm = e->import_name.s ? e->import_name : e->export_name;
            (void)dep;
            return throw_unresolved(cx, m, e->request, nm, r.kind == RES_AMBIGUOUS);
        }
    }
    for (uint32_t i = 0; i < m->imports.len; i++) {
        EnModImport *imp = &m->imports.items[i];
        EnModule *dep = imported(m, imp->request);
        if (!imp->import_name.s) {
            imp->target = dep;
            imp->ns = true;
            continue;
        }
        Resolved r = resolve_top(dep, imp->import_name);
        if (r.kind == RES_NULL || r.kind == RES_AMBIGUOUS)
            return throw_unresolved(cx, m, imp->request, imp->import_name, r.kind == RES_AMBIGUOUS);
        EnModule *target;
        uint32_t slot;
        bool ns;
        if (!binding_of(cx, r, &target, &slot, &ns)) return false;
        imp = &m->imports.items[i];
        imp->target = target;
        imp->slot = slot;
        imp->ns = ns;
    }
    // Namespace imports: create the namespaces now (GetModuleNamespace in
    // InitializeEnvironment), so reading them never allocates... except
    // the first time; creating them here also reports heap exhaustion early.
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hm = en_handle(cx, en_cell_value(m));
    for (uint32_t i = 0; i < m->imports.len; i++) {
        EnModImport *imp = &((EnModule *)en_as_ptr(*hm))->imports.items[i];
        if (imp->ns && en_module_namespace(cx, imp->target) == EN_EXCEPTION) {
            en_handle_scope_close(&hs);
            return false;
        }
    }
    m = en_as_ptr(*hm);
    EnEnv *env = en_env_new(cx, NULL, en_bc_module_env_size(m->tmpl));
    bool ok = env != NULL;
    if (ok) {
        m = en_as_ptr(*hm);
        m->env = env;
        ok = en_bc_module_init_env(cx, m->tmpl, env);
    }
    en_handle_scope_close(&hs);
    return ok;
}

typedef OCH_VEC(EnModule *) ModStack;

static bool inner_link(EnContext *cx, EnModule *m, ModStack *stack, uint32_t *index) {
    if (m->status != EN_MOD_UNLINKED) return true;
    m->status = EN_MOD_LINKING;
    m->dfs_index = m->dfs_ancestor = (*index)++;
    och_vec_push(stack, m);
    for (uint32_t i = 0; i < m->requests.len; i++) {
        EnModule *dep = m->requests.items[i].module;
        if (!dep) return en_throw_syntax_error(cx, "module %s is not loaded", m->path), false;
        if (!inner_link(cx, dep, stack, index)) return false;
        if (dep->status == EN_MOD_LINKING && dep->dfs_ancestor < m->dfs_ancestor)
            m->dfs_ancestor = dep->dfs_ancestor;
    }
    if (!init_env(cx, m)) return false;
    if (m->dfs_ancestor == m->dfs_index) {
        EnModule *x;
        do {
            x = stack->items[--stack->len];
            x->status = EN_MOD_LINKED;
        } while (x != m);
    }
    return true;
}

bool en_module_link(EnContext *cx, EnModule *m) {
    if (m->status == EN_MOD_NEW) {
        en_throw_syntax_error(cx, "module %s is not loaded", m->path);
        return false;
    }
    ModStack stack = {0};
    uint32_t index = 0;
    // Modules on the stack are reachable from m (rooted by the caller) and
    // held by the registry.
    bool ok = inner_link(cx, m, &stack, &index);
    if (!ok) {
        for (uint32_t i = 0; i < stack.len; i++) {
            stack.items[i]->status = EN_MOD_UNLINKED;
            stack.items[i]->env = NULL;
        }
    }
    och_free(stack.items);
    return ok;
}

// ---------------------------------------------------------------------------
// GetExportedNames and the namespace's resolved export list.

typedef OCH_VEC(EnName) NameVec;

static void exported_names(EnModule *m, uint32_t gen, NameVec *out) {
    if (m->visit == gen) return;
    m->visit = gen;
    if (m->type == EN_MOD_TYPE_JSON) {
        och_vec_push(out, k_default);
        return;
    }
    for (uint32_t i = 0; i < m->exports.len; i++)
        if (m->exports.items[i].export_name.s) och_vec_push(out, m->exports.items[i].export_name);
    for (uint32_t i = 0; i < m->exports.len; i++) {
        EnModExport *e = &m->exports.items[i];
        if (e->request == EN_MOD_NO_REQUEST || e->export_name.s) continue;
        EnModule *dep = imported(m, e->request);
        if (!dep) continue;
        uint32_t from = out->len;
        exported_names(dep, gen, out);
        // Star exports never re-export "default".
        uint32_t w = from;
        for (uint32_t j = from; j < out->len; j++)
            if (!en_name_eq(out->items[j], k_default)) out->items[w++] = out->items[j];
        out->len = w;
    }
}

static int atom_cmp(const void *a, const void *b) {
    const EnString *x = ((const EnModNsEntry *)a)->name, *y = ((const EnModNsEntry *)b)->name;
    uint32_t n = en_str_length(x) < en_str_length(y) ? en_str_length(x) : en_str_length(y);
    for (uint32_t i = 0; i < n; i++) {
        uint16_t u = en_str_at(x, i), v = en_str_at(y, i);
        if (u != v) return u < v ? -1 : 1;
    }
    return en_str_length(x) < en_str_length(y) ? -1 : en_str_length(x) > en_str_length(y);
}

static int name_sort_cmp(const void *a, const void *b) {
    const EnName *x = a, *y = b;
    uint32_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->s, y->s, n);
    return c ? c : (x->len < y->len ? -1 : x->len > y->len);
}

// Fills m->ns_entries (sorted, unambiguous names with their bindings).
static bool build_ns_entries(EnContext *cx, EnModule *m) {
    NameVec names = {0};
    // A nested walk (GetExportedNames of another module) may happen inside
    // en_module_namespace for a re-exported namespace later; each walk takes
    // a fresh generation.
    exported_names(m, en_module_next_visit(cx), &names);
    if (names.len) qsort(names.items, names.len, sizeof *names.items, name_sort_cmp);
    uint32_t w = 0;
    for (uint32_t i = 0; i < names.len; i++)
        if (!w || !en_name_eq(names.items[w - 1], names.items[i]))
            names.items[w++] = names.items[i];
    names.len = w;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hm = en_handle(cx, en_cell_value(m));
    m->ns_entries = och_calloc(names.len + 1, sizeof *m->ns_entries);
    m->ns_count = 0;
    bool ok = true;
    for (uint32_t i = 0; i < names.len; i++) {
        m = en_as_ptr(*hm);
        Resolved r = resolve_top(m, names.items[i]);
        if (r.kind != RES_BINDING && r.kind != RES_NAMESPACE) continue;
        EnModule *target;
        uint32_t slot;
        bool ns;
        if (!binding_of(cx, r, &target, &slot, &ns)) {
            // A broken binding (should not happen after loading): leave it out.
            en_exception_take(cx);
            continue;
        }
        EnString *atom = en_atom_from_utf8(cx, names.items[i].s, names.items[i].len);
        if (!atom) {
            ok = false;
            break;
        }
        m = en_as_ptr(*hm);
        EnModNsEntry *e = &m->ns_entries[m->ns_count++];
        e->name = atom;
        e->target = target;
        e->slot = slot;
        e->ns = ns;
    }
    m = en_as_ptr(*hm);
    if (m->ns_count) qsort(m->ns_entries, m->ns_count, sizeof *m->ns_entries, atom_cmp);
    en_handle_scope_close(&hs);
    och_free(names.items);
    return ok;
}

EnValue en_module_namespace(EnContext *cx, EnModule *m) {
    if (en_is_object(m->ns)) return m->ns;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hm = en_handle(cx, en_cell_value(m));
    EnValue r = EN_EXCEPTION;
    if (!m->ns_entries && !build_ns_entries(cx, m)) goto done;
    m = en_as_ptr(*hm);
    if (en_is_object(m->ns)) {
        r = m->ns;
        goto done;
    }
    EnObject *o = en_module_ns_new(cx, m);
    if (!o) goto done;
    m = en_as_ptr(*hm);
    m->ns = en_object_value(o);
    r = m->ns;
done:
    en_handle_scope_close(&hs);
    return r;
}
