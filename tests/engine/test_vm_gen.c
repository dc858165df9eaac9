// Generators, async generators and the statements around them through the
// C API: print() output after the promise jobs ran, each program normally
// and with gc_stress (a collection at every allocation). Covers the
// resumption protocol (return() through finally, yield* forwarding), the
// async generator queue, for await closing, super property assignment,
// method names, the dynamic function constructors and Array.fromAsync.
#include <criterion/criterion.h>
#include <string.h>

#include "runtime_int.h"

typedef struct GenFixture {
    EnRuntime *rt;
    EnContext *cx;
    OchBuf out;
} GenFixture;

static void capture_print(void *ctx, const char *line, size_t len, bool is_error) {
    (void)is_error;
    OchBuf *b = ctx;
    och_buf_append(b, line, len);
    och_buf_putc(b, '\n');
}

// Runs src, then the promise jobs; returns print() output (to free), with
// "!" and the status when either step failed.
static char *run_program(const char *src, bool stress) {
    GenFixture f;
    EnLimits lim;
    en_limits_default(&lim);
    lim.gc_stress = stress;
    memset(&f, 0, sizeof f);
    f.rt = en_runtime_new(&lim);
    f.cx = en_context_new(f.rt);
    en_context_set_print(f.cx, capture_print, &f.out);
    EnEvalOptions o;
    en_eval_options_default(&o);
    o.filename = "gen.js";
    EnValue r = EN_UNDEFINED;
    EnStatus st = en_eval(f.cx, src, strlen(src), &o, &r);
    if (st == EN_STATUS_OK) st = en_run_jobs(f.cx);
    if (st != EN_STATUS_OK) och_buf_printf(&f.out, "!status %d\n", (int)st);
    char *res = och_strndup(f.out.data ? f.out.data : "", f.out.len);
    en_context_free(f.cx);
    en_runtime_free(f.rt);
    och_buf_free(&f.out);
    return res;
}

// Expected outputs of the async programs are node 20's (Array.fromAsync,
// absent there, follows the spec's await count).
static void expect_output(const char *src, const char *want) {
    for (int stress = 0; stress < 2; stress++) {
        char *got = run_program(src, stress != 0);
        cr_expect_str_eq(got, want, "%s (gc_stress %d)", src, stress);
        och_free(got);
    }
}

Test(vm_gen, return_runs_finally_and_may_yield_again) {
    expect_output("function* g() { try { yield 1; } finally { yield 2; print('fin'); } }\n"
                  "var it = g(); it.next();\n"
                  "var a = it.return(9), b = it.next(), c = it.next();\n"
                  "print(a.value, a.done, b.value, b.done, c.done);",
                  "fin\n2 false 9 true true\n");
}

Test(vm_gen, finally_overrides_return) {
    expect_output("function* g() { try { yield 1; } finally { return 'f'; } }\n"
                  "var it = g(); it.next(); var r = it.return('x'); print(r.value, r.done);",
                  "f true\n");
}

Test(vm_gen, parameters_bind_at_the_call) {
    expect_output("function* g(a = (() => { throw new RangeError('p'); })()) {}\n"
                  "try { g(); } catch (e) { print(e.name); }\n"
                  "var log = []; function* h(x = log.push('param')) { log.push('body'); }\n"
                  "var it = h(); log.push('created'); it.next(); print(log.join());",
                  "RangeError\nparam,created,body\n");
}

Test(vm_gen, yield_star_forwards_and_passes_results_through) {
    expect_output("var seen = [];\n"
                  "var inner = { [Symbol.iterator]() { return this; },\n"
                  "  next(v) { seen.push('n' + v); return { value: 1, done: false, tag: 't' }; },\n"
                  "  throw(v) { seen.push('t' + v); return { value: 2, done: true }; } };\n"
                  "function* g() { var r = yield* inner; yield 'after ' + r; }\n"
                  "var it = g(); var a = it.next('x'); var b = it.next('y'); var c = it.throw('z');\n"
                  "print(a.tag, b.tag, c.value, seen.join());",
                  "t t after 2 nundefined,ny,tz\n");
}

Test(vm_gen, yield_star_without_throw_closes_then_type_error) {
    expect_output("var closed = 0;\n"
                  "var inner = { [Symbol.iterator]() { return this; }, next() { return { done: false }; },\n"
                  "  return() { closed++; return {}; } };\n"
                  "function* g() { yield* inner; }\n"
                  "var it = g(); it.next();\n"
                  "try { it.throw(1); } catch (e) { print(e instanceof TypeError, closed); }",
                  "true 1\n");
}

Test(vm_gen, destructuring_closes_on_generator_return) {
    expect_output("var count = 0;\n"
                  "var iterable = { [Symbol.iterator]() { return { next() { return { done: false }; },\n"
                  "  return() { count++; return {}; } }; } };\n"
                  "function* g() { var x; [x = yield] = iterable; }\n"
                  "var it = g(); it.next(); it.return(); print(count);",
                  "1\n");
}

