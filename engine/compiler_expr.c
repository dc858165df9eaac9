// Bytecode compiler: expressions (result in the accumulator), assignment
// targets and destructuring patterns, constant folding of literals.
#include <math.h>

#include "bigint_int.h"
#include "compiler_gen_int.h"

void cg_expr_to(Cg *cg, PsNode *n, uint32_t reg) {
    cg_expr(cg, n);
    cg_op1(cg, EN_OP_Star, reg);
}

uint32_t cg_expr_temp(Cg *cg, PsNode *n) {
    cg_expr(cg, n);
    uint32_t r = cg_temp(cg);
    cg_op1(cg, EN_OP_Star, r);
    return r;
}

void cg_set_name_hint(Cg *cg, const PsNode *target) {
    if (target && target->kind == PS_NODE_IDENTIFIER) {
        cg->name_hint = PS_AS(PsIdent, target)->name;
        cg->name_hint_len = target->aux;
    } else {
        cg->name_hint = NULL;
    }
}

bool cg_is_anon_fn(const PsNode *n) {
    return (n->kind == PS_NODE_FUNCTION_EXPR && !PS_AS(PsFunction, n)->id) ||
           n->kind == PS_NODE_ARROW_FUNCTION || (n->kind == PS_NODE_CLASS_EXPR && !PS_AS(PsClass, n)->id);
}

static void lda_string(Cg *cg, const char *s, uint32_t len) {
    EnString *str = en_str_from_utf8(cg->cx, s, len);
    if (!str) {
        cg->failed = true;
        return;
    }
    cg_op1(cg, EN_OP_LdaConst, cg_const(cg, en_string_value(str)));
}

// ---------------------------------------------------------------------------
// Constant folding of number literals (and unary minus on them).

static bool const_number(const PsNode *n, double *out) {
    if (n->kind == PS_NODE_LITERAL && n->op == PS_LIT_NUMBER) {
        *out = PS_AS(PsLiteral, n)->u.number;
        return true;
    }
    if (n->kind == PS_NODE_UNARY_EXPR && n->op == PS_OP_NEG &&
        const_number(PS_AS(PsUnary, n)->arg, out)) {
        *out = -*out;
        return true;
    }
    if (n->kind == PS_NODE_BINARY_EXPR) {
        double a, b;
        if (!const_number(PS_AS(PsBinary, n)->left, &a) ||
            !const_number(PS_AS(PsBinary, n)->right, &b))
            return false;
        switch (n->op) {
        case PS_OP_ADD: *out = a + b; return true;
        case PS_OP_SUB: *out = a - b; return true;
        case PS_OP_MUL: *out = a * b; return true;
        case PS_OP_DIV: *out = a / b; return true;
        default: return false;
        }
    }
    return false;
}

// ---------------------------------------------------------------------------
// Literals.

static bool key_is_index(const char *s, uint32_t len) {
    if (len == 0 || len > 10) return false;
    if (len > 1 && s[0] == '0') return false;
    uint64_t v = 0;
    for (uint32_t i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9') return false;
        v = v * 10 + (uint64_t)(s[i] - '0');
    }
    return v < 0xFFFFFFFFull;
}

static void literal(Cg *cg, PsNode *n) {
    PsLiteral *l = PS_AS(PsLiteral, n);
    switch (n->op) {
    case PS_LIT_NULL: cg_op(cg, EN_OP_LdaNull); break;
    case PS_LIT_TRUE: cg_op(cg, EN_OP_LdaTrue); break;
    case PS_LIT_FALSE: cg_op(cg, EN_OP_LdaFalse); break;
    case PS_LIT_NUMBER: cg_lda_number(cg, l->u.number); break;
    case PS_LIT_STRING: lda_string(cg, l->u.str, n->aux); break;
    case PS_LIT_REGEX: {
        const char *src = cg->src->text;
        uint32_t fstart = n->start + 1 + n->aux + 1;
        EnString *p = en_str_from_utf8(cg->cx, l->u.str, n->aux);
        if (!p) { cg->failed = true; return; }
        uint32_t kp = cg_const(cg, en_string_value(p));
        EnString *f = en_str_from_utf8(cg->cx, src + fstart, n->end - fstart);
        if (!f) { cg->failed = true; return; }
        cg_pos(cg, n->start);
        cg_op2(cg, EN_OP_CreateRegExp, kp, cg_const(cg, en_string_value(f)));
        break;
    }
    case PS_LIT_BIGINT: {
        EnValue v = en_bigint_from_literal(cg->cx, l->u.str, n->aux);
        if (v == EN_EXCEPTION) {
            cg->failed = true;
            return;
        }
        cg_op1(cg, EN_OP_LdaConst, cg_const(cg, v));
        break;
    }
    default: cg_error(cg, n, "this literal"); break;
    }
}

static void template_literal(Cg *cg, PsNode *n) {
    PsTemplate *t = PS_AS(PsTemplate, n);
    PsTemplateElement *q0 = PS_AS(PsTemplateElement, t->quasis.items[0]);
    lda_string(cg, q0->cooked ? q0->cooked : "", q0->h.aux);
    if (!t->expressions.count) return;
    uint32_t mark = cg->next_reg;
    uint32_t acc = cg_temp(cg);
    for (uint32_t i = 0; i < t->expressions.count; i++) {
        cg_op1(cg, EN_OP_Star, acc);
        cg_expr(cg, t->expressions.items[i]);
        cg_op(cg, EN_OP_ToStr);
        cg_op2(cg, EN_OP_Add, acc, cg_fb(cg));
        PsTemplateElement *q = PS_AS(PsTemplateElement, t->quasis.items[i + 1]);
        if (q->h.aux) {
            cg_op1(cg, EN_OP_Star, acc);
            lda_string(cg, q->cooked ? q->cooked : "", q->h.aux);
            cg_op2(cg, EN_OP_Add, acc, cg_fb(cg));
        }
    }
    cg_temps_free(cg, mark);
}

static void array_literal(Cg *cg, PsNode *n) {
    PsListNode *a = PS_AS(PsListNode, n);
    uint32_t mark = cg->next_reg;
    cg_op1(cg, EN_OP_CreateArray, a->items.count);
    uint32_t arr = cg_temp(cg);
    cg_op1(cg, EN_OP_Star, arr);
    for (uint32_t i = 0; i < a->items.count; i++) {
        PsNode *e = a->items.items[i];
        if (!e) {
            cg_op1(cg, EN_OP_ArrayHole, arr);
        } else if (e->kind == PS_NODE_SPREAD_ELEMENT) {
            cg_expr(cg, PS_AS(PsUnary, e)->arg);
            cg_pos(cg, e->start);
            cg_op1(cg, EN_OP_ArraySpread, arr);
        } else {
            cg_expr(cg, e);
            cg_op1(cg, EN_OP_ArrayPush, arr);
        }
    }
    cg_op1(cg, EN_OP_Ldar, arr);
    cg_temps_free(cg, mark);
}

