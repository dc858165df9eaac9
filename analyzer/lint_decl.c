// Declaration and statement-shape rules: no-dupe-keys, no-dupe-args,
// no-dupe-class-members, no-duplicate-case, no-empty, no-empty-pattern,
// no-case-declarations, no-debugger, no-with.
#include "lint_int.h"

static bool on(const AnLint *L, OchDiagCode c) { return L->on[an_rule_index(c)]; }

bool an_opts_no_empty(AnLint *L, const AnJson *a, OchBuf *err) {
    static const char *const keys[] = {"allowEmptyCatch", NULL};
    const AnJson *o;
    if (!an_opts_object(a, keys, &o, err)) return false;
    return an_opts_bool(o, "allowEmptyCatch", &L->o.empty_allow_catch, err);
}

bool an_opts_no_empty_pattern(AnLint *L, const AnJson *a, OchBuf *err) {
    static const char *const keys[] = {"allowObjectPatternsAsParameters", NULL};
    const AnJson *o;
    if (!an_opts_object(a, keys, &o, err)) return false;
    return an_opts_bool(o, "allowObjectPatternsAsParameters",
                        &L->o.empty_pattern_allow_param_objects, err);
}

// ---------------------------------------------------------------------------
// Duplicate names: a small open-addressing set of (name, flags) for one
// object literal or class body, in the run's scratch arena.

typedef struct KeyEntry {
    const char *name;
    uint32_t len;
    uint8_t bits;  // no-dupe-keys: 1 get, 2 set; classes: per static/instance init/get/set
} KeyEntry;

typedef struct KeySet {
    KeyEntry *items;
    uint32_t cap, len;
    KeyEntry small[64];  // the table of most objects and classes: no allocation
} KeySet;

// Sized for n keys: only the part of the inline table a small object
// needs is cleared (most objects have a handful of keys).
static void keyset_init(KeySet *ks, uint32_t n) {
    uint32_t cap = 8;
    while (cap < 64 && cap < 2 * n + 2) cap *= 2;
    memset(ks->small, 0, cap * sizeof ks->small[0]);
    ks->items = ks->small;
    ks->cap = cap;
    ks->len = 0;
}

static void keyset_free(KeySet *ks) {
    if (ks->items != ks->small) och_free(ks->items);
}

// Eight bytes per step (keys can be long: message tables, enums); the
// tail is copied so that keys in the arena are never over-read.
static uint32_t key_hash(const char *s, uint32_t n) {
    uint64_t h = n * 0x9e3779b97f4a7c15ull, w;
    uint32_t i = 0;
    for (; i + 8 <= n; i += 8) {
        memcpy(&w, s + i, 8);
        h = (h ^ w) * 0xff51afd7ed558ccdull;
    }
    if (i < n) {
        w = 0;
        memcpy(&w, s + i, n - i);
        h = (h ^ w) * 0xff51afd7ed558ccdull;
    }
    h ^= h >> 29;
    return (uint32_t)(h ^ (h >> 32));
}

static KeyEntry *key_slot(KeySet *ks, const char *s, uint32_t n) {
    if ((ks->len + 1) * 2 > ks->cap) {
        uint32_t old = ks->cap;
        KeyEntry *items = ks->items;
        ks->cap = old * 2;
        ks->items = och_calloc(ks->cap, sizeof *ks->items);
        ks->len = 0;
        for (uint32_t i = 0; i < old; i++)
            if (items[i].name) *key_slot(ks, items[i].name, items[i].len) = items[i];
        if (items != ks->small) och_free(items);
    }
    uint32_t mask = ks->cap - 1;
    for (uint32_t i = key_hash(s, n) & mask;; i = (i + 1) & mask) {
        KeyEntry *e = &ks->items[i];
        if (!e->name) {
            e->name = s;
            e->len = n;
            e->bits = 0;
            ks->len++;
            return e;
        }
        if (e->len == n && memcmp(e->name, s, n) == 0) return e;
    }
}

// The static name of a key (identifier and string names point into the
// tree; others are formatted into L->tmp).
static bool key_name(AnLint *L, const PsNode *key, bool computed, const char **s, uint32_t *n) {
    return an_key_view(&L->tmp, key, computed, s, n);
}

