// CommonJS for `ochre run`: the loader (js/cjs_loader.js, embedded at
// build time) and the host binding it and the node: modules written in JS
// use: file reads, stats, compiling a module's wrapper function, the
// embedded sources, and the native modules (fs, process, timers).
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rt_int.h"
#include "rt_js_generated.h"

// The first argument as a UTF-8 path (NUL-terminated); false on throw.
static EnValue utf8_value(EnContext *cx, const char *s, size_t n) {
    EnString *str = en_str_from_utf8(cx, s, n);
    return str ? en_string_value(str) : EN_EXCEPTION;
}

static const char *js_source(const char *name, size_t *len) {
    for (size_t i = 0; i < sizeof rt_js_sources / sizeof *rt_js_sources; i++)
        if (!strcmp(rt_js_sources[i].name, name)) {
            *len = rt_js_sources[i].len;
            return rt_js_sources[i].src;
        }
    return NULL;
}

// readFile(path): the file's text, or undefined when it cannot be read.
static EnValue b_read_file(EnContext *cx, const EnArgs *a) {
    OchBuf p = {0};
    if (!rt_path_arg(cx, a, 0, &p)) return EN_EXCEPTION;
    char *text;
    size_t len;
    EnValue r = EN_UNDEFINED;
    if (ps_source_read_file(p.data, &text, &len) == OCH_OK) {
        r = utf8_value(cx, text, len);
        och_free(text);
    }
    och_buf_free(&p);
    return r;
}

// stat(path): 0 missing, 1 file, 2 directory.
static EnValue b_stat(EnContext *cx, const EnArgs *a) {
    OchBuf p = {0};
    if (!rt_path_arg(cx, a, 0, &p)) return EN_EXCEPTION;
    struct stat st;
    int kind = stat(p.data, &st) != 0 ? 0 : S_ISDIR(st.st_mode) ? 2 : 1;
    och_buf_free(&p);
    return en_int32(kind);
}

static EnValue b_realpath(EnContext *cx, const EnArgs *a) {
    OchBuf p = {0};
    if (!rt_path_arg(cx, a, 0, &p)) return EN_EXCEPTION;
    char *r = realpath(p.data, NULL);
    EnValue v = r ? utf8_value(cx, r, strlen(r)) : utf8_value(cx, p.data, p.len - 1);
    free(r);
    och_buf_free(&p);
    return v;
}

// compile(source, filename, internal): the module wrapper function
// (exports, require, module, __filename, __dirname[, binding]), opened on
// the source's first line so that line numbers stay right. A hashbang line
// becomes a comment.
static EnValue b_compile(EnContext *cx, const EnArgs *a) {
    EnString *src = en_to_string(cx, en_arg(a, 0));
    if (!src) return EN_EXCEPTION;
    EnValue *hsrc = en_handle(cx, en_string_value(src));
    OchBuf name = {0};
    if (!rt_path_arg(cx, a, 1, &name)) return EN_EXCEPTION;
    bool internal = en_to_boolean(en_arg(a, 2));
    OchBuf text = {0};
    och_buf_puts(&text, internal ? "(function (exports, require, module, __filename, __dirname, binding) {"
                                 : "(function (exports, require, module, __filename, __dirname) {");
    size_t body = text.len;
    en_str_to_utf8(cx, en_as_string(*hsrc), &text);
    if (text.len >= body + 2 && text.data[body] == '#' && text.data[body + 1] == '!') {
        text.data[body] = '/';
        text.data[body + 1] = '/';
    }
    och_buf_puts(&text, "\n})");
    EnEvalOptions o;
    en_eval_options_default(&o);
    o.filename = name.data;
    EnValue fn = EN_UNDEFINED;
    EnStatus st = en_eval(cx, text.data, text.len, &o, &fn);
    och_buf_free(&text);
    och_buf_free(&name);
    return st == EN_STATUS_OK ? fn : EN_EXCEPTION;
}

