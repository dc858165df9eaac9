// Builtin family "iterator": placeholder until its owner writes it (see
// EN_BUILTIN_FAMILIES in runtime_int.h). Installs nothing yet.
#include "runtime_int.h"

bool en_init_iterator(EnContext *cx) {
    (void)cx;
    return true;
}
