// JSON.parse and JSON.stringify.
function t(label, f) {
    let r;
    try { r = f(); } catch (e) { r = 'threw ' + e.name; }
    console.log(label + ': ' + String(r));
}
const S = JSON.stringify;
t('tag', () => JSON[Symbol.toStringTag] + ' ' + JSON.parse.length + ' ' + JSON.stringify.length);
t('parse scalars', () => JSON.parse('1') + ' ' + JSON.parse(' -0.5e2 ') + ' ' + JSON.parse('"a\\u0041\\n"') + ' ' + JSON.parse('true') + ' ' + JSON.parse('null') + ' ' + Object.is(JSON.parse('-0'), -0));
t('parse numbers', () => JSON.parse('0.30000000000000004') + ' ' + JSON.parse('1e400') + ' ' + JSON.parse('123456789012345678901234567890') + ' ' + JSON.parse('2.2250738585072011e-308') + ' ' + JSON.parse('-1E-7'));
t('parse nested', () => S(JSON.parse('{"a":[1,{"b":null}],"c":"d","a2":{}, "e":[]}')));
t('parse dup', () => S(JSON.parse('{"a":1,"a":2}')));
t('parse proto', () => { const o = JSON.parse('{"__proto__":1}'); return Object.getPrototypeOf(o) === Object.prototype && o.__proto__ === 1; });
t('parse index keys', () => S(JSON.parse('{"1":1,"0":0,"x":2}')));
t('parse ws', () => JSON.parse('\t\r\n [ 1 , 2 ]\n').length);
t('bad: trailing comma', () => JSON.parse('[1,]'));
t('bad: single quote', () => JSON.parse("'a'"));
t('bad: leading zero', () => JSON.parse('01'));
t('bad: hex', () => JSON.parse('0x1'));
t('bad: point', () => JSON.parse('1.'));
t('bad: control', () => JSON.parse('"a\u0001"'));
t('bad: escape', () => JSON.parse('"\\x41"'));
t('bad: trailing', () => JSON.parse('1 2'));
t('bad: empty', () => JSON.parse(''));
t('bad: nbsp', () => JSON.parse('\u00a01'));
t('bad: +1', () => JSON.parse('+1'));
t('bad: NaN', () => JSON.parse('NaN'));
t('reviver', () => S(JSON.parse('{"a":1,"b":[1,2],"c":{"d":3}}', function (k, v) { return typeof v === 'number' ? v * 10 : v; })));
t('reviver delete', () => S(JSON.parse('{"a":1,"b":2,"c":[1,2,3]}', (k, v) => (v === 2 ? undefined : v))));
t('reviver order', () => { let log = ''; JSON.parse('{"a":{"b":1},"c":[2]}', function (k, v) { log += '<' + k + '>'; return v; }); return log; });
t('reviver this', () => JSON.parse('{"a":1}', function (k, v) { return k === 'a' ? typeof this : v; }).a);
t('stringify scalars', () => S(1) + ' ' + S('a"b\\c\n\u0001') + ' ' + (S('\u2028') === '"\u2028"') + ' ' + S(null) + ' ' + S(true) + ' ' + S(NaN) + ' ' + S(-Infinity) + ' ' + S(-0) + ' ' + S(1e21) + ' ' + S(0.1 + 0.2) + ' ' + S(undefined) + ' ' + S(() => 1) + ' ' + S(Symbol()));
t('stringify lone surrogates', () => S('\uD800a\uDC00\uD83D\uDE00'));
t('stringify object', () => S({ a: 1, b: undefined, c: () => 1, d: Symbol(), e: [undefined, () => 1, Symbol()], f: { g: null }, [Symbol()]: 1 }));
t('stringify order', () => S({ b: 1, 2: 2, a: 3, 1: 4 }));
t('stringify wrappers', () => S([new Number(3), new String('s'), new Boolean(false), Object(Symbol())]));
t('stringify toJSON', () => S({ a: { toJSON(k) { return 'key:' + k; } }, b: [{ toJSON(k) { return k; } }] }));
t('stringify replacer fn', () => S({ a: 1, b: 'x', c: { d: 2 } }, function (k, v) { return typeof v === 'number' ? v + 1 : v; }));
t('stringify replacer root', () => S(5, (k, v) => (k === '' ? { wrapped: v } : v)));
t('stringify replacer array', () => S({ a: 1, b: 2, c: { a: 3, d: 4 }, 1: 5 }, ['a', 'c', 1, 'a', new String('b')]));
t('stringify indent num', () => S({ a: [1, { b: 2 }], c: {}, d: [] }, null, 2));
t('stringify indent str', () => S([1, [2]], null, '--'));
t('stringify indent clamp', () => S([1], null, 20).length + ' ' + S([1], null, 'abcdefghijklmnop') + ' ' + S([1], null, new Number(1)) + ' ' + S([1], null, 0));
t('stringify cycle', () => { const o = {}; o.self = o; return S(o); });
t('stringify cycle array', () => { const a = []; a[0] = [a]; return S(a); });
t('stringify repeat ok', () => { const x = { v: 1 }; return S([x, x, { x }]); });
t('stringify getter', () => S({ get a() { return 7; } }));
t('stringify holes', () => S([, 1, ,]));
t('stringify nested deep', () => { let o = 1; for (let i = 0; i < 1000; i++) o = [o]; return S(o).length; });
t('parse deep', () => { const s = '['.repeat(1000) + ']'.repeat(1000); let v = JSON.parse(s), d = 0; while (v.length) { v = v[0]; d++; } return d; });
t('round trip', () => { const v = { n: [0.1, 1e-7, 123456789.123, -5e-324, 1.7976931348623157e308], s: 'é€😀', b: [true, false, null] }; return S(JSON.parse(S(v))) === S(v); });
t('parse long string', () => JSON.parse('"' + 'ab\\n'.repeat(10000) + '"').length);

