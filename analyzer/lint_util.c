// Helpers shared by the lint rules: a pointer map, token-level equality of
// expressions, static property names, and reference lookups.
#include <math.h>

#include "lint_int.h"

struct AnPtrSlot {
    const void *key;
    uint32_t value;
};

static inline uint32_t ptr_hash(const void *p) {
    uint64_t x = (uint64_t)(uintptr_t)p;
    x ^= x >> 29;
    x *= 0xbf58476d1ce4e5b9ull;
    x ^= x >> 32;
    return (uint32_t)x;
}

static void ptrmap_grow(AnPtrMap *m) {
    uint32_t old = m->cap;
    struct AnPtrSlot *slots = m->slots;
    m->cap = old ? old * 2 : 64;
    m->slots = och_calloc(m->cap, sizeof *m->slots);
    m->len = 0;
    for (uint32_t i = 0; i < old; i++)
        if (slots[i].key) an_ptrmap_put(m, slots[i].key, slots[i].value);
    och_free(slots);
}

void an_ptrmap_put(AnPtrMap *m, const void *key, uint32_t value) {
    if ((m->len + 1) * 2 > m->cap) ptrmap_grow(m);
    uint32_t mask = m->cap - 1;
    for (uint32_t i = ptr_hash(key) & mask;; i = (i + 1) & mask) {
        if (!m->slots[i].key) {
            m->slots[i].key = key;
            m->slots[i].value = value;
            m->len++;
            return;
        }
        if (m->slots[i].key == key) {
            m->slots[i].value = value;
            return;
        }
    }
}

uint32_t an_ptrmap_get(const AnPtrMap *m, const void *key) {
    if (!m->cap) return 0;
    uint32_t mask = m->cap - 1;
    for (uint32_t i = ptr_hash(key) & mask;; i = (i + 1) & mask) {
        if (!m->slots[i].key) return 0;
        if (m->slots[i].key == key) return m->slots[i].value;
    }
}

void an_ptrmap_free(AnPtrMap *m) {
    och_free(m->slots);
    m->slots = NULL;
    m->cap = m->len = 0;
}

// ---------------------------------------------------------------------------

AnRef *an_lint_ref(const AnLint *L, const PsNode *ident) { return an_ref_of_node(L->res, ident); }

bool an_lint_is_global_ref(const AnLint *L, const PsNode *ident, const char *name) {
    if (!an_is_ident(ident, name)) return false;
    AnRef *r = an_lint_ref(L, ident);
    return r && !r->binding;
}

bool an_static_key(const PsNode *key, bool computed, OchBuf *buf) {
    if (!key) return false;
    switch ((PsNodeKind)key->kind) {
    case PS_NODE_IDENTIFIER:
        if (computed) return false;
        och_buf_append(buf, ((const PsIdent *)key)->name, key->aux);
        return true;
    case PS_NODE_PRIVATE_IDENTIFIER:
        if (computed) return false;
        och_buf_putc(buf, '#');
        och_buf_append(buf, ((const PsIdent *)key)->name, key->aux);
        return true;
    case PS_NODE_LITERAL: {
        const PsLiteral *l = (const PsLiteral *)key;
        switch ((PsLitKind)key->op) {
        case PS_LIT_STRING:
            och_buf_append(buf, l->u.str, key->aux);
            return true;
        case PS_LIT_NUMBER: {
            char tmp[32];
            uint32_t n = och_number_to_string(l->u.number, tmp);
            och_buf_append(buf, tmp, n);
            return true;
        }
        case PS_LIT_NULL: och_buf_puts(buf, "null"); return true;
        case PS_LIT_TRUE: och_buf_puts(buf, "true"); return true;
        case PS_LIT_FALSE: och_buf_puts(buf, "false"); return true;
        case PS_LIT_BIGINT: {
            // The key is the bigint's decimal value; only plain decimal
            // digits are handled here.
            for (uint32_t i = 0; i < key->aux; i++)
                if (l->u.str[i] < '0' || l->u.str[i] > '9') return false;
            uint32_t i = 0;
            while (i + 1 < key->aux && l->u.str[i] == '0') i++;
            och_buf_append(buf, l->u.str + i, key->aux - i);
            return true;
        }
        case PS_LIT_REGEX:
            och_buf_append(buf, NULL, 0);
            return false;
        default:
            return false;
        }
    }
    case PS_NODE_TEMPLATE_LITERAL: {
        const PsTemplate *t = (const PsTemplate *)key;
        if (t->expressions.count || t->quasis.count != 1) return false;
        const PsTemplateElement *q = (const PsTemplateElement *)t->quasis.items[0];
        if (!q || !q->cooked) return false;
        och_buf_append(buf, q->cooked, q->h.aux);
        return true;
    }
    default:
        return false;
    }
}

