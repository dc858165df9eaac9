// String constructor, statics and prototype methods (string paths).
function t(label, f) {
    let r;
    try { r = f(); } catch (e) { r = 'threw ' + e.name; }
    console.log(label + ': ' + (typeof r === 'string' ? JSON.stringify(r) : String(r)));
}
function list(a) { let s = '['; for (let i = 0; i < a.length; i++) s += (i ? ',' : '') + JSON.stringify(a[i]); return s + ']'; }
t('String()', () => String());
t('String(sym)', () => String(Symbol('d')));
t('String(null)', () => String(null));
t('new String', () => typeof new String('ab') + new String('ab').length + new String('ab')[1]);
t('fromCharCode', () => String.fromCharCode(72, 105, 0x10041, -1 >>> 16));
t('fromCodePoint', () => String.fromCodePoint(0x1F600, 65));
t('fromCodePoint bad', () => String.fromCodePoint(1.5));
t('fromCodePoint big', () => String.fromCodePoint(0x110000));
t('raw obj', () => String.raw({ raw: ['x', 'y', 'z'] }, 1));
t('at', () => 'abc'.at(-1) + 'abc'.at(0) + String('abc'.at(5)));
t('charAt', () => 'abc'.charAt(1) + '|' + 'abc'.charAt(9));
t('charCodeAt', () => 'abc'.charCodeAt(1) + ' ' + 'abc'.charCodeAt(-1));
t('codePointAt', () => '\u{1F600}x'.codePointAt(0) + ' ' + '\u{1F600}x'.codePointAt(1) + ' ' + 'a'.codePointAt(3));
t('concat', () => 'a'.concat(1, null, undefined, {}));
t('endsWith', () => 'hello'.endsWith('lo') + ' ' + 'hello'.endsWith('l', 4) + ' ' + 'hello'.endsWith(''));
t('endsWith re', () => 'a'.endsWith({ [Symbol.match]: true }));
t('includes re-like', () => 'a'.includes({ [Symbol.match]: false, toString() { return 'a'; } }));
t('startsWith', () => 'hello'.startsWith('he') + ' ' + 'hello'.startsWith('l', 2) + ' ' + 'hello'.startsWith('x', -5));
t('includes', () => 'hello'.includes('ell') + ' ' + 'hello'.includes('ell', 2));
t('indexOf', () => 'abcabc'.indexOf('c') + ' ' + 'abcabc'.indexOf('c', 3) + ' ' + 'abc'.indexOf('') + ' ' + 'abc'.indexOf('', 10) + ' ' + 'abc'.indexOf('d'));
t('lastIndexOf', () => 'abcabc'.lastIndexOf('c') + ' ' + 'abcabc'.lastIndexOf('c', 4) + ' ' + 'abc'.lastIndexOf('', 1) + ' ' + 'abc'.lastIndexOf('a', -5) + ' ' + 'abc'.lastIndexOf('c', NaN));
t('isWellFormed', () => 'ab'.isWellFormed() + ' ' + 'a\uD800'.isWellFormed() + ' ' + '\uD83D\uDE00'.isWellFormed());
t('toWellFormed', () => escape('a\uD800b\uDC00\uD83D\uDE00'.toWellFormed()));
t('localeCompare', () => 'a'.localeCompare('b') + ' ' + 'b'.localeCompare('a') + ' ' + 'a'.localeCompare('a'));
t('padStart', () => 'abc'.padStart(8, '12') + ' ' + 'abc'.padStart(2) + ' ' + 'abc'.padStart(6));
t('padEnd', () => 'abc'.padEnd(8, '12') + ' ' + 'abc'.padEnd(6, ''));
t('repeat', () => 'ab'.repeat(3) + '|' + 'ab'.repeat(0) + '|' + ''.repeat(5));
t('repeat long', () => 'abc'.repeat(100000).length);
t('repeat neg', () => 'a'.repeat(-1));
t('repeat inf', () => 'a'.repeat(Infinity));
t('repeat huge', () => 'a'.repeat(2 ** 40));
t('slice', () => 'abcdef'.slice(1, -1) + ' ' + 'abcdef'.slice(-2) + ' ' + 'abcdef'.slice(4, 2) + '|');
t('substring', () => 'abcdef'.substring(4, 1) + ' ' + 'abcdef'.substring(-3, 2) + ' ' + 'abcdef'.substring(NaN, 3));
t('substr', () => 'abcdef'.substr(-4, 2) + ' ' + 'abcdef'.substr(1) + ' ' + 'abcdef'.substr(2, -1) + '|');
t('trim', () => '[' + ' \t\n\u00a0\ufeff\u2028x y\u3000 '.trim() + ']');
t('trimStart', () => '[' + '  x  '.trimStart() + '][' + '  x  '.trimEnd() + ']');
t('trimLeft alias', () => String.prototype.trimLeft === String.prototype.trimStart && String.prototype.trimRight === String.prototype.trimEnd);
t('trimLeft name', () => String.prototype.trimLeft.name);
t('toUpperCase', () => 'abc ß ﬃ ŉ ǰ ÿ µ é'.toUpperCase());
t('toLowerCase', () => 'ABC İ Σ ΣΑΣ ΑΣ. ÀÉ Ÿ'.toLowerCase());
t('sigma', () => 'ΑΣ'.toLowerCase() + ' ' + 'Σ'.toLowerCase() + ' ' + 'AΣb'.toLowerCase() + ' ' + 'AΣ\u0301'.toLowerCase());
t('upper astral', () => '\u{10428}'.toUpperCase() === '\u{10400}');
t('ascii case', () => 'Hello World'.toUpperCase() + ' ' + 'Hello World'.toLowerCase());
t('toString', () => new String('w').toString() + new String('z'));
t('toString bad', () => ({ toString: String.prototype.toString }).toString());
Number.prototype.strValueOf = String.prototype.valueOf;
t('valueOf bad', () => (1).strValueOf());
t('valueOf', () => new String('v').valueOf());
t('null this', () => Reflect.apply(String.prototype.trim, null, []));
t('undefined this', () => Reflect.apply(String.prototype.at, undefined, [0]));
t('number this', () => Reflect.apply(String.prototype.padStart, 42, [5, '0']));
t('wrapper index', () => { const w = new String('ab'); return w[0] + w[1] + w.length + typeof w[2]; });
t('html', () => 'x'.anchor('a"b') + 'x'.big() + 'x'.blink() + 'x'.bold() + 'x'.fixed() + 'x'.fontcolor('red') + 'x'.fontsize(7) + 'x'.italics() + 'x'.link('u') + 'x'.small() + 'x'.strike() + 'x'.sub() + 'x'.sup());
t('replace', () => 'aaa'.replace('a', 'b') + ' ' + 'abc'.replace('b', '[$&|$`|$\'|$$|$1]') + ' ' + 'abc'.replace('x', 'y'));
t('replace fn', () => 'abcb'.replace('b', (m, p, s) => m.toUpperCase() + p + s.length));
t('replace empty', () => 'abc'.replace('', '-'));
t('replaceAll', () => 'a.b.c'.replaceAll('.', '!') + ' ' + 'abc'.replaceAll('', '-') + ' ' + 'aaaa'.replaceAll('aa', 'b'));
t('replaceAll fn', () => 'xax'.replaceAll('x', (m, p) => p));
t('replace sym', () => 'abc'.replace({ [Symbol.replace](s, r) { return s + '/' + r; } }, 'R'));
t('split', () => list('a,b,,c'.split(',')) + ' ' + list('abc'.split('')) + ' ' + list('abc'.split()) + ' ' + list(''.split(',')) + ' ' + list(''.split('')));
t('split limit', () => list('a,b,c'.split(',', 2)) + ' ' + list('abc'.split('', 2)) + ' ' + list('a,b'.split(',', 0)));
t('split sym', () => 'abc'.split({ [Symbol.split](s, l) { return s + l; } }, 3));
t('match sym', () => 'abc'.match({ [Symbol.match](s) { return 'm:' + s; } }));
t('search sym', () => 'abc'.search({ [Symbol.search](s) { return 's:' + s; } }));
t('matchAll sym', () => 'abc'.matchAll({ [Symbol.matchAll](s) { return 'ma:' + s; } }));
t('replaceAll nonglobal', () => 'abc'.replaceAll({ [Symbol.match]: true, flags: 'i' }, 'x'));
t('iterator', () => { let s = ''; const a = [...'a\u{1F600}b\uD800']; for (let i = 0; i < a.length; i++) s += '<' + escape(a[i]) + '>'; return s; });
t('iterator next', () => { const it = 'xy'[Symbol.iterator](); const a = it.next(), b = it.next(), c = it.next(), d = it.next(); return a.value + a.done + b.value + b.done + c.value + c.done + d.done; });
t('iterator proto', () => Object.getPrototypeOf(''[Symbol.iterator]())[Symbol.toStringTag]);
t('lengths', () => String.prototype.padStart.length + ' ' + String.prototype.replace.length + ' ' + String.fromCharCode.length + ' ' + String.prototype.concat.length);
t('number to string', () => String(-0) + ' ' + String(1e21) + ' ' + String(0.000001) + ' ' + String(1e-7) + ' ' + (123.456e300 * 10));

