// Queries shared by the navigation features: positions in requests, node
// paths, and the module graph between documents (relative import
// specifiers resolved to open documents or to files on disk, exports looked
// up by name, importers found among the open documents and the workspace
// folders). Files that are not open are parsed and analyzed on the fly as
// temporary documents; nothing is cached between requests, so that a file
// edited outside the editor is always read as it is.
#include <dirent.h>
#include <string.h>
#include <sys/stat.h>

#include "lsp_int.h"

// Workspace scans stop after this many files (a huge folder must not make
// a rename take minutes), and skip files larger than this.
#define SCAN_MAX_FILES 20000u
#define SCAN_MAX_BYTES (8u << 20)

bool lsp_param_doc_pos(LspServer *s, json_t *params, LspReply *r, LspDoc **doc, uint32_t *off) {
    LspDoc *d = lsp_param_doc(s, params, r);
    if (!d) return false;
    LspPos pos;
    if (!lsp_param_pos(json_object_get(params, "position"), "position", &pos, r)) return false;
    *doc = d;
    *off = lsp_text_offset(&d->text, pos, s->enc);
    return true;
}

typedef struct PathFind {
    uint32_t offset;
    PsNode *hit;
} PathFind;

static bool path_child(PsNode *c, void *ctx) {
    PathFind *f = ctx;
    if (c->flags & PS_NF_MISSING) return true;
    if (c->start <= f->offset && f->offset < c->end) {
        f->hit = c;
        return false;
    }
    if (c->end == f->offset && c->end > c->start) f->hit = c;  // cursor right after it
    return c->start <= f->offset;
}

uint32_t lsp_node_path(PsNode *root, uint32_t offset, PsNode **path, uint32_t max) {
    uint32_t n = 0;
    for (PsNode *cur = root; cur && n < max;) {
        path[n++] = cur;
        PathFind f = {offset, NULL};
        if (cur->kind == PS_NODE_PROGRAM) {
            // Thousands of top-level statements: binary search (they are in
            // source order), then the generic scan from the hit on.
            PsList *l = &PS_AS(PsListNode, cur)->items;
            uint32_t lo = 0, hi = l->count;
            while (lo < hi) {
                uint32_t mid = (lo + hi) / 2;
                if (!l->items[mid] || l->items[mid]->end < offset) lo = mid + 1;
                else hi = mid;
            }
            for (uint32_t i = lo; i < l->count; i++)
                if (l->items[i] && !path_child(l->items[i], &f)) break;
        } else {
            ps_node_for_each_child(cur, path_child, &f);
        }
        cur = f.hit;
    }
    return n;
}

AnBinding *lsp_binding_twin(const AnResult *an, const AnBinding *b) {
    if (!b || !b->decl) return NULL;
    if (b->kind == AN_BIND_CLASS) {
        AnScope *cs = an_scope_of_node(an, b->decl);
        for (AnBinding *x = cs ? cs->bindings : NULL; x; x = x->next)
            if (x->kind == AN_BIND_CLASS_NAME) return x;
    } else if (b->kind == AN_BIND_CLASS_NAME && b->decl->kind == PS_NODE_CLASS_DECL && b->scope->parent) {
        for (AnScope *sc = b->scope->parent; sc; sc = sc->parent)
            for (AnBinding *x = sc->bindings; x; x = x->next)
                if (x->kind == AN_BIND_CLASS && x->decl == b->decl) return x;
    }
    return NULL;
}

const char *lsp_node_name(const PsNode *n, uint32_t *len) {
    if (!n) return NULL;
    if (n->kind == PS_NODE_IDENTIFIER || n->kind == PS_NODE_JSX_IDENTIFIER ||
        n->kind == PS_NODE_PRIVATE_IDENTIFIER) {
        *len = n->aux;
        return PS_AS(PsIdent, n)->name;
    }
    if (n->kind == PS_NODE_LITERAL && n->op == PS_LIT_STRING) {
        *len = n->aux;
        return PS_AS(PsLiteral, n)->u.str;
    }
    return NULL;
}

bool lsp_binding_is_module_level(const AnBinding *b) {
    return b && b->scope && b->scope->kind == AN_SCOPE_MODULE;
}

static bool name_eq(const char *a, uint32_t alen, const char *b, uint32_t blen) {
    return a && b && alen == blen && memcmp(a, b, alen) == 0;
}

// Paths -------------------------------------------------------------------------------

