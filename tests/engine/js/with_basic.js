// `with` statements: object environment lookups, @@unscopables, calls
// through the object (this), assignment, typeof, delete, var
// declarations, closures capturing the object environment.
function t(label, f) {
    let r;
    try { r = f(); } catch (e) { r = 'threw ' + e.name; }
    console.log(label + ': ' + (typeof r === 'string' ? r : JSON.stringify(r)));
}
var outer = 'outer';
t('lookup', () => { const o = { a: 1 }; let b = 2; with (o) return [a, b, outer]; });
t('proto chain', () => { const o = Object.create({ inherited: 'i' }); with (o) return inherited; });
t('assign existing', () => { const o = { a: 1 }; with (o) { a = 5; } return o.a; });
t('assign missing', () => { const o = {}; var m; with (o) { m = 3; } return [m, 'm' in o]; });
t('var init goes to object', () => { const o = { v: 0 }; with (o) { var v = 9; } return [o.v, v]; });
t('call this', () => { const o = { f() { return this === o; } }; with (o) return f(); });
t('call outer this', () => { function g() { return this === undefined ? 'undef' : typeof this; } const o = {}; with (o) return g(); });
t('unscopables', () => { const o = { a: 'obj', [Symbol.unscopables]: { a: true } }; var a = 'var'; with (o) return a; });
t('array unscopables', () => { var keys = 'outer keys'; with ([]) return typeof keys; });
t('typeof missing', () => { with ({}) return typeof nosuchname; });
t('reference error', () => { with ({}) return nosuchname; });
t('delete', () => { const o = { p: 1 }; let r; with (o) r = delete p; return [r, 'p' in o]; });
t('closure', () => { const o = { x: 1 }; let f; with (o) f = () => x; o.x = 2; return f(); });
t('getter', () => { let n = 0; const o = { get g() { n++; return 'g'; } }; with (o) { g; g; } return n; });
t('null object', () => { with (null) return 1; });
t('primitive', () => { with ('abc') return length; });
t('break out', () => { let i = 0; const o = { y: 1 }; for (;;) { with (o) { i++; if (i > 2) break; } } return [i, typeof y]; });
t('throw out', () => { const o = { y: 1 }; try { with (o) throw 1; } catch (e) { return typeof y; } });
t('completion', () => eval('with ({}) { 5; }'));
t('update', () => { const o = { c: 1 }; with (o) { c++; c += 10; } return o.c; });
t('proxy has', () => {
    const log = [];
    const p = new Proxy({ z: 1 }, { has(t, k) { log.push(String(k)); return k in t; } });
    with (p) z;
    return log;
});
// expect: lookup: [1,2,"outer"]
// expect: proto chain: i
// expect: assign existing: 5
// expect: assign missing: [3,false]
// expect: var init goes to object: [9,null]
// expect: call this: true
// expect: call outer this: object
// expect: unscopables: var
// expect: array unscopables: string
// expect: typeof missing: undefined
// expect: reference error: threw ReferenceError
// expect: delete: [true,false]
// expect: closure: 2
// expect: getter: 2
// expect: null object: threw TypeError
// expect: primitive: 3
// expect: break out: [3,"undefined"]
// expect: throw out: undefined
// expect: completion: 5
// expect: update: 12
// expect: proxy has: ["z","z"]
