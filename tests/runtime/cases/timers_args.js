// Extra arguments are passed to the callback; `this` is the Timeout, still
// referenced while its callback runs.
setTimeout(function (a, b, c) {
    console.log(a, b, JSON.stringify(c), typeof this.ref, this.hasRef());
    setImmediate((x, y) => console.log('immediate', x, y), 'p', 'q');
}, 1, 'one', 2, [3]);
process.nextTick((x) => console.log('tick', x), 42);
