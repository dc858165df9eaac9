// Selection ranges: for each requested position, the chain of AST nodes
// that contain it, innermost first (expand selection walks outwards), then
// the whole document. Equal ranges are merged; every range contains the
// previous one, as the protocol requires, even in error-recovered trees.
#include <string.h>

#include "lsp_int.h"

typedef struct Find {
    uint32_t offset;
    PsNode *hit;  // child containing offset
} Find;

static bool find_child(PsNode *c, void *ctx) {
    Find *f = ctx;
    if (c->flags & PS_NF_MISSING) return true;
    if (c->start <= f->offset && f->offset < c->end) {
        f->hit = c;
        return false;
    }
    // A cursor right after a token belongs to it unless the next child starts there.
    if (c->end == f->offset && c->end > c->start) f->hit = c;
    return c->start <= f->offset;
}

static json_t *chain_for(LspServer *s, LspDoc *doc, uint32_t offset) {
    OCH_VEC(OchSpan) spans = {0};
    PsNode *n = doc->parse->root;
    while (n) {
        och_vec_push(&spans, ((OchSpan){n->start, n->end}));
        Find f = {offset, NULL};
        ps_node_for_each_child(n, find_child, &f);
        n = f.hit;
    }
    // Outermost: the whole text.
    json_t *cur = json_pack("{s:o}", "range", lsp_json_range(s, doc, 0, doc->text.len));
    uint32_t ps = 0, pe = doc->text.len;
    for (uint32_t i = 0; i < spans.len; i++) {
        uint32_t a = spans.items[i].start, b = spans.items[i].end;
        if (a < ps) a = ps;  // stay inside the parent
        if (b > pe) b = pe;
        if (b < a) b = a;
        if (a == ps && b == pe) continue;
        if (offset < a || offset > b) break;  // recovery produced a node elsewhere
        json_t *next = json_pack("{s:o,s:o}", "range", lsp_json_range(s, doc, a, b), "parent", cur);
        cur = next;
        ps = a;
        pe = b;
    }
    och_vec_free(&spans);
    return cur;
}

void lsp_selection(LspServer *s, json_t *params, LspReply *r) {
    LspDoc *doc = lsp_param_doc(s, params, r);
    if (!doc) return;
    json_t *positions = json_object_get(params, "positions");
    if (!json_is_array(positions)) {
        lsp_reply_error(r, LSP_ERR_INVALID_PARAMS, "positions: array expected");
        return;
    }
    json_t *out = json_array();
    size_t i;
    json_t *p;
    json_array_foreach(positions, i, p) {
        LspPos pos;
        if (!lsp_param_pos(p, "positions[]", &pos, r)) {
            json_decref(out);
            return;
        }
        uint32_t off = lsp_text_offset(&doc->text, pos, s->enc);
        json_array_append_new(out, chain_for(s, doc, off));
        if ((i & 255) == 255 && lsp_cancelled(s)) break;
    }
    r->result = out;
}
