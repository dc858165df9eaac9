// The input side: a reader thread that reads the client's stream, frames
// it, parses the JSON and appends the messages to a queue that the server
// thread drains. Cancellation is decided here, at arrival: a
// `$/cancelRequest` marks the named request in the queue (or the one being
// handled), since by the time the server thread would see the notification
// in order, the request would already have been answered.
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "lsp_int.h"

void lsp_queue_init(LspQueue *self, int fd, FILE *trace) {
    memset(self, 0, sizeof *self);
    pthread_mutex_init(&self->lock, NULL);
    pthread_cond_init(&self->cond, NULL);
    atomic_init(&self->current_cancel, false);
    self->fd = fd;
    self->trace = trace;
    lsp_reader_init(&self->reader, LSP_BODY_MAX);
}

void lsp_input_free(LspInput *in) {
    if (!in) return;
    json_decref(in->msg);
    och_free(in->text);
    och_free(in);
}

static void push(LspQueue *self, LspInput *in) {
    pthread_mutex_lock(&self->lock);
    if (self->tail) self->tail->next = in;
    else self->head = in;
    self->tail = in;
    self->count++;
    pthread_cond_signal(&self->cond);
    pthread_mutex_unlock(&self->lock);
}

static void push_text(LspQueue *self, LspInKind kind, const char *text) {
    LspInput *in = och_calloc(1, sizeof *in);
    in->kind = kind;
    in->text = text ? och_strndup(text, strlen(text)) : NULL;
    push(self, in);
}

static bool is_request_with_id(json_t *msg, json_t *id) {
    json_t *mid = json_object_get(msg, "id");
    return mid && json_is_string(json_object_get(msg, "method")) && json_equal(mid, id);
}

// $/cancelRequest: mark the queued request, or flag the running one.
static void cancel(LspQueue *self, json_t *params) {
    json_t *id = json_object_get(params, "id");
    if (!id || !(json_is_integer(id) || json_is_string(id))) return;  // ignored, as notifications are
    pthread_mutex_lock(&self->lock);
    for (LspInput *in = self->head; in; in = in->next)
        if (in->kind == LSP_IN_MESSAGE && is_request_with_id(in->msg, id)) in->cancelled = true;
    if (self->current_id && json_equal(self->current_id, id))
        atomic_store(&self->current_cancel, true);
    pthread_mutex_unlock(&self->lock);
}

static void handle_body(LspQueue *self, const char *body, size_t len) {
    json_error_t err;
    bool masked;
    json_t *msg = lsp_json_parse(body, len, &masked, &err);
    if (!msg) {
        char text[300];
        snprintf(text, sizeof text, "invalid JSON: %s (line %d, column %d)", err.text, err.line,
                 err.column);
        push_text(self, LSP_IN_PARSE_ERROR, text);
        return;
    }
    if (self->trace) {
        json_t *m = json_is_object(msg) ? json_object_get(msg, "method") : NULL;
        fprintf(self->trace, "<- %s (%zu bytes)\n", m && json_is_string(m) ? json_string_value(m) : "?",
                len);
        fflush(self->trace);
    }
    if (json_is_object(msg)) {
        json_t *m = json_object_get(msg, "method");
        if (m && json_is_string(m) && strcmp(json_string_value(m), "$/cancelRequest") == 0 &&
            !json_object_get(msg, "id")) {
            cancel(self, json_object_get(msg, "params"));
            json_decref(msg);
            return;
        }
    }
    LspInput *in = och_calloc(1, sizeof *in);
    in->kind = LSP_IN_MESSAGE;
    in->msg = msg;
    in->masked = masked;
    push(self, in);
}

