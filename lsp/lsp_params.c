// Typed access to request parameters. A missing member or a member of the
// wrong type is the client's mistake: the reply becomes InvalidParams
// naming the member. Numbers out of range (negative, past the end of the
// document) are clamped instead, as editors send them after racing edits.
#include <string.h>

#include "lsp_int.h"

const char *lsp_param_uri(json_t *params, LspReply *r) {
    json_t *td = json_object_get(params, "textDocument");
    if (!json_is_object(td)) {
        lsp_reply_error(r, LSP_ERR_INVALID_PARAMS, "textDocument: object expected");
        return NULL;
    }
    json_t *uri = json_object_get(td, "uri");
    if (!json_is_string(uri)) {
        lsp_reply_error(r, LSP_ERR_INVALID_PARAMS, "textDocument.uri: string expected");
        return NULL;
    }
    return json_string_value(uri);
}

LspDoc *lsp_param_doc(LspServer *s, json_t *params, LspReply *r) {
    const char *uri = lsp_param_uri(params, r);
    if (!uri) return NULL;
    LspDoc *doc = lsp_docs_find(&s->docs, uri);
    if (!doc) {
        lsp_reply_error(r, LSP_ERR_INVALID_PARAMS, "document not open: %.200s", uri);
        return NULL;
    }
    lsp_doc_analyze(doc);
    if (doc->text.len > LSP_TRIM_SIZE) s->trim_memory = true;
    return doc;
}

static bool uinteger(json_t *v, uint32_t *out) {
    if (!json_is_integer(v)) return false;
    json_int_t i = json_integer_value(v);
    *out = i < 0 ? 0 : i > (json_int_t)UINT32_MAX ? UINT32_MAX : (uint32_t)i;
    return true;
}

bool lsp_param_pos(json_t *v, const char *what, LspPos *out, LspReply *r) {
    if (!json_is_object(v)) {
        lsp_reply_error(r, LSP_ERR_INVALID_PARAMS, "%s: position object expected", what);
        return false;
    }
    if (!uinteger(json_object_get(v, "line"), &out->line) ||
        !uinteger(json_object_get(v, "character"), &out->character)) {
        lsp_reply_error(r, LSP_ERR_INVALID_PARAMS, "%s: line and character must be integers", what);
        return false;
    }
    return true;
}

bool lsp_param_range(LspServer *s, LspDoc *doc, json_t *v, const char *what, uint32_t *start,
                     uint32_t *end, LspReply *r) {
    if (!json_is_object(v)) {
        lsp_reply_error(r, LSP_ERR_INVALID_PARAMS, "%s: range object expected", what);
        return false;
    }
    LspPos a, b;
    char sub[80];
    snprintf(sub, sizeof sub, "%s.start", what);
    if (!lsp_param_pos(json_object_get(v, "start"), sub, &a, r)) return false;
    snprintf(sub, sizeof sub, "%s.end", what);
    if (!lsp_param_pos(json_object_get(v, "end"), sub, &b, r)) return false;
    *start = lsp_text_offset(&doc->text, a, s->enc);
    *end = lsp_text_offset(&doc->text, b, s->enc);
    if (*end < *start) {
        uint32_t t = *start;
        *start = *end;
        *end = t;
    }
    return true;
}

json_t *lsp_json_pos(LspServer *s, LspDoc *doc, uint32_t offset) {
    LspPos p = lsp_text_pos(&doc->text, offset, s->enc);
    return json_pack("{s:I,s:I}", "line", (json_int_t)p.line, "character", (json_int_t)p.character);
}

json_t *lsp_json_range(LspServer *s, LspDoc *doc, uint32_t start, uint32_t end) {
    if (end < start) end = start;
    return json_pack("{s:o,s:o}", "start", lsp_json_pos(s, doc, start), "end", lsp_json_pos(s, doc, end));
}
