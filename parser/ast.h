// The ochre AST: compact ESTree-shaped nodes in the parse result's arena.
//
// Every node starts with a PsNode header (16 bytes): kind, a kind-specific
// `op` byte, flags, and the byte range [start, end) in the source. The rest
// of the node is one of the structs below, chosen by kind (see the table at
// PS_NODE_KINDS: kind, ESTree type name, struct). Nodes are never freed one
// by one; the whole tree goes with its arena.
//
// Child pointers are NULL where ESTree has `null`. Lists (PsList) hold
// arena-allocated arrays of node pointers; array holes (`[a,,b]`) are NULL
// items. Strings (`name`, literal values) are WTF-8, not NUL-terminated, and
// point either into the source (when no escape was decoded) or into the
// arena. Error recovery produces PS_NODE_ERROR nodes and nodes flagged
// PS_NF_MISSING (zero-width, at the position where the parser expected them).
#ifndef OCHRE_PARSER_AST_H
#define OCHRE_PARSER_AST_H

#include "base.h"

// X-macro: X(KIND, "ESTree type", struct)
#define PS_NODE_KINDS(X)                                                   \
    X(PROGRAM, "Program", PsListNode)                                      \
    X(ERROR, "Error", PsListNode) /* unparseable region; items = salvaged */ \
    /* statements */                                                       \
    X(EXPRESSION_STMT, "ExpressionStatement", PsUnary)                     \
    X(BLOCK, "BlockStatement", PsListNode)                                 \
    X(EMPTY_STMT, "EmptyStatement", PsNode)                                \
    X(DEBUGGER_STMT, "DebuggerStatement", PsNode)                          \
    X(WITH_STMT, "WithStatement", PsWith)                                  \
    X(RETURN_STMT, "ReturnStatement", PsUnary)                             \
    X(LABELED_STMT, "LabeledStatement", PsLabeled)                         \
    X(BREAK_STMT, "BreakStatement", PsUnary)                               \
    X(CONTINUE_STMT, "ContinueStatement", PsUnary)                         \
    X(IF_STMT, "IfStatement", PsConditional)                               \
    X(SWITCH_STMT, "SwitchStatement", PsSwitch)                            \
    X(SWITCH_CASE, "SwitchCase", PsSwitchCase)                             \
    X(THROW_STMT, "ThrowStatement", PsUnary)                               \
    X(TRY_STMT, "TryStatement", PsTry)                                     \
    X(CATCH_CLAUSE, "CatchClause", PsCatch)                                \
    X(WHILE_STMT, "WhileStatement", PsWhile)                               \
    X(DO_WHILE_STMT, "DoWhileStatement", PsWhile)                          \
    X(FOR_STMT, "ForStatement", PsFor)                                     \
    X(FOR_IN_STMT, "ForInStatement", PsForIn)                              \
    X(FOR_OF_STMT, "ForOfStatement", PsForIn)                              \
    X(FUNCTION_DECL, "FunctionDeclaration", PsFunction)                    \
    X(VAR_DECL, "VariableDeclaration", PsListNode)                         \
    X(VAR_DECLARATOR, "VariableDeclarator", PsVarDeclarator)               \
    X(CLASS_DECL, "ClassDeclaration", PsClass)                             \
    /* expressions */                                                      \
    X(IDENTIFIER, "Identifier", PsIdent)                                   \
    X(PRIVATE_IDENTIFIER, "PrivateIdentifier", PsIdent)                    \
    X(LITERAL, "Literal", PsLiteral)                                       \
    X(THIS, "ThisExpression", PsNode)                                      \
    X(SUPER, "Super", PsNode)                                              \
    X(ARRAY_EXPR, "ArrayExpression", PsListNode)                           \
    X(OBJECT_EXPR, "ObjectExpression", PsListNode)                         \
    X(PROPERTY, "Property", PsProperty)                                    \
    X(FUNCTION_EXPR, "FunctionExpression", PsFunction)                     \
    X(ARROW_FUNCTION, "ArrowFunctionExpression", PsFunction)               \
    X(CLASS_EXPR, "ClassExpression", PsClass)                              \
    X(CLASS_BODY, "ClassBody", PsListNode)                                 \
    X(METHOD_DEF, "MethodDefinition", PsClassMember)                       \
    X(PROPERTY_DEF, "PropertyDefinition", PsClassMember)                   \
    X(ACCESSOR_PROPERTY, "AccessorProperty", PsClassMember)                \
    X(STATIC_BLOCK, "StaticBlock", PsListNode)                             \
    X(UNARY_EXPR, "UnaryExpression", PsUnary)                              \
    X(UPDATE_EXPR, "UpdateExpression", PsUnary)                            \
    X(BINARY_EXPR, "BinaryExpression", PsBinary)                           \
    X(LOGICAL_EXPR, "LogicalExpression", PsBinary)                         \
    X(ASSIGN_EXPR, "AssignmentExpression", PsBinary)                       \
    X(CONDITIONAL_EXPR, "ConditionalExpression", PsConditional)            \
    X(CALL_EXPR, "CallExpression", PsCall)                                 \
    X(NEW_EXPR, "NewExpression", PsCall)                                   \
    X(MEMBER_EXPR, "MemberExpression", PsMember)                           \
    X(CHAIN_EXPR, "ChainExpression", PsUnary)                              \
    X(SEQUENCE_EXPR, "SequenceExpression", PsListNode)                     \
    X(YIELD_EXPR, "YieldExpression", PsUnary)                              \
    X(AWAIT_EXPR, "AwaitExpression", PsUnary)                              \
    X(TEMPLATE_LITERAL, "TemplateLiteral", PsTemplate)                     \
    X(TAGGED_TEMPLATE, "TaggedTemplateExpression", PsTaggedTemplate)       \
    X(TEMPLATE_ELEMENT, "TemplateElement", PsTemplateElement)              \
    X(META_PROPERTY, "MetaProperty", PsMember)                             \
    X(IMPORT_EXPR, "ImportExpression", PsImportExpr)                       \
    X(SPREAD_ELEMENT, "SpreadElement", PsUnary)                            \
    X(DECORATOR, "Decorator", PsUnary)                                     \
    /* patterns */                                                         \
    X(ARRAY_PATTERN, "ArrayPattern", PsListNode)                           \
    X(OBJECT_PATTERN, "ObjectPattern", PsListNode)                         \
    X(REST_ELEMENT, "RestElement", PsUnary)                                \
    X(ASSIGN_PATTERN, "AssignmentPattern", PsBinary)                       \
    /* modules */                                                          \
    X(IMPORT_DECL, "ImportDeclaration", PsModuleDecl)                      \
    X(IMPORT_SPECIFIER, "ImportSpecifier", PsSpecifier)                    \
    X(IMPORT_DEFAULT_SPECIFIER, "ImportDefaultSpecifier", PsSpecifier)     \
    X(IMPORT_NAMESPACE_SPECIFIER, "ImportNamespaceSpecifier", PsSpecifier) \
    X(IMPORT_ATTRIBUTE, "ImportAttribute", PsProperty)                     \
    X(EXPORT_NAMED_DECL, "ExportNamedDeclaration", PsModuleDecl)           \
    X(EXPORT_SPECIFIER, "ExportSpecifier", PsSpecifier)                    \
    X(EXPORT_DEFAULT_DECL, "ExportDefaultDeclaration", PsUnary)            \
    X(EXPORT_ALL_DECL, "ExportAllDeclaration", PsModuleDecl)               \
    /* JSX */                                                              \
    X(JSX_ELEMENT, "JSXElement", PsJsxElement)                             \
    X(JSX_FRAGMENT, "JSXFragment", PsJsxElement)                           \
    X(JSX_OPENING_ELEMENT, "JSXOpeningElement", PsJsxOpening)              \
    X(JSX_CLOSING_ELEMENT, "JSXClosingElement", PsUnary)                   \
    X(JSX_OPENING_FRAGMENT, "JSXOpeningFragment", PsNode)                  \
    X(JSX_CLOSING_FRAGMENT, "JSXClosingFragment", PsNode)                  \
    X(JSX_ATTRIBUTE, "JSXAttribute", PsProperty)                           \
    X(JSX_SPREAD_ATTRIBUTE, "JSXSpreadAttribute", PsUnary)                 \
    X(JSX_IDENTIFIER, "JSXIdentifier", PsIdent)                            \
    X(JSX_NAMESPACED_NAME, "JSXNamespacedName", PsMember)                  \
    X(JSX_MEMBER_EXPR, "JSXMemberExpression", PsMember)                    \
    X(JSX_EXPR_CONTAINER, "JSXExpressionContainer", PsUnary)               \
    X(JSX_EMPTY_EXPR, "JSXEmptyExpression", PsNode)                        \
    X(JSX_SPREAD_CHILD, "JSXSpreadChild", PsUnary)                         \
    X(JSX_TEXT, "JSXText", PsLiteral)

