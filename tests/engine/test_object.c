// Object model tests through the C API: shapes and transitions, dictionary
// mode, many properties, elements (packed, holey, sparse), Array length,
// attributes and ValidateAndApplyPropertyDescriptor, [[OwnPropertyKeys]]
// order, accessors, integrity levels. Every test runs twice: normally and
// with gc_stress (a collection at every allocation).
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>

#include "objmodel_int.h"

typedef struct Env {
    EnRuntime *rt;
    EnContext *cx;
    EnHandleScope hs;
} Env;

static void env_open(Env *e, bool stress) {
    EnLimits lim;
    en_limits_default(&lim);
    lim.gc_stress = stress;
    e->rt = en_runtime_new(&lim);
    e->cx = en_context_new(e->rt);
    en_handle_scope_open(e->cx, &e->hs);
}

static void env_close(Env *e) {
    en_handle_scope_close(&e->hs);
    en_context_free(e->cx);
    en_runtime_free(e->rt);
}

#define BOTH(name)                                                  \
    static void name##_body(EnContext *cx);                         \
    Test(object, name) {                                            \
        Env e;                                                      \
        env_open(&e, false);                                        \
        name##_body(e.cx);                                          \
        env_close(&e);                                              \
    }                                                               \
    Test(object_gcstress, name) {                                   \
        Env e;                                                      \
        env_open(&e, true);                                         \
        name##_body(e.cx);                                          \
        env_close(&e);                                              \
    }                                                               \
    static void name##_body(EnContext *cx)

// Rooted helpers.
static EnValue *root(EnContext *cx, EnValue v) { return en_handle(cx, v); }
static EnKey key(EnContext *cx, const char *s) {
    EnKey k = en_key_from_cstr(cx, s);
    cr_assert(!en_is_exception(k));
    root(cx, k);
    return k;
}
static EnObject *obj(EnValue *h) { return en_as_object(*h); }
static EnValue *new_plain(EnContext *cx) {
    EnObject *o = en_obj_new_plain(cx);
    cr_assert(o);
    return root(cx, en_object_value(o));
}
static void put(EnContext *cx, EnValue *h, EnKey k, EnValue v) { cr_assert(en_set(cx, *h, k, v, true)); }
static EnValue get(EnContext *cx, EnValue *h, EnKey k) {
    EnValue v = en_get(cx, *h, k);
    cr_assert(!en_is_exception(v));
    return v;
}
static bool str_is(EnContext *cx, EnValue v, const char *s) {
    return en_is_string(v) && en_str_equal_cstr(cx, en_as_string(v), s);
}
static EnValue *global_fn(EnContext *cx, const char *ctor, const char *method) {
    EnValue c = en_get(cx, cx->global_this, key(cx, ctor));
    cr_assert(en_is_object(c));
    EnValue f = en_get(cx, c, key(cx, method));
    cr_assert(en_is_callable(f), "%s.%s", ctor, method);
    return root(cx, f);
}

// ---------------------------------------------------------------------------

BOTH(transitions_are_shared_by_insertion_order) {
    EnKey a = key(cx, "a"), b = key(cx, "b"), c = key(cx, "c");
    EnValue *o1 = new_plain(cx), *o2 = new_plain(cx), *o3 = new_plain(cx);
    put(cx, o1, a, en_int32(1));
    put(cx, o1, b, en_int32(2));
    put(cx, o2, a, en_int32(3));
    put(cx, o2, b, en_int32(4));
    put(cx, o3, b, en_int32(5));
    put(cx, o3, a, en_int32(6));
    cr_assert_eq(obj(o1)->shape, obj(o2)->shape);
    cr_assert_neq(obj(o1)->shape, obj(o3)->shape);
    cr_assert_eq(get(cx, o2, b), en_int32(4));
    cr_assert_eq(get(cx, o3, a), en_int32(6));
    // Overwriting keeps the shape.
    EnShape *s = obj(o1)->shape;
    put(cx, o1, a, en_int32(10));
    cr_assert_eq(obj(o1)->shape, s);
    put(cx, o1, c, en_int32(7));
    cr_assert_eq(obj(o1)->shape->parent, s);
    cr_assert_eq(get(cx, o1, a), en_int32(10));
    cr_assert_eq(get(cx, o1, c), en_int32(7));
    cr_assert(!en_shape_is_dict(obj(o1)->shape));
}

