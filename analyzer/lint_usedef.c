// no-use-before-define (W1057): a reference that comes before the
// declaration of its binding, or that is evaluated while the declaration
// is being initialized (`let x = x + 1`, `const {a = a} = o`,
// `for (const k of k)`, `class A extends A {}`), as ESLint's rule decides
// it over eslint-scope's references.
//
// Two modes (docs/lint-rules.md):
// - Without options (ochre's default): only uses that throw when they run,
//   i.e. references to a binding with a temporal dead zone (let, const,
//   using, class, parameters with defaults, catch parameters) from the
//   same execution context as the declaration. This is ESLint's rule with
//   {functions: false, classes: false, variables: false,
//   allowNamedExports: true} restricted to those bindings: ESLint also
//   reports `var` and import bindings used earlier in the same function,
//   which read `undefined` or the imported value and never throw.
// - With options (ESLint's object or "nofunc"): ESLint's semantics, with
//   ESLint's defaults for the keys not given (all true but
//   allowNamedExports).
//
// Runs per binding from the scope pass after the walk (lint_scope.c), over
// the binding's references: by default only TDZ bindings are looked at,
// and only references before the declaration or inside it are examined
// further. The walk only records for-in/of loops (a head's names are also
// "being initialized" while the loop's right side runs).
#include "lint_int.h"

bool an_opts_no_use_before_define(AnLint *L, const AnJson *a, OchBuf *err) {
    if (a->count == 0) return true;  // no options: ochre's default (TDZ mode)
    AnUseBeforeDefineOpts *u = &L->o.ubd;
    u->eslint = true;
    u->functions = u->classes = u->variables = true;
    u->allow_named_exports = false;
    if (a->count == 1 && a->items[0]->type == AN_JSON_STRING) {
        if (strcmp(a->items[0]->str, "nofunc") != 0) {
            och_buf_printf(err, "the string option must be \"nofunc\"");
            return false;
        }
        u->functions = false;
        return true;
    }
    static const char *const keys[] = {"functions", "classes", "variables", "allowNamedExports",
                                       NULL};
    const AnJson *o;
    if (!an_opts_object(a, keys, &o, err)) return false;
    return an_opts_bool(o, "functions", &u->functions, err) &&
           an_opts_bool(o, "classes", &u->classes, err) &&
           an_opts_bool(o, "variables", &u->variables, err) &&
           an_opts_bool(o, "allowNamedExports", &u->allow_named_exports, err);
}

// The walk's hook: remembers the loop of each declarator in a for-in/of
// head (value: index + 1 in L->ubd_loops).
static void record_loop(AnLint *L, PsNode *n) {
    PsNode *left = ((PsForIn *)n)->left;
    if (!left || left->kind != PS_NODE_VAR_DECL) return;
    const PsList *l = &((PsListNode *)left)->items;
    for (uint32_t i = 0; i < l->count; i++) {
        if (!l->items[i]) continue;
        och_vec_push(&L->ubd_loops, n);
        an_ptrmap_put(&L->ubd_heads, l->items[i], L->ubd_loops.len);
    }
}

void an_lint_register_usedef(AnLint *L) {
    if (!an_lint_is_on(L, AN_W_NO_USE_BEFORE_DEFINE)) return;
    an_lint_on(L, PS_NODE_FOR_IN_STMT, record_loop);
    an_lint_on(L, PS_NODE_FOR_OF_STMT, record_loop);
}

// ESLint's isInRange: the node's range contains the location (both ends
// inclusive).
static bool in_range(const PsNode *n, uint32_t loc) { return n && n->start <= loc && loc <= n->end; }

// eslint-scope's static-initializer scopes: a class static block or the
// initializer of a static field run while the class is being defined, in
// the execution context around the class.
static bool static_initializer(const AnScope *s) {
    return s->kind == AN_SCOPE_STATIC_BLOCK ||
           (s->kind == AN_SCOPE_CLASS_FIELD && s->node && (s->node->flags & PS_NF_STATIC));
}

