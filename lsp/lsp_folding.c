// Folding ranges: blocks, class bodies, object and array literals and
// patterns, switch statements, multi-line templates and JSX elements; runs
// of import declarations ("imports"); multi-line block comments and runs of
// line comments ("comment"); `// #region` ... `// #endregion` ("region").
// Ranges are whole lines. A range that ends with a closing bracket stops on
// the line before it, so the bracket stays visible when folded (`{...}`).
// At most one range starts on a line: the outermost, found first.
#include <stdlib.h>
#include <string.h>

#include "lsp_int.h"

typedef struct Fold {
    uint32_t start_line, end_line;
    const char *kind;  // NULL, "comment", "imports", "region"
} Fold;

typedef struct Fo {
    LspServer *s;
    LspDoc *doc;
    const char *src;
    OCH_VEC(Fold) folds;
    // Line comment runs.
    uint32_t run_start_line, run_end_line, run_end_off;
    bool in_run;
    LspU32Vec regions;  // open #region lines
    uint32_t visits;
    bool cancelled;
} Fo;

static void add(Fo *f, uint32_t start_line, uint32_t end_line, const char *kind) {
    if (end_line > start_line) och_vec_push(&f->folds, ((Fold){start_line, end_line, kind}));
}

// Adds a range for src[start..end); ends on the line before a closing
// bracket that sits on a later line.
static void add_span(Fo *f, uint32_t start, uint32_t end, const char *kind) {
    if (end <= start) return;
    LspText *t = &f->doc->text;
    uint32_t a = lsp_text_line_of(t, start);
    uint32_t b = lsp_text_line_of(t, end - 1);
    char last = f->src[end - 1];
    if (b > a && (last == '}' || last == ']' || last == ')' || last == '`' || last == '>')) b--;
    add(f, a, b, kind);
}

static bool walk(PsNode *n, void *ctx) {
    Fo *f = ctx;
    if ((++f->visits & 8191) == 0 && lsp_cancelled(f->s)) {
        f->cancelled = true;
        return false;
    }
    switch ((PsNodeKind)n->kind) {
    case PS_NODE_BLOCK:
    case PS_NODE_CLASS_BODY:
    case PS_NODE_STATIC_BLOCK:
    case PS_NODE_OBJECT_EXPR:
    case PS_NODE_OBJECT_PATTERN:
    case PS_NODE_ARRAY_EXPR:
    case PS_NODE_ARRAY_PATTERN:
    case PS_NODE_SWITCH_STMT:
    case PS_NODE_TEMPLATE_LITERAL:
    case PS_NODE_JSX_ELEMENT:
    case PS_NODE_JSX_FRAGMENT: add_span(f, n->start, n->end, NULL); break;
    case PS_NODE_PROGRAM: {
        // Runs of imports.
        PsList *l = &PS_AS(PsListNode, n)->items;
        for (uint32_t i = 0; i < l->count;) {
            if (!l->items[i] || l->items[i]->kind != PS_NODE_IMPORT_DECL) {
                i++;
                continue;
            }
            uint32_t j = i;
            while (j + 1 < l->count && l->items[j + 1] && l->items[j + 1]->kind == PS_NODE_IMPORT_DECL) j++;
            LspText *t = &f->doc->text;
            add(f, lsp_text_line_of(t, l->items[i]->start), lsp_text_line_of(t, l->items[j]->end - 1), "imports");
            i = j + 1;
        }
        break;
    }
    default: break;
    }
    ps_node_for_each_child(n, walk, f);
    return !f->cancelled;
}

static void end_run(Fo *f) {
    if (f->in_run) add(f, f->run_start_line, f->run_end_line, "comment");
    f->in_run = false;
}

static bool region_marker(const char *s, uint32_t n, const char *what) {
    // `//` then optional spaces then `#region` / `#endregion`.
    uint32_t i = 2;
    while (i < n && s[i] == ' ') i++;
    size_t k = strlen(what);
    return n - i >= k && memcmp(s + i, what, k) == 0;
}

static void on_comment(void *ctx, uint32_t start, uint32_t end) {
    Fo *f = ctx;
    LspText *t = &f->doc->text;
    uint32_t a = lsp_text_line_of(t, start), b = lsp_text_line_of(t, end > start ? end - 1 : start);
    const char *s = f->src + start;
    bool line_comment = end - start >= 2 && s[0] == '/' && s[1] == '/';
    if (line_comment && region_marker(s, end - start, "#region")) {
        end_run(f);
        och_vec_push(&f->regions, a);
        return;
    }
    if (line_comment && region_marker(s, end - start, "#endregion")) {
        end_run(f);
        if (f->regions.len) add(f, f->regions.items[--f->regions.len], a, "region");
        return;
    }
    if (line_comment) {
        // Consecutive line comments, each alone on its line, make one run.
        bool alone = true;
        for (uint32_t p = t->lines.items[a]; p < start; p++)
            if (f->src[p] != ' ' && f->src[p] != '\t') alone = false;
        if (f->in_run && alone && a == f->run_end_line + 1) {
            f->run_end_line = a;
            return;
        }
        end_run(f);
        if (alone) {
            f->in_run = true;
            f->run_start_line = f->run_end_line = a;
        }
        return;
    }
    end_run(f);
    add(f, a, b, "comment");
}

static int by_start(const void *x, const void *y) {
    const Fold *a = x, *b = y;
    if (a->start_line != b->start_line) return a->start_line < b->start_line ? -1 : 1;
    return a->end_line > b->end_line ? -1 : a->end_line < b->end_line ? 1 : 0;  // outermost first
}

void lsp_folding(LspServer *s, json_t *params, LspReply *r) {
    LspDoc *doc = lsp_param_doc(s, params, r);
    if (!doc) return;
    Fo f = {0};
    f.s = s;
    f.doc = doc;
    f.src = doc->text.data;
    walk(doc->parse->root, &f);
    if (!f.cancelled) {
        lsp_for_each_comment(doc->parse, on_comment, &f);
        end_run(&f);
    }
    och_vec_free(&f.regions);
    if (f.cancelled || lsp_cancelled(s)) {
        och_vec_free(&f.folds);
        lsp_reply_error(r, LSP_ERR_REQUEST_CANCELLED, "request cancelled");
        return;
    }
    if (f.folds.len) qsort(f.folds.items, f.folds.len, sizeof *f.folds.items, by_start);
    json_t *out = json_array();
    uint32_t last_start = UINT32_MAX, n = 0;
    for (uint32_t i = 0; i < f.folds.len; i++) {
        Fold *x = &f.folds.items[i];
        if (x->start_line == last_start) continue;
        if (s->folding_limit && n >= s->folding_limit) break;
        last_start = x->start_line;
        json_t *j = json_pack("{s:I,s:I}", "startLine", (json_int_t)x->start_line, "endLine", (json_int_t)x->end_line);
        if (x->kind) json_object_set_new(j, "kind", json_string(x->kind));
        json_array_append_new(out, j);
        n++;
    }
    och_vec_free(&f.folds);
    r->result = out;
}
