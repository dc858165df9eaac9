// Bytecode compiler: emission helpers, binding locations, scopes, function
// entry and template finishing. Statements are in compiler_stmt.c,
// expressions in compiler_expr.c. See docs/adr/0008-bytecode-and-frames.md.
#include <stdarg.h>
#include <stdio.h>

#include "compiler_int.h"
#include "interp_runtime_int.h"
#include "scope_int.h"

struct EnCompileRoots {
    struct EnCompileRoots *prev;
    Cg *cg;
};

// ---------------------------------------------------------------------------
// Emission.

static void emit(Cg *cg, uint32_t w) { och_vec_push(&cg->code, w); }

uint32_t cg_here(Cg *cg) { return cg->code.len; }

void cg_op(Cg *cg, EnOpcode op) { emit(cg, op); }
void cg_op1(Cg *cg, EnOpcode op, uint32_t a) { emit(cg, op); emit(cg, a); }
void cg_op2(Cg *cg, EnOpcode op, uint32_t a, uint32_t b) {
    emit(cg, op); emit(cg, a); emit(cg, b);
}
void cg_op3(Cg *cg, EnOpcode op, uint32_t a, uint32_t b, uint32_t c) {
    emit(cg, op); emit(cg, a); emit(cg, b); emit(cg, c);
}
void cg_op4(Cg *cg, EnOpcode op, uint32_t a, uint32_t b, uint32_t c, uint32_t d) {
    emit(cg, op); emit(cg, a); emit(cg, b); emit(cg, c); emit(cg, d);
}

uint32_t cg_jump(Cg *cg, EnOpcode op) {
    emit(cg, op);
    emit(cg, 0);
    return cg->code.len - 1;
}

uint32_t cg_jump_r(Cg *cg, EnOpcode op, uint32_t r) {
    emit(cg, op);
    emit(cg, r);
    emit(cg, 0);
    return cg->code.len - 1;
}

// Offsets are relative to the end of the instruction; the jump operand is
// always its last word.
void cg_patch_to(Cg *cg, uint32_t at, uint32_t target) {
    cg->code.items[at] = (uint32_t)((int32_t)target - (int32_t)(at + 1));
}
void cg_patch(Cg *cg, uint32_t at) { cg_patch_to(cg, at, cg_here(cg)); }
void cg_patch_list(Cg *cg, CgPatchList *l) {
    for (uint32_t i = 0; i < l->len; i++) cg_patch(cg, l->items[i]);
    och_vec_free(l);
}
void cg_loop_to(Cg *cg, uint32_t target) {
    uint32_t at = cg_jump(cg, EN_OP_Loop);
    cg_patch_to(cg, at, target);
}

static void put_uleb(OchBuf *b, uint32_t v) {
    do {
        uint8_t byte = v & 0x7F;
        v >>= 7;
        if (v) byte |= 0x80;
        och_buf_putc(b, (char)byte);
    } while (v);
}

void cg_pos(Cg *cg, uint32_t src_offset) {
    uint32_t pc = cg_here(cg);
    if (src_offset == cg->last_pos_src) return;
    int64_t d = (int64_t)src_offset - (int64_t)cg->last_pos_src;
    uint32_t zz = d < 0 ? (uint32_t)(((-d) << 1) | 1) : (uint32_t)(d << 1);
    put_uleb(&cg->positions, pc - cg->last_pos_pc);
    put_uleb(&cg->positions, zz);
    cg->last_pos_pc = pc;
    cg->last_pos_src = src_offset;
}

uint32_t cg_const(Cg *cg, EnValue v) {
    for (uint32_t i = 0; i < cg->consts.len; i++)
        if (cg->consts.items[i] == v && !en_is_double(v)) return i;
    och_vec_push(&cg->consts, v);
    return cg->consts.len - 1;
}

uint32_t cg_atom(Cg *cg, const char *s, uint32_t len) {
    EnString *a = en_atom_from_utf8(cg->cx, s, len);
    if (!a) {
        cg->failed = true;
        return 0;
    }
    return cg_const(cg, en_string_value(a));
}

uint32_t cg_fb(Cg *cg) { return cg->nfeedback++; }

uint32_t cg_temp(Cg *cg) {
    uint32_t r = cg->next_reg++;
    if (cg->next_reg > cg->max_reg) cg->max_reg = cg->next_reg;
    return r;
}
void cg_temps_free(Cg *cg, uint32_t mark) { cg->next_reg = mark; }

void cg_lda_number(Cg *cg, double d) {
    EnValue v = en_number(d);
    if (en_is_int32(v)) cg_op1(cg, EN_OP_LdaInt, (uint32_t)en_as_int32(v));
    else cg_op1(cg, EN_OP_LdaConst, cg_const(cg, v));
}

void cg_error(Cg *cg, const PsNode *n, const char *what) {
    if (cg->failed) return;
    cg->failed = true;
    OchLineCol lc = en_source_position(cg->src, n ? n->start : 0);
    en_throw_syntax_error(cg->cx, "%s is not supported yet (%s:%u:%u)", what,
                          cg->src->filename ? cg->src->filename : "<eval>", lc.line + 1,
                          lc.column + 1);
}

// ---------------------------------------------------------------------------
// Binding locations.

static uint32_t ptr_hash(const void *p) {
    uintptr_t x = (uintptr_t)p;
    x ^= x >> 17;
    x *= 0x9E3779B1u;
    return (uint32_t)(x ^ (x >> 13));
}

static void map_put(Cg *cg, const AnBinding *b, uint32_t reg) {
    if ((cg->map_len + 1) * 2 > cg->map_cap) {
        uint32_t ncap = cg->map_cap ? cg->map_cap * 2 : 64;
        CgMapEntry *nm = och_calloc(ncap, sizeof *nm);
        for (uint32_t i = 0; i < cg->map_cap; i++) {
            if (!cg->map[i].key) continue;
            uint32_t h = ptr_hash(cg->map[i].key) & (ncap - 1);
            while (nm[h].key) h = (h + 1) & (ncap - 1);
            nm[h] = cg->map[i];
        }
        och_free(cg->map);
        cg->map = nm;
        cg->map_cap = ncap;
    }
    uint32_t h = ptr_hash(b) & (cg->map_cap - 1);
    while (cg->map[h].key && cg->map[h].key != b) h = (h + 1) & (cg->map_cap - 1);
    if (!cg->map[h].key) cg->map_len++;
    cg->map[h].key = b;
    cg->map[h].reg = reg;
}

