// A small JSON reader for lint rule options (AnRuleConfig.options): the
// analyzer takes options as text so that it does not depend on the JSON
// library of its callers. Full JSON syntax (RFC 8259) into a tree in an
// arena; strings are decoded to UTF-8 (lone surrogate escapes become
// U+FFFD). Depth is limited to 64. Linear in the input.
#include <stdlib.h>

#include "lint_int.h"

typedef struct JsonReader {
    const char *p, *end;
    OchArena *arena;
    const char *error;  // first problem, static text
    uint32_t depth;
} JsonReader;

static void skip_ws(JsonReader *r) {
    while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r'))
        r->p++;
}

static AnJson *new_value(JsonReader *r, AnJsonType t) {
    AnJson *v = och_arena_alloc(r->arena, sizeof *v);
    memset(v, 0, sizeof *v);
    v->type = t;
    return v;
}

static int hex4(const char *p) {
    int v = 0;
    for (int i = 0; i < 4; i++) {
        char c = p[i];
        v <<= 4;
        if (c >= '0' && c <= '9') v |= c - '0';
        else if (c >= 'a' && c <= 'f') v |= c - 'a' + 10;
        else if (c >= 'A' && c <= 'F') v |= c - 'A' + 10;
        else return -1;
    }
    return v;
}

// Reads a string at r->p (the opening quote) into buf.
static bool read_string(JsonReader *r, OchBuf *buf) {
    r->p++;
    while (r->p < r->end) {
        unsigned char c = (unsigned char)*r->p;
        if (c == '"') {
            r->p++;
            return true;
        }
        if (c < 0x20) break;
        if (c != '\\') {
            och_buf_putc(buf, (char)c);
            r->p++;
            continue;
        }
        if (r->end - r->p < 2) break;
        char e = r->p[1];
        r->p += 2;
        switch (e) {
        case '"': och_buf_putc(buf, '"'); break;
        case '\\': och_buf_putc(buf, '\\'); break;
        case '/': och_buf_putc(buf, '/'); break;
        case 'b': och_buf_putc(buf, '\b'); break;
        case 'f': och_buf_putc(buf, '\f'); break;
        case 'n': och_buf_putc(buf, '\n'); break;
        case 'r': och_buf_putc(buf, '\r'); break;
        case 't': och_buf_putc(buf, '\t'); break;
        case 'u': {
            int cp = r->end - r->p >= 4 ? hex4(r->p) : -1;
            if (cp < 0) goto bad;
            r->p += 4;
            if (cp >= 0xD800 && cp <= 0xDBFF && r->end - r->p >= 6 && r->p[0] == '\\' &&
                r->p[1] == 'u') {
                int lo = hex4(r->p + 2);
                if (lo >= 0xDC00 && lo <= 0xDFFF) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    r->p += 6;
                }
            }
            if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;
            och_buf_put_utf8(buf, (uint32_t)cp);
            break;
        }
        default:
            goto bad;
        }
    }
bad:
    r->error = "invalid string";
    return false;
}

static AnJson *read_value(JsonReader *r);

