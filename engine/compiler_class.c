// Bytecode compiler: classes (ClassDefinitionEvaluation). The constructor
// is the explicit `constructor` method or a synthesized default one;
// instance fields and private methods are installed by a synthesized
// initializer function (EN_TF_FIELD_INIT) that the constructor runs on
// `this` (InitFields, or after super() returns); static fields and static
// blocks are synthesized functions (EN_TF_ELEMENT) called with this = the
// class. Private names are symbols stored in the class scope's environment.
#include "compiler_gen_int.h"

static bool is_private_key(const PsNode *key) { return key->kind == PS_NODE_PRIVATE_IDENTIFIER; }

// The class keeps, in body order, the computed keys of instance fields
// and the instance private methods in one array (the initializer's
// LdaFieldKey operand is the position).
static bool is_kept_element(const PsNode *m) {
    if (m->flags & PS_NF_STATIC) return false;
    if (m->kind == PS_NODE_PROPERTY_DEF) return (m->flags & PS_NF_COMPUTED) != 0;
    return m->kind == PS_NODE_METHOD_DEF && is_private_key(PS_AS(PsClassMember, m)->key);
}
static uint32_t element_slot(const PsListNode *body, uint32_t upto) {
    uint32_t n = 0;
    for (uint32_t i = 0; i < upto; i++) n += is_kept_element(body->items.items[i]);
    return n;
}
static void ensure_field_keys(Cg *cg, uint32_t *field_keys) {
    if (*field_keys != UINT32_MAX) return;
    *field_keys = cg_temp(cg);
    cg_op1(cg, EN_OP_CreateArray, 0);
    cg_op1(cg, EN_OP_Star, *field_keys);
}

// NamedEvaluation name of a field initializer: the identifier, or for a
// private name its source text ("#x").
static void field_name_hint(Cg *cg, const PsNode *m, PsClassMember *cm) {
    cg->name_hint = NULL;
    if (m->flags & PS_NF_COMPUTED) return;
    if (cm->key->kind == PS_NODE_IDENTIFIER) {
        cg->name_hint = PS_AS(PsIdent, cm->key)->name;
        cg->name_hint_len = cm->key->aux;
    } else if (cm->key->kind == PS_NODE_PRIVATE_IDENTIFIER) {
        cg->name_hint = cg->src->text + cm->key->start;
        cg->name_hint_len = cm->key->end - cm->key->start;
    }
}

static EnString *key_name(Cg *cg, const PsNode *key) {
    if (key->kind == PS_NODE_IDENTIFIER || key->kind == PS_NODE_PRIVATE_IDENTIFIER)
        return en_str_from_utf8(cg->cx, PS_AS(PsIdent, key)->name, key->aux);
    if (key->kind == PS_NODE_LITERAL && key->op == PS_LIT_STRING)
        return en_str_from_utf8(cg->cx, PS_AS(PsLiteral, key)->u.str, key->aux);
    return NULL;
}

void cg_load_private_name(Cg *cg, const PsNode *pid) {
    AnRef *ref = an_ref_of_node(cg->an, pid);
    AnBinding *b = ref ? ref->binding : an_binding_of_node(cg->an, pid);
    uint32_t hops, slot;
    if (!b || !cg_binding_slot(cg, b, ref ? ref->scope : b->scope, &hops, &slot)) {
        cg_error(cg, pid, "this private name");
        return;
    }
    cg_op2(cg, EN_OP_LdaEnv, hops, slot);
}

// Loads a (non-private) member key into a fresh register.
static uint32_t member_key(Cg *cg, PsNode *m, PsNode *key) {
    uint32_t k = cg_temp(cg);
    if (m->flags & PS_NF_COMPUTED) {
        cg_expr(cg, key);
        cg_op(cg, EN_OP_ToPropertyKey);
    } else if (key->kind == PS_NODE_IDENTIFIER) {
        cg_op1(cg, EN_OP_LdaConst, cg_atom(cg, PS_AS(PsIdent, key)->name, key->aux));
    } else {
        cg_expr(cg, key);
        cg_op(cg, EN_OP_ToPropertyKey);
    }
    cg_op1(cg, EN_OP_Star, k);
    return k;
}

static EnFunctionTemplate *special(Cg *cg, PsNode *node, uint32_t flags, EnString *name) {
    EnFunctionTemplate *t = en_bc_template_new_special(cg->cx, cg->src, node, flags, name);
    if (!t) cg->failed = true;
    return t;
}

