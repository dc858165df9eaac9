// console, Node-style: log/info/debug to stdout, warn/error/trace to
// stderr, each argument inspected (rt_inspect.c; strings as they are),
// printf-like specifiers in a first string argument (%s %d %i %f %j %o %O
// %c %%), dir, assert, count/countReset, time/timeEnd/timeLog and
// group/groupCollapsed/groupEnd (two spaces per level on every line).
#include <math.h>
#include <string.h>
#include <time.h>

#include "rt_int.h"

typedef struct RtConsole {
    uint32_t group;            // indentation level
    OCH_VEC(char *) count_labels;
    OCH_VEC(uint64_t) counts;
    OCH_VEC(char *) time_labels;
    OCH_VEC(uint64_t) times;   // start, monotonic ns
} RtConsole;

static RtConsole *console_of(EnContext *cx) {
    RtHost *h = rt_host_of(cx);
    return h ? h->console : NULL;
}

// Writes text (may hold newlines) with the group indentation on each line.
static void emit(EnContext *cx, const char *s, size_t n, bool is_error) {
    RtConsole *c = console_of(cx);
    uint32_t indent = c ? c->group * 2 : 0;
    if (!indent) {
        en_vm_print_line(cx, s, n, is_error);
        return;
    }
    OchBuf b = {0};
    size_t start = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i == n || s[i] == '\n') {
            for (uint32_t k = 0; k < indent; k++) och_buf_putc(&b, ' ');
            och_buf_append(&b, s + start, i - start);
            if (i < n) och_buf_putc(&b, '\n');
            start = i + 1;
        }
    }
    en_vm_print_line(cx, b.data ? b.data : "", b.len, is_error);
    och_buf_free(&b);
}

// One specifier's conversion of arg; false when JS threw.
static bool specifier(EnContext *cx, char spec, EnValue arg, OchBuf *out) {
    double d;
    switch (spec) {
    case 's':
        if (en_is_string(arg)) en_str_to_utf8(cx, en_as_string(arg), out);
        else if (en_is_number(arg)) rt_put_number(en_as_number(arg), out);
        else if (en_is_object(arg) || en_is_symbol(arg)) rt_inspect(cx, arg, false, out);
        else rt_inspect(cx, arg, true, out);
        return true;
    case 'd':
    case 'i':
    case 'f': {
        if (en_is_symbol(arg) || en_is_object(arg)) {
            if (en_is_symbol(arg)) {
                och_buf_puts(out, "NaN");
                return true;
            }
        }
        if (en_is_bigint(arg)) {
            rt_inspect(cx, arg, false, out);
            return true;
        }
        if (!en_to_number(cx, arg, &d)) return false;
        if (spec == 'i') d = isfinite(d) ? trunc(d) : NAN;
        rt_put_number(d, out);
        return true;
    }
    case 'j': {
        EnObject *json = en_intrinsic(cx, EN_INTRINSIC_JSON);
        EnString *k = en_atom_from_cstr(cx, "stringify");
        EnValue r = json && k ? en_invoke(cx, en_object_value(json), en_key_atom(k), 1, &arg) : EN_EXCEPTION;
        if (r == EN_EXCEPTION) {
            EnValue exc = en_exception_take(cx);
            (void)exc;
            och_buf_puts(out, "[Circular]");
            return !cx->terminating;
        }
        if (en_is_string(r)) en_str_to_utf8(cx, en_as_string(r), out);
        else och_buf_puts(out, "undefined");
        return true;
    }
    case 'o': rt_inspect_hidden(cx, arg, out); return true;
    case 'O': rt_inspect(cx, arg, false, out); return true;
    default: return true;
    }
}

// formatWithOptions: specifiers of a first string argument, then the rest
// inspected and joined by spaces.
bool rt_format(EnContext *cx, const EnValue *argv, uint32_t argc, OchBuf *out) {
    uint32_t next = 0;
    if (argc && en_is_string(argv[0]) && argc > 1) {
        OchBuf fmt = {0};
        en_str_to_utf8(cx, en_as_string(argv[0]), &fmt);
        next = 1;
        for (size_t i = 0; i < fmt.len; i++) {
            char c = fmt.data[i];
            if (c != '%' || i + 1 >= fmt.len) {
                och_buf_putc(out, c);
                continue;
            }
            char s = fmt.data[i + 1];
            if (s == '%') {
                och_buf_putc(out, '%');
                i++;
            } else if (strchr("sdifjoOc", s) && next < argc) {
                if (s != 'c' && !specifier(cx, s, argv[next], out)) {
                    och_buf_free(&fmt);
                    return false;
                }
                next++;
                i++;
            } else {
                och_buf_putc(out, '%');
            }
        }
        och_buf_free(&fmt);
    }
    for (uint32_t i = next; i < argc; i++) {
        if (out->len || i > next) och_buf_putc(out, ' ');
        rt_inspect(cx, argv[i], true, out);
        if (cx->terminating) return false;
    }
    return true;
}

