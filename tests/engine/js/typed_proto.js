// %TypedArray%.prototype methods.
function t(label, f) {
    let r;
    try { r = f(); } catch (e) { r = 'threw ' + e.name; }
    console.log(label + ': ' + (typeof r === 'string' ? r : JSON.stringify(r)));
}
const arr = (ta) => Array.from(ta);
const I = (...v) => new Int32Array(v);
t('at', () => [I(1, 2, 3).at(0), I(1, 2, 3).at(-1), I(1, 2, 3).at(5)]);
t('copyWithin', () => [arr(I(1, 2, 3, 4, 5).copyWithin(0, 3)), arr(I(1, 2, 3, 4, 5).copyWithin(1, 0, 3)), arr(I(1, 2, 3, 4, 5).copyWithin(-2, -4, -3))]);
t('every some', () => [I(1, 2).every((x) => x > 0), I(1, 2).every((x) => x > 1), I(1, 2).some((x) => x > 1), I().some(() => true)]);
t('fill', () => [arr(I(0, 0, 0, 0).fill(7, 1, 3)), arr(new Uint8Array(3).fill(257)), arr(new Float32Array(2).fill(-1)), arr(I(1, 2, 3).fill(9, -1))]);
t('filter', () => arr(I(1, 2, 3, 4).filter((x) => x % 2 === 0)));
t('find', () => [I(5, 6, 7).find((x) => x > 5), I(5, 6, 7).findIndex((x) => x > 5), I(5, 6, 7).findLast((x) => x < 7), I(5, 6, 7).findLastIndex((x) => x > 9)]);
t('forEach', () => { const r = []; I(1, 2).forEach((x, i, a) => r.push(x, i, a.length)); return r; });
t('includes', () => [I(1, 2, 3).includes(2), I(1, 2, 3).includes(2, 2), new Float64Array([NaN]).includes(NaN), new Float64Array([NaN]).indexOf(NaN), I(1).includes('1')]);
t('indexOf', () => [I(1, 2, 1).indexOf(1), I(1, 2, 1).indexOf(1, 1), I(1, 2, 1).indexOf(1, -1), I(1, 2, 1).lastIndexOf(1), I(1, 2, 1).lastIndexOf(1, -2), new Float32Array([-0]).indexOf(0)]);
t('join', () => [I(1, 2, 3).join(), I(1, 2, 3).join('-'), I().join(), new Float64Array([1.5, -0, NaN]).join(' ')]);
t('map', () => arr(I(1, 2, 3).map((x) => x * 10)));
t('map conv', () => arr(new Uint8Array([1, 2]).map((x) => x * 200)));
t('reduce', () => [I(1, 2, 3).reduce((a, b) => a + b), I(1, 2, 3).reduceRight((a, b) => a + '' + b), I().reduce((a) => a, 'init')]);
t('reduce empty', () => I().reduce((a) => a));
t('reverse', () => [arr(I(1, 2, 3).reverse()), arr(new Float64Array([1.5, 2.5]).reverse())]);
t('set array', () => { const a = I(0, 0, 0, 0); a.set([1, 2], 1); return arr(a); });
t('set typed', () => { const a = new Uint8Array(4); a.set(new Float64Array([1.7, 300]), 2); return arr(a); });
t('set overlap', () => { const b = new ArrayBuffer(8); const u8 = new Uint8Array(b); u8.set([1, 2, 3, 4, 5, 6, 7, 8]); const u16 = new Uint16Array(b, 0, 2); u8.set(u16, 1); return arr(u8); });
t('set same', () => { const a = I(1, 2, 3, 4); a.set(a.subarray(0, 3), 1); return arr(a); });
t('set range', () => I(1, 2).set([1, 2, 3]));
t('set neg', () => I(1, 2).set([1], -1));
t('slice', () => [arr(I(1, 2, 3, 4).slice(1, 3)), arr(I(1, 2, 3).slice(-2)), arr(I(1, 2, 3).slice(2, 1))]);
t('subarray', () => { const a = I(1, 2, 3, 4); const s = a.subarray(1, 3); s[0] = 9; return [arr(s), arr(a), s.byteOffset, s.length]; });
t('sort', () => [arr(new Float64Array([3, -0, 0, NaN, -Infinity, 1, 0]).sort()).map(String), arr(I(10, 9, 1).sort()), arr(I(1, 2, 3).sort((a, b) => b - a))]);
t('sort stable', () => { const a = new Uint8Array([3, 1, 2, 11, 12, 13]); return arr(a.sort((x, y) => (x % 10) - (y % 10))); });
t('sort bad cmp', () => I(1).sort(1));
t('toSorted', () => { const a = I(3, 1, 2); const b = a.toSorted(); return [arr(a), arr(b)]; });
t('toReversed', () => arr(I(1, 2, 3).toReversed()));
t('with', () => [arr(I(1, 2, 3).with(1, 9)), arr(I(1, 2, 3).with(-1, 9))]);
t('with range', () => I(1, 2, 3).with(3, 0));
t('toLocaleString', () => I(1, 2).toLocaleString());
t('values iter', () => I(1, 2).values().next());
t('iterator is values', () => Int8Array.prototype[Symbol.iterator] === Int8Array.prototype.values);
t('toString shared', () => Int8Array.prototype.toString === Array.prototype.toString);
t('getters', () => { const a = new Int16Array(new ArrayBuffer(10), 2, 3); return [a.length, a.byteLength, a.byteOffset, a.buffer.byteLength]; });
t('species', () => { class X extends Int8Array { static get [Symbol.species]() { return Uint8Array; } } return new X([1, -1]).map((x) => x).constructor.name; });
t('species bad', () => { const a = I(1); a.constructor = { [Symbol.species]: function () { return {}; } }; return a.slice(); });
t('methods names', () => ['map', 'set', 'subarray'].map((m) => Int8Array.prototype[m].name + Int8Array.prototype[m].length));