void cg_class(Cg *cg, PsNode *n) {
    PsClass *c = PS_AS(PsClass, n);
    PsListNode *body = PS_AS(PsListNode, c->body);
    AnScope *cs = cg_scope_of(cg, n);
    uint32_t mark = cg->next_reg;
    // Name: own id, else the NamedEvaluation hint.
    EnString *name = NULL;
    if (c->id) name = en_str_from_utf8(cg->cx, PS_AS(PsIdent, c->id)->name, c->id->aux);
    else if (cg->name_hint) name = en_str_from_utf8(cg->cx, cg->name_hint, cg->name_hint_len);
    else name = en_str_empty(cg->cx);
    cg->name_hint = NULL;
    if (!name) {
        cg->failed = true;
        return;
    }
    uint32_t kname = cg_const(cg, en_string_value(name));
    cg_enter_scope(cg, cs);
    uint32_t heritage = cg_temp(cg);
    uint32_t proto = cg_temp(cg);
    uint32_t klass = cg_temp(cg);
    uint32_t field_keys = UINT32_MAX;
    if (c->super_class) {
        cg_expr(cg, c->super_class);
        cg_op1(cg, EN_OP_Star, heritage);
    }
    // Constructor template.
    PsNode *ctor = NULL;
    bool has_instance_elements = false;
    for (uint32_t i = 0; i < body->items.count; i++) {
        PsNode *m = body->items.items[i];
        if (m->kind == PS_NODE_METHOD_DEF && m->op == PS_PROP_CONSTRUCTOR)
            ctor = PS_AS(PsClassMember, m)->value;
        else if (!(m->flags & PS_NF_STATIC) &&
                 (m->kind == PS_NODE_PROPERTY_DEF ||
                  (m->kind == PS_NODE_METHOD_DEF && is_private_key(PS_AS(PsClassMember, m)->key))))
            has_instance_elements = true;
        else if (m->kind == PS_NODE_ACCESSOR_PROPERTY) {
            cg_error(cg, m, "accessor class fields");
            return;
        }
    }
    EnFunctionTemplate *ct;
    if (ctor) {
        ct = en_bc_template_new(cg->cx, cg->src, ctor);
        if (!ct) {
            cg->failed = true;
            return;
        }
        name = en_as_string(cg->consts.items[kname]);
        ct->name = name;
        ct->flags |= EN_TF_CLASS_CTOR;
        ct->src_start = n->start + 1;  // toString of a class: the class text
        ct->src_end = n->end + 1;
        if (c->super_class) ct->flags |= EN_TF_DERIVED;
    } else {
        ct = special(cg, n, EN_TF_DEFAULT_CTOR | EN_TF_CLASS_CTOR | EN_TF_STRICT |
                                (c->super_class ? EN_TF_DERIVED : 0),
                     en_as_string(cg->consts.items[kname]));
        if (!ct) return;
    }
    uint32_t kct = cg_const(cg, en_cell_value(ct));
    cg_pos(cg, n->start);
    cg_op3(cg, EN_OP_DefineClass, kct, heritage, c->super_class ? 1 : 0);
    cg_op1(cg, EN_OP_Star, klass);
    // Methods and accessors (public ones; private methods go to the
    // initializer).
    for (uint32_t i = 0; i < body->items.count && !cg->failed; i++) {
        PsNode *m = body->items.items[i];
        if (m->kind == PS_NODE_PROPERTY_DEF && !(m->flags & PS_NF_STATIC) &&
            (m->flags & PS_NF_COMPUTED)) {
            // Computed instance field keys are evaluated now, in order, and
            // kept for the initializer (LdaFieldKey).
            ensure_field_keys(cg, &field_keys);
            uint32_t m2 = cg->next_reg;
            cg_expr(cg, PS_AS(PsClassMember, m)->key);
            cg_op(cg, EN_OP_ToPropertyKey);
            cg_op1(cg, EN_OP_ArrayPush, field_keys);
            cg_temps_free(cg, m2);
            continue;
        }
        if (m->kind != PS_NODE_METHOD_DEF || m->op == PS_PROP_CONSTRUCTOR) continue;
        PsClassMember *cm = PS_AS(PsClassMember, m);
        bool is_static = (m->flags & PS_NF_STATIC) != 0;
        if (is_private_key(cm->key)) {
            if (!is_static) {
                // Created once, kept with the computed field keys; the
                // initializer installs the same function on each instance.
                ensure_field_keys(cg, &field_keys);
                cg->name_hint = NULL;
                cg_closure(cg, cm->value);
                cg_method_source(cg, m);
                cg_op1(cg, EN_OP_SetHomeObject, proto);
                cg_op1(cg, EN_OP_ArrayPush, field_keys);
                continue;
            }
            uint32_t m2 = cg->next_reg;
            uint32_t k = cg_temp(cg);
            cg_load_private_name(cg, cm->key);
            cg_op1(cg, EN_OP_Star, k);
            cg->name_hint = NULL;
            cg_closure(cg, cm->value);
            cg_method_source(cg, m);
            cg_op3(cg, EN_OP_DefinePrivateMethod, klass, k,
                   m->op == PS_PROP_GET ? 1 : m->op == PS_PROP_SET ? 2 : 0);
            cg_temps_free(cg, m2);
            continue;
        }
        uint32_t m2 = cg->next_reg;
        uint32_t k = member_key(cg, m, cm->key);
        if (!(m->flags & PS_NF_COMPUTED) && cm->key->kind == PS_NODE_IDENTIFIER) {
            cg->name_hint = PS_AS(PsIdent, cm->key)->name;
            cg->name_hint_len = cm->key->aux;
        } else {
            cg->name_hint = NULL;
        }
        cg_closure(cg, cm->value);
        cg_method_source(cg, m);
        uint32_t kind = m->op == PS_PROP_GET ? 1 : m->op == PS_PROP_SET ? 2 : 0;
        if (!kind && (m->flags & PS_NF_COMPUTED)) cg_op1(cg, EN_OP_SetFnName, k);
        cg_op3(cg, EN_OP_DefineMethod, is_static ? klass : proto, k, kind);
        cg_temps_free(cg, m2);
    }
    if (has_instance_elements) {
        EnFunctionTemplate *ft = special(cg, n, EN_TF_FIELD_INIT | EN_TF_STRICT | EN_TF_METHOD,
                                         NULL);
        if (!ft) return;
        cg_op1(cg, EN_OP_CreateClosure, cg_const(cg, en_cell_value(ft)));
        if (field_keys != UINT32_MAX) cg_op1(cg, EN_OP_SetFieldKeys, field_keys);
        cg_op1(cg, EN_OP_SetFields, klass);
    }
    // The inner name binding.
    if (cs) {
        for (AnBinding *b = cs->bindings; b; b = b->next) {
            if (b->kind != AN_BIND_CLASS_NAME) continue;
            cg_op1(cg, EN_OP_Ldar, klass);
            cg_store_binding(cg, b, b->id, true);
        }
    }
    // Static fields and blocks, in order.
    for (uint32_t i = 0; i < body->items.count && !cg->failed; i++) {
        PsNode *m = body->items.items[i];
        bool is_static_field = m->kind == PS_NODE_PROPERTY_DEF && (m->flags & PS_NF_STATIC);
        if (!is_static_field && m->kind != PS_NODE_STATIC_BLOCK) continue;
        uint32_t m2 = cg->next_reg;
        uint32_t k = UINT32_MAX;
        PsClassMember *cm = PS_AS(PsClassMember, m);
        if (is_static_field) {
            if (is_private_key(cm->key)) {
                k = cg_temp(cg);
                cg_load_private_name(cg, cm->key);
                cg_op1(cg, EN_OP_Star, k);
            } else {
                k = member_key(cg, m, cm->key);
            }
        }
        EnFunctionTemplate *et = special(cg, m, EN_TF_ELEMENT | EN_TF_STRICT | EN_TF_METHOD,
                                         is_static_field ? key_name(cg, cm->key) : NULL);
        if (!et) return;
        cg_op1(cg, EN_OP_CreateClosure, cg_const(cg, en_cell_value(et)));
        cg_op1(cg, EN_OP_CallElement, klass);
        if (is_static_field) {
            if (is_private_key(cm->key)) cg_op2(cg, EN_OP_DefinePrivate, klass, k);
            else cg_op2(cg, EN_OP_DefineKeyed, klass, k);
        }
        cg_temps_free(cg, m2);
    }
    cg_op1(cg, EN_OP_Ldar, klass);
    cg_leave_scope(cg, cs);
    cg_temps_free(cg, mark);
}

