// Scope analysis: scopes, bindings, resolution, closures, TDZ, Annex B,
// eval/with, classes, parameters, and the queries.
#include "an_test.h"

static bool has(uint32_t flags, uint32_t bit) { return (flags & bit) != 0; }

// ---------------------------------------------------------------------------
// Scopes and bindings.

Test(scope, script_top_level_declares_in_the_global_scope) {
    TCtx c = t_analyze("var a = 1; let b; const c = 2; function f() {} class K {}\nundeclared;", 0);
    t_clean(&c);
    AnScope *g = c.res->root;
    cr_assert_eq(g->kind, AN_SCOPE_GLOBAL);
    cr_assert(!has(g->flags, AN_SF_STRICT));
    cr_assert_eq(g->nbindings, 5);
    cr_assert_eq(t_binding(&c, "a", 0)->kind, AN_BIND_VAR);
    cr_assert_eq(t_binding(&c, "b", 0)->kind, AN_BIND_LET);
    cr_assert_eq(t_binding(&c, "c", 0)->kind, AN_BIND_CONST);
    cr_assert_eq(t_binding(&c, "f", 0)->kind, AN_BIND_FUNCTION);
    cr_assert_eq(t_binding(&c, "K", 0)->kind, AN_BIND_CLASS);
    cr_assert(has(t_binding(&c, "b", 0)->flags, AN_BF_LEXICAL | AN_BF_TDZ));
    cr_assert(!has(t_binding(&c, "a", 0)->flags, AN_BF_LEXICAL));
    cr_assert(!has(t_binding(&c, "f", 0)->flags, AN_BF_LEXICAL));
    AnRef *u = t_ref(&c, "undeclared", 0);
    cr_assert_null(u->binding, "an undeclared name resolves to the global object");
    cr_assert(has(u->flags, AN_REF_READ));
    t_free(&c);
}

Test(scope, module_scope_is_strict_and_functions_are_lexical) {
    TCtx c = t_analyze("import d, {x as y} from 'm'; import * as ns from 'n';\n"
                       "function f() { return y + d + ns; }\nexport { f };",
                       T_MODULE);
    t_clean(&c);
    AnScope *m = c.res->root;
    cr_assert_eq(m->kind, AN_SCOPE_MODULE);
    cr_assert(has(m->flags, AN_SF_STRICT));
    AnBinding *y = t_binding(&c, "y", 0);
    cr_assert_eq(y->kind, AN_BIND_IMPORT);
    cr_assert(has(y->flags, AN_BF_TDZ), "imports may be read before their module ran (cycles)");
    cr_assert(has(t_ref(&c, "y", 1)->flags, AN_REF_TDZ));
    cr_assert_eq(t_binding(&c, "ns", 0)->kind, AN_BIND_IMPORT);
    AnBinding *f = t_binding(&c, "f", 0);
    cr_assert(has(f->flags, AN_BF_LEXICAL));
    cr_assert(has(f->flags, AN_BF_EXPORTED));
    cr_assert(has(t_ref(&c, "f", 1)->flags, AN_REF_EXPORT));
    t_free(&c);
}

Test(scope, blocks_get_a_scope_only_when_they_declare_something) {
    TCtx c = t_analyze("{ a; } { let b; } { var c; } { function d() {} } { class E {} }", 0);
    t_clean(&c);
    unsigned blocks = 0;
    for (AnScope *s = c.res->root->first_child; s; s = s->next_sibling)
        if (s->kind == AN_SCOPE_BLOCK) blocks++;
    cr_assert_eq(blocks, 3);
    cr_assert_eq(t_binding(&c, "c", 0)->scope, c.res->root, "var is hoisted out of the block");
    cr_assert_eq(t_binding(&c, "b", 0)->scope->kind, AN_SCOPE_BLOCK);
    cr_assert_eq(t_binding(&c, "E", 0)->scope->kind, AN_SCOPE_BLOCK);
    t_free(&c);
}

