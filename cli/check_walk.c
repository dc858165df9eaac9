// Directory walk and job planning (see check_walk.h).
#include "check_walk.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "check_gitignore.h"

// One .gitignore in effect: its patterns apply to paths below base.
typedef struct IgnoreLevel {
    ChkIgnoreList list;
    size_t base_len;  // length of the absolute base directory ("/" counts 0)
} IgnoreLevel;

typedef struct Walk {
    ChkPlan *plan;
    OCH_VEC(IgnoreLevel) levels;  // shallowest first
} Walk;

void chk_plan_init(ChkPlan *self, ChkConfigFinder *configs, const char *cwd) {
    memset(self, 0, sizeof *self);
    self->configs = configs;
    chk_pkgtypes_init(&self->pkgtypes);
    self->cwd = och_strndup(cwd, strlen(cwd));
}

void chk_plan_free(ChkPlan *self) {
    for (uint32_t i = 0; i < self->jobs.len; i++) {
        och_free(self->jobs.items[i].path);
        och_free(self->jobs.items[i].problem_message);
    }
    och_vec_free(&self->jobs);
    chk_pkgtypes_free(&self->pkgtypes);
    och_free(self->cwd);
    och_buf_free(&self->notes);
    memset(self, 0, sizeof *self);
}

bool chk_is_js_name(const char *name) {
    const char *dot = strrchr(name, '.');
    if (!dot || dot == name) return false;
    return strcmp(dot, ".js") == 0 || strcmp(dot, ".mjs") == 0 || strcmp(dot, ".cjs") == 0 ||
           strcmp(dot, ".jsx") == 0;
}

// Adds a job for a file shown as `path`, living in the absolute directory
// abs_dir (owned by the caller), under configuration cfg.
static void add_job(ChkPlan *self, char *path, const char *abs_dir, const ChkConfig *cfg, bool is_stdin,
                    uint64_t size) {
    ChkJob job;
    memset(&job, 0, sizeof job);
    job.path = path;
    job.size = size;
    job.is_stdin = is_stdin;
    job.config = cfg;
    const char *name = chk_path_basename(path);
    if (chk_has_suffix(name, ".mjs")) job.goal = PS_GOAL_MODULE;
    else if (chk_has_suffix(name, ".cjs")) job.goal = PS_GOAL_SCRIPT;
    else if (cfg && cfg->source_type >= 0) job.goal = (PsGoal)cfg->source_type;
    else job.goal = chk_pkgtypes_goal(&self->pkgtypes, abs_dir);
    job.jsx = chk_has_suffix(name, ".jsx") || (cfg && cfg->jsx == 1);
    och_vec_push(&self->jobs, job);
}

static void add_problem(ChkPlan *self, const char *path, const char *code, const char *what, int err) {
    ChkJob job;
    memset(&job, 0, sizeof job);
    job.path = och_strndup(path, strlen(path));
    job.problem_code = code;
    OchBuf b = {0};
    och_buf_printf(&b, "%s: %s", what, strerror(err));
    job.problem_message = och_buf_take(&b);
    och_vec_push(&self->jobs, job);
}

// --- gitignore levels ---------------------------------------------------------

// Pushes the patterns of file (if it exists and has any) as a level based at
// abs_dir. Returns true when a level was pushed.
static bool push_ignore_file(Walk *w, const char *abs_dir, const char *file) {
    char *text;
    size_t len;
    if (ps_source_read_file(file, &text, &len) != OCH_OK) return false;  // none, or unreadable
    IgnoreLevel lv;
    chk_ignore_init(&lv.list);
    chk_ignore_add_text(&lv.list, text, len);
    och_free(text);
    if (!lv.list.v.len) {
        chk_ignore_free(&lv.list);
        return false;
    }
    lv.base_len = strcmp(abs_dir, "/") == 0 ? 0 : strlen(abs_dir);
    och_vec_push(&w->levels, lv);
    return true;
}

static void pop_level(Walk *w) {
    chk_ignore_free(&w->levels.items[--w->levels.len].list);
}

static bool exists(const char *path) {
    struct stat st;
    return lstat(path, &st) == 0;
}

// When abs_root lies inside a git work tree: the levels of .git/info/exclude
// and of the .gitignore files from the repository root down to abs_root's
// parent (abs_root's own is read when the walk enters it).
static void push_ancestor_levels(Walk *w, const char *abs_root) {
    char *dir = och_strndup(abs_root, strlen(abs_root));
    char *top = NULL;
    for (;;) {
        char *git = chk_path_join(dir, ".git");
        bool found = exists(git);
        och_free(git);
        if (found) {
            top = dir;
            break;
        }
        if (strcmp(dir, "/") == 0) break;
        char *parent = chk_path_dirname(dir);
        och_free(dir);
        dir = parent;
    }
    if (!top) {
        och_free(dir);
        return;
    }
    char *exclude = chk_path_join(top, ".git/info/exclude");
    push_ignore_file(w, top, exclude);
    och_free(exclude);
    // Directories from the top down to abs_root, excluding abs_root.
    size_t n = strlen(abs_root), i = strlen(top);
    char *cur = och_malloc(n + 1);
    for (;;) {
        if (i >= n) break;  // abs_root is the top itself
        memcpy(cur, abs_root, i);
        cur[i] = 0;
        if (i == 0) cur[0] = '/', cur[1] = 0;
        char *file = chk_path_join(cur, ".gitignore");
        push_ignore_file(w, cur, file);
        och_free(file);
        // Next component.
        size_t j = i + 1;
        while (j < n && abs_root[j] != '/') j++;
        i = j;
    }
    och_free(cur);
    och_free(top);
}

