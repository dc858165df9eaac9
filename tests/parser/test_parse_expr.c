// Parser: expressions (precedence, operators, literals, templates, member
// and call chains, optional chaining, new, arrows and their cover grammar,
// object and array literals, destructuring assignment, yield and await).
#include "test_parse_util.h"

Test(parse_expr, binary_precedence_and_associativity) {
    TREE("a + b * c - d;",
         "(Program (ExpressionStatement (BinaryExpression:- (BinaryExpression:+ a "
         "(BinaryExpression:* b c)) d)))");
    TREE("a ** b ** c;",
         "(Program (ExpressionStatement (BinaryExpression:** a (BinaryExpression:** b c))))");
    TREE("a || b && c | d ^ e & f == g < h << i + j * k;",
         "(Program (ExpressionStatement (LogicalExpression:|| a (LogicalExpression:&& b "
         "(BinaryExpression:| c (BinaryExpression:^ d (BinaryExpression:& e (BinaryExpression:== f "
         "(BinaryExpression:< g (BinaryExpression:<< h (BinaryExpression:+ i "
         "(BinaryExpression:* j k))))))))))))");
    TREE("a in b instanceof c;",
         "(Program (ExpressionStatement (BinaryExpression:instanceof (BinaryExpression:in a b) c)))");
    TREE("a ?? b ?? c;",
         "(Program (ExpressionStatement (LogicalExpression:?\? (LogicalExpression:?\? a b) c)))");
}

Test(parse_expr, nullish_cannot_mix_with_logical) {
    ERR("a ?? b || c;", "E0123");
    ERR("a || b ?? c;", "E0123");
    ERR("a && b ?? c;", "E0123");
    ERR("a ?? b && c;", "E0123");
    OK("(a ?? b) || c; a ?? (b || c); (a && b) ?? c;");
}

Test(parse_expr, exponent_after_unary_is_an_error) {
    ERR("-a ** b;", "E0122");
    ERR("typeof a ** b;", "E0122");
    ERR("async function f() { await a ** b; }", "E0122");
    OK("(-a) ** b; a ** -b; -(a ** b); (await_ => 1); ++a ** 2; a++ ** 2;");
}

Test(parse_expr, unary_update_and_postfix) {
    TREE("!-~+a; ++a; a--; typeof void delete a.b;",
         "(Program (ExpressionStatement (UnaryExpression:! (UnaryExpression:- (UnaryExpression:~ "
         "(UnaryExpression:+ a))))) (ExpressionStatement (UpdateExpression:++ prefix a)) "
         "(ExpressionStatement (UpdateExpression:-- a)) (ExpressionStatement (UnaryExpression:typeof "
         "(UnaryExpression:void (UnaryExpression:delete (MemberExpression a b))))))");
    // A line break before ++ ends the statement (restricted production).
    TREE("a\n++b",
         "(Program (ExpressionStatement a) (ExpressionStatement (UpdateExpression:++ prefix b)))");
    ERR("++a++;", "E0113");
    ERR("(a + b)++;", "E0113");
    ERR("a?.b++;", "E0113");
    ERR_STRICT("delete x;", "E0132");
    ERR_STRICT("delete (x);", "E0132");
    ERR_STRICT("arguments++;", "E0162");
}

Test(parse_expr, literals) {
    TREE("null; true; false; 1.5e3; 0x1F; 10n; 'a'; \"b\"; /re/gi; this;",
         "(Program (ExpressionStatement null) (ExpressionStatement true) (ExpressionStatement false) "
         "(ExpressionStatement 1.5e3) (ExpressionStatement 0x1F) (ExpressionStatement 10n) "
         "(ExpressionStatement 'a') (ExpressionStatement \"b\") (ExpressionStatement /re/gi) "
         "(ExpressionStatement (ThisExpression)))");
    PsParse *r = tp_parse("x = 'a\\x41'", TP_SCRIPT, false);
    PsNode *lit = tp_find(r->root, PS_NODE_LITERAL);
    cr_assert(lit);
    cr_expect_eq(lit->op, PS_LIT_STRING);
    cr_expect_eq(lit->aux, 2);
    cr_expect(memcmp(PS_AS(PsLiteral, lit)->u.str, "aA", 2) == 0);
    tp_free(r);
    r = tp_parse("x = 0.25", TP_SCRIPT, false);
    lit = tp_find(r->root, PS_NODE_LITERAL);
    cr_expect(lit->op == PS_LIT_NUMBER && PS_AS(PsLiteral, lit)->u.number == 0.25);
    tp_free(r);
}

