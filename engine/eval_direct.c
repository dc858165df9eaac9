// Direct eval (PerformEval with direct = true, ES2025 §19.2.1.1) and the
// eval-code side of indirect eval: the registry of eval code contexts
// (scope_int.h), the CallRuntime functions direct_eval, eval_enter and
// eval_declare (EvalDeclarationInstantiation's run-time part).
//
// Eval code is compiled with its caller's analyzer scope as the enclosing
// scope (compiler.c: cg_chain_parent), so free names resolve statically to
// (hops, slot) in the caller's environments; the caller's source stays
// alive as long as the eval code's (the registry holds both).
#include <stdio.h>

#include "interp_runtime_int.h"
#include "scope_int.h"

// ---------------------------------------------------------------------------
// Registry: EnSource* and its analysis root -> EnEvalInfo. One per thread
// (a runtime runs on one thread at a time). Entries hold a reference to
// the eval source and the caller's; they are dropped once only the
// registry still holds the eval source (swept when the table has doubled
// since the last sweep).

typedef struct EvalRegistry {
    const void **keys;
    EnEvalInfo **vals;
    uint32_t cap, used;
    EnEvalInfo **all;
    uint32_t nall, capall, sweep_at;
} EvalRegistry;

static _Thread_local EvalRegistry reg;

static uint32_t key_hash(const void *p) {
    uintptr_t x = (uintptr_t)p;
    x ^= x >> 17;
    x *= 0x9E3779B1u;
    return (uint32_t)(x ^ (x >> 13));
}

static void reg_put(const void *k, EnEvalInfo *v) {
    uint32_t h = key_hash(k) & (reg.cap - 1);
    while (reg.keys[h]) h = (h + 1) & (reg.cap - 1);
    reg.keys[h] = k;
    reg.vals[h] = v;
    reg.used++;
}

static void reg_rebuild(uint32_t cap) {
    och_free(reg.keys);
    och_free(reg.vals);
    reg.cap = cap;
    reg.used = 0;
    reg.keys = och_calloc(cap, sizeof *reg.keys);
    reg.vals = och_calloc(cap, sizeof *reg.vals);
    for (uint32_t i = 0; i < reg.nall; i++) {
        reg_put(reg.all[i]->src, reg.all[i]);
        reg_put(reg.all[i]->src->an->root, reg.all[i]);
    }
}

static void reg_sweep(void) {
    bool changed = true;
    while (changed) {
        changed = false;
        uint32_t j = 0;
        for (uint32_t i = 0; i < reg.nall; i++) {
            EnEvalInfo *e = reg.all[i];
            if (e->src->refs == 1) {
                en_source_release(e->src);
                if (e->caller) en_source_release(e->caller);
                och_free(e);
                changed = true;
            } else {
                reg.all[j++] = e;
            }
        }
        reg.nall = j;
    }
}

static EnEvalInfo *reg_lookup(const void *k) {
    if (!reg.nall) return NULL;
    uint32_t h = key_hash(k) & (reg.cap - 1);
    while (reg.keys[h]) {
        if (reg.keys[h] == k) return reg.vals[h];
        h = (h + 1) & (reg.cap - 1);
    }
    return NULL;
}

static void reg_add(EnEvalInfo *e) {
    bool rebuild = false;
    if (reg.nall >= reg.sweep_at) {
        uint32_t before = reg.nall;
        reg_sweep();
        reg.sweep_at = reg.nall * 2 > 16 ? reg.nall * 2 : 16;
        rebuild = reg.nall != before;
    }
    if (reg.nall == reg.capall) {
        reg.capall = reg.capall ? reg.capall * 2 : 16;
        reg.all = och_realloc(reg.all, reg.capall * sizeof *reg.all);
    }
    reg.all[reg.nall++] = e;
    // Two keys per entry; at most half full.
    if (rebuild || (reg.nall * 2 + 2) * 2 > reg.cap) {
        uint32_t cap = 64;
        while (cap < reg.nall * 8) cap *= 2;
        reg_rebuild(cap);
    } else {
        reg_put(e->src, e);
        reg_put(e->src->an->root, e);
    }
}