Test(scope, vars_resolve_before_their_declaration) {
    TCtx c = t_analyze("function f() { x = 1; { { var x; } } return x; }", 0);
    t_clean(&c);
    AnBinding *x = t_binding(&c, "x", 1);
    cr_assert_eq(x->kind, AN_BIND_VAR);
    cr_assert_eq(x->scope->kind, AN_SCOPE_FUNCTION);
    cr_assert_eq(t_ref(&c, "x", 0)->binding, x);
    cr_assert_eq(t_ref(&c, "x", 2)->binding, x);
    cr_assert(has(x->flags, AN_BF_WRITTEN | AN_BF_READ));
    cr_assert(!has(t_ref(&c, "x", 0)->flags, AN_REF_TDZ), "vars have no TDZ");
    t_free(&c);
}

Test(scope, inner_declarations_shadow_outer_ones) {
    TCtx c = t_analyze("let x = 1; function f(x) { { let x = 2; x; } x; } x;", 0);
    t_clean(&c);
    AnBinding *outer = t_binding(&c, "x", 0), *param = t_binding(&c, "x", 1),
              *inner = t_binding(&c, "x", 2);
    cr_assert_eq(param->kind, AN_BIND_PARAM);
    cr_assert_eq(t_ref(&c, "x", 3)->binding, inner);
    cr_assert_eq(t_ref(&c, "x", 4)->binding, param);
    cr_assert_eq(t_ref(&c, "x", 5)->binding, outer);
    t_free(&c);
}

Test(scope, reference_kinds_read_write_and_init) {
    TCtx c = t_analyze("let a = 0, b, o = {};\na = 1; b += 2; a++; [a, o.p] = [1]; ({b} = o);\n"
                       "for (a of []) ; typeof zz;",
                       0);
    t_clean(&c);
    AnRef *init = t_ref(&c, "a", 0);
    cr_assert(has(init->flags, AN_REF_WRITE | AN_REF_INIT));
    cr_assert_eq(t_ref(&c, "a", 1)->flags & (AN_REF_READ | AN_REF_WRITE), AN_REF_WRITE);
    cr_assert_eq(t_ref(&c, "b", 1)->flags & (AN_REF_READ | AN_REF_WRITE), AN_REF_READ | AN_REF_WRITE);
    cr_assert_eq(t_ref(&c, "a", 2)->flags & (AN_REF_READ | AN_REF_WRITE), AN_REF_READ | AN_REF_WRITE);
    cr_assert_eq(t_ref(&c, "a", 3)->flags & (AN_REF_READ | AN_REF_WRITE), AN_REF_WRITE);
    cr_assert(has(t_ref(&c, "o", 1)->flags, AN_REF_READ), "o in o.p is read");
    cr_assert_eq(t_ref(&c, "b", 2)->flags & (AN_REF_READ | AN_REF_WRITE), AN_REF_WRITE);
    cr_assert_eq(t_ref(&c, "a", 4)->flags & (AN_REF_READ | AN_REF_WRITE), AN_REF_WRITE);
    AnRef *t = t_ref(&c, "zz", 0);
    cr_assert(has(t->flags, AN_REF_TYPEOF));
    cr_assert_null(t->binding);
    t_free(&c);
}

// ---------------------------------------------------------------------------
// Closures.

Test(scope, bindings_used_by_closures_are_captured_others_stay_in_registers) {
    TCtx c = t_analyze("function f() {\n"
                       "  let a = 1, b = 2, c = 3;\n"
                       "  const g = () => a;\n"
                       "  function h() { return function () { return b; }; }\n"
                       "  return c + g() + h();\n"
                       "}",
                       0);
    t_clean(&c);
    cr_assert(has(t_binding(&c, "a", 0)->flags, AN_BF_CAPTURED));
    cr_assert(has(t_binding(&c, "b", 0)->flags, AN_BF_CAPTURED));
    cr_assert(!has(t_binding(&c, "c", 0)->flags, AN_BF_CAPTURED));
    cr_assert(!has(t_binding(&c, "g", 0)->flags, AN_BF_CAPTURED));
    cr_assert(has(t_ref(&c, "a", 1)->flags, AN_REF_CLOSURE));
    cr_assert(has(t_ref(&c, "b", 1)->flags, AN_REF_CLOSURE));
    cr_assert(!has(t_ref(&c, "c", 1)->flags, AN_REF_CLOSURE));
    t_free(&c);
}

