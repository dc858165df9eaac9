// Interpreter slow paths: generic operators, property access with inline
// caches, globals, literals, iteration. The dispatch loop (interp.c)
// handles the int32 and cached fast paths itself and calls these otherwise.
#include <math.h>

#include "interp_int.h"

// ---------------------------------------------------------------------------
// Operators (numeric operators on non-int32 operands: numeric_ops.c).

EnValue en_op_add(EnContext *cx, EnValue a, EnValue b) {
    if (en_is_number(a) && en_is_number(b)) return en_number(en_as_number(a) + en_as_number(b));
    if (en_is_string(a) && en_is_string(b)) {
        EnString *s = en_str_concat(cx, en_as_string(a), en_as_string(b));
        return s ? en_string_value(s) : EN_EXCEPTION;
    }
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    EnValue *pa = en_handle(cx, a), *pb = en_handle(cx, b);
    EnValue la = en_to_primitive(cx, *pa, EN_HINT_DEFAULT);
    if (la == EN_EXCEPTION) goto done;
    *pa = la;
    EnValue lb = en_to_primitive(cx, *pb, EN_HINT_DEFAULT);
    if (lb == EN_EXCEPTION) goto done;
    *pb = lb;
    if (en_is_string(*pa) || en_is_string(*pb)) {
        EnString *sa = en_to_string(cx, *pa);
        if (!sa) goto done;
        *pa = en_string_value(sa);
        EnString *sb = en_to_string(cx, *pb);
        if (!sb) goto done;
        EnString *s = en_str_concat(cx, en_as_string(*pa), sb);
        res = s ? en_string_value(s) : EN_EXCEPTION;
        goto done;
    }
    res = en_op_arith(cx, EN_OP_Add, *pa, *pb);
done:
    en_handle_scope_close(&hs);
    return res;
}

EnValue en_op_compare(EnContext *cx, EnOpcode op, EnValue a, EnValue b) {
    bool out;
    int r;
    switch (op) {
    case EN_OP_Eq:
    case EN_OP_Ne:
        if (!en_loose_equals(cx, a, b, &out)) return EN_EXCEPTION;
        return en_bool(op == EN_OP_Eq ? out : !out);
    case EN_OP_SEq: return en_bool(en_strict_equals(a, b));
    case EN_OP_SNe: return en_bool(!en_strict_equals(a, b));
    case EN_OP_Lt:
        r = en_less_than(cx, a, b, true);
        return r == -2 ? EN_EXCEPTION : en_bool(r == 1);
    case EN_OP_Gt:
        r = en_less_than(cx, b, a, false);
        return r == -2 ? EN_EXCEPTION : en_bool(r == 1);
    case EN_OP_Le:
        r = en_less_than(cx, b, a, false);
        return r == -2 ? EN_EXCEPTION : en_bool(r == 0);
    case EN_OP_Ge:
        r = en_less_than(cx, a, b, true);
        return r == -2 ? EN_EXCEPTION : en_bool(r == 0);
    default: return EN_EXCEPTION;
    }
}

EnValue en_op_instance_of(EnContext *cx, EnValue v, EnValue target) {
    bool out;
    if (!en_instance_of(cx, v, target, &out)) return EN_EXCEPTION;
    return en_bool(out);
}

EnValue en_op_in(EnContext *cx, EnValue key, EnValue obj) {
    if (!en_is_object(obj))
        return en_throw_type_error(cx, "Cannot use 'in' operator to search for a key in a non-object");
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    en_handle(cx, obj);
    EnKey k;
    EnValue res = EN_EXCEPTION;
    bool found;
    if (en_key_from_value(cx, key, &k)) {
        en_handle(cx, k);
        if (en_obj_has_property(cx, en_as_object(obj), k, &found)) res = en_bool(found);
    }
    en_handle_scope_close(&hs);
    return res;
}

// ---------------------------------------------------------------------------
// Properties with inline caches.

static bool class_is_ordinary_get(const EnObject *o) {
    const EnClass *c = en_class_of(en_obj_class(o));
    return !c->ops || !c->ops->get;
}

static void ic_add(EnFeedback *fb, EnShape *shape, EnObject *holder, uint32_t slot) {
    if (fb->state == EN_IC_MEGA) return;
    if (fb->n == EN_IC_WAYS) {
        fb->state = EN_IC_MEGA;
        fb->n = 0;
        return;
    }
    EnICEntry *e = &fb->e[fb->n++];
    e->shape = shape;
    e->holder = holder;
    e->holder_shape = holder ? holder->shape : NULL;
    e->slot = slot;
    fb->state = fb->n == 1 ? EN_IC_MONO : EN_IC_POLY;
}

EnValue en_op_get_named(EnContext *cx, EnValue obj, EnKey key, EnFeedback *fb) {
    if (!en_is_object(obj)) {
        if (en_is_nullish(obj)) {
            EnString *ks = en_is_string(key) ? en_as_string(key) : NULL;
            OchBuf b = {0};
            if (ks) en_str_to_utf8(cx, ks, &b);
            EnValue r = en_throw_type_error(cx, "Cannot read properties of %s (reading '%s')",
                                            obj == EN_NULL ? "null" : "undefined",
                                            b.data ? b.data : "");
            och_buf_free(&b);
            return r;
        }
        return en_get(cx, obj, key);
    }
    EnObject *o = en_as_object(obj);
    if (fb && fb->state != EN_IC_MEGA && class_is_ordinary_get(o) &&
        !(o->shape->hdr.flags & EN_SHAPE_DICTIONARY)) {
        uint32_t slot;
        uint8_t attrs;
        if (en_shape_lookup(o->shape, key, &slot, &attrs)) {
            if (!(attrs & EN_PROP_ACCESSOR)) {
                ic_add(fb, o->shape, NULL, slot);
                return *en_obj_slot_ref(o, slot);
            }
        } else {
            EnObject *p = o->shape->proto;
            if (p && class_is_ordinary_get(p) && !(p->shape->hdr.flags & EN_SHAPE_DICTIONARY) &&
                en_shape_lookup(p->shape, key, &slot, &attrs) && !(attrs & EN_PROP_ACCESSOR)) {
                ic_add(fb, o->shape, p, slot);
                return *en_obj_slot_ref(p, slot);
            }
        }
    }
    return en_get(cx, obj, key);
}

