// Regular expression pattern parser and validator (ECMA-262 2025 22.2.1 and
// Annex B.1.2). One recursive-descent pass over the decoded pattern builds
// the AST and checks the early errors; checks that need the whole pattern
// (backreferences to later groups) run once at the end.
//
// Modes: with u or v the pattern is a sequence of code points and the strict
// grammar applies ([+UnicodeMode], and [+UnicodeSetsMode] with v). Without
// them the pattern is a sequence of UTF-16 code units (astral characters
// become two units) under the Annex B grammar; NamedCaptureGroups is on when
// the pattern has a named group, which a linear pre-scan finds (the same
// result as the specification's second parse).
#include "regexp.h"

#include <stdio.h>
#include <string.h>

#include "parser.h"

#define RE_EOF 0x110000u  // code of the units past the end of the pattern
#define RE_PAD 8          // EOF units after the end: lookahead needs no bounds checks

enum { CTX_ATOM, CTX_CLASS, CTX_CLASS_V };

// One decoded unit: a code point (u/v) or UTF-16 code unit, and its bytes.
typedef struct ReUnit {
    uint32_t cp;
    uint32_t start, end;
} ReUnit;

// The latest definition of a group name (open-addressing hash table).
typedef struct ReNameDef {
    const char *name;  // NULL: empty slot
    uint32_t len, hash;
    uint32_t alt;          // alternative (union-find id) of the latest definition
    uint32_t first_group;  // first group with this name (for \k)
    uint32_t start, end;   // span of the latest definition's `<name>`
} ReNameDef;

// A reference checked at the end: `\k<name>` (name set) or, with u/v, `\N`.
typedef struct ReRef {
    PsReNode *node;
    const char *name;
    uint32_t len;
} ReRef;

typedef struct Re {
    const char *src;
    uint32_t len, base;
    ReUnit *u;  // n units, then RE_PAD EOF units
    uint32_t n, pos;
    bool umode;  // u or v: [+UnicodeMode]
    bool vmode;  // v: [+UnicodeSetsMode]
    bool named;  // [+NamedCaptureGroups]
    OchArena *arena;
    OchDiagList *diags;
    bool failed;
    uint32_t depth;
    uint32_t ngroups_pre;  // capturing groups found by the pre-scan
    uint32_t ngroups;      // capturing groups numbered so far
    OCH_VEC(const char *) group_names;
    // Duplicate named groups: every alternative gets a union-find node.
    // When an alternative ends it joins a collector node of its
    // disjunction, which joins the enclosing alternative when the
    // disjunction ends. A name defined earlier is visible (both groups
    // might participate in one match) iff its alternative's root is still
    // open, i.e. lies on the path of alternatives enclosing the parse point.
    OCH_VEC(uint32_t) alt_parent;
    OCH_VEC(uint8_t) alt_open;
    uint32_t cur_alt;
    ReNameDef *defs;  // capacity defs_cap (a power of two), ndefs used
    uint32_t ndefs, defs_cap;
    OCH_VEC(ReRef) refs;
    OchBuf tmp;                 // scratch: group names
    OCH_VEC(uint32_t) tmp_cps;  // scratch: \q{...} strings
    bool has_backrefs, has_lookbehind;
} Re;

// --- units and errors ----------------------------------------------------------

static inline uint32_t P(const Re *re) { return re->u[re->pos].cp; }
static inline uint32_t PK(const Re *re, uint32_t k) { return re->u[re->pos + k].cp; }
static inline uint32_t ustart(const Re *re, uint32_t i) { return re->u[i].start; }

// Byte offset just past the units consumed since unit p0 (p0's start if none).
static uint32_t end_since(const Re *re, uint32_t p0) {
    return re->pos > p0 ? re->u[re->pos - 1].end : re->u[p0].start;
}

static const char *mode_flag(const Re *re) { return re->vmode ? "v" : "u"; }

static void re_error(Re *re, OchDiagCode code, uint32_t start, uint32_t end, const char *fmt, ...)
    OCH_PRINTF(5, 6);

static void re_error(Re *re, OchDiagCode code, uint32_t start, uint32_t end, const char *fmt, ...) {
    if (re->failed) return;
    re->failed = true;
    if (!re->diags) return;
    char msg[768];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    och_diag_add(re->diags, code, OCH_SEV_ERROR, re->base + start, re->base + end,
                 "invalid regular expression: %s", msg);
}

// Copies pattern bytes [start, end) for a message: at most ~40 bytes, cut at
// a character boundary, with "..." when cut.
static const char *snip(const Re *re, uint32_t start, uint32_t end, char buf[64]) {
    uint32_t n = end > start ? end - start : 0;
    bool cut = false;
    if (n > 40) {
        n = 40;
        while (n > 0 && ((unsigned char)re->src[start + n] & 0xC0) == 0x80) n--;
        cut = true;
    }
    memcpy(buf, re->src + start, n);
    if (cut)
        memcpy(buf + n, "...", 4);
    else
        buf[n] = 0;
    return buf;
}

// Text of the units [p0, p1) for messages.
static const char *snip_units(const Re *re, uint32_t p0, uint32_t p1, char buf[64]) {
    return snip(re, re->u[p0].start, p1 > p0 ? re->u[p1 - 1].end : re->u[p0].start, buf);
}

static void decode(Re *re) {
    re->u = och_malloc(sizeof(ReUnit) * ((size_t)re->len + RE_PAD));
    uint32_t i = 0, n = 0;
    while (i < re->len) {
        uint32_t cp;
        uint32_t k = och_utf8_decode(re->src + i, re->len - i, &cp, true);
        if (cp == OCH_UTF8_INVALID) cp = 0xFFFD;  // the lexer reports bad UTF-8
        if (re->umode && cp >= 0xD800 && cp <= 0xDBFF && i + k < re->len) {
            // A WTF-8 lead/trail pair is one code point (StringToCodePoints).
            uint32_t cp2;
            uint32_t k2 = och_utf8_decode(re->src + i + k, re->len - i - k, &cp2, true);
            if (cp2 >= 0xDC00 && cp2 <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (cp2 - 0xDC00);
                k += k2;
            }
        }
        if (!re->umode && cp > 0xFFFF) {
            re->u[n++] = (ReUnit){0xD800 + ((cp - 0x10000) >> 10), i, i + k};
            re->u[n++] = (ReUnit){0xDC00 + ((cp - 0x10000) & 0x3FF), i, i + k};
        } else {
            re->u[n++] = (ReUnit){cp, i, i + k};
        }
        i += k;
    }
    re->n = n;
    for (uint32_t j = 0; j < RE_PAD; j++) re->u[n + j] = (ReUnit){RE_EOF, re->len, re->len};
}

// Counts capturing groups and finds named groups, skipping escapes and
// classes, as the parse will see them (exact for valid patterns).
static void prescan(Re *re, bool *has_named) {
    uint32_t count = 0, class_depth = 0;
    *has_named = false;
    for (uint32_t i = 0; i < re->n; i++) {
        uint32_t c = re->u[i].cp;
        if (c == '\\') {
            i++;
            continue;
        }
        if (class_depth) {
            if (c == ']')
                class_depth--;
            else if (c == '[' && re->vmode)
                class_depth++;
            continue;
        }
        if (c == '[') {
            class_depth = 1;
        } else if (c == '(') {
            if (re->u[i + 1].cp != '?') {
                count++;
            } else if (re->u[i + 2].cp == '<' && re->u[i + 3].cp != '=' && re->u[i + 3].cp != '!') {
                count++;
                *has_named = true;
            }
        }
    }
    re->ngroups_pre = count;
}

// --- small predicates ------------------------------------------------------------

