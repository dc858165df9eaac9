// Value inspection with Node's util.inspect rules (console.log's format):
// nested objects to depth 2 (`[Object]` below), arrays with holes
// (`<2 empty items>`) and at most 100 items, class names (`Foo { x: 1 }`),
// `[Object: null prototype]`, getters as `[Getter]`, cycles as
// `<ref *1>` / `[Circular *1]`, functions as `[Function: f]` / `[class A]`,
// errors as their stack, boxed primitives, promises, and Node's layout: the
// innermost three levels of an object stay on one line when they fit in
// 80 columns, longer arrays of short items are grouped in columns.
//
// Inspection never runs user code except through accessors of exotic
// objects (Proxy traps are not called: a proxy shows its target... when the
// engine has proxies) and Symbol.toStringTag lookups, which read data
// properties only.
#include <math.h>
#include <string.h>

#include "../promise_int.h"
#include "rt_int.h"

#define BREAK_LENGTH 80
#define COMPACT 3
#define MAX_ARRAY_LENGTH 100

typedef OCH_VEC(char *) Entries;

typedef struct Insp {
    EnContext *cx;
    int depth;              // levels shown below the top (2)
    bool show_hidden;       // non-enumerable properties too, as [key] (console's %o)
    int indentation;        // current indentation of nested values
    int current_depth;      // depth of the last object entered (Node's ctx.currentDepth)
    OCH_VEC(EnValue) seen;  // objects being formatted (cycle detection)
    OCH_VEC(EnValue) circular;  // objects referenced as [Circular *n], n = index + 1
} Insp;

static void format_value(Insp *in, EnValue v, int recurse, bool top_string_raw, OchBuf *out);

// --- small helpers --------------------------------------------------------------

static uint32_t width_of(const char *s, size_t n) {
    uint32_t w = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80) w++;
    return w;
}

static void entries_free(Entries *e) {
    for (uint32_t i = 0; i < e->len; i++) och_free(e->items[i]);
    och_vec_free(e);
}

static void push_buf(Entries *e, OchBuf *b) {
    och_vec_push(e, och_strndup(b->data ? b->data : "", b->len));
    och_buf_free(b);
}

// A string literal the way Node quotes it: single quotes unless the text
// has some (then double, then backticks), control characters escaped.
static void quote_units(EnContext *cx, EnString *s, OchBuf *out) {
    (void)cx;
    uint32_t n = en_str_length(s);
    bool has_single = false, has_double = false, has_back = false;
    for (uint32_t i = 0; i < n; i++) {
        uint16_t c = en_str_at(s, i);
        has_single |= c == '\'';
        has_double |= c == '"';
        has_back |= c == '`';
    }
    char q = '\'';
    if (has_single) {
        if (!has_double) q = '"';
        else if (!has_back) q = '`';
    }
    och_buf_putc(out, q);
    for (uint32_t i = 0; i < n; i++) {
        uint32_t c = en_str_at(s, i);
        if (c >= 0xD800 && c <= 0xDBFF && i + 1 < n) {
            uint32_t d = en_str_at(s, i + 1);
            if (d >= 0xDC00 && d <= 0xDFFF) {
                c = 0x10000 + ((c - 0xD800) << 10) + (d - 0xDC00);
                i++;
            }
        }
        if (c == (uint32_t)q || c == '\\') {
            och_buf_putc(out, '\\');
            och_buf_putc(out, (char)c);
        } else if (c == '\n') {
            och_buf_puts(out, "\\n");
        } else if (c == '\t') {
            och_buf_puts(out, "\\t");
        } else if (c == '\r') {
            och_buf_puts(out, "\\r");
        } else if (c == '\b') {
            och_buf_puts(out, "\\b");
        } else if (c == '\f') {
            och_buf_puts(out, "\\f");
        } else if (c < 0x20 || c == 0x7F) {
            och_buf_printf(out, "\\x%02X", c);
        } else if (c >= 0xD800 && c <= 0xDFFF) {
            och_buf_printf(out, "\\u%04x", c);  // a lone surrogate
        } else {
            char u[4];
            size_t k = och_utf8_encode(u, c);
            och_buf_append(out, u, k);
        }
    }
    och_buf_putc(out, q);
}

static void put_string_raw(EnContext *cx, EnString *s, OchBuf *out) { en_str_to_utf8(cx, s, out); }

static void put_symbol(EnContext *cx, EnSymbol *sym, OchBuf *out) {
    och_buf_puts(out, "Symbol(");
    if (en_is_string(sym->description)) put_string_raw(cx, en_as_string(sym->description), out);
    och_buf_putc(out, ')');
}

