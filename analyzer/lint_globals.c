// Globals for the lint rules: the ECMAScript builtins, the environments of
// AnOptions.env, AnOptions.globals, and the directive comments
// `/* global a, b:writable */` (also `globals`) and `/* eslint-env node */`.
// One open-addressing table per run, built on first use (after the walk,
// which collects the literal spans the comment scan needs).
#include "lint_int.h"
#include "lint_globals.h"

static uint32_t hash_name(const char *s, uint32_t len) {
    uint32_t h = 2166136261u;
    for (uint32_t i = 0; i < len; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static void grow(AnLint *L);

static AnGlobalDef *slot(AnLint *L, const char *name, uint32_t len, bool insert) {
    if (insert && (L->globals_len + 1) * 2 > L->globals_cap) grow(L);
    if (!L->globals_cap) return NULL;
    uint32_t mask = L->globals_cap - 1;
    for (uint32_t i = hash_name(name, len) & mask;; i = (i + 1) & mask) {
        AnGlobalDef *g = &L->globals[i];
        if (!g->name) {
            if (!insert) return NULL;
            g->name = name;
            g->len = len;
            L->globals_len++;
            return g;
        }
        if (g->len == len && memcmp(g->name, name, len) == 0) return g;
    }
}

static void grow(AnLint *L) {
    uint32_t old = L->globals_cap;
    AnGlobalDef *items = L->globals;
    L->globals_cap = old ? old * 2 : 1024;
    L->globals = och_calloc(L->globals_cap, sizeof *L->globals);
    L->globals_len = 0;
    for (uint32_t i = 0; i < old; i++) {
        if (!items[i].name) continue;
        AnGlobalDef *g = slot(L, items[i].name, items[i].len, true);
        *g = items[i];
    }
    och_free(items);
}

static void define(AnLint *L, const char *name, uint32_t len, AnGlobalMode mode, bool builtin) {
    AnGlobalDef *g = slot(L, name, len, true);
    g->mode = (uint8_t)mode;
    g->builtin = builtin;
    g->configured = mode != AN_GLOBAL_OFF;
    g->comment_start = g->comment_end = 0;
}

// Defines the names of a data string ("a b:w c").
static void define_list(AnLint *L, const char *s, bool builtin) {
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
        define(L, b, len, mode, builtin);
    }
}

static void define_env(AnLint *L, const char *name, uint32_t len) {
    const AnEnvData *e = an_env_data(name, len);
    if (!e) return;
    const char *shared = an_env_shared(name, len);
    if (shared) define_list(L, shared, false);
    if (e->names != an_env_builtin()) define_list(L, e->names, false);
    if (len == 4 && memcmp(name, "node", 4) == 0) {
        const AnEnvData *cjs = an_env_data("commonjs", 8);
        if (cjs) define_list(L, cjs->names, false);
    }
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
        AnGlobalDef *g = slot(L, b, len, true);
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
    } else if (wl == 10 && memcmp(w, "eslint-env", 10) == 0) {
        while (p < e) {
            while (p < e && (is_space(*p) || *p == ',')) p++;
            const char *b = p;
            while (p < e && !is_space(*p) && *p != ',') p++;
            if (p > b) define_env(L, b, (uint32_t)(p - b));
        }
    }
    (void)start;
    return true;
}

static void build(AnLint *L) {
    L->globals_ready = true;
    define_list(L, an_env_builtin(), true);
    const AnOptions *o = L->ao;
    for (uint32_t i = 0; i < o->nenv; i++)
        if (o->env[i]) define_env(L, o->env[i], (uint32_t)strlen(o->env[i]));
    for (uint32_t i = 0; i < o->nglobals; i++) {
        const AnGlobal *g = &o->globals[i];
        if (g->name) define(L, g->name, (uint32_t)strlen(g->name), (AnGlobalMode)g->mode, false);
    }
    // Directive comments, in source order.
    an_lint_directive_comments(L, directive_comment, NULL);
}

const AnGlobalDef *an_lint_global(AnLint *L, const char *name, uint32_t len) {
    if (!L->globals_ready) build(L);
    const AnGlobalDef *g = slot(L, name, len, false);
    return g && g->mode != AN_GLOBAL_OFF ? g : NULL;
}

void an_lint_globals_each(AnLint *L, void (*fn)(AnLint *L, const AnGlobalDef *g, void *ctx),
                          void *ctx) {
    if (!L->globals_ready) build(L);
    for (uint32_t i = 0; i < L->globals_cap; i++)
        if (L->globals[i].name) fn(L, &L->globals[i], ctx);
}

void an_lint_globals_free(AnLint *L) {
    och_vec_free(&L->global_dups);
    och_free(L->globals);
    L->globals = NULL;
    L->globals_cap = L->globals_len = 0;
}
