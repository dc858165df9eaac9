// Builtin family "map_set" (EN_BUILTIN_FAMILIES). Placeholder: not built yet.
#include "../runtime_int.h"

bool en_init_map_set(EnContext *cx) {
    (void)cx;
    return true;
}