const EnEvalInfo *en_eval_info_of(const EnSource *src) { return reg_lookup(src); }

const EnEvalInfo *en_eval_info_of_root(const AnScope *root) { return reg_lookup(root); }

// ---------------------------------------------------------------------------
// Compiling and running eval code.

static void throw_first_diag(EnContext *cx, EnSource *s, const OchDiagList *diags) {
    for (uint32_t i = 0; i < diags->v.len; i++) {
        const OchDiag *d = &diags->v.items[i];
        if (d->severity != OCH_SEV_ERROR) continue;
        OchLineCol lc = en_source_position(s, d->span.start);
        en_throw_syntax_error(cx, "%s (%s:%u:%u)", d->message, s->filename, lc.line + 1,
                              lc.column + 1);
        return;
    }
    en_throw_syntax_error(cx, "invalid eval code");
}

// Parses, analyzes, registers and compiles eval code x (a string): its
// template, or NULL with an exception pending. caller/outer NULL: indirect
// eval (global scope).
static EnFunctionTemplate *eval_compile(EnContext *cx, EnValue x, bool strict, EnSource *caller,
                                        const AnScope *outer) {
    OchBuf b = {0};
    en_str_to_utf8(cx, en_as_string(x), &b);
    EnSource *s = och_calloc(1, sizeof *s);
    s->len = (uint32_t)b.len;
    s->text = ps_source_dup(b.data ? b.data : "", b.len);
    och_buf_free(&b);
    s->filename = och_strndup("<eval>", 6);
    s->print_bytecode = caller && caller->print_bytecode;
    s->refs = 1;
    PsOptions po;
    ps_options_default(&po);
    po.strict = strict;
    s->parse = ps_parse(s->text, s->len, &po);
    AnOptions ao;
    an_options_default(&ao);
    ao.lint = false;
    s->an = an_analyze(s->parse, &ao);
    if (ps_parse_has_errors(s->parse) || an_result_has_errors(s->an)) {
        throw_first_diag(cx, s, ps_parse_has_errors(s->parse) ? &s->parse->diags : &s->an->diags);
        en_source_release(s);
        return NULL;
    }
    EnEvalInfo *e = och_calloc(1, sizeof *e);
    e->src = en_source_retain(s);
    e->caller = caller ? en_source_retain(caller) : NULL;
    e->outer = outer;
    e->strict = strict || (s->parse->root->flags & PS_NF_STRICT);
    e->direct = caller != NULL;
    reg_add(e);
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnFunctionTemplate *t = en_bc_template_new(cx, s, s->parse->root);
    en_source_release(s);  // the template and the registry hold it
    if (!t) {
        en_handle_scope_close(&hs);
        return NULL;
    }
    t->flags |= EN_TF_EVAL;
    if (e->strict) t->flags |= EN_TF_STRICT;
    EnValue *ht = en_handle(cx, en_cell_value(t));
    bool ok = en_bc_compile(cx, t);
    t = en_as_ptr(*ht);
    if (ok && e->src->print_bytecode) {
        OchBuf out = {0};
        en_bc_disassemble(cx, t, &out);
        fputs(out.data ? out.data : "", stderr);
        och_buf_free(&out);
    }
    en_handle_scope_close(&hs);
    return ok ? t : NULL;
}

