// Suppression comments of lint findings (analyzer.h, "Inline suppressions").
#include "analyzer.h"

#include <stdlib.h>
#include <string.h>

void an_suppress_init(AnSuppressions *self) {
    memset(self, 0, sizeof *self);
    och_arena_init(&self->arena);
}

void an_suppress_free(AnSuppressions *self) {
    och_vec_free(&self->v);
    och_arena_free(&self->arena);
}

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Directive words, longest first so that a prefix never wins.
static const struct {
    const char *word;
    AnDirectiveKind kind;
    bool line_comment_ok;  // ESLint honours disable/enable only in block comments
    int line_delta;        // AN_DIR_LINE: 0 this line, 1 the next one
    bool commas;           // rules separated by commas (ESLint) or also spaces
} words[] = {
    {"eslint-disable-next-line", AN_DIR_LINE, true, 1, true},
    {"eslint-disable-line", AN_DIR_LINE, true, 0, true},
    {"eslint-disable", AN_DIR_DISABLE, false, 0, true},
    {"eslint-enable", AN_DIR_ENABLE, false, 0, true},
    {"ochre-ignore-next-line", AN_DIR_LINE, true, 1, false},
    {"ochre-ignore-file", AN_DIR_FILE, true, 0, false},
};

bool an_suppress_add_comment(AnSuppressions *self, const char *body, size_t n, bool block,
                              uint32_t offset, uint32_t start_line, uint32_t end_line) {
    size_t i = 0;
    while (i < n && is_space(body[i])) i++;
    const char *s = body + i;
    size_t len = n - i;
    size_t w;
    for (w = 0; w < sizeof words / sizeof words[0]; w++) {
        size_t k = strlen(words[w].word);
        if (len >= k && memcmp(s, words[w].word, k) == 0 && (len == k || is_space(s[k]))) break;
    }
    if (w == sizeof words / sizeof words[0]) return false;
    if (!block && !words[w].line_comment_ok) return false;
    AnDirectiveKind kind = words[w].kind;
    // eslint-disable-line must sit on one line (ESLint rejects it otherwise).
    if (kind == AN_DIR_LINE && words[w].line_delta == 0 && start_line != end_line) return false;

    // Rules: up to a ` -- description`.
    size_t p = strlen(words[w].word), end = len;
    for (size_t j = p; j + 1 < len; j++) {
        if (s[j] == '-' && s[j + 1] == '-' && is_space(s[j - 1]) && (j + 2 == len || is_space(s[j + 2]))) {
            end = j;
            break;
        }
    }
    OCH_VEC(char *) rules = {0};
    while (p < end) {
        while (p < end && (is_space(s[p]) || s[p] == ',')) p++;
        size_t q = p;
        while (q < end && s[q] != ',' && (words[w].commas ? true : !is_space(s[q]))) q++;
        size_t r = q;
        while (r > p && is_space(s[r - 1])) r--;  // "a , b": trim before the comma
        if (r > p) och_vec_push(&rules, och_arena_strndup(&self->arena, s + p, r - p));
        p = q;
    }
    AnDirective d = {kind, offset, 0, NULL, rules.len};
    if (kind == AN_DIR_LINE) d.line = words[w].line_delta ? end_line + 1 : start_line;
    if (rules.len) d.rules = och_arena_memdup(&self->arena, rules.items, rules.len * sizeof(char *));
    och_vec_free(&rules);
    och_vec_push(&self->v, d);
    return true;
}

static bool covers(const AnDirective *d, const char *rule, const char *code) {
    if (!d->nrules) return true;
    for (uint32_t i = 0; i < d->nrules; i++)
        if (strcmp(d->rules[i], rule) == 0 || (code && strcmp(d->rules[i], code) == 0)) return true;
    return false;
}

bool an_suppress_hides(const AnSuppressions *self, const char *rule, const char *code, uint32_t offset,
                        uint32_t line) {
    if (!rule) return false;
    bool disabled = false;
    for (uint32_t i = 0; i < self->v.len; i++) {
        const AnDirective *d = &self->v.items[i];
        if (!covers(d, rule, code)) continue;
        switch (d->kind) {
        case AN_DIR_FILE: return true;
        case AN_DIR_LINE:
            if (d->line == line) return true;
            break;
        case AN_DIR_DISABLE:
            if (d->offset < offset) disabled = true;
            break;
        case AN_DIR_ENABLE:
            if (d->offset < offset) disabled = false;
            break;
        }
    }
    return disabled;
}

// --- comment scan -------------------------------------------------------------
//
// The parser keeps no comments, so directives are found from the text:
// each occurrence of a directive word is a candidate, and it is one only if
// it starts the body of a real comment. Comments live in the gaps between
// the tree's nodes, so a descent from the root to the innermost node whose
// children do not cover the candidate either lands in a literal (string,
// template chunk, regexp, JSX text: not a comment) or yields the gap that
// holds it. A gap holds only whitespace, comments and the node's own
// punctuation and keywords, where a plain left-to-right comment scan sees
// what the lexer saw. The cost is per candidate, not per file.

