// Proxy exotic objects (class PROXY; ES2025 §10.5). Owner: bi_proxy.c.
// The internal methods go through the class-ops table (object_int.h);
// [[Call]] and [[Construct]] through these, called by en_call/en_construct.
#ifndef OCHRE_ENGINE_PROXY_INT_H
#define OCHRE_ENGINE_PROXY_INT_H

#include "runtime_int.h"

// A proxy: [[ProxyTarget]] and [[ProxyHandler]] (both NULL once revoked).
// `keys` keeps the last [[OwnPropertyKeys]] result alive (trap results are
// fresh atoms no other object holds), so the own_keys contract of
// object_int.h ("rooting the object roots the keys") holds for proxies too.
// Invariant: the object has no named properties or elements of its own and
// its shape's prototype is null (the class ops answer every internal method).
typedef struct EnProxy {
    EnObject base;
    EnObject *target;
    EnObject *handler;
    EnValueArray *keys;
} EnProxy;

static inline bool en_is_proxy(const EnObject *o) { return en_obj_class(o) == EN_CLASS_PROXY; }

// [[ProxyTarget]] of a proxy: false with a TypeError pending when revoked
// (IsArray §7.2.2, GetFunctionRealm §7.3.24 see through proxies); `op`
// names the operation in the message.
bool en_proxy_target(EnContext *cx, EnObject *proxy, const char *op, EnObject **target);

EnValue en_proxy_call(EnContext *cx, EnObject *proxy, EnValue this_val, uint32_t argc,
                      const EnValue *argv);
EnValue en_proxy_construct(EnContext *cx, EnObject *proxy, uint32_t argc, const EnValue *argv,
                           EnValue new_target);

#endif
