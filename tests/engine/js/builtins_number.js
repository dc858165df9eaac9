// Number and Boolean: constructor, statics, prototype methods, digits.
function t(label, f) {
    let r;
    try { r = f(); } catch (e) { r = 'threw ' + e.name; }
    console.log(label + ': ' + String(r));
}
t('Number(str)', () => Number('  0x1F  ') + ' ' + Number('') + ' ' + Number('1e1000') + ' ' + Number('-0b1') + ' ' + Number('0o17') + ' ' + Number('1_0') + ' ' + Number(' \u00a0\ufeff12.5e1\u2029'));
t('Number()', () => Number() + ' ' + Number(undefined) + ' ' + Number(null) + ' ' + Number(true) + ' ' + Number({ valueOf() { return 3; } }) + ' ' + Number('Infinity') + ' ' + Number('-Infinity') + ' ' + Number('infinity'));
t('shared parse', () => (Number.parseFloat === parseFloat) + ' ' + (Number.parseInt === parseInt));
t('predicates', () => Number.isInteger(5.0) + ' ' + Number.isInteger(5.5) + ' ' + Number.isSafeInteger(2 ** 53) + ' ' + Number.isSafeInteger(2 ** 53 - 1) + ' ' + Number.isNaN('x') + ' ' + isNaN('x') + ' ' + Number.isFinite('5') + ' ' + isFinite('5') + ' ' + Number.isInteger(-0) + ' ' + Number.isInteger(Infinity));
t('constants', () => Number.EPSILON + ' ' + Number.MAX_SAFE_INTEGER + ' ' + Number.MIN_SAFE_INTEGER + ' ' + Number.MAX_VALUE + ' ' + Number.MIN_VALUE + ' ' + Number.NaN + ' ' + Number.NEGATIVE_INFINITY + ' ' + Number.POSITIVE_INFINITY);
t('const attrs', () => { const d = Object.getOwnPropertyDescriptor(Number, 'EPSILON'); return d.writable + ' ' + d.enumerable + ' ' + d.configurable; });
t('toString', () => (0.1 + 0.2) + ' ' + 1e21 + ' ' + 1.5e-7 + ' ' + (-0) + ' ' + 123456789012345680000 + ' ' + 2 ** 53 + ' ' + 5e-324 + ' ' + -1e-7 + ' ' + 100 + ' ' + 1 / 3);
t('radix', () => (255).toString(16) + ' ' + (-255.5).toString(2) + ' ' + (0.1).toString(3) + ' ' + (25).toString(36) + ' ' + (1e21).toString(7) + ' ' + Math.PI.toString(16) + ' ' + (2 ** 60).toString(2).length + ' ' + (-0).toString(2) + ' ' + NaN.toString(16));
t('radix bad', () => (1).toString(1));
t('radix 37', () => (1).toString(37));
t('radix undefined', () => (10).toString(undefined));
t('toFixed', () => (1.005).toFixed(2) + ' ' + (1e21).toFixed(2) + ' ' + (0.5).toFixed(0) + ' ' + (2.5).toFixed(0) + ' ' + (-0.5).toFixed(0) + ' ' + (-1e-7).toFixed(2) + ' ' + (123.456).toFixed(10) + ' ' + (0.1).toFixed(20) + ' ' + (1.45).toFixed(1) + ' ' + (999.995).toFixed(2));
t('toFixed range', () => (1).toFixed(101));
t('toFixed inf', () => Infinity.toFixed(200));
t('toExponential', () => (123456).toExponential() + ' ' + (123456).toExponential(2) + ' ' + (0).toExponential(3) + ' ' + (0.00015).toExponential(1) + ' ' + (99.5).toExponential(0) + ' ' + (-5e-324).toExponential() + ' ' + (1e21).toExponential(20));
t('toExponential inf', () => Infinity.toExponential(200));
t('toExponential range', () => (1).toExponential(-1));
t('toPrecision', () => (123.456).toPrecision(4) + ' ' + (0.00001).toPrecision(1) + ' ' + (1e-7).toPrecision(2) + ' ' + (123456).toPrecision(2) + ' ' + (0).toPrecision(3) + ' ' + (99.99).toPrecision(3) + ' ' + (999.99).toPrecision(3) + ' ' + (1e21).toPrecision(22) + ' ' + (5e-324).toPrecision(3) + ' ' + (1.5).toPrecision());
t('toPrecision range', () => (1).toPrecision(0));
t('toPrecision NaN', () => NaN.toPrecision(200));
t('bad this', () => Reflect.apply(Number.prototype.toString, 'x', []));
t('bad this valueOf', () => Reflect.apply(Number.prototype.valueOf, {}, []));
t('wrapper', () => (new Number(5) + 1) + ' ' + typeof new Number(5) + ' ' + Number(new Number(7)) + ' ' + new Number(8).toFixed(1));
t('proto value', () => Number.prototype.valueOf() + ' ' + Number.prototype.toFixed(2));
t('toLocaleString', () => (5).toLocaleString() + ' ' + (0.5).toLocaleString());
t('lengths', () => Number.length + ' ' + Number.name + ' ' + Number.prototype.toFixed.length + ' ' + Number.prototype.toString.length + ' ' + Number.parseInt.length);
t('Boolean', () => Boolean('') + ' ' + Boolean('0') + ' ' + Boolean(NaN) + ' ' + Boolean({}) + ' ' + Boolean() + ' ' + true.toString() + ' ' + new Boolean(1).valueOf() + ' ' + (new Boolean(false) ? 'truthy' : 'falsy'));
t('Boolean proto', () => Boolean.prototype.valueOf() + ' ' + Boolean.prototype.toString() + ' ' + typeof new Boolean(true));
t('Boolean bad this', () => Reflect.apply(Boolean.prototype.toString, 1, []));
t('parseInt', () => parseInt('  -123abc') + ' ' + parseInt('ff', 16) + ' ' + parseInt('0x') + ' ' + parseInt('z', 37) + ' ' + parseInt('11', 2) + ' ' + parseInt('123', 0) + ' ' + 1 / parseInt('-0') + ' ' + parseInt('0x1f', 16) + ' ' + parseInt('0x1f', 15) + ' ' + parseInt('1e3'));
t('parseInt big', () => parseInt('9007199254740993') + ' ' + parseInt('1'.repeat(30), 7) + ' ' + parseInt('zzzzzzzzzzzzzzzzz', 36) + ' ' + parseInt('1'.repeat(70), 2) + ' ' + parseInt('123456789012345678901234567890'));
t('parseInt coerce order', () => { let log = ''; parseInt({ toString() { log += 's'; return '7'; } }, { valueOf() { log += 'r'; return 8; } }); return log; });
t('parseFloat', () => parseFloat('1.5e3xyz') + ' ' + parseFloat('-.5') + ' ' + parseFloat('Infinityx') + ' ' + parseFloat('  +1e-2') + ' ' + parseFloat('.e1') + ' ' + parseFloat('0x10') + ' ' + parseFloat('1e') + ' ' + 1 / parseFloat('-0'));