static EnValue b_builtin_source(EnContext *cx, const EnArgs *a) {
    OchBuf n = {0};
    if (!rt_path_arg(cx, a, 0, &n)) return EN_EXCEPTION;
    // "fs/promises" lives in fs_promises.js; internal files are not modules.
    for (size_t i = 0; i < n.len; i++)
        if (n.data[i] == '/') n.data[i] = '_';
        else if (n.data[i] == '_') n.data[0] = 0;
    size_t len = 0;
    const char *src = n.data[0] && strcmp(n.data, "cjs_loader") ? js_source(n.data, &len) : NULL;
    och_buf_free(&n);
    return src ? utf8_value(cx, src, len) : EN_UNDEFINED;
}

// Native modules: objects built from globals (process, timers).
static EnValue b_native_module(EnContext *cx, const EnArgs *a) {
    OchBuf n = {0};
    if (!rt_path_arg(cx, a, 0, &n)) return EN_EXCEPTION;
    EnValue r = EN_UNDEFINED;
    if (!strcmp(n.data, "process")) {
        r = en_get(cx, en_object_value(cx->global), rt_key(cx, "process"));
    } else if (!strcmp(n.data, "timers")) {
        EnObject *t = en_obj_new_plain(cx);
        if (!t) {
            r = EN_EXCEPTION;
        } else {
            EnValue *ht = en_handle(cx, en_object_value(t));
            static const char *const names[] = {"setTimeout", "setInterval", "setImmediate",
                                                "clearTimeout", "clearInterval", "clearImmediate"};
            r = *ht;
            for (size_t i = 0; i < sizeof names / sizeof *names && r != EN_EXCEPTION; i++) {
                EnValue f = en_get(cx, en_object_value(cx->global), rt_key(cx, names[i]));
                if (f == EN_EXCEPTION ||
                    !en_define_value(cx, en_as_object(*ht), rt_key(cx, names[i]), f, EN_PROP_DEFAULT))
                    r = EN_EXCEPTION;
            }
        }
    }
    och_buf_free(&n);
    return r;
}

static EnValue b_inspect(EnContext *cx, const EnArgs *a) {
    OchBuf b = {0};
    rt_inspect(cx, en_arg(a, 0), false, &b);
    EnValue r = utf8_value(cx, b.data ? b.data : "", b.len);
    och_buf_free(&b);
    return r;
}

static EnValue b_format(EnContext *cx, const EnArgs *a) {
    OchBuf b = {0};
    EnValue r = rt_format(cx, a->argv, a->argc, &b) ? utf8_value(cx, b.data ? b.data : "", b.len)
                                                      : EN_EXCEPTION;
    och_buf_free(&b);
    return r;
}

// testResults(counts): node:test's totals for the test runner (a
// test_runner host), read back with en_host_test_counts.
static EnValue b_test_results(EnContext *cx, const EnArgs *a) {
    RtHost *h = rt_host_of(cx);
    EnValue c = en_arg(a, 0);
    if (!en_is_object(c)) return EN_UNDEFINED;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hc = en_handle(cx, c);
    static const char *const names[] = {"tests", "suites", "pass", "fail", "cancelled", "skipped", "todo"};
    uint32_t *fields[] = {&h->counts.tests, &h->counts.suites, &h->counts.pass, &h->counts.fail,
                          &h->counts.cancelled, &h->counts.skipped, &h->counts.todo};
    EnValue r = EN_UNDEFINED;
    for (size_t i = 0; i < 7; i++) {
        EnValue v = en_get(cx, *hc, rt_key(cx, names[i]));
        double d = 0;
        if (v == EN_EXCEPTION || !en_to_number(cx, v, &d)) {
            r = EN_EXCEPTION;
            break;
        }
        *fields[i] = (uint32_t)d;
    }
    h->have_counts = r != EN_EXCEPTION;
    en_handle_scope_close(&hs);
    return r;
}