static void dupe_keys(AnLint *L, PsNode *n) {
    const PsList *l = &((PsListNode *)n)->items;
    if (l->count < 2) return;
    KeySet ks;
    keyset_init(&ks, l->count);
    for (uint32_t i = 0; i < l->count; i++) {
        PsNode *p = l->items[i];
        if (!p || p->kind != PS_NODE_PROPERTY) continue;
        PsProperty *pr = (PsProperty *)p;
        const char *s;
        uint32_t len;
        bool computed = (p->flags & PS_NF_COMPUTED) != 0;
        if (!key_name(L, pr->key, computed, &s, &len)) continue;
        // `__proto__: x` sets the prototype: not a property.
        if (len == 9 && memcmp(s, "__proto__", 9) == 0 && p->op == PS_PROP_INIT && !computed &&
            !(p->flags & (PS_NF_SHORTHAND | PS_NF_METHOD)))
            continue;
        KeyEntry *e = key_slot(&ks, s, len);
        bool get = p->op == PS_PROP_INIT || p->op == PS_PROP_GET;
        bool set = p->op == PS_PROP_INIT || p->op == PS_PROP_SET;
        if ((get && (e->bits & 1)) || (set && (e->bits & 2)))
            an_lint_report(L, AN_W_NO_DUPE_KEYS, pr->key->start, pr->key->end,
                           "Duplicate key '%.*s': the later definition replaces the earlier one.",
                           (int)len, s);
        if (get) e->bits |= 1;
        if (set) e->bits |= 2;
    }
    keyset_free(&ks);
}

static void dupe_class_members(AnLint *L, PsNode *n) {
    const PsList *l = &((PsListNode *)n)->items;
    if (l->count < 2) return;
    KeySet ks;
    keyset_init(&ks, l->count);
    for (uint32_t i = 0; i < l->count; i++) {
        PsNode *m = l->items[i];
        if (!m || (m->kind != PS_NODE_METHOD_DEF && m->kind != PS_NODE_PROPERTY_DEF)) continue;
        if (m->kind == PS_NODE_METHOD_DEF && m->op == PS_PROP_CONSTRUCTOR) continue;
        PsClassMember *cm = (PsClassMember *)m;
        const char *s;
        uint32_t len;
        if (!key_name(L, cm->key, (m->flags & PS_NF_COMPUTED) != 0, &s, &len)) continue;
        KeyEntry *e = key_slot(&ks, s, len);
        unsigned shift = (m->flags & PS_NF_STATIC) ? 3 : 0;
        unsigned init = 1u << shift, get = 2u << shift, set = 4u << shift;
        bool dup;
        if (m->kind == PS_NODE_METHOD_DEF && m->op == PS_PROP_GET) {
            dup = e->bits & (init | get);
            e->bits |= (uint8_t)get;
        } else if (m->kind == PS_NODE_METHOD_DEF && m->op == PS_PROP_SET) {
            dup = e->bits & (init | set);
            e->bits |= (uint8_t)set;
        } else {
            dup = e->bits & (init | get | set);
            e->bits |= (uint8_t)init;
        }
        if (dup)
            an_lint_report(L, AN_W_NO_DUPE_CLASS_MEMBERS, cm->key->start, cm->key->end,
                           "Duplicate name '%.*s': the later member replaces the earlier one.",
                           (int)len, s);
    }
    keyset_free(&ks);
}

typedef struct DupArg {
    const PsNode *first;
    bool reported;
} DupArg;

static void collect_param(AnWalker *w, PsNode *id, void *ctx) {
    (void)w;
    OCH_VEC(const PsNode *) *v = ctx;
    och_vec_push(v, id);
}

static void dupe_args(AnLint *L, PsNode *n) {
    PsFunction *f = (PsFunction *)n;
    if (f->params.count < 2) return;
    OCH_VEC(const PsNode *) names = {0};
    for (uint32_t i = 0; i < f->params.count; i++)
        an_pattern_names(NULL, f->params.items[i], collect_param, &names);
    // Quadratic in the parameter count, which is small.
    for (uint32_t i = 1; i < names.len; i++) {
        const PsNode *a = names.items[i];
        bool seen_before = false, first_dup = true;
        for (uint32_t j = 0; j < i && !seen_before; j++) {
            const PsNode *b = names.items[j];
            if (b->aux == a->aux && memcmp(((const PsIdent *)a)->name, ((const PsIdent *)b)->name, a->aux) == 0) {
                seen_before = true;
                // Report once per name: at its second occurrence.
                for (uint32_t k = 0; k < j; k++) {
                    const PsNode *c = names.items[k];
                    if (c->aux == a->aux && memcmp(((const PsIdent *)a)->name, ((const PsIdent *)c)->name, a->aux) == 0)
                        first_dup = false;
                }
                for (uint32_t k = j + 1; k < i; k++) {
                    const PsNode *c = names.items[k];
                    if (c->aux == a->aux && memcmp(((const PsIdent *)a)->name, ((const PsIdent *)c)->name, a->aux) == 0)
                        first_dup = false;
                }
            }
        }
        if (!seen_before || !first_dup) continue;
        // ESLint reports the parameter list, from its opening parenthesis.
        uint32_t start = f->params.items[0]->start;
        while (start > n->start && L->src[start - 1] != '(') start--;
        if (start > n->start) start--;
        uint32_t end = f->body ? f->body->start : n->end;
        an_lint_report(L, AN_W_NO_DUPE_ARGS, start, end,
                       "Duplicate param '%.*s': the later parameter hides the earlier one.",
                       (int)a->aux, ((const PsIdent *)a)->name);
    }
    och_vec_free(&names);
}

