// tool_incr_prop: property test of the incremental re-parse.
//
//   tool_incr_prop [--edits N] [--seed S] [--per-doc M] [-v]
//                  [--script|--module] FILE...
//
// Builds documents from the given files (small files whole; from large
// ones, one to five statements of 0.3-12 kB picked from the file's tree)
// and applies N pseudo-random edits in total (default 40000, or
// $OCHRE_INCR_EDITS), M per document (default 40): insertions, deletions
// and replacements of brackets, braces, quotes, backticks, comment
// openers and closers, template substitutions, directives, keywords,
// multi-byte UTF-8 (also split sequences), line breaks, and the undo of
// the previous edit; one step in ten sends two or three edits at once. A
// quarter of the documents are parsed with JSX on.
// After every step, ps_reparse of the previous tree must equal a full
// ps_parse of the new text: the same ESTree JSON and the same diagnostics
// (code, severity, span, message, related spans and messages), and the
// same node headers (flags such as PS_NF_HAS_ERROR included). A mismatch
// prints the seed, the document, the step and the edits, and exits 1.
// --script/--module set the goal of the files that follow.
// Prints how many steps were re-parsed incrementally and how many fell back
// to a full parse.
#include "parser.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct Input {
    const char *path;
    PsGoal goal;
    char *src;
    size_t len;
    PsParse *tree;  // large files: where statements are picked from
    OCH_VEC(PsNode *) stmts;
} Input;

static uint64_t rng_state;
static uint64_t rnd(void) {  // splitmix64
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}
static uint32_t rnd_below(uint32_t n) { return n ? (uint32_t)(rnd() % n) : 0; }

// Pieces inserted by edits: what makes regions hard to re-parse alone.
static const char *const pieces[] = {
    "(", ")", "{", "}", "[", "]", "'", "\"", "`", "/*", "*/", "//", "\n", ";", ",", "x", "yz",
    " ", "/", "=>", "${", "${a}", "é", "\xf0\x9f\x98\x80", "\xe2\x80\xa8", "\xc3", "\x80",
    "\"use strict\";", "'use strict'\n", "function f(){", "function(){ return 1 }",
    "() => {", "if (a) {", "} else {", "return", "yield", "await", "async ", "let ",
    "var v = 1;", "class C {", "#p", "this.#p", "super.x", "new.target", "break", "continue",
    "l: ", "-->", "<!--", "0777", "\"\\08\"", "`${", "}`", "/re/g", "a\n++b", "\\u0061",
    "__proto__: 1, __proto__: 2", "{a = 1}", "=", "++", "?.", "import x from 'y';",
    "export default 1;", "debugger;", "with (o) {}", "arguments", "eval", "08", "1n", "\t",
    "<div>", "</div>",
};

typedef struct Doc {
    char *text;  // NUL-padded
    uint32_t len;
} Doc;

static char *padded(const char *s, size_t n) { return ps_source_dup(s, n); }

// Applies one edit to *d (new buffer); the previous buffer is returned
// in *old_buf for the caller to free once the old tree no longer needs it.
static PsEdit apply(Doc *d, uint32_t start, uint32_t end, const char *ins, uint32_t n,
                    char **old_buf) {
    uint32_t len = d->len - (end - start) + n;
    char *t = och_malloc((size_t)len + PS_SOURCE_PADDING);
    memcpy(t, d->text, start);
    memcpy(t + start, ins, n);
    memcpy(t + start + n, d->text + end, d->len - end);
    memset(t + len, 0, PS_SOURCE_PADDING);
    *old_buf = d->text;
    d->text = t;
    d->len = len;
    return (PsEdit){start, end, start + n};
}

static void diags_text(const PsParse *p, OchBuf *out) {
    for (uint32_t i = 0; i < p->diags.v.len; i++) {
        const OchDiag *d = &p->diags.v.items[i];
        och_buf_printf(out, "%s %d %u-%u %s", och_diag_code_str(d->code), (int)d->severity,
                       d->span.start, d->span.end, d->message);
        for (uint32_t k = 0; k < d->nrelated; k++)
            och_buf_printf(out, " | %u-%u %s", d->related[k].span.start, d->related[k].span.end,
                           d->related[k].message);
        och_buf_putc(out, '\n');
    }
    och_buf_printf(out, "incomplete=%d\n", (int)p->incomplete);
}

