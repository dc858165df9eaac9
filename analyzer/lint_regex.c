// Regular expression rules: no-empty-character-class, no-regex-spaces,
// no-control-regex, no-invalid-regexp. Patterns are regexp literals and
// string literals given to the global RegExp (called or constructed); they
// are parsed with the parser's pattern parser (parser/regexp.h, shared with
// the engine) into a scratch arena, once per pattern.
#include <stdio.h>
#include <stdlib.h>

#include "lint_int.h"
#include "regexp.h"

static bool on(const AnLint *L, OchDiagCode c) { return L->on[an_rule_index(c)]; }

bool an_opts_no_invalid_regexp(AnLint *L, const AnJson *a, OchBuf *err) {
    static const char *const keys[] = {"allowConstructorFlags", NULL};
    const AnJson *o;
    if (!an_opts_object(a, keys, &o, err)) return false;
    const AnJson *v = an_json_get(o, "allowConstructorFlags");
    if (!v) return true;
    if (v->type != AN_JSON_ARRAY) {
        och_buf_printf(err, "\"allowConstructorFlags\" must be an array of strings");
        return false;
    }
    for (uint32_t i = 0; i < v->count; i++) {
        if (v->items[i]->type != AN_JSON_STRING) {
            och_buf_printf(err, "\"allowConstructorFlags\" must be an array of strings");
            return false;
        }
        for (const char *p = v->items[i]->str; *p && L->o.regexp_extra_flags_len < 15; p++)
            if (!strchr("dgimsuvy", *p) && !memchr(L->o.regexp_extra_flags, *p, L->o.regexp_extra_flags_len))
                L->o.regexp_extra_flags[L->o.regexp_extra_flags_len++] = *p;
    }
    return true;
}

// ---------------------------------------------------------------------------
// Pattern walk.

typedef void (*ReVisit)(const PsReNode *n, void *ctx);

static void re_walk(const PsReNode *n, ReVisit fn, void *ctx) {
    for (; n; n = n->next) {
        fn(n, ctx);
        switch ((PsReKind)n->kind) {
        case PS_RE_DISJUNCTION: case PS_RE_ALTERNATIVE: case PS_RE_CLASS: case PS_RE_CLASS_STRINGS:
            re_walk(n->list.first, fn, ctx);
            break;
        case PS_RE_GROUP: case PS_RE_NONCAPTURE: case PS_RE_LOOKAHEAD: case PS_RE_LOOKBEHIND:
            re_walk(n->group.body, fn, ctx);
            break;
        case PS_RE_QUANT:
            re_walk(n->quant.body, fn, ctx);
            break;
        default:
            break;
        }
    }
}

// A pattern to check: its text (source slice for literals, the decoded
// string for RegExp("...")), where its raw text starts in the file, and the
// node to report.
typedef struct Pattern {
    const char *text;
    uint32_t len;
    const char *raw;       // raw source text of the pattern (without quotes/slashes)
    uint32_t raw_len;
    uint32_t raw_start;    // offset of raw in the file
    PsNode *report;        // node the findings are reported on
    bool have_flags;       // flags known (literal, or a string literal argument)
    uint32_t flags;        // PS_RE_FLAG_*
} Pattern;

typedef struct CtlCtx {
    const Pattern *p;
    OchBuf list;
    uint32_t n;
} CtlCtx;

// One character of the pattern text at s (l bytes available) with value
// cp: reported when written raw or as a \x / \u escape.
static void control_char(CtlCtx *c, const char *s, uint32_t l, uint32_t cp) {
    if (cp > 0x1F) return;
    bool raw = l >= 1 && (unsigned char)s[0] == cp;
    bool esc = l >= 2 && s[0] == '\\' && (s[1] == 'x' || s[1] == 'u');
    if (!raw && !esc) return;
    och_buf_printf(&c->list, "%s\\x%02x", c->n++ ? ", " : "", cp);
}

// Length of the class atom written at s (a character or an escape).
static uint32_t atom_len(const char *s, uint32_t l) {
    if (!l) return 0;
    if (s[0] != '\\') {
        uint32_t cp;
        return och_utf8_decode(s, l, &cp, true);
    }
    if (l < 2) return l;
    switch (s[1]) {
    case 'x': return 4 <= l ? 4 : l;
    case 'c': return 3 <= l ? 3 : l;
    case 'u':
        if (l > 2 && s[2] == '{') {
            uint32_t k = 3;
            while (k < l && s[k] != '}') k++;
            return k < l ? k + 1 : l;
        }
        // \uXXXX, possibly a surrogate pair \uD83D\uDE00
        if (l >= 12 && s[6] == '\\' && s[7] == 'u' && (s[2] == 'd' || s[2] == 'D') &&
            strchr("89abAB", s[3]))
            return 12;
        return 6 <= l ? 6 : l;
    default:
        if (s[1] >= '0' && s[1] <= '7') {
            uint32_t k = 2;
            while (k < l && k < 4 && s[k] >= '0' && s[k] <= '7') k++;
            return k;
        }
        return 2;
    }
}

