// Builtin family "string": the String constructor, String.fromCharCode /
// fromCodePoint / raw, String.prototype (everything but normalize and the
// locale-sensitive case methods; localeCompare compares code units), the
// Annex B methods (substr, trimLeft/trimRight, the HTML methods) and
// %StringIteratorPrototype%. The RegExp-delegating methods are in
// bi_string_pattern.c, case mapping in bi_string_case.c.
#include <math.h>
#include <string.h>

#include "bi_string_int.h"
#include "numconv_int.h"

// ---------------------------------------------------------------------------
// Shared helpers.

EnString *en_bi_flat_string(EnContext *cx, EnValue v, EnValue **slot) {
    EnString *s = en_to_string(cx, v);
    if (!s) return NULL;
    *slot = en_handle(cx, en_string_value(s));
    s = en_str_flatten(cx, s);
    if (!s) return NULL;
    **slot = en_string_value(s);
    return s;
}

EnString *en_bi_this_str(EnContext *cx, const EnArgs *args, const char *method, EnValue **slot) {
    if (en_is_nullish(args->this_val)) {
        en_throw_type_error(cx, "String.prototype.%s called on null or undefined", method);
        return NULL;
    }
    return en_bi_flat_string(cx, args->this_val, slot);
}

int64_t en_bi_str_index_of(const EnString *s, const EnString *search, uint32_t from) {
    uint32_t n = en_str_length(s), m = en_str_length(search);
    if (m == 0) return from <= n ? (int64_t)from : -1;
    if (m > n) return -1;
    uint16_t first = en_str_at(search, 0);
    for (uint32_t i = from; i + m <= n; i++) {
        if (en_str_at(s, i) != first) continue;
        uint32_t j = 1;
        while (j < m && en_str_at(s, i + j) == en_str_at(search, j)) j++;
        if (j == m) return i;
    }
    return -1;
}

bool en_bi_is_regexp(EnContext *cx, EnValue v, bool *out) {
    *out = false;
    if (!en_is_object(v)) return true;
    EnValue m = en_get(cx, v, en_symbol_value(en_well_known_symbol(cx, EN_SYM_match)));
    if (en_is_exception(m)) return false;
    if (!en_is_undefined(m)) *out = en_to_boolean(m);
    else *out = en_obj_class(en_as_object(v)) == EN_CLASS_REGEXP;
    return true;
}

static EnValue str_value(EnString *s) { return s ? en_string_value(s) : EN_EXCEPTION; }

// Clamps ToIntegerOrInfinity results into [0, len].
static uint32_t clamp_pos(double d, uint32_t len) {
    if (!(d > 0)) return 0;
    return d > len ? len : (uint32_t)d;
}

// ---------------------------------------------------------------------------
// Constructor and statics.

static EnValue string_ctor(EnContext *cx, const EnArgs *args) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    EnString *s;
    if (args->argc == 0) {
        s = en_str_empty(cx);
    } else {
        EnValue v = args->argv[0];
        if (en_is_undefined(args->new_target) && en_is_symbol(v)) {
            // SymbolDescriptiveString: "Symbol(" + description + ")".
            EnValue d = en_as_symbol(v)->description;
            EnStrBuilder sb;
            en_sb_init(&sb, cx);
            en_sb_ascii(&sb, "Symbol(", 7);
            if (en_is_string(d)) en_bi_sb_string(&sb, en_as_string(d));
            en_sb_unit(&sb, ')');
            res = str_value(en_sb_finish(&sb));
            goto out;
        }
        s = en_to_string(cx, v);
        if (!s) goto out;
    }
    if (en_is_undefined(args->new_target)) {
        res = en_string_value(s);
        goto out;
    }
    {
        EnValue *hstr = en_handle(cx, en_string_value(s));
        EnObject *proto;
        if (!en_proto_from_ctor(cx, args->new_target, EN_INTRINSIC_StringPrototype, &proto)) goto out;
        EnValue *hp = en_handle(cx, en_object_value(proto));
        EnObject *o = en_primitive_wrap(cx, *hstr);
        if (!o) goto out;
        if (en_as_object(*hp) != en_intrinsic(cx, EN_INTRINSIC_StringPrototype)) {
            EnValue *ho = en_handle(cx, en_object_value(o));
            bool ok;
            if (!en_obj_set_prototype_of(cx, o, en_as_object(*hp), &ok)) goto out;
            o = en_as_object(*ho);
        }
        res = en_object_value(o);
    }