static bool collect(PsNode *child, void *ctx) {
    Input *in = ctx;
    uint32_t size = child->end - child->start;
    if (size >= 300 && size <= 12000 &&
        (child->kind == PS_NODE_FUNCTION_DECL || child->kind == PS_NODE_CLASS_DECL ||
         child->kind == PS_NODE_EXPRESSION_STMT || child->kind == PS_NODE_VAR_DECL ||
         child->kind == PS_NODE_IF_STMT || child->kind == PS_NODE_FOR_STMT))
        och_vec_push(&in->stmts, child);
    if (size > 300) ps_node_for_each_child(child, collect, ctx);
    return true;
}

// Every node's header in pre-order (kind, op, flags, range, aux): what
// the JSON does not show (PS_NF_HAS_ERROR, a body's recorded depth) must
// match too.
typedef OCH_VEC(PsNode) Headers;
typedef OCH_VEC(PsNode *) Stack;

static bool push_rev(PsNode *child, void *ctx) {
    och_vec_push((Stack *)ctx, child);
    return true;
}

static void headers(PsNode *root, Headers *out) {
    Stack st = {0}, kids = {0};
    och_vec_push(&st, root);
    while (st.len) {
        PsNode *n = st.items[--st.len];
        och_vec_push(out, *n);
        kids.len = 0;
        ps_node_for_each_child(n, push_rev, &kids);
        for (uint32_t i = kids.len; i-- > 0;) och_vec_push(&st, kids.items[i]);
    }
    och_vec_free(&st);
    och_vec_free(&kids);
}

static int64_t headers_differ(PsParse *a, PsParse *b) {
    Headers ha = {0}, hb = {0};
    headers(a->root, &ha);
    headers(b->root, &hb);
    int64_t at = -1;
    for (uint32_t i = 0; i < ha.len || i < hb.len; i++) {
        if (i >= ha.len || i >= hb.len || memcmp(&ha.items[i], &hb.items[i], sizeof(PsNode)) != 0) {
            at = i;
            break;
        }
    }
    if (at >= 0 && at < ha.len && at < hb.len)
        printf("  node %lld: kind %u/%u flags %#x/%#x range %u-%u/%u-%u aux %u/%u\n",
               (long long)at, ha.items[at].kind, hb.items[at].kind, ha.items[at].flags,
               hb.items[at].flags, ha.items[at].start, ha.items[at].end, hb.items[at].start,
               hb.items[at].end, ha.items[at].aux, hb.items[at].aux);
    och_vec_free(&ha);
    och_vec_free(&hb);
    return at;
}

static void print_escaped(const char *s, uint32_t n) {
    putchar('"');
    for (uint32_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') printf("\\%c", c);
        else if (c >= 0x20 && c < 0x7f) putchar(c);
        else printf("\\x%02x", c);
    }
    putchar('"');
}

