// Environment data for the lint rules (globals_data.c): the global names of
// each environment as a space-separated string (`name` read-only,
// `name:w` writable).
#ifndef OCHRE_ANALYZER_LINT_GLOBALS_H
#define OCHRE_ANALYZER_LINT_GLOBALS_H

#include <stdint.h>

typedef struct AnEnvData {
    const char *name;   // "browser"
    const char *names;  // "window self:w document ..."
} AnEnvData;

// The environment with this name, or NULL.
const AnEnvData *an_env_data(const char *name, uint32_t len);
// Names another environment brings along (shared Web/Node names), or NULL.
const char *an_env_shared(const char *name, uint32_t len);
// The ECMAScript builtins (always defined).
const char *an_env_builtin(void);

#endif
