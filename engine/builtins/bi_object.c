// Builtin family "object": the Object constructor, its static methods and
// Object.prototype (ECMA-262 §20.1, ES2025), incl. the Annex B
// __proto__ / __defineGetter__ family.
#include "objmodel_int.h"

#define ARG(i) en_arg(a, i)
#define KEY_OF(cx, v, out) en_key_from_value(cx, v, out)

static EnValue obj_or_exc(EnObject *o) { return o ? en_object_value(o) : EN_EXCEPTION; }

// Roots every key of a key vector in the current handle scope (user code
// run while iterating may drop the last other reference to an atom).
static void root_keys(EnContext *cx, const EnKey *keys, uint32_t n) {
    for (uint32_t i = 0; i < n; i++)
        if (en_is_cell(keys[i])) en_handle(cx, keys[i]);
}

// ---------------------------------------------------------------------------
// Object constructor.

static EnValue object_ctor(EnContext *cx, const EnArgs *a) {
    if (!en_is_undefined(a->new_target) && a->new_target != en_object_value(a->callee)) {
        EnObject *proto;
        if (!en_proto_from_ctor(cx, a->new_target, EN_INTRINSIC_ObjectPrototype, &proto)) return EN_EXCEPTION;
        return obj_or_exc(en_obj_new(cx, EN_CLASS_OBJECT, proto, 4));
    }
    EnValue v = ARG(0);
    if (en_is_nullish(v)) return obj_or_exc(en_obj_new_plain(cx));
    return obj_or_exc(en_to_object(cx, v));
}

static EnValue object_assign(EnContext *cx, const EnArgs *a) {
    EnObject *to = en_to_object(cx, ARG(0));
    if (!to) return EN_EXCEPTION;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hto = en_handle(cx, en_object_value(to));
    EnValue res = EN_EXCEPTION;
    for (uint32_t i = 1; i < a->argc; i++) {
        if (en_is_nullish(a->argv[i])) continue;
        EnObject *from = en_to_object(cx, a->argv[i]);
        if (!from) goto done;
        EnValue *hf = en_handle(cx, en_object_value(from));
        EnKey *keys;
        uint32_t n;
        if (!en_obj_own_keys(cx, from, &keys, &n)) goto done;
        root_keys(cx, keys, n);
        bool ok = true;
        for (uint32_t j = 0; j < n && ok; j++) {
            EnPropDesc d;
            bool found;
            if (!(ok = en_obj_get_own_property(cx, en_as_object(*hf), keys[j], &d, &found))) break;
            if (!found || !(d.attrs & EN_PROP_ENUMERABLE)) continue;
            EnValue v = en_get(cx, *hf, keys[j]);
            if (!(ok = !en_is_exception(v))) break;
            ok = en_set(cx, *hto, keys[j], v, true);
        }
        och_free(keys);
        if (!ok) goto done;
    }
    res = *hto;
done:
    en_handle_scope_close(&hs);
    return res;
}

// ObjectDefineProperties (§20.1.2.3.1).
static bool define_properties(EnContext *cx, EnValue o, EnValue props_v) {
    EnObject *props = en_to_object(cx, props_v);
    if (!props) return false;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *ho = en_handle(cx, o), *hp = en_handle(cx, en_object_value(props));
    EnKey *keys;
    uint32_t n;
    bool ok = en_obj_own_keys(cx, props, &keys, &n);
    if (!ok) goto done;
    root_keys(cx, keys, n);
    EnPropDesc *descs = och_malloc((n ? n : 1) * sizeof(EnPropDesc));
    EnKey *dkeys = och_malloc((n ? n : 1) * sizeof(EnKey));
    uint32_t nd = 0;
    for (uint32_t i = 0; i < n && ok; i++) {
        EnPropDesc pd;
        bool found;
        if (!(ok = en_obj_get_own_property(cx, en_as_object(*hp), keys[i], &pd, &found))) break;
        if (!found || !(pd.attrs & EN_PROP_ENUMERABLE)) continue;
        EnValue dobj = en_get(cx, *hp, keys[i]);
        if (!(ok = !en_is_exception(dobj))) break;
        if (!(ok = en_desc_from_object(cx, dobj, &descs[nd]))) break;  // roots its values
        dkeys[nd++] = keys[i];
    }
    for (uint32_t i = 0; i < nd && ok; i++) {
        bool dok;
        if (!(ok = en_obj_define_own_property(cx, en_as_object(*ho), dkeys[i], &descs[i], &dok))) break;
        if (!dok) {
            en_throw_type_error(cx, "Cannot redefine property");
            ok = false;
        }
    }
    och_free(descs);
    och_free(dkeys);
    och_free(keys);
done:
    en_handle_scope_close(&hs);
    return ok;
}

