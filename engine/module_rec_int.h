// Module records (ES2025 §16.2.1): the private interface of module.c
// (cell, registry, import bindings, import.meta), module_load.c (host
// resolution and loading, entries from the AST), module_link.c
// (ResolveExport, GetExportedNames, Link), module_eval.c (Evaluate with
// top-level await), module_ns.c (namespace exotic objects) and
// module_dynamic.c (import()). The compiler side is in module_int.h.
//
// Every module of a realm lives in its registry (cx->modules) under its
// resolved path until the realm dies, so records point to each other with
// plain pointers; the registry traces them all. Names (export, import and
// local names) are WTF-8 slices of the module's parse (kept alive by the
// record's reference to its EnSource).
#ifndef OCHRE_ENGINE_MODULE_REC_INT_H
#define OCHRE_ENGINE_MODULE_REC_INT_H

#include "module_int.h"
#include "promise_int.h"

// A name slice; s == NULL stands for "all" (namespace import / export *).
typedef struct EnName {
    const char *s;
    uint32_t len;
} EnName;

static inline bool en_name_eq(EnName a, EnName b) {
    return a.len == b.len && (a.s == b.s || (a.s && b.s && memcmp(a.s, b.s, a.len) == 0));
}
static inline bool en_name_is(EnName a, const char *lit) {
    size_t n = strlen(lit);
    return a.s && a.len == n && memcmp(a.s, lit, n) == 0;
}

#define EN_MOD_TYPE_JS 0
#define EN_MOD_TYPE_JSON 1

// ModuleRequest: specifier + attributes (only `type` is supported).
typedef struct EnModRequest {
    EnName specifier;
    uint32_t type;         // EN_MOD_TYPE_*
    uint32_t offset;       // source offset of the declaration (error messages)
    struct EnModule *module;  // the loaded module (LoadRequestedModules), or NULL
} EnModRequest;

// ImportEntry, one per import binding in the compiler's numbering.
typedef struct EnModImport {
    uint32_t request;
    EnName import_name;    // s NULL: namespace import
    EnName local_name;
    // Link result: the binding (target->env, slot) or, with ns, the
    // namespace of target.
    struct EnModule *target;
    uint32_t slot;
    bool ns;
} EnModImport;

#define EN_MOD_NO_REQUEST UINT32_MAX
// ExportEntry: local (request NO_REQUEST), indirect (request and import
// name, s NULL: `export * as x`), star (export_name.s NULL).
typedef struct EnModExport {
    EnName export_name;
    uint32_t request;
    EnName import_name;
    EnName local_name;
} EnModExport;

typedef enum EnModStatus {
    EN_MOD_NEW,         // requests not all loaded yet
    EN_MOD_UNLINKED,
    EN_MOD_LINKING,
    EN_MOD_LINKED,
    EN_MOD_EVALUATING,
    EN_MOD_EVALUATING_ASYNC,
    EN_MOD_EVALUATED,
} EnModStatus;

// One exported name of a namespace, resolved at namespace creation.
typedef struct EnModNsEntry {
    EnString *name;        // atom
    struct EnModule *target;
    uint32_t slot;
    bool ns;               // the value is target's namespace
} EnModNsEntry;

struct EnModule {
    EnCell hdr;
    EnContext *realm;
    EnSource *src;         // counted reference (NULL for JSON modules)
    EnFunctionTemplate *tmpl;
    EnEnv *env;            // module environment (after InitializeEnvironment)
    char *path;            // registry key (och_malloc)
    uint32_t type;         // EN_MOD_TYPE_*
    uint32_t status;       // EnModStatus
    bool has_tla;
    bool has_error;        // [[EvaluationError]] is set (in error)
    bool async_done;       // [[AsyncEvaluationOrder]] went from an integer to done
    uint64_t async_order;  // [[AsyncEvaluationOrder]]: 0 unset, else the order
    uint32_t dfs_index, dfs_ancestor;
    uint32_t pending_deps; // [[PendingAsyncDependencies]]
    uint32_t visit;        // graph walks: generation mark
    struct EnModule *cycle_root;
    EnValue error;         // [[EvaluationError]]'s value
    EnValue top_promise;   // [[TopLevelCapability]]'s promise, or undefined
    EnValue ns;            // namespace object, or undefined
    EnValue meta;          // import.meta object, or undefined
    EnValue json;          // JSON module: the parsed value
    OCH_VEC(EnModRequest) requests;
    OCH_VEC(EnModImport) imports;
    OCH_VEC(EnModExport) exports;
    OCH_VEC(struct EnModule *) async_parents;
    EnModNsEntry *ns_entries;  // sorted by name (namespace), count ns_count
    uint32_t ns_count;
};

// --- module.c: registry and records
EnModule *en_module_find(EnContext *cx, const char *path);
// A new record for path (copied), not registered yet. NULL on heap limit.
EnModule *en_module_new(EnContext *cx, const char *path, uint32_t type);
void en_module_register(EnContext *cx, EnModule *m);
// A fresh generation number for graph walks (EnModule.visit).
uint32_t en_module_next_visit(EnContext *cx);
uint64_t en_module_next_async_order(EnContext *cx);
const EnModuleLoader *en_module_loader(EnContext *cx);
void en_module_set_main_promise(EnContext *cx, EnValue p);
// The realm's module loader hooks (engine.h), defaults when unset.
typedef struct EnModuleRegistry EnModuleRegistry;
EnModuleRegistry *en_module_registry(EnContext *cx);

// --- module_load.c
// Resolves specifier against the referrer's file name (NULL or "<...>": the
// current directory) into *path (och_malloc). False with an Error pending.
bool en_module_resolve(EnContext *cx, const char *referrer, EnName specifier, char **path);
// Creates and registers the record of a module from its source text
// (parse with the module goal, early errors, entries, compile). False with
// a SyntaxError pending; *out NULL.
bool en_module_from_source(EnContext *cx, const char *path, const char *text, size_t len,
                           uint32_t type, EnModule **out);
// LoadRequestedModules (synchronously): loads every module reachable from
// m that is not loaded yet. False with the error pending.
bool en_module_load_graph(EnContext *cx, EnModule *m);
// Loads (or finds) the module for specifier requested from the file
// referrer, and its graph. NULL with the error pending.
EnModule *en_module_load_request(EnContext *cx, const char *referrer, EnName specifier,
                                 uint32_t type);

// --- module_link.c
// Link(): false with a SyntaxError (unresolvable import) pending.
bool en_module_link(EnContext *cx, EnModule *m);
// GetModuleNamespace: the namespace object (created once). EN_EXCEPTION on
// heap limit.
EnValue en_module_namespace(EnContext *cx, EnModule *m);

// --- module_eval.c
// Evaluate(): the promise of m's graph evaluation (EN_EXCEPTION only on
// termination).
EnValue en_module_evaluate(EnContext *cx, EnModule *m);

// --- module_ns.c
EnObject *en_module_ns_new(EnContext *cx, EnModule *m);

#endif
