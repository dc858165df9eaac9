// Function objects: closures of templates (class FUNCTION), native
// functions (NATIVE_FUNCTION) with internal slots, bound functions
// (BOUND_FUNCTION). Calls themselves are in interp.c.
#include <math.h>

#include "vm_int.h"

static void function_trace(EnGCTracer *t, EnObject *o) {
    EnFunction *f = (EnFunction *)o;
    en_gc_mark_cell(t, f->tmpl);
    en_gc_mark_cell(t, f->env);
    en_gc_mark_value(t, f->this_val);
    en_gc_mark_value(t, f->new_target);
    en_gc_mark_value(t, f->home_object);
    en_gc_mark_value(t, f->fields);
}

static void native_trace(EnGCTracer *t, EnObject *o) {
    EnNativeFunction *f = (EnNativeFunction *)o;
    en_gc_mark_cell(t, f->slots);
}

static void bound_trace(EnGCTracer *t, EnObject *o) {
    EnBoundFunction *f = (EnBoundFunction *)o;
    en_gc_mark_value(t, f->target);
    en_gc_mark_value(t, f->this_val);
    en_gc_mark_cell(t, f->args);
}

static void generator_trace(EnGCTracer *t, EnObject *o) {
    en_gc_mark_cell(t, ((EnGenerator *)o)->snap);
    en_gc_mark_cell(t, ((EnGenerator *)o)->queue);
}
static const EnClass generator_class = {"Generator", sizeof(EnGenerator), NULL, generator_trace, NULL};
static const EnClass async_generator_class = {"AsyncGenerator", sizeof(EnGenerator), NULL,
                                              generator_trace, NULL};
static const EnClass async_state_class = {"AsyncFunction", sizeof(EnGenerator), NULL,
                                          generator_trace, NULL};

static const EnClass function_class = {"Function", sizeof(EnFunction), NULL, function_trace, NULL};
static const EnClass native_class = {"Function", sizeof(EnNativeFunction), NULL, native_trace,
                                     NULL};
static const EnClass bound_class = {"Function", sizeof(EnBoundFunction), NULL, bound_trace, NULL};

void en_function_register_classes(void) {
    en_class_register(EN_CLASS_FUNCTION, &function_class);
    en_class_register(EN_CLASS_NATIVE_FUNCTION, &native_class);
    en_class_register(EN_CLASS_BOUND_FUNCTION, &bound_class);
    en_class_register(EN_CLASS_GENERATOR, &generator_class);
    en_class_register(EN_CLASS_ASYNC_GENERATOR, &async_generator_class);
    en_class_register(EN_CLASS_ASYNC_FUNCTION_STATE, &async_state_class);
}

// Defines `length` and `name` (both configurable only), in that order.
// The object is fresh: plain shape transitions (en_obj_add_property).
static bool define_length_name(EnContext *cx, EnObject *f, uint32_t length, EnString *name) {
    EnValue *hf = en_handle(cx, en_object_value(f));
    EnValue *hn = en_handle(cx, name ? en_string_value(name) : EN_UNDEFINED);
    if (!en_obj_add_property(cx, en_as_object(*hf), en_key_atom(en_atom(cx, EN_ATOM_length)),
                             en_int32((int32_t)length), EN_PROP_CONFIGURABLE))
        return false;
    EnValue nv = *hn == EN_UNDEFINED ? en_string_value(en_str_empty(cx)) : *hn;
    return en_obj_add_property(cx, en_as_object(*hf), en_key_atom(en_atom(cx, EN_ATOM_name)), nv,
                               EN_PROP_CONFIGURABLE);
}