// The gitignore verdict for an absolute path: the deepest level that has an
// opinion decides.
static bool git_ignored(const Walk *w, const char *abs_path, bool is_dir) {
    for (uint32_t i = w->levels.len; i-- > 0;) {
        const IgnoreLevel *lv = &w->levels.items[i];
        const char *rel = abs_path + lv->base_len;
        if (*rel != '/') continue;  // not below this level's base
        ChkIgnoreVerdict v = chk_ignore_match(&lv->list, rel + 1, is_dir);
        if (v != CHK_IGNORE_NONE) return v == CHK_IGNORE_EXCLUDE;
    }
    return false;
}

// --- walk ---------------------------------------------------------------------

typedef struct Entry {
    char *name;
    unsigned char type;  // d_type: DT_REG, DT_DIR, DT_LNK, DT_UNKNOWN...
} Entry;

static int cmp_entry(const void *a, const void *b) {
    return strcmp(((const Entry *)a)->name, ((const Entry *)b)->name);
}

// Classifies a directory entry, with a stat only when readdir's d_type does
// not tell (symbolic links, file systems without d_type). Returns 0, or the
// errno of a failed stat (a dangling link).
static int classify(const Entry *e, const char *abs, bool *is_dir, bool *is_file) {
    *is_dir = e->type == DT_DIR;
    *is_file = e->type == DT_REG;
    if (e->type != DT_LNK && e->type != DT_UNKNOWN) return 0;
    struct stat st;
    if (lstat(abs, &st) != 0) return errno;
    *is_dir = S_ISDIR(st.st_mode);
    *is_file = S_ISREG(st.st_mode);
    // A symbolic link to a file is checked; to a directory, not entered.
    if (S_ISLNK(st.st_mode)) {
        if (stat(abs, &st) != 0) return errno;
        *is_file = S_ISREG(st.st_mode);
    }
    return 0;
}

static void walk_dir(Walk *w, const char *path, const char *abs) {
    ChkPlan *plan = w->plan;
    DIR *d = opendir(path);
    if (!d) {
        add_problem(plan, path, CHK_CODE_DIR_ERROR, "cannot list the directory", errno);
        return;
    }
    char *gi = chk_path_join(abs, ".gitignore");
    bool pushed = push_ignore_file(w, abs, gi);
    och_free(gi);
    const ChkConfig *cfg = chk_config_for_dir(plan->configs, abs);

    // Names first, sorted: the walk order then does not depend on the
    // file system (jobs are sorted again at the end anyway).
    OCH_VEC(Entry) entries = {0};
    for (;;) {
        errno = 0;
        struct dirent *e = readdir(d);
        if (!e) break;
        const char *name = e->d_name;
        if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0) continue;
        och_vec_push(&entries, ((Entry){och_strndup(name, strlen(name)), e->d_type}));
    }
    if (errno) add_problem(plan, path, CHK_CODE_DIR_ERROR, "cannot list the whole directory", errno);
    if (entries.len > 1) qsort(entries.items, entries.len, sizeof *entries.items, cmp_entry);

    for (uint32_t i = 0; i < entries.len; i++) {
        const char *name = entries.items[i].name;
        // Only directories and JavaScript names matter: skip the rest unseen.
        if (entries.items[i].type != DT_DIR && entries.items[i].type != DT_LNK &&
            entries.items[i].type != DT_UNKNOWN && !chk_is_js_name(name))
            continue;
        char *child_abs = chk_path_join(abs, name);
        bool is_dir, is_file;
        int stat_errno = classify(&entries.items[i], child_abs, &is_dir, &is_file);
        if (stat_errno && chk_is_js_name(name) && !git_ignored(w, child_abs, false) &&
            !chk_config_ignores(cfg, child_abs, false)) {
            // A dangling link (or a file gone meanwhile) that looks like
            // JavaScript is reported, not skipped in silence.
            char *child = chk_path_join(path, name);
            add_problem(plan, child, CHK_CODE_READ_ERROR, "cannot read the file", stat_errno);
            och_free(child);
            och_free(child_abs);
            continue;
        }
        bool wanted = is_dir ? strcmp(name, "node_modules") != 0 && strcmp(name, ".git") != 0
                             : is_file && chk_is_js_name(name);
        if (wanted && !git_ignored(w, child_abs, is_dir) && !chk_config_ignores(cfg, child_abs, is_dir)) {
            char *child = chk_path_join(path, name);
            if (is_dir) {
                walk_dir(w, child, child_abs);
                och_free(child);
            } else {
                // The size lets the checks start with the largest files.
                struct stat st;
                uint64_t size = fstatat(dirfd(d), name, &st, 0) == 0 ? (uint64_t)st.st_size : 0;
                add_job(plan, child, abs, cfg, false, size);
            }
        }
        och_free(child_abs);
    }
    closedir(d);
    for (uint32_t i = 0; i < entries.len; i++) och_free(entries.items[i].name);
    och_vec_free(&entries);
    if (pushed) pop_level(w);
}