static bool is_opaque(const PsNode *n) {
    return (n->kind == PS_NODE_LITERAL && (n->op == PS_LIT_STRING || n->op == PS_LIT_REGEX)) ||
           n->kind == PS_NODE_TEMPLATE_ELEMENT || n->kind == PS_NODE_JSX_TEXT;
}

typedef struct Find {
    uint32_t off;
    PsNode *hit;                  // the child containing off
    uint32_t gap_start, gap_end;  // else the gap between children around off
} Find;

static bool find_child(PsNode *child, void *ctx) {
    Find *f = ctx;
    if (child->end <= f->off) {
        if (child->end > f->gap_start) f->gap_start = child->end;
        return true;
    }
    if (child->start > f->off) {
        if (child->start < f->gap_end) f->gap_end = child->start;
        return false;
    }
    f->hit = child;
    return false;
}

static bool line_break_at(const char *s, uint32_t i, uint32_t n) {
    unsigned char c = (unsigned char)s[i];
    if (c == '\n' || c == '\r') return true;
    return c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
           ((unsigned char)s[i + 2] == 0xA8 || (unsigned char)s[i + 2] == 0xA9);
}

// The comment [*start, *end) containing off, with its body [*body, *body_end);
// false when off is not inside a comment.
static bool comment_at(const PsParse *parse, uint32_t off, uint32_t *start, uint32_t *body,
                       uint32_t *body_end, uint32_t *end, bool *block) {
    const char *s = parse->src;
    uint32_t n = parse->len;
    PsNode *node = parse->root;
    uint32_t gs = 0, ge = n;  // the root's gap bounds are the whole file
    while (node) {
        Find f = {off, NULL, node == parse->root ? 0 : node->start, node == parse->root ? n : node->end};
        ps_node_for_each_child(node, find_child, &f);
        if (!f.hit) {
            gs = f.gap_start;
            ge = f.gap_end;
            break;
        }
        if (is_opaque(f.hit)) return false;
        node = f.hit;
    }
    uint32_t i = gs;
    if (i == 0 && n >= 2 && s[0] == '#' && s[1] == '!') {
        while (i < n && !line_break_at(s, i, n)) i++;
    }
    while (i < ge && i <= off) {
        if (i + 1 < n && s[i] == '/' && s[i + 1] == '/') {
            uint32_t j = i + 2;
            while (j < n && !line_break_at(s, j, n)) j++;
            if (off < j) {
                *start = i, *body = i + 2, *body_end = j, *end = j, *block = false;
                return true;
            }
            i = j;
        } else if (i + 1 < n && s[i] == '/' && s[i + 1] == '*') {
            const char *close = memmem(s + i + 2, n - i - 2, "*/", 2);
            uint32_t be = close ? (uint32_t)(close - s) : n;
            uint32_t j = close ? be + 2 : n;
            if (off < j) {
                *start = i, *body = i + 2, *body_end = be, *end = j, *block = true;
                return true;
            }
            i = j;
        } else {
            i++;
        }
    }
    return false;
}

typedef OCH_VEC(uint32_t) OffsetVec;

static void add_candidates(OffsetVec *out, const char *s, uint32_t n, const char *word) {
    size_t k = strlen(word);
    const char *p = s, *end = s + n;
    while ((p = memmem(p, (size_t)(end - p), word, k))) {
        och_vec_push(out, (uint32_t)(p - s));
        p += k;
    }
}

static int cmp_u32(const void *a, const void *b) {
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

bool an_suppress_may_have_directives(const char *src, uint32_t len) {
    return memmem(src, len, "eslint-", 7) || memmem(src, len, "ochre-ignore", 12);
}

void an_suppress_scan(AnSuppressions *self, const PsParse *parse, const OchLineIndex *lines) {
    const char *s = parse->src;
    uint32_t n = parse->len;
    OffsetVec cand = {0};
    add_candidates(&cand, s, n, "eslint-");
    add_candidates(&cand, s, n, "ochre-ignore");
    if (cand.len > 1) qsort(cand.items, cand.len, sizeof *cand.items, cmp_u32);
    uint32_t last_comment = UINT32_MAX;
    for (uint32_t c = 0; c < cand.len; c++) {
        uint32_t start, body, body_end, end;
        bool block;
        if (!comment_at(parse, cand.items[c], &start, &body, &body_end, &end, &block)) continue;
        if (start == last_comment) continue;  // one directive per comment
        // Only a directive word that opens the comment's text counts.
        uint32_t b = body;
        while (b < body_end && (s[b] == ' ' || s[b] == '\t' || s[b] == '\n' || s[b] == '\r' || s[b] == '\f' ||
                                s[b] == '\v'))
            b++;
        if (b != cand.items[c]) continue;
        last_comment = start;
        uint32_t l0 = och_line_index_lookup(lines, start, OCH_COL_BYTES).line;
        uint32_t l1 = och_line_index_lookup(lines, end ? end - 1 : 0, OCH_COL_BYTES).line;
        an_suppress_add_comment(self, s + body, body_end - body, block, start, l0, l1);
    }
    och_vec_free(&cand);
}
