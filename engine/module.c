// Module records (module_rec_int.h): the EN_CELL_MODULE cell, the
// per-realm registry keyed by resolved path, the loader hooks of engine.h,
// import bindings (en_module_import_get) and import.meta.
//
// The registry lives in C memory (cx->modules). Until the context traces it
// itself, a private-symbol property of the global object holds an internal
// cell whose trace marks every module and the main evaluation promise, so
// the registry lives exactly as long as the realm's global.
#include "module_rec_int.h"

struct EnModuleRegistry {
    EnModule **slots;      // open addressing by path hash; NULL empty
    uint32_t cap, count;   // cap: power of two
    EnModuleLoader loader;
    EnValue main_promise;  // evaluation promise of the last en_eval module graph
    uint64_t async_counter;
    uint32_t visit_gen;
};

uint64_t en_module_next_async_order(EnContext *cx) {
    return ++en_module_registry(cx)->async_counter;
}

// ---------------------------------------------------------------------------
// The module cell.

static void module_trace(EnGCTracer *t, void *cell) {
    EnModule *m = cell;
    en_gc_mark_cell(t, m->tmpl);
    en_gc_mark_cell(t, m->env);
    en_gc_mark_cell(t, m->cycle_root);
    en_gc_mark_value(t, m->error);
    en_gc_mark_value(t, m->top_promise);
    en_gc_mark_value(t, m->ns);
    en_gc_mark_value(t, m->meta);
    en_gc_mark_value(t, m->json);
    for (uint32_t i = 0; i < m->requests.len; i++) en_gc_mark_cell(t, m->requests.items[i].module);
    for (uint32_t i = 0; i < m->imports.len; i++) en_gc_mark_cell(t, m->imports.items[i].target);
    for (uint32_t i = 0; i < m->async_parents.len; i++)
        en_gc_mark_cell(t, m->async_parents.items[i]);
    for (uint32_t i = 0; i < m->ns_count; i++) {
        en_gc_mark_cell(t, m->ns_entries[i].name);
        en_gc_mark_cell(t, m->ns_entries[i].target);
    }
}

static void module_finalize(EnRuntime *rt, void *cell) {
    (void)rt;
    EnModule *m = cell;
    if (m->src) {
        m->src->module = NULL;
        en_source_release(m->src);
    }
    och_free(m->path);
    och_free(m->requests.items);
    och_free(m->imports.items);
    och_free(m->exports.items);
    och_free(m->async_parents.items);
    och_free(m->ns_entries);
}

static size_t module_size(const void *cell) {
    (void)cell;
    return sizeof(EnModule);
}

const EnCellOps en_ops_module = {module_trace, module_finalize, module_size};

// ---------------------------------------------------------------------------
// Registry.

typedef struct RegistryHolder {
    EnInternalCell base;
    EnModuleRegistry *reg;
} RegistryHolder;

static void holder_trace(EnGCTracer *t, void *cell) {
    EnModuleRegistry *r = ((RegistryHolder *)cell)->reg;
    if (!r) return;
    for (uint32_t i = 0; i < r->cap; i++) en_gc_mark_cell(t, r->slots[i]);
    en_gc_mark_value(t, r->main_promise);
}

static void holder_finalize(EnRuntime *rt, void *cell) {
    (void)rt;
    EnModuleRegistry *r = ((RegistryHolder *)cell)->reg;
    if (!r) return;
    och_free(r->slots);
    och_free(r);
}

static size_t holder_size(const void *cell) {
    (void)cell;
    return sizeof(RegistryHolder);
}

static const EnCellOps holder_ops = {holder_trace, holder_finalize, holder_size};

static uint32_t path_hash(const char *s) {
    uint32_t h = 2166136261u;
    for (; *s; s++) h = (h ^ (uint8_t)*s) * 16777619u;
    return h;
}

EnModuleRegistry *en_module_registry(EnContext *cx) {
    if (cx->modules) return cx->modules;
    EnModuleRegistry *r = och_calloc(1, sizeof *r);
    r->cap = 16;
    r->slots = och_calloc(r->cap, sizeof *r->slots);
    r->main_promise = EN_UNDEFINED;
    r->loader.resolve = en_module_default_resolve;
    r->loader.load = en_module_default_load;
    // Root it: a holder cell under a private symbol of the global object.
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    RegistryHolder *h = en_gc_alloc(cx, EN_CELL_INTERNAL, sizeof *h);
    EnValue *hh = h ? en_handle(cx, en_cell_value(h)) : NULL;
    EnSymbol *key = h ? en_sym_new(cx, EN_UNDEFINED) : NULL;
    if (!h || !key) {
        en_handle_scope_close(&hs);
        och_free(r->slots);
        och_free(r);
        return NULL;
    }
    h = en_as_ptr(*hh);
    h->base.ops = &holder_ops;
    h->reg = r;
    key->hdr.flags |= EN_SYM_PRIVATE;
    if (!en_define_value(cx, cx->global, en_symbol_value(key), en_cell_value(h), 0)) {
        h->reg = NULL;
        en_handle_scope_close(&hs);
        och_free(r->slots);
        och_free(r);
        return NULL;
    }
    en_handle_scope_close(&hs);
    cx->modules = r;
    return r;
}

