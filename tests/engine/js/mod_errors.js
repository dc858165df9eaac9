// Module errors seen through import(): missing file, syntax error in an
// imported file, unresolvable and ambiguous imports (SyntaxError at link
// time, before any evaluation), bad import() arguments, ambiguous names
// left out of a namespace. Expectations from node 20.
globalThis.modLog = [];
async function tryImport(label, spec, opts) {
  try {
    const ns = await import(spec, opts);
    console.log(label, "ok", Object.keys(ns).join(","));
  } catch (e) {
    console.log(label, e instanceof Error ? e.constructor.name === "Error" ? "Error" : e.name : typeof e);
  }
}
(async () => {
  await tryImport("missing", "./mod_fixtures/does_not_exist.mjs");
  await tryImport("syntax", "./mod_fixtures/bad_syntax.mjs");
  await tryImport("no export", "./mod_fixtures/bad_import.mjs");
  await tryImport("ambiguous import", "./mod_fixtures/ambiguous_user.mjs");
  await tryImport("ambiguous namespace", "./mod_fixtures/ambiguous.mjs");
  await tryImport("options not object", "./mod_fixtures/counter.mjs", 1);
  await tryImport("with not object", "./mod_fixtures/counter.mjs", { with: 1 });
  await tryImport("attribute not string", "./mod_fixtures/counter.mjs", { with: { type: 1 } });
  await tryImport("json without type", "./mod_fixtures/json_user.mjs");
  const sym = Symbol("s");
  await tryImport("symbol specifier", sym);
  let order = [];
  const spec = { toString() { order.push("toString"); return "./mod_fixtures/counter.mjs"; } };
  const opts = { get with() { order.push("with"); return undefined; } };
  const p = import(spec, opts);
  order.push("after call");
  await p;
  console.log("evaluation order", order.join(","));
  console.log("nothing evaluated", modLog.length);
})();
// expect: missing Error
// expect: syntax SyntaxError
// expect: no export SyntaxError
// expect: ambiguous import SyntaxError
// expect: ambiguous namespace ok one,two
// expect: options not object TypeError
// expect: with not object TypeError
// expect: attribute not string TypeError
// expect: json without type ok name,same,sum
// expect: symbol specifier TypeError
// expect: evaluation order toString,with,after call
// expect: nothing evaluated 0
