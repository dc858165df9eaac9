// Lexer core: byte-class tables, the token dispatch loop, trivia
// (whitespace, line terminators, comments, hashbang, Annex B HTML-like
// comments), identifiers and keywords, private names and punctuators.
// Numbers, strings/templates/regexps and JSX live in lexer_number.c,
// lexer_string.c and lexer_jsx.c.
//
// Speed matters here (the lexer is benchmarked against other parsers): the
// dispatch is one table lookup and a dense switch, whitespace, comments and
// identifiers are tight table-driven loops, keywords are recognised by length
// and first letter, and tokens without escapes point into the source. The
// source is NUL-padded, so the scanners read ahead without bounds checks and
// only check `pos >= len` when they meet a NUL byte.
#include "lexer_int.h"

#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

// --- byte classes -----------------------------------------------------------

#define LC_IS_ALPHA(c) (((c) >= 'a' && (c) <= 'z') || ((c) >= 'A' && (c) <= 'Z'))
#define LC_IS_DIGIT(c) ((c) >= '0' && (c) <= '9')
#define LC_END(c) ((c) == '\n' || (c) == '\r' || (c) == 0 || (c) >= 0x80)
#define LC(c)                                                                                    \
    ((LC_IS_ALPHA(c) || (c) == '$' || (c) == '_' ? PS_LC_ID_START | PS_LC_ID_PART : 0) |         \
     (LC_IS_DIGIT(c) ? PS_LC_ID_PART | PS_LC_DIGIT | PS_LC_HEX : 0) |                            \
     (((c) >= 'a' && (c) <= 'f') || ((c) >= 'A' && (c) <= 'F') ? PS_LC_HEX : 0) |               \
     ((c) == ' ' || (c) == '\t' || (c) == 0x0B || (c) == 0x0C ? PS_LC_WS : 0) |                  \
     ((c) == '"' || (c) == '\\' || LC_END(c) ? PS_LC_STOP_DQ : 0) |                              \
     ((c) == '\'' || (c) == '\\' || LC_END(c) ? PS_LC_STOP_SQ : 0) |                             \
     (LC_END(c) ? PS_LC_STOP_LINE : 0) | ((c) == '*' || LC_END(c) ? PS_LC_STOP_BLOCK : 0) |      \
     ((c) == '`' || (c) == '$' || (c) == '\\' || (c) == '\r' || (c) == 0 || (c) >= 0x80          \
          ? PS_LC_STOP_TPL                                                                       \
          : 0) |                                                                                 \
     ((c) == '/' || (c) == '\\' || (c) == '[' || (c) == ']' || LC_END(c) ? PS_LC_STOP_REGEX : 0) | \
     ((c) == '{' || (c) == '<' || (c) == '>' || (c) == '}' || (c) == '&' || (c) == '\r' ||       \
              (c) == 0 || (c) >= 0x80                                                            \
          ? PS_LC_STOP_JSX                                                                       \
          : 0))
#define LC4(c) LC(c), LC((c) + 1), LC((c) + 2), LC((c) + 3)
#define LC16(c) LC4(c), LC4((c) + 4), LC4((c) + 8), LC4((c) + 12)
#define LC64(c) LC16(c), LC16((c) + 16), LC16((c) + 32), LC16((c) + 48)

const uint16_t ps_lex_class[256] = {LC64(0), LC64(64), LC64(128), LC64(192)};

// What the dispatch loop does with a token's first byte.
enum {
    A_OTHER,  // control characters, DEL: unexpected
    A_NUL,    // end of input, or a NUL byte inside it
    A_WS,
    A_LF,
    A_CR,
    A_IDENT,
    A_DIGIT,
    A_QUOTE,
    A_BACKTICK,
    A_SINGLE,  // one-byte punctuator: ( ) [ ] { } ; , : ~ @
    A_SLASH,
    A_DOT,
    A_LT,
    A_GT,
    A_EQ,
    A_BANG,
    A_PLUS,
    A_MINUS,
    A_STAR,
    A_PERCENT,
    A_AMP,
    A_PIPE,
    A_CARET,
    A_QUESTION,
    A_HASH,
    A_BACKSLASH,
    A_NONASCII,
};

#define ACT(c)                                                                                    \
    ((c) == 0                                                 ? A_NUL                             \
     : (c) >= 0x80                                            ? A_NONASCII                        \
     : (c) == ' ' || (c) == '\t' || (c) == 0x0B || (c) == 0x0C ? A_WS                             \
     : (c) == '\n'                                            ? A_LF                              \
     : (c) == '\r'                                            ? A_CR                              \
     : LC_IS_ALPHA(c) || (c) == '$' || (c) == '_'             ? A_IDENT                           \
     : LC_IS_DIGIT(c)                                         ? A_DIGIT                           \
     : (c) == '"' || (c) == '\''                              ? A_QUOTE                           \
     : (c) == '`'                                             ? A_BACKTICK                        \
     : (c) == '(' || (c) == ')' || (c) == '[' || (c) == ']' || (c) == '{' || (c) == '}' ||        \
             (c) == ';' || (c) == ',' || (c) == ':' || (c) == '~' || (c) == '@'                   \
         ? A_SINGLE                                                                               \
     : (c) == '/'  ? A_SLASH                                                                      \
     : (c) == '.'  ? A_DOT                                                                        \
     : (c) == '<'  ? A_LT                                                                         \
     : (c) == '>'  ? A_GT                                                                         \
     : (c) == '='  ? A_EQ                                                                         \
     : (c) == '!'  ? A_BANG                                                                       \
     : (c) == '+'  ? A_PLUS                                                                       \
     : (c) == '-'  ? A_MINUS                                                                      \
     : (c) == '*'  ? A_STAR                                                                       \
     : (c) == '%'  ? A_PERCENT                                                                    \
     : (c) == '&'  ? A_AMP                                                                        \
     : (c) == '|'  ? A_PIPE                                                                       \
     : (c) == '^'  ? A_CARET                                                                      \
     : (c) == '?'  ? A_QUESTION                                                                   \
     : (c) == '#'  ? A_HASH                                                                       \
     : (c) == '\\' ? A_BACKSLASH                                                                  \
                   : A_OTHER)
