// ES2025 features newer than node 20 (expectations from the specification):
// modifiers, duplicate named groups, RegExp.escape; plus time-limit safety
// of the matcher's explicit stack on long inputs.
console.log(/(?i:a)b/.test("Ab"), /(?i:a)b/.test("AB"), /(?-i:a)b/i.test("aB"), /(?-i:a)b/i.test("AB"));
console.log(/(?m:^b)/.test("a\nb"), /(?s:.)./.test("\n\n"), /(?s:.)./.test("\na"), /(?i:[a-c])/.test("B"));
console.log(/(?i:\w\b)/u.test("\u017F"), /(?i:(a)\1)/.test("aA"));
var d = /(?<a>x)|(?<a>y)/;
console.log(d.exec("y").groups.a, d.exec("x").groups.a, JSON.stringify(Object.keys(d.exec("x").groups)));
console.log(/(?:(?<n>a)|(?<n>b))\k<n>/.test("bb"), /(?:(?<n>a)|(?<n>b))\k<n>/.test("ab"));
console.log("2024-05|05/2024".replace(/(?<y>\d{4})-(?<m>\d\d)|(?<m>\d\d)\/(?<y>\d{4})/g, "$<m>.$<y>"));
console.log(RegExp.escape("a.b*c"), RegExp.escape("(x)/[y]"), RegExp.escape("1 2"), RegExp.escape("_-,"));
console.log(new RegExp(RegExp.escape("$1.00?")).test("cost $1.00?"), typeof RegExp.escape);
var long = "a".repeat(1 << 20);
console.log(/(?:a|b)*$/.test(long), /^(a|aa)+$/.test(long.slice(0, 1000)), long.replace(/a/g, "").length);
// expect: true false true false
// expect: true false true true
// expect: true true
// expect: y x ["a"]
// expect: true false
// expect: 05.2024|05.2024
// expect: \x61\.b\*c \(x\)\/\[y\] \x31\x202 _\x2d\x2c
// expect: true function
// expect: true true 0