Test(parse_expr, regex_versus_division) {
    TREE("a / b / c;",
         "(Program (ExpressionStatement (BinaryExpression:/ (BinaryExpression:/ a b) c)))");
    TREE("x = /=/g; y = a /= 2;",
         "(Program (ExpressionStatement (AssignmentExpression:= x /=/g)) (ExpressionStatement "
         "(AssignmentExpression:= y (AssignmentExpression:/= a 2))))");
    TREE("f(/a/); [/b/]; !/c/.test(d);",
         "(Program (ExpressionStatement (CallExpression f /a/)) (ExpressionStatement "
         "(ArrayExpression /b/)) (ExpressionStatement (UnaryExpression:! (CallExpression "
         "(MemberExpression /c/ test) d))))");
}

Test(parse_expr, templates) {
    TREE("`a${b}c${d}e`;",
         "(Program (ExpressionStatement (TemplateLiteral `a` b `c` d `e`)))");
    TREE("tag`x\\u{`;", "(Program (ExpressionStatement (TaggedTemplateExpression tag "
                        "(TemplateLiteral `x\\u{`/nocooked))))");
    ERR("`x\\u{`;", "E0020");
    TREE("`${`${a}`}`;", "(Program (ExpressionStatement (TemplateLiteral `` (TemplateLiteral `` a "
                         "``) ``)))");
}

Test(parse_expr, template_element_ranges_exclude_delimiters) {
    PsParse *r = tp_parse("`ab${c}de`", TP_SCRIPT, false);
    PsNode *t = tp_find(r->root, PS_NODE_TEMPLATE_LITERAL);
    PsTemplate *tl = PS_AS(PsTemplate, t);
    cr_assert_eq(tl->quasis.count, 2);
    cr_expect_eq(tl->quasis.items[0]->start, 1);
    cr_expect_eq(tl->quasis.items[0]->end, 3);
    cr_expect_eq(tl->quasis.items[1]->start, 7);
    cr_expect_eq(tl->quasis.items[1]->end, 9);
    cr_expect(tl->quasis.items[1]->flags & PS_NF_TAIL);
    tp_free(r);
}

Test(parse_expr, member_call_new) {
    TREE("a.b[c](d, ...e).f;",
         "(Program (ExpressionStatement (MemberExpression (CallExpression (MemberExpression computed "
         "(MemberExpression a b) c) d (SpreadElement e)) f)))");
    TREE("new A; new A.b(c); new new A()(); new (f())();",
         "(Program (ExpressionStatement (NewExpression A)) (ExpressionStatement (NewExpression "
         "(MemberExpression A b) c)) (ExpressionStatement (NewExpression (NewExpression A))) "
         "(ExpressionStatement (NewExpression (CallExpression paren f))))");
    TREE("a.if.class;", "(Program (ExpressionStatement (MemberExpression (MemberExpression a if) "
                        "class)))");
}

Test(parse_expr, optional_chaining_is_wrapped_in_chain_expression) {
    TREE("a?.b.c;", "(Program (ExpressionStatement (ChainExpression (MemberExpression "
                    "(MemberExpression opt a b) c))))");
    TREE("a?.[b]?.(c);", "(Program (ExpressionStatement (ChainExpression (CallExpression opt "
                         "(MemberExpression computed opt a b) c))))");
    TREE("(a?.b).c;", "(Program (ExpressionStatement (MemberExpression (ChainExpression paren "
                      "(MemberExpression opt a b)) c)))");
    ERR("a?.b`t`;", "E0124");
    ERR("new a?.b();", "E0125");
    ERR("a?.b = 1;", "E0113");
    TREE("x ? .5 : 1;", "(Program (ExpressionStatement (ConditionalExpression x .5 1)))");
}