bool en_op_set_named(EnContext *cx, EnValue obj, EnKey key, EnValue v, bool strict,
                     EnFeedback *fb) {
    if (en_is_nullish(obj)) {
        EnString *ks = en_is_string(key) ? en_as_string(key) : NULL;
        OchBuf b = {0};
        if (ks) en_str_to_utf8(cx, ks, &b);
        en_throw_type_error(cx, "Cannot set properties of %s (setting '%s')",
                            obj == EN_NULL ? "null" : "undefined", b.data ? b.data : "");
        och_buf_free(&b);
        return false;
    }
    if (en_is_object(obj) && fb && fb->state != EN_IC_MEGA) {
        EnObject *o = en_as_object(obj);
        const EnClass *c = en_class_of(en_obj_class(o));
        if ((!c->ops || !c->ops->set) && !(o->shape->hdr.flags & EN_SHAPE_DICTIONARY)) {
            uint32_t slot;
            uint8_t attrs;
            if (en_shape_lookup(o->shape, key, &slot, &attrs) &&
                (attrs & (EN_PROP_ACCESSOR | EN_PROP_WRITABLE)) == EN_PROP_WRITABLE) {
                ic_add(fb, o->shape, NULL, slot);
                en_store(cx, o, en_obj_slot_ref(o, slot), v);
                return true;
            }
            // Adding a property: remember the transition when it lands in an
            // inline slot (holder = NULL, holder_shape = the new shape).
            EnShape *before = o->shape;
            EnValue *hv = en_handle(cx, v);
            bool ok = en_set(cx, obj, key, *hv, strict);
            EnShape *after = o->shape;
            if (ok && after != before && after->parent == before && after->key == key &&
                !(after->hdr.flags & EN_SHAPE_DICTIONARY) && after->slot < after->ninline &&
                after->attrs == EN_PROP_DEFAULT && fb->state != EN_IC_MEGA) {
                ic_add(fb, before, NULL, after->slot);
                fb->e[fb->n ? fb->n - 1 : 0].holder_shape = after;
            }
            return ok;
        }
    }
    return en_set(cx, obj, key, v, strict);
}

EnValue en_op_get_keyed(EnContext *cx, EnValue obj, EnValue key) {
    if (en_is_nullish(obj))
        return en_throw_type_error(cx, "Cannot read properties of %s",
                                   obj == EN_NULL ? "null" : "undefined");
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    en_handle(cx, obj);
    EnKey k;
    EnValue res = EN_EXCEPTION;
    if (en_key_from_value(cx, key, &k)) {
        en_handle(cx, k);
        res = en_get(cx, obj, k);
    }
    en_handle_scope_close(&hs);
    return res;
}

bool en_op_set_keyed(EnContext *cx, EnValue obj, EnValue key, EnValue v, bool strict) {
    if (en_is_nullish(obj)) {
        en_throw_type_error(cx, "Cannot set properties of %s",
                            obj == EN_NULL ? "null" : "undefined");
        return false;
    }
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    en_handle(cx, obj);
    en_handle(cx, v);
    EnKey k;
    bool ok = false;
    if (en_key_from_value(cx, key, &k)) {
        en_handle(cx, k);
        ok = en_set(cx, obj, k, v, strict);
    }
    en_handle_scope_close(&hs);
    return ok;
}

EnValue en_op_delete(EnContext *cx, EnValue obj, EnValue key, bool strict) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    EnObject *o = en_to_object(cx, obj);
    if (!o) goto done;
    en_handle(cx, en_object_value(o));
    EnKey k;
    if (!en_key_from_value(cx, key, &k)) goto done;
    en_handle(cx, k);
    bool ok;
    if (!en_obj_delete(cx, o, k, &ok)) goto done;
    if (!ok && strict) {
        en_throw_type_error(cx, "Cannot delete property of an object");
        goto done;
    }
    res = en_bool(ok);
done:
    en_handle_scope_close(&hs);
    return res;
}

// ---------------------------------------------------------------------------
// Globals.

static bool lexical_lookup(EnContext *cx, EnString *name, EnObject **lex, uint32_t *slot,
                           uint8_t *attrs) {
    *lex = en_vm_global_lexicals(cx);
    return *lex && (*lex)->shape->nprops && en_shape_lookup((*lex)->shape, en_key_atom(name), slot, attrs);
}

static EnValue throw_not_defined(EnContext *cx, EnString *name) {
    OchBuf b = {0};
    en_str_to_utf8(cx, name, &b);
    EnValue r = en_throw_reference_error(cx, "%s is not defined", b.data ? b.data : "");
    och_buf_free(&b);
    return r;
}

static EnValue throw_tdz(EnContext *cx, EnString *name) {
    OchBuf b = {0};
    en_str_to_utf8(cx, name, &b);
    EnValue r = en_throw_reference_error(cx, "Cannot access '%s' before initialization",
                                         b.data ? b.data : "");
    och_buf_free(&b);
    return r;
}

