// Literals, var/let/const, operators, typeof, template literals.
var x = 1 + 2;
print(x);
let s = "a" + "b" + x;
print(s, 3.5, true, null, undefined);
const big = 2147483647;
print(big + 1, -big - 2, big * 2, 7 / 2, 7 % -3, -0 === 0, 1 / -0);
print(2 ** 10, 2 ** -1, (-8) % 3, 0.1 + 0.2, 5 >>> 1, -5 >>> 0, -5 >> 1, ~5, 1 << 31);
print(typeof 1, typeof "s", typeof undefined, typeof {}, typeof null, typeof print, typeof zzz);
print("3" * "4", "3" + 4, 3 + "4", true + 1, null + 1, undefined + 1);
print(1 < 2, "a" < "b", "10" < "9", 10 < "9", null == undefined, null === undefined, NaN == NaN);
print(!0, !!"", void 0, (1, 2, 3));
print(`t ${x} ${s}!`, `multi
line`);
var u; u ??= 5; print(u); u ||= 6; print(u); u &&= 7; print(u);
let n = 10; n += 5; n -= 3; n *= 2; n /= 4; n **= 2; n %= 7; print(n);
let i = 5; print(i++, i, ++i, i--, --i);
print(0 || "x", 1 && "y", null ?? "z", 0 ?? "w");
print(1 ? "yes" : "no", 0 ? "yes" : "no");
print("x" in {x: 1}, delete {a: 1}.a);
// expect: 3
// expect: ab3 3.5 true null undefined
// expect: 2147483648 -2147483649 4294967294 3.5 1 true -Infinity
// expect: 1024 0.5 -2 0.30000000000000004 2 4294967291 -3 -6 -2147483648
// expect: number string undefined object object function undefined
// expect: 12 34 34 2 1 NaN
// expect: true true true false true false false
// expect: true false undefined 3
// expect: t 3 ab3! multi
// expect: line
// expect: 5
// expect: 5
// expect: 7
// expect: 1
// expect: 5 6 7 7 5
// expect: x y z 0
// expect: yes no
// expect: true true
