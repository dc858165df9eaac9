// Builtin family "json": JSON.parse (strict ECMA-404 grammar, exact number
// parsing, reviver) and JSON.stringify (replacer function or property
// list, indent, toJSON, cycle detection, well-formed output with lone
// surrogates escaped, BigInt TypeError). rawJSON / isRawJSON are ES2026
// and not provided.
//
// Both directions recurse on the C stack, bounded by JSON_MAX_DEPTH
// (a RangeError beyond, like a stack overflow in other engines).
#include <math.h>
#include <string.h>

#include "bi_support_int.h"
#include "numconv_int.h"

#define JSON_MAX_DEPTH 8000
#define JSON_POLL_MASK 0x3Fu  // en_poll_interrupt reads the clock every 1024 polls

// ---------------------------------------------------------------------------
// JSON.parse

typedef struct JsonParser {
    EnContext *cx;
    EnValue *src;  // rooted flat string
    uint32_t pos, len;
    uint32_t depth;
    uint32_t work;  // values parsed (interrupt polling)
} JsonParser;

static inline EnString *jp_str(JsonParser *p) { return en_as_string(*p->src); }
static inline uint32_t jp_peek(JsonParser *p) {
    return p->pos < p->len ? en_str_at(jp_str(p), p->pos) : 0xFFFFFFFFu;
}

static void jp_skip_ws(JsonParser *p) {
    EnString *s = jp_str(p);
    while (p->pos < p->len) {
        uint16_t c = en_str_at(s, p->pos);
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
        p->pos++;
    }
}

static EnValue jp_error(JsonParser *p, const char *what) {
    if (p->pos >= p->len)
        return en_throw_syntax_error(p->cx, "Unexpected end of JSON input");
    uint32_t c = jp_peek(p);
    if (c >= 0x20 && c < 0x7F)
        return en_throw_syntax_error(p->cx, "Unexpected token '%c' in JSON at position %u%s%s",
                                     (char)c, p->pos, what ? ": " : "", what ? what : "");
    return en_throw_syntax_error(p->cx, "Unexpected character U+%04X in JSON at position %u",
                                 (unsigned)c, p->pos);
}

static EnValue jp_value(JsonParser *p);

static int jp_hex(uint32_t c) {
    if (c >= '0' && c <= '9') return (int)(c - '0');
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') return (int)((c | 0x20) - 'a' + 10);
    return -1;
}

// A string token at p->pos (the opening quote); returns the string value.
static EnValue jp_string(JsonParser *p) {
    EnContext *cx = p->cx;
    uint32_t start = ++p->pos;
    EnString *s = jp_str(p);
    // Common case: no escapes, a substring of the source.
    while (p->pos < p->len) {
        uint16_t c = en_str_at(s, p->pos);
        if (c == '"') {
            EnString *r = en_str_substring(cx, s, start, p->pos);
            p->pos++;
            return r ? en_string_value(r) : EN_EXCEPTION;
        }
        if (c == '\\') break;
        if (c < 0x20) return jp_error(p, "bad control character in string literal");
        p->pos++;
    }
    EnStrBuilder sb;
    en_sb_init(&sb, cx);
    for (uint32_t i = start; i < p->pos; i++) en_sb_unit(&sb, en_str_at(s, i));
    while (p->pos < p->len) {
        uint16_t c = en_str_at(s, p->pos);
        if (c == '"') {
            p->pos++;
            EnString *r = en_sb_finish(&sb);
            return r ? en_string_value(r) : EN_EXCEPTION;
        }
        if (c < 0x20) {
            en_sb_free(&sb);
            return jp_error(p, "bad control character in string literal");
        }
        if (c != '\\') {
            en_sb_unit(&sb, c);
            p->pos++;
            continue;
        }
        p->pos++;
        uint32_t e = jp_peek(p);
        uint16_t out;
        switch (e) {
        case '"': out = '"'; break;
        case '\\': out = '\\'; break;
        case '/': out = '/'; break;
        case 'b': out = '\b'; break;
        case 'f': out = '\f'; break;
        case 'n': out = '\n'; break;
        case 'r': out = '\r'; break;
        case 't': out = '\t'; break;
        case 'u': {
            int v = 0;
            for (int k = 1; k <= 4; k++) {
                int h = p->pos + (uint32_t)k < p->len ? jp_hex(en_str_at(s, p->pos + (uint32_t)k)) : -1;
                if (h < 0) {
                    p->pos += (uint32_t)k;
                    en_sb_free(&sb);
                    return jp_error(p, "bad Unicode escape");
                }
                v = v * 16 + h;
            }
            out = (uint16_t)v;
            p->pos += 4;
            break;
        }
        default:
            en_sb_free(&sb);
            return jp_error(p, "bad escaped character");
        }
        en_sb_unit(&sb, out);
        p->pos++;
    }
    en_sb_free(&sb);
    return jp_error(p, "unterminated string");
}

