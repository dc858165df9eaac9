// Lint rules over the scope analysis: no-undef, no-unused-vars,
// no-const-assign, no-func-assign, no-class-assign, no-ex-assign,
// no-import-assign, no-global-assign, no-redeclare,
// no-shadow-restricted-names, no-unused-labels. Most run after the walk
// over the analyzer's bindings and references; the walk contributes what
// needs parent nodes (assignment positions for no-unused-vars, write nodes
// for no-import-assign).
#include "lint_int.h"

static bool on(const AnLint *L, OchDiagCode c) { return L->on[an_rule_index(c)]; }

typedef OCH_VEC(AnRef *) RefVec;

// ---------------------------------------------------------------------------
// Options.

bool an_opts_no_undef(AnLint *L, const AnJson *a, OchBuf *err) {
    static const char *const keys[] = {"typeof", NULL};
    const AnJson *o;
    if (!an_opts_object(a, keys, &o, err)) return false;
    return an_opts_bool(o, "typeof", &L->o.undef_typeof, err);
}

static bool pattern_opt(AnLint *L, const AnJson *o, const char *key, const AnPattern **out,
                        OchBuf *err) {
    const AnJson *v = an_json_get(o, key);
    if (!v) return true;
    if (v->type != AN_JSON_STRING) {
        och_buf_printf(err, "\"%s\" must be a string", key);
        return false;
    }
    const char *perr = NULL;
    AnPattern *p = an_pattern_compile(&L->tmp, v->str, &perr);
    if (!p) {
        och_buf_printf(err, "\"%s\": %s", key, perr);
        return false;
    }
    *out = p;
    return true;
}

bool an_opts_no_unused_vars(AnLint *L, const AnJson *a, OchBuf *err) {
    AnUnusedVarsOpts *u = &L->o.unused;
    static const char *const vars_v[] = {"all", "local", NULL};
    if (a->count == 1 && a->items[0]->type == AN_JSON_STRING) {
        uint8_t v;
        if (!an_opts_enum(a->items[0], "the option", vars_v, &v, err)) return false;
        u->vars_local = v == 1;
        return true;
    }
    static const char *const keys[] = {
        "vars", "varsIgnorePattern", "args", "argsIgnorePattern", "ignoreRestSiblings",
        "caughtErrors", "caughtErrorsIgnorePattern", "destructuredArrayIgnorePattern",
        "ignoreClassWithStaticInitBlock", "ignoreUsingDeclarations", "reportUsedIgnorePattern",
        NULL};
    const AnJson *o;
    if (!an_opts_object(a, keys, &o, err)) return false;
    if (!o) return true;
    const AnJson *v;
    uint8_t e;
    if ((v = an_json_get(o, "vars"))) {
        if (!an_opts_enum(v, "\"vars\"", vars_v, &e, err)) return false;
        u->vars_local = e == 1;
    }
    if ((v = an_json_get(o, "args"))) {
        static const char *const args_v[] = {"after-used", "all", "none", NULL};
        if (!an_opts_enum(v, "\"args\"", args_v, &u->args, err)) return false;
    }
    if ((v = an_json_get(o, "caughtErrors"))) {
        static const char *const ce_v[] = {"all", "none", NULL};
        if (!an_opts_enum(v, "\"caughtErrors\"", ce_v, &e, err)) return false;
        u->caught_none = e == 1;
    }
    return an_opts_bool(o, "ignoreRestSiblings", &u->ignore_rest_siblings, err) &&
           an_opts_bool(o, "ignoreClassWithStaticInitBlock", &u->ignore_class_with_static_init,
                        err) &&
           an_opts_bool(o, "ignoreUsingDeclarations", &u->ignore_using, err) &&
           an_opts_bool(o, "reportUsedIgnorePattern", &u->report_used_ignore_pattern, err) &&
           pattern_opt(L, o, "varsIgnorePattern", &u->vars_ignore, err) &&
           pattern_opt(L, o, "argsIgnorePattern", &u->args_ignore, err) &&
           pattern_opt(L, o, "caughtErrorsIgnorePattern", &u->caught_ignore, err) &&
           pattern_opt(L, o, "destructuredArrayIgnorePattern", &u->destructured_ignore, err);
}

bool an_opts_no_redeclare(AnLint *L, const AnJson *a, OchBuf *err) {
    static const char *const keys[] = {"builtinGlobals", NULL};
    const AnJson *o;
    if (!an_opts_object(a, keys, &o, err)) return false;
    return an_opts_bool(o, "builtinGlobals", &L->o.redeclare_builtins, err);
}

bool an_opts_no_global_assign(AnLint *L, const AnJson *a, OchBuf *err) {
    static const char *const keys[] = {"exceptions", NULL};
    const AnJson *o;
    if (!an_opts_object(a, keys, &o, err)) return false;
    const AnJson *v = an_json_get(o, "exceptions");
    if (!v) return true;
    if (v->type != AN_JSON_ARRAY) {
        och_buf_printf(err, "\"exceptions\" must be an array of names");
        return false;
    }
    for (uint32_t i = 0; i < v->count; i++)
        if (v->items[i]->type != AN_JSON_STRING) {
            och_buf_printf(err, "\"exceptions\" must be an array of names");
            return false;
        }
    L->o.global_assign_exceptions = v;
    return true;
}

bool an_opts_no_shadow_restricted_names(AnLint *L, const AnJson *a, OchBuf *err) {
    static const char *const keys[] = {"reportGlobalThis", NULL};
    const AnJson *o;
    if (!an_opts_object(a, keys, &o, err)) return false;
    return an_opts_bool(o, "reportGlobalThis", &L->o.restricted_report_global_this, err);
}

// ---------------------------------------------------------------------------
// Walk hooks.

static bool is_fn_kind(uint8_t k) {
    return k == PS_NODE_FUNCTION_DECL || k == PS_NODE_FUNCTION_EXPR || k == PS_NODE_ARROW_FUNCTION;
}

