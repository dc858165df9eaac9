// ESTree JSON output, shaped exactly like acorn 8.19's trees for
// `{ecmaVersion: "latest"}` (acorn-jsx for JSX nodes), so that `ochre parse
// --json` can be diffed against acorn structurally.
//
// Differences by design, because JSON cannot carry them: regular expression
// and bigint Literals print `"value": null` (acorn holds a RegExp / BigInt
// there; the comparison maps those to null too) next to `regex` / `bigint`;
// non-finite numbers print `null`, like JSON.stringify. Nodes acorn does not
// know print in the shape their ESTree proposals use: `decorators` (only when
// present), AccessorProperty like PropertyDefinition, JSXSpreadChild with
// `expression`. Tolerant parses add `{"type":"Error", start, end,
// "children":[...]}` nodes and `"missing": true` on inserted nodes.
//
// start/end are UTF-16 code unit offsets, as acorn counts in JS strings.
//
// Each ESTree type is a table of its fields in acorn's order (`fields`
// below); a small interpreter walks the tree with an explicit stack of
// frames instead of recursion: trees from long operator chains
// (`a+a+...+a`) are as deep as they are long, and no input may overflow the
// C stack.
#include "parser.h"

#include <math.h>
#include <string.h>
#if defined(__linux__)
#include <sys/mman.h>
#endif

// ---------------------------------------------------------------------------
// Byte offset -> UTF-16 offset.
//
// The number of UTF-16 units in a run of valid UTF-8 is its byte count minus
// its continuation bytes (10xxxxxx) plus one per 4-byte lead (11110xxx),
// which becomes a surrogate pair. A table holds the UTF-16 offset of every
// 64-byte block; a lookup adds the units of at most 63 bytes, counted eight
// bytes at a time, unless a bitmap says the block is pure ASCII. Pure ASCII
// sources (the common case) need no table at all.
// Invalid UTF-8 (already a diagnostic) gets approximate offsets.

#define U16_BLOCK_SHIFT 6
#define U16_BLOCK (1u << U16_BLOCK_SHIFT)
#define HIGH_BITS 0x8080808080808080ull

typedef struct U16Map {
    const unsigned char *src;
    uint32_t len;
    uint32_t *blocks;  // NULL when the source is ASCII: offsets are identical
    uint64_t *ascii;   // bit b set: block b is pure ASCII (no counting needed)
} U16Map;

static inline uint64_t load64(const unsigned char *p) {
    uint64_t x;
    memcpy(&x, p, 8);
    return x;
}

// Number of bytes of m whose high bit is set (m has no other bits set). A
// multiplication sums the bytes into the top one; baseline x86-64 has no
// popcount instruction.
static inline int count_high_bits(uint64_t m) {
    return (int)(((m >> 7) * 0x0101010101010101ull) >> 56);
}

// Continuation bytes minus 4-byte leads in a word: what to subtract from
// the byte count to get UTF-16 units.
static inline int word_shrink(uint64_t x) {
    uint64_t cont = x & ~(x << 1) & HIGH_BITS;                      // 10xxxxxx
    uint64_t four = x & (x << 1) & (x << 2) & (x << 3) & HIGH_BITS;  // 1111xxxx
    return count_high_bits(cont) - count_high_bits(four);
}

// UTF-16 units in src[from, to) where both lie in one block.
static uint32_t units_between(const unsigned char *src, uint32_t from, uint32_t to) {
    uint32_t n = to - from;
    int shrink = 0;
    uint32_t i = from;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    for (; i + 8 <= to; i += 8) shrink += word_shrink(load64(src + i));
    if (i < to) {
        // The source is NUL-padded, so reading a whole word past `to` is safe;
        // the bytes beyond it are masked off (little-endian: low bytes first).
        uint64_t mask = (1ull << (8 * (to - i))) - 1;
        shrink += word_shrink(load64(src + i) & mask);
    }
#else
    for (; i < to; i++) shrink += (src[i] & 0xC0) == 0x80 ? 1 : (src[i] >= 0xF0 ? -1 : 0);
#endif
    return (uint32_t)((int64_t)n - shrink);
}

static bool has_non_ascii(const unsigned char *s, uint32_t len) {
    uint32_t i = 0;
    for (; i + 8 <= len; i += 8)
        if (load64(s + i) & HIGH_BITS) return true;
    for (; i < len; i++)
        if (s[i] & 0x80) return true;
    return false;
}

static void u16_init(U16Map *m, const char *src, uint32_t len) {
    m->src = (const unsigned char *)src;
    m->len = len;
    m->blocks = NULL;
    m->ascii = NULL;
    if (!has_non_ascii(m->src, len)) return;
    uint32_t nblocks = (len >> U16_BLOCK_SHIFT) + 1;
    m->blocks = och_malloc(sizeof(uint32_t) * nblocks);
    m->ascii = och_calloc((nblocks + 63) / 64, sizeof(uint64_t));
    uint32_t acc = 0;
    for (uint32_t b = 0; b < nblocks; b++) {
        m->blocks[b] = acc;
        uint32_t from = b << U16_BLOCK_SHIFT;
        uint32_t to = from + U16_BLOCK < len ? from + U16_BLOCK : len;
        if (from < to) acc += units_between(m->src, from, to);
        if (!has_non_ascii(m->src + from, to - from)) m->ascii[b / 64] |= 1ull << (b % 64);
    }
}

static void u16_free(U16Map *m) {
    och_free(m->blocks);
    och_free(m->ascii);
}

