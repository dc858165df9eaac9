// Internal interface of the language server: framing, JSON helpers, the
// input queue, documents and the feature modules. Only lsp/*.c and the lsp
// unit tests include it.
#ifndef OCHRE_LSP_LSP_INT_H
#define OCHRE_LSP_LSP_INT_H

#include <jansson.h>
#include <pthread.h>
#include <stdatomic.h>

#include "analyzer.h"
#include "lsp.h"

// ---------------------------------------------------------------------------
// Limits.
#define LSP_HEADER_MAX 8192u            // bytes in one header block
#define LSP_BODY_MAX (1024u << 20)      // bytes in one message body (1 GiB)
#define LSP_TEXT_MAX (1024u << 20)      // bytes in one document
#define LSP_MAX_DIAGNOSTICS 1000u       // diagnostics published per document
#define LSP_EDIT_LOG_MAX 256u           // edits remembered for an incremental reparse
#define LSP_TRIM_SIZE (4u << 20)        // documents from this size trigger malloc_trim
// Documents from this size publish their diagnostics in two stages: the
// syntax errors of each version at once (with the last analysis' findings
// moved through the edits since), then the analysis' own when the server
// is idle (cancelled by the next message). Smaller ones are analyzed at
// once: a full analysis costs less than a frame.
#define LSP_STAGED_SIZE (1u << 20)
#define LSP_DISK_CACHE 8u               // analyzed files from disk kept for navigation

// JSON-RPC and LSP error codes.
#define LSP_ERR_PARSE (-32700)
#define LSP_ERR_INVALID_REQUEST (-32600)
#define LSP_ERR_METHOD_NOT_FOUND (-32601)
#define LSP_ERR_INVALID_PARAMS (-32602)
#define LSP_ERR_INTERNAL (-32603)
#define LSP_ERR_SERVER_NOT_INITIALIZED (-32002)
#define LSP_ERR_REQUEST_CANCELLED (-32800)
#define LSP_ERR_REQUEST_FAILED (-32803)

// window/logMessage types.
#define LSP_LOG_ERROR 1
#define LSP_LOG_WARNING 2
#define LSP_LOG_INFO 3
#define LSP_LOG_LOG 4

// ---------------------------------------------------------------------------
// Framing (lsp_framing.c): an incremental reader of Content-Length framed
// messages. Bytes go in with lsp_reader_feed in chunks of any size; complete
// messages and framing errors come out of lsp_reader_next. A framing error
// (malformed header, missing or bad Content-Length, oversized header) is
// reported once and the reader resynchronises at the next `Content-Length`
// header; it never stops reading.
typedef enum LspFrameKind {
    LSP_FRAME_NONE,     // need more input
    LSP_FRAME_MESSAGE,  // body/len: one message body
    LSP_FRAME_ERROR,    // error: what was wrong and skipped
} LspFrameKind;

typedef struct LspFrame {
    LspFrameKind kind;
    const char *body;  // MESSAGE: borrowed, valid until the next feed/next call
    size_t len;
    char error[192];   // ERROR: a sentence for the log
} LspFrame;

typedef struct LspReader {
    char *buf;
    size_t len, cap;   // buf[0..len) holds unconsumed input from pos on
    size_t pos;        // first unconsumed byte
    size_t body_max;
    int64_t body_len;  // -1 while reading a header, else the pending body size
    bool skipping;     // after an error, until the next valid header: further
                       // garbage is skipped without a second report
} LspReader;

// A reader that accepts bodies up to body_max bytes; free with
// lsp_reader_free.
void lsp_reader_init(LspReader *self, size_t body_max);
void lsp_reader_free(LspReader *self);
// Appends input (copied). Amortised O(n).
void lsp_reader_feed(LspReader *self, const char *data, size_t n);
// Returns the next frame (kind NONE when more input is needed). O(size of
// the frame); a header is scanned at most LSP_HEADER_MAX bytes deep.
LspFrameKind lsp_reader_next(LspReader *self, LspFrame *out);
// Bytes buffered but not consumed (for the end-of-input message).
size_t lsp_reader_pending(const LspReader *self);

