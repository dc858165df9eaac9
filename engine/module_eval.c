// Module evaluation with top-level await (ES2025 §16.2.1.5.3.2 Evaluate,
// InnerModuleEvaluation, ExecuteAsyncModule, GatherAvailableAncestors,
// AsyncModuleExecutionFulfilled / Rejected). Records never move and the
// registry keeps them alive, so plain pointers to them survive allocation.
#include <stdlib.h>

#include "module_rec_int.h"

typedef OCH_VEC(EnModule *) ModVec;

static bool async_pending(const EnModule *m) { return m->async_order && !m->async_done; }

static EnModule *slot_module(const EnArgs *a) {
    return en_as_ptr(*en_native_slot(a->callee, 0));
}

static void settle_top(EnContext *cx, EnModule *m, bool ok, EnValue v) {
    if (!en_is_object(m->top_promise)) return;
    EnObject *p = en_as_object(m->top_promise);
    if (ok) en_promise_resolve_fn(cx, p, EN_UNDEFINED);
    else en_promise_reject_fn(cx, p, v);
}

// ExecuteModule() of a module without top-level await (JSON modules set
// their default export). False with the exception pending.
static bool execute_sync(EnContext *cx, EnModule *m) {
    if (m->type == EN_MOD_TYPE_JSON) {
        m->env->slots[0] = m->json;
        return true;
    }
    return en_vm_run_script(cx, m->tmpl, m->env, EN_UNDEFINED) != EN_EXCEPTION;
}

static void async_rejected(EnContext *cx, EnModule *m, EnValue error);
static void async_fulfilled(EnContext *cx, EnModule *m);

static EnValue on_async_fulfilled(EnContext *cx, const EnArgs *a) {
    async_fulfilled(cx, slot_module(a));
    return cx->terminating ? EN_EXCEPTION : EN_UNDEFINED;
}

static EnValue on_async_rejected(EnContext *cx, const EnArgs *a) {
    async_rejected(cx, slot_module(a), en_arg(a, 0));
    return cx->terminating ? EN_EXCEPTION : EN_UNDEFINED;
}

// ExecuteAsyncModule: runs the body as an async function whose promise
// reports back. False only on termination / heap limit.
static bool execute_async(EnContext *cx, EnModule *m) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    bool ok = false;
    EnObject *f = en_function_new(cx, m->tmpl, m->env, EN_UNDEFINED, EN_UNDEFINED);
    if (!f) goto done;
    EnValue p = en_vm_async_start(cx, en_object_value(f), EN_UNDEFINED, 0, NULL);
    if (p == EN_EXCEPTION) goto done;
    EnValue *hp = en_handle(cx, p);
    EnObject *onf =
        en_native_new(cx, on_async_fulfilled, en_str_empty(cx), 0, EN_NATIVE_NOT_CTOR, 1);
    if (!onf) goto done;
    *en_native_slot(onf, 0) = en_cell_value(m);
    EnValue *hf = en_handle(cx, en_object_value(onf));
    EnObject *onr =
        en_native_new(cx, on_async_rejected, en_str_empty(cx), 1, EN_NATIVE_NOT_CTOR, 1);
    if (!onr) goto done;
    *en_native_slot(onr, 0) = en_cell_value(m);
    ok = en_promise_then_native(cx, en_as_object(*hp), *hf, en_object_value(onr));
done:
    en_handle_scope_close(&hs);
    return ok;
}

// GatherAvailableAncestors.
static void gather(EnModule *m, uint32_t gen, ModVec *list) {
    for (uint32_t i = 0; i < m->async_parents.len; i++) {
        EnModule *p = m->async_parents.items[i];
        if (p->visit == gen) continue;
        EnModule *root = p->cycle_root ? p->cycle_root : p;
        if (root->has_error) continue;
        if (p->pending_deps) p->pending_deps--;
        if (p->pending_deps == 0) {
            p->visit = gen;
            och_vec_push(list, p);
            if (!p->has_tla) gather(p, gen, list);
        }
    }
}

static int order_cmp(const void *a, const void *b) {
    uint64_t x = (*(EnModule *const *)a)->async_order, y = (*(EnModule *const *)b)->async_order;
    return x < y ? -1 : x > y;
}

// AsyncModuleExecutionFulfilled.
static void async_fulfilled(EnContext *cx, EnModule *m) {
    if (m->status == EN_MOD_EVALUATED) return;  // already rejected
    m->async_done = true;
    m->status = EN_MOD_EVALUATED;
    settle_top(cx, m, true, EN_UNDEFINED);
    ModVec list = {0};
    gather(m, en_module_next_visit(cx), &list);
    if (list.len > 1) qsort(list.items, list.len, sizeof *list.items, order_cmp);
    for (uint32_t i = 0; i < list.len && !cx->terminating; i++) {
        EnModule *x = list.items[i];
        if (x->status == EN_MOD_EVALUATED) continue;
        if (x->has_tla) {
            execute_async(cx, x);
        } else if (!execute_sync(cx, x)) {
            if (cx->terminating) break;
            async_rejected(cx, x, en_exception_take(cx));
        } else {
            x->async_done = true;
            x->status = EN_MOD_EVALUATED;
            settle_top(cx, x, true, EN_UNDEFINED);
        }
    }
    och_free(list.items);
}