// ESLint's isUnusedExpression: the value of node (whose parent is
// stack[depth - 1 - k]) is discarded.
static bool unused_expression(const AnLint *L, const PsNode *node, uint32_t k) {
    for (;;) {
        const PsNode *p = an_lint_parent(L, k);
        if (!p) return false;
        if (p->kind == PS_NODE_EXPRESSION_STMT) return true;
        if (p->kind != PS_NODE_SEQUENCE_EXPR) return false;
        const PsList *l = &((const PsListNode *)p)->items;
        if (l->count && l->items[l->count - 1] != node) return true;
        node = p;
        k++;
    }
}

// Whether the node being visited is inside a loop of its function.
static bool in_loop(const AnLint *L) {
    for (uint32_t k = 0; k < L->depth; k++) {
        const PsNode *p = an_lint_parent(L, k);
        if (is_fn_kind(p->kind) || p->kind == PS_NODE_STATIC_BLOCK ||
            p->kind == PS_NODE_PROPERTY_DEF)
            return false;
        switch ((PsNodeKind)p->kind) {
        case PS_NODE_FOR_STMT: case PS_NODE_FOR_IN_STMT: case PS_NODE_FOR_OF_STMT:
        case PS_NODE_WHILE_STMT: case PS_NODE_DO_WHILE_STMT:
            return true;
        default:
            break;
        }
    }
    return false;
}

static void uv_record(AnLint *L, const PsNode *id, uint32_t flags, PsNode *rhs) {
    uint32_t ix = an_ptrmap_get(&L->uv_map, id);
    if (ix) {
        L->uv.items[ix - 1].flags |= flags;
        if (rhs) L->uv.items[ix - 1].rhs = rhs;
        return;
    }
    AnUvInfo info = {flags, rhs};
    och_vec_push(&L->uv, info);
    an_ptrmap_put(&L->uv_map, id, L->uv.len);
}

static void uv_assign(AnLint *L, PsNode *n) {
    PsBinary *b = (PsBinary *)n;
    if (!b->left || b->left->kind != PS_NODE_IDENTIFIER) return;
    uint32_t f = AN_UV_ASSIGN_LEFT;
    if (n->op == PS_OP_AND_ASSIGN || n->op == PS_OP_OR_ASSIGN || n->op == PS_OP_NULLISH_ASSIGN)
        f |= AN_UV_LOGICAL;
    if (unused_expression(L, n, 0)) f |= AN_UV_UNUSED_EXPR;
    if (in_loop(L)) f |= AN_UV_IN_LOOP;
    uv_record(L, b->left, f, b->right);
}

static void uv_update(AnLint *L, PsNode *n) {
    PsNode *a = ((PsUnary *)n)->arg;
    if (!a || a->kind != PS_NODE_IDENTIFIER) return;
    uv_record(L, a, AN_UV_UPDATE | (unused_expression(L, n, 0) ? AN_UV_UNUSED_EXPR : 0), NULL);
}

static void uv_for(AnLint *L, PsNode *n) {
    PsForIn *f = (PsForIn *)n;
    PsNode *first = f->body;
    if (first && first->kind == PS_NODE_BLOCK) {
        const PsList *l = &((PsListNode *)first)->items;
        first = l->count ? l->items[0] : NULL;
    }
    if (!first || first->kind != PS_NODE_RETURN_STMT) return;
    PsNode *left = f->left;
    if (left && left->kind == PS_NODE_VAR_DECL) {
        const PsList *l = &((PsListNode *)left)->items;
        for (uint32_t i = 0; i < l->count; i++) {
            PsNode *d = l->items[i];
            if (d && d->kind == PS_NODE_VAR_DECLARATOR) {
                PsNode *id = ((PsVarDeclarator *)d)->id;
                if (id && id->kind == PS_NODE_IDENTIFIER) uv_record(L, id, AN_UV_FOR_RETURN, NULL);
            }
        }
    } else if (left && left->kind == PS_NODE_IDENTIFIER) {
        uv_record(L, left, AN_UV_FOR_RETURN, NULL);
    }
}

static void uv_member(AnLint *L, PsNode *n) {
    // Setters: the function of a `set` accessor.
    if (n->op == PS_PROP_SET) {
        PsNode *v = n->kind == PS_NODE_PROPERTY ? ((PsProperty *)n)->value : ((PsClassMember *)n)->value;
        if (v) an_ptrmap_put(&L->setters, v, 1);
    }
}

static void uv_object_pattern(AnLint *L, PsNode *n) {
    const PsList *l = &((PsListNode *)n)->items;
    if (!l->count || !l->items[l->count - 1] || l->items[l->count - 1]->kind != PS_NODE_REST_ELEMENT)
        return;
    for (uint32_t i = 0; i + 1 < l->count; i++) {
        PsNode *p = l->items[i];
        if (!p || p->kind != PS_NODE_PROPERTY) continue;
        PsNode *v = ((PsProperty *)p)->value;
        if (v && v->kind == PS_NODE_ASSIGN_PATTERN) v = ((PsBinary *)v)->left;
        if (v && v->kind == PS_NODE_IDENTIFIER) an_ptrmap_put(&L->rest_siblings, v, 1);
    }
}

static void uv_array_pattern(AnLint *L, PsNode *n) {
    const PsList *l = &((PsListNode *)n)->items;
    for (uint32_t i = 0; i < l->count; i++) {
        PsNode *p = l->items[i];
        if (p && p->kind == PS_NODE_IDENTIFIER) an_ptrmap_put(&L->array_elems, p, 1);
    }
}