out:
    return en_handle_scope_escape(&hs, res);
}

static EnValue string_from_char_code(EnContext *cx, const EnArgs *args) {
    if (args->argc == 1 && en_is_int32(args->argv[0]))
        return str_value(en_str_from_unit(cx, (uint16_t)en_as_int32(args->argv[0])));
    uint16_t small[64];
    uint16_t *u = args->argc <= 64 ? small : och_malloc(sizeof(uint16_t) * args->argc);
    EnValue res = EN_EXCEPTION;
    for (uint32_t i = 0; i < args->argc; i++) {
        uint32_t n;
        if (!en_to_uint32(cx, args->argv[i], &n)) goto out;
        u[i] = (uint16_t)n;
    }
    res = str_value(en_str_from_utf16(cx, u, args->argc));
out:
    if (u != small) och_free(u);
    return res;
}

static EnValue string_from_code_point(EnContext *cx, const EnArgs *args) {
    EnStrBuilder sb;
    en_sb_init(&sb, cx);
    for (uint32_t i = 0; i < args->argc; i++) {
        double d;
        if (!en_to_number(cx, args->argv[i], &d)) {
            en_sb_free(&sb);
            return EN_EXCEPTION;
        }
        if (!(d >= 0 && d <= 0x10FFFF && d == floor(d))) {
            en_sb_free(&sb);
            char buf[EN_NUM_BUF];
            en_num_to_cstr(d, buf);
            return en_throw_range_error(cx, "Invalid code point %s", buf);
        }
        uint32_t cp = (uint32_t)d;
        if (cp < 0x10000) {
            en_sb_unit(&sb, (uint16_t)cp);
        } else {
            cp -= 0x10000;
            en_sb_unit(&sb, (uint16_t)(0xD800 + (cp >> 10)));
            en_sb_unit(&sb, (uint16_t)(0xDC00 + (cp & 0x3FF)));
        }
    }
    return str_value(en_sb_finish(&sb));
}

static EnValue string_raw(EnContext *cx, const EnArgs *args) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    EnStrBuilder sb;
    en_sb_init(&sb, cx);
    EnObject *cooked = en_to_object(cx, en_arg(args, 0));
    if (!cooked) goto fail;
    EnValue *hc = en_handle(cx, en_object_value(cooked));
    EnValue raw = en_get_atom(cx, *hc, EN_ATOM_raw);
    if (en_is_exception(raw)) goto fail;
    EnObject *lit = en_to_object(cx, raw);
    if (!lit) goto fail;
    EnValue *hl = en_handle(cx, en_object_value(lit));
    uint64_t len;
    if (!en_length_of_array_like(cx, *hl, &len)) goto fail;
    for (uint64_t i = 0; i < len; i++) {
        if ((i & 0xFF) == 0xFF && !en_poll_interrupt(cx)) goto fail;
        EnValue seg = en_get_index(cx, *hl, (uint32_t)i);
        if (en_is_exception(seg)) goto fail;
        EnString *s = en_to_string(cx, seg);
        if (!s) goto fail;
        en_bi_sb_string(&sb, s);
        if (i + 1 == len) break;
        if (i + 1 < args->argc) {
            EnString *sub = en_to_string(cx, args->argv[i + 1]);
            if (!sub) goto fail;
            en_bi_sb_string(&sb, sub);
        }
    }
    res = str_value(en_sb_finish(&sb));
    goto out;
fail:
    en_sb_free(&sb);
out:
    return en_handle_scope_escape(&hs, res);
}

// ---------------------------------------------------------------------------
// Prototype methods. Each opens a handle scope, converts `this` (rooted,
// flat) and its arguments in spec order, and escapes its result.

#define STR_BEGIN(method)                               \
    EnHandleScope hs;                                   \
    en_handle_scope_open(cx, &hs);                      \
    EnValue res = EN_EXCEPTION;                         \
    EnValue *hthis;                                     \
    EnString *s = en_bi_this_str(cx, args, method, &hthis); \
    if (!s) goto out
#define STR_END() \
    out:          \
    return en_handle_scope_escape(&hs, res)

// Re-reads the flat `this` string after calls that may collect (it is
// rooted by hthis; flat strings do not move).
#define THIS_S() en_as_string(*hthis)

static EnValue string_to_string(EnContext *cx, const EnArgs *args) {
    EnString *s = en_bi_this_string_value(cx, args->this_val, "toString");
    return s ? en_string_value(s) : EN_EXCEPTION;
}