#define ACT4(c) ACT(c), ACT((c) + 1), ACT((c) + 2), ACT((c) + 3)
#define ACT16(c) ACT4(c), ACT4((c) + 4), ACT4((c) + 8), ACT4((c) + 12)
#define ACT64(c) ACT16(c), ACT16((c) + 16), ACT16((c) + 32), ACT16((c) + 48)

static const uint8_t action[256] = {ACT64(0), ACT64(64), ACT64(128), ACT64(192)};

static const uint8_t single_tok[128] = {
    ['('] = PS_TOK_LPAREN,   [')'] = PS_TOK_RPAREN, ['['] = PS_TOK_LBRACKET,
    [']'] = PS_TOK_RBRACKET, ['{'] = PS_TOK_LBRACE, ['}'] = PS_TOK_RBRACE,
    [';'] = PS_TOK_SEMICOLON, [','] = PS_TOK_COMMA, [':'] = PS_TOK_COLON,
    ['~'] = PS_TOK_TILDE,    ['@'] = PS_TOK_AT,
};

// --- names ------------------------------------------------------------------

static const char *const token_names[PS_TOK_COUNT] = {
#define PS_X(id, text) text,
    PS_TOKENS(PS_X)
#undef PS_X
};
static const char *const token_names_quoted[PS_TOK_COUNT] = {
#define PS_X(id, text) "'" text "'",
    PS_TOKENS(PS_X)
#undef PS_X
};
static const char *const keyword_texts[PS_KW_COUNT] = {
#define PS_X(id, text) text,
    PS_KEYWORDS(PS_X)
#undef PS_X
};

// Punctuators are quoted ("'('"), token kinds are not ("identifier").
const char *ps_token_name(PsTok type) {
    if ((unsigned)type >= PS_TOK_COUNT) return "token";
    if (type >= PS_TOK_LBRACE && type <= PS_TOK_AT) return token_names_quoted[type];
    return token_names[type];
}

const char *ps_keyword_text(PsKeyword kw) {
    return (unsigned)kw < PS_KW_COUNT ? keyword_texts[kw] : "";
}

// Keywords by perfect hash: KW_HASH of (first, second, last byte, length)
// has no collisions among PS_KEYWORDS, so one table probe and one compare
// decide. A colliding entry added to the table would trigger
// -Woverride-init (in -Wextra), and test_lexer checks every keyword.
#define KW_HASH(c0, c1, cl, n) \
    (((unsigned)(c0) * 2u + (unsigned)(c1) * 35u + (unsigned)(cl) + (unsigned)(n) * 3u) & 255u)
