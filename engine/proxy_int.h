// Proxy exotic objects (class PROXY; ES2025 §10.5). Owner: bi_proxy.c.
// The internal methods go through the class-ops table (object_int.h);
// [[Call]] and [[Construct]] through these, called by en_call/en_construct.
#ifndef OCHRE_ENGINE_PROXY_INT_H
#define OCHRE_ENGINE_PROXY_INT_H

#include "runtime_int.h"

EnValue en_proxy_call(EnContext *cx, EnObject *proxy, EnValue this_val, uint32_t argc,
                      const EnValue *argv);
EnValue en_proxy_construct(EnContext *cx, EnObject *proxy, uint32_t argc, const EnValue *argv,
                           EnValue new_target);

#endif