static EnValue object_create(EnContext *cx, const EnArgs *a) {
    EnValue p = ARG(0);
    if (!en_is_object(p) && !en_is_null(p)) return en_throw_type_error(cx, "Object prototype may only be an Object or null");
    EnObject *o = en_obj_new(cx, EN_CLASS_OBJECT, en_is_null(p) ? NULL : en_as_object(p), 4);
    if (!o) return EN_EXCEPTION;
    if (en_is_undefined(ARG(1))) return en_object_value(o);
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *ho = en_handle(cx, en_object_value(o));
    bool ok = define_properties(cx, *ho, ARG(1));
    EnValue r = ok ? *ho : EN_EXCEPTION;
    en_handle_scope_close(&hs);
    return r;
}

static EnValue object_define_properties(EnContext *cx, const EnArgs *a) {
    if (!en_is_object(ARG(0))) return en_throw_type_error(cx, "Object.defineProperties called on non-object");
    return define_properties(cx, ARG(0), ARG(1)) ? ARG(0) : EN_EXCEPTION;
}

static EnValue object_define_property(EnContext *cx, const EnArgs *a) {
    if (!en_is_object(ARG(0))) return en_throw_type_error(cx, "Object.defineProperty called on non-object");
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnKey k;
    EnPropDesc d;
    bool ok = KEY_OF(cx, ARG(1), &k);
    if (ok) en_handle(cx, k);
    ok = ok && en_desc_from_object(cx, ARG(2), &d);
    bool dok = true;
    ok = ok && en_obj_define_own_property(cx, en_as_object(ARG(0)), k, &d, &dok);
    en_handle_scope_close(&hs);
    if (!ok) return EN_EXCEPTION;
    if (!dok) return en_throw_type_error(cx, "Cannot redefine property");
    return ARG(0);
}

// EnumerableOwnProperties: 0 keys, 1 values, 2 entries.
static EnValue enumerable_own(EnContext *cx, EnValue ov, int kind) {
    EnObject *o = en_to_object(cx, ov);
    if (!o) return EN_EXCEPTION;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *ho = en_handle(cx, en_object_value(o));
    EnValue res = EN_EXCEPTION;
    EnObject *arr = en_array_new(cx, 0);
    if (!arr) goto done;
    EnValue *ha = en_handle(cx, en_object_value(arr));
    EnKey *keys;
    uint32_t n;
    if (!en_obj_own_keys(cx, en_as_object(*ho), &keys, &n)) goto done;
    root_keys(cx, keys, n);
    bool ok = true;
    for (uint32_t i = 0; i < n && ok; i++) {
        if (en_is_symbol(keys[i])) continue;
        EnPropDesc d;
        bool found;
        if (!(ok = en_obj_get_own_property(cx, en_as_object(*ho), keys[i], &d, &found))) break;
        if (!found || !(d.attrs & EN_PROP_ENUMERABLE)) continue;
        EnValue item;
        EnValue kv = en_key_to_value(cx, keys[i]);
        if (!(ok = !en_is_exception(kv))) break;
        EnValue *hk = en_handle(cx, kv);
        if (kind == 0) {
            item = kv;
        } else {
            EnValue v = en_get(cx, *ho, keys[i]);
            if (!(ok = !en_is_exception(v))) break;
            if (kind == 1) {
                item = v;
            } else {
                EnValue pair[2] = {*hk, v};
                EnValue *hv = en_handle(cx, v);
                (void)hv;
                EnObject *e = en_array_from_values(cx, pair, 2);
                if (!(ok = e != NULL)) break;
                item = en_object_value(e);
            }
        }
        ok = en_array_push(cx, en_as_object(*ha), item);
    }
    och_free(keys);
    if (ok) res = *ha;
done:
    en_handle_scope_close(&hs);
    return res;
}

