// Proxy exotic objects (bi_proxy.c): traps, invariants, revocation and the
// object model's dispatch through them, driven from JS (en_eval) and from
// C through the essential internal methods. Runs normally and with
// gc_stress.
#include <criterion/criterion.h>
#include <string.h>

#include "objmodel_int.h"
#include "proxy_int.h"

static const struct {
    const char *src, *want;
} cases[] = {
    // traps and their arguments
    {"var log = []; var p = new Proxy({a: 1}, {get(t, k, r) { log.push(k, r === p); return t[k] * 10; }}); "
     "[p.a, log.join()].join(';')",
     "10;a,true"},
    {"var p = new Proxy({}, {set(t, k, v, r) { t[k] = v * 2; return true; }}); p.x = 4; p.x", "8"},
    {"var p = new Proxy({}, {has(t, k) { return k === 'magic'; }}); ['magic' in p, 'other' in p].join()",
     "true,false"},
    {"var p = new Proxy({a: 1, b: 2}, {ownKeys() { return ['b', 'a', 'z']; }}); Object.keys(p).join()", "b,a"},
    {"var p = new Proxy({a: 1}, {deleteProperty(t, k) { return false; }}); [delete p.a, p.a].join()", "false,1"},
    {"var f = new Proxy(function (a) { return a + 1; }, {apply(t, th, args) { return t(args[0]) * 2; }}); f(3)",
     "8"},
    {"var C = new Proxy(class { constructor(x) { this.x = x; } }, {construct(t, a, nt) { "
     "return {made: a[0], nt: nt === C}; }}); var o = new C(5); [o.made, o.nt].join()",
     "5,true"},
    {"var order = []; var h = new Proxy({}, {get(t, k) { order.push(k); }}); var p = new Proxy({}, h); "
     "p.x; 'y' in p; Object.keys(p); order.join()",
     "get,has,ownKeys"},
    // invariants
    {"var t = Object.freeze({a: 1}); try { new Proxy(t, {get: () => 2}).a } catch (e) { e.name }", "TypeError"},
    {"try { Reflect.ownKeys(new Proxy({}, {ownKeys: () => ['a', 'a']})) } catch (e) { e.name }", "TypeError"},
    {"var t = Object.preventExtensions({b: 1}); "
     "try { Reflect.ownKeys(new Proxy(t, {ownKeys: () => ['b', 'c']})) } catch (e) { e.name }",
     "TypeError"},
    {"try { Object.getOwnPropertyDescriptor(new Proxy({}, {getOwnPropertyDescriptor: () => "
     "({value: 1, configurable: false})}), 'x') } catch (e) { e.name }",
     "TypeError"},
    {"var d = Object.getOwnPropertyDescriptor(new Proxy({}, {getOwnPropertyDescriptor: () => "
     "({value: 1, configurable: true})}), 'x'); [d.value, d.writable, d.enumerable, d.configurable].join()",
     "1,false,false,true"},
    // revocation
    {"var r = Proxy.revocable({}, {}); r.revoke(); try { r.proxy.x } catch (e) { e.name }", "TypeError"},
    {"var r = Proxy.revocable([], {}); r.revoke(); try { Array.isArray(r.proxy) } catch (e) { e.name }",
     "TypeError"},
    {"var r = Proxy.revocable(function () {}, {}); r.revoke(); [typeof r.proxy, r.revoke()].join()",
     "function,"},
    // the object model through proxies
    {"var p = new Proxy([1, 2], {}); [Array.isArray(p), Object.prototype.toString.call(p), JSON.stringify(p)].join()",
     "true,[object Array],[1,2]"},
    {"var p = new Proxy({b: 1, a: 2}, {}); JSON.stringify([Object.entries(p), Object.assign({}, p), {...p}])",
     "[[[\"b\",1],[\"a\",2]],{\"b\":1,\"a\":2},{\"b\":1,\"a\":2}]"},
    {"var p = new Proxy({x: 1}, {}); Object.freeze(p); [Object.isFrozen(p), Reflect.set(p, 'x', 2)].join()",
     "true,false"},
    {"var ks = []; for (var k in Object.create(new Proxy({a: 1, b: 2}, {}))) ks.push(k); ks.join()", "a,b"},
    {"class A {} var p = new Proxy(new A, {}); [p instanceof A, new Proxy(A, {}).prototype === A.prototype].join()",
     "true,true"},
    {"typeof new Proxy(function () {}, {}) + ' ' + typeof new Proxy({}, {})", "function object"},
    {"try { Proxy({}, {}) } catch (e) { e.message }", "Constructor Proxy requires 'new'"},
    {"[Proxy.length, Proxy.name, 'prototype' in Proxy, Proxy.revocable.length].join()", "2,Proxy,false,2"},
    // bounded recursion
    {"var d = {v: 1}; for (var i = 0; i < 2000; i++) d = new Proxy(d, {}); "
     "var r = []; for (var f of [() => d.v, () => Object.getPrototypeOf(d), () => Reflect.ownKeys(d)]) "
     "try { f(); r.push('ok') } catch (e) { r.push(e.name) } r.join()",
     "RangeError,RangeError,RangeError"},
    {"var h = {}; var p = new Proxy({}, h); h.get = (t, k, r) => r[k]; try { p.x } catch (e) { e.name }",
     "RangeError"},
};

