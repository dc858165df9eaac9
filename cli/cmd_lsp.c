// `ochre lsp`: wires the language server to stdin/stdout, and gives it the
// goal and the lint settings of each file the way `ochre check` decides
// them (the nearest ochre.json, else the nearest package.json `type` for
// the goal and the default rules for lint).
#include "cmd_lsp.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "check_config.h"
#include "check_pkgtype.h"
#include "cli.h"
#include "lsp.h"

const char cli_lsp_usage[] =
    "usage: ochre lsp [--stdio] [--trace FILE]\n"
    "\n"
    "Runs the language server (LSP 3.17) on stdin and stdout.\n"
    "\n"
    "options:\n"
    "  --stdio       accepted for editors that pass it; stdio is the only transport\n"
    "  --trace FILE  append one line per message received and sent to FILE\n"
    "  -h, --help    show this help\n"
    "\n"
    "exit status: 0 after the client's shutdown and exit, 1 when the input ends\n"
    "or `exit` comes without `shutdown`, 2 for a bad command line\n";

// LspGoalFn: fresh lookups each time (one per opened document), so edits to
// ochre.json or package.json apply to the next file opened.
static bool goal_for(void *ctx, const char *path, PsGoal *goal) {
    (void)ctx;
    char *dir = chk_path_dirname(path);
    char *abs = chk_path_absolute(dir, "/");
    bool known = false;
    ChkConfigFinder finder;
    chk_config_finder_init(&finder, NULL, "/");
    const ChkConfig *cfg = chk_config_for_dir(&finder, abs);
    if (cfg && cfg->source_type >= 0) {
        *goal = (PsGoal)cfg->source_type;
        known = true;
    }
    chk_config_finder_free(&finder);
    if (!known) {
        *goal = chk_pkgtype_goal_of_file(path);
        known = true;
    }
    och_free(abs);
    och_free(dir);
    return known;
}

// Lint settings (LspLintFn): the nearest ochre.json as `ochre check` reads
// it. The finder caches configurations per directory for the server's
// lifetime, so the options' pointers stay valid; a saved ochre.json resets
// it (LspLintResetFn).
typedef struct LintSettings {
    ChkConfigFinder finder;
    bool ready;
} LintSettings;

static void lint_for(void *ctx, const char *path, AnOptions *opts) {
    LintSettings *ls = ctx;
    if (!ls->ready) {
        chk_config_finder_init(&ls->finder, NULL, "/");
        ls->ready = true;
    }
    const ChkConfig *cfg = NULL;
    if (path) {
        char *dir = chk_path_dirname(path);
        char *abs = chk_path_absolute(dir, "/");
        cfg = chk_config_for_dir(&ls->finder, abs);
        och_free(abs);
        och_free(dir);
    }
    chk_config_analyzer_options(cfg, opts);
}

static void lint_reset(void *ctx) {
    LintSettings *ls = ctx;
    if (ls->ready) chk_config_finder_free(&ls->finder);
    ls->ready = false;
}

int ochre_cmd_lsp(int argc, char **argv) {
    FILE *trace = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--stdio") == 0) continue;
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            fputs(cli_lsp_usage, stdout);
            return CLI_EXIT_OK;
        }
        if (strcmp(argv[i], "--trace") == 0 && i + 1 < argc) {
            if (trace) fclose(trace);
            trace = fopen(argv[++i], "a");
            if (!trace) {
                fprintf(stderr, "ochre lsp: cannot open %s for the trace\n", argv[i]);
                return CLI_EXIT_USAGE;
            }
            continue;
        }
        fprintf(stderr, "ochre lsp: unknown option '%s'\n\n%s", argv[i], cli_lsp_usage);
        if (trace) fclose(trace);
        return CLI_EXIT_USAGE;
    }
    // A client that disappears must not kill the server mid-write: writes
    // then fail with EPIPE and the server ends at the end of its input.
    signal(SIGPIPE, SIG_IGN);
    LspServerOptions opts = {0};
    opts.in_fd = 0;
    opts.out_fd = 1;
    opts.trace = trace;
    opts.goal_fn = goal_for;
    opts.version = OCHRE_VERSION;
    LintSettings lint = {0};
    opts.lint_fn = lint_for;
    opts.lint_reset_fn = lint_reset;
    opts.lint_ctx = &lint;
    LspServer *server = lsp_server_new(&opts);
    int status = lsp_server_run(server);
    lsp_server_free(server);
    lint_reset(&lint);
    if (trace) fclose(trace);
    return status;
}
