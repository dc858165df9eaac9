// Regexp-free tokenizing: a hand-written scanner (charCodeAt and switch)
// over generated JavaScript-like text, counting tokens by kind.
var out = typeof console !== 'undefined' && console.log ? function (s) { console.log(s); } : print;
var pieces = ['var ', 'x', ' = ', '123', ' + ', 'foo', '(', 'bar', ', ', '"str\\"ing"', ')', ';\n',
    'if ', '(', 'a', ' <= ', '0.5', ') ', '{ ', 'return ', 'b', '; }', '\n', '// comment\n', 'obj', '.', 'prop', ' === ', "'q'", ';\n'];
var parts = [], seed = 7;
for (var i = 0; i < 30000; i++) { seed = (seed * 1103515245 + 12345) & 0x7fffffff; parts.push(pieces[seed % pieces.length]); }
var src = parts.join('');

function isIdStart(c) { return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36; }
function isDigit(c) { return c >= 48 && c <= 57; }
function tokenize(text, counts) {
    var i = 0, n = text.length;
    while (i < n) {
        var c = text.charCodeAt(i);
        if (c === 32 || c === 10 || c === 9) { i++; continue; }
        if (c === 47 && text.charCodeAt(i + 1) === 47) { while (i < n && text.charCodeAt(i) !== 10) i++; counts.comment++; continue; }
        var start = i;
        if (isIdStart(c)) {
            while (i < n && (isIdStart(text.charCodeAt(i)) || isDigit(text.charCodeAt(i)))) i++;
            var word = text.slice(start, i);
            if (word === 'var' || word === 'if' || word === 'return') counts.keyword++; else counts.ident++;
        } else if (isDigit(c)) {
            while (i < n && (isDigit(text.charCodeAt(i)) || text.charCodeAt(i) === 46)) i++;
            counts.number++;
        } else if (c === 34 || c === 39) {
            i++;
            while (i < n && text.charCodeAt(i) !== c) i += text.charCodeAt(i) === 92 ? 2 : 1;
            i++;
            counts.string++;
        } else {
            var c2 = text.charCodeAt(i + 1), c3 = text.charCodeAt(i + 2);
            if (c === 61 && c2 === 61 && c3 === 61) i += 3;
            else if ((c === 60 || c === 62) && c2 === 61) i += 2;
            else i++;
            counts.punct++;
        }
        counts.total++;
    }
}
var counts = { keyword: 0, ident: 0, number: 0, string: 0, punct: 0, comment: 0, total: 0 };
for (var r = 0; r < 24; r++) tokenize(src, counts);
out('tokenizer ' + counts.total + ' ' + counts.keyword + ' ' + counts.ident + ' ' + counts.number + ' ' + counts.string + ' ' + counts.punct + ' ' + counts.comment);
