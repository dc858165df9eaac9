// Conveniences over the internal methods (Get/Set on any value,
// CreateDataProperty, DefinePropertyOrThrow...), integrity levels and
// property-descriptor conversions.
#include <stdio.h>

#include "objmodel_int.h"

// Key text for error messages (truncated).
static void key_text(EnContext *cx, EnKey k, char *buf, size_t size) {
    uint32_t idx;
    if (en_key_is_index(k, &idx)) {
        snprintf(buf, size, "%u", idx);
        return;
    }
    EnValue s = k;
    if (en_is_symbol(k)) {
        s = en_as_symbol(k)->description;
        if (!en_is_string(s)) {
            snprintf(buf, size, "Symbol()");
            return;
        }
    }
    OchBuf b = {0};
    en_str_to_utf8(cx, en_as_string(s), &b);
    snprintf(buf, size, en_is_symbol(k) ? "Symbol(%s)" : "%s", b.data ? b.data : "");
    och_buf_free(&b);
}

static EnObject *proto_for_primitive(EnContext *cx, EnValue v) {
    if (en_is_string(v)) return en_intrinsic(cx, EN_INTRINSIC_StringPrototype);
    if (en_is_number(v)) return en_intrinsic(cx, EN_INTRINSIC_NumberPrototype);
    if (en_is_bool(v)) return en_intrinsic(cx, EN_INTRINSIC_BooleanPrototype);
    if (en_is_symbol(v)) return en_intrinsic(cx, EN_INTRINSIC_SymbolPrototype);
    if (en_is_bigint(v)) return en_intrinsic(cx, EN_INTRINSIC_BigIntPrototype);
    return NULL;
}

EnValue en_get(EnContext *cx, EnValue obj, EnKey k) {
    EnObject *o;
    if (en_is_object(obj)) {
        o = en_as_object(obj);
        if (!en_class_of(en_obj_class(o))->ops) {
            uint8_t attrs;
            uint32_t idx;
            EnValue *p = en_key_is_index(k, &idx) ? en_elem_find(o, idx, &attrs)
                                                   : en_obj_find_named(o, k, &attrs);
            if (p && !(attrs & EN_PROP_ACCESSOR)) return *p;
        } else if (en_obj_class(o) == EN_CLASS_ARRAY) {
            uint32_t idx;
            if (k == en_key_atom(en_atom(cx, EN_ATOM_length)))
                return en_number((double)((EnArray *)o)->length);
            if (en_key_is_index(k, &idx) && !(o->hdr.flags & EN_OBJ_ELEM_DICT) && o->el.elements &&
                idx < o->el.elements->length && o->el.elements->v[idx] != EN_HOLE)
                return o->el.elements->v[idx];
        }
    } else {
        if (en_is_string(obj)) {
            EnString *s = en_as_string(obj);
            uint32_t idx;
            if (k == en_key_atom(en_atom(cx, EN_ATOM_length))) return en_int32((int32_t)en_str_length(s));
            if (en_key_is_index(k, &idx) && idx < en_str_length(s)) {
                s = en_str_flatten(cx, s);
                if (!s) return EN_EXCEPTION;
                EnString *u = en_str_from_unit(cx, en_str_at(s, idx));
                return u ? en_string_value(u) : EN_EXCEPTION;
            }
        }
        o = proto_for_primitive(cx, obj);
        if (!o) {
            char kb[64];
            key_text(cx, k, kb, sizeof kb);
            return en_throw_type_error(cx, "Cannot read properties of %s (reading '%s')",
                                       en_is_null(obj) ? "null" : "undefined", kb);
        }
    }
    EnValue out;
    if (!en_obj_get(cx, o, k, obj, &out)) return EN_EXCEPTION;
    return out;
}

EnValue en_get_atom(EnContext *cx, EnValue obj, EnAtomId id) {
    return en_get(cx, obj, en_key_atom(en_atom(cx, id)));
}

EnValue en_get_index(EnContext *cx, EnValue obj, uint32_t i) { return en_get(cx, obj, en_key_index(i)); }