static EnValue object_keys(EnContext *cx, const EnArgs *a) { return enumerable_own(cx, ARG(0), 0); }
static EnValue object_values(EnContext *cx, const EnArgs *a) { return enumerable_own(cx, ARG(0), 1); }
static EnValue object_entries(EnContext *cx, const EnArgs *a) { return enumerable_own(cx, ARG(0), 2); }

static EnValue set_integrity(EnContext *cx, EnValue o, bool frozen) {
    if (!en_is_object(o)) return o;
    bool ok;
    if (!en_obj_set_integrity(cx, en_as_object(o), frozen, &ok)) return EN_EXCEPTION;
    if (!ok) return en_throw_type_error(cx, "Cannot %s object", frozen ? "freeze" : "seal");
    return o;
}
static EnValue object_freeze(EnContext *cx, const EnArgs *a) { return set_integrity(cx, ARG(0), true); }
static EnValue object_seal(EnContext *cx, const EnArgs *a) { return set_integrity(cx, ARG(0), false); }

static EnValue object_prevent_extensions(EnContext *cx, const EnArgs *a) {
    if (!en_is_object(ARG(0))) return ARG(0);
    bool ok;
    if (!en_obj_prevent_extensions(cx, en_as_object(ARG(0)), &ok)) return EN_EXCEPTION;
    if (!ok) return en_throw_type_error(cx, "Cannot prevent extensions");
    return ARG(0);
}

static EnValue test_integrity(EnContext *cx, EnValue o, bool frozen) {
    if (!en_is_object(o)) return EN_TRUE;
    bool r;
    if (!en_obj_test_integrity(cx, en_as_object(o), frozen, &r)) return EN_EXCEPTION;
    return en_bool(r);
}
static EnValue object_is_frozen(EnContext *cx, const EnArgs *a) { return test_integrity(cx, ARG(0), true); }
static EnValue object_is_sealed(EnContext *cx, const EnArgs *a) { return test_integrity(cx, ARG(0), false); }

static EnValue object_is_extensible(EnContext *cx, const EnArgs *a) {
    if (!en_is_object(ARG(0))) return EN_FALSE;
    bool r;
    if (!en_obj_is_extensible(cx, en_as_object(ARG(0)), &r)) return EN_EXCEPTION;
    return en_bool(r);
}

static EnValue object_from_entries(EnContext *cx, const EnArgs *a) {
    if (en_is_nullish(ARG(0))) return en_throw_type_error(cx, "Object.fromEntries requires an iterable");
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    EnObject *o = en_obj_new_plain(cx);
    if (!o) goto done;
    EnValue *ho = en_handle(cx, en_object_value(o));
    EnIteratorRecord it;
    if (!en_get_iterator(cx, ARG(0), false, &it)) goto done;
    EnValue *hi = en_handle(cx, it.iterator);
    en_handle(cx, it.next_method);
    for (;;) {
        EnValue item;
        bool fin;
        if (!en_iterator_step_value(cx, &it, &item, &fin)) goto done;
        if (fin) break;
        EnHandleScope inner;
        en_handle_scope_open(cx, &inner);
        EnValue *hit = en_handle(cx, item);
        bool ok = true;
        if (!en_is_object(item)) {
            en_throw_type_error(cx, "Iterator value is not an entry object");
            ok = false;
        }
        EnValue k = EN_UNDEFINED, v = EN_UNDEFINED;
        EnKey key;
        if (ok) ok = !en_is_exception(k = en_get_index(cx, *hit, 0));
        EnValue *hk = en_handle(cx, k);
        if (ok) ok = !en_is_exception(v = en_get_index(cx, *hit, 1));
        EnValue *hv = en_handle(cx, v);
        if (ok) ok = KEY_OF(cx, *hk, &key);
        if (ok) ok = en_create_data_property_or_throw(cx, en_as_object(*ho), key, *hv);
        en_handle_scope_close(&inner);
        if (!ok) {
            it.iterator = *hi;
            en_iterator_close(cx, &it, true);
            goto done;
        }
    }
    res = *ho;
done:
    en_handle_scope_close(&hs);
    return res;
}

