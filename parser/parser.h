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
    // Incremental re-parse state (parser/incremental.c); see ps_reparse.
    PsOptions opts;            // the options of the parse, reused by ps_reparse
    size_t arena_base;         // arena bytes after the last full parse (garbage policy)
    struct PsIncrPending *pending;  // position shifts not yet applied (NULL: settled)
    struct PsReparseInfo {
        bool full;                 // the last ps_reparse fell back to a full parse
        uint32_t start, old_end, new_end;  // re-parsed byte range (old / new text)
        uint32_t attempts;         // regions tried before one could be re-parsed alone
    } last_reparse;
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

// ---------------------------------------------------------------------------
// Incremental re-parse (parser/incremental.c, docs/adr/0004).

// One text edit: bytes [start, old_end) of the text before the edit became
// [start, new_end) of the text after it. A list of edits is applied in
// order, each in the coordinates of the text the previous ones produced
// (as LSP incremental sync sends them).
typedef struct PsEdit {
    uint32_t start, old_end, new_end;
} PsEdit;

// Re-parses after edits. `old` is consumed (do not use or free it after
// the call); src[0..len) is the full new text, NUL-padded like ps_parse's.
// Returns a parse whose tree and diagnostics equal ps_parse(src, len,
// &old->opts) (ESTree JSON, diagnostics with codes, spans, messages and
// related spans). Only the smallest enclosing region that can be re-parsed
// alone is re-lexed and re-parsed (a run of statements of a function body
// or of the top level, see the ADR); the rest of the tree is reused in
// place. Falls back to a full parse when no region qualifies (strict-mode
// parses, the directive prologue of the program, brackets that no longer
// balance up to the top level, edits that do not fit the old text...).
//
// Positions: the nodes after the re-parsed region, their ancestors, and the
// strings of reused nodes (which point into the old text) are fixed lazily:
// the old text must stay alive and unchanged until ps_parse_settle(result)
// (or ps_parse_free). Reading the tree's positions or strings directly
// requires a settled parse; ps_estree_write and ps_reparse settle first.
// Cost per call: the re-parsed statements, plus the path from the root to
// them with a binary search in each statement list on it, plus copying the
// list's item pointers when the statement count changes; independent of the
// file size for a local edit. Settling is one walk of the tree.
// last_reparse tells what was re-parsed (or that a full parse was made).
PsParse *ps_reparse(PsParse *old, const char *src, size_t len, const PsEdit *edits, size_t nedits);

// Applies the position shifts and string moves a ps_reparse left pending
// (one walk of the tree), after which the old text is no longer needed.
// No-op on a settled parse.
void ps_parse_settle(PsParse *self);

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
// reports them for the same text). Appends to out. Settles a parse that
// ps_reparse left with pending shifts (see ps_parse_settle).
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
