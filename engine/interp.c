// The interpreter: one dispatch loop per entry from C (en_call, en_eval),
// JS→JS calls push frames without recursing on the C stack. Threaded
// dispatch with computed goto under GNU C, a switch otherwise. Fast paths
// (int32 arithmetic, cached property slots, plain JS calls) are inline;
// everything else goes to interp_ops.c. See docs/adr/0008.
#include <stdio.h>
#include <time.h>

#include "interp_int.h"
#include "interp_runtime_int.h"
#include "proxy_int.h"
#include "typed_array_int.h"

#define EN_DEFAULT_MAX_DEPTH 10000u
#define EN_MAX_C_DEPTH 200u
#define EN_STACK_VALUES (1u << 20)
#define EN_POLL_EVERY 1024u

// ---------------------------------------------------------------------------
// VM lifetime.

EnVM *en_vm_new(EnRuntime *rt) {
    EnVM *vm = och_calloc(1, sizeof *vm);
    vm->rt = rt;
    vm->max_depth = rt->limits.max_stack_depth ? rt->limits.max_stack_depth : EN_DEFAULT_MAX_DEPTH;
    // Large reservations: untouched pages cost no memory.
    vm->stack = och_malloc(EN_STACK_VALUES * sizeof(EnValue));
    vm->stack_end = vm->stack + EN_STACK_VALUES;
    vm->sp = vm->stack;
    vm->frames = och_malloc((vm->max_depth + 8) * sizeof(EnFrame));
    vm->poll_countdown = EN_POLL_EVERY;
    en_function_register_classes();
    return vm;
}

void en_vm_free(EnVM *vm) {
    if (!vm) return;
    och_free(vm->stack);
    och_free(vm->frames);
    och_free(vm->jobs);
    och_free(vm);
}

void en_bc_trace_compiling(struct EnCompileRoots *r, EnGCTracer *tr);

void en_vm_trace_frames(EnVM *vm, EnGCTracer *t) {
    en_gc_mark_values(t, vm->stack, (size_t)(vm->sp - vm->stack));
    for (uint32_t i = 0; i < vm->depth; i++) {
        EnFrame *f = &vm->frames[i];
        en_gc_mark_cell(t, f->tmpl);
        en_gc_mark_cell(t, f->callee);
        en_gc_mark_cell(t, f->env);
        en_gc_mark_value(t, f->this_val);
        en_gc_mark_value(t, f->new_target);
        en_gc_mark_value(t, f->acc);
        en_gc_mark_cell(t, f->gen);
    }
}

void en_vm_trace_roots(EnRuntime *rt, EnGCTracer *t) {
    EnVM *vm = rt->vm;
    if (!vm) return;
    en_vm_trace_frames(vm, t);
    en_bc_trace_compiling(vm->compiling, t);
    for (uint32_t i = vm->jobs_head; i < vm->jobs_len; i++) en_gc_mark_value(t, vm->jobs[i]);
    for (EnContext *cx = rt->contexts; cx; cx = cx->next) {
        en_gc_mark_cell(t, cx->global_lexicals);
        en_gc_mark_value(t, cx->template_registry);
    }
}

EnObject *en_vm_global_lexicals(EnContext *cx) { return (EnObject *)cx->global_lexicals; }

bool en_vm_context_init(EnContext *cx) {
    EnObject *lex = en_obj_new(cx, EN_CLASS_OBJECT, NULL, 0);
    if (!lex) return false;
    cx->global_lexicals = (struct EnGlobalLexicals *)lex;
    cx->template_registry = EN_UNDEFINED;
    if (!en_intrinsic(cx, EN_INTRINSIC_Eval) && !en_vm_install_eval(cx)) return false;
    return en_host_print_install(cx);
}

// ---------------------------------------------------------------------------
// Frames.

static EnValue throw_stack_overflow(EnContext *cx) {
    return en_throw_range_error(cx, "Maximum call stack size exceeded");
}

// Pushes a frame for a JS function call. argv must be rooted (caller
// registers or the VM stack). Returns false with an exception pending.
static bool push_frame(EnContext *cx, EnVM *vm, EnFunction *f, EnValue this_val,
                       const EnValue *argv, uint32_t argc, EnValue new_target, uint32_t flags) {
    EnFunctionTemplate *t = f->tmpl;
    if (!(t->flags & EN_TF_COMPILED)) {
        // Compilation may collect: f, this and argv are rooted by the caller.
        if (!en_bc_compile(cx, t)) return false;
        if (t->src->print_bytecode) {
            OchBuf b = {0};
            en_bc_disassemble(cx, t, &b);
            fputs(b.data ? b.data : "", stderr);
            och_buf_free(&b);
        }
    }
    if (vm->depth >= vm->max_depth) return throw_stack_overflow(cx), false;
    uint32_t nregs = t->nregs;
    if (vm->sp + argc + nregs + 16 > vm->stack_end) return throw_stack_overflow(cx), false;
    EnValue *base = vm->sp;
    if (argc) memmove(base, argv, argc * sizeof(EnValue));
    EnValue *regs = base + argc;
    uint32_t np = t->nparams;
    for (uint32_t i = 0; i < nregs; i++) regs[i] = i < np && i < argc ? base[i] : EN_UNDEFINED;
    vm->sp = regs + nregs;
    EnFrame *fr = &vm->frames[vm->depth++];
    fr->tmpl = t;
    fr->callee = &f->base;
    fr->pc = t->code;
    fr->regs = regs;
    fr->argv = base;
    fr->argc = argc;
    fr->flags = flags;
    fr->env = f->env;
    fr->acc = EN_UNDEFINED;
    fr->sp_base = base;
    fr->gen = NULL;
    if (t->flags & EN_TF_ARROW) {
        fr->this_val = f->this_val;
        fr->new_target = f->new_target;
    } else {
        fr->new_target = new_target;
        if (!(t->flags & EN_TF_STRICT) && !(flags & EN_FRAME_CONSTRUCT)) {
            if (en_is_nullish(this_val)) {
                this_val = cx->global_this;
            } else if (!en_is_object(this_val)) {
                fr->this_val = EN_UNDEFINED;
                EnObject *o = en_to_object(cx, this_val);
                if (!o) {
                    vm->depth--;
                    vm->sp = base;
                    return false;
                }
                this_val = en_object_value(o);
            }
        }
        fr->this_val = this_val;
    }
    t->calls++;
    return true;
}

EnObject *en_vm_create_this(EnContext *cx, EnValue new_target) {
    EnObject *proto;
    if (!en_proto_from_ctor(cx, new_target, EN_INTRINSIC_ObjectPrototype, &proto)) return NULL;
    return en_obj_new(cx, EN_CLASS_OBJECT, proto, 4);
}

static EnValue run(EnContext *cx, EnVM *vm);

// Runs a frame pushed with EN_FRAME_ENTRY to completion.
static EnValue run_entry(EnContext *cx, EnVM *vm) {
    if (vm->c_depth >= EN_MAX_C_DEPTH) {
        EnFrame *fr = &vm->frames[--vm->depth];
        vm->sp = fr->sp_base;
        return throw_stack_overflow(cx);
    }
    vm->c_depth++;
    EnValue r = run(cx, vm);
    vm->c_depth--;
    return r;
}

EnValue en_vm_run_script(EnContext *cx, EnFunctionTemplate *t, EnEnv *env, EnValue this_val) {
    EnVM *vm = cx->rt->vm;
    if (vm->depth >= vm->max_depth || vm->sp + t->nregs + 16 > vm->stack_end)
        return throw_stack_overflow(cx);
    EnValue *regs = vm->sp;
    for (uint32_t i = 0; i < t->nregs; i++) regs[i] = EN_UNDEFINED;
    vm->sp = regs + t->nregs;
    EnFrame *fr = &vm->frames[vm->depth++];
    fr->tmpl = t;
    fr->callee = NULL;
    fr->pc = t->code;
    fr->regs = regs;
    fr->argv = regs;
    fr->argc = 0;
    fr->flags = EN_FRAME_ENTRY;
    fr->env = env;
    fr->acc = EN_UNDEFINED;
    fr->sp_base = regs;
    fr->gen = NULL;
    fr->this_val = this_val;
    fr->new_target = EN_UNDEFINED;
    return run_entry(cx, vm);
}

// ---------------------------------------------------------------------------
// Generators.

static void snapshot_trace(EnGCTracer *t, void *cell) {
    EnFrameSnapshot *s = cell;
    en_gc_mark_cell(t, s->tmpl);
    en_gc_mark_cell(t, s->callee);
    en_gc_mark_cell(t, s->env);
    en_gc_mark_value(t, s->this_val);
    en_gc_mark_values(t, s->values, s->hdr.aux);
}
static size_t snapshot_size(const void *cell) {
    const EnFrameSnapshot *s = cell;
    return sizeof(EnFrameSnapshot) + s->hdr.aux * sizeof(EnValue);
}
const EnCellOps en_ops_frame_snapshot = {snapshot_trace, NULL, snapshot_size};