static EnValue object_gopd(EnContext *cx, const EnArgs *a) {
    EnObject *o = en_to_object(cx, ARG(0));
    if (!o) return EN_EXCEPTION;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *ho = en_handle(cx, en_object_value(o));
    EnKey k;
    EnPropDesc d;
    bool found = false;
    bool ok = KEY_OF(cx, ARG(1), &k);
    if (ok) en_handle(cx, k);
    ok = ok && en_obj_get_own_property(cx, en_as_object(*ho), k, &d, &found);
    EnValue r = !ok ? EN_EXCEPTION : found ? en_desc_to_object(cx, &d) : EN_UNDEFINED;
    en_handle_scope_close(&hs);
    return r;
}

static EnValue object_gopds(EnContext *cx, const EnArgs *a) {
    EnObject *o = en_to_object(cx, ARG(0));
    if (!o) return EN_EXCEPTION;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *ho = en_handle(cx, en_object_value(o));
    EnValue res = EN_EXCEPTION;
    EnObject *r = en_obj_new_plain(cx);
    if (!r) goto done;
    EnValue *hr = en_handle(cx, en_object_value(r));
    EnKey *keys;
    uint32_t n;
    if (!en_obj_own_keys(cx, en_as_object(*ho), &keys, &n)) goto done;
    root_keys(cx, keys, n);
    bool ok = true;
    for (uint32_t i = 0; i < n && ok; i++) {
        EnPropDesc d;
        bool found;
        if (!(ok = en_obj_get_own_property(cx, en_as_object(*ho), keys[i], &d, &found))) break;
        if (!found) continue;
        EnValue dobj = en_desc_to_object(cx, &d);
        if (!(ok = !en_is_exception(dobj))) break;
        bool dok;
        ok = en_create_data_property(cx, en_as_object(*hr), keys[i], dobj, &dok);
    }
    och_free(keys);
    if (ok) res = *hr;
done:
    en_handle_scope_close(&hs);
    return res;
}

// GetOwnPropertyKeys(O, type): symbols when `symbols`, else strings.
static EnValue own_keys_of_type(EnContext *cx, EnValue ov, bool symbols) {
    EnObject *o = en_to_object(cx, ov);
    if (!o) return EN_EXCEPTION;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *ho = en_handle(cx, en_object_value(o));
    EnValue res = EN_EXCEPTION;
    EnKey *keys;
    uint32_t n;
    if (!en_obj_own_keys(cx, en_as_object(*ho), &keys, &n)) goto done;
    root_keys(cx, keys, n);
    EnObject *arr = en_array_new(cx, n);
    bool ok = arr != NULL;
    EnValue *ha = en_handle(cx, arr ? en_object_value(arr) : EN_UNDEFINED);
    for (uint32_t i = 0; i < n && ok; i++) {
        if (en_is_symbol(keys[i]) != symbols) continue;
        EnValue kv = en_key_to_value(cx, keys[i]);
        ok = !en_is_exception(kv) && en_array_push(cx, en_as_object(*ha), kv);
    }
    och_free(keys);
    if (ok) res = *ha;
done:
    en_handle_scope_close(&hs);
    return res;
}
static EnValue object_gopn(EnContext *cx, const EnArgs *a) { return own_keys_of_type(cx, ARG(0), false); }
static EnValue object_gops(EnContext *cx, const EnArgs *a) { return own_keys_of_type(cx, ARG(0), true); }

