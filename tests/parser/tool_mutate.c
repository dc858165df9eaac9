// tool_mutate: robustness of the parser on broken input.
//
//   tool_mutate [--count N] [--seed S] [--ratio R] [--floor-ms F]
//               [--save DIR] [--replay F:M] [-v] [--script|--module] FILE...
//
// For the given files (the real-world corpus), makes N deterministic
// pseudo-random mutated inputs in total (default 4000, or $OCHRE_MUTATE_COUNT):
// a window of a file (or, for the first two per file, the whole file) with
// one to three mutations: byte flips, truncation, deleting a bracket,
// inserting brackets/quotes/slashes/backticks, splicing invalid UTF-8,
// duplicating or deleting a chunk, a long run of open brackets. Each input
// is parsed in tolerant mode and in strict mode, and must:
//   - return a PROGRAM root whose nodes have valid kinds and ranges inside
//     the input, children inside their parent and in source order;
//   - report at most one error in strict mode, and agree with tolerant mode
//     on whether the input has errors;
//   - take linear time: tolerant parse time <= R x (time per byte of the
//     unmutated file) x (size + 200 x diagnostics) + F ms (R = 20, F = 5 by
//     default; measured again up to five times before a failure is
//     declared);
//   - not crash (the ASan/UBSan build checks memory and undefined behaviour).
// --script/--module set the goal of the files that follow (default script).
// A failing input is written to DIR (--save) for replay with `ochre parse`
// (the first of each kind of problem); --replay F:M runs only mutation M of file F (as
// numbered in the file names), with the same --count, and saves it.
#include "parser.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#if defined(__SANITIZE_ADDRESS__)
#define HAVE_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define HAVE_ASAN 1
#endif
#endif
#ifdef HAVE_ASAN
#include <sanitizer/asan_interface.h>
#endif

typedef struct Input {
    const char *path;
    PsGoal goal;
    char *src;  // NUL-padded (ps_source_read_file)
    size_t len;
    double ns_per_byte;  // unmutated tolerant parse
} Input;

// A growable byte buffer for the mutated text.
typedef struct Bytes {
    char *data;
    size_t len, cap;
} Bytes;

static void bytes_reserve(Bytes *b, size_t need) {
    if (need + PS_SOURCE_PADDING <= b->cap) return;
    size_t cap = b->cap ? b->cap : 4096;
    while (cap < need + PS_SOURCE_PADDING) cap *= 2;
    b->data = och_realloc(b->data, cap);
    b->cap = cap;
}

static void bytes_insert(Bytes *b, size_t at, const char *s, size_t n) {
    bytes_reserve(b, b->len + n);
    memmove(b->data + at + n, b->data + at, b->len - at);
    memcpy(b->data + at, s, n);
    b->len += n;
}

static void bytes_delete(Bytes *b, size_t at, size_t n) {
    if (at + n > b->len) n = b->len - at;
    memmove(b->data + at, b->data + at + n, b->len - at - n);
    b->len -= n;
}