static EnFrameSnapshot *snapshot_new(EnContext *cx, uint32_t n) {
    EnFrameSnapshot *snap = en_gc_alloc(cx, EN_CELL_FRAME_SNAPSHOT, sizeof *snap + n * sizeof(EnValue));
    if (!snap) return NULL;
    snap->hdr.aux = n;
    for (uint32_t i = 0; i < n; i++) snap->values[i] = EN_UNDEFINED;
    snap->tmpl = NULL;
    snap->callee = NULL;
    snap->env = NULL;
    snap->this_val = EN_UNDEFINED;
    return snap;
}

// Calling a generator function (or an async one): the frame is set up as
// for a call (argument binding, this coercion) under a fresh generator
// object. Generator bodies then run their parameter binding up to
// GenStart, which suspends into the snapshot (so parameter errors throw
// here); async function bodies are snapshotted at pc 0 and started by
// async.c. The prototype is read after the parameters (ES2025 15.5.2).
EnValue en_vm_generator_create(EnContext *cx, EnValue f, EnValue this_val, uint32_t argc,
                               const EnValue *argv) {
    EnVM *vm = cx->rt->vm;
    EnValue *keep = vm->sp;
    if (keep + 3 > vm->stack_end) return throw_stack_overflow(cx);
    keep[0] = f;
    keep[1] = this_val;
    keep[2] = EN_UNDEFINED;
    vm->sp += 3;
    EnValue res = EN_EXCEPTION;
    uint32_t tf = ((EnFunction *)en_as_object(f))->tmpl->flags;
    bool is_gen = (tf & EN_TF_GENERATOR) != 0;
    EnClassId cls = !is_gen ? EN_CLASS_ASYNC_FUNCTION_STATE
                    : (tf & EN_TF_ASYNC) ? EN_CLASS_ASYNC_GENERATOR : EN_CLASS_GENERATOR;
    EnObject *go = en_obj_new(cx, cls, NULL, 0);
    if (!go) goto done;
    keep[2] = en_object_value(go);
    EnGenerator *g = (EnGenerator *)go;
    g->snap = NULL;
    g->state = EN_GEN_EXECUTING;
    g->suspend_op = EN_OP_GenStart;
    g->queue = NULL;
    g->qhead = 0;
    if (!push_frame(cx, vm, (EnFunction *)en_as_object(keep[0]), keep[1], argv, argc, EN_UNDEFINED,
                    EN_FRAME_ENTRY))
        goto done;
    EnFrame *fr = &vm->frames[vm->depth - 1];
    uint32_t n = argc + fr->tmpl->nregs;
    EnFrameSnapshot *snap = snapshot_new(cx, n);
    fr = &vm->frames[vm->depth - 1];
    if (!snap) {
        vm->depth--;
        goto done;
    }
    snap->tmpl = fr->tmpl;
    snap->callee = fr->callee;
    snap->argc = argc;
    g = (EnGenerator *)en_as_object(keep[2]);
    g->snap = snap;
    fr->gen = &g->base;
    if (!is_gen) {
        snap->env = fr->env;
        snap->this_val = fr->this_val;
        snap->pc = 0;
        memcpy(snap->values, fr->argv, n * sizeof(EnValue));
        vm->depth--;
        g->state = EN_GEN_SUSPENDED_START;
        res = keep[2];
        goto done;
    }
    if (run_entry(cx, vm) == EN_EXCEPTION) goto done;
    g = (EnGenerator *)en_as_object(keep[2]);
    if (g->state != EN_GEN_SUSPENDED_START) {
        // No GenStart (cannot happen for compiled generator bodies).
        g->state = EN_GEN_COMPLETED;
    }
    EnValue proto = en_get(cx, keep[0], en_key_atom(en_atom(cx, EN_ATOM_prototype)));
    if (proto == EN_EXCEPTION) goto done;
    if (!en_is_object(proto)) {
        EnObject *gp = en_intrinsic(cx, cls == EN_CLASS_ASYNC_GENERATOR ? EN_INTRINSIC_AsyncGeneratorPrototype
                                                                        : EN_INTRINSIC_GeneratorPrototype);
        proto = gp ? en_object_value(gp) : EN_NULL;
    }
    bool sok;
    if (!en_obj_set_prototype_of(cx, en_as_object(keep[2]), proto == EN_NULL ? NULL : en_as_object(proto),
                                 &sok))
        goto done;
    res = keep[2];
done:
    vm->sp = keep;
    return res;
}

EnValue en_vm_generator_step(EnContext *cx, EnValue genv, int mode, EnValue v, int *stop) {
    *stop = EN_GEN_STOP_DONE;
    EnGenerator *g = (EnGenerator *)en_as_object(genv);
    EnVM *vm = cx->rt->vm;
    EnFrameSnapshot *snap = g->snap;
    EnFunctionTemplate *t = snap->tmpl;
    uint32_t n = snap->hdr.aux;
    if (vm->depth >= vm->max_depth || vm->sp + n + 16 > vm->stack_end) return throw_stack_overflow(cx);
    EnValue *keep = vm->sp;
    keep[0] = genv;
    EnValue *base = keep + 1;
    memcpy(base, snap->values, n * sizeof(EnValue));
    vm->sp = base + n;
    EnFrame *fr = &vm->frames[vm->depth++];
    fr->tmpl = t;
    fr->callee = snap->callee;
    fr->pc = t->code + snap->pc;
    fr->argv = base;
    fr->argc = snap->argc;
    fr->regs = base + snap->argc;
    fr->flags = EN_FRAME_ENTRY;
    if (g->suspend_op == EN_OP_YieldDelegate) {
        // yield* forwards the completion to the inner iterator.
        fr->regs[t->code[snap->pc - 1]] = en_int32(mode);
    } else if (mode == EN_GEN_THROW) {
        fr->flags |= EN_FRAME_THROW_ON_ENTRY;
        en_throw(cx, v);
    } else if (mode == EN_GEN_RETURN) {
        fr->flags |= EN_FRAME_RETURN_ON_ENTRY;
    }
    fr->this_val = snap->this_val;
    fr->new_target = EN_UNDEFINED;
    fr->env = snap->env;
    fr->acc = v;
    fr->sp_base = keep;
    fr->gen = &g->base;
    g->state = EN_GEN_EXECUTING;
    EnValue r = run_entry(cx, vm);
    g = (EnGenerator *)en_as_object(keep[0]);
    vm->sp = keep;
    if (r == EN_EXCEPTION) {
        g->state = EN_GEN_COMPLETED;
        return r;
    }
    if (g->state == EN_GEN_SUSPENDED_YIELD) {
        *stop = EN_GEN_STOP_YIELD;
    } else if (g->state == EN_GEN_AWAITING) {
        *stop = EN_GEN_STOP_AWAIT;
    } else {
        g->state = EN_GEN_COMPLETED;
    }
    return r;
}

EnValue en_vm_generator_resume(EnContext *cx, EnValue genv, int mode, EnValue v) {
    bool done;
    EnValue r = en_vm_generator_resume_raw(cx, genv, mode, v, &done);
    if (r == EN_EXCEPTION) return r;
    // A yield* step hands back the inner iterator's result as is.
    if (!done && ((EnGenerator *)en_as_object(genv))->suspend_op == EN_OP_YieldDelegate) return r;
    EnValue *hr = en_handle(cx, r);
    EnObject *res = en_create_iter_result(cx, *hr, done);
    return res ? en_object_value(res) : EN_EXCEPTION;
}

EnValue en_vm_generator_resume_raw(EnContext *cx, EnValue genv, int mode, EnValue v, bool *done_out) {
    *done_out = true;
    if (!en_is_object(genv) || en_obj_class(en_as_object(genv)) != EN_CLASS_GENERATOR)
        return en_throw_type_error(cx, "next method called on incompatible receiver");
    EnGenerator *g = (EnGenerator *)en_as_object(genv);
    if (g->state == EN_GEN_EXECUTING) return en_throw_type_error(cx, "Generator is already running");
    if (g->state == EN_GEN_SUSPENDED_START && mode != EN_GEN_NEXT) g->state = EN_GEN_COMPLETED;
    if (g->state == EN_GEN_COMPLETED) {
        if (mode == EN_GEN_THROW) return en_throw(cx, v);
        return mode == EN_GEN_RETURN ? v : EN_UNDEFINED;
    }
    int stop;
    EnValue r = en_vm_generator_step(cx, genv, mode, v, &stop);
    *done_out = stop != EN_GEN_STOP_YIELD;
    return r;
}