// Token-level equality for no-self-assign/no-self-compare: same kinds and
// same text of leaves, ignoring parentheses and whitespace (ESLint compares
// token lists for no-self-compare and structure for no-self-assign).
bool an_same_tokens(const AnLint *L, const PsNode *a, const PsNode *b) {
    if (!a || !b) return a == b;
    if (a->kind != b->kind || a->op != b->op) return false;
    if ((a->flags ^ b->flags) & (PS_NF_COMPUTED | PS_NF_OPTIONAL)) return false;
    switch ((PsNodeKind)a->kind) {
    case PS_NODE_IDENTIFIER:
    case PS_NODE_PRIVATE_IDENTIFIER:
        return a->aux == b->aux &&
               memcmp(((const PsIdent *)a)->name, ((const PsIdent *)b)->name, a->aux) == 0;
    case PS_NODE_LITERAL:
    case PS_NODE_THIS:
    case PS_NODE_SUPER: {
        uint32_t la = a->end - a->start, lb = b->end - b->start;
        return la == lb && memcmp(L->src + a->start, L->src + b->start, la) == 0;
    }
    case PS_NODE_MEMBER_EXPR: {
        const PsMember *x = (const PsMember *)a, *y = (const PsMember *)b;
        return an_same_tokens(L, x->object, y->object) && an_same_tokens(L, x->property, y->property);
    }
    default: {
        // Compare the source text token by token, skipping blanks.
        const char *p = L->src + a->start, *pe = L->src + a->end;
        const char *q = L->src + b->start, *qe = L->src + b->end;
        for (;;) {
            while (p < pe && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')) p++;
            while (q < qe && (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\r')) q++;
            if (p == pe || q == qe) return p == pe && q == qe;
            if (*p != *q) return false;
            p++;
            q++;
        }
    }
    }
}

bool an_key_view(OchArena *arena, const PsNode *key, bool computed, const char **s, uint32_t *len) {
    if (!key) return false;
    if (key->kind == PS_NODE_IDENTIFIER && !computed) {
        *s = ((const PsIdent *)key)->name;
        *len = key->aux;
        return true;
    }
    if (key->kind == PS_NODE_LITERAL && key->op == PS_LIT_STRING) {
        *s = ((const PsLiteral *)key)->u.str;
        *len = key->aux;
        return true;
    }
    OchBuf b = {0};
    bool ok = an_static_key(key, computed, &b);
    if (ok) {
        *len = (uint32_t)b.len;
        *s = och_arena_memdup(arena, b.data ? b.data : "", b.len + 1);
    }
    och_buf_free(&b);
    return ok;
}

bool an_key_is(const PsNode *key, bool computed, const char *name) {
    if (!key) return false;
    // Cheap rejection before measuring name: first characters differ.
    if (key->kind == PS_NODE_IDENTIFIER && !computed &&
        (key->aux == 0 || ((const PsIdent *)key)->name[0] != name[0]))
        return false;
    size_t n = strlen(name);
    if (key->kind == PS_NODE_IDENTIFIER && !computed)
        return key->aux == n && memcmp(((const PsIdent *)key)->name, name, n) == 0;
    if (key->kind == PS_NODE_LITERAL && key->op == PS_LIT_STRING)
        return key->aux == n && memcmp(((const PsLiteral *)key)->u.str, name, n) == 0;
    if (key->kind != PS_NODE_TEMPLATE_LITERAL) return false;  // numbers etc. are not names here
    OchBuf b = {0};
    bool ok = an_static_key(key, computed, &b) && b.len == n && memcmp(b.data, name, n) == 0;
    och_buf_free(&b);
    return ok;
}