static void uv_class_body(AnLint *L, PsNode *n) {
    const PsList *l = &((PsListNode *)n)->items;
    for (uint32_t i = 0; i < l->count; i++)
        if (l->items[i] && l->items[i]->kind == PS_NODE_STATIC_BLOCK) {
            PsNode *cls = an_lint_parent(L, 0);
            if (cls) an_ptrmap_put(&L->static_block_classes, cls, 1);
            return;
        }
}

// no-import-assign: writes to imported bindings and to members of
// namespace imports, reported at the writing expression.
static AnBinding *import_of(const AnLint *L, const PsNode *id) {
    if (!id || id->kind != PS_NODE_IDENTIFIER) return NULL;
    AnRef *r = an_lint_ref(L, id);
    return r && r->binding && r->binding->kind == AN_BIND_IMPORT ? r->binding : NULL;
}

static bool is_namespace_import(const AnBinding *b) {
    return b && b->decl && b->decl->kind == PS_NODE_IMPORT_NAMESPACE_SPECIFIER;
}

static void import_report(AnLint *L, PsNode *at, const PsNode *id, bool member) {
    if (member)
        an_lint_report(L, AN_W_NO_IMPORT_ASSIGN, at->start, at->end,
                       "The members of '%.*s' are read-only: a module namespace object cannot "
                       "be changed.",
                       (int)id->aux, ((const PsIdent *)id)->name);
    else
        an_lint_report(L, AN_W_NO_IMPORT_ASSIGN, at->start, at->end,
                       "'%.*s' is read-only: an imported binding cannot be assigned; copy it to "
                       "a local variable first.",
                       (int)id->aux, ((const PsIdent *)id)->name);
}

// Reports the identifiers of an assignment target that are imports, and
// members of namespace imports.
static void import_target(AnLint *L, PsNode *at, PsNode *t) {
    if (!t) return;
    switch ((PsNodeKind)t->kind) {
    case PS_NODE_IDENTIFIER:
        if (import_of(L, t)) import_report(L, at, t, false);
        return;
    case PS_NODE_MEMBER_EXPR: {
        PsNode *o = ((PsMember *)t)->object;
        if (is_namespace_import(import_of(L, o))) import_report(L, at, o, true);
        return;
    }
    case PS_NODE_ASSIGN_PATTERN:
        import_target(L, at, ((PsBinary *)t)->left);
        return;
    case PS_NODE_REST_ELEMENT:
        import_target(L, at, ((PsUnary *)t)->arg);
        return;
    case PS_NODE_ARRAY_PATTERN: {
        const PsList *l = &((PsListNode *)t)->items;
        for (uint32_t i = 0; i < l->count; i++) import_target(L, at, l->items[i]);
        return;
    }
    case PS_NODE_OBJECT_PATTERN: {
        const PsList *l = &((PsListNode *)t)->items;
        for (uint32_t i = 0; i < l->count; i++) {
            PsNode *p = l->items[i];
            if (p && p->kind == PS_NODE_PROPERTY) import_target(L, at, ((PsProperty *)p)->value);
            else import_target(L, at, p);
        }
        return;
    }
    default:
        return;
    }
}

static void import_assign(AnLint *L, PsNode *n) { import_target(L, n, ((PsBinary *)n)->left); }

static PsNode *skip_chain(PsNode *n) {
    return n && n->kind == PS_NODE_CHAIN_EXPR ? ((PsUnary *)n)->arg : n;
}

static void import_unary(AnLint *L, PsNode *n) {
    if (n->kind == PS_NODE_UNARY_EXPR && n->op != PS_OP_DELETE) return;
    PsNode *a = skip_chain(((PsUnary *)n)->arg);
    if (n->kind == PS_NODE_UPDATE_EXPR) {
        import_target(L, n, a);
    } else if (a && a->kind == PS_NODE_MEMBER_EXPR) {
        PsNode *o = ((PsMember *)a)->object;
        if (is_namespace_import(import_of(L, o))) import_report(L, n, o, true);
    }
}

static void import_for(AnLint *L, PsNode *n) {
    PsNode *left = ((PsForIn *)n)->left;
    if (left && left->kind != PS_NODE_VAR_DECL) import_target(L, n, left);
}

// Object.assign(ns, ...) and the like mutate their first argument.
static void import_call(AnLint *L, PsNode *n) {
    PsCall *c = (PsCall *)n;
    if (!c->arguments.count) return;
    PsNode *arg = c->arguments.items[0];
    if (!is_namespace_import(import_of(L, arg))) return;
    PsNode *callee = skip_chain(c->callee);
    if (!callee || callee->kind != PS_NODE_MEMBER_EXPR) return;
    PsMember *m = (PsMember *)callee;
    OchBuf key = {0};
    bool ok = an_static_key(m->property, (callee->flags & PS_NF_COMPUTED) != 0, &key);
    const char *k = key.data ? key.data : "";
    bool hit = false;
    if (ok && an_lint_is_global_ref(L, m->object, "Object"))
        hit = !strcmp(k, "assign") || !strcmp(k, "defineProperty") ||
              !strcmp(k, "defineProperties") || !strcmp(k, "freeze") ||
              !strcmp(k, "setPrototypeOf");
    else if (ok && an_lint_is_global_ref(L, m->object, "Reflect"))
        hit = !strcmp(k, "defineProperty") || !strcmp(k, "deleteProperty") || !strcmp(k, "set") ||
              !strcmp(k, "setPrototypeOf");
    och_buf_free(&key);
    if (hit) import_report(L, n, arg, true);
}