// Bodies of synthesized functions.
void cg_compile_special(Cg *cg) {
    EnFunctionTemplate *t = cg->tmpl;
    if (t->flags & EN_TF_DEFAULT_CTOR) {
        if (t->flags & EN_TF_DERIVED) {
            uint32_t r = cg_temp(cg);
            cg_op1(cg, EN_OP_CreateRest, 0);
            cg_op1(cg, EN_OP_Star, r);
            cg_op1(cg, EN_OP_SuperCallSpread, r);
        } else {
            cg_op(cg, EN_OP_InitFields);
        }
        cg_op(cg, EN_OP_LdaUndef);
        cg_op(cg, EN_OP_Return);
        return;
    }
    if (t->flags & EN_TF_FIELD_INIT) {
        PsListNode *body = PS_AS(PsListNode, PS_AS(PsClass, t->node)->body);
        uint32_t self = cg_temp(cg);
        cg_op(cg, EN_OP_LdaThis);
        cg_op1(cg, EN_OP_Star, self);
        // Private methods first, then fields in order.
        for (int pass = 0; pass < 2 && !cg->failed; pass++) {
            for (uint32_t i = 0; i < body->items.count && !cg->failed; i++) {
                PsNode *m = body->items.items[i];
                if (m->flags & PS_NF_STATIC) continue;
                PsClassMember *cm = PS_AS(PsClassMember, m);
                uint32_t mark = cg->next_reg;
                if (pass == 0 && m->kind == PS_NODE_METHOD_DEF && is_private_key(cm->key)) {
                    uint32_t k = cg_temp(cg);
                    cg_load_private_name(cg, cm->key);
                    cg_op1(cg, EN_OP_Star, k);
                    cg_op1(cg, EN_OP_LdaFieldKey, element_slot(body, i));
                    cg_op3(cg, EN_OP_DefinePrivateMethod, self, k,
                           m->op == PS_PROP_GET ? 1 : m->op == PS_PROP_SET ? 2 : 0);
                } else if (pass == 1 && m->kind == PS_NODE_PROPERTY_DEF) {
                    uint32_t k = cg_temp(cg);
                    if (m->flags & PS_NF_COMPUTED) cg_op1(cg, EN_OP_LdaFieldKey, element_slot(body, i));
                    else if (is_private_key(cm->key)) cg_load_private_name(cg, cm->key);
                    else if (cm->key->kind == PS_NODE_IDENTIFIER)
                        cg_op1(cg, EN_OP_LdaConst,
                               cg_atom(cg, PS_AS(PsIdent, cm->key)->name, cm->key->aux));
                    else {
                        cg_expr(cg, cm->key);
                        cg_op(cg, EN_OP_ToPropertyKey);
                    }
                    cg_op1(cg, EN_OP_Star, k);
                    AnScope *fs = cg_scope_of(cg, m);
                    cg_enter_scope(cg, fs);
                    if (cm->value) {
                        field_name_hint(cg, m, cm);
                        cg_expr(cg, cm->value);
                        cg->name_hint = NULL;
                        if ((m->flags & PS_NF_COMPUTED) && cg_is_anon_fn(cm->value))
                            cg_op1(cg, EN_OP_SetFnName, k);
                    } else {
                        cg_op(cg, EN_OP_LdaUndef);
                    }
                    cg_leave_scope(cg, fs);
                    if (is_private_key(cm->key)) cg_op2(cg, EN_OP_DefinePrivate, self, k);
                    else cg_op2(cg, EN_OP_DefineKeyed, self, k);
                }
                cg_temps_free(cg, mark);
            }
        }
        cg_op(cg, EN_OP_LdaUndef);
        cg_op(cg, EN_OP_Return);
        return;
    }
    // EN_TF_ELEMENT: a static field's value or a static block.
    PsNode *m = t->node;
    AnScope *s = cg_scope_of(cg, m);
    cg_enter_scope(cg, s);
    if (m->kind == PS_NODE_STATIC_BLOCK) {
        cg_stmts(cg, &PS_AS(PsListNode, m)->items);
        cg_op(cg, EN_OP_LdaUndef);
    } else {
        PsClassMember *cm = PS_AS(PsClassMember, m);
        if (cm->value) {
            field_name_hint(cg, m, cm);
            cg_expr(cg, cm->value);
        } else {
            cg_op(cg, EN_OP_LdaUndef);
        }
    }
    cg_op(cg, EN_OP_Return);
}
