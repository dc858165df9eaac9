// BigInt operators: arithmetic, bitwise, shifts, ++/--, comparisons and
// equality with Numbers and strings, mixing errors. Expectations from node 20.
const p = (...a) => console.log(a.map(String).join(' '));
function t(label, f) {
    let r;
    try { r = f(); } catch (e) { r = 'threw ' + e.name; }
    p(label + ':', r);
}
p(1n + 2n, 5n - 7n, -3n * 4n, 7n / 2n, -7n / 2n, 7n % -2n, -7n % 2n, 2n ** 10n, (-2n) ** 3n, 0n ** 0n);
p(-5n >> 1n, 5n << 3n, 5n << -1n, -5n >> 100n, 1n << 64n, -(1n << 64n) >> 63n);
p(6n & 3n, 6n | 3n, 6n ^ 3n, -6n & 3n, -6n | 3n, -6n ^ -3n, ~0n, ~5n, ~-5n);
let i = 9n; i++; ++i; p(i, i--, i, --i, -i, typeof i);
let j = 1n; j += 2n; j *= 10n; j -= 1n; j **= 2n; j /= 7n; j %= 100n; j <<= 2n; j >>= 1n; j &= 0xffn; j |= 256n; j ^= 1n; p(j);
p(1n === 1n, 1n !== 2n, 1n == 1, 1n == 1.5, 0n == false, 1n == true, 2n == '2', 2n == ' 0x2 ', 2n == '2n', 1n == NaN);
p(1n < 2, 2 < 1n, 1n < 1.5, -1n > -1.5, 10n > '9', '10' < 9n, 1n < 'x', 1n >= 'x', 1n <= 1, 2n**64n > 2**64, 2n**64n >= 2**64);
p(Object.is(0n, -0n), [0n].includes(-0n), [1n, 2n].indexOf(2n), 0n ? 'y' : 'n', !1n, 1n && 'and', 0n || 'or');
p(1n + 'x', 'x' + 2n, `${3n}`, [4n] + '', 5n + { valueOf() { return 1n; } });
t('mix add', () => 1n + 1);
t('mix mul', () => 2 * 1n);
t('mix cmp ok', () => 1n < 2);
t('unary plus', () => +1n);
t('ushr', () => 1n >>> 0n);
t('div zero', () => 1n / 0n);
t('mod zero', () => 1n % 0n);
t('neg exp', () => 2n ** -1n);
t('huge shift', () => 1n << (1n << 40n));
t('math', () => Math.abs(1n));
t('switch', () => { switch (2n) { case 2: return 'number'; case 2n: return 'bigint'; } });
t('obj key', () => { const o = { [1n]: 'a' }; o[2n] = 'b'; return Object.keys(o).join(); });
t('valueOf obj', () => ({ valueOf: () => 5n }) * 2n);
t('toPrimitive mix', () => ({ valueOf: () => 5 }) * 2n);
// expect: 3 -2 -12 3 -3 1 -1 1024 -8 1
// expect: -3 40 2 -1 18446744073709551616 -2
// expect: 2 7 5 2 -5 7 -1 -6 4
// expect: 11 11 10 9 -9 bigint
// expect: 297
// expect: true true true false true true true true false false
// expect: true false true true true false false false true false true
// expect: true true 1 n false and or
// expect: 1x x2 3 4 6
// expect: mix add: threw TypeError
// expect: mix mul: threw TypeError
// expect: mix cmp ok: true
// expect: unary plus: threw TypeError
// expect: ushr: threw TypeError
// expect: div zero: threw RangeError
// expect: mod zero: threw RangeError
// expect: neg exp: threw RangeError
// expect: huge shift: threw RangeError
// expect: math: threw TypeError
// expect: switch: bigint
// expect: obj key: 1,2
// expect: valueOf obj: 10
// expect: toPrimitive mix: threw TypeError