EnObject *en_function_new(EnContext *cx, EnFunctionTemplate *t, EnEnv *env, EnValue this_val,
                          EnValue new_target) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *ht = en_handle(cx, en_cell_value(t));
    EnValue *he = en_handle(cx, env ? en_cell_value(env) : EN_UNDEFINED);
    EnValue *hthis = en_handle(cx, this_val);
    EnValue *hnt = en_handle(cx, new_target);
    bool is_gen = (t->flags & EN_TF_GENERATOR) != 0;
    bool is_async = (t->flags & EN_TF_ASYNC) != 0;
    // [[Prototype]] by kind (the intrinsics exist once their family ran).
    EnIntrinsic pid = EN_INTRINSIC_FunctionPrototype;
    if (is_gen && is_async) pid = EN_INTRINSIC_AsyncGeneratorFunctionPrototype;
    else if (is_gen) pid = EN_INTRINSIC_GeneratorFunctionPrototype;
    else if (is_async) pid = EN_INTRINSIC_AsyncFunctionPrototype;
    if (!en_intrinsic(cx, pid)) pid = EN_INTRINSIC_FunctionPrototype;
    EnObject *proto = en_intrinsic(cx, pid);
    EnObject *o = en_obj_new(cx, EN_CLASS_FUNCTION, proto, 4);
    EnObject *res = NULL;
    if (!o) goto done;
    EnValue *ho = en_handle(cx, en_object_value(o));
    EnFunction *f = (EnFunction *)o;
    t = en_as_ptr(*ht);
    f->tmpl = t;
    f->env = *he == EN_UNDEFINED ? NULL : (EnEnv *)en_as_ptr(*he);
    f->this_val = *hthis;
    f->new_target = *hnt;
    f->home_object = EN_UNDEFINED;
    f->fields = EN_UNDEFINED;
    o->hdr.flags |= EN_OBJ_CALLABLE;
    if (t->flags & EN_TF_CONSTRUCTOR) o->hdr.flags |= EN_OBJ_CONSTRUCTOR;
    if (!define_length_name(cx, o, t->length, t->name)) goto done;
    if (is_gen) {
        EnObject *p = en_obj_new(cx, EN_CLASS_OBJECT,
                                 en_intrinsic(cx, is_async ? EN_INTRINSIC_AsyncGeneratorPrototype
                                                           : EN_INTRINSIC_GeneratorPrototype),
                                 4);
        if (!p) goto done;
        if (!en_obj_add_property(cx, en_as_object(*ho), en_key_atom(en_atom(cx, EN_ATOM_prototype)),
                                 en_object_value(p), EN_PROP_WRITABLE))
            goto done;
    } else if (t->flags & EN_TF_CONSTRUCTOR) {
        EnObject *p = en_obj_new_plain(cx);
        if (!p) goto done;
        EnValue *hp = en_handle(cx, en_object_value(p));
        if (!en_obj_add_property(cx, p, en_key_atom(en_atom(cx, EN_ATOM_constructor)), *ho,
                                 EN_PROP_HIDDEN))
            goto done;
        if (!en_obj_add_property(cx, en_as_object(*ho), en_key_atom(en_atom(cx, EN_ATOM_prototype)),
                                 *hp, EN_PROP_WRITABLE))
            goto done;
    }
    res = en_as_object(*ho);
done:
    en_handle_scope_close(&hs);
    return res;
}

EnObject *en_native_new(EnContext *cx, EnNativeFn fn, EnString *name, uint32_t length,
                        int ctor_kind, uint32_t nslots) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hn = en_handle(cx, name ? en_string_value(name) : EN_UNDEFINED);
    EnObject *res = NULL;
    EnValueArray *slots = NULL;
    EnValue *hs_slots = NULL;
    if (nslots) {
        slots = en_gc_alloc(cx, EN_CELL_VALUE_ARRAY,
                            sizeof(EnValueArray) + nslots * sizeof(EnValue));
        if (!slots) goto done;
        slots->hdr.aux = nslots;
        slots->length = nslots;
        for (uint32_t i = 0; i < nslots; i++) slots->v[i] = EN_UNDEFINED;
        hs_slots = en_handle(cx, en_ptr_value(EN_TAG_CELL, slots));
    }
    EnObject *proto = en_intrinsic(cx, EN_INTRINSIC_FunctionPrototype);
    EnObject *o = en_obj_new(cx, EN_CLASS_NATIVE_FUNCTION, proto, 2);
    if (!o) goto done;
    EnValue *ho = en_handle(cx, en_object_value(o));
    EnNativeFunction *f = (EnNativeFunction *)o;
    f->fn = fn;
    f->nslots = nslots;
    f->slots = hs_slots ? (EnValueArray *)en_as_ptr(*hs_slots) : NULL;
    o->hdr.flags |= EN_OBJ_CALLABLE;
    if (ctor_kind) o->hdr.flags |= EN_OBJ_CONSTRUCTOR;
    if (!define_length_name(cx, o, length,
                            *hn == EN_UNDEFINED ? NULL : en_as_string(*hn)))
        goto done;
    res = en_as_object(*ho);
