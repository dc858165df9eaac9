// Four syntax errors for `make demo` (a missing `)`, a bad regular
// expression, an unterminated string and an unclosed `{`): `ochre parse
// --tolerant` recovers from each one and reports them all.

function area(shape) {
    if (shape.width > 0 {
        return shape.width * shape.height;
    }
    return 0;
}

const pattern = /([a-z]+/g;

let total = 0;
for (const item of [1, 2, 3]) {
    total += item;
    console.log('running total: + total);
}

class Box {
    constructor(w, h) {
        this.w = w;
        this.h = h;
    }