typedef enum PsNodeKind {
#define PS_X(kind, name, type) PS_NODE_##kind,
    PS_NODE_KINDS(PS_X)
#undef PS_X
    PS_NODE_KIND_COUNT
} PsNodeKind;

// Header of every node. 16 bytes.
typedef struct PsNode {
    uint8_t kind;    // PsNodeKind
    uint8_t op;      // kind-specific variant: PsOp, PsVarKind, PsLitKind, PsPropKind...
    uint16_t flags;  // PS_NF_* (bits 0-3 general, 4-15 kind-specific)
    uint32_t start;  // byte offset of the first byte
    uint32_t end;    // byte offset one past the last byte
    uint32_t aux;    // kind-specific: string length of PsIdent/PsLiteral values;
                     // on a function's BLOCK body, the parser's nesting depth
                     // at its `{` (for incremental re-parses)
} PsNode;

// General flags (any kind).
#define PS_NF_PARENTHESIZED 0x0001u  // expression was wrapped in ( ) (range excludes them)
#define PS_NF_MISSING 0x0002u        // inserted by recovery; zero-width
#define PS_NF_HAS_ERROR 0x0004u      // this subtree contains an ERROR/MISSING node
#define PS_NF_ESCAPED 0x0008u        // identifier/keyword/string spelled with escapes
// Kind-specific flags. Bits are shared between unrelated kinds.
// Functions (FUNCTION_DECL/EXPR, ARROW_FUNCTION):
#define PS_NF_ASYNC 0x0010u
#define PS_NF_GENERATOR 0x0020u
#define PS_NF_EXPRESSION_BODY 0x0040u  // arrow with a concise body (ESTree `expression`)
#define PS_NF_STRICT 0x0080u           // body is strict code (also on PROGRAM)
#define PS_NF_SIMPLE_PARAMS 0x0100u    // parameter list is simple (no patterns/defaults/rest)
// Member, call, property keys, class members:
#define PS_NF_COMPUTED 0x0200u
#define PS_NF_OPTIONAL 0x0400u  // `?.` at this link (MEMBER_EXPR, CALL_EXPR)
#define PS_NF_STATIC 0x0800u    // class members
#define PS_NF_METHOD 0x1000u    // PROPERTY written as a method
#define PS_NF_SHORTHAND 0x2000u // PROPERTY `{a}` / `{a = 1}` in patterns
// Single-kind flags (reuse bit 4):
#define PS_NF_PREFIX 0x0010u        // UPDATE_EXPR `++x`
#define PS_NF_DELEGATE 0x0010u      // YIELD_EXPR `yield*`
#define PS_NF_AWAIT 0x0010u         // FOR_OF_STMT `for await`
#define PS_NF_TAIL 0x0010u          // TEMPLATE_ELEMENT last quasi
#define PS_NF_DIRECTIVE 0x0010u     // EXPRESSION_STMT in a directive prologue
#define PS_NF_SELF_CLOSING 0x0010u  // JSX_OPENING_ELEMENT `<a/>`
#define PS_NF_LEGACY_OCTAL 0x0010u  // LITERAL: `010`, `08` or a string with `\0nn`/`\8`

