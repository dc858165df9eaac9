// Lint rules: the registry (defaults, option parsers), configuration
// resolution, reporting with fixes, and the run that ties the walk, the
// rule families and the final merge together (see lint_int.h).
#include <stdarg.h>
#include <stdlib.h>

#include "lint_int.h"

typedef struct RuleInfo {
    OchDiagCode code;
    bool recommended;  // in ESLint's "recommended" set: on (error) by default
    AnOptionsFn options;
} RuleInfo;

// Every rule of diag_codes_lint.h, in table order (checked at startup).
static const RuleInfo rule_table[AN_RULE_COUNT] = {
    {AN_W_NO_UNDEF, true, an_opts_no_undef},
    {AN_W_NO_UNUSED_VARS, true, an_opts_no_unused_vars},
    {AN_W_NO_CONST_ASSIGN, true, NULL},
    {AN_W_NO_DUPE_KEYS, true, NULL},
    {AN_W_NO_UNREACHABLE, true, NULL},
    {AN_W_NO_FALLTHROUGH, true, an_opts_no_fallthrough},
    {AN_W_NO_EMPTY, true, an_opts_no_empty},
    {AN_W_NO_COND_ASSIGN, true, an_opts_no_cond_assign},
    {AN_W_NO_CONSTANT_CONDITION, true, an_opts_no_constant_condition},
    {AN_W_VALID_TYPEOF, true, an_opts_valid_typeof},
    {AN_W_USE_ISNAN, true, an_opts_use_isnan},
    {AN_W_NO_DEBUGGER, true, NULL},
    {AN_W_GETTER_RETURN, true, an_opts_getter_return},
    {AN_W_NO_SELF_ASSIGN, true, an_opts_no_self_assign},
    {AN_W_NO_REDECLARE, true, an_opts_no_redeclare},
    {AN_W_NO_DUPE_ARGS, true, NULL},
    {AN_W_NO_DUPE_CLASS_MEMBERS, true, NULL},
    {AN_W_NO_DUPLICATE_CASE, true, NULL},
    {AN_W_NO_SELF_COMPARE, false, NULL},
    {AN_W_NO_EMPTY_PATTERN, true, an_opts_no_empty_pattern},
    {AN_W_NO_UNSAFE_FINALLY, true, NULL},
    {AN_W_NO_UNSAFE_NEGATION, true, an_opts_no_unsafe_negation},
    {AN_W_NO_COMPARE_NEG_ZERO, true, NULL},
    {AN_W_NO_SPARSE_ARRAYS, true, NULL},
    {AN_W_NO_FUNC_ASSIGN, true, NULL},
    {AN_W_NO_CLASS_ASSIGN, true, NULL},
    {AN_W_NO_IMPORT_ASSIGN, true, NULL},
    {AN_W_NO_EX_ASSIGN, true, NULL},
    {AN_W_NO_SETTER_RETURN, true, NULL},
    {AN_W_NO_DELETE_VAR, true, NULL},
    {AN_W_NO_GLOBAL_ASSIGN, true, an_opts_no_global_assign},
    {AN_W_NO_SHADOW_RESTRICTED_NAMES, true, an_opts_no_shadow_restricted_names},
    {AN_W_NO_UNUSED_LABELS, true, NULL},
    {AN_W_NO_WITH, true, NULL},
    {AN_W_NO_OCTAL, true, NULL},
    {AN_W_NO_CASE_DECLARATIONS, true, NULL},
    {AN_W_NO_ASYNC_PROMISE_EXECUTOR, true, NULL},
    {AN_W_NO_PROTOTYPE_BUILTINS, true, NULL},
    {AN_W_FOR_DIRECTION, true, NULL},
    {AN_W_REQUIRE_YIELD, true, NULL},
    {AN_W_NO_OBJ_CALLS, true, NULL},
    {AN_W_NO_EMPTY_CHARACTER_CLASS, true, NULL},
    {AN_W_NO_REGEX_SPACES, true, NULL},
    {AN_W_NO_CONTROL_REGEX, true, NULL},
    {AN_W_NO_INVALID_REGEXP, true, an_opts_no_invalid_regexp},
    {AN_W_NO_NONOCTAL_DECIMAL_ESCAPE, true, NULL},
    {AN_W_NO_LOSS_OF_PRECISION, true, NULL},
    {AN_W_NO_UNSAFE_OPTIONAL_CHAINING, true, an_opts_no_unsafe_optional_chaining},
    {AN_W_NO_IRREGULAR_WHITESPACE, true, an_opts_no_irregular_whitespace},
    {AN_W_NO_INNER_DECLARATIONS, false, an_opts_no_inner_declarations},
    {AN_W_NO_UNUSED_PRIVATE_CLASS_MEMBERS, true, NULL},
    {AN_W_CONSTRUCTOR_SUPER, true, NULL},
    {AN_W_NO_THIS_BEFORE_SUPER, true, NULL},
    {AN_W_NO_USELESS_ESCAPE, true, an_opts_no_useless_escape},
    {AN_W_NO_CONSTANT_BINARY_EXPRESSION, true, an_opts_no_constant_binary_expression},
    {AN_W_NO_MISLEADING_CHARACTER_CLASS, true, an_opts_no_misleading_character_class},
    {AN_W_NO_USE_BEFORE_DEFINE, false, an_opts_no_use_before_define},
};