// functionLines(fn): {start, end}, the 1-based lines a JS function's source
// spans (node:test's file:line selection), or undefined.
static EnValue b_function_lines(EnContext *cx, const EnArgs *a) {
    EnValue f = en_arg(a, 0);
    if (!en_is_object(f) || en_obj_class(en_as_object(f)) != EN_CLASS_FUNCTION) return EN_UNDEFINED;
    EnFunctionTemplate *t = ((EnFunction *)en_as_object(f))->tmpl;
    if (!t->src || !t->node) return EN_UNDEFINED;
    OchLineCol s = en_source_position(t->src, t->node->start);
    OchLineCol e = en_source_position(t->src, t->node->end);
    EnObject *o = en_obj_new_plain(cx);
    if (!o) return EN_EXCEPTION;
    EnValue *ho = en_handle(cx, en_object_value(o));
    if (!en_define_value(cx, en_as_object(*ho), rt_key(cx, "start"), en_number(s.line + 1), EN_PROP_DEFAULT) ||
        !en_define_value(cx, en_as_object(*ho), rt_key(cx, "end"), en_number(e.line + 1), EN_PROP_DEFAULT))
        return EN_EXCEPTION;
    return *ho;
}

// binding.testRunner: the runner's settings, or undefined outside `ochre test`.
static bool define_test_runner(EnContext *cx, EnObject *binding) {
    RtHost *h = rt_host_of(cx);
    if (!h->opts.test_runner) return true;
    EnValue *hb = en_handle(cx, en_object_value(binding));
    EnObject *o = en_obj_new_plain(cx);
    if (!o) return false;
    EnValue *ho = en_handle(cx, en_object_value(o));
    const char *reporter = h->opts.test_reporter ? h->opts.test_reporter : "tap";
    if (!rt_put(cx, en_as_object(*ho), "reporter", utf8_value(cx, reporter, strlen(reporter)), EN_PROP_DEFAULT))
        return false;
    if (h->opts.test_name_pattern &&
        !rt_put(cx, en_as_object(*ho), "namePattern",
                utf8_value(cx, h->opts.test_name_pattern, strlen(h->opts.test_name_pattern)), EN_PROP_DEFAULT))
        return false;
    if (!rt_put(cx, en_as_object(*ho), "line", en_number(h->opts.test_line), EN_PROP_DEFAULT) ||
        !rt_put(cx, en_as_object(*ho), "depth", en_number(1), EN_PROP_DEFAULT))
        return false;
    return rt_put(cx, en_as_object(*hb), "testRunner", *ho, EN_PROP_DEFAULT);
}

// The binding object (also given to the node: modules written in JS).
static EnObject *make_binding(EnContext *cx) {
    EnObject *b = en_obj_new(cx, EN_CLASS_OBJECT, NULL, 8);
    if (!b) return NULL;
    EnValue *hb = en_handle(cx, en_object_value(b));
    static const struct {
        const char *name;
        EnNativeFn fn;
        uint32_t length;
    } fns[] = {
        {"readFile", b_read_file, 1},       {"stat", b_stat, 1},
        {"realpath", b_realpath, 1},        {"compile", b_compile, 3},
        {"builtinSource", b_builtin_source, 1}, {"nativeModule", b_native_module, 1},
        {"inspect", b_inspect, 1},          {"format", b_format, 0},
        {"testResults", b_test_results, 1}, {"callerLine", b_function_lines, 1},
    };
    for (size_t i = 0; i < sizeof fns / sizeof *fns; i++)
        if (!en_define_method(cx, en_as_object(*hb), fns[i].name, fns[i].fn, fns[i].length)) return NULL;
    if (!rt_fs_binding(cx, en_as_object(*hb)) || !define_test_runner(cx, en_as_object(*hb))) return NULL;
    return en_as_object(*hb);
}

// The binding object of this context (created once, kept in HostState).
static EnValue shared_binding(EnContext *cx) {
    EnObject *st = en_intrinsic(cx, EN_INTRINSIC_HostState);
    EnValue b = en_get(cx, en_object_value(st), rt_key(cx, "binding"));
    if (en_is_object(b) || b == EN_EXCEPTION) return b;
    EnObject *nb = make_binding(cx);
    if (!nb) return EN_EXCEPTION;
    EnValue *hb = en_handle(cx, en_object_value(nb));
    if (!en_define_value(cx, en_intrinsic(cx, EN_INTRINSIC_HostState), rt_key(cx, "binding"), *hb,
                         EN_PROP_WRITABLE))
        return EN_EXCEPTION;
    return *hb;
}

