// ES2025 Set methods (node 20 lacks them: expectations worked out from the
// spec: GetSetRecord, the size-based choice between this.has walks and
// other.keys() walks, result order).
const A = new Set([1, 2, 3, 4]);
const B = new Set([3, 4, 5]);
const show = (s) => [...s].join(',');
console.log(show(A.union(B)), show(A.intersection(B)), show(A.difference(B)), show(A.symmetricDifference(B)));
// expect: 1,2,3,4,5 3,4 1,2 1,2,5
console.log(A.isSubsetOf(B), new Set([3]).isSubsetOf(B), A.isSupersetOf(new Set([1, 2])), A.isDisjointFrom(new Set([9])));
// expect: false true true true
// Set-like objects: size / has / keys, with the calls logged.
const log = [];
const like = {
  size: 2,
  has(v) { log.push('has ' + v); return v === 2 || v === 7; },
  keys() {
    log.push('keys');
    const vals = [7, 2];
    let i = 0;
    return { next() { log.push('next'); return i < vals.length ? { value: vals[i++], done: false } : { value: undefined, done: true }; } };
  },
};
console.log(show(A.intersection(like)), log.join(';'));
// expect: 2 keys;next;next;next
log.length = 0;
like.size = 10;
console.log(show(A.intersection(like)), log.join(';'));
// expect: 2 has 1;has 2;has 3;has 4
like.size = 2;
log.length = 0;
console.log(show(new Set([2]).union(like)), log.join(';'));
// expect: 2,7 keys;next;next;next
log.length = 0;
console.log(show(new Set([1, 2, 3]).difference(like)), log.join(';'));
// expect: 1,3 keys;next;next;next
log.length = 0;
console.log(new Set([1, 2, 3, 7]).isSupersetOf(like), log.join(';'));
// expect: true keys;next;next;next
// -0 from keys() is canonicalised to +0.
const negz = { size: 1, has() { return false; }, keys() { let d = false; return { next() { if (d) return { done: true }; d = true; return { value: -0, done: false }; } }; } };
console.log(Object.is([...new Set().union(negz)][0], 0));
// expect: true
// GetSetRecord errors.
for (const bad of [[], { size: NaN, has() {}, keys() {} }, { size: -1, has() {}, keys() {} }, { size: 1, has: 1, keys() {} }, { size: 1, has() {}, keys: 1 }]) {
  try { A.union(bad); console.log('no error'); } catch (e) { console.log(e.constructor.name); }
}
// expect: TypeError
// expect: TypeError
// expect: RangeError
// expect: TypeError
// expect: TypeError
// Results are plain Sets even from subclasses.
class Sub extends Set {}
console.log(Object.getPrototypeOf(new Sub([1]).union(new Set([2]))) === Set.prototype);
// expect: true
// Mutating this set while other.has runs: entries added later are visited.
const M = new Set([1, 2]);
const seen = [];
M.isSubsetOf({ size: 10, has(v) { seen.push(v); if (v === 1) M.add(3); return true; }, keys() {} });
console.log(seen.join(','));
// expect: 1,2,3
// isDisjointFrom closes the keys iterator when it finds a common element.
let closed = false;
const big = new Set([1, 2, 3, 4, 5]);
console.log(big.isDisjointFrom({ size: 1, has() { return false; }, keys() { return { next() { return { value: 3, done: false }; }, return() { closed = true; return {}; } }; } }), closed);
// expect: false true
