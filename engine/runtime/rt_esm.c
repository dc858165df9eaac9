// ES modules in the runtime: the module loader hooks of engine.h give ESM
// Node's resolution for bare specifiers (node_modules, package.json
// "exports" with the import condition, through js/cjs_loader.js), `node:`
// built-ins and CommonJS files as modules (a synthetic module whose
// default export is module.exports and whose named exports are its own
// enumerable identifier keys), and import.meta.url/filename/dirname.
// Relative and absolute ES module files keep the engine's default loader.
#include <stdlib.h>
#include <string.h>

#include "rt_int.h"

static bool has_suffix(const char *s, const char *suf) {
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && !strcmp(s + n - m, suf);
}

// Whether a .js file is an ES module: the nearest package.json says
// "type": "module".
static bool js_is_module(RtHost *h, const char *path) {
    EnContext *cx = h->cx;
    EnValue l = rt_loader(cx);
    if (l == EN_EXCEPTION) {
        en_exception_take(cx);
        return false;
    }
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hl = en_handle(cx, l);
    EnString *ps = en_str_from_utf8(cx, path, strlen(path));
    if (!ps) {
        en_handle_scope_close(&hs);
        return false;
    }
    EnValue arg = en_string_value(ps);
    en_handle(cx, arg);
    EnValue r = en_invoke(cx, *hl, rt_key(cx, "packageType"), 1, &arg);
    bool module = en_is_string(r) && en_str_length(en_as_string(r)) == 6;  // "module"
    if (r == EN_EXCEPTION) en_exception_take(cx);
    en_handle_scope_close(&hs);
    return module;
}

static bool esm_resolve(void *ctx, const char *referrer, const char *specifier, size_t len, char **out,
                        char **error) {
    RtHost *h = ctx;
    EnContext *cx = h->cx;
    char *spec = och_strndup(specifier, len);
    bool ok = false;
    if (!strncmp(spec, "./", 2) || !strncmp(spec, "../", 3) || spec[0] == '/') {
        char *path = NULL;
        ok = en_module_default_resolve(NULL, referrer, spec, len, &path, error);
        if (ok) {
            // CommonJS files become synthetic modules keyed "cjs:PATH".
            bool cjs = has_suffix(path, ".cjs") || (has_suffix(path, ".js") && !js_is_module(h, path));
            if (cjs) {
                OchBuf b = {0};
                och_buf_printf(&b, "cjs:%s", path);
                och_free(path);
                path = och_strndup(b.data, b.len);
                och_buf_free(&b);
            }
            *out = path;
        }
        och_free(spec);
        return ok;
    }
    // node: built-ins and packages, through the CommonJS loader's resolver.
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue l = rt_loader(cx);
    if (l != EN_EXCEPTION) {
        EnValue *hl = en_handle(cx, l);
        const char *ref = !strncmp(referrer, "cjs:", 4) ? referrer + 4 : referrer;
        EnValue args[2] = {EN_UNDEFINED, EN_UNDEFINED};
        EnString *s0 = en_str_from_utf8(cx, spec, len);
        if (s0) en_handle(cx, args[0] = en_string_value(s0));
        EnString *s1 = s0 ? en_str_from_utf8(cx, ref, strlen(ref)) : NULL;
        if (s1) en_handle(cx, args[1] = en_string_value(s1));
        EnValue r = en_invoke(cx, *hl, rt_key(cx, "resolveImport"), 2, args);
        if (en_is_string(r)) {
            OchBuf b = {0};
            en_str_to_utf8(cx, en_as_string(r), &b);
            bool builtin = !strncmp(b.data, "node:", 5);
            bool cjs = !builtin && (has_suffix(b.data, ".cjs") || (has_suffix(b.data, ".js") && !js_is_module(h, b.data)));
            if (cjs) {
                OchBuf c = {0};
                och_buf_printf(&c, "cjs:%s", b.data);
                *out = och_strndup(c.data, c.len);
                och_buf_free(&c);
            } else {
                *out = och_strndup(b.data, b.len);
            }
            och_buf_free(&b);
            ok = true;
        } else {
            EnValue exc = en_exception_take(cx);
            OchBuf b = {0};
            en_value_to_display(cx, exc, &b);
            *error = och_strndup(b.data ? b.data : "cannot resolve", b.len);
            och_buf_free(&b);
        }
    }
    en_handle_scope_close(&hs);
    och_free(spec);
    return ok;
}

