// Fix selection and atomic file replacement (see check_fix.h).
#include "check_fix.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check_util.h"

// --- syntax-error regions ---------------------------------------------------------

typedef OCH_VEC(OchSpan) SpanVec;

static bool is_statement(uint8_t kind) {
    switch (kind) {
    case PS_NODE_ERROR:
    case PS_NODE_EXPRESSION_STMT:
    case PS_NODE_BLOCK:
    case PS_NODE_EMPTY_STMT:
    case PS_NODE_DEBUGGER_STMT:
    case PS_NODE_WITH_STMT:
    case PS_NODE_RETURN_STMT:
    case PS_NODE_LABELED_STMT:
    case PS_NODE_BREAK_STMT:
    case PS_NODE_CONTINUE_STMT:
    case PS_NODE_IF_STMT:
    case PS_NODE_SWITCH_STMT:
    case PS_NODE_THROW_STMT:
    case PS_NODE_TRY_STMT:
    case PS_NODE_WHILE_STMT:
    case PS_NODE_DO_WHILE_STMT:
    case PS_NODE_FOR_STMT:
    case PS_NODE_FOR_IN_STMT:
    case PS_NODE_FOR_OF_STMT:
    case PS_NODE_FUNCTION_DECL:
    case PS_NODE_VAR_DECL:
    case PS_NODE_CLASS_DECL:
    case PS_NODE_IMPORT_DECL:
    case PS_NODE_EXPORT_NAMED_DECL:
    case PS_NODE_EXPORT_DEFAULT_DECL:
    case PS_NODE_EXPORT_ALL_DECL: return true;
    default: return false;
    }
}

// The search for the innermost statement around one error. A statement
// that starts right at the error is usually where recovery resumed (the
// block after `if (a {`), not the broken code, so the innermost statement
// that starts before the error wins; only when there is none does one
// starting at it count.
typedef struct Around {
    OchSpan span;       // the error
    OchSpan before;     // innermost statements starting before the error (union at one depth)
    OchSpan at;         // innermost statements containing it at all
    uint32_t depth;     // current depth of the walk
    uint32_t before_depth, at_depth;  // 0: none found
} Around;

static void widen(OchSpan *s, uint32_t *best, uint32_t depth, const PsNode *n) {
    if (depth > *best) *best = depth, *s = (OchSpan){n->start, n->end};
    else if (depth == *best) {
        if (n->start < s->start) s->start = n->start;
        if (n->end > s->end) s->end = n->end;
    }
}

static bool visit(PsNode *n, void *ctx) {
    Around *a = ctx;
    if (!(n->start <= a->span.start && a->span.end <= n->end)) return true;
    a->depth++;
    if (is_statement(n->kind)) {
        widen(&a->at, &a->at_depth, a->depth, n);
        if (n->start < a->span.start) widen(&a->before, &a->before_depth, a->depth, n);
    }
    ps_node_for_each_child(n, visit, a);
    a->depth--;
    return true;
}

static void add_region(const PsParse *parse, OchSpan span, SpanVec *out) {
    if (span.end < span.start) span.end = span.start;
    Around a = {span, span, span, 0, 0, 0};
    ps_node_for_each_child(parse->root, visit, &a);
    OchSpan region = a.before_depth ? a.before : a.at;
    if (span.start < region.start) region.start = span.start;
    if (span.end > region.end) region.end = span.end;
    och_vec_push(out, region);
}

// Regions of the syntax errors (parser) and early errors (analyzer: also
// SyntaxErrors for the language, and a sign that the code is not what its
// author meant).
static void syntax_regions(const ChkFileResult *r, SpanVec *out) {
    const OchDiagList *pd = &r->parse->diags;
    for (uint32_t i = 0; i < pd->v.len; i++) add_region(r->parse, pd->v.items[i].span, out);
    const OchDiagList *ad = &r->analysis->diags;
    for (uint32_t i = 0; i < ad->v.len; i++) {
        const OchDiag *d = &ad->v.items[i];
        if (!an_code_is_rule(d->code) && d->severity == OCH_SEV_ERROR) add_region(r->parse, d->span, out);
    }
}

// Touching counts: an insertion right at the edge of an error is as unsure
// as one inside it.
static bool touches(const SpanVec *regions, OchSpan s) {
    for (uint32_t i = 0; i < regions->len; i++) {
        const OchSpan *g = &regions->items[i];
        if (s.start <= g->end && g->start <= s.end) return true;
    }
    return false;
}

// --- applying -----------------------------------------------------------------------

typedef struct Candidate {
    const AnFix *fix;
    uint32_t start, end;  // from the first edit's start to the last edit's end
    uint32_t order;       // finding order, to keep the sort stable
} Candidate;

static int cmp_candidate(const void *x, const void *y) {
    const Candidate *a = x, *b = y;
    if (a->start != b->start) return a->start < b->start ? -1 : 1;
    return a->order < b->order ? -1 : a->order > b->order;
}

// The first safe alternative of a finding's fix, when its edits are sorted,
// disjoint and inside the source.
static const AnFix *safe_fix(const AnFix *f, uint32_t len) {
    while (f && f->suggestion) f = f->next;
    if (!f || !f->nedits) return NULL;
    uint32_t pos = 0;
    for (uint32_t k = 0; k < f->nedits; k++) {
        const AnEdit *e = &f->edits[k];
        if (e->span.start < pos || e->span.end < e->span.start || e->span.end > len) return NULL;
        pos = e->span.end;
    }
    return f;
}