static EnValue string_value_of(EnContext *cx, const EnArgs *args) {
    EnString *s = en_bi_this_string_value(cx, args->this_val, "valueOf");
    return s ? en_string_value(s) : EN_EXCEPTION;
}

static EnValue string_at(EnContext *cx, const EnArgs *args) {
    STR_BEGIN("at");
    double rel;
    if (!en_to_integer_or_infinity(cx, en_arg(args, 0), &rel)) goto out;
    s = THIS_S();
    double len = en_str_length(s), k = rel >= 0 ? rel : len + rel;
    res = (k < 0 || k >= len) ? EN_UNDEFINED : str_value(en_str_from_unit(cx, en_str_at(s, (uint32_t)k)));
    STR_END();
}

static EnValue string_char_at(EnContext *cx, const EnArgs *args) {
    STR_BEGIN("charAt");
    double pos;
    if (!en_to_integer_or_infinity(cx, en_arg(args, 0), &pos)) goto out;
    s = THIS_S();
    if (pos < 0 || pos >= en_str_length(s)) res = en_string_value(en_str_empty(cx));
    else res = str_value(en_str_from_unit(cx, en_str_at(s, (uint32_t)pos)));
    STR_END();
}

static EnValue string_char_code_at(EnContext *cx, const EnArgs *args) {
    STR_BEGIN("charCodeAt");
    double pos;
    if (!en_to_integer_or_infinity(cx, en_arg(args, 0), &pos)) goto out;
    s = THIS_S();
    if (pos < 0 || pos >= en_str_length(s)) res = en_double(NAN);
    else res = en_int32(en_str_at(s, (uint32_t)pos));
    STR_END();
}

// CodePointAt(s, i): the code point and its unit count.
static uint32_t code_point_at(const EnString *s, uint32_t i, uint32_t *units) {
    uint32_t n = en_str_length(s);
    uint16_t c = en_str_at(s, i);
    *units = 1;
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < n) {
        uint16_t d = en_str_at(s, i + 1);
        if (d >= 0xDC00 && d <= 0xDFFF) {
            *units = 2;
            return 0x10000 + (((uint32_t)c - 0xD800) << 10) + (d - 0xDC00);
        }
    }
    return c;
}

static EnValue string_code_point_at(EnContext *cx, const EnArgs *args) {
    STR_BEGIN("codePointAt");
    double pos;
    if (!en_to_integer_or_infinity(cx, en_arg(args, 0), &pos)) goto out;
    s = THIS_S();
    if (pos < 0 || pos >= en_str_length(s)) {
        res = EN_UNDEFINED;
    } else {
        uint32_t u;
        res = en_int32((int32_t)code_point_at(s, (uint32_t)pos, &u));
    }
    STR_END();
}

static EnValue string_concat(EnContext *cx, const EnArgs *args) {
    STR_BEGIN("concat");
    EnValue *acc = en_handle(cx, *hthis);
    for (uint32_t i = 0; i < args->argc; i++) {
        EnString *next = en_to_string(cx, args->argv[i]);
        if (!next) goto out;
        EnString *r = en_str_concat(cx, en_as_string(*acc), next);
        if (!r) goto out;
        *acc = en_string_value(r);
    }
    res = *acc;
    STR_END();
}

// startsWith / endsWith / includes: the search string must not be a RegExp.
static EnString *search_string_arg(EnContext *cx, EnValue v, const char *method, EnValue **slot) {
    bool is_re;
    if (!en_bi_is_regexp(cx, v, &is_re)) return NULL;
    if (is_re) {
        en_throw_type_error(cx, "First argument to String.prototype.%s must not be a regular expression",
                            method);
        return NULL;
    }
    return en_bi_flat_string(cx, v, slot);
}

static bool units_match(const EnString *s, uint32_t at, const EnString *t) {
    uint32_t m = en_str_length(t);
    for (uint32_t j = 0; j < m; j++)
        if (en_str_at(s, at + j) != en_str_at(t, j)) return false;
    return true;
}

static EnValue string_ends_with(EnContext *cx, const EnArgs *args) {
    STR_BEGIN("endsWith");
    EnValue *hsearch;
    EnString *search = search_string_arg(cx, en_arg(args, 0), "endsWith", &hsearch);
    if (!search) goto out;
    double end = en_str_length(THIS_S());
    EnValue ep = en_arg(args, 1);
    if (!en_is_undefined(ep) && !en_to_integer_or_infinity(cx, ep, &end)) goto out;
    s = THIS_S();
    search = en_as_string(*hsearch);
    uint32_t e = clamp_pos(end, en_str_length(s)), m = en_str_length(search);
    res = en_bool(m <= e && units_match(s, e - m, search));
    STR_END();
}