// ---------------------------------------------------------------------------
// Calls from C.

static EnValue call_bound(EnContext *cx, EnBoundFunction *b, uint32_t argc, const EnValue *argv,
                          EnValue new_target, bool construct) {
    EnVM *vm = cx->rt->vm;
    uint32_t nb = b->args ? b->args->length : 0;
    if (vm->sp + nb + argc + 16 > vm->stack_end) return throw_stack_overflow(cx);
    EnValue *all = vm->sp;
    for (uint32_t i = 0; i < nb; i++) all[i] = b->args->v[i];
    for (uint32_t i = 0; i < argc; i++) all[nb + i] = argv[i];
    vm->sp += nb + argc;
    EnValue r;
    if (construct) {
        EnValue self = en_object_value(&b->base);
        if (new_target == self) new_target = b->target;
        r = en_construct(cx, b->target, nb + argc, all, new_target);
    } else {
        r = en_call(cx, b->target, b->this_val, nb + argc, all);
    }
    vm->sp = all;
    return r;
}

EnValue en_call(EnContext *cx, EnValue f, EnValue this_val, uint32_t argc, const EnValue *argv) {
    if (!en_is_callable(f)) return en_throw_type_error(cx, "value is not a function");
    EnObject *o = en_as_object(f);
    EnVM *vm = cx->rt->vm;
    switch (en_obj_class(o)) {
    case EN_CLASS_FUNCTION: {
        if (o->hdr.flags & EN_OBJ_CLASS_CONSTRUCTOR)
            return en_throw_type_error(cx, "Class constructor cannot be invoked without 'new'");
        if ((((EnFunction *)o)->tmpl->flags & (EN_TF_ASYNC | EN_TF_GENERATOR)) ==
            (EN_TF_ASYNC | EN_TF_GENERATOR))
            return en_vm_async_generator_start(cx, f, this_val, argc, argv);
        if (((EnFunction *)o)->tmpl->flags & EN_TF_ASYNC)
            return en_vm_async_start(cx, f, this_val, argc, argv);
        if (((EnFunction *)o)->tmpl->flags & EN_TF_GENERATOR)
            return en_vm_generator_create(cx, f, this_val, argc, argv);
        // Keep f and this reachable while compiling / pushing.
        EnValue *keep = vm->sp;
        if (keep + 2 > vm->stack_end) return throw_stack_overflow(cx);
        keep[0] = f;
        keep[1] = this_val;
        vm->sp += 2;
        bool ok = push_frame(cx, vm, (EnFunction *)o, this_val, argv, argc, EN_UNDEFINED,
                             EN_FRAME_ENTRY);
        if (!ok) {
            vm->sp = keep;
            return EN_EXCEPTION;
        }
        EnValue r = run_entry(cx, vm);
        vm->sp = keep;
        return r;
    }
    case EN_CLASS_NATIVE_FUNCTION: {
        EnNativeFunction *nf = (EnNativeFunction *)o;
        if (vm->c_depth >= EN_MAX_C_DEPTH * 4) return throw_stack_overflow(cx);
        EnArgs a = {this_val, EN_UNDEFINED, o, argc, argv};
        vm->c_depth++;
        EnValue r = nf->fn(cx, &a);
        vm->c_depth--;
        return r;
    }
    case EN_CLASS_BOUND_FUNCTION:
        return call_bound(cx, (EnBoundFunction *)o, argc, argv, EN_UNDEFINED, false);
    case EN_CLASS_PROXY: return en_proxy_call(cx, o, this_val, argc, argv);
    default: return en_throw_type_error(cx, "value is not a function");
    }
}

EnValue en_construct(EnContext *cx, EnValue f, uint32_t argc, const EnValue *argv,
                     EnValue new_target) {
    if (!en_is_constructor(f)) return en_throw_type_error(cx, "value is not a constructor");
    EnObject *o = en_as_object(f);
    EnVM *vm = cx->rt->vm;
    switch (en_obj_class(o)) {
    case EN_CLASS_FUNCTION: {
        EnValue *keep = vm->sp;
        if (keep + 3 > vm->stack_end) return throw_stack_overflow(cx);
        keep[0] = f;
        keep[1] = new_target;
        keep[2] = EN_UNINIT;
        vm->sp += 3;
        if (!(((EnFunction *)o)->tmpl->flags & EN_TF_DERIVED)) {
            EnObject *self = en_vm_create_this(cx, new_target);
            if (!self) {
                vm->sp = keep;
                return EN_EXCEPTION;
            }
            keep[2] = en_object_value(self);
        }
        if (!push_frame(cx, vm, (EnFunction *)en_as_object(keep[0]), keep[2], argv, argc,
                        keep[1], EN_FRAME_ENTRY | EN_FRAME_CONSTRUCT)) {
            vm->sp = keep;
            return EN_EXCEPTION;
        }
        EnValue r = run_entry(cx, vm);
        vm->sp = keep;
        return r;
    }
    case EN_CLASS_NATIVE_FUNCTION: {
        EnNativeFunction *nf = (EnNativeFunction *)o;
        if (vm->c_depth >= EN_MAX_C_DEPTH * 4) return throw_stack_overflow(cx);
        EnArgs a = {EN_UNDEFINED, new_target, o, argc, argv};
        vm->c_depth++;
        EnValue r = nf->fn(cx, &a);
        vm->c_depth--;
        return r;
    }
    case EN_CLASS_BOUND_FUNCTION:
        return call_bound(cx, (EnBoundFunction *)o, argc, argv, new_target, true);
    case EN_CLASS_PROXY: return en_proxy_construct(cx, o, argc, argv, new_target);
    default: return en_throw_type_error(cx, "value is not a constructor");
    }
}

EnValue en_invoke(EnContext *cx, EnValue obj, EnKey method, uint32_t argc, const EnValue *argv) {
    EnValue *h = en_handle(cx, obj);
    EnValue m = en_get(cx, obj, method);
    if (m == EN_EXCEPTION) return m;
    EnValue *hm = en_handle(cx, m);
    return en_call(cx, *hm, *h, argc, argv);
}

// ---------------------------------------------------------------------------
// The dispatch loop.

static EnValue throw_not_callable(EnContext *cx, EnValue v, bool construct) {
    EnString *t = en_typeof(cx, v);
    OchBuf b = {0};
    if (t) en_str_to_utf8(cx, t, &b);
    EnValue r = en_throw_type_error(cx, "%s is not a %s", b.data ? b.data : "value",
                                    construct ? "constructor" : "function");
    och_buf_free(&b);
    return r;
}

static EnValue env_lookup(EnEnv *env, uint32_t hops, uint32_t slot, EnEnv **holder) {
    while (hops--) env = env->parent;
    *holder = env;
    return env->slots[slot];
}

static EnValue throw_tdz_name(EnContext *cx, EnValue name) {
    OchBuf b = {0};
    en_str_to_utf8(cx, en_as_string(name), &b);
    EnValue r = en_throw_reference_error(cx, "Cannot access '%s' before initialization",
                                         b.data ? b.data : "");
    och_buf_free(&b);
    return r;
}

static const EnHandler *find_handler(const EnFunctionTemplate *t, uint32_t off) {
    for (uint32_t i = 0; i < t->nhandlers; i++)
        if (off >= t->handlers[i].start && off < t->handlers[i].end) return &t->handlers[i];
    return NULL;
}

#if defined(__GNUC__)
#define EN_THREADED 1
#endif

