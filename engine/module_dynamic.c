// import() (ES2025 §13.3.10.2 EvaluateImportCall, ContinueDynamicImport)
// and the module goal of en_eval. The specifier and options are read
// synchronously (their errors reject the promise); loading, linking and
// evaluation run in a job so the importing code continues first, as with
// an asynchronous host loader.
#include "module_rec_int.h"

// Rejects p with the pending exception (unless the run is terminating).
static EnValue reject_pending(EnContext *cx, EnValue *hp) {
    if (cx->terminating) return EN_EXCEPTION;
    en_promise_reject_fn(cx, en_as_object(*hp), en_exception_take(cx));
    return *hp;
}

static EnValue on_eval_fulfilled(EnContext *cx, const EnArgs *a) {
    EnModule *m = en_as_ptr(*en_native_slot(a->callee, 1));
    EnValue ns = en_module_namespace(cx, m);
    if (ns == EN_EXCEPTION) return EN_EXCEPTION;
    en_promise_resolve_fn(cx, en_as_object(*en_native_slot(a->callee, 0)), ns);
    return EN_UNDEFINED;
}

static EnValue on_eval_rejected(EnContext *cx, const EnArgs *a) {
    en_promise_reject_fn(cx, en_as_object(*en_native_slot(a->callee, 0)), en_arg(a, 0));
    return EN_UNDEFINED;
}

// The job: slots (promise, specifier string, referrer path string, type).
static EnValue import_job(EnContext *cx, const EnArgs *a) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hp = en_handle(cx, *en_native_slot(a->callee, 0));
    EnValue r = EN_UNDEFINED;
    OchBuf spec = {0}, ref = {0};
    en_str_to_utf8(cx, en_as_string(*en_native_slot(a->callee, 1)), &spec);
    EnValue refv = *en_native_slot(a->callee, 2);
    if (en_is_string(refv)) en_str_to_utf8(cx, en_as_string(refv), &ref);
    och_buf_append(&ref, "", 1);
    uint32_t type = (uint32_t)en_as_int32(*en_native_slot(a->callee, 3));
    EnName nm = {spec.data ? spec.data : "", (uint32_t)spec.len};
    EnModule *m = en_module_load_request(cx, ref.data[0] ? ref.data : NULL, nm, type);
    if (!m || !en_module_link(cx, m)) {
        r = reject_pending(cx, hp) == EN_EXCEPTION ? EN_EXCEPTION : EN_UNDEFINED;
        goto done;
    }
    EnValue ep = en_module_evaluate(cx, m);
    if (ep == EN_EXCEPTION) {
        r = EN_EXCEPTION;
        goto done;
    }
    EnValue *hep = en_handle(cx, ep);
    EnObject *onf =
        en_native_new(cx, on_eval_fulfilled, en_str_empty(cx), 0, EN_NATIVE_NOT_CTOR, 2);
    if (!onf) {
        r = EN_EXCEPTION;
        goto done;
    }
    *en_native_slot(onf, 0) = *hp;
    *en_native_slot(onf, 1) = en_cell_value(m);
    EnValue *hf = en_handle(cx, en_object_value(onf));
    EnObject *onr = en_native_new(cx, on_eval_rejected, en_str_empty(cx), 1, EN_NATIVE_NOT_CTOR, 1);
    if (!onr) {
        r = EN_EXCEPTION;
        goto done;
    }
    *en_native_slot(onr, 0) = *hp;
    if (!en_promise_then_native(cx, en_as_object(*hep), *hf, en_object_value(onr)))
        r = EN_EXCEPTION;
done:
    och_buf_free(&spec);
    och_buf_free(&ref);
    en_handle_scope_close(&hs);
    return r;
}

