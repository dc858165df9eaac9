// run262: the engine's test262 runner (see run262_main.c for usage). This
// header is internal to the tool: test metadata, the lists it reads, the
// child-process runner and the verdict.
#ifndef OCHRE_TESTS_RUN262_H
#define OCHRE_TESTS_RUN262_H

#include <stdbool.h>
#include <stddef.h>

// Frontmatter flags (test262 INTERPRETING.md, "flags").
enum {
    T262_F_MODULE = 1,
    T262_F_ONLY_STRICT = 2,
    T262_F_NO_STRICT = 4,
    T262_F_RAW = 8,
    T262_F_ASYNC = 16,
    T262_F_CAN_BLOCK_FALSE = 32,
    T262_F_CAN_BLOCK_TRUE = 64,
    T262_F_NON_DETERMINISTIC = 128,
};

typedef enum T262Phase {
    T262_PHASE_NONE,  // a positive test
    T262_PHASE_PARSE,
    T262_PHASE_RESOLUTION,
    T262_PHASE_RUNTIME,
} T262Phase;

typedef struct T262StrList {
    char **items;  // malloc'd strings, owned by the list
    size_t len, cap;
} T262StrList;

// What the frontmatter of one test says.
typedef struct T262Meta {
    bool found;              // a /*--- ---*/ block exists
    unsigned flags;          // T262_F_*
    T262Phase phase;         // negative.phase
    char type[64];           // negative.type ("" for positives)
    T262StrList includes;    // harness files, in order
    T262StrList features;
} T262Meta;

// Parses the frontmatter of src (NUL-terminated). Never fails: a missing or
// odd block yields found = false or empty lists. Free with t262_meta_free.
void t262_meta_parse(const char *src, T262Meta *out);
void t262_meta_free(T262Meta *m);

// The flag name of one T262_F_* bit ("module", "CanBlockIsFalse"...).
const char *t262_flag_name(unsigned flag);

void t262_list_push(T262StrList *l, const char *s, size_t n);
void t262_list_free(T262StrList *l);

// A list file: `KEY  # reason` lines, '#' comments and blank lines skipped.
// Keys and reasons are kept in file order. Exits the process when the file
// exists but cannot be read; a missing file is an empty list when
// optional, else an error.
typedef struct T262Entry {
    char *key;
    char *reason;  // "" when absent
    bool used;
} T262Entry;

typedef struct T262Entries {
    T262Entry *items;
    size_t len, cap;
} T262Entries;

void t262_entries_load(const char *path, bool optional, T262Entries *out);
// Sorts by key for t262_entries_find (binary search).
void t262_entries_sort(T262Entries *e);
T262Entry *t262_entries_find(const T262Entries *e, const char *key);
void t262_entries_free(T262Entries *e);

// The outcome of one child process.
typedef struct T262Exec {
    int exit_code;      // exit status, or -1 when killed by a signal
    int signal;         // the signal, or 0
    bool timed_out;     // killed after the time limit
    bool spawn_failed;  // the command could not be started
    char *out, *err;    // captured stdout/stderr, NUL-terminated, at most
                        // T262_CAPTURE bytes each (malloc'd)
    double seconds;
} T262Exec;

#define T262_CAPTURE (32 * 1024)

// Runs argv (argv[0] looked up in PATH) with stdin from /dev/null and
// collects its output; kills it after timeout_s seconds. Thread-safe.
void t262_exec(char *const argv[], double timeout_s, T262Exec *res);
void t262_exec_free(T262Exec *res);

// Judges one variant of a test from its child's outcome: NULL when it
// passed, else a malloc'd one-line reason.
char *t262_judge(const T262Meta *m, const T262Exec *r);

void *t262_xmalloc(size_t n);
char *t262_xstrndup(const char *s, size_t n);
char *t262_xprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
