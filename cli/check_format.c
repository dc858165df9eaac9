// Output formats: the line-oriented ones (pretty, compact, github), the
// per-run writer, and helpers shared with check_format_json.c and
// check_format_junit.c.
#include "check_format.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "check_rules.h"
#include "check_util.h"

bool chk_format_by_name(const char *name, ChkFormat *out) {
    static const struct {
        const char *name;
        ChkFormat fmt;
    } names[] = {
        {"pretty", CHK_FMT_PRETTY}, {"compact", CHK_FMT_COMPACT}, {"json", CHK_FMT_JSON},
        {"sarif", CHK_FMT_SARIF},   {"github", CHK_FMT_GITHUB},   {"junit", CHK_FMT_JUNIT},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (strcmp(names[i].name, name) == 0) {
            *out = names[i].fmt;
            return true;
        }
    }
    return false;
}

ChkPos chk_pos(const OchLineIndex *lines, uint32_t offset, OchColumnUnit unit) {
    OchLineCol lc = och_line_index_lookup(lines, offset, unit);
    return (ChkPos){lc.line + 1, lc.column + 1};
}

const char *chk_severity_name(OchSeverity sev) {
    switch (sev) {
    case OCH_SEV_ERROR: return "error";
    case OCH_SEV_WARNING: return "warning";
    case OCH_SEV_INFO: return "info";
    default: return "hint";
    }
}

// The table entry of a code string, or -1 (file-level codes).
static int code_index(const char *code) {
    if ((code[0] != 'E' && code[0] != 'W') || !code[1] || code[1] < '0' || code[1] > '9') return -1;
    for (int c = 0; c < OCH_DIAG_COUNT; c++)
        if (strcmp(och_diag_code_str((OchDiagCode)c), code) == 0) return c;
    return -1;
}

void chk_help_uri(OchBuf *out, const char *code, const char *rule) {
    int c = code_index(code);
    if (c < 0) {
        och_buf_puts(out, CHK_DOCS_BASE_URL "check-json-format.md#file-level-codes");
        return;
    }
    (void)rule;  // a lint code's title is its rule id
    och_diag_doc_url((OchDiagCode)c, out);
}

void chk_describe(OchBuf *out, const char *code, const char *rule) {
    const ChkRuleInfo *info = rule ? chk_rule_find(rule) : NULL;
    if (info) {
        och_buf_puts(out, info->description);
        return;
    }
    const char *title;
    int c = code_index(code);
    if (c >= 0) title = och_diag_code_title((OchDiagCode)c);
    else if (strcmp(code, CHK_CODE_READ_ERROR) == 0) title = "the file could not be read";
    else if (strcmp(code, CHK_CODE_DIR_ERROR) == 0) title = "a directory could not be listed";
    else if (strcmp(code, CHK_CODE_BINARY) == 0) title = "binary file skipped";
    else if (strcmp(code, CHK_CODE_TOO_LARGE) == 0) title = "file over the size limit skipped";
    else title = code;
    // "unexpected-character" -> "Unexpected character"
    size_t start = out->len;
    och_buf_puts(out, title);
    for (size_t i = start; i < out->len; i++)
        if (out->data[i] == '-') out->data[i] = ' ';
    if (out->len > start && out->data[start] >= 'a' && out->data[start] <= 'z') out->data[start] -= 'a' - 'A';
}

// --- pretty -------------------------------------------------------------------

#define ANSI_RESET "\x1b[0m"
#define ANSI_BOLD "\x1b[1m"
#define ANSI_RED "\x1b[1;31m"
#define ANSI_YELLOW "\x1b[1;33m"

// A path for the terminal: control characters (a file name may hold escape
// sequences) become '?'. Returns path itself when it has none.
static const char *terminal_safe(const char *path, OchBuf *tmp) {
    const char *p = path;
    while (*p && (unsigned char)*p >= 0x20 && *p != 0x7F) p++;
    if (!*p) return path;
    for (p = path; *p; p++) och_buf_putc(tmp, (unsigned char)*p < 0x20 || *p == 0x7F ? '?' : *p);
    return tmp->data;
}

