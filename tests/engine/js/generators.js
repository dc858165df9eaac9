// Generators: next/return/throw, for-of, yield*, destructuring, methods.
function* g(a) { var x = yield a; print("got", x); try { yield x * 2; } finally { print("cleanup"); } return 99; }
var it = g(5);
print(JSON.stringify(it.next()), JSON.stringify(it.next(10)), JSON.stringify(it.next()), JSON.stringify(it.next()));
function* nat() { let i = 0; while (true) yield i++; }
var s = 0;
for (var v of nat()) { if (v > 10) break; s += v; }
print(s);
function* inner() { yield 1; yield 2; }
function* outer() { yield 0; yield* inner(); yield 3; }
var out = []; for (var w of outer()) out[out.length] = w; print(out.length, out[0], out[3]);
var t = g(1); t.next();
try { t.throw(new Error("E")); } catch (e) { print("thrown", e.message); }
print(JSON.stringify(t.next()));
var o = { *m() { yield this.k; }, k: "K" };
print(o.m().next().value);
class C { *[Symbol.iterator]() { yield "a"; yield "b"; } }
for (var q of new C()) print(q);
var [d1, d2] = nat(); print(d1, d2);
print(Object.prototype.toString.call(g(1)), typeof g.prototype, g(1) instanceof g);
// expect: got 10
// expect: cleanup
// expect: {"value":5,"done":false} {"value":20,"done":false} {"value":99,"done":true} {"done":true}
// expect: 55
// expect: 4 0 3
// expect: thrown E
// expect: {"done":true}
// expect: K
// expect: a
// expect: b
// expect: 0 1
// expect: [object Generator] object true
