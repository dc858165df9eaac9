// Slow paths of the interpreter (interp_ops.c), called from the dispatch
// loop (interp.c). Each returns EN_EXCEPTION (or false) with an exception
// pending. Operands come from VM registers or the frame's saved
// accumulator, so they are rooted; results are fresh values.
#ifndef OCHRE_ENGINE_INTERP_INT_H
#define OCHRE_ENGINE_INTERP_INT_H

#include "vm_int.h"

EnValue en_op_arith(EnContext *cx, EnOpcode op, EnValue a, EnValue b);
EnValue en_op_add(EnContext *cx, EnValue a, EnValue b);
EnValue en_op_compare(EnContext *cx, EnOpcode op, EnValue a, EnValue b);
EnValue en_op_unary(EnContext *cx, EnOpcode op, EnValue v);

EnValue en_op_get_named(EnContext *cx, EnValue obj, EnKey key, EnFeedback *fb);
bool en_op_set_named(EnContext *cx, EnValue obj, EnKey key, EnValue v, bool strict,
                     EnFeedback *fb);
EnValue en_op_get_keyed(EnContext *cx, EnValue obj, EnValue key);
bool en_op_set_keyed(EnContext *cx, EnValue obj, EnValue key, EnValue v, bool strict);
EnValue en_op_delete(EnContext *cx, EnValue obj, EnValue key, bool strict);

EnValue en_op_lda_global(EnContext *cx, EnString *name, bool for_typeof, EnFeedback *fb);
bool en_op_sta_global(EnContext *cx, EnString *name, EnValue v, bool strict, bool init,
                      EnFeedback *fb);
bool en_op_declare_global(EnContext *cx, EnOpcode op, EnString *name, EnValue v, uint32_t flag);

bool en_op_define(EnContext *cx, EnOpcode op, EnValue obj, EnValue key, EnValue v);
bool en_op_copy_data_props(EnContext *cx, EnValue target, EnValue src);
bool en_op_array_spread(EnContext *cx, EnValue arr, EnValue iterable);
bool en_op_array_hole(EnContext *cx, EnValue arr);
EnValue en_op_create_arguments(EnContext *cx, EnFrame *fr);
EnValue en_op_create_rest(EnContext *cx, EnFrame *fr, uint32_t from);
EnValue en_op_create_regexp(EnContext *cx, EnValue pattern, EnValue flags);
bool en_op_set_fn_name(EnContext *cx, EnValue fn, EnValue key);

// Iteration: r[0] iterator (or array), r[1] next method (or int32 index in
// array mode), r[2] done flag.
bool en_op_get_iterator(EnContext *cx, EnValue obj, EnValue *r);
// 1: value in *out; 0: done; -1: exception.
int en_op_iter_next(EnContext *cx, EnValue *r, EnValue *out);
bool en_op_iter_close(EnContext *cx, EnValue *r, bool throwing);
EnValue en_op_iter_rest(EnContext *cx, EnValue *r);
bool en_op_for_in_prep(EnContext *cx, EnValue obj, EnValue *r);
int en_op_for_in_next(EnContext *cx, EnValue *r, EnValue *out);

EnValue en_op_instance_of(EnContext *cx, EnValue v, EnValue target);
EnValue en_op_in(EnContext *cx, EnValue key, EnValue obj);

// Message of a ThrowMsg instruction.
EnValue en_op_throw_msg(EnContext *cx, uint32_t kind, EnValue msg);



// Classes (interp_ops.c).
EnValue en_op_define_class(EnContext *cx, EnFunctionTemplate *ct, EnEnv *env, EnValue heritage,
                           bool has_heritage, EnValue *proto_out);
bool en_op_define_method(EnContext *cx, EnValue target, EnValue key, EnValue fn, uint32_t kind);
EnValue en_op_private(EnContext *cx, EnOpcode op, EnValue obj, EnValue key, EnValue v);
EnValue en_op_create_private_name(EnContext *cx, EnValue desc);
EnValue en_op_get_super(EnContext *cx, EnFrame *fr, EnValue key);
bool en_op_init_fields(EnContext *cx, EnObject *callee, EnValue this_val);
EnValue en_op_super_call(EnContext *cx, EnFrame *fr, const EnValue *argv, uint32_t argc);
// GetTemplateObject: frozen strings array (cooked at k[0..n), raw at k[n..2n)).
EnValue en_op_template_object(EnContext *cx, const EnValue *k, uint32_t n);
EnValue en_op_object_rest(EnContext *cx, EnValue src, const EnValue *excluded, uint32_t n);
bool en_op_define_private_method(EnContext *cx, EnValue obj, EnValue key, EnValue fn, uint32_t kind);

// Generators and async iteration (interp_gen.c). r: the instruction's
// register triple (iterator, next method, kind/done).
bool en_op_iter_init(EnContext *cx, EnValue obj, bool async, EnValue *r);
// DelegateCall: 1 result in *out; 0 return without a return method (*out
// = received); -1 exception.
int en_op_delegate_call(EnContext *cx, EnValue *r, EnValue received, bool async, EnValue *out);
// DelegateResult: 0 not done (*out = result, or its value when async); 1
// done (*out = value); 2 done for a return completion; -1 exception.
int en_op_delegate_result(EnContext *cx, EnValue *r, EnValue res, bool async, EnValue *out);
EnValue en_op_async_iter_next(EnContext *cx, EnValue *r);
// 1 value in *out; 0 done; -1 exception.
int en_op_async_iter_result(EnContext *cx, EnValue *r, EnValue res, EnValue *out);
// 1 return() result in *out; 0 nothing to await; -1 exception.
int en_op_async_iter_close(EnContext *cx, EnValue *r, bool throwing, EnValue *out);
// super[key] = v in the frame's method (PutValue of a super reference).
bool en_op_set_super(EnContext *cx, EnFrame *fr, EnValue key, EnValue v);
// SetFunctionName for a method (prefix 0), getter (1) or setter (2).
bool en_op_method_name(EnContext *cx, EnValue fn, EnValue key, uint32_t prefix);
#endif