// Loads a property key (non-computed) into a register; sets *atom when the
// key is a plain name usable by GetNamed/DefineField.
static bool static_key(Cg *cg, PsNode *key, uint32_t *atom) {
    if (key->kind == PS_NODE_IDENTIFIER) {
        *atom = cg_atom(cg, PS_AS(PsIdent, key)->name, key->aux);
        return true;
    }
    if (key->kind == PS_NODE_LITERAL && key->op == PS_LIT_STRING &&
        !key_is_index(PS_AS(PsLiteral, key)->u.str, key->aux)) {
        *atom = cg_atom(cg, PS_AS(PsLiteral, key)->u.str, key->aux);
        return true;
    }
    return false;
}

static void key_to_acc(Cg *cg, PsNode *key, bool computed) {
    if (computed) {
        cg_expr(cg, key);
        cg_op(cg, EN_OP_ToPropertyKey);
    } else if (key->kind == PS_NODE_IDENTIFIER) {
        lda_string(cg, PS_AS(PsIdent, key)->name, key->aux);
    } else {
        cg_expr(cg, key);
        cg_op(cg, EN_OP_ToPropertyKey);
    }
}

static void object_literal(Cg *cg, PsNode *n) {
    PsListNode *o = PS_AS(PsListNode, n);
    uint32_t mark = cg->next_reg;
    cg_op(cg, EN_OP_CreateObject);
    uint32_t obj = cg_temp(cg);
    cg_op1(cg, EN_OP_Star, obj);
    for (uint32_t i = 0; i < o->items.count && !cg->failed; i++) {
        PsNode *p = o->items.items[i];
        uint32_t m2 = cg->next_reg;
        if (p->kind == PS_NODE_SPREAD_ELEMENT) {
            cg_expr(cg, PS_AS(PsUnary, p)->arg);
            cg_op1(cg, EN_OP_CopyDataProps, obj);
            continue;
        }
        PsProperty *pr = PS_AS(PsProperty, p);
        bool computed = (p->flags & PS_NF_COMPUTED) != 0;
        uint32_t atom;
        if (p->op == PS_PROP_GET || p->op == PS_PROP_SET) {
            uint32_t k = cg_temp(cg);
            key_to_acc(cg, pr->key, computed);
            cg_op1(cg, EN_OP_Star, k);
            cg->name_hint = NULL;
            cg_closure(cg, pr->value);
            cg_method_source(cg, p);
            cg_op2(cg, p->op == PS_PROP_GET ? EN_OP_DefineGetter : EN_OP_DefineSetter, obj, k);
            cg_temps_free(cg, m2);
            continue;
        }
        if (!computed && !(p->flags & (PS_NF_SHORTHAND | PS_NF_METHOD)) &&
            ((pr->key->kind == PS_NODE_IDENTIFIER && pr->key->aux == 9 &&
              !memcmp(PS_AS(PsIdent, pr->key)->name, "__proto__", 9)) ||
             (pr->key->kind == PS_NODE_LITERAL && pr->key->op == PS_LIT_STRING &&
              pr->key->aux == 9 && !memcmp(PS_AS(PsLiteral, pr->key)->u.str, "__proto__", 9)))) {
            cg_expr(cg, pr->value);
            cg_op1(cg, EN_OP_SetProto, obj);
            continue;
        }
        if (!computed && static_key(cg, pr->key, &atom)) {
            if (cg_is_anon_fn(pr->value)) {
                if (pr->key->kind == PS_NODE_IDENTIFIER) {
                    cg->name_hint = PS_AS(PsIdent, pr->key)->name;
                    cg->name_hint_len = pr->key->aux;
                } else {
                    cg->name_hint = PS_AS(PsLiteral, pr->key)->u.str;
                    cg->name_hint_len = pr->key->aux;
                }
            }
            cg_expr(cg, pr->value);
            if (p->flags & PS_NF_METHOD) {
                cg_method_source(cg, p);
                cg_op1(cg, EN_OP_SetHomeObject, obj);
            }
            cg_op2(cg, EN_OP_DefineField, obj, atom);
            continue;
        }
        uint32_t k = cg_temp(cg);
        key_to_acc(cg, pr->key, computed);
        cg_op1(cg, EN_OP_Star, k);
        cg->name_hint = NULL;
        cg_expr(cg, pr->value);
        if (p->flags & PS_NF_METHOD) cg_method_source(cg, p);
        if (cg_is_anon_fn(pr->value)) cg_op1(cg, EN_OP_SetFnName, k);
        if (p->flags & PS_NF_METHOD) cg_op1(cg, EN_OP_SetHomeObject, obj);
        cg_op2(cg, EN_OP_DefineKeyed, obj, k);
        cg_temps_free(cg, m2);
    }
    cg_op1(cg, EN_OP_Ldar, obj);
    cg_temps_free(cg, mark);
}

// ---------------------------------------------------------------------------
// Member access and calls.

static void optional_check(Cg *cg) {
    if (!cg->chain_nullish) return;
    och_vec_push(cg->chain_nullish, cg_jump(cg, EN_OP_JmpNullish));
}

// Loads obj.prop / obj[key] where the object is already in register obj.
static void member_get(Cg *cg, PsMember *m, uint32_t obj) {
    cg_pos(cg, m->property->start);
    if (m->h.flags & PS_NF_COMPUTED) {
        cg_expr(cg, m->property);
        cg_pos(cg, m->property->start);
        cg_op2(cg, EN_OP_GetKeyed, obj, cg_fb(cg));
    } else if (m->property->kind == PS_NODE_PRIVATE_IDENTIFIER) {
        cg_load_private_name(cg, m->property);
        cg_op1(cg, EN_OP_GetPrivate, obj);
    } else {
        cg_op3(cg, EN_OP_GetNamed, obj, cg_atom(cg, PS_AS(PsIdent, m->property)->name,
                                                  m->property->aux), cg_fb(cg));
    }
}

// super.x / super[x] (receiver: this).
static void super_get(Cg *cg, PsMember *m) {
    cg_pos(cg, m->property->start);
    if (m->h.flags & PS_NF_COMPUTED) {
        // GetThisBinding, the key expression, GetSuperBase, then
        // ToPropertyKey (in GetSuperKeyed).
        cg_op(cg, EN_OP_LdaThis);
        cg_expr(cg, m->property);
        cg_op(cg, EN_OP_GetSuperKeyed);
    } else {
        cg_op1(cg, EN_OP_GetSuper,
               cg_atom(cg, PS_AS(PsIdent, m->property)->name, m->property->aux));
    }
}