EnValue en_op_lda_global(EnContext *cx, EnString *name, bool for_typeof, EnFeedback *fb) {
    EnObject *lex;
    uint32_t slot;
    uint8_t attrs;
    if (lexical_lookup(cx, name, &lex, &slot, &attrs)) {
        EnValue v = *en_obj_slot_ref(lex, slot);
        if (v == EN_UNINIT) return throw_tdz(cx, name);
        return v;
    }
    EnObject *g = cx->global;
    EnKey key = en_key_atom(name);
    if (class_is_ordinary_get(g) && en_shape_lookup(g->shape, key, &slot, &attrs) &&
        !(attrs & EN_PROP_ACCESSOR)) {
        // Dictionary shapes are mutable in place: read now, cache nothing.
        if (fb && fb->state != EN_IC_MEGA && !(g->shape->hdr.flags & EN_SHAPE_DICTIONARY)) {
            fb->n = 0;
            ic_add(fb, g->shape, NULL, slot);
            fb->aux = cx->rt->vm->lexical_epoch;
        }
        return *en_obj_slot_ref(g, slot);
    }
    bool found;
    if (!en_obj_has_property(cx, g, key, &found)) return EN_EXCEPTION;
    if (!found) return for_typeof ? EN_UNDEFINED : throw_not_defined(cx, name);
    return en_get(cx, en_object_value(g), key);
}

bool en_vm_global_get(EnContext *cx, EnString *name, bool for_typeof, EnValue *out) {
    *out = en_op_lda_global(cx, name, for_typeof, NULL);
    return *out != EN_EXCEPTION;
}

bool en_op_sta_global(EnContext *cx, EnString *name, EnValue v, bool strict, bool init,
                      EnFeedback *fb) {
    EnObject *lex;
    uint32_t slot;
    uint8_t attrs;
    if (lexical_lookup(cx, name, &lex, &slot, &attrs)) {
        EnValue *ref = en_obj_slot_ref(lex, slot);
        if (!init) {
            if (*ref == EN_UNINIT) return throw_tdz(cx, name), false;
            if (!(attrs & EN_PROP_WRITABLE)) {
                en_throw_type_error(cx, "Assignment to constant variable.");
                return false;
            }
        }
        en_store(cx, lex, ref, v);
        return true;
    }
    EnObject *g = cx->global;
    EnKey key = en_key_atom(name);
    const EnClass *gc = en_class_of(en_obj_class(g));
    if ((!gc->ops || !gc->ops->set) && en_shape_lookup(g->shape, key, &slot, &attrs) &&
        (attrs & (EN_PROP_ACCESSOR | EN_PROP_WRITABLE)) == EN_PROP_WRITABLE) {
        if (fb && fb->state != EN_IC_MEGA && !(g->shape->hdr.flags & EN_SHAPE_DICTIONARY)) {
            fb->n = 0;
            ic_add(fb, g->shape, NULL, slot);
            fb->aux = cx->rt->vm->lexical_epoch;
        }
        en_store(cx, g, en_obj_slot_ref(g, slot), v);
        return true;
    }
    if (strict) {
        bool found;
        EnValue *hv = en_handle(cx, v);
        if (!en_obj_has_property(cx, g, key, &found)) return false;
        if (!found) return throw_not_defined(cx, name), false;
        v = *hv;
    }
    return en_set(cx, en_object_value(g), key, v, strict);
}

bool en_vm_global_set(EnContext *cx, EnString *name, EnValue v, bool strict) {
    return en_op_sta_global(cx, name, v, strict, false, NULL);
}

bool en_op_declare_global(EnContext *cx, EnOpcode op, EnString *name, EnValue v, uint32_t flag) {
    EnObject *g = cx->global;
    EnKey key = en_key_atom(name);
    EnObject *lex;
    uint32_t slot;
    uint8_t attrs;
    bool has_lex = lexical_lookup(cx, name, &lex, &slot, &attrs);
    OchBuf b = {0};
    if (op == EN_OP_DeclareGlobalLex) {
        EnPropDesc d;
        bool found = false;
        if (!has_lex && !en_obj_get_own_property(cx, g, key, &d, &found)) return false;
        if (has_lex || (found && !(d.attrs & EN_PROP_CONFIGURABLE))) {
            en_str_to_utf8(cx, name, &b);
            en_throw_syntax_error(cx, "Identifier '%s' has already been declared",
                                  b.data ? b.data : "");
            och_buf_free(&b);
            return false;
        }
        cx->rt->vm->lexical_epoch++;
        return en_obj_add_property(cx, lex, key, EN_UNINIT,
                                   flag ? EN_PROP_ENUMERABLE : EN_PROP_WRITABLE | EN_PROP_ENUMERABLE);
    }
    if (has_lex) {
        en_str_to_utf8(cx, name, &b);
        en_throw_syntax_error(cx, "Identifier '%s' has already been declared",
                              b.data ? b.data : "");
        och_buf_free(&b);
        return false;
    }
    if (op == EN_OP_DeclareGlobalVar) {
        bool found;
        if (!en_has_own_property(cx, g, key, &found)) return false;
        if (found) return true;
        return en_define_value(cx, g, key, EN_UNDEFINED, EN_PROP_WRITABLE | EN_PROP_ENUMERABLE);
    }
    // DeclareGlobalFn: CreateGlobalFunctionBinding.
    EnPropDesc d;
    bool found;
    EnValue *hv = en_handle(cx, v);
    if (!en_obj_get_own_property(cx, g, key, &d, &found)) return false;
    if (!found || (d.attrs & EN_PROP_CONFIGURABLE))
        return en_define_value(cx, g, key, *hv, EN_PROP_WRITABLE | EN_PROP_ENUMERABLE);
    return en_set(cx, en_object_value(g), key, *hv, false);
}

