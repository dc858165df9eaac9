// Numeric operators of the interpreter on operands its fast paths did not
// handle (doubles, conversions, BigInt): en_op_arith and en_op_unary
// (interp_int.h).
#include <math.h>

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

EnValue en_op_arith(EnContext *cx, EnOpcode op, EnValue a, EnValue b) {
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
        if (!en_to_number(cx, v, &d)) return EN_EXCEPTION;
        return en_number(-d);
    case EN_OP_ToNumber:
    case EN_OP_ToNumeric:
        if (!en_to_number(cx, v, &d)) return EN_EXCEPTION;
        return en_number(d);
    case EN_OP_Inc:
        if (!en_to_number(cx, v, &d)) return EN_EXCEPTION;
        return en_number(d + 1);
    case EN_OP_Dec:
        if (!en_to_number(cx, v, &d)) return EN_EXCEPTION;
        return en_number(d - 1);
    case EN_OP_BitNot: {
        int32_t i;
        if (!en_to_int32(cx, v, &i)) return EN_EXCEPTION;
        return en_int32(~i);
    }
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

