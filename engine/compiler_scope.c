// Dynamic scopes and modules in the bytecode compiler: `with`, direct
// eval, import/export declarations, import() and import.meta
// (compiler_int.h hooks).
//
// Module layout (module_int.h). A module's top-level template
// (EN_TF_MODULE | EN_TF_STRICT, plus EN_TF_ASYNC with a top-level await)
// runs with the module environment as its frame's env and never pushes an
// environment of its own for the module scope. Slots: every binding of the
// analyzer's MODULE scope except imports, in AnScope.bindings order (var,
// let, const, class, function: 0..n-1), then, when the module has an
// anonymous `export default` (expression, or function/class without a
// name), the hidden `*default*` binding at slot n. Nothing else lives
// there. Imports are numbered in the same list order (0, 1, ...) and read
// with CallRuntime import_get (acc = index); writes throw TypeError.
// Hoisted functions are instantiated by en_bc_module_init_env (the module
// record calls it before the graph evaluates), so the body only runs the
// statements. The body starts with CallRuntime module_enter, which sets
// the frame's `this` to undefined.
//
// `with` (cg_with_stmt): CallRuntime push_with pushes an environment of one
// slot holding ToObject(expr) (flag EN_ENV_WITH, scope_int.h); the
// analyzer's WITH scope counts as one environment hop. References the
// analyzer marks AN_REF_DYNAMIC compile to CallRuntime dyn_get / dyn_set
// (compiler.c: dyn_prefix) over the environments below their static
// binding, then the static access as the fallback; calls through them get
// the object as `this` (cg_call_ident), `delete name` is dyn_delete.
//
// Direct eval (cg_call_ident, eval_direct.c): `eval(args)` compiles to
// CallRuntime direct_eval with the call's AnScope; eval code is compiled
// with that scope as the parent of its root (cg_chain_parent), so its free
// names resolve to (hops, slot) in the caller's environments. Scopes on
// the path of a direct eval keep every binding in the environment
// (AN_SF_EVAL_TAINTED captures them). Sloppy eval code's vars go to the
// caller's var scope: an existing binding, a global property, or the eval
// vars object in the last slot of the function's var environment
// (EN_ENV_VARS; functions whose analysis says AN_SF_DYNAMIC get the extra
// slot), found by the same dynamic lookups.
#include "compiler_int.h"
#include "interp_runtime_int.h"
#include "module_int.h"
#include "scope_int.h"

// Private state of the hooks of one Cg (allocated on first use).
struct CgDyn {
    // Module scope bindings -> slot or import index (built on first use).
    CgMapEntry *mod;
    uint32_t mod_cap;
};

static struct CgDyn *dyn_of(Cg *cg) {
    if (!cg->dyn) cg->dyn = och_calloc(1, sizeof *cg->dyn);
    return cg->dyn;
}

void cg_dyn_free(Cg *cg) {
    if (!cg->dyn) return;
    och_free(cg->dyn->mod);
    och_free(cg->dyn);
    cg->dyn = NULL;
}

// ---------------------------------------------------------------------------
// Module layout.

static uint32_t ptr_hash(const void *p) {
    uintptr_t x = (uintptr_t)p;
    x ^= x >> 17;
    x *= 0x9E3779B1u;
    return (uint32_t)(x ^ (x >> 13));
}

// Whether the module's top level has an `export default` whose binding is
// the hidden `*default*` (an expression, or an anonymous function/class).
static bool module_has_default_slot(PsNode *program) {
    const PsList *l = &PS_AS(PsListNode, program)->items;
    for (uint32_t i = 0; i < l->count; i++) {
        PsNode *n = l->items[i];
        if (!n || n->kind != PS_NODE_EXPORT_DEFAULT_DECL) continue;
        PsNode *d = PS_AS(PsUnary, n)->arg;
        if (!d) return false;
        if (d->kind == PS_NODE_FUNCTION_DECL) return PS_AS(PsFunction, d)->id == NULL;
        if (d->kind == PS_NODE_CLASS_DECL) return PS_AS(PsClass, d)->id == NULL;
        return true;
    }
    return false;
}

// Number of non-import bindings of the module scope.
static uint32_t module_binding_count(const AnScope *root) {
    uint32_t n = 0;
    for (const AnBinding *b = root->bindings; b; b = b->next)
        if (b->kind != AN_BIND_IMPORT) n++;
    return n;
}

