// `ochre lsp`: the language server on stdin/stdout (lsp/lsp.h).
#ifndef OCHRE_CLI_CMD_LSP_H
#define OCHRE_CLI_CMD_LSP_H

// `ochre lsp [--stdio] [--trace FILE]`; argv[0] is "lsp". Serves until the
// client's `exit` notification or the end of the input and returns the exit
// status the protocol asks for: 0 after `shutdown`, 1 without; 2 for a bad
// command line.
int ochre_cmd_lsp(int argc, char **argv);

// Usage of `ochre lsp`, for `ochre help lsp` and errors.
extern const char cli_lsp_usage[];

#endif