static void duplicate_case(AnLint *L, PsNode *n) {
    PsSwitch *s = (PsSwitch *)n;
    for (uint32_t i = 1; i < s->cases.count; i++) {
        PsNode *c = s->cases.items[i];
        if (!c || c->kind != PS_NODE_SWITCH_CASE || !((PsSwitchCase *)c)->test) continue;
        PsNode *t = ((PsSwitchCase *)c)->test;
        uint32_t tl = t->end - t->start;
        for (uint32_t j = 0; j < i; j++) {
            PsNode *d = s->cases.items[j];
            if (!d || d->kind != PS_NODE_SWITCH_CASE || !((PsSwitchCase *)d)->test) continue;
            PsNode *u = ((PsSwitchCase *)d)->test;
            if (u->kind == t->kind && u->end - u->start == tl &&
                memcmp(L->src + u->start, L->src + t->start, tl) == 0) {
                an_lint_report(L, AN_W_NO_DUPLICATE_CASE, c->start, c->end,
                               "Duplicate case label: this case can never be reached.");
                break;
            }
        }
    }
}

// ---------------------------------------------------------------------------
// no-empty.

static bool has_comment(AnLint *L, uint32_t start, uint32_t end, const char *b, uint32_t n,
                        bool block, void *ctx) {
    (void)L, (void)start, (void)end, (void)b, (void)n, (void)block;
    *(bool *)ctx = true;
    return false;
}

static void empty_block(AnLint *L, PsNode *n) {
    if (((PsListNode *)n)->items.count) return;
    PsNode *p = an_lint_parent(L, 0);
    if (p && (p->kind == PS_NODE_FUNCTION_DECL || p->kind == PS_NODE_FUNCTION_EXPR ||
              p->kind == PS_NODE_ARROW_FUNCTION))
        return;
    bool is_catch = p && p->kind == PS_NODE_CATCH_CLAUSE;
    if (L->o.empty_allow_catch && is_catch) return;
    if (n->end - n->start < 2) return;
    bool comment = false;
    an_lint_comments_in_gap(L, n->start + 1, n->end - 1, has_comment, &comment);
    if (comment) return;
    uint32_t d = an_lint_report(L, AN_W_NO_EMPTY, n->start, n->end,
                                "Empty block statement: remove it, or add a comment saying why "
                                "nothing happens here%s.",
                                is_catch ? " (an ignored error deserves one)" : "");
    an_lint_fix1(L, d, "Add comment inside empty block statement", true, n->start + 1, n->end - 1,
                 " /* empty */ ");
}

static void empty_switch(AnLint *L, PsNode *n) {
    PsSwitch *s = (PsSwitch *)n;
    if (s->cases.count) return;
    uint32_t brace = s->discriminant ? s->discriminant->end : n->start;
    while (brace < n->end && L->src[brace] != '{') brace++;
    bool comment = false;
    if (brace + 1 < n->end) an_lint_comments_in_gap(L, brace + 1, n->end - 1, has_comment, &comment);
    if (comment) return;
    uint32_t d = an_lint_report(L, AN_W_NO_EMPTY, brace, n->end,
                                "Empty switch statement: it has no case; remove it.");
    an_lint_fix1(L, d, "Add comment inside empty switch statement", true, brace + 1, n->end - 1,
                 " /* empty */ ");
}