// Reads options.with (EnumerableOwnProperties, values must be strings):
// *type from `type`. False with the exception pending.
static bool read_attributes(EnContext *cx, EnValue options, uint32_t *type) {
    *type = EN_MOD_TYPE_JS;
    if (options == EN_UNDEFINED) return true;
    if (!en_is_object(options)) {
        en_throw_type_error(cx, "the second argument of import() must be an object");
        return false;
    }
    EnValue with = en_get(cx, options, en_key_atom(en_atom_from_cstr(cx, "with")));
    if (with == EN_EXCEPTION) return false;
    if (with == EN_UNDEFINED) return true;
    if (!en_is_object(with)) {
        en_throw_type_error(cx, "the 'with' option of import() must be an object");
        return false;
    }
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hw = en_handle(cx, with);
    EnKey *keys = NULL;
    uint32_t n = 0;
    bool ok = en_obj_own_keys(cx, en_as_object(*hw), &keys, &n);
    // Keys are kept alive by the object (or are atoms held by a proxy's
    // result array until this call returns); root them to be safe.
    EnValue *hk = NULL;
    for (uint32_t i = 0; ok && i < n; i++) {
        EnValue *h = en_handle(cx, keys[i]);
        if (!hk) hk = h;
    }
    bool unsupported = false;
    EnName bad = {NULL, 0};
    OchBuf badbuf = {0};
    for (uint32_t i = 0; ok && i < n; i++) {
        EnKey k = hk[i];
        if (en_is_symbol(k)) continue;
        EnPropDesc d;
        bool found;
        if (!(ok = en_obj_get_own_property(cx, en_as_object(*hw), k, &d, &found))) break;
        if (!found || !(d.attrs & EN_PROP_ENUMERABLE)) continue;
        EnValue v = en_get(cx, *hw, k);
        if (v == EN_EXCEPTION) {
            ok = false;
            break;
        }
        if (!en_is_string(v)) {
            en_throw_type_error(cx, "import attribute values must be strings");
            ok = false;
            break;
        }
        EnValue kv = en_key_to_value(cx, k);
        if (kv == EN_EXCEPTION) {
            ok = false;
            break;
        }
        if (en_str_equal_cstr(cx, en_as_string(kv), "type")) {
            if (en_str_equal_cstr(cx, en_as_string(v), "json")) *type = EN_MOD_TYPE_JSON;
            else if (!unsupported) {
                unsupported = true;
                en_str_to_utf8(cx, en_as_string(v), &badbuf);
            }
        } else if (!unsupported) {
            unsupported = true;
            en_str_to_utf8(cx, en_as_string(kv), &badbuf);
        }
    }
    och_free(keys);
    if (ok && unsupported) {
        bad.s = badbuf.data ? badbuf.data : "";
        bad.len = (uint32_t)badbuf.len;
        en_throw_syntax_error(cx, "unsupported import attribute '%.*s'", (int)bad.len, bad.s);
        ok = false;
    }
    och_buf_free(&badbuf);
    en_handle_scope_close(&hs);
    return ok;
}

// GetActiveScriptOrModule's file: eval code (and `new Function` bodies,
// named "<...>") has the script or module that ran it as its referrer.
static const char *referrer_name(EnContext *cx, EnSource *referrer) {
    if (referrer && referrer->module) return referrer->module->path;
    if (referrer && referrer->filename && referrer->filename[0] != '<') return referrer->filename;
    EnVM *vm = cx->rt->vm;
    for (uint32_t i = vm->depth; i-- > 0;) {
        EnFunctionTemplate *t = vm->frames[i].tmpl;
        EnSource *s = t ? t->src : NULL;
        if (!s || s == referrer) continue;
        if (s->module) return s->module->path;
        if (s->filename && s->filename[0] != '<') return s->filename;
    }
    return referrer ? referrer->filename : NULL;
}

