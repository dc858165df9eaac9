// ochre.json loading, validation and discovery (see check_config.h).
#include "check_config.h"

#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check_rules.h"
#include "parser.h"

// The environments of AnOptions.env (analyzer.h).
static const char *const env_names[] = {
    "builtin", "es5",    "es2015", "es2016", "es2017", "es2018",   "es2019",   "es2020",
    "es2021",  "es2022", "es2023", "es2024", "es2025", "browser", "node",     "worker",
    "commonjs", "shared-node-browser",
};
#define NENV (sizeof env_names / sizeof env_names[0])

bool chk_env_known(const char *name) {
    for (size_t i = 0; i < NENV; i++)
        if (strcmp(env_names[i], name) == 0) return true;
    return false;
}

// --- validation context -------------------------------------------------------

typedef struct Ctx {
    OchBuf *errors;
    const char *file;
    OchBuf path;  // JSON path of the value being validated ("rules.no-undef")
    bool bad;
} Ctx;

static void problem(Ctx *c, const char *fmt, ...) OCH_PRINTF(2, 3);
static void problem(Ctx *c, const char *fmt, ...) {
    c->bad = true;
    och_buf_printf(c->errors, "%s: %s: ", c->file, c->path.len ? c->path.data : "(top level)");
    va_list ap;
    va_start(ap, fmt);
    och_buf_vprintf(c->errors, fmt, ap);
    va_end(ap);
    och_buf_putc(c->errors, '\n');
}

// Keys that would make a dotted path ambiguous are shown as ["key"].
static size_t path_push_key(Ctx *c, const char *key) {
    size_t mark = c->path.len;
    bool plain = key[0] != 0 && strcspn(key, ".[]\" \t\n") == strlen(key);
    if (plain) {
        if (c->path.len) och_buf_putc(&c->path, '.');
        och_buf_puts(&c->path, key);
    } else {
        och_buf_puts(&c->path, "[\"");
        och_buf_puts(&c->path, key);
        och_buf_puts(&c->path, "\"]");
    }
    return mark;
}

static size_t path_push_index(Ctx *c, size_t i) {
    size_t mark = c->path.len;
    och_buf_printf(&c->path, "[%zu]", i);
    return mark;
}

static void path_pop(Ctx *c, size_t mark) {
    c->path.len = mark;
    if (c->path.data) c->path.data[mark] = 0;
}

static const char *type_name(const json_t *v) {
    switch (json_typeof(v)) {
    case JSON_OBJECT: return "an object";
    case JSON_ARRAY: return "an array";
    case JSON_STRING: return "a string";
    case JSON_INTEGER:
    case JSON_REAL: return "a number";
    case JSON_TRUE:
    case JSON_FALSE: return "a boolean";
    default: return "null";
    }
}

// Edit distance, for "did you mean" hints on short names.
static size_t distance(const char *a, const char *b) {
    size_t n = strlen(a), m = strlen(b);
    if (n > 64 || m > 64) return 99;
    size_t row[65];
    for (size_t j = 0; j <= m; j++) row[j] = j;
    for (size_t i = 1; i <= n; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= m; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best) best = up + 1;
            if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[m];
}

// The closest candidate within a small distance, or NULL.
static const char *suggest(const char *name, const char *const *candidates, size_t n) {
    const char *best = NULL;
    size_t best_d = 3;
    for (size_t i = 0; i < n; i++) {
        size_t d = distance(name, candidates[i]);
        if (d < best_d && d < strlen(name)) best = candidates[i], best_d = d;
    }
    return best;
}

static const char *suggest_rule(const char *name) {
    const char *best = NULL;
    size_t best_d = 3;
    for (uint32_t i = 0; i < chk_rule_count(); i++) {
        size_t d = distance(name, chk_rule_at(i)->id);
        if (d < best_d && d < strlen(name)) best = chk_rule_at(i)->id, best_d = d;
    }
    return best;
}

// --- sections -----------------------------------------------------------------

static void add_env(ChkConfig *cfg, const char *name) {
    for (uint32_t i = 0; i < cfg->env.len; i++)
        if (strcmp(cfg->env.items[i], name) == 0) return;
    och_vec_push(&cfg->env, och_strndup(name, strlen(name)));
}

