// Global value properties and functions: NaN/Infinity/undefined,
// isNaN/isFinite, the URI functions, escape/unescape.
function t(label, f) {
    let r;
    try { r = f(); } catch (e) { r = 'threw ' + e.name; }
    console.log(label + ': ' + (typeof r === 'string' ? JSON.stringify(r) : String(r)));
}
function attrs(o, k) { const d = Object.getOwnPropertyDescriptor(o, k); return d.writable + '/' + d.enumerable + '/' + d.configurable; }
t('values', () => NaN + ' ' + Infinity + ' ' + undefined + ' ' + typeof globalThis + ' ' + (globalThis.globalThis === globalThis));
t('attrs', () => attrs(globalThis, 'NaN') + ' ' + attrs(globalThis, 'Infinity') + ' ' + attrs(globalThis, 'undefined') + ' ' + attrs(globalThis, 'parseInt') + ' ' + attrs(globalThis, 'globalThis'));
t('assign NaN', () => { NaN = 1; return NaN; });
t('strict assign', () => { 'use strict'; undefined = 1; return 'no'; });
t('isNaN', () => isNaN(NaN) + ' ' + isNaN('abc') + ' ' + isNaN('12') + ' ' + isNaN(undefined) + ' ' + isNaN(null));
t('isFinite', () => isFinite(1 / 0) + ' ' + isFinite('1e308') + ' ' + isFinite('1e309') + ' ' + isFinite(null));
t('encodeURIComponent', () => encodeURIComponent("a b&c=d/é€😀;,/?:@&=+$#-_.!~*'()"));
t('encodeURI', () => encodeURI("http://x.y/a b?q=1&r=é#frag;,/?:@&=+$-_.!~*'()[]"));
t('encode lone', () => encodeURIComponent('\uD800'));
t('encode lone low', () => encodeURI('a\uDC00'));
t('decodeURIComponent', () => decodeURIComponent('a%20b%26c%3D%C3%A9%E2%82%AC%F0%9F%98%80%2f'));
t('decodeURI', () => decodeURI('a%20b%26c%3D%23%2F%3b%C3%A9'));
t('decode bad', () => decodeURIComponent('%'));
t('decode bad hex', () => decodeURIComponent('%zz'));
t('decode overlong', () => decodeURIComponent('%C0%80'));
t('decode surrogate', () => decodeURIComponent('%ED%A0%80'));
t('decode truncated', () => decodeURIComponent('%E2%82'));
t('decode bad cont', () => decodeURIComponent('%C3%41'));
t('decode too big', () => decodeURIComponent('%F4%90%80%80'));
t('decode F8', () => decodeURIComponent('%F8%80%80%80%80'));
t('round trip', () => decodeURIComponent(encodeURIComponent('\u0000\u007f\u0080\u07ff\u0800\uffff\u{10000}\u{10ffff}')) === '\u0000\u007f\u0080\u07ff\u0800\uffff\u{10000}\u{10ffff}');
t('escape', () => escape('a b+c/@*_-.é€😀\u0100'));
t('unescape', () => unescape('a%20b%u20AC%zz%u12%4') + '|' + unescape('%E9%u00e9%U00E9'));
t('lengths', () => encodeURI.length + ' ' + decodeURIComponent.length + ' ' + escape.name + ' ' + isNaN.length + ' ' + parseInt.length + ' ' + parseFloat.length);
t('URIError', () => { try { decodeURI('%'); } catch (e) { return (e instanceof URIError) + ' ' + e.constructor.name; } });

// Expected output (generated with node v20.20.2):
// expect: values: "NaN Infinity undefined object true"
// expect: attrs: "false/false/false false/false/false false/false/false true/false/true true/false/true"
// expect: assign NaN: NaN
// expect: strict assign: "threw TypeError"
// expect: isNaN: "true true false true false"
// expect: isFinite: "false true false true"
// expect: encodeURIComponent: "a%20b%26c%3Dd%2F%C3%A9%E2%82%AC%F0%9F%98%80%3B%2C%2F%3F%3A%40%26%3D%2B%24%23-_.!~*'()"
// expect: encodeURI: "http://x.y/a%20b?q=1&r=%C3%A9#frag;,/?:@&=+$-_.!~*'()%5B%5D"
// expect: encode lone: "threw URIError"
// expect: encode lone low: "threw URIError"
// expect: decodeURIComponent: "a b&c=é€😀/"
// expect: decodeURI: "a b%26c%3D%23%2F%3bé"
// expect: decode bad: "threw URIError"
// expect: decode bad hex: "threw URIError"
// expect: decode overlong: "threw URIError"
// expect: decode surrogate: "threw URIError"
// expect: decode truncated: "threw URIError"
// expect: decode bad cont: "threw URIError"
// expect: decode too big: "threw URIError"
// expect: decode F8: "threw URIError"
// expect: round trip: true
// expect: escape: "a%20b+c/@*_-.%E9%u20AC%uD83D%uDE00%u0100"
// expect: unescape: "a b€%zz%u12%4|éé%U00E9"
// expect: lengths: "1 1 escape 1 2 1"
// expect: URIError: "true URIError"
