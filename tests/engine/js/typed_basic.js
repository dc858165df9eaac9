// Typed arrays: constructors, element conversions, exotic indexing.
// Lines marked ES2024/ES2025 differ from node 20 (which predates Float16Array,
// transfer, `detached`, and the ES2024 seal/preventExtensions rules).
function t(label, f) {
    let r;
    try { r = f(); } catch (e) { r = 'threw ' + e.name; }
    console.log(label + ': ' + (typeof r === 'string' ? r : JSON.stringify(r)));
}
const arr = (ta) => Array.from(ta);
t('ctor len', () => [new Int8Array(3).length, new Float64Array().length, Uint8Array.BYTES_PER_ELEMENT, Float64Array.prototype.BYTES_PER_ELEMENT]);
t('ctor neg', () => new Int8Array(-1));
t('call no new', () => Int8Array(2));
t('abstract', () => { const TA = Object.getPrototypeOf(Int8Array); return new TA(); });
t('int8 wrap', () => arr(new Int8Array([127, 128, 255, 256, -129, 1.9, -1.9, NaN, Infinity])));
t('uint8 wrap', () => arr(new Uint8Array([-1, 256, 257, 3.7, '12', null, true])));
t('clamped', () => arr(new Uint8ClampedArray([-5, 300, 1.5, 2.5, 0.5, 254.5, 255.5, NaN])));
t('int16', () => arr(new Int16Array([32768, -32769, 65535])));
t('uint16', () => arr(new Uint16Array([-1, 65536, 70000])));
t('int32', () => arr(new Int32Array([2147483648, -2147483649, 4294967295, 1e10])));
t('uint32', () => arr(new Uint32Array([-1, 4294967296, 1e10])));
t('float32', () => arr(new Float32Array([1.1, 0.1, 3.4e39, -0])).map(String));
t('float64', () => arr(new Float64Array([1.1, -0, NaN])).map(String));
t('float16', () => arr(new Float16Array([1.1, 65504, 65520, 0.00001, 1e-8, -2.5, 3.14159])));
t('f16round', () => [Math.f16round(1.337), Math.f16round(65519), Math.f16round(5e-8), Math.f16round(-0) === 0 && 1 / Math.f16round(-0)]);
t('index get/set', () => { const a = new Int32Array(4); a[0] = 5; a[3] = 7; a[4] = 9; a[-1] = 3; return [a[0], a[3], a[4], a[-1], a.length]; });
t('canonical keys', () => { const a = new Uint8Array(2); a['1'] = 4; a['-0'] = 9; a['1.5'] = 8; a.foo = 1; return [a[1], a['-0'], a['1.5'], a.foo, Object.keys(a)]; });
t('in', () => { const a = new Uint8Array(2); return [0 in a, 2 in a, '-0' in a, '1.0' in a, 'length' in a]; });
t('delete', () => { 'use strict'; const a = new Uint8Array(2); const r = [delete a[5]]; try { delete a[0]; r.push('no'); } catch (e) { r.push(e.name); } return r; });
t('defineProperty', () => { const a = new Uint8Array(2); Object.defineProperty(a, '0', { value: 42 }); let e1; try { Object.defineProperty(a, '1', { value: 1, writable: false }); } catch (e) { e1 = e.name; } return [a[0], e1]; });
t('getOwnPropertyDescriptor', () => Object.getOwnPropertyDescriptor(new Int8Array([3]), 0));
t('ownKeys', () => { const a = new Int8Array(3); a.x = 1; return Reflect.ownKeys(a); });
t('freeze', () => { try { Object.freeze(new Int8Array(1)); } catch (e) { return e.name; } });
t('freeze empty', () => Object.isFrozen(Object.freeze(new Int8Array(0))));
t('seal', () => Object.isSealed(Object.seal(new Int8Array(2))));
t('from array', () => arr(Int16Array.from([1, 2, 3], (x) => x * 2)));
t('from iter', () => arr(Uint8Array.from(new Set([5, 6]))));
t('from arraylike', () => arr(Float64Array.from({ length: 2, 0: 1.5, 1: '2' })));
t('of', () => arr(Int8Array.of(1, 2, 300)));
t('from typed', () => arr(new Int8Array(new Float64Array([1.5, 300, -129]))));
t('from object iter', () => arr(new Int8Array({ *[Symbol.iterator]() { yield 1; yield 2; } })));
t('buffer view', () => { const b = new ArrayBuffer(8); const u8 = new Uint8Array(b); const u32 = new Uint32Array(b, 4, 1); u32[0] = 0x01020304; return [arr(u8), u32.byteOffset, u32.byteLength, u32.length]; });
t('misaligned', () => new Int32Array(new ArrayBuffer(8), 2));
t('bad len', () => new Int32Array(new ArrayBuffer(6)));
t('oob', () => new Int8Array(new ArrayBuffer(4), 2, 3));
t('toString', () => [new Int8Array([1, 2]).toString(), String(new Float32Array([0.5])), Object.prototype.toString.call(new Uint8ClampedArray(1))]);
t('toStringTag', () => [new Float16Array(1)[Symbol.toStringTag], Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Int8Array.prototype), Symbol.toStringTag).get.call(3)]);
t('proto chain', () => [Object.getPrototypeOf(Int8Array).name, Object.getPrototypeOf(Int8Array.prototype) === Object.getPrototypeOf(Uint8Array.prototype), Int8Array.name, Int8Array.length]);
t('subclass', () => { class M extends Uint8Array { sum() { return this.reduce((a, b) => a + b, 0); } } const m = new M([1, 2, 3]); return [m.sum(), m instanceof Uint8Array, m.map((x) => x * 2) instanceof M]; });
t('for of', () => { const r = []; for (const x of new Int8Array([3, 4])) r.push(x); return r; });
t('spread', () => [...new Uint16Array([7, 8])]);
t('entries', () => [...new Int8Array([5, 6]).entries()]);
t('keys', () => [...new Int8Array([5, 6]).keys()]);
t('isView', () => [ArrayBuffer.isView(new Int8Array(1)), ArrayBuffer.isView(new DataView(new ArrayBuffer(1))), ArrayBuffer.isView([]), ArrayBuffer.isView()]);
t('JSON', () => JSON.stringify({ a: new Int8Array([1, 2]) }));