static bool map_get(Cg *cg, const AnBinding *b, uint32_t *reg) {
    if (!cg->map_cap) return false;
    uint32_t h = ptr_hash(b) & (cg->map_cap - 1);
    while (cg->map[h].key) {
        if (cg->map[h].key == b) {
            *reg = cg->map[h].reg;
            return true;
        }
        h = (h + 1) & (cg->map_cap - 1);
    }
    return false;
}

// --- the scope chain. Direct eval code continues into the scopes of its
// call (scope_int.h): the root of its analysis is a GLOBAL scope without
// parent whose EnEvalInfo names the caller's scope.

static const EnEvalInfo *eval_root(const AnScope *s) {
    if (s->parent || s->kind != AN_SCOPE_GLOBAL) return NULL;
    return en_eval_info_of_root(s);
}

static const AnScope *chain_parent(const AnScope *s) {
    if (s->parent) return s->parent;
    const EnEvalInfo *e = eval_root(s);
    return e ? e->outer : NULL;
}

// The global scope of a script or a module scope (eval code's root is an
// ordinary scope with an environment).
static bool scope_is_root(const AnScope *s) {
    if (s->kind == AN_SCOPE_MODULE) return true;
    return s->kind == AN_SCOPE_GLOBAL && !eval_root(s);
}

static bool binding_var_like(const AnBinding *b) {
    return b->kind == AN_BIND_VAR || (b->flags & AN_BF_ANNEXB_VAR) ||
           (b->kind == AN_BIND_FUNCTION && !(b->flags & AN_BF_LEXICAL));
}

// Whether a binding lives in its own scope: the vars and functions of
// sloppy direct eval code belong to the caller's var scope instead.
static bool binding_is_local_in(const AnBinding *b, const EnEvalInfo *e) {
    return !e || e->strict || !binding_var_like(b);
}

static bool binding_is_local(const AnBinding *b) {
    return binding_is_local_in(b, eval_root(b->scope));
}

// A sloppy function with a simple parameter list and an arguments object:
// the object is mapped (exotic_arguments.c), its parameters live in the
// environment so that it can alias them.
static bool scope_has_mapped_args(const AnScope *s) {
    return s->kind == AN_SCOPE_FUNCTION && (s->flags & AN_SF_USES_ARGUMENTS) &&
           !(s->flags & (AN_SF_STRICT | AN_SF_ARROW)) && s->node &&
           (s->node->flags & PS_NF_SIMPLE_PARAMS);
}

static bool binding_in_env(const AnBinding *b) {
    return (b->flags & AN_BF_CAPTURED) != 0 || b->kind == AN_BIND_PRIVATE ||
           (b->kind == AN_BIND_PARAM && scope_has_mapped_args(b->scope));
}

// A sloppy function var scope with a direct eval: its environment ends
// with the slot of the eval vars object (EN_ENV_VARS).
static bool scope_has_eval_vars(const AnScope *s) {
    return (s->kind == AN_SCOPE_FUNCTION || s->kind == AN_SCOPE_PARAMS) &&
           (s->flags & AN_SF_DYNAMIC) && !(s->flags & AN_SF_STRICT);
}

// Number of environment slots a scope needs (0: no environment). Must
// agree between the function that creates the scope and closures that
// count hops through it.
// Class scopes also hold their private names (one symbol each, created
// when the class is evaluated) after the captured bindings; a `with`
// scope has one slot, the object.
static uint32_t scope_env_slots(const AnScope *s) {
    if (scope_is_root(s)) return 0;
    if (s->kind == AN_SCOPE_WITH) return 1;
    const EnEvalInfo *e = eval_root(s);
    uint32_t n = 0;
    for (const AnBinding *b = s->bindings; b; b = b->next)
        if (binding_in_env(b) && binding_is_local_in(b, e)) n++;
    for (const AnBinding *b = s->privates; b; b = b->next) n++;
    if (scope_has_eval_vars(s)) n++;
    return n;
}

static uint32_t binding_env_slot(const AnBinding *b) {
    uint32_t n = 0;
    const EnEvalInfo *e = eval_root(b->scope);
    if (b->kind == AN_BIND_PRIVATE) {
        for (const AnBinding *x = b->scope->bindings; x; x = x->next)
            if (binding_in_env(x) && binding_is_local_in(x, e)) n++;
        for (const AnBinding *x = b->scope->privates; x && x != b; x = x->next) n++;
        return n;
    }
    for (const AnBinding *x = b->scope->bindings; x && x != b; x = x->next)
        if (binding_in_env(x) && binding_is_local_in(x, e)) n++;
    return n;
}

uint32_t cg_scope_env_slots(const AnScope *s) { return scope_env_slots(s); }
bool cg_scope_has_eval_vars(const AnScope *s) { return scope_has_eval_vars(s); }
const AnScope *cg_chain_parent(const AnScope *s) { return chain_parent(s); }
bool cg_binding_is_local(const AnBinding *b) { return binding_is_local(b); }

bool cg_binding_slot(Cg *cg, const AnBinding *b, const AnScope *from, uint32_t *hops,
                     uint32_t *slot) {
    (void)cg;
    uint32_t h = 0;
    const AnScope *s = from;
    for (; s && s != b->scope; s = chain_parent(s))
        if (scope_env_slots(s)) h++;
    if (!s) return false;
    *hops = h;
    *slot = binding_env_slot(b);
    return true;
}

static CgLoc resolve_name(Cg *cg, const char *name, uint32_t len, const AnScope *from);

static CgLoc loc_of_binding(Cg *cg, const AnBinding *b, const AnScope *from) {
    CgLoc loc = {0};
    if (!binding_is_local(b)) return resolve_name(cg, b->name, b->len, from);
    if (b->scope->kind == AN_SCOPE_MODULE) {
        loc = cg_module_binding_loc(cg, b);
        if (loc.kind == CG_LOC_ENV)
            for (const AnScope *s = from; s && s != b->scope; s = chain_parent(s))
                if (scope_env_slots(s)) loc.a++;
        return loc;
    }
    if (scope_is_root(b->scope)) {
        loc.kind = CG_LOC_GLOBAL;
        loc.a = cg_atom(cg, b->name, b->len);
        return loc;
    }
    if (binding_in_env(b)) {
        uint32_t hops = 0;
        for (const AnScope *s = from; s && s != b->scope; s = chain_parent(s))
            if (scope_env_slots(s)) hops++;
        loc.kind = CG_LOC_ENV;
        loc.a = hops;
        loc.b = binding_env_slot(b);
        return loc;
    }
    loc.kind = CG_LOC_REG;
    if (!map_get(cg, b, &loc.a)) {
        // A register binding not yet allocated (e.g. used before its scope
        // was entered by hoisting order); allocate now.
        loc.a = cg_temp(cg);
        map_put(cg, b, loc.a);
    }
    return loc;
}