BOTH(delete_switches_to_dictionary_and_keeps_order) {
    EnKey a = key(cx, "a"), b = key(cx, "b"), c = key(cx, "c"), d = key(cx, "d");
    EnValue *o = new_plain(cx);
    put(cx, o, a, en_int32(1));
    put(cx, o, b, en_int32(2));
    put(cx, o, c, en_int32(3));
    bool ok;
    cr_assert(en_obj_delete(cx, obj(o), b, &ok) && ok);
    cr_assert(en_shape_is_dict(obj(o)->shape));
    cr_assert_eq(get(cx, o, b), EN_UNDEFINED);
    cr_assert_eq(get(cx, o, c), en_int32(3));
    put(cx, o, d, en_int32(4));
    put(cx, o, b, en_int32(5));
    EnKey *keys;
    uint32_t n;
    cr_assert(en_obj_own_keys(cx, obj(o), &keys, &n));
    cr_assert_eq(n, 4);
    cr_assert(keys[0] == a && keys[1] == c && keys[2] == d && keys[3] == b);
    och_free(keys);
    cr_assert_eq(get(cx, o, b), en_int32(5));
    cr_assert_eq(get(cx, o, a), en_int32(1));
}

BOTH(deleting_the_newest_property_steps_back_in_the_tree) {
    EnKey a = key(cx, "a"), b = key(cx, "b");
    EnValue *o1 = new_plain(cx), *o2 = new_plain(cx);
    put(cx, o1, a, en_int32(1));
    put(cx, o2, a, en_int32(1));
    put(cx, o2, b, en_int32(2));
    bool ok;
    cr_assert(en_obj_delete(cx, obj(o2), b, &ok) && ok);
    cr_assert_eq(obj(o1)->shape, obj(o2)->shape);
    cr_assert_eq(get(cx, o2, b), EN_UNDEFINED);
}

BOTH(ten_thousand_properties) {
    EnValue *o = new_plain(cx);
    char name[32];
    for (int i = 0; i < 10000; i++) {
        EnHandleScope hs;
        en_handle_scope_open(cx, &hs);
        snprintf(name, sizeof name, "p%d", i);
        put(cx, o, key(cx, name), en_int32(i));
        en_handle_scope_close(&hs);
    }
    cr_assert(en_shape_is_dict(obj(o)->shape));
    for (int i = 0; i < 10000; i += 7) {
        EnHandleScope hs;
        en_handle_scope_open(cx, &hs);
        snprintf(name, sizeof name, "p%d", i);
        cr_assert_eq(get(cx, o, key(cx, name)), en_int32(i));
        en_handle_scope_close(&hs);
    }
    EnKey *keys;
    uint32_t n;
    cr_assert(en_obj_own_keys(cx, obj(o), &keys, &n));
    cr_assert_eq(n, 10000);
    cr_assert(str_is(cx, keys[0], "p0") && str_is(cx, keys[9999], "p9999"));
    och_free(keys);
}

BOTH(long_chains_use_shared_lookup_tables) {
    // 100 properties: shapes past the linear limit get hash tables; a second
    // object reuses the same chain.
    EnValue *o1 = new_plain(cx), *o2 = new_plain(cx);
    char name[16];
    for (int i = 0; i < 100; i++) {
        snprintf(name, sizeof name, "k%d", i);
        EnKey k = key(cx, name);
        put(cx, o1, k, en_int32(i));
        put(cx, o2, k, en_int32(-i));
    }
    cr_assert_eq(obj(o1)->shape, obj(o2)->shape);
    cr_assert(!en_shape_is_dict(obj(o1)->shape));
    for (int i = 0; i < 100; i++) {
        snprintf(name, sizeof name, "k%d", i);
        cr_assert_eq(get(cx, o2, key(cx, name)), en_int32(-i));
    }
    // An ancestor shape does not see its descendants' keys.
    EnShape *s = obj(o1)->shape;
    while (s->nprops > 50) s = s->parent;
    uint32_t slot;
    uint8_t attrs;
    cr_assert(en_shape_lookup(s, key(cx, "k49"), &slot, &attrs));
    cr_assert(!en_shape_lookup(s, key(cx, "k50"), &slot, &attrs));
}

