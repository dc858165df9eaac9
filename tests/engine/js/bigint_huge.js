// Huge BigInts: factorial, Fibonacci, powers, division back down,
// radix round trips, Number conversion of big values. Expectations from node 20.
const p = (...a) => console.log(a.map(String).join(' '));
function fact(n) { let r = 1n; for (let i = 2n; i <= n; i++) r *= i; return r; }
function fib(n) { let a = 0n, b = 1n; for (let i = 0; i < n; i++) { const t = a + b; a = b; b = t; } return a; }
const f = fact(1000n);
const s = f.toString();
p(s.length, s.slice(0, 20), s.slice(-260, -240), f % 1000000007n);
let g = f; for (let i = 1000n; i >= 2n; i--) g /= i; p(g);
const fb = fib(3000);
p(fb.toString().length, fb % 998244353n, fb.toString(36).slice(0, 20), BigInt('0x' + fb.toString(16)) === fb);
const m = 2n ** 521n - 1n;
p(m, m.toString(2).length, (m * m) % (2n ** 127n - 1n), 3n ** 200n / 7n ** 50n);
p((f >> 8000n).toString(16), (-f >> 8000n).toString(16), (f + 12345n) & ((1n << 100n) - 1n), (-f - 77n) & 0xffffn, (-f | 5n) % 1000n);
p(Number(f), Number(fact(170n)), Number(-fact(171n)), Number(fb) , Number(2n ** 1023n * 3n / 2n));
p(BigInt(Number.MAX_VALUE) === 2n ** 1024n - 2n ** 971n, BigInt(2 ** 100) === 2n ** 100n, fact(25n) < 1.5511210043330986e25, fact(25n) == 15511210043330985984000000n);
p(BigInt.asIntN(100, f + 3n ** 70n), BigInt.asUintN(100, -f - 3n ** 70n));
// expect: 2568 40238726007709377354 70027753472000000000 641419708
// expect: 1
// expect: 627 195446739 9jnvey8s70nrsmcxfs97 true
// expect: 6864797660130609714981900799081393217269435300143305409394463459185543183397656052122559640661454554977296311391480858037121987999716643812574028291115057151 521 67092481 147689269781346654697366079240021362541982658661987020
// expect: 2a2a773338969b740de6e2b291fd8dd6ee62a2b41525ab61cbe52489b6cf344c23231711b6d9f34e0f13ab50eaf1ad3dd92771ec26b4b9ea80411c866b1ccbd855f83 -2a2a773338969b740de6e2b291fd8dd6ee62a2b41525ab61cbe52489b6cf344c23231711b6d9f34e0f13ab50eaf1ad3dd92771ec26b4b9ea80411c866b1ccbd855f84 12345 65459 -995
// expect: Infinity 7.257415615307999e+306 -Infinity Infinity 1.348269851146737e+308
// expect: true true true true
// expect: -454430457511466640416844531751 454430457511466640416844531751
