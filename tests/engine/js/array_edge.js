// Array: frozen/sealed arrays, non-writable length, accessors, array-likes, limits.
function t(label, f) {
    let r;
    try { r = f(); } catch (e) { r = 'threw ' + e.name; }
    console.log(label + ': ' + (typeof r === 'string' ? r : JSON.stringify(r)));
}
t('frozen push', () => Object.freeze([1]).push(2));
t('frozen pop', () => Object.freeze([1]).pop());
t('sealed pop', () => Object.seal([1, 2]).pop());
t('sealed shift', () => Object.seal([1, 2]).shift());
t('frozen sort', () => Object.freeze([2, 1]).sort());
t('frozen reverse', () => Object.freeze([2, 1]).reverse());
t('frozen fill', () => Object.freeze([2, 1]).fill(0));
t('ro length push', () => { const a = [1]; Object.defineProperty(a, 'length', { writable: false }); return a.push(2); });
t('ro length pop', () => { const a = [1]; Object.defineProperty(a, 'length', { writable: false }); return a.pop(); });
t('getter elements', () => { const a = [1, 2, 3]; Object.defineProperty(a, 1, { get() { return 'g'; } }); return [a.map(x => x), a.join(), a.indexOf('g'), a.slice(1)]; });
t('proto index', () => { Array.prototype[1] = 'P'; const a = [0, , 2]; const r = [a[1], a.join(), a.includes('P'), a.indexOf('P'), a.map(x => x)]; delete Array.prototype[1]; return r; });
t('arraylike methods', () => { const o = { length: 3, 0: 'c', 1: 'a', 2: 'b' }; Array.prototype.sort.call(o); return [o[0], o[1], o[2], Array.prototype.join.call(o, '+')]; });
t('arraylike splice', () => { const o = { length: 4, 0: 0, 1: 1, 2: 2, 3: 3 }; const r = Array.prototype.splice.call(o, 1, 2); return [r, o]; });
t('string this', () => [Array.prototype.map.call('abc', c => c + c), Array.prototype.join.call('xyz', '.')]);
t('length coercion', () => Array.prototype.indexOf.call({ length: '2', 0: 'a', 1: 'b' }, 'b'));
t('negative length', () => Array.prototype.push.call({ length: -5 }, 'x'));
t('huge length', () => { const o = { length: 2 ** 53 + 10 }; return Array.prototype.lastIndexOf.call({ length: 0 }, 1) + ' ' + Array.prototype.at.call(o, -1); });
t('index 2^32', () => { const o = { length: 2 ** 32 + 1 }; o[2 ** 32] = 'big'; return [Array.prototype.at.call(o, -1), Array.prototype.includes.call({ length: 2 ** 32 + 1, [2 ** 32]: 'x' }, 'x', 2 ** 32)]; });
t('array length cap', () => { const a = []; a.length = 2 ** 32 - 1; return a.push(1); });
t('callback mutation', () => { const a = [1, 2, 3]; const seen = []; a.forEach((x, i) => { seen.push(x); if (i === 0) a.push(9); if (i === 1) a.pop(); }); return [seen, a]; });
t('map species null', () => { const a = [1, 2]; a.constructor = { [Symbol.species]: null }; return a.map(x => x + 1); });
t('species bad', () => { const a = [1]; a.constructor = { [Symbol.species]: 5 }; return a.map(x => x); });
t('species ctor', () => { const a = [1, 2]; a.constructor = {}; return a.filter(() => true); });
t('sort cmp calls', () => { const a = [5, 1, 4, 2, 3]; let n = 0; a.sort((x, y) => { n++; return x - y; }); return [a, n > 0]; });
t('sort objects default', () => [{ toString() { return 'b'; } }, 'a', 10, 9, true].sort().map(String));
t('sort large', () => { const a = []; for (let i = 0; i < 1000; i++) a.push((i * 7919) % 1000); a.sort((x, y) => x - y); for (let i = 0; i < 1000; i++) if (a[i] !== i) return 'bad at ' + i; return 'ok'; });
t('sort holes undef', () => { const a = [undefined, 3, , 1, undefined, , 2]; a.sort(); return [a.length, Object.keys(a).join(','), a.slice(0, 5)]; });
t('toSorted holes', () => [3, , 1].toSorted());
t('join nested cycle', () => { const a = [1]; const b = [a, 2]; a.push(b); return [a.join('-'), String(b)]; });
t('join big', () => new Array(5).join('ab'));
t('flat holes', () => [1, , [2, , 3]].flat());
t('from with holes', () => Array.from([1, , 3]));
t('from map this', () => Array.from([1, 2], function (x) { return x * this.m; }, { m: 3 }));
t('from iterator close', () => { let closed = false; const it = { [Symbol.iterator]() { return { next: () => ({ done: false, value: 1 }), return() { closed = true; return {}; } }; } }; try { Array.from(it, () => { throw 1; }); } catch (e) { } return closed; });
t('of subclass', () => { class A extends Array {} const r = A.of(1, 2); return [r instanceof A, r.length]; });
t('isArray subclass', () => { class A extends Array {} return Array.isArray(new A()); });
t('ctor length', () => [new Array(4294967295).length, Array(0).length]);
t('ctor bad length', () => new Array(4294967296));
t('ctor float', () => new Array(1.5));
t('entries arraylike', () => [...Array.prototype.entries.call({ length: 2, 0: 'a', 1: 'b' })]);
t('iterator after grow', () => { const a = [1]; const it = a.values(); it.next(); a.push(2); const r = it.next(); it.next(); a.push(3); return [r.value, it.next().done]; });
t('includes fromIndex', () => [[1, 2, 3].includes(1, 1), [1, 2, 3].includes(3, -1), [1, 2, 3].includes(1, -100)]);
t('lastIndexOf fromIndex', () => [[1, 2, 1].lastIndexOf(1, -2), [1, 2, 1].lastIndexOf(1, -4), [1, 2, 1].lastIndexOf(1, 5)]);
t('copyWithin overlap', () => [[1, 2, 3, 4, 5].copyWithin(1, 0, 3), [1, 2, 3, 4, 5].copyWithin(-2, -4, -3)]);
t('splice no args', () => { const a = [1, 2]; return [a.splice(), a]; });
t('splice neg', () => { const a = [1, 2, 3, 4]; return [a.splice(-2, 1, 'x', 'y'), a]; });
t('unshift generic', () => { const o = { length: 2, 0: 'a', 1: 'b' }; Array.prototype.unshift.call(o, 'z'); return o; });
t('reverse holey', () => { const a = [1, , , 4, 5]; a.reverse(); return [Object.keys(a).join(), a[0]]; });
t('concat holes', () => { const r = [1, , 3].concat([, 5]); return [r.length, Object.keys(r).join()]; });
t('toLocaleString calls', () => [{ toLocaleString() { return 'L'; } }, 1.5].toLocaleString());
t('with holes', () => [1, , 3].with(0, 0));
// expect: frozen push: threw TypeError
// expect: frozen pop: threw TypeError
// expect: sealed pop: threw TypeError
// expect: sealed shift: threw TypeError
// expect: frozen sort: threw TypeError
// expect: frozen reverse: threw TypeError
// expect: frozen fill: threw TypeError
// expect: ro length push: threw TypeError
// expect: ro length pop: threw TypeError
// expect: getter elements: [[1,"g",3],"1,g,3",1,["g",3]]
// expect: proto index: ["P","0,P,2",true,1,[0,"P",2]]
// expect: arraylike methods: ["a","b","c","a+b+c"]
// expect: arraylike splice: [[1,2],{"0":0,"1":3,"length":2}]
// expect: string this: [["aa","bb","cc"],"x.y.z"]
// expect: length coercion: 1
// expect: negative length: 1
// expect: huge length: -1 undefined
// expect: index 2^32: ["big",true]
// expect: array length cap: threw RangeError
// expect: callback mutation: [[1,2,3],[1,2,3]]
// expect: map species null: [2,3]
// expect: species bad: threw TypeError
// expect: species ctor: [1,2]
// expect: sort cmp calls: [[1,2,3,4,5],true]
// expect: sort objects default: ["10","9","a","b","true"]
// expect: sort large: ok
// expect: sort holes undef: [7,"0,1,2,3,4",[1,2,3,null,null]]
// expect: toSorted holes: [1,3,null]
// expect: join nested cycle: ["1-,2","1,,2"]
// expect: join big: abababab
// expect: flat holes: [1,2,3]
// expect: from with holes: [1,null,3]
// expect: from map this: [3,6]
// expect: from iterator close: true
// expect: of subclass: [true,2]
// expect: isArray subclass: true
// expect: ctor length: [4294967295,0]
// expect: ctor bad length: threw RangeError
// expect: ctor float: threw RangeError
// expect: entries arraylike: [[0,"a"],[1,"b"]]
// expect: iterator after grow: [2,true]
// expect: includes fromIndex: [false,true,true]
// expect: lastIndexOf fromIndex: [0,-1,2]
// expect: copyWithin overlap: [[1,1,2,3,5],[1,2,3,2,5]]
// expect: splice no args: [[],[1,2]]
// expect: splice neg: [[3],[1,2,"x","y",4]]
// expect: unshift generic: {"0":"z","1":"a","2":"b","length":3}
// expect: reverse holey: ["0,1,4",5]
// expect: concat holes: [5,"0,2,4"]
// expect: toLocaleString calls: L,1.5
// expect: with holes: [0,null,3]