static void *reader_main(void *arg) {
    LspQueue *self = arg;
    // Cancellation (lsp_queue_free) is accepted only while waiting in
    // read(), never while holding the lock or half-way through a message.
    int old;
    pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old);
    char *chunk = och_malloc(65536);
    pthread_cleanup_push(och_free, chunk);
    for (;;) {
        pthread_setcancelstate(PTHREAD_CANCEL_ENABLE, &old);
        ssize_t n = read(self->fd, chunk, 65536);
        pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        lsp_reader_feed(&self->reader, chunk, (size_t)n);
        LspFrame f;
        while (lsp_reader_next(&self->reader, &f) != LSP_FRAME_NONE) {
            if (f.kind == LSP_FRAME_MESSAGE) handle_body(self, f.body, f.len);
            else push_text(self, LSP_IN_FRAMING, f.error);
        }
    }
    pthread_cleanup_pop(1);
    size_t pending = lsp_reader_pending(&self->reader);
    if (pending) {
        char text[120];
        snprintf(text, sizeof text, "input ended inside a message (%zu bytes unread)", pending);
        push_text(self, LSP_IN_EOF, text);
    } else {
        push_text(self, LSP_IN_EOF, NULL);
    }
    return NULL;
}

OchStatus lsp_queue_start(LspQueue *self) {
    // A small stack is enough: the reader does no recursion beyond jansson's
    // (bounded by its own depth limit).
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 1u << 20);
    int rc = pthread_create(&self->thread, &attr, reader_main, self);
    pthread_attr_destroy(&attr);
    if (rc != 0) return OCH_ERR_IO;
    self->started = true;
    return OCH_OK;
}

LspInput *lsp_queue_pop(LspQueue *self) {
    pthread_mutex_lock(&self->lock);
    while (!self->head) pthread_cond_wait(&self->cond, &self->lock);
    LspInput *in = self->head;
    self->head = in->next;
    if (!self->head) self->tail = NULL;
    self->count--;
    pthread_mutex_unlock(&self->lock);
    in->next = NULL;
    return in;
}

bool lsp_queue_empty(LspQueue *self) {
    pthread_mutex_lock(&self->lock);
    bool empty = self->head == NULL;
    pthread_mutex_unlock(&self->lock);
    return empty;
}

bool lsp_queue_has_change_for(LspQueue *self, const char *uri) {
    bool found = false;
    pthread_mutex_lock(&self->lock);
    for (LspInput *in = self->head; in && !found; in = in->next) {
        if (in->kind != LSP_IN_MESSAGE || !json_is_object(in->msg)) continue;
        const char *m = json_string_value(json_object_get(in->msg, "method"));
        if (!m || (strcmp(m, "textDocument/didChange") != 0 && strcmp(m, "textDocument/didClose") != 0))
            continue;
        json_t *td = json_object_get(json_object_get(in->msg, "params"), "textDocument");
        const char *u = json_string_value(json_object_get(td, "uri"));
        if (u && strcmp(u, uri) == 0) found = true;
    }
    pthread_mutex_unlock(&self->lock);
    return found;
}

void lsp_queue_set_current(LspQueue *self, json_t *id) {
    pthread_mutex_lock(&self->lock);
    json_decref(self->current_id);
    self->current_id = id ? json_incref(id) : NULL;
    atomic_store(&self->current_cancel, false);
    pthread_mutex_unlock(&self->lock);
}

void lsp_queue_free(LspQueue *self) {
    if (self->started) {
        // The reader may still be blocked in read() on a client that keeps
        // its end open after `exit`: cancel it there (the only point where
        // it accepts cancellation) and join it.
        pthread_cancel(self->thread);
        pthread_join(self->thread, NULL);
        self->started = false;
    }
    LspInput *in = self->head;
    self->head = self->tail = NULL;
    while (in) {
        LspInput *next = in->next;
        lsp_input_free(in);
        in = next;
    }
    json_decref(self->current_id);
    self->current_id = NULL;
    lsp_reader_free(&self->reader);
    pthread_mutex_destroy(&self->lock);
    pthread_cond_destroy(&self->cond);
}
