// Slow paths of the generator and async-iteration instructions (yield*
// delegation, for await): ES2025 14.4.14 (yield*), 14.7.5.6-7
// (ForIn/OfHeadEvaluation, ForIn/OfBodyEvaluation with async iteration),
// 7.4.12 (AsyncIteratorClose). The suspensions themselves (Await,
// YieldDelegate) are in interp.c; these run between them. r points at
// the instruction's registers (rooted); acc values are saved in the
// frame by the caller.
#include "interp_int.h"

// GetMethod(v, name): undefined when absent, TypeError when not callable.
static EnValue get_method(EnContext *cx, EnValue v, EnAtomId name) {
    EnValue m = en_get_atom(cx, v, name);
    if (m == EN_EXCEPTION || en_is_nullish(m)) return m == EN_EXCEPTION ? m : EN_UNDEFINED;
    if (!en_is_callable(m)) {
        OchBuf b = {0};
        en_str_to_utf8(cx, en_atom(cx, name), &b);
        en_throw_type_error(cx, "iterator.%s is not a function", b.data ? b.data : "");
        och_buf_free(&b);
        return EN_EXCEPTION;
    }
    return m;
}

bool en_op_iter_init(EnContext *cx, EnValue obj, bool async, EnValue *r) {
    EnIteratorRecord rec;
    if (!en_get_iterator(cx, obj, async, &rec)) return false;
    r[0] = rec.iterator;
    r[1] = rec.next_method;
    r[2] = EN_FALSE;
    return true;
}

static int op_delegate_call_(EnContext *cx, EnValue *r, EnValue received, bool async, EnValue *out) {
    int32_t kind = en_as_int32(r[2]);
    EnValue arg = received;
    EnValue res;
    if (kind == EN_GEN_NEXT) {
        res = en_call(cx, r[1], r[0], 1, &arg);
    } else if (kind == EN_GEN_THROW) {
        EnValue m = get_method(cx, r[0], EN_ATOM_throw_);
        if (m == EN_EXCEPTION) return -1;
        if (m == EN_UNDEFINED) {
            // The inner iterator cannot take the exception: close it, then
            // report the protocol violation.
            if (!async) {
                EnIteratorRecord rec = {r[0], r[1], false};
                if (!en_iterator_close(cx, &rec, false)) return -1;
                en_throw_type_error(cx, "The iterator does not provide a 'throw' method");
                return -1;
            }
            EnValue ret = get_method(cx, r[0], EN_ATOM_return_);
            if (ret == EN_EXCEPTION) return -1;
            if (ret == EN_UNDEFINED) {
                en_throw_type_error(cx, "The iterator does not provide a 'throw' method");
                return -1;
            }
            res = en_call(cx, ret, r[0], 0, NULL);
            if (res == EN_EXCEPTION) return -1;
            r[2] = en_int32(3);  // closing: DelegateResult throws after the await
            *out = res;
            return 1;
        }
        EnValue *hm = en_handle(cx, m);
        res = en_call(cx, *hm, r[0], 1, &arg);
    } else {
        EnValue m = get_method(cx, r[0], EN_ATOM_return_);
        if (m == EN_EXCEPTION) return -1;
        if (m == EN_UNDEFINED) {
            *out = received;
            return 0;
        }
        EnValue *hm = en_handle(cx, m);
        res = en_call(cx, *hm, r[0], 1, &arg);
    }
    if (res == EN_EXCEPTION) return -1;
    *out = res;
    return 1;
}

int en_op_delegate_call(EnContext *cx, EnValue *r, EnValue received, bool async, EnValue *out) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    int st = op_delegate_call_(cx, r, received, async, out);
    en_handle_scope_close(&hs);
    return st;
}

static int op_delegate_result_(EnContext *cx, EnValue *r, EnValue res, bool async, EnValue *out) {
    int32_t kind = en_as_int32(r[2]);
    if (kind == 3) {
        if (!en_is_object(res)) en_throw_type_error(cx, "Iterator result is not an object");
        else en_throw_type_error(cx, "The iterator does not provide a 'throw' method");
        return -1;
    }
    if (!en_is_object(res)) {
        en_throw_type_error(cx, "Iterator result is not an object");
        return -1;
    }
    EnValue *hr = en_handle(cx, res);
    EnValue d = en_get_atom(cx, res, EN_ATOM_done);
    if (d == EN_EXCEPTION) return -1;
    bool done = en_to_boolean(d);
    if (!done && !async) {
        *out = *hr;
        return 0;
    }
    EnValue v = en_get_atom(cx, *hr, EN_ATOM_value);
    if (v == EN_EXCEPTION) return -1;
    *out = v;
    if (!done) return 0;
    return kind == EN_GEN_RETURN ? 2 : 1;
}

int en_op_delegate_result(EnContext *cx, EnValue *r, EnValue res, bool async, EnValue *out) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    int st = op_delegate_result_(cx, r, res, async, out);
    en_handle_scope_close(&hs);
    return st;
}

EnValue en_op_async_iter_next(EnContext *cx, EnValue *r) {
    return en_call(cx, r[1], r[0], 0, NULL);
}