static inline uint32_t u16_at(const U16Map *m, uint32_t off) {
    if (off > m->len) off = m->len;
    if (!m->blocks) return off;
    uint32_t b = off >> U16_BLOCK_SHIFT, from = b << U16_BLOCK_SHIFT;
    if (m->ascii[b / 64] & (1ull << (b % 64))) return m->blocks[b] + (off - from);
    return m->blocks[b] + units_between(m->src, from, off);
}

// ---------------------------------------------------------------------------
// Output buffer: a raw cursor into the OchBuf, grown in big steps.

typedef struct Field Field;

// A node being written: its fields up to `field` are out; `idx` is the
// position in the list field being written (0: not started).
typedef struct Frame {
    const PsNode *node;
    const Field *field;
    uint32_t idx;
} Frame;

typedef struct Writer {
    char *p, *end;  // cursor and limit inside out->data
    OchBuf *out;
    const char *src;
    uint32_t len;
    U16Map u16;
    OCH_VEC(Frame) stack;
} Writer;

static void grow(Writer *w, size_t n);

static inline void need(Writer *w, size_t n) {
    if (OCH_UNLIKELY((size_t)(w->end - w->p) < n)) grow(w, n);
}

static void grow(Writer *w, size_t n) {
    OchBuf *out = w->out;
    out->len = (size_t)(w->p - out->data);
    och_buf_reserve(out, n + out->cap / 2 + 4096);
    w->p = out->data + out->len;
    w->end = out->data + out->cap - 1;  // keep room for the final NUL
}

// Copies n bytes to o. Short strings (keys, punctuation) dominate the
// output; two overlapping fixed-size moves copy them without a call into
// the C library.
static inline void copy_bytes(char *o, const char *s, size_t n) {
    if (n > 16 && n <= 32) {
        memcpy(o, s, 16);
        memcpy(o + n - 16, s + n - 16, 16);
    } else if (n > 32 && n <= 64) {
        memcpy(o, s, 32);
        memcpy(o + n - 32, s + n - 32, 32);
    } else if (n >= 8 && n <= 16) {
        memcpy(o, s, 8);
        memcpy(o + n - 8, s + n - 8, 8);
    } else if (n >= 4 && n < 8) {
        memcpy(o, s, 4);
        memcpy(o + n - 4, s + n - 4, 4);
    } else if (n < 4) {
        for (size_t i = 0; i < n; i++) o[i] = s[i];
    } else {
        memcpy(o, s, n);
    }
}

static inline void put(Writer *w, const char *s, size_t n) {
    need(w, n);
    copy_bytes(w->p, s, n);
    w->p += n;
}

#define PUT_LIT(w, s) put((w), (s), sizeof(s) - 1)

static const char digit_pairs[201] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

// Writes v in decimal at o (which has room for 10 bytes); returns the end.
static inline char *u32_digits(char *o, uint32_t v) {
    uint32_t len = v < 10 ? 1 : v < 100 ? 2 : v < 1000 ? 3 : v < 10000 ? 4 : v < 100000 ? 5 :
                   v < 1000000 ? 6 : v < 10000000 ? 7 : v < 100000000 ? 8 : v < 1000000000 ? 9 : 10;
    char *end = o + len;
    o = end;
    while (v >= 100) {
        uint32_t r = v % 100;
        v /= 100;
        o -= 2;
        memcpy(o, digit_pairs + 2 * r, 2);
    }
    if (v >= 10) {
        o -= 2;
        memcpy(o, digit_pairs + 2 * v, 2);
    } else {
        *--o = (char)('0' + v);
    }
    return end;
}

static inline void put_u32(Writer *w, uint32_t v) {
    need(w, 10);
    w->p = u32_digits(w->p, v);
}

static inline void put_bool(Writer *w, bool b) {
    if (b) PUT_LIT(w, "true");
    else PUT_LIT(w, "false");
}

// Bytes that a JSON string cannot hold as they are, or that start a
// multi-byte sequence needing validation.
static const uint8_t json_special[256] = {
    ['"'] = 1, ['\\'] = 1,
#define R4(i) [i] = 1, [i + 1] = 1, [i + 2] = 1, [i + 3] = 1
#define R16(i) R4(i), R4(i + 4), R4(i + 8), R4(i + 12)
    R16(0x00), R16(0x10),
    R16(0x80), R16(0x90), R16(0xA0), R16(0xB0), R16(0xC0), R16(0xD0), R16(0xE0), R16(0xF0),
#undef R16
#undef R4
};

static const char hex_digits[] = "0123456789abcdef";

static inline char *put_u_escape(char *o, uint32_t unit) {
    o[0] = '\\';
    o[1] = 'u';
    o[2] = hex_digits[(unit >> 12) & 15];
    o[3] = hex_digits[(unit >> 8) & 15];
    o[4] = hex_digits[(unit >> 4) & 15];
    o[5] = hex_digits[unit & 15];
    return o + 6;
}

