// Strings: building by concatenation and join, splitting, indexOf,
// slicing, case conversion and char codes.
var out = typeof console !== 'undefined' && console.log ? function (s) { console.log(s); } : print;
var words = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa'];
var h = 0, lens = 0;
for (var round = 0; round < 240; round++) {
    var s = '';
    for (var i = 0; i < 2000; i++) s += words[(i * 7 + round) % words.length] + (i % 10 === 9 ? '\n' : ' ');
    var lines = s.split('\n');
    var parts = [];
    for (var l = 0; l < lines.length; l++) {
        var ws = lines[l].split(' ');
        for (var w = 0; w < ws.length; w++) if (ws[w].length > 3) parts.push(ws[w].toUpperCase().slice(1, 4));
    }
    var joined = parts.join(',');
    lens += joined.length;
    var pos = 0, hits = 0;
    while ((pos = joined.indexOf('ELT', pos)) >= 0) { hits++; pos += 3; }
    for (i = 0; i < joined.length; i += 13) h = (h * 31 + joined.charCodeAt(i)) % 1000000007;
    h = (h + hits + s.lastIndexOf('kappa')) % 1000000007;
}
out('strings ' + h + ' ' + lens);
