// Minimal host output: global print(...) and console.log/info/warn/error
// (arguments converted with en_value_to_display, joined by spaces). The
// runtime issue replaces console with a Node-like one.
#include <stdio.h>

#include "vm_int.h"

void en_vm_print_line(EnContext *cx, const char *s, size_t len, bool is_error) {
    if (cx->print_fn) {
        cx->print_fn(cx->print_ctx, s, len, is_error);
        return;
    }
    FILE *f = is_error ? stderr : stdout;
    fwrite(s, 1, len, f);
    fputc('\n', f);
}

static EnValue print_args(EnContext *cx, const EnArgs *a, bool is_error) {
    OchBuf b = {0};
    for (uint32_t i = 0; i < a->argc; i++) {
        if (i) och_buf_putc(&b, ' ');
        en_value_to_display(cx, a->argv[i], &b);
        if (cx->terminating) {
            och_buf_free(&b);
            return EN_EXCEPTION;
        }
    }
    en_vm_print_line(cx, b.data ? b.data : "", b.len, is_error);
    och_buf_free(&b);
    return EN_UNDEFINED;
}

static EnValue host_print(EnContext *cx, const EnArgs *a) { return print_args(cx, a, false); }
static EnValue host_print_error(EnContext *cx, const EnArgs *a) { return print_args(cx, a, true); }

bool en_host_print_install(EnContext *cx) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    bool ok = false;
    if (!en_define_method(cx, cx->global, "print", host_print, 0)) goto done;
    EnObject *console = en_obj_new_plain(cx);
    if (!console) goto done;
    EnValue *hc = en_handle(cx, en_object_value(console));
    if (!en_define_method(cx, console, "log", host_print, 0) ||
        !en_define_method(cx, en_as_object(*hc), "info", host_print, 0) ||
        !en_define_method(cx, en_as_object(*hc), "debug", host_print, 0) ||
        !en_define_method(cx, en_as_object(*hc), "warn", host_print_error, 0) ||
        !en_define_method(cx, en_as_object(*hc), "error", host_print_error, 0))
        goto done;
    ok = en_define_value(cx, cx->global, en_key_atom(en_atom(cx, EN_ATOM_console)), *hc,
                         EN_PROP_HIDDEN);
done:
    en_handle_scope_close(&hs);
    return ok;
}
