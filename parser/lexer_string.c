// String-like literals: '...' and "..." strings, template pieces (cooked and
// raw values), and regular expression bodies (ps_lexer_rescan_regex).
//
// Each literal is scanned in two passes. The first finds the end with a
// table-driven loop, validates UTF-8 and notes whether anything needs
// decoding (escapes, CR in templates, invalid bytes). Most literals need
// none, and their values point into the source. Otherwise the second pass
// decodes into an arena buffer whose size the first pass bounds: every
// escape decodes to at most as many bytes as it is written with, CRLF
// shrinks, and each invalid byte becomes at most 3 bytes (U+FFFD).
#include "lexer_int.h"

#include <string.h>

// Copies the invalid UTF-8 run at p (p < end) as one U+FFFD; returns the
// offset after the run (same extent as ps_lex_invalid_utf8 reported).
static uint32_t replace_invalid(const PsLexer *self, uint32_t p, uint32_t end, char **o) {
    uint32_t cp;
    do {
        p++;
    } while (p < end && (uint8_t)self->src[p] >= 0x80 &&
             (ps_lex_decode(self, p, &cp), cp == OCH_UTF8_INVALID));
    *o += och_utf8_encode(*o, 0xFFFD);
    return p;
}

// Decodes [p, end) of a string (tmpl false) or template (tmpl true) into
// the arena and stores it as the token value. `bad` is the number of invalid
// UTF-8 bytes in the range. Strings report malformed escapes and (in strict
// mode) legacy octal escapes; templates report nothing and leave the cooked
// value NULL with PS_TF_INVALID_ESCAPE at the first invalid escape.
static void cook(PsLexer *self, uint32_t p, uint32_t end, uint32_t bad, bool tmpl) {
    const char *s = self->src;
    PsToken *t = &self->tok;
    char *buf = och_arena_alloc(self->arena, (size_t)(end - p) + 2u * bad + 1);
    char *o = buf;
    while (p < end) {
        uint8_t c = (uint8_t)s[p];
        if (c != '\\') {
            if (c == '\r') {  // templates only: CR and CRLF are LF
                *o++ = '\n';
                p += s[p + 1] == '\n' ? 2 : 1;
            } else if (c >= 0x80 && bad) {
                uint32_t cp, n = ps_lex_decode(self, p, &cp);
                if (cp == OCH_UTF8_INVALID) {
                    p = replace_invalid(self, p, end, &o);
                } else {
                    memcpy(o, s + p, n);
                    o += n;
                    p += n;
                }
            } else {
                *o++ = (char)c;
                p++;
            }
            continue;
        }
        uint32_t esc = p;  // the backslash
        if (p + 1 >= end) break;  // a backslash at the end of an unterminated literal
        uint8_t d = (uint8_t)s[p + 1];
        uint32_t q = p + 2;  // end of the escape, for most of them
        switch (d) {
        case 'b': *o++ = '\b'; break;
        case 't': *o++ = '\t'; break;
        case 'n': *o++ = '\n'; break;
        case 'v': *o++ = '\v'; break;
        case 'f': *o++ = '\f'; break;
        case 'r': *o++ = '\r'; break;
        case '\n': break;  // line continuation
        case '\r':
            if (s[q] == '\n') q++;
            break;
        case 'x': {
            if (ps_lex_is((uint8_t)s[q], PS_LC_HEX) && ps_lex_is((uint8_t)s[q + 1], PS_LC_HEX)) {
                uint32_t v = ps_lex_hex_value((uint8_t)s[q]) * 16 + ps_lex_hex_value((uint8_t)s[q + 1]);
                o += och_utf8_encode(o, v);
                q += 2;
                break;
            }
            if (q < end && ps_lex_is((uint8_t)s[q], PS_LC_HEX)) q++;
            if (tmpl) goto invalid;
            och_diag_add(self->diags, PS_E_INVALID_HEX_ESCAPE, OCH_SEV_ERROR, esc, q,
                         "invalid hexadecimal escape; `\\x` must be followed by exactly two hex "
                         "digits (as in `\\x41`)");
            break;
        }
        case 'u': {
            int32_t cp = ps_lex_unicode_escape(self, p + 1, &q);
            if (q > end) q = end;
            if (cp >= 0) {
                o = ps_lex_put_code_unit(buf, o, (uint32_t)cp);
                break;
            }
            if (tmpl) goto invalid;
            ps_lex_report_unicode_escape(self, cp, esc, q);
            break;
        }
        case '0':
            if (!ps_lex_is((uint8_t)s[q], PS_LC_DIGIT)) {
                *o++ = 0;
                break;
            }
            // `\0` before a digit is a legacy octal escape:
            // fall through
        case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9': {
            if (tmpl) goto invalid;
            uint32_t v = d - '0';
            if (d <= '7') {
                if (s[q] >= '0' && s[q] <= '7') {
                    v = v * 8 + (uint32_t)(s[q++] - '0');
                    if (d <= '3' && s[q] >= '0' && s[q] <= '7') v = v * 8 + (uint32_t)(s[q++] - '0');
                }
                o += och_utf8_encode(o, v);
            } else {
                *o++ = (char)d;  // `\8` and `\9` are just the digits
            }
            if (!(t->flags & PS_TF_LEGACY_OCTAL)) {
                t->flags |= PS_TF_LEGACY_OCTAL;
                t->octal_pos = esc;
                t->octal_end = q;
            }
            if (self->strict) {
                if (d >= '8')
                    och_diag_add(self->diags, PS_E_LEGACY_OCTAL_ESCAPE_STRICT, OCH_SEV_ERROR, esc,
                                 q, "`\\%c` is not allowed in strict mode; write `%c` without the "
                                 "backslash", (char)d, (char)d);
                else
                    och_diag_add(self->diags, PS_E_LEGACY_OCTAL_ESCAPE_STRICT, OCH_SEV_ERROR, esc,
                                 q, "octal escape sequences are not allowed in strict mode; write "
                                 "`\\x%02X` instead", (unsigned)v);
            }
            break;
        }
        default:
            if (d >= 0x80) {
                if (ps_lex_is_ls_ps(s, p + 1)) {  // line continuation
                    q = p + 4;
                    break;
                }
                q = p + 1;  // the character itself: copied (or replaced) by the loop
                break;
            }
            *o++ = (char)d;  // `\"`, `\'`, `\\` and non-escape characters
            break;
        }
        p = q;
        continue;
    invalid:
        // Templates only: the cooked value is undefined (an error unless
        // the template is tagged; the parser decides).
        t->flags |= PS_TF_INVALID_ESCAPE;
        t->octal_pos = esc;
        t->octal_end = q > esc + 2 ? q : esc + 2;
        t->value = NULL;
        t->value_len = 0;
        return;
    }
    t->value = buf;
    t->value_len = (uint32_t)(o - buf);
}