static void remove_env(ChkConfig *cfg, const char *name) {
    for (uint32_t i = 0; i < cfg->env.len; i++) {
        if (strcmp(cfg->env.items[i], name) != 0) continue;
        och_free(cfg->env.items[i]);
        memmove(&cfg->env.items[i], &cfg->env.items[i + 1], (cfg->env.len - i - 1) * sizeof(char *));
        cfg->env.len--;
        return;
    }
}

static bool check_env_name(Ctx *c, const char *name) {
    if (chk_env_known(name)) return true;
    const char *hint = suggest(name, env_names, NENV);
    if (hint) problem(c, "unknown environment \"%s\" (did you mean \"%s\"?)", name, hint);
    else problem(c, "unknown environment \"%s\"", name);
    return false;
}

static void parse_env(Ctx *c, ChkConfig *cfg, json_t *v) {
    if (json_is_array(v)) {
        size_t i;
        json_t *item;
        json_array_foreach(v, i, item) {
            size_t mark = path_push_index(c, i);
            if (!json_is_string(item)) problem(c, "expected an environment name, got %s", type_name(item));
            else if (check_env_name(c, json_string_value(item))) add_env(cfg, json_string_value(item));
            path_pop(c, mark);
        }
    } else if (json_is_object(v)) {
        const char *key;
        json_t *item;
        json_object_foreach(v, key, item) {
            size_t mark = path_push_key(c, key);
            if (!json_is_boolean(item)) problem(c, "expected true or false, got %s", type_name(item));
            else if (check_env_name(c, key)) {
                if (json_is_true(item)) add_env(cfg, key);
                else remove_env(cfg, key);
            }
            path_pop(c, mark);
        }
    } else {
        problem(c, "expected an array of environment names or an object, got %s", type_name(v));
    }
}

static void parse_globals(Ctx *c, ChkConfig *cfg, json_t *v) {
    if (!json_is_object(v)) {
        problem(c, "expected an object mapping names to \"readonly\", \"writable\" or \"off\", got %s",
                type_name(v));
        return;
    }
    const char *key;
    json_t *item;
    json_object_foreach(v, key, item) {
        size_t mark = path_push_key(c, key);
        ChkGlobalMode mode = CHK_GLOBAL_READONLY;
        bool ok = true;
        const char *s = json_string_value(item);
        if (json_is_boolean(item)) mode = json_is_true(item) ? CHK_GLOBAL_WRITABLE : CHK_GLOBAL_READONLY;
        else if (s && strcmp(s, "readonly") == 0) mode = CHK_GLOBAL_READONLY;
        else if (s && strcmp(s, "writable") == 0) mode = CHK_GLOBAL_WRITABLE;
        else if (s && strcmp(s, "off") == 0) mode = CHK_GLOBAL_OFF;
        else ok = false;
        if (!ok) problem(c, "expected \"readonly\", \"writable\" or \"off\"");
        else if (!key[0]) problem(c, "a global needs a name");
        else och_vec_push(&cfg->globals, ((ChkGlobal){och_strndup(key, strlen(key)), mode}));
        path_pop(c, mark);
    }
}

static ChkRuleLevel rule_level(const json_t *v) {
    const char *s = json_string_value(v);
    if (!s) return CHK_RULE_UNSET;
    if (strcmp(s, "off") == 0) return CHK_RULE_OFF;
    if (strcmp(s, "warn") == 0) return CHK_RULE_WARN;
    if (strcmp(s, "error") == 0) return CHK_RULE_ERROR;
    return CHK_RULE_UNSET;
}

static int cmp_rule(const void *a, const void *b) {
    return strcmp(((const ChkRuleSetting *)a)->id, ((const ChkRuleSetting *)b)->id);
}

