// Generator / async support shared by the statement and expression
// compilers (compiler_stmt.c, compiler_expr.c). Owner: the VM.
#ifndef OCHRE_ENGINE_COMPILER_GEN_INT_H
#define OCHRE_ENGINE_COMPILER_GEN_INT_H

#include "compiler_int.h"

// CgTarget.iter_reg of a for-await loop carries this bit: closing it is
// AsyncIteratorClose (awaits return()).
#define CG_ITER_ASYNC 0x80000000u

// Return with the value in acc: closes the enclosing for-of iterators and
// runs the enclosing finally blocks (the return path of yields too).
void cg_emit_return(Cg *cg);
// Emits AsyncIteratorClose of the iterator record at r for a normal
// completion (acc preserved).
void cg_emit_async_close(Cg *cg, uint32_t r);
// After cg_closure of a method: its source text (Function.prototype.
// toString) starts at the MethodDefinition (member), without `static`.
void cg_method_source(Cg *cg, const PsNode *member);
// True when compiling an async generator body.
static inline bool cg_is_async_gen(const Cg *cg) {
    return (cg->tmpl->flags & (EN_TF_ASYNC | EN_TF_GENERATOR)) == (EN_TF_ASYNC | EN_TF_GENERATOR);
}

#endif