#define KWE(c0, c1, cl, n, id) [KW_HASH(c0, c1, cl, n)] = PS_KW_##id
static const uint8_t keyword_hash[256] = {
    KWE('b', 'r', 'k', 5, BREAK), KWE('c', 'a', 'e', 4, CASE), KWE('c', 'a', 'h', 5, CATCH),
    KWE('c', 'l', 's', 5, CLASS), KWE('c', 'o', 't', 5, CONST),
    KWE('c', 'o', 'e', 8, CONTINUE), KWE('d', 'e', 'r', 8, DEBUGGER),
    KWE('d', 'e', 't', 7, DEFAULT), KWE('d', 'e', 'e', 6, DELETE), KWE('d', 'o', 'o', 2, DO),
    KWE('e', 'l', 'e', 4, ELSE), KWE('e', 'n', 'm', 4, ENUM), KWE('e', 'x', 't', 6, EXPORT),
    KWE('e', 'x', 's', 7, EXTENDS), KWE('f', 'a', 'e', 5, FALSE),
    KWE('f', 'i', 'y', 7, FINALLY), KWE('f', 'o', 'r', 3, FOR),
    KWE('f', 'u', 'n', 8, FUNCTION), KWE('i', 'f', 'f', 2, IF), KWE('i', 'm', 't', 6, IMPORT),
    KWE('i', 'n', 'n', 2, IN), KWE('i', 'n', 'f', 10, INSTANCEOF), KWE('n', 'e', 'w', 3, NEW),
    KWE('n', 'u', 'l', 4, NULL), KWE('r', 'e', 'n', 6, RETURN), KWE('s', 'u', 'r', 5, SUPER),
    KWE('s', 'w', 'h', 6, SWITCH), KWE('t', 'h', 's', 4, THIS), KWE('t', 'h', 'w', 5, THROW),
    KWE('t', 'r', 'e', 4, TRUE), KWE('t', 'r', 'y', 3, TRY), KWE('t', 'y', 'f', 6, TYPEOF),
    KWE('v', 'a', 'r', 3, VAR), KWE('v', 'o', 'd', 4, VOID), KWE('w', 'h', 'e', 5, WHILE),
    KWE('w', 'i', 'h', 4, WITH), KWE('i', 'm', 's', 10, IMPLEMENTS),
    KWE('i', 'n', 'e', 9, INTERFACE), KWE('l', 'e', 't', 3, LET),
    KWE('p', 'a', 'e', 7, PACKAGE), KWE('p', 'r', 'e', 7, PRIVATE),
    KWE('p', 'r', 'd', 9, PROTECTED), KWE('p', 'u', 'c', 6, PUBLIC),
    KWE('s', 't', 'c', 6, STATIC), KWE('y', 'i', 'd', 5, YIELD), KWE('a', 'w', 't', 5, AWAIT),
    KWE('a', 's', 'c', 5, ASYNC), KWE('a', 's', 's', 2, AS), KWE('f', 'r', 'm', 4, FROM),
    KWE('g', 'e', 't', 3, GET), KWE('s', 'e', 't', 3, SET), KWE('o', 'f', 'f', 2, OF),
    KWE('t', 'a', 't', 6, TARGET), KWE('m', 'e', 'a', 4, META), KWE('u', 's', 'g', 5, USING),
    KWE('a', 'c', 'r', 8, ACCESSOR), KWE('c', 'o', 'r', 11, CONSTRUCTOR),
    KWE('a', 'r', 's', 9, ARGUMENTS), KWE('e', 'v', 'l', 4, EVAL),
    KWE('u', 'n', 'd', 9, UNDEFINED),
};
#undef KWE

// Keyword texts padded with NUL to 16 bytes, for a masked 16-byte compare.
static const char keyword_padded[PS_KW_COUNT][16] = {
#define PS_X(id, text) text,
    PS_KEYWORDS(PS_X)
#undef PS_X
};
static const uint8_t keyword_len[PS_KW_COUNT] = {
#define PS_X(id, text) sizeof(text) - 1,
    PS_KEYWORDS(PS_X)
#undef PS_X
};

// Looks up the name s[0..n). `padded`: 16 bytes are readable at s (a name
// in the NUL-padded source), which allows the compare without memcmp.
static inline PsKeyword keyword_of(const char *s, uint32_t n, bool padded) {
    if (n < 2 || n > 11) return PS_KW_NONE;
    unsigned kw = keyword_hash[KW_HASH((uint8_t)s[0], (uint8_t)s[1], (uint8_t)s[n - 1], n)];
    if (kw == PS_KW_NONE || keyword_len[kw] != n) return PS_KW_NONE;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (padded) {
        uint64_t a0, a1, b0, b1;
        memcpy(&a0, s, 8);
        memcpy(&a1, s + 8, 8);
        memcpy(&b0, keyword_padded[kw], 8);
        memcpy(&b1, keyword_padded[kw] + 8, 8);
        uint64_t m0 = n >= 8 ? ~UINT64_C(0) : (UINT64_C(1) << (8 * n)) - 1;
        uint64_t m1 = n <= 8 ? 0 : (UINT64_C(1) << (8 * (n - 8))) - 1;
        return ((a0 & m0) == b0 && (a1 & m1) == b1) ? (PsKeyword)kw : PS_KW_NONE;
    }
#endif
    return memcmp(s, keyword_padded[kw], n) == 0 ? (PsKeyword)kw : PS_KW_NONE;
}

// --- shared helpers ---------------------------------------------------------

uint32_t ps_lex_invalid_utf8(PsLexer *self, uint32_t p) {
    uint32_t start = p, cp;
    do {
        p++;
    } while (p < self->len && (uint8_t)self->src[p] >= 0x80 &&
             (ps_lex_decode(self, p, &cp), cp == OCH_UTF8_INVALID));
    och_diag_add(self->diags, PS_E_INVALID_UTF8, OCH_SEV_ERROR, start, p,
                 p - start == 1 ? "invalid UTF-8 byte; save the file as UTF-8"
                                : "invalid UTF-8 bytes; save the file as UTF-8");
    return p;
}

int32_t ps_lex_unicode_escape(const PsLexer *self, uint32_t p, uint32_t *end) {
    const char *s = self->src;
    uint32_t q = p + 1, v = 0;
    if (s[q] == '{') {
        q++;
        uint32_t first = q;
        while (ps_lex_is((uint8_t)s[q], PS_LC_HEX)) {
            v = v * 16 + ps_lex_hex_value((uint8_t)s[q]);
            if (v > 0x10FFFF) v = 0x110000;  // saturate: any longer value is too big
            q++;
        }
        if (q == first || s[q] != '}') {
            *end = q;
            return -1;
        }
        *end = q + 1;
        return v > 0x10FFFF ? -2 : (int32_t)v;
    }
    for (uint32_t i = 0; i < 4; i++, q++) {
        if (!ps_lex_is((uint8_t)s[q], PS_LC_HEX)) {
            *end = q;
            return -1;
        }
        v = v * 16 + ps_lex_hex_value((uint8_t)s[q]);
    }
    *end = q;
    return (int32_t)v;
}

