// The server loop: lifecycle, JSON-RPC validation and dispatch, replies.
//
// Each queued input is handled in arrival order on this thread:
// - framing problems are logged (window/logMessage) and the stream goes on;
// - a body that is not JSON gets a Parse error (-32700, id null), one that is
//   JSON but no valid message an Invalid Request (-32600);
// - before `initialize`, requests get ServerNotInitialized (-32002) and
//   notifications are dropped (except `exit`); after `shutdown`, requests
//   get Invalid Request and notifications other than `exit` are dropped;
// - unknown requests get MethodNotFound (-32601), unknown notifications and
//   `$/` notifications are ignored; parameters of the wrong type give
//   InvalidParams (-32602) for requests and a log line for notifications;
// - a request cancelled while queued or running gets RequestCancelled
//   (-32800).
// Diagnostics are published when the input queue is empty (or every few
// messages for documents without queued edits), so that a burst of edits
// produces one analysis, and only for the document's current version.
#include <errno.h>
#include <malloc.h>
#include <stdarg.h>
#include <string.h>
#include <unistd.h>

#include "lsp_int.h"

// Publish diagnostics at least this often during a long burst.
#define FLUSH_EVERY 64u

// Output -----------------------------------------------------------------------

static void write_all(LspServer *s, const char *p, size_t n) {
    while (n > 0 && !s->out_dead) {
        ssize_t w = write(s->opts.out_fd, p, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) {
            s->out_dead = true;  // the client is gone; keep reading until EOF/exit
            return;
        }
        p += w;
        n -= (size_t)w;
    }
}

// Writes one framed message (body[0..n)).
static void write_frame(LspServer *s, const char *body, size_t n) {
    char hdr[64];
    int h = snprintf(hdr, sizeof hdr, "Content-Length: %zu\r\n\r\n", n);
    pthread_mutex_lock(&s->out_lock);
    write_all(s, hdr, (size_t)h);
    write_all(s, body, n);
    pthread_mutex_unlock(&s->out_lock);
}

// Sends msg (a reference is taken over).
static void send_json(LspServer *s, json_t *msg) {
    char *text = json_dumps(msg, JSON_COMPACT);
    if (text) {
        if (s->opts.trace) {
            fprintf(s->opts.trace, "-> %.200s\n", text);
            fflush(s->opts.trace);
        }
        write_frame(s, text, strlen(text));
        free(text);
    }
    json_decref(msg);
}

void lsp_send_notification(LspServer *s, const char *method, json_t *params) {
    json_t *m = json_object();
    json_object_set_new(m, "jsonrpc", json_string("2.0"));
    json_object_set_new(m, "method", json_string(method));
    json_object_set_new(m, "params", params ? params : json_null());
    send_json(s, m);
}

void lsp_log(LspServer *s, int type, const char *fmt, ...) {
    char text[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    json_t *p = json_object();
    json_object_set_new(p, "type", json_integer(type));
    json_object_set_new(p, "message", lsp_json_str(text, strlen(text)));
    lsp_send_notification(s, "window/logMessage", p);
}

static void send_error(LspServer *s, json_t *id, int code, const char *message) {
    json_t *m = json_object();
    json_object_set_new(m, "jsonrpc", json_string("2.0"));
    json_object_set(m, "id", id ? id : json_null());
    json_t *e = json_object();
    json_object_set_new(e, "code", json_integer(code));
    json_object_set_new(e, "message", lsp_json_str(message, strlen(message)));
    json_object_set_new(m, "error", e);
    send_json(s, m);
}

static void send_reply(LspServer *s, json_t *id, LspReply *r) {
    if (r->error) {
        send_error(s, id, r->error, r->message);
        return;
    }
    if (r->raw.data) {
        // Large results are serialized by the handler: splice them in.
        char *idtext = json_dumps(id, JSON_COMPACT | JSON_ENCODE_ANY);
        OchBuf b = {0};
        och_buf_printf(&b, "{\"jsonrpc\":\"2.0\",\"id\":%s,\"result\":", idtext ? idtext : "null");
        och_buf_append(&b, r->raw.data, r->raw.len);
        och_buf_putc(&b, '}');
        free(idtext);
        if (s->opts.trace) {
            fprintf(s->opts.trace, "-> %.200s\n", b.data);
            fflush(s->opts.trace);
        }
        write_frame(s, b.data, b.len);
        och_buf_free(&b);
        return;
    }
    json_t *m = json_object();
    json_object_set_new(m, "jsonrpc", json_string("2.0"));
    json_object_set(m, "id", id);
    json_object_set_new(m, "result", r->result ? r->result : json_null());
    r->result = NULL;
    send_json(s, m);
}

void lsp_reply_error(LspReply *r, int code, const char *fmt, ...) {
    r->error = code;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->message, sizeof r->message, fmt, ap);
    va_end(ap);
    json_decref(r->result);
    r->result = NULL;
    och_buf_free(&r->raw);
}