bool en_set(EnContext *cx, EnValue obj, EnKey k, EnValue v, bool throw_on_fail) {
    EnObject *o;
    bool ok;
    if (en_is_object(obj)) {
        o = en_as_object(obj);
        if (!en_class_of(en_obj_class(o))->ops) {
            uint8_t attrs;
            uint32_t idx;
            EnValue *p = en_key_is_index(k, &idx) ? en_elem_find(o, idx, &attrs)
                                                   : en_obj_find_named(o, k, &attrs);
            if (p && (attrs & (EN_PROP_WRITABLE | EN_PROP_ACCESSOR)) == EN_PROP_WRITABLE) {
                en_store(cx, o, p, v);
                return true;
            }
        } else if (en_obj_class(o) == EN_CLASS_ARRAY) {
            // Existing packed/holey element: plain store (length unchanged).
            uint32_t idx;
            if (en_key_is_index(k, &idx) && !(o->hdr.flags & EN_OBJ_ELEM_DICT) && o->el.elements &&
                idx < o->el.elements->length && o->el.elements->v[idx] != EN_HOLE) {
                en_store(cx, o->el.elements, &o->el.elements->v[idx], v);
                return true;
            }
        }
    } else {
        o = proto_for_primitive(cx, obj);
        if (!o) {
            char kb[64];
            key_text(cx, k, kb, sizeof kb);
            en_throw_type_error(cx, "Cannot set properties of %s (setting '%s')",
                                en_is_null(obj) ? "null" : "undefined", kb);
            return false;
        }
        if (en_is_string(obj)) {
            uint32_t idx;
            if (k == en_key_atom(en_atom(cx, EN_ATOM_length)) ||
                (en_key_is_index(k, &idx) && idx < en_str_length(en_as_string(obj)))) {
                ok = false;
                goto failed;
            }
        }
    }
    if (!en_obj_set(cx, o, k, v, obj, &ok)) return false;
failed:
    if (!ok && throw_on_fail) {
        char kb[64];
        key_text(cx, k, kb, sizeof kb);
        en_throw_type_error(cx, "Cannot assign to read only property '%s' of %s", kb,
                            en_is_object(obj) ? "object" : "primitive value");
        return false;
    }
    return true;
}

bool en_set_index(EnContext *cx, EnValue obj, uint32_t i, EnValue v) {
    return en_set(cx, obj, en_key_index(i), v, true);
}

bool en_create_data_property(EnContext *cx, EnObject *o, EnKey k, EnValue v, bool *ok) {
    EnPropDesc d = {EN_DESC_HAS_VALUE | EN_DESC_HAS_WRITABLE | EN_DESC_HAS_ENUMERABLE |
                        EN_DESC_HAS_CONFIGURABLE,
                    EN_PROP_DEFAULT, v, EN_UNDEFINED, EN_UNDEFINED};
    return en_obj_define_own_property(cx, o, k, &d, ok);
}

static bool define_failed(EnContext *cx, EnKey k) {
    char kb[64];
    key_text(cx, k, kb, sizeof kb);
    en_throw_type_error(cx, "Cannot define property %s, object is not extensible or the property is not configurable", kb);
    return false;
}

bool en_create_data_property_or_throw(EnContext *cx, EnObject *o, EnKey k, EnValue v) {
    bool ok;
    if (!en_create_data_property(cx, o, k, v, &ok)) return false;
    return ok || define_failed(cx, k);
}

bool en_define_value(EnContext *cx, EnObject *o, EnKey k, EnValue v, uint8_t attrs) {
    EnPropDesc d = {EN_DESC_HAS_VALUE | EN_DESC_HAS_WRITABLE | EN_DESC_HAS_ENUMERABLE |
                        EN_DESC_HAS_CONFIGURABLE,
                    (uint8_t)(attrs & EN_PROP_DEFAULT), v, EN_UNDEFINED, EN_UNDEFINED};
    bool ok;
    if (!en_obj_define_own_property(cx, o, k, &d, &ok)) return false;
    return ok || define_failed(cx, k);
}

bool en_define_accessor(EnContext *cx, EnObject *o, EnKey k, EnValue getter, EnValue setter,
                        uint8_t attrs) {
    EnPropDesc d = {EN_DESC_HAS_GET | EN_DESC_HAS_SET | EN_DESC_HAS_ENUMERABLE | EN_DESC_HAS_CONFIGURABLE,
                    (uint8_t)((attrs & (EN_PROP_ENUMERABLE | EN_PROP_CONFIGURABLE)) | EN_PROP_ACCESSOR),
                    EN_UNDEFINED, getter, setter};
    bool ok;
    if (!en_obj_define_own_property(cx, o, k, &d, &ok)) return false;
    return ok || define_failed(cx, k);
}

