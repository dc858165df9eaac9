// `ochre repl` (and `ochre` alone on a terminal): an interactive shell on
// one engine context with the Node-style host. Input continues over
// several lines while the parser says it is incomplete (an error at the end
// of the text); results print as console.log prints values (inspected);
// `_` holds the last result and `_error` the last exception; `.help`,
// `.exit`, `.break`, `.load FILE`, `.save FILE`; history in
// ~/.ochre_repl_history; Tab completes globals and properties of a dotted
// name; Ctrl-C stops running code and clears the current input, Ctrl-D
// leaves. Line editing is libedit's (BSD licensed; readline-compatible API).
#include "cmd_repl.h"

#include <editline/readline.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "engine.h"
#include "parser.h"

const char cli_repl_usage[] =
    "usage: ochre repl\n"
    "\n"
    "Interactive JavaScript shell. Type .help for its commands.\n";

static EnRuntime *repl_rt;
static EnContext *repl_cx;
static volatile sig_atomic_t evaluating;

static void on_sigint(int sig) {
    (void)sig;
    if (evaluating && repl_rt) en_runtime_interrupt(repl_rt);
}

static void print_to_stdio(void *ctx, const char *line, size_t len, bool is_error) {
    (void)ctx;
    FILE *f = is_error ? stderr : stdout;
    fwrite(line, 1, len, f);
    fputc('\n', f);
}

// Whether the text stops in the middle of a construct: the parser's first
// error is at its end (an unclosed bracket, template, a binary operator...).
static bool incomplete(const char *text, size_t len) {
    size_t end = len;
    while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\n' || text[end - 1] == '\t')) end--;
    if (end == 0) return false;
    PsOptions po;
    ps_options_default(&po);
    po.tolerant = true;
    PsParse *p = ps_parse(text, len, &po);
    bool inc = false;
    for (uint32_t i = 0; i < p->diags.v.len && !inc; i++)
        if (p->diags.v.items[i].span.start >= end) inc = true;
    ps_parse_free(p);
    return inc;
}

// Reports a failed evaluation (the exception goes to `_error`);
// process.exit() leaves.
static void report(EnStatus st) {
    if (st != EN_STATUS_OK) {
        int code;
        if (st == EN_STATUS_TERMINATED && en_host_exiting(repl_cx, &code)) {
            fflush(stdout);
            exit(code);
        }
        EnValue exc = en_exception_take(repl_cx);
        OchBuf b = {0};
        en_exception_report(repl_cx, exc, &b);
        fflush(stdout);
        fprintf(stderr, "%s\n", b.data ? b.data : "Uncaught exception");
        och_buf_free(&b);
        en_host_repl_set(repl_cx, "_error", exc);
    }
    fflush(stdout);
}

// Evaluates one complete input; prints its value or its exception.
static void evaluate(const char *text, size_t len, uint32_t n) {
    char name[32];
    snprintf(name, sizeof name, "REPL%u", n);
    EnEvalOptions o;
    en_eval_options_default(&o);
    o.filename = name;
    EnValue result = 0;
    evaluating = 1;
    EnStatus st = en_eval(repl_cx, text, len, &o, &result);
    if (st == EN_STATUS_OK) en_host_repl_print(repl_cx, result, "_");
    if (st == EN_STATUS_OK) st = en_host_run_pending(repl_cx);
    evaluating = 0;
    report(st);
}

// --- completion ---------------------------------------------------------------

static char **candidates;
static size_t ncandidates;

static char *next_candidate(const char *prefix, int state) {
    static size_t i;
    (void)prefix;
    if (state == 0) i = 0;
    return i < ncandidates ? strdup(candidates[i++]) : NULL;
}

static char **complete(const char *word, int start, int end) {
    (void)start, (void)end;
    for (size_t i = 0; i < ncandidates; i++) free(candidates[i]);
    free(candidates);
    candidates = NULL;
    ncandidates = 0;
    // The dotted name before the cursor: complete its last part.
    const char *line = rl_line_buffer;
    int s = start;
    while (s > 0 && (line[s - 1] == '.' || line[s - 1] == '_' || line[s - 1] == '$' ||
                     (line[s - 1] >= 'a' && line[s - 1] <= 'z') || (line[s - 1] >= 'A' && line[s - 1] <= 'Z') ||
                     (line[s - 1] >= '0' && line[s - 1] <= '9')))
        s--;
    OchBuf path = {0};
    och_buf_append(&path, line + s, (size_t)(start - s));
    och_buf_putc(&path, 0);
    char **names = NULL;
    size_t n = en_host_repl_complete(repl_cx, path.data, word, &names);
    och_buf_free(&path);
    candidates = names;
    ncandidates = n;
    rl_attempted_completion_over = 1;
    return rl_completion_matches(word, next_candidate);
}