BOTH(sparse_elements_do_not_allocate_the_gap) {
    EnObject *arr = en_array_new(cx, 0);
    cr_assert(arr);
    EnValue *a = root(cx, en_object_value(arr));
    cr_assert(en_set_index(cx, *a, 1000000000u, en_int32(1)));
    cr_assert(obj(a)->hdr.flags & EN_OBJ_ELEM_DICT);
    cr_assert_eq(((EnArray *)obj(a))->length, 1000000001u);
    cr_assert_eq(en_get_index(cx, *a, 1000000000u), en_int32(1));
    cr_assert_eq(en_get_index(cx, *a, 5), EN_UNDEFINED);
    cr_assert(en_set_index(cx, *a, 3, en_int32(3)));
    EnKey *keys;
    uint32_t n;
    cr_assert(en_obj_own_keys(cx, obj(a), &keys, &n));
    cr_assert_eq(n, 3);  // 3, 1e9, length
    uint32_t i0, i1;
    cr_assert(en_key_is_index(keys[0], &i0) && i0 == 3);
    cr_assert(en_key_is_index(keys[1], &i1) && i1 == 1000000000u);
    och_free(keys);
    // An ordinary object too.
    EnValue *o = new_plain(cx);
    cr_assert(en_set_index(cx, *o, 4000000000u, EN_TRUE));
    cr_assert_eq(en_get_index(cx, *o, 4000000000u), EN_TRUE);
}

BOTH(holes_and_dense_growth) {
    EnValue vals[3] = {en_int32(0), en_int32(1), en_int32(2)};
    EnObject *arr = en_array_from_values(cx, vals, 3);
    cr_assert(arr);
    EnValue *a = root(cx, en_object_value(arr));
    bool ok, found;
    cr_assert(en_obj_delete(cx, obj(a), en_key_index(1), &ok) && ok);
    cr_assert(obj(a)->hdr.flags & EN_OBJ_ELEM_HOLEY);
    cr_assert(en_obj_has_property(cx, obj(a), en_key_index(1), &found) && !found);
    cr_assert_eq(en_get_index(cx, *a, 1), EN_UNDEFINED);
    cr_assert_eq(((EnArray *)obj(a))->length, 3);
    // A hole reads through to the prototype.
    EnObject *ap = en_intrinsic(cx, EN_INTRINSIC_ArrayPrototype);
    if (ap) {
        cr_assert(en_set_index(cx, en_object_value(ap), 1, en_int32(42)));
        cr_assert_eq(en_get_index(cx, *a, 1), en_int32(42));
        cr_assert(en_obj_delete(cx, en_intrinsic(cx, EN_INTRINSIC_ArrayPrototype), en_key_index(1), &ok) && ok);
    }
    for (uint32_t i = 0; i < 1000; i++) cr_assert(en_array_push(cx, obj(a), en_int32((int32_t)i)));
    cr_assert_eq(((EnArray *)obj(a))->length, 1003);
    cr_assert(!(obj(a)->hdr.flags & EN_OBJ_ELEM_DICT));
    cr_assert_eq(en_get_index(cx, *a, 1002), en_int32(999));
}