static void empty_pattern(AnLint *L, PsNode *n) {
    if (((PsListNode *)n)->items.count) return;
    bool obj = n->kind == PS_NODE_OBJECT_PATTERN;
    if (obj && L->o.empty_pattern_allow_param_objects) {
        PsNode *p = an_lint_parent(L, 0);
        bool fnp = p && (p->kind == PS_NODE_FUNCTION_DECL || p->kind == PS_NODE_FUNCTION_EXPR ||
                         p->kind == PS_NODE_ARROW_FUNCTION);
        if (!fnp && p && p->kind == PS_NODE_ASSIGN_PATTERN) {
            PsNode *gp = an_lint_parent(L, 1);
            PsNode *r = ((PsBinary *)p)->right;
            fnp = gp && (gp->kind == PS_NODE_FUNCTION_DECL || gp->kind == PS_NODE_FUNCTION_EXPR ||
                         gp->kind == PS_NODE_ARROW_FUNCTION) &&
                  r && r->kind == PS_NODE_OBJECT_EXPR && ((PsListNode *)r)->items.count == 0;
        }
        if (fnp) return;
    }
    an_lint_report(L, AN_W_NO_EMPTY_PATTERN, n->start, n->end,
                   "Unexpected empty %s pattern: it binds nothing; was a default value meant "
                   "(`= %s`)?",
                   obj ? "object" : "array", obj ? "{}" : "[]");
}

static void case_declarations(AnLint *L, PsNode *n) {
    PsSwitchCase *c = (PsSwitchCase *)n;
    for (uint32_t i = 0; i < c->consequent.count; i++) {
        PsNode *s = c->consequent.items[i];
        if (!s) continue;
        bool lexical = s->kind == PS_NODE_FUNCTION_DECL || s->kind == PS_NODE_CLASS_DECL ||
                       (s->kind == PS_NODE_VAR_DECL && s->op != PS_VAR_VAR);
        if (!lexical) continue;
        uint32_t d = an_lint_report(L, AN_W_NO_CASE_DECLARATIONS, s->start, s->end,
                                    "Unexpected lexical declaration in case block: it is visible "
                                    "in every case of the switch; wrap the case in braces.");
        PsNode *first = c->consequent.items[0], *last = c->consequent.items[c->consequent.count - 1];
        if (first && last) {
            AnEdit e[2] = {{{first->start, first->start}, "{ ", 2}, {{last->end, last->end}, " }", 2}};
            an_lint_fix(L, d, "Add {} brackets around the case block", true, 2, e);
        }
    }
}

static void debugger(AnLint *L, PsNode *n) {
    an_lint_report(L, AN_W_NO_DEBUGGER, n->start, n->end,
                   "Unexpected 'debugger' statement: remove it before committing.");
}

static void with_stmt(AnLint *L, PsNode *n) {
    an_lint_report(L, AN_W_NO_WITH, n->start, n->end,
                   "Unexpected use of 'with' statement: it makes names ambiguous (and is an "
                   "error in strict mode); use a variable for the object.");
}

// ---------------------------------------------------------------------------
// no-inner-declarations.

bool an_opts_no_inner_declarations(AnLint *L, const AnJson *a, OchBuf *err) {
    if (a->count == 0) return true;
    static const char *const first[] = {"functions", "both", NULL};
    uint8_t e;
    if (!an_opts_enum(a->items[0], "the first option", first, &e, err)) return false;
    L->o.inner_both = e == 1;
    if (a->count > 2) {
        och_buf_printf(err, "expected at most two options");
        return false;
    }
    if (a->count == 2) {
        const AnJson *o = a->items[1];
        if (o->type != AN_JSON_OBJECT) {
            och_buf_printf(err, "the second option must be an object");
            return false;
        }
        for (uint32_t i = 0; i < o->count; i++)
            if (strcmp(o->keys[i], "blockScopedFunctions") != 0) {
                och_buf_printf(err, "unknown option \"%s\"", o->keys[i]);
                return false;
            }
        const AnJson *v = an_json_get(o, "blockScopedFunctions");
        if (v) {
            static const char *const vals[] = {"allow", "disallow", NULL};
            if (!an_opts_enum(v, "\"blockScopedFunctions\"", vals, &e, err)) return false;
            L->o.inner_disallow_block_functions = e == 1;
        }
    }
    return true;
}