// AsyncModuleExecutionRejected.
static void async_rejected(EnContext *cx, EnModule *m, EnValue error) {
    if (m->status == EN_MOD_EVALUATED) return;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *he = en_handle(cx, error);
    m->has_error = true;
    m->error = *he;
    m->status = EN_MOD_EVALUATED;
    m->async_done = true;
    // The module's own promise first, then its ancestors (leaf to root).
    settle_top(cx, m, false, *he);
    for (uint32_t i = 0; i < m->async_parents.len; i++)
        async_rejected(cx, m->async_parents.items[i], *he);
    en_handle_scope_close(&hs);
}

// InnerModuleEvaluation. False: abrupt, exception pending.
static bool inner_eval(EnContext *cx, EnModule *m, ModVec *stack, uint32_t *index) {
    if (m->status == EN_MOD_EVALUATING_ASYNC || m->status == EN_MOD_EVALUATED) {
        if (!m->has_error) return true;
        en_throw(cx, m->error);
        return false;
    }
    if (m->status == EN_MOD_EVALUATING) return true;
    if (m->status != EN_MOD_LINKED) {
        en_throw_syntax_error(cx, "module %s is not linked", m->path);
        return false;
    }
    m->status = EN_MOD_EVALUATING;
    m->dfs_index = m->dfs_ancestor = (*index)++;
    m->pending_deps = 0;
    och_vec_push(stack, m);
    for (uint32_t i = 0; i < m->requests.len; i++) {
        EnModule *dep = m->requests.items[i].module;
        if (!inner_eval(cx, dep, stack, index)) return false;
        if (dep->status == EN_MOD_EVALUATING) {
            if (dep->dfs_ancestor < m->dfs_ancestor) m->dfs_ancestor = dep->dfs_ancestor;
        } else {
            dep = dep->cycle_root ? dep->cycle_root : dep;
            if (dep->has_error) {
                en_throw(cx, dep->error);
                return false;
            }
        }
        if (async_pending(dep)) {
            m->pending_deps++;
            och_vec_push(&dep->async_parents, m);
        }
    }
    if (m->pending_deps > 0 || m->has_tla) {
        m->async_order = en_module_next_async_order(cx);
        if (m->pending_deps == 0 && !execute_async(cx, m)) return false;
    } else if (!execute_sync(cx, m)) {
        return false;
    }
    if (m->dfs_ancestor == m->dfs_index) {
        EnModule *x;
        do {
            x = stack->items[--stack->len];
            x->status = async_pending(x) ? EN_MOD_EVALUATING_ASYNC : EN_MOD_EVALUATED;
            x->cycle_root = m;
        } while (x != m);
    }
    return true;
}

EnValue en_module_evaluate(EnContext *cx, EnModule *m) {
    if ((m->status == EN_MOD_EVALUATING_ASYNC || m->status == EN_MOD_EVALUATED) && m->cycle_root)
        m = m->cycle_root;
    if (en_is_object(m->top_promise)) return m->top_promise;
    EnObject *p = en_promise_new(cx);
    if (!p) return EN_EXCEPTION;
    m->top_promise = en_object_value(p);
    ModVec stack = {0};
    uint32_t index = 0;
    bool ok = inner_eval(cx, m, &stack, &index);
    if (!ok) {
        if (cx->terminating) {
            och_free(stack.items);
            return EN_EXCEPTION;
        }
        EnHandleScope hs;
        en_handle_scope_open(cx, &hs);
        EnValue *he = en_handle(cx, en_exception_take(cx));
        for (uint32_t i = 0; i < stack.len; i++) {
            EnModule *x = stack.items[i];
            x->status = EN_MOD_EVALUATED;
            x->has_error = true;
            x->error = *he;
        }
        // m itself may have failed before reaching the stack (cached error).
        if (!m->has_error) {
            m->status = EN_MOD_EVALUATED;
            m->has_error = true;
            m->error = *he;
        }
        en_promise_reject_fn(cx, en_as_object(m->top_promise), *he);
        en_handle_scope_close(&hs);
    } else if (!async_pending(m)) {
        en_promise_resolve_fn(cx, en_as_object(m->top_promise), EN_UNDEFINED);
    }
    och_free(stack.items);
    return m->top_promise;
}