BOTH(array_length_truncation_stops_at_non_configurable) {
    EnObject *arr = en_array_new(cx, 0);
    EnValue *a = root(cx, en_object_value(arr));
    for (uint32_t i = 0; i < 5; i++) cr_assert(en_array_push(cx, obj(a), en_int32((int32_t)i)));
    cr_assert(en_define_value(cx, obj(a), en_key_index(2), en_int32(20), EN_PROP_WRITABLE | EN_PROP_ENUMERABLE));
    EnKey len = key(cx, "length");
    bool ok;
    cr_assert(en_obj_set(cx, obj(a), len, en_int32(0), *a, &ok));
    cr_assert(!ok);
    cr_assert_eq(((EnArray *)obj(a))->length, 3);
    cr_assert_eq(en_get_index(cx, *a, 2), en_int32(20));
    cr_assert_eq(en_get_index(cx, *a, 1), en_int32(1));
    cr_assert_eq(en_get_index(cx, *a, 3), EN_UNDEFINED);
    // Growing and shrinking a packed array.
    cr_assert(en_set(cx, *a, len, en_int32(10), true));
    cr_assert_eq(get(cx, a, len), en_int32(10));
    // Non-writable length: index writes past it fail.
    EnPropDesc d = {EN_DESC_HAS_WRITABLE, 0, EN_UNDEFINED, EN_UNDEFINED, EN_UNDEFINED};
    cr_assert(en_obj_define_own_property(cx, obj(a), len, &d, &ok) && ok);
    cr_assert(en_obj_set(cx, obj(a), en_key_index(20), EN_TRUE, *a, &ok));
    cr_assert(!ok);
    cr_assert(!en_array_push(cx, obj(a), EN_TRUE));  // TypeError: read-only length
    cr_assert(cx->has_exception);
    en_exception_take(cx);
    // Invalid lengths are RangeErrors.
    EnObject *arr2 = en_array_new(cx, 0);
    EnValue *a2 = root(cx, en_object_value(arr2));
    cr_assert(!en_set(cx, *a2, len, en_double(-1), true));
    EnValue exc = en_exception_take(cx);
    cr_assert(en_is_object(exc));
    cr_assert_eq(en_as_object(exc)->shape->proto, en_intrinsic(cx, EN_INTRINSIC_RangeErrorPrototype));
}