// Normalizes an absolute path in place: removes `.` segments, resolves `..`
// and collapses repeated slashes.
static void normalize(char *p) {
    char *out = p;
    const char *in = p;
    while (*in) {
        while (*in == '/') in++;
        const char *seg = in;
        while (*in && *in != '/') in++;
        size_t n = (size_t)(in - seg);
        if (n == 0 || (n == 1 && seg[0] == '.')) continue;
        if (n == 2 && seg[0] == '.' && seg[1] == '.') {
            while (out > p && *--out != '/') {}
            continue;
        }
        *out++ = '/';
        memmove(out, seg, n);
        out += n;
    }
    if (out == p) *out++ = '/';
    *out = 0;
}

char *lsp_module_base(const LspDoc *doc, const PsNode *source) {
    uint32_t len;
    const char *spec = lsp_node_name(source, &len);
    if (!spec || !doc->path || len == 0) return NULL;
    bool rel = (len >= 2 && spec[0] == '.' && spec[1] == '/') ||
               (len >= 3 && spec[0] == '.' && spec[1] == '.' && spec[2] == '/');
    if (!rel || memchr(spec, 0, len)) return NULL;
    const char *slash = strrchr(doc->path, '/');
    size_t dir = slash ? (size_t)(slash - doc->path) : 0;
    char *p = och_malloc(dir + 1 + len + 1);
    memcpy(p, doc->path, dir);
    p[dir] = '/';
    memcpy(p + dir + 1, spec, len);
    p[dir + 1 + len] = 0;
    normalize(p);
    return p;
}

char *lsp_path_to_uri(const char *path) {
    OchBuf b = {0};
    och_buf_puts(&b, "file://");
    for (const unsigned char *c = (const unsigned char *)path; *c; c++) {
        if ((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') ||
            strchr("/-._~!$&'()*+,;=:@", *c))
            och_buf_putc(&b, (char)*c);
        else
            och_buf_printf(&b, "%%%02X", *c);
    }
    return och_buf_take(&b);
}

static LspDoc *open_doc_with_path(LspServer *s, const char *path) {
    for (uint32_t i = 0; i < s->docs.nbuckets; i++)
        for (LspDoc *d = s->docs.buckets[i]; d; d = d->next_in_bucket)
            if (d->path && strcmp(d->path, path) == 0) return d;
    return NULL;
}

static bool is_file(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode) && st.st_size <= (off_t)SCAN_MAX_BYTES;
}

void lsp_disk_cache_free(LspServer *s) {
    for (uint32_t i = 0; i < LSP_DISK_CACHE; i++) {
        lsp_doc_free(s->disk[i].doc);
        s->disk[i].doc = NULL;
    }
}

static LspDoc *load_file(const char *path) {
    char *src;
    size_t len;
    if (ps_source_read_file(path, &src, &len) != OCH_OK) return NULL;
    LspDoc *d = och_calloc(1, sizeof *d);
    d->path = och_strndup(path, strlen(path));
    d->uri = lsp_path_to_uri(path);
    d->goal = PS_GOAL_MODULE;  // it is imported: a module
    d->published_version = -1;
    OchStatus st = lsp_text_init(&d->text, src, len);
    och_free(src);
    if (st != OCH_OK) {
        lsp_doc_free(d);
        return NULL;
    }
    lsp_doc_analyze(d);
    return d;
}

LspDoc *lsp_doc_for_path(LspServer *s, const char *path, bool cache, bool *temp) {
    *temp = false;
    LspDoc *d = open_doc_with_path(s, path);
    if (d) {
        lsp_doc_analyze(d);
        return d;
    }
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > (off_t)SCAN_MAX_BYTES) return NULL;
    int64_t mtime = (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec;
    // The cache: a hit must have the same size and mtime (an edit outside
    // the editor is seen at once); a miss replaces the least recently used.
    uint32_t victim = 0;
    for (uint32_t i = 0; i < LSP_DISK_CACHE; i++) {
        if (s->disk[i].doc && strcmp(s->disk[i].doc->path, path) == 0) {
            if (s->disk[i].mtime_ns == mtime && s->disk[i].size == (int64_t)st.st_size) {
                s->disk[i].used = ++s->disk_clock;
                return s->disk[i].doc;
            }
            if (cache) {  // stale (without cache, a caller may still hold it)
                lsp_doc_free(s->disk[i].doc);
                s->disk[i].doc = NULL;
            }
        }
        if (!s->disk[i].doc || (s->disk[victim].doc && s->disk[i].used < s->disk[victim].used)) victim = i;
    }
    d = load_file(path);
    if (!d) return NULL;
    if (!cache) {
        *temp = true;
        return d;
    }
    lsp_doc_free(s->disk[victim].doc);
    s->disk[victim].doc = d;
    s->disk[victim].mtime_ns = mtime;
    s->disk[victim].size = (int64_t)st.st_size;
    s->disk[victim].used = ++s->disk_clock;
    return d;
}