static EnValue object_get_prototype_of(EnContext *cx, const EnArgs *a) {
    EnObject *o = en_to_object(cx, ARG(0)), *p;
    if (!o || !en_obj_get_prototype_of(cx, o, &p)) return EN_EXCEPTION;
    return p ? en_object_value(p) : EN_NULL;
}

static EnValue object_set_prototype_of(EnContext *cx, const EnArgs *a) {
    EnValue o = ARG(0), p = ARG(1);
    if (en_is_nullish(o)) return en_throw_type_error(cx, "Object.setPrototypeOf called on null or undefined");
    if (!en_is_object(p) && !en_is_null(p)) return en_throw_type_error(cx, "Object prototype may only be an Object or null");
    if (!en_is_object(o)) return o;
    bool ok;
    if (!en_obj_set_prototype_of(cx, en_as_object(o), en_is_null(p) ? NULL : en_as_object(p), &ok)) return EN_EXCEPTION;
    if (!ok) return en_throw_type_error(cx, "Cannot set prototype");
    return o;
}

static EnValue object_group_by(EnContext *cx, const EnArgs *a) {
    if (en_is_nullish(ARG(0))) return en_throw_type_error(cx, "Object.groupBy called on null or undefined");
    if (!en_is_callable(ARG(1))) return en_throw_type_error(cx, "callback is not a function");
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    EnObject *r = en_obj_new(cx, EN_CLASS_OBJECT, NULL, 4);
    if (!r) goto done;
    EnValue *hr = en_handle(cx, en_object_value(r));
    EnIteratorRecord it;
    if (!en_get_iterator(cx, ARG(0), false, &it)) goto done;
    EnValue *hi = en_handle(cx, it.iterator);
    en_handle(cx, it.next_method);
    for (double k = 0;; k++) {
        EnValue item;
        bool fin;
        if (!en_iterator_step_value(cx, &it, &item, &fin)) goto done;
        if (fin) break;
        EnHandleScope inner;
        en_handle_scope_open(cx, &inner);
        EnValue args[2] = {item, en_number(k)};
        EnValue *hargs = en_handle(cx, args[0]);
        en_handle(cx, args[1]);
        bool ok = true;
        EnKey key;
        EnValue kv = en_call(cx, ARG(1), EN_UNDEFINED, 2, hargs);
        ok = !en_is_exception(kv) && KEY_OF(cx, kv, &key);
        if (ok) {
            en_handle(cx, key);
            EnValue g = en_get(cx, *hr, key);  // null prototype: own only
            if (en_is_undefined(g)) {
                EnObject *arr = en_array_new(cx, 0);
                ok = arr && en_create_data_property_or_throw(cx, en_as_object(*hr), key, en_object_value(arr));
                g = ok ? en_get(cx, *hr, key) : EN_EXCEPTION;
            }
            ok = ok && !en_is_exception(g) && en_array_push(cx, en_as_object(g), *hargs);
        }
        en_handle_scope_close(&inner);
        if (!ok) {
            it.iterator = *hi;
            en_iterator_close(cx, &it, true);
            goto done;
        }
    }
    res = *hr;
done:
    en_handle_scope_close(&hs);
    return res;
}

static EnValue object_has_own(EnContext *cx, const EnArgs *a) {
    EnObject *o = en_to_object(cx, ARG(0));
    if (!o) return EN_EXCEPTION;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *ho = en_handle(cx, en_object_value(o));
    EnKey k;
    bool found = false;
    bool ok = KEY_OF(cx, ARG(1), &k) && en_has_own_property(cx, en_as_object(*ho), k, &found);
    en_handle_scope_close(&hs);
    return ok ? en_bool(found) : EN_EXCEPTION;
}