// The exports of an internal JS module (js/internal_*.js), evaluated once
// per context: the wrapper gets (exports, undefined, module, name, '/',
// binding).
static EnValue internal_module(EnContext *cx, const char *name) {
    OchBuf key = {0};
    och_buf_printf(&key, "module:%s", name);
    EnObject *st = en_intrinsic(cx, EN_INTRINSIC_HostState);
    EnValue cached = en_get(cx, en_object_value(st), rt_key(cx, key.data));
    if (en_is_object(cached) || cached == EN_EXCEPTION) {
        och_buf_free(&key);
        return cached;
    }
    EnValue r = EN_EXCEPTION;
    size_t len = 0;
    const char *src = js_source(name, &len);
    EnValue b = shared_binding(cx);
    if (!src || b == EN_EXCEPTION) goto done;
    EnValue *hb = en_handle(cx, b);
    EnValue args[3] = {utf8_value(cx, src, len), EN_UNDEFINED, EN_TRUE};
    if (args[0] == EN_EXCEPTION) goto done;
    en_handle(cx, args[0]);
    OchBuf fname = {0};
    och_buf_printf(&fname, "node:internal/%s", name + 9);  // after "internal_"
    args[1] = utf8_value(cx, fname.data, fname.len);
    och_buf_free(&fname);
    if (args[1] == EN_EXCEPTION) goto done;
    en_handle(cx, args[1]);
    EnArgs ca = {EN_UNDEFINED, EN_UNDEFINED, NULL, 3, args};
    EnValue fn = b_compile(cx, &ca);
    if (fn == EN_EXCEPTION) goto done;
    EnValue *hf = en_handle(cx, fn);
    EnObject *module = en_obj_new_plain(cx), *exports = module ? en_obj_new_plain(cx) : NULL;
    if (!exports) goto done;
    EnValue *hm = en_handle(cx, en_object_value(module));
    EnValue *he = en_handle(cx, en_object_value(exports));
    if (!en_define_value(cx, en_as_object(*hm), rt_key(cx, "exports"), *he, EN_PROP_DEFAULT)) goto done;
    EnValue call[6] = {*he, EN_UNDEFINED, *hm, args[1], args[1], *hb};
    if (en_call(cx, *hf, *he, 6, call) == EN_EXCEPTION) goto done;
    EnValue ex = en_get(cx, *hm, rt_key(cx, "exports"));
    if (ex == EN_EXCEPTION) goto done;
    EnValue *hx = en_handle(cx, ex);
    if (!en_define_value(cx, en_intrinsic(cx, EN_INTRINSIC_HostState), rt_key(cx, key.data), *hx, EN_PROP_WRITABLE))
        goto done;
    r = *hx;
done:
    och_buf_free(&key);
    return r;
}

// Globals implemented in JS, loaded on first access: an accessor on the
// global object replaced by a data property once read or written.
static const struct {
    const char *global;
    const char *module;
} lazy_globals[] = {
    {"Event", "internal_events"},       {"EventTarget", "internal_events"},
    {"AbortController", "internal_events"}, {"AbortSignal", "internal_events"},
    {"structuredClone", "internal_web"}, {"atob", "internal_web"},
    {"btoa", "internal_web"},
};

static EnValue lazy_get(EnContext *cx, const EnArgs *a) {
    uint32_t i = (uint32_t)en_as_number(*en_native_slot(a->callee, 0));
    EnValue ex = internal_module(cx, lazy_globals[i].module);
    if (ex == EN_EXCEPTION) return ex;
    EnValue v = en_get(cx, ex, rt_key(cx, lazy_globals[i].global));
    if (v == EN_EXCEPTION) return v;
    EnValue *hv = en_handle(cx, v);
    if (!en_define_value(cx, cx->global, rt_key(cx, lazy_globals[i].global), *hv, EN_PROP_HIDDEN))
        return EN_EXCEPTION;
    return *hv;
}

