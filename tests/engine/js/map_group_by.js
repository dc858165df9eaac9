// Map.groupBy (ES2024; node 20 lacks it: expectations worked out from the
// spec's GroupBy with key coercion "zero").
// Map.groupBy
const g = Map.groupBy([1, 2, 3, 4, 5, 6], (x, i) => (x % 3 === 0 ? 'fizz' : i % 2 ? 'odd' : 'even'));
console.log([...g.keys()].join(','), g.get('fizz').join(','), g.get('even').join(','));
const z = Map.groupBy([1, 2], () => -0);
console.log(Object.is([...z.keys()][0], 0), z.get(0).length);
const gs = Map.groupBy('abcab', (ch) => ch);
console.log([...gs].map(([k, v]) => k + v.length).join(' '));
try { Map.groupBy(null, () => 1); } catch (e) { console.log(e.constructor.name); }
try { Map.groupBy([], 1); } catch (e) { console.log(e.constructor.name); }
let closed = 0;
const src = { [Symbol.iterator]() { return { next() { return { value: 1, done: false }; }, return() { closed++; return {}; } }; } };
try { Map.groupBy(src, () => { throw new RangeError('cb'); }); } catch (e) { console.log(e.message, closed); }
// Expected output (worked out by hand from the spec):
// expect: even,odd,fizz 3,6 1,5
// expect: true 2
// expect: a2 b2 c1
// expect: TypeError
// expect: TypeError
// expect: cb 1