static EnValue object_is(EnContext *cx, const EnArgs *a) {
    (void)cx;
    return en_bool(en_same_value(ARG(0), ARG(1)));
}

// ---------------------------------------------------------------------------
// Object.prototype.

static EnValue proto_has_own_property(EnContext *cx, const EnArgs *a) {
    EnKey k;
    if (!KEY_OF(cx, ARG(0), &k)) return EN_EXCEPTION;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    en_handle(cx, k);
    EnObject *o = en_to_object(cx, a->this_val);
    bool found = false;
    bool ok = o && en_has_own_property(cx, o, k, &found);
    en_handle_scope_close(&hs);
    return ok ? en_bool(found) : EN_EXCEPTION;
}

static EnValue proto_is_prototype_of(EnContext *cx, const EnArgs *a) {
    if (!en_is_object(ARG(0))) return EN_FALSE;
    EnObject *o = en_to_object(cx, a->this_val);
    if (!o) return EN_EXCEPTION;
    EnObject *v = en_as_object(ARG(0));
    for (;;) {
        if (!en_obj_get_prototype_of(cx, v, &v)) return EN_EXCEPTION;
        if (!v) return EN_FALSE;
        if (v == o) return EN_TRUE;
    }
}

static EnValue proto_property_is_enumerable(EnContext *cx, const EnArgs *a) {
    EnKey k;
    if (!KEY_OF(cx, ARG(0), &k)) return EN_EXCEPTION;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    en_handle(cx, k);
    EnObject *o = en_to_object(cx, a->this_val);
    EnPropDesc d;
    bool found = false;
    bool ok = o && en_obj_get_own_property(cx, o, k, &d, &found);
    en_handle_scope_close(&hs);
    if (!ok) return EN_EXCEPTION;
    return en_bool(found && (d.attrs & EN_PROP_ENUMERABLE));
}

static EnValue proto_to_locale_string(EnContext *cx, const EnArgs *a) {
    return en_invoke(cx, a->this_val, en_key_atom(en_atom(cx, EN_ATOM_toString)), 0, NULL);
}

static const char *builtin_tag(EnObject *o) {
    switch (en_obj_class(o)) {
    case EN_CLASS_ARRAY: return "Array";
    case EN_CLASS_ARGUMENTS:
    case EN_CLASS_MAPPED_ARGUMENTS: return "Arguments";
    case EN_CLASS_ERROR: return "Error";
    case EN_CLASS_BOOLEAN: return "Boolean";
    case EN_CLASS_NUMBER: return "Number";
    case EN_CLASS_STRING: return "String";
    case EN_CLASS_DATE: return "Date";
    case EN_CLASS_REGEXP: return "RegExp";
    default: return en_obj_is_callable(o) ? "Function" : "Object";
    }
}

static EnValue proto_to_string(EnContext *cx, const EnArgs *a) {
    EnValue t = a->this_val;
    if (en_is_undefined(t)) return en_string_value(en_atom_from_cstr(cx, "[object Undefined]"));
    if (en_is_null(t)) return en_string_value(en_atom_from_cstr(cx, "[object Null]"));
    EnObject *o = en_to_object(cx, t);
    if (!o) return EN_EXCEPTION;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *ho = en_handle(cx, en_object_value(o));
    bool is_arr;
    EnValue res = EN_EXCEPTION;
    if (!en_is_array(cx, *ho, &is_arr)) goto done;
    const char *tag = is_arr ? "Array" : builtin_tag(en_as_object(*ho));
    EnValue st = en_get(cx, *ho, en_symbol_value(en_well_known_symbol(cx, EN_SYM_toStringTag)));
    if (en_is_exception(st)) goto done;
    EnStrBuilder sb;
    en_sb_init(&sb, cx);
    en_sb_ascii(&sb, "[object ", 8);
    if (en_is_string(st)) en_sb_string(&sb, en_as_string(st));
    else en_sb_ascii(&sb, tag, strlen(tag));
    en_sb_unit(&sb, ']');
    EnString *s = en_sb_finish(&sb);
    if (s) res = en_string_value(s);
done:
    en_handle_scope_close(&hs);
    return res;
}

