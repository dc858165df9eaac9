// Parser: statements and declarations (ASI and restricted productions,
// directives and strict mode, var/let/const/using, if/loops/for-in/of with
// their lookahead restrictions, switch, try, labels and jump targets,
// Annex B function declarations) and statement ranges.
#include "test_parse_util.h"

Test(parse_stmt, asi_and_restricted_productions) {
    TREE("a\nb", "(Program (ExpressionStatement a) (ExpressionStatement b))");
    TREE("function f() { return\na; }",
         "(Program (FunctionDeclaration f (BlockStatement (ReturnStatement) (ExpressionStatement a))))");
    TREE("x: while (1) { break\nx; continue\nx; }",
         "(Program (LabeledStatement x (WhileStatement 1 (BlockStatement (BreakStatement) "
         "(ExpressionStatement x) (ContinueStatement) (ExpressionStatement x)))))");
    TREE("do x; while (y) z", "(Program (DoWhileStatement (ExpressionStatement x) y) "
                             "(ExpressionStatement z))");
    TREE("a = b\n(c)", "(Program (ExpressionStatement (AssignmentExpression:= a (CallExpression b c))))");
    TREE("{ a } b", "(Program (BlockStatement (ExpressionStatement a)) (ExpressionStatement b))");
    ERR("a b", "E0104");
    ERR("throw\nx;", "E0100");
    ERR("for (a\n;b\n) {}", "E0101");  // no semicolon insertion in for headers
}

Test(parse_stmt, statement_ranges_include_semicolons) {
    PsParse *r = tp_parse("var a = 1;  a ;\nb", TP_SCRIPT, false);
    PsList *body = &PS_AS(PsListNode, r->root)->items;
    cr_assert_eq(body->count, 3);
    cr_expect_eq(body->items[0]->start, 0);
    cr_expect_eq(body->items[0]->end, 10);
    cr_expect_eq(body->items[1]->start, 12);
    cr_expect_eq(body->items[1]->end, 15);
    cr_expect_eq(body->items[2]->end, 17);
    cr_expect_eq(r->root->start, 0);
    cr_expect_eq(r->root->end, 17);
    tp_free(r);
}

Test(parse_stmt, directives_and_strict_mode) {
    TREE("'use strict'; 'b'\n'c'; d",
         "(Program (ExpressionStatement directive 'use strict') (ExpressionStatement directive 'b') "
         "(ExpressionStatement directive 'c') (ExpressionStatement d))");
    TREE("('a'); 'b';", "(Program (ExpressionStatement 'a'/paren) (ExpressionStatement 'b'))");
    PsParse *r = tp_parse("'use strict'; function f() { 'use strict' }", TP_SCRIPT, false);
    cr_expect(r->root->flags & PS_NF_STRICT);
    PsNode *f = tp_find(r->root, PS_NODE_FUNCTION_DECL);
    cr_expect(f->flags & PS_NF_STRICT);
    tp_free(r);
    ERR("'use strict'; with (a) b;", "E0136");
    ERR("function f() { 'use strict'; var static; }", "E0107");
    // A legacy octal escape before "use strict" in the same prologue.
    ERR("function f() { '\\07'; 'use strict'; }", "E0134");
    ERR("'\\07'; 'use strict';", "E0134");
    ERR("'use strict'; '\\07';", "E0134");  // scanned before the directive took effect
    ERR("'use strict'; a; '\\07';", "E0012");
    ERR("function f() { 'use strict'\n010 }", "E0134");
    OK("function f() { 'use strict' } 010; '\\07'");
    OK("'use\\x20strict'; with (a) b;");  // escaped: not the directive
    ERR("function f(a = 1) { 'use strict'; }", "E0135");
    ERR("function eval() { 'use strict'; }", "E0162");
    ERR("function f(eval) { 'use strict'; }", "E0162");
    ERR("function f(a, a) { 'use strict'; }", "E0161");
    ERR_M("with (a) b;", "E0136");
}

Test(parse_stmt, contextual_keywords_see_through_comments) {
    TREE("async /* c */ function f() {}", "(Program (FunctionDeclaration async f (BlockStatement)))");
    TREE("let /* c */ [a] = b;", "(Program (VariableDeclaration:let (VariableDeclarator "
                              "(ArrayPattern a) b)))");
    TREE("let /* c */ in1 = b;", "(Program (VariableDeclaration:let (VariableDeclarator in1 b)))");
    TREE("async function f() { await /* c */ using y = z; }",
         "(Program (FunctionDeclaration async f (BlockStatement (VariableDeclaration:await using "
         "(VariableDeclarator y z)))))");
    TREE("import /* c */ ('x');", "(Program (ExpressionStatement (ImportExpression 'x')))");
    TREE("let\tinstanceof x;", "(Program (ExpressionStatement (BinaryExpression:instanceof let x)))");
}