typedef struct PsList {
    PsNode **items;  // arena array; NULL items are holes (array literals/patterns)
    uint32_t count;
} PsList;

// Node structs. The header is always the first member `h`.

// PROGRAM (op: PsGoal; body), ERROR (items salvaged), BLOCK, CLASS_BODY,
// STATIC_BLOCK (body), ARRAY_EXPR/ARRAY_PATTERN (elements),
// OBJECT_EXPR/OBJECT_PATTERN (properties: PROPERTY, SPREAD_ELEMENT/REST_ELEMENT),
// SEQUENCE_EXPR (expressions), VAR_DECL (op: PsVarKind; declarations).
typedef struct PsListNode {
    PsNode h;
    PsList items;
} PsListNode;

// One child `arg`:
// EXPRESSION_STMT (expression; directive text = source of the string minus quotes),
// RETURN_STMT/THROW_STMT/YIELD_EXPR/AWAIT_EXPR/SPREAD_ELEMENT/REST_ELEMENT (argument),
// BREAK_STMT/CONTINUE_STMT (label), UNARY_EXPR/UPDATE_EXPR (op: PsOp; argument),
// CHAIN_EXPR (expression), EXPORT_DEFAULT_DECL (declaration), DECORATOR
// (expression), JSX_CLOSING_ELEMENT (name), JSX_SPREAD_ATTRIBUTE (argument),
// JSX_EXPR_CONTAINER/JSX_SPREAD_CHILD (expression).
typedef struct PsUnary {
    PsNode h;
    PsNode *arg;
} PsUnary;