static EnValue jp_number(JsonParser *p) {
    EnString *s = jp_str(p);
    uint32_t start = p->pos;
    bool neg = false;
    if (jp_peek(p) == '-') {
        neg = true;
        p->pos++;
    }
    uint32_t int_start = p->pos;
    if (jp_peek(p) == '0') {
        p->pos++;
    } else if (jp_peek(p) >= '1' && jp_peek(p) <= '9') {
        while (jp_peek(p) >= '0' && jp_peek(p) <= '9') p->pos++;
    } else {
        return jp_error(p, "no number after minus sign");
    }
    uint32_t int_end = p->pos, frac_start = 0, frac_end = 0;
    if (jp_peek(p) == '.') {
        p->pos++;
        frac_start = p->pos;
        if (!(jp_peek(p) >= '0' && jp_peek(p) <= '9')) return jp_error(p, "unterminated fractional number");
        while (jp_peek(p) >= '0' && jp_peek(p) <= '9') p->pos++;
        frac_end = p->pos;
    }
    int64_t exp10 = 0;
    if ((jp_peek(p) | 0x20) == 'e') {
        p->pos++;
        bool eneg = false;
        if (jp_peek(p) == '+' || jp_peek(p) == '-') {
            eneg = jp_peek(p) == '-';
            p->pos++;
        }
        if (!(jp_peek(p) >= '0' && jp_peek(p) <= '9')) return jp_error(p, "exponent part is missing a number");
        while (jp_peek(p) >= '0' && jp_peek(p) <= '9') {
            if (exp10 < 100000000) exp10 = exp10 * 10 + (jp_peek(p) - '0');
            p->pos++;
        }
        if (eneg) exp10 = -exp10;
    }
    uint32_t nint = int_end - int_start, nfrac = frac_end - frac_start;
    if (nfrac == 0 && exp10 == 0 && nint <= 9) {
        int32_t v = 0;
        for (uint32_t i = int_start; i < int_end; i++) v = v * 10 + (en_str_at(s, i) - '0');
        if (neg && v == 0) return en_double(-0.0);
        return en_int32(neg ? -v : v);
    }
    (void)start;
    // Digits without the point, then the exact decimal conversion.
    char small[128];
    size_t nd = (size_t)nint + nfrac;
    char *dig = nd <= sizeof small ? small : och_malloc(nd);
    size_t k = 0;
    for (uint32_t i = int_start; i < int_end; i++) dig[k++] = (char)en_str_at(s, i);
    for (uint32_t i = frac_start; i < frac_end; i++) dig[k++] = (char)en_str_at(s, i);
    double d = en_num_from_decimal(dig, nd, exp10 - (int64_t)nfrac);
    if (dig != small) och_free(dig);
    return en_number(neg ? -d : d);
}

static bool jp_literal(JsonParser *p, const char *word) {
    size_t n = strlen(word);
    if (p->pos + n > p->len) return false;
    for (size_t i = 0; i < n; i++)
        if (en_str_at(jp_str(p), p->pos + (uint32_t)i) != (uint8_t)word[i]) return false;
    p->pos += (uint32_t)n;
    return true;
}