// ESLint's isFromSeparateExecutionContext: the reference runs in another
// function (or instance field initializer) than its binding's declaration.
static bool separate_context(const AnRef *r, const AnBinding *b) {
    const AnScope *target = b->scope->fn;
    for (const AnScope *s = r->scope->fn; s != target;) {
        if (!static_initializer(s) || !s->parent) return true;
        s = s->parent->fn;
    }
    return false;
}

// Whether loc lies in a default value on the path from the binding
// pattern n down to the declared identifier id (`{a = a}`, `[x = x]`,
// `(p = p)`): ESLint's walk from the name up through AssignmentPatterns.
static bool in_default_on_path(const PsNode *n, const PsNode *id, uint32_t loc) {
    while (n && n != id) {
        switch ((PsNodeKind)n->kind) {
        case PS_NODE_ASSIGN_PATTERN: {
            const PsBinary *b = (const PsBinary *)n;
            if (in_range(b->right, loc)) return true;
            n = b->left;
            break;
        }
        case PS_NODE_REST_ELEMENT:
            n = ((const PsUnary *)n)->arg;
            break;
        case PS_NODE_PROPERTY:
            n = ((const PsProperty *)n)->value;
            break;
        case PS_NODE_ARRAY_PATTERN:
        case PS_NODE_OBJECT_PATTERN: {
            const PsList *l = &((const PsListNode *)n)->items;
            const PsNode *next = NULL;
            for (uint32_t i = 0; i < l->count && !next; i++) {
                const PsNode *c = l->items[i];
                if (c && c->start <= id->start && id->end <= c->end) next = c;
            }
            n = next;
            break;
        }
        default:
            return false;
        }
    }
    return false;
}

// Whether loc lies in a static block or a static field's initializer of
// the class: the class binding is initialized before those run.
static bool in_static_initializer(const PsClass *c, uint32_t loc) {
    if (!c->body) return false;
    const PsList *l = &((const PsListNode *)c->body)->items;
    for (uint32_t i = 0; i < l->count; i++) {
        const PsNode *m = l->items[i];
        if (!m) continue;
        if (m->kind == PS_NODE_STATIC_BLOCK && in_range(m, loc)) return true;
        if (m->kind == PS_NODE_PROPERTY_DEF && (m->flags & PS_NF_STATIC) &&
            in_range(((const PsClassMember *)m)->value, loc))
            return true;
    }
    return false;
}

// ESLint's isEvaluatedDuringInitialization (the same execution context is
// checked by the caller).
static bool during_initialization(AnLint *L, const AnRef *r, const AnBinding *b) {
    uint32_t loc = r->node->end;
    const PsNode *d = b->decl;
    if (!d) return false;
    switch ((AnBindingKind)b->kind) {
    case AN_BIND_CLASS:
    case AN_BIND_CLASS_NAME:
        return (d->kind == PS_NODE_CLASS_DECL || d->kind == PS_NODE_CLASS_EXPR) && in_range(d, loc) &&
               !in_static_initializer((const PsClass *)d, loc);
    case AN_BIND_VAR:
    case AN_BIND_LET:
    case AN_BIND_CONST:
    case AN_BIND_USING:
    case AN_BIND_AWAIT_USING: {
        if (d->kind != PS_NODE_VAR_DECLARATOR) return false;
        const PsVarDeclarator *v = (const PsVarDeclarator *)d;
        if (in_default_on_path(v->id, b->id, loc) || in_range(v->init, loc)) return true;
        uint32_t k = an_ptrmap_get(&L->ubd_heads, d);
        return k && in_range(((const PsForIn *)L->ubd_loops.items[k - 1])->right, loc);
    }
    case AN_BIND_PARAM: {
        if (d->kind != PS_NODE_FUNCTION_DECL && d->kind != PS_NODE_FUNCTION_EXPR &&
            d->kind != PS_NODE_ARROW_FUNCTION)
            return false;
        const PsList *ps = &((const PsFunction *)d)->params;
        for (uint32_t i = 0; i < ps->count; i++) {
            const PsNode *p = ps->items[i];
            if (p && p->start <= b->id->start && b->id->end <= p->end)
                return in_default_on_path(p, b->id, loc);
        }
        return false;
    }
    case AN_BIND_CATCH:
        return d->kind == PS_NODE_CATCH_CLAUSE &&
               in_default_on_path(((const PsCatch *)d)->param, b->id, loc);
    default:
        return false;  // functions, imports: the name's parent is a sentinel
    }
}

