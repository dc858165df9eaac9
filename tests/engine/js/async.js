// Async functions and await (promise jobs drained after the script).
async function f(x) { var a = await x; print("after await", a); var b = await Promise.resolve(a + 1); return b * 2; }
var p = f(1);
print("sync", typeof p);
p.then(v => print("result", v));
async function g() { try { await Promise.reject(new Error("bad")); } catch (e) { print("caught", e.message); } return "g done"; }
g().then(print);
const h = async () => { throw new TypeError("t"); };
h().catch(e => print("rejected", e.name));
class K { async m() { return this.v; } v = 7; }
new K().m().then(v => print("method", v));
print("end of script");
// expect: sync object
// expect: end of script
// expect: after await 1
// expect: caught bad
// expect: rejected TypeError
// expect: method 7
// expect: g done
// expect: result 4
