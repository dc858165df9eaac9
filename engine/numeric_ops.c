// Numeric operators of the interpreter on operands its fast paths did not
// handle (doubles, conversions, BigInt): en_op_arith and en_op_unary
// (interp_int.h).
#include <math.h>

#include "bigint_int.h"
#include "interp_int.h"

static double js_pow(double a, double b) {
    if (isnan(b)) return NAN;
    if ((a == 1.0 || a == -1.0) && isinf(b)) return NAN;
    return pow(a, b);
}

static double js_mod(double a, double b) {
    if (b == 0 || isnan(a) || isnan(b) || isinf(a)) return NAN;
    if (isinf(b)) return a;
    if (a == 0) return a;
    return fmod(a, b);
}

static EnValue mix_error(EnContext *cx) {
    return en_throw_type_error(cx, "Cannot mix BigInt and other types, use explicit conversions");
}

// Both operands BigInt: the BigInt form of the operator.
static EnValue bigint_arith(EnContext *cx, EnOpcode op, EnValue a, EnValue b) {
    EnBigIntOp bop;
    switch (op) {
    case EN_OP_Sub: bop = EN_BIGINT_SUB; break;
    case EN_OP_Mul: bop = EN_BIGINT_MUL; break;
    case EN_OP_Div: bop = EN_BIGINT_DIV; break;
    case EN_OP_Mod: bop = EN_BIGINT_MOD; break;
    case EN_OP_Exp: bop = EN_BIGINT_EXP; break;
    case EN_OP_BitOr: bop = EN_BIGINT_OR; break;
    case EN_OP_BitXor: bop = EN_BIGINT_XOR; break;
    case EN_OP_BitAnd: bop = EN_BIGINT_AND; break;
    case EN_OP_Shl: bop = EN_BIGINT_SHL; break;
    case EN_OP_Sar: bop = EN_BIGINT_SAR; break;
    case EN_OP_Shr: return en_throw_type_error(cx, "BigInts have no unsigned right shift, use >> instead");
    default: bop = EN_BIGINT_ADD; break;
    }
    return en_bigint_binary(cx, bop, a, b);
}

EnValue en_op_arith(EnContext *cx, EnOpcode op, EnValue a, EnValue b) {
    if (!en_is_number(a) || !en_is_number(b)) {
        // ToNumeric on both (left first), then BigInt op BigInt, a mix
        // (TypeError), or Numbers below.
        if (en_is_bigint(a) && en_is_bigint(b)) return bigint_arith(cx, op, a, b);
        EnHandleScope hs;
        en_handle_scope_open(cx, &hs);
        EnValue *ha = en_handle(cx, a), *hb = en_handle(cx, b), res = EN_EXCEPTION;
        EnValue na = en_to_numeric(cx, *ha);
        if (en_is_exception(na)) goto done;
        *ha = na;
        EnValue nb = en_to_numeric(cx, *hb);
        if (en_is_exception(nb)) goto done;
        *hb = nb;
        if (en_is_bigint(na) || en_is_bigint(nb)) {
            res = en_is_bigint(na) && en_is_bigint(nb) ? bigint_arith(cx, op, na, nb) : mix_error(cx);
            goto done;
        }
        res = EN_UNDEFINED;
    done:
        en_handle_scope_close(&hs);
        if (res != EN_UNDEFINED) return res;
        a = na, b = nb;
    }
    if (op >= EN_OP_BitOr && op <= EN_OP_Shr) {
        int32_t x, y;
        if (!en_to_int32(cx, a, &x)) return EN_EXCEPTION;
        if (!en_to_int32(cx, b, &y)) return EN_EXCEPTION;
        switch (op) {
        case EN_OP_BitOr: return en_int32(x | y);
        case EN_OP_BitXor: return en_int32(x ^ y);
        case EN_OP_BitAnd: return en_int32(x & y);
        case EN_OP_Shl: return en_int32((int32_t)((uint32_t)x << (y & 31)));
        case EN_OP_Sar: return en_int32(x >> (y & 31));
        default: return en_number((double)((uint32_t)x >> (y & 31)));
        }
    }
    double x, y;
    if (!en_to_number(cx, a, &x)) return EN_EXCEPTION;
    if (!en_to_number(cx, b, &y)) return EN_EXCEPTION;
    switch (op) {
    case EN_OP_Sub: return en_number(x - y);
    case EN_OP_Mul: return en_number(x * y);
    case EN_OP_Div: return en_number(x / y);
    case EN_OP_Mod: return en_number(js_mod(x, y));
    case EN_OP_Exp: return en_number(js_pow(x, y));
    default: return en_number(x + y);
    }
}

EnValue en_op_unary(EnContext *cx, EnOpcode op, EnValue v) {
    double d;
    switch (op) {
    case EN_OP_Neg:
    case EN_OP_Inc:
    case EN_OP_Dec:
    case EN_OP_BitNot:
    case EN_OP_ToNumeric: {
        EnValue n = en_to_numeric(cx, v);
        if (en_is_exception(n)) return n;
        if (en_is_bigint(n)) {
            switch (op) {
            case EN_OP_Neg: return en_bigint_neg(cx, n);
            case EN_OP_Inc: return en_bigint_add_small(cx, n, 1);
            case EN_OP_Dec: return en_bigint_add_small(cx, n, -1);
            case EN_OP_BitNot: return en_bigint_not(cx, n);
            default: return n;
            }
        }
        if (op == EN_OP_BitNot) {
            int32_t i;
            if (!en_to_int32(cx, n, &i)) return EN_EXCEPTION;
            return en_int32(~i);
        }
        d = en_as_number(n);
        return en_number(op == EN_OP_Neg ? -d : op == EN_OP_Inc ? d + 1 : op == EN_OP_Dec ? d - 1 : d);
    }
    case EN_OP_ToNumber:
        if (!en_to_number(cx, v, &d)) return EN_EXCEPTION;
        return en_number(d);
    case EN_OP_TypeOf: {
        EnString *s = en_typeof(cx, v);
        return s ? en_string_value(s) : EN_EXCEPTION;
    }
    case EN_OP_ToStr: return en_is_string(v) ? v : en_to_string_value(cx, v);
    case EN_OP_ToPropertyKey: {
        EnKey k;
        if (!en_key_from_value(cx, v, &k)) return EN_EXCEPTION;
        return k;
    }
    case EN_OP_ToObject: {
        EnObject *o = en_to_object(cx, v);
        return o ? en_object_value(o) : EN_EXCEPTION;
    }
    default: return EN_EXCEPTION;
    }
}

