// Module records through the C API with an in-memory loader
// (en_context_set_module_loader): linking errors (missing export,
// ambiguous star exports, missing module, syntax error in a dependency:
// each names the file and position), cycles, TDZ, namespace contents,
// top-level await ordering and rejection (en_module_main_state), errors
// cached per module, the resolver hook for bare specifiers. Every case runs
// normally and with gc_stress.
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "runtime_int.h"

typedef struct ModFile {
    const char *path;
    const char *text;
} ModFile;

typedef struct ModFixture {
    EnRuntime *rt;
    EnContext *cx;
    OchBuf out;
    const ModFile *files;
    int loads;
} ModFixture;

static void capture_print(void *ctx, const char *line, size_t len, bool is_error) {
    (void)is_error;
    OchBuf *b = ctx;
    och_buf_append(b, line, len);
    och_buf_putc(b, '\n');
}

// Bare specifiers "pkg:NAME" map to "/pkg/NAME.mjs"; the rest use the
// default resolver.
static bool mem_resolve(void *ctx, const char *referrer, const char *spec, size_t len, char **out,
                        char **error) {
    (void)ctx;
    if (len > 4 && !memcmp(spec, "pkg:", 4)) {
        char buf[256];
        snprintf(buf, sizeof buf, "/pkg/%.*s.mjs", (int)(len - 4), spec + 4);
        *out = och_strndup(buf, strlen(buf));
        return true;
    }
    return en_module_default_resolve(NULL, referrer, spec, len, out, error);
}

static bool mem_load(void *ctx, const char *path, char **text, size_t *len, char **error) {
    ModFixture *f = ctx;
    for (const ModFile *m = f->files; m->path; m++) {
        if (strcmp(m->path, path)) continue;
        f->loads++;
        *len = strlen(m->text);
        *text = och_strndup(m->text, *len);
        return true;
    }
    char buf[300];
    snprintf(buf, sizeof buf, "Cannot find module '%s'", path);
    *error = och_strndup(buf, strlen(buf));
    return false;
}

static void fx_open(ModFixture *f, bool stress, const ModFile *files) {
    EnLimits lim;
    en_limits_default(&lim);
    lim.gc_stress = stress;
    memset(f, 0, sizeof *f);
    f->rt = en_runtime_new(&lim);
    f->cx = en_context_new(f->rt);
    f->files = files;
    en_context_set_print(f->cx, capture_print, &f->out);
    EnModuleLoader l = {mem_resolve, mem_load, NULL, f};
    en_context_set_module_loader(f->cx, &l);
}

static void fx_close(ModFixture *f) {
    en_context_free(f->cx);
    en_runtime_free(f->rt);
    och_buf_free(&f->out);
}

// Runs /main.mjs (the first file) as the root module and the jobs; returns
// the printed lines followed by "!" and the error report on failure.
static char *run_main(ModFixture *f) {
    EnEvalOptions o;
    en_eval_options_default(&o);
    o.goal = EN_GOAL_MODULE;
    o.filename = f->files[0].path;
    EnStatus st = en_eval(f->cx, f->files[0].text, strlen(f->files[0].text), &o, NULL);
    if (st == EN_STATUS_OK) st = en_run_jobs(f->cx);
    if (st == EN_STATUS_OK && en_module_main_state(f->cx) == EN_MODULE_REJECTED)
        st = EN_STATUS_EXCEPTION;
    OchBuf b = {0};
    och_buf_append(&b, f->out.data ? f->out.data : "", f->out.len);
    if (st != EN_STATUS_OK) {
        och_buf_putc(&b, '!');
        en_exception_report(f->cx, en_exception_take(f->cx), &b);
    }
    och_buf_putc(&b, 0);
    return b.data;
}

static void expect_run(const ModFile *files, const char *want_prefix) {
    for (int stress = 0; stress < 2; stress++) {
        ModFixture f;
        fx_open(&f, stress, files);
        char *got = run_main(&f);
        cr_expect(strncmp(got, want_prefix, strlen(want_prefix)) == 0,
                  "stress=%d\ngot:  %s\nwant: %s", stress, got, want_prefix);
        och_free(got);
        fx_close(&f);
    }
}