void an_lint_register_scope(AnLint *L) {
    if (on(L, AN_W_NO_UNUSED_VARS)) {
        an_lint_on(L, PS_NODE_ASSIGN_EXPR, uv_assign);
        an_lint_on(L, PS_NODE_UPDATE_EXPR, uv_update);
        an_lint_on(L, PS_NODE_FOR_IN_STMT, uv_for);
        an_lint_on(L, PS_NODE_FOR_OF_STMT, uv_for);
        an_lint_on(L, PS_NODE_PROPERTY, uv_member);
        an_lint_on(L, PS_NODE_METHOD_DEF, uv_member);
        if (L->o.unused.ignore_rest_siblings) an_lint_on(L, PS_NODE_OBJECT_PATTERN, uv_object_pattern);
        if (L->o.unused.destructured_ignore) an_lint_on(L, PS_NODE_ARRAY_PATTERN, uv_array_pattern);
        if (L->o.unused.ignore_class_with_static_init) an_lint_on(L, PS_NODE_CLASS_BODY, uv_class_body);
    }
    bool imports = false;
    for (const AnBinding *b = L->res->root->bindings; b && !imports; b = b->next)
        imports = b->kind == AN_BIND_IMPORT;
    if (on(L, AN_W_NO_IMPORT_ASSIGN) && L->module && imports) {
        an_lint_on(L, PS_NODE_ASSIGN_EXPR, import_assign);
        an_lint_on(L, PS_NODE_UPDATE_EXPR, import_unary);
        an_lint_on(L, PS_NODE_UNARY_EXPR, import_unary);
        an_lint_on(L, PS_NODE_FOR_IN_STMT, import_for);
        an_lint_on(L, PS_NODE_FOR_OF_STMT, import_for);
        an_lint_on(L, PS_NODE_CALL_EXPR, import_call);
    }
}

// ---------------------------------------------------------------------------
// After the walk.

static const char *ident_name(const PsNode *id) { return ((const PsIdent *)id)->name; }

// no-undef and no-global-assign over the unresolved references; records
// which names are read (for unused `/* global */` entries).
typedef struct UndefCtx {
    AnLint *L;
    AnPtrMap read_globals;  // AnGlobalDef* read
    bool undef, assign;
} UndefCtx;

static bool global_exception(const AnLint *L, const char *name, uint32_t len) {
    const AnJson *ex = L->o.global_assign_exceptions;
    for (uint32_t i = 0; ex && i < ex->count; i++)
        if (ex->items[i]->len == len && memcmp(ex->items[i]->str, name, len) == 0) return true;
    return false;
}

static bool undef_ref(AnRef *r, void *ctx) {
    UndefCtx *c = ctx;
    AnLint *L = c->L;
    if (r->binding || (r->flags & (AN_REF_LABEL | AN_REF_PRIVATE | AN_REF_EXPORT))) return true;
    const PsNode *id = r->node;
    if (id->kind != PS_NODE_IDENTIFIER && id->kind != PS_NODE_JSX_IDENTIFIER) return true;
    const AnGlobalDef *g = an_lint_global(L, ident_name(id), id->aux);
    if (!g) {
        if (c->undef && (!(r->flags & AN_REF_TYPEOF) || L->o.undef_typeof))
            an_lint_report(L, AN_W_NO_UNDEF, id->start, id->end,
                           "'%.*s' is not defined; declare it, or if it is a global of the "
                           "environment, add it to `globals` (or `env`) in ochre.json.",
                           (int)id->aux, ident_name(id));
        return true;
    }
    if ((r->flags & AN_REF_READ) && g->comment_end) an_ptrmap_put(&c->read_globals, g, 1);
    if (c->assign && (r->flags & AN_REF_WRITE) && g->mode == AN_GLOBAL_READONLY &&
        !global_exception(L, g->name, g->len))
        an_lint_report(L, AN_W_NO_GLOBAL_ASSIGN, id->start, id->end,
                       "Read-only global '%.*s' should not be modified; use a local variable "
                       "instead.",
                       (int)id->aux, ident_name(id));
    return true;
}

// Unused `/* global x */` entries (no-unused-vars), reported in the
// comment; only for names no declaration of the script took over.
typedef struct GlobalUseCtx {
    UndefCtx *u;
} GlobalUseCtx;

static void unused_comment_global(AnLint *L, const AnGlobalDef *g, void *ctx) {
    UndefCtx *u = ctx;
    if (!g->comment_end || g->mode == AN_GLOBAL_OFF || an_ptrmap_get(&u->read_globals, g)) return;
    if (L->module) {
        // Module code reads globals through the module scope: a top-level
        // declaration there does not take the name over.
    } else if (an_scope_lookup(L->res->root, g->name, g->len)) {
        return;
    }
    an_lint_report(L, AN_W_NO_UNUSED_VARS, g->comment_start, g->comment_end,
                   "'%.*s' is defined but never used; remove it from the `global` comment.",
                   (int)g->len, g->name);
}

// --- no-unused-vars ---------------------------------------------------------

static bool inside(const PsNode *n, const PsNode *outer) {
    return n->start >= outer->start && n->end <= outer->end;
}

// The functions a binding is defined by (for self references).
static int function_defs(const AnBinding *b, const PsNode *out[2]) {
    int n = 0;
    if (b->kind == AN_BIND_FUNCTION && b->decl && is_fn_kind(b->decl->kind)) out[n++] = b->decl;
    if (b->decl && b->decl->kind == PS_NODE_VAR_DECLARATOR) {
        const PsNode *init = ((const PsVarDeclarator *)b->decl)->init;
        if (init && (init->kind == PS_NODE_FUNCTION_EXPR || init->kind == PS_NODE_ARROW_FUNCTION) &&
            ((const PsVarDeclarator *)b->decl)->id == b->id)
            out[n++] = init;
    }
    return n;
}

// Whether a reference inside rhs sits in a function nested in rhs (ESLint
// then keeps it as a use when the function may be stored; simplified: any
// nested function keeps it).
static bool in_nested_function(const AnRef *r, const PsNode *rhs) {
    for (const AnScope *s = r->scope; s; s = s->parent) {
        if (!s->node) break;
        if (s->node->start < rhs->start || s->node->end > rhs->end) break;
        if ((s->kind == AN_SCOPE_FUNCTION || s->kind == AN_SCOPE_PARAMS) && is_fn_kind(s->node->kind))
            return true;
    }
    return false;
}