// Writes s[0..n) as a JSON string the way JSON.stringify writes the JS
// string it denotes. With wtf8, encoded surrogates are string code units:
// a high one followed by a low one is the pair's character, a lone one
// prints as `\udxxx`. Invalid bytes print U+FFFD (the source was already
// reported as invalid UTF-8).
static void put_json_str(Writer *w, const char *s, uint32_t n, bool wtf8) {
    // Worst case: every byte becomes a 6-byte escape.
    need(w, (size_t)n * 6 + 2);
    char *o = w->p;
    *o++ = '"';
    const unsigned char *u = (const unsigned char *)s;
    uint32_t i = 0;
    while (i < n) {
        uint32_t run = i;
        while (run < n && !json_special[u[run]]) run++;
        if (run > i) {
            memcpy(o, s + i, run - i);
            o += run - i;
            i = run;
            if (i == n) break;
        }
        unsigned char c = u[i];
        if (c < 0x80) {
            *o++ = '\\';
            switch (c) {
            case '"': *o++ = '"'; break;
            case '\\': *o++ = '\\'; break;
            case '\b': *o++ = 'b'; break;
            case '\f': *o++ = 'f'; break;
            case '\n': *o++ = 'n'; break;
            case '\r': *o++ = 'r'; break;
            case '\t': *o++ = 't'; break;
            default: o = put_u_escape(o - 1, c); break;
            }
            i++;
            continue;
        }
        uint32_t cp;
        uint32_t len = och_utf8_decode(s + i, n - i, &cp, wtf8);
        if (cp == OCH_UTF8_INVALID) {
            memcpy(o, "\xEF\xBF\xBD", 3);  // U+FFFD
            o += 3;
            i += 1;
        } else if (cp >= 0xD800 && cp <= 0xDBFF) {
            uint32_t cp2;
            uint32_t len2 = i + 3 < n ? och_utf8_decode(s + i + 3, n - i - 3, &cp2, true) : 0;
            if (len2 == 3 && cp2 >= 0xDC00 && cp2 <= 0xDFFF) {
                o += och_utf8_encode(o, 0x10000 + ((cp - 0xD800) << 10) + (cp2 - 0xDC00));
                i += 6;
            } else {
                o = put_u_escape(o, cp);
                i += 3;
            }
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            o = put_u_escape(o, cp);
            i += 3;
        } else {
            memcpy(o, s + i, len);
            o += len;
            i += len;
        }
    }
    *o++ = '"';
    w->p = o;
}

static inline void put_src_str(Writer *w, uint32_t start, uint32_t end) {
    if (end > w->len) end = w->len;
    if (start > end) start = end;
    put_json_str(w, w->src + start, end - start, false);
}

// ---------------------------------------------------------------------------
// Literal values.

// JSON for a number value: Number.prototype.toString, or null for
// non-finite values (JSON.stringify). Integers take a fast path since
// och_number_to_string searches for the shortest digits.
static void put_number(Writer *w, double d) {
    if (!isfinite(d)) {
        PUT_LIT(w, "null");
        return;
    }
    if (d >= 0 && d < 4294967296.0 && d == (double)(uint32_t)d) {
        put_u32(w, (uint32_t)d);
        return;
    }
    need(w, 32);
    w->p += och_number_to_string(d, w->p);
}

// acorn's `bigint` is the value in decimal (BigInt#toString): `0x1_Fn` -> "31".
// Computed from the source text: digits in base 1e9 limbs, least
// significant first.
static void put_bigint(Writer *w, uint32_t start, uint32_t end) {
    const char *s = w->src + start;
    uint32_t n = end - start;
    if (n && s[n - 1] == 'n') n--;
    unsigned radix = 10;
    uint32_t i = 0;
    if (n >= 2 && s[0] == '0') {
        char r = (char)(s[1] | 0x20);
        if (r == 'x') radix = 16, i = 2;
        else if (r == 'o') radix = 8, i = 2;
        else if (r == 'b') radix = 2, i = 2;
    }
    if (radix == 10) {
        // Decimal: the digits without separators, leading zeros dropped.
        need(w, (size_t)n + 3);
        *w->p++ = '"';
        bool any = false;
        for (; i < n; i++) {
            if (s[i] == '_' || (s[i] == '0' && !any)) continue;
            any = true;
            *w->p++ = s[i];
        }
        if (!any) *w->p++ = '0';
        *w->p++ = '"';
        return;
    }
    OCH_VEC(uint32_t) limbs = {0};
    och_vec_push(&limbs, 0);
    for (; i < n; i++) {
        char c = s[i];
        unsigned digit;
        if (c >= '0' && c <= '9') digit = (unsigned)(c - '0');
        else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') digit = (unsigned)((c | 0x20) - 'a' + 10);
        else continue;  // `_`
        uint64_t carry = digit;
        for (uint32_t k = 0; k < limbs.len; k++) {
            uint64_t v = (uint64_t)limbs.items[k] * radix + carry;
            limbs.items[k] = (uint32_t)(v % 1000000000u);
            carry = v / 1000000000u;
        }
        if (carry) och_vec_push(&limbs, (uint32_t)carry);
    }
    need(w, (size_t)limbs.len * 9 + 2);
    *w->p++ = '"';
    uint32_t k = limbs.len - 1;
    put_u32(w, limbs.items[k]);
    while (k-- > 0) {
        uint32_t v = limbs.items[k];
        for (int d = 8; d >= 0; d--) {
            w->p[d] = (char)('0' + v % 10);
            v /= 10;
        }
        w->p += 9;
    }
    *w->p++ = '"';
    och_vec_free(&limbs);
}

static void put_literal_fields(Writer *w, const PsNode *n) {
    const PsLiteral *lit = (const PsLiteral *)n;
    PUT_LIT(w, ",\"value\":");
    switch ((PsLitKind)n->op) {
    case PS_LIT_NULL: PUT_LIT(w, "null"); break;
    case PS_LIT_TRUE: PUT_LIT(w, "true"); break;
    case PS_LIT_FALSE: PUT_LIT(w, "false"); break;
    case PS_LIT_NUMBER: put_number(w, lit->u.number); break;
    case PS_LIT_STRING:
    case PS_LIT_JSX_TEXT: put_json_str(w, lit->u.str ? lit->u.str : "", lit->u.str ? n->aux : 0, true); break;
    case PS_LIT_BIGINT:
    case PS_LIT_REGEX: PUT_LIT(w, "null"); break;
    }
    PUT_LIT(w, ",\"raw\":");
    put_src_str(w, n->start, n->end);
    if (n->op == PS_LIT_BIGINT) {
        PUT_LIT(w, ",\"bigint\":");
        put_bigint(w, n->start, n->end < w->len ? n->end : w->len);
    } else if (n->op == PS_LIT_REGEX) {
        // `/pattern/flags`: flags cannot contain '/', so the last one closes.
        uint32_t end = n->end < w->len ? n->end : w->len;
        uint32_t close = end;
        while (close > n->start + 1 && w->src[close - 1] != '/') close--;
        uint32_t pat_end = close > n->start + 1 ? close - 1 : end;
        PUT_LIT(w, ",\"regex\":{\"pattern\":");
        put_src_str(w, n->start + 1, pat_end);
        PUT_LIT(w, ",\"flags\":");
        put_src_str(w, close > n->start + 1 ? close : end, end);
        PUT_LIT(w, "}");
    }
}


