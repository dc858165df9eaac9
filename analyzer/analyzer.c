// Analyzer entry points: options, an_analyze (one walk over the tree, then
// the indexes are sorted) and freeing a result.
#include <stdlib.h>

#include "analyzer_int.h"

void an_options_default(AnOptions *opts) {
    memset(opts, 0, sizeof *opts);
    opts->annex_b = true;
    opts->early_errors = true;
}

static int cmp_ref_start(const void *a, const void *b) {
    uint32_t x = (*(AnRef *const *)a)->node->start, y = (*(AnRef *const *)b)->node->start;
    return x < y ? -1 : x > y;
}

AnResult *an_analyze(const PsParse *parse, const AnOptions *opts) {
    AnOptions defaults;
    if (!opts) {
        an_options_default(&defaults);
        opts = &defaults;
    }
    AnResult *res = och_calloc(1, sizeof *res);
    res->parse = parse;
    och_arena_init(&res->arena);
    och_arena_init(&res->decl_arena);
    res->diags.arena = &res->arena;

    AnWalker w;
    memset(&w, 0, sizeof w);
    w.res = res;
    w.arena = &res->arena;
    w.opts = *opts;
    w.early = opts->early_errors;
    w.src = parse->src;
    w.src_end = parse->src ? parse->src + parse->len : NULL;
    PsNode *root = parse->root;
    w.module = root && root->kind == PS_NODE_PROGRAM && root->op == PS_GOAL_MODULE;
    an_names_init(&w);
    // About 0.36 indexed identifiers per node on the corpus (typescript.js:
    // 334k of 939k). The node count tracks the index far more closely than
    // the source length did (len / 6 reserved 4.5x too much on minified and
    // comment-heavy files); a rare overshoot costs one regrowth.
    och_vec_reserve(&w.idents, parse->node_count / 8 * 3 + 16);
    w.acts = och_malloc(AN_MAX_LEVELS * sizeof *w.acts);
    w.cancel_countdown = 1;  // poll at the first node

    if (root) {
        an_walk_program(&w, root);
    } else {
        // Never NULL per ps_parse's contract; keep the result usable anyway.
        res->root = an_scope_alloc(&w, AN_SCOPE_GLOBAL, NULL, 0, parse->len);
        res->root->fn = res->root->this_scope = res->root;
    }
    an_index_finish(&w);
    // Unresolved references, in source order (the walk appends them in
    // walk order, nearly always the same).
    res->unresolved = w.unresolved.items;
    res->nunresolved = w.unresolved.len;
    w.unresolved.items = NULL;
    for (uint32_t i = 1; i < res->nunresolved; i++)
        if (res->unresolved[i]->node->start < res->unresolved[i - 1]->node->start) {
            qsort(res->unresolved, res->nunresolved, sizeof *res->unresolved, cmp_ref_start);
            break;
        }
    och_diag_sort(&res->diags);

    // The walker's state (interned names, activations) is dead once the
    // walk is done: free it before the lint rules allocate theirs, so the
    // two never add up in the peak. (AnBinding.iname dangles from here on;
    // nothing reads it after the walk.)
    an_names_free(&w);
    och_free(w.acts);
    och_vec_free(&w.annexb);
    och_vec_free(&w.idents);
    och_vec_free(&w.scope_ix);
    if (w.cancelled) {
        an_result_free(res);
        return NULL;
    }
    if (opts->lint) an_lint_run(res, opts);
    return res;
}

void an_result_free(AnResult *self) {
    if (!self) return;
    och_diag_list_free(&self->diags);
    och_arena_free(&self->arena);
    och_arena_free(&self->decl_arena);
    och_free(self->unresolved);
    och_free(self->idents);
    och_free(self->scope_index);
    och_free(self);
}

bool an_result_has_errors(const AnResult *self) {
    for (uint32_t i = 0; i < self->diags.v.len; i++)
        if (self->diags.v.items[i].severity == OCH_SEV_ERROR) return true;
    return false;
}
