// Closures with arrows and block-scoped bindings: the es5/closures
// workload (same checksum) plus a per-iteration `let` capture.
const out = typeof console !== 'undefined' && console.log ? (s) => console.log(s) : print;
const counter = (start) => { let n = start; return (step) => (n += step); };
const adder = (k) => (x) => x + k;
const compose = (f, g) => (x) => f(g(x));
const each = (n, fn) => { for (let i = 0; i < n; i++) fn(i); };
let total = 0;
for (let round = 0; round < 1600; round++) {
    const c = counter(round), f = compose(adder(round & 15), adder(3));
    each(1000, (i) => { total = (total + f(c(i & 7))) % 1000000007; });
}
const fns = [];
for (let i = 0; i < 1000; i++) fns.push(() => i);
let captured = 0;
for (const fn of fns) captured += fn();
out(`closures ${total} ${captured}`);
