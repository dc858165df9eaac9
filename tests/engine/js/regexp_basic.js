// RegExp basics: exec results, flags, lastIndex, captures, lookaround.
function show(m) { return m === null ? "null" : JSON.stringify(m) + " @" + m.index; }
console.log(show(/a(b)c/.exec("xxabcx")));
console.log(show(/(a)|(b)/.exec("b")));
console.log(show(/(a*)*b/.exec("aaab")));
console.log(show(/(a*)?/.exec("b")));
console.log(show(/(z)((a+)?(b+)?(c))*/.exec("zaacbbbcac")));
console.log(show(/(?=(a+))a*b\1/.exec("baaabac")));
console.log(show(/(?<=\$)\d+(\.\d*)?/.exec("cost $10.53")));
console.log(show(/(?<!\$)\d+/.exec("$4 56")));
console.log(show(/(?<=(\d+)(\d+))$/.exec("1053")));
console.log(show(/\bfoo\b/.exec("a foo b")), show(/^b/m.exec("a\nb")), show(/^b/.exec("a\nb")));
var re = /o/g;
console.log(re.test("foo"), re.lastIndex, re.test("foo"), re.lastIndex, re.test("foo"), re.lastIndex);
var y = /a/y;
console.log(y.test("ba"), y.lastIndex, (y.lastIndex = 1, y.test("ba")), y.lastIndex);
console.log(/a.c/s.test("a\nc"), /a.c/.test("a\nc"), /A/i.test("a"), /x{2,3}?/.exec("xxxx")[0]);
console.log(/(?:a|b)*?c/.exec("ababc")[0], /(a)\1/i.test("aA"), /[a-z]+/i.exec("ABC")[0]);
var flags = /a/dgimsy;
console.log(flags.flags, flags.global, flags.sticky, flags.hasIndices, flags.unicode, flags.dotAll);
console.log(String(/a\/b/), new RegExp("a/b").source, new RegExp("").source, RegExp("\n").source);
console.log(RegExp.prototype.source, RegExp.prototype.flags, RegExp.prototype.global);
var r1 = /x/g, r2 = RegExp(r1);
console.log(r1 === r2, new RegExp(r1) === r1, new RegExp(r1, "i").flags);
try { new RegExp("("); } catch (e) { console.log(e instanceof SyntaxError); }
try { new RegExp("a", "gg"); } catch (e) { console.log(e.name); }
console.log(JSON.stringify(/(?<y>\d{4})-(?<m>\d\d)/.exec("on 2024-05").groups));
console.log(JSON.stringify(/(a)(?:b)\1/d.exec("xaba").indices), JSON.stringify(/(?<n>b)/d.exec("ab").indices.groups));
console.log(Object.prototype.toString.call(/x/), typeof RegExp.prototype.exec, RegExp[Symbol.species] === RegExp);
for (var i = 0; i < 3; i++) console.log(/lit(\d)/.exec("lit" + i)[1]);
// expect: ["abc","b"] @2
// expect: ["b",null,"b"] @0
// expect: ["aaab","aaa"] @0
// expect: ["",null] @0
// expect: ["zaacbbbcac","z","ac","a",null,"c"] @0
// expect: ["aba","a"] @3
// expect: ["10.53",".53"] @6
// expect: ["56"] @3
// expect: ["","1","053"] @4
// expect: ["foo"] @2 ["b"] @2 null
// expect: true 2 true 3 false 0
// expect: false 0 true 2
// expect: true false true xx
// expect: ababc true ABC
// expect: dgimsy true true true false true
// expect: /a\/b/ a\/b (?:) \n
// expect: (?:)  undefined
// expect: true false i
// expect: true
// expect: SyntaxError
// expect: {"y":"2024","m":"05"}
// expect: [[1,4],[1,2]] {"n":[1,2]}
// expect: [object RegExp] function true
// expect: 0
// expect: 1
// expect: 2