// BINARY_EXPR/LOGICAL_EXPR/ASSIGN_EXPR (op: PsOp), ASSIGN_PATTERN.
typedef struct PsBinary {
    PsNode h;
    PsNode *left, *right;
} PsBinary;

// IF_STMT (test, consequent, alternate?), CONDITIONAL_EXPR.
typedef struct PsConditional {
    PsNode h;
    PsNode *test, *consequent, *alternate;
} PsConditional;

// MEMBER_EXPR (object, property; flags COMPUTED/OPTIONAL),
// META_PROPERTY (object = meta, property), JSX_MEMBER_EXPR (object, property),
// JSX_NAMESPACED_NAME (object = namespace, property = name).
typedef struct PsMember {
    PsNode h;
    PsNode *object, *property;
} PsMember;

// CALL_EXPR (flag OPTIONAL), NEW_EXPR.
typedef struct PsCall {
    PsNode h;
    PsNode *callee;
    PsList arguments;
} PsCall;

// IDENTIFIER, PRIVATE_IDENTIFIER (name without '#'), JSX_IDENTIFIER.
// Name length is h.aux.
typedef struct PsIdent {
    PsNode h;
    const char *name;
} PsIdent;

typedef enum PsLitKind {
    PS_LIT_NULL,
    PS_LIT_TRUE,
    PS_LIT_FALSE,
    PS_LIT_NUMBER,  // number
    PS_LIT_STRING,  // str (decoded value), length h.aux
    PS_LIT_BIGINT,  // str = digits as acorn's `bigint` (raw without `n` and `_`), length h.aux
    PS_LIT_REGEX,   // str = pattern (source slice), length h.aux; flags follow the closing '/'
    PS_LIT_JSX_TEXT,  // JSX_TEXT: str = value with entities decoded, length h.aux
} PsLitKind;

// LITERAL (op: PsLitKind), JSX_TEXT. `raw` is always the source range.
typedef struct PsLiteral {
    PsNode h;
    union {
        double number;
        const char *str;
    } u;
} PsLiteral;

// TEMPLATE_ELEMENT: cooked is NULL when the quasi has an invalid escape
// (only legal in tagged templates). raw has CR/CRLF normalized to LF.
typedef struct PsTemplateElement {
    PsNode h;             // aux = cooked_len
    const char *cooked;
    const char *raw;
    uint32_t raw_len;
} PsTemplateElement;

