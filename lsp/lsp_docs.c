// Open documents: a hash table by URI, each document with its text, its
// version and an analysis snapshot (parse + scopes + early errors).
//
// The snapshot is rebuilt lazily, when something needs it (diagnostics,
// a request). Between two rebuilds the document remembers the edits in
// byte offsets, and the snapshot keeps the bytes its tree points into
// (snap_src), so that reparse() below can hand the old tree and the edits
// to the parser's incremental re-parse (ps_reparse, docs/adr/0004) instead
// of parsing from scratch. Memory per
// document: the text, at most one older copy of it while edits are
// pending, the line starts, and the trees.
#include <string.h>

#include "lsp_int.h"

static uint32_t hash_uri(const char *s) {
    uint32_t h = 2166136261u;  // FNV-1a
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

void lsp_docs_init(LspDocs *self) {
    self->nbuckets = 64;
    self->buckets = och_calloc(self->nbuckets, sizeof *self->buckets);
    self->count = 0;
}

void lsp_doc_free(LspDoc *doc) {
    if (!doc) return;
    an_result_free(doc->an);
    if (doc->parse) ps_parse_free(doc->parse);
    och_free(doc->snap_src);
    och_free(doc->pending_src);
    an_suppress_free(&doc->sup);
    och_diag_list_free(&doc->prev_diags);
    och_arena_free(&doc->prev_arena);
    och_vec_free(&doc->prev_edits);
    lsp_text_free(&doc->text);
    och_vec_free(&doc->edits);
    och_free(doc->uri);
    och_free(doc->path);
    och_free(doc);
}

void lsp_docs_free(LspDocs *self) {
    for (uint32_t i = 0; i < self->nbuckets; i++) {
        LspDoc *d = self->buckets[i];
        while (d) {
            LspDoc *next = d->next_in_bucket;
            lsp_doc_free(d);
            d = next;
        }
    }
    och_free(self->buckets);
    memset(self, 0, sizeof *self);
}

LspDoc *lsp_docs_find(const LspDocs *self, const char *uri) {
    for (LspDoc *d = self->buckets[hash_uri(uri) & (self->nbuckets - 1)]; d; d = d->next_in_bucket)
        if (strcmp(d->uri, uri) == 0) return d;
    return NULL;
}

static void grow(LspDocs *self) {
    uint32_t n = self->nbuckets * 2;
    LspDoc **b = och_calloc(n, sizeof *b);
    for (uint32_t i = 0; i < self->nbuckets; i++) {
        LspDoc *d = self->buckets[i];
        while (d) {
            LspDoc *next = d->next_in_bucket;
            uint32_t k = hash_uri(d->uri) & (n - 1);
            d->next_in_bucket = b[k];
            b[k] = d;
            d = next;
        }
    }
    och_free(self->buckets);
    self->buckets = b;
    self->nbuckets = n;
}

void lsp_docs_add(LspDocs *self, LspDoc *doc) {
    lsp_docs_remove(self, doc->uri);
    if (self->count + 1 > self->nbuckets) grow(self);
    uint32_t k = hash_uri(doc->uri) & (self->nbuckets - 1);
    doc->next_in_bucket = self->buckets[k];
    self->buckets[k] = doc;
    self->count++;
}

bool lsp_docs_remove(LspDocs *self, const char *uri) {
    LspDoc **link = &self->buckets[hash_uri(uri) & (self->nbuckets - 1)];
    for (; *link; link = &(*link)->next_in_bucket) {
        if (strcmp((*link)->uri, uri) == 0) {
            LspDoc *d = *link;
            *link = d->next_in_bucket;
            self->count--;
            lsp_doc_free(d);
            return true;
        }
    }
    return false;
}

// Applies the parse's pending position shifts; the old bytes it borrowed
// until then are freed.
static void settle(LspDoc *doc) {
    if (!doc->parse || !doc->parse->pending) return;
    ps_parse_settle(doc->parse);
    och_free(doc->pending_src);
    doc->pending_src = NULL;
}

// Before the first edit after a parse, the snapshot takes the bytes it
// borrows and the text continues on a copy.
static void detach_snapshot(LspDoc *doc) {
    if (doc->parse && !doc->stale) {
        settle(doc);
        doc->snap_src = lsp_text_take_copy(&doc->text);
    }
    doc->stale = true;
}

OchStatus lsp_doc_replace(LspDoc *doc, uint32_t start, uint32_t end, const char *s, size_t n) {
    if (end < start) {
        uint32_t t = start;
        start = end;
        end = t;
    }
    if ((size_t)doc->text.len - (end - start) + n > LSP_TEXT_MAX) return OCH_ERR_INVALID;
    detach_snapshot(doc);
    OchStatus st = lsp_text_replace(&doc->text, start, end, s, n);
    if (st != OCH_OK) return st;
    if (doc->edits.len < LSP_EDIT_LOG_MAX) och_vec_push(&doc->edits, ((LspEdit){start, end, start + (uint32_t)n}));
    else doc->edits_overflow = true;
    if (doc->prev_valid) {
        if (doc->prev_edits.len < LSP_EDIT_LOG_MAX)
            och_vec_push(&doc->prev_edits, ((LspEdit){start, end, start + (uint32_t)n}));
        else doc->prev_valid = false;
    }
    return OCH_OK;
}

OchStatus lsp_doc_set_text(LspDoc *doc, const char *s, size_t n) {
    if (n > LSP_TEXT_MAX) return OCH_ERR_INVALID;
    LspText fresh;
    if (lsp_text_init(&fresh, s, n) != OCH_OK) return OCH_ERR_INVALID;
    if (doc->parse && !doc->stale) {
        // The snapshot keeps the old bytes; no copy needed.
        doc->snap_src = doc->text.data;
        doc->text.data = NULL;
    }
    settle(doc);
    doc->stale = true;
    lsp_text_free(&doc->text);
    doc->text = fresh;
    doc->edits_overflow = true;  // nothing to reuse
    doc->prev_valid = false;
    return OCH_OK;
}

// Replaces the snapshot's tree with one of the current text. When the edits
// since the snapshot are known (!doc->edits_overflow), the parser re-parses
// incrementally from doc->parse, whose bytes are doc->snap_src: only the
// statements around the edits are parsed again and the tree is updated in
// place (parser.h ps_reparse), so old and new trees never coexist either.
// The re-parsed tree keeps borrowing the old bytes (pending_src) until it is
// settled: analysis settles it, a syntax-only publish does not need to.
static void reparse(LspDoc *doc) {
    an_result_free(doc->an);
    doc->an = NULL;
    doc->an_lint = false;
    PsOptions po;
    ps_options_default(&po);
    po.goal = doc->goal;
    po.tolerant = true;
    po.jsx = doc->jsx;
    bool incremental = doc->parse && doc->snap_src && !doc->edits_overflow && doc->edits.len &&
                       doc->parse->opts.goal == po.goal && doc->parse->opts.jsx == po.jsx &&
                       doc->parse->opts.tolerant;
    if (incremental) {
        PsEdit *edits = och_malloc(doc->edits.len * sizeof *edits);
        for (uint32_t i = 0; i < doc->edits.len; i++)
            edits[i] = (PsEdit){doc->edits.items[i].start, doc->edits.items[i].old_end,
                                doc->edits.items[i].new_end};
        doc->parse = ps_reparse(doc->parse, doc->text.data, doc->text.len, edits, doc->edits.len);
        och_free(edits);
        och_free(doc->pending_src);
        doc->pending_src = doc->snap_src;  // borrowed by the tree until settle()
        doc->snap_src = NULL;
        if (!doc->parse->pending) {
            och_free(doc->pending_src);
            doc->pending_src = NULL;
        }
    } else {
        // A full parse needs nothing from the old snapshot: free it first,
        // so that two trees never coexist (the peak memory of a large
        // document).
        if (doc->parse) ps_parse_free(doc->parse);
        och_free(doc->snap_src);
        och_free(doc->pending_src);
        doc->parse = NULL;
        doc->snap_src = NULL;
        doc->pending_src = NULL;
        doc->parse = ps_parse(doc->text.data, doc->text.len, &po);
    }
    doc->stale = false;
    doc->edits.len = 0;
    doc->edits_overflow = false;
}

void lsp_doc_parse(LspDoc *doc) {
    if (doc->parse && !doc->stale) return;
    reparse(doc);
}

// The suppression comments of the analyzed text (as `ochre check` reads
// them), for the lint findings of doc->an.
static void scan_suppressions(LspDoc *doc) {
    an_suppress_free(&doc->sup);
    an_suppress_init(&doc->sup);
    if (!doc->an_lint || !an_suppress_may_have_directives(doc->text.data, doc->text.len)) return;
    OchLineIndex lines;
    och_line_index_init(&lines, doc->text.data, doc->text.len);
    an_suppress_scan(&doc->sup, doc->parse, &lines);
    och_line_index_free(&lines);
}

// Staged documents keep a copy of the findings for the syntax-first
// publishes of the next versions.
static void keep_findings(LspDoc *doc) {
    if (doc->text.len < LSP_STAGED_SIZE) {
        doc->prev_valid = false;
        return;
    }
    och_diag_list_free(&doc->prev_diags);
    och_arena_free(&doc->prev_arena);
    och_arena_init(&doc->prev_arena);
    doc->prev_diags.arena = &doc->prev_arena;
    const OchDiagList *src = &doc->an->diags;
    for (uint32_t i = 0; i < src->v.len; i++) {
        OchDiag d = src->v.items[i];
        if (lsp_doc_suppressed(doc, &d)) continue;
        if (d.message) d.message = och_arena_strndup(&doc->prev_arena, d.message, strlen(d.message));
        if (d.nrelated) {
            OchRelated *rel = och_arena_alloc(&doc->prev_arena, d.nrelated * sizeof *rel);
            for (uint32_t k = 0; k < d.nrelated; k++) {
                rel[k] = d.related[k];
                if (rel[k].message)
                    rel[k].message = och_arena_strndup(&doc->prev_arena, rel[k].message,
                                                       strlen(rel[k].message));
            }
            d.related = rel;
        }
        och_vec_push(&doc->prev_diags.v, d);
    }
    doc->prev_edits.len = 0;
    doc->prev_valid = true;
}

bool lsp_doc_analyze_cancellable(LspDoc *doc, bool (*cancel)(void *), void *ctx) {
    if (doc->parse && !doc->stale && doc->an) return true;
    lsp_doc_parse(doc);
    settle(doc);
    AnOptions ao = doc->an_opts;
    ao.cancel = cancel;
    ao.cancel_ctx = ctx;
    doc->an = an_analyze(doc->parse, &ao);
    if (!doc->an) return false;
    doc->an_lint = ao.lint;  // code actions reuse these findings and fixes
    scan_suppressions(doc);
    keep_findings(doc);
    return true;
}

bool lsp_doc_suppressed(const LspDoc *doc, const OchDiag *d) {
    if (!doc->sup.v.len) return false;
    const char *rule = an_rule_id(d->code);
    if (!rule) return false;  // only lint findings can be suppressed
    return an_suppress_hides(&doc->sup, rule, och_diag_code_str(d->code), d->span.start,
                             lsp_text_line_of(&doc->text, d->span.start));
}

void lsp_doc_analyze(LspDoc *doc) { lsp_doc_analyze_cancellable(doc, NULL, NULL); }

// Where a span of the analyzed text is now: false when an edit since
// touched it (replaced part of it, or inserted inside it).
static bool map_span(const LspDoc *doc, OchSpan *sp) {
    OchSpan m = *sp;
    for (uint32_t i = 0; i < doc->prev_edits.len; i++) {
        const LspEdit *e = &doc->prev_edits.items[i];
        if (m.start < e->old_end && m.end > e->start) return false;
        if (m.start >= e->old_end) {
            int64_t d = (int64_t)e->new_end - (int64_t)e->old_end;
            m.start = (uint32_t)((int64_t)m.start + d);
            m.end = (uint32_t)((int64_t)m.end + d);
        }
    }
    *sp = m;
    return true;
}

void lsp_doc_prev_diags(const LspDoc *doc, OchDiagList *out, OchArena *arena) {
    out->arena = arena;
    if (!doc->prev_valid) return;
    for (uint32_t i = 0; i < doc->prev_diags.v.len; i++) {
        OchDiag d = doc->prev_diags.v.items[i];
        if (!map_span(doc, &d.span)) continue;
        if (d.nrelated) {
            OchRelated *rel = och_arena_alloc(arena, d.nrelated * sizeof *rel);
            uint32_t n = 0;
            for (uint32_t k = 0; k < d.nrelated; k++) {
                rel[n] = d.related[k];
                if (map_span(doc, &rel[n].span)) n++;
            }
            d.related = rel;
            d.nrelated = n;
        }
        och_vec_push(&out->v, d);
    }
}