// The binding named name declared in s itself (eval code's non-local vars
// excluded), or NULL.
static const AnBinding *scope_find(const AnScope *s, const char *name, uint32_t len) {
    const EnEvalInfo *e = eval_root(s);
    for (const AnBinding *b = s->bindings; b; b = b->next)
        if (b->len == len && !memcmp(b->name, name, len) && binding_is_local_in(b, e)) return b;
    return NULL;
}

// ResolveBinding by name from scope `from` along the chain (eval code:
// through the caller's scopes). Dynamic scopes crossed on the way (`with`,
// eval vars) make the reference dynamic.
const AnBinding *cg_scope_find(const AnScope *s, const char *name, uint32_t len) {
    return scope_find(s, name, len);
}

static CgLoc resolve_name(Cg *cg, const char *name, uint32_t len, const AnScope *from) {
    CgLoc loc = {0};
    uint32_t hops = 0;
    bool dyn = false;
    for (const AnScope *s = from; s; s = chain_parent(s)) {
        const AnBinding *b = scope_find(s, name, len);
        if (b) {
            if (s->kind == AN_SCOPE_MODULE) {
                loc = cg_module_binding_loc(cg, b);
                if (loc.kind == CG_LOC_ENV) loc.a = hops;
            } else if (scope_is_root(s)) {
                break;  // a global declaration: global lookup
            } else if (binding_in_env(b)) {
                loc.kind = CG_LOC_ENV;
                loc.a = hops;
                loc.b = binding_env_slot(b);
            } else if (map_get(cg, b, &loc.a)) {
                loc.kind = CG_LOC_REG;
            } else {
                loc = loc_of_binding(cg, b, from);
            }
            loc.ob = b;
            loc.tdz = (b->flags & AN_BF_TDZ) != 0;
            loc.dyn = dyn;
            loc.limit = hops;
            loc.name = cg_atom(cg, name, len);
            return loc;
        }
        if (s->kind == AN_SCOPE_WITH || scope_has_eval_vars(s)) dyn = true;
        if (scope_env_slots(s)) hops++;
    }
    loc.kind = CG_LOC_GLOBAL;
    loc.a = cg_atom(cg, name, len);
    loc.dyn = dyn;
    loc.limit = EN_DYN_ALL;
    loc.name = loc.a;
    return loc;
}

// Environments between a scope and an enclosing one (the limit of a
// dynamic lookup); *dyn: a `with` or eval vars environment is among them
// (eval vars of a global var scope are global properties: not dynamic).
static uint32_t hops_between(const AnScope *from, const AnScope *to, bool *dyn) {
    uint32_t h = 0;
    for (const AnScope *s = from; s && s != to; s = chain_parent(s)) {
        if (s->kind == AN_SCOPE_WITH || scope_has_eval_vars(s)) *dyn = true;
        if (scope_env_slots(s)) h++;
    }
    return h;
}

CgLoc cg_resolve(Cg *cg, const PsNode *ident, AnRef **ref_out) {
    AnRef *ref = an_ref_of_node(cg->an, ident);
    if (ref_out) *ref_out = ref;
    const PsIdent *id = PS_AS(PsIdent, ident);
    CgLoc loc = {0};
    if (!ref) {
        AnBinding *b = an_binding_of_node(cg->an, ident);
        if (b) return loc_of_binding(cg, b, b->scope);
    }
    const AnBinding *b = ref ? ref->binding : NULL;
    if (!b || !binding_is_local(b)) {
        if (cg->eval) return resolve_name(cg, id->name, ident->aux, ref ? ref->scope : cg->fscope);
        loc.kind = CG_LOC_GLOBAL;
        loc.a = cg_atom(cg, id->name, ident->aux);
        if (ref && (ref->flags & AN_REF_DYNAMIC)) {
            hops_between(ref->scope, NULL, &loc.dyn);
            loc.limit = EN_DYN_ALL;
            loc.name = loc.a;
        }
        return loc;
    }
    loc = loc_of_binding(cg, b, ref->scope);
    if (ref->flags & AN_REF_DYNAMIC) {
        uint32_t h = hops_between(ref->scope, b->scope, &loc.dyn);
        loc.limit = scope_is_root(b->scope) ? EN_DYN_ALL : h;
        loc.name = cg_atom(cg, id->name, ident->aux);
    }
    return loc;
}

// Dynamic references: look the name up in the `with` objects and eval var
// objects below the static binding first. Emits the lookup and returns the
// jump to patch past the static fallback, which the caller emits next
// (acc holds the value stored for a store).
static uint32_t dyn_prefix(Cg *cg, CgLoc loc, bool store, uint32_t this_reg, uint32_t fn_reg) {
    uint32_t mark = cg->next_reg;
    uint32_t v = UINT32_MAX;
    if (store) {
        v = cg_temp(cg);
        cg_op1(cg, EN_OP_Star, v);
    }
    uint32_t r = cg_temp(cg);
    cg_temp(cg);
    cg_temp(cg);
    cg_op1(cg, EN_OP_LdaConst, loc.name);
    cg_op1(cg, EN_OP_Star, r);
    cg_op1(cg, EN_OP_LdaInt, loc.limit);
    cg_op1(cg, EN_OP_Star, r + 1);
    if (store) {
        cg_op1(cg, EN_OP_Ldar, v);
        cg_op1(cg, EN_OP_Star, r + 2);
    }
    cg_op3(cg, EN_OP_CallRuntime, store ? EN_RT_dyn_set : EN_RT_dyn_get, r, 3);
    uint32_t fallback = cg_jump(cg, EN_OP_JmpFalse);
    if (store) {
        cg_op1(cg, EN_OP_Ldar, v);
    } else if (fn_reg != UINT32_MAX) {
        cg_op1(cg, EN_OP_Ldar, r + 2);
        cg_op1(cg, EN_OP_Star, fn_reg);
        cg_op1(cg, EN_OP_Ldar, r + 1);
        cg_op1(cg, EN_OP_Star, this_reg);
    } else {
        cg_op1(cg, EN_OP_Ldar, r + 2);
    }
    uint32_t end = cg_jump(cg, EN_OP_Jmp);
    cg_patch(cg, fallback);
    if (store) cg_op1(cg, EN_OP_Ldar, v);
    cg_temps_free(cg, mark);
    if (store) {
        // The value register must survive the fallback's own temporaries.
        cg->next_reg = mark;
    }
    return end;
}