void ps_lex_report_unicode_escape(PsLexer *self, int32_t status, uint32_t start, uint32_t end) {
    if (end <= start + 1) end = start + 2;
    if (status == -2)
        och_diag_add(self->diags, PS_E_CODE_POINT_OUT_OF_RANGE, OCH_SEV_ERROR, start, end,
                     "Unicode escape is above U+10FFFF, the largest code point; "
                     "use a value up to `\\u{10FFFF}`");
    else
        och_diag_add(self->diags, PS_E_INVALID_UNICODE_ESCAPE, OCH_SEV_ERROR, start, end,
                     "invalid Unicode escape; write `\\u` followed by four hex digits "
                     "(`\\u00e9`) or by hex digits in braces (`\\u{1F600}`)");
}

bool ps_lex_ident_starts_at(const PsLexer *self, uint32_t p) {
    uint8_t c = (uint8_t)self->src[p];
    if (c < 0x80) return ps_lex_is(c, PS_LC_ID_START) || (c == '\\' && self->src[p + 1] == 'u');
    uint32_t cp;
    ps_lex_decode(self, p, &cp);
    return cp != OCH_UTF8_INVALID && ps_is_id_start(cp);
}

char *ps_lex_put_code_unit(char *base, char *out, uint32_t cp) {
    if (cp >= 0xDC00 && cp <= 0xDFFF && out - base >= 3) {
        uint8_t *q = (uint8_t *)out - 3;
        // A high surrogate D800-DBFF is ED A0..AF xx in WTF-8. Source text is
        // valid UTF-8, so such bytes can only come from an escape just before.
        if (q[0] == 0xED && (q[1] & 0xF0) == 0xA0) {
            uint32_t hi = 0xD000u | ((q[1] & 0x3Fu) << 6) | (q[2] & 0x3Fu);
            uint32_t full = 0x10000u + ((hi - 0xD800u) << 10) + (cp - 0xDC00u);
            return (char *)q + och_utf8_encode((char *)q, full);
        }
    }
    return out + och_utf8_encode(out, cp);
}

// --- trivia -----------------------------------------------------------------

// Skips spaces from p, eight at a time: indentation is a large part of
// typical source. Reading 8 bytes ahead is safe because the NUL padding
// stops the loop before it passes the end of the source.
static inline uint32_t skip_spaces(const char *s, uint32_t p) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    for (;;) {
        uint64_t w;
        memcpy(&w, s + p, 8);
        uint64_t x = w ^ UINT64_C(0x2020202020202020);
        if (x) return p + ((uint32_t)__builtin_ctzll(x) >> 3);
        p += 8;
    }
#else
    while (s[p] == ' ') p++;
    return p;
#endif
}

// Skips the rest of a single-line comment from p; stops at (does not
// consume) the line terminator or the end of input.
static uint32_t skip_line_comment(PsLexer *self, uint32_t p) {
    const char *s = self->src;
    for (;;) {
        while (!ps_lex_is((uint8_t)s[p], PS_LC_STOP_LINE)) p++;
        uint8_t c = (uint8_t)s[p];
        if (c == '\n' || c == '\r') return p;
        if (c == 0) {
            if (p >= self->len) return p;
            p++;
            continue;
        }
        if (ps_lex_is_ls_ps(s, p)) return p;
        uint32_t cp, n = ps_lex_decode(self, p, &cp);
        p = cp == OCH_UTF8_INVALID ? ps_lex_invalid_utf8(self, p) : p + n;
    }
}

// Skips a /* comment */ whose `/*` is at start; sets *newline when it
// contains a line terminator. Reports an unterminated comment.
static uint32_t skip_block_comment(PsLexer *self, uint32_t start, uint32_t *flags) {
    const char *s = self->src;
    uint32_t p = start + 2;
    for (;;) {
        while (!ps_lex_is((uint8_t)s[p], PS_LC_STOP_BLOCK)) p++;
        uint8_t c = (uint8_t)s[p];
        if (c == '*') {
            if (s[p + 1] == '/') return p + 2;
            p++;
        } else if (c == '\n' || c == '\r') {
            *flags |= PS_TF_NEWLINE_BEFORE;
            p++;
        } else if (c == 0) {
            if (p >= self->len) break;
            p++;
        } else if (ps_lex_is_ls_ps(s, p)) {
            *flags |= PS_TF_NEWLINE_BEFORE;
            p += 3;
        } else {
            uint32_t cp, n = ps_lex_decode(self, p, &cp);
            p = cp == OCH_UTF8_INVALID ? ps_lex_invalid_utf8(self, p) : p + n;
        }
    }
    OchDiag *d = och_diag_add(self->diags, PS_E_UNTERMINATED_COMMENT, OCH_SEV_ERROR, start,
                              start + 2, "unterminated comment; add the closing `*/`");
    och_diag_related(self->diags, d, self->len, self->len, "the file ends inside the comment");
    return self->len;
}

