// Runtime-internal hooks between the heap helper's files (runtime.c,
// handles.c, atom.c, symbol.c, gc.c, string.c). Not for other subsystems:
// they use heap_int.h and string_int.h.
#ifndef OCHRE_ENGINE_HEAP_RT_INT_H
#define OCHRE_ENGINE_HEAP_RT_INT_H

#include "runtime_int.h"

// handles.c: reserve / release the handle stack.
void en_handles_init(EnRuntime *rt);
void en_handles_free(EnRuntime *rt);

// atom.c: the weak atom table.
void en_atom_table_init(EnRuntime *rt);
void en_atom_table_free(EnRuntime *rt);
void en_atom_table_sweep(EnRuntime *rt);  // during a collection, after marking
uint32_t en_atom_table_count(EnRuntime *rt);

// symbol.c: well-known symbols and the Symbol.for registry.
bool en_symbols_init(EnContext *boot);
void en_symbols_free(EnRuntime *rt);
void en_symbols_trace(EnRuntime *rt, EnGCTracer *t);

// string.c: preallocated empty and unit strings.
bool en_strings_init(EnContext *boot);

// runtime.c: strong runtime tables (predefined atoms, well-known symbols,
// unit strings, the Symbol.for registry). Atoms of the table are weak.
void en_runtime_trace_tables(EnRuntime *rt, EnGCTracer *t);

#endif