Test(scope, block_scopes_do_not_make_closures) {
    TCtx c = t_analyze("function f() { let a = 1; { let b = a; for (let i = 0; i < b; i++) a += i; } }",
                       0);
    t_clean(&c);
    cr_assert(!has(t_binding(&c, "a", 0)->flags, AN_BF_CAPTURED));
    cr_assert(!has(t_binding(&c, "i", 0)->flags, AN_BF_CAPTURED));
    t_free(&c);
}

Test(scope, class_members_and_field_initializers_are_closures) {
    TCtx c = t_analyze("function f() { let a = 1, b = 2, k = 'm'; class C { [k]() {} x = a; m() { return b; } } }",
                       0);
    t_clean(&c);
    cr_assert(has(t_binding(&c, "a", 0)->flags, AN_BF_CAPTURED));
    cr_assert(has(t_binding(&c, "b", 0)->flags, AN_BF_CAPTURED));
    cr_assert(!has(t_binding(&c, "k", 0)->flags, AN_BF_CAPTURED),
              "computed keys run in the enclosing activation");
    t_free(&c);
}

// ---------------------------------------------------------------------------
// TDZ.

Test(scope, tdz_check_needed_before_the_declaration_and_in_its_initializer) {
    TCtx c = t_analyze("{ x; let x = x + 1; x; }", 0);
    t_clean(&c);
    cr_assert(has(t_ref(&c, "x", 0)->flags, AN_REF_TDZ), "use before the declaration");
    cr_assert(!has(t_ref(&c, "x", 1)->flags, AN_REF_TDZ), "the initialization itself");
    cr_assert(has(t_ref(&c, "x", 2)->flags, AN_REF_TDZ), "use inside its own initializer");
    cr_assert(!has(t_ref(&c, "x", 3)->flags, AN_REF_TDZ), "use after the declaration");
    t_free(&c);
}

Test(scope, tdz_check_for_closures_that_may_run_early) {
    TCtx c = t_analyze("function f() {\n"
                       "  const early = () => v;\n"
                       "  function hoisted() { return v; }\n"
                       "  let v = 1;\n"
                       "  const late = () => v;\n"
                       "  { function inner() { return v; } }\n"
                       "}",
                       0);
    t_clean(&c);
    cr_assert(has(t_ref(&c, "v", 0)->flags, AN_REF_TDZ), "arrow created before the declaration");
    cr_assert(has(t_ref(&c, "v", 1)->flags, AN_REF_TDZ), "hoisted function may be called early");
    cr_assert(!has(t_ref(&c, "v", 3)->flags, AN_REF_TDZ), "arrow created after the declaration");
    cr_assert(!has(t_ref(&c, "v", 4)->flags, AN_REF_TDZ),
              "function hoisted in a block entered after the declaration");
    t_free(&c);
}

Test(scope, tdz_in_switch_cases_other_clauses_may_skip_the_declaration) {
    TCtx c = t_analyze("switch (k) { case 0: let a = 1; a; break; case 1: a; }", 0);
    t_clean(&c);
    AnScope *sw = t_binding(&c, "a", 0)->scope;
    cr_assert_eq(sw->kind, AN_SCOPE_SWITCH);
    cr_assert(!has(t_ref(&c, "a", 1)->flags, AN_REF_TDZ));
    cr_assert(has(t_ref(&c, "a", 2)->flags, AN_REF_TDZ));
    t_free(&c);
}

Test(scope, tdz_in_loop_heads_and_class_heritage) {
    TCtx c = t_analyze("for (let x of x) x;\nclass C extends C { m() { return C; } static s = C; [C] = 1; }", 0);
    t_clean(&c);
    cr_assert(has(t_ref(&c, "x", 1)->flags, AN_REF_TDZ), "for-of head expression in the TDZ");
    cr_assert(!has(t_ref(&c, "x", 2)->flags, AN_REF_TDZ));
    cr_assert(has(t_ref(&c, "C", 1)->flags, AN_REF_TDZ), "extends clause runs before the class exists");
    cr_assert(!has(t_ref(&c, "C", 2)->flags, AN_REF_TDZ), "methods run after the class is defined");
    cr_assert(!has(t_ref(&c, "C", 3)->flags, AN_REF_TDZ), "static fields run after the binding");
    cr_assert(has(t_ref(&c, "C", 4)->flags, AN_REF_TDZ), "computed keys run before");
    cr_assert_eq(t_ref(&c, "C", 2)->binding->kind, AN_BIND_CLASS_NAME);
    t_free(&c);
}