static EnValue string_starts_with(EnContext *cx, const EnArgs *args) {
    STR_BEGIN("startsWith");
    EnValue *hsearch;
    EnString *search = search_string_arg(cx, en_arg(args, 0), "startsWith", &hsearch);
    if (!search) goto out;
    double pos = 0;
    if (!en_to_integer_or_infinity(cx, en_arg(args, 1), &pos)) goto out;
    s = THIS_S();
    search = en_as_string(*hsearch);
    uint32_t p = clamp_pos(pos, en_str_length(s)), m = en_str_length(search);
    res = en_bool((uint64_t)p + m <= en_str_length(s) && units_match(s, p, search));
    STR_END();
}

static EnValue string_includes(EnContext *cx, const EnArgs *args) {
    STR_BEGIN("includes");
    EnValue *hsearch;
    EnString *search = search_string_arg(cx, en_arg(args, 0), "includes", &hsearch);
    if (!search) goto out;
    double pos = 0;
    if (!en_to_integer_or_infinity(cx, en_arg(args, 1), &pos)) goto out;
    s = THIS_S();
    search = en_as_string(*hsearch);
    res = en_bool(en_bi_str_index_of(s, search, clamp_pos(pos, en_str_length(s))) >= 0);
    STR_END();
}

static EnValue string_index_of(EnContext *cx, const EnArgs *args) {
    STR_BEGIN("indexOf");
    EnValue *hsearch;
    EnString *search = en_bi_flat_string(cx, en_arg(args, 0), &hsearch);
    if (!search) goto out;
    double pos = 0;
    if (!en_to_integer_or_infinity(cx, en_arg(args, 1), &pos)) goto out;
    s = THIS_S();
    search = en_as_string(*hsearch);
    res = en_number((double)en_bi_str_index_of(s, search, clamp_pos(pos, en_str_length(s))));
    STR_END();
}

static EnValue string_last_index_of(EnContext *cx, const EnArgs *args) {
    STR_BEGIN("lastIndexOf");
    EnValue *hsearch;
    EnString *search = en_bi_flat_string(cx, en_arg(args, 0), &hsearch);
    if (!search) goto out;
    double num, pos;
    if (!en_to_number(cx, en_arg(args, 1), &num)) goto out;
    pos = isnan(num) ? INFINITY : trunc(num);
    s = THIS_S();
    search = en_as_string(*hsearch);
    uint32_t len = en_str_length(s), m = en_str_length(search);
    int64_t found = -1;
    if (m <= len) {
        uint32_t start = clamp_pos(pos, len);
        if (start > len - m) start = len - m;
        for (int64_t i = start; i >= 0; i--)
            if (units_match(s, (uint32_t)i, search)) {
                found = i;
                break;
            }
    }
    res = en_number((double)found);
    STR_END();
}

static EnValue string_is_well_formed(EnContext *cx, const EnArgs *args) {
    STR_BEGIN("isWellFormed");
    bool ok = true;
    if (!en_str_is_latin1(s)) {
        uint32_t n = en_str_length(s);
        for (uint32_t i = 0; i < n && ok; i++) {
            uint32_t u, cp = code_point_at(s, i, &u);
            if (cp >= 0xD800 && cp <= 0xDFFF) ok = false;
            i += u - 1;
        }
    }
    res = en_bool(ok);
    STR_END();
}

static EnValue string_to_well_formed(EnContext *cx, const EnArgs *args) {
    STR_BEGIN("toWellFormed");
    if (en_str_is_latin1(s)) {
        res = *hthis;
        goto out;
    }
    {
        uint32_t n = en_str_length(s);
        EnString *r = en_str_alloc(cx, n, false);
        if (!r) goto out;
        s = THIS_S();
        for (uint32_t i = 0; i < n;) {
            uint32_t u, cp = code_point_at(s, i, &u);
            if (cp >= 0xD800 && cp <= 0xDFFF) r->u.utf16[i] = 0xFFFD;
            else {
                r->u.utf16[i] = en_str_at(s, i);
                if (u == 2) r->u.utf16[i + 1] = en_str_at(s, i + 1);
            }
            i += u;
        }
        res = en_string_value(r);
    }
    STR_END();
}

