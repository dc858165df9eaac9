// Module records (module_int.h). Not implemented yet: no module record is
// ever created, so these entry points report the missing feature.
#include "module_int.h"

// Module records come with modules; until then no such cell is allocated.
static size_t module_size(const void *cell) {
    (void)cell;
    return sizeof(EnCell);
}
const EnCellOps en_ops_module = {NULL, NULL, module_size};

EnValue en_module_import_get(EnContext *cx, EnSource *src, uint32_t index) {
    (void)src, (void)index;
    return en_throw_syntax_error(cx, "modules are not supported yet");
}

EnValue en_module_dynamic_import(EnContext *cx, EnSource *referrer, EnValue specifier,
                                 EnValue options) {
    (void)referrer, (void)specifier, (void)options;
    return en_throw_syntax_error(cx, "import() is not supported yet");
}

EnValue en_module_import_meta(EnContext *cx, EnSource *src) {
    (void)src;
    return en_throw_syntax_error(cx, "import.meta is not supported yet");
}