static void member_expr(Cg *cg, PsNode *n) {
    PsMember *m = PS_AS(PsMember, n);
    if (m->object->kind == PS_NODE_SUPER) {
        super_get(cg, m);
        return;
    }
    uint32_t mark = cg->next_reg;
    cg_expr(cg, m->object);
    if (n->flags & PS_NF_OPTIONAL) optional_check(cg);
    uint32_t obj = cg_temp(cg);
    cg_op1(cg, EN_OP_Star, obj);
    member_get(cg, m, obj);
    cg_temps_free(cg, mark);
}

static bool has_spread(const PsList *args) {
    for (uint32_t i = 0; i < args->count; i++)
        if (args->items[i]->kind == PS_NODE_SPREAD_ELEMENT) return true;
    return false;
}

// Builds an array of the arguments (for calls with spread) into acc.
static void args_array(Cg *cg, const PsList *args) {
    uint32_t mark = cg->next_reg;
    cg_op1(cg, EN_OP_CreateArray, args->count);
    uint32_t arr = cg_temp(cg);
    cg_op1(cg, EN_OP_Star, arr);
    for (uint32_t i = 0; i < args->count; i++) {
        PsNode *e = args->items[i];
        if (e->kind == PS_NODE_SPREAD_ELEMENT) {
            cg_expr(cg, PS_AS(PsUnary, e)->arg);
            cg_op1(cg, EN_OP_ArraySpread, arr);
        } else {
            cg_expr(cg, e);
            cg_op1(cg, EN_OP_ArrayPush, arr);
        }
    }
    cg_op1(cg, EN_OP_Ldar, arr);
    cg_temps_free(cg, mark);
}

static void call_expr(Cg *cg, PsNode *n) {
    PsCall *c = PS_AS(PsCall, n);
    uint32_t mark = cg->next_reg;
    uint32_t fn = cg_temp(cg);
    uint32_t base = cg_temp(cg);  // this, then the arguments
    PsNode *callee = c->callee;
    uint32_t pos = callee->start;
    if (callee->kind == PS_NODE_SUPER) {
        cg_temps_free(cg, fn);
        uint32_t b = cg->next_reg;
        if (has_spread(&c->arguments)) {
            b = cg_temp(cg);
            args_array(cg, &c->arguments);
            cg_op1(cg, EN_OP_Star, b);
            cg_pos(cg, n->start);
            cg_op1(cg, EN_OP_SuperCallSpread, b);
        } else {
            for (uint32_t i = 0; i < c->arguments.count; i++) {
                uint32_t r = cg_temp(cg);
                cg_expr_to(cg, c->arguments.items[i], r);
            }
            cg_pos(cg, n->start);
            cg_op2(cg, EN_OP_SuperCall, b, c->arguments.count);
        }
        cg_temps_free(cg, mark);
        return;
    }
    if (callee->kind == PS_NODE_MEMBER_EXPR && PS_AS(PsMember, callee)->object->kind == PS_NODE_SUPER) {
        PsMember *m = PS_AS(PsMember, callee);
        cg_op(cg, EN_OP_LdaThis);
        cg_op1(cg, EN_OP_Star, base);
        super_get(cg, m);
        pos = m->property->start;
    } else if (callee->kind == PS_NODE_MEMBER_EXPR) {
        PsMember *m = PS_AS(PsMember, callee);
        cg_expr(cg, m->object);
        if (callee->flags & PS_NF_OPTIONAL) optional_check(cg);
        cg_op1(cg, EN_OP_Star, base);
        member_get(cg, m, base);
        pos = m->property->start;
    } else {
        if (callee->kind == PS_NODE_IDENTIFIER) {
            CgCallHook h = cg_call_ident(cg, n, fn, base);
            if (h == CG_CALL_DONE) {
                cg_temps_free(cg, mark);
                return;
            }
            if (h == CG_CALL_CALLEE_LOADED) {
                if (n->flags & PS_NF_OPTIONAL) {
                    cg_op1(cg, EN_OP_Ldar, fn);
                    optional_check(cg);
                }
                goto args;
            }
        }
        // Plain call: this is undefined.
        cg_expr(cg, callee);
        cg_op1(cg, EN_OP_Star, fn);
        cg_op(cg, EN_OP_LdaUndef);
        cg_op1(cg, EN_OP_Star, base);
        if (n->flags & PS_NF_OPTIONAL) {
            cg_op1(cg, EN_OP_Ldar, fn);
            optional_check(cg);
        }
        goto args;
    }
    if (n->flags & PS_NF_OPTIONAL) optional_check(cg);
    cg_op1(cg, EN_OP_Star, fn);
args:
    if (has_spread(&c->arguments)) {
        uint32_t arr = cg_temp(cg);
        args_array(cg, &c->arguments);
        cg_op1(cg, EN_OP_Star, arr);
        cg_pos(cg, pos);
        cg_op2(cg, EN_OP_CallSpread, fn, base);
    } else {
        for (uint32_t i = 0; i < c->arguments.count; i++) {
            uint32_t r = cg_temp(cg);
            cg_expr_to(cg, c->arguments.items[i], r);
        }
        cg_pos(cg, pos);
        cg_op4(cg, EN_OP_Call, fn, base, c->arguments.count, cg_fb(cg));
    }
    cg_temps_free(cg, mark);
}

