// Lint rule fixtures: tests/fixtures/lint/<rule-id>/*.js (.mjs, .jsx).
// Each file is parsed (tolerant), analyzed and linted with only its
// directory's rule on (default options, env browser for files named
// *browser*). Caret lines (`//`, spaces, carets, the rule id) mark every
// finding the rule must report, under the code line above them (columns in
// code points): the finding starts at the first caret and ends after the
// last one, or runs past the line when the carets reach its end. A file
// without caret lines must produce no finding. Nothing else may be
// reported, and the file must parse without errors.
#include <dirent.h>
#include <stdlib.h>

#include "an_test.h"

#define LINT_DIR "tests/fixtures/lint"

typedef struct LExpect {
    uint32_t start, end;
    bool to_eol;  // the carets reach the end of the line: the finding may go on
    uint32_t line;
    bool seen;
} LExpect;

static bool lint_caret_line(const char *a, const char *b, const char *rule, uint32_t *first,
                            uint32_t *last) {
    const char *p = a;
    if (b - p < 3 || p[0] != '/' || p[1] != '/') return false;
    p += 2;
    while (p < b && *p == ' ') p++;
    if (p >= b || *p != '^') return false;
    *first = (uint32_t)(p - a);
    while (p < b && *p == '^') p++;
    *last = (uint32_t)(p - a - 1);
    while (p < b && *p == ' ') p++;
    size_t rl = strlen(rule);
    cr_expect((size_t)(b - p) >= rl && memcmp(p, rule, rl) == 0,
              "caret line names another rule than its directory (%s): %.*s", rule, (int)(b - a), a);
    return true;
}

static uint32_t lcol_offset(const char *line, const char *end, uint32_t col) {
    const char *p = line;
    for (uint32_t c = 0; c < col && p < end; c++) {
        uint32_t cp;
        p += och_utf8_decode(p, (size_t)(end - p), &cp, false);
    }
    return (uint32_t)(p - line);
}

static size_t lint_expectations(const char *src, size_t len, const char *rule, LExpect *out,
                                size_t cap) {
    size_t n = 0;
    const char *code_line = NULL, *code_end = NULL;
    uint32_t lineno = 1;
    for (const char *line = src; line < src + len; lineno++) {
        const char *end = memchr(line, '\n', (size_t)(src + len - line));
        if (!end) end = src + len;
        const char *vis = end;
        if (vis > line && vis[-1] == '\r') vis--;
        uint32_t first, last;
        if (lint_caret_line(line, vis, rule, &first, &last)) {
            if (code_line && n < cap) {
                LExpect *e = &out[n++];
                uint32_t base = (uint32_t)(code_line - src);
                e->start = base + lcol_offset(code_line, code_end, first);
                uint32_t stop = base + lcol_offset(code_line, code_end, last + 1);
                e->end = stop;
                e->to_eol = stop >= (uint32_t)(code_end - src);
                e->line = lineno;
                e->seen = false;
            }
        } else {
            code_line = line;
            code_end = vis;
        }
        line = end + 1;
    }
    return n;
}

static void check_file(const char *rule, const char *name, unsigned *files, unsigned *findings) {
    char path[1024];
    snprintf(path, sizeof path, "%s/%s/%s", LINT_DIR, rule, name);
    char *src = NULL;
    size_t len = 0;
    cr_assert(ps_source_read_file(path, &src, &len) == OCH_OK, "%s: cannot read", path);
    const char *dot = strrchr(name, '.');
    PsOptions po;
    ps_options_default(&po);
    po.tolerant = true;
    po.goal = (strcmp(dot, ".mjs") == 0 || strncmp(src, "// module", 9) == 0) ? PS_GOAL_MODULE
                                                                               : PS_GOAL_SCRIPT;
    po.jsx = strcmp(dot, ".jsx") == 0;
    PsParse *p = ps_parse(src, len, &po);
    cr_expect(!ps_parse_has_errors(p), "%s: parse error: %s", path,
              p->diags.v.len ? p->diags.v.items[0].message : "");
    OchDiagCode code = an_rule_find(rule);
    cr_assert(code != OCH_DIAG_COUNT, "%s: no rule named %s", path, rule);
    AnRuleConfig rules[AN_RULE_COUNT];
    for (uint32_t i = 0; i < AN_RULE_COUNT; i++)
        rules[i] = (AnRuleConfig){an_rule_code(i) == code ? AN_LEVEL_WARN : AN_LEVEL_OFF, NULL};
    const char *envs[] = {"browser"};
    AnOptions ao;
    an_options_default(&ao);
    ao.lint = true;
    ao.rules = rules;
    if (strstr(name, "browser")) {
        ao.env = envs;
        ao.nenv = 1;
    }
    AnResult *r = an_analyze(p, &ao);
    LExpect ex[64];
    size_t n = lint_expectations(src, len, rule, ex, 64);
    for (uint32_t i = 0; i < r->diags.v.len; i++) {
        const OchDiag *d = &r->diags.v.items[i];
        cr_expect(d->code == code, "%s: unexpected %s: %s", path, och_diag_code_str(d->code),
                  d->message);
        if (d->code != code) continue;
        cr_expect(d->severity == OCH_SEV_WARNING, "%s: configured level not applied", path);
        bool matched = false;
        for (size_t k = 0; k < n && !matched; k++) {
            LExpect *e = &ex[k];
            if (e->seen || e->start != d->span.start) continue;
            if (d->span.end != e->end && !(e->to_eol && d->span.end > e->end)) continue;
            e->seen = matched = true;
        }
        cr_expect(matched, "%s: %s reported at bytes %u-%u without a caret line there: %s", path,
                  rule, d->span.start, d->span.end, d->message);
        (*findings)++;
    }
    for (size_t k = 0; k < n; k++)
        cr_expect(ex[k].seen, "%s:%u: expected %s at bytes %u-%u, not reported", path, ex[k].line,
                  rule, ex[k].start, ex[k].end);
    (*files)++;
    an_result_free(r);
    ps_parse_free(p);
    och_free(src);
}