// ---------------------------------------------------------------------------
// Field tables. Each ESTree type lists its fields after type/start/end, in
// acorn's key order. The text of a field is its key with the surrounding
// punctuation (`,"left":`), written before the value.

typedef enum FieldOp {
    F_END,       // closes the object
    F_NODE,      // child at offset `off` (NULL prints null)
    F_NODE_OR,   // child at `off`, or at `off2` when that is NULL
    F_LIST,      // PsList at `off`; the text ends with '['
    F_LIST_ANY,  // like F_LIST, but omitted when empty (decorators)
    F_FLAG,      // true/false from header flag bit `off`
    F_TEXT,      // constant text
    F_CUSTOM,    // scalar written by write_custom(); `off` is a Custom
} FieldOp;

typedef enum Custom {
    C_NAME,            // Identifier-like `name`
    C_LITERAL,         // `value`, `raw` and `regex`/`bigint`
    C_OPERATOR,        // `operator` from the op byte
    C_DIRECTIVE,       // ExpressionStatement `directive`, when it is one
    C_SOURCE_TYPE,     // Program
    C_VAR_KIND,        // VariableDeclaration `kind`
    C_PROP_KIND,       // Property `kind` (init/get/set)
    C_METHOD_KIND,     // MethodDefinition `kind`
    C_TEMPLATE_VALUE,  // TemplateElement `value` and `tail`
} Custom;

struct Field {
    uint8_t op;   // FieldOp
    uint8_t len;  // length of text
    uint16_t off, off2;
    const char *text;
};

#define KEY(key) ",\"" key "\":"
#define NODE(key, T, m) {F_NODE, sizeof(KEY(key)) - 1, offsetof(T, m), 0, KEY(key)}
#define NODE_OR(key, T, m, m2) {F_NODE_OR, sizeof(KEY(key)) - 1, offsetof(T, m), offsetof(T, m2), KEY(key)}
#define LIST(key, T, m) {F_LIST, sizeof(KEY(key) "[") - 1, offsetof(T, m), 0, KEY(key) "["}
#define LIST_ANY(key, T, m) {F_LIST_ANY, sizeof(KEY(key) "[") - 1, offsetof(T, m), 0, KEY(key) "["}
#define FLAG(key, bit) {F_FLAG, sizeof(KEY(key)) - 1, (bit), 0, KEY(key)}
#define TEXT(t) {F_TEXT, sizeof(t) - 1, 0, 0, t}
#define CUSTOM(c) {F_CUSTOM, 0, (c), 0, ""}
#define END {F_END, 1, 0, 0, "}"}

static const Field f_none[] = {END};
static const Field f_program[] = {LIST("body", PsListNode, items), CUSTOM(C_SOURCE_TYPE), END};
static const Field f_error[] = {LIST("children", PsListNode, items), END};
static const Field f_expression_stmt[] = {NODE("expression", PsUnary, arg), CUSTOM(C_DIRECTIVE), END};
static const Field f_body_list[] = {LIST("body", PsListNode, items), END};
static const Field f_with[] = {NODE("object", PsWith, object), NODE("body", PsWith, body), END};
static const Field f_argument[] = {NODE("argument", PsUnary, arg), END};
static const Field f_labeled[] = {NODE("body", PsLabeled, body), NODE("label", PsLabeled, label), END};
static const Field f_label[] = {NODE("label", PsUnary, arg), END};
static const Field f_conditional[] = {NODE("test", PsConditional, test),
                                      NODE("consequent", PsConditional, consequent),
                                      NODE("alternate", PsConditional, alternate), END};
static const Field f_switch[] = {NODE("discriminant", PsSwitch, discriminant), LIST("cases", PsSwitch, cases), END};
static const Field f_switch_case[] = {LIST("consequent", PsSwitchCase, consequent), NODE("test", PsSwitchCase, test),
                                      END};
static const Field f_try[] = {NODE("block", PsTry, block), NODE("handler", PsTry, handler),
                              NODE("finalizer", PsTry, finalizer), END};
static const Field f_catch[] = {NODE("param", PsCatch, param), NODE("body", PsCatch, body), END};
static const Field f_while[] = {NODE("test", PsWhile, test), NODE("body", PsWhile, body), END};
static const Field f_do_while[] = {NODE("body", PsWhile, body), NODE("test", PsWhile, test), END};
static const Field f_for[] = {NODE("init", PsFor, init), NODE("test", PsFor, test), NODE("update", PsFor, update),
                              NODE("body", PsFor, body), END};
static const Field f_for_in[] = {NODE("left", PsForIn, left), NODE("right", PsForIn, right),
                                 NODE("body", PsForIn, body), END};
static const Field f_for_of[] = {FLAG("await", PS_NF_AWAIT), NODE("left", PsForIn, left),
                                 NODE("right", PsForIn, right), NODE("body", PsForIn, body), END};