Test(parse_expr, chain_expression_range_spans_the_chain) {
    PsParse *r = tp_parse("x = a?.b.c(d);", TP_SCRIPT, false);
    PsNode *c = tp_find(r->root, PS_NODE_CHAIN_EXPR);
    cr_assert(c);
    cr_expect_eq(c->start, 4);
    cr_expect_eq(c->end, 13);
    tp_free(r);
}

Test(parse_expr, parenthesized_keeps_inner_range) {
    PsParse *r = tp_parse("x = ((a + b));", TP_SCRIPT, false);
    PsNode *b = tp_find(r->root, PS_NODE_BINARY_EXPR);
    cr_expect_eq(b->start, 6);
    cr_expect_eq(b->end, 11);
    cr_expect(b->flags & PS_NF_PARENTHESIZED);
    tp_free(r);
    r = tp_parse("(a, b).c", TP_SCRIPT, false);
    PsNode *m = tp_find(r->root, PS_NODE_MEMBER_EXPR);
    cr_expect_eq(m->start, 0);  // the member expression starts at '('
    PsNode *seq = tp_find(r->root, PS_NODE_SEQUENCE_EXPR);
    cr_expect_eq(seq->start, 1);
    cr_expect_eq(seq->end, 5);
    tp_free(r);
}

Test(parse_expr, conditional_and_sequence) {
    TREE("a ? b : c ? d : e;",
         "(Program (ExpressionStatement (ConditionalExpression a b (ConditionalExpression c d e))))");
    TREE("a, b = c, d;", "(Program (ExpressionStatement (SequenceExpression a "
                         "(AssignmentExpression:= b c) d)))");
}

Test(parse_expr, assignment_operators) {
    TREE("a = b += c **= d ||= e &&= f ?\?= g;",
         "(Program (ExpressionStatement (AssignmentExpression:= a (AssignmentExpression:+= b "
         "(AssignmentExpression:**= c (AssignmentExpression:||= d (AssignmentExpression:&&= e "
         "(AssignmentExpression:?\?= f g))))))))");
    ERR("a + b = c;", "E0113");
    ERR("f() &&= 1;", "E0113");
    OK("f() = 1; f() += 1; f()++;");  // Annex B web compatibility (sloppy)
    ERR_STRICT("f() = 1;", "E0113");
    ERR_STRICT("eval = 1;", "E0162");
    ERR("(a = 1) = 2;", "E0113");
    OK("(a) = 1; (a.b) = 1; [(a)] = 1;");
}

Test(parse_expr, object_literals) {
    TREE("x = {a, b: 1, [c]: 2, d() {}, get e() {}, set e(v) {}, async *f() {}, ...g, 'h': 3, 4: 5};",
         "(Program (ExpressionStatement (AssignmentExpression:= x (ObjectExpression "
         "(Property short a) (Property b 1) (Property computed c 2) (Property method d "
         "(FunctionExpression (BlockStatement))) (Property:get e (FunctionExpression "
         "(BlockStatement))) (Property:set e (FunctionExpression v (BlockStatement))) (Property "
         "method f (FunctionExpression async gen (BlockStatement))) (SpreadElement g) (Property "
         "'h' 3) (Property 4 5)))))");
    TREE("x = {get, set, async, get: 1, async() {}};",
         "(Program (ExpressionStatement (AssignmentExpression:= x (ObjectExpression (Property short "
         "get) (Property short set) (Property short async) (Property get 1) (Property method async "
         "(FunctionExpression (BlockStatement)))))))");
    ERR("x = {a = 1};", "E0115");
    ERR("f({a = 1});", "E0115");
    ERR("({a = 1}).b = 1;", "E0115");
    ERR("x = {__proto__: 1, __proto__: 2};", "E0116");
    OK("x = {__proto__: 1, ['__proto__']: 2, __proto__() {}}; ({__proto__: a, __proto__: b} = c);");
    ERR("x = {get a(b) {}};", "E0150");
    ERR("x = {set a() {}};", "E0151");
    ERR("x = {set a(...b) {}};", "E0151");
    ERR("x = {if};", "E0105");
}