static void find_control(const PsReNode *n, void *ctx) {
    CtlCtx *c = ctx;
    const char *s = c->p->text + n->start;
    uint32_t l = n->end - n->start;
    if (n->kind == PS_RE_CHAR) {
        control_char(c, s, l, n->cp);
    } else if (n->kind == PS_RE_CLASS_RANGE) {
        // Both ends, each at its own text: `from` starts the range, `to`
        // follows the '-' after it.
        uint32_t fl = atom_len(s, l);
        control_char(c, s, fl, n->range.from);
        if (fl < l && s[fl] == '-') control_char(c, s + fl + 1, l - fl - 1, n->range.to);
    }
}

typedef struct ClassCtx {
    OCH_VEC(OchSpan) classes;
    bool empty;
} ClassCtx;

static void find_classes(const PsReNode *n, void *ctx) {
    ClassCtx *c = ctx;
    if (n->kind != PS_RE_CLASS) return;
    OchSpan s = {n->start, n->end};
    och_vec_push(&c->classes, s);
    if (!(n->flags & PS_RE_NF_NEGATED) && n->list.count == 0) c->empty = true;
}

static void check_pattern(AnLint *L, const Pattern *p) {
    PsRegexp re;
    uint32_t flags = p->have_flags ? p->flags : 0;
    if (!ps_regexp_parse(p->text, p->len, flags, 0, &L->re_arena, NULL, &re)) return;
    ClassCtx cc = {{0}, false};
    re_walk(re.root, find_classes, &cc);
    if (on(L, AN_W_NO_EMPTY_CHARACTER_CLASS) && cc.empty && p->report->kind == PS_NODE_LITERAL &&
        p->report->op == PS_LIT_REGEX)
        an_lint_report(L, AN_W_NO_EMPTY_CHARACTER_CLASS, p->report->start, p->report->end,
                       "Empty class: `[]` matches nothing, so the pattern can never match here; "
                       "use `[^]` for any character.");
    if (on(L, AN_W_NO_CONTROL_REGEX)) {
        CtlCtx c = {p, {0}, 0};
        re_walk(re.root, find_control, &c);
        if (c.n)
            an_lint_report(L, AN_W_NO_CONTROL_REGEX, p->report->start, p->report->end,
                           "Unexpected control character(s) in regular expression: %s.",
                           c.list.data);
        och_buf_free(&c.list);
    }
    if (on(L, AN_W_NO_REGEX_SPACES) && (p->report->kind != PS_NODE_LITERAL || p->have_flags) &&
        memmem(p->raw, p->raw_len, "  ", 2)) {
        // Runs of two or more spaces outside classes (ESLint's
        // /( {2,})(?: [+*{?]|[^+*{?]|$)/): when the run is followed by a
        // quantifier, the last space belongs to it.
        const char *s = p->text;
        for (uint32_t i = 0; i < p->len;) {
            if (s[i] != ' ' || i + 1 >= p->len || s[i + 1] != ' ') {
                i++;
                continue;
            }
            uint32_t j = i;
            while (j < p->len && s[j] == ' ') j++;
            uint32_t run = j - i;
            if (j < p->len && strchr("+*{?", s[j])) run--;
            bool in_class = false;
            for (uint32_t k = 0; k < cc.classes.len && !in_class; k++)
                in_class = cc.classes.items[k].start <= i && i < cc.classes.items[k].end;
            if (run >= 2 && !in_class) {
                uint32_t d = an_lint_report(L, AN_W_NO_REGEX_SPACES, p->report->start,
                                            p->report->end,
                                            "Spaces are hard to count. Use {%u}.", run);
                if (p->len == p->raw_len && memcmp(p->text, p->raw, p->len) == 0) {
                    char rep[24];
                    snprintf(rep, sizeof rep, " {%u}", run);
                    an_lint_fix1(L, d, "Replace the spaces with a quantifier", false,
                                 p->raw_start + i, p->raw_start + i + run, rep);
                }
                break;
            }
            i = j;
        }
    }
    och_vec_free(&cc.classes);
}

static void regex_literal(AnLint *L, PsNode *n) {
    if (n->op != PS_LIT_REGEX) return;
    const PsLiteral *lit = (const PsLiteral *)n;
    uint32_t fstart = n->start + 1 + n->aux + 1;
    Pattern p = {lit->u.str, n->aux, lit->u.str, n->aux, n->start + 1, n, true, 0};
    if (fstart <= n->end &&
        !ps_regexp_parse_flags(L->src + fstart, n->end - fstart, 0, NULL, &p.flags))
        return;
    check_pattern(L, &p);
}

static bool is_string(const PsNode *n) { return n && n->kind == PS_NODE_LITERAL && n->op == PS_LIT_STRING; }

