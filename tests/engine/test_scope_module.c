// The compiler half of modules (module_int.h, compiler_scope.c) without
// the module records: a module source is parsed, analyzed and compiled by
// hand, its environment sized, initialized and evaluated, and the slots
// read back through en_bc_module_local_slot. Runs normally and with
// gc_stress.
#include <criterion/criterion.h>
#include <string.h>

#include "module_int.h"

typedef struct ModFx {
    EnRuntime *rt;
    EnContext *cx;
    EnHandleScope hs;
    EnValue *ht, *henv;
} ModFx;

static void fx_open(ModFx *f, bool stress) {
    EnLimits lim;
    en_limits_default(&lim);
    lim.gc_stress = stress;
    memset(f, 0, sizeof *f);
    f->rt = en_runtime_new(&lim);
    f->cx = en_context_new(f->rt);
    en_handle_scope_open(f->cx, &f->hs);
}

static void fx_close(ModFx *f) {
    en_handle_scope_close(&f->hs);
    en_context_free(f->cx);
    en_runtime_free(f->rt);
}

// The uncompiled template of src as a module.
static EnFunctionTemplate *module_template(ModFx *f, const char *text) {
    EnSource *s = och_calloc(1, sizeof *s);
    size_t len = strlen(text);
    s->text = ps_source_dup(text, len);
    s->len = (uint32_t)len;
    s->filename = och_strndup("mod.js", 6);
    PsOptions po;
    ps_options_default(&po);
    po.goal = PS_GOAL_MODULE;
    s->parse = ps_parse(s->text, len, &po);
    AnOptions ao;
    an_options_default(&ao);
    s->an = an_analyze(s->parse, &ao);
    s->refs = 1;
    cr_assert(!ps_parse_has_errors(s->parse));
    cr_assert(!an_result_has_errors(s->an));
    EnFunctionTemplate *t = en_bc_template_new(f->cx, s, s->parse->root);
    en_source_release(s);
    cr_assert(t);
    cr_assert(t->flags & EN_TF_MODULE);
    cr_assert(t->flags & EN_TF_STRICT);
    f->ht = en_handle(f->cx, en_cell_value(t));
    return t;
}

// Compiles src as a module and initializes its environment.
static EnFunctionTemplate *compile_module(ModFx *f, const char *text) {
    EnFunctionTemplate *t = module_template(f, text);
    cr_assert(en_bc_compile(f->cx, t));
    t = en_as_ptr(*f->ht);
    EnEnv *env = en_env_new(f->cx, NULL, en_bc_module_env_size(t));
    cr_assert(env);
    f->henv = en_handle(f->cx, en_cell_value(env));
    cr_assert(en_bc_module_init_env(f->cx, en_as_ptr(*f->ht), en_as_ptr(*f->henv)));
    return en_as_ptr(*f->ht);
}

static EnValue slot_value(ModFx *f, const char *name) {
    uint32_t slot;
    cr_assert(en_bc_module_local_slot(en_as_ptr(*f->ht), name, (uint32_t)strlen(name), &slot),
              "no slot for %s", name);
    EnEnv *env = en_as_ptr(*f->henv);
    cr_assert_lt(slot, env->hdr.aux);
    return env->slots[slot];
}

static double num(EnValue v) {
    cr_assert(en_is_number(v));
    return en_as_number(v);
}

static void run_module(ModFx *f) {
    EnValue r = en_vm_run_script(f->cx, en_as_ptr(*f->ht), en_as_ptr(*f->henv), f->cx->global_this);
    cr_assert_neq(r, EN_EXCEPTION);
}

