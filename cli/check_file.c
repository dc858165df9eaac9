// One file through the parser and the analyzer (see check_file.h).
#include "check_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check_diff.h"
#include "check_fix.h"
#include "check_rules.h"
#include "analyzer.h"

#define BINARY_PROBE (8 * 1024)  // a NUL byte in this prefix marks a binary file

static void file_finding(ChkFileResult *r, const char *code, OchSeverity sev, const char *fmt, ...)
    OCH_PRINTF(4, 5);
static void file_finding(ChkFileResult *r, const char *code, OchSeverity sev, const char *fmt, ...) {
    OchBuf b = {0};
    va_list ap;
    va_start(ap, fmt);
    och_buf_vprintf(&b, fmt, ap);
    va_end(ap);
    ChkFinding f;
    memset(&f, 0, sizeof f);
    f.diag.severity = sev;
    f.diag.message = och_arena_strndup(&r->arena, b.data, b.len);
    f.code = code;
    f.file_level = true;
    och_vec_push(&r->findings, f);
    och_buf_free(&b);
}

typedef enum ReadResult { READ_OK, READ_ERROR, READ_TOO_LARGE } ReadResult;

// Reads fd into a NUL-padded buffer, giving up past max bytes. The size of
// a regular file is only a hint (it may change while being read).
static ReadResult read_fd(int fd, uint64_t max, char **out, size_t *out_len) {
    struct stat st;
    if (fstat(fd, &st) != 0) return READ_ERROR;
    if (S_ISDIR(st.st_mode)) {
        errno = EISDIR;
        return READ_ERROR;
    }
    if (S_ISREG(st.st_mode) && (uint64_t)st.st_size > max) return READ_TOO_LARGE;
    size_t cap = S_ISREG(st.st_mode) ? (size_t)st.st_size + 1 + PS_SOURCE_PADDING : 64 * 1024;
    char *buf = och_malloc(cap);
    size_t len = 0;
    for (;;) {
        if (cap - len < PS_SOURCE_PADDING + 1) {
            cap *= 2;
            buf = och_realloc(buf, cap);
        }
        ssize_t n = read(fd, buf + len, cap - len - PS_SOURCE_PADDING);
        if (n < 0) {
            if (errno == EINTR) continue;
            int saved = errno;
            och_free(buf);
            errno = saved;
            return READ_ERROR;
        }
        if (n == 0) break;
        len += (size_t)n;
        if ((uint64_t)len > max || (uint64_t)len >= UINT32_MAX) {
            och_free(buf);
            return READ_TOO_LARGE;
        }
    }
    memset(buf + len, 0, PS_SOURCE_PADDING);
    *out = buf;
    *out_len = len;
    return READ_OK;
}

static const char *size_text(uint64_t bytes, char out[32]) {
    if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0)
        snprintf(out, 32, "%llu MiB", (unsigned long long)(bytes / (1024 * 1024)));
    else if (bytes >= 1024 && bytes % 1024 == 0)
        snprintf(out, 32, "%llu KiB", (unsigned long long)(bytes / 1024));
    else snprintf(out, 32, "%llu bytes", (unsigned long long)bytes);
    return out;
}

// Reads the job's file into r->buf. False (with a finding) when it cannot
// or should not be checked.
static bool load(const ChkJob *job, const ChkFileOptions *opts, ChkFileResult *r) {
    int fd = job->is_stdin ? STDIN_FILENO : open(job->path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        r->io_error = true;
        file_finding(r, CHK_CODE_READ_ERROR, OCH_SEV_ERROR, "cannot read the file: %s", strerror(errno));
        return false;
    }
    size_t len = 0;
    if (fstat(fd, &r->st) != 0) memset(&r->st, 0, sizeof r->st);
    ReadResult rr = read_fd(fd, opts->max_file_size, &r->buf, &len);
    int saved = errno;
    if (!job->is_stdin) close(fd);
    if (rr == READ_ERROR) {
        r->io_error = true;
        file_finding(r, CHK_CODE_READ_ERROR, OCH_SEV_ERROR, "cannot read the file: %s", strerror(saved));
        return false;
    }
    if (rr == READ_TOO_LARGE) {
        char sz[32];
        file_finding(r, CHK_CODE_TOO_LARGE, OCH_SEV_WARNING,
                     "file skipped: larger than the limit of %s (--max-file-size)",
                     size_text(opts->max_file_size, sz));
        return false;
    }
    if (memchr(r->buf, 0, len < BINARY_PROBE ? len : BINARY_PROBE)) {
        file_finding(r, CHK_CODE_BINARY, OCH_SEV_WARNING,
                     "file skipped: it looks binary (a NUL byte in the first 8 KiB)");
        return false;
    }
    r->src = r->buf;
    r->len = (uint32_t)len;
    return true;
}

