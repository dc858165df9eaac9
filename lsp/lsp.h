// Public API of the ochre language server: LSP 3.17 over JSON-RPC 2.0 with
// Content-Length framing, on a pair of file descriptors (stdin/stdout for
// `ochre lsp`).
//
// Threads: lsp_server_run starts one reader thread that reads and frames the
// input, parses the JSON and queues the messages; everything else (document
// edits, parsing, analysis, answers) runs on the calling thread. That way a
// `$/cancelRequest` can cancel a request that is still queued, and a burst
// of input never blocks the reader. The server keeps no global state: all
// of it lives in the LspServer.
//
// What it serves: text synchronisation (full and incremental), pushed and
// pulled diagnostics (parser syntax errors, analyzer early errors and lint
// findings), document symbols, folding ranges, selection ranges, semantic
// tokens, definition, references, highlights, rename, hover, completion and
// code actions (docs/lsp.md). lsp_server.c describes the message handling.
#ifndef OCHRE_LSP_LSP_H
#define OCHRE_LSP_LSP_H

#include <stdio.h>

#include "analyzer.h"
#include "parser.h"

// Decides the goal of a file opened by the editor. path is the decoded
// absolute file path of a file:// document (NULL for other URI schemes).
// Returns true and stores the goal when it knows it (e.g. from ochre.json or
// the nearest package.json `type`); false leaves the server's default (script,
// module for `.mjs`). Called on the server thread only.
typedef bool (*LspGoalFn)(void *ctx, const char *path, PsGoal *goal);

// Lint settings of a file the way `ochre check` finds them (the nearest
// ochre.json; defaults without one): fills the lint part of opts (lint on,
// rule levels and options, environments, globals). The pointers it stores
// must stay valid until the next lint_reset_fn call. path is NULL for
// documents that are not files. Called on the server thread only.
typedef void (*LspLintFn)(void *ctx, const char *path, AnOptions *opts);
// An ochre.json was saved: forget cached configurations (the server then
// asks lint_fn again for every open document).
typedef void (*LspLintResetFn)(void *ctx);

typedef struct LspServerOptions {
    int in_fd;           // messages from the client (borrowed; not closed)
    int out_fd;          // messages to the client (borrowed; not closed)
    FILE *trace;         // when not NULL, one line per message in/out (debugging)
    LspGoalFn goal_fn;   // may be NULL: then only the extension decides
    void *goal_ctx;
    const char *version; // serverInfo.version (borrowed; may be NULL)
    LspLintFn lint_fn;   // may be NULL: diagnostics without lint findings
    LspLintResetFn lint_reset_fn;  // may be NULL
    void *lint_ctx;
} LspServerOptions;

typedef struct LspServer LspServer;

// Creates a server for the given streams. Never fails (allocation failure
// aborts, as everywhere in ochre). Free with lsp_server_free.
LspServer *lsp_server_new(const LspServerOptions *opts);

// Serves until the client sends `exit` or closes the input. Returns the
// process exit status the protocol asks for: 0 when `shutdown` came before
// the end, 1 otherwise. Client input never makes it fail or abort: bad
// framing, invalid JSON and invalid requests are answered with JSON-RPC
// errors or logged with window/logMessage. Call at most once.
int lsp_server_run(LspServer *self);

// Frees the server, its documents and analysis results. NULL is a no-op.
void lsp_server_free(LspServer *self);

#endif
