// `ochre parse`: syntax check of one file, or its ESTree JSON.
//
// The goal (script or module) follows the file the way Node decides it:
// `.mjs` is a module, `.cjs` a script, and `.js`/`.jsx` follow the `"type"`
// of the nearest package.json. `.jsx` turns JSX on.
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer.h"
#include "check_pkgtype.h"
#include "cli.h"
#include "parser.h"

const char cli_parse_usage[] =
    "usage: ochre parse [--script|--module] [--jsx] [--json] [--tolerant] [--color] FILE|-\n"
    "\n"
    "Parses FILE (`-` reads stdin) and reports syntax errors on stderr.\n"
    "\n"
    "  --script, --module  parse with this goal; by default `.mjs` is a module,\n"
    "                      `.cjs` a script, and `.js`/`.jsx` follow the \"type\" of\n"
    "                      the nearest package.json\n"
    "  --jsx               accept JSX (implied by `.jsx`)\n"
    "  --decorators        accept decorators\n"
    "  --json              print the ESTree JSON (acorn-compatible) on stdout\n"
    "  --tolerant          recover from errors and report all of them; with --json\n"
    "                      the recovered tree is printed too\n"
    "  --color             color the diagnostics\n"
    "\n"
    "exit status: 0 no syntax error, 1 syntax errors, 2 usage or I/O error\n";

typedef struct ParseArgs {
    const char *file;
    int goal;  // -1: from the file name
    bool jsx, decorators, json, tolerant, color;
} ParseArgs;

static int usage_error(const char *fmt, const char *arg) {
    fputs("ochre parse: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\n\n", stderr);
    fputs(cli_parse_usage, stderr);
    return CLI_EXIT_USAGE;
}

// Returns -1 when the arguments are fine, else the exit status.
static int parse_args(int argc, char **argv, ParseArgs *a) {
    memset(a, 0, sizeof *a);
    a->goal = -1;
    bool options_done = false;
    for (int i = 1; i < argc; i++) {
        const char *s = argv[i];
        if (options_done || s[0] != '-' || strcmp(s, "-") == 0) {
            if (a->file) return usage_error("expected one file, got another: '%s'", s);
            a->file = s;
        } else if (strcmp(s, "--") == 0) {
            options_done = true;
        } else if (strcmp(s, "--script") == 0 || strcmp(s, "--module") == 0) {
            int goal = s[2] == 's' ? PS_GOAL_SCRIPT : PS_GOAL_MODULE;
            if (a->goal != -1 && a->goal != goal) return usage_error("%s", "--script and --module exclude each other");
            a->goal = goal;
        } else if (strcmp(s, "--jsx") == 0) {
            a->jsx = true;
        } else if (strcmp(s, "--decorators") == 0) {
            a->decorators = true;
        } else if (strcmp(s, "--json") == 0) {
            a->json = true;
        } else if (strcmp(s, "--tolerant") == 0) {
            a->tolerant = true;
        } else if (strcmp(s, "--color") == 0) {
            a->color = true;
        } else if (strcmp(s, "--help") == 0 || strcmp(s, "-h") == 0) {
            fputs(cli_parse_usage, stdout);
            return CLI_EXIT_OK;
        } else {
            return usage_error("unknown option '%s'", s);
        }
    }
    if (!a->file) return usage_error("%s", "no input file (use `-` for stdin)");
    return -1;
}

// --- output -------------------------------------------------------------------

// Writes the buffer to f in one call. False on a write error.
static bool write_all(FILE *f, const OchBuf *b) {
    if (b->len && fwrite(b->data, 1, b->len, f) != b->len) return false;
    return fflush(f) == 0;
}

static void summarize(OchBuf *err, const char *name, const OchDiag *const *diags, uint32_t n) {
    uint32_t errors = 0, warnings = 0;
    for (uint32_t i = 0; i < n; i++) {
        if (diags[i]->severity == OCH_SEV_ERROR) errors++;
        else if (diags[i]->severity == OCH_SEV_WARNING) warnings++;
    }
    och_buf_printf(err, "%s: ", name);
    if (!errors && !warnings) och_buf_puts(err, "ok");
    if (errors) och_buf_printf(err, "%u error%s", errors, errors == 1 ? "" : "s");
    if (warnings) och_buf_printf(err, "%s%u warning%s", errors ? ", " : "", warnings, warnings == 1 ? "" : "s");
    och_buf_putc(err, '\n');
}