static bool binding_used(AnLint *L, const AnBinding *b, AnRef **refs, uint32_t n) {
    const PsNode *fns[2];
    int nfn = function_defs(b, fns);
    if (!(b->flags & AN_BF_WRITTEN)) {
        // Without assignments there is no read "for itself": any read
        // outside the binding's own function counts.
        for (uint32_t i = 0; i < n; i++) {
            AnRef *r = refs[i];
            if (r->flags & AN_REF_WRITE) {
                uint32_t ix = an_ptrmap_get(&L->uv_map, r->node);
                if (ix && (L->uv.items[ix - 1].flags & AN_UV_FOR_RETURN)) return true;
            }
            if (!(r->flags & AN_REF_READ)) continue;
            bool self = false;
            for (int k = 0; k < nfn && !self; k++) self = inside(r->node, fns[k]);
            if (!self) return true;
        }
        return false;
    }
    const PsNode *rhs = NULL;
    for (uint32_t i = 0; i < n; i++) {
        AnRef *r = refs[i];
        const AnUvInfo *info = NULL;
        if (r->flags & AN_REF_WRITE) {
            uint32_t ix = an_ptrmap_get(&L->uv_map, r->node);
            if (ix) info = &L->uv.items[ix - 1];
        }
        if (info && (info->flags & AN_UV_FOR_RETURN)) return true;
        bool read = (r->flags & AN_REF_READ) != 0;
        bool self_read = false;
        if (read) {
            if (info && (info->flags & AN_UV_ASSIGN_LEFT) && (info->flags & AN_UV_UNUSED_EXPR) &&
                !(info->flags & AN_UV_LOGICAL))
                self_read = true;
            else if (info && (info->flags & AN_UV_UPDATE) && (info->flags & AN_UV_UNUSED_EXPR))
                self_read = true;
            else if (rhs && inside(r->node, rhs) && !in_nested_function(r, rhs))
                self_read = true;
        }
        // getRhsNode
        if (rhs && inside(r->node, rhs)) {
            // keep
        } else if (info && (info->flags & AN_UV_ASSIGN_LEFT) && (info->flags & AN_UV_UNUSED_EXPR) &&
                   r->scope->fn == b->scope->fn && !(info->flags & AN_UV_IN_LOOP)) {
            rhs = info->rhs;
        } else {
            rhs = NULL;
        }
        if (!read || self_read) continue;
        bool self = false;
        for (int k = 0; k < nfn && !self; k++) self = inside(r->node, fns[k]);
        if (!self) return true;
    }
    return false;
}

// Parameters declared after b by the same function have references
// (ESLint's after-used).
static bool later_param_used(AnLint *L, const AnBinding *b);

typedef struct LaterCtx {
    AnLint *L;
    const AnBinding *b;
    bool after, used;
} LaterCtx;

// One name of the parameter list, in order; with_default: it has a
// default value (which ESLint's scope analysis counts as a reference).
static void later_name(LaterCtx *c, const PsNode *id, bool with_default) {
    if (c->used) return;
    if (!c->after) {
        if (id == c->b->id) c->after = true;
        return;
    }
    if (with_default) {
        c->used = true;
        return;
    }
    AnBinding *p = an_binding_of_node(c->L->res, id);
    if (p && p->nrefs > 0) c->used = true;
}

static void later_pattern(LaterCtx *c, const PsNode *n, bool with_default) {
    if (!n || c->used) return;
    switch ((PsNodeKind)n->kind) {
    case PS_NODE_IDENTIFIER:
        later_name(c, n, with_default);
        return;
    case PS_NODE_ASSIGN_PATTERN:
        later_pattern(c, ((const PsBinary *)n)->left, true);
        return;
    case PS_NODE_REST_ELEMENT:
        later_pattern(c, ((const PsUnary *)n)->arg, with_default);
        return;
    case PS_NODE_ARRAY_PATTERN: {
        const PsList *l = &((const PsListNode *)n)->items;
        for (uint32_t i = 0; i < l->count; i++) later_pattern(c, l->items[i], with_default);
        return;
    }
    case PS_NODE_OBJECT_PATTERN: {
        const PsList *l = &((const PsListNode *)n)->items;
        for (uint32_t i = 0; i < l->count; i++) {
            const PsNode *m = l->items[i];
            if (m && m->kind == PS_NODE_PROPERTY)
                later_pattern(c, ((const PsProperty *)m)->value, with_default);
            else
                later_pattern(c, m, with_default);
        }
        return;
    }
    default:
        return;
    }
}

static bool later_param_used(AnLint *L, const AnBinding *b) {
    const PsFunction *f = (const PsFunction *)b->decl;
    LaterCtx c = {L, b, false, false};
    for (uint32_t i = 0; i < f->params.count && !c.used; i++) later_pattern(&c, f->params.items[i], false);
    return c.used;
}

static bool direct_param(const AnBinding *b) {
    const PsFunction *f = (const PsFunction *)b->decl;
    for (uint32_t i = 0; i < f->params.count; i++)
        if (f->params.items[i] == b->id) return true;
    return false;
}

static void report_unused(AnLint *L, const AnBinding *b, AnRef **refs, uint32_t n,
                          const AnPattern *pat, const char *what) {
    const PsNode *at = b->id;
    bool assigned = false;
    for (uint32_t i = 0; i < n; i++) {
        AnRef *r = refs[i];
        if (!(r->flags & AN_REF_WRITE)) continue;
        assigned = true;
        if (r->scope->fn == b->scope->fn) at = r->node;
    }
    (void)pat;
    const char *hint = b->kind == AN_BIND_PARAM ? "remove it, or prefix it with '_' if an "
                                                  "argsIgnorePattern allows that"
                       : b->kind == AN_BIND_CATCH ? "remove it (`catch {`)"
                                                  : "remove it";
    (void)what;
    an_lint_report(L, AN_W_NO_UNUSED_VARS, at->start, at->end, "'%.*s' is %s but never used; %s.",
                   (int)b->len, b->name, assigned ? "assigned a value" : "defined", hint);
}