static const Field f_function[] = {NODE("id", PsFunction, id), TEXT(KEY("expression") "false"),
                                   FLAG("generator", PS_NF_GENERATOR), FLAG("async", PS_NF_ASYNC),
                                   LIST("params", PsFunction, params), NODE("body", PsFunction, body), END};
static const Field f_arrow[] = {NODE("id", PsFunction, id), FLAG("expression", PS_NF_EXPRESSION_BODY),
                                FLAG("generator", PS_NF_GENERATOR), FLAG("async", PS_NF_ASYNC),
                                LIST("params", PsFunction, params), NODE("body", PsFunction, body), END};
static const Field f_var_decl[] = {LIST("declarations", PsListNode, items), CUSTOM(C_VAR_KIND), END};
static const Field f_var_declarator[] = {NODE("id", PsVarDeclarator, id), NODE("init", PsVarDeclarator, init), END};
static const Field f_class[] = {LIST_ANY("decorators", PsClass, decorators), NODE("id", PsClass, id),
                                NODE("superClass", PsClass, super_class), NODE("body", PsClass, body), END};
static const Field f_name[] = {CUSTOM(C_NAME), END};
static const Field f_literal[] = {CUSTOM(C_LITERAL), END};
static const Field f_elements[] = {LIST("elements", PsListNode, items), END};
static const Field f_properties[] = {LIST("properties", PsListNode, items), END};
static const Field f_property[] = {FLAG("method", PS_NF_METHOD), FLAG("shorthand", PS_NF_SHORTHAND),
                                   FLAG("computed", PS_NF_COMPUTED), NODE("key", PsProperty, key),
                                   NODE("value", PsProperty, value), CUSTOM(C_PROP_KIND), END};
static const Field f_method_def[] = {FLAG("static", PS_NF_STATIC), FLAG("computed", PS_NF_COMPUTED),
                                     LIST_ANY("decorators", PsClassMember, decorators),
                                     NODE("key", PsClassMember, key), CUSTOM(C_METHOD_KIND),
                                     NODE("value", PsClassMember, value), END};
static const Field f_property_def[] = {FLAG("static", PS_NF_STATIC), FLAG("computed", PS_NF_COMPUTED),
                                       LIST_ANY("decorators", PsClassMember, decorators),
                                       NODE("key", PsClassMember, key), NODE("value", PsClassMember, value), END};
static const Field f_unary[] = {CUSTOM(C_OPERATOR), TEXT(KEY("prefix") "true"), NODE("argument", PsUnary, arg),
                                END};
static const Field f_update[] = {CUSTOM(C_OPERATOR), FLAG("prefix", PS_NF_PREFIX), NODE("argument", PsUnary, arg),
                                 END};
static const Field f_binary[] = {NODE("left", PsBinary, left), CUSTOM(C_OPERATOR), NODE("right", PsBinary, right),
                                 END};
static const Field f_assign[] = {CUSTOM(C_OPERATOR), NODE("left", PsBinary, left), NODE("right", PsBinary, right),
                                 END};
static const Field f_assign_pattern[] = {NODE("left", PsBinary, left), NODE("right", PsBinary, right), END};
static const Field f_call[] = {NODE("callee", PsCall, callee), LIST("arguments", PsCall, arguments),
                               FLAG("optional", PS_NF_OPTIONAL), END};
static const Field f_new[] = {NODE("callee", PsCall, callee), LIST("arguments", PsCall, arguments), END};
static const Field f_member[] = {NODE("object", PsMember, object), NODE("property", PsMember, property),
                                 FLAG("computed", PS_NF_COMPUTED), FLAG("optional", PS_NF_OPTIONAL), END};
static const Field f_expression[] = {NODE("expression", PsUnary, arg), END};
static const Field f_sequence[] = {LIST("expressions", PsListNode, items), END};
static const Field f_yield[] = {FLAG("delegate", PS_NF_DELEGATE), NODE("argument", PsUnary, arg), END};
static const Field f_template[] = {LIST("expressions", PsTemplate, expressions), LIST("quasis", PsTemplate, quasis),
                                   END};
static const Field f_tagged[] = {NODE("tag", PsTaggedTemplate, tag), NODE("quasi", PsTaggedTemplate, quasi), END};
static const Field f_template_element[] = {CUSTOM(C_TEMPLATE_VALUE), END};
static const Field f_meta[] = {NODE("meta", PsMember, object), NODE("property", PsMember, property), END};
static const Field f_import_expr[] = {NODE("source", PsImportExpr, source), NODE("options", PsImportExpr, options),
                                      END};
static const Field f_import_decl[] = {LIST("specifiers", PsModuleDecl, specifiers), NODE("source", PsModuleDecl, source),
                                      LIST("attributes", PsModuleDecl, attributes), END};
static const Field f_export_named[] = {NODE("declaration", PsModuleDecl, declaration),
                                       LIST("specifiers", PsModuleDecl, specifiers),
                                       NODE("source", PsModuleDecl, source),
                                       LIST("attributes", PsModuleDecl, attributes), END};
static const Field f_export_all[] = {NODE("exported", PsModuleDecl, declaration), NODE("source", PsModuleDecl, source),
                                     LIST("attributes", PsModuleDecl, attributes), END};
static const Field f_export_default[] = {NODE("declaration", PsUnary, arg), END};
// `import {a}` / `export {a}` may leave `external` NULL (or share the node).
static const Field f_import_specifier[] = {NODE_OR("imported", PsSpecifier, external, local),
                                           NODE("local", PsSpecifier, local), END};
static const Field f_export_specifier[] = {NODE("local", PsSpecifier, local),
                                           NODE_OR("exported", PsSpecifier, external, local), END};