// localeCompare without Intl: code-unit order (the same as < and >).
static EnValue string_locale_compare(EnContext *cx, const EnArgs *args) {
    STR_BEGIN("localeCompare");
    EnValue *hthat;
    EnString *that = en_bi_flat_string(cx, en_arg(args, 0), &hthat);
    if (!that) goto out;
    int c = en_str_compare(cx, THIS_S(), that);
    res = en_int32(c < 0 ? -1 : c > 0 ? 1 : 0);
    STR_END();
}

// padStart / padEnd (StringPad).
static EnValue string_pad(EnContext *cx, const EnArgs *args, bool at_start) {
    STR_BEGIN(at_start ? "padStart" : "padEnd");
    uint64_t max;
    if (!en_to_length(cx, en_arg(args, 0), &max)) goto out;
    uint32_t len = en_str_length(THIS_S());
    if (max <= len) {
        res = *hthis;
        goto out;
    }
    EnValue *hfill = NULL;
    EnString *fill;
    EnValue fv = en_arg(args, 1);
    if (en_is_undefined(fv)) {
        fill = en_str_from_unit(cx, ' ');
        if (!fill) goto out;
        hfill = en_handle(cx, en_string_value(fill));
    } else {
        fill = en_bi_flat_string(cx, fv, &hfill);
        if (!fill) goto out;
    }
    uint32_t fl = en_str_length(fill);
    if (fl == 0) {
        res = *hthis;
        goto out;
    }
    if (max > EN_STR_MAX_LENGTH) {
        en_throw_range_error(cx, "Invalid string length");
        goto out;
    }
    {
        EnStrBuilder sb;
        en_sb_init(&sb, cx);
        uint32_t pad = (uint32_t)max - len;
        if (!at_start) en_bi_sb_string(&sb, THIS_S());
        fill = en_as_string(*hfill);
        for (uint32_t i = 0; i < pad; i++) {
            if ((i & 0x3FF) == 0x3FF && !en_poll_interrupt(cx)) {
                en_sb_free(&sb);
                goto out;
            }
            en_sb_unit(&sb, en_str_at(fill, i % fl));
        }
        if (at_start) en_bi_sb_string(&sb, THIS_S());
        res = str_value(en_sb_finish(&sb));
    }
    STR_END();
}
static EnValue string_pad_start(EnContext *cx, const EnArgs *args) { return string_pad(cx, args, true); }
static EnValue string_pad_end(EnContext *cx, const EnArgs *args) { return string_pad(cx, args, false); }

// repeat: doubling concatenation, so long results are ropes built in
// O(log n) steps.
static EnValue string_repeat(EnContext *cx, const EnArgs *args) {
    STR_BEGIN("repeat");
    double n;
    if (!en_to_integer_or_infinity(cx, en_arg(args, 0), &n)) goto out;
    if (n < 0 || isinf(n)) {
        en_throw_range_error(cx, "Invalid count value: %s", n < 0 ? "negative" : "Infinity");
        goto out;
    }
    uint32_t len = en_str_length(THIS_S());
    if (n == 0 || len == 0) {
        res = en_string_value(en_str_empty(cx));
        goto out;
    }
    if ((double)len * n > EN_STR_MAX_LENGTH) {
        en_throw_range_error(cx, "Invalid string length");
        goto out;
    }
    {
        uint64_t count = (uint64_t)n;
        EnValue *acc = en_handle(cx, EN_UNDEFINED);
        EnValue *pow = en_handle(cx, *hthis);
        while (count) {
            if (!en_poll_interrupt(cx)) goto out;
            if (count & 1) {
                if (en_is_undefined(*acc)) {
                    *acc = *pow;
                } else {
                    EnString *r = en_str_concat(cx, en_as_string(*acc), en_as_string(*pow));
                    if (!r) goto out;
                    *acc = en_string_value(r);
                }
            }
            count >>= 1;
            if (count) {
                EnString *r = en_str_concat(cx, en_as_string(*pow), en_as_string(*pow));
                if (!r) goto out;
                *pow = en_string_value(r);
            }
        }
        res = *acc;
    }
    STR_END();
}

// Relative index arguments of slice (negative counts from the end).
static bool rel_index(EnContext *cx, EnValue v, uint32_t len, uint32_t dflt, uint32_t *out) {
    if (en_is_undefined(v)) {
        *out = dflt;
        return true;
    }
    double d;
    if (!en_to_integer_or_infinity(cx, v, &d)) return false;
    if (d < 0) d = len + d < 0 ? 0 : len + d;
    *out = d > len ? len : (uint32_t)d;
    return true;
}