static AnJson *read_container(JsonReader *r, bool object) {
    AnJson *v = new_value(r, object ? AN_JSON_OBJECT : AN_JSON_ARRAY);
    OCH_VEC(AnJson *) items = {0};
    OCH_VEC(const char *) keys = {0};
    r->p++;
    skip_ws(r);
    if (r->p < r->end && *r->p == (object ? '}' : ']')) {
        r->p++;
        return v;
    }
    for (;;) {
        skip_ws(r);
        if (object) {
            if (r->p >= r->end || *r->p != '"') {
                r->error = "expected a property name";
                goto fail;
            }
            OchBuf kb = {0};
            bool ok = read_string(r, &kb);
            och_vec_push(&keys, och_arena_strndup(r->arena, kb.data ? kb.data : "", kb.len));
            och_buf_free(&kb);
            if (!ok) goto fail;
            skip_ws(r);
            if (r->p >= r->end || *r->p != ':') {
                r->error = "expected ':'";
                goto fail;
            }
            r->p++;
        }
        AnJson *item = read_value(r);
        if (!item) goto fail;
        och_vec_push(&items, item);
        skip_ws(r);
        if (r->p < r->end && *r->p == ',') {
            r->p++;
            continue;
        }
        if (r->p < r->end && *r->p == (object ? '}' : ']')) {
            r->p++;
            break;
        }
        r->error = object ? "expected ',' or '}'" : "expected ',' or ']'";
        goto fail;
    }
    v->count = items.len;
    v->items = och_arena_memdup(r->arena, items.items, items.len * sizeof *items.items);
    if (object) v->keys = och_arena_memdup(r->arena, keys.items, keys.len * sizeof *keys.items);
    och_vec_free(&items);
    och_vec_free(&keys);
    return v;
fail:
    och_vec_free(&items);
    och_vec_free(&keys);
    return NULL;
}

static AnJson *read_value(JsonReader *r) {
    skip_ws(r);
    if (r->p >= r->end) {
        r->error = "unexpected end of JSON";
        return NULL;
    }
    if (++r->depth > 64) {
        r->error = "JSON nested too deeply";
        return NULL;
    }
    AnJson *v = NULL;
    char c = *r->p;
    if (c == '{' || c == '[') {
        v = read_container(r, c == '{');
    } else if (c == '"') {
        OchBuf b = {0};
        if (read_string(r, &b)) {
            v = new_value(r, AN_JSON_STRING);
            v->str = och_arena_strndup(r->arena, b.data ? b.data : "", b.len);
            v->len = (uint32_t)b.len;
        }
        och_buf_free(&b);
    } else if (c == '-' || (c >= '0' && c <= '9')) {
        const char *s = r->p;
        if (*r->p == '-') r->p++;
        while (r->p < r->end && ((*r->p >= '0' && *r->p <= '9') || *r->p == '.' || *r->p == 'e' ||
                                 *r->p == 'E' || *r->p == '+' || *r->p == '-'))
            r->p++;
        char tmp[64];
        size_t n = (size_t)(r->p - s);
        if (n == 0 || n >= sizeof tmp) {
            r->error = "invalid number";
            return NULL;
        }
        memcpy(tmp, s, n);
        tmp[n] = 0;
        char *endp;
        double d = strtod(tmp, &endp);
        if (*endp) {
            r->error = "invalid number";
            return NULL;
        }
        v = new_value(r, AN_JSON_NUMBER);
        v->number = d;
    } else {
        static const struct {
            const char *word;
            AnJsonType t;
            bool b;
        } words[] = {{"true", AN_JSON_BOOL, true}, {"false", AN_JSON_BOOL, false},
                     {"null", AN_JSON_NULL, false}};
        for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
            size_t n = strlen(words[i].word);
            if ((size_t)(r->end - r->p) >= n && memcmp(r->p, words[i].word, n) == 0) {
                r->p += n;
                v = new_value(r, words[i].t);
                v->boolean = words[i].b;
                break;
            }
        }
        if (!v) r->error = "invalid JSON value";
    }
    r->depth--;
    return v;
}

AnJson *an_json_parse(OchArena *arena, const char *text, const char **error) {
    JsonReader r = {text, text + strlen(text), arena, NULL, 0};
    AnJson *v = read_value(&r);
    if (v) {
        skip_ws(&r);
        if (r.p != r.end) {
            r.error = "unexpected text after the JSON value";
            v = NULL;
        }
    }
    if (error) *error = v ? NULL : (r.error ? r.error : "invalid JSON");
    return v;
}

const AnJson *an_json_get(const AnJson *obj, const char *key) {
    if (!obj || obj->type != AN_JSON_OBJECT) return NULL;
    for (uint32_t i = 0; i < obj->count; i++)
        if (strcmp(obj->keys[i], key) == 0) return obj->items[i];
    return NULL;
}