// --- identifiers ------------------------------------------------------------

// Scans the rest of an identifier whose name starts at name_start and whose
// plain ASCII part [name_start, p) is already consumed; s[p] is a backslash
// or a non-ASCII byte (or anything else when called from the JSX code).
// Handles non-ASCII ID_Continue characters and \u escapes (decoding the name
// into the arena). Fills value/kw/flags of self->tok.
static uint32_t scan_ident_rest(PsLexer *self, uint32_t name_start, uint32_t p) {
    const char *s = self->src;
    PsToken *t = &self->tok;
    OchBuf buf = {0};
    bool escaped = false;
    for (;;) {
        uint8_t c = (uint8_t)s[p];
        if (ps_lex_is(c, PS_LC_ID_PART)) {
            if (escaped) och_buf_putc(&buf, (char)c);
            p++;
        } else if (c >= 0x80) {
            uint32_t cp, n = ps_lex_decode(self, p, &cp);
            if (cp == OCH_UTF8_INVALID) break;
            if (!(p == name_start ? ps_is_id_start(cp) : ps_is_id_continue(cp))) break;
            if (escaped) och_buf_append(&buf, s + p, n);
            p += n;
        } else if (c == '\\') {
            if (!escaped) {
                escaped = true;
                och_buf_append(&buf, s + name_start, p - name_start);
            }
            if (s[p + 1] != 'u') {
                och_diag_add(self->diags, PS_E_INVALID_UNICODE_ESCAPE, OCH_SEV_ERROR, p, p + 1,
                             "a backslash in an identifier must start a Unicode escape "
                             "`\\uXXXX`; remove it");
                p++;
                continue;
            }
            uint32_t end;
            int32_t cp = ps_lex_unicode_escape(self, p + 1, &end);
            if (cp < 0) {
                ps_lex_report_unicode_escape(self, cp, p, end);
            } else if (!(p == name_start ? ps_lex_id_start((uint32_t)cp)
                                         : ps_lex_id_part((uint32_t)cp))) {
                och_diag_add(self->diags, PS_E_INVALID_IDENTIFIER_ESCAPE, OCH_SEV_ERROR, p, end,
                             "escape `%.*s` (U+%04X) is not allowed %s an identifier; "
                             "remove it or use a letter",
                             (int)(end - p), s + p, (unsigned)cp,
                             p == name_start ? "at the start of" : "in");
            } else {
                char tmp[4];
                och_buf_append(&buf, tmp, och_utf8_encode(tmp, (uint32_t)cp));
            }
            p = end;
        } else {
            break;
        }
    }
    if (escaped) {
        t->flags |= PS_TF_ESCAPED;
        t->value_len = (uint32_t)buf.len;
        t->value = buf.len ? och_arena_memdup(self->arena, buf.data, buf.len) : s + p;
        och_buf_free(&buf);
    } else {
        t->value = s + name_start;
        t->value_len = p - name_start;
    }
    if (t->type == PS_TOK_IDENT) t->kw = (uint8_t)keyword_of(t->value, t->value_len, !escaped);
    return p;
}

// Skips ASCII identifier characters [A-Za-z0-9$_] from p. With SSE2 (every
// x86-64) 16 bytes are classified at once; reading ahead is safe because the
// NUL padding ends the run before the end of the buffer.
static inline uint32_t skip_id_part(const char *s, uint32_t p) {
#if defined(__SSE2__)
    for (;;) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + p));
        // Bytes >= 0x80 are negative in the signed compares, so never match.
        __m128i lower = _mm_or_si128(v, _mm_set1_epi8(0x20));
        __m128i alpha = _mm_and_si128(_mm_cmpgt_epi8(lower, _mm_set1_epi8('a' - 1)),
                                      _mm_cmpgt_epi8(_mm_set1_epi8('z' + 1), lower));
        __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)),
                                      _mm_cmpgt_epi8(_mm_set1_epi8('9' + 1), v));
        __m128i other = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('_')),
                                     _mm_cmpeq_epi8(v, _mm_set1_epi8('$')));
        __m128i ok = _mm_or_si128(_mm_or_si128(alpha, digit), other);
        unsigned stop = ~(unsigned)_mm_movemask_epi8(ok) & 0xFFFFu;
        if (stop) return p + (uint32_t)__builtin_ctz(stop);
        p += 16;
    }
#else
    while (ps_lex_is((uint8_t)s[p], PS_LC_ID_PART)) p++;
    return p;
#endif
}

// Scans an identifier (or the name of a private name) at name_start, whose
// first character was checked to start an identifier.
static inline uint32_t scan_name(PsLexer *self, uint32_t name_start) {
    const char *s = self->src;
    uint32_t p = skip_id_part(s, name_start);
    if (OCH_UNLIKELY(s[p] == '\\' || (uint8_t)s[p] >= 0x80)) return scan_ident_rest(self, name_start, p);
    PsToken *t = &self->tok;
    t->value = s + name_start;
    t->value_len = p - name_start;
    if (t->type == PS_TOK_IDENT) t->kw = (uint8_t)keyword_of(s + name_start, p - name_start, true);
    return p;
}

// --- errors -----------------------------------------------------------------