Test(lint_fixtures, every_rule_fixture_reports_exactly_its_carets) {
    DIR *d = opendir(LINT_DIR);
    cr_assert_not_null(d, "run from the repository root");
    struct dirent *e;
    unsigned rules = 0, files = 0, findings = 0;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        char sub[512];
        snprintf(sub, sizeof sub, "%s/%s", LINT_DIR, e->d_name);
        DIR *sd = opendir(sub);
        if (!sd) continue;
        rules++;
        struct dirent *f;
        while ((f = readdir(sd))) {
            const char *dot = strrchr(f->d_name, '.');
            if (!dot || (strcmp(dot, ".js") && strcmp(dot, ".mjs") && strcmp(dot, ".jsx"))) continue;
            check_file(e->d_name, f->d_name, &files, &findings);
        }
        closedir(sd);
    }
    closedir(d);
    cr_expect(rules >= AN_RULE_COUNT, "only %u rule directories for %u rules", rules,
              (unsigned)AN_RULE_COUNT);
    cr_expect(findings > 0);
}

Test(lint_fixtures, every_rule_has_a_firing_and_a_quiet_fixture) {
    for (uint32_t i = 0; i < AN_RULE_COUNT; i++) {
        const char *id = an_rule_id(an_rule_code(i));
        char sub[512];
        snprintf(sub, sizeof sub, "%s/%s", LINT_DIR, id);
        DIR *sd = opendir(sub);
        cr_expect(sd != NULL, "rule %s has no fixture directory %s", id, sub);
        if (!sd) continue;
        unsigned n = 0;
        struct dirent *f;
        while ((f = readdir(sd))) n += f->d_name[0] != '.';
        closedir(sd);
        cr_expect(n >= 2, "rule %s needs fixtures that fire and that do not", id);
    }
}

// Diagnostic fixtures of the lint codes: tests/fixtures/diagnostics/W*.js
// (caret lines name the code) and W*.fixed.js, linted with that rule only.
Test(lint_fixtures, diagnostic_fixtures_of_lint_codes) {
    unsigned seen = 0;
    for (uint32_t i = 0; i < AN_RULE_COUNT; i++) {
        OchDiagCode code = an_rule_code(i);
        const char *cs = och_diag_code_str(code), *rule = an_rule_id(code);
        for (int fixed = 0; fixed < 2; fixed++) {
            char path[256];
            snprintf(path, sizeof path, "tests/fixtures/diagnostics/%s%s.js", cs, fixed ? ".fixed" : "");
            char *src = NULL;
            size_t len = 0;
            cr_assert(ps_source_read_file(path, &src, &len) == OCH_OK, "%s: missing", path);
            PsOptions po;
            ps_options_default(&po);
            po.tolerant = true;
            if (strncmp(src, "// module", 9) == 0) po.goal = PS_GOAL_MODULE;
            PsParse *p = ps_parse(src, len, &po);
            cr_expect(!ps_parse_has_errors(p), "%s: parse error", path);
            AnRuleConfig rules[AN_RULE_COUNT];
            for (uint32_t k = 0; k < AN_RULE_COUNT; k++)
                rules[k] = (AnRuleConfig){k == i ? AN_LEVEL_ERROR : AN_LEVEL_OFF, NULL};
            AnOptions ao;
            an_options_default(&ao);
            ao.lint = true;
            ao.rules = rules;
            AnResult *r = an_analyze(p, &ao);
            LExpect ex[8];
            size_t n = lint_expectations(src, len, cs, ex, 8);
            if (fixed) {
                cr_expect_eq(r->diags.v.len, 0, "%s: %s reported: %s", path, rule,
                             r->diags.v.len ? r->diags.v.items[0].message : "");
            } else {
                cr_expect(n > 0, "%s: no caret line", path);
                cr_expect_eq(r->diags.v.len, n, "%s: %u findings for %zu caret lines", path,
                             r->diags.v.len, n);
                for (size_t k = 0; k < n && k < r->diags.v.len; k++) {
                    const OchDiag *d = &r->diags.v.items[k];
                    cr_expect(d->span.start == ex[k].start &&
                                  (d->span.end == ex[k].end || (ex[k].to_eol && d->span.end > ex[k].end)),
                              "%s: %s at %u-%u, carets say %u-%u", path, cs, d->span.start,
                              d->span.end, ex[k].start, ex[k].end);
                }
            }
            an_result_free(r);
            ps_parse_free(p);
            och_free(src);
            seen++;
        }
    }
    cr_expect_eq(seen, 2 * AN_RULE_COUNT);
}
