// Symbols: EnSymbol cells, the well-known symbols of the runtime and the
// Symbol.for registry (a strong table: a registered symbol can be
// re-obtained from its key at any time, so collecting it would be
// observable through identity).
#include "heap_rt_int.h"

typedef struct EnRegisteredSymbols {
    EnSymbol **slots;  // open addressing by the key's hash; NULL: empty
    uint32_t cap, count;
} EnRegisteredSymbols;

static void symbol_trace(EnGCTracer *t, void *cell) {
    en_gc_mark_value(t, ((EnSymbol *)cell)->description);
}

static size_t symbol_size(const void *cell) {
    (void)cell;
    return sizeof(EnSymbol);
}

const EnCellOps en_ops_symbol = {symbol_trace, NULL, symbol_size};

// Symbols hash by identity: a per-runtime sequence scrambled (splitmix32
// finaliser) so hash tables keyed by symbols spread them.
static uint32_t next_hash(void) {
    static _Atomic uint32_t seq = 0x9E3779B9u;
    uint32_t x = atomic_fetch_add_explicit(&seq, 0x9E3779B9u, memory_order_relaxed);
    x ^= x >> 16;
    x *= 0x21F0AAADu;
    x ^= x >> 15;
    x *= 0x735A2D97u;
    x ^= x >> 15;
    return x;
}

EnSymbol *en_sym_new(EnContext *cx, EnValue description) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hd = en_handle(cx, description);
    EnSymbol *sym = en_gc_alloc(cx, EN_CELL_SYMBOL, sizeof(EnSymbol));
    if (sym) {
        sym->hash = next_hash();
        en_store(cx, sym, &sym->description, *hd);
    }
    en_handle_scope_close(&hs);
    return sym;
}

EnSymbol *en_well_known_symbol(EnContext *cx, EnWellKnownSymbol id) { return cx->rt->symbols[id]; }

bool en_symbols_init(EnContext *boot) {
    EnRuntime *rt = boot->rt;
    static const char *const names[EN_SYM_COUNT] = {
#define EN_WKS_NAME_(id) "Symbol." #id,
        EN_WELL_KNOWN_SYMBOLS(EN_WKS_NAME_)
#undef EN_WKS_NAME_
    };
    for (int i = 0; i < EN_SYM_COUNT; i++) {
        EnString *d = en_str_from_cstr(boot, names[i]);
        if (!d) return false;
        EnSymbol *s = en_sym_new(boot, en_string_value(d));
        if (!s) return false;
        rt->symbols[i] = s;
    }
    EnRegisteredSymbols *reg = och_calloc(1, sizeof *reg);
    reg->cap = 16;
    reg->slots = och_calloc(reg->cap, sizeof *reg->slots);
    rt->symbol_registry = reg;
    return true;
}

void en_symbols_free(EnRuntime *rt) {
    EnRegisteredSymbols *reg = rt->symbol_registry;
    if (!reg) return;
    och_free(reg->slots);
    och_free(reg);
    rt->symbol_registry = NULL;
}

void en_symbols_trace(EnRuntime *rt, EnGCTracer *t) {
    for (int i = 0; i < EN_SYM_COUNT; i++) en_gc_mark_cell(t, rt->symbols[i]);
    EnRegisteredSymbols *reg = rt->symbol_registry;
    if (!reg) return;
    for (uint32_t i = 0; i < reg->cap; i++) en_gc_mark_cell(t, reg->slots[i]);
}

static uint32_t key_hash(EnSymbol *s) { return en_str_hash(en_as_string(s->description)); }

static void reg_insert(EnRegisteredSymbols *reg, EnSymbol *s) {
    uint32_t mask = reg->cap - 1;
    uint32_t i = key_hash(s) & mask;
    while (reg->slots[i]) i = (i + 1) & mask;
    reg->slots[i] = s;
}

EnSymbol *en_sym_for(EnContext *cx, EnString *key) {
    key = en_str_flatten(cx, key);
    if (!key) return NULL;
    EnRegisteredSymbols *reg = cx->rt->symbol_registry;
    uint32_t h = en_str_hash(key);
    uint32_t mask = reg->cap - 1;
    for (uint32_t i = h & mask; reg->slots[i]; i = (i + 1) & mask) {
        EnSymbol *s = reg->slots[i];
        EnString *k = en_as_string(s->description);
        if (key_hash(s) == h && en_str_equal(cx, k, key)) return s;  // both flat: no allocation
    }
    EnSymbol *s = en_sym_new(cx, en_string_value(key));
    if (!s) return NULL;
    s->hdr.flags |= EN_SYM_REGISTERED;
    if ((reg->count + 1) * 2 > reg->cap) {
        EnSymbol **old = reg->slots;
        uint32_t oldcap = reg->cap;
        reg->cap *= 2;
        reg->slots = och_calloc(reg->cap, sizeof *reg->slots);
        for (uint32_t i = 0; i < oldcap; i++) {
            if (old[i]) reg_insert(reg, old[i]);
        }
        och_free(old);
    }
    reg_insert(reg, s);
    reg->count++;
    return s;
}

EnValue en_sym_key_for(EnSymbol *sym) {
    return (sym->hdr.flags & EN_SYM_REGISTERED) ? sym->description : EN_UNDEFINED;
}
