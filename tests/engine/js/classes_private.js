// Static and accessor private methods, computed instance field keys.
class A {
  static #sm() { return "static private"; }
  static callSm() { return A.#sm(); }
  #v = 1;
  get #p() { return this.#v * 10; }
  set #p(x) { this.#v = x; }
  bump() { this.#p = 5; return this.#p; }
  ["f" + 1] = "computed";
  [Symbol.iterator] = 3;
  static get #sg() { return "sg"; }
  static sg() { return A.#sg; }
}
var a = new A();
print(A.callSm(), a.bump(), a.f1, a[Symbol.iterator], A.sg());
try { A.prototype.bump.call({}); } catch (e) { print(e.name); }
// expect: static private 50 computed 3 sg
// expect: TypeError
