// WeakMap, WeakSet, WeakRef, FinalizationRegistry: API behaviour (what a
// collection does is covered by the Criterion tests with $262-style gc).
const wm = new WeakMap();
const k1 = {}, k2 = function () {}, k3 = [];
wm.set(k1, 'a').set(k2, 'b').set(k1, 'c');
console.log(wm.get(k1), wm.get(k2), wm.has(k3), wm.get(k3), wm.delete(k2), wm.has(k2), wm.delete(k2));
for (const bad of [1, 'str', null, undefined, Symbol.for('registered')]) {
  try { wm.set(bad, 1); console.log('accepted'); } catch (e) { console.log(e.constructor.name); }
}
console.log(wm.has(1), wm.get('x'), wm.delete(null));
const ws = new WeakSet([k1, k3]);
console.log(ws.has(k1), ws.has(k2), ws.add(k2) === ws, ws.has(k2), ws.delete(k1), ws.has(k1));
try { ws.add(42); } catch (e) { console.log(e.constructor.name); }
const wm2 = new WeakMap([[k1, 1], [k3, 3]]);
console.log(wm2.get(k3), Object.prototype.toString.call(wm2), Object.prototype.toString.call(ws));
try { WeakMap.prototype.get.call(new Map(), k1); } catch (e) { console.log(e.constructor.name); }
try { new WeakMap([[1, 2]]); } catch (e) { console.log(e.constructor.name); }
const target = { name: 't' };
const ref = new WeakRef(target);
console.log(ref.deref() === target, ref.deref().name, Object.prototype.toString.call(ref));
try { new WeakRef(1); } catch (e) { console.log(e.constructor.name); }
try { WeakRef(target); } catch (e) { console.log(e.constructor.name); }
const calls = [];
const fr = new FinalizationRegistry((held) => calls.push(held));
const token = {};
console.log(fr.register(target, 'held', token), fr.register({}, 'other'), fr.unregister(token), fr.unregister(token));
try { fr.register(target, target); } catch (e) { console.log(e.constructor.name); }
try { fr.register(target, 1, 'token'); } catch (e) { console.log(e.constructor.name); }
try { fr.unregister(1); } catch (e) { console.log(e.constructor.name); }
try { new FinalizationRegistry(); } catch (e) { console.log(e.constructor.name); }
console.log(Object.prototype.toString.call(fr), calls.length);
class MyWM extends WeakMap { set(k, v) { return super.set(k, v + 1); } }
const mw = new MyWM([[k1, 1]]);
console.log(mw.get(k1), mw instanceof WeakMap);
// Expected output (node 20):
// expect: c b false undefined true false false
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: false undefined false
// expect: true false true true true false
// expect: TypeError
// expect: 3 [object WeakMap] [object WeakSet]
// expect: TypeError
// expect: TypeError
// expect: true t [object WeakRef]
// expect: TypeError
// expect: TypeError
// expect: undefined undefined true false
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: [object FinalizationRegistry] 0
// expect: 2 true
