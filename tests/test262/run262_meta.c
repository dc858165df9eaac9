// run262: test262 frontmatter (the YAML block between `/*---` and `---*/`)
// and the list files (skip list, expectations, slice). Only the YAML the
// test262 suite uses is understood: top-level `key: value`, flow lists
// `[a, b]`, block lists `- a` under a key, and `negative:` with indented
// `phase:` and `type:`.
#include "run262.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *t262_xmalloc(size_t n) {
    void *p = malloc(n ? n : 1);
    if (!p) {
        fprintf(stderr, "run262: out of memory\n");
        exit(2);
    }
    return p;
}

char *t262_xstrndup(const char *s, size_t n) {
    char *p = t262_xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

char *t262_xprintf(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *p = t262_xmalloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

void t262_list_push(T262StrList *l, const char *s, size_t n) {
    if (l->len == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 8;
        char **items = realloc(l->items, l->cap * sizeof *items);
        if (!items) {
            fprintf(stderr, "run262: out of memory\n");
            exit(2);
        }
        l->items = items;
    }
    l->items[l->len++] = t262_xstrndup(s, n);
}

void t262_list_free(T262StrList *l) {
    for (size_t i = 0; i < l->len; i++) free(l->items[i]);
    free(l->items);
    memset(l, 0, sizeof *l);
}

static const struct {
    const char *name;
    unsigned flag;
} flag_names[] = {
    {"module", T262_F_MODULE},
    {"onlyStrict", T262_F_ONLY_STRICT},
    {"noStrict", T262_F_NO_STRICT},
    {"raw", T262_F_RAW},
    {"async", T262_F_ASYNC},
    {"CanBlockIsFalse", T262_F_CAN_BLOCK_FALSE},
    {"CanBlockIsTrue", T262_F_CAN_BLOCK_TRUE},
    {"non-deterministic", T262_F_NON_DETERMINISTIC},
};

const char *t262_flag_name(unsigned flag) {
    for (size_t i = 0; i < sizeof flag_names / sizeof flag_names[0]; i++)
        if (flag_names[i].flag == flag) return flag_names[i].name;
    return "?";
}

static void trim(const char **s, const char **e) {
    while (*s < *e && (**s == ' ' || **s == '\t')) (*s)++;
    while (*e > *s && ((*e)[-1] == ' ' || (*e)[-1] == '\t' || (*e)[-1] == '\r')) (*e)--;
    // Quoted scalars ('a.js' or "a.js") lose their quotes.
    if (*e - *s >= 2 && (**s == '\'' || **s == '"') && (*e)[-1] == **s) (*s)++, (*e)--;
}

static void add_item(T262Meta *m, const char *key, const char *s, const char *e) {
    trim(&s, &e);
    if (s == e) return;
    size_t n = (size_t)(e - s);
    if (strcmp(key, "flags") == 0) {
        for (size_t i = 0; i < sizeof flag_names / sizeof flag_names[0]; i++)
            if (strlen(flag_names[i].name) == n && memcmp(flag_names[i].name, s, n) == 0)
                m->flags |= flag_names[i].flag;
    } else if (strcmp(key, "features") == 0) {
        t262_list_push(&m->features, s, n);
    } else if (strcmp(key, "includes") == 0) {
        t262_list_push(&m->includes, s, n);
    }
}

static void flow_list(T262Meta *m, const char *key, const char *s, const char *eol) {
    const char *p = memchr(s, '[', (size_t)(eol - s));
    if (!p) return;
    p++;
    while (p < eol && *p != ']') {
        const char *q = p;
        while (q < eol && *q != ',' && *q != ']') q++;
        add_item(m, key, p, q);
        p = q < eol && *q == ',' ? q + 1 : q;
    }
}

static T262Phase phase_of(const char *s, const char *e) {
    trim(&s, &e);
    size_t n = (size_t)(e - s);
    if (n == 5 && memcmp(s, "parse", 5) == 0) return T262_PHASE_PARSE;
    if (n == 10 && memcmp(s, "resolution", 10) == 0) return T262_PHASE_RESOLUTION;
    if (n == 7 && memcmp(s, "runtime", 7) == 0) return T262_PHASE_RUNTIME;
    return T262_PHASE_NONE;
}

void t262_meta_parse(const char *src, T262Meta *m) {
    memset(m, 0, sizeof *m);
    const char *start = strstr(src, "/*---");
    if (!start) return;
    start += 5;
    const char *end = strstr(start, "---*/");
    if (!end) return;
    m->found = true;
    char key[32] = "";
    for (const char *line = start; line < end;) {
        const char *eol = memchr(line, '\n', (size_t)(end - line));
        if (!eol) eol = end;
        if (*line != ' ' && *line != '\t' && *line != '\n' && *line != '\r') {
            const char *colon = memchr(line, ':', (size_t)(eol - line));
            size_t n = colon ? (size_t)(colon - line) : 0;
            key[0] = 0;
            if (n && n < sizeof key) {
                memcpy(key, line, n);
                key[n] = 0;
                const char *v = colon + 1;
                while (v < eol && *v == ' ') v++;
                if (v < eol && *v == '[') flow_list(m, key, v, eol);
            }
        } else if (key[0]) {
            const char *p = line;
            while (p < eol && (*p == ' ' || *p == '\t')) p++;
            if (p < eol && *p == '-') {
                add_item(m, key, p + 1, eol);
            } else if (strcmp(key, "negative") == 0) {
                const char *colon = memchr(p, ':', (size_t)(eol - p));
                if (colon && colon - p == 5 && memcmp(p, "phase", 5) == 0) {
                    m->phase = phase_of(colon + 1, eol);
                } else if (colon && colon - p == 4 && memcmp(p, "type", 4) == 0) {
                    const char *s = colon + 1, *e = eol;
                    trim(&s, &e);
                    size_t n = (size_t)(e - s);
                    if (n >= sizeof m->type) n = sizeof m->type - 1;
                    memcpy(m->type, s, n);
                    m->type[n] = 0;
                }
            }
        }
        line = eol + 1;
    }
}

void t262_meta_free(T262Meta *m) {
    t262_list_free(&m->includes);
    t262_list_free(&m->features);
}

// ---------------------------------------------------------------------------
// List files.

void t262_entries_load(const char *path, bool optional, T262Entries *out) {
    memset(out, 0, sizeof *out);
    FILE *f = fopen(path, "r");
    if (!f) {
        if (optional && errno == ENOENT) return;
        fprintf(stderr, "run262: cannot read %s: %s\n", path, strerror(errno));
        exit(2);
    }
    char *line = NULL;
    size_t linecap = 0;
    while (getline(&line, &linecap, f) >= 0) {
        char *p = line;
        while (*p == ' ' || *p == '\t') p++;
        if (*p == '#' || *p == '\n' || *p == '\r' || *p == 0) continue;
        char *k = p;
        while (*k && *k != ' ' && *k != '\t' && *k != '#' && *k != '\n' && *k != '\r') k++;
        char *r = strchr(k, '#');
        r = r ? r + 1 : k + strlen(k);
        while (*r == ' ') r++;
        size_t rn = strlen(r);
        while (rn && (r[rn - 1] == '\n' || r[rn - 1] == '\r' || r[rn - 1] == ' ')) rn--;
        if (out->len == out->cap) {
            out->cap = out->cap ? out->cap * 2 : 256;
            T262Entry *items = realloc(out->items, out->cap * sizeof *items);
            if (!items) {
                fprintf(stderr, "run262: out of memory\n");
                exit(2);
            }
            out->items = items;
        }
        out->items[out->len++] = (T262Entry){
            .key = t262_xstrndup(p, (size_t)(k - p)),
            .reason = t262_xstrndup(r, rn),
        };
    }
    free(line);
    fclose(f);
}

static int cmp_entry(const void *a, const void *b) {
    return strcmp(((const T262Entry *)a)->key, ((const T262Entry *)b)->key);
}

void t262_entries_sort(T262Entries *e) {
    if (e->len) qsort(e->items, e->len, sizeof *e->items, cmp_entry);
}

T262Entry *t262_entries_find(const T262Entries *e, const char *key) {
    if (!e->len) return NULL;
    T262Entry k = {.key = (char *)key};
    return bsearch(&k, e->items, e->len, sizeof k, cmp_entry);
}

void t262_entries_free(T262Entries *e) {
    for (size_t i = 0; i < e->len; i++) {
        free(e->items[i].key);
        free(e->items[i].reason);
    }
    free(e->items);
    memset(e, 0, sizeof *e);
}
