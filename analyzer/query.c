// Indexes and queries over an analysis: identifier and scope nodes sorted
// by start offset (binary search by node or by offset), scope lookup by
// offset and by name, and the readable dump used by tests and the CLI.
#include "analyzer_int.h"

// Stable merge sort of tagged entries by their node's start (the walk
// appends in nearly source order, so this runs only when an entry came
// before its predecessor; a declaration and its initializing reference share
// a start and keep their order).
static uint32_t ident_start(uintptr_t e) { return an_ix_node(e)->start; }
static uint32_t scope_start(uintptr_t e) { return ((const AnScope *)e)->node->start; }

static void sort_entries(uintptr_t *v, uint32_t n, uint32_t (*key)(uintptr_t)) {
    uintptr_t *tmp = och_malloc((size_t)n * sizeof *tmp);
    for (uint32_t width = 1; width < n; width *= 2) {
        for (uint32_t lo = 0; lo < n; lo += 2 * width) {
            uint32_t mid = lo + width < n ? lo + width : n;
            uint32_t hi = lo + 2 * width < n ? lo + 2 * width : n;
            uint32_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi) tmp[k++] = key(v[j]) < key(v[i]) ? v[j++] : v[i++];
            while (i < mid) tmp[k++] = v[i++];
            while (j < hi) tmp[k++] = v[j++];
        }
        memcpy(v, tmp, (size_t)n * sizeof *v);
    }
    och_free(tmp);
}

void an_index_finish(AnWalker *w) {
    AnResult *r = w->res;
    if (w->idents_unsorted) sort_entries(w->idents.items, w->idents.len, ident_start);
    if (w->scopes_unsorted)
        sort_entries((uintptr_t *)w->scope_ix.items, w->scope_ix.len, scope_start);
    // The vectors' buffers move to the result (freed by an_result_free).
    r->idents = w->idents.items;
    r->nidents = w->idents.len;
    r->scope_index = w->scope_ix.items;
    r->nscope_index = w->scope_ix.len;
    w->idents.items = NULL;
    w->idents.len = w->idents.cap = 0;
    w->scope_ix.items = NULL;
    w->scope_ix.len = w->scope_ix.cap = 0;
}