static void load_loc(Cg *cg, CgLoc loc, bool for_typeof) {
    switch (loc.kind) {
    case CG_LOC_REG: cg_op1(cg, EN_OP_Ldar, loc.a); break;
    case CG_LOC_ENV: cg_op2(cg, EN_OP_LdaEnv, loc.a, loc.b); break;
    case CG_LOC_IMPORT:
        cg_op1(cg, EN_OP_LdaInt, loc.a);
        cg_op3(cg, EN_OP_CallRuntime, EN_RT_import_get, 0, 0);
        break;
    default:
        cg_op2(cg, for_typeof ? EN_OP_LdaGlobalTypeof : EN_OP_LdaGlobal, loc.a, cg_fb(cg));
        break;
    }
}

static void store_loc(Cg *cg, CgLoc loc, bool init) {
    switch (loc.kind) {
    case CG_LOC_REG: cg_op1(cg, EN_OP_Star, loc.a); break;
    case CG_LOC_ENV: cg_op2(cg, EN_OP_StaEnv, loc.a, loc.b); break;
    case CG_LOC_IMPORT:
        // Imports are immutable (cg_store_ident throws before reaching here).
        cg_op(cg, EN_OP_ThrowConst);
        break;
    default:
        if (init) cg_op1(cg, EN_OP_StaGlobalInit, loc.a);
        else cg_op2(cg, EN_OP_StaGlobal, loc.a, cg_fb(cg));
        break;
    }
}

static bool is_undefined_ident(Cg *cg, const PsNode *ident) {
    const PsIdent *id = PS_AS(PsIdent, ident);
    if (ident->aux != 9 || memcmp(id->name, "undefined", 9)) return false;
    AnRef *r = an_ref_of_node(cg->an, ident);
    return !r || (!r->binding && !(r->flags & AN_REF_DYNAMIC) && !cg->eval);
}

// `if (x) function f() {}` (B.3.3): the function's block scope (node: the
// FUNCTION_DECL) has no statement of its own; loading f from its
// declaration (Annex B's copy to the var binding) evaluates that block.
static bool load_if_function_block(Cg *cg, const PsNode *ident) {
    if (an_ref_of_node(cg->an, ident)) return false;
    AnBinding *b = an_binding_of_node(cg->an, ident);
    if (!b || b->id != ident || b->scope->kind != AN_SCOPE_BLOCK || !b->scope->node ||
        b->scope->node->kind != PS_NODE_FUNCTION_DECL || b->decl != b->scope->node)
        return false;
    cg_enter_scope(cg, b->scope);
    load_loc(cg, loc_of_binding(cg, b, b->scope), false);
    cg_leave_scope(cg, b->scope);
    return true;
}

void cg_load_ident(Cg *cg, const PsNode *ident, bool for_typeof) {
    AnRef *ref;
    const PsIdent *id = PS_AS(PsIdent, ident);
    if (is_undefined_ident(cg, ident)) {
        cg_op(cg, EN_OP_LdaUndef);
        return;
    }
    if (load_if_function_block(cg, ident)) return;
    CgLoc loc = cg_resolve(cg, ident, &ref);
    cg_pos(cg, ident->start);
    uint32_t end = loc.dyn ? dyn_prefix(cg, loc, false, UINT32_MAX, UINT32_MAX) : UINT32_MAX;
    load_loc(cg, loc, for_typeof);
    if (((ref && an_ref_needs_tdz(ref)) || loc.tdz) && loc.kind != CG_LOC_GLOBAL &&
        loc.kind != CG_LOC_IMPORT)
        cg_op1(cg, EN_OP_ThrowIfUninit, cg_atom(cg, id->name, ident->aux));
    if (end != UINT32_MAX) cg_patch(cg, end);
}

bool cg_load_callee(Cg *cg, const PsNode *ident, uint32_t fn, uint32_t base) {
    if (is_undefined_ident(cg, ident)) return false;
    AnRef *ref;
    CgLoc loc = cg_resolve(cg, ident, &ref);
    if (!loc.dyn) return false;
    const PsIdent *id = PS_AS(PsIdent, ident);
    cg_pos(cg, ident->start);
    uint32_t end = dyn_prefix(cg, loc, false, base, fn);
    load_loc(cg, loc, false);
    if (((ref && an_ref_needs_tdz(ref)) || loc.tdz) && loc.kind != CG_LOC_GLOBAL &&
        loc.kind != CG_LOC_IMPORT)
        cg_op1(cg, EN_OP_ThrowIfUninit, cg_atom(cg, id->name, ident->aux));
    cg_op1(cg, EN_OP_Star, fn);
    cg_op(cg, EN_OP_LdaUndef);
    cg_op1(cg, EN_OP_Star, base);
    cg_patch(cg, end);
    return true;
}

void cg_store_binding(Cg *cg, const AnBinding *b, const PsNode *ident, bool init) {
    (void)ident;
    CgLoc loc = loc_of_binding(cg, b, b->scope);
    uint32_t mark = cg->next_reg;
    uint32_t end = loc.dyn ? dyn_prefix(cg, loc, true, UINT32_MAX, UINT32_MAX) : UINT32_MAX;
    store_loc(cg, loc, init && binding_is_local(b));
    if (end != UINT32_MAX) cg_patch(cg, end);
    cg_temps_free(cg, mark);
}