static bool is_setter_param(AnLint *L, const AnBinding *b) {
    return b->decl && an_ptrmap_get(&L->setters, b->decl);
}

static void check_unused(AnLint *L, const AnBinding *b, RefVec *buf) {
    const AnUnusedVarsOpts *o = &L->o.unused;
    switch ((AnBindingKind)b->kind) {
    case AN_BIND_ARGUMENTS: case AN_BIND_LABEL: case AN_BIND_PRIVATE: case AN_BIND_CLASS_NAME:
    case AN_BIND_FUNCTION_NAME:
        return;
    default:
        break;
    }
    // Fast path, the common case (without touching the declaration): read,
    // never assigned, not a function that could only call itself.
    if ((b->flags & (AN_BF_READ | AN_BF_WRITTEN | AN_BF_EXPORTED | AN_BF_ANNEXB_VAR)) == AN_BF_READ &&
        !o->report_used_ignore_pattern &&
        (!(b->kind == AN_BIND_FUNCTION || (b->flags & AN_BF_FN_INIT)) ||
         (b->flags & AN_BF_READ_OUTSIDE)))
        return;
    if (!b->id || (b->flags & (AN_BF_EXPORTED | AN_BF_ANNEXB_VAR))) return;
    // `/* exported name */` marks a script's global as used (ESLint marks
    // the variable of the global scope; module code has none there).
    if (b->scope->kind == AN_SCOPE_GLOBAL && an_lint_exported(L, b->name, b->len)) return;
    // References in source order.
    buf->len = 0;
    for (AnRef *r = b->refs; r; r = r->next_for_binding) och_vec_push(buf, r);
    for (uint32_t i = 0, j = buf->len ? buf->len - 1 : 0; i < j; i++, j--) {
        AnRef *t = buf->items[i];
        buf->items[i] = buf->items[j];
        buf->items[j] = t;
    }
    const AnPattern *pat = NULL;
    const char *what = "vars";
    if (o->destructured_ignore && an_ptrmap_get(&L->array_elems, b->id) &&
        an_pattern_test(o->destructured_ignore, b->name, b->len))
        return;
    if (b->kind == AN_BIND_CATCH) {
        if (o->caught_none) return;
        pat = o->caught_ignore;
        what = "caught errors";
    } else if (b->kind == AN_BIND_PARAM) {
        if (is_setter_param(L, b) || o->args == 2) return;
        pat = o->args_ignore;
        what = "args";
    } else {
        pat = o->vars_ignore;
        if (b->kind == AN_BIND_CLASS && o->ignore_class_with_static_init && b->decl &&
            an_ptrmap_get(&L->static_block_classes, b->decl))
            return;
    }
    if (pat && an_pattern_test(pat, b->name, b->len)) {
        if (o->report_used_ignore_pattern && binding_used(L, b, buf->items, buf->len))
            an_lint_report(L, AN_W_NO_UNUSED_VARS, b->id->start, b->id->end,
                           "'%.*s' is marked as ignored but is used; rename it.", (int)b->len,
                           b->name);
        return;
    }
    if (b->kind == AN_BIND_PARAM && o->args == 0 && b->decl && is_fn_kind(b->decl->kind) &&
        direct_param(b) && later_param_used(L, b))
        return;
    if (binding_used(L, b, buf->items, buf->len)) return;
    if (o->ignore_using && (b->kind == AN_BIND_USING || b->kind == AN_BIND_AWAIT_USING)) return;
    if (o->ignore_rest_siblings && an_ptrmap_get(&L->rest_siblings, b->id)) return;
    report_unused(L, b, buf->items, buf->len, pat, what);
}

// --- assignments to constants, functions, classes, exceptions -------------

static void check_writes(AnLint *L, const AnBinding *b) {
    OchDiagCode code;
    const char *fmt;
    switch ((AnBindingKind)b->kind) {
    case AN_BIND_CONST: case AN_BIND_USING: case AN_BIND_AWAIT_USING:
        code = AN_W_NO_CONST_ASSIGN;
        fmt = "'%.*s' is constant: it cannot be assigned after its declaration; declare it with "
              "'let' if it must change.";
        break;
    case AN_BIND_FUNCTION: case AN_BIND_FUNCTION_NAME:
        code = AN_W_NO_FUNC_ASSIGN;
        fmt = "'%.*s' is a function; assigning to it replaces the function: use a separate "
              "variable.";
        break;
    case AN_BIND_CLASS: case AN_BIND_CLASS_NAME:
        code = AN_W_NO_CLASS_ASSIGN;
        fmt = "'%.*s' is a class; assigning to it replaces the class: use a separate variable.";
        break;
    case AN_BIND_CATCH:
        code = AN_W_NO_EX_ASSIGN;
        fmt = "Do not assign to the exception parameter '%.*s': the caught error is lost; use "
              "a separate variable.";
        break;
    default:
        return;
    }
    if (!on(L, code) || !(b->flags & AN_BF_WRITTEN)) return;
    // Newest first: report in source order.
    uint32_t n = 0;
    for (AnRef *r = b->refs; r; r = r->next_for_binding) n++;
    AnRef **v = och_malloc(n * sizeof *v);
    uint32_t i = n;
    for (AnRef *r = b->refs; r; r = r->next_for_binding) v[--i] = r;
    for (i = 0; i < n; i++) {
        AnRef *r = v[i];
        if ((r->flags & AN_REF_WRITE) && !(r->flags & AN_REF_INIT))
            an_lint_report(L, code, r->node->start, r->node->end, fmt, (int)r->node->aux,
                           ident_name(r->node));
    }
    och_free(v);
}

