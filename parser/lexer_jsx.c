// JSX scanners: children text, attribute strings, and the HTML character
// references they may contain (`&amp;`, `&#123;`, `&#x1F600;`). The
// identifier and `>` rescans are in lexer.c.
//
// The named references are the 253 of HTML 4 (Latin-1, symbols and Greek,
// special characters) plus XML's `&apos;`, the set JSX tools accept.
// Anything else starting with `&` stays literal text, as in JSX.
#include "lexer_int.h"

#include <string.h>

typedef struct Entity {
    char name[9];
    uint8_t len;
    uint16_t cp;
} Entity;

#define E(name, cp) {name, sizeof(name) - 1, cp}
static const Entity entities[] = {
    // special characters
    E("quot", 34), E("amp", 38), E("apos", 39), E("lt", 60), E("gt", 62),
    E("OElig", 338), E("oelig", 339), E("Scaron", 352), E("scaron", 353), E("Yuml", 376),
    E("circ", 710), E("tilde", 732), E("ensp", 8194), E("emsp", 8195), E("thinsp", 8201),
    E("zwnj", 8204), E("zwj", 8205), E("lrm", 8206), E("rlm", 8207), E("ndash", 8211),
    E("mdash", 8212), E("lsquo", 8216), E("rsquo", 8217), E("sbquo", 8218), E("ldquo", 8220),
    E("rdquo", 8221), E("bdquo", 8222), E("dagger", 8224), E("Dagger", 8225),
    E("permil", 8240), E("lsaquo", 8249), E("rsaquo", 8250), E("euro", 8364),
    // Latin-1: U+00A0 to U+00FF in order
    E("nbsp", 160), E("iexcl", 161), E("cent", 162), E("pound", 163), E("curren", 164),
    E("yen", 165), E("brvbar", 166), E("sect", 167), E("uml", 168), E("copy", 169),
    E("ordf", 170), E("laquo", 171), E("not", 172), E("shy", 173), E("reg", 174),
    E("macr", 175), E("deg", 176), E("plusmn", 177), E("sup2", 178), E("sup3", 179),
    E("acute", 180), E("micro", 181), E("para", 182), E("middot", 183), E("cedil", 184),
    E("sup1", 185), E("ordm", 186), E("raquo", 187), E("frac14", 188), E("frac12", 189),
    E("frac34", 190), E("iquest", 191), E("Agrave", 192), E("Aacute", 193), E("Acirc", 194),
    E("Atilde", 195), E("Auml", 196), E("Aring", 197), E("AElig", 198), E("Ccedil", 199),
    E("Egrave", 200), E("Eacute", 201), E("Ecirc", 202), E("Euml", 203), E("Igrave", 204),
    E("Iacute", 205), E("Icirc", 206), E("Iuml", 207), E("ETH", 208), E("Ntilde", 209),
    E("Ograve", 210), E("Oacute", 211), E("Ocirc", 212), E("Otilde", 213), E("Ouml", 214),
    E("times", 215), E("Oslash", 216), E("Ugrave", 217), E("Uacute", 218), E("Ucirc", 219),
    E("Uuml", 220), E("Yacute", 221), E("THORN", 222), E("szlig", 223), E("agrave", 224),
    E("aacute", 225), E("acirc", 226), E("atilde", 227), E("auml", 228), E("aring", 229),
    E("aelig", 230), E("ccedil", 231), E("egrave", 232), E("eacute", 233), E("ecirc", 234),
    E("euml", 235), E("igrave", 236), E("iacute", 237), E("icirc", 238), E("iuml", 239),
    E("eth", 240), E("ntilde", 241), E("ograve", 242), E("oacute", 243), E("ocirc", 244),
    E("otilde", 245), E("ouml", 246), E("divide", 247), E("oslash", 248), E("ugrave", 249),
    E("uacute", 250), E("ucirc", 251), E("uuml", 252), E("yacute", 253), E("thorn", 254),
    E("yuml", 255),
    // symbols, mathematical symbols and Greek letters
    E("fnof", 402),
    E("Alpha", 913), E("Beta", 914), E("Gamma", 915), E("Delta", 916), E("Epsilon", 917),
    E("Zeta", 918), E("Eta", 919), E("Theta", 920), E("Iota", 921), E("Kappa", 922),
    E("Lambda", 923), E("Mu", 924), E("Nu", 925), E("Xi", 926), E("Omicron", 927),
    E("Pi", 928), E("Rho", 929), E("Sigma", 931), E("Tau", 932), E("Upsilon", 933),
    E("Phi", 934), E("Chi", 935), E("Psi", 936), E("Omega", 937),
    E("alpha", 945), E("beta", 946), E("gamma", 947), E("delta", 948), E("epsilon", 949),
    E("zeta", 950), E("eta", 951), E("theta", 952), E("iota", 953), E("kappa", 954),
    E("lambda", 955), E("mu", 956), E("nu", 957), E("xi", 958), E("omicron", 959),
    E("pi", 960), E("rho", 961), E("sigmaf", 962), E("sigma", 963), E("tau", 964),
    E("upsilon", 965), E("phi", 966), E("chi", 967), E("psi", 968), E("omega", 969),
    E("thetasym", 977), E("upsih", 978), E("piv", 982),
    E("bull", 8226), E("hellip", 8230), E("prime", 8242), E("Prime", 8243), E("oline", 8254),
    E("frasl", 8260), E("weierp", 8472), E("image", 8465), E("real", 8476), E("trade", 8482),
    E("alefsym", 8501), E("larr", 8592), E("uarr", 8593), E("rarr", 8594), E("darr", 8595),
    E("harr", 8596), E("crarr", 8629), E("lArr", 8656), E("uArr", 8657), E("rArr", 8658),
    E("dArr", 8659), E("hArr", 8660), E("forall", 8704), E("part", 8706), E("exist", 8707),
    E("empty", 8709), E("nabla", 8711), E("isin", 8712), E("notin", 8713), E("ni", 8715),
    E("prod", 8719), E("sum", 8721), E("minus", 8722), E("lowast", 8727), E("radic", 8730),
    E("prop", 8733), E("infin", 8734), E("ang", 8736), E("and", 8743), E("or", 8744),
    E("cap", 8745), E("cup", 8746), E("int", 8747), E("there4", 8756), E("sim", 8764),
    E("cong", 8773), E("asymp", 8776), E("ne", 8800), E("equiv", 8801), E("le", 8804),
    E("ge", 8805), E("sub", 8834), E("sup", 8835), E("nsub", 8836), E("sube", 8838),
    E("supe", 8839), E("oplus", 8853), E("otimes", 8855), E("perp", 8869), E("sdot", 8901),
    E("lceil", 8968), E("rceil", 8969), E("lfloor", 8970), E("rfloor", 8971),
    E("lang", 9001), E("rang", 9002), E("loz", 9674), E("spades", 9824), E("clubs", 9827),
    E("hearts", 9829), E("diams", 9830),
};
#undef E

