// JUnit XML: <testsuites> with one <testsuite> per file holding one
// <testcase> (the file); each finding is a <failure> of that test case
// (so a suite's `failures` is 0 or 1: failing test cases, not findings),
// whose type is the severity and whose text is the finding in compact form.
// Widely read by CI servers (Jenkins, GitLab, Azure); no timing attributes,
// so that the output is deterministic.
#include <string.h>

#include "check_format.h"
#include "check_util.h"

static void attr(OchBuf *out, const char *name, const char *value) {
    och_buf_printf(out, " %s=\"", name);
    chk_xml_text(out, value, strlen(value));
    och_buf_putc(out, '"');
}

void chk_junit_file(const char *path, const ChkFileResult *r, OchBuf *out) {
    uint32_t n = r->findings.len;
    och_buf_puts(out, "  <testsuite");
    attr(out, "name", path);
    och_buf_printf(out, " tests=\"1\" failures=\"%u\" errors=\"0\" skipped=\"0\">\n", n ? 1u : 0u);
    och_buf_puts(out, "    <testcase classname=\"ochre.check\"");
    attr(out, "name", path);
    if (!n) {
        och_buf_puts(out, "/>\n  </testsuite>\n");
        return;
    }
    och_buf_puts(out, ">\n");
    OchBuf line = {0};
    for (uint32_t i = 0; i < n; i++) {
        const ChkFinding *f = &r->findings.items[i];
        ChkPos p = {1, 1};
        if (!f->file_level) p = chk_pos(&r->lines, f->diag.span.start, OCH_COL_CODEPOINTS);
        const char *msg = f->diag.message ? f->diag.message : "";
        och_buf_puts(out, "      <failure");
        attr(out, "message", msg);
        attr(out, "type", chk_severity_name(f->diag.severity));
        och_buf_puts(out, ">");
        line.len = 0;
        och_buf_printf(&line, "%s:%u:%u: %s %s %s", path, p.line, p.column, chk_severity_name(f->diag.severity),
                       chk_finding_id(f), msg);
        chk_xml_text(out, line.data, line.len);
        och_buf_puts(out, "</failure>\n");
    }
    och_buf_free(&line);
    och_buf_puts(out, "    </testcase>\n  </testsuite>\n");
}

void chk_junit_begin(const ChkOutput *o, OchBuf *out) {
    och_buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    och_buf_printf(out, "<testsuites name=\"ochre check\" tests=\"%u\" failures=\"%u\" errors=\"0\">\n", o->files,
                   o->failing_files);
}

void chk_junit_end(OchBuf *out) { och_buf_puts(out, "</testsuites>\n"); }