LspDoc *lsp_doc_resolve(LspServer *s, LspDoc *doc, const PsNode *source, bool *temp) {
    *temp = false;
    char *base = lsp_module_base(doc, source);
    if (!base) return NULL;
    static const char *const suffixes[] = {"", ".js", ".mjs", "/index.js", "/index.mjs"};
    LspDoc *found = NULL;
    size_t blen = strlen(base);
    char *cand = och_malloc(blen + 16);
    // Open documents win over files on disk (their text is the newer one).
    for (int pass = 0; pass < 2 && !found; pass++) {
        for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0] && !found; i++) {
            memcpy(cand, base, blen);
            strcpy(cand + blen, suffixes[i]);
            if (pass == 0) {
                found = open_doc_with_path(s, cand);
                if (found) lsp_doc_analyze(found);
            } else if (is_file(cand)) {
                found = lsp_doc_for_path(s, cand, true, temp);
            }
        }
    }
    och_free(cand);
    och_free(base);
    return found;
}

// True when the specifier `source` of doc resolves to target.
static bool resolves_to(LspServer *s, LspDoc *doc, const PsNode *source, LspDoc *target) {
    if (!target->path) return false;
    char *base = lsp_module_base(doc, source);
    if (!base) return false;
    bool hit = false;
    size_t blen = strlen(base), tlen = strlen(target->path);
    if (tlen >= blen && memcmp(base, target->path, blen) == 0) {
        const char *rest = target->path + blen;
        static const char *const suffixes[] = {"", ".js", ".mjs", "/index.js", "/index.mjs"};
        for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0] && !hit; i++) {
            if (strcmp(rest, suffixes[i]) != 0) continue;
            hit = true;
            // An earlier candidate that exists would be resolved instead.
            for (size_t k = 0; k < i && hit; k++) {
                char *c = och_malloc(blen + 16);
                memcpy(c, base, blen);
                strcpy(c + blen, suffixes[k]);
                if (open_doc_with_path(s, c) || is_file(c)) hit = false;
                och_free(c);
            }
        }
    }
    och_free(base);
    return hit;
}

// Exports -----------------------------------------------------------------------------

PsNode *lsp_module_decl_of(LspDoc *doc, const PsNode *node) {
    PsListNode *prog = PS_AS(PsListNode, doc->parse->root);
    // Binary search over the top-level statements (in source order).
    uint32_t lo = 0, hi = prog->items.count;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        PsNode *st = prog->items.items[mid];
        if (!st || st->end <= node->start) lo = mid + 1;
        else hi = mid;
    }
    if (lo >= prog->items.count) return NULL;
    PsNode *st = prog->items.items[lo];
    if (!st || st->start > node->start) return NULL;
    switch ((PsNodeKind)st->kind) {
    case PS_NODE_IMPORT_DECL:
    case PS_NODE_EXPORT_NAMED_DECL:
    case PS_NODE_EXPORT_DEFAULT_DECL:
    case PS_NODE_EXPORT_ALL_DECL: return st;
    default: return NULL;
    }
}

typedef struct DeclIds {
    const char *name;
    uint32_t len;
    PsNode *hit;
} DeclIds;

// Finds the identifier named ids->name declared by a pattern.
static bool pattern_find(PsNode *n, void *ctx) {
    DeclIds *d = ctx;
    if (!n || d->hit) return false;
    switch ((PsNodeKind)n->kind) {
    case PS_NODE_IDENTIFIER:
        if (name_eq(PS_AS(PsIdent, n)->name, n->aux, d->name, d->len)) d->hit = n;
        return !d->hit;
    case PS_NODE_PROPERTY: {
        PsProperty *p = PS_AS(PsProperty, n);
        return pattern_find(p->value, d);
    }
    case PS_NODE_ASSIGN_PATTERN: return pattern_find(PS_AS(PsBinary, n)->left, d);
    case PS_NODE_REST_ELEMENT: return pattern_find(PS_AS(PsUnary, n)->arg, d);
    case PS_NODE_ARRAY_PATTERN:
    case PS_NODE_OBJECT_PATTERN: ps_node_for_each_child(n, pattern_find, d); return !d->hit;
    default: return true;
    }
}

