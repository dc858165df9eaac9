// `ochre run` / `ochre eval`: run JavaScript with the engine. Thin wiring:
// read the file, pick the goal, set the limits, evaluate, drain the promise
// jobs, and report an uncaught exception or a syntax error.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analyzer.h"
#include "check_pkgtype.h"
#include "cli.h"
#include "cmd_run.h"
#include "engine.h"
#include "parser.h"

const char cli_run_usage[] =
    "usage: ochre run [--script|--module] [--print-bytecode] [--max-heap=MB]\n"
    "                 [--time-limit=MS] [--stack-size=N] [--gc-stress] [--test262]\n"
    "                 FILE [args...]\n";
const char cli_eval_usage[] =
    "usage: ochre eval [--print-bytecode] [--max-heap=MB] [--time-limit=MS] CODE\n";

typedef struct RunOpts {
    int goal;  // -1: from the file name and package.json
    bool print_bytecode, gc_stress, test262;
    bool classic_script;  // --script: a classic script (global scope), not a CommonJS module
    EnLimits limits;
    int host_argc;      // process.argv after the executable: the script and its arguments
    char **host_argv;
} RunOpts;

static bool has_suffix(const char *s, const char *suf) {
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && !strcmp(s + n - m, suf);
}

// Parses one option; returns 1 when consumed, 0 when not an option, -1 on
// a bad value.
static int parse_opt(const char *a, RunOpts *o) {
    if (!strcmp(a, "--script")) o->goal = EN_GOAL_SCRIPT, o->classic_script = true;
    else if (!strcmp(a, "--module")) o->goal = EN_GOAL_MODULE;
    else if (!strcmp(a, "--print-bytecode")) o->print_bytecode = true;
    else if (!strcmp(a, "--gc-stress")) o->limits.gc_stress = true;
    else if (!strcmp(a, "--test262")) o->test262 = true;
    else if (!strncmp(a, "--max-heap=", 11)) o->limits.max_heap_bytes = (size_t)strtoull(a + 11, NULL, 10) << 20;
    else if (!strncmp(a, "--time-limit=", 13)) o->limits.time_limit_ms = strtoull(a + 13, NULL, 10);
    else if (!strncmp(a, "--stack-size=", 13)) o->limits.max_stack_depth = (uint32_t)strtoul(a + 13, NULL, 10);
    else if (a[0] == '-' && a[1] == '-' && a[2]) return -1;
    else return 0;
    return 1;
}

static void print_to_stdio(void *ctx, const char *line, size_t len, bool is_error) {
    (void)ctx;
    FILE *f = is_error ? stderr : stdout;
    fwrite(line, 1, len, f);
    fputc('\n', f);
}

// Renders the syntax errors of src the way `ochre check` does.
static bool render_syntax_error(const char *name, const char *src, size_t len, int goal) {
    char *text = ps_source_dup(src, len);
    PsOptions po;
    ps_options_default(&po);
    po.goal = goal == EN_GOAL_MODULE ? PS_GOAL_MODULE : PS_GOAL_SCRIPT;
    PsParse *p = ps_parse(text, len, &po);
    AnOptions ao;
    an_options_default(&ao);
    AnResult *an = an_analyze(p, &ao);
    const OchDiagList *dl = ps_parse_has_errors(p) ? &p->diags : &an->diags;
    bool shown = false;
    OchLineIndex li;
    och_line_index_init(&li, text, (uint32_t)len);
    for (uint32_t i = 0; i < dl->v.len && !shown; i++) {
        if (dl->v.items[i].severity != OCH_SEV_ERROR) continue;
        OchBuf out = {0};
        ps_diag_render(&dl->v.items[i], name, text, (uint32_t)len, &li, isatty(2), &out);
        fputs(out.data ? out.data : "", stderr);
        och_buf_free(&out);
        shown = true;
    }
    och_line_index_free(&li);
    an_result_free(an);
    ps_parse_free(p);
    och_free(text);
    return shown;
}

