// Symbols as weak keys (ES2023): unregistered symbols, well-known ones
// included, may be WeakMap/WeakSet keys, WeakRef targets and registry
// targets/tokens; registered symbols (Symbol.for) may not.
const s = Symbol('weak');
const wm = new WeakMap([[s, 1]]);
console.log(wm.get(s), wm.has(Symbol('weak')));
// expect: 1 false
wm.set(Symbol.iterator, 'wk');
console.log(wm.get(Symbol.iterator));
// expect: wk
try { wm.set(Symbol.for('reg'), 1); } catch (e) { console.log(e.constructor.name); }
// expect: TypeError
console.log(wm.has(Symbol.for('reg')), new WeakSet([s]).has(s));
// expect: false true
console.log(new WeakRef(s).deref() === s);
// expect: true
const fr = new FinalizationRegistry(() => {});
console.log(fr.register(s, 'h', s), fr.unregister(s), fr.unregister(s));
// expect: undefined true false
try { new WeakRef(Symbol.for('reg')); } catch (e) { console.log(e.constructor.name); }
// expect: TypeError