static void module_map_build(struct CgDyn *d, const AnScope *root) {
    uint32_t n = root->nbindings + 1, cap = 16;
    while (cap < n * 2) cap *= 2;
    d->mod = och_calloc(cap, sizeof *d->mod);
    d->mod_cap = cap;
    uint32_t slot = 0, imp = 0;
    for (const AnBinding *b = root->bindings; b; b = b->next) {
        uint32_t h = ptr_hash(b) & (cap - 1);
        while (d->mod[h].key) h = (h + 1) & (cap - 1);
        d->mod[h].key = b;
        d->mod[h].reg = b->kind == AN_BIND_IMPORT ? imp++ : slot++;
    }
}

CgLoc cg_module_binding_loc(Cg *cg, const AnBinding *b) {
    struct CgDyn *d = dyn_of(cg);
    if (!d->mod) module_map_build(d, b->scope);
    uint32_t h = ptr_hash(b) & (d->mod_cap - 1);
    while (d->mod[h].key && d->mod[h].key != b) h = (h + 1) & (d->mod_cap - 1);
    CgLoc loc = {0};
    loc.kind = b->kind == AN_BIND_IMPORT ? CG_LOC_IMPORT : CG_LOC_ENV;
    if (loc.kind == CG_LOC_IMPORT) loc.a = d->mod[h].reg;
    else loc.b = d->mod[h].reg;
    return loc;
}

// Top-level await: an await expression, `for await` or `await using` of
// the module's own top level (not inside a function; class bodies hold
// only functions and field initializers, where await is not allowed).
static bool tla_in(PsNode *n);

static bool tla_child(PsNode *n, void *ctx) {
    (void)ctx;
    return !tla_in(n);  // false stops the walk
}

static bool tla_in(PsNode *n) {
    if (!n) return false;
    switch ((PsNodeKind)n->kind) {
    case PS_NODE_AWAIT_EXPR: return true;
    case PS_NODE_FOR_OF_STMT:
        if (n->flags & PS_NF_AWAIT) return true;
        break;
    case PS_NODE_VAR_DECL:
        if (n->op == PS_VAR_AWAIT_USING) return true;
        break;
    case PS_NODE_FUNCTION_DECL: case PS_NODE_FUNCTION_EXPR: case PS_NODE_ARROW_FUNCTION:
        return false;
    case PS_NODE_CLASS_DECL: case PS_NODE_CLASS_EXPR: {
        // Heritage and computed keys run in the module's activation.
        PsClass *c = PS_AS(PsClass, n);
        if (tla_in(c->super_class)) return true;
        const PsList *l = &PS_AS(PsListNode, c->body)->items;
        for (uint32_t i = 0; i < l->count; i++) {
            PsNode *m = l->items[i];
            if (m && (m->kind == PS_NODE_METHOD_DEF || m->kind == PS_NODE_PROPERTY_DEF ||
                      m->kind == PS_NODE_ACCESSOR_PROPERTY) &&
                (m->flags & PS_NF_COMPUTED) && tla_in(PS_AS(PsClassMember, m)->key))
                return true;
        }
        return false;
    }
    default: break;
    }
    return !ps_node_for_each_child(n, tla_child, NULL);
}

bool cg_module_has_tla(PsNode *program) {
    const PsList *l = &PS_AS(PsListNode, program)->items;
    for (uint32_t i = 0; i < l->count; i++)
        if (tla_in(l->items[i])) return true;
    return false;
}

uint32_t en_bc_module_env_size(EnFunctionTemplate *t) {
    const AnScope *root = t->src->an->root;
    return module_binding_count(root) + (module_has_default_slot(t->node) ? 1 : 0);
}

bool en_bc_module_local_slot(EnFunctionTemplate *t, const char *name, uint32_t len,
                             uint32_t *slot) {
    const AnScope *root = t->src->an->root;
    uint32_t i = 0;
    for (const AnBinding *b = root->bindings; b; b = b->next) {
        if (b->kind == AN_BIND_IMPORT) continue;
        if (b->len == len && !memcmp(b->name, name, len)) {
            *slot = i;
            return true;
        }
        i++;
    }
    if (len == 9 && !memcmp(name, "*default*", 9) && module_has_default_slot(t->node)) {
        *slot = i;
        return true;
    }
    return false;
}

