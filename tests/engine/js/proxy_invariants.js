// Proxy invariants (ECMA-262 §10.5): a trap result that contradicts a
// non-configurable property or a non-extensible target is a TypeError.
function check(label, fn) {
  try { console.log(label, "ok", String(fn())); }
  catch (e) { console.log(label, e.constructor.name); }
}
var frozen = Object.freeze({a: 1});
var sealed = Object.preventExtensions({b: 2});
var nc = {}; Object.defineProperty(nc, "x", {value: 1, writable: false, configurable: false});
var acc = {}; Object.defineProperty(acc, "g", {set(v) {}, configurable: false});

check("get-nonwritable-diff", () => new Proxy(frozen, {get: () => 2}).a);
check("get-nonwritable-same", () => new Proxy(frozen, {get: () => 1}).a);
check("get-accessor-noget", () => new Proxy(acc, {get: () => 1}).g);
check("set-nonwritable", () => Reflect.set(new Proxy(nc, {set: () => true}), "x", 5));
check("set-false", () => Reflect.set(new Proxy({}, {set: () => false}), "x", 5));
check("set-false-strict", () => { "use strict"; new Proxy({}, {set: () => false}).x = 1; });
check("has-hide-nonconfig", () => "x" in new Proxy(nc, {has: () => false}));
check("has-hide-nonext", () => "b" in new Proxy(sealed, {has: () => false}));
check("delete-nonconfig", () => delete new Proxy(nc, {deleteProperty: () => true}).x);
check("delete-nonext", () => Reflect.deleteProperty(new Proxy(sealed, {deleteProperty: () => true}), "b"));
check("gopd-nonobject", () => Object.getOwnPropertyDescriptor(new Proxy({}, {getOwnPropertyDescriptor: () => 1}), "x"));
check("gopd-hide-nonconfig", () => Object.getOwnPropertyDescriptor(new Proxy(nc, {getOwnPropertyDescriptor: () => undefined}), "x"));
check("gopd-fake-nonconfig", () => Object.getOwnPropertyDescriptor(new Proxy({y: 1}, {getOwnPropertyDescriptor: () => ({value: 1, configurable: false})}), "y"));
check("gopd-new-on-nonext", () => Object.getOwnPropertyDescriptor(new Proxy(sealed, {getOwnPropertyDescriptor: () => ({value: 1, configurable: true})}), "zz"));
check("define-nonext", () => Object.defineProperty(new Proxy(sealed, {defineProperty: () => true}), "n", {value: 1}));
check("define-fake-nonconfig", () => Object.defineProperty(new Proxy({}, {defineProperty: () => true}), "n", {value: 1, configurable: false}));
check("define-false", () => Reflect.defineProperty(new Proxy({}, {defineProperty: () => false}), "n", {value: 1}));
check("define-false-throws", () => Object.defineProperty(new Proxy({}, {defineProperty: () => false}), "n", {value: 1}));
check("ownKeys-dup", () => Reflect.ownKeys(new Proxy({}, {ownKeys: () => ["a", "a"]})));
check("ownKeys-number", () => Reflect.ownKeys(new Proxy({}, {ownKeys: () => [1]})));
check("ownKeys-missing-nonconfig", () => Reflect.ownKeys(new Proxy(nc, {ownKeys: () => []})));
check("ownKeys-extra-nonext", () => Reflect.ownKeys(new Proxy(sealed, {ownKeys: () => ["b", "c"]})));
check("ownKeys-missing-nonext", () => Reflect.ownKeys(new Proxy(sealed, {ownKeys: () => []})));
check("ownKeys-fine", () => Reflect.ownKeys(new Proxy({a: 1}, {ownKeys: () => ["z", Symbol.iterator.description, "a"]})).join());
check("ownKeys-arraylike", () => Reflect.ownKeys(new Proxy({}, {ownKeys: () => ({length: 2, 0: "p", 1: "q"})})).join());
check("getPrototypeOf-bad", () => Object.getPrototypeOf(new Proxy({}, {getPrototypeOf: () => 1})));
check("getPrototypeOf-nonext-lie", () => Object.getPrototypeOf(new Proxy(sealed, {getPrototypeOf: () => Array.prototype})));
check("setPrototypeOf-nonext-lie", () => Reflect.setPrototypeOf(new Proxy(Object.preventExtensions({}), {setPrototypeOf: () => true}), Array.prototype));
check("setPrototypeOf-false", () => Object.setPrototypeOf(new Proxy({}, {setPrototypeOf: () => false}), null));
check("isExtensible-lie", () => Object.isExtensible(new Proxy({}, {isExtensible: () => false})));
check("preventExtensions-lie", () => Object.preventExtensions(new Proxy({}, {preventExtensions: () => true})));
check("preventExtensions-false", () => Reflect.preventExtensions(new Proxy({}, {preventExtensions: () => false})));
check("construct-nonobject", () => new (new Proxy(function () {}, {construct: () => 1}))());
check("trap-not-callable", () => new Proxy({}, {get: 1}).x);
check("trap-null", () => new Proxy({x: 7}, {get: null}).x);
check("no-new", () => Proxy({}, {}));
check("non-object-target", () => new Proxy(1, {}));
check("not-callable", () => new Proxy({}, {apply: () => 1})());
check("not-constructor", () => new (new Proxy(() => 1, {construct: () => ({})}))());
var r = Proxy.revocable({}, {});
r.revoke(); r.revoke();
check("revoked-get", () => r.proxy.x);
check("revoked-keys", () => Object.keys(r.proxy));
check("revoked-isArray", () => Array.isArray(r.proxy));
check("revoked-typeof", () => typeof r.proxy);
check("revoked-as-target", () => typeof new Proxy(r.proxy, {}));
check("revocable-shape", () => Object.keys(Proxy.revocable({}, {})).join() + " " + Proxy.revocable.length + " " + Proxy.length + " " + ("prototype" in Proxy));
// expect: get-nonwritable-diff TypeError
// expect: get-nonwritable-same ok 1
// expect: get-accessor-noget TypeError
// expect: set-nonwritable TypeError
// expect: set-false ok false
// expect: set-false-strict TypeError
// expect: has-hide-nonconfig TypeError
// expect: has-hide-nonext TypeError
// expect: delete-nonconfig TypeError
// expect: delete-nonext TypeError
// expect: gopd-nonobject TypeError
// expect: gopd-hide-nonconfig TypeError
// expect: gopd-fake-nonconfig TypeError
// expect: gopd-new-on-nonext TypeError
// expect: define-nonext TypeError
// expect: define-fake-nonconfig TypeError
// expect: define-false ok false
// expect: define-false-throws TypeError
// expect: ownKeys-dup TypeError
// expect: ownKeys-number TypeError
// expect: ownKeys-missing-nonconfig TypeError
// expect: ownKeys-extra-nonext TypeError
// expect: ownKeys-missing-nonext TypeError
// expect: ownKeys-fine ok z,Symbol.iterator,a
// expect: ownKeys-arraylike ok p,q
// expect: getPrototypeOf-bad TypeError
// expect: getPrototypeOf-nonext-lie TypeError
// expect: setPrototypeOf-nonext-lie TypeError
// expect: setPrototypeOf-false TypeError
// expect: isExtensible-lie TypeError
// expect: preventExtensions-lie TypeError
// expect: preventExtensions-false ok false
// expect: construct-nonobject TypeError
// expect: trap-not-callable TypeError
// expect: trap-null ok 7
// expect: no-new TypeError
// expect: non-object-target TypeError
// expect: not-callable TypeError
// expect: not-constructor TypeError
// expect: revoked-get TypeError
// expect: revoked-keys TypeError
// expect: revoked-isArray TypeError
// expect: revoked-typeof ok object
// expect: revoked-as-target ok object
// expect: revocable-shape ok proxy,revoke 2 2 false
