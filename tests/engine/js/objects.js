// Object and array literals, getters/setters, computed keys, spread, destructuring.
const o = { a: 1, b: { c: [1, 2, 3] }, "quoted key": 4, 5: "five" };
print(o.a, o.b.c[2], o["quoted key"], o[5], o["5"]);
var obj = { get g() { return 42; }, set g(v) { this._g = v; }, ["c" + "k"]: 5, ...{ sp: 1 } };
obj.g = 7;
print(obj.g, obj._g, obj.ck, obj.sp);
var arr = [1, , 3, ...[4, 5]];
print(arr.length, arr[1], arr[4], 1 in arr);
var { a, b: { c: [, second] }, zz = "dflt" } = o;
print(a, second, zz);
var [p1, p2 = 9, ...rest] = [1, undefined, 3, 4];
print(p1, p2, rest.length, rest[1]);
var q, r;
[q, r] = [r, q] = [1, 2];
print(q, r);
print(o?.b?.c?.[0], o?.zz?.y, o.zz?.(), typeof o?.b);
var proto = { inherited: "yes" };
var child = { __proto__: proto, own: 1 };
print(child.inherited, child.own);
var cnt = 0;
var counted = { get x() { return ++cnt; } };
counted.x; counted.x;
print(cnt);
var nested = { f: { g: { h: () => "deep" } } };
print(nested.f.g.h());
var str = "hello";
print(str.length, str[1]);
let m = {};
m.x = 1; m.y = 2; delete m.x;
print(m.x, m.y, "x" in m);
// expect: 1 3 4 five five
// expect: 42 7 5 1
// expect: 5 undefined 5 false
// expect: 1 2 dflt
// expect: 1 9 2 4
// expect: 1 2
// expect: 1 undefined undefined object
// expect: yes 1
// expect: 2
// expect: deep
// expect: 5 e
// expect: undefined 2 false