static int op_async_iter_result_(EnContext *cx, EnValue *r, EnValue res, EnValue *out) {
    if (!en_is_object(res)) {
        en_throw_type_error(cx, "Iterator result is not an object");
        return -1;
    }
    EnValue *hr = en_handle(cx, res);
    EnValue d = en_get_atom(cx, res, EN_ATOM_done);
    if (d == EN_EXCEPTION) return -1;
    if (en_to_boolean(d)) {
        r[2] = EN_TRUE;
        return 0;
    }
    EnValue v = en_get_atom(cx, *hr, EN_ATOM_value);
    if (v == EN_EXCEPTION) return -1;
    *out = v;
    return 1;
}

int en_op_async_iter_result(EnContext *cx, EnValue *r, EnValue res, EnValue *out) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    int st = op_async_iter_result_(cx, r, res, out);
    en_handle_scope_close(&hs);
    return st;
}

int en_op_async_iter_close(EnContext *cx, EnValue *r, bool throwing, EnValue *out) {
    if (r[2] == EN_TRUE) return 0;
    r[2] = EN_TRUE;
    EnValue m = get_method(cx, r[0], EN_ATOM_return_);
    if (m == EN_EXCEPTION) return throwing && !cx->terminating ? (en_exception_take(cx), 0) : -1;
    if (m == EN_UNDEFINED) return 0;
    EnValue res = en_call(cx, m, r[0], 0, NULL);
    if (res == EN_EXCEPTION) return throwing && !cx->terminating ? (en_exception_take(cx), 0) : -1;
    *out = res;
    return 1;
}

bool en_op_set_super(EnContext *cx, EnFrame *fr, EnValue key, EnValue v) {
    EnObject *callee = fr->callee;
    EnValue home = callee && en_obj_class(callee) == EN_CLASS_FUNCTION ? ((EnFunction *)callee)->home_object
                                                                      : EN_UNDEFINED;
    if (!en_is_object(home)) return en_throw_syntax_error(cx, "'super' keyword unexpected here"), false;
    if (fr->this_val == EN_UNINIT) {
        en_throw_reference_error(cx, "Must call super constructor in derived class before accessing 'this'");
        return false;
    }
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    bool ok = false;
    EnValue *hk = en_handle(cx, key), *hv = en_handle(cx, v);
    EnObject *proto;
    if (!en_obj_get_prototype_of(cx, en_as_object(home), &proto)) goto done;
    if (!proto) {
        en_throw_type_error(cx, "Cannot set properties of null (super)");
        goto done;
    }
    en_handle(cx, en_object_value(proto));
    EnKey k;
    if (!en_key_from_value(cx, *hk, &k)) goto done;
    en_handle(cx, k);
    bool done_ok;
    if (!en_obj_set(cx, proto, k, *hv, fr->this_val, &done_ok)) goto done;
    if (!done_ok && (fr->tmpl->flags & EN_TF_STRICT)) {
        en_throw_type_error(cx, "Cannot assign to read only property of super");
        goto done;
    }
    ok = true;
done:
    en_handle_scope_close(&hs);
    return ok;
}

// SetFunctionName(fn, key, prefix) for methods and accessors: prefix 1
// "get ", 2 "set "; private names keep their "#name" description, other
// symbols give "[description]".
bool en_op_method_name(EnContext *cx, EnValue fn, EnValue key, uint32_t prefix) {
    if (!en_is_object(fn) || en_obj_class(en_as_object(fn)) != EN_CLASS_FUNCTION) return true;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hf = en_handle(cx, fn), *hk = en_handle(cx, key);
    EnStrBuilder sb;
    en_sb_init(&sb, cx);
    if (prefix == 1) en_sb_ascii(&sb, "get ", 4);
    else if (prefix == 2) en_sb_ascii(&sb, "set ", 4);
    bool ok = true;
    if (en_is_symbol(*hk)) {
        EnValue desc = en_as_symbol(*hk)->description;
        bool priv = (en_as_symbol(*hk)->hdr.flags & EN_SYM_PRIVATE) != 0;
        if (en_is_string(desc)) {
            EnString *ds = en_as_string(desc);
            if (priv && (en_str_length(ds) == 0 || en_str_at(ds, 0) != '#')) en_sb_unit(&sb, '#');
            if (!priv) en_sb_unit(&sb, '[');
            en_sb_string(&sb, en_as_string(desc));
            if (!priv) en_sb_unit(&sb, ']');
        }
    } else {
        EnString *ks = en_to_string(cx, *hk);
        if (!ks) ok = false;
        else en_sb_string(&sb, ks);
    }
    if (!ok) {
        en_sb_free(&sb);
        en_handle_scope_close(&hs);
        return false;
    }
    EnString *name = en_sb_finish(&sb);
    ok = name && en_define_value(cx, en_as_object(*hf), en_key_atom(en_atom(cx, EN_ATOM_name)),
                                       en_string_value(name), EN_PROP_CONFIGURABLE);
    en_handle_scope_close(&hs);
    return ok;
}
