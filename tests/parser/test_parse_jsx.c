// Parser: JSX elements, fragments, attributes, children and names
// (opts->jsx), in acorn-jsx's shape.
#include "test_parse_util.h"

#define TREE_X(src, expected) tp_check_tree((src), TP_JSX, (expected))
#define ERR_X(src, code) tp_check_error((src), TP_JSX, (code))

Test(parse_jsx, elements_attributes_children) {
    TREE_X("<a b='c' d={e} {...f} g h=<i/>>text{j}<k.l.m/><n:o></n:o>{/* c */}</a>;",
           "(Program (ExpressionStatement (JSXElement (JSXOpeningElement a (JSXAttribute b 'c') "
           "(JSXAttribute d (JSXExpressionContainer e)) (JSXSpreadAttribute f) (JSXAttribute g) "
           "(JSXAttribute h (JSXElement (JSXOpeningElement selfclosing i)))) (JSXText) "
           "(JSXExpressionContainer j) (JSXElement (JSXOpeningElement selfclosing (JSXMemberExpression "
           "(JSXMemberExpression k l) m))) (JSXElement (JSXOpeningElement (JSXNamespacedName n o)) "
           "(JSXClosingElement (JSXNamespacedName n o))) (JSXExpressionContainer "
           "(JSXEmptyExpression)) (JSXClosingElement a))))");
    TREE_X("<>a<b-c/>{...d}</>;",
           "(Program (ExpressionStatement (JSXFragment (JSXOpeningFragment) (JSXText) (JSXElement "
           "(JSXOpeningElement selfclosing b-c)) (JSXSpreadChild d) (JSXClosingFragment))))");
    TREE_X("x = <a/> < b;", "(Program (ExpressionStatement (AssignmentExpression:= x "
                            "(BinaryExpression:< (JSXElement (JSXOpeningElement selfclosing a)) b))))");
}

Test(parse_jsx, text_and_strings_decode_entities) {
    PsParse *r = tp_parse("<a b=\"&amp;\">x &lt; y</a>", TP_JSX, false);
    PsNode *attr = tp_find(r->root, PS_NODE_JSX_ATTRIBUTE);
    PsNode *v = PS_AS(PsProperty, attr)->value;
    cr_expect_eq(v->aux, 1);
    cr_expect(memcmp(PS_AS(PsLiteral, v)->u.str, "&", 1) == 0);
    PsNode *t = tp_find(r->root, PS_NODE_JSX_TEXT);
    cr_expect_eq(t->aux, 5);
    cr_expect(memcmp(PS_AS(PsLiteral, t)->u.str, "x < y", 5) == 0);
    cr_expect_eq(t->start, 13);
    cr_expect_eq(t->end, 21);
    tp_free(r);
}

Test(parse_jsx, errors) {
    ERR_X("<a></b>;", "E0171");
    ERR_X("<a.b></a.c>;", "E0171");
    ERR_X("<a b={}/>;", "E0188");
    ERR("x = <a/>;", "E0187");
    PsParse *r = tp_parse("x = <a><b>", TP_JSX, true);
    cr_expect(r->incomplete);
    tp_free(r);
}