static bool is_digit(uint32_t c) { return c >= '0' && c <= '9'; }
static bool is_hex(uint32_t c) {
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
static uint32_t hex_val(uint32_t c) { return is_digit(c) ? c - '0' : (c | 0x20) - 'a' + 10; }
static bool is_ascii_letter(uint32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static bool is_syntax_char(uint32_t c) {
    return c < 128 && c && strchr("^$\\.*+?()[]{}|", (int)c) != NULL;
}
// ClassSetSyntaxCharacter.
static bool is_set_syntax(uint32_t c) {
    return c < 128 && c && strchr("()[]{}/-\\|", (int)c) != NULL;
}
// ClassSetReservedPunctuator.
static bool is_set_reserved_punct(uint32_t c) {
    return c < 128 && c && strchr("&-!#%,:;<=>@`~", (int)c) != NULL;
}
// First character of a ClassSetReservedDoublePunctuator.
static bool is_double_punct(uint32_t c) {
    return c < 128 && c && strchr("&!#$%*+,.:;<=>?@^`~", (int)c) != NULL;
}
static bool is_lead(uint32_t c) { return c >= 0xD800 && c <= 0xDBFF; }
static bool is_trail(uint32_t c) { return c >= 0xDC00 && c <= 0xDFFF; }

// --- nodes -------------------------------------------------------------------------

static PsReNode *node_new(Re *re, PsReKind kind, uint32_t start) {
    PsReNode *n = och_arena_alloc(re->arena, sizeof *n);
    memset(n, 0, sizeof *n);
    n->kind = (uint8_t)kind;
    n->start = n->end = start;
    return n;
}

static void list_append(PsReNode *parent, PsReNode *child) {
    if (parent->list.last)
        parent->list.last->next = child;
    else
        parent->list.first = child;
    parent->list.last = child;
    parent->list.count++;
}

static PsReNode *char_node(Re *re, uint32_t cp, uint32_t p0) {
    PsReNode *n = node_new(re, PS_RE_CHAR, ustart(re, p0));
    n->cp = cp;
    n->end = end_since(re, p0);
    return n;
}

// --- alternatives and group names -------------------------------------------------

static uint32_t alt_new(Re *re, bool open) {
    uint32_t id = re->alt_parent.len;
    och_vec_push(&re->alt_parent, id);
    och_vec_push(&re->alt_open, (uint8_t)open);
    return id;
}

static uint32_t alt_find(Re *re, uint32_t x) {
    uint32_t *parent = re->alt_parent.items;
    uint32_t root = x;
    while (parent[root] != root) root = parent[root];
    while (parent[x] != root) {
        uint32_t next = parent[x];
        parent[x] = root;
        x = next;
    }
    return root;
}

static uint32_t name_hash(const char *s, uint32_t n) {
    uint32_t h = 2166136261u;
    for (uint32_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

// Slot of name in the table: its definition or the empty slot to fill.
static ReNameDef *name_slot(Re *re, const char *name, uint32_t len, uint32_t h) {
    uint32_t mask = re->defs_cap - 1;
    for (uint32_t i = h & mask;; i = (i + 1) & mask) {
        ReNameDef *d = &re->defs[i];
        if (!d->name || (d->hash == h && d->len == len && memcmp(d->name, name, len) == 0))
            return d;
    }
}

static ReNameDef *name_lookup(Re *re, const char *name, uint32_t len) {
    if (!re->defs) return NULL;
    ReNameDef *d = name_slot(re, name, len, name_hash(name, len));
    return d->name ? d : NULL;
}

// Records group `group` named `name` defined at [start, end); reports a
// duplicate that might participate in the same match. Checking only the
// latest earlier definition q suffices: if an older one p might participate
// together with this one, q (between them in the text) lies in the same
// alternative as p and this one, so q conflicts with this one or with p,
// and the latter was reported already.
static void define_name(Re *re, const char *name, uint32_t len, uint32_t group, uint32_t start,
                        uint32_t end) {
    if (re->ndefs * 2 >= re->defs_cap) {
        uint32_t old_cap = re->defs_cap;
        ReNameDef *old = re->defs;
        re->defs_cap = old_cap ? old_cap * 2 : 16;
        re->defs = och_calloc(re->defs_cap, sizeof(ReNameDef));
        for (uint32_t i = 0; i < old_cap; i++)
            if (old[i].name) *name_slot(re, old[i].name, old[i].len, old[i].hash) = old[i];
        och_free(old);
    }
    uint32_t h = name_hash(name, len);
    ReNameDef *d = name_slot(re, name, len, h);
    if (d->name) {
        if (re->alt_open.items[alt_find(re, d->alt)]) {
            re_error(re, PS_E_REGEXP_DUPLICATE_GROUP_NAME, start, end,
                     "duplicate group name '%s'; names must be unique unless the groups are in "
                     "different alternatives of '|', so rename one of them",
                     name);
            if (re->diags && re->diags->v.len)
                och_diag_related(re->diags, &re->diags->v.items[re->diags->v.len - 1],
                                 re->base + d->start, re->base + d->end,
                                 "'%s' is first defined here", name);
            return;
        }
        d->alt = re->cur_alt;
        d->start = start;
        d->end = end;
        return;
    }
    *d = (ReNameDef){name, len, h, re->cur_alt, group, start, end};
    re->ndefs++;
}

// --- escapes ------------------------------------------------------------------------

// pos is at the 'u' of `\u`; esc is the unit of the backslash. With
// unicode_grammar (u/v mode, and always in group names) accepts `\u{...}`
// and joins `\uLEAD\uTRAIL` pairs. Returns 1 with *out when consumed, 0 when
// this is no escape (only without unicode_grammar; nothing consumed), -1
// after reporting an error.
static int parse_u_escape(Re *re, bool unicode_grammar, uint32_t esc, uint32_t *out) {
    const ReUnit *u = re->u;
    uint32_t i = re->pos + 1;
    if (unicode_grammar && u[i].cp == '{') {
        i++;
        uint32_t v = 0, d0 = i;
        bool big = false;
        while (is_hex(u[i].cp)) {
            v = v * 16 + hex_val(u[i].cp);
            if (v > 0x10FFFF) {
                big = true;
                v = 0x110000;
            }
            i++;
        }
        if (i == d0 || u[i].cp != '}' || big) {
            char sn[64];
            uint32_t last = u[i].cp == '}' ? i + 1 : i;
            re_error(re, PS_E_REGEXP_INVALID_UNICODE_ESCAPE, ustart(re, esc), u[last - 1].end,
                     big ? "'%s' is beyond the last code point; '\\u{...}' takes at most 10FFFF"
                         : "invalid Unicode escape '%s'; write '\\u{' hex digits '}', as in "
                           "'\\u{1F600}'",
                     snip_units(re, esc, last, sn));
            return -1;
        }
        re->pos = i + 1;
        *out = v;
        return 1;
    }
    if (is_hex(u[i].cp) && is_hex(u[i + 1].cp) && is_hex(u[i + 2].cp) && is_hex(u[i + 3].cp)) {
        uint32_t v = hex_val(u[i].cp) << 12 | hex_val(u[i + 1].cp) << 8 |
                     hex_val(u[i + 2].cp) << 4 | hex_val(u[i + 3].cp);
        i += 4;
        if (unicode_grammar && is_lead(v) && u[i].cp == '\\' && u[i + 1].cp == 'u' &&
            is_hex(u[i + 2].cp) && is_hex(u[i + 3].cp) && is_hex(u[i + 4].cp) &&
            is_hex(u[i + 5].cp)) {
            uint32_t t = hex_val(u[i + 2].cp) << 12 | hex_val(u[i + 3].cp) << 8 |
                         hex_val(u[i + 4].cp) << 4 | hex_val(u[i + 5].cp);
            if (is_trail(t)) {
                v = 0x10000 + ((v - 0xD800) << 10) + (t - 0xDC00);
                i += 6;
            }
        }
        re->pos = i;
        *out = v;
        return 1;
    }
    if (!unicode_grammar) return 0;
    char sn[64];
    uint32_t last = i;  // i - 1 is the 'u'
    while (last < i + 4 && is_hex(u[last].cp)) last++;
    re_error(
        re, PS_E_REGEXP_INVALID_UNICODE_ESCAPE, ustart(re, esc), u[last - 1].end,
        "invalid Unicode escape '%s'; write '\\u' and four hex digits ('\\u00E9') or '\\u{' hex "
        "digits '}' ('\\u{1F600}'), or '\\\\u' to match a backslash and 'u'",
        snip_units(re, esc, last, sn));
    return -1;
}

// ControlEscape: the value of \f \n \r \t \v, or 0.
static uint32_t control_escape(uint32_t c) {
    switch (c) {
    case 'f': return '\f';
    case 'n': return '\n';
    case 'r': return '\r';
    case 't': return '\t';
    case 'v': return '\v';
    default: return 0;
    }
}

// pos is at a backslash. Parses a CharacterEscape (in context ctx) and
// stores its value. Without u/v this is the Annex B grammar: identity
// escapes of any character but 'c' (and 'k' with named groups), legacy
// octal escapes, and `\c` not followed by a control letter meaning a
// backslash (then only the backslash is consumed). Returns false after
// reporting an error.
static bool parse_char_escape(Re *re, int ctx, uint32_t *out) {
    uint32_t p0 = re->pos;
    uint32_t c = PK(re, 1);
    char sn[64];
    uint32_t ctl = control_escape(c);
    if (ctl) {
        *out = ctl;
        re->pos += 2;
        return true;
    }
    switch (c) {
    case 'c': {
        uint32_t l = PK(re, 2);
        if (is_ascii_letter(l)) {
            *out = l % 32;
            re->pos += 3;
            return true;
        }
        if (!re->umode) {
            if (ctx == CTX_CLASS && (is_digit(l) || l == '_')) {  // ClassControlLetter
                *out = l % 32;
                re->pos += 3;
                return true;
            }
            *out = '\\';  // `\` [lookahead = c]: a backslash; 'c' comes next
            re->pos += 1;
            return true;
        }
        re->pos += 2;
        re_error(re, PS_E_REGEXP_INVALID_CONTROL_ESCAPE, ustart(re, p0), end_since(re, p0),
                 "'\\c' must be followed by a letter A-Z or a-z (as in '\\cJ' for a line feed); "
                 "write '\\\\c' to match a backslash and 'c'");
        return false;
    }
    case '0':
        if (!is_digit(PK(re, 2))) {
            *out = 0;
            re->pos += 2;
            return true;
        }
        if (re->umode) {
            re->pos += 2;
            uint32_t v = 0;
            for (int k = 0; k < 2 && P(re) >= '0' && P(re) <= '7'; k++)
                v = v * 8 + (P(re) - '0'), re->pos++;
            if (re->pos == p0 + 2) re->pos++;  // \08, \09
            re_error(
                re, PS_E_REGEXP_INVALID_DECIMAL_ESCAPE, ustart(re, p0), end_since(re, p0),
                "octal escape '%s' is not allowed with the %s flag; write a hex escape such as "
                "'\\x%02X' instead",
                snip_units(re, p0, re->pos, sn), mode_flag(re), v);
            return false;
        }
        break;  // legacy octal
    case 'x':
        if (is_hex(PK(re, 2)) && is_hex(PK(re, 3))) {
            *out = hex_val(PK(re, 2)) << 4 | hex_val(PK(re, 3));
            re->pos += 4;
            return true;
        }
        if (re->umode) {
            uint32_t e = re->pos + 2;
            if (is_hex(re->u[e].cp)) e++;
            re->pos = e;
            re_error(re, PS_E_REGEXP_INVALID_HEX_ESCAPE, ustart(re, p0), end_since(re, p0),
                     "invalid hex escape '%s'; '\\x' needs exactly two hex digits, as in '\\x41'",
                     snip_units(re, p0, e, sn));
            return false;
        }
        *out = 'x';
        re->pos += 2;
        return true;
    case 'u': {
        re->pos += 1;
        int r = parse_u_escape(re, re->umode, p0, out);
        if (r > 0) return true;
        if (r < 0) return false;
        *out = 'u';
        re->pos += 1;
        return true;
    }
    case RE_EOF:
        re->pos += 1;
        re_error(
            re, PS_E_REGEXP_TRAILING_BACKSLASH, ustart(re, p0), end_since(re, p0),
            "'\\' at the end of the pattern escapes nothing; write '\\\\' to match a backslash");
        return false;
    default: break;
    }
    if (is_digit(c)) {
        if (re->umode) {
            re->pos += 2;
            re_error(re, PS_E_REGEXP_INVALID_DECIMAL_ESCAPE, ustart(re, p0), end_since(re, p0),
                     "'%s' is not allowed inside a character class with the %s flag (there are no "
                     "backreferences or octal escapes in classes); write a hex escape such as "
                     "'\\x0%c', or the digit itself",
                     snip_units(re, p0, re->pos, sn), mode_flag(re), (char)c);
            return false;
        }
        if (c >= '8') {  // \8 and \9 are identity escapes
            *out = c;
            re->pos += 2;
            return true;
        }
        // LegacyOctalEscapeSequence: up to three digits, value at most 0377.
        uint32_t v = c - '0';
        re->pos += 2;
        uint32_t max_more = v <= 3 ? 2 : 1;
        while (max_more-- && P(re) >= '0' && P(re) <= '7') {
            v = v * 8 + (P(re) - '0');
            re->pos++;
        }
        *out = v;
        return true;
    }
    if (re->umode) {
        if (is_syntax_char(c) || c == '/' || (ctx == CTX_CLASS && c == '-') ||
            (ctx == CTX_CLASS_V && is_set_reserved_punct(c))) {
            *out = c;
            re->pos += 2;
            return true;
        }
        re->pos += 2;
        re_error(
            re, PS_E_REGEXP_INVALID_ESCAPE, ustart(re, p0), end_since(re, p0),
            "invalid escape '%s' with the %s flag; only syntax characters ^ $ \\ . * + ? ( ) [ ] "
            "{ } | and / can be escaped%s, so write the character without the backslash",
            snip_units(re, p0, re->pos, sn), mode_flag(re),
            ctx == CTX_CLASS     ? " (and '-' in a class)"
            : ctx == CTX_CLASS_V ? " (and & - ! # % , : ; < = > @ ` ~ in a class)"
                                 : "");
        return false;
    }
    if (c == 'k' && re->named) {
        re->pos += 2;
        re_error(re, PS_E_REGEXP_INVALID_NAMED_REFERENCE, ustart(re, p0), end_since(re, p0),
                 "'\\k' inside a character class is not allowed when the pattern has named groups; "
                 "write 'k' to match the letter");
        return false;
    }
    *out = c;  // identity escape
    re->pos += 2;
    return true;
}

// pos is at the '<' of a group name. Parses RegExpIdentifierName and the
// closing '>'; returns the name as UTF-8 in the arena (length in *len), or
// NULL after an error. `\u` escapes always follow the unicode grammar here.
static const char *parse_group_name(Re *re, uint32_t *len) {
    uint32_t p0 = re->pos;
    re->pos++;  // '<'
    re->tmp.len = 0;
    bool first = true;
    char sn[64];
    for (;;) {
        uint32_t c = P(re), c0 = re->pos;
        if (c == '>') {
            if (first) {
                re->pos++;
                re_error(re, PS_E_REGEXP_INVALID_GROUP_NAME, ustart(re, p0), end_since(re, p0),
                         "empty group name '<>'; write an identifier, as in '(?<year>\\d{4})'");
                return NULL;
            }
            re->pos++;
            break;
        }
        if (c == RE_EOF) {
            re_error(re, PS_E_REGEXP_INVALID_GROUP_NAME, ustart(re, p0), re->len,
                     "unterminated group name '%s'; close it with '>'",
                     snip_units(re, p0, re->pos, sn));
            return NULL;
        }
        uint32_t cp;
        if (c == '\\') {
            if (PK(re, 1) != 'u') {
                re->pos += PK(re, 1) == RE_EOF ? 1 : 2;
                re_error(re, PS_E_REGEXP_INVALID_GROUP_NAME, ustart(re, c0), end_since(re, c0),
                         "invalid escape '%s' in a group name; only '\\u' escapes are allowed",
                         snip_units(re, c0, re->pos, sn));
                return NULL;
            }
            re->pos++;
            int r = parse_u_escape(re, true, c0, &cp);
            if (r <= 0) return NULL;
        } else {
            cp = c;
            re->pos++;
            if (is_lead(cp) && is_trail(P(re))) {  // a surrogate pair (non-unicode units)
                cp = 0x10000 + ((cp - 0xD800) << 10) + (P(re) - 0xDC00);
                re->pos++;
            }
        }
        if (first ? !ps_is_id_start(cp) : !ps_is_id_continue(cp)) {
            re_error(re, PS_E_REGEXP_INVALID_GROUP_NAME, ustart(re, c0), end_since(re, c0),
                     "'%s' cannot %s a group name; names are identifiers such as 'year' or '$x1', "
                     "closed by '>'",
                     snip_units(re, c0, re->pos, sn), first ? "start" : "appear in");
            return NULL;
        }
        och_buf_put_utf8(&re->tmp, cp);
        first = false;
    }
    *len = (uint32_t)re->tmp.len;
    return och_arena_strndup(re->arena, re->tmp.data, re->tmp.len);
}

// pos is at `\p` or `\P` (u/v mode). Parses `{Name}` / `{Name=Value}` and
// checks it against the Unicode tables.
static PsReNode *parse_property(Re *re) {
    uint32_t p0 = re->pos;
    bool negated = PK(re, 1) == 'P';
    re->pos += 2;
    char sn[64];
    if (P(re) != '{') {
        re_error(re, PS_E_REGEXP_INVALID_PROPERTY_SYNTAX, ustart(re, p0), end_since(re, p0),
                 "'\\%c' must be followed by a property in braces, as in '\\%c{Letter}' or "
                 "'\\%c{Script=Greek}'; write '\\\\%c' to match a backslash and '%c'",
                 negated ? 'P' : 'p', negated ? 'P' : 'p', negated ? 'P' : 'p', negated ? 'P' : 'p',
                 negated ? 'P' : 'p');
        return NULL;
    }
    re->pos++;
    uint32_t n0 = re->pos;
    while (is_ascii_letter(P(re)) || is_digit(P(re)) || P(re) == '_') re->pos++;
    uint32_t n1 = re->pos, v0 = 0, v1 = 0;
    bool has_value = false;
    if (P(re) == '=') {
        has_value = true;
        re->pos++;
        v0 = re->pos;
        while (is_ascii_letter(P(re)) || is_digit(P(re)) || P(re) == '_') re->pos++;
        v1 = re->pos;
    }
    if (P(re) != '}' || n1 == n0 || (has_value && v1 == v0)) {
        // Extend the span to the closing brace when there is one nearby.
        uint32_t e = re->pos;
        while (e < re->n && e - p0 < 64 && re->u[e].cp != '}' && re->u[e].cp != '{') e++;
        if (re->u[e].cp == '}') e++;
        re->pos = e;
        re_error(re, PS_E_REGEXP_INVALID_PROPERTY_SYNTAX, ustart(re, p0), end_since(re, p0),
                 "invalid property escape '%s'; write '\\p{Name}' or '\\p{Name=Value}' using only "
                 "letters, digits and '_', as in '\\p{Lu}' or '\\p{Script=Greek}'",
                 snip_units(re, p0, e, sn));
        return NULL;
    }
    re->pos++;
    uint32_t ps = ustart(re, p0), pe = end_since(re, p0);
    const char *name = re->src + ustart(re, n0);
    uint32_t name_len = ustart(re, n1) - ustart(re, n0);
    const char *value = has_value ? re->src + ustart(re, v0) : NULL;
    uint32_t value_len = has_value ? ustart(re, v1) - ustart(re, v0) : 0;
    const PsUniProp *prop;
    PsUniLookup st =
        ps_unicode_property_lookup(name, name_len, value, value_len, has_value, re->vmode, &prop);
    switch (st) {
    case PS_UNI_OK: break;
    case PS_UNI_UNKNOWN_NAME:
        if (has_value)
            re_error(re, PS_E_REGEXP_UNKNOWN_PROPERTY, ps, pe,
                     "unknown property '%.*s' in '%s'; only General_Category (gc), Script (sc) and "
                     "Script_Extensions (scx) take a value, as in '\\p{Script=Greek}'",
                     (int)name_len, name, snip(re, ps, pe, sn));
        else
            re_error(re, PS_E_REGEXP_UNKNOWN_PROPERTY, ps, pe,
                     "unknown Unicode property '%.*s' in '%s'; names are case-sensitive: use a "
                     "General_Category value ('Lu', 'Letter'), a binary property ('Alphabetic', "
                     "'White_Space') or 'Script=Name'",
                     (int)name_len, name, snip(re, ps, pe, sn));
        return NULL;
    case PS_UNI_UNKNOWN_VALUE:
        re_error(re, PS_E_REGEXP_UNKNOWN_PROPERTY_VALUE, ps, pe,
                 "unknown value '%.*s' for property '%.*s' in '%s'; values are case-sensitive "
                 "names or aliases from the Unicode data (Unicode %s), as in 'Greek' or 'Grek'",
                 (int)value_len, value, (int)name_len, name, snip(re, ps, pe, sn),
                 ps_unicode_version());
        return NULL;
    case PS_UNI_VALUE_REQUIRED:
        re_error(re, PS_E_REGEXP_PROPERTY_VALUE_MISMATCH, ps, pe,
                 "property '%.*s' needs a value, as in '\\p{%.*s=%s}'", (int)name_len, name,
                 (int)name_len, name, name_len <= 3 && name[0] == 'g' ? "Lu" : "Greek");
        return NULL;
    case PS_UNI_VALUE_NOT_ALLOWED:
        re_error(
            re, PS_E_REGEXP_PROPERTY_VALUE_MISMATCH, ps, pe,
            "binary property '%.*s' takes no value; write '\\p{%.*s}', and '\\P{%.*s}' for the "
            "characters without it",
            (int)name_len, name, (int)name_len, name, (int)name_len, name);
        return NULL;
    case PS_UNI_NEEDS_SETS:
        re_error(re, PS_E_REGEXP_STRINGS_NEED_V, ps, pe,
                 "'%.*s' is a property of strings, which needs the v flag; use the v flag instead "
                 "of u",
                 (int)name_len, name);
        return NULL;
    }
    if (negated && prop->kind == PS_UNI_KIND_STRINGS) {
        re_error(re, PS_E_REGEXP_NEGATED_STRINGS, ps, pe,
                 "'%s' negates a property of strings, which is not allowed; match the complement "
                 "with a negative lookahead instead, as in '(?!\\p{%.*s})'",
                 snip(re, ps, pe, sn), (int)name_len, name);
        return NULL;
    }
    PsReNode *n = node_new(re, PS_RE_PROPERTY, ps);
    n->end = pe;
    n->prop = prop;
    if (negated) n->flags |= PS_RE_NF_NEGATED;
    if (prop->kind == PS_UNI_KIND_STRINGS) n->flags |= PS_RE_NF_MAY_STRINGS;
    return n;
}

// pos is at a backslash followed by d D s S w W.
static PsReNode *class_escape_node(Re *re) {
    uint32_t p0 = re->pos, c = PK(re, 1);
    re->pos += 2;
    PsReNode *n = node_new(re, PS_RE_CLASS_ESCAPE, ustart(re, p0));
    n->end = end_since(re, p0);
    n->esc = (uint8_t)(c | 0x20);
    if (c < 'a') n->flags |= PS_RE_NF_NEGATED;
    return n;
}

static bool is_class_escape_letter(uint32_t c) {
    return c == 'd' || c == 'D' || c == 's' || c == 'S' || c == 'w' || c == 'W';
}

// --- quantifiers -------------------------------------------------------------------

// Value of the decimal digits in units [a, b), saturating at UINT32_MAX - 1.
static uint32_t digits_value(const Re *re, uint32_t a, uint32_t b) {
    uint64_t v = 0;
    for (uint32_t i = a; i < b; i++) {
        v = v * 10 + (re->u[i].cp - '0');
        if (v >= UINT32_MAX - 1) return UINT32_MAX - 1;
    }
    return (uint32_t)v;
}

// Compares the mathematical values of two digit runs of any length.
static int digits_cmp(const Re *re, uint32_t a, uint32_t ae, uint32_t b, uint32_t be) {
    while (a < ae && re->u[a].cp == '0') a++;
    while (b < be && re->u[b].cp == '0') b++;
    if (ae - a != be - b) return ae - a < be - b ? -1 : 1;
    for (; a < ae; a++, b++)
        if (re->u[a].cp != re->u[b].cp) return re->u[a].cp < re->u[b].cp ? -1 : 1;
    return 0;
}

// pos is at '{'. Recognises `{n}`, `{n,}` and `{n,m}` without consuming;
// sets *after to the unit after '}'.
static bool scan_braces(const Re *re, uint32_t *min, uint32_t *max, uint32_t *after,
                        bool *reversed) {
    uint32_t i = re->pos + 1, d0 = i;
    while (is_digit(re->u[i].cp)) i++;
    if (i == d0) return false;
    uint32_t d0e = i;
    *min = *max = digits_value(re, d0, d0e);
    *reversed = false;
    if (re->u[i].cp == ',') {
        i++;
        uint32_t d1 = i;
        while (is_digit(re->u[i].cp)) i++;
        if (i == d1) {
            *max = PS_RE_INFINITY;
        } else {
            *max = digits_value(re, d1, i);
            *reversed = digits_cmp(re, d0, d0e, d1, i) > 0;
        }
    }
    if (re->u[i].cp != '}') return false;
    *after = i + 1;
    return true;
}

// Why an atom cannot take a quantifier (NULL: it can).
typedef const char *NoRepeat;

// Parses an optional quantifier after atom; why says why atom cannot take one.
static PsReNode *parse_quantifier(Re *re, PsReNode *atom, NoRepeat why) {
    uint32_t q0 = re->pos, min, max, after;
    bool reversed = false;
    switch (P(re)) {
    case '*': min = 0, max = PS_RE_INFINITY, after = q0 + 1; break;
    case '+': min = 1, max = PS_RE_INFINITY, after = q0 + 1; break;
    case '?': min = 0, max = 1, after = q0 + 1; break;
    case '{':
        if (!scan_braces(re, &min, &max, &after, &reversed)) return atom;
        break;
    default: return atom;
    }
    re->pos = after;
    bool lazy = P(re) == '?';
    if (lazy) re->pos++;
    char sn[64], sn2[64];
    if (why) {
        re_error(re, PS_E_REGEXP_NOTHING_TO_REPEAT, ustart(re, q0), end_since(re, q0),
                 "%s cannot be repeated; remove the quantifier '%s'%s", why,
                 snip_units(re, q0, re->pos, sn),
                 strcmp(why, "a lookahead assertion") == 0
                     ? " or wrap the assertion in a group: '(?:(?=...))*'"
                     : "");
        return NULL;
    }
    if (reversed) {
        re_error(re, PS_E_REGEXP_QUANTIFIER_ORDER, ustart(re, q0), ustart(re, after),
                 "numbers out of order in quantifier '%s'; write the smaller bound first",
                 snip_units(re, q0, after, sn2));
        return NULL;
    }
    PsReNode *q = node_new(re, PS_RE_QUANT, atom->start);
    q->end = end_since(re, q0);
    q->quant.body = atom;
    q->quant.min = min;
    q->quant.max = max;
    if (lazy) q->flags |= PS_RE_NF_LAZY;
    return q;
}

// --- character classes ----------------------------------------------------------------

static PsReNode *parse_class_v(Re *re);

// A ClassAtom outside v mode: a character, or a class escape / property.
static PsReNode *parse_class_atom(Re *re) {
    uint32_t p0 = re->pos, c = P(re);
    if (c != '\\') {
        re->pos++;
        return char_node(re, c, p0);
    }
    uint32_t c1 = PK(re, 1);
    if (c1 == 'b') {
        re->pos += 2;
        return char_node(re, '\b', p0);
    }
    if (is_class_escape_letter(c1)) return class_escape_node(re);
    if ((c1 == 'p' || c1 == 'P') && re->umode) return parse_property(re);
    uint32_t cp;
    if (!parse_char_escape(re, CTX_CLASS, &cp)) return NULL;
    return char_node(re, cp, p0);
}

// Class escapes and properties cannot be range ends.
static bool is_set_node(const PsReNode *n) { return n->kind != PS_RE_CHAR; }

// A class outside v mode: [...] or [^...] with ranges.
static PsReNode *parse_class(Re *re) {
    if (re->vmode) return parse_class_v(re);
    uint32_t p0 = re->pos;
    re->pos++;
    PsReNode *cls = node_new(re, PS_RE_CLASS, ustart(re, p0));
    cls->op = PS_RE_CLASS_UNION;
    if (P(re) == '^') {
        cls->flags |= PS_RE_NF_NEGATED;
        re->pos++;
    }
    char sn[64];
    for (;;) {
        uint32_t c = P(re);
        if (c == ']') break;
        if (c == RE_EOF) {
            re_error(
                re, PS_E_REGEXP_UNTERMINATED_CLASS, ustart(re, p0), re->u[p0].end,
                "missing ']' to close this character class; write '\\[' to match a literal '['");
            return NULL;
        }
        PsReNode *a = parse_class_atom(re);
        if (!a) return NULL;
        if (P(re) == '-' && PK(re, 1) != ']' && PK(re, 1) != RE_EOF) {
            uint32_t dash = re->pos;
            re->pos++;
            PsReNode *b = parse_class_atom(re);
            if (!b) return NULL;
            if (is_set_node(a) || is_set_node(b)) {
                if (re->umode) {
                    re_error(
                        re, PS_E_REGEXP_CLASS_ESCAPE_IN_RANGE, a->start, b->end,
                        "'%s' uses a class escape as a range end, which is not allowed with the "
                        "%s flag; write '\\-' to match a literal '-'",
                        snip(re, a->start, b->end, sn), mode_flag(re));
                    return NULL;
                }
                // Annex B: the three atoms are a union ([\d-z] is \d, '-' or 'z').
                list_append(cls, a);
                list_append(cls, char_node(re, '-', dash));
                cls->list.last->end = re->u[dash].end;
                list_append(cls, b);
                continue;
            }
            if (a->cp > b->cp) {
                re_error(re, PS_E_REGEXP_RANGE_ORDER, a->start, b->end,
                         "range out of order in character class '%s'; write the smaller end first, "
                         "or '\\-' to match a literal '-'",
                         snip(re, a->start, b->end, sn));
                return NULL;
            }
            PsReNode *r = node_new(re, PS_RE_CLASS_RANGE, a->start);
            r->end = b->end;
            r->range.from = a->cp;
            r->range.to = b->cp;
            list_append(cls, r);
            continue;
        }
        list_append(cls, a);
    }
    re->pos++;
    cls->end = end_since(re, p0);
    return cls;
}

// v mode: a ClassSetCharacter. Reports unescaped syntax characters and
// reserved double punctuators.
static bool parse_set_char(Re *re, uint32_t *out) {
    uint32_t p0 = re->pos, c = P(re);
    char sn[64];
    if (c == '\\') {
        uint32_t c1 = PK(re, 1);
        if (c1 == 'b') {
            *out = '\b';
            re->pos += 2;
            return true;
        }
        if (is_set_reserved_punct(c1)) {
            *out = c1;
            re->pos += 2;
            return true;
        }
        if (is_class_escape_letter(c1) || c1 == 'p' || c1 == 'P' || c1 == 'q') {
            re->pos += 2;
            re_error(re, PS_E_REGEXP_INVALID_SET_OPERAND, ustart(re, p0), end_since(re, p0),
                     "'%s' is a set, not a single character, so it cannot be a range end or part "
                     "of a '\\q{...}' string; use it as a separate operand of the class",
                     snip_units(re, p0, re->pos, sn));
            return false;
        }
        return parse_char_escape(re, CTX_CLASS_V, out);
    }
    if (is_set_syntax(c)) {
        re->pos++;
        re_error(re, PS_E_REGEXP_UNESCAPED_CLASS_CHAR, ustart(re, p0), end_since(re, p0),
                 "'%c' must be escaped inside a class with the v flag; write '\\%c'", (char)c,
                 (char)c);
        return false;
    }
    if (is_double_punct(c) && PK(re, 1) == c) {
        re->pos += 2;
        re_error(re, PS_E_REGEXP_RESERVED_DOUBLE_PUNCTUATOR, ustart(re, p0), end_since(re, p0),
                 "'%c%c' is reserved inside a class with the v flag; escape one of them: '%c\\%c'",
                 (char)c, (char)c, (char)c, (char)c);
        return false;
    }
    *out = c;
    re->pos++;
    return true;
}

// pos is at `\q` (v mode). Parses `\q{str|str|...}`.
static PsReNode *parse_class_strings(Re *re) {
    uint32_t p0 = re->pos;
    if (PK(re, 2) != '{') {
        re->pos += 2;
        re_error(re, PS_E_REGEXP_INVALID_CLASS_STRINGS, ustart(re, p0), end_since(re, p0),
                 "'\\q' must be followed by strings in braces, as in '\\q{abc|d}'");
        return NULL;
    }
    re->pos += 3;
    PsReNode *n = node_new(re, PS_RE_CLASS_STRINGS, ustart(re, p0));
    bool may_strings = false;
    for (;;) {
        uint32_t s0 = re->pos;
        re->tmp_cps.len = 0;
        while (P(re) != '|' && P(re) != '}') {
            if (P(re) == RE_EOF || P(re) == ']') {
                re_error(re, PS_E_REGEXP_INVALID_CLASS_STRINGS, ustart(re, p0), re->u[p0 + 2].end,
                         "missing '}' to close '\\q{'%s",
                         P(re) == ']' ? " (write '\\]' if the string contains ']')" : "");
                return NULL;
            }
            uint32_t cp;
            if (!parse_set_char(re, &cp)) return NULL;
            och_vec_push(&re->tmp_cps, cp);
        }
        PsReNode *s = node_new(re, PS_RE_STRING, ustart(re, s0));
        s->end = end_since(re, s0);
        s->str.len = re->tmp_cps.len;
        s->str.cps = re->tmp_cps.len ? och_arena_memdup(re->arena, re->tmp_cps.items,
                                                        sizeof(uint32_t) * re->tmp_cps.len)
                                     : NULL;
        if (s->str.len != 1) may_strings = true;
        list_append(n, s);
        if (P(re) == '}') break;
        re->pos++;  // '|'
    }
    re->pos++;
    n->end = end_since(re, p0);
    if (may_strings) n->flags |= PS_RE_NF_MAY_STRINGS;
    return n;
}

static bool at_operator(const Re *re) {
    return (P(re) == '&' && PK(re, 1) == '&') || (P(re) == '-' && PK(re, 1) == '-');
}

// v mode: a ClassSetOperand, or with allow_range also a ClassSetRange.
static PsReNode *parse_set_item(Re *re, bool allow_range) {
    uint32_t p0 = re->pos, c = P(re);
    char sn[64];
    if (c == '[') return parse_class_v(re);
    if (c == '\\') {
        uint32_t c1 = PK(re, 1);
        if (is_class_escape_letter(c1)) return class_escape_node(re);
        if (c1 == 'p' || c1 == 'P') return parse_property(re);
        if (c1 == 'q') return parse_class_strings(re);
    }
    if (at_operator(re)) {
        re->pos += 2;
        re_error(re, PS_E_REGEXP_INVALID_SET_OPERAND, ustart(re, p0), end_since(re, p0),
                 "'%s' needs an operand on its left, as in '[\\w%s\\d]'",
                 snip_units(re, p0, re->pos, sn), sn);
        return NULL;
    }
    uint32_t cp;
    if (!parse_set_char(re, &cp)) return NULL;
    PsReNode *a = char_node(re, cp, p0);
    if (!allow_range || P(re) != '-' || PK(re, 1) == '-') return a;
    re->pos++;  // '-'
    uint32_t c2 = P(re);
    if (c2 == ']' || c2 == RE_EOF || c2 == '[') {
        re_error(
            re, PS_E_REGEXP_UNESCAPED_CLASS_CHAR, ustart(re, re->pos - 1), re->u[re->pos - 1].end,
            "'-' must be escaped inside a class with the v flag unless it joins two characters "
            "in a range such as 'a-z'; write '\\-'");
        return NULL;
    }
    uint32_t b0 = re->pos, cp2;
    if (!parse_set_char(re, &cp2)) return NULL;
    if (cp > cp2) {
        re_error(re, PS_E_REGEXP_RANGE_ORDER, a->start, end_since(re, b0),
                 "range out of order in character class '%s'; write the smaller end first",
                 snip(re, a->start, end_since(re, b0), sn));
        return NULL;
    }
    PsReNode *r = node_new(re, PS_RE_CLASS_RANGE, a->start);
    r->end = end_since(re, b0);
    r->range.from = cp;
    r->range.to = cp2;
    return r;
}

// v mode: pos is at '['. Parses a ClassSetExpression class (nested ones
// recursively) and checks MayContainStrings against negation.
static PsReNode *parse_class_v(Re *re) {
    uint32_t p0 = re->pos;
    char sn[64];
    if (re->depth >= PS_RE_MAX_DEPTH) {
        re_error(re, PS_E_REGEXP_TOO_DEEP, ustart(re, p0), re->u[p0].end,
                 "classes and groups are nested more than %d levels deep; simplify the pattern",
                 PS_RE_MAX_DEPTH);
        return NULL;
    }
    re->depth++;
    re->pos++;
    PsReNode *cls = node_new(re, PS_RE_CLASS, ustart(re, p0));
    cls->op = PS_RE_CLASS_UNION;
    if (P(re) == '^') {
        cls->flags |= PS_RE_NF_NEGATED;
        re->pos++;
    }
    if (P(re) != ']' && P(re) != RE_EOF) {
        PsReNode *first = parse_set_item(re, true);
        if (!first) return NULL;
        list_append(cls, first);
        if (at_operator(re)) {
            bool inter = P(re) == '&';
            const char *opname = inter ? "&&" : "--";
            cls->op = inter ? PS_RE_CLASS_INTERSECTION : PS_RE_CLASS_SUBTRACTION;
            if (first->kind == PS_RE_CLASS_RANGE) {
                re_error(re, PS_E_REGEXP_INVALID_SET_OPERAND, first->start, first->end,
                         "the range '%s' cannot be an operand of '%s'; wrap it in a nested class: "
                         "'[%s]'",
                         snip(re, first->start, first->end, sn), opname, sn);
                return NULL;
            }
            for (;;) {
                uint32_t op0 = re->pos;
                re->pos += 2;
                if (inter && P(re) == '&') {
                    re->pos++;
                    re_error(re, PS_E_REGEXP_RESERVED_DOUBLE_PUNCTUATOR, ustart(re, op0),
                             end_since(re, op0),
                             "'&&&' is not allowed; write '&&\\&' to intersect with a literal '&'");
                    return NULL;
                }
                if (P(re) == ']' || P(re) == RE_EOF || at_operator(re)) {
                    re_error(
                        re, PS_E_REGEXP_INVALID_SET_OPERAND, ustart(re, op0), end_since(re, op0),
                        "'%s' needs an operand on its right, as in '[\\w%s\\d]'", opname, opname);
                    return NULL;
                }
                PsReNode *opnd = parse_set_item(re, false);
                if (!opnd) return NULL;
                list_append(cls, opnd);
                uint32_t c = P(re);
                if (c == ']' || c == RE_EOF) break;
                if (inter ? (c == '&' && PK(re, 1) == '&') : (c == '-' && PK(re, 1) == '-'))
                    continue;
                if (c == '-' && PK(re, 1) != '-') {
                    re_error(re, PS_E_REGEXP_INVALID_SET_OPERAND, opnd->start,
                             re->u[re->pos + (PK(re, 1) != RE_EOF)].end,
                             "a range cannot be an operand of '%s'; wrap it in a nested class, as "
                             "in '[\\w%s[a-z]]'",
                             opname, opname);
                    return NULL;
                }
                if (at_operator(re))
                    re_error(re, PS_E_REGEXP_MIXED_CLASS_OPERATORS, ustart(re, re->pos),
                             re->u[re->pos + 1].end,
                             "'&&' and '--' cannot be mixed in one class; nest one operation in "
                             "brackets, as in '[[a&&b]--c]'");
                else
                    re_error(re, PS_E_REGEXP_MIXED_CLASS_OPERATORS, ustart(re, re->pos),
                             re->u[re->pos].end,
                             "each operand of '%s' is a single item; group several items in a "
                             "nested class, as in '[[ab]%s[bc]]'",
                             opname, opname);
                return NULL;
            }
        } else {
            while (P(re) != ']' && P(re) != RE_EOF) {
                if (at_operator(re)) {
                    re_error(re, PS_E_REGEXP_MIXED_CLASS_OPERATORS, ustart(re, re->pos),
                             re->u[re->pos + 1].end,
                             "'%s' cannot follow a union of several items; wrap the union in a "
                             "nested class, as in '[[ab]%s[bc]]'",
                             P(re) == '&' ? "&&" : "--", P(re) == '&' ? "&&" : "--");
                    return NULL;
                }
                PsReNode *item = parse_set_item(re, true);
                if (!item) return NULL;
                list_append(cls, item);
            }
        }
    }
    if (P(re) != ']') {
        re_error(re, PS_E_REGEXP_UNTERMINATED_CLASS, ustart(re, p0), re->u[p0].end,
                 "missing ']' to close this character class; write '\\[' to match a literal '['");
        return NULL;
    }
    re->pos++;
    re->depth--;
    cls->end = end_since(re, p0);
    // MayContainStrings: a union if any item may, an intersection if all
    // operands may, a subtraction if its first operand may.
    bool may = false;
    if (cls->op == PS_RE_CLASS_UNION) {
        for (PsReNode *it = cls->list.first; it; it = it->next)
            if (it->flags & PS_RE_NF_MAY_STRINGS) may = true;
    } else if (cls->op == PS_RE_CLASS_INTERSECTION) {
        may = true;
        for (PsReNode *it = cls->list.first; it; it = it->next)
            if (!(it->flags & PS_RE_NF_MAY_STRINGS)) may = false;
    } else {
        may = (cls->list.first->flags & PS_RE_NF_MAY_STRINGS) != 0;
    }
    if (may && (cls->flags & PS_RE_NF_NEGATED)) {
        re_error(
            re, PS_E_REGEXP_NEGATED_STRINGS, cls->start, cls->end,
            "a negated class '[^...]' cannot contain strings (a '\\q{...}' alternative that is "
            "not one character, or a property of strings); remove the '^' or the strings");
        return NULL;
    }
    if (may) cls->flags |= PS_RE_NF_MAY_STRINGS;
    return cls;
}

// --- atoms, groups, terms ---------------------------------------------------------------

static PsReNode *parse_disjunction(Re *re);

// pos is at a backslash in atom position (not \b or \B).
static PsReNode *parse_atom_escape(Re *re) {
    uint32_t p0 = re->pos, c = PK(re, 1);
    if (c >= '1' && c <= '9') {
        uint32_t i = re->pos + 1;
        while (is_digit(re->u[i].cp)) i++;
        uint32_t index = digits_value(re, re->pos + 1, i);
        // Without u/v, a number above the group count is an octal or
        // identity escape (Annex B).
        if (re->umode || index <= re->ngroups_pre) {
            re->pos = i;
            PsReNode *n = node_new(re, PS_RE_BACKREF, ustart(re, p0));
            n->end = end_since(re, p0);
            n->backref.index = index;
            re->has_backrefs = true;
            if (re->umode) och_vec_push(&re->refs, ((ReRef){n, NULL, 0}));
            return n;
        }
    } else if (c == 'k' && re->named) {
        re->pos += 2;
        if (P(re) != '<') {
            re_error(re, PS_E_REGEXP_INVALID_NAMED_REFERENCE, ustart(re, p0), end_since(re, p0),
                     "'\\k' must be followed by a group name, as in '\\k<year>'%s",
                     re->umode
                         ? ""
                         : "; this pattern has named groups, so write 'k' to match the letter");
            return NULL;
        }
        uint32_t len;
        const char *name = parse_group_name(re, &len);
        if (!name) return NULL;
        PsReNode *n = node_new(re, PS_RE_BACKREF, ustart(re, p0));
        n->end = end_since(re, p0);
        n->backref.name = name;
        re->has_backrefs = true;
        och_vec_push(&re->refs, ((ReRef){n, name, len}));
        return n;
    } else if (is_class_escape_letter(c)) {
        return class_escape_node(re);
    } else if ((c == 'p' || c == 'P') && re->umode) {
        return parse_property(re);
    } else if (re->umode && c == '-') {
        re->pos += 2;
        re_error(re, PS_E_REGEXP_INVALID_ESCAPE, ustart(re, p0), end_since(re, p0),
                 "'\\-' is only allowed inside a character class with the %s flag; write '-'",
                 mode_flag(re));
        return NULL;
    }
    uint32_t cp;
    if (!parse_char_escape(re, CTX_ATOM, &cp)) return NULL;
    return char_node(re, cp, p0);
}

// pos is at '(?' followed by a modifier letter or '-'. Parses
// `(?ims-ims:` up to and including ':'.
static bool parse_modifiers(Re *re, uint32_t p0, uint8_t *add, uint8_t *remove) {
    re->pos += 2;  // "(?"
    char sn[64];
    uint8_t seen = 0;
    *add = *remove = 0;
    bool dash = false;
    for (;;) {
        uint32_t c = P(re), bit = c == 'i'   ? PS_RE_FLAG_I
                                  : c == 'm' ? PS_RE_FLAG_M
                                  : c == 's' ? PS_RE_FLAG_S
                                             : 0;
        if (bit) {
            if (seen & bit) {
                re->pos++;
                re_error(re, PS_E_REGEXP_INVALID_MODIFIERS, ustart(re, re->pos - 1),
                         end_since(re, re->pos - 1),
                         "modifier '%c' appears twice in '%s'; each of i, m and s may appear once",
                         (char)c, snip_units(re, p0, re->pos, sn));
                return false;
            }
            seen |= (uint8_t)bit;
            if (dash)
                *remove |= (uint8_t)bit;
            else
                *add |= (uint8_t)bit;
            re->pos++;
            continue;
        }
        if (c == '-' && !dash) {
            dash = true;
            re->pos++;
            continue;
        }
        break;
    }
    if (P(re) != ':') {
        uint32_t c = P(re), e = re->pos + (P(re) == RE_EOF ? 0 : 1);
        char sn2[64];
        if (c == ')')
            re_error(re, PS_E_REGEXP_INVALID_MODIFIERS, ustart(re, p0), re->u[e - 1].end,
                     "'%s' is not valid JavaScript: modifiers apply to a group, as in '%s:...)'",
                     snip_units(re, p0, e, sn), snip_units(re, p0, e - 1, sn2));
        else
            re_error(
                re, PS_E_REGEXP_INVALID_MODIFIERS, ustart(re, re->pos),
                re->u[e > re->pos ? e - 1 : re->pos].end,
                "invalid modifier in '%s'; modifier groups look like '(?i:...)', '(?-i:...)' or "
                "'(?m-s:...)' and only i, m and s can be used",
                snip_units(re, p0, e, sn));
        return false;
    }
    if (dash && *add == 0 && *remove == 0) {
        re->pos++;
        re_error(
            re, PS_E_REGEXP_INVALID_MODIFIERS, ustart(re, p0), end_since(re, p0),
            "'(?-:' removes no modifier; write '(?:' for a plain group or name the modifiers, as "
            "in '(?-i:'");
        return false;
    }
    re->pos++;
    return true;
}

// pos is at '('. Parses any group or lookaround; *why is set when the
// result cannot be quantified.
static PsReNode *parse_group(Re *re, NoRepeat *why) {
    uint32_t p0 = re->pos;
    char sn[64];
    if (re->depth >= PS_RE_MAX_DEPTH) {
        re_error(re, PS_E_REGEXP_TOO_DEEP, ustart(re, p0), re->u[p0].end,
                 "groups and classes are nested more than %d levels deep; simplify the pattern",
                 PS_RE_MAX_DEPTH);
        return NULL;
    }
    PsReNode *g = node_new(re, PS_RE_GROUP, ustart(re, p0));
    if (PK(re, 1) != '?') {
        re->pos++;
        g->group.index = ++re->ngroups;
        och_vec_push(&re->group_names, NULL);
    } else {
        uint32_t c = PK(re, 2);
        if (c == ':') {
            g->kind = PS_RE_NONCAPTURE;
            re->pos += 3;
        } else if (c == '=' || c == '!') {
            g->kind = PS_RE_LOOKAHEAD;
            if (c == '!') g->flags |= PS_RE_NF_NEGATED;
            re->pos += 3;
            if (re->umode) *why = "a lookahead assertion";
        } else if (c == '<' && (PK(re, 3) == '=' || PK(re, 3) == '!')) {
            g->kind = PS_RE_LOOKBEHIND;
            if (PK(re, 3) == '!') g->flags |= PS_RE_NF_NEGATED;
            re->pos += 4;
            re->has_lookbehind = true;
            *why = "a lookbehind assertion";
        } else if (c == '<') {
            re->pos += 2;
            uint32_t n0 = re->pos, len;
            g->group.index = ++re->ngroups;
            och_vec_push(&re->group_names, NULL);
            const char *name = parse_group_name(re, &len);
            if (!name) return NULL;
            g->group.name = name;
            re->group_names.items[g->group.index] = name;
            define_name(re, name, len, g->group.index, ustart(re, n0), end_since(re, n0));
            if (re->failed) return NULL;
        } else if (c == 'i' || c == 'm' || c == 's' || c == '-') {
            g->kind = PS_RE_NONCAPTURE;
            if (!parse_modifiers(re, p0, &g->group.add, &g->group.remove)) return NULL;
        } else {
            uint32_t e = p0 + (c == RE_EOF ? 2 : 3);
            re->pos = e;
            re_error(re, PS_E_REGEXP_INVALID_GROUP, ustart(re, p0), end_since(re, p0),
                     "invalid group '%s'; after '(?' write ':' (non-capturing), '=' or '!' "
                     "(lookahead), '<=' or '<!' (lookbehind), '<name>' (named group) or modifiers "
                     "like 'i:'; write '\\(' to match a literal '('",
                     snip_units(re, p0, e, sn));
            return NULL;
        }
    }
    uint32_t head_end = end_since(re, p0);
    re->depth++;
    PsReNode *body = parse_disjunction(re);
    if (!body) return NULL;
    if (P(re) != ')') {
        re_error(re, PS_E_REGEXP_UNTERMINATED_GROUP, ustart(re, p0), head_end,
                 "missing ')' to close the group '%s'; write '\\(' to match a literal '('",
                 snip(re, ustart(re, p0), head_end, sn));
        return NULL;
    }
    re->pos++;
    re->depth--;
    g->group.body = body;
    g->end = end_since(re, p0);
    return g;
}

static PsReNode *parse_term(Re *re) {
    uint32_t p0 = re->pos, c = P(re);
    PsReNode *atom = NULL;
    NoRepeat why = NULL;
    char sn[64];
    switch (c) {
    case '^':
    case '$':
        re->pos++;
        atom = node_new(re, c == '^' ? PS_RE_LINE_START : PS_RE_LINE_END, ustart(re, p0));
        atom->end = end_since(re, p0);
        why = c == '^' ? "the assertion '^'" : "the assertion '$'";
        break;
    case '\\':
        if (PK(re, 1) == 'b' || PK(re, 1) == 'B') {
            bool big = PK(re, 1) == 'B';
            re->pos += 2;
            atom = node_new(re, PS_RE_WORD_BOUNDARY, ustart(re, p0));
            atom->end = end_since(re, p0);
            if (big) atom->flags |= PS_RE_NF_NEGATED;
            why = big ? "the assertion '\\B'" : "the assertion '\\b'";
            break;
        }
        atom = parse_atom_escape(re);
        break;
    case '(': atom = parse_group(re, &why); break;
    case '.':
        re->pos++;
        atom = node_new(re, PS_RE_DOT, ustart(re, p0));
        atom->end = end_since(re, p0);
        break;
    case '[': atom = parse_class(re); break;
    case '*':
    case '+':
    case '?': {
        uint32_t e = p0 + 1 + (PK(re, 1) == '?');
        re->pos = e;
        re_error(re, PS_E_REGEXP_NOTHING_TO_REPEAT, ustart(re, p0), end_since(re, p0),
                 "nothing to repeat before '%s'; escape it as '\\%c' to match a literal '%c'",
                 snip_units(re, p0, e, sn), (char)c, (char)c);
        return NULL;
    }
    case '{': {
        uint32_t min, max, after;
        bool reversed;
        if (scan_braces(re, &min, &max, &after, &reversed)) {
            re->pos = after + (re->u[after].cp == '?');
            re_error(
                re, PS_E_REGEXP_NOTHING_TO_REPEAT, ustart(re, p0), end_since(re, p0),
                "nothing to repeat before '%s'; escape the brace as '\\{' to match it literally",
                snip_units(re, p0, re->pos, sn));
            return NULL;
        }
        if (re->umode) {
            re->pos++;
            re_error(re, PS_E_REGEXP_LONE_SYNTAX_CHAR, ustart(re, p0), end_since(re, p0),
                     "lone '{' is not allowed with the %s flag; write '\\{' to match it, or a "
                     "quantifier such as '{2}' or '{2,5}' after an atom",
                     mode_flag(re));
            return NULL;
        }
        re->pos++;
        atom = char_node(re, c, p0);
        break;
    }
    case '}':
    case ']':
        if (re->umode) {
            re->pos++;
            re_error(re, PS_E_REGEXP_LONE_SYNTAX_CHAR, ustart(re, p0), end_since(re, p0),
                     "lone '%c' is not allowed with the %s flag; write '\\%c' to match it", (char)c,
                     mode_flag(re), (char)c);
            return NULL;
        }
        re->pos++;
        atom = char_node(re, c, p0);
        break;
    default:
        re->pos++;
        atom = char_node(re, c, p0);
        break;
    }
    if (!atom) return NULL;
    return parse_quantifier(re, atom, why);
}

static PsReNode *parse_alternative(Re *re) {
    uint32_t p0 = re->pos;
    PsReNode *a = node_new(re, PS_RE_ALTERNATIVE, ustart(re, p0));
    for (;;) {
        uint32_t c = P(re);
        if (c == RE_EOF || c == '|' || c == ')') break;
        PsReNode *t = parse_term(re);
        if (!t) return NULL;
        list_append(a, t);
    }
    a->end = end_since(re, p0);
    return a;
}

static PsReNode *parse_disjunction(Re *re) {
    uint32_t p0 = re->pos;
    PsReNode *d = node_new(re, PS_RE_DISJUNCTION, ustart(re, p0));
    uint32_t parent_alt = re->cur_alt;
    uint32_t collector = alt_new(re, false);
    for (;;) {
        uint32_t alt = alt_new(re, true);
        re->cur_alt = alt;
        PsReNode *a = parse_alternative(re);
        re->alt_open.items[alt] = 0;
        re->alt_parent.items[alt] = collector;
        if (!a) return NULL;
        list_append(d, a);
        if (P(re) != '|') break;
        re->pos++;
    }
    re->alt_parent.items[collector] = parent_alt;
    re->cur_alt = parent_alt;
    d->end = end_since(re, p0);
    return d;
}

// Checks references to groups once every group is known.
static void resolve_refs(Re *re) {
    char sn[64];
    for (uint32_t i = 0; i < re->refs.len && !re->failed; i++) {
        ReRef *r = &re->refs.items[i];
        PsReNode *n = r->node;
        if (r->name) {
            ReNameDef *d = name_lookup(re, r->name, r->len);
            if (!d) {
                re_error(re, PS_E_REGEXP_UNDEFINED_GROUP_NAME, n->start, n->end,
                         "'%s' refers to no group; define it with '(?<%s>...)' or fix the name",
                         snip(re, n->start, n->end, sn), r->name);
                return;
            }
            n->backref.index = d->first_group;
        } else if (n->backref.index > re->ngroups) {
            re_error(re, PS_E_REGEXP_INVALID_BACKREFERENCE, n->start, n->end,
                     "'%s' refers to group %u but the pattern has %u capturing group%s; fix the "
                     "number or add the group (with the %s flag '\\N' is always a backreference, "
                     "never an octal escape)",
                     snip(re, n->start, n->end, sn), n->backref.index, re->ngroups,
                     re->ngroups == 1 ? "" : "s", mode_flag(re));
            return;
        }
    }
}

bool ps_regexp_parse(const char *pattern, uint32_t len, uint32_t flags, uint32_t base,
                     OchArena *arena, OchDiagList *diags, PsRegexp *out) {
    memset(out, 0, sizeof *out);
    out->flags = flags;
    Re re;
    memset(&re, 0, sizeof re);
    re.src = pattern;
    re.len = len;
    re.base = base;
    re.vmode = (flags & PS_RE_FLAG_V) != 0;
    re.umode = (flags & (PS_RE_FLAG_U | PS_RE_FLAG_V)) != 0;
    re.arena = arena;
    re.diags = diags;
    decode(&re);
    bool has_named;
    prescan(&re, &has_named);
    re.named = re.umode || has_named;
    re.cur_alt = alt_new(&re, true);
    och_vec_push(&re.group_names, NULL);

    PsReNode *root = parse_disjunction(&re);
    if (root && P(&re) == ')') {
        re_error(&re, PS_E_REGEXP_UNMATCHED_PAREN, ustart(&re, re.pos), re.u[re.pos].end,
                 "unmatched ')'; remove it or write '\\)' to match a literal ')'");
    }
    if (!re.failed) resolve_refs(&re);
    if (!re.failed) {
        OCH_ASSERT(P(&re) == RE_EOF);
        OCH_ASSERT(re.ngroups == re.ngroups_pre);
        out->root = root;
        out->ngroups = re.ngroups;
        out->group_names = och_arena_memdup(arena, re.group_names.items,
                                            sizeof(const char *) * re.group_names.len);
        out->has_named_groups = re.ndefs > 0;
        out->has_backrefs = re.has_backrefs;
        out->has_lookbehind = re.has_lookbehind;
    }
    och_free(re.u);
    och_vec_free(&re.group_names);
    och_vec_free(&re.alt_parent);
    och_vec_free(&re.alt_open);
    och_vec_free(&re.refs);
    och_vec_free(&re.tmp_cps);
    och_buf_free(&re.tmp);
    och_free(re.defs);
    return !re.failed;
}

// --- flags -------------------------------------------------------------------------------

static uint32_t flag_bit(uint32_t c) {
    switch (c) {
    case 'd': return PS_RE_FLAG_D;
    case 'g': return PS_RE_FLAG_G;
    case 'i': return PS_RE_FLAG_I;
    case 'm': return PS_RE_FLAG_M;
    case 's': return PS_RE_FLAG_S;
    case 'u': return PS_RE_FLAG_U;
    case 'v': return PS_RE_FLAG_V;
    case 'y': return PS_RE_FLAG_Y;
    default: return 0;
    }
}

bool ps_regexp_parse_flags(const char *flags, uint32_t len, uint32_t base, OchDiagList *diags,
                           uint32_t *out) {
    uint32_t bits = 0, u_at = 0, v_at = 0;
    bool ok = true;
    for (uint32_t i = 0; i < len;) {
        uint32_t cp;
        uint32_t k = och_utf8_decode(flags + i, len - i, &cp, true);
        uint32_t bit = flag_bit(cp);
        if (!bit) {
            ok = false;
            if (diags)
                och_diag_add(diags, PS_E_REGEXP_INVALID_FLAG, OCH_SEV_ERROR, base + i, base + i + k,
                             "invalid regular expression flag '%.*s'; the flags are d, g, i, m, s, "
                             "u, v and y, so remove it",
                             (int)k, flags + i);
        } else if (bits & bit) {
            ok = false;
            if (diags)
                och_diag_add(
                    diags, PS_E_REGEXP_DUPLICATE_FLAG, OCH_SEV_ERROR, base + i, base + i + k,
                    "duplicate regular expression flag '%c'; each flag may appear once, so "
                    "remove this one",
                    (char)cp);
        } else {
            bits |= bit;
            if (bit == PS_RE_FLAG_U) u_at = i;
            if (bit == PS_RE_FLAG_V) v_at = i;
        }
        i += k;
    }
    if ((bits & PS_RE_FLAG_U) && (bits & PS_RE_FLAG_V)) {
        ok = false;
        uint32_t at = u_at > v_at ? u_at : v_at;
        if (diags)
            och_diag_add(diags, PS_E_REGEXP_CONFLICTING_FLAGS, OCH_SEV_ERROR, base + at,
                         base + at + 1,
                         "the flags 'u' and 'v' cannot be combined; 'v' includes everything 'u' "
                         "does (and adds set notation), so keep only one");
    }
    *out = bits;
    return ok;
}

bool ps_regexp_validate(const char *pattern, uint32_t len, const char *flags, uint32_t flags_len,
                        uint32_t base, OchDiagList *diags) {
    uint32_t bits;
    bool ok = ps_regexp_parse_flags(flags, flags_len, base + len + 1, diags, &bits);
    OchArena arena;
    och_arena_init(&arena);
    PsRegexp re;
    if (!ps_regexp_parse(pattern, len, bits, base, &arena, diags, &re)) ok = false;
    och_arena_free(&arena);
    return ok;
}

// --- dump ----------------------------------------------------------------------------------

static void dump_cp(OchBuf *out, uint32_t cp) {
    if (cp >= 0x21 && cp < 0x7F && cp != '\'')
        och_buf_printf(out, "'%c'", (char)cp);
    else
        och_buf_printf(out, "U+%04X", cp);
}

static void dump_list(const PsReNode *n, OchBuf *out) {
    for (const PsReNode *it = n->list.first; it; it = it->next) {
        och_buf_putc(out, ' ');
        ps_regexp_dump(it, out);
    }
}

static void dump_mods(OchBuf *out, uint8_t bits) {
    if (bits & PS_RE_FLAG_I) och_buf_putc(out, 'i');
    if (bits & PS_RE_FLAG_M) och_buf_putc(out, 'm');
    if (bits & PS_RE_FLAG_S) och_buf_putc(out, 's');
}

void ps_regexp_dump(const PsReNode *n, OchBuf *out) {
    bool neg = n->flags & PS_RE_NF_NEGATED;
    switch ((PsReKind)n->kind) {
    case PS_RE_DISJUNCTION:
        if (n->list.count == 1) {
            ps_regexp_dump(n->list.first, out);
            return;
        }
        och_buf_puts(out, "(|");
        dump_list(n, out);
        och_buf_putc(out, ')');
        return;
    case PS_RE_ALTERNATIVE:
        if (n->list.count == 1) {
            ps_regexp_dump(n->list.first, out);
            return;
        }
        och_buf_puts(out, "(seq");
        dump_list(n, out);
        och_buf_putc(out, ')');
        return;
    case PS_RE_CHAR: dump_cp(out, n->cp); return;
    case PS_RE_DOT: och_buf_putc(out, '.'); return;
    case PS_RE_LINE_START: och_buf_putc(out, '^'); return;
    case PS_RE_LINE_END: och_buf_putc(out, '$'); return;
    case PS_RE_WORD_BOUNDARY: och_buf_puts(out, neg ? "\\B" : "\\b"); return;
    case PS_RE_LOOKAHEAD:
    case PS_RE_LOOKBEHIND:
        och_buf_printf(out, "(?%s%c ", n->kind == PS_RE_LOOKBEHIND ? "<" : "", neg ? '!' : '=');
        ps_regexp_dump(n->group.body, out);
        och_buf_putc(out, ')');
        return;
    case PS_RE_GROUP:
        och_buf_printf(out, "(group %u ", n->group.index);
        if (n->group.name) och_buf_printf(out, "<%s> ", n->group.name);
        ps_regexp_dump(n->group.body, out);
        och_buf_putc(out, ')');
        return;
    case PS_RE_NONCAPTURE:
        och_buf_puts(out, "(?");
        dump_mods(out, n->group.add);
        if (n->group.remove) {
            och_buf_putc(out, '-');
            dump_mods(out, n->group.remove);
        }
        och_buf_puts(out, ": ");
        ps_regexp_dump(n->group.body, out);
        och_buf_putc(out, ')');
        return;
    case PS_RE_BACKREF:
        if (n->backref.name)
            och_buf_printf(out, "\\k<%s>=%u", n->backref.name, n->backref.index);
        else
            och_buf_printf(out, "\\%u", n->backref.index);
        return;
    case PS_RE_QUANT:
        if (n->quant.max == PS_RE_INFINITY)
            och_buf_printf(out, "({%u,inf}", n->quant.min);
        else
            och_buf_printf(out, "({%u,%u}", n->quant.min, n->quant.max);
        och_buf_puts(out, n->flags & PS_RE_NF_LAZY ? "? " : " ");
        ps_regexp_dump(n->quant.body, out);
        och_buf_putc(out, ')');
        return;
    case PS_RE_CLASS:
        och_buf_puts(out, neg ? "[^" : "[");
        if (n->op == PS_RE_CLASS_INTERSECTION) och_buf_puts(out, "&&");
        if (n->op == PS_RE_CLASS_SUBTRACTION) och_buf_puts(out, "--");
        dump_list(n, out);
        och_buf_puts(out, " ]");
        return;
    case PS_RE_CLASS_RANGE:
        dump_cp(out, n->range.from);
        och_buf_putc(out, '-');
        dump_cp(out, n->range.to);
        return;
    case PS_RE_CLASS_ESCAPE: och_buf_printf(out, "\\%c", neg ? n->esc - 0x20 : n->esc); return;
    case PS_RE_PROPERTY: {
        const char *kind = n->prop->kind == PS_UNI_KIND_SCRIPT       ? "sc="
                           : n->prop->kind == PS_UNI_KIND_SCRIPT_EXT ? "scx="
                                                                     : "";
        och_buf_printf(out, "\\%c{%s%s}", neg ? 'P' : 'p', kind, n->prop->name);
        return;
    }
    case PS_RE_CLASS_STRINGS:
        och_buf_puts(out, "\\q{");
        for (const PsReNode *it = n->list.first; it; it = it->next) {
            if (it != n->list.first) och_buf_putc(out, '|');
            ps_regexp_dump(it, out);
        }
        och_buf_putc(out, '}');
        return;
    case PS_RE_STRING:
        for (uint32_t i = 0; i < n->str.len; i++) {
            if (i) och_buf_putc(out, ' ');
            dump_cp(out, n->str.cps[i]);
        }
        return;
    }
    och_buf_puts(out, "?");
}