// ---------------------------------------------------------------------------
// JSON (lsp_json.c).

// Parses a message body. Invalid UTF-8 and lone surrogate escapes inside
// strings do not make the message invalid: they are masked (private-use
// code points U+10F700-U+10FFFF) so that jansson accepts them, *masked is
// set, and lsp_json_unmask restores the original bytes (WTF-8) in document
// text. Returns a new reference, or NULL with a message in err.
json_t *lsp_json_parse(const char *body, size_t len, bool *masked, json_error_t *err);
// Undoes the masking in s[0..*len) in place (the text only shrinks).
void lsp_json_unmask(char *s, size_t *len);
// A JSON string from WTF-8 or arbitrary bytes: invalid sequences become
// U+FFFD (jansson accepts only valid UTF-8). New reference; never NULL.
json_t *lsp_json_str(const char *s, size_t n);
// Appends s[0..n) as a JSON string literal (with the same replacement).
void lsp_json_buf_str(OchBuf *out, const char *s, size_t n);

// ---------------------------------------------------------------------------
// Input queue (lsp_queue.c), filled by the reader thread.
typedef enum LspInKind {
    LSP_IN_MESSAGE,      // msg: a parsed JSON value
    LSP_IN_PARSE_ERROR,  // text: why the body is not JSON (answer -32700)
    LSP_IN_FRAMING,      // text: framing problem (log only)
    LSP_IN_EOF,          // input closed (text: problem at the end, or NULL)
} LspInKind;

typedef struct LspInput {
    struct LspInput *next;
    LspInKind kind;
    bool masked;       // see lsp_json_parse
    bool cancelled;    // a $/cancelRequest named this request while queued
    json_t *msg;       // owned
    char *text;        // owned
} LspInput;

typedef struct LspQueue {
    pthread_mutex_t lock;
    pthread_cond_t cond;
    LspInput *head, *tail;
    uint32_t count;
    json_t *current_id;         // id of the request being handled (owned), or NULL
    atomic_bool current_cancel; // set when current_id is cancelled
    // Reader state.
    int fd;
    FILE *trace;
    LspReader reader;
    pthread_t thread;
    bool started;
} LspQueue;

// Prepares a queue fed from fd (borrowed); trace may be NULL.
void lsp_queue_init(LspQueue *self, int fd, FILE *trace);
// Starts the reader thread. OCH_ERR_IO when the thread cannot be created.
OchStatus lsp_queue_start(LspQueue *self) OCH_MUST_CHECK;
// Waits for the next input (blocking); the caller owns it (lsp_input_free).
LspInput *lsp_queue_pop(LspQueue *self);
// True when no input is waiting (a snapshot: the reader may add some).
bool lsp_queue_empty(LspQueue *self);
// True when a didChange/didClose for uri is queued (its diagnostics would be
// superseded at once).
bool lsp_queue_has_change_for(LspQueue *self, const char *uri);
// Marks id as the request being handled (NULL: none).
void lsp_queue_set_current(LspQueue *self, json_t *id);
// Stops the reader thread (cancelling a read() that waits for input) and
// frees the queued inputs.
void lsp_queue_free(LspQueue *self);
// Frees a popped input. NULL is a no-op.
void lsp_input_free(LspInput *in);

// ---------------------------------------------------------------------------
// Text (lsp_text.c): a document's bytes, NUL-padded for the lexer, with its
// line starts kept up to date across edits, and the conversions between
// byte offsets and LSP positions.
typedef enum LspEncoding {
    LSP_ENC_UTF16,  // LSP default
    LSP_ENC_UTF8,
} LspEncoding;

typedef struct LspPos {
    uint32_t line, character;
} LspPos;

typedef OCH_VEC(uint32_t) LspU32Vec;