static const RuleInfo *rule_info(OchDiagCode rule) {
    if (!an_code_is_rule(rule)) return NULL;
    const RuleInfo *ri = &rule_table[an_rule_index(rule)];
    OCH_ASSERT(ri->code == rule);
    return ri;
}

OchDiagCode an_rule_find(const char *id) {
    if (!id) return OCH_DIAG_COUNT;
    for (uint32_t i = 0; i < AN_RULE_COUNT; i++)
        if (strcmp(och_diag_code_title(an_rule_code(i)), id) == 0) return an_rule_code(i);
    return OCH_DIAG_COUNT;
}

const char *an_rule_id(OchDiagCode rule) {
    return an_code_is_rule(rule) ? och_diag_code_title(rule) : NULL;
}

AnRuleLevel an_rule_default_level(OchDiagCode rule) {
    const RuleInfo *ri = rule_info(rule);
    return ri && ri->recommended ? AN_LEVEL_ERROR : AN_LEVEL_OFF;
}

void an_lint_init_for_options(AnLint *L) {
    memset(L, 0, sizeof *L);
    L->o.isnan_switch_case = true;
    L->o.self_assign_props = true;
    L->o.redeclare_builtins = true;
    L->o.const_loops = 1;
    L->o.restricted_report_global_this = true;
    L->o.ws_skip_strings = true;
}

// Parses and applies the options of one rule; false (message in err) when
// invalid. The arena holds the parsed JSON and compiled patterns.
static bool apply_options(AnLint *L, const RuleInfo *ri, const char *text, OchArena *arena,
                          OchBuf *err) {
    if (!text) return true;
    const char *jerr = NULL;
    AnJson *a = an_json_parse(arena, text, &jerr);
    if (!a) {
        if (err) och_buf_printf(err, "%s: invalid options JSON: %s\n", an_rule_id(ri->code), jerr);
        return false;
    }
    if (a->type != AN_JSON_ARRAY) {
        if (err)
            och_buf_printf(err, "%s: options must be a JSON array (the values after the level)\n",
                           an_rule_id(ri->code));
        return false;
    }
    if (!ri->options) {
        if (a->count == 0) return true;
        if (err) och_buf_printf(err, "%s: this rule takes no options\n", an_rule_id(ri->code));
        return false;
    }
    OchBuf e = {0};
    bool ok = ri->options(L, a, &e);
    if (!ok && err) och_buf_printf(err, "%s: %s\n", an_rule_id(ri->code), e.data ? e.data : "invalid options");
    och_buf_free(&e);
    return ok;
}

bool an_rule_options_check(OchDiagCode rule, const char *options, OchBuf *err) {
    const RuleInfo *ri = rule_info(rule);
    if (!ri) {
        if (err) och_buf_printf(err, "unknown rule\n");
        return false;
    }
    AnLint *L = och_malloc(sizeof *L);
    an_lint_init_for_options(L);
    // Option parsers compile ignore patterns into L->tmp (as in a run, where
    // an_lint_run frees it): free it here too.
    och_arena_init(&L->tmp);
    bool ok = apply_options(L, ri, options, &L->tmp, err);
    och_arena_free(&L->tmp);
    och_free(L);
    return ok;
}

// ---------------------------------------------------------------------------
// Option helpers.