static void inner_check(AnLint *L, PsNode *n, bool fn) {
    PsNode *p = an_lint_parent(L, 0);
    if (!p) return;
    if (p->kind == PS_NODE_BLOCK) {
        PsNode *gp = an_lint_parent(L, 1);
        if (gp && (gp->kind == PS_NODE_FUNCTION_DECL || gp->kind == PS_NODE_FUNCTION_EXPR ||
                   gp->kind == PS_NODE_ARROW_FUNCTION))
            return;
    }
    if (p->kind == PS_NODE_PROGRAM || p->kind == PS_NODE_STATIC_BLOCK ||
        p->kind == PS_NODE_EXPORT_NAMED_DECL || p->kind == PS_NODE_EXPORT_DEFAULT_DECL)
        return;
    const char *body = "program";
    for (uint32_t k = 0; k < L->depth; k++) {
        PsNode *a = an_lint_parent(L, k);
        if (a->kind == PS_NODE_STATIC_BLOCK) {
            body = "class static block body";
            break;
        }
        if (a->kind == PS_NODE_FUNCTION_DECL || a->kind == PS_NODE_FUNCTION_EXPR ||
            a->kind == PS_NODE_ARROW_FUNCTION) {
            body = "function body";
            break;
        }
    }
    an_lint_report(L, AN_W_NO_INNER_DECLARATIONS, n->start, n->end,
                   "Move %s declaration to %s root.", fn ? "function" : "variable", body);
}

static void inner_function(AnLint *L, PsNode *n) {
    if (!L->o.inner_disallow_block_functions) {
        // Strict code (ES2015+) scopes block functions: allowed.
        AnScope *s = an_scope_of_node(L->res, n);
        while (s && s->node == n) s = s->parent;
        if (s && (s->flags & AN_SF_STRICT)) return;
    }
    inner_check(L, n, true);
}

static void inner_var(AnLint *L, PsNode *n) {
    if (L->o.inner_both && n->op == PS_VAR_VAR) inner_check(L, n, false);
}

// ---------------------------------------------------------------------------
// no-unused-private-class-members: a private member that is never read
// (writes, `this.#x++` as a statement and destructuring targets do not
// count; accessors count as used once referenced).

typedef struct PrivMember {
    const char *name;
    uint32_t len;
    PsNode *decl;
    bool used, accessor;
} PrivMember;

typedef struct PrivState {
    OCH_VEC(PrivMember) members;
    OCH_VEC(uint32_t) frames;  // start of each open class body's members
} PrivState;

static PrivState *priv_state(AnLint *L) {
    if (!L->priv) L->priv = och_calloc(1, sizeof(PrivState));
    return L->priv;
}

void an_lint_decl_free(AnLint *L) {
    PrivState *ps = L->priv;
    if (!ps) return;
    och_vec_free(&ps->members);
    och_vec_free(&ps->frames);
    och_free(ps);
    L->priv = NULL;
}

static void priv_enter(AnLint *L, PsNode *n) {
    PrivState *ps = priv_state(L);
    och_vec_push(&ps->frames, ps->members.len);
    const PsList *l = &((PsListNode *)n)->items;
    for (uint32_t i = 0; i < l->count; i++) {
        PsNode *m = l->items[i];
        if (!m || (m->kind != PS_NODE_PROPERTY_DEF && m->kind != PS_NODE_METHOD_DEF)) continue;
        PsNode *key = ((PsClassMember *)m)->key;
        if (!key || key->kind != PS_NODE_PRIVATE_IDENTIFIER || (m->flags & PS_NF_COMPUTED)) continue;
        PrivMember pm = {((PsIdent *)key)->name, key->aux, m, false,
                         m->kind == PS_NODE_METHOD_DEF && (m->op == PS_PROP_GET || m->op == PS_PROP_SET)};
        // A getter/setter pair is one name (the later entry wins, as a Map).
        bool merged = false;
        for (uint32_t k = ps->frames.items[ps->frames.len - 1]; k < ps->members.len && !merged; k++)
            if (ps->members.items[k].len == pm.len && memcmp(ps->members.items[k].name, pm.name, pm.len) == 0) {
                ps->members.items[k].decl = m;
                ps->members.items[k].accessor = pm.accessor;
                merged = true;
            }
        if (!merged) och_vec_push(&ps->members, pm);
    }
}

static void priv_leave(AnLint *L, PsNode *n) {
    (void)n;
    PrivState *ps = priv_state(L);
    if (!ps->frames.len) return;
    uint32_t from = ps->frames.items[--ps->frames.len];
    for (uint32_t k = from; k < ps->members.len; k++) {
        PrivMember *pm = &ps->members.items[k];
        if (pm->used) continue;
        PsNode *key = ((PsClassMember *)pm->decl)->key;
        an_lint_report(L, AN_W_NO_UNUSED_PRIVATE_CLASS_MEMBERS, key->start, key->end,
                       "'#%.*s' is defined but never used; remove it.", (int)pm->len, pm->name);
    }
    ps->members.len = from;
}

