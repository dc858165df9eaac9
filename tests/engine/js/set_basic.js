// Set: SameValueZero, order, iterators, forEach, mutation during iteration.
const s = new Set([1, '1', NaN, NaN, -0, 0, 'a' + 'b', 'ab']);
console.log(s.size, s.has(0), Object.is([...s][3], 0), s.has(NaN), [...s].length);
console.log(s.add(2) === s, s.delete(NaN), s.delete(NaN), s.size);
const e = new Set(['x', 'y']).entries();
console.log(JSON.stringify(e.next().value), JSON.stringify([...e]));
console.log(Set.prototype.keys === Set.prototype.values, Set.prototype[Symbol.iterator] === Set.prototype.values);
const grow = new Set([0]);
let n = 0;
for (const v of grow) { if (v < 50) grow.add(v + 1); n++; }
console.log(n, grow.size);
const del = new Set([1, 2, 3, 4, 5]);
const out = [];
del.forEach((v) => { out.push(v); del.delete(v + 1); });
console.log(out.join(','));
const it = del.values();
del.clear();
del.add('after');
console.log(it.next().value, it.next().done, it.next().done);
// A finished iterator stays finished.
del.add('later');
console.log(it.next().done);
// Many deletions during iteration: positions survive table compaction.
const big = new Set();
for (let i = 0; i < 5000; i++) big.add('k' + i);
const bi = big.values();
for (let i = 0; i < 4990; i++) big.delete('k' + i);
for (let i = 0; i < 3; i++) big.add('n' + i);
console.log([...bi].join(','));
console.log(Object.prototype.toString.call(new Set().values()), Set[Symbol.species] === Set);
class MySet extends Set { add(v) { return super.add(v * 10); } }
console.log([...new MySet([1, 2])].join(','));
try { new Set(5); } catch (err) { console.log(err.constructor.name); }
try { Set.prototype.add.call(new Map(), 1); } catch (err) { console.log(err.constructor.name); }
try { new Set().values().next.call([].values()); } catch (err) { console.log(err.constructor.name); }
const sym = Symbol('s');
console.log(new Set([sym]).has(sym), new Set([1n, 1n]).size);
// Expected output (node 20):
// expect: 5 true true true 5
// expect: true true false 5
// expect: ["x","x"] [["y","y"]]
// expect: true true
// expect: 51 51
// expect: 1,3,5
// expect: after true true
// expect: true
// expect: k4990,k4991,k4992,k4993,k4994,k4995,k4996,k4997,k4998,k4999,n0,n1,n2
// expect: [object Set Iterator] true
// expect: 10,20
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: true 1