bool an_opts_object(const AnJson *a, const char *const *keys, const AnJson **obj, OchBuf *err) {
    *obj = NULL;
    if (a->count == 0) return true;
    if (a->count > 1) {
        och_buf_printf(err, "expected at most one option");
        return false;
    }
    const AnJson *o = a->items[0];
    if (o->type != AN_JSON_OBJECT) {
        och_buf_printf(err, "expected an object");
        return false;
    }
    for (uint32_t i = 0; i < o->count; i++) {
        bool known = false;
        for (const char *const *k = keys; *k && !known; k++) known = strcmp(*k, o->keys[i]) == 0;
        if (!known) {
            och_buf_printf(err, "unknown option \"%s\"", o->keys[i]);
            return false;
        }
    }
    *obj = o;
    return true;
}

bool an_opts_bool(const AnJson *obj, const char *key, bool *out, OchBuf *err) {
    const AnJson *v = an_json_get(obj, key);
    if (!v) return true;
    if (v->type != AN_JSON_BOOL) {
        och_buf_printf(err, "\"%s\" must be true or false", key);
        return false;
    }
    *out = v->boolean;
    return true;
}

bool an_opts_enum(const AnJson *v, const char *what, const char *const *values, uint8_t *out,
                  OchBuf *err) {
    if (v && v->type == AN_JSON_STRING)
        for (uint8_t i = 0; values[i]; i++)
            if (strcmp(values[i], v->str) == 0) {
                *out = i;
                return true;
            }
    och_buf_printf(err, "%s must be one of", what);
    for (uint8_t i = 0; values[i]; i++) och_buf_printf(err, "%s \"%s\"", i ? "," : "", values[i]);
    return false;
}

// ---------------------------------------------------------------------------
// Hooks, reports, fixes.

void an_lint_on(AnLint *L, PsNodeKind kind, AnLintHook hook) {
    AnHookList *h = &L->enter[kind];
    OCH_ASSERT(h->n < AN_LINT_MAX_HOOKS);
    if (h->n < AN_LINT_MAX_HOOKS) h->fn[h->n++] = hook;
    L->any_hooks = true;
}

void an_lint_on_leave(AnLint *L, PsNodeKind kind, AnLintHook hook) {
    AnHookList *h = &L->leave[kind];
    OCH_ASSERT(h->n < AN_LINT_MAX_HOOKS);
    if (h->n < AN_LINT_MAX_HOOKS) h->fn[h->n++] = hook;
    L->any_hooks = true;
}

uint32_t an_lint_report(AnLint *L, OchDiagCode rule, uint32_t start, uint32_t end, const char *fmt,
                        ...) {
    va_list ap;
    va_start(ap, fmt);
    och_diag_vadd(&L->res->diags, rule, (OchSeverity)L->sev[an_rule_index(rule)], start, end, fmt,
                  ap);
    va_end(ap);
    return L->res->diags.v.len - 1;
}

void an_lint_fix(AnLint *L, uint32_t diag, const char *title, bool suggestion, uint32_t nedits,
                 const AnEdit *edits) {
    AnFix *f = och_arena_alloc(L->arena, sizeof *f);
    AnEdit *e = och_arena_alloc(L->arena, (nedits ? nedits : 1) * sizeof *e);
    for (uint32_t i = 0; i < nedits; i++) {
        e[i] = edits[i];
        e[i].text = och_arena_memdup(L->arena, edits[i].text ? edits[i].text : "", edits[i].len + 1);
    }
    f->title = och_arena_strndup(L->arena, title, strlen(title));
    f->suggestion = suggestion;
    f->nedits = nedits;
    f->edits = e;
    f->next = NULL;
    // Alternatives chain after the first fix of the same finding (rules add
    // them right after it, so only the last entry can match).
    if (L->fixes.len && L->fixes.items[L->fixes.len - 1].diag == diag) {
        AnFix *p = L->fixes.items[L->fixes.len - 1].fix;
        while (p->next) p = (AnFix *)p->next;
        p->next = f;
        return;
    }
    AnPendingFix pf = {diag, f};
    och_vec_push(&L->fixes, pf);
}

void an_lint_fix1(AnLint *L, uint32_t diag, const char *title, bool suggestion, uint32_t start,
                  uint32_t end, const char *text) {
    AnEdit e = {{start, end}, text, (uint32_t)strlen(text)};
    an_lint_fix(L, diag, title, suggestion, 1, &e);
}

