// Unmapped arguments objects (CreateUnmappedArgumentsObject, ECMA-262
// §10.4.4.6): ordinary objects of class ARGUMENTS. Mapped arguments (class
// MAPPED_ARGUMENTS) belong to the VM, which registers their class ops.
#include "objmodel_int.h"

const EnClass en_class_arguments = {"Arguments", sizeof(EnObject), NULL, NULL, NULL};

EnObject *en_arguments_new_unmapped(EnContext *cx, uint32_t argc, const EnValue *argv) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnObject *o = en_obj_new(cx, EN_CLASS_ARGUMENTS, en_intrinsic(cx, EN_INTRINSIC_ObjectPrototype), 3);
    if (!o) goto fail;
    EnValue *ho = en_handle(cx, en_object_value(o));
    if (!en_obj_add_property(cx, o, en_key_atom(en_atom(cx, EN_ATOM_length)), en_int32((int32_t)argc),
                             EN_PROP_HIDDEN))
        goto fail;
    if (argc && !en_elem_reserve(cx, en_as_object(*ho), argc)) goto fail;
    for (uint32_t i = 0; i < argc; i++)
        if (!en_elem_put(cx, en_as_object(*ho), i, argv[i], EN_PROP_DEFAULT)) goto fail;
    EnObject *values = en_intrinsic(cx, EN_INTRINSIC_ArrayProtoValues);
    EnKey iter = en_symbol_value(en_well_known_symbol(cx, EN_SYM_iterator));
    if (!en_obj_add_property(cx, en_as_object(*ho), iter, values ? en_object_value(values) : EN_UNDEFINED,
                             EN_PROP_HIDDEN))
        goto fail;
    EnObject *thrower = en_intrinsic(cx, EN_INTRINSIC_ThrowTypeError);
    EnValue tv = thrower ? en_object_value(thrower) : EN_UNDEFINED;
    EnAccessor *acc = en_accessor_new(cx, tv, tv);
    if (!acc) goto fail;
    if (!en_obj_add_property(cx, en_as_object(*ho), en_key_atom(en_atom(cx, EN_ATOM_callee)),
                             en_ptr_value(EN_TAG_CELL, acc), EN_PROP_ACCESSOR))
        goto fail;
    o = en_as_object(*ho);
    en_handle_scope_close(&hs);
    return o;
fail:
    en_handle_scope_close(&hs);
    return NULL;
}

// ---------------------------------------------------------------------------
// Mapped arguments objects (CreateMappedArgumentsObject, §10.4.4.7) of
// sloppy functions with simple parameter lists: class MAPPED_ARGUMENTS,
// registered on first use. The compiler keeps such a function's parameters
// in its environment; map->v[i] is the environment slot of parameter i
// (an int32) while index i is mapped, undefined once unmapped.
#include "interp_runtime_int.h"

typedef struct EnMappedArguments {
    EnObject base;
    EnEnv *env;
    EnValueArray *map;
} EnMappedArguments;

static bool mapped_slot(EnObject *o, EnKey k, uint32_t *slot) {
    EnMappedArguments *m = (EnMappedArguments *)o;
    uint32_t i;
    if (!m->map || !en_key_is_index(k, &i) || i >= m->map->hdr.aux) return false;
    EnValue v = m->map->v[i];
    if (!en_is_int32(v)) return false;
    *slot = (uint32_t)en_as_int32(v);
    return true;
}

static void unmap(EnObject *o, EnKey k) {
    uint32_t i;
    EnMappedArguments *m = (EnMappedArguments *)o;
    if (en_key_is_index(k, &i)) m->map->v[i] = EN_UNDEFINED;
}

static bool margs_get_own(EnContext *cx, EnObject *o, EnKey k, EnPropDesc *out, bool *found) {
    if (!en_ordinary_get_own_property(cx, o, k, out, found)) return false;
    uint32_t slot = 0;
    if (*found && mapped_slot(o, k, &slot)) out->value = ((EnMappedArguments *)o)->env->slots[slot];
    return true;
}

static bool margs_define_own(EnContext *cx, EnObject *o, EnKey k, const EnPropDesc *d, bool *ok) {
    uint32_t slot = 0;
    bool mapped = mapped_slot(o, k, &slot);
    bool accessor = (d->has & (EN_DESC_HAS_GET | EN_DESC_HAS_SET)) != 0;
    bool readonly = (d->has & EN_DESC_HAS_WRITABLE) && !(d->attrs & EN_PROP_WRITABLE);
    EnPropDesc nd = *d;
    if (mapped && !accessor && !(d->has & EN_DESC_HAS_VALUE) && readonly) {
        nd.has |= EN_DESC_HAS_VALUE;
        nd.value = ((EnMappedArguments *)o)->env->slots[slot];
    }
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *ho = en_handle(cx, en_object_value(o));
    EnValue *hv = en_handle(cx, d->value);
    bool r = en_ordinary_define_own_property(cx, o, k, &nd, ok);
    o = en_as_object(*ho);
    if (r && *ok && mapped) {
        EnMappedArguments *m = (EnMappedArguments *)o;
        if (accessor) {
            unmap(o, k);
        } else {
            if (d->has & EN_DESC_HAS_VALUE) en_store(cx, m->env, &m->env->slots[slot], *hv);
            if (readonly) unmap(o, k);
        }
    }
    en_handle_scope_close(&hs);
    return r;
}

