// Internal interface of the `ochre` binary: one function per subcommand.
// The CLI only wires components together; it holds no language logic.
#ifndef OCHRE_CLI_CLI_H
#define OCHRE_CLI_CLI_H

#define OCHRE_VERSION "0.1.0-dev"

// Exit statuses shared by every subcommand.
#define CLI_EXIT_OK 0     // no error in the input
#define CLI_EXIT_ERRORS 1 // the input has errors (syntax errors, failed checks)
#define CLI_EXIT_USAGE 2  // bad command line, or an I/O error

// `ochre parse [options] FILE|-`; argv[0] is "parse". Returns the exit
// status.
int cli_cmd_parse(int argc, char **argv);

// Usage of `ochre parse`, for `ochre help parse` and errors.
extern const char cli_parse_usage[];

#endif