// RegExp("pattern", "flags") and new RegExp(...), RegExp being the global.
static void regexp_call(AnLint *L, PsNode *n) {
    PsCall *c = (PsCall *)n;
    if (!an_is_ident(c->callee, "RegExp") || !an_lint_is_global_ref(L, c->callee, "RegExp")) return;
    PsNode *pat = c->arguments.count ? c->arguments.items[0] : NULL;
    PsNode *fl = c->arguments.count > 1 ? c->arguments.items[1] : NULL;
    bool flags_known = !fl || is_string(fl);
    const char *fs = fl && is_string(fl) ? ((PsLiteral *)fl)->u.str : "";
    uint32_t fl_len = fl && is_string(fl) ? fl->aux : 0;

    if (on(L, AN_W_NO_INVALID_REGEXP)) {
        // Flags: known ones (and allowConstructorFlags) once each, not u with v.
        char msg[160] = "";
        if (flags_known) {
            bool seen[256] = {false};
            char dup[16] = "", bad[64] = "";
            size_t nd = 0, nb = 0;
            for (uint32_t i = 0; i < fl_len; i++) {
                unsigned char ch = (unsigned char)fs[i];
                bool known = strchr("dgimsuvy", ch) ||
                             memchr(L->o.regexp_extra_flags, ch, L->o.regexp_extra_flags_len);
                if (known && seen[ch] && nd + 1 < sizeof dup) dup[nd++] = (char)ch;
                else if (!known && nb + 1 < sizeof bad) bad[nb++] = (char)ch;
                seen[ch] = true;
            }
            if (seen['u'] && seen['v'])
                snprintf(msg, sizeof msg, "Regex 'u' and 'v' flags cannot be used together");
            else if (nd)
                snprintf(msg, sizeof msg, "Duplicate flags ('%s') supplied to RegExp constructor", dup);
            else if (nb)
                snprintf(msg, sizeof msg, "Invalid flags supplied to RegExp constructor '%s'", bad);
        }
        if (!msg[0] && is_string(pat)) {
            const PsLiteral *pl = (const PsLiteral *)pat;
            OchDiagList dl = {{0}, &L->re_arena};
            PsRegexp re;
            bool ok;
            if (flags_known) {
                uint32_t bits = 0;
                for (uint32_t i = 0; i < fl_len; i++) {
                    if (fs[i] == 'u') bits |= PS_RE_FLAG_U;
                    if (fs[i] == 'v') bits |= PS_RE_FLAG_V;
                }
                ok = ps_regexp_parse(pl->u.str, pat->aux, bits, 0, &L->re_arena, &dl, &re);
            } else {
                // Unknown flags: valid if valid under some flags.
                ok = ps_regexp_parse(pl->u.str, pat->aux, PS_RE_FLAG_U, 0, &L->re_arena, NULL, &re) ||
                     ps_regexp_parse(pl->u.str, pat->aux, PS_RE_FLAG_V, 0, &L->re_arena, NULL, &re) ||
                     ps_regexp_parse(pl->u.str, pat->aux, 0, 0, &L->re_arena, &dl, &re);
            }
            if (!ok)
                snprintf(msg, sizeof msg, "Invalid regular expression: /%.*s/: %s",
                         (int)(pat->aux > 40 ? 40 : pat->aux), pl->u.str,
                         dl.v.len ? dl.v.items[0].message : "invalid pattern");
            och_diag_list_free(&dl);
        }
        if (msg[0]) an_lint_report(L, AN_W_NO_INVALID_REGEXP, n->start, n->end, "%s.", msg);
    }
    if (!is_string(pat)) return;
    const PsLiteral *pl = (const PsLiteral *)pat;
    Pattern p = {pl->u.str, pat->aux, L->src + pat->start + 1,
                 pat->end - pat->start >= 2 ? pat->end - pat->start - 2 : 0, pat->start + 1, pat,
                 flags_known, 0};
    if (flags_known) {
        for (uint32_t i = 0; i < fl_len; i++) {
            if (fs[i] == 'u') p.flags |= PS_RE_FLAG_U;
            if (fs[i] == 'v') p.flags |= PS_RE_FLAG_V;
        }
        if ((p.flags & PS_RE_FLAG_U) && (p.flags & PS_RE_FLAG_V)) p.flags = PS_RE_FLAG_V;
    }
    // no-control-regex reports the string; no-regex-spaces the call.
    if (on(L, AN_W_NO_CONTROL_REGEX)) {
        PsRegexp re;
        if (ps_regexp_parse(p.text, p.len, p.flags, 0, &L->re_arena, NULL, &re)) {
            CtlCtx cc = {&p, {0}, 0};
            re_walk(re.root, find_control, &cc);
            if (cc.n)
                an_lint_report(L, AN_W_NO_CONTROL_REGEX, pat->start, pat->end,
                               "Unexpected control character(s) in regular expression: %s.",
                               cc.list.data);
            och_buf_free(&cc.list);
        }
    }
    if (on(L, AN_W_NO_REGEX_SPACES) && flags_known) {
        bool saved = L->on[an_rule_index(AN_W_NO_CONTROL_REGEX)];
        bool saved_e = L->on[an_rule_index(AN_W_NO_EMPTY_CHARACTER_CLASS)];
        L->on[an_rule_index(AN_W_NO_CONTROL_REGEX)] = false;
        L->on[an_rule_index(AN_W_NO_EMPTY_CHARACTER_CLASS)] = false;
        p.report = n;
        check_pattern(L, &p);
        L->on[an_rule_index(AN_W_NO_CONTROL_REGEX)] = saved;
        L->on[an_rule_index(AN_W_NO_EMPTY_CHARACTER_CLASS)] = saved_e;
    }
}

// ---------------------------------------------------------------------------
// no-useless-escape: strings, templates and regexps.