static void pretty_file(const ChkFormatOptions *opts, const char *path, const ChkFileResult *r, OchBuf *out) {
    OchBuf msg = {0}, safe = {0};
    path = terminal_safe(path, &safe);
    for (uint32_t i = 0; i < r->findings.len; i++) {
        const ChkFinding *f = &r->findings.items[i];
        if (f->file_level) {
            bool err = f->diag.severity == OCH_SEV_ERROR;
            if (opts->color) och_buf_puts(out, ANSI_BOLD);
            och_buf_printf(out, "%s:", path);
            if (opts->color) och_buf_puts(out, ANSI_RESET);
            if (opts->color) och_buf_puts(out, err ? ANSI_RED : ANSI_YELLOW);
            och_buf_printf(out, " %s[%s]:", chk_severity_name(f->diag.severity), f->code);
            if (opts->color) och_buf_puts(out, ANSI_RESET);
            och_buf_printf(out, " %s\n", f->diag.message);
            continue;
        }
        OchDiag d = f->diag;
        if (f->rule) {
            msg.len = 0;
            och_buf_printf(&msg, "%s [%s]", d.message ? d.message : "", f->rule);
            d.message = msg.data;
        }
        ps_diag_render(&d, path, r->src, r->len, &r->lines, opts->color, out);
    }
    och_buf_free(&msg);
    och_buf_free(&safe);
}

// --- compact ------------------------------------------------------------------

// Messages on one line: line breaks and other controls become spaces.
static void one_line(OchBuf *out, const char *s) {
    for (; s && *s; s++) och_buf_putc(out, (unsigned char)*s < 0x20 ? ' ' : *s);
}

static void compact_file(const char *path, const ChkFileResult *r, OchBuf *out) {
    OchBuf safe = {0};
    path = terminal_safe(path, &safe);  // one finding, one line
    for (uint32_t i = 0; i < r->findings.len; i++) {
        const ChkFinding *f = &r->findings.items[i];
        ChkPos p = {1, 1};
        if (!f->file_level) p = chk_pos(&r->lines, f->diag.span.start, OCH_COL_CODEPOINTS);
        och_buf_printf(out, "%s:%u:%u: %s %s ", path, p.line, p.column, chk_severity_name(f->diag.severity),
                       chk_finding_id(f));
        one_line(out, f->diag.message);
        och_buf_putc(out, '\n');
    }
    och_buf_free(&safe);
}

// --- github -------------------------------------------------------------------

// Workflow command escaping: data escapes % CR LF; property values also : and ,.
static void gh_escape(OchBuf *out, const char *s, bool property) {
    for (; s && *s; s++) {
        switch (*s) {
        case '%': och_buf_puts(out, "%25"); break;
        case '\r': och_buf_puts(out, "%0D"); break;
        case '\n': och_buf_puts(out, "%0A"); break;
        case ':':
            if (property) och_buf_puts(out, "%3A");
            else och_buf_putc(out, ':');
            break;
        case ',':
            if (property) och_buf_puts(out, "%2C");
            else och_buf_putc(out, ',');
            break;
        default: och_buf_putc(out, *s);
        }
    }
}

static void github_file(const char *path, const ChkFileResult *r, OchBuf *out) {
    OchBuf msg = {0};
    for (uint32_t i = 0; i < r->findings.len; i++) {
        const ChkFinding *f = &r->findings.items[i];
        const char *cmd = f->diag.severity == OCH_SEV_ERROR     ? "error"
                          : f->diag.severity == OCH_SEV_WARNING ? "warning"
                                                                : "notice";
        och_buf_printf(out, "::%s file=", cmd);
        gh_escape(out, path, true);
        if (!f->file_level) {
            ChkPos a = chk_pos(&r->lines, f->diag.span.start, OCH_COL_CODEPOINTS);
            ChkPos b = chk_pos(&r->lines, f->diag.span.end, OCH_COL_CODEPOINTS);
            och_buf_printf(out, ",line=%u,col=%u,endLine=%u,endColumn=%u", a.line, a.column, b.line, b.column);
        }
        och_buf_puts(out, ",title=");
        gh_escape(out, chk_finding_id(f), true);
        och_buf_puts(out, "::");
        msg.len = 0;
        och_buf_puts(&msg, f->diag.message ? f->diag.message : "");
        for (uint32_t k = 0; k < f->diag.nrelated; k++) {
            const OchRelated *rel = &f->diag.related[k];
            ChkPos p = chk_pos(&r->lines, rel->span.start, OCH_COL_CODEPOINTS);
            och_buf_printf(&msg, "\nnote: %s:%u:%u: %s", path, p.line, p.column, rel->message ? rel->message : "");
        }
        gh_escape(out, msg.data, false);
        och_buf_putc(out, '\n');
    }
    och_buf_free(&msg);
}

// --- reports ------------------------------------------------------------------

