// ArrayBuffer (resizable, transfer, detach) and DataView.
// Lines marked ES2024 differ from node 20 (transfer, `detached`, the
// IsTypedArrayFixedLength rule of [[PreventExtensions]]).
function t(label, f) {
    let r;
    try { r = f(); } catch (e) { r = 'threw ' + e.name; }
    console.log(label + ': ' + (typeof r === 'string' ? r : JSON.stringify(r)));
}
const arr = (ta) => Array.from(ta);
t('ctor', () => { const b = new ArrayBuffer(5); return [b.byteLength, b.resizable, b.maxByteLength, b.detached]; });
t('no new', () => ArrayBuffer(1));
t('neg', () => new ArrayBuffer(-1));
t('slice', () => { const b = new Uint8Array([1, 2, 3, 4]).buffer; return [arr(new Uint8Array(b.slice(1, 3))), b.slice(-1).byteLength, b.slice(3, 1).byteLength]; });
t('resizable', () => { const b = new ArrayBuffer(2, { maxByteLength: 8 }); return [b.resizable, b.maxByteLength, b.byteLength]; });
t('resize', () => { const b = new ArrayBuffer(2, { maxByteLength: 8 }); const u = new Uint8Array(b); const f = new Uint8Array(b, 0, 2); u[1] = 7; b.resize(6); const r = [u.length, f.length, u[1], u[5]]; b.resize(1); r.push(u.length, f.length, f.byteLength, f.byteOffset); return r; });
t('resize over max', () => new ArrayBuffer(2, { maxByteLength: 4 }).resize(5));
t('resize fixed', () => new ArrayBuffer(2).resize(1));
t('max < len', () => new ArrayBuffer(4, { maxByteLength: 2 }));
t('tracking offset', () => { const b = new ArrayBuffer(8, { maxByteLength: 16 }); const a = new Int16Array(b, 4); const r = [a.length]; b.resize(16); r.push(a.length); b.resize(2); r.push(a.length, a.byteOffset); try { a.fill(0); } catch (e) { r.push(e.name); } return r; });
t('oob preventExtensions', () => { const b = new ArrayBuffer(8, { maxByteLength: 16 }); return Reflect.preventExtensions(new Int8Array(b)); });
t('transfer', () => { const b = new Uint8Array([1, 2, 3]).buffer; const c = b.transfer(); return [b.detached, b.byteLength, c.byteLength, arr(new Uint8Array(c))]; });
t('transfer grow', () => { const b = new Uint8Array([1, 2]).buffer; const c = b.transfer(4); return arr(new Uint8Array(c)); });
t('transfer shrink', () => { const b = new Uint8Array([1, 2, 3]).buffer; return arr(new Uint8Array(b.transfer(1))); });
t('transfer resizable', () => { const b = new ArrayBuffer(2, { maxByteLength: 9 }); const c = b.transfer(); const r = [c.resizable, c.maxByteLength]; const d = c.transferToFixedLength(); return r.concat(d.resizable, d.maxByteLength, c.detached); });
t('transfer detached', () => { const b = new ArrayBuffer(1); b.transfer(); return b.transfer(); });
t('detached access', () => { const b = new ArrayBuffer(4); const a = new Uint8Array(b); b.transfer(); return [a.length, a.byteLength, a.byteOffset, a[0], 0 in a]; });
t('detached method', () => { const b = new ArrayBuffer(4); const a = new Uint8Array(b); b.transfer(); return a.join(); });
t('detached slice', () => { const b = new ArrayBuffer(4); b.transfer(); return b.slice(); });
t('dv basic', () => { const d = new DataView(new ArrayBuffer(8)); d.setInt16(0, -2); d.setUint16(2, 0x1234, true); return [d.getInt16(0), d.getUint16(0), d.getUint8(2), d.getUint8(3), d.getUint16(2, true), d.byteLength, d.byteOffset]; });
t('dv float', () => { const d = new DataView(new ArrayBuffer(8)); d.setFloat64(0, Math.PI); const r = [d.getFloat64(0)]; d.setFloat32(0, 1.5, true); r.push(d.getFloat32(0, true)); d.setFloat16(4, 1.5); r.push(d.getFloat16(4), d.getUint16(4).toString(16)); return r; });
t('dv int32', () => { const d = new DataView(new ArrayBuffer(4)); d.setInt32(0, -1); return [d.getUint32(0), d.getInt32(0), d.getInt8(0)]; });
t('dv range', () => new DataView(new ArrayBuffer(4)).getInt32(1));
t('dv neg', () => new DataView(new ArrayBuffer(4)).getInt8(-1));
t('dv offsets', () => { const d = new DataView(new ArrayBuffer(8), 2, 4); return [d.byteOffset, d.byteLength]; });
t('dv bad', () => new DataView(new ArrayBuffer(4), 5));
t('dv not buffer', () => new DataView({}));
t('dv tracking', () => { const b = new ArrayBuffer(4, { maxByteLength: 8 }); const d = new DataView(b, 1); const r = [d.byteLength]; b.resize(8); r.push(d.byteLength); b.resize(0); try { d.byteLength; } catch (e) { r.push(e.name); } return r; });
t('dv detached', () => { const b = new ArrayBuffer(4); const d = new DataView(b); b.transfer(); try { d.getInt8(0); } catch (e) { return e.name; } });
t('dv tag', () => Object.prototype.toString.call(new DataView(new ArrayBuffer(1))));
t('species', () => ArrayBuffer[Symbol.species] === ArrayBuffer);