bool lsp_cancelled(LspServer *s) { return atomic_load(&s->queue.current_cancel); }

// Diagnostics scheduling ---------------------------------------------------------

static void schedule_publish(LspServer *s, LspDoc *doc) {
    if (!s->push_diagnostics || doc->publish_pending) return;
    doc->publish_pending = true;
    och_vec_push(&s->pending, och_strndup(doc->uri, strlen(doc->uri)));
}

// Publishes the pending documents; with `careful`, only those without a
// queued edit (whose diagnostics would be superseded at once).
static void flush_pending(LspServer *s, bool careful) {
    uint32_t w = 0;
    for (uint32_t i = 0; i < s->pending.len; i++) {
        char *uri = s->pending.items[i];
        LspDoc *doc = lsp_docs_find(&s->docs, uri);
        if (doc && careful && lsp_queue_has_change_for(&s->queue, uri)) {
            s->pending.items[w++] = uri;
            continue;
        }
        if (doc && doc->publish_pending) {
            doc->publish_pending = false;
            if (doc->text.len >= LSP_STAGED_SIZE) {
                // Syntax first; the analysis follows when the server is idle.
                lsp_doc_parse(doc);
                lsp_diag_publish_current(s, doc);
                if (!doc->an && !doc->analysis_pending) {
                    doc->analysis_pending = true;
                    och_vec_push(&s->analyses, och_strndup(doc->uri, strlen(doc->uri)));
                }
            } else {
                lsp_doc_analyze(doc);
                lsp_diag_publish(s, doc);
            }
            if (doc->text.len > LSP_TRIM_SIZE) s->trim_memory = true;
        }
        och_free(uri);
    }
    s->pending.len = w;
}

static bool input_waiting(void *queue) { return !lsp_queue_empty(queue); }

// Idle time: analyzes the staged documents whose analysis is behind and
// publishes their full diagnostics. Each analysis stops as soon as a message
// arrives (it is retried at the next idle moment, on the newer text).
static void run_analyses(LspServer *s) {
    uint32_t w = 0, i = 0;
    for (; i < s->analyses.len; i++) {
        char *uri = s->analyses.items[i];
        LspDoc *doc = lsp_docs_find(&s->docs, uri);
        if (!doc || !doc->analysis_pending) {
            och_free(uri);
            continue;
        }
        if (!lsp_doc_analyze_cancellable(doc, input_waiting, &s->queue)) break;
        doc->analysis_pending = false;
        if (!doc->publish_pending) lsp_diag_publish_current(s, doc);
        och_free(uri);
    }
    for (; i < s->analyses.len; i++) s->analyses.items[w++] = s->analyses.items[i];
    s->analyses.len = w;
}

// Lifecycle ------------------------------------------------------------------------

static bool offers(json_t *arr, const char *what) {
    size_t i;
    json_t *v;
    json_array_foreach(arr, i, v) {
        if (json_is_string(v) && strcmp(json_string_value(v), what) == 0) return true;
    }
    return false;
}

static json_t *path_get(json_t *obj, const char *a, const char *b, const char *c) {
    json_t *v = json_object_get(obj, a);
    if (v && b) v = json_object_get(v, b);
    if (v && c) v = json_object_get(v, c);
    return v;
}

// The workspace folders (workspaceFolders, else rootUri, else rootPath):
// renames search their .js/.mjs files for importers.
static void workspace_roots(LspServer *s, json_t *params) {
    json_t *folders = json_object_get(params, "workspaceFolders");
    size_t i;
    json_t *f;
    json_array_foreach(folders, i, f) {
        const char *uri = json_string_value(json_object_get(f, "uri"));
        char *p = uri ? lsp_uri_to_path(uri) : NULL;
        if (p) och_vec_push(&s->roots, p);
    }
    if (s->roots.len) return;
    json_t *root = json_object_get(params, "rootUri");
    char *p = json_is_string(root) ? lsp_uri_to_path(json_string_value(root)) : NULL;
    if (!p && json_is_string(json_object_get(params, "rootPath"))) {
        const char *rp = json_string_value(json_object_get(params, "rootPath"));
        if (rp[0] == '/') p = och_strndup(rp, strlen(rp));
    }
    if (p) och_vec_push(&s->roots, p);
}