// Expected output (generated with node v20.20.2):
// expect: tag: JSON 2 3
// expect: parse scalars: 1 -50 aA
// expect:  true null true
// expect: parse numbers: 0.30000000000000004 Infinity 1.2345678901234568e+29 2.225073858507201e-308 -1e-7
// expect: parse nested: {"a":[1,{"b":null}],"c":"d","a2":{},"e":[]}
// expect: parse dup: {"a":2}
// expect: parse proto: true
// expect: parse index keys: {"0":0,"1":1,"x":2}
// expect: parse ws: 2
// expect: bad: trailing comma: threw SyntaxError
// expect: bad: single quote: threw SyntaxError
// expect: bad: leading zero: threw SyntaxError
// expect: bad: hex: threw SyntaxError
// expect: bad: point: threw SyntaxError
// expect: bad: control: threw SyntaxError
// expect: bad: escape: threw SyntaxError
// expect: bad: trailing: threw SyntaxError
// expect: bad: empty: threw SyntaxError
// expect: bad: nbsp: threw SyntaxError
// expect: bad: +1: threw SyntaxError
// expect: bad: NaN: threw SyntaxError
// expect: reviver: {"a":10,"b":[10,20],"c":{"d":30}}
// expect: reviver delete: {"a":1,"c":[1,null,3]}
// expect: reviver order: <b><a><0><c><>
// expect: reviver this: object
// expect: stringify scalars: 1 "a\"b\\c\n\u0001" true null true null null 0 1e+21 0.30000000000000004 undefined undefined undefined
// expect: stringify lone surrogates: "\ud800a\udc00😀"
// expect: stringify object: {"a":1,"e":[null,null,null],"f":{"g":null}}
// expect: stringify order: {"1":4,"2":2,"b":1,"a":3}
// expect: stringify wrappers: [3,"s",false,{}]
// expect: stringify toJSON: {"a":"key:a","b":["0"]}
// expect: stringify replacer fn: {"a":2,"b":"x","c":{"d":3}}
// expect: stringify replacer root: {"wrapped":5}
// expect: stringify replacer array: {"a":1,"c":{"a":3},"1":5,"b":2}
// expect: stringify indent num: {
// expect:   "a": [
// expect:     1,
// expect:     {
// expect:       "b": 2
// expect:     }
// expect:   ],
// expect:   "c": {},
// expect:   "d": []
// expect: }
// expect: stringify indent str: [
// expect: --1,
// expect: --[
// expect: ----2
// expect: --]
// expect: ]
// expect: stringify indent clamp: 15 [
// expect: abcdefghij1
// expect: ] [
// expect:  1
// expect: ] [1]
// expect: stringify cycle: threw TypeError
// expect: stringify cycle array: threw TypeError
// expect: stringify repeat ok: [{"v":1},{"v":1},{"x":{"v":1}}]
// expect: stringify getter: {"a":7}
// expect: stringify holes: [null,1,null]
// expect: stringify nested deep: 2001
// expect: parse deep: 999
// expect: round trip: true
// expect: parse long string: 30000