// Expected output (node 20 where it implements the feature; spec values otherwise).
// (ES2024/ES2025; node 20 prints: ctor: [5,false,5,null])
// expect: ctor: [5,false,5,false]
// expect: no new: threw TypeError
// expect: neg: threw RangeError
// expect: slice: [[2,3],1,0]
// expect: resizable: [true,8,2]
// expect: resize: [6,2,7,0,1,0,0,0]
// expect: resize over max: threw RangeError
// expect: resize fixed: threw TypeError
// expect: max < len: threw RangeError
// expect: tracking offset: [2,6,0,0,"TypeError"]
// (ES2024/ES2025; node 20 prints: oob preventExtensions: true)
// expect: oob preventExtensions: false
// (ES2024/ES2025; node 20 prints: transfer: threw TypeError)
// expect: transfer: [true,0,3,[1,2,3]]
// (ES2024/ES2025; node 20 prints: transfer grow: threw TypeError)
// expect: transfer grow: [1,2,0,0]
// (ES2024/ES2025; node 20 prints: transfer shrink: threw TypeError)
// expect: transfer shrink: [1]
// (ES2024/ES2025; node 20 prints: transfer resizable: threw TypeError)
// expect: transfer resizable: [true,9,false,2,true]
// expect: transfer detached: threw TypeError
// (ES2024/ES2025; node 20 prints: detached access: threw TypeError)
// expect: detached access: [0,0,0,null,false]
// expect: detached method: threw TypeError
// expect: detached slice: threw TypeError
// expect: dv basic: [-2,65534,52,18,4660,8,0]
// (ES2024/ES2025; node 20 prints: dv float: threw TypeError)
// expect: dv float: [3.141592653589793,1.5,1.5,"3e00"]
// expect: dv int32: [4294967295,-1,-1]
// expect: dv range: threw RangeError
// expect: dv neg: threw RangeError
// expect: dv offsets: [2,4]
// expect: dv bad: threw RangeError
// expect: dv not buffer: threw TypeError
// expect: dv tracking: [3,7,"TypeError"]
// (ES2024/ES2025; node 20 prints: dv detached: threw TypeError)
// expect: dv detached: TypeError
// expect: dv tag: [object DataView]
// expect: species: true