static EnValue jp_object(JsonParser *p) {
    EnContext *cx = p->cx;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    EnObject *o = en_obj_new_plain(cx);
    if (!o) goto out;
    EnValue *ho = en_handle(cx, en_object_value(o));
    EnValue *hk = en_handle(cx, EN_UNDEFINED);
    p->pos++;  // {
    jp_skip_ws(p);
    if (jp_peek(p) == '}') {
        p->pos++;
        res = *ho;
        goto out;
    }
    for (;;) {
        jp_skip_ws(p);
        if (jp_peek(p) != '"') {
            jp_error(p, "expected a property name");
            goto out;
        }
        EnValue name = jp_string(p);
        if (en_is_exception(name)) goto out;
        *hk = name;
        EnKey key;
        if (!en_key_from_value(cx, *hk, &key)) goto out;
        *hk = key;
        jp_skip_ws(p);
        if (jp_peek(p) != ':') {
            jp_error(p, "expected ':' after property name");
            goto out;
        }
        p->pos++;
        EnValue v = jp_value(p);
        if (en_is_exception(v)) goto out;
        // Duplicate names: the last one wins (CreateDataProperty replaces).
        if (!en_create_data_property_or_throw(cx, en_as_object(*ho), *hk, v)) goto out;
        jp_skip_ws(p);
        uint32_t c = jp_peek(p);
        p->pos++;
        if (c == '}') break;
        if (c != ',') {
            p->pos--;
            jp_error(p, "expected ',' or '}' after property value");
            goto out;
        }
    }
    res = *ho;
out:
    return en_handle_scope_escape(&hs, res);
}

static EnValue jp_array(JsonParser *p) {
    EnContext *cx = p->cx;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    EnObject *a = en_array_new(cx, 0);
    if (!a) goto out;
    EnValue *ha = en_handle(cx, en_object_value(a));
    p->pos++;  // [
    jp_skip_ws(p);
    if (jp_peek(p) == ']') {
        p->pos++;
        res = *ha;
        goto out;
    }
    for (;;) {
        EnValue v = jp_value(p);
        if (en_is_exception(v)) goto out;
        if (!en_array_push(cx, en_as_object(*ha), v)) goto out;
        jp_skip_ws(p);
        uint32_t c = jp_peek(p);
        p->pos++;
        if (c == ']') break;
        if (c != ',') {
            p->pos--;
            jp_error(p, "expected ',' or ']' after array element");
            goto out;
        }
    }
    res = *ha;
out:
    return en_handle_scope_escape(&hs, res);
}

static EnValue jp_value(JsonParser *p) {
    if ((++p->work & JSON_POLL_MASK) == 0 && !en_poll_interrupt(p->cx)) return EN_EXCEPTION;
    jp_skip_ws(p);
    uint32_t c = jp_peek(p);
    EnValue v;
    switch (c) {
    case '{':
    case '[':
        if (++p->depth > JSON_MAX_DEPTH)
            return en_throw_range_error(p->cx, "JSON.parse: nesting too deep");
        v = c == '{' ? jp_object(p) : jp_array(p);
        p->depth--;
        return v;
    case '"':
        return jp_string(p);
    case 't':
        if (jp_literal(p, "true")) return EN_TRUE;
        break;
    case 'f':
        if (jp_literal(p, "false")) return EN_FALSE;
        break;
    case 'n':
        if (jp_literal(p, "null")) return EN_NULL;
        break;
    default:
        if (c == '-' || (c >= '0' && c <= '9')) return jp_number(p);
        break;
    }
    return jp_error(p, NULL);
}

