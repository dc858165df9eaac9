// `ochre test`: runs node:test test files, each in a fresh engine.
#ifndef OCHRE_CLI_CMD_TEST_H
#define OCHRE_CLI_CMD_TEST_H

// `ochre test [options] [PATH|FILE:LINE...]`; argv[0] is "test". Returns
// 0 when every test passed, 1 when one failed, 2 for usage errors.
int cli_cmd_test(int argc, char **argv);
extern const char cli_test_usage[];

#endif