static void on_initialize(LspServer *s, json_t *params, LspReply *r) {
    if (s->state != LSP_STATE_NEW) {
        lsp_reply_error(r, LSP_ERR_INVALID_REQUEST, "initialize was already received");
        return;
    }
    json_t *caps = json_object_get(params, "capabilities");
    if (caps && !json_is_object(caps)) {
        lsp_reply_error(r, LSP_ERR_INVALID_PARAMS, "capabilities: object expected");
        return;
    }
    s->enc = offers(path_get(caps, "general", "positionEncodings", NULL), "utf-8") ? LSP_ENC_UTF8
                                                                                   : LSP_ENC_UTF16;
    s->hierarchical_symbols =
        json_is_true(path_get(caps, "textDocument", "documentSymbol", "hierarchicalDocumentSymbolSupport"));
    s->related_information =
        !json_is_false(path_get(caps, "textDocument", "publishDiagnostics", "relatedInformation"));
    s->line_folding_only = json_is_true(path_get(caps, "textDocument", "foldingRange", "lineFoldingOnly"));
    json_t *limit = path_get(caps, "textDocument", "foldingRange", "rangeLimit");
    s->folding_limit = json_is_integer(limit) && json_integer_value(limit) > 0 &&
                               json_integer_value(limit) < UINT32_MAX
                           ? (uint32_t)json_integer_value(limit)
                           : 0;
    // initializationOptions.diagnostics: "push", "pull" or "both" (default):
    // a client that shows pushed and pulled diagnostics side by side can
    // pick one.
    const char *mode = json_string_value(path_get(params, "initializationOptions", "diagnostics", NULL));
    s->push_diagnostics = !(mode && strcmp(mode, "pull") == 0);
    s->advertise_pull = !(mode && strcmp(mode, "push") == 0);
    // initializationOptions.lint: false shows syntax and early errors only
    // (for editors that run a separate linter).
    s->no_lint = json_is_false(path_get(params, "initializationOptions", "lint", NULL));

    json_t *c = json_object();
    json_object_set_new(c, "positionEncoding", json_string(s->enc == LSP_ENC_UTF8 ? "utf-8" : "utf-16"));
    json_object_set_new(c, "textDocumentSync",
                        json_pack("{s:b,s:i,s:{s:b}}", "openClose", 1, "change", 2, "save", "includeText", 0));
    if (s->advertise_pull)
        json_object_set_new(c, "diagnosticProvider",
                            json_pack("{s:s,s:b,s:b}", "identifier", "ochre", "interFileDependencies", 0,
                                      "workspaceDiagnostics", 0));
    json_object_set_new(c, "documentSymbolProvider", json_pack("{s:s}", "label", "ochre"));
    json_object_set_new(c, "foldingRangeProvider", json_true());
    json_object_set_new(c, "selectionRangeProvider", json_true());
    json_object_set_new(c, "semanticTokensProvider",
                        json_pack("{s:o,s:b,s:b}", "legend", lsp_semtok_legend(), "full", 1, "range", 1));
    json_object_set_new(c, "definitionProvider", json_true());
    json_object_set_new(c, "referencesProvider", json_true());
    json_object_set_new(c, "documentHighlightProvider", json_true());
    json_object_set_new(c, "renameProvider", json_pack("{s:b}", "prepareProvider", 1));
    json_object_set_new(c, "hoverProvider", json_true());
    json_object_set_new(c, "completionProvider",
                        json_pack("{s:[s],s:b}", "triggerCharacters", ".", "resolveProvider", 0));
    json_object_set_new(c, "codeActionProvider", json_pack("{s:[s]}", "codeActionKinds", "quickfix"));
    workspace_roots(s, params);
    json_t *info = json_pack("{s:s}", "name", "ochre");
    if (s->opts.version) json_object_set_new(info, "version", json_string(s->opts.version));
    r->result = json_pack("{s:o,s:o}", "capabilities", c, "serverInfo", info);
    s->state = LSP_STATE_RUNNING;
}