static bool is_identifier(const char *s, size_t n) {
    if (!n) return false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
                  (i > 0 && c >= '0' && c <= '9');
        if (!ok) return false;
    }
    return true;
}

// Own data property `name` of o without running code (getters give
// undefined). Walks the prototype chain when `inherited`.
static EnValue data_prop(EnContext *cx, EnObject *o, EnKey k, bool inherited) {
    for (int guard = 0; o && guard < 10000; guard++) {
        if (en_obj_class(o) == EN_CLASS_PROXY) return EN_UNDEFINED;
        EnPropDesc d;
        bool found = false;
        if (!en_obj_get_own_property(cx, o, k, &d, &found)) {
            en_exception_take(cx);
            return EN_UNDEFINED;
        }
        if (found) return (d.has & EN_DESC_HAS_VALUE) ? d.value : EN_UNDEFINED;
        if (!inherited) return EN_UNDEFINED;
        EnObject *p = NULL;
        if (!en_obj_get_prototype_of(cx, o, &p)) {
            en_exception_take(cx);
            return EN_UNDEFINED;
        }
        o = p;
    }
    return EN_UNDEFINED;
}

static EnKey atom_key(EnContext *cx, EnAtomId id) { return en_key_atom(en_atom(cx, id)); }

// The name of the constructor found on the prototype chain (Node's
// getConstructorName): NULL for a null-prototype chain.
static bool constructor_name(EnContext *cx, EnObject *o, OchBuf *out) {
    for (int guard = 0; o && guard < 10000; guard++) {
        EnValue c = data_prop(cx, o, atom_key(cx, EN_ATOM_constructor), false);
        if (en_is_object(c) && en_is_callable(c)) {
            EnValue name = data_prop(cx, en_as_object(c), atom_key(cx, EN_ATOM_name), false);
            if (en_is_string(name) && en_str_length(en_as_string(name))) {
                put_string_raw(cx, en_as_string(name), out);
                return true;
            }
        }
        EnObject *p = NULL;
        if (en_obj_class(o) == EN_CLASS_PROXY || !en_obj_get_prototype_of(cx, o, &p)) {
            if (cx->has_exception) en_exception_take(cx);
            return false;
        }
        o = p;
    }
    return false;
}

// --- objects ------------------------------------------------------------------------

static bool key_is_enumerable(EnContext *cx, EnObject *o, EnKey k, EnPropDesc *d) {
    bool found = false;
    if (!en_obj_get_own_property(cx, o, k, d, &found)) {
        en_exception_take(cx);
        return false;
    }
    return found && (d->attrs & EN_PROP_ENUMERABLE);
}

// The own properties inspection lists: enumerable ones, all with show_hidden.
static bool key_is_shown(Insp *in, EnObject *o, EnKey k, EnPropDesc *d) {
    if (key_is_enumerable(in->cx, o, k, d)) return true;
    if (!in->show_hidden) return false;
    bool found = false;
    if (!en_obj_get_own_property(in->cx, o, k, d, &found)) {
        en_exception_take(in->cx);
        return false;
    }
    return found;
}

// `key: value` (or just `value` for array items) of one own property.
static void format_property(Insp *in, EnObject *o, EnKey k, const EnPropDesc *d, int recurse,
                            bool array_item, OchBuf *out) {
    EnContext *cx = in->cx;
    OchBuf val = {0};
    if ((d->has & EN_DESC_HAS_VALUE) && !en_is_undefined(d->value)) {
        in->indentation += 2;
        format_value(in, d->value, recurse, false, &val);
        in->indentation -= 2;
    } else if (d->has & (EN_DESC_HAS_GET | EN_DESC_HAS_SET)) {
        bool g = (d->has & EN_DESC_HAS_GET) && !en_is_undefined(d->getter);
        bool s = (d->has & EN_DESC_HAS_SET) && !en_is_undefined(d->setter);
        och_buf_puts(&val, g ? (s ? "[Getter/Setter]" : "[Getter]") : (s ? "[Setter]" : "undefined"));
    } else {
        och_buf_puts(&val, "undefined");
    }
    (void)o;
    if (!array_item) {
        uint32_t idx;
        bool hidden = !(d->attrs & EN_PROP_ENUMERABLE);
        if (hidden) och_buf_putc(out, '[');
        if (hidden && !en_is_symbol(k) && !en_key_is_index(k, &idx)) {
            put_string_raw(cx, en_as_string(k), out);
        } else if (en_is_symbol(k)) {
            och_buf_putc(out, '[');
            put_symbol(cx, en_as_symbol(k), out);
            och_buf_putc(out, ']');
        } else if (en_key_is_index(k, &idx)) {
            och_buf_printf(out, "'%u'", idx);
        } else {
            OchBuf name = {0};
            put_string_raw(cx, en_as_string(k), &name);
            if (name.len == 9 && !memcmp(name.data, "__proto__", 9)) och_buf_puts(out, "['__proto__']");
            else if (is_identifier(name.data, name.len)) och_buf_append(out, name.data, name.len);
            else quote_units(cx, en_as_string(k), out);
            och_buf_free(&name);
        }
        if (hidden) och_buf_putc(out, ']');
        och_buf_puts(out, ": ");
    }
    och_buf_append(out, val.data ? val.data : "", val.len);
    och_buf_free(&val);
}