static void expect_contains(const ModFile *files, const char *needle) {
    for (int stress = 0; stress < 2; stress++) {
        ModFixture f;
        fx_open(&f, stress, files);
        char *got = run_main(&f);
        cr_expect(strstr(got, needle) != NULL, "stress=%d\ngot: %s\nwant substring: %s", stress,
                  got, needle);
        och_free(got);
        fx_close(&f);
    }
}

Test(module, live_bindings_and_namespace) {
    static const ModFile files[] = {
        {"/main.mjs", "import { n, bump } from './dep.mjs';\n"
                      "import * as ns from './dep.mjs';\n"
                      "import d from './dep.mjs';\n"
                      "bump(); print(n, ns.n, d, Object.keys(ns).join());\n"
                      "print(Object.prototype.toString.call(ns), Reflect.set(ns, 'n', 0));\n"},
        {"/dep.mjs", "export let n = 1; export function bump() { n += 10; }\n"
                     "export default 'D'; export { n as zz, n as aa };\n"},
        {NULL, NULL},
    };
    expect_run(files, "11 11 D aa,bump,default,n,zz\n[object Module] false\n");
}

Test(module, missing_export_is_syntax_error_with_location) {
    static const ModFile files[] = {
        {"/main.mjs", "print('evaluated');\nimport { nope } from './dep.mjs';\n"},
        {"/dep.mjs", "export const yes = 1;\n"},
        {NULL, NULL},
    };
    expect_run(files, "!Uncaught SyntaxError: The requested module './dep.mjs' does not provide "
                      "an export named 'nope' (/main.mjs:2:1)");
}

Test(module, ambiguous_star_exports) {
    static const ModFile files[] = {
        {"/main.mjs", "import * as ns from './star.mjs';\nprint(Object.keys(ns).join());\n"
                      "import('./user.mjs').catch(e => print(e.name, e.message));\n"},
        {"/star.mjs", "export * from './a.mjs'; export * from './b.mjs';\n"},
        {"/a.mjs", "export const x = 1, a = 1;\n"},
        {"/b.mjs", "export const x = 2, b = 2;\n"},
        {"/user.mjs", "import { x } from './star.mjs';\n"},
        {NULL, NULL},
    };
    expect_run(files, "a,b\nSyntaxError The requested module './star.mjs' contains conflicting "
                      "star exports for name 'x' (/user.mjs:1:1)\n");
}

Test(module, missing_module_names_file_and_importer) {
    static const ModFile files[] = {
        {"/main.mjs", "import './dep.mjs';\n"},
        {"/dep.mjs", "\n\n  import './sub/missing.mjs';\n"},
        {NULL, NULL},
    };
    expect_run(files, "!Uncaught Error: Cannot find module '/sub/missing.mjs' (imported from "
                      "/dep.mjs:3:3)");
}

Test(module, syntax_error_in_dependency_has_position) {
    static const ModFile files[] = {
        {"/main.mjs", "print('never');\nimport './lib/dep.mjs';\n"},
        {"/lib/dep.mjs", "export const a = 1;\nconst b = ;\n"},
        {NULL, NULL},
    };
    expect_contains(files, "(/lib/dep.mjs:2:11)");
    expect_run(files, "!Uncaught SyntaxError: ");
}

Test(module, cycle_hoisting_and_tdz) {
    static const ModFile files[] = {
        {"/main.mjs", "import { fa } from './a.mjs';\nprint('main', fa());\n"},
        {"/a.mjs", "import { fb, early } from './b.mjs';\n"
                   "export function fa() { return 'fa'; }\nexport let la = 'la';\n"
                   "print('a', fb(), early);\n"},
        {"/b.mjs", "import { fa, la } from './a.mjs';\n"
                   "export function fb() { return 'fb+' + la; }\n"
                   "let e; try { la; } catch (x) { e = x.name; }\n"
                   "export const early = fa() + ':' + e;\nprint('b', early);\n"},
        {NULL, NULL},
    };
    expect_run(files, "b fa:ReferenceError\na fb+la fa:ReferenceError\nmain fa\n");
}

