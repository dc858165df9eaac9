// tool_lint_json: parses, analyzes and lints JavaScript files with every
// implemented lint rule on (at "error", default options) and prints the
// findings as JSON lines for the ESLint differential test
// (tests/analyzer/eslint_diff.sh):
//   {"file":F,"rule":"no-undef","line":L,"column":C,"message":M}
// line 1-based; column 1-based in UTF-16 code units, as ESLint reports.
// Syntax errors are printed with rule "parse-error" (first one only).
//
//   tool_lint_json [--env a,b] [--only RULE] [--options RULE JSON] [--offsets] [--rules] FILE...
//
// --options gives RULE the options JSON (an array) instead of its default
// (for checking a rule's options against ESLint by hand); --only turns
// every rule but RULE off; --offsets adds "start"/"end" byte
// offsets (used to write caret lines of fixtures).
// --rules prints {"rule-id": [options], ...} for every implemented rule
// (the ESLint configuration to compare with: default options, except the
// rules listed in diff_options, which run with those options on both
// sides) and exits. Files: `path` (module
// goal for .mjs or a first line `// module`), or `module:path` /
// `script:path`; .jsx enables JSX. `ochre check --format json` replaces
// this tool once it reports lint findings.
#include "analyzer.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void json_str(const char *s, FILE *out) {
    fputc('"', out);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') fprintf(out, "\\%c", c);
        else if (c == '\n') fputs("\\n", out);
        else if (c < 0x20) fprintf(out, "\\u%04x", c);
        else fputc(c, out);
    }
    fputc('"', out);
}

static bool offsets;
static bool bom;  // the file starts with U+FEFF, which ESLint's columns leave out

static void print(const char *spec, const char *rule, const OchLineIndex *li, uint32_t off,
                  uint32_t end, const char *msg) {
    OchLineCol lc = och_line_index_lookup(li, off, OCH_COL_UTF16);
    if (bom && lc.line == 0 && lc.column > 0) lc.column--;
    printf("{\"file\":");
    json_str(spec, stdout);
    printf(",\"rule\":\"%s\",\"line\":%u,\"column\":%u,", rule, lc.line + 1, lc.column + 1);
    if (offsets) printf("\"start\":%u,\"end\":%u,", off, end);
    printf("\"message\":");
    json_str(msg ? msg : "", stdout);
    printf("}\n");
}

// Options given to both sides for rules whose ochre default has no exact
// ESLint spelling. no-use-before-define: ochre's default reports only TDZ
// uses; these are the ESLint options that mode is a subset of (the rule
// then follows ESLint's semantics, compared here).
static const struct {
    const char *rule, *options;
} diff_options[] = {
    {"no-use-before-define",
     "[{\"functions\": false, \"classes\": false, \"variables\": false, \"allowNamedExports\": true}]"},
};
#define NDIFF_OPTIONS (sizeof diff_options / sizeof diff_options[0])

static const char *options_of(const char *rule) {
    for (size_t i = 0; i < NDIFF_OPTIONS; i++)
        if (strcmp(diff_options[i].rule, rule) == 0) return diff_options[i].options;
    return NULL;
}

int main(int argc, char **argv) {
    const char *envs[16];
    uint32_t nenv = 0;
    int status = 0;
    AnRuleConfig rules[AN_RULE_COUNT];
    for (uint32_t i = 0; i < AN_RULE_COUNT; i++)
        rules[i] = (AnRuleConfig){AN_LEVEL_ERROR, options_of(an_rule_id(an_rule_code(i)))};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--rules") == 0) {
            printf("{");
            for (uint32_t k = 0; k < AN_RULE_COUNT; k++) {
                const char *o = options_of(an_rule_id(an_rule_code(k)));
                printf("%s\"%s\": %s", k ? ", " : "", an_rule_id(an_rule_code(k)), o ? o : "[]");
            }
            printf("}\n");
            return 0;
        }
        if (strcmp(a, "--options") == 0 && i + 2 < argc) {
            OchDiagCode rc = an_rule_find(argv[i + 1]);
            if (rc == OCH_DIAG_COUNT) {
                fprintf(stderr, "tool_lint_json: unknown rule %s\n", argv[i + 1]);
                return 2;
            }
            rules[an_rule_index(rc)].options = argv[i + 2];
            i += 2;
            continue;
        }
        if (strcmp(a, "--offsets") == 0) {
            offsets = true;
            continue;
        }
        if (strcmp(a, "--only") == 0 && i + 1 < argc) {
            OchDiagCode only = an_rule_find(argv[++i]);
            if (only == OCH_DIAG_COUNT) {
                fprintf(stderr, "tool_lint_json: unknown rule %s\n", argv[i]);
                return 2;
            }
            for (uint32_t k = 0; k < AN_RULE_COUNT; k++)
                rules[k].level = an_rule_code(k) == only ? AN_LEVEL_ERROR : AN_LEVEL_OFF;
            continue;
        }
        if (strcmp(a, "--env") == 0 && i + 1 < argc) {
            char *list = argv[++i];
            for (char *t = strtok(list, ","); t && nenv < 16; t = strtok(NULL, ",")) envs[nenv++] = t;
            continue;
        }
        const char *path = a;
        int goal = -1;
        if (strncmp(a, "module:", 7) == 0) goal = PS_GOAL_MODULE, path = a + 7;
        else if (strncmp(a, "script:", 7) == 0) goal = PS_GOAL_SCRIPT, path = a + 7;
        char *src;
        size_t len;
        if (ps_source_read_file(path, &src, &len) != OCH_OK) {
            fprintf(stderr, "tool_lint_json: cannot read %s: %s\n", path, strerror(errno));
            status = 1;
            continue;
        }
        const char *dot = strrchr(path, '.');
        if (goal < 0)
            goal = (dot && strcmp(dot, ".mjs") == 0) || strncmp(src, "// module", 9) == 0
                       ? PS_GOAL_MODULE
                       : PS_GOAL_SCRIPT;
        PsOptions po;
        ps_options_default(&po);
        po.goal = (PsGoal)goal;
        po.tolerant = true;
        po.jsx = dot && strcmp(dot, ".jsx") == 0;
        PsParse *p = ps_parse(src, len, &po);
        AnOptions ao;
        an_options_default(&ao);
        ao.lint = true;
        ao.rules = rules;
        ao.env = envs;
        ao.nenv = nenv;
        AnResult *r = an_analyze(p, &ao);
        OchLineIndex li;
        och_line_index_init(&li, src, (uint32_t)len);
        bom = len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0;
        if (p->diags.v.len)
            print(a, "parse-error", &li, p->diags.v.items[0].span.start,
                  p->diags.v.items[0].span.end, p->diags.v.items[0].message);
        for (uint32_t k = 0; k < r->diags.v.len; k++) {
            const OchDiag *d = &r->diags.v.items[k];
            const char *rule = an_rule_id(d->code);
            print(a, rule ? rule : "early-error", &li, d->span.start, d->span.end, d->message);
        }
        och_line_index_free(&li);
        an_result_free(r);
        ps_parse_free(p);
        och_free(src);
    }
    return status;
}
