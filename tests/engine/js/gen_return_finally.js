// Generator return() runs finally blocks; yields inside finally suspend
// again; a finally that returns or throws overrides the completion.
function* a() { try { yield 1; yield 2; } finally { print("a finally"); } }
var it = a();
print(JSON.stringify(it.next()));
print(JSON.stringify(it.return(5)));
print(JSON.stringify(it.next()));

function* b() { try { yield 1; } finally { yield "f1"; yield "f2"; print("b end"); } }
it = b();
it.next();
print(JSON.stringify(it.return("R")));
print(JSON.stringify(it.next("x")));
print(JSON.stringify(it.next("y")));
print(JSON.stringify(it.next()));

function* c() { try { yield 1; } finally { return "override"; } }
it = c();
it.next();
print(JSON.stringify(it.return("lost")));

function* d() { try { yield 1; } finally { throw new Error("from finally"); } }
it = d();
it.next();
try { it.return(1); } catch (e) { print("caught " + e.message); }
print(JSON.stringify(it.next()));

// return() before start and after completion does not run the body.
function* e() { print("never"); yield 1; }
it = e();
print(JSON.stringify(it.return(3)));
print(JSON.stringify(it.next()));

// Nested try/finally and for-of inside the generator: iterators close.
var closed = 0;
var iterable = { [Symbol.iterator]() { return { next() { return { value: 1, done: false }; }, return() { closed++; return {}; } }; } };
function* f() { try { for (var x of iterable) { try { yield x; } finally { print("inner"); } } } finally { print("outer"); } }
it = f();
it.next();
print(JSON.stringify(it.return(9)), closed);

// Parameters are bound at the call: their errors throw from the call.
function* g(x = (() => { throw new Error("param"); })()) { yield x; }
try { g(); } catch (e) { print("call threw " + e.message); }

// Output checked against node 20 (same program with console.log):
// expect: {"value":1,"done":false}
// expect: a finally
// expect: {"value":5,"done":true}
// expect: {"done":true}
// expect: {"value":"f1","done":false}
// expect: {"value":"f2","done":false}
// expect: b end
// expect: {"value":"R","done":true}
// expect: {"done":true}
// expect: {"value":"override","done":true}
// expect: caught from finally
// expect: {"done":true}
// expect: {"value":3,"done":true}
// expect: {"done":true}
// expect: inner
// expect: outer
// expect: {"value":9,"done":true} 1
// expect: call threw param