void chk_plan_add_path(ChkPlan *self, const char *arg) {
    char *path = chk_path_normalize(arg);
    char *abs = chk_path_absolute(path, self->cwd);
    struct stat st;
    if (stat(path, &st) != 0) {
        och_buf_printf(&self->notes, "ochre check: cannot access '%s': %s\n", arg, strerror(errno));
        self->bad_path = true;
    } else if (S_ISDIR(st.st_mode)) {
        Walk w = {.plan = self};
        push_ancestor_levels(&w, abs);
        walk_dir(&w, path, abs);
        while (w.levels.len) pop_level(&w);
        och_vec_free(&w.levels);
    } else {
        char *dir = chk_path_dirname(abs);
        const ChkConfig *cfg = chk_config_for_dir(self->configs, dir);
        if (chk_config_ignores(cfg, abs, false)) {
            och_buf_printf(&self->notes, "ochre check: %s: skipped: ignored by %s\n", path, cfg->path);
        } else {
            add_job(self, path, dir, cfg, false, (uint64_t)st.st_size);
            path = NULL;  // the job owns it
        }
        och_free(dir);
    }
    och_free(path);
    och_free(abs);
}

void chk_plan_add_stdin(ChkPlan *self, const char *filename) {
    char *path = filename ? chk_path_normalize(filename) : och_strndup("<stdin>", 7);
    char *abs = chk_path_absolute(path, self->cwd);
    char *dir = chk_path_dirname(abs);
    const ChkConfig *cfg = chk_config_for_dir(self->configs, dir);
    add_job(self, path, dir, cfg, true, 0);
    och_free(dir);
    och_free(abs);
}

static int cmp_job(const void *a, const void *b) {
    const ChkJob *x = a, *y = b;
    int c = strcmp(x->path, y->path);
    if (c) return c;
    return (int)x->is_stdin - (int)y->is_stdin;
}

void chk_plan_finish(ChkPlan *self) {
    if (self->jobs.len > 1) qsort(self->jobs.items, self->jobs.len, sizeof *self->jobs.items, cmp_job);
    uint32_t k = 0;
    for (uint32_t i = 0; i < self->jobs.len; i++) {
        ChkJob *j = &self->jobs.items[i];
        if (k && cmp_job(&self->jobs.items[k - 1], j) == 0) {
            och_free(j->path);
            och_free(j->problem_message);
            continue;
        }
        self->jobs.items[k++] = *j;
    }
    self->jobs.len = k;
}

typedef struct FileId {
    dev_t dev;
    ino_t ino;
    uint32_t job;  // index of the first job reaching the file
} FileId;

static int cmp_file_id(const void *a, const void *b) {
    const FileId *x = a, *y = b;
    if (x->dev != y->dev) return x->dev < y->dev ? -1 : 1;
    if (x->ino != y->ino) return x->ino < y->ino ? -1 : 1;
    return x->job < y->job ? -1 : x->job > y->job;
}

void chk_plan_drop_aliases(ChkPlan *self) {
    OCH_VEC(FileId) ids = {0};
    for (uint32_t i = 0; i < self->jobs.len; i++) {
        const ChkJob *j = &self->jobs.items[i];
        struct stat st;
        if (j->is_stdin || j->problem_code || stat(j->path, &st) != 0 || !S_ISREG(st.st_mode)) continue;
        och_vec_push(&ids, ((FileId){st.st_dev, st.st_ino, i}));
    }
    if (ids.len < 2) {
        och_vec_free(&ids);
        return;
    }
    qsort(ids.items, ids.len, sizeof *ids.items, cmp_file_id);
    uint8_t *drop = och_calloc(self->jobs.len, 1);
    for (uint32_t k = 1; k < ids.len; k++) {
        const FileId *a = &ids.items[k - 1], *b = &ids.items[k];
        if (a->dev != b->dev || a->ino != b->ino) continue;
        // Sorted by job within one file: b's first job is the run's first.
        uint32_t first = k;
        while (first > 0 && ids.items[first - 1].dev == b->dev && ids.items[first - 1].ino == b->ino) first--;
        drop[b->job] = 1;
        och_buf_printf(&self->notes, "ochre check: %s: skipped: the same file as %s (fixed once)\n",
                       self->jobs.items[b->job].path, self->jobs.items[ids.items[first].job].path);
    }
    uint32_t n = 0;
    for (uint32_t i = 0; i < self->jobs.len; i++) {
        ChkJob *j = &self->jobs.items[i];
        if (drop[i]) {
            och_free(j->path);
            och_free(j->problem_message);
            continue;
        }
        self->jobs.items[n++] = *j;
    }
    self->jobs.len = n;
    och_free(drop);
    och_vec_free(&ids);
}
