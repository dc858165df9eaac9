// `ochre repl`: the interactive shell.
#ifndef OCHRE_CLI_CMD_REPL_H
#define OCHRE_CLI_CMD_REPL_H

int cli_cmd_repl(int argc, char **argv);
extern const char cli_repl_usage[];

#endif
