// yield* forwards next(v)/throw(v)/return(v) and hands back the inner
// iterator's result objects as they are.
var log = [];
var inner = {
  [Symbol.iterator]() { return this; },
  next(v) { log.push("next:" + v); return { value: "n", done: false, extra: 1 }; },
  throw(v) { log.push("throw:" + v); return { value: "t", done: false }; },
  return(v) { log.push("return:" + v); return { value: "r", done: true }; },
};
function* g() { var r = yield* inner; log.push("after " + r); }
var it = g();
var r1 = it.next("ignored");
print(r1.extra, r1.value, r1.done);
print(JSON.stringify(it.next("A")));
print(JSON.stringify(it.throw("B")));
print(JSON.stringify(it.return("C")));
print(log.join(","));

// An inner iterator without throw: close it, then TypeError.
var closed = false;
var noThrow = {
  [Symbol.iterator]() { return this; },
  next() { return { value: 1, done: false }; },
  return() { closed = true; return {}; },
};
function* h() { yield* noThrow; }
it = h();
it.next();
try { it.throw(new Error("x")); } catch (e) { print(e instanceof TypeError, closed); }

// Delegating to generators: values sent through, return value of yield*.
function* leaf() { var a = yield 1; var b = yield a + 1; return a + b; }
function* mid() { var r = yield* leaf(); yield "r=" + r; }
it = mid();
print(it.next().value, it.next(10).value, it.next(20).value, it.next().done);

// return() reaches the inner generator's finally.
function* leaf2() { try { yield 1; } finally { print("leaf2 finally"); } }
function* mid2() { try { yield* leaf2(); } finally { print("mid2 finally"); } }
it = mid2();
it.next();
print(JSON.stringify(it.return(4)));

// Generator objects and prototypes.
function* k() {}
var GF = Object.getPrototypeOf(k);
print(GF === Object.getPrototypeOf(function*(){}), Object.prototype.toString.call(k()));
print(Object.getPrototypeOf(k()) === k.prototype, k.prototype.constructor === undefined);
print(GF.constructor.name, typeof GF.constructor);
var G2 = new GF.constructor("a", "yield a; yield a * 2;");
it = G2(21);
print(it.next().value, it.next().value, it.next().done);
try { new GF.constructor("}), (function(){"); } catch (e) { print(e.name); }
var obj = { *m() { yield this === obj; } };
print(obj.m().next().value);
class C { static *s() { yield 1; yield 2; } *[Symbol.iterator]() { yield* C.s(); } }
print([...new C()].join());

// Output checked against node 20 (same program with console.log):
// expect: 1 n false
// expect: {"value":"n","done":false,"extra":1}
// expect: {"value":"t","done":false}
// expect: {"value":"r","done":true}
// expect: next:undefined,next:A,throw:B,return:C
// expect: true true
// expect: 1 11 r=30 true
// expect: leaf2 finally
// expect: mid2 finally
// expect: {"value":4,"done":true}
// expect: true [object Generator]
// expect: true false
// expect: GeneratorFunction function
// expect: 21 42 true
// expect: SyntaxError
// expect: true
// expect: 1,2