// InternalizeJSONProperty(holder, name, reviver). holder/name/reviver rooted
// by the caller.
static EnValue json_internalize(EnContext *cx, EnValue holder, EnKey name, EnValue reviver,
                                uint32_t depth) {
    if (depth > JSON_MAX_DEPTH) return en_throw_range_error(cx, "Maximum call stack size exceeded");
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    EnValue val = en_get(cx, holder, name);
    if (en_is_exception(val)) goto out;
    EnValue *hv = en_handle(cx, val);
    if (en_is_object(val)) {
        bool is_array;
        if (!en_is_array(cx, val, &is_array)) goto out;
        if (is_array) {
            uint64_t len;
            if (!en_length_of_array_like(cx, *hv, &len)) goto out;
            for (uint64_t i = 0; i < len; i++) {
                EnKey k = en_key_index((uint32_t)i);
                EnValue el = json_internalize(cx, *hv, k, reviver, depth + 1);
                if (en_is_exception(el)) goto out;
                bool ok;
                if (en_is_undefined(el)) {
                    if (!en_obj_delete(cx, en_as_object(*hv), k, &ok)) goto out;
                } else if (!en_create_data_property(cx, en_as_object(*hv), k, el, &ok)) {
                    goto out;
                }
            }
        } else {
            EnKey *keys;
            uint32_t n;
            if (!en_obj_own_keys(cx, en_as_object(*hv), &keys, &n)) goto out;
            // Root the enumerable string keys: the reviver may delete them.
            EnValue *first = NULL;
            uint32_t m = 0;
            for (uint32_t i = 0; i < n; i++) {
                if (en_is_symbol(keys[i])) continue;
                EnValue *h = en_handle(cx, keys[i]);
                if (!first) first = h;
                m++;
            }
            och_free(keys);
            for (uint32_t i = 0; i < m; i++) {
                EnKey k = first[i];
                EnPropDesc d;
                bool found;
                if (!en_obj_get_own_property(cx, en_as_object(*hv), k, &d, &found)) goto out;
                if (!found || !(d.attrs & EN_PROP_ENUMERABLE)) continue;
                EnValue el = json_internalize(cx, *hv, k, reviver, depth + 1);
                if (en_is_exception(el)) goto out;
                bool ok;
                if (en_is_undefined(el)) {
                    if (!en_obj_delete(cx, en_as_object(*hv), k, &ok)) goto out;
                } else if (!en_create_data_property(cx, en_as_object(*hv), k, el, &ok)) {
                    goto out;
                }
            }
        }
    }
    {
        EnValue kv = en_key_to_value(cx, name);
        if (en_is_exception(kv)) goto out;
        EnValue argv[2] = {kv, *hv};
        EnValue *hargs = en_handle(cx, argv[0]);
        en_handle(cx, argv[1]);
        res = en_call(cx, reviver, holder, 2, hargs);
    }
out:
    return en_handle_scope_escape(&hs, res);
}

static EnValue json_parse(EnContext *cx, const EnArgs *args) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    EnString *s = en_to_string(cx, en_arg(args, 0));
    if (!s) goto out;
    EnValue *hsrc = en_handle(cx, en_string_value(s));
    s = en_str_flatten(cx, s);
    if (!s) goto out;
    *hsrc = en_string_value(s);
    JsonParser p = {cx, hsrc, 0, en_str_length(s), 0, 0};
    EnValue v = jp_value(&p);
    if (en_is_exception(v)) goto out;
    EnValue *hv = en_handle(cx, v);
    jp_skip_ws(&p);
    if (p.pos < p.len) {
        jp_error(&p, "unexpected non-whitespace character after JSON data");
        goto out;
    }
    EnValue reviver = en_arg(args, 1);
    if (!en_is_callable(reviver)) {
        res = *hv;
        goto out;
    }
    EnObject *root = en_obj_new_plain(cx);
    if (!root) goto out;
    EnValue *hroot = en_handle(cx, en_object_value(root));
    EnKey empty = en_key_atom(en_atom(cx, EN_ATOM_empty));
    if (!en_create_data_property_or_throw(cx, root, empty, *hv)) goto out;
    res = json_internalize(cx, *hroot, empty, reviver, 0);
out:
    return en_handle_scope_escape(&hs, res);
}

// ---------------------------------------------------------------------------
// JSON.stringify

