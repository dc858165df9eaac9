// Helpers of the navigation features: node paths by offset, module
// specifiers resolved to paths, file URIs, exports looked up by name, the
// built-in globals table.
#include <criterion/criterion.h>
#include <string.h>

#include "lsp_int.h"

// A document analyzed from text (path set, module goal); free with
// lsp_doc_free.
static LspDoc *doc_of(const char *path, const char *text) {
    LspDoc *d = och_calloc(1, sizeof *d);
    d->path = och_strndup(path, strlen(path));
    d->uri = lsp_path_to_uri(path);
    d->goal = PS_GOAL_MODULE;
    cr_assert_eq(lsp_text_init(&d->text, text, strlen(text)), OCH_OK);
    lsp_doc_analyze(d);
    return d;
}

Test(nav, node_path_outermost_first_with_cursor_after_a_token) {
    LspDoc *d = doc_of("/p/a.mjs", "let a = 1;\nfoo(bar, baz);\n");
    PsNode *path[64];
    uint32_t n = lsp_node_path(d->parse->root, 16, path, 64);  // in `bar`
    cr_assert_geq(n, 4);
    cr_assert_eq(path[0]->kind, PS_NODE_PROGRAM);
    cr_assert_eq(path[n - 1]->kind, PS_NODE_IDENTIFIER);
    cr_assert_eq(path[n - 1]->start, 15);
    n = lsp_node_path(d->parse->root, 18, path, 64);  // right after `bar`
    cr_assert_eq(path[n - 1]->start, 15, "a cursor right after a name is in it");
    n = lsp_node_path(d->parse->root, 10, path, 64);  // after `;`, before the newline
    cr_assert_eq(path[n - 1]->kind, PS_NODE_VAR_DECL);
    lsp_doc_free(d);
}

Test(nav, module_base_resolves_dots_and_rejects_bare_specifiers) {
    LspDoc *d = doc_of("/p/src/a.mjs", "import x from './b/../c.js';\nimport y from '../up';\nimport z from 'pkg';\n"
                                       "import w from './/d/./e.mjs';\n");
    PsList *items = &PS_AS(PsListNode, d->parse->root)->items;
    const char *want[] = {"/p/src/c.js", "/p/up", NULL, "/p/src/d/e.mjs"};
    for (uint32_t i = 0; i < 4; i++) {
        char *p = lsp_module_base(d, PS_AS(PsModuleDecl, items->items[i])->source);
        if (want[i]) cr_assert_str_eq(p, want[i]);
        else cr_assert_null(p);
        och_free(p);
    }
    lsp_doc_free(d);
}

Test(nav, path_to_uri_percent_encodes) {
    char *u = lsp_path_to_uri("/a b/é#1.js");
    cr_assert_str_eq(u, "file:///a%20b/%C3%A9%231.js");
    char *back = lsp_uri_to_path(u);
    cr_assert_str_eq(back, "/a b/é#1.js");
    och_free(u);
    och_free(back);
}

Test(nav, export_lookup_by_name) {
    LspDoc *d = doc_of("/p/m.mjs", "export const { a, b: [c] } = o;\nfunction f() {}\nexport { f as g, f as 'str' };\n"
                                   "export default f;\nexport { h } from './h.js';\n");
    PsNode *node;
    AnBinding *b = lsp_export_lookup(d, "c", 1, &node);
    cr_assert_not_null(b);
    cr_assert_eq(node->start, 22);
    b = lsp_export_lookup(d, "g", 1, &node);
    cr_assert(b && b->kind == AN_BIND_FUNCTION);
    cr_assert_eq(lsp_export_lookup(d, "str", 3, &node), b, "string export names");
    cr_assert_eq(lsp_export_lookup(d, "default", 7, &node), b);
    cr_assert_null(lsp_export_lookup(d, "h", 1, &node), "a re-export has no local binding");
    cr_assert_not_null(node, "but it names its specifier");
    cr_assert_null(lsp_export_lookup(d, "f", 1, &node), "f is exported only as g, str and default");
    cr_assert_null(node);
    lsp_doc_free(d);
}

static void count_names(void *ctx, PsNode *name, PsNode *spec) {
    (void)name;
    (void)spec;
    (*(int *)ctx)++;
}

Test(nav, export_names_of_a_binding) {
    LspDoc *d = doc_of("/p/m.mjs", "export function f() {}\nexport { f as g, f };\nexport default f;\n");
    AnBinding *b = d->an->root->bindings;
    cr_assert(b && b->kind == AN_BIND_FUNCTION);
    int n = 0;
    lsp_export_names(d, b, count_names, &n);
    cr_assert_eq(n, 4, "f, g, f again and default");
    lsp_doc_free(d);
}

Test(nav, builtins_table) {
    const LspBuiltin *m = lsp_builtin_find("Math", 4);
    cr_assert_not_null(m);
    cr_assert_eq(m->kind, LSP_BI_NAMESPACE);
    cr_assert_null(lsp_builtin_find("Mat", 3));
    cr_assert_null(lsp_builtin_find("Maths", 5));
    const char *cur = m->members, *name;
    uint32_t len;
    bool method, saw_pi = false, saw_max = false;
    while (lsp_builtin_member_next(&cur, &name, &len, &method)) {
        if (len == 2 && memcmp(name, "PI", 2) == 0) saw_pi = !method;
        if (len == 3 && memcmp(name, "max", 3) == 0) saw_max = method;
    }
    cr_assert(saw_pi && saw_max);
    // The table is unique by name.
    for (uint32_t i = 0; lsp_builtin_at(i); i++)
        for (uint32_t k = i + 1; lsp_builtin_at(k); k++)
            cr_assert_str_neq(lsp_builtin_at(i)->name, lsp_builtin_at(k)->name);
}
