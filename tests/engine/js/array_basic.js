// Array: constructor, statics and the prototype.
function t(label, f) {
    let r;
    try { r = f(); } catch (e) { r = 'threw ' + e.name; }
    console.log(label + ': ' + (typeof r === 'string' ? r : JSON.stringify(r)));
}
t('ctor', () => [Array(3).length, new Array(2, 3), Array('x'), Array.of(7, 8), Array.isArray([]), Array.isArray({})]);
t('ctor range', () => new Array(-1));
t('from iterable', () => Array.from('abc'));
t('from arraylike map', () => Array.from({ length: 3, 0: 'a', 2: 'c' }, (v, i) => v + i));
t('from set-like iter', () => Array.from({ [Symbol.iterator]() { let i = 0; return { next: () => ({ done: i > 2, value: i++ }) }; } }));
t('push pop', () => { const a = [1, 2]; const n = a.push(3, 4); const p = a.pop(); return [n, p, a]; });
t('shift unshift', () => { const a = [1, 2, 3]; const s = a.shift(); const n = a.unshift(9, 8); return [s, n, a]; });
t('slice', () => [[1, 2, 3, 4].slice(1, 3), [1, 2, 3].slice(-2), [1, 2, 3].slice()]);
t('splice', () => { const a = [1, 2, 3, 4, 5]; const r = a.splice(1, 2, 'x', 'y', 'z'); return [r, a]; });
t('splice del', () => { const a = [1, 2, 3, 4, 5]; const r = a.splice(1, 3); return [r, a, [1,2,3].splice(1)]; });
t('concat', () => [1].concat([2, 3], 4, [[5]]));
t('concat spreadable', () => { const o = { length: 2, 0: 'a', 1: 'b', [Symbol.isConcatSpreadable]: true }; return [0].concat(o); });
t('join', () => [1, null, undefined, 'x', [2, 3]].join('-'));
t('join cycle', () => { const a = [1, 2]; a.push(a); return a.join(); });
t('toString', () => String([1, [2, [3]]]) + '|' + Array.prototype.toString.call({ join: () => 'J' }));
t('indexOf', () => [[1, 2, 3, 2].indexOf(2), [1, 2, 3, 2].lastIndexOf(2), [NaN].indexOf(NaN), [NaN].includes(NaN), [1, 2].indexOf(1, -1)]);
t('iteration', () => { let s = 0; [1, 2, 3].forEach(x => { s += x; }); return [s, [1, 2, 3].map(x => x * 2), [1, 2, 3, 4].filter(x => x % 2)]; });
t('some every', () => [[1, 2].some(x => x > 1), [1, 2].every(x => x > 1), [].every(x => false)]);
t('find', () => [[5, 6, 7].find(x => x > 5), [5, 6, 7].findIndex(x => x > 5), [5, 6, 7].findLast(x => x > 5), [5, 6, 7].findLastIndex(x => x > 9)]);
t('reduce', () => [[1, 2, 3].reduce((a, b) => a + b), [1, 2, 3].reduceRight((a, b) => a + b, ''), [[1], [2]].reduce((a, b) => a.concat(b), [])]);
t('reduce empty', () => [].reduce((a, b) => a));
t('reverse', () => [[1, 2, 3].reverse(), [1, , 3, 4].reverse()]);
t('fill', () => [new Array(3).fill(0), [1, 2, 3, 4].fill(9, 1, -1)]);
t('copyWithin', () => [1, 2, 3, 4, 5].copyWithin(0, 3));
t('flat', () => [[1, [2, [3, [4]]]].flat(), [1, [2, [3, [4]]]].flat(Infinity), [1, 2].flatMap(x => [x, x * 10])]);
t('at with', () => [[1, 2, 3].at(-1), [1, 2, 3].at(5), [1, 2, 3].with(1, 'x'), [1, 2, 3].with(-1, 'y')]);
t('with range', () => [1].with(3, 0));
t('toReversed toSpliced', () => [[1, 2, 3].toReversed(), [1, 2, 3, 4].toSpliced(1, 2, 'a')]);
t('sort', () => [[3, 1, 10, 2].sort(), [3, 1, 10, 2].sort((a, b) => a - b), ['b', undefined, 'a', , 'c'].sort()]);
t('sort stable', () => { const a = []; for (let i = 0; i < 50; i++) a.push({ k: i % 3, i }); a.sort((x, y) => x.k - y.k); return a.map(x => x.i).join(','); });
t('sort throws', () => { const a = [3, 2, 1]; try { a.sort(() => { throw new Error('x'); }); } catch (e) { return 'caught ' + e.message + ' ' + a; } });
t('sort bad cmp', () => [1, 2].sort(5));
t('toSorted', () => { const a = [3, 1, 2]; const b = a.toSorted(); return [a, b]; });
t('holes sort', () => { const a = [3, , 1]; a.sort(); return [a.length, 1 in a, 2 in a, a[0], a[1]]; });
t('iterators', () => [[...[1, 2].keys()], [...[1, 2].entries()], [...['a'].values()], Array.prototype[Symbol.iterator] === Array.prototype.values]);
t('iter proto', () => Object.prototype.toString.call([][Symbol.iterator]()) + ' ' + typeof [].keys().next);
t('unscopables', () => Object.keys(Array.prototype[Symbol.unscopables]).length + ' ' + Object.getPrototypeOf(Array.prototype[Symbol.unscopables]));
t('species', () => { class M extends Array {} const m = new M(1, 2, 3); const r = m.map(x => x); return [r instanceof M, r.length, Array[Symbol.species] === Array]; });
t('generic', () => Array.prototype.map.call({ length: 2, 0: 'a', 1: 'b' }, x => x.toUpperCase()));
t('generic push', () => { const o = { length: 1 }; Array.prototype.push.call(o, 'a'); return o; });
t('lengths', () => [Array.prototype.push.length, Array.prototype.splice.length, Array.from.length, Array.length, Array.prototype.concat.name]);
t('big length', () => Array.prototype.push.call({ length: 2 ** 53 - 1 }, 1));
t('length sparse', () => { const a = []; a[5] = 1; return [a.length, a.indexOf(undefined), a.includes(undefined), a.findIndex(x => x === undefined)]; });
t('toLocaleString', () => [1, 'a', null].toLocaleString());
t('map holes', () => { const r = [1, , 3].map(x => x * 2); return [r.length, 1 in r]; });
// expect: ctor: [3,[2,3],["x"],[7,8],true,false]
// expect: ctor range: threw RangeError
// expect: from iterable: ["a","b","c"]
// expect: from arraylike map: ["a0",null,"c2"]
// expect: from set-like iter: [0,1,2]
// expect: push pop: [4,4,[1,2,3]]
// expect: shift unshift: [1,4,[9,8,2,3]]
// expect: slice: [[2,3],[2,3],[1,2,3]]
// expect: splice: [[2,3],[1,"x","y","z",4,5]]
// expect: splice del: [[2,3,4],[1,5],[2,3]]
// expect: concat: [1,2,3,4,[5]]
// expect: concat spreadable: [0,"a","b"]
// expect: join: 1---x-2,3
// expect: join cycle: 1,2,
// expect: toString: 1,2,3|J
// expect: indexOf: [1,3,-1,true,-1]
// expect: iteration: [6,[2,4,6],[1,3]]
// expect: some every: [true,false,true]
// expect: find: [6,1,7,-1]
// expect: reduce: [6,"321",[1,2]]
// expect: reduce empty: threw TypeError
// expect: reverse: [[3,2,1],[4,3,null,1]]
// expect: fill: [[0,0,0],[1,9,9,4]]
// expect: copyWithin: [4,5,3,4,5]
// expect: flat: [[1,2,[3,[4]]],[1,2,3,4],[1,10,2,20]]
// expect: at with: [3,null,[1,"x",3],[1,2,"y"]]
// expect: with range: threw RangeError
// expect: toReversed toSpliced: [[3,2,1],[1,"a",4]]
// expect: sort: [[1,10,2,3],[1,2,3,10],["a","b","c",null,null]]
// expect: sort stable: 0,3,6,9,12,15,18,21,24,27,30,33,36,39,42,45,48,1,4,7,10,13,16,19,22,25,28,31,34,37,40,43,46,49,2,5,8,11,14,17,20,23,26,29,32,35,38,41,44,47
// expect: sort throws: caught x 3,2,1
// expect: sort bad cmp: threw TypeError
// expect: toSorted: [[3,1,2],[1,2,3]]
// expect: holes sort: [3,true,false,1,3]
// expect: iterators: [[0,1],[[0,1],[1,2]],["a"],true]
// expect: iter proto: [object Array Iterator] function
// expect: unscopables: 16 null
// expect: species: [true,3,true]
// expect: generic: ["A","B"]
// expect: generic push: {"1":"a","length":2}
// expect: lengths: [1,2,1,1,"concat"]
// expect: big length: threw TypeError
// expect: length sparse: [6,-1,true,0]
// expect: toLocaleString: 1,a,
// expect: map holes: [3,false]
