// Public API of the ochre parser: one parser for the engine (strict mode:
// the first error is a SyntaxError) and for the editor and CI (tolerant mode:
// recover, report every error, always return a tree).
#ifndef OCHRE_PARSER_PARSER_H
#define OCHRE_PARSER_PARSER_H

#include "ast.h"
#include "base.h"

typedef enum PsGoal {
    PS_GOAL_SCRIPT,
    PS_GOAL_MODULE,
} PsGoal;

typedef struct PsOptions {
    PsGoal goal;
    bool tolerant;     // recover and report every error (editor, CI)
    bool jsx;          // JSX syntax (.jsx files, --jsx)
    bool decorators;   // stage-3 decorators syntax
    bool annex_b;      // Annex B syntax in scripts (HTML comments, legacy octal...); default true
    bool strict;       // start in strict mode (e.g. test262 onlyStrict, or eval in strict code)
} PsOptions;

// Fills defaults: script goal, strict-mode parsing off, annex_b on.
void ps_options_default(PsOptions *opts);

typedef struct PsParse {
    PsNode *root;          // PROGRAM; never NULL (in strict mode, possibly partial)
    OchDiagList diags;     // syntax errors (strict mode: at most one), in source order
    bool incomplete;       // input ends inside an unclosed construct (REPL: read more)
    OchArena arena;        // owns the tree, decoded strings and diagnostic messages
    const char *src;       // borrowed source (see ps_parse)
    uint32_t len;
    uint32_t node_count;   // number of nodes allocated (statistics)
} PsParse;

// Parses src[0..len). The source must stay alive and unchanged while the
// result is used, and must be followed by at least PS_SOURCE_PADDING NUL
// bytes (src[len..len+PADDING)) so the lexer can read ahead without bounds
// checks; NUL bytes inside the source are fine. Invalid UTF-8 is a
// diagnostic. Never fails: returns a result to free with ps_parse_free.
// Sources of 4 GiB or more are rejected with a diagnostic and an empty tree.
// Linear time in the input size.
#define PS_SOURCE_PADDING 16
PsParse *ps_parse(const char *src, size_t len, const PsOptions *opts);
void ps_parse_free(PsParse *self);

// True when the parse has at least one error-severity diagnostic.
bool ps_parse_has_errors(const PsParse *self);

// Copies text into a new NUL-padded buffer suitable for ps_parse (free with
// och_free).
char *ps_source_dup(const char *text, size_t len);

// Reads a whole file into a NUL-padded buffer. Returns OCH_OK or OCH_ERR_IO
// (errno preserved).
OchStatus ps_source_read_file(const char *path, char **out, size_t *len) OCH_MUST_CHECK;

// ---------------------------------------------------------------------------
// ESTree JSON (acorn-compatible: `start`/`end` as UTF-16 offsets, as acorn
// reports them for the same text). Appends to out.
void ps_estree_write(const PsParse *parse, OchBuf *out);

// Compiler-style rendering of diagnostics:
// `file:line:col: error[E0012]: message`, the source line and a caret
// underline (columns in code points, tabs expanded), related locations as
// notes. color adds ANSI colors.
void ps_diag_render(const OchDiag *d, const char *filename, const char *src, uint32_t len,
                    const OchLineIndex *lines, bool color, OchBuf *out);

// ---------------------------------------------------------------------------
// Regular expression patterns (shared with the engine's regexp compiler).
// Validates `pattern` (the text between the slashes, WTF-8) with `flags`;
// reports problems into diags with spans offset by base (the byte offset of
// the pattern in the file). Returns true when the pattern is valid.
bool ps_regexp_validate(const char *pattern, uint32_t len, const char *flags, uint32_t flags_len,
                        uint32_t base, OchDiagList *diags);

#endif