// A closure of a hoisted module-level function declaration in env.
static bool module_init_fn(EnContext *cx, EnFunctionTemplate *mt, PsNode *fn, EnValue *henv,
                           uint32_t slot, bool is_default) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnFunctionTemplate *ft = en_bc_template_new(cx, mt->src, fn);
    bool ok = false;
    if (!ft) goto done;
    EnValue *hft = en_handle(cx, en_cell_value(ft));
    if (is_default) {
        EnString *nm = en_str_from_utf8(cx, "default", 7);
        if (!nm) goto done;
        ((EnFunctionTemplate *)en_as_ptr(*hft))->name = nm;
    }
    EnObject *f = en_function_new(cx, en_as_ptr(*hft), en_as_ptr(*henv), EN_UNDEFINED, EN_UNDEFINED);
    if (!f) goto done;
    EnEnv *env = en_as_ptr(*henv);
    en_store(cx, env, &env->slots[slot], en_object_value(f));
    ok = true;
done:
    en_handle_scope_close(&hs);
    return ok;
}

bool en_bc_module_init_env(EnContext *cx, EnFunctionTemplate *t, EnEnv *env) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *ht = en_handle(cx, en_cell_value(t));
    EnValue *henv = en_handle(cx, en_cell_value(env));
    const AnScope *root = t->src->an->root;
    uint32_t slot = 0;
    bool ok = true;
    for (const AnBinding *b = root->bindings; b && ok; b = b->next) {
        if (b->kind == AN_BIND_IMPORT) continue;
        EnEnv *e = en_as_ptr(*henv);
        if (b->kind == AN_BIND_FUNCTION && b->decl && b->decl->kind == PS_NODE_FUNCTION_DECL)
            ok = module_init_fn(cx, en_as_ptr(*ht), b->decl, henv, slot, false);
        else
            e->slots[slot] = (b->flags & AN_BF_TDZ) ? EN_UNINIT : EN_UNDEFINED;
        slot++;
    }
    t = en_as_ptr(*ht);
    if (ok && module_has_default_slot(t->node)) {
        EnEnv *e = en_as_ptr(*henv);
        e->slots[slot] = EN_UNINIT;
        const PsList *l = &PS_AS(PsListNode, t->node)->items;
        for (uint32_t i = 0; i < l->count; i++) {
            PsNode *n = l->items[i];
            if (!n || n->kind != PS_NODE_EXPORT_DEFAULT_DECL) continue;
            PsNode *d = PS_AS(PsUnary, n)->arg;
            if (d->kind == PS_NODE_FUNCTION_DECL) ok = module_init_fn(cx, t, d, henv, slot, true);
            break;
        }
    }
    en_handle_scope_close(&hs);
    return ok;
}

// ---------------------------------------------------------------------------
// Module code.

void cg_compile_module(Cg *cg) {
    cg_op3(cg, EN_OP_CallRuntime, EN_RT_module_enter, 0, 0);
    cg_stmts(cg, &PS_AS(PsListNode, cg->fn)->items);
    cg_op(cg, EN_OP_LdaUndef);
    cg_op(cg, EN_OP_Return);
}

// `export default <expression>` / anonymous class: the value goes to the
// `*default*` slot, with "default" as the name of an anonymous function.
static void export_default_value(Cg *cg, PsNode *d) {
    cg->name_hint = NULL;
    if (d->kind == PS_NODE_CLASS_DECL || cg_is_anon_fn(d)) {
        cg->name_hint = "default";
        cg->name_hint_len = 7;
    }
    if (d->kind == PS_NODE_CLASS_DECL) cg_class(cg, d);
    else cg_expr(cg, d);
    cg->name_hint = NULL;
    uint32_t slot;
    if (!en_bc_module_local_slot(cg->tmpl, "*default*", 9, &slot)) {
        cg_error(cg, d, "export default");
        return;
    }
    cg_op2(cg, EN_OP_StaEnv, cg->env_depth, slot);
}