uint32_t ps_lex_scan_string(PsLexer *self, uint32_t start) {
    const char *s = self->src;
    PsToken *t = &self->tok;
    uint8_t quote = (uint8_t)s[start];
    unsigned stop = quote == '"' ? PS_LC_STOP_DQ : PS_LC_STOP_SQ;
    uint32_t p = start + 1, bad = 0;
    bool escapes = false, closed = false;
    t->type = PS_TOK_STRING;
    for (;;) {
        while (!ps_lex_is((uint8_t)s[p], stop)) p++;
        uint8_t c = (uint8_t)s[p];
        if (c == quote) {
            closed = true;
            break;
        }
        if (c == '\\') {
            escapes = true;
            uint8_t d = (uint8_t)s[p + 1];
            if (d == '\r') p += s[p + 2] == '\n' ? 3 : 2;
            else if (d >= 0x80) p++;  // the loop validates the escaped character
            else if (d == 0 && p + 1 >= self->len) p++;  // ends at EOF: unterminated
            else p += 2;
            continue;
        }
        if (c == '\n' || c == '\r') break;
        if (c == 0) {
            if (p >= self->len) break;
            p++;
            continue;
        }
        uint32_t cp, n = ps_lex_decode(self, p, &cp);  // U+2028/9 are fine in strings
        if (cp == OCH_UTF8_INVALID) {
            uint32_t q = ps_lex_invalid_utf8(self, p);
            bad += q - p;
            p = q;
        } else {
            p += n;
        }
    }
    uint32_t content_end = p;
    if (closed) {
        p++;
    } else {
        och_diag_add(self->diags, PS_E_UNTERMINATED_STRING, OCH_SEV_ERROR, start, p,
                     "unterminated string literal; add the closing `%c`", (char)quote);
    }
    if (escapes) t->flags |= PS_TF_ESCAPED;
    if (escapes || bad) {
        cook(self, start + 1, content_end, bad, false);
    } else {
        t->value = s + start + 1;
        t->value_len = content_end - start - 1;
    }
    return p;
}

