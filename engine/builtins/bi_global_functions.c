// Builtin family "global_functions": the value properties NaN, Infinity,
// undefined (and globalThis when context creation did not define it), the
// function properties parseInt, parseFloat (the same objects as
// Number.parseInt / Number.parseFloat), isNaN, isFinite, the URI
// functions (encodeURI, encodeURIComponent, decodeURI,
// decodeURIComponent, URIError on malformed input) and Annex B's escape /
// unescape.
#include <math.h>
#include <string.h>

#include "bi_support_int.h"
#include "numconv_int.h"

// ToString(v), rooted in the caller's open handle scope and flattened.
static EnString *flat_string_arg(EnContext *cx, EnValue v, EnValue **slot) {
    EnString *s = en_to_string(cx, v);
    if (!s) return NULL;
    *slot = en_handle(cx, en_string_value(s));
    s = en_str_flatten(cx, s);
    if (!s) return NULL;
    **slot = en_string_value(s);
    return s;
}

static const uint8_t *str_l1(const EnString *s) { return en_str_is_latin1(s) ? s->u.latin1 : NULL; }
static const uint16_t *str_u16(const EnString *s) { return en_str_is_latin1(s) ? NULL : s->u.utf16; }

EnValue en_bi_parse_int(EnContext *cx, const EnArgs *args) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *slot;
    EnValue res = EN_EXCEPTION;
    int32_t radix;
    // ToString(string) happens before ToInt32(radix).
    EnString *s = en_to_string(cx, en_arg(args, 0));
    if (s) {
        slot = en_handle(cx, en_string_value(s));
        if (en_to_int32(cx, en_arg(args, 1), &radix)) {
            s = en_str_flatten(cx, en_as_string(*slot));
            if (s) {
                double d = (radix != 0 && (radix < 2 || radix > 36))
                               ? NAN
                               : en_num_parse_int_str(str_l1(s), str_u16(s), en_str_length(s), radix);
                res = en_number(d);
            }
        }
    }
    en_handle_scope_close(&hs);
    return res;
}

EnValue en_bi_parse_float(EnContext *cx, const EnArgs *args) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *slot;
    EnValue res = EN_EXCEPTION;
    EnString *s = flat_string_arg(cx, en_arg(args, 0), &slot);
    if (s) res = en_number(en_num_parse_float_str(str_l1(s), str_u16(s), en_str_length(s)));
    en_handle_scope_close(&hs);
    return res;
}

static EnValue global_is_nan(EnContext *cx, const EnArgs *args) {
    double d;
    if (!en_to_number(cx, en_arg(args, 0), &d)) return EN_EXCEPTION;
    return en_bool(isnan(d));
}

static EnValue global_is_finite(EnContext *cx, const EnArgs *args) {
    double d;
    if (!en_to_number(cx, en_arg(args, 0), &d)) return EN_EXCEPTION;
    return en_bool(isfinite(d));
}

// --- URI encoding (ECMA-262 19.2.6)

static const char hex_upper[] = "0123456789ABCDEF";

static bool in_set(uint32_t c, const char *set) { return c && c < 0x80 && strchr(set, (int)c) != NULL; }

static bool uri_unreserved(uint32_t c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           in_set(c, "-_.!~*'()");
}


static void put_pct(EnStrBuilder *sb, uint32_t byte) {
    en_sb_unit(sb, '%');
    en_sb_unit(sb, (uint16_t)hex_upper[(byte >> 4) & 15]);
    en_sb_unit(sb, (uint16_t)hex_upper[byte & 15]);
}

static EnValue uri_encode(EnContext *cx, const EnArgs *args, const char *extra) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *slot;
    EnValue res = EN_EXCEPTION;
    EnString *s = flat_string_arg(cx, en_arg(args, 0), &slot);
    if (!s) goto out;
    EnStrBuilder sb;
    en_sb_init(&sb, cx);
    uint32_t n = en_str_length(s);
    for (uint32_t k = 0; k < n; k++) {
        if ((k & 0xFFFF) == 0xFFFF && !en_poll_interrupt(cx)) goto stopped;
        uint32_t c = en_str_at(s, k);
        if (uri_unreserved(c) || in_set(c, extra)) {
            en_sb_unit(&sb, (uint16_t)c);
            continue;
        }
        uint32_t cp = c;
        if (c >= 0xDC00 && c <= 0xDFFF) goto malformed;
        if (c >= 0xD800 && c <= 0xDBFF) {
            uint32_t d = k + 1 < n ? en_str_at(s, k + 1) : 0;
            if (!(d >= 0xDC00 && d <= 0xDFFF)) goto malformed;
            cp = 0x10000 + ((c - 0xD800) << 10) + (d - 0xDC00);
            k++;
        }
        if (cp < 0x80) {
            put_pct(&sb, cp);
        } else if (cp < 0x800) {
            put_pct(&sb, 0xC0 | (cp >> 6));
            put_pct(&sb, 0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            put_pct(&sb, 0xE0 | (cp >> 12));
            put_pct(&sb, 0x80 | ((cp >> 6) & 0x3F));
            put_pct(&sb, 0x80 | (cp & 0x3F));
        } else {
            put_pct(&sb, 0xF0 | (cp >> 18));
            put_pct(&sb, 0x80 | ((cp >> 12) & 0x3F));
            put_pct(&sb, 0x80 | ((cp >> 6) & 0x3F));
            put_pct(&sb, 0x80 | (cp & 0x3F));
        }
    }
    {
        EnString *r = en_sb_finish(&sb);
        res = r ? en_string_value(r) : EN_EXCEPTION;
    }
    goto out;
malformed:
    en_sb_free(&sb);
    res = en_throw_error(cx, EN_INTRINSIC_URIErrorPrototype, "URI malformed");
    goto out;
stopped:
    en_sb_free(&sb);
out:
    en_handle_scope_close(&hs);
    return res;
}

