// The shared global-name tables (lint_globals.c): one per configuration,
// keyed by content, shared across files and threads; directive comments
// stay per file; an_globals_cache_free leaves later analyses working.
#include "an_test.h"

#include <pthread.h>

// Number of no-undef findings for src under the given environments and
// globals (no-undef alone on).
static unsigned undef_count(const char *src, const char *const *env, uint32_t nenv,
                            const AnGlobal *globals, uint32_t nglobals) {
    size_t len = strlen(src);
    char *copy = ps_source_dup(src, len);
    PsOptions po;
    ps_options_default(&po);
    po.tolerant = true;
    PsParse *p = ps_parse(copy, len, &po);
    AnRuleConfig rules[AN_RULE_COUNT];
    OchDiagCode code = an_rule_find("no-undef");
    for (uint32_t i = 0; i < AN_RULE_COUNT; i++)
        rules[i] = (AnRuleConfig){an_rule_code(i) == code ? AN_LEVEL_ERROR : AN_LEVEL_OFF, NULL};
    AnOptions ao;
    an_options_default(&ao);
    ao.lint = true;
    ao.rules = rules;
    ao.env = env;
    ao.nenv = nenv;
    ao.globals = globals;
    ao.nglobals = nglobals;
    AnResult *r = an_analyze(p, &ao);
    unsigned n = 0;
    for (uint32_t i = 0; i < r->diags.v.len; i++) n += r->diags.v.items[i].code == code;
    an_result_free(r);
    ps_parse_free(p);
    och_free(copy);
    return n;
}

Test(globals_cache, configurations_are_keyed_by_content_not_by_pointer) {
    // The caller's strings may change or go away after the analysis: the
    // cache keeps its own copies and compares text.
    char env[16], name[16];
    const char *envs[] = {env};
    AnGlobal globals[] = {{name, AN_GLOBAL_READONLY}};
    strcpy(env, "browser");
    strcpy(name, "alpha");
    cr_assert_eq(undef_count("document; alpha; beta; process;", envs, 1, globals, 1), 2);
    strcpy(env, "node");
    strcpy(name, "beta");
    cr_assert_eq(undef_count("document; alpha; beta; process;", envs, 1, globals, 1), 2);
    strcpy(env, "browser");
    strcpy(name, "alpha");
    cr_assert_eq(undef_count("document; alpha; beta; process;", envs, 1, globals, 1), 2);
    // Same names, another mode: another configuration (off hides the env's).
    strcpy(name, "document");
    globals[0].mode = AN_GLOBAL_OFF;
    cr_assert_eq(undef_count("document; window;", envs, 1, globals, 1), 1);
    globals[0].mode = AN_GLOBAL_READONLY;
    cr_assert_eq(undef_count("document; window;", envs, 1, globals, 1), 0);
}

Test(globals_cache, directive_comments_stay_in_their_file) {
    const char *envs[] = {"browser"};
    cr_assert_eq(undef_count("/* global foo */ foo;", envs, 1, NULL, 0), 0);
    cr_assert_eq(undef_count("foo;", envs, 1, NULL, 0), 1);
    cr_assert_eq(undef_count("/* global window: off */ window;", envs, 1, NULL, 0), 1);
    cr_assert_eq(undef_count("window;", envs, 1, NULL, 0), 0);
    cr_assert_eq(undef_count("/* eslint-env node */ process;", envs, 1, NULL, 0), 0);
    cr_assert_eq(undef_count("process;", envs, 1, NULL, 0), 1);
    // An env comment after a `global` entry redefines the name as before.
    cr_assert_eq(undef_count("/* global process: off */ /* eslint-env node */ process;", envs, 1,
                             NULL, 0),
                 0);
}

Test(globals_cache, analyses_after_a_cache_free_rebuild_it) {
    const char *envs[] = {"node"};
    cr_assert_eq(undef_count("process; window;", envs, 1, NULL, 0), 1);
    an_globals_cache_free();
    cr_assert_eq(undef_count("process; window;", envs, 1, NULL, 0), 1);
    an_globals_cache_free();
    an_globals_cache_free();  // empty: no-op
}

typedef struct Job {
    int seed;
    unsigned bad;
} Job;

static void *worker(void *arg) {
    Job *j = arg;
    static const char *const envs[][2] = {{"browser", NULL}, {"node", NULL}, {"browser", "node"}};
    static const unsigned expect[] = {1, 1, 0};  // findings in "document; process;"
    for (int i = 0; i < 60; i++) {
        int k = (j->seed + i) % 3;
        uint32_t n = envs[k][1] ? 2 : 1;
        if (undef_count("document; process;", envs[k], n, NULL, 0) != expect[k]) j->bad++;
    }
    return NULL;
}

Test(globals_cache, threads_share_the_tables) {
    pthread_t t[4];
    Job jobs[4];
    for (int i = 0; i < 4; i++) {
        jobs[i] = (Job){i, 0};
        cr_assert_eq(pthread_create(&t[i], NULL, worker, &jobs[i]), 0);
    }
    for (int i = 0; i < 4; i++) {
        pthread_join(t[i], NULL);
        cr_assert_eq(jobs[i].bad, 0, "thread %d: %u wrong results", i, jobs[i].bad);
    }
}
