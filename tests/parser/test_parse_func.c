// Parser: functions (declarations, expressions, generators, async,
// parameters and their restrictions) and classes (members, accessors,
// fields, static blocks, constructors, private names, heritage).
#include "test_parse_util.h"

Test(parse_func, function_forms) {
    TREE("function f(a, b = 1, ...c) {} (function () {}); (function* g() {}); "
         "async function h() {} (async function* () {});",
         "(Program (FunctionDeclaration f a (AssignmentPattern b 1) (RestElement c) (BlockStatement)) "
         "(ExpressionStatement (FunctionExpression paren (BlockStatement))) (ExpressionStatement "
         "(FunctionExpression gen paren g (BlockStatement))) (FunctionDeclaration async h "
         "(BlockStatement)) (ExpressionStatement (FunctionExpression async gen paren "
         "(BlockStatement))))");
    PsParse *r = tp_parse("function f(a, b) {} function g([a]) {}", TP_SCRIPT, false);
    PsList *body = &PS_AS(PsListNode, r->root)->items;
    cr_expect(body->items[0]->flags & PS_NF_SIMPLE_PARAMS);
    cr_expect(!(body->items[1]->flags & PS_NF_SIMPLE_PARAMS));
    tp_free(r);
    ERR("function () {}", "E0101");
    ERR("function f(...a, b) {}", "E0118");
    ERR("function f(...a = 1) {}", "E0119");
    ERR("function f(a,,b) {}", "E0101");
    OK("function f(a, a) {}");  // sloppy, simple parameters
    ERR("function f(a, [a]) {}", "E0161");
    ERR_STRICT("function f(a, a) {}", "E0161");
    ERR("(function* yield() {});", "E0110");
    ERR("(async function await() {});", "E0109");
    OK("function* yield() {} async function await() {}");
    ERR("function* g() { function yield() {} }", "E0110");
}

Test(parse_func, method_parameters_are_unique) {
    ERR("x = { m(a, a) {} };", "E0161");
    ERR("class A { m(a, a) {} }", "E0161");
}

Test(parse_func, class_members) {
    TREE("class A extends B { constructor() {} static m() {} get a() {} set a(v) {} *g() {} "
         "async h() {} static async *i() {} [j]() {} 'k'() {} 1() {} }",
         "(Program (ClassDeclaration A B (ClassBody (MethodDefinition:constructor constructor "
         "(FunctionExpression (BlockStatement))) (MethodDefinition static m (FunctionExpression "
         "(BlockStatement))) (MethodDefinition:get a (FunctionExpression (BlockStatement))) "
         "(MethodDefinition:set a (FunctionExpression v (BlockStatement))) (MethodDefinition g "
         "(FunctionExpression gen (BlockStatement))) (MethodDefinition h (FunctionExpression async "
         "(BlockStatement))) (MethodDefinition static i (FunctionExpression async gen "
         "(BlockStatement))) (MethodDefinition computed j (FunctionExpression (BlockStatement))) "
         "(MethodDefinition 'k' (FunctionExpression (BlockStatement))) (MethodDefinition 1 "
         "(FunctionExpression (BlockStatement))))))");
    TREE("class A { a; b = 1; static c; [d] = 2; #e = 3; static { f; } }",
         "(Program (ClassDeclaration A (ClassBody (PropertyDefinition a) (PropertyDefinition b 1) "
         "(PropertyDefinition static c) (PropertyDefinition computed d 2) (PropertyDefinition #e 3) "
         "(StaticBlock (ExpressionStatement f)))))");
    // Modifier words used as member names.
    TREE("class A { static; get; set = 1; async; static static() {} get\nx() {} async\nm() {} }",
         "(Program (ClassDeclaration A (ClassBody (PropertyDefinition static) (PropertyDefinition "
         "get) (PropertyDefinition set 1) (PropertyDefinition async) (MethodDefinition static static "
         "(FunctionExpression (BlockStatement))) (MethodDefinition:get x (FunctionExpression "
         "(BlockStatement))) (PropertyDefinition async) (MethodDefinition m (FunctionExpression "
         "(BlockStatement))))))");
    TREE("x = class {};", "(Program (ExpressionStatement (AssignmentExpression:= x (ClassExpression "
                          "(ClassBody)))))");
}