BOTH(validate_and_apply_descriptor_corner_cases) {
    EnValue *o = new_plain(cx);
    EnKey x = key(cx, "x");
    bool ok;
    cr_assert(en_define_value(cx, obj(o), x, en_int32(1), 0));  // non-writable, non-configurable
    EnPropDesc same = {EN_DESC_HAS_VALUE, 0, en_int32(1), EN_UNDEFINED, EN_UNDEFINED};
    cr_assert(en_obj_define_own_property(cx, obj(o), x, &same, &ok) && ok);
    EnPropDesc other = {EN_DESC_HAS_VALUE, 0, en_int32(2), EN_UNDEFINED, EN_UNDEFINED};
    cr_assert(en_obj_define_own_property(cx, obj(o), x, &other, &ok) && !ok);
    EnPropDesc wr = {EN_DESC_HAS_WRITABLE, EN_PROP_WRITABLE, EN_UNDEFINED, EN_UNDEFINED, EN_UNDEFINED};
    cr_assert(en_obj_define_own_property(cx, obj(o), x, &wr, &ok) && !ok);
    EnPropDesc en = {EN_DESC_HAS_ENUMERABLE, EN_PROP_ENUMERABLE, EN_UNDEFINED, EN_UNDEFINED, EN_UNDEFINED};
    cr_assert(en_obj_define_own_property(cx, obj(o), x, &en, &ok) && !ok);
    EnPropDesc acc = {EN_DESC_HAS_GET, EN_PROP_ACCESSOR, EN_UNDEFINED, EN_UNDEFINED, EN_UNDEFINED};
    cr_assert(en_obj_define_own_property(cx, obj(o), x, &acc, &ok) && !ok);
    // -0 vs +0 is a change (SameValue).
    EnKey z = key(cx, "z");
    cr_assert(en_define_value(cx, obj(o), z, en_double(0.0), 0));
    EnPropDesc negz = {EN_DESC_HAS_VALUE, 0, en_double(-0.0), EN_UNDEFINED, EN_UNDEFINED};
    cr_assert(en_obj_define_own_property(cx, obj(o), z, &negz, &ok) && !ok);
    // Writable but non-configurable: value changes and writable -> false are fine.
    EnKey w = key(cx, "w");
    cr_assert(en_define_value(cx, obj(o), w, en_int32(1), EN_PROP_WRITABLE));
    cr_assert(en_obj_define_own_property(cx, obj(o), w, &other, &ok) && ok);
    EnPropDesc ro = {EN_DESC_HAS_WRITABLE, 0, EN_UNDEFINED, EN_UNDEFINED, EN_UNDEFINED};
    cr_assert(en_obj_define_own_property(cx, obj(o), w, &ro, &ok) && ok);
    cr_assert(en_obj_define_own_property(cx, obj(o), w, &wr, &ok) && !ok);
    cr_assert_eq(get(cx, o, w), en_int32(2));
    // Configurable data -> accessor keeps enumerable/configurable.
    EnKey c = key(cx, "c");
    put(cx, o, c, en_int32(5));
    cr_assert(en_obj_define_own_property(cx, obj(o), c, &acc, &ok) && ok);
    EnPropDesc cur;
    bool found;
    cr_assert(en_obj_get_own_property(cx, obj(o), c, &cur, &found) && found);
    cr_assert(cur.attrs & EN_PROP_ACCESSOR);
    cr_assert(cur.attrs & EN_PROP_ENUMERABLE);
    cr_assert(cur.attrs & EN_PROP_CONFIGURABLE);
    cr_assert_eq(cur.getter, EN_UNDEFINED);
    cr_assert_eq(get(cx, o, c), EN_UNDEFINED);
    // A generic descriptor on a missing property creates a data property
    // with every attribute false.
    EnKey g = key(cx, "g");
    EnPropDesc generic = {0, 0, EN_UNDEFINED, EN_UNDEFINED, EN_UNDEFINED};
    cr_assert(en_obj_define_own_property(cx, obj(o), g, &generic, &ok) && ok);
    cr_assert(en_obj_get_own_property(cx, obj(o), g, &cur, &found) && found);
    cr_assert_eq(cur.attrs, 0);
    cr_assert_eq(cur.value, EN_UNDEFINED);
    // Non-extensible: no new properties, existing ones still writable.
    cr_assert(en_obj_prevent_extensions(cx, obj(o), &ok) && ok);
    cr_assert(en_obj_define_own_property(cx, obj(o), key(cx, "new"), &same, &ok) && !ok);
    cr_assert(!en_set(cx, *o, key(cx, "new2"), EN_TRUE, true));
    en_exception_take(cx);
    cr_assert(en_obj_set(cx, obj(o), en_key_index(0), EN_TRUE, *o, &ok) && !ok);
}

BOTH(own_keys_order) {
    EnValue *o = new_plain(cx);
    EnSymbol *sym = en_sym_new(cx, EN_UNDEFINED);
    EnValue *hs = root(cx, en_symbol_value(sym));
    put(cx, o, key(cx, "b"), EN_TRUE);
    put(cx, o, *hs, EN_TRUE);
    put(cx, o, key(cx, "10"), EN_TRUE);
    put(cx, o, key(cx, "a"), EN_TRUE);
    put(cx, o, key(cx, "2"), EN_TRUE);
    put(cx, o, key(cx, "4294967295"), EN_TRUE);  // not an array index: a string key
    put(cx, o, key(cx, "-1"), EN_TRUE);
    EnKey *keys;
    uint32_t n;
    cr_assert(en_obj_own_keys(cx, obj(o), &keys, &n));
    cr_assert_eq(n, 7);
    uint32_t i;
    cr_assert(en_key_is_index(keys[0], &i) && i == 2);
    cr_assert(en_key_is_index(keys[1], &i) && i == 10);
    cr_assert(str_is(cx, keys[2], "b"));
    cr_assert(str_is(cx, keys[3], "a"));
    cr_assert(str_is(cx, keys[4], "4294967295"));
    cr_assert(str_is(cx, keys[5], "-1"));
    cr_assert_eq(keys[6], *hs);
    och_free(keys);
}