typedef struct LspText {
    char *data;      // len bytes + PS_SOURCE_PADDING NULs; owned
    uint32_t len, cap;
    LspU32Vec lines;  // byte offset of each line start; lines.items[0] == 0
    // Lazily built UTF-16 checkpoints for long lines: units[k] is the
    // number of UTF-16 units in data[0..bounds[k]), bounds[k] the first
    // character boundary at or after k * 1024. Cleared by every edit.
    uint32_t *units, *bounds;
    uint32_t nblocks;
} LspText;

// Copies s[0..n). OCH_ERR_INVALID when n > LSP_TEXT_MAX.
OchStatus lsp_text_init(LspText *self, const char *s, size_t n) OCH_MUST_CHECK;
// Frees the text and its line starts; self can be re-initialized.
void lsp_text_free(LspText *self);
// Replaces [start, end) with s[0..n) and updates the line starts (only the
// lines around the edit are rescanned). OCH_ERR_INVALID when the result
// would exceed LSP_TEXT_MAX (the text is unchanged). O(len) for the move.
OchStatus lsp_text_replace(LspText *self, uint32_t start, uint32_t end, const char *s,
                           size_t n) OCH_MUST_CHECK;
// Moves the buffer out (NUL-padded, caller frees) and leaves self holding a
// copy: used to keep the bytes an older parse borrows.
char *lsp_text_take_copy(LspText *self);
// Byte offset of a position, clamped: a line past the end is the end of the
// text, a character past the end of its line is the end of that line (before
// its terminator), inside a UTF-8 sequence or surrogate pair is its start.
uint32_t lsp_text_offset(const LspText *self, LspPos pos, LspEncoding enc);
// Position of a byte offset (clamped to the text).
LspPos lsp_text_pos(LspText *self, uint32_t offset, LspEncoding enc);
// UTF-16 units in data[from..to) (a character that `to` cuts counts whole).
uint32_t lsp_text_units(const LspText *self, uint32_t from, uint32_t to);
// Line of a byte offset; end of a line's content (before its terminator).
uint32_t lsp_text_line_of(const LspText *self, uint32_t offset);
uint32_t lsp_text_line_end(const LspText *self, uint32_t line);

// ---------------------------------------------------------------------------
// URIs (lsp_uri.c).

// The decoded absolute path of a file:// URI (percent-decoding, optional
// `localhost` authority), or NULL for other schemes or a malformed URI.
char *lsp_uri_to_path(const char *uri);
// The lower-case extension of the last path segment of a URI, without the
// dot ("mjs"), written to out (size n); "" when there is none.
void lsp_uri_extension(const char *uri, char *out, size_t n);

// ---------------------------------------------------------------------------
// Documents (lsp_docs.c).
typedef struct LspEdit {
    uint32_t start, old_end, new_end;  // byte offsets: [start, old_end) became [start, new_end)
} LspEdit;

typedef struct LspDoc {
    char *uri;          // owned
    char *path;         // decoded file path, or NULL (owned)
    int64_t version;
    PsGoal goal;
    bool jsx;
    LspText text;
    // The analysis snapshot: a parse of `text` (when !stale) or of an older
    // version whose bytes are kept in snap_src (owned) until the next
    // reparse. edits lists the changes since that parse, so that an
    // incremental re-parse (ps_reparse(old, edits)) can replace the full one
    // in lsp_doc_analyze without changing anything else.
    PsParse *parse;
    AnResult *an;
    bool an_lint;         // an was analyzed with the lint rules (code actions then use it)
    char *snap_src;
    bool stale;
    OCH_VEC(LspEdit) edits;
    bool edits_overflow;  // more than LSP_EDIT_LOG_MAX edits: reparse fully
    AnOptions an_opts;    // analysis options: lint settings from LspServerOptions.lint_fn
    AnSuppressions sup;   // suppression comments of the analyzed text (lint findings)
    char *pending_src;    // old bytes the unsettled parse still borrows (owned; see lsp_doc_parse)
    // Staged documents (LSP_STAGED_SIZE): the findings of the last completed
    // analysis (copies in prev_arena) and the edits made since.
    OchArena prev_arena;
    OchDiagList prev_diags;
    OCH_VEC(LspEdit) prev_edits;
    bool prev_valid;      // prev_diags + prev_edits describe the current text
    bool analysis_pending; // staged: the current version's analysis is not yet published
    bool publish_pending; // diagnostics of the current version not yet pushed
    int64_t published_version;  // -1 before the first publish
    uint64_t result_id;   // changes with every content change (pull diagnostics resultId)
    struct LspDoc *next_in_bucket;
} LspDoc;