// Appends the diagnostics of one list (with their fixes, when fixes is not
// NULL), with configured levels applied and suppressed lint findings left
// out. The analyzer applies the levels too; doing it here as well keeps
// findings of rules turned off out whatever the analyzer's defaults.
static void add_diags(ChkFileResult *r, const OchDiagList *list, const AnFix *const *fixes,
                      const ChkConfig *cfg, const AnSuppressions *sup) {
    for (uint32_t i = 0; i < list->v.len; i++) {
        const OchDiag *d = &list->v.items[i];
        ChkFinding f;
        memset(&f, 0, sizeof f);
        f.diag = *d;
        f.fix = fixes ? fixes[i] : NULL;
        f.code = och_diag_code_str(d->code);
        f.rule = chk_rule_of_code(d->code);
        if (f.rule) {
            const ChkRuleSetting *set = chk_config_rule(cfg, f.rule);
            if (set && set->level == CHK_RULE_OFF) continue;
            if (set) f.diag.severity = set->level == CHK_RULE_ERROR ? OCH_SEV_ERROR : OCH_SEV_WARNING;
            uint32_t line = och_line_index_lookup(&r->lines, d->span.start, OCH_COL_BYTES).line;
            if (an_suppress_hides(sup, f.rule, f.code, d->span.start, line)) continue;
        }
        och_vec_push(&r->findings, f);
    }
}

// Merges two source-ordered runs of findings [0, mid) and [mid, len) (a
// stable merge by start offset; file-level findings never mix with these).
static void merge_runs(ChkFileResult *r, uint32_t from, uint32_t mid) {
    uint32_t n = r->findings.len - from;
    if (mid == from || mid == r->findings.len) return;
    ChkFinding *tmp = och_malloc(n * sizeof *tmp);
    ChkFinding *a = r->findings.items + from, *b = r->findings.items + mid;
    ChkFinding *ae = b, *be = r->findings.items + r->findings.len;
    uint32_t k = 0;
    while (a < ae && b < be) tmp[k++] = b->diag.span.start < a->diag.span.start ? *b++ : *a++;
    while (a < ae) tmp[k++] = *a++;
    while (b < be) tmp[k++] = *b++;
    memcpy(r->findings.items + from, tmp, n * sizeof *tmp);
    och_free(tmp);
}

// Parses and analyzes r->src, and collects the findings (no counts).
static void analyze(const ChkJob *job, ChkFileResult *r) {
    PsOptions po;
    ps_options_default(&po);
    po.goal = job->goal;
    po.jsx = job->jsx;
    po.tolerant = true;
    r->parse = ps_parse(r->src, r->len, &po);
    AnOptions ao;
    memset(&ao, 0, sizeof ao);
    an_options_default(&ao);
    chk_config_analyzer_options(job->config, &ao);
    r->analysis = an_analyze(r->parse, &ao);

    // The line index only when something needs lines (most files are clean).
    AnSuppressions sup;
    an_suppress_init(&sup);
    bool directives = an_suppress_may_have_directives(r->src, r->len);
    if (directives || r->parse->diags.v.len || r->analysis->diags.v.len) {
        och_line_index_init(&r->lines, r->src, r->len);
        r->have_lines = true;
    }
    if (directives) an_suppress_scan(&sup, r->parse, &r->lines);
    add_diags(r, &r->parse->diags, NULL, job->config, &sup);
    uint32_t mid = r->findings.len;
    add_diags(r, &r->analysis->diags, r->analysis->fixes, job->config, &sup);
    merge_runs(r, 0, mid);
    an_suppress_free(&sup);
}

// One version of the text with what was found in it: a fix pass replaces
// the result's stage and keeps the previous one aside.
typedef struct Stage {
    char *buf;
    uint32_t len;
    PsParse *parse;
    AnResult *analysis;
    OchLineIndex lines;
    bool have_lines;
    OCH_VEC(ChkFinding) findings;
} Stage;

static void stage_take(ChkFileResult *r, Stage *s) {
    *s = (Stage){r->buf, r->len, r->parse, r->analysis, r->lines, r->have_lines, {0}};
    s->findings.items = r->findings.items, s->findings.len = r->findings.len, s->findings.cap = r->findings.cap;
    r->buf = NULL, r->src = NULL, r->len = 0, r->parse = NULL, r->analysis = NULL, r->have_lines = false;
    memset(&r->lines, 0, sizeof r->lines);
    memset(&r->findings, 0, sizeof r->findings);
}