Test(scope, parameters_with_expressions_have_their_own_scope_and_tdz) {
    TCtx c = t_analyze("function f(a = b, b = a, c = () => d, d) { var a; let e = a; }", 0);
    t_clean(&c);
    AnBinding *pa = t_binding(&c, "a", 0);
    cr_assert_eq(pa->kind, AN_BIND_PARAM);
    cr_assert_eq(pa->scope->kind, AN_SCOPE_PARAMS);
    cr_assert(has(pa->flags, AN_BF_TDZ));
    cr_assert(has(t_ref(&c, "b", 0)->flags, AN_REF_TDZ), "later parameter");
    cr_assert(!has(t_ref(&c, "a", 1)->flags, AN_REF_TDZ), "earlier parameter");
    cr_assert(has(t_ref(&c, "d", 0)->flags, AN_REF_TDZ), "closure over a later parameter");
    AnBinding *va = t_binding(&c, "a", 2);
    cr_assert_eq(va->kind, AN_BIND_VAR);
    cr_assert_eq(va->scope->kind, AN_SCOPE_FUNCTION, "body vars live apart from the parameters");
    cr_assert_eq(va->scope->parent, pa->scope);
    cr_assert_eq(t_ref(&c, "a", 3)->binding, va);
    AnScope *fs = an_scope_of_node(c.res, pa->decl);
    cr_assert_eq(fs, va->scope, "the function node maps to its FUNCTION scope");
    t_free(&c);
}

Test(scope, simple_parameters_share_the_function_scope) {
    TCtx c = t_analyze("function f(a, [b], {c}) { var a; return a + b + c; }", 0);
    t_clean(&c);
    AnBinding *a = t_binding(&c, "a", 0);
    cr_assert_eq(a->scope->kind, AN_SCOPE_FUNCTION);
    cr_assert_eq(t_binding(&c, "a", 1), a, "var redeclaring a parameter is the same binding");
    cr_assert(has(a->flags, AN_BF_REDECLARED));
    cr_assert(!has(a->flags, AN_BF_TDZ));
    t_free(&c);
}

// ---------------------------------------------------------------------------
// Functions, arguments, this.

Test(scope, named_function_expression_binds_its_name_in_its_own_scope) {
    TCtx c = t_analyze("var g = function fact(n) { return n ? fact(n - 1) : 1; };", 0);
    t_clean(&c);
    AnBinding *b = t_binding(&c, "fact", 0);
    cr_assert_eq(b->kind, AN_BIND_FUNCTION_NAME);
    cr_assert_eq(b->scope->kind, AN_SCOPE_FUNCTION_NAME);
    cr_assert_eq(t_ref(&c, "fact", 1)->binding, b);
    cr_assert(has(b->flags, AN_BF_CAPTURED));
    t_free(&c);
}

Test(scope, arguments_binds_to_the_nearest_non_arrow_function) {
    TCtx c = t_analyze("function f() { return () => arguments[0]; }\n"
                       "function g(arguments) { return arguments; }\n"
                       "function h() { return 1; }",
                       0);
    t_clean(&c);
    AnRef *r = t_ref(&c, "arguments", 0);
    cr_assert_eq(r->binding->kind, AN_BIND_ARGUMENTS);
    cr_assert(has(r->flags, AN_REF_CLOSURE));
    AnScope *f = r->binding->scope;
    cr_assert(has(f->flags, AN_SF_USES_ARGUMENTS));
    cr_assert(!has(f->flags, AN_SF_ARROW));
    cr_assert_eq(t_ref(&c, "arguments", 2)->binding->kind, AN_BIND_PARAM);
    AnScope *h = an_scope_at(c.res, t_off(&c, "return", 2));
    cr_assert(!has(h->flags, AN_SF_USES_ARGUMENTS));
    t_free(&c);
}

