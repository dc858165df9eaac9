// Checking one file for `ochre check`: read it (refusing binary and
// oversized files), parse in tolerant mode, analyze, then apply the
// configuration's rule levels and the file's suppression comments. The
// result holds the findings in source order, with the source and line index
// the output formats need. Safe to run for different files on different
// threads at once (it shares only read-only configuration).
#ifndef OCHRE_CLI_CHECK_FILE_H
#define OCHRE_CLI_CHECK_FILE_H

#include <sys/stat.h>

#include "analyzer.h"
#include "check_config.h"
#include "parser.h"

// Codes of findings about a file rather than its JavaScript. They are not in
// the diagnostic table (parser/diag_codes.h): no JavaScript span, no
// fixture; they only ever appear in `ochre check` output.
#define CHK_CODE_READ_ERROR "read-error"          // error: the file could not be read
#define CHK_CODE_DIR_ERROR "unreadable-directory" // error: a directory could not be listed
#define CHK_CODE_BINARY "binary-file"             // warning: NUL byte in the first 8 KiB, skipped
#define CHK_CODE_TOO_LARGE "file-too-large"       // warning: over --max-file-size, skipped
#define CHK_CODE_WRITE_ERROR "write-error"        // error: --fix could not write the fixed file

typedef struct ChkFinding {
    // For JavaScript findings: the diagnostic with its configured severity
    // (strings borrowed from the parse or analysis). For file-level ones only
    // severity and message are meaningful.
    OchDiag diag;
    const char *code;  // "E0102", "W1003", or a CHK_CODE_*
    const char *rule;  // lint rule id, or NULL (syntax errors, early errors, file-level)
    bool file_level;   // concerns the whole file: no position
    const AnFix *fix;  // the rule's fix (first alternative), or NULL; borrowed from the analysis
} ChkFinding;

// One unit of work: a file (or stdin, or a directory that failed to list).
typedef struct ChkJob {
    char *path;               // as shown in output and used to open the file (owned)
    bool is_stdin;            // read standard input; path is --stdin-filename or "<stdin>"
    PsGoal goal;
    bool jsx;
    const ChkConfig *config;  // borrowed; NULL: defaults
    uint64_t size;            // bytes when known at planning time, else 0 (scheduling only)
    // A problem found while listing (CHK_CODE_DIR_ERROR): reported as the
    // job's only finding, nothing is read. Owned.
    const char *problem_code;
    char *problem_message;
} ChkJob;

typedef enum ChkFixMode {
    CHK_FIX_NONE,
    CHK_FIX_APPLY,    // --fix: write fixed files; stdin: the fixed source in `changes`
    CHK_FIX_DRY_RUN,  // --fix-dry-run: the unified diff in `changes`, nothing written
} ChkFixMode;

typedef struct ChkFileOptions {
    uint64_t max_file_size;  // bytes; larger files are skipped with a finding
    ChkFixMode fix;          // see check_fix.h
} ChkFileOptions;

typedef struct ChkFileResult {
    OCH_VEC(ChkFinding) findings;  // source order; file-level findings first
    const char *src;               // the source (NUL-padded) or NULL when not read
    uint32_t len;
    OchLineIndex lines;            // valid when have_lines (always when there are findings)
    bool have_lines;
    uint32_t errors, warnings;     // findings by severity (info/hint counted in neither)
    bool io_error;                 // a read, listing or write error (exit status 2)
    // With a ChkFileOptions.fix mode: the fixes applied and in how many
    // passes (findings, src and lines are then those of the fixed text),
    // and the text for standard output: the unified diff (--fix-dry-run)
    // or, for stdin with --fix, the whole fixed source.
    uint32_t fixes, fix_passes;
    OchBuf changes;
    struct stat st;                // the file's status when read (fstat)
    // Owned resources behind the borrowed pointers above.
    char *buf;
    PsParse *parse;
    AnResult *analysis;
    OchArena arena;                // file-level messages
} ChkFileResult;

// Checks the job's file into *out (initialised here; free with
// chk_file_result_free), fixing it as opts->fix says (check_fix.h). Never
// fails: problems become findings.
void chk_file_check(const ChkJob *job, const ChkFileOptions *opts, ChkFileResult *out);
// Frees the source, parse, analysis and findings of a result.
void chk_file_result_free(ChkFileResult *self);

#endif
