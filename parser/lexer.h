// Lexer interface, internal to parser/ (other components use parser.h).
//
// The parser drives the lexer one token at a time. Where the grammar decides
// how characters are tokenized, the parser asks for a rescan of the current
// token: `/` or `/=` in expression position becomes a regular expression,
// `}` that closes a template substitution becomes a template middle/tail,
// and JSX children, attribute strings and names get their own scanners.
// PsLexer is a plain struct: the parser may copy it to look ahead and
// restore it (truncating diagnostics to the saved count).
#ifndef OCHRE_PARSER_LEXER_H
#define OCHRE_PARSER_LEXER_H

#include "base.h"
#include "unicode.h"

#define PS_TOKENS(X)                                                            \
    X(EOF, "end of file")                                                       \
    X(ERROR, "invalid token") /* diagnostic already reported; parser skips it */ \
    X(IDENT, "identifier")    /* also keywords: see PsToken.kw */               \
    X(PRIVATE_NAME, "private name")                                             \
    X(NUMBER, "number")                                                         \
    X(BIGINT, "bigint")                                                         \
    X(STRING, "string")                                                         \
    X(TEMPLATE, "template") /* `...` without substitutions */                   \
    X(TEMPLATE_HEAD, "template head") /* `...${ */                              \
    X(TEMPLATE_MIDDLE, "template middle") /* }...${ (rescan only) */            \
    X(TEMPLATE_TAIL, "template tail") /* }...` (rescan only) */                 \
    X(REGEX, "regular expression") /* (rescan only) */                          \
    X(LBRACE, "{") X(RBRACE, "}") X(LPAREN, "(") X(RPAREN, ")")                 \
    X(LBRACKET, "[") X(RBRACKET, "]") X(DOT, ".") X(ELLIPSIS, "...")           \
    X(SEMICOLON, ";") X(COMMA, ",") X(LT, "<") X(GT, ">") X(LE, "<=")          \
    X(GE, ">=") X(EQ, "==") X(NE, "!=") X(SEQ, "===") X(SNE, "!==")            \
    X(PLUS, "+") X(MINUS, "-") X(STAR, "*") X(PERCENT, "%") X(STARSTAR, "**")  \
    X(INC, "++") X(DEC, "--") X(SHL, "<<") X(SAR, ">>") X(SHR, ">>>")          \
    X(AMP, "&") X(PIPE, "|") X(CARET, "^") X(BANG, "!") X(TILDE, "~")          \
    X(AMPAMP, "&&") X(PIPEPIPE, "||") X(QQ, "??") X(QUESTION, "?")             \
    X(QDOT, "?.") X(COLON, ":") X(ASSIGN, "=") X(PLUS_ASSIGN, "+=")            \
    X(MINUS_ASSIGN, "-=") X(STAR_ASSIGN, "*=") X(PERCENT_ASSIGN, "%=")         \
    X(STARSTAR_ASSIGN, "**=") X(SHL_ASSIGN, "<<=") X(SAR_ASSIGN, ">>=")        \
    X(SHR_ASSIGN, ">>>=") X(AMP_ASSIGN, "&=") X(PIPE_ASSIGN, "|=")             \
    X(CARET_ASSIGN, "^=") X(AMPAMP_ASSIGN, "&&=") X(PIPEPIPE_ASSIGN, "||=")    \
    X(QQ_ASSIGN, "?\?=") X(ARROW, "=>") X(SLASH, "/") X(SLASH_ASSIGN, "/=")    \
    X(AT, "@")                                                                  \
    X(JSX_TEXT, "JSX text")     /* (rescan only) */                             \
    X(JSX_STRING, "JSX string") /* attribute value, no escapes (rescan only) */

typedef enum PsTok {
#define PS_X(id, text) PS_TOK_##id,
    PS_TOKENS(PS_X)
#undef PS_X
    PS_TOK_COUNT
} PsTok;