Test(scope, this_super_and_new_target_bind_at_the_nearest_non_arrow_function) {
    TCtx c = t_analyze("class A extends B { constructor() { super(); const f = () => this.x + super.y + new.target; } }",
                       0);
    t_clean(&c);
    AnScope *arrow = an_scope_at(c.res, t_off(&c, "this", 0));
    cr_assert(has(arrow->flags, AN_SF_ARROW));
    AnScope *ctor = arrow->this_scope;
    cr_assert(has(ctor->flags, AN_SF_CONSTRUCTOR | AN_SF_DERIVED | AN_SF_METHOD));
    cr_assert(has(ctor->flags, AN_SF_USES_THIS | AN_SF_USES_SUPER | AN_SF_USES_SUPER_CALL |
                                   AN_SF_USES_NEW_TARGET | AN_SF_THIS_CAPTURED));
    cr_assert(has(arrow->flags, AN_SF_USES_THIS | AN_SF_USES_SUPER | AN_SF_USES_NEW_TARGET));
    cr_assert(!has(arrow->flags, AN_SF_USES_SUPER_CALL));
    t_free(&c);
}

Test(scope, class_scopes_hold_the_inner_name_and_private_names) {
    TCtx c = t_analyze("let K = class Inner { #p = 1; get #q() { return 1; } set #q(v) {}\n"
                       "  static { var s = this.#p; } m(o) { return #p in o ? this.#q : Inner; } };",
                       0);
    t_clean(&c);
    AnBinding *inner = t_binding(&c, "Inner", 0);
    cr_assert_eq(inner->kind, AN_BIND_CLASS_NAME);
    AnScope *cls = inner->scope;
    cr_assert_eq(cls->kind, AN_SCOPE_CLASS);
    cr_assert(has(cls->flags, AN_SF_STRICT));
    unsigned privates = 0;
    for (AnBinding *b = cls->privates; b; b = b->next) privates++;
    cr_assert_eq(privates, 2, "the getter/setter pair is one private name");
    AnBinding *p = t_binding(&c, "#p", 0);
    cr_assert_eq(p->kind, AN_BIND_PRIVATE);
    cr_assert_eq(p->nrefs, 2);
    AnBinding *q = t_binding(&c, "#q", 0);
    cr_assert(has(q->flags, AN_BF_GETTER | AN_BF_SETTER));
    AnBinding *s = t_binding(&c, "s", 0);
    cr_assert_eq(s->scope->kind, AN_SCOPE_STATIC_BLOCK, "a static block is a var scope");
    AnScope *field = an_scope_at(c.res, t_off(&c, "1", 0));
    cr_assert_eq(field->kind, AN_SCOPE_CLASS_FIELD);
    cr_assert_eq(field->this_scope, field);
    t_free(&c);
}

// ---------------------------------------------------------------------------
// Loops, catch, labels.

Test(scope, let_in_for_heads_gets_a_per_iteration_scope) {
    TCtx c = t_analyze("for (let i = 0; i < 3; i++) setTimeout(() => i);\nfor (var j = 0; j < 3; j++) ;", 0);
    t_clean(&c);
    AnBinding *i = t_binding(&c, "i", 0);
    cr_assert_eq(i->scope->kind, AN_SCOPE_FOR);
    cr_assert(has(i->scope->flags, AN_SF_PER_ITERATION));
    cr_assert(has(i->flags, AN_BF_CAPTURED));
    cr_assert_eq(t_binding(&c, "j", 0)->scope, c.res->root);
    t_free(&c);
}