// Node's groupArrayElements: more than six array items, short enough, are
// laid out in aligned columns (numbers right-aligned).
static void group_array_elements(Insp *in, Entries *out, EnObject *arr, bool has_more) {
    uint32_t n = out->len - (has_more ? 1 : 0);
    if (n <= 6) return;
    uint32_t *len = och_malloc(n * sizeof *len);
    double total = 0;
    uint32_t max_len = 0;
    for (uint32_t i = 0; i < n; i++) {
        len[i] = width_of(out->items[i], strlen(out->items[i]));
        total += len[i] + 2;
        if (len[i] > max_len) max_len = len[i];
    }
    uint32_t actual_max = max_len + 2;
    if (actual_max * 3 + (uint32_t)in->indentation < BREAK_LENGTH &&
        (total / actual_max > 5 || max_len <= 6)) {
        double average_bias = sqrt(actual_max - total / out->len);
        double biased_max = fmax(actual_max - 3 - average_bias, 1);
        double c1 = round(sqrt(2.5 * biased_max * n) / biased_max);
        double c2 = floor((double)(BREAK_LENGTH - in->indentation) / actual_max);
        uint32_t columns = (uint32_t)fmin(fmin(c1, c2), fmin(COMPACT * 4, 15));
        if (columns > 1) {
            uint32_t *line_len = och_malloc(columns * sizeof *line_len);
            for (uint32_t i = 0; i < columns; i++) {
                uint32_t m = 0;
                for (uint32_t j = i; j < n; j += columns)
                    if (len[j] > m) m = len[j];
                line_len[i] = m + 2;
            }
            // Numbers (and bigints) align right, anything else left.
            bool pad_start = true;
            for (uint32_t i = 0; i < n && pad_start; i++) {
                EnPropDesc d;
                bool found = false;
                if (!en_obj_get_own_property(in->cx, arr, en_key_index(i), &d, &found)) {
                    en_exception_take(in->cx);
                    pad_start = false;
                } else if (!found || !(d.has & EN_DESC_HAS_VALUE) ||
                           !(en_is_number(d.value) || en_is_bigint(d.value))) {
                    pad_start = false;
                }
            }
            Entries rows = {0};
            for (uint32_t i = 0; i < n; i += columns) {
                uint32_t end = i + columns < n ? i + columns : n;
                OchBuf row = {0};
                for (uint32_t j = i; j < end; j++) {
                    bool last = j == end - 1;
                    uint32_t cell = last ? len[j] : len[j] + 2;
                    uint32_t want = last && pad_start ? line_len[j - i] - 2 : line_len[j - i];
                    uint32_t pad = want > cell ? want - cell : 0;
                    if (pad_start)
                        for (uint32_t p = 0; p < pad; p++) och_buf_putc(&row, ' ');
                    och_buf_puts(&row, out->items[j]);
                    if (!last) och_buf_puts(&row, ", ");
                    if (!pad_start && !last)
                        for (uint32_t p = 0; p < pad; p++) och_buf_putc(&row, ' ');
                }
                push_buf(&rows, &row);
            }
            if (has_more) och_vec_push(&rows, och_strndup(out->items[n], strlen(out->items[n])));
            for (uint32_t i = 0; i < n; i++) och_free(out->items[i]);
            if (has_more) och_free(out->items[n]);
            och_vec_free(out);
            *out = rows;
            och_free(line_len);
        }
    }
    och_free(len);
}

static bool below_break_length(Insp *in, const Entries *e, size_t start, const char *base) {
    size_t total = e->len + start;
    if (total + e->len > BREAK_LENGTH) return false;
    for (uint32_t i = 0; i < e->len; i++) {
        total += width_of(e->items[i], strlen(e->items[i]));
        if (total > BREAK_LENGTH) return false;
    }
    (void)in;
    return !strchr(base, '\n');
}

