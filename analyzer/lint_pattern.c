// The *IgnorePattern options of no-unused-vars: a subset of JavaScript
// regular expressions, matched as RegExp#test with the `u` flag (a match
// anywhere in the name unless anchored). Supported: literal characters,
// `.`, `^`, `$`, escapes (`\d \w \s \D \W \S`, `\.` and other escaped
// punctuation, `\t \n`), character classes `[a-z_$]` / `[^...]` with those
// escapes, quantifiers `* + ? {n} {n,} {n,m}` (greedy) on single characters
// and classes, groups `( )` and `(?: )` with alternatives `|` at any level,
// a group optionally followed by `?`. Anything else (backreferences,
// lookaround, quantified groups, `\b`, Unicode property escapes) is
// rejected with a message, so a configuration never silently means
// something else. Names are short; matching backtracks.
#include "lint_int.h"

enum { P_CHAR, P_ANY, P_CLASS, P_START, P_END, P_GROUP };

typedef struct PSeq PSeq;
typedef struct PNode {
    uint8_t type;
    bool neg;               // P_CLASS: negated
    uint32_t min, max;      // quantifier (1, 1 when none)
    uint32_t c;             // P_CHAR: code point
    uint8_t set[16];        // P_CLASS: ASCII members (bit per code point < 128)
    uint8_t flags;          // P_CLASS: 1 \w, 2 \d, 4 \s, 8 \W, 16 \D, 32 \S; 64 any non-ASCII
    PSeq *alts;             // P_GROUP alternatives
    uint32_t nalts;
} PNode;

struct PSeq {
    PNode *items;
    uint32_t n;
};

struct AnPattern {
    PSeq top;  // one alternative set: a P_GROUP node holding the alternatives
};

typedef struct PParse {
    const char *p, *end;
    OchArena *arena;
    const char *error;
} PParse;

static bool is_word(uint32_t c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
static bool is_digit(uint32_t c) { return c >= '0' && c <= '9'; }
static bool is_space(uint32_t c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == 0xA0 ||
           c == 0xFEFF || c == 0x2028 || c == 0x2029 || (c >= 0x2000 && c <= 0x200A) ||
           c == 0x1680 || c == 0x202F || c == 0x205F || c == 0x3000;
}

static uint32_t next_cp(PParse *pp) {
    uint32_t cp;
    pp->p += och_utf8_decode(pp->p, (size_t)(pp->end - pp->p), &cp, false);
    return cp;
}

// An escape after '\' inside or outside a class: a code point (returned,
// *cls 0) or a class escape (*cls set to its flag).
static bool parse_escape(PParse *pp, uint32_t *cp, uint8_t *cls) {
    *cls = 0;
    if (pp->p >= pp->end) {
        pp->error = "pattern ends with '\\'";
        return false;
    }
    char c = *pp->p++;
    switch (c) {
    case 'w': *cls = 1; return true;
    case 'd': *cls = 2; return true;
    case 's': *cls = 4; return true;
    case 'W': *cls = 8; return true;
    case 'D': *cls = 16; return true;
    case 'S': *cls = 32; return true;
    case 't': *cp = '\t'; return true;
    case 'n': *cp = '\n'; return true;
    case 'r': *cp = '\r'; return true;
    case 'f': *cp = '\f'; return true;
    case 'v': *cp = '\v'; return true;
    case '0': *cp = 0; return true;
    default:
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
            pp->error = "unsupported escape in pattern (see docs/lint-rules.md)";
            return false;
        }
        pp->p--;
        *cp = next_cp(pp);
        return true;
    }
}

static void set_add(PNode *n, uint32_t lo, uint32_t hi) {
    for (uint32_t c = lo; c <= hi && c < 128; c++) n->set[c >> 3] |= (uint8_t)(1u << (c & 7));
    if (hi >= 128) n->flags |= 64;  // non-ASCII ranges: approximated as "any non-ASCII"
}

static bool parse_class(PParse *pp, PNode *n) {
    n->type = P_CLASS;
    if (pp->p < pp->end && *pp->p == '^') {
        n->neg = true;
        pp->p++;
    }
    bool first = true;
    while (pp->p < pp->end && (*pp->p != ']' || first)) {
        first = false;
        uint32_t lo;
        uint8_t cls = 0;
        if (*pp->p == '\\') {
            pp->p++;
            if (!parse_escape(pp, &lo, &cls)) return false;
        } else {
            lo = next_cp(pp);
        }
        if (cls) {
            n->flags |= cls;
            continue;
        }
        uint32_t hi = lo;
        if (pp->p + 1 < pp->end && *pp->p == '-' && pp->p[1] != ']') {
            pp->p++;
            if (*pp->p == '\\') {
                pp->p++;
                if (!parse_escape(pp, &hi, &cls)) return false;
                if (cls) {
                    pp->error = "class escape in a range";
                    return false;
                }
            } else {
                hi = next_cp(pp);
            }
            if (hi < lo) {
                pp->error = "range out of order in character class";
                return false;
            }
        }
        set_add(n, lo, hi);
    }
    if (pp->p >= pp->end) {
        pp->error = "unterminated character class";
        return false;
    }
    pp->p++;
    return true;
}