// Raw value of a template piece [p, end): CR and CRLF become LF, invalid
// UTF-8 runs U+FFFD.
static void template_raw(PsLexer *self, uint32_t p, uint32_t end, uint32_t bad) {
    const char *s = self->src;
    char *buf = och_arena_alloc(self->arena, (size_t)(end - p) + 2u * bad + 1);
    char *o = buf;
    while (p < end) {
        uint8_t c = (uint8_t)s[p];
        if (c == '\r') {
            *o++ = '\n';
            p += s[p + 1] == '\n' ? 2 : 1;
        } else if (c >= 0x80 && bad) {
            uint32_t cp, n = ps_lex_decode(self, p, &cp);
            if (cp == OCH_UTF8_INVALID) {
                p = replace_invalid(self, p, end, &o);
            } else {
                memcpy(o, s + p, n);
                o += n;
                p += n;
            }
        } else {
            *o++ = (char)c;
            p++;
        }
    }
    self->tok.raw = buf;
    self->tok.raw_len = (uint32_t)(o - buf);
}

uint32_t ps_lex_scan_template(PsLexer *self, uint32_t start, bool continuation) {
    const char *s = self->src;
    PsToken *t = &self->tok;
    uint32_t p = start + 1, bad = 0, content_end;
    bool escapes = false, cr = false;
    for (;;) {
        while (!ps_lex_is((uint8_t)s[p], PS_LC_STOP_TPL)) p++;
        uint8_t c = (uint8_t)s[p];
        if (c == '`') {
            t->type = continuation ? PS_TOK_TEMPLATE_TAIL : PS_TOK_TEMPLATE;
            content_end = p++;
            break;
        }
        if (c == '$') {
            if (s[p + 1] == '{') {
                t->type = continuation ? PS_TOK_TEMPLATE_MIDDLE : PS_TOK_TEMPLATE_HEAD;
                content_end = p;
                p += 2;
                break;
            }
            p++;
            continue;
        }
        if (c == '\\') {
            escapes = true;
            uint8_t d = (uint8_t)s[p + 1];
            if (d == '\r') {
                cr = true;
                p += s[p + 2] == '\n' ? 3 : 2;
            } else if (d >= 0x80) {
                p++;
            } else if (d == 0 && p + 1 >= self->len) {
                p++;
            } else {
                p += 2;
            }
            continue;
        }
        if (c == '\r') {
            cr = true;
            p++;
            continue;
        }
        if (c == 0) {
            if (p >= self->len) {
                t->type = continuation ? PS_TOK_TEMPLATE_TAIL : PS_TOK_TEMPLATE;
                content_end = p;
                OchDiag *d = och_diag_add(
                    self->diags, PS_E_UNTERMINATED_TEMPLATE, OCH_SEV_ERROR, start, start + 1,
                    continuation ? "unterminated template literal: the text after this `}` "
                                   "never ends; add a closing backtick"
                                 : "unterminated template literal; add a closing backtick");
                och_diag_related(self->diags, d, p, p, "the file ends inside the template");
                break;
            }
            p++;
            continue;
        }
        uint32_t cp, n = ps_lex_decode(self, p, &cp);
        if (cp == OCH_UTF8_INVALID) {
            uint32_t q = ps_lex_invalid_utf8(self, p);
            bad += q - p;
            p = q;
        } else {
            p += n;
        }
    }
    uint32_t content = start + 1;
    if (escapes || cr || bad) {
        cook(self, content, content_end, bad, true);
    } else {
        t->value = s + content;
        t->value_len = content_end - content;
    }
    if (cr || bad) {
        template_raw(self, content, content_end, bad);
    } else {
        t->raw = s + content;
        t->raw_len = content_end - content;
    }
    return p;
}

