// Globals for the lint rules: the ECMAScript builtins, the environments of
// AnOptions.env, AnOptions.globals, and the directive comments
// `/* global a, b:writable */` (also `globals`) and `/* eslint-env node */`.
// A shared read-only table per configuration (builtins, environments,
// globals) plus a small per-file overlay for the directive comments, built
// on first use (after the walk, which collects the literal spans the
// comment scan needs).
#include "lint_int.h"
#include "lint_globals.h"

#include <pthread.h>

static uint32_t hash_name(const char *s, uint32_t len) {
    uint32_t h = 2166136261u;
    for (uint32_t i = 0; i < len; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static void grow(AnGlobalTable *t);

static AnGlobalDef *slot(AnGlobalTable *t, const char *name, uint32_t len, bool insert) {
    if (insert && (t->len + 1) * 2 > t->cap) grow(t);
    if (!t->cap) return NULL;
    uint32_t mask = t->cap - 1;
    for (uint32_t i = hash_name(name, len) & mask;; i = (i + 1) & mask) {
        AnGlobalDef *g = &t->items[i];
        if (!g->name) {
            if (!insert) return NULL;
            g->name = name;
            g->len = len;
            t->len++;
            return g;
        }
        if (g->len == len && memcmp(g->name, name, len) == 0) return g;
    }
}

static const AnGlobalDef *find(const AnGlobalTable *t, const char *name, uint32_t len) {
    return slot((AnGlobalTable *)t, name, len, false);  // no insert: never writes
}

static void grow(AnGlobalTable *t) {
    uint32_t old = t->cap;
    AnGlobalDef *items = t->items;
    // The per-file overlay usually holds a handful of comment names; the
    // shared base holds ~1,000 environment names.
    t->cap = old ? old * 2 : 16;
    t->items = och_calloc(t->cap, sizeof *t->items);
    t->len = 0;
    for (uint32_t i = 0; i < old; i++) {
        if (!items[i].name) continue;
        AnGlobalDef *g = slot(t, items[i].name, items[i].len, true);
        *g = items[i];
    }
    och_free(items);
}

static void define(AnGlobalTable *t, const char *name, uint32_t len, AnGlobalMode mode, bool builtin) {
    AnGlobalDef *g = slot(t, name, len, true);
    g->mode = (uint8_t)mode;
    g->builtin = builtin;
    g->configured = mode != AN_GLOBAL_OFF;
    g->comment_start = g->comment_end = 0;
}

// Defines the names of a data string ("a b:w c").
static void define_list(AnGlobalTable *t, const char *s, bool builtin) {
    while (*s) {
        while (*s == ' ') s++;
        const char *b = s;
        while (*s && *s != ' ' && *s != ':') s++;
        if (s == b) break;
        AnGlobalMode mode = AN_GLOBAL_READONLY;
        uint32_t len = (uint32_t)(s - b);
        if (*s == ':') {
            mode = AN_GLOBAL_WRITABLE;
            while (*s && *s != ' ') s++;
        }
        define(t, b, len, mode, builtin);
    }
}

static void define_env(AnGlobalTable *t, const char *name, uint32_t len) {
    const AnEnvData *e = an_env_data(name, len);
    if (!e) return;
    const char *shared = an_env_shared(name, len);
    if (shared) define_list(t, shared, false);
    if (e->names != an_env_builtin()) define_list(t, e->names, false);
    if (len == 4 && memcmp(name, "node", 4) == 0) {
        const AnEnvData *cjs = an_env_data("commonjs", 8);
        if (cjs) define_list(t, cjs->names, false);
    }
}

// ---------------------------------------------------------------------------
// Shared base tables. The builtins, environments and configured globals
// are the same for every file of a run, and building their ~1,000 names
// per file was about half of `ochre check`'s CPU on trees of small files.
// So one read-only table is built per distinct configuration (env list +
// globals, compared by content, since each file may get its own AnOptions
// copy) and shared by all files and threads. Tables live until
// an_globals_cache_free: findings never point into them, but lint runs on
// other threads may be reading them, so nothing is freed while in use.

typedef struct BaseTable {
    struct BaseTable *next;
    char **env;          // owned copies of the key
    uint32_t nenv;
    AnGlobal *globals;   // names owned
    uint32_t nglobals;
    AnGlobalTable table;
} BaseTable;

static pthread_mutex_t base_lock = PTHREAD_MUTEX_INITIALIZER;
static BaseTable *base_list;

static bool same_config(const BaseTable *b, const AnOptions *o) {
    if (b->nenv != o->nenv || b->nglobals != o->nglobals) return false;
    for (uint32_t i = 0; i < o->nenv; i++) {
        const char *x = b->env[i], *y = o->env[i];
        if (!x != !y || (x && strcmp(x, y) != 0)) return false;
    }
    for (uint32_t i = 0; i < o->nglobals; i++) {
        const char *x = b->globals[i].name, *y = o->globals[i].name;
        if (b->globals[i].mode != o->globals[i].mode || !x != !y || (x && strcmp(x, y) != 0))
            return false;
    }
    return true;
}

static char *dup_str(const char *s) {
    if (!s) return NULL;
    size_t n = strlen(s) + 1;
    char *d = och_malloc(n);
    memcpy(d, s, n);
    return d;
}

static BaseTable *base_build(const AnOptions *o) {
    BaseTable *b = och_calloc(1, sizeof *b);
    b->nenv = o->nenv;
    b->env = och_calloc(o->nenv ? o->nenv : 1, sizeof *b->env);
    for (uint32_t i = 0; i < o->nenv; i++) b->env[i] = dup_str(o->env[i]);
    b->nglobals = o->nglobals;
    b->globals = och_calloc(o->nglobals ? o->nglobals : 1, sizeof *b->globals);
    for (uint32_t i = 0; i < o->nglobals; i++) {
        b->globals[i].name = dup_str(o->globals[i].name);
        b->globals[i].mode = o->globals[i].mode;
    }
    AnGlobalTable *t = &b->table;
    define_list(t, an_env_builtin(), true);
    for (uint32_t i = 0; i < b->nenv; i++)
        if (b->env[i]) define_env(t, b->env[i], (uint32_t)strlen(b->env[i]));
    // Names point into the table's own key copies, not the caller's options.
    for (uint32_t i = 0; i < b->nglobals; i++) {
        const AnGlobal *g = &b->globals[i];
        if (g->name) define(t, g->name, (uint32_t)strlen(g->name), (AnGlobalMode)g->mode, false);
    }
    return b;
}

static const AnGlobalTable *base_table(const AnOptions *o) {
    pthread_mutex_lock(&base_lock);
    BaseTable *b = base_list;
    while (b && !same_config(b, o)) b = b->next;
    if (!b) {
        b = base_build(o);
        b->next = base_list;
        base_list = b;
    }
    pthread_mutex_unlock(&base_lock);
    return &b->table;
}

void an_globals_cache_free(void) {
    pthread_mutex_lock(&base_lock);
    BaseTable *b = base_list;
    base_list = NULL;
    pthread_mutex_unlock(&base_lock);
    while (b) {
        BaseTable *next = b->next;
        for (uint32_t i = 0; i < b->nenv; i++) och_free(b->env[i]);
        for (uint32_t i = 0; i < b->nglobals; i++) och_free((char *)b->globals[i].name);
        och_free(b->env);
        och_free(b->globals);
        och_free(b->table.items);
        och_free(b);
        b = next;
    }
}

// The overlay entry for a name a comment defines or changes: starts as a
// copy of the base entry, so lookups find the overlay first and see the
// same fields the single table used to hold.
static AnGlobalDef *overlay_slot(AnLint *L, const char *name, uint32_t len) {
    uint32_t before = L->globals.len;
    AnGlobalDef *g = slot(&L->globals, name, len, true);
    if (L->globals.len != before) {
        const AnGlobalDef *b = find(L->globals_base, name, len);
        if (b) {
            *g = *b;
            g->name = name;  // same text; keep the file's pointer
        }
    }
    return g;
}

bool an_env_known(const char *name) { return name && an_env_data(name, (uint32_t)strlen(name)); }

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

static bool word_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '$' || (unsigned char)c >= 0x80;
}

// `/* global a, b:writable, c: off */`: names separated by commas or
// blanks, each with an optional `:value`.
static void global_directive(AnLint *L, uint32_t body_off, const char *p, const char *end) {
    while (p < end) {
        while (p < end && (is_space(*p) || *p == ',')) p++;
        const char *b = p;
        while (p < end && !is_space(*p) && *p != ',' && *p != ':') p++;
        if (p == b) {
            if (p < end) p++;
            continue;
        }
        uint32_t len = (uint32_t)(p - b);
        const char *q = p;
        while (q < end && is_space(*q)) q++;
        AnGlobalMode mode = AN_GLOBAL_READONLY;
        if (q < end && *q == ':') {
            q++;
            while (q < end && is_space(*q)) q++;
            const char *v = q;
            while (q < end && word_char(*q)) q++;
            size_t vl = (size_t)(q - v);
            if ((vl == 8 && memcmp(v, "writable", 8) == 0) || (vl == 4 && memcmp(v, "true", 4) == 0) ||
                (vl == 9 && memcmp(v, "writeable", 9) == 0))
                mode = AN_GLOBAL_WRITABLE;
            else if (vl == 3 && memcmp(v, "off", 3) == 0)
                mode = AN_GLOBAL_OFF;
            p = q;
        }
        AnGlobalDef *g = overlay_slot(L, b, len);
        uint32_t at = body_off + (uint32_t)(b - (L->src + body_off));
        if (g->comment_end) {
            OchSpan dup = {at, at + len};
            och_vec_push(&L->global_dups, dup);
            continue;
        }
        g->mode = (uint8_t)mode;
        g->comment_start = body_off + (uint32_t)(b - (L->src + body_off));
        g->comment_end = g->comment_start + len;
    }
}

static void build(AnLint *L);

// `/* exported a, b */`: names separated by commas only (ESLint's list
// syntax: each item trimmed, one pair of matching quotes removed; `a b`
// is one name that matches nothing).
static void exported_directive(AnLint *L, const char *p, const char *end) {
    while (p < end) {
        const char *b = p;
        while (p < end && *p != ',') p++;
        const char *e = p;
        if (p < end) p++;
        while (b < e && is_space(*b)) b++;
        while (e > b && is_space(e[-1])) e--;
        if (e - b >= 2 && (*b == '"' || *b == '\'') && e[-1] == *b) b++, e--;
        if (e == b) continue;
        OchSpan s = {(uint32_t)(b - L->src), (uint32_t)(e - L->src)};
        och_vec_push(&L->exported, s);
    }
}

bool an_lint_exported(AnLint *L, const char *name, uint32_t len) {
    if (!L->globals_ready) build(L);
    for (uint32_t i = 0; i < L->exported.len; i++) {
        OchSpan s = L->exported.items[i];
        if (s.end - s.start == len && memcmp(L->src + s.start, name, len) == 0) return true;
    }
    return false;
}

// `/* eslint-env node */`: the environment's names go to the overlay,
// each replacing the entry (and any earlier comment span) as before.
static void env_directive(AnLint *L, const char *name, uint32_t len) {
    AnGlobalTable env = {0};
    define_env(&env, name, len);
    for (uint32_t i = 0; i < env.cap; i++) {
        const AnGlobalDef *e = &env.items[i];
        if (!e->name) continue;
        AnGlobalDef *g = slot(&L->globals, e->name, e->len, true);
        *g = *e;
    }
    och_free(env.items);
}

static bool directive_comment(AnLint *L, uint32_t start, uint32_t end, const char *body,
                              uint32_t n, bool block, void *ctx) {
    (void)end;
    (void)ctx;
    if (!block) return true;
    const char *p = body, *e = body + n;
    // ` -- text` ends the directive: the rest is a description.
    for (const char *q = p; q + 3 < e; q++)
        if (is_space(q[0]) && q[1] == '-' && q[2] == '-') {
            const char *r = q + 2;
            while (r < e && *r == '-') r++;
            if (r == e || is_space(*r)) {
                e = q;
                break;
            }
        }
    while (p < e && is_space(*p)) p++;
    const char *w = p;
    while (p < e && !is_space(*p)) p++;
    size_t wl = (size_t)(p - w);
    if ((wl == 6 && memcmp(w, "global", 6) == 0) || (wl == 7 && memcmp(w, "globals", 7) == 0)) {
        global_directive(L, (uint32_t)(body - L->src), p, e);
    } else if (wl == 8 && memcmp(w, "exported", 8) == 0) {
        exported_directive(L, p, e);
    } else if (wl == 10 && memcmp(w, "eslint-env", 10) == 0) {
        while (p < e) {
            while (p < e && (is_space(*p) || *p == ',')) p++;
            const char *b = p;
            while (p < e && !is_space(*p) && *p != ',') p++;
            if (p > b) env_directive(L, b, (uint32_t)(p - b));
        }
    }
    (void)start;
    return true;
}

static void build(AnLint *L) {
    L->globals_ready = true;
    L->globals_base = base_table(L->ao);
    // Directive comments, in source order, into the per-file overlay.
    an_lint_directive_comments(L, directive_comment, NULL);
}

const AnGlobalDef *an_lint_global(AnLint *L, const char *name, uint32_t len) {
    if (!L->globals_ready) build(L);
    const AnGlobalDef *g = L->globals.len ? find(&L->globals, name, len) : NULL;
    if (!g) g = find(L->globals_base, name, len);
    return g && g->mode != AN_GLOBAL_OFF ? g : NULL;
}

// Only the overlay: every name a comment touched. Base entries have no
// comment span, and the callers look only at comment entries.
void an_lint_globals_each(AnLint *L, void (*fn)(AnLint *L, const AnGlobalDef *g, void *ctx),
                          void *ctx) {
    if (!L->globals_ready) build(L);
    for (uint32_t i = 0; i < L->globals.cap; i++)
        if (L->globals.items[i].name) fn(L, &L->globals.items[i], ctx);
}

void an_lint_globals_free(AnLint *L) {
    och_vec_free(&L->global_dups);
    och_vec_free(&L->exported);
    och_free(L->globals.items);
    L->globals = (AnGlobalTable){0};
    L->globals_base = NULL;
}