Test(vm_gen, async_generator_queue_and_return_at_start) {
    expect_output("async function* g() { var x = yield 1; yield await Promise.resolve(x + 1); }\n"
                  "var it = g();\n"
                  "it.next().then(r => print('a', r.value, r.done));\n"
                  "it.next(10).then(r => print('b', r.value, r.done));\n"
                  "it.next().then(r => print('c', r.value, r.done));\n"
                  "g().return(Promise.resolve(5)).then(r => print('d', r.value, r.done));\n"
                  "g().throw(new Error('e')).catch(e => print('e', e.message));",
                  "e e\na 1 false\nd 5 true\nb 11 false\nc undefined true\n");
}

Test(vm_gen, async_generator_return_at_yield_awaits_and_runs_finally) {
    expect_output("async function* g() { try { yield 1; } finally { print('cleanup'); } }\n"
                  "var it = g();\n"
                  "it.next().then(() => it.return(Promise.resolve('R')))\n"
                  "  .then(r => print(r.value, r.done));",
                  "cleanup\nR true\n");
}

Test(vm_gen, for_await_closes_with_awaited_return) {
    expect_output("var log = [];\n"
                  "var src = { [Symbol.asyncIterator]() { return this; },\n"
                  "  next() { return Promise.resolve({ value: 1, done: false }); },\n"
                  "  return() { log.push('return'); return Promise.resolve({}); } };\n"
                  "(async () => { for await (const v of src) { log.push(v); break; } log.push('after');\n"
                  "  for await (const s of [Promise.resolve('p'), 'q']) log.push(s);\n"
                  "  print(log.join()); })();",
                  "1,return,after,p,q\n");
}

Test(vm_gen, super_property_assignment) {
    expect_output("var proto = { set x(v) { this._x = v * 2; } };\n"
                  "var o = { __proto__: proto, m() { super.x = 21; super['y'] = 1; return this._x + this.y; } };\n"
                  "print(o.m(), Object.keys(o).join());\n"
                  "class A {} class B extends A { m() { super.z = 3; return this.z; } }\n"
                  "print(new B().m());",
                  "43 m,_x,y\n3\n");
}

Test(vm_gen, method_and_accessor_names) {
    expect_output("class C { get a() {} set a(v) {} #p() {} q() { return this.#p.name; } }\n"
                  "var d = Object.getOwnPropertyDescriptor(C.prototype, 'a');\n"
                  "var o = { get b() {} };\n"
                  "print(d.get.name, d.set.name, new C().q(),\n"
                  "  Object.getOwnPropertyDescriptor(o, 'b').get.name);",
                  "get a set a #p get b\n");
}

Test(vm_gen, private_methods_shared_and_accessors_checked) {
    expect_output("class B { hi() { return 'B'; } }\n"
                  "class C extends B { #m() { return super.hi(); } get #g() { return 1; } set #s(v) {}\n"
                  "  static same(a, b) { return a.#m === b.#m; } t() { return this.#m() + this.#g; }\n"
                  "  bad() { try { return this.#s; } catch (e) { return e.name; } } }\n"
                  "print(C.same(new C(), new C()), new C().t(), new C().bad());\n"
                  "class D extends Object { constructor() { try { super.x; } catch (e) { print(e.name); } super(); } }\n"
                  "new D();",
                  "true B1 TypeError\nReferenceError\n");
}

Test(vm_gen, dynamic_function_constructors) {
    expect_output("var GF = Object.getPrototypeOf(function* () {}).constructor;\n"
                  "var AGF = Object.getPrototypeOf(async function* () {}).constructor;\n"
                  "var AF = Object.getPrototypeOf(async function () {}).constructor;\n"
                  "print(GF.name, AGF.name, AF.name, [...GF('a', 'yield a; yield a + 1')(1)].join());\n"
                  "try { Function('}), (function () {'); } catch (e) { print(e.name); }\n"
                  "try { GF('a) {', ''); } catch (e) { print(e.name); }\n"
                  "AF('return await 7')().then(v => print(v));\n"
                  "AGF('yield 8')().next().then(r => print(r.value));",
                  "GeneratorFunction AsyncGeneratorFunction AsyncFunction 1,2\nSyntaxError\nSyntaxError\n7\n8\n");
}

Test(vm_gen, array_from_async) {
    expect_output("async function* g() { yield 1; yield 2; }\n"
                  "Array.fromAsync(g(), x => x * 10).then(a => print(a.join()));\n"
                  "Array.fromAsync([Promise.resolve(3), 4]).then(a => print(a.join()));\n"
                  "Array.fromAsync({ length: 2, 0: 'a', 1: Promise.resolve('b') }).then(a => print(a.join()));\n"
                  "Array.fromAsync(null).catch(e => print(e.name));",
                  "TypeError\na,b\n3,4\n10,20\n");
}
