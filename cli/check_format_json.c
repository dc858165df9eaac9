// The JSON formats: ochre's own (docs/check-json-format.md) and SARIF 2.1.0.
// Both are written by hand rather than through jansson: items are produced
// per file on worker threads and joined by ChkOutput, and the key order is
// part of the stable output.
#include <string.h>

#include "check_format.h"
#include "check_util.h"
#include "cli.h"

#define JSON_SCHEMA_VERSION 1

// --- ochre JSON ---------------------------------------------------------------

void chk_json_begin(OchBuf *out) {
    och_buf_printf(out, "{\"version\":%d,\"tool\":{\"name\":\"ochre\",\"version\":", JSON_SCHEMA_VERSION);
    chk_json_cstr(out, OCHRE_VERSION);
    och_buf_puts(out, "},\"files\":[");
}

static void json_position(OchBuf *out, const ChkFileResult *r, uint32_t offset) {
    ChkPos p = chk_pos(&r->lines, offset, OCH_COL_CODEPOINTS);
    och_buf_printf(out, "{\"line\":%u,\"column\":%u,\"offset\":%u}", p.line, p.column, offset);
}

static void json_range(OchBuf *out, const ChkFileResult *r, OchSpan span) {
    och_buf_puts(out, "\"start\":");
    json_position(out, r, span.start);
    och_buf_puts(out, ",\"end\":");
    json_position(out, r, span.end);
}

// "fix": the rule's first fix: its title, whether it is only a suggestion
// (may change behaviour: never applied by --fix), and its edits.
static void json_fix(OchBuf *out, const ChkFileResult *r, const AnFix *fix) {
    och_buf_puts(out, ",\"fix\":{\"message\":");
    chk_json_cstr(out, fix->title ? fix->title : "");
    och_buf_printf(out, ",\"suggestion\":%s,\"edits\":[", fix->suggestion ? "true" : "false");
    for (uint32_t k = 0; k < fix->nedits; k++) {
        const AnEdit *e = &fix->edits[k];
        och_buf_puts(out, k ? ",{" : "{");
        json_range(out, r, e->span);
        och_buf_puts(out, ",\"text\":");
        chk_json_string(out, e->text, e->len);
        och_buf_putc(out, '}');
    }
    och_buf_puts(out, "]}");
}

void chk_json_file(const char *path, const ChkFileResult *r, OchBuf *out) {
    och_buf_puts(out, ",\n{\"path\":");
    chk_json_cstr(out, path);
    och_buf_printf(out, ",\"errors\":%u,\"warnings\":%u,\"diagnostics\":[", r->errors, r->warnings);
    for (uint32_t i = 0; i < r->findings.len; i++) {
        const ChkFinding *f = &r->findings.items[i];
        och_buf_puts(out, i ? ",\n  {\"code\":" : "\n  {\"code\":");
        chk_json_cstr(out, f->code);
        och_buf_puts(out, ",\"rule\":");
        if (f->rule) chk_json_cstr(out, f->rule);
        else och_buf_puts(out, "null");
        och_buf_printf(out, ",\"severity\":\"%s\",\"message\":", chk_severity_name(f->diag.severity));
        chk_json_cstr(out, f->diag.message ? f->diag.message : "");
        if (f->file_level) {
            och_buf_puts(out, ",\"start\":null,\"end\":null,\"related\":[]}");
            continue;
        }
        och_buf_putc(out, ',');
        json_range(out, r, f->diag.span);
        och_buf_puts(out, ",\"related\":[");
        for (uint32_t k = 0; k < f->diag.nrelated; k++) {
            const OchRelated *rel = &f->diag.related[k];
            och_buf_puts(out, k ? ",{\"message\":" : "{\"message\":");
            chk_json_cstr(out, rel->message ? rel->message : "");
            och_buf_putc(out, ',');
            json_range(out, r, rel->span);
            och_buf_putc(out, '}');
        }
        och_buf_putc(out, ']');
        if (f->fix) json_fix(out, r, f->fix);
        och_buf_putc(out, '}');
    }
    och_buf_puts(out, r->findings.len ? "\n]}" : "]}");
}