static void on_shutdown(LspServer *s, json_t *params, LspReply *r) {
    s->state = LSP_STATE_SHUTDOWN;
    r->result = json_null();
}

// Document notifications ---------------------------------------------------------

// A string member of a message, unmasked (see lsp_json_parse) into a new
// buffer when the message was masked; else borrowed. *owned says which.
static const char *text_of(json_t *v, bool masked, size_t *len, char **owned) {
    *owned = NULL;
    const char *t = json_string_value(v);
    *len = json_string_length(v);
    if (!masked || !t) return t;
    *owned = och_malloc(*len + 1);
    memcpy(*owned, t, *len + 1);
    lsp_json_unmask(*owned, len);
    return *owned;
}

static bool supported_language(const char *id) {
    static const char *const ids[] = {"javascript", "javascriptreact", "js", "jsx", "ecmascript"};
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++)
        if (strcmp(id, ids[i]) == 0) return true;
    return false;
}

// Analysis options of a document: lint settings from the embedder (the
// nearest ochre.json for `ochre lsp`), else scope analysis and early errors.
static void doc_settings(LspServer *s, LspDoc *doc) {
    an_options_default(&doc->an_opts);
    if (s->opts.lint_fn && !s->no_lint) s->opts.lint_fn(s->opts.lint_ctx, doc->path, &doc->an_opts);
}

static void on_did_open(LspServer *s, json_t *params, bool masked) {
    json_t *td = json_object_get(params, "textDocument");
    json_t *uri = json_object_get(td, "uri"), *text = json_object_get(td, "text");
    json_t *version = json_object_get(td, "version"), *lang = json_object_get(td, "languageId");
    if (!json_is_string(uri) || !json_is_string(text) || !json_is_integer(version) || !json_is_string(lang)) {
        lsp_log(s, LSP_LOG_ERROR, "textDocument/didOpen: textDocument needs uri, languageId, version and text");
        return;
    }
    const char *lid = json_string_value(lang);
    if (!supported_language(lid)) {
        lsp_log(s, LSP_LOG_WARNING, "textDocument/didOpen: language '%.60s' is not JavaScript; %.200s ignored",
                lid, json_string_value(uri));
        return;
    }
    LspDoc *doc = och_calloc(1, sizeof *doc);
    doc->uri = och_strndup(json_string_value(uri), json_string_length(uri));
    doc->path = lsp_uri_to_path(doc->uri);
    doc->version = json_integer_value(version);
    doc->published_version = -1;
    char ext[8];
    lsp_uri_extension(doc->uri, ext, sizeof ext);
    doc->jsx = strcmp(lid, "javascriptreact") == 0 || strcmp(lid, "jsx") == 0 || strcmp(ext, "jsx") == 0;
    doc->goal = PS_GOAL_SCRIPT;
    if (strcmp(ext, "mjs") == 0) {
        doc->goal = PS_GOAL_MODULE;
    } else if (strcmp(ext, "cjs") != 0 && doc->path && s->opts.goal_fn) {
        PsGoal g;
        if (s->opts.goal_fn(s->opts.goal_ctx, doc->path, &g)) doc->goal = g;
    }
    doc_settings(s, doc);
    size_t len;
    char *owned;
    const char *t = text_of(text, masked, &len, &owned);
    if (lsp_text_init(&doc->text, t, len) != OCH_OK) {
        lsp_log(s, LSP_LOG_ERROR, "textDocument/didOpen: %.200s is larger than %u bytes; not opened",
                doc->uri, LSP_TEXT_MAX);
        och_free(owned);
        lsp_text_free(&doc->text);
        lsp_doc_free(doc);
        return;
    }
    och_free(owned);
    doc->result_id = ++s->next_result_id;
    lsp_docs_add(&s->docs, doc);
    schedule_publish(s, doc);
}

