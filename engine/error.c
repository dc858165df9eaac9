// Exceptions: throwing, Error objects with a captured stack, termination
// (heap limit, interrupts), taking and reporting the pending exception.
#include <stdarg.h>
#include <stdio.h>

#include "objmodel_int.h"

EnValue en_throw(EnContext *cx, EnValue exc) {
    // A termination is uncatchable: nothing may replace its reason.
    if (cx->terminating) return EN_EXCEPTION;
    cx->exception = exc;
    cx->has_exception = true;
    return EN_EXCEPTION;
}

// Reads a data property along the prototype chain without running code.
static EnValue raw_get(EnObject *o, EnKey k) {
    for (int depth = 0; o && depth < 64; depth++, o = o->shape->proto) {
        if (en_class_of(en_obj_class(o))->ops) continue;
        uint8_t attrs;
        EnValue *p = en_obj_find_named(o, k, &attrs);
        if (p) return (attrs & EN_PROP_ACCESSOR) ? EN_UNDEFINED : *p;
    }
    return EN_UNDEFINED;
}

bool en_error_capture_stack(EnContext *cx, EnObject *e) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *he = en_handle(cx, en_object_value(e));
    // stack: "Name: message" then the frames (raw reads: no user code).
    EnStrBuilder sb;
    en_sb_init(&sb, cx);
    EnValue name = raw_get(e, en_key_atom(en_atom(cx, EN_ATOM_name)));
    EnValue msg = raw_get(e, en_key_atom(en_atom(cx, EN_ATOM_message)));
    if (en_is_string(name)) en_sb_string(&sb, en_as_string(name));
    else en_sb_ascii(&sb, "Error", 5);
    if (en_is_string(msg) && en_str_length(en_as_string(msg))) {
        if (sb.len) en_sb_ascii(&sb, ": ", 2);
        en_sb_string(&sb, en_as_string(msg));
    }
    uint32_t before = sb.len;
    en_vm_capture_stack(cx, &sb);
    if (sb.len > before) {
        uint16_t first = sb.utf16 ? ((uint16_t *)sb.buf)[before] : ((uint8_t *)sb.buf)[before];
        if (first != '\n') {
            // The frames came without a separating newline: insert one.
            en_sb_unit(&sb, ' ');
            if (sb.utf16) {
                uint16_t *u = sb.buf;
                memmove(u + before + 1, u + before, (sb.len - 1 - before) * 2);
                u[before] = '\n';
            } else {
                uint8_t *u = sb.buf;
                memmove(u + before + 1, u + before, sb.len - 1 - before);
                u[before] = '\n';
            }
        }
    }
    EnString *stack = en_sb_finish(&sb);
    bool ok = stack && en_define_value(cx, en_as_object(*he), en_key_atom(en_atom(cx, EN_ATOM_stack)),
                                       en_string_value(stack), EN_PROP_HIDDEN);
    en_handle_scope_close(&hs);
    return ok;
}

EnObject *en_error_new(EnContext *cx, EnIntrinsic proto_id, EnString *message) {
    struct EnShapeCache *sc = cx->shape_cache;
    if (sc->error_depth > 2) return NULL;
    sc->error_depth++;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hm = en_handle(cx, message ? en_string_value(message) : EN_UNDEFINED);
    EnObject *proto = en_intrinsic(cx, proto_id);
    if (!proto) proto = en_intrinsic(cx, EN_INTRINSIC_ErrorPrototype);
    if (!proto) proto = en_intrinsic(cx, EN_INTRINSIC_ObjectPrototype);
    EnObject *e = en_obj_new(cx, EN_CLASS_ERROR, proto, 4);
    EnValue *he = en_handle(cx, e ? en_object_value(e) : EN_UNDEFINED);
    bool ok = e != NULL;
    if (ok && message)
        ok = en_obj_add_property(cx, e, en_key_atom(en_atom(cx, EN_ATOM_message)), *hm, EN_PROP_HIDDEN);
    ok = ok && en_error_capture_stack(cx, en_as_object(*he));
    e = ok ? en_as_object(*he) : NULL;
    en_handle_scope_close(&hs);
    sc->error_depth--;
    return e;
}

static EnValue throw_v(EnContext *cx, EnIntrinsic proto, const char *fmt, va_list ap) {
    char buf[512];
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    char *msg = buf;
    if (n >= (int)sizeof buf) {
        msg = och_malloc((size_t)n + 1);
        vsnprintf(msg, (size_t)n + 1, fmt, ap2);
    }
    va_end(ap2);
    EnString *s = en_str_from_utf8(cx, msg, n < 0 ? 0 : (size_t)n);
    if (msg != buf) och_free(msg);
    if (!s) return EN_EXCEPTION;
    EnObject *e = en_error_new(cx, proto, s);
    if (!e) return cx->has_exception ? EN_EXCEPTION : en_throw_oom(cx);
    return en_throw(cx, en_object_value(e));
}

#define THROW_FN_(fn, proto)                              \
    EnValue fn(EnContext *cx, const char *fmt, ...) {     \
        va_list ap;                                       \
        va_start(ap, fmt);                                \
        EnValue r = throw_v(cx, proto, fmt, ap);          \
        va_end(ap);                                       \
        return r;                                         \
    }