void cg_module_decl(Cg *cg, PsNode *n) {
    if (!(cg->tmpl->flags & EN_TF_MODULE)) {
        cg_error(cg, n, "import/export outside a module");
        return;
    }
    switch ((PsNodeKind)n->kind) {
    case PS_NODE_IMPORT_DECL:
    case PS_NODE_EXPORT_ALL_DECL: return;  // linking's business
    case PS_NODE_EXPORT_NAMED_DECL: {
        PsNode *d = PS_AS(PsModuleDecl, n)->declaration;
        if (d) cg_stmt(cg, d);
        return;
    }
    case PS_NODE_EXPORT_DEFAULT_DECL: {
        PsNode *d = PS_AS(PsUnary, n)->arg;
        if (!d) return;
        if (d->kind == PS_NODE_FUNCTION_DECL) return;  // hoisted (en_bc_module_init_env)
        if (d->kind == PS_NODE_CLASS_DECL && PS_AS(PsClass, d)->id) {
            cg_stmt(cg, d);
            return;
        }
        export_default_value(cg, d);
        return;
    }
    default: cg_error(cg, n, ps_node_kind_name((PsNodeKind)n->kind)); return;
    }
}

void cg_import_call(Cg *cg, PsNode *n) {
    PsImportExpr *ie = PS_AS(PsImportExpr, n);
    uint32_t mark = cg->next_reg;
    uint32_t r = cg_temp(cg);
    cg_temp(cg);
    cg_expr_to(cg, ie->source, r);
    if (ie->options) cg_expr_to(cg, ie->options, r + 1);
    else {
        cg_op(cg, EN_OP_LdaUndef);
        cg_op1(cg, EN_OP_Star, r + 1);
    }
    cg_pos(cg, n->start);
    cg_op3(cg, EN_OP_CallRuntime, EN_RT_dynamic_import, r, 2);
    cg_temps_free(cg, mark);
}

void cg_import_meta(Cg *cg, PsNode *n) {
    cg_pos(cg, n->start);
    cg_op3(cg, EN_OP_CallRuntime, EN_RT_import_meta, 0, 0);
}

// ---------------------------------------------------------------------------
// `with` (scope_int.h: an environment of one slot, the object).

void cg_with_stmt(Cg *cg, PsNode *n) {
    PsWith *w = PS_AS(PsWith, n);
    cg_expr(cg, w->object);
    cg_pos(cg, n->start);
    cg_op3(cg, EN_OP_CallRuntime, EN_RT_push_with, 0, 0);
    cg->env_depth++;
    cg_stmt(cg, w->body);
    cg_op(cg, EN_OP_PopEnv);
    cg->env_depth--;
}

static bool ident_is(const PsNode *n, const char *name, uint32_t len) {
    return n && n->kind == PS_NODE_IDENTIFIER && n->aux == len &&
           !memcmp(PS_AS(PsIdent, n)->name, name, len);
}

static bool args_have_spread(const PsList *l) {
    for (uint32_t i = 0; i < l->count; i++)
        if (l->items[i] && l->items[i]->kind == PS_NODE_SPREAD_ELEMENT) return true;
    return false;
}

// `eval(...)`: CallRuntime direct_eval with R[r] the callee, R[r+1] its
// this (a `with` object or undefined), R[r+2] the call's scope (an AnScope
// pointer in a double: the eval code resolves its names from there), then
// the arguments. Whether the callee is %eval% is decided at run time.
static void direct_eval_call(Cg *cg, PsNode *call) {
    PsCall *c = PS_AS(PsCall, call);
    uint32_t mark = cg->next_reg;
    uint32_t r = cg_temp(cg);
    cg_temp(cg);
    cg_temp(cg);
    if (!cg_load_callee(cg, c->callee, r, r + 1)) {
        cg_load_ident(cg, c->callee, false);
        cg_op1(cg, EN_OP_Star, r);
        cg_op(cg, EN_OP_LdaUndef);
        cg_op1(cg, EN_OP_Star, r + 1);
    }
    AnRef *ref = an_ref_of_node(cg->an, c->callee);
    const AnScope *scope = ref ? ref->scope : cg->fscope;
    cg_op1(cg, EN_OP_LdaConst, cg_const(cg, en_double((double)(uintptr_t)scope)));
    cg_op1(cg, EN_OP_Star, r + 2);
    for (uint32_t i = 0; i < c->arguments.count; i++) {
        uint32_t a = cg_temp(cg);
        cg_expr_to(cg, c->arguments.items[i], a);
    }
    cg_pos(cg, call->start);
    cg_op3(cg, EN_OP_CallRuntime, EN_RT_direct_eval, r, 3 + c->arguments.count);
    cg_temps_free(cg, mark);
}