// Applies one TextDocumentContentChangeEvent; false (logged) when invalid.
static bool apply_change(LspServer *s, LspDoc *doc, json_t *ch, bool masked) {
    json_t *text = json_object_get(ch, "text");
    if (!json_is_object(ch) || !json_is_string(text)) {
        lsp_log(s, LSP_LOG_ERROR, "textDocument/didChange: a content change needs a text string");
        return false;
    }
    size_t len;
    char *owned;
    const char *t = text_of(text, masked, &len, &owned);
    json_t *range = json_object_get(ch, "range");
    OchStatus st;
    if (range) {
        LspReply r = {0};
        uint32_t start, end;
        if (!lsp_param_range(s, doc, range, "range", &start, &end, &r)) {
            lsp_log(s, LSP_LOG_ERROR, "textDocument/didChange: %s", r.message);
            och_free(owned);
            return false;
        }
        st = lsp_doc_replace(doc, start, end, t, len);
    } else {
        st = lsp_doc_set_text(doc, t, len);
    }
    och_free(owned);
    if (st != OCH_OK) {
        lsp_log(s, LSP_LOG_ERROR, "textDocument/didChange: %.200s would exceed %u bytes; change ignored",
                doc->uri, LSP_TEXT_MAX);
        return false;
    }
    return true;
}

static void on_did_change(LspServer *s, json_t *params, bool masked) {
    json_t *td = json_object_get(params, "textDocument");
    json_t *uri = json_object_get(td, "uri"), *version = json_object_get(td, "version");
    json_t *changes = json_object_get(params, "contentChanges");
    if (!json_is_string(uri) || !json_is_array(changes) || (version && !json_is_integer(version) && !json_is_null(version))) {
        lsp_log(s, LSP_LOG_ERROR, "textDocument/didChange: needs textDocument.uri, textDocument.version and contentChanges");
        return;
    }
    LspDoc *doc = lsp_docs_find(&s->docs, json_string_value(uri));
    if (!doc) {
        lsp_log(s, LSP_LOG_WARNING, "textDocument/didChange: %.300s is not open; change ignored",
                json_string_value(uri));
        return;
    }
    size_t i;
    json_t *ch;
    json_array_foreach(changes, i, ch) {
        apply_change(s, doc, ch, masked);
    }
    if (json_is_integer(version)) doc->version = json_integer_value(version);
    doc->result_id = ++s->next_result_id;
    schedule_publish(s, doc);
}

static void on_did_close(LspServer *s, json_t *params) {
    json_t *uri = json_object_get(json_object_get(params, "textDocument"), "uri");
    if (!json_is_string(uri)) {
        lsp_log(s, LSP_LOG_ERROR, "textDocument/didClose: needs textDocument.uri");
        return;
    }
    if (!lsp_docs_remove(&s->docs, json_string_value(uri))) {
        lsp_log(s, LSP_LOG_WARNING, "textDocument/didClose: %.300s is not open", json_string_value(uri));
        return;
    }
    // Clear what was shown for it.
    if (s->push_diagnostics)
        lsp_send_notification(s, "textDocument/publishDiagnostics",
                              json_pack("{s:O,s:[]}", "uri", uri, "diagnostics"));
}

static void on_did_save(LspServer *s, json_t *params) {
    json_t *uri = json_object_get(json_object_get(params, "textDocument"), "uri");
    if (!json_is_string(uri)) {
        lsp_log(s, LSP_LOG_ERROR, "textDocument/didSave: needs textDocument.uri");
        return;
    }
    // The text is synchronised by didChange. A saved ochre.json changes the
    // lint settings of the documents under it: ask again for every one.
    const char *u = json_string_value(uri);
    size_t n = strlen(u);
    if (n < 11 || strcmp(u + n - 11, "/ochre.json") != 0) return;
    lsp_settings_changed(s);
}

void lsp_settings_changed(LspServer *s) {
    if (s->opts.lint_reset_fn) s->opts.lint_reset_fn(s->opts.lint_ctx);
    for (uint32_t b = 0; b < s->docs.nbuckets; b++) {
        for (LspDoc *doc = s->docs.buckets[b]; doc; doc = doc->next_in_bucket) {
            doc_settings(s, doc);
            an_result_free(doc->an);
            doc->an = NULL;
            doc->an_lint = false;
            doc->prev_valid = false;
            doc->result_id = ++s->next_result_id;
            schedule_publish(s, doc);
        }
    }
}

// Dispatch ---------------------------------------------------------------------------

typedef void (*RequestFn)(LspServer *s, json_t *params, LspReply *r);