static bool is_invisible(uint32_t cp) {
    return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || (cp >= 0x200B && cp <= 0x200F) ||
           (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x206F) ||
           (cp >= 0xFFF9 && cp <= 0xFFFB);
}

// Reports an unexpected (valid) character of n bytes at p.
static void report_unexpected(PsLexer *self, uint32_t p, uint32_t n, uint32_t cp) {
    const char *s = self->src;
    OchDiagList *dl = self->diags;
    if (cp == '\\')
        och_diag_add(dl, PS_E_UNEXPECTED_CHAR, OCH_SEV_ERROR, p, p + 1,
                     "unexpected `\\` outside a string; only a `\\uXXXX` escape may start "
                     "an identifier");
    else if (is_invisible(cp))
        och_diag_add(dl, PS_E_UNEXPECTED_CHAR, OCH_SEV_ERROR, p, p + n,
                     "unexpected invisible character U+%04X; remove it", (unsigned)cp);
    else if (cp < 0x80)
        och_diag_add(dl, PS_E_UNEXPECTED_CHAR, OCH_SEV_ERROR, p, p + n,
                     "unexpected character `%c`; remove it", (char)cp);
    else if (cp == 0x2018 || cp == 0x2019 || cp == 0x201C || cp == 0x201D)
        och_diag_add(dl, PS_E_UNEXPECTED_CHAR, OCH_SEV_ERROR, p, p + n,
                     "unexpected typographic quote `%.*s` (U+%04X); JavaScript strings use "
                     "straight quotes `\"` or `'`",
                     (int)n, s + p, (unsigned)cp);
    else
        och_diag_add(dl, PS_E_UNEXPECTED_CHAR, OCH_SEV_ERROR, p, p + n,
                     "unexpected character `%.*s` (U+%04X): it cannot appear outside strings, "
                     "comments and templates; remove it or quote it",
                     (int)n, s + p, (unsigned)cp);
}

// --- the dispatch loop ------------------------------------------------------