static EnValue lazy_set(EnContext *cx, const EnArgs *a) {
    uint32_t i = (uint32_t)en_as_number(*en_native_slot(a->callee, 0));
    if (!en_define_value(cx, cx->global, rt_key(cx, lazy_globals[i].global), en_arg(a, 0), EN_PROP_HIDDEN))
        return EN_EXCEPTION;
    return EN_UNDEFINED;
}

bool rt_lazy_globals_install(EnContext *cx) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    bool ok = false;
    for (uint32_t i = 0; i < sizeof lazy_globals / sizeof *lazy_globals; i++) {
        EnString *name = en_atom_from_cstr(cx, lazy_globals[i].global);
        if (!name) goto done;
        en_handle(cx, en_string_value(name));
        EnObject *g = en_native_new(cx, lazy_get, name, 0, EN_NATIVE_NOT_CTOR, 1);
        if (!g) goto done;
        *en_native_slot(g, 0) = en_number(i);
        EnValue *hg = en_handle(cx, en_object_value(g));
        EnObject *s = en_native_new(cx, lazy_set, name, 1, EN_NATIVE_NOT_CTOR, 1);
        if (!s) goto done;
        *en_native_slot(s, 0) = en_number(i);
        if (!en_define_accessor(cx, cx->global, en_key_atom(name), *hg, en_object_value(s),
                                EN_PROP_CONFIGURABLE))
            goto done;
    }
    ok = true;
done:
    en_handle_scope_close(&hs);
    return ok;
}

// The loader object (js/cjs_loader.js called with the binding), created
// once per context and kept in HostState.
EnValue rt_loader(EnContext *cx) {
    EnObject *st = en_intrinsic(cx, EN_INTRINSIC_HostState);
    EnValue l = en_get(cx, en_object_value(st), rt_key(cx, "loader"));
    if (en_is_object(l) || l == EN_EXCEPTION) return l;
    size_t len = 0;
    const char *src = js_source("cjs_loader", &len);
    EnEvalOptions o;
    en_eval_options_default(&o);
    o.filename = "node:internal/cjs_loader";
    EnValue fn = EN_UNDEFINED;
    if (en_eval(cx, src, len, &o, &fn) != EN_STATUS_OK) return EN_EXCEPTION;
    EnValue *hf = en_handle(cx, fn);
    EnValue bv = shared_binding(cx);
    if (bv == EN_EXCEPTION) return bv;
    en_handle(cx, bv);
    l = en_call(cx, *hf, EN_UNDEFINED, 1, &bv);
    if (l == EN_EXCEPTION) return l;
    EnValue *hl = en_handle(cx, l);
    if (!en_define_value(cx, en_intrinsic(cx, EN_INTRINSIC_HostState), rt_key(cx, "loader"), *hl,
                         EN_PROP_WRITABLE))
        return EN_EXCEPTION;
    return *hl;
}

EnStatus en_host_run_main(EnContext *cx, const char *filename, const char *src, size_t len) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnStatus st = EN_STATUS_EXCEPTION;
    char *abs = realpath(filename, NULL);
    EnValue l = rt_loader(cx);
    if (l == EN_EXCEPTION) goto done;
    EnValue *hl = en_handle(cx, l);
    EnValue args[2];
    args[0] = utf8_value(cx, abs ? abs : filename, strlen(abs ? abs : filename));
    if (args[0] == EN_EXCEPTION) goto done;
    en_handle(cx, args[0]);
    args[1] = utf8_value(cx, src, len);
    if (args[1] == EN_EXCEPTION) goto done;
    en_handle(cx, args[1]);
    if (en_invoke(cx, *hl, rt_key(cx, "runMain"), 2, args) == EN_EXCEPTION) goto done;
    st = EN_STATUS_OK;
done:
    if (st != EN_STATUS_OK && cx->terminating) st = EN_STATUS_TERMINATED;
    free(abs);
    en_handle_scope_close(&hs);
    return st;
}