// ---------------------------------------------------------------------------
// Literals.

bool en_op_define(EnContext *cx, EnOpcode op, EnValue obj, EnValue key, EnValue v) {
    EnObject *o = en_as_object(obj);
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hv = en_handle(cx, v);
    EnKey k;
    bool ok = false;
    if (!en_key_from_value(cx, key, &k)) goto done;
    en_handle(cx, k);
    if (op == EN_OP_DefineField || op == EN_OP_DefineKeyed) {
        ok = en_define_value(cx, o, k, *hv, EN_PROP_DEFAULT);
    } else {
        // Object literal accessors: [[HomeObject]] and "get x" / "set x".
        if (en_is_object(*hv) && en_obj_class(en_as_object(*hv)) == EN_CLASS_FUNCTION)
            ((EnFunction *)en_as_object(*hv))->home_object = obj;
        if (!en_op_method_name(cx, *hv, k, op == EN_OP_DefineGetter ? 1 : 2)) goto done;
        EnPropDesc d = {0};
        d.has = EN_DESC_HAS_ENUMERABLE | EN_DESC_HAS_CONFIGURABLE;
        d.attrs = EN_PROP_ENUMERABLE | EN_PROP_CONFIGURABLE;
        d.getter = d.setter = EN_UNDEFINED;
        d.value = EN_UNDEFINED;
        if (op == EN_OP_DefineGetter) {
            d.has |= EN_DESC_HAS_GET;
            d.getter = *hv;
        } else {
            d.has |= EN_DESC_HAS_SET;
            d.setter = *hv;
        }
        bool dok;
        ok = en_obj_define_own_property(cx, o, k, &d, &dok);
        if (ok && !dok) ok = (en_throw_type_error(cx, "Cannot redefine property"), false);
    }
done:
    en_handle_scope_close(&hs);
    return ok;
}

bool en_op_copy_data_props(EnContext *cx, EnValue target, EnValue src) {
    if (en_is_nullish(src)) return true;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    bool ok = false;
    EnKey *keys = NULL;
    uint32_t n = 0;
    EnObject *from = en_to_object(cx, src);
    if (!from) goto done;
    en_handle(cx, en_object_value(from));
    if (!en_obj_own_keys(cx, from, &keys, &n)) goto done;
    for (uint32_t i = 0; i < n; i++) {
        EnPropDesc d;
        bool found;
        if (!en_obj_get_own_property(cx, from, keys[i], &d, &found)) goto done;
        if (!found || !(d.attrs & EN_PROP_ENUMERABLE)) continue;
        EnValue v = en_get(cx, en_object_value(from), keys[i]);
        if (v == EN_EXCEPTION) goto done;
        if (!en_create_data_property_or_throw(cx, en_as_object(target), keys[i], v)) goto done;
    }
    ok = true;
done:
    och_free(keys);
    en_handle_scope_close(&hs);
    return ok;
}

bool en_op_array_hole(EnContext *cx, EnValue arr) {
    EnArray *a = (EnArray *)en_as_object(arr);
    return en_set(cx, arr, en_key_atom(en_atom(cx, EN_ATOM_length)),
                  en_number((double)a->length + 1), true);
}

bool en_op_array_spread(EnContext *cx, EnValue arr, EnValue iterable) {
    EnValue *r = cx->rt->vm->sp;
    if (r + 4 > cx->rt->vm->stack_end) {
        en_throw_range_error(cx, "Maximum call stack size exceeded");
        return false;
    }
    r[0] = r[1] = r[2] = r[3] = EN_UNDEFINED;
    cx->rt->vm->sp += 4;
    bool ok = false;
    if (!en_op_get_iterator(cx, iterable, r)) goto done;
    for (;;) {
        int st = en_op_iter_next(cx, r, &r[3]);
        if (st < 0) goto done;
        if (st == 0) break;
        if (!en_array_push(cx, en_as_object(arr), r[3])) goto done;
    }
    ok = true;
done:
    cx->rt->vm->sp -= 4;
    return ok;
}

// Unmapped arguments object: strict functions and non-simple parameter
// lists. Sloppy functions with simple parameter lists get a mapped one
// through CallRuntime mapped_arguments (compiler.c emit_mapped_arguments).
EnValue en_op_create_arguments(EnContext *cx, EnFrame *fr) {
    EnObject *o = en_arguments_new_unmapped(cx, fr->argc, fr->argv);
    return o ? en_object_value(o) : EN_EXCEPTION;
}

EnValue en_op_create_rest(EnContext *cx, EnFrame *fr, uint32_t from) {
    uint32_t n = fr->argc > from ? fr->argc - from : 0;
    EnObject *a = en_array_from_values(cx, fr->argv + from, n);
    return a ? en_object_value(a) : EN_EXCEPTION;
}

EnValue en_op_create_regexp(EnContext *cx, EnValue pattern, EnValue flags) {
    EnObject *re = en_intrinsic(cx, EN_INTRINSIC_RegExp);
    if (!re) return en_throw_syntax_error(cx, "regular expressions are not supported yet");
    EnValue args[2] = {pattern, flags};
    return en_construct(cx, en_object_value(re), 2, args, en_object_value(re));
}