// tag`a${x}b`: tag(stringsObject, x) with the site's cached strings object.
static void tagged_template(Cg *cg, PsNode *n) {
    PsTaggedTemplate *tt = PS_AS(PsTaggedTemplate, n);
    PsTemplate *q = PS_AS(PsTemplate, tt->quasi);
    uint32_t mark = cg->next_reg;
    uint32_t fn = cg_temp(cg);
    uint32_t base = cg_temp(cg);
    PsNode *callee = tt->tag;
    if (callee->kind == PS_NODE_MEMBER_EXPR && PS_AS(PsMember, callee)->object->kind != PS_NODE_SUPER) {
        PsMember *m = PS_AS(PsMember, callee);
        cg_expr(cg, m->object);
        cg_op1(cg, EN_OP_Star, base);
        member_get(cg, m, base);
    } else {
        cg_expr(cg, callee);
        cg_op1(cg, EN_OP_Star, fn);
        cg_op(cg, EN_OP_LdaUndef);
        cg_op1(cg, EN_OP_Star, base);
        cg_op1(cg, EN_OP_Ldar, fn);
    }
    cg_op1(cg, EN_OP_Star, fn);
    uint32_t nq = q->quasis.count;
    uint32_t first = cg->consts.len;
    for (uint32_t pass = 0; pass < 2; pass++) {
        for (uint32_t i = 0; i < nq; i++) {
            PsTemplateElement *e = PS_AS(PsTemplateElement, q->quasis.items[i]);
            EnValue v = EN_UNDEFINED;
            const char *txt = pass ? e->raw : e->cooked;
            uint32_t len = pass ? e->raw_len : e->h.aux;
            if (txt || pass) {
                EnString *str = en_str_from_utf8(cg->cx, txt ? txt : "", len);
                if (!str) {
                    cg->failed = true;
                    return;
                }
                v = en_string_value(str);
            }
            och_vec_push(&cg->consts, v);
        }
    }
    uint32_t a0 = cg_temp(cg);
    cg_op3(cg, EN_OP_GetTemplateObject, cg_fb(cg), nq, first);
    cg_op1(cg, EN_OP_Star, a0);
    for (uint32_t i = 0; i < q->expressions.count; i++) {
        uint32_t r = cg_temp(cg);
        cg_expr_to(cg, q->expressions.items[i], r);
    }
    cg_pos(cg, n->start);
    cg_op4(cg, EN_OP_Call, fn, base, q->expressions.count + 1, cg_fb(cg));
    cg_temps_free(cg, mark);
}

static void new_expr(Cg *cg, PsNode *n) {
    PsCall *c = PS_AS(PsCall, n);
    uint32_t mark = cg->next_reg;
    uint32_t fn = cg_temp(cg);
    cg_expr_to(cg, c->callee, fn);
    uint32_t base = cg->next_reg;
    if (has_spread(&c->arguments)) {
        base = cg_temp(cg);
        args_array(cg, &c->arguments);
        cg_op1(cg, EN_OP_Star, base);
        cg_pos(cg, n->start);
        cg_op2(cg, EN_OP_NewSpread, fn, base);
    } else {
        for (uint32_t i = 0; i < c->arguments.count; i++) {
            uint32_t r = cg_temp(cg);
            cg_expr_to(cg, c->arguments.items[i], r);
        }
        cg_pos(cg, n->start);
        cg_op4(cg, EN_OP_New, fn, base, c->arguments.count, cg_fb(cg));
    }
    cg_temps_free(cg, mark);
}

// ---------------------------------------------------------------------------
// Operators.

static EnOpcode binary_opcode(PsOp op) {
    switch (op) {
    case PS_OP_ADD: case PS_OP_ADD_ASSIGN: return EN_OP_Add;
    case PS_OP_SUB: case PS_OP_SUB_ASSIGN: return EN_OP_Sub;
    case PS_OP_MUL: case PS_OP_MUL_ASSIGN: return EN_OP_Mul;
    case PS_OP_DIV: case PS_OP_DIV_ASSIGN: return EN_OP_Div;
    case PS_OP_MOD: case PS_OP_MOD_ASSIGN: return EN_OP_Mod;
    case PS_OP_EXP: case PS_OP_EXP_ASSIGN: return EN_OP_Exp;
    case PS_OP_BITOR: case PS_OP_BITOR_ASSIGN: return EN_OP_BitOr;
    case PS_OP_BITXOR: case PS_OP_BITXOR_ASSIGN: return EN_OP_BitXor;
    case PS_OP_BITAND: case PS_OP_BITAND_ASSIGN: return EN_OP_BitAnd;
    case PS_OP_SHL: case PS_OP_SHL_ASSIGN: return EN_OP_Shl;
    case PS_OP_SAR: case PS_OP_SAR_ASSIGN: return EN_OP_Sar;
    case PS_OP_SHR: case PS_OP_SHR_ASSIGN: return EN_OP_Shr;
    case PS_OP_EQ: return EN_OP_Eq;
    case PS_OP_NE: return EN_OP_Ne;
    case PS_OP_SEQ: return EN_OP_SEq;
    case PS_OP_SNE: return EN_OP_SNe;
    case PS_OP_LT: return EN_OP_Lt;
    case PS_OP_LE: return EN_OP_Le;
    case PS_OP_GT: return EN_OP_Gt;
    case PS_OP_GE: return EN_OP_Ge;
    case PS_OP_IN: return EN_OP_In;
    case PS_OP_INSTANCEOF: return EN_OP_InstanceOf;
    default: return EN_OP_Nop;
    }
}

static bool op_has_feedback(EnOpcode op) { return op >= EN_OP_Add && op <= EN_OP_Shr; }

static void emit_binary(Cg *cg, EnOpcode op, uint32_t left) {
    if (op_has_feedback(op)) cg_op2(cg, op, left, cg_fb(cg));
    else cg_op1(cg, op, left);
}

static void binary_expr(Cg *cg, PsNode *n) {
    PsBinary *b = PS_AS(PsBinary, n);
    double d;
    if (const_number(n, &d)) {
        cg_lda_number(cg, d);
        return;
    }
    if (n->op == PS_OP_IN && b->left->kind == PS_NODE_PRIVATE_IDENTIFIER) {
        uint32_t m0 = cg->next_reg;
        uint32_t obj = cg_expr_temp(cg, b->right);
        uint32_t k = cg_temp(cg);
        cg_load_private_name(cg, b->left);
        cg_op1(cg, EN_OP_Star, k);
        cg_op1(cg, EN_OP_Ldar, obj);
        cg_op1(cg, EN_OP_HasPrivate, k);
        cg_temps_free(cg, m0);
        return;
    }
    uint32_t mark = cg->next_reg;
    uint32_t l = cg_expr_temp(cg, b->left);
    cg_expr(cg, b->right);
    cg_pos(cg, n->start);
    emit_binary(cg, binary_opcode((PsOp)n->op), l);
    cg_temps_free(cg, mark);
}

static void logical_expr(Cg *cg, PsNode *n) {
    PsBinary *b = PS_AS(PsBinary, n);
    cg_expr(cg, b->left);
    EnOpcode j = n->op == PS_OP_AND ? EN_OP_JmpFalse
                 : n->op == PS_OP_OR ? EN_OP_JmpTrue : EN_OP_JmpNotNullish;
    uint32_t end = cg_jump(cg, j);
    cg_expr(cg, b->right);
    cg_patch(cg, end);
}

// A reference to assign: identifier, or object (+ key) in registers.
typedef struct CgRef {
    PsNode *node;
    int kind;  // 0 ident, 1 named, 2 keyed
    uint32_t obj, key, atom;
} CgRef;

