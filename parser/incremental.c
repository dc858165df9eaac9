// Incremental re-parse (docs/adr/0004-incremental-reparse.md).
//
// After edits, the old tree is searched for the statement lists that
// contain the changed bytes: the bodies of the enclosing functions, from the
// innermost one outwards, and the program. In the innermost list that
// qualifies, a run of statements is re-parsed with the list's context
// (strictness, yield/await, super, new.target...), from a statement
// boundary before the edit until the parser is back at a statement boundary
// after the edit where the old tree had one too (same position, same
// preceding end, no diagnostic in the gap): from there on the old parse
// would continue exactly as a full parse does, so the remaining statements
// are reused. When the re-parse runs past the list's closing brace (the
// brackets no longer balance), the next outer list is tried; the program's
// own prologue, strict-mode parses and very deep code fall back to a full
// parse.
//
// The new statements are spliced into the old tree in place (the parse
// result keeps its arena; replaced nodes stay in it as garbage until the
// next full parse, see GARBAGE_SHARE). Nodes after the region keep their
// old offsets and their strings keep pointing into the old text until
// ps_parse_settle applies the shift (one walk, when a consumer needs
// positions), so a re-parse costs only the region and the path to it.
#include "parser_int.h"

// A full parse replaces incremental ones once the arena has grown by a
// quarter of its size after the last full parse plus 1 MB: replaced nodes
// and copied statement lists stay in it as garbage until then, and an open
// document's memory should stay close to one tree.
#define GARBAGE_SHARE 4
#define GARBAGE_SLACK ((size_t)1 << 20)

// Position shift and string moves not yet applied to the reused nodes.
typedef struct PsIncrPending {
    const char *old_src;
    uint32_t old_len;
    uint32_t shift_at;     // old offsets >= shift_at move by delta
    int64_t delta;
    PsListNode *container; // its items [first, first + count) are new: skip them
    uint32_t first, count;
} PsIncrPending;

void ps_incr_pending_free(PsParse *parse) {
    och_free(parse->pending);
    parse->pending = NULL;
}

// ---------------------------------------------------------------------------
// Settling.

static void rebase(const PsIncrPending *pd, const char *new_src, const char **s) {
    uintptr_t p = (uintptr_t)*s, base = (uintptr_t)pd->old_src;
    if (!*s || p < base || p > base + pd->old_len + PS_SOURCE_PADDING) return;
    uint64_t off = p - base;
    if (off >= pd->shift_at) off = (uint64_t)((int64_t)off + pd->delta);
    *s = new_src + off;
}

static void settle_node(const PsIncrPending *pd, const char *new_src, PsNode *n) {
    if (n->start >= pd->shift_at) n->start = (uint32_t)(n->start + pd->delta);
    if (n->end >= pd->shift_at) n->end = (uint32_t)(n->end + pd->delta);
    switch ((PsNodeKind)n->kind) {
    case PS_NODE_IDENTIFIER:
    case PS_NODE_PRIVATE_IDENTIFIER:
    case PS_NODE_JSX_IDENTIFIER:
        rebase(pd, new_src, &PS_AS(PsIdent, n)->name);
        break;
    case PS_NODE_LITERAL:
    case PS_NODE_JSX_TEXT:
        if (n->op == PS_LIT_STRING || n->op == PS_LIT_BIGINT || n->op == PS_LIT_REGEX ||
            n->op == PS_LIT_JSX_TEXT)
            rebase(pd, new_src, &PS_AS(PsLiteral, n)->u.str);
        break;
    case PS_NODE_TEMPLATE_ELEMENT:
        rebase(pd, new_src, &PS_AS(PsTemplateElement, n)->cooked);
        rebase(pd, new_src, &PS_AS(PsTemplateElement, n)->raw);
        break;
    default:
        break;
    }
}

typedef OCH_VEC(PsNode *) NodeStack;

static bool push_child(PsNode *child, void *ctx) {
    och_vec_push((NodeStack *)ctx, child);
    return true;
}