// Keywords and contextual keywords, recognised on IDENT tokens (also when
// spelled with escapes: then PS_TF_ESCAPED is set and the parser decides).
#define PS_KEYWORDS(X)                                                          \
    X(NONE, "")                                                                 \
    /* reserved words */                                                        \
    X(BREAK, "break") X(CASE, "case") X(CATCH, "catch") X(CLASS, "class")       \
    X(CONST, "const") X(CONTINUE, "continue") X(DEBUGGER, "debugger")           \
    X(DEFAULT, "default") X(DELETE, "delete") X(DO, "do") X(ELSE, "else")       \
    X(ENUM, "enum") X(EXPORT, "export") X(EXTENDS, "extends") X(FALSE, "false") \
    X(FINALLY, "finally") X(FOR, "for") X(FUNCTION, "function") X(IF, "if")     \
    X(IMPORT, "import") X(IN, "in") X(INSTANCEOF, "instanceof") X(NEW, "new")   \
    X(NULL, "null") X(RETURN, "return") X(SUPER, "super") X(SWITCH, "switch")   \
    X(THIS, "this") X(THROW, "throw") X(TRUE, "true") X(TRY, "try")             \
    X(TYPEOF, "typeof") X(VAR, "var") X(VOID, "void") X(WHILE, "while")         \
    X(WITH, "with")                                                             \
    /* reserved in strict mode */                                               \
    X(IMPLEMENTS, "implements") X(INTERFACE, "interface") X(LET, "let")         \
    X(PACKAGE, "package") X(PRIVATE, "private") X(PROTECTED, "protected")       \
    X(PUBLIC, "public") X(STATIC, "static") X(YIELD, "yield")                   \
    /* contextual */                                                            \
    X(AWAIT, "await") X(ASYNC, "async") X(AS, "as") X(FROM, "from")             \
    X(GET, "get") X(SET, "set") X(OF, "of") X(TARGET, "target")                 \
    X(META, "meta") X(USING, "using") X(ACCESSOR, "accessor")                   \
    X(CONSTRUCTOR, "constructor") X(ARGUMENTS, "arguments") X(EVAL, "eval")     \
    X(UNDEFINED, "undefined")

typedef enum PsKeyword {
#define PS_X(id, text) PS_KW_##id,
    PS_KEYWORDS(PS_X)
#undef PS_X
    PS_KW_COUNT
} PsKeyword;

// First keyword that is only reserved in strict mode / first contextual one.
#define PS_KW_FIRST_STRICT_RESERVED PS_KW_IMPLEMENTS
#define PS_KW_FIRST_CONTEXTUAL PS_KW_AWAIT

// Token flags.
#define PS_TF_NEWLINE_BEFORE 0x01u  // a line terminator precedes the token (ASI, restricted productions)
#define PS_TF_ESCAPED 0x02u         // identifier/keyword or string contains escapes
#define PS_TF_LEGACY_OCTAL 0x04u    // number `010`/`08`, or string with `\0nn` or `\8`/`\9`
#define PS_TF_INVALID_ESCAPE 0x08u  // template whose cooked value is undefined
#define PS_TF_HTML_COMMENT_BEFORE 0x10u  // `<!--` or `-->` comment consumed before (Annex B)

