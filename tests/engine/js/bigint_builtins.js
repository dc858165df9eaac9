// BigInt builtins: the BigInt function, asIntN/asUintN, the prototype,
// wrappers, Number(), JSON, conversions. Expectations from node 20.
const p = (...a) => console.log(a.map(String).join(' '));
function t(label, f) {
    let r;
    try { r = f(); } catch (e) { r = 'threw ' + e.name; }
    p(label + ':', r);
}
p(BigInt(42), BigInt(-0), BigInt(1e21), BigInt('  123  '), BigInt('0x1F'), BigInt('0o17'), BigInt('0b11'), BigInt(''), BigInt(true), BigInt('-9'));
t('ctor new', () => new BigInt(1));
t('ctor frac', () => BigInt(1.5));
t('ctor nan', () => BigInt(NaN));
t('ctor str bad', () => BigInt('1.5'));
t('ctor str n', () => BigInt('1n'));
t('ctor sym', () => BigInt(Symbol()));
t('ctor undef', () => BigInt());
t('ctor null', () => BigInt(null));
p(BigInt.length, BigInt.name, typeof BigInt.prototype, Object.prototype.toString.call(1n), BigInt.prototype[Symbol.toStringTag]);
p(BigInt.asIntN(8, 255n), BigInt.asIntN(8, 128n), BigInt.asIntN(8, -129n), BigInt.asUintN(8, -1n), BigInt.asUintN(8, 256n), BigInt.asIntN(0, 5n));
p(BigInt.asIntN(64, 2n ** 63n), BigInt.asUintN(64, -1n), BigInt.asIntN(65, -(2n ** 64n)), BigInt.asUintN(130, -3n), BigInt.asIntN(200, -5n));
t('asIntN neg bits', () => BigInt.asIntN(-1, 1n));
t('asUintN number', () => BigInt.asUintN(8, 1));
t('asUintN str', () => BigInt.asUintN(8, '257'));
p((255n).toString(16), (255n).toString(2), (-255n).toString(36), (2n ** 70n).toString(36), (10n).toString(), (123n).toLocaleString('en'));
t('radix 1', () => (1n).toString(1));
t('radix 37', () => (1n).toString(37));
t('toString this', () => BigInt.prototype.toString.call(1));
t('valueOf this', () => BigInt.prototype.valueOf.call({}));
const w = Object(7n);
p(typeof w, w instanceof BigInt, w.valueOf() === 7n, w == 7n, w === 7n, w + 1n, Object.getPrototypeOf(w) === BigInt.prototype);
p(Number(2n ** 64n), Number(-(2n ** 53n) - 1n), Number(2n ** 1024n), Number(12345n), parseInt('12n'), String(-0n));
t('json', () => JSON.stringify({ a: 1n }));
t('json toJSON', () => { BigInt.prototype.toJSON = function () { return this.toString() + 'n'; }; const r = JSON.stringify({ a: 1n, b: [2n] }); delete BigInt.prototype.toJSON; return r; });
t('number toString this', () => Number.prototype.toString.call(1n));
t('isNaN', () => isNaN(1n));
t('Number.isInteger', () => Number.isInteger(1n));
t('String()', () => String(10n ** 20n));
t('array sort', () => [10n, 9n, 1n, -3n].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).join());
t('map key', () => { const m = new Map([[1n, 'one']]); return m.get(1n) + ' ' + m.has(2n); });
// expect: 42 0 1000000000000000000000 123 31 15 3 0 1 -9
// expect: ctor new: threw TypeError
// expect: ctor frac: threw RangeError
// expect: ctor nan: threw RangeError
// expect: ctor str bad: threw SyntaxError
// expect: ctor str n: threw SyntaxError
// expect: ctor sym: threw TypeError
// expect: ctor undef: threw TypeError
// expect: ctor null: threw TypeError
// expect: 1 BigInt object [object BigInt] BigInt
// expect: -1 -128 127 255 0 0
// expect: -9223372036854775808 18446744073709551615 -18446744073709551616 1361129467683753853853498429727072845821 -5
// expect: asIntN neg bits: threw RangeError
// expect: asUintN number: threw TypeError
// expect: asUintN str: 1
// expect: ff 11111111 -73 6x5kxtvuwilukg 10 123
// expect: radix 1: threw RangeError
// expect: radix 37: threw RangeError
// expect: toString this: threw TypeError
// expect: valueOf this: threw TypeError
// expect: object true true true false 8 true
// expect: 18446744073709552000 -9007199254740992 Infinity 12345 12 0
// expect: json: threw TypeError
// expect: json toJSON: {"a":"1n","b":["2n"]}
// expect: number toString this: threw TypeError
// expect: isNaN: threw TypeError
// expect: Number.isInteger: false
// expect: String(): 100000000000000000000
// expect: array sort: -3,1,9,10
// expect: map key: one false