static void ref_prepare(Cg *cg, PsNode *target, CgRef *r) {
    r->node = target;
    if (target->kind == PS_NODE_IDENTIFIER) {
        r->kind = 0;
        return;
    }
    if (target->kind != PS_NODE_MEMBER_EXPR) {
        cg_error(cg, target, "this assignment target");
        return;
    }
    PsMember *m = PS_AS(PsMember, target);
    if (m->object->kind == PS_NODE_SUPER) {
        // super.x / super[k]: the key in a register; loads and stores go
        // to the home object's prototype with this as the receiver.
        r->kind = 4;
        if (target->flags & PS_NF_COMPUTED) {
            cg_op(cg, EN_OP_LdaThis);  // GetThisBinding first (TDZ in derived constructors)
            cg_expr(cg, m->property);
        } else {
            cg_op1(cg, EN_OP_LdaConst, cg_atom(cg, PS_AS(PsIdent, m->property)->name, m->property->aux));
        }
        r->key = cg_temp(cg);
        cg_op1(cg, EN_OP_Star, r->key);
        return;
    }
    r->obj = cg_expr_temp(cg, m->object);
    if (target->flags & PS_NF_COMPUTED) {
        // The key is converted by GetValue/PutValue (after the base is
        // checked and, for assignments, after the right-hand side).
        r->kind = 2;
        cg_expr(cg, m->property);
        r->key = cg_temp(cg);
        cg_op1(cg, EN_OP_Star, r->key);
    } else if (m->property->kind == PS_NODE_PRIVATE_IDENTIFIER) {
        r->kind = 3;
        cg_load_private_name(cg, m->property);
        r->key = cg_temp(cg);
        cg_op1(cg, EN_OP_Star, r->key);
    } else {
        r->kind = 1;
        r->atom = cg_atom(cg, PS_AS(PsIdent, m->property)->name, m->property->aux);
    }
}

static void ref_load(Cg *cg, CgRef *r) {
    switch (r->kind) {
    case 0: cg_load_ident(cg, r->node, false); break;
    case 1:
        cg_pos(cg, PS_AS(PsMember, r->node)->property->start);
        cg_op3(cg, EN_OP_GetNamed, r->obj, r->atom, cg_fb(cg));
        break;
    case 3:
        cg_op1(cg, EN_OP_Ldar, r->key);
        cg_op1(cg, EN_OP_GetPrivate, r->obj);
        break;
    case 4:
        cg_pos(cg, r->node->start);
        cg_op1(cg, EN_OP_Ldar, r->key);
        cg_op(cg, EN_OP_ToPropertyKey);
        cg_op1(cg, EN_OP_Star, r->key);
        cg_op(cg, EN_OP_GetSuperKeyed);
        break;
    default: {
        // GetValue: RequireObjectCoercible(base), then ToPropertyKey once
        // (the store reuses the converted key).
        cg_op1(cg, EN_OP_Ldar, r->obj);
        uint32_t ok = cg_jump(cg, EN_OP_JmpNotNullish);
        cg_pos(cg, r->node->start);
        EnString *msg = en_str_from_cstr(cg->cx, "Cannot read properties of null or undefined");
        if (!msg) {
            cg->failed = true;
            break;
        }
        cg_op2(cg, EN_OP_ThrowMsg, EN_MSG_TYPE_ERROR, cg_const(cg, en_string_value(msg)));
        cg_patch(cg, ok);
        cg_op1(cg, EN_OP_Ldar, r->key);
        cg_op(cg, EN_OP_ToPropertyKey);
        cg_op1(cg, EN_OP_Star, r->key);
        cg_op2(cg, EN_OP_GetKeyed, r->obj, cg_fb(cg));
        break;
    }
    }
}

static void ref_store(Cg *cg, CgRef *r) {
    switch (r->kind) {
    case 0: cg_store_ident(cg, r->node, false); break;
    case 1:
        cg_pos(cg, PS_AS(PsMember, r->node)->property->start);
        cg_op3(cg, EN_OP_SetNamed, r->obj, r->atom, cg_fb(cg));
        break;
    case 3:
        cg_pos(cg, r->node->start);
        cg_op2(cg, EN_OP_SetPrivate, r->obj, r->key);
        break;
    case 4:
        cg_pos(cg, r->node->start);
        cg_op1(cg, EN_OP_SetSuper, r->key);
        break;
    default:
        cg_pos(cg, r->node->start);
        cg_op3(cg, EN_OP_SetKeyed, r->obj, r->key, cg_fb(cg));
        break;
    }
}

static void assign_expr(Cg *cg, PsNode *n) {
    PsBinary *b = PS_AS(PsBinary, n);
    uint32_t mark = cg->next_reg;
    if (n->op == PS_OP_ASSIGN &&
        (b->left->kind == PS_NODE_OBJECT_PATTERN || b->left->kind == PS_NODE_ARRAY_PATTERN)) {
        cg_expr(cg, b->right);
        uint32_t v = cg_temp(cg);
        cg_op1(cg, EN_OP_Star, v);
        cg_bind_pattern(cg, b->left, false);
        cg_op1(cg, EN_OP_Ldar, v);
        cg_temps_free(cg, mark);
        return;
    }
    CgRef r = {0};
    ref_prepare(cg, b->left, &r);
    if (n->op == PS_OP_ASSIGN) {
        cg_set_name_hint(cg, b->left);
        if (!cg_is_anon_fn(b->right)) cg->name_hint = NULL;
        cg_expr(cg, b->right);
        ref_store(cg, &r);
    } else if (n->op == PS_OP_OR_ASSIGN || n->op == PS_OP_AND_ASSIGN ||
               n->op == PS_OP_NULLISH_ASSIGN) {
        ref_load(cg, &r);
        EnOpcode j = n->op == PS_OP_AND_ASSIGN ? EN_OP_JmpFalse
                     : n->op == PS_OP_OR_ASSIGN ? EN_OP_JmpTrue : EN_OP_JmpNotNullish;
        uint32_t end = cg_jump(cg, j);
        cg_set_name_hint(cg, b->left);
        if (!cg_is_anon_fn(b->right)) cg->name_hint = NULL;
        cg_expr(cg, b->right);
        ref_store(cg, &r);
        cg_patch(cg, end);
    } else {
        ref_load(cg, &r);
        uint32_t old = cg_temp(cg);
        cg_op1(cg, EN_OP_Star, old);
        cg_expr(cg, b->right);
        cg_pos(cg, n->start);
        emit_binary(cg, binary_opcode((PsOp)n->op), old);
        ref_store(cg, &r);
    }
    cg_temps_free(cg, mark);
}