bool en_op_set_fn_name(EnContext *cx, EnValue fn, EnValue key) {
    if (!en_is_object(fn)) return true;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hf = en_handle(cx, fn);
    EnValue name;
    if (en_is_symbol(key)) {
        EnValue desc = en_as_symbol(key)->description;
        EnStrBuilder sb;
        en_sb_init(&sb, cx);
        if (en_is_string(desc)) {
            en_sb_unit(&sb, '[');
            en_sb_string(&sb, en_as_string(desc));
            en_sb_unit(&sb, ']');
        }
        EnString *s = en_sb_finish(&sb);
        name = s ? en_string_value(s) : EN_EXCEPTION;
    } else {
        name = en_key_to_value(cx, key);
    }
    bool ok = name != EN_EXCEPTION &&
              en_define_value(cx, en_as_object(*hf), en_key_atom(en_atom(cx, EN_ATOM_name)), name,
                              EN_PROP_CONFIGURABLE);
    en_handle_scope_close(&hs);
    return ok;
}

// ---------------------------------------------------------------------------
// Iteration.

// GetIterator(obj, sync): arrays iterated by the unmodified
// %Array.prototype.values% use the index fast mode (r[1] an int32 index);
// the method is read once.
bool en_op_get_iterator(EnContext *cx, EnValue obj, EnValue *r) {
    r[2] = EN_FALSE;
    EnValue m = en_is_nullish(obj) ? EN_UNDEFINED
                                   : en_get(cx, obj, en_symbol_value(en_well_known_symbol(cx, EN_SYM_iterator)));
    if (m == EN_EXCEPTION) return false;
    EnObject *values = en_intrinsic(cx, EN_INTRINSIC_ArrayProtoValues);
    if (en_is_object(obj) && en_obj_class(en_as_object(obj)) == EN_CLASS_ARRAY && values &&
        m == en_object_value(values)) {
        r[0] = obj;
        r[1] = en_int32(0);
        return true;
    }
    if (!en_is_callable(m)) return en_throw_type_error(cx, "object is not iterable"), false;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    bool ok = false;
    EnValue *hm = en_handle(cx, m);
    EnValue it = en_call(cx, *hm, obj, 0, NULL);
    if (it == EN_EXCEPTION) goto done;
    if (!en_is_object(it)) {
        en_throw_type_error(cx, "Result of the Symbol.iterator method is not an object");
        goto done;
    }
    EnValue *hi = en_handle(cx, it);
    EnValue next = en_get_atom(cx, it, EN_ATOM_next);
    if (next == EN_EXCEPTION) goto done;
    r[0] = *hi;
    r[1] = next;
    ok = true;
done:
    en_handle_scope_close(&hs);
    return ok;
}

int en_op_iter_next(EnContext *cx, EnValue *r, EnValue *out) {
    if (r[2] == EN_TRUE) return 0;
    if (en_is_int32(r[1])) {
        EnArray *a = (EnArray *)en_as_object(r[0]);
        uint32_t i = (uint32_t)en_as_int32(r[1]);
        if (i >= a->length) {
            r[2] = EN_TRUE;
            return 0;
        }
        r[1] = en_int32((int32_t)i + 1);
        EnValue v = en_get_index(cx, r[0], i);
        if (v == EN_EXCEPTION) return -1;
        *out = v;
        return 1;
    }
    EnIteratorRecord rec = {r[0], r[1], false};
    bool done;
    EnValue v;
    if (!en_iterator_step_value(cx, &rec, &v, &done)) {
        r[2] = EN_TRUE;
        return -1;
    }
    if (done) {
        r[2] = EN_TRUE;
        return 0;
    }
    *out = v;
    return 1;
}

bool en_op_iter_close(EnContext *cx, EnValue *r, bool throwing) {
    if (r[2] == EN_TRUE || en_is_int32(r[1])) return true;
    r[2] = EN_TRUE;
    if (!throwing) {
        EnIteratorRecord rec = {r[0], r[1], false};
        return en_iterator_close(cx, &rec, false);
    }
    // Throw completion: call return() and ignore what it does.
    EnValue m = en_get_atom(cx, r[0], EN_ATOM_return_);
    if (m != EN_EXCEPTION && en_is_callable(m)) {
        EnValue *hm = en_handle(cx, m);
        en_call(cx, *hm, r[0], 0, NULL);
    }
    if (!cx->terminating && cx->has_exception) en_exception_take(cx);
    return !cx->terminating;
}

EnValue en_op_iter_rest(EnContext *cx, EnValue *r) {
    EnObject *arr = en_array_new(cx, 0);
    if (!arr) return EN_EXCEPTION;
    EnValue *ha = en_handle(cx, en_object_value(arr));
    EnValue *hv = en_handle(cx, EN_UNDEFINED);
    for (;;) {
        int st = en_op_iter_next(cx, r, hv);
        if (st < 0) return EN_EXCEPTION;
        if (st == 0) break;
        if (!en_array_push(cx, en_as_object(*ha), *hv)) return EN_EXCEPTION;
    }
    return *ha;
}

