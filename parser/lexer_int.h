// Internals shared by the lexer's source files (lexer.c: dispatch, trivia,
// identifiers, punctuators; lexer_number.c; lexer_string.c: strings,
// templates, regular expression bodies; lexer_jsx.c). Not for the parser.
#ifndef OCHRE_PARSER_LEXER_INT_H
#define OCHRE_PARSER_LEXER_INT_H

#include "lexer.h"

// Byte classes (bits of ps_lex_class[]). Only ASCII bytes have bits set;
// bytes >= 0x80 are always handled on a slow path that decodes UTF-8.
#define PS_LC_ID_START 0x01u  // A-Z a-z $ _
#define PS_LC_ID_PART 0x02u   // ID_START and 0-9
#define PS_LC_DIGIT 0x04u     // 0-9
#define PS_LC_HEX 0x08u       // 0-9 A-F a-f
#define PS_LC_WS 0x10u        // TAB VT FF SP
#define PS_LC_STOP_DQ 0x20u   // ends the fast loop of a "string": " \ LF CR NUL >=0x80
#define PS_LC_STOP_SQ 0x40u   // same for a 'string'
#define PS_LC_STOP_LINE 0x80u // ends a single-line comment fast loop: LF CR NUL >=0x80
#define PS_LC_STOP_BLOCK 0x100u  // ends a /* comment */ fast loop: * LF CR NUL >=0x80
#define PS_LC_STOP_TPL 0x200u    // ends a template fast loop: ` $ \ CR NUL >=0x80
#define PS_LC_STOP_REGEX 0x400u  // ends a regexp body fast loop: / \ [ ] LF CR NUL >=0x80
#define PS_LC_STOP_JSX 0x800u    // ends a JSX text fast loop: { < > } & CR NUL >=0x80

extern const uint16_t ps_lex_class[256];

static inline bool ps_lex_is(uint8_t c, unsigned cls) { return (ps_lex_class[c] & cls) != 0; }

// Flags that describe the trivia before a token; rescans keep them.
#define PS_LEX_TRIVIA_FLAGS (PS_TF_NEWLINE_BEFORE | PS_TF_HTML_COMMENT_BEFORE)

// Starts a new token at `start`: resets every field of self->tok (one
// struct store, which compilers emit as a few vector stores).
static inline void ps_lex_tok_reset(PsLexer *self, uint32_t start, uint32_t flags) {
    self->tok = (PsToken){.type = PS_TOK_ERROR, .flags = (uint16_t)flags, .start = start, .end = start};
}

static inline uint32_t ps_lex_hex_value(uint8_t c) {
    return c <= '9' ? (uint32_t)(c - '0') : (uint32_t)((c | 0x20) - 'a' + 10);
}

// U+2028 LINE SEPARATOR / U+2029 PARAGRAPH SEPARATOR, encoded E2 80 A8/A9.
static inline bool ps_lex_is_ls_ps(const char *s, uint32_t p) {
    return (uint8_t)s[p] == 0xE2 && (uint8_t)s[p + 1] == 0x80 && ((uint8_t)s[p + 2] & 0xFE) == 0xA8;
}

// Decodes the UTF-8 sequence at p (within the source); returns its length
// and stores the code point, or OCH_UTF8_INVALID with length 1.
static inline uint32_t ps_lex_decode(const PsLexer *self, uint32_t p, uint32_t *cp) {
    return och_utf8_decode(self->src + p, p < self->len ? self->len - p : 0, cp, false);
}

// Reports the run of invalid UTF-8 bytes starting at p (where decoding
// fails) as one E0001 diagnostic and returns the offset after the run.
uint32_t ps_lex_invalid_utf8(PsLexer *self, uint32_t p);

// Parses a `\u` escape whose `u` is at p (so the backslash is at p - 1):
// `XXXX` or `{X...}`. On success returns the code point and stores the end
// offset. On a malformed escape returns a negative value and stores the
// offset where scanning stopped: -1 malformed, -2 code point > 0x10FFFF.
// Reports nothing: callers decide (strings and identifiers report,
// templates only mark the cooked value undefined).
int32_t ps_lex_unicode_escape(const PsLexer *self, uint32_t p, uint32_t *end);

// Reports a malformed `\u` escape [start, end) (start = the backslash).
void ps_lex_report_unicode_escape(PsLexer *self, int32_t status, uint32_t start, uint32_t end);

// Returns true when the code point can start / continue an identifier.
static inline bool ps_lex_id_start(uint32_t cp) {
    return cp < 0x80 ? ps_lex_is((uint8_t)cp, PS_LC_ID_START) : ps_is_id_start(cp);
}
static inline bool ps_lex_id_part(uint32_t cp) {
    return cp < 0x80 ? ps_lex_is((uint8_t)cp, PS_LC_ID_PART) : ps_is_id_continue(cp);
}

// Returns true when an identifier starts at p: an ASCII IdentifierStart,
// `\u` (an escape) or a non-ASCII ID_Start code point.
bool ps_lex_ident_starts_at(const PsLexer *self, uint32_t p);

// Scanners for the token kinds; each starts at the token's first byte
// (self->tok.start, with type/flags already reset by the caller), fills
// self->tok and returns the offset after the token.
uint32_t ps_lex_scan_number(PsLexer *self, uint32_t start);
uint32_t ps_lex_scan_string(PsLexer *self, uint32_t start);
// `start` is the offset of the opening '`' or of the '}' that continues it.
uint32_t ps_lex_scan_template(PsLexer *self, uint32_t start, bool continuation);

// Appends the UTF-8 (WTF-8) encoding of cp at out, merging a low surrogate
// with a high surrogate just before it (`\uD83D\uDE00` is one code point).
// `base` is the start of the output buffer. Returns the new end.
char *ps_lex_put_code_unit(char *base, char *out, uint32_t cp);

#endif