typedef struct JsonWriter {
    EnContext *cx;
    EnStrBuilder sb;
    EnValue *replacer;      // rooted: function or undefined
    EnValue *prop_list;     // rooted: array of keys or undefined
    uint32_t nprops;
    EnValue *gap;           // rooted string (may be empty)
    uint32_t gap_len;
    uint32_t indent;        // current depth (indent = gap * depth)
    // Objects being serialized (cycle check). C memory: each is rooted by
    // the handle of the jw_property frame serializing it.
    EnValue *stack;
    uint32_t depth, stack_cap;
    uint32_t work;
} JsonWriter;

static void jw_quote(JsonWriter *w, EnString *s) {
    static const char hex[] = "0123456789abcdef";
    EnStrBuilder *sb = &w->sb;
    uint32_t n = en_str_length(s);
    en_sb_unit(sb, '"');
    for (uint32_t i = 0; i < n; i++) {
        uint16_t c = en_str_at(s, i);
        switch (c) {
        case '"': en_sb_ascii(sb, "\\\"", 2); continue;
        case '\\': en_sb_ascii(sb, "\\\\", 2); continue;
        case '\b': en_sb_ascii(sb, "\\b", 2); continue;
        case '\f': en_sb_ascii(sb, "\\f", 2); continue;
        case '\n': en_sb_ascii(sb, "\\n", 2); continue;
        case '\r': en_sb_ascii(sb, "\\r", 2); continue;
        case '\t': en_sb_ascii(sb, "\\t", 2); continue;
        default: break;
        }
        bool lone = false;
        if (c >= 0xD800 && c <= 0xDBFF) {
            uint16_t d = i + 1 < n ? en_str_at(s, i + 1) : 0;
            if (d >= 0xDC00 && d <= 0xDFFF) {
                en_sb_unit(sb, c);
                en_sb_unit(sb, d);
                i++;
                continue;
            }
            lone = true;
        } else if (c >= 0xDC00 && c <= 0xDFFF) {
            lone = true;
        }
        if (c < 0x20 || lone) {
            char e[6] = {'\\', 'u', hex[c >> 12], hex[(c >> 8) & 15], hex[(c >> 4) & 15], hex[c & 15]};
            en_sb_ascii(sb, e, 6);
        } else {
            en_sb_unit(sb, c);
        }
    }
    en_sb_unit(sb, '"');
}

static void jw_newline(JsonWriter *w) {
    en_sb_unit(&w->sb, '\n');
    EnString *g = en_as_string(*w->gap);
    for (uint32_t i = 0; i < w->indent; i++)
        for (uint32_t j = 0; j < w->gap_len; j++) en_sb_unit(&w->sb, en_str_at(g, j));
}

// SerializeJSONProperty: appends the serialization of holder[key]; *wrote
// false when the value is not serializable (undefined, functions, symbols).
static bool jw_property(JsonWriter *w, EnValue holder, EnKey key, bool *wrote);

static bool jw_push(JsonWriter *w, EnValue v) {
    for (uint32_t i = 0; i < w->depth; i++)
        if (w->stack[i] == v) {
            en_throw_type_error(w->cx, "Converting circular structure to JSON");
            return false;
        }
    if (w->depth >= JSON_MAX_DEPTH) {
        en_throw_range_error(w->cx, "Maximum call stack size exceeded");
        return false;
    }
    if (w->depth == w->stack_cap) {
        w->stack_cap = w->stack_cap ? w->stack_cap * 2 : 16;
        w->stack = och_realloc(w->stack, sizeof(EnValue) * w->stack_cap);
    }
    w->stack[w->depth++] = v;
    return true;
}