Test(parse_stmt, variable_declarations) {
    TREE("var a, b = 1; let [c] = d; const {e} = f;",
         "(Program (VariableDeclaration:var (VariableDeclarator a) (VariableDeclarator b 1)) "
         "(VariableDeclaration:let (VariableDeclarator (ArrayPattern c) d)) "
         "(VariableDeclaration:const (VariableDeclarator (ObjectPattern (Property short e)) f)))");
    ERR("const a;", "E0144");
    ERR("let [a];", "E0144");
    ERR("let let = 1;", "E0169");
    ERR("const [let] = 1;", "E0169");
    ERR_STRICT("var eval;", "E0162");
}

Test(parse_stmt, let_as_identifier_in_sloppy_code) {
    TREE("let = 1; let.x; let(1);",
         "(Program (ExpressionStatement (AssignmentExpression:= let 1)) (ExpressionStatement "
         "(MemberExpression let x)) (ExpressionStatement (CallExpression let 1)))");
    TREE("let\nx = 1", "(Program (VariableDeclaration:let (VariableDeclarator x 1)))");
    TREE("if (a) let\nx = 1", "(Program (IfStatement a (ExpressionStatement let)) "
                             "(ExpressionStatement (AssignmentExpression:= x 1)))");
    TREE("for (let in x);", "(Program (ForInStatement let x (EmptyStatement)))");
    ERR("if (a) let [x] = 1;", "E0175");
    ERR("if (a) let x = 1;", "E0143");
    ERR("for (let of x);", "E0101");
    ERR("for (let.x of y);", "E0146");
    ERR_STRICT("let = 1;", "E0107");
}

Test(parse_stmt, using_declarations) {
    TREE_M("using a = b, c = d;", "(Program:module (VariableDeclaration:using (VariableDeclarator a "
                                  "b) (VariableDeclarator c d)))");
    TREE("async function f() { await using a = b; for (await using x of y); }",
         "(Program (FunctionDeclaration async f (BlockStatement (VariableDeclaration:await using "
         "(VariableDeclarator a b)) (ForOfStatement (VariableDeclaration:await using "
         "(VariableDeclarator x)) y (EmptyStatement)))))");
    TREE("{ using\nx = 1 }", "(Program (BlockStatement (ExpressionStatement using) "
                            "(ExpressionStatement (AssignmentExpression:= x 1))))");
    OK("for (using of of [y]); for (using x of y); for (using x = a;;);");
    OK("{ using[x] = 1; }");  // element access of a variable named using
    ERR("using a = b;", "E0148");
    ERR("switch (x) { case 1: using a = b; }", "E0148");
    ERR("{ using a = 1, [b] = c; }", "E0149");
    ERR("{ using a; }", "E0144");
    ERR("for (using x in y);", "E0148");
    ERR("if (x) using a = b;", "E0143");
}

Test(parse_stmt, if_and_annex_b_functions) {
    TREE("if (a) b; else if (c) d; else e;",
         "(Program (IfStatement a (ExpressionStatement b) (IfStatement c (ExpressionStatement d) "
         "(ExpressionStatement e))))");
    TREE("if (a) function f() {}", "(Program (IfStatement a (FunctionDeclaration f "
                                   "(BlockStatement))))");
    ERR_STRICT("if (a) function f() {}", "E0143");
    ERR("if (a) function* f() {}", "E0143");
    ERR("if (a) async function f() {}", "E0143");
    ERR("while (a) function f() {}", "E0143");
    ERR("if (a) class C {}", "E0143");
    ERR("if (a) const x = 1;", "E0143");
    TREE("l: function f() {}", "(Program (LabeledStatement l (FunctionDeclaration f "
                               "(BlockStatement))))");
    ERR_STRICT("l: function f() {}", "E0170");
    ERR("while (a) l: function f() {}", "E0170");
    ERR("if (a) l: function f() {}", "E0170");
}

Test(parse_stmt, loops) {
    TREE("for (;;) {} for (var i = 0, j; i < n; i++) ; while (a) b; do c; while (d);",
         "(Program (ForStatement (BlockStatement)) (ForStatement (VariableDeclaration:var "
         "(VariableDeclarator i 0) (VariableDeclarator j)) (BinaryExpression:< i n) "
         "(UpdateExpression:++ i) (EmptyStatement)) (WhileStatement a (ExpressionStatement b)) "
         "(DoWhileStatement (ExpressionStatement c) d))");
    TREE("for (a in b); for (const [a] of b); for ([a, b] of c); for ({a} in b); for (a.b of c);",
         "(Program (ForInStatement a b (EmptyStatement)) (ForOfStatement (VariableDeclaration:const "
         "(VariableDeclarator (ArrayPattern a))) b (EmptyStatement)) (ForOfStatement (ArrayPattern "
         "a b) c (EmptyStatement)) (ForInStatement (ObjectPattern (Property short a)) b "
         "(EmptyStatement)) (ForOfStatement (MemberExpression a b) c (EmptyStatement)))");
    TREE("async function f() { for await (x of y); }",
         "(Program (FunctionDeclaration async f (BlockStatement (ForOfStatement await x y "
         "(EmptyStatement)))))");
    TREE("for (var x = 1 in y);", "(Program (ForInStatement (VariableDeclaration:var "
                                  "(VariableDeclarator x 1)) y (EmptyStatement)))");
    TREE("for (async of => {};;);", "(Program (ForStatement (ArrowFunctionExpression async of "
                                    "(BlockStatement)) (EmptyStatement)))");
    TREE("for ((async) of x);", "(Program (ForOfStatement async x (EmptyStatement)))");
    TREE("async function f() { for await (async of x); }",
         "(Program (FunctionDeclaration async f (BlockStatement (ForOfStatement await async x "
         "(EmptyStatement)))))");
    ERR("for (async of x);", "E0131");
    ERR_STRICT("for (var x = 1 in y);", "E0145");
    ERR("for (let x = 1 of y);", "E0145");
    ERR("for (var a, b of c);", "E0145");
    ERR("for (a + b of c);", "E0113");
    ERR("for (a, b of c);", "E0146");
    ERR("for (x of a, b);", "E0102");
    ERR("for await (x of y);", "E0147");
    ERR("async function f() { for await (x in y); }", "E0147");
    ERR("for (const x;;);", "E0144");
    OK("for (const x of y); for (const x in y); for (let [a] of b);");
}