bool en_op_for_in_prep(EnContext *cx, EnValue obj, EnValue *r) {
    r[1] = en_int32(0);
    r[2] = obj;
    EnObject *keys_arr = en_array_new(cx, 0);
    if (!keys_arr) return false;
    r[0] = en_object_value(keys_arr);
    if (en_is_nullish(obj)) return true;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    bool ok = false;
    EnObject *o = en_to_object(cx, obj);
    if (!o) goto done;
    r[2] = en_object_value(o);
    // Keys seen (including non-enumerable shadowing ones), in an object
    // with null prototype used as a set.
    EnObject *seen = en_obj_new(cx, EN_CLASS_OBJECT, NULL, 0);
    if (!seen) goto done;
    EnValue *hseen = en_handle(cx, en_object_value(seen));
    EnValue *hcur = en_handle(cx, r[2]);
    while (en_is_object(*hcur)) {
        EnObject *cur = en_as_object(*hcur);
        EnKey *keys = NULL;
        uint32_t n = 0;
        if (!en_obj_own_keys(cx, cur, &keys, &n)) goto done;
        for (uint32_t i = 0; i < n; i++) {
            if (en_is_symbol(keys[i])) continue;
            bool dup;
            if (!en_has_own_property(cx, en_as_object(*hseen), keys[i], &dup)) {
                och_free(keys);
                goto done;
            }
            if (dup) continue;
            EnPropDesc d;
            bool found;
            if (!en_obj_get_own_property(cx, cur, keys[i], &d, &found)) {
                och_free(keys);
                goto done;
            }
            if (!found) continue;
            if (!en_obj_add_property(cx, en_as_object(*hseen), keys[i], EN_TRUE, EN_PROP_DEFAULT)) {
                och_free(keys);
                goto done;
            }
            if (!(d.attrs & EN_PROP_ENUMERABLE)) continue;
            EnValue kv = en_key_to_value(cx, keys[i]);
            if (kv == EN_EXCEPTION || !en_array_push(cx, en_as_object(r[0]), kv)) {
                och_free(keys);
                goto done;
            }
        }
        och_free(keys);
        EnObject *proto;
        if (!en_obj_get_prototype_of(cx, cur, &proto)) goto done;
        *hcur = proto ? en_object_value(proto) : EN_NULL;
    }
    ok = true;
done:
    en_handle_scope_close(&hs);
    return ok;
}

int en_op_for_in_next(EnContext *cx, EnValue *r, EnValue *out) {
    EnArray *keys = (EnArray *)en_as_object(r[0]);
    for (;;) {
        uint32_t i = (uint32_t)en_as_int32(r[1]);
        if (i >= keys->length) return 0;
        r[1] = en_int32((int32_t)i + 1);
        EnValue kv = en_get_index(cx, r[0], i);
        if (kv == EN_EXCEPTION) return -1;
        // Skip keys deleted during the iteration.
        EnValue *hk = en_handle(cx, kv);
        EnKey k;
        bool found;
        if (!en_key_from_value(cx, kv, &k)) return -1;
        if (!en_obj_has_property(cx, en_as_object(r[2]), k, &found)) return -1;
        if (found) {
            *out = *hk;
            return 1;
        }
    }
}

EnValue en_op_throw_msg(EnContext *cx, uint32_t kind, EnValue msg) {
    OchBuf b = {0};
    en_str_to_utf8(cx, en_as_string(msg), &b);
    const char *m = b.data ? b.data : "";
    EnValue r;
    switch (kind) {
    case EN_MSG_REFERENCE_ERROR: r = en_throw_reference_error(cx, "%s", m); break;
    case EN_MSG_SYNTAX_ERROR: r = en_throw_syntax_error(cx, "%s", m); break;
    case EN_MSG_RANGE_ERROR: r = en_throw_range_error(cx, "%s", m); break;
    default: r = en_throw_type_error(cx, "%s", m); break;
    }
    och_buf_free(&b);
    return r;
}

// ---------------------------------------------------------------------------
// Classes.

EnValue en_op_define_class(EnContext *cx, EnFunctionTemplate *ct, EnEnv *env, EnValue heritage,
                           bool has_heritage, EnValue *proto_out) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    EnValue *hh = en_handle(cx, heritage);
    EnValue *hproto_parent = en_handle(cx, en_object_value(en_intrinsic(cx, EN_INTRINSIC_ObjectPrototype)));
    EnValue *hctor_parent = en_handle(cx, en_object_value(en_intrinsic(cx, EN_INTRINSIC_FunctionPrototype)));
    if (has_heritage) {
        if (*hh == EN_NULL) {
            *hproto_parent = EN_NULL;
        } else {
            if (!en_is_constructor(*hh)) {
                en_throw_type_error(cx, "Class extends value is not a constructor or null");
                goto done;
            }
            EnValue pp = en_get(cx, *hh, en_key_atom(en_atom(cx, EN_ATOM_prototype)));
            if (pp == EN_EXCEPTION) goto done;
            if (!en_is_object(pp) && pp != EN_NULL) {
                en_throw_type_error(cx, "Class extends value does not have valid prototype property");
                goto done;
            }
            *hproto_parent = pp;
            *hctor_parent = *hh;
        }
    }
    EnObject *proto = en_obj_new(cx, EN_CLASS_OBJECT,
                                 *hproto_parent == EN_NULL ? NULL : en_as_object(*hproto_parent), 4);
    if (!proto) goto done;
    EnValue *hp = en_handle(cx, en_object_value(proto));
    EnObject *f = en_function_new(cx, ct, env, EN_UNDEFINED, EN_UNDEFINED);
    if (!f) goto done;
    EnValue *hf = en_handle(cx, en_object_value(f));
    f->hdr.flags |= EN_OBJ_CONSTRUCTOR | EN_OBJ_CLASS_CONSTRUCTOR;
    ((EnFunction *)f)->home_object = *hp;
    bool ok;
    if (!en_obj_set_prototype_of(cx, f, en_as_object(*hctor_parent), &ok)) goto done;
    if (!en_define_value(cx, en_as_object(*hf), en_key_atom(en_atom(cx, EN_ATOM_prototype)), *hp, 0))
        goto done;
    if (!en_define_value(cx, en_as_object(*hp), en_key_atom(en_atom(cx, EN_ATOM_constructor)), *hf,
                         EN_PROP_HIDDEN))
        goto done;
    *proto_out = *hp;
    res = *hf;
done:
    en_handle_scope_close(&hs);
    return res;
}

