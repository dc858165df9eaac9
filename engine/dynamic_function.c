// CreateDynamicFunction: `Function(...)` and the constructors of the other
// function kinds.
#include "vm_int.h"

// CreateDynamicFunction for `Function(p1, ..., body)`: the text
// "(function anonymous(P\n) {\nBODY\n})" evaluated as a global script.
// TODO(#6): parse parameters and body separately so that a body closing
// the function early ("}), (x") is rejected as the spec requires.
EnValue en_vm_create_dynamic_function(EnContext *cx, const EnValue *argv, uint32_t argc) {
    OchBuf src = {0};
    och_buf_puts(&src, "(function anonymous(");
    for (uint32_t i = 0; i + 1 < argc; i++) {
        EnString *p = en_to_string(cx, argv[i]);
        if (!p) {
            och_buf_free(&src);
            return EN_EXCEPTION;
        }
        if (i) och_buf_putc(&src, ',');
        en_str_to_utf8(cx, p, &src);
    }
    och_buf_puts(&src, "\n) {\n");
    if (argc) {
        EnString *b = en_to_string(cx, argv[argc - 1]);
        if (!b) {
            och_buf_free(&src);
            return EN_EXCEPTION;
        }
        en_str_to_utf8(cx, b, &src);
    }
    och_buf_puts(&src, "\n})");
    EnEvalOptions o;
    en_eval_options_default(&o);
    o.filename = "<anonymous>";
    EnValue r = EN_UNDEFINED;
    EnStatus st = en_eval(cx, src.data, src.len, &o, &r);
    och_buf_free(&src);
    return st == EN_STATUS_OK ? r : EN_EXCEPTION;
}
