// Dynamic scopes and modules in the bytecode compiler: `with`, direct
// eval, import/export declarations, import() and import.meta
// (compiler_int.h hooks). Not implemented yet: each reports the construct
// as a SyntaxError "... is not supported yet".
#include "compiler_int.h"
#include "module_int.h"

void cg_with_stmt(Cg *cg, PsNode *n) { cg_error(cg, n, "with statements"); }

void cg_module_decl(Cg *cg, PsNode *n) { cg_error(cg, n, "modules"); }

void cg_import_call(Cg *cg, PsNode *n) { cg_error(cg, n, "import()"); }

void cg_import_meta(Cg *cg, PsNode *n) { cg_error(cg, n, "import.meta"); }

CgCallHook cg_call_ident(Cg *cg, PsNode *call, uint32_t fn, uint32_t base) {
    (void)cg, (void)call, (void)fn, (void)base;
    return CG_CALL_NOT_HANDLED;
}

bool cg_delete_ident(Cg *cg, PsNode *unary, PsNode *ident) {
    (void)cg, (void)unary, (void)ident;
    return false;
}

// --- modules (module_int.h): no module template is compiled yet.
uint32_t en_bc_module_env_size(EnFunctionTemplate *t) {
    (void)t;
    return 0;
}

bool en_bc_module_local_slot(EnFunctionTemplate *t, const char *name, uint32_t len,
                             uint32_t *slot) {
    (void)t, (void)name, (void)len, (void)slot;
    return false;
}

bool en_bc_module_init_env(EnContext *cx, EnFunctionTemplate *t, EnEnv *env) {
    (void)t, (void)env;
    en_throw_syntax_error(cx, "modules are not supported yet");
    return false;
}