// Validates the options of an implemented rule with the analyzer (which
// would otherwise run the rule at its defaults, silently). A rule ESLint
// has and ochre does not implement yet keeps its options unchecked: there
// is nothing to check them against. The problem is reported at
// rules.ID[1] when there is one option (the usual case), else at rules.ID.
static bool check_options(Ctx *c, const char *id, const char *options, size_t count) {
    OchDiagCode code = an_rule_find(id);
    if (code == OCH_DIAG_COUNT) return true;
    OchBuf err = {0};
    bool ok = an_rule_options_check(code, options, &err);
    if (!ok) {
        // The analyzer's line reads "ID: message\n"; the path already names the rule.
        const char *msg = err.data ? err.data : "invalid options";
        size_t idlen = strlen(id);
        if (strncmp(msg, id, idlen) == 0 && msg[idlen] == ':' && msg[idlen + 1] == ' ') msg += idlen + 2;
        size_t n = strcspn(msg, "\n");
        size_t mark = count == 1 ? path_push_index(c, 1) : c->path.len;
        problem(c, "invalid options: %.*s", (int)n, msg);
        path_pop(c, mark);
    }
    och_buf_free(&err);
    return ok;
}

static void parse_rules(Ctx *c, ChkConfig *cfg, json_t *v) {
    if (!json_is_object(v)) {
        problem(c, "expected an object mapping rule ids to \"off\", \"warn\" or \"error\", got %s", type_name(v));
        return;
    }
    const char *key;
    json_t *item;
    json_object_foreach(v, key, item) {
        size_t mark = path_push_key(c, key);
        if (!chk_rule_find(key)) {
            const char *hint = suggest_rule(key);
            if (hint) problem(c, "unknown rule id \"%s\" (did you mean \"%s\"?)", key, hint);
            else problem(c, "unknown rule id \"%s\"", key);
            path_pop(c, mark);
            continue;
        }
        ChkRuleLevel level;
        char *options = NULL;
        if (json_is_array(item)) {
            size_t m2 = path_push_index(c, 0);
            level = json_array_size(item) ? rule_level(json_array_get(item, 0)) : CHK_RULE_UNSET;
            if (!json_array_size(item)) problem(c, "expected \"off\", \"warn\" or \"error\" (the array is empty)");
            else if (!level) problem(c, "expected \"off\", \"warn\" or \"error\"");
            path_pop(c, m2);
            if (level && json_array_size(item) > 1) {
                json_t *rest = json_array();
                for (size_t i = 1; i < json_array_size(item); i++) json_array_append(rest, json_array_get(item, i));
                char *text = json_dumps(rest, JSON_COMPACT | JSON_PRESERVE_ORDER);
                options = och_strndup(text, strlen(text));
                free(text);
                json_decref(rest);
            }
        } else {
            level = rule_level(item);
            if (!level) problem(c, "expected \"off\", \"warn\" or \"error\"");
        }
        if (level && options && !check_options(c, key, options, json_array_size(item) - 1)) level = CHK_RULE_UNSET;
        if (level) och_vec_push(&cfg->rules, ((ChkRuleSetting){och_strndup(key, strlen(key)), level, options}));
        else och_free(options);
        path_pop(c, mark);
    }
    if (cfg->rules.len) qsort(cfg->rules.items, cfg->rules.len, sizeof *cfg->rules.items, cmp_rule);
}

static void parse_ignore(Ctx *c, ChkConfig *cfg, json_t *v) {
    if (!json_is_array(v)) {
        problem(c, "expected an array of gitignore-style patterns, got %s", type_name(v));
        return;
    }
    size_t i;
    json_t *item;
    json_array_foreach(v, i, item) {
        size_t mark = path_push_index(c, i);
        const char *s = json_string_value(item);
        if (!s) problem(c, "expected a pattern (a string), got %s", type_name(item));
        else if (!chk_ignore_add_line(&cfg->ignore, s, json_string_length(item)))
            problem(c, "\"%s\" is not a pattern (empty, a comment or only slashes)", s);
        else if (memchr(s, '\n', json_string_length(item)))
            problem(c, "a pattern cannot contain a line break");
        path_pop(c, mark);
    }
}