static bool parse_alts(PParse *pp, PNode *group);

static bool parse_quant(PParse *pp, PNode *n) {
    if (pp->p >= pp->end) return true;
    char c = *pp->p;
    uint32_t min = 1, max = 1;
    if (c == '*') min = 0, max = UINT32_MAX;
    else if (c == '+') min = 1, max = UINT32_MAX;
    else if (c == '?') min = 0, max = 1;
    else if (c == '{') {
        const char *q = pp->p + 1;
        uint32_t a = 0, b;
        if (q >= pp->end || !is_digit((unsigned char)*q)) return true;  // literal '{'
        while (q < pp->end && is_digit((unsigned char)*q)) a = a * 10 + (uint32_t)(*q++ - '0');
        b = a;
        if (q < pp->end && *q == ',') {
            q++;
            if (q < pp->end && is_digit((unsigned char)*q)) {
                b = 0;
                while (q < pp->end && is_digit((unsigned char)*q)) b = b * 10 + (uint32_t)(*q++ - '0');
            } else {
                b = UINT32_MAX;
            }
        }
        if (q >= pp->end || *q != '}' || b < a) {
            pp->error = "invalid quantifier";
            return false;
        }
        pp->p = q;
        min = a;
        max = b;
    } else {
        return true;
    }
    pp->p++;
    if (pp->p < pp->end && *pp->p == '?') pp->p++;  // lazy: same result for test()
    if (n->type == P_START || n->type == P_END) {
        pp->error = "quantifier after an anchor";
        return false;
    }
    if (n->type == P_GROUP && !(min == 0 && max == 1)) {
        pp->error = "only '?' may follow a group (see docs/lint-rules.md)";
        return false;
    }
    n->min = min;
    n->max = max;
    return true;
}

static bool parse_seq(PParse *pp, PSeq *seq) {
    OCH_VEC(PNode) items = {0};
    while (pp->p < pp->end && *pp->p != '|' && *pp->p != ')') {
        PNode n;
        memset(&n, 0, sizeof n);
        n.min = n.max = 1;
        char c = *pp->p;
        if (c == '^') { pp->p++; n.type = P_START; }
        else if (c == '$') { pp->p++; n.type = P_END; }
        else if (c == '.') { pp->p++; n.type = P_ANY; }
        else if (c == '[') {
            pp->p++;
            if (!parse_class(pp, &n)) goto fail;
        } else if (c == '(') {
            pp->p++;
            if (pp->p < pp->end && *pp->p == '?') {
                if (pp->p + 1 < pp->end && pp->p[1] == ':') pp->p += 2;
                else {
                    pp->error = "lookaround and named groups are not supported in patterns";
                    goto fail;
                }
            }
            if (!parse_alts(pp, &n)) goto fail;
            if (pp->p >= pp->end || *pp->p != ')') {
                pp->error = "missing ')'";
                goto fail;
            }
            pp->p++;
        } else if (c == '\\') {
            pp->p++;
            uint8_t cls;
            uint32_t cp;
            if (!parse_escape(pp, &cp, &cls)) goto fail;
            if (cls) { n.type = P_CLASS; n.flags = cls; }
            else { n.type = P_CHAR; n.c = cp; }
        } else if (c == '*' || c == '+' || c == '?') {
            pp->error = "nothing to repeat";
            goto fail;
        } else {
            n.type = P_CHAR;
            n.c = next_cp(pp);
        }
        if (!parse_quant(pp, &n)) goto fail;
        och_vec_push(&items, n);
    }
    seq->n = items.len;
    seq->items = och_arena_memdup(pp->arena, items.items, (items.len ? items.len : 1) * sizeof(PNode));
    och_vec_free(&items);
    return true;
fail:
    och_vec_free(&items);
    return false;
}

static bool parse_alts(PParse *pp, PNode *group) {
    OCH_VEC(PSeq) alts = {0};
    group->type = P_GROUP;
    group->min = group->max = 1;
    for (;;) {
        PSeq s;
        if (!parse_seq(pp, &s)) {
            och_vec_free(&alts);
            return false;
        }
        och_vec_push(&alts, s);
        if (pp->p < pp->end && *pp->p == '|') {
            pp->p++;
            continue;
        }
        break;
    }
    group->nalts = alts.len;
    group->alts = och_arena_memdup(pp->arena, alts.items, alts.len * sizeof(PSeq));
    och_vec_free(&alts);
    return true;
}