void cg_store_ident(Cg *cg, const PsNode *ident, bool init) {
    AnRef *ref;
    CgLoc loc = cg_resolve(cg, ident, &ref);
    const PsIdent *id = PS_AS(PsIdent, ident);
    const AnBinding *b = loc.ob ? loc.ob : ref ? ref->binding : an_binding_of_node(cg->an, ident);
    uint32_t mark = cg->next_reg;
    uint32_t end = loc.dyn ? dyn_prefix(cg, loc, true, UINT32_MAX, UINT32_MAX) : UINT32_MAX;
    bool tdz = (ref && an_ref_needs_tdz(ref)) || loc.tdz;
    if (!init && b && loc.kind != CG_LOC_GLOBAL) {
        bool is_const = b->kind == AN_BIND_CONST || b->kind == AN_BIND_CLASS_NAME ||
                        b->kind == AN_BIND_USING || b->kind == AN_BIND_AWAIT_USING ||
                        b->kind == AN_BIND_IMPORT;
        bool fn_name = b->kind == AN_BIND_FUNCTION_NAME;
        if (tdz || is_const) {
            uint32_t t = cg_temp(cg);
            cg_op1(cg, EN_OP_Star, t);
            load_loc(cg, loc, false);
            cg_op1(cg, EN_OP_ThrowIfUninit, cg_atom(cg, id->name, ident->aux));
            if (is_const) {
                cg_pos(cg, ident->start);
                cg_op1(cg, EN_OP_ThrowConst, cg_atom(cg, id->name, ident->aux));
            }
            cg_op1(cg, EN_OP_Ldar, t);
        }
        if (fn_name) {
            if (cg->strict) cg_op1(cg, EN_OP_ThrowConst, cg_atom(cg, id->name, ident->aux));
            goto done;  // sloppy: the assignment is ignored
        }
    }
    if (!init && b && loc.kind == CG_LOC_GLOBAL && binding_is_local(b) &&
        (b->kind == AN_BIND_CONST || b->kind == AN_BIND_CLASS_NAME)) {
        // Global const: StaGlobal checks TDZ at run time; const is static.
        uint32_t t = cg_temp(cg);
        cg_op1(cg, EN_OP_Star, t);
        load_loc(cg, loc, false);
        cg_op1(cg, EN_OP_ThrowConst, cg_atom(cg, id->name, ident->aux));
        goto done;
    }
    cg_pos(cg, ident->start);
    bool lexical = b && (b->kind == AN_BIND_LET || b->kind == AN_BIND_CONST ||
                         b->kind == AN_BIND_CLASS || b->kind == AN_BIND_USING ||
                         b->kind == AN_BIND_AWAIT_USING || (b->flags & AN_BF_LEXICAL));
    // Eval code's vars are not initializations of the caller's bindings.
    if (loc.kind == CG_LOC_GLOBAL && b && !binding_is_local(b)) init = false;
    store_loc(cg, loc, init && lexical);
done:
    if (end != UINT32_MAX) cg_patch(cg, end);
    cg_temps_free(cg, mark);
}

// ---------------------------------------------------------------------------
// Scopes.

AnScope *cg_scope_of(Cg *cg, const PsNode *node) { return an_scope_of_node(cg->an, node); }

static bool binding_is_lexical_tdz(const AnBinding *b) { return (b->flags & AN_BF_TDZ) != 0; }

// The declaration of a function binding that wins: the last one of its
// scope's statement list (the analyzer records the first).
static PsNode *last_function_decl(const AnScope *s, const AnBinding *b) {
    if (!(b->flags & AN_BF_REDECLARED) || !s->node)
        return b->kind == AN_BIND_FUNCTION ? b->decl : NULL;
    const PsNode *list = NULL;
    switch ((PsNodeKind)s->node->kind) {
    case PS_NODE_PROGRAM: case PS_NODE_BLOCK: list = s->node; break;
    case PS_NODE_FUNCTION_DECL: case PS_NODE_FUNCTION_EXPR:
        list = PS_AS(PsFunction, s->node)->body;
        if (list && list->kind != PS_NODE_BLOCK) list = NULL;
        break;
    default: break;
    }
    if (!list) return b->kind == AN_BIND_FUNCTION ? b->decl : NULL;
    // A parameter or var redeclared by a function declaration holds the
    // function (FunctionDeclarationInstantiation).
    PsNode *last = b->kind == AN_BIND_FUNCTION ? b->decl : NULL;
    const PsList *l = &PS_AS(PsListNode, list)->items;
    for (uint32_t i = 0; i < l->count; i++) {
        PsNode *n = l->items[i];
        if (!n || n->kind != PS_NODE_FUNCTION_DECL) continue;
        PsNode *id = PS_AS(PsFunction, n)->id;
        if (id && id->aux == b->len && !memcmp(PS_AS(PsIdent, id)->name, b->name, b->len))
            last = n;
    }
    return last;
}

// Hoisted function declarations of a scope: create the closures.
static void hoist_functions(Cg *cg, AnScope *s) {
    for (AnBinding *b = s->bindings; b; b = b->next) {
        PsNode *fn;
        if (b->kind == AN_BIND_FUNCTION && b->decl) fn = last_function_decl(s, b);
        else if ((b->kind == AN_BIND_PARAM || b->kind == AN_BIND_VAR) &&
                 (b->flags & AN_BF_REDECLARED) &&
                 (s->kind == AN_SCOPE_FUNCTION || s->kind == AN_SCOPE_GLOBAL))
            fn = last_function_decl(s, b);
        else continue;
        if (!fn || fn->kind != PS_NODE_FUNCTION_DECL) continue;
        if (!binding_is_local(b)) {
            // Sloppy eval code: the caller's var scope gets the function.
            cg_closure(cg, fn);
            cg_eval_declare_fn(cg, b);
            continue;
        }
        cg_closure(cg, fn);
        if (scope_is_root(s)) {
            cg_op1(cg, EN_OP_DeclareGlobalFn, cg_atom(cg, b->name, b->len));
        } else {
            cg_store_binding(cg, b, b->id, true);
        }
    }
}