static void update_expr(Cg *cg, PsNode *n) {
    PsUnary *u = PS_AS(PsUnary, n);
    uint32_t mark = cg->next_reg;
    CgRef r = {0};
    ref_prepare(cg, u->arg, &r);
    ref_load(cg, &r);
    cg_op(cg, EN_OP_ToNumeric);
    uint32_t old = UINT32_MAX;
    if (!(n->flags & PS_NF_PREFIX)) {
        old = cg_temp(cg);
        cg_op1(cg, EN_OP_Star, old);
    }
    cg_op(cg, n->op == PS_OP_INC ? EN_OP_Inc : EN_OP_Dec);
    ref_store(cg, &r);
    if (old != UINT32_MAX) cg_op1(cg, EN_OP_Ldar, old);
    cg_temps_free(cg, mark);
}

static void unary_expr(Cg *cg, PsNode *n) {
    PsUnary *u = PS_AS(PsUnary, n);
    double d;
    if (const_number(n, &d)) {
        cg_lda_number(cg, d);
        return;
    }
    switch (n->op) {
    case PS_OP_TYPEOF:
        if (u->arg->kind == PS_NODE_IDENTIFIER) cg_load_ident(cg, u->arg, true);
        else cg_expr(cg, u->arg);
        cg_op(cg, EN_OP_TypeOf);
        return;
    case PS_OP_DELETE: {
        PsNode *a = u->arg;
        if (a->kind == PS_NODE_MEMBER_EXPR && !(a->flags & PS_NF_OPTIONAL) &&
            PS_AS(PsMember, a)->object->kind != PS_NODE_SUPER) {
            PsMember *m = PS_AS(PsMember, a);
            uint32_t mark = cg->next_reg;
            uint32_t obj = cg_expr_temp(cg, m->object);
            cg_pos(cg, n->start);
            if (a->flags & PS_NF_COMPUTED) {
                cg_expr(cg, m->property);
                cg_op1(cg, EN_OP_DeleteKeyed, obj);
            } else {
                cg_op2(cg, EN_OP_DeleteNamed, obj,
                       cg_atom(cg, PS_AS(PsIdent, m->property)->name, m->property->aux));
            }
            cg_temps_free(cg, mark);
            return;
        }
        if (a->kind == PS_NODE_MEMBER_EXPR && PS_AS(PsMember, a)->object->kind == PS_NODE_SUPER) {
            // delete super.x / super[k]: the reference is evaluated (this
            // binding, then the key expression, not converted), then a
            // ReferenceError.
            cg_op(cg, EN_OP_LdaThis);
            if (a->flags & PS_NF_COMPUTED) cg_expr(cg, PS_AS(PsMember, a)->property);
            cg_pos(cg, n->start);
            EnString *msg = en_str_from_cstr(cg->cx, "Unsupported reference to 'super'");
            if (!msg) {
                cg->failed = true;
                return;
            }
            cg_op2(cg, EN_OP_ThrowMsg, EN_MSG_REFERENCE_ERROR, cg_const(cg, en_string_value(msg)));
            return;
        }
        if (a->kind == PS_NODE_IDENTIFIER) {
            if (cg_delete_ident(cg, n, a)) return;
            AnRef *ref = an_ref_of_node(cg->an, a);
            if (!ref || !ref->binding) {
                // Sloppy `delete x` of a global property.
                uint32_t mark = cg->next_reg;
                uint32_t g = cg_temp(cg);
                cg_op(cg, EN_OP_LdaThis);  // script this: the global object
                cg_op1(cg, EN_OP_Star, g);
                cg_op2(cg, EN_OP_DeleteNamed, g, cg_atom(cg, PS_AS(PsIdent, a)->name, a->aux));
                cg_temps_free(cg, mark);
                return;
            }
            cg_op(cg, EN_OP_LdaFalse);
            return;
        }
        cg_expr(cg, a);
        cg_op(cg, EN_OP_LdaTrue);
        return;
    }
    default: break;
    }
    cg_expr(cg, u->arg);
    switch (n->op) {
    case PS_OP_NEG: cg_op(cg, EN_OP_Neg); break;
    case PS_OP_PLUS: cg_op(cg, EN_OP_ToNumber); break;
    case PS_OP_NOT: cg_op(cg, EN_OP_Not); break;
    case PS_OP_BITNOT: cg_op(cg, EN_OP_BitNot); break;
    case PS_OP_VOID: cg_op(cg, EN_OP_LdaUndef); break;
    default: cg_error(cg, n, "this unary operator"); break;
    }
}

static void chain_expr(Cg *cg, PsNode *n) {
    CgPatchList *saved = cg->chain_nullish;
    CgPatchList l = {0};
    cg->chain_nullish = &l;
    cg_expr(cg, PS_AS(PsUnary, n)->arg);
    cg->chain_nullish = saved;
    if (l.len) {
        uint32_t end = cg_jump(cg, EN_OP_Jmp);
        cg_patch_list(cg, &l);
        cg_op(cg, EN_OP_LdaUndef);
        cg_patch(cg, end);
    }
}

// ---------------------------------------------------------------------------
// Patterns.