const AnFix *an_result_fix(const AnResult *self, uint32_t i) {
    if (!self->fixes || i >= self->diags.v.len) return NULL;
    return self->fixes[i];
}

uint32_t an_result_apply_fixes(const AnResult *self, const char *src, uint32_t len, OchBuf *out) {
    uint32_t applied = 0, pos = 0;
    for (uint32_t i = 0; self->fixes && i < self->diags.v.len; i++) {
        const AnFix *f = self->fixes[i];
        while (f && f->suggestion) f = f->next;
        if (!f || f->nedits == 0) continue;
        if (f->edits[0].span.start < pos) continue;  // overlaps an applied fix
        for (uint32_t k = 0; k < f->nedits; k++) {
            const AnEdit *e = &f->edits[k];
            if (e->span.start < pos || e->span.end > len) break;
            och_buf_append(out, src + pos, e->span.start - pos);
            och_buf_append(out, e->text, e->len);
            pos = e->span.end;
        }
        applied++;
    }
    och_buf_append(out, src + pos, len - pos);
    return applied;
}

// ---------------------------------------------------------------------------
// The run.


static int cmp_span(const void *a, const void *b) {
    const OchSpan *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start ? 1 : 0;
}

// The innermost statements around syntax errors: for each parse error, the
// deepest recorded erroneous statement containing its start.
static void error_ranges(AnLint *L) {
    const OchDiagList *pd = &L->parse->diags;
    if (!pd->v.len || !L->err_stmts.len) return;
    for (uint32_t i = 0; i < pd->v.len; i++) {
        uint32_t off = pd->v.items[i].span.start;
        const OchSpan *best = NULL;
        for (uint32_t k = 0; k < L->err_stmts.len; k++) {
            const OchSpan *s = &L->err_stmts.items[k];
            if (s->start <= off && off <= s->end &&
                (!best || s->end - s->start < best->end - best->start))
                best = s;
        }
        if (best) och_vec_push(&L->err_ranges, *best);
    }
    if (L->err_ranges.len > 1)
        qsort(L->err_ranges.items, L->err_ranges.len, sizeof(OchSpan), cmp_span);
}

static bool in_error_range(const AnLint *L, uint32_t off) {
    for (uint32_t i = 0; i < L->err_ranges.len; i++) {
        const OchSpan *s = &L->err_ranges.items[i];
        if (s->start > off) break;
        if (off < s->end) return true;
    }
    return false;
}

static bool ident_char(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '$' || c >= 0x80;
}

// A no-undef or no-unused-vars finding about a name that the text of a
// statement with a syntax error mentions: its declaration or use may be the
// part the parser could not make sense of, so the finding is not trusted.
static bool named_in_error_range(const AnLint *L, const OchDiag *d) {
    if (d->code != AN_W_NO_UNDEF && d->code != AN_W_NO_UNUSED_VARS) return false;
    uint32_t n = d->span.end - d->span.start;
    if (!n) return false;
    const char *name = L->src + d->span.start;
    for (uint32_t i = 0; i < L->err_ranges.len; i++) {
        const OchSpan *r = &L->err_ranges.items[i];
        const char *p = L->src + r->start, *end = L->src + r->end;
        // Whole words only: `s` is not mentioned by `const`.
        while (p < end && (p = memmem(p, (size_t)(end - p), name, n))) {
            bool before = p > L->src && ident_char((unsigned char)p[-1]);
            bool after = p + n < L->src + L->len && ident_char((unsigned char)p[n]);
            if (!before && !after) return true;
            p++;
        }
    }
    return false;
}

typedef struct SortItem {
    OchDiag d;
    AnFix *fix;
    uint32_t ix;
} SortItem;

static int cmp_item(const void *a, const void *b) {
    const SortItem *x = a, *y = b;
    if (x->d.span.start != y->d.span.start) return x->d.span.start < y->d.span.start ? -1 : 1;
    return x->ix < y->ix ? -1 : x->ix > y->ix;
}