bool en_has_own_property(EnContext *cx, EnObject *o, EnKey k, bool *found) {
    EnPropDesc d;
    return en_obj_get_own_property(cx, o, k, &d, found);
}

// ---------------------------------------------------------------------------
// Integrity levels (SetIntegrityLevel / TestIntegrityLevel).

bool en_obj_set_integrity(EnContext *cx, EnObject *o, bool frozen, bool *ok) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *ho = en_handle(cx, en_object_value(o));
    bool res = en_obj_prevent_extensions(cx, o, ok);
    if (!res || !*ok) goto done;
    o = en_as_object(*ho);
    if (!en_class_of(en_obj_class(o))->ops) {
        // Ordinary: rewrite attributes in place (dictionary mode already).
        if (!(res = en_obj_make_dictionary(cx, o))) goto done;
        o = en_as_object(*ho);
        EnPropTable *t = o->shape->table;
        for (uint32_t i = 0; i < t->used; i++) {
            EnPropEntry *e = &t->entries[i];
            if (!en_ptab_live(e)) continue;
            e->attrs &= (uint8_t)~EN_PROP_CONFIGURABLE;
            if (frozen && !(e->attrs & EN_PROP_ACCESSOR)) e->attrs &= (uint8_t)~EN_PROP_WRITABLE;
        }
        res = en_elem_set_integrity(cx, o, frozen);
        goto done;
    }
    EnKey *keys;
    uint32_t n;
    if (!(res = en_obj_own_keys(cx, o, &keys, &n))) goto done;
    for (uint32_t i = 0; i < n && res; i++) en_handle(cx, keys[i]);
    for (uint32_t i = 0; i < n && res; i++) {
        EnPropDesc d = {0};
        d.has = EN_DESC_HAS_CONFIGURABLE;
        if (frozen) {
            EnPropDesc cur;
            bool found;
            if (!(res = en_obj_get_own_property(cx, en_as_object(*ho), keys[i], &cur, &found))) break;
            if (!found) continue;
            if (!(cur.attrs & EN_PROP_ACCESSOR)) d.has |= EN_DESC_HAS_WRITABLE;
        }
        bool dok;
        if (!(res = en_obj_define_own_property(cx, en_as_object(*ho), keys[i], &d, &dok))) break;
        if (!dok) res = define_failed(cx, keys[i]);
    }
    och_free(keys);
done:
    en_handle_scope_close(&hs);
    return res;
}

bool en_obj_test_integrity(EnContext *cx, EnObject *o, bool frozen, bool *out) {
    bool ext;
    if (!en_obj_is_extensible(cx, o, &ext)) return false;
    if (ext) return *out = false, true;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *ho = en_handle(cx, en_object_value(o));
    EnKey *keys;
    uint32_t n;
    bool res = en_obj_own_keys(cx, o, &keys, &n);
    *out = true;
    if (res) {
        for (uint32_t i = 0; i < n; i++) en_handle(cx, keys[i]);
        for (uint32_t i = 0; i < n; i++) {
            EnPropDesc cur;
            bool found;
            if (!(res = en_obj_get_own_property(cx, en_as_object(*ho), keys[i], &cur, &found))) break;
            if (!found) continue;
            if ((cur.attrs & EN_PROP_CONFIGURABLE) ||
                (frozen && !(cur.attrs & EN_PROP_ACCESSOR) && (cur.attrs & EN_PROP_WRITABLE))) {
                *out = false;
                break;
            }
        }
        och_free(keys);
    }
    en_handle_scope_close(&hs);
    return res;
}

// ---------------------------------------------------------------------------
// Descriptors.

