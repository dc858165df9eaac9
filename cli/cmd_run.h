// `ochre run` and `ochre eval`: run JavaScript with the engine.
#ifndef OCHRE_CLI_CMD_RUN_H
#define OCHRE_CLI_CMD_RUN_H

// `ochre run [options] FILE [args...]`; argv[0] is "run". Returns the exit
// status (0 ok, 1 uncaught exception or syntax error, 2 usage or I/O).
int cli_cmd_run(int argc, char **argv);
extern const char cli_run_usage[];

// `ochre eval [options] CODE`; argv[0] is "eval".
int cli_cmd_eval(int argc, char **argv);
extern const char cli_eval_usage[];

#endif