bool en_op_define_method(EnContext *cx, EnValue target, EnValue key, EnValue fn, uint32_t kind) {
    EnObject *o = en_as_object(target);
    ((EnFunction *)en_as_object(fn))->home_object = target;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hf = en_handle(cx, fn);
    bool ok = false;
    EnKey k;
    if (!en_key_from_value(cx, key, &k)) goto done;
    en_handle(cx, k);
    if (!en_op_method_name(cx, *hf, k, kind)) goto done;
    en_handle(cx, k);
    if (kind == 0) {
        ok = en_define_value(cx, o, k, *hf, EN_PROP_HIDDEN);
    } else {
        EnPropDesc d = {0};
        d.has = EN_DESC_HAS_ENUMERABLE | EN_DESC_HAS_CONFIGURABLE |
                (kind == 1 ? EN_DESC_HAS_GET : EN_DESC_HAS_SET);
        d.attrs = EN_PROP_CONFIGURABLE;
        d.value = d.getter = d.setter = EN_UNDEFINED;
        if (kind == 1) d.getter = *hf;
        else d.setter = *hf;
        bool dok;
        ok = en_obj_define_own_property(cx, o, k, &d, &dok);
    }
done:
    en_handle_scope_close(&hs);
    return ok;
}

static EnValue throw_private(EnContext *cx, EnValue key, const char *what) {
    EnValue desc = en_is_symbol(key) ? en_as_symbol(key)->description : EN_UNDEFINED;
    OchBuf b = {0};
    if (en_is_string(desc)) en_str_to_utf8(cx, en_as_string(desc), &b);
    EnValue r = en_throw_type_error(cx, "Cannot %s private member #%s on an object whose class did not declare it",
                                    what, b.data ? b.data : "");
    och_buf_free(&b);
    return r;
}

EnValue en_op_private(EnContext *cx, EnOpcode op, EnValue obj, EnValue key, EnValue v) {
    if (!en_is_object(obj)) {
        if (op == EN_OP_HasPrivate)
            return en_throw_type_error(cx, "Cannot use 'in' operator to search for a private field in a non-object");
        return throw_private(cx, key, op == EN_OP_GetPrivate ? "read" : "write");
    }
    EnObject *o = en_as_object(obj);
    EnPropDesc d;
    bool found;
    EnValue *hv = en_handle(cx, v);
    if (!en_obj_get_own_property(cx, o, key, &d, &found)) return EN_EXCEPTION;
    switch (op) {
    case EN_OP_HasPrivate: return en_bool(found);
    case EN_OP_GetPrivate:
        if (!found) return throw_private(cx, key, "read");
        if (d.attrs & EN_PROP_ACCESSOR) {
            // PrivateGet: an accessor without a getter is a TypeError.
            if (!en_is_callable(d.getter)) return en_throw_type_error(cx, "Private accessor was defined without a getter");
            return en_call(cx, d.getter, obj, 0, NULL);
        }
        return d.value;
    case EN_OP_SetPrivate:
        if (!found) return throw_private(cx, key, "write");
        if (d.attrs & EN_PROP_ACCESSOR) {
            if (!en_is_callable(d.setter)) return en_throw_type_error(cx, "Private accessor was defined without a setter");
            return en_call(cx, d.setter, obj, 1, hv) == EN_EXCEPTION ? EN_EXCEPTION : *hv;
        }
        if (!(d.attrs & EN_PROP_WRITABLE)) return en_throw_type_error(cx, "Private method is not writable");
        return en_set(cx, obj, key, *hv, true) ? *hv : EN_EXCEPTION;
    default:  // DefinePrivate
        if (found) return en_throw_type_error(cx, "Cannot initialize private member twice on the same object");
        return en_define_value(cx, o, key, *hv, EN_PROP_WRITABLE) ? *hv : EN_EXCEPTION;
    }
}

EnValue en_op_create_private_name(EnContext *cx, EnValue desc) {
    EnSymbol *s = en_sym_new(cx, desc);
    if (!s) return EN_EXCEPTION;
    s->hdr.flags |= EN_SYM_PRIVATE;
    return en_symbol_value(s);
}

EnValue en_op_get_super(EnContext *cx, EnFrame *fr, EnValue key) {
    EnObject *callee = fr->callee;
    EnValue home = callee && en_obj_class(callee) == EN_CLASS_FUNCTION
                       ? ((EnFunction *)callee)->home_object
                       : EN_UNDEFINED;
    if (!en_is_object(home)) return en_throw_syntax_error(cx, "'super' keyword unexpected here");
    if (fr->this_val == EN_UNINIT)
        return en_throw_reference_error(cx, "Must call super constructor in derived class before accessing 'this'");
    EnObject *proto;
    if (!en_obj_get_prototype_of(cx, en_as_object(home), &proto)) return EN_EXCEPTION;
    if (!proto) return en_throw_type_error(cx, "Cannot read properties of null (super)");
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    en_handle(cx, en_object_value(proto));
    EnValue out = EN_EXCEPTION;
    EnKey k;
    if (en_key_from_value(cx, key, &k)) {
        en_handle(cx, k);
        if (!en_obj_get(cx, proto, k, fr->this_val, &out)) out = EN_EXCEPTION;
    }
    en_handle_scope_close(&hs);
    return out;
}

bool en_op_init_fields(EnContext *cx, EnObject *callee, EnValue this_val) {
    if (!callee || en_obj_class(callee) != EN_CLASS_FUNCTION) return true;
    EnValue init = ((EnFunction *)callee)->fields;
    if (!en_is_callable(init)) return true;
    return en_call(cx, init, this_val, 0, NULL) != EN_EXCEPTION;
}

