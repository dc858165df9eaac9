// Builtin family "regexp" (EN_BUILTIN_FAMILIES). Placeholder: not built yet.
#include "../runtime_int.h"

bool en_init_regexp(EnContext *cx) {
    (void)cx;
    return true;
}