Test(scope, catch_parameter_has_its_scope_and_var_redeclares_it) {
    TCtx c = t_analyze("try {} catch (e) { var e = 1; let z; e; }", 0);
    t_clean(&c);
    AnBinding *e = t_binding(&c, "e", 0);
    cr_assert_eq(e->kind, AN_BIND_CATCH);
    cr_assert_eq(e->scope->kind, AN_SCOPE_CATCH);
    AnRef *init = t_ref(&c, "e", 1);
    cr_assert_eq(init->binding, e, "`var e = 1` assigns the catch parameter (B.3.4)");
    AnBinding *ve = an_binding_of_node(c.res, init->node);
    cr_assert_eq(ve->kind, AN_BIND_VAR, "...while declaring a var in the enclosing function");
    cr_assert_eq(ve->scope, c.res->root);
    cr_assert_eq(t_binding(&c, "z", 0)->scope->parent, e->scope);
    t_free(&c);
}

Test(scope, labels_are_a_separate_namespace) {
    TCtx c = t_analyze("var outer = 1; outer: for (;;) { inner: while (1) { break outer; continue inner; } }", 0);
    t_clean(&c);
    AnBinding *l = t_binding(&c, "outer", 1);
    cr_assert_eq(l->kind, AN_BIND_LABEL);
    cr_assert_eq(l->nrefs, 1);
    AnRef *br = t_ref(&c, "outer", 2);
    cr_assert_eq(br->binding, l);
    cr_assert(has(br->flags, AN_REF_LABEL));
    cr_assert_eq(t_binding(&c, "outer", 0)->kind, AN_BIND_VAR);
    cr_assert_eq(t_binding(&c, "outer", 0)->nrefs, 1, "only its initialization");
    t_free(&c);
}

// ---------------------------------------------------------------------------
// Annex B.

Test(scope, annex_b_hoists_block_functions_in_sloppy_code) {
    TCtx c = t_analyze("function f() { g(); { function g() {} } g(); if (x) function h() {} }", 0);
    t_clean(&c);
    AnBinding *v = t_ref(&c, "g", 0)->binding;
    cr_assert_eq(v->kind, AN_BIND_VAR);
    cr_assert(has(v->flags, AN_BF_ANNEXB_VAR));
    cr_assert_eq(v->scope->kind, AN_SCOPE_FUNCTION);
    AnBinding *block = t_binding(&c, "g", 1);
    cr_assert_eq(block->kind, AN_BIND_FUNCTION);
    cr_assert(has(block->flags, AN_BF_ANNEXB | AN_BF_LEXICAL));
    cr_assert_eq(block->annexb_var, v);
    cr_assert_eq(block->scope->kind, AN_SCOPE_BLOCK);
    cr_assert_eq(t_ref(&c, "g", 2)->binding, v);
    AnBinding *h = t_binding(&c, "h", 0);
    cr_assert(has(h->flags, AN_BF_ANNEXB), "if-statement functions are hoisted too (B.3.4)");
    t_free(&c);
}