EnValue en_module_dynamic_import(EnContext *cx, EnSource *referrer, EnValue specifier,
                                 EnValue options) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hopt = en_handle(cx, options);
    EnValue *hspec = en_handle(cx, specifier);
    EnValue r = EN_EXCEPTION;
    EnObject *p = en_promise_new(cx);
    if (!p) goto done;
    EnValue *hp = en_handle(cx, en_object_value(p));
    EnString *s = en_to_string(cx, *hspec);
    if (!s) {
        r = reject_pending(cx, hp);
        goto done;
    }
    *hspec = en_string_value(s);
    uint32_t type;
    if (!read_attributes(cx, *hopt, &type)) {
        r = reject_pending(cx, hp);
        goto done;
    }
    const char *refname = referrer_name(cx, referrer);
    EnString *ref = en_str_from_utf8(cx, refname ? refname : "", refname ? strlen(refname) : 0);
    if (!ref) goto done;
    EnValue *href = en_handle(cx, en_string_value(ref));
    EnObject *job = en_native_new(cx, import_job, en_str_empty(cx), 0, EN_NATIVE_NOT_CTOR, 4);
    if (!job) goto done;
    *en_native_slot(job, 0) = *hp;
    *en_native_slot(job, 1) = *hspec;
    *en_native_slot(job, 2) = *href;
    *en_native_slot(job, 3) = en_int32((int32_t)type);
    if (!en_enqueue_job(cx, en_object_value(job), 0, NULL)) goto done;
    r = *hp;
done:
    en_handle_scope_close(&hs);
    return r;
}

// ---------------------------------------------------------------------------
// en_eval with EN_GOAL_MODULE (eval.c): the root module from source text.

EnStatus en_module_eval_source(EnContext *cx, const char *src, size_t len, const char *filename,
                               EnValue *result) {
    // The key of the root: its resolved path, so imports of it from the
    // graph find the same record.
    char *path = NULL;
    EnName nm = {filename, (uint32_t)strlen(filename)};
    if (filename[0] == '/') {
        path = och_strndup(filename, strlen(filename));
    } else {
        char *dot = och_malloc(strlen(filename) + 3);
        strcpy(dot, "./");
        strcat(dot, filename);
        nm.s = dot;
        nm.len = (uint32_t)strlen(dot);
        char *err = NULL;
        if (!en_module_default_resolve(NULL, NULL, dot, nm.len, &path, &err))
            path = och_strndup(filename, strlen(filename));
        och_free(err);
        och_free(dot);
    }
    EnModule *m = en_module_find(cx, path);
    EnStatus st = EN_STATUS_OK;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    if (!m && !en_module_from_source(cx, path, src, len, EN_MOD_TYPE_JS, &m)) {
        st = cx->terminating ? EN_STATUS_TERMINATED : EN_STATUS_SYNTAX_ERROR;
        goto done;
    }
    en_handle(cx, en_cell_value(m));
    if (!en_module_load_graph(cx, m) || !en_module_link(cx, m)) {
        st = cx->terminating ? EN_STATUS_TERMINATED : EN_STATUS_EXCEPTION;
        goto done;
    }
    EnValue p = en_module_evaluate(cx, m);
    if (p == EN_EXCEPTION) {
        st = EN_STATUS_TERMINATED;
        goto done;
    }
    EnPromise *pr = (EnPromise *)en_as_object(p);
    if (pr->state == EN_PROMISE_REJECTED) {
        // Failed synchronously: report now.
        en_promise_then_native(cx, &pr->base, EN_UNDEFINED, EN_UNDEFINED);
        en_throw(cx, pr->result);
        st = EN_STATUS_EXCEPTION;
        goto done;
    }
    // Observed through en_module_main_state after the jobs ran; a handler
    // keeps the rejection out of the unhandled-rejection list.
    en_promise_then_native(cx, &pr->base, EN_UNDEFINED, EN_UNDEFINED);
    en_module_set_main_promise(cx, p);
    if (result) *result = pr->state == EN_PROMISE_FULFILLED ? EN_UNDEFINED : p;
done:
    en_handle_scope_close(&hs);
    och_free(path);
    return st;
}
