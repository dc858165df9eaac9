// Builtin family "boolean": placeholder until its owner writes it (see
// EN_BUILTIN_FAMILIES in runtime_int.h). Installs nothing yet.
#include "runtime_int.h"

bool en_init_boolean(EnContext *cx) {
    (void)cx;
    return true;
}
