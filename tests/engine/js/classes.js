// Classes: fields, private members, accessors, static blocks, super, new.target.
class A {
    #secret = 42;
    x = 1;
    static count = 0;
    static { A.count = 10; }
    constructor(y) { this.y = y; A.count++; }
    get secret() { return this.#secret; }
    set secret(v) { this.#secret = v * 2; }
    sum() { return this.x + this.y; }
    static make() { return new A(5); }
    #priv() { return "p" + this.#secret; }
    callPriv() { return this.#priv(); }
    static has(o) { return #secret in o; }
}
var a = new A(2);
print(a.sum(), a.secret, A.count, A.make().sum(), A.count, a.callPriv(), A.has(a), A.has({}));
a.secret = 5;
print(a.secret, Object.keys(a).join ? "" : "", typeof A.prototype.sum);
class B extends A {
    z = 3;
    constructor() { super(7); this.w = 4; }
    sum() { return super.sum() * 10 + this.z; }
    static make() { return "B:" + super.make().sum(); }
}
var b = new B();
print(b.sum(), b.w, b instanceof A, b instanceof B, B.name, typeof B, Object.getPrototypeOf(B) === A);
print(B.make());
class C extends B {}
print(new C().sum(), new C().y);
try { B(); } catch (e) { print(e.name); }
var D = class { m() { return "anon"; } };
print(D.name, new D().m());
class E { constructor() { print(new.target === E, new.target.name); } }
new E();
class F extends E {}
new F();
class G { static #n = 0; static inc() { return ++G.#n; } }
G.inc();
print(G.inc());
try { A.prototype.callPriv.call({}); } catch (e) { print(e.name); }
class H { ["comp" + "uted"]() { return "c"; } static ["s" + 1] = 9; }
print(new H().computed(), H.s1);
class I extends null { constructor() { return Object.create(I.prototype); } }
print(Object.getPrototypeOf(I.prototype) === null);
// expect: 3 42 11 6 12 p42 true false
// expect: 10  function
// expect: 83 4 true true B function true
// expect: B:6
// expect: 83 7
// expect: TypeError
// expect: D anon
// expect: true E
// expect: false F
// expect: 2
// expect: TypeError
// expect: c 9
// expect: true