// Expected output (generated with node v20.20.2):
// expect: Number(str): 31 0 Infinity NaN 15 NaN 125
// expect: Number(): 0 NaN 0 1 3 Infinity -Infinity NaN
// expect: shared parse: true true
// expect: predicates: true false false true false true false true true false
// expect: constants: 2.220446049250313e-16 9007199254740991 -9007199254740991 1.7976931348623157e+308 5e-324 NaN -Infinity Infinity
// expect: const attrs: false false false
// expect: toString: 0.30000000000000004 1e+21 1.5e-7 0 123456789012345680000 9007199254740992 5e-324 -1e-7 100 0.3333333333333333
// expect: radix: ff -11111111.1 0.0022002200220022002200220022002201 p 5135235413265003022600000 3.243f6a8885a3 61 0 NaN
// expect: radix bad: threw RangeError
// expect: radix 37: threw RangeError
// expect: radix undefined: 10
// expect: toFixed: 1.00 1e+21 1 3 -1 -0.00 123.4560000000 0.10000000000000000555 1.4 1000.00
// expect: toFixed range: threw RangeError
// expect: toFixed inf: threw RangeError
// expect: toExponential: 1.23456e+5 1.23e+5 0.000e+0 1.5e-4 1e+2 -5e-324 1.00000000000000000000e+21
// expect: toExponential inf: Infinity
// expect: toExponential range: threw RangeError
// expect: toPrecision: 123.5 0.00001 1.0e-7 1.2e+5 0.00 100 1.00e+3 1000000000000000000000 4.94e-324 1.5
// expect: toPrecision range: threw RangeError
// expect: toPrecision NaN: NaN
// expect: bad this: threw TypeError
// expect: bad this valueOf: threw TypeError
// expect: wrapper: 6 object 7 8.0
// expect: proto value: 0 0.00
// expect: toLocaleString: 5 0.5
// expect: lengths: 1 Number 1 1 2
// expect: Boolean: false true false true false true true truthy
// expect: Boolean proto: false false object
// expect: Boolean bad this: threw TypeError
// expect: parseInt: -123 255 NaN NaN 3 123 -Infinity 31 0 1
// expect: parseInt big: 9007199254740992 3.756556715115376e+24 2.865117999580704e+26 1.1805916207174113e+21 1.2345678901234568e+29
// expect: parseInt coerce order: sr
// expect: parseFloat: 1500 -0.5 Infinity 0.01 NaN 0 1 -Infinity