static void stage_put(ChkFileResult *r, Stage *s) {
    r->buf = s->buf, r->src = s->buf, r->len = s->len, r->parse = s->parse, r->analysis = s->analysis;
    r->lines = s->lines, r->have_lines = s->have_lines;
    r->findings.items = s->findings.items, r->findings.len = s->findings.len, r->findings.cap = s->findings.cap;
    memset(s, 0, sizeof *s);
}

static void stage_free(Stage *s) {
    och_vec_free(&s->findings);
    if (s->have_lines) och_line_index_free(&s->lines);
    an_result_free(s->analysis);
    if (s->parse) ps_parse_free(s->parse);
    och_free(s->buf);
    memset(s, 0, sizeof *s);
}

static uint32_t syntax_errors(const ChkFileResult *r) {
    uint32_t n = r->parse->diags.v.len;
    for (uint32_t i = 0; i < r->analysis->diags.v.len; i++)
        n += !an_code_is_rule(r->analysis->diags.v.items[i].code);
    return n;
}

// Moves the last finding (file-level) in front of the others.
static void to_front(ChkFileResult *r) {
    ChkFinding f = r->findings.items[r->findings.len - 1];
    memmove(r->findings.items + 1, r->findings.items, (r->findings.len - 1) * sizeof f);
    r->findings.items[0] = f;
}

// The fix passes, then the diff or the write (see check_fix.h).
static void fix(const ChkJob *job, const ChkFileOptions *opts, ChkFileResult *r) {
    Stage orig = {0};
    bool changed = false;
    uint32_t fixes = 0, passes = 0;
    while (passes < CHK_FIX_MAX_PASSES) {
        OchBuf out = {0};
        uint32_t n = chk_fix_apply(r, &out);
        if (!n || (out.len == r->len && memcmp(out.data, r->src, r->len) == 0)) {
            och_buf_free(&out);
            break;
        }
        uint32_t errors_before = syntax_errors(r);
        Stage prev;
        stage_take(r, &prev);
        r->buf = ps_source_dup(out.data, out.len);
        r->src = r->buf;
        r->len = (uint32_t)out.len;
        och_buf_free(&out);
        analyze(job, r);
        if (syntax_errors(r) > errors_before) {
            // A rule's fix broke the code: keep the text before this pass.
            Stage bad;
            stage_take(r, &bad);
            stage_free(&bad);
            stage_put(r, &prev);
            break;
        }
        fixes += n;
        passes++;
        if (!changed) orig = prev, changed = true;
        else stage_free(&prev);
    }
    if (changed && opts->fix == CHK_FIX_DRY_RUN) {
        chk_diff_unified(job->path, orig.buf, orig.len, r->src, r->len, &r->changes);
    } else if (changed && !job->is_stdin) {
        OchBuf err = {0};
        if (chk_fix_write(job->path, r->src, r->len, &r->st, &err) != OCH_OK) {
            // Report what is on disk: the unfixed text.
            Stage fixed;
            stage_take(r, &fixed);
            stage_free(&fixed);
            stage_put(r, &orig);
            fixes = passes = 0;
            r->io_error = true;
            file_finding(r, CHK_CODE_WRITE_ERROR, OCH_SEV_ERROR, "%s", err.data);
            to_front(r);
        }
        och_buf_free(&err);
    }
    if (opts->fix == CHK_FIX_APPLY && job->is_stdin) och_buf_append(&r->changes, r->src, r->len);
    stage_free(&orig);
    r->fixes = fixes;
    r->fix_passes = passes;
}

void chk_file_check(const ChkJob *job, const ChkFileOptions *opts, ChkFileResult *r) {
    memset(r, 0, sizeof *r);
    och_arena_init(&r->arena);
    if (job->problem_code) {
        r->io_error = true;
        file_finding(r, job->problem_code, OCH_SEV_ERROR, "%s", job->problem_message);
    } else if (load(job, opts, r)) {
        analyze(job, r);
        if (opts->fix != CHK_FIX_NONE) fix(job, opts, r);
    }
    for (uint32_t i = 0; i < r->findings.len; i++) {
        OchSeverity s = r->findings.items[i].diag.severity;
        if (s == OCH_SEV_ERROR) r->errors++;
        else if (s == OCH_SEV_WARNING) r->warnings++;
    }
}

void chk_file_result_free(ChkFileResult *self) {
    och_vec_free(&self->findings);
    if (self->have_lines) och_line_index_free(&self->lines);
    an_result_free(self->analysis);
    if (self->parse) ps_parse_free(self->parse);
    och_free(self->buf);
    och_arena_free(&self->arena);
    och_buf_free(&self->changes);
    memset(self, 0, sizeof *self);
}