void cg_enter_scope(Cg *cg, AnScope *s) {
    if (!s) return;
    if (scope_is_root(s)) {
        // Script: global declaration instantiation. Every check comes
        // before any binding is created.
        if (s->kind == AN_SCOPE_GLOBAL) {
            for (AnBinding *b = s->bindings; b; b = b->next) {
                if (b->kind == AN_BIND_LET || b->kind == AN_BIND_CLASS ||
                    b->kind == AN_BIND_CONST || b->kind == AN_BIND_USING ||
                    b->kind == AN_BIND_AWAIT_USING ||
                    (b->kind == AN_BIND_FUNCTION && (b->flags & AN_BF_LEXICAL)))
                    cg_global_decl_check(cg, b, CG_CHECK_LEX);
            }
            for (AnBinding *b = s->bindings; b; b = b->next) {
                if (b->kind == AN_BIND_FUNCTION && !(b->flags & AN_BF_LEXICAL))
                    cg_global_decl_check(cg, b, CG_CHECK_FN);
                else if (b->kind == AN_BIND_VAR || (b->flags & AN_BF_ANNEXB_VAR))
                    cg_global_decl_check(cg, b, CG_CHECK_VAR);
            }
        }
        for (AnBinding *b = s->bindings; b; b = b->next) {
            uint32_t name = cg_atom(cg, b->name, b->len);
            if (b->kind == AN_BIND_VAR || b->kind == AN_BIND_FUNCTION ||
                (b->flags & AN_BF_ANNEXB_VAR)) {
                if (b->kind == AN_BIND_FUNCTION && (b->flags & AN_BF_LEXICAL))
                    cg_op2(cg, EN_OP_DeclareGlobalLex, name, 0);
                else if (b->kind != AN_BIND_FUNCTION)
                    cg_op1(cg, EN_OP_DeclareGlobalVar, name);
            } else if (b->kind == AN_BIND_LET || b->kind == AN_BIND_CLASS) {
                cg_op2(cg, EN_OP_DeclareGlobalLex, name, 0);
            } else if (b->kind == AN_BIND_CONST || b->kind == AN_BIND_USING ||
                       b->kind == AN_BIND_AWAIT_USING) {
                cg_op2(cg, EN_OP_DeclareGlobalLex, name, 1);
            }
        }
        hoist_functions(cg, s);
        return;
    }
    uint32_t nslots = scope_env_slots(s);
    if (nslots) {
        cg_op1(cg, EN_OP_PushEnv, nslots);
        cg->env_depth++;
        if (scope_has_eval_vars(s)) cg_op3(cg, EN_OP_CallRuntime, EN_RT_mark_eval_vars, 0, 0);
    }
    for (AnBinding *b = s->bindings; b; b = b->next) {
        if (!binding_is_local(b)) continue;
        if (!binding_in_env(b)) {
            uint32_t r;
            if (b->kind == AN_BIND_PARAM && map_get(cg, b, &r)) continue;
            r = cg_temp(cg);
            map_put(cg, b, r);
            if (b->kind == AN_BIND_PARAM || b->kind == AN_BIND_ARGUMENTS ||
                b->kind == AN_BIND_FUNCTION_NAME)
                continue;
            cg_op(cg, binding_is_lexical_tdz(b) ? EN_OP_LdaUninit : EN_OP_LdaUndef);
            cg_op1(cg, EN_OP_Star, r);
        } else {
            if (b->kind == AN_BIND_PARAM || b->kind == AN_BIND_ARGUMENTS ||
                b->kind == AN_BIND_FUNCTION_NAME)
                continue;
            cg_op(cg, binding_is_lexical_tdz(b) ? EN_OP_LdaUninit : EN_OP_LdaUndef);
            cg_op2(cg, EN_OP_StaEnv, 0, binding_env_slot(b));
        }
    }
    for (AnBinding *b = s->privates; b; b = b->next) {
        // One private name per distinct #name (getter/setter pairs share it).
        EnString *desc = en_str_from_utf8(cg->cx, b->name, b->len);
        if (!desc) {
            cg->failed = true;
            return;
        }
        cg_op1(cg, EN_OP_CreatePrivateName, cg_const(cg, en_string_value(desc)));
        cg_op2(cg, EN_OP_StaEnv, 0, binding_env_slot(b));
    }
    if (s->kind != AN_SCOPE_FUNCTION) hoist_functions(cg, s);
}

void cg_leave_scope(Cg *cg, AnScope *s) {
    if (!s || scope_is_root(s)) return;
    if (scope_env_slots(s)) {
        cg_op(cg, EN_OP_PopEnv);
        cg->env_depth--;
    }
}

void cg_closure(Cg *cg, PsNode *fn_node) {
    EnFunctionTemplate *t = en_bc_template_new(cg->cx, cg->src, fn_node);
    if (!t) {
        cg->failed = true;
        return;
    }
    uint32_t k = cg_const(cg, en_cell_value(t));
    if (!PS_AS(PsFunction, fn_node)->id && cg->name_hint) {
        EnString *nm = en_str_from_utf8(cg->cx, cg->name_hint, cg->name_hint_len);
        t = en_as_ptr(cg->consts.items[k]);
        if (nm) t->name = nm;
    }
    cg->name_hint = NULL;
    cg_pos(cg, fn_node->start);
    cg_op1(cg, EN_OP_CreateClosure, k);
}

// ---------------------------------------------------------------------------
// Function entry.

static bool param_is_simple_ident(const PsNode *p) { return p->kind == PS_NODE_IDENTIFIER; }

// CallRuntime mapped_arguments with the environment slot of each
// parameter (-1: shadowed by a later parameter of the same name).
static void emit_mapped_arguments(Cg *cg, PsFunction *f, AnScope *fs) {
    (void)fs;
    uint32_t n = f->params.count;
    uint32_t mark = cg->next_reg;
    uint32_t base = cg->next_reg;
    for (uint32_t i = 0; i < n; i++) cg_temp(cg);
    for (uint32_t i = 0; i < n; i++) {
        AnBinding *b = an_binding_of_node(cg->an, f->params.items[i]);
        int32_t slot = -1;
        if (b && binding_in_env(b)) {
            slot = (int32_t)binding_env_slot(b);
            for (uint32_t j = i + 1; j < n; j++)
                if (an_binding_of_node(cg->an, f->params.items[j]) == b) slot = -1;
        }
        cg_op1(cg, EN_OP_LdaInt, (uint32_t)slot);
        cg_op1(cg, EN_OP_Star, base + i);
    }
    cg_op3(cg, EN_OP_CallRuntime, EN_RT_mapped_arguments, base, n);
    cg_temps_free(cg, mark);
}