void cg_bind_pattern(Cg *cg, PsNode *pat, bool init) {
    if (cg->failed) return;
    uint32_t mark = cg->next_reg;
    switch ((PsNodeKind)pat->kind) {
    case PS_NODE_IDENTIFIER: cg_store_ident(cg, pat, init); break;
    case PS_NODE_MEMBER_EXPR: {
        uint32_t v = cg_temp(cg);
        cg_op1(cg, EN_OP_Star, v);
        CgRef r = {0};
        ref_prepare(cg, pat, &r);
        cg_op1(cg, EN_OP_Ldar, v);
        ref_store(cg, &r);
        break;
    }
    case PS_NODE_ASSIGN_PATTERN: {
        PsBinary *b = PS_AS(PsBinary, pat);
        uint32_t skip = cg_jump(cg, EN_OP_JmpNotUndef);
        cg_set_name_hint(cg, b->left);
        if (!cg_is_anon_fn(b->right)) cg->name_hint = NULL;
        if (!cg_is_anon_fn(b->right)) cg->name_hint = NULL;
        cg_expr(cg, b->right);
        cg_patch(cg, skip);
        cg_bind_pattern(cg, b->left, init);
        break;
    }
    case PS_NODE_OBJECT_PATTERN: {
        PsListNode *o = PS_AS(PsListNode, pat);
        uint32_t v = cg_temp(cg);
        cg_op1(cg, EN_OP_Star, v);
        uint32_t ok = cg_jump(cg, EN_OP_JmpNotNullish);
        cg_pos(cg, pat->start);
        EnString *msg = en_str_from_cstr(cg->cx, "Cannot destructure a null or undefined value");
        if (!msg) {
            cg->failed = true;
            break;
        }
        cg_op2(cg, EN_OP_ThrowMsg, EN_MSG_TYPE_ERROR, cg_const(cg, en_string_value(msg)));
        cg_patch(cg, ok);
        bool has_rest = o->items.count && o->items.items[o->items.count - 1]->kind == PS_NODE_REST_ELEMENT;
        uint32_t nkeys = has_rest ? o->items.count - 1 : 0;
        uint32_t keys = cg->next_reg;
        for (uint32_t i = 0; i < nkeys; i++) cg_temp(cg);
        for (uint32_t i = 0; i < o->items.count && !cg->failed; i++) {
            PsNode *p = o->items.items[i];
            if (p->kind == PS_NODE_REST_ELEMENT) {
                cg_op3(cg, EN_OP_ObjectRest, v, keys, nkeys);
                cg_bind_pattern(cg, PS_AS(PsUnary, p)->arg, init);
                break;
            }
            PsProperty *pr = PS_AS(PsProperty, p);
            uint32_t atom;
            if (!(p->flags & PS_NF_COMPUTED) && static_key(cg, pr->key, &atom)) {
                if (has_rest) {
                    cg_op1(cg, EN_OP_LdaConst, atom);
                    cg_op1(cg, EN_OP_Star, keys + i);
                }
                cg_pos(cg, pr->key->start);
                cg_op3(cg, EN_OP_GetNamed, v, atom, cg_fb(cg));
            } else {
                key_to_acc(cg, pr->key, (p->flags & PS_NF_COMPUTED) != 0);
                if (has_rest) cg_op1(cg, EN_OP_Star, keys + i);
                cg_op2(cg, EN_OP_GetKeyed, v, cg_fb(cg));
            }
            cg_bind_pattern(cg, pr->value, init);
        }
        break;
    }
    case PS_NODE_ARRAY_PATTERN: {
        PsListNode *a = PS_AS(PsListNode, pat);
        uint32_t it = cg_temp(cg);
        cg_temp(cg);
        cg_temp(cg);
        cg_pos(cg, pat->start);
        cg_op1(cg, EN_OP_GetIterator, it);
        // Abrupt completions while binding the elements close the
        // iterator: a return (a yield resumed by return()) through a
        // pseudo target the return path closes, a throw through a handler.
        CgTarget t = {0};
        t.prev = cg->targets;
        t.is_label_only = true;
        t.env_depth = cg->env_depth;
        t.finally_depth = cg->finally_depth;
        t.iter_reg = it;
        cg->targets = &t;
        uint32_t start = cg_here(cg);
        for (uint32_t i = 0; i < a->items.count && !cg->failed; i++) {
            PsNode *e = a->items.items[i];
            bool rest = e && e->kind == PS_NODE_REST_ELEMENT;
            PsNode *target = rest ? PS_AS(PsUnary, e)->arg : e, *dflt = NULL;
            if (target && target->kind == PS_NODE_ASSIGN_PATTERN) {
                dflt = PS_AS(PsBinary, target)->right;
                target = PS_AS(PsBinary, target)->left;
            }
            if (!init && target && target->kind == PS_NODE_MEMBER_EXPR) {
                // Assignment: the target reference is evaluated before
                // the iterator steps (ES2025 13.15.5.5).
                uint32_t m2 = cg->next_reg;
                CgRef r = {0};
                ref_prepare(cg, target, &r);
                cg_op1(cg, rest ? EN_OP_IterRest : EN_OP_IterValue, it);
                if (dflt) {
                    uint32_t skip = cg_jump(cg, EN_OP_JmpNotUndef);
                    cg_expr(cg, dflt);
                    cg_patch(cg, skip);
                }
                ref_store(cg, &r);
                cg_temps_free(cg, m2);
                continue;
            }
            if (rest) {
                cg_op1(cg, EN_OP_IterRest, it);
                cg_bind_pattern(cg, PS_AS(PsUnary, e)->arg, init);
                continue;
            }
            cg_op1(cg, EN_OP_IterValue, it);
            if (e) cg_bind_pattern(cg, e, init);
        }
        uint32_t end = cg_here(cg);
        cg->targets = t.prev;
        cg_op1(cg, EN_OP_IterEnd, it);
        uint32_t over = cg_jump(cg, EN_OP_Jmp);
        EnHandler h = {start, end, cg_here(cg)};
        och_vec_push(&cg->handlers, h);
        uint32_t exc = cg_temp(cg);
        cg_op1(cg, EN_OP_Star, exc);
        cg_op1(cg, EN_OP_IterCloseThrow, it);
        cg_op1(cg, EN_OP_Ldar, exc);
        cg_op(cg, EN_OP_Throw);
        cg_patch(cg, over);
        break;
    }
    default: cg_error(cg, pat, "this binding pattern"); break;
    }
    cg_temps_free(cg, mark);
}

// Patches a jump operand at `at` of an instruction ending at `end`.
static void patch_rel(Cg *cg, uint32_t at, uint32_t end, uint32_t target) {
    cg->code.items[at] = (uint32_t)((int32_t)target - (int32_t)end);
}

// yield: suspends; a return() resumption takes the return path emitted
// right after it (closing iterators and running finally blocks).
// Async generators await the operand first.
static void yield_plain(Cg *cg, PsNode *n) {
    PsUnary *u = PS_AS(PsUnary, n);
    if (u->arg) cg_expr(cg, u->arg);
    else cg_op(cg, EN_OP_LdaUndef);
    cg_pos(cg, n->start);
    if (cg->tmpl->flags & EN_TF_ASYNC) cg_op(cg, EN_OP_Await);
    uint32_t ret = cg_jump(cg, EN_OP_Yield);
    uint32_t over = cg_jump(cg, EN_OP_Jmp);
    cg_patch(cg, ret);
    cg_emit_return(cg);
    cg_patch(cg, over);
}