// Number of named references (for the tests: 253 of HTML 4 plus `apos`).
#define ENTITY_COUNT (sizeof entities / sizeof entities[0])
_Static_assert(ENTITY_COUNT == 253, "HTML 4 entities plus apos");

// Decodes the character reference at p (s[p] == '&') that ends before
// `end`. Returns its length (through the `;`) and the code point, or 0 when
// the text is not a reference (then the `&` is literal). Linear lookup:
// references are rare and the table is small.
static uint32_t entity_at(const PsLexer *self, uint32_t p, uint32_t end, uint32_t *cp) {
    const char *s = self->src;
    uint32_t q = p + 1;
    while (q < end && q - p <= 10 &&
           (ps_lex_is((uint8_t)s[q], PS_LC_ID_PART) || (q == p + 1 && s[q] == '#')))
        q++;
    if (q >= end || s[q] != ';' || q == p + 1) return 0;
    const char *name = s + p + 1;
    uint32_t n = q - p - 1;
    if (name[0] == '#') {
        uint32_t v = 0, i = 1;
        bool hex = n > 1 && name[1] == 'x';
        if (hex) i = 2;
        if (i == n) return 0;
        for (; i < n; i++) {
            uint8_t c = (uint8_t)name[i];
            if (hex ? !ps_lex_is(c, PS_LC_HEX) : !ps_lex_is(c, PS_LC_DIGIT)) return 0;
            v = v * (hex ? 16 : 10) + ps_lex_hex_value(c);
            if (v > 0x10FFFF) return 0;
        }
        *cp = v;
        return q + 1 - p;
    }
    for (size_t k = 0; k < ENTITY_COUNT; k++) {
        if (entities[k].len == n && memcmp(entities[k].name, name, n) == 0) {
            *cp = entities[k].cp;
            return q + 1 - p;
        }
    }
    return 0;
}