typedef struct LspDocs {
    LspDoc **buckets;
    uint32_t nbuckets, count;
} LspDocs;

// An empty table; lsp_docs_free frees it with every document in it.
void lsp_docs_init(LspDocs *self);
void lsp_docs_free(LspDocs *self);
// The open document with this URI (exact string match), or NULL. O(1).
LspDoc *lsp_docs_find(const LspDocs *self, const char *uri);
// Adds a document (replacing one with the same URI); takes ownership of doc.
void lsp_docs_add(LspDocs *self, LspDoc *doc);
// Removes and frees; false when not open.
bool lsp_docs_remove(LspDocs *self, const char *uri);
// Frees a document, its text and its analysis snapshot. NULL is a no-op.
void lsp_doc_free(LspDoc *doc);
// Applies one edit (byte offsets in the current text) and records it.
OchStatus lsp_doc_replace(LspDoc *doc, uint32_t start, uint32_t end, const char *s,
                          size_t n) OCH_MUST_CHECK;
// Replaces the whole text.
OchStatus lsp_doc_set_text(LspDoc *doc, const char *s, size_t n) OCH_MUST_CHECK;
// Makes doc->parse and doc->an describe the current text (no-op when fresh).
void lsp_doc_analyze(LspDoc *doc);
// Makes doc->parse describe the current text; doc->an is NULL afterwards
// unless it was fresh. The tree may keep positions pending (parser.h
// ps_parse_settle): only its diagnostics may be read until lsp_doc_analyze.
void lsp_doc_parse(LspDoc *doc);
// lsp_doc_analyze that gives up (false, doc->an NULL) as soon as
// cancel(ctx) returns true.
bool lsp_doc_analyze_cancellable(LspDoc *doc, bool (*cancel)(void *), void *ctx);
// Staged documents: the last analysis' diagnostics moved to the current
// text (those inside edited ranges dropped), into out (strings in arena).
void lsp_doc_prev_diags(const LspDoc *doc, OchDiagList *out, OchArena *arena);
// True when a finding of doc->an is hidden by a suppression comment.
bool lsp_doc_suppressed(const LspDoc *doc, const OchDiag *d);

// ---------------------------------------------------------------------------
// The server (lsp_server.c).
struct LspServer {
    LspServerOptions opts;
    enum { LSP_STATE_NEW, LSP_STATE_RUNNING, LSP_STATE_SHUTDOWN } state;
    LspEncoding enc;
    bool push_diagnostics;       // publishDiagnostics (default on)
    bool advertise_pull;         // diagnosticProvider in the capabilities
    bool hierarchical_symbols;   // DocumentSymbol[] rather than SymbolInformation[]
    bool related_information;
    bool line_folding_only;
    uint32_t folding_limit;      // 0: no limit
    LspDocs docs;
    LspQueue queue;
    pthread_mutex_t out_lock;
    bool out_dead;               // writing failed (client gone)
    OCH_VEC(char *) pending;     // URIs whose diagnostics wait to be published
    bool no_lint;                // initializationOptions.lint === false
    OCH_VEC(char *) analyses;    // URIs of staged documents whose analysis waits for idle time
    uint64_t next_result_id;
    bool trim_memory;            // a large document was worked on: return freed memory
    OCH_VEC(char *) roots;       // workspace folder paths (initialize), owned
    // Files read from disk for navigation (imported modules that are not
    // open), kept while their size and mtime are unchanged (lsp_query.c).
    struct {
        LspDoc *doc;             // owned
        int64_t mtime_ns, size;
        uint64_t used;           // LRU clock value
    } disk[LSP_DISK_CACHE];
    uint64_t disk_clock;
    // The lint analysis of one document version for code actions (the
    // documents' own snapshots run without lint rules): uri + result_id say
    // which; NULL when empty. Owned (lint_uri, lint_an).
    char *lint_uri;
    uint64_t lint_result_id;
    AnResult *lint_an;
    int exit_code;
    bool exit_now;
};