static EnValue proto_value_of(EnContext *cx, const EnArgs *a) { return obj_or_exc(en_to_object(cx, a->this_val)); }

static EnValue proto_get_proto(EnContext *cx, const EnArgs *a) {
    EnObject *o = en_to_object(cx, a->this_val), *p;
    if (!o || !en_obj_get_prototype_of(cx, o, &p)) return EN_EXCEPTION;
    return p ? en_object_value(p) : EN_NULL;
}

static EnValue proto_set_proto(EnContext *cx, const EnArgs *a) {
    if (en_is_nullish(a->this_val)) return en_throw_type_error(cx, "Object.prototype.__proto__ called on null or undefined");
    EnValue p = ARG(0);
    if ((!en_is_object(p) && !en_is_null(p)) || !en_is_object(a->this_val)) return EN_UNDEFINED;
    bool ok;
    if (!en_obj_set_prototype_of(cx, en_as_object(a->this_val), en_is_null(p) ? NULL : en_as_object(p), &ok))
        return EN_EXCEPTION;
    if (!ok) return en_throw_type_error(cx, "Cannot set prototype");
    return EN_UNDEFINED;
}

static EnValue define_accessor_legacy(EnContext *cx, const EnArgs *a, bool getter) {
    EnObject *o = en_to_object(cx, a->this_val);
    if (!o) return EN_EXCEPTION;
    if (!en_is_callable(ARG(1))) return en_throw_type_error(cx, "%s must be a function", getter ? "getter" : "setter");
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *ho = en_handle(cx, en_object_value(o));
    EnPropDesc d = {0};
    d.has = (getter ? EN_DESC_HAS_GET : EN_DESC_HAS_SET) | EN_DESC_HAS_ENUMERABLE | EN_DESC_HAS_CONFIGURABLE;
    d.attrs = EN_PROP_ENUMERABLE | EN_PROP_CONFIGURABLE | EN_PROP_ACCESSOR;
    d.value = EN_UNDEFINED;
    d.getter = getter ? ARG(1) : EN_UNDEFINED;
    d.setter = getter ? EN_UNDEFINED : ARG(1);
    EnKey k;
    bool dok = true;
    bool ok = KEY_OF(cx, ARG(0), &k) && en_obj_define_own_property(cx, en_as_object(*ho), k, &d, &dok);
    en_handle_scope_close(&hs);
    if (!ok) return EN_EXCEPTION;
    if (!dok) return en_throw_type_error(cx, "Cannot redefine property");
    return EN_UNDEFINED;
}
static EnValue proto_define_getter(EnContext *cx, const EnArgs *a) { return define_accessor_legacy(cx, a, true); }
static EnValue proto_define_setter(EnContext *cx, const EnArgs *a) { return define_accessor_legacy(cx, a, false); }

static EnValue lookup_accessor_legacy(EnContext *cx, const EnArgs *a, bool getter) {
    EnObject *o = en_to_object(cx, a->this_val);
    if (!o) return EN_EXCEPTION;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *ho = en_handle(cx, en_object_value(o));
    EnKey k;
    EnValue res = EN_EXCEPTION;
    if (!KEY_OF(cx, ARG(0), &k)) goto done;
    en_handle(cx, k);
    for (;;) {
        EnPropDesc d;
        bool found;
        if (!en_obj_get_own_property(cx, en_as_object(*ho), k, &d, &found)) goto done;
        if (found) {
            res = !(d.attrs & EN_PROP_ACCESSOR) ? EN_UNDEFINED : getter ? d.getter : d.setter;
            goto done;
        }
        EnObject *p;
        if (!en_obj_get_prototype_of(cx, en_as_object(*ho), &p)) goto done;
        if (!p) {
            res = EN_UNDEFINED;
            goto done;
        }
        *ho = en_object_value(p);
    }
done:
    en_handle_scope_close(&hs);
    return res;
}
static EnValue proto_lookup_getter(EnContext *cx, const EnArgs *a) { return lookup_accessor_legacy(cx, a, true); }
static EnValue proto_lookup_setter(EnContext *cx, const EnArgs *a) { return lookup_accessor_legacy(cx, a, false); }

