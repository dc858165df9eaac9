// Generators and iteration protocols: a generator pipeline (range, map,
// filter, take) consumed by for-of, plus spread and destructuring.
const out = typeof console !== 'undefined' && console.log ? (s) => console.log(s) : print;
function* range(n) { for (let i = 0; i < n; i++) yield i; }
function* map(it, f) { for (const x of it) yield f(x); }
function* filter(it, p) { for (const x of it) if (p(x)) yield x; }
function* take(it, n) { if (n <= 0) return; for (const x of it) { yield x; if (--n <= 0) return; } }
let sum = 0;
for (let round = 0; round < 240; round++) {
    for (const x of take(filter(map(range(5000), (x) => x * 3 + round), (x) => x % 7 !== 0), 3000)) sum = (sum + x) % 1000000007;
    const [a, b, ...rest] = [...take(range(100), 50)];
    sum += a + b + rest.length;
}
out(`generators ${sum}`);
