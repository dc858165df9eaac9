// Top-level await: evaluation order of async modules and their parents
// against promise jobs, rejections reaching importers, errors cached and
// rethrown (the same error object). Expectations from node 20.
globalThis.modLog = [];
globalThis.setTimeout = undefined;
import("./mod_fixtures/tla_root.mjs").then(() => {
  console.log(modLog.join(" | "));
  modLog.length = 0;
  return import("./mod_fixtures/tla_reject.mjs");
}).catch((e) => {
  console.log("reject", e.name, e.message, modLog.length);
  return import("./mod_fixtures/tla_reject_dep.mjs").catch((e2) => console.log("same error", e2 === e));
}).then(async () => {
  let first, second;
  try { await import("./mod_fixtures/throws.mjs"); } catch (e) { first = e; }
  try { await import("./mod_fixtures/throws_user.mjs"); } catch (e) { second = e; }
  console.log("cached", first.name, first === second, modLog.join(","));
}).catch((e) => console.log("error", e));
// expect: a start | b start | c (sync) | a after 1 | b job 1 | b end | a end | b job 2 | sync parent sees B | root
// expect: reject RangeError rejected at top level 0
// expect: same error true
// expect: cached URIError true throws evaluated