THROW_FN_(en_throw_type_error, EN_INTRINSIC_TypeErrorPrototype)
THROW_FN_(en_throw_range_error, EN_INTRINSIC_RangeErrorPrototype)
THROW_FN_(en_throw_reference_error, EN_INTRINSIC_ReferenceErrorPrototype)
THROW_FN_(en_throw_syntax_error, EN_INTRINSIC_SyntaxErrorPrototype)
#undef THROW_FN_

EnValue en_throw_error(EnContext *cx, EnIntrinsic ctor_proto, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    EnValue r = throw_v(cx, ctor_proto, fmt, ap);
    va_end(ap);
    return r;
}

EnValue en_throw_oom(EnContext *cx) {
    if (cx->terminating) return EN_EXCEPTION;
    EnObject *e = cx->shape_cache ? cx->shape_cache->oom_error : NULL;
    cx->exception = e ? en_object_value(e) : EN_NULL;
    cx->has_exception = true;
    cx->terminating = true;
    return EN_EXCEPTION;
}

EnValue en_throw_terminated(EnContext *cx, const char *why) {
    if (cx->terminating) return EN_EXCEPTION;
    EnString *s = en_str_from_cstr(cx, why);
    EnObject *e = s ? en_error_new(cx, EN_INTRINSIC_ErrorPrototype, s) : NULL;
    if (!e) return en_throw_oom(cx);
    cx->exception = en_object_value(e);
    cx->has_exception = true;
    cx->terminating = true;
    return EN_EXCEPTION;
}

EnValue en_exception_take(EnContext *cx) {
    EnValue v = cx->has_exception ? cx->exception : EN_UNDEFINED;
    cx->exception = EN_UNDEFINED;
    cx->has_exception = false;
    cx->terminating = false;
    return v;
}

static void append_string(EnContext *cx, EnValue s, OchBuf *out) {
    en_str_to_utf8(cx, en_as_string(s), out);
}

// Display without running user code (for reports).
static void safe_display(EnContext *cx, EnValue v, OchBuf *out) {
    if (en_is_string(v)) {
        append_string(cx, v, out);
    } else if (en_is_symbol(v)) {
        EnValue d = en_as_symbol(v)->description;
        och_buf_puts(out, "Symbol(");
        if (en_is_string(d)) append_string(cx, d, out);
        och_buf_putc(out, ')');
    } else if (en_is_object(v)) {
        EnObject *o = en_as_object(v);
        EnValue name = raw_get(o, en_key_atom(en_atom(cx, EN_ATOM_name)));
        EnValue msg = raw_get(o, en_key_atom(en_atom(cx, EN_ATOM_message)));
        if (!en_is_string(name)) {
            // Error-like objects of user classes (test262's Test262Error):
            // their constructor's name.
            EnValue c = raw_get(o, en_key_atom(en_atom(cx, EN_ATOM_constructor)));
            if (en_is_object(c)) name = raw_get(en_as_object(c), en_key_atom(en_atom(cx, EN_ATOM_name)));
        }
        if (en_obj_class(o) == EN_CLASS_ERROR || en_is_string(msg)) {
            if (en_is_string(name)) append_string(cx, name, out);
            else och_buf_puts(out, "Error");
            if (en_is_string(msg) && en_str_length(en_as_string(msg))) {
                och_buf_puts(out, ": ");
                append_string(cx, msg, out);
            }
        } else {
            och_buf_printf(out, "[object %s]", en_class_of(en_obj_class(o))->name);
        }
    } else {
        EnString *s = en_to_string(cx, v);  // primitives: no user code
        if (s) append_string(cx, en_string_value(s), out);
    }
}

void en_exception_report(EnContext *cx, EnValue exc, OchBuf *out) {
    och_buf_puts(out, "Uncaught ");
    if (en_is_object(exc) && en_obj_class(en_as_object(exc)) == EN_CLASS_ERROR) {
        EnValue stack = raw_get(en_as_object(exc), en_key_atom(en_atom(cx, EN_ATOM_stack)));
        if (en_is_string(stack) && en_str_length(en_as_string(stack))) {
            append_string(cx, stack, out);
            return;
        }
    }
    safe_display(cx, exc, out);
}

void en_value_to_display(EnContext *cx, EnValue v, OchBuf *out) {
    if (!en_is_object(v)) {
        safe_display(cx, v, out);
        return;
    }
    // ToString may throw; keep whatever was pending before.
    EnValue saved = cx->exception;
    bool had = cx->has_exception;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    en_handle(cx, saved);
    EnValue *hv = en_handle(cx, v);
    cx->has_exception = false;
    EnString *s = en_to_string(cx, v);
    if (s) {
        append_string(cx, en_string_value(s), out);
    } else if (!cx->terminating) {
        cx->has_exception = false;
        safe_display(cx, *hv, out);
    }
    if (!cx->terminating) {
        cx->exception = saved;
        cx->has_exception = had;
    }
    en_handle_scope_close(&hs);
}
