// Template literals and tagged templates (cached per-site strings objects).
var x = 3, s = "ab";
print(`t ${x} ${s}!`, `${x + 1}${"" + x}`, `a\tb`.length);
function t2(strs, a, b) { return strs.length + ":" + strs[0] + a + strs[1] + b + strs[2] + ":" + Object.isFrozen(strs) + Object.isFrozen(strs.raw); }
print(t2`x${1}y${2}z`);
function same(s) { return s; }
var f = () => same`a${1}`;
print(f() === f(), same`a${1}` === f());
function raw(s) { return s.raw.join ? s.raw[0] : s.raw[0]; }
print(raw`a\nb`, raw`\u0041`);
var obj = { tag(s, v) { return this.k + s[0] + v; }, k: "K" };
print(obj.tag`x${5}`);
function cooked(s) { return s[0] === undefined; }
print(cooked`\unicode`);
// expect: t 3 ab! 43 3
// expect: 3:x1y2z:truetrue
// expect: true false
// expect: a\nb \u0041
// expect: Kx5
// expect: true