// R[base] callee, R[base+1] its this, R[base+2] the call's AnScope (a
// pointer in a double), R[base+3..] the arguments: a direct eval when the
// callee is %eval%, else an ordinary call.
EnValue en_rt_direct_eval(EnContext *cx, EnFrame *fr, EnValue acc, EnValue *args, uint32_t argc) {
    (void)acc;
    EnObject *evalfn = en_intrinsic(cx, EN_INTRINSIC_Eval);
    uint32_t n = argc - 3;
    if (!en_is_object(args[0]) || en_as_object(args[0]) != evalfn)
        return en_call(cx, args[0], args[1], n, args + 3);
    if (!n) return EN_UNDEFINED;
    EnValue x = args[3];
    if (!en_is_string(x)) return x;
    const AnScope *outer = (const AnScope *)(uintptr_t)en_as_double(args[2]);
    bool strict = (fr->tmpl->flags & EN_TF_STRICT) != 0;
    EnFunctionTemplate *t = eval_compile(cx, x, strict, fr->tmpl->src, outer);
    if (!t) return EN_EXCEPTION;
    return en_vm_run_script(cx, t, fr->env, fr->this_val);
}

// Indirect eval (eval_global.c): x a string; the global scope.
EnValue en_eval_indirect(EnContext *cx, EnValue x) {
    EnFunctionTemplate *t = eval_compile(cx, x, false, NULL, NULL);
    if (!t) return EN_EXCEPTION;
    return en_vm_run_script(cx, t, NULL, cx->global_this);
}

// Start of direct eval code: new.target of the caller's frame (this and
// the environment came with the call).
EnValue en_rt_eval_enter(EnContext *cx, EnFrame *fr, EnValue acc, EnValue *args, uint32_t argc) {
    (void)args, (void)argc;
    EnVM *vm = cx->rt->vm;
    if (vm->depth >= 2 && fr == &vm->frames[vm->depth - 1]) {
        EnFrame *caller = &vm->frames[vm->depth - 2];
        fr->new_target = caller->new_target;
    }
    return acc;
}

// ---------------------------------------------------------------------------
// EvalDeclarationInstantiation (run-time part).

static EnValue key_name(EnContext *cx, EnKey k, OchBuf *b) {
    EnValue v = en_key_to_value(cx, k);
    if (en_is_string(v)) en_str_to_utf8(cx, en_as_string(v), b);
    return v;
}

static bool throw_redeclared(EnContext *cx, EnKey name, bool syntax) {
    OchBuf b = {0};
    key_name(cx, name, &b);
    if (syntax)
        en_throw_syntax_error(cx, "Identifier '%s' has already been declared", b.data ? b.data : "");
    else
        en_throw_type_error(cx, "Cannot declare global function or var '%s'", b.data ? b.data : "");
    och_buf_free(&b);
    return false;
}

// Global checks (HasLexicalDeclaration, CanDeclareGlobalVar/Function) and
// declarations (CreateGlobalVarBinding / CreateGlobalFunctionBinding with
// D = true: eval code's globals are configurable).
bool en_eval_global_decl(EnContext *cx, EnString *name_s, bool is_fn, bool check_only, EnValue fn) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hfn = en_handle(cx, fn);
    EnKey name = en_key_atom(name_s);
    EnValue *hname = en_handle(cx, name);
    bool ok = false, found = false;
    EnObject *g = cx->global;
    if (check_only) {
        bool lex = false;
        if (!en_has_own_property(cx, en_vm_global_lexicals(cx), name, &lex)) goto done;
        if (lex) {
            throw_redeclared(cx, *hname, true);
            goto done;
        }
    }
    EnPropDesc d;
    if (!en_obj_get_own_property(cx, g, *hname, &d, &found)) goto done;
    bool ext = true;
    if (!en_obj_is_extensible(cx, g, &ext)) goto done;
    if (check_only) {
        bool can;
        if (!is_fn) can = found || ext;
        else if (!found) can = ext;
        else if (d.attrs & EN_PROP_CONFIGURABLE) can = true;
        else can = (d.has & EN_DESC_HAS_VALUE) && (d.attrs & EN_PROP_WRITABLE) &&
                   (d.attrs & EN_PROP_ENUMERABLE);
        if (!can) {
            throw_redeclared(cx, *hname, false);
            goto done;
        }
        ok = true;
        goto done;
    }
    if (!is_fn) {
        ok = found || !ext || en_define_value(cx, g, *hname, EN_UNDEFINED, EN_PROP_DEFAULT);
        goto done;
    }
    if (!found || (d.attrs & EN_PROP_CONFIGURABLE)) {
        if (!en_define_value(cx, g, *hname, *hfn, EN_PROP_DEFAULT)) goto done;
    } else {
        EnPropDesc nd;
        memset(&nd, 0, sizeof nd);
        nd.has = EN_DESC_HAS_VALUE;
        nd.value = *hfn;
        bool dok;
        if (!en_obj_define_own_property(cx, g, *hname, &nd, &dok)) goto done;
        if (!dok) {
            throw_redeclared(cx, *hname, false);
            goto done;
        }
    }
    ok = en_set(cx, en_object_value(cx->global), *hname, *hfn, false);