static int by_position(const void *a, const void *b) {
    const OchDiag *x = *(const OchDiag *const *)a, *y = *(const OchDiag *const *)b;
    if (x->span.start != y->span.start) return x->span.start < y->span.start ? -1 : 1;
    return 0;
}

// Syntax errors and the analyzer's early errors, in source order. The
// analyzer runs when the parse is clean, or in tolerant mode on the
// recovered tree; in strict (engine) mode the first syntax error ends it.
static const OchDiag **collect_diagnostics(const PsParse *r, const AnResult *an, uint32_t *n) {
    uint32_t total = r->diags.v.len + (an ? an->diags.v.len : 0);
    const OchDiag **all = och_malloc(sizeof *all * (total ? total : 1));
    uint32_t k = 0;
    for (uint32_t i = 0; i < r->diags.v.len; i++) all[k++] = &r->diags.v.items[i];
    for (uint32_t i = 0; an && i < an->diags.v.len; i++) all[k++] = &an->diags.v.items[i];
    qsort(all, k, sizeof *all, by_position);
    *n = k;
    return all;
}

int cli_cmd_parse(int argc, char **argv) {
    ParseArgs a;
    int status = parse_args(argc, argv, &a);
    if (status >= 0) return status;

    bool from_stdin = strcmp(a.file, "-") == 0;
    const char *name = from_stdin ? "<stdin>" : a.file;
    PsOptions opts;
    ps_options_default(&opts);
    opts.jsx = a.jsx || (!from_stdin && chk_has_suffix(a.file, ".jsx"));
    opts.decorators = a.decorators;
    opts.tolerant = a.tolerant;
    if (a.goal >= 0) opts.goal = (PsGoal)a.goal;
    else if (from_stdin || chk_has_suffix(a.file, ".cjs")) opts.goal = PS_GOAL_SCRIPT;
    else if (chk_has_suffix(a.file, ".mjs")) opts.goal = PS_GOAL_MODULE;
    else if (chk_has_suffix(a.file, ".js") || chk_has_suffix(a.file, ".jsx")) opts.goal = chk_pkgtype_goal_of_file(a.file);
    else opts.goal = PS_GOAL_SCRIPT;

    char *src;
    size_t len;
    if (ps_source_read_file(from_stdin ? "/dev/stdin" : a.file, &src, &len) != OCH_OK) {
        fprintf(stderr, "ochre: cannot read '%s': %s\n", name, strerror(errno));
        return CLI_EXIT_USAGE;
    }

    PsParse *r = ps_parse(src, len, &opts);
    AnResult *an = NULL;
    if (a.tolerant || !ps_parse_has_errors(r)) {
        AnOptions an_opts;
        an_options_default(&an_opts);
        an = an_analyze(r, &an_opts);
    }
    bool errors = ps_parse_has_errors(r) || (an && an_result_has_errors(an));
    uint32_t ndiags;
    const OchDiag **diags = collect_diagnostics(r, an, &ndiags);
    OchBuf err = {0}, out = {0};
    if (ndiags) {
        OchLineIndex lines;
        och_line_index_init(&lines, r->src, r->len);
        // Strict mode reports the first error only, as the engine would throw it.
        uint32_t shown = a.tolerant ? ndiags : 1;
        for (uint32_t i = 0; i < shown; i++)
            ps_diag_render(diags[i], name, r->src, r->len, &lines, a.color, &err);
        och_line_index_free(&lines);
    }
    if (!a.json) summarize(&err, name, diags, a.tolerant || !ndiags ? ndiags : 1);
    else if (!errors || a.tolerant) {
        ps_estree_write(r, &out);
        och_buf_putc(&out, '\n');
    }

    status = errors ? CLI_EXIT_ERRORS : CLI_EXIT_OK;
    // Diagnostics first: if stdout is a pipe that closes early, they are out.
    write_all(stderr, &err);
    if (!write_all(stdout, &out)) {
        fprintf(stderr, "ochre: cannot write the output: %s\n", strerror(errno));
        status = CLI_EXIT_USAGE;
    }
    och_buf_free(&err);
    och_buf_free(&out);
    och_free(diags);
    an_result_free(an);
    ps_parse_free(r);
    och_free(src);
    return status;
}