void chk_format_file(const ChkFormatOptions *opts, const char *path, const ChkFileResult *r, ChkFileReport *out) {
    memset(out, 0, sizeof *out);
    out->errors = r->errors;
    out->warnings = r->warnings;
    out->findings = r->findings.len;
    out->io_error = r->io_error;
    out->fixes = r->fixes;
    for (uint32_t i = 0; i < r->findings.len; i++) {
        const ChkFinding *f = &r->findings.items[i];
        const char *id = chk_finding_id(f);
        bool seen = false;
        for (uint32_t k = 0; k < out->rules.len && !seen; k++) seen = strcmp(out->rules.items[k].id, id) == 0;
        if (!seen) och_vec_push(&out->rules, ((ChkRuleRef){id, f->code, f->diag.severity}));
    }
    switch (opts->format) {
    case CHK_FMT_PRETTY: pretty_file(opts, path, r, &out->text); break;
    case CHK_FMT_COMPACT: compact_file(path, r, &out->text); break;
    case CHK_FMT_GITHUB: github_file(path, r, &out->text); break;
    case CHK_FMT_JSON: chk_json_file(path, r, &out->text); break;
    case CHK_FMT_SARIF: chk_sarif_file(opts, path, r, &out->text); break;
    case CHK_FMT_JUNIT: chk_junit_file(path, r, &out->text); break;
    }
}

void chk_file_report_free(ChkFileReport *self) {
    och_buf_free(&self->text);
    och_buf_free(&self->changes);
    och_vec_free(&self->rules);
}

// --- run output ---------------------------------------------------------------

static void put(ChkOutput *self, const char *s, size_t n) {
    if (n && !self->write_failed && fwrite(s, 1, n, self->out) != n) {
        self->write_failed = true;
        self->write_errno = errno;
    }
}

void chk_output_begin(ChkOutput *self, const ChkFormatOptions *opts, FILE *out) {
    memset(self, 0, sizeof *self);
    self->opts = *opts;
    self->out = out;
    OchBuf b = {0};
    if (opts->format == CHK_FMT_JSON) chk_json_begin(&b);
    else if (opts->format == CHK_FMT_SARIF) chk_sarif_begin(opts, &b);
    put(self, b.data, b.len);
    och_buf_free(&b);
}

static int cmp_ref(const void *a, const void *b) {
    return strcmp(((const ChkRuleRef *)a)->id, ((const ChkRuleRef *)b)->id);
}

void chk_output_file(ChkOutput *self, const ChkFileReport *report) {
    self->files++;
    self->errors += report->errors;
    self->warnings += report->warnings;
    if (report->findings) self->failing_files++;
    for (uint32_t i = 0; i < report->rules.len; i++) {
        const ChkRuleRef *ref = &report->rules.items[i];
        ChkRuleRef *found = self->rules.len
                                ? bsearch(ref, self->rules.items, self->rules.len, sizeof *ref, cmp_ref)
                                : NULL;
        if (found) {
            // The rule's default level is its most severe use.
            if (ref->severity < found->severity) found->severity = ref->severity;
            continue;
        }
        och_vec_push(&self->rules, *ref);
        qsort(self->rules.items, self->rules.len, sizeof *ref, cmp_ref);
    }
    const char *text = report->text.data;
    size_t n = report->text.len;
    if (!n) return;
    if (self->opts.format == CHK_FMT_JUNIT) {
        och_buf_append(&self->body, text, n);
        return;
    }
    if (self->opts.format == CHK_FMT_JSON || self->opts.format == CHK_FMT_SARIF) {
        // Items start with ",": drop it before the first one.
        if (!self->any_item) text++, n--;
        self->any_item = true;
    }
    put(self, text, n);
}

bool chk_output_end(ChkOutput *self) {
    OchBuf b = {0};
    switch (self->opts.format) {
    case CHK_FMT_JSON: chk_json_end(self, &b); break;
    case CHK_FMT_SARIF: chk_sarif_end(self, &b); break;
    case CHK_FMT_JUNIT:
        chk_junit_begin(self, &b);
        och_buf_append(&b, self->body.data ? self->body.data : "", self->body.len);
        chk_junit_end(&b);
        break;
    default: break;
    }
    put(self, b.data, b.len);
    och_buf_free(&b);
    if (fflush(self->out) != 0 && !self->write_failed) {
        self->write_failed = true;
        self->write_errno = errno;
    }
    och_buf_free(&self->body);
    och_vec_free(&self->rules);
    return !self->write_failed;
}
