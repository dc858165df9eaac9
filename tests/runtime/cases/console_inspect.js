console.log({ a: 1, b: 'two', c: [1, 2, 3], d: { e: { f: { g: 1 } } } });
console.log([1, 2, 3], [], {}, [ , , 1], new Array(5));
console.log('str', 42, -0, null, undefined, true, Symbol('s'));
class Foo { constructor() { this.x = 1; } get y() { return 2; } }
console.log(new Foo(), Object.create(null), [new Foo()]);
const o = { name: 'o' }; o.self = o; console.log(o);
console.log(function f() {}, () => {}, class A {}, class B extends Foo {}, async function g() {}, function* h() {});
console.log({ 'a-b': 1, [Symbol('k')]: 2, __proto__x: 3 });
console.log(Array.from({ length: 30 }, (_, i) => i * 3));
console.log(Array.from({ length: 120 }, (_, i) => i));
console.log(['apple', 'banana', 'cherry', 'date', 'elderberry', 'fig', 'grape', 'honeydew']);
console.log({ s: "it's", t: 'a\nb', u: 'q"\'' });
console.log(new Error('boom').message, [new Number(3), new String('x'), new Boolean(false)]);
console.log(Promise.resolve(4), new Promise(() => {}), { get a() { return 1; }, set b(v) {} });
console.log('%s is %d years and %i, %f, %j %o %%', 'Bob', 42.5, 42.9, '3.5', { a: 1 }, [1]);
console.log({ a: { b: { c: {} } } }, { a: [{ b: 1 }] });
console.log({ longlonglonglongkey1: 'valuevaluevalue', longlonglonglongkey2: 'valuevaluevalue', k3: 'valuevaluevalue' });
console.group('G'); console.log('inside\nlines'); console.groupEnd(); console.log('out');
console.log([undefined, null, function () {}], [[1, [2, [3, [4]]]]]);
