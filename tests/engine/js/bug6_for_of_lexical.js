// Regression (issue 6): `for (let|const … of/in …)` lost the iterated value
// to the head scope's TDZ initialisation and looped forever.
for (const x of [1, 2]) console.log(x);
for (let y of "ab") console.log(y);
for (const k in { a: 1, b: 2 }) console.log(k);
const fs = [];
for (let i of [1, 2, 3]) fs.push(() => i);
console.log(fs.map((f) => f()).join());
for (const { a, b = 2 } of [{ a: 1 }]) console.log(a, b);
// expect: 1
// expect: 2
// expect: a
// expect: b
// expect: a
// expect: b
// expect: 1,2,3
// expect: 1 2
