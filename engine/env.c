// Closure environments (EN_CELL_ENV). Module records: module.c.
#include "vm_int.h"

EnEnv *en_env_new(EnContext *cx, EnEnv *parent, uint32_t nslots) {
    EnValue *hp = parent ? en_handle(cx, en_cell_value(parent)) : NULL;
    EnEnv *e = en_gc_alloc(cx, EN_CELL_ENV, sizeof(EnEnv) + nslots * sizeof(EnValue));
    if (!e) return NULL;
    e->hdr.aux = nslots;
    e->parent = hp ? (EnEnv *)en_as_ptr(*hp) : NULL;
    for (uint32_t i = 0; i < nslots; i++) e->slots[i] = EN_UNDEFINED;
    return e;
}

static void env_trace(EnGCTracer *t, void *cell) {
    EnEnv *e = cell;
    en_gc_mark_cell(t, e->parent);
    en_gc_mark_values(t, e->slots, e->hdr.aux);
}

static size_t env_size(const void *cell) {
    const EnEnv *e = cell;
    return sizeof(EnEnv) + e->hdr.aux * sizeof(EnValue);
}

const EnCellOps en_ops_env = {env_trace, NULL, env_size};
