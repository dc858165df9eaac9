// Allocation and GC churn: binary trees (allocate, check, drop), with one
// long-lived tree kept across the iterations.
var out = typeof console !== 'undefined' && console.log ? function (s) { console.log(s); } : print;
function Node(l, r) { this.left = l; this.right = r; }
function make(d) { return d === 0 ? new Node(null, null) : new Node(make(d - 1), make(d - 1)); }
function check(t) { return t.left === null ? 1 : 1 + check(t.left) + check(t.right); }
var maxDepth = 14, total = 0;
var longLived = make(maxDepth);
for (var d = 4; d <= maxDepth; d += 2) {
    var iters = 1 << (maxDepth - d + 4), c = 0;
    for (var i = 0; i < iters; i++) c += check(make(d));
    total += c;
}
out('binary_trees ' + total + ' ' + check(longLived));