bool en_desc_from_object(EnContext *cx, EnValue v, EnPropDesc *out) {
    if (!en_is_object(v)) return en_throw_type_error(cx, "Property description must be an object"), false;
    memset(out, 0, sizeof *out);
    out->value = out->getter = out->setter = EN_UNDEFINED;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *ho = en_handle(cx, v);
    static const struct {
        EnAtomId atom;
        uint8_t has, attr;
    } fields[] = {
        {EN_ATOM_enumerable, EN_DESC_HAS_ENUMERABLE, EN_PROP_ENUMERABLE},
        {EN_ATOM_configurable, EN_DESC_HAS_CONFIGURABLE, EN_PROP_CONFIGURABLE},
        {EN_ATOM_value, EN_DESC_HAS_VALUE, 0},
        {EN_ATOM_writable, EN_DESC_HAS_WRITABLE, EN_PROP_WRITABLE},
        {EN_ATOM_get, EN_DESC_HAS_GET, 0},
        {EN_ATOM_set, EN_DESC_HAS_SET, 0},
    };
    bool ok = true;
    for (size_t i = 0; i < sizeof fields / sizeof fields[0] && ok; i++) {
        EnKey k = en_key_atom(en_atom(cx, fields[i].atom));
        bool has;
        if (!(ok = en_obj_has_property(cx, en_as_object(*ho), k, &has))) break;
        if (!has) continue;
        EnValue f = en_get(cx, *ho, k);
        if (!(ok = !en_is_exception(f))) break;
        out->has |= fields[i].has;
        if (fields[i].attr) {
            if (en_to_boolean(f)) out->attrs |= fields[i].attr;
        } else if (fields[i].has == EN_DESC_HAS_VALUE) {
            out->value = *en_handle(cx, f);
        } else {
            if (!en_is_undefined(f) && !en_is_callable(f)) {
                en_throw_type_error(cx, "%s must be a function", fields[i].atom == EN_ATOM_get ? "Getter" : "Setter");
                ok = false;
                break;
            }
            en_handle(cx, f);
            if (fields[i].has == EN_DESC_HAS_GET) out->getter = f;
            else out->setter = f;
        }
    }
    if (ok && (out->has & (EN_DESC_HAS_GET | EN_DESC_HAS_SET)) &&
        (out->has & (EN_DESC_HAS_VALUE | EN_DESC_HAS_WRITABLE))) {
        en_throw_type_error(cx, "Invalid property descriptor. Cannot both specify accessors and a value or writable attribute");
        ok = false;
    }
    if (out->has & (EN_DESC_HAS_GET | EN_DESC_HAS_SET)) out->attrs |= EN_PROP_ACCESSOR;
    // The values stay reachable through the handles until the caller's
    // scope... this scope closes here, so escape them by re-rooting in the
    // caller's scope.
    en_handle_scope_close(&hs);
    if (ok) {
        en_handle(cx, out->value);
        en_handle(cx, out->getter);
        en_handle(cx, out->setter);
    }
    return ok;
}

EnValue en_desc_to_object(EnContext *cx, const EnPropDesc *d) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hv = en_handle(cx, d->value), *hg = en_handle(cx, d->getter), *hst = en_handle(cx, d->setter);
    EnObject *o = en_obj_new_plain(cx);
    EnValue res = EN_EXCEPTION;
    if (!o) goto done;
    EnValue *ho = en_handle(cx, en_object_value(o));
#define ADD_(atom, val)                                                                          \
    if (!en_obj_add_property(cx, en_as_object(*ho), en_key_atom(en_atom(cx, atom)), val, EN_PROP_DEFAULT)) \
        goto done;
    if (d->has & EN_DESC_HAS_VALUE) ADD_(EN_ATOM_value, *hv);
    if (d->has & EN_DESC_HAS_WRITABLE) ADD_(EN_ATOM_writable, en_bool(d->attrs & EN_PROP_WRITABLE));
    if (d->has & EN_DESC_HAS_GET) ADD_(EN_ATOM_get, *hg);
    if (d->has & EN_DESC_HAS_SET) ADD_(EN_ATOM_set, *hst);
    if (d->has & EN_DESC_HAS_ENUMERABLE) ADD_(EN_ATOM_enumerable, en_bool(d->attrs & EN_PROP_ENUMERABLE));
    if (d->has & EN_DESC_HAS_CONFIGURABLE)
        ADD_(EN_ATOM_configurable, en_bool(d->attrs & EN_PROP_CONFIGURABLE));
#undef ADD_
    res = *ho;
done:
    en_handle_scope_close(&hs);
    return res;
}