done:
    en_handle_scope_close(&hs);
    return ok;
}

// The eval vars object of the environment `hops` up (created on first use).
static EnObject *eval_vars_object(EnContext *cx, EnFrame *fr, uint32_t hops) {
    EnEnv *e = fr->env;
    for (uint32_t i = 0; i < hops && e; i++) e = e->parent;
    if (!e || !(e->hdr.flags & EN_ENV_VARS)) {
        en_throw_type_error(cx, "internal error: no eval var environment");
        return NULL;
    }
    EnValue v = e->slots[e->hdr.aux - 1];
    if (en_is_object(v)) return en_as_object(v);
    EnObject *o = en_obj_new(cx, EN_CLASS_OBJECT, NULL, 4);
    if (!o) return NULL;
    en_store(cx, e, &e->slots[e->hdr.aux - 1], en_object_value(o));
    return o;
}

// R[base] name, R[base+1] mode, R[base+2] hops; acc: the function for a
// function declaration. Modes: compiler_scope.c's EVAL_* (0 check var,
// 1 check function, 2 global var, 3 global function, 4 var in the eval
// vars object, 5 function there, 6 check a script's lexical declaration).
EnValue en_rt_eval_declare(EnContext *cx, EnFrame *fr, EnValue acc, EnValue *args, uint32_t argc) {
    (void)argc;
    fr->acc = acc;
    int mode = en_as_int32(args[1]);
    EnString *name = en_as_string(args[0]);
    switch (mode) {
    case 6: {
        // A script's lexical declaration: no global lexical or var
        // (non-configurable global property) of that name.
        bool lex = false, found = false;
        EnPropDesc d;
        if (!en_has_own_property(cx, en_vm_global_lexicals(cx), args[0], &lex)) return EN_EXCEPTION;
        if (!lex && !en_obj_get_own_property(cx, cx->global, args[0], &d, &found))
            return EN_EXCEPTION;
        if (lex || (found && !(d.attrs & EN_PROP_CONFIGURABLE))) {
            throw_redeclared(cx, args[0], true);
            return EN_EXCEPTION;
        }
        return fr->acc;
    }
    case 0: case 1: case 2: case 3:
        if (!en_eval_global_decl(cx, name, mode & 1, mode < 2, fr->acc)) return EN_EXCEPTION;
        return fr->acc;
    default: break;
    }
    EnObject *o = eval_vars_object(cx, fr, (uint32_t)en_as_int32(args[2]));
    if (!o) return EN_EXCEPTION;
    if (mode == 4) {
        bool found;
        if (!en_has_own_property(cx, o, args[0], &found)) return EN_EXCEPTION;
        if (!found && !en_define_value(cx, o, args[0], EN_UNDEFINED, EN_PROP_DEFAULT))
            return EN_EXCEPTION;
    } else if (!en_define_value(cx, o, args[0], fr->acc, EN_PROP_DEFAULT)) {
        return EN_EXCEPTION;
    }
    return fr->acc;
}