static void compile_function_body(Cg *cg) {
    PsFunction *f = PS_AS(PsFunction, cg->fn);
    AnScope *fs = cg->fscope;
    AnScope *params_scope = NULL, *name_scope = NULL;
    for (AnScope *s = fs->parent; s && s->node == cg->fn; s = s->parent) {
        if (s->kind == AN_SCOPE_PARAMS) params_scope = s;
        if (s->kind == AN_SCOPE_FUNCTION_NAME) name_scope = s;
    }
    uint32_t nparams = f->params.count;
    cg->next_reg = cg->max_reg = nparams;
    if ((cg->tmpl->flags & EN_TF_CLASS_CTOR) && !(cg->tmpl->flags & EN_TF_DERIVED))
        cg_op(cg, EN_OP_InitFields);
    // Parameters start in registers 0..n-1.
    AnScope *pscope = params_scope ? params_scope : fs;
    bool simple = true;
    for (uint32_t i = 0; i < nparams; i++) {
        PsNode *p = f->params.items[i];
        if (!param_is_simple_ident(p)) simple = false;
    }
    if (name_scope) {
        cg_enter_scope(cg, name_scope);
        for (AnBinding *b = name_scope->bindings; b; b = b->next) {
            cg_op(cg, EN_OP_LdaCallee);
            cg_store_binding(cg, b, b->id, true);
        }
    }
    if (simple) {
        for (uint32_t i = 0; i < nparams; i++) {
            AnBinding *b = an_binding_of_node(cg->an, f->params.items[i]);
            if (b && !binding_in_env(b)) map_put(cg, b, i);
        }
    }
    cg_enter_scope(cg, pscope);
    // arguments / this-binding setup.
    // (`arguments` lives in the PARAMS scope when there is one.)
    for (AnBinding *b = pscope->bindings; b; b = b->next) {
        if (b->kind == AN_BIND_ARGUMENTS && (b->nrefs || (fs->flags & AN_SF_HAS_EVAL))) {
            if (simple && scope_has_mapped_args(fs) && !cg->strict) emit_mapped_arguments(cg, f, fs);
            else cg_op(cg, EN_OP_CreateArguments);
            cg_store_binding(cg, b, NULL, true);
        }
    }
    if (simple) {
        for (uint32_t i = 0; i < nparams; i++) {
            AnBinding *b = an_binding_of_node(cg->an, f->params.items[i]);
            if (b && binding_in_env(b)) {
                cg_op1(cg, EN_OP_Ldar, i);
                cg_store_binding(cg, b, b->id, true);
            }
        }
    } else {
        for (uint32_t i = 0; i < nparams; i++) {
            PsNode *p = f->params.items[i];
            uint32_t mark = cg->next_reg;
            if (p->kind == PS_NODE_REST_ELEMENT) {
                cg_op1(cg, EN_OP_CreateRest, i);
                cg_bind_pattern(cg, PS_AS(PsUnary, p)->arg, true);
                cg_temps_free(cg, mark);
                break;
            }
            cg_op1(cg, EN_OP_Ldar, i);
            cg_bind_pattern(cg, p, true);
            cg_temps_free(cg, mark);
        }
    }
    if (params_scope) {
        cg_enter_scope(cg, fs);
        // Body vars named like a parameter start with its value.
        for (AnBinding *b = fs->bindings; b; b = b->next) {
            if (b->kind != AN_BIND_VAR) continue;
            AnBinding *pb = NULL;
            for (AnBinding *x = params_scope->bindings; x; x = x->next)
                if (x->len == b->len && !memcmp(x->name, b->name, b->len)) pb = x;
            if (!pb) continue;
            CgLoc l = loc_of_binding(cg, pb, fs);
            load_loc(cg, l, false);
            cg_store_binding(cg, b, b->id, true);
        }
    }
    hoist_functions(cg, fs);
    if (f->h.flags & PS_NF_EXPRESSION_BODY) {
        cg_expr(cg, f->body);
        cg_op(cg, EN_OP_Return);
        return;
    }
    cg_stmts(cg, &PS_AS(PsListNode, f->body)->items);
    cg_op(cg, EN_OP_LdaUndef);
    cg_op(cg, EN_OP_Return);
}

static void compile_script(Cg *cg) {
    cg->completion_reg = cg_temp(cg);
    cg_op(cg, EN_OP_LdaUndef);
    cg_op1(cg, EN_OP_Star, cg->completion_reg);
    cg_enter_scope(cg, cg->fscope);
    cg_stmts(cg, &PS_AS(PsListNode, cg->fn)->items);
    cg_op1(cg, EN_OP_Ldar, cg->completion_reg);
    cg_op(cg, EN_OP_Return);
}

// ---------------------------------------------------------------------------
// Templates.

static uint32_t function_length(const PsFunction *f) {
    uint32_t n = 0;
    for (uint32_t i = 0; i < f->params.count; i++) {
        PsNode *p = f->params.items[i];
        if (p->kind == PS_NODE_ASSIGN_PATTERN || p->kind == PS_NODE_REST_ELEMENT) break;
        n++;
    }
    return n;
}

EnFunctionTemplate *en_bc_template_new(EnContext *cx, EnSource *src, PsNode *node) {
    EnFunctionTemplate *t = en_gc_alloc(cx, EN_CELL_FUNCTION_TEMPLATE, sizeof *t);
    if (!t) return NULL;
    t->src = en_source_retain(src);
    t->node = node;
    EnValue *h = en_handle(cx, en_cell_value(t));
    if (node->kind == PS_NODE_PROGRAM) {
        if (src->an && src->an->root->kind == AN_SCOPE_MODULE) {
            // Module code is strict; a top-level await makes its
            // evaluation asynchronous.
            t->flags = EN_TF_MODULE | EN_TF_STRICT;
            if (cg_module_has_tla(node)) t->flags |= EN_TF_ASYNC;
        } else {
            t->flags = EN_TF_SCRIPT;
            if (node->flags & PS_NF_STRICT) t->flags |= EN_TF_STRICT;
        }
        t->name = en_str_empty(cx);
        return t;
    }
    PsFunction *f = PS_AS(PsFunction, node);
    AnScope *fs = an_scope_of_node(src->an, node);
    if (fs && (fs->flags & AN_SF_STRICT)) t->flags |= EN_TF_STRICT;
    if (node->kind == PS_NODE_ARROW_FUNCTION) t->flags |= EN_TF_ARROW;
    if (node->flags & PS_NF_GENERATOR) t->flags |= EN_TF_GENERATOR;
    if (node->flags & PS_NF_ASYNC) t->flags |= EN_TF_ASYNC;
    if (fs && (fs->flags & AN_SF_METHOD)) t->flags |= EN_TF_METHOD;
    if (fs && (fs->flags & AN_SF_CONSTRUCTOR)) {
        t->flags |= EN_TF_CLASS_CTOR | EN_TF_STRICT;
        if (fs->flags & AN_SF_DERIVED) t->flags |= EN_TF_DERIVED;
    }
    if (!(t->flags & (EN_TF_ARROW | EN_TF_GENERATOR | EN_TF_ASYNC | EN_TF_METHOD)))
        t->flags |= EN_TF_CONSTRUCTOR;
    t->length = function_length(f);
    t->nparams = f->params.count;
    EnString *name = f->id ? en_str_from_utf8(cx, PS_AS(PsIdent, f->id)->name, f->id->aux)
                           : en_str_empty(cx);
    t = en_as_ptr(*h);
    t->name = name;
    return name ? t : NULL;
}