// Node's reduceToSingleString with compact = 3.
static void reduce(Insp *in, Entries *e, const char *base, const char *open, const char *close,
                   bool is_array, EnObject *arr, bool has_more, int recurse, OchBuf *out) {
    uint32_t entries = e->len;
    if (is_array && entries > 6) group_array_elements(in, e, arr, has_more);
    if (in->current_depth - recurse < COMPACT && entries == e->len) {
        size_t start = e->len + (size_t)in->indentation + strlen(open) + strlen(base) + 10;
        if (below_break_length(in, e, start, base)) {
            OchBuf joined = {0};
            for (uint32_t i = 0; i < e->len; i++) {
                if (i) och_buf_puts(&joined, ", ");
                och_buf_puts(&joined, e->items[i]);
            }
            bool multiline = joined.data && memchr(joined.data, '\n', joined.len);
            if (!multiline) {
                if (*base) och_buf_printf(out, "%s ", base);
                och_buf_printf(out, "%s %s %s", open, joined.data ? joined.data : "", close);
                och_buf_free(&joined);
                return;
            }
            och_buf_free(&joined);
        }
    }
    if (*base) och_buf_printf(out, "%s ", base);
    och_buf_puts(out, open);
    for (uint32_t i = 0; i < e->len; i++) {
        och_buf_putc(out, '\n');
        for (int k = 0; k < in->indentation + 2; k++) och_buf_putc(out, ' ');
        och_buf_puts(out, e->items[i]);
        if (i + 1 < e->len) och_buf_putc(out, ',');
    }
    och_buf_putc(out, '\n');
    for (int k = 0; k < in->indentation; k++) och_buf_putc(out, ' ');
    och_buf_puts(out, close);
}

static void push_buf_cstr(Entries *e, const char *s) { och_vec_push(e, och_strndup(s, strlen(s))); }

// Map entries as `key => value`, Set entries as values, through the realm's
// original iterator methods; returns the size.
static uint32_t collection_entries(Insp *in, EnObject *o, bool is_map, int recurse, Entries *e) {
    EnContext *cx = in->cx;
    EnObject *proto = en_intrinsic(cx, is_map ? EN_INTRINSIC_MapPrototype : EN_INTRINSIC_SetPrototype);
    EnString *m = en_atom_from_cstr(cx, is_map ? "entries" : "values");
    EnValue fn = proto && m ? data_prop(cx, proto, en_key_atom(m), false) : EN_UNDEFINED;
    if (!en_is_callable(fn)) return 0;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    uint32_t n = 0;
    EnValue it = en_call(cx, fn, en_object_value(o), 0, NULL);
    EnIteratorRecord rec = {it, EN_UNDEFINED, false};
    if (it == EN_EXCEPTION) goto done;
    en_handle(cx, it);
    rec.next_method = en_get_atom(cx, it, EN_ATOM_next);
    if (rec.next_method == EN_EXCEPTION) goto done;
    en_handle(cx, rec.next_method);
    for (;;) {
        EnValue v;
        bool end;
        if (!en_iterator_step_value(cx, &rec, &v, &end) || end) break;
        EnValue *hv = en_handle(cx, v);
        if (++n > MAX_ARRAY_LENGTH) continue;
        OchBuf item = {0};
        in->indentation += 2;
        if (is_map) {
            EnValue k = en_get_index(cx, *hv, 0), val = en_get_index(cx, *hv, 1);
            EnValue *hk = en_handle(cx, k), *hval = en_handle(cx, val);
            format_value(in, *hk, recurse, false, &item);
            och_buf_puts(&item, " => ");
            format_value(in, *hval, recurse, false, &item);
        } else {
            format_value(in, *hv, recurse, false, &item);
        }
        in->indentation -= 2;
        push_buf(e, &item);
    }
    if (n > MAX_ARRAY_LENGTH) {
        OchBuf more = {0};
        och_buf_printf(&more, "... %u more item%s", n - MAX_ARRAY_LENGTH, n - MAX_ARRAY_LENGTH == 1 ? "" : "s");
        push_buf(e, &more);
    }
done:
    if (cx->has_exception) en_exception_take(cx);
    en_handle_scope_close(&hs);
    return n;
}

static int circular_index(Insp *in, EnValue v) {
    for (uint32_t i = 0; i < in->circular.len; i++)
        if (in->circular.items[i] == v) return (int)i + 1;
    return 0;
}

