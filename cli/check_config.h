// ochre.json: the configuration of `ochre check` (and later of the language
// server, which will reuse this API unchanged once it moves to a shared
// place).
//
//   {
//     "$schema": "...",                          optional, any string
//     "env": ["browser", "es2025"],              or {"browser": true, ...}
//     "globals": {"jQuery": "readonly"},         "readonly" | "writable" | "off"
//                                                (true = writable, false = readonly)
//     "rules": {"no-undef": "error",             "off" | "warn" | "error"
//               "no-unused-vars": ["warn", {"args": "none"}]},
//     "ignore": ["dist/", "**/*.min.js"],        gitignore patterns, relative to
//                                                the directory of ochre.json
//     "jsx": true,                               JSX in every file
//     "sourceType": "module"                     "module" | "script": goal of
//                                                .js/.jsx files and stdin
//   }
//
// Validation is strict: an unknown key, a value of the wrong type, an unknown
// environment or rule id is an error naming the file and the JSON path
// (`ochre.json: rules.no-undef: expected "off", "warn" or "error"`); nothing
// is silently ignored. Rule ids are ESLint's (check_rules.h); rule options are
// kept as JSON text for the analyzer to validate.
//
// Discovery: the configuration of a file is the nearest ochre.json in its
// directory or a parent directory (nearest wins; configurations are not
// merged), unless one file is forced (`--config FILE`).
#ifndef OCHRE_CLI_CHECK_CONFIG_H
#define OCHRE_CLI_CHECK_CONFIG_H

#include "analyzer.h"
#include "base.h"
#include "check_gitignore.h"
#include "check_util.h"

#define CHK_CONFIG_NAME "ochre.json"

typedef enum ChkRuleLevel {
    CHK_RULE_UNSET = 0,  // not configured: the rule's default applies
    CHK_RULE_OFF,
    CHK_RULE_WARN,
    CHK_RULE_ERROR,
} ChkRuleLevel;

typedef enum ChkGlobalMode {
    CHK_GLOBAL_READONLY,
    CHK_GLOBAL_WRITABLE,
    CHK_GLOBAL_OFF,  // not a global even if an environment defines it
} ChkGlobalMode;

typedef struct ChkRuleSetting {
    char *id;            // owned
    ChkRuleLevel level;  // never CHK_RULE_UNSET
    char *options;       // owned JSON array of the options after the level, or NULL
} ChkRuleSetting;

typedef struct ChkGlobal {
    char *name;  // owned
    ChkGlobalMode mode;
} ChkGlobal;

typedef struct ChkConfig {
    char *path;                     // the file, as shown in messages (owned)
    char *dir;                      // absolute directory `ignore` is relative to (owned)
    OCH_VEC(char *) env;            // environment names in file order, no duplicates (owned)
    OCH_VEC(ChkGlobal) globals;     // in file order
    OCH_VEC(ChkRuleSetting) rules;  // sorted by id
    ChkIgnoreList ignore;
    int8_t jsx;                     // -1 unset, 0 or 1
    int8_t source_type;             // -1 unset, or a PsGoal
    // The same, as the analyzer takes it (see chk_config_analyzer_options):
    // levels and options of the implemented rules the file names, in
    // an_rule_index order; env and globals pointing into the fields above.
    AnRuleConfig an_rules[AN_RULE_COUNT];
    const char **an_env;            // env.len entries (owned array)
    AnGlobal *an_globals;           // globals.len entries (owned array)
} ChkConfig;

// Parses and validates configuration text. display_path names the file in
// messages; dir is the absolute directory for `ignore`. On success stores a
// new configuration in *out (free with chk_config_free) and returns OCH_OK.
// On invalid JSON or values, appends one line per problem to errors
// (`PATH: json.path: message\n`, or `PATH:LINE:COL: ...` for JSON syntax)
// and returns OCH_ERR_INVALID with *out NULL.
OchStatus chk_config_parse(const char *text, size_t len, const char *display_path, const char *dir,
                           ChkConfig **out, OchBuf *errors) OCH_MUST_CHECK;

// Reads and parses a file (see chk_config_parse); dir is its directory,
// made absolute. OCH_ERR_IO (with a message in errors) when unreadable.
OchStatus chk_config_load(const char *path, const char *display_path, ChkConfig **out, OchBuf *errors)
    OCH_MUST_CHECK;

// Frees a configuration and everything it owns; NULL is fine.
void chk_config_free(ChkConfig *self);

// The setting of a rule, or NULL when the configuration does not name it.
// O(log rules).
const ChkRuleSetting *chk_config_rule(const ChkConfig *self, const char *id);

// True when the `ignore` patterns exclude abs_path (absolute, normalized)
// or a parent directory of it up to the configuration's directory. Paths
// outside that directory are never ignored.
bool chk_config_ignores(const ChkConfig *self, const char *abs_path, bool is_dir);

// Environments `env` accepts: ESLint's names for the ECMAScript versions
// and the hosts ochre knows the globals of (those of AnOptions.env).
bool chk_env_known(const char *name);

// Fills the lint part of analyzer options from a configuration (NULL: the
// defaults): lint on, the rules' levels and options, environments and
// globals. The options borrow from cfg, which must outlive their use.
void chk_config_analyzer_options(const ChkConfig *cfg, AnOptions *opts);

// ---------------------------------------------------------------------------
// Discovery with a cache per directory.
typedef struct ChkConfigFinder {
    ChkMap dirs;                 // absolute directory -> ChkConfig* (NULL: none)
    OCH_VEC(ChkConfig *) owned;  // every configuration loaded
    ChkConfig *forced;           // --config: used for every file when set
    char *cwd;                   // for display paths of discovered files
    OchBuf errors;               // accumulated problems (one per line)
    bool failed;                 // a configuration was invalid or unreadable
} ChkConfigFinder;

// forced may be NULL; the finder takes it over. cwd is borrowed (copied).
void chk_config_finder_init(ChkConfigFinder *self, ChkConfig *forced, const char *cwd);
// Frees every configuration the finder loaded (and the forced one).
void chk_config_finder_free(ChkConfigFinder *self);

// The configuration applying to files in the absolute directory abs_dir,
// or NULL when there is none. Problems go to self->errors (and set
// self->failed); an invalid ochre.json counts as none. Each directory is
// examined once: O(depth) for the first lookup in a subtree, O(1) after.
const ChkConfig *chk_config_for_dir(ChkConfigFinder *self, const char *abs_dir);

#endif