Test(parse_stmt, switch_try_and_misc) {
    TREE("switch (a) { case 1: b; case 2: default: c; }",
         "(Program (SwitchStatement a (SwitchCase 1 (ExpressionStatement b)) (SwitchCase 2) "
         "(SwitchCase (ExpressionStatement c))))");
    ERR("switch (a) { default: default: }", "E0174");
    TREE("try {} catch (e) {} finally {} try {} catch {} try {} catch ([a]) {}",
         "(Program (TryStatement (BlockStatement) (CatchClause e (BlockStatement)) (BlockStatement)) "
         "(TryStatement (BlockStatement) (CatchClause (BlockStatement))) (TryStatement "
         "(BlockStatement) (CatchClause (ArrayPattern a) (BlockStatement))))");
    ERR("try {}", "E0101");
    ERR("try {} catch (e = 1) {}", "E0183");
    TREE("debugger; with (a) b; ;", "(Program (DebuggerStatement) (WithStatement a "
                                   "(ExpressionStatement b)) (EmptyStatement))");
    ERR("return;", "E0137");
}

Test(parse_stmt, labels_break_continue) {
    OK("a: b: for (;;) { continue a; break b; } c: { break c; } d: while (1) { e: { continue d; } }");
    ERR("a: a: ;", "E0141");
    ERR("break;", "E0138");
    ERR("continue;", "E0139");
    ERR("switch (a) { case 1: continue; }", "E0139");
    ERR("a: { continue a; }", "E0142");
    ERR("break a;", "E0140");
    ERR("a: { function f() { break a; } }", "E0140");
    ERR("while (1) { function f() { break; } }", "E0138");
    OK("a: { } a: { }");
    ERR("class C { static { while (1) { (() => { break; }); } } }", "E0138");
}

Test(parse_stmt, import_and_export_are_module_only) {
    ERR("import a from 'b';", "E0163");
    ERR("export var a;", "E0163");
    ERR_M("{ import a from 'b'; }", "E0163");
    ERR_M("function f() { export var a; }", "E0163");
    OK("import('a');");
}

Test(parse_stmt, nesting_too_deep_is_one_diagnostic) {
    // Deep enough to exhaust a small C stack without the limit.
    size_t n = 50000;
    char *src = malloc(2 * n + 2);
    memset(src, '(', n);
    src[n] = 'a';
    memset(src + n + 1, ')', n);
    src[2 * n + 1] = 0;
    PsParse *r = tp_parse(src, TP_SCRIPT, true);
    cr_expect_eq(r->diags.v.len, 1);
    cr_expect_str_eq(och_diag_code_str(r->diags.v.items[0].code), "E0168");
    cr_expect(r->root != NULL);
    tp_free(r);
    r = tp_parse(src, TP_SCRIPT, false);
    cr_expect_eq(r->diags.v.len, 1);
    tp_free(r);
    for (size_t i = 0; i < n; i++) src[i] = '{';
    src[n] = ' ';
    for (size_t i = n + 1; i < 2 * n + 1; i++) src[i] = '}';
    r = tp_parse(src, TP_SCRIPT, false);
    cr_expect_eq(r->diags.v.len, 1);
    tp_free(r);
    for (size_t i = 0; i < 2 * n; i += 2) {
        src[i] = '!';
        src[i + 1] = '-';
    }
    src[2 * n] = '1';
    r = tp_parse(src, TP_SCRIPT, false);
    cr_expect_eq(r->diags.v.len, 1);
    tp_free(r);
    free(src);
    // A long flat chain is not deep: `a + a + ... + a` parses fine.
    n = 100000;
    src = malloc(4 * n + 2);
    char *p = src;
    for (size_t i = 0; i < n; i++) {
        memcpy(p, "a + ", 4);
        p += 4;
    }
    *p++ = 'a';
    *p = 0;
    r = tp_parse(src, TP_SCRIPT, false);
    cr_expect_eq(r->diags.v.len, 0, "%s", tp_first_diag(r));
    tp_free(r);
    free(src);
}