static void validate(Ctx *c, ChkConfig *cfg, json_t *root) {
    if (!json_is_object(root)) {
        problem(c, "expected an object, got %s", type_name(root));
        return;
    }
    static const char *const keys[] = {"$schema", "env", "globals", "rules", "ignore", "jsx", "sourceType"};
    const char *key;
    json_t *v;
    json_object_foreach(root, key, v) {
        size_t mark = path_push_key(c, key);
        if (strcmp(key, "$schema") == 0) {
            if (!json_is_string(v)) problem(c, "expected a string, got %s", type_name(v));
        } else if (strcmp(key, "env") == 0) {
            parse_env(c, cfg, v);
        } else if (strcmp(key, "globals") == 0) {
            parse_globals(c, cfg, v);
        } else if (strcmp(key, "rules") == 0) {
            parse_rules(c, cfg, v);
        } else if (strcmp(key, "ignore") == 0) {
            parse_ignore(c, cfg, v);
        } else if (strcmp(key, "jsx") == 0) {
            if (!json_is_boolean(v)) problem(c, "expected true or false, got %s", type_name(v));
            else cfg->jsx = json_is_true(v);
        } else if (strcmp(key, "sourceType") == 0) {
            const char *s = json_string_value(v);
            if (s && strcmp(s, "module") == 0) cfg->source_type = PS_GOAL_MODULE;
            else if (s && strcmp(s, "script") == 0) cfg->source_type = PS_GOAL_SCRIPT;
            else problem(c, "expected \"module\" or \"script\"");
        } else {
            const char *hint = suggest(key, keys, sizeof keys / sizeof keys[0]);
            if (hint) problem(c, "unknown key (did you mean \"%s\"?)", hint);
            else problem(c, "unknown key (known: env, globals, rules, ignore, jsx, sourceType)");
        }
        path_pop(c, mark);
    }
}

// --- analyzer options ---------------------------------------------------------

// Fills cfg->an_*: done once per configuration, so that each file only
// copies pointers.
static void prepare_analyzer_options(ChkConfig *cfg) {
    for (uint32_t i = 0; i < cfg->rules.len; i++) {
        const ChkRuleSetting *set = &cfg->rules.items[i];
        for (uint32_t r = 0; r < AN_RULE_COUNT; r++) {
            if (strcmp(och_diag_code_title(an_rule_code(r)), set->id) != 0) continue;
            cfg->an_rules[r].level = set->level == CHK_RULE_OFF    ? AN_LEVEL_OFF
                                     : set->level == CHK_RULE_WARN ? AN_LEVEL_WARN
                                                                   : AN_LEVEL_ERROR;
            cfg->an_rules[r].options = set->options;
            break;
        }
    }
    if (cfg->env.len) {
        cfg->an_env = och_malloc(cfg->env.len * sizeof *cfg->an_env);
        for (uint32_t i = 0; i < cfg->env.len; i++) cfg->an_env[i] = cfg->env.items[i];
    }
    if (cfg->globals.len) {
        cfg->an_globals = och_malloc(cfg->globals.len * sizeof *cfg->an_globals);
        for (uint32_t i = 0; i < cfg->globals.len; i++) {
            const ChkGlobal *g = &cfg->globals.items[i];
            cfg->an_globals[i].name = g->name;
            cfg->an_globals[i].mode = g->mode == CHK_GLOBAL_WRITABLE ? AN_GLOBAL_WRITABLE
                                      : g->mode == CHK_GLOBAL_OFF    ? AN_GLOBAL_OFF
                                                                     : AN_GLOBAL_READONLY;
        }
    }
}

void chk_config_analyzer_options(const ChkConfig *cfg, AnOptions *opts) {
    opts->lint = true;
    if (!cfg) return;
    opts->rules = cfg->an_rules;
    opts->env = cfg->an_env;
    opts->nenv = cfg->env.len;
    opts->globals = cfg->an_globals;
    opts->nglobals = cfg->globals.len;
}

// --- public -------------------------------------------------------------------

OchStatus chk_config_parse(const char *text, size_t len, const char *display_path, const char *dir,
                           ChkConfig **out, OchBuf *errors) {
    *out = NULL;
    json_error_t jerr;
    json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &jerr);
    if (!root) {
        och_buf_printf(errors, "%s:%d:%d: invalid JSON: %s\n", display_path, jerr.line, jerr.column, jerr.text);
        return OCH_ERR_INVALID;
    }
    ChkConfig *cfg = och_calloc(1, sizeof *cfg);
    cfg->path = och_strndup(display_path, strlen(display_path));
    cfg->dir = och_strndup(dir, strlen(dir));
    cfg->jsx = -1;
    cfg->source_type = -1;
    chk_ignore_init(&cfg->ignore);
    Ctx c = {.errors = errors, .file = display_path};
    validate(&c, cfg, root);
    och_buf_free(&c.path);
    json_decref(root);
    if (c.bad) {
        chk_config_free(cfg);
        return OCH_ERR_INVALID;
    }
    prepare_analyzer_options(cfg);
    *out = cfg;
    return OCH_OK;
}