void chk_json_end(const ChkOutput *o, OchBuf *out) {
    och_buf_printf(out, "\n],\"summary\":{\"files\":%u,\"errors\":%u,\"warnings\":%u}}\n", o->files, o->errors,
                   o->warnings);
}

// --- SARIF --------------------------------------------------------------------

void chk_sarif_begin(const ChkFormatOptions *opts, OchBuf *out) {
    och_buf_puts(out, "{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\","
                      "\"runs\":[{\"columnKind\":\"utf16CodeUnits\",\"originalUriBaseIds\":{\"%SRCROOT%\":{\"uri\":");
    OchBuf uri = {0};
    och_buf_puts(&uri, "file://");
    chk_uri_path(&uri, opts->cwd);
    if (uri.data[uri.len - 1] != '/') och_buf_putc(&uri, '/');
    chk_json_string(out, uri.data, uri.len);
    och_buf_free(&uri);
    och_buf_puts(out, "}},\"results\":[");
}

// artifactLocation: relative to %SRCROOT% (the working directory) when the
// file is inside it, else an absolute file URI.
static void sarif_artifact(const ChkFormatOptions *opts, const char *path, OchBuf *out) {
    OchBuf uri = {0};
    const char *rel = path;
    bool base = true;
    if (path[0] == '/') {
        rel = chk_path_under(path, opts->cwd);
        if (!rel || !*rel) {
            base = false;
            och_buf_puts(&uri, "file://");
            rel = path;
        }
    }
    chk_uri_path(&uri, rel);
    och_buf_puts(out, "\"artifactLocation\":{\"uri\":");
    chk_json_string(out, uri.data, uri.len);
    if (base) och_buf_puts(out, ",\"uriBaseId\":\"%SRCROOT%\"");
    och_buf_putc(out, '}');
    och_buf_free(&uri);
}

static void sarif_region(const ChkFileResult *r, const char *key, OchSpan span, OchBuf *out) {
    ChkPos a = chk_pos(&r->lines, span.start, OCH_COL_UTF16);
    ChkPos b = chk_pos(&r->lines, span.end, OCH_COL_UTF16);
    och_buf_printf(out,
                   "\"%s\":{\"startLine\":%u,\"startColumn\":%u,\"endLine\":%u,\"endColumn\":%u,"
                   "\"byteOffset\":%u,\"byteLength\":%u}",
                   key, a.line, a.column, b.line, b.column, span.start, span.end - span.start);
}

static void sarif_location(const ChkFormatOptions *opts, const char *path, const ChkFileResult *r,
                           const OchSpan *span, OchBuf *out) {
    och_buf_puts(out, "\"physicalLocation\":{");
    sarif_artifact(opts, path, out);
    if (span) {
        och_buf_putc(out, ',');
        sarif_region(r, "region", *span, out);
    }
    och_buf_putc(out, '}');
}

// "fixes": the rule's fix when it is safe (suggestions are left to editors).
static void sarif_fix(const ChkFormatOptions *opts, const char *path, const ChkFileResult *r, const AnFix *fix,
                      OchBuf *out) {
    if (fix->suggestion || !fix->nedits) return;
    och_buf_puts(out, ",\"fixes\":[{\"description\":{\"text\":");
    chk_json_cstr(out, fix->title ? fix->title : "");
    och_buf_puts(out, "},\"artifactChanges\":[{");
    sarif_artifact(opts, path, out);
    och_buf_puts(out, ",\"replacements\":[");
    for (uint32_t k = 0; k < fix->nedits; k++) {
        const AnEdit *e = &fix->edits[k];
        och_buf_puts(out, k ? ",{" : "{");
        sarif_region(r, "deletedRegion", e->span, out);
        och_buf_puts(out, ",\"insertedContent\":{\"text\":");
        chk_json_string(out, e->text, e->len);
        och_buf_puts(out, "}}");
    }
    och_buf_puts(out, "]}]}]");
}