Test(parse_func, class_member_ranges) {
    PsParse *r = tp_parse("class A { x = 1; m() {} }", TP_SCRIPT, false);
    PsNode *f = tp_find(r->root, PS_NODE_PROPERTY_DEF);
    cr_expect_eq(f->start, 10);
    cr_expect_eq(f->end, 16);  // a field includes its ';'
    PsNode *m = tp_find(r->root, PS_NODE_METHOD_DEF);
    PsNode *fn = PS_AS(PsClassMember, m)->value;
    cr_expect_eq(fn->start, 18);  // a method's function starts at '('
    tp_free(r);
}

Test(parse_func, class_errors) {
    ERR("class A { constructor() {} constructor() {} }", "E0152");
    ERR("class A { get constructor() {} }", "E0153");
    ERR("class A { *constructor() {} }", "E0153");
    ERR("class A { async constructor() {} }", "E0153");
    ERR("class A { static prototype() {} }", "E0154");
    ERR("class A { static prototype = 1 }", "E0154");
    ERR("class A { constructor = 1 }", "E0155");
    ERR("class A { 'constructor' }", "E0155");
    OK("class A { static constructor() {} ['constructor'] = 1; prototype() {} }");
    ERR("class A { x = arguments; }", "E0160");
    ERR("class A { static { arguments; } }", "E0160");
    ERR("class A { x = () => arguments; }", "E0160");
    OK("class A { x = function () { arguments; }; }");
    ERR("class A { static { await; } }", "E0176");
    ERR("class A { static { var await; } }", "E0109");
    ERR("async function f() { class A { static { await 1; } } }", "E0176");
    ERR("class A { static { return; } }", "E0137");
    ERR("class A { m() { var yield; } }", "E0107");  // class bodies are strict
    ERR("class yield {}", "E0107");
    ERR("class A extends B, C {}", "E0101");
    ERR("class {}", "E0101");
    ERR("class A { x y }", "E0104");
    ERR("class A { get x(a) {} }", "E0150");
    ERR("class A { set x(a, b) {} }", "E0151");
}

Test(parse_func, private_names) {
    OK("class A { #a; #b() {} get #c() {} set #c(v) {} static #d; m() { this.#a; this?.#b; #c in "
       "this; } }");
    OK("class A { m() { this.#a; } #a; }");  // declared after use
    OK("class A { #a; m() { class B { n() { this.#a; } } } }");  // from an enclosing class
    ERR("class A { #a; #a; }", "E0156");
    ERR("class A { get #a() {} get #a() {} }", "E0156");
    ERR("class A { get #a() {} static set #a(v) {} }", "E0156");
    ERR("class A { get #a() {} set #a(v) {} #a; }", "E0156");
    ERR("class A { m() { this.#b; } }", "E0157");
    ERR("this.#a;", "E0157");
    ERR("class A { #constructor; }", "E0158");
    ERR("class A { #a; m() { delete this.#a; } }", "E0133");
    ERR("class A extends B { #a; m() { super.#a; } }", "E0186");
    ERR("class A { #a; static m() { class B extends this.#b {} } }", "E0157");
}

Test(parse_func, decorators_behind_the_option) {
    TpOpts dec = {false, false, true, false};
    tp_check_tree("@a @b.c @d(e) class A { @f m() {} @g accessor x = 1; }", dec,
                  "(Program (ClassDeclaration (Decorator a) (Decorator (MemberExpression b c)) "
                  "(Decorator (CallExpression d e)) A (ClassBody (MethodDefinition (Decorator f) m "
                  "(FunctionExpression (BlockStatement))) (AccessorProperty (Decorator g) x 1))))");
    ERR("@a class A {}", "E0172");
    // Without the option `accessor` is an ordinary field name.
    TREE("class A { accessor; }", "(Program (ClassDeclaration A (ClassBody (PropertyDefinition "
                                  "accessor))))");
}