static const Field f_local[] = {NODE("local", PsSpecifier, local), END};
static const Field f_key_value[] = {NODE("key", PsProperty, key), NODE("value", PsProperty, value), END};
static const Field f_jsx_element[] = {NODE("openingElement", PsJsxElement, opening),
                                      NODE("closingElement", PsJsxElement, closing),
                                      LIST("children", PsJsxElement, children), END};
static const Field f_jsx_fragment[] = {NODE("openingFragment", PsJsxElement, opening),
                                       NODE("closingFragment", PsJsxElement, closing),
                                       LIST("children", PsJsxElement, children), END};
static const Field f_jsx_opening[] = {LIST("attributes", PsJsxOpening, attributes), NODE("name", PsJsxOpening, name),
                                      FLAG("selfClosing", PS_NF_SELF_CLOSING), END};
static const Field f_jsx_opening_fragment[] = {TEXT(KEY("attributes") "[]" KEY("selfClosing") "false"), END};
static const Field f_jsx_closing[] = {NODE("name", PsUnary, arg), END};
static const Field f_jsx_attribute[] = {NODE("name", PsProperty, key), NODE("value", PsProperty, value), END};
static const Field f_jsx_namespaced[] = {NODE("namespace", PsMember, object), NODE("name", PsMember, property), END};
static const Field f_object_property[] = {NODE("object", PsMember, object), NODE("property", PsMember, property), END};

static const Field *const fields[PS_NODE_KIND_COUNT] = {
    [PS_NODE_PROGRAM] = f_program,
    [PS_NODE_ERROR] = f_error,
    [PS_NODE_EXPRESSION_STMT] = f_expression_stmt,
    [PS_NODE_BLOCK] = f_body_list,
    [PS_NODE_EMPTY_STMT] = f_none,
    [PS_NODE_DEBUGGER_STMT] = f_none,
    [PS_NODE_WITH_STMT] = f_with,
    [PS_NODE_RETURN_STMT] = f_argument,
    [PS_NODE_LABELED_STMT] = f_labeled,
    [PS_NODE_BREAK_STMT] = f_label,
    [PS_NODE_CONTINUE_STMT] = f_label,
    [PS_NODE_IF_STMT] = f_conditional,
    [PS_NODE_SWITCH_STMT] = f_switch,
    [PS_NODE_SWITCH_CASE] = f_switch_case,
    [PS_NODE_THROW_STMT] = f_argument,
    [PS_NODE_TRY_STMT] = f_try,
    [PS_NODE_CATCH_CLAUSE] = f_catch,
    [PS_NODE_WHILE_STMT] = f_while,
    [PS_NODE_DO_WHILE_STMT] = f_do_while,
    [PS_NODE_FOR_STMT] = f_for,
    [PS_NODE_FOR_IN_STMT] = f_for_in,
    [PS_NODE_FOR_OF_STMT] = f_for_of,
    [PS_NODE_FUNCTION_DECL] = f_function,
    [PS_NODE_VAR_DECL] = f_var_decl,
    [PS_NODE_VAR_DECLARATOR] = f_var_declarator,
    [PS_NODE_CLASS_DECL] = f_class,
    [PS_NODE_IDENTIFIER] = f_name,
    [PS_NODE_PRIVATE_IDENTIFIER] = f_name,
    [PS_NODE_LITERAL] = f_literal,
    [PS_NODE_THIS] = f_none,
    [PS_NODE_SUPER] = f_none,
    [PS_NODE_ARRAY_EXPR] = f_elements,
    [PS_NODE_OBJECT_EXPR] = f_properties,
    [PS_NODE_PROPERTY] = f_property,
    [PS_NODE_FUNCTION_EXPR] = f_function,
    [PS_NODE_ARROW_FUNCTION] = f_arrow,
    [PS_NODE_CLASS_EXPR] = f_class,
    [PS_NODE_CLASS_BODY] = f_body_list,
    [PS_NODE_METHOD_DEF] = f_method_def,
    [PS_NODE_PROPERTY_DEF] = f_property_def,
    [PS_NODE_ACCESSOR_PROPERTY] = f_property_def,
    [PS_NODE_STATIC_BLOCK] = f_body_list,
    [PS_NODE_UNARY_EXPR] = f_unary,
    [PS_NODE_UPDATE_EXPR] = f_update,
    [PS_NODE_BINARY_EXPR] = f_binary,
    [PS_NODE_LOGICAL_EXPR] = f_binary,
    [PS_NODE_ASSIGN_EXPR] = f_assign,
    [PS_NODE_CONDITIONAL_EXPR] = f_conditional,
    [PS_NODE_CALL_EXPR] = f_call,
    [PS_NODE_NEW_EXPR] = f_new,
    [PS_NODE_MEMBER_EXPR] = f_member,
    [PS_NODE_CHAIN_EXPR] = f_expression,
    [PS_NODE_SEQUENCE_EXPR] = f_sequence,
    [PS_NODE_YIELD_EXPR] = f_yield,
    [PS_NODE_AWAIT_EXPR] = f_argument,
    [PS_NODE_TEMPLATE_LITERAL] = f_template,
    [PS_NODE_TAGGED_TEMPLATE] = f_tagged,
    [PS_NODE_TEMPLATE_ELEMENT] = f_template_element,
    [PS_NODE_META_PROPERTY] = f_meta,
    [PS_NODE_IMPORT_EXPR] = f_import_expr,
    [PS_NODE_SPREAD_ELEMENT] = f_argument,
    [PS_NODE_DECORATOR] = f_expression,
    [PS_NODE_ARRAY_PATTERN] = f_elements,
    [PS_NODE_OBJECT_PATTERN] = f_properties,
    [PS_NODE_REST_ELEMENT] = f_argument,
    [PS_NODE_ASSIGN_PATTERN] = f_assign_pattern,
    [PS_NODE_IMPORT_DECL] = f_import_decl,
    [PS_NODE_IMPORT_SPECIFIER] = f_import_specifier,
    [PS_NODE_IMPORT_DEFAULT_SPECIFIER] = f_local,
    [PS_NODE_IMPORT_NAMESPACE_SPECIFIER] = f_local,
    [PS_NODE_IMPORT_ATTRIBUTE] = f_key_value,
    [PS_NODE_EXPORT_NAMED_DECL] = f_export_named,
    [PS_NODE_EXPORT_SPECIFIER] = f_export_specifier,
    [PS_NODE_EXPORT_DEFAULT_DECL] = f_export_default,
    [PS_NODE_EXPORT_ALL_DECL] = f_export_all,
    [PS_NODE_JSX_ELEMENT] = f_jsx_element,
    [PS_NODE_JSX_FRAGMENT] = f_jsx_fragment,
    [PS_NODE_JSX_OPENING_ELEMENT] = f_jsx_opening,
    [PS_NODE_JSX_CLOSING_ELEMENT] = f_jsx_closing,
    [PS_NODE_JSX_OPENING_FRAGMENT] = f_jsx_opening_fragment,
    [PS_NODE_JSX_CLOSING_FRAGMENT] = f_none,
    [PS_NODE_JSX_ATTRIBUTE] = f_jsx_attribute,
    [PS_NODE_JSX_SPREAD_ATTRIBUTE] = f_argument,
    [PS_NODE_JSX_IDENTIFIER] = f_name,
    [PS_NODE_JSX_NAMESPACED_NAME] = f_jsx_namespaced,
    [PS_NODE_JSX_MEMBER_EXPR] = f_object_property,
    [PS_NODE_JSX_EXPR_CONTAINER] = f_expression,
    [PS_NODE_JSX_EMPTY_EXPR] = f_none,
    [PS_NODE_JSX_SPREAD_CHILD] = f_expression,
    [PS_NODE_JSX_TEXT] = f_literal,
};