OchStatus chk_config_load(const char *path, const char *display_path, ChkConfig **out, OchBuf *errors) {
    *out = NULL;
    char *text;
    size_t len;
    if (ps_source_read_file(path, &text, &len) != OCH_OK) {
        och_buf_printf(errors, "%s: cannot read: %s\n", display_path, strerror(errno));
        return OCH_ERR_IO;
    }
    char cwd[4096];
    char *abs = chk_path_absolute(path, getcwd(cwd, sizeof cwd) ? cwd : "/");
    char *dir = chk_path_dirname(abs);
    OchStatus st = chk_config_parse(text, len, display_path, dir, out, errors);
    och_free(dir);
    och_free(abs);
    och_free(text);
    return st;
}

void chk_config_free(ChkConfig *self) {
    if (!self) return;
    for (uint32_t i = 0; i < self->env.len; i++) och_free(self->env.items[i]);
    och_vec_free(&self->env);
    for (uint32_t i = 0; i < self->globals.len; i++) och_free(self->globals.items[i].name);
    och_vec_free(&self->globals);
    for (uint32_t i = 0; i < self->rules.len; i++) {
        och_free(self->rules.items[i].id);
        och_free(self->rules.items[i].options);
    }
    och_vec_free(&self->rules);
    chk_ignore_free(&self->ignore);
    och_free(self->an_env);
    och_free(self->an_globals);
    och_free(self->path);
    och_free(self->dir);
    och_free(self);
}

static int cmp_rule_key(const void *key, const void *elem) {
    return strcmp((const char *)key, ((const ChkRuleSetting *)elem)->id);
}

const ChkRuleSetting *chk_config_rule(const ChkConfig *self, const char *id) {
    if (!self || !self->rules.len) return NULL;
    return bsearch(id, self->rules.items, self->rules.len, sizeof *self->rules.items, cmp_rule_key);
}

bool chk_config_ignores(const ChkConfig *self, const char *abs_path, bool is_dir) {
    if (!self || !self->ignore.v.len) return false;
    const char *rel = chk_path_under(abs_path, self->dir);
    if (!rel || !*rel) return false;
    return chk_ignore_path_excluded(&self->ignore, rel, is_dir);
}

// --- discovery ----------------------------------------------------------------

void chk_config_finder_init(ChkConfigFinder *self, ChkConfig *forced, const char *cwd) {
    memset(self, 0, sizeof *self);
    chk_map_init(&self->dirs);
    self->forced = forced;
    self->cwd = och_strndup(cwd, strlen(cwd));
}

void chk_config_finder_free(ChkConfigFinder *self) {
    chk_map_free(&self->dirs, NULL);
    for (uint32_t i = 0; i < self->owned.len; i++) chk_config_free(self->owned.items[i]);
    och_vec_free(&self->owned);
    chk_config_free(self->forced);
    och_free(self->cwd);
    och_buf_free(&self->errors);
    memset(self, 0, sizeof *self);
}

const ChkConfig *chk_config_for_dir(ChkConfigFinder *self, const char *abs_dir) {
    if (self->forced) return self->forced;
    void *cached;
    if (chk_map_get(&self->dirs, abs_dir, &cached)) return cached;
    ChkConfig *found = NULL;
    char *file = chk_path_join(abs_dir, CHK_CONFIG_NAME);
    struct stat st;
    if (stat(file, &st) == 0 || (errno != ENOENT && errno != ENOTDIR)) {
        const char *rel = chk_path_under(file, self->cwd);
        ChkConfig *cfg = NULL;
        if (chk_config_load(file, rel ? rel : file, &cfg, &self->errors) == OCH_OK) {
            och_vec_push(&self->owned, cfg);
            found = cfg;
        } else {
            self->failed = true;
        }
    } else if (strcmp(abs_dir, "/") != 0) {
        char *parent = chk_path_dirname(abs_dir);
        found = (ChkConfig *)chk_config_for_dir(self, parent);
        och_free(parent);
    }
    och_free(file);
    chk_map_put(&self->dirs, abs_dir, found);
    return found;
}
