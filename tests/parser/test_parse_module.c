// Parser: import and export declarations, module export names, import
// attributes, and the module goal (strict, top-level await).
#include "test_parse_util.h"

Test(parse_module, imports) {
    TREE_M("import 'a'; import b from 'c'; import * as d from 'e'; import f, {g, h as i, default "
           "as j, 'k l' as m} from 'n'; import o, * as p from 'q';",
           "(Program:module (ImportDeclaration 'a') (ImportDeclaration (ImportDefaultSpecifier b) "
           "'c') (ImportDeclaration (ImportNamespaceSpecifier d) 'e') (ImportDeclaration "
           "(ImportDefaultSpecifier f) (ImportSpecifier g) (ImportSpecifier h i) (ImportSpecifier "
           "default j) (ImportSpecifier 'k l' m) 'n') (ImportDeclaration (ImportDefaultSpecifier o) "
           "(ImportNamespaceSpecifier p) 'q'))");
    TREE_M("import a from 'b' with { type: 'json', 'x': 'y' };",
           "(Program:module (ImportDeclaration (ImportDefaultSpecifier a) 'b' (ImportAttribute type "
           "'json') (ImportAttribute 'x' 'y')))");
    OK_M("import defer from 'a'; import source from 'b';");  // default imports named so
    ERR_M("import defer * as a from 'b';", "E0101");
    ERR_M("import source a from 'b';", "E0101");
    ERR_M("import a from 'b' assert { type: 'json' };", "E0104");
    ERR_M("import a from 'b' with { type: 'json', type: 'css' };", "E0166");
    ERR_M("import a from 'b' with { type: 1 };", "E0181");
    ERR_M("import {'a'} from 'b';", "E0101");
    ERR_M("import {if} from 'b';", "E0105");
    ERR_M("import {a as if} from 'b';", "E0105");
    ERR_M("import a, b from 'c';", "E0101");
    ERR_M("import {'\\uD800' as a} from 'b';", "E0164");
}

Test(parse_module, exports) {
    TREE_M("export var a; export let b = 1; export function c() {} export class D {} export async "
           "function e() {}",
           "(Program:module (ExportNamedDeclaration (VariableDeclaration:var (VariableDeclarator a))) "
           "(ExportNamedDeclaration (VariableDeclaration:let (VariableDeclarator b 1))) "
           "(ExportNamedDeclaration (FunctionDeclaration c (BlockStatement))) "
           "(ExportNamedDeclaration (ClassDeclaration D (ClassBody))) (ExportNamedDeclaration "
           "(FunctionDeclaration async e (BlockStatement))))");
    TREE_M("export {a, b as c, d as 'e f'}; export {g as h} from 'i'; export * from 'j'; export * "
           "as k from 'l'; export * as 'm n' from 'o';",
           "(Program:module (ExportNamedDeclaration (ExportSpecifier a) (ExportSpecifier b c) "
           "(ExportSpecifier d 'e f')) (ExportNamedDeclaration (ExportSpecifier g h) 'i') "
           "(ExportAllDeclaration 'j') (ExportAllDeclaration k 'l') (ExportAllDeclaration 'm n' "
           "'o'))");
    TREE_M("export default function () {} export default class {} export default async function "
           "() {}",
           "(Program:module (ExportDefaultDeclaration (FunctionDeclaration (BlockStatement))) "
           "(ExportDefaultDeclaration (ClassDeclaration (ClassBody))) (ExportDefaultDeclaration "
           "(FunctionDeclaration async (BlockStatement))))");
    TREE_M("export default a + b; export default (function () {});",
           "(Program:module (ExportDefaultDeclaration (BinaryExpression:+ a b)) "
           "(ExportDefaultDeclaration (FunctionExpression paren (BlockStatement))))");
    OK_M("export {if as x} from 'a'; export {'a' as b} from 'c';");
    ERR_M("export {if};", "E0105");
    ERR_M("export {'a'};", "E0165");
    ERR_M("export {'a' as b};", "E0165");
    ERR_M("export using x = 1;", "E0101");
    ERR_M("export a;", "E0101");
}

Test(parse_module, module_code_is_strict_with_top_level_await) {
    PsParse *r = tp_parse("x", TP_MODULE, false);
    cr_expect(r->root->flags & PS_NF_STRICT);
    cr_expect_eq(r->root->op, PS_GOAL_MODULE);
    tp_free(r);
    ERR_M("with (a) {}", "E0136");
    ERR_M("x = 010;", "E0011");
    ERR_M("<!-- x", "E0100");
    TREE_M("for await (x of y);", "(Program:module (ForOfStatement await x y (EmptyStatement)))");
    OK("<!-- x\n-->y");  // HTML-like comments in scripts
}