#undef KEY
#undef NODE
#undef NODE_OR
#undef LIST
#undef LIST_ANY
#undef FLAG
#undef TEXT
#undef CUSTOM
#undef END

// `{"type":"Name","start":` for every kind.
static const struct {
    const char *text;
    uint32_t len;
} type_prefix[PS_NODE_KIND_COUNT] = {
#define PS_X(kind, name, type) {"{\"type\":\"" name "\",\"start\":", sizeof("{\"type\":\"" name "\",\"start\":") - 1},
    PS_NODE_KINDS(PS_X)
#undef PS_X
};

static const char *const prop_kind_text[] = {
    [PS_PROP_INIT] = ",\"kind\":\"init\"",
    [PS_PROP_GET] = ",\"kind\":\"get\"",
    [PS_PROP_SET] = ",\"kind\":\"set\"",
    [PS_PROP_CONSTRUCTOR] = ",\"kind\":\"constructor\"",
    [PS_PROP_METHOD] = ",\"kind\":\"method\"",
};

static const char *const var_kind_text[] = {
    [PS_VAR_VAR] = ",\"kind\":\"var\"",
    [PS_VAR_LET] = ",\"kind\":\"let\"",
    [PS_VAR_CONST] = ",\"kind\":\"const\"",
    [PS_VAR_USING] = ",\"kind\":\"using\"",
    [PS_VAR_AWAIT_USING] = ",\"kind\":\"await using\"",
};

static inline void put_str(Writer *w, const char *s) { put(w, s, strlen(s)); }

static void write_custom(Writer *w, const PsNode *n, Custom c) {
    switch (c) {
    case C_NAME: {
        const PsIdent *id = (const PsIdent *)n;
        PUT_LIT(w, ",\"name\":");
        put_json_str(w, id->name ? id->name : "", id->name ? n->aux : 0, true);
        break;
    }
    case C_LITERAL:
        put_literal_fields(w, n);
        break;
    case C_OPERATOR:
        PUT_LIT(w, ",\"operator\":\"");
        put_str(w, ps_op_text((PsOp)n->op));
        PUT_LIT(w, "\"");
        break;
    case C_DIRECTIVE: {
        // The directive is the string's source text minus its quotes.
        const PsNode *e = PS_AS(PsUnary, n)->arg;
        if ((n->flags & PS_NF_DIRECTIVE) && e && e->kind == PS_NODE_LITERAL && e->end >= e->start + 2) {
            PUT_LIT(w, ",\"directive\":");
            put_src_str(w, e->start + 1, e->end - 1);
        }
        break;
    }
    case C_SOURCE_TYPE:
        if (n->op == PS_GOAL_MODULE) PUT_LIT(w, ",\"sourceType\":\"module\"");
        else PUT_LIT(w, ",\"sourceType\":\"script\"");
        break;
    case C_VAR_KIND:
        put_str(w, n->op <= PS_VAR_AWAIT_USING ? var_kind_text[n->op] : var_kind_text[PS_VAR_VAR]);
        break;
    case C_PROP_KIND:
        put_str(w, n->op <= PS_PROP_SET ? prop_kind_text[n->op] : prop_kind_text[PS_PROP_INIT]);
        break;
    case C_METHOD_KIND:
        put_str(w, n->op <= PS_PROP_METHOD ? prop_kind_text[n->op] : prop_kind_text[PS_PROP_METHOD]);
        break;
    case C_TEMPLATE_VALUE: {
        const PsTemplateElement *t = PS_AS(PsTemplateElement, n);
        PUT_LIT(w, ",\"value\":{\"raw\":");
        put_json_str(w, t->raw ? t->raw : "", t->raw ? t->raw_len : 0, false);
        PUT_LIT(w, ",\"cooked\":");
        if (t->cooked) put_json_str(w, t->cooked, n->aux, true);
        else PUT_LIT(w, "null");
        PUT_LIT(w, "},\"tail\":");
        put_bool(w, n->flags & PS_NF_TAIL);
        break;
    }
    }
}