bool an_opts_no_useless_escape(AnLint *L, const AnJson *a, OchBuf *err) {
    static const char *const keys[] = {"allowRegexCharacters", NULL};
    const AnJson *o;
    if (!an_opts_object(a, keys, &o, err)) return false;
    const AnJson *v = an_json_get(o, "allowRegexCharacters");
    if (!v) return true;
    if (v->type != AN_JSON_ARRAY) {
        och_buf_printf(err, "\"allowRegexCharacters\" must be an array of strings");
        return false;
    }
    for (uint32_t i = 0; i < v->count; i++) {
        if (v->items[i]->type != AN_JSON_STRING) {
            och_buf_printf(err, "\"allowRegexCharacters\" must be an array of strings");
            return false;
        }
        if (v->items[i]->len == 1 && L->o.escape_allow_len < sizeof L->o.escape_allow)
            L->o.escape_allow[L->o.escape_allow_len++] = v->items[i]->str[0];
    }
    return true;
}

static void useless_escape_report(AnLint *L, uint32_t at, const char *ch, uint32_t chlen,
                                  bool backslash_suggestion) {
    uint32_t d = an_lint_report(L, AN_W_NO_USELESS_ESCAPE, at, at + 1,
                                "Unnecessary escape character: \\%.*s.", (int)chlen, ch);
    an_lint_fix1(L, d, "Remove the `\\` (same meaning)", true, at, at + 1, "");
    if (backslash_suggestion)
        an_lint_fix1(L, d, "Replace the `\\` with `\\\\` to include the backslash", true, at, at,
                     "\\");
}

typedef struct EscCtx {
    AnLint *L;
    const char *pat;      // pattern text (literal source slice)
    uint32_t len;
    uint32_t base;        // file offset of pat[0]
    bool vmode;
} EscCtx;

static bool in_set(const char *set, uint32_t cp) { return cp < 128 && cp && strchr(set, (int)cp); }

// One character written at pat[start..end) with value cp, inside class
// node cls (or NULL).
static void esc_char(EscCtx *c, uint32_t start, uint32_t end, uint32_t cp, const PsReNode *cls) {
    const char *t = c->pat + start;
    if (end - start < 2 || t[0] != '\\') return;
    // Only identity escapes (`\.`): the escaped text is the character.
    char enc[4];
    uint32_t n = och_utf8_encode(enc, cp);
    if (end - start != 1 + n || memcmp(t + 1, enc, n) != 0) return;
    if (cp < 128 && memchr(c->L->o.escape_allow, (int)cp, c->L->o.escape_allow_len)) return;
    static const char general[] = "\\bcdDfnpPrsStvwWxu0123456789]";
    bool backslash = true;
    if (!cls) {
        if (in_set(general, cp) || in_set("^/.$*+?[{}|()Bk", cp)) return;
    } else if (!c->vmode) {
        if (in_set(general, cp)) return;
        if (cp == '^' && cls->start + 1 == start) return;  // would negate the class
        if (cp == '-' && cls->start + 1 != start && end != cls->end - 1) return;  // a range otherwise
    } else {
        if (in_set(general, cp) || in_set("q/[{}|()-", cp)) return;
        if (in_set("!#$%&*+,.:;<=>?@^`~", cp)) {
            if (end < c->len && (unsigned char)c->pat[end] == cp) return;
            if (start > 0 && (unsigned char)c->pat[start - 1] == cp) {
                if (cp != '^') return;
                if (!(cls->flags & PS_RE_NF_NEGATED)) return;
                if (cls->start + 1 < start - 1) return;
            }
        }
        if (cls->op != PS_RE_CLASS_UNION) backslash = false;
    }
    useless_escape_report(c->L, c->base + start, t + 1, n, backslash);
}

static void esc_walk(EscCtx *c, const PsReNode *n, const PsReNode *cls) {
    for (; n; n = n->next) {
        switch ((PsReKind)n->kind) {
        case PS_RE_CHAR:
            esc_char(c, n->start, n->end, n->cp, cls);
            break;
        case PS_RE_CLASS_RANGE: {
            uint32_t fl = atom_len(c->pat + n->start, n->end - n->start);
            esc_char(c, n->start, n->start + fl, n->range.from, cls);
            esc_char(c, n->start + fl + 1, n->end, n->range.to, cls);
            break;
        }
        case PS_RE_CLASS:
            esc_walk(c, n->list.first, n);
            break;
        case PS_RE_DISJUNCTION: case PS_RE_ALTERNATIVE: case PS_RE_CLASS_STRINGS:
            esc_walk(c, n->list.first, cls);
            break;
        case PS_RE_GROUP: case PS_RE_NONCAPTURE: case PS_RE_LOOKAHEAD: case PS_RE_LOOKBEHIND:
            esc_walk(c, n->group.body, cls);
            break;
        case PS_RE_QUANT:
            esc_walk(c, n->quant.body, cls);
            break;
        default:
            break;
        }
    }
}

static void useless_escape_regex(AnLint *L, PsNode *n) {
    const PsLiteral *lit = (const PsLiteral *)n;
    if (!memchr(lit->u.str, '\\', n->aux)) return;
    uint32_t fstart = n->start + 1 + n->aux + 1, flags = 0;
    if (fstart > n->end || !ps_regexp_parse_flags(L->src + fstart, n->end - fstart, 0, NULL, &flags))
        return;
    PsRegexp re;
    if (!ps_regexp_parse(lit->u.str, n->aux, flags, 0, &L->re_arena, NULL, &re)) return;
    EscCtx c = {L, lit->u.str, n->aux, n->start + 1, (flags & PS_RE_FLAG_V) != 0};
    esc_walk(&c, re.root, NULL);
}

