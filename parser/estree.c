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
// The writer uses an explicit work stack instead of recursion: trees from
// long operator chains (`a+a+...+a`) are as deep as they are long, and a
// syntax tree must not be able to overflow the C stack.
#include "parser.h"

#include <math.h>
#include <string.h>

// ---------------------------------------------------------------------------
// Byte offset -> UTF-16 offset.
//
// The number of UTF-16 units in a run of valid UTF-8 is its byte count minus
// its continuation bytes (10xxxxxx) plus one per 4-byte lead (11110xxx),
// which becomes a surrogate pair. A table holds the UTF-16 offset of every
// 64-byte block; a lookup adds the units of at most 63 bytes, counted eight
// bytes at a time. Pure ASCII sources (the common case) need no table.
// Invalid UTF-8 (already a diagnostic) gets approximate offsets.

#define U16_BLOCK_SHIFT 6
#define U16_BLOCK (1u << U16_BLOCK_SHIFT)
#define HIGH_BITS 0x8080808080808080ull

typedef struct U16Map {
    const unsigned char *src;
    uint32_t len;
    uint32_t *blocks;  // NULL when the source is ASCII: offsets are identical
} U16Map;

static inline uint64_t load64(const unsigned char *p) {
    uint64_t x;
    memcpy(&x, p, 8);
    return x;
}

// Continuation bytes minus 4-byte leads in a word: what to subtract from
// the byte count to get UTF-16 units.
static inline int word_shrink(uint64_t x) {
    uint64_t cont = x & ~(x << 1) & HIGH_BITS;                      // 10xxxxxx
    uint64_t four = x & (x << 1) & (x << 2) & (x << 3) & HIGH_BITS;  // 1111xxxx
    return __builtin_popcountll(cont) - __builtin_popcountll(four);
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
    if (!has_non_ascii(m->src, len)) return;
    uint32_t nblocks = (len >> U16_BLOCK_SHIFT) + 1;
    m->blocks = och_malloc(sizeof(uint32_t) * nblocks);
    uint32_t acc = 0;
    for (uint32_t b = 0; b < nblocks; b++) {
        m->blocks[b] = acc;
        uint32_t from = b << U16_BLOCK_SHIFT;
        uint32_t to = from + U16_BLOCK < len ? from + U16_BLOCK : len;
        if (from < to) acc += units_between(m->src, from, to);
    }
}

static void u16_free(U16Map *m) { och_free(m->blocks); }

static inline uint32_t u16_at(const U16Map *m, uint32_t off) {
    if (off > m->len) off = m->len;
    if (!m->blocks) return off;
    uint32_t b = off >> U16_BLOCK_SHIFT;
    return m->blocks[b] + units_between(m->src, b << U16_BLOCK_SHIFT, off);
}

// ---------------------------------------------------------------------------
// Output buffer: a raw cursor into the OchBuf, grown in big steps.

typedef struct Writer Writer;

static void grow(Writer *w, size_t need);

// Work items: text to copy, a node to expand, or a position in a list.
typedef enum ItemOp {
    IT_TEXT,     // p = constant text, n = length
    IT_NODE,     // p = node or NULL ("null")
    IT_LIST,     // p = PsList, n = index of the next element
    IT_SRC_STR,  // p = source text, n = length: a JSON string of it
} ItemOp;

typedef struct Item {
    const void *p;
    uint32_t n;
    uint8_t op;
} Item;

struct Writer {
    char *p, *end;  // cursor and limit inside out->data
    OchBuf *out;
    const char *src;
    uint32_t len;
    U16Map u16;
    OCH_VEC(Item) stack;
};

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

static inline void put(Writer *w, const char *s, size_t n) {
    need(w, n);
    memcpy(w->p, s, n);
    w->p += n;
}

#define PUT_LIT(w, s) put((w), (s), sizeof(s) - 1)