// The base text of a function: [Function: f], [class A extends B]...
static void function_base(Insp *in, EnObject *f, OchBuf *out) {
    EnContext *cx = in->cx;
    const char *type = "Function";
    bool is_class = false;
    if (en_obj_class(f) == EN_CLASS_FUNCTION) {
        const EnFunctionTemplate *t = ((EnFunction *)f)->tmpl;
        bool gen = t->flags & EN_TF_GENERATOR, async = t->flags & EN_TF_ASYNC;
        type = gen ? (async ? "AsyncGeneratorFunction" : "GeneratorFunction")
                   : (async ? "AsyncFunction" : "Function");
        is_class = (t->flags & EN_TF_CLASS_CTOR) != 0;
    }
    EnValue name = data_prop(cx, f, atom_key(cx, EN_ATOM_name), false);
    bool has_name = en_is_string(name) && en_str_length(en_as_string(name));
    if (is_class) {
        och_buf_puts(out, "[class ");
        if (has_name) put_string_raw(cx, en_as_string(name), out);
        else och_buf_puts(out, "(anonymous)");
        EnObject *super = NULL;
        if (en_obj_get_prototype_of(cx, f, &super) && super &&
            super != en_intrinsic(cx, EN_INTRINSIC_FunctionPrototype)) {
            EnValue sn = data_prop(cx, super, atom_key(cx, EN_ATOM_name), false);
            if (en_is_string(sn) && en_str_length(en_as_string(sn))) {
                och_buf_puts(out, " extends ");
                put_string_raw(cx, en_as_string(sn), out);
            }
        }
        if (cx->has_exception) en_exception_take(cx);
        och_buf_putc(out, ']');
        return;
    }
    och_buf_printf(out, "[%s", type);
    if (has_name) {
        och_buf_puts(out, ": ");
        put_string_raw(cx, en_as_string(name), out);
    } else {
        och_buf_puts(out, " (anonymous)");
    }
    och_buf_putc(out, ']');
}

// Error: its stack (indented like the surrounding value), else
// [Name: message].
static void error_base(Insp *in, EnObject *e, OchBuf *out) {
    EnContext *cx = in->cx;
    EnValue stack = data_prop(cx, e, atom_key(cx, EN_ATOM_stack), true);
    OchBuf s = {0};
    if (en_is_string(stack) && en_str_length(en_as_string(stack))) {
        put_string_raw(cx, en_as_string(stack), &s);
    } else {
        EnValue name = data_prop(cx, e, atom_key(cx, EN_ATOM_name), true);
        EnValue msg = data_prop(cx, e, atom_key(cx, EN_ATOM_message), true);
        och_buf_putc(&s, '[');
        if (en_is_string(name)) put_string_raw(cx, en_as_string(name), &s);
        else och_buf_puts(&s, "Error");
        if (en_is_string(msg) && en_str_length(en_as_string(msg))) {
            och_buf_puts(&s, ": ");
            put_string_raw(cx, en_as_string(msg), &s);
        }
        och_buf_putc(&s, ']');
    }
    for (size_t i = 0; i < s.len; i++) {
        och_buf_putc(out, s.data[i]);
        if (s.data[i] == '\n')
            for (int k = 0; k < in->indentation; k++) och_buf_putc(out, ' ');
    }
    och_buf_free(&s);
}

static bool is_error_object(EnContext *cx, EnObject *o) {
    (void)cx;
    return en_obj_class(o) == EN_CLASS_ERROR;
}

// Whether o prints without nested values ({}, [], [Function: f]...): Node
// prints those in full even below the depth limit.
static bool shows_nothing_nested(Insp *in, EnObject *o, bool is_array) {
    EnContext *cx = in->cx;
    EnClassId cls = en_obj_class(o);
    if (cls == EN_CLASS_PROMISE || cls == EN_CLASS_PROXY || cls == EN_CLASS_WEAKMAP || cls == EN_CLASS_WEAKSET)
        return false;
    if (cls == EN_CLASS_MAP || cls == EN_CLASS_SET || cls == EN_CLASS_TYPED_ARRAY) {
        EnValue n = en_get(cx, en_object_value(o), en_key_atom(en_atom(cx, cls == EN_CLASS_TYPED_ARRAY ? EN_ATOM_length : EN_ATOM_size)));
        if (!en_is_number(n)) {
            if (cx->has_exception) en_exception_take(cx);
            return false;
        }
        if (en_as_number(n) > 0) return false;
    }
    if (is_array) {
        uint64_t len = 0;
        if (!en_length_of_array_like(cx, en_object_value(o), &len)) en_exception_take(cx);
        if (len) return false;
    }
    EnKey *keys = NULL;
    uint32_t n = 0;
    bool none = true;
    if (en_obj_own_keys(cx, o, &keys, &n)) {
        for (uint32_t i = 0; i < n && none; i++) {
            uint32_t idx;
            if (en_key_is_index(keys[i], &idx) && cls != EN_CLASS_OBJECT) continue;
            EnPropDesc d;
            if (key_is_shown(in, o, keys[i], &d)) none = false;
        }
    } else {
        en_exception_take(cx);
        none = false;
    }
    och_free(keys);
    return none;
}