// Expected output (generated with node v20.20.2):
// expect: String(): ""
// expect: String(sym): "Symbol(d)"
// expect: String(null): "null"
// expect: new String: "object2b"
// expect: fromCharCode: "HiA￿"
// expect: fromCodePoint: "😀A"
// expect: fromCodePoint bad: "threw RangeError"
// expect: fromCodePoint big: "threw RangeError"
// expect: raw obj: "x1yz"
// expect: at: "caundefined"
// expect: charAt: "b|"
// expect: charCodeAt: "98 NaN"
// expect: codePointAt: "128512 56832 undefined"
// expect: concat: "a1nullundefined[object Object]"
// expect: endsWith: "true true true"
// expect: endsWith re: "threw TypeError"
// expect: includes re-like: true
// expect: startsWith: "true true false"
// expect: includes: "true false"
// expect: indexOf: "2 5 0 3 -1"
// expect: lastIndexOf: "5 2 1 0 2"
// expect: isWellFormed: "true false true"
// expect: toWellFormed: "a%uFFFDb%uFFFD%uD83D%uDE00"
// expect: localeCompare: "-1 1 0"
// expect: padStart: "12121abc abc    abc"
// expect: padEnd: "abc12121 abc"
// expect: repeat: "ababab||"
// expect: repeat long: 300000
// expect: repeat neg: "threw RangeError"
// expect: repeat inf: "threw RangeError"
// expect: repeat huge: "threw RangeError"
// expect: slice: "bcde ef |"
// expect: substring: "bcd ab abc"
// expect: substr: "cd bcdef |"
// expect: trim: "[x y]"
// expect: trimStart: "[x  ][  x]"
// expect: trimLeft alias: true
// expect: trimLeft name: "trimStart"
// expect: toUpperCase: "ABC SS FFI ʼN J̌ Ÿ Μ É"
// expect: toLowerCase: "abc i̇ σ σας ας. àé ÿ"
// expect: sigma: "ας σ aσb aς́"
// expect: upper astral: true
// expect: ascii case: "HELLO WORLD hello world"
// expect: toString: "wz"
// expect: toString bad: "threw TypeError"
// expect: valueOf bad: "threw TypeError"
// expect: valueOf: "v"
// expect: null this: "threw TypeError"
// expect: undefined this: "threw TypeError"
// expect: number this: "00042"
// expect: wrapper index: "ab2undefined"
// expect: html: "<a name=\"a&quot;b\">x</a><big>x</big><blink>x</blink><b>x</b><tt>x</tt><font color=\"red\">x</font><font size=\"7\">x</font><i>x</i><a href=\"u\">x</a><small>x</small><strike>x</strike><sub>x</sub><sup>x</sup>"
// expect: replace: "baa a[b|a|c|$|$1]c abc"
// expect: replace fn: "aB14cb"
// expect: replace empty: "-abc"
// expect: replaceAll: "a!b!c -a-b-c- bb"
// expect: replaceAll fn: "0a2"
// expect: replace sym: "abc/R"
// expect: split: "[\"a\",\"b\",\"\",\"c\"] [\"a\",\"b\",\"c\"] [\"abc\"] [\"\"] []"
// expect: split limit: "[\"a\",\"b\"] [\"a\",\"b\"] []"
// expect: split sym: "abc3"
// expect: match sym: "m:abc"
// expect: search sym: "s:abc"
// expect: matchAll sym: "ma:abc"
// expect: replaceAll nonglobal: "threw TypeError"
// expect: iterator: "<a><%uD83D%uDE00><b><%uD800>"
// expect: iterator next: "xfalseyfalseundefinedtruetrue"
// expect: iterator proto: "String Iterator"
// expect: lengths: "1 2 1 1"
// expect: number to string: "0 1e+21 0.000001 1e-7 1.2345600000000001e+303"