static EnValue string_slice(EnContext *cx, const EnArgs *args) {
    STR_BEGIN("slice");
    uint32_t len = en_str_length(s), from, to;
    EnValue sv = en_arg(args, 0);
    if (en_is_undefined(sv)) from = 0;
    else if (!rel_index(cx, sv, len, 0, &from)) goto out;
    if (!rel_index(cx, en_arg(args, 1), len, len, &to)) goto out;
    if (from >= to) res = en_string_value(en_str_empty(cx));
    else res = str_value(en_str_substring(cx, THIS_S(), from, to));
    STR_END();
}

static EnValue string_substring(EnContext *cx, const EnArgs *args) {
    STR_BEGIN("substring");
    uint32_t len = en_str_length(s);
    double a, b = len;
    if (!en_to_integer_or_infinity(cx, en_arg(args, 0), &a)) goto out;
    if (!en_is_undefined(en_arg(args, 1)) && !en_to_integer_or_infinity(cx, en_arg(args, 1), &b)) goto out;
    uint32_t fa = clamp_pos(a, len), fb = clamp_pos(b, len);
    uint32_t from = fa < fb ? fa : fb, to = fa < fb ? fb : fa;
    res = str_value(en_str_substring(cx, THIS_S(), from, to));
    STR_END();
}

// Annex B substr(start, length).
static EnValue string_substr(EnContext *cx, const EnArgs *args) {
    STR_BEGIN("substr");
    uint32_t size = en_str_length(s);
    double start, length;
    if (!en_to_integer_or_infinity(cx, en_arg(args, 0), &start)) goto out;
    if (start < 0) start = size + start < 0 ? 0 : size + start;
    if (start > size) start = size;
    if (en_is_undefined(en_arg(args, 1))) length = size;
    else if (!en_to_integer_or_infinity(cx, en_arg(args, 1), &length)) goto out;
    double end = start + length;
    if (end > size) end = size;
    if (start >= end) res = en_string_value(en_str_empty(cx));
    else res = str_value(en_str_substring(cx, THIS_S(), (uint32_t)start, (uint32_t)end));
    STR_END();
}

// trim / trimStart / trimEnd (TrimString with StrWhiteSpaceChar).
static EnValue string_trim_impl(EnContext *cx, const EnArgs *args, const char *name, bool start, bool end) {
    STR_BEGIN(name);
    uint32_t a = 0, b = en_str_length(s);
    if (start)
        while (a < b && en_num_is_space(en_str_at(s, a))) a++;
    if (end)
        while (b > a && en_num_is_space(en_str_at(s, b - 1))) b--;
    if (a == 0 && b == en_str_length(s)) res = *hthis;
    else res = str_value(en_str_substring(cx, s, a, b));
    STR_END();
}
static EnValue string_trim(EnContext *cx, const EnArgs *args) {
    return string_trim_impl(cx, args, "trim", true, true);
}
static EnValue string_trim_start(EnContext *cx, const EnArgs *args) {
    return string_trim_impl(cx, args, "trimStart", true, false);
}
static EnValue string_trim_end(EnContext *cx, const EnArgs *args) {
    return string_trim_impl(cx, args, "trimEnd", false, true);
}

static EnValue string_to_lower_case(EnContext *cx, const EnArgs *args) {
    STR_BEGIN("toLowerCase");
    res = str_value(en_bi_str_to_case(cx, s, false));
    STR_END();
}

static EnValue string_to_upper_case(EnContext *cx, const EnArgs *args) {
    STR_BEGIN("toUpperCase");
    res = str_value(en_bi_str_to_case(cx, s, true));
    STR_END();
}

// Annex B CreateHTML(string, tag, attribute, value).
static EnValue create_html(EnContext *cx, const EnArgs *args, const char *method, const char *tag,
                           const char *attr) {
    STR_BEGIN(method);
    EnStrBuilder sb;
    en_sb_init(&sb, cx);
    en_sb_unit(&sb, '<');
    en_sb_ascii(&sb, tag, strlen(tag));
    if (attr) {
        EnValue *hv;
        EnString *v = en_bi_flat_string(cx, en_arg(args, 0), &hv);
        if (!v) {
            en_sb_free(&sb);
            goto out;
        }
        en_sb_unit(&sb, ' ');
        en_sb_ascii(&sb, attr, strlen(attr));
        en_sb_ascii(&sb, "=\"", 2);
        for (uint32_t i = 0; i < en_str_length(v); i++) {
            uint16_t c = en_str_at(v, i);
            if (c == '"') en_sb_ascii(&sb, "&quot;", 6);
            else en_sb_unit(&sb, c);
        }
        en_sb_unit(&sb, '"');
    }
    en_sb_unit(&sb, '>');
    en_bi_sb_string(&sb, THIS_S());
    en_sb_ascii(&sb, "</", 2);
    en_sb_ascii(&sb, tag, strlen(tag));
    en_sb_unit(&sb, '>');
    res = str_value(en_sb_finish(&sb));
    STR_END();
}

