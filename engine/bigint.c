// BigInt values (bigint_int.h). Not implemented yet: literals report a
// SyntaxError naming the missing feature.
#include "bigint_int.h"

EnValue en_bigint_from_literal(EnContext *cx, const char *digits, uint32_t len) {
    (void)digits, (void)len;
    return en_throw_syntax_error(cx, "BigInt literals are not supported yet");
}

static EnValue unsupported(EnContext *cx) { return en_throw_type_error(cx, "BigInt is not supported yet"); }

EnValue en_to_bigint(EnContext *cx, EnValue v) {
    (void)v;
    return unsupported(cx);
}

bool en_to_bigint64(EnContext *cx, EnValue v, int64_t *out) {
    (void)v, (void)out;
    unsupported(cx);
    return false;
}

bool en_to_biguint64(EnContext *cx, EnValue v, uint64_t *out) {
    (void)v, (void)out;
    unsupported(cx);
    return false;
}

EnValue en_bigint_from_int64(EnContext *cx, int64_t v) {
    (void)v;
    return unsupported(cx);
}

EnValue en_bigint_from_uint64(EnContext *cx, uint64_t v) {
    (void)v;
    return unsupported(cx);
}