EnModule *en_module_find(EnContext *cx, const char *path) {
    EnModuleRegistry *r = cx->modules;
    if (!r) return NULL;
    for (uint32_t i = path_hash(path) & (r->cap - 1);; i = (i + 1) & (r->cap - 1)) {
        EnModule *m = r->slots[i];
        if (!m) return NULL;
        if (!strcmp(m->path, path)) return m;
    }
}

static void registry_insert(EnModuleRegistry *r, EnModule *m) {
    if ((r->count + 1) * 2 > r->cap) {
        uint32_t ncap = r->cap * 2;
        EnModule **ns = och_calloc(ncap, sizeof *ns);
        for (uint32_t i = 0; i < r->cap; i++) {
            EnModule *x = r->slots[i];
            if (!x) continue;
            uint32_t j = path_hash(x->path) & (ncap - 1);
            while (ns[j]) j = (j + 1) & (ncap - 1);
            ns[j] = x;
        }
        och_free(r->slots);
        r->slots = ns;
        r->cap = ncap;
    }
    uint32_t j = path_hash(m->path) & (r->cap - 1);
    while (r->slots[j]) j = (j + 1) & (r->cap - 1);
    r->slots[j] = m;
    r->count++;
}

EnModule *en_module_new(EnContext *cx, const char *path, uint32_t type) {
    EnModuleRegistry *r = en_module_registry(cx);
    if (!r) return NULL;
    EnModule *m = en_gc_alloc(cx, EN_CELL_MODULE, sizeof *m);
    if (!m) return NULL;
    m->realm = cx;
    m->path = och_strndup(path, strlen(path));
    m->type = type;
    m->status = EN_MOD_NEW;
    m->error = m->top_promise = m->ns = m->meta = m->json = EN_UNDEFINED;
    return m;
}

void en_module_register(EnContext *cx, EnModule *m) { registry_insert(cx->modules, m); }

uint32_t en_module_next_visit(EnContext *cx) {
    return ++en_module_registry(cx)->visit_gen;
}

const EnModuleLoader *en_module_loader(EnContext *cx) {
    EnModuleRegistry *r = en_module_registry(cx);
    return r ? &r->loader : NULL;
}

void en_context_set_module_loader(EnContext *cx, const EnModuleLoader *loader) {
    EnModuleRegistry *r = en_module_registry(cx);
    if (!r) return;
    if (loader) {
        r->loader = *loader;
        if (!r->loader.resolve) r->loader.resolve = en_module_default_resolve;
        if (!r->loader.load) r->loader.load = en_module_default_load;
    } else {
        memset(&r->loader, 0, sizeof r->loader);
        r->loader.resolve = en_module_default_resolve;
        r->loader.load = en_module_default_load;
    }
}

void en_module_set_main_promise(EnContext *cx, EnValue p) {
    EnModuleRegistry *r = en_module_registry(cx);
    if (r) r->main_promise = p;
}

EnModuleState en_module_main_state(EnContext *cx) {
    EnModuleRegistry *r = cx->modules;
    if (!r || !en_is_object(r->main_promise)) return EN_MODULE_FULFILLED;
    EnObject *o = en_as_object(r->main_promise);
    if (en_obj_class(o) != EN_CLASS_PROMISE) return EN_MODULE_FULFILLED;
    EnPromise *p = (EnPromise *)o;
    if (p->state == EN_PROMISE_PENDING) return EN_MODULE_PENDING;
    if (p->state == EN_PROMISE_FULFILLED) return EN_MODULE_FULFILLED;
    en_throw(cx, p->result);
    r->main_promise = EN_UNDEFINED;
    return EN_MODULE_REJECTED;
}

// ---------------------------------------------------------------------------
// Import bindings and import.meta (called by compiled module code).

EnValue en_module_import_get(EnContext *cx, EnSource *src, uint32_t index) {
    EnModule *m = src ? src->module : NULL;
    if (!m || index >= m->imports.len)
        return en_throw_reference_error(cx, "invalid import binding");
    EnModImport *imp = &m->imports.items[index];
    if (!imp->target) {
        return en_throw_reference_error(cx, "import '%.*s' is not linked", (int)imp->local_name.len,
                                        imp->local_name.s);
    }
    if (imp->ns) return en_module_namespace(cx, imp->target);
    EnEnv *env = imp->target->env;
    EnValue v = env && imp->slot < env->hdr.aux ? env->slots[imp->slot] : EN_UNINIT;
    if (v == EN_UNINIT) {
        return en_throw_reference_error(cx, "Cannot access '%.*s' before initialization",
                                        (int)imp->local_name.len, imp->local_name.s);
    }
    return v;
}

EnValue en_module_import_meta(EnContext *cx, EnSource *src) {
    EnModule *m = src ? src->module : NULL;
    if (!m) return en_throw_syntax_error(cx, "import.meta outside a module");
    if (en_is_object(m->meta)) return m->meta;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hm = en_handle(cx, en_cell_value(m));
    EnObject *o = en_obj_new(cx, EN_CLASS_OBJECT, NULL, 4);
    EnValue r = EN_EXCEPTION;
    if (o) {
        m = en_as_ptr(*hm);
        m->meta = en_object_value(o);
        r = m->meta;
        EnModuleRegistry *reg = cx->modules;
        if (reg && reg->loader.init_meta) {
            EnValue *ho = en_handle(cx, r);
            if (!reg->loader.init_meta(reg->loader.ctx, cx, m->path, *ho)) r = EN_EXCEPTION;
            else r = *ho;
        }
    }
    en_handle_scope_close(&hs);
    return r;
}