void ps_lexer_rescan_regex(PsLexer *self) {
    PsToken *t = &self->tok;
    OCH_ASSERT(t->type == PS_TOK_SLASH || t->type == PS_TOK_SLASH_ASSIGN);
    const char *s = self->src;
    uint32_t start = t->start;
    ps_lex_tok_reset(self, start, t->flags & PS_LEX_TRIVIA_FLAGS);
    t->type = PS_TOK_REGEX;
    uint32_t p = start + 1;
    bool in_class = false, closed = false;
    for (;;) {
        while (!ps_lex_is((uint8_t)s[p], PS_LC_STOP_REGEX)) p++;
        uint8_t c = (uint8_t)s[p];
        if (c == '/') {
            if (!in_class) {
                closed = true;
                break;
            }
            p++;
        } else if (c == '[') {
            in_class = true;
            p++;
        } else if (c == ']') {
            in_class = false;
            p++;
        } else if (c == '\\') {
            uint8_t d = (uint8_t)s[p + 1];
            if (d == '\n' || d == '\r' || (d == 0 && p + 1 >= self->len) || ps_lex_is_ls_ps(s, p + 1)) {
                p++;  // a backslash cannot escape a line end: unterminated
                break;
            }
            p += d >= 0x80 ? 1 : 2;  // the loop validates an escaped non-ASCII character
        } else if (c == '\n' || c == '\r') {
            break;
        } else if (c == 0) {
            if (p >= self->len) break;
            p++;
        } else if (ps_lex_is_ls_ps(s, p)) {
            break;
        } else {
            uint32_t cp, n = ps_lex_decode(self, p, &cp);
            p = cp == OCH_UTF8_INVALID ? ps_lex_invalid_utf8(self, p) : p + n;
        }
    }
    t->value = s + start + 1;
    t->value_len = p - start - 1;
    if (!closed) {
        och_diag_add(self->diags, PS_E_UNTERMINATED_REGEXP, OCH_SEV_ERROR, start, p,
                     in_class ? "unterminated regular expression: the character class `[` is "
                                "not closed; add `]` and the closing `/`"
                              : "unterminated regular expression literal; add the closing `/`");
        t->raw = s + p;
        t->raw_len = 0;
        t->end = self->pos = p;
        return;
    }
    p++;
    uint32_t flags = p;
    for (;;) {
        uint8_t c = (uint8_t)s[p];
        if (ps_lex_is(c, PS_LC_ID_PART)) {
            p++;
        } else if (c >= 0x80) {
            uint32_t cp, n = ps_lex_decode(self, p, &cp);
            if (cp == OCH_UTF8_INVALID || !ps_is_id_continue(cp)) break;
            p += n;
        } else {
            break;
        }
    }
    t->raw = s + flags;
    t->raw_len = p - flags;
    t->end = self->pos = p;
}
