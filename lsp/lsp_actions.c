// Code actions: the analyzer's fixes of the findings that intersect the
// requested range, as quickfix CodeActions with a WorkspaceEdit (the first
// safe fix of a finding is `isPreferred`; suggestions, which may change
// what the code does, are offered but never preferred), plus "Disable
// <rule> for this line" for lint findings, which inserts
// `// ochre-ignore-next-line <rule>` above the line with its indentation
// (the directive `ochre check` honours; `{/* ... */}` among JSX children).
//
// When the documents' analysis snapshots run without lint rules
// (LspDoc.an_lint false: diagnostics show syntax and early errors), the
// first code action request on a document version runs the analysis again
// with the rules at their defaults and keeps that one result (the server's
// lint cache) until the next version or another document asks.
#include <string.h>

#include "lsp_int.h"

void lsp_actions_free(LspServer *s) {
    an_result_free(s->lint_an);
    och_free(s->lint_uri);
    s->lint_an = NULL;
    s->lint_uri = NULL;
}

static const AnResult *lint_of(LspServer *s, LspDoc *doc) {
    if (doc->an_lint) return doc->an;
    if (s->lint_an && s->lint_uri && s->lint_result_id == doc->result_id && s->lint_an->parse == doc->parse &&
        strcmp(s->lint_uri, doc->uri) == 0)
        return s->lint_an;
    lsp_actions_free(s);
    AnOptions ao;
    an_options_default(&ao);
    ao.lint = true;
    s->lint_an = an_analyze(doc->parse, &ao);
    s->lint_uri = och_strndup(doc->uri, strlen(doc->uri));
    s->lint_result_id = doc->result_id;
    return s->lint_an;
}

static json_t *text_edit(LspServer *s, LspDoc *doc, uint32_t start, uint32_t end, const char *text, size_t len) {
    return json_pack("{s:o,s:o}", "range", lsp_json_range(s, doc, start, end), "newText", lsp_json_str(text, len));
}

static json_t *workspace_edit(LspDoc *doc, json_t *edits) {
    json_t *changes = json_object();
    json_object_set_new(changes, doc->uri, edits);
    return json_pack("{s:o}", "changes", changes);
}

static json_t *action(const char *title, json_t *diag, json_t *edit, bool preferred) {
    json_t *a = json_pack("{s:o,s:s,s:[o],s:o}", "title", lsp_json_str(title, strlen(title)), "kind", "quickfix",
                          "diagnostics", diag, "edit", edit);
    if (preferred) json_object_set_new(a, "isPreferred", json_true());
    return a;
}

// Whether a line starting at off begins among the children of a JSX
// element, where a `//` comment would be text: the directive then goes in
// an expression container.
static bool in_jsx_children(LspDoc *doc, uint32_t off) {
    if (!doc->jsx) return false;
    PsNode *path[256];
    uint32_t n = lsp_node_path(doc->parse->root, off, path, 256);
    if (n == 0) return false;
    PsNode *in = path[n - 1];
    if (in->kind == PS_NODE_JSX_TEXT) return true;
    for (uint32_t i = n; i >= 2; i--) {
        PsNode *c = path[i - 1], *p = path[i - 2];
        if (c->start != off) break;
        if ((c->kind == PS_NODE_JSX_ELEMENT || c->kind == PS_NODE_JSX_FRAGMENT || c->kind == PS_NODE_JSX_EXPR_CONTAINER) &&
            (p->kind == PS_NODE_JSX_ELEMENT || p->kind == PS_NODE_JSX_FRAGMENT))
            return true;
    }
    return false;
}

// "Disable <rule> for this line": the directive above the finding's line
// (`{/* ... */}` among JSX children).
static json_t *disable_action(LspServer *s, LspDoc *doc, const OchDiag *d) {
    const char *src = doc->text.data;
    uint32_t line = lsp_text_line_of(&doc->text, d->span.start);
    uint32_t ls = doc->text.lines.items[line], ie = ls;
    while (ie < doc->text.len && (src[ie] == ' ' || src[ie] == '\t')) ie++;
    const char *id = an_rule_id(d->code);
    OchBuf t = {0};
    och_buf_append(&t, src + ls, ie - ls);
    if (in_jsx_children(doc, ie)) och_buf_printf(&t, "{/* ochre-ignore-next-line %s */}\n", id);
    else och_buf_printf(&t, "// ochre-ignore-next-line %s\n", id);
    json_t *edits = json_pack("[o]", text_edit(s, doc, ls, ls, t.data, t.len));
    och_buf_free(&t);
    char title[160];
    snprintf(title, sizeof title, "Disable %s for this line", id);
    return action(title, lsp_diag_json(s, doc, d), workspace_edit(doc, edits), false);
}

// Whether context.only admits quickfixes (absent: yes).
static bool wants_quickfix(json_t *only) {
    if (!only) return true;
    size_t i;
    json_t *k;
    json_array_foreach(only, i, k) {
        const char *v = json_string_value(k);
        if (v && (strcmp(v, "quickfix") == 0 || strcmp(v, "") == 0)) return true;
    }
    return false;
}

void lsp_code_action(LspServer *s, json_t *params, LspReply *r) {
    LspDoc *doc = lsp_param_doc(s, params, r);
    if (!doc) return;
    uint32_t rs, re;
    if (!lsp_param_range(s, doc, json_object_get(params, "range"), "range", &rs, &re, r)) return;
    json_t *ctx = json_object_get(params, "context");
    json_t *only = json_object_get(ctx, "only");
    if ((ctx && !json_is_object(ctx)) || (only && !json_is_array(only))) {
        lsp_reply_error(r, LSP_ERR_INVALID_PARAMS, "context: object with an optional `only` array expected");
        return;
    }
    json_t *out = json_array();
    r->result = out;
    if (!wants_quickfix(only)) return;
    const AnResult *an = lint_of(s, doc);
    const OchDiagList *dl = &an->diags;
    for (uint32_t i = 0; i < dl->v.len; i++) {
        const OchDiag *d = &dl->v.items[i];
        if (d->span.start > re || d->span.end < rs) continue;
        bool preferred_given = false;
        for (const AnFix *f = an_result_fix(an, i); f; f = f->next) {
            json_t *edits = json_array();
            for (uint32_t k = 0; k < f->nedits; k++)
                json_array_append_new(edits, text_edit(s, doc, f->edits[k].span.start, f->edits[k].span.end,
                                                       f->edits[k].text, f->edits[k].len));
            bool pref = !f->suggestion && !preferred_given;
            if (pref) preferred_given = true;
            json_array_append_new(out, action(f->title, lsp_diag_json(s, doc, d), workspace_edit(doc, edits), pref));
        }
        if (an_code_is_rule(d->code)) json_array_append_new(out, disable_action(s, doc, d));
    }
}