Test(module, top_level_await_order) {
    static const ModFile files[] = {
        {"/main.mjs", "import './a.mjs'; import './p.mjs'; import './c.mjs';\nprint('main');\n"},
        {"/a.mjs", "print('a1'); await 0; print('a2'); await 0; print('a3');\n"},
        {"/b.mjs", "print('b1'); await 0; print('b2');\nexport const v = 'v';\n"},
        {"/p.mjs", "import { v } from './b.mjs';\nprint('p', v);\n"},
        {"/c.mjs", "print('c');\n"},
        {NULL, NULL},
    };
    // node 20 prints the same sequence.
    expect_run(files, "a1\nb1\nc\na2\nb2\na3\np v\nmain\n");
}

Test(module, rejection_reaches_main_state) {
    static const ModFile files[] = {
        {"/main.mjs", "import './dep.mjs';\nprint('never');\n"},
        {"/dep.mjs", "print('dep'); await null; throw new RangeError('late');\n"},
        {NULL, NULL},
    };
    expect_run(files, "dep\n!Uncaught RangeError: late");
}

Test(module, evaluation_error_cached) {
    static const ModFile files[] = {
        {"/main.mjs", "let e1, e2;\n"
                      "try { await import('./bad.mjs'); } catch (e) { e1 = e; }\n"
                      "try { await import('./user.mjs'); } catch (e) { e2 = e; }\n"
                      "print(e1.message, e1 === e2);\n"},
        {"/bad.mjs", "print('bad runs once'); throw new Error('boom');\n"},
        {"/user.mjs", "import './bad.mjs';\n"},
        {NULL, NULL},
    };
    expect_run(files, "bad runs once\nboom true\n");
}

Test(module, resolver_hook_and_single_load) {
    static const ModFile files[] = {
        {"/main.mjs", "import { v } from 'pkg:lib';\nimport { w } from './w.mjs';\n"
                      "print(v, w, (await import('pkg:lib')).v);\n"},
        {"/pkg/lib.mjs", "export const v = 'lib';\n"},
        {"/w.mjs", "export { v as w } from 'pkg:lib';\n"},
        {NULL, NULL},
    };
    for (int stress = 0; stress < 2; stress++) {
        ModFixture f;
        fx_open(&f, stress, files);
        char *got = run_main(&f);
        cr_expect_str_eq(got, "lib lib lib\n");
        cr_expect_eq(f.loads, 2, "each file loads once (loads: %d)", f.loads);
        och_free(got);
        fx_close(&f);
    }
}

Test(module, json_module_and_import_meta) {
    static const ModFile files[] = {
        {"/main.mjs", "import j from './d.json' with { type: 'json' };\n"
                      "import * as ns from './d.json' with { type: 'json' };\n"
                      "print(j.a[1], ns.default === j, Object.keys(ns).join());\n"
                      "print(Object.getPrototypeOf(import.meta), import.meta === import.meta);\n"},
        {"/d.json", "{\"a\": [1, 2]}"},
        {NULL, NULL},
    };
    expect_run(files, "2 true default\nnull true\n");
}

Test(module, dynamic_import_from_script_defers_loading) {
    static const ModFile files[] = {
        {"/dep.mjs", "print('dep evaluated'); export default 1;\n"},
        {NULL, NULL},
    };
    for (int stress = 0; stress < 2; stress++) {
        ModFixture f;
        fx_open(&f, stress, files);
        const char *src = "import('/dep.mjs').then(ns => print('ns', ns.default));\n"
                          "print('after import()');\n";
        EnEvalOptions o;
        en_eval_options_default(&o);
        o.filename = "/script.js";
        cr_assert_eq(en_eval(f.cx, src, strlen(src), &o, NULL), EN_STATUS_OK);
        cr_assert_eq(en_run_jobs(f.cx), EN_STATUS_OK);
        cr_expect_str_eq(f.out.data ? f.out.data : "", "after import()\ndep evaluated\nns 1\n");
        fx_close(&f);
    }
}