// Drops findings in error ranges, sorts everything by start (stably), and
// lays the fixes out by final diagnostic index.
static void finalize(AnLint *L) {
    OchDiagList *dl = &L->res->diags;
    uint32_t n = dl->v.len;
    SortItem *items = och_malloc((n ? n : 1) * sizeof *items);
    uint32_t m = 0;
    for (uint32_t i = 0; i < n; i++) {
        const OchDiag *d = &dl->v.items[i];
        if (i >= L->first_diag && L->err_ranges.len &&
            (in_error_range(L, d->span.start) || named_in_error_range(L, d)))
            continue;
        items[m].d = *d;
        items[m].fix = NULL;
        items[m].ix = i;
        m++;
    }
    // Attach fixes (pending list is in report order, as are items).
    uint32_t k = 0;
    for (uint32_t i = 0; i < L->fixes.len; i++) {
        uint32_t want = L->fixes.items[i].diag;
        while (k < m && items[k].ix < want) k++;
        if (k < m && items[k].ix == want) items[k].fix = L->fixes.items[i].fix;
    }
    qsort(items, m, sizeof *items, cmp_item);
    bool any_fix = false;
    for (uint32_t i = 0; i < m; i++) {
        dl->v.items[i] = items[i].d;
        any_fix |= items[i].fix != NULL;
    }
    dl->v.len = m;
    if (any_fix) {
        const AnFix **fx = och_arena_alloc(L->arena, m * sizeof *fx);
        for (uint32_t i = 0; i < m; i++) fx[i] = items[i].fix;
        L->res->fixes = fx;
    }
    och_free(items);
}

void an_lint_run(AnResult *res, const AnOptions *opts) {
    AnLint *L = och_malloc(sizeof *L);
    an_lint_init_for_options(L);
    L->res = res;
    L->parse = res->parse;
    L->src = res->parse->src;
    L->len = res->parse->len;
    L->ao = opts;
    L->arena = &res->arena;
    L->module = res->root->kind == AN_SCOPE_MODULE;
    och_arena_init(&L->tmp);
    och_arena_init(&L->re_arena);
    L->first_diag = res->diags.v.len;

    bool any = false;
    for (uint32_t i = 0; i < AN_RULE_COUNT; i++) {
        const RuleInfo *ri = &rule_table[i];
        OCH_ASSERT(ri->code == an_rule_code(i));
        const AnRuleConfig *rc = opts->rules ? &opts->rules[i] : NULL;
        uint8_t level = rc ? rc->level : AN_LEVEL_DEFAULT;
        if (level == AN_LEVEL_DEFAULT) level = ri->recommended ? AN_LEVEL_ERROR : AN_LEVEL_OFF;
        if (level == AN_LEVEL_OFF) continue;
        L->on[i] = true;
        L->sev[i] = level == AN_LEVEL_WARN ? OCH_SEV_WARNING : OCH_SEV_ERROR;
        any = true;
        if (rc && rc->options) {
            // Invalid options: the rule runs with its defaults.
            AnLintOpts saved = L->o;
            if (!apply_options(L, ri, rc->options, &L->tmp, NULL)) L->o = saved;
        }
    }
    if (any) {
        an_lint_register_scope(L);
        an_lint_register_expr(L);
        an_lint_register_decl(L);
        an_lint_register_flow(L);
        an_lint_register_regex(L);
        an_lint_register_usedef(L);
        L->ws_collect = L->on[an_rule_index(AN_W_NO_IRREGULAR_WHITESPACE)];
        an_lint_scan_directives(L);
        if (L->ws_collect && L->o.ws_skip_comments) L->collect_literals = true;
        an_lint_walk(L);
        an_lint_finish_flow(L);
        an_lint_finish_scope(L);
        if (L->on[an_rule_index(AN_W_NO_IRREGULAR_WHITESPACE)]) an_lint_irregular_whitespace(L);
        error_ranges(L);
        finalize(L);
    }
    an_lint_globals_free(L);
    an_lint_expr_free(L);
    an_lint_decl_free(L);
    an_lint_usedef_free(L);
    och_vec_free(&L->fixes);
    och_vec_free(&L->err_stmts);
    och_vec_free(&L->err_ranges);
    och_vec_free(&L->literals);
    och_vec_free(&L->directives);
    och_vec_free(&L->super_calls);
    och_vec_free(&L->ws_strings);
    och_vec_free(&L->ws_regexps);
    och_vec_free(&L->ws_templates);
    och_vec_free(&L->ws_jsx);
    och_free(L->stack);
    och_arena_free(&L->tmp);
    och_arena_free(&L->re_arena);
    an_ptrmap_free(&L->re_checked);
    och_free(L);
}
