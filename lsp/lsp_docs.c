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

// Before the first edit after an analysis, the snapshot takes the bytes it
// borrows and the text continues on a copy.
static void detach_snapshot(LspDoc *doc) {
    if (doc->parse && !doc->stale) doc->snap_src = lsp_text_take_copy(&doc->text);
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
    doc->stale = true;
    lsp_text_free(&doc->text);
    doc->text = fresh;
    doc->edits_overflow = true;  // nothing to reuse
    return OCH_OK;
}

// Replaces the snapshot with one of the current text. When the edits since
// the snapshot are known (!doc->edits_overflow), the parser re-parses
// incrementally from doc->parse, whose bytes are doc->snap_src: only the
// statements around the edits are parsed again and the tree is updated in
// place (parser.h ps_reparse), so old and new trees never coexist either.
static void reparse(LspDoc *doc) {
    an_result_free(doc->an);
    doc->an = NULL;
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
        // The analyzer reads positions: apply the pending shift now, after
        // which the old bytes are no longer borrowed.
        ps_parse_settle(doc->parse);
        och_free(doc->snap_src);
        doc->snap_src = NULL;
    } else {
        // A full parse needs nothing from the old snapshot: free it first,
        // so that two trees never coexist (the peak memory of a large
        // document).
        if (doc->parse) ps_parse_free(doc->parse);
        och_free(doc->snap_src);
        doc->parse = NULL;
        doc->snap_src = NULL;
        doc->parse = ps_parse(doc->text.data, doc->text.len, &po);
    }
    // TODO(#5): publish lint findings too (ao.lint, doc->an_lint) once the
    // LSP reads ochre.json; code actions analyze with lint on demand.
    AnOptions ao;
    an_options_default(&ao);
    doc->an = an_analyze(doc->parse, &ao);
}

void lsp_doc_analyze(LspDoc *doc) {
    if (doc->parse && !doc->stale) return;
    reparse(doc);
    doc->stale = false;
    doc->edits.len = 0;
    doc->edits_overflow = false;
}
