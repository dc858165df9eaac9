// en_eval: parse (strict-mode parser), analyze (early errors), compile the
// script's top level and run it. Source records keep the text, parse and
// analysis alive for lazy compilation and stack traces.
#include <stdio.h>
#include <time.h>

#include "module_int.h"

EnSource *en_source_retain(EnSource *s) {
    s->refs++;
    return s;
}

void en_source_release(EnSource *s) {
    if (--s->refs) return;
    an_result_free(s->an);
    ps_parse_free(s->parse);
    if (s->lines_built) och_line_index_free(&s->lines);
    och_free(s->text);
    och_free(s->filename);
    och_free(s);
}

OchLineCol en_source_position(EnSource *s, uint32_t offset) {
    if (!s->lines_built) {
        och_line_index_init(&s->lines, s->text, s->len);
        s->lines_built = true;
    }
    return och_line_index_lookup(&s->lines, offset, OCH_COL_UTF16);
}

void en_eval_options_default(EnEvalOptions *opts) {
    memset(opts, 0, sizeof *opts);
    opts->goal = EN_GOAL_SCRIPT;
    opts->filename = "<eval>";
}

static uint64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

// Makes a SyntaxError from the first error diagnostic; "file:line:col".
static void throw_diag(EnContext *cx, EnSource *s, const OchDiagList *diags) {
    for (uint32_t i = 0; i < diags->v.len; i++) {
        const OchDiag *d = &diags->v.items[i];
        if (d->severity != OCH_SEV_ERROR) continue;
        OchLineCol lc = en_source_position(s, d->span.start);
        en_throw_syntax_error(cx, "%s (%s:%u:%u)", d->message, s->filename, lc.line + 1,
                              lc.column + 1);
        return;
    }
    en_throw_syntax_error(cx, "invalid source");
}

EnStatus en_eval(EnContext *cx, const char *src, size_t len, const EnEvalOptions *opts,
                 EnValue *result) {
    EnEvalOptions defaults;
    if (!opts) {
        en_eval_options_default(&defaults);
        opts = &defaults;
    }
    EnRuntime *rt = cx->rt;
    EnVM *vm = rt->vm;
    bool outermost = vm->c_depth == 0 && vm->depth == 0;
    if (outermost) {
        cx->terminating = false;
        rt->deadline_ns = rt->limits.time_limit_ms ? now_ns() + rt->limits.time_limit_ms * 1000000ull
                                                   : 0;
    }
    if (opts->goal == EN_GOAL_MODULE) {
        EnStatus ms = en_module_eval_source(cx, src, len, opts->filename ? opts->filename : "<eval>",
                                            result);
        if (outermost) rt->deadline_ns = 0;
        return ms;
    }
    EnSource *s = och_calloc(1, sizeof *s);
    s->text = ps_source_dup(src, len);
    s->len = (uint32_t)len;
    s->filename = och_strndup(opts->filename ? opts->filename : "<eval>",
                              strlen(opts->filename ? opts->filename : "<eval>"));
    s->print_bytecode = opts->print_bytecode;
    PsOptions po;
    ps_options_default(&po);
    po.goal = opts->goal == EN_GOAL_MODULE ? PS_GOAL_MODULE : PS_GOAL_SCRIPT;
    po.strict = opts->strict;
    s->parse = ps_parse(s->text, len, &po);
    AnOptions ao;
    an_options_default(&ao);
    ao.lint = false;
    s->an = an_analyze(s->parse, &ao);
    s->refs = 1;  // held by this call until the template takes its own
    EnStatus st;
    if (ps_parse_has_errors(s->parse)) {
        throw_diag(cx, s, &s->parse->diags);
        en_source_release(s);
        return EN_STATUS_SYNTAX_ERROR;
    }
    if (an_result_has_errors(s->an)) {
        throw_diag(cx, s, &s->an->diags);
        en_source_release(s);
        return EN_STATUS_SYNTAX_ERROR;
    }
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnFunctionTemplate *t = en_bc_template_new(cx, s, s->parse->root);
    en_source_release(s);
    if (!t) {
        en_handle_scope_close(&hs);
        return EN_STATUS_TERMINATED;
    }
    EnValue *ht = en_handle(cx, en_cell_value(t));
    if (!en_bc_compile(cx, t)) {
        en_handle_scope_close(&hs);
        return cx->terminating ? EN_STATUS_TERMINATED : EN_STATUS_SYNTAX_ERROR;
    }
    t = en_as_ptr(*ht);
    if (opts->print_bytecode) {
        OchBuf b = {0};
        en_bc_disassemble(cx, t, &b);
        fputs(b.data ? b.data : "", stderr);
        och_buf_free(&b);
    }
    EnValue r = en_vm_run_script(cx, t, NULL, cx->global_this);
    if (r == EN_EXCEPTION) {
        st = cx->terminating ? EN_STATUS_TERMINATED : EN_STATUS_EXCEPTION;
    } else {
        st = EN_STATUS_OK;
        if (result) *result = r;
    }
    en_handle_scope_close(&hs);
    if (outermost) rt->deadline_ns = 0;
    return st;
}
