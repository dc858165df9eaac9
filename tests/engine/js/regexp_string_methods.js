// String.prototype.match/matchAll/replace/replaceAll/search/split with
// RegExps, GetSubstitution, functional replace, species and subclassing.
console.log(JSON.stringify("hello world foo".match(/\w+/g)), "abc".match(/z/g), JSON.stringify("abc".match(/b/)));
console.log("a-b_c".replace(/[-_]/g, "+"), "aaa".replace(/a/, "b"), "aaa".replace(/a*?/g, "-"));
console.log("2020-01-05".replace(/(?<y>\d+)-(?<m>\d+)-(?<d>\d+)/, "$<d>/$<m>/$<y>"));
console.log("john smith".replace(/(\w+)\s(\w+)/, "$2, $1 [$&] [$`] [$'] $$ $3 $10"));
console.log("abc".replace(/b/, function (m, off, s) { return "[" + m + off + s + "]"; }));
console.log("x1y22".replace(/(\d)(\d)?/g, function (m, a, b) { return "<" + a + "," + b + ">"; }));
console.log("a.b.c".replaceAll(/\./g, "!"), "aXbX".replaceAll("X", "$&$&"));
try { "a".replaceAll(/a/, ""); } catch (e) { console.log(e.name); }
console.log("abcdef".search(/d/), "abc".search(/z/), "ABC".search(/b/i));
console.log(JSON.stringify("a,b,,c".split(/,/)), JSON.stringify("a1b2c".split(/(\d)/)), JSON.stringify("abc".split(/(?:)/)));
console.log(JSON.stringify("a b  c".split(/\s+/, 2)), JSON.stringify("".split(/x/)), JSON.stringify("".split(/(?:)/)));
console.log(JSON.stringify("test".split(/(?:)/u)), JSON.stringify("\ud83d\ude00x".split(/(?:)/u)));
var all = [..."a1b22c333".matchAll(/\d+/g)].map(function (m) { return m[0] + "@" + m.index; });
console.log(all.join(" "));
var it = "xx".matchAll(/x/g);
console.log(Object.prototype.toString.call(it), typeof it.next, it[Symbol.iterator]() === it);
try { "a".matchAll(/a/); } catch (e) { console.log(e.name); }
class MyRE extends RegExp {
    exec(s) { var m = super.exec(s); if (m) m[0] = m[0].toUpperCase(); return m; }
}
console.log("abcabc".replace(new MyRE("b", "g"), "[$&]"), JSON.stringify("abab".match(new MyRE("a", "g"))));
var calls = 0;
var fake = { exec: function () { return calls++ < 2 ? { 0: "q", index: calls, length: 1 } : null; }, flags: "g", global: true, lastIndex: 0 };
console.log(RegExp.prototype[Symbol.replace].call(fake, "abcd", "_"), calls);
console.log("\u{1F600}\u{1F600}".replace(/(?:)/gu, "-"), "\u{1F600}".replace(/(?:)/g, "-").length);
var big = "ab".repeat(50000);
console.log(big.replace(/b/g, "").length, big.split(/a/).length, big.match(/ab/g).length);
console.log("aaa".lastIndexOf("a"), "x".padEnd(3, "-").replace(/-/g, "+"));
// expect: ["hello","world","foo"] null ["b"]
// expect: a+b+c baa -a-a-a-
// expect: 05/01/2020
// expect: smith, john [john smith] [] [] $ $3 john0
// expect: a[b1abc]c
// expect: x<1,undefined>y<2,2>
// expect: a!b!c aXXbXX
// expect: TypeError
// expect: 3 -1 1
// expect: ["a","b","","c"] ["a","1","b","2","c"] ["a","b","c"]
// expect: ["a","b"] [""] []
// expect: ["t","e","s","t"] ["😀","x"]
// expect: 1@1 22@3 333@6
// expect: [object RegExp String Iterator] function true
// expect: TypeError
// expect: a[B]ca[B]c ["A","A"]
// expect: a__d 3
// expect: -😀-😀- 5
// expect: 50000 50001 50000
// expect: 2 x++
