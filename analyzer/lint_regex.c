// Regular expression rules: no-empty-character-class, no-regex-spaces,
// no-control-regex, no-invalid-regexp. Patterns are regexp literals and
// string literals given to the global RegExp (called or constructed); they
// are parsed with the parser's pattern parser (parser/regexp.h, shared with
// the engine) into a scratch arena, once per pattern.
#include <stdio.h>

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

static void find_control(const PsReNode *n, void *ctx) {
    CtlCtx *c = ctx;
    if (n->kind != PS_RE_CHAR || n->cp > 0x1F) return;
    const char *s = c->p->text + n->start;
    uint32_t l = n->end - n->start;
    bool raw = l >= 1 && (unsigned char)s[0] == n->cp;
    bool esc = l >= 2 && s[0] == '\\' && (s[1] == 'x' || s[1] == 'u');
    if (!raw && !esc) return;
    och_buf_printf(&c->list, "%s\\x%02x", c->n++ ? ", " : "", n->cp);
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

void an_lint_register_regex(AnLint *L) {
    bool lit = on(L, AN_W_NO_EMPTY_CHARACTER_CLASS) || on(L, AN_W_NO_CONTROL_REGEX) ||
               on(L, AN_W_NO_REGEX_SPACES);
    bool call = lit || on(L, AN_W_NO_INVALID_REGEXP);
    if (lit) an_lint_on(L, PS_NODE_LITERAL, regex_literal);
    if (call) {
        an_lint_on(L, PS_NODE_CALL_EXPR, regexp_call);
        an_lint_on(L, PS_NODE_NEW_EXPR, regexp_call);
    }
}