BOTH(keys_are_canonical) {
    EnKey k;
    EnValue *s = root(cx, en_string_value(en_str_from_cstr(cx, "123")));
    cr_assert(en_key_from_value(cx, *s, &k));
    cr_assert_eq(k, en_key_index(123));
    cr_assert(en_key_from_value(cx, en_double(4294967294.0), &k));
    uint32_t i;
    cr_assert(en_key_is_index(k, &i) && i == 4294967294u);
    cr_assert(en_key_from_value(cx, en_double(4294967295.0), &k));
    cr_assert(en_is_string(k) && str_is(cx, k, "4294967295"));
    cr_assert(en_key_from_value(cx, en_double(-0.0), &k));
    cr_assert_eq(k, en_key_index(0));
    cr_assert(en_key_from_value(cx, en_double(1.5), &k));
    cr_assert(str_is(cx, k, "1.5"));
    *s = en_string_value(en_str_from_cstr(cx, "0123"));
    cr_assert(en_key_from_value(cx, *s, &k));
    cr_assert(en_is_string(k) && (en_as_string(k)->hdr.flags & EN_STR_ATOM));
    EnValue kv = en_key_to_value(cx, en_key_index(7));
    cr_assert(str_is(cx, kv, "7"));
}

static EnValue getter_fn(EnContext *cx, const EnArgs *a) {
    (void)cx;
    // Returns the receiver's "v" plus one.
    EnValue v = en_get(cx, a->this_val, en_key_from_cstr(cx, "v"));
    return en_int32(en_as_int32(v) + 1);
}
static EnValue setter_fn(EnContext *cx, const EnArgs *a) {
    EnValue *hv = en_handle(cx, en_arg(a, 0));
    bool ok = en_set(cx, a->this_val, en_key_from_cstr(cx, "v"), *hv, true);
    return ok ? EN_UNDEFINED : EN_EXCEPTION;
}

BOTH(accessors_on_the_prototype_get_the_receiver) {
    EnValue *proto = new_plain(cx);
    EnKey p = key(cx, "p"), v = key(cx, "v");
    cr_assert(en_define_getter(cx, obj(proto), p, getter_fn, setter_fn));
    EnObject *child = en_obj_new(cx, EN_CLASS_OBJECT, obj(proto), 4);
    EnValue *c = root(cx, en_object_value(child));
    put(cx, c, v, en_int32(10));
    cr_assert_eq(get(cx, c, p), en_int32(11));
    put(cx, c, p, en_int32(41));  // the setter writes v on the receiver
    cr_assert_eq(get(cx, c, v), en_int32(41));
    cr_assert_eq(get(cx, c, p), en_int32(42));
    bool found;
    cr_assert(en_has_own_property(cx, obj(c), p, &found) && !found);
    // A non-writable data property on the prototype blocks the write.
    EnKey ro = key(cx, "ro");
    cr_assert(en_define_value(cx, obj(proto), ro, en_int32(1), 0));
    bool ok;
    cr_assert(en_obj_set(cx, obj(c), ro, en_int32(2), *c, &ok) && !ok);
    cr_assert(en_has_own_property(cx, obj(c), ro, &found) && !found);
    // A writable one is shadowed on the receiver.
    EnKey rw = key(cx, "rw");
    put(cx, proto, rw, en_int32(1));
    put(cx, c, rw, en_int32(2));
    cr_assert_eq(get(cx, proto, rw), en_int32(1));
    cr_assert_eq(get(cx, c, rw), en_int32(2));
}