// Strings and template chunks: `\` followed by a non-digit that is not an
// escape of its own (n r v t b f u x, line breaks, the quote).
static void useless_escape_text(AnLint *L, PsNode *n) {
    bool tmpl = n->kind == PS_NODE_TEMPLATE_ELEMENT;
    if (!tmpl && n->op == PS_LIT_REGEX) {
        useless_escape_regex(L, n);
        return;
    }
    if (!tmpl && n->op != PS_LIT_STRING) return;
    const char *s = L->src;
    if (!memchr(s + n->start, '\\', n->end - n->start)) return;
    PsNode *p = an_lint_parent(L, 0);
    if (tmpl) {
        PsNode *gp = an_lint_parent(L, 1);
        if (gp && gp->kind == PS_NODE_TAGGED_TEMPLATE && ((PsTaggedTemplate *)gp)->quasi == p) return;
    } else if (p && (p->kind == PS_NODE_JSX_ATTRIBUTE || p->kind == PS_NODE_JSX_ELEMENT ||
                     p->kind == PS_NODE_JSX_FRAGMENT)) {
        return;
    }
    char quote = tmpl ? '`' : s[n->start];
    for (uint32_t i = n->start; i + 1 < n->end; i++) {
        if (s[i] != '\\') continue;
        unsigned char e = (unsigned char)s[i + 1];
        if (e >= '0' && e <= '9') {
            i++;
            continue;
        }
        uint32_t cp, clen = och_utf8_decode(s + i + 1, n->end - i - 1, &cp, true);
        bool needless = !strchr("\\nrvtbfux\r\n", (int)e) || e == 0;
        if (cp == 0x2028 || cp == 0x2029) needless = false;
        if (tmpl) {
            if (e == '$') needless = !(i + 2 < L->len && s[i + 2] == '{');
            else if (e == '{') needless = !(i > 0 && s[i - 1] == '$');
        }
        if (needless && (unsigned char)quote != e)
            useless_escape_report(L, i, s + i + 1, clen, true);
        i += clen;
    }
}

// ---------------------------------------------------------------------------
// no-misleading-character-class: a character made of several code points
// (surrogate pairs without the u flag, combining marks, emoji modifiers,
// flags made of regional indicators, ZWJ sequences) inside a class, where
// it stands for its parts instead.

bool an_opts_no_misleading_character_class(AnLint *L, const AnJson *a, OchBuf *err) {
    static const char *const keys[] = {"allowEscape", NULL};
    const AnJson *o;
    if (!an_opts_object(a, keys, &o, err)) return false;
    return an_opts_bool(o, "allowEscape", &L->o.misleading_allow_escape, err);
}

typedef struct MChar {
    uint32_t value, start, end;  // value; range in the pattern text
    bool cp_escape;              // written \u{...}
    bool skip;                   // allowEscape: an acceptable escape (null in ESLint)
} MChar;

enum { MK_SURROGATE_NO_U, MK_SURROGATE, MK_COMBINING, MK_EMOJI_MODIFIER, MK_FLAG, MK_ZWJ, MK_COUNT };

static const char *const mk_messages[MK_COUNT] = {
    "Unexpected surrogate pair in character class. Use 'u' flag: without it the class holds "
    "the two halves of the character, not the character.",
    "Unexpected surrogate pair in character class: the two escapes are separate characters "
    "here; write one code point escape.",
    "Unexpected combined character in character class: the class holds the base and the "
    "combining mark separately.",
    "Unexpected modified Emoji in character class: the class holds the emoji and the modifier "
    "separately.",
    "Unexpected national flag in character class: a flag is two regional indicator symbols.",
    "Unexpected joined character sequence in character class: the class holds each joined "
    "character separately.",
};

typedef struct MisCtx {
    AnLint *L;
    const char *pat;
    const PsUniProp *marks;
    OCH_VEC(MChar) seq;
    OCH_VEC(OchSpan) found[MK_COUNT];  // matched pattern ranges per kind
} MisCtx;

static bool is_lead(uint32_t c) { return c >= 0xD800 && c <= 0xDBFF; }
static bool is_trail(uint32_t c) { return c >= 0xDC00 && c <= 0xDFFF; }

static void mis_add(MisCtx *c, int kind, uint32_t start, uint32_t end) {
    OchSpan sp = {start, end};
    och_vec_push(&c->found[kind], sp);
}

