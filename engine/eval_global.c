// The global `eval` function (%eval%). A call through it is an indirect
// eval: the code runs in the global scope as eval code (its let/const stay
// local, its vars and functions become configurable globals); direct
// calls are compiled to CallRuntime direct_eval (eval_direct.c).
#include "scope_int.h"

static EnValue global_eval(EnContext *cx, const EnArgs *a) {
    EnValue x = en_arg(a, 0);
    if (!en_is_string(x)) return x;
    return en_eval_indirect(cx, x);
}

bool en_vm_install_eval(EnContext *cx) {
    EnObject *f = en_define_method(cx, cx->global, "eval", global_eval, 1);
    if (!f) return false;
    cx->intrinsics[EN_INTRINSIC_Eval] = f;
    return true;
}