static int run_source(const char *name, const char *src, size_t len, RunOpts *o, bool print_result) {
    EnRuntime *rt = en_runtime_new(&o->limits);
    EnContext *cx = en_context_new(rt);
    en_context_set_print(cx, print_to_stdio, NULL);
    // test262 runs with its own host ($262, print); programs get Node's
    // (timers, process...) and the event loop.
    if (o->test262) {
        en_context_install_test262(cx);
    } else {
        EnHostOptions ho = {.argc = o->host_argc, .argv = o->host_argv};
        if (!en_host_install(cx, &ho)) {
            fprintf(stderr, "ochre: cannot start the runtime\n");
            en_context_free(cx);
            en_runtime_free(rt);
            return CLI_EXIT_ERRORS;
        }
    }
    EnEvalOptions eo;
    en_eval_options_default(&eo);
    eo.filename = name;
    eo.goal = o->goal == EN_GOAL_MODULE ? EN_GOAL_MODULE : EN_GOAL_SCRIPT;
    eo.print_bytecode = o->print_bytecode;
    EnValue result = 0;
    // A program file in the script goal is a CommonJS module, as in node.
    bool cjs = !o->test262 && !print_result && eo.goal == EN_GOAL_SCRIPT && !o->classic_script &&
               !o->print_bytecode;
    EnStatus st = cjs ? en_host_run_main(cx, name, src, len) : en_eval(cx, src, len, &eo, &result);
    if (st == EN_STATUS_OK && print_result) {
        OchBuf b = {0};
        en_value_to_display(cx, result, &b);
        if (b.data && strcmp(b.data, "undefined")) printf("%s\n", b.data);
        och_buf_free(&b);
    }
    int exit_code = 0;
    if (st == EN_STATUS_OK) st = en_host_run(cx, &exit_code);
    if (st == EN_STATUS_TERMINATED && en_host_exiting(cx, &exit_code)) {
        en_exception_take(cx);  // process.exit(): not an error
        st = EN_STATUS_OK;
    }
    int rc = exit_code;
    // A module graph's evaluation promise: a rejection (after the loop ran)
    // is an uncaught exception; a top-level await that never settled ends
    // the run like node does (exit status 13).
    if (st == EN_STATUS_OK && eo.goal == EN_GOAL_MODULE && !cjs) {
        EnModuleState ms = en_module_main_state(cx);
        if (ms == EN_MODULE_REJECTED) st = EN_STATUS_EXCEPTION;
        else if (ms == EN_MODULE_PENDING) {
            fflush(stdout);
            fprintf(stderr, "Warning: Detected unsettled top-level await in %s\n", name);
            rc = 13;
        }
    }
    if (st == EN_STATUS_SYNTAX_ERROR && render_syntax_error(name, src, len, eo.goal)) {
        en_exception_take(cx);
        rc = CLI_EXIT_ERRORS;
    } else if (st != EN_STATUS_OK) {
        EnValue exc = en_exception_take(cx);
        OchBuf b = {0};
        en_exception_report(cx, exc, &b);
        fflush(stdout);
        fprintf(stderr, "%s\n", b.data ? b.data : "Uncaught exception");
        och_buf_free(&b);
        rc = CLI_EXIT_ERRORS;
    }
    fflush(stdout);
    en_host_free(cx);
    en_context_free(cx);
    en_runtime_free(rt);
    return rc;
}

static void opts_init(RunOpts *o) {
    memset(o, 0, sizeof *o);
    o->goal = -1;
    en_limits_default(&o->limits);
}

int cli_cmd_run(int argc, char **argv) {
    RunOpts o;
    opts_init(&o);
    int i = 1;
    for (; i < argc; i++) {
        int r = parse_opt(argv[i], &o);
        if (r < 0) {
            fprintf(stderr, "ochre run: unknown option '%s'\n%s", argv[i], cli_run_usage);
            return CLI_EXIT_USAGE;
        }
        if (r == 0) break;
    }
    if (i >= argc) {
        fputs(cli_run_usage, stderr);
        return CLI_EXIT_USAGE;
    }
    const char *path = argv[i];
    char *src;
    size_t len;
    if (ps_source_read_file(path, &src, &len) != OCH_OK) {
        fprintf(stderr, "ochre run: cannot read '%s'\n", path);
        return CLI_EXIT_USAGE;
    }
    if (o.goal < 0) {
        if (has_suffix(path, ".mjs")) o.goal = EN_GOAL_MODULE;
        else if (has_suffix(path, ".cjs")) o.goal = EN_GOAL_SCRIPT;
        else o.goal = chk_pkgtype_goal_of_file(path) == PS_GOAL_MODULE ? EN_GOAL_MODULE
                                                                        : EN_GOAL_SCRIPT;
    }
    o.host_argc = argc - i;
    o.host_argv = argv + i;
    int rc = run_source(path, src, len, &o, false);
    och_free(src);
    return rc;
}

int cli_cmd_eval(int argc, char **argv) {
    RunOpts o;
    opts_init(&o);
    int i = 1;
    for (; i < argc; i++) {
        int r = parse_opt(argv[i], &o);
        if (r < 0) {
            fprintf(stderr, "ochre eval: unknown option '%s'\n%s", argv[i], cli_eval_usage);
            return CLI_EXIT_USAGE;
        }
        if (r == 0) break;
    }
    if (i >= argc) {
        fputs(cli_eval_usage, stderr);
        return CLI_EXIT_USAGE;
    }
    o.goal = EN_GOAL_SCRIPT;
    return run_source("[eval]", argv[i], strlen(argv[i]), &o, true);
}
