// The goal of `.js`/`.jsx` files as Node decides it: the `"type"` of the
// nearest package.json above the file ("module" makes modules; anything
// else, or no package.json, scripts). The search stops at a node_modules
// directory, as Node's package scope lookup does. One lookup per directory,
// cached. Shared by `ochre check` (one cache for the whole walk), `ochre
// parse` and `ochre lsp` (one lookup per file).
#ifndef OCHRE_CLI_CHECK_PKGTYPE_H
#define OCHRE_CLI_CHECK_PKGTYPE_H

#include "check_util.h"
#include "parser.h"

typedef struct ChkPkgTypes {
    ChkMap dirs;  // absolute directory -> (void *)(uintptr_t)(goal + 1)
} ChkPkgTypes;

// An empty cache; chk_pkgtypes_free frees it.
void chk_pkgtypes_init(ChkPkgTypes *self);
void chk_pkgtypes_free(ChkPkgTypes *self);

// Goal of a `.js` file in the absolute, normalized directory abs_dir. An
// unreadable or invalid package.json counts as one without "type" (script),
// as it still ends the search. Not thread-safe.
PsGoal chk_pkgtypes_goal(ChkPkgTypes *self, const char *abs_dir);

// The goal of a `.js`/`.jsx` file at path (relative to the working
// directory, or absolute) by the same rule, without a cache to keep: for
// commands that look up one file (`ochre parse`, the language server).
PsGoal chk_pkgtype_goal_of_file(const char *path);

#endif
