// Builtin family "date" (EN_BUILTIN_FAMILIES). Placeholder: not built yet.
#include "../runtime_int.h"

bool en_init_date(EnContext *cx) {
    (void)cx;
    return true;
}