// Sends a notification (takes params).
void lsp_send_notification(LspServer *s, const char *method, json_t *params);
// Sends a window/logMessage (printf-style).
void lsp_log(LspServer *s, int type, const char *fmt, ...) OCH_PRINTF(3, 4);
// True when the request being handled has been cancelled by the client.
bool lsp_cancelled(LspServer *s);

// The outcome of a request handler: a JSON result (owned), or a result
// already serialized (raw, for large arrays), or an error.
typedef struct LspReply {
    json_t *result;
    OchBuf raw;
    int error;         // 0, or a JSON-RPC error code
    char message[256]; // with error
} LspReply;

// Sets an error reply (printf-style message).
void lsp_reply_error(LspReply *r, int code, const char *fmt, ...) OCH_PRINTF(3, 4);

// ---------------------------------------------------------------------------
// Parameters (lsp_params.c): typed access that turns a wrong type into an
// InvalidParams reply.

// params.textDocument.uri; NULL (reply set) when missing or not a string.
const char *lsp_param_uri(json_t *params, LspReply *r);
// The open document of params.textDocument.uri; NULL (reply set) when
// missing, not a string, or not open. Analyzes it.
LspDoc *lsp_param_doc(LspServer *s, json_t *params, LspReply *r);
// A Position object; false (reply set, naming `what`) when it is not one.
// Negative and huge numbers are clamped, not errors.
bool lsp_param_pos(json_t *v, const char *what, LspPos *out, LspReply *r);
// A Range object into byte offsets of doc (clamped; start <= end).
bool lsp_param_range(LspServer *s, LspDoc *doc, json_t *v, const char *what, uint32_t *start,
                     uint32_t *end, LspReply *r);
// {"line":..,"character":..} for an offset.
json_t *lsp_json_pos(LspServer *s, LspDoc *doc, uint32_t offset);
json_t *lsp_json_range(LspServer *s, LspDoc *doc, uint32_t start, uint32_t end);

// ---------------------------------------------------------------------------
// Features. Request handlers fill a reply; params are borrowed.
// Lint settings changed (a saved ochre.json): re-reads them for every open
// document and publishes again.
void lsp_settings_changed(LspServer *s);
void lsp_diag_publish(LspServer *s, LspDoc *doc);
// Publishes without analyzing: the syntax-first set of a staged document
// that is only parsed (lsp_doc_parse), else the full set.
void lsp_diag_publish_current(LspServer *s, LspDoc *doc);
// The LSP Diagnostic object of one diagnostic of doc.
json_t *lsp_diag_json(LspServer *s, LspDoc *doc, const OchDiag *d);
void lsp_diag_pull(LspServer *s, json_t *params, LspReply *r);
void lsp_symbols(LspServer *s, json_t *params, LspReply *r);
void lsp_folding(LspServer *s, json_t *params, LspReply *r);
void lsp_selection(LspServer *s, json_t *params, LspReply *r);
void lsp_semtok_full(LspServer *s, json_t *params, LspReply *r);
void lsp_semtok_range(LspServer *s, json_t *params, LspReply *r);
// The semantic token legend for the initialize result.
json_t *lsp_semtok_legend(void);
// Navigation (lsp_nav.c, lsp_rename.c, lsp_hover.c, lsp_complete.c,
// lsp_actions.c).
void lsp_definition(LspServer *s, json_t *params, LspReply *r);
void lsp_references(LspServer *s, json_t *params, LspReply *r);
void lsp_highlight(LspServer *s, json_t *params, LspReply *r);
void lsp_prepare_rename(LspServer *s, json_t *params, LspReply *r);
void lsp_rename(LspServer *s, json_t *params, LspReply *r);
void lsp_hover(LspServer *s, json_t *params, LspReply *r);
void lsp_completion(LspServer *s, json_t *params, LspReply *r);
void lsp_code_action(LspServer *s, json_t *params, LspReply *r);
// Frees the code actions' lint cache.
void lsp_actions_free(LspServer *s);