static bool jw_object(JsonWriter *w, EnValue *hv) {
    EnContext *cx = w->cx;
    if (!jw_push(w, *hv)) return false;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    bool ok = false;
    // The keys: the property list, or EnumerableOwnProperties(value, key).
    EnValue *keys = NULL;
    uint32_t nkeys = 0;
    if (!en_is_undefined(*w->prop_list)) {
        nkeys = w->nprops;
        keys = NULL;
    } else {
        EnKey *raw;
        uint32_t n;
        if (!en_obj_own_keys(cx, en_as_object(*hv), &raw, &n)) goto out;
        for (uint32_t i = 0; i < n; i++) {
            if (en_is_symbol(raw[i])) continue;
            EnValue *h = en_handle(cx, raw[i]);
            if (!keys) keys = h;
            nkeys++;
        }
        och_free(raw);
    }
    en_sb_unit(&w->sb, '{');
    w->indent++;
    bool any = false;
    for (uint32_t i = 0; i < nkeys; i++) {
        EnKey k;
        if (keys) {
            k = keys[i];
            EnPropDesc d;
            bool found;
            if (!en_obj_get_own_property(cx, en_as_object(*hv), k, &d, &found)) goto out;
            if (!found || !(d.attrs & EN_PROP_ENUMERABLE)) continue;
        } else {
            k = en_get_index(cx, *w->prop_list, i);
            if (en_is_exception(k)) goto out;
        }
        uint32_t mark = w->sb.len;
        if (any) en_sb_unit(&w->sb, ',');
        if (w->gap_len) jw_newline(w);
        EnValue kv = en_key_to_value(cx, k);
        if (en_is_exception(kv)) goto out;
        EnString *ks = en_str_flatten(cx, en_as_string(kv));
        if (!ks) goto out;
        jw_quote(w, ks);
        en_sb_unit(&w->sb, ':');
        if (w->gap_len) en_sb_unit(&w->sb, ' ');
        bool wrote;
        if (!jw_property(w, *hv, k, &wrote)) goto out;
        if (wrote) any = true;
        else w->sb.len = mark;  // drop the member: its value is not serializable
    }
    w->indent--;
    if (any && w->gap_len) jw_newline(w);
    en_sb_unit(&w->sb, '}');
    ok = true;
out:
    en_handle_scope_close(&hs);
    w->depth--;
    return ok;
}

static bool jw_array(JsonWriter *w, EnValue *hv) {
    EnContext *cx = w->cx;
    if (!jw_push(w, *hv)) return false;
    bool ok = false;
    uint64_t len;
    if (!en_length_of_array_like(cx, *hv, &len)) goto out;
    en_sb_unit(&w->sb, '[');
    w->indent++;
    for (uint64_t i = 0; i < len; i++) {
        if (i) en_sb_unit(&w->sb, ',');
        if (w->gap_len) jw_newline(w);
        bool wrote;
        if (!jw_property(w, *hv, en_key_index((uint32_t)i), &wrote)) goto out;
        if (!wrote) en_sb_ascii(&w->sb, "null", 4);
    }
    w->indent--;
    if (len && w->gap_len) jw_newline(w);
    en_sb_unit(&w->sb, ']');
    ok = true;
out:
    w->depth--;
    return ok;
}

