// The known lint rule ids (ESLint's names) with a one-line description, and
// the mapping between lint diagnostic codes and rule ids.
#include "check_rules.h"

#include <stdlib.h>
#include <string.h>

// Sorted by id (chk_rule_find bisects; a unit test checks the order).
static const ChkRuleInfo rules[] = {
    {"constructor-super", "Require super() calls in constructors of derived classes, and only there"},
    {"for-direction", "Enforce a for loop update clause that moves the counter toward its bound"},
    {"getter-return", "Require a return statement in getters"},
    {"no-async-promise-executor", "Disallow an async function as a Promise executor"},
    {"no-case-declarations", "Disallow lexical declarations directly in case clauses"},
    {"no-class-assign", "Disallow reassigning class declarations"},
    {"no-compare-neg-zero", "Disallow comparing against -0"},
    {"no-cond-assign", "Disallow assignments in conditional expressions"},
    {"no-const-assign", "Disallow reassigning const, using and await using bindings"},
    {"no-constant-binary-expression", "Disallow expressions whose operation cannot affect the value"},
    {"no-constant-condition", "Disallow constant expressions in conditions"},
    {"no-control-regex", "Disallow control characters in regular expressions"},
    {"no-debugger", "Disallow the debugger statement"},
    {"no-delete-var", "Disallow deleting variables"},
    {"no-dupe-args", "Disallow duplicate parameter names in function definitions"},
    {"no-dupe-class-members", "Disallow duplicate class members"},
    {"no-dupe-keys", "Disallow duplicate keys in object literals"},
    {"no-duplicate-case", "Disallow duplicate case labels"},
    {"no-empty", "Disallow empty block statements"},
    {"no-empty-character-class", "Disallow empty character classes in regular expressions"},
    {"no-empty-pattern", "Disallow empty destructuring patterns"},
    {"no-ex-assign", "Disallow reassigning exceptions in catch clauses"},
    {"no-fallthrough", "Disallow fallthrough of case statements"},
    {"no-func-assign", "Disallow reassigning function declarations"},
    {"no-global-assign", "Disallow assignments to native objects or read-only global variables"},
    {"no-import-assign", "Disallow assigning to imported bindings"},
    {"no-inner-declarations", "Disallow variable or function declarations in nested blocks"},
    {"no-invalid-regexp", "Disallow invalid regular expression strings in RegExp constructors"},
    {"no-irregular-whitespace", "Disallow irregular whitespace"},
    {"no-loss-of-precision", "Disallow number literals that lose precision"},
    {"no-misleading-character-class", "Disallow characters made of multiple code points in character classes"},
    {"no-nonoctal-decimal-escape", "Disallow \\8 and \\9 escape sequences in string literals"},
    {"no-obj-calls", "Disallow calling global object properties as functions"},
    {"no-octal", "Disallow octal literals"},
    {"no-prototype-builtins", "Disallow calling some Object.prototype methods directly on objects"},
    {"no-redeclare", "Disallow variable redeclaration"},
    {"no-regex-spaces", "Disallow multiple spaces in regular expressions"},
    {"no-self-assign", "Disallow assignments where both sides are exactly the same"},
    {"no-self-compare", "Disallow comparisons where both sides are exactly the same"},
    {"no-setter-return", "Disallow returning values from setters"},
    {"no-shadow-restricted-names", "Disallow identifiers from shadowing restricted names"},
    {"no-sparse-arrays", "Disallow sparse arrays"},
    {"no-this-before-super", "Disallow this/super before calling super() in constructors"},
    {"no-undef", "Disallow the use of undeclared variables"},
    {"no-unreachable", "Disallow unreachable code after return, throw, continue and break"},
    {"no-unsafe-finally", "Disallow control flow statements in finally blocks"},
    {"no-unsafe-negation", "Disallow negating the left operand of relational operators"},
    {"no-unsafe-optional-chaining", "Disallow optional chaining where undefined is not allowed"},
    {"no-unused-labels", "Disallow unused labels"},
    {"no-unused-private-class-members", "Disallow unused private class members"},
    {"no-unused-vars", "Disallow unused variables"},
    {"no-use-before-define", "Disallow the use of variables before they are defined"},
    {"no-useless-escape", "Disallow unnecessary escape characters"},
    {"no-with", "Disallow with statements"},
    {"require-yield", "Require generator functions to contain yield"},
    {"use-isnan", "Require calls to isNaN() when checking for NaN"},
    {"valid-typeof", "Enforce comparing typeof expressions against valid strings"},
};
#define NRULES (sizeof rules / sizeof rules[0])

static int cmp_id(const void *key, const void *elem) {
    return strcmp((const char *)key, ((const ChkRuleInfo *)elem)->id);
}

const ChkRuleInfo *chk_rule_find(const char *id) { return bsearch(id, rules, NRULES, sizeof rules[0], cmp_id); }

uint32_t chk_rule_count(void) { return (uint32_t)NRULES; }

const ChkRuleInfo *chk_rule_at(uint32_t i) { return i < NRULES ? &rules[i] : NULL; }

const char *chk_rule_of_code(OchDiagCode code) {
    const char *s = och_diag_code_str(code);
    return s[0] == 'W' ? och_diag_code_title(code) : NULL;
}
