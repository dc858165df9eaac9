// The gitignore pattern language, for `.gitignore` files and the `ignore`
// globs of ochre.json (gitignore(5)):
//
// - blank lines and lines starting with `#` are skipped; `\#` and `\!`
//   start a pattern with a literal `#` or `!`; trailing spaces are dropped
//   unless escaped with a backslash; CR before LF is dropped;
// - `!pattern` re-includes what an earlier pattern excluded (the last
//   matching pattern of a list decides);
// - a trailing `/` makes a pattern match directories only;
// - a pattern with a `/` at the start or in the middle is anchored: it
//   matches the path relative to the list's base directory; otherwise it
//   matches the last component (the name) at any depth;
// - `*` matches anything but `/`, `?` one character other than `/`,
//   `[a-z]`, `[!...]`/`[^...]` and `[[:alpha:]]`-style classes one
//   character; `\x` is a literal x;
// - `**/` at the start matches in all directories, `/**` at the end matches
//   everything inside, `/**/` zero or more directories; other `**` act as
//   `*`.
//
// Matching works on bytes (UTF-8 is not decoded) and is case-sensitive, as
// git's default on Linux.
#ifndef OCHRE_CLI_CHECK_GITIGNORE_H
#define OCHRE_CLI_CHECK_GITIGNORE_H

#include "base.h"

#define CHK_IGN_NEGATE 0x1u    // `!pattern`
#define CHK_IGN_DIR_ONLY 0x2u  // `pattern/`
#define CHK_IGN_ANCHORED 0x4u  // matches the whole relative path, not just the name

typedef struct ChkIgnorePattern {
    char *glob;      // the pattern without `!`, leading `/` and trailing `/`; owned
    uint32_t flags;  // CHK_IGN_*
} ChkIgnorePattern;

// An ordered list of patterns relative to one base directory.
typedef struct ChkIgnoreList {
    OCH_VEC(ChkIgnorePattern) v;
} ChkIgnoreList;

typedef enum ChkIgnoreVerdict {
    CHK_IGNORE_NONE,     // no pattern matched
    CHK_IGNORE_EXCLUDE,  // the last matching pattern excludes the path
    CHK_IGNORE_INCLUDE,  // the last matching pattern is a negation (re-included)
} ChkIgnoreVerdict;

// An empty list; chk_ignore_free frees its patterns.
void chk_ignore_init(ChkIgnoreList *self);
void chk_ignore_free(ChkIgnoreList *self);

// Adds one line of a gitignore file (n bytes, no line terminator needed).
// Comments and blank lines add nothing. Returns true when a pattern was
// added.
bool chk_ignore_add_line(ChkIgnoreList *self, const char *line, size_t n);
// Adds every line of a gitignore file's text.
void chk_ignore_add_text(ChkIgnoreList *self, const char *text, size_t n);

// Verdict of the list for relpath (relative to the list's base, components
// separated by `/`, no leading `./` or `/`), a directory when is_dir. Only
// the path itself is tested, not its parent directories: a directory walk
// tests each directory before entering it. O(patterns * match cost).
ChkIgnoreVerdict chk_ignore_match(const ChkIgnoreList *self, const char *relpath, bool is_dir);

// True when relpath or one of its parent directories is excluded: the test
// for a path that did not come from a walk (a file named on the command
// line). A file inside an excluded directory stays excluded even when a
// negation names it, as in git.
bool chk_ignore_path_excluded(const ChkIgnoreList *self, const char *relpath, bool is_dir);

// Glob match of one pattern against a whole path with the rules above (`*`
// stops at `/`, `**` spans directories). Exposed for tests.
bool chk_wildmatch(const char *glob, const char *path);

#endif
