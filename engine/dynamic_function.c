// CreateDynamicFunction (ES2025 20.2.1.1.1): `Function(...)` and the
// constructors of the other function kinds (GeneratorFunction,
// AsyncFunction, AsyncGeneratorFunction).
#include "parser.h"
#include "vm_int.h"

// The source text is "(PREFIX anonymous(P\n) {\nBODY\n})", evaluated as a
// global script. The spec parses the parameters and the body on their own;
// the same effect is had by checking that the whole text parses as exactly
// one function expression whose parameter list ends at our `)` and whose
// body starts at our `{` and ends at our `}`: text that closes the
// function early ("}), (x") or leaks out of the parameters is rejected.
static bool shape_ok(const char *src, uint32_t len, uint32_t brace) {
    PsOptions po;
    ps_options_default(&po);
    PsParse *p = ps_parse(src, len, &po);
    bool ok = false;
    if (p->diags.v.len) {
        ok = true;  // en_eval reports the SyntaxError itself
        goto done;
    }
    PsListNode *prog = PS_AS(PsListNode, p->root);
    if (prog->items.count != 1) goto done;
    PsNode *st = prog->items.items[0];
    if (st->kind != PS_NODE_EXPRESSION_STMT) goto done;
    PsNode *e = PS_AS(PsUnary, st)->arg;
    if (!e || e->kind != PS_NODE_FUNCTION_EXPR || e->start != 1 || e->end != len - 1) goto done;
    PsFunction *f = PS_AS(PsFunction, e);
    ok = f->body && f->body->start == brace && f->body->end == len - 1;
done:
    ps_parse_free(p);
    return ok;
}

EnValue en_vm_create_dynamic_function_kind(EnContext *cx, int kind, const EnValue *argv, uint32_t argc,
                                           EnValue new_target) {
    static const char *const prefixes[] = {"function", "function*", "async function",
                                           "async function*"};
    static const EnIntrinsic fallbacks[] = {
        EN_INTRINSIC_FunctionPrototype, EN_INTRINSIC_GeneratorFunctionPrototype,
        EN_INTRINSIC_AsyncFunctionPrototype, EN_INTRINSIC_AsyncGeneratorFunctionPrototype};
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hnt = en_handle(cx, new_target);
    EnValue res = EN_EXCEPTION;
    OchBuf src = {0};
    och_buf_putc(&src, '(');
    och_buf_puts(&src, prefixes[kind]);
    och_buf_puts(&src, " anonymous(");
    // ToString of every argument happens before any parsing.
    for (uint32_t i = 0; i + 1 < argc; i++) {
        EnString *p = en_to_string(cx, argv[i]);
        if (!p) goto done;
        if (i) och_buf_putc(&src, ',');
        en_str_to_utf8(cx, p, &src);
    }
    och_buf_puts(&src, "\n) ");
    uint32_t brace = (uint32_t)src.len;
    och_buf_puts(&src, "{\n");
    if (argc) {
        EnString *b = en_to_string(cx, argv[argc - 1]);
        if (!b) goto done;
        en_str_to_utf8(cx, b, &src);
    }
    och_buf_puts(&src, "\n})");
    if (!shape_ok(src.data, (uint32_t)src.len, brace)) {
        en_throw_syntax_error(cx, "Arguments of the function constructor do not form a function");
        goto done;
    }
    EnEvalOptions o;
    en_eval_options_default(&o);
    o.filename = "<anonymous>";
    EnValue r = EN_UNDEFINED;
    if (en_eval(cx, src.data, src.len, &o, &r) != EN_STATUS_OK) goto done;
    EnValue *hr = en_handle(cx, r);
    // A subclass constructor (new.target) supplies the prototype.
    if (*hnt != EN_UNDEFINED) {
        EnObject *proto;
        if (!en_proto_from_ctor(cx, *hnt, fallbacks[kind], &proto)) goto done;
        bool sok;
        if (proto != en_intrinsic(cx, fallbacks[kind]) &&
            !en_obj_set_prototype_of(cx, en_as_object(*hr), proto, &sok))
            goto done;
    }
    res = *hr;
done:
    och_buf_free(&src);
    en_handle_scope_close(&hs);
    return res;
}

EnValue en_vm_create_dynamic_function(EnContext *cx, const EnValue *argv, uint32_t argc) {
    return en_vm_create_dynamic_function_kind(cx, EN_FN_KIND_NORMAL, argv, argc, EN_UNDEFINED);
}