static bool jw_property(JsonWriter *w, EnValue holder, EnKey key, bool *wrote) {
    EnContext *cx = w->cx;
    *wrote = false;
    if ((++w->work & JSON_POLL_MASK) == 0 && !en_poll_interrupt(cx)) return false;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    bool ok = false;
    EnValue *hh = en_handle(cx, holder);
    EnValue v = en_get(cx, *hh, key);
    if (en_is_exception(v)) goto out;
    EnValue *hv = en_handle(cx, v);
    EnValue *hkey = NULL;
    if (en_is_object(v) || en_is_bigint(v)) {
        EnValue tj = en_get_atom(cx, *hv, EN_ATOM_toJSON);
        if (en_is_exception(tj)) goto out;
        if (en_is_callable(tj)) {
            EnValue *htj = en_handle(cx, tj);
            EnValue kv = en_key_to_value(cx, key);
            if (en_is_exception(kv)) goto out;
            hkey = en_handle(cx, kv);
            v = en_call(cx, *htj, *hv, 1, hkey);
            if (en_is_exception(v)) goto out;
            *hv = v;
        }
    }
    if (!en_is_undefined(*w->replacer)) {
        if (!hkey) {
            EnValue kv = en_key_to_value(cx, key);
            if (en_is_exception(kv)) goto out;
            hkey = en_handle(cx, kv);
        }
        EnValue *argv = en_handle(cx, *hkey);
        en_handle(cx, *hv);
        v = en_call(cx, *w->replacer, *hh, 2, argv);
        if (en_is_exception(v)) goto out;
        *hv = v;
    }
    v = *hv;
    if (en_is_object(v)) {
        EnObject *o = en_as_object(v);
        EnValue inner;
        if (en_obj_class(o) == EN_CLASS_NUMBER) {
            double d;
            if (!en_to_number(cx, v, &d)) goto out;
            *hv = en_number(d);
        } else if (en_obj_class(o) == EN_CLASS_STRING) {
            EnString *s = en_to_string(cx, v);
            if (!s) goto out;
            *hv = en_string_value(s);
        } else if (en_primitive_unwrap(o, EN_CLASS_BOOLEAN, &inner) ||
                   en_primitive_unwrap(o, EN_CLASS_BIGINT, &inner)) {
            *hv = inner;
        }
        v = *hv;
    }
    *wrote = true;
    if (en_is_null(v)) {
        en_sb_ascii(&w->sb, "null", 4);
    } else if (v == EN_TRUE) {
        en_sb_ascii(&w->sb, "true", 4);
    } else if (v == EN_FALSE) {
        en_sb_ascii(&w->sb, "false", 5);
    } else if (en_is_string(v)) {
        EnString *s = en_str_flatten(cx, en_as_string(v));
        if (!s) goto out;
        jw_quote(w, s);
    } else if (en_is_int32(v)) {
        char buf[EN_NUM_BUF];
        en_sb_ascii(&w->sb, buf, en_num_to_cstr((double)en_as_int32(v), buf));
    } else if (en_is_double(v)) {
        double d = en_as_double(v);
        if (isfinite(d)) {
            char buf[EN_NUM_BUF];
            en_sb_ascii(&w->sb, buf, en_num_to_cstr(d, buf));
        } else {
            en_sb_ascii(&w->sb, "null", 4);
        }
    } else if (en_is_bigint(v)) {
        en_throw_type_error(cx, "Do not know how to serialize a BigInt");
        goto out;
    } else if (en_is_object(v) && !en_is_callable(v)) {
        bool is_array;
        if (!en_is_array(cx, v, &is_array)) goto out;
        if (!(is_array ? jw_array(w, hv) : jw_object(w, hv))) goto out;
    } else {
        *wrote = false;  // undefined, symbols, functions
    }
    ok = true;
out:
    en_handle_scope_close(&hs);
    return ok;
}