static const struct {
    const char *method;
    RequestFn fn;
    bool needs_params;
} requests[] = {
    {"initialize", on_initialize, true},
    {"shutdown", on_shutdown, false},
    {"textDocument/diagnostic", lsp_diag_pull, true},
    {"textDocument/documentSymbol", lsp_symbols, true},
    {"textDocument/foldingRange", lsp_folding, true},
    {"textDocument/selectionRange", lsp_selection, true},
    {"textDocument/semanticTokens/full", lsp_semtok_full, true},
    {"textDocument/semanticTokens/range", lsp_semtok_range, true},
    {"textDocument/definition", lsp_definition, true},
    {"textDocument/references", lsp_references, true},
    {"textDocument/documentHighlight", lsp_highlight, true},
    {"textDocument/prepareRename", lsp_prepare_rename, true},
    {"textDocument/rename", lsp_rename, true},
    {"textDocument/hover", lsp_hover, true},
    {"textDocument/completion", lsp_completion, true},
    {"textDocument/codeAction", lsp_code_action, true},
};

static void handle_request(LspServer *s, const char *method, json_t *id, json_t *params, bool cancelled) {
    RequestFn fn = NULL;
    bool needs_params = false;
    for (size_t i = 0; i < sizeof requests / sizeof requests[0]; i++) {
        if (strcmp(requests[i].method, method) == 0) {
            fn = requests[i].fn;
            needs_params = requests[i].needs_params;
            break;
        }
    }
    if (s->state == LSP_STATE_NEW && strcmp(method, "initialize") != 0) {
        send_error(s, id, LSP_ERR_SERVER_NOT_INITIALIZED, "the server is not initialized yet");
        return;
    }
    if (s->state == LSP_STATE_SHUTDOWN) {
        send_error(s, id, LSP_ERR_INVALID_REQUEST, "the server is shutting down");
        return;
    }
    if (!fn) {
        char msg[200];
        snprintf(msg, sizeof msg, "unknown method '%.120s'", method);
        send_error(s, id, LSP_ERR_METHOD_NOT_FOUND, msg);
        return;
    }
    if (cancelled) {
        send_error(s, id, LSP_ERR_REQUEST_CANCELLED, "request cancelled");
        return;
    }
    if (needs_params && !json_is_object(params)) {
        send_error(s, id, LSP_ERR_INVALID_PARAMS, "params: object expected");
        return;
    }
    LspReply r = {0};
    lsp_queue_set_current(&s->queue, id);
    fn(s, params, &r);
    if (!r.error && lsp_cancelled(s)) lsp_reply_error(&r, LSP_ERR_REQUEST_CANCELLED, "request cancelled");
    lsp_queue_set_current(&s->queue, NULL);
    send_reply(s, id, &r);
    json_decref(r.result);
    och_buf_free(&r.raw);
}

static void handle_notification(LspServer *s, const char *method, json_t *params, bool masked) {
    if (strcmp(method, "exit") == 0) {
        s->exit_code = s->state == LSP_STATE_SHUTDOWN ? 0 : 1;
        s->exit_now = true;
        return;
    }
    if (s->state != LSP_STATE_RUNNING) return;  // dropped before initialize / after shutdown
    if (strncmp(method, "$/", 2) == 0) return;  // optional protocol notifications
    typedef void (*Fn)(LspServer *, json_t *, bool);
    Fn fn = NULL;
    if (strcmp(method, "textDocument/didOpen") == 0) fn = on_did_open;
    else if (strcmp(method, "textDocument/didChange") == 0) fn = on_did_change;
    if (!fn && strcmp(method, "textDocument/didClose") != 0 && strcmp(method, "textDocument/didSave") != 0)
        return;  // initialized, workspace/didChangeConfiguration, unknown: nothing to do
    if (!json_is_object(params)) {
        lsp_log(s, LSP_LOG_ERROR, "%s: params must be an object", method);
        return;
    }
    if (fn) fn(s, params, masked);
    else if (strcmp(method, "textDocument/didClose") == 0) on_did_close(s, params);
    else on_did_save(s, params);
}