static const char *sarif_level(OchSeverity sev) {
    return sev == OCH_SEV_ERROR ? "error" : sev == OCH_SEV_WARNING ? "warning" : "note";
}

void chk_sarif_file(const ChkFormatOptions *opts, const char *path, const ChkFileResult *r, OchBuf *out) {
    for (uint32_t i = 0; i < r->findings.len; i++) {
        const ChkFinding *f = &r->findings.items[i];
        och_buf_puts(out, ",\n{\"ruleId\":");
        chk_json_cstr(out, chk_finding_id(f));
        och_buf_printf(out, ",\"level\":\"%s\",\"message\":{\"text\":", sarif_level(f->diag.severity));
        chk_json_cstr(out, f->diag.message ? f->diag.message : "");
        och_buf_puts(out, "},\"locations\":[{");
        sarif_location(opts, path, r, f->file_level ? NULL : &f->diag.span, out);
        och_buf_puts(out, "}]");
        if (f->diag.nrelated) {
            och_buf_puts(out, ",\"relatedLocations\":[");
            for (uint32_t k = 0; k < f->diag.nrelated; k++) {
                const OchRelated *rel = &f->diag.related[k];
                och_buf_printf(out, "%s{\"id\":%u,", k ? "," : "", k);
                sarif_location(opts, path, r, &rel->span, out);
                och_buf_puts(out, ",\"message\":{\"text\":");
                chk_json_cstr(out, rel->message ? rel->message : "");
                och_buf_puts(out, "}}");
            }
            och_buf_putc(out, ']');
        }
        if (f->fix) sarif_fix(opts, path, r, f->fix, out);
        if (f->rule) {
            och_buf_puts(out, ",\"properties\":{\"code\":");
            chk_json_cstr(out, f->code);
            och_buf_putc(out, '}');
        }
        och_buf_putc(out, '}');
    }
}

void chk_sarif_end(const ChkOutput *o, OchBuf *out) {
    och_buf_puts(out, "\n],\"tool\":{\"driver\":{\"name\":\"ochre\",\"version\":");
    chk_json_cstr(out, OCHRE_VERSION);
    och_buf_puts(out, ",\"informationUri\":");
    chk_json_cstr(out, CHK_DOCS_BASE_URL "check-json-format.md");
    och_buf_puts(out, ",\"rules\":[");
    OchBuf tmp = {0};
    for (uint32_t i = 0; i < o->rules.len; i++) {
        const ChkRuleRef *ref = &o->rules.items[i];
        const char *rule = strcmp(ref->id, ref->code) != 0 ? ref->id : NULL;
        och_buf_puts(out, i ? ",\n{\"id\":" : "\n{\"id\":");
        chk_json_cstr(out, ref->id);
        och_buf_puts(out, ",\"shortDescription\":{\"text\":");
        tmp.len = 0;
        chk_describe(&tmp, ref->code, rule);
        chk_json_string(out, tmp.data, tmp.len);
        och_buf_puts(out, "},\"helpUri\":");
        tmp.len = 0;
        chk_help_uri(&tmp, ref->code, rule);
        chk_json_string(out, tmp.data, tmp.len);
        och_buf_printf(out, ",\"defaultConfiguration\":{\"level\":\"%s\"}", sarif_level(ref->severity));
        if (rule) {
            och_buf_puts(out, ",\"properties\":{\"code\":");
            chk_json_cstr(out, ref->code);
            och_buf_putc(out, '}');
        }
        och_buf_putc(out, '}');
    }
    och_buf_free(&tmp);
    och_buf_puts(out, "]}}}]}\n");
}
