// `ochre check --fix` and `--fix-dry-run`: which fixes apply, and how a
// fixed file is written.
//
// What is fixed: the safe fix (AnFix with suggestion == false; the first
// such alternative) of each finding that `ochre check` reports, that is of
// rules that are enabled and findings that are not suppressed. Suggestions
// (fixes that may change what the code does) are never applied. A fix is
// left out when any of its edits touches or overlaps a syntax-error region:
// the span of a syntax error or early error, widened to the innermost
// statement containing it (recovery may have guessed wrong about the code
// around an error, so nothing near it is rewritten). Fixes are taken in
// source order and one that starts at or before the end of a fix already
// taken waits for the next pass, as ESLint does.
//
// Passes: after applying, the file is parsed and analyzed again and the
// next fixes are applied, up to CHK_FIX_MAX_PASSES passes (ESLint's 10) or
// until no fix applies. A pass that would add syntax errors is discarded
// (a safety net: rule fixes are meant never to do that). The findings
// reported are those that remain in the fixed text, and the exit status is
// computed on them.
//
// Writing (--fix on files): atomically, by a temporary file in the file's
// directory, written, fsync'ed and renamed over the file, keeping its
// permission bits (and owner, when running as root). A symbolic link is
// followed: its target is replaced and the link kept. Hard links to the
// file keep the old text (the file is a new inode). A file that is
// read-only (no write permission bit, even for root; or not writable by
// the user), or that changed on disk while it was checked, is not written;
// that is a `write-error` finding (error severity, exit status 2, like a
// read error) and the findings of the unfixed text are reported; so is a
// path that is not a regular file (a FIFO, /dev/stdin). --fix-dry-run
// writes nothing, so none of this applies to it.
//
// Standard input (`-`): --fix prints the whole fixed source on stdout (the
// input unchanged when nothing applies; nothing when it was not checked:
// binary or too large); --fix-dry-run prints a diff named after
// --stdin-filename. ESLint prints a JSON report with an `output` field
// instead; a plain source filter is what editors and pipes want, and the
// findings still go out in the chosen format, on stderr.
#ifndef OCHRE_CLI_CHECK_FIX_H
#define OCHRE_CLI_CHECK_FIX_H

#include <sys/stat.h>

#include "check_file.h"

#define CHK_FIX_MAX_PASSES 10

// Applies one pass of fixes to a result's source: appends the fixed text
// to out and returns the number of fixes applied (0: out holds a copy of
// the source). The result must have been read (src not NULL). O(len +
// edits + errors * tree depth).
uint32_t chk_fix_apply(const ChkFileResult *r, OchBuf *out);

// Why a file cannot be fixed in place, or NULL when it can be tried: it is
// read-only (no write permission bit: even root leaves it alone) or not
// writable by this user. st is the file's status as read. The message is
// static.
const char *chk_fix_unwritable(const char *path, const struct stat *st);

// Replaces the file at path with text[0..len) atomically (see above). st is
// the file's status when it was read: when the file on disk is no longer
// that one (inode, size, modification time), it is left alone. On failure
// appends a message to err (no trailing newline) and returns OCH_ERR_IO;
// no temporary file is left behind.
OchStatus chk_fix_write(const char *path, const char *text, size_t len, const struct stat *st, OchBuf *err)
    OCH_MUST_CHECK;

#endif