static void handle_message(LspServer *s, LspInput *in) {
    json_t *msg = in->msg;
    if (!json_is_object(msg)) {
        send_error(s, NULL, LSP_ERR_INVALID_REQUEST,
                   json_is_array(msg) ? "batch messages are not supported" : "a message must be a JSON object");
        return;
    }
    json_t *id = json_object_get(msg, "id");
    json_t *method = json_object_get(msg, "method");
    json_t *params = json_object_get(msg, "params");
    bool id_ok = id && (json_is_integer(id) || json_is_string(id));
    if (id && !id_ok) {
        send_error(s, NULL, LSP_ERR_INVALID_REQUEST, "id must be an integer or a string");
        return;
    }
    json_t *ver = json_object_get(msg, "jsonrpc");
    if (!json_is_string(ver) || strcmp(json_string_value(ver), "2.0") != 0) {
        send_error(s, id, LSP_ERR_INVALID_REQUEST, "jsonrpc must be \"2.0\"");
        return;
    }
    if (!method) {
        // A response to a request of ours (we send none) or garbage.
        if (id && (json_object_get(msg, "result") || json_object_get(msg, "error"))) return;
        send_error(s, id, LSP_ERR_INVALID_REQUEST, "method missing");
        return;
    }
    if (!json_is_string(method)) {
        send_error(s, id, LSP_ERR_INVALID_REQUEST, "method must be a string");
        return;
    }
    if (params && !json_is_object(params) && !json_is_array(params)) {
        if (id) send_error(s, id, LSP_ERR_INVALID_PARAMS, "params must be an object or an array");
        else lsp_log(s, LSP_LOG_ERROR, "%.100s: params must be an object or an array", json_string_value(method));
        return;
    }
    if (id) handle_request(s, json_string_value(method), id, params, in->cancelled);
    else handle_notification(s, json_string_value(method), params, in->masked);
}

// Public API -------------------------------------------------------------------------

LspServer *lsp_server_new(const LspServerOptions *opts) {
    LspServer *s = och_calloc(1, sizeof *s);
    s->opts = *opts;
    s->state = LSP_STATE_NEW;
    s->enc = LSP_ENC_UTF16;
    s->push_diagnostics = true;
    s->advertise_pull = true;
    s->exit_code = 1;
    lsp_docs_init(&s->docs);
    lsp_queue_init(&s->queue, opts->in_fd, opts->trace);
    pthread_mutex_init(&s->out_lock, NULL);
    return s;
}

int lsp_server_run(LspServer *s) {
    if (lsp_queue_start(&s->queue) != OCH_OK) {
        lsp_log(s, LSP_LOG_ERROR, "cannot start the input thread");
        return 1;
    }
    uint32_t since_flush = 0;
    while (!s->exit_now) {
        LspInput *in = lsp_queue_pop(&s->queue);
        switch (in->kind) {
        case LSP_IN_MESSAGE: handle_message(s, in); break;
        case LSP_IN_PARSE_ERROR:
            send_error(s, NULL, LSP_ERR_PARSE, in->text);
            lsp_log(s, LSP_LOG_ERROR, "%s", in->text);
            break;
        case LSP_IN_FRAMING: lsp_log(s, LSP_LOG_ERROR, "bad message framing: %s", in->text); break;
        case LSP_IN_EOF:
            if (in->text) lsp_log(s, LSP_LOG_ERROR, "%s", in->text);
            s->exit_code = s->state == LSP_STATE_SHUTDOWN ? 0 : 1;
            s->exit_now = true;
            break;
        }
        lsp_input_free(in);
        if (s->exit_now) break;
        if (s->pending.len) {
            if (lsp_queue_empty(&s->queue)) {
                flush_pending(s, false);
                since_flush = 0;
            } else if (++since_flush >= FLUSH_EVERY) {
                flush_pending(s, true);
                since_flush = 0;
            }
        }
        if (s->analyses.len && !s->pending.len && lsp_queue_empty(&s->queue)) run_analyses(s);
        // Trees and replies of large documents leave large free blocks that
        // glibc keeps; hand them back while idle.
        if (s->trim_memory && lsp_queue_empty(&s->queue)) {
            s->trim_memory = false;
            malloc_trim(0);
        }
    }
    return s->exit_code;
}

void lsp_server_free(LspServer *s) {
    if (!s) return;
    lsp_queue_free(&s->queue);
    lsp_docs_free(&s->docs);
    for (uint32_t i = 0; i < s->pending.len; i++) och_free(s->pending.items[i]);
    och_vec_free(&s->pending);
    for (uint32_t i = 0; i < s->analyses.len; i++) och_free(s->analyses.items[i]);
    och_vec_free(&s->analyses);
    for (uint32_t i = 0; i < s->roots.len; i++) och_free(s->roots.items[i]);
    och_vec_free(&s->roots);
    lsp_actions_free(s);
    lsp_disk_cache_free(s);
    pthread_mutex_destroy(&s->out_lock);
    och_free(s);
}