// Expected output (node 20 where it implements the feature; spec values otherwise).
// expect: at: [1,3,null]
// expect: copyWithin: [[4,5,3,4,5],[1,1,2,3,5],[1,2,3,2,5]]
// expect: every some: [true,false,true,false]
// expect: fill: [[0,7,7,0],[1,1,1],[-1,-1],[1,2,9]]
// expect: filter: [2,4]
// expect: find: [6,1,6,-1]
// expect: forEach: [1,0,2,2,1,2]
// expect: includes: [true,false,true,-1,false]
// expect: indexOf: [0,2,2,2,0,0]
// expect: join: ["1,2,3","1-2-3","","1.5 0 NaN"]
// expect: map: [10,20,30]
// expect: map conv: [200,144]
// expect: reduce: [6,"321","init"]
// expect: reduce empty: threw TypeError
// expect: reverse: [[3,2,1],[2.5,1.5]]
// expect: set array: [0,1,2,0]
// expect: set typed: [0,0,1,44]
// expect: set overlap: [1,1,3,4,5,6,7,8]
// expect: set same: [1,1,2,3]
// expect: set range: threw RangeError
// expect: set neg: threw RangeError
// expect: slice: [[2,3],[2,3],[]]
// expect: subarray: [[9,3],[1,9,3,4],4,2]
// expect: sort: [["-Infinity","0","0","0","1","3","NaN"],[1,9,10],[3,2,1]]
// expect: sort stable: [1,11,2,12,3,13]
// expect: sort bad cmp: threw TypeError
// expect: toSorted: [[3,1,2],[1,2,3]]
// expect: toReversed: [3,2,1]
// expect: with: [[1,9,3],[1,2,9]]
// expect: with range: threw RangeError
// expect: toLocaleString: 1,2
// expect: values iter: {"value":1,"done":false}
// expect: iterator is values: true
// expect: toString shared: true
// expect: getters: [3,6,2,10]
// expect: species: Uint8Array
// expect: species bad: threw TypeError
// expect: methods names: ["map1","set1","subarray2"]
