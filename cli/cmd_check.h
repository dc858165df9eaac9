// `ochre check`: syntax errors, early errors and lint findings for CI and
// pre-commit hooks, over files and directory trees, in parallel.
#ifndef OCHRE_CLI_CMD_CHECK_H
#define OCHRE_CLI_CMD_CHECK_H

// `ochre check [options] [PATH...]`; argv[0] is "check". Returns the exit
// status: 0 no error (and warnings within --max-warnings), 1 error-severity
// findings or too many warnings, 2 usage, configuration or I/O error.
int ochre_cmd_check(int argc, char **argv);

// Usage of `ochre check`, for `ochre help check` and errors.
extern const char cli_check_usage[];

#endif