static bool margs_delete(EnContext *cx, EnObject *o, EnKey k, bool *ok) {
    uint32_t slot = 0;
    bool mapped = mapped_slot(o, k, &slot);
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *ho = en_handle(cx, en_object_value(o));
    bool r = en_ordinary_delete(cx, o, k, ok);
    if (r && *ok && mapped) unmap(en_as_object(*ho), k);
    en_handle_scope_close(&hs);
    return r;
}

static void margs_trace(EnGCTracer *t, EnObject *o) {
    EnMappedArguments *m = (EnMappedArguments *)o;
    en_gc_mark_cell(t, m->env);
    en_gc_mark_cell(t, m->map);
}

static const EnClassOps margs_ops = {
    .get_own_property = margs_get_own,
    .define_own_property = margs_define_own,
    .delete_property = margs_delete,
};

static const EnClass en_class_mapped_arguments = {"Arguments", sizeof(EnMappedArguments),
                                                  &margs_ops, margs_trace, NULL};

// The running function's mapped arguments object: R[base+i] is the
// environment slot (in fr->env) of parameter i, or -1 when a later
// parameter has the same name (argc = number of formal parameters).
EnValue en_rt_mapped_arguments(EnContext *cx, EnFrame *fr, EnValue acc, EnValue *args,
                               uint32_t argc) {
    (void)acc;
    if (en_class_of(EN_CLASS_MAPPED_ARGUMENTS) != &en_class_mapped_arguments)
        en_class_register(EN_CLASS_MAPPED_ARGUMENTS, &en_class_mapped_arguments);
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    uint32_t n = fr->argc;
    EnValue res = EN_EXCEPTION;
    EnObject *o = en_obj_new(cx, EN_CLASS_MAPPED_ARGUMENTS,
                             en_intrinsic(cx, EN_INTRINSIC_ObjectPrototype), 3);
    if (!o) goto done;
    EnValue *ho = en_handle(cx, en_object_value(o));
    ((EnMappedArguments *)o)->map = NULL;
    en_store_ptr(cx, o, (void **)&((EnMappedArguments *)o)->env, fr->env);
    uint32_t nmap = argc < n ? argc : n;
    if (nmap) {
        EnValueArray *map = en_gc_alloc(cx, EN_CELL_VALUE_ARRAY,
                                        sizeof(EnValueArray) + nmap * sizeof(EnValue));
        if (!map) goto done;
        map->hdr.aux = nmap;
        map->length = nmap;
        for (uint32_t i = 0; i < nmap; i++)
            map->v[i] = en_as_int32(args[i]) >= 0 ? args[i] : EN_UNDEFINED;
        en_store_ptr(cx, en_as_object(*ho), (void **)&((EnMappedArguments *)en_as_object(*ho))->map, map);
    }
    if (!en_obj_add_property(cx, en_as_object(*ho), en_key_atom(en_atom(cx, EN_ATOM_length)),
                             en_int32((int32_t)n), EN_PROP_HIDDEN))
        goto done;
    if (n && !en_elem_reserve(cx, en_as_object(*ho), n)) goto done;
    for (uint32_t i = 0; i < n; i++)
        if (!en_elem_put(cx, en_as_object(*ho), i, fr->argv[i], EN_PROP_DEFAULT)) goto done;
    EnObject *values = en_intrinsic(cx, EN_INTRINSIC_ArrayProtoValues);
    EnKey iter = en_symbol_value(en_well_known_symbol(cx, EN_SYM_iterator));
    if (!en_obj_add_property(cx, en_as_object(*ho), iter,
                             values ? en_object_value(values) : EN_UNDEFINED, EN_PROP_HIDDEN))
        goto done;
    if (!en_obj_add_property(cx, en_as_object(*ho), en_key_atom(en_atom(cx, EN_ATOM_callee)),
                             fr->callee ? en_object_value(fr->callee) : EN_UNDEFINED,
                             EN_PROP_HIDDEN))
        goto done;
    res = *ho;
done:
    en_handle_scope_close(&hs);
    return res;
}