Test(scope, annex_b_skips_strict_code_and_conflicting_names) {
    // The last `g` of each case is the use after the block.
    const struct {
        const char *src;
        int use;
    } cases[] = {
        {"'use strict'; function f() { { function g() {} } g; }", 1},
        {"function f() { let g; { function g() {} } g; }", 2},
        {"function f(g) { { function g() {} } g; }", 2},
        {"function f() { { let g; { function g() {} } } g; }", 2},
        {"function f() { try {} catch ([g]) { { function g() {} } } g; }", 2},
        {"function f() { { async function g() {} } g; }", 1},
        {"function f() { { function* g() {} } g; }", 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        TCtx c = t_analyze(cases[i].src, 0);
        t_clean(&c);
        AnRef *r = t_ref(&c, "g", cases[i].use);
        cr_assert(!r->binding || r->binding->kind != AN_BIND_VAR || !has(r->binding->flags, AN_BF_ANNEXB_VAR),
                  "case %zu: not hoisted", i);
        t_free(&c);
    }
    TCtx c = t_analyze("function f() { try {} catch (g) { { function g() {} } } g; }", 0);
    cr_assert(has(t_ref(&c, "g", 2)->binding->flags, AN_BF_ANNEXB_VAR),
              "a simple catch parameter does not block hoisting (B.3.4)");
    t_free(&c);
    c = t_analyze("{ function g() {} } g;", T_MODULE);
    cr_assert_null(t_ref(&c, "g", 1)->binding, "modules have no Annex B");
    t_free(&c);
    c = t_analyze("{ function g() {} } g;", T_NO_ANNEX_B);
    cr_assert_null(t_ref(&c, "g", 1)->binding, "annex_b option off");
    t_free(&c);
}

Test(scope, duplicate_block_functions_are_one_binding_in_sloppy_code) {
    TCtx c = t_analyze("{ function a() {} function a() {} }", 0);
    t_clean(&c);
    AnBinding *a = t_binding(&c, "a", 0);
    cr_assert_eq(t_binding(&c, "a", 1), a);
    cr_assert(has(a->flags, AN_BF_REDECLARED));
    t_free(&c);
}

// ---------------------------------------------------------------------------
// eval and with.

Test(scope, direct_eval_taints_enclosing_scopes_and_captures_their_bindings) {
    TCtx c = t_analyze("function outer() { var a; let b; function inner() { var c; eval('x'); } }", 0);
    t_clean(&c);
    AnScope *inner = t_binding(&c, "c", 0)->scope;
    AnScope *outer = t_binding(&c, "a", 0)->scope;
    cr_assert(has(inner->flags, AN_SF_HAS_EVAL | AN_SF_EVAL_TAINTED | AN_SF_DYNAMIC));
    cr_assert(has(inner->flags, AN_SF_USES_ARGUMENTS), "eval code may read arguments");
    cr_assert(has(outer->flags, AN_SF_EVAL_TAINTED));
    cr_assert(!has(outer->flags, AN_SF_HAS_EVAL | AN_SF_DYNAMIC));
    cr_assert(has(t_binding(&c, "a", 0)->flags, AN_BF_CAPTURED));
    cr_assert(has(t_binding(&c, "b", 0)->flags, AN_BF_CAPTURED));
    cr_assert(has(t_binding(&c, "c", 0)->flags, AN_BF_CAPTURED));
    cr_assert(has(c.res->root->flags, AN_SF_EVAL_TAINTED));
    t_free(&c);
}

Test(scope, sloppy_eval_makes_references_through_its_function_dynamic) {
    TCtx c = t_analyze("var g = 1; function f() { var own; g; own; eval(s); }\nfunction h() { 'use strict'; g; eval(s); }",
                       0);
    t_clean(&c);
    cr_assert(has(t_ref(&c, "g", 1)->flags, AN_REF_DYNAMIC), "eval may declare a var g in f");
    cr_assert(!has(t_ref(&c, "own", 1)->flags, AN_REF_DYNAMIC));
    cr_assert(!has(t_ref(&c, "g", 2)->flags, AN_REF_DYNAMIC), "strict eval declares nothing outside");
    cr_assert(!has(an_scope_at(c.res, t_off(&c, "h", 0) + 5)->flags, AN_SF_DYNAMIC));
    t_free(&c);
}

Test(scope, optional_call_of_eval_is_not_direct) {
    TCtx c = t_analyze("function f() { eval?.('x'); (0, eval)('y'); }", 0);
    t_clean(&c);
    cr_assert(!has(c.res->root->flags, AN_SF_EVAL_TAINTED));
    t_free(&c);
}

Test(scope, with_makes_references_that_leave_it_dynamic) {
    TCtx c = t_analyze("function f(o) { var a; with (o) { let b; a; b; c; } a; }", 0);
    t_clean(&c);
    cr_assert(has(t_ref(&c, "a", 1)->flags, AN_REF_DYNAMIC));
    cr_assert(!has(t_ref(&c, "b", 1)->flags, AN_REF_DYNAMIC), "declared inside the with body");
    cr_assert(has(t_ref(&c, "c", 0)->flags, AN_REF_DYNAMIC));
    cr_assert(!has(t_ref(&c, "a", 2)->flags, AN_REF_DYNAMIC));
    AnScope *fs = t_binding(&c, "a", 0)->scope;
    cr_assert(has(fs->flags, AN_SF_CONTAINS_WITH));
    t_free(&c);
}

// ---------------------------------------------------------------------------
// JSX, recovery.

Test(scope, jsx_component_names_are_references) {
    TCtx c = t_analyze("import Foo from 'f'; const ui = { Bar: 1 };\n<Foo a={ui}><div/><ui.Bar/></Foo>;",
                       T_MODULE | T_JSX);
    t_clean(&c);
    cr_assert_eq(t_binding(&c, "Foo", 0)->nrefs, 2, "opening and closing tags");
    cr_assert_eq(t_binding(&c, "ui", 0)->nrefs, 3, "initialization, attribute, member tag");
    t_free(&c);
}

Test(scope, error_recovered_trees_are_analyzed) {
    const char *cases[] = {
        "function f( { let x = ; return x",
        "class { #a; m() { this.#a } ",
        "for (let of ) { var }",
        "if (a) let b = c; b;",
        "let = ; const { a, ...",
        "x = => y; try { } catch",
        "switch (x) { case : let y; default",
        "import { a as } from; export { b",
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        TCtx c = t_analyze(cases[i], i >= 7 ? T_MODULE : 0);
        cr_assert_not_null(c.res->root);
        t_free(&c);
    }
}

// ---------------------------------------------------------------------------
// Queries.

Test(scope, queries_by_offset_and_node) {
    TCtx c = t_analyze("function f(a) {\n  let b = a;\n  return b;\n}\nf(1);", 0);
    t_clean(&c);
    AnBinding *b = t_binding(&c, "b", 0);
    uint32_t use = t_off(&c, "b", 1);
    cr_assert_eq(an_binding_at(c.res, use), b);
    cr_assert_eq(an_binding_at(c.res, use + 1), b, "cursor right after the name");
    cr_assert_null(an_binding_at(c.res, t_off(&c, "return", 0) + 2));
    AnScope *s = an_scope_at(c.res, use);
    cr_assert_eq(s, b->scope);
    cr_assert_eq(s->kind, AN_SCOPE_FUNCTION);
    cr_assert_eq(an_scope_at(c.res, t_off(&c, "f", 1)), c.res->root);
    cr_assert_eq(an_scope_lookup(s, "a", 1), t_binding(&c, "a", 0));
    cr_assert_eq(an_scope_lookup(s, "f", 1), t_binding(&c, "f", 0));
    cr_assert_null(an_scope_lookup(s, "nope", 4));
    AnRef *r = t_ref(&c, "b", 1);
    cr_assert_eq(an_ref_of_node(c.res, r->node), r);
    cr_assert_eq(an_binding_of_node(c.res, r->node), b);
    cr_assert_eq(an_binding_of_node(c.res, b->id), b);
    cr_assert_eq(b->nrefs, 2);
    cr_assert_eq(b->refs, r, "newest first");
    cr_assert_eq(r->next_for_binding->node, b->id, "then the initialization");
    cr_assert_eq(an_scope_of_node(c.res, c.parse->root), c.res->root);
    t_free(&c);
}

typedef struct Count {
    unsigned n;
    const AnScope *scope;
} Count;

static bool count_ref(AnRef *r, void *ctx) {
    Count *k = ctx;
    cr_assert(!k->scope || r->scope == k->scope);
    k->n++;
    return true;
}

Test(scope, reference_iteration_by_file_and_scope) {
    TCtx c = t_analyze("a; function f() { b; c; { let d; d; } } e;", 0);
    Count all = {0, NULL};
    an_for_each_ref(c.res, count_ref, &all);
    cr_assert_eq(all.n, 5);
    AnScope *fs = an_scope_at(c.res, t_off(&c, "b", 0));
    Count in_f = {0, fs};
    an_scope_for_each_ref(c.res, fs, count_ref, &in_f);
    cr_assert_eq(in_f.n, 2, "b and c, not d of the inner block");
    t_free(&c);
}

Test(scope, dump_lists_scopes_bindings_and_unresolved_references) {
    TCtx c = t_analyze("let x = 1; function f() { return x + y; }", 0);
    OchBuf out = {0};
    an_result_dump(c.res, &out);
    const char *want = "global [0,41)\n"
                       "  let x lexical tdz captured read refs: 4:w:init 33:r:tdz:closure\n"
                       "  function f\n"
                       "  function [11,41) closure\n"
                       "unresolved: y 37:r\n";
    cr_assert_str_eq(out.data, want);
    och_buf_free(&out);
    t_free(&c);
}
