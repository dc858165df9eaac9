// Closures: creating and calling closures (counters, adders, composition,
// callbacks through a higher-order loop).
var out = typeof console !== 'undefined' && console.log ? function (s) { console.log(s); } : print;
function counter(start) { var n = start; return function (step) { n += step; return n; }; }
function adder(k) { return function (x) { return x + k; }; }
function compose(f, g) { return function (x) { return f(g(x)); }; }
function each(n, fn) { for (var i = 0; i < n; i++) fn(i); }
var total = 0;
for (var round = 0; round < 1600; round++) {
    var c = counter(round), f = compose(adder(round & 15), adder(3));
    each(1000, function (i) { total = (total + f(c(i & 7))) % 1000000007; });
}
out('closures ' + total);