typedef struct PsToken {
    uint8_t type;   // PsTok
    uint8_t kw;     // PsKeyword for IDENT tokens, else PS_KW_NONE
    uint16_t flags; // PS_TF_*
    uint32_t start, end;  // byte range of the whole token
    // IDENT/PRIVATE_NAME: decoded name (without '#'); STRING: decoded value;
    // TEMPLATE*: cooked value (NULL with PS_TF_INVALID_ESCAPE); BIGINT: raw
    // digits without `n` and `_` (acorn's `bigint`); REGEX: pattern body;
    // JSX_TEXT/JSX_STRING: value with entities decoded; NUMBER: the source
    // text. Points into the source when nothing was decoded, else into the
    // arena. Decoded values are WTF-8 (invalid source bytes become U+FFFD).
    const char *value;
    uint32_t value_len;
    // TEMPLATE*: raw value with CR/CRLF normalized to LF. REGEX: the flags.
    // JSX_TEXT: the source text.
    const char *raw;
    uint32_t raw_len;
    double number;  // NUMBER: the value
    // Offset of the first legacy octal / \8 \9 escape or literal (with
    // PS_TF_LEGACY_OCTAL), for strict-mode errors reported later by the
    // parser (e.g. "use strict" after such a string in a prologue).
    // On TEMPLATE* tokens with PS_TF_INVALID_ESCAPE: offset of the first
    // invalid escape (its backslash); that is an error only in untagged
    // templates, so the parser reports it (E0020), not the lexer.
    uint32_t octal_pos;
    uint32_t octal_end;  // end of the escape or literal at octal_pos
} PsToken;

typedef struct PsLexer {
    const char *src;     // NUL-padded (PS_SOURCE_PADDING)
    uint32_t len;
    uint32_t pos;        // next byte to scan
    PsToken tok;         // current token
    OchArena *arena;     // decoded strings
    OchDiagList *diags;  // lexical errors are reported here
    bool module;         // module goal: no HTML-like comments
    bool annex_b;        // HTML-like comments (legacy octal is main grammar: see strict)
    bool strict;         // set by the parser: legacy octal literals/escapes are errors
    bool jsx;
    // For a STRING token: the number of diagnostics before its own scan
    // (after its leading trivia). ps_lexer_rescan_jsx_string truncates
    // self->diags to it, so that the errors of the JS-string reading (bad
    // escapes, a line break) disappear. Other rescanned tokens (`/`, `}`,
    // `>`) cannot have diagnostics of their own.
    uint32_t tok_diags;
} PsLexer;

// Prepares to lex src. Skips a hashbang line at offset 0 (also after a
// UTF-8 byte order mark). Sets `strict` for the module goal. Invalid UTF-8
// is reported by whichever scanner meets it, once per run of bad bytes (in
// code the run becomes an ERROR token). Call ps_lexer_next for the first
// token. All scanning is linear in the input; tokens without escapes
// allocate nothing.
void ps_lexer_init(PsLexer *self, const char *src, uint32_t len, OchArena *arena,
                   OchDiagList *diags, bool module, bool annex_b, bool jsx);

// Scans the next token into self->tok. `/` is always returned as SLASH or
// SLASH_ASSIGN and `}` as RBRACE; the parser rescans where needed.
void ps_lexer_next(PsLexer *self);

// Rescans the current SLASH/SLASH_ASSIGN token as a regular expression
// literal (REGEX). Reports an unterminated literal. Does not validate the
// pattern (the parser calls ps_regexp_validate).
void ps_lexer_rescan_regex(PsLexer *self);

// Rescans the current RBRACE token as the continuation of a template
// (TEMPLATE_MIDDLE or TEMPLATE_TAIL).
void ps_lexer_rescan_template_continuation(PsLexer *self);

// The current token is `>` (or `>=`, `>>`...) in a JSX tag: re-lex as a
// single GT. Used when the parser is inside a JSX tag.
void ps_lexer_rescan_jsx_gt(PsLexer *self);

// Scans JSX children text starting at self->pos: returns JSX_TEXT, or LBRACE,
// LT or EOF at the end of the text.
void ps_lexer_next_jsx_child(PsLexer *self);

// Scans a JSX identifier (allows '-') continuing the current IDENT token.
void ps_lexer_rescan_jsx_identifier(PsLexer *self);

// Scans a JSX attribute string value (current token is STRING: re-lex
// without escape processing, decoding HTML entities) as JSX_STRING.
void ps_lexer_rescan_jsx_string(PsLexer *self);

// Name of a token type for messages ("'('", "identifier").
const char *ps_token_name(PsTok type);
const char *ps_keyword_text(PsKeyword kw);

#endif