// Reports the references of one binding (called by the scope pass of
// lint_scope.c for every binding of every scope, in scope order; findings
// are sorted at the end of the run).
void an_lint_use_before_define_binding(AnLint *L, const AnBinding *b) {
    if (!b->id || !b->refs || b->kind == AN_BIND_ARGUMENTS || b->kind == AN_BIND_LABEL ||
        b->kind == AN_BIND_PRIVATE || (b->flags & AN_BF_ANNEXB_VAR))
        return;
    const AnUseBeforeDefineOpts *u = &L->o.ubd;
    bool tdz = (b->flags & AN_BF_TDZ) && b->kind != AN_BIND_IMPORT;
    // Only uses that throw, by default: TDZ bindings only.
    if (!u->eslint && !tdz) return;
    bool fn = b->kind == AN_BIND_FUNCTION || b->kind == AN_BIND_FUNCTION_NAME;
    bool cls = b->kind == AN_BIND_CLASS || b->kind == AN_BIND_CLASS_NAME;
    bool var = b->kind == AN_BIND_VAR || b->kind == AN_BIND_LET || b->kind == AN_BIND_CONST ||
               b->kind == AN_BIND_USING || b->kind == AN_BIND_AWAIT_USING;
    if (u->eslint && fn && !u->functions) return;
    // Closures may run after the declaration: skipped by default, and for
    // variables and classes when ESLint's options say so.
    bool skip_closures = !u->eslint || (var && !u->variables) || (cls && !u->classes);
    bool skip_exports = !u->eslint || u->allow_named_exports;
    // A use after the declaration can only be "during initialization" up
    // to the end of the declaring construct (for a for-in/of head: the end
    // of the loop's right side).
    uint32_t init_end = b->decl ? b->decl->end : 0;
    if (b->decl && b->decl->kind == PS_NODE_VAR_DECLARATOR) {
        uint32_t k = an_ptrmap_get(&L->ubd_heads, b->decl);
        const PsNode *right = k ? ((const PsForIn *)L->ubd_loops.items[k - 1])->right : NULL;
        if (right && right->end > init_end) init_end = right->end;
    }
    for (const AnRef *r = b->refs; r; r = r->next_for_binding) {
        if (r->flags & (AN_REF_INIT | AN_REF_LABEL | AN_REF_PRIVATE)) continue;
        // `export { x }` is not evaluated where it stands.
        if (skip_exports && (r->flags & AN_REF_EXPORT)) continue;
        const PsNode *id = r->node;
        bool before = id->end < b->id->end;
        if (!before && id->end > init_end) continue;  // the common case
        bool separate = separate_context(r, b);
        if (skip_closures && separate) continue;
        if (!before && (separate || !during_initialization(L, r, b))) continue;
        if (tdz && !separate)
            an_lint_report(L, AN_W_NO_USE_BEFORE_DEFINE, id->start, id->end,
                           "'%.*s' was used before it was defined: here it is in its temporal "
                           "dead zone and reading it throws a ReferenceError; declare it before "
                           "this use.",
                           (int)b->len, b->name);
        else
            an_lint_report(L, AN_W_NO_USE_BEFORE_DEFINE, id->start, id->end,
                           "'%.*s' was used before it was defined; declare it before this use.",
                           (int)b->len, b->name);
    }
}

void an_lint_usedef_free(AnLint *L) {
    an_ptrmap_free(&L->ubd_heads);
    och_vec_free(&L->ubd_loops);
}