// --- no-shadow-restricted-names ------------------------------------------

static bool restricted_name(const AnLint *L, const char *s, uint32_t n) {
    static const char *const names[] = {"undefined", "NaN", "Infinity", "arguments", "eval"};
    static const uint8_t lens[] = {9, 3, 8, 9, 4};
    if (n < 3 || n > 10) return false;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (lens[i] == n && memcmp(names[i], s, n) == 0) return true;
    return L->o.restricted_report_global_this && n == 10 && memcmp(s, "globalThis", 10) == 0;
}

static void check_restricted(AnLint *L, const AnBinding *b) {
    if (b->len < 3 || b->len > 10) return;
    if (b->kind == AN_BIND_ARGUMENTS || b->kind == AN_BIND_LABEL || b->kind == AN_BIND_PRIVATE ||
        b->kind == AN_BIND_CLASS_NAME || !b->id || (b->flags & AN_BF_ANNEXB_VAR))
        return;
    if (!restricted_name(L, b->name, b->len)) return;
    // `var undefined;` that is never assigned is harmless.
    if (b->len == 9 && memcmp(b->name, "undefined", 9) == 0 && b->kind == AN_BIND_VAR &&
        !(b->flags & AN_BF_WRITTEN) && b->decl && b->decl->kind == PS_NODE_VAR_DECLARATOR &&
        !((const PsVarDeclarator *)b->decl)->init) {
        bool init = false;
        for (AnRef *r = b->refs; r; r = r->next_for_binding) init |= (r->flags & AN_REF_WRITE) != 0;
        if (!init) return;
    }
    an_lint_report(L, AN_W_NO_SHADOW_RESTRICTED_NAMES, b->id->start, b->id->end,
                   "Shadowing of global property '%.*s': code in this scope would see the local "
                   "binding instead of the global value; rename it.",
                   (int)b->len, b->name);
}

// --- no-redeclare ----------------------------------------------------------

// ESLint merges a script's top-level declarations with the configured
// globals of the same name, and still treats read-only ones as read-only:
// assignments to them are reported by no-global-assign.
static void assign_declared_global(AnLint *L, const AnBinding *b) {
    if (!(b->flags & AN_BF_WRITTEN) || b->kind == AN_BIND_ARGUMENTS || !b->id) return;
    const AnGlobalDef *g = an_lint_global(L, b->name, b->len);
    if (!g || g->mode != AN_GLOBAL_READONLY || global_exception(L, g->name, g->len)) return;
    uint32_t n = 0;
    for (AnRef *r = b->refs; r; r = r->next_for_binding) n++;
    AnRef **v = och_malloc((n ? n : 1) * sizeof *v);
    uint32_t i = n;
    for (AnRef *r = b->refs; r; r = r->next_for_binding) v[--i] = r;
    for (i = 0; i < n; i++)
        if ((v[i]->flags & AN_REF_WRITE) && !(v[i]->flags & AN_REF_INIT))
            an_lint_report(L, AN_W_NO_GLOBAL_ASSIGN, v[i]->node->start, v[i]->node->end,
                           "Read-only global '%.*s' should not be modified: this script's "
                           "top-level declaration shares the global's name; rename it.",
                           (int)b->len, b->name);
    och_free(v);
}

static void redeclare_builtin(AnLint *L, const AnBinding *b) {
    if (b->kind == AN_BIND_ARGUMENTS || b->kind == AN_BIND_LABEL || b->kind == AN_BIND_PRIVATE ||
        !b->id || (b->flags & AN_BF_ANNEXB_VAR))
        return;
    const AnGlobalDef *g = an_lint_global(L, b->name, b->len);
    if (!g) return;
    if (g->comment_end) {
        // `/* global x */` and a declaration: the comment is the extra one.
        an_lint_report(L, AN_W_NO_REDECLARE, g->comment_start, g->comment_end,
                       "'%.*s' is already defined by a variable declaration; remove it from the "
                       "`global` comment.",
                       (int)b->len, b->name);
        return;
    }
    if (!L->o.redeclare_builtins) return;
    an_lint_report(L, AN_W_NO_REDECLARE, b->id->start, b->id->end,
                   "'%.*s' is already defined as a built-in global variable; rename the "
                   "declaration so it does not hide the global.",
                   (int)b->len, b->name);
}

// `/* global X */` for a name an environment already defines.
static void redeclared_comment_global(AnLint *L, const AnGlobalDef *g, void *ctx) {
    (void)ctx;
    if (!g->comment_end || !g->configured || g->mode == AN_GLOBAL_OFF) return;
    an_lint_report(L, AN_W_NO_REDECLARE, g->comment_start, g->comment_end,
                   "'%.*s' is already defined as a built-in global variable; remove it from the "
                   "`global` comment.",
                   (int)g->len, g->name);
}

// Whether the analysis already reported a redeclaration early error
// (E0500-E0503) on [start, end): the declaration is a syntax error, and
// ESLint with a parser that rejects it reports nothing more about it, so
// no-redeclare stays quiet there (each problem is reported once). The early
// errors are the first L->first_diag diagnostics, sorted by start.
static bool redeclaration_error_at(const AnLint *L, uint32_t start, uint32_t end) {
    const OchDiag *v = L->res->diags.v.items;
    uint32_t lo = 0, hi = L->first_diag;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (v[mid].span.start < start) lo = mid + 1;
        else hi = mid;
    }
    for (; lo < L->first_diag && v[lo].span.start == start; lo++)
        if (v[lo].span.end == end && v[lo].code >= AN_E_REDECLARATION &&
            v[lo].code <= AN_E_CATCH_REDECLARATION)
            return true;
    return false;
}