// SplitMix64: small, deterministic, good enough for choosing mutations.
static uint64_t rng_next(uint64_t *s) {
    uint64_t z = (*s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static size_t rng_below(uint64_t *s, size_t n) { return n ? (size_t)(rng_next(s) % n) : 0; }

static double now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

// What is being parsed right now, for the crash and timeout handlers.
static char current[512];
static const Bytes *current_input;
static const char *save_dir;

static void save_input(const char *name, const Bytes *b) {
    if (!save_dir || !b) return;
    char path[1024];
    snprintf(path, sizeof path, "%s/%s.js", save_dir, name);
    FILE *f = fopen(path, "wb");
    if (!f) return;
    fwrite(b->data, 1, b->len, f);
    fclose(f);
    fprintf(stderr, "tool_mutate: input saved to %s\n", path);
}

static void on_death(void) {
    // Not async-signal-safe; acceptable for a test tool that is dying anyway.
    fprintf(stderr, "tool_mutate: died while parsing %s\n", current);
    save_input("crash", current_input);
}

static void on_signal(int sig) {
    if (sig == SIGALRM) fprintf(stderr, "tool_mutate: timeout (non-linear?)\n");
    on_death();
    signal(sig, SIG_DFL);
    raise(sig);
}

// Mutations -----------------------------------------------------------------

static const char *const inserts[] = {
    "(", ")", "[", "]", "{", "}", "\"", "'", "`", "/", "/*", "*/", "//", "${", "<",
    ">", "=>", ",", ";", "\\", "\n", "#", "@", "?.", "...", "`${", "<!--", "-->",
};

static const char *const bad_utf8[] = {
    "\xFF", "\xC0\x80", "\xED\xA0\x80", "\xE2\x82", "\xF4\x90\x80\x80", "\x80",
    "\xF0\x9F", "\xC3", "\xEF\xBB\xBF", "\xE2\x80\xA8", "\x00",
};

static bool is_bracket(char c) {
    return c == '(' || c == ')' || c == '[' || c == ']' || c == '{' || c == '}';
}

// Applies one random mutation; appends its description to desc.
static void mutate_once(Bytes *b, uint64_t *rng, char *desc, size_t desccap) {
    size_t used = strlen(desc);
    size_t at = rng_below(rng, b->len + 1);
    const char *what = "";
    switch (rng_below(rng, 9)) {
    case 0: {  // byte flips
        size_t n = 1 + rng_below(rng, 8);
        for (size_t i = 0; i < n && b->len; i++) {
            size_t p = rng_below(rng, b->len);
            b->data[p] = (char)(rng_below(rng, 2) ? b->data[p] ^ (1 << rng_below(rng, 8))
                                                 : (char)rng_below(rng, 256));
        }
        what = "flip";
        break;
    }
    case 1:  // truncation
        b->len = at;
        what = "truncate";
        break;
    case 2: {  // delete a bracket: the first one at or after a random point
        size_t p = at;
        while (p < b->len && !is_bracket(b->data[p])) p++;
        if (p < b->len) bytes_delete(b, p, 1);
        at = p;
        what = "del-bracket";
        break;
    }
    case 3:
    case 4: {  // insert punctuation that opens or closes things
        size_t n = 1 + rng_below(rng, 4);
        for (size_t i = 0; i < n; i++) {
            const char *s = inserts[rng_below(rng, sizeof inserts / sizeof *inserts)];
            bytes_insert(b, rng_below(rng, b->len + 1), s, strlen(s));
        }
        what = "insert";
        break;
    }
    case 5: {  // invalid (or unusual) UTF-8
        size_t k = rng_below(rng, sizeof bad_utf8 / sizeof *bad_utf8);
        const char *s = bad_utf8[k];
        bytes_insert(b, at, s, k == sizeof bad_utf8 / sizeof *bad_utf8 - 1 ? 1 : strlen(s));
        what = "utf8";
        break;
    }
    case 6: {  // duplicate a chunk elsewhere
        if (!b->len) break;
        size_t from = rng_below(rng, b->len);
        size_t n = 1 + rng_below(rng, b->len - from < 4096 ? b->len - from : 4096);
        char *copy = och_malloc(n);
        memcpy(copy, b->data + from, n);
        bytes_insert(b, at, copy, n);
        och_free(copy);
        what = "dup";
        break;
    }
    case 7: {  // delete a chunk
        size_t n = 1 + rng_below(rng, 2048);
        if (at < b->len) bytes_delete(b, at, n);
        what = "delete";
        break;
    }
    case 8: {  // deep nesting: a long run of one opening bracket
        static const char opens[] = "([{";
        size_t n = 1 + rng_below(rng, 20000);
        char *run = och_malloc(n);
        memset(run, opens[rng_below(rng, 3)], n);
        bytes_insert(b, at, run, n);
        och_free(run);
        what = "nest";
        break;
    }
    }
    snprintf(desc + used, desccap - used, "%s%s@%zu", used ? "+" : "", what, at);
}

// Tree checks ----------------------------------------------------------------

typedef struct Check {
    uint32_t len;
    const PsNode *parent;
    uint32_t prev_start;
    const char *problem;
    char detail[200];
    OCH_VEC(PsNode *) stack;
} Check;

static bool check_child(PsNode *c, void *ctx) {
    Check *k = ctx;
    const PsNode *p = k->parent;
    if (c->kind >= PS_NODE_KIND_COUNT) k->problem = "node with an invalid kind";
    else if (c->start > c->end) k->problem = "node ends before it starts";
    else if (c->end > k->len) k->problem = "node range outside the input";
    else if (c->start < p->start || c->end > p->end) k->problem = "child range outside its parent";
    else if (c->start < k->prev_start) k->problem = "children out of source order";
    if (k->problem) {
        snprintf(k->detail, sizeof k->detail, "%s: %s [%u,%u) in %s [%u,%u), input %u bytes",
                 k->problem, c->kind < PS_NODE_KIND_COUNT ? ps_node_kind_name(c->kind) : "?",
                 c->start, c->end, ps_node_kind_name(p->kind), p->start, p->end, k->len);
        k->problem = k->detail;
        return false;
    }
    k->prev_start = c->start;
    och_vec_push(&k->stack, c);
    return true;
}

// Walks the whole tree without recursion (inputs nest deeply). Returns NULL
// or a description of the first problem (valid until the next call).
static const char *check_tree(const PsParse *p, uint32_t len) {
    static char problem[256];
    if (!p->root) return "NULL root";
    if (p->root->kind != PS_NODE_PROGRAM) return "root is not a PROGRAM";
    Check k = {.len = len};
    if (p->root->end > len || p->root->start > p->root->end) return "root range outside the input";
    och_vec_push(&k.stack, p->root);
    while (k.stack.len && !k.problem) {
        PsNode *n = k.stack.items[--k.stack.len];
        k.parent = n;
        k.prev_start = n->start;
        ps_node_for_each_child(n, check_child, &k);
    }
    och_vec_free(&k.stack);
    if (!k.problem) return NULL;
    snprintf(problem, sizeof problem, "%s", k.problem);
    return problem;
}

static size_t count_errors(const PsParse *p) {
    size_t n = 0;
    for (uint32_t i = 0; i < p->diags.v.len; i++) n += p->diags.v.items[i].severity == OCH_SEV_ERROR;
    return n;
}

static double time_parse(const char *src, size_t len, const PsOptions *opts) {
    double t0 = now_ns();
    PsParse *p = ps_parse(src, len, opts);
    double t = now_ns() - t0;
    ps_parse_free(p);
    return t;
}

// Failures by kind of problem: "tolerant mode: node range outside the
// input: Error" (mode, check, node kind).
#define MAX_REPORTED 30
#define DIAG_BYTES 200

typedef struct ProblemKind {
    char what[128];
    size_t count;
} ProblemKind;

static OCH_VEC(ProblemKind) kinds;

// Returns true for the first problem of its kind.
static bool tally_problem(const char *problem) {
    ProblemKind k = {.count = 1};
    // Up to the node kind: "<mode>: <check>: <Kind> [".
    const char *bracket = strchr(problem, '[');
    size_t n = bracket ? (size_t)(bracket - problem) : strlen(problem);
    while (n && problem[n - 1] == ' ') n--;
    if (n >= sizeof k.what) n = sizeof k.what - 1;
    memcpy(k.what, problem, n);
    for (uint32_t i = 0; i < kinds.len; i++) {
        if (strcmp(kinds.items[i].what, k.what) == 0) {
            kinds.items[i].count++;
            return false;
        }
    }
    och_vec_push(&kinds, k);
    return true;
}

// Main ----------------------------------------------------------------------

static void usage(void) {
    fprintf(stderr, "usage: tool_mutate [--count N] [--seed S] [--ratio R] [--floor-ms F] "
                    "[--save DIR] [-v] [--script|--module] FILE...\n");
    exit(2);
}

int main(int argc, char **argv) {
    size_t count = 4000;
    const char *env = getenv("OCHRE_MUTATE_COUNT");
    if (env && *env) count = (size_t)strtoull(env, NULL, 10);
    uint64_t seed = 0x0C4E;
    double ratio = 20, floor_ms = 5;
    bool verbose = false;
    long replay_f = -1, replay_m = -1;
    PsGoal goal = PS_GOAL_SCRIPT;
    OCH_VEC(Input) inputs = {0};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--count") == 0 && i + 1 < argc) count = (size_t)strtoull(argv[++i], NULL, 10);
        else if (strcmp(a, "--seed") == 0 && i + 1 < argc) seed = strtoull(argv[++i], NULL, 0);
        else if (strcmp(a, "--ratio") == 0 && i + 1 < argc) ratio = atof(argv[++i]);
        else if (strcmp(a, "--floor-ms") == 0 && i + 1 < argc) floor_ms = atof(argv[++i]);
        else if (strcmp(a, "--save") == 0 && i + 1 < argc) save_dir = argv[++i];
        else if (strcmp(a, "--replay") == 0 && i + 1 < argc) {
            if (sscanf(argv[++i], "%ld:%ld", &replay_f, &replay_m) != 2) usage();
            verbose = true;
        } else if (strcmp(a, "-v") == 0) verbose = true;
        else if (strcmp(a, "--script") == 0) goal = PS_GOAL_SCRIPT;
        else if (strcmp(a, "--module") == 0) goal = PS_GOAL_MODULE;
        else if (a[0] == '-') usage();
        else {
            Input in = {.path = a, .goal = goal};
            if (ps_source_read_file(a, &in.src, &in.len) != OCH_OK) {
                fprintf(stderr, "tool_mutate: cannot read %s: %s\n", a, strerror(errno));
                return 2;
            }
            och_vec_push(&inputs, in);
        }
    }
    if (!inputs.len) usage();

#ifdef HAVE_ASAN
    __asan_set_death_callback(on_death);
#else
    signal(SIGSEGV, on_signal);
    signal(SIGBUS, on_signal);
    signal(SIGABRT, on_signal);
#endif
    signal(SIGALRM, on_signal);

    // Baseline: time per byte of each unmutated file (best of three).
    for (uint32_t f = 0; f < inputs.len; f++) {
        Input *in = &inputs.items[f];
        PsOptions opts;
        ps_options_default(&opts);
        opts.goal = in->goal;
        opts.tolerant = true;
        double best = 0;
        for (int r = 0; r < 3; r++) {
            double t = time_parse(in->src, in->len, &opts);
            if (r == 0 || t < best) best = t;
        }
        in->ns_per_byte = best / (double)(in->len ? in->len : 1);
        if (verbose)
            printf("baseline %s: %.1f ns/byte (%.1f MB/s)\n", in->path, in->ns_per_byte,
                   1e3 / in->ns_per_byte);
    }

    Bytes buf = {0};
    size_t failures = 0, total_bytes = 0, done = 0, most_diags = 0, most_diags_len = 0, saved = 0;
    double worst_ratio = 0;
    char worst[512] = "";
    size_t per_file = (count + inputs.len - 1) / inputs.len;
    for (uint32_t f = 0; f < inputs.len && done < count; f++) {
        Input *in = &inputs.items[f];
        for (size_t m = 0; m < per_file && done < count; m++, done++) {
            if (replay_f >= 0 && (replay_f != (long)f || replay_m != (long)m)) continue;
            uint64_t rng = seed ^ ((uint64_t)f << 40) ^ (m * 0x100000001B3ull);
            rng_next(&rng);
            // The window: the whole file for the first two, else 256 B - 64 KiB.
            size_t start = 0, wlen = in->len;
            if (m >= 2 && in->len > 256) {
                wlen = 256 + rng_below(&rng, 65536 - 256);
                if (wlen > in->len) wlen = in->len;
                start = rng_below(&rng, in->len - wlen + 1);
            }
            buf.len = 0;
            bytes_reserve(&buf, wlen);
            memcpy(buf.data, in->src + start, wlen);
            buf.len = wlen;
            char desc[256] = "";
            size_t nmut = 1 + rng_below(&rng, 3);
            for (size_t k = 0; k < nmut; k++) mutate_once(&buf, &rng, desc, sizeof desc);
            memset(buf.data + buf.len, 0, PS_SOURCE_PADDING);
            snprintf(current, sizeof current, "%s window [%zu,+%zu) mutation #%zu: %s", in->path,
                     start, wlen, m, desc);
            current_input = &buf;
            total_bytes += buf.len;

            PsOptions opts;
            ps_options_default(&opts);
            opts.goal = in->goal;
            opts.tolerant = true;
            alarm((unsigned)(ratio * in->ns_per_byte * (double)buf.len * 50 / 1e9) + 10);

            double t0 = now_ns();
            PsParse *tol = ps_parse(buf.data, buf.len, &opts);
            double t = now_ns() - t0;
            // Making a diagnostic (formatting its message) costs far more than
            // a byte of code, and inputs like `({{{{...` have one per byte:
            // each counts as DIAG_BYTES bytes of input.
            size_t ndiags = tol->diags.v.len;
            double work = (double)buf.len + DIAG_BYTES * (double)ndiags;
            double limit = ratio * in->ns_per_byte * work + floor_ms * 1e6;
            if (ndiags > most_diags) {
                most_diags = ndiags;
                most_diags_len = buf.len;
            }
            char what[320];
            const char *problem = check_tree(tol, (uint32_t)buf.len);
            if (problem) {
                snprintf(what, sizeof what, "tolerant mode: %s", problem);
                problem = what;
            }
            bool tol_bad = ps_parse_has_errors(tol);
            ps_parse_free(tol);

            opts.tolerant = false;
            PsParse *st = ps_parse(buf.data, buf.len, &opts);
            if (!problem && (problem = check_tree(st, (uint32_t)buf.len))) {
                snprintf(what, sizeof what, "strict mode: %s", problem);
                problem = what;
            }
            if (!problem && count_errors(st) > 1) problem = "strict mode reported several errors";
            if (!problem && ps_parse_has_errors(st) != tol_bad)
                problem = tol_bad ? "tolerant mode reports errors, strict mode none"
                                  : "strict mode reports an error, tolerant mode none";
            ps_parse_free(st);

            // Linear time: retry a slow one (noise) before failing it.
            opts.tolerant = true;
            for (int r = 0; r < 5 && t > limit; r++) {
                double t2 = time_parse(buf.data, buf.len, &opts);
                if (t2 < t) t = t2;
            }
            alarm(0);
            // Timing of small inputs is mostly noise; the figure reported is
            // for inputs of 32 KiB and more.
            double ratio_here = t / (in->ns_per_byte * work);
            for (int r = 0; r < 2 && buf.len >= 32768 && ratio_here > worst_ratio; r++) {
                double t2 = time_parse(buf.data, buf.len, &opts);  // a new maximum: noise?
                if (t2 < t) t = t2;
                ratio_here = t / (in->ns_per_byte * work);
            }
            if (buf.len >= 32768 && ratio_here > worst_ratio) {
                worst_ratio = ratio_here;
                snprintf(worst, sizeof worst, "%s", current);
            }
            if (!problem && t > limit) problem = "parse time not linear";
            if (problem) {
                // Print and save the first of each kind of problem (the text
                // before the node details) and the first few; count the rest.
                bool first_of_kind = tally_problem(problem);
                if (failures++ < MAX_REPORTED / 3 || first_of_kind || verbose) {
                    printf("FAIL %s: %s (%zu bytes, %.2f ms, limit %.2f ms)\n", current, problem,
                           buf.len, t / 1e6, limit / 1e6);
                    fflush(stdout);
                    char name[64];
                    snprintf(name, sizeof name, "mutate-fail-%u-%zu", f, m);
                    if (saved++ < MAX_REPORTED) save_input(name, &buf);
                }
            } else if (verbose) {
                printf("ok %s (%zu bytes, %.3f ms)\n", current, buf.len, t / 1e6);
                if (replay_f >= 0) save_input("mutate-replay", &buf);
            }
        }
    }
    current_input = NULL;
    printf("mutate: %zu inputs (%.1f MB) from %u files, tolerant + strict; slowest per byte "
           "(inputs >= 32 KiB): %.1fx the unmutated file (limit %.0fx + %.0f ms)\n",
           done, (double)total_bytes / 1e6, inputs.len, worst_ratio, ratio, floor_ms);
    if (verbose && worst[0]) printf("  slowest: %s\n", worst);
    printf("  most diagnostics for one input: %zu (%zu bytes)\n", most_diags, most_diags_len);
    for (uint32_t i = 0; i < kinds.len; i++)
        printf("  %6zu x %s\n", kinds.items[i].count, kinds.items[i].what);
    printf("%zu failures\n", failures);
    och_free(buf.data);
    for (uint32_t f = 0; f < inputs.len; f++) och_free(inputs.items[f].src);
    och_vec_free(&inputs);
    och_vec_free(&kinds);
    return failures ? 1 : 0;
}