uint32_t chk_fix_apply(const ChkFileResult *r, OchBuf *out) {
    if (!r->src || !r->parse || !r->analysis) return 0;
    OCH_VEC(Candidate) cands = {0};
    for (uint32_t i = 0; i < r->findings.len; i++) {
        const ChkFinding *f = &r->findings.items[i];
        const AnFix *fix = f->file_level ? NULL : safe_fix(f->fix, r->len);
        if (!fix) continue;
        Candidate c = {fix, fix->edits[0].span.start, fix->edits[fix->nedits - 1].span.end, i};
        och_vec_push(&cands, c);
    }
    if (!cands.len) return 0;
    qsort(cands.items, cands.len, sizeof *cands.items, cmp_candidate);
    SpanVec regions = {0};
    syntax_regions(r, &regions);

    uint32_t applied = 0, pos = 0;
    int64_t last_end = -1;
    for (uint32_t i = 0; i < cands.len; i++) {
        const Candidate *c = &cands.items[i];
        if ((int64_t)c->start <= last_end) continue;  // next pass
        bool near_error = false;
        for (uint32_t k = 0; k < c->fix->nedits && !near_error; k++)
            near_error = touches(&regions, c->fix->edits[k].span);
        if (near_error) continue;
        for (uint32_t k = 0; k < c->fix->nedits; k++) {
            const AnEdit *e = &c->fix->edits[k];
            och_buf_append(out, r->src + pos, e->span.start - pos);
            och_buf_append(out, e->text, e->len);
            pos = e->span.end;
        }
        last_end = c->end;
        applied++;
    }
    if (applied) och_buf_append(out, r->src + pos, r->len - pos);
    och_vec_free(&regions);
    och_vec_free(&cands);
    return applied;
}

// --- writing ----------------------------------------------------------------------

const char *chk_fix_unwritable(const char *path, const struct stat *st) {
    if (!(st->st_mode & (S_IWUSR | S_IWGRP | S_IWOTH))) return "the file is read-only";
    if (access(path, W_OK) != 0) return "the file is not writable by this user";
    return NULL;
}

static bool write_all(int fd, const char *p, size_t n) {
    while (n) {
        ssize_t w = write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        p += w;
        n -= (size_t)w;
    }
    return true;
}

static bool same_file(const struct stat *a, const struct stat *b) {
    return a->st_dev == b->st_dev && a->st_ino == b->st_ino && a->st_size == b->st_size &&
           a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec == b->st_mtim.tv_nsec;
}

OchStatus chk_fix_write(const char *path, const char *text, size_t len, const struct stat *st, OchBuf *err) {
    OchStatus status = OCH_ERR_IO;
    char *dir = NULL, *tmp = NULL;
    int fd = -1;
    // The target of a symbolic link: the link stays a link.
    char *target = realpath(path, NULL);
    if (!target) {
        och_buf_printf(err, "cannot write the fixed file: %s", strerror(errno));
        goto fail;
    }
    struct stat now;
    if (stat(target, &now) != 0 || !same_file(&now, st)) {
        och_buf_puts(err, "the file changed on disk while it was checked; not fixed");
        goto fail;
    }
    if (!S_ISREG(now.st_mode)) {
        och_buf_puts(err, "cannot write the fixed file: not a regular file");
        goto fail;
    }
    const char *why = chk_fix_unwritable(target, &now);
    if (why) {
        och_buf_printf(err, "cannot write the fixed file: %s", why);
        goto fail;
    }
    dir = chk_path_dirname(target);
    OchBuf name = {0};
    och_buf_printf(&name, "%s/.%s.ochre-fix-XXXXXX", strcmp(dir, "/") == 0 ? "" : dir, chk_path_basename(target));
    tmp = och_buf_take(&name);
    fd = mkostemp(tmp, O_CLOEXEC);
    if (fd < 0) {
        och_buf_printf(err, "cannot create a temporary file next to the file: %s", strerror(errno));
        och_free(tmp);
        tmp = NULL;
        goto fail;
    }
    if (!write_all(fd, text, len) || fchmod(fd, st->st_mode & 07777) != 0) {
        och_buf_printf(err, "cannot write the fixed file: %s", strerror(errno));
        goto fail;
    }
    // Root may give the new inode the old owner; others keep their own
    // (they could not create a file owned by someone else).
    if (geteuid() == 0 && (now.st_uid != 0 || now.st_gid != 0) && fchown(fd, now.st_uid, now.st_gid) != 0) {
        och_buf_printf(err, "cannot keep the owner of the file: %s", strerror(errno));
        goto fail;
    }
    if (fsync(fd) != 0) {
        och_buf_printf(err, "cannot write the fixed file: %s", strerror(errno));
        goto fail;
    }
    int rc = close(fd);
    fd = -1;
    if (rc != 0 || rename(tmp, target) != 0) {
        och_buf_printf(err, "cannot replace the file: %s", strerror(errno));
        goto fail;
    }
    och_free(tmp);
    tmp = NULL;
    // The rename itself reaches the disk with the directory.
    int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        (void)fsync(dfd);
        close(dfd);
    }
    status = OCH_OK;
fail:
    if (fd >= 0) close(fd);
    if (tmp) {
        unlink(tmp);
        och_free(tmp);
    }
    och_free(dir);
    free(target);  // from realpath: the C library's malloc
    return status;
}