// TEMPLATE_LITERAL: quasis.count == expressions.count + 1.
typedef struct PsTemplate {
    PsNode h;
    PsList quasis, expressions;
} PsTemplate;

typedef struct PsTaggedTemplate {
    PsNode h;
    PsNode *tag, *quasi;
} PsTaggedTemplate;

typedef enum PsPropKind {
    PS_PROP_INIT,
    PS_PROP_GET,
    PS_PROP_SET,
    PS_PROP_CONSTRUCTOR,  // METHOD_DEF kinds follow ESTree's MethodDefinition.kind
    PS_PROP_METHOD,
} PsPropKind;

// PROPERTY (op: PsPropKind init/get/set; flags COMPUTED/METHOD/SHORTHAND),
// IMPORT_ATTRIBUTE (key, value), JSX_ATTRIBUTE (key = name, value?).
typedef struct PsProperty {
    PsNode h;
    PsNode *key, *value;
} PsProperty;

// FUNCTION_DECL/FUNCTION_EXPR/ARROW_FUNCTION. id is NULL for anonymous
// functions and arrows; body is a BLOCK, or an expression for concise arrows.
typedef struct PsFunction {
    PsNode h;
    PsNode *id;
    PsList params;
    PsNode *body;
} PsFunction;

// CLASS_DECL/CLASS_EXPR. body is a CLASS_BODY.
typedef struct PsClass {
    PsNode h;
    PsNode *id, *super_class, *body;
    PsList decorators;
} PsClass;

// METHOD_DEF (op: PsPropKind constructor/method/get/set; value is a
// FUNCTION_EXPR), PROPERTY_DEF and ACCESSOR_PROPERTY (value?).
// Flags STATIC, COMPUTED.
typedef struct PsClassMember {
    PsNode h;
    PsNode *key, *value;
    PsList decorators;
} PsClassMember;

typedef struct PsWith {
    PsNode h;
    PsNode *object, *body;
} PsWith;

typedef struct PsLabeled {
    PsNode h;
    PsNode *label, *body;
} PsLabeled;

typedef struct PsSwitch {
    PsNode h;
    PsNode *discriminant;
    PsList cases;
} PsSwitch;

// SWITCH_CASE: test is NULL for `default:`.
typedef struct PsSwitchCase {
    PsNode h;
    PsNode *test;
    PsList consequent;
} PsSwitchCase;

typedef struct PsTry {
    PsNode h;
    PsNode *block, *handler, *finalizer;
} PsTry;

typedef struct PsCatch {
    PsNode h;
    PsNode *param, *body;  // param NULL for `catch {`
} PsCatch;

// WHILE_STMT, DO_WHILE_STMT.
typedef struct PsWhile {
    PsNode h;
    PsNode *test, *body;
} PsWhile;

typedef struct PsFor {
    PsNode h;
    PsNode *init, *test, *update, *body;
} PsFor;

// FOR_IN_STMT, FOR_OF_STMT (flag AWAIT). left is a VAR_DECL or a pattern.
typedef struct PsForIn {
    PsNode h;
    PsNode *left, *right, *body;
} PsForIn;

typedef enum PsVarKind {
    PS_VAR_VAR,
    PS_VAR_LET,
    PS_VAR_CONST,
    PS_VAR_USING,
    PS_VAR_AWAIT_USING,
} PsVarKind;

typedef struct PsVarDeclarator {
    PsNode h;
    PsNode *id, *init;
} PsVarDeclarator;

// IMPORT_EXPR: import(source, options?).
typedef struct PsImportExpr {
    PsNode h;
    PsNode *source, *options;
} PsImportExpr;

// IMPORT_DECL (specifiers, source, attributes),
// EXPORT_NAMED_DECL (declaration?, specifiers, source?, attributes),
// EXPORT_ALL_DECL (exported? in `declaration`, source, attributes).
typedef struct PsModuleDecl {
    PsNode h;
    PsNode *declaration;
    PsNode *source;
    PsList specifiers;
    PsList attributes;
} PsModuleDecl;

