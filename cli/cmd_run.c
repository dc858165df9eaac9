// `ochre run` / `ochre eval`: placeholder until the engine's VM lands (the
// VM helper owns this file).
#include <stdio.h>

#include "cli.h"
#include "cmd_run.h"

const char cli_run_usage[] = "usage: ochre run [--script|--module] FILE [args...]\n";
const char cli_eval_usage[] = "usage: ochre eval CODE\n";

int cli_cmd_run(int argc, char **argv) {
    (void)argc;
    (void)argv;
    fputs("ochre: 'run' is not available in this build yet\n", stderr);
    return CLI_EXIT_USAGE;
}

int cli_cmd_eval(int argc, char **argv) {
    (void)argc;
    (void)argv;
    fputs("ochre: 'eval' is not available in this build yet\n", stderr);
    return CLI_EXIT_USAGE;
}