static void run_all(bool stress) {
    EnLimits lim;
    en_limits_default(&lim);
    lim.gc_stress = stress;
    EnRuntime *rt = en_runtime_new(&lim);
    size_t n = sizeof cases / sizeof cases[0];
    for (size_t i = 0; i < n; i++) {
        EnContext *cx = en_context_new(rt);
        EnEvalOptions opts;
        en_eval_options_default(&opts);
        opts.filename = "case.js";
        EnValue result = EN_UNDEFINED;
        EnStatus st = en_eval(cx, cases[i].src, strlen(cases[i].src), &opts, &result);
        OchBuf out = {0};
        if (st != EN_STATUS_OK) {
            en_exception_report(cx, en_exception_take(cx), &out);
            cr_assert(0, "case %zu threw: %s\n  %s", i, out.data, cases[i].src);
        }
        EnHandleScope hs;
        en_handle_scope_open(cx, &hs);
        en_handle(cx, result);
        en_value_to_display(cx, result, &out);
        en_handle_scope_close(&hs);
        cr_expect_str_eq(out.data ? out.data : "", cases[i].want, "case %zu: %s", i, cases[i].src);
        och_buf_free(&out);
        en_context_free(cx);
    }
    en_runtime_free(rt);
}

Test(object_proxy, cases) { run_all(false); }
Test(object_proxy_gcstress, cases, .timeout = 120) { run_all(true); }

// Evaluates src and returns its (object) result rooted in the caller's scope.
static EnObject *eval_object(EnContext *cx, const char *src) {
    EnEvalOptions opts;
    en_eval_options_default(&opts);
    EnValue v = EN_UNDEFINED;
    cr_assert_eq(en_eval(cx, src, strlen(src), &opts, &v), EN_STATUS_OK, "%s", src);
    cr_assert(en_is_object(v));
    en_handle(cx, v);
    return en_as_object(v);
}

// The own_keys contract (object_int.h): rooting the object keeps the keys
// alive. Trap results are fresh atoms; the proxy must hold them.
Test(object_proxy, own_keys_survive_collection) {
    EnLimits lim;
    en_limits_default(&lim);
    EnRuntime *rt = en_runtime_new(&lim);
    EnContext *cx = en_context_new(rt);
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnObject *p = eval_object(cx, "new Proxy({}, {ownKeys() { "
                                  "return ['fresh' + Math.random(), 'k' + 1e6, '7']; }})");
    cr_assert(en_is_proxy(p));
    EnKey *keys;
    uint32_t n;
    cr_assert(en_obj_own_keys(cx, p, &keys, &n));
    cr_assert_eq(n, 3);
    en_gc_collect(rt);
    en_gc_collect(rt);
    uint32_t idx;
    cr_assert(en_key_is_index(keys[2], &idx) && idx == 7, "numeric strings become index keys");
    EnValue v = en_key_to_value(cx, keys[1]);
    OchBuf b = {0};
    en_str_to_utf8(cx, en_as_string(v), &b);
    cr_expect_str_eq(b.data, "k1000000");
    och_buf_free(&b);
    och_free(keys);
    en_handle_scope_close(&hs);
    en_context_free(cx);
    en_runtime_free(rt);
}

// C callers of the internal methods see the traps (no fast path bypasses
// the class ops), and a revoked proxy throws from each of them.
Test(object_proxy, internal_methods_from_c) {
    EnLimits lim;
    en_limits_default(&lim);
    EnRuntime *rt = en_runtime_new(&lim);
    EnContext *cx = en_context_new(rt);
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnObject *p = eval_object(cx, "globalThis.r = Proxy.revocable({}, {get: () => 42, has: () => true, "
                                  "isExtensible: (t) => Reflect.isExtensible(t)}); r.proxy");
    EnKey k = en_key_from_cstr(cx, "anything");
    en_handle(cx, k);
    EnValue out;
    cr_assert(en_obj_get(cx, p, k, en_object_value(p), &out));
    cr_expect_eq(out, en_int32(42));
    cr_expect_eq(en_get(cx, en_object_value(p), k), en_int32(42));
    bool found = false, ext = false;
    cr_assert(en_obj_has_property(cx, p, k, &found));
    cr_expect(found);
    cr_assert(en_obj_is_extensible(cx, p, &ext));
    cr_expect(ext);
    bool is_arr = true;
    cr_assert(en_is_array(cx, en_object_value(p), &is_arr));
    cr_expect(!is_arr);
    eval_object(cx, "r.revoke(); r");
    cr_expect(!en_obj_get(cx, p, k, en_object_value(p), &out));
    cr_assert(cx->has_exception);
    en_exception_take(cx);
    cr_expect(!en_obj_has_property(cx, p, k, &found));
    en_exception_take(cx);
    cr_expect(!en_is_array(cx, en_object_value(p), &is_arr));
    en_exception_take(cx);
    EnObject *proto;
    cr_expect(!en_obj_get_prototype_of(cx, p, &proto));
    en_exception_take(cx);
    en_handle_scope_close(&hs);
    en_context_free(cx);
    en_runtime_free(rt);
}