void ps_parse_settle(PsParse *self) {
    PsIncrPending *pd = self->pending;
    if (!pd) return;
    // Explicit stack: left-nested chains are deeper than the C stack.
    NodeStack st = {0};
    och_vec_push(&st, self->root);
    while (st.len) {
        PsNode *n = st.items[--st.len];
        settle_node(pd, self->src, n);
        if (pd->container && n == &pd->container->h) {
            const PsList *l = &pd->container->items;
            for (uint32_t i = 0; i < l->count; i++)
                if (i < pd->first || i >= pd->first + pd->count) och_vec_push(&st, l->items[i]);
        } else {
            ps_node_for_each_child(n, push_child, &st);
        }
    }
    och_vec_free(&st);
    // The program starts at 0 even when it was empty (shift_at 0).
    self->root->start = 0;
    ps_incr_pending_free(self);
}

// ---------------------------------------------------------------------------
// Finding the statement lists around the edit.

// A statement list that may be re-parsed in part: the program or the
// BLOCK body of a function, with the parser context at its start.
typedef struct Container {
    PsListNode *list;
    PsFunction *fn;      // NULL for the program
    uint32_t entry_ctx;  // PS_CTX_* before the body's directives
    bool in_class;       // inside a class body (private names)
    uint32_t path_len;   // the container is path[path_len - 1]
} Container;

typedef struct Descent {
    OCH_VEC(PsNode *) path;  // root ... innermost node holding the edit
    OCH_VEC(Container) containers;
} Descent;

typedef struct FindCtx {
    uint32_t cs, ce;
    PsNode *found;
} FindCtx;

static bool find_child(PsNode *child, void *ctx) {
    FindCtx *f = ctx;
    if (child->start <= f->cs && f->ce <= child->end) {
        f->found = child;
        return false;
    }
    return true;
}

