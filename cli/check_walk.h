// Which files `ochre check` looks at, and how: the plan.
//
// Paths on the command line are walked (directories) or taken as they are
// (files). A walk
// - keeps files ending in .js .mjs .cjs .jsx;
// - never enters node_modules or .git, nor symbolic links to directories
//   (no cycles);
// - honours .gitignore files: those inside the walked tree apply to their
//   subtree, and when the tree is inside a git work tree, those of the
//   directories above it up to the repository root and .git/info/exclude
//   too (deeper files take precedence, as in git);
// - honours the `ignore` patterns of the configuration of each directory.
// Files named on the command line are checked whatever their extension and
// .gitignore say, but a configuration's `ignore` still skips them (with a
// note on stderr), so that pre-commit hooks can pass every staged file.
//
// Each job gets its configuration (check_config.h), goal (`.mjs` module,
// `.cjs` script, `.js`/`.jsx` and stdin: the configuration's sourceType,
// else the nearest package.json "type") and JSX setting (`.jsx`, or
// `"jsx": true`). Jobs are sorted by path and duplicates dropped, so the
// output order does not depend on the walk or on the command line order.
#ifndef OCHRE_CLI_CHECK_WALK_H
#define OCHRE_CLI_CHECK_WALK_H

#include "check_config.h"
#include "check_file.h"
#include "check_pkgtype.h"

typedef struct ChkPlan {
    OCH_VEC(ChkJob) jobs;
    ChkConfigFinder *configs;  // borrowed
    ChkPkgTypes pkgtypes;
    char *cwd;                 // absolute working directory (owned)
    OchBuf notes;              // messages for stderr (skipped files, missing paths)
    bool bad_path;             // a path on the command line does not exist (exit 2)
} ChkPlan;

// configs is borrowed and must outlive the plan; cwd is copied.
void chk_plan_init(ChkPlan *self, ChkConfigFinder *configs, const char *cwd);
// Frees the jobs (paths, messages), caches and notes.
void chk_plan_free(ChkPlan *self);

// Adds a command-line path: walks a directory, takes a file. A path that
// cannot be accessed gets a note and sets bad_path.
void chk_plan_add_path(ChkPlan *self, const char *arg);

// Adds standard input, checked as if it were the file `filename` (for the
// configuration, the goal and JSX; NULL: "<stdin>" in the working
// directory).
void chk_plan_add_stdin(ChkPlan *self, const char *filename);

// Sorts the jobs by path and drops duplicates. O(n log n).
void chk_plan_finish(ChkPlan *self);

// For --fix: drops the jobs that reach a file an earlier job (in path
// order) already reaches through another name (symbolic links), with a
// note, so that each file is fixed once and two threads never replace the
// same file. Files that cannot be examined stay (reading them reports the
// problem). One stat per job.
void chk_plan_drop_aliases(ChkPlan *self);

// True for the extensions a walk keeps.
bool chk_is_js_name(const char *name);

#endif
