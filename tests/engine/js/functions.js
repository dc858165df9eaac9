// Functions, closures, arrows, this, arguments, new, default and rest parameters.
function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
print(fib(20));
function counter() { var c = 0; return function () { return ++c; }; }
var inc = counter(); inc(); inc(); print(inc());
var fs = [];
for (let i = 0; i < 3; i++) fs[i] = () => i;
print(fs[0](), fs[1](), fs[2]());
var gs = [];
for (var j = 0; j < 3; j++) gs[j] = () => j;
print(gs[0](), gs[2]());
function Point(x, y) { this.x = x; this.y = y; }
Point.prototype.sum = function () { return this.x + this.y; };
var p = new Point(3, 4);
print(p.sum(), p instanceof Point, p.constructor === Point);
var obj = { v: 1, m() { return this.v; }, arrow: function () { return (() => this.v)(); } };
print(obj.m(), obj.arrow());
function args() { return arguments.length + ":" + arguments[1]; }
print(args(1, 2, 3));
function defaults(a, b = a + 1, ...rest) { return a + b + rest.length; }
print(defaults(1), defaults(1, 5, 7, 8));
print(((a, b = 2, ...r) => a + b + r.length)(1));
var named = function fact(n) { return n <= 1 ? 1 : n * fact(n - 1); };
print(named(10), named.name, fib.name, (() => 1).name);
var anon = function () {}; print(anon.name, fib.length, defaults.length);
function Ret() { this.a = 1; return { b: 2 }; }
print(new Ret().b, new Ret().a);
function hoisted() { return inner(); function inner() { return "hoisted"; } }
print(hoisted());
print(typeof undeclaredFn, (function () { return typeof this; })(), (function () { "use strict"; return typeof this; })());
// expect: 6765
// expect: 3
// expect: 0 1 2
// expect: 3 3
// expect: 7 true true
// expect: 1 1
// expect: 3:2
// expect: 3 8
// expect: 3
// expect: 3628800 fact fib 
// expect: anon 1 1
// expect: 2 undefined
// expect: hoisted
// expect: undefined object undefined
