// throw/try/catch/finally, completion through finally, error types.
try { null.x; } catch (e) { print(e instanceof TypeError, e.message); }
try { undefinedVariable; } catch (e) { print(e.name, e.message); }
try { throw new Error("boom"); } catch (e) { print(e.message); } finally { print("fin"); }
function f2() { try { return 1; } finally { print("in finally"); } }
print(f2());
function f3() { try { throw 1; } catch (e) { return "caught " + e; } finally { print("f3 fin"); } }
print(f3());
function f4() { for (var i = 0; i < 5; i++) { try { if (i == 2) break; continue; } finally { print("iter", i); } } return i; }
print(f4());
function f5() { try { return "try"; } finally { return "finally wins"; } }
print(f5());
try { try { throw "inner"; } finally { print("cleanup"); } } catch (e) { print("outer got", e); }
try { let t = tdz; let tdz = 1; } catch (e) { print(e.name); }
try { const c = 1; c = 2; } catch (e) { print(e.name, e.message); }
function rec(n) { return rec(n + 1) + 1; }
try { rec(0); } catch (e) { print(e instanceof RangeError, e.message); }
try { (void 0)(); } catch (e) { print(e.name); }
try { new (function () {}.bind)(); } catch (e) { print("bind ok"); }
var caught = 0;
for (var i = 0; i < 3; i++) { try { throw i; } catch (e) { caught += e; } }
print(caught);
// expect: true Cannot read properties of null (reading 'x')
// expect: ReferenceError undefinedVariable is not defined
// expect: boom
// expect: fin
// expect: in finally
// expect: 1
// expect: f3 fin
// expect: caught 1
// expect: iter 0
// expect: iter 1
// expect: iter 2
// expect: 2
// expect: finally wins
// expect: cleanup
// expect: outer got inner
// expect: ReferenceError
// expect: TypeError Assignment to constant variable.
// expect: true Maximum call stack size exceeded
// expect: TypeError
// expect: bind ok
// expect: 3
