// Builtin family "weak_ref" (EN_BUILTIN_FAMILIES). Placeholder: not built yet.
#include "../runtime_int.h"

bool en_init_weak_ref(EnContext *cx) {
    (void)cx;
    return true;
}
