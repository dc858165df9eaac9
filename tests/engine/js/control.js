// Control flow: if/while/do/for/switch/labels/break/continue.
for (let i = 0; i < 3; i++) print("for", i);
var k = 0;
while (k < 3) { k++; if (k == 2) continue; print("while", k); }
do { print("do", k); k--; } while (k > 1);
outer: for (var i = 0; i < 3; i++) {
    for (var j = 0; j < 3; j++) {
        if (j == 1) continue outer;
        if (i == 2) break outer;
        print(i, j);
    }
}
function sw(v) {
    switch (v) {
    case 1: return "one";
    case "2": return "two-str";
    case 3: print("three");
    case 4: print("fall to four"); break;
    default: print("default");
    }
    return "end";
}
print(sw(1), sw("2"), sw(2), sw(3));
blk: { print("in block"); break blk; }
var total = 0;
for (var a = 0, b = 10; a < b; a++, b--) total += a * b;
print(total);
for (var p in {x: 1, y: 2, z: 3}) print("key", p);
for (var v of [10, 20, 30]) { if (v == 30) break; print("of", v); }
// expect: for 0
// expect: for 1
// expect: for 2
// expect: while 1
// expect: while 3
// expect: do 3
// expect: do 2
// expect: 0 0
// expect: 1 0
// expect: default
// expect: three
// expect: fall to four
// expect: one two-str end end
// expect: in block
// expect: 70
// expect: key x
// expect: key y
// expect: key z
// expect: of 10
// expect: of 20