static void format_raw(Insp *in, EnObject *o, int recurse, OchBuf *out) {
    EnContext *cx = in->cx;
    EnValue ov = en_object_value(o);
    EnClassId cls = en_obj_class(o);
    OchBuf ctor = {0};
    bool has_ctor = constructor_name(cx, o, &ctor);
    const char *cname = has_ctor ? ctor.data : NULL;
    // Symbol.toStringTag (a data property) when it differs from the name.
    OchBuf tag = {0};
    EnValue tv = data_prop(cx, o, en_symbol_value(en_well_known_symbol(cx, EN_SYM_toStringTag)), true);
    if (en_is_string(tv) && en_str_length(en_as_string(tv))) {
        put_string_raw(cx, en_as_string(tv), &tag);
        if (cname && !strcmp(tag.data, cname)) och_buf_free(&tag);
    }
    bool is_array = cls == EN_CLASS_ARRAY;
    bool is_fn = en_obj_is_callable(o);
    const char *kind_name = is_array ? "Array" : "Object";

    bool trivial = shows_nothing_nested(in, o, is_array);
    if (recurse > in->depth && !trivial) {
        och_buf_putc(out, '[');
        if (has_ctor) och_buf_puts(out, cname);
        else och_buf_puts(out, "Object: null prototype");
        if (tag.len && has_ctor) och_buf_printf(out, " [%s]", tag.data);
        och_buf_putc(out, ']');
        och_buf_free(&ctor);
        och_buf_free(&tag);
        return;
    }
    recurse++;
    och_vec_push(&in->seen, ov);
    // Empty values return before Node records the depth they reached.
    if (!trivial) in->current_depth = recurse;

    Entries e = {0};
    OchBuf base = {0}, open = {0};
    const char *close = "}";
    bool has_more = false;
    uint64_t length = 0;
    // Prefix: `Foo ` for instances of classes, `[Object: null prototype] `.
    OchBuf prefix = {0};
    if (!has_ctor) {
        och_buf_printf(&prefix, "[%s: null prototype] ", kind_name);
    } else if (strcmp(cname, kind_name) != 0 || tag.len) {
        och_buf_puts(&prefix, cname);
        if (is_array) {
            en_length_of_array_like(cx, ov, &length);
            och_buf_printf(&prefix, "(%llu)", (unsigned long long)length);
        }
        if (tag.len) och_buf_printf(&prefix, " [%s]", tag.data);
        och_buf_putc(&prefix, ' ');
    }
    EnPrimitiveObject *boxed = NULL;
    bool base_alone = false;   // printed as its base text when it has no own properties
    bool skip_indices = false; // index keys shown as items already
    if (is_array) {
        och_buf_printf(&open, "%s[", prefix.data ? prefix.data : "");
        close = "]";
        en_length_of_array_like(cx, ov, &length);
        uint32_t shown = length > MAX_ARRAY_LENGTH ? MAX_ARRAY_LENGTH : (uint32_t)length;
        for (uint32_t i = 0; i < shown;) {
            EnPropDesc d;
            bool found = false;
            if (!en_obj_get_own_property(cx, o, en_key_index(i), &d, &found)) en_exception_take(cx);
            if (!found) {
                uint32_t j = i;
                while (j < shown) {
                    bool f2 = false;
                    EnPropDesc d2;
                    if (!en_obj_get_own_property(cx, o, en_key_index(j), &d2, &f2)) en_exception_take(cx);
                    if (f2) break;
                    j++;
                }
                OchBuf h = {0};
                och_buf_printf(&h, "<%u empty item%s>", j - i, j - i == 1 ? "" : "s");
                push_buf(&e, &h);
                i = j;
                continue;
            }
            OchBuf item = {0};
            format_property(in, o, en_key_index(i), &d, recurse, true, &item);
            push_buf(&e, &item);
            i++;
        }
        if (length > shown) {
            OchBuf m = {0};
            uint64_t rest = length - shown;
            och_buf_printf(&m, "... %llu more item%s", (unsigned long long)rest, rest == 1 ? "" : "s");
            push_buf(&e, &m);
            has_more = true;
        }
    } else if (is_fn) {
        function_base(in, o, &base);
        och_buf_puts(&open, "{");
    } else if (is_error_object(cx, o)) {
        error_base(in, o, &base);
        och_buf_puts(&open, "{");
    } else if ((cls == EN_CLASS_NUMBER || cls == EN_CLASS_STRING || cls == EN_CLASS_BOOLEAN ||
                cls == EN_CLASS_SYMBOL || cls == EN_CLASS_BIGINT)) {
        boxed = (EnPrimitiveObject *)o;
        const char *t = cls == EN_CLASS_NUMBER ? "Number" : cls == EN_CLASS_STRING ? "String"
                        : cls == EN_CLASS_BOOLEAN ? "Boolean" : cls == EN_CLASS_SYMBOL ? "Symbol" : "BigInt";
        och_buf_printf(&base, "[%s: ", t);
        format_value(in, boxed->value, recurse, false, &base);
        och_buf_putc(&base, ']');
        och_buf_puts(&open, "{");
    } else if (cls == EN_CLASS_MAP || cls == EN_CLASS_SET) {
        bool is_map = cls == EN_CLASS_MAP;
        uint32_t n = collection_entries(in, o, is_map, recurse, &e);
        och_buf_printf(&open, "%s%s(%u) {", has_ctor ? cname : (is_map ? "Map" : "Set"),
                       tag.len ? "" : "", n);
        if (tag.len) {
            och_buf_free(&open);
            och_buf_printf(&open, "%s(%u) [%s] {", has_ctor ? cname : (is_map ? "Map" : "Set"), n, tag.data);
        }
    } else if (cls == EN_CLASS_WEAKMAP || cls == EN_CLASS_WEAKSET) {
        och_buf_printf(&open, "%s {", has_ctor ? cname : (cls == EN_CLASS_WEAKMAP ? "WeakMap" : "WeakSet"));
        push_buf_cstr(&e, "<items unknown>");
    } else if (cls == EN_CLASS_DATE || cls == EN_CLASS_REGEXP) {
        // The original prototype methods (toISOString / toString) of the realm.
        EnObject *proto = en_intrinsic(cx, cls == EN_CLASS_DATE ? EN_INTRINSIC_DatePrototype : EN_INTRINSIC_RegExpPrototype);
        EnString *m = en_atom_from_cstr(cx, cls == EN_CLASS_DATE ? "toISOString" : "toString");
        EnValue fn = proto && m ? data_prop(cx, proto, en_key_atom(m), false) : EN_UNDEFINED;
        EnValue r = en_is_callable(fn) ? en_call(cx, fn, ov, 0, NULL) : EN_EXCEPTION;
        if (en_is_string(r)) put_string_raw(cx, en_as_string(r), &base);
        else {
            if (cx->has_exception) en_exception_take(cx);
            och_buf_puts(&base, cls == EN_CLASS_DATE ? "Invalid Date" : "/(?:)/");
        }
        och_buf_puts(&open, "{");
        base_alone = true;
    } else if (cls == EN_CLASS_TYPED_ARRAY) {
        uint64_t n = 0;
        EnValue lv = en_get(cx, ov, en_key_atom(en_atom(cx, EN_ATOM_length)));
        if (en_is_number(lv)) n = (uint64_t)en_as_number(lv);
        else if (cx->has_exception) en_exception_take(cx);
        och_buf_printf(&open, "%s(%llu) [", has_ctor ? cname : "TypedArray", (unsigned long long)n);
        close = "]";
        uint32_t shown = n > MAX_ARRAY_LENGTH ? MAX_ARRAY_LENGTH : (uint32_t)n;
        for (uint32_t i = 0; i < shown; i++) {
            EnValue v = en_get_index(cx, ov, i);
            if (v == EN_EXCEPTION) {
                en_exception_take(cx);
                break;
            }
            OchBuf item = {0};
            format_value(in, v, recurse, false, &item);
            push_buf(&e, &item);
        }
        if (n > shown) {
            OchBuf m = {0};
            och_buf_printf(&m, "... %llu more item%s", (unsigned long long)(n - shown), n - shown == 1 ? "" : "s");
            push_buf(&e, &m);
            has_more = true;
        }
        is_array = true;
        skip_indices = true;
    } else if (cls == EN_CLASS_PROMISE) {
        EnPromise *p = (EnPromise *)o;
        och_buf_printf(&open, "%s{", prefix.len ? prefix.data : "Promise ");
        OchBuf item = {0};
        if (p->state == EN_PROMISE_PENDING) {
            och_buf_puts(&item, "<pending>");
        } else {
            if (p->state == EN_PROMISE_REJECTED) och_buf_puts(&item, "<rejected> ");
            in->indentation += 2;
            format_value(in, p->result, recurse, false, &item);
            in->indentation -= 2;
        }
        push_buf(&e, &item);
    } else if (cls == EN_CLASS_ARGUMENTS || cls == EN_CLASS_MAPPED_ARGUMENTS) {
        och_buf_puts(&open, "[Arguments] [");
        close = "]";
        en_length_of_array_like(cx, ov, &length);
        for (uint32_t i = 0; i < length && i < MAX_ARRAY_LENGTH; i++) {
            EnPropDesc d;
            bool found = false;
            if (!en_obj_get_own_property(cx, o, en_key_index(i), &d, &found)) en_exception_take(cx);
            OchBuf item = {0};
            if (found) format_property(in, o, en_key_index(i), &d, recurse, true, &item);
            else och_buf_puts(&item, "undefined");
            push_buf(&e, &item);
        }
        is_array = true;
    } else {
        och_buf_printf(&open, "%s{", prefix.data ? prefix.data : "");
    }
    // Own enumerable properties (array indices already shown).
    EnKey *keys = NULL;
    uint32_t nkeys = 0;
    if (cls != EN_CLASS_PROXY && en_obj_own_keys(cx, o, &keys, &nkeys)) {
        for (uint32_t i = 0; i < nkeys; i++) {
            uint32_t idx;
            if ((is_array || boxed || skip_indices) && en_key_is_index(keys[i], &idx)) continue;
            EnPropDesc d;
            if (!key_is_shown(in, o, keys[i], &d)) continue;
            OchBuf item = {0};
            format_property(in, o, keys[i], &d, recurse, false, &item);
            push_buf(&e, &item);
        }
    } else if (cx->has_exception) {
        en_exception_take(cx);
    }
    och_free(keys);
    in->seen.len--;

    int ci = circular_index(in, ov);
    if (ci) {
        OchBuf b2 = {0};
        och_buf_printf(&b2, "<ref *%d>", ci);
        if (base.len) och_buf_printf(&b2, " %s", base.data);
        och_buf_free(&base);
        base = b2;
    }
    const char *basestr = base.data ? base.data : "";
    if (e.len == 0 && (is_fn || is_error_object(cx, o) || boxed || base_alone)) {
        och_buf_puts(out, basestr);
    } else if (e.len == 0) {
        if (*basestr) och_buf_printf(out, "%s ", basestr);
        och_buf_printf(out, "%s%s", open.data ? open.data : "", close);
    } else {
        reduce(in, &e, basestr, open.data ? open.data : "", close, is_array && cls == EN_CLASS_ARRAY,
               o, has_more, recurse, out);
    }
    entries_free(&e);
    och_buf_free(&base);
    och_buf_free(&open);
    och_buf_free(&prefix);
    och_buf_free(&ctor);
    och_buf_free(&tag);
}