static void priv_ref(AnLint *L, PsNode *n) {
    PrivState *ps = priv_state(L);
    PrivMember *pm = NULL;
    for (uint32_t k = ps->members.len; k-- > 0 && !pm;)
        if (ps->members.items[k].len == n->aux && memcmp(ps->members.items[k].name, ((PsIdent *)n)->name, n->aux) == 0)
            pm = &ps->members.items[k];
    if (!pm || pm->used) return;
    PsNode *p = an_lint_parent(L, 0);
    if (!p || p->kind == PS_NODE_PROPERTY_DEF || p->kind == PS_NODE_METHOD_DEF) return;
    if (pm->accessor) {
        pm->used = true;
        return;
    }
    PsNode *w = an_lint_parent(L, 1), *ww = an_lint_parent(L, 2);
    if (w) {
        // Write-only assignment.
        bool assignish = w->kind == PS_NODE_ASSIGN_EXPR || w->kind == PS_NODE_FOR_IN_STMT ||
                         w->kind == PS_NODE_FOR_OF_STMT || w->kind == PS_NODE_ASSIGN_PATTERN;
        if (assignish) {
            PsNode *left = w->kind == PS_NODE_FOR_IN_STMT || w->kind == PS_NODE_FOR_OF_STMT
                               ? ((PsForIn *)w)->left
                               : ((PsBinary *)w)->left;
            if (left == p) {
                if (w->kind != PS_NODE_ASSIGN_EXPR || w->op == PS_OP_ASSIGN) return;
                if (ww && ww->kind == PS_NODE_EXPRESSION_STMT) return;
            }
        }
        if (w->kind == PS_NODE_UPDATE_EXPR && ww && ww->kind == PS_NODE_EXPRESSION_STMT) return;
        if (w->kind == PS_NODE_PROPERTY && ww && ww->kind == PS_NODE_OBJECT_PATTERN &&
            ((PsProperty *)w)->value == p)
            return;
        if (w->kind == PS_NODE_REST_ELEMENT || w->kind == PS_NODE_ARRAY_PATTERN) return;
    }
    pm->used = true;
}

void an_lint_register_decl(AnLint *L) {
    if (on(L, AN_W_NO_UNUSED_PRIVATE_CLASS_MEMBERS)) {
        an_lint_on(L, PS_NODE_CLASS_BODY, priv_enter);
        an_lint_on_leave(L, PS_NODE_CLASS_BODY, priv_leave);
        an_lint_on(L, PS_NODE_PRIVATE_IDENTIFIER, priv_ref);
    }
    if (on(L, AN_W_NO_INNER_DECLARATIONS)) {
        an_lint_on(L, PS_NODE_FUNCTION_DECL, inner_function);
        an_lint_on(L, PS_NODE_VAR_DECL, inner_var);
    }
    if (on(L, AN_W_NO_DUPE_KEYS)) an_lint_on(L, PS_NODE_OBJECT_EXPR, dupe_keys);
    if (on(L, AN_W_NO_DUPE_CLASS_MEMBERS)) an_lint_on(L, PS_NODE_CLASS_BODY, dupe_class_members);
    if (on(L, AN_W_NO_DUPE_ARGS)) {
        an_lint_on(L, PS_NODE_FUNCTION_DECL, dupe_args);
        an_lint_on(L, PS_NODE_FUNCTION_EXPR, dupe_args);
    }
    if (on(L, AN_W_NO_DUPLICATE_CASE)) an_lint_on(L, PS_NODE_SWITCH_STMT, duplicate_case);
    if (on(L, AN_W_NO_EMPTY)) {
        an_lint_on(L, PS_NODE_BLOCK, empty_block);
        an_lint_on(L, PS_NODE_SWITCH_STMT, empty_switch);
    }
    if (on(L, AN_W_NO_EMPTY_PATTERN)) {
        an_lint_on(L, PS_NODE_OBJECT_PATTERN, empty_pattern);
        an_lint_on(L, PS_NODE_ARRAY_PATTERN, empty_pattern);
    }
    if (on(L, AN_W_NO_CASE_DECLARATIONS)) an_lint_on(L, PS_NODE_SWITCH_CASE, case_declarations);
    if (on(L, AN_W_NO_DEBUGGER)) an_lint_on(L, PS_NODE_DEBUGGER_STMT, debugger);
    if (on(L, AN_W_NO_WITH)) an_lint_on(L, PS_NODE_WITH_STMT, with_stmt);
}