#define HTML_METHOD(fn, name, tag, attr) \
    static EnValue fn(EnContext *cx, const EnArgs *args) { return create_html(cx, args, name, tag, attr); }
HTML_METHOD(string_anchor, "anchor", "a", "name")
HTML_METHOD(string_big, "big", "big", NULL)
HTML_METHOD(string_blink, "blink", "blink", NULL)
HTML_METHOD(string_bold, "bold", "b", NULL)
HTML_METHOD(string_fixed, "fixed", "tt", NULL)
HTML_METHOD(string_fontcolor, "fontcolor", "font", "color")
HTML_METHOD(string_fontsize, "fontsize", "font", "size")
HTML_METHOD(string_italics, "italics", "i", NULL)
HTML_METHOD(string_link, "link", "a", "href")
HTML_METHOD(string_small, "small", "small", NULL)
HTML_METHOD(string_strike, "strike", "strike", NULL)
HTML_METHOD(string_sub, "sub", "sub", NULL)
HTML_METHOD(string_sup, "sup", "sup", NULL)

// ---------------------------------------------------------------------------
// %StringIteratorPrototype%: iterates code points.

typedef struct StringIter {
    EnObject base;
    EnValue string;  // the string, or undefined once done
    uint32_t pos;
    uint32_t _pad;
} StringIter;

static void string_iter_trace(EnGCTracer *t, EnObject *o) { en_gc_mark_value(t, ((StringIter *)o)->string); }
static const EnClass string_iter_class = {"String Iterator", sizeof(StringIter), NULL, string_iter_trace,
                                          NULL};

static EnValue string_iterator(EnContext *cx, const EnArgs *args) {
    STR_BEGIN("[Symbol.iterator]");
    EnObject *it = en_obj_new(cx, EN_CLASS_STRING_ITERATOR,
                              en_intrinsic(cx, EN_INTRINSIC_StringIteratorPrototype), 0);
    if (!it) goto out;
    en_store(cx, it, &((StringIter *)it)->string, *hthis);
    ((StringIter *)it)->pos = 0;
    res = en_object_value(it);
    STR_END();
}

static EnValue string_iter_next(EnContext *cx, const EnArgs *args) {
    EnValue t = args->this_val;
    if (!en_is_object(t) || en_obj_class(en_as_object(t)) != EN_CLASS_STRING_ITERATOR)
        return en_throw_type_error(cx, "next method called on an incompatible receiver");
    StringIter *it = (StringIter *)en_as_object(t);
    EnObject *r;
    if (en_is_undefined(it->string)) {
        r = en_create_iter_result(cx, EN_UNDEFINED, true);
        return r ? en_object_value(r) : EN_EXCEPTION;
    }
    EnString *s = en_as_string(it->string);
    if (it->pos >= en_str_length(s)) {
        it->string = EN_UNDEFINED;
        r = en_create_iter_result(cx, EN_UNDEFINED, true);
        return r ? en_object_value(r) : EN_EXCEPTION;
    }
    uint32_t u;
    code_point_at(s, it->pos, &u);
    EnString *piece = u == 1 ? en_str_from_unit(cx, en_str_at(s, it->pos))
                             : en_str_substring(cx, s, it->pos, it->pos + 2);
    if (!piece) return EN_EXCEPTION;
    it = (StringIter *)en_as_object(args->this_val);
    it->pos += u;
    r = en_create_iter_result(cx, en_string_value(piece), false);
    return r ? en_object_value(r) : EN_EXCEPTION;
}

// ---------------------------------------------------------------------------

static const EnBiMethod string_statics[] = {
    {"fromCharCode", string_from_char_code, 1},
    {"fromCodePoint", string_from_code_point, 1},
    {"raw", string_raw, 1},
};