static EnValue print_with(EnContext *cx, const EnValue *argv, uint32_t argc, bool is_error) {
    OchBuf b = {0};
    bool ok = rt_format(cx, argv, argc, &b);
    if (ok) emit(cx, b.data ? b.data : "", b.len, is_error);
    och_buf_free(&b);
    return ok ? EN_UNDEFINED : EN_EXCEPTION;
}

static EnValue console_log(EnContext *cx, const EnArgs *a) { return print_with(cx, a->argv, a->argc, false); }
static EnValue console_error(EnContext *cx, const EnArgs *a) { return print_with(cx, a->argv, a->argc, true); }

static EnValue console_dir(EnContext *cx, const EnArgs *a) {
    OchBuf b = {0};
    rt_inspect(cx, en_arg(a, 0), false, &b);
    emit(cx, b.data ? b.data : "", b.len, false);
    och_buf_free(&b);
    return cx->terminating ? EN_EXCEPTION : EN_UNDEFINED;
}

static EnValue console_trace(EnContext *cx, const EnArgs *a) {
    OchBuf b = {0};
    och_buf_puts(&b, "Trace");
    if (a->argc) och_buf_puts(&b, ": ");
    if (!rt_format(cx, a->argv, a->argc, &b)) {
        och_buf_free(&b);
        return EN_EXCEPTION;
    }
    EnStrBuilder sb;
    en_sb_init(&sb, cx);
    en_vm_capture_stack(cx, &sb);
    EnString *st = en_sb_finish(&sb);
    if (st && en_str_length(st)) {
        och_buf_putc(&b, '\n');
        en_str_to_utf8(cx, st, &b);
        while (b.len && b.data[b.len - 1] == '\n') b.len--;
    }
    emit(cx, b.data ? b.data : "", b.len, true);
    och_buf_free(&b);
    return EN_UNDEFINED;
}

static EnValue console_assert(EnContext *cx, const EnArgs *a) {
    if (en_to_boolean(en_arg(a, 0))) return EN_UNDEFINED;
    OchBuf b = {0};
    och_buf_puts(&b, "Assertion failed");
    if (a->argc > 1) {
        och_buf_puts(&b, ": ");
        if (!rt_format(cx, a->argv + 1, a->argc - 1, &b)) {
            och_buf_free(&b);
            return EN_EXCEPTION;
        }
    }
    emit(cx, b.data ? b.data : "", b.len, true);
    och_buf_free(&b);
    return EN_UNDEFINED;
}

// The label argument (default "default") as UTF-8 in out.
static bool label_of(EnContext *cx, const EnArgs *a, OchBuf *out) {
    EnValue v = en_arg(a, 0);
    if (en_is_undefined(v)) {
        och_buf_puts(out, "default");
        return true;
    }
    EnString *s = en_to_string(cx, v);
    if (!s) return false;
    en_str_to_utf8(cx, s, out);
    if (!out->data) och_buf_puts(out, "");
    return true;
}

static int find_label(char **labels, uint32_t n, const char *l) {
    for (uint32_t i = 0; i < n; i++)
        if (!strcmp(labels[i], l)) return (int)i;
    return -1;
}

static EnValue console_count(EnContext *cx, const EnArgs *a) {
    RtConsole *c = console_of(cx);
    OchBuf l = {0};
    if (!label_of(cx, a, &l)) return EN_EXCEPTION;
    int i = find_label(c->count_labels.items, c->count_labels.len, l.data);
    if (i < 0) {
        och_vec_push(&c->count_labels, och_strndup(l.data, l.len));
        och_vec_push(&c->counts, 0);
        i = (int)c->counts.len - 1;
    }
    c->counts.items[i]++;
    OchBuf b = {0};
    och_buf_printf(&b, "%s: %llu", l.data, (unsigned long long)c->counts.items[i]);
    emit(cx, b.data, b.len, false);
    och_buf_free(&b);
    och_buf_free(&l);
    return EN_UNDEFINED;
}

static EnValue console_count_reset(EnContext *cx, const EnArgs *a) {
    RtConsole *c = console_of(cx);
    OchBuf l = {0};
    if (!label_of(cx, a, &l)) return EN_EXCEPTION;
    int i = find_label(c->count_labels.items, c->count_labels.len, l.data);
    if (i >= 0) c->counts.items[i] = 0;
    och_buf_free(&l);
    return EN_UNDEFINED;
}