static int hex_val(uint32_t c) {
    if (c >= '0' && c <= '9') return (int)(c - '0');
    if (c >= 'a' && c <= 'f') return (int)(c - 'a' + 10);
    if (c >= 'A' && c <= 'F') return (int)(c - 'A' + 10);
    return -1;
}

// "%XX" at k: the byte, or -1.
static int pct_byte(const EnString *s, uint32_t k) {
    if (k + 2 >= en_str_length(s) + 0u || en_str_at(s, k) != '%') return -1;
    int h = hex_val(en_str_at(s, k + 1)), l = hex_val(en_str_at(s, k + 2));
    return (h < 0 || l < 0) ? -1 : h * 16 + l;
}

static EnValue uri_decode(EnContext *cx, const EnArgs *args, const char *reserved) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *slot;
    EnValue res = EN_EXCEPTION;
    EnString *s = flat_string_arg(cx, en_arg(args, 0), &slot);
    if (!s) goto out;
    EnStrBuilder sb;
    en_sb_init(&sb, cx);
    uint32_t n = en_str_length(s);
    for (uint32_t k = 0; k < n; k++) {
        if ((k & 0xFFFF) == 0xFFFF && !en_poll_interrupt(cx)) goto stopped;
        uint32_t c = en_str_at(s, k);
        if (c != '%') {
            en_sb_unit(&sb, (uint16_t)c);
            continue;
        }
        uint32_t start = k;
        int b = k + 2 < n ? pct_byte(s, k) : -1;
        if (b < 0) goto malformed;
        k += 2;
        if (b < 0x80) {
            if (in_set((uint32_t)b, reserved)) {
                for (uint32_t j = start; j <= k; j++) en_sb_unit(&sb, en_str_at(s, j));
            } else {
                en_sb_unit(&sb, (uint16_t)b);
            }
            continue;
        }
        int len = (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 0;
        if (len == 0) goto malformed;
        uint32_t cp = (uint32_t)b & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
        for (int j = 1; j < len; j++) {
            int cb = k + 3 < n ? pct_byte(s, k + 1) : -1;
            if (cb < 0 || (cb & 0xC0) != 0x80) goto malformed;
            cp = (cp << 6) | ((uint32_t)cb & 0x3F);
            k += 3;
        }
        // Overlong forms, surrogates and values above U+10FFFF are not UTF-8.
        static const uint32_t min_cp[5] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < min_cp[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) goto malformed;
        if (cp < 0x10000) {
            en_sb_unit(&sb, (uint16_t)cp);
        } else {
            cp -= 0x10000;
            en_sb_unit(&sb, (uint16_t)(0xD800 + (cp >> 10)));
            en_sb_unit(&sb, (uint16_t)(0xDC00 + (cp & 0x3FF)));
        }
    }
    {
        EnString *r = en_sb_finish(&sb);
        res = r ? en_string_value(r) : EN_EXCEPTION;
    }
    goto out;
malformed:
    en_sb_free(&sb);
    res = en_throw_error(cx, EN_INTRINSIC_URIErrorPrototype, "URI malformed");
    goto out;
stopped:
    en_sb_free(&sb);
out:
    en_handle_scope_close(&hs);
    return res;
}

static EnValue global_encode_uri(EnContext *cx, const EnArgs *args) {
    return uri_encode(cx, args, ";/?:@&=+$,#");
}
static EnValue global_encode_uri_component(EnContext *cx, const EnArgs *args) {
    return uri_encode(cx, args, "");
}
static EnValue global_decode_uri(EnContext *cx, const EnArgs *args) {
    return uri_decode(cx, args, ";/?:@&=+$,#");
}
static EnValue global_decode_uri_component(EnContext *cx, const EnArgs *args) {
    return uri_decode(cx, args, "");
}

// --- Annex B escape / unescape

