// Output formats of `ochre check`.
//
// Output is produced in two steps so that files can be formatted on the
// worker threads and still be printed in a deterministic order:
// - chk_format_file (any thread) turns one file's result into a report: its
//   piece of the output text plus the counts and rule references the run
//   needs;
// - a ChkOutput (the main thread) writes the run's header, the reports in
//   path order, and the footer.
//
// Formats:
//   pretty   compiler-style diagnostics with the source line and carets
//            (ps_diag_render), colors on request; summary line on stderr
//   compact  `path:line:col: severity code message`, one line per finding
//   json     see docs/check-json-format.md
//   sarif    SARIF 2.1.0 (GitHub code scanning)
//   github   GitHub Actions workflow commands (`::error file=...::message`)
//   junit    JUnit XML: a testsuite and a testcase per file, a failure per
//            finding
// Lines and columns are 1-based; columns count code points, except in
// SARIF (UTF-16 code units, declared by columnKind).
#ifndef OCHRE_CLI_CHECK_FORMAT_H
#define OCHRE_CLI_CHECK_FORMAT_H

#include <stdio.h>

#include "check_file.h"

// Where helpUri links point: documentation pages under the repository's docs/.
#define CHK_DOCS_BASE_URL "https://github.com/ochre-js/ochre/blob/main/docs/"

typedef enum ChkFormat {
    CHK_FMT_PRETTY,
    CHK_FMT_COMPACT,
    CHK_FMT_JSON,
    CHK_FMT_SARIF,
    CHK_FMT_GITHUB,
    CHK_FMT_JUNIT,
} ChkFormat;

// Format by name ("pretty", "sarif", ...). False for an unknown name.
bool chk_format_by_name(const char *name, ChkFormat *out);

typedef struct ChkFormatOptions {
    ChkFormat format;
    bool color;       // pretty: ANSI colors
    const char *cwd;  // absolute working directory (SARIF URIs); borrowed
} ChkFormatOptions;

// A rule or code some finding referenced (SARIF lists them in tool.driver).
typedef struct ChkRuleRef {
    const char *id;    // ruleId: the lint rule id, else the code (static strings)
    const char *code;  // diagnostic code ("W1003", "E0102", "binary-file")
    OchSeverity severity;
} ChkRuleRef;

// One file's share of the output.
typedef struct ChkFileReport {
    OchBuf text;                 // formatted output (may be empty)
    uint32_t errors, warnings;
    uint32_t findings;           // all findings, any severity
    bool io_error;
    OCH_VEC(ChkRuleRef) rules;   // distinct ids referenced by the findings
    // --fix/--fix-dry-run: fixes applied, and the text for standard output
    // (ChkFileResult.changes, moved here by the caller).
    uint32_t fixes;
    OchBuf changes;
} ChkFileReport;

// Formats one checked file into *out (initialised here; free with
// chk_file_report_free). Thread-safe.
void chk_format_file(const ChkFormatOptions *opts, const char *path, const ChkFileResult *result,
                     ChkFileReport *out);
// Frees a report's text and rule list.
void chk_file_report_free(ChkFileReport *self);

// The run: totals and referenced rules.
typedef struct ChkOutput {
    ChkFormatOptions opts;
    FILE *out;
    uint32_t files, errors, warnings;
    uint32_t failing_files;         // files with at least one finding
    bool any_item;                  // json/sarif: an item was written (comma placement)
    OCH_VEC(ChkRuleRef) rules;      // sorted by id, distinct
    OchBuf body;                    // junit: held back until the totals are known
    bool write_failed;
    int write_errno;                // errno of the failed write
} ChkOutput;

// Starts a run's output on `out` (borrowed) and writes the format's header
// (json, sarif). Write errors are remembered for chk_output_end.
void chk_output_begin(ChkOutput *self, const ChkFormatOptions *opts, FILE *out);
// Writes one file's report (call in path order).
void chk_output_file(ChkOutput *self, const ChkFileReport *report);
// Writes the footer and frees what the output holds. Returns false when
// writing failed at any point.
bool chk_output_end(ChkOutput *self);

// --- shared by the format implementations -----------------------------------

// 1-based line and column of a byte offset in the unit.
typedef struct ChkPos {
    uint32_t line, column;
} ChkPos;
ChkPos chk_pos(const OchLineIndex *lines, uint32_t offset, OchColumnUnit unit);

// The id a finding is known by in ruleId/title positions: the rule id for
// lint findings, else the code.
static inline const char *chk_finding_id(const ChkFinding *f) { return f->rule ? f->rule : f->code; }
// "error", "warning", "info" or "hint".
const char *chk_severity_name(OchSeverity sev);
// Appends the documentation URL of a code or rule to out.
void chk_help_uri(OchBuf *out, const char *code, const char *rule);
// One-line description of a code or rule (SARIF shortDescription).
void chk_describe(OchBuf *out, const char *code, const char *rule);

// Format-specific parts (check_format_json.c, check_format_junit.c): the
// header (begin), one file's items (file; json and sarif items start with
// the "," that ChkOutput drops before the first one) and the footer (end,
// which needs the run's totals and rules).
void chk_json_file(const char *path, const ChkFileResult *r, OchBuf *out);
void chk_json_begin(OchBuf *out);
void chk_json_end(const ChkOutput *o, OchBuf *out);
void chk_sarif_file(const ChkFormatOptions *opts, const char *path, const ChkFileResult *r, OchBuf *out);
void chk_sarif_begin(const ChkFormatOptions *opts, OchBuf *out);
void chk_sarif_end(const ChkOutput *o, OchBuf *out);
void chk_junit_file(const char *path, const ChkFileResult *r, OchBuf *out);
void chk_junit_begin(const ChkOutput *o, OchBuf *out);
void chk_junit_end(OchBuf *out);

#endif