// Built-in globals (lsp_builtins.c).
typedef enum LspBuiltinKind {
    LSP_BI_CLASS,      // constructor (Array, Promise)
    LSP_BI_NAMESPACE,  // plain object of functions (Math, JSON, console)
    LSP_BI_FUNCTION,   // function (parseInt, Symbol, BigInt)
    LSP_BI_VALUE,      // value (NaN, undefined, globalThis)
} LspBuiltinKind;
typedef struct LspBuiltin {
    const char *name;
    LspBuiltinKind kind;
    const char *summary;  // one sentence for hover
    const char *members;  // static members, space-separated; methods end in `(`
} LspBuiltin;
// The built-in global with this name, or NULL. O(table).
const LspBuiltin *lsp_builtin_find(const char *name, uint32_t len);
// Entry i of the table (in table order), or NULL past the end.
const LspBuiltin *lsp_builtin_at(uint32_t i);
// Appends the hover sentence of a built-in global; false when unknown.
bool lsp_builtin_describe(const char *name, uint32_t len, OchBuf *out);
// Iterates the members string: the next member at *cursor (name, length,
// whether a method); false at the end.
bool lsp_builtin_member_next(const char **cursor, const char **name, uint32_t *len, bool *method);

// ---------------------------------------------------------------------------
// Queries shared by the navigation features (lsp_query.c).

// The document and byte offset of params.textDocument + params.position;
// false (reply set) when either is missing or of the wrong type, or the
// document is not open. Analyzes the document.
bool lsp_param_doc_pos(LspServer *s, json_t *params, LspReply *r, LspDoc **doc, uint32_t *off);
// The nodes containing offset, outermost (PROGRAM) first, into path (at
// most max); returns the count. A cursor right after a token counts as in
// it (as an_binding_at does). O(depth * siblings).
uint32_t lsp_node_path(PsNode *root, uint32_t offset, PsNode **path, uint32_t max);
// A class declaration has two bindings on one identifier: the outer one
// and the class's own name inside its body. Given either, the other (or
// NULL).
AnBinding *lsp_binding_twin(const AnResult *an, const AnBinding *b);
// The identifier text of a node (IDENTIFIER, JSX_IDENTIFIER, string
// LITERAL module export names), or NULL.
const char *lsp_node_name(const PsNode *n, uint32_t *len);
// True when a binding's scope is a module's top level.
bool lsp_binding_is_module_level(const AnBinding *b);

// A document for a file path: the open document with that path, or the
// file read from disk and analyzed as a module. With cache, the file's
// analysis is kept in the server's disk cache (borrowed: valid until the
// next call); else *temp is set and the caller frees it with lsp_doc_free
// (a file already cached is returned from the cache). NULL when neither
// exists.
LspDoc *lsp_doc_for_path(LspServer *s, const char *path, bool cache, bool *temp);
// Frees the disk cache.
void lsp_disk_cache_free(LspServer *s);
// The document an import/export `from` specifier of doc refers to (relative
// specifiers only, trying the extensions .js/.mjs and index files), or NULL.
// *temp as lsp_doc_for_path.
LspDoc *lsp_doc_resolve(LspServer *s, LspDoc *doc, const PsNode *source, bool *temp);
// The normalized absolute path a relative specifier names before extension
// probing (new string), or NULL when not relative or doc has no path.
char *lsp_module_base(const LspDoc *doc, const PsNode *source);
// A file:// URI for an absolute path (new string).
char *lsp_path_to_uri(const char *path);