// IMPORT_SPECIFIER (imported = external name, local), EXPORT_SPECIFIER
// (local, exported = `external`), IMPORT_DEFAULT_SPECIFIER /
// IMPORT_NAMESPACE_SPECIFIER (local; external NULL). Module export names may
// be string LITERALs.
typedef struct PsSpecifier {
    PsNode h;
    PsNode *local, *external;
} PsSpecifier;

// JSX_ELEMENT (opening JSX_OPENING_ELEMENT, closing? JSX_CLOSING_ELEMENT),
// JSX_FRAGMENT (opening/closing fragments).
typedef struct PsJsxElement {
    PsNode h;
    PsNode *opening, *closing;
    PsList children;
} PsJsxElement;

typedef struct PsJsxOpening {
    PsNode h;
    PsNode *name;
    PsList attributes;
} PsJsxOpening;

// Operators (op byte of UNARY/UPDATE/BINARY/LOGICAL/ASSIGN).
// X(ID, "text")
#define PS_OPS(X)                                                            \
    X(NONE, "")                                                              \
    /* unary */                                                              \
    X(NEG, "-") X(PLUS, "+") X(NOT, "!") X(BITNOT, "~") X(TYPEOF, "typeof") \
    X(VOID, "void") X(DELETE, "delete")                                      \
    /* update */                                                             \
    X(INC, "++") X(DEC, "--")                                                \
    /* binary */                                                             \
    X(EQ, "==") X(NE, "!=") X(SEQ, "===") X(SNE, "!==") X(LT, "<")           \
    X(LE, "<=") X(GT, ">") X(GE, ">=") X(SHL, "<<") X(SAR, ">>")             \
    X(SHR, ">>>") X(ADD, "+") X(SUB, "-") X(MUL, "*") X(DIV, "/")            \
    X(MOD, "%") X(EXP, "**") X(BITOR, "|") X(BITXOR, "^") X(BITAND, "&")     \
    X(IN, "in") X(INSTANCEOF, "instanceof")                                  \
    /* logical */                                                            \
    X(OR, "||") X(AND, "&&") X(NULLISH, "??")                                \
    /* assignment */                                                         \
    X(ASSIGN, "=") X(ADD_ASSIGN, "+=") X(SUB_ASSIGN, "-=")                   \
    X(MUL_ASSIGN, "*=") X(DIV_ASSIGN, "/=") X(MOD_ASSIGN, "%=")              \
    X(EXP_ASSIGN, "**=") X(SHL_ASSIGN, "<<=") X(SAR_ASSIGN, ">>=")           \
    X(SHR_ASSIGN, ">>>=") X(BITOR_ASSIGN, "|=") X(BITXOR_ASSIGN, "^=")       \
    X(BITAND_ASSIGN, "&=") X(OR_ASSIGN, "||=") X(AND_ASSIGN, "&&=")          \
    X(NULLISH_ASSIGN, "?\?=")

typedef enum PsOp {
#define PS_X(id, text) PS_OP_##id,
    PS_OPS(PS_X)
#undef PS_X
    PS_OP_COUNT
} PsOp;

// Typed access: PS_AS(PsBinary, node)->left. Checked in debug builds only
// by convention of the caller (the kind decides the struct, see the table).
#define PS_AS(type, node) ((type *)(node))

// ESTree type name of a kind ("BinaryExpression").
const char *ps_node_kind_name(PsNodeKind kind);
// Source text of an operator ("+=").
const char *ps_op_text(PsOp op);

// Calls fn(child, ctx) for every non-NULL child in source order. If fn
// returns false the walk of the remaining children stops and
// ps_node_for_each_child returns false.
typedef bool (*PsChildFn)(PsNode *child, void *ctx);
bool ps_node_for_each_child(PsNode *node, PsChildFn fn, void *ctx);

#endif