CgCallHook cg_call_ident(Cg *cg, PsNode *call, uint32_t fn, uint32_t base) {
    PsCall *c = PS_AS(PsCall, call);
    if (ident_is(c->callee, "eval", 4) && !(call->flags & PS_NF_OPTIONAL) &&
        !args_have_spread(&c->arguments)) {
        direct_eval_call(cg, call);
        return CG_CALL_DONE;
    }
    if (cg_load_callee(cg, c->callee, fn, base)) return CG_CALL_CALLEE_LOADED;
    return CG_CALL_NOT_HANDLED;
}

// `delete name` (sloppy): false for a declared binding unless a `with`
// object or an eval var has the name; a global property otherwise.
bool cg_delete_ident(Cg *cg, PsNode *unary, PsNode *ident) {
    (void)unary;
    CgLoc loc = cg_resolve(cg, ident, NULL);
    if (loc.kind != CG_LOC_GLOBAL && !loc.dyn) {
        cg_op(cg, EN_OP_LdaFalse);
        return true;
    }
    uint32_t mark = cg->next_reg;
    uint32_t r = cg_temp(cg);
    cg_temp(cg);
    cg_op1(cg, EN_OP_LdaConst, loc.dyn ? loc.name : loc.a);
    cg_op1(cg, EN_OP_Star, r);
    cg_op1(cg, EN_OP_LdaInt, loc.kind == CG_LOC_GLOBAL ? (uint32_t)EN_DYN_ALL : loc.limit);
    cg_op1(cg, EN_OP_Star, r + 1);
    cg_pos(cg, ident->start);
    cg_op3(cg, EN_OP_CallRuntime, EN_RT_dyn_delete, r, 2);
    cg_temps_free(cg, mark);
    return true;
}

// ---------------------------------------------------------------------------
// Direct eval code (EvalDeclarationInstantiation, ES2025 §19.2.1.3).

static bool is_global_root(const AnScope *s) {
    return s->kind == AN_SCOPE_GLOBAL && !s->parent && !en_eval_info_of_root(s);
}

// The var scope the vars of sloppy eval code go to: the nearest function
// var scope along the caller's chain, or NULL for the global scope.
static const AnScope *eval_var_scope(const EnEvalInfo *e) {
    for (const AnScope *s = e->outer; s; s = cg_chain_parent(s)) {
        switch (s->kind) {
        case AN_SCOPE_FUNCTION: case AN_SCOPE_PARAMS: case AN_SCOPE_CLASS_FIELD:
        case AN_SCOPE_STATIC_BLOCK: case AN_SCOPE_MODULE:
            return s;
        default: break;
        }
    }
    return NULL;
}

static uint32_t hops_to(const AnScope *from, const AnScope *to) {
    uint32_t h = 0;
    for (const AnScope *s = from; s && s != to; s = cg_chain_parent(s))
        if (cg_scope_env_slots(s)) h++;
    return h;
}

static bool binding_is_lexical(const AnBinding *b) {
    switch (b->kind) {
    case AN_BIND_LET: case AN_BIND_CONST: case AN_BIND_CLASS: case AN_BIND_USING:
    case AN_BIND_AWAIT_USING: case AN_BIND_CLASS_NAME:
        return true;
    case AN_BIND_FUNCTION: return (b->flags & AN_BF_LEXICAL) != 0;
    default: return false;
    }
}

enum { EVAL_CHECK_VAR, EVAL_CHECK_FN, EVAL_GLOBAL_VAR, EVAL_GLOBAL_FN, EVAL_OBJ_VAR, EVAL_OBJ_FN,
       EVAL_CHECK_LEX };

// CallRuntime eval_declare: R[r] name, R[r+1] mode, R[r+2] hops; acc value.
static void emit_eval_declare(Cg *cg, const AnBinding *b, uint32_t mode, uint32_t hops) {
    uint32_t mark = cg->next_reg;
    uint32_t v = cg_temp(cg);
    uint32_t r = cg_temp(cg);
    cg_temp(cg);
    cg_temp(cg);
    cg_op1(cg, EN_OP_Star, v);
    cg_op1(cg, EN_OP_LdaConst, cg_atom(cg, b->name, b->len));
    cg_op1(cg, EN_OP_Star, r);
    cg_op1(cg, EN_OP_LdaInt, mode);
    cg_op1(cg, EN_OP_Star, r + 1);
    cg_op1(cg, EN_OP_LdaInt, hops);
    cg_op1(cg, EN_OP_Star, r + 2);
    cg_op1(cg, EN_OP_Ldar, v);
    cg_op3(cg, EN_OP_CallRuntime, EN_RT_eval_declare, r, 3);
    cg_temps_free(cg, mark);
}