// The IMPORT_DECL or EXPORT_* declaration (top level of doc) whose range
// contains node, or NULL.
PsNode *lsp_module_decl_of(LspDoc *doc, const PsNode *node);
// The binding doc exports under name (`export const name`, `export {x as
// name}`, `export default x` for "default"), with *node set to the
// declaring or exporting identifier to jump to (may be set with a NULL
// return for `export default <expression>`). NULL when not exported.
AnBinding *lsp_export_lookup(LspDoc *doc, const char *name, uint32_t len, PsNode **node);
// Calls fn for every name under which doc exports binding b: the exported
// name node (an IDENTIFIER or string LITERAL; the declaring identifier for
// `export const`), and the EXPORT_SPECIFIER when it is one (else NULL).
typedef void (*LspExportFn)(void *ctx, PsNode *name, PsNode *spec);
void lsp_export_names(LspDoc *doc, const AnBinding *b, LspExportFn fn, void *ctx);

// Documents loaded from disk while following imports (freed together).
#define LSP_TEMPS_MAX 9u
typedef struct LspTemps {
    LspDoc *v[LSP_TEMPS_MAX];
    uint32_t n;
} LspTemps;
void lsp_temps_free(LspTemps *t);
// A Location object for [start, end) of doc.
json_t *lsp_location(LspServer *s, LspDoc *doc, uint32_t start, uint32_t end);
// The external name an import specifier imports ("default" for a default
// import; NULL for a namespace import).
const char *lsp_imported_name(PsNode *spec, uint32_t *len);
// Follows an import binding (*b in *doc) to the module exporting it,
// through re-exports: on success *doc and *node are the module and the
// identifier (or, for a namespace import, the PROGRAM) to show, and *b the
// exported binding (NULL for a namespace import or `export default
// <expression>`). False when the module cannot be resolved. Documents
// loaded from disk go to temps (lsp_nav.c).
bool lsp_follow_import(LspServer *s, LspDoc **doc, AnBinding **b, PsNode **node, LspTemps *temps);

// Calls fn for every document importing from target (a path): open
// documents first, then, with workspace set, the .js/.mjs files of the
// workspace folders that are not open (analyzed on the fly and freed after
// the call). fn gets the importing IMPORT_DECL; it returns false to stop.
typedef bool (*LspImporterFn)(void *ctx, LspDoc *doc, PsNode *import_decl);
void lsp_for_each_importer(LspServer *s, LspDoc *target, bool workspace, LspImporterFn fn, void *ctx);

// ---------------------------------------------------------------------------
// Trivia and tokens between AST leaves (lsp_lex.c). The AST records
// identifiers and literals but not keywords, punctuators or comments; these
// scanners find them in the gaps between leaves.
typedef enum LspLexKind {
    LSP_LEX_COMMENT,
    LSP_LEX_KEYWORD,
    LSP_LEX_OPERATOR,
    LSP_LEX_STRING,   // only inside unparseable regions
    LSP_LEX_NUMBER,   // only inside unparseable regions
} LspLexKind;

typedef struct LspLexTok {
    LspLexKind kind;
    uint32_t start, end;
} LspLexTok;

// Scans src[*pos..limit) for the next token; a comment may run past limit
// (up to len). Returns false at the limit. Skips whitespace and characters
// it does not classify (brackets, `;`, `,`, `.`, unknown words).
bool lsp_lex_next(const char *src, uint32_t len, uint32_t *pos, uint32_t limit, bool operators,
                  LspLexTok *out);

// Calls fn for every comment of a parsed document, in source order
// (tree walk plus gap scans: O(size)).
typedef void (*LspCommentFn)(void *ctx, uint32_t start, uint32_t end);
void lsp_for_each_comment(const PsParse *parse, LspCommentFn fn, void *ctx);

#endif
