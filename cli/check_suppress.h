// Inline suppressions of lint findings, read from the comments of a file:
//
//   // ochre-ignore-next-line [rule ...]     the next line (all rules, or the
//                                           listed rule ids or W codes)
//   // ochre-ignore-file [rule ...]          the whole file
//   /* eslint-disable [rule, ...] */         from here on (block comments only,
//   /* eslint-enable [rule, ...] */          as in ESLint) / until here
//   // eslint-disable-line [rule, ...]       this line
//   // eslint-disable-next-line [rule, ...]  the next line
//
// A `-- text` after the rules is a description and ignored. ESLint rule
// ids that ochre does not implement simply never match a finding. Only
// lint findings (those with a rule id) can be suppressed: syntax errors
// and early errors never are.
#ifndef OCHRE_CLI_CHECK_SUPPRESS_H
#define OCHRE_CLI_CHECK_SUPPRESS_H

#include "parser.h"

typedef enum ChkDirectiveKind {
    CHK_DIR_DISABLE,  // eslint-disable: a region starts at offset
    CHK_DIR_ENABLE,   // eslint-enable: a region ends at offset
    CHK_DIR_LINE,     // one line (eslint-disable-line, -next-line, ochre-ignore-next-line)
    CHK_DIR_FILE,     // ochre-ignore-file
} ChkDirectiveKind;

typedef struct ChkDirective {
    ChkDirectiveKind kind;
    uint32_t offset;  // byte offset of the comment
    uint32_t line;    // CHK_DIR_LINE: the 0-based line it covers
    char **rules;     // rule ids or codes (arena); NULL: every rule
    uint32_t nrules;
} ChkDirective;

typedef struct ChkSuppressions {
    OCH_VEC(ChkDirective) v;  // in source order
    OchArena arena;           // rule id strings
} ChkSuppressions;

// No directives yet; chk_suppress_free frees the recorded ones.
void chk_suppress_init(ChkSuppressions *self);
void chk_suppress_free(ChkSuppressions *self);

// Records the directive of one comment, if it holds one. body[0..n) is the
// comment's text without `//` or `/*` `*/`; offset is where the comment
// starts; start_line/end_line are its first and last lines (0-based).
// Returns true when a directive was recorded.
bool chk_suppress_add_comment(ChkSuppressions *self, const char *body, size_t n, bool block,
                              uint32_t offset, uint32_t start_line, uint32_t end_line);

// True when the text contains a directive word ("eslint-", "ochre-ignore"):
// files without one have no directive and need no scan. Two memmem calls.
bool chk_suppress_may_have_directives(const char *src, uint32_t len);

// Finds the directive comments of a parsed file and records them. The
// parser keeps no comments, so each occurrence of a directive word in the
// text is checked against the tree: it counts when it opens the text of a
// real comment (not a string, template, regexp or JSX text, nor the middle
// of another comment). lines indexes parse->src. O(n) for the word search,
// plus O(depth * siblings) per occurrence.
void chk_suppress_scan(ChkSuppressions *self, const PsParse *parse, const OchLineIndex *lines);

// True when a finding of rule `rule` (with diagnostic code string `code`)
// starting at byte offset `offset`, on 0-based line `line`, is suppressed.
// rule NULL (not a lint finding) is never suppressed. O(directives).
bool chk_suppress_hides(const ChkSuppressions *self, const char *rule, const char *code, uint32_t offset,
                        uint32_t line);

#endif