done:
    en_handle_scope_close(&hs);
    return res;
}

EnValue *en_native_slot(EnObject *native_fn, uint32_t i) {
    EnNativeFunction *f = (EnNativeFunction *)native_fn;
    OCH_ASSERT(en_obj_class(native_fn) == EN_CLASS_NATIVE_FUNCTION && i < f->nslots);
    return &f->slots->v[i];
}

bool en_vm_function_source(EnContext *cx, EnObject *f, OchBuf *out) {
    (void)cx;
    if (en_obj_class(f) != EN_CLASS_FUNCTION) return false;
    EnFunctionTemplate *t = ((EnFunction *)f)->tmpl;
    if (!t->src || !t->node) return false;
    uint32_t start = t->src_start ? t->src_start - 1 : t->node->start;
    uint32_t end = t->src_end ? t->src_end - 1 : t->node->end;
    och_buf_append(out, t->src->text + start, end - start);
    return true;
}

EnObject *en_vm_bound_function_new(EnContext *cx, EnValue target, EnValue this_val,
                                   const EnValue *args, uint32_t nargs) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnObject *res = NULL;
    EnValue *ht = en_handle(cx, target);
    EnValue *hthis = en_handle(cx, this_val);
    EnObject *proto;
    if (!en_obj_get_prototype_of(cx, en_as_object(target), &proto)) goto done;
    EnValue *hproto = en_handle(cx, proto ? en_object_value(proto) : EN_NULL);
    EnValue *harr = en_handle(cx, EN_UNDEFINED);
    if (nargs) {
        EnValueArray *a = en_gc_alloc(cx, EN_CELL_VALUE_ARRAY,
                                      sizeof(EnValueArray) + nargs * sizeof(EnValue));
        if (!a) goto done;
        a->hdr.aux = nargs;
        a->length = nargs;
        memcpy(a->v, args, nargs * sizeof(EnValue));
        *harr = en_ptr_value(EN_TAG_CELL, a);
    }
    EnObject *o = en_obj_new(cx, EN_CLASS_BOUND_FUNCTION,
                             *hproto == EN_NULL ? NULL : en_as_object(*hproto), 2);
    if (!o) goto done;
    EnValue *ho = en_handle(cx, en_object_value(o));
    EnBoundFunction *b = (EnBoundFunction *)o;
    b->target = *ht;
    b->this_val = *hthis;
    b->args = *harr == EN_UNDEFINED ? NULL : (EnValueArray *)en_as_ptr(*harr);
    o->hdr.flags |= EN_OBJ_CALLABLE;
    if (en_as_object(*ht)->hdr.flags & EN_OBJ_CONSTRUCTOR) o->hdr.flags |= EN_OBJ_CONSTRUCTOR;
    // length = max(0, target.length - nargs) when target has an own number length.
    double len = 0;
    bool has;
    EnKey klen = en_key_atom(en_atom(cx, EN_ATOM_length));
    if (!en_has_own_property(cx, en_as_object(*ht), klen, &has)) goto done;
    if (has) {
        EnValue l = en_get(cx, *ht, klen);
        if (l == EN_EXCEPTION) goto done;
        if (en_is_number(l)) {
            double d = en_as_number(l);
            if (d == INFINITY) len = INFINITY;
            else if (d != -INFINITY && d == d) {
                d = trunc(d) - nargs;
                len = d > 0 ? d : 0;
            }
        }
    }
    EnValue nm = en_get(cx, *ht, en_key_atom(en_atom(cx, EN_ATOM_name)));
    if (nm == EN_EXCEPTION) goto done;
    EnStrBuilder sb;
    en_sb_init(&sb, cx);
    en_sb_ascii(&sb, "bound ", 6);
    if (en_is_string(nm)) en_sb_string(&sb, en_as_string(nm));
    EnString *name = en_sb_finish(&sb);
    if (!name) goto done;
    EnValue *hn = en_handle(cx, en_string_value(name));
    if (!en_define_value(cx, en_as_object(*ho), klen, en_number(len), EN_PROP_CONFIGURABLE) ||
        !en_define_value(cx, en_as_object(*ho), en_key_atom(en_atom(cx, EN_ATOM_name)), *hn,
                         EN_PROP_CONFIGURABLE))
        goto done;
    res = en_as_object(*ho);
done:
    en_handle_scope_close(&hs);
    return res;
}