AnPattern *an_pattern_compile(OchArena *arena, const char *pattern, const char **error) {
    PParse pp = {pattern, pattern + strlen(pattern), arena, NULL};
    PNode *g = och_arena_alloc(arena, sizeof *g);
    memset(g, 0, sizeof *g);
    if (!parse_alts(&pp, g) || pp.p != pp.end) {
        if (error) *error = pp.error ? pp.error : "unbalanced ')'";
        return NULL;
    }
    AnPattern *p = och_arena_alloc(arena, sizeof *p);
    p->top.items = g;
    p->top.n = 1;
    if (error) *error = NULL;
    return p;
}

// ---------------------------------------------------------------------------
// Matching.

typedef struct MCtx {
    const char *s;
    uint32_t len;
    uint32_t steps;  // backtracking budget
} MCtx;

typedef struct MCont {
    const PSeq *seq;
    uint32_t i;
    const struct MCont *up;
} MCont;

static bool class_has(const PNode *n, uint32_t c) {
    bool in;
    if (c < 128) in = (n->set[c >> 3] >> (c & 7)) & 1;
    else in = (n->flags & 64) != 0;
    if (!in && (n->flags & 1) && is_word(c)) in = true;
    if (!in && (n->flags & 2) && is_digit(c)) in = true;
    if (!in && (n->flags & 4) && is_space(c)) in = true;
    if (!in && (n->flags & 8) && !is_word(c)) in = true;
    if (!in && (n->flags & 16) && !is_digit(c)) in = true;
    if (!in && (n->flags & 32) && !is_space(c)) in = true;
    return in != n->neg;
}

// Matches one character of atom n at pos; returns the next position or
// UINT32_MAX.
static uint32_t atom_at(const MCtx *m, const PNode *n, uint32_t pos) {
    if (pos >= m->len) return UINT32_MAX;
    uint32_t cp;
    uint32_t k = och_utf8_decode(m->s + pos, m->len - pos, &cp, true);
    switch (n->type) {
    case P_CHAR: return cp == n->c ? pos + k : UINT32_MAX;
    case P_ANY: return cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029 ? UINT32_MAX : pos + k;
    case P_CLASS: return class_has(n, cp) ? pos + k : UINT32_MAX;
    default: return UINT32_MAX;
    }
}

static bool m_seq(MCtx *m, const PSeq *s, uint32_t i, uint32_t pos, const MCont *k) {
    if (++m->steps > 100000) return false;
    if (i == s->n) return k ? m_seq(m, k->seq, k->i, pos, k->up) : true;
    const PNode *n = &s->items[i];
    switch (n->type) {
    case P_START: return pos == 0 && m_seq(m, s, i + 1, pos, k);
    case P_END: return pos == m->len && m_seq(m, s, i + 1, pos, k);
    case P_GROUP: {
        MCont next = {s, i + 1, k};
        for (uint32_t a = 0; a < n->nalts; a++)
            if (m_seq(m, &n->alts[a], 0, pos, &next)) return true;
        return n->min == 0 && m_seq(m, s, i + 1, pos, k);
    }
    default: {
        uint32_t stack[64], *ends = stack, count = 0, cap = 64;
        uint32_t p = pos;
        ends[0] = pos;
        while (count < n->max) {
            uint32_t q = atom_at(m, n, p);
            if (q == UINT32_MAX) break;
            if (count + 1 >= cap) {
                uint32_t *bigger = och_malloc(2 * cap * sizeof *bigger);
                memcpy(bigger, ends, cap * sizeof *ends);
                if (ends != stack) och_free(ends);
                ends = bigger;
                cap *= 2;
            }
            ends[++count] = p = q;
        }
        bool ok = false;
        for (uint32_t c = count + 1; c-- > n->min && !ok;) ok = m_seq(m, s, i + 1, ends[c], k);
        if (ends != stack) och_free(ends);
        return ok;
    }
    }
}

bool an_pattern_test(const AnPattern *p, const char *s, uint32_t len) {
    MCtx m = {s, len, 0};
    for (uint32_t start = 0; start <= len; start++) {
        if (m_seq(&m, &p->top, 0, start, NULL)) return true;
        // Next code point boundary.
        while (start + 1 < len && ((unsigned char)s[start + 1] & 0xC0) == 0x80) start++;
    }
    return false;
}