static inline const PsNode *child_at(const PsNode *n, uint16_t off) {
    const PsNode *c;
    memcpy(&c, (const char *)n + off, sizeof c);
    return c;
}

// Writes the start of node n (`{"type":...,"end":E`) and makes it the
// current frame. Leaves without children are written whole at once.
static void enter(Writer *w, const PsNode *n) {
    unsigned kind = n->kind < PS_NODE_KIND_COUNT ? n->kind : PS_NODE_ERROR;
    // One check for the whole header: prefix <= 64, two numbers, "end", "missing".
    need(w, 64 + 2 * 10 + 7 + 15);
    char *o = w->p;
    copy_bytes(o, type_prefix[kind].text, type_prefix[kind].len);
    o = u32_digits(o + type_prefix[kind].len, u16_at(&w->u16, n->start));
    memcpy(o, ",\"end\":", 7);
    o = u32_digits(o + 7, u16_at(&w->u16, n->end));
    if (OCH_UNLIKELY(n->flags & PS_NF_MISSING)) {
        memcpy(o, ",\"missing\":true", 15);
        o += 15;
    }
    w->p = o;
    const Field *f = fields[kind];
    if (kind == PS_NODE_IDENTIFIER) {
        write_custom(w, n, C_NAME);
        PUT_LIT(w, "}");
        return;
    }
    if (kind == PS_NODE_LITERAL) {
        put_literal_fields(w, n);
        PUT_LIT(w, "}");
        return;
    }
    if (w->stack.len == w->stack.cap) och_vec_grow_((void **)&w->stack.items, &w->stack.cap, sizeof(Frame), w->stack.len + 1);
    w->stack.items[w->stack.len++] = (Frame){.node = n, .field = f, .idx = 0};
}

static void write_tree(Writer *w, const PsNode *root) {
    enter(w, root);
    while (w->stack.len) {
        Frame *fr = &w->stack.items[w->stack.len - 1];
        const PsNode *n = fr->node;
        const Field *f = fr->field;
        switch ((FieldOp)f->op) {
        case F_END:
            PUT_LIT(w, "}");
            w->stack.len--;
            break;
        case F_NODE:
        case F_NODE_OR: {
            put(w, f->text, f->len);
            const PsNode *c = child_at(n, f->off);
            if (!c && f->op == F_NODE_OR) c = child_at(n, f->off2);
            fr->field++;
            if (c) enter(w, c);  // may move the stack: fr is stale after this
            else PUT_LIT(w, "null");
            break;
        }
        case F_LIST:
        case F_LIST_ANY: {
            const PsList *l = (const PsList *)(const void *)((const char *)n + f->off);
            if (fr->idx == 0) {
                if (f->op == F_LIST_ANY && l->count == 0) {
                    fr->field++;
                    break;
                }
                put(w, f->text, f->len);
            }
            uint32_t i = fr->idx;
            if (i >= l->count) {
                PUT_LIT(w, "]");
                fr->idx = 0;
                fr->field++;
                break;
            }
            if (i) PUT_LIT(w, ",");
            fr->idx = i + 1;
            if (l->items[i]) enter(w, l->items[i]);
            else PUT_LIT(w, "null");  // array hole
            break;
        }
        case F_FLAG:
            put(w, f->text, f->len);
            put_bool(w, n->flags & f->off);
            fr->field++;
            break;
        case F_TEXT:
            put(w, f->text, f->len);
            fr->field++;
            break;
        case F_CUSTOM:
            write_custom(w, n, (Custom)f->off);
            fr->field++;
            break;
        }
    }
}

// Big outputs are written once into fresh memory, where a page fault per
// 4 KiB page costs as much as writing it. Transparent huge pages cut the
// faults 512-fold; the advice only concerns the buffer's whole 2 MiB pages.
static void advise_huge_pages(OchBuf *out) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    const uintptr_t huge = (uintptr_t)2 << 20;
    uintptr_t from = ((uintptr_t)(out->data + out->len) + huge - 1) & ~(huge - 1);
    uintptr_t to = ((uintptr_t)(out->data + out->cap)) & ~(huge - 1);
    if (to > from) madvise((void *)from, to - from, MADV_HUGEPAGE);
#else
    (void)out;
#endif
}

void ps_estree_write(const PsParse *parse, OchBuf *out) {
    // A re-parsed tree may still owe its reused nodes their new offsets;
    // settling does not change what the tree means, only how it is stored.
    if (parse->pending) ps_parse_settle((PsParse *)parse);
    Writer w = {.out = out, .src = parse->src, .len = parse->len};
    u16_init(&w.u16, parse->src, parse->len);
    // acorn's JSON is about 10-20 times the size of the source; untouched
    // reserved pages cost nothing.
    och_buf_reserve(out, (size_t)parse->len * 12 + 4096);
    if (out->cap - out->len >= ((size_t)8 << 20)) advise_huge_pages(out);
    w.p = out->data + out->len;
    w.end = out->data + out->cap - 1;
    if (parse->root) write_tree(&w, parse->root);
    else PUT_LIT(&w, "null");
    out->len = (size_t)(w.p - out->data);
    out->data[out->len] = 0;
    och_vec_free(&w.stack);
    u16_free(&w.u16);
}