static EnValue console_time(EnContext *cx, const EnArgs *a) {
    RtConsole *c = console_of(cx);
    OchBuf l = {0};
    if (!label_of(cx, a, &l)) return EN_EXCEPTION;
    int i = find_label(c->time_labels.items, c->time_labels.len, l.data);
    if (i < 0) {
        och_vec_push(&c->time_labels, och_strndup(l.data, l.len));
        och_vec_push(&c->times, rt_now_ns());
    } else {
        OchBuf b = {0};
        och_buf_printf(&b, "Warning: Label '%s' already exists for console.time()", l.data);
        emit(cx, b.data, b.len, true);
        och_buf_free(&b);
    }
    och_buf_free(&l);
    return EN_UNDEFINED;
}

// timeEnd (end = true) and timeLog: "label: 1.234ms" plus timeLog's data.
static EnValue time_report(EnContext *cx, const EnArgs *a, bool end) {
    RtConsole *c = console_of(cx);
    OchBuf l = {0};
    if (!label_of(cx, a, &l)) return EN_EXCEPTION;
    int i = find_label(c->time_labels.items, c->time_labels.len, l.data);
    OchBuf b = {0};
    if (i < 0) {
        och_buf_printf(&b, "Warning: No such label '%s' for console.%s()", l.data, end ? "timeEnd" : "timeLog");
        emit(cx, b.data, b.len, true);
    } else {
        double ms = (double)(rt_now_ns() - c->times.items[i]) / 1e6;
        if (ms < 1000) och_buf_printf(&b, "%s: %.3fms", l.data, ms);
        else och_buf_printf(&b, "%s: %.3fs", l.data, ms / 1000);
        if (!end && a->argc > 1) {
            och_buf_putc(&b, ' ');
            if (!rt_format(cx, a->argv + 1, a->argc - 1, &b)) {
                och_buf_free(&b);
                och_buf_free(&l);
                return EN_EXCEPTION;
            }
        }
        emit(cx, b.data, b.len, false);
        if (end) {
            och_free(c->time_labels.items[i]);
            c->time_labels.items[i] = c->time_labels.items[c->time_labels.len - 1];
            c->times.items[i] = c->times.items[c->times.len - 1];
            c->time_labels.len--;
            c->times.len--;
        }
    }
    och_buf_free(&b);
    och_buf_free(&l);
    return EN_UNDEFINED;
}
static EnValue console_time_end(EnContext *cx, const EnArgs *a) { return time_report(cx, a, true); }
static EnValue console_time_log(EnContext *cx, const EnArgs *a) { return time_report(cx, a, false); }

static EnValue console_group(EnContext *cx, const EnArgs *a) {
    if (a->argc && print_with(cx, a->argv, a->argc, false) == EN_EXCEPTION) return EN_EXCEPTION;
    console_of(cx)->group++;
    return EN_UNDEFINED;
}

static EnValue console_group_end(EnContext *cx, const EnArgs *a) {
    (void)a;
    RtConsole *c = console_of(cx);
    if (c->group) c->group--;
    return EN_UNDEFINED;
}

bool rt_console_install(EnContext *cx) {
    RtHost *h = rt_host_of(cx);
    h->console = och_calloc(1, sizeof *h->console);
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    bool ok = false;
    EnObject *console = en_obj_new_plain(cx);
    if (!console) goto done;
    EnValue *hc = en_handle(cx, en_object_value(console));
    static const struct {
        const char *name;
        EnNativeFn fn;
    } methods[] = {
        {"log", console_log},         {"info", console_log},
        {"debug", console_log},       {"warn", console_error},
        {"error", console_error},     {"trace", console_trace},
        {"dir", console_dir},         {"assert", console_assert},
        {"count", console_count},     {"countReset", console_count_reset},
        {"time", console_time},       {"timeEnd", console_time_end},
        {"timeLog", console_time_log}, {"group", console_group},
        {"groupCollapsed", console_group}, {"groupEnd", console_group_end},
        {"table", console_log},
    };
    for (size_t i = 0; i < sizeof methods / sizeof *methods; i++)
        if (!en_define_method(cx, en_as_object(*hc), methods[i].name, methods[i].fn, 0)) goto done;
    ok = en_define_value(cx, cx->global, en_key_atom(en_atom(cx, EN_ATOM_console)), *hc,
                         EN_PROP_HIDDEN);
done:
    en_handle_scope_close(&hs);
    return ok;
}

void rt_console_free(RtHost *h) {
    RtConsole *c = h->console;
    if (!c) return;
    for (uint32_t i = 0; i < c->count_labels.len; i++) och_free(c->count_labels.items[i]);
    for (uint32_t i = 0; i < c->time_labels.len; i++) och_free(c->time_labels.items[i]);
    och_vec_free(&c->count_labels);
    och_vec_free(&c->counts);
    och_vec_free(&c->time_labels);
    och_vec_free(&c->times);
    och_free(c);
    h->console = NULL;
}