// ESLint's finders over one sequence of consecutive class characters.
static void mis_sequence(MisCtx *c) {
    MChar *u = c->seq.items;  // unfiltered
    uint32_t n = c->seq.len;
    for (uint32_t i = 1; i < n; i++) {
        MChar *p = &u[i - 1], *ch = &u[i];
        bool ps = !p->skip, cs = !ch->skip;
        if (ps && cs && is_lead(p->value) && is_trail(ch->value)) {
            if (!p->cp_escape && !ch->cp_escape) mis_add(c, MK_SURROGATE_NO_U, p->start, ch->end);
            else mis_add(c, MK_SURROGATE, p->start, ch->end);
        }
        // Combining: the previous unfiltered character, whatever it is.
        if (cs && c->marks && ps_unicode_prop_has(c->marks, ch->value) &&
            !ps_unicode_prop_has(c->marks, p->value))
            mis_add(c, MK_COMBINING, p->start, ch->end);
        if (ps && cs && ch->value >= 0x1F3FB && ch->value <= 0x1F3FF &&
            !(p->value >= 0x1F3FB && p->value <= 0x1F3FF))
            mis_add(c, MK_EMOJI_MODIFIER, p->start, ch->end);
        if (ps && cs && ch->value >= 0x1F1E6 && ch->value <= 0x1F1FF && p->value >= 0x1F1E6 &&
            p->value <= 0x1F1FF)
            mis_add(c, MK_FLAG, p->start, ch->end);
    }
    // ZWJ sequences: runs of x ZWJ y (ZWJ y)...
    bool open = false;
    uint32_t seq_start = 0, seq_end = 0, last = 0;
    for (uint32_t i = 1; i + 1 < n; i++) {
        MChar *p = &u[i - 1], *ch = &u[i], *nx = &u[i + 1];
        if (p->skip || ch->skip || nx->skip) continue;
        if (ch->value != 0x200D || p->value == 0x200D || nx->value == 0x200D) continue;
        if (open && last == i - 1) {
            seq_end = nx->end;
            last = i + 1;
        } else {
            if (open) mis_add(c, MK_ZWJ, seq_start, seq_end);
            open = true;
            seq_start = p->start;
            seq_end = nx->end;
            last = i + 1;
        }
    }
    if (open) mis_add(c, MK_ZWJ, seq_start, seq_end);
    c->seq.len = 0;
}

// allowEscape: an escape that does not just repeat the character.
static bool acceptable_escape(const char *raw, uint32_t len, uint32_t value) {
    if (!len || raw[0] != '\\') return false;
    uint32_t b = 0;
    while (b < len && raw[b] == '\\') b++;
    uint32_t cp;
    if (b >= len || b + och_utf8_decode(raw + b, len - b, &cp, true) != len) return true;
    return cp != value;
}

static void mis_char(MisCtx *c, uint32_t value, uint32_t start, uint32_t end) {
    const char *t = c->pat + start;
    MChar m = {value, start, end, end - start > 3 && t[0] == '\\' && t[1] == 'u' && t[2] == '{', false};
    if (c->L->o.misleading_allow_escape) m.skip = acceptable_escape(t, end - start, value);
    och_vec_push(&c->seq, m);
}

static void mis_walk(MisCtx *c, const PsReNode *n) {
    for (; n; n = n->next) {
        switch ((PsReKind)n->kind) {
        case PS_RE_CLASS: {
            c->seq.len = 0;
            for (const PsReNode *e = n->list.first; e; e = e->next) {
                if (e->kind == PS_RE_CHAR) {
                    mis_char(c, e->cp, e->start, e->end);
                } else if (e->kind == PS_RE_CLASS_RANGE) {
                    uint32_t fl = atom_len(c->pat + e->start, e->end - e->start);
                    mis_char(c, e->range.from, e->start, e->start + fl);
                    mis_sequence(c);
                    mis_char(c, e->range.to, e->start + fl + 1, e->end);
                } else if (c->seq.len) {
                    mis_sequence(c);
                }
            }
            if (c->seq.len) mis_sequence(c);
            mis_walk(c, n->list.first);  // nested classes (v flag)
            break;
        }
        case PS_RE_DISJUNCTION: case PS_RE_ALTERNATIVE: case PS_RE_CLASS_STRINGS:
            mis_walk(c, n->list.first);
            break;
        case PS_RE_GROUP: case PS_RE_NONCAPTURE: case PS_RE_LOOKAHEAD: case PS_RE_LOOKBEHIND:
            mis_walk(c, n->group.body);
            break;
        case PS_RE_QUANT:
            mis_walk(c, n->quant.body);
            break;
        default:
            break;
        }
    }
}