// First identifier entry whose node starts at or after key.
static uint32_t ident_lower_bound(const AnResult *self, uint32_t key) {
    uint32_t lo = 0, hi = self->nidents;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (ident_start(self->idents[mid]) < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

AnScope *an_scope_of_node(const AnResult *self, const PsNode *node) {
    if (!node) return NULL;
    uint32_t lo = 0, hi = self->nscope_index;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (self->scope_index[mid]->node->start < node->start)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (uint32_t i = lo; i < self->nscope_index; i++) {
        AnScope *s = self->scope_index[i];
        if (s->node->start != node->start) break;
        if (s->node == node) return s;
    }
    return NULL;
}

AnRef *an_ref_of_node(const AnResult *self, const PsNode *ident) {
    if (!ident) return NULL;
    for (uint32_t i = ident_lower_bound(self, ident->start); i < self->nidents; i++) {
        uintptr_t e = self->idents[i];
        if (an_ix_node(e)->start != ident->start) break;
        if (an_ix_is_ref(e) && ((AnRef *)e)->node == ident) return (AnRef *)e;
    }
    return NULL;
}

// The binding of the entries starting at the same offset as entry i
// (declaration first, else a reference's), or of node when given.
static AnBinding *binding_of_entries(const AnResult *self, uint32_t i, const PsNode *node) {
    uint32_t start = an_ix_node(self->idents[i])->start;
    AnBinding *from_ref = NULL;
    for (; i < self->nidents; i++) {
        uintptr_t e = self->idents[i];
        const PsNode *n = an_ix_node(e);
        if (n->start != start) break;
        if (node && n != node) continue;
        if (!an_ix_is_ref(e)) return an_ix_binding(e);
        if (!from_ref) from_ref = ((AnRef *)e)->binding;
    }
    return from_ref;
}

AnBinding *an_binding_of_node(const AnResult *self, const PsNode *ident) {
    if (!ident) return NULL;
    uint32_t i = ident_lower_bound(self, ident->start);
    if (i >= self->nidents || an_ix_node(self->idents[i])->start != ident->start) return NULL;
    return binding_of_entries(self, i, ident);
}

AnBinding *an_binding_at(const AnResult *self, uint32_t offset) {
    // The identifier starting at or before offset; a cursor right after a
    // name (offset == end) still designates it.
    uint32_t i = ident_lower_bound(self, offset + 1);
    if (i == 0) return NULL;
    const PsNode *n = an_ix_node(self->idents[i - 1]);
    if (n->end < offset) return NULL;
    uint32_t j = ident_lower_bound(self, n->start);
    return binding_of_entries(self, j, NULL);
}

void an_for_each_ref(const AnResult *self, AnRefFn fn, void *ctx) {
    for (uint32_t i = 0; i < self->nidents; i++) {
        uintptr_t e = self->idents[i];
        if (an_ix_is_ref(e) && !fn((AnRef *)e, ctx)) return;
    }
}

void an_scope_for_each_ref(const AnResult *self, const AnScope *s, AnRefFn fn, void *ctx) {
    for (uint32_t i = ident_lower_bound(self, s->start); i < self->nidents; i++) {
        uintptr_t e = self->idents[i];
        if (an_ix_node(e)->start >= s->end) break;
        if (an_ix_is_ref(e) && ((AnRef *)e)->scope == s && !fn((AnRef *)e, ctx)) return;
    }
}

AnScope *an_scope_at(const AnResult *self, uint32_t offset) {
    AnScope *s = self->root;
    for (;;) {
        AnScope *next = NULL;
        for (AnScope *c = s->first_child; c; c = c->next_sibling)
            if (c->start <= offset && offset < c->end) next = c;  // last match: innermost sibling
        if (!next) return s;
        s = next;
    }
}

AnBinding *an_scope_lookup(const AnScope *scope, const char *name, uint32_t len) {
    for (const AnScope *s = scope; s; s = s->parent)
        for (AnBinding *b = s->bindings; b; b = b->next)
            if (b->len == len && memcmp(b->name, name, len) == 0) return b;
    return NULL;
}

const char *an_scope_kind_name(AnScopeKind kind) {
    static const char *const names[AN_SCOPE_KIND_COUNT] = {
        "global", "module", "function-name", "params", "function", "class", "class-field",
        "static-block", "block", "switch", "catch", "for", "with",
    };
    return (unsigned)kind < AN_SCOPE_KIND_COUNT ? names[kind] : "?";
}

const char *an_binding_kind_name(AnBindingKind kind) {
    static const char *const names[AN_BIND_KIND_COUNT] = {
        "var", "let", "const", "using", "await-using", "function", "class", "class-name",
        "function-name", "param", "catch", "import", "arguments", "label", "private",
    };
    return (unsigned)kind < AN_BIND_KIND_COUNT ? names[kind] : "?";
}

// ---------------------------------------------------------------------------
// Dump.

static void put_flags(OchBuf *out, uint32_t flags, const char *const *names, unsigned count) {
    for (unsigned i = 0; i < count; i++)
        if (flags & (1u << i)) {
            och_buf_putc(out, ' ');
            och_buf_puts(out, names[i]);
        }
}

static const char *const scope_flag_names[] = {
    "strict", "closure", "arrow", "method", "constructor", "derived", "per-iteration",
    "has-eval", "eval-tainted", "dynamic", "contains-with", "uses-arguments", "uses-this",
    "uses-super", "uses-super-call", "uses-new-target", "this-captured",
};

static const char *const binding_flag_names[] = {
    "lexical", "tdz", "captured", "read", "written", "annexb", "annexb-var", "exported",
    "redeclared", "getter", "setter", "static", "method",
};

static const char *const ref_flag_names[] = {
    "r", "w", "init", "tdz", "closure", "dynamic", "typeof", "export", "label", "private", "callee",
};

static void put_ref(OchBuf *out, const AnRef *r) {
    och_buf_printf(out, " %u", r->node->start);
    for (unsigned i = 0; i < sizeof ref_flag_names / sizeof *ref_flag_names; i++)
        if (r->flags & (1u << i)) och_buf_printf(out, ":%s", ref_flag_names[i]);
}

static void put_binding(OchBuf *out, const AnBinding *b, unsigned indent) {
    och_buf_printf(out, "%*s%s %.*s", (int)indent, "", an_binding_kind_name((AnBindingKind)b->kind),
                   (int)b->len, b->name);
    put_flags(out, b->flags, binding_flag_names,
              sizeof binding_flag_names / sizeof *binding_flag_names);
    if (b->annexb_var) och_buf_printf(out, " ->var@%u", b->annexb_var->scope->start);
    if (b->nrefs) {
        // The list is newest first; print in source order.
        const AnRef **v = och_malloc(b->nrefs * sizeof *v);
        uint32_t n = 0;
        for (const AnRef *r = b->refs; r && n < b->nrefs; r = r->next_for_binding) v[n++] = r;
        och_buf_puts(out, " refs:");
        while (n) put_ref(out, v[--n]);
        och_free(v);
    }
    och_buf_putc(out, '\n');
}

static void dump_scope(const AnScope *s, OchBuf *out, unsigned indent) {
    och_buf_printf(out, "%*s%s [%u,%u)", (int)indent, "", an_scope_kind_name((AnScopeKind)s->kind),
                   s->start, s->end);
    put_flags(out, s->flags, scope_flag_names, sizeof scope_flag_names / sizeof *scope_flag_names);
    och_buf_putc(out, '\n');
    for (const AnBinding *b = s->bindings; b; b = b->next) put_binding(out, b, indent + 2);
    for (const AnBinding *b = s->labels; b; b = b->next) put_binding(out, b, indent + 2);
    for (const AnBinding *b = s->privates; b; b = b->next) put_binding(out, b, indent + 2);
    for (const AnScope *c = s->first_child; c; c = c->next_sibling) dump_scope(c, out, indent + 2);
}

void an_result_dump(const AnResult *self, OchBuf *out) {
    dump_scope(self->root, out, 0);
    bool any = false;
    for (uint32_t i = 0; i < self->nidents; i++) {
        uintptr_t e = self->idents[i];
        if (!an_ix_is_ref(e)) continue;
        const AnRef *r = (const AnRef *)e;
        if (r->binding) continue;
        if (!any) och_buf_puts(out, "unresolved:");
        any = true;
        och_buf_printf(out, " %.*s", (int)r->node->aux, ((const PsIdent *)r->node)->name);
        put_ref(out, r);
    }
    if (any) och_buf_putc(out, '\n');
}