// First index whose item ends at or after pos (items sorted, non-NULL).
static uint32_t first_ending_at_or_after(const PsList *l, uint32_t pos) {
    uint32_t lo = 0, hi = l->count;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (l->items[mid]->end < pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

// First index whose item starts at or after pos.
static uint32_t first_starting_at_or_after(const PsList *l, uint32_t pos) {
    uint32_t lo = 0, hi = l->count;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (l->items[mid]->start < pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static PsNode *child_holding(PsNode *n, uint32_t cs, uint32_t ce) {
    switch ((PsNodeKind)n->kind) {
    case PS_NODE_PROGRAM:
    case PS_NODE_BLOCK:
    case PS_NODE_CLASS_BODY:
    case PS_NODE_STATIC_BLOCK: {
        // Long lists: binary search (items are sorted and never NULL).
        const PsList *l = &PS_AS(PsListNode, n)->items;
        uint32_t i = first_ending_at_or_after(l, ce);
        if (i < l->count && l->items[i]->start <= cs) return l->items[i];
        return NULL;
    }
    default: {
        FindCtx f = {cs, ce, NULL};
        ps_node_for_each_child(n, find_child, &f);
        return f.found;
    }
    }
}

static bool is_method_value(const PsNode *parent, const PsNode *child) {
    if (child->kind != PS_NODE_FUNCTION_EXPR) return false;
    if (parent->kind == PS_NODE_METHOD_DEF) return PS_AS(PsClassMember, parent)->value == child;
    if (parent->kind == PS_NODE_PROPERTY)
        return PS_AS(PsProperty, parent)->value == child &&
               ((parent->flags & PS_NF_METHOD) || parent->op == PS_PROP_GET ||
                parent->op == PS_PROP_SET);
    return false;
}

// Walks from the root towards [cs, ce) and records the statement lists on
// the way with the context the parser had at their start (mirrors
// parse_func.c: function_ctx, ps_parse_method, ps_parse_arrow, class
// fields and static blocks).
static void descend(const PsParse *self, uint32_t cs, uint32_t ce, Descent *d) {
    bool module = self->opts.goal == PS_GOAL_MODULE;
    uint32_t ctx = (module || self->opts.strict ? PS_CTX_STRICT : 0) | (module ? PS_CTX_AWAIT : 0);
    PsNode *n = self->root;
    och_vec_push(&d->path, n);
    och_vec_push(&d->containers,
                 ((Container){PS_AS(PsListNode, n), NULL, ctx, false, d->path.len}));
    if (n->flags & PS_NF_STRICT) ctx |= PS_CTX_STRICT;
    bool in_class = false, derived = false;
    PsNode *parent = NULL;
    for (;;) {
        PsNode *c = child_holding(n, cs, ce);
        if (!c) break;
        switch ((PsNodeKind)n->kind) {
        case PS_NODE_FUNCTION_DECL:
        case PS_NODE_FUNCTION_EXPR:
        case PS_NODE_ARROW_FUNCTION: {
            PsFunction *f = PS_AS(PsFunction, n);
            uint32_t entry;
            if (n->kind == PS_NODE_ARROW_FUNCTION) {
                entry = (ctx & (PS_CTX_STRICT | PS_CTX_NEW_TARGET | PS_CTX_SUPER_PROP |
                                PS_CTX_SUPER_CALL | PS_CTX_FIELD_INIT)) |
                        PS_CTX_RETURN | ((n->flags & PS_NF_ASYNC) ? PS_CTX_AWAIT : 0);
            } else {
                entry = (ctx & PS_CTX_STRICT) | PS_CTX_RETURN | PS_CTX_NEW_TARGET |
                        ((n->flags & PS_NF_ASYNC) ? PS_CTX_AWAIT : 0) |
                        ((n->flags & PS_NF_GENERATOR) ? PS_CTX_YIELD : 0);
                if (parent && is_method_value(parent, n)) {
                    entry |= PS_CTX_SUPER_PROP;
                    if (parent->kind == PS_NODE_METHOD_DEF && parent->op == PS_PROP_CONSTRUCTOR &&
                        derived)
                        entry |= PS_CTX_SUPER_CALL;
                }
            }
            if (c == f->body) {
                ctx = entry | ((n->flags & PS_NF_STRICT) ? PS_CTX_STRICT : 0);
                if (c->kind == PS_NODE_BLOCK && !(n->flags & PS_NF_EXPRESSION_BODY)) {
                    och_vec_push(&d->path, c);
                    och_vec_push(&d->containers, ((Container){PS_AS(PsListNode, c), f, entry,
                                                              in_class, d->path.len}));
                    parent = n;
                    n = c;
                    continue;
                }
            } else {
                ctx = entry;
            }
            break;
        }
        case PS_NODE_CLASS_DECL:
        case PS_NODE_CLASS_EXPR:
            ctx |= PS_CTX_STRICT;
            if (c == PS_AS(PsClass, n)->body) {
                in_class = true;
                derived = PS_AS(PsClass, n)->super_class != NULL;
            }
            break;
        case PS_NODE_PROPERTY_DEF:
        case PS_NODE_ACCESSOR_PROPERTY:
            if (c == PS_AS(PsClassMember, n)->value)
                ctx = PS_CTX_STRICT | PS_CTX_NEW_TARGET | PS_CTX_SUPER_PROP | PS_CTX_FIELD_INIT |
                      ((ctx & (PS_CTX_AWAIT | PS_CTX_AWAIT_RESERVED)) ? PS_CTX_AWAIT_RESERVED : 0);
            break;
        case PS_NODE_STATIC_BLOCK:
            ctx = PS_CTX_STRICT | PS_CTX_NEW_TARGET | PS_CTX_SUPER_PROP | PS_CTX_FIELD_INIT |
                  PS_CTX_STATIC_BLOCK;
            break;
        default:
            break;
        }
        och_vec_push(&d->path, c);
        parent = n;
        n = c;
    }
}

// ---------------------------------------------------------------------------
// Re-parsing a run of statements.

typedef struct Region {
    PsParse *self;
    const char *old_src;
    const PsList *items;   // the container's old items
    uint32_t n;            // items->count
    uint32_t j;            // first re-parsed item
    uint32_t mark;         // scratch mark of the region's items
    uint32_t E;            // where the re-parse starts lexing (same in old and new text)
    uint32_t ce_new;       // end of the changed bytes in the new text
    int64_t delta;
    uint32_t close_old;    // old offset of the list's closing `}` (program: old length)
    uint32_t open_end;     // where the list's statements may start
    bool is_prog;
    OchDiagList *new_diags;
    uint32_t nd_seen;      // new diagnostics folded into nd_max so far
    int64_t nd_max;        // largest start among them (-1: none)
    // Result of a successful sync.
    bool synced;
    uint32_t k;            // first reused old item (n: none, up to the close)
} Region;

// Whether an old diagnostic starts in [from, to] (inclusive).
static bool old_diag_in(const OchDiagList *diags, uint32_t from, uint32_t to) {
    const OchDiag *d = diags->v.items;
    uint32_t lo = 0, hi = diags->v.len;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (d[mid].span.start < from)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < diags->v.len && d[lo].span.start <= to;
}


// Checks whether the parser, with the next token current, is where the old
// parse was at the start of an old item after the edit (or at the list's
// close), in a state from which both continue alike.
static bool try_sync(PsParser *p, Region *r) {
    if (p->recover_at != PS_NOPOS || p->stopped) return false;
    uint32_t P = p->lx.tok.start;
    if (P < r->ce_new) return false;
    int64_t pold64 = (int64_t)P - r->delta;
    if (pold64 < 0) return false;
    uint32_t pold = (uint32_t)pold64;
    uint32_t nregion = p->sp - r->mark;
    uint32_t e_new = nregion ? p->scratch[p->sp - 1]->end : r->E;
    bool at_close = r->is_prog ? (ps_at(p, PS_TOK_EOF) && pold == r->close_old)
                               : (ps_at(p, PS_TOK_RBRACE) && pold == r->close_old);
    if (at_close && r->is_prog) {
        // The end of the program: nothing follows, every old diagnostic
        // from E on is replaced.
        r->synced = true;
        r->k = r->n;
        return true;
    }
    uint32_t k, old_prev_end;
    if (at_close) {
        k = r->n;
        old_prev_end = r->n ? r->items->items[r->n - 1]->end : r->open_end;
        if (old_prev_end > r->close_old) return false;
    } else {
        if (nregion == 0 || e_new < r->ce_new) return false;
        k = first_starting_at_or_after(r->items, pold);
        if (k >= r->n || k <= r->j || r->items->items[k]->start != pold ||
            r->items->items[k]->kind == PS_NODE_ERROR)
            return false;
        old_prev_end = r->items->items[k - 1]->end;
        // The new parse must be past the directive prologue, and the old
        // statement k no directive (else the old prologue went on there).
        const PsNode *next = r->items->items[k];
        if (p->prologue_open ||
            (next->kind == PS_NODE_EXPRESSION_STMT && (next->flags & PS_NF_DIRECTIVE)))
            return false;
        if ((int64_t)old_prev_end != (int64_t)e_new - r->delta) return false;
    }
    // Every new diagnostic must start before e_new (the diagnostics arrive
    // unsorted: keep their running maximum, linear over the region).
    for (; r->nd_seen < r->new_diags->v.len; r->nd_seen++)
        if (r->new_diags->v.items[r->nd_seen].span.start > r->nd_max)
            r->nd_max = r->new_diags->v.items[r->nd_seen].span.start;
    if (r->nd_max >= (int64_t)e_new) return false;
    if (old_diag_in(&r->self->diags, old_prev_end, pold)) return false;
    r->synced = true;
    r->k = k;
    return true;
}

static bool sync_hook(PsParser *p, void *ctx) { return try_sync(p, (Region *)ctx); }

static bool count_child(PsNode *child, void *ctx) {
    NodeStack *st = ctx;
    och_vec_push(st, child);
    return true;
}

static uint32_t count_nodes(PsNode *const *items, uint32_t n) {
    NodeStack st = {0};
    uint32_t count = 0;
    for (uint32_t i = 0; i < n; i++) och_vec_push(&st, items[i]);
    while (st.len) {
        PsNode *x = st.items[--st.len];
        count++;
        ps_node_for_each_child(x, count_child, &st);
    }
    och_vec_free(&st);
    return count;
}

static bool related_in(const OchDiag *d, uint32_t from, uint32_t to) {
    for (uint32_t i = 0; i < d->nrelated; i++)
        if (d->related[i].span.end >= from && d->related[i].span.start <= to) return true;
    return false;
}

static uint32_t shift_pos(uint32_t pos, uint32_t at, int64_t delta) {
    return pos >= at ? (uint32_t)((int64_t)pos + delta) : pos;
}

// A kept diagnostic with its offsets (primary and related) from `at` on
// moved by delta; the related array is copied only when something moves.
// Offsets <= keep stay: when nothing old was replaced (E == at), an offset
// at E belongs to what precedes the region.
static uint32_t shift_kept(uint32_t pos, uint32_t at, int64_t keep, int64_t delta) {
    return (int64_t)pos > keep ? shift_pos(pos, at, delta) : pos;
}

static OchDiag shift_diag(OchArena *arena, OchDiag dg, uint32_t at, int64_t keep,
                          int64_t delta) {
    dg.span.start = shift_kept(dg.span.start, at, keep, delta);
    dg.span.end = shift_kept(dg.span.end, at, keep, delta);
    bool moves = false;
    for (uint32_t q = 0; q < dg.nrelated; q++)
        moves |= dg.related[q].span.end >= at && (int64_t)dg.related[q].span.end > keep;
    if (moves) {
        OchRelated *rel = och_arena_alloc(arena, dg.nrelated * sizeof *rel);
        for (uint32_t q = 0; q < dg.nrelated; q++) {
            rel[q] = dg.related[q];
            rel[q].span.start = shift_kept(rel[q].span.start, at, keep, delta);
            rel[q].span.end = shift_kept(rel[q].span.end, at, keep, delta);
        }
        dg.related = rel;
    }
    return dg;
}

typedef struct FlagCtx {
    bool any;
} FlagCtx;

static bool child_flagged(PsNode *child, void *ctx) {
    if (child->flags & PS_NF_HAS_ERROR) {
        ((FlagCtx *)ctx)->any = true;
        return false;
    }
    return true;
}

// Tries to re-parse part of the statement list c. On success the tree,
// diagnostics and pending shift of self are updated and true returned; on
// failure self is unchanged (apart from garbage in the arena).
static bool try_region(PsParse *self, const Container *c, const Descent *d, const char *src,
                       uint32_t len, uint32_t cs, uint32_t ce_old, uint32_t ce_new) {
    const char *old_src = self->src;
    int64_t delta = (int64_t)ce_new - (int64_t)ce_old;
    PsListNode *list = c->list;
    const PsList *items = &list->items;
    uint32_t n = items->count;
    bool is_prog = c->fn == NULL;
    uint32_t open_end, close_old;
    if (is_prog) {
        open_end = 0;
        close_old = self->len;
    } else {
        // The edit must leave the body's braces alone, and the old body
        // must have been closed by its own `}`.
        if (list->h.end < list->h.start + 2 || old_src[list->h.start] != '{' ||
            old_src[list->h.end - 1] != '}')
            return false;
        open_end = list->h.start + 1;
        close_old = list->h.end - 1;
        if (cs < open_end || ce_old > close_old) return false;
        for (uint32_t i = 0; i < self->diags.v.len; i++) {
            const OchDiag *dg = &self->diags.v.items[i];
            if (dg->code == PS_E_UNCLOSED_DELIMITER && dg->nrelated &&
                dg->related[0].span.start == list->h.start)
                return false;
        }
    }
    // Constructs around the list check things after their parts were
    // parsed and report at earlier offsets (a function's parameters and
    // accessor arity after its body, a cover grammar turned pattern...), and
    // tolerant mode drops an error at the offset of the previous one, which
    // may sit in the region. So the part of each enclosing node before the
    // path (from its start to the child's start) must hold no diagnostic.
    // Statement lists report nothing afterwards: their prefixes are free.
    for (uint32_t i = 0; i + 1 < c->path_len; i++) {
        const PsNode *x = d->path.items[i];
        bool is_list = x->kind == PS_NODE_PROGRAM;
        for (uint32_t q = 0; q < d->containers.len && !is_list; q++)
            is_list = &d->containers.items[q].list->h == x;
        if (!is_list && old_diag_in(&self->diags, x->start, d->path.items[i + 1]->start))
            return false;
    }
    // Start one statement before the first one the edit touches (its end
    // may change: ASI, a call on the next line...), at a boundary whose gap
    // holds no diagnostic (the previous statement's parse may have reported
    // at the next token) and that lies after the directive prologue.
    uint32_t j = first_ending_at_or_after(items, cs);
    if (j > 0) j--;
    uint32_t E;
    for (;;) {
        if (j == 0) {
            E = open_end;
            break;
        }
        const PsNode *prev = items->items[j - 1];
        E = prev->end;
        bool directive = prev->kind == PS_NODE_EXPRESSION_STMT && (prev->flags & PS_NF_DIRECTIVE);
        // An ERROR item may be the recovery of the statement before it
        // (ps_recover_after): not a boundary a fresh parse starts at.
        if (!directive && E < items->items[j]->start && items->items[j]->kind != PS_NODE_ERROR &&
            !old_diag_in(&self->diags, E, items->items[j]->start))
            break;
        j--;
    }
    // The directive prologue must be over before item j: the nearest
    // statement before it that is not an ERROR (recovery items do not end
    // a prologue) must be a non-directive. Else start at the list's start.
    if (j > 0) {
        uint32_t i = j;
        bool closed = false;
        while (i-- > 0) {
            const PsNode *it = items->items[i];
            if (it->kind == PS_NODE_ERROR) continue;
            closed = !(it->kind == PS_NODE_EXPRESSION_STMT && (it->flags & PS_NF_DIRECTIVE));
            break;
        }
        if (!closed) {
            j = 0;
            E = open_end;
        }
    }
    if (E > cs) return false;

    PsParse tmp;
    memset(&tmp, 0, sizeof tmp);
    OchDiagList nd = {{0}, &self->arena};
    PsParser p;
    memset(&p, 0, sizeof p);
    p.res = &tmp;
    p.arena = &self->arena;
    p.diags = &nd;
    p.src = src;
    p.len = len;
    p.module = self->opts.goal == PS_GOAL_MODULE;
    p.tolerant = true;
    p.jsx = self->opts.jsx;
    p.decorators = self->opts.decorators;
    p.annex_b = self->opts.annex_b && !p.module;
    p.potential_arrow_at = PS_NOPOS;
    p.yield_pos = p.await_pos = p.await_ident_pos = PS_NOPOS;
    p.last_octal_pos = PS_NOPOS;
    p.recover_at = PS_NOPOS;
    bool strict_flag = is_prog ? (list->h.flags & PS_NF_STRICT) : (c->fn->h.flags & PS_NF_STRICT);
    p.ctx = c->entry_ctx | (j > 0 && strict_flag ? PS_CTX_STRICT : 0);
    // Nesting: exactly as deep as the full parse is at the list's start
    // (recorded in a function body's aux), so "nesting too deep" appears
    // where it would (and then the region is given up).
    p.depth = is_prog ? 0 : list->h.aux;
    p.class_depth = c->in_class ? 1 : 0;
    p.label_base = 0;
    ps_lexer_init(&p.lx, src, len, &self->arena, &nd, p.module, p.annex_b, p.jsx);
    if (E > 0) {
        // As if a token had just ended at E (at 0, ps_lexer_init skipped
        // a hashbang): `-->` is a comment only first on a line or in the file.
        p.lx.pos = E;
        p.lx.tok.start = p.lx.tok.end = E;
    }
    p.lx.strict = (p.ctx & PS_CTX_STRICT) != 0;
    p.prev_end = E;
    ps_lexer_next(&p.lx);
    if (nd.v.len) ps_next_slow(&p);

    Region r = {.self = self,
                .old_src = old_src,
                .items = items,
                .n = n,
                .j = j,
                .mark = 0,
                .E = E,
                .ce_new = ce_new,
                .delta = delta,
                .close_old = close_old,
                .open_end = open_end,
                .is_prog = is_prog,
                .new_diags = &nd,
                .nd_max = -1};
    p.item_hook = sync_hook;
    p.item_hook_ctx = &r;
    PsStmtCtx where = !is_prog ? PS_SL_FUNCTION : p.module ? PS_SL_MODULE : PS_SL_SCRIPT;
    bool simple = is_prog || (c->fn->h.flags & PS_NF_SIMPLE_PARAMS);
    ps_parse_body_items_from(&p, where, simple, j == 0);
    if (!r.synced) try_sync(&p, &r);
    bool ok = r.synced && !p.too_deep && !p.stopped;
    if (ok && j == 0 && ps_strict(&p) != strict_flag) ok = false;  // "use strict" changed
    if (ok && tmp.incomplete && !(is_prog && r.k == n)) ok = false;
    uint32_t m = p.sp - r.mark;
    uint32_t pold_end = r.k < n ? items->items[r.k]->start : close_old;
    uint32_t pnew_end = (uint32_t)((int64_t)pold_end + delta);
    och_diag_sort(&nd);
    // New diagnostics must stay after the start boundary (a zero-width one
    // at E would flag the statement before it).
    for (uint32_t i = 0; ok && i < nd.v.len; i++) {
        const OchDiag *dg = &nd.v.items[i];
        if (dg->span.start < E || (j > 0 && dg->span.start == E && dg->span.end == E)) ok = false;
    }
    // Private names are resolved at the end of their class: a region in a
    // class body must not add or remove any.
    if (ok && c->in_class &&
        (memchr(src + E, '#', pnew_end - E) || memchr(old_src + E, '#', pold_end - E)))
        ok = false;
    // Kept diagnostics must not point into the replaced statements. One
    // that starts before them and ends after them belongs to an enclosing
    // construct (its end moves like the construct's).
    const OchDiagList *od = &self->diags;
    for (uint32_t i = 0; ok && i < od->v.len; i++) {
        const OchDiag *dg = &od->v.items[i];
        if (dg->span.start < E && dg->span.end > E && dg->span.end < pold_end) ok = false;
        if ((dg->span.start < E || dg->span.start > pold_end) && related_in(dg, E, pold_end))
            ok = false;
    }
    if (!ok) {
        och_free(p.scratch);
        och_vec_free(&p.labels);
        och_vec_free(&p.priv_decls);
        och_vec_free(&p.priv_refs);
        och_diag_list_free(&nd);
        return false;
    }

    // Splice: old items [0, j) + new + old items [k, n).
    uint32_t k = r.k;
    uint32_t total = j + m + (n - k);
    uint32_t removed = count_nodes(items->items + j, k - j);
    PsNode **arr;
    if (m == k - j) {
        // Same number of statements (the usual edit): in place, so a long
        // list costs nothing.
        arr = items->items;
    } else {
        arr = total ? och_arena_alloc(&self->arena, total * sizeof *arr) : NULL;
        if (j) memcpy(arr, items->items, j * sizeof *arr);
        if (n - k) memcpy(arr + j + m, items->items + k, (n - k) * sizeof *arr);
    }
    if (m) memcpy(arr + j, p.scratch + r.mark, m * sizeof *arr);
    list->items.items = arr;
    list->items.count = total;
    self->node_count = self->node_count - removed + tmp.node_count;
    if (is_prog && k == n) self->incomplete = tmp.incomplete;

    // Diagnostics: old before E, new, old after the region (shifted).
    OchDiagList merged = {{0}, &self->arena};
    och_vec_reserve(&merged.v, od->v.len + nd.v.len);
    for (uint32_t i = 0; i < od->v.len && od->v.items[i].span.start < E; i++)
        och_vec_push(&merged.v, shift_diag(&self->arena, od->v.items[i], pold_end, E, delta));
    for (uint32_t i = 0; i < nd.v.len; i++) och_vec_push(&merged.v, nd.v.items[i]);
    for (uint32_t i = 0; i < od->v.len; i++)
        if (od->v.items[i].span.start > pold_end)
            och_vec_push(&merged.v, shift_diag(&self->arena, od->v.items[i], pold_end, -1, delta));
    och_diag_list_free(&self->diags);
    self->diags = merged;
    och_diag_list_free(&nd);

    // Error flags: the new statements as a full parse marks them, then the
    // path from the list to the root with its new ranges.
    if (merged.v.len)
        for (uint32_t i = 0; i < m; i++) ps_mark_errors(arr[j + i], &self->diags);
    // Without diagnostics a full parse marks nothing; a diagnostic in the
    // node's range marks it; only otherwise do its children decide (an
    // ERROR or MISSING node below), which is the one O(children) case.
    for (uint32_t i = c->path_len; i-- > 0;) {
        PsNode *x = d->path.items[i];
        x->flags &= (uint16_t)~PS_NF_HAS_ERROR;
        if (!merged.v.len) continue;
        uint32_t xend = shift_pos(x->end, pold_end, delta);
        bool flag = x->kind == PS_NODE_ERROR || (x->flags & PS_NF_MISSING) ||
                    ps_range_has_diag(&self->diags, x->start, xend);
        if (!flag) {
            FlagCtx fc = {false};
            ps_node_for_each_child(x, child_flagged, &fc);
            flag = fc.any;
        }
        if (flag) x->flags |= PS_NF_HAS_ERROR;
    }

    PsIncrPending *pd = och_calloc(1, sizeof *pd);
    pd->old_src = old_src;
    pd->old_len = self->len;
    pd->shift_at = pold_end;
    pd->delta = delta;
    pd->container = list;
    pd->first = j;
    pd->count = m;
    self->pending = pd;
    self->src = src;
    self->len = len;
    self->last_reparse = (struct PsReparseInfo){false, E, pold_end, pnew_end, 0};
    och_free(p.scratch);
    och_vec_free(&p.labels);
    och_vec_free(&p.priv_decls);
    och_vec_free(&p.priv_refs);
    return true;
}

// ---------------------------------------------------------------------------
// Entry point.

static PsParse *full_parse(PsParse *old, const char *src, size_t len, uint32_t attempts) {
    PsOptions o = old->opts;
    ps_parse_free(old);
    PsParse *res = ps_parse(src, len, &o);
    res->last_reparse = (struct PsReparseInfo){true, 0, 0, res->len, attempts};
    return res;
}

// Folds the edits into one changed range: [cs, ce_old) of the old text
// became [cs, ce_new) of the new one. False when an edit does not fit.
static bool compose_edits(uint32_t old_len, const PsEdit *edits, size_t n, uint32_t *cs,
                          uint32_t *ce_old, uint32_t *ce_new, uint64_t *final_len) {
    uint64_t cur = old_len;
    uint64_t s = 0, eo = 0, en = 0;
    for (size_t i = 0; i < n; i++) {
        const PsEdit *e = &edits[i];
        if (e->start > e->old_end || e->old_end > cur || e->new_end < e->start) return false;
        uint64_t d_e = (uint64_t)e->new_end - e->old_end;  // wraps for deletions
        if (i == 0) {
            s = e->start;
            eo = e->old_end;
            en = e->new_end;
        } else {
            // Offsets after the range: old = current + (eo - en).
            uint64_t end = en > e->old_end ? en : e->old_end;
            uint64_t old_end = end + eo - en;
            if (e->start < s) s = e->start;
            eo = old_end;
            en = end + d_e;
        }
        cur = cur + d_e;
    }
    *cs = (uint32_t)s;
    *ce_old = (uint32_t)eo;
    *ce_new = (uint32_t)en;
    *final_len = cur;
    return true;
}

PsParse *ps_reparse(PsParse *old, const char *src, size_t len, const PsEdit *edits, size_t nedits) {
    ps_parse_settle(old);
    old->last_reparse = (struct PsReparseInfo){false, 0, 0, 0, 0};
    if ((uint64_t)len >= (uint64_t)UINT32_MAX || !old->opts.tolerant) return full_parse(old, src, len, 0);
    for (uint32_t i = 0; i < old->diags.v.len; i++)
        if (old->diags.v.items[i].code == PS_E_TOO_DEEP) return full_parse(old, src, len, 0);
    if (old->arena.total > old->arena_base + old->arena_base / GARBAGE_SHARE + GARBAGE_SLACK)
        return full_parse(old, src, len, 0);
    uint32_t cs, ce_old, ce_new;
    uint64_t final_len;
    if (!compose_edits(old->len, edits, nedits, &cs, &ce_old, &ce_new, &final_len) ||
        final_len != len)
        return full_parse(old, src, len, 0);
    if (nedits == 0 || (cs == ce_old && cs == ce_new)) {
        // Same text in a new buffer: only the strings move.
        PsIncrPending *pd = och_calloc(1, sizeof *pd);
        pd->old_src = old->src;
        pd->old_len = old->len;
        pd->shift_at = UINT32_MAX;
        pd->container = NULL;
        old->pending = pd;
        old->src = src;
        return old;
    }
    Descent d = {0};
    descend(old, cs, ce_old, &d);
    uint32_t attempts = 0;
    bool ok = false;
    for (uint32_t i = d.containers.len; i-- > 0 && !ok;) {
        attempts++;
        ok = try_region(old, &d.containers.items[i], &d, src, (uint32_t)len, cs, ce_old, ce_new);
    }
    och_vec_free(&d.path);
    och_vec_free(&d.containers);
    if (!ok) return full_parse(old, src, len, attempts);
    old->last_reparse.attempts = attempts;
    return old;
}
