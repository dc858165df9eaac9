// Async generators: the request queue, awaits, return/throw in each
// state, and the order of promise jobs.
async function* ag() {
  print("start");
  var x = yield 1;
  print("got " + x);
  var y = await Promise.resolve("awaited");
  yield y;
  return "done";
}
var it = ag();
var p1 = it.next("first"), p2 = it.next("second"), p3 = it.next(), p4 = it.next();
print("queued");
Promise.all([p1, p2, p3, p4]).then(rs => print(JSON.stringify(rs)));

// return() at start completes without running the body.
async function* never() { print("never"); }
var n = never();
n.return(Promise.resolve(7)).then(r => print("return at start", JSON.stringify(r)));
n.next().then(r => print("next after return", JSON.stringify(r)));

// throw() at start rejects; the generator is completed.
var t = never();
t.throw(new Error("boom")).catch(e => print("throw at start", e.message));
t.next().then(r => print("next after throw", JSON.stringify(r)));

// return() while suspended at a yield runs finally (which may await).
async function* fin() {
  try { yield 1; yield 2; } finally { await null; print("fin cleanup"); }
}
var f = fin();
f.next().then(r => print("fin first", r.value));
f.return("R").then(r => print("fin return", JSON.stringify(r)));

// yield awaits its operand; a rejected operand throws at the yield.
async function* rej() {
  try { yield Promise.reject(new Error("rejected")); } catch (e) { yield "caught " + e.message; }
}
rej().next().then(r => print(r.value));

// Ordering against plain promise jobs.
var order = [];
async function* tick() { order.push("g1"); yield; order.push("g2"); yield; }
var ti = tick();
Promise.resolve().then(() => order.push("p1")).then(() => order.push("p2")).then(() => order.push("p3"));
ti.next().then(() => order.push("n1"));
ti.next().then(() => order.push("n2"));
setTimeoutish(() => print(order.join(",")));
function setTimeoutish(fn) { var p = Promise.resolve(); for (var i = 0; i < 10; i++) p = p.then(() => {}); p.then(fn); }

// Prototypes and constructors.
var AGF = Object.getPrototypeOf(ag);
print(Object.prototype.toString.call(it), Object.prototype.toString.call(AGF));
print(Object.getPrototypeOf(AGF.prototype) === Object.getPrototypeOf(Object.getPrototypeOf((async function*(){})()) ));
var AsyncIteratorPrototype = Object.getPrototypeOf(AGF.prototype);
print(AsyncIteratorPrototype[Symbol.asyncIterator].call(it) === it);
var made = new AGF.constructor("a", "yield a; yield await a;");
made(Promise.resolve(5)).next().then(r => print("dynamic", r.value));
var AF = Object.getPrototypeOf(async function () {}).constructor;
new AF("return 40 + 2")().then(v => print("async fn ctor", v));

// Output checked against node 20 (same program with console.log):
// expect: start
// expect: queued
// expect: [object AsyncGenerator] [object AsyncGeneratorFunction]
// expect: false
// expect: true
// expect: got second
// expect: throw at start boom
// expect: next after throw {"done":true}
// expect: async fn ctor 42
// expect: return at start {"value":7,"done":true}
// expect: next after return {"done":true}
// expect: fin first 1
// expect: dynamic 5
// expect: fin cleanup
// expect: caught rejected
// expect: fin return {"value":"R","done":true}
// expect: [{"value":1,"done":false},{"value":"awaited","done":false},{"value":"done","done":true},{"done":true}]
// expect: g1,p1,g2,p2,n1,p3,n2