// super(...args) in the derived constructor running in fr.
EnValue en_op_super_call(EnContext *cx, EnFrame *fr, const EnValue *argv, uint32_t argc) {
    EnObject *f = fr->callee;
    if (!f) return en_throw_syntax_error(cx, "'super' keyword unexpected here");
    EnObject *parent;
    if (!en_obj_get_prototype_of(cx, f, &parent)) return EN_EXCEPTION;
    if (!parent || !en_is_constructor(en_object_value(parent)))
        return en_throw_type_error(cx, "Super constructor is not a constructor");
    EnValue r = en_construct(cx, en_object_value(parent), argc, argv, fr->new_target);
    if (r == EN_EXCEPTION) return r;
    if (fr->this_val != EN_UNINIT)
        return en_throw_reference_error(cx, "Super constructor may only be called once");
    fr->this_val = r;
    if (!en_op_init_fields(cx, fr->callee, r)) return EN_EXCEPTION;
    return fr->this_val;
}

EnValue en_op_template_object(EnContext *cx, const EnValue *k, uint32_t n) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    EnObject *cooked = en_array_from_values(cx, k, n);
    if (!cooked) goto done;
    EnValue *hc = en_handle(cx, en_object_value(cooked));
    EnObject *raw = en_array_from_values(cx, k + n, n);
    if (!raw) goto done;
    EnValue *hr = en_handle(cx, en_object_value(raw));
    bool ok;
    if (!en_obj_set_integrity(cx, en_as_object(*hr), true, &ok)) goto done;
    if (!en_define_value(cx, en_as_object(*hc), en_key_atom(en_atom(cx, EN_ATOM_raw)), *hr, 0))
        goto done;
    if (!en_obj_set_integrity(cx, en_as_object(*hc), true, &ok)) goto done;
    res = *hc;
done:
    en_handle_scope_close(&hs);
    return res;
}

// CopyDataProperties(target = {}, src, excluded keys).
EnValue en_op_object_rest(EnContext *cx, EnValue src, const EnValue *excluded, uint32_t n) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    EnKey *keys = NULL;
    uint32_t nk = 0;
    EnObject *target = en_obj_new_plain(cx);
    if (!target) goto done;
    EnValue *ht = en_handle(cx, en_object_value(target));
    EnObject *from = en_to_object(cx, src);
    if (!from) goto done;
    EnValue *hf = en_handle(cx, en_object_value(from));
    if (!en_obj_own_keys(cx, from, &keys, &nk)) goto done;
    for (uint32_t i = 0; i < nk; i++) {
        bool skip = false;
        for (uint32_t j = 0; j < n && !skip; j++) {
            EnKey ek;
            if (!en_key_from_value(cx, excluded[j], &ek)) goto done;
            skip = ek == keys[i] || (en_is_number(ek) && en_is_number(keys[i]) &&
                                     en_as_number(ek) == en_as_number(keys[i]));
        }
        if (skip) continue;
        EnPropDesc d;
        bool found;
        if (!en_obj_get_own_property(cx, en_as_object(*hf), keys[i], &d, &found)) goto done;
        if (!found || !(d.attrs & EN_PROP_ENUMERABLE)) continue;
        EnValue v = en_get(cx, *hf, keys[i]);
        if (v == EN_EXCEPTION) goto done;
        if (!en_create_data_property_or_throw(cx, en_as_object(*ht), keys[i], v)) goto done;
    }
    res = *ht;
done:
    och_free(keys);
    en_handle_scope_close(&hs);
    return res;
}

// Private methods and accessors: non-writable own properties (accessor
// pairs merge) keyed by the private name; a second definition of the same
// method on one object is a TypeError.
bool en_op_define_private_method(EnContext *cx, EnValue obj, EnValue key, EnValue fn, uint32_t kind) {
    EnObject *o = en_as_object(obj);
    // Instance private methods are created once with the prototype as
    // their home object; static ones get the class here.
    if (((EnFunction *)en_as_object(fn))->home_object == EN_UNDEFINED)
        ((EnFunction *)en_as_object(fn))->home_object = obj;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hf = en_handle(cx, fn);
    en_handle(cx, key);
    bool ok = false;
    if (!en_op_method_name(cx, *hf, key, kind)) goto done;
    EnPropDesc cur;
    bool found;
    if (!en_obj_get_own_property(cx, o, key, &cur, &found)) goto done;
    if (kind == 0) {
        if (found) {
            en_throw_type_error(cx, "Cannot initialize private methods twice on the same object");
            goto done;
        }
        ok = en_define_value(cx, o, key, *hf, 0);
    } else {
        if (found && (!(cur.attrs & EN_PROP_ACCESSOR) ||
                      (kind == 1 ? cur.getter != EN_UNDEFINED : cur.setter != EN_UNDEFINED))) {
            en_throw_type_error(cx, "Cannot initialize private methods twice on the same object");
            goto done;
        }
        EnValue g = found ? cur.getter : EN_UNDEFINED, s = found ? cur.setter : EN_UNDEFINED;
        if (kind == 1) g = *hf;
        else s = *hf;
        if (found) {
            bool dok;
            EnPropDesc d = {0};
            d.has = kind == 1 ? EN_DESC_HAS_GET : EN_DESC_HAS_SET;
            d.getter = g;
            d.setter = s;
            d.value = EN_UNDEFINED;
            ok = en_obj_define_own_property(cx, o, key, &d, &dok);
        } else {
            ok = en_define_accessor(cx, o, key, g, s, EN_PROP_CONFIGURABLE);
        }
    }
done:
    en_handle_scope_close(&hs);
    return ok;
}