// Decodes [p, end) with character references and, when crlf is set, CRLF
// normalized to LF (JSX text, not attribute strings). Invalid UTF-8 runs
// become U+FFFD. Stores the token value.
static void jsx_decode(PsLexer *self, uint32_t p, uint32_t end, uint32_t bad, bool crlf) {
    const char *s = self->src;
    // A reference is at least 4 bytes (`&lt;`) and decodes to at most 4.
    char *buf = och_arena_alloc(self->arena, (size_t)(end - p) + 2u * bad + 1);
    char *o = buf;
    while (p < end) {
        uint8_t c = (uint8_t)s[p];
        uint32_t cp, n;
        if (c == '&' && (n = entity_at(self, p, end, &cp)) != 0) {
            o = ps_lex_put_code_unit(buf, o, cp);
            p += n;
        } else if (c == '\r' && crlf && s[p + 1] == '\n') {
            *o++ = '\n';
            p += 2;
        } else if (c >= 0x80 && bad) {
            n = ps_lex_decode(self, p, &cp);
            if (cp == OCH_UTF8_INVALID) {
                do {
                    p++;
                } while (p < end && (uint8_t)s[p] >= 0x80 &&
                         (ps_lex_decode(self, p, &cp), cp == OCH_UTF8_INVALID));
                o += och_utf8_encode(o, 0xFFFD);
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
    self->tok.value = buf;
    self->tok.value_len = (uint32_t)(o - buf);
}

// Validates the non-ASCII character at p; returns the offset after it and
// adds invalid bytes to *bad.
static uint32_t skip_non_ascii(PsLexer *self, uint32_t p, uint32_t *bad) {
    uint32_t cp, n = ps_lex_decode(self, p, &cp);
    if (cp != OCH_UTF8_INVALID) return p + n;
    uint32_t q = ps_lex_invalid_utf8(self, p);
    *bad += q - p;
    return q;
}

void ps_lexer_next_jsx_child(PsLexer *self) {
    const char *s = self->src;
    PsToken *t = &self->tok;
    uint32_t start = self->pos, p = start, bad = 0;
    ps_lex_tok_reset(self, start, 0);
    uint8_t c = (uint8_t)s[p];
    if (c == '{' || c == '<') {
        t->type = c == '{' ? PS_TOK_LBRACE : PS_TOK_LT;
        t->end = self->pos = p + 1;
        return;
    }
    if (c == 0 && p >= self->len) {
        t->type = PS_TOK_EOF;
        t->start = t->end = self->pos = self->len;
        return;
    }
    bool decode = false;
    for (;;) {
        while (!ps_lex_is((uint8_t)s[p], PS_LC_STOP_JSX)) p++;
        c = (uint8_t)s[p];
        if (c == '{' || c == '<') break;
        if (c == '>' || c == '}') {
            och_diag_add(self->diags, PS_E_JSX_TEXT_CHAR, OCH_SEV_ERROR, p, p + 1,
                         "`%c` cannot appear in JSX text; write `{'%c'}` or `%s`", (char)c,
                         (char)c, c == '>' ? "&gt;" : "&rbrace; (or {'}'})");
            p++;
        } else if (c == '&' || c == '\r') {
            decode = true;
            p++;
        } else if (c == 0) {
            if (p >= self->len) break;
            p++;
        } else {
            p = skip_non_ascii(self, p, &bad);
        }
    }
    t->type = PS_TOK_JSX_TEXT;
    if (decode || bad) {
        jsx_decode(self, start, p, bad, true);
    } else {
        t->value = s + start;
        t->value_len = p - start;
    }
    t->raw = s + start;
    t->raw_len = p - start;
    t->end = self->pos = p;
}

void ps_lexer_rescan_jsx_string(PsLexer *self) {
    PsToken *t = &self->tok;
    if (t->type != PS_TOK_STRING) return;
    const char *s = self->src;
    uint32_t start = t->start, p = start + 1, bad = 0;
    uint8_t quote = (uint8_t)s[start];
    self->diags->v.len = self->tok_diags;
    ps_lex_tok_reset(self, start, t->flags & PS_LEX_TRIVIA_FLAGS);
    t->type = PS_TOK_JSX_STRING;
    bool decode = false, closed = false;
    for (;;) {
        uint8_t c = (uint8_t)s[p];
        if (c == quote) {
            closed = true;
            break;
        }
        if (c == '&') {
            decode = true;
            p++;
        } else if (c == 0) {
            if (p >= self->len) break;
            p++;
        } else if (c >= 0x80) {
            p = skip_non_ascii(self, p, &bad);
        } else {
            p++;
        }
    }
    if (decode || bad) {
        jsx_decode(self, start + 1, p, bad, false);
    } else {
        t->value = s + start + 1;
        t->value_len = p - start - 1;
    }
    if (closed) {
        p++;
    } else {
        uint32_t eol = start + 1;
        while (eol < self->len && s[eol] != '\n' && s[eol] != '\r') eol++;
        OchDiag *d = och_diag_add(self->diags, PS_E_UNTERMINATED_STRING, OCH_SEV_ERROR, start, eol,
                                  "unterminated JSX attribute string; add the closing `%c`",
                                  (char)quote);
        och_diag_related(self->diags, d, p, p, "the file ends inside the string");
    }
    t->end = self->pos = p;
}
