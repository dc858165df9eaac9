// The `ochre` binary: dispatches `ochre COMMAND ...` to the subcommand.
// Commands that later components provide (lsp, run, test, repl) are listed
// already; until they land they say so and exit with status 2.
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "cmd_check.h"
#include "cmd_lsp.h"
#include "cmd_repl.h"
#include "cmd_run.h"
#include "cmd_test.h"

typedef struct Command {
    const char *name;
    const char *summary;
    int (*run)(int argc, char **argv);  // NULL: not in this build yet
    const char *usage;                  // for `ochre help NAME`, may be NULL
} Command;

static const Command commands[] = {
    {"parse", "check syntax, or print the ESTree JSON of a file", cli_cmd_parse, cli_parse_usage},
    {"check", "find syntax errors, early errors and lint problems in files", ochre_cmd_check, cli_check_usage},
    {"run", "run a JavaScript file", cli_cmd_run, cli_run_usage},
    {"eval", "evaluate JavaScript code given on the command line", cli_cmd_eval, cli_eval_usage},
    {"test", "run tests written with node:test", cli_cmd_test, cli_test_usage},
    {"repl", "interactive JavaScript shell", cli_cmd_repl, cli_repl_usage},
    {"lsp", "language server on stdin/stdout", ochre_cmd_lsp, cli_lsp_usage},
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

static void print_usage(FILE *f) {
    fputs("usage: ochre COMMAND [ARGS...]\n"
          "\n"
          "commands:\n",
          f);
    for (size_t i = 0; i < NCOMMANDS; i++)
        fprintf(f, "  %-7s %s%s\n", commands[i].name, commands[i].summary,
                commands[i].run ? "" : " (not available yet)");
    fputs("  help    show this help, or `ochre help COMMAND` for a command\n"
          "\n"
          "options:\n"
          "  -h, --help     show this help\n"
          "  -V, --version  print the version\n"
          "\n"
          "exit status: 0 no errors, 1 errors in the input, 2 usage or I/O error\n",
          f);
}

static const Command *find_command(const char *name) {
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (strcmp(commands[i].name, name) == 0) return &commands[i];
    return NULL;
}

static int not_available(const Command *cmd) {
    fprintf(stderr, "ochre: '%s' is not available in this build yet\n", cmd->name);
    return CLI_EXIT_USAGE;
}

static int cmd_help(int argc, char **argv) {
    if (argc < 2) {
        print_usage(stdout);
        return CLI_EXIT_OK;
    }
    const Command *cmd = find_command(argv[1]);
    if (!cmd) {
        fprintf(stderr, "ochre: unknown command '%s'\n\n", argv[1]);
        print_usage(stderr);
        return CLI_EXIT_USAGE;
    }
    if (!cmd->run) return not_available(cmd);
    fputs(cmd->usage, stdout);
    return CLI_EXIT_OK;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        // `ochre` alone: the REPL on a terminal, like node.
        if (isatty(0) && isatty(1)) return cli_cmd_repl(1, argv);
        print_usage(stderr);
        return CLI_EXIT_USAGE;
    }
    const char *name = argv[1];
    if (strcmp(name, "--version") == 0 || strcmp(name, "-V") == 0 || strcmp(name, "version") == 0) {
        printf("ochre %s\n", OCHRE_VERSION);
        return CLI_EXIT_OK;
    }
    if (strcmp(name, "help") == 0) return cmd_help(argc - 1, argv + 1);
    if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
        print_usage(stdout);
        return CLI_EXIT_OK;
    }
    const Command *cmd = find_command(name);
    if (!cmd) {
        fprintf(stderr, "ochre: unknown command '%s'\n\n", name);
        print_usage(stderr);
        return CLI_EXIT_USAGE;
    }
    if (!cmd->run) return not_available(cmd);
    return cmd->run(argc - 1, argv + 1);
}