// A synthetic ES module over a CommonJS value: `import.meta.ochreRequire`
// (given to these modules only) returns module.exports.
static bool synthetic_source(RtHost *h, const char *key, char **text, size_t *len, char **error) {
    EnContext *cx = h->cx;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    bool ok = false;
    EnValue l = rt_loader(cx);
    if (l == EN_EXCEPTION) goto fail;
    EnValue *hl = en_handle(cx, l);
    EnString *ks = en_str_from_utf8(cx, key, strlen(key));
    if (!ks) goto fail;
    EnValue arg = en_string_value(ks);
    en_handle(cx, arg);
    EnValue ex = en_invoke(cx, *hl, rt_key(cx, "requireKey"), 1, &arg);
    if (ex == EN_EXCEPTION) goto fail;
    EnValue *hex = en_handle(cx, ex);
    OchBuf src = {0};
    och_buf_puts(&src, "const m = import.meta.ochreRequire();\nexport default m;\n");
    if (en_is_object(*hex)) {
        EnKey *keys = NULL;
        uint32_t n = 0;
        if (en_obj_own_keys(cx, en_as_object(*hex), &keys, &n)) {
            for (uint32_t i = 0; i < n; i++) {
                if (!en_is_string(keys[i])) continue;
                OchBuf k = {0};
                en_str_to_utf8(cx, en_as_string(keys[i]), &k);
                bool ident = k.len && strcmp(k.data, "default") && !(k.data[0] >= '0' && k.data[0] <= '9');
                for (size_t c = 0; ident && c < k.len; c++) {
                    char ch = k.data[c];
                    ident = ch == '_' || ch == '$' || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                            (ch >= '0' && ch <= '9');
                }
                if (ident) och_buf_printf(&src, "export const %s = m.%s;\n", k.data, k.data);
                och_buf_free(&k);
            }
            och_free(keys);
        }
    }
    *text = och_strndup(src.data, src.len);
    *len = src.len;
    och_buf_free(&src);
    ok = true;
    goto done;
fail: {
    EnValue exc = en_exception_take(cx);
    OchBuf b = {0};
    en_exception_report(cx, exc, &b);
    *error = och_strndup(b.data ? b.data : "cannot load", b.len);
    och_buf_free(&b);
}
done:
    en_handle_scope_close(&hs);
    return ok;
}

static bool esm_load(void *ctx, const char *path, char **text, size_t *len, char **error) {
    RtHost *h = ctx;
    if (!strncmp(path, "node:", 5) || !strncmp(path, "cjs:", 4)) return synthetic_source(h, path, text, len, error);
    return en_module_default_load(NULL, path, text, len, error);
}

static EnValue meta_require(EnContext *cx, const EnArgs *a) {
    (void)a;
    EnValue key = *en_native_slot(a->callee, 0);
    EnValue l = rt_loader(cx);
    if (l == EN_EXCEPTION) return l;
    EnValue *hl = en_handle(cx, l);
    en_handle(cx, key);
    return en_invoke(cx, *hl, rt_key(cx, "requireKey"), 1, &key);
}

static bool esm_init_meta(void *ctx, EnContext *cx, const char *path, EnValue meta) {
    (void)ctx;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hm = en_handle(cx, meta);
    bool ok = false;
    if (!strncmp(path, "node:", 5) || !strncmp(path, "cjs:", 4)) {
        EnString *name = en_atom_from_cstr(cx, "ochreRequire");
        if (!name) goto done;
        EnValue *hn = en_handle(cx, en_string_value(name));
        EnObject *f = en_native_new(cx, meta_require, en_as_string(*hn), 0, EN_NATIVE_NOT_CTOR, 1);
        if (!f) goto done;
        EnValue *hfn = en_handle(cx, en_object_value(f));
        EnString *k = en_str_from_utf8(cx, path, strlen(path));
        if (!k) goto done;
        *en_native_slot(en_as_object(*hfn), 0) = en_string_value(k);
        ok = en_define_value(cx, en_as_object(*hm), *hn, *hfn, EN_PROP_HIDDEN);
        goto done;
    }
    OchBuf url = {0}, dir = {0};
    och_buf_printf(&url, "file://%s", path);
    const char *slash = strrchr(path, '/');
    och_buf_append(&dir, path, slash && slash != path ? (size_t)(slash - path) : 1);
    EnString *u = en_str_from_utf8(cx, url.data, url.len);
    EnValue *hu = u ? en_handle(cx, en_string_value(u)) : NULL;
    EnString *fn = hu ? en_str_from_utf8(cx, path, strlen(path)) : NULL;
    EnValue *hf = fn ? en_handle(cx, en_string_value(fn)) : NULL;
    EnString *d = hf ? en_str_from_utf8(cx, dir.data, dir.len) : NULL;
    ok = d && rt_put(cx, en_as_object(*hm), "dirname", en_string_value(d), EN_PROP_DEFAULT) &&
         rt_put(cx, en_as_object(*hm), "url", *hu, EN_PROP_DEFAULT) &&
         rt_put(cx, en_as_object(*hm), "filename", *hf, EN_PROP_DEFAULT);
    och_buf_free(&url);
    och_buf_free(&dir);
done:
    en_handle_scope_close(&hs);
    return ok;
}

bool rt_esm_install(EnContext *cx) {
    RtHost *h = rt_host_of(cx);
    EnModuleLoader l = {esm_resolve, esm_load, esm_init_meta, h};
    en_context_set_module_loader(cx, &l);
    return true;
}
