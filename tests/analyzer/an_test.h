// Helpers shared by the analyzer's Criterion tests: analyze a snippet and
// find its identifiers by text.
#ifndef OCHRE_TESTS_ANALYZER_AN_TEST_H
#define OCHRE_TESTS_ANALYZER_AN_TEST_H

#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "analyzer.h"

#define T_MODULE 1u
#define T_STRICT 2u
#define T_JSX 4u
#define T_NO_ANNEX_B 8u

typedef struct TCtx {
    char *src;
    size_t len;
    PsParse *parse;
    AnResult *res;
} TCtx;

// Parses (tolerant) and analyzes src. Free with t_free.
static inline TCtx t_analyze(const char *src, unsigned flags) {
    TCtx c;
    c.len = strlen(src);
    c.src = ps_source_dup(src, c.len);
    PsOptions po;
    ps_options_default(&po);
    po.tolerant = true;
    po.goal = (flags & T_MODULE) ? PS_GOAL_MODULE : PS_GOAL_SCRIPT;
    po.strict = (flags & T_STRICT) != 0;
    po.jsx = (flags & T_JSX) != 0;
    c.parse = ps_parse(c.src, c.len, &po);
    AnOptions ao;
    an_options_default(&ao);
    if (flags & T_NO_ANNEX_B) ao.annex_b = false;
    c.res = an_analyze(c.parse, &ao);
    return c;
}

static inline void t_free(TCtx *c) {
    an_result_free(c->res);
    ps_parse_free(c->parse);
    och_free(c->src);
}

// Byte offset of the n-th (0-based) occurrence of word as a whole word
// (not part of a longer identifier); fails the test when absent.
static inline uint32_t t_off(const TCtx *c, const char *word, int n) {
    size_t wl = strlen(word);
    for (const char *p = c->src; (p = strstr(p, word)); p++) {
        bool before = p > c->src && (p[-1] == '_' || p[-1] == '$' || p[-1] == '#' ||
                                     (p[-1] >= 'a' && p[-1] <= 'z') || (p[-1] >= 'A' && p[-1] <= 'Z') ||
                                     (p[-1] >= '0' && p[-1] <= '9'));
        char a = p[wl];
        bool after = a == '_' || a == '$' || (a >= 'a' && a <= 'z') || (a >= 'A' && a <= 'Z') ||
                     (a >= '0' && a <= '9');
        if (before || after) continue;
        if (n-- == 0) return (uint32_t)(p - c->src);
    }
    cr_assert_fail("'%s' (occurrence %d) not found in the source", word, n);
    return 0;
}

typedef struct TFind {
    uint32_t start;
    AnRef *found;
} TFind;

static inline bool t_find_ref(AnRef *r, void *ctx) {
    TFind *f = ctx;
    if (r->node->start != f->start) return true;
    f->found = r;
    return false;
}

// The reference at the n-th occurrence of word; fails when it is not a
// reference.
static inline AnRef *t_ref(const TCtx *c, const char *word, int n) {
    TFind f = {t_off(c, word, n), NULL};
    an_for_each_ref(c->res, t_find_ref, &f);
    cr_assert(f.found, "occurrence %d of '%s' (offset %u) is not a reference", n, word, f.start);
    return f.found;
}

// The binding declared or used at the n-th occurrence of word.
static inline AnBinding *t_binding(const TCtx *c, const char *word, int n) {
    AnBinding *b = an_binding_at(c->res, t_off(c, word, n));
    cr_assert(b, "occurrence %d of '%s' has no binding", n, word);
    return b;
}

// Number of diagnostics with this code in the analysis.
static inline unsigned t_count(const TCtx *c, OchDiagCode code) {
    unsigned n = 0;
    for (uint32_t i = 0; i < c->res->diags.v.len; i++) n += c->res->diags.v.items[i].code == code;
    return n;
}

// Asserts that the parse has no errors and the analysis reports nothing.
static inline void t_clean(const TCtx *c) {
    cr_assert(!ps_parse_has_errors(c->parse), "unexpected parse error: %s",
              c->parse->diags.v.len ? c->parse->diags.v.items[0].message : "");
    cr_assert(c->res->diags.v.len == 0, "unexpected analyzer error %s: %s",
              c->res->diags.v.len ? och_diag_code_str(c->res->diags.v.items[0].code) : "",
              c->res->diags.v.len ? c->res->diags.v.items[0].message : "");
}

// Asserts that the source parses and the analysis reports exactly one
// diagnostic, with this code, at the n-th occurrence of word (its whole
// length); returns it.
static inline const OchDiag *t_error_at(const TCtx *c, OchDiagCode code, const char *word, int n) {
    cr_assert(!ps_parse_has_errors(c->parse), "unexpected parse error: %s",
              c->parse->diags.v.len ? c->parse->diags.v.items[0].message : "");
    cr_assert_eq(c->res->diags.v.len, 1, "expected one analyzer diagnostic, got %u%s%s",
                 c->res->diags.v.len, c->res->diags.v.len ? ": " : "",
                 c->res->diags.v.len ? c->res->diags.v.items[0].message : "");
    const OchDiag *d = &c->res->diags.v.items[0];
    cr_assert_eq(d->code, code, "expected %s, got %s: %s", och_diag_code_str(code),
                 och_diag_code_str(d->code), d->message);
    uint32_t start = t_off(c, word, n);
    cr_assert_eq(d->span.start, start, "%s starts at %u, expected %u", och_diag_code_str(code),
                 d->span.start, start);
    cr_assert_eq(d->span.end, start + (uint32_t)strlen(word), "%s ends at %u, expected %u",
                 och_diag_code_str(code), d->span.end, start + (uint32_t)strlen(word));
    cr_assert(d->severity == OCH_SEV_ERROR);
    return d;
}

#endif
