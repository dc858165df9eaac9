// Diagnostics: the parser's syntax errors and the analyzer's early errors
// and lint findings of a document, pushed (textDocument/publishDiagnostics,
// with the document version) or pulled (textDocument/diagnostic, with a
// resultId so that an unchanged document costs nothing to re-ask).
#include <stdlib.h>
#include <string.h>

#include "lsp_int.h"

static json_t *href_of(OchDiagCode code) {
    OchBuf url = {0};
    och_diag_doc_url(code, &url);
    json_t *j = json_pack("{s:s}", "href", url.data);
    och_buf_free(&url);
    return j;
}

json_t *lsp_diag_json(LspServer *s, LspDoc *doc, const OchDiag *d) {
    json_t *j = json_object();
    json_object_set_new(j, "range", lsp_json_range(s, doc, d->span.start, d->span.end));
    json_object_set_new(j, "severity", json_integer(d->severity >= 1 && d->severity <= 4 ? d->severity : 1));
    json_object_set_new(j, "code", json_string(och_diag_code_str(d->code)));
    json_object_set_new(j, "codeDescription", href_of(d->code));
    json_object_set_new(j, "source", json_string("ochre"));
    const char *msg = d->message ? d->message : och_diag_code_title(d->code);
    json_object_set_new(j, "message", lsp_json_str(msg, strlen(msg)));
    if (d->nrelated && s->related_information) {
        json_t *rel = json_array();
        for (uint32_t i = 0; i < d->nrelated; i++) {
            const OchRelated *r = &d->related[i];
            const char *m = r->message ? r->message : "";
            json_array_append_new(
                rel, json_pack("{s:{s:s,s:o},s:o}", "location", "uri", doc->uri, "range",
                               lsp_json_range(s, doc, r->span.start, r->span.end), "message",
                               lsp_json_str(m, strlen(m))));
        }
        json_object_set_new(j, "relatedInformation", rel);
    }
    return j;
}

// Both lists in source order, merged, at most LSP_MAX_DIAGNOSTICS. Without
// an analysis of the current text (a staged document's syntax-first
// publish), the last analysis' findings moved through the edits since.
static json_t *diagnostics_of(LspServer *s, LspDoc *doc) {
    json_t *arr = json_array();
    OchArena arena;
    och_arena_init(&arena);
    OchDiagList moved = {0};
    const OchDiagList *a = &doc->parse->diags, *b = &moved;
    if (doc->an) b = &doc->an->diags;
    else lsp_doc_prev_diags(doc, &moved, &arena);
    uint32_t i = 0, k = 0, n = 0;
    while ((i < a->v.len || k < b->v.len) && n < LSP_MAX_DIAGNOSTICS) {
        const OchDiag *d;
        if (k >= b->v.len || (i < a->v.len && a->v.items[i].span.start <= b->v.items[k].span.start)) {
            d = &a->v.items[i++];
        } else {
            d = &b->v.items[k++];
            // (moved findings were filtered when they were kept)
            if (doc->an && lsp_doc_suppressed(doc, d)) continue;
        }
        json_array_append_new(arr, lsp_diag_json(s, doc, d));
        n++;
    }
    och_diag_list_free(&moved);
    och_arena_free(&arena);
    return arr;
}

// Publishes what the document has: the full diagnostics when it is
// analyzed, else (lsp_doc_parse only) the syntax-first set.
void lsp_diag_publish_current(LspServer *s, LspDoc *doc) {
    json_t *p = json_object();
    json_object_set_new(p, "uri", json_string(doc->uri));
    json_object_set_new(p, "version", json_integer(doc->version));
    json_object_set_new(p, "diagnostics", diagnostics_of(s, doc));
    doc->published_version = doc->version;
    lsp_send_notification(s, "textDocument/publishDiagnostics", p);
}

void lsp_diag_publish(LspServer *s, LspDoc *doc) {
    lsp_doc_analyze(doc);
    lsp_diag_publish_current(s, doc);
}

void lsp_diag_pull(LspServer *s, json_t *params, LspReply *r) {
    LspDoc *doc = lsp_param_doc(s, params, r);
    if (!doc) return;
    json_t *prev = json_object_get(params, "previousResultId");
    if (prev && !json_is_string(prev) && !json_is_null(prev)) {
        lsp_reply_error(r, LSP_ERR_INVALID_PARAMS, "previousResultId: string expected");
        return;
    }
    char id[32];
    snprintf(id, sizeof id, "%llu", (unsigned long long)doc->result_id);
    if (json_is_string(prev) && strcmp(json_string_value(prev), id) == 0) {
        r->result = json_pack("{s:s,s:s}", "kind", "unchanged", "resultId", id);
        return;
    }
    r->result = json_pack("{s:s,s:s,s:o}", "kind", "full", "resultId", id, "items", diagnostics_of(s, doc));
}
