// The global `eval` function (%eval%).
#include "vm_int.h"

// Global `eval` (PerformEval as an indirect eval: the code runs in the
// global scope; direct eval with access to the caller's scope is not
// implemented yet).
static EnValue global_eval(EnContext *cx, const EnArgs *a) {
    EnValue x = en_arg(a, 0);
    if (!en_is_string(x)) return x;
    OchBuf b = {0};
    en_str_to_utf8(cx, en_as_string(x), &b);
    EnEvalOptions o;
    en_eval_options_default(&o);
    o.filename = "<eval>";
    EnValue r = EN_UNDEFINED;
    EnStatus st = en_eval(cx, b.data ? b.data : "", b.len, &o, &r);
    och_buf_free(&b);
    return st == EN_STATUS_OK ? r : EN_EXCEPTION;
}

bool en_vm_install_eval(EnContext *cx) {
    EnObject *f = en_define_method(cx, cx->global, "eval", global_eval, 1);
    if (!f) return false;
    cx->intrinsics[EN_INTRINSIC_Eval] = f;
    return true;
}
