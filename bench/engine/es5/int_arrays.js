// Integer arrays: a sieve of Eratosthenes and fannkuch (n = 8), both on
// plain arrays of small integers.
var out = typeof console !== 'undefined' && console.log ? function (s) { console.log(s); } : print;

function sieve(n) {
    var flags = [];
    for (var i = 0; i <= n; i++) flags.push(1);
    var count = 0;
    for (i = 2; i <= n; i++) {
        if (!flags[i]) continue;
        count++;
        for (var j = i + i; j <= n; j += i) flags[j] = 0;
    }
    return count;
}
function fannkuch(n) {
    var perm = [], perm1 = [], count = [], maxFlips = 0, checksum = 0, r = n, permCount = 0, i;
    for (i = 0; i < n; i++) { perm1.push(i); perm.push(0); count.push(0); }
    for (;;) {
        while (r !== 1) { count[r - 1] = r; r--; }
        for (i = 0; i < n; i++) perm[i] = perm1[i];
        var flips = 0, k;
        while ((k = perm[0]) !== 0) {
            var k2 = (k + 1) >> 1;
            for (i = 0; i < k2; i++) { var t = perm[i]; perm[i] = perm[k - i]; perm[k - i] = t; }
            flips++;
        }
        if (flips > maxFlips) maxFlips = flips;
        checksum += permCount % 2 === 0 ? flips : -flips;
        for (;;) {
            if (r === n) return [checksum, maxFlips];
            var p0 = perm1[0];
            for (i = 0; i < r; i++) perm1[i] = perm1[i + 1];
            perm1[r] = p0;
            count[r]--;
            if (count[r] > 0) break;
            r++;
        }
        permCount++;
    }
}
var primes = 0;
for (var rep = 0; rep < 12; rep++) primes += sieve(200000);
var f = fannkuch(9);
out('int_arrays ' + primes + ' ' + f[0] + ' ' + f[1]);