static void layout_and_values(bool stress) {
    ModFx f;
    fx_open(&f, stress);
    compile_module(&f,
                   "var v = 1; let l = 2; const c = 3;\n"
                   "export function inc() { v++; return v + l + c; }\n"
                   "export class K {}\n"
                   "export let seen = typeof this;\n"
                   "export default 40 + 2;\n"
                   "export const r = inc();\n");
    EnFunctionTemplate *t = en_as_ptr(*f.ht);
    cr_assert_eq(en_bc_module_env_size(t), 8u);  // v l c inc K seen r + *default*
    // Before evaluation: functions exist (hoisted), vars undefined, lexicals in TDZ.
    cr_assert(en_is_object(slot_value(&f, "inc")));
    cr_assert_eq(slot_value(&f, "v"), EN_UNDEFINED);
    cr_assert_eq(slot_value(&f, "l"), EN_UNINIT);
    cr_assert_eq(slot_value(&f, "K"), EN_UNINIT);
    cr_assert_eq(slot_value(&f, "*default*"), EN_UNINIT);
    run_module(&f);
    cr_assert_eq(num(slot_value(&f, "v")), 2);
    cr_assert_eq(num(slot_value(&f, "r")), 7);
    cr_assert_eq(num(slot_value(&f, "*default*")), 42);
    cr_assert(en_is_object(slot_value(&f, "K")));
    EnValue seen = slot_value(&f, "seen");
    cr_assert(en_is_string(seen));
    OchBuf b = {0};
    en_str_to_utf8(f.cx, en_as_string(seen), &b);
    cr_assert_str_eq(b.data, "undefined");
    och_buf_free(&b);
    uint32_t slot;
    cr_assert(!en_bc_module_local_slot(en_as_ptr(*f.ht), "nope", 4, &slot));
    fx_close(&f);
}

Test(scope_module, layout_and_values) { layout_and_values(false); }
Test(scope_module, layout_and_values_gc_stress) { layout_and_values(true); }

static void default_function(bool stress) {
    ModFx f;
    fx_open(&f, stress);
    compile_module(&f, "export default function () { return 5; }\nexport var x = 1;\n");
    cr_assert_eq(en_bc_module_env_size(en_as_ptr(*f.ht)), 2u);
    EnValue fn = slot_value(&f, "*default*");
    cr_assert(en_is_object(fn));
    EnValue name = en_get(f.cx, fn, en_key_atom(en_atom(f.cx, EN_ATOM_name)));
    OchBuf b = {0};
    en_str_to_utf8(f.cx, en_as_string(name), &b);
    cr_assert_str_eq(b.data, "default");
    och_buf_free(&b);
    run_module(&f);
    fn = slot_value(&f, "*default*");
    EnValue r = en_call(f.cx, fn, EN_UNDEFINED, 0, NULL);
    cr_assert_eq(num(r), 5);
    fx_close(&f);
}

Test(scope_module, default_function) { default_function(false); }
Test(scope_module, default_function_gc_stress) { default_function(true); }

static void named_default_and_tla(bool stress) {
    ModFx f;
    fx_open(&f, stress);
    compile_module(&f, "export default class C {}\nconst n = C.name;\n");
    cr_assert_eq(en_bc_module_env_size(en_as_ptr(*f.ht)), 2u);  // C, n: no *default*
    uint32_t slot;
    cr_assert(!en_bc_module_local_slot(en_as_ptr(*f.ht), "*default*", 9, &slot));
    run_module(&f);
    cr_assert(en_is_string(slot_value(&f, "n")));
    cr_assert(!(((EnFunctionTemplate *)en_as_ptr(*f.ht))->flags & EN_TF_ASYNC));
    EnFunctionTemplate *t = module_template(&f, "function g() { return async () => { await 1; }; }\n");
    cr_assert(!(t->flags & EN_TF_ASYNC));
    t = module_template(&f, "if (true) { for await (const x of []) {} }\n");
    cr_assert(t->flags & EN_TF_ASYNC);
    t = module_template(&f, "class A { [await 0]() {} }\n");
    cr_assert(t->flags & EN_TF_ASYNC);
    fx_close(&f);
}

Test(scope_module, named_default_and_tla) { named_default_and_tla(false); }
Test(scope_module, named_default_and_tla_gc_stress) { named_default_and_tla(true); }