static EnValue global_escape(EnContext *cx, const EnArgs *args) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *slot;
    EnValue res = EN_EXCEPTION;
    EnString *s = flat_string_arg(cx, en_arg(args, 0), &slot);
    if (s) {
        EnStrBuilder sb;
        en_sb_init(&sb, cx);
        uint32_t n = en_str_length(s);
        for (uint32_t k = 0; k < n; k++) {
            uint32_t c = en_str_at(s, k);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                in_set(c, "@*_+-./")) {
                en_sb_unit(&sb, (uint16_t)c);
            } else if (c < 256) {
                put_pct(&sb, c);
            } else {
                en_sb_unit(&sb, '%');
                en_sb_unit(&sb, 'u');
                for (int sh = 12; sh >= 0; sh -= 4) en_sb_unit(&sb, (uint16_t)hex_upper[(c >> sh) & 15]);
            }
        }
        EnString *r = en_sb_finish(&sb);
        res = r ? en_string_value(r) : EN_EXCEPTION;
    }
    en_handle_scope_close(&hs);
    return res;
}

static EnValue global_unescape(EnContext *cx, const EnArgs *args) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *slot;
    EnValue res = EN_EXCEPTION;
    EnString *s = flat_string_arg(cx, en_arg(args, 0), &slot);
    if (s) {
        EnStrBuilder sb;
        en_sb_init(&sb, cx);
        uint32_t n = en_str_length(s);
        for (uint32_t k = 0; k < n; k++) {
            uint32_t c = en_str_at(s, k);
            if (c == '%') {
                if (k + 5 < n && en_str_at(s, k + 1) == 'u') {
                    int v = 0;
                    bool ok = true;
                    for (uint32_t j = k + 2; j < k + 6; j++) {
                        int h = hex_val(en_str_at(s, j));
                        if (h < 0) ok = false;
                        v = v * 16 + h;
                    }
                    if (ok) {
                        en_sb_unit(&sb, (uint16_t)v);
                        k += 5;
                        continue;
                    }
                }
                if (k + 2 < n) {
                    int h = hex_val(en_str_at(s, k + 1)), l = hex_val(en_str_at(s, k + 2));
                    if (h >= 0 && l >= 0) {
                        en_sb_unit(&sb, (uint16_t)(h * 16 + l));
                        k += 2;
                        continue;
                    }
                }
            }
            en_sb_unit(&sb, (uint16_t)c);
        }
        EnString *r = en_sb_finish(&sb);
        res = r ? en_string_value(r) : EN_EXCEPTION;
    }
    en_handle_scope_close(&hs);
    return res;
}

static const EnBiMethod global_methods[] = {
    {"isNaN", global_is_nan, 1},
    {"isFinite", global_is_finite, 1},
    {"encodeURI", global_encode_uri, 1},
    {"encodeURIComponent", global_encode_uri_component, 1},
    {"decodeURI", global_decode_uri, 1},
    {"decodeURIComponent", global_decode_uri_component, 1},
    {"escape", global_escape, 1},
    {"unescape", global_unescape, 1},
};

bool en_init_global_functions(EnContext *cx) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    bool ok = false;
    EnObject *g = cx->global;
    EnValue *hg = en_handle(cx, en_object_value(g));
    // Value properties: non-writable, non-enumerable, non-configurable.
    if (!en_bi_value(cx, g, "NaN", en_double(NAN), 0) ||
        !en_bi_value(cx, en_as_object(*hg), "Infinity", en_double(INFINITY), 0) ||
        !en_bi_value(cx, en_as_object(*hg), "undefined", EN_UNDEFINED, 0))
        goto out;
    {
        bool found = false;
        EnString *a = en_atom(cx, EN_ATOM_globalThis);
        if (!en_has_own_property(cx, en_as_object(*hg), en_key_atom(a), &found)) goto out;
        if (!found && !en_bi_value(cx, en_as_object(*hg), "globalThis", cx->global_this, EN_PROP_HIDDEN))
            goto out;
    }
    // parseInt / parseFloat: the very objects installed on Number.
    static const struct {
        const char *name;
        EnNativeFn fn;
        uint32_t length;
    } shared[] = {{"parseInt", en_bi_parse_int, 2}, {"parseFloat", en_bi_parse_float, 1}};
    for (size_t i = 0; i < 2; i++) {
        EnObject *number = en_intrinsic(cx, EN_INTRINSIC_Number);
        EnValue f = number ? en_bi_own_value(cx, number, shared[i].name) : EN_UNDEFINED;
        if (en_is_object(f)) {
            if (!en_bi_value(cx, en_as_object(*hg), shared[i].name, f, EN_PROP_HIDDEN)) goto out;
        } else if (!en_define_method(cx, en_as_object(*hg), shared[i].name, shared[i].fn,
                                     shared[i].length)) {
            goto out;
        }
    }
    ok = en_bi_methods(cx, en_as_object(*hg), global_methods,
                       sizeof global_methods / sizeof global_methods[0]);
out:
    en_handle_scope_close(&hs);
    return ok;
}
