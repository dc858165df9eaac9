// Module namespace exotic objects: sorted keys, descriptors, read-only
// and non-extensible behaviour, Reflect/Object operations, @@toStringTag.
// Expectations from node 20.
import("./mod_fixtures/counter.mjs").then((ns) => {
  "use strict";
  console.log(Reflect.ownKeys(ns).map(String).join(","));
  const d = Object.getOwnPropertyDescriptor(ns, "count");
  console.log("desc", d.value, d.writable, d.enumerable, d.configurable);
  const t = Object.getOwnPropertyDescriptor(ns, Symbol.toStringTag);
  console.log("tag", t.value, t.writable, t.enumerable, t.configurable);
  console.log("proto", Object.getPrototypeOf(ns), Object.isExtensible(ns), Object.isFrozen(ns), Object.isSealed(ns));
  console.log("set", Reflect.set(ns, "count", 5), Reflect.set(ns, "nope", 5), ns.count);
  try { ns.count = 1; } catch (e) { console.log("assign", e.name); }
  try { ns.fresh = 1; } catch (e) { console.log("add", e.name); }
  console.log("delete", Reflect.deleteProperty(ns, "count"), Reflect.deleteProperty(ns, "nope"), Reflect.deleteProperty(ns, Symbol.toStringTag));
  try { delete ns.count; } catch (e) { console.log("strict delete", e.name); }
  console.log("define same", Reflect.defineProperty(ns, "count", { value: 0 }), Reflect.defineProperty(ns, "count", {}));
  console.log("define change", Reflect.defineProperty(ns, "count", { value: 9 }), Reflect.defineProperty(ns, "count", { enumerable: false }), Reflect.defineProperty(ns, "nope", { value: 1 }));
  console.log("setPrototypeOf", Reflect.setPrototypeOf(ns, {}), Reflect.setPrototypeOf(ns, null));
  console.log("preventExtensions", Reflect.preventExtensions(ns));
  try { Object.freeze(ns); } catch (e) { console.log("freeze", e.name); }
  console.log("seal", Object.isSealed(Object.seal(ns)));
  console.log("has", "count" in ns, "nope" in ns, Symbol.toStringTag in ns, Reflect.has(ns, "default"));
  console.log("get missing", ns.nope, ns[Symbol.iterator]);
  console.log("for-in", Object.entries(ns).map(([k, v]) => k + "=" + typeof v).join(" "));
  console.log("spread", Object.keys({ ...ns }).length, JSON.stringify(Object.assign({}, ns, { default: 0, inc: 0, "string name": 0 })));
}).catch((e) => console.log("error", e));
// expect: aliased,count,default,inc,later,string name,Symbol(Symbol.toStringTag)
// expect: desc 0 true true false
// expect: tag Module false false false
// expect: proto null false false true
// expect: set false false 0
// expect: assign TypeError
// expect: add TypeError
// expect: delete false true false
// expect: strict delete TypeError
// expect: define same true true
// expect: define change false false false
// expect: setPrototypeOf false true
// expect: preventExtensions true
// expect: freeze TypeError
// expect: seal true
// expect: has true false true true
// expect: get missing undefined undefined
// expect: for-in aliased=number count=number default=function inc=function later=string string name=function
// expect: spread 6 {"aliased":0,"count":0,"default":0,"inc":0,"later":"set at evaluation","string name":0}