// The identifier a declaration (var/let/const, function, class) declares
// under name, or NULL.
static PsNode *declared_id(PsNode *decl, const char *name, uint32_t len) {
    if (!decl) return NULL;
    switch ((PsNodeKind)decl->kind) {
    case PS_NODE_FUNCTION_DECL:
    case PS_NODE_FUNCTION_EXPR: {
        PsNode *id = PS_AS(PsFunction, decl)->id;
        uint32_t l;
        const char *t = lsp_node_name(id, &l);
        return name_eq(t, l, name, len) ? id : NULL;
    }
    case PS_NODE_CLASS_DECL:
    case PS_NODE_CLASS_EXPR: {
        PsNode *id = PS_AS(PsClass, decl)->id;
        uint32_t l;
        const char *t = lsp_node_name(id, &l);
        return name_eq(t, l, name, len) ? id : NULL;
    }
    case PS_NODE_VAR_DECL: {
        DeclIds d = {name, len, NULL};
        PsList *l = &PS_AS(PsListNode, decl)->items;
        for (uint32_t i = 0; i < l->count && !d.hit; i++)
            if (l->items[i] && l->items[i]->kind == PS_NODE_VAR_DECLARATOR)
                pattern_find(PS_AS(PsVarDeclarator, l->items[i])->id, &d);
        return d.hit;
    }
    default: return NULL;
    }
}

AnBinding *lsp_export_lookup(LspDoc *doc, const char *name, uint32_t len, PsNode **node) {
    *node = NULL;
    PsListNode *prog = PS_AS(PsListNode, doc->parse->root);
    bool is_default = name_eq(name, len, "default", 7);
    for (uint32_t i = 0; i < prog->items.count; i++) {
        PsNode *st = prog->items.items[i];
        if (!st) continue;
        if (st->kind == PS_NODE_EXPORT_NAMED_DECL) {
            PsModuleDecl *m = PS_AS(PsModuleDecl, st);
            if (m->declaration) {
                PsNode *id = declared_id(m->declaration, name, len);
                if (id) {
                    *node = id;
                    return an_binding_of_node(doc->an, id);
                }
            }
            for (uint32_t k = 0; k < m->specifiers.count; k++) {
                PsSpecifier *sp = PS_AS(PsSpecifier, m->specifiers.items[k]);
                if (!sp || sp->h.kind != PS_NODE_EXPORT_SPECIFIER) continue;
                uint32_t l;
                const char *t = lsp_node_name(sp->external, &l);
                if (!name_eq(t, l, name, len)) continue;
                *node = sp->local;
                // `export { x } from "m"` re-exports: no local binding.
                return m->source ? NULL : an_binding_of_node(doc->an, sp->local);
            }
        } else if (st->kind == PS_NODE_EXPORT_DEFAULT_DECL && is_default) {
            PsNode *d = PS_AS(PsUnary, st)->arg;
            if (!d) continue;
            PsNode *id = NULL;
            if (d->kind == PS_NODE_IDENTIFIER) id = d;
            else if ((d->kind == PS_NODE_FUNCTION_DECL || d->kind == PS_NODE_FUNCTION_EXPR))
                id = PS_AS(PsFunction, d)->id;
            else if (d->kind == PS_NODE_CLASS_DECL || d->kind == PS_NODE_CLASS_EXPR)
                id = PS_AS(PsClass, d)->id;
            *node = id ? id : st;
            return id ? an_binding_of_node(doc->an, id) : NULL;
        }
    }
    return NULL;
}

void lsp_export_names(LspDoc *doc, const AnBinding *b, LspExportFn fn, void *ctx) {
    if (!lsp_binding_is_module_level(b)) return;
    PsListNode *prog = PS_AS(PsListNode, doc->parse->root);
    for (uint32_t i = 0; i < prog->items.count; i++) {
        PsNode *st = prog->items.items[i];
        if (!st) continue;
        if (st->kind == PS_NODE_EXPORT_NAMED_DECL) {
            PsModuleDecl *m = PS_AS(PsModuleDecl, st);
            if (m->declaration && b->id && b->id->start >= m->declaration->start &&
                b->id->end <= m->declaration->end && declared_id(m->declaration, b->name, b->len) == b->id)
                fn(ctx, b->id, NULL);
            if (m->source) continue;
            for (uint32_t k = 0; k < m->specifiers.count; k++) {
                PsSpecifier *sp = PS_AS(PsSpecifier, m->specifiers.items[k]);
                if (sp && sp->h.kind == PS_NODE_EXPORT_SPECIFIER && sp->local &&
                    an_binding_of_node(doc->an, sp->local) == b)
                    fn(ctx, sp->external ? sp->external : sp->local, &sp->h);
            }
        } else if (st->kind == PS_NODE_EXPORT_DEFAULT_DECL) {
            PsNode *d = PS_AS(PsUnary, st)->arg;
            if (d && d->kind == PS_NODE_IDENTIFIER && an_binding_of_node(doc->an, d) == b) fn(ctx, st, NULL);
            else if (d && b->decl == d) fn(ctx, st, NULL);
        }
    }
}

