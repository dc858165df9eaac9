// The runtime-function table of CallRuntime (interp_runtime_int.h).
#include "interp_runtime_int.h"

const EnRuntimeFn en_runtime_fns[EN_RT_COUNT] = {
#define EN_RT_FN_(name) en_rt_##name,
    EN_RUNTIME_FNS(EN_RT_FN_)
#undef EN_RT_FN_
};

const char *const en_runtime_fn_names[EN_RT_COUNT] = {
#define EN_RT_NAME_(name) #name,
    EN_RUNTIME_FNS(EN_RT_NAME_)
#undef EN_RT_NAME_
};

// Placeholder entry 0: the compiler never emits it.
EnValue en_rt_unreachable(EnContext *cx, EnFrame *fr, EnValue acc, EnValue *args, uint32_t argc) {
    (void)fr, (void)acc, (void)args, (void)argc;
    return en_throw_type_error(cx, "internal error: unreachable runtime function");
}