// Decodes the raw text of a string literal (between its quotes) into the
// parser's WTF-8 value, recording for each value byte the source range of
// the character or escape that produced it. false when the decoding does
// not reproduce the value (then positions are not exact).
static bool string_map(const char *raw, uint32_t rl, uint32_t base, const char *value, uint32_t vl,
                       uint32_t *vstart, uint32_t *vend) {
    uint32_t vi = 0, i = 0;
    char buf[4];
    while (i < rl) {
        uint32_t s = i, cp;
        if (raw[i] != '\\') {
            i += och_utf8_decode(raw + i, rl - i, &cp, true);
        } else if (i + 1 >= rl) {
            return false;
        } else {
            char e = raw[i + 1];
            i += 2;
            switch (e) {
            case 'n': cp = '\n'; break;
            case 't': cp = '\t'; break;
            case 'r': cp = '\r'; break;
            case 'b': cp = '\b'; break;
            case 'f': cp = '\f'; break;
            case 'v': cp = '\v'; break;
            case 'x': {
                if (i + 2 > rl) return false;
                char h[3] = {raw[i], raw[i + 1], 0};
                cp = (uint32_t)strtoul(h, NULL, 16);
                i += 2;
                break;
            }
            case 'u': {
                if (i < rl && raw[i] == '{') {
                    uint32_t k = i + 1;
                    cp = 0;
                    while (k < rl && raw[k] != '}') {
                        char ch = raw[k++];
                        cp = cp * 16 + (uint32_t)(ch <= '9' ? ch - '0' : (ch | 32) - 'a' + 10);
                    }
                    i = k + 1;
                } else {
                    if (i + 4 > rl) return false;
                    char h[5] = {raw[i], raw[i + 1], raw[i + 2], raw[i + 3], 0};
                    cp = (uint32_t)strtoul(h, NULL, 16);
                    i += 4;
                    // A surrogate pair written as two escapes is one character.
                    if (is_lead(cp) && i + 6 <= rl && raw[i] == '\\' && raw[i + 1] == 'u' &&
                        raw[i + 2] != '{') {
                        char g[5] = {raw[i + 2], raw[i + 3], raw[i + 4], raw[i + 5], 0};
                        uint32_t lo = (uint32_t)strtoul(g, NULL, 16);
                        if (is_trail(lo)) {
                            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                            i += 6;
                        }
                    }
                }
                break;
            }
            case '\r':
                if (i < rl && raw[i] == '\n') i++;
                continue;  // line continuation
            case '\n':
                continue;
            default:
                if (e >= '0' && e <= '7') {
                    cp = (uint32_t)(e - '0');
                    uint32_t lim = e <= '3' ? 2 : 1;
                    for (uint32_t k = 0; k < lim && i < rl && raw[i] >= '0' && raw[i] <= '7'; k++)
                        cp = cp * 8 + (uint32_t)(raw[i++] - '0');
                } else {
                    i -= 1;
                    i += och_utf8_decode(raw + i, rl - i, &cp, true);
                    // U+2028/U+2029 after a backslash: line continuations.
                    if (cp == 0x2028 || cp == 0x2029) continue;
                }
                break;
            }
        }
        uint32_t n = och_utf8_encode(buf, cp);
        if (vi + n > vl || memcmp(value + vi, buf, n) != 0) return false;
        for (uint32_t k = 0; k < n; k++) {
            vstart[vi + k] = base + s;
            vend[vi + k] = base + i;
        }
        vi += n;
    }
    return vi == vl;
}

// Evaluates a constant string expression as eslint-utils' getStaticValue
// does for what matters here: string and number literals, templates whose
// expressions are constant, `+` of constants, and variables declared once
// with a constant initializer and never assigned. false when not constant.
static bool static_string(AnLint *L, const PsNode *n, OchBuf *out, int depth) {
    if (!n || depth > 16) return false;
    switch ((PsNodeKind)n->kind) {
    case PS_NODE_LITERAL:
        if (n->op == PS_LIT_STRING) {
            och_buf_append(out, ((const PsLiteral *)n)->u.str, n->aux);
            return true;
        }
        if (n->op == PS_LIT_NUMBER) {
            char tmp[32];
            och_buf_append(out, tmp, och_number_to_string(((const PsLiteral *)n)->u.number, tmp));
            return true;
        }
        return false;
    case PS_NODE_TEMPLATE_LITERAL: {
        const PsTemplate *t = (const PsTemplate *)n;
        for (uint32_t i = 0; i < t->quasis.count; i++) {
            const PsTemplateElement *q = (const PsTemplateElement *)t->quasis.items[i];
            if (!q || !q->cooked) return false;
            och_buf_append(out, q->cooked, q->h.aux);
            if (i < t->expressions.count && !static_string(L, t->expressions.items[i], out, depth + 1))
                return false;
        }
        return true;
    }
    case PS_NODE_BINARY_EXPR: {
        if (n->op != PS_OP_ADD) return false;
        const PsBinary *b = (const PsBinary *)n;
        return static_string(L, b->left, out, depth + 1) && static_string(L, b->right, out, depth + 1);
    }
    case PS_NODE_IDENTIFIER: {
        AnRef *r = an_lint_ref(L, n);
        const AnBinding *b = r ? r->binding : NULL;
        if (!b || (b->flags & (AN_BF_WRITTEN | AN_BF_REDECLARED)) || !b->decl ||
            b->decl->kind != PS_NODE_VAR_DECLARATOR)
            return false;
        const PsVarDeclarator *d = (const PsVarDeclarator *)b->decl;
        if (d->id != b->id || !d->init) return false;
        return static_string(L, d->init, out, depth + 1);
    }
    default:
        return false;
    }
}

static void check_misleading(AnLint *L, const char *pat, uint32_t len, uint32_t flags,
                             PsNode *report, const PsNode *string_node, bool suggest_u);

// A RegExp pattern computed from constants: one finding per kind, at the
// whole expression (positions inside it are not known).
static void check_misleading_static(AnLint *L, PsNode *pat, uint32_t flags) {
    OchBuf v = {0};
    if (static_string(L, pat, &v, 0) && v.len)
        check_misleading(L, v.data, (uint32_t)v.len, flags, pat, pat, false);
    och_buf_free(&v);
}

