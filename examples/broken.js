// Four syntax errors for `make demo`: `ochre parse --tolerant` recovers
// from each one and reports them all.

function area(shape {
    return shape.width * shape.height;
}

const pattern = /([a-z]+/g;

let total = 0;
for (const item of [1, 2, 3]) {
    total += item;
    console.log('running total: + total);

console.log(area({ width: 2, height: 3 }), pattern, total);
