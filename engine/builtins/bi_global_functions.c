// Builtin family "global_functions": placeholder until its owner writes it (see
// EN_BUILTIN_FAMILIES in runtime_int.h). Installs nothing yet.
#include "runtime_int.h"

bool en_init_global_functions(EnContext *cx) {
    (void)cx;
    return true;
}
