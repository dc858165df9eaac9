// Ropes: concatenation without copying, flattened lazily and in place.
//
// en_str_concat of a result shorter than EN_STR_ROPE_MIN copies (small
// strings are cheaper flat than as a 32-byte rope plus leaves); longer
// results are EnRope cells. The first reader that needs the characters
// calls en_str_flatten: it allocates one flat string, copies every leaf
// into it and turns the rope into an indirection (left = flat, right =
// NULL), so the copy happens once whoever holds the rope.
//
// Flattening is iterative. Every node's place in the output is known from
// the lengths (left at `off`, right at `off + len(left)`), so leaves are
// copied in any order: the walk follows the one child that is still a
// rope and copies a flat sibling on the spot, keeping an explicit stack
// only for nodes whose two children are both ropes. The usual shapes —
// `s += x` in a loop (left-deep) or right-deep chains — flatten with a
// constant-size stack; a balanced rope needs O(depth).
#include "heap_rt_int.h"

// A flattened rope stands for its flat string: new ropes point at the flat
// string directly, skipping the indirection.
static EnString *skip_indirection(EnString *s) {
    if (en_str_is_rope(s) && ((EnRope *)s)->right == NULL) return ((EnRope *)s)->left;
    return s;
}

EnString *en_str_concat(EnContext *cx, EnString *a, EnString *b) {
    a = skip_indirection(a);
    b = skip_indirection(b);
    uint32_t la = en_str_length(a), lb = en_str_length(b);
    if (la == 0) return b;
    if (lb == 0) return a;
    if ((uint64_t)la + lb > EN_STR_MAX_LENGTH) {
        en_throw_range_error(cx, "Invalid string length");
        return NULL;
    }
    uint32_t n = la + lb;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *ha = en_handle(cx, en_string_value(a));
    EnValue *hb = en_handle(cx, en_string_value(b));
    EnString *out;
    if (n < EN_STR_ROPE_MIN) {
        // Both are shorter than a rope can be, so both are flat.
        bool latin1 = en_str_is_latin1(a) && en_str_is_latin1(b);
        out = en_str_alloc(cx, n, latin1);
        a = en_as_string(*ha);
        b = en_as_string(*hb);
        if (out && latin1) {
            memcpy(out->u.latin1, a->u.latin1, la);
            memcpy(out->u.latin1 + la, b->u.latin1, lb);
        } else if (out) {
            for (uint32_t i = 0; i < la; i++) out->u.utf16[i] = en_str_at(a, i);
            for (uint32_t i = 0; i < lb; i++) out->u.utf16[la + i] = en_str_at(b, i);
        }
    } else {
        EnRope *r = en_gc_alloc(cx, EN_CELL_STRING, sizeof(EnRope));
        a = en_as_string(*ha);
        b = en_as_string(*hb);
        if (r) {
            bool l1a = en_str_is_rope(a) ? (a->hdr.flags & EN_STR_ROPE_LATIN1) : en_str_is_latin1(a);
            bool l1b = en_str_is_rope(b) ? (b->hdr.flags & EN_STR_ROPE_LATIN1) : en_str_is_latin1(b);
            r->hdr.flags = EN_STR_ROPE | (l1a && l1b ? EN_STR_ROPE_LATIN1 : 0);
            r->hdr.aux = n;
            uint32_t da = en_str_is_rope(a) ? ((EnRope *)a)->depth : 0;
            uint32_t db = en_str_is_rope(b) ? ((EnRope *)b)->depth : 0;
            r->depth = (da > db ? da : db) + 1;
            en_store_ptr(cx, r, (void **)&r->left, a);
            en_store_ptr(cx, r, (void **)&r->right, b);
        }
        out = (EnString *)r;
    }
    en_handle_scope_close(&hs);
    return out;
}

typedef struct Pending {
    EnString *node;
    uint32_t off;
} Pending;

// The flat string a node stands for right now, or NULL when it is an
// unflattened rope.
static EnString *as_flat(EnString *s) {
    if (!en_str_is_rope(s)) return s;
    EnRope *r = (EnRope *)s;
    return r->right == NULL ? r->left : NULL;
}

static void copy_leaf(EnString *dst, uint32_t off, const EnString *src) {
    uint32_t n = en_str_length(src);
    if (en_str_is_latin1(dst)) {
        memcpy(dst->u.latin1 + off, src->u.latin1, n);  // a Latin-1 rope has Latin-1 leaves
    } else if (en_str_is_latin1(src)) {
        for (uint32_t i = 0; i < n; i++) dst->u.utf16[off + i] = src->u.latin1[i];
    } else {
        memcpy(dst->u.utf16 + off, src->u.utf16, (size_t)n * 2);
    }
}

EnString *en_str_flatten(EnContext *cx, EnString *s) {
    if (!en_str_is_rope(s)) return s;
    EnRope *root = (EnRope *)s;
    if (root->right == NULL) return root->left;

    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hroot = en_handle(cx, en_string_value(s));
    EnString *flat = en_str_alloc(cx, en_str_length(s), (s->hdr.flags & EN_STR_ROPE_LATIN1) != 0);
    root = (EnRope *)en_as_string(*hroot);
    en_handle_scope_close(&hs);
    if (!flat) return NULL;

    // No allocation from here on: the rope's cells cannot move or die.
    Pending local[32];
    Pending *stack = local;
    size_t len = 0, cap = 32;
    EnString *node = (EnString *)root;
    uint32_t off = 0;
    for (;;) {
        EnString *f = as_flat(node);
        if (f) {
            copy_leaf(flat, off, f);
            if (len == 0) break;
            Pending p = stack[--len];
            node = p.node;
            off = p.off;
            continue;
        }
        EnRope *r = (EnRope *)node;
        EnString *l = r->left, *rt = r->right;
        uint32_t roff = off + en_str_length(l);
        EnString *lf = as_flat(l), *rf = as_flat(rt);
        if (lf) {
            copy_leaf(flat, off, lf);
            node = rt;
            off = roff;
        } else if (rf) {
            copy_leaf(flat, roff, rf);
            node = l;
        } else {
            if (len == cap) {
                cap *= 2;
                if (stack == local) {
                    stack = och_malloc(cap * sizeof *stack);
                    memcpy(stack, local, sizeof local);
                } else {
                    stack = och_realloc(stack, cap * sizeof *stack);
                }
            }
            stack[len++] = (Pending){rt, roff};
            node = l;
        }
    }
    if (stack != local) och_free(stack);

    en_store_ptr(cx, root, (void **)&root->left, flat);
    root->right = NULL;
    root->depth = 0;
    return flat;
}