static void format_value(Insp *in, EnValue v, int recurse, bool top_string_raw, OchBuf *out) {
    EnContext *cx = in->cx;
    if (en_is_string(v)) {
        if (top_string_raw) put_string_raw(cx, en_as_string(v), out);
        else quote_units(cx, en_as_string(v), out);
        return;
    }
    if (en_is_number(v)) {
        rt_put_number(en_as_number(v), out);
        return;
    }
    if (en_is_undefined(v)) {
        och_buf_puts(out, "undefined");
        return;
    }
    if (en_is_null(v)) {
        och_buf_puts(out, "null");
        return;
    }
    if (en_is_bool(v)) {
        och_buf_puts(out, en_as_bool(v) ? "true" : "false");
        return;
    }
    if (en_is_symbol(v)) {
        put_symbol(cx, en_as_symbol(v), out);
        return;
    }
    if (!en_is_object(v)) {
        // BigInt and anything else: its ToString (no user code runs).
        en_value_to_display(cx, v, out);
        if (en_is_bigint(v)) och_buf_putc(out, 'n');
        return;
    }
    for (uint32_t i = 0; i < in->seen.len; i++) {
        if (in->seen.items[i] == v) {
            int ci = circular_index(in, v);
            if (!ci) {
                och_vec_push(&in->circular, v);
                ci = (int)in->circular.len;
            }
            och_buf_printf(out, "[Circular *%d]", ci);
            return;
        }
    }
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    en_handle(cx, v);
    format_raw(in, en_as_object(v), recurse, out);
    en_handle_scope_close(&hs);
}

static void inspect_with(Insp *in, EnValue v, bool top_string_raw, OchBuf *out) {
    EnContext *cx = in->cx;
    // An exception pending before (console.log in a catch...) survives.
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *saved = en_handle(cx, cx->exception);
    bool had = cx->has_exception;
    cx->has_exception = false;
    en_handle(cx, v);
    format_value(in, v, 0, top_string_raw, out);
    if (!cx->terminating) {
        cx->exception = *saved;
        cx->has_exception = had;
    }
    en_handle_scope_close(&hs);
    och_vec_free(&in->seen);
    och_vec_free(&in->circular);
}

void rt_inspect_hidden(EnContext *cx, EnValue v, OchBuf *out) {
    Insp in = {.cx = cx, .depth = 4, .show_hidden = true};
    inspect_with(&in, v, false, out);
}

void rt_inspect(EnContext *cx, EnValue v, bool top_string_raw, OchBuf *out) {
    Insp in = {.cx = cx, .depth = 2};
    inspect_with(&in, v, top_string_raw, out);
}
