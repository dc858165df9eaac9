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
