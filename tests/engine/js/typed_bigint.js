// BigInt64Array / BigUint64Array and DataView BigInt accessors.
function t(label, f) {
    let r;
    try { r = f(); } catch (e) { r = 'threw ' + e.name; }
    console.log(label + ': ' + (typeof r === 'string' ? r : String(r)));
}
t('bigint64', () => { const a = new BigInt64Array(2); a[0] = -1n; a[1] = 2n ** 63n; return [a[0], a[1]].join(); });
t('biguint64', () => { const a = new BigUint64Array([-1n, 5n]); return a.join(); });
t('mix', () => new BigInt64Array([1]));
t('mix set', () => new BigInt64Array(1).set(new Int8Array(1)));
t('number into bigint', () => { const a = new BigInt64Array(1); a[0] = 1; return a[0]; });
t('dv bigint', () => { const d = new DataView(new ArrayBuffer(8)); d.setBigInt64(0, -2n); return [d.getBigInt64(0), d.getBigUint64(0), d.getBigUint64(0, true)].join(); });
t('sort', () => new BigInt64Array([3n, -1n, 2n]).sort().join());
t('includes', () => new BigUint64Array([3n]).includes(3n));
t('from typed', () => new BigUint64Array(new BigInt64Array([-1n])).join());

// Expected output (node 20 where it implements the feature; spec values otherwise).
// expect: bigint64: -1,-9223372036854775808
// expect: biguint64: 18446744073709551615,5
// expect: mix: threw TypeError
// expect: mix set: threw TypeError
// expect: number into bigint: threw TypeError
// expect: dv bigint: -2,18446744073709551614,18374686479671623679
// expect: sort: -1,2,3
// expect: includes: true
// expect: from typed: 18446744073709551615