static inline void put_u32(Writer *w, uint32_t v) {
    char tmp[10];
    int i = 10;
    do {
        tmp[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    put(w, tmp + i, (size_t)(10 - i));
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
    char tmp[32];
    uint32_t n = och_number_to_string(d, tmp);
    put(w, tmp, n);
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
// Node expansion. A node writes its header and scalar fields at once and
// schedules the rest (child fields and any scalar after them) as items.

typedef struct Plan {
    Item items[24];
    uint32_t count;
} Plan;

static inline void plan_item(Plan *pl, ItemOp op, const void *p, uint32_t n) {
    OCH_ASSERT(pl->count < sizeof pl->items / sizeof pl->items[0]);
    pl->items[pl->count++] = (Item){.p = p, .n = n, .op = (uint8_t)op};
}

#define TEXT(s) plan_item(pl, IT_TEXT, (s), sizeof(s) - 1)
#define FIELD(key, node) (TEXT(",\"" key "\":"), plan_item(pl, IT_NODE, (node), 0))
#define LIST(key, list) (TEXT(",\"" key "\":["), plan_item(pl, IT_LIST, &(list), 0))
#define FLAG(key, cond) ((cond) ? TEXT(",\"" key "\":true") : TEXT(",\"" key "\":false"))

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

static void plan_text_str(Plan *pl, const char *s) { plan_item(pl, IT_TEXT, s, (uint32_t)strlen(s)); }

static void put_operator(Writer *w, uint8_t op) {
    PUT_LIT(w, ",\"operator\":\"");
    const char *t = ps_op_text((PsOp)op);
    put(w, t, strlen(t));
    PUT_LIT(w, "\"");
}

static void plan_function(Plan *pl, const PsNode *n) {
    const PsFunction *f = (const PsFunction *)n;
    FIELD("id", f->id);
    FLAG("expression", n->kind == PS_NODE_ARROW_FUNCTION && (n->flags & PS_NF_EXPRESSION_BODY));
    FLAG("generator", n->flags & PS_NF_GENERATOR);
    FLAG("async", n->flags & PS_NF_ASYNC);
    LIST("params", f->params);
    FIELD("body", f->body);
}

static void put_name(Writer *w, const PsNode *n) {
    const PsIdent *id = (const PsIdent *)n;
    PUT_LIT(w, ",\"name\":");
    put_json_str(w, id->name ? id->name : "", id->name ? n->aux : 0, true);
}

// Writes node n's header and immediate fields, and fills pl with the work
// left for its children.
static void expand(Writer *w, const PsNode *n, Plan *pl) {
    PsNodeKind kind = (PsNodeKind)n->kind;
    if ((unsigned)kind >= PS_NODE_KIND_COUNT) kind = PS_NODE_ERROR;
    put(w, type_prefix[kind].text, type_prefix[kind].len);
    put_u32(w, u16_at(&w->u16, n->start));
    PUT_LIT(w, ",\"end\":");
    put_u32(w, u16_at(&w->u16, n->end));
    if (n->flags & PS_NF_MISSING) PUT_LIT(w, ",\"missing\":true");

    switch (kind) {
    case PS_NODE_PROGRAM:
        LIST("body", PS_AS(PsListNode, n)->items);
        if (n->op == PS_GOAL_MODULE) TEXT(",\"sourceType\":\"module\"");
        else TEXT(",\"sourceType\":\"script\"");
        break;
    case PS_NODE_ERROR:
        LIST("children", PS_AS(PsListNode, n)->items);
        break;

    case PS_NODE_EXPRESSION_STMT: {
        const PsNode *e = PS_AS(PsUnary, n)->arg;
        FIELD("expression", e);
        if ((n->flags & PS_NF_DIRECTIVE) && e && e->kind == PS_NODE_LITERAL && e->end >= e->start + 2) {
            // The directive is the string's source text minus its quotes.
            TEXT(",\"directive\":");
            plan_item(pl, IT_SRC_STR, w->src + e->start + 1, e->end - e->start - 2);
        }
        break;
    }
    case PS_NODE_BLOCK:
    case PS_NODE_CLASS_BODY:
    case PS_NODE_STATIC_BLOCK:
        LIST("body", PS_AS(PsListNode, n)->items);
        break;
    case PS_NODE_EMPTY_STMT:
    case PS_NODE_DEBUGGER_STMT:
    case PS_NODE_THIS:
    case PS_NODE_SUPER:
    case PS_NODE_JSX_CLOSING_FRAGMENT:
    case PS_NODE_JSX_EMPTY_EXPR:
        break;
    case PS_NODE_WITH_STMT:
        FIELD("object", PS_AS(PsWith, n)->object);
        FIELD("body", PS_AS(PsWith, n)->body);
        break;
    case PS_NODE_RETURN_STMT:
    case PS_NODE_THROW_STMT:
    case PS_NODE_AWAIT_EXPR:
    case PS_NODE_SPREAD_ELEMENT:
    case PS_NODE_REST_ELEMENT:
    case PS_NODE_JSX_SPREAD_ATTRIBUTE:
        FIELD("argument", PS_AS(PsUnary, n)->arg);
        break;
    case PS_NODE_LABELED_STMT:
        FIELD("body", PS_AS(PsLabeled, n)->body);
        FIELD("label", PS_AS(PsLabeled, n)->label);
        break;
    case PS_NODE_BREAK_STMT:
    case PS_NODE_CONTINUE_STMT:
        FIELD("label", PS_AS(PsUnary, n)->arg);
        break;
    case PS_NODE_IF_STMT:
    case PS_NODE_CONDITIONAL_EXPR: {
        const PsConditional *c = PS_AS(PsConditional, n);
        FIELD("test", c->test);
        FIELD("consequent", c->consequent);
        FIELD("alternate", c->alternate);
        break;
    }
    case PS_NODE_SWITCH_STMT:
        FIELD("discriminant", PS_AS(PsSwitch, n)->discriminant);
        LIST("cases", PS_AS(PsSwitch, n)->cases);
        break;
    case PS_NODE_SWITCH_CASE:
        LIST("consequent", PS_AS(PsSwitchCase, n)->consequent);
        FIELD("test", PS_AS(PsSwitchCase, n)->test);
        break;
    case PS_NODE_TRY_STMT: {
        const PsTry *t = PS_AS(PsTry, n);
        FIELD("block", t->block);
        FIELD("handler", t->handler);
        FIELD("finalizer", t->finalizer);
        break;
    }
    case PS_NODE_CATCH_CLAUSE:
        FIELD("param", PS_AS(PsCatch, n)->param);
        FIELD("body", PS_AS(PsCatch, n)->body);
        break;
    case PS_NODE_WHILE_STMT:
        FIELD("test", PS_AS(PsWhile, n)->test);
        FIELD("body", PS_AS(PsWhile, n)->body);
        break;
    case PS_NODE_DO_WHILE_STMT:
        FIELD("body", PS_AS(PsWhile, n)->body);
        FIELD("test", PS_AS(PsWhile, n)->test);
        break;
    case PS_NODE_FOR_STMT: {
        const PsFor *f = PS_AS(PsFor, n);
        FIELD("init", f->init);
        FIELD("test", f->test);
        FIELD("update", f->update);
        FIELD("body", f->body);
        break;
    }
    case PS_NODE_FOR_OF_STMT:
        FLAG("await", n->flags & PS_NF_AWAIT);
        // fallthrough
    case PS_NODE_FOR_IN_STMT: {
        const PsForIn *f = PS_AS(PsForIn, n);
        FIELD("left", f->left);
        FIELD("right", f->right);
        FIELD("body", f->body);
        break;
    }
    case PS_NODE_FUNCTION_DECL:
    case PS_NODE_FUNCTION_EXPR:
    case PS_NODE_ARROW_FUNCTION:
        plan_function(pl, n);
        break;
    case PS_NODE_VAR_DECL:
        LIST("declarations", PS_AS(PsListNode, n)->items);
        plan_text_str(pl, n->op <= PS_VAR_AWAIT_USING ? var_kind_text[n->op] : ",\"kind\":\"var\"");
        break;
    case PS_NODE_VAR_DECLARATOR:
        FIELD("id", PS_AS(PsVarDeclarator, n)->id);
        FIELD("init", PS_AS(PsVarDeclarator, n)->init);
        break;
    case PS_NODE_CLASS_DECL:
    case PS_NODE_CLASS_EXPR: {
        const PsClass *c = PS_AS(PsClass, n);
        if (c->decorators.count) LIST("decorators", c->decorators);
        FIELD("id", c->id);
        FIELD("superClass", c->super_class);
        FIELD("body", c->body);
        break;
    }

    case PS_NODE_IDENTIFIER:
    case PS_NODE_PRIVATE_IDENTIFIER:
    case PS_NODE_JSX_IDENTIFIER:
        put_name(w, n);
        break;
    case PS_NODE_LITERAL:
    case PS_NODE_JSX_TEXT:
        put_literal_fields(w, n);
        break;
    case PS_NODE_ARRAY_EXPR:
    case PS_NODE_ARRAY_PATTERN:
        LIST("elements", PS_AS(PsListNode, n)->items);
        break;
    case PS_NODE_OBJECT_EXPR:
    case PS_NODE_OBJECT_PATTERN:
        LIST("properties", PS_AS(PsListNode, n)->items);
        break;
    case PS_NODE_PROPERTY: {
        const PsProperty *p = PS_AS(PsProperty, n);
        PUT_LIT(w, ",\"method\":");
        put_bool(w, n->flags & PS_NF_METHOD);
        PUT_LIT(w, ",\"shorthand\":");
        put_bool(w, n->flags & PS_NF_SHORTHAND);
        PUT_LIT(w, ",\"computed\":");
        put_bool(w, n->flags & PS_NF_COMPUTED);
        FIELD("key", p->key);
        FIELD("value", p->value);
        plan_text_str(pl, n->op <= PS_PROP_SET ? prop_kind_text[n->op] : prop_kind_text[PS_PROP_INIT]);
        break;
    }
    case PS_NODE_METHOD_DEF:
    case PS_NODE_PROPERTY_DEF:
    case PS_NODE_ACCESSOR_PROPERTY: {
        const PsClassMember *m = PS_AS(PsClassMember, n);
        PUT_LIT(w, ",\"static\":");
        put_bool(w, n->flags & PS_NF_STATIC);
        PUT_LIT(w, ",\"computed\":");
        put_bool(w, n->flags & PS_NF_COMPUTED);
        if (m->decorators.count) LIST("decorators", m->decorators);
        FIELD("key", m->key);
        if (kind == PS_NODE_METHOD_DEF)
            plan_text_str(pl, n->op <= PS_PROP_METHOD ? prop_kind_text[n->op] : prop_kind_text[PS_PROP_METHOD]);
        FIELD("value", m->value);
        break;
    }
    case PS_NODE_UNARY_EXPR:
    case PS_NODE_UPDATE_EXPR:
        put_operator(w, n->op);
        PUT_LIT(w, ",\"prefix\":");
        put_bool(w, kind == PS_NODE_UNARY_EXPR || (n->flags & PS_NF_PREFIX));
        FIELD("argument", PS_AS(PsUnary, n)->arg);
        break;
    case PS_NODE_BINARY_EXPR:
    case PS_NODE_LOGICAL_EXPR: {
        const PsBinary *b = PS_AS(PsBinary, n);
        FIELD("left", b->left);
        TEXT(",\"operator\":\"");
        plan_text_str(pl, ps_op_text((PsOp)n->op));
        TEXT("\"");
        FIELD("right", b->right);
        break;
    }
    case PS_NODE_ASSIGN_EXPR:
        put_operator(w, n->op);
        // fallthrough
    case PS_NODE_ASSIGN_PATTERN:
        FIELD("left", PS_AS(PsBinary, n)->left);
        FIELD("right", PS_AS(PsBinary, n)->right);
        break;
    case PS_NODE_CALL_EXPR:
    case PS_NODE_NEW_EXPR: {
        const PsCall *c = PS_AS(PsCall, n);
        FIELD("callee", c->callee);
        LIST("arguments", c->arguments);
        if (kind == PS_NODE_CALL_EXPR) FLAG("optional", n->flags & PS_NF_OPTIONAL);
        break;
    }
    case PS_NODE_MEMBER_EXPR: {
        const PsMember *m = PS_AS(PsMember, n);
        FIELD("object", m->object);
        FIELD("property", m->property);
        FLAG("computed", n->flags & PS_NF_COMPUTED);
        FLAG("optional", n->flags & PS_NF_OPTIONAL);
        break;
    }
    case PS_NODE_CHAIN_EXPR:
    case PS_NODE_DECORATOR:
    case PS_NODE_JSX_EXPR_CONTAINER:
    case PS_NODE_JSX_SPREAD_CHILD:
        FIELD("expression", PS_AS(PsUnary, n)->arg);
        break;
    case PS_NODE_SEQUENCE_EXPR:
        LIST("expressions", PS_AS(PsListNode, n)->items);
        break;
    case PS_NODE_YIELD_EXPR:
        PUT_LIT(w, ",\"delegate\":");
        put_bool(w, n->flags & PS_NF_DELEGATE);
        FIELD("argument", PS_AS(PsUnary, n)->arg);
        break;
    case PS_NODE_TEMPLATE_LITERAL:
        LIST("expressions", PS_AS(PsTemplate, n)->expressions);
        LIST("quasis", PS_AS(PsTemplate, n)->quasis);
        break;
    case PS_NODE_TAGGED_TEMPLATE:
        FIELD("tag", PS_AS(PsTaggedTemplate, n)->tag);
        FIELD("quasi", PS_AS(PsTaggedTemplate, n)->quasi);
        break;
    case PS_NODE_TEMPLATE_ELEMENT: {
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
    case PS_NODE_META_PROPERTY:
        FIELD("meta", PS_AS(PsMember, n)->object);
        FIELD("property", PS_AS(PsMember, n)->property);
        break;
    case PS_NODE_IMPORT_EXPR:
        FIELD("source", PS_AS(PsImportExpr, n)->source);
        FIELD("options", PS_AS(PsImportExpr, n)->options);
        break;

    case PS_NODE_IMPORT_DECL: {
        const PsModuleDecl *m = PS_AS(PsModuleDecl, n);
        LIST("specifiers", m->specifiers);
        FIELD("source", m->source);
        LIST("attributes", m->attributes);
        break;
    }
    case PS_NODE_EXPORT_NAMED_DECL: {
        const PsModuleDecl *m = PS_AS(PsModuleDecl, n);
        FIELD("declaration", m->declaration);
        LIST("specifiers", m->specifiers);
        FIELD("source", m->source);
        LIST("attributes", m->attributes);
        break;
    }
    case PS_NODE_EXPORT_ALL_DECL: {
        const PsModuleDecl *m = PS_AS(PsModuleDecl, n);
        FIELD("exported", m->declaration);
        FIELD("source", m->source);
        LIST("attributes", m->attributes);
        break;
    }
    case PS_NODE_EXPORT_DEFAULT_DECL:
        FIELD("declaration", PS_AS(PsUnary, n)->arg);
        break;
    case PS_NODE_IMPORT_SPECIFIER: {
        // `import {a}` may leave `external` NULL or share the local node.
        const PsSpecifier *s = PS_AS(PsSpecifier, n);
        FIELD("imported", s->external ? s->external : s->local);
        FIELD("local", s->local);
        break;
    }
    case PS_NODE_EXPORT_SPECIFIER: {
        const PsSpecifier *s = PS_AS(PsSpecifier, n);
        FIELD("local", s->local);
        FIELD("exported", s->external ? s->external : s->local);
        break;
    }
    case PS_NODE_IMPORT_DEFAULT_SPECIFIER:
    case PS_NODE_IMPORT_NAMESPACE_SPECIFIER:
        FIELD("local", PS_AS(PsSpecifier, n)->local);
        break;
    case PS_NODE_IMPORT_ATTRIBUTE:
        FIELD("key", PS_AS(PsProperty, n)->key);
        FIELD("value", PS_AS(PsProperty, n)->value);
        break;

    case PS_NODE_JSX_ELEMENT: {
        const PsJsxElement *e = PS_AS(PsJsxElement, n);
        FIELD("openingElement", e->opening);
        FIELD("closingElement", e->closing);
        LIST("children", e->children);
        break;
    }
    case PS_NODE_JSX_FRAGMENT: {
        const PsJsxElement *e = PS_AS(PsJsxElement, n);
        FIELD("openingFragment", e->opening);
        FIELD("closingFragment", e->closing);
        LIST("children", e->children);
        break;
    }
    case PS_NODE_JSX_OPENING_ELEMENT: {
        const PsJsxOpening *o = PS_AS(PsJsxOpening, n);
        LIST("attributes", o->attributes);
        FIELD("name", o->name);
        FLAG("selfClosing", n->flags & PS_NF_SELF_CLOSING);
        break;
    }
    case PS_NODE_JSX_OPENING_FRAGMENT:
        PUT_LIT(w, ",\"attributes\":[],\"selfClosing\":false");
        break;
    case PS_NODE_JSX_CLOSING_ELEMENT:
        FIELD("name", PS_AS(PsUnary, n)->arg);
        break;
    case PS_NODE_JSX_ATTRIBUTE:
        FIELD("name", PS_AS(PsProperty, n)->key);
        FIELD("value", PS_AS(PsProperty, n)->value);
        break;
    case PS_NODE_JSX_NAMESPACED_NAME:
        FIELD("namespace", PS_AS(PsMember, n)->object);
        FIELD("name", PS_AS(PsMember, n)->property);
        break;
    case PS_NODE_JSX_MEMBER_EXPR:
        FIELD("object", PS_AS(PsMember, n)->object);
        FIELD("property", PS_AS(PsMember, n)->property);
        break;

    case PS_NODE_KIND_COUNT:
        OCH_UNREACHABLE();
        break;
    }
    TEXT("}");
}

// Pushes the plan in reverse so that it pops in order; text before the
// first child is written at once.
static void schedule(Writer *w, Plan *pl) {
    uint32_t first = 0;
    while (first < pl->count && pl->items[first].op == IT_TEXT) {
        put(w, pl->items[first].p, pl->items[first].n);
        first++;
    }
    uint32_t k = pl->count;
    och_vec_reserve(&w->stack, w->stack.len + (k - first));
    while (k > first) w->stack.items[w->stack.len++] = pl->items[--k];
}

static void write_tree(Writer *w, const PsNode *root) {
    och_vec_push(&w->stack, ((Item){.p = root, .op = IT_NODE}));
    Plan pl;
    while (w->stack.len) {
        Item it = w->stack.items[--w->stack.len];
        switch ((ItemOp)it.op) {
        case IT_TEXT:
            put(w, it.p, it.n);
            break;
        case IT_NODE:
            if (!it.p) {
                PUT_LIT(w, "null");
                break;
            }
            pl.count = 0;
            expand(w, it.p, &pl);
            schedule(w, &pl);
            break;
        case IT_LIST: {
            const PsList *l = it.p;
            if (it.n >= l->count) {
                PUT_LIT(w, "]");
                break;
            }
            if (it.n) PUT_LIT(w, ",");
            och_vec_reserve(&w->stack, w->stack.len + 2);
            w->stack.items[w->stack.len++] = (Item){.p = l, .n = it.n + 1, .op = IT_LIST};
            w->stack.items[w->stack.len++] = (Item){.p = l->items[it.n], .op = IT_NODE};
            break;
        }
        case IT_SRC_STR:
            put_json_str(w, it.p, it.n, false);
            break;
        }
    }
}

void ps_estree_write(const PsParse *parse, OchBuf *out) {
    Writer w = {.out = out, .src = parse->src, .len = parse->len};
    u16_init(&w.u16, parse->src, parse->len);
    // acorn's JSON is about 10-20 times the size of the source.
    och_buf_reserve(out, (size_t)parse->len * 12 + 4096);
    w.p = out->data + out->len;
    w.end = out->data + out->cap - 1;
    if (parse->root) write_tree(&w, parse->root);
    else PUT_LIT(&w, "null");
    out->len = (size_t)(w.p - out->data);
    out->data[out->len] = 0;
    och_vec_free(&w.stack);
    u16_free(&w.u16);
}
