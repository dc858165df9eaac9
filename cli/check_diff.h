// Unified diffs for `ochre check --fix-dry-run`.
//
// The output is what `diff -u` and `git diff` print and what `patch -p1`
// and `git apply` read: `--- a/NAME` / `+++ b/NAME` headers, then hunks
// `@@ -l,n +l,n @@` with 3 lines of context, hunks closer than 6 lines
// merged, and `\ No newline at end of file` after a last line without one.
// Lines are compared as bytes (a CR before the LF is part of the line).
#ifndef OCHRE_CLI_CHECK_DIFF_H
#define OCHRE_CLI_CHECK_DIFF_H

#include "base.h"

#define CHK_DIFF_CONTEXT 3

// Appends to out the unified diff turning a[0..alen) into b[0..blen),
// headed with name. Appends nothing when the texts are equal. The line
// matching is a shortest edit script (Myers' O(ND) algorithm in linear
// space): O((n + m) D) time for n and m lines and D changed lines,
// O(n + m) memory.
void chk_diff_unified(const char *name, const char *a, size_t alen, const char *b, size_t blen, OchBuf *out);

#endif
