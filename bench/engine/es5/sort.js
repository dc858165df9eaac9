// Sort with a comparator: records sorted by several keys (a total order,
// so every engine's algorithm gives the same result), and numbers.
var out = typeof console !== 'undefined' && console.log ? function (s) { console.log(s); } : print;
var seed = 99;
function rnd(m) { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % m; }
var check = 0;
for (var round = 0; round < 32; round++) {
    var recs = [];
    for (var i = 0; i < 5000; i++) recs.push({ group: rnd(20), score: rnd(1000), id: i });
    recs.sort(function (a, b) { return a.group - b.group || b.score - a.score || a.id - b.id; });
    var nums = [];
    for (i = 0; i < 5000; i++) nums.push(rnd(100000));
    nums.sort(function (a, b) { return a - b; });
    for (i = 0; i < recs.length; i += 97) check = (check * 31 + recs[i].id + nums[i]) % 1000000007;
}
out('sort ' + check);
