// Proxy: every trap is called with the specified arguments, in the
// specified order (the logs below were checked against node 20; for-in and
// JSON.stringify orders are left out: V8 interleaves differently from the
// specification there).
var log = [];
function k(x) { return typeof x === "symbol" ? x.toString() : String(x); }
function logging(target) {
  return new Proxy(target, {
    getPrototypeOf(t) { log.push("getPrototypeOf"); return Reflect.getPrototypeOf(t); },
    setPrototypeOf(t, p) { log.push("setPrototypeOf"); return Reflect.setPrototypeOf(t, p); },
    isExtensible(t) { log.push("isExtensible"); return Reflect.isExtensible(t); },
    preventExtensions(t) { log.push("preventExtensions"); return Reflect.preventExtensions(t); },
    getOwnPropertyDescriptor(t, p) { log.push("gopd:" + k(p)); return Reflect.getOwnPropertyDescriptor(t, p); },
    defineProperty(t, p, d) { log.push("define:" + k(p) + ":" + Object.keys(d).join("/")); return Reflect.defineProperty(t, p, d); },
    has(t, p) { log.push("has:" + k(p)); return Reflect.has(t, p); },
    get(t, p, r) { log.push("get:" + k(p)); return Reflect.get(t, p, r); },
    set(t, p, v, r) { log.push("set:" + k(p)); return Reflect.set(t, p, v, r); },
    deleteProperty(t, p) { log.push("delete:" + k(p)); return Reflect.deleteProperty(t, p); },
    ownKeys(t) { log.push("ownKeys"); return Reflect.ownKeys(t); },
    apply(t, th, args) { log.push("apply:" + args.length); return Reflect.apply(t, th, args); },
    construct(t, args, nt) { log.push("construct:" + args.length); return Reflect.construct(t, args, nt); },
  });
}
function flush(label) { console.log(label + " " + log.join(" ")); log = []; }

var p = logging({a: 1, b: 2, [Symbol.iterator]: 0});
p.a; flush("get");
p.c = 3; flush("set");
"a" in p; flush("in");
delete p.c; flush("delete");
Object.keys(p); flush("keys");
Object.assign({}, p); flush("assign");
var spread = {...p}; flush("spread");
Object.getPrototypeOf(p); flush("getPrototypeOf");
Object.setPrototypeOf(p, {}); flush("setPrototypeOf");
Object.isExtensible(p); flush("isExtensible");
Object.defineProperty(p, "d", {value: 4, configurable: true}); flush("defineProperty");
Object.getOwnPropertyDescriptors(p); flush("descriptors");
Object.freeze(p); flush("freeze");
Object.isFrozen(p); flush("isFrozen");
var f = logging(function (a, b) { return a + b; });
f(1, 2); flush("call");
new f(1); flush("construct");
var o = Object.create(logging({x: 1}));
o.x; flush("proto-get");
o.y = 1; flush("proto-set");
"z" in o; flush("proto-has");
// expect: get get:a
// expect: set set:c gopd:c define:c:value/writable/enumerable/configurable
// expect: in has:a
// expect: delete delete:c
// expect: keys ownKeys gopd:a gopd:b
// expect: assign ownKeys gopd:a get:a gopd:b get:b gopd:Symbol(Symbol.iterator) get:Symbol(Symbol.iterator)
// expect: spread ownKeys gopd:a get:a gopd:b get:b gopd:Symbol(Symbol.iterator) get:Symbol(Symbol.iterator)
// expect: getPrototypeOf getPrototypeOf
// expect: setPrototypeOf setPrototypeOf
// expect: isExtensible isExtensible
// expect: defineProperty define:d:value/configurable
// expect: descriptors ownKeys gopd:a gopd:b gopd:d gopd:Symbol(Symbol.iterator)
// expect: freeze preventExtensions ownKeys gopd:a define:a:writable/configurable gopd:b define:b:writable/configurable gopd:d define:d:writable/configurable gopd:Symbol(Symbol.iterator) define:Symbol(Symbol.iterator):writable/configurable
// expect: isFrozen isExtensible ownKeys gopd:a gopd:b gopd:d gopd:Symbol(Symbol.iterator)
// expect: call apply:2
// expect: construct construct:1 get:prototype
// expect: proto-get get:x
// expect: proto-set set:y
// expect: proto-has has:z
