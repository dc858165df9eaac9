// The object model honours Proxy objects everywhere: Object.*, Reflect.*,
// IsArray, for-in, JSON, spread, instanceof, private names, deep chains.
var arr = new Proxy([1, 2, 3], {});
console.log(Array.isArray(arr), Object.prototype.toString.call(arr), JSON.stringify(arr));
console.log(Array.isArray(new Proxy(new Proxy([], {}), {})), Array.isArray(new Proxy({}, {})));
console.log(Object.prototype.toString.call(new Proxy(function () {}, {})), Object.prototype.toString.call(new Proxy(new Error("x"), {})));
console.log([0].concat(arr).join(), arr.map(x => x * 2).join(), Array.from(arr).length, [...arr].join());
var obj = new Proxy({b: 2, a: 1, 1: "one", [Symbol("s")]: 3}, {});
console.log(Object.keys(obj).join(), Object.values(obj).join(), JSON.stringify(Object.entries(obj)));
console.log(Object.getOwnPropertyNames(obj).join(), Object.getOwnPropertySymbols(obj).length, Reflect.ownKeys(obj).length);
console.log(JSON.stringify(Object.assign({}, obj)), JSON.stringify({...obj}), JSON.stringify(obj));
var ks = []; for (var k in obj) ks.push(k); console.log(ks.join());
var inherit = Object.create(new Proxy({p: 1}, {})); inherit.own = 2;
ks = []; for (var k in inherit) ks.push(k); console.log(ks.join(), inherit.p, "p" in inherit);
console.log(JSON.stringify(Object.getOwnPropertyDescriptors(new Proxy({v: 1}, {}))));
var fr = new Proxy({x: 1}, {}); Object.freeze(fr);
console.log(Object.isFrozen(fr), Object.isSealed(fr), Object.isExtensible(fr), Reflect.set(fr, "x", 2), fr.x);
var dp = new Proxy({}, {}); Object.defineProperties(dp, {q: {value: 1, enumerable: true}, r: {get() { return 2; }}});
console.log(dp.q, dp.r, Object.keys(dp).join(), Object.hasOwn(dp, "r"), dp.hasOwnProperty("q"), dp.propertyIsEnumerable("r"));
console.log(JSON.stringify(Object.fromEntries(new Proxy([["a", 1], ["b", 2]], {}))));
class C {} var ci = new Proxy(new C(), {});
console.log(ci instanceof C, C.prototype.isPrototypeOf(ci), Object.getPrototypeOf(ci) === C.prototype);
var lying = new Proxy({}, {getPrototypeOf() { return Array.prototype; }});
console.log(lying instanceof Array, Array.isArray(lying));
var PC = new Proxy(C, {}); console.log(new PC() instanceof C, new C() instanceof PC);
console.log(Reflect.apply(new Proxy(Math.max, {}), null, [1, 5, 3]), Reflect.construct(new Proxy(Number, {}), [7]).valueOf());
var fn = new Proxy(function named(a, b) {}, {}); console.log(fn.name, fn.length, typeof fn);
// Deep chains and self-referential handlers: either the operation completes
// or it stops with a RangeError (ochre's C-depth limit), never a crash.
var deep = {v: 1}; for (var i = 0; i < 3000; i++) deep = new Proxy(deep, {});
for (var probe of [() => deep.v, () => Object.getPrototypeOf(deep), () => Object.keys(deep), () => "v" in deep, () => Array.isArray(deep)]) {
  try { probe(); console.log("deep bounded"); } catch (e) { console.log(e instanceof RangeError ? "deep bounded" : e.constructor.name); }
}
var fdeep = function () { return 1; }; for (var i = 0; i < 3000; i++) fdeep = new Proxy(fdeep, {});
try { fdeep(); console.log("deep call bounded"); } catch (e) { console.log(e instanceof RangeError ? "deep call bounded" : e.constructor.name); }
var h = {}; var selfp = new Proxy({}, h); h.get = function (t, k, r) { return r[k]; };
try { selfp.x; } catch (e) { console.log("self recursion", e.constructor.name); }
var loopTarget = {}; var lp = new Proxy(loopTarget, {}); Object.setPrototypeOf(loopTarget, null);
console.log(Reflect.setPrototypeOf(loopTarget, lp), Object.getPrototypeOf(loopTarget) === lp);
try { lp.missing; } catch (e) { console.log("proto loop", e.constructor.name); }
// private names live on the proxy itself, the handler never sees them
var seen = [];
class Base { constructor() { return new Proxy(this, {get(o, k) { seen.push(String(k)); return o[k]; }}); } }
class Priv extends Base { #f = 1; #m() { return 2; } static has(o) { return #f in o; } read() { return this.#f + this.#m(); } }
var pv = new Priv(); console.log(pv.read(), Priv.has(pv), Priv.has({}), seen.join());
// expect: true [object Array] [1,2,3]
// expect: true false
// expect: [object Function] [object Object]
// expect: 0,1,2,3 2,4,6 3 1,2,3
// expect: 1,b,a one,2,1 [["1","one"],["b",2],["a",1]]
// expect: 1,b,a 1 4
// expect: {"1":"one","b":2,"a":1} {"1":"one","b":2,"a":1} {"1":"one","b":2,"a":1}
// expect: 1,b,a
// expect: own,p 1 true
// expect: {"v":{"value":1,"writable":true,"enumerable":true,"configurable":true}}
// expect: true true false false 1
// expect: 1 2 q true true false
// expect: {"a":1,"b":2}
// expect: true true true
// expect: true false
// expect: true true
// expect: 5 7
// expect: named 2 function
// expect: deep bounded
// expect: deep bounded
// expect: deep bounded
// expect: deep bounded
// expect: deep bounded
// expect: deep call bounded
// expect: self recursion RangeError
// expect: true true
// expect: proto loop RangeError
// expect: 3 true false read