Test(parse_expr, array_literals_with_holes_and_spread) {
    TREE("x = [, a, , ...b, ];",
         "(Program (ExpressionStatement (AssignmentExpression:= x (ArrayExpression _ a _ "
         "(SpreadElement b)))))");
}

Test(parse_expr, destructuring_assignment) {
    TREE("[a, [b = 1], ...c] = d;",
         "(Program (ExpressionStatement (AssignmentExpression:= (ArrayPattern a (ArrayPattern "
         "(AssignmentPattern b 1)) (RestElement c)) d)))");
    TREE("({a, b: c.d, e = 1, ...f} = g);",
         "(Program (ExpressionStatement (AssignmentExpression:= paren (ObjectPattern (Property short "
         "a) (Property b (MemberExpression c d)) (Property short (AssignmentPattern e 1)) "
         "(RestElement f)) g)))");
    ERR("[...a, b] = c;", "E0117");
    ERR("[...a,] = c;", "E0118");
    ERR("[...a = 1] = c;", "E0119");
    ERR("({...{a}} = c);", "E0184");
    ERR("({a() {}} = c);", "E0114");
    ERR("[a + 1] = c;", "E0114");
    ERR("([a]) = c;", "E0114");
    ERR_STRICT("[eval] = c;", "E0162");
    ERR_STRICT("({arguments} = c);", "E0162");
    ERR_STRICT("({eval = 1} = c);", "E0162");
}

Test(parse_expr, arrow_functions) {
    TREE("x = a => a;", "(Program (ExpressionStatement (AssignmentExpression:= x "
                        "(ArrowFunctionExpression exprbody a a))))");
    TREE("x = (a, [b], {c} = d, ...e) => {};",
         "(Program (ExpressionStatement (AssignmentExpression:= x (ArrowFunctionExpression a "
         "(ArrayPattern b) (AssignmentPattern (ObjectPattern (Property short c)) d) (RestElement "
         "e) (BlockStatement)))))");
    TREE("x = () => ({});", "(Program (ExpressionStatement (AssignmentExpression:= x "
                            "(ArrowFunctionExpression exprbody (ObjectExpression paren)))))");
    TREE("x = (a,) => a;", "(Program (ExpressionStatement (AssignmentExpression:= x "
                           "(ArrowFunctionExpression exprbody a a))))");
    TREE("x = a => b => c;", "(Program (ExpressionStatement (AssignmentExpression:= x "
                             "(ArrowFunctionExpression exprbody a (ArrowFunctionExpression exprbody "
                             "b c)))))");
    ERR("x = (a)\n=> a;", "E0121");
    ERR("x = ((a)) => a;", "E0120");
    ERR("x = (a + b) => a;", "E0120");
    ERR("x = (...a, b) => a;", "E0118");
    ERR("x = (a, a) => a;", "E0161");
    ERR("x = () => {} + 1;", "E0177");
    ERR("x = (a, ...b);", "E0103");
    ERR("x = ();", "E0103");
    ERR("function* g() { (a = yield) => a; }", "E0111");
    ERR("async function f() { (a = await b) => a; }", "E0112");
    ERR("x = (a) => { 'use strict'; }; y = (a = 1) => { 'use strict'; };", "E0135");
    ERR_STRICT("x = eval => 1;", "E0162");
    ERR("a + b => c;", "E0104");
}

