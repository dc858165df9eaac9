// OO dispatch with classes: the es5/oo_dispatch workload written with
// class, extends, super, let/const and arrows (same checksum).
const out = typeof console !== 'undefined' && console.log ? (s) => console.log(s) : print;

class Shape {
    constructor(id) { this.id = id; }
    scaled(k) { return this.area() * k; }
    describe() { return this.kind() + this.id; }
}
class Rect extends Shape {
    constructor(id, w, h) { super(id); this.w = w; this.h = h; }
    area() { return this.w * this.h; }
    kind() { return 'r'; }
}
class Square extends Rect {
    constructor(id, s) { super(id, s, s); }
    kind() { return 's'; }
}
class Tri extends Shape {
    constructor(id, b, h) { super(id); this.b = b; this.h = h; }
    area() { return (this.b * this.h) >> 1; }
    kind() { return 't'; }
}

const shapes = [];
for (let i = 0; i < 300; i++) {
    const k = i % 3;
    shapes.push(k === 0 ? new Rect(i, i % 7 + 1, i % 5 + 2) : k === 1 ? new Square(i, i % 9 + 1) : new Tri(i, i % 11 + 2, i % 4 + 2));
}
let sum = 0, names = 0;
for (let round = 0; round < 4800; round++) {
    for (let j = 0; j < shapes.length; j++) {
        const s = shapes[j];
        sum = (sum + s.scaled(round & 3) + s.area()) % 1000000007;
        if ((j & 63) === 0) names += s.describe().length;
    }
}
out(`oo_dispatch ${sum} ${names}`);