BOTH(freeze_and_seal) {
    EnValue *o = new_plain(cx);
    EnKey a = key(cx, "a");
    put(cx, o, a, en_int32(1));
    cr_assert(en_set_index(cx, *o, 0, en_int32(0)));
    bool ok, r;
    cr_assert(en_obj_test_integrity(cx, obj(o), false, &r) && !r);
    cr_assert(en_obj_set_integrity(cx, obj(o), false, &ok) && ok);
    cr_assert(en_obj_test_integrity(cx, obj(o), false, &r) && r);
    cr_assert(en_obj_test_integrity(cx, obj(o), true, &r) && !r);
    put(cx, o, a, en_int32(2));  // sealed: still writable
    cr_assert(en_obj_delete(cx, obj(o), a, &ok) && !ok);
    cr_assert(en_obj_set_integrity(cx, obj(o), true, &ok) && ok);
    cr_assert(en_obj_test_integrity(cx, obj(o), true, &r) && r);
    cr_assert(en_obj_set(cx, obj(o), a, en_int32(3), *o, &ok) && !ok);
    cr_assert(en_obj_set(cx, obj(o), en_key_index(0), en_int32(3), *o, &ok) && !ok);
    cr_assert_eq(get(cx, o, a), en_int32(2));
    cr_assert_eq(en_get_index(cx, *o, 0), en_int32(0));
    // Frozen arrays keep their length.
    EnValue vals[2] = {EN_TRUE, EN_FALSE};
    EnValue *arr = root(cx, en_object_value(en_array_from_values(cx, vals, 2)));
    cr_assert(en_obj_set_integrity(cx, obj(arr), true, &ok) && ok);
    cr_assert(en_obj_test_integrity(cx, obj(arr), true, &r) && r);
    cr_assert(!en_array_push(cx, obj(arr), EN_TRUE));
    en_exception_take(cx);
}

BOTH(set_prototype_of_rejects_cycles) {
    EnValue *a = new_plain(cx), *b = new_plain(cx);
    bool ok;
    cr_assert(en_obj_set_prototype_of(cx, obj(b), obj(a), &ok) && ok);
    cr_assert(en_obj_set_prototype_of(cx, obj(a), obj(b), &ok) && !ok);
    put(cx, a, key(cx, "x"), en_int32(1));
    cr_assert_eq(get(cx, b, key(cx, "x")), en_int32(1));
    // Object.prototype is immutable.
    cr_assert(en_obj_set_prototype_of(cx, en_intrinsic(cx, EN_INTRINSIC_ObjectPrototype), obj(a), &ok) && !ok);
    // With properties, the object keeps them across the change.
    put(cx, b, key(cx, "y"), en_int32(2));
    cr_assert(en_obj_set_prototype_of(cx, obj(b), NULL, &ok) && ok);
    cr_assert_eq(get(cx, b, key(cx, "y")), en_int32(2));
    cr_assert_eq(get(cx, b, key(cx, "x")), EN_UNDEFINED);
}

BOTH(string_objects_expose_indices) {
    EnValue *s = root(cx, en_string_value(en_str_from_cstr(cx, "abc")));
    EnObject *o = en_to_object(cx, *s);
    cr_assert(o);
    EnValue *ho = root(cx, en_object_value(o));
    cr_assert(str_is(cx, en_get_index(cx, *ho, 1), "b"));
    cr_assert_eq(get(cx, ho, key(cx, "length")), en_int32(3));
    bool ok;
    cr_assert(en_obj_set(cx, obj(ho), en_key_index(0), EN_TRUE, *ho, &ok) && !ok);
    cr_assert(en_set_index(cx, *ho, 5, EN_TRUE));
    EnKey *keys;
    uint32_t n;
    cr_assert(en_obj_own_keys(cx, obj(ho), &keys, &n));
    cr_assert_eq(n, 5);  // 0 1 2 5 length
    uint32_t i;
    cr_assert(en_key_is_index(keys[3], &i) && i == 5);
    cr_assert(str_is(cx, keys[4], "length"));
    och_free(keys);
    // Primitive string reads.
    cr_assert(str_is(cx, en_get_index(cx, *s, 2), "c"));
    cr_assert_eq(en_get(cx, *s, key(cx, "length")), en_int32(3));
}

