// Builtin family "bigint" (EN_BUILTIN_FAMILIES). Placeholder: not built yet.
#include "../runtime_int.h"

bool en_init_bigint(EnContext *cx) {
    (void)cx;
    return true;
}
