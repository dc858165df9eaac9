// Map: SameValueZero keys, insertion order, iteration while mutating,
// forEach, groupBy, species, constructor protocol.
const m = new Map([[1, 'one'], ['1', 'string one'], [NaN, 'nan'], [-0, 'zero']]);
console.log(m.size, m.get(1), m.get('1'), m.get(NaN), m.get(0), m.get(+0), Object.is([...m.keys()][3], 0));
const k = {};
m.set(k, 'obj').set(k, 'obj2');
console.log(m.get(k), m.has({}), m.delete(k), m.delete(k), m.size);
// Strings compare by content (ropes and flat strings alike).
const a = 'abcdefghijklmnopqrstuvwxyz', b = 'ABCDEFGHIJ';
const rope = a + b + a;
m.set(rope, 'long');
console.log(m.get('abcdefghijklmnopqrstuvwxyz' + 'ABCDEFGHIJ' + a), m.has(a + b));
// Entries added during iteration are visited; deleted ones are skipped.
const it = new Map([[1, 1], [2, 2], [3, 3]]);
const seen = [];
for (const [key] of it) {
  seen.push(key);
  if (key === 1) { it.delete(2); it.set(4, 4); }
  if (key === 3) it.set(5, 5);
}
console.log(seen.join(','));
// Deleting everything during iteration, then clearing, then refilling.
const big = new Map();
for (let i = 0; i < 1000; i++) big.set(i, i * 2);
const iter = big.keys();
console.log(iter.next().value, iter.next().value);
for (let i = 0; i < 998; i++) big.delete(i);
console.log(iter.next().value, iter.next().value, iter.next().done, big.size);
const it2 = big.entries();
big.clear();
big.set('x', 1);
console.log(JSON.stringify(it2.next().value), it2.next().done);
// forEach sees additions, passes (value, key, map).
const f = new Map([['a', 1]]);
const order = [];
f.forEach(function (v, key, map) {
  order.push(key + v + (map === f) + (this === order));
  if (key === 'a') f.set('b', 2);
}, order);
console.log(order.join(' '));
// species, toStringTag, prototype chain of the iterator.
console.log(Map[Symbol.species] === Map, Object.prototype.toString.call(new Map()),
  Map.prototype[Symbol.iterator] === Map.prototype.entries,
  Object.getPrototypeOf(Object.getPrototypeOf(new Map().keys())) === Object.getPrototypeOf(Object.getPrototypeOf([].keys())));
// The constructor calls the (possibly overridden) set.
class LoggingMap extends Map { set(k, v) { console.log('set', k, v); return super.set(k, v); } }
console.log(new LoggingMap([['p', 1], ['q', 2]]).size);
try { Map(); } catch (e) { console.log(e instanceof TypeError); }
try { new Map([1]); } catch (e) { console.log(e.constructor.name); }
try { Map.prototype.get.call(new Set(), 1); } catch (e) { console.log(e.constructor.name); }
// Iterator close on an abrupt adder.
let closed = false;
const src = { [Symbol.iterator]() { return { next() { return { value: [1, 2], done: false }; }, return() { closed = true; return {}; } }; } };
const Bad = function () {};
try { new (class extends Map { set() { throw new Error('boom'); } })(src); } catch (e) { console.log(e.message, closed); }
// Expected output (node 20):
// expect: 4 one string one nan zero zero true
// expect: obj2 false true false 4
// expect: long false
// expect: 1,3,4,5
// expect: 0 1
// expect: 998 999 true 2
// expect: ["x",1] true
// expect: a1truetrue b2truetrue
// expect: true [object Map] true true
// expect: set p 1
// expect: set q 2
// expect: 2
// expect: true
// expect: TypeError
// expect: TypeError
// expect: boom true