BOTH(unmapped_arguments) {
    EnValue args[2] = {en_int32(1), EN_TRUE};
    EnObject *o = en_arguments_new_unmapped(cx, 2, args);
    cr_assert(o);
    EnValue *h = root(cx, en_object_value(o));
    cr_assert_eq(get(cx, h, key(cx, "length")), en_int32(2));
    cr_assert_eq(en_get_index(cx, *h, 1), EN_TRUE);
    EnPropDesc d;
    bool found;
    cr_assert(en_obj_get_own_property(cx, obj(h), key(cx, "callee"), &d, &found) && found);
    cr_assert(d.attrs & EN_PROP_ACCESSOR);
    cr_assert(!(d.attrs & EN_PROP_CONFIGURABLE));
}

BOTH(errors_carry_name_message_and_stack) {
    cr_assert(en_is_exception(en_throw_type_error(cx, "bad %d", 42)));
    cr_assert(cx->has_exception);
    EnValue *e = root(cx, en_exception_take(cx));
    cr_assert(!cx->has_exception);
    cr_assert(en_is_object(*e));
    cr_assert(str_is(cx, get(cx, e, key(cx, "message")), "bad 42"));
    cr_assert(str_is(cx, get(cx, e, key(cx, "name")), "TypeError"));
    cr_assert(str_is(cx, get(cx, e, key(cx, "stack")), "TypeError: bad 42"));
    OchBuf out = {0};
    en_exception_report(cx, *e, &out);
    cr_assert_str_eq(out.data, "Uncaught TypeError: bad 42");
    och_buf_free(&out);
    bool inst;
    EnValue te = en_object_value(en_intrinsic(cx, EN_INTRINSIC_TypeError));
    EnValue err = en_object_value(en_intrinsic(cx, EN_INTRINSIC_Error));
    cr_assert(en_instance_of(cx, *e, te, &inst) && inst);
    cr_assert(en_instance_of(cx, *e, err, &inst) && inst);
    EnValue re = en_object_value(en_intrinsic(cx, EN_INTRINSIC_RangeError));
    cr_assert(en_instance_of(cx, *e, re, &inst) && !inst);
}

BOTH(builtins_object_keys_entries_and_to_string) {
    EnValue *o = new_plain(cx);
    put(cx, o, key(cx, "x"), en_int32(1));
    put(cx, o, key(cx, "y"), en_int32(2));
    EnValue *keys_fn = global_fn(cx, "Object", "keys");
    EnValue r = en_call(cx, *keys_fn, EN_UNDEFINED, 1, o);
    cr_assert(en_is_object(r));
    EnValue *hr = root(cx, r);
    cr_assert_eq(((EnArray *)obj(hr))->length, 2);
    cr_assert(str_is(cx, en_get_index(cx, *hr, 1), "y"));
    EnValue *entries = global_fn(cx, "Object", "entries");
    r = en_call(cx, *entries, EN_UNDEFINED, 1, o);
    cr_assert(en_is_object(r));
    EnValue pair = en_get_index(cx, r, 0);
    cr_assert(str_is(cx, en_get_index(cx, pair, 0), "x"));
    cr_assert_eq(en_get_index(cx, pair, 1), en_int32(1));
    // ToPrimitive of a plain object goes through Object.prototype.toString.
    EnValue s = en_to_primitive(cx, *o, EN_HINT_DEFAULT);
    cr_assert(str_is(cx, s, "[object Object]"));
    // @@toStringTag.
    put(cx, o, en_symbol_value(en_well_known_symbol(cx, EN_SYM_toStringTag)),
        en_string_value(en_str_from_cstr(cx, "Thing")));
    cr_assert(str_is(cx, en_to_string_value(cx, *o), "[object Thing]"));
    EnValue *is_frozen = global_fn(cx, "Object", "isFrozen");
    cr_assert_eq(en_call(cx, *is_frozen, EN_UNDEFINED, 1, o), EN_FALSE);
    EnValue *freeze = global_fn(cx, "Object", "freeze");
    cr_assert_eq(en_call(cx, *freeze, EN_UNDEFINED, 1, o), *o);
    cr_assert_eq(en_call(cx, *is_frozen, EN_UNDEFINED, 1, o), EN_TRUE);
}
