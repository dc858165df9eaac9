// Builtin family "proxy" (EN_BUILTIN_FAMILIES). Placeholder: no proxy can
// be created yet, so the call hooks are never reached.
#include "../proxy_int.h"

bool en_init_proxy(EnContext *cx) {
    (void)cx;
    return true;
}

EnValue en_proxy_call(EnContext *cx, EnObject *proxy, EnValue this_val, uint32_t argc,
                      const EnValue *argv) {
    (void)proxy, (void)this_val, (void)argc, (void)argv;
    return en_throw_type_error(cx, "Proxy is not supported yet");
}

EnValue en_proxy_construct(EnContext *cx, EnObject *proxy, uint32_t argc, const EnValue *argv,
                           EnValue new_target) {
    (void)proxy, (void)argc, (void)argv, (void)new_target;
    return en_throw_type_error(cx, "Proxy is not supported yet");
}