static EnValue run(EnContext *cx, EnVM *vm) {
    EnRuntime *rt = cx->rt;
    uint32_t entry_depth = vm->depth;
    uint32_t handles_base = rt->handles_top;
    EnFrame *fr;
    const uint32_t *pc;
    EnValue *R;
    const EnValue *K;
    EnFeedback *FB;
    EnFunctionTemplate *T;
    EnValue acc = EN_UNDEFINED;

#define LOAD_FRAME()                  \
    do {                              \
        fr = &vm->frames[vm->depth - 1]; \
        T = fr->tmpl;                 \
        pc = fr->pc;                  \
        R = fr->regs;                 \
        K = T->consts;                \
        FB = T->feedback;             \
    } while (0)
#define SYNC() (fr->pc = pc, fr->acc = acc)
#define CHECK(v)                           \
    do {                                   \
        if ((v) == EN_EXCEPTION) goto throw_; \
    } while (0)
#define OPND(i) (pc[i])
#define SOPND(i) ((int32_t)pc[i])

    LOAD_FRAME();
    acc = fr->acc;

#ifdef EN_THREADED
    static void *const labels[EN_OP_COUNT] = {
#define EN_OP_LABEL_(name, ops) &&L_##name,
        EN_OPCODES(EN_OP_LABEL_)
#undef EN_OP_LABEL_
    };
#define DISPATCH() goto *labels[*pc++]
#define CASE(name) L_##name:
    if (fr->flags & (EN_FRAME_THROW_ON_ENTRY | EN_FRAME_RETURN_ON_ENTRY)) goto resume_abrupt;
    DISPATCH();
#else
#define DISPATCH() goto dispatch_
#define CASE(name) case EN_OP_##name:
    if (fr->flags & (EN_FRAME_THROW_ON_ENTRY | EN_FRAME_RETURN_ON_ENTRY)) goto resume_abrupt;
dispatch_:
    switch ((EnOpcode)*pc++) {
#endif

    CASE(LdaUndef) acc = EN_UNDEFINED; DISPATCH();
    CASE(LdaNull) acc = EN_NULL; DISPATCH();
    CASE(LdaTrue) acc = EN_TRUE; DISPATCH();
    CASE(LdaFalse) acc = EN_FALSE; DISPATCH();
    CASE(LdaUninit) acc = EN_UNINIT; DISPATCH();
    CASE(LdaInt) acc = en_int32(SOPND(0)); pc += 1; DISPATCH();
    CASE(LdaConst) acc = K[OPND(0)]; pc += 1; DISPATCH();
    CASE(Ldar) acc = R[OPND(0)]; pc += 1; DISPATCH();
    CASE(Star) R[OPND(0)] = acc; pc += 1; DISPATCH();
    CASE(Mov) R[OPND(1)] = R[OPND(0)]; pc += 2; DISPATCH();
    CASE(ThrowIfUninit) {
        if (acc == EN_UNINIT) {
            SYNC();
            pc += 1;
            throw_tdz_name(cx, K[OPND(-1)]);
            goto throw_;
        }
        pc += 1;
        DISPATCH();
    }
    CASE(LdaEnv) {
        EnEnv *h;
        acc = env_lookup(fr->env, OPND(0), OPND(1), &h);
        pc += 2;
        DISPATCH();
    }
    CASE(StaEnv) {
        EnEnv *e = fr->env;
        for (uint32_t i = OPND(0); i; i--) e = e->parent;
        en_store(cx, e, &e->slots[OPND(1)], acc);
        pc += 2;
        DISPATCH();
    }
    CASE(PushEnv) {
        pc += 1;
        SYNC();
        EnEnv *e = en_env_new(cx, fr->env, OPND(-1));
        if (!e) goto throw_;
        fr->env = e;
        DISPATCH();
    }
    CASE(PopEnv) fr->env = fr->env->parent; DISPATCH();
    CASE(CopyEnv) {
        SYNC();
        EnEnv *old = fr->env;
        EnEnv *e = en_env_new(cx, old->parent, old->hdr.aux);
        if (!e) goto throw_;
        old = fr->env;
        memcpy(e->slots, old->slots, old->hdr.aux * sizeof(EnValue));
        fr->env = e;
        DISPATCH();
    }
    CASE(SaveEnv) R[OPND(0)] = fr->env ? en_cell_value(fr->env) : EN_UNDEFINED; pc += 1; DISPATCH();
    CASE(RestoreEnv) {
        EnValue v = R[OPND(0)];
        fr->env = v == EN_UNDEFINED ? NULL : (EnEnv *)en_as_ptr(v);
        pc += 1;
        DISPATCH();
    }
    CASE(LdaGlobal) CASE(LdaGlobalTypeof) {
        EnFeedback *fb = &FB[OPND(1)];
        bool typeof_ = pc[-1] == EN_OP_LdaGlobalTypeof;
        pc += 2;
        EnObject *g = cx->global;
        if (fb->state == EN_IC_MONO && fb->e[0].shape == g->shape &&
            fb->aux == vm->lexical_epoch) {
            acc = *en_obj_slot_ref(g, fb->e[0].slot);
            DISPATCH();
        }
        SYNC();
        acc = en_op_lda_global(cx, en_as_string(K[OPND(-2)]), typeof_, fb);
        CHECK(acc);
        DISPATCH();
    }
    CASE(StaGlobal) {
        EnFeedback *fb = &FB[OPND(1)];
        pc += 2;
        EnObject *g = cx->global;
        if (fb->state == EN_IC_MONO && fb->e[0].shape == g->shape &&
            fb->aux == vm->lexical_epoch) {
            en_store(cx, g, en_obj_slot_ref(g, fb->e[0].slot), acc);
            DISPATCH();
        }
        SYNC();
        if (!en_op_sta_global(cx, en_as_string(K[OPND(-2)]), acc,
                              (T->flags & EN_TF_STRICT) != 0, false, fb))
            goto throw_;
        acc = fr->acc;
        DISPATCH();
    }
    CASE(StaGlobalInit) {
        pc += 1;
        SYNC();
        if (!en_op_sta_global(cx, en_as_string(K[OPND(-1)]), acc, true, true, NULL)) goto throw_;
        acc = fr->acc;
        DISPATCH();
    }
    CASE(DeclareGlobalVar) CASE(DeclareGlobalFn) {
        EnOpcode op = (EnOpcode)pc[-1];
        pc += 1;
        SYNC();
        if (!en_op_declare_global(cx, op, en_as_string(K[OPND(-1)]), acc, 0)) goto throw_;
        DISPATCH();
    }
    CASE(DeclareGlobalLex) {
        pc += 2;
        SYNC();
        if (!en_op_declare_global(cx, EN_OP_DeclareGlobalLex, en_as_string(K[OPND(-2)]), acc,
                                  OPND(-1)))
            goto throw_;
        DISPATCH();
    }
    CASE(LdaThis) {
        acc = fr->this_val;
        if (acc == EN_UNINIT) {
            SYNC();
            en_throw_reference_error(cx, "Must call super constructor in derived class before "
                                         "accessing 'this' or returning from derived constructor");
            goto throw_;
        }
        DISPATCH();
    }
    CASE(LdaNewTarget) acc = fr->new_target; DISPATCH();
    CASE(LdaCallee) acc = fr->callee ? en_object_value(fr->callee) : EN_UNDEFINED; DISPATCH();
    CASE(CreateClosure) {
        pc += 1;
        SYNC();
        EnObject *f = en_function_new(cx, (EnFunctionTemplate *)en_as_ptr(K[OPND(-1)]), fr->env,
                                      fr->this_val, fr->new_target);
        if (!f) goto throw_;
        if ((((EnFunction *)f)->tmpl->flags & EN_TF_ARROW) && fr->callee &&
            en_obj_class(fr->callee) == EN_CLASS_FUNCTION)
            ((EnFunction *)f)->home_object = ((EnFunction *)fr->callee)->home_object;
        acc = en_object_value(f);
        DISPATCH();
    }
    CASE(CreateArguments) {
        SYNC();
        acc = en_op_create_arguments(cx, fr);
        CHECK(acc);
        DISPATCH();
    }
    CASE(CreateRest) {
        pc += 1;
        SYNC();
        acc = en_op_create_rest(cx, fr, OPND(-1));
        CHECK(acc);
        DISPATCH();
    }
    CASE(CallRuntime) {
        // Rare operations (modules, eval, with) live out of line; they may
        // replace fr->env, never the frame itself.
        pc += 3;
        SYNC();
        acc = en_runtime_fns[OPND(-3)](cx, fr, acc, &R[OPND(-2)], OPND(-1));
        CHECK(acc);
        DISPATCH();
    }

    // --- properties
    CASE(GetNamed) {
        EnValue obj = R[OPND(0)];
        EnFeedback *fb = &FB[OPND(2)];
        pc += 3;
        if (en_is_object(obj)) {
            EnObject *o = en_as_object(obj);
            if (en_obj_class(o) == EN_CLASS_ARRAY &&
                K[OPND(-2)] == en_string_value(rt->atoms[EN_ATOM_length])) {
                uint32_t len = ((EnArray *)o)->length;
                acc = len <= INT32_MAX ? en_int32((int32_t)len) : en_double((double)len);
                DISPATCH();
            }
            for (uint32_t i = 0; i < fb->n; i++) {
                EnICEntry *e = &fb->e[i];
                if (e->shape != o->shape) continue;
                if (!e->holder) {
                    acc = *en_obj_slot_ref(o, e->slot);
                    DISPATCH();
                }
                if (e->holder->shape == e->holder_shape) {
                    acc = *en_obj_slot_ref(e->holder, e->slot);
                    DISPATCH();
                }
            }
        } else if (en_is_string(obj) && K[OPND(-2)] == en_string_value(rt->atoms[EN_ATOM_length])) {
            acc = en_int32((int32_t)en_str_length(en_as_string(obj)));
            DISPATCH();
        }
        SYNC();
        acc = en_op_get_named(cx, obj, K[OPND(-2)], fb);
        CHECK(acc);
        DISPATCH();
    }
    CASE(SetNamed) {
        EnValue obj = R[OPND(0)];
        EnFeedback *fb = &FB[OPND(2)];
        pc += 3;
        if (en_is_object(obj)) {
            EnObject *o = en_as_object(obj);
            for (uint32_t i = 0; i < fb->n; i++) {
                EnICEntry *e = &fb->e[i];
                if (e->shape != o->shape || e->holder) continue;
                if (e->holder_shape) {
                    // Cached transition: the new slot is inline, so no
                    // storage grows. (Assumes the prototype chain gained no
                    // setter or read-only property for the key meanwhile.)
                    o->shape = e->holder_shape;
                    EnValue *slot = en_obj_slot_ref(o, e->slot);
                    en_store(cx, o, slot, acc);
                    DISPATCH();
                }
                en_store(cx, o, en_obj_slot_ref(o, e->slot), acc);
                DISPATCH();
            }
        }
        SYNC();
        if (!en_op_set_named(cx, obj, K[OPND(-2)], acc, (T->flags & EN_TF_STRICT) != 0, fb))
            goto throw_;
        acc = fr->acc;
        DISPATCH();
    }
    CASE(GetKeyed) {
        EnValue obj = R[OPND(0)];
        pc += 2;
        if (en_is_int32(acc) && en_is_object(obj)) {
            EnObject *o = en_as_object(obj);
            int32_t i = en_as_int32(acc);
            if (en_obj_class(o) == EN_CLASS_ARRAY && i >= 0 &&
                !(o->hdr.flags & EN_OBJ_ELEM_DICT) && o->el.elements &&
                (uint32_t)i < o->el.elements->length) {
                EnValue v = o->el.elements->v[i];
                if (v != EN_HOLE) {
                    acc = v;
                    DISPATCH();
                }
            }
            if (en_obj_class(o) == EN_CLASS_TYPED_ARRAY && en_ta_get_fast(o, i, &acc)) DISPATCH();
        }
        SYNC();
        acc = en_op_get_keyed(cx, obj, acc);
        CHECK(acc);
        DISPATCH();
    }
    CASE(SetKeyed) {
        EnValue obj = R[OPND(0)];
        EnValue key = R[OPND(1)];
        pc += 3;
        if (en_is_int32(key) && en_is_object(obj)) {
            EnObject *o = en_as_object(obj);
            int32_t i = en_as_int32(key);
            if (en_obj_class(o) == EN_CLASS_ARRAY && i >= 0 &&
                !(o->hdr.flags & (EN_OBJ_ELEM_DICT | EN_OBJ_ELEM_FROZEN)) && o->el.elements &&
                (uint32_t)i < o->el.elements->length && o->el.elements->v[i] != EN_HOLE) {
                en_store(cx, o, &o->el.elements->v[i], acc);
                DISPATCH();
            }
            if (en_obj_class(o) == EN_CLASS_TYPED_ARRAY && en_ta_set_fast(o, i, acc)) DISPATCH();
            // Append to a packed array with spare capacity.
            EnValueArray *el = o->el.elements;
            if (en_obj_class(o) == EN_CLASS_ARRAY && el && i >= 0 && (uint32_t)i == el->length &&
                el->length < el->hdr.aux && ((EnArray *)o)->length == (uint32_t)i &&
                !(o->hdr.flags & (EN_OBJ_ELEM_DICT | EN_OBJ_ELEM_FROZEN | EN_OBJ_ELEM_HOLEY)) &&
                !(((EnArray *)o)->flags & EN_ARRAY_LENGTH_READONLY) &&
                !(o->shape->hdr.flags & EN_SHAPE_NOT_EXTENSIBLE)) {
                en_store(cx, el, &el->v[i], acc);
                el->length++;
                ((EnArray *)o)->length++;
                DISPATCH();
            }
        }
        SYNC();
        if (!en_op_set_keyed(cx, obj, key, acc, (T->flags & EN_TF_STRICT) != 0)) goto throw_;
        acc = fr->acc;
        DISPATCH();
    }
    CASE(DeleteNamed) {
        pc += 2;
        SYNC();
        acc = en_op_delete(cx, R[OPND(-2)], K[OPND(-1)], (T->flags & EN_TF_STRICT) != 0);
        CHECK(acc);
        DISPATCH();
    }
    CASE(DeleteKeyed) {
        pc += 1;
        SYNC();
        acc = en_op_delete(cx, R[OPND(-1)], acc, (T->flags & EN_TF_STRICT) != 0);
        CHECK(acc);
        DISPATCH();
    }
    CASE(DefineField) {
        pc += 2;
        SYNC();
        if (!en_op_define(cx, EN_OP_DefineField, R[OPND(-2)], K[OPND(-1)], acc)) goto throw_;
        DISPATCH();
    }
    CASE(DefineKeyed) CASE(DefineGetter) CASE(DefineSetter) {
        EnOpcode op = (EnOpcode)pc[-1];
        pc += 2;
        SYNC();
        if (!en_op_define(cx, op, R[OPND(-2)], R[OPND(-1)], acc)) goto throw_;
        DISPATCH();
    }
    CASE(CopyDataProps) {
        pc += 1;
        SYNC();
        if (!en_op_copy_data_props(cx, R[OPND(-1)], acc)) goto throw_;
        DISPATCH();
    }
    CASE(SetProto) {
        pc += 1;
        if (en_is_object(acc) || acc == EN_NULL) {
            SYNC();
            bool ok;
            if (!en_obj_set_prototype_of(cx, en_as_object(R[OPND(-1)]),
                                         acc == EN_NULL ? NULL : en_as_object(acc), &ok))
                goto throw_;
        }
        DISPATCH();
    }
    CASE(SetFnName) {
        pc += 1;
        SYNC();
        if (!en_op_set_fn_name(cx, acc, R[OPND(-1)])) goto throw_;
        acc = fr->acc;
        DISPATCH();
    }
    CASE(ObjectRest) {
        pc += 3;
        SYNC();
        acc = en_op_object_rest(cx, R[OPND(-3)], &R[OPND(-2)], OPND(-1));
        CHECK(acc);
        DISPATCH();
    }
    CASE(CreateObject) {
        SYNC();
        EnObject *o = en_obj_new_plain(cx);
        if (!o) goto throw_;
        acc = en_object_value(o);
        DISPATCH();
    }
    CASE(CreateArray) {
        pc += 1;
        SYNC();
        EnObject *o = en_array_new(cx, OPND(-1));
        if (!o) goto throw_;
        acc = en_object_value(o);
        DISPATCH();
    }
    CASE(ArrayPush) {
        pc += 1;
        SYNC();
        if (!en_array_push(cx, en_as_object(R[OPND(-1)]), acc)) goto throw_;
        DISPATCH();
    }
    CASE(ArrayHole) {
        pc += 1;
        SYNC();
        if (!en_op_array_hole(cx, R[OPND(-1)])) goto throw_;
        DISPATCH();
    }
    CASE(ArraySpread) {
        pc += 1;
        SYNC();
        if (!en_op_array_spread(cx, R[OPND(-1)], acc)) goto throw_;
        DISPATCH();
    }
    CASE(CreateRegExp) {
        pc += 2;
        SYNC();
        acc = en_op_create_regexp(cx, K[OPND(-2)], K[OPND(-1)]);
        CHECK(acc);
        DISPATCH();
    }

    // --- binary operators: acc = R[a] OP acc
    CASE(Add) {
        EnValue l = R[OPND(0)];
        pc += 2;
        if (en_is_int32(l) && en_is_int32(acc)) {
            int32_t r;
            if (!__builtin_add_overflow(en_as_int32(l), en_as_int32(acc), &r)) {
                acc = en_int32(r);
                DISPATCH();
            }
        }
        if (en_is_number(l) && en_is_number(acc)) {
            acc = en_number(en_as_number(l) + en_as_number(acc));
            DISPATCH();
        }
        SYNC();
        acc = en_op_add(cx, l, acc);
        CHECK(acc);
        DISPATCH();
    }
    CASE(Sub) {
        EnValue l = R[OPND(0)];
        pc += 2;
        if (en_is_int32(l) && en_is_int32(acc)) {
            int32_t r;
            if (!__builtin_sub_overflow(en_as_int32(l), en_as_int32(acc), &r)) {
                acc = en_int32(r);
                DISPATCH();
            }
        }
        if (en_is_number(l) && en_is_number(acc)) {
            acc = en_number(en_as_number(l) - en_as_number(acc));
            DISPATCH();
        }
        SYNC();
        acc = en_op_arith(cx, EN_OP_Sub, l, acc);
        CHECK(acc);
        DISPATCH();
    }
    CASE(Mul) {
        EnValue l = R[OPND(0)];
        pc += 2;
        if (en_is_int32(l) && en_is_int32(acc)) {
            int32_t r;
            if (!__builtin_mul_overflow(en_as_int32(l), en_as_int32(acc), &r) && r != 0) {
                acc = en_int32(r);
                DISPATCH();
            }
        }
        if (en_is_number(l) && en_is_number(acc)) {
            acc = en_number(en_as_number(l) * en_as_number(acc));
            DISPATCH();
        }
        SYNC();
        acc = en_op_arith(cx, EN_OP_Mul, l, acc);
        CHECK(acc);
        DISPATCH();
    }
    CASE(Div) CASE(Mod) CASE(Exp) {
        EnOpcode op = (EnOpcode)pc[-1];
        EnValue l = R[OPND(0)];
        pc += 2;
        if (op == EN_OP_Mod && en_is_int32(l) && en_is_int32(acc)) {
            int32_t a = en_as_int32(l), b = en_as_int32(acc);
            if (a >= 0 && b > 0) {
                acc = en_int32(a % b);
                DISPATCH();
            }
        }
        if (op == EN_OP_Div && en_is_number(l) && en_is_number(acc)) {
            acc = en_number(en_as_number(l) / en_as_number(acc));
            DISPATCH();
        }
        SYNC();
        acc = en_op_arith(cx, op, l, acc);
        CHECK(acc);
        DISPATCH();
    }
    CASE(BitOr) CASE(BitXor) CASE(BitAnd) CASE(Shl) CASE(Sar) CASE(Shr) {
        EnOpcode op = (EnOpcode)pc[-1];
        EnValue l = R[OPND(0)];
        pc += 2;
        if (en_is_int32(l) && en_is_int32(acc)) {
            int32_t a = en_as_int32(l), b = en_as_int32(acc);
            switch (op) {
            case EN_OP_BitOr: acc = en_int32(a | b); break;
            case EN_OP_BitXor: acc = en_int32(a ^ b); break;
            case EN_OP_BitAnd: acc = en_int32(a & b); break;
            case EN_OP_Shl: acc = en_int32((int32_t)((uint32_t)a << (b & 31))); break;
            case EN_OP_Sar: acc = en_int32(a >> (b & 31)); break;
            default: acc = en_number((double)((uint32_t)a >> (b & 31))); break;
            }
            DISPATCH();
        }
        SYNC();
        acc = en_op_arith(cx, op, l, acc);
        CHECK(acc);
        DISPATCH();
    }
    CASE(Lt) CASE(Le) CASE(Gt) CASE(Ge) {
        EnOpcode op = (EnOpcode)pc[-1];
        EnValue l = R[OPND(0)];
        pc += 1;
        if (en_is_number(l) && en_is_number(acc)) {
            double a = en_as_number(l), b = en_as_number(acc);
            bool r = op == EN_OP_Lt ? a < b : op == EN_OP_Le ? a <= b : op == EN_OP_Gt ? a > b : a >= b;
            acc = en_bool(r);
            DISPATCH();
        }
        SYNC();
        acc = en_op_compare(cx, op, l, acc);
        CHECK(acc);
        DISPATCH();
    }
    CASE(SEq) CASE(SNe) {
        EnOpcode op = (EnOpcode)pc[-1];
        EnValue l = R[OPND(0)];
        pc += 1;
        bool eq = l == acc && !en_is_double(l) ? true : en_strict_equals(l, acc);
        acc = en_bool(op == EN_OP_SEq ? eq : !eq);
        DISPATCH();
    }
    CASE(Eq) CASE(Ne) {
        EnOpcode op = (EnOpcode)pc[-1];
        EnValue l = R[OPND(0)];
        pc += 1;
        SYNC();
        acc = en_op_compare(cx, op, l, acc);
        CHECK(acc);
        DISPATCH();
    }
    CASE(In) {
        pc += 1;
        SYNC();
        acc = en_op_in(cx, R[OPND(-1)], acc);
        CHECK(acc);
        DISPATCH();
    }
    CASE(InstanceOf) {
        pc += 1;
        SYNC();
        acc = en_op_instance_of(cx, R[OPND(-1)], acc);
        CHECK(acc);
        DISPATCH();
    }

    // --- unary
    CASE(Neg) {
        if (en_is_int32(acc) && en_as_int32(acc) != 0 && en_as_int32(acc) != INT32_MIN) {
            acc = en_int32(-en_as_int32(acc));
            DISPATCH();
        }
        if (en_is_number(acc)) {
            acc = en_double(-en_as_number(acc));
            DISPATCH();
        }
        SYNC();
        acc = en_op_unary(cx, EN_OP_Neg, acc);
        CHECK(acc);
        DISPATCH();
    }
    CASE(Inc) {
        if (en_is_int32(acc) && en_as_int32(acc) != INT32_MAX) {
            acc = en_int32(en_as_int32(acc) + 1);
            DISPATCH();
        }
        SYNC();
        acc = en_op_unary(cx, EN_OP_Inc, acc);
        CHECK(acc);
        DISPATCH();
    }
    CASE(Dec) {
        if (en_is_int32(acc) && en_as_int32(acc) != INT32_MIN) {
            acc = en_int32(en_as_int32(acc) - 1);
            DISPATCH();
        }
        SYNC();
        acc = en_op_unary(cx, EN_OP_Dec, acc);
        CHECK(acc);
        DISPATCH();
    }
    CASE(ToNumber) CASE(ToNumeric) {
        if (en_is_number(acc)) DISPATCH();
        SYNC();
        acc = en_op_unary(cx, (EnOpcode)pc[-1], acc);
        CHECK(acc);
        DISPATCH();
    }
    CASE(Not) acc = en_bool(!en_to_boolean(acc)); DISPATCH();
    CASE(BitNot) CASE(TypeOf) CASE(ToStr) CASE(ToPropertyKey) CASE(ToObject) {
        EnOpcode op = (EnOpcode)pc[-1];
        if (op == EN_OP_BitNot && en_is_int32(acc)) {
            acc = en_int32(~en_as_int32(acc));
            DISPATCH();
        }
        if ((op == EN_OP_ToStr && en_is_string(acc)) || (op == EN_OP_ToPropertyKey && en_is_int32(acc) && en_as_int32(acc) >= 0)) DISPATCH();
        SYNC();
        acc = en_op_unary(cx, op, acc);
        CHECK(acc);
        DISPATCH();
    }

    // --- control
    CASE(Jmp) pc += 1 + SOPND(0); DISPATCH();
    CASE(JmpTrue) pc += 1 + (en_to_boolean(acc) ? SOPND(0) : 0); DISPATCH();
    CASE(JmpFalse) pc += 1 + (en_to_boolean(acc) ? 0 : SOPND(0)); DISPATCH();
    CASE(JmpNullish) pc += 1 + (en_is_nullish(acc) ? SOPND(0) : 0); DISPATCH();
    CASE(JmpNotNullish) pc += 1 + (en_is_nullish(acc) ? 0 : SOPND(0)); DISPATCH();
    CASE(JmpUndef) pc += 1 + (acc == EN_UNDEFINED ? SOPND(0) : 0); DISPATCH();
    CASE(JmpNotUndef) pc += 1 + (acc == EN_UNDEFINED ? 0 : SOPND(0)); DISPATCH();
    CASE(Loop) {
        pc += 1 + SOPND(0);
        T->backedges++;
        rt->handles_top = handles_base;
        if (--vm->poll_countdown == 0) {
            vm->poll_countdown = EN_POLL_EVERY;
            SYNC();
            if (!en_poll_interrupt(cx)) goto throw_;
        }
        DISPATCH();
    }
    CASE(ForInPrep) {
        pc += 1;
        SYNC();
        if (!en_op_for_in_prep(cx, acc, &R[OPND(-1)])) goto throw_;
        DISPATCH();
    }
    CASE(ForInNext) {
        pc += 2;
        SYNC();
        EnValue out = EN_UNDEFINED;
        int st = en_op_for_in_next(cx, &R[OPND(-2)], &out);
        if (st < 0) goto throw_;
        if (st > 0) acc = out;
        if (st == 0) pc += SOPND(-1);
        DISPATCH();
    }
    CASE(GetIterator) {
        pc += 1;
        SYNC();
        if (!en_op_get_iterator(cx, acc, &R[OPND(-1)])) goto throw_;
        DISPATCH();
    }
    CASE(IterNext) {
        EnValue *r = &R[OPND(0)];
        pc += 2;
        if (en_is_int32(r[1]) && r[2] != EN_TRUE) {
            EnObject *a = en_as_object(r[0]);
            uint32_t i = (uint32_t)en_as_int32(r[1]);
            if (!(a->hdr.flags & EN_OBJ_ELEM_DICT) && a->el.elements &&
                i < a->el.elements->length && i < ((EnArray *)a)->length &&
                a->el.elements->v[i] != EN_HOLE) {
                r[1] = en_int32((int32_t)i + 1);
                acc = a->el.elements->v[i];
                DISPATCH();
            }
        }
        SYNC();
        EnValue out = EN_UNDEFINED;
        int st = en_op_iter_next(cx, r, &out);
        if (st < 0) goto throw_;
        if (st > 0) acc = out;
        if (st == 0) pc += SOPND(-1);
        DISPATCH();
    }
    CASE(IterValue) {
        pc += 1;
        SYNC();
        EnValue v = EN_UNDEFINED;
        int st = en_op_iter_next(cx, &R[OPND(-1)], &v);
        if (st < 0) goto throw_;
        acc = st ? v : EN_UNDEFINED;
        DISPATCH();
    }
    CASE(IterRest) {
        pc += 1;
        SYNC();
        acc = en_op_iter_rest(cx, &R[OPND(-1)]);
        CHECK(acc);
        DISPATCH();
    }
    CASE(IterClose) CASE(IterEnd) {
        pc += 1;
        SYNC();
        if (!en_op_iter_close(cx, &R[OPND(-1)], false)) goto throw_;
        acc = fr->acc;
        DISPATCH();
    }
    CASE(IterCloseThrow) {
        pc += 1;
        SYNC();
        if (!en_op_iter_close(cx, &R[OPND(-1)], true)) goto throw_;
        acc = fr->acc;
        DISPATCH();
    }

    // --- calls
    CASE(Call) CASE(New) CASE(CallSpread) CASE(NewSpread) {
        EnOpcode op = (EnOpcode)pc[-1];
        bool spread = op == EN_OP_CallSpread || op == EN_OP_NewSpread;
        bool construct = op == EN_OP_New || op == EN_OP_NewSpread;
        EnValue f = R[OPND(0)];
        uint32_t base = OPND(1);
        EnValue this_val;
        const EnValue *argv;
        uint32_t argc;
        if (spread) {
            pc += 2;
        } else {
            FB[OPND(3)].count++;
            pc += 4;
        }
        SYNC();
        if (spread) {
            EnValue arr = construct ? R[base] : R[base + 1];
            EnArray *a = (EnArray *)en_as_object(arr);
            argc = a->length;
            if (vm->sp + argc + 16 > vm->stack_end) {
                throw_stack_overflow(cx);
                goto throw_;
            }
            EnValue *dst = vm->sp;
            for (uint32_t i = 0; i < argc; i++) {
                EnValue v = en_get_index(cx, arr, i);
                if (v == EN_EXCEPTION) goto throw_;
                dst[i] = v;
                vm->sp = dst + i + 1;
            }
            argv = dst;
            this_val = construct ? EN_UNDEFINED : R[base];
        } else {
            argc = OPND(-2);
            argv = construct ? &R[base] : &R[base + 1];
            this_val = construct ? EN_UNDEFINED : R[base];
        }
        if (--vm->poll_countdown == 0) {
            vm->poll_countdown = EN_POLL_EVERY;
            if (!en_poll_interrupt(cx)) goto throw_;
        }
        rt->handles_top = handles_base;
        if (en_is_object(f) && en_obj_class(en_as_object(f)) == EN_CLASS_FUNCTION &&
            !(((EnFunction *)en_as_object(f))->tmpl->flags & (EN_TF_GENERATOR | EN_TF_ASYNC)) &&
            (construct ? (en_as_object(f)->hdr.flags & EN_OBJ_CONSTRUCTOR) != 0
                       : !(en_as_object(f)->hdr.flags & EN_OBJ_CLASS_CONSTRUCTOR))) {
            EnFunction *fn = (EnFunction *)en_as_object(f);
            uint32_t flags = 0;
            if (construct && (fn->tmpl->flags & EN_TF_DERIVED)) {
                this_val = EN_UNINIT;
                flags = EN_FRAME_CONSTRUCT;
            } else if (construct) {
                EnObject *self = en_vm_create_this(cx, f);
                if (!self) goto throw_;
                this_val = en_object_value(self);
                flags = EN_FRAME_CONSTRUCT;
                // Keep `this` rooted while the callee compiles.
                fr->acc = this_val;
            }
            EnValue *saved_sp = vm->sp;
            if (!push_frame(cx, vm, fn, this_val, argv, argc, construct ? en_object_value(&fn->base) : EN_UNDEFINED, flags)) {
                vm->sp = spread ? saved_sp - argc : saved_sp;
                goto throw_;
            }
            LOAD_FRAME();
            DISPATCH();
        }
        if (!en_is_callable(f) || (construct && !en_is_constructor(f))) {
            if (spread) vm->sp -= argc;
            throw_not_callable(cx, f, construct);
            goto throw_;
        }
        EnValue r = construct ? en_construct(cx, f, argc, argv, f)
                              : en_call(cx, f, this_val, argc, argv);
        if (spread) vm->sp -= argc;
        CHECK(r);
        acc = r;
        DISPATCH();
    }
    // --- classes
    CASE(DefineClass) {
        uint32_t r = OPND(1);
        pc += 3;
        SYNC();
        EnValue proto = EN_UNDEFINED;
        acc = en_op_define_class(cx, (EnFunctionTemplate *)en_as_ptr(K[OPND(-3)]), fr->env, R[r],
                                 OPND(-1) != 0, &proto);
        CHECK(acc);
        R[r + 1] = proto;
        DISPATCH();
    }
    CASE(DefineMethod) {
        pc += 3;
        SYNC();
        if (!en_op_define_method(cx, R[OPND(-3)], R[OPND(-2)], acc, OPND(-1))) goto throw_;
        DISPATCH();
    }
    CASE(SetFields) {
        pc += 1;
        ((EnFunction *)en_as_object(R[OPND(-1)]))->fields = acc;
        DISPATCH();
    }
    CASE(InitFields) {
        SYNC();
        if (!en_op_init_fields(cx, fr->callee, fr->this_val)) goto throw_;
        DISPATCH();
    }
    CASE(CreatePrivateName) {
        pc += 1;
        SYNC();
        acc = en_op_create_private_name(cx, K[OPND(-1)]);
        CHECK(acc);
        DISPATCH();
    }
    CASE(GetPrivate) CASE(HasPrivate) {
        EnOpcode op = (EnOpcode)pc[-1];
        pc += 1;
        SYNC();
        if (op == EN_OP_GetPrivate) acc = en_op_private(cx, op, R[OPND(-1)], acc, EN_UNDEFINED);
        else acc = en_op_private(cx, op, acc, R[OPND(-1)], EN_UNDEFINED);
        CHECK(acc);
        DISPATCH();
    }
    CASE(SetPrivate) CASE(DefinePrivate) {
        EnOpcode op = (EnOpcode)pc[-1];
        pc += 2;
        SYNC();
        acc = en_op_private(cx, op, R[OPND(-2)], R[OPND(-1)], acc);
        CHECK(acc);
        DISPATCH();
    }
    CASE(SuperCall) {
        pc += 2;
        SYNC();
        acc = en_op_super_call(cx, fr, &R[OPND(-2)], OPND(-1));
        CHECK(acc);
        DISPATCH();
    }
    CASE(SuperCallSpread) {
        pc += 1;
        SYNC();
        EnValue arr = R[OPND(-1)];
        uint32_t argc = ((EnArray *)en_as_object(arr))->length;
        if (vm->sp + argc + 16 > vm->stack_end) {
            throw_stack_overflow(cx);
            goto throw_;
        }
        EnValue *dst = vm->sp;
        for (uint32_t i = 0; i < argc; i++) {
            EnValue v = en_get_index(cx, arr, i);
            if (v == EN_EXCEPTION) {
                vm->sp = dst;
                goto throw_;
            }
            dst[i] = v;
            vm->sp = dst + i + 1;
        }
        acc = en_op_super_call(cx, fr, dst, argc);
        vm->sp = dst;
        CHECK(acc);
        DISPATCH();
    }
    CASE(GetSuper) {
        pc += 1;
        SYNC();
        acc = en_op_get_super(cx, fr, K[OPND(-1)]);
        CHECK(acc);
        DISPATCH();
    }
    CASE(GetSuperKeyed) {
        SYNC();
        acc = en_op_get_super(cx, fr, acc);
        CHECK(acc);
        DISPATCH();
    }
    CASE(SetHomeObject) {
        pc += 1;
        if (en_is_object(acc) && en_obj_class(en_as_object(acc)) == EN_CLASS_FUNCTION)
            ((EnFunction *)en_as_object(acc))->home_object = R[OPND(-1)];
        DISPATCH();
    }
    CASE(SetSuper) {
        pc += 1;
        SYNC();
        if (!en_op_set_super(cx, fr, R[OPND(-1)], acc)) goto throw_;
        acc = fr->acc;
        DISPATCH();
    }
    CASE(GetTemplateObject) {
        EnFeedback *fb = &FB[OPND(0)];
        pc += 3;
        if (fb->n) {
            acc = en_object_value(fb->e[0].holder);
            DISPATCH();
        }
        SYNC();
        acc = en_op_template_object(cx, &K[OPND(-1)], OPND(-2));
        CHECK(acc);
        fb->n = 1;
        fb->e[0].holder = en_as_object(acc);
        DISPATCH();
    }
    CASE(DefinePrivateMethod) {
        pc += 3;
        SYNC();
        if (!en_op_define_private_method(cx, R[OPND(-3)], R[OPND(-2)], acc, OPND(-1))) goto throw_;
        DISPATCH();
    }
    CASE(SetFieldKeys) {
        pc += 1;
        ((EnFunction *)en_as_object(acc))->home_object = R[OPND(-1)];
        DISPATCH();
    }
    CASE(LdaFieldKey) {
        pc += 1;
        SYNC();
        acc = en_get_index(cx, ((EnFunction *)fr->callee)->home_object, OPND(-1));
        CHECK(acc);
        DISPATCH();
    }
    CASE(CallElement) {
        pc += 1;
        SYNC();
        acc = en_call(cx, acc, R[OPND(-1)], 0, NULL);
        CHECK(acc);
        DISPATCH();
    }
    CASE(Return) {
        EnValue result = acc;
        if ((fr->flags & EN_FRAME_CONSTRUCT) && !en_is_object(result)) {
            if ((T->flags & EN_TF_DERIVED) && result != EN_UNDEFINED) {
                SYNC();
                en_throw_type_error(cx, "Derived constructors may only return object or undefined");
                goto throw_;
            }
            result = fr->this_val;
            if (result == EN_UNINIT) {
                SYNC();
                en_throw_reference_error(cx, "Must call super constructor in derived class before "
                                             "accessing 'this' or returning from derived constructor");
                goto throw_;
            }
        }
        uint32_t flags = fr->flags;
        vm->sp = fr->sp_base;
        vm->depth--;
        rt->handles_top = handles_base;
        if (flags & EN_FRAME_ENTRY) return result;
        LOAD_FRAME();
        // A spread call left its argument copies under the callee's window.
        vm->sp = fr->regs + T->nregs;
        acc = result;
        DISPATCH();
    }
    CASE(Throw) {
        SYNC();
        en_throw(cx, acc);
        goto throw_;
    }
    CASE(ThrowConst) {
        pc += 1;
        SYNC();
        en_throw_type_error(cx, "Assignment to constant variable.");
        goto throw_;
    }
    CASE(ThrowMsg) {
        pc += 2;
        SYNC();
        en_op_throw_msg(cx, OPND(-2), K[OPND(-1)]);
        goto throw_;
    }
    // --- generators and async bodies: each suspension saves the frame into
    // the generator's snapshot and returns to the resumer (the frame is an
    // entry frame: en_vm_generator_create / en_vm_generator_step).
#define SUSPEND(new_state, op_)                                                           \
    do {                                                                                  \
        EnGenerator *g_ = (EnGenerator *)fr->gen;                                         \
        EnFrameSnapshot *s_ = g_->snap;                                                   \
        s_->pc = (uint32_t)(pc - T->code);                                                \
        s_->env = fr->env;                                                                \
        s_->this_val = fr->this_val;                                                      \
        memcpy(s_->values, fr->argv, (s_->argc + T->nregs) * sizeof(EnValue));           \
        g_->state = (new_state);                                                          \
        g_->suspend_op = (op_);                                                           \
        vm->sp = fr->sp_base;                                                             \
        vm->depth--;                                                                      \
        rt->handles_top = handles_base;                                                   \
        return acc;                                                                       \
    } while (0)
    CASE(GenStart) SUSPEND(EN_GEN_SUSPENDED_START, EN_OP_GenStart);
    CASE(Yield) {
        pc += 1;
        SUSPEND(EN_GEN_SUSPENDED_YIELD, EN_OP_Yield);
    }
    CASE(YieldDelegate) {
        pc += 1;
        SUSPEND(EN_GEN_SUSPENDED_YIELD, EN_OP_YieldDelegate);
    }
    CASE(Await) SUSPEND(EN_GEN_AWAITING, EN_OP_Await);
#undef SUSPEND
    CASE(IterInit) {
        pc += 2;
        SYNC();
        if (!en_op_iter_init(cx, acc, OPND(-1) != 0, &R[OPND(-2)])) goto throw_;
        DISPATCH();
    }
    CASE(DelegateCall) {
        pc += 2;
        SYNC();
        EnValue out = EN_UNDEFINED;
        int st = en_op_delegate_call(cx, &R[OPND(-2)], acc, (T->flags & EN_TF_ASYNC) != 0, &out);
        if (st < 0) goto throw_;
        acc = out;
        if (st == 0) pc += SOPND(-1);
        DISPATCH();
    }
    CASE(DelegateResult) {
        pc += 3;
        SYNC();
        EnValue out = EN_UNDEFINED;
        int st = en_op_delegate_result(cx, &R[OPND(-3)], acc, (T->flags & EN_TF_ASYNC) != 0, &out);
        if (st < 0) goto throw_;
        acc = out;
        if (st == 1) pc += SOPND(-2);
        else if (st == 2) pc += SOPND(-1);
        DISPATCH();
    }
    CASE(AsyncIterNext) {
        pc += 1;
        SYNC();
        acc = en_op_async_iter_next(cx, &R[OPND(-1)]);
        CHECK(acc);
        DISPATCH();
    }
    CASE(AsyncIterResult) {
        pc += 2;
        SYNC();
        EnValue out = EN_UNDEFINED;
        int st = en_op_async_iter_result(cx, &R[OPND(-2)], acc, &out);
        if (st < 0) goto throw_;
        if (st == 0) pc += SOPND(-1);
        else acc = out;
        DISPATCH();
    }
    CASE(AsyncIterClose) {
        pc += 3;
        SYNC();
        EnValue out = EN_UNDEFINED;
        int st = en_op_async_iter_close(cx, &R[OPND(-3)], OPND(-2) != 0, &out);
        if (st < 0) goto throw_;
        if (st == 0) pc += SOPND(-1);
        else acc = out;
        DISPATCH();
    }
    CASE(CheckObject) {
        if (!en_is_object(acc)) {
            SYNC();
            en_throw_type_error(cx, "Iterator result is not an object");
            goto throw_;
        }
        DISPATCH();
    }
    CASE(Debugger) DISPATCH();
    CASE(Nop) DISPATCH();

#ifndef EN_THREADED
    default: break;
    }
    goto throw_;
#endif

resume_abrupt:
    if (fr->flags & EN_FRAME_THROW_ON_ENTRY) {
        fr->flags &= ~EN_FRAME_THROW_ON_ENTRY;
        goto throw_;
    }
    // return(v) at a Yield: take its return path (finally blocks run).
    fr->flags &= ~EN_FRAME_RETURN_ON_ENTRY;
    pc += SOPND(-1);
    DISPATCH();

throw_:
    // Unwind to the innermost handler of this run (uncatchable when
    // terminating), popping frames.
    for (;;) {
        fr = &vm->frames[vm->depth - 1];
        T = fr->tmpl;
        if (!cx->terminating && fr->pc) {
            uint32_t off = (uint32_t)(fr->pc - T->code);
            const EnHandler *h = find_handler(T, off ? off - 1 : 0);
            if (h) {
                acc = en_exception_take(cx);
                pc = T->code + h->handler;
                R = fr->regs;
                K = T->consts;
                FB = T->feedback;
                vm->sp = fr->regs + T->nregs;
                rt->handles_top = handles_base;
                DISPATCH();
            }
        }
        uint32_t flags = fr->flags;
        vm->sp = fr->sp_base;
        vm->depth--;
        if ((flags & EN_FRAME_ENTRY) || vm->depth < entry_depth) {
            rt->handles_top = handles_base;
            return EN_EXCEPTION;
        }
    }
}