static void redeclarations(AnLint *L) {
    if (L->o.redeclare_builtins) an_lint_globals_each(L, redeclared_comment_global, NULL);
    for (uint32_t i = 0; i < L->global_dups.len; i++) {
        OchSpan s = L->global_dups.items[i];
        an_lint_report(L, AN_W_NO_REDECLARE, s.start, s.end,
                       "'%.*s' is already defined by an earlier `global` comment.",
                       (int)(s.end - s.start), L->src + s.start);
    }
    const AnResult *res = L->res;
    for (uint32_t i = 0; i < res->nidents; i++) {
        uintptr_t e = res->idents[i];
        if ((e & AN_IX_TAG) != AN_IX_DECL) continue;
        const AnDecl *d = (const AnDecl *)(e & ~AN_IX_TAG);
        const AnBinding *b = d->binding;
        if (!b || b->kind == AN_BIND_LABEL || b->kind == AN_BIND_PRIVATE ||
            (b->flags & AN_BF_ANNEXB_VAR) || d->id == b->id || !b->id)
            continue;
        if (redeclaration_error_at(L, d->id->start, d->id->end)) continue;
        if (b->scope == res->root && !L->module && L->o.redeclare_builtins &&
            an_lint_global(L, b->name, b->len) && !an_lint_global(L, b->name, b->len)->comment_end) {
            an_lint_report(L, AN_W_NO_REDECLARE, d->id->start, d->id->end,
                           "'%.*s' is already defined as a built-in global variable.",
                           (int)b->len, b->name);
            continue;
        }
        an_lint_report(L, AN_W_NO_REDECLARE, d->id->start, d->id->end,
                       "'%.*s' is already defined in this scope; remove this declaration or "
                       "rename it.",
                       (int)b->len, b->name);
    }
}

// --- no-unused-labels ------------------------------------------------------

static void unused_label(AnLint *L, const AnBinding *b) {
    if (b->nrefs || !b->id || !b->decl) return;
    uint32_t d = an_lint_report(L, AN_W_NO_UNUSED_LABELS, b->id->start, b->id->end,
                                "'%.*s:' is defined but never used; remove the label.",
                                (int)b->len, b->name);
    // Fix: remove `label:` when only blanks separate it from the body.
    const PsLabeled *ls = (const PsLabeled *)b->decl;
    if (!ls->body) return;
    const char *s = L->src;
    uint32_t p = b->id->end;
    while (p < ls->body->start && (s[p] == ' ' || s[p] == '\t' || s[p] == '\n' || s[p] == '\r'))
        p++;
    if (p >= ls->body->start || s[p] != ':') return;
    if (!an_lint_blank(L, p + 1, ls->body->start)) return;
    // A body that starts with a string could become a directive.
    if (ls->body->kind == PS_NODE_EXPRESSION_STMT) return;
    an_lint_fix1(L, d, "Remove the unused label", false, b->id->start, ls->body->start, "");
}

// --- the scope pass ----------------------------------------------------------

static void scope_pass(AnLint *L, const AnScope *s, RefVec *buf) {
    bool writes = on(L, AN_W_NO_CONST_ASSIGN) || on(L, AN_W_NO_FUNC_ASSIGN) ||
                  on(L, AN_W_NO_CLASS_ASSIGN) || on(L, AN_W_NO_EX_ASSIGN);
    bool unused = on(L, AN_W_NO_UNUSED_VARS) &&
                  !(s->kind == AN_SCOPE_GLOBAL && L->o.unused.vars_local) &&
                  s->kind != AN_SCOPE_FUNCTION_NAME;
    bool restricted = on(L, AN_W_NO_SHADOW_RESTRICTED_NAMES);
    bool builtin = on(L, AN_W_NO_REDECLARE) && s == L->res->root && !L->module;
    bool global_assign = on(L, AN_W_NO_GLOBAL_ASSIGN) && s == L->res->root && !L->module;
    bool use_before_define = on(L, AN_W_NO_USE_BEFORE_DEFINE);
    for (const AnBinding *b = s->bindings; b; b = b->next) {
        // By default only TDZ bindings can be reported: skip the call for the rest.
        if (use_before_define && ((b->flags & AN_BF_TDZ) || L->o.ubd.eslint))
            an_lint_use_before_define_binding(L, b);
        if (global_assign) assign_declared_global(L, b);
        if (unused) check_unused(L, b, buf);
        if (writes && (b->flags & AN_BF_WRITTEN)) check_writes(L, b);
        if (restricted) check_restricted(L, b);
        if (builtin) redeclare_builtin(L, b);
    }
    if (on(L, AN_W_NO_UNUSED_LABELS))
        for (const AnBinding *b = s->labels; b; b = b->next) unused_label(L, b);
    for (const AnScope *c = s->first_child; c; c = c->next_sibling) scope_pass(L, c, buf);
}

void an_lint_finish_scope(AnLint *L) {
    UndefCtx u = {L, {0}, on(L, AN_W_NO_UNDEF), on(L, AN_W_NO_GLOBAL_ASSIGN)};
    bool comment_globals = on(L, AN_W_NO_UNUSED_VARS) && !L->o.unused.vars_local;
    if (u.undef || u.assign || comment_globals)
        for (uint32_t i = 0; i < L->res->nunresolved; i++) undef_ref(L->res->unresolved[i], &u);
    if (comment_globals) an_lint_globals_each(L, unused_comment_global, &u);
    an_ptrmap_free(&u.read_globals);
    RefVec buf = {0};
    scope_pass(L, L->res->root, &buf);
    och_vec_free(&buf);
    if (on(L, AN_W_NO_REDECLARE)) redeclarations(L);
    an_ptrmap_free(&L->uv_map);
    och_vec_free(&L->uv);
    an_ptrmap_free(&L->setters);
    an_ptrmap_free(&L->rest_siblings);
    an_ptrmap_free(&L->array_elems);
    an_ptrmap_free(&L->static_block_classes);
}