// --- the loop -------------------------------------------------------------------

static const char *history_path(OchBuf *b) {
    const char *home = getenv("HOME");
    if (!home) return NULL;
    och_buf_printf(b, "%s/.ochre_repl_history", home);
    return b->data;
}

static bool dot_command(const char *line, OchBuf *session, bool *quit) {
    if (line[0] != '.') return false;
    if (!strcmp(line, ".exit")) {
        *quit = true;
    } else if (!strcmp(line, ".help")) {
        puts(".break    leave a multi-line input\n"
             ".exit     leave the REPL (Ctrl-D too)\n"
             ".help     this list\n"
             ".load F   run file F in this session\n"
             ".save F   save the inputs of this session to file F\n"
             "Ctrl-C stops running code; Tab completes names.");
    } else if (!strncmp(line, ".load ", 6)) {
        char *text;
        size_t len;
        if (ps_source_read_file(line + 6, &text, &len) != OCH_OK) {
            fprintf(stderr, "cannot read %s\n", line + 6);
        } else {
            evaluate(text, len, 0);
            och_free(text);
        }
    } else if (!strncmp(line, ".save ", 6)) {
        FILE *f = fopen(line + 6, "w");
        if (!f || (session->len && fwrite(session->data, 1, session->len, f) != session->len) || fclose(f) != 0)
            fprintf(stderr, "cannot write %s\n", line + 6);
        else
            printf("Session saved to: %s\n", line + 6);
    } else if (!strcmp(line, ".break") || !strcmp(line, ".clear")) {
        // handled by the caller (drops the pending input)
    } else {
        return false;
    }
    return true;
}

int cli_cmd_repl(int argc, char **argv) {
    (void)argv;
    if (argc > 1) {
        fputs(cli_repl_usage, stderr);
        return CLI_EXIT_USAGE;
    }
    repl_rt = en_runtime_new(NULL);
    repl_cx = en_context_new(repl_rt);
    en_context_set_print(repl_cx, print_to_stdio, NULL);
    char *hargv[1] = {"[repl]"};
    EnHostOptions ho = {.argc = 0, .argv = hargv};
    if (!en_host_install(repl_cx, &ho)) {
        fprintf(stderr, "ochre repl: cannot start the runtime\n");
        return CLI_EXIT_ERRORS;
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sigaction(SIGINT, &sa, NULL);
    OchBuf hist = {0};
    const char *hp = history_path(&hist);
    using_history();
    stifle_history(1000);
    if (hp) read_history(hp);
    rl_attempted_completion_function = complete;
    printf("Welcome to ochre %s.\nType \".help\" for more information.\n", OCHRE_VERSION);
    OchBuf input = {0}, session = {0};
    uint32_t n = 0;
    bool quit = false;
    while (!quit) {
        // Callbacks that became ready meanwhile run before the next prompt.
        evaluating = 1;
        EnStatus pst = en_host_run_pending(repl_cx);
        evaluating = 0;
        if (pst != EN_STATUS_OK) report(pst);
        char *line = readline(input.len ? "... " : "> ");
        if (!line) break;  // Ctrl-D
        if (!input.len && dot_command(line, &session, &quit)) {
            free(line);
            continue;
        }
        if (!strcmp(line, ".break")) {
            input.len = 0;
            free(line);
            continue;
        }
        if (*line) add_history(line);
        och_buf_puts(&input, line);
        och_buf_putc(&input, '\n');
        free(line);
        if (incomplete(input.data, input.len)) continue;
        och_buf_append(&session, input.data, input.len);
        evaluate(input.data, input.len, ++n);
        input.len = 0;
    }
    if (hp) write_history(hp);
    och_buf_free(&hist);
    och_buf_free(&input);
    och_buf_free(&session);
    for (size_t i = 0; i < ncandidates; i++) free(candidates[i]);
    free(candidates);
    en_host_free(repl_cx);
    en_context_free(repl_cx);
    en_runtime_free(repl_rt);
    return CLI_EXIT_OK;
}