// yield*: the delegation loop of ES2025 14.4.14 over R[it] (iterator),
// R[it+1] (next method), R[it+2] (received completion kind); acc carries
// the received value.
static void yield_delegate(Cg *cg, PsNode *n) {
    PsUnary *u = PS_AS(PsUnary, n);
    bool async = (cg->tmpl->flags & EN_TF_ASYNC) != 0;
    uint32_t mark = cg->next_reg;
    cg_expr(cg, u->arg);
    uint32_t it = cg_temp(cg);
    cg_temp(cg);
    cg_temp(cg);
    cg_pos(cg, n->start);
    cg_op2(cg, EN_OP_IterInit, it, async ? 1 : 0);
    cg_op1(cg, EN_OP_LdaInt, EN_GEN_NEXT);
    cg_op1(cg, EN_OP_Star, it + 2);
    cg_op(cg, EN_OP_LdaUndef);
    uint32_t top = cg_here(cg);
    cg_pos(cg, n->start);
    uint32_t ret_await = cg_jump_r(cg, EN_OP_DelegateCall, it);
    if (async) cg_op(cg, EN_OP_Await);
    cg_op3(cg, EN_OP_DelegateResult, it, 0, 0);
    uint32_t end = cg->code.len, j_exit = end - 2, j_ret = end - 1;
    cg_op1(cg, EN_OP_YieldDelegate, it + 2);
    uint32_t back = cg_jump(cg, EN_OP_Jmp);
    cg_patch_to(cg, back, top);
    // Return completions: without a return method the received value is
    // returned (awaited first in async generators); a done result of
    // return() returns its value.
    cg_patch(cg, ret_await);
    if (async) cg_op(cg, EN_OP_Await);
    patch_rel(cg, j_ret, end, cg_here(cg));
    cg_emit_return(cg);
    patch_rel(cg, j_exit, end, cg_here(cg));
    cg_temps_free(cg, mark);
}

static void yield_expr(Cg *cg, PsNode *n) {
    if (n->flags & PS_NF_DELEGATE) yield_delegate(cg, n);
    else yield_plain(cg, n);
}

// ---------------------------------------------------------------------------

void cg_expr(Cg *cg, PsNode *n) {
    if (cg->failed) return;
    switch ((PsNodeKind)n->kind) {
    case PS_NODE_IDENTIFIER: cg_load_ident(cg, n, false); break;
    case PS_NODE_LITERAL: literal(cg, n); break;
    case PS_NODE_THIS: cg_op(cg, EN_OP_LdaThis); break;
    case PS_NODE_TEMPLATE_LITERAL: template_literal(cg, n); break;
    case PS_NODE_ARRAY_EXPR: array_literal(cg, n); break;
    case PS_NODE_OBJECT_EXPR: object_literal(cg, n); break;
    case PS_NODE_FUNCTION_EXPR:
    case PS_NODE_ARROW_FUNCTION:
        cg_closure(cg, n);
        break;
    case PS_NODE_UNARY_EXPR: unary_expr(cg, n); break;
    case PS_NODE_UPDATE_EXPR: update_expr(cg, n); break;
    case PS_NODE_BINARY_EXPR: binary_expr(cg, n); break;
    case PS_NODE_LOGICAL_EXPR: logical_expr(cg, n); break;
    case PS_NODE_ASSIGN_EXPR: assign_expr(cg, n); break;
    case PS_NODE_CONDITIONAL_EXPR: {
        PsConditional *c = PS_AS(PsConditional, n);
        cg_expr(cg, c->test);
        uint32_t to_else = cg_jump(cg, EN_OP_JmpFalse);
        cg_expr(cg, c->consequent);
        uint32_t to_end = cg_jump(cg, EN_OP_Jmp);
        cg_patch(cg, to_else);
        cg_expr(cg, c->alternate);
        cg_patch(cg, to_end);
        break;
    }
    case PS_NODE_CALL_EXPR: call_expr(cg, n); break;
    case PS_NODE_NEW_EXPR: new_expr(cg, n); break;
    case PS_NODE_MEMBER_EXPR: member_expr(cg, n); break;
    case PS_NODE_CHAIN_EXPR: chain_expr(cg, n); break;
    case PS_NODE_SEQUENCE_EXPR: {
        PsListNode *s = PS_AS(PsListNode, n);
        for (uint32_t i = 0; i < s->items.count; i++) cg_expr(cg, s->items.items[i]);
        break;
    }
    case PS_NODE_META_PROPERTY: {
        PsMember *m = PS_AS(PsMember, n);
        if (PS_AS(PsIdent, m->object)->name[0] == 'n') cg_op(cg, EN_OP_LdaNewTarget);
        else cg_import_meta(cg, n);
        break;
    }
    case PS_NODE_CLASS_EXPR: cg_class(cg, n); break;
    case PS_NODE_TAGGED_TEMPLATE: tagged_template(cg, n); break;
    case PS_NODE_YIELD_EXPR: yield_expr(cg, n); break;
    case PS_NODE_AWAIT_EXPR:
        // Async functions run as generators whose yields are awaits
        // (async.c resumes them from promise reactions).
        if (!(cg->tmpl->flags & EN_TF_ASYNC)) {
            cg_error(cg, n, "top-level await");
            break;
        }
        cg_expr(cg, PS_AS(PsUnary, n)->arg);
        cg_pos(cg, n->start);
        cg_op(cg, EN_OP_Await);
        break;
    case PS_NODE_IMPORT_EXPR: cg_import_call(cg, n); break;
    default: cg_error(cg, n, ps_node_kind_name((PsNodeKind)n->kind)); break;
    }
}

void cg_method_source(Cg *cg, const PsNode *member) {
    if (cg->failed || !cg->code.len) return;
    uint32_t k = cg->code.items[cg->code.len - 1];
    if (k >= cg->consts.len || cg->code.len < 2 || cg->code.items[cg->code.len - 2] != EN_OP_CreateClosure)
        return;
    EnFunctionTemplate *t = en_as_ptr(cg->consts.items[k]);
    const char *txt = cg->src->text;
    uint32_t p = member->start, end = t->node ? t->node->start : p;
    if ((member->flags & PS_NF_STATIC) && p + 6 <= end && !memcmp(txt + p, "static", 6)) {
        // Skip `static`, then white space and comments.
        p += 6;
        while (p < end) {
            if (txt[p] == ' ' || txt[p] == '\t' || txt[p] == '\n' || txt[p] == '\r') {
                p++;
            } else if (txt[p] == '/' && txt[p + 1] == '*') {
                const char *e = strstr(txt + p + 2, "*/");
                p = e ? (uint32_t)(e - txt) + 2 : end;
            } else if (txt[p] == '/' && txt[p + 1] == '/') {
                while (p < end && txt[p] != '\n') p++;
            } else if ((unsigned char)txt[p] >= 0x80 || txt[p] == '\v' || txt[p] == '\f') {
                p++;  // other white space / line terminators (multi-byte)
            } else {
                break;
            }
        }
    }
    if (p <= end) t->src_start = p + 1;
}
