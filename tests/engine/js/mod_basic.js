// ES modules through import() from a script: live bindings, namespace
// objects, re-exports, default export forms, JSON modules, import.meta.
// Fixtures in mod_fixtures/ (expectations from node 20).
import("./mod_fixtures/counter.mjs").then(async (c) => {
  console.log("count", c.count, c.aliased, c.later);
  console.log("inc", c.inc(), c.count, c.aliased, c["string name"] === c.inc);
  console.log("default", c.default.name, c.default());
  console.log("keys", Object.keys(c).join(","));
  const r = await import("./mod_fixtures/reexport.mjs");
  console.log("reexport keys", Object.keys(r).join(","));
  console.log("star", r.count, r.c, r.counterDefault === c.default, "default" in r);
  console.log("ns", r.counterNs === c, r.ns2 === c, r.own);
  c.inc();
  console.log("live through re-export", r.count, r.c, r.counterNs.count);
  const again = await import("./mod_fixtures/counter.mjs");
  console.log("same namespace", again === c);
  const d = await import("./mod_fixtures/defaults.mjs");
  console.log("default class", typeof d.default, d.default.name);
  console.log("default fn anon", d.fnAnon.name, d.fnAnon());
  console.log("default expr", d.expr, "default named", d.named.name, d.named());
  const j = await import("./mod_fixtures/json_user.mjs");
  console.log("json", j.same, j.name, j.sum);
  const direct = await import("./mod_fixtures/data.json", { with: { type: "json" } });
  console.log("json ns", Object.keys(direct).join(","), direct.default.nested.ok);
  const m = await import("./mod_fixtures/meta.mjs");
  console.log("meta", typeof m.meta, Object.getPrototypeOf(m.meta), m.metaAgain() === m.meta);
  console.log("then", typeof c.then, Object.prototype.toString.call(c));
}).catch((e) => console.log("error", e));
console.log("sync end");
// expect: sync end
// expect: count 0 0 set at evaluation
// expect: inc 1 1 1 true
// expect: default named default fn
// expect: keys aliased,count,default,inc,later,string name
// expect: reexport keys aliased,c,count,counterDefault,counterNs,inc,later,ns2,own,string name
// expect: star 1 1 true false
// expect: ns true true own
// expect: live through re-export 2 2 2
// expect: same namespace true
// expect: default class function default
// expect: default fn anon default 1
// expect: default expr 42 default named hoisted 2
// expect: json true ochre 6
// expect: json ns default true
// expect: meta object null true
// expect: then undefined [object Module]