int main(int argc, char **argv) {
    uint64_t seed = (uint64_t)time(NULL);
    long total = 40000, per_doc = 40;
    bool verbose = false;
    const char *env = getenv("OCHRE_INCR_EDITS");
    if (env && *env) total = atol(env);
    OCH_VEC(Input) inputs = {0};
    PsGoal goal = PS_GOAL_SCRIPT;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--edits") && i + 1 < argc) total = atol(argv[++i]);
        else if (!strcmp(argv[i], "--seed") && i + 1 < argc) seed = strtoull(argv[++i], NULL, 0);
        else if (!strcmp(argv[i], "--per-doc") && i + 1 < argc) per_doc = atol(argv[++i]);
        else if (!strcmp(argv[i], "-v")) verbose = true;
        else if (!strcmp(argv[i], "--script")) goal = PS_GOAL_SCRIPT;
        else if (!strcmp(argv[i], "--module")) goal = PS_GOAL_MODULE;
        else {
            Input in = {0};
            in.path = argv[i];
            in.goal = goal;
            if (ps_source_read_file(argv[i], &in.src, &in.len) != OCH_OK) {
                fprintf(stderr, "tool_incr_prop: cannot read %s\n", argv[i]);
                return 2;
            }
            och_vec_push(&inputs, in);
        }
    }
    if (!inputs.len) {
        fprintf(stderr, "usage: tool_incr_prop [--edits N] [--seed S] [--per-doc M] FILE...\n");
        return 2;
    }
    if (per_doc < 1) per_doc = 1;
    printf("tool_incr_prop: seed %llu, %ld edits\n", (unsigned long long)seed, total);
    rng_state = seed;
    PsOptions base;
    ps_options_default(&base);
    base.tolerant = true;
    for (uint32_t i = 0; i < inputs.len; i++) {
        Input *in = &inputs.items[i];
        if (in->len <= 16000) continue;
        PsOptions o = base;
        o.goal = in->goal;
        in->tree = ps_parse(in->src, in->len, &o);
        ps_node_for_each_child(in->tree->root, collect, in);
    }

    long steps = 0, edits_done = 0, incremental = 0, docs = 0;
    OchBuf a = {0}, b = {0}, da = {0}, db = {0};
    while (edits_done < total) {
        Input *in = &inputs.items[rnd_below(inputs.len)];
        OchBuf text = {0};
        if (in->stmts.len) {
            uint32_t nst = 1 + rnd_below(5);
            for (uint32_t s = 0; s < nst; s++) {
                PsNode *st = in->stmts.items[rnd_below(in->stmts.len)];
                och_buf_append(&text, in->src + st->start, st->end - st->start);
                och_buf_putc(&text, '\n');
            }
        } else {
            och_buf_append(&text, in->src, in->len);
        }
        Doc d = {padded(text.data ? text.data : "", text.len), (uint32_t)text.len};
        och_buf_free(&text);
        docs++;
        PsOptions o = base;
        o.goal = in->goal;
        o.jsx = rnd_below(4) == 0;  // a quarter of the documents as .jsx
        PsParse *tree = ps_parse(d.text, d.len, &o);
        PsEdit prev = {0, 0, 0};
        char *prev_removed = NULL;
        uint32_t prev_removed_len = 0;
        bool have_prev = false;
        for (long e = 0; e < per_doc && edits_done < total; e++) {
            uint32_t nedits = rnd_below(10) == 0 ? 2 + rnd_below(2) : 1;
            char *before = och_strndup(d.text, d.len);
            uint32_t before_len = d.len;
            PsEdit list[3];
            char *bufs[3];
            // Log for the failure report.
            uint32_t log_start[3], log_end[3];
            const char *log_ins[3];
            uint32_t log_n[3];
            for (uint32_t q = 0; q < nedits; q++) {
                uint32_t start, end, n;
                const char *ins;
                char removed_copy[64];
                uint32_t kind = rnd_below(10);
                if (kind == 0 && have_prev && q == 0) {
                    // Undo the previous edit.
                    start = prev.start;
                    end = prev.new_end;
                    ins = prev_removed;
                    n = prev_removed_len;
                } else {
                    start = rnd_below(d.len + 1);
                    if (rnd_below(4)) {  // mostly on character boundaries
                        while (start < d.len && (d.text[start] & 0xC0) == 0x80) start++;
                    }
                    end = start;
                    if (kind <= 3) {  // delete or replace
                        uint32_t del = 1 + rnd_below(rnd_below(3) ? 4 : 40);
                        end = start + del > d.len ? d.len : start + del;
                    }
                    if (kind == 3 || kind >= 4) {
                        ins = pieces[rnd_below(sizeof pieces / sizeof *pieces)];
                        n = (uint32_t)strlen(ins);
                    } else {
                        ins = "";
                        n = 0;
                    }
                }
                // Remember what this edit removed, for a later undo.
                uint32_t rl = end - start < sizeof removed_copy ? end - start : 0;
                if (end - start >= sizeof removed_copy) {
                    end = start;  // keep undo data small: make it an insertion
                    rl = 0;
                }
                memcpy(removed_copy, d.text + start, rl);
                char *ins_copy = och_strndup(ins, n);
                list[q] = apply(&d, start, end, ins_copy, n, &bufs[q]);
                log_start[q] = start;
                log_end[q] = end;
                log_ins[q] = ins_copy;
                log_n[q] = n;
                och_free(prev_removed);
                prev_removed = och_strndup(removed_copy, rl);
                prev_removed_len = rl;
                prev = list[q];
                have_prev = true;
            }
            tree = ps_reparse(tree, d.text, d.len, list, nedits);
            bool inc = !tree->last_reparse.full;
            ps_parse_settle(tree);
            for (uint32_t q = 0; q < nedits; q++) och_free(bufs[q]);
            PsParse *full = ps_parse(d.text, d.len, &o);
            a.len = b.len = da.len = db.len = 0;
            ps_estree_write(tree, &a);
            ps_estree_write(full, &b);
            diags_text(tree, &da);
            diags_text(full, &db);
            steps++;
            edits_done += nedits;
            incremental += inc;
            bool same = a.len == b.len && !memcmp(a.data, b.data, a.len) && da.len == db.len &&
                        !memcmp(da.data, db.data, da.len);
            if (same && headers_differ(tree, full) >= 0) {
                printf("  node headers differ (flags, aux) with equal JSON and diagnostics\n");
                same = false;
            }
            if (!same) {
                printf("MISMATCH: seed %llu, document %ld (from %s), step %ld (%s re-parse, "
                       "region %u-%u old / -%u new)\n",
                       (unsigned long long)seed, docs, in->path, e,
                       inc ? "incremental" : "full", tree->last_reparse.start,
                       tree->last_reparse.old_end, tree->last_reparse.new_end);
                for (uint32_t q = 0; q < nedits; q++) {
                    printf("  edit %u: replace [%u, %u) with ", q, log_start[q], log_end[q]);
                    print_escaped(log_ins[q], log_n[q]);
                    printf("\n");
                }
                size_t i = 0;
                while (i < a.len && i < b.len && a.data[i] == b.data[i]) i++;
                if (a.len != b.len || memcmp(a.data, b.data, a.len)) {
                    size_t from = i > 200 ? i - 200 : 0;
                    printf("  ESTree differs at byte %zu:\n  incremental: %.300s\n  full:        "
                           "%.300s\n",
                           i, a.data + from, b.data + from);
                } else {
                    printf("  diagnostics differ:\n--- incremental\n%s--- full\n%s", da.data,
                           db.data);
                }
                printf("  document before the step:\n");
                fwrite(before, 1, before_len, stdout);
                printf("\n  document after the step:\n");
                fwrite(d.text, 1, d.len, stdout);
                printf("\n");
                return 1;
            }
            for (uint32_t q = 0; q < nedits; q++) och_free((void *)log_ins[q]);
            och_free(before);
            ps_parse_free(full);
        }
        och_free(prev_removed);
        ps_parse_free(tree);
        och_free(d.text);
        if (verbose) printf("  %ld edits\n", edits_done);
    }
    printf("tool_incr_prop: %ld edits in %ld steps over %ld documents: all equal to a full "
           "parse; %ld steps incremental (%.0f%%), %ld full\n",
           edits_done, steps, docs, incremental, steps ? 100.0 * incremental / steps : 0.0,
           steps - incremental);
    och_buf_free(&a);
    och_buf_free(&b);
    och_buf_free(&da);
    och_buf_free(&db);
    for (uint32_t i = 0; i < inputs.len; i++) {
        if (inputs.items[i].tree) ps_parse_free(inputs.items[i].tree);
        och_vec_free(&inputs.items[i].stmts);
        och_free(inputs.items[i].src);
    }
    och_vec_free(&inputs);
    return 0;
}