void ps_lexer_init(PsLexer *self, const char *src, uint32_t len, OchArena *arena,
                   OchDiagList *diags, bool module, bool annex_b, bool jsx) {
    memset(self, 0, sizeof *self);
    self->src = src;
    self->len = len;
    self->arena = arena;
    self->diags = diags;
    self->module = module;
    self->annex_b = annex_b;
    self->jsx = jsx;
    self->strict = module;
    self->tok.type = PS_TOK_EOF;
    self->tok_diags = diags->v.len;
    // A hashbang comment is only valid at the very first byte; a byte order
    // mark before it is tolerated (hosts strip it before parsing).
    uint32_t p = len >= 3 && memcmp(src, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
    if (src[p] == '#' && src[p + 1] == '!') self->pos = skip_line_comment(self, p + 2);
}

#define PUNCT(ty, n)      \
    do {                  \
        t->type = (ty);   \
        p = start + (n);  \
        goto done;        \
    } while (0)

void ps_lexer_next(PsLexer *self) {
    const char *s = self->src;
    PsToken *t = &self->tok;
    uint32_t p = self->pos;
    uint32_t flags = 0;
    uint32_t start;
    for (;;) {
        // One space between tokens is the most common trivia: skip it
        // without a (hard to predict) dispatch.
        p += s[p] == ' ';
        start = p;
        uint8_t c = (uint8_t)s[p];
        switch (action[c]) {
        case A_WS:
            p = skip_spaces(s, p + 1);
            while (ps_lex_is((uint8_t)s[p], PS_LC_WS)) p++;
            continue;
        case A_LF:
        case A_CR:
            flags |= PS_TF_NEWLINE_BEFORE;
            p = skip_spaces(s, p + 1);
            continue;
        case A_SLASH:
            if (s[p + 1] == '/') {
                p = skip_line_comment(self, p + 2);
                continue;
            }
            if (s[p + 1] == '*') {
                p = skip_block_comment(self, p, &flags);
                continue;
            }
            ps_lex_tok_reset(self, start, flags);
            if (s[p + 1] == '=') PUNCT(PS_TOK_SLASH_ASSIGN, 2);
            PUNCT(PS_TOK_SLASH, 1);
        case A_IDENT:
            ps_lex_tok_reset(self, start, flags);
            t->type = PS_TOK_IDENT;
            p = scan_name(self, start);
            goto done;
        case A_SINGLE:
            ps_lex_tok_reset(self, start, flags);
            PUNCT(single_tok[c], 1);
        case A_DIGIT:
            ps_lex_tok_reset(self, start, flags);
            p = ps_lex_scan_number(self, start);
            goto done;
        case A_DOT:
            ps_lex_tok_reset(self, start, flags);
            if (ps_lex_is((uint8_t)s[p + 1], PS_LC_DIGIT)) {
                p = ps_lex_scan_number(self, start);
                goto done;
            }
            if (s[p + 1] == '.' && s[p + 2] == '.') PUNCT(PS_TOK_ELLIPSIS, 3);
            PUNCT(PS_TOK_DOT, 1);
        case A_QUOTE:
            ps_lex_tok_reset(self, start, flags);
            self->tok_diags = self->diags->v.len;
            p = ps_lex_scan_string(self, start);
            goto done;
        case A_BACKTICK:
            ps_lex_tok_reset(self, start, flags);
            p = ps_lex_scan_template(self, start, false);
            goto done;
        case A_EQ:
            ps_lex_tok_reset(self, start, flags);
            if (s[p + 1] == '=') {
                if (s[p + 2] == '=') PUNCT(PS_TOK_SEQ, 3);
                PUNCT(PS_TOK_EQ, 2);
            }
            if (s[p + 1] == '>') PUNCT(PS_TOK_ARROW, 2);
            PUNCT(PS_TOK_ASSIGN, 1);
        case A_BANG:
            ps_lex_tok_reset(self, start, flags);
            if (s[p + 1] == '=') {
                if (s[p + 2] == '=') PUNCT(PS_TOK_SNE, 3);
                PUNCT(PS_TOK_NE, 2);
            }
            PUNCT(PS_TOK_BANG, 1);
        case A_PLUS:
            ps_lex_tok_reset(self, start, flags);
            if (s[p + 1] == '+') PUNCT(PS_TOK_INC, 2);
            if (s[p + 1] == '=') PUNCT(PS_TOK_PLUS_ASSIGN, 2);
            PUNCT(PS_TOK_PLUS, 1);
        case A_MINUS:
            if (s[p + 1] == '-' && s[p + 2] == '>' && self->annex_b && !self->module &&
                ((flags & PS_TF_NEWLINE_BEFORE) || t->end == 0)) {
                // Annex B SingleLineHTMLCloseComment: `-->` first on a line
                // (after whitespace and /* */ comments only).
                flags |= PS_TF_HTML_COMMENT_BEFORE;
                p = skip_line_comment(self, p + 3);
                continue;
            }
            ps_lex_tok_reset(self, start, flags);
            if (s[p + 1] == '-') PUNCT(PS_TOK_DEC, 2);
            if (s[p + 1] == '=') PUNCT(PS_TOK_MINUS_ASSIGN, 2);
            PUNCT(PS_TOK_MINUS, 1);
        case A_LT:
            if (s[p + 1] == '!' && s[p + 2] == '-' && s[p + 3] == '-' && self->annex_b &&
                !self->module) {
                // Annex B SingleLineHTMLOpenComment `<!--`, anywhere.
                flags |= PS_TF_HTML_COMMENT_BEFORE;
                p = skip_line_comment(self, p + 4);
                continue;
            }
            ps_lex_tok_reset(self, start, flags);
            if (s[p + 1] == '<') {
                if (s[p + 2] == '=') PUNCT(PS_TOK_SHL_ASSIGN, 3);
                PUNCT(PS_TOK_SHL, 2);
            }
            if (s[p + 1] == '=') PUNCT(PS_TOK_LE, 2);
            PUNCT(PS_TOK_LT, 1);
        case A_GT:
            ps_lex_tok_reset(self, start, flags);
            if (s[p + 1] == '>') {
                if (s[p + 2] == '>') {
                    if (s[p + 3] == '=') PUNCT(PS_TOK_SHR_ASSIGN, 4);
                    PUNCT(PS_TOK_SHR, 3);
                }
                if (s[p + 2] == '=') PUNCT(PS_TOK_SAR_ASSIGN, 3);
                PUNCT(PS_TOK_SAR, 2);
            }
            if (s[p + 1] == '=') PUNCT(PS_TOK_GE, 2);
            PUNCT(PS_TOK_GT, 1);
        case A_STAR:
            ps_lex_tok_reset(self, start, flags);
            if (s[p + 1] == '*') {
                if (s[p + 2] == '=') PUNCT(PS_TOK_STARSTAR_ASSIGN, 3);
                PUNCT(PS_TOK_STARSTAR, 2);
            }
            if (s[p + 1] == '=') PUNCT(PS_TOK_STAR_ASSIGN, 2);
            PUNCT(PS_TOK_STAR, 1);
        case A_PERCENT:
            ps_lex_tok_reset(self, start, flags);
            if (s[p + 1] == '=') PUNCT(PS_TOK_PERCENT_ASSIGN, 2);
            PUNCT(PS_TOK_PERCENT, 1);
        case A_AMP:
            ps_lex_tok_reset(self, start, flags);
            if (s[p + 1] == '&') {
                if (s[p + 2] == '=') PUNCT(PS_TOK_AMPAMP_ASSIGN, 3);
                PUNCT(PS_TOK_AMPAMP, 2);
            }
            if (s[p + 1] == '=') PUNCT(PS_TOK_AMP_ASSIGN, 2);
            PUNCT(PS_TOK_AMP, 1);
        case A_PIPE:
            ps_lex_tok_reset(self, start, flags);
            if (s[p + 1] == '|') {
                if (s[p + 2] == '=') PUNCT(PS_TOK_PIPEPIPE_ASSIGN, 3);
                PUNCT(PS_TOK_PIPEPIPE, 2);
            }
            if (s[p + 1] == '=') PUNCT(PS_TOK_PIPE_ASSIGN, 2);
            PUNCT(PS_TOK_PIPE, 1);
        case A_CARET:
            ps_lex_tok_reset(self, start, flags);
            if (s[p + 1] == '=') PUNCT(PS_TOK_CARET_ASSIGN, 2);
            PUNCT(PS_TOK_CARET, 1);
        case A_QUESTION:
            ps_lex_tok_reset(self, start, flags);
            if (s[p + 1] == '?') {
                if (s[p + 2] == '=') PUNCT(PS_TOK_QQ_ASSIGN, 3);
                PUNCT(PS_TOK_QQ, 2);
            }
            // `a?.5:b` is a conditional, not optional chaining.
            if (s[p + 1] == '.' && !ps_lex_is((uint8_t)s[p + 2], PS_LC_DIGIT)) PUNCT(PS_TOK_QDOT, 2);
            PUNCT(PS_TOK_QUESTION, 1);
        case A_HASH:
            ps_lex_tok_reset(self, start, flags);
            if (ps_lex_ident_starts_at(self, p + 1)) {
                t->type = PS_TOK_PRIVATE_NAME;
                p = scan_name(self, p + 1);
                goto done;
            }
            if (s[p + 1] == '!') {
                p = skip_line_comment(self, p + 2);
                och_diag_add(self->diags, PS_E_MISPLACED_HASHBANG, OCH_SEV_ERROR, start, start + 2,
                             "a `#!` hashbang line is only allowed at the very start of the "
                             "file; move it to the first line or remove it");
                goto done;  // ERROR token covering the line
            }
            och_diag_add(self->diags, PS_E_INVALID_PRIVATE_NAME, OCH_SEV_ERROR, start, start + 1,
                         "`#` must be directly followed by a name (`#count`) to form a "
                         "private name; remove the space or the `#`");
            p = start + 1;
            goto done;
        case A_BACKSLASH:
            ps_lex_tok_reset(self, start, flags);
            if (s[p + 1] == 'u') {
                t->type = PS_TOK_IDENT;
                p = scan_ident_rest(self, start, start);
                goto done;
            }
            report_unexpected(self, p, 1, '\\');
            p++;
            goto done;
        case A_NONASCII: {
            uint32_t cp, n = ps_lex_decode(self, p, &cp);
            if (cp == 0x2028 || cp == 0x2029) {
                flags |= PS_TF_NEWLINE_BEFORE;
                p += n;
                continue;
            }
            if (cp != OCH_UTF8_INVALID && ps_is_js_whitespace(cp)) {
                p += n;
                continue;
            }
            ps_lex_tok_reset(self, start, flags);
            if (cp == OCH_UTF8_INVALID) {
                p = ps_lex_invalid_utf8(self, p);
                goto done;
            }
            if (ps_is_id_start(cp)) {
                t->type = PS_TOK_IDENT;
                p = scan_ident_rest(self, start, start);
                goto done;
            }
            report_unexpected(self, p, n, cp);
            p += n;
            goto done;
        }
        case A_NUL:
            ps_lex_tok_reset(self, start, flags);
            if (p >= self->len) {
                t->type = PS_TOK_EOF;
                p = start = self->len;
                t->start = start;
                goto done;
            }
            report_unexpected(self, p, 1, 0);
            p++;
            goto done;
        default:  // A_OTHER
            ps_lex_tok_reset(self, start, flags);
            report_unexpected(self, p, 1, c);
            p++;
            goto done;
        }
    }
done:
    t->end = p;
    self->pos = p;
}

#undef PUNCT

// --- rescans ----------------------------------------------------------------

void ps_lexer_rescan_template_continuation(PsLexer *self) {
    OCH_ASSERT(self->tok.type == PS_TOK_RBRACE);
    uint32_t start = self->tok.start;
    ps_lex_tok_reset(self, start, self->tok.flags & PS_LEX_TRIVIA_FLAGS);
    uint32_t p = ps_lex_scan_template(self, start, true);
    self->tok.end = p;
    self->pos = p;
}

void ps_lexer_rescan_jsx_gt(PsLexer *self) {
    PsToken *t = &self->tok;
    switch (t->type) {
    case PS_TOK_GT:
    case PS_TOK_GE:
    case PS_TOK_SAR:
    case PS_TOK_SHR:
    case PS_TOK_SAR_ASSIGN:
    case PS_TOK_SHR_ASSIGN:
        t->type = PS_TOK_GT;
        t->end = t->start + 1;
        self->pos = t->end;
        break;
    default:
        break;
    }
}

void ps_lexer_rescan_jsx_identifier(PsLexer *self) {
    PsToken *t = &self->tok;
    if (t->type != PS_TOK_IDENT) return;
    const char *s = self->src;
    uint32_t p = t->end;
    bool dashed = false;
    for (;;) {
        uint8_t c = (uint8_t)s[p];
        if (ps_lex_is(c, PS_LC_ID_PART) || c == '-') {
            dashed |= c == '-';
            p++;
        } else if (c >= 0x80) {
            uint32_t cp, n = ps_lex_decode(self, p, &cp);
            if (cp == OCH_UTF8_INVALID || !ps_is_id_continue(cp)) break;
            p += n;
        } else {
            break;
        }
    }
    if (p == t->end) return;
    // JSX names have no escapes: the name is the source text.
    t->value = s + t->start;
    t->value_len = p - t->start;
    t->kw = dashed ? PS_KW_NONE : (uint8_t)keyword_of(t->value, t->value_len, true);
    t->end = p;
    self->pos = p;
}