void cg_global_decl_check(Cg *cg, const AnBinding *b, uint32_t mode) {
    emit_eval_declare(cg, b, mode, 0);
}

static void eval_syntax_error(Cg *cg, const AnBinding *b) {
    if (cg->failed) return;
    cg->failed = true;
    en_throw_syntax_error(cg->cx, "Identifier '%.*s' has already been declared", (int)b->len,
                          b->name);
}

// Sloppy eval code: conflict checks and the vars it adds to the caller's
// var scope V (before the eval's own environment is pushed).
static void eval_declare_vars(Cg *cg, const AnScope *root, const AnScope *v) {
    const EnEvalInfo *e = cg->eval;
    bool global = v == NULL;
    for (const AnBinding *b = root->bindings; b && !cg->failed; b = b->next) {
        if (cg_binding_is_local(b)) continue;
        bool is_fn = b->kind == AN_BIND_FUNCTION && !(b->flags & AN_BF_ANNEXB_VAR);
        // A declaration between the call and V, or a lexical one of V
        // itself, with the same name is a SyntaxError; catch parameters
        // may be redeclared (B.3.4).
        for (const AnScope *s = e->outer; s && s != v && !is_global_root(s);
             s = cg_chain_parent(s)) {
            if (s->kind == AN_SCOPE_WITH) continue;
            const AnBinding *x = cg_scope_find(s, b->name, b->len);
            if (x && x->kind != AN_BIND_CATCH) {
                eval_syntax_error(cg, b);
                return;
            }
        }
        if (!global) {
            // Parameter expressions: the parameters (and `arguments`) are
            // in an environment between the call and the var scope.
            const AnBinding *x = cg_scope_find(v, b->name, b->len);
            if (x && (binding_is_lexical(x) || v->kind == AN_SCOPE_PARAMS)) {
                eval_syntax_error(cg, b);
                return;
            }
        }
        if (global) {
            cg_op(cg, EN_OP_LdaUndef);
            emit_eval_declare(cg, b, is_fn ? EVAL_CHECK_FN : EVAL_CHECK_VAR, 0);
        }
    }
    for (const AnBinding *b = root->bindings; b && !cg->failed; b = b->next) {
        if (cg_binding_is_local(b)) continue;
        bool is_fn = b->kind == AN_BIND_FUNCTION && !(b->flags & AN_BF_ANNEXB_VAR);
        if (is_fn) continue;  // declared with its closure (cg_eval_declare_fn)
        cg_op(cg, EN_OP_LdaUndef);
        if (global) emit_eval_declare(cg, b, EVAL_GLOBAL_VAR, 0);
        else if (!cg_scope_find(v, b->name, b->len))
            emit_eval_declare(cg, b, EVAL_OBJ_VAR, hops_to(e->outer, v));
    }
}

void cg_eval_declare_fn(Cg *cg, const AnBinding *b) {
    const AnScope *v = eval_var_scope(cg->eval);
    const AnScope *root = b->scope;
    if (!v) {
        emit_eval_declare(cg, b, EVAL_GLOBAL_FN, 0);
        return;
    }
    const AnBinding *x = cg_scope_find(v, b->name, b->len);
    if (!x) {
        emit_eval_declare(cg, b, EVAL_OBJ_FN, hops_to(root, v));
        return;
    }
    uint32_t hops, slot;
    if (cg_binding_slot(cg, x, root, &hops, &slot)) cg_op2(cg, EN_OP_StaEnv, hops, slot);
}

void cg_compile_eval(Cg *cg) {
    AnScope *root = cg->fscope;
    cg->completion_reg = cg_temp(cg);
    cg_op(cg, EN_OP_LdaUndef);
    cg_op1(cg, EN_OP_Star, cg->completion_reg);
    if (cg->eval->direct) cg_op3(cg, EN_OP_CallRuntime, EN_RT_eval_enter, 0, 0);
    if (!cg->eval->strict) {
        const AnScope *v = eval_var_scope(cg->eval);
        if (!v || v->kind != AN_SCOPE_MODULE) eval_declare_vars(cg, root, v);
    }
    cg_enter_scope(cg, root);
    cg_stmts(cg, &PS_AS(PsListNode, cg->fn)->items);
    cg_op1(cg, EN_OP_Ldar, cg->completion_reg);
    cg_op(cg, EN_OP_Return);
}
