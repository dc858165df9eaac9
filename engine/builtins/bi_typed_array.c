// Builtin family "typed_array" (EN_BUILTIN_FAMILIES). Placeholder: not built yet.
#include "../runtime_int.h"

bool en_init_typed_array(EnContext *cx) {
    (void)cx;
    return true;
}