static const EnBiMethod string_methods[] = {
    {"at", string_at, 1},
    {"charAt", string_char_at, 1},
    {"charCodeAt", string_char_code_at, 1},
    {"codePointAt", string_code_point_at, 1},
    {"concat", string_concat, 1},
    {"endsWith", string_ends_with, 1},
    {"includes", string_includes, 1},
    {"indexOf", string_index_of, 1},
    {"isWellFormed", string_is_well_formed, 0},
    {"lastIndexOf", string_last_index_of, 1},
    {"localeCompare", string_locale_compare, 1},
    {"match", en_bi_string_match, 1},
    {"matchAll", en_bi_string_match_all, 1},
    {"padEnd", string_pad_end, 1},
    {"padStart", string_pad_start, 1},
    {"repeat", string_repeat, 1},
    {"replace", en_bi_string_replace, 2},
    {"replaceAll", en_bi_string_replace_all, 2},
    {"search", en_bi_string_search, 1},
    {"slice", string_slice, 2},
    {"split", en_bi_string_split, 2},
    {"startsWith", string_starts_with, 1},
    {"substr", string_substr, 2},
    {"substring", string_substring, 2},
    {"toLowerCase", string_to_lower_case, 0},
    {"toString", string_to_string, 0},
    {"toUpperCase", string_to_upper_case, 0},
    {"toWellFormed", string_to_well_formed, 0},
    {"trim", string_trim, 0},
    {"valueOf", string_value_of, 0},
    {"anchor", string_anchor, 1},
    {"big", string_big, 0},
    {"blink", string_blink, 0},
    {"bold", string_bold, 0},
    {"fixed", string_fixed, 0},
    {"fontcolor", string_fontcolor, 1},
    {"fontsize", string_fontsize, 1},
    {"italics", string_italics, 0},
    {"link", string_link, 1},
    {"small", string_small, 0},
    {"strike", string_strike, 0},
    {"sub", string_sub, 0},
    {"sup", string_sup, 0},
};

bool en_init_string(EnContext *cx) {
    en_class_register(EN_CLASS_STRING_ITERATOR, &string_iter_class);
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    bool ok = false;
    // %String.prototype% is a String object whose value is "".
    EnObject *proto = en_primitive_wrap(cx, en_string_value(en_str_empty(cx)));
    if (!proto) goto out;
    EnValue *hproto = en_handle(cx, en_object_value(proto));
    {
        // en_primitive_wrap used the (not yet set) intrinsic: fix the chain.
        bool set_ok;
        if (!en_obj_set_prototype_of(cx, proto, en_intrinsic(cx, EN_INTRINSIC_ObjectPrototype), &set_ok))
            goto out;
    }
    EnObject *ctor = en_define_class(cx, "String", string_ctor, 1, en_as_object(*hproto),
                                     EN_INTRINSIC_String, EN_INTRINSIC_StringPrototype);
    if (!ctor) goto out;
    EnValue *hctor = en_handle(cx, en_object_value(ctor));
    if (!en_bi_methods(cx, en_as_object(*hctor), string_statics, sizeof string_statics / sizeof string_statics[0]))
        goto out;
    if (!en_bi_methods(cx, en_as_object(*hproto), string_methods, sizeof string_methods / sizeof string_methods[0]))
        goto out;
    // trimLeft / trimRight are the same function objects as trimStart / trimEnd.
    {
        EnObject *f = en_define_method(cx, en_as_object(*hproto), "trimStart", string_trim_start, 0);
        if (!f || !en_bi_value(cx, en_as_object(*hproto), "trimLeft", en_object_value(f), EN_PROP_HIDDEN))
            goto out;
        f = en_define_method(cx, en_as_object(*hproto), "trimEnd", string_trim_end, 0);
        if (!f || !en_bi_value(cx, en_as_object(*hproto), "trimRight", en_object_value(f), EN_PROP_HIDDEN))
            goto out;
    }
    if (!en_define_method_sym(cx, en_as_object(*hproto), EN_SYM_iterator, "[Symbol.iterator]",
                              string_iterator, 0))
        goto out;
    {
        EnObject *ip = en_obj_new(cx, EN_CLASS_OBJECT, en_intrinsic(cx, EN_INTRINSIC_IteratorPrototype), 4);
        if (!ip) goto out;
        cx->intrinsics[EN_INTRINSIC_StringIteratorPrototype] = ip;
        if (!en_define_method(cx, ip, "next", string_iter_next, 0)) goto out;
        if (!en_bi_to_string_tag(cx, en_intrinsic(cx, EN_INTRINSIC_StringIteratorPrototype), "String Iterator"))
            goto out;
    }
    ok = true;
out:
    en_handle_scope_close(&hs);
    return ok;
}