static EnValue json_stringify(EnContext *cx, const EnArgs *args) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    JsonWriter w;
    memset(&w, 0, sizeof w);
    w.cx = cx;
    en_sb_init(&w.sb, cx);
    w.replacer = en_handle(cx, EN_UNDEFINED);
    w.prop_list = en_handle(cx, EN_UNDEFINED);
    w.gap = en_handle(cx, en_string_value(en_atom(cx, EN_ATOM_empty)));
    EnValue replacer = en_arg(args, 1);
    if (en_is_callable(replacer)) {
        *w.replacer = replacer;
    } else if (en_is_object(replacer)) {
        bool is_array;
        if (!en_is_array(cx, replacer, &is_array)) goto fail;
        if (is_array) {
            // The property list: strings and numbers (and their wrappers),
            // converted to keys, duplicates dropped, in order.
            EnObject *list = en_array_new(cx, 0);
            if (!list) goto fail;
            *w.prop_list = en_object_value(list);
            uint64_t len;
            if (!en_length_of_array_like(cx, replacer, &len)) goto fail;
            for (uint64_t i = 0; i < len; i++) {
                EnValue v = en_get_index(cx, replacer, (uint32_t)i);
                if (en_is_exception(v)) goto fail;
                bool take = en_is_string(v) || en_is_number(v);
                if (en_is_object(v)) {
                    EnClassId c = en_obj_class(en_as_object(v));
                    take = c == EN_CLASS_STRING || c == EN_CLASS_NUMBER;
                }
                if (!take) continue;
                EnKey k;
                EnString *s = en_to_string(cx, v);
                if (!s || !en_key_from_value(cx, en_string_value(s), &k)) goto fail;
                bool dup = false;
                for (uint32_t j = 0; j < w.nprops && !dup; j++) {
                    EnValue e = en_get_index(cx, *w.prop_list, j);
                    dup = e == k;
                }
                if (dup) continue;
                if (!en_array_push(cx, en_as_object(*w.prop_list), k)) goto fail;
                w.nprops++;
            }
        }
    }
    EnValue space = en_arg(args, 2);
    if (en_is_object(space)) {
        EnClassId c = en_obj_class(en_as_object(space));
        if (c == EN_CLASS_NUMBER) {
            double d;
            if (!en_to_number(cx, space, &d)) goto fail;
            space = en_number(d);
        } else if (c == EN_CLASS_STRING) {
            EnString *s = en_to_string(cx, space);
            if (!s) goto fail;
            space = en_string_value(s);
        }
    }
    if (en_is_number(space)) {
        double d;
        if (!en_to_integer_or_infinity(cx, space, &d)) goto fail;
        int n = d > 10 ? 10 : d < 1 ? 0 : (int)d;
        EnString *g = en_str_from_latin1(cx, (const uint8_t *)"          ", (size_t)n);
        if (!g) goto fail;
        *w.gap = en_string_value(g);
    } else if (en_is_string(space)) {
        EnString *s = en_as_string(space);
        uint32_t n = en_str_length(s) < 10 ? en_str_length(s) : 10;
        EnString *g = en_str_substring(cx, s, 0, n);
        if (!g || !(g = en_str_flatten(cx, g))) goto fail;
        *w.gap = en_string_value(g);
    }
    w.gap_len = en_str_length(en_as_string(*w.gap));
    {
        EnObject *wrapper = en_obj_new_plain(cx);
        if (!wrapper) goto fail;
        EnValue *hw = en_handle(cx, en_object_value(wrapper));
        EnKey empty = en_key_atom(en_atom(cx, EN_ATOM_empty));
        if (!en_create_data_property_or_throw(cx, wrapper, empty, en_arg(args, 0))) goto fail;
        bool wrote;
        if (!jw_property(&w, *hw, empty, &wrote)) goto fail;
        if (!wrote) {
            en_sb_free(&w.sb);
            res = EN_UNDEFINED;
        } else {
            EnString *r = en_sb_finish(&w.sb);
            res = r ? en_string_value(r) : EN_EXCEPTION;
        }
    }
    goto out;
fail:
    en_sb_free(&w.sb);
out:
    och_free(w.stack);
    return en_handle_scope_escape(&hs, res);
}

static const EnBiMethod json_methods[] = {
    {"parse", json_parse, 2},
    {"stringify", json_stringify, 3},
};

bool en_init_json(EnContext *cx) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    bool ok = false;
    EnObject *json = en_obj_new(cx, EN_CLASS_OBJECT, en_intrinsic(cx, EN_INTRINSIC_ObjectPrototype), 4);
    if (!json) goto out;
    EnValue *hj = en_handle(cx, en_object_value(json));
    cx->intrinsics[EN_INTRINSIC_JSON] = json;
    if (!en_bi_to_string_tag(cx, en_as_object(*hj), "JSON")) goto out;
    if (!en_bi_methods(cx, en_as_object(*hj), json_methods, sizeof json_methods / sizeof json_methods[0]))
        goto out;
    ok = en_bi_value(cx, cx->global, "JSON", *hj, EN_PROP_HIDDEN);
out:
    en_handle_scope_close(&hs);
    return ok;
}