// ---------------------------------------------------------------------------

typedef struct Method {
    const char *name;
    EnNativeFn fn;
    uint32_t length;
} Method;

static const Method ctor_methods[] = {
    {"assign", object_assign, 2},
    {"create", object_create, 2},
    {"defineProperties", object_define_properties, 2},
    {"defineProperty", object_define_property, 3},
    {"entries", object_entries, 1},
    {"freeze", object_freeze, 1},
    {"fromEntries", object_from_entries, 1},
    {"getOwnPropertyDescriptor", object_gopd, 2},
    {"getOwnPropertyDescriptors", object_gopds, 1},
    {"getOwnPropertyNames", object_gopn, 1},
    {"getOwnPropertySymbols", object_gops, 1},
    {"getPrototypeOf", object_get_prototype_of, 1},
    {"groupBy", object_group_by, 2},
    {"hasOwn", object_has_own, 2},
    {"is", object_is, 2},
    {"isExtensible", object_is_extensible, 1},
    {"isFrozen", object_is_frozen, 1},
    {"isSealed", object_is_sealed, 1},
    {"keys", object_keys, 1},
    {"preventExtensions", object_prevent_extensions, 1},
    {"seal", object_seal, 1},
    {"setPrototypeOf", object_set_prototype_of, 2},
    {"values", object_values, 1},
};

static const Method proto_methods[] = {
    {"hasOwnProperty", proto_has_own_property, 1},
    {"isPrototypeOf", proto_is_prototype_of, 1},
    {"propertyIsEnumerable", proto_property_is_enumerable, 1},
    {"toLocaleString", proto_to_locale_string, 0},
    {"valueOf", proto_value_of, 0},
    {"__defineGetter__", proto_define_getter, 2},
    {"__defineSetter__", proto_define_setter, 2},
    {"__lookupGetter__", proto_lookup_getter, 1},
    {"__lookupSetter__", proto_lookup_setter, 1},
};

bool en_init_object(EnContext *cx) {
    EnObject *proto = en_intrinsic(cx, EN_INTRINSIC_ObjectPrototype);
    EnObject *ctor = en_define_class(cx, "Object", object_ctor, 1, proto, EN_INTRINSIC_Object,
                                     EN_INTRINSIC_ObjectPrototype);
    if (!ctor) return false;
    for (size_t i = 0; i < sizeof ctor_methods / sizeof ctor_methods[0]; i++)
        if (!en_define_method(cx, en_intrinsic(cx, EN_INTRINSIC_Object), ctor_methods[i].name,
                              ctor_methods[i].fn, ctor_methods[i].length))
            return false;
    for (size_t i = 0; i < sizeof proto_methods / sizeof proto_methods[0]; i++)
        if (!en_define_method(cx, en_intrinsic(cx, EN_INTRINSIC_ObjectPrototype), proto_methods[i].name,
                              proto_methods[i].fn, proto_methods[i].length))
            return false;
    EnObject *ts = en_define_method(cx, en_intrinsic(cx, EN_INTRINSIC_ObjectPrototype), "toString",
                                    proto_to_string, 0);
    if (!ts) return false;
    cx->intrinsics[EN_INTRINSIC_ObjectProtoToString] = ts;
    return en_define_getter(cx, en_intrinsic(cx, EN_INTRINSIC_ObjectPrototype),
                            en_key_atom(en_atom(cx, EN_ATOM_proto)), proto_get_proto, proto_set_proto);
}
