// Function.prototype call/apply/bind/toString and the Function constructor.
function add(a, b) { return this.base + a + b; }
print(add.call({ base: 1 }, 2, 3), add.apply({ base: 10 }, [1, 2]), add.apply({ base: 0 }));
var b = add.bind({ base: 100 }, 1);
print(b(2), b.name, b.length);
print(add.toString());
print((x => x * 2).toString());
var F = new Function("a", "b", "return a * b");
print(F(6, 7), Function("return 5")(), F.length);
function P(x) { this.x = x; }
var BP = P.bind(null, 9);
print(new BP().x, new BP() instanceof P);
print(Math.max.apply(null, [1, 5, 3]));
print(typeof Function.prototype, Function.prototype.call.length, add instanceof Function);
print(Object.prototype.toString.call(add));
// expect: 6 13 NaN
// expect: 103 bound add 1
// expect: function add(a, b) { return this.base + a + b; }
// expect: x => x * 2
// expect: 42 5 2
// expect: 9 true
// expect: 5
// expect: function 1 true
// expect: [object Function]