// Importers ---------------------------------------------------------------------------

typedef struct Scan {
    LspServer *s;
    LspDoc *target;
    LspImporterFn fn;
    void *ctx;
    bool stop;
    uint32_t files;
} Scan;

// Calls fn for each import of doc that resolves to the target.
static void importer_visit(Scan *sc, LspDoc *doc) {
    PsListNode *prog = PS_AS(PsListNode, doc->parse->root);
    for (uint32_t i = 0; i < prog->items.count && !sc->stop; i++) {
        PsNode *st = prog->items.items[i];
        if (!st || st->kind != PS_NODE_IMPORT_DECL) continue;
        PsModuleDecl *m = PS_AS(PsModuleDecl, st);
        if (m->source && resolves_to(sc->s, doc, m->source, sc->target) && !sc->fn(sc->ctx, doc, st))
            sc->stop = true;
    }
}

// A cheap filter before parsing a file: it must mention `import` and the
// target's file name without its extension.
static bool may_import(const char *text, size_t len, const char *stem) {
    return memmem(text, len, "import", 6) && memmem(text, len, stem, strlen(stem));
}

static void scan_dir(Scan *sc, const char *dir, const char *stem, int depth) {
    if (depth > 32 || sc->stop) return;
    DIR *d = opendir(dir);
    if (!d) return;
    struct dirent *e;
    while (!sc->stop && (e = readdir(d)) != NULL) {
        const char *n = e->d_name;
        if (n[0] == '.' || strcmp(n, "node_modules") == 0) continue;
        if (++sc->files > SCAN_MAX_FILES) {
            sc->stop = true;
            break;
        }
        size_t dl = strlen(dir), nl = strlen(n);
        char *p = och_malloc(dl + nl + 2);
        memcpy(p, dir, dl);
        p[dl] = '/';
        memcpy(p + dl + 1, n, nl + 1);
        struct stat st;
        if (lstat(p, &st) == 0) {
            if (S_ISDIR(st.st_mode)) {
                scan_dir(sc, p, stem, depth + 1);
            } else if (S_ISREG(st.st_mode) && st.st_size <= (off_t)SCAN_MAX_BYTES &&
                       ((nl > 3 && strcmp(n + nl - 3, ".js") == 0) || (nl > 4 && strcmp(n + nl - 4, ".mjs") == 0)) &&
                       !open_doc_with_path(sc->s, p) && (!sc->target->path || strcmp(p, sc->target->path) != 0)) {
                char *src;
                size_t len;
                if (ps_source_read_file(p, &src, &len) == OCH_OK) {
                    bool maybe = may_import(src, len, stem);
                    och_free(src);
                    bool temp;
                    LspDoc *doc = maybe ? lsp_doc_for_path(sc->s, p, false, &temp) : NULL;
                    if (doc) {
                        importer_visit(sc, doc);
                        if (temp) lsp_doc_free(doc);
                    }
                }
            }
        }
        och_free(p);
    }
    closedir(d);
}

void lsp_for_each_importer(LspServer *s, LspDoc *target, bool workspace, LspImporterFn fn, void *ctx) {
    Scan sc = {s, target, fn, ctx, false, 0};
    if (!target->path) return;
    for (uint32_t i = 0; i < s->docs.nbuckets && !sc.stop; i++) {
        for (LspDoc *d = s->docs.buckets[i]; d && !sc.stop; d = d->next_in_bucket) {
            if (d == target || !d->path) continue;
            lsp_doc_analyze(d);
            importer_visit(&sc, d);
        }
    }
    if (!workspace) return;
    // The stem: "util" for /x/util.js, "lib" for /x/lib/index.js.
    const char *slash = strrchr(target->path, '/');
    const char *name = slash ? slash + 1 : target->path;
    char stem[256];
    size_t n = strcspn(name, ".");
    if (n == 5 && strncmp(name, "index", 5) == 0 && slash && slash > target->path) {
        const char *p = slash - 1;
        while (p > target->path && *p != '/') p--;
        name = p + 1;
        n = (size_t)(slash - name);
    }
    if (n >= sizeof stem) n = sizeof stem - 1;
    memcpy(stem, name, n);
    stem[n] = 0;
    for (uint32_t i = 0; i < s->roots.len && !sc.stop; i++) scan_dir(&sc, s->roots.items[i], stem, 0);
}