Test(parse_expr, async_arrows_and_calls) {
    TREE("async(a, b);", "(Program (ExpressionStatement (CallExpression async a b)))");
    TREE("x = async (a, b) => a;", "(Program (ExpressionStatement (AssignmentExpression:= x "
                                   "(ArrowFunctionExpression async exprbody a b a))))");
    TREE("x = async a => a;", "(Program (ExpressionStatement (AssignmentExpression:= x "
                              "(ArrowFunctionExpression async exprbody a a))))");
    TREE("x = async\n(a);", "(Program (ExpressionStatement (AssignmentExpression:= x "
                           "(CallExpression async a))))");
    TREE("async; async.x; async\nfunction f() {}",
         "(Program (ExpressionStatement async) (ExpressionStatement (MemberExpression async x)) "
         "(ExpressionStatement async) (FunctionDeclaration f (BlockStatement)))");
    ERR("x = async (await) => 1;", "E0109");
    ERR("x = async (a = await 1) => 1;", "E0102");  // `await` is an identifier here
    ERR("async function f() { async (a = await 1) => 1; }", "E0112");
    ERR("x = async\n(a) => a;", "E0182");
    ERR("async await => 1;", "E0109");
    OK("async(await); async({a: await});");
}

Test(parse_expr, yield_and_await) {
    TREE("function* g() { yield; yield a; yield* b; yield\nc; }",
         "(Program (FunctionDeclaration gen g (BlockStatement (ExpressionStatement (YieldExpression)) "
         "(ExpressionStatement (YieldExpression a)) (ExpressionStatement (YieldExpression delegate "
         "b)) (ExpressionStatement (YieldExpression)) (ExpressionStatement c))))");
    TREE("async function f() { await a; }",
         "(Program (FunctionDeclaration async f (BlockStatement (ExpressionStatement "
         "(AwaitExpression a)))))");
    OK("var yield, await; yield = await + 1; function f(yield) {}");
    TREE_M("await a;", "(Program:module (ExpressionStatement (AwaitExpression a)))");
    ERR_STRICT("var yield;", "E0107");
    ERR("function* g() { var yield; }", "E0110");
    ERR("function* g(a = yield) {}", "E0111");
    ERR("async function f(a = await 1) {}", "E0112");
    ERR_M("var await;", "E0109");
    ERR_M("function f() { await; }", "E0109");
    ERR("async function f() { var await; }", "E0109");
    ERR("function f() { await g(); }", "E0108");
}

Test(parse_expr, new_target_import_meta_super) {
    OK("function f() { new.target; () => new.target; }");
    ERR("new.target;", "E0126");
    ERR("new.foo;", "E0101");
    OK_M("import.meta.url;");
    ERR("import.meta;", "E0127");
    OK("x = { m() { super.m(); } }; class A extends B { constructor() { super(); } }");
    ERR("function f() { super.x; }", "E0129");
    ERR("class A { constructor() { super(); } }", "E0128");
    ERR("class A extends B { m() { super(); } }", "E0128");
    ERR("class A extends B { m() { super; } }", "E0130");
}

Test(parse_expr, dynamic_import) {
    TREE("import(a); import(a, b); import(a, b,);",
         "(Program (ExpressionStatement (ImportExpression a)) (ExpressionStatement (ImportExpression "
         "a b)) (ExpressionStatement (ImportExpression a b)))");
    ERR("import();", "E0167");
    ERR("import(...a);", "E0167");
    ERR("import(a, b, c);", "E0167");
    ERR("new import(a);", "E0173");
    ERR("import.source('x');", "E0101");
}

Test(parse_expr, in_operator_in_for_init) {
    TREE("for (var i = (a in b); ;);",
         "(Program (ForStatement (VariableDeclaration:var (VariableDeclarator i (BinaryExpression:in "
         "paren a b))) (EmptyStatement)))");
    // The arrow's body stops before `in`, which then makes a for-in loop
    // whose left side (an arrow function) is not assignable.
    ERR("for (x => x in y;;);", "E0113");
    TREE("for (x => (x in y);;);",
         "(Program (ForStatement (ArrowFunctionExpression exprbody x (BinaryExpression:in paren x "
         "y)) (EmptyStatement)))");
}

Test(parse_expr, private_in) {
    OK("class A { #x; m(o) { return #x in o; } }");
    ERR("class A { #x; m(o) { return 1 + #x in o; } }", "E0159");
    ERR("class A { #x; m() { #x; } }", "E0159");
}
