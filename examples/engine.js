// Run by `make demo` with the engine: `ochre run examples/engine.js`.
class Vec {
    constructor(x, y) { this.x = x; this.y = y; }
    add(o) { return new Vec(this.x + o.x, this.y + o.y); }
    get length() { return Math.hypot(this.x, this.y); }
    toString() { return `Vec(${this.x}, ${this.y})`; }
}

function* fibonacci() {
    let [a, b] = [0, 1];
    for (;;) { yield a; [a, b] = [b, a + b]; }
}

const firstTen = [];
for (const n of fibonacci()) {
    if (firstTen.length === 10) break;
    firstTen.push(n);
}
console.log('fibonacci:', firstTen.join(' '));
console.log('sum of squares:', firstTen.map((n) => n * n).reduce((s, n) => s + n, 0));
console.log(String(new Vec(3, 4).add(new Vec(1, 1))), new Vec(3, 4).length);
console.log(JSON.stringify({ words: ['b', 'a', 'c'].toSorted(), pi: Math.PI }));
console.log(0.1 + 0.2, (1234.5678).toFixed(2), (255).toString(2));

async function later(value) {
    await null;
    return value * 2;
}
later(21).then((v) => console.log('async result:', v));
console.log('scheduled');