EnFunctionTemplate *en_bc_template_new_special(EnContext *cx, EnSource *src, PsNode *node,
                                               uint32_t flags, EnString *name) {
    EnValue *hn = en_handle(cx, name ? en_string_value(name) : EN_UNDEFINED);
    EnFunctionTemplate *t = en_gc_alloc(cx, EN_CELL_FUNCTION_TEMPLATE, sizeof *t);
    if (!t) return NULL;
    t->src = en_source_retain(src);
    t->node = node;
    t->flags = flags;
    t->name = *hn == EN_UNDEFINED ? en_str_empty(cx) : en_as_string(*hn);
    return t;
}

static void cg_free(Cg *cg) {
    och_vec_free(&cg->code);
    och_vec_free(&cg->consts);
    och_vec_free(&cg->handlers);
    och_buf_free(&cg->positions);
    och_free(cg->map);
    cg_dyn_free(cg);
}

bool en_bc_compile(EnContext *cx, EnFunctionTemplate *t) {
    if (t->flags & EN_TF_COMPILED) return true;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *th = en_handle(cx, en_cell_value(t));
    Cg cg = {0};
    cg.cx = cx;
    cg.src = t->src;
    cg.an = t->src->an;
    cg.tmpl = t;
    cg.fn = t->node;
    cg.strict = (t->flags & EN_TF_STRICT) != 0;
    cg.is_script = (t->flags & EN_TF_SCRIPT) != 0;
    cg.completion_reg = UINT32_MAX;
    cg.eval = en_eval_info_of(t->src);
    cg.fscope = t->node->kind == PS_NODE_PROGRAM ? t->src->an->root
                                                 : an_scope_of_node(cg.an, t->node);
    EnVM *vm = cx->rt->vm;
    struct EnCompileRoots roots = {vm->compiling, &cg};
    vm->compiling = &roots;
    if (t->flags & (EN_TF_DEFAULT_CTOR | EN_TF_FIELD_INIT | EN_TF_ELEMENT)) cg_compile_special(&cg);
    else if (!cg.fscope) cg_error(&cg, t->node, "function without scope");
    else if (t->flags & EN_TF_MODULE) cg_compile_module(&cg);
    else if (cg.is_script && cg.eval) cg_compile_eval(&cg);
    else if (cg.is_script) compile_script(&cg);
    else compile_function_body(&cg);
    vm->compiling = roots.prev;
    t = en_as_ptr(*th);
    bool ok = !cg.failed;
    if (ok) {
        EnValue *consts = och_malloc((cg.consts.len ? cg.consts.len : 1) * sizeof *consts);
        if (cg.consts.len) memcpy(consts, cg.consts.items, cg.consts.len * sizeof *consts);
        t->consts = consts;
        t->nconsts = cg.consts.len;
        t->code = cg.code.items;
        t->code_len = cg.code.len;
        cg.code.items = NULL;
        t->nregs = cg.max_reg;
        t->feedback = och_calloc(cg.nfeedback ? cg.nfeedback : 1, sizeof(EnFeedback));
        t->nfeedback = cg.nfeedback;
        t->handlers = cg.handlers.items;
        t->nhandlers = cg.handlers.len;
        cg.handlers.items = NULL;
        t->positions_len = (uint32_t)cg.positions.len;
        t->positions = (uint8_t *)och_buf_take(&cg.positions);
        t->flags |= EN_TF_COMPILED;
    }
    cg_free(&cg);
    en_handle_scope_close(&hs);
    return ok;
}

// Traces the constants of templates being compiled (called by the VM's
// root tracer).
void en_bc_trace_compiling(struct EnCompileRoots *r, EnGCTracer *tr);
void en_bc_trace_compiling(struct EnCompileRoots *r, EnGCTracer *tr) {
    for (; r; r = r->prev) {
        en_gc_mark_values(tr, r->cg->consts.items, r->cg->consts.len);
        en_gc_mark_cell(tr, r->cg->tmpl);
    }
}

static uint32_t get_uleb(const uint8_t **p, const uint8_t *end) {
    uint32_t v = 0;
    int shift = 0;
    while (*p < end) {
        uint8_t b = *(*p)++;
        v |= (uint32_t)(b & 0x7F) << shift;
        if (!(b & 0x80)) break;
        shift += 7;
    }
    return v;
}

int64_t en_bc_source_offset(const EnFunctionTemplate *t, uint32_t pc) {
    const uint8_t *p = t->positions, *end = p + t->positions_len;
    uint32_t cur_pc = 0;
    int64_t cur_src = 0, best = t->node ? (int64_t)t->node->start : -1;
    while (p && p < end) {
        uint32_t dpc = get_uleb(&p, end);
        uint32_t zz = get_uleb(&p, end);
        cur_pc += dpc;
        cur_src += (zz & 1) ? -(int64_t)(zz >> 1) : (int64_t)(zz >> 1);
        if (cur_pc > pc) break;
        best = cur_src;
    }
    return best;
}

// ---------------------------------------------------------------------------
// Cell ops of templates.

static void template_trace(EnGCTracer *tr, void *cell) {
    EnFunctionTemplate *t = cell;
    en_gc_mark_cell(tr, t->name);
    if (t->consts) en_gc_mark_values(tr, t->consts, t->nconsts);
    for (uint32_t i = 0; i < t->nfeedback; i++) {
        EnFeedback *f = &t->feedback[i];
        for (uint32_t j = 0; j < f->n; j++) {
            en_gc_mark_cell(tr, f->e[j].shape);
            en_gc_mark_cell(tr, f->e[j].holder);
            en_gc_mark_cell(tr, f->e[j].holder_shape);
        }
    }
}

static void template_finalize(EnRuntime *rt, void *cell) {
    (void)rt;
    EnFunctionTemplate *t = cell;
    och_free(t->code);
    och_free(t->consts);
    och_free(t->feedback);
    och_free(t->handlers);
    och_free(t->positions);
    if (t->src) en_source_release(t->src);
    t->src = NULL;
}

static size_t template_size(const void *cell) {
    (void)cell;
    return sizeof(EnFunctionTemplate);
}

const EnCellOps en_ops_function_template = {template_trace, template_finalize, template_size};