static void check_misleading(AnLint *L, const char *pat, uint32_t len, uint32_t flags,
                             PsNode *report, const PsNode *string_node, bool suggest_u) {
    PsRegexp re;
    if (!ps_regexp_parse(pat, len, flags, 0, &L->re_arena, NULL, &re)) return;
    MisCtx c;
    memset(&c, 0, sizeof c);
    c.L = L;
    c.pat = pat;
    ps_unicode_property_lookup("M", 1, NULL, 0, false, false, &c.marks);
    mis_walk(&c, re.root);
    uint32_t *vs = NULL, *ve = NULL;
    bool mapped = false;
    bool computed = string_node && !(string_node->kind == PS_NODE_LITERAL &&
                                     string_node->op == PS_LIT_STRING);
    if (string_node && !computed) {
        vs = och_malloc((len + 1) * sizeof *vs);
        ve = och_malloc((len + 1) * sizeof *ve);
        mapped = string_map(L->src + string_node->start + 1, string_node->end - string_node->start - 2,
                            string_node->start + 1, pat, len, vs, ve);
    }
    for (int k = 0; k < MK_COUNT; k++) {
        if (computed && c.found[k].len) c.found[k].len = 1;  // one finding at the expression
        for (uint32_t i = 0; i < c.found[k].len; i++) {
            OchSpan sp = c.found[k].items[i];
            uint32_t a, b;
            if (!string_node) {
                a = report->start + 1 + sp.start;
                b = report->start + 1 + sp.end;
            } else if (mapped && sp.end > sp.start) {
                a = vs[sp.start];
                b = ve[sp.end - 1];
            } else {
                a = report->start;
                b = report->end;
            }
            uint32_t d = an_lint_report(L, AN_W_NO_MISLEADING_CHARACTER_CLASS, a, b, "%s", mk_messages[k]);
            if (k == MK_SURROGATE_NO_U && suggest_u && !string_node &&
                ps_regexp_parse(pat, len, PS_RE_FLAG_U, 0, &L->re_arena, NULL, &re))
                an_lint_fix1(L, d, "Add unicode 'u' flag to regex", true, report->end, report->end, "u");
        }
        och_vec_free(&c.found[k]);
    }
    och_vec_free(&c.seq);
    och_free(vs);
    och_free(ve);
}

static void misleading_literal(AnLint *L, PsNode *n) {
    if (n->op != PS_LIT_REGEX || an_ptrmap_get(&L->re_checked, n)) return;
    const PsLiteral *lit = (const PsLiteral *)n;
    uint32_t fstart = n->start + 1 + n->aux + 1, flags = 0;
    if (fstart > n->end || !ps_regexp_parse_flags(L->src + fstart, n->end - fstart, 0, NULL, &flags))
        return;
    check_misleading(L, lit->u.str, n->aux, flags, n, NULL, true);
}

// RegExp(pattern, flags) with the global RegExp: string patterns (flags a
// string literal or absent), and `RegExp(/re/, "flags")` (the literal is
// checked with the new flags only).
static void misleading_call(AnLint *L, PsNode *n) {
    PsCall *c = (PsCall *)n;
    if (!an_is_ident(c->callee, "RegExp") || !an_lint_is_global_ref(L, c->callee, "RegExp")) return;
    if (!c->arguments.count) return;
    PsNode *pat = c->arguments.items[0], *fl = c->arguments.count > 1 ? c->arguments.items[1] : NULL;
    if (!pat) return;
    uint32_t flags = 0;
    if (fl) {
        if (!is_string(fl)) return;
        const char *fs = ((PsLiteral *)fl)->u.str;
        for (uint32_t i = 0; i < fl->aux; i++) {
            if (fs[i] == 'u') flags |= PS_RE_FLAG_U;
            if (fs[i] == 'v') flags |= PS_RE_FLAG_V;
        }
    }
    if (pat->kind == PS_NODE_LITERAL && pat->op == PS_LIT_REGEX) {
        if (!fl) return;
        an_ptrmap_put(&L->re_checked, pat, 1);
        check_misleading(L, ((PsLiteral *)pat)->u.str, pat->aux, flags, pat, NULL, false);
        return;
    }
    if (!is_string(pat)) {
        check_misleading_static(L, pat, flags);
        return;
    }
    check_misleading(L, ((PsLiteral *)pat)->u.str, pat->aux, flags, pat, pat, false);
}

void an_lint_register_regex(AnLint *L) {
    if (on(L, AN_W_NO_MISLEADING_CHARACTER_CLASS)) {
        an_lint_on(L, PS_NODE_CALL_EXPR, misleading_call);
        an_lint_on(L, PS_NODE_NEW_EXPR, misleading_call);
        an_lint_on(L, PS_NODE_LITERAL, misleading_literal);
    }
    if (on(L, AN_W_NO_USELESS_ESCAPE)) {
        an_lint_on(L, PS_NODE_LITERAL, useless_escape_text);
        an_lint_on(L, PS_NODE_TEMPLATE_ELEMENT, useless_escape_text);
    }
    bool lit = on(L, AN_W_NO_EMPTY_CHARACTER_CLASS) || on(L, AN_W_NO_CONTROL_REGEX) ||
               on(L, AN_W_NO_REGEX_SPACES);
    bool call = lit || on(L, AN_W_NO_INVALID_REGEXP);
    if (lit) an_lint_on(L, PS_NODE_LITERAL, regex_literal);
    if (call) {
        an_lint_on(L, PS_NODE_CALL_EXPR, regexp_call);
        an_lint_on(L, PS_NODE_NEW_EXPR, regexp_call);
    }
}