// Expected output (node 20 where it implements the feature; spec values otherwise).
// expect: ctor len: [3,0,1,8]
// expect: ctor neg: threw RangeError
// expect: call no new: threw TypeError
// expect: abstract: threw TypeError
// expect: int8 wrap: [127,-128,-1,0,127,1,-1,0,0]
// expect: uint8 wrap: [255,0,1,3,12,0,1]
// expect: clamped: [0,255,2,2,0,254,255,0]
// expect: int16: [-32768,32767,-1]
// expect: uint16: [65535,0,4464]
// expect: int32: [-2147483648,2147483647,-1,1410065408]
// expect: uint32: [4294967295,0,1410065408]
// expect: float32: ["1.100000023841858","0.10000000149011612","Infinity","0"]
// expect: float64: ["1.1","0","NaN"]
// (ES2024/ES2025; node 20 prints: float16: threw ReferenceError)
// expect: float16: [1.099609375,65504,null,0.000010013580322265625,0,-2.5,3.140625]
// (ES2024/ES2025; node 20 prints: f16round: threw TypeError)
// expect: f16round: [1.3369140625,65504,5.960464477539063e-8,null]
// expect: index get/set: [5,7,null,null,4]
// expect: canonical keys: [4,null,null,1,["0","1","foo"]]
// expect: in: [true,false,false,false,true]
// expect: delete: [true,"TypeError"]
// expect: defineProperty: [42,"TypeError"]
// expect: getOwnPropertyDescriptor: {"value":3,"writable":true,"enumerable":true,"configurable":true}
// expect: ownKeys: ["0","1","2","x"]
// expect: freeze: TypeError
// expect: freeze empty: true
// (ES2024/ES2025; node 20 prints: seal: true)
// expect: seal: threw TypeError
// expect: from array: [2,4,6]
// expect: from iter: [5,6]
// expect: from arraylike: [1.5,2]
// expect: of: [1,2,44]
// expect: from typed: [1,44,127]
// expect: from object iter: [1,2]
// expect: buffer view: [[0,0,0,0,4,3,2,1],4,4,1]
// expect: misaligned: threw RangeError
// expect: bad len: threw RangeError
// expect: oob: threw RangeError
// expect: toString: ["1,2","0.5","[object Uint8ClampedArray]"]
// (ES2024/ES2025; node 20 prints: toStringTag: threw ReferenceError)
// expect: toStringTag: ["Float16Array",null]
// expect: proto chain: ["TypedArray",true,"Int8Array",3]
// expect: subclass: [6,true,true]
// expect: for of: [3,4]
// expect: spread: [7,8]
// expect: entries: [[0,5],[1,6]]
// expect: keys: [0,1]
// expect: isView: [true,true,false,false]
// expect: JSON: {"a":{"0":1,"1":2}}
